"""`oit rules`: the catalog printed in Thai, with time rules for the assessed year and confidences."""

from rich.console import Console
from typer.testing import CliRunner

from oit.cli import app
from reports.rules_table import print_catalog, time_rule_th
from rules.catalog import load_catalog


def render(year: int) -> str:
    console = Console(record=True, width=200)
    print_catalog(load_catalog(year), year, console)
    return console.export_text()


def test_every_item_with_components_time_rule_and_confidence():
    text = render(2569)
    for code in range(1, 27):
        assert f"O{code} " in text
    assert "contact.qa" in text and "ไม่ผ่านเมื่อ: ช่องทางถาม-ตอบ" in text
    assert "ครอบคลุม ต.ค. 2568 – มี.ค. 2569" in text  # O11's first half, in the year's own months
    assert "S พบจากหลายแหล่ง" in text
    assert "manual.service.fee" in text and "complaint.guideline" in text  # sub-fields listed under their parent


def test_provisional_year_says_so_and_moves_the_windows():
    text = render(2570)
    assert "เกณฑ์ปี 2570 ยังไม่ประกาศ" in text
    assert "ข้อมูลปีงบประมาณ พ.ศ. 2569 (ปีที่ผ่านมา)" in text  # previous_fy judged against 2570


def test_time_rule_wording():
    assert time_rule_th("previous_fy", 2569) == "ข้อมูลปีงบประมาณ พ.ศ. 2568 (ปีที่ผ่านมา)"
    assert time_rule_th("none", 2569) == "ไม่มีองค์ประกอบด้านเวลา"


def test_cli_rules_unknown_year_is_a_clear_error():
    result = CliRunner().invoke(app, ["rules", "--year", "2550"])
    assert result.exit_code == 2 and "ไม่มีเกณฑ์สำหรับปี 2550" in result.output
    assert CliRunner().invoke(app, ["rules", "--year", "2569"]).exit_code == 0
