"""Text from downloaded documents.

PDF: poppler's `pdftotext -raw` first (best Thai recall in shared/ita/thai-text.md), pypdfium2 when poppler
is missing or fails. A PDF with (almost) no text is a scan: it is reported as unreadable so that the items
relying on it become "unknown", never "missing". OCR and Office formats come later.
"""

from __future__ import annotations

import asyncio
import shutil

import pypdfium2

from crawler.thaitext import normalize_thai

PDFTOTEXT_TIMEOUT = 60.0
MAX_PDF_PAGES = 300
MIN_TEXT_CHARS_PER_PAGE = 20  # fewer visible characters than this per page: a scan, not a text layer


class DocumentText:
    def __init__(
        self, text: str = "", pages: int | None = None, extractor: str | None = None, error: str | None = None
    ) -> None:
        self.text = text
        self.pages = pages
        self.extractor = extractor
        self.error = error


def kind_of(content_type: str, url: str) -> str | None:
    """'pdf' or another document kind, or None when the response is not a document we know."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype == "application/pdf" or (ctype in ("application/octet-stream", "") and url.lower().endswith(".pdf")):
        return "pdf"
    if url.lower().split("?")[0].endswith(".pdf"):
        return "pdf"
    if ctype.startswith("application/") and ctype not in ("application/xhtml+xml", "application/xml"):
        return "other"
    return None


async def extract_text(body: bytes, kind: str) -> DocumentText:
    if kind != "pdf":
        return DocumentText(error="ยังไม่รองรับรูปแบบไฟล์นี้ / unsupported document format")
    if not body.startswith(b"%PDF"):
        return DocumentText(error="ไฟล์ PDF เสียหายหรือไม่ใช่ PDF / not a valid PDF")
    result = await _pdftotext(body) if shutil.which("pdftotext") else None
    if result is None or result.error:
        result = await asyncio.to_thread(_pdfium_text, body)
    return _judge_text_layer(result)


async def _pdftotext(body: bytes) -> DocumentText | None:
    args = ["pdftotext", "-raw", "-enc", "UTF-8", "-l", str(MAX_PDF_PAGES), "-", "-"]
    proc = await asyncio.create_subprocess_exec(
        *args, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(body), PDFTOTEXT_TIMEOUT)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        return DocumentText(error="อ่านไฟล์ PDF นานเกินกำหนด / PDF text extraction timed out")
    if proc.returncode != 0:
        return DocumentText(error=f"อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: {err.decode(errors='replace')[:200]}")
    text = out.decode("utf-8", errors="replace")
    return DocumentText(text=text, pages=text.count("\f") or None, extractor="pdftotext")


def _pdfium_text(body: bytes) -> DocumentText:
    try:
        pdf = pypdfium2.PdfDocument(body)
    except pypdfium2.PdfiumError as exc:
        return DocumentText(error=f"อ่านไฟล์ PDF ไม่ได้ / unreadable PDF: {exc}")
    try:
        count = len(pdf)
        parts = []
        for index in range(min(count, MAX_PDF_PAGES)):
            textpage = pdf[index].get_textpage()
            parts.append(textpage.get_text_range())
        return DocumentText(text="\f".join(parts), pages=count, extractor="pypdfium2")
    finally:
        pdf.close()


def _judge_text_layer(result: DocumentText) -> DocumentText:
    if result.error:
        return result
    result.text = normalize_thai(result.text)
    visible = sum(1 for ch in result.text if not ch.isspace())
    if visible < MIN_TEXT_CHARS_PER_PAGE * max(1, result.pages or 1):
        result.error = "เป็นไฟล์สแกนที่ยังอ่านข้อความไม่ได้ (ไม่มีชั้นข้อความ) / scanned PDF without a text layer"
    return result
