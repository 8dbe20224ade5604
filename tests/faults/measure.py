"""Run a real `oit scan` in a subprocess and measure the work it did: memory and CPU of all its processes.

The fault matrix asserts bounded work, not speed: the peak resident memory of the scan's whole process tree
(the scan, its extraction and OCR workers, the browser when one runs), sampled every 50 ms, and the CPU seconds
the tree spent. Both are what a hostile site can blow up, and neither grows because the machine is loaded.
Wall time is only a hang guard far above any real run.

The harness also keeps the machine safe while a scan misbehaves: a tree that passes MEMORY_CEILING, CPU_CEILING
or HANG_GUARD is killed (its `stopped` says which), so an unfixed fault fails its test instead of taking the
machine down. After the scan process ends, helper processes that outlive it are noted (`leftover`) and ended.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1_000_000_000  # the bound: a scan and all its processes together stay under 1 GB
MEMORY_CEILING = 2_000_000_000  # past the bound already: the harness kills the scan here to protect the machine
CPU_CEILING = 240.0  # CPU seconds; far past any case's bound, so a runaway is stopped, not waited out
HANG_GUARD = 120.0  # wall seconds: only against a hang (the scans here take a few seconds each)
SAMPLE_EVERY = 0.05
LEFTOVER_GRACE = 3.0  # seconds helper processes get to notice their parent has gone

YEAR_ARGS = ["--year", "2569", "--as-of", "2026-05-15"]  # the demo site's planted results are for this day


@dataclass
class Run:
    """What one `oit scan` did."""

    exit_code: int | None  # negative: killed by that signal
    stdout: str
    stderr: str
    report: dict[str, Any] | None  # the --json report, when written
    html: str | None  # the --html report, when written
    peak_rss: int  # bytes: the largest sum of resident memory over the scan's process tree at one sample
    cpu_s: float  # CPU seconds (user + system) of the scan and every process it started
    stopped: str | None = None  # why the harness killed it: "memory ceiling", "CPU ceiling", "hang guard"
    leftover: list[str] = field(default_factory=list)  # helper processes alive after the scan process ended

    def item(self, code: str) -> dict[str, Any]:
        assert self.report is not None, f"no JSON report (exit {self.exit_code}, stopped: {self.stopped})"
        return next(i for i in self.report["items"] if i["code"] == code)

    def summary(self) -> str:
        """One line for assertion messages and the matrix log."""
        return (
            f"exit={self.exit_code} peak={self.peak_rss / 1e6:.0f}MB cpu={self.cpu_s:.1f}s stopped={self.stopped}"
            f" leftover={len(self.leftover)}"
        )


def write_config(workdir: Path, crawl: dict[str, object], extra: str = "") -> Path:
    """A config.toml with the [crawl] settings of a case (a TOML table written by hand: values are simple)."""
    lines = ["[crawl]", *(f"{key} = {_toml(value)}" for key, value in crawl.items()), f"\n[report]\ndir = {_toml(str(workdir / 'reports'))}", extra]  # fmt: skip
    path = workdir / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


class ScanProcess:
    """`oit scan ...` started in `workdir` with the checkout first on the path and its own database, watched by a
    sampling thread from start to end."""

    def __init__(self, args: list[str], workdir: Path, env: dict[str, str] | None = None) -> None:
        self.workdir = workdir
        environment = {**os.environ, "PYTHONPATH": str(REPO), "OIT_DATABASE": f"sqlite:///{workdir / 'oit.sqlite'}"}
        environment.update(env or {})
        self._out = (workdir / "stdout.txt").open("wb")
        self._err = (workdir / "stderr.txt").open("wb")
        # Reaped by the sampler with os.wait4 (for the kernel's CPU count), so the Popen is only used to start it:
        # signals and the tree go through psutil, which never reaps.
        self.proc = subprocess.Popen([sys.executable, "-m", "oit", *args], cwd=workdir, env=environment,
                                     stdout=self._out, stderr=self._err)  # fmt: skip
        self.root = psutil.Process(self.proc.pid)
        self.peak_rss = 0
        self.stopped: str | None = None
        self._seen: dict[int, psutil.Process] = {}  # every process of the tree ever sampled
        self._cpu: dict[int, float] = {}  # the last CPU seconds read per process
        self._status: int | None = None
        self._rusage_cpu = 0.0
        self._started = time.monotonic()
        self._done = threading.Event()
        self._sampler = threading.Thread(target=self._sample_until_exit, daemon=True)
        self._sampler.start()

    # --- watching -----------------------------------------------------------------------------------------

    def tree(self) -> list[psutil.Process]:
        """The scan process and its live descendants (empty once it has ended)."""
        if self._done.is_set():
            return []
        try:
            return [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return []

    def _sample_until_exit(self) -> None:
        while True:
            pid, status, rusage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:  # reaped here: wait4 also gives the CPU of every worker the scan itself waited for
                self._status = status
                self._rusage_cpu = rusage.ru_utime + rusage.ru_stime
                self._done.set()
                return
            self._sample()
            self._guard()
            time.sleep(SAMPLE_EVERY)

    def _sample(self) -> None:
        rss = 0
        for proc in self.tree():
            try:
                with proc.oneshot():
                    rss += proc.memory_info().rss
                    times = proc.cpu_times()
                self._seen.setdefault(proc.pid, proc)
                self._cpu[proc.pid] = times.user + times.system
            except psutil.Error:
                continue
        self.peak_rss = max(self.peak_rss, rss)

    def _guard(self) -> None:
        if self.peak_rss > MEMORY_CEILING:
            self._kill_tree("memory ceiling")
        elif sum(self._cpu.values()) > CPU_CEILING:
            self._kill_tree("CPU ceiling")
        elif time.monotonic() - self._started > HANG_GUARD:
            self._kill_tree("hang guard")

    def _kill_tree(self, why: str) -> None:
        self.stopped = self.stopped or why
        for proc in reversed(self.tree()):
            with _quiet():
                proc.kill()

    # --- controlling ----------------------------------------------------------------------------------------

    def wait_until(self, condition: Callable[[], bool], what: str, limit: float = 60.0) -> None:
        """Wait until `condition()` holds while the scan runs (a hang guard, not a speed check)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline and not self._done.is_set():
            if condition():
                return
            time.sleep(SAMPLE_EVERY)
        raise AssertionError(f"the scan ended or took too long before {what} ({self.summary_so_far()})")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the scan process only (as the OOM killer or `kill -9` would), not its helpers."""
        self.root.send_signal(sig)

    def summary_so_far(self) -> str:
        return f"peak={self.peak_rss / 1e6:.0f}MB stopped={self.stopped}"

    def finish(self, json_path: Path | None = None, html_path: Path | None = None) -> Run:
        """Wait for the scan to end (the guards end it at worst) and collect what it did."""
        self._done.wait()
        self._sampler.join()
        self._out.close()
        self._err.close()
        assert self._status is not None
        code = os.waitstatus_to_exitcode(self._status)
        self.proc.returncode = code  # reaped by wait4 above, so Popen must not wait for it again
        leftover = self._end_leftovers()
        return Run(
            exit_code=code,
            stdout=(self.workdir / "stdout.txt").read_text("utf-8", errors="replace"),
            stderr=(self.workdir / "stderr.txt").read_text("utf-8", errors="replace"),
            report=_read_json(json_path),
            html=html_path.read_text("utf-8") if html_path and html_path.is_file() else None,
            peak_rss=self.peak_rss,
            # The sampled CPU of every process (catches workers the scan never waited for) or the kernel's count
            # for the scan and the workers it reaped, whichever is larger: neither undercounts by much.
            cpu_s=max(self._rusage_cpu, sum(self._cpu.values())),
            stopped=self.stopped,
            leftover=leftover,
        )

    def _end_leftovers(self) -> list[str]:
        """Helper processes still alive after the scan process ended (given a moment to notice), then ended."""
        deadline = time.monotonic() + LEFTOVER_GRACE
        alive = self._alive_helpers()
        while alive and time.monotonic() < deadline:
            time.sleep(0.1)
            alive = self._alive_helpers()
        names = [f"{p.pid} {_cmdline(p)}" for p in alive]
        for proc in alive:
            with _quiet():
                proc.kill()
        return names

    def _alive_helpers(self) -> list[psutil.Process]:
        alive = []
        for pid, proc in self._seen.items():
            if pid == self.proc.pid:
                continue
            with _quiet():
                if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:  # is_running checks create time
                    alive.append(proc)
        return alive


class _quiet:
    """Ignore a process that has gone in the meantime."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> bool:
        return kind is not None and issubclass(kind, psutil.Error)


def _cmdline(proc: psutil.Process) -> str:
    try:
        return " ".join(proc.cmdline())[:120]
    except psutil.Error:
        return "?"


def _read_json(path: Path | None) -> dict[str, Any] | None:
    if path is None or not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def scan(url: str, workdir: Path, config: Path | None, *extra: str, env: dict[str, str] | None = None,
         html: bool = False) -> Run:  # fmt: skip
    """One `oit scan URL --json` (and --html) run to its end."""
    json_path, html_path = workdir / "report.json", workdir / "report.html"
    args = ["scan", url, *YEAR_ARGS, "--json", str(json_path)]
    args += ["--html", str(html_path)] if html else []
    args += ["--config", str(config)] if config else []
    return ScanProcess([*args, *extra], workdir, env).finish(json_path, html_path)
