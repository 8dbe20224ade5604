"""robots.txt per RFC 9309, checked from the server's request log."""

from __future__ import annotations

import time

from tests.crawler.support import LocalServer, Reply, crawl, page, spaced

MENU = '<a href="/public/o1.html">โครงสร้าง</a><a href="/private/staff.html">บุคลากร</a><a href="/oit-only.html">x</a>'


def robots(text: str, status: int = 200) -> Reply:
    return Reply(status=status, body=text, content_type="text/plain")


def site(server: LocalServer) -> None:
    server.routes["/"] = page(MENU)
    server.routes["/public/o1.html"] = page("<p>โครงสร้างองค์กร</p>")
    server.routes["/private/staff.html"] = page("<p>ข้อมูลภายใน</p>")
    server.routes["/oit-only.html"] = page("<p>หน้าเฉพาะ</p>")


def test_disallow_is_honoured(server: LocalServer) -> None:
    site(server)
    server.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /private/\nDisallow: /oit-only\n")
    result, sink = crawl(server.url())
    assert server.count("/private/staff.html") == 0
    assert server.count("/oit-only.html") == 0
    assert server.count("/public/o1.html") == 1
    assert server.count("/robots.txt") == 1  # read once per origin
    assert sorted(result.robots_disallowed) == [server.url("/oit-only.html"), server.url("/private/staff.html")]
    assert {p.url for p in sink.pages} == {server.url("/"), server.url("/public/o1.html")}


def test_our_own_group_replaces_the_star_group(server: LocalServer) -> None:
    """RFC 9309: the group naming our token applies, and the * group then does not."""
    site(server)
    server.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /\n\nUser-agent: oit\nDisallow: /private/\n")
    result, sink = crawl(server.url())
    assert server.count("/private/staff.html") == 0
    assert server.count("/public/o1.html") == 1
    assert result.robots_disallowed == [server.url("/private/staff.html")]
    assert len(sink.pages) == 3


def test_robots_for_other_crawlers_does_not_apply(server: LocalServer) -> None:
    site(server)
    server.routes["/robots.txt"] = robots("User-agent: Googlebot\nDisallow: /\n")
    result, sink = crawl(server.url())
    assert len(sink.pages) == 4
    assert result.robots_disallowed == []


def test_crawl_delay_raises_the_spacing(server: LocalServer) -> None:
    site(server)
    server.routes["/robots.txt"] = robots("User-agent: *\nCrawl-delay: 0.3\n")
    since = time.monotonic()
    crawl(server.url(), delay=0.0, concurrency=4)
    page_times = [h.at for h in server.hits if h.path != "/robots.txt"]
    assert len(page_times) == 4
    assert spaced(page_times, 0.3, since)


def test_crawl_delay_never_lowers_the_configured_delay(server: LocalServer) -> None:
    site(server)
    server.routes["/robots.txt"] = robots("User-agent: *\nCrawl-delay: 0\n")
    since = time.monotonic()
    crawl(server.url(), delay=0.2)
    assert server.count("/robots.txt") == 1 and len(server.hits) == 5
    assert spaced(server.times(), 0.2, since)


def test_robots_404_allows_everything(server: LocalServer) -> None:
    site(server)
    result, sink = crawl(server.url())
    assert server.count("/robots.txt") == 1
    assert len(sink.pages) == 4
    assert result.findings == []


def test_robots_500_means_nothing_is_crawled(server: LocalServer) -> None:
    site(server)
    server.routes["/robots.txt"] = robots("oops", status=500)
    result, sink = crawl(server.url(), retries=0, read_sitemaps=True)
    assert server.paths() == ["/robots.txt"]  # not even /sitemap.xml
    assert sink.pages == []
    assert result.robots_disallowed == [server.url()]
    assert result.start_error is not None and "robots.txt" in result.start_error and "500" in result.start_error
    assert any("robots.txt" in note and "500" in note for note in result.findings)


def test_user_agent_is_honest_on_every_request(server: LocalServer) -> None:
    site(server)
    server.routes["/robots.txt"] = robots("User-agent: *\nAllow: /\n")
    crawl(server.url(), read_sitemaps=True)
    assert len(server.hits) == 6  # robots.txt, sitemap.xml and four pages
    for hit in server.hits:
        agent = hit.headers.get("user-agent", "")
        assert agent.startswith("oit/"), hit.target
        assert "+https://github.com/oit-ita/oit" in agent, hit.target


def test_respect_robots_false_ignores_it(server: LocalServer) -> None:
    site(server)
    server.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /\nCrawl-delay: 30\n")
    result, sink = crawl(server.url(), respect_robots=False)
    assert server.count("/robots.txt") == 0
    assert len(sink.pages) == 4
    assert result.robots_disallowed == []


def test_sitemap_from_robots_is_read(server: LocalServer) -> None:
    server.routes["/"] = page("<p>หน้าแรกไม่มีลิงก์</p>")
    server.routes["/robots.txt"] = robots(f"User-agent: *\nAllow: /\nSitemap: {server.url('/maps/index.xml')}\n")
    server.routes["/maps/index.xml"] = Reply(
        body=f"<sitemapindex><sitemap><loc>{server.url('/maps/pages.xml')}</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    server.routes["/maps/pages.xml"] = Reply(
        body=f"<urlset><url><loc>{server.url('/hidden/o20.html')}</loc></url>"
        f"<url><loc>https://www.facebook.com/x</loc></url></urlset>",
        content_type="application/xml",
    )
    server.routes["/hidden/o20.html"] = page("<p>หน้าที่มีแต่ในแผนผังเว็บไซต์</p>")
    _, sink = crawl(server.url(), read_sitemaps=True)
    assert server.count("/sitemap.xml") == 0  # robots.txt named the sitemap: no guessing
    assert server.count("/hidden/o20.html") == 1
    assert "หน้าที่มีแต่ในแผนผังเว็บไซต์" in {p.text for p in sink.pages}


def test_disallowed_sitemap_guess_is_not_fetched(server: LocalServer) -> None:
    server.routes["/"] = page("<p>x</p>")
    server.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /sitemap.xml\n")
    crawl(server.url(), read_sitemaps=True)
    assert server.count("/sitemap.xml") == 0


def test_sitemap_on_another_host_is_not_fetched(server: LocalServer, make_server) -> None:
    """robots.txt is site content: a Sitemap line pointing elsewhere must not lead the crawler off the site."""
    other = make_server()
    other.routes["/sitemap.xml"] = Reply(body="<urlset></urlset>", content_type="application/xml")
    server.routes["/"] = page("<p>หน้าแรก</p>")
    server.routes["/robots.txt"] = robots(f"User-agent: *\nAllow: /\nSitemap: {other.url('/sitemap.xml')}\n")
    crawl(server.url(), read_sitemaps=True)
    assert other.count("/sitemap.xml") == 0


def test_a_start_page_robots_disallows_says_so(server: LocalServer) -> None:
    site(server)
    server.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /\n")
    result, sink = crawl(server.url())
    assert sink.pages == []
    assert result.start_error is not None and "disallows the start page" in result.start_error
