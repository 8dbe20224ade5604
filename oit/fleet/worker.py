"""`oit fleet worker`: run scans from the queue until SIGTERM.

For each message: put back the runs whose worker stopped renewing (oit/store/ledger.py expire_leases), claim the
run (one worker per site, one running site per host, fleet-wide), scan it as `oit schedule` does (revisit policy,
then the alert step), record the outcome. While scans run, a loop renews this worker's leases every third of a lease.
A claim refused because the site or its host is busy sends the message again for when the lease ends: late, never
dropped. A failed scan is tried again after [fleet] retry_minutes, up to max_attempts.

SIGTERM: no new message is taken, the running scans are asked to stop (Crawler.stop), each site goes back to the
queue with its attempt not counted, and Dramatiq puts the messages it had fetched back in Redis.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

import dramatiq

from crawler.engine import Crawler
from oit.config import Config
from oit.fleet.queue import ACTOR, QUEUE, ScanOrder, make_broker, send
from oit.scan.pipeline import ScanRequest, failure_text, run_scan
from oit.store import DatabaseError
from oit.store.database import now, open_engine
from oit.store.ledger import (
    LedgerRow,
    claim,
    expire_leases,
    fail,
    finish,
    hand_back,
    renew,
    why_not,
)
from oit.watch.schedule import alert_step

log = logging.getLogger("oit.fleet")

STOPPING = (
    "หยุดเพราะเครื่องสแกนถูกสั่งปิด เว็บไซต์นี้กลับเข้าคิวแล้ว / stopped: the worker is shutting down; the site went back to the queue"
)
MIN_WAIT = timedelta(seconds=5)  # a busy site or host is asked again no sooner than this


class FleetWorker:
    """One worker process: `threads` scans at once, each under a lease in the ledger."""

    def __init__(self, config: Config, threads: int | None = None, name: str | None = None) -> None:
        self.config = config
        self.threads = threads or config.fleet.threads
        # Unique across machines and restarts; liveness is the lease, never this name's host or PID.
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.lease = timedelta(seconds=config.fleet.lease_seconds)
        self.retry_after_error = timedelta(seconds=config.fleet.retry_after_error_seconds)
        # The process's one engine for this database (the scans use it too): a connection for each running scan,
        # its lease loop and the claims between them.
        self.engine = open_engine(config.database_url, pool_size=self.threads + 2, max_overflow=self.threads)
        self.broker = make_broker(config.redis_url)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._crawlers: set[Crawler] = set()
        self._scanning: set[int] = set()  # the ledger runs being scanned now: only their leases are renewed
        dramatiq.Actor(
            self.perform,
            broker=self.broker,
            actor_name=ACTOR,
            queue_name=QUEUE,
            priority=0,
            # The ledger counts attempts; a scan is bounded by max_duration (the margin: judging, reports).
            options={"max_retries": 0, "time_limit": int((config.crawl.max_duration + 600) * 1000)},
        )

    # --- the process ----------------------------------------------------------------------------------------
    def serve(self) -> None:
        """Consume until request_stop (SIGTERM); returns when the running scans have stopped and been handed back."""
        worker = dramatiq.Worker(self.broker, queues={QUEUE}, worker_threads=self.threads)
        # A scan takes minutes: a worker takes from the queue only what it can start now. Dramatiq's default, twice
        # its threads (and a thousand times for delayed messages), let the first worker up hoard the night while the
        # others idled: 4 workers scanned no faster than 2 (bench/run_fleet.py).
        worker.queue_prefetch = worker.delay_prefetch = self.threads
        worker.start()
        log.info("เริ่มทำงาน / worker started: %s threads=%d", self.name, self.threads)
        try:
            while not self._stop.wait(self.lease.total_seconds() / 3):
                try:
                    with self._lock:
                        scanning = set(self._scanning)
                    renew(self.engine, self.name, scanning, self.lease, now())
                except DatabaseError as exc:  # the database briefly away: the leases run a while yet
                    log.warning("ต่ออายุงานไม่ได้ / lease renewal failed: %s", exc)
        finally:
            self.request_stop()
            worker.stop(timeout=int(self.config.schedule.stop_timeout * 1000))
            self.broker.close()
            log.info("หยุดแล้ว / worker stopped: %s", self.name)

    def request_stop(self, _signum: int = 0, _frame: object = None) -> None:
        """Usable as a signal handler: sets a flag and hands the stop to each running crawl's event loop."""
        self._stop.set()
        with self._lock:
            crawlers = list(self._crawlers)
        for crawler in crawlers:
            crawler.stop(STOPPING)

    # --- one message -----------------------------------------------------------------------------------------
    def perform(self, raw: dict) -> None:
        order = ScanOrder.model_validate(raw)
        try:
            self._perform(order)
        except DatabaseError as exc:
            # The ledger could not be read or written (the database briefly away, out of connections): the message
            # is acknowledged when this returns, so the order is sent again for later; a scan left "running" in the
            # ledger is handed on when its lease runs out.
            wait = self.retry_after_error.total_seconds()
            log.error(
                "ฐานข้อมูลผิดพลาด ส่งงานกลับเข้าคิว ลองใหม่ในอีก %.0f วินาที / database error, order sent again, tried in %.0f s:"
                " site=%s %s",
                wait,
                wait,
                order.site.url,
                exc,
            )
            send(self.broker, order, delay_ms=int(wait * 1000))

    def _perform(self, order: ScanOrder) -> None:
        at = now()
        for lost in expire_leases(self.engine, at, self.config.fleet.max_attempts):
            log.warning("คืนงานที่หมดเวลาเช่า / lease expired: site=%s worker=%s", lost.site_url, lost.worker)
        if self._stop.is_set():  # fetched while stopping: another worker takes it
            send(self.broker, order)
            return
        run = claim(self.engine, order.run_id, self.name, self.lease, at)
        if run is None:
            self._not_now(order, at)
            return
        self._scan(run, order)

    def _not_now(self, order: ScanOrder, at: datetime) -> None:
        hold, until = why_not(self.engine, order.run_id, at)
        if hold in ("running", "host busy"):
            wait = max(MIN_WAIT, (until - at) if until else self.lease)
            send(self.broker, order, delay_ms=int(wait.total_seconds() * 1000))
            log.info("รอคิว / waiting: site=%s (%s) for %.0fs", order.site.url, hold, wait.total_seconds())

    def _scan(self, run: LedgerRow, order: ScanOrder) -> None:
        mine: list[Crawler] = []

        def watch(crawler: Crawler) -> None:  # run_scan hands over its crawler: a shutdown stops it
            with self._lock:
                mine.append(crawler)
                self._crawlers.add(crawler)
            if self._stop.is_set():
                crawler.stop(STOPPING)

        log.info("เริ่มสแกน / scanning: site=%s attempt=%d", order.site.url, run.attempts)
        with self._lock:
            self._scanning.add(run.id)
        try:
            self._scan_and_record(run, order, watch)
        finally:  # whatever happened, this worker no longer renews the run's lease: if unrecorded, it runs out
            with self._lock:
                self._scanning.discard(run.id)
                self._crawlers.difference_update(mine)

    def _scan_and_record(self, run: LedgerRow, order: ScanOrder, watch: Callable[[Crawler], None]) -> None:
        site = order.site
        try:
            result = run_scan(self.config, ScanRequest(url=site.url, site=site, revisit=True), on_crawler=watch)
        except Exception as exc:  # the scan's failure (a stop too: run_scan raises) is this run's outcome
            self._failed(run, order, failure_text(exc))
            return
        if finish(self.engine, run.id, self.name, result.scan_id, now()):
            log.info("สแกนเสร็จ / scan done: site=%s scan=%s", site.url, result.scan_id)
        else:  # too slow to renew: another worker took the site over; its outcome counts
            log.warning("เสียสิทธิ์ระหว่างสแกน / lease lost during the scan: site=%s", site.url)
        alert_step(self.config, site, result.scan_id)

    def _failed(self, run: LedgerRow, order: ScanOrder, error: str) -> None:
        if self._stop.is_set():
            hand_back(self.engine, run.id, self.name, STOPPING, now())
            send(self.broker, order)
            return
        retry = run.attempts < self.config.fleet.max_attempts
        fail(self.engine, run.id, self.name, error, now(), retry=retry)
        log.error(
            "สแกนไม่สำเร็จ / scan failed: site=%s attempt=%d retry=%s error=%s",
            order.site.url,
            run.attempts,
            retry,
            error,
        )
        if retry:
            send(self.broker, order, delay_ms=int(self.config.fleet.retry_minutes * 60_000))
        alert_step(self.config, order.site, None)
