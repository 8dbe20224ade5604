"""The gaps as CSV: one row per gap, UTF-8 with a byte-order mark so that Excel shows Thai correctly.

A cell that starts with "=", "+", "-", "@", tab or carriage return gets a leading apostrophe, the usual
defence against CSV formula injection (a spreadsheet would otherwise run website text as a formula).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from reports.models import ScanResult
from reports.rows import gap_rows

HEADERS = ("ข้อ", "รายการ", "ผลการตรวจ", "ประเภท", "องค์ประกอบ", "ประเด็นที่ไม่ผ่าน", "แนวทางแก้ไข", "หลักฐาน", "English")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str | None) -> str:
    """The cell text, with an apostrophe in front when a spreadsheet would read it as a formula."""
    text = value or ""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def to_csv(result: ScanResult) -> str:
    """The CSV text (without the byte-order mark; write_csv adds it)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for g in gap_rows(result):
        row = (g.code, g.title, g.status_th, g.kind_th, g.component_label or g.component, g.text_th, g.hint_th,
               g.evidence_url, g.text_en)  # fmt: skip
        writer.writerow([neutralise(v) for v in row])
    return buf.getvalue()


def write_csv(result: ScanResult, path: str | os.PathLike[str]) -> Path:
    """Write the CSV as UTF-8 with BOM, creating parent folders; returns the path written."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_csv(result), encoding="utf-8-sig", newline="")
    return out
