"""OIT_MEMTRACE=1: the RSS at phase boundaries (oit/scan/memtrace.py), for the memory work of the crawl benchmark."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# ~40 MB held between two marks and freed again: the second mark's peak shows it, the third's (a new phase) not.
SCRIPT = """
from oit.scan.memtrace import mark
mark("before")
block = bytearray(40 * 2**20)
for i in range(0, len(block), 4096):
    block[i] = 1  # touch every page: RSS, not just address space
del block
mark("after")
mark("later")
"""
LINE = re.compile(r"^memtrace (\w+) rss_mb=([\d.]+) peak_mb=([\d.]+) at_s=[\d.]+$")


def _run(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OIT_MEMTRACE"}
    if env_value is not None:
        env["OIT_MEMTRACE"] = env_value
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    return done.stderr


def test_each_mark_shows_the_peak_of_its_own_phase() -> None:
    lines = [LINE.match(line) for line in _run("1").splitlines()]
    assert all(lines) and [m.group(1) for m in lines] == ["before", "after", "later"]
    rss_after, peak_after = float(lines[1].group(2)), float(lines[1].group(3))
    assert peak_after >= rss_after + 30  # the freed 40 MB block still shows in its phase's peak
    assert float(lines[2].group(3)) <= peak_after - 30  # and the high-water mark was reset for the next phase


def test_off_by_default() -> None:
    assert _run(None) == ""
