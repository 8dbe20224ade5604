"""The schema is Alembic's: made and migrated once per process and database, safely when processes start together,
adopting a database an earlier oit made without losing a row; one bounded engine per database and process."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine

from crawler.models import Link, Page
from oit.store.database import (
    MAX_OVERFLOW,
    POOL_SIZE,
    SCANS,
    ScanStore,
    StoredSite,
    dispose_engines,
    metadata,
    open_engine,
)
from oit.store.migrate import HEAD, alembic_config, upgrade
from oit.watch.history import list_scans
from tests.oit.store.postgres import PostgresCluster

PRE_ALEMBIC = Path(__file__).parents[2] / "fixtures" / "schema" / "oit-pre-alembic.sqlite.sql"
SITE = "http://t.go.th/"


def version(engine: Engine) -> str:
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


def test_head_is_the_newest_revision():
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD


def test_a_migrated_database_is_exactly_the_tables_of_the_code(database_url):
    """A new database gets the code's tables at once, stamped HEAD; the revisions run from an empty database build the
    same, on SQLite and PostgreSQL: a table or column changed in the code without a revision shows as a difference."""
    engine = open_engine(database_url)
    assert version(engine) == HEAD
    assert _differences(engine) == []
    with engine.begin() as conn:  # the same database emptied, then built by the revisions alone
        metadata.drop_all(conn)
        conn.execute(text("DROP TABLE alembic_version"))
    with engine.begin() as conn:
        upgrade(conn)
    assert version(engine) == HEAD
    assert _differences(engine) == []


def _differences(engine: Engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)


def test_a_database_made_before_alembic_is_adopted_losing_nothing(tmp_path):
    """A user's database made by the last oit before Alembic (every table, links.nav added late): opened, it is
    stamped with the baseline, every row is as it was, and the stored scan is read and a new one written."""
    path = tmp_path / "users.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(PRE_ALEMBIC.read_text(encoding="utf-8"))
    before = _rows(path)
    engine = open_engine(f"sqlite:///{path}")
    assert version(engine) == HEAD
    assert _rows(path, like=before) == before  # not a row or value lost or changed
    old = StoredSite(engine, 1, SITE)
    assert old.page(SITE).title == "หน้าแรก อบต.ทดสอบ"
    assert [(link.label, link.nav) for link in old.iter_links()] == [("ITA 2569", True), ("ข่าว", False)]
    assert old.document("http://t.go.th/a.pdf").text == "ประกาศราคากลาง"
    store = ScanStore(engine, SITE, None, 2569, date(2026, 6, 1))
    assert store.previous_scan_id == 1 and store.known(SITE) is not None  # the old scan is the new one's memory
    store.finish("{}", [], 0, 0, 0, 0.1)


def _rows(path: Path, like: dict[str, list[dict]] | None = None) -> dict[str, list[dict]]:
    """Every row of every table as column -> value; with `like`, only its tables and columns (what later revisions
    add, such as the fleet's ledger, is not part of what was there before)."""
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        rows = {t: [dict(r) for r in db.execute(f"SELECT * FROM {t} ORDER BY 1")] for t in tables}
    rows.pop("alembic_version", None)
    if like is None:
        return rows
    return {t: [{c: row[c] for c in (like[t][0] if like[t] else {})} for row in rows[t]] for t in like}


def test_a_database_is_migrated_once_not_on_every_open(tmp_path):
    """Later opens (in this process, or in the next one: the cache is emptied here) issue no DDL and load no
    Alembic: one look at the version says the schema is current."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    first = open_engine(url)
    assert open_engine(url) is first
    dispose_engines()
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        open_engine(url)
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    assert statements and not [s for s in statements if s.lstrip().upper().startswith(("CREATE", "ALTER", "INSERT"))]


# --- two processes starting on a new database at once -------------------------------------------------------------
OPEN_AT = """
import sys, time
from oit.store.database import ScanStore, open_engine
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))  # both processes are loaded: they open at the same moment
engine = open_engine(sys.argv[1])
from datetime import date
store = ScanStore(engine, "http://t.go.th/", "อบต.ทดสอบ", 2569, date(2026, 5, 15))
store.finish("{}", [], 0, 0, 0, 0.1)
"""
TRIALS = 6


def _start_two(url: str) -> list[subprocess.CompletedProcess]:
    at = str(time.time() + 4.0)  # past the two interpreters' start on a busy 2-core machine
    procs = [
        subprocess.Popen([sys.executable, "-c", OPEN_AT, url, at], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    return [subprocess.CompletedProcess(p.args, p.wait(120), *p.communicate()) for p in procs]


def _check_started(url: str, runs: list[subprocess.CompletedProcess]) -> None:
    assert [r.returncode for r in runs] == [0, 0], [r.stderr.decode()[-800:] for r in runs]
    engine = open_engine(url)
    assert version(engine) == HEAD
    with engine.connect() as conn:
        assert conn.execute(select(SCANS.c.state)).scalars().all() == ["done", "done"]


def test_a_new_sqlite_file_held_by_another_writer_is_waited_for(tmp_path):
    """SQLite refuses the switch to WAL at once, not after its busy timeout, while another connection holds the write
    lock of a file still in its first journal mode (another process creating it): the open must wait, not fail."""
    path = tmp_path / "new.sqlite"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE their_start (n INTEGER)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO their_start VALUES (1)")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        engine = open_engine(f"sqlite:///{path}")
    finally:
        release.join()
        other.close()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert version(engine) == HEAD


@pytest.mark.slow
def test_two_processes_starting_on_a_new_sqlite_file_both_succeed(tmp_path):
    for trial in range(TRIALS):
        url = f"sqlite:///{tmp_path / f'new{trial}.sqlite'}"
        _check_started(url, _start_two(url))


@pytest.mark.slow
@pytest.mark.requires("postgresql")
def test_two_processes_starting_on_a_new_postgresql_database_both_succeed(postgres_cluster: PostgresCluster):
    for _ in range(TRIALS):
        name = postgres_cluster.create_database()
        url = postgres_cluster.url(name)
        _check_started(url, _start_two(url))
        dispose_engines()
        postgres_cluster.drop_database(name)


# --- one engine, one bounded pool ------------------------------------------------------------------------------------
@pytest.mark.requires("postgresql")
def test_repeated_calls_add_no_idle_connections(postgres_cluster: PostgresCluster, postgres_url):
    """Each command, scan and report asks open_engine for the database: the same engine and pool every time, so the
    server's sessions stay as many as the pool holds (each call added an engine and its idle sessions before)."""
    name = postgres_url.split("/")[-1].split("?")[0]
    counts = []
    for n in range(6):
        engine = open_engine(postgres_url)
        store = ScanStore(engine, SITE, "อบต.ทดสอบ", 2569, date(2026, 5, 15))
        store.add_page(Page(url=f"{SITE}p{n}.html", final_url=f"{SITE}p{n}.html", status=200, title=f"หน้า {n}",
                            html="<p>ข่าว</p>", links=[Link(url=f"{SITE}ita.html", text="ITA")]))  # fmt: skip
        store.finish("{}", [], 1, 0, 0, 0.1)
        assert StoredSite(open_engine(postgres_url), store.scan_id, SITE).page(f"{SITE}p{n}.html").title == f"หน้า {n}"
        assert len(list_scans(open_engine(postgres_url), SITE, limit=50)) == n + 1
        counts.append(postgres_cluster.connections(name))
    assert counts[-1] == counts[1] <= POOL_SIZE + MAX_OVERFLOW, counts
    dispose_engines()  # what the process does at exit
    assert postgres_cluster.connections(name) == 0
