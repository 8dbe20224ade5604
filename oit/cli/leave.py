"""Leaving the `oit` process without the interpreter's teardown, when nothing is left for it to do.

After a scan's reports are written, Python's own shutdown spends ~0.4 s of CPU freeing every object and module
one by one (a scan of 2,000 pages holds ~90,000 objects): memory the operating system takes back at once anyway.
The teardown is skipped only when it has nothing else to do: the exit handlers are run (they stop the document
workers and flush logging), and the shortcut is not taken while another thread runs, a file opened for writing
is still open, or an SQLite connection is open (closing it is what checkpoints and removes the write-ahead log).
Otherwise the process leaves the ordinary way.
"""

from __future__ import annotations

import atexit
import gc
import io
import os
import sqlite3
import sys
import threading


def leave(code: int | str | None) -> None:
    """End the process with exit `code` (SystemExit's), skipping the teardown when that loses nothing."""
    if not isinstance(code, int | None) or _unfinished():
        gc.unfreeze()  # the teardown finalizes no frozen object: a file frozen while open would lose its buffer
        raise SystemExit(code)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    atexit._run_exitfuncs()  # the exit handlers Python would run: worker pools, logging, weakref finalizers
    os._exit(code or 0)


# The files and SQLite connections among the objects frozen at start-up (freeze): gc.get_objects() leaves frozen
# objects out, and a file opened then must count too.
_FROZEN_HOLDERS: list[object] = []


def freeze() -> None:
    """gc.freeze() of everything made so far (the collector no longer walks it at each full collection), keeping
    aside the files and database connections among it for `leave`: it then lists only the objects made since, not
    all of them again at the end of a scan (a list of ~140,000 objects, ~1 MB, was the peak of a text site's scan)."""
    _FROZEN_HOLDERS[:] = [found for found in gc.get_objects() if isinstance(found, io.IOBase | sqlite3.Connection)]
    gc.freeze()


def _unfinished() -> bool:
    """Whether the teardown still has work that matters: a thread to wait for, a file or a database to close."""
    if any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate()):
        return True
    standard = {id(s) for s in _standard_streams()}
    for objects in (_FROZEN_HOLDERS, gc.get_objects()):
        for found in objects:
            if isinstance(found, io.IOBase) and id(found) not in standard and _file_open_for_writing(found):
                return True
            if isinstance(found, sqlite3.Connection) and _open(found):
                return True
    return False


def _standard_streams() -> list[object]:
    """stdout and stderr, their buffers: flushed by `leave` itself."""
    found: list[object] = []
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        found += [stream, getattr(stream, "buffer", None)]
    return found


def _file_open_for_writing(stream: io.IOBase) -> bool:
    """A buffered file open for writing: its last bytes may still be in its buffer. Unbuffered (raw) files hold
    nothing back, and in-memory ones have nothing to lose."""
    if isinstance(stream, io.RawIOBase | io.BytesIO | io.StringIO):
        return False
    try:
        return not stream.closed and stream.writable()
    except ValueError:  # a wrapper whose buffer was detached or closed
        return False


def _open(connection: sqlite3.Connection) -> bool:
    try:
        connection.total_changes  # noqa: B018 (raises ProgrammingError once the connection is closed)
    except sqlite3.ProgrammingError:
        return False
    return True
