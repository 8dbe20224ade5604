"""The crawler's transport: a keep-alive connection the server hung up while idle is seen as gone before the
next request (over plain HTTP and over TLS), and the readability check costs one poll per connection check,
not a lookup of the socket through anyio each time."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from pathlib import Path

import pytest

from crawler.fetcher import Fetcher, FetchResult
from tests.crawler.support import fast_settings

PAGE = "<html><head><title>เทศบาลตำบลนากลาง</title></head><body><p>ข้อมูลพื้นฐาน</p></body></html>".encode()


class HangingUp:
    """Answers one keep-alive request per connection, then closes it while the client holds it idle, as a
    server with a short keep-alive timeout does (no "Connection: close" to warn the client)."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._tls = tls
        self.accepted = 0
        self.hung_up = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        scheme = "https" if self._tls else "http"
        return f"{scheme}://127.0.0.1:{self._listener.getsockname()[1]}/"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self.accepted += 1
            if self._tls is not None:
                try:
                    conn = self._tls.wrap_socket(conn, server_side=True)
                except (ssl.SSLError, OSError):
                    continue  # the client refused the certificate: it comes back over its unverified client
            with conn:
                request = b""
                while b"\r\n\r\n" not in request:
                    request += conn.recv(4096)
                head = (
                    f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(PAGE)}\r\n\r\n"
                )
                conn.sendall(head.encode() + PAGE)
            self.hung_up.set()

    def close(self) -> None:
        self._listener.close()


def fetch_twice(server: HangingUp) -> list[FetchResult]:
    """Two GETs on one fetcher, the second after the server closed the first's connection. No retries: a
    request sent on the dead connection would fail."""

    async def run() -> list[FetchResult]:
        fetcher = Fetcher(fast_settings(retries=0), server.url)
        try:
            first = await fetcher.get(server.url, 1_000_000)
            await asyncio.to_thread(server.hung_up.wait, 5)
            await asyncio.sleep(0.05)  # the FIN reaches the client's socket
            return [first, await fetcher.get(server.url + "ita.html", 1_000_000)]
        finally:
            await fetcher.aclose()

    return asyncio.run(run())


def test_a_connection_the_server_closed_while_idle_is_not_reused() -> None:
    server = HangingUp()
    try:
        results = fetch_twice(server)
    finally:
        server.close()
    assert [(r.status, r.error) for r in results] == [(200, None), (200, None)]
    assert all("ข้อมูลพื้นฐาน" in r.body.decode() for r in results)
    assert server.accepted == 2


def test_a_tls_connection_the_server_closed_while_idle_is_not_reused(tmp_path: Path) -> None:
    tls_test = pytest.importorskip("tests.crawler.test_tls")
    server = HangingUp(tls=tls_test.self_signed_context(tmp_path))
    try:
        results = fetch_twice(server)
    finally:
        server.close()
    assert [(r.status, r.error) for r in results] == [(200, None), (200, None)]
    assert all(r.tls_error for r in results)  # the self-signed certificate: read over the fallback client
    assert server.accepted == 3  # the refused handshake, then one connection per request


def test_readability_is_checked_without_asking_anyio_for_the_socket() -> None:
    """anyio builds its attribute mapping (and calls getpeername) on each `extra()`; the transport asks it
    once per connection, whatever the number of requests."""
    import anyio.abc

    calls = 0
    original = anyio.abc.SocketStream.extra_attributes

    def counting(self: object) -> object:
        nonlocal calls
        calls += 1
        return original.fget(self)  # type: ignore[attr-defined]

    from tests.crawler.support import LocalServer, page

    routes = {f"/{n}.html": page(f"<p>หน้า {n}</p>") for n in range(40)}
    anyio.abc.SocketStream.extra_attributes = property(counting)  # type: ignore[assignment,method-assign]
    try:
        with LocalServer(routes) as server:

            async def run() -> list[FetchResult]:
                fetcher = Fetcher(fast_settings(concurrency=4), server.url())
                try:
                    return list(await asyncio.gather(*(fetcher.get(server.url(p), 1_000_000) for p in routes)))
                finally:
                    await fetcher.aclose()

            results = asyncio.run(run())
    finally:
        anyio.abc.SocketStream.extra_attributes = original  # type: ignore[method-assign]
    assert all(r.status == 200 for r in results)
    assert 1 <= calls <= 8  # one per connection (at most 2x concurrency), not one per pooled connection per request


# --- the pool: httpcore's choices, linear work ------------------------------------------------------------


def _pool_states(made: object, servers: list[object], schedule: list[list[int]]) -> list[list[str]]:
    """After each step of `schedule` (the servers asked at once), the pool's connections: origin and state."""
    import httpx

    async def run() -> list[list[str]]:
        states: list[list[str]] = []
        async with httpx.AsyncClient(transport=made) as client:  # type: ignore[arg-type]
            for step in schedule:
                replies = await asyncio.gather(*(client.get(servers[n].url("/ita.html")) for n in step))  # type: ignore[attr-defined]
                assert all(r.status_code == 200 for r in replies)
                pool = made._pool  # type: ignore[attr-defined]
                states.append(sorted(c.info().rsplit(",", 1)[0] for c in pool.connections))
        return states

    return asyncio.run(run())


def test_pool_opens_reuses_and_closes_the_connections_httpcore_would() -> None:
    """A small pool (2 connections, 1 kept alive) under bursts to two sites of one agency: the connections
    opened, kept and closed after each burst are those of httpcore's own pool."""
    import httpx

    from crawler.transport import transport
    from tests.crawler.support import LocalServer, page

    # bursts go to one site at a time: which of two sites' connections closes last is the network's choice
    schedule = [[0, 0, 0], [1], [0, 0], [0], [1, 1, 1, 1], [0], [1]]
    routes = {"/ita.html": page("<p>การเปิดเผยข้อมูลสาธารณะ</p>")}
    with LocalServer(routes) as first, LocalServer(routes) as second:
        for most in (2, 1):  # 1: a request to the other site waits for the idle connection to be closed
            limits = httpx.Limits(max_connections=most, max_keepalive_connections=1)
            ours = transport(limits, verify=True)
            assert type(ours._pool).__name__ == "_Pool"  # a new httpcore series falls back: check it again then
            mine = _pool_states(ours, [first, second], schedule)
            theirs = _pool_states(httpx.AsyncHTTPTransport(limits=limits), [first, second], schedule)
            assert mine == theirs
            assert [len(state) for state in mine] == [1] * len(schedule)  # surplus idle connections closed
            assert mine[0] != mine[1]  # the other site's connection replaced the first one


def test_pool_bookkeeping_is_linear_in_its_connections() -> None:
    """httpcore asked every connection whether it was idle for each idle connection, on every request and
    every close: ~600,000 calls on a 2,000-page site. Here is_idle() is asked only when a connection must
    give way, which a pool within its limits never needs."""
    import cProfile
    import pstats

    import httpcore

    from tests.crawler.support import LocalServer, page

    routes = {f"/{n}.html": page(f"<p>หน้า {n}</p>") for n in range(120)}
    with LocalServer(routes) as server:

        async def run() -> list[FetchResult]:
            fetcher = Fetcher(fast_settings(concurrency=8), server.url())
            try:
                return list(await asyncio.gather(*(fetcher.get(server.url(p), 1_000_000) for p in routes)))
            finally:
                await fetcher.aclose()

        profile = cProfile.Profile()
        results = profile.runcall(asyncio.run, run())
    assert all(r.status == 200 for r in results)
    connection_py = httpcore.AsyncHTTPConnection.is_idle.__code__.co_filename
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    idle_calls = sum(s[1] for fn, s in stats.items() if fn[0] == connection_py and fn[2] == "is_idle")
    assert idle_calls <= len(routes)  # httpcore's own pool: thousands (idle connections x connections a check)
