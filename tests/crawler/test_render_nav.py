"""Navigation built by scripts (issue 12, class 1): real Chromium against real sites on 127.0.0.1.

With a browser, the first page of each new layout that runs scripts (the home page first) is rendered once and
its links compared with the raw HTML's: the menu's links are crawled. Without one, the signs of scripted
navigation are named in CrawlResult.scripted_nav, so the scan cannot call what it did not find "missing". Plain
pages are not rendered: renders are counted. Chromium is required as tests/requires.py says
(CI fails without it)."""

from __future__ import annotations

import pytest

from crawler.parse import parse_html
from tests.crawler import scripted_menus
from tests.crawler.support import Reply, crawl, page

MISSING = "/nonexistent/chromium"
BEHIND_THE_MENU = ("/ita/index.html", "/about/executives.html", "/about/structure.html", "/nogift.html")
SCRIPTED = [s for s in scripted_menus.STYLES if s != "iframe"]  # the iframe with an address needs no script

# The tests that start the browser; those about a crawl without one run everywhere.
needs_chromium = pytest.mark.requires("chromium")  # skipped locally, failed in CI when missing (tests/requires.py)


def serve(server, style: str) -> None:  # type: ignore[no-untyped-def]
    server.routes.update(scripted_menus.site(style))
    server.routes.update(scripted_menus.crawl_targets())


@needs_chromium
@pytest.mark.parametrize("style", scripted_menus.STYLES)
def test_with_chromium_the_pages_behind_a_scripted_menu_are_crawled(server, style) -> None:
    serve(server, style)
    result, sink = crawl(server.url("/"), render_timeout=10.0)
    crawled = {p.url for p in sink.pages}
    for path in BEHIND_THE_MENU:  # the ITA index, the evidence it links, and the hidden dropdown's page
        assert server.url(path) in crawled, path
    assert result.rendered == 1  # the home page, once; the plain pages never
    assert result.scripted_nav == {}
    if style in SCRIPTED:
        assert any("สร้างด้วยสคริปต์" in f and "built by scripts" in f for f in result.findings)


@pytest.mark.parametrize("style", SCRIPTED)
@pytest.mark.parametrize("without", [{"render": "off"}, {"browser_path": MISSING}], ids=["off", "no-chromium"])
def test_without_a_browser_the_signs_of_a_scripted_menu_are_named(server, style, without) -> None:
    serve(server, style)
    result, sink = crawl(server.url("/"), **without)
    crawled = {p.url for p in sink.pages}
    assert server.url("/ita/index.html") not in crawled  # only the static links were followed
    assert server.url("/contact.html") in crawled
    signs = result.scripted_nav.get(server.url("/"))
    assert signs, result.scripted_nav
    assert all(" / " in sign for sign in signs)  # Thai first, English after
    assert result.rendered == 0


def test_the_issue_site_names_every_sign(server) -> None:
    """Issue 12's site: an empty list in <nav>, a script with an ordinary name, a <noscript> notice."""
    serve(server, "external")
    result, _ = crawl(server.url("/"), render="off")
    signs = " ".join(result.scripted_nav[server.url("/")])
    assert '<nav id="mainmenu">' in signs and "/js/menu.js" in signs and "<noscript>" in signs


def test_a_menu_in_a_frame_is_followed_without_a_browser(server) -> None:
    serve(server, "iframe")
    result, sink = crawl(server.url("/"), render="off")
    crawled = {p.url for p in sink.pages}
    assert server.url("/menu/left.html") in crawled
    for path in BEHIND_THE_MENU:
        assert server.url(path) in crawled, path
    assert result.scripted_nav == {}  # nothing was left unread


# --- cost: plain pages are never rendered; one render per layout ---------------------------------------------------
STATIC_MENU = (
    '<nav class="main-navigation"><ul class="menu"><li><a href="/">หน้าแรก</a></li>'
    '<li><a href="/about.html">เกี่ยวกับเรา</a></li><li><a href="/ita/index.html">ITA 2569</a></li>'
    '<li><a href="/contact.html">ติดต่อเรา</a></li></ul><button class="menu-toggle">☰</button>'
    '<div class="menu-toggle"></div></nav>'
)
# What a WordPress theme ships on every page: a script to fold the menu on phones, jQuery, a slider that asks
# for JavaScript in <noscript>, an analytics snippet. None of it builds navigation.
THEME_SCRIPTS = (
    '<script src="/wp-includes/js/jquery/jquery.min.js"></script><script src="/wp-content/themes/tambon/js/navigation.js">'
    "</script><noscript>กรุณาเปิด JavaScript เพื่อดูภาพสไลด์</noscript>"
    "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({event: 'view'});</script>"
)


def static_site(scripts: str) -> dict[str, Reply]:
    return {
        path: page(f"{STATIC_MENU}<h1>{title}</h1><p>{title} องค์การบริหารส่วนตำบลโคกสว่าง</p>{scripts}", title)
        for path, title in (
            ("/", "หน้าแรก"),
            ("/about.html", "เกี่ยวกับเรา"),
            ("/ita/index.html", "ITA 2569"),
            ("/contact.html", "ติดต่อเรา"),
        )
    }


@needs_chromium
def test_a_plain_static_site_is_not_rendered(server) -> None:
    server.routes.update(static_site(scripts=""))
    result, sink = crawl(server.url("/"))
    assert len(sink.pages) == 4
    assert result.rendered == result.probes == 0 and result.scripted_nav == {}
    assert server.count("/") == 1  # no browser asked for it


# A real municipal theme: a full static mega menu (a dozen sections and more) beside the same theme scripts.
FULL_MENU = (
    '<nav id="main-nav" class="navbar"><ul class="nav navbar-nav">'
    + "".join(
        f'<li><a href="/section/{n}.html">{label}</a></li>'
        for n, label in enumerate(
            [
                "ประวัติความเป็นมา",
                "วิสัยทัศน์",
                "โครงสร้างส่วนราชการ",
                "คณะผู้บริหาร",
                "สมาชิกสภา",
                "หน่วยตรวจสอบภายใน",
                "สำนักปลัด",
                "กองคลัง",
                "กองช่าง",
                "กองการศึกษา",
                "แผนพัฒนาท้องถิ่น",
                "ข่าวประชาสัมพันธ์",
                "ติดต่อเรา",
                "กระดานถาม-ตอบ",
            ]
        )
    )
    + "</ul></nav>"
)


@needs_chromium
def test_a_full_static_menu_with_theme_scripts_starts_no_browser(server) -> None:
    """Every CMS theme ships scripts; a menu already full in the raw HTML is static, so no page is rendered."""
    server.routes["/"] = page(f"{FULL_MENU}<h1>หน้าแรก</h1><p>เทศบาลตำบลหนองแวง</p>{THEME_SCRIPTS}", "หน้าแรก")
    for n in range(14):
        server.routes[f"/section/{n}.html"] = page(f"{FULL_MENU}<h1>หน้า {n}</h1>{THEME_SCRIPTS}", f"หน้า {n}")
    result, sink = crawl(server.url("/"), render_timeout=10.0)
    assert len(sink.pages) == 15
    assert result.rendered == result.probes == 0
    assert server.count("/") == 1


@needs_chromium
def test_a_static_site_with_theme_scripts_is_rendered_once_and_shows_no_signs(server) -> None:
    server.routes.update(static_site(THEME_SCRIPTS))
    server.routes["/wp-includes/js/jquery/jquery.min.js"] = Reply(
        body="window.jQuery = 1;", content_type="text/javascript"
    )
    server.routes["/wp-content/themes/tambon/js/navigation.js"] = Reply(body="", content_type="text/javascript")
    result, sink = crawl(server.url("/"), render_timeout=10.0)
    assert len(sink.pages) == 4
    assert result.rendered == result.probes == 1  # the home page, the first of the layout; not its siblings
    assert server.count("/") == 2 and server.count("/about.html") == 1
    assert not any("สร้างด้วยสคริปต์" in f for f in result.findings)  # the browser showed no link the HTML lacks
    off, _ = crawl(server.url("/"), render="off")
    assert off.scripted_nav == {}  # a static menu is no sign, whatever scripts the theme ships


# --- the signs, read from the raw HTML -------------------------------------------------------------------------------
BASE = "https://www.koksawang.go.th/"


def signs(body: str) -> list[str]:
    return parse_html(f"<html><body>{body}</body></html>", BASE).nav_signs


@pytest.mark.parametrize(
    "body",
    [
        '<ul id="topmenu"></ul><script src="/js/app.js"></script>',
        "<nav><ul><li>กำลังโหลดเมนู...</li></ul></nav><script>init()</script>",
        '<div class="navbar"><a class="brand" href="/">อบต.</a><ul id="menu"></ul></div><script>x()</script>',
        "<div id='top'></div><script>fetch('/api/mainmenu').then(r => r.json()).then(build)</script>",
        "<div id='x'></div><script>$.getJSON('menu_data.php', draw)</script>",
        '<div id="root"></div><script src="/static/js/main.8c1f.js"></script><footer>' + "ข้อความ " * 60 + "</footer>",
        '<iframe name="leftnav"></iframe><script>frames.leftnav.location = "/nav.html"</script>',
        '<nav class="menu"><iframe data-src="/menu.html" class="lazy"></iframe></nav><script src="/lazy.js"></script>',
    ],
    ids=["empty-list", "loading-text", "brand-then-empty", "fetch", "getjson", "mount", "frame-named", "frame-lazy"],
)
def test_signs_of_scripted_navigation(body: str) -> None:
    assert signs(body)


@pytest.mark.parametrize(
    "body",
    [
        '<ul id="topmenu"></ul>',  # no script: nothing fills it
        STATIC_MENU + THEME_SCRIPTS,
        STATIC_MENU.replace("</ul>", '<li>ประกาศ<ul class="sub-menu"></ul></li></ul>')
        + '<script src="/js/superfish.js"></script>',
        '<div class="canvas"></div><script>draw()</script>',
        '<div id="menu-icon"></div><div class="search-overlay"></div><script>x()</script>',
        STATIC_MENU + '<iframe src="/menu/left.html" name="menu"></iframe><script>y()</script>',
        STATIC_MENU + '<noscript><img src="https://www.facebook.com/tr?id=1"></noscript><script>fbq()</script>',
    ],
    ids=["no-script", "theme", "empty-submenu", "canvas", "toggles", "frame-with-address", "pixel"],
)
def test_no_signs_on_ordinary_pages(body: str) -> None:
    assert signs(body) == []
