"""An evidence page read from the store is not parsed again for its links: they are the links parse_html finds.

The rule engine parsed a stored page's HTML whenever an item had it as evidence (a news list is O4's and the news
items', a contact page O3's and the Q&A's). One evaluation remembers the links of the last MAX_PAGES_READ pages
(rules/sources.py, PagesRead), and reads them from what the crawl stored with the page (oit/store/database.py, page_links):
only its pictures are read from its HTML. A page stored without links is parsed for them (links_and_images).
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest

from crawler.engine import Crawler
from crawler.models import Page
from crawler.parse import links_and_images, parse_html
from oit.store.database import ScanStore, StoredSite, open_engine
from rules.sources import MAX_PAGES_READ, PagesRead, page_source
from tests.crawler.support import LocalServer, fast_settings, page

ROOT = Path(__file__).resolve().parents[2]
HOME_PAGES = sorted(ROOT.glob("eval/homepages/*/index.html")) + sorted(ROOT.glob("oit/demo/site/**/*.html"))[:20]


@pytest.mark.parametrize("path", HOME_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_and_images_are_those_parse_html_finds(path: Path) -> None:
    html = path.read_text(encoding="utf-8", errors="replace")
    url = "https://www.example.go.th/" + path.name
    parsed = parse_html(html, url)
    links, images = links_and_images(html, url)
    assert links == parsed.links
    assert images == parsed.images


def _stored(path: Path, url: str) -> Page:
    html = path.read_text(encoding="utf-8", errors="replace")
    parsed = parse_html(html, url)
    # As oit.store.database.StoredSite gives it back: text and title, no links (they are in the links table).
    return Page(url=url, final_url=url, status=200, title=parsed.title, text=parsed.text, html=html)


def test_a_page_that_is_evidence_for_two_items_is_parsed_once() -> None:
    read = PagesRead()
    news = _stored(HOME_PAGES[0], "https://www.example.go.th/news.html")
    contact = _stored(HOME_PAGES[1], "https://www.example.go.th/contact.html")
    first = page_source(news, "menu", "ข่าวประชาสัมพันธ์", read=read)
    second = page_source(news, "linked", "ข่าวกิจกรรม", read=read)
    other = page_source(contact, "menu", "ติดต่อเรา", read=read)
    assert read.parsed == 2  # the news list once, the contact page once
    assert first.links == second.links and first.links
    assert first.link_text != second.link_text  # each item's source keeps the label that led to it
    assert other.links != first.links
    alone = page_source(news, "menu", "ข่าวประชาสัมพันธ์")  # without a memo, as before
    assert alone.links == first.links and alone.images == first.images


def test_the_memo_keeps_only_the_last_pages() -> None:
    read = PagesRead()
    html = HOME_PAGES[0].read_text(encoding="utf-8", errors="replace")
    for n in range(MAX_PAGES_READ + 10):
        url = f"https://www.example.go.th/news/{n}.html"
        read.read(Page(url=url, final_url=url, status=200, html=html))
    assert len(read._pages) == MAX_PAGES_READ
    url = "https://www.example.go.th/news/0.html"
    read.read(Page(url=url, final_url=url, status=200, html=html))  # the oldest went first: parsed again
    assert read.parsed == MAX_PAGES_READ + 11


# --- the links the crawl stored, read instead of parsing the page again ----------------------------------------
# Pages of the shapes whose links a re-parse reads differently from a plain <a>: a <base href> elsewhere, documents
# shown in frames, embeds and objects with no label of their own (they take the heading above or the page's title),
# onclick tiles and jump menus, image banners labelled by their alt, a meta refresh, a site menu, off-site links
# (which the crawl marks external), and relative, query-only and fragment hrefs on pages of one directory.
_MENU_HTML = (
    '<nav class="mainmenu"><ul><li><a href="/structure.html">โครงสร้าง</a></li>'
    '<li><a href="/news/">ข่าวประชาสัมพันธ์</a></li><li><a href="https://www.facebook.com/abt">Facebook</a></li>'
    '<li><a href="/ita/"><img src="/img/ita.png" alt="ITA 2569"></a></li></ul></nav>'
)
_SHAPES = {
    "/": (
        "อบต.ทดสอบ",
        _MENU_HTML + '<h2>แผนดำเนินงาน</h2><iframe src="/files/plan-2569.pdf"></iframe>'
        '<a href="docs/o7.html">รายงานผลการดำเนินงาน</a> <a href="?page=2">หน้า 2</a> <a href="#top">บนสุด</a>'
        '<div onclick="window.open(\'/ebook/manual.pdf\')"><img src="/img/manual.jpg" alt="คู่มือการปฏิบัติงาน"></div>'
        '<select onchange="location=this.value"><option value="/o1.html">โครงสร้าง</option>'
        '<option value="https://itas.nacc.go.th/">ITAS</option></select>'
        '<a href="https://www.dla.go.th/" title="กรมส่งเสริมการปกครองท้องถิ่น"><img src="dla.png" alt="สถ."></a>'
        '<img src="/img/banner.jpg" alt="ป้ายประชาสัมพันธ์">',
    ),
    "/news/": (
        "ข่าวประชาสัมพันธ์",
        '<base href="/archive/2568/">' + _MENU_HTML + '<a href="n1.html">ประกาศ ๑ ตุลาคม ๒๕๖๘</a>'
        '<a href="../2567/n9.html">ข่าวเก่า</a><a href="?page=2">ถัดไป</a><img src="pic/n1.jpg" alt="ภาพกิจกรรม">',
    ),
    "/news/frames.html": (
        "ประกาศผลการจัดซื้อจัดจ้าง ประจำปี 2569",
        '<frameset><frame src="/files/sko1.pdf"><frame src="menu.html"></frameset>'
        '<embed src="/files/o12.pdf"><object data="/files/o13.pdf"></object><a href="#top">บนสุด</a>',
    ),
    "/refresh.html": ("ย้ายหน้า", '<meta http-equiv="refresh" content="0; url=/news/">' + _MENU_HTML),
}


def test_the_links_the_crawl_stored_are_those_a_parse_of_the_stored_html_finds(tmp_path: Path) -> None:
    with LocalServer() as server:
        for path, (title, body) in _SHAPES.items():
            server.routes[path] = page(body, title)
        for n, path in enumerate(HOME_PAGES[:3]):  # real CMS home pages, linked from the test site's home
            server.routes[f"/cms/{n}.html"] = page(path.read_text(encoding="utf-8", errors="replace"))
        more = "".join(f'<a href="/cms/{n}.html">{n}</a>' for n in range(3))
        shapes = '<a href="/news/frames.html">ประกาศ</a><a href="/refresh.html">.</a>'
        server.routes["/"] = page(_SHAPES["/"][1] + more + shapes)
        engine = open_engine(f"sqlite:///{tmp_path / 'oit.sqlite'}")
        store = ScanStore(engine, server.url(), "อบต.ทดสอบ", 2569, date(2026, 5, 15))
        result = asyncio.run(Crawler(fast_settings(), store).run(server.url()))  # the crawl stores each page's links
        store.finish("{}", [], result.pages, result.documents, result.errors, result.duration_s)
    site = StoredSite(engine, store.scan_id, server.url())
    pages = [p for url, _, _ in site.page_summaries() if (p := site.page(url)) is not None and p.status == 200]
    assert len(pages) >= 7  # the four shapes, the three CMS pages, and what they link to on the test server
    stored, parsed = PagesRead(site.page_links), PagesRead()
    for read in pages:  # the last page is read with its links; the others' are read again from their row
        assert stored.read(read) == parsed.read(read), read.url
    assert stored.parsed == 0 and parsed.parsed == len(pages)  # no page's HTML parsed again for its links
    home = stored.read(site.page(server.url()))[0]
    assert any(link.url.endswith("/files/plan-2569.pdf") and link.label == "แผนดำเนินงาน" for link in home)
    frames = stored.read(site.page(server.url("/news/frames.html")))[0]
    assert {link.label for link in frames if link.url.endswith(".pdf")} == {_SHAPES["/news/frames.html"][0]}
    archive = stored.read(site.page(server.url("/news/")))[0]
    assert any(link.url.endswith("/archive/2568/n1.html") for link in archive)  # <base href> resolved
    assert not any(link.external for link in home)  # as the HTML gives them: the rules judge scope (in_scope)


def test_a_page_stored_without_links_is_read_from_its_html(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'oit.sqlite'}")
    store = ScanStore(engine, "https://www.example.go.th/", None, 2569, date(2026, 5, 15))
    url = "https://www.example.go.th/gallery.html"
    html = '<h1>ภาพกิจกรรม</h1><img src="a.jpg" alt="วันเด็ก"><iframe src="/files/o20.pdf"></iframe>'
    store.add_page(Page(url=url, final_url=url, status=200, title="ภาพกิจกรรม", html=html))  # links not given
    store.finish("{}", [], 1, 0, 0, 1.0)
    site = StoredSite(engine, store.scan_id, "https://www.example.go.th/")
    read = PagesRead(site.page_links)
    links, images = read.read(site.page(url))
    assert read.parsed == 1
    assert [link.url for link in links] == ["https://www.example.go.th/files/o20.pdf"]
    assert images == [("https://www.example.go.th/a.jpg", "วันเด็ก")]
