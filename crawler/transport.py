"""The httpx transport of the crawler: httpx and httpcore as they are, with a network backend whose streams
answer httpcore's "is the idle connection readable?" question cheaply.

httpcore asks that question of every idle connection of the pool each time a request is queued or a
response is closed (`has_expired`: an idle connection with bytes waiting means the server hung up). Its
stock anyio stream answers through anyio's typed attributes, which rebuild a mapping of getters and call
getpeername() on every call, and a new poll object is made each time: with a pool of 16-32 connections
that was a third of the fetch path's CPU on a 2,000-page site. Here the socket is looked up once per
connection and polled through one poll object, which gives the same answer (poll(0) for POLLIN on the
same descriptor; a closed socket counts as readable, as in httpcore).
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


def transport(limits: httpx.Limits, verify: bool) -> httpx.AsyncHTTPTransport:
    """httpx's own transport (its request and error mapping), its pool built with `_Backend` and everything
    else as httpx builds it (the same certificate store, limits, HTTP/1.1)."""
    context = httpx.create_ssl_context(verify=verify)  # made once: loading the CA store costs ~50 ms
    made = httpx.AsyncHTTPTransport(limits=limits, verify=context)
    # httpx takes no network backend, so the pool it made is replaced by the same pool with one
    # (httpcore's `network_backend` argument is public); the pool it made is unused and holds nothing.
    made._pool = httpcore.AsyncConnectionPool(
        ssl_context=context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        http1=True,
        http2=False,
        network_backend=_Backend(),
    )
    return made
