"""The crawl loop: seed → workers → fetch → decode → parse → hand to the sink → queue the links.

Pages stream to a sink (the database in a real scan) as they arrive; the engine itself keeps only the set of
seen URLs, so memory stays flat however large the site is. The steps the loop composes live in their own
modules, each tested on its own: the budget (crawler/budget.py), robots.txt (crawler/robots.py), the sitemap
source (crawler/sitemaps.py), the revisit policy beside the previous scan (crawler/revisit.py), the Google
Drive confirm step (crawler/drive.py), the document step (crawler/reading.py) and the rendering step
(crawler/browser.py). The caller passes what it decides in the constructor; `stop()` ends a crawl early.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from crawler import workers
from crawler.browser import MAX_LISTED, BrowserStep
from crawler.budget import CrawlBudget
from crawler.decode import decode_html
from crawler.documents import DocumentText, kind_of
from crawler.drive import DriveConfirm
from crawler.failures import failure_reason
from crawler.fetcher import Fetcher, FetchResult
from crawler.frontier import Frontier, Request, names_evidence, names_ita
from crawler.models import CrawlResult, Document, Link, Page
from crawler.nesting import NOTE as DEEP_NESTING
from crawler.parse import LinkMemo, parse_html
from crawler.reading import DocumentReader, fetch_error
from crawler.revisit import (
    Known,
    PreviousCrawl,
    RevisitPolicy,
    RevisitSink,
    as_stored,
    carried,
    conditional_headers,
    content_hash,
    stamps,
    unchanged,
    usable_304,
    utc_now,
)
from crawler.robots import RobotsPolicy
from crawler.settings import CrawlSettings
from crawler.shells import ShellMemory
from crawler.sitemaps import SitemapSource
from crawler.textcache import GuardedTextCache, MemoryTextCache, TextCache
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
from crawler.viewers import document_url

SITEMAP_SHARE = 0.25  # of max_duration: the longest the sitemaps are read before the crawl starts without them
# Pictures linked (not shown) under an evidence label are documents: org charts, scanned announcements.
DOCUMENT_IMAGES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp")


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


@dataclass(frozen=True)
class CrawlOptions:
    """What the caller decides about one crawl besides its settings.

    `deadline`: when the crawl must end (time.monotonic(), the event loop's clock); a scan sets it from its own
    start, leaving time to judge and store (oit/scan/pipeline.py); None ends it max_duration after run() starts.
    `always_ask`: URLs asked for in every scan whatever the revisit policy says (the previous scan's evidence,
    declared URLs); the crawl adds the pages near the home page (crawler/revisit.py).
    `connect_to`: requests for some hosts go to another origin (crawler/fetcher.py): tests serve Google Drive
    from loopback with it."""

    deadline: float | None = None
    always_ask: frozenset[str] = frozenset()
    connect_to: Mapping[str, str] | None = None


class Crawler:
    def __init__(
        self,
        settings: CrawlSettings,
        sink: CrawlSink,
        progress: Progress | None = None,
        options: CrawlOptions | None = None,
        *,
        browser: BrowserStep | None = None,
        text_cache: TextCache | None = None,
        revisits: RevisitSink | None = None,
    ) -> None:
        """`browser`: the rendering step (its shell memory: URL patterns whose pages needed the browser, which a
        scan loads and saves). `text_cache` (read each document once) and `revisits` (the previous scan, which
        makes re-scans of unchanged pages cheap) default to the sink when it is one."""
        self.settings = settings
        self.sink = sink
        self.progress = progress
        self.options = options or CrawlOptions()
        self.result = CrawlResult(start_url="")
        self._browser = browser or BrowserStep(settings)
        cache = text_cache if text_cache is not None else sink if isinstance(sink, TextCache) else None
        self._text_cache = GuardedTextCache(cache, self._note) if cache is not None else None
        previous = revisits if revisits is not None else sink if isinstance(sink, RevisitSink) else None
        self._revisits: RevisitPolicy | None = None
        if previous is not None:
            self._revisits = RevisitPolicy(
                previous, settings.revisit_max_days, settings.revisit_depth, self.options.always_ask
            )
        self._budget = CrawlBudget.starting(settings, time.monotonic(), self.options.deadline)
        self._reader = DocumentReader(settings, self._text_cache)
        self._pages = 0
        self._documents = 0
        self._external_seen: set[int] = set()  # hashes of the off-site URLs recorded (see Frontier)
        self._patterns = PatternWatch()  # what each URL pattern's pages did: traps are judged by it
        self._ita_pages: set[str] = set()  # URLs linked under an ITA label: every link on them is followed
        # The site menu's Links, built once and shared by the pages that show it (crawler/parse.py). One per run:
        # _queue_links marks a Link external, which holds for this crawl's scope.
        self.link_memo = LinkMemo()
        self._frontier = Frontier()
        self._start = ""
        self._during: tuple[str, str] | None = None  # what a time limit interrupts, for its message
        # stop(): the reason, and how a stop reaches the pass running in the event loop (from any thread).
        self._stop_reason: str | None = None
        self._sink_error: Exception | None = None  # the sink could not keep a page: the crawl stops, run() raises it
        self._loop: asyncio.AbstractEventLoop | None = None
        self._halted: asyncio.Event | None = None

    async def run(self, start_url: str, extra_urls: list[str] | None = None) -> CrawlResult:
        """Crawl the site at `start_url`; `extra_urls` (declared evidence URLs) are fetched as well."""
        started = time.monotonic()
        start = normalize(start_url)
        if start is None:
            raise ValueError(f"not an http(s) URL: {start_url}")
        self.result = CrawlResult(start_url=start)
        self._start = start
        self._budget = CrawlBudget.starting(self.settings, started, self.options.deadline)
        self._reader = DocumentReader(self.settings, self._text_cache)  # the OCR budget is one crawl's
        workers.set_memory_limit(self.settings.worker_memory_mb)  # for the document readers' processes
        self._frontier = Frontier()
        self._patterns, self._ita_pages, self._browser.render_anyway = PatternWatch(), set(), set()
        self.link_memo = LinkMemo()
        self._open_pass(Fetcher(self.settings, start, self.options.connect_to))
        if self._revisits is not None:
            self._revisits.begin(start)
        # robots.txt and sitemaps inside the time limit too: a server that trickles them must not hold the scan.
        self._during = _SEEDING
        await self._pass(self._seed_and_crawl(start, extra_urls or []))
        self._raise_if_sink_failed()
        self._finish(started)
        return self.result

    def _raise_if_sink_failed(self) -> None:
        if self._sink_error is not None:
            raise self._sink_error

    def stop(self, reason: str) -> None:
        """End the crawl early, for `reason` (Thai / English): no request is taken from the queue any more, the
        fetches in flight are cancelled (their pages are not stored), and run() or render_again() returns its
        result marked `stopped`. Also before or between passes: a later pass ends at once. Safe to call from
        any thread (the scheduler's), from a signal handler, and from the crawl's own workers and callbacks."""
        self._stop_reason = self._stop_reason or reason
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop is closed: no pass is running to interrupt
                loop.call_soon_threadsafe(self._halt)

    def _halt(self) -> None:
        if self._halted is not None:
            self._halted.set()

    @property
    def stopped(self) -> bool:
        return self._stop_reason is not None

    @property
    def ends_at(self) -> float:
        """When the crawl's time is up (time.monotonic()): later passes and the screenshots stop at it too."""
        return self._budget.deadline

    @property
    def shell_memory(self) -> ShellMemory:
        """URL patterns whose pages needed the browser, those learned in this crawl included (a scan saves them)."""
        return self._browser.shell_memory

    async def _pass(self, work: Coroutine[Any, Any, None]) -> None:
        """Run one pass's `work` until it ends, the deadline passes or stop() is called; then end the pass."""
        self._loop = asyncio.get_running_loop()
        self._halted = asyncio.Event()
        if self._stop_reason is not None:
            self._halted.set()  # stopped before this pass began
        try:
            async with asyncio.timeout_at(self._budget.deadline):
                await self._until_halted(work)
        except TimeoutError:
            self._time_up(self._during)
        finally:
            self._halted = None
            await self._end_pass()
        if self._stop_reason is not None:
            self.result.stopped = True
            self.result.stopped_reason = self._stop_reason  # what ended the crawl, over a bound met before

    async def _until_halted(self, work: Coroutine[Any, Any, None]) -> None:
        """`work` in a task of its own, cancelled when stop() is called (or the deadline cancels this one)."""
        assert self._halted is not None
        task = asyncio.ensure_future(work)
        halted = asyncio.ensure_future(self._halted.wait())
        try:
            done, _ = await asyncio.wait((task, halted), return_when=asyncio.FIRST_COMPLETED)
        finally:
            halted.cancel()
            if not task.done():
                task.cancel()  # the workers' finally cancels the fetches in flight
                await asyncio.wait((task,))
        if task in done:
            task.result()  # an error of the work is the caller's

    def _time_up(self, during: tuple[str, str] | None = None) -> None:
        """The time limit cut the crawl: items not found may simply not have been reached (oit/scan/pipeline.py)."""
        th, en = during or ("", "")
        self.result.stopped_reason = self.result.stopped_reason or (
            f"หมดเวลาที่กำหนด {self.settings.max_duration:g} วินาที{th} / time limit ({self.settings.max_duration:g} s){en}"
        )

    def _note(self, finding: str) -> None:
        self.result.findings.append(finding)

    async def _seed_and_crawl(self, start: str, extra_urls: list[str]) -> None:
        await self._seed(start, extra_urls)
        self._during = None
        await self._run_workers()

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
            source = SitemapSource(
                self._fetcher, self._robots, self.settings.allow_subdomains, self.settings.max_page_bytes
            )
            try:
                async with asyncio.timeout(bound):
                    async for url, sitemap_url in source.urls(start):
                        self._frontier.push(url, 1, sitemap_url, "sitemap", looks_like_document(url))
            except TimeoutError:
                self.result.findings.append(
                    f"อ่าน sitemap ไม่เสร็จภายใน {bound:g} วินาที จึงเก็บข้อมูลตามลิงก์ต่อ"
                    f" / sitemaps not read within {bound:g} s; crawling on by links"
                )

    async def _run_workers(self) -> None:
        """Fetch until the frontier is empty; the deadline or stop() cancels the workers (see _pass)."""
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
                self._record_failure(request, exc)
            finally:
                self._frontier.done()

    def _record_failure(self, request: Request, exc: Exception) -> None:
        """The page that failed is kept with the reason. When keeping it fails too, the sink itself (the database)
        is what failed, and no later page could be kept either: the crawl stops and run() raises the sink's error.
        Carrying on, each worker died on that error and the crawl waited for ever on a queue no one emptied."""
        self.result.errors += 1
        failed = Page(
            url=request.url,
            final_url=request.url,
            depth=request.depth,
            error=f"เกิดข้อผิดพลาดภายใน / internal error: {exc!r}"[:500],
        )
        try:
            self.sink.add_page(failed)
        except Exception as sink_error:
            self._sink_error = self._sink_error or sink_error
            self.stop(SINK_FAILED)

    async def _process(self, request: Request) -> None:
        if not await self._robots.allowed(request.url):
            self.result.robots_disallowed.append(request.url)
            if request.depth == 0:  # the site unreachable, or its robots.txt says no
                self.result.start_error = self._robots.unreadable(request.url) or (
                    "robots.txt ไม่อนุญาตให้อ่านหน้าแรก / robots.txt disallows the start page"
                )
            return
        if self._stop_reason is not None:
            return  # stop() was called: the pass is being cancelled, no new fetch begins
        spent = self._budget.take(request.is_document)  # no await between this and the fetch's start: no overshoot
        if spent is not None:
            self.result.stopped_reason = self.result.stopped_reason or spent
            return
        limit = self._budget.byte_limit(request.is_document)
        revisits = self._revisits
        known = revisits.known(request.url) if revisits is not None else None
        if known is not None and revisits is not None and self._may_carry(revisits, request.url, known):
            fetched = carried(request.url, known)  # unchanged for long and verified lately: not asked again
            self.result.not_asked += 1
        else:
            headers = conditional_headers(known)
            fetched = await self._fetcher.get(request.url, limit, already=self._frontier.seen, headers=headers)
            if fetched.status == 304:
                fetched = await self._revalidated(request, limit, fetched, known)
        if is_hosted_document(request.url):
            fetched = await self._drive.past_warning(fetched, limit)
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

    def _may_carry(self, revisits: RevisitPolicy, url: str, known: Known) -> bool:
        """A stored copy stands in without a request (crawler/revisit.py), but never for pages the browser
        renders: they are judged by what their scripts show."""
        return revisits.may_carry(url, known) and not self._browser.wanted(url)

    async def _revalidated(
        self, request: Request, limit: int, fetched: FetchResult, known: Known | None
    ) -> FetchResult:
        """A 304: the stored copy stands in for the body; a 304 that does not answer for one is fetched again
        without conditions."""
        if known is not None and usable_304(fetched, known):
            return as_stored(fetched, known)
        fetched = await self._fetcher.get(request.url, limit, already=self._frontier.seen)
        if fetched.status == 304:
            fetched.error = "เซิร์ฟเวอร์ตอบ 304 (ไม่เปลี่ยนแปลง) โดยไม่ได้ถาม / 304 Not Modified to a plain request"
        return fetched

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
            page.error = fetch_error(fetched)
            self.result.errors += 1
            self._note_failure(request, fetched)
            if request.depth == 0:
                self.result.start_error = page.error
            self.sink.add_page(page)
            return
        if not fetched.is_html():
            return  # images, feeds and other assets are not pages
        page.content_hash = content_hash(fetched, known)
        page.etag, page.last_modified = fetched.headers.get("etag"), fetched.headers.get("last-modified")
        same = unchanged(fetched, known, page.content_hash)
        page.verified_at, page.changed_at = stamps(fetched, known, same, utc_now())
        # A page the browser renders is judged by what its scripts show, which may change while its HTML does not.
        if known and same and self._revisits is not None and not self._browser.wanted(request.url):
            self._reuse_page(self._revisits, page, known, request.depth)
            return
        html, page.encoding = decode_html(fetched.body, fetched.content_type, self.settings.encoding)
        parsed = parse_html(html, fetched.final_url, self.link_memo)
        if parsed.bounded_html:  # nested too deeply to read whole: keep what was read, so rules re-read it cheaply
            html = parsed.bounded_html
            self.result.findings.append(f"{DEEP_NESTING} ({request.url})")
        html, parsed = await self._browser.rendered(
            request, fetched.final_url, html, parsed, self.link_memo, self.result
        )
        page.title, page.headings, page.text, page.html = parsed.title, parsed.headings, parsed.text, html
        page.links, page.images = parsed.links, parsed.images
        page.needs_browser = parsed.needs_browser  # a JavaScript shell the browser could not render
        if fetched.truncated:
            self.result.findings.append(f"หน้าใหญ่เกินกำหนด อ่านเพียงบางส่วน / page truncated: {request.url}")
        self._queue_links(page, request.depth)  # first: it marks off-site links external before the sink sees them
        self.sink.add_page(page)

    async def _handle_document(
        self, request: Request, fetched: FetchResult, kind: str | None, known: Known | None = None
    ) -> None:
        self._documents += 1
        self.result.documents = self._documents
        if fetched.error or (fetched.status or 0) >= 400:
            self.result.errors += 1
            self._note_failure(request, fetched)
        self.sink.add_document(await self._reader.document(request, fetched, kind, known, self.result))

    async def render_again(self, urls: list[str], sink: CrawlSink | None = None) -> CrawlResult:
        """A scan's second pass, after evaluation: render `urls` (pages partly built by scripts, where a
        missing item may be) and crawl the new links they show. Continues this crawler's run: what the
        first pass fetched is not fetched again. `sink` receives the rendered pages in place of the
        fetched ones (a database must replace the rows it stored)."""
        started = time.monotonic()
        if started >= self._budget.deadline:  # no time left: the first pass used it all
            self._time_up(_SECOND_PASS)
            return self.result
        self.sink = sink or self.sink
        self._browser.render_anyway = set(urls)
        self._revisits = None  # these pages are rendered again: a stored copy must not stand in for them
        self._frontier = self._frontier.carried_over()
        self._open_pass(Fetcher(self.settings, self._start, self.options.connect_to, gates=self._fetcher.gates))
        for url in urls:
            self._frontier.requeue(url, 1, "render")
        self._during = _SECOND_PASS  # the same deadline as the first pass: no new budget
        await self._pass(self._run_workers())
        self._raise_if_sink_failed()
        self.result.duration_s = round(self.result.duration_s + time.monotonic() - started, 3)
        return self.result

    def one_browser(self) -> contextlib.AbstractAsyncContextManager[None]:
        """Within this block the browser stays open from one pass to the next (run, render_again, screenshot):
        a scan starts one browser, not one per pass (crawler/browser.py)."""
        return self._browser.one_browser()

    async def screenshot(self, url: str) -> bytes | None:
        """A JPEG of `url` taken in the crawl's browser (crawler/browser.py); only inside one_browser()."""
        return await self._browser.screenshot(url)

    def _open_pass(self, fetcher: Fetcher) -> None:
        """A pass's fetcher, robots.txt policy and Drive step (the fetcher's connections close when the pass
        ends). The renderer outlives passes and takes its turns at the first fetcher's politeness gates, which
        later fetchers share."""
        self._fetcher = fetcher
        self._robots = RobotsPolicy(
            fetcher, self.settings.robots_token, self.settings.agent(), self.settings.respect_robots
        )
        self._drive = DriveConfirm(fetcher, self._robots, self._frontier, self.result.robots_disallowed)
        self._browser.open(self._start, fetcher.gates, fetcher.guard)
        if self._browser.renderer is not None:  # a wait for a browser slot must end before the crawl does
            self._browser.renderer.deadline = self._budget.deadline

    async def _end_pass(self) -> None:
        self.link_memo = LinkMemo()  # the pass's Links are the sink's now: not held while the scan judges
        await self._browser.end_pass(self.result)
        await self._fetcher.aclose()

    def _reuse_page(self, revisits: RevisitPolicy, page: Page, known: Known, depth: int) -> None:
        """An unchanged page is not parsed again: the sink carries its stored copy into this scan."""
        self.result.unchanged += 1
        page.links = revisits.stored_links(known)
        self._queue_links(page, depth)
        revisits.reuse_page(page, known)

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
        if page.url not in self._browser.render_anyway:  # a page the second pass renders again is no repeat of itself
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
            self.result.ita_index_pages.append(
                page.url
            )  # what failed links from it may have held (oit/scan/pipeline.py)
        return index

    def _note_failure(self, request: Request, fetched: FetchResult) -> None:
        """A URL asked for and not read (refused, timed out): recorded with its link so that no item it may hold is
        called missing (crawler/failures.py). Dead links (404/410) are findings of their own, not failures."""
        reason = failure_reason(fetched.status, fetched.error, off_site=fetched.redirected_off_site is not None)
        if reason is None:
            return
        if not record_skip(self.result.failed, request.url, request.label, reason, request.referrer or ""):
            self.result.failed_unlisted += 1

    def _finish(self, started: float) -> None:
        self.result.duration_s = round(time.monotonic() - started, 3)
        hosts = sorted(self._fetcher.tls_failed_hosts)
        for host in hosts:
            self.result.findings.append(
                f"ใบรับรองความปลอดภัย (TLS) ของ {host} ไม่ถูกต้อง ผู้ประเมินอาจเปิดเว็บไซต์ไม่ได้"
                f" / invalid TLS certificate on {host}"
            )
        self.result.findings.extend(self._robots.notes)


SINK_FAILED = "หยุดเก็บข้อมูลเพราะบันทึกลงฐานข้อมูลไม่ได้ / stopped: pages could not be stored (the database failed)"
_SEEDING = (" ระหว่างอ่าน robots.txt และ sitemap", " while reading robots.txt and sitemaps")
_SECOND_PASS = (" ระหว่างการแสดงผลรอบที่สองด้วยเบราว์เซอร์", " during the second, rendered pass")


def _document_image(link: Link) -> bool:
    """A link to a picture whose label names evidence (an org chart, a scanned announcement): read as a document.
    Gallery photos and banners, which make up most picture links, are left alone."""
    return link.source in ("a", "area") and extension(link.url) in DOCUMENT_IMAGES and names_evidence(link.label)
