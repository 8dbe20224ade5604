"""Serve a static directory on 127.0.0.1 for crawl benchmarks, fast enough not to be the bottleneck.

    python bench/serve.py DIR [--port 0] [--server auto|nginx|python]

Uses nginx when ``/usr/sbin/nginx`` (or ``nginx`` on PATH) exists: a minimal config is written into a
temporary directory and nginx runs in the foreground (``daemon off``) as a child process with one worker,
no access log, sendfile and HTTP/1.1 keep-alive. Otherwise (or with ``--server python``) it falls back
to ``http.server.ThreadingHTTPServer`` speaking HTTP/1.1 with keep-alive, every file preloaded into
memory, run in its own process so that it does not share a GIL with anything else.

From Python::

    with serve(site_dir) as srv:
        print(srv.url, srv.kind, srv.pid)
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import mimetypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

NGINX_CONF = """\
{user}
worker_processes 1;
daemon off;
master_process on;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{
    worker_connections 1024;
}}
http {{
    types {{
        text/html html;
        text/plain txt;
        text/css css;
        application/json json;
        image/png png;
    }}
    default_type application/octet-stream;
    charset utf-8;
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    open_file_cache max=10000 inactive=60s;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port} backlog=1024;
        server_name localhost;
        root {root};
        index index.html;
        location / {{
            try_files $uri $uri/ =404;
        }}
    }}
}}
"""


@dataclass
class Served:
    url: str  # http://127.0.0.1:PORT/
    kind: str  # e.g. "nginx 1.22.1" or "python ThreadingHTTPServer (preloaded)"
    pid: int  # the server's main process (its workers are its children)


def find_nginx() -> str | None:
    if os.access("/usr/sbin/nginx", os.X_OK):
        return "/usr/sbin/nginx"
    return shutil.which("nginx")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(port: int, proc: subprocess.Popen, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode} before becoming ready")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/robots.txt")
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"server on port {port} not ready after {timeout} s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # nginx: fast shutdown; python: KeyboardInterrupt-free exit
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _start_nginx(root: Path, nginx: str, port: int, tmp: str) -> tuple[subprocess.Popen, Served]:
    version = subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr.strip()
    version = version.split("/")[-1] if "/" in version else version
    # As root, nginx's workers would run as "nobody", which cannot read a 0700 temp directory.
    user = "user root;" if os.geteuid() == 0 else ""
    conf = Path(tmp) / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user=user, tmp=tmp, port=port, root=root.resolve()))
    proc = subprocess.Popen([nginx, "-p", tmp, "-c", str(conf)], stdin=subprocess.DEVNULL)
    try:
        _wait_ready(port, proc)
    except RuntimeError as e:
        _stop(proc)
        log = Path(tmp, "error.log")
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"{e}\n{detail}") from None
    return proc, Served(f"http://127.0.0.1:{port}/", f"nginx {version}", proc.pid)


def _start_python(root: Path, port: int) -> tuple[subprocess.Popen, Served]:
    cmd = [sys.executable, str(Path(__file__).resolve()), str(root), "--port", str(port), "--server", "python"]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        _wait_ready(port, proc, timeout=60)
    except RuntimeError:
        _stop(proc)
        raise
    return proc, Served(f"http://127.0.0.1:{port}/", "python ThreadingHTTPServer (preloaded)", proc.pid)


@contextlib.contextmanager
def serve(root: Path | str, server: str = "auto", port: int = 0) -> Iterator[Served]:
    """Serve ``root`` on 127.0.0.1 in a child process until the ``with`` block ends."""
    root = Path(root)
    nginx = find_nginx() if server in ("auto", "nginx") else None
    if server == "nginx" and not nginx:
        raise RuntimeError("nginx requested but not installed (apt-get install -y nginx-light)")
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as tmp:
        started = None
        last: Exception | None = None
        for _ in range(5):  # the free port can be taken between probing and binding: retry
            p = port or free_port()
            try:
                started = _start_nginx(root, nginx, p, tmp) if nginx else _start_python(root, p)
                break
            except RuntimeError as e:
                last = e
                if port:
                    break
        if started is None:
            raise RuntimeError(f"could not start a server: {last}")
        proc, served = started
        try:
            yield served
        finally:
            _stop(proc)


# --------------------------------------------------------------------------------------------------------
# Python fallback server
# --------------------------------------------------------------------------------------------------------


def preload(root: Path) -> dict[str, tuple[bytes, str]]:
    files: dict[str, tuple[bytes, str]] = {}
    for path in root.rglob("*"):
        if path.is_file():
            rel = "/" + path.relative_to(root).as_posix()
            ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if ctype.startswith("text/"):
                ctype += "; charset=utf-8"
            files[rel] = (path.read_bytes(), ctype)
            if path.name == "index.html":
                files[rel[: -len("index.html")]] = files[rel]
    return files


def make_handler(files: dict[str, tuple[bytes, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive
        server_version = "bench-static"
        sys_version = ""

        def do_GET(self) -> None:
            self._reply(head=False)

        def do_HEAD(self) -> None:
            self._reply(head=True)

        def _reply(self, head: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            hit = files.get(path)
            if hit is None:
                body, ctype, status = b"not found\n", "text/plain; charset=utf-8", HTTPStatus.NOT_FOUND
            else:
                (body, ctype), status = hit, HTTPStatus.OK
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def run_python_server(root: Path, port: int) -> None:
    files = preload(root)
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 1024
    httpd = ThreadingHTTPServer(("127.0.0.1", port), make_handler(files))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"python ThreadingHTTPServer serving {len(files)} files at http://127.0.0.1:{port}/", flush=True)
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Serve a directory on 127.0.0.1 (nginx if available).")
    ap.add_argument("root", type=Path)
    ap.add_argument("--port", type=int, default=0, help="0: pick a free port")
    ap.add_argument("--server", choices=["auto", "nginx", "python"], default="auto")
    args = ap.parse_args(argv)
    if args.server == "python":
        run_python_server(args.root, args.port or free_port())
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # run the cleanup below: stop nginx too
    with serve(args.root, args.server, args.port) as srv:
        print(f"serving {args.root} at {srv.url} using {srv.kind} (pid {srv.pid}); Ctrl-C to stop", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    return 0


if __name__ == "__main__":
    sys.exit(main())
