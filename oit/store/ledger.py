"""The fleet's nightly ledger: for each night and site, queued, running (on which worker, lease until when), done
(which scan) or failed (why, after how many attempts).

Every guarantee of the fleet is one SQL statement here whose WHERE clause is the guarantee, so that it holds however
many enqueuers and workers run on however many machines:

- a site is recorded once per night (the unique (night, site_url) and INSERT … ON CONFLICT DO NOTHING);
- a site is claimed by one worker at a time, and only when no other site of its host is running (one rate per host
  across the fleet); on PostgreSQL the claim first takes a transaction lock on the host, since two claims of two
  sites of one host would otherwise both see the host free;
- a worker renews the leases of what it runs; a lease that runs out (the worker was killed or cut off) puts the site
  back in the queue and marks its unfinished scan failed, whatever the machine, container or PID.

Times are naive UTC, as everywhere in the database.
"""

from __future__ import annotations

import zlib
from collections.abc import Collection, Iterable
from datetime import date, datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict
from sqlalchemy import and_, case, exists, func, or_, select, text, update
from sqlalchemy.engine import Connection, Engine

from oit.store.database import FLEET_RUNS, SCANS, SITES, insert_unless_present

State = Literal["queued", "running", "done", "failed"]

LEASE_EXPIRED = (
    "เครื่องที่สแกนเว็บไซต์นี้หยุดตอบ (หมดเวลาเช่างาน) จึงคืนเข้าคิวให้เครื่องอื่นสแกนต่อ"
    " / the worker scanning this site stopped renewing its lease: the site went back to the queue"
)


class LedgerRow(BaseModel):
    """One site's run of one night, as `oit fleet status` shows it."""

    model_config = ConfigDict(frozen=True)

    id: int
    night: date
    site_url: str
    site_name: str | None
    host: str
    state: State
    queued_at: datetime
    sent_at: datetime | None
    worker: str | None
    lease_until: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    attempts: int
    scan_id: int | None
    error: str | None


def host_of(url: str) -> str:
    """The host whose politeness a site shares with the other sites on it (port left out: one server)."""
    return (urlsplit(url).hostname or "").lower()


def is_late(run: LedgerRow, at: datetime, late_after: timedelta) -> bool:
    """Still queued or running `late_after` after it was queued: reported late (never dropped)."""
    return run.state in ("queued", "running") and at - run.queued_at > late_after


def _row(mapping: object) -> LedgerRow:
    return LedgerRow.model_validate(mapping, from_attributes=True)


# --- enqueue --------------------------------------------------------------------------------------------------
def record_night(engine: Engine, night: date, sites: Iterable[tuple[str, str | None]], at: datetime) -> int:
    """Record each (url, name) as queued for `night` unless it already is; returns how many rows were new."""
    rows = [
        {"night": night, "site_url": url, "site_name": name, "host": host_of(url), "state": "queued", "queued_at": at}
        for url, name in sites
    ]
    if not rows:
        return 0
    with engine.begin() as conn:
        before = _count(conn, night)
        conn.execute(insert_unless_present(conn, FLEET_RUNS, ["night", "site_url"]), rows)
        return _count(conn, night) - before


def _count(conn: Connection, night: date) -> int:
    return int(
        conn.execute(select(func.count()).select_from(FLEET_RUNS).where(FLEET_RUNS.c.night == night)).scalar_one()
    )


def take_unsent(engine: Engine, night: date, at: datetime, resend_after: timedelta) -> list[LedgerRow]:
    """The queued runs whose message must be sent now: never sent, or sent so long ago that the message may be lost
    (a Redis that was emptied). Marked sent in the same statement, so of two enqueuers only one sends each; a message
    sent twice is harmless, since a claim lets one worker through."""
    runs = FLEET_RUNS.c
    with engine.begin() as conn:
        taken = conn.execute(
            update(FLEET_RUNS)
            .where(
                runs.night == night,
                runs.state == "queued",
                or_(runs.sent_at.is_(None), runs.sent_at < at - resend_after),
            )
            .values(sent_at=at)
            .returning(*FLEET_RUNS.c)
        ).all()
    return sorted((_row(r) for r in taken), key=lambda r: r.id)


def release_unsent(engine: Engine, run_ids: list[int]) -> None:
    """Messages taken by take_unsent that could not be sent: the next enqueue sends them."""
    if not run_ids:
        return
    runs = FLEET_RUNS.c
    with engine.begin() as conn:
        conn.execute(update(FLEET_RUNS).where(runs.id.in_(run_ids), runs.state == "queued").values(sent_at=None))


# --- claim, renew, finish ---------------------------------------------------------------------------------------
def claim(engine: Engine, run_id: int, worker: str, lease: timedelta, at: datetime) -> LedgerRow | None:
    """Make the run `worker`'s, when it is queued and no other site of its host is running; None otherwise (see
    why_not). The attempt is counted here."""
    runs, other = FLEET_RUNS.c, FLEET_RUNS.alias("other")
    with engine.begin() as conn:
        host = conn.execute(select(runs.host).where(runs.id == run_id)).scalar()
        if host is None:
            return None
        if conn.dialect.name == "postgresql":  # serialise the claims of one host (released at commit)
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(host)})
        busy = exists().where(
            other.c.host == host, other.c.id != run_id, other.c.state == "running", other.c.lease_until >= at
        )
        row = conn.execute(
            update(FLEET_RUNS)
            .where(runs.id == run_id, runs.state == "queued", ~busy)
            .values(
                state="running",
                worker=worker,
                lease_until=at + lease,
                started_at=at,
                attempts=runs.attempts + 1,
                finished_at=None,
            )
            .returning(*FLEET_RUNS.c)
        ).first()
    return _row(row) if row else None


def _lock_key(host: str) -> int:
    """A stable signed 64-bit key per host for pg_advisory_xact_lock (Python's hash() changes between processes)."""
    return zlib.crc32(b"oit-fleet-host:" + host.encode()) - 2**31


Hold = Literal["gone", "done", "failed", "running", "host busy"]


def why_not(engine: Engine, run_id: int, at: datetime) -> tuple[Hold, datetime | None]:
    """Why a claim failed, and when trying again makes sense (a lease's end), for the worker to decide."""
    runs = FLEET_RUNS.c
    with engine.connect() as conn:
        row = conn.execute(select(FLEET_RUNS).where(runs.id == run_id)).first()
        if row is None:
            return "gone", None
        if row.state in ("done", "failed"):
            return row.state, None
        if row.state == "running":
            return "running", row.lease_until
        until = conn.execute(
            select(func.max(runs.lease_until)).where(
                runs.host == row.host, runs.id != run_id, runs.state == "running", runs.lease_until >= at
            )
        ).scalar()
    return "host busy", until


def renew(engine: Engine, worker: str, run_ids: Collection[int], lease: timedelta, at: datetime) -> int:
    """Extend the leases of the runs `worker` is scanning now; returns how many it still holds. Only those: a run the
    worker lost track of (its outcome could not be written) must run out, to be handed on."""
    if not run_ids:
        return 0
    runs = FLEET_RUNS.c
    with engine.begin() as conn:
        result = conn.execute(
            update(FLEET_RUNS)
            .where(runs.id.in_(list(run_ids)), runs.worker == worker, runs.state == "running")
            .values(lease_until=at + lease)
        )
    return int(result.rowcount)


def finish(engine: Engine, run_id: int, worker: str, scan_id: int | None, at: datetime) -> bool:
    """The run is done; False when the lease was lost meanwhile (another worker took the site over)."""
    return _end(engine, run_id, worker, at, state="done", scan_id=scan_id, error=None)


def fail(engine: Engine, run_id: int, worker: str, error: str, at: datetime, *, retry: bool) -> bool:
    """The attempt failed: back to the queue when `retry`, else failed for the night, with the reason."""
    return _end(engine, run_id, worker, at, state="queued" if retry else "failed", error=error)


def hand_back(engine: Engine, run_id: int, worker: str, reason: str, at: datetime) -> bool:
    """The worker stops before the run ends (SIGTERM): the site goes back to the queue and the attempt is not
    counted, since the site did nothing wrong."""
    runs = FLEET_RUNS.c
    with engine.begin() as conn:
        result = conn.execute(
            update(FLEET_RUNS)
            .where(runs.id == run_id, runs.worker == worker, runs.state == "running")
            .values(state="queued", lease_until=None, attempts=runs.attempts - 1, error=reason, sent_at=at)
        )
    return result.rowcount == 1


def _end(engine: Engine, run_id: int, worker: str, at: datetime, *, state: State, **values: object) -> bool:
    runs = FLEET_RUNS.c
    final = state in ("done", "failed")
    with engine.begin() as conn:
        result = conn.execute(
            update(FLEET_RUNS)
            .where(runs.id == run_id, runs.worker == worker, runs.state == "running")
            .values(state=state, lease_until=None, finished_at=at if final else None, **values)
        )
    return result.rowcount == 1


# --- leases that ran out ----------------------------------------------------------------------------------------
def expire_leases(engine: Engine, at: datetime, max_attempts: int) -> list[LedgerRow]:
    """Runs whose worker stopped renewing go back to the queue (or fail, out of attempts); the scan each left
    running is marked failed with the reason. Returns the runs expired."""
    runs = FLEET_RUNS.c
    with engine.begin() as conn:
        expired = conn.execute(
            update(FLEET_RUNS)
            .where(runs.state == "running", runs.lease_until < at)
            .values(
                state=case((runs.attempts >= max_attempts, "failed"), else_="queued"),
                lease_until=None,
                error=LEASE_EXPIRED,
                finished_at=case((runs.attempts >= max_attempts, at), else_=None),
                sent_at=None,  # to be sent again by the next enqueue (the broker re-delivers its own message too)
            )
            .returning(*FLEET_RUNS.c)
        ).all()
        for run in expired:
            conn.execute(
                update(SCANS)
                .where(
                    SCANS.c.state == "running",
                    SCANS.c.started_at >= run.started_at,
                    SCANS.c.site_id.in_(select(SITES.c.id).where(SITES.c.url == run.site_url)),
                )
                .values(state="failed", finished_at=at, error=LEASE_EXPIRED)
            )
    return [_row(r) for r in expired]


# --- reading -------------------------------------------------------------------------------------------------
def night_runs(engine: Engine, night: date) -> list[LedgerRow]:
    """The night's runs, those not done first (the ones an operator must look at), then by site."""
    runs = FLEET_RUNS.c
    order = case((runs.state == "failed", 0), (runs.state == "queued", 1), (runs.state == "running", 2), else_=3)
    with engine.connect() as conn:
        rows = conn.execute(select(FLEET_RUNS).where(runs.night == night).order_by(order, runs.site_url)).all()
    return [_row(r) for r in rows]


def latest_night(engine: Engine) -> date | None:
    with engine.connect() as conn:
        return conn.execute(select(func.max(FLEET_RUNS.c.night))).scalar()


def run_of(engine: Engine, night: date, site_url: str) -> LedgerRow | None:
    runs = FLEET_RUNS.c
    with engine.connect() as conn:
        row = conn.execute(select(FLEET_RUNS).where(and_(runs.night == night, runs.site_url == site_url))).first()
    return _row(row) if row else None
