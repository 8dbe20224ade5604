"""Scan storage: SQLite by default (any SQLAlchemy URL, e.g. PostgreSQL, via config or OIT_DATABASE).

Each scan is a row that starts as "running" and ends "done" or "failed"; pages, links and documents are
written in batches, each batch its own transaction. A crash mid-scan leaves earlier scans untouched and the
interrupted one visibly "running", never half-written rows of a finished scan. The running scan records the
process that owns it (host, PID namespace, pid, process start time) and holds a lease it renews while it runs
(ScanLeases): the next scan that opens the database marks a running scan "crashed" when its process is gone (this
host and namespace) or its lease ran out (another machine or container), and leaves a live one (a concurrent scan)
alone.

A scan is also the crawler's memory of the previous scan of the same site (crawler/revisit.py): the validators
(ETag, Last-Modified), content hash and links of each page are stored, and an unchanged page is copied from
the previous scan's row inside the database instead of being parsed and compressed again.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import socket
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Hashable, Iterator, Sized
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar

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
    MetaData,
    Select,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    bindparam,
    create_engine,
    event,
    insert,
    literal,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.engine import Connection, Dialect, Engine, Row, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from crawler.documents import DocumentText
from crawler.keyset import KEY_MASK, KeySet
from crawler.models import Document, Link, Page
from crawler.revisit import Known
from crawler.textcache import CachedText, extraction_signature
from oit.store.migrate import migrate
from rules.site import SiteLink

# Pages wait in memory with their whole text until written: 20 pages of a 40 kB Thai news site hold ~2 MB less than
# 50 did, and one transaction per 20 pages still costs little next to fetching them.
BATCH_SIZE = 20
RECENT_LINKS = 512  # repeated Link objects ScanStore remembers having stored: more than a site menu and its footer
# Rows are written at least this often, however few arrived: a scan stopped or killed loses the pages of the last few
# seconds at most, not a whole batch of slow pages (a slow site brings a page every few seconds).
FLUSH_SECONDS = 5.0
WAL_CHECKPOINT_BYTES = 64 << 20  # SQLite's write-ahead log is checkpointed once it holds this much
# A new database file is made of 8 kB pages instead of SQLite's 4 kB: a stored page (its text and compressed HTML,
# ~40 kB) spans half as many overflow pages, each with its own log frame and checksum, which took a quarter of
# the CPU of writing a 2,000-page scan. A file made before keeps its page size (SQLite cannot change it in WAL mode).
PAGE_SIZE = 8192
WAL_ATTEMPTS = 50  # tries at switching a new file to WAL, ~25 s in all (_switch_to_wal)


# One MetaData for every table of oit (the alert tables too, so that it is complete without importing oit.watch.alerts):
# SQLAlchemy Core, not the ORM. A scan process never imports sqlalchemy.orm (5.6 MB of RSS and the mapped classes
# in every process). Alembic's target: a change here needs a revision in migrations/versions (oit/store/migrate.py),
# which tests/oit/store/test_migrations.py checks by comparing the migrated database with these tables.
metadata = MetaData()


class _PostgresText(TypeDecorator[str]):
    """TEXT in PostgreSQL, without NUL characters, which PostgreSQL refuses in text (and with it the scan's whole
    batch): a page of a misdetected UTF-16 charset or a PDF's text layer can hold them, and they carry no words."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return value.replace("\x00", "") if value and "\x00" in value else value


def _text(length: int | None = None) -> String:
    """VARCHAR(length) (TEXT without one) in SQLite, as the tables always were (SQLite enforces no length); TEXT in
    PostgreSQL, which would refuse a real site's 2,001-character URL or long Content-Type header."""
    return (String(length) if length else Text()).with_variant(_PostgresText(), "postgresql")


SITES = Table(
    "sites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", _text(2000), unique=True, nullable=False),
    Column("name", _text(500)),
)

SCANS = Table(
    "scans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("site_id", Integer, ForeignKey("sites.id"), index=True, nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("state", _text(20), default="running", nullable=False),  # running | done | failed | crashed
    Column("error", _text()),
    Column("assessment_year", Integer, nullable=False),
    Column("as_of", Date, nullable=False),
    Column("pages", Integer, default=0, nullable=False),
    Column("documents", Integer, default=0, nullable=False),
    Column("errors", Integer, default=0, nullable=False),
    Column("unchanged", Integer, default=0, nullable=False),  # pages and documents reused from the previous scan
    Column("not_asked", Integer, default=0, nullable=False),  # of those, taken without a request (revisit policy)
    Column("duration_s", Float, default=0.0, nullable=False),
    Column("result_json", _text()),  # the contract JSON of the finished scan
    Column("kind", _text(20), default="scan", nullable=False),  # scan | recheck (one item re-fetched)
    Column("based_on", Integer),  # a recheck: the scan whose other results it copies
    # The process that runs the scan: a "running" scan whose process is gone crashed (mark_crashed).
    Column("owner_host", _text(255)),
    Column("owner_pid", Integer),
    Column("owner_started", Float),  # the process's start time (pids are reused)
    Column("owner_ns", String(40)),  # its PID namespace ("pid:[4026531836]"): a container on the same host has its own
    # Renewed by the scan's process while it runs (ScanLeases): a running scan whose lease ran out is gone, whatever
    # the machine; only a scan of this host and PID namespace is judged by its process at once.
    Column("lease_until", DateTime),
)

PAGES = Table(
    "pages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scans.id"), index=True, nullable=False),
    Column("url", _text(2000), nullable=False),
    Column("final_url", _text(2000), nullable=False),
    Column("status", Integer),
    Column("error", _text()),
    Column("content_type", _text(200), default="", nullable=False),
    Column("encoding", _text(50)),
    Column("content_hash", _text(64)),
    Column("title", _text(), default="", nullable=False),
    Column("headings", JSON, default=list, nullable=False),
    Column("text", _text(), default="", nullable=False),
    Column("html_z", LargeBinary),  # zlib-compressed decoded HTML
    Column("depth", Integer, default=0, nullable=False),
    Column("tls_error", Boolean, default=False, nullable=False),
    Column("needs_browser", Boolean, default=False, nullable=False),
    Column("etag", _text(500)),  # validators, sent back by the next scan
    Column("last_modified", _text(100)),
    Column("verified_at", DateTime),  # the revisit policy's stamps (crawler/revisit.py)
    Column("changed_at", DateTime),
    Column("links_z", LargeBinary),  # zlib-compressed JSON: the page's links
    UniqueConstraint("scan_id", "url"),
)

# Unique (target, label) pairs of a scan: a mega menu repeated on 2,000 pages is stored once.
LINKS = Table(
    "links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scans.id"), index=True, nullable=False),
    Column("from_url", _text(2000), nullable=False),
    Column("url", _text(2000), nullable=False),
    Column("label", _text(), default="", nullable=False),
    Column("source", _text(20), default="a", nullable=False),
    Column("external", Boolean, default=False, nullable=False),
    # In the site's menu where first seen (crawler.parse): discovery ranks a menu entry above a link of the same
    # words in a news item. Without it a scan ranked links otherwise than the same site judged from memory.
    Column("nav", Boolean, default=False, nullable=False),
)

DOCUMENTS = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scans.id"), index=True, nullable=False),
    Column("url", _text(2000), nullable=False),
    Column("final_url", _text(2000), nullable=False),
    Column("status", Integer),
    Column("content_type", _text(200), default="", nullable=False),
    Column("size", Integer, default=0, nullable=False),
    Column("content_hash", _text(64), index=True),
    Column("text", _text(), default="", nullable=False),
    Column("pages", Integer),
    Column("extractor", _text(50)),
    Column("error", _text()),
    Column("referrers", JSON, default=list, nullable=False),
    Column("link_texts", JSON, default=list, nullable=False),
    Column("ocr_pages", Integer, default=0, nullable=False),
    Column("method", _text(20)),  # text_layer | ocr | mixed
    Column("quality", Float),
    Column("ocr_digits_untrusted", Boolean, default=False, nullable=False),
    Column("timeline_rows", Integer),
    Column("etag", _text(500)),
    Column("last_modified", _text(100)),
    Column("verified_at", DateTime),
    Column("changed_at", DateTime),
    UniqueConstraint("scan_id", "url"),
)

# Extracted text by content hash, shared by all scans: an unchanged document is read (and OCR'd) once.
DOCUMENT_TEXTS = Table(
    "document_texts",
    metadata,
    Column("content_hash", _text(64), primary_key=True),
    Column("version", _text(100), nullable=False),  # crawler.textcache.extraction_signature() when read
    Column("text", _text(), default="", nullable=False),
    Column("pages", Integer),
    Column("extractor", _text(50)),
    Column("method", _text(50)),
    Column("error", _text()),
    Column("details", JSON, default=dict, nullable=False),  # DocumentText's other fields (OCR pages, quality…)
    Column("created", DateTime, nullable=False),
)

ITEM_RESULTS = Table(
    "item_results",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scans.id"), index=True, nullable=False),
    Column("code", _text(10), nullable=False),
    Column("status", _text(10), nullable=False),
    Column("result", JSON, nullable=False),
)

# A picture of an item's evidence page as a browser showed it (crawl setting `screenshots`, oit/store/rendering.py).
SCREENSHOTS = Table(
    "screenshots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scans.id"), index=True, nullable=False),
    Column("url", _text(2000), nullable=False),
    Column("codes", JSON, default=list, nullable=False),  # the items whose evidence it shows
    Column("image", LargeBinary, nullable=False),  # JPEG
    Column("taken", DateTime, nullable=False),
    UniqueConstraint("scan_id", "url"),
)

# URL patterns of a site whose pages needed the browser (crawler/shells.py), kept between scans.
RENDER_PATTERNS = Table(
    "render_patterns",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("site_url", _text(2000), index=True, nullable=False),
    Column("pattern", _text(2000), nullable=False),
    Column("learned", DateTime, nullable=False),
    UniqueConstraint("site_url", "pattern"),
)

# --- the alerts' state (SQL in oit/store/alerts.py; oit/watch/alerts.py decides, oit/watch/delivery.py sends) ---
# A confirmed fact of a site: what the admins were last told (or the baseline of the first scans).
ALERT_FACTS = Table(
    "alert_facts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("site_url", _text(2000), index=True, nullable=False),
    Column("key", _text(), nullable=False),
    Column("fact", JSON, nullable=False),  # oit.watch.alerts.Fact as JSON
    UniqueConstraint("site_url", "key"),
)

ALERT_SITES = Table(
    "alert_sites",
    metadata,
    Column("site_url", _text(2000), primary_key=True),
    Column("weighed_scan_id", Integer),  # the last finished scan whose changes were weighed
    Column("stale_warned_scan_id", Integer),  # latest finished scan (0: none) when warned
)

# An alert to deliver. Kept after delivery as the record of what was sent.
ALERT_MESSAGES = Table(
    "alert_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("site_url", _text(2000), index=True, nullable=False),
    Column("created", DateTime, nullable=False),
    Column("body", JSON, nullable=False),  # the Alert, as the webhook receives it
    Column("delivered", JSON, default=list, nullable=False),  # channels done: "webhook:<url>", "email"
    Column("done", Boolean, default=False, nullable=False),
    Column("attempts", Integer, default=0, nullable=False),
    Column("last_error", _text()),
    # A delivery run holds the message until then: two runs of one site at once (two workers, a worker beside
    # `oit schedule`) never send it twice; a run that died lets go when the time passes.
    Column("claimed_until", DateTime),
)


# --- the fleet's nightly ledger (oit/store/ledger.py, oit/fleet/) ---
# One row per site and night: queued once (however many enqueuers run), claimed by one worker at a time under a
# lease the worker renews; a lease that runs out (the worker was killed) hands the site to the next worker.
FLEET_RUNS = Table(
    "fleet_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("night", Date, nullable=False),
    Column("site_url", _text(2000), nullable=False),
    Column("site_name", _text(500)),
    Column("host", _text(255), index=True, nullable=False),  # sites on one host are scanned one at a time
    Column("state", String(20), default="queued", nullable=False),  # queued | running | done | failed
    Column("queued_at", DateTime, nullable=False),
    Column("sent_at", DateTime),  # when its queue message was last sent
    Column("worker", _text(255)),  # the worker that holds (or last held) it
    Column("lease_until", DateTime),
    Column("started_at", DateTime),
    Column("finished_at", DateTime),
    Column("attempts", Integer, default=0, nullable=False),
    Column("scan_id", Integer),
    Column("error", _text()),
    UniqueConstraint("night", "site_url"),
)


# Whatever the database or its driver raised: the rest of oit catches it by this name (it never imports SQLAlchemy).
DatabaseError = SQLAlchemyError


class StorageError(Exception):
    """The database cannot be opened. The message is for the user, Thai first."""


# One engine per database and process (a scan, a schedule run, a fleet worker): its pool is shared by every caller,
# so repeated calls add no connections; it is bounded (a PostgreSQL server shared by a fleet has a connection limit),
# and its idle connections are checked before use (a server restarted overnight). All are disposed at exit.
POOL_SIZE = 5
MAX_OVERFLOW = 5
MAX_ENGINES = 8  # databases kept open by one process (a real one uses one; the test suite opens many files)
_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def open_engine(url: str, *, pool_size: int = POOL_SIZE, max_overflow: int = MAX_OVERFLOW) -> Engine:
    """The database at `url` (OIT_DATABASE, else [database] url), created or migrated to the current schema the
    first time this process opens it (oit.store.migrate), the same engine on every later call.
    Raises StorageError, naming the setting and the value, when the URL or the file cannot be used."""
    with _ENGINES_LOCK:  # threads of one process opening a new database at once: one migrates, the others wait
        engine = _ENGINES.get(url)
        if engine is not None and _still_there(engine):
            return engine
        try:
            engine = _new_engine(url, pool_size, max_overflow)
            migrate(engine, metadata)
        except (ArgumentError, ImportError, DBAPIError) as exc:
            raise StorageError(_unopenable(url, exc)) from exc
        _ENGINES[url] = engine
        while len(_ENGINES) > MAX_ENGINES:
            _ENGINES.pop(next(iter(_ENGINES))).dispose()  # a caller still holding it gets a new pool on its next use
    return engine


def _new_engine(url: str, pool_size: int, max_overflow: int) -> Engine:
    parsed = make_url(url)
    options: dict[str, Any] = {}
    if parsed.get_backend_name() != "sqlite":
        options = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_pre_ping": True}
    elif parsed.database not in (None, "", ":memory:"):
        # A file: the same bounds, no ping (a file does not go away under an idle connection, and a scan checks out a
        # connection per evidence page read).
        options = {"pool_size": pool_size, "max_overflow": max_overflow}
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _still_there(engine: Engine) -> bool:
    """False when the engine's SQLite file was deleted since it was opened (a new file must get its tables)."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    return not database or database == ":memory:" or Path(database).exists()


def dispose_engines() -> None:
    """Close every pooled connection of this process (at exit: a PostgreSQL server sees the session end at once)."""
    with _ENGINES_LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()


def _forget_engines_in_child() -> None:
    """A forked child must not use its parent's pooled connections (their sockets are shared): it drops them without
    closing them (the parent still uses them) and opens its own."""
    for engine in _ENGINES.values():
        engine.dispose(close=False)


atexit.register(dispose_engines)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_engines_in_child)


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


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")  # before anything is written: a no-op on an existing file
    # WAL keeps readers and the crash-safety of committed batches; NORMAL sync is durable across app crashes.
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Checkpoint the log every 64 MB rather than every 4 MB: each checkpoint syncs the database file, and a scan
    # writes tens of MB (a re-scan copying 2,000 pages spent ~0.8 s of its 6 s waiting on a dozen of them). The
    # log is truncated back to that size after a checkpoint.
    page_size = cursor.execute("PRAGMA page_size").fetchone()[0]  # the file's own, 4 kB in files made before
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_BYTES // page_size}")
    cursor.execute(f"PRAGMA journal_size_limit={WAL_CHECKPOINT_BYTES}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # 512 kB of page cache a connection instead of SQLite's 2 MB: a scan appends and reads back by index, the OS keeps
    # the file cached anyway, and the scan's few pooled connections each held their own 2 MB (~2 MB of its peak).
    cursor.execute("PRAGMA cache_size=-512")
    cursor.close()


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Switch the file to WAL, waiting for another process that holds it. On a file not yet in WAL, SQLite answers
    "database is locked" at once, without its busy timeout, while another connection holds the write lock (another
    process creating the file, or switching it to WAL itself): two first starts together then lost one process (a
    fresh-clone CI run, 1 of 12). The loser tries again, and then finds the file in WAL already."""
    for attempt in range(1, WAL_ATTEMPTS + 1):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if attempt == WAL_ATTEMPTS or "locked" not in str(exc):
                raise
            time.sleep(0.02 * attempt)


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
    pid = os.getpid()
    state = _process_state(pid)
    return {
        "owner_host": socket.gethostname(),
        "owner_pid": pid,
        "owner_started": state[1] if state else None,
        "owner_ns": _pid_namespace(),
    }


@cache
def _pid_namespace() -> str | None:
    """This process's PID namespace: two containers of one host share its name but not their process numbers."""
    try:
        return os.readlink("/proc/self/ns/pid")
    except OSError:
        return None


# A running scan renews its lease every third of SCAN_LEASE (one thread per process for all its scans).
SCAN_LEASE = timedelta(minutes=2)


class ScanLeases:
    """The lease of every scan this process runs, renewed by one daemon thread until the scan ends."""

    def __init__(self, lease: timedelta = SCAN_LEASE) -> None:
        self.lease = lease
        self._scans: dict[int, Engine] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def hold(self, engine: Engine, scan_id: int) -> None:
        with self._lock:
            self._scans[scan_id] = engine
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._renew, name="oit-scan-leases", daemon=True)
                self._thread.start()

    def release(self, scan_id: int) -> None:
        with self._lock:
            self._scans.pop(scan_id, None)

    def _renew(self) -> None:
        while True:
            time.sleep(self.lease.total_seconds() / 3)
            with self._lock:
                held = list(self._scans.items())
            if not held:
                continue
            for scan_id, engine in held:
                # A database that is briefly away: the next round tries again.
                with contextlib.suppress(Exception), engine.begin() as conn:
                    conn.execute(
                        update(SCANS)
                        .where(SCANS.c.id == scan_id, SCANS.c.state == "running")
                        .values(lease_until=now() + self.lease)
                    )


LEASES = ScanLeases()


def _process_alive(pid: int, started: float | None) -> bool:
    """The process `pid` still runs and is the one that started the scan (pids are reused)."""
    state = _process_state(pid)
    if state is None:
        return False
    zombie, created = state
    return not zombie and (started is None or abs(created - started) < 1.0)


_PROC = os.path.exists("/proc/self/stat")


def _process_state(pid: int) -> tuple[bool, float] | None:
    """(zombie, start time in seconds since the epoch) of process `pid`, None when there is no such process.

    On Linux read from /proc as psutil reads it (boot time + start in clock ticks: the same figure, so owners
    recorded by an oit that used psutil still match); psutil itself (1 MB in every scan process) only elsewhere."""
    if not _PROC:
        import psutil

        try:
            process = psutil.Process(pid)
            return process.status() == psutil.STATUS_ZOMBIE, process.create_time()
        except psutil.NoSuchProcess:
            return None
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            raw = stat.read()
    except OSError:  # gone (or, on a hardened /proc, not ours to see: taken as gone, as psutil would)
        return None
    fields = raw[raw.rindex(b")") + 2 :].split()  # after "pid (comm) ": comm may hold spaces and parentheses
    return fields[0] == b"Z", _boot_time() + int(fields[19]) / os.sysconf("SC_CLK_TCK")


@cache
def _boot_time() -> float:
    with open("/proc/stat", "rb") as stat:
        return float(next(line.split()[1] for line in stat if line.startswith(b"btime ")))


def _is_dead(scan: Row, me: dict[str, Any], at: datetime) -> bool:
    same_processes = scan.owner_ns is None or scan.owner_ns == me["owner_ns"]  # None: recorded before namespaces
    if scan.owner_host == me["owner_host"] and scan.owner_pid is not None and same_processes:
        return not _process_alive(scan.owner_pid, scan.owner_started)
    if scan.lease_until is not None:  # another machine's or container's scan: alive while it renews its lease
        return bool(scan.lease_until < at)
    # One from an oit that recorded no lease: judged by its age.
    return at - scan.started_at > STALE_AFTER


def mark_crashed(engine: Engine) -> list[int]:
    """Mark every running scan whose process is gone "crashed" (with the reason); returns their ids. A running
    scan whose process is alive is a concurrent scan and is left alone. Its rows stay as they were committed."""
    me, at = _owner(), now()
    with engine.begin() as conn:
        running = conn.execute(select(SCANS).where(SCANS.c.state == "running")).all()
        dead = [scan.id for scan in running if _is_dead(scan, me, at)]
        if dead:
            conn.execute(
                update(SCANS)
                .where(SCANS.c.id.in_(dead), SCANS.c.state == "running")
                .values(state="crashed", error=CRASHED_TH_EN, finished_at=at)
            )
        return dead


def fail_own_scans(engine: Engine, error: str) -> None:
    """Mark this process's running scans failed: the last step of a process that must leave before they end."""
    me = _owner()
    with engine.begin() as conn:
        conn.execute(
            update(SCANS)
            .where(
                SCANS.c.state == "running", SCANS.c.owner_host == me["owner_host"], SCANS.c.owner_pid == me["owner_pid"]
            )
            .values(state="failed", finished_at=now(), error=error)
        )


# --- a page's links, stored with it so that an unchanged page is not parsed again -----------------------------
_LINK_FIELDS = ("url", "text", "title", "img_alt", "source", "external", "nav")
T = TypeVar("T")


def pack_links(links: list[Link]) -> bytes:
    """One JSON array per link, one link per line (JSON escapes newlines inside strings), zlib-compressed.

    A line per link lets unpack_links recognise a link it met before by its line alone, without parsing it."""
    # map() rather than a generator: the loop over a page's ~120 links stays in C (both functions are C calls).
    return zlib.compress("\n".join(map(_link_line, map(_link_values, links))).encode("utf-8"), 3)


_link_values = attrgetter(*_LINK_FIELDS)
# What json.dumps(values, ensure_ascii=False, separators=(",", ":")) builds on each call, built once: the same
# text, without a new encoder for each of the ~20 new links of every page.
_LINK_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=512)  # the site menu (~100 links) is most of every page's links: made once, not per page
def _link_line(values: tuple) -> str:
    return _LINK_ENCODER.encode(values)


def unpack_links(blob: bytes | None, interned: dict[Hashable, Link] | None = None) -> list[Link]:
    """The links pack_links stored. With `interned`, a link met before (the site menu on every page) is the same
    object again, found by its stored line: unpacking hundreds of links per page stays cheap, since only lines
    not seen before are parsed."""
    if not blob:
        return []
    return _unpack(blob, {} if interned is None else interned, _as_is)


def _as_is(link: Link) -> Link:
    return link


def _as_read(link: Link) -> SiteLink:
    """A stored link as the rules read it off the page's HTML (crawler.parse.links_and_images): its words and its
    menu flag; not the crawl's off-site mark, since the rules decide what is off-site themselves (in_scope)."""
    return SiteLink(link.url, link.label, False, link.nav)


def _unpack(blob: bytes | None, interned: dict[Hashable, T], build: Callable[[Link], T]) -> list[T]:
    """The stored links, each made by `build` from its Link; a line met before (in `interned`) is not parsed again."""
    if not blob:
        return []
    packed = zlib.decompress(blob).decode("utf-8")
    if not packed:
        return []
    # Stored before the line format: one JSON array of arrays, parsed whole and keyed by row.
    rows = json.loads(packed) if packed[:2] in ("[[", "[]") else None
    keys: list[Any] = packed.split("\n") if rows is None else [tuple(row) for row in rows]  # str or tuple
    links = []
    for n, key in enumerate(keys):
        link = interned.get(key)
        if link is None:
            values = json.loads(key) if rows is None else rows[n]
            # Written by pack_links from validated Links: constructed without validating again.
            link = interned[key] = build(Link.model_construct(**dict(zip(_LINK_FIELDS, values, strict=True))))
        links.append(link)
    return links


# Columns of a reused page that the new fetch decides; the others are copied from the previous scan's row.
_FRESH_PAGE_COLUMNS = ("url", "final_url", "status", "depth", "content_type", "tls_error", "content_hash", "etag",
                       "last_modified", "verified_at", "changed_at")  # fmt: skip


_LINKS_OF_PAGE = text("SELECT links_z FROM pages WHERE scan_id = :scan AND url = :url")


def _copy_page_statement() -> Insert:
    """INSERT … SELECT of one stored page into a new scan, under fresh fetch facts (executed per batch)."""
    table = PAGES
    columns = [c.name for c in table.columns if c.name != "id"]
    values = [
        bindparam(f"new_{name}", type_=table.c[name].type)
        if name in (*_FRESH_PAGE_COLUMNS, "scan_id")
        else table.c[name]
        for name in columns
    ]
    source = select(*values).where(table.c.scan_id == bindparam("old_scan"), table.c.url == bindparam("old_url"))
    return insert(PAGES).from_select(columns, source)


# The rows a crawl writes by the thousand (a page's, ~20 new links a page), built as tuples in these columns' order.
# In the table's order (SQLAlchemy binds an INSERT's columns so): a page's fields around its compressed HTML.
_PAGE_HEAD = ("url", "final_url", "status", "error", "content_type", "encoding", "content_hash", "title", "headings",
              "text")  # fmt: skip
_PAGE_TAIL = ("depth", "tls_error", "needs_browser", "etag", "last_modified", "verified_at", "changed_at")
_PAGE_ROW = ("scan_id", *_PAGE_HEAD, "html_z", *_PAGE_TAIL, "links_z")
_page_head, _page_tail = attrgetter(*_PAGE_HEAD), attrgetter(*_PAGE_TAIL)
_LINK_ROW = ("scan_id", "from_url", "url", "label", "source", "external", "nav")


def _insert_rows(conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """conn.execute(insert(table), rows as dicts), with the same values bound: the statement is compiled once per
    database and each column's bind processor (JSON, DateTime, LargeBinary, Boolean) applied as SQLAlchemy would,
    but the rows go to the driver's executemany as they are. SQLAlchemy's per-row parameter building cost more than
    the rows' own writing on a crawl of 2,000 pages (~40,000 rows)."""
    sql, positional, processors = _insert_statement(conn.dialect, table, columns)
    if processors:
        rows = [tuple(p(v) if p is not None else v for p, v in zip(processors, row, strict=True)) for row in rows]
    conn.exec_driver_sql(sql, rows if positional else [dict(zip(columns, row, strict=True)) for row in rows])


@cache
def _insert_statement(dialect: Any, table: Table, columns: tuple[str, ...]) -> tuple[str, bool, list | None]:
    """(SQL, whether its parameters are positional, each column's bind processor or None when no column has one)."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    if compiled.positiontup is not None and tuple(compiled.positiontup) != columns:
        raise ValueError(f"{table.name}: unexpected parameter order {compiled.positiontup}")
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    return str(compiled), compiled.positiontup is not None, processors if any(processors) else None


def insert_unless_present(conn: Connection, table: Table, unique: list[str]) -> Insert:
    """INSERT … ON CONFLICT (unique) DO NOTHING, in the connection's dialect (SQLite and PostgreSQL alike): of two
    processes inserting the same row at once, the second does nothing instead of failing."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql as dialect
    else:
        from sqlalchemy.dialects import sqlite as dialect  # type: ignore[no-redef]  # the same insert() API
    return dialect.insert(table).on_conflict_do_nothing(index_elements=unique)


def _site_id(conn: Connection, url: str, name: str | None) -> int:
    """The site's row id, the row made if the site is new.

    Two scans of a new site may start together (two processes, or `oit schedule` beside a manual scan): both find no
    row, and the second plain INSERT would fail on the unique URL. INSERT … ON CONFLICT DO NOTHING (SQLite and
    PostgreSQL alike) lets the second insert do nothing, and both read the one row.
    """
    site_id = conn.execute(select(SITES.c.id).where(SITES.c.url == url)).scalar()
    if site_id is None:
        conn.execute(insert_unless_present(conn, SITES, ["url"]).values(url=url, name=name))
        site_id = conn.execute(select(SITES.c.id).where(SITES.c.url == url)).scalar_one()
    elif name:
        conn.execute(update(SITES).where(SITES.c.id == site_id).values(name=name))
    return int(site_id)


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
        with engine.begin() as conn:
            site_id = _site_id(conn, site_url, site_name)
            self.previous_scan_id = conn.execute(
                select(SCANS.c.id)
                .where(SCANS.c.site_id == site_id, SCANS.c.state == "done")
                .order_by(SCANS.c.id.desc())
            ).scalar()
            scan = insert(SCANS).values(
                site_id=site_id,
                started_at=now(),
                assessment_year=year,
                as_of=as_of,
                kind=kind,
                based_on=based_on,
                lease_until=now() + LEASES.lease,
                **_owner(),
            )
            self.scan_id: int = conn.execute(scan).inserted_primary_key[0]  # type: ignore[index]  # as above
        LEASES.hold(engine, self.scan_id)
        self._known: dict[str, Known] | None = None  # the previous scan's URLs, read on first use
        self._links_z: dict[str, bytes | None] = {}  # their pages' packed links, read with them
        self._interned_links: dict[Hashable, Link] = {}  # kept for the scan: their ids stay unique (_links_added)
        self._links_added: set[int] = set()
        self._reader: Connection | None = None
        self._reused: list[dict] = []
        self._pages: list[tuple] = []  # in the order of _PAGE_ROW
        self._docs: list[dict] = []
        self._links: list[tuple] = []  # in the order of _LINK_ROW
        self._link_keys = KeySet()  # 8-byte digests of the (url, label) pairs stored: see _link_key
        # Link objects met on a second page, by id: the crawl shares one Link per menu entry among its pages
        # (crawler.parse.LinkMemo), and such a link is passed over without its key being computed and looked up
        # again. One-off links (a news item's) are not held. Holding the object keeps its id from being reused;
        # emptied at every write (the menu is keyed again once a batch) and when full (RECENT_LINKS), so that it
        # holds no more than the pages waiting to be written do, and nothing once the crawl's last batch is written.
        self._recent_links: dict[int, Link] = {}
        self._flushed = time.monotonic()

    # --- the crawler's sink ---------------------------------------------------------------------------
    def add_page(self, page: Page) -> None:
        html_z = zlib.compress(page.html.encode("utf-8"), 3) if page.html else None
        links_z = pack_links(page.links) if page.links else None
        self._pages.append((self.scan_id, *_page_head(page), html_z, *_page_tail(page), links_z))
        recent = self._recent_links
        for link in page.links:
            if recent.get(id(link)) is not link and not self._add_link(link, page.url):
                if len(recent) >= RECENT_LINKS:
                    recent.clear()
                recent[id(link)] = link
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
        pages = select(*(PAGES.c[f] for f in fields), PAGES.c.links_z).where(
            PAGES.c.scan_id == self.previous_scan_id,
            PAGES.c.error.is_(None),
            PAGES.c.content_hash.is_not(None),
            PAGES.c.html_z.is_not(None),
            PAGES.c.needs_browser.is_(False),  # a JavaScript shell the browser could not render: try again
        )
        documents = (
            select(*(DOCUMENTS.c[f] for f in fields), DOCUMENTS.c.size)
            .join(DOCUMENT_TEXTS, DOCUMENT_TEXTS.c.content_hash == DOCUMENTS.c.content_hash)
            .where(DOCUMENTS.c.scan_id == self.previous_scan_id, DOCUMENT_TEXTS.c.version == extraction_signature())
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
        query = select(ITEM_RESULTS.c.result).where(ITEM_RESULTS.c.scan_id == self.previous_scan_id)
        urls: set[str] = set()
        with self.engine.connect() as conn:
            for (result,) in conn.execute(query):
                urls.update(e["url"] for e in result.get("evidence") or [])
                urls.update(c["evidence_url"] for c in result.get("components") or [] if c.get("evidence_url"))
            # The pages that link to the evidence (the ITA index page, a listing of announcements): a new link there
            # is how new evidence appears. Links are stored once per scan, with the first page seen to have them.
            linking = select(LINKS.c.from_url).where(LINKS.c.scan_id == self.previous_scan_id, LINKS.c.url.in_(urls))
            urls.update(conn.execute(linking).scalars())
        return urls

    def copy_rest_from(self, scan_id: int) -> None:
        """Copy, inside the database, every page, document and link of scan `scan_id` that this scan did not
        fetch itself (oit recheck fetches one item's evidence and takes the rest of the site from the latest
        scan). Links found on pages fetched again are not copied: those pages say what they link to now."""
        self.flush()
        with self.engine.begin() as conn:
            # Links first: "pages fetched again" are the pages this scan holds before the copy.
            links = LINKS
            columns = [c.name for c in links.columns if c.name not in ("id", "scan_id")]
            refetched = select(PAGES.c.url).where(PAGES.c.scan_id == self.scan_id)
            ours = select(links.c.url, links.c.label).where(links.c.scan_id == self.scan_id)
            source = select(literal(self.scan_id), *(links.c[c] for c in columns)).where(
                links.c.scan_id == scan_id,
                links.c.from_url.not_in(refetched),
                tuple_(links.c.url, links.c.label).not_in(ours),
            )
            conn.execute(insert(LINKS).from_select(["scan_id", *columns], source))
            for table in (PAGES, DOCUMENTS):
                columns = [c.name for c in table.columns if c.name not in ("id", "scan_id")]
                fetched = select(table.c.url).where(table.c.scan_id == self.scan_id)
                source = select(literal(self.scan_id), *(table.c[c] for c in columns)).where(
                    table.c.scan_id == scan_id, table.c.url.not_in(fetched)
                )
                conn.execute(insert(table).from_select(["scan_id", *columns], source))

    # --- the crawler's text cache (crawler.textcache.TextCache) ----------------------------------------
    def cached_text(self, content_hash: str) -> DocumentText | None:
        query = select(DOCUMENT_TEXTS).where(DOCUMENT_TEXTS.c.content_hash == content_hash)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None or row.version != extraction_signature():
            return None
        return CachedText(row.text, row.pages, row.extractor, row.method, row.error, dict(row.details or {})).restore()

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
            with self.engine.begin() as conn:  # replaces a stale version
                key = DOCUMENT_TEXTS.c.content_hash == content_hash
                if not conn.execute(update(DOCUMENT_TEXTS).where(key).values(**values)).rowcount:
                    conn.execute(insert(DOCUMENT_TEXTS).values(content_hash=content_hash, **values))
        except IntegrityError:
            pass  # another scan stored the same document a moment ago: its text is as good

    def _add_link(self, link: Link, from_url: str) -> bool:
        """Buffer the link's row unless its (url, label) was stored before; True when it was new."""
        key = _link_key(link.url, link.label)
        if not self._link_keys.add(key):
            return False
        self._links.append((self.scan_id, from_url, link.url, link.label, link.source, link.external, link.nav))
        return True

    def _flush_due(self, batch: Sized) -> None:
        """Write the buffered rows when a batch is full or the last write is FLUSH_SECONDS old."""
        if len(batch) >= BATCH_SIZE or time.monotonic() - self._flushed >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self._flushed = time.monotonic()
        with self.engine.begin() as conn:
            if self._pages:
                _insert_rows(conn, PAGES, _PAGE_ROW, self._pages)
            if self._reused:
                conn.execute(_copy_page_statement(), self._reused)
            if self._docs:
                conn.execute(insert(DOCUMENTS), self._docs)
            if self._links:
                _insert_rows(conn, LINKS, _LINK_ROW, self._links)
        self._pages, self._docs, self._links, self._reused = [], [], [], []
        self._recent_links.clear()

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
        LEASES.release(self.scan_id)
        with self.engine.begin() as conn:
            if items:
                conn.execute(
                    insert(ITEM_RESULTS),
                    [{"scan_id": self.scan_id, "code": i["code"], "status": i["status"], "result": i} for i in items],
                )
            conn.execute(
                update(SCANS)
                .where(SCANS.c.id == self.scan_id)
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
        LEASES.release(self.scan_id)
        with self.engine.begin() as conn:
            conn.execute(
                update(SCANS).where(SCANS.c.id == self.scan_id).values(state="failed", finished_at=now(), error=error)
            )


MAX_LINES_READ = 512  # stored link lines kept parsed while evidence pages are read (a site menu: ~100)


class StoredSite:
    """Read access to one stored scan, shaped for the rule engine (see rules.site.SiteData)."""

    def __init__(self, engine: Engine, scan_id: int, start_url: str) -> None:
        self.engine = engine
        self.scan_id = scan_id
        self.start_url = start_url
        # The stored links of the last page read with its HTML (read in the same query: the rule engine asks for
        # them next), and the lines of the links met on the pages read, parsed once while they keep coming back
        # (the site menu on every evidence page), bounded.
        self._last_links: tuple[str, bytes | None] | None = None
        self._lines_read: dict[Hashable, SiteLink] = {}

    def page_summaries(self) -> list[tuple[str, str, list[str]]]:
        """(url, title, headings) of every readable page (tests and tools; the rule engine streams them)."""
        return list(self.iter_page_summaries())

    def iter_page_summaries(self) -> Iterator[tuple[str, str, list[str]]]:
        """(url, title, headings) of every readable page, in crawl order, streamed from the cursor: the engine keeps
        the few pages whose title names an item, whatever the size of the site."""
        query = (
            select(PAGES.c.url, PAGES.c.title, PAGES.c.headings)
            .where(PAGES.c.scan_id == self.scan_id, PAGES.c.error.is_(None))
            .order_by(PAGES.c.id)
        )
        with self.engine.connect().execution_options(stream_results=True) as conn:
            for row in conn.execute(query):
                yield row.url, row.title, list(row.headings or [])

    def links(self) -> list[Link]:
        """Every unique link as a Link (tests and tools; the rule engine streams them: iter_links)."""
        return [Link(url=link.url, text=link.label, external=link.external, nav=link.nav) for link in self.iter_links()]

    def iter_links(self) -> Iterator[SiteLink]:
        """Every unique (url, label) pair as a light tuple, streamed: ~42,000 on a 2,000-page text site, of which
        the engine keeps the few that can name an item."""
        query = (
            select(LINKS.c.url, LINKS.c.label, LINKS.c.external, LINKS.c.nav)
            .where(LINKS.c.scan_id == self.scan_id)
            .order_by(LINKS.c.id)
        )
        with self.engine.connect().execution_options(stream_results=True) as conn:
            for row in conn.execute(query):
                yield SiteLink(row.url, row.label, bool(row.external), bool(row.nav))

    def labels_to(self, url: str) -> list[str]:
        with self.engine.connect() as conn:
            return [row.label for row in conn.execute(_LABELS_TO, {"scan": self.scan_id, "url": url})]

    def page(self, url: str, html: bool = True) -> Page | None:
        """The page stored for `url`: under that URL, or as the final URL of a redirect. With html=False its HTML is
        neither read nor decompressed (whether it is there, its title and text: the rule engine's evidence pages)."""
        row = self._page_row(url, _PAGE_COLUMNS + ((PAGES.c.html_z, PAGES.c.links_z) if html else ()))
        if row is None:
            return None
        markup = ""
        if html:
            markup = zlib.decompress(row.html_z).decode("utf-8") if row.html_z else ""
            self._last_links = (row.url, row.links_z)
        return Page(**_columns(row, Page), html=markup)

    def page_links(self, url: str) -> list[SiteLink] | None:
        """The links the crawl stored with the page of `url`, as the rules read them off its HTML (see _as_read), or
        None when it stored none (a page without links): its HTML is then read for them. The page's HTML is not
        parsed again for what the crawl read of it (a text site's evidence is ~250 pages of 40 kB)."""
        last = self._last_links
        if last is not None and last[0] == url:
            blob = last[1]
        else:
            row = self._page_row(url, (PAGES.c.links_z,))
            blob = row.links_z if row is not None else None
        if not blob:
            return None
        if len(self._lines_read) > MAX_LINES_READ:
            self._lines_read.clear()  # bounded: a news list's own links are new on every page
        return _unpack(blob, self._lines_read, _as_read)

    def page_html(self, url: str) -> str:
        """The HTML of the page stored for `url` ("" if none), read and decompressed on each ask: the rule engine
        keeps no page's HTML, it asks again when a check reads the page's structure."""
        row = self._page_row(url, (PAGES.c.html_z,))
        return zlib.decompress(row.html_z).decode("utf-8") if row is not None and row.html_z else ""

    def _page_row(self, url: str, columns: tuple, _hops: int = 0) -> Row | None:
        """The row of `url` (its `columns`), found by URL or by final URL; a redirect alias leads to its target."""
        by_url, by_final_url = _row_queries(tuple(c.name for c in columns))
        where = {"scan": self.scan_id, "url": url}
        with self.engine.connect() as conn:
            row = conn.execute(by_url, where).first()
            if row is None:
                row = conn.execute(by_final_url, where).first()
        if row is not None and _is_alias(row) and _hops < 3:
            return self._page_row(row.row_final_url, columns, _hops + 1)
        return row

    def document(self, url: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(_DOCUMENT, {"scan": self.scan_id, "url": url}).first()
        if row is None:
            return None
        document = Document(**_columns(row, Document))
        # The crawler saw the document through its first link only; every label used for it counts.
        labels = self.labels_to(url)
        document.link_texts = list(dict.fromkeys([*document.link_texts, *(label for label in labels if label)]))
        return document

    def pages_containing(self, phrase: str, limit: int = 20) -> list[str]:
        query = (
            select(PAGES.c.url)
            .where(PAGES.c.scan_id == self.scan_id, PAGES.c.text.contains(phrase))
            .order_by(PAGES.c.depth)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [r.url for r in conn.execute(query)]


def _link_key(url: str, label: str) -> int:
    """A (url, label) pair as a 64-bit number for the scan's dedupe set (crawler/keyset.py), instead of the strings (and
    the UTF-8 copies SQLite binding caches inside them: ~19 MB on a 2,000-page site with 42,000 distinct links).
    Python's own SipHash of the pair: the set lives in one process only, and it is ~10x cheaper than blake2b over
    the ~120 links of every page. Two pairs share a number about once in 10^9 scans of 200,000 links: one link row
    is then not stored."""
    return hash((url, label)) & KEY_MASK


def _columns(row: Row, model: type[BaseModel]) -> dict[str, Any]:
    """The row's values for the model's fields that are stored as columns."""
    values = row._mapping
    return {name: values[name] for name in model.model_fields if name in values}


# What a page row is read with (its links live in LINKS, its HTML is read only when asked for), and what tells an alias.
_PAGE_COLUMNS = tuple(c for c in PAGES.c if c.name not in ("html_z", "links_z"))
_ALIAS_COLUMNS = (
    PAGES.c.url.label("row_url"),
    PAGES.c.final_url.label("row_final_url"),
    PAGES.c.error.label("row_error"),
    PAGES.c.html_z.is_(None).label("row_bare"),
)


# The rule engine reads a few hundred evidence pages and documents one by one: each query is built once, its values
# bound on each ask (building and keying a select cost twice what SQLite takes to answer it).
_DOCUMENT = select(DOCUMENTS).where(DOCUMENTS.c.scan_id == bindparam("scan"), DOCUMENTS.c.url == bindparam("url"))
_LABELS_TO = (
    select(LINKS.c.label)
    .where(LINKS.c.scan_id == bindparam("scan"), LINKS.c.url == bindparam("url"))
    .order_by(LINKS.c.id)
)


@lru_cache(maxsize=8)  # a few column sets: a page with or without its HTML, its HTML alone, its links alone
def _row_queries(names: tuple[str, ...]) -> tuple[Select, Select]:
    """The queries of _page_row for these columns: by URL, and by final URL (the row with HTML first)."""
    wanted = select(*(PAGES.c[name] for name in names), *_ALIAS_COLUMNS)
    scan = PAGES.c.scan_id == bindparam("scan")
    by_final_url = wanted.where(scan, PAGES.c.final_url == bindparam("url")).order_by(PAGES.c.html_z.is_(None))
    return wanted.where(scan, PAGES.c.url == bindparam("url")), by_final_url.limit(1)


def _is_alias(row: Row) -> bool:
    """A redirect to a page crawled under its own URL: no content of its own."""
    return row.row_final_url != row.row_url and bool(row.row_bare) and row.row_error is None


def scan_result_json(engine: Engine, scan_id: int) -> dict | None:
    with engine.connect() as conn:
        result_json = conn.execute(select(SCANS.c.result_json).where(SCANS.c.id == scan_id)).scalar()
    return json.loads(result_json) if result_json else None
