"""The machine a benchmark ran on, recorded with its figures (both bench scripts use it)."""

from __future__ import annotations

import contextlib
import os
import platform
from pathlib import Path


def describe() -> dict:
    """CPU model and count, usable cores, memory, platform and the load when the run started."""
    return {
        "cpus": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)),
        "cpu_model": _proc_field("/proc/cpuinfo", "model name"),
        "mem_total_mb": _mem_total_mb(),
        "platform": platform.platform(),
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def _proc_field(path: str, name: str) -> str:
    with contextlib.suppress(OSError):
        for line in Path(path).read_text().splitlines():
            if line.startswith(name):
                return line.split(":", 1)[1].strip()
    return ""


def _mem_total_mb() -> int | None:
    value = _proc_field("/proc/meminfo", "MemTotal")  # "24576000 kB"
    return round(int(value.split()[0]) / 1024) if value else None
