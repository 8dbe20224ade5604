"""Text from downloaded documents: which kind a response is, and the text a rule can read from it.

PDF: the text layer (pdftext.py), judged page by page (quality.py); the pages without a trustworthy layer are
OCR'd (ocr.py) within the scan's budget. Word, Excel and images: office.py and images.py. A document that
yields nothing readable gets a Thai + English reason, so that the items relying on it become "unknown",
never "missing".
"""

from __future__ import annotations

import asyncio
import posixpath
import shutil
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from crawler import pdftext
from crawler.guards import Unreadable, pdf_reason
from crawler.ocr import OcrBudget, PdfOcr, ocr_pdf_pages
from crawler.office import actual_kind, read_other
from crawler.pdftext import MAX_PDF_PAGES, TextLayer, read_text_layer
from crawler.quality import PageQuality, judge_page, judge_pages, overall_share

Method = Literal["text_layer", "ocr", "mixed"]

SCANNED_TH = "เป็นไฟล์สแกนที่ยังอ่านข้อความไม่ได้"
BROKEN_TH = "ชั้นข้อความของไฟล์ PDF เสียหาย อ่านเป็นข้อความไม่ได้"


@dataclass
class DocumentText:
    text: str = ""  # pages separated by form feeds
    pages: int | None = None
    extractor: str | None = None  # "pdftotext", "pypdfium2", "+tesseract" when pages were OCR'd
    error: str | None = None
    ocr_pages: int = 0
    method: Method | None = None
    quality: float | None = None  # dictionary-word share of the text handed on (quality.py)
    # Set when any page was OCR'd: Thai-digit years, dates and amounts in `text` cannot be trusted.
    ocr_digits_untrusted: bool = False
    # Rows of a Gantt table (แบบ ผด.02) with a bar or marks under its twelve month columns, which the text does not
    # place (pdftext.timeline_rows); None: no such table, or not a PDF.
    timeline_rows: int | None = None
    # Pages were left unread for a passing reason (OCR budget spent, timeout): do not cache this result.
    retryable: bool = False


_TYPES = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}
_EXTENSIONS = {
    ".pdf": "pdf",
    ".doc": "doc",
    ".docx": "docx",
    ".xls": "xls",
    ".xlsx": "xlsx",
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".webp", ".bmp"), "image"),
}
_GENERIC = ("application/octet-stream", "binary/octet-stream", "application/force-download", "")


def kind_of(content_type: str, url: str) -> str | None:
    """'pdf', 'docx', 'xlsx', 'xls', 'doc', 'image' or 'other', or None when the response is not a document.
    A guess from the headers: extract_text checks the bytes (office.actual_kind)."""
    ctype = content_type.split(";")[0].strip().lower()
    ext = posixpath.splitext(urlsplit(url).path.lower())[1]
    if ctype in _TYPES:
        return _TYPES[ctype]
    if _EXTENSIONS.get(ext) == "pdf":
        return "pdf"  # a PDF served as text/html by a misconfigured server is still a PDF
    if ctype.startswith("image/"):
        return "image"
    if ctype in _GENERIC and ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    if ctype.startswith("application/") and ctype not in ("application/xhtml+xml", "application/xml"):
        return "other"
    return None


async def extract_text(body: bytes, kind: str, budget: OcrBudget | None = None) -> DocumentText:
    """The readable text of a document. `budget` is the scan's OCR budget (None: one document's worth)."""
    kind = actual_kind(body, kind)
    if kind == "pdf":
        return await _pdf_text(body, budget)
    text, extractor, error = await read_other(body, kind, budget)
    result = DocumentText(text=text, pages=1 if kind == "image" else None, extractor=extractor, error=error)
    if kind == "image" and not error:  # an image's text is all OCR: the same distrust of Thai digits
        result.method, result.ocr_pages, result.ocr_digits_untrusted = "ocr", 1, True
    return result


async def _pdf_text(body: bytes, budget: OcrBudget | None) -> DocumentText:
    if not body.startswith(b"%PDF"):
        return DocumentText(error="ไฟล์ PDF เสียหายหรือไม่ใช่ PDF / not a valid PDF")
    if b"/Encrypt" in body:  # opening it parses its cross-reference streams: in a worker, like every PDF reader
        try:
            encrypted = await pdftext.in_worker(pdf_reason, body)
        except Unreadable as exc:
            return DocumentText(error=str(exc))
        if encrypted:
            return DocumentText(error=encrypted)
    program = None if pdftext.HAVE_BINDING else shutil.which("pdftotext")  # which() costs ~0.25 ms a file
    layer = await read_text_layer(body, MAX_PDF_PAGES, program)
    if layer.error:
        return DocumentText(error=layer.error, extractor=layer.extractor)
    judged = await asyncio.to_thread(judge_pages, layer.pages)  # ~1 ms a page of Python: off the event loop
    need = [i for i, q in enumerate(judged) if q.needs_ocr]
    ocr = await ocr_pdf_pages(body, need, budget) if need else PdfOcr()
    result = _combine(layer, judged, ocr)
    result.timeline_rows = await pdftext.timeline_rows_in_worker(body, layer.pages)
    return result


def _combine(layer: TextLayer, judged: list[PageQuality], ocr: PdfOcr) -> DocumentText:
    texts, final, from_ocr, kept = [], [], [], []
    for index, (text, quality) in enumerate(zip(layer.pages, judged, strict=True)):
        if index in ocr.texts:
            ocr_quality = judge_page(ocr.texts[index])
            if _ocr_is_better(quality, ocr_quality):
                text, quality = ocr.texts[index], ocr_quality
                from_ocr.append(index)
            else:
                kept.append(index)
        texts.append(text)
        final.append(quality)
    layer_pages = [i for i, q in enumerate(judged) if q.ok] + kept
    read = [i for i in from_ocr if texts[i].strip()]
    result = DocumentText(
        text="\f".join(texts),
        pages=layer.page_count or len(texts),
        extractor=(layer.extractor or "") + ("+tesseract" if from_ocr else "") or None,
        ocr_pages=len(from_ocr),
        ocr_digits_untrusted=bool(from_ocr),
        method=_method(layer_pages, read),
        quality=overall_share(final),
        retryable=ocr.transient,
    )
    if not layer_pages and not read:
        result.error = _unreadable_reason(judged, ocr)
    return result


def _ocr_is_better(layer: PageQuality, ocr: PageQuality) -> bool:
    """OCR replaces a page with no text or with junk. A layer failed on its dictionary share alone is replaced
    only when the OCR text scores higher: a clean page with many names or codes can fall below the threshold,
    and its text layer still beats OCR's."""
    if layer.reason is None or not layer.reason.startswith("dictionary share"):
        return True
    return ocr.dict_share is not None and layer.dict_share is not None and ocr.dict_share > layer.dict_share


def _method(trusted: list[int], read: list[int]) -> Method | None:
    if trusted and read:
        return "mixed"
    if read:
        return "ocr"
    return "text_layer" if trusted else None


def _unreadable_reason(judged: list[PageQuality], ocr: PdfOcr) -> str:
    """Why nothing could be read, Thai first; 'scanned PDF' or 'broken text layer' says which case."""
    broken = any(q.reason != "too little text" for q in judged)
    what = f"{BROKEN_TH} / broken PDF text layer" if broken else f"{SCANNED_TH} / scanned PDF without a text layer"
    if ocr.error:
        return f"{what}: {ocr.error}"
    if ocr.texts:
        return f"{what}: ไม่พบข้อความแม้อ่านด้วย OCR / OCR found no text"
    return what
