"""Text from images of documents: organisation charts, scanned announcements posted as JPG/PNG.

The pixels are checked first (guards.image_reason: header only, no decoding), then handed to OCR, which lives
in crawler.ocr (`ocr_image_async`, else `ocr_image`). This module is the seam: while OCR cannot run here, an
image is "unknown: OCR not available", never "missing"; the text cache keys on OCR being present
(crawler.textcache), so a later scan with OCR installed reads it again.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Awaitable, Callable
from typing import Any

from crawler.guards import Unreadable, image_reason

OCR_MISSING = "ยังอ่านข้อความจากภาพไม่ได้ (ไม่มีโปรแกรม OCR) / OCR not available"


def _ocr_module() -> Any | None:
    """crawler.ocr when it is installed and its engine works here, else None."""
    try:
        module = importlib.import_module("crawler.ocr")
    except ImportError:
        return None
    available = getattr(module, "available", None)
    if callable(available) and not available():
        return None
    return module


OcrReader = Callable[[bytes, Any], Awaitable[Any]]  # (image bytes, the scan's OCR budget or None) -> result


def ocr_reader() -> OcrReader | None:
    """How to OCR one image here, or None while OCR cannot run. crawler.ocr's worker pool when it has one (a
    crash or hang on a hostile image then spares the scan), else its in-process ocr_image in a thread."""
    module = _ocr_module()
    if module is None:
        return None
    pooled = getattr(module, "ocr_image_async", None)
    if pooled is not None:
        return pooled
    plain = getattr(module, "ocr_image", None)
    if plain is None:
        return None
    return lambda data, _budget: asyncio.to_thread(plain, data)


def ocr_available() -> bool:
    return ocr_reader() is not None


async def read_image(data: bytes, budget: Any = None) -> tuple[str, str]:
    """(text, extractor) of an image; raises Unreadable with the reason. `budget` is the scan's OCR budget."""
    reason = await asyncio.to_thread(image_reason, data)
    if reason:
        raise Unreadable(reason)
    ocr = ocr_reader()
    if ocr is None:
        raise Unreadable(OCR_MISSING)
    return _text_of(await ocr(data, budget))


def _text_of(result: object) -> tuple[str, str]:
    """OCR may answer with text, or with an object carrying text (and perhaps an error and its extractor)."""
    if isinstance(result, str):
        return result, "ocr"
    error = getattr(result, "error", None)
    if error:
        raise Unreadable(str(error))
    return str(getattr(result, "text", "") or ""), str(getattr(result, "extractor", None) or "ocr")
