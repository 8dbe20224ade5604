"""`oit schedule`: real APScheduler with its job store in a temp SQLite file, scanning the demo อบต. site on
127.0.0.1; `--once` in process, the long-running scheduler as a subprocess stopped with SIGTERM."""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from typer.testing import CliRunner

from oit.cli import app
from oit.config import Config, ConfigError, SiteConfig, load_config
from oit.demo.server import serve, site_dir
from oit.store.database import ScanStore, open_engine
from oit.watch import schedule
from oit.watch.schedule import (
    JOB_FUNC,
    JOBS_TABLE,
    STOPPED_MESSAGE,
    build_scheduler,
    is_due,
    job_id,
    migrate_stored_jobs,
    request_stop,
    run_site,
    scheduled_scan,
    trigger_for,
)
from tests.oit.receivers import Receiver

OIT = str(Path(sys.executable).with_name("oit"))
NAME = "อบต.หนองบัวแดง"
runner = CliRunner()


@pytest.fixture(scope="module")
def site_url() -> Iterator[str]:
    with serve() as url:
        yield url


def write_config(path: Path, db: Path, sites: list[tuple[str, str]], crawl: str = "delay = 0.0\nconcurrency = 4\n",
                 schedule: str = "") -> Path:  # fmt: skip
    text = f'[database]\nurl = "sqlite:///{db}"\n[crawl]\n{crawl}[schedule]\n{schedule}'
    for name, url in sites:
        text += f'[[sites]]\nname = "{name}"\nurl = "{url}"\nschedule = "0 2 * * *"\n'
    path.write_text(text, encoding="utf-8")
    return path


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def wait_for(check, timeout: float = 90.0) -> None:  # type: ignore[no-untyped-def]
    """Poll until `check()` is true (a condition, not a timing assertion: the deadline only stops a hang)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.2)


def test_a_site_is_due_when_its_schedule_fired_since_its_last_good_scan(tmp_path):
    engine = open_engine(f"sqlite:///{tmp_path / 'oit.sqlite'}")
    config = Config(sites=[SiteConfig(name=NAME, url="http://t.go.th/", schedule="0 2 * * *")])
    site, trigger = config.sites[0], trigger_for(config, config.sites[0])
    at = datetime.now(UTC)
    assert is_due(engine, site, trigger, at)  # never scanned
    store = ScanStore(engine, "http://t.go.th/", NAME, 2569, at.date())
    store.fail("เปิดหน้าแรกของเว็บไซต์ไม่ได้")
    assert is_due(engine, site, trigger, at)  # only a failed scan
    store = ScanStore(engine, "http://t.go.th/", NAME, 2569, at.date())
    store.finish("{}", [], 1, 0, 0, 0.1)
    assert not is_due(engine, site, trigger, at)  # scanned just now: 02:00 has not come round again
    assert is_due(engine, site, trigger, at + timedelta(days=1, minutes=1))  # the next night's 02:00 has passed


def test_cron_is_validated_with_its_location(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[[sites]]\nname = "x"\nurl = "http://x.go.th/"\nschedule = "0 26 * * *"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert "sites.0.schedule" in str(info.value) and "นิพจน์ cron ไม่ถูกต้อง" in str(info.value)
    path.write_text('[schedule]\ncron = "every night"\ntimezone = "Asia/Krungthep"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert "schedule.cron" in str(info.value) and "schedule.timezone" in str(info.value)


def test_once_scans_due_sites_then_nothing(tmp_path, site_url, monkeypatch):
    monkeypatch.delenv("OIT_DATABASE", raising=False)
    db = tmp_path / "oit.sqlite"
    config = write_config(tmp_path / "config.toml", db, [(NAME, site_url)])
    result = runner.invoke(app, ["schedule", "--once", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert rows(db, "select id, state from scans") == [(1, "done")]
    assert f"scan done: site={NAME} scan=1 score=" in result.output
    again = runner.invoke(app, ["schedule", "--once", "--config", str(config)])
    assert again.exit_code == 0 and "not due" in again.output
    assert rows(db, "select count(*) from scans") == [(1,)]


def test_once_reports_a_failed_site_with_exit_1(tmp_path, site_url, monkeypatch):
    monkeypatch.delenv("OIT_DATABASE", raising=False)
    db = tmp_path / "oit.sqlite"
    config = write_config(tmp_path / "config.toml", db, [("ปิดอยู่", "http://127.0.0.1:9/"), (NAME, site_url)])
    result = runner.invoke(app, ["schedule", "--once", "--config", str(config)])
    assert result.exit_code == 1
    assert "scan failed: site=ปิดอยู่" in result.output and f"scan done: site={NAME}" in result.output  # went on
    assert sorted(rows(db, "select state from scans")) == [("done",), ("failed",)]


def test_request_stop_stops_the_running_scans_crawler_in_process(tmp_path, site_url, monkeypatch):
    """A slow nightly scan (one request at a time, 0.3 s apart) runs in a thread as under the scheduler;
    request_stop() (the signal handler of `--once`) calls stop() on its crawler: the scan ends "failed" with
    the reason, the run's outcome says so, and no further page is asked for."""
    monkeypatch.delenv("OIT_DATABASE", raising=False)
    db = tmp_path / "oit.sqlite"
    config = load_config(
        write_config(tmp_path / "config.toml", db, [(NAME, site_url)], "delay = 0.3\nconcurrency = 1\n")
    )
    outcomes = []
    thread = threading.Thread(target=lambda: outcomes.append(run_site(config, config.sites[0])), daemon=True)
    try:
        thread.start()
        wait_for(lambda: db.exists() and _scan_started(db) and bool(schedule._crawlers))
        request_stop()
        thread.join(60)
    finally:
        schedule._stop.clear()  # the module's flag: later tests schedule again
    assert not thread.is_alive() and not schedule._crawlers  # the run forgot its crawler
    [outcome] = outcomes
    assert outcome.error == STOPPED_MESSAGE and outcome.scan_id == 1
    assert rows(db, "select state, error from scans") == [("failed", STOPPED_MESSAGE)]
    assert rows(db, "select count(*) from pages where scan_id = 1")[0][0] < 10  # the demo site has far more


def test_schedule_without_sites_is_a_clear_error(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["schedule", "--config", str(path)])
    assert result.exit_code == 2 and "[[sites]]" in result.output


class Scheduler:
    """`oit schedule` in a subprocess, its log in a file."""

    def __init__(self, config: Path, log: Path) -> None:
        self.log = log
        env = {k: v for k, v in os.environ.items() if k != "OIT_DATABASE"}
        self.proc = subprocess.Popen(
            [OIT, "schedule", "--config", str(config)],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            cwd=config.parent,
            env=env,
        )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=120)


def test_scheduler_catches_up_keeps_one_job_per_site_and_stops_on_sigterm(tmp_path, site_url):
    db = tmp_path / "oit.sqlite"
    config = write_config(tmp_path / "config.toml", db, [(NAME, site_url), ("ปิดอยู่", "http://127.0.0.1:9/")])
    first = Scheduler(config, tmp_path / "first.log")
    try:
        # Never scanned, so due: the scheduler runs both now, then waits for 02:00.
        wait_for(lambda: "scan done" in first.text() and "scan failed" in first.text())
    finally:
        assert first.stop() == 0
    log = first.text()
    assert f"scan done: site={NAME} scan=" in log and "scan failed: site=ปิดอยู่" in log
    assert "stopping on SIGTERM" in log and "scheduler stopped" in log
    errors = [line for line in log.splitlines() if " ERROR " in line]
    assert len(errors) == 1 and "ปิดอยู่" in errors[0]  # the unreachable site, and nothing else went wrong
    assert sorted(r[0] for r in rows(db, "select state from scans")) == ["done", "failed"]
    site = load_config(config).sites[0]
    jobs = rows(db, "select id, next_run_time from apscheduler_jobs")
    assert sorted(j[0] for j in jobs) == sorted([job_id(s) for s in load_config(config).sites])
    next_run = dict(jobs)[job_id(site)]
    assert datetime.fromtimestamp(next_run, UTC).hour == 19  # 02:00 Bangkok is 19:00 UTC

    # Second start, one site removed from the config: no duplicate job, the removed site's job gone, and the
    # done site is not due again (only the failed one is retried).
    write_config(config, db, [(NAME, site_url)])
    second = Scheduler(config, tmp_path / "second.log")
    try:
        wait_for(lambda: "scheduled" in second.text())
        wait_for(lambda: rows(db, "select id from apscheduler_jobs") == [(job_id(site),)])
    finally:
        assert second.stop() == 0
    assert rows(db, "select count(*) from scans") == [(2,)]  # nothing new: not due
    assert "scheduler stopped" in second.text()


def test_sigterm_during_a_scan_stops_it_cleanly(tmp_path, site_url):
    """A slow crawl (one request at a time, 0.3 s apart, ~25 s for the site) has just begun when SIGTERM
    arrives: it stops at its next page, the scan ends "failed" with the reason, and the scheduler exits 0."""
    db = tmp_path / "oit.sqlite"
    config = write_config(tmp_path / "config.toml", db, [(NAME, site_url)], crawl="delay = 0.3\nconcurrency = 1\n")
    scheduler = Scheduler(config, tmp_path / "schedule.log")
    try:
        wait_for(lambda: db.exists() and _scan_started(db))
    finally:
        assert scheduler.stop() == 0
    ((state, error),) = rows(db, "select state, error from scans")
    assert state == "failed" and "ถูกสั่งปิด" in error and "shutting down" in error
    log = scheduler.text()
    assert "waiting for running scans" in log and "scan failed" in log and "scheduler stopped" in log
    assert "abandoned" not in log


def test_a_scan_that_does_not_stop_in_time_is_marked_and_left(tmp_path, site_url):
    db = tmp_path / "oit.sqlite"
    config = write_config(
        tmp_path / "config.toml", db, [(NAME, site_url)], "delay = 0.3\nconcurrency = 1\n", "stop_timeout = 0\n"
    )
    scheduler = Scheduler(config, tmp_path / "schedule.log")
    try:
        wait_for(lambda: db.exists() and _scan_started(db))
    finally:
        assert scheduler.stop() == 0
    ((state, error),) = rows(db, "select state, error from scans")
    assert state == "failed" and "shutting down" in error
    assert "abandoned running scan" in scheduler.text()


def _scan_started(db: Path) -> bool:
    try:
        return rows(db, "select count(*) from scans where state = 'running'")[0][0] > 0
    except sqlite3.OperationalError:  # tables not created yet
        return False


def test_nightly_runs_alert_a_broken_document_once_it_is_confirmed(tmp_path, monkeypatch):
    """Three nightly runs of a local copy of the demo site: the agency deletes an evidence PDF after the first;
    the webhook hears about it after the third (seen twice), not before, and only once. The site has been left
    alone for a year, so the nightly runs take what nobody cites without asking; evidence is always asked for."""
    site = tmp_path / "site"
    shutil.copytree(site_dir(), site)
    then = time.time() - 365 * 86400
    for path in site.rglob("*"):
        os.utime(path, (then, then))
    monkeypatch.setenv("OIT_DATABASE", f"sqlite:///{tmp_path / 'oit.sqlite'}")
    receiver = Receiver()
    try:
        with serve(site) as url:
            config = Config(
                crawl={"delay": 0.0, "concurrency": 4},
                sites=[SiteConfig(name=NAME, url=url)],
                alerts={"webhooks": [receiver.url]},
            )
            assert run_site(config, config.sites[0]).error is None
            (site / "docs" / "manuals" / "sop-land-tax.pdf").unlink()
            second = run_site(config, config.sites[0])
            assert second.error is None and receiver.bodies == []  # seen once: not yet
            third = run_site(config, config.sites[0])
            fourth = run_site(config, config.sites[0])
    finally:
        receiver.close()
    assert fourth.error is None
    (body,) = receiver.bodies
    assert body["type"] == "changes" and body["scan_id"] == third.scan_id
    assert [(c["code"], c["kind"]) for c in body["changes"]] == [("O8", "evidence_broken")]
    assert body["changes"][0]["url"] == url + "docs/manuals/sop-land-tax.pdf"
    assert "หลักฐานเปิดไม่ได้" in body["text"]
    (findings,) = rows(tmp_path / "oit.sqlite", f"select result_json from scans where id = {fourth.scan_id}")
    assert "ไม่ได้ถามเซิร์ฟเวอร์" in findings[0]  # a nightly run: long-unchanged pages were not asked for


# --- jobs stored by an older oit -------------------------------------------------------------------------------
OLD_FUNC = "oit.schedule:scheduled_scan"  # where scheduled_scan lived before oit/ was split into subpackages


def store_jobs_as_an_older_oit(config: Config, sites: list[SiteConfig]) -> None:
    """The jobs APScheduler wrote for these sites when scheduled_scan was oit.schedule's: the same pickled state,
    its function path the old one."""
    engine = open_engine(config.database_url)
    scheduler = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE)})
    scheduler.start(paused=True)
    for site in sites:
        scheduler.add_job(JOB_FUNC, trigger_for(config, site), args=[site.url, None], id=job_id(site), name=site.name)
    scheduler.shutdown(wait=False)
    with engine.begin() as conn:
        for row in conn.exec_driver_sql(f"SELECT id, job_state FROM {JOBS_TABLE}").all():
            state = pickle.loads(row.job_state)
            state["func"] = OLD_FUNC
            conn.exec_driver_sql(f"UPDATE {JOBS_TABLE} SET job_state = ? WHERE id = ?", (pickle.dumps(state), row.id))


def stored_jobs(db: Path) -> list:
    """The jobs as APScheduler loads them from the file. One whose function path no longer imports is deleted, with a
    traceback in the log (apscheduler/jobstores/sqlalchemy.py _get_jobs)."""
    store = SQLAlchemyJobStore(engine=open_engine(f"sqlite:///{db}"), tablename=JOBS_TABLE)
    store.start(BackgroundScheduler(), "default")
    return store.get_all_jobs()


def test_jobs_stored_by_an_older_version_still_load(tmp_path, caplog):
    db = tmp_path / "oit.sqlite"
    kept, removed = ("อบต.หนองบัวแดง", "http://127.0.0.1:9/"), ("อบต.โคกสว่าง", "http://127.0.0.1:10/")
    config = load_config(write_config(tmp_path / "config.toml", db, [kept, removed]))
    store_jobs_as_an_older_oit(config, config.sites)
    before = {row[0]: row[1] for row in rows(db, f"select id, next_run_time from {JOBS_TABLE}")}

    assert {pickle.loads(row[0])["func"] for row in rows(db, f"select job_state from {JOBS_TABLE}")} == {OLD_FUNC}

    # Starting the scheduler of this version (one site since removed from the config) rewrites them first.
    caplog.clear()
    fewer = load_config(write_config(tmp_path / "config.toml", db, [kept]))
    build_scheduler(fewer, str(tmp_path / "config.toml"), open_engine(fewer.database_url))
    jobs = stored_jobs(db)
    assert "Unable to restore job" not in caplog.text
    assert sorted(job.id for job in jobs) == sorted(before)  # both load: the removed site's job is dropped cleanly
    for job in jobs:  # the function moved, nothing else: same site, same trigger, same next run
        assert job.func is scheduled_scan and job.func_ref == JOB_FUNC
        assert (
            job.args[0] in (kept[1], removed[1])
            and str(job.trigger) == "cron[month='*', day='*', day_of_week='*', hour='2', minute='0']"
        )
        assert job.next_run_time.timestamp() == before[job.id]
    assert migrate_stored_jobs(open_engine(fewer.database_url)) == 0  # once is enough
