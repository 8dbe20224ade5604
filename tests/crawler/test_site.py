"""A whole crawl of a small local Thai municipal site: menus, an image banner, a cp874 page, a PDF, a sitemap,
robots.txt, external links and links that are not web pages."""

from __future__ import annotations

import asyncio
from collections import Counter
from urllib.parse import unquote

import pytest

from crawler.engine import Crawler, MemorySink
from crawler.models import CrawlResult, Document, Link, Page
from tests.crawler.support import LocalServer, Reply, crawl, fast_settings, make_pdf, page, pdf_reply, redirect

NO_GIFT = make_pdf(["No Gift Policy 2569", "Nakhlang Municipality: officials accept no gifts in fiscal year 2569."])
MENU = """
<div id="menu"><ul>
  <li><a href="/">หน้าแรก</a></li>
  <li><a href="/about.html?utm_source=menu&fbclid=abc">เกี่ยวกับเทศบาล</a>
    <ul><li><a href="/executives.html">คณะผู้บริหาร</a></li><li><a href="/about.html#history">ประวัติ</a></li></ul></li>
  <li><a href="/news/index.php">ข่าวประชาสัมพันธ์</a></li>
  <li><a href="/contact.html">ติดต่อเรา</a></li>
  <li><a href="javascript:void(0)">เมนูย่อย</a></li>
</ul></div>
"""
FOOTER = """
<div id="footer"><a href="https://www.facebook.com/nakhlang.municipality">Facebook เทศบาล</a>
<a href="mailto:saraban@nakhlang.go.th">saraban@nakhlang.go.th</a> <a href="tel:043123456">043-123456</a>
<a href="#top">ขึ้นด้านบน</a></div>
"""


def shell(body: str, title: str) -> Reply:
    return page(MENU + f"<div id='content'>{body}</div>" + FOOTER, title=title)


def build_site(server: LocalServer) -> None:
    exec_html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=tis-620'><title>ผู้บริหาร</title>"
        "</head><body><h1>คณะผู้บริหาร</h1><p>นายกเทศมนตรีตำบลนากลาง โทร\xa0๐๔๓-๑๒๓๔๕๖</p>"
        "<a href='/ita/'>กลับหน้า ITA</a></body></html>"
    )
    server.routes.update({
        "/robots.txt": Reply(body="User-agent: *\nDisallow: /admin/\n", content_type="text/plain"),
        "/sitemap.xml": Reply(content_type="application/xml", body=(
            f"<urlset><url><loc>{server.url('/about.html')}</loc></url>"
            f"<url><loc>{server.url('/hidden/budget.html')}</loc></url></urlset>")),
        "/": shell('<a href="/ita/"><img src="/img/ita-banner.png" alt="ITA 2569 การเปิดเผยข้อมูลสาธารณะ"></a>'
                   '<img src="/img/logo.png" alt="โลโก้"><a href="/admin/login.php">ผู้ดูแลระบบ</a>'
                   '<a href="/ข่าว/ประกาศ.html">ประกาศ</a>', "เทศบาลตำบลนากลาง"),
        "/about.html": shell("<h1>เกี่ยวกับเทศบาล</h1><p>ประวัติความเป็นมา</p>", "เกี่ยวกับเทศบาล"),
        "/executives.html": Reply(body=exec_html.encode("cp874"), content_type="text/html"),
        "/news/index.php": shell(
            '<a href="read.php?id=1">ข่าวที่ 1</a><a href="read.php?id=2&PHPSESSID=x1">ข่าวที่ 2</a>'
            '<a href="/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8'
            '.html">ประกาศ (encoded)</a>', "ข่าวประชาสัมพันธ์"),
        "/news/read.php?id=1": shell("<p>ข่าวกิจกรรมวันเด็ก</p>", "ข่าว 1"),
        "/news/read.php?id=2": shell("<p>ข่าวประชุมสภา</p>", "ข่าว 2"),
        "/ข่าว/ประกาศ.html": shell("<p>ประกาศเทศบาลตำบลนากลาง</p>", "ประกาศ"),
        "/contact.html": shell('<p>ที่อยู่ 99 หมู่ 1</p><iframe src="https://www.google.com/maps/embed?pb=1"></iframe>',
                               "ติดต่อเรา"),
        "/ita/": shell('<h1>การเปิดเผยข้อมูลสาธารณะ (OIT)</h1><a href="o1.html">O1 โครงสร้าง</a>'
                       '<a href="/files/ita/o36-nogift.pdf">O36 ประกาศนโยบายไม่รับของขวัญ</a>'
                       '<a href="https://line.me/ti/p/nakhlang">LINE</a>', "ITA"),
        "/ita/o1.html": shell("<h2>โครงสร้างส่วนราชการ</h2>", "O1"),
        "/files/ita/o36-nogift.pdf": pdf_reply(NO_GIFT),
        "/hidden/budget.html": shell("<p>งบประมาณรายจ่ายประจำปี</p>", "งบประมาณ"),
        "/admin/login.php": page("<form>login</form>"),
    })  # fmt: skip


class SnapshotSink(MemorySink):
    """Copies what it is given at once, as a database sink would: later changes by the engine are not seen."""

    def add_page(self, page: Page) -> None:
        super().add_page(page.model_copy(deep=True))

    def add_document(self, document: Document) -> None:
        super().add_document(document.model_copy(deep=True))

    def add_external(self, link: Link, from_url: str) -> None:
        super().add_external(link.model_copy(deep=True), from_url)


EXPECTED_PAGES = {"/", "/about.html", "/executives.html", "/news/index.php", "/news/read.php?id=1",
                  "/news/read.php?id=2", "/ข่าว/ประกาศ.html", "/contact.html", "/ita/", "/ita/o1.html",
                  "/hidden/budget.html"}  # fmt: skip


Crawled = tuple[LocalServer, CrawlResult, SnapshotSink]


@pytest.fixture
def crawled(server: LocalServer) -> Crawled:
    build_site(server)
    sink = SnapshotSink()
    result = asyncio.run(Crawler(fast_settings(read_sitemaps=True), sink).run(server.url()))
    return server, result, sink


def local(server: LocalServer, url: str) -> str:
    return unquote(url.removeprefix(server.url("")))


def test_pages_fetched(crawled: Crawled) -> None:
    server, result, sink = crawled
    assert {local(server, p.url) for p in sink.pages} == EXPECTED_PAGES
    assert all(p.error is None and p.status == 200 for p in sink.pages)
    assert result.pages == len(EXPECTED_PAGES)
    assert result.errors == 0
    assert result.robots_disallowed == [server.url("/admin/login.php")]


def test_no_url_fetched_twice(crawled: Crawled) -> None:
    server, _, _ = crawled
    repeats = {target: n for target, n in Counter(server.targets()).items() if n > 1}
    assert repeats == {}
    assert server.count("/admin/login.php") == 0
    assert server.count("/img/ita-banner.png") == 0 and server.count("/img/logo.png") == 0
    fetched = {local(server, server.url(target)) for target in server.targets()}
    assert fetched == EXPECTED_PAGES | {"/robots.txt", "/sitemap.xml", "/files/ita/o36-nogift.pdf"}


def test_page_contents(crawled: Crawled) -> None:
    server, _, sink = crawled
    pages = {local(server, p.url): p for p in sink.pages}
    assert pages["/"].title == "เทศบาลตำบลนากลาง"
    banner = next(link for link in pages["/"].links if link.url == server.url("/ita/"))
    assert banner.img_alt == "ITA 2569 การเปิดเผยข้อมูลสาธารณะ"
    assert pages["/executives.html"].encoding == "cp874"
    assert "นายกเทศมนตรีตำบลนากลาง โทร ๐๔๓-๑๒๓๔๕๖" in pages["/executives.html"].text
    assert pages["/executives.html"].headings == ["คณะผู้บริหาร"]
    assert pages["/ita/"].depth == 1
    assert pages["/ita/o1.html"].depth == 2
    assert pages["/hidden/budget.html"].depth == 1  # found through the sitemap only
    assert "งบประมาณรายจ่ายประจำปี" in pages["/hidden/budget.html"].text
    assert pages["/ข่าว/ประกาศ.html"].url.isascii()


def test_external_links_recorded_not_fetched(crawled: Crawled) -> None:
    server, _, sink = crawled
    external = [link.url for link in sink.external]
    assert sorted(external) == ["https://line.me/ti/p/nakhlang", "https://www.facebook.com/nakhlang.municipality",
                                "https://www.google.com/maps/embed?pb=1"]  # fmt: skip
    assert all(link.external for link in sink.external)
    assert not any(u.startswith(("mailto:", "tel:", "javascript:")) for p in sink.pages for u in
                   (link.url for link in p.links))  # fmt: skip
    facebook = [link for p in sink.pages for link in p.links if "facebook" in link.url]
    assert len(facebook) == len(EXPECTED_PAGES) - 1  # in the footer of every page but the cp874 one
    assert all(link.external for link in facebook)  # on every page, and set before the sink saw the page
    home = next(p for p in sink.pages if p.url == server.url())
    ita = next(link for link in home.links if link.url == server.url("/ita/"))
    assert not ita.external


def test_document_from_the_ita_page(crawled: Crawled) -> None:
    server, result, sink = crawled
    (doc,) = sink.documents
    assert doc.url == server.url("/files/ita/o36-nogift.pdf")
    assert doc.readable
    assert "No Gift Policy 2569" in doc.text
    assert doc.link_texts == ["O36 ประกาศนโยบายไม่รับของขวัญ"]
    assert doc.referrers == [server.url("/ita/")]
    assert result.documents == 1


def test_progress_callback(server: LocalServer) -> None:
    build_site(server)
    calls: list[tuple[int, int, int, str]] = []
    asyncio.run(Crawler(fast_settings(), MemorySink(), progress=lambda *a: calls.append(a)).run(server.url()))
    assert len(calls) >= len(EXPECTED_PAGES) - 1  # every fetch reports (the sitemap-only page is not found)
    assert calls[-1][0] == len(EXPECTED_PAGES) - 1
    assert calls[-1][1] == 1


def test_start_url_is_normalised(server: LocalServer) -> None:
    server.routes["/"] = page("<p>x</p>")
    result, sink = crawl(server.url("/#top"), respect_robots=False)
    assert result.start_url == server.url("/")
    assert [p.url for p in sink.pages] == [server.url("/")]
    with pytest.raises(ValueError, match="not an http"):
        crawl("mailto:saraban@nakhlang.go.th")


def test_redirect_to_an_already_crawled_page_is_not_fetched_again(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/index.php">หน้าหลัก</a>')
    server.routes["/index.php"] = redirect("/", 301)
    crawl(server.url(), respect_robots=False, concurrency=1)
    assert server.count("/") == 1


def test_pages_behind_onclick_tiles_and_jump_menus_are_crawled(server: LocalServer) -> None:
    """A legacy theme whose ITA tile navigates by onclick and whose procurement page sits in a jump menu: both
    are fetched, with the files they link, without a browser."""
    server.routes["/"] = page(
        "<table><tr><td onclick=\"location.href='index.php?name=ita&op=2569'\">ITA 2569</td></tr></table>"
        '<select onchange="window.location=this.value"><option value="">เลือก</option>'
        '<option value="main.php?m=procure&id=7">สรุปผลการจัดซื้อจัดจ้าง</option></select>'
    )
    server.routes["/index.php?name=ita&op=2569"] = page('<a href="/files/o1.pdf">O1 โครงสร้าง</a>', "ITA 2569")
    server.routes["/main.php?m=procure&id=7"] = page("<p>สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568</p>", "จัดซื้อจัดจ้าง")
    server.routes["/files/o1.pdf"] = pdf_reply(make_pdf(["Structure"]))
    _, sink = crawl(server.url("/"), fast_settings(render="off"))
    fetched = {p.url for p in sink.pages} | {d.url for d in sink.documents}
    assert server.url("/index.php?name=ita&op=2569") in fetched
    assert server.url("/main.php?m=procure&id=7") in fetched
    assert server.url("/files/o1.pdf") in fetched
