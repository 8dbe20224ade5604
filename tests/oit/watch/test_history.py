"""oit.watch.history and `oit history` / `oit diff`: real scans of a local copy of the demo อบต. site into real SQLite.

Between the first and second scan the agency fixes one gap, breaks another page and deletes an evidence PDF;
the third scan is refused the home page by robots.txt. History, results and the diff must say exactly that.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from oit.cli import app
from oit.config import Config, SiteConfig
from oit.demo.server import serve, site_dir
from oit.scan.pipeline import ScanError, ScanRequest, run_scan
from oit.store.database import open_engine
from oit.store.scans import failed_urls
from oit.watch import history
from reports.models import ScanResult

NAME = "อบต.หนองบัวแดง (ทดสอบ)"
LINE_QA = (
    '<h2 id="qa">ช่องทางการถาม-ตอบ (Q&amp;A)</h2>\n'
    '<p>ถาม-ตอบผ่าน <a href="https://line.me/R/ti/p/@nongbuadaeng">LINE Official Account @nongbuadaeng</a></p>'
)
SOP_PDF = "docs/manuals/sop-land-tax.pdf"


@dataclass
class Scans:
    url: str
    db: str
    engine: Engine
    first: ScanResult
    second: ScanResult
    failed_id: int


def scan(url: str) -> ScanResult:
    request = ScanRequest(
        url=url,
        year=2569,
        as_of=date(2026, 5, 15),
        site=SiteConfig(name=NAME, url=url),
        delay=0.0,
        concurrency=4,
    )
    return run_scan(Config(), request)


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> Scans:
    tmp = tmp_path_factory.mktemp("history")
    site = tmp / "site"
    shutil.copytree(site_dir(), site)
    db = f"sqlite:///{tmp / 'oit.sqlite'}"
    with pytest.MonkeyPatch.context() as mp, serve(site) as url:
        mp.setenv("OIT_DATABASE", db)
        first = scan(url)
        contact = site / "contact.html"
        contact.write_text(
            contact.read_text(encoding="utf-8").replace('<h2 id="qa">ช่องทางการถาม-ตอบ (Q&amp;A)</h2>', LINE_QA),
            encoding="utf-8",
        )
        (site / "about" / "executives.html").write_text(
            "<html><head><meta charset='utf-8'><title>คณะผู้บริหาร</title></head>"
            "<body><h1>คณะผู้บริหาร</h1><p>อยู่ระหว่างปรับปรุงข้อมูล</p></body></html>",
            encoding="utf-8",
        )
        (site / SOP_PDF).unlink()
        second = scan(url)
        (site / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")  # no home page: failed
        with pytest.raises(ScanError):
            scan(url)
    engine = open_engine(db)
    return Scans(url, db, engine, first, second, history.list_scans(engine, url)[0].scan_id)


def test_scans_are_listed_newest_first_with_state_score_and_counts(scans):
    listed = history.list_scans(scans.engine, scans.url)
    assert [s.scan_id for s in listed] == [scans.failed_id, scans.second.scan_id, scans.first.scan_id]
    failed, second, first = listed
    assert failed.state == "failed" and "robots.txt" in (failed.error or "")
    assert failed.score is None and failed.counts == {}
    for summary, result in ((second, scans.second), (first, scans.first)):
        assert summary.state == "done" and summary.finished_at is not None
        assert summary.score == result.score.oit_estimate and summary.grade == result.score.grade
        assert summary.counts == result.counts() and sum(summary.counts.values()) == 26
        assert summary.site_name == NAME and summary.as_of == date(2026, 5, 15)
    assert second.counts["gap"] == first.counts["gap"]  # one gap fixed (O3), one new (O2)


def test_a_site_is_found_by_url_or_name(scans):
    assert (scans.url, NAME) in history.list_sites(scans.engine)
    by_name = history.list_scans(scans.engine, NAME, limit=1)
    assert [s.scan_id for s in by_name] == [scans.failed_id]
    assert history.list_scans(scans.engine, scans.url.rstrip("/").upper()) != []  # slash and case ignored
    assert history.list_scans(scans.engine, "https://unknown.go.th/") == []


def test_latest_done_skips_the_failed_scan(scans):
    assert history.latest_done(scans.engine, scans.url).scan_id == scans.second.scan_id
    older = history.latest_done(scans.engine, scans.url, before=scans.second.scan_id)
    assert older.scan_id == scans.first.scan_id
    assert history.latest_done(scans.engine, scans.url, before=scans.first.scan_id) is None


def test_stored_result_is_the_scan_result(scans):
    assert history.load_result(scans.engine, scans.second.scan_id) == scans.second
    assert history.load_result(scans.engine, scans.failed_id) is None
    assert history.load_result(scans.engine, 10_000) is None


def test_failed_urls_are_those_the_scan_could_not_load(scans):
    sop = scans.url + SOP_PDF
    contact = scans.url + "contact.html"
    never_fetched = scans.url + "docs/none.pdf"
    assert failed_urls(scans.engine, scans.second.scan_id, [sop, contact, never_fetched]) == {sop: "HTTP 404"}
    assert failed_urls(scans.engine, scans.first.scan_id, [sop, contact]) == {}


def test_diff_of_real_scans_names_the_fixed_the_new_and_the_broken(scans):
    diff = history.diff_scans(scans.engine, scans.first.scan_id, scans.second.scan_id)
    changes = {c.code: c for c in diff.changes}
    assert changes["O3"].before == "gap" and changes["O3"].after == "pass"
    assert [g.component for g in changes["O3"].fixed_gaps] == ["contact.qa"] and not changes["O3"].new_gaps
    assert changes["O2"].before == "pass" and changes["O2"].after in ("gap", "missing")
    assert changes["O2"].new_gaps and not changes["O2"].fixed_gaps
    assert any(c.after != "present" for c in changes["O2"].components)
    sop = scans.url + SOP_PDF
    assert sop in changes["O8"].evidence_broken and changes["O8"].broken_reasons[sop] == "HTTP 404"
    untouched = {"O20", "O11", "O5"}  # nothing changed on their pages or documents
    assert not untouched & changes.keys()
    assert diff.new_gaps_count >= 1 and diff.fixed_gaps_count == 1


runner = CliRunner()


def test_history_command_is_a_thai_table(scans, monkeypatch):
    monkeypatch.setenv("OIT_DATABASE", scans.db)
    result = runner.invoke(app, ["history", NAME], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "ประวัติการสแกน" in result.output and "เวลาประเทศไทย" in result.output
    assert "เสร็จ" in result.output and "ไม่สำเร็จ" in result.output
    assert f"{scans.second.score.oit_estimate:.2f}" in result.output
    assert " 2569 " in result.output  # Buddhist Era year of the scan date


def test_diff_command_compares_the_latest_two_finished_scans(scans, monkeypatch):
    monkeypatch.setenv("OIT_DATABASE", scans.db)
    result = runner.invoke(app, ["diff", scans.url], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert f"ครั้งที่ {scans.first.scan_id}" in result.output and f"ครั้งที่ {scans.second.scan_id}" in result.output
    assert "ประเด็นใหม่" in result.output and "แก้ไขแล้ว" in result.output
    assert "หลักฐานเปิดไม่ได้ (HTTP 404)" in result.output and SOP_PDF in result.output


def test_diff_command_json(scans, monkeypatch):
    monkeypatch.setenv("OIT_DATABASE", scans.db)
    args = ["diff", NAME, "--from", str(scans.first.scan_id), "--to", str(scans.second.scan_id), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["old_scan_id"], data["new_scan_id"]) == (scans.first.scan_id, scans.second.scan_id)
    assert {"O2", "O3", "O8"} <= {c["code"] for c in data["changes"]}
    same = runner.invoke(app, [*args[:3], str(scans.second.scan_id), "--to", str(scans.second.scan_id), "--json"])
    assert json.loads(same.stdout)["changes"] == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["diff", "https://unknown.go.th/"], "ไม่พบประวัติการสแกน"),
        (["history", "อบต.ที่ไม่มี"], "ไม่พบประวัติการสแกน"),
        (["diff", NAME, "--to", "10000"], "ไม่พบการสแกน"),
    ],
)
def test_bad_site_or_scan_is_a_clear_error(scans, monkeypatch, args, words):
    monkeypatch.setenv("OIT_DATABASE", scans.db)
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output


def test_diff_refuses_a_failed_scan(scans, monkeypatch):
    monkeypatch.setenv("OIT_DATABASE", scans.db)
    result = runner.invoke(app, ["diff", NAME, "--from", str(scans.failed_id)])
    assert result.exit_code == 2 and "ไม่ใช่การสแกนที่เสร็จแล้ว" in result.output


def test_first_scan_alone_has_nothing_to_compare(tmp_path, monkeypatch):
    site = Path(tmp_path / "site")
    shutil.copytree(site_dir(), site)
    monkeypatch.setenv("OIT_DATABASE", f"sqlite:///{tmp_path / 'one.sqlite'}")
    with serve(site) as url:
        scan(url)
    result = runner.invoke(app, ["diff", url])
    assert result.exit_code == 2 and "ไม่พบการสแกนก่อนครั้งที่" in result.output
