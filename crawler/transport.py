"""The httpx transport of the crawler: httpx and httpcore as they are, with a network backend whose streams
answer httpcore's "is the idle connection readable?" question cheaply.

httpcore asks that question of every idle connection of the pool each time a request is queued or a
response is closed (`has_expired`: an idle connection with bytes waiting means the server hung up). Its
stock anyio stream answers through anyio's typed attributes, which rebuild a mapping of getters and call
getpeername() on every call, and a new poll object is made each time: with a pool of 16-32 connections
that was a third of the fetch path's CPU on a 2,000-page site. Here the socket is looked up once per
connection and polled through one poll object, which gives the same answer (poll(0) for POLLIN on the
same descriptor; a closed socket counts as readable, as in httpcore).

The pool is httpcore's, with one method made linear (`_Pool`): httpcore 1.0 counts the pool's connections
with a list of every connection's is_idle() inside its loop over the connections, on every request queued
and every response closed (~600,000 is_idle calls on a 2,000-page site with 16 connections).
"""

from __future__ import annotations

import select
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx


class _Stream(httpcore.AsyncNetworkStream):
    """An anyio stream of httpcore, with its socket and a poll object kept for the readability check."""

    def __init__(self, inner: httpcore.AsyncNetworkStream, sock: socket.socket | None) -> None:
        self._inner = inner
        self._sock = sock
        self._poll: Any = None  # select.poll of the socket's descriptor, made on the first check
        self._polled_fd = -1

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        # TLS runs over the same socket: its readability is what tells of a hang-up, as in httpcore.
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout), self._sock)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return self._readable()
        return self._inner.get_extra_info(info)

    def _readable(self) -> bool:
        fd = -1 if self._sock is None else self._sock.fileno()
        if fd < 0:
            return True  # closed: the next read would return b"" (httpcore's answer too)
        if fd != self._polled_fd:
            self._poll = select.poll()
            self._poll.register(fd, select.POLLIN)
            self._polled_fd = fd
        return bool(self._poll.poll(0))


class _Backend(httpcore.AsyncNetworkBackend):
    """httpcore's anyio backend, its streams wrapped in `_Stream`."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _Stream(stream, stream.get_extra_info("socket"))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_unix_socket(path, timeout, socket_options)
        return _Stream(stream, stream.get_extra_info("socket"))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _Pool(httpcore.AsyncConnectionPool):
    """httpcore's pool, choosing the same connections to close, reuse and open with linear work.

    httpcore's own `_assign_requests_to_connections` tests `len([c.is_idle() for c in connections]) >
    max_keepalive`, which is the number of connections (the list holds one flag per connection), evaluated
    after `connection.is_idle()` for each idle connection; here the count is read directly and is_idle()
    asked only when the count could matter (is_idle has no side effects), and the idle connections for a
    queued request are listed only when none is available and no new one may be opened. Kept to the httpcore
    1.0 series it was written against (`transport` falls back to httpcore's pool otherwise), and
    tests/crawler/test_transport.py compares its choices with httpcore's on real pools.
    """

    def _assign_requests_to_connections(self) -> list[httpcore.AsyncConnectionInterface]:
        connections = self._connections
        closing: list[httpcore.AsyncConnectionInterface] = []
        for connection in list(connections):
            if connection.is_closed():
                connections.remove(connection)
            elif connection.has_expired() or (
                len(connections) > self._max_keepalive_connections and connection.is_idle()
            ):
                connections.remove(connection)
                closing.append(connection)
        for pool_request in [request for request in self._requests if request.is_queued()]:
            origin = pool_request.request.url.origin
            available = next((c for c in connections if c.can_handle_request(origin) and c.is_available()), None)
            if available is not None:
                pool_request.assign_to_connection(available)
                continue
            if len(connections) < self._max_connections:
                connection = self.create_connection(origin)
                connections.append(connection)
                pool_request.assign_to_connection(connection)
                continue
            idle = next((c for c in connections if c.is_idle()), None)
            if idle is not None:
                connections.remove(idle)
                closing.append(idle)
                connection = self.create_connection(origin)
                connections.append(connection)
                pool_request.assign_to_connection(connection)
        return closing


def transport(limits: httpx.Limits, verify: bool) -> httpx.AsyncHTTPTransport:
    """httpx's own transport (its request and error mapping), its pool built with `_Backend` and everything
    else as httpx builds it (the same certificate store, limits, HTTP/1.1)."""
    context = httpx.create_ssl_context(verify=verify)  # made once: loading the CA store costs ~50 ms
    made = httpx.AsyncHTTPTransport(limits=limits, verify=context)
    # httpx takes no network backend, so the pool it made is replaced by the same pool with one
    # (httpcore's `network_backend` argument is public); the pool it made is unused and holds nothing.
    pool = _Pool if httpcore.__version__.startswith("1.0.") else httpcore.AsyncConnectionPool
    made._pool = pool(
        ssl_context=context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        http1=True,
        http2=False,
        network_backend=_Backend(),
    )
    return made
