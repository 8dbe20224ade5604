"""The crawl loop: fetch → decode → parse → hand to the sink → queue the links.

Pages stream to a sink (the database in a real scan) as they arrive; the engine itself keeps only the set of
seen URLs, so memory stays flat however large the site is.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Protocol
from urllib.parse import urlsplit

from crawler import workers
from crawler.decode import decode_html
from crawler.documents import DocumentText, extract_text, kind_of
from crawler.failures import failure_reason
from crawler.fetcher import Fetcher, FetchResult
from crawler.frontier import Frontier, Request, names_evidence, names_ita
from crawler.models import CrawlResult, Document, Link, Page
from crawler.nesting import NOTE as DEEP_NESTING
from crawler.ocr import OcrBudget
from crawler.parse import LinkMemo, ParsedPage, parse_html
from crawler.render import RENDER_OFF, BrowserUnavailable, Rendered, Renderer
from crawler.revisit import (
    Known,
    PreviousCrawl,
    RevisitSink,
    as_stored,
    carried,
    conditional_headers,
    content_hash,
    fresh,
    near_home,
    stamps,
    unchanged,
    usable_304,
    utc_now,
)
from crawler.robots import RobotsPolicy
from crawler.settings import CrawlSettings
from crawler.shells import ShellMemory, may_hold_evidence
from crawler.textcache import MemoryTextCache, TextCache, cacheable
from crawler.traps import PAGES_ALIKE, TOO_DEEP, PatternWatch, record_skip, url_pattern
from crawler.urls import (
    extension,
    in_scope,
    is_hosted_document,
    looks_like_document,
    normalize,
    should_skip,
    trap_reason,
)
from crawler.viewers import document_url, drive_confirm_url

_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>", re.IGNORECASE)
MAX_SITEMAP_FILES = 5
SITEMAP_SHARE = 0.25  # of max_duration: the longest the sitemaps are read before the crawl starts without them
# Pictures linked (not shown) under an evidence label are documents: org charts, scanned announcements.
DOCUMENT_IMAGES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp")
MAX_LISTED = 200  # pages named in CrawlResult.needs_browser / .scripted / .scripted_nav
# Pages rendered to compare their links with the raw HTML's: the first page of each new layout that runs scripts
# (the home page first). Layouts that show signs of scripted navigation are compared beyond this number, within
# max_rendered_pages. A scan renders a handful of pages, not every page.
MAX_LAYOUT_PROBES = 10
# A layout whose raw HTML already shows a menu this full (links inside navigation containers) and no sign of
# scripted navigation is not probed: its menu is static, and rendering it would start a browser (hundreds of MB,
# a second or two) on almost every municipal site, whose themes all ship scripts. Scripted menus leave the raw
# HTML with an empty or thin menu. Items still missing later get the second pass (oit/rendering.py) anyway.
FULL_STATIC_MENU = 12
RENDER_BUDGET = "ถึงจำนวนหน้าที่แสดงผลด้วยเบราว์เซอร์ได้สูงสุด (max_rendered_pages) / render budget spent"
DRIVE_ROBOTS = (
    "robots.txt ของ Google Drive ไม่อนุญาตให้ดาวน์โหลดไฟล์ขนาดใหญ่นี้"
    " / robots.txt of Google Drive disallows downloading this large file"
)
NOT_A_FILE = "ได้รับหน้าเว็บแทนไฟล์ (ไฟล์อาจไม่ได้เปิดให้ทุกคนเข้าถึง) / got a web page, not the file (shared publicly?)"


class CrawlSink(Protocol):
    def add_page(self, page: Page) -> None: ...
    def add_document(self, document: Document) -> None: ...
    def add_external(self, link: Link, from_url: str) -> None: ...


class MemorySink:
    """Keeps everything in memory: for tests and small sites. Pass one `text_cache` to several crawls to
    read each document once across them, and the sink of an earlier crawl as `previous` to re-scan it the fast
    way (crawler/revisit.py)."""

    def __init__(self, text_cache: MemoryTextCache | None = None, previous: MemorySink | None = None) -> None:
        self.pages: list[Page] = []
        self.documents: list[Document] = []
        self.external: list[Link] = []
        self.text_cache = text_cache if text_cache is not None else MemoryTextCache()
        self.previous = PreviousCrawl(previous.pages, previous.documents, self.text_cache) if previous else None

    def known(self, url: str) -> Known | None:
        return self.previous.known(url) if self.previous else None

    def stored_links(self, known: Known) -> list[Link]:
        return self.previous.stored_links(known) if self.previous else []

    def reuse_page(self, page: Page, known: Known) -> None:
        if self.previous:
            self.pages.append(self.previous.page_as(page, known))

    def cached_text(self, content_hash: str) -> DocumentText | None:
        return self.text_cache.cached_text(content_hash)

    def remember_text(self, content_hash: str, result: DocumentText) -> None:
        self.text_cache.remember_text(content_hash, result)

    def add_page(self, page: Page) -> None:
        self.pages.append(page)

    def add_document(self, document: Document) -> None:
        self.documents.append(document)

    def add_external(self, link: Link, from_url: str) -> None:
        self.external.append(link)


Progress = Callable[[int, int, int, str], None]  # pages, documents, queued, current url


class Crawler:
    def __init__(
        self,
        settings: CrawlSettings,
        sink: CrawlSink,
        progress: Progress | None = None,
        connect_to: Mapping[str, str] | None = None,
    ) -> None:
        """`connect_to` sends the requests for some hosts to another origin (crawler/fetcher.py): tests serve
        Google Drive from loopback with it."""
        self.settings = settings
        self.sink = sink
        self.progress = progress
        self.result = CrawlResult(start_url="")
        self._pages = 0
        self._documents = 0
        self._pages_started = 0  # fetches begun, counted against the budget before they finish
        self._documents_started = 0
        self._external_seen: set[int] = set()  # hashes of the off-site URLs recorded (see Frontier)
        self._sitemaps_read = 0
        self._ocr_budget = OcrBudget(settings.max_ocr_pages, settings.max_ocr_pages_per_document)
        # Sinks that keep extracted texts (the scan database) save re-reading unchanged documents.
        self._text_cache: TextCache | None = sink if isinstance(sink, TextCache) else None
        # Sinks that remember the previous scan (crawler/revisit.py) make re-scans of unchanged pages cheap.
        self._revisits: RevisitSink | None = sink if isinstance(sink, RevisitSink) else None
        # URL patterns whose pages needed the browser (crawler/shells.py); a scan loads and saves them.
        self.shell_memory = ShellMemory()
        self._connect_to = connect_to
        self._renderer: Renderer | None = None  # kept for the crawler's life; its browser starts on first use
        self._keep_browser = False  # inside one_browser(): the browser stays open between passes
        self._render_anyway: set[str] = set()  # the second pass's pages: rendered whatever detection says
        self.layout_probes = MAX_LAYOUT_PROBES  # see MAX_LAYOUT_PROBES; 0 compares only layouts with signs
        self._layouts: dict[str, bool] = {}  # page layouts met: True once a page of the layout was rendered
        self._nav_unread: dict[str, tuple[str, list[str]]] = {}  # url -> (layout, signs of scripted navigation)
        self._nav_gained: set[str] = set()  # in-scope links that only rendered pages showed, so far
        # URLs asked for in every scan whatever the revisit policy says: the previous scan's evidence, declared URLs.
        # The crawl adds the pages near the home page (crawler/revisit.py, near_home).
        self.always_ask: set[str] = set()
        self._must_ask: set[str] = set()  # always_ask and the pages near the home page, for one crawl
        self._patterns = PatternWatch()  # what each URL pattern's pages did: traps are judged by it
        self._ita_pages: set[str] = set()  # URLs linked under an ITA label: every link on them is followed
        # The site menu's Links, built once and shared by the pages that show it (crawler/parse.py). One per run:
        # _queue_links marks a Link external, which holds for this crawl's scope.
        self.link_memo = LinkMemo()
        # When the crawl must end (time.monotonic(), the event loop's clock): robots.txt, sitemaps, pages, documents
        # and the second pass all stop at it. A scan sets it from its own start, leaving time to judge and store
        # (oit/scan.py); left None, run() ends max_duration after it starts.
        self.deadline: float | None = None
        self._deadline = 0.0

    async def run(self, start_url: str, extra_urls: list[str] | None = None) -> CrawlResult:
        """Crawl the site at `start_url`; `extra_urls` (declared evidence URLs) are fetched as well."""
        started = time.monotonic()
        start = normalize(start_url)
        if start is None:
            raise ValueError(f"not an http(s) URL: {start_url}")
        self.result = CrawlResult(start_url=start)
        self._start = start
        self._ocr_budget = OcrBudget(self.settings.max_ocr_pages, self.settings.max_ocr_pages_per_document)
        workers.set_memory_limit(self.settings.worker_memory_mb)  # for the document readers' processes
        self._frontier = Frontier()
        self._patterns, self._ita_pages, self._render_anyway = PatternWatch(), set(), set()
        self.link_memo = LinkMemo()
        self._open_pass(Fetcher(self.settings, start, self._connect_to))
        self._must_ask = set(self.always_ask)
        if self._revisits is not None and self.settings.revisit_max_days > 0:
            self._must_ask |= near_home(self._revisits, start, self.settings.revisit_depth)
        self._deadline = self.deadline if self.deadline is not None else started + self.settings.max_duration
        during: tuple[str, str] | None = _SEEDING
        try:
            # robots.txt and sitemaps inside the time limit too: a server that trickles them must not hold the scan.
            async with asyncio.timeout_at(self._deadline):
                await self._seed(start, extra_urls or [])
                during = None
                await self._run_workers()
        except TimeoutError:
            self._time_up(during)
        finally:
            await self._end_pass()
        self._finish(started)
        return self.result

    @property
    def ends_at(self) -> float:
        """When the crawl's time is up (time.monotonic()): later passes and the screenshots stop at it too."""
        return self._deadline

    def _time_up(self, during: tuple[str, str] | None = None) -> None:
        """The time limit cut the crawl: items not found may simply not have been reached (oit/scan.py)."""
        th, en = during or ("", "")
        self.result.stopped_reason = self.result.stopped_reason or (
            f"หมดเวลาที่กำหนด {self.settings.max_duration:g} วินาที{th} / time limit ({self.settings.max_duration:g} s){en}"
        )

    async def _seed(self, start: str, extra_urls: list[str]) -> None:
        host = urlsplit(start).hostname or ""
        self._fetcher.gates.set_crawl_delay(host, await self._robots.crawl_delay(start))
        self._frontier.push(start, 0, label="home")
        for url in extra_urls:
            target = normalize(url, start)
            if target:
                target = document_url(target) or target  # a declared viewer or share link: the file it shows
                self._frontier.push(target, 1, label="config", is_document=looks_like_document(target))
        if self.settings.read_sitemaps:
            # A sitemap only adds URLs the links may reach anyway: it gets a share of the time, not the crawl's time.
            bound = SITEMAP_SHARE * self.settings.max_duration
            try:
                async with asyncio.timeout(bound):
                    await self._read_sitemaps(start)
            except TimeoutError:
                self.result.findings.append(
                    f"อ่าน sitemap ไม่เสร็จภายใน {bound:g} วินาที จึงเก็บข้อมูลตามลิงก์ต่อ"
                    f" / sitemaps not read within {bound:g} s; crawling on by links"
                )

    async def _run_workers(self) -> None:
        """Fetch until the frontier is empty; the caller's deadline (asyncio.timeout_at) cancels the workers."""
        workers = [asyncio.create_task(self._worker()) for _ in range(self.settings.concurrency)]
        try:
            await self._frontier.join()
        finally:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)

    async def _worker(self) -> None:
        while True:
            request = await self._frontier.get()
            try:
                await self._process(request)
            except Exception as exc:  # one bad page never aborts the scan
                self.result.errors += 1
                self.sink.add_page(
                    Page(
                        url=request.url,
                        final_url=request.url,
                        depth=request.depth,
                        error=f"เกิดข้อผิดพลาดภายใน / internal error: {exc!r}"[:500],
                    )
                )
            finally:
                self._frontier.done()

    async def _process(self, request: Request) -> None:
        if not await self._robots.allowed(request.url):
            self.result.robots_disallowed.append(request.url)
            if request.depth == 0:  # the site unreachable, or its robots.txt says no
                self.result.start_error = self._robots.unreadable(request.url) or (
                    "robots.txt ไม่อนุญาตให้อ่านหน้าแรก / robots.txt disallows the start page"
                )
            return
        if self._over_budget(request):  # no await between this check and the fetch's start: no overshoot
            return
        limit = self.settings.max_document_bytes if request.is_document else self.settings.max_page_bytes
        known = self._revisits.known(request.url) if self._revisits else None
        if known is not None and self._may_carry(request, known):
            fetched = carried(request.url, known)  # unchanged for long and verified lately: not asked again
            self.result.not_asked += 1
        else:
            headers = conditional_headers(known)
            fetched = await self._fetcher.get(request.url, limit, already=self._frontier.seen, headers=headers)
            if fetched.status == 304:
                fetched = await self._revalidated(request, limit, fetched, known)
        if is_hosted_document(request.url):
            fetched = await self._past_drive_warning(fetched, limit)
        final = normalize(fetched.final_url)
        if final and final != request.url:
            self._frontier.mark_seen(final)
        doc_kind = kind_of(fetched.content_type, fetched.final_url) if fetched.error is None else None
        if doc_kind == "image" and not request.is_document:
            doc_kind = None  # pictures reached as pages (banners, galleries) are not read
        # A file on a document host is never crawled as a page, whatever came back.
        if doc_kind or (request.is_document and fetched.error) or is_hosted_document(request.url):
            await self._handle_document(request, fetched, doc_kind, known)
        else:
            await self._handle_page(request, fetched, known)
        if self.progress:
            self.progress(self._pages, self._documents, len(self._frontier), request.url)

    def _may_carry(self, request: Request, known: Known) -> bool:
        """A stored copy stands in without a request (crawler/revisit.py): never for the pages near the home page,
        the URLs the scan must ask for (evidence, declared URLs), or pages the browser renders."""
        return (
            request.url not in self._must_ask
            and not self.shell_memory.knows(request.url)
            and fresh(known, utc_now(), self.settings.revisit_max_days)
        )

    async def _revalidated(
        self, request: Request, limit: int, fetched: FetchResult, known: Known | None
    ) -> FetchResult:
        """A 304: the stored copy stands in for the body; a 304 that does not answer for one is fetched again
        without conditions."""
        if usable_304(fetched, known):
            return as_stored(fetched, known)  # type: ignore[arg-type]  # usable_304 checked that known is not None
        fetched = await self._fetcher.get(request.url, limit, already=self._frontier.seen)
        if fetched.status == 304:
            fetched.error = "เซิร์ฟเวอร์ตอบ 304 (ไม่เปลี่ยนแปลง) โดยไม่ได้ถาม / 304 Not Modified to a plain request"
        return fetched

    async def _past_drive_warning(self, fetched: FetchResult, limit: int) -> FetchResult:
        """Drive answers the download of a file too large for its virus scan with a warning page; its "Download
        anyway" target gives the file. That one step may go to drive.usercontent.google.com; it is fetched like
        any request (robots.txt, the private-address guard, politeness). Other answers pass through unchanged."""
        if fetched.error or fetched.status != 200 or not _is_html(fetched):
            return fetched
        html, _ = decode_html(fetched.body, fetched.content_type)
        target = normalize(drive_confirm_url(html, fetched.final_url) or "")
        if target is None or not is_hosted_document(target):
            return fetched  # not the warning, or it leads off Drive: "got a web page, not the file"
        if not await self._robots.allowed(target):
            self.result.robots_disallowed.append(target)
            return FetchResult(url=fetched.url, final_url=target, error=DRIVE_ROBOTS)
        self._frontier.mark_seen(target)
        confirmed = await self._fetcher.get(target, limit, already=self._frontier.seen)
        confirmed.url = fetched.url
        return confirmed

    def _over_budget(self, request: Request) -> bool:
        """True when the budget is spent; otherwise takes a place in it, so that workers fetching side by side
        cannot together overshoot max_pages / max_documents."""
        if request.is_document:
            if self._documents_started >= self.settings.max_documents:
                self.result.stopped_reason = self.result.stopped_reason or "ถึงจำนวนเอกสารสูงสุด / document limit"
                return True
            self._documents_started += 1
            return False
        if self._pages_started >= self.settings.max_pages:
            self.result.stopped_reason = self.result.stopped_reason or "ถึงจำนวนหน้าสูงสุด / page limit reached"
            return True
        self._pages_started += 1
        return False

    async def _handle_page(self, request: Request, fetched: FetchResult, known: Known | None = None) -> None:
        self._pages += 1
        self.result.pages = self._pages
        page = Page(
            url=request.url,
            final_url=fetched.final_url,
            status=fetched.status,
            depth=request.depth,
            content_type=fetched.content_type,
            tls_error=fetched.tls_error,
        )
        if fetched.duplicate_of:
            self.sink.add_page(page)  # an alias: readers follow final_url to the page stored under it
            return
        if fetched.error or (fetched.status or 0) >= 400:
            page.error = _fetch_error(fetched)
            self.result.errors += 1
            self._note_failure(request, fetched)
            if request.depth == 0:
                self.result.start_error = page.error
            self.sink.add_page(page)
            return
        if not _is_html(fetched):
            return  # images, feeds and other assets are not pages
        page.content_hash = content_hash(fetched, known)
        page.etag, page.last_modified = fetched.headers.get("etag"), fetched.headers.get("last-modified")
        same = unchanged(fetched, known, page.content_hash)
        page.verified_at, page.changed_at = stamps(fetched, known, same, utc_now())
        # A page the browser renders is judged by what its scripts show, which may change while its HTML does not.
        if known and same and not self.shell_memory.knows(request.url):
            self._reuse_page(page, known, request.depth)
            return
        html, page.encoding = decode_html(fetched.body, fetched.content_type, self.settings.encoding)
        parsed = parse_html(html, fetched.final_url, self.link_memo)
        if parsed.bounded_html:  # nested too deeply to read whole: keep what was read, so rules re-read it cheaply
            html = parsed.bounded_html
            self.result.findings.append(f"{DEEP_NESTING} ({request.url})")
        html, parsed = await self._rendered(request, fetched.final_url, html, parsed)
        page.title, page.headings, page.text, page.html = parsed.title, parsed.headings, parsed.text, html
        page.links, page.images = parsed.links, parsed.images
        page.needs_browser = parsed.needs_browser  # a JavaScript shell the browser could not render
        if fetched.truncated:
            self.result.findings.append(f"หน้าใหญ่เกินกำหนด อ่านเพียงบางส่วน / page truncated: {request.url}")
        self._queue_links(page, request.depth)  # first: it marks off-site links external before the sink sees them
        self.sink.add_page(page)

    async def _rendered(
        self, request: Request, final_url: str, html: str, parsed: ParsedPage
    ) -> tuple[str, ParsedPage]:
        """The page as a browser shows it, when it needs one (crawler/parse.py detects JavaScript shells, the
        shell memory knows its URL pattern, or the scan's second pass asked), or when it is the first page of a
        new layout (a probe: kept only when the browser shows links the HTML lacks, which is navigation built by
        scripts); else, or when the browser cannot help, the fetched HTML. Rendered HTML goes through the same
        parser."""
        wanted = parsed.needs_browser or request.url in self._render_anyway or self.shell_memory.knows(request.url)
        probe = not wanted and self._probe_due(parsed)
        relevant = may_hold_evidence(request.depth, request.label, parsed.title)
        if parsed.nav_signs and len(self._nav_unread) < MAX_LISTED:
            self._nav_unread[request.url] = (parsed.layout, parsed.nav_signs)  # until a render of its layout
        if not (wanted or probe):
            if parsed.scripted and relevant and len(self.result.scripted) < MAX_LISTED:
                self.result.scripted.append(request.url)
            return html, parsed
        self._layouts.setdefault(parsed.layout, False)
        self.result.probes += probe
        rendered = await self._render(final_url)  # after the redirects the fetcher checked hop by hop
        if rendered is None or rendered.error:
            if rendered is not None:
                self.result.findings.append(f"{rendered.error} ({request.url})")
            if parsed.needs_browser and relevant and len(self.result.needs_browser) < MAX_LISTED:
                self.result.needs_browser.append(request.url)
            elif parsed.scripted and relevant and len(self.result.scripted) < MAX_LISTED:
                self.result.scripted.append(request.url)  # the second pass says why it stays unread
            return html, parsed
        self._layouts[parsed.layout] = True  # its navigation was seen as a browser shows it
        if rendered.note:
            self.result.findings.append(f"{rendered.note} ({request.url})")
        fresh = parse_html(rendered.html, rendered.final_url, self.link_memo)
        gained = self._links_in_scope(fresh) - self._links_in_scope(parsed)
        new, self._nav_gained = gained - self._nav_gained, self._nav_gained | gained
        grew = len(fresh.links) > len(parsed.links) or len(fresh.text) > len(parsed.text) + 200
        if probe and not (gained or grew):
            return html, parsed  # the browser shows nothing the HTML lacks: read the page as fetched
        if probe and gained:
            self.result.findings.append(_scripted_navigation(request.url, len(gained)))
        # It made a difference: render its siblings without asking. A probe only when it showed links no render
        # showed before: a menu repeated on every page of a layout is crawled once, from its first page.
        learn = bool(new) if probe else grew
        if learn:
            self.shell_memory.learn(request.url)
        fresh.needs_browser = fresh.scripted = False  # rendered: what is not there now, a visitor does not see
        fresh.nav_signs = []
        return rendered.html, fresh

    def _probe_due(self, parsed: ParsedPage) -> bool:
        """Whether to render this page to compare its links: the first page of a layout not met before, when it
        runs scripts (a page without scripts builds no links) and a browser may run."""
        if parsed.script_count == 0 or self._renderer is None or not self.settings.follow_links:
            return False  # no script builds links, no browser, or links are not followed (oit recheck)
        if parsed.layout in self._layouts:
            return False
        if parsed.nav_signs:
            return True
        static_menu = sum(1 for link in parsed.links if link.nav) >= FULL_STATIC_MENU
        return not static_menu and self.result.probes < self.layout_probes

    def _links_in_scope(self, parsed: ParsedPage) -> set[str]:
        return {
            link.url
            for link in parsed.links
            if link.source in ("a", "area", "iframe", "frame")
            and in_scope(link.url, self._start, self.settings.allow_subdomains)
        }

    async def _render(self, url: str) -> Rendered | None:
        """Rendered (crawler/render.py), or None when rendering is off, over budget or the browser unusable."""
        if self.settings.render == "off":
            self.result.browser_problem = RENDER_OFF
        if self._renderer is None or self.result.rendered >= self.settings.max_rendered_pages:
            self.result.browser_problem = self.result.browser_problem or RENDER_BUDGET
            return None
        self.result.rendered += 1
        try:
            return await self._renderer.render(url)
        except BrowserUnavailable as exc:  # the renderer remembers: later pages fail at once, without a new try
            self.result.rendered -= 1
            self.result.browser_problem = str(exc)
            return None

    async def render_again(self, urls: list[str], sink: CrawlSink | None = None) -> CrawlResult:
        """A scan's second pass, after evaluation: render `urls` (pages partly built by scripts, where a
        missing item may be) and crawl the new links they show. Continues this crawler's run: what the
        first pass fetched is not fetched again. `sink` receives the rendered pages in place of the
        fetched ones (a database must replace the rows it stored)."""
        started = time.monotonic()
        if started >= self._deadline:  # no time left: the first pass used it all
            self._time_up(_SECOND_PASS)
            return self.result
        self.sink = sink or self.sink
        self._render_anyway = set(urls)
        self._open_pass(Fetcher(self.settings, self._start, self._connect_to, gates=self._fetcher.gates))
        self._revisits = None  # these pages are rendered again: a stored copy must not stand in for them
        self._frontier = self._frontier.carried_over()
        for url in urls:
            self._frontier.requeue(url, 1, "render")
        try:
            async with asyncio.timeout_at(self._deadline):  # the same deadline as the first pass: no new budget
                await self._run_workers()
        except TimeoutError:
            self._time_up(_SECOND_PASS)
        finally:
            await self._end_pass()
        self.result.duration_s = round(self.result.duration_s + time.monotonic() - started, 3)
        return self.result

    @contextlib.asynccontextmanager
    async def one_browser(self) -> AsyncIterator[None]:
        """Within this block the browser stays open from one pass to the next (run, render_again, screenshot):
        a scan starts one browser, not one per pass. It is still restarted after render_recycle_pages pages or
        when it grows too big (crawler/render.py), and closed when the block ends."""
        self._keep_browser = True
        try:
            yield
        finally:
            self._keep_browser = False
            await self._close_browser()

    async def screenshot(self, url: str) -> bytes | None:
        """A JPEG of `url` taken in the crawl's browser; None when rendering is off or the picture failed.
        Raises BrowserUnavailable. Only inside one_browser(), which closes the browser afterwards."""
        if not self._keep_browser:
            raise RuntimeError("Crawler.screenshot is used inside Crawler.one_browser()")
        if self._renderer is None:
            return None
        return await self._renderer.screenshot(url)

    def _open_pass(self, fetcher: Fetcher) -> None:
        """A pass's fetcher and robots.txt policy (the fetcher's connections close when the pass ends). The
        renderer outlives passes and takes its turns at the first fetcher's politeness gates, which later
        fetchers share."""
        self._fetcher = fetcher
        self._robots = RobotsPolicy(
            fetcher, self.settings.robots_token, self.settings.agent(), self.settings.respect_robots
        )
        if self._renderer is None and self.settings.render != "off":
            self._renderer = Renderer(self.settings, self._start, fetcher.gates, fetcher.guard)

    async def _end_pass(self) -> None:
        self.link_memo = LinkMemo()  # the pass's Links are the sink's now: not held while the scan judges
        if not self._keep_browser:
            await self._close_browser()
        self._count_rendering()
        # Scripted navigation no browser rendered: on pages whose layout no render has shown (off, no Chromium,
        # failed, budget spent). Decided at the end because a page may be parsed while its layout's probe runs.
        self.result.scripted_nav = {
            url: signs for url, (layout, signs) in self._nav_unread.items() if not self._layouts.get(layout)
        }
        if self.result.scripted_nav and self.settings.render == "off":
            self.result.browser_problem = self.result.browser_problem or RENDER_OFF  # what to change, for the user
        await self._fetcher.aclose()

    async def _close_browser(self) -> None:
        if self._renderer is not None:
            await self._renderer.aclose()  # the renderer can start a browser again should a later pass need it

    def _count_rendering(self) -> None:
        """The browser's time and memory so far (the renderer's stats add up over its whole life)."""
        if self._renderer is not None:
            stats = self._renderer.stats
            self.result.render_seconds = round(stats.seconds + stats.launch_seconds, 3)
            self.result.browser_peak_rss = max(self.result.browser_peak_rss, stats.peak_rss)

    def _reuse_page(self, page: Page, known: Known, depth: int) -> None:
        """An unchanged page is not parsed again: the sink carries its stored copy into this scan."""
        assert self._revisits is not None  # known came from it
        self.result.unchanged += 1
        page.links = self._revisits.stored_links(known)
        self._queue_links(page, depth)
        self._revisits.reuse_page(page, known)

    def _queue_links(self, page: Page, depth: int) -> None:
        own = url_pattern(page.url)
        index = self._is_ita_index(page)
        novel = False  # whether this page led to a URL outside its own pattern (crawler/traps.py)
        seen, external_seen = self._frontier.seen, self._external_seen  # read once: ~120 links a page
        for link in page.links:
            if seen(link.url):
                continue  # the common case on menu-heavy sites: decided before, skip the work
            if hash(link.url) in external_seen:
                link.external = True  # already recorded; still flagged on this page
                continue
            if is_hosted_document(link.url):
                # The one exception to staying on the site: the agency's own file on Google Drive/Docs.
                if self.settings.follow_links and self._follow(link, page.url, depth, True, trap_reason(link.url)):
                    novel = True
                continue
            if not in_scope(link.url, self._start, self.settings.allow_subdomains):
                link.external = True
                self._external_seen.add(hash(link.url))
                self.sink.add_external(link, page.url)
                novel = True
                continue
            if not self.settings.follow_links:
                continue  # off-site links are still recorded above; nothing more is fetched (oit recheck)
            is_doc = looks_like_document(link.url) or _document_image(link)
            if should_skip(link.url) and not is_doc:
                continue
            # <embed>/<object> show files (a PDF from getfile.php?id=3): fetched with the document size limit.
            is_doc = is_doc or link.source in ("embed", "object")
            pattern = url_pattern(link.url)
            reason = self._skip_reason(link, pattern, own, depth, is_doc, index)
            if self._follow(link, page.url, depth, is_doc, reason) and pattern != own:
                novel = True
        if page.url not in self._render_anyway:  # a page the second pass renders again is no repeat of itself
            self._patterns.observe(own, page.text or page.content_hash or "", novel)

    def _skip_reason(self, link: Link, pattern: str, own: str, depth: int, is_doc: bool, index: bool) -> str | None:
        """Why `link` is not fetched, or None. Only the hard guards and the depth bound look at the URL; a pattern
        is held back for what its pages did, and never for links from menus, the ITA index page or labels that
        name evidence. A menu link to the next page of its own page's pattern is the chain's own navigation
        (pagination and calendars sit in <nav> elements too), not the site's menu."""
        hard = trap_reason(link.url)
        if hard:
            return hard
        if depth + 1 > self.settings.max_depth and not is_doc:
            return TOO_DEEP
        if not self._patterns.exhausted(pattern):
            return None
        vouched = index or (link.nav and pattern != own) or names_evidence(link.label)
        return None if vouched else PAGES_ALIKE

    def _follow(self, link: Link, referrer: str, depth: int, is_doc: bool, reason: str | None) -> bool:
        """Queue `link`, or record why it is not fetched. True when queued."""
        if reason is not None:
            if not record_skip(self.result.skipped, link.url, link.label, reason, referrer):
                self.result.skipped_unlisted += 1  # counted once per sighting: an upper bound past the list
            return False
        self._frontier.push(link.url, depth + 1, referrer, link.label, is_doc)
        self.result.skipped.pop(link.url, None)  # held back from one page, reached through another
        if names_ita(link.label):
            self._ita_pages.add(link.url)
        return True

    def _is_ita_index(self, page: Page) -> bool:
        """The ITA index page: linked under an ITA label, or titled or headed so. All its links are followed."""
        index = page.url in self._ita_pages or names_ita(page.title) or any(names_ita(h) for h in page.headings[:3])
        if index and page.url not in self.result.ita_index_pages and len(self.result.ita_index_pages) < MAX_LISTED:
            self.result.ita_index_pages.append(page.url)  # what failed links from it may have held (oit/scan.py)
        return index

    def _note_failure(self, request: Request, fetched: FetchResult) -> None:
        """A URL asked for and not read (refused, timed out): recorded with its link so that no item it may hold is
        called missing (crawler/failures.py). Dead links (404/410) are findings of their own, not failures."""
        reason = failure_reason(fetched.status, fetched.error, off_site=fetched.redirected_off_site is not None)
        if reason is None:
            return
        if not record_skip(self.result.failed, request.url, request.label, reason, request.referrer or ""):
            self.result.failed_unlisted += 1

    async def _handle_document(
        self, request: Request, fetched: FetchResult, kind: str | None, known: Known | None = None
    ) -> None:
        self._documents += 1
        self.result.documents = self._documents
        doc = Document(
            url=request.url,
            final_url=fetched.final_url,
            status=fetched.status,
            content_type=fetched.content_type,
            size=len(fetched.body),
            referrers=[request.referrer] if request.referrer else [],
            link_texts=[request.label] if request.label else [],
        )
        if fetched.error or (fetched.status or 0) >= 400:
            doc.error = _fetch_error(fetched)
            self.result.errors += 1
            self._note_failure(request, fetched)
        elif fetched.truncated:
            doc.error = "ไฟล์ใหญ่เกินกำหนด / document larger than the size limit"
        elif kind is None:
            doc.error = NOT_A_FILE
        else:
            doc.content_hash = content_hash(fetched, known)
            doc.etag, doc.last_modified = fetched.headers.get("etag"), fetched.headers.get("last-modified")
            same = unchanged(fetched, known, doc.content_hash)
            doc.verified_at, doc.changed_at = stamps(fetched, known, same, utc_now())
            if known and same:
                self.result.unchanged += 1  # not downloaded again (304), or the same bytes: the cache has its text
                doc.size = doc.size or known.size
            text = await self._read_text(fetched.body, kind, doc.content_hash)
            doc.text, doc.pages, doc.extractor, doc.error = text.text, text.pages, text.extractor, text.error
            doc.ocr_pages, doc.method, doc.quality = text.ocr_pages, text.method, text.quality
            doc.ocr_digits_untrusted, doc.timeline_rows = text.ocr_digits_untrusted, text.timeline_rows
        self.sink.add_document(doc)

    async def _read_text(self, body: bytes, kind: str, content_hash: str) -> DocumentText:
        """The document's text: from the cache when these bytes were read before, else extracted within the
        time limit. Never raises: a file that breaks a reader is an unreadable document, not a failed scan."""
        cached = self._cache_call("cached_text", content_hash)
        if cached is not None:
            self.result.texts_cached += 1
            return cached
        self.result.texts_read += 1
        try:
            text = await asyncio.wait_for(extract_text(body, kind, self._ocr_budget), self.settings.extract_timeout)
        except TimeoutError:
            limit = self.settings.extract_timeout
            text = DocumentText(error=f"อ่านเอกสารนานเกินกำหนด ({limit:g} วินาที) / document reading timed out")
        except Exception as exc:
            text = DocumentText(error=f"อ่านเอกสารไม่ได้ / reading failed: {exc!r}"[:300])
        if cacheable(text):
            self._cache_call("remember_text", content_hash, text)
        return text

    def _cache_call(self, method: str, *args: object) -> DocumentText | None:
        """A call to the text cache. The cache only saves time: when it fails the document is read anyway."""
        if self._text_cache is None:
            return None
        try:
            return getattr(self._text_cache, method)(*args)
        except Exception as exc:
            note = f"ใช้แคชข้อความเอกสารไม่ได้ / document text cache failed: {exc!r}"[:300]
            if note not in self.result.findings:
                self.result.findings.append(note)
            return None

    async def _read_sitemaps(self, start: str) -> None:
        # robots.txt may name sitemaps relative to the site ("Sitemap: /sitemap.xml"): resolve them.
        named = [normalize(u, start) for u in self._robots.sitemaps] or [normalize("/sitemap.xml", start)]
        # A robots.txt may name sitemaps on other hosts: only the site's own are read (scope and SSRF).
        queue = list(dict.fromkeys(u for u in named if u and in_scope(u, start, self.settings.allow_subdomains)))
        while queue and self._sitemaps_read < MAX_SITEMAP_FILES:
            sitemap_url = queue.pop(0)
            if not await self._robots.allowed(sitemap_url):
                continue  # robots.txt unreadable (RFC 9309: disallow all) or the sitemap is disallowed
            self._sitemaps_read += 1
            fetched = await self._fetcher.get(sitemap_url, self.settings.max_page_bytes)
            if fetched.error or fetched.status != 200:
                continue
            text, _ = decode_html(fetched.body, fetched.content_type)
            for loc in _LOC.findall(text):
                url = normalize(loc, sitemap_url)
                if url and in_scope(url, start, self.settings.allow_subdomains) and not trap_reason(url):
                    if url.endswith(".xml"):
                        queue.append(url)  # a sitemap index names further sitemaps
                    elif not should_skip(url):
                        self._frontier.push(url, 1, sitemap_url, "sitemap", looks_like_document(url))

    def _finish(self, started: float) -> None:
        self.result.duration_s = round(time.monotonic() - started, 3)
        hosts = sorted(self._fetcher.tls_failed_hosts)
        for host in hosts:
            self.result.findings.append(
                f"ใบรับรองความปลอดภัย (TLS) ของ {host} ไม่ถูกต้อง ผู้ประเมินอาจเปิดเว็บไซต์ไม่ได้"
                f" / invalid TLS certificate on {host}"
            )
        self.result.findings.extend(self._robots.notes)


_SEEDING = (" ระหว่างอ่าน robots.txt และ sitemap", " while reading robots.txt and sitemaps")
_SECOND_PASS = (" ระหว่างการแสดงผลรอบที่สองด้วยเบราว์เซอร์", " during the second, rendered pass")


def _fetch_error(fetched: FetchResult) -> str:
    """Why a fetch gave nothing to read, with the HTTP status when the server answered one (Thai / English)."""
    status = fetched.status or 0
    if status >= 400:
        return f"HTTP {status}: {fetched.error}" if fetched.error else f"HTTP {status}"
    return fetched.error or f"HTTP {status}"


def _scripted_navigation(url: str, gained: int) -> str:
    return (
        f"เมนูนำทางของหน้า {url} สร้างด้วยสคริปต์: แสดงผลด้วยเบราว์เซอร์แล้วพบลิงก์ในเว็บไซต์เพิ่ม {gained} ลิงก์ และติดตามลิงก์เหล่านั้นแล้ว"
        f" / the navigation of {url} is built by scripts: rendered, it shows {gained} more links on the site, crawled"
    )


def _document_image(link: Link) -> bool:
    """A link to a picture whose label names evidence (an org chart, a scanned announcement): read as a document.
    Gallery photos and banners, which make up most picture links, are left alone."""
    return link.source in ("a", "area") and extension(link.url) in DOCUMENT_IMAGES and names_evidence(link.label)


def _is_html(fetched: FetchResult) -> bool:
    ctype = fetched.content_type.split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml", ""):
        return True
    return ctype.startswith("text/") and b"<html" in fetched.body[:2048].lower()
