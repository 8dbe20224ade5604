"""CPU and memory of a process and all its descendants (both bench scripts measure process trees)."""

from __future__ import annotations

import contextlib

import psutil


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return 0
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            total += p.memory_info().rss
    return total


def tree_cpu(pid: int) -> float:
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.ZombieProcess):
            t = p.cpu_times()
            total += t.user + t.system
    return total


class TreeCpu:
    """CPU seconds of a process tree, every process's last reading summed: a child that ended (an OCR pool
    started afresh) keeps what it used, where the tree's sum at one moment would lose it."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._seen: dict[int, float] = {}

    def sample(self) -> None:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for proc in procs:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.ZombieProcess):
                times = proc.cpu_times()
                self._seen[proc.pid] = times.user + times.system

    @property
    def total(self) -> float:
        return sum(self._seen.values())
