"""The helper process pools (crawler/workers.py) in a process forked from one whose pools had started: the child
reads documents with pools of its own. It waited for ever before (the parent's pool's manager thread does not survive
a fork), which froze every test a mutation run forked after its first document (`make mutate`).

Real parts: os.fork, poppler in the pool's worker processes, a PDF with a Thai text layer."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from crawler.pdftext import read_text_layer

PDF = Path(__file__).parents[1] / "fixtures" / "documents" / "nogift-fpdf.pdf"
CHILD_TIMEOUT = 30.0


def _read() -> str:
    layer = asyncio.run(asyncio.wait_for(read_text_layer(PDF.read_bytes()), CHILD_TIMEOUT))
    return "\n".join(layer.pages)


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform != "linux", reason="fork and a fork server: Linux")
def test_a_forked_child_reads_documents_with_pools_of_its_own() -> None:
    in_parent = _read()  # the parent's pool and fork server are running now
    assert "No Gift" in in_parent or "ของขวัญ" in in_parent
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report what it read, or why not, and leave without the parent's teardown
        os.close(read)
        try:
            message = b"same" if _read() == in_parent else b"different"
        except BaseException as exc:  # anything, even a timeout, is the child's answer
            message = repr(exc).encode()
        os.write(write, message)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        said = answer.read().decode()
    os.waitpid(pid, 0)
    assert said == "same"
    assert _read() == in_parent  # the parent's own pool still works
