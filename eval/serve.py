"""Serve one generated zoo site (or a saved home page) on 127.0.0.1 from its routes.json.

A small threaded HTTP/1.1 server: query strings are part of the route (WordPress `/?p=1234`, Joomla
`index.php?option=...`), dead links answer 404, legacy pages go out in windows-874 with no charset in the
header. Anything not in the table is a 404 page, as a real server sends.

    python -m eval.serve build/eval/sites/wp_plain [--port 8080]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from eval.zoo.builder import route_key

NOT_FOUND = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"


def _handler(root: Path, routes: dict[str, dict]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self, body: bool) -> None:
            route = routes.get(route_key(self.path))
            if route is None or route.get("file") is None:
                status, ctype, data = 404, "text/html; charset=utf-8", NOT_FOUND
            else:
                status, ctype, data = route.get("status", 200), route["type"], (root / route["file"]).read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Last-Modified", "Fri, 15 May 2026 01:00:00 GMT")
            self.end_headers()
            if body:
                self.wfile.write(data)

        def do_GET(self) -> None:
            self._answer(True)

        def do_HEAD(self) -> None:
            self._answer(False)

        def do_POST(self) -> None:  # forms: answered, never stored
            self._answer(True)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@dataclass
class Served:
    url: str
    server: ThreadingHTTPServer


@contextlib.contextmanager
def serve(site_dir: Path, port: int = 0) -> Iterator[Served]:
    """Serve `site_dir` (a directory with routes.json) in a background thread until the block ends."""
    routes = json.loads((site_dir / "routes.json").read_text("utf-8"))
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(site_dir, routes))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}/", server)
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site_dir", type=Path)
    ap.add_argument("--port", type=int, default=8080)
    args = ap.parse_args()
    with serve(args.site_dir, args.port) as s:
        print(s.url, flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
