"""A throw-away Redis for the fleet tests and bench/run_fleet.py: on a free loopback port, nothing saved to disk."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

from tests.oit.receivers import free_port


def start_redis(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start redis-server in `folder`; returns the process and its redis:// URL once it accepts connections."""
    port = free_port()
    server = shutil.which("redis-server") or "redis-server"
    arguments = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)]
    process = subprocess.Popen([server, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process, f"redis://127.0.0.1:{port}/0"
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not start")
