"""What a scan process loads (issue 14: the whole `oit scan` process must fit in ~85 MB).

Storage is SQLAlchemy Core: the ORM (sqlalchemy.orm, 5.6 MB of RSS plus the mapped classes) is never imported
by a scan, nor psutil (the scan's owner is read from /proc), nor the scheduler's modules. Checked on a real
`oit scan` of the demo municipality's site in its own process, from start to the reports it writes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from oit.demo.server import serve

ROOT = Path(__file__).resolve().parents[3]
# `oit` as `python -m oit` runs it, with the names of every module loaded written down when the process exits.
WRAPPER = """
import atexit, json, os, sys
atexit.register(lambda: open(os.environ["OIT_TEST_MODULES"], "w").write(json.dumps(sorted(sys.modules))))
from oit.cli import main
sys.argv[0] = "oit"
main()
"""
# Modules a scan process has no use for: the ORM, psutil, and what `oit schedule` alone needs.
NOT_LOADED = ("sqlalchemy.orm", "sqlalchemy.ext", "psutil", "apscheduler", "oit.watch.schedule", "oit.watch.alerts")


def run_oit(args: list[str], db: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess, list[str]]:
    modules = tmp_path / "modules.json"
    env = {**os.environ, "OIT_DATABASE": f"sqlite:///{db}", "OIT_TEST_MODULES": str(modules), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", WRAPPER, *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)  # fmt: skip
    return done, json.loads(modules.read_text()) if modules.exists() else []


def loaded(modules: list[str], prefix: str) -> list[str]:
    return [m for m in modules if m == prefix or m.startswith(prefix + ".")]


@pytest.mark.parametrize("scans", [1, 2], ids=["new database", "re-scan of a stored site"])
def test_a_scan_process_never_loads_the_orm_nor_psutil(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scans: int):
    """A first scan (the tables created) and a re-scan (the previous scan read back, its history and diff in the
    report): the same modules stay unloaded."""
    monkeypatch.delenv("OIT_DATABASE", raising=False)
    db = tmp_path / "oit.sqlite"
    with serve() as url:
        for n in range(scans):
            args = ["scan", url, "--as-of", "2026-05-15", "--delay", "0", "--json", str(tmp_path / f"{n}.json")]
            done, modules = run_oit(args, db, tmp_path)
            assert done.returncode == 0, done.stderr
    result = json.loads((tmp_path / f"{scans - 1}.json").read_text(encoding="utf-8"))
    assert result["scan_id"] == scans and len(result["items"]) == 26  # a whole scan ran, stored and judged
    assert "sqlalchemy.engine" in modules and "oit.watch.history" in modules  # the module list is the scan's own
    assert {prefix: loaded(modules, prefix) for prefix in NOT_LOADED} == {prefix: [] for prefix in NOT_LOADED}
