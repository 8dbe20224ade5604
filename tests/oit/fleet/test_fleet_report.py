"""`oit report fleet` reads the fleet's ledger: the sites not scanned last night, and why, come first."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from oit.store.database import now, open_engine
from oit.store.ledger import claim, fail, finish, record_night
from tests.oit.fleet.conftest import ROOT, write_config

NIGHT = date(2026, 12, 7)
SITES = [
    ("http://127.0.0.2/", "อบต.หนองบัว"),
    ("http://127.0.0.3/", "อบต.โนนสูง <script>alert(1)</script>"),
    ("http://127.0.0.4/", "เทศบาลตำบลบ้านไผ่"),
]
REFUSED = "เชื่อมต่อเว็บไซต์ไม่ได้ (connection refused) / the site refused the connection"


def test_the_sites_not_scanned_last_night_lead_the_fleet_index(tmp_path: Path, database: str) -> None:
    config = write_config(tmp_path, "redis://127.0.0.1:1/0", [(name, url) for url, name in SITES], database)
    engine = open_engine(database)
    record_night(engine, NIGHT, [(url, name) for url, name in SITES], now() - timedelta(hours=8))
    lease, at = timedelta(minutes=2), now()
    done = claim(engine, 1, "w1", lease, at)
    failed = claim(engine, 2, "w1", lease, at)
    assert done and failed
    finish(engine, done.id, "w1", None, at)
    fail(engine, failed.id, "w1", REFUSED, at, retry=False)  # the third site is still queued, 8 hours on: late

    out = tmp_path / "fleet"
    run = subprocess.run(
        [sys.executable, "-m", "oit", "report", "fleet", "--config", str(config), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    tree = LexborHTMLParser(html)
    night = tree.css_first("section.night")
    assert night is not None and "สแกนเสร็จ 1 จาก 3 เว็บไซต์" in night.text()
    rows = [" ".join(tr.text().split()) for tr in night.css("tbody tr")]
    assert len(rows) == 2  # the done site is not listed
    assert "สแกนไม่สำเร็จ" in rows[0] and "connection refused" in rows[0] and "อบต.โนนสูง" in rows[0]
    assert "ยังไม่ได้สแกน (รอคิว)" in rows[1] and "(ช้ากว่ากำหนด)" in rows[1] and "บ้านไผ่" in rows[1]
    assert html.index("section") < html.index("รายการเว็บไซต์")  # before the table of all sites
    assert "<script>alert(1)</script>" not in html  # a site's name is escaped like any website text


def test_without_a_fleet_the_index_has_no_night_section(tmp_path: Path) -> None:
    from reports.fleet import render_fleet

    assert 'section class="night"' not in render_fleet([], now())
