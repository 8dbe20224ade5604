"""The private-address guard. Only loopback ever receives traffic here: 10.x and 169.254.x go through the guard,
which must reject them before any connection (the Fetcher test below closes its HTTP clients first, so a
guard that let them through would fail with an error instead of connecting)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from crawler.fetcher import Fetcher
from crawler.netguard import AddressGuard, BlockedAddress, is_private
from tests.crawler.support import LocalServer, Reply, crawl, fast_settings, page, redirect


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


@pytest.mark.parametrize("url", ["http://[::1]:8080/x", "http://[fe80::1%25eth0]/", "http://[FD00::1]:81/",
                                 "http://[::ffff:127.0.0.1]/", "http://[::]/"])  # fmt: skip
def test_guard_blocks_ipv6_literals_as_written(url: str) -> None:
    """Judged without asking the resolver, which fails on a zone id ("%25eth0") and would let it through."""
    guard = AddressGuard("http://127.0.0.1:8000/")
    with pytest.raises(BlockedAddress, match="private address"):
        asyncio.run(guard.check(url))


def test_guard_allows_an_ipv6_start_host_on_any_port() -> None:
    async def checks() -> None:
        guard = AddressGuard("http://[::1]:8000/")
        await guard.check("http://[::1]:8000/ita")
        await guard.check("http://[::1]:9999/")
        await guard.check("http://[2001:4860:4860::8888]/")
        with pytest.raises(BlockedAddress):
            await guard.check("http://127.0.0.1:8000/")

    asyncio.run(checks())


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

    assert asyncio.run(twice()) == ["10.0.0.1 is the private address 10.0.0.1"] * 2


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


# --- IPv6 literals and broken links on a real page ----------------------------------------------------------

ODD_LINKS = [
    "http://[::1]:8080/x",
    "http://[::1]/",
    "http://[fe80::1%25eth0]/",
    "http://a.go.th:99999/",
    "http://[oops/",
    "http://[::1/ita",
    "http://" + "9" * 400 + "/",
    "http://a\u0001b.go.th/",
    "https://a.go.th:65536/x",
]
IPV6_LINKS = ["http://[::1]:8080/x", "http://[::1]/", "http://[fe80::1%25eth0]/"]


def test_a_page_linking_ipv6_literals_and_broken_urls_is_read(server: LocalServer) -> None:
    odd = "".join(f'<li><a href="{href}">ลิงก์ {n}</a></li>' for n, href in enumerate(ODD_LINKS))
    odd += '<img src="http://[oops/a.png" alt="x"><iframe src="http://[::1/x.pdf"></iframe>'
    odd += """<button onclick="location.href='http://a.go.th:99999/ita'">ITA</button>"""
    server.routes["/"] = page(f'<ul><li><a href="/ita.html">การเปิดเผยข้อมูลสาธารณะ</a></li>{odd}'
                              '<li><a href="/news.html">ข่าวประชาสัมพันธ์</a></li></ul>', "หน้าแรก")  # fmt: skip
    server.routes["/ita.html"] = page(f"<h1>ITA 2569</h1>{odd}")
    server.routes["/news.html"] = page("<p>ประกาศผลการจัดซื้อจัดจ้าง</p>")
    result, sink = crawl(server.url(), respect_robots=False)
    pages = {p.url: p for p in sink.pages}
    home = pages[server.url()]
    assert home.error is None and home.title == "หน้าแรก"
    assert result.errors == 0 and result.start_error is None
    assert pages[server.url("/ita.html")].error is None
    assert pages[server.url("/news.html")].text == "ประกาศผลการจัดซื้อจัดจ้าง"
    links = {link.url: link for link in home.links}
    assert set(links) == {server.url("/ita.html"), server.url("/news.html"), *IPV6_LINKS}
    assert all(links[url].external for url in IPV6_LINKS)  # another site (and private): recorded, not fetched
    assert sorted(server.paths()) == ["/", "/ita.html", "/news.html"]


def test_declared_ipv6_urls_are_blocked_before_any_connection(server: LocalServer) -> None:
    server.routes["/"] = page("<p>หน้าแรก</p>")
    _, sink = crawl(server.url(), extra_urls=IPV6_LINKS, respect_robots=False)
    blocked = {p.url: p.error for p in sink.pages if p.url != server.url()}
    assert set(blocked) == set(IPV6_LINKS)
    assert all(error is not None and "blocked private address" in error for error in blocked.values())


def _ipv6_loopback() -> bool:
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET6) as sock:
        sock.bind(("::1", 0))
        return True
    return False


@pytest.mark.skipif(not _ipv6_loopback(), reason="เครื่องนี้ไม่มี IPv6 loopback (::1) / this machine cannot bind ::1")
def test_a_site_on_ipv6_loopback_is_crawled(make_server: Callable[..., LocalServer]) -> None:
    site = make_server(host="::1")
    site.routes["/"] = page('<a href="/ita.html">ITA</a> <a href="http://127.0.0.1:9/">อื่น</a>', "หน้าแรก")
    site.routes["/ita.html"] = page("<h1>การเปิดเผยข้อมูลสาธารณะ</h1>")
    site.routes["/robots.txt"] = Reply(body="User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    assert site.url().startswith("http://[::1]:")
    result, sink = crawl(site.url())
    assert result.start_error is None and result.errors == 0
    assert [p.url for p in sink.pages] == [site.url(), site.url("/ita.html")]
    assert sink.pages[1].text == "การเปิดเผยข้อมูลสาธารณะ"
    assert site.paths() == ["/robots.txt", "/", "/ita.html"]


def test_scan_of_an_unreachable_ipv6_site_says_why(tmp_path: Path) -> None:
    env = {**os.environ, "OIT_DATABASE": f"sqlite:///{tmp_path / 'oit.sqlite'}", "PYTHONPATH": os.getcwd()}
    done = subprocess.run([sys.executable, "-m", "oit", "scan", "http://[::1]:1/"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    output = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 2, output
    assert "Traceback" not in output
    assert "http://[::1]:1/" in output
    assert "เปิดหน้าแรกของเว็บไซต์" in output and "cannot open the site's home page" in output
