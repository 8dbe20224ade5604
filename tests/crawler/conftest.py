"""Fixtures for the crawler tests: real HTTP servers on loopback (see support.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.crawler.support import LocalServer


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A running server on 127.0.0.1 with no routes yet: set `server.routes[...]` in the test."""
    with LocalServer() as srv:
        yield srv


@pytest.fixture
def make_server() -> Iterator[Callable[..., LocalServer]]:
    """Starts further servers (another port, 127.0.0.2, TLS); all are stopped after the test."""
    started: list[LocalServer] = []

    def start(*args: object, **kwargs: object) -> LocalServer:
        srv = LocalServer(*args, **kwargs)  # type: ignore[arg-type]
        srv.__enter__()
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.__exit__(None, None, None)
