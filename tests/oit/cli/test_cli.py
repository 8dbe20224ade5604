"""The `oit` command as a user runs it: real demo server on 127.0.0.1, real SQLite, real reports."""

import json
import socket
import sqlite3

import jsonschema
import pytest
from typer.testing import CliRunner

from oit.cli import app
from oit.demo.server import expected, serve
from reports.json_report import load_schema

runner = CliRunner()


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OIT_DATABASE", f"sqlite:///{tmp_path / 'oit.sqlite'}")
    return tmp_path


def validate(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker()).validate(data)
    return data


def test_demo_finds_exactly_the_planted_gaps(workdir):
    result = runner.invoke(app, ["demo", "--out", str(workdir / "out")])
    assert result.exit_code == 0, result.output
    assert "found exactly the planted gaps" in result.output
    data = validate(workdir / "out" / "demo.json")
    assert [i["code"] for i in data["items"]] == [f"O{n}" for n in range(1, 27)]
    planted = expected()["items"]
    assert sorted(planted, key=lambda c: int(c[1:])) == [f"O{n}" for n in range(1, 27)]  # every item judged
    for item in data["items"]:
        assert item["status"] == planted[item["code"]]["status"], item
    html = (workdir / "out" / "demo.html").read_text(encoding="utf-8")
    assert "ไม่ได้ลงนามโดยผู้บริหารสูงสุด" in html and 'lang="th"' in html
    # The score, worked by hand from the planted gaps (O3, O7, O10, O11, O12, O20, O26) and the 2569 grouping:
    # 9.1 = 75, 9.2 = 66.67, 9.3 = 0, 9.4 = 9.5 = 100 -> indicator 9 = 68.33; 10.1 = 80, 10.2 = 50 -> 65.
    score = data["score"]
    assert score["complete"] is True and score["not_implemented"] == 0
    assert score["oit_estimate"] == pytest.approx(66.67, abs=0.01) and score["grade"] == "C"
    assert score["oit_if_unknown_pass"] == score["oit_estimate"]
    assert score["subindicator_confidence"] == "I"
    for item in data["items"]:
        assert (item["gain"] is None) == (item["status"] == "pass"), item["code"]
    assert sum(score["gains"].values()) == pytest.approx(100 - score["oit_estimate"], abs=0.01 * 26)
    assert "คะแนน OIT โดยประมาณ" in html and "66.67" in html and "แก้ข้อนี้จะได้เพิ่มประมาณ" in html
    assert "คะแนน OIT โดยประมาณ" in result.output


def test_scan_writes_contract_json_html_and_database(workdir):
    with serve() as url:
        result = runner.invoke(
            app,
            [
                "scan",
                url,
                "--year",
                "2569",
                "--as-of",
                "2026-05-15",
                "--delay",
                "0",
                "--json",
                "r.json",
                "--html",
                "r.html",
            ],
        )
    assert result.exit_code == 0, result.output
    data = validate(workdir / "r.json")
    assert data["assessment_year"] == 2569 and data["criteria"] == {"year": 2569, "provisional": False, "note_th": None}
    assert data["fiscal_year"] == {"start": "2025-10-01", "end": "2026-09-30"}
    assert data["site"]["name"] == "องค์การบริหารส่วนตำบลหนองบัวแดง"  # the home page title, "หน้าหลัก -" dropped
    assert data["crawl"]["pages"] >= 30 and data["crawl"]["documents"] >= 30
    o20 = next(i for i in data["items"] if i["code"] == "O20")
    assert any(e["found_via"] == "ita_index" for e in o20["evidence"])
    assert data["score"]["oit_estimate"] is not None and data["score"]["grade"] is not None
    db = sqlite3.connect(workdir / "oit.sqlite")
    assert db.execute("select state from scans").fetchall() == [("done",)]
    assert db.execute("select count(*) from pages").fetchone()[0] >= 30
    assert db.execute("select count(*) from item_results").fetchone()[0] == 26


def test_year_without_criteria_is_provisional(workdir):
    """as-of November 2026 is fiscal year 2570, whose criteria are not published: 2569's are applied."""
    with serve() as url:
        result = runner.invoke(app, ["scan", url, "--as-of", "2026-11-22", "--delay", "0", "--json", "r.json"])
    assert result.exit_code == 0, result.output
    data = validate(workdir / "r.json")
    assert data["assessment_year"] == 2570
    assert data["criteria"]["year"] == 2569 and data["criteria"]["provisional"] is True
    assert "ยังไม่ประกาศ" in data["criteria"]["note_th"]
    # The demo's No Gift announcement is for 2569: judged against 2570 it is out of date.
    o20 = next(i for i in data["items"] if i["code"] == "O20")
    assert any(g["kind"] == "time" for g in o20["gaps"])


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_site_exits_2_with_thai_and_english(workdir):
    result = runner.invoke(app, ["scan", f"http://127.0.0.1:{closed_port()}/", "--delay", "0"])
    assert result.exit_code == 2
    assert "เปิดหน้าแรก" in result.output and "cannot open" in result.output
    db = sqlite3.connect(workdir / "oit.sqlite")
    assert db.execute("select state from scans").fetchall() == [("failed",)]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["scan", "ftp://x.go.th/"], "URL"),
        (["scan", "http://127.0.0.1:9/", "--as-of", "15/05/2569"], "YYYY-MM-DD"),
        (["scan", "http://127.0.0.1:9/", "--year", "2560"], "ไม่มีเกณฑ์"),
    ],
)
def test_bad_input_is_a_clear_error(workdir, args, words):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert words in result.output
    assert "Traceback" not in result.output


def test_bad_config_is_reported_with_location(workdir):
    (workdir / "bad.toml").write_text("[crawl]\ndelay = 'fast'\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", "http://127.0.0.1:9/", "--config", "bad.toml"])
    assert result.exit_code == 2
    assert "crawl.delay" in result.output and "Traceback" not in result.output


def test_version_checks_the_config_it_is_given(workdir):
    assert runner.invoke(app, ["version"]).exit_code == 0
    (workdir / "bad.toml").write_text("[crawl]\nfoo = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["version", "--config", "bad.toml"])
    assert result.exit_code == 2 and "crawl.foo" in result.output
