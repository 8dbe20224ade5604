"""The ledger's statements on their own (oit/store/ledger.py), on SQLite and a real PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from oit.store.database import now as utc_now
from oit.store.database import open_engine
from oit.store.ledger import claim, expire_leases, night_runs, record_night, renew

NIGHT = date(2026, 12, 7)


def test_a_worker_renews_only_the_runs_it_is_scanning(database: str) -> None:
    """A run whose outcome the worker could not write (the database was away) is no longer scanned by it: its lease
    must run out so that the site is handed on, even though the same worker goes on renewing its other runs."""
    engine = open_engine(database)
    record_night(engine, NIGHT, [("http://127.0.0.2/", "อบต.หนองบัว"), ("http://127.0.0.3/", "อบต.โนนสูง")], utc_now())
    at, lease = utc_now(), timedelta(seconds=30)
    scanning, forgotten = (claim(engine, run_id, "w1", lease, at) for run_id in (1, 2))
    assert scanning and forgotten
    later = at + timedelta(seconds=20)
    assert renew(engine, "w1", {scanning.id}, lease, later) == 1
    assert renew(engine, "w1", set(), lease, later) == 0
    expired = expire_leases(engine, at + timedelta(seconds=40), max_attempts=3)
    assert [run.id for run in expired] == [forgotten.id]
    states = {run.id: run.state for run in night_runs(engine, NIGHT)}
    assert states == {scanning.id: "running", forgotten.id: "queued"}
