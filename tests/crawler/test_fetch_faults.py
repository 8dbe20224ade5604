"""Servers that misbehave on the wire (issue 13): responses that trickle a byte at a time, and bodies compressed
in stacked layers so that a few kilobytes inflate to gigabytes. Every fetch must end within its deadline or its
byte cap, whatever the server does; bounded work is read from the server's own byte counts and from the memory
the fetch allocated, never from the wall clock (the only clock here is a guard far above any real run)."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import socketserver
import threading
import tracemalloc
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from crawler.fetcher import Fetcher, FetchResult
from crawler.settings import CrawlSettings
from tests.crawler.support import LocalServer, Reply, crawl, fast_settings, make_pdf, page

GUARD = 90.0  # seconds: a fetch that has not ended by then hangs (each deadline below is 1 s)
TIMEOUT = 1.0


def fetch(settings: CrawlSettings, start: str, url: str, max_bytes: int = 1_000_000) -> FetchResult:
    async def run() -> FetchResult:
        fetcher = Fetcher(settings, start)
        try:
            return await asyncio.wait_for(fetcher.get(url, max_bytes), GUARD)
        finally:
            await fetcher.aclose()

    return asyncio.run(run())


# --- a server that trickles ------------------------------------------------------------------------------


@dataclass
class Trickle:
    """An answer sent as `head` at once, then `slow` one byte every `interval` seconds."""

    head: bytes
    slow: bytes = b""
    interval: float = 0.1


def answer(body: bytes, content_type: str = "text/html; charset=utf-8", slow: bool = False) -> Trickle:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    return Trickle(head, body) if slow else Trickle(head + body)


def slow_head() -> Trickle:
    """The status line, then header bytes forever (well, for five minutes)."""
    return Trickle(b"HTTP/1.1 200 OK\r\n", b"X-Padding: " + b"a" * 3000 + b"\r\n\r\n")


class TrickleServer(socketserver.ThreadingTCPServer):
    """HTTP/1.1 on 127.0.0.1, keep-alive, counting the requests and the bytes it sent for each path."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, routes: dict[str, Trickle]) -> None:
        super().__init__(("127.0.0.1", 0), _TrickleHandler)
        self.routes = routes
        self.requests: dict[str, int] = {}
        self.sent: dict[str, int] = {}
        self.stopping = threading.Event()
        self.lock = threading.Lock()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def count(self, path: str, sent: int = 0) -> None:
        with self.lock:
            self.requests[path] = self.requests.get(path, 0) + (0 if sent else 1)
            self.sent[path] = self.sent.get(path, 0) + sent


class _TrickleHandler(socketserver.StreamRequestHandler):
    server: TrickleServer

    def handle(self) -> None:
        with contextlib.suppress(OSError):
            while path := self._request_path():
                self.server.count(path)
                trickle = self.server.routes.get(path) or answer(b"not found")
                self._send(path, trickle.head)
                for byte in trickle.slow:
                    if self.server.stopping.wait(trickle.interval):
                        return
                    self._send(path, bytes([byte]))

    def _request_path(self) -> str | None:
        line = self.rfile.readline(65536)
        if not line.strip():
            return None
        while self.rfile.readline(65536).strip():
            pass  # headers
        return line.split()[1].decode().split("?")[0]

    def _send(self, path: str, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()
        self.server.count(path, sent=len(data))


@pytest.fixture
def trickling() -> Iterator[TrickleServer]:
    srv = TrickleServer({})
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.stopping.set()
    srv.shutdown()
    srv.server_close()


NEWS = "<h1>ข่าวประชาสัมพันธ์</h1><p>ประกาศผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568</p>"
SLOW_PAGE = ("<p>" + "รายงานผลการดำเนินงาน " * 200 + "</p>").encode()
PDF = make_pdf(["Annual procurement plan 2568", "Municipality of Nakhlang"] * 40)


def settings(**overrides: object) -> CrawlSettings:
    values: dict[str, object] = {"timeout": TIMEOUT, "retries": 2, "respect_robots": False}
    return fast_settings(**(values | overrides))


def per_request_bytes(server: TrickleServer, path: str) -> float:
    return server.sent[path] / server.requests[path]


# --- deadlines -------------------------------------------------------------------------------------------


def test_a_trickled_body_ends_at_the_deadline_and_is_not_retried(trickling: TrickleServer) -> None:
    trickling.routes["/slow.html"] = answer(SLOW_PAGE, slow=True)  # 9 kB at ten bytes a second
    result = fetch(settings(), trickling.url(), trickling.url("/slow.html"))
    assert result.status == 200
    assert result.error == "หมดเวลารอการตอบกลับ (1 วินาที) / timed out after 1 s"
    assert result.body == b"" and not result.truncated
    # The status line came, so the server is up but too slow: asking again would only wait out another deadline.
    assert trickling.requests["/slow.html"] == 1
    # At ten bytes a second a 1 s deadline lets a few dozen body bytes through, not the page's 9 kB.
    assert trickling.sent["/slow.html"] < len(SLOW_PAGE) // 10


def test_trickled_headers_end_at_the_deadline_on_every_attempt(trickling: TrickleServer) -> None:
    trickling.routes["/"] = slow_head()
    result = fetch(settings(retries=2), trickling.url(), trickling.url("/"))
    assert result.status is None
    assert result.error is not None and "timed out after 1 s" in result.error
    # No head arrived: retried like a hang, each attempt within its own deadline.
    assert trickling.requests["/"] == 3
    assert per_request_bytes(trickling, "/") < 300  # of the head's 3 kB


def test_a_crawl_reads_its_pages_beside_a_trickling_page_and_pdf(trickling: TrickleServer) -> None:
    links = '<a href="/news.html">ข่าว</a> <a href="/slow.html">รายงาน</a> <a href="/files/plan.pdf">แผน</a>'
    links += ' <a href="/about.html">เกี่ยวกับเรา</a> <a href="/stuck.html">ติดต่อ</a>'
    trickling.routes.update({
        "/": answer(f"<html><body>{links}</body></html>".encode()),
        "/news.html": answer(f"<html><body>{NEWS}</body></html>".encode()),
        "/about.html": answer("<html><body><p>เทศบาลตำบลนาคลอง</p></body></html>".encode()),
        "/slow.html": answer(SLOW_PAGE, slow=True),
        "/stuck.html": slow_head(),
        "/files/plan.pdf": answer(PDF, "application/pdf", slow=True),
    })  # fmt: skip
    result, sink = crawl(trickling.url(), settings(max_duration=GUARD))
    pages = {p.url.removeprefix(trickling.url()[:-1]): p for p in sink.pages}
    assert pages["/news.html"].error is None and "ประกาศผลการจัดซื้อจัดจ้าง" in pages["/news.html"].text
    assert pages["/about.html"].text == "เทศบาลตำบลนาคลอง"
    for slow in ("/slow.html", "/stuck.html"):
        assert pages[slow].error is not None and "timed out after 1 s" in pages[slow].error
    (pdf,) = sink.documents
    assert pdf.error is not None and "timed out after 1 s" in pdf.error
    assert result.stopped_reason is None  # the crawl ended by itself, not at its time limit
    assert trickling.requests["/slow.html"] == trickling.requests["/files/plan.pdf"] == 1
    assert trickling.requests["/stuck.html"] == 3
    assert trickling.sent["/files/plan.pdf"] < len(PDF) // 4


def test_a_slow_redirect_note_or_error_page_costs_one_deadline(trickling: TrickleServer) -> None:
    """Unused bodies are read only to keep the connection: when they trickle, the answer is known all the same."""
    note = b"<html><body>" + "ย้ายไปที่หน้าใหม่ ".encode() * 100 + b"</body></html>"
    head = "HTTP/1.1 {} \r\nLocation: /news.html\r\nRetry-After: 0\r\nContent-Length: {}\r\n\r\n"
    trickling.routes["/old.html"] = Trickle(head.format("301 Moved", len(note)).encode(), note)
    trickling.routes["/busy.html"] = Trickle(head.format("503 Busy", len(note)).encode(), note)
    trickling.routes["/news.html"] = answer(f"<html><body>{NEWS}</body></html>".encode())
    moved = fetch(settings(), trickling.url(), trickling.url("/old.html"))
    assert moved.status == 200 and moved.final_url == trickling.url("/news.html")
    assert "ประกาศผลการจัดซื้อจัดจ้าง".encode() in moved.body
    busy = fetch(settings(retries=2), trickling.url(), trickling.url("/busy.html"))
    assert busy.status == 503  # retried as a 503 is, each attempt within its deadline
    assert trickling.requests["/old.html"] == 1 and trickling.requests["/busy.html"] == 3
    assert per_request_bytes(trickling, "/busy.html") < len(note) // 4


def test_a_trickling_robots_txt_ends_at_the_deadline(trickling: TrickleServer) -> None:
    trickling.routes["/robots.txt"] = answer(b"User-agent: *\nDisallow: /admin/\n" * 50, "text/plain", slow=True)
    trickling.routes["/"] = answer(f"<html><body>{NEWS}</body></html>".encode())
    result, _ = crawl(trickling.url(), fast_settings(timeout=TIMEOUT, retries=2, max_duration=GUARD))
    assert any("robots.txt" in note and "timed out after 1 s" in note for note in result.findings)
    assert trickling.requests["/robots.txt"] == 1


# --- stacked compression ---------------------------------------------------------------------------------

BOMB_SIZE = 256 * 2**20  # what each bomb inflates to; the caps below are 1-2 MB


def squeeze(data: Iterator[bytes], coding: str) -> Iterator[bytes]:
    """`data` compressed in `coding` (gzip, deflate = zlib stream, rawdeflate = what IIS sends as deflate)."""
    wbits = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS, "rawdeflate": -zlib.MAX_WBITS}[coding]
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    for chunk in data:
        yield packer.compress(chunk)
    yield packer.flush()


def bomb(prefix: bytes, codings: list[str]) -> bytes:
    """`prefix` and then BOMB_SIZE spaces, compressed in each of `codings` in turn, never whole in memory."""
    stream: Iterator[bytes] = iter([prefix, *([b" " * 2**20] * (BOMB_SIZE // 2**20))])
    for coding in codings:
        stream = squeeze(stream, coding)
    return b"".join(stream)


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    html = f"<!doctype html><html><head><title>ข่าว</title></head><body>{NEWS}".encode()
    return {
        "gzip, gzip": bomb(html, ["gzip", "gzip"]),
        "gzip, deflate": bomb(html, ["gzip", "deflate"]),
        "deflate, gzip, x-gzip": bomb(html, ["rawdeflate", "gzip", "gzip"]),
        "gzip": bomb(html, ["gzip"]),
        "pdf": bomb(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", ["gzip", "gzip"]),
    }


def peak_growth(run: object) -> tuple[object, int]:
    """What `run()` returns, and the most memory Python allocated while it ran (zlib's output is Python bytes)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        value = run()  # type: ignore[operator]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return value, peak - before


@pytest.mark.parametrize("coding", ["gzip, gzip", "gzip, deflate", "deflate, gzip, x-gzip", "gzip"])
def test_a_compression_bomb_stops_at_the_page_cap(server: LocalServer, bombs: dict[str, bytes], coding: str) -> None:
    data = bombs[coding]
    assert len(data) < 300_000  # a few kB (stacked) to 250 kB (one layer) on the wire, 256 MB inflated
    server.routes["/news.html"] = Reply(body=data, headers={"Content-Encoding": coding})
    cap = 1_000_000
    result, grown = peak_growth(lambda: fetch(fast_settings(), server.url(), server.url("/news.html"), cap))
    assert isinstance(result, FetchResult)
    assert result.truncated and result.error is None
    assert len(result.body) == cap
    assert "ประกาศผลการจัดซื้อจัดจ้าง".encode() in result.body  # decoded through every layer
    assert grown < 100 * 2**20


def test_a_compressed_pdf_bomb_is_a_document_over_the_size_limit(server: LocalServer, bombs: dict[str, bytes]) -> None:
    server.routes["/"] = page('<a href="/files/plan.pdf">แผนการจัดซื้อจัดจ้าง</a>')
    server.routes["/files/plan.pdf"] = Reply(body=bombs["pdf"], content_type="application/pdf",
                                             headers={"Content-Encoding": "gzip, gzip"})  # fmt: skip
    done, grown = peak_growth(lambda: crawl(server.url(), respect_robots=False, max_document_bytes=2_000_000))
    _, sink = done  # type: ignore[misc]
    (doc,) = sink.documents
    assert doc.error == "ไฟล์ใหญ่เกินกำหนด / document larger than the size limit"
    assert grown < 100 * 2**20


THAI_PAGE = page("<h1>ประกาศเทศบาล</h1><p>แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568</p>", "ประกาศ").payload()


@pytest.mark.parametrize(
    ("coding", "data"),
    [
        ("gzip", gzip.compress(THAI_PAGE)),
        ("x-gzip", gzip.compress(THAI_PAGE[:200]) + gzip.compress(THAI_PAGE[200:])),  # two gzip members
        ("deflate", zlib.compress(THAI_PAGE)),
        ("deflate", b"".join(squeeze(iter([THAI_PAGE]), "rawdeflate"))),  # IIS: deflate without the zlib header
        ("gzip, deflate", zlib.compress(gzip.compress(THAI_PAGE))),
        ("identity", THAI_PAGE),
    ],
)
def test_compressed_thai_pages_are_read(server: LocalServer, coding: str, data: bytes) -> None:
    server.routes["/"] = Reply(body=data, headers={"Content-Encoding": coding})
    _, sink = crawl(server.url(), respect_robots=False)
    (home,) = sink.pages
    assert home.error is None and home.title == "ประกาศ"
    assert home.text == "ประกาศเทศบาล แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568"
    # Only what the fetcher decodes itself is asked for (httpx would add br, brotli being installed).
    assert server.hits[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize(
    ("coding", "data", "error"),
    [
        ("br", b"\x1b\x2f\x00\x00", "ไม่รองรับการบีบอัดแบบ br / unsupported content encoding"),
        ("gzip, compress", gzip.compress(THAI_PAGE), "ไม่รองรับการบีบอัดแบบ compress / unsupported content encoding"),
        ("gzip", b"\x1f\x8b\x08\x00garbage" * 20, "ข้อมูลที่บีบอัดเสียหาย / corrupt compressed body"),
    ],
)
def test_an_undecodable_body_is_an_unreadable_page(server: LocalServer, coding: str, data: bytes, error: str) -> None:
    server.routes["/"] = page('<a href="/ita.html">ITA</a> <a href="/news.html">ข่าว</a>')
    server.routes["/ita.html"] = Reply(body=data, headers={"Content-Encoding": coding})
    server.routes["/news.html"] = page(NEWS)
    _, sink = crawl(server.url(), respect_robots=False, retries=2)
    pages = {p.url: p for p in sink.pages}
    assert pages[server.url("/ita.html")].error == error
    assert pages[server.url("/ita.html")].status == 200
    assert server.count("/ita.html") == 1  # the server answered: asking again gives the same bytes
    assert "ประกาศผลการจัดซื้อจัดจ้าง" in pages[server.url("/news.html")].text
