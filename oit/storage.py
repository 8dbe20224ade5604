"""Scan storage: SQLite by default (any SQLAlchemy URL, e.g. PostgreSQL, via config or OIT_DATABASE).

Each scan is a row that starts as "running" and ends "done" or "failed"; pages, links and documents are
written in batches, each batch its own transaction. A crash mid-scan leaves earlier scans untouched and the
interrupted one visibly "running", never half-written rows of a finished scan. The running scan records the
process that owns it (host, pid, process start time): the next scan that opens the database marks a running
scan whose process is gone "crashed", and leaves one that is still alive (a concurrent scan) alone.

A scan is also the crawler's memory of the previous scan of the same site (crawler/revisit.py): the validators
(ETag, Last-Modified), content hash and links of each page are stored, and an unchanged page is copied from
the previous scan's row inside the database instead of being parsed and compressed again.
"""

from __future__ import annotations

import json
import os
import socket
import time
import zlib
from collections.abc import Hashable, Iterator
from datetime import UTC, date, datetime, timedelta
from hashlib import blake2b
from pathlib import Path
from typing import Any

import psutil
from pydantic import BaseModel
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Insert,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    bindparam,
    create_engine,
    event,
    insert,
    inspect,
    literal,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from crawler.documents import DocumentText
from crawler.models import Document, Link, Page
from crawler.revisit import Known
from crawler.textcache import CachedText, extraction_signature
from rules.site import SiteLink

BATCH_SIZE = 50
# Rows are written at least this often, however few arrived: a scan stopped or killed loses the pages of the last few
# seconds at most, not a whole batch of slow pages (a slow site brings a page every few seconds).
FLUSH_SECONDS = 5.0
WAL_CHECKPOINT_PAGES = 16384  # SQLite's write-ahead log is checkpointed after this many pages (4 kB each)


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
    unchanged: Mapped[int] = mapped_column(Integer, default=0)  # pages and documents reused from the previous scan
    not_asked: Mapped[int] = mapped_column(Integer, default=0)  # of those, taken without a request (revisit policy)
    duration_s: Mapped[float] = mapped_column(Float, default=0.0)
    result_json: Mapped[str | None] = mapped_column(Text)  # the contract JSON of the finished scan
    kind: Mapped[str] = mapped_column(String(20), default="scan")  # scan | recheck (one item re-fetched)
    based_on: Mapped[int | None] = mapped_column(Integer)  # a recheck: the scan whose other results it copies
    # The process that runs the scan: a "running" scan whose process is gone crashed (mark_crashed).
    owner_host: Mapped[str | None] = mapped_column(String(255))
    owner_pid: Mapped[int | None] = mapped_column(Integer)
    owner_started: Mapped[float | None] = mapped_column(Float)  # the process's start time (pids are reused)


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
    etag: Mapped[str | None] = mapped_column(String(500))  # validators, sent back by the next scan
    last_modified: Mapped[str | None] = mapped_column(String(100))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)  # the revisit policy's stamps (crawler/revisit.py)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    links_z: Mapped[bytes | None] = mapped_column(LargeBinary)  # zlib-compressed JSON: the page's links


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
    timeline_rows: Mapped[int | None] = mapped_column(Integer)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)


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


class ScreenshotRow(Base):
    """A picture of an item's evidence page as a browser showed it (crawl setting `screenshots`, oit/rendering.py)."""

    __tablename__ = "screenshots"
    __table_args__ = (UniqueConstraint("scan_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    codes: Mapped[list[str]] = mapped_column(JSON, default=list)  # the items whose evidence it shows
    image: Mapped[bytes] = mapped_column(LargeBinary)  # JPEG
    taken: Mapped[datetime] = mapped_column(DateTime)


class RenderPatternRow(Base):
    """URL patterns of a site whose pages needed the browser (crawler/shells.py), kept between scans."""

    __tablename__ = "render_patterns"
    __table_args__ = (UniqueConstraint("site_url", "pattern"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_url: Mapped[str] = mapped_column(String(2000), index=True)
    pattern: Mapped[str] = mapped_column(String(2000))
    learned: Mapped[datetime] = mapped_column(DateTime)


class StorageError(Exception):
    """The database cannot be opened. The message is for the user, Thai first."""


def open_engine(url: str) -> Engine:
    """The database at `url` (OIT_DATABASE, else [database] url), its tables created or brought up to date.
    Raises StorageError, naming the setting and the value, when the URL or the file cannot be used."""
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        import oit.alerts  # noqa: F401  (defines the alert-state tables on Base, created with the others)

        _create_schema(engine)
    except (ArgumentError, ImportError, DBAPIError) as exc:
        raise StorageError(_unopenable(url, exc)) from exc
    return engine


SCHEMA_ATTEMPTS = 10
_RACED = ("already exists", "duplicate column", "database is locked")


def _create_schema(engine: Engine) -> None:
    """Create the tables and add missing columns, also when other oit processes open the new file at once.

    A cron job and a user starting scans together both find no tables and both run CREATE TABLE: the loser
    gets "table … already exists" (or "database is locked" while the other converts the file to WAL). Both
    steps check what exists first, so the loser simply runs them again."""
    for attempt in range(1, SCHEMA_ATTEMPTS + 1):
        try:
            Base.metadata.create_all(engine)
            _add_missing_columns(engine)
            return
        except OperationalError as exc:
            if attempt == SCHEMA_ATTEMPTS or not any(word in str(exc.orig) for word in _RACED):
                raise
            time.sleep(0.05 * attempt)


def _unopenable(url: str, exc: Exception) -> str:
    setting = "OIT_DATABASE" if os.environ.get("OIT_DATABASE") == url else "[database] url"
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        shown = url
    if isinstance(exc, NoSuchModuleError):
        why = "ไม่รู้จักชนิดฐานข้อมูลนี้ (ใช้ sqlite:///ไฟล์.sqlite) / unknown database kind"
    elif isinstance(exc, ArgumentError):
        why = "ไม่ใช่ URL ของฐานข้อมูล (เช่น sqlite:///oit.sqlite) / not a database URL"
    elif isinstance(exc, ImportError):
        why = f"ไม่ได้ติดตั้งไดรเวอร์ฐานข้อมูล {exc.name or ''} / the database driver is not installed"
    else:
        why = f"เปิดหรือสร้างฐานข้อมูลไม่ได้ ({getattr(exc, 'orig', exc)}) / cannot open or create the database"
        why += _sqlite_folder(url)
    return f"{setting} = {shown}: {why}"


def _sqlite_folder(url: str) -> str:
    """What is wrong with the folder of an SQLite file (sqlite does not say): missing, or a file."""
    try:
        database = make_url(url).database if url.startswith("sqlite") else None
    except ArgumentError:
        return ""
    if not database or database == ":memory:":
        return ""
    folder = Path(database).absolute().parent
    ancestor = folder
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        return f"; {ancestor} เป็นไฟล์ ไม่ใช่โฟลเดอร์ / {ancestor} is a file, not a folder"
    if ancestor != folder:
        return f"; ไม่มีโฟลเดอร์ {folder} / the folder {folder} does not exist"
    return ""


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
    # Checkpoint the log every 64 MB rather than every 4 MB: each checkpoint syncs the database file, and a scan
    # writes tens of MB (a re-scan copying 2,000 pages spent ~0.8 s of its 6 s waiting on a dozen of them). The
    # log is truncated back to that size after a checkpoint.
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    cursor.execute(f"PRAGMA journal_size_limit={WAL_CHECKPOINT_PAGES * 4096}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --- who runs a scan, and whether it still runs --------------------------------------------------------------
CRASHED_TH_EN = (
    "การสแกนหยุดกลางคัน (โปรแกรมถูกปิดหรือเครื่องดับ) ข้อมูลของการสแกนนี้ไม่ครบ จึงไม่ใช้"
    " / the scan was interrupted (process killed or machine down); its data is incomplete and not used"
)
# A running scan of another machine cannot be checked; after this long it is taken as crashed (a scan is bounded
# by [crawl] max_duration, 30 minutes by default).
STALE_AFTER = timedelta(hours=24)


def _owner() -> dict[str, Any]:
    me = psutil.Process()
    return {"owner_host": socket.gethostname(), "owner_pid": me.pid, "owner_started": me.create_time()}


def _process_alive(pid: int, started: float | None) -> bool:
    """The process `pid` still runs and is the one that started the scan (pids are reused)."""
    try:
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        return started is None or abs(process.create_time() - started) < 1.0
    except psutil.NoSuchProcess:
        return False


def _is_dead(scan: ScanRow, host: str, at: datetime) -> bool:
    if scan.owner_host == host and scan.owner_pid is not None:
        return not _process_alive(scan.owner_pid, scan.owner_started)
    # Another machine's scan, or one from an oit that did not record its owner: judged by its age.
    return at - scan.started_at > STALE_AFTER


def mark_crashed(engine: Engine) -> list[int]:
    """Mark every running scan whose process is gone "crashed" (with the reason); returns their ids. A running
    scan whose process is alive is a concurrent scan and is left alone. Its rows stay as they were committed."""
    host, at = socket.gethostname(), now()
    with Session(engine) as session, session.begin():
        running = session.scalars(select(ScanRow).where(ScanRow.state == "running")).all()
        dead = [scan for scan in running if _is_dead(scan, host, at)]
        for scan in dead:
            scan.state, scan.error, scan.finished_at = "crashed", CRASHED_TH_EN, at
        return [scan.id for scan in dead]


def fail_own_scans(engine: Engine, error: str) -> None:
    """Mark this process's running scans failed: the last step of a process that must leave before they end."""
    me = _owner()
    with engine.begin() as conn:
        conn.execute(
            update(ScanRow)
            .where(
                ScanRow.state == "running", ScanRow.owner_host == me["owner_host"], ScanRow.owner_pid == me["owner_pid"]
            )
            .values(state="failed", finished_at=now(), error=error)
        )


# --- a page's links, stored with it so that an unchanged page is not parsed again -----------------------------
_LINK_FIELDS = ("url", "text", "title", "img_alt", "source", "external", "nav")


def pack_links(links: list[Link]) -> bytes:
    """One JSON array per link, one link per line (JSON escapes newlines inside strings), zlib-compressed.

    A line per link lets unpack_links recognise a link it met before by its line alone, without parsing it."""
    rows = (json.dumps([getattr(link, name) for name in _LINK_FIELDS], ensure_ascii=False, separators=(",", ":"))
            for link in links)  # fmt: skip
    return zlib.compress("\n".join(rows).encode("utf-8"), 3)


def unpack_links(blob: bytes | None, interned: dict[Hashable, Link] | None = None) -> list[Link]:
    """The links pack_links stored. With `interned`, a link met before (the site menu on every page) is the same
    object again, found by its stored line: unpacking hundreds of links per page stays cheap, since only lines
    not seen before are parsed."""
    if not blob:
        return []
    interned = {} if interned is None else interned
    packed = zlib.decompress(blob).decode("utf-8")
    if not packed:
        return []
    # Stored before the line format: one JSON array of arrays, parsed whole and keyed by row.
    rows = json.loads(packed) if packed[:2] in ("[[", "[]") else None
    keys = packed.split("\n") if rows is None else [tuple(row) for row in rows]
    links = []
    for n, key in enumerate(keys):
        link = interned.get(key)
        if link is None:
            values = json.loads(key) if rows is None else rows[n]
            # Written by pack_links from validated Links: constructed without validating again.
            link = interned[key] = Link.model_construct(**dict(zip(_LINK_FIELDS, values, strict=True)))
        links.append(link)
    return links


# Columns of a reused page that the new fetch decides; the others are copied from the previous scan's row.
_FRESH_PAGE_COLUMNS = ("url", "final_url", "status", "depth", "content_type", "tls_error", "content_hash", "etag",
                       "last_modified", "verified_at", "changed_at")  # fmt: skip


_LINKS_OF_PAGE = text("SELECT links_z FROM pages WHERE scan_id = :scan AND url = :url")


def _copy_page_statement() -> Insert:
    """INSERT … SELECT of one stored page into a new scan, under fresh fetch facts (executed per batch)."""
    table = PageRow.__table__
    columns = [c.name for c in table.columns if c.name != "id"]
    values = [
        bindparam(f"new_{name}", type_=table.c[name].type)
        if name in (*_FRESH_PAGE_COLUMNS, "scan_id")
        else table.c[name]
        for name in columns
    ]
    source = select(*values).where(table.c.scan_id == bindparam("old_scan"), table.c.url == bindparam("old_url"))
    return insert(PageRow).from_select(columns, source)


class ScanStore:
    """Writes one scan. Also the crawler's sink: pages and documents stream in, batched; and its memory of the
    site's previous scan (crawler.revisit.RevisitSink)."""

    def __init__(
        self,
        engine: Engine,
        site_url: str,
        site_name: str | None,
        year: int,
        as_of: date,
        kind: str = "scan",
        based_on: int | None = None,
    ) -> None:
        self.engine = engine
        self.crashed = mark_crashed(engine)  # scans a killed process left "running"
        with Session(engine) as session, session.begin():
            site = session.scalar(select(SiteRow).where(SiteRow.url == site_url))
            if site is None:
                site = SiteRow(url=site_url, name=site_name)
                session.add(site)
                session.flush()
            elif site_name:
                site.name = site_name
            self.previous_scan_id = session.scalar(
                select(ScanRow.id)
                .where(ScanRow.site_id == site.id, ScanRow.state == "done")
                .order_by(ScanRow.id.desc())
            )
            scan = ScanRow(
                site_id=site.id,
                started_at=now(),
                assessment_year=year,
                as_of=as_of,
                kind=kind,
                based_on=based_on,
                **_owner(),
            )
            session.add(scan)
            session.flush()
            self.scan_id = scan.id
        self._known: dict[str, Known] | None = None  # the previous scan's URLs, read on first use
        self._links_z: dict[str, bytes | None] = {}  # their pages' packed links, read with them
        self._interned_links: dict[Hashable, Link] = {}  # kept for the scan: their ids stay unique (_links_added)
        self._links_added: set[int] = set()
        self._reader: Connection | None = None
        self._reused: list[dict] = []
        self._pages: list[dict] = []
        self._docs: list[dict] = []
        self._links: list[dict] = []
        self._link_keys: set[int] = set()  # 8-byte digests of the (url, label) pairs stored: see _link_key
        self._flushed = time.monotonic()

    # --- the crawler's sink ---------------------------------------------------------------------------
    def add_page(self, page: Page) -> None:
        row = page.model_dump(exclude={"links", "images", "html"})
        row["html_z"] = zlib.compress(page.html.encode("utf-8"), 3) if page.html else None
        row["links_z"] = pack_links(page.links) if page.links else None
        row["scan_id"] = self.scan_id
        self._pages.append(row)
        for link in page.links:
            self._add_link(link, page.url)
        self._flush_due(self._pages)

    def add_external(self, link: Link, from_url: str) -> None:
        self._add_link(link, from_url)

    def add_document(self, document: Document) -> None:
        row = document.model_dump()
        row["scan_id"] = self.scan_id
        self._docs.append(row)
        self._flush_due(self._docs)

    # --- the previous scan (crawler.revisit.RevisitSink) -------------------------------------------------
    def known(self, url: str) -> Known | None:
        if self._known is None:
            self._known = self._load_known()
        return self._known.get(url)

    def stored_links(self, known: Known) -> list[Link]:
        if known.url in self._links_z:  # read with the previous scan's URLs; let go once used
            return unpack_links(self._links_z.pop(known.url), self._interned_links)
        # One connection for the whole scan: checking one out per page would cost more than the page itself.
        if self._reader is None:
            # Autocommit: no read transaction stays open between pages (SQLite could not checkpoint its log).
            self._reader = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        blob = self._reader.execute(_LINKS_OF_PAGE, {"scan": self.previous_scan_id, "url": known.url}).scalar()
        return unpack_links(blob, self._interned_links)

    def reuse_page(self, page: Page, known: Known) -> None:
        row = {f"new_{name}": getattr(page, name) for name in _FRESH_PAGE_COLUMNS}
        self._reused.append(
            {**row, "new_scan_id": self.scan_id, "old_scan": self.previous_scan_id, "old_url": known.url}
        )
        for link in page.links:
            if id(link) not in self._links_added:  # interned: the site menu is recorded once, not per page
                self._links_added.add(id(link))
                self._add_link(link, page.url)
        self._flush_due(self._reused)

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _load_known(self) -> dict[str, Known]:
        """The previous scan's readable pages, and its documents whose text the cache holds for this reader
        version (a document read with an older reader, or cut short, is read again)."""
        if self.previous_scan_id is None:
            return {}
        fields = ("url", "final_url", "status", "content_type", "content_hash", "etag", "last_modified",
                  "verified_at", "changed_at")  # fmt: skip
        # The pages' stored links come along (~1-4 kB compressed each, held until the page is met): one query
        # instead of one per page, which would cost a re-scan more than the rest of an unchanged page.
        pages = select(*(getattr(PageRow, f) for f in fields), PageRow.links_z).where(
            PageRow.scan_id == self.previous_scan_id,
            PageRow.error.is_(None),
            PageRow.content_hash.is_not(None),
            PageRow.html_z.is_not(None),
            PageRow.needs_browser.is_(False),  # a JavaScript shell the browser could not render: try again
        )
        documents = (
            select(*(getattr(DocumentRow, f) for f in fields), DocumentRow.size)
            .join(DocumentTextRow, DocumentTextRow.content_hash == DocumentRow.content_hash)
            .where(DocumentRow.scan_id == self.previous_scan_id, DocumentTextRow.version == extraction_signature())
        )
        known: dict[str, Known] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(pages):
                facts = row._asdict()
                self._links_z[row.url] = facts.pop("links_z")
                known[row.url] = Known(kind="page", **facts)
            for row in conn.execute(documents):
                known.setdefault(row.url, Known(kind="document", **row._asdict()))
        return known

    def previous_evidence(self) -> set[str]:
        """Every evidence and component evidence URL of the previous scan's items, and the pages that link to them:
        where a change matters the next morning, so a re-scan asks for them whatever the revisit policy says."""
        if self.previous_scan_id is None:
            return set()
        query = select(ItemRow.result).where(ItemRow.scan_id == self.previous_scan_id)
        urls: set[str] = set()
        with self.engine.connect() as conn:
            for (result,) in conn.execute(query):
                urls.update(e["url"] for e in result.get("evidence") or [])
                urls.update(c["evidence_url"] for c in result.get("components") or [] if c.get("evidence_url"))
            # The pages that link to the evidence (the ITA index page, a listing of announcements): a new link there
            # is how new evidence appears. Links are stored once per scan, with the first page seen to have them.
            linking = select(LinkRow.from_url).where(LinkRow.scan_id == self.previous_scan_id, LinkRow.url.in_(urls))
            urls.update(conn.execute(linking).scalars())
        return urls

    def copy_rest_from(self, scan_id: int) -> None:
        """Copy, inside the database, every page, document and link of scan `scan_id` that this scan did not
        fetch itself (oit recheck fetches one item's evidence and takes the rest of the site from the latest
        scan). Links found on pages fetched again are not copied: those pages say what they link to now."""
        self.flush()
        with self.engine.begin() as conn:
            # Links first: "pages fetched again" are the pages this scan holds before the copy.
            links = LinkRow.__table__
            columns = [c.name for c in links.columns if c.name not in ("id", "scan_id")]
            refetched = select(PageRow.url).where(PageRow.scan_id == self.scan_id)
            ours = select(links.c.url, links.c.label).where(links.c.scan_id == self.scan_id)
            source = select(literal(self.scan_id), *(links.c[c] for c in columns)).where(
                links.c.scan_id == scan_id,
                links.c.from_url.not_in(refetched),
                tuple_(links.c.url, links.c.label).not_in(ours),
            )
            conn.execute(insert(LinkRow).from_select(["scan_id", *columns], source))
            for row_class in (PageRow, DocumentRow):
                table = row_class.__table__
                columns = [c.name for c in table.columns if c.name not in ("id", "scan_id")]
                fetched = select(table.c.url).where(table.c.scan_id == self.scan_id)
                source = select(literal(self.scan_id), *(table.c[c] for c in columns)).where(
                    table.c.scan_id == scan_id, table.c.url.not_in(fetched)
                )
                conn.execute(insert(row_class).from_select(["scan_id", *columns], source))

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
        key = _link_key(link.url, link.label)
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

    def _flush_due(self, batch: list[dict]) -> None:
        """Write the buffered rows when a batch is full or the last write is FLUSH_SECONDS old."""
        if len(batch) >= BATCH_SIZE or time.monotonic() - self._flushed >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self._flushed = time.monotonic()
        with self.engine.begin() as conn:
            if self._pages:
                conn.execute(insert(PageRow), self._pages)
            if self._reused:
                conn.execute(_copy_page_statement(), self._reused)
            if self._docs:
                conn.execute(insert(DocumentRow), self._docs)
            if self._links:
                conn.execute(insert(LinkRow), self._links)
        self._pages, self._docs, self._links, self._reused = [], [], [], []

    # --- the end of a scan ----------------------------------------------------------------------------
    def finish(
        self,
        result_json: str,
        items: list[dict],
        pages: int,
        documents: int,
        errors: int,
        duration_s: float,
        unchanged: int = 0,
        not_asked: int = 0,
    ) -> None:
        self._close_reader()
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
                    unchanged=unchanged,
                    not_asked=not_asked,
                )
            )

    def fail(self, error: str) -> None:
        """The scan ended without a result: the pages it read are kept (written now), the row says why."""
        self._close_reader()
        try:
            self.flush()
        except Exception:  # the database itself may be what failed: the state below matters more
            self._pages, self._docs, self._links, self._reused = [], [], [], []
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
        """(url, title, headings) of every readable page (tests and tools; the rule engine streams them)."""
        return list(self.iter_page_summaries())

    def iter_page_summaries(self) -> Iterator[tuple[str, str, list[str]]]:
        """(url, title, headings) of every readable page, in crawl order, streamed from the cursor: the engine keeps
        the few pages whose title names an item, whatever the size of the site."""
        query = (
            select(PageRow.url, PageRow.title, PageRow.headings)
            .where(PageRow.scan_id == self.scan_id, PageRow.error.is_(None))
            .order_by(PageRow.id)
        )
        with self.engine.connect().execution_options(stream_results=True) as conn:
            for row in conn.execute(query):
                yield row.url, row.title, list(row.headings or [])

    def links(self) -> list[Link]:
        """Every unique link as a Link (tests and tools; the rule engine streams them: iter_links)."""
        return [Link(url=link.url, text=link.label, external=link.external) for link in self.iter_links()]

    def link_labels(self) -> Iterator[str]:
        """The distinct labels, each once, streamed from the cursor: the engine names each label once."""
        query = select(LinkRow.label).where(LinkRow.scan_id == self.scan_id).distinct()
        with self.engine.connect().execution_options(stream_results=True) as conn:
            for row in conn.execute(query):
                yield row.label

    def iter_links(self) -> Iterator[SiteLink]:
        """Every unique (url, label) pair as a light tuple, streamed: ~42,000 on a 2,000-page text site, of which
        the engine keeps the few that can name an item."""
        query = (
            select(LinkRow.url, LinkRow.label, LinkRow.external)
            .where(LinkRow.scan_id == self.scan_id)
            .order_by(LinkRow.id)
        )
        with self.engine.connect().execution_options(stream_results=True) as conn:
            for row in conn.execute(query):
                yield SiteLink(row.url, row.label, bool(row.external))

    def labels_to(self, url: str) -> list[str]:
        query = select(LinkRow.label).where(LinkRow.scan_id == self.scan_id, LinkRow.url == url).order_by(LinkRow.id)
        with self.engine.connect() as conn:
            return [row.label for row in conn.execute(query)]

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
            labels = self.labels_to(url)
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


def _link_key(url: str, label: str) -> int:
    """A (url, label) pair as a 64-bit digest: the dedupe set of a scan holds one small int per link instead of the
    strings (and the UTF-8 copies SQLite binding caches inside them), ~19 MB on a 2,000-page site with 42,000
    distinct links. Two pairs share a digest about once in 10^9 scans of 200,000 links: one link row is then not stored."""
    digest = blake2b(f"{url}\n{label}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


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
