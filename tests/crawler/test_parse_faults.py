"""Pages that nest their elements 100,000 levels deep (issue 13, case 7) cost bounded CPU and are reported.

Before the bound, lexbor looked down its whole stack of open elements at every block start tag: 100,000 nested
<div> or <ul><li> cost about 20 s of CPU each, and nested menus cost our own walks minutes more, all on the
crawler's event loop. CPU time is measured (time.process_time), never wall time.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from crawler.nesting import MAX_DEPTH, NOTE, bound_nesting
from crawler.parse import parse_html
from tests.crawler.support import LocalServer, Reply, crawl, page

URL = "http://www.tambon-nongbua.go.th/index.php"
LEVELS = 100_000
CPU_BUDGET = 6.0  # seconds: the bounded page takes about 1 s; the old code took 20 s and more

HEAD = """<!doctype html><html><head><title>เทศบาลตำบลหนองบัว</title></head><body>
<nav class="navbar"><a href="/about.php">เกี่ยวกับหน่วยงาน</a> <a href="/news.php">ข่าวประชาสัมพันธ์</a></nav>
<h1>เทศบาลตำบลหนองบัว</h1>
<p>ข้อมูลพื้นฐานของหน่วยงาน <a href="/ita/o1.php">โครงสร้างหน่วยงาน</a></p>"""
TAIL = """<footer><a href="/contact.php">ติดต่อเรา</a> โทรศัพท์ 042-123456</footer></body></html>"""

SHAPES = {
    "div": "<div>" * LEVELS + "ข้อความลึก" + "</div>" * LEVELS,
    "div unclosed": '<div class="box">' * LEVELS + "ข้อความลึก",
    "b i unclosed": "<b><i>" * (LEVELS // 2) + "ข้อความลึก",
    "table in table": "<table><tr><td>" * (LEVELS // 3) + "ข้อความลึก" + "</td></tr></table>" * (LEVELS // 3),
    "ul li": "<ul><li>" * (LEVELS // 2) + "ข้อความลึก" + "</li></ul>" * (LEVELS // 2),
    "blockquote": "<blockquote>" * LEVELS + "ข้อความลึก",
    "nested menus with links": ('<div class="menu">' * 9 + '<div class="menu"><a href="/m.php">เมนู</a>')
    * (LEVELS // 10)
    + "</div>" * LEVELS,
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_deep_page_parses_in_bounded_cpu_and_keeps_what_sits_outside(shape: str) -> None:
    html = HEAD + SHAPES[shape] + TAIL
    start = time.process_time()
    parsed = parse_html(html, URL)
    assert time.process_time() - start < CPU_BUDGET
    assert parsed.bounded_html, "the page is marked as read in part"
    urls = {link.url for link in parsed.links}
    base = "http://www.tambon-nongbua.go.th"
    assert {f"{base}/about.php", f"{base}/news.php", f"{base}/ita/o1.php", f"{base}/contact.php"} <= urls
    assert "ข้อมูลพื้นฐานของหน่วยงาน" in parsed.text
    assert parsed.title == "เทศบาลตำบลหนองบัว"
    # The markup kept for the rules (which re-read a page) is itself shallow: a second reading drops nothing.
    assert not bound_nesting(parsed.bounded_html).dropped


def test_text_inside_the_nesting_is_kept() -> None:
    parsed = parse_html(HEAD + SHAPES["div"] + TAIL, URL)
    assert "ข้อความลึก" in parsed.text
    assert "โทรศัพท์ 042-123456" in parsed.text


def sloppy_municipal_page() -> str:
    """A big page of the markup Thai CMS themes really write: unclosed <li>, <td><div> closed by </td>, <p>
    never closed, inline SVG icons of self-closing paths, <br> and <img>: 20,000 tags, a dozen levels deep."""
    rows = "".join(
        f'<tr><td><div class="cell"><a href="/doc/{i}.pdf">ประกาศ {i}</a></td><td>{i}/2568<br></td></tr>'
        for i in range(2000)
    )
    items = "".join(f'<li><a href="/news/{i}">ข่าว {i}</a><img src="/i/{i}.png">' for i in range(2000))
    icons = '<svg viewBox="0 0 10 10">' + '<path d="M0 0"/>' * 1500 + "</svg>"
    paragraphs = "<p>ย่อหน้า<span>หนึ่ง" * 1000
    return f"{HEAD}<table>{rows}</table><ul>{items}</ul>{icons}<div>{paragraphs}</div>{TAIL}"


def test_ordinary_big_pages_are_read_whole() -> None:
    html = sloppy_municipal_page()
    assert html.count("<") > 20_000
    assert bound_nesting(html).depth < MAX_DEPTH // 4
    parsed = parse_html(html, URL)
    assert not parsed.bounded_html
    assert len([link for link in parsed.links if link.url.endswith(".pdf")]) == 2000


HOME_LINKS = '<a href="/deep.php">รายงาน</a> <a href="/ita/o1.php">โครงสร้าง</a> <a href="/news.php">ข่าว</a>'


def test_crawl_reads_normal_pages_and_reports_the_deep_one() -> None:
    deep = HEAD.replace("<body>", "<body><h2>รายงานผลการดำเนินงาน</h2>") + SHAPES["ul li"] + TAIL
    routes = {
        "/": page(HOME_LINKS, "หน้าแรก"),
        "/deep.php": Reply(body=deep),
        "/ita/o1.php": page("<h1>โครงสร้างหน่วยงาน</h1><p>นายกเทศมนตรี</p>", "โครงสร้าง"),
        "/news.php": page("<h1>ข่าวประชาสัมพันธ์</h1>", "ข่าว"),
    }
    with LocalServer(routes) as server:
        start = time.process_time()
        result, sink = crawl(server.url(), respect_robots=False, max_depth=1)
        assert time.process_time() - start < 2 * CPU_BUDGET
        by_path = {urlsplit(p.url).path: p for p in sink.pages}
        assert by_path["/ita/o1.php"].text == "โครงสร้างหน่วยงาน นายกเทศมนตรี"
        assert "ข่าวประชาสัมพันธ์" in by_path["/news.php"].text
        stored = by_path["/deep.php"]
        assert stored.error is None and "ข้อมูลพื้นฐานของหน่วยงาน" in stored.text
        assert not bound_nesting(stored.html).dropped  # the rules re-read a shallow copy
        assert f"{NOTE} ({server.url('/deep.php')})" in result.findings
        assert not any("/ita/o1.php" in finding for finding in result.findings)
