"""The document-text cache: an unchanged document is read (and OCR'd) once, however many scans fetch it.

Keyed by the SHA-256 of the downloaded bytes. The crawler only knows the `TextCache` protocol; a real scan's
store keeps the texts in the database (oit.store.database), tests and small tools in memory (`MemoryTextCache`).
A cached text is used only while the way texts are read is the same: `extraction_signature()` names the
reader version and the tools present, so installing OCR or poppler, or bumping CACHE_VERSION after a
reader change, reads documents again.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

from crawler.documents import DocumentText
from crawler.images import ocr_available
from crawler.ocr import OCR_OFF, OVER_BUDGET, orientation_available
from crawler.pdftext import HAVE_BINDING

CACHE_VERSION = 2  # bump whenever a change to extraction would give different text for the same bytes


@runtime_checkable
class TextCache(Protocol):
    def cached_text(self, content_hash: str) -> DocumentText | None: ...
    def remember_text(self, content_hash: str, result: DocumentText) -> None: ...


@lru_cache(maxsize=1)
def extraction_signature() -> str:
    """What a cached text depends on besides the bytes. Computed once per process."""
    # poppler's binding and its program give the same text (tests/crawler/test_pdftext.py): either one counts.
    pdftotext = int(HAVE_BINDING or shutil.which("pdftotext") is not None)
    # CACHE_VERSION 2: PDFs also give the Gantt rows of their plans (DocumentText.timeline_rows).
    # 2: OCR that turns sideways and upside-down scans upright first; their old text is read again.
    ocr = (2 if orientation_available() else 1) if ocr_available() else 0
    return f"v{CACHE_VERSION} pdftotext={pdftotext} ocr={ocr}"


# Failures that say nothing about the bytes: a later scan may do better. (A missing OCR engine is covered by
# the signature.) Every timeout message in the crawler says "timed out".
_PASSING = ("timed out", OVER_BUDGET, OCR_OFF)


def cacheable(result: DocumentText) -> bool:
    """Whether a result is worth keeping: not one that a later try may improve."""
    if result.retryable:  # e.g. the scan's OCR budget ran out partway: the next scan may read it all
        return False
    return not (result.error and any(reason in result.error for reason in _PASSING))


_CORE = ("text", "pages", "extractor", "method", "error")


@dataclass(frozen=True)
class CachedText:
    """A stored result as plain values (the storage layer's row shape): the main fields, and the rest of
    DocumentText's fields (OCR page counts, quality, digit trust…) in `details`, so that fields added to
    DocumentText later are kept without a change here."""

    text: str
    pages: int | None
    extractor: str | None
    method: str | None
    error: str | None
    details: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, result: DocumentText) -> CachedText:
        values = dict(vars(result))
        core = {name: values.pop(name, None) for name in _CORE}
        return cls(**core, details=values)

    def restore(self) -> DocumentText:
        result = DocumentText(text=self.text, pages=self.pages, extractor=self.extractor, error=self.error)
        for name, value in [("method", self.method), *self.details.items()]:
            if hasattr(result, name):  # a field DocumentText no longer has is dropped
                setattr(result, name, value)
        return result


class MemoryTextCache:
    """A dict of results by content hash, with hit and miss counts (tests read them)."""

    def __init__(self) -> None:
        self._texts: dict[str, tuple[str, CachedText]] = {}
        self.hits = 0
        self.misses = 0

    def cached_text(self, content_hash: str) -> DocumentText | None:
        entry = self._texts.get(content_hash)
        if entry is None or entry[0] != extraction_signature():
            self.misses += 1
            return None
        self.hits += 1
        return entry[1].restore()

    def remember_text(self, content_hash: str, result: DocumentText) -> None:
        self._texts[content_hash] = (extraction_signature(), CachedText.of(result))

    def __len__(self) -> int:
        return len(self._texts)


class GuardedTextCache:
    """A text cache whose failures cost only time: a lookup that fails is a miss, a store that fails is skipped,
    and each distinct failure is told once to `on_error` (Thai / English), for the crawl's findings."""

    def __init__(self, cache: TextCache, on_error: Callable[[str], None]) -> None:
        self.cache, self.on_error = cache, on_error
        self._told: set[str] = set()

    def cached_text(self, content_hash: str) -> DocumentText | None:
        try:
            return self.cache.cached_text(content_hash)
        except Exception as exc:
            self._tell(exc)
            return None

    def remember_text(self, content_hash: str, result: DocumentText) -> None:
        try:
            self.cache.remember_text(content_hash, result)
        except Exception as exc:
            self._tell(exc)

    def _tell(self, exc: Exception) -> None:
        note = f"ใช้แคชข้อความเอกสารไม่ได้ / document text cache failed: {exc!r}"[:300]
        if note not in self._told:
            self._told.add(note)
            self.on_error(note)
