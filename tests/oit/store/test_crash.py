"""Crash safety, for real: an `oit scan` process killed with SIGKILL mid-crawl leaves a consistent database;
the next scan marks the dead scan "crashed" and completes, and earlier history is intact. A running scan whose
process is alive (a concurrent scan) is left alone."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import psutil
import pytest
from sqlalchemy import select

from oit.store.database import CRASHED_TH_EN, LEASES, SCANS, ScanLeases, ScanStore, now, open_engine
from tests.crawler.support import LocalServer, Reply, page, pdf_reply

OIT = [sys.executable, "-m", "oit"]
FIXTURES = Path(__file__).parents[2] / "fixtures" / "documents"
NEWS = 300


def slow_site() -> dict[str, Reply]:
    """An อบต. site whose news pages answer slowly: a full crawl takes long enough to be killed mid-way."""
    links = "".join(f'<a href="/news/{n}.html">ข่าวประชาสัมพันธ์ ฉบับที่ {n}</a>' for n in range(NEWS))
    routes = {"/": page(f"<h1>องค์การบริหารส่วนตำบลตัวอย่าง</h1>{links}", title="หน้าหลัก - อบต.ตัวอย่าง")}
    for n in range(NEWS):
        news = page(f"<h1>ข่าวประชาสัมพันธ์ ฉบับที่ {n}</h1><p>อบต.ตัวอย่าง จัดกิจกรรม วันที่ {n % 28 + 1} มีนาคม 2569</p>")
        news.delay = 0.03
        routes[f"/news/{n}.html"] = news
    return routes


def oit_scan(url: str, db: Path, workdir: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "OIT_DATABASE": f"sqlite:///{db}"}
    cmd = [*OIT, "scan", url, "--year", "2569", "--as-of", "2026-05-15", "--delay", "0", "--concurrency", "2", *args]
    return subprocess.Popen(cmd, cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db, timeout=10) as conn:
        return conn.execute(sql).fetchall()


def wait_for_committed_pages(db: Path, scan_id: int, proc: subprocess.Popen, at_least: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and rows(db, f"select count(*) from pages where scan_id = {scan_id}")[0][0] >= at_least:
            return
        time.sleep(0.05)
    pytest.fail(f"the scan did not commit {at_least} pages in time (exit code {proc.poll()})")


def test_scan_killed_mid_crawl_is_marked_crashed_and_history_survives(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite"
    with LocalServer(slow_site()) as server:
        done = oit_scan(server.url("/"), db, tmp_path, "--max-pages", "5", "--json", str(tmp_path / "1.json"))
        assert done.wait(120) == 0, done.stderr.read().decode() if done.stderr else ""
        before = rows(db, "select id, state, result_json from scans")
        items_before = rows(db, "select code, status, result from item_results order by id")

        killed = oit_scan(server.url("/"), db, tmp_path, "--json", str(tmp_path / "2.json"))
        wait_for_committed_pages(db, before[0][0] + 1, killed, at_least=60)  # more than one batch on disk
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(30)
        assert killed.returncode == -signal.SIGKILL
        assert rows(db, "pragma integrity_check") == [("ok",)]
        (state, pid), *_ = rows(db, f"select state, owner_pid from scans where id = {before[0][0] + 1}")
        assert (state, pid) == ("running", killed.pid)  # as it was left: nothing could mark it

        after = oit_scan(server.url("/"), db, tmp_path, "--max-pages", "5", "--json", str(tmp_path / "3.json"))
        assert after.wait(120) == 0, after.stderr.read().decode() if after.stderr else ""

    assert rows(db, "pragma integrity_check") == [("ok",)]
    scans = rows(db, "select id, state, error from scans order by id")
    assert [s[1] for s in scans] == ["done", "crashed", "done"]
    assert scans[1][2] == CRASHED_TH_EN and "interrupted" in scans[1][2]
    # Earlier history is exactly as it was; the crashed scan keeps its committed batches, no result.
    assert rows(db, f"select id, state, result_json from scans where id = {before[0][0]}") == before
    assert rows(db, f"select code, status, result from item_results where scan_id = {before[0][0]} order by id") == (
        items_before
    )
    assert rows(db, f"select count(*) from item_results where scan_id = {scans[1][0]}") == [(0,)]
    assert rows(db, f"select count(*) from pages where scan_id = {scans[1][0]}")[0][0] >= 50
    assert json.loads((tmp_path / "3.json").read_text("utf-8"))["scan_id"] == scans[2][0]


def test_live_concurrent_scan_is_left_running_and_dead_ones_are_marked(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    live = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))  # this process: alive
    dead = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with engine.begin() as conn:  # the second scan was owned by a process that has exited since
        conn.execute(SCANS.update().where(SCANS.c.id == dead.scan_id).values(owner_pid=gone.pid))
    reused = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    with engine.connect() as conn:
        states = dict(conn.execute(SCANS.select().with_only_columns(SCANS.c.id, SCANS.c.state)).all())
    assert reused.crashed == [dead.scan_id]
    assert states == {live.scan_id: "running", dead.scan_id: "crashed", reused.scan_id: "running"}


def _running(engine, **owner) -> int:  # type: ignore[no-untyped-def]
    """A running scan owned as given (host, pid, namespace, lease)."""
    scan_id = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15)).scan_id
    LEASES.release(scan_id)  # its owner is the one given here, not this process
    with engine.begin() as conn:
        conn.execute(SCANS.update().where(SCANS.c.id == scan_id).values(**owner))
    return scan_id


def _states(engine) -> dict[int, str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return dict(conn.execute(SCANS.select().with_only_columns(SCANS.c.id, SCANS.c.state)).all())


def test_a_scan_in_another_container_of_this_host_lives_while_its_lease_does(tmp_path: Path) -> None:
    """A container shares its host's name but not its process numbers: its scan's pid means nothing here. It is
    judged by its lease (it was marked crashed at once before, a live scan lost)."""
    engine = open_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a pid that is no process here
    container = {"owner_host": socket.gethostname(), "owner_pid": gone.pid, "owner_ns": "pid:[4026532999]"}
    live = _running(engine, **container, lease_until=now() + timedelta(minutes=1))
    lapsed = _running(engine, **container, lease_until=now() - timedelta(seconds=1))
    here = _running(engine, owner_pid=gone.pid)  # this host and namespace: its dead process says it at once
    ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))  # the next scan looks at the others
    states = _states(engine)
    assert (states[live], states[lapsed], states[here]) == ("running", "crashed", "crashed")


def test_another_machines_scan_is_crashed_when_its_lease_runs_out_not_after_a_day(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    other = {"owner_host": "worker-7.fleet.example.go.th", "owner_pid": 1234}
    renewing = _running(engine, **other, lease_until=now() + timedelta(seconds=90))
    silent = _running(engine, **other, lease_until=now() - timedelta(seconds=5))
    old_oit = _running(engine, **other, lease_until=None)  # recorded by an oit without leases: judged by its age
    ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    states = _states(engine)
    assert (states[renewing], states[silent], states[old_oit]) == ("running", "crashed", "running")


def test_a_running_scan_renews_its_lease_until_it_ends(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    LEASES.release(store.scan_id)
    leases = ScanLeases(lease=timedelta(seconds=0.9))  # renewed every 0.3 s

    def lease() -> datetime:
        with engine.connect() as conn:
            return conn.execute(select(SCANS.c.lease_until).where(SCANS.c.id == store.scan_id)).scalar_one()

    first = lease()
    leases.hold(engine, store.scan_id)
    deadline = time.monotonic() + 10
    while lease() == first and time.monotonic() < deadline:
        time.sleep(0.05)
    assert lease() != first  # renewed, to now + 0.9 s
    store.finish("{}", [], 0, 0, 0, 0.1)
    leases.release(store.scan_id)
    ended = lease()
    time.sleep(1.0)
    assert lease() == ended  # a finished scan's lease is left as it was


def test_owners_recorded_with_psutil_still_match_their_live_processes(tmp_path: Path) -> None:
    """The scan process reads its start time from /proc instead of loading psutil; the figure is psutil's, so a
    running scan recorded by an earlier oit (owner_started from psutil) is still its live process's, and a pid
    reused by another process, or a zombie, is not."""
    engine = open_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])  # exits and is not waited for: a zombie
    try:
        while psutil.Process(zombie.pid).status() != psutil.STATUS_ZOMBIE:
            time.sleep(0.01)
        recorded = {pid: psutil.Process(pid).create_time() for pid in (os.getpid(), child.pid, zombie.pid)}
        scans = {}
        for name, pid, started in (
            ("self", os.getpid(), recorded[os.getpid()]),
            ("child", child.pid, recorded[child.pid]),
            ("reused pid", child.pid, recorded[child.pid] - 3600),  # the pid of a scan an hour older
            ("zombie", zombie.pid, recorded[zombie.pid]),
        ):
            scans[name] = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15)).scan_id
            with engine.begin() as conn:
                conn.execute(
                    SCANS.update().where(SCANS.c.id == scans[name]).values(owner_pid=pid, owner_started=started)
                )
        ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
        with engine.connect() as conn:
            states = dict(conn.execute(SCANS.select().with_only_columns(SCANS.c.id, SCANS.c.state)).all())
        assert {name: states[scan_id] for name, scan_id in scans.items()} == {
            "self": "running", "child": "running", "reused pid": "crashed", "zombie": "crashed"
        }  # fmt: skip
    finally:
        child.kill()
        child.wait()
        zombie.wait()


def busy_site() -> dict[str, Reply]:
    """An อบต. site with scanned announcements (OCR workers) and an ITA index built by a script (Chromium)."""
    scan = (FIXTURES / "nogift-scan.pdf").read_bytes()
    links = "".join(f'<a href="/docs/{n}.pdf">ประกาศเจตนารมณ์ ฉบับที่ {n}</a>' for n in range(3))
    routes = {"/": page(f'<h1>องค์การบริหารส่วนตำบลตัวอย่าง</h1>{links}<a href="/ita/index.html">ITA 2569</a>')}
    routes.update({f"/docs/{n}.pdf": pdf_reply(scan + f"\n%{n}\n".encode()) for n in range(3)})
    routes["/ita/index.html"] = Reply(
        body='<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ITA 2569</title></head><body>'
        '<div id="app"><table id="ita"><tbody></tbody></table></div><script src="/ita/app.js"></script></body></html>'
    )
    routes["/ita/app.js"] = Reply(
        body="document.querySelector('#ita tbody').innerHTML = '<tr><td>O1</td><td>โครงสร้าง</td></tr>';",
        content_type="text/javascript",
    )
    return routes


def descendants(pid: int) -> dict[int, psutil.Process]:
    try:
        return {p.pid: p for p in psutil.Process(pid).children(recursive=True)}
    except psutil.NoSuchProcess:
        return {}


def alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_helper_processes_end_with_a_scan_killed_by_sigkill(tmp_path: Path) -> None:
    """OCR and text workers, the fork server, multiprocessing's resource tracker and Chromium: none outlives a
    scan killed with SIGKILL (they kept running for good, holding memory, before)."""
    db = tmp_path / "history.sqlite"
    seen: dict[int, psutil.Process] = {}
    with LocalServer(busy_site()) as server:
        scan = oit_scan(server.url("/"), db, tmp_path)
        try:
            deadline = time.monotonic() + 120  # a guard against a hang only
            while time.monotonic() < deadline and scan.poll() is None:
                seen.update(descendants(scan.pid))
                names = " ".join(" ".join(p.cmdline()) for p in seen.values() if alive(p))
                workers = sum("forkserver" in " ".join(p.cmdline()) for p in seen.values() if alive(p))
                if workers >= 3 and "resource_tracker" in names and "chromium" in names:
                    break  # the fork server and at least two of its workers, the tracker, the browser
                time.sleep(0.05)
            else:
                pytest.fail(f"the helper processes did not all start (exit code {scan.poll()})")
            seen.update(descendants(scan.pid))
        finally:
            os.kill(scan.pid, signal.SIGKILL)
            scan.wait(30)
    assert scan.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 30  # bounded poll: they go within a second or so
    while time.monotonic() < deadline and any(alive(p) for p in seen.values()):
        time.sleep(0.1)
    left = {pid: " ".join(p.cmdline())[:90] for pid, p in seen.items() if alive(p)}
    for process in seen.values():  # not to leave them on the machine when the test fails
        if alive(process):
            process.kill()
    assert left == {}
