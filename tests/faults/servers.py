"""Misbehaving web servers for the fault matrix: the bundled demo อบต. site, with chosen paths answered badly.

A `FaultServer` serves the demo site (oit/demo/site, the same files `oit demo` scans, whose correct result is
known: oit/demo/expected.toml) from 127.0.0.1 and records every request. The paths given in `faults` are
answered by a `Fault` instead: a function that gets the raw exchange (the parsed request, the socket) and may
answer normally, late, a byte at a time, not at all, or by resetting the connection. Each kind of misbehaviour
below is one small named function, so a matrix row reads as "this path, this fault".

A FaultServer is tests/crawler/support.py's LocalServer (socket, threads, request log) with its `answer` hook
replaced: LocalServer always writes a whole `Reply` at once, and these faults need the socket (a trickle, a
reset, headers that never end). Its `Reply` and `Hit` are reused.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import mimetypes
import socket
import struct
import threading
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from oit.demo.server import site_dir
from tests.crawler.support import Hit, LocalServer, Reply, pdf_of

SITE = site_dir()
STATUS_TEXT = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found", 429: "Too Many Requests",
               500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}  # fmt: skip


@dataclass
class Exchange:
    """One request as a fault sees it: the parsed request (`hit`) and the connection to answer on."""

    handler: BaseHTTPRequestHandler
    hit: Hit
    server: FaultServer

    @property
    def stopping(self) -> threading.Event:
        """Set when the server stops: a fault that waits must give up then."""
        return self.server.stopping

    def send(self, reply: Reply) -> None:
        """A complete, well-formed answer."""
        body = reply.payload()
        head = [f"HTTP/1.1 {reply.status} {STATUS_TEXT.get(reply.status, 'Status')}"]
        if reply.content_type:
            head.append(f"Content-Type: {reply.content_type}")
        head += [f"{name}: {value}" for name, value in reply.headers.items()]
        head += [f"Content-Length: {len(body)}", "Connection: close"]
        self.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    def write(self, data: bytes) -> bool:
        """Raw bytes on the socket; False once the client has gone."""
        try:
            self.handler.wfile.write(data)
        except OSError:
            return False
        with self.server._lock:
            self.server.sent[self.hit.path] += len(data)
        return True

    def wait(self, seconds: float) -> bool:
        """Sleep `seconds`; False when the server is stopping (the fault should end)."""
        return not self.stopping.wait(seconds)


Fault = Callable[[Exchange], None]


class FaultServer(LocalServer):
    """The demo site on a free port of `host`, with `faults` (path -> Fault) answering their paths instead.

    Every answer closes its connection (`Connection: close`), so one fault never holds up another request."""

    def __init__(self, faults: dict[str, Fault] | None = None, host: str = "127.0.0.1") -> None:
        super().__init__(host=host)
        self.faults: dict[str, Fault] = dict(faults or {})
        self.sent: Counter[str] = Counter()  # bytes written per path (head and body): how far a trickle got

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        """The request goes to its path's fault (an exact target, a path, or a `prefix*`), else the demo file."""
        hit = self._record(handler.path, {k.lower(): v for k, v in handler.headers.items()})
        exchange = Exchange(handler, hit, self)
        fault = self.faults.get(hit.target) or self.faults.get(hit.path)
        if fault is None:
            fault = next((f for p, f in self.faults.items() if p.endswith("*") and hit.path.startswith(p[:-1])), None)
        (fault or demo_file)(exchange)
        handler.close_connection = True


# --- the site as it should be -----------------------------------------------------------------------------


def demo_bytes(path: str) -> bytes:
    """A file of the demo site (a directory means its index.html)."""
    file = SITE / path.lstrip("/")
    return (file / "index.html" if file.is_dir() else file).read_bytes()


def demo_file(exchange: Exchange) -> None:
    """The demo site's file, typed by extension and without a charset (as a plain static server sends it)."""
    path = exchange.hit.path
    file = SITE / path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    if not file.resolve().is_relative_to(SITE.resolve()) or not file.is_file():
        exchange.send(Reply(status=404, body="not found", content_type="text/plain"))
        return
    kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    exchange.send(Reply(body=file.read_bytes(), content_type=kind))


def answer(reply: Reply | Callable[[Hit], Reply]) -> Fault:
    """A well-formed answer, fixed or computed from the request (a calendar, a redirect chain)."""
    return lambda exchange: exchange.send(reply(exchange.hit) if callable(reply) else reply)


def edited(path: str, edit: Callable[[str], str], content_type: str = "text/html; charset=utf-8") -> Fault:
    """The demo page at `path` with its HTML changed by `edit` (injected text, a cut, other links)."""
    html = edit(demo_bytes(path).decode("utf-8"))
    return answer(Reply(body=html.encode("utf-8"), content_type=content_type))


# --- servers that are slow or silent ------------------------------------------------------------------------


def hang(exchange: Exchange) -> None:
    """Accepts the request and never answers (a stuck backend behind a proxy that keeps the socket open)."""
    exchange.stopping.wait()


def late(seconds: float, then: Fault = demo_file) -> Fault:
    """Says nothing for `seconds` (longer than the client's timeout), then answers as `then` would."""

    def fault(exchange: Exchange) -> None:
        if exchange.wait(seconds):
            then(exchange)

    return fault


def trickle_body(body: bytes | None = None, every: float = 1.0) -> Fault:
    """Headers at once, then the body one byte every `every` seconds: each read succeeds, so a per-read timeout
    never trips. Without `body`, the demo file at the requested path is trickled."""

    def fault(exchange: Exchange) -> None:
        data = body if body is not None else demo_bytes(exchange.hit.path)
        head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(data)}\r\n\r\n"
        if not exchange.write(head.encode()):
            return
        for i in range(len(data)):
            if not exchange.wait(every) or not exchange.write(data[i : i + 1]):
                return

    return fault


def trickle_headers(every: float = 1.0) -> Fault:
    """The status line, then header lines one byte every `every` seconds, for ever: the headers never end."""

    def fault(exchange: Exchange) -> None:
        if not exchange.write(b"HTTP/1.1 200 OK\r\n"):
            return
        filler = b"X-Padding: " + b"a" * 60 + b"\r\n"
        while True:
            for i in range(len(filler)):
                if not exchange.wait(every) or not exchange.write(filler[i : i + 1]):
                    return

    return fault


def endless(exchange: Exchange) -> None:
    """A page that never ends: no Content-Length, then Thai news items as fast as the client reads them."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n"
    chunk = ("<p>ข่าวประชาสัมพันธ์ อบต.หนองบัวแดง ประจำวัน</p>" * 500).encode()
    if exchange.write(head + b"<!doctype html><html><body>"):
        while not exchange.stopping.is_set() and exchange.write(chunk):
            pass


# --- servers that break the connection ----------------------------------------------------------------------


def reset(after: bytes = b"") -> Fault:
    """Writes `after` (nothing, or part of an answer) and then resets the connection (TCP RST)."""

    def fault(exchange: Exchange) -> None:
        exchange.write(after)
        sock: socket.socket = exchange.handler.connection
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close() sends RST
        with contextlib.suppress(OSError):
            sock.close()

    return fault


def reset_mid_body(path: str) -> Fault:
    """Headers promising the whole demo file, a third of it, then a reset."""
    data = demo_bytes(path)
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(data)}\r\n\r\n".encode()
    return reset(head + data[: len(data) // 3])


# --- hostile content ------------------------------------------------------------------------------------------


def gzip_layers(inflated: int, layers: int = 2) -> Fault:
    """`Content-Encoding: gzip, gzip`: `inflated` zero bytes, gzipped `layers` times. 4 GiB of zeros are 4 MB
    after one gzip and 10 kB after two: each layer multiplies the ratio, so a tiny answer hides any size."""
    data = deflated(inflated, wrapper="gzip")
    for _ in range(layers - 1):
        data = gzip.compress(data, compresslevel=9)
    encoding = ", ".join(["gzip"] * layers)
    return answer(Reply(body=data, content_type="text/html; charset=utf-8", headers={"Content-Encoding": encoding}))


def inflating_pdf(inflated: int) -> bytes:
    """A one-page PDF without text whose content stream (FlateDecode) inflates to `inflated` bytes of spaces:
    a few MB on the wire. A reader that decodes the stream whole, to find text or to render the page for OCR,
    needs that much memory."""
    stream = deflated(inflated, byte=0x20, wrapper="zlib")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
    ]
    return pdf_of(objects)


@functools.cache
def deflated(size: int, byte: int = 0, wrapper: str = "gzip") -> bytes:
    """`size` bytes (a multiple of 1 MiB) all equal to `byte`, deflated in a gzip or zlib wrapper, made without
    compressing them all: after a full flush deflate forgets what came before, so every further MiB compresses
    to the same bytes. Only the checksum is computed over the whole length."""
    block = bytes([byte]) * (1 << 20)
    blocks = size >> 20
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the wrapper is added here
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    steady = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    body = first + steady * (blocks - 1) + packer.flush()
    check = zlib.crc32 if wrapper == "gzip" else zlib.adler32
    total = 0 if wrapper == "gzip" else 1
    for _ in range(blocks):
        total = check(block, total)
    if wrapper == "gzip":  # RFC 1952: magic, deflate, no flags, no time, best compression, unknown OS
        return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + body + struct.pack("<II", total, size & 0xFFFFFFFF)
    return b"\x78\xda" + body + struct.pack(">I", total)  # RFC 1950: deflate, 32K window, best compression


def deep_nesting(depth: int, tag: str = "div") -> bytes:
    """A page whose body is `depth` nested elements with a little Thai text at the bottom."""
    return (
        "<!doctype html><html><head><title>ข่าวประชาสัมพันธ์</title></head><body>"
        + f"<{tag}>" * depth
        + "<p>ข่าวประชาสัมพันธ์ อบต.</p>"
        + f"</{tag}>" * depth
        + "</body></html>"
    ).encode()


def calendar(hit: Hit) -> Reply:
    """An events calendar: every month links the next and the previous, for ever (?ym=YYYY-MM)."""
    ym = hit.target.partition("ym=")[2][:7] or "2026-05"
    year, month = int(ym[:4]), int(ym[5:7])
    nxt = f"{year + month // 12}-{month % 12 + 1:02d}"
    prv = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
    body = (
        f"<h1>ปฏิทินกิจกรรม {ym}</h1><table><tr><td>1</td><td>2</td></tr></table>"
        f'<a href="/calendar?ym={prv}">« เดือนก่อน</a> <a href="/calendar?ym={nxt}">เดือนถัดไป »</a>'
        f'<a href="/calendar?ym={ym}&view=week">สัปดาห์</a>'
    )
    html = f"<!doctype html><html><head><title>ปฏิทิน {ym}</title></head><body>{body}</body></html>"
    return Reply(body=html)


def robots_garbage(size: int) -> Fault:
    """A robots.txt of `size` bytes of binary noise, with a Disallow line buried in it."""
    noise = bytes((i * 7919 + 13) % 256 for i in range(4096))
    data = (noise * (size // len(noise) + 1))[:size] + b"\nUser-agent: *\nDisallow: /admin/\n"
    return answer(Reply(body=data, content_type="text/plain"))


def site_path(path: str) -> Path:
    return SITE / path.lstrip("/")
