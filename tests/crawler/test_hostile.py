"""Hostile and broken files: each is read in bounded time and memory, ends as a clear "unknown" reason (Thai
first), and never stops the scan. Real files: committed fixtures (hostile_*) or made here."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import openpyxl
import psutil
import pytest

from crawler.documents import extract_text
from crawler.guards import ENCRYPTED, zip_reason
from crawler.ocr import DEFAULT_PAGES_PER_DOCUMENT
from crawler.pdftext import MAX_PDF_PAGES
from crawler.workers import MEMORY_TH
from tests.crawler.support import LocalServer, Reply, crawl, make_pdf, page, pdf_of, pdf_reply

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"
DOCX = (FIXTURES / "announcement-nogift-2569.docx").read_bytes()
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def read(data: bytes, kind: str):  # type: ignore[no-untyped-def]
    return asyncio.run(extract_text(data, kind))


def bounded_read(data: bytes, kind: str, cpu_limit: float, hang_limit: float = 60.0):  # type: ignore[no-untyped-def]
    """Read `data`, asserting bounded work: the CPU seconds this process spent (all its threads) stay under
    `cpu_limit`, which a loaded machine does not inflate the way it inflates wall time. `hang_limit` is a
    wall-clock guard against a hang only, far above any real run: a slow machine cannot reach it."""
    started, cpu = time.monotonic(), time.process_time()
    result = read(data, kind)
    assert time.process_time() - cpu < cpu_limit
    assert time.monotonic() - started < hang_limit
    return result


# --- files ------------------------------------------------------------------------------------------------


def docx_bomb() -> bytes:
    """A .docx whose document.xml inflates 1000:1: 40 MB of spaces inside a 40 KB part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(DOCX)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info, source.read(info))
        with bomb.open("word/document.xml", "w") as part:
            for _ in range(40):
                part.write(b" " * 1_000_000)
    return out.getvalue()


def xlsx_too_big() -> bytes:
    """An .xlsx whose parts add up to 160 MB unpacked, none of them suspicious alone."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for number in range(40):
            archive.writestr(f"xl/media/image{number}.bin", bytes(4_000_000))
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares width x height pixels; its image data is a few bytes (never decoded)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def many_page_pdf(count: int) -> bytes:
    """A valid PDF of `count` pages that all show the same text (one shared content stream)."""
    text = b"BT /F1 14 Tf 72 760 Td (Page of a long scan register 2569) Tj ET"
    kids = " ".join(f"{5 + i} 0 R" for i in range(count)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(count).encode() + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(text)).encode() + b" >>\nstream\n" + text + b"\nendstream",
    ]
    page_object = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objects += [page_object] * count
    return pdf_of(objects)


def flate_bomb(unit: bytes, size: int) -> bytes:
    """A zlib stream of `unit` repeated to `size` bytes, a thousandth of that long, made in a second: one 1 MiB
    block compressed after a full flush (which forgets the history) gives the same bytes every time."""
    block = unit * ((1 << 20) // len(unit))
    deflate = zlib.compressobj(9)
    first = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    count, adler = size // len(block), 1
    for _ in range(count):
        adler = zlib.adler32(block, adler)
    return first + again * (count - 1) + b"\x03\x00" + adler.to_bytes(4, "big")  # an empty final block


def one_page_pdf(content: bytes, filters: bytes = b"/FlateDecode", box: tuple[int, int] = (595, 842)) -> bytes:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R >>" % box
    stream = b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream"
    return pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, stream])


GIB = 1 << 30


@cache
def content_bomb(unit: bytes) -> bytes:
    """A 3-4 MB file whose page content inflates to 3 GiB of `unit`: path operators, or blank space."""
    return one_page_pdf(flate_bomb(unit, 3 * GIB))


def nested_bomb() -> bytes:
    """The 3 GiB of path operators compressed twice ([/FlateDecode /FlateDecode]): a look at the outer layer sees
    4 MB, so only the workers' memory limit stops pdfium."""
    return one_page_pdf(zlib.compress(flate_bomb(b"0 0 m ", 3 * GIB), 1), b"[/FlateDecode /FlateDecode]")


@contextmanager
def peak_memory() -> Iterator[list[int]]:
    """The highest resident memory of this process and all its children together (workers, fork server), sampled
    every 20 ms while the block runs: [bytes]."""
    peak, done = [0], threading.Event()

    def sample() -> None:
        me = psutil.Process()
        while not done.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):  # ended between listing and reading
                    total += process.memory_info().rss
            peak[0] = max(peak[0], total)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()


def big_xlsx(rows: int) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("ทะเบียน")
    for number in range(rows):
        sheet.append([number, "รายการจัดซื้อ", 1500.25, "เฉพาะเจาะจง", "3390100456781"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- one at a time ---------------------------------------------------------------------------------------


def test_encrypted_pdf_is_unknown() -> None:
    result = read((FIXTURES / "hostile_encrypted.pdf").read_bytes(), "pdf")
    assert result.error == ENCRYPTED
    assert "เข้ารหัส" in result.error and "encrypted" in result.error


def test_pdf_encrypted_with_an_empty_password_is_read() -> None:
    result = read((FIXTURES / "hostile_owner-password.pdf").read_bytes(), "pdf")
    assert result.error is None and "No Gift Policy 2569" in result.text


def test_encrypted_word_file_is_unknown() -> None:
    result = read((FIXTURES / "hostile_encrypted.docx").read_bytes(), "docx")
    assert result.error == ENCRYPTED


def test_truncated_downloads_are_corrupt() -> None:
    pdf = make_pdf(["No Gift Policy 2569"])
    assert read(pdf[: len(pdf) // 3], "pdf").error is not None
    result = read(DOCX[: len(DOCX) // 2], "docx")
    assert result.error is not None and "corrupt" in result.error
    result = read(b"\xff\xd8\xff\xe0" + b"\x13" * 500, "image")
    assert result.error is not None and "corrupt" in result.error


def test_docx_zip_bomb_is_not_unpacked() -> None:
    bomb = docx_bomb()
    assert len(bomb) < 200_000
    result = bounded_read(bomb, "docx", cpu_limit=2.0)  # ~0.01 s: the guard reads the zip directory only
    assert result.error is not None and "zip bomb" in result.error


def test_xlsx_too_big_unpacked_is_not_opened() -> None:
    data = xlsx_too_big()
    assert zip_reason(data) is not None
    result = bounded_read(data, "xlsx", cpu_limit=2.0)
    assert result.error is not None and "160 MB" in result.error


def test_huge_images_are_not_decoded() -> None:
    for width, height in ((30_000, 30_000), (200_000, 200_000)):  # the second trips Pillow's own bomb guard too
        result = bounded_read(png_header(width, height), "image", cpu_limit=2.0)
        assert result.error is not None and "image too large" in result.error


def test_five_hundred_page_pdf_is_read_within_the_page_cap() -> None:
    data = many_page_pdf(500)
    # The bound is in pages, not seconds: OCR runs in worker processes, so neither this process's CPU time nor
    # wall time (~7 s idle, several times that on a loaded machine) measures it; the hang guard is generous.
    result = bounded_read(data, "pdf", cpu_limit=30.0, hang_limit=300.0)
    assert result.error is None
    assert "Page of a long scan register 2569" in result.text
    assert result.pages == 500
    assert result.text.count("\f") + 1 == MAX_PDF_PAGES  # only the first pages up to the cap are read
    assert result.ocr_pages <= DEFAULT_PAGES_PER_DOCUMENT  # and only the OCR budget's worth of them OCR'd


def test_xlsx_with_a_runaway_sheet_dimension() -> None:
    """A sheet that declares A1:XFD1048576 and puts one cell on the last row: read fast, not padded."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(big_xlsx(2))) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>', 1)
                last = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>ท้ายสุด</t></is></c></row>'
                data = data.replace(b"</sheetData>", last.encode() + b"</sheetData>")
            dest.writestr(info, data)
    # ~2.5 s of CPU (openpyxl still yields the 1,048,574 absent rows, empty); padding each to 16,384 cells would
    # take hours, or stop at the cell cap before the last row's text.
    result = bounded_read(out.getvalue(), "xlsx", cpu_limit=30.0)
    assert result.error is None and "ท้ายสุด" in result.text


@pytest.mark.parametrize("unit", [b"0 0 m ", b" " * 64], ids=["path operators", "blank space"])
def test_pdf_inflating_to_gigabytes_is_unknown_within_a_gigabyte(unit: bytes) -> None:
    """A PDF of a few MB whose content stream inflates to 3 GiB: reported "needs more memory", with the scan's
    processes together under 1 GB (pdfium alone took 4.1 GB to open the page); the next PDF is read as usual."""
    bomb = content_bomb(unit)
    assert len(bomb) < 5_000_000
    with peak_memory() as peak:
        result = bounded_read(bomb, "pdf", cpu_limit=10)
        after = read(make_pdf(["No Gift Policy 2569"]), "pdf")
    assert (
        result.error is not None and result.error.startswith(MEMORY_TH) and "more memory than allowed" in result.error
    )
    assert result.text == ""
    assert peak[0] < 1 << 30
    assert after.error is None and "No Gift Policy 2569" in after.text


READ_NESTED_BOMB = """
import asyncio, json, sys
from crawler import ocr, pdftext
from crawler.documents import extract_text
from tests.crawler.support import make_pdf
from tests.crawler.test_hostile import nested_bomb

async def main():
    bomb = nested_bomb()
    layer = await pdftext.in_worker_layer(pdftext.pdfium_text, bomb)
    scanned = await ocr.ocr_pdf_pages(bomb, [0]) if ocr.available() else None
    after = await extract_text(make_pdf(["No Gift Policy 2569"]), "pdf")
    print(json.dumps([layer.error, scanned and [scanned.error, scanned.skipped, scanned.transient], after.text]))

if __name__ == "__main__":
    asyncio.run(main())
"""


def test_worker_memory_limit_stops_what_no_check_sees(tmp_path: Path) -> None:
    """Content compressed twice: only pdfium, in a worker, finds the 3 GiB; the worker's memory limit stops it, the
    file is reported, and the pool is started afresh for the next PDF. Read for its text and for OCR, by a fresh
    process standing for a scan (this test process carries the other tests' memory), measured with its helpers."""
    script = tmp_path / "read_bomb.py"
    script.write_text(READ_NESTED_BOMB)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[2]), os.environ.get("PYTHONPATH", "")]),
    }
    reader = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, env=env)
    peak = 0
    while reader.poll() is None:
        with contextlib.suppress(psutil.Error):
            me = psutil.Process(reader.pid)
            peak = max(peak, sum(p.memory_info().rss for p in [me, *me.children(recursive=True)] if p.is_running()))
        time.sleep(0.02)
    out, _ = reader.communicate(timeout=60)
    layer_error, scanned, after = json.loads(out.decode().splitlines()[-1])
    assert layer_error.startswith(MEMORY_TH) and "more memory than allowed" in layer_error
    if scanned is not None:
        error, skipped, transient = scanned
        assert error.startswith(MEMORY_TH) and skipped == [0]
        assert not transient  # the same file needs the same memory next time: the result may be kept
    assert "No Gift Policy 2569" in after
    assert peak < 1 << 30


def test_a_page_larger_than_pdf_allows_is_not_rendered() -> None:
    """A page of 200,000 x 200,000 points (PDF allows 14,400) with no text: OCR refuses it with the reason."""
    huge = one_page_pdf(zlib.compress(b"q 1 0 0 1 0 0 cm Q"), box=(200_000, 200_000))
    result = bounded_read(huge, "pdf", cpu_limit=10)
    assert result.error is not None and "page 1 is too large to render (200000×200000 pt" in result.error


# --- through a crawl ---------------------------------------------------------------------------------------


def test_a_gigabyte_pdf_bomb_on_a_site_is_unknown_and_the_next_pdf_is_read(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/files/plan.pdf">แผนการจัดซื้อจัดจ้าง</a> <a href="/files/nogift.pdf">ประกาศ</a>')
    server.routes["/files/plan.pdf"] = pdf_reply(content_bomb(b" " * 64))
    server.routes["/files/nogift.pdf"] = pdf_reply(make_pdf(["No Gift Policy 2569"]))
    with peak_memory() as peak:
        _, sink = crawl(server.url(), concurrency=1)
    docs = {d.url.removeprefix(server.url("")): d for d in sink.documents}
    assert (docs["/files/plan.pdf"].error or "").startswith(MEMORY_TH)
    assert docs["/files/nogift.pdf"].readable and "No Gift Policy 2569" in docs["/files/nogift.pdf"].text
    assert peak[0] < 1 << 30


def test_a_site_full_of_hostile_files_is_scanned_to_the_end(server: LocalServer) -> None:
    files = {
        "/files/encrypted.pdf": pdf_reply((FIXTURES / "hostile_encrypted.pdf").read_bytes()),
        "/files/corrupt.pdf": pdf_reply(b"%PDF-1.7\n" + bytes(range(256)) * 40),
        "/files/bomb.docx": Reply(body=docx_bomb(), content_type="application/octet-stream"),
        "/files/huge.png": Reply(body=png_header(40_000, 40_000), content_type="image/png"),
        "/files/long.pdf": pdf_reply(many_page_pdf(500)),
        "/files/nogift.pdf": pdf_reply(make_pdf(["No Gift Policy 2569"])),
    }
    links = "".join(f'<a href="{path}">ประกาศ {path}</a>' for path in files)
    server.routes.update(files)
    server.routes["/"] = page(links + '<a href="/contact.html">ติดต่อเรา</a>')
    server.routes["/contact.html"] = page("<p>โทรศัพท์ 042-123456</p>")
    result, sink = crawl(server.url(), max_duration=300.0)  # ~5 s idle; the limit only stops a hang, load must not

    docs = {d.url.removeprefix(server.url("")): d for d in sink.documents}
    assert set(docs) == set(files)
    assert docs["/files/nogift.pdf"].readable and docs["/files/long.pdf"].readable
    for path in ("/files/encrypted.pdf", "/files/corrupt.pdf", "/files/bomb.docx", "/files/huge.png"):
        error = docs[path].error
        assert error is not None and " / " in error, path  # Thai reason first, then English
    assert "encrypted" in (docs["/files/encrypted.pdf"].error or "")
    assert "zip bomb" in (docs["/files/bomb.docx"].error or "")
    assert "image too large" in (docs["/files/huge.png"].error or "")
    assert server.url("/contact.html") in {p.url for p in sink.pages}  # the scan went on
    assert result.stopped_reason is None


def test_slow_extraction_times_out_and_the_scan_goes_on(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/files/register.xlsx">ทะเบียนจัดซื้อจัดจ้าง</a>')
    server.routes["/files/register.xlsx"] = Reply(body=big_xlsx(5_000), content_type=XLSX_TYPE)
    result, sink = crawl(server.url(), extract_timeout=0.01)

    [register] = sink.documents
    assert register.error is not None and "timed out" in register.error
    assert result.texts_read == 1
    assert len(sink.text_cache) == 0  # a timeout is not remembered: the next scan tries again
