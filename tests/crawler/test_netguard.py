"""The private-address guard. Only loopback ever receives traffic here: 10.x and 169.254.x go through the guard,
which must reject them before any connection (the Fetcher test below closes its HTTP clients first, so a
guard that let them through would fail with an error instead of connecting)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from crawler.fetcher import Fetcher
from crawler.netguard import AddressGuard, BlockedAddress, is_private
from tests.crawler.support import LocalServer, crawl, fast_settings, page, redirect


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                     "100.64.0.1", "0.0.0.0", "::1", "fe80::1%eth0", "fd00::1", "::ffff:10.0.0.1",
                                     "224.0.0.251"])  # fmt: skip
def test_private_addresses(address: str) -> None:
    assert is_private(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "203.150.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"])
def test_public_addresses(address: str) -> None:
    assert not is_private(address)


@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
                                 "http://localhost/", "http://127.0.0.2:8080/", "http://LOCALHOST:9/x",
                                 "http://192.168.0.1/admin", "http://[::ffff:169.254.169.254]/"])  # fmt: skip
def test_guard_blocks_private_hosts_other_than_the_start_host(url: str) -> None:
    guard = AddressGuard("http://127.0.0.1:8000/")
    with pytest.raises(BlockedAddress, match="private address"):
        asyncio.run(guard.check(url))


def test_guard_allows_the_start_host_on_any_port_and_public_addresses() -> None:
    async def checks() -> None:
        guard = AddressGuard("http://127.0.0.1:8000/")
        await guard.check("http://127.0.0.1:8000/ita")
        await guard.check("http://127.0.0.1:9999/other-port")
        await guard.check("http://8.8.8.8/")  # an IP literal resolves without any network traffic

    asyncio.run(checks())


def test_guard_remembers_its_verdict() -> None:
    async def twice() -> list[str]:
        guard = AddressGuard("http://127.0.0.1/")
        reasons = []
        for _ in range(2):
            try:
                await guard.check("http://10.0.0.1/")
            except BlockedAddress as exc:
                reasons.append(str(exc))
        assert list(guard._verdicts) == ["10.0.0.1"]
        return reasons

    assert asyncio.run(twice()) == ["10.0.0.1 resolves to the private address 10.0.0.1"] * 2


def test_fetcher_rejects_private_hosts_before_connecting() -> None:
    async def fetch_all() -> list[tuple[str | None, bool]]:
        fetcher = Fetcher(fast_settings(), "http://127.0.0.1:8000/")
        await fetcher.aclose()  # any attempt to connect would now raise RuntimeError, not reach the network
        out = []
        for url in ("http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8000/"):
            result = await fetcher.get(url, 10_000)
            out.append((result.error, result.permanent))
        return out

    for error, permanent in asyncio.run(fetch_all()):
        assert error is not None
        assert "blocked private address" in error
        assert permanent


def test_start_url_on_loopback_is_crawled(server: LocalServer) -> None:
    server.routes["/"] = page("<p>หน้าแรก</p>")
    result, sink = crawl(server.url())
    assert result.start_error is None
    assert [p.text for p in sink.pages] == ["หน้าแรก"]


def test_declared_url_on_another_private_host_is_never_contacted(
    server: LocalServer, make_server: Callable[..., LocalServer]
) -> None:
    """Extra (declared) URLs skip the scope check, so the guard is what keeps 127.0.0.2 from being contacted."""
    other = make_server(host="127.0.0.2")
    other.routes["/secret"] = page("<p>ความลับ</p>")
    server.routes["/"] = page("<p>หน้าแรก</p>")
    _, sink = crawl(server.url(), extra_urls=[other.url("/secret")], respect_robots=False)
    assert other.hits == []
    blocked = [p for p in sink.pages if p.url == other.url("/secret")]
    assert len(blocked) == 1
    assert blocked[0].error is not None and "blocked private address" in blocked[0].error
    assert server.count("/") == 1


def test_declared_url_with_robots_on_is_never_contacted(
    server: LocalServer, make_server: Callable[..., LocalServer]
) -> None:
    other = make_server(host="127.0.0.2")
    server.routes["/"] = page("<p>หน้าแรก</p>")
    result, _ = crawl(server.url(), extra_urls=[other.url("/secret")])
    assert other.hits == []  # not even its robots.txt
    assert other.url("/secret") in result.robots_disallowed


def test_redirect_to_another_local_service_is_not_followed(
    server: LocalServer, make_server: Callable[..., LocalServer]
) -> None:
    other_port = make_server()  # another port on 127.0.0.1
    other_host = make_server(host="127.0.0.2")
    for srv in (other_port, other_host):
        srv.routes["/admin"] = page("<p>admin</p>")
    server.routes["/"] = page('<a href="/go">ไป</a><a href="/go2">ไป</a>')
    server.routes["/go"] = redirect(f"http://localhost:{other_port.port}/admin")
    server.routes["/go2"] = redirect(other_host.url("/admin"))
    _, sink = crawl(server.url(), allow_subdomains=True)
    assert other_port.hits == [] and other_host.hits == []
    for path in ("/go", "/go2"):
        hop = next(p for p in sink.pages if p.url == server.url(path))
        assert hop.error is not None and "redirected off the site" in hop.error
