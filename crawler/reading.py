"""The document step: a fetched file becomes a Document record with its text.

The text comes from the text cache when these bytes were read before (crawler/textcache.py), else it is
extracted (crawler/documents.py) within extract_timeout and the crawl's OCR budget. Never raises: a file that
breaks a reader is an unreadable document, not a failed scan. One reader per crawl (its OCR budget is the
crawl's); it counts into the crawl's result what was read, what came from the cache and what was unchanged.
"""

from __future__ import annotations

import asyncio

from crawler.documents import DocumentText, extract_text
from crawler.fetcher import FetchResult
from crawler.frontier import Request
from crawler.models import CrawlResult, Document
from crawler.ocr import OcrBudget
from crawler.revisit import Known, content_hash, stamps, unchanged, utc_now
from crawler.settings import CrawlSettings
from crawler.textcache import TextCache, cacheable

TOO_LARGE = "ไฟล์ใหญ่เกินกำหนด / document larger than the size limit"
NOT_A_FILE = "ได้รับหน้าเว็บแทนไฟล์ (ไฟล์อาจไม่ได้เปิดให้ทุกคนเข้าถึง) / got a web page, not the file (shared publicly?)"


class DocumentReader:
    def __init__(self, settings: CrawlSettings, cache: TextCache | None = None) -> None:
        self.cache = cache
        self.timeout = settings.extract_timeout
        self.ocr_budget = OcrBudget(settings.max_ocr_pages, settings.max_ocr_pages_per_document)

    async def document(
        self, request: Request, fetched: FetchResult, kind: str | None, known: Known | None, result: CrawlResult
    ) -> Document:
        """The record of the file `request` asked for: its text, or why there is none. `kind` is the document
        kind (crawler/documents.py, kind_of), None when the answer was no file; `known` the previous scan's copy."""
        doc = Document(
            url=request.url,
            final_url=fetched.final_url,
            status=fetched.status,
            content_type=fetched.content_type,
            size=len(fetched.body),
            referrers=[request.referrer] if request.referrer else [],
            link_texts=[request.label] if request.label else [],
        )
        if fetched.error or (fetched.status or 0) >= 400:
            doc.error = fetch_error(fetched)
        elif fetched.truncated:
            doc.error = TOO_LARGE
        elif kind is None:
            doc.error = NOT_A_FILE
        else:
            doc.content_hash = content_hash(fetched, known)
            doc.etag, doc.last_modified = fetched.headers.get("etag"), fetched.headers.get("last-modified")
            same = unchanged(fetched, known, doc.content_hash)
            doc.verified_at, doc.changed_at = stamps(fetched, known, same, utc_now())
            if known and same:
                result.unchanged += 1  # not downloaded again (304), or the same bytes: the cache has its text
                doc.size = doc.size or known.size
            text = await self.text(fetched.body, kind, doc.content_hash, result)
            doc.text, doc.pages, doc.extractor, doc.error = text.text, text.pages, text.extractor, text.error
            doc.ocr_pages, doc.method, doc.quality = text.ocr_pages, text.method, text.quality
            doc.ocr_digits_untrusted, doc.timeline_rows = text.ocr_digits_untrusted, text.timeline_rows
        return doc

    async def text(self, body: bytes, kind: str, digest: str, result: CrawlResult) -> DocumentText:
        """The document's text: from the cache when these bytes were read before, else extracted within the
        time limit."""
        cached = self.cache.cached_text(digest) if self.cache is not None else None
        if cached is not None:
            result.texts_cached += 1
            return cached
        result.texts_read += 1
        try:
            text = await asyncio.wait_for(extract_text(body, kind, self.ocr_budget), self.timeout)
        except TimeoutError:
            text = DocumentText(error=f"อ่านเอกสารนานเกินกำหนด ({self.timeout:g} วินาที) / document reading timed out")
        except Exception as exc:
            text = DocumentText(error=f"อ่านเอกสารไม่ได้ / reading failed: {exc!r}"[:300])
        if self.cache is not None and cacheable(text):
            self.cache.remember_text(digest, text)
        return text


def fetch_error(fetched: FetchResult) -> str:
    """Why a fetch gave nothing to read, with the HTTP status when the server answered one (Thai / English)."""
    status = fetched.status or 0
    if status >= 400:
        return f"HTTP {status}: {fetched.error}" if fetched.error else f"HTTP {status}"
    return fetched.error or f"HTTP {status}"
