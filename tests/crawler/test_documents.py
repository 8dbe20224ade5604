"""PDF text via pdftotext (pypdfium2 as fallback), judged for scans; documents found through a crawl."""

from __future__ import annotations

import asyncio
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from crawler import documents, pdftext
from crawler.documents import extract_text, kind_of
from crawler.thaitext import match_key
from tests.crawler.support import LocalServer, Reply, crawl, make_pdf, page, pdf_reply

LINES = ["No Gift Policy 2569", "Nakhlang Municipality announces a no gift policy for every official."]
TEXT_PDF = make_pdf(LINES)
BLANK_PDF = make_pdf([])
CORRUPT_PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf at all" + b"\x00" * 300


def test_kind_of() -> None:
    assert kind_of("application/pdf", "http://a.go.th/download.php?id=1") == "pdf"
    assert kind_of("application/octet-stream", "http://a.go.th/f/O1.PDF") == "pdf"
    assert kind_of("text/html", "http://a.go.th/f/o1.pdf?v=2") == "pdf"
    assert kind_of("application/vnd.ms-excel", "http://a.go.th/f/x.xls") == "xls"
    assert kind_of("application/octet-stream", "http://a.go.th/f/x.docx") == "docx"
    assert kind_of("image/jpeg", "http://a.go.th/f/chart") == "image"
    assert kind_of("application/zip", "http://a.go.th/f/x") == "other"
    assert kind_of("text/html; charset=utf-8", "http://a.go.th/") is None
    assert kind_of("application/xhtml+xml", "http://a.go.th/") is None


def test_text_pdf() -> None:
    result = asyncio.run(extract_text(TEXT_PDF, "pdf"))
    assert result.error is None
    assert "No Gift Policy 2569" in result.text
    assert result.pages == 1
    assert result.extractor == ("pdftotext" if shutil.which("pdftotext") else "pypdfium2")


def test_text_pdf_with_pypdfium2_when_poppler_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdftext, "HAVE_BINDING", False)
    result = asyncio.run(extract_text(TEXT_PDF, "pdf"))
    assert result.extractor == "pypdfium2"
    assert result.error is None
    assert "No Gift Policy 2569" in result.text


def test_corrupt_pdf_is_an_error() -> None:
    result = asyncio.run(extract_text(CORRUPT_PDF, "pdf"))
    assert result.error is not None and "unreadable PDF" in result.error
    assert result.text == ""


def test_not_a_pdf_is_an_error() -> None:
    result = asyncio.run(extract_text("<html><body>404 ไม่พบไฟล์</body></html>".encode(), "pdf"))
    assert result.error is not None and "not a valid PDF" in result.error


def test_blank_page_is_a_scan() -> None:
    result = asyncio.run(extract_text(BLANK_PDF, "pdf"))
    assert result.error is not None and "scanned PDF" in result.error


def test_thai_pdf_from_the_demo_site() -> None:
    """The demo site's Thai PDFs (made with real Thai fonts) read through pdftotext and Thai normalisation."""
    found = sorted((Path(__file__).parents[2] / "oit" / "demo" / "site").rglob("nogift-announcement-*.pdf"))
    assert found, "the committed demo site lost its No Gift announcements"
    data = found[0].read_bytes()
    result = asyncio.run(extract_text(data, "pdf"))
    assert result.error is None
    assert match_key("องค์การบริหารส่วนตำบล") in match_key(result.text)


def test_other_formats_are_unsupported() -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as files:
        files.writestr("readme.txt", "เอกสารแนบ")
    result = asyncio.run(extract_text(archive.getvalue(), "other"))
    assert result.error is not None and "unsupported" in result.error
    truncated = asyncio.run(extract_text(b"PK\x03\x04", "other"))  # a zip cut short: broken, not a format
    assert truncated.error is not None and "corrupt" in truncated.error


def test_documents_found_through_a_crawl(server: LocalServer) -> None:
    server.routes["/"] = page(
        '<a href="/files/nogift.pdf">ประกาศนโยบายไม่รับของขวัญ</a>'
        '<a href="/files/scan.pdf"><img src="/img/pdf.png" alt="คำสั่ง (สแกน)"></a>'
        '<a href="/files/broken.pdf">ไฟล์เสีย</a><a href="/files/missing.pdf">ไม่มีไฟล์</a>'
        '<a href="/download.php?id=7">ดาวน์โหลดแผน</a><a href="/ita.html">ITA</a>'
    )
    server.routes["/ita.html"] = page('<a href="/files/nogift.pdf">O36 นโยบาย No Gift Policy</a>')
    server.routes["/files/nogift.pdf"] = pdf_reply(TEXT_PDF)
    server.routes["/files/scan.pdf"] = pdf_reply(BLANK_PDF)
    server.routes["/files/broken.pdf"] = pdf_reply(CORRUPT_PDF)
    server.routes["/download.php"] = Reply(
        body=TEXT_PDF,
        content_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="plan.pdf"'},
    )
    result, sink = crawl(server.url())

    docs = {d.url.removeprefix(server.url("")): d for d in sink.documents}
    assert set(docs) == {"/files/nogift.pdf", "/files/scan.pdf", "/files/broken.pdf", "/files/missing.pdf",
                         "/download.php?id=7"}  # fmt: skip
    nogift = docs["/files/nogift.pdf"]
    assert nogift.readable
    assert "No Gift Policy 2569" in nogift.text
    assert nogift.link_texts == ["ประกาศนโยบายไม่รับของขวัญ"]
    assert nogift.referrers == [server.url()]
    assert nogift.size == len(TEXT_PDF)
    assert nogift.content_hash is not None
    assert server.count("/files/nogift.pdf") == 1  # linked twice, fetched once
    assert docs["/files/scan.pdf"].link_texts == ["คำสั่ง (สแกน)"]
    assert docs["/files/scan.pdf"].error is not None and "scanned" in docs["/files/scan.pdf"].error
    assert docs["/files/broken.pdf"].error is not None and "unreadable" in docs["/files/broken.pdf"].error
    assert docs["/files/missing.pdf"].error == "HTTP 404"
    assert docs["/download.php?id=7"].readable  # a PDF by content type, whatever the URL says
    assert result.documents == 5
    assert server.url("/download.php?id=7") not in {p.url for p in sink.pages}
    assert server.count("/img/pdf.png") == 0  # images are never fetched
