"""reports.history_console: `oit history` and `oit diff` in the terminal (Thai, Bangkok time, no markup from sites)."""

from __future__ import annotations

import io
from datetime import date, datetime

from rich.console import Console

from oit.watch.diff import diff_results
from reports.history_console import bangkok_time, history_table, print_diff
from reports.models import ScanSummary
from rules.results import Gap
from tests.oit.sample import EXEC_PAGE, NO_PHOTO, NO_QA, SITE, item, result


def render(renderable_or_fn, **kwargs) -> str:  # type: ignore[no-untyped-def]
    console = Console(record=True, width=160, file=io.StringIO(), force_terminal=True)
    if callable(renderable_or_fn):
        renderable_or_fn(console=console, **kwargs)
    else:
        console.print(renderable_or_fn)
    return console.export_text()


def summary(scan_id: int, state: str, started: datetime, **extra) -> ScanSummary:  # type: ignore[no-untyped-def]
    values = {
        "scan_id": scan_id,
        "site_url": SITE,
        "site_name": "อบต.หนองบัวแดง",
        "state": state,
        "started_at": started,
        "finished_at": None,
        "assessment_year": 2569,
        "as_of": date(2026, 5, 15),
        "score": None,
        "grade": None,
        "counts": {},
        "error": None,
    }
    return ScanSummary(**{**values, **extra})


def test_stored_utc_is_shown_in_bangkok_time_with_buddhist_year():
    assert bangkok_time(datetime(2026, 5, 14, 19, 30)) == "15 พ.ค. 2569 02:30"  # 19:30 UTC = 02:30 next day


def test_history_table_rows():
    scans = [
        summary(2, "failed", datetime(2026, 5, 15, 19, 0), error="เปิดหน้าแรกของเว็บไซต์ไม่ได้: ConnectTimeout"),
        summary(
            1,
            "done",
            datetime(2026, 5, 14, 19, 0),
            score=66.67,
            grade="C",
            counts={"pass": 19, "gap": 6, "missing": 0, "unknown": 1},
        ),
    ]
    text = render(history_table(scans))
    lines = [line for line in text.splitlines() if "2569" in line and "│" in line]
    assert "ไม่สำเร็จ" in lines[0] and "ConnectTimeout" in lines[0] and "16 พ.ค. 2569 02:00" in lines[0]
    cells = [cell.strip() for cell in lines[1].split("│")]
    assert cells[3:9] == ["เสร็จ", "66.67", "C", "6", "0", "1"]  # state, score, grade, gap, missing, unknown


def test_diff_lists_changes_without_interpreting_site_text():
    hostile = Gap(kind="data", component="exec.name", text_th="[bold red]ปลอม[/] \x1b[2J ชื่อผู้บริหาร")
    old = result(1, [item("O2", "pass", evidence=[EXEC_PAGE]), item("O3", "gap", [NO_QA])], score=70.0)
    new = result(2, [item("O2", "gap", [NO_PHOTO, hostile], [EXEC_PAGE]), item("O3", "pass")])
    diff = diff_results(old, new, {EXEC_PAGE: "HTTP 404"})
    text = render(print_diff, diff=diff, old=None, new=None)
    assert "เปรียบเทียบการสแกนครั้งที่ 1 กับครั้งที่ 2" in text
    assert "70.00 (C) → 66.67 (C)  -3.33" in text
    assert "ผลการตรวจ: ผ่าน → ไม่ครบองค์ประกอบ" in text and "+ ประเด็นใหม่: ไม่ครบองค์ประกอบด้านข้อมูล" in text
    assert "✓ แก้ไขแล้ว: ไม่เป็นไปตามหลักเกณฑ์ - ช่องทางถาม-ตอบ" in text
    assert f"! หลักฐานเปิดไม่ได้ (HTTP 404): {EXEC_PAGE}" in text
    assert "[bold red]ปลอม[/]" in text and "\x1b[2J" not in text
    assert "สรุป: ประเด็นใหม่ 2 · แก้ไขแล้ว 1 · หลักฐานเปิดไม่ได้ 1" in text


def test_an_empty_diff_says_so():
    same = [item("O2", "pass")]
    assert "ไม่มีการเปลี่ยนแปลง / no changes" in render(
        print_diff, diff=diff_results(result(1, same), result(2, same)), old=None, new=None
    )
