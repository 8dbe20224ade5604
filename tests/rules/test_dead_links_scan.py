"""Dead links through the whole pipeline: a real HTTP server on loopback, the crawler, SQLite, the rules.

The site's menu links the No Gift announcement to a PDF the server answers 404 for, the action plan to a page
that answers 410, the complaint channel to a WordPress "page not found" page served with 200, and E-Service to
a server error (503, asking to come back in an hour). The first three are the assessors' "ลิงก์ไม่สามารถ
เข้าถึงได้" with the dead URL; the last is unknown, with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from oit.config import Config, DatabaseConfig
from oit.scan.pipeline import ScanRequest, run_scan
from rules.results import ItemResult
from tests.crawler.support import LocalServer, Reply, page
from tests.rules.sitebuilder import fixture

DEAD_GAP = "ไม่เป็นไปตามหลักเกณฑ์ - ลิงก์ไม่สามารถเข้าถึงได้"
MENU = [
    ("ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. 2569", "/files/ita/nogift-2569.pdf"),  # not served: 404
    ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", "/plan/action-plan-2569.html"),  # 410 Gone
    ("ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", "/complaint-corruption/"),  # a "page not found" page, status 200
    ("E-Service บริการออนไลน์", "/eservice/"),  # 503
]


@pytest.fixture
def site() -> Iterator[LocalServer]:
    menu = "".join(f'<li><a href="{href}">{label}</a></li>' for label, href in MENU)
    with LocalServer() as server:
        server.routes["/"] = page(
            f"<h1>องค์การบริหารส่วนตำบลโคกสว่าง</h1><ul class='menu'>{menu}</ul>", "อบต.โคกสว่าง อำเภอพล จังหวัดขอนแก่น"
        )
        server.routes["/plan/action-plan-2569.html"] = Reply(status=410, body="<h1>410 Gone</h1>")
        server.routes["/complaint-corruption/"] = Reply(body=fixture("dead/wp_404.html"))
        server.routes["/eservice/"] = Reply(status=503, body="Service Unavailable", headers={"Retry-After": "3600"})
        yield server


def test_dead_evidence_links_are_gaps_and_a_server_error_is_unknown(site: LocalServer, tmp_path: Path) -> None:
    config = Config(database=DatabaseConfig(url=f"sqlite:///{tmp_path / 'oit.sqlite'}"))
    request = ScanRequest(url=site.url(), year=2569, as_of=date(2026, 5, 15), delay=0.0, concurrency=2)
    items = {i.code: i for i in run_scan(config, request).items}

    for code, path in (("O20", "/files/ita/nogift-2569.pdf"), ("O6", "/plan/action-plan-2569.html"),
                       ("O17", "/complaint-corruption/")):  # fmt: skip
        assert_dead(items[code], site.url(path))
    assert site.count("/files/ita/nogift-2569.pdf") == 1  # asked once: a 404 is not retried
    o10 = items["O10"]
    assert o10.status == "unknown" and o10.gaps == []
    assert "503" in (o10.unknown_reason or "") or "รอ" in (o10.unknown_reason or "")


def assert_dead(result: ItemResult, dead_url: str) -> None:
    assert result.status == "gap", (result.code, result.status, result.unknown_reason)
    assert [g.text_th for g in result.gaps] == [f"{DEAD_GAP} ({dead_url})"]
    assert [e.url for e in result.evidence] == [dead_url]
