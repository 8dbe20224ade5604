"""Fast re-scans: what the previous scan of a site knew about a URL, and how a fetch is judged against it.

A nightly scan mostly meets pages and documents that have not changed since the night before. The sink (the
scan database, or a MemorySink in tests) remembers each URL's validators (ETag, Last-Modified) and content
hash from the previous scan. The crawler sends them as If-None-Match / If-Modified-Since; when the server
answers 304 Not Modified, or 200 with the same bytes, the page is not parsed again and the document not read
again: the sink carries the page's stored copy (text, title, headings, HTML, links) into the new scan, and a
document's text comes from the text cache (crawler/textcache.py), which the sink only vouches for while it
holds the text for this reader version.

Not every unchanged URL is asked for every night (`fresh`): like an HTTP cache's heuristic freshness (RFC 9111
4.2.2) and the adaptive fetch schedules of search-engine crawlers, a page that has been the same for a long time
is taken as it was for a tenth of that time, at most `revisit_max_days`, and carried into the scan without a
request. The crawler still asks, every scan, for the pages near the home page (menus, the ITA index) and for
every item's evidence, where a change matters the next morning.

A 304 is trusted only when it answers for what was stored: a URL the sink knows, reached at the same final
URL. Any other 304 (a server that answers 304 unasked, a redirect that now leads elsewhere) is fetched again
without conditions. Only the crawl is skipped: every item is still judged again, with the new scan's date.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal, Protocol, runtime_checkable

from crawler.fetcher import FetchResult
from crawler.models import Document, Link, Page
from crawler.textcache import TextCache


@dataclass(frozen=True)
class Known:
    """A URL as the previous scan stored it: enough to ask "changed?" and to stand in for an unchanged fetch."""

    url: str
    kind: Literal["page", "document"]
    final_url: str
    status: int | None
    content_type: str
    content_hash: str
    size: int = 0
    etag: str | None = None
    last_modified: str | None = None
    verified_at: datetime | None = None  # when the server last answered for this content (naive UTC)
    changed_at: datetime | None = None  # since when the content has been the same (naive UTC)


@runtime_checkable
class RevisitSink(Protocol):
    """A sink that remembers the previous scan of the site (crawler.engine.CrawlSink plus these three)."""

    def known(self, url: str) -> Known | None:
        """What the previous scan stored for `url`; None when nothing reusable (an unreadable page, a document
        whose text is not in the text cache)."""
        ...

    def stored_links(self, known: Known) -> list[Link]:
        """The links of the stored page: the crawler follows them as if it had parsed the page."""
        ...

    def reuse_page(self, page: Page, known: Known) -> None:
        """Store the previous copy of an unchanged page under `page`'s fresh fetch facts (status, depth,
        validators) and links."""
        ...


def conditional_headers(known: Known | None) -> dict[str, str] | None:
    """The request headers that let the server answer 304 when nothing changed."""
    if known is None:
        return None
    headers = {}
    if known.etag:
        headers["If-None-Match"] = known.etag
    if known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return headers or None


HEURISTIC_FRACTION = 0.1  # RFC 9111 4.2.2: "10% of the interval since" the last modification


def utc_now() -> datetime:
    """Now in naive UTC, as the stamps are stored."""
    return datetime.now(UTC).replace(tzinfo=None)


def fresh(known: Known, now: datetime, max_days: float) -> bool:
    """The stored copy may stand in without asking the server: it was verified less than a tenth of its unchanged
    time ago, and less than `max_days` ago. Unchanged since the earlier of the first scan that saw this content
    and the server's Last-Modified. Never fresh without a verification stamp, or when max_days is 0."""
    if max_days <= 0 or known.verified_at is None:
        return False
    since = min(known.changed_at or known.verified_at, _http_date(known.last_modified) or known.verified_at)
    lifetime = min(timedelta(days=max_days), (known.verified_at - since) * HEURISTIC_FRACTION)
    return known.verified_at <= now < known.verified_at + lifetime


def _http_date(value: str | None) -> datetime | None:
    """An HTTP date (Last-Modified) in naive UTC; None when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


def near_home(sink: RevisitSink, start: str, depth: int) -> set[str]:
    """The URLs within `depth` links of the home page as the previous scan stored them: the menus and the pages
    they open, where new links appear, so a re-scan asks for them whatever `fresh` says. Read from the stored
    links, not from this crawl's depths: a sitemap, read before the home page, names every page at depth 1."""
    near, ring = {start}, {start}
    for _ in range(depth):
        linked: set[str] = set()
        for url in ring:
            known = sink.known(url)
            if known is not None and known.kind == "page":
                linked.update(link.url for link in sink.stored_links(known))
        ring = linked - near
        near |= ring
    return near


class RevisitPolicy:
    """The revisit policy beside its storage (the previous scan, `store`): what is known of a URL, whether its
    stored copy may stand in without a request, and the URLs asked for whatever the policy says: `always_ask`
    (the previous scan's evidence, declared URLs) and, per crawl, the pages near the home page."""

    def __init__(self, store: RevisitSink, max_days: float, depth: int, always_ask: Iterable[str] = ()) -> None:
        self.store, self.max_days, self.depth = store, max_days, depth
        self.always_ask = frozenset(always_ask)
        self.must_ask: set[str] = set(self.always_ask)

    def begin(self, start: str) -> None:
        """A crawl from `start` begins: the pages near its home page join the URLs always asked for."""
        self.must_ask = set(self.always_ask)
        if self.max_days > 0:
            self.must_ask |= near_home(self.store, start, self.depth)

    def known(self, url: str) -> Known | None:
        return self.store.known(url)

    def may_carry(self, url: str, known: Known) -> bool:
        """A stored copy stands in without a request: unchanged for long and verified lately, and not a URL the
        crawl must ask for. (The crawler also asks for pages the browser renders.)"""
        return url not in self.must_ask and fresh(known, utc_now(), self.max_days)

    def reuse_page(self, page: Page, known: Known) -> None:
        """An unchanged page is not parsed again: the store carries its stored copy, links included, into this
        scan (the caller sets page.links from stored_links first, to queue them)."""
        self.store.reuse_page(page, known)

    def stored_links(self, known: Known) -> list[Link]:
        return self.store.stored_links(known)


def carried(url: str, known: Known) -> FetchResult:
    """The stored copy as the answer to a request that was not made (`fresh`): handled like a usable 304."""
    result = as_stored(FetchResult(url=url, final_url=known.final_url, status=304), known)
    result.not_asked = True
    return result


def stamps(fetched: FetchResult, known: Known | None, same: bool, now: datetime) -> tuple[datetime, datetime]:
    """(verified_at, changed_at) of what was just fetched or carried; `same`: the stored copy still holds."""
    verified = known.verified_at if fetched.not_asked and known and known.verified_at else now
    if not same or known is None:
        return verified, now
    return verified, known.changed_at or known.verified_at or now


def usable_304(fetched: FetchResult, known: Known | None) -> bool:
    """A 304 that answers for the stored copy. Anything else is fetched again without conditions."""
    return fetched.status == 304 and known is not None and fetched.final_url == known.final_url


def as_stored(fetched: FetchResult, known: Known) -> FetchResult:
    """A usable 304 turned into the 200 that was stored, so that the crawl handles it like any fetch.

    The new validators win when the server sent any (RFC 9111 4.3.4: a 304 updates the stored headers)."""
    headers = dict(fetched.headers)
    if known.etag:
        headers.setdefault("etag", known.etag)
    if known.last_modified:
        headers.setdefault("last-modified", known.last_modified)
    fetched.status = known.status
    fetched.content_type = known.content_type
    fetched.headers = headers
    fetched.not_modified = True
    return fetched


def content_hash(fetched: FetchResult, known: Known | None) -> str:
    """SHA-256 of the body; for a 304, the stored copy's."""
    if fetched.not_modified and known is not None:
        return known.content_hash
    return hashlib.sha256(fetched.body).hexdigest()


def unchanged(fetched: FetchResult, known: Known | None, digest: str) -> bool:
    """The stored copy still holds: the server said so (304), or sent the very same bytes from the same final
    URL (relative links in the same bytes mean other pages when the page moved)."""
    if known is None or fetched.final_url != known.final_url:
        return False
    return fetched.not_modified or digest == known.content_hash


class PreviousCrawl:
    """An earlier crawl kept in memory (a MemorySink's pages and documents) as the previous scan."""

    def __init__(self, pages: list[Page], documents: list[Document], text_cache: TextCache) -> None:
        self._pages = {p.url: p for p in pages if p.error is None and p.content_hash}
        self._documents = {d.url: d for d in documents if d.content_hash}
        self._text_cache = text_cache

    def known(self, url: str) -> Known | None:
        page = self._pages.get(url)
        if page is not None:
            return _known(page, "page", 0)
        document = self._documents.get(url)
        # A document is reused through the text cache: only while it holds the text (same reader version).
        if document is not None and self._text_cache.cached_text(document.content_hash or "") is not None:
            return _known(document, "document", document.size)
        return None

    def stored_links(self, known: Known) -> list[Link]:
        return [link.model_copy() for link in self._pages[known.url].links]

    def page_as(self, page: Page, known: Known) -> Page:
        """The stored page under the fresh fetch facts and links of `page`."""
        fresh = {name: getattr(page, name) for name in FRESH_PAGE_FIELDS}
        return self._pages[known.url].model_copy(update=fresh)


# What a new fetch decides about a page; everything else comes from the stored copy.
FRESH_PAGE_FIELDS = ("url", "final_url", "status", "depth", "content_type", "tls_error", "content_hash", "etag",
                     "last_modified", "verified_at", "changed_at", "links")  # fmt: skip


def _known(stored: Page | Document, kind: Literal["page", "document"], size: int) -> Known:
    return Known(
        url=stored.url,
        kind=kind,
        final_url=stored.final_url,
        status=stored.status,
        content_type=stored.content_type,
        content_hash=stored.content_hash or "",
        size=size,
        etag=stored.etag,
        last_modified=stored.last_modified,
        verified_at=stored.verified_at,
        changed_at=stored.changed_at,
    )
