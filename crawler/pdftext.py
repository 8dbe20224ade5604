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
import signal
import subprocess
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from crawler import workers
from crawler.guards import Unreadable, pdf_inflation, pdfium
from crawler.ocr import cpu_count
from crawler.thaitext import normalize_thai

PDFTOTEXT_TIMEOUT = 60.0
MAX_PDF_PAGES = 300
T = TypeVar("T")

if TYPE_CHECKING:
    import pypdfium2

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
    """The text layer of a PDF: poppler (the binding, else the program at `pdftotext`), else pypdfium2. All of them
    read the file in a worker, under its memory limit: the scan process never walks a PDF's content. When poppler
    fails, the program would fail the same way: pypdfium2, another parser, gets the next try, unless the file
    needs more memory than allowed (pypdfium2 would need more still: it holds whole streams)."""
    reader = _poppler_pages if HAVE_BINDING else (partial(_program_pages, pdftotext) if pdftotext else None)
    limit = workers.memory_limit()
    layer = await in_worker_layer(reader, body, max_pages, limit) if reader else None
    if layer is None or (layer.error and not workers.is_memory(layer.error)):
        layer = await in_worker_layer(pdfium_text, body, max_pages, limit)
    if layer.error is None:
        layer.pages = [normalize_page(p) for p in layer.pages]
    return layer


def normalize_page(text: str) -> str:
    text = _BROKEN_WORD.sub("-", text.replace("\r\n", "\n"))
    return normalize_thai(_NOT_TEXT.sub("", text))


def _too_big(body: bytes, memory_mb: int) -> TextLayer | None:
    """A file whose streams inflate past half a worker's memory (guards.pdf_inflation) is not walked: opening a
    page holds its whole content stream."""
    inflated = pdf_inflation(body, memory_mb * 1024 * 1024 // 2)
    if inflated is None:
        return None
    return TextLayer(error=workers.memory_reason(memory_mb, f"a stream inflates past {inflated >> 20} MB"))


# --- readers, run in worker processes ------------------------------------------------------------------------
def _poppler_pages(body: bytes, max_pages: int, memory_mb: int = workers.DEFAULT_MEMORY_MB) -> TextLayer:
    """The text in raw order, through poppler's binding."""
    import pdftotext  # the binding, not this module

    if refused := _too_big(body, memory_mb):
        return refused
    try:
        pdf = pdftotext.PDF(io.BytesIO(body), raw=True)
        count = len(pdf)
        # Like the program, poppler ends every page with a form feed: pages are kept apart by the caller.
        return TextLayer([pdf[i].removesuffix("\f") for i in range(min(count, max_pages))], count, "pdftotext")
    except pdftotext.Error as exc:
        return TextLayer(error=f"อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: {str(exc)[:200]}")


def _program_pages(program: str, body: bytes, max_pages: int, memory_mb: int = workers.DEFAULT_MEMORY_MB) -> TextLayer:
    """The text through the `pdftotext` program, started from the worker so that it inherits its memory limit."""
    if refused := _too_big(body, memory_mb):
        return refused
    args = [program, "-raw", "-enc", "UTF-8", "-l", str(max_pages), "-", "-"]
    try:
        done = subprocess.run(args, input=body, capture_output=True, timeout=PDFTOTEXT_TIMEOUT - 5, check=False)
    except subprocess.TimeoutExpired:
        return TextLayer(error=TIMED_OUT)
    if done.returncode in (-signal.SIGABRT, -signal.SIGKILL):  # what an allocation failing under the limit does
        return TextLayer(error=workers.memory_reason(memory_mb))
    if done.returncode != 0:
        return TextLayer(error=f"อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: {done.stderr.decode(errors='replace')[:200]}")
    return _split_pages(done.stdout.decode("utf-8", errors="replace"), max_pages, body)


# --- worker processes ------------------------------------------------------------------------------------------
TIMED_OUT = "อ่านไฟล์ PDF นานเกินกำหนด / PDF text extraction timed out"
# One worker per core, so that one file's text is read beside another's quality gate; memory-limited and dying
# with the scan like the OCR workers (crawler/workers.py).
_POOL = workers.Pool(cpu_count)


def _pool() -> ProcessPoolExecutor:
    return _POOL.get()


def _restart_pool(pool: ProcessPoolExecutor) -> None:
    _POOL.restart(pool)


def shutdown() -> None:
    _POOL.shutdown()


atexit.register(shutdown)


async def in_worker(fn: Callable[..., T], *args: object) -> T:
    """fn(*args) in a worker. Raises Unreadable with the reason when the worker ran out of memory, crashed or took
    longer than PDFTOTEXT_TIMEOUT. A pool broken by a worker's death (maybe under another file) is restarted and
    the task tried once more: a file that kills its worker again is the one to blame."""
    for attempt in (1, 2):
        pool = _pool()
        try:
            future = pool.submit(fn, *args)
            return await asyncio.wait_for(asyncio.wrap_future(future), PDFTOTEXT_TIMEOUT)
        except (BrokenProcessPool, MemoryError) as exc:
            reason = workers.failure_reason(pool, exc)
            if isinstance(exc, BrokenProcessPool):
                _restart_pool(pool)
            if attempt == 2 or isinstance(exc, MemoryError):
                raise Unreadable(reason) from exc
        except TimeoutError:
            if not future.done():  # a worker stuck on this file: only killing it frees the core
                _restart_pool(pool)
            raise Unreadable(TIMED_OUT) from None
        except asyncio.CancelledError:  # the scan's own limits: a running worker would still hold its core
            if not future.done():
                _restart_pool(pool)
            raise
    raise AssertionError("unreachable")


async def in_worker_layer(
    reader: Callable[..., TextLayer], body: bytes, max_pages: int = MAX_PDF_PAGES, memory_mb: int | None = None
) -> TextLayer:
    """What `reader` makes of the file in a worker; its failure (memory, crash, timeout) as the layer's error."""
    memory_mb = memory_mb or workers.memory_limit()
    try:
        return await in_worker(reader, body, max_pages, memory_mb)
    except Unreadable as exc:
        return TextLayer(error=str(exc))
    except Exception as exc:  # the reader's own failure on this file: the next file is read
        return TextLayer(error=f"อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: {exc!r}"[:300])


# --- the pdftotext program ----------------------------------------------------------------------------------
def _split_pages(text: str, max_pages: int, body: bytes) -> TextLayer:
    # pdftotext ends every page with a form feed, so the last split part is empty.
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    count = len(pages)
    if count >= max_pages:  # capped by -l: only pdfium knows the real length
        count = _page_count(body) or count
    return TextLayer(pages=pages, page_count=count, extractor="pdftotext")


def _page_count(body: bytes) -> int | None:
    pdfium_lib = pdfium()
    try:
        pdf = pdfium_lib.PdfDocument(body)
    except pdfium_lib.PdfiumError:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def pdfium_text(body: bytes, max_pages: int = MAX_PDF_PAGES, memory_mb: int = workers.DEFAULT_MEMORY_MB) -> TextLayer:
    if refused := _too_big(body, memory_mb):
        return refused
    pdfium_lib = pdfium()
    try:
        pdf = pdfium_lib.PdfDocument(body)
    except pdfium_lib.PdfiumError as exc:
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


async def timeline_rows_in_worker(body: bytes, pages: list[str]) -> int | None:
    """timeline_rows in a worker (it opens pages: the scan process never does), for the files with a Gantt."""
    if not any(_has_month_header(text) for text in pages):
        return None
    try:
        return await in_worker(timeline_rows, body, pages)
    except Unreadable:
        return None


def timeline_rows(body: bytes, pages: list[str]) -> int | None:
    """How many table rows have a bar, an arrow, shaded cells or marks under a header of the twelve months
    (summed over the pages), or None when no page has such a header or the file cannot be read so. A table that
    runs on to the next page without repeating its header keeps its month columns there. Pages before the first
    header are not opened, so that other PDFs cost nothing."""
    wanted = [i for i, text in enumerate(pages) if _has_month_header(text)]
    if not wanted:
        return None
    pdfium_lib = pdfium()
    try:
        pdf = pdfium_lib.PdfDocument(body)
    except pdfium_lib.PdfiumError:
        return None
    try:
        rows, band = 0, None
        for index in range(wanted[0], min(len(pdf), len(pages))):
            found, band = _page_timeline_rows(pdf[index], band)
            rows += found
        return rows
    except (pdfium_lib.PdfiumError, IndexError, ValueError):
        return None
    finally:
        pdf.close()


Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points, y upwards)
Band = tuple[float, float]  # left and right of a Gantt's month columns


def _page_timeline_rows(page: pypdfium2.PdfPage, carried: Band | None) -> tuple[int, Band | None]:
    """The rows with bars or marks on one page, and the month columns that go on to the next page. Above the
    page's first header (or on the whole page when it has none) the previous page's columns are read."""
    pdfium_c = pdfium().raw
    text_kind = pdfium_c.FPDF_PAGEOBJ_TEXT
    textpage = page.get_textpage()
    try:
        headers = _month_headers(textpage)
        objects = [
            (obj.get_bounds(), obj.type)
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT])
        ]
        objects = [(box, kind) for box, kind in objects if kind != text_kind or _symbols(textpage, box)]
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
            if left <= x0 and x1 <= right and floor < b and t <= top and _is_mark(x0, b, x1, t, kind == text_kind)
        )
        rows += sum(1 for i, c in enumerate(centres) if i == 0 or c - centres[i - 1] > _ROW_GAP)
    return rows, (headers[-1][0], headers[-1][1]) if headers else carried


def _symbols(textpage: pypdfium2.PdfTextPage, box: Box) -> bool:
    """Whether the text in `box` is marks only (■ ✓ ← → ―, *): no letter or digit, which would be a cell's text
    (a month name wrapped in its narrow header cell, a header below the table), and not a lone full stop."""
    text = textpage.get_text_bounded(*box).strip(" \r\n.,:;()")
    return bool(text) and not any(ch.isalnum() for ch in text)


def _is_mark(left: float, bottom: float, right: float, top: float, is_text: bool) -> bool:
    if is_text:
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
