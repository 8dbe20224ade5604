"""A nightly re-scan of the demo site through the real pipeline (HTTP server, SQLite, rules): unchanged pages
and documents are carried over from the previous scan, a changed page is read again, and the items come out
exactly as a scan from scratch would judge them on the new date."""

from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from oit.config import Config, DatabaseConfig
from oit.demo.server import serve, site_dir
from oit.scan.pipeline import ScanRequest, run_scan
from oit.store.database import DOCUMENTS, PAGES, SCANS, open_engine, unpack_links
from reports.models import ScanResult

USAGE_GUIDE = (
    "<h2>วิธีการใช้งาน E-Service</h2><ol><li>กดลิงก์แบบฟอร์มขอรับบริการออนไลน์</li>"
    "<li>กรอกชื่อ ที่อยู่ และเบอร์โทรศัพท์</li><li>แนบเอกสารแล้วกดส่ง เจ้าหน้าที่จะติดต่อกลับภายใน 1 วันทำการ</li></ol>"
)


def scan(db: Path, url: str, as_of: date, year: int, revisit: bool = False) -> ScanResult:
    config = Config(database=DatabaseConfig(url=f"sqlite:///{db}"))
    request = ScanRequest(url=url, year=year, as_of=as_of, delay=0.0, concurrency=4, revisit=revisit)
    return run_scan(config, request)


def verdicts(result: ScanResult) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return {i.code: (i.status, sorted((g.kind, g.component or "") for g in i.gaps)) for i in result.items}


def fix_eservice_page(site: Path) -> None:
    """The agency adds usage instructions to its E-Service page (the planted O10 gap), a minute later."""
    path = site / "eservice" / "index.html"
    path.write_text(path.read_text("utf-8").replace("</body>", USAGE_GUIDE + "</body>"), "utf-8")
    later = time.time() + 60  # Last-Modified has one-second resolution: the edit is clearly later
    os.utime(path, (later, later))


def test_rescan_reuses_unchanged_pages_and_judges_on_the_new_date(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("OIT_DATABASE", raising=False)
    site = tmp_path / "site"
    shutil.copytree(site_dir(), site)
    with serve(site) as url:
        first = scan(tmp_path / "nightly.sqlite", url, date(2026, 5, 15), 2569)
        fix_eservice_page(site)
        # The next night falls in the next assessment year: every time rule moves.
        again = scan(tmp_path / "nightly.sqlite", url, date(2026, 11, 16), 2570)
        scratch = scan(tmp_path / "scratch.sqlite", url, date(2026, 11, 16), 2570)

    assert verdicts(first)["O10"][0] == "gap"
    assert verdicts(again) == verdicts(scratch)  # reuse changes nothing in the verdicts
    assert ("data", "eservice.usage_guide") not in verdicts(again)["O10"][1]  # the edited page was read again
    assert verdicts(again) != verdicts(first)  # judged on the new date, not copied

    engine = open_engine(f"sqlite:///{tmp_path / 'nightly.sqlite'}")
    with engine.connect() as conn:
        scans = conn.execute(select(SCANS).order_by(SCANS.c.id)).all()
        assert [s.state for s in scans] == ["done", "done"]
        # Every page and document but the edited page came back 304 (the demo server sends Last-Modified).
        assert scans[0].unchanged == 0
        assert scans[1].unchanged == scans[1].pages + scans[1].documents - 1
        old, new = ({r.url: r for r in conn.execute(select(PAGES).where(PAGES.c.scan_id == s.id))} for s in scans)
        assert old.keys() == new.keys()
        edited = url + "eservice/index.html"
        assert "วิธีการใช้งาน" in new[edited].text and "วิธีการใช้งาน" not in old[edited].text
        home = old[url]
        assert (new[url].text, new[url].html_z, new[url].links_z) == (home.text, home.html_z, home.links_z)
        assert new[url].last_modified and new[url].last_modified == home.last_modified


def age(site: Path, days: int) -> None:
    """Every file of the site last modified `days` ago, as on a site whose archive has been left alone."""
    then = time.time() - days * 86400
    for path in site.rglob("*"):
        os.utime(path, (then, then))


def test_a_nightly_rescan_asks_for_evidence_and_menus_and_carries_what_has_long_been_the_same(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("OIT_DATABASE", raising=False)
    site = tmp_path / "site"
    shutil.copytree(site_dir(), site)
    age(site, 400)
    db = tmp_path / "nightly.sqlite"
    with serve(site) as url:
        first = scan(db, url, date(2026, 5, 15), 2569, revisit=True)
        again = scan(db, url, date(2026, 5, 16), 2569, revisit=True)
        by_hand = scan(db, url, date(2026, 5, 16), 2569)  # the admin's own check asks for everything
    assert verdicts(again) == verdicts(first)
    assert any("ไม่ได้ถามเซิร์ฟเวอร์" in note for note in again.crawl.findings)

    evidence = {e.url for i in first.items for e in i.evidence} | {
        c.evidence_url for i in first.items for c in i.components if c.evidence_url
    }
    engine = open_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        scans = conn.execute(select(SCANS).order_by(SCANS.c.id)).all()
        rows = [
            {r.url: r for r in conn.execute(select(table).where(table.c.scan_id == s.id))}
            for s in scans
            for table in (PAGES, DOCUMENTS)
        ]
    old = {**rows[0], **rows[1]}
    new = {**rows[2], **rows[3]}
    assert old.keys() == new.keys()
    asked = {u for u in new if new[u].verified_at > old[u].verified_at}
    carried = {u for u in new if new[u].verified_at == old[u].verified_at}
    assert asked | carried == set(new)
    assert evidence & set(new) <= asked  # every item's evidence is asked for, however deep
    menu = {link.url for link in unpack_links(old[url].links_z)} & set(new)
    assert url in asked and menu and menu <= asked  # the home page and every page it links to
    assert carried, "the deep pages and files nobody cites were not carried"
    assert not carried & menu
    assert scans[1].not_asked == len(carried)  # the scan row counts them too
    assert scans[1].unchanged == scans[1].pages + scans[1].documents  # nothing changed: all reused
    assert verdicts(by_hand) == verdicts(first)
    assert not any("ไม่ได้ถามเซิร์ฟเวอร์" in note for note in by_hand.crawl.findings)
