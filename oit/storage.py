"""Scan storage: SQLite by default (any SQLAlchemy URL, e.g. PostgreSQL, via config or OIT_DATABASE).

Each scan is a row that starts as "running" and ends "done" or "failed"; pages, links and documents are
written in batches, each batch its own transaction. A crash mid-scan leaves earlier scans untouched and the
interrupted one visibly "running" (later marked "crashed"), never half-written rows of a finished scan.
"""

from __future__ import annotations

import json
import zlib
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    insert,
    inspect,
    literal,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from crawler.documents import DocumentText
from crawler.models import Document, Link, Page
from crawler.textcache import CachedText, extraction_signature

BATCH_SIZE = 50


class Base(DeclarativeBase):
    pass


class SiteRow(Base):
    __tablename__ = "sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    name: Mapped[str | None] = mapped_column(String(500))


class ScanRow(Base):
    __tablename__ = "scans"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(20), default="running")  # running | done | failed | crashed
    error: Mapped[str | None] = mapped_column(Text)
    assessment_year: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[date] = mapped_column(Date)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    duration_s: Mapped[float] = mapped_column(Float, default=0.0)
    result_json: Mapped[str | None] = mapped_column(Text)  # the contract JSON of the finished scan


class PageRow(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("scan_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    final_url: Mapped[str] = mapped_column(String(2000))
    status: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(200), default="")
    encoding: Mapped[str | None] = mapped_column(String(50))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text, default="")
    headings: Mapped[list[str]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text, default="")
    html_z: Mapped[bytes | None] = mapped_column(LargeBinary)  # zlib-compressed decoded HTML
    depth: Mapped[int] = mapped_column(Integer, default=0)
    tls_error: Mapped[bool] = mapped_column(Boolean, default=False)
    needs_browser: Mapped[bool] = mapped_column(Boolean, default=False)


class LinkRow(Base):
    """Unique (target, label) pairs of a scan: a mega menu repeated on 2,000 pages is stored once."""

    __tablename__ = "links"
    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id"), index=True)
    from_url: Mapped[str] = mapped_column(String(2000))
    url: Mapped[str] = mapped_column(String(2000))
    label: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="a")
    external: Mapped[bool] = mapped_column(Boolean, default=False)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("scan_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    final_url: Mapped[str] = mapped_column(String(2000))
    status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[int | None] = mapped_column(Integer)
    extractor: Mapped[str | None] = mapped_column(String(50))
    error: Mapped[str | None] = mapped_column(Text)
    referrers: Mapped[list[str]] = mapped_column(JSON, default=list)
    link_texts: Mapped[list[str]] = mapped_column(JSON, default=list)
    ocr_pages: Mapped[int] = mapped_column(Integer, default=0)
    method: Mapped[str | None] = mapped_column(String(20))  # text_layer | ocr | mixed
    quality: Mapped[float | None] = mapped_column(Float)
    ocr_digits_untrusted: Mapped[bool] = mapped_column(Boolean, default=False)


class DocumentTextRow(Base):
    """Extracted text by content hash, shared by all scans: an unchanged document is read (and OCR'd) once."""

    __tablename__ = "document_texts"
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(100))  # crawler.textcache.extraction_signature() when read
    text: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[int | None] = mapped_column(Integer)
    extractor: Mapped[str | None] = mapped_column(String(50))
    method: Mapped[str | None] = mapped_column(String(50))
    error: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict] = mapped_column(JSON, default=dict)  # DocumentText's other fields (OCR pages, quality…)
    created: Mapped[datetime] = mapped_column(DateTime)


class ItemRow(Base):
    __tablename__ = "item_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    result: Mapped[dict] = mapped_column(JSON)


def open_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    Base.metadata.create_all(engine)
    _add_missing_columns(engine)
    return engine


def _add_missing_columns(engine: Engine) -> None:
    """Bring a database made by an earlier oit up to date by adding the columns it lacks.

    Only additive changes are handled this way (create_all never alters an existing table); renames or
    drops will need a migration tool. Each new column gets its model default, so old rows stay valid.
    """
    inspector = inspect(engine)
    with engine.begin() as conn:
        for table in Base.metadata.sorted_tables:
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present:
                    conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {_column_sql(column, engine)}"))


def _column_sql(column: Column, engine: Engine) -> str:
    sql = f"{column.name} {column.type.compile(dialect=engine.dialect)}"
    default = column.default.arg if column.default is not None and column.default.is_scalar else None
    if default is not None:
        sql += " DEFAULT " + str(literal(default).compile(engine, compile_kwargs={"literal_binds": True}))
    return sql


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL keeps readers and the crash-safety of committed batches; NORMAL sync is durable across app crashes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ScanStore:
    """Writes one scan. Also the crawler's sink: pages and documents stream in, batched."""

    def __init__(self, engine: Engine, site_url: str, site_name: str | None, year: int, as_of: date) -> None:
        self.engine = engine
        with Session(engine) as session, session.begin():
            site = session.scalar(select(SiteRow).where(SiteRow.url == site_url))
            if site is None:
                site = SiteRow(url=site_url, name=site_name)
                session.add(site)
                session.flush()
            elif site_name:
                site.name = site_name
            scan = ScanRow(site_id=site.id, started_at=now(), assessment_year=year, as_of=as_of)
            session.add(scan)
            session.flush()
            self.scan_id = scan.id
        self._pages: list[dict] = []
        self._docs: list[dict] = []
        self._links: list[dict] = []
        self._link_keys: set[tuple[str, str]] = set()

    # --- the crawler's sink ---------------------------------------------------------------------------
    def add_page(self, page: Page) -> None:
        row = page.model_dump(exclude={"links", "images", "html"})
        row["html_z"] = zlib.compress(page.html.encode("utf-8"), 3) if page.html else None
        row["scan_id"] = self.scan_id
        self._pages.append(row)
        for link in page.links:
            self._add_link(link, page.url)
        if len(self._pages) >= BATCH_SIZE:
            self.flush()

    def add_external(self, link: Link, from_url: str) -> None:
        self._add_link(link, from_url)

    def add_document(self, document: Document) -> None:
        row = document.model_dump()
        row["scan_id"] = self.scan_id
        self._docs.append(row)
        if len(self._docs) >= BATCH_SIZE:
            self.flush()

    # --- the crawler's text cache (crawler.textcache.TextCache) ----------------------------------------
    def cached_text(self, content_hash: str) -> DocumentText | None:
        with Session(self.engine) as session:
            row = session.get(DocumentTextRow, content_hash)
            if row is None or row.version != extraction_signature():
                return None
            return CachedText(
                row.text, row.pages, row.extractor, row.method, row.error, dict(row.details or {})
            ).restore()

    def remember_text(self, content_hash: str, result: DocumentText) -> None:
        """Stored at once, in its own transaction: a scan that crashes later still saves the next one the work."""
        cached = CachedText.of(result)
        values = {
            "version": extraction_signature(),
            "text": cached.text,
            "pages": cached.pages,
            "extractor": cached.extractor,
            "method": cached.method,
            "error": cached.error,
            "details": cached.details,
            "created": now(),
        }
        try:
            with Session(self.engine) as session, session.begin():
                session.merge(DocumentTextRow(content_hash=content_hash, **values))  # replaces a stale version
        except IntegrityError:
            pass  # another scan stored the same document a moment ago: its text is as good

    def _add_link(self, link: Link, from_url: str) -> None:
        key = (link.url, link.label)
        if key in self._link_keys:
            return
        self._link_keys.add(key)
        self._links.append(
            {
                "scan_id": self.scan_id,
                "from_url": from_url,
                "url": link.url,
                "label": link.label,
                "source": link.source,
                "external": link.external,
            }
        )

    def flush(self) -> None:
        with self.engine.begin() as conn:
            if self._pages:
                conn.execute(insert(PageRow), self._pages)
            if self._docs:
                conn.execute(insert(DocumentRow), self._docs)
            if self._links:
                conn.execute(insert(LinkRow), self._links)
        self._pages, self._docs, self._links = [], [], []

    # --- the end of a scan ----------------------------------------------------------------------------
    def finish(
        self, result_json: str, items: list[dict], pages: int, documents: int, errors: int, duration_s: float
    ) -> None:
        self.flush()
        with self.engine.begin() as conn:
            if items:
                conn.execute(
                    insert(ItemRow),
                    [{"scan_id": self.scan_id, "code": i["code"], "status": i["status"], "result": i} for i in items],
                )
            conn.execute(
                update(ScanRow)
                .where(ScanRow.id == self.scan_id)
                .values(
                    state="done",
                    finished_at=now(),
                    result_json=result_json,
                    pages=pages,
                    documents=documents,
                    errors=errors,
                    duration_s=duration_s,
                )
            )

    def fail(self, error: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(ScanRow).where(ScanRow.id == self.scan_id).values(state="failed", finished_at=now(), error=error)
            )


class StoredSite:
    """Read access to one stored scan, shaped for the rule engine (see rules.site.SiteData)."""

    def __init__(self, engine: Engine, scan_id: int, start_url: str) -> None:
        self.engine = engine
        self.scan_id = scan_id
        self.start_url = start_url

    def page_summaries(self) -> list[tuple[str, str, list[str]]]:
        """(url, title, headings) of every readable page."""
        query = select(PageRow.url, PageRow.title, PageRow.headings).where(
            PageRow.scan_id == self.scan_id, PageRow.error.is_(None)
        )
        with self.engine.connect() as conn:
            return [(r.url, r.title, list(r.headings or [])) for r in conn.execute(query)]

    def links(self) -> list[Link]:
        query = select(LinkRow).where(LinkRow.scan_id == self.scan_id)
        with Session(self.engine) as session:
            return [
                Link(url=r.url, text=r.label, source=r.source, external=r.external)  # type: ignore[arg-type]
                for r in session.scalars(query)
            ]

    def page(self, url: str, _hops: int = 0) -> Page | None:
        """The page stored for `url`: under that URL, or as the final URL of a redirect."""
        with Session(self.engine) as session:
            row = session.scalar(select(PageRow).where(PageRow.scan_id == self.scan_id, PageRow.url == url))
            if row is None:
                query = select(PageRow).where(PageRow.scan_id == self.scan_id, PageRow.final_url == url)
                row = session.scalar(query.order_by(PageRow.html_z.is_(None)).limit(1))
            if row is None:
                return None
            if _is_alias(row) and _hops < 3:
                return self.page(row.final_url, _hops + 1)
            html = zlib.decompress(row.html_z).decode("utf-8") if row.html_z else ""
            return Page(**_columns(row, Page), html=html)

    def document(self, url: str) -> Document | None:
        query = select(DocumentRow).where(DocumentRow.scan_id == self.scan_id, DocumentRow.url == url)
        with Session(self.engine) as session:
            row = session.scalar(query)
            if row is None:
                return None
            document = Document(**_columns(row, Document))
            # The crawler saw the document through its first link only; every label used for it counts.
            labels = session.scalars(select(LinkRow.label).where(LinkRow.scan_id == self.scan_id, LinkRow.url == url))
            document.link_texts = list(dict.fromkeys([*document.link_texts, *(label for label in labels if label)]))
            return document

    def pages_containing(self, phrase: str, limit: int = 20) -> list[str]:
        query = (
            select(PageRow.url)
            .where(PageRow.scan_id == self.scan_id, PageRow.text.contains(phrase))
            .order_by(PageRow.depth)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [r.url for r in conn.execute(query)]


def _columns(row: Base, model: type[BaseModel]) -> dict[str, Any]:
    """The row's values for the model's fields that are stored as columns (lists copied out of the session)."""
    values = {}
    for name in model.model_fields:
        if name in row.__table__.columns:
            value = getattr(row, name)
            values[name] = list(value) if isinstance(value, list) else value
    return values


def _is_alias(row: PageRow) -> bool:
    """A redirect to a page crawled under its own URL: no content of its own."""
    return row.final_url != row.url and row.html_z is None and row.error is None


def scan_result_json(engine: Engine, scan_id: int) -> dict | None:
    with Session(engine) as session:
        row = session.get(ScanRow, scan_id)
        return json.loads(row.result_json) if row and row.result_json else None
