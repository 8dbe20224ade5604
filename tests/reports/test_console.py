from __future__ import annotations

import io

import pytest
from rich.console import Console

from reports.console import CrawlProgress, print_summary
from reports.models import ScanResult
from rules.results import STATUS_TH


def _render(result: ScanResult, **kwargs: object) -> str:
    console = Console(record=True, width=120, file=io.StringIO())
    print_summary(result, console=console, **kwargs)  # type: ignore[arg-type]
    return console.export_text()


def test_summary_lists_codes_and_thai_statuses(scan_result: ScanResult) -> None:
    text = _render(scan_result)
    for item in scan_result.items:
        assert item.code in text
    for status_th in STATUS_TH.values():
        assert status_th in text
    assert "ไม่ปรากฏรายละเอียดวิธีการใช้งานระบบการให้บริการ" in text  # first gap of O10
    assert "รายงานสรุปผลการจัดซื้อจัดจ้าง" in text
    assert "ไฟล์ PDF เป็นภาพสแกน" in text  # first "finding" of the unknown item
    assert "ผ่าน 1 · ไม่ครบองค์ประกอบ 3 · ไม่พบข้อมูล 1 · ตรวจสอบไม่ได้ 1" in text
    assert "33.33" in text and "ระดับ F" in text
    assert "412 หน้า" in text
    assert "ใบรับรอง TLS ของเว็บไซต์หมดอายุ" in text
    assert "ใช้เกณฑ์ชั่วคราว" not in text


def test_summary_provisional_and_report_paths(provisional_result: ScanResult) -> None:
    text = _render(provisional_result, report_paths={"html": "out/report.html", "json": "out/scan.json"})
    assert "ใช้เกณฑ์ชั่วคราว: เกณฑ์ปี 2570 ยังไม่ประกาศ ใช้เกณฑ์ปี 2569" in text
    assert "out/report.html" in text and "out/scan.json" in text
    assert "คะแนน OIT" not in text


def test_summary_colours_statuses(scan_result: ScanResult) -> None:
    console = Console(record=True, width=120, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    print_summary(scan_result, console=console)
    html = console.export_html(inline_styles=True)
    assert "ไม่พบข้อมูล" in html and "color: #800000" in html  # red


def test_summary_does_not_interpret_website_text(scan_result: ScanResult) -> None:
    item = scan_result.items[0].model_copy(update={"title": "[bold red]ปลอม[/] \x1b[2J\u202eสลับ"})
    result = scan_result.model_copy(update={"items": [item]})
    console = Console(record=True, width=120, file=io.StringIO(), force_terminal=True)
    print_summary(result, console=console)
    text = console.export_text()
    assert "[bold red]ปลอม[/]" in text
    assert "\x1b[2J" not in console.file.getvalue()  # type: ignore[attr-defined]
    assert "\u202e" not in text


def test_progress_is_silent_when_not_a_terminal() -> None:
    out = io.StringIO()
    console = Console(file=out, width=120)
    assert not console.is_terminal
    with CrawlProgress(console) as progress:
        assert not progress.enabled
        for n in range(200):
            progress.update(pages=n, documents=n // 3, queued=500 - n, current_url=f"https://x.go.th/p/{n}")
    assert out.getvalue() == ""


def test_progress_on_a_terminal_is_transient() -> None:
    out = io.StringIO()
    console = Console(file=out, width=120, force_terminal=True)
    with CrawlProgress(console) as progress:
        assert progress.enabled
        progress.update(pages=3, documents=1, queued=10, current_url="https://x.go.th/[bold]\x1b[2J" + "a" * 200)
        progress._progress.refresh()
        shown = out.getvalue()
    assert "หน้า 3 · เอกสาร 1 · รอคิว 10" in shown
    assert "[bold]" in shown  # the URL is not read as markup
    assert "\x1b[2J" not in shown


def test_progress_update_outside_with_block() -> None:
    progress = CrawlProgress(Console(file=io.StringIO()))
    with pytest.raises(RuntimeError):
        progress.update(pages=1, documents=0, queued=0, current_url="https://x.go.th")


def test_gap_list_prints_every_gap_in_full_with_hint(scan_result: ScanResult) -> None:
    from reports.console import gap_list
    from reports.thai import clean_text

    result = scan_result
    text = gap_list(result).plain
    assert any(item.gaps for item in result.items)
    for item in result.items:
        for gap in item.gaps:
            assert clean_text(gap.text_th) in text
            if gap.hint_th:
                assert clean_text(gap.hint_th) in text


def test_summary_shows_estimate_grade_range_and_subindicators(scored_result: ScanResult) -> None:
    text = " ".join(_render(scored_result).split())
    assert "คะแนน OIT โดยประมาณ: 8.33 ระดับ F (ต้องปรับปรุงโดยด่วน)" in text
    assert (
        "คะแนนประมาณการ 8.33 (นับข้อที่ตรวจสอบไม่ได้เป็น 0) สูงสุด 33.33 ระดับ F หากข้อที่ตรวจสอบไม่ได้ผ่านทั้งหมด"
        " (ตรวจสอบไม่ได้ 1 ข้อ)" in text
    )
    assert "ตัวชี้วัดย่อย: 9.1 50.00 · 9.2 0.00 · 9.3 0.00 · 10.1 0.00 · 10.2 0.00" in text
    assert "ระดับความเชื่อมั่น I" in text


def test_summary_mentions_not_implemented_items(scored_result: ScanResult) -> None:
    assert scored_result.score is not None
    score = scored_result.score.model_copy(update={"not_implemented": 1})
    text = " ".join(_render(scored_result.model_copy(update={"score": score})).split())
    assert "(ตรวจสอบไม่ได้ 1 ข้อ ในจำนวนนี้ยังไม่รองรับการตรวจ 1 ข้อ)" in text


def test_contract_only_score_has_no_range(scan_result: ScanResult) -> None:
    text = _render(scan_result)  # a contract-only score: complete is not known, no range is claimed
    assert "สูงสุด" not in text and "คะแนนประมาณการ" not in text


def test_gap_list_sorted_by_gain_with_points(scored_result: ScanResult) -> None:
    from reports.console import gap_list

    text = gap_list(scored_result).plain
    heads = [line.split()[0] for line in text.splitlines() if line[:1] == "O"]
    assert heads == ["O20", "O10", "O12", "O3"]  # 25, 16.67, 16.67 (catalog order on ties), 8.33
    assert "O20 การขับเคลื่อนนโยบาย No Gift Policy จากการปฏิบัติหน้าที่  แก้ข้อนี้จะได้เพิ่มประมาณ 25.00 คะแนน" in text
    assert "แก้ข้อนี้จะได้เพิ่มประมาณ 8.33 คะแนน" in text


def test_gap_list_without_gains_keeps_catalog_order(scan_result: ScanResult) -> None:
    from reports.console import gap_list

    text = gap_list(scan_result).plain
    heads = [line.split()[0] for line in text.splitlines() if line[:1] == "O"]
    assert heads == ["O3", "O10", "O12", "O20"]
    assert "แก้ข้อนี้" not in text
