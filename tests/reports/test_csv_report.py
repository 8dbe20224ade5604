"""The CSV of gaps, read back with the csv module as Excel would see it."""

from __future__ import annotations

import csv
from pathlib import Path

from reports.csv_report import HEADERS, write_csv
from reports.models import ScanResult
from rules.results import Gap


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_has_bom_thai_and_one_row_per_gap(tmp_path: Path, scored_result: ScanResult) -> None:
    path = write_csv(scored_result, tmp_path / "gaps.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = _read(path)
    assert rows[0] == list(HEADERS)
    expected = [(i.code, g.text_th, g.hint_th or "") for i in scored_result.items for g in i.gaps]
    assert [(r[0], r[5], r[6]) for r in rows[1:]] == expected
    o20 = next(r for r in rows if r[0] == "O20")
    assert o20[2] == "ไม่พบข้อมูล" and o20[3] == "ไม่พบข้อมูล" and o20[7] == ""
    o12 = [r for r in rows if r[0] == "O12"]
    assert [r[3] for r in o12] == ["ด้านข้อมูล", "ด้านเวลา"]
    assert o12[0][7] == "https://www.nakhlang.go.th/files/สรุปผลจัดซื้อจัดจ้าง2568.pdf"


def test_csv_neutralises_formulas(tmp_path: Path, scan_result: ScanResult) -> None:
    item = scan_result.items[1].model_copy(
        update={"title": "=1+1", "gaps": [Gap(kind="rule", text_th="@SUM(A1)", hint_th="-3", text_en="+4")]}
    )
    rows = _read(write_csv(scan_result.model_copy(update={"items": [item]}), tmp_path / "g.csv"))
    assert rows[1][1] == "'=1+1" and rows[1][5] == "'@SUM(A1)" and rows[1][6] == "'-3" and rows[1][8] == "'+4"
    assert rows[1][0] == "O3"


def test_csv_of_a_real_scan_has_its_gaps(hostile_scan: dict[str, Path]) -> None:
    import json

    data = json.loads(hostile_scan["json"].read_text(encoding="utf-8"))
    rows = _read(hostile_scan["csv"])
    assert len(rows) - 1 == sum(len(i["gaps"]) for i in data["items"]) > 0
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
