"""The text layer of a PDF, page by page, with Thai repaired (shared/ita/thai-text.md, "PDF text").

poppler's `pdftotext -raw` first: it had the best Thai recall of the extractors measured, at 1–2 ms a page.
pypdfium2 second, when poppler is missing or fails. Whether the text can be trusted is quality.py's business.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field

import pypdfium2

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


async def read_text_layer(body: bytes, max_pages: int = MAX_PDF_PAGES, pdftotext: str | None = None) -> TextLayer:
    """The text layer of a PDF: pdftotext (the program at `pdftotext`), else pypdfium2 (in a thread)."""
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
