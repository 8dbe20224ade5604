"""Browsers alive at once in one process (crawler/render.py's BrowserSlots): a fleet worker's concurrent crawls,
each in a thread with its own event loop, share `browsers_per_process` of them. Real Chromium against real HTTP
servers on loopback; Chromium is required as tests/requires.py says."""

from __future__ import annotations

import asyncio
import threading
import time

import psutil
import pytest

from crawler.engine import Crawler, MemorySink
from crawler.models import CrawlResult
from crawler.netguard import AddressGuard
from crawler.politeness import Gates
from crawler.render import BROWSER_SLOTS, BrowserUnavailable, Renderer, browser_rss
from crawler.settings import CrawlSettings
from tests.crawler.support import LocalServer, fast_settings, page

needs_chromium = pytest.mark.requires("chromium")  # skipped locally, failed in CI when missing (tests/requires.py)
MISSING = "/nonexistent/chromium"


def shell_site(server: LocalServer, name: str) -> None:
    """A home page whose only link a script writes: the crawl finds /inside.html only by rendering it."""
    server.routes["/"] = page(
        "<div id=\"app\"></div><script>document.getElementById('app').innerHTML ="
        f" '<a href=\"/inside.html\">ข่าว {name}</a>';</script>",
        f"หน้าแรก {name}",
    )
    server.routes["/inside.html"] = page(f"<h1>ข่าวประชาสัมพันธ์ {name}</h1>", "ข่าว")


def browser_trees() -> int:
    """Chromium browsers alive under this process: Chromium processes whose parent is not one, and is this process
    or one of its descendants. A closed browser's last processes can still be exiting once Playwright's driver is
    gone: they are handed to init (pid 1) and are no longer this process's browsers (seen in CI: 1 run in 5)."""
    me = psutil.Process()
    children = me.children(recursive=True)
    ours = {me.pid} | {child.pid for child in children}
    trees = 0
    for child in children:
        try:
            parent = child.parent()
            if "chrom" in child.name().lower() and parent.pid in ours and "chrom" not in parent.name().lower():
                trees += 1
        except (psutil.Error, AttributeError):  # gone meanwhile, or its parent is
            continue
    return trees


class Sampler(threading.Thread):
    """Looks every 50 ms at the browsers alive, the slots held and whether a crawl waits for one."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.done = threading.Event()
        self.trees: list[int] = []
        self.held: list[int] = []
        self.waited = False

    def run(self) -> None:
        while not self.done.is_set():
            self.trees.append(browser_trees())
            self.held.append(BROWSER_SLOTS.held)
            self.waited = self.waited or BROWSER_SLOTS.wanted
            time.sleep(0.05)


@needs_chromium
def test_two_crawls_in_two_threads_share_one_browser_slot(make_server) -> None:
    servers = [make_server(), make_server()]
    for n, server in enumerate(servers):
        shell_site(server, f"อบต.{n}")
    settings = fast_settings(render_timeout=10.0, browsers_per_process=1, max_duration=60.0)
    sinks = [MemorySink(), MemorySink()]
    results: list[CrawlResult | None] = [None, None]

    def scan(n: int) -> None:
        results[n] = asyncio.run(Crawler(settings, sinks[n]).run(servers[n].url("/")))

    sampler = Sampler()
    sampler.start()
    threads = [threading.Thread(target=scan, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    sampler.done.set()
    sampler.join()
    assert max(sampler.trees) == 1  # never two Chromiums at once (a browser was seen: not 0)
    assert max(sampler.held) == 1 and sampler.waited  # one crawl waited for the other's slot
    for n, server in enumerate(servers):  # and both read the page the script builds
        assert server.url("/inside.html") in {p.url for p in sinks[n].pages}
        assert results[n] is not None and results[n].rendered == 1 and results[n].browser_problem is None  # type: ignore[union-attr]
    assert BROWSER_SLOTS.held == 0 and browser_rss() == 0


def holder(server: LocalServer, **overrides: object) -> Renderer:
    """A renderer that, once it has rendered, holds the process's only slot (as a scan's one_browser() does)."""
    settings = fast_settings(render_timeout=10.0, browsers_per_process=1, **overrides)
    return Renderer(settings, server.url("/"), Gates(1, 0.0), AddressGuard(server.url("/")))


@needs_chromium
def test_a_wait_that_reaches_the_deadline_says_all_browsers_are_busy(make_server) -> None:
    first, second = make_server(), make_server()
    shell_site(first, "หนึ่ง")
    shell_site(second, "สอง")

    async def both() -> tuple[CrawlResult, MemorySink, str, str]:
        renderer = holder(first)
        try:
            await renderer.render(first.url("/"))
            sink = MemorySink()
            settings = fast_settings(render_timeout=10.0, browsers_per_process=1, max_duration=3.0)
            result = await Crawler(settings, sink).run(second.url("/"))
            # A busy wait does not mark the browser broken: the same renderer renders once the slot is free.
            waiting = holder(second)
            waiting.deadline = time.monotonic() + 1.5
            with pytest.raises(BrowserUnavailable) as busy:
                await waiting.render(second.url("/"))
            await renderer.aclose()
            waiting.deadline = None
            later = (await waiting.render(second.url("/"))).html
            await waiting.aclose()
            return result, sink, str(busy.value), later
        finally:
            await renderer.aclose()

    result, sink, busy, later = asyncio.run(both())
    assert "ไม่ว่างทั้ง 1 ตัว" in (result.browser_problem or "") and "all 1 browsers" in (result.browser_problem or "")
    assert result.needs_browser == [second.url("/")]  # so its items are "unknown" with that reason, not "missing"
    assert result.rendered == 0 and second.url("/inside.html") not in {p.url for p in sink.pages}
    assert result.stopped_reason is None  # the page was read before the deadline ended the crawl
    assert "ไม่ว่างทั้ง 1 ตัว" in busy and "/inside.html" in later
    assert BROWSER_SLOTS.held == 0


@pytest.mark.parametrize("path", [MISSING, "/bin/false"], ids=["missing", "fails-to-start"])
def test_a_launch_failure_gives_its_slot_back(server, path) -> None:
    shell_site(server, "หนึ่ง")
    settings = fast_settings(browser_path=path, browsers_per_process=1, max_duration=10.0)
    assert BROWSER_SLOTS.held == 0
    for _ in range(2):  # the second crawl gets the slot at once: the first one gave it back
        started = time.monotonic()
        result = asyncio.run(Crawler(settings, MemorySink()).run(server.url("/")))
        assert "apt-get install chromium" in (result.browser_problem or "")  # not "busy"
        assert time.monotonic() - started < 8
        assert BROWSER_SLOTS.held == 0

    async def failed_launch() -> tuple[str, int]:
        renderer = Renderer(settings, server.url("/"), Gates(1, 0.0), AddressGuard(server.url("/")))
        try:
            with pytest.raises(BrowserUnavailable) as why:
                await renderer.render(server.url("/"))
            return str(why.value), BROWSER_SLOTS.held  # given back at once, not when the crawl ends
        finally:
            await renderer.aclose()

    why, held = asyncio.run(failed_launch())
    assert "apt-get install chromium" in why and held == 0


@needs_chromium
def test_an_idle_browser_is_closed_for_a_crawl_that_waits(make_server) -> None:
    first, second = make_server(), make_server()
    shell_site(first, "หนึ่ง")
    shell_site(second, "สอง")

    async def both() -> tuple[MemorySink, float, list[str], int]:
        renderer = holder(first, render_idle_seconds=1.0)
        try:
            before = (await renderer.render(first.url("/"))).html
            sink, started = MemorySink(), time.monotonic()
            settings = fast_settings(render_timeout=10.0, browsers_per_process=1, max_duration=30.0)
            await Crawler(settings, sink).run(second.url("/"))
            waited = time.monotonic() - started
            after = (await renderer.render(first.url("/"))).html  # started again, in the slot given back
            return sink, waited, [before, after], renderer.stats.launches
        finally:
            await renderer.aclose()

    sink, waited, htmls, launches = asyncio.run(both())
    assert second.url("/inside.html") in {p.url for p in sink.pages}  # rendered well before its deadline
    assert waited < 20
    assert all("/inside.html" in html for html in htmls) and launches == 2
    assert BROWSER_SLOTS.held == 0 and browser_rss() == 0


def test_browsers_per_process_is_at_least_one() -> None:
    with pytest.raises(ValueError):
        CrawlSettings(browsers_per_process=0)
    assert CrawlSettings().browsers_per_process == 2
