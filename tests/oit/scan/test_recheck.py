"""`oit recheck SITE ITEM` against a real server: after the agency fixes one item, only that item's evidence is
fetched again, the item goes from gap to pass, and history gains a recheck row without touching earlier scans."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from oit.config import Config, DatabaseConfig
from oit.demo.server import site_dir
from oit.scan.pipeline import ScanRequest, run_scan
from oit.store.database import ITEM_RESULTS, SCANS, open_engine
from tests.oit.scan.test_rescan import fix_eservice_page

AS_OF = "2026-05-15"


@contextmanager
def recording_server(directory: Path) -> Iterator[tuple[str, list[str]]]:
    """A static server (If-Modified-Since aware, like the demo's) that logs every requested path."""
    paths: list[str] = []

    class Handler(SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            paths.append(self.path)
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", paths
    finally:
        server.shutdown()
        server.server_close()


def oit(*args: str, db: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "OIT_DATABASE": f"sqlite:///{db}", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "oit", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)  # fmt: skip


@pytest.fixture
def scanned_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, list[str], Path, Path]]:
    """The demo site, scanned once (O10 has its planted gap: no usage instructions on the E-Service page)."""
    monkeypatch.delenv("OIT_DATABASE", raising=False)
    site, db = tmp_path / "site", tmp_path / "oit.sqlite"
    shutil.copytree(site_dir(), site)
    with recording_server(site) as (url, paths):
        config = Config(database=DatabaseConfig(url=f"sqlite:///{db}"))
        request = ScanRequest(url=url, year=2569, as_of=date.fromisoformat(AS_OF), delay=0.0, concurrency=4)
        first = run_scan(config, request)
        assert next(i for i in first.items if i.code == "O10").status == "gap"
        yield url, paths, site, db


def test_recheck_fetches_only_the_items_evidence_and_records_history(scanned_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, paths, site, db = scanned_site
    crawled = len(paths)
    engine = open_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        (first,) = conn.execute(select(SCANS)).all()
        first_json = first.result_json
    fix_eservice_page(site)
    paths.clear()

    started = time.monotonic()
    done = oit("recheck", url, "o10", "--as-of", AS_OF, db=db, cwd=tmp_path)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    print(f"oit recheck took {took:.1f} s (process start included), {len(paths)} requests")  # shown with -s

    # Thai first: the item's new status and the before/after line.
    assert "ตรวจซ้ำข้อ O10" in done.stdout and "ไม่ครบองค์ประกอบ → ผ่าน" in done.stdout
    # Only the item's evidence (plus robots.txt, the home page and the ITA index) was asked for.
    asked = {p.split("?")[0] for p in paths}
    assert "/eservice/index.html" in asked and "/ita/ita-2569.html" in asked
    assert asked <= {"/robots.txt", "/", "/ita/ita-2569.html", "/eservice/index.html"}
    assert len(paths) < crawled / 10

    with engine.connect() as conn:
        scans = conn.execute(select(SCANS).order_by(SCANS.c.id)).all()
        assert [(s.state, s.kind, s.based_on) for s in scans] == [("done", "scan", None), ("done", "recheck", first.id)]
        assert scans[0].result_json == first_json  # the earlier scan is untouched
        before, after = json.loads(first_json), json.loads(scans[1].result_json)
        items = {s.id: {r.code: r.status for r in conn.execute(select(ITEM_RESULTS).where(ITEM_RESULTS.c.scan_id == s.id))}
                 for s in scans}  # fmt: skip
    changed = {i["code"] for i, j in zip(before["items"], after["items"], strict=True) if i["status"] != j["status"]}
    assert changed == {"O10"} and items[scans[1].id]["O10"] == "pass"
    assert {c: s for c, s in items[scans[1].id].items() if c != "O10"} == {
        c: s for c, s in items[scans[0].id].items() if c != "O10"
    }
    assert after["score"]["oit_estimate"] > before["score"]["oit_estimate"]
    assert after["scan_id"] == scans[1].id and any("O10" in f for f in after["crawl"]["findings"])

    # `oit history` tells the recheck from a full scan.
    listed = oit("history", url, db=db, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert f"recheck of scan {first.id}" in " ".join(listed.stdout.split())


def test_recheck_explains_bad_input_in_thai(scanned_site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, _, _, db = scanned_site
    unknown_item = oit("recheck", url, "O99", db=db, cwd=tmp_path)
    assert unknown_item.returncode == 2 and "ไม่มีข้อ O99" in unknown_item.stderr
    never_scanned = oit("recheck", "http://127.0.0.1:9/", "O1", db=db, cwd=tmp_path)
    assert never_scanned.returncode == 2 and "ยังไม่มีผลการสแกน" in never_scanned.stderr
    with open_engine(f"sqlite:///{db}").connect() as conn:
        assert conn.scalars(select(SCANS.c.kind)).all() == ["scan"]  # nothing recorded for bad input
