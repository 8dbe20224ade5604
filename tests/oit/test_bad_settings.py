"""Bad settings end in exit code 2 with the reason in Thai and English, never a traceback (issue 13, case 9).

The real `oit` command runs in a subprocess, as a user or a cron job runs it, against a real HTTP server on
127.0.0.1 that records every request: a report path that cannot be written is refused before the scan
starts, so the server sees no request at all.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.crawler.support import LocalServer, page

ROOT = Path(__file__).resolve().parents[2]
THAI = re.compile("[\u0e00-\u0e7f]")


def oit(args: list[str], cwd: Path, database: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    env["OIT_DATABASE"] = database or f"sqlite:///{cwd / 'oit.sqlite'}"
    return subprocess.run([sys.executable, "-m", "oit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip


def refused(run: subprocess.CompletedProcess[str], *words: str) -> None:
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert run.stderr.startswith("ผิดพลาด / error:"), run.stderr
    assert THAI.search(run.stderr.removeprefix("ผิดพลาด / error:")), run.stderr  # the reason itself in Thai
    for word in words:
        assert word in run.stderr, (word, run.stderr)


@pytest.fixture
def site():
    with LocalServer({"/": page("<h1>องค์การบริหารส่วนตำบลหนองบัว</h1>", "อบต.หนองบัว")}) as server:
        yield server


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "รายงาน.txt").write_text("ไฟล์ธรรมดา ไม่ใช่โฟลเดอร์", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    ("database", "words"),
    [
        ("mysql+nothing://db.example/oit", ["OIT_DATABASE", "mysql+nothing://db.example/oit", "unknown database"]),
        ("foo://", ["OIT_DATABASE", "foo://", "unknown database"]),
        ("not a url", ["OIT_DATABASE", "not a database URL"]),
        # The psycopg driver comes with `make setup` (the postgres extra): a server that does not answer is said so.
        (
            "postgresql+psycopg://oit:secret@127.0.0.1:1/oit",
            ["OIT_DATABASE", "oit:***@", "cannot open or create the database"],
        ),
        ("postgresql+pg8000://oit:secret@127.0.0.1:1/oit", ["OIT_DATABASE", "oit:***@", "driver"]),  # not installed
        ("sqlite:////nonexistent/dir/x.db", ["sqlite:////nonexistent/dir/x.db", "ไม่มีโฟลเดอร์ /nonexistent/dir"]),
        ("sqlite:///{tmp}/รายงาน.txt/oit.sqlite", ["รายงาน.txt เป็นไฟล์ ไม่ใช่โฟลเดอร์"]),
        ("sqlite:///{tmp}/รายงาน.txt", ["cannot open or create the database"]),  # a text file, not a database
        ("sqlite:////proc/oit.sqlite", ["cannot open or create the database"]),  # a folder no one may write in
    ],
)
def test_unusable_database_stops_the_scan_before_any_request(workdir, site, database, words):
    database = database.format(tmp=workdir)
    run = oit(["scan", site.url(), "--delay", "0"], workdir, database)
    refused(run, *words)
    assert "secret" not in run.stderr
    assert site.hits == []


def test_every_command_reading_the_database_refuses_it_alike(workdir):
    for args in (["history", "อบต.หนองบัว"], ["report", "1"], ["diff", "อบต.หนองบัว"]):
        refused(oit(args, workdir, "foo://"), "OIT_DATABASE = foo://", "unknown database kind")
    (workdir / "db.toml").write_text('[database]\nurl = "sqlite:////nonexistent/oit.sqlite"\n', encoding="utf-8")
    env_free = {k: v for k, v in os.environ.items() if k != "OIT_DATABASE"}
    run = subprocess.run([sys.executable, "-m", "oit", "history", "x", "--config", "db.toml"], cwd=workdir,
                         env={**env_free, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120,
                         check=False)  # fmt: skip
    refused(run, "[database] url = sqlite:////nonexistent/oit.sqlite")


@pytest.mark.parametrize(
    ("option", "path", "words"),
    [
        ("--html", "รายงาน.txt/scan.html", ["--html", "รายงาน.txt เป็นไฟล์ ไม่ใช่โฟลเดอร์"]),
        ("--json", "รายงาน.txt/a/b/scan.json", ["--json", "รายงาน.txt เป็นไฟล์ ไม่ใช่โฟลเดอร์"]),
        ("--xlsx", "/proc/scan.xlsx", ["--xlsx", "เขียนในโฟลเดอร์ /proc ไม่ได้", "cannot write in /proc"]),
        ("--md", "reports", ["--md", "is a folder, not a file name"]),
        ("--csv", "/proc/oit/gaps.csv", ["--csv", "cannot write in /proc"]),
    ],
)
def test_unwritable_report_path_is_refused_before_the_scan(workdir, site, option, path, words):
    run = oit(["scan", site.url(), "--delay", "0", option, path], workdir)
    refused(run, *words)
    assert site.hits == []  # the scan never started
    refused(oit(["report", "1", option, path], workdir), *words)


def test_unwritable_report_folder_setting_is_refused_before_the_scan(workdir, site):
    (workdir / "config.toml").write_text('[report]\ndir = "รายงาน.txt/oit"\n', encoding="utf-8")
    refused(oit(["scan", site.url(), "--delay", "0"], workdir), "[report] dir", "เป็นไฟล์ ไม่ใช่โฟลเดอร์")
    assert site.hits == []
    refused(oit(["demo", "--out", "รายงาน.txt/demo"], workdir), "--out")


@pytest.mark.skipif(os.geteuid() == 0, reason="ผู้ใช้ root เขียนได้ทุกโฟลเดอร์ / root may write in any folder")
def test_folder_without_write_permission_is_refused(workdir, site):
    locked = workdir / "locked"
    locked.mkdir(mode=0o500)
    refused(oit(["scan", site.url(), "--html", str(locked / "scan.html")], workdir), "cannot write in")
    assert site.hits == []


def test_missing_report_folders_are_created_as_before(workdir, site):
    run = oit(["scan", site.url(), "--delay", "0", "--json", "new/folder/scan.json"], workdir)
    assert run.returncode == 0, run.stderr
    assert (workdir / "new" / "folder" / "scan.json").is_file()
    assert site.hits


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ("[crawl\n", ["TOML"]),
        ("[crawl]\nspeed = 3\n", ["crawl.speed", "unknown key"]),
        ("[crawl]\nmax_pages = -5\n", ["crawl.max_pages", "-5"]),
        ('[crawl]\nmax_pages = "many"\n', ["crawl.max_pages", "'many'"]),
        ('report = "x"\n', ["report"]),
        ('[schedule]\ntimezone = "Mars/Olympus"\n', ["schedule.timezone", "เขตเวลา"]),
        ('[[sites]]\nname = "a"\nurl = "ftp://x.go.th"\n', ["sites.0.url", "http://"]),
    ],
)
def test_bad_config_file_is_exit_2_with_its_location(workdir, site, toml, words):
    (workdir / "bad.toml").write_text(toml, encoding="utf-8")
    refused(oit(["scan", site.url(), "--config", "bad.toml"], workdir), "bad.toml", *words)
    assert site.hits == []
