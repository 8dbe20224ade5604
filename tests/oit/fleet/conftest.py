"""A real Redis for the fleet tests (a throw-away server on a free port, nothing saved to disk), small Thai municipal
sites on distinct loopback addresses, and `oit fleet worker` processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.crawler.support import LocalServer, Reply, page
from tests.oit.fleet.queue_server import start_redis

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """redis://127.0.0.1:PORT of a Redis started for this test run."""
    process, url = start_redis(tmp_path_factory.mktemp("redis"))
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.requires("postgresql"))])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The shared database of the test's fleet: an SQLite file (one machine), then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'oit.sqlite'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """The test's Redis, emptied: no message of an earlier test is left in the queue."""
    import redis

    client = redis.Redis.from_url(redis_server)
    client.flushall()
    client.close()
    return redis_server


def municipal_site(name: str, pages: int = 3, delay: float = 0.0) -> dict[str, Reply]:
    """A small อบต. website: a home page with a menu, a contact page and news pages (`delay` seconds each)."""
    menu = "".join(f'<li><a href="/news/{i}.html">ข่าวประชาสัมพันธ์ ฉบับที่ {i}</a></li>' for i in range(pages))
    routes = {
        "/": page(f'<nav><ul><li><a href="/contact.html">ติดต่อเรา</a></li>{menu}</ul></nav><h1>{name}</h1>', name),
        "/contact.html": page(
            "<h1>ติดต่อเรา</h1><p>ที่ทำการ 99 หมู่ 1 ตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น 40000 โทร. 043-123456</p>",
            "ติดต่อเรา",
        ),
        "/robots.txt": Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain"),
    }
    for i in range(pages):
        reply = page(f"<h1>ข่าวประชาสัมพันธ์ ฉบับที่ {i}</h1><p>{name} ประชาสัมพันธ์กิจกรรม</p>", f"ข่าว {i}")
        reply.delay = delay
        routes[f"/news/{i}.html"] = reply
    return routes


@pytest.fixture
def sites() -> Iterator[list[LocalServer]]:
    """Three sites, each on its own loopback address (three hosts, as three municipalities' servers)."""
    names = ["อบต.หนองบัว", "อบต.โนนสูง", "เทศบาลตำบลบ้านไผ่"]
    servers = [LocalServer(municipal_site(name), host=f"127.0.0.{i + 2}") for i, name in enumerate(names)]
    for server in servers:
        server.__enter__()
    yield servers
    for server in servers:
        server.__exit__(None, None, None)


def write_config(folder: Path, redis: str, sites: list[tuple[str, str]], database: str | None = None,
                 lease: float = 10, **fleet: object) -> Path:  # fmt: skip
    """A config.toml for the fleet: no politeness delay (local servers), no browser, short leases."""
    lines = [
        "[database]",
        f'url = "{database or "sqlite:///" + str(folder / "oit.sqlite")}"',
        "[crawl]",
        "delay = 0.0",
        "concurrency = 4",
        'render = "off"',
        "read_sitemaps = false",
        "[fleet]",
        f'redis_url = "{redis}"',
        f"lease_seconds = {lease}",
        *(f"{key} = {value}" for key, value in fleet.items()),
    ]
    for name, url in sites:
        lines += ["[[sites]]", f'name = "{name}"', f'url = "{url}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Workers:
    """`oit fleet worker` processes, each logging to its own file; all killed at the end of the test."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, config: Path, threads: int = 2) -> subprocess.Popen[bytes]:
        log = open(self.folder / f"worker{len(self.processes)}.log", "wb")  # noqa: SIM115  # closed with the process
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("OIT_DATABASE", None)
        process = subprocess.Popen(
            [sys.executable, "-m", "oit", "fleet", "worker", "--config", str(config), "--threads", str(threads)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=self.folder,
        )
        self.processes.append(process)
        return process

    def log(self, index: int) -> str:
        return (self.folder / f"worker{index}.log").read_text(encoding="utf-8", errors="replace")

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                process.wait(10)


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    pool = Workers(tmp_path)
    yield pool
    pool.stop_all()


def wait_until(predicate, timeout: float, step: float = 0.2) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())
