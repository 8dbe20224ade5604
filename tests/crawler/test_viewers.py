"""Documents behind viewers and share links: the URL rewriting as pure functions (no network), and a local site
whose pages embed viewers pointing at its own PDFs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from crawler.engine import Crawler, CrawlOptions, MemorySink
from crawler.fetcher import _off_site_reason
from crawler.parse import parse_html
from crawler.reading import NOT_A_FILE
from crawler.urls import is_hosted_document, looks_like_document
from crawler.viewers import document_url
from rules.catalog import load_catalog
from rules.discovery import Discovery
from rules.site import MemorySite
from tests.crawler.support import Hit, LocalServer, Reply, crawl, fast_settings, make_pdf, page, pdf_reply, redirect

DRIVE_ID = "1AbCdEfGhIjKlMnOpQrStUv"
DRIVE_FILE = f"https://drive.google.com/uc?export=download&id={DRIVE_ID}"


@pytest.mark.parametrize(
    ("link", "document"),
    [
        # Google Drive share links, in every spelling agencies paste
        (f"https://drive.google.com/file/d/{DRIVE_ID}/view?usp=sharing", DRIVE_FILE),
        (f"https://drive.google.com/file/d/{DRIVE_ID}/preview", DRIVE_FILE),
        (f"https://drive.google.com/file/d/{DRIVE_ID}", DRIVE_FILE),
        (f"https://drive.google.com/a/nakhlang.go.th/file/d/{DRIVE_ID}/edit", DRIVE_FILE),
        (f"https://drive.google.com/open?id={DRIVE_ID}", DRIVE_FILE),
        (f"https://drive.google.com/uc?id={DRIVE_ID}&export=view", DRIVE_FILE),
        # Google Docs editors: the exported file
        ("https://docs.google.com/document/d/1Doc_ID_0123456789/edit?usp=sharing",
         "https://docs.google.com/document/d/1Doc_ID_0123456789/export?format=docx"),
        ("https://docs.google.com/spreadsheets/d/1Sheet-ID_01234567/edit#gid=0",
         "https://docs.google.com/spreadsheets/d/1Sheet-ID_01234567/export?format=xlsx"),
        ("https://docs.google.com/presentation/d/1Slides_0123456789/pub",
         "https://docs.google.com/presentation/d/1Slides_0123456789/export/pdf"),
        # Google's and Microsoft's viewers: the file they were given
        ("https://docs.google.com/viewer?url=http://www.nakhlang.go.th/files/o1.pdf&embedded=true",
         "http://www.nakhlang.go.th/files/o1.pdf"),
        ("https://docs.google.com/gview?url=http%3A%2F%2Fwww.nakhlang.go.th%2Ffiles%2F%E0%B8%9B%E0%B8%A3.pdf",
         "http://www.nakhlang.go.th/files/%E0%B8%9B%E0%B8%A3.pdf"),
        (f"https://docs.google.com/viewer?srcid={DRIVE_ID}&pid=explorer", DRIVE_FILE),
        (f"https://docs.google.com/viewerng/viewer?url=https://drive.google.com/file/d/{DRIVE_ID}/view", DRIVE_FILE),
        ("https://view.officeapps.live.com/op/view.aspx?src=https%3A%2F%2Fwww.nakhlang.go.th%2Ffiles%2Fsko1.xlsx",
         "https://www.nakhlang.go.th/files/sko1.xlsx"),
        # FlowPaper and pdf.js on the agency's own site: resolved like the viewer's script does, against it
        ("http://www.nakhlang.go.th/viewer.html?pdf=/files/a.pdf", "http://www.nakhlang.go.th/files/a.pdf"),
        ("http://www.nakhlang.go.th/flowpaper/index.php?doc=o36&pdf=../files/o36.pdf",
         "http://www.nakhlang.go.th/files/o36.pdf"),
        ("http://www.nakhlang.go.th/pdfjs/web/viewer.html?file=%2Fuploads%2Fplan.pdf",
         "http://www.nakhlang.go.th/uploads/plan.pdf"),
        ("http://www.nakhlang.go.th/showpdf.php?PDF=docs/o5.PDF", "http://www.nakhlang.go.th/docs/o5.PDF"),
    ],
)  # fmt: skip
def test_viewer_and_share_links_lead_to_the_file(link: str, document: str) -> None:
    assert document_url(link) == document


@pytest.mark.parametrize(
    "link",
    [
        "https://docs.google.com/forms/d/e/1FAIpQLSe8nBdR4kq2Vw7XcMpL3uYtH9sZaQf0JgKe5Wn6D1rTbXo2Pg/viewform",
        "https://drive.google.com/drive/folders/1FolderIdAbCdEfGh",  # a folder page: no single file to fetch
        "https://docs.google.com/document/d/e/2PACX-1vQpublished/pub",  # a published page, not a file
        DRIVE_FILE,  # already the file
        "http://www.nakhlang.go.th/download.php?file=a.pdf",  # a download script, not a viewer
        "http://www.nakhlang.go.th/viewer.html?id=12",  # a viewer, but not of a file we can name
        "http://www.nakhlang.go.th/news/read.php?id=1",
        "http://www.nakhlang.go.th/files/a.pdf",
    ],
)
def test_other_links_are_left_alone(link: str) -> None:
    assert document_url(link) is None


def test_hosted_documents_are_files_on_known_hosts_only() -> None:
    assert is_hosted_document(DRIVE_FILE)
    assert is_hosted_document("https://drive.usercontent.google.com/download?id=X&export=download")
    assert is_hosted_document("https://docs.google.com/document/d/1Doc_ID_0123456789/export?format=docx")
    assert is_hosted_document("https://doc-0k-8c-docs.googleusercontent.com/docs/securesc/abc/def")
    assert looks_like_document(DRIVE_FILE)
    for page_url in (
        f"https://drive.google.com/file/d/{DRIVE_ID}/view",
        "https://drive.google.com/drive/folders/1FolderIdAbCdEfGh",
        "https://docs.google.com/document/d/1Doc_ID_0123456789/edit",
        "https://docs.google.com/forms/d/e/1FAIpQLSe8/viewform",
        "https://lh3.googleusercontent.com/photo.jpg",
        "https://www.google.com/uc?id=1",
    ):
        assert not is_hosted_document(page_url), page_url


def test_drive_sign_in_redirect_says_the_file_is_not_public() -> None:
    reason = _off_site_reason(DRIVE_FILE, "https://accounts.google.com/ServiceLogin?continue=x")
    assert "not shared publicly" in reason
    assert "off the site" in _off_site_reason("http://a.go.th/x", "http://other.example/")


def test_parsed_links_point_at_the_file_with_a_label() -> None:
    html = """<html><head><title>เทศบาลตำบลนากลาง</title></head><body>
    <div id="content"><h2>O36 ประกาศนโยบายไม่รับของขวัญ</h2><p>รายละเอียดตามเอกสารแนบ</p>
      <div class="viewer"><iframe src="/flowpaper/viewer.html?pdf=../files/nogift.pdf" width="100%"></iframe></div>
      <h3>แผนปฏิบัติการป้องกันการทุจริต</h3>
      <object data="/files/plan.pdf#page=1" type="application/pdf"><embed src="/files/plan.pdf"></object>
      <iframe src="https://docs.google.com/viewer?url=http://a.go.th/files/o5.pdf&embedded=true"
              title="คู่มือการปฏิบัติงาน"></iframe>
      <a href="https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUv/view?usp=sharing">สขร.1 ตุลาคม 2568</a>
    </div></body></html>"""
    bare = "<html><head><title>แผนพัฒนาท้องถิ่น</title></head><body><embed src='/files/p.pdf'></body></html>"
    [embedded] = parse_html(bare, "http://a.go.th/plan.html").links
    assert embedded.label == "แผนพัฒนาท้องถิ่น"  # no heading: the page's title
    links = {(link.source, link.url): link.label for link in parse_html(html, "http://a.go.th/ita/o36.html").links}
    assert links == {
        ("iframe", "http://a.go.th/files/nogift.pdf"): "O36 ประกาศนโยบายไม่รับของขวัญ",
        ("object", "http://a.go.th/files/plan.pdf"): "แผนปฏิบัติการป้องกันการทุจริต",
        ("embed", "http://a.go.th/files/plan.pdf"): "แผนปฏิบัติการป้องกันการทุจริต",
        ("iframe", "http://a.go.th/files/o5.pdf"): "คู่มือการปฏิบัติงาน",
        ("a", DRIVE_FILE): "สขร.1 ตุลาคม 2568",
    }


NOGIFT = make_pdf(["No Gift Policy 2569", "Nakhlang Municipality: no gifts in fiscal year 2569."])
PLAN = make_pdf(["Anti-corruption action plan 2569"])
MANUAL = make_pdf(["Complaint handling manual"])


def test_viewers_on_a_local_site(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/ita/o36.html">O36 No Gift Policy</a><a href="/ita/o10.html">O10 แผน</a>'
                              '<a href="/go/manual">คู่มือ</a>')  # fmt: skip
    server.routes["/ita/o36.html"] = page(
        "<h1>ประกาศเจตนารมณ์ No Gift Policy</h1>"
        '<iframe src="/viewer.html?pdf=/files/a.pdf" style="width:100%;height:800px"></iframe>'
    )
    server.routes["/ita/o10.html"] = page(
        '<h2>แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2569</h2><object data="/files/plan.pdf" type="application/pdf">'
        '<embed src="/files/plan.pdf" type="application/pdf"></object>'
        '<iframe src="/pdfjs/web/viewer.html?file=../../files/plan.pdf"></iframe>'
    )
    server.routes["/go/manual"] = redirect("/flowpaper/view.php?pdf=/files/manual.pdf")  # a redirect to a viewer
    server.routes["/files/a.pdf"] = pdf_reply(NOGIFT)
    server.routes["/files/plan.pdf"] = pdf_reply(PLAN)
    server.routes["/files/manual.pdf"] = pdf_reply(MANUAL)
    result, sink = crawl(server.url())

    docs = {d.url.removeprefix(server.url("")): d for d in sink.documents}
    assert set(docs) == {"/files/a.pdf", "/files/plan.pdf", "/go/manual"}
    nogift = docs["/files/a.pdf"]
    assert nogift.readable and "No Gift Policy 2569" in nogift.text
    assert nogift.link_texts == ["ประกาศเจตนารมณ์ No Gift Policy"]  # the heading above the viewer
    assert nogift.referrers == [server.url("/ita/o36.html")]
    assert docs["/files/plan.pdf"].link_texts == ["แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2569"]
    assert "Complaint handling manual" in docs["/go/manual"].text
    assert server.count("/files/plan.pdf") == 1  # embedded three ways, fetched once
    for viewer in ("/viewer.html", "/pdfjs/web/viewer.html", "/flowpaper/view.php"):
        assert server.count(viewer) == 0  # the viewer pages hold no text: never fetched
    assert result.documents == 3


def test_drive_links_are_queued_as_documents_not_recorded_as_external(server: LocalServer) -> None:
    """Offline: no document is fetched (max_documents=0, robots off), so only the queueing is seen."""
    server.routes["/"] = page(
        f'<a href="https://drive.google.com/file/d/{DRIVE_ID}/view?usp=sharing">สขร.1 ตุลาคม 2568</a>'
        '<a href="https://drive.google.com/drive/folders/1FolderIdAbCdEfGh">แฟ้มเอกสาร</a>'
        '<a href="https://www.facebook.com/nakhlang">Facebook</a>'
    )
    sink = MemorySink()
    crawler = Crawler(fast_settings(max_documents=0, respect_robots=False), sink)
    result = asyncio.run(crawler.run(server.url()))

    [home] = sink.pages
    drive = next(link for link in home.links if link.url == DRIVE_FILE)
    assert drive.label == "สขร.1 ตุลาคม 2568" and not drive.external
    assert crawler._frontier.seen(DRIVE_FILE)
    assert result.stopped_reason is not None and "document limit" in result.stopped_reason
    assert {link.url for link in sink.external} == {
        "https://drive.google.com/drive/folders/1FolderIdAbCdEfGh",
        "https://www.facebook.com/nakhlang",
    }


def test_declared_viewer_urls_are_read_as_their_file(server: LocalServer) -> None:
    """An agency may declare the viewer URL it types into ITAS: the crawler reads the file, and the rules find
    it under the declared URL."""
    server.routes["/"] = page("<p>หน้าแรก</p>")
    server.routes["/files/a.pdf"] = pdf_reply(NOGIFT)
    declared = server.url("/viewer.html?pdf=/files/a.pdf")
    _, sink = crawl(server.url(), extra_urls=[declared])

    [document] = sink.documents
    assert document.url == server.url("/files/a.pdf") and document.readable
    assert server.count("/viewer.html") == 0
    site = MemorySite(server.url(), sink.pages, sink.documents, sink.external)
    source = Discovery(site, load_catalog(2569), 2569, {})._source(declared, "config")
    assert source.kind == "document" and "No Gift Policy 2569" in source.text


def test_embedded_files_get_the_document_size_limit(server: LocalServer) -> None:
    """<embed src="getfile.php?id=3">: no extension, but an embedded file is fetched as a document."""
    long_pdf = make_pdf([f"Annual procurement plan 2569 line {n}" for n in range(60)])
    assert len(long_pdf) > 2000
    server.routes["/"] = page('<h2>แผนการจัดซื้อจัดจ้าง</h2><embed src="/getfile.php?id=3" type="application/pdf">'
                              '<embed src="/media/intro.mp4">')  # fmt: skip
    server.routes["/getfile.php"] = pdf_reply(long_pdf)
    _, sink = crawl(server.url(), max_page_bytes=1000)

    [document] = sink.documents
    assert document.readable and "line 30" in document.text
    assert document.link_texts == ["แผนการจัดซื้อจัดจ้าง"]
    assert server.count("/media/intro.mp4") == 0


# --- Drive's virus-scan warning (files too large for Google to scan) ----------------------------------------
LARGE_FILE_ID = "1Zx9AbCdEfGhIjKlMnOpQrStUvWxYz012"
# The page as Drive serves it (2024), its form pointed at the local server instead of drive.usercontent.google.com.
WARNING_PAGE = """<!DOCTYPE html><html><head><title>Google Drive - Virus scan warning</title></head><body>
<div class="uc-main"><div id="uc-text"><p class="uc-warning-caption">Google Drive can't scan this file for
viruses.</p><p class="uc-warning-subcaption"><span class="uc-name-size"><a href="/open?id={id}">
รายงานผลการดำเนินงานประจำปี 2568.pdf</a> (112M)</span> is too large for Google to scan for viruses. Would you
still like to download this file?</p><form id="download-form" action="{action}" method="get">
<input type="submit" id="uc-download-link" class="goog-inline-block jfk-button jfk-button-action"
value="Download anyway"/><input type="hidden" name="id" value="{id}"><input type="hidden" name="export"
value="download"><input type="hidden" name="confirm" value="t"><input type="hidden" name="uuid"
value="8f0c2a4e-5b1d-4c7a-9e33-0b6f2d7c1a55"></form></div></div></body></html>"""
# The older page: a link carrying a confirm code.
OLD_WARNING_PAGE = """<html><head><title>Google Drive - Virus scan warning</title></head><body>
<p class="uc-warning-caption">Google Drive can't scan this file for viruses.</p>
<a id="uc-download-link" class="goog-inline-block jfk-button jfk-button-action"
href="/uc?export=download&amp;confirm=Xk3q&amp;id={id}">Download anyway</a></body></html>"""


def test_drive_share_link_maps_to_its_download() -> None:
    assert document_url(f"https://drive.google.com/file/d/{LARGE_FILE_ID}/view?usp=sharing") == (
        f"https://drive.google.com/uc?export=download&id={LARGE_FILE_ID}"
    )


def test_drive_virus_scan_warning_is_passed_to_reach_the_file(server: LocalServer) -> None:
    """Drive's download answers with the warning page; its "Download anyway" form gives the file. Both fetched
    over HTTP from a local server, and the PDF read."""
    import httpx

    from crawler.documents import extract_text
    from crawler.viewers import drive_confirm_url

    pdf = make_pdf(["Annual performance report 2568", "Nakhlang Subdistrict Administrative Organization"])

    def download(hit: Hit) -> Reply:
        ok = "confirm=t" in hit.target and f"id={LARGE_FILE_ID}" in hit.target and "uuid=" in hit.target
        return pdf_reply(pdf) if ok else Reply(status=400, body="bad request", content_type="text/plain")

    server.routes["/uc"] = Reply(body=WARNING_PAGE.format(id=LARGE_FILE_ID, action=server.url("/download")))
    server.routes["/download"] = download
    with httpx.Client() as client:
        first = client.get(server.url(f"/uc?export=download&id={LARGE_FILE_ID}"))
        assert first.headers["content-type"].startswith("text/html")
        target = drive_confirm_url(first.text, str(first.url))
        assert target is not None and target.startswith(server.url("/download?"))
        second = client.get(target)
    assert second.status_code == 200 and second.headers["content-type"] == "application/pdf"
    text = asyncio.run(extract_text(second.content, "pdf"))
    assert text.error is None and "Annual performance report 2568" in text.text


def test_older_drive_warning_link_and_pages_that_are_no_warning() -> None:
    from crawler.viewers import drive_confirm_url

    page_url = f"https://drive.google.com/uc?export=download&id={LARGE_FILE_ID}"
    assert drive_confirm_url(OLD_WARNING_PAGE.format(id=LARGE_FILE_ID), page_url) == (
        f"https://drive.google.com/uc?export=download&confirm=Xk3q&id={LARGE_FILE_ID}"
    )
    assert drive_confirm_url("<html><body><h1>ข่าวประชาสัมพันธ์</h1> download</body></html>", page_url) is None
    # A page dressed as the warning but pointing off Drive is not followed.
    evil = WARNING_PAGE.format(id=LARGE_FILE_ID, action="https://evil.example/download")
    assert drive_confirm_url(evil, page_url) is None


# --- the warning met in a crawl: Drive's hosts served from loopback through Crawler(connect_to=…) ---------------
NOGIFT_THAI = (Path(__file__).parents[1] / "fixtures" / "documents" / "nogift-fpdf.pdf").read_bytes()
USERCONTENT = "https://drive.usercontent.google.com/download"


def drive_site(server: LocalServer, make_server: Callable[..., LocalServer]) -> tuple[LocalServer, LocalServer]:
    """A municipal page sharing a large file on Drive; "drive.google.com" answers its download with the warning
    page (as Drive does above ~100 MB), whose form leads to "drive.usercontent.google.com", which gives the PDF
    when asked with the form's fields."""
    server.routes["/"] = page(
        "<h2>ประกาศเจตนารมณ์ No Gift Policy</h2><p>ดาวน์โหลดเอกสาร: "
        f'<a href="https://drive.google.com/file/d/{LARGE_FILE_ID}/view?usp=sharing">ประกาศนโยบายไม่รับของขวัญ '
        "ประจำปีงบประมาณ พ.ศ. 2569</a></p>",
        "เทศบาลตำบลนากลาง",
    )
    drive, usercontent = make_server(), make_server()
    drive.routes["/uc"] = Reply(body=WARNING_PAGE.format(id=LARGE_FILE_ID, action=USERCONTENT))

    def download(hit: Hit) -> Reply:
        ok = "confirm=t" in hit.target and f"id={LARGE_FILE_ID}" in hit.target and "uuid=" in hit.target
        return pdf_reply(NOGIFT_THAI) if ok else Reply(status=400, body="bad request", content_type="text/plain")

    usercontent.routes["/download"] = download
    return drive, usercontent


def crawl_with_drive(server: LocalServer, drive: LocalServer, usercontent: LocalServer) -> MemorySink:
    connect_to = {"drive.google.com": drive.url(""), "drive.usercontent.google.com": usercontent.url("")}
    sink = MemorySink()
    asyncio.run(Crawler(fast_settings(), sink, options=CrawlOptions(connect_to=connect_to)).run(server.url()))
    return sink


def test_a_large_drive_file_is_read_past_the_virus_scan_warning(server, make_server) -> None:
    drive, usercontent = drive_site(server, make_server)
    sink = crawl_with_drive(server, drive, usercontent)

    [document] = sink.documents
    assert document.url == f"https://drive.google.com/uc?export=download&id={LARGE_FILE_ID}"
    assert document.final_url.startswith(USERCONTENT + "?") and "confirm=t" in document.final_url
    assert document.readable, document.error
    assert "ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิด" in document.text
    assert document.link_texts == ["ประกาศนโยบายไม่รับของขวัญ ประจำปีงบประมาณ พ.ศ. 2569"]
    assert drive.count("/uc") == 1 and usercontent.count("/download") == 1
    # robots.txt is asked on both Drive hosts before their files are fetched, as on any host.
    assert drive.paths()[0] == usercontent.paths()[0] == "/robots.txt"


def test_the_warnings_download_obeys_robots_txt(server, make_server) -> None:
    drive, usercontent = drive_site(server, make_server)
    usercontent.routes["/robots.txt"] = Reply(body="User-agent: *\nDisallow: /download\n", content_type="text/plain")
    sink = crawl_with_drive(server, drive, usercontent)

    [document] = sink.documents
    assert not document.readable and document.error is not None and "robots.txt" in document.error
    assert usercontent.count("/download") == 0


def test_a_warning_leading_off_drive_is_not_followed(server, make_server) -> None:
    drive, usercontent = drive_site(server, make_server)
    # A page dressed as the warning must not send the crawler off Drive: nothing is fetched after it.
    drive.routes["/uc"] = Reply(body=WARNING_PAGE.format(id=LARGE_FILE_ID, action="https://evil.example/download"))
    sink = crawl_with_drive(server, drive, usercontent)

    [document] = sink.documents
    assert document.error == NOT_A_FILE
    assert usercontent.paths() == []
