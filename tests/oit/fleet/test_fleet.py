"""The fleet's guarantees, on a real Redis and real `oit fleet worker` processes scanning real local sites: each site
queued once per night, scanned once at a time and once per night, one running site per host, a killed worker's site
finished by another, a stopped worker's site handed back, a worker outliving a database restart, late sites reported and
still scanned."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from oit.config import load_config
from oit.fleet.queue import ScanOrder, make_broker, send
from oit.store.database import SCANS, SITES, now, open_engine
from oit.store.ledger import LEASE_EXPIRED, night_runs, record_night, take_unsent
from tests.crawler.support import LocalServer
from tests.oit.fleet.conftest import ROOT, Workers, municipal_site, wait_until, write_config
from tests.oit.receivers import free_port
from tests.oit.store.postgres import PostgresCluster

pytestmark = pytest.mark.requires("redis-server", "dramatiq")
# The fleet's guarantees are tested on its shared store; the plainest ones on SQLite too (one machine).
needs_postgresql = pytest.mark.requires("postgresql")

NIGHT = date(2026, 12, 7)


def oit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("OIT_DATABASE", None)
    return subprocess.run(
        [sys.executable, "-m", "oit", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


def queued_messages(redis_url: str) -> int:
    import redis

    client = redis.Redis.from_url(redis_url)
    try:
        return int(client.hlen("oit:oit-scans.msgs"))  # Dramatiq's Redis broker: one hash entry per message
    finally:
        client.close()


def messages_anywhere(redis_url: str) -> int:
    """The messages Dramatiq holds in any of its queues: ready, delayed and dead-lettered (each in a *.msgs hash)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    try:
        return sum(int(client.hlen(key)) for key in client.scan_iter("oit:*.msgs"))
    finally:
        client.close()


@contextmanager
def server_stopped(cluster: PostgresCluster) -> Iterator[None]:
    """The cluster's server stopped as for a restart (sessions ended, new connections refused), then started again
    with the options it had (pg_ctl restart reads them from postmaster.opts). PostgresCluster's own stop() also
    removes the cluster, hence its _run here."""
    cluster._run("pg_ctl", "-D", str(cluster.data), "-m", "fast", "-w", "stop")
    try:
        yield
    finally:
        cluster._run("pg_ctl", "-D", str(cluster.data), "-l", str(cluster.root / "server.log"), "-w", "restart")


def enqueue(config: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`oit fleet enqueue` for the test's night, as cron would run it."""
    return oit("fleet", "enqueue", "--config", str(config), "--night", NIGHT.isoformat(), cwd=cwd)


def runs(config: Path) -> list:
    return night_runs(open_engine(load_config(config).database_url), NIGHT)


def all_done(config: Path) -> bool:
    return all(run.state == "done" for run in runs(config))


def scans_of(config: Path, url: str) -> list:
    engine = open_engine(load_config(config).database_url)
    with engine.connect() as conn:
        return conn.execute(
            select(SCANS).join(SITES, SCANS.c.site_id == SITES.c.id).where(SITES.c.url == url).order_by(SCANS.c.id)
        ).all()


def test_enqueue_records_and_queues_each_site_once_however_often_it_runs(
    tmp_path: Path, redis_url: str, database: str, sites: list[LocalServer]
) -> None:
    config = write_config(tmp_path, redis_url, [(f"site{i}", s.url()) for i, s in enumerate(sites)], database)
    night = ["fleet", "enqueue", "--config", str(config), "--night", NIGHT.isoformat()]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("OIT_DATABASE", None)
    together = [  # two machines' cron jobs at the same minute
        subprocess.Popen([sys.executable, "-m", "oit", *night], cwd=tmp_path, env=env, stdout=subprocess.PIPE)
        for _ in range(2)
    ]
    assert [p.wait(120) for p in together] == [0, 0]
    again = oit(*night, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 new, 0 queued" in again.stdout
    assert len(runs(config)) == 3
    assert queued_messages(redis_url) == 3


def test_workers_scan_every_site_exactly_once(
    tmp_path: Path, redis_url: str, database: str, sites: list[LocalServer], workers: Workers
) -> None:
    config = write_config(tmp_path, redis_url, [(f"site{i}", s.url()) for i, s in enumerate(sites)], database)
    assert enqueue(config, tmp_path).returncode == 0
    workers.start(config, threads=2)
    workers.start(config, threads=2)
    assert wait_until(lambda: all_done(config), 120), [r.state for r in runs(config)]
    for server, run in zip(sites, sorted(runs(config), key=lambda r: r.site_url), strict=True):
        scans = scans_of(config, server.url())
        assert [s.state for s in scans] == ["done"]
        assert run.scan_id == scans[0].id and run.attempts == 1
        assert server.count("/") == 1
    # Enqueued again the same night: nothing more is queued or scanned.
    assert "0 new, 0 queued" in enqueue(config, tmp_path).stdout
    status = json.loads(oit("fleet", "status", "--config", str(config), "--json", cwd=tmp_path).stdout)
    assert status["counts"]["done"] == 3 and {s["state"] for s in status["sites"]} == {"done"}


@needs_postgresql
def test_a_worker_takes_only_what_it_can_run_and_leaves_the_rest_to_others(
    tmp_path: Path, redis_url: str, postgres_url: str, workers: Workers
) -> None:
    servers = [
        LocalServer(municipal_site(f"อบต.ที่ {i}", pages=40, delay=1.0), host=f"127.0.2.{i + 1}") for i in range(4)
    ]
    for server in servers:
        server.__enter__()
    try:
        config = write_config(tmp_path, redis_url, [(f"s{i}", s.url()) for i, s in enumerate(servers)], postgres_url)
        assert enqueue(config, tmp_path).returncode == 0
        workers.start(config, threads=2)  # the first worker up: two scans at once
        assert wait_until(lambda: sum(r.state == "running" for r in runs(config)) == 2, 60)
        workers.start(config, threads=2)  # the second finds the other two sites still in the queue
        assert wait_until(lambda: all_done(config), 120), [(r.site_url, r.state) for r in runs(config)]
    finally:
        for server in servers:
            server.__exit__(None, None, None)
    assert len({run.worker for run in runs(config)}) == 2


@needs_postgresql
def test_sites_on_one_host_share_it_one_at_a_time(
    tmp_path: Path, redis_url: str, postgres_url: str, workers: Workers
) -> None:
    # Two municipalities on one shared hosting server (one address, two ports), and one on its own server.
    with (
        LocalServer(municipal_site("อบต.หนองบัว", pages=6, delay=0.3), host="127.0.0.5") as shared_a,
        LocalServer(municipal_site("อบต.โนนสูง", pages=6, delay=0.3), host="127.0.0.5") as shared_b,
        LocalServer(municipal_site("เทศบาลตำบลบ้านไผ่", pages=6, delay=0.3), host="127.0.0.6") as alone,
    ):
        servers = [shared_a, shared_b, alone]
        config = write_config(tmp_path, redis_url, [(f"s{i}", s.url()) for i, s in enumerate(servers)], postgres_url)
        assert enqueue(config, tmp_path).returncode == 0
        workers.start(config, threads=3)
        assert wait_until(lambda: all_done(config), 120), [(r.site_url, r.state, r.error) for r in runs(config)]
        spans = {s.url(): [(h.at) for h in s.hits if h.path != "/robots.txt"] for s in servers}
    first, second = sorted([spans[shared_a.url()], spans[shared_b.url()]], key=min)
    assert max(first) < min(second), "two sites of one host were crawled at the same time"
    lone = spans[alone.url()]
    assert min(lone) < max(first + second) and max(lone) > min(first + second), "the other host waited for nothing"


@pytest.mark.slow
@needs_postgresql
def test_a_killed_workers_site_is_finished_by_another(
    tmp_path: Path, redis_url: str, postgres_url: str, workers: Workers
) -> None:
    with LocalServer(municipal_site("อบต.หนองบัว", pages=40, delay=0.5), host="127.0.0.7") as slow:
        config = write_config(tmp_path, redis_url, [("slow", slow.url())], postgres_url, lease=10)
        assert enqueue(config, tmp_path).returncode == 0
        first = workers.start(config, threads=1)
        assert wait_until(lambda: runs(config)[0].state == "running" and slow.count() > 3, 60)
        killed_name = runs(config)[0].worker
        first.send_signal(signal.SIGKILL)  # mid-scan, no goodbye: only the lease can tell
        first.wait(10)
        workers.start(config, threads=1)
        assert wait_until(lambda: runs(config)[0].state == "done", 150), runs(config)
    run = runs(config)[0]
    assert run.attempts == 2 and run.worker != killed_name
    scans = scans_of(config, slow.url())
    assert [s.state for s in scans] == ["failed", "done"]
    assert scans[0].error == LEASE_EXPIRED
    assert run.scan_id == scans[1].id


@pytest.mark.slow
@needs_postgresql
def test_a_worker_outlives_a_database_restart_and_its_site_is_done_once(
    tmp_path: Path, redis_url: str, postgres_cluster: PostgresCluster, postgres_url: str, workers: Workers
) -> None:
    with LocalServer(municipal_site("อบต.บ้านใหม่"), host="127.0.0.9") as server:
        config = write_config(tmp_path, redis_url, [("a", server.url())], postgres_url, retry_after_error_seconds=2)
        site = load_config(config).sites[0]
        engine = open_engine(load_config(config).database_url)
        record_night(engine, NIGHT, [(site.url, site.name)], now())  # what `oit fleet enqueue` records, then sends
        (run,) = take_unsent(engine, NIGHT, now(), timedelta(hours=1))
        worker = workers.start(config, threads=1)  # a worker opens the database when it starts: up for that
        assert wait_until(lambda: "worker started" in workers.log(0), 60), workers.log(0)
        with server_stopped(postgres_cluster):  # restarted at night: the order comes while the server is down
            broker = make_broker(redis_url)
            send(broker, ScanOrder(run_id=run.id, night=NIGHT, site=site))
            broker.close()
            # Tried, sent again, tried again: still held while the database is away.
            assert wait_until(lambda: workers.log(0).count("database error, order sent again") >= 2, 30), workers.log(0)
            assert worker.poll() is None, workers.log(0)
            assert server.count("/") == 0
        assert wait_until(lambda: runs(config)[0].state == "done", 60), (runs(config), workers.log(0))
    assert worker.poll() is None, workers.log(0)
    (done,) = runs(config)
    scans = scans_of(config, server.url())
    assert [s.state for s in scans] == ["done"] and done.scan_id == scans[0].id and done.attempts == 1
    assert messages_anywhere(redis_url) == 0  # acknowledged: nothing waiting, nothing dead-lettered


@pytest.mark.slow
@needs_postgresql
def test_a_database_restart_mid_scan_ends_that_scan_and_the_site_is_done_later(
    tmp_path: Path, redis_url: str, postgres_cluster: PostgresCluster, postgres_url: str, workers: Workers
) -> None:
    """The server goes away while pages are being stored: the crawl stops (it waited for ever: each crawl task died on
    the failed write of its failed page, and no one emptied the queue), the worker lives on, and once the server is
    back the run's lease runs out and the site is scanned again, to the end."""
    with LocalServer(municipal_site("อบต.บ้านใหม่", pages=60, delay=0.5), host="127.0.0.9") as server:
        config = write_config(tmp_path, redis_url, [("a", server.url())], postgres_url, retry_after_error_seconds=1)
        assert enqueue(config, tmp_path).returncode == 0
        worker = workers.start(config, threads=1)
        assert wait_until(lambda: server.count() >= 8, 60), workers.log(0)
        with server_stopped(postgres_cluster):  # ~8 pages a second: batches of 20 are written while it is down
            assert wait_until(lambda: "database error" in workers.log(0), 30), workers.log(0)
        assert wait_until(lambda: runs(config)[0].state == "done", 120), (runs(config), workers.log(0))
    assert worker.poll() is None, workers.log(0)
    scans = scans_of(config, server.url())
    assert [s.state for s in scans][-1] == "done" and runs(config)[0].scan_id == scans[-1].id
    assert "running" not in [s.state for s in scans]  # the interrupted scan was marked, not left hanging
    assert server.count("/news/59.html") >= 1


@pytest.mark.slow
@needs_postgresql
def test_a_stopped_worker_hands_its_site_back(
    tmp_path: Path, redis_url: str, postgres_url: str, workers: Workers
) -> None:
    with LocalServer(municipal_site("อบต.โนนสูง", pages=40, delay=0.5), host="127.0.0.8") as slow:
        config = write_config(tmp_path, redis_url, [("slow", slow.url())], postgres_url)
        assert enqueue(config, tmp_path).returncode == 0
        first = workers.start(config, threads=1)
        assert wait_until(lambda: runs(config)[0].state == "running" and slow.count() > 3, 60)
        first.send_signal(signal.SIGTERM)
        assert first.wait(60) == 0
        handed = runs(config)[0]
        assert handed.state == "queued" and handed.attempts == 0 and "worker is shutting down" in (handed.error or "")
        workers.start(config, threads=1)
        assert wait_until(lambda: runs(config)[0].state == "done", 120), runs(config)
    assert runs(config)[0].attempts == 1
    assert [s.state for s in scans_of(config, slow.url())] == ["failed", "done"]


@needs_postgresql
def test_a_late_site_is_reported_late_and_still_scanned(
    tmp_path: Path, redis_url: str, postgres_url: str, sites: list[LocalServer], workers: Workers
) -> None:
    config = write_config(tmp_path, redis_url, [("late", sites[0].url())], postgres_url)
    engine = open_engine(load_config(config).database_url)
    record_night(engine, NIGHT, [(sites[0].url(), "late")], now() - timedelta(hours=7))  # queued at 02:00, now 09:00
    status = json.loads(oit("fleet", "status", "--config", str(config), "--json", cwd=tmp_path).stdout)
    assert status["sites"][0]["late"] is True and status["counts"]["late"] == 1
    assert "ช้า / late" in oit("fleet", "status", "--config", str(config), cwd=tmp_path).stdout
    assert enqueue(config, tmp_path).returncode == 0
    workers.start(config, threads=1)
    assert wait_until(lambda: all_done(config), 90)


def test_an_unreachable_queue_is_a_clear_error_and_nothing_is_lost(tmp_path: Path, sites: list[LocalServer]) -> None:
    config = write_config(tmp_path, f"redis://127.0.0.1:{free_port()}/0", [("a", sites[0].url())])
    done = enqueue(config, tmp_path)
    assert done.returncode == 2
    said = " ".join(done.stderr.split())  # rich wraps the message to the terminal's width
    assert "เชื่อมต่อคิว Redis" in said and "cannot reach the Redis queue" in said
    (run,) = runs(config)
    assert run.state == "queued" and run.sent_at is None  # the next enqueue sends it


def test_a_bad_night_is_refused(tmp_path: Path, redis_url: str) -> None:
    config = write_config(tmp_path, redis_url, [("a", "http://127.0.0.2:1/")])
    done = oit("fleet", "status", "--config", str(config), "--night", "7/12/2569", cwd=tmp_path)
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr
