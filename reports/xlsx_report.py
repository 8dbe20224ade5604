"""The Excel workbook (openpyxl): Summary, Items, Gaps and ITAS sheets, Thai labels, links clickable.

Website text can start with "=", "+", "-" or "@", which Excel would read as a formula (CSV/formula
injection). Every text cell is therefore stored as a string, never a formula, and such cells also get
Excel's quote prefix so that editing the cell keeps it text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.html_report import safe_href
from reports.models import ScanDiff, ScanResult
from reports.rows import gap_rows, itas_rows, item_rows
from reports.thai import STATUS_TH, thai_date, thai_duration, thai_fiscal_year

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B4F9C")
LINK_FONT = Font(color="0B4F9C", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
STATUS_FILL = {
    "pass": PatternFill("solid", fgColor="E3F3E8"),
    "gap": PatternFill("solid", fgColor="FFF1CC"),
    "missing": PatternFill("solid", fgColor="FDE4E2"),
    "unknown": PatternFill("solid", fgColor="E9E9E9"),
}
# Sheet names are part of the interface: admins and tests look them up by name.
SUMMARY, ITEMS, GAPS, ITAS = "Summary", "Items", "Gaps", "ITAS"


def set_text(cell: Cell | MergedCell, value: Any) -> Cell | MergedCell:
    """Put a value in a cell; text is always stored as text, never as a formula."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters are not allowed in the file
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl turns a string starting with "=" into a formula otherwise
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    return cell


def set_link(cell: Cell | MergedCell, url: str | None) -> Cell | MergedCell:
    """A URL cell: clickable when it is a plain http(s) URL, otherwise shown as inert text."""
    set_text(cell, url or "")
    if url and safe_href(url):
        cell.hyperlink = url
        cell.font = LINK_FONT
    return cell


def _table(ws: Worksheet, headers: Sequence[tuple[str, int]], rows: Sequence[Sequence[Any]], links: set[int]) -> None:
    """Header row (bold, frozen, filtered), then rows; column `i` in `links` holds URLs."""
    for col, (title, width) in enumerate(headers, start=1):
        cell = set_text(ws.cell(row=1, column=col), title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col)
            if col - 1 in links:
                set_link(cell, value)
            else:
                set_text(cell, value)
            cell.alignment = WRAP
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def _summary_sheet(ws: Worksheet, result: ScanResult, diff: ScanDiff | None) -> None:
    score = result.score
    counts = result.counts()
    rows: list[tuple[str, Any]] = [
        ("หน่วยงาน", result.site.name or ""),
        ("เว็บไซต์หลัก", result.site.url),
        ("ปีที่ประเมิน", f"ITA {result.assessment_year}"),
        ("ปีงบประมาณ", thai_fiscal_year(result.fiscal_year)),
        ("ข้อมูล ณ วันที่", thai_date(result.as_of)),
        ("เกณฑ์ที่ใช้", f"เกณฑ์ ITA ปี {result.criteria.year}" + (" (ชั่วคราว)" if result.criteria.provisional else "")),
        ("คะแนน OIT โดยประมาณ", score.oit_estimate if score and score.oit_estimate is not None else "ไม่ได้คำนวณ"),
        ("ระดับ", (score.grade or "") + (f" ({score.grade_th})" if score and score.grade_th else "") if score else ""),
    ]
    if score and score.complete is False and score.oit_if_unknown_pass is not None:
        rows.append(("สูงสุดหากข้อที่ตรวจสอบไม่ได้ผ่าน", score.oit_if_unknown_pass))
    rows += [(f"จำนวนข้อ: {STATUS_TH[s]}", n) for s, n in counts.items()]
    rows += [("จำนวนข้อทั้งหมด", len(result.items))]
    if diff is not None:
        rows += [
            ("เทียบกับการตรวจครั้งที่", diff.old_scan_id if diff.old_scan_id is not None else "ครั้งก่อน"),
            ("ประเด็นใหม่", diff.new_gaps_count),
            ("ประเด็นที่แก้ไขแล้ว", diff.fixed_gaps_count),
            ("ข้อที่เปลี่ยน", ", ".join(c.code for c in diff.changes) or "ไม่มี"),
        ]
    rows += [
        ("หน้าเว็บที่อ่าน", result.crawl.pages),
        ("เอกสารที่อ่าน", result.crawl.documents),
        ("ข้อผิดพลาดระหว่างสำรวจ", result.crawl.errors),
        ("เวลาที่ใช้", thai_duration(result.crawl.duration_s)),
        ("การตรวจครั้งที่", result.scan_id if result.scan_id is not None else ""),
        ("สร้างโดย", f"{result.tool.name} {result.tool.version}"),
        ("หมายเหตุ", "คะแนนประมาณจากการตรวจเว็บไซต์โดยอัตโนมัติ ไม่ใช่ผลการประเมินของสำนักงาน ป.ป.ช."),
    ]
    _table(ws, [("หัวข้อ", 34), ("ค่า", 70)], rows, links=set())
    set_link(ws.cell(row=3, column=2), result.site.url)  # the site URL row, clickable
    for finding in result.crawl.findings:
        ws.append([])
        set_text(ws.cell(row=ws.max_row, column=1), "ข้อสังเกต")
        set_text(ws.cell(row=ws.max_row, column=2), finding).alignment = WRAP


def _items_sheet(ws: Worksheet, result: ScanResult) -> None:
    headers = [("ข้อ", 7), ("รายการ", 46), ("ผลการตรวจ", 18), ("ประเด็น", 9), ("คะแนนที่จะได้เพิ่ม", 12),
               ("ความเชื่อมั่นของเกณฑ์", 12), ("ตัวชี้วัดย่อย", 10), ("หลักฐานหลัก", 60), ("เหตุที่ตรวจสอบไม่ได้", 40)]  # fmt: skip
    rows = [
        (r.code, r.title, r.status_th, r.gaps, r.gain, r.confidence, r.subindicator, r.evidence_url, r.unknown_reason)
        for r in item_rows(result)
    ]
    _table(ws, headers, rows, links={7})
    for r, row in enumerate(item_rows(result), start=2):
        ws.cell(row=r, column=3).fill = STATUS_FILL[row.status]


def _gaps_sheet(ws: Worksheet, result: ScanResult) -> None:
    headers = [("ข้อ", 7), ("รายการ", 36), ("ประเภท", 14), ("องค์ประกอบ", 30), ("ประเด็นที่ไม่ผ่าน", 60),
               ("แนวทางแก้ไข", 50), ("หลักฐาน", 50), ("English", 40)]  # fmt: skip
    rows = [
        (g.code, g.title, g.kind_th, g.component_label or g.component, g.text_th, g.hint_th, g.evidence_url, g.text_en)
        for g in gap_rows(result)
    ]
    _table(ws, headers, rows, links={6})


def _itas_sheet(ws: Worksheet, result: ScanResult) -> None:
    headers = [("ข้อ", 7), ("รายการ", 40), ("คำตอบใน ITAS", 14), ("URL ที่ส่ง", 60), ("คำอธิบาย", 60),
               ("หมายเหตุ", 50), ("URL อื่นที่พบ", 60)]  # fmt: skip
    rows = [
        (r.code, r.title, r.answer_th, r.url, r.description_th, r.note_th, "\n".join(r.more_urls))
        for r in itas_rows(result)
    ]
    _table(ws, headers, rows, links={3})


def build_workbook(result: ScanResult, diff: ScanDiff | None = None) -> Workbook:
    """The workbook in memory: Summary, Items, Gaps, ITAS."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = SUMMARY
    _summary_sheet(summary, result, diff)
    _items_sheet(wb.create_sheet(ITEMS), result)
    _gaps_sheet(wb.create_sheet(GAPS), result)
    _itas_sheet(wb.create_sheet(ITAS), result)
    title = f"OIT {result.assessment_year} {result.site.name or result.site.url}"
    wb.properties.title = ILLEGAL_CHARACTERS_RE.sub("", title)[:250]
    wb.properties.creator = f"{result.tool.name} {result.tool.version}"
    return wb


def write_xlsx(result: ScanResult, path: str | os.PathLike[str], diff: ScanDiff | None = None) -> Path:
    """Write the workbook, creating parent folders; returns the path written."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_workbook(result, diff).save(out)
    return out
