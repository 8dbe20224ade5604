"""A small programmable HTTP(S) server on loopback, and helpers shared by the crawler tests.

The crawler is tested against real sockets: no mocks of httpx or the network. A `LocalServer` serves a dict
of path -> `Reply` (or a list of replies used in turn, or a function of the request), records every request
(raw target, headers, arrival time) and can delay answers, so retries, politeness and limits can be checked
from the server's side.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from crawler.engine import Crawler, MemorySink
from crawler.models import CrawlResult
from crawler.settings import CrawlSettings

HTML = "text/html; charset=utf-8"


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    content_type: str | None = HTML
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a slow or hanging server)

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


def page(body: str, title: str = "", charset: str = "utf-8") -> Reply:
    """An HTML page in `charset`."""
    html = f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"
    return Reply(body=html.encode(charset), content_type=f"text/html; charset={charset}")


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status=status, headers={"Location": location}, content_type=None)


@dataclass
class Hit:
    target: str  # the request target exactly as sent (percent-encoded path and query)
    headers: dict[str, str]
    at: float  # time.monotonic() when the request line arrived

    @property
    def path(self) -> str:
        return unquote(urlsplit(self.target).path)


Route = Reply | list[Reply] | Callable[[Hit], Reply]


class LocalServer:
    """A threaded HTTP server on a free port of `host` (a loopback address)."""

    def __init__(self, routes: dict[str, Route] | None = None, host: str = "127.0.0.1",
                 tls: ssl.SSLContext | None = None) -> None:  # fmt: skip
        self.routes: dict[str, Route] = dict(routes or {})
        self.default: Route = Reply(status=404, body="not found", content_type="text/plain")  # unrouted paths
        self.hits: list[Hit] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._turns: dict[str, int] = {}
        self._httpd = (_IPv6Server if ":" in host else ThreadingHTTPServer)((host, 0), _handler_for(self))
        self._httpd.daemon_threads = True
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True,
                                                 do_handshake_on_connect=False)  # fmt: skip
        self.scheme = "https" if tls else "http"
        self.host = host
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)  # fmt: skip

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str = "/") -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}{path}"

    # --- request log -------------------------------------------------------------------------------

    def hits_for(self, path: str) -> list[Hit]:
        """Requests whose decoded path (query ignored) is `path`."""
        with self._lock:
            return [h for h in self.hits if h.path == path]

    def count(self, path: str | None = None) -> int:
        """Requests for `path` (query ignored), or all requests."""
        if path is None:
            with self._lock:
                return len(self.hits)
        return len(self.hits_for(path))

    def times(self, path: str | None = None) -> list[float]:
        with self._lock:
            return [h.at for h in self.hits if path is None or h.path == path]

    def paths(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.hits]

    def targets(self) -> list[str]:
        with self._lock:
            return [h.target for h in self.hits]

    # --- routing ------------------------------------------------------------------------------------

    def _record(self, target: str, headers: dict[str, str]) -> Hit:
        hit = Hit(target=target, headers=headers, at=time.monotonic())
        with self._lock:
            self.hits.append(hit)
        return hit

    def _reply_for(self, hit: Hit) -> Reply:
        full = unquote(hit.target)
        key = full if full in self.routes else hit.path
        route = self.routes.get(key, self.default)
        if isinstance(route, Reply):
            return route
        if isinstance(route, list):
            with self._lock:
                turn = self._turns.get(key, 0)
                self._turns[key] = turn + 1
            return route[min(turn, len(route) - 1)]
        return route(hit)

    # --- answering: hooks a misbehaving server overrides ---------------------------------------------------

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        """How a request is answered: by default the routed `Reply`, after its delay, written whole."""
        hit = self._record(handler.path, {k.lower(): v for k, v in handler.headers.items()})
        reply = self._reply_for(hit)
        if reply.delay and self.stopping.wait(reply.delay):
            return
        body = reply.payload()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError, ssl.SSLError):
            handler.send_response(reply.status)
            if reply.content_type:
                handler.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            self.write_body(handler, reply, body)

    def write_body(self, handler: BaseHTTPRequestHandler, reply: Reply, body: bytes) -> None:
        """How a reply's body goes out once its headers are sent: by default all of it, in 64 KiB writes."""
        for start in range(0, len(body), 65536):
            handler.wfile.write(body[start : start + 65536])


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6  # LocalServer(host="::1")


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # headers and body go out in separate writes (a trickle's single bytes one by one): no 40 ms
        # delayed-ACK stall
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            server.answer(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def closed_port(host: str = "127.0.0.1") -> int:
    """A port on `host` that nothing listens on (connections are refused)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


# --- crawling helpers ------------------------------------------------------------------------------------


def fast_settings(**overrides: object) -> CrawlSettings:
    """Settings for local tests: no politeness delay, short timeouts, no sitemap probe."""
    values: dict[str, object] = {"delay": 0.0, "timeout": 3.0, "read_sitemaps": False, "max_duration": 20.0}
    values.update(overrides)
    return CrawlSettings(**values)  # type: ignore[arg-type]


def crawl(start_url: str, settings: CrawlSettings | None = None, extra_urls: list[str] | None = None,
          **overrides: object) -> tuple[CrawlResult, MemorySink]:  # fmt: skip
    sink = MemorySink()
    crawler = Crawler(settings or fast_settings(**overrides), sink)
    result = asyncio.run(crawler.run(start_url, extra_urls))
    return result, sink


def gaps(times: list[float]) -> list[float]:
    ordered = sorted(times)
    return [b - a for a, b in itertools.pairwise(ordered)]


def spaced(times: list[float], delay: float, since: float) -> bool:
    """Requests started at least `delay` apart, as seen by the server; `since` is `time.monotonic()` read
    before the crawl began (the first request cannot have started earlier).

    The crawler spaces request *starts*: the k-th start is at least k delays after `since`, and a request
    arrives at the server no earlier than it started. So the k-th arrival (k = 0, 1, ...) is at least
    `since + k * delay`, however loaded the machine: load only makes arrivals later. Gaps between arrivals
    are no proof either way: an arrival held up by load shortens the gap after it.
    """
    slack = 0.001  # asyncio may wake a sleeper up to its clock resolution early
    return all(at >= since + k * delay - slack * (k + 1) for k, at in enumerate(sorted(times)))


# --- PDFs ------------------------------------------------------------------------------------------------


def make_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF showing `lines` (ASCII) in the standard Helvetica font; no lines = a blank page."""
    text = b""
    if lines:
        shown = b" T* ".join(b"(" + _pdf_escape(line) + b") Tj" for line in lines)
        text = b"BT /F1 14 Tf 72 760 Td 20 TL " + shown + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(text)).encode() + b" >>\nstream\n" + text + b"\nendstream",
    ]
    return pdf_of(objects)


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1; object 1 is the catalog), with its cross-reference table and
    trailer. The comment line of high bytes after the header marks the file as binary, as real writers do."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _pdf_escape(line: str) -> bytes:
    return line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_reply(data: bytes) -> Reply:
    return Reply(body=data, content_type="application/pdf")
