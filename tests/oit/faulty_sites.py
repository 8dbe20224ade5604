"""Real municipal sites served on 127.0.0.1 with some of their pages misbehaving: refused (429, 503), held past the
request timeout, or trickled a byte at a time.

Two sites: the bundled demo อบต. (oit/demo/site, its full ITA 2569 index and PDFs; a correct scan finds exactly the
gaps in oit/demo/expected.toml) and a small อบต. built from the rule tests' fixtures (tests/rules/koksawang.py)."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import date
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from crawler.settings import CrawlSettings
from oit.config import Config, DatabaseConfig
from oit.demo.server import expected, site_dir
from oit.scan.pipeline import ScanRequest, run_scan
from reports.models import ScanResult
from rules.results import ItemResult
from tests.crawler.support import Hit, LocalServer, Reply, Route
from tests.rules.koksawang import o1, o2, o3, o4
from tests.rules.sitebuilder import home

PLANTED = expected()
DEMO_YEAR, DEMO_AS_OF = int(PLANTED["year"]), date.fromisoformat(PLANTED["as_of"])
TOO_MANY = Reply(status=429, body="Too Many Requests", content_type="text/plain", headers={"Retry-After": "3600"})
UNAVAILABLE = Reply(status=503, body="<h1>503 Service Unavailable</h1>")


@dataclass
class Trickle(Reply):
    """A response that sends its headers at once, then its body one byte every `interval` seconds."""

    interval: float = 0.5


class FaultyServer(LocalServer):
    """A LocalServer whose `Trickle` replies trickle."""

    def write_body(self, handler: BaseHTTPRequestHandler, reply: Reply, body: bytes) -> None:
        if not isinstance(reply, Trickle):
            super().write_body(handler, reply, body)
            return
        for n in range(len(body)):
            if self.stopping.wait(reply.interval):
                return
            handler.wfile.write(body[n : n + 1])
            handler.wfile.flush()


def demo_file(hit: Hit, root: Path | None = None) -> Reply:
    """The demo site's file at the request's path, as its own server would send it."""
    root = root or site_dir()
    path = hit.path + ("index.html" if hit.path.endswith("/") else "")
    file = root / path.lstrip("/")
    if not file.resolve().is_relative_to(root.resolve()) or not file.is_file():
        return Reply(status=404, body="<h1>404 Not Found</h1>")
    ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return Reply(body=file.read_bytes(), content_type=ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))


def demo_site(faults: dict[str, Route]) -> FaultyServer:
    """The demo อบต. site, with `faults` answering in place of some of its paths."""
    server = FaultyServer(faults)
    server.default = demo_file
    return server


def small_site(faults: dict[str, Route], menu: list[tuple[str, str]] | None = None) -> FaultyServer:
    """A small อบต. (koksawang fixtures): home, structure, executives and contact pages; `faults` replace some."""
    menu = menu or [
        ("โครงสร้างหน่วยงาน", "/about/structure.html"),
        ("ข้อมูลผู้บริหาร", "/about/executives.html"),
        ("ติดต่อเรา", "/contact.html"),
        ("ข่าวประชาสัมพันธ์", "/news/index.html"),
    ]
    routes: dict[str, Route] = {"/": Reply(body=home(menu))}
    for pages, _ in (o1(), o2(), o3(), o4()):
        routes.update({path: Reply(body=html) for path, html in pages.items() if isinstance(html, str)})
    routes["/robots.txt"] = Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain")
    return FaultyServer({**routes, **faults})


def scan(
    server: LocalServer, db: Path, *, year: int = DEMO_YEAR, as_of: date = DEMO_AS_OF, **crawl: object
) -> ScanResult:
    """A whole scan (run_scan) of the server's site into the SQLite database `db`, without the browser."""
    values: dict[str, object] = {"delay": 0.0, "timeout": 2.0, "retries": 1, "read_sitemaps": False, "render": "off"}
    values["concurrency"] = 4
    settings = CrawlSettings(**{**values, **crawl})  # type: ignore[arg-type]
    config = Config(database=DatabaseConfig(url=f"sqlite:///{db}"), crawl=settings)
    return run_scan(config, ScanRequest(url=server.url("/"), year=year, as_of=as_of))


def by_code(result: ScanResult) -> dict[str, ItemResult]:
    return {i.code: i for i in result.items}
