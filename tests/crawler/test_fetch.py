"""GET with retries, Retry-After, timeouts, refused connections, redirects and the byte cap, against a real
server; request counts and spacing are read from the server's own log."""

from __future__ import annotations

import asyncio
import time
import tomllib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from importlib.metadata import version
from pathlib import Path

import oit
from crawler.fetcher import Fetcher, FetchResult
from crawler.politeness import retry_after_seconds
from crawler.settings import UNINSTALLED_VERSION, CrawlSettings, installed_version
from tests.crawler.support import LocalServer, Reply, closed_port, crawl, fast_settings, gaps, page, redirect, spaced


def fetch(settings: CrawlSettings, start: str, *urls: str, max_bytes: int = 1_000_000) -> list[FetchResult]:
    async def run() -> list[FetchResult]:
        fetcher = Fetcher(settings, start)
        try:
            return [await fetcher.get(url, max_bytes) for url in urls]
        finally:
            await fetcher.aclose()

    return asyncio.run(run())


# --- retries ---------------------------------------------------------------------------------------------


def test_503_then_200_is_retried_with_backoff(server: LocalServer) -> None:
    server.routes["/"] = [Reply(status=503, body="busy"), page("<p>สำเร็จ</p>")]
    result, sink = crawl(server.url(), respect_robots=False, retries=2)
    assert server.count("/") == 2
    assert gaps(server.times("/"))[0] >= 0.45  # the first backoff step is 0.5 s
    assert result.errors == 0
    assert sink.pages[0].status == 200
    assert sink.pages[0].text == "สำเร็จ"


def test_retry_after_is_waited(server: LocalServer) -> None:
    server.routes["/"] = [Reply(status=503, headers={"Retry-After": "1"}), page("<p>ok</p>")]
    _, sink = crawl(server.url(), respect_robots=False)
    assert server.count("/") == 2
    assert gaps(server.times("/"))[0] >= 0.95
    assert sink.pages[0].text == "ok"


def test_429_retry_after_is_waited(server: LocalServer) -> None:
    server.routes["/"] = [Reply(status=429, headers={"Retry-After": "1"}), page("<p>ok</p>")]
    crawl(server.url(), respect_robots=False)
    assert server.count("/") == 2
    assert gaps(server.times("/"))[0] >= 0.95


def test_retry_after_longer_than_the_limit_gives_up(server: LocalServer) -> None:
    server.routes["/"] = Reply(status=503, headers={"Retry-After": "3600"})
    started = time.monotonic()
    result, sink = crawl(server.url(), respect_robots=False, max_retry_after=30)
    # Not a speed check: waiting at all would take 30 s (the limit) or 3600 s; one page takes well under 1 s.
    assert time.monotonic() - started < 25
    assert server.count("/") == 1
    assert sink.pages[0].status == 503
    assert sink.pages[0].error is not None and "server asked to wait 3600s" in sink.pages[0].error
    assert result.start_error == sink.pages[0].error


def test_404_is_not_retried(server: LocalServer) -> None:
    result, sink = crawl(server.url("/missing"), respect_robots=False, retries=3)
    assert server.count("/missing") == 1
    assert sink.pages[0].error == "HTTP 404"
    assert result.errors == 1


def test_500_is_retried_then_reported(server: LocalServer) -> None:
    server.routes["/"] = Reply(status=500, body="error")
    _, sink = crawl(server.url(), respect_robots=False, retries=1)
    assert server.count("/") == 2
    assert sink.pages[0].error == "HTTP 500"


def test_timeouts_are_retried_then_reported(server: LocalServer) -> None:
    server.routes["/slow"] = Reply(body="late", delay=2.0)
    _, sink = crawl(server.url("/slow"), respect_robots=False, timeout=0.3, retries=1)
    assert server.count("/slow") == 2  # retries + 1 attempts
    assert sink.pages[0].status is None
    assert sink.pages[0].error is not None and "timed out" in sink.pages[0].error


def test_connection_refused_is_recorded_once_and_not_retried() -> None:
    port = closed_port()
    start = f"http://127.0.0.1:{port}/"
    started = time.monotonic()
    first, second = fetch(fast_settings(retries=6), start, start, start + "other")
    # Not a speed check: retrying would add backoffs of 0.5 + 1 + 2 + 4 + 8 + 16 = 31.5 s; two refused
    # connections take milliseconds, so 20 s can only be exceeded by a retry, never by a loaded machine.
    assert time.monotonic() - started < 20
    assert first.error is not None and "connection refused" in first.error
    assert first.permanent
    assert second.error == first.error  # the host is remembered as dead

    result, sink = crawl(start, respect_robots=False, retries=3)
    assert len(sink.pages) == 1
    assert result.errors == 1
    assert result.start_error is not None and "connection refused" in result.start_error


def test_unreachable_start_site_with_robots_on_reports_start_error() -> None:
    result, sink = crawl(f"http://127.0.0.1:{closed_port()}/", retries=3)
    assert result.start_error is not None
    assert "connection refused" in result.start_error  # why, not a guess that robots.txt said no
    assert sink.pages == []
    assert any("robots.txt" in note for note in result.findings)


# --- redirects -------------------------------------------------------------------------------------------


def test_redirect_chain_is_followed_on_site(server: LocalServer) -> None:
    server.routes["/old"] = redirect("/older", 301)
    server.routes["/older"] = redirect(server.url("/new"), 308)
    server.routes["/new"] = page("<p>ใหม่</p>")
    (result,) = fetch(fast_settings(), server.url(), server.url("/old"))
    assert result.status == 200
    assert result.url == server.url("/old")
    assert result.final_url == server.url("/new")
    assert server.paths() == ["/old", "/older", "/new"]


def test_redirect_loop_is_reported(server: LocalServer) -> None:
    server.routes["/a"] = redirect("/b")
    server.routes["/b"] = redirect("/a")
    (result,) = fetch(fast_settings(), server.url(), server.url("/a"))
    assert result.error is not None and "redirect loop" in result.error
    assert server.paths() == ["/a", "/b"]


def test_endless_redirect_chain_stops_at_max_redirects(server: LocalServer) -> None:
    def next_hop(hit: object) -> Reply:
        number = int(str(getattr(hit, "target", "")).rsplit("=", 1)[1])
        return redirect(f"/r?n={number + 1}")

    server.routes["/r"] = next_hop
    (result,) = fetch(fast_settings(max_redirects=3), server.url(), server.url("/r?n=0"))
    assert result.error is not None and "too many redirects" in result.error
    assert server.count("/r") == 4


def test_redirect_off_site_is_not_followed(server: LocalServer) -> None:
    server.routes["/fb"] = redirect("https://www.facebook.com/nakhlang")
    (result,) = fetch(fast_settings(), server.url(), server.url("/fb"))
    assert result.redirected_off_site == "https://www.facebook.com/nakhlang"
    assert result.error is not None and "off the site" in result.error


def test_redirect_loop_in_a_crawl_ends(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/a">วน</a>')
    server.routes["/a"] = redirect("/b")
    server.routes["/b"] = redirect("/a")
    _, sink = crawl(server.url(), respect_robots=False)
    loop = next(p for p in sink.pages if p.url == server.url("/a"))
    assert loop.error is not None and "redirect loop" in loop.error
    assert server.count("/a") <= 2 and server.count("/b") <= 2


# --- byte cap --------------------------------------------------------------------------------------------


def test_byte_cap_truncates(server: LocalServer) -> None:
    server.routes["/big"] = Reply(body=b"x" * 300_000)
    (result,) = fetch(fast_settings(), server.url(), server.url("/big"), max_bytes=5000)
    assert result.truncated
    assert len(result.body) == 5000
    (whole,) = fetch(fast_settings(), server.url(), server.url("/big"), max_bytes=300_000)
    assert not whole.truncated
    assert len(whole.body) == 300_000


# --- politeness ------------------------------------------------------------------------------------------


def test_delay_spaces_request_starts(server: LocalServer) -> None:
    links = "".join(f'<a href="/p{i}">{i}</a>' for i in range(5))
    server.routes["/"] = page(links)
    for i in range(5):
        server.routes[f"/p{i}"] = page(f"<p>{i}</p>")
    since = time.monotonic()
    _, sink = crawl(server.url(), respect_robots=False, delay=0.2, concurrency=4)
    assert len(sink.pages) == 6
    assert len(server.hits) == 6
    assert spaced(server.times(), 0.2, since)


def test_retry_after_seconds() -> None:
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(None) == 5.0
    assert retry_after_seconds("soon", default=3.0) == 3.0
    future = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= retry_after_seconds(future) <= 31
    past = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    assert retry_after_seconds(past) == 0.0


def test_honest_user_agent_and_language(server: LocalServer) -> None:
    server.routes["/"] = page("<p>x</p>")
    crawl(server.url(), respect_robots=False, contact="mailto:ita@example.org")
    agent = server.hits[0].headers["user-agent"]
    assert agent.startswith(f"oit/{version('oit')} ")  # the installed metadata's version, as pyproject.toml says
    assert "mailto:ita@example.org" in agent
    assert server.hits[0].headers["accept-language"].startswith("th")


def test_version_comes_from_package_metadata_with_a_fallback_for_an_uninstalled_checkout() -> None:
    declared = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]["version"]
    assert installed_version() == oit.__version__ == declared  # one source: pyproject.toml, via the metadata
    assert installed_version("oit-never-installed") == UNINSTALLED_VERSION  # no metadata: no made-up version


# --- conditional requests (fast re-scans) ----------------------------------------------------------------


def test_conditional_headers_go_with_every_hop_and_304_comes_back_as_is(server: LocalServer) -> None:
    etag, modified = '"5f2a-6d1"', "Wed, 13 May 2026 02:00:00 GMT"
    server.routes["/ita"] = redirect("/ita/2569.html", 301)
    server.routes["/ita/2569.html"] = lambda hit: (
        Reply(status=304, content_type=None, headers={"ETag": etag})
        if hit.headers.get("if-none-match") == etag
        else page("<p>การเปิดเผยข้อมูลสาธารณะ 2569</p>")
    )
    headers = {"If-None-Match": etag, "If-Modified-Since": modified}

    async def run() -> FetchResult:
        fetcher = Fetcher(fast_settings(), server.url())
        try:
            return await fetcher.get(server.url("/ita"), 1_000_000, headers=headers)
        finally:
            await fetcher.aclose()

    result = asyncio.run(run())
    assert result.status == 304 and result.body == b"" and result.error is None
    assert result.final_url == server.url("/ita/2569.html")
    assert result.headers["etag"] == etag
    assert [(h.headers.get("if-none-match"), h.headers.get("if-modified-since")) for h in server.hits] == [
        (etag, modified),
        (etag, modified),
    ]
    (plain,) = fetch(fast_settings(), server.url(), server.url("/ita/2569.html"))  # no conditions: the page
    assert plain.status == 200 and b"2569" in plain.body


def test_connection_is_kept_alive_after_304_and_redirects() -> None:
    """Unused bodies (a 304 has none, a redirect a short note) are read, so the next request reuses the
    connection: a re-scan of 2,000 unchanged pages must not open 2,000 connections."""
    accepted: list[object] = []

    class Counting(LocalServer):
        def __enter__(self) -> Counting:
            original = self._httpd.get_request

            def get_request():  # type: ignore[no-untyped-def]
                accepted.append(1)
                return original()

            self._httpd.get_request = get_request  # type: ignore[method-assign]
            return super().__enter__()  # type: ignore[return-value]

    routes = {
        "/ita.html": Reply(status=304, content_type=None, headers={"ETag": '"1"'}),
        "/old": redirect("/ita.html", 301),
    }
    with Counting(routes) as server:
        results = fetch(fast_settings(), server.url(), *[server.url("/ita.html")] * 5, server.url("/old"))
    assert [r.status for r in results] == [304] * 6
    assert len(accepted) == 1
