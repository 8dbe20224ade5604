"""How much one crawl may fetch: pages, documents, the bytes of one answer, and the time.

Pages and documents are counted when their fetch begins, not when it ends, so that workers fetching side by side
cannot together overshoot max_pages / max_documents. The deadline is the event loop's clock (time.monotonic()):
robots.txt, sitemaps, pages, documents, the second pass and the screenshots all stop at it.
"""

from __future__ import annotations

from crawler.settings import CrawlSettings

PAGE_LIMIT = "ถึงจำนวนหน้าสูงสุด / page limit reached"
DOCUMENT_LIMIT = "ถึงจำนวนเอกสารสูงสุด / document limit"


class CrawlBudget:
    def __init__(self, settings: CrawlSettings, deadline: float) -> None:
        self.max_pages, self.max_documents = settings.max_pages, settings.max_documents
        self.page_bytes, self.document_bytes = settings.max_page_bytes, settings.max_document_bytes
        self.deadline = deadline
        self.pages_started = 0
        self.documents_started = 0

    @classmethod
    def starting(cls, settings: CrawlSettings, started: float, deadline: float | None = None) -> CrawlBudget:
        """The budget of a crawl begun at `started`: until `deadline` when the caller set one (a scan keeps time
        to judge and store), else max_duration later."""
        return cls(settings, deadline if deadline is not None else started + settings.max_duration)

    def take(self, is_document: bool) -> str | None:
        """None, with one place taken, or why the budget is spent (Thai / English)."""
        if is_document:
            if self.documents_started >= self.max_documents:
                return DOCUMENT_LIMIT
            self.documents_started += 1
            return None
        if self.pages_started >= self.max_pages:
            return PAGE_LIMIT
        self.pages_started += 1
        return None

    def byte_limit(self, is_document: bool) -> int:
        """The most read of one answer: a document may be larger than a page."""
        return self.document_bytes if is_document else self.page_bytes

    def time_left(self, now: float) -> bool:
        return now < self.deadline
