"""What the crawler hands to the rest of the pipeline: fetched pages, their links, and documents.

Everything here is plain data. The rule engine never talks to the network; it reads these.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

LinkSource = Literal["a", "area", "frame", "iframe", "meta_refresh", "sitemap", "embed", "object", "config"]


class Link(BaseModel):
    """One link as found on a page, with everything a human would read to decide where it goes."""

    url: str  # absolute, normalised
    text: str = ""  # anchor text, whitespace folded
    title: str = ""  # title attribute
    img_alt: str = ""  # alt text of images inside the link (menus are often image banners)
    source: LinkSource = "a"
    external: bool = False  # off the target site: recorded, not crawled
    nav: bool = False  # inside the site's navigation (menus, breadcrumbs): the same on every page

    @property
    def label(self) -> str:
        """All human-readable text attached to the link, for keyword matching."""
        if not (self.title or self.img_alt):
            return self.text  # most links: asked for hundreds of thousands of times a scan
        return " ".join(p for p in (self.text, self.title, self.img_alt) if p)

    @classmethod
    def trusted(cls, url: str, text: str, title: str, img_alt: str, source: str, nav: bool) -> Link:
        """The Link model_construct() would build from these six fields (not validated: the caller made each one
        of the right type), built in a third of its time: model_construct walks every field's aliases and
        defaults in Python, per link, on the ~120 links of every page. tests/crawler/test_parse.py holds the two
        equal field for field."""
        link = _new(cls)
        _set(link, "__dict__", {"url": url, "text": text, "title": title, "img_alt": img_alt, "source": source,
                                "external": False, "nav": nav})  # fmt: skip
        _set(link, "__pydantic_fields_set__", {"url", "text", "title", "img_alt", "source", "nav"})
        _set(link, "__pydantic_extra__", None)
        _set(link, "__pydantic_private__", None)
        return link


_new = BaseModel.__new__
_set = object.__setattr__


class Image(BaseModel):
    src: str
    alt: str = ""


class Page(BaseModel):
    """A fetched HTML page (or a failure to fetch one)."""

    url: str  # the URL as queued (normalised)
    final_url: str  # after redirects
    status: int | None = None  # HTTP status; None when no response came
    error: str | None = None  # why it could not be read (Thai first), None when fine
    content_type: str = ""
    encoding: str | None = None
    content_hash: str | None = None
    title: str = ""
    headings: list[str] = Field(default_factory=list)
    text: str = ""  # visible text, whitespace folded
    html: str = ""  # decoded HTML, kept for structure checks (executive cards, maps)
    links: list[Link] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    depth: int = 0
    tls_error: bool = False
    needs_browser: bool = False  # raw HTML looks like a JavaScript shell
    etag: str | None = None  # validators of the response, sent back on the next scan (crawler/revisit.py)
    last_modified: str | None = None
    # When the server last answered for this content (200 or 304), and since when it has been the same, in UTC
    # (naive): a page unchanged for long is asked for again only now and then (crawler/revisit.py, `fresh`).
    verified_at: datetime | None = None
    changed_at: datetime | None = None


class Document(BaseModel):
    """A downloaded document (PDF, …) and the text that could be read from it."""

    url: str
    final_url: str
    status: int | None = None
    content_type: str = ""
    size: int = 0
    content_hash: str | None = None
    text: str = ""
    pages: int | None = None
    extractor: str | None = None  # e.g. "pdftotext", "pypdfium2"; "+tesseract" when pages were OCR'd
    error: str | None = None  # unreadable: why (the item becomes "unknown", never "missing")
    ocr_pages: int = 0  # pages whose text came from OCR
    method: Literal["text_layer", "ocr", "mixed"] | None = None
    quality: float | None = None  # share of dictionary words in `text` (crawler/quality.py); None: not judged
    # Some text came from OCR, which misreads Thai digits: years, dates and amounts in Thai digits are not to be
    # taken from `text` (rules/sources.py takes them from the title, link text, context or URL instead).
    ocr_digits_untrusted: bool = False
    timeline_rows: int | None = None  # rows with a period bar or marks under a Gantt's months (DocumentText)
    etag: str | None = None  # validators of the response, sent back on the next scan (crawler/revisit.py)
    last_modified: str | None = None
    # When the server last answered for this content (200 or 304), and since when it has been the same, in UTC
    # (naive): a page unchanged for long is asked for again only now and then (crawler/revisit.py, `fresh`).
    verified_at: datetime | None = None
    changed_at: datetime | None = None
    referrers: list[str] = Field(default_factory=list)  # pages that link here
    link_texts: list[str] = Field(default_factory=list)  # anchor texts used for it

    @property
    def readable(self) -> bool:
        return self.error is None and bool(self.text.strip())


class SkippedUrl(BaseModel):
    """A URL found on the site and not read: not fetched (crawler/traps.py), or fetched and refused or failed
    (crawler/failures.py). What linked it, under which label, and why."""

    url: str
    label: str = ""
    # Not fetched: a key of crawler.traps.REASONS_TH ("pages alike", "deeper than max_depth", a hard guard). Failed:
    # "HTTP 429", "HTTP 503", or the fetch error (Thai / English), e.g. a timeout.
    reason: str
    referrer: str = ""


class CrawlResult(BaseModel):
    """What a crawl did, in numbers and notes. The pages themselves went to the sink."""

    start_url: str
    pages: int = 0
    documents: int = 0
    texts_read: int = 0  # documents whose text was extracted in this crawl
    texts_cached: int = 0  # documents whose text came from the cache (the same bytes were read before)
    unchanged: int = 0  # pages and documents the previous scan stored unchanged (304 or same bytes): reused
    not_asked: int = 0  # of those, the ones not even asked for: unchanged for long, checked recently (revisit)
    errors: int = 0
    duration_s: float = 0.0
    findings: list[str] = Field(default_factory=list)  # site-level notes (invalid TLS, robots unreadable)
    robots_disallowed: list[str] = Field(default_factory=list)
    stopped_reason: str | None = None  # set when a bound (pages, time) ended the crawl early, or stop() (its reason)
    stopped: bool = False  # Crawler.stop() ended the crawl (the scheduler shutting down): the scan is incomplete
    start_error: str | None = None  # the start page itself could not be read: the scan cannot judge
    # Pages that build their content with JavaScript (crawler/render.py).
    rendered: int = 0  # pages rendered in the browser
    render_seconds: float = 0.0  # time spent rendering, browser starts included
    browser_peak_rss: int = 0  # bytes: the browser's processes together, at their largest
    browser_problem: str | None = None  # why the browser could not be used (off, missing, budget): Thai, how to fix
    needs_browser: list[str] = Field(default_factory=list)  # such pages, where evidence may be (linked as evidence)
    scripted: list[str] = Field(default_factory=list)  # partly script-built pages, not rendered: second-pass candidates
    # Pages whose navigation scripts build (crawler/parse.py, navigation_signs) and that no browser rendered, with
    # the signs seen: what the crawl did not find may be behind their menus (oit/scan/rendering.py: "unknown").
    scripted_nav: dict[str, list[str]] = Field(default_factory=dict)
    probes: int = 0  # pages rendered only to compare their links with the raw HTML's (one per new layout)
    # URLs found and not fetched, by URL (the first MAX_SKIPPED_LISTED of them; a URL fetched after all, through
    # another link, leaves the list), and how many more there were: named in the findings, and an item missing
    # while a skipped URL's label or address names it is unknown (oit/scan/pipeline.py).
    skipped: dict[str, SkippedUrl] = Field(default_factory=dict)
    skipped_unlisted: int = 0
    # URLs fetched and not read (crawler/failures.py): refused (429, 503, other 4xx/5xx but the dead links 404/410),
    # timed out, broken off. Listed and counted like `skipped`; an item missing while one of them may hold it is
    # unknown with the reason (oit/scan/pipeline.py).
    failed: dict[str, SkippedUrl] = Field(default_factory=dict)
    failed_unlisted: int = 0
    ita_index_pages: list[str] = Field(default_factory=list)  # pages read as the ITA index (every link followed)
