"""The browser: renders the pages whose content JavaScript builds, in Debian's Chromium driven by Playwright.

One browser per crawl, started on the first page that needs it (most sites never start one); a scan keeps it
open for its second pass and screenshots (Crawler.one_browser). It is restarted after `render_recycle_pages`
pages or when its processes use more than `render_memory_mb`, because a long-running Chromium only grows. Pages are rendered one at a time: a second tab would double the memory
for little gain on a site that is fetched politely anyway.

Browsers are counted per process (BrowserSlots): a fleet worker runs many crawls at once, one per thread, and
at most `browsers_per_process` of them hold a browser. A crawl takes a slot before it launches Chromium and gives
it back when it closes it; one that finds every slot taken waits (its other pages are fetched meanwhile) until
a slot is free or its deadline nears, and then that page is read as if there were no browser, with the reason.
A browser that has rendered nothing for `render_idle_seconds` while another crawl waits is closed, so that
slots go round; its crawl starts one again when it needs it.

What the browser may do is bounded like the fetcher:
- a route guard lets through only requests to the site being scanned (crawler.urls.in_scope) that pass the
  private-address guard (crawler.netguard); trackers, CDNs, fonts and every other host are aborted, and so
  are service workers, downloads, pictures and media (they build no links). Allowed requests are made through
  Playwright with redirects followed hop by hop, each hop checked the same way, because Chromium follows
  redirects without asking the guard;
- each page has a deadline: a page that never finishes loading gives back what it has, with a note;
- each render takes a turn at the site's politeness gate, as a fetch does.

Without Chromium (or when it cannot start) `render` raises BrowserUnavailable once per crawl, with a Thai and
English explanation of how to install it; the crawl goes on without rendering.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from crawler.netguard import AddressGuard, BlockedAddress
from crawler.politeness import Gates
from crawler.settings import CrawlSettings
from crawler.urls import in_scope

if TYPE_CHECKING:  # Playwright is imported when a browser starts: most crawls never need one
    from playwright.async_api import Browser, BrowserContext, Page, Playwright, Route

# Debian's Chromium as measured on this project (shared/ita/thai-text.md). Playwright gives each launch a
# fresh temporary profile (user-data-dir) and removes it on close.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
INSTALL_HINT = (
    "ติดตั้งเบราว์เซอร์ Chromium ด้วยคำสั่ง `sudo apt-get install chromium` (หรือตั้งค่า browser_path ใน [crawl]"
    " ของ config.toml) แล้วสแกนใหม่ / install Chromium with `sudo apt-get install chromium` (or set browser_path"
    " in config.toml's [crawl]) and scan again"
)
RENDER_OFF = 'ปิดการแสดงผลด้วยเบราว์เซอร์ไว้ (render = "off" ใน [crawl]) / rendering is off in config.toml'
_REDIRECTS = (301, 302, 303, 307, 308)
_SKIPPED_TYPES = ("image", "media", "font")  # build no links; skipped except for screenshots
# How built the page is: links, elements and characters, counted without serialising the DOM.
_SHAPE = (
    "() => [document.links.length, document.getElementsByTagName('*').length,"
    " document.body ? document.body.textContent.length : 0]"
)
_SETTLE_POLL = 0.05  # seconds between looks at the page while scripts are still building it
_SETTLE_QUIET = 2  # unchanged looks, with no request in flight, before the page counts as built
_CLOSE_TIMEOUT = 10.0  # seconds to close a browser before its processes are left to the OS
# A wait for a browser slot ends this long before the crawl's deadline, so that the page is still read (as fetched,
# with the reason) before the deadline ends the pass.
_SLOT_MARGIN = 1.0
log = logging.getLogger("crawler.render")


class BrowserUnavailable(Exception):
    """No browser can be used in this crawl. The message is for the user (Thai first) and says how to fix it."""


@dataclass
class _Waiter:
    loop: asyncio.AbstractEventLoop
    woken: asyncio.Future[None]
    limit: int
    granted: bool = False  # the slot is this waiter's now (set under BrowserSlots' lock)


class BrowserSlots:
    """How many browsers this process may have alive at once. Thread-safe: each crawl of a fleet worker runs in a
    thread of its own with its own event loop. Slots go to waiting crawls first come, first served."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held = 0
        self._waiters: list[_Waiter] = []
        self.peak = 0  # the most slots held at once (tests and benchmarks read it)

    @property
    def held(self) -> int:
        return self._held

    @property
    def wanted(self) -> bool:
        """Whether a crawl is waiting for a slot (an idle browser is then closed: crawler.render.Renderer)."""
        return bool(self._waiters)

    async def take(self, limit: int, until: float | None) -> bool:
        """A slot, when one is free before `until` (time.monotonic()); False when the wait reached it. Waits
        without blocking the event loop; a cancelled wait leaves no slot taken."""
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._held < limit and not self._waiters:
                self._grant()
                return True
            waiter = _Waiter(loop, loop.create_future(), limit)
            self._waiters.append(waiter)
        timeout = None if until is None else max(0.0, until - time.monotonic())
        try:
            await asyncio.wait_for(asyncio.shield(waiter.woken), timeout)
        except BaseException as exc:  # the deadline, or the crawl cancelled: the slot may have come meanwhile
            with self._lock:
                granted = waiter.granted
                if not granted:
                    self._waiters.remove(waiter)
            if isinstance(exc, TimeoutError):
                return granted  # a slot that came as the wait ended is kept
            if granted:
                self.give_back()
            raise
        return True

    def give_back(self) -> None:
        with self._lock:
            self._held -= 1
            while self._waiters and self._held < self._waiters[0].limit:
                waiter = self._waiters.pop(0)
                try:
                    waiter.loop.call_soon_threadsafe(_wake, waiter.woken)
                except RuntimeError:  # its loop has closed: nobody waits there any more
                    continue
                waiter.granted = True
                self._grant()

    def _grant(self) -> None:
        self._held += 1
        self.peak = max(self.peak, self._held)


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


BROWSER_SLOTS = BrowserSlots()  # one count for the whole process


def busy(slots: int) -> str:
    return (
        f"เบราว์เซอร์ของเครื่องนี้ไม่ว่างทั้ง {slots} ตัวจนใกล้หมดเวลาสแกน จึงอ่านหน้านี้ตามที่ดาวน์โหลดได้"
        f" / all {slots} browsers of this process were busy until the scan's time was nearly up: the page was"
        " read as fetched"
    )


@dataclass
class Rendered:
    url: str
    final_url: str
    html: str = ""
    status: int | None = None
    error: str | None = None  # nothing usable came back (Thai first)
    note: str | None = None  # usable, with a caveat (the page did not finish loading)
    seconds: float = 0.0
    blocked: int = 0  # requests the route guard stopped


@dataclass
class RenderStats:
    pages: int = 0
    seconds: float = 0.0  # spent rendering pages (waiting for the politeness gate included)
    launches: int = 0
    launch_seconds: float = 0.0  # spent starting browsers
    peak_rss: int = 0  # bytes: the browser's processes together, at their largest
    blocked: int = 0


class Renderer:
    def __init__(self, settings: CrawlSettings, start_url: str, gates: Gates, guard: AddressGuard) -> None:
        self.settings = settings
        self.start_url = start_url
        self.gates = gates
        self.guard = guard
        self.stats = RenderStats()
        self._lock = asyncio.Lock()  # one page at a time (see the module docstring)
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._context: BrowserContext | None = None
        self._since_launch = 0
        self._broken: str | None = None
        self._tab_page: Page | None = None
        self._in_flight: set[object] = set()  # requests of the page being rendered that have not finished
        self._blocked = 0  # requests the route guard stopped, in all
        self.deadline: float | None = None  # the crawl's end (set by the Crawler): slot waits end first
        self._slot = False  # whether this renderer holds one of the process's browser slots (BROWSER_SLOTS)
        self._last_used = 0.0  # time.monotonic() when the browser last rendered or started
        self._idle_watch: asyncio.Task[None] | None = None

    # --- the public calls --------------------------------------------------------------------------------
    async def render(self, url: str) -> Rendered:
        """The page's HTML after its scripts ran. Raises BrowserUnavailable; never hangs."""
        async with self._lock:
            context = await self._ready()
            started = time.monotonic()
            gate = self.gates.for_host(urlsplit(url).hostname or "")
            async with gate.slot():
                try:
                    result = await asyncio.wait_for(self._render(context, url), self.settings.render_timeout + 15)
                except TimeoutError:  # the browser itself stopped answering: start a new one next time
                    await self._close_browser()
                    result = Rendered(url, url, error=_timed_out(self.settings.render_timeout))
            result.seconds = time.monotonic() - started
            self._last_used = time.monotonic()
            self._account(result)
            await self._recycle_if_due()
            return result

    async def screenshot(self, url: str) -> bytes | None:
        """A JPEG of the page as a visitor sees it (pictures included), or None when it cannot be taken."""
        async with self._lock:
            context = await self._ready()
            gate = self.gates.for_host(urlsplit(url).hostname or "")
            async with gate.slot():
                page = await context.new_page()
                try:
                    await self._guard_routes(page, pictures=True)
                    await page.goto(url, wait_until="load", timeout=self.settings.render_timeout * 1000)
                    return await page.screenshot(type="jpeg", quality=70, timeout=self.settings.render_timeout * 1000)
                except Exception:
                    return None
                finally:
                    await _quietly(page.close())
                    self._last_used = time.monotonic()

    async def aclose(self) -> None:
        await self._close_browser()

    # --- one page -----------------------------------------------------------------------------------------
    async def _render(self, context: BrowserContext, url: str) -> Rendered:
        result = Rendered(url, url)
        page = await self._tab(context)
        self._in_flight.clear()
        blocked_before = self._blocked
        deadline = time.monotonic() + self.settings.render_timeout
        try:
            response = await page.goto(url, wait_until="domcontentloaded", timeout=_ms_left(deadline))
            result.status = response.status if response is not None else None
            await _settle(page, self._in_flight, deadline)
        except Exception as exc:
            self._tab_page = None  # a tab still loading or broken is not reused: the next page gets a fresh one
            if not _is_timeout(exc):
                await _quietly(page.close())
                result.error = f"เบราว์เซอร์เปิดหน้านี้ไม่ได้ / the browser could not open the page: {exc}"[:300]
                return result
            result.note = _timed_out(self.settings.render_timeout)
        result.final_url = page.url if page.url.startswith("http") else url
        if (result.status or 0) >= 400:  # the browser was refused what the fetcher got: keep the fetched page
            result.error = f"เบราว์เซอร์ได้รับ HTTP {result.status} / the browser got HTTP {result.status}"
            return result
        result.html = await _html_of(page)
        result.blocked = self._blocked - blocked_before
        if result.note:
            await _quietly(page.close())
        if not result.html and result.error is None:
            result.error = result.note or "ไม่มีเนื้อหา / no content"
        return result

    async def _tab(self, context: BrowserContext) -> Page:
        """The tab pages are rendered in, one after another: opening a tab costs ~130 ms, more than a page."""
        if self._tab_page is None or self._tab_page.is_closed():
            page = await context.new_page()
            page.on("request", lambda request: self._in_flight.add(request))
            page.on("requestfinished", lambda request: self._in_flight.discard(request))
            page.on("requestfailed", lambda request: self._in_flight.discard(request))
            await self._guard_routes(page, pictures=False)
            self._tab_page = page
        return self._tab_page

    async def _guard_routes(self, page: Page, pictures: bool) -> None:
        async def guard(route: Route) -> None:
            request = route.request
            if not await self._allowed(request.url) or (not pictures and request.resource_type in _SKIPPED_TYPES):
                self._blocked += 1
                await _quietly(route.abort("blockedbyclient"))
                return
            if request.url.startswith(("data:", "blob:")):
                await _quietly(route.continue_())
                return
            await self._fetch_guarded(route)

        await page.route("**/*", guard)

    async def _fetch_guarded(self, route: Route) -> None:
        """Make the request ourselves and follow its redirects one by one, each checked like the first: the
        browser follows redirects without asking the route guard, so a page on the site could otherwise send
        it anywhere (another host, 169.254.169.254). The browser gets the final answer."""
        url, timeout = route.request.url, self.settings.render_timeout * 1000
        try:
            response = await route.fetch(max_redirects=0, timeout=timeout)
            for _ in range(self.settings.max_redirects):
                location = response.headers.get("location")
                if response.status not in _REDIRECTS or not location:
                    break
                url = urljoin(url, location)
                if not await self._allowed(url):
                    self._blocked += 1
                    await route.abort("blockedbyclient")
                    return
                response = await route.fetch(url=url, max_redirects=0, timeout=timeout)
            await route.fulfill(response=response)
        except Exception:  # the page moved on or closed, the server failed: the browser sees a failed request
            await _quietly(route.abort("failed"))

    async def _allowed(self, url: str) -> bool:
        if url.startswith(("data:", "blob:", "about:")):
            return True  # made by the page itself: no request leaves the machine
        if not url.startswith(("http://", "https://")) or not in_scope(
            url, self.start_url, self.settings.allow_subdomains
        ):
            return False
        try:
            await self.guard.check(url)
        except BlockedAddress:
            return False
        return True

    # --- the browser's life ---------------------------------------------------------------------------------
    async def _ready(self) -> BrowserContext:
        if self._broken:
            raise BrowserUnavailable(self._broken)
        if self._context is None:
            await self._take_slot()
            try:
                await self._launch()
            except Exception as exc:
                await self._close_browser()
                self._broken = _unavailable(self.settings.browser_path, exc)
                raise BrowserUnavailable(self._broken) from exc
        assert self._context is not None  # set by _launch
        return self._context

    async def _take_slot(self) -> None:
        """One of the process's browser slots, waited for until shortly before the crawl's deadline. Raises
        BrowserUnavailable when none came: this page goes without, a later one may get a slot."""
        if self._slot:
            return
        limit = self.settings.browsers_per_process
        until = None if self.deadline is None else self.deadline - _SLOT_MARGIN
        if not await BROWSER_SLOTS.take(limit, until):
            raise BrowserUnavailable(busy(limit))
        self._slot = True

    async def _close_when_idle(self) -> None:
        """Give the slot back when the browser has rendered nothing for render_idle_seconds and another crawl
        waits for one: a scan keeps its browser open between passes, which could hold a slot for many minutes."""
        idle = self.settings.render_idle_seconds
        while True:
            await asyncio.sleep(min(1.0, idle / 4))
            if BROWSER_SLOTS.wanted and time.monotonic() - self._last_used >= idle and not self._lock.locked():
                async with self._lock:
                    log.info("browser closed after %.0f s idle: another crawl waits for a browser", idle)
                    await self._close_browser()
                return

    async def _launch(self) -> None:
        path = self.settings.browser_path
        if not Path(path).is_file():
            raise FileNotFoundError(path)
        from playwright.async_api import async_playwright  # imported here: most crawls never need it

        started = time.monotonic()
        self._playwright = await async_playwright().start()
        self._browser = await self._playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_FLAGS, timeout=30_000
        )
        self._context = await self._browser.new_context(
            user_agent=self.settings.agent(),
            locale="th-TH",
            accept_downloads=False,
            ignore_https_errors=True,  # as the fetcher does: expired certificates are common (reported there)
            service_workers="block",  # a service worker's requests would bypass the route guard
            viewport={"width": 1280, "height": 1600},
        )
        self._since_launch = 0
        self._last_used = time.monotonic()
        self._idle_watch = asyncio.create_task(self._close_when_idle())
        self.stats.launches += 1
        self.stats.launch_seconds += time.monotonic() - started
        log.info("browser started: %s (launch %d of this crawl)", path, self.stats.launches)

    def _account(self, result: Rendered) -> None:
        self.stats.pages += 1
        self.stats.seconds += result.seconds
        self.stats.blocked += result.blocked
        self._since_launch += 1

    async def _recycle_if_due(self) -> None:
        if self._context is None:
            return
        rss = browser_rss()
        self.stats.peak_rss = max(self.stats.peak_rss, rss)
        too_big = rss > self.settings.render_memory_mb * 1024 * 1024
        if too_big or self._since_launch >= self.settings.render_recycle_pages:
            await self._close_browser()

    async def _close_browser(self) -> None:
        browser, playwright, watch = self._browser, self._playwright, self._idle_watch
        self._browser = self._context = self._playwright = self._tab_page = self._idle_watch = None
        if watch is not None and watch is not asyncio.current_task():
            watch.cancel()
        try:
            if browser is not None:
                await _quietly(asyncio.wait_for(browser.close(), _CLOSE_TIMEOUT))
            if playwright is not None:
                await _quietly(asyncio.wait_for(playwright.stop(), _CLOSE_TIMEOUT))
        finally:  # after the processes are gone (or left to the OS), also when the close itself is cancelled
            if self._slot:
                self._slot = False
                BROWSER_SLOTS.give_back()


def browser_missing(settings: CrawlSettings) -> str | None:
    """Why no browser can run, when that is clear without starting one (rendering off: None)."""
    if settings.render == "off" or Path(settings.browser_path).is_file():
        return None
    return _unavailable(settings.browser_path, FileNotFoundError(settings.browser_path))


# --- helpers ---------------------------------------------------------------------------------------------------
async def _settle(page: Page, in_flight: set[object], deadline: float) -> None:
    """Wait until scripts stop building the page: no request in flight and the same number of links and
    characters for a few looks in a row. Faster than Playwright's "networkidle" (500 ms of silence), and
    it sees menus that arrive by fetch() after the load event. Raises TimeoutError at the deadline."""
    last, quiet = None, 0
    while quiet < _SETTLE_QUIET:
        if time.monotonic() > deadline:
            raise TimeoutError
        await asyncio.sleep(_SETTLE_POLL)
        shape = await page.evaluate(_SHAPE)
        quiet = quiet + 1 if shape == last and not in_flight else 0
        last = shape


async def _html_of(page: Page) -> str:
    """The DOM as HTML, hidden elements included (dropdown menus are hidden until hovered)."""
    for _ in range(3):
        try:
            return await asyncio.wait_for(page.content(), 5)
        except Exception:  # "page is navigating": a script moved on; look again
            await asyncio.sleep(0.2)
    return ""


def browser_rss() -> int:
    """Bytes resident in the browser's processes (Chromium's, among this process's descendants). psutil when
    installed, else /proc. A sum of RSS, so memory the processes share is counted more than once: an upper
    bound, which is what a limit wants."""
    try:
        import psutil
    except ImportError:
        return _proc_rss()
    total = 0
    for child in psutil.Process().children(recursive=True):
        try:
            if "chrom" in child.name().lower():
                total += child.memory_info().rss
        except psutil.Error:
            continue
    return total


def _proc_rss() -> int:
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name_end = stat.rfind(")")
        names[int(entry.name)] = stat[stat.find("(") + 1 : name_end]
        parents[int(entry.name)] = int(stat[name_end + 2 :].split()[1])
    ours, total = {os.getpid()}, 0
    for pid in sorted(parents):  # children have larger pids than their parents, almost always
        if parents[pid] in ours:
            ours.add(pid)
            if "chrom" in names[pid].lower():
                total += _vm_rss(pid)
    return total


def _vm_rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _ms_left(deadline: float) -> float:
    return max(1.0, (deadline - time.monotonic()) * 1000)


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or type(exc).__name__ == "TimeoutError"  # Playwright's own TimeoutError


def _timed_out(seconds: float) -> str:
    return (
        f"หน้านี้โหลดไม่เสร็จภายใน {seconds:g} วินาที จึงอ่านเท่าที่โหลดได้"
        f" / the page did not finish loading within {seconds:g} s: read what had loaded"
    )


def _unavailable(path: str, exc: BaseException) -> str:
    why = "ไม่พบโปรแกรม / not found" if isinstance(exc, FileNotFoundError) else f"เปิดไม่ได้ / failed to start: {exc}"
    return f"ใช้เบราว์เซอร์ {path} ไม่ได้ ({why})"[:400] + f" {INSTALL_HINT}"


async def _quietly(awaitable: Awaitable[object]) -> None:
    """Cleanup that may fail (a page already closed, a browser that crashed) without hiding the real outcome."""
    with contextlib.suppress(Exception):
        await awaitable
