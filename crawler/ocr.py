"""OCR for scanned PDF pages and images: Tesseract with Thai and English (shared/ita/thai-text.md, "OCR").

tesserocr (its PyPI wheel bundles Tesseract 5.5) with Debian's tessdata (tesseract-ocr-tha), pages rendered
by pypdfium2 at 300 dpi (or a scanned page's own resolution when lower), ~1.1-1.8 s a page on one core. Pages are OCR'd in a pool of worker processes, one
per core: Tesseract is CPU-bound, and a crash or a hang on a hostile file takes down a worker, not the scan.
Pages scanned sideways or upside down are turned upright first (Tesseract's orientation detection, Debian's
tesseract-ocr-osd; see _recognise for when it runs).

Workers are started with forkserver (the crawler has threads; fork would risk deadlocks), so a script that
OCRs must keep its top-level code under `if __name__ == "__main__":`, as `oit` does. Each runs under a memory
limit and dies with the scan (crawler/workers.py); a page that needs more memory is reported as such.

What OCR reads is not trusted for numbers: Debian's Thai model cannot output ๔ ๖ ๗ ๘ ๙, so a year printed in
Thai digits comes back wrong (๒๕๖๙ -> ๒๕๐๕). Callers mark such text (Document.ocr_digits_untrusted) and take
years from elsewhere.

The budget: a scan may OCR at most `OcrBudget.remaining` pages, and one document at most `per_document`
(its first pages: titles, dates and signatures are there).
"""

from __future__ import annotations

import asyncio
import atexit
import importlib.util
import io
import math
import os
import re
import tempfile
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from crawler import workers
from crawler.guards import pdfium
from crawler.thaitext import normalize_thai

LANG = "tha+eng"  # "tha" alone is ~20 % faster but misreads English phrases such as "No Gift Policy"
DPI = 300
MIN_SCAN_DPI = 200  # a scan coarser than this is still enlarged to it: Thai marks need the pixels
MAX_PIXELS = 36_000_000  # an A2 page at 300 dpi; larger pages are rendered at a lower resolution
MAX_PAGE_POINTS = 14_400  # 200 inches, PDF's largest page side (ISO 32000-1, annex C): a larger box is not a page
MIN_IMAGE_SIDE = 1600  # smaller images are enlarged 2x: Thai marks need ~20 px of x-height
PAGE_TIMEOUT = 90.0  # seconds a page may take in a worker (a normal page takes 1-2 s)
POOL_START_TIMEOUT = 30.0
DEFAULT_PAGES_PER_DOCUMENT = 20
DEFAULT_PAGES_PER_SCAN = 300
LOW_CONFIDENCE = 0.75  # below: the page may be upside down (measured: upright scans 0.85-0.90, upside down 0.62)
MIN_OSD_CONFIDENCE = 5.0  # Tesseract's orientation confidence; rotated scans measured 17-49, upright ones 28-49
# Skipping Tesseract's second pass over inverted (white on dark) text saves ~10 % on typical scans.
TESS_VARIABLES = {"tessedit_do_invert": "0"}
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",  # Debian 12 / Ubuntu 22.04+
    "/usr/share/tesseract-ocr/4.00/tessdata",  # Debian 11
    "/usr/share/tessdata",  # Fedora, Arch
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
INSTALL_HINT = (
    "sudo apt-get install tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng && pip install tesserocr"
    " (or run tools/bootstrap.sh)"
)

_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass
class OcrResult:
    text: str = ""
    confidence: float | None = None  # Tesseract's mean word confidence, 0-1
    pages: int = 0
    error: str | None = None
    extractor: str = "tesseract"


@dataclass
class PdfOcr:
    """What OCR made of some pages of one PDF."""

    texts: dict[int, str] = field(default_factory=dict)  # page index -> text, for the pages read
    confidence: float | None = None
    skipped: list[int] = field(default_factory=list)  # pages that needed OCR and were not read
    error: str | None = None  # why pages were skipped (Thai / English)
    # Skipped for a passing reason (the scan's budget was spent, a timeout, a crashed worker): another scan
    # may read more, so the result is not one to cache.
    transient: bool = False


class OcrBudget:
    """OCR pages a scan may still spend, shared by all its documents; `per_document` caps any one file."""

    def __init__(self, pages: int = DEFAULT_PAGES_PER_SCAN, per_document: int = DEFAULT_PAGES_PER_DOCUMENT) -> None:
        self.remaining = max(0, pages)
        self.per_document = max(0, per_document)
        self.spent = 0
        self.off = pages <= 0 or per_document <= 0  # configured off, as opposed to spent

    def grant(self, wanted: int) -> int:
        """Pages granted for one document (its first ones); the caller OCRs exactly that many."""
        granted = max(0, min(wanted, self.per_document, self.remaining))
        self.remaining -= granted
        self.spent += granted
        return granted


# --- availability ---------------------------------------------------------------------------------------
def tessdata_dir() -> str | None:
    """The tessdata directory holding Thai and English models: OIT_TESSDATA, TESSDATA_PREFIX, then the usual
    distribution paths. Passed to Tesseract explicitly: the wheel's built-in default is not Debian's path."""
    for candidate in (os.environ.get("OIT_TESSDATA"), os.environ.get("TESSDATA_PREFIX"), *TESSDATA_DIRS):
        if not candidate:
            continue
        for path in (Path(candidate), Path(candidate) / "tessdata"):
            if all((path / f"{lang}.traineddata").is_file() for lang in LANG.split("+")):
                return str(path)
    return None


def available() -> bool:
    """Whether OCR can run here (crawler.images asks before sending an image)."""
    return unavailable_reason() is None


@cache
def unavailable_reason() -> str | None:
    """None when OCR can run; else why not and how to install it (Thai / English)."""
    if importlib.util.find_spec("tesserocr") is None:
        missing = "tesserocr"
    elif tessdata_dir() is None:
        missing = "Tesseract Thai/English data (tesseract-ocr-tha, tesseract-ocr-eng)"
    else:
        return None
    return (
        "ยังไม่ได้ติดตั้งโปรแกรมอ่านข้อความจากภาพ (OCR) จึงยังตรวจไม่ได้"
        f" / unknown: OCR not installed ({missing} missing); install with: {INSTALL_HINT}"
    )


# --- the worker side (also used in-process by ocr_image) ---------------------------------------------------
_WORKER_API: Any = None  # one Tesseract per worker process, made by _init_worker
_THREAD = threading.local()  # one per thread for in-process ocr_image


def _new_api(tessdata: str) -> Any:
    import tesserocr  # imported where OCR runs: the crawler process never needs the library

    # LSTM only: the legacy engine adds nothing for Thai and its model costs memory and time (~7 %).
    return tesserocr.PyTessBaseAPI(path=tessdata, lang=LANG, oem=tesserocr.OEM.LSTM_ONLY, variables=TESS_VARIABLES)


def _init_worker(tessdata: str) -> None:
    global _WORKER_API
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core per worker: the pool is the parallelism
    _WORKER_API = _new_api(tessdata)


def _recognise(api: Any, image: Any) -> tuple[str, float | None]:
    """OCR one page or image; one scanned upside down or sideways is turned upright and read again.

    Tesseract's orientation detection (OSD) costs ~0.3 s a page, a fifth of the OCR, and almost every page is
    upright: it runs only when the first reading is poor. Upside-down Thai reads as junk at a mean confidence
    of ~0.6, against 0.85-0.90 for an upright scan; a page turned by 90 degrees Tesseract mostly reads as it is
    (its layout analysis finds the vertical lines), and is checked the same way when it does not. Running OSD
    on every landscape page first was measured too: half of the demo site's pages are landscape tables, and it
    took OCR on both cores from ~1.2 to 0.98 pages/s. The better of the two readings is kept."""
    text, confidence = _read(api, image)
    if confidence is not None and confidence >= LOW_CONFIDENCE:
        return text, confidence
    turned = _upright(image)
    if turned is image:
        return text, confidence
    again, again_confidence = _read(api, turned)
    return (again, again_confidence) if (again_confidence or 0) > (confidence or 0) else (text, confidence)


def _read(api: Any, image: Any) -> tuple[str, float | None]:
    api.SetImage(image)
    text = api.GetUTF8Text()
    confidence = api.MeanTextConf()
    api.Clear()
    return text, (confidence / 100 if confidence >= 0 else None)


def _upright(image: Any) -> Any:
    """`image` turned upright when OSD is sure it is rotated by 90, 180 or 270 degrees; else `image` itself (also
    when Debian's tesseract-ocr-osd is not installed)."""
    api = _osd_api()
    if api is None:
        return image
    api.SetImage(image)
    found = api.DetectOrientationScript()  # None when it saw too little text to say
    api.Clear()
    if not found or found["orient_deg"] not in (90, 180, 270) or found["orient_conf"] < MIN_OSD_CONFIDENCE:
        return image
    # orient_deg is how far the page is turned clockwise; PIL rotates counter-clockwise.
    return image.rotate(found["orient_deg"], expand=True)


def orientation_available() -> bool:
    """Whether scans placed sideways or upside down can be turned upright (Debian's tesseract-ocr-osd)."""
    tessdata = tessdata_dir()
    return tessdata is not None and (Path(tessdata) / "osd.traineddata").is_file()


def _osd_api() -> Any:
    """One orientation detector per thread (and so per worker process), made on first use."""
    if not hasattr(_THREAD, "osd"):
        import tesserocr

        osd = orientation_available()
        _THREAD.osd = (
            tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang="osd", psm=tesserocr.PSM.OSD_ONLY) if osd else None
        )
    return _THREAD.osd


def _render_scale(width_pt: float, height_pt: float, dpi: float = DPI) -> float:
    scale = dpi / 72
    area = width_pt * height_pt * scale * scale
    return scale if area <= MAX_PIXELS else math.sqrt(MAX_PIXELS / (width_pt * height_pt))


def _page_dpi(page: Any) -> float:
    """300 dpi, or the resolution of the scan that fills the page when it is lower: enlarging a 200-dpi scan
    adds pixels, not detail. Measured on 8 scanned demo pages: 1.4 s/page and 94 % of words read at 200 dpi,
    1.8 s/page and 91 % when the same scan was enlarged to 300 dpi."""
    pdfium_c = pdfium().raw
    width_pt, height_pt = page.get_size()
    found = []
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = image.get_bounds()
        area_pt = (right - left) * (top - bottom)
        if area_pt < 0.5 * width_pt * height_pt:
            continue  # a logo or a photo, not the scan
        px_w, px_h = image.get_px_size()
        found.append(72 * math.sqrt(px_w * px_h / area_pt))  # the same whether the scan was placed rotated or not
    return min(DPI, max(MIN_SCAN_DPI, max(found))) if found else DPI


class PageRefused(Exception):
    """A page that is not rendered, with the reason (Thai / English)."""


def _ocr_pdf_page(path: str, index: int) -> tuple[str, float | None]:
    """Render one page (300 dpi, or its scan's own resolution) and OCR it (in a worker, under its memory limit:
    loading a page reads its whole content stream)."""
    pdf = pdfium().PdfDocument(path)
    try:
        page = pdf[index]
        width, height = page.get_size()
        if max(width, height) > MAX_PAGE_POINTS:  # the bitmap is bounded anyway (_render_scale), its text is not
            raise PageRefused(
                f"หน้า {index + 1} ใหญ่ผิดปกติ ({width:.0f}×{height:.0f} พอยต์) จึงไม่อ่านด้วย OCR"
                f" / page {index + 1} is too large to render ({width:.0f}×{height:.0f} pt, PDF allows 14400)"
            )
        scale = _render_scale(width, height, _page_dpi(page))
        image = page.render(scale=scale, grayscale=True).to_pil()
        page.close()
    finally:
        pdf.close()
    return _recognise(_WORKER_API, image)


def _load_image(data: bytes) -> Any:
    from PIL import Image, ImageOps

    image: Image.Image = Image.open(io.BytesIO(data))
    if image.width * image.height > MAX_PIXELS:  # checked before decoding: a decompression bomb stops here
        raise ValueError(f"image too large: {image.width}x{image.height}")
    image = ImageOps.exif_transpose(image).convert("L")  # phone photos of notices carry EXIF rotation
    if max(image.size) < MIN_IMAGE_SIDE:
        image = image.resize((image.width * 2, image.height * 2), Image.Resampling.LANCZOS)
    return image


def _ocr_image_bytes(data: bytes) -> tuple[str, float | None]:
    return _recognise(_WORKER_API, _load_image(data))


def tidy(text: str) -> str:
    """OCR output as the rules want it: Thai repaired (ํ + า -> ำ), runs of spaces folded, blank lines gone."""
    lines = (_SPACES.sub(" ", line).strip() for line in normalize_thai(text).splitlines())
    return "\n".join(line for line in lines if line)


# --- in-process image OCR (for Office files, viewers, images on pages) --------------------------------------
def ocr_image(data: bytes) -> OcrResult:
    """OCR one JPEG/PNG/TIFF/... image in this process (blocking; call it through asyncio.to_thread).
    Hostile files are better sent through `ocr_image_async`, which runs in the worker pool."""
    reason = unavailable_reason()
    if reason:
        return OcrResult(error=reason)
    try:
        image = _load_image(data)
    except Exception as exc:  # Pillow raises a zoo of errors on bad files
        return OcrResult(error=f"อ่านไฟล์ภาพไม่ได้ / unreadable image: {exc}"[:300])
    api = getattr(_THREAD, "api", None)
    if api is None:
        api = _THREAD.api = _new_api(tessdata_dir() or "")
    text, confidence = _recognise(api, image)
    return _image_result(text, confidence)


def _image_result(text: str, confidence: float | None) -> OcrResult:
    text = tidy(text)
    if not text:  # a photo or a blank: say that OCR looked, so the item reads "unknown", not "missing"
        return OcrResult(confidence=confidence, pages=1, error=NO_TEXT_IN_IMAGE)
    return OcrResult(text=text, confidence=confidence, pages=1)


async def ocr_image_async(data: bytes, budget: OcrBudget | None = None) -> OcrResult:
    """OCR one image in the worker pool, within the scan's budget."""
    reason = unavailable_reason()
    if reason:
        return OcrResult(error=reason)
    if budget is not None and not budget.grant(1):
        return OcrResult(error=OCR_OFF if budget.off else OVER_BUDGET)
    pool = _pool()
    try:
        future = pool.submit(_ocr_image_bytes, data)
        text, confidence = await asyncio.wait_for(asyncio.wrap_future(future), PAGE_TIMEOUT + POOL_START_TIMEOUT)
    except TimeoutError:
        _restart_pool(pool)
        return OcrResult(error=TIMED_OUT)
    except (MemoryError, BrokenProcessPool) as exc:  # the image needed more memory than allowed, or crashed OCR
        reason = workers.failure_reason(pool, exc)
        _restart_pool(pool)
        return OcrResult(error=reason)
    except Exception as exc:
        return OcrResult(error=f"อ่านไฟล์ภาพไม่ได้ / unreadable image: {exc}"[:300])
    return _image_result(text, confidence)


# --- PDF pages in the pool ------------------------------------------------------------------------------------
OVER_BUDGET = "เกินจำนวนหน้าที่อ่านด้วย OCR ได้ในการตรวจครั้งนี้ / over this scan's OCR page budget"
TIMED_OUT = "อ่านด้วย OCR นานเกินกำหนด / OCR timed out"
NO_TEXT_IN_IMAGE = "ไม่พบข้อความในภาพแม้อ่านด้วย OCR / OCR found no text in the image"
OCR_OFF = "ปิดการอ่านด้วย OCR ไว้ในการตั้งค่า / OCR turned off (max_ocr_pages = 0)"


async def ocr_pdf_pages(body: bytes, pages: list[int], budget: OcrBudget | None = None) -> PdfOcr:
    """OCR the given pages (0-based) of a PDF: the first ones the budget allows, all cores at once."""
    reason = unavailable_reason()
    if reason:
        return PdfOcr(skipped=list(pages), error=reason)
    budget = budget or OcrBudget(per_document=DEFAULT_PAGES_PER_DOCUMENT)
    if budget.off:
        return PdfOcr(skipped=list(pages), error=OCR_OFF)
    allowed = min(len(pages), budget.per_document)
    granted = pages[: budget.grant(len(pages))]
    result = PdfOcr(skipped=pages[len(granted) :])
    if len(granted) < allowed:  # the scan's budget ran out: a later scan may read them
        result.error, result.transient = OVER_BUDGET, True
    elif len(granted) < len(pages):  # the per-document cap: the same every time
        result.error = f"อ่านด้วย OCR เฉพาะ {allowed} หน้าแรก / OCR'd only the first {allowed} pages"
    if not granted:
        return result
    # Workers read the file themselves: a path crosses the process boundary, not 40 MB per page.
    with tempfile.NamedTemporaryFile(prefix="oit-ocr-", suffix=".pdf", delete=False) as tmp:
        tmp.write(body)
    try:
        await _run_pages(tmp.name, granted, result)
    finally:
        os.unlink(tmp.name)
    return result


async def _run_pages(path: str, pages: list[int], result: PdfOcr) -> None:
    confidences: list[float] = []
    broken = await _ocr_batch(path, pages, result, confidences, retry=True)
    if broken:  # a worker died under one of these pages, or under another document's page beside them
        await _ocr_batch(path, broken, result, confidences, retry=False)
    result.skipped.sort()
    result.confidence = round(sum(confidences) / len(confidences), 3) if confidences else None


async def _ocr_batch(path: str, pages: list[int], result: PdfOcr, confidences: list[float], retry: bool) -> list[int]:
    """OCR `pages` in the pool, adding what was read to `result`. A worker that dies (a page needing more memory
    than allowed, a crash) fails every page in flight with it: with `retry` those pages are returned, to be tried
    once more in a fresh pool, where only the page to blame fails again."""
    pool, size = _pool(), pool_workers()
    futures = {index: pool.submit(_ocr_pdf_page, path, index) for index in pages}
    waiting = [asyncio.wrap_future(f) for f in futures.values()]
    limit = POOL_START_TIMEOUT + PAGE_TIMEOUT * math.ceil(len(pages) / size)
    try:
        done, pending = await asyncio.wait(waiting, timeout=limit)
    finally:  # also when the scan's time is up: pages still queued are dropped, not OCR'd for nobody
        for future in futures.values():
            future.cancel()
    for wrapper in done:  # read here from the pool's own futures; marked as seen for asyncio
        if not wrapper.cancelled():
            wrapper.exception()
    broken = []
    for index, future in futures.items():
        if retry and _broke(future):
            broken.append(index)
            continue
        text, confidence, error, transient = _outcome(pool, future)
        if error:
            result.skipped.append(index)
            result.error = result.error or error
            result.transient = result.transient or transient
            continue
        result.texts[index] = tidy(text)
        if confidence is not None:
            confidences.append(confidence)
    if pending or any(_broke(f) for f in futures.values()):  # a worker stuck on a page (only killing it frees
        for wrapper in pending:  # the core), or dead: the pool starts afresh
            wrapper.cancel()
        _restart_pool(pool)
    return broken


def _broke(future: Future[tuple[str, float | None]]) -> bool:
    return future.done() and not future.cancelled() and isinstance(future.exception(), BrokenProcessPool)


def _outcome(
    pool: ProcessPoolExecutor, future: Future[tuple[str, float | None]]
) -> tuple[str, float | None, str | None, bool]:
    """(text, confidence, error, whether another try may read it) of one page."""
    if not future.done() or future.cancelled():
        future.cancel()
        return "", None, TIMED_OUT, True
    exc = future.exception()
    if isinstance(exc, PageRefused):
        return "", None, str(exc), False
    if isinstance(exc, MemoryError | BrokenProcessPool):
        reason = workers.failure_reason(pool, exc)
        return "", None, reason, not workers.is_memory(reason)
    if exc is not None:  # a broken page
        return "", None, f"อ่านด้วย OCR ไม่สำเร็จ / OCR failed: {exc!r}"[:300], True
    text, confidence = future.result()
    return text, confidence, None, False


# --- the pool ---------------------------------------------------------------------------------------------------
_WANTED_WORKERS: int | None = None


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what this process may use (containers, taskset), not the host's
    except AttributeError:
        return os.cpu_count() or 1


def pool_workers() -> int:
    return _WANTED_WORKERS or int(os.environ.get("OIT_OCR_WORKERS", "0") or 0) or cpu_count()


def set_workers(workers: int | None) -> None:
    """Use this many OCR processes from now on (None: one per core). The benchmark compares 1 and 2."""
    global _WANTED_WORKERS
    _WANTED_WORKERS = workers


# Memory-limited, and dying with the scan (crawler/workers.py); one Tesseract per worker.
_POOL = workers.Pool(pool_workers, _init_worker, lambda: (tessdata_dir(),))


def _pool() -> ProcessPoolExecutor:
    return _POOL.get()


def _restart_pool(pool: ProcessPoolExecutor) -> None:
    """Kill the workers (one is hung or dead) and let the next OCR start a fresh pool."""
    _POOL.restart(pool)


def shutdown() -> None:
    _POOL.shutdown()


atexit.register(shutdown)
