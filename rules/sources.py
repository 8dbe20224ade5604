"""Evidence sources: one page or document an assessor would read for an item, with the text around it.

A Source knows where its dates can come from, in the order of trust of the ITA workflow: the document's own
text, its title, the text of the link that led to it, the page around that link, then its file name or URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from crawler.models import Document, Page
from crawler.parse import fold, images, links_and_images
from crawler.thaitext import arabic_digits, loose_key, match_key, normalize_thai
from rules.results import EvidenceKind
from rules.site import SiteLink
from rules.thaidates import DateSpan, find_dates

DATE_SOURCES_TH = {
    "text": "เนื้อหาเอกสาร",
    "text_ocr": "เนื้อหาเอกสารที่อ่านด้วย OCR",  # Arabic-digit dates only: OCR misreads Thai digits
    "title": "ชื่อเรื่อง",
    "link_text": "ข้อความของลิงก์",
    "context": "ข้อความรอบลิงก์",
    "url": "ชื่อไฟล์/URL",
}


@dataclass
class Source:
    url: str
    kind: EvidenceKind
    found_via: str  # "ita_index", "config", "menu", "title", "linked"
    title: str = ""
    text: str = ""
    # The page's HTML, for the checks that read its structure (forms, cards, tables, news lists). A page read from a
    # site keeps none: `load_html` reads it again from the store whenever a check asks (Source.html), and nothing
    # keeps it, so an item's evidence of a hundred news pages holds their text, not their markup too.
    markup: str = ""
    load_html: Callable[[str], str] | None = field(default=None, repr=False, compare=False)
    # The address that served the page when a redirect moved it ("/news" answered from "/news/"): its relative links
    # lead from there, as the crawler read them. Empty when it is `url`.
    served_url: str = ""
    link_text: str = ""  # the label of the link that led here
    context: str = ""  # text of the row/list item around that link
    # What checks read of a link (url, label, menu or not, off-site or not), as light tuples: a news page has a
    # hundred, and an item's evidence a hundred pages.
    links: list[SiteLink] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)  # (src, alt)
    error: str | None = None  # why it could not be read; such a source makes components "unknown"
    # The server's definite answer that nothing is there (404, 410, a "page not found" page): a finding against
    # the item ("ลิงก์ไม่สามารถเข้าถึงได้"), never a reason for "unknown". `error` is set too (nothing to read).
    dead: str | None = None
    # The text came (partly) from OCR, which misreads Thai digits (๒๕๖๙ -> ๒๕๐๕): dates written in them are
    # not taken from it (shared/ita/thai-text.md).
    ocr_digits_untrusted: bool = False
    # Rows of its Gantt table with a period bar or marks under the month columns (crawler/pdftext.py); None: not
    # measured (no such table, or not a PDF).
    timeline_rows: int | None = None

    @property
    def readable(self) -> bool:
        return self.error is None

    @property
    def html(self) -> str:
        """The page's HTML: what it was given, or read from the site now (not kept: bind it while a check reads it)."""
        if self.markup or self.load_html is None:
            return self.markup
        return self.load_html(self.url)

    @cached_property
    def heading(self) -> str:
        """The page's own title: its h1 headings, or its first h2 (the site name is seldom a heading). Kept: it is
        short, and every check that asks what the source is named reads it."""
        html = self.html
        if not html:
            return ""
        tree = LexborHTMLParser(html)
        h1 = [fold(n.text(separator=" ")) for n in tree.css("h1")]
        h2 = tree.css_first("h2")
        return " ".join(h1) if h1 else fold(h2.text(separator=" ")) if h2 else ""

    @cached_property
    def key(self) -> str:
        """Match key of everything readable here (title, text and the label that led here)."""
        return match_key(" ".join((self.title, self.link_text, self.text)))

    @cached_property
    def loose(self) -> str:
        """The key without tone marks, for text read by OCR: Tesseract drops Thai marks above the line
        ("ขั้นตอน" -> "ขันตอน", "ที่ดิน" -> "ทีดิน"), which would hide every phrase that carries one."""
        return loose_key(" ".join((self.title, self.link_text, self.text)))

    def dated(self) -> tuple[list[DateSpan], str | None]:
        """Dates from the most trusted place that has any, and the name of that place ("text_ocr" when they
        come from OCR'd text, which then holds no Thai-digit dates)."""
        filename = unquote(urlsplit(self.url).path.rsplit("/", 1)[-1])
        for where, text in (
            ("text", self.text),
            ("title", self.title),
            ("link_text", self.link_text),
            ("context", self.context),
            ("url", filename),
        ):
            spans = (self.body_dates(text) if where == "text" else find_dates(text)) if text else []
            if spans:
                return spans, ("text_ocr" if where == "text" and self.ocr_digits_untrusted else where)
        return [], None

    @property
    def number_text(self) -> str:
        """The text to read numbers from (phone numbers, amounts, tax ids), Thai digits as Arabic. From OCR'd text
        the Thai-digit numbers are blanked: Debian's Thai model cannot output ๔ ๖ ๗ ๘ ๙, so whatever it read for
        them is wrong (shared/ita/thai-text.md). Arabic digits, which the English model reads, are kept. Made on each
        ask (a few checks read it), never kept beside the text."""
        return distrust_ocr_digits(self.text) if self.ocr_digits_untrusted else arabic_digits(self.text)

    def number_places(self) -> list[tuple[str, str]]:
        """(where, text) to look for a number in, most trusted first: the text (its Thai-digit numbers blanked when
        OCR read it); for an OCR'd document also the label of the link to it and the text around that link,
        which come from the page's HTML. `where` is a key of NUMBER_SOURCES_TH, or "text"."""
        if not self.ocr_digits_untrusted:
            return [("text", self.number_text)]
        return [
            ("text_ocr", self.number_text),
            ("link_text", arabic_digits(self.link_text)),
            ("context", arabic_digits(self.context)),
        ]

    def body_dates(self, text: str | None = None) -> list[DateSpan]:
        """Dates in the body text (or a slice of it), less those in Thai digits when the text came from OCR."""
        spans = find_dates(self.text if text is None else text)
        if self.ocr_digits_untrusted:
            spans = [s for s in spans if not _THAI_DIGIT.search(s.text)]
        return spans


_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
# Thai digits from OCR become "#": no pattern for a phone number, an amount or a tax id matches them any more.
_DISTRUSTED_DIGITS = str.maketrans(dict.fromkeys("๐๑๒๓๔๕๖๗๘๙", "#"))

# Where a number (phone, amount, tax id) was read, when not simply from the text of a page or text layer.
NUMBER_SOURCES_TH = {
    "text_ocr": "เนื้อหาเอกสารที่อ่านด้วย OCR (เลขอารบิก)",
    "link_text": "ข้อความของลิงก์",
    "context": "ข้อความรอบลิงก์",
}
OCR_THAI_DIGITS_TH = (
    "ตัวเลขที่พบเขียนด้วยเลขไทยในเอกสารที่อ่านด้วย OCR ซึ่งอ่านเลขไทยผิดได้ (๔ ๖ ๗ ๘ ๙) จึงยังยืนยันไม่ได้"
    " / unknown: the only such number found is printed in Thai digits in a document read by OCR, which misreads"
    " them; state it in Arabic digits or in the page's own text"
)


def distrust_ocr_digits(text: str) -> str:
    """`text` with its Thai digits blanked ("#"), for text that came from OCR."""
    return text.translate(_DISTRUSTED_DIGITS)


# Why a linked page or file has nothing to read though the site links it: it was never fetched. The item may be
# in it, so its components are "unknown", naming the URL (never "missing").
NOT_CRAWLED = "ไม่ได้เก็บข้อมูลหน้านี้ (robots.txt ไม่อนุญาต หรือเกินขอบเขตการเก็บข้อมูล) / not crawled"
NOT_FETCHED_FILE = (
    "ไม่ได้ดาวน์โหลดไฟล์นี้ ซึ่งอยู่นอกเว็บไซต์ (เช่น Google Drive ที่ปฏิเสธ ไม่ตอบ หรืออยู่นอกขอบเขตการเก็บข้อมูล)"
    " หลักฐานของข้อนี้อาจอยู่ในไฟล์นี้ / the file, on another host (e.g. Google Drive), was not fetched (refused,"
    " no answer or out of the crawl's scope): the item's evidence may be in it"
)

NEEDS_BROWSER_TH = (
    "หน้านี้สร้างเนื้อหาด้วย JavaScript ต้องใช้เบราว์เซอร์จึงจะอ่านได้ครบ / the page builds its content with"
    " JavaScript: it needs a browser to be read"
)


# --- dead links (shared/ita/document-forms.md, "Links that do not work") ----------------------------------
# 404 and 410 are the server's definite answer that the file or page is not there. Timeouts, 5xx, 429, robots
# refusals and TLS failures are not: those stay unreadable ("unknown", with the reason).
DEAD_STATUSES = {404: "Not Found", 410: "Gone"}
LINK_DEAD_TH = "ลิงก์ไม่สามารถเข้าถึงได้"
# What "page not found" pages say in their title or first heading (CMS and web-server error pages), and, on a
# page with little else, in their text.
_NOT_FOUND = re.compile(
    r"ไม่พบหน้า|ไม่พบไฟล์|ไม่พบเอกสารที่|ไม่มีหน้า(?:เว็บ)?(?:ที่|นี้)|หน้า(?:เว็บ)?(?:ที่คุณ\S*|นี้)\s*ไม่มีอยู่|"
    r"(?:page|file|document)\s+(?:was\s+)?not\s+found|\b404\b\s*[-:|–]?\s*(?:not\s+found|error|ไม่พบ)|"
    r"\berror\s*404\b|can(?:no|'|’)t\s+be\s+found|ไม่พบ\s*url|\bnot\s+found\s*$|^\W*(?:error|ข้อผิดพลาด)?\s*404\W*$",
    re.IGNORECASE,
)
_SOFT_404_TEXT = 400  # characters: a page saying "not found" with little else (no layout around it) is one too


def dead_reason(status: int | None) -> str | None:
    """Why a fetched URL is a dead link (Thai / English), or None: only 404 and 410 are."""
    if status in DEAD_STATUSES:
        return f"{LINK_DEAD_TH} (HTTP {status}) / dead link: HTTP {status} {DEAD_STATUSES[status]}"
    return None


def soft_404(title: str, headings: list[str], text: str) -> str | None:
    """A page served with 200 that says the page or file is not there ("soft 404"): its title or one of its first
    headings (the site's name is often the first) says so, or its whole (short) text does."""
    named = [title, *headings[:3]]
    if any(_NOT_FOUND.search(t.strip()) for t in named if t) or (
        len(text) <= _SOFT_404_TEXT and _NOT_FOUND.search(text)
    ):
        return f"{LINK_DEAD_TH} (หน้าแจ้งว่าไม่พบหน้าหรือไฟล์) / dead link: the page says it was not found"
    return None


MAX_INTERNED_LINKS = 4096  # distinct links shared between the pages of one evaluation (a menu, a footer)
MAX_PAGES_READ = 8  # pages whose links one evaluation remembers (items share evidence pages: news lists, menus)


class PagesRead:
    """The links and images of the stored pages read for one evaluation, by URL, the last MAX_PAGES_READ: one page is
    evidence for several items (O4's news list, a contact page), and its HTML was parsed again for each.

    With `stored` (the site's page_links), the links are those the crawl stored with the page, and only its pictures
    are read from its HTML: the same links as a parse of the HTML finds (tests/rules/test_pages_read.py)."""

    __slots__ = ("_pages", "_stored", "parsed")

    def __init__(self, stored: Callable[[str], list[SiteLink] | None] | None = None) -> None:
        self._pages: dict[str, tuple[list[SiteLink], list[tuple[str, str]]]] = {}
        self._stored = stored
        self.parsed = 0  # pages whose HTML was parsed for their links (a test counts them)

    def read(self, page: Page) -> tuple[list[SiteLink], list[tuple[str, str]]]:
        key = f"{page.url} {page.final_url}"
        found = self._pages.get(key)
        if found is None:
            stored = self._stored(page.url) if self._stored is not None else None
            found = (stored, page_images(page.html, page.final_url)) if stored is not None else self._parse(page)
            if len(self._pages) >= MAX_PAGES_READ:
                self._pages.pop(next(iter(self._pages)))
            self._pages[key] = found
        return found

    def _parse(self, page: Page) -> tuple[list[SiteLink], list[tuple[str, str]]]:
        self.parsed += 1
        links, images = links_and_images(page.html, page.final_url)
        return [SiteLink(lk.url, lk.label, lk.external, lk.nav) for lk in links], [(i.src, i.alt) for i in images]


def page_images(html: str, url: str) -> list[tuple[str, str]]:
    """(src, alt) of the page's pictures, read as crawler.parse.links_and_images reads them."""
    return [(i.src, i.alt) for i in images(html, url)]


def page_source(
    page: Page,
    found_via: str,
    link_text: str = "",
    context: str = "",
    interned: dict[SiteLink, SiteLink] | None = None,
    load_html: Callable[[str], str] | None = None,
    read: PagesRead | None = None,
) -> Source:
    """The source of a page. With `load_html` (a site's HTML reader, by URL), the page's HTML is read here for its
    links and then dropped: the checks that need the structure read it again through `load_html`."""
    if page.needs_browser and not page.error:
        # A JavaScript shell: what is missing from its raw HTML may well be on the rendered page.
        page = page.model_copy(update={"error": NEEDS_BROWSER_TH})
    dead = dead_reason(page.status) or soft_404(page.title, page.headings, page.text)
    if page.error or dead:
        return Source(
            url=page.url,
            kind="page",
            found_via=found_via,
            link_text=link_text,
            context=context,
            title=page.title,
            error=page.error or dead,
            dead=dead,
        )
    light = [SiteLink(lk.url, lk.label, lk.external, lk.nav) for lk in page.links]
    images = [(i.src, i.alt) for i in page.images]
    if page.html and not light:  # a stored page keeps no links: its HTML is read for them (once, with `read`)
        light, images = (read or PagesRead()).read(page)
    return Source(
        url=page.url,
        kind="page",
        found_via=found_via,
        title=page.title,
        text=page.text,
        markup="" if load_html is not None else page.html,
        load_html=load_html if page.html else None,
        served_url=page.final_url if page.final_url != page.url else "",
        link_text=link_text,
        context=context,
        links=light if interned is None else _shared(light, interned),
        images=images,
    )


def _shared(links: list[SiteLink], interned: dict[SiteLink, SiteLink]) -> list[SiteLink]:
    """The links, each the same object as an equal link of another page read before: an item's evidence is up to a
    hundred pages of one site, each with the same menu of a hundred links, held together while the item is judged."""
    if len(interned) > MAX_INTERNED_LINKS:
        interned.clear()  # bounded: a news list's own links are new on every page
    return [interned.setdefault(lk, lk) for lk in links]


def document_source(doc: Document, found_via: str, link_text: str = "", context: str = "") -> Source:
    label = link_text or (doc.link_texts[0] if doc.link_texts else "")
    dead = dead_reason(doc.status)
    return Source(
        url=doc.url,
        kind="document",
        found_via=found_via,
        text=normalize_thai(doc.text),
        link_text=label,
        context=context,
        error=None if doc.readable else (doc.error or "ไม่มีข้อความ"),
        dead=dead,
        ocr_digits_untrusted=_from_ocr(doc),
        timeline_rows=getattr(doc, "timeline_rows", None),
    )


def _from_ocr(doc: Document) -> bool:
    # The extractor ("pdftotext+tesseract", "tesseract") says so too: it survives stores and caches that keep
    # only text, pages, extractor and error.
    return bool(getattr(doc, "ocr_digits_untrusted", False)) or "tesseract" in (doc.extractor or "")


def unreadable(url: str, found_via: str, reason: str, link_text: str = "", kind: EvidenceKind = "page") -> Source:
    return Source(url=url, kind=kind, found_via=found_via, link_text=link_text, error=reason)


@dataclass
class Bundle:
    """All sources for one item: the evidence pages plus the documents and sub-pages they link to."""

    sources: list[Source] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def has(self, url: str) -> bool:
        return any(s.url == url for s in self.sources)

    def add(self, source: Source) -> None:
        if not self.has(source.url):
            self.sources.append(source)

    @property
    def readable(self) -> list[Source]:
        return [s for s in self.sources if s.readable]

    @property
    def unreadable(self) -> list[Source]:
        """Sources that could not be read and may hold what is sought (a scan, a timeout): "unknown"."""
        return [s for s in self.sources if not s.readable and not s.dead]

    @property
    def dead(self) -> list[Source]:
        """Sources the server said are not there (404, 410, a "not found" page): a finding, not "unknown"."""
        return [s for s in self.sources if s.dead]

    def __bool__(self) -> bool:
        return bool(self.sources)
