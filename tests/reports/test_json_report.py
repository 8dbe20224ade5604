from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from reports import json_report
from reports.json_report import load_schema, to_json, write_json
from reports.models import ScanResult

# The contract shared with the other teams sits beside the checkout (../shared), not in an installed package.
SHARED_ABSENT = "ไม่มีสัญญาข้อมูลกลาง (../shared/contracts) ข้างโฟลเดอร์นี้ / the shared contract is not beside this checkout"


def _validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(data: Any) -> list[str]:
    return [e.message for e in _validator().iter_errors(data)]


def test_json_validates_against_contract(scan_result: ScanResult) -> None:
    assert _errors(json.loads(to_json(scan_result))) == []


def test_json_without_score_and_found_via_validates(provisional_result: ScanResult) -> None:
    assert provisional_result.score is None
    data = json.loads(to_json(provisional_result))
    assert "score" not in data
    assert _errors(data) == []


def test_hostile_result_still_validates(hostile_result: ScanResult) -> None:
    assert _errors(json.loads(to_json(hostile_result))) == []


def test_broken_status_fails_validation(scan_result: ScanResult) -> None:
    data = json.loads(to_json(scan_result))
    data["items"][0]["status"] = "ok"
    errors = _errors(data)
    assert errors and any("'ok'" in e for e in errors)


def test_non_iso_date_fails_format_check(scan_result: ScanResult) -> None:
    data = json.loads(to_json(scan_result))
    data["as_of"] = "30/04/2569"
    assert _errors(data)


def test_missing_required_field_fails_validation(scan_result: ScanResult) -> None:
    data = json.loads(to_json(scan_result))
    del data["items"][1]["gaps"]
    assert _errors(data)


def test_json_text_is_readable_thai_iso_dates_and_nulls(scan_result: ScanResult) -> None:
    text = to_json(scan_result)
    assert "โครงสร้างและอำนาจหน้าที่" in text  # ensure_ascii=False
    assert "\\u0e" not in text
    assert '\n  "schema_version": "1"' in text  # indent 2
    data = json.loads(text)
    assert data["as_of"] == "2026-04-30"
    assert data["fiscal_year"] == {"start": "2025-10-01", "end": "2026-09-30"}
    assert data["items"][0]["unknown_reason"] is None  # None kept as null
    assert data["criteria"]["note_th"] is None


def test_json_round_trips(scan_result: ScanResult, provisional_result: ScanResult) -> None:
    for result in (scan_result, provisional_result):
        assert ScanResult.model_validate_json(to_json(result)) == result


def test_write_json(tmp_path: Path, scan_result: ScanResult) -> None:
    out = write_json(scan_result, tmp_path / "sub" / "scan.json")
    assert out.read_bytes().decode("utf-8") == to_json(scan_result)


def test_bundled_schema_is_identical_to_shared_contract() -> None:
    if not json_report.SHARED_SCHEMA.is_file():
        pytest.skip(SHARED_ABSENT)
    assert json_report.BUNDLED_SCHEMA.read_bytes() == json_report.SHARED_SCHEMA.read_bytes()


def test_schema_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    custom = tmp_path / "custom.schema.json"
    custom.write_text('{"title": "custom"}', encoding="utf-8")
    monkeypatch.setenv("OIT_SCHEMA", str(custom))
    assert load_schema() == {"title": "custom"}


def test_schema_env_pointing_nowhere_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OIT_SCHEMA", str(tmp_path / "nope.json"))
    with pytest.raises(FileNotFoundError):
        load_schema()


def test_schema_falls_back_to_bundled_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OIT_SCHEMA", raising=False)
    monkeypatch.setattr(json_report, "SHARED_SCHEMA", tmp_path / "missing.json")
    assert json_report.schema_path() == json_report.BUNDLED_SCHEMA
    assert load_schema()["title"] == "OIT scan result"


def test_schema_prefers_shared_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OIT_SCHEMA", raising=False)
    if not json_report.SHARED_SCHEMA.is_file():
        pytest.skip(SHARED_ABSENT)
    assert json_report.schema_path() == json_report.SHARED_SCHEMA


def test_json_with_estimated_score_validates_and_round_trips(scored_result: ScanResult) -> None:
    data = json.loads(to_json(scored_result))
    assert _errors(data) == []
    score = data["score"]
    assert score["oit_estimate"] == 8.33 and score["grade"] == "F"  # the contract's two fields
    assert score["oit_if_unknown_pass"] == 33.33 and score["complete"] is False
    assert score["grade_th"] == "ต้องปรับปรุงโดยด่วน" and score["subindicator_confidence"] == "I"
    assert [s["id"] for s in score["subindicators"]] == ["9.1", "9.2", "9.3", "10.1", "10.2"]
    assert [i["id"] for i in score["indicators"]] == ["9", "10"]
    assert {i["code"]: i["gain"] for i in data["items"]} == {
        "O1": None, "O3": 8.33, "O10": 16.67, "O12": 16.67, "O20": 25.0, "O26": 25.0
    }  # fmt: skip
    assert score["gains"] == {k: v for k, v in {i["code"]: i["gain"] for i in data["items"]}.items() if v is not None}
    assert ScanResult.model_validate_json(to_json(scored_result)) == scored_result


def test_out_of_range_estimate_fails_validation(scored_result: ScanResult) -> None:
    data = json.loads(to_json(scored_result))
    data["score"]["oit_estimate"] = 100.5
    assert _errors(data)
