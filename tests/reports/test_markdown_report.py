"""The Markdown summary for e-mail and chat."""

from __future__ import annotations

import re
from pathlib import Path

from oit.watch.diff import diff_results
from reports.markdown_report import md_text, md_url, render_markdown, write_markdown
from reports.models import ScanResult


def test_summary_content(scored_result: ScanResult) -> None:
    text = render_markdown(scored_result)
    lines = text.splitlines()
    assert lines[0] == "**รายงานผลการตรวจ OIT เบื้องต้น: เทศบาลตำบลนากลาง**"
    assert lines[1] == "ITA 2569 · ข้อมูล ณ 30 เม.ย. 2569" and lines[2] == "https://www.nakhlang.go.th"
    assert "คะแนน OIT โดยประมาณ: **8.33** ระดับ **F** (ต้องปรับปรุงโดยด่วน)" in text
    assert "สูงสุด 33.33 หากข้อที่ตรวจสอบไม่ได้ผ่านทั้งหมด" in text
    assert "ผ่าน 1 · ไม่ครบองค์ประกอบ 3 · ไม่พบข้อมูล 1 · ตรวจสอบไม่ได้ 1" in text
    assert "  - ไม่ครบองค์ประกอบด้านเวลา - เป็นข้อมูลปีงบประมาณ พ.ศ. 2567" in lines
    assert "    แนวทางแก้ไข: เผยแพร่รายงานสรุปผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568" in lines
    assert "  - เหตุ: ไฟล์ PDF เป็นภาพสแกนที่อ่านข้อความไม่ได้" in lines
    # largest gain first: O20 and O26 (+25) before O10/O12 (+16.67) before O3 (+8.33); O1 passed, not listed
    order = [line.split("**")[1] for line in lines if line.startswith("- **")]
    assert order == ["O20", "O26", "O10", "O12", "O3"]
    assert "- หลักฐาน: https://www.nakhlang.go.th/contact" in text.replace("  - หลักฐาน", "- หลักฐาน")


def test_changes_line(previous_result: ScanResult, scored_result: ScanResult) -> None:
    text = render_markdown(scored_result, diff_results(previous_result, scored_result))
    assert "เทียบกับการตรวจครั้งที่ 5 (31 มี.ค. 2569): คะแนน 33.33 → 8.33 (-25.00)" in text
    assert "ประเด็นใหม่ 2 · แก้ไขแล้ว 1 · ข้อที่เปลี่ยน O3, O10, O26" in text
    same = render_markdown(scored_result, diff_results(scored_result, scored_result))
    assert "ไม่มีการเปลี่ยนแปลง" in same


def test_website_text_cannot_add_markup_or_links(hostile_result: ScanResult) -> None:
    text = render_markdown(hostile_result)
    assert re.findall(r"(?<!\\)[<>\[\]]", text) == []
    assert r"\<script\>alert\(1\)" not in text and r"\<script\>alert(1)\</script\>" in text
    assert "javascript:" not in text.lower() and "data:text" not in text
    assert md_text("[คลิก](https://evil.example) *ตัวหนา* `code`\nบรรทัดใหม่\u202e") == (
        r"\[คลิก\](https://evil.example) \*ตัวหนา\* \`code\` บรรทัดใหม่"
    )
    assert md_url("https://x.go.th/a<b>") == "https://x.go.th/a%3Cb%3E" and md_url("javascript:alert(1)") is None


def test_real_hostile_scan_markdown(hostile_scan: dict[str, Path]) -> None:
    text = hostile_scan["md"].read_text(encoding="utf-8")
    assert text.startswith("**รายงานผลการตรวจ OIT เบื้องต้น: =HYPERLINK")
    assert re.findall(r"(?<!\\)[<>]", text) == [] and "\\<script\\>" in text  # every < and > escaped


def test_write_markdown(tmp_path: Path, scored_result: ScanResult) -> None:
    path = write_markdown(scored_result, tmp_path / "x" / "s.md")
    assert path.read_text(encoding="utf-8") == render_markdown(scored_result)
