"""The whole scan inside `max_duration`, whatever the server does (issue 13, case 1): robots.txt and sitemaps are read
inside it, a trickling sitemap or a slow site is cut at it, judging and storing still happen, and the scan row never
stays "running" when the scan ends, by itself or on SIGTERM.

Real parts: `oit scan` in a subprocess, HTTP servers on 127.0.0.1 that trickle and stall, a SQLite database. The
wall-clock limits on the subprocess are hang guards far above any real run; what is asserted is the scan's own
record (its duration, its state, its stored pages) and what the server saw."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import jsonschema

from oit.scan.pipeline import JUDGE_RESERVE, STOPPED_TH_EN
from reports.json_report import load_schema
from tests.crawler.support import Reply
from tests.oit.faulty_sites import FaultyServer, Trickle

ROOT = Path(__file__).resolve().parents[3]


def html(body: str, title: str = "") -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


HANG_GUARD = 120.0  # seconds: only a scan that hangs comes near it
SLOW_PAGES = 40
NEWS = "".join(f'<li><a href="/news/{n}.html">ข่าวประชาสัมพันธ์ ฉบับที่ {n}/2569</a></li>' for n in range(SLOW_PAGES))
HOME = html(
    '<nav><a href="/about/structure.html">โครงสร้างส่วนราชการ</a><a href="/contact.html">ติดต่อเรา</a></nav>'
    f"<h1>องค์การบริหารส่วนตำบลหนองบัว</h1><ul>{NEWS}</ul>",
    "องค์การบริหารส่วนตำบลหนองบัว",
)
# A sitemap that never finishes: one byte a second, of a long list.
SITEMAP = "<?xml version='1.0'?><urlset>" + "".join(f"<url><loc>/news/{n}.html</loc></url>" for n in range(500))


def slow_site(robots: Reply, sitemap: Reply | None = None) -> FaultyServer:
    """Every page takes a second to answer (a loaded municipal server); 40 news pages at two at a time outlast
    any of the time limits below. The sitemap trickles unless `sitemap` says otherwise."""
    routes: dict[str, Reply] = {
        "/robots.txt": robots,
        "/sitemap.xml": sitemap or Trickle(body=SITEMAP, content_type="application/xml", interval=1.0),
        "/": Reply(body=HOME, delay=0.5),
        "/about/structure.html": Reply(body=html("<h1>โครงสร้างส่วนราชการ</h1><p>สำนักปลัด กองคลัง กองช่าง</p>"), delay=1.0),
        "/contact.html": Reply(body=html("<h1>ติดต่อเรา</h1><p>โทรศัพท์ 0-4341-4123</p>"), delay=1.0),
    }
    for n in range(SLOW_PAGES):
        routes[f"/news/{n}.html"] = Reply(body=html(f"<h1>ข่าวประชาสัมพันธ์ ฉบับที่ {n}/2569</h1>"), delay=1.0)
    return FaultyServer(routes)  # type: ignore[arg-type]


def write_config(tmp_path: Path, max_duration: float) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "oit.sqlite"}"\n'
        f'[report]\ndir = "{tmp_path / "reports"}"\n'
        f'[crawl]\nmax_duration = {max_duration}\ndelay = 0.0\ntimeout = 5.0\nconcurrency = 2\nrender = "off"\n'
        "[schedule]\nstop_timeout = 20.0\n",
        encoding="utf-8",
    )
    return config


def start_scan(url: str, config: Path, out: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "oit", "scan", url, "--year", "2569", "--as-of", "2026-05-15"]
    command += ["--config", str(config), "--json", str(out)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen[str]) -> tuple[str, str]:
    """The scan's output once it ends; a scan that hangs is killed at the guard (and the test fails)."""
    try:
        return proc.communicate(timeout=HANG_GUARD)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def scan_rows(db: Path) -> list[tuple[str, str | None, int]]:
    with sqlite3.connect(db) as conn:
        query = "SELECT state, error, (SELECT count(*) FROM pages p WHERE p.scan_id = s.id) FROM scans s ORDER BY id"
        return conn.execute(query).fetchall()


def test_a_trickling_sitemap_and_a_slow_site_end_within_max_duration(tmp_path: Path) -> None:
    """robots.txt names a sitemap that trickles a byte a second, and every page takes a second: before, the sitemap
    was read before the time limit started, and the scan never ended. Now the sitemap gets a share of the time,
    the crawl stops at the limit, and the result is judged and stored: exit 0, the scan "done" with its pages."""
    max_duration = 8.0
    robots = Reply(body="User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n", content_type="text/plain")
    out = tmp_path / "result.json"
    with slow_site(robots) as server:
        proc = start_scan(server.url("/"), write_config(tmp_path, max_duration), out)
        _, stderr = finish(proc)
        news_fetched = sum(server.count(f"/news/{n}.html") for n in range(SLOW_PAGES))
    assert proc.returncode == 0, stderr[-2000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker()).validate(result)
    crawl = result["crawl"]
    # The crawl's own record: it ended at its deadline (max_duration less the reserve for judging), sitemap included.
    assert crawl["duration_s"] <= max_duration * (1 - JUDGE_RESERVE) + 1.0
    findings = " ".join(crawl["findings"])
    assert "sitemap" in findings and "time limit" in findings
    assert 1 <= news_fetched < SLOW_PAGES  # stopped by the limit, not by running out of pages
    ((state, error, pages),) = scan_rows(tmp_path / "oit.sqlite")
    assert state == "done" and error is None and pages == crawl["pages"] >= 3
    statuses = {i["code"]: i["status"] for i in result["items"]}
    assert "missing" not in statuses.values()  # cut short: nothing is proven missing
    assert statuses["O1"] == "gap"  # its page was read in time: judged as usual (only a structure, no authority)


def test_a_robots_txt_that_never_ends_stops_the_scan_at_max_duration(tmp_path: Path) -> None:
    """robots.txt trickles for ever: the site cannot be read (RFC 9309 lets nothing be fetched before it is), so the
    scan cannot run; it says so at the time limit and exits 2, its row "failed", never left "running"."""
    robots = Trickle(body="User-agent: *\n" + "Disallow: /private/\n" * 400, content_type="text/plain", interval=1.0)
    with slow_site(robots) as server:
        proc = start_scan(server.url("/"), write_config(tmp_path, 4.0), tmp_path / "result.json")
        _, stderr = finish(proc)
        assert server.count("/") == 0  # nothing before robots.txt
    assert proc.returncode == 2
    assert "time limit" in stderr and "Traceback" not in stderr
    ((state, error, _),) = scan_rows(tmp_path / "oit.sqlite")
    assert state == "failed" and error is not None and "time limit" in error


def test_sigterm_marks_the_scan_failed_and_keeps_its_pages(tmp_path: Path) -> None:
    """SIGTERM in the middle of a slow crawl: the scan stops, its row says why ("failed", not "running"), and the
    pages it had read are in the database (before, the rows waiting for a batch of 50 were lost with the process)."""
    robots = Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain")
    with slow_site(robots, sitemap=Reply(status=404, body="not found")) as server:
        proc = start_scan(server.url("/"), write_config(tmp_path, 600.0), tmp_path / "result.json")
        guard = time.monotonic() + HANG_GUARD
        while sum(server.count(f"/news/{n}.html") for n in range(SLOW_PAGES)) < 6 and time.monotonic() < guard:
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        _, stderr = finish(proc)
        answered = sum(server.count(f"/news/{n}.html") for n in range(SLOW_PAGES))
    assert proc.returncode == 143, stderr[-2000:]
    assert "Traceback" not in stderr
    ((state, error, pages),) = scan_rows(tmp_path / "oit.sqlite")
    assert state == "failed" and error == STOPPED_TH_EN
    # The home page and the news pages answered before the signal are kept; the two in flight may be lost.
    assert pages >= 1 + 6 - 2 and pages <= 1 + answered + 2
