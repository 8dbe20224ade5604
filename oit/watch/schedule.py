"""Nightly scans: `oit schedule` (APScheduler, one cron job per site) and `oit schedule --once` (for cron users).

Each run scans one site with oit.scan.pipeline.run_scan, then weighs the scan for alerts (oit.watch.alerts), checks that
the site's results are not stale and delivers what is queued (oit.watch.delivery). One log line per run.

The jobs live in the scans' database (table `apscheduler_jobs`), are replaced from config.toml on every start
(an edited schedule takes effect, a removed site loses its job) and never overlap for one site. A site whose
latest successful scan is older than its schedule's previous fire time is "due": `--once` scans it, and the
scheduler scans it at start (catching up a night missed while it was down) before following the cron.

SIGTERM or SIGINT stops the scheduler cleanly: no new runs start, a running scan is asked to stop (it ends
"failed" with the reason, its pages kept) and waited for up to `stop_timeout` seconds; the exit code is 0.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_SCHEDULER_STARTED
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from crawler.engine import Crawler
from oit.config import Config, ConfigError, SiteConfig, load_config
from oit.scan.pipeline import ScanRequest, run_scan
from oit.store import Engine
from oit.store.database import now, open_engine
from oit.store.jobs import move_job_funcs
from oit.store.scans import fail_running_scans
from oit.watch.alerts import check_stale, weigh_scan
from oit.watch.delivery import deliver_pending
from oit.watch.history import find_site, latest_done, list_scans

log = logging.getLogger("oit.schedule")  # the name printed in the log lines, kept as it was before oit/watch/

JOB_PREFIX = "scan:"
PARALLEL_SITES = 2  # different hosts: each scan keeps its own per-host politeness
JOBS_TABLE = "apscheduler_jobs"
JOB_FUNC = "oit.watch.schedule:scheduled_scan"
# APScheduler stores a job's function as its import path: the paths older versions of oit stored, and where the
# function lives now. A path that no longer imports makes APScheduler drop the job with a traceback in the log.
MOVED_JOB_FUNCS = {"oit.schedule:scheduled_scan": JOB_FUNC}
STOPPED_MESSAGE = "หยุดกลางคันเพราะ oit schedule ถูกสั่งปิด / stopped: the scheduler is shutting down"


_stop = threading.Event()
_running: dict[str, datetime] = {}  # site URL -> when its run started (naive UTC), for a clean shutdown
_running_lock = threading.Condition()  # re-entrant: request_stop, a signal handler, may run inside a holder
_crawlers: set[Crawler] = set()  # the running scans' crawlers: stop() is called on each at shutdown


@dataclass
class RunOutcome:
    site: str
    scan_id: int | None
    score: float | None
    grade: str | None
    duration_s: float
    error: str | None = None


def job_id(site: SiteConfig) -> str:
    """Stable per site URL, and short: APScheduler's job ids are at most 191 characters."""
    return JOB_PREFIX + hashlib.sha256(site.url.rstrip("/").lower().encode()).hexdigest()[:16]


def trigger_for(config: Config, site: SiteConfig) -> CronTrigger:
    return CronTrigger.from_crontab(site.schedule or config.schedule.cron, timezone=ZoneInfo(config.schedule.timezone))


def is_due(engine: Engine, site: SiteConfig, trigger: CronTrigger, at: datetime) -> bool:
    """True when the schedule fired since the site's latest successful scan started (or it has none)."""
    last = latest_done(engine, site.url)
    if last is None:
        return True
    fire = trigger.get_next_fire_time(None, last.started_at.replace(tzinfo=UTC))
    return fire is not None and fire <= at


# --- one run ------------------------------------------------------------------------------------------------
def run_site(config: Config, site: SiteConfig) -> RunOutcome:
    """Scan one site, then the alert step. Never raises: the outcome (and the log line) says what happened."""
    began = time.monotonic()
    mine: list[Crawler] = []

    def watch(crawler: Crawler) -> None:  # run_scan hands over its crawler: a shutdown stops it (request_stop)
        with _running_lock:
            mine.append(crawler)
            _crawlers.add(crawler)
        if _stop.is_set():  # the shutdown came first
            crawler.stop(STOPPED_MESSAGE)

    try:
        # A nightly scan: what has long been the same is asked for only now and then (crawler/revisit.py).
        result = run_scan(config, ScanRequest(url=site.url, site=site, revisit=True), on_crawler=watch)
        outcome = RunOutcome(site.name, result.scan_id, None, None, time.monotonic() - began)
        if result.score:
            outcome.score, outcome.grade = result.score.oit_estimate, result.score.grade
        log.info(
            "สแกนเสร็จ / scan done: site=%s scan=%s score=%s grade=%s duration=%.1fs",
            site.name,
            outcome.scan_id,
            "-" if outcome.score is None else f"{outcome.score:.2f}",
            outcome.grade or "-",
            outcome.duration_s,
        )
    except Exception as exc:  # a scan's failure (a stopped one too: run_scan raises) is this run's outcome
        outcome = RunOutcome(site.name, _last_scan_id(config, site), None, None, time.monotonic() - began, str(exc))
        log.error(
            "สแกนไม่สำเร็จ / scan failed: site=%s scan=%s duration=%.1fs error=%s",
            site.name,
            outcome.scan_id,
            outcome.duration_s,
            outcome.error or type(exc).__name__,
        )
    finally:
        with _running_lock:
            _crawlers.difference_update(mine)
    if not _stop.is_set():  # shutting down: the alert state waits in the database for the next run
        alert_step(config, site, outcome.scan_id if outcome.error is None else None)
    return outcome


def alert_step(config: Config, site: SiteConfig, scan_id: int | None) -> None:
    """Weigh a finished scan, check staleness, deliver. Logged, never raised: alerts must not break scans."""
    try:
        engine = open_engine(config.database_url)
        row = find_site(engine, site.url)
        if row is None:
            return  # never scanned (the run failed before the scan was recorded): nothing to weigh or warn
        if scan_id is not None:
            alert = weigh_scan(engine, scan_id)
            if alert is not None:
                log.info("แจ้งเตือน / alert queued: site=%s changes=%d", site.name, len(alert.changes))
        if check_stale(engine, row.url, config.alerts.stale_hours) is not None:
            log.warning("ผลสแกนเก่าเกินกำหนด / stale results: site=%s", site.name)
        deliver_pending(engine, config.alerts, row.url)
    except Exception:
        log.exception("ขั้นตอนแจ้งเตือนผิดพลาด / alert step failed: site=%s", site.name)


def _last_scan_id(config: Config, site: SiteConfig) -> int | None:
    try:
        row = find_site(open_engine(config.database_url), site.url)
    except Exception:  # the database itself may be what failed
        return None
    if row is None:
        return None
    scans = list_scans(open_engine(config.database_url), row.url, limit=1)
    return scans[0].scan_id if scans else None


def scheduled_scan(site_url: str, config_path: str | None) -> None:
    """The job APScheduler runs (stored by reference, so it must stay importable under this name)."""
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        log.error("อ่านไฟล์ตั้งค่าไม่ได้ / config error, run skipped: %s", exc)
        return
    site = config.site_for(site_url)
    if site is None:
        log.warning("ไม่มีเว็บไซต์นี้ในไฟล์ตั้งค่าแล้ว / site no longer configured: %s", site_url)
        return
    if _stop.is_set():
        return
    with _running_lock:
        _running[site.url] = now()
    try:
        run_site(config, site)
    finally:
        with _running_lock:
            _running.pop(site.url, None)
            _running_lock.notify_all()


# --- --once ---------------------------------------------------------------------------------------------------
def run_due(config: Config, at: datetime | None = None) -> list[RunOutcome]:
    """Scan every due site now, one after another; check staleness and deliver for all sites.

    SIGTERM/SIGINT (see request_stop) end the running scan at its next page and skip the remaining sites."""
    engine = open_engine(config.database_url)
    at = at or datetime.now(UTC)
    outcomes = []
    for site in config.sites:
        if _stop.is_set():
            break
        if is_due(engine, site, trigger_for(config, site), at):
            outcomes.append(run_site(config, site))
        else:
            log.info("ยังไม่ถึงกำหนด / not due: site=%s", site.name)
            alert_step(config, site, None)
    return outcomes


def request_stop(_signum: int = 0, _frame: object = None) -> None:
    """Ask the running scans to stop (usable as a signal handler: it sets a flag and calls Crawler.stop, which
    only hands the stop to the crawl's event loop): no new request is taken, and run_scan marks each scan
    failed with STOPPED_MESSAGE."""
    _stop.set()
    with _running_lock:
        crawlers = list(_crawlers)
    for crawler in crawlers:
        crawler.stop(STOPPED_MESSAGE)


# --- the scheduler ---------------------------------------------------------------------------------------------
class _Shutdown(Exception):
    pass


def migrate_stored_jobs(engine: Engine) -> int:
    """Point the jobs an older oit stored at the function's current import path; returns how many were rewritten."""
    return move_job_funcs(engine, JOBS_TABLE, MOVED_JOB_FUNCS)


def build_scheduler(config: Config, config_path: str | None, engine: Engine) -> BlockingScheduler:
    if moved := migrate_stored_jobs(engine):
        log.info("ย้ายงานที่บันทึกไว้ไปยังชื่อโมดูลใหม่ / stored jobs moved to the new module path: %d", moved)
    scheduler = BlockingScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE)},
        executors={"default": ThreadPoolExecutor(max_workers=PARALLEL_SITES)},
        job_defaults={
            "coalesce": True,  # a backlog of missed nights is one run, not several
            "max_instances": 1,  # never two scans of one site at once
            "misfire_grace_time": int(config.schedule.misfire_grace_hours * 3600),
        },
        timezone=ZoneInfo(config.schedule.timezone),
    )
    at = datetime.now(UTC)
    wanted = set()
    for site in config.sites:
        trigger = trigger_for(config, site)
        options = {}
        if is_due(engine, site, trigger, at):
            options["next_run_time"] = at  # catch up now, then follow the cron
        scheduler.add_job(
            JOB_FUNC,
            trigger,
            args=[site.url, config_path],
            id=job_id(site),
            name=site.name,
            replace_existing=True,
            **options,
        )
        wanted.add(job_id(site))

    def drop_removed_sites(_event: object) -> None:
        for job in scheduler.get_jobs():
            if job.id.startswith(JOB_PREFIX) and job.id not in wanted:
                job.remove()
                log.info("ลบงานของเว็บไซต์ที่ไม่อยู่ในไฟล์ตั้งค่า / removed job: %s", job.name)

    scheduler.add_listener(drop_removed_sites, EVENT_SCHEDULER_STARTED)
    return scheduler


def serve(config: Config, config_path: str | None) -> None:
    """Run the scheduler until SIGTERM or SIGINT; returns after a clean stop."""
    engine = open_engine(config.database_url)
    _stop.clear()
    scheduler = build_scheduler(config, config_path, engine)
    for site in config.sites:
        log.info("ตั้งเวลา / scheduled: site=%s cron=%r", site.name, site.schedule or config.schedule.cron)
    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        scheduler.start()
    except _Shutdown as exc:
        log.info("ได้รับสัญญาณ %s กำลังหยุด / stopping on %s", exc, exc)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, signal.SIG_IGN if sig == signal.SIGTERM else handler)
        request_stop()
        if scheduler.running:
            scheduler.shutdown(wait=False)
    _wait_for_running(engine, config.schedule.stop_timeout)
    log.info("หยุดแล้ว / scheduler stopped")


def _on_signal(signum: int, _frame: object) -> None:
    raise _Shutdown(signal.Signals(signum).name)


def _wait_for_running(engine: Engine, timeout: float) -> None:
    """Give running scans `timeout` seconds to stop; any still running is marked failed and left behind."""
    deadline = time.monotonic() + timeout
    with _running_lock:
        if _running:
            log.info("รอการสแกนที่กำลังทำงาน / waiting for running scans: %s", ", ".join(_running))
        while _running and time.monotonic() < deadline:
            _running_lock.wait(deadline - time.monotonic())
        leftover = dict(_running)
    if not leftover:
        return
    for site_url, started in leftover.items():
        row = find_site(engine, site_url)
        if row is None:
            continue
        fail_running_scans(engine, row.id, started, STOPPED_MESSAGE)
        log.warning("ยกเลิกการสแกนที่ยังไม่หยุด / abandoned running scan: site=%s", site_url)
    # The scan's thread cannot be interrupted and would keep the process alive: leave now, its state recorded.
    logging.shutdown()
    os._exit(0)
