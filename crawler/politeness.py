"""Per-host politeness: a concurrency cap, a minimum interval between request starts, and pauses
requested by the server (Retry-After) or robots.txt (Crawl-delay)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


class HostGate:
    def __init__(self, concurrency: int, delay: float) -> None:
        self._slots = asyncio.Semaphore(concurrency)
        self._lock = asyncio.Lock()
        self.delay = delay
        self._next_start = 0.0

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._slots:
            await self._wait_turn()
            yield

    async def _wait_turn(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._lock:
            wait = self._next_start - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            self._next_start = max(loop.time(), self._next_start) + self.delay

    def pause(self, seconds: float) -> None:
        """Hold every request to this host for `seconds` (a 429/503 with Retry-After)."""
        until = asyncio.get_running_loop().time() + seconds
        self._next_start = max(self._next_start, until)


class Gates:
    """One HostGate per host, created on first use."""

    def __init__(self, concurrency: int, delay: float) -> None:
        self._concurrency = concurrency
        self._delay = delay
        self._gates: dict[str, HostGate] = {}

    def for_host(self, host: str) -> HostGate:
        if host not in self._gates:
            self._gates[host] = HostGate(self._concurrency, self._delay)
        return self._gates[host]

    def set_crawl_delay(self, host: str, crawl_delay: float | None) -> None:
        """robots.txt Crawl-delay raises (never lowers) the configured delay."""
        if crawl_delay is not None:
            gate = self.for_host(host)
            gate.delay = max(gate.delay, float(crawl_delay))


def retry_after_seconds(value: str | None, default: float = 5.0) -> float:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
