"""The private-address guard.

A public website can link or redirect to 127.0.0.1, 10.x, 169.254.169.254 (cloud metadata) and so on. The
crawler must never reach such addresses on a site's say-so; only the host the user asked to scan may be
private (an agency scanning its intranet copy, or our own tests on 127.0.0.1).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit


class BlockedAddress(Exception):
    """Raised when a URL's host resolves to an address the crawler may not reach."""


def _ip_literal(host: str) -> str | None:
    """The address an IP-literal host names (an IPv6 zone id dropped), or None for a host name."""
    address = host.split("%")[0]
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


class AddressGuard:
    """Resolves each new host once and remembers whether it may be contacted."""

    def __init__(self, start_url: str) -> None:
        self._allowed_host = (urlsplit(start_url).hostname or "").lower()
        self._verdicts: dict[str, str | None] = {}  # host -> reason it is blocked, None when fine

    async def check(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        if host == self._allowed_host:
            return
        if host not in self._verdicts:
            self._verdicts[host] = await self._resolve(host)
        reason = self._verdicts[host]
        if reason:
            raise BlockedAddress(reason)

    async def _resolve(self, host: str) -> str | None:
        literal = _ip_literal(host)
        if literal is not None:  # judged as written: a zone id ("fe80::1%25eth0") makes getaddrinfo fail
            return f"{host} is the private address {literal}" if is_private(literal) else None
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            return None  # unresolvable hosts fail later as ordinary connection errors
        for info in infos:
            address = str(info[4][0])
            if is_private(address):
                return f"{host} resolves to the private address {address}"
        return None
