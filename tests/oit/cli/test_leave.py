"""Leaving without the interpreter's teardown loses nothing: each case runs in its own Python process, and what it
wrote (a report, a database row, a log line) is read back afterwards."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROLOGUE = """
import atexit, sqlite3, sys, threading, time
from oit.cli.leave import leave

class Teardown:
    def __del__(self):
        sys.stderr.write("teardown ran\\n")

KEEP = Teardown()  # a module global: freed only by the interpreter's teardown
atexit.register(lambda: sys.stderr.write("exit handlers ran\\n"))
"""


def run(body: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "case.py"
    script.write_text(PROLOGUE + textwrap.dedent(body), encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=60, cwd=tmp_path
    )


def test_nothing_open_skips_the_teardown_but_not_the_exit_handlers(tmp_path: Path) -> None:
    done = run(
        """
        with open("report.json", "w", encoding="utf-8") as out:
            out.write('{"items": ["O1"]}')
        print("สรุป: ผ่าน 1 / summary", end="")  # no newline: still in stdout's buffer
        leave(3)
        """,
        tmp_path,
    )
    assert done.returncode == 3
    assert done.stdout == "สรุป: ผ่าน 1 / summary"
    assert "exit handlers ran" in done.stderr
    assert "teardown ran" not in done.stderr  # the shortcut was taken
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == {"items": ["O1"]}


def test_a_file_left_open_is_flushed_by_the_ordinary_exit(tmp_path: Path) -> None:
    done = run(
        """
        out = open("report.csv", "w", encoding="utf-8")
        out.write("ข้อ,สถานะ\\n" * 1000)  # part of it still in the file's buffer
        leave(0)
        """,
        tmp_path,
    )
    assert done.returncode == 0
    assert "teardown ran" in done.stderr
    assert (tmp_path / "report.csv").read_text(encoding="utf-8") == "ข้อ,สถานะ\n" * 1000


def test_a_database_left_open_is_closed_and_its_log_checkpointed(tmp_path: Path) -> None:
    done = run(
        """
        db = sqlite3.connect("scan.db")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE pages (url TEXT, title TEXT)")
        db.execute("INSERT INTO pages VALUES ('https://www.nakhang.go.th/', 'เทศบาลตำบลนากลาง')")
        db.commit()
        leave(0)
        """,
        tmp_path,
    )
    assert done.returncode == 0 and "teardown ran" in done.stderr
    assert not (tmp_path / "scan.db-wal").exists()  # closed by the teardown: the log was folded into the file
    with sqlite3.connect(tmp_path / "scan.db") as db:
        assert db.execute("SELECT title FROM pages").fetchall() == [("เทศบาลตำบลนากลาง",)]


def test_a_running_thread_is_waited_for(tmp_path: Path) -> None:
    done = run(
        """
        def late_writer():
            time.sleep(0.3)
            with open("late.txt", "w", encoding="utf-8") as out:
                out.write("เขียนแล้ว")

        threading.Thread(target=late_writer).start()
        leave(0)
        """,
        tmp_path,
    )
    assert done.returncode == 0 and "teardown ran" in done.stderr
    assert (tmp_path / "late.txt").read_text(encoding="utf-8") == "เขียนแล้ว"


def test_a_message_exit_is_left_to_python(tmp_path: Path) -> None:
    done = run('leave("ผิดพลาด / error")', tmp_path)
    assert done.returncode == 1
    assert "ผิดพลาด / error" in done.stderr


def test_a_scan_leaves_its_database_closed_and_its_reports_whole(tmp_path: Path) -> None:
    """The real command, as cron runs it: the database has no write-ahead log left, the scan is recorded done,
    the JSON report parses, and the last line of the summary reached stdout."""
    from tests.crawler.support import LocalServer, page

    routes = {
        "/": page('<a href="/ita.html">ITA</a><a href="/about.html">เกี่ยวกับเรา</a>', title="เทศบาลตำบลนากลาง"),
        "/ita.html": page("<h1>การเปิดเผยข้อมูลสาธารณะ (OIT)</h1>"),
        "/about.html": page("<p>ข้อมูลพื้นฐาน ที่ตั้ง โทรศัพท์ 042-123456</p>"),
    }
    db = tmp_path / "oit.db"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "OIT_DATABASE": f"sqlite:///{db}", "HOME": str(tmp_path)}
    with LocalServer(routes) as server:
        args = ["scan", server.url(), "--delay", "0", "--json", str(tmp_path / "r.json")]
        done = subprocess.run(
            [sys.executable, "-m", "oit", *args], capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path
        )
    assert done.returncode == 0, done.stderr
    assert not Path(f"{db}-wal").exists()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT state, pages FROM scans").fetchall() == [("done", 3)]
    assert len(json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["items"]) == 26
    assert "r.json" in done.stdout.splitlines()[-1]  # the list of written reports ends the summary


def test_a_file_opened_before_the_freeze_is_flushed_by_the_ordinary_exit(tmp_path: Path) -> None:
    """main() freezes the start-up objects for the collector (freeze): a file opened before that still counts."""
    done = run(
        """
        from oit.cli.leave import freeze
        log = open("scan.log", "w", encoding="utf-8")
        freeze()
        for n in range(500):
            log.write(f"{n} เริ่มสแกน / scan started\\n")  # the last lines still in the file's buffer
        leave(0)
        """,
        tmp_path,
    )
    assert done.returncode == 0 and "teardown ran" in done.stderr
    lines = (tmp_path / "scan.log").read_text(encoding="utf-8").splitlines()
    assert lines == [f"{n} เริ่มสแกน / scan started" for n in range(500)]  # the teardown flushed it, frozen or not


def test_leaving_lists_only_the_objects_made_after_the_freeze(tmp_path: Path) -> None:
    """A finished scan holds ~140,000 objects, most of them frozen at start-up: the check before leaving does not
    list them all again (a list of every object was ~1 MB, the peak of a text site's scan). 300,000 frozen objects
    here: their list alone would be 2.4 MB of Python memory."""
    done = run(
        """
        import tracemalloc
        from oit.cli import leave as leaving
        start_up = [{"หน้า": n} for n in range(300_000)]  # what imports leave behind, frozen with them
        leaving.freeze()
        made_since = [(n, str(n)) for n in range(20_000)]
        tracemalloc.start()
        unfinished = leaving._unfinished()
        sys.stderr.write(f"traced peak {tracemalloc.get_traced_memory()[1]}\\n")
        tracemalloc.stop()
        leave(0 if not unfinished else 5)
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr  # nothing open: the shortcut is taken
    peak = int(done.stderr.split("traced peak ")[1].split()[0])
    assert peak < 600_000, peak  # the ~20,000 objects made since, not the 300,000 frozen ones
