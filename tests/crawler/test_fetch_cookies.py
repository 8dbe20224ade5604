"""Cookies a site sets come back as a browser (and httpx's own client) would send them, on later pages and
across the redirects the crawler follows itself; a response that sets none costs the cookie jar nothing.

Many Thai municipal sites run on PHP CMSes that open a session (PHPSESSID) on the first page and answer
later pages, or a notice, according to it; a login gate sets the cookie on a 302 and sends the browser on."""

from __future__ import annotations

import asyncio
import cProfile
import http.cookiejar
import pstats

import httpx

from crawler.fetcher import Fetcher, FetchResult
from tests.crawler.support import Hit, LocalServer, Reply, fast_settings, page, redirect

NOTICE = "กรุณาเปิดใช้งานคุกกี้ของเบราว์เซอร์ / please enable cookies"
ITA = page("<h1>การเปิดเผยข้อมูลสาธารณะ (OIT)</h1><p>ข้อมูลพื้นฐาน</p>", title="ITA เทศบาลตำบลนากลาง")


def needs_session(hit: Hit) -> Reply:
    """A page shown only to a browser holding the session the home page opened."""
    if "PHPSESSID=a1b2c3" in hit.headers.get("cookie", ""):
        return ITA
    return page(f"<p>{NOTICE}</p>")


def cookie_site() -> dict[str, object]:
    session = "PHPSESSID=a1b2c3; path=/; HttpOnly"
    return {
        "/": Reply(body=page("<a href='/ita/'>ITA</a>").body, headers={"Set-Cookie": session}),
        "/ita/": needs_session,
        # a language gate: the choice is a cookie set on the redirect, which only the next hop can carry
        "/lang/th": Reply(status=302, content_type=None, headers={"Location": "/egp/", "Set-Cookie": "lang=th; Path=/egp"}),
        "/egp/": lambda hit: page("ภาษาไทย" if "lang=th" in hit.headers.get("cookie", "") else "choose a language"),
        "/news/": page("<p>ข่าวประชาสัมพันธ์</p>"),
        "/bye": Reply(body=b"bye", headers={"Set-Cookie": "PHPSESSID=deleted; Max-Age=0; Path=/"}),
        "/old-ita": redirect("/ita/", 301),
    }  # fmt: skip


ORDER = ["/news/", "/", "/ita/", "/old-ita", "/lang/th", "/egp/", "/news/", "/bye", "/ita/"]


def fetch_all(server: LocalServer, paths: list[str]) -> list[FetchResult]:
    async def run() -> list[FetchResult]:
        fetcher = Fetcher(fast_settings(), server.url())
        try:
            return [await fetcher.get(server.url(path), 1_000_000) for path in paths]
        finally:
            await fetcher.aclose()

    return asyncio.run(run())


def test_session_cookie_opens_the_page_it_guards() -> None:
    with LocalServer(cookie_site()) as server:
        before, home, ita, moved = fetch_all(server, ["/ita/", "/", "/ita/", "/old-ita"])
    assert NOTICE.encode() in before.body  # no session yet
    assert home.status == 200
    assert b"OIT" in ita.body and NOTICE.encode() not in ita.body
    assert b"OIT" in moved.body  # the hop after a redirect carries the session too
    assert "cookie" not in server.hits_for("/ita/")[0].headers


def test_cookie_set_on_a_redirect_reaches_the_next_hop() -> None:
    with LocalServer(cookie_site()) as server:
        (gate,) = fetch_all(server, ["/lang/th"])
    assert gate.final_url.endswith("/egp/") and "ภาษาไทย".encode() in gate.body
    assert "lang=th" in server.hits_for("/egp/")[0].headers.get("cookie", "")


def test_cookie_headers_are_those_httpx_sends() -> None:
    """The same visits through httpx's own client (redirects followed by hand, as the crawler does) send the
    same Cookie headers, page by page: paths, deletion by Max-Age=0 and the cookie of a redirect included."""

    async def by_httpx(server: LocalServer) -> None:
        async with httpx.AsyncClient() as client:
            for path in ORDER:
                url = server.url(path)
                while True:
                    response = await client.get(url)
                    if not response.next_request:
                        break
                    url = str(response.next_request.url)

    with LocalServer(cookie_site()) as server:
        fetch_all(server, ORDER)
        ours = [(h.target, h.headers.get("cookie")) for h in server.hits]
    with LocalServer(cookie_site()) as server:
        asyncio.run(by_httpx(server))
        theirs = [(h.target, h.headers.get("cookie")) for h in server.hits]
    assert ours == theirs
    cookies = dict(ours[-5:])  # /lang/th, /egp/, /news/, /bye, /ita/
    assert "lang=th" in cookies["/egp/"] and "lang=th" not in cookies["/news/"]  # the path of the cookie
    assert cookies["/ita/"] is None  # the session deleted by /bye


def test_responses_without_set_cookie_leave_the_jar_alone() -> None:
    """Bounded work: the cookie jar reads a response only when it sets a cookie (here 3 of 10 responses)."""
    paths = ["/news/"] * 6 + ["/", "/lang/th", "/bye"]  # the redirect is two responses, one setting a cookie
    with LocalServer(cookie_site()) as server:
        profile = cProfile.Profile()
        results = profile.runcall(fetch_all, server, paths)
    assert all(r.status == 200 for r in results)
    calls = {fn[2]: stats[1] for fn, stats in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
             if fn[0] == http.cookiejar.__file__}  # fmt: skip
    assert calls.get("extract_cookies") == 3
