"""Rendering pages that JavaScript builds: real Chromium (/usr/bin/chromium through Playwright) against real HTTP
servers on loopback. Chromium is required as tests/requires.py says: in CI a missing one fails these tests, elsewhere it skips
them with the command that installs it."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

from crawler.netguard import AddressGuard
from crawler.politeness import Gates
from crawler.render import Renderer, browser_rss
from crawler.shells import ShellMemory, url_pattern
from tests.crawler.support import Reply, crawl, fast_settings, gaps, page, redirect

MISSING = "/nonexistent/chromium"
JSON = "application/json; charset=utf-8"

# The tests that start the browser; those about a crawl without one run everywhere.
needs_chromium = pytest.mark.requires("chromium")  # skipped locally, failed in CI when missing (tests/requires.py)


# --- a site whose menu comes from a JSON file -----------------------------------------------------------------
MENU_JSON = [
    {"label": "หน้าแรก", "href": "/"},
    {"label": "โครงสร้างองค์กร", "href": "/about/structure.html"},
    {"label": "ITA 2569", "href": "/ita/index.html"},
    {
        "label": "ประกาศ",
        # a dropdown: hidden until hovered, still a link an assessor can open
        "children": [{"label": "ประกาศนโยบาย No Gift Policy", "href": "/nogift.html"}],
    },
]
MENU_SCRIPT = """
fetch('/menu.json').then(r => r.json()).then(items => {
  const ul = document.getElementById('menu');
  for (const item of items) {
    const li = document.createElement('li');
    if (item.children) {
      li.innerHTML = item.label + '<ul class="dropdown" style="display:none">' +
        item.children.map(c => '<li><a href="' + c.href + '">' + c.label + '</a></li>').join('') + '</ul>';
    } else {
      li.innerHTML = '<a href="' + item.href + '">' + item.label + '</a>';
    }
    ul.appendChild(li);
  }
});
"""


def menu_site() -> dict[str, Reply]:
    home = page(
        "<header><p>องค์การบริหารส่วนตำบลโคกสว่าง อำเภอพล จังหวัดขอนแก่น</p></header>"
        f'<nav><ul id="menu"></ul></nav><main><h1>ยินดีต้อนรับ</h1></main><script>{MENU_SCRIPT}</script>',
        "หน้าแรก - องค์การบริหารส่วนตำบลโคกสว่าง",
    )
    return {
        "/": home,
        "/menu.json": Reply(body=json.dumps(MENU_JSON, ensure_ascii=False), content_type=JSON),
        "/about/structure.html": page("<h1>โครงสร้างส่วนราชการ</h1><p>สำนักปลัด กองคลัง กองช่าง</p>", "โครงสร้าง"),
        "/ita/index.html": page("<h1>ITA 2569</h1>", "ITA 2569"),
        "/nogift.html": page("<h1>ประกาศเจตนารมณ์ No Gift Policy ประจำปี 2569</h1>", "No Gift Policy"),
    }


@needs_chromium
def test_menu_built_from_json_is_rendered_and_its_links_crawled(server) -> None:
    server.routes.update(menu_site())
    result, sink = crawl(server.url("/"), render_timeout=10.0)
    crawled = {p.url for p in sink.pages}
    assert server.url("/about/structure.html") in crawled
    assert server.url("/nogift.html") in crawled  # the hidden dropdown link counts
    home = next(p for p in sink.pages if p.url == server.url("/"))
    assert not home.needs_browser  # rendered: readable as a browser shows it
    assert "No Gift Policy" in " ".join(link.label for link in home.links)
    assert server.count("/menu.json") == 1  # the browser's request for the menu, through the route guard
    assert result.rendered == 1
    assert result.browser_peak_rss > 0


def test_without_chromium_the_crawl_goes_on_and_says_how_to_install_it(server) -> None:
    server.routes.update(menu_site())
    result, sink = crawl(server.url("/"), browser_path=MISSING)
    assert [p.url for p in sink.pages] == [server.url("/")]  # the menu is not there without a browser
    assert sink.pages[0].needs_browser  # so the rules read the page as unreadable, not as empty
    assert result.needs_browser == [server.url("/")]
    assert "apt-get install chromium" in (result.browser_problem or "")
    assert result.rendered == 0 and result.errors == 0


def test_render_off_never_starts_a_browser(server) -> None:
    server.routes.update(menu_site())
    result, sink = crawl(server.url("/"), render="off")
    assert result.rendered == 0 and server.count("/menu.json") == 0
    assert sink.pages[0].needs_browser and result.needs_browser == [server.url("/")]


# --- a page that never finishes loading ------------------------------------------------------------------------
@needs_chromium
def test_a_page_that_never_finishes_loading_gives_what_it_has_and_the_crawl_goes_on(server) -> None:
    server.routes["/"] = page(
        '<a href="/slow.html">ข่าวประชาสัมพันธ์</a> <a href="/about.html">เกี่ยวกับเรา</a>'
        ' <a href="/contact.html">ติดต่อเรา</a>',
        "หน้าแรก",
    )
    # A single-page app whose script never arrives: the browser waits on it until the page's deadline.
    server.routes["/slow.html"] = page(
        '<div id="app"><h1>ข่าวประชาสัมพันธ์ อบต.โคกสว่าง</h1></div><script src="/app.js"></script><p>ข้อความหลังสคริปต์</p>',
        "ข่าว",
    )
    server.routes["/app.js"] = Reply(body="", content_type="text/javascript", delay=60)
    server.routes["/about.html"] = page("<h1>เกี่ยวกับเรา</h1>", "เกี่ยวกับเรา")
    server.routes["/contact.html"] = page("<h1>ติดต่อเรา</h1><p>โทรศัพท์ 0-4341-4123</p>", "ติดต่อเรา")
    result, sink = crawl(server.url("/"), render_timeout=2.0, max_duration=60.0)
    pages = {p.url: p for p in sink.pages}
    assert {server.url("/about.html"), server.url("/contact.html")} <= set(pages)
    slow = pages[server.url("/slow.html")]
    assert "ข่าวประชาสัมพันธ์ อบต.โคกสว่าง" in slow.text  # what had loaded before the script
    assert any("โหลดไม่เสร็จ" in f and "/slow.html" in f for f in result.findings)
    assert result.stopped_reason is None


# --- the route guard ----------------------------------------------------------------------------------------------
@needs_chromium
def test_route_guard_keeps_the_browser_on_the_site(server, make_server) -> None:
    tracker = make_server(host="127.0.0.2")
    tracker.routes["/collect.js"] = Reply(body="window.tracked = 1;", content_type="text/javascript")
    tracker.routes["/pixel.gif"] = Reply(body=b"GIF89a", content_type="image/gif")
    tracker.routes["/api/menu.json"] = Reply(body="[]", content_type=JSON)
    tracker.routes["/steal.js"] = Reply(body="window.stolen = 1;", content_type="text/javascript")
    server.routes["/"] = page(
        f'<div id="app"></div><script src="{tracker.url("/collect.js")}"></script>'
        f'<img src="{tracker.url("/pixel.gif")}" alt="">'
        # The browser follows redirects without asking the route guard: an on-site URL that redirects away.
        '<script src="/go.js"></script>'
        f"<script>fetch('{tracker.url('/api/menu.json')}').catch(() => null);"
        # An on-site redirect is followed: the menu comes from /menu.json by way of /menu.
        "fetch('/menu').then(r => r.json()).then(m => { document.getElementById('app').innerHTML ="
        " m.map(i => '<a href=\"' + i.href + '\">' + i.label + '</a>').join(' '); });</script>",
        "หน้าแรก",
    )
    server.routes["/go.js"] = redirect(tracker.url("/steal.js"))
    server.routes["/menu"] = redirect("/menu.json")
    server.routes["/menu.json"] = Reply(
        body=json.dumps([{"label": "ติดต่อเรา", "href": "/contact.html"}], ensure_ascii=False), content_type=JSON
    )
    server.routes["/contact.html"] = page("<h1>ติดต่อเรา</h1>", "ติดต่อเรา")
    _, sink = crawl(server.url("/"), render_timeout=5.0)
    assert server.url("/contact.html") in {p.url for p in sink.pages}  # rendered on the site, redirect followed
    assert server.count("/go.js") == 1  # asked for, and its redirect refused
    assert tracker.hits == []  # not one request reached the other host


@needs_chromium
def test_rendering_takes_its_turn_at_the_sites_politeness_gate(server) -> None:
    server.routes["/"] = page(
        '<a href="/a.html">ข่าว</a> <a href="/b.html">ประกาศ</a> <a href="/c.html">ติดต่อ</a>', "หน้าแรก"
    )
    for name in ("a", "b"):
        server.routes[f"/{name}.html"] = page(
            f"<div id=\"app\"></div><script>document.getElementById('app').innerHTML = 'หน้า {name}';</script>", name
        )
    server.routes["/c.html"] = page("<h1>ติดต่อเรา</h1>", "ติดต่อเรา")
    crawl(server.url("/"), delay=0.5, concurrency=1, render_timeout=10.0)
    # Each shell page is asked for twice, by the fetcher and then by the browser, at least `delay` apart.
    for path in ("/a.html", "/b.html"):
        fetch_and_render = server.times(path)
        assert len(fetch_and_render) == 2
        assert gaps(fetch_and_render)[0] >= 0.45


# --- the browser's life ------------------------------------------------------------------------------------------
@needs_chromium
@pytest.mark.parametrize(
    "limits",
    [{"render_recycle_pages": 1}, {"render_memory_mb": 100}],  # after each page; or Chromium outgrew 100 MB
    ids=["pages", "memory"],
)
def test_browser_is_recycled_after_n_pages_or_on_memory_and_its_memory_measured(server, limits) -> None:
    for n in range(3):
        server.routes[f"/p{n}.html"] = page(
            f"<div id=\"root\"></div><script>document.getElementById('root').innerHTML = 'หน้า {n}';</script>", "x"
        )
    settings = fast_settings(render_timeout=10.0, **limits)

    async def render_three() -> tuple[list[str], Renderer]:
        renderer = Renderer(settings, server.url("/"), Gates(1, 0.0), AddressGuard(server.url("/")))
        try:
            return [(await renderer.render(server.url(f"/p{n}.html"))).html for n in range(3)], renderer
        finally:
            await renderer.aclose()

    htmls, renderer = asyncio.run(render_three())
    assert [f"หน้า {n}" in html for n, html in enumerate(htmls)] == [True] * 3
    assert renderer.stats.launches == 3 and renderer.stats.pages == 3
    assert renderer.stats.peak_rss > 50 * 1024 * 1024  # Chromium's processes were found and measured
    assert browser_rss() == 0  # and are gone once it is closed


# --- remembering which pages needed the browser -------------------------------------------------------------------
def test_url_patterns_replace_numbers_ids_and_query_values() -> None:
    assert url_pattern("https://www.koksawang.go.th/public/list/data/index/menu/1144") == (
        "www.koksawang.go.th/public/list/data/index/menu/{n}"
    )
    assert url_pattern("https://x.go.th/index.php?page_id=12&lang=th") == url_pattern(
        "https://x.go.th/index.php?lang=en&page_id=40"
    )
    assert url_pattern("https://x.go.th/news/1") != url_pattern("https://x.go.th/about/1")


def scripted_list(n: int) -> Reply:
    """A document list filled from JSON, on a page with a menu of its own: detection cannot tell it needs a
    browser."""
    return page(
        '<nav class="menu"><a href="/">หน้าแรก</a> <a href="/about.html">เกี่ยวกับเรา</a>'
        ' <a href="/contact.html">ติดต่อเรา</a></nav><h1>ประกาศจัดซื้อจัดจ้าง</h1><ul id="list"></ul>'
        f"<script>fetch('/list/{n}.json').then(r => r.json()).then(rows => {{"
        "document.getElementById('list').innerHTML = rows.map(r => '<li><a href=\"' + r.href + '\">' + r.label"
        " + '</a></li>').join(''); });</script>",
        "ประกาศจัดซื้อจัดจ้าง",
    )


def home_of_the_same_layout() -> Reply:
    """The home page in the list pages' layout (their menu, an inline visitor counter): the crawl renders the
    first page of this layout, the home page, to compare links, and not the list pages after it."""
    return page(
        '<nav class="menu"><a href="/">หน้าแรก</a> <a href="/about.html">เกี่ยวกับเรา</a>'
        ' <a href="/contact.html">ติดต่อเรา</a></nav><a href="/procurement/7">ประกาศจัดซื้อจัดจ้าง</a>'
        "<span id='counter'></span><script>document.getElementById('counter').textContent = '1024';</script>",
        "หน้าแรก",
    )


@needs_chromium
def test_a_remembered_pattern_renders_sibling_pages_directly(server) -> None:
    server.routes["/"] = home_of_the_same_layout()
    server.routes["/procurement/7"] = scripted_list(7)
    server.routes["/list/7.json"] = Reply(
        body=json.dumps([{"label": "ประกาศผู้ชนะการเสนอราคา", "href": "/files/win-7.html"}]), content_type=JSON
    )
    server.routes["/files/win-7.html"] = page("<h1>ประกาศผู้ชนะการเสนอราคา</h1>", "ประกาศ")

    first, sink = crawl(server.url("/"))
    assert first.probes == first.rendered == 1  # the home page, the first of its layout: no link gained
    assert first.scripted == [server.url("/procurement/7")]  # noticed, not rendered: a second-pass candidate
    assert server.url("/files/win-7.html") not in {p.url for p in sink.pages}

    from crawler.browser import BrowserStep
    from crawler.engine import Crawler, MemorySink

    # An earlier scan learned that /procurement/3 gained links when rendered.
    learned = ShellMemory([url_pattern(server.url("/procurement/3"))])
    crawler = Crawler(fast_settings(), MemorySink(), browser=BrowserStep(fast_settings(), learned))
    second = asyncio.run(crawler.run(server.url("/")))
    assert second.rendered - second.probes == 1 and second.scripted == []
    assert server.url("/files/win-7.html") in {p.url for p in crawler.sink.pages}  # type: ignore[attr-defined]


@needs_chromium
def test_the_second_pass_renders_pages_again_and_crawls_only_what_is_new(server) -> None:
    server.routes["/"] = home_of_the_same_layout()
    server.routes["/procurement/7"] = scripted_list(7)
    server.routes["/list/7.json"] = Reply(
        body=json.dumps([{"label": "ประกาศผู้ชนะการเสนอราคา", "href": "/files/win-7.html"}]), content_type=JSON
    )
    server.routes["/files/win-7.html"] = page("<h1>ประกาศผู้ชนะการเสนอราคา</h1>", "ประกาศ")
    server.routes["/about.html"] = page("<h1>เกี่ยวกับเรา</h1>", "เกี่ยวกับเรา")
    from crawler.engine import Crawler, MemorySink

    crawler = Crawler(fast_settings(), MemorySink())

    async def both_passes():  # type: ignore[no-untyped-def]
        first = await crawler.run(server.url("/"))
        scripted = list(first.scripted)
        return scripted, await crawler.render_again(scripted)

    scripted, result = asyncio.run(both_passes())
    assert scripted == [server.url("/procurement/7")]
    assert result.rendered - result.probes == 1
    assert server.url("/files/win-7.html") in {p.url for p in crawler.sink.pages}  # type: ignore[attr-defined]
    assert server.count("/about.html") == 1  # the first pass's pages are not fetched again
    assert crawler.shell_memory.knows(server.url("/procurement/8"))  # learned: siblings go straight to the browser


@needs_chromium
def test_one_browser_outlives_the_passes_inside_one_browser(server, caplog) -> None:
    """Crawler.one_browser: the first pass's browser renders the second pass and takes the screenshot, and is
    closed when the block ends."""
    caplog.set_level(logging.INFO, logger="crawler.render")
    server.routes.update(menu_site())  # "/" is a shell: rendered in the first pass
    server.routes["/ita/index.html"] = scripted_list(7)  # a second-pass candidate
    server.routes["/list/7.json"] = Reply(
        body=json.dumps([{"label": "ประกาศผู้ชนะการเสนอราคา", "href": "/files/win-7.html"}]), content_type=JSON
    )
    server.routes["/files/win-7.html"] = page("<h1>ประกาศผู้ชนะการเสนอราคา</h1>", "ประกาศ")
    from crawler.browser import BrowserStep
    from crawler.engine import Crawler, MemorySink

    # New layouts are not compared here (no probes): the index is left to the second pass.
    crawler = Crawler(fast_settings(), MemorySink(), browser=BrowserStep(fast_settings(), layout_probes=0))

    async def scan_like() -> tuple[list[str], int, bytes | None, int]:
        async with crawler.one_browser():
            first = await crawler.run(server.url("/"))
            scripted, rendered = list(first.scripted), first.rendered
            second = await crawler.render_again(scripted)
            shot = await crawler.screenshot(server.url("/nogift.html"))
            alive = browser_rss()
        return scripted, second.rendered - rendered, shot, alive

    scripted, rendered_again, shot, alive = asyncio.run(scan_like())
    assert scripted == [server.url("/ita/index.html")] and rendered_again == 1
    assert shot is not None and shot[:3] == b"\xff\xd8\xff"
    assert alive > 0 and browser_rss() == 0  # open until the block ended, closed after
    launches = [r for r in caplog.records if r.getMessage().startswith("browser started")]
    assert len(launches) == 1
