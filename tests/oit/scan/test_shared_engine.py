"""A process that runs many scans (a fleet worker, the scheduler) keeps one bounded pool of database sessions: a
scan does not close the process's engine when it ends. It did, and a connection another scan held at that moment went
back to the closed pool and stayed open there until Python's collector ran: a worker of 16 threads once ran its
PostgreSQL server out of sessions ("too many clients") in bench/run_fleet.py.

Real parts: a throw-away PostgreSQL cluster, a local HTTP server, whole scans."""

from __future__ import annotations

import gc

import pytest

from crawler.settings import CrawlSettings
from oit.config import Config, DatabaseConfig
from oit.scan.pipeline import ScanRequest, run_scan
from oit.store.database import MAX_OVERFLOW, POOL_SIZE, open_engine
from tests.crawler.support import LocalServer, page
from tests.oit.store.postgres import PostgresCluster
from tests.rules.sitebuilder import AS_OF, YEAR

SCANS = POOL_SIZE + MAX_OVERFLOW + 2  # more scans than the pool has sessions: each stranded one would show


@pytest.mark.slow
@pytest.mark.requires("postgresql")
def test_scans_in_one_process_share_one_bounded_pool(postgres_cluster: PostgresCluster, postgres_url: str) -> None:
    routes = {"/": page("<h1>องค์การบริหารส่วนตำบลบ้านใหม่</h1><a href='/contact.html'>ติดต่อเรา</a>")}
    routes["/contact.html"] = page("<h1>ติดต่อเรา</h1><p>โทร. 043-123456</p>")
    settings = CrawlSettings(delay=0.0, timeout=5.0, read_sitemaps=False, render="off")
    config = Config(database=DatabaseConfig(url=postgres_url), crawl=settings)
    database = postgres_url.split("@/", 1)[1].split("?", 1)[0]
    engine = open_engine(postgres_url)
    sessions = []
    gc.disable()  # between two of the collector's rounds, as in a busy worker: what is not closed stays open
    try:
        with LocalServer(routes) as server:
            for _ in range(SCANS):
                with engine.connect():  # another scan of the process, holding a session while this one ends
                    result = run_scan(config, ScanRequest(url=server.url("/"), year=YEAR, as_of=AS_OF))
                assert result.crawl.pages == 2
                sessions.append(postgres_cluster.connections(database))
    finally:
        gc.enable()
    assert open_engine(postgres_url) is engine
    assert max(sessions) <= POOL_SIZE + MAX_OVERFLOW, sessions
