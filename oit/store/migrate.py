"""The schema, created and migrated once per process and database by Alembic (oit/store/migrations/).

open_engine (oit.store.database) calls `migrate` when it first opens a database in a process. A database at the head
revision costs two small queries and no Alembic import (a scan process stays as small as before). Otherwise the
migration runs under a lock that every oit process takes, on every machine: two processes starting on a fresh
database at once (a cron scan and a user's, two fleet workers) never both create the tables; the second finds them
made when it gets the lock, and does nothing.
    PostgreSQL  pg_advisory_xact_lock(MIGRATION_LOCK) in the migration's transaction (DDL is transactional there:
                a migration that fails leaves nothing half-done, and the lock goes with the transaction)
    SQLite      BEGIN IMMEDIATE: the file's write lock, waited for (SQLite's busy timeout, then again here)

A new, empty database gets the current tables at once (metadata.create_all) and is stamped HEAD, as Alembic's cookbook
builds an up-to-date database from scratch: without importing Alembic (~11 MB in a scan process, once per database).
A database an earlier oit made (tables, no alembic_version) is adopted by the baseline revision 0001, losing nothing,
and one at an older revision is upgraded by the revisions after it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0003"  # the newest revision in migrations/versions (tests/oit/store/test_migrations.py checks it)
MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"
# A constant of oit's own for pg_advisory_xact_lock (a bigint): "oit.sche" in ASCII.
MIGRATION_LOCK = int.from_bytes(b"oit.sche", "big") & 0x7FFF_FFFF_FFFF_FFFF
LOCK_ATTEMPTS = 20  # SQLite: how often a locked file is tried again (each after SQLite's own 5 s busy wait)


# Alembic's own version table, as it creates it (alembic.runtime.migration), for stamping a new database.
_VERSIONS = Table(
    VERSION_TABLE,
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def migrate(engine: Engine, tables: MetaData) -> None:
    """Bring the database to HEAD (`tables` as the code declares them), once, under the migration lock; nothing when
    it is there already."""
    with engine.connect() as conn:
        if revision(conn) == HEAD:
            return
    if engine.dialect.name == "sqlite":
        _with_retries(lambda: _migrate_sqlite(engine, tables))
    else:
        _migrate_locked(engine, tables)


def revision(conn: Connection) -> str | None:
    """The database's Alembic revision; None when it has none (new, or made by an oit before Alembic)."""
    if not inspect(conn).has_table(VERSION_TABLE):
        conn.rollback()
        return None
    found = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    conn.rollback()
    return found


def _migrate_locked(engine: Engine, tables: MetaData) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        _migrate_in(conn, tables)


def _migrate_sqlite(engine: Engine, tables: MetaData) -> None:
    with engine.connect() as conn:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock before anything is read: one migrator at a time
        _migrate_in(conn, tables)
        conn.commit()


def _migrate_in(conn: Connection, tables: MetaData) -> None:
    """Inside the lock: another process may have done the work while this one waited."""
    found = _revision_in(conn)
    if found == HEAD:
        return
    if found is None and not set(tables.tables) & set(inspect(conn).get_table_names()):
        tables.create_all(conn)  # a new database: the current tables, stamped as made by every revision
        _VERSIONS.create(conn)
        conn.execute(_VERSIONS.insert().values(version_num=HEAD))
        return
    upgrade(conn)


def _revision_in(conn: Connection) -> str | None:
    """As `revision`, inside the caller's transaction (which it leaves open)."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade(conn: Connection) -> None:
    """Run the revisions from the database's own (none: the baseline adopts it) to HEAD, on `conn`."""
    from alembic import command  # only when there is something to migrate: a scan process does without it

    command.upgrade(alembic_config(conn), HEAD)


def alembic_config(conn: Connection | None = None) -> Config:
    """Alembic's configuration, made in code (no alembic.ini): the migrations inside this package; the connection
    env.py runs them on."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def _with_retries(migrate_once: Callable[[], None]) -> None:
    """SQLite answers "database is locked" when another process holds the file past the busy timeout (a long first
    migration; a new file's switch to WAL waits on its own, oit.store.database._switch_to_wal): the migration is
    tried again, and then finds the work done."""
    for attempt in range(1, LOCK_ATTEMPTS + 1):
        try:
            migrate_once()
            return
        except OperationalError as exc:
            if attempt == LOCK_ATTEMPTS or "locked" not in str(exc.orig):
                raise
            time.sleep(0.05 * attempt)
