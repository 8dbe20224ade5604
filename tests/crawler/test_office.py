"""Word, Excel and images of documents: text and tables out of real files (tests/fixtures/documents, made by
tools/make_office_fixtures.py), files recognised by their bytes, and documents found through a crawl."""

from __future__ import annotations

import asyncio
import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

from crawler import images
from crawler.documents import extract_text, kind_of
from crawler.office import sniff
from crawler.thaitext import match_key
from tests.crawler.support import LocalServer, Reply, crawl, page

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"
XLSX = (FIXTURES / "sko1-procurement-2568.xlsx").read_bytes()
XLS = (FIXTURES / "sko1-procurement-2567.xls").read_bytes()
DOCX = (FIXTURES / "announcement-nogift-2569.docx").read_bytes()
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def read(data: bytes, kind: str):  # type: ignore[no-untyped-def]
    return asyncio.run(extract_text(data, kind))


def lines_with(text: str, phrase: str) -> list[str]:
    return [line for line in text.splitlines() if phrase in line]


def test_xlsx_procurement_summary() -> None:
    result = read(XLSX, "xlsx")
    assert result.error is None and result.extractor == "openpyxl"
    for phrase in ("แบบ สขร.1", "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568", "ราคากลาง (บาท)",
                   "เลขประจำตัวผู้เสียภาษี", "เทศบาลตำบลนากลาง"):  # fmt: skip
        assert phrase in result.text
    # One line per row, cells in order: the road repair's budget, median price and tax id stay together.
    [road] = lines_with(result.text, "จ้างซ่อมแซมถนนคอนกรีตเสริมเหล็ก")
    assert road.split("\t")[:4] == ["2", "จ้างซ่อมแซมถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", "480000", "475500.5"]
    assert "0393556000123" in road.split("\t")
    # Every sheet, its name first; dates in Buddhist Era as Thai documents write them.
    assert lines_with(result.text, "ต.ค. 2568") and lines_with(result.text, "พ.ย. 2568")
    assert "จ้างเหมาบริการทำความสะอาดสำนักงาน" in result.text
    assert "31/10/2568" in result.text and "28/11/2568" in result.text


def test_xls_procurement_summary() -> None:
    result = read(XLS, "xls")
    assert result.error is None and result.extractor == "xlrd"
    assert "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567" in result.text
    assert "ราคากลาง (บาท)" in result.text and "เลขประจำตัวผู้เสียภาษี" in result.text
    [fuel] = lines_with(result.text, "จัดซื้อน้ำมันเชื้อเพลิง")
    assert fuel.split("\t")[:4] == ["3", "จัดซื้อน้ำมันเชื้อเพลิง", "30000", "30000"]
    assert "31/10/2567" in result.text


def test_docx_announcement() -> None:
    result = read(DOCX, "docx")
    assert result.error is None and result.extractor == "python-docx"
    key = match_key(result.text)
    for phrase in ("ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ", "No Gift Policy", "ประจำปีงบประมาณ พ.ศ. 2569",
                   "ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2568", "นายกเทศมนตรีตำบลนากลาง"):  # fmt: skip
        assert match_key(phrase) in key
    # Table rows in document order, between the paragraphs; a merged cell once.
    assert "2\tเผยแพร่ประกาศทางเว็บไซต์และบอร์ดประชาสัมพันธ์\tสำนักปลัดเทศบาล" in result.text
    assert result.text.count("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป") == 1
    assert result.text.index("ลำดับ\tมาตรการ") < result.text.index("ประกาศ ณ วันที่")
    # Header and footer: the agency's name and phone often live only there.
    assert "โทรศัพท์ 0 4235 9123" in result.text


def test_files_are_read_as_what_their_bytes_say() -> None:
    # A Word file served as octet-stream from a script with no extension, an .xlsx named .xls.
    assert kind_of("application/octet-stream", "http://a.go.th/download.php?id=9") == "other"
    assert read(DOCX, "other").extractor == "python-docx"
    assert read(XLSX, "xls").extractor == "openpyxl"
    assert sniff(DOCX) == "docx" and sniff(XLSX) == "xlsx" and sniff(XLS) == "xls"


def test_html_table_saved_as_xls() -> None:
    """A common "Excel" export is an HTML table with an .xls name."""
    html = "<html><body><table><tr><td>ราคากลาง</td><td>150,000</td></tr></table></body></html>"
    result = read(html.encode("cp874"), "xls")
    assert result.error is None
    assert "ราคากลาง 150,000" in result.text


def test_html_error_page_for_a_pdf_stays_a_broken_pdf() -> None:
    result = read("<html><body>ไม่พบไฟล์</body></html>".encode(), "pdf")
    assert result.error is not None and "not a valid PDF" in result.error


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "WordDocument".encode("utf-16-le"), "Word 97-2003"),
        (b"{\\rtf1\\ansi\\ansicpg874 \\'bb\\'c3}", "RTF"),
    ],
)
def test_old_formats_are_unsupported(data: bytes, label: str) -> None:
    result = read(data, "doc")
    assert result.error is not None and "unsupported" in result.error and label in result.error


def test_odt_is_unsupported() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    result = read(out.getvalue(), "other")
    assert result.error is not None and "OpenDocument" in result.error


def png(text_color: int = 0) -> bytes:
    image = Image.new("L", (200, 80), 255)
    image.putpixel((10, 10), text_color)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_image_without_ocr_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "ocr_reader", lambda: None)
    result = read(png(), "image")
    assert result.error == images.OCR_MISSING
    assert "OCR not available" in result.error


def test_image_goes_through_the_ocr_seam(monkeypatch: pytest.MonkeyPatch) -> None:
    """What OCR answers (text, or an object with text or an error) becomes the document's text or reason."""
    seen: list[bytes] = []

    async def ocr(data: bytes, budget: object) -> object:
        seen.append(data)
        return SimpleNamespace(text="แผนผังโครงสร้างองค์กร เทศบาลตำบลนากลาง", error=None)

    monkeypatch.setattr(images, "ocr_reader", lambda: ocr)
    result = read(png(), "image")
    assert seen == [png()]
    assert result.error is None and "แผนผังโครงสร้างองค์กร" in result.text

    async def failing(data: bytes, budget: object) -> object:
        return SimpleNamespace(text="", error="ไม่พบข้อความในภาพ / OCR found no text in the image")

    monkeypatch.setattr(images, "ocr_reader", lambda: failing)
    assert read(png(), "image").error == "ไม่พบข้อความในภาพ / OCR found no text in the image"


@pytest.mark.requires("tesseract")
def test_real_ocr_of_an_image() -> None:
    result = read((FIXTURES / "announcement-header.jpg").read_bytes(), "image")
    assert result.error is None and len(result.text.strip()) > 20


def test_office_documents_and_images_through_a_crawl(server: LocalServer) -> None:
    server.routes["/"] = page(
        '<a href="/files/nogift-2569.docx">ประกาศนโยบายไม่รับของขวัญ (Word)</a>'
        '<a href="/download.php?id=12">สขร.1 ตุลาคม 2568</a>'
        '<a href="/files/structure.png">แผนผังโครงสร้างองค์กร</a>'
        '<a href="/gallery/kids-day.jpg"><img src="/gallery/kids-day-small.jpg" alt="ภาพกิจกรรมวันเด็ก"></a>'
    )
    server.routes["/files/nogift-2569.docx"] = Reply(body=DOCX, content_type=DOCX_TYPE)
    server.routes["/download.php"] = Reply(
        body=XLSX,
        content_type="application/octet-stream",
        headers={"Content-Disposition": 'attachment; filename="sko1.xlsx"'},
    )
    server.routes["/files/structure.png"] = Reply(body=png(), content_type="image/png")
    result, sink = crawl(server.url())

    docs = {d.url.removeprefix(server.url("")): d for d in sink.documents}
    assert set(docs) == {"/files/nogift-2569.docx", "/download.php?id=12", "/files/structure.png"}
    assert docs["/files/nogift-2569.docx"].readable
    assert "No Gift Policy" in docs["/files/nogift-2569.docx"].text
    assert docs["/download.php?id=12"].readable and "ราคากลาง" in docs["/download.php?id=12"].text
    chart = docs["/files/structure.png"]
    assert chart.link_texts == ["แผนผังโครงสร้างองค์กร"]
    assert chart.readable or (chart.error is not None and "OCR" in chart.error)
    assert server.count("/gallery/kids-day.jpg") == 0  # gallery photos are not documents
    assert result.documents == 3


def test_docx_text_boxes_are_read_once() -> None:
    """Letterheads and document numbers often sit in text boxes, which Word stores inside drawings."""
    box = (
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>ที่ นภ 52101/ว 123</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(DOCX)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + box.encode(), 1)
            dest.writestr(info, data)
    result = read(out.getvalue(), "docx")
    assert result.error is None and result.text.count("ที่ นภ 52101/ว 123") == 1
