"""The Excel workbook, written to disk and read back with openpyxl."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from oit.watch.diff import diff_results
from reports.models import ScanResult
from reports.xlsx_report import write_xlsx
from rules.results import Gap
from tests.reports.hostile_site import FORMULA, TITLE_SCRIPT

FORMULAS = ['=HYPERLINK("http://evil.example","คลิก")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)"]


def _rows(ws: Worksheet) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def _no_formula_anywhere(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name), name


def test_sheets_headers_and_layout(tmp_path: Path, scored_result: ScanResult) -> None:
    wb = load_workbook(write_xlsx(scored_result, tmp_path / "r.xlsx"))
    assert wb.sheetnames == ["Summary", "Items", "Gaps", "ITAS"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.bold for cell in ws[1] if cell.value)
    assert [c.value for c in wb["ITAS"][1]] == [
        "ข้อ",
        "รายการ",
        "คำตอบใน ITAS",
        "URL ที่ส่ง",
        "คำอธิบาย",
        "หมายเหตุ",
        "URL อื่นที่พบ",
    ]
    assert wb["Items"].column_dimensions["B"].width >= 40  # Thai titles are long
    assert wb["ITAS"].column_dimensions["D"].width >= 50


def test_summary_items_and_gaps_values(tmp_path: Path, scored_result: ScanResult) -> None:
    wb = load_workbook(write_xlsx(scored_result, tmp_path / "r.xlsx"))
    summary = {row[0]: row[1] for row in _rows(wb["Summary"])[1:] if row[0]}
    assert summary["หน่วยงาน"] == "เทศบาลตำบลนากลาง"
    assert summary["คะแนน OIT โดยประมาณ"] == scored_result.score.oit_estimate  # a number, not text
    assert summary["ระดับ"] == "F (ต้องปรับปรุงโดยด่วน)"
    assert summary["จำนวนข้อ: ไม่ครบองค์ประกอบ"] == 3 and summary["จำนวนข้อทั้งหมด"] == 6
    assert summary["ปีงบประมาณ"] == "1 ต.ค. 2568 – 30 ก.ย. 2569"
    assert wb["Summary"]["B3"].hyperlink.target == scored_result.site.url
    items = _rows(wb["Items"])[1:]
    assert [r[0] for r in items] == [i.code for i in scored_result.items]
    assert [r[2] for r in items] == [
        "ผ่าน",
        "ไม่ครบองค์ประกอบ",
        "ไม่ครบองค์ประกอบ",
        "ไม่ครบองค์ประกอบ",
        "ไม่พบข้อมูล",
        "ตรวจสอบไม่ได้",
    ]
    assert [r[4] for r in items] == [i.gain for i in scored_result.items]
    gaps = _rows(wb["Gaps"])[1:]
    assert [(r[0], r[4]) for r in gaps] == [(i.code, g.text_th) for i in scored_result.items for g in i.gaps]
    o12_time = next(r for r in gaps if r[0] == "O12" and r[2] == "ด้านเวลา")
    assert o12_time[5] == "เผยแพร่รายงานสรุปผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568"
    o3 = next(r for r in gaps if r[0] == "O3")
    assert o3[3] == "ช่องทางถาม-ตอบที่สื่อสารได้สองทาง (Q&A)" and o3[6] == "https://www.nakhlang.go.th/contact"


def test_itas_sheet_is_ready_to_paste(tmp_path: Path, scored_result: ScanResult) -> None:
    ws = load_workbook(write_xlsx(scored_result, tmp_path / "r.xlsx"))["ITAS"]
    rows = {r[0]: r for r in _rows(ws)[1:]}
    assert list(rows) == ["O1", "O3", "O10", "O12", "O20", "O26"]
    assert rows["O1"][2] == "มี" and rows["O1"][3] == "https://www.nakhlang.go.th/public/list/data/index/menu/1144"
    assert rows["O1"][4] == "O1 โครงสร้างและอำนาจหน้าที่ – โครงสร้างส่วนราชการ"
    assert rows["O3"][2] == "มี" and "ควรแก้ไขก่อนส่ง" in rows["O3"][5]
    assert rows["O20"][2] == "ไม่มี" and rows["O20"][3] in (None, "") and "ต้องเผยแพร่" in rows["O20"][5]
    assert rows["O26"][2] == "ตรวจสอบเอง" and "ภาพสแกน" in rows["O26"][5]
    assert rows["O10"][6] == "https://forms.gle/abc123"  # further evidence, one per line
    url_cell = ws.cell(row=2, column=4)
    assert url_cell.hyperlink.target == url_cell.value and url_cell.font.underline == "single"


def test_website_text_is_never_a_formula(tmp_path: Path, scan_result: ScanResult) -> None:
    item = scan_result.items[1]
    hostile = item.model_copy(
        update={
            "title": FORMULAS[0],
            "unknown_reason": FORMULAS[3],
            "gaps": [Gap(kind="data", component="contact.qa", text_th=FORMULAS[1], hint_th=FORMULAS[2])],
            "evidence": [item.evidence[0].model_copy(update={"title": FORMULAS[3]})],
        }
    )
    result = scan_result.model_copy(
        update={"items": [hostile], "site": scan_result.site.model_copy(update={"name": FORMULAS[0] + "\x01\x1b"})}
    )
    path = write_xlsx(result, tmp_path / "r.xlsx")
    _no_formula_anywhere(path)
    wb = load_workbook(path)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in FORMULAS:
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.coordinate)
                    seen.add(cell.value)
    assert seen == set(FORMULAS)
    assert wb["Summary"]["B2"].value == FORMULAS[0]  # control characters dropped, the text kept


def test_changes_since_previous_scan_in_summary(
    tmp_path: Path, previous_result: ScanResult, scored_result: ScanResult
) -> None:
    diff = diff_results(previous_result, scored_result)
    wb = load_workbook(write_xlsx(scored_result, tmp_path / "r.xlsx", diff))
    summary = {row[0]: row[1] for row in _rows(wb["Summary"])[1:] if row[0]}
    assert summary["เทียบกับการตรวจครั้งที่"] == 5
    assert summary["ประเด็นใหม่"] == diff.new_gaps_count == 2 and summary["ประเด็นที่แก้ไขแล้ว"] == 1
    assert summary["ข้อที่เปลี่ยน"] == "O3, O10, O26"


def test_workbook_of_a_real_hostile_scan(hostile_scan: dict[str, Path]) -> None:
    _no_formula_anywhere(hostile_scan["xlsx"])
    wb = load_workbook(hostile_scan["xlsx"])
    name = wb["Summary"]["B2"]
    assert name.value.startswith(FORMULA) and TITLE_SCRIPT in name.value
    assert name.data_type == "s" and name.quotePrefix
    assert len(_rows(wb["ITAS"])) == 27  # header + O1..O26
