"""Serves the bundled demo website (an อบต. site with planted gaps) on 127.0.0.1 at a free port."""

from __future__ import annotations

import functools
import threading
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any


def site_dir() -> Path:
    return Path(str(resources.files("oit").joinpath("demo/site")))


def expected() -> dict[str, Any]:
    """The planted results (oit/demo/expected.toml): what a correct scan of the demo site concludes."""
    return tomllib.loads(resources.files("oit").joinpath("demo/expected.toml").read_text(encoding="utf-8"))


class _QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path | None = None) -> Iterator[str]:
    """Serve `directory` (default: the demo site) and yield its base URL; stop on exit."""
    handler = functools.partial(_QuietHandler, directory=str(directory or site_dir()))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
