"""`oit scan` report options, `oit report SCAN_ID`, `oit report fleet` and `oit demo`'s extra formats, run as a
user runs them against real scans of the demo site stored in SQLite (tests/reports/history_site.py)."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from oit.cli import app
from oit.store.database import open_engine
from oit.watch.history import load_result
from oit.watch.reporting import scan_context
from reports.json_report import load_schema
from tests.reports.history_site import SITE_NAME, UNSCANNED_NAME, History, build_history

runner = CliRunner()


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    return build_history(tmp_path_factory.mktemp("history"))


def _invoke(history: History, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, history.args(*args), env={"OIT_DATABASE": None})


def test_scan_writes_each_named_format(history: History) -> None:
    root = history.root
    assert (root / "scan1.html").is_file() and (root / "scan1.md").is_file()
    assert not (root / "scan1.xlsx").exists()  # only what was asked for
    assert load_workbook(root / "scan2.xlsx").sheetnames == ["Summary", "Items", "Gaps", "ITAS"]
    with (root / "scan2.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[0] == "ข้อ"
    assert "Excel: " in history.outputs[1] and "CSV: " in history.outputs[1]


def test_scan_without_paths_writes_default_formats(history: History) -> None:
    stem = f"127.0.0.1-2569-scan{history.scan_ids[-1]}"
    written = sorted(p.name for p in history.report_dir.iterdir())
    assert written == [f"{stem}.html", f"{stem}.json", f"{stem}.md", f"{stem}.xlsx"]  # CSV only on request
    html = (history.report_dir / f"{stem}.html").read_text(encoding="utf-8")
    assert "การเปลี่ยนแปลงจากการตรวจครั้งก่อน" in html and "คะแนนย้อนหลัง" in html


def test_first_scan_has_no_changes_section(history: History) -> None:
    html = (history.root / "scan1.html").read_text(encoding="utf-8")
    assert "การเปลี่ยนแปลงจากการตรวจครั้งก่อน" not in html and "คะแนนย้อนหลัง" not in html


def test_scan_context_reads_history_up_to_the_scan(history: History) -> None:
    engine = open_engine(f"sqlite:///{history.database}")
    second = load_result(engine, history.scan_ids[1])
    assert second is not None
    past, diff = scan_context(engine, second)
    assert [s.scan_id for s in past] == history.scan_ids[1::-1]  # scan 3 is newer: not part of scan 2's story
    assert diff is not None and (diff.old_scan_id, diff.new_scan_id) == tuple(history.scan_ids[:2])
    assert {c.code for c in diff.changes} >= {"O1", "O12"}  # the pages put back before scan 2


def test_report_renders_a_stored_scan_in_every_format(history: History, tmp_path: Path) -> None:
    scan_id = history.scan_ids[1]
    out = {f: tmp_path / f"again.{f}" for f in ("html", "xlsx", "csv", "md", "json")}
    args = ["report", str(scan_id)] + [arg for f, p in out.items() for arg in (f"--{f}", str(p))]
    result = _invoke(history, *args)
    assert result.exit_code == 0, result.output
    for path in out.values():
        assert path.is_file() and str(path) in result.output.replace("\n", "")
    data = json.loads(out["json"].read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker()).validate(data)
    stored = load_result(open_engine(f"sqlite:///{history.database}"), scan_id)
    assert (
        stored is not None and data["scan_id"] == scan_id and data["items"] == stored.model_dump(mode="json")["items"]
    )
    html = out["html"].read_text(encoding="utf-8")
    assert f"เทียบกับการตรวจครั้งที่ {history.scan_ids[0]}" in html
    assert f"การตรวจครั้งที่ {scan_id}" in html
    assert load_workbook(out["xlsx"])["Summary"]["B2"].value == SITE_NAME
    assert f"เทียบกับการตรวจครั้งที่ {history.scan_ids[0]}" in out["md"].read_text(encoding="utf-8")


def test_report_without_paths_uses_the_out_folder(history: History, tmp_path: Path) -> None:
    result = _invoke(history, "report", str(history.scan_ids[0]), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".html", ".json", ".md", ".xlsx"]


@pytest.mark.parametrize(("target", "words"), [("999", "ไม่พบการสแกนครั้งที่ 999"), ("latest", "fleet")])
def test_report_of_an_unknown_scan_is_a_clear_error(history: History, target: str, words: str) -> None:
    result = _invoke(history, "report", target)
    assert result.exit_code == 2
    output = " ".join(result.output.split())  # the terminal wraps long lines
    assert words in output and "Traceback" not in output
    assert "no finished scan" in output or "expected a scan id" in output


def test_report_fleet_writes_index_and_site_reports(history: History, tmp_path: Path) -> None:
    result = _invoke(history, "report", "fleet", "--out", str(tmp_path / "fleet"))
    assert result.exit_code == 0, result.output
    index = tmp_path / "fleet" / "index.html"
    assert index.is_file() and "หน้ารวม 2 เว็บไซต์" in result.output
    html = index.read_text(encoding="utf-8")
    assert SITE_NAME in html and UNSCANNED_NAME in html
    reports = list((tmp_path / "fleet" / "sites").glob("*.html"))
    assert [p.name for p in reports] == [f"127.0.0.1-2569-scan{history.scan_ids[-1]}.html"]
    assert f'href="sites/{reports[0].name}"' in html


def test_demo_writes_every_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OIT_DATABASE", raising=False)
    result = runner.invoke(app, ["demo", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} >= {
        "demo.json",
        "demo.html",
        "demo.xlsx",
        "demo.csv",
        "demo.md",
        "demo.sqlite",
    }
    # The demo's database is the demo's alone: the process running it (here, the tests) keeps its own.
    assert "OIT_DATABASE" not in os.environ
    data = json.loads((out / "demo.json").read_text(encoding="utf-8"))
    itas = list(load_workbook(out / "demo.xlsx")["ITAS"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in itas] == [i["code"] for i in data["items"]]
    assert all(r[3] and r[3].startswith("http://127.0.0.1:") for r in itas if r[2] == "มี")
    with (out / "demo.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh))) - 1 == sum(len(i["gaps"]) for i in data["items"])
    assert f"{data['score']['oit_estimate']:.2f}" in (out / "demo.md").read_text(encoding="utf-8")
