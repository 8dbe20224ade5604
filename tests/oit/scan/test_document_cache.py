"""The document-text cache: scanning the same site twice reads each document once; texts live in the database
by content hash, shared by scans; stale or passing results are read again."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine, Row

from crawler.documents import DocumentText
from crawler.engine import Crawler, MemorySink
from crawler.models import CrawlResult
from crawler.textcache import MemoryTextCache, cacheable
from oit.store.database import DOCUMENT_TEXTS, DOCUMENTS, ScanStore, open_engine
from tests.crawler.support import LocalServer, Reply, fast_settings, make_pdf, page, pdf_reply

FIXTURES = Path(__file__).parents[2] / "fixtures" / "documents"
NOGIFT = make_pdf(["No Gift Policy 2569", "Nakhlang Municipality: no gifts in fiscal year 2569."])
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as srv:
        yield srv


def build_site(server: LocalServer) -> None:
    server.routes["/"] = page(
        '<a href="/files/nogift.pdf">ประกาศ No Gift Policy</a>'
        '<a href="/files/nogift-copy.pdf">ประกาศ (สำเนา)</a>'  # the same bytes under another URL
        '<a href="/files/announcement.docx">ประกาศ (Word)</a>'
        '<a href="/files/sko1.xlsx">สขร.1</a>'
        '<a href="/files/locked.pdf">ไฟล์เข้ารหัส</a>'
    )
    server.routes["/files/nogift.pdf"] = pdf_reply(NOGIFT)
    server.routes["/files/nogift-copy.pdf"] = pdf_reply(NOGIFT)
    server.routes["/files/announcement.docx"] = Reply(
        body=(FIXTURES / "announcement-nogift-2569.docx").read_bytes(), content_type=DOCX_TYPE
    )
    server.routes["/files/sko1.xlsx"] = Reply(
        body=(FIXTURES / "sko1-procurement-2568.xlsx").read_bytes(), content_type="application/octet-stream"
    )
    server.routes["/files/locked.pdf"] = pdf_reply((FIXTURES / "hostile_encrypted.pdf").read_bytes())


def scan_into_store(engine: Engine, url: str) -> tuple[CrawlResult, int]:
    store = ScanStore(engine, url, "เทศบาลตำบลนากลาง", 2569, date(2026, 5, 15))
    # One worker: the two copies of the same PDF are read one after the other, so the second hits the cache.
    result = asyncio.run(Crawler(fast_settings(concurrency=1), store).run(url))
    store.finish("{}", [], result.pages, result.documents, result.errors, result.duration_s)
    return result, store.scan_id


def documents_of(engine: Engine, scan_id: int) -> dict[str, Row]:
    with engine.connect() as conn:
        rows = conn.execute(select(DOCUMENTS).where(DOCUMENTS.c.scan_id == scan_id)).all()
    return {row.url.rsplit("/", 1)[-1]: row for row in rows}


def test_scanning_twice_reads_each_document_once(server: LocalServer, tmp_path: Path) -> None:
    build_site(server)
    engine = open_engine(f"sqlite:///{tmp_path / 'oit.sqlite'}")

    first, first_id = scan_into_store(engine, server.url())
    assert first.documents == 5
    assert (first.texts_read, first.texts_cached) == (4, 1)  # the copy of nogift.pdf is the one hit
    second, second_id = scan_into_store(engine, server.url())
    assert (second.texts_read, second.texts_cached) == (0, 5)
    assert server.count("/files/nogift.pdf") == 2  # fetched each scan (the bytes decide), read once

    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(DOCUMENT_TEXTS)) == 4
    before, after = documents_of(engine, first_id), documents_of(engine, second_id)
    for name, row in after.items():
        assert (row.text, row.error, row.extractor, row.pages, row.content_hash) == (
            before[name].text, before[name].error, before[name].extractor, before[name].pages,
            before[name].content_hash,
        ), name  # fmt: skip
    assert "No Gift Policy 2569" in after["nogift.pdf"].text
    assert "ราคากลาง" in after["sko1.xlsx"].text
    assert after["locked.pdf"].error is not None and "encrypted" in after["locked.pdf"].error


def test_texts_read_another_way_are_read_again(server: LocalServer, tmp_path: Path) -> None:
    """A text stored by an older reader (another signature) is not used: it is read and replaced."""
    build_site(server)
    engine = open_engine(f"sqlite:///{tmp_path / 'oit.sqlite'}")
    scan_into_store(engine, server.url())
    with engine.begin() as conn:
        conn.execute(update(DOCUMENT_TEXTS).values(version="v0 older reader", text="stale"))

    again, scan_id = scan_into_store(engine, server.url())
    assert (again.texts_read, again.texts_cached) == (4, 1)
    assert "No Gift Policy 2569" in documents_of(engine, scan_id)["nogift.pdf"].text
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).where(DOCUMENT_TEXTS.c.version == "v0 older reader")) == 0


def test_memory_sinks_share_a_cache(server: LocalServer) -> None:
    build_site(server)
    cache = MemoryTextCache()
    first = asyncio.run(Crawler(fast_settings(concurrency=1), MemorySink(cache)).run(server.url()))
    second = asyncio.run(Crawler(fast_settings(concurrency=1), MemorySink(cache)).run(server.url()))
    assert (first.texts_read, second.texts_read, second.texts_cached) == (4, 0, 5)
    assert len(cache) == 4 and cache.hits == 6


def test_passing_failures_are_not_remembered() -> None:
    assert not cacheable(DocumentText(error="อ่านเอกสารนานเกินกำหนด / document reading timed out"))
    assert cacheable(DocumentText(error="ไฟล์ถูกเข้ารหัส / encrypted"))
    assert cacheable(DocumentText(text="ประกาศ", extractor="pdftotext"))


class BrokenCacheSink(MemorySink):
    def cached_text(self, content_hash: str) -> DocumentText | None:
        raise RuntimeError("database is locked")


def test_a_broken_cache_costs_time_not_the_scan(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/files/nogift.pdf">ประกาศ No Gift Policy</a>')
    server.routes["/files/nogift.pdf"] = pdf_reply(NOGIFT)
    sink = BrokenCacheSink()
    result = asyncio.run(Crawler(fast_settings(), sink).run(server.url()))
    [document] = sink.documents
    assert document.readable and result.texts_read == 1
    assert any("text cache failed" in note for note in result.findings)


def test_a_result_cut_short_by_the_ocr_budget_is_not_cached() -> None:
    """A later scan, with a fresh OCR budget, may read the whole document: keeping the partial text would
    freeze it as "unreadable" for every later scan."""
    from crawler.documents import DocumentText
    from crawler.textcache import cacheable

    assert cacheable(DocumentText(text="ประกาศเจตนารมณ์", pages=3))
    assert not cacheable(DocumentText(text="ประกาศ", pages=3, retryable=True))
