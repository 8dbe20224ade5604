"""The text layer of a PDF, page by page, with Thai repaired (shared/ita/thai-text.md, "PDF text").

poppler first, in raw (content-stream) order: it had the best Thai recall of the extractors measured, and the
rules read tables as `pdftotext -raw` lays them out (a row's number alone on a line, cells wrapped). poppler runs
in-process through the `pdftotext` binding (poppler-cpp's raw_order_layout: the same text as `pdftotext -raw`,
measured identical on every fixture and demo PDF), in a small pool of worker processes:
- not a `pdftotext` program per file: starting poppler costs ~10 ms (30 shared libraries and its Unicode
  tables), which capped 1-3-page files at ~180 pages/s on 2 cores against ~540 pages/s for the binding;
- not in a thread: the binding holds the GIL for a whole page, so it would neither run beside the quality gate
  (pure Python) nor let the event loop breathe, and a crash or a hang on a hostile file would take the scan
  with it. In a worker it costs the crawler a killed process and a restarted pool.
- not pypdfium2 first, although it is faster (~1 ms a page) and has the right words: its lines differ
  from poppler's in tables (cells joined onto one line, "14 ไม่มีการรับ" glued to the row above), which the
  table checks read, and with Chromium + Noto Sans Thai it repeats syllables (dictionary share 0.77).
The `pdftotext` program is used when the binding is not installed, pypdfium2 when poppler is missing or fails.
Whether the text can be trusted is quality.py's business.
"""

from __future__ import annotations

import asyncio
import atexit
import importlib.util
import io
import re
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import pypdfium2
import pypdfium2.raw as pdfium_c

from crawler.ocr import _mp_context, cpu_count
from crawler.thaitext import normalize_thai

PDFTOTEXT_TIMEOUT = 60.0
MAX_PDF_PAGES = 300

# pypdfium2 ends lines with CRLF and writes U+FFFE both for a hyphen that breaks a word across lines ("e-bidding")
# and for a glyph it has no Unicode for; pdftotext does neither.
_BROKEN_WORD = re.compile("(?<=[A-Za-z])\ufffe(?=[A-Za-z])")
_NOT_TEXT = re.compile("[\ufffe\x00]")


@dataclass
class TextLayer:
    pages: list[str] = field(default_factory=list)  # normalised text of each page read, in order
    page_count: int | None = None  # pages in the file (more than len(pages) when capped at MAX_PDF_PAGES)
    extractor: str | None = None
    error: str | None = None


# The poppler binding (PyPI `pdftotext`, built against Debian's libpoppler-cpp-dev); tests switch it off.
HAVE_BINDING = importlib.util.find_spec("pdftotext") is not None


async def read_text_layer(body: bytes, max_pages: int = MAX_PDF_PAGES, pdftotext: str | None = None) -> TextLayer:
    """The text layer of a PDF: poppler (the binding in a worker process, else the program at `pdftotext`),
    else pypdfium2 (in a thread). When the binding fails, the program would fail the same way: pypdfium2,
    another parser, gets the next try."""
    if HAVE_BINDING:
        layer: TextLayer | None = await _poppler_in_worker(body, max_pages)
    else:
        layer = await _pdftotext(pdftotext, body, max_pages) if pdftotext else None
    if layer is None or layer.error:
        layer = await asyncio.to_thread(pdfium_text, body, max_pages)
    if layer.error is None:
        layer.pages = [normalize_page(p) for p in layer.pages]
    return layer


def normalize_page(text: str) -> str:
    text = _BROKEN_WORD.sub("-", text.replace("\r\n", "\n"))
    return normalize_thai(_NOT_TEXT.sub("", text))


async def _pdftotext(program: str, body: bytes, max_pages: int) -> TextLayer:
    args = [program, "-raw", "-enc", "UTF-8", "-l", str(max_pages), "-", "-"]
    proc = await asyncio.create_subprocess_exec(
        *args, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(body), PDFTOTEXT_TIMEOUT)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        return TextLayer(error="อ่านไฟล์ PDF นานเกินกำหนด / PDF text extraction timed out")
    if proc.returncode != 0:
        return TextLayer(error=f"อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: {err.decode(errors='replace')[:200]}")
    return _split_pages(out.decode("utf-8", errors="replace"), max_pages, body)


# --- poppler in worker processes -----------------------------------------------------------------------------
def _poppler_pages(body: bytes, max_pages: int) -> tuple[list[str], int, str | None]:
    """(page texts, page count, error) in raw order; runs in a worker."""
    import pdftotext  # the binding, not this module

    try:
        pdf = pdftotext.PDF(io.BytesIO(body), raw=True)
        count = len(pdf)
        # Like the program, poppler ends every page with a form feed: pages are kept apart by the caller.
        return [pdf[i].removesuffix("\f") for i in range(min(count, max_pages))], count, None
    except pdftotext.Error as exc:
        return [], 0, str(exc)


async def _poppler_in_worker(body: bytes, max_pages: int) -> TextLayer:
    for attempt in (1, 2):  # a pool broken by another file's crash is restarted once
        pool = _pool()
        try:
            future = pool.submit(_poppler_pages, body, max_pages)  # raises at once when the pool is already broken
            pages, count, error = await asyncio.wait_for(asyncio.wrap_future(future), PDFTOTEXT_TIMEOUT)
        except BrokenProcessPool:
            _restart_pool(pool)
            if attempt == 2:
                return TextLayer(error="อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: poppler crashed")
            continue
        except TimeoutError:
            if not future.done():  # a worker stuck on this file: only killing it frees the core
                _restart_pool(pool)
            return TextLayer(error="อ่านไฟล์ PDF นานเกินกำหนด / PDF text extraction timed out")
        except asyncio.CancelledError:  # the scan's own limits: a running worker would still hold its core
            if not future.done():
                _restart_pool(pool)
            raise
        except Exception as exc:  # e.g. a MemoryError in the worker: this file is unreadable, the next one is read
            return TextLayer(error=f"อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: {exc!r}"[:300])
        if error:
            return TextLayer(error=f"อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: {error[:200]}")
        return TextLayer(pages=pages, page_count=count, extractor="pdftotext")
    raise AssertionError("unreachable")


_POOL: ProcessPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> ProcessPoolExecutor:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            # One worker per core, so that one file's text is read beside another's quality gate; started like the
            # OCR workers (forkserver: the crawler runs threads, and forking a threaded process can deadlock).
            _POOL = ProcessPoolExecutor(cpu_count(), _mp_context())
        return _POOL


def _restart_pool(pool: ProcessPoolExecutor) -> None:
    """Kill the workers of `pool` (one is hung or dead); the next file starts a fresh pool. A pool that another
    file has already replaced is left alone."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is pool:
            _POOL = None
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()  # ProcessPoolExecutor has no public way to stop a running task before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    global _POOL
    with _POOL_LOCK:
        pool, _POOL = _POOL, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown)


# --- the pdftotext program ----------------------------------------------------------------------------------
def _split_pages(text: str, max_pages: int, body: bytes) -> TextLayer:
    # pdftotext ends every page with a form feed, so the last split part is empty.
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    count = len(pages)
    if count >= max_pages:  # capped by -l: only pdfium knows the real length
        count = _page_count(body) or count
    return TextLayer(pages=pages, page_count=count, extractor="pdftotext")


def _page_count(body: bytes) -> int | None:
    try:
        pdf = pypdfium2.PdfDocument(body)
    except pypdfium2.PdfiumError:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def pdfium_text(body: bytes, max_pages: int = MAX_PDF_PAGES) -> TextLayer:
    try:
        pdf = pypdfium2.PdfDocument(body)
    except pypdfium2.PdfiumError as exc:
        return TextLayer(error=f"อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: {exc}")
    try:
        count = len(pdf)
        pages = []
        for index in range(min(count, max_pages)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return TextLayer(pages=pages, page_count=count, extractor="pypdfium2")
    finally:
        pdf.close()


# --- the period bars of a Gantt table (แบบ ผด.02) -------------------------------------------------------------
# A plan's period per project is whatever is drawn or written under its twelve month columns: an arrow, a line or
# shaded cells (vector paths with no text) or marks such as ■ ✓ ←→ (text that pdftotext may put anywhere on the
# page: in raw order a fallback font's glyphs come after the whole table). Only their position says which row they
# belong to, so the rows are counted here, from the geometry, and handed to the rules as a number.
_MONTH_ABBR = ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.")
_HEADER_MONTHS = 10  # month abbreviations on one line that make a Gantt header (a cell may hide one or two)
_HEADER_SLACK = 8.0  # points: the month cells of one header line (a wrapped "ต\n.ค." is two lines tall)
_ROW_GAP = 5.0  # points between the vertical centres of two drawn rows
_BORDER = 2.0  # points: a path thinner than this in either direction is a cell border, not a bar


def _has_month_header(text: str) -> bool:
    key = re.sub(r"\s+", "", text)
    return sum(m in key for m in _MONTH_ABBR) >= _HEADER_MONTHS


def timeline_rows(body: bytes, pages: list[str]) -> int | None:
    """How many table rows have a bar, an arrow, shaded cells or marks under a header of the twelve months
    (summed over the pages), or None when no page has such a header or the file cannot be read so. A table that
    runs on to the next page without repeating its header keeps its month columns there. Pages before the first
    header are not opened, so that other PDFs cost nothing."""
    wanted = [i for i, text in enumerate(pages) if _has_month_header(text)]
    if not wanted:
        return None
    try:
        pdf = pypdfium2.PdfDocument(body)
    except pypdfium2.PdfiumError:
        return None
    try:
        rows, band = 0, None
        for index in range(wanted[0], min(len(pdf), len(pages))):
            found, band = _page_timeline_rows(pdf[index], band)
            rows += found
        return rows
    except (pypdfium2.PdfiumError, IndexError, ValueError):
        return None
    finally:
        pdf.close()


Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points, y upwards)
Band = tuple[float, float]  # left and right of a Gantt's month columns


def _page_timeline_rows(page: pypdfium2.PdfPage, carried: Band | None) -> tuple[int, Band | None]:
    """The rows with bars or marks on one page, and the month columns that go on to the next page. Above the
    page's first header (or on the whole page when it has none) the previous page's columns are read."""
    textpage = page.get_textpage()
    try:
        headers = _month_headers(textpage)
        objects = [
            (obj.get_bounds(), obj.type)
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT])
        ]
        objects = [
            (box, kind) for box, kind in objects if kind != pdfium_c.FPDF_PAGEOBJ_TEXT or _symbols(textpage, box)
        ]
    finally:
        textpage.close()
    regions = [(left, right, top, headers[k + 1][3] if k + 1 < len(headers) else float("-inf"))
               for k, (left, right, top, _) in enumerate(headers)]  # fmt: skip
    if carried is not None:
        regions.append((*carried, float("inf"), headers[0][3] if headers else float("-inf")))
    rows = 0
    for left, right, top, floor in regions:
        centres = sorted(
            (b + t) / 2
            for (x0, b, x1, t), kind in objects
            if left <= x0 and x1 <= right and floor < b and t <= top and _is_mark(x0, b, x1, t, kind)
        )
        rows += sum(1 for i, c in enumerate(centres) if i == 0 or c - centres[i - 1] > _ROW_GAP)
    return rows, (headers[-1][0], headers[-1][1]) if headers else carried


def _symbols(textpage: pypdfium2.PdfTextPage, box: Box) -> bool:
    """Whether the text in `box` is marks only (■ ✓ ← → ―, *): no letter or digit, which would be a cell's text
    (a month name wrapped in its narrow header cell, a header below the table), and not a lone full stop."""
    text = textpage.get_text_bounded(*box).strip(" \r\n.,:;()")
    return bool(text) and not any(ch.isalnum() for ch in text)


def _is_mark(left: float, bottom: float, right: float, top: float, kind: int) -> bool:
    if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        return right - left > 0.5
    return right - left >= _BORDER and top - bottom >= _BORDER


def _month_headers(textpage: pypdfium2.PdfTextPage) -> list[tuple[float, float, float, float]]:
    """Each header line of twelve months on the page, top first: (left and right of the month band, the lowest
    point of the header's text, the highest point of it)."""
    found: list[tuple[int, Box]] = []
    for month, abbr in enumerate(_MONTH_ABBR):
        searcher = textpage.search(abbr)
        while (hit := searcher.get_next()) is not None:
            start, count = hit
            boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
            found.append((month, (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                                  max(b[3] for b in boxes))))  # fmt: skip
        searcher.close()
    headers, used = [], set()
    for _, (_, bottom, _, top) in sorted(found, key=lambda f: -f[1][3]):
        middle = (bottom + top) / 2
        line = [(m, b) for m, b in found if abs((b[1] + b[3]) / 2 - middle) <= _HEADER_SLACK and (m, b) not in used]
        if len({m for m, _ in line}) < _HEADER_MONTHS:
            continue
        used.update(line)
        centres = sorted((b[0] + b[2]) / 2 for _, b in line)
        column = (centres[-1] - centres[0]) / max(1, len({m for m, _ in line}) - 1)
        low, high = min(b[1] for _, b in line), max(b[3] for _, b in line)
        headers.append((centres[0] - 0.75 * column, centres[-1] + 0.75 * column, low, high))
    return headers
