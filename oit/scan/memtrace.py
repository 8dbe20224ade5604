"""A developer's memory trace of a scan: OIT_MEMTRACE=1 prints the RSS at each phase boundary to stderr.

    OIT_MEMTRACE=1 oit scan URL ...   ->   memtrace crawl rss_mb=112.3 peak_mb=118.0 at_s=9.41

``peak_mb`` is the highest RSS since the previous mark (the kernel's high-water mark, reset at every mark), so
a phase that allocates and frees again still shows. Linux only (/proc); off, it costs one environment lookup.
"""

from __future__ import annotations

import os
import sys
import time

_ON = bool(os.environ.get("OIT_MEMTRACE"))
_T0 = time.monotonic()


def mark(phase: str) -> None:
    """The RSS now and the peak since the previous mark, labelled with the phase that just ended."""
    if not _ON:
        return
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            kb = {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in status) if k in ("VmRSS", "VmHWM")}
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")  # resets VmHWM: the next mark shows the next phase's own peak
    except OSError:
        return
    line = f"memtrace {phase} rss_mb={kb['VmRSS'] / 1024:.1f} peak_mb={kb['VmHWM'] / 1024:.1f}"
    print(f"{line} at_s={time.monotonic() - _T0:.2f}", file=sys.stderr, flush=True)
