"""How helper processes are started: a memory limit, and death with the scan process.

Untrusted files are read in pools of worker processes (crawler/pdftext.py: text layers; crawler/ocr.py: OCR).
Two promises hold for every worker, whatever a file holds and however the scan ends:

- Memory. Each worker runs under an address-space limit (RLIMIT_AS, `worker_memory_mb`). A file that needs more
  (a 3 MB PDF whose content stream inflates to 3 GiB: pdfium loads a page's whole stream) makes an allocation
  fail: Python raises MemoryError, pdfium and Tesseract abort. Either way only the worker is lost; the file is
  reported with memory_reason() and the pool is started afresh for the next one. The scan process itself never
  opens a PDF's pages.
- Lifetime. On Linux the workers are forked by multiprocessing's fork server, which the scan starts. The fork
  server watches the scan process (crawler/forkserver_boot.py, imported there only) and kills itself when the
  scan is gone; each worker asks the kernel for SIGKILL when its parent, the fork server, dies
  (PR_SET_PDEATHSIG). Without both, a scan killed with SIGKILL left them running for good: workers block on a
  queue whose write end they hold themselves, and they hold the fork server's "alive" pipe. multiprocessing's
  resource tracker then sees its last writers gone and exits by itself.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import select
import signal
import sys
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

DEFAULT_MEMORY_MB = 512  # measured: OCR of a scanned A4 page peaks at ~310 MB of address space, poppler ~150 MB
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PRELOAD = ["crawler.forkserver_boot"]  # imported by the fork server: OCR, pdfium and poppler, and its watcher

_memory_mb = DEFAULT_MEMORY_MB


MEMORY_TH = "ไฟล์ใช้หน่วยความจำเกินกำหนด"


def memory_reason(memory_mb: int, detail: str = "") -> str:
    why = f"{memory_mb} MB{'; ' + detail if detail else ''}"
    return f"{MEMORY_TH} ({why}) จึงอ่านไม่ได้ / the file needs more memory than allowed ({why}): not read"


def set_memory_limit(memory_mb: int) -> None:
    """The limit for workers started from now on (CrawlSettings.worker_memory_mb); pools started under another
    limit are replaced when next used."""
    global _memory_mb
    _memory_mb = memory_mb


def memory_limit() -> int:
    return _memory_mb


def mp_context() -> multiprocessing.context.BaseContext:
    """How pools start workers. Not fork: the crawler runs threads (asyncio.to_thread), and forking a threaded
    process can deadlock. Spawn where there is no fork server (macOS, Windows)."""
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)  # each worker starts from an imported copy
        return ctx
    return multiprocessing.get_context("spawn")


# --- in the worker ------------------------------------------------------------------------------------------
def init_worker(memory_mb: int) -> None:
    """The first thing a worker does (the pools' initializer): die with its parent, then bound its memory."""
    die_with_parent()
    limit_memory(memory_mb)


def limit_memory(memory_mb: int) -> None:
    """Cap this process's address space. RLIMIT_AS rather than RLIMIT_DATA: pdfium and Tesseract allocate big
    buffers with mmap, which only the address-space limit counts on every kernel."""
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (elsewhere: nothing; spawned workers there are the
    scan's own children and see their queue close)."""
    if not sys.platform.startswith("linux"):
        return
    # ctypes only here, in the worker (the fork server preloads it, crawler/forkserver_boot.py): the scan process
    # never calls prctl, and an HTML-only scan would carry ctypes for nothing.
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        return  # not allowed here (seccomp): the fork server's watcher still ends the pool's parent
    if os.getppid() == 1:  # the parent died before the request: the signal will never come
        os.kill(os.getpid(), signal.SIGKILL)


def watch_parent() -> None:
    """Kill this process as soon as its parent is gone, from a daemon thread. For the fork server: PDEATHSIG
    would fire when the *thread* that started it ends, and the scan may start its first pool from any thread."""
    parent = os.getppid()
    threading.Thread(target=_wait_and_die, args=(parent,), name="oit-parent-watch", daemon=True).start()


def _wait_and_die(parent: int) -> None:
    try:
        pidfd = os.pidfd_open(parent)  # Linux 5.3+: readable when the process exits
    except (AttributeError, OSError):
        while os.getppid() == parent:  # older kernels, or the parent already gone (then at once)
            time.sleep(0.5)
    else:
        select.select([pidfd], [], [])
    os.kill(os.getpid(), signal.SIGKILL)


# --- in the scan process ----------------------------------------------------------------------------------
class Pool:
    """A ProcessPoolExecutor of workers started by `init_worker` (and `initializer` after it), made on first use
    and replaced when broken, hung, or started under another memory limit."""

    def __init__(
        self,
        size: Callable[[], int],
        initializer: Callable[..., None] | None = None,
        initargs: Callable[[], tuple[object, ...]] = tuple,
    ) -> None:
        self._size, self._initializer, self._initargs = size, initializer, initargs
        self._pool: ProcessPoolExecutor | None = None
        self._started_with: tuple[int, int] = (0, 0)  # (workers, memory limit) of the running pool
        self._lock = threading.Lock()
        _POOLS.add(self)

    def forget_in_child(self) -> None:
        """In a forked child: drop the parent's pool without touching it (the parent still uses its workers)."""
        self._pool = None
        self._lock = threading.Lock()  # it may have been held by another of the parent's threads at the fork

    def get(self) -> ProcessPoolExecutor:
        with self._lock:
            wanted = (self._size(), _memory_mb)
            # A pool broken by a worker's death refuses every task; one started under other settings is outdated.
            if self._pool is not None and (self._started_with != wanted or getattr(self._pool, "_broken", False)):
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            if self._pool is None:
                self._started_with = wanted
                # Any: typeshed's initargs must match the initializer's parameters one by one, and _start's are *args
                initargs: tuple[Any, ...] = (_memory_mb, self._initializer, *self._initargs())
                self._pool = ProcessPoolExecutor(wanted[0], mp_context(), initializer=_start, initargs=initargs)
            return self._pool

    def restart(self, pool: ProcessPoolExecutor) -> None:
        """Kill the workers of `pool` (one is hung or dead); the next task starts a fresh pool. A pool already
        replaced is only killed."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()  # ProcessPoolExecutor has no public way to stop a running task before Python 3.14
        pool.shutdown(wait=False, cancel_futures=True)

    def shutdown(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


_POOLS: weakref.WeakSet[Pool] = weakref.WeakSet()


def _forget_pools_in_child() -> None:
    """A process forked from one whose pools have started (a test runner forking per test, a process manager) must
    start its own: the parent's pool's manager thread does not survive the fork, so each task given to it waited for
    ever, and the fork server belongs to the parent. The parent's processes are left alone."""
    for pool in list(_POOLS):
        pool.forget_in_child()
    forkserver = sys.modules.get("multiprocessing.forkserver")  # imported once a pool has started
    server = getattr(forkserver, "_forkserver", None)
    if server is not None and server._forkserver_pid is not None:  # the parent's: this process starts its own
        server._forkserver_pid = server._forkserver_address = server._forkserver_alive_fd = None
        server._lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pools_in_child)


def _start(memory_mb: int, initializer: Callable[..., None] | None, *args: object) -> None:
    init_worker(memory_mb)
    if initializer is not None:
        initializer(*args)


def failure_reason(pool: ProcessPoolExecutor, exc: BaseException) -> str:
    """Why a task failed in `pool` (Thai / English): MEMORY when it raised MemoryError or its worker was killed
    by an allocation that failed (pdfium and Tesseract abort(); the kernel's OOM killer sends SIGKILL), else
    a crash with the worker's exit code."""
    if isinstance(exc, MemoryError):
        return memory_reason(_memory_mb)
    if not isinstance(exc, BrokenProcessPool):
        return f"อ่านไฟล์ไม่สำเร็จ / reading failed: {exc!r}"[:300]
    processes = list((getattr(pool, "_processes", None) or {}).values())
    codes = [p.exitcode for p in processes if p.exitcode not in (None, 0, -signal.SIGTERM)]
    if any(code in (-signal.SIGABRT, -signal.SIGKILL) for code in codes):
        return memory_reason(_memory_mb)
    return f"โปรแกรมอ่านไฟล์หยุดทำงานกลางคัน / the reader crashed on this file (exit codes {codes})"


def is_memory(reason: str | None) -> bool:
    return reason is not None and reason.startswith(MEMORY_TH)
