"""Crawler.stop(reason): the crawl ends early on request (the scheduler shutting down, from another thread; the
crawl's own callbacks), against real slow servers on loopback. No new request leaves after the stop, fetches in
flight are cancelled (their pages not stored), and run() returns a result marked stopped with the reason."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

from crawler.engine import Crawler, MemorySink
from crawler.models import CrawlResult
from tests.crawler.support import LocalServer, Reply, fast_settings, page

REASON = "หยุดกลางคันเพราะ oit schedule ถูกสั่งปิด / stopped: the scheduler is shutting down"
SLOW = 30.0  # seconds a slow page holds its answer: far beyond any test; the server lets go when it stops


def _news_site(server: LocalServer, pages: int, delay: float = 0.0) -> None:
    """A municipal home page listing `pages` news pages, each answered after `delay` seconds."""
    links = "".join(f'<li><a href="/news/{n}.html">ข่าวประชาสัมพันธ์ ฉบับที่ {n}/2569</a></li>' for n in range(pages))
    server.routes["/"] = page(f"<h1>เทศบาลตำบลนากลาง</h1><ul>{links}</ul>", "หน้าแรก - เทศบาลตำบลนากลาง")
    for n in range(pages):
        body = f"<h1>ข่าวประชาสัมพันธ์ ฉบับที่ {n}/2569</h1><p>ประชาสัมพันธ์การรับสมัคร</p>"
        server.routes[f"/news/{n}.html"] = Reply(body=page(body, f"ข่าว {n}").body, delay=delay)


def _wait_for(check: Callable[[], bool]) -> None:
    """Poll until `check()` holds (a condition: the deadline only stops a hang)."""
    deadline = time.monotonic() + 20
    while not check():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.01)


def _run_in_thread(crawler: Crawler, url: str) -> tuple[threading.Thread, list[CrawlResult]]:
    """The crawl in a thread of its own, as the scheduler runs scans."""
    results: list[CrawlResult] = []
    thread = threading.Thread(target=lambda: results.append(asyncio.run(crawler.run(url))), daemon=True)
    thread.start()
    return thread, results


def _news_hits(server: LocalServer) -> int:
    return sum(1 for path in server.paths() if path.startswith("/news/"))


def test_stop_from_another_thread_cancels_the_slow_fetches_and_starts_no_more(server: LocalServer) -> None:
    """Two workers wait on news pages that take 30 s to answer; stop() from the scheduler's thread ends the
    crawl: the two fetches are cancelled (no page stored for them), none of the other 18 is asked for."""
    _news_site(server, 20, delay=SLOW)
    sink = MemorySink()
    crawler = Crawler(fast_settings(concurrency=2, timeout=SLOW * 2), sink)
    thread, results = _run_in_thread(crawler, server.url())
    _wait_for(lambda: _news_hits(server) == 2)  # both workers are waiting on a slow page
    crawler.stop(REASON)
    thread.join(20)
    assert not thread.is_alive()
    [result] = results
    assert result.stopped and result.stopped_reason == REASON
    assert [p.url for p in sink.pages] == [server.url()]  # the slow pages were cancelled, not stored
    assert result.pages == 1 and _news_hits(server) == 2  # nothing asked after the stop


def test_stop_from_the_progress_callback_ends_the_crawl_at_the_next_page(server: LocalServer) -> None:
    """The crawl's own callback asks to stop after the third page of a 40-page site: the page in flight on the
    other worker may still finish, nothing after it starts."""
    _news_site(server, 40)
    sink = MemorySink()
    holder: list[Crawler] = []

    def progress(pages: int, _documents: int, _queued: int, _url: str) -> None:
        if pages >= 3:
            holder[0].stop(REASON)

    crawler = Crawler(fast_settings(concurrency=2), sink, progress)
    holder.append(crawler)
    result = asyncio.run(crawler.run(server.url()))
    assert result.stopped and result.stopped_reason == REASON
    assert 3 <= result.pages <= 4 and len(sink.pages) == result.pages  # the third page, and one in flight at most
    assert server.count() <= 1 + 4 + 1  # robots.txt, those pages, and at most one fetch cancelled on its way


def test_a_stop_during_the_slow_robots_txt_ends_the_seeding(server: LocalServer) -> None:
    """robots.txt trickles (30 s): the crawl is still seeding when stopped, and returns without a page."""
    _news_site(server, 5)
    server.routes["/robots.txt"] = Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain", delay=SLOW)
    crawler = Crawler(fast_settings(), MemorySink())
    thread, results = _run_in_thread(crawler, server.url())
    _wait_for(lambda: server.count("/robots.txt") == 1)
    crawler.stop(REASON)
    thread.join(20)
    assert not thread.is_alive()
    [result] = results
    assert result.stopped and result.stopped_reason == REASON and result.pages == 0
    assert server.paths() == ["/robots.txt"]


def test_a_crawler_stopped_before_it_runs_asks_for_nothing_and_its_later_passes_end_at_once(
    server: LocalServer,
) -> None:
    """A shutdown that comes before the scan's crawl starts: run() and the second pass return at once."""
    _news_site(server, 5)
    crawler = Crawler(fast_settings(), MemorySink())
    crawler.stop(REASON)
    crawler.stop("another reason / ignored: the first one stands")

    async def both_passes() -> tuple[CrawlResult, CrawlResult]:
        first = await crawler.run(server.url())
        return first, await crawler.render_again([server.url("/news/1.html")])

    first, second = asyncio.run(both_passes())
    assert first.stopped and first.stopped_reason == REASON and first.pages == 0
    assert second.stopped and second.pages == 0
    assert server.count() == 0


def test_a_crawl_not_stopped_is_not_marked(server: LocalServer) -> None:
    _news_site(server, 5)
    crawler = Crawler(fast_settings(max_pages=3), MemorySink())
    result = asyncio.run(crawler.run(server.url()))
    assert not result.stopped and not crawler.stopped
    assert result.pages == 3 and result.stopped_reason is not None and "page limit" in result.stopped_reason
