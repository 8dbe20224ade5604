"""Thai dates at their edges: every way a month is written, ISO dates at the calendar's limits, and what may or
may not date the yearless months of a monthly table.

The month alternatives (`_month_pattern`) are compiled once when rules.thaidates is imported, so a change to them
is seen only by compiling them again: the first tests read real month forms with the pattern as built.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from rules.thaicalendar import THAI_MONTHS
from rules.thaidates import _month_pattern, find_dates, scan_dates, table_months

# Abbreviations as a สารบรรณ letter writes them ("ต.ค."), with a space after a dot ("ต. ค."), and without the
# final dot at the end of a table cell ("ม.ค")
DOTTED = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
DOTLESS = ["มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"]


def _month_of(text: str) -> str | None:
    found = re.search(_month_pattern(), text)
    return found["mon"] if found else None


@pytest.mark.parametrize("name", [*THAI_MONTHS, "กรกฏาคม", "กุมภาพันธ"])
def test_every_full_month_name_is_read_whole(name: str) -> None:
    assert _month_of(f"ประกาศ ณ วันที่ 1 {name} 2568") == name


def test_the_longest_name_wins_over_a_name_cut_short() -> None:
    # "กุมภาพันธ" (the ์ lost by a PDF's text layer) is a prefix of the right spelling: read the whole word, or the
    # year after it is lost
    assert _month_of("สั่ง ณ วันที่ 17 กุมภาพันธ์ พ.ศ. 2564") == "กุมภาพันธ์"
    assert [(s.start, s.kind) for s in find_dates("สั่ง ณ วันที่ 17 กุมภาพันธ์ พ.ศ. 2564")] == [(date(2021, 2, 17), "day")]


@pytest.mark.parametrize("month", range(12))
def test_every_dotted_abbreviation_is_a_month(month: int) -> None:
    dotted = DOTTED[month]
    assert _month_of(f"ข้อมูล ณ {dotted} 2568") == dotted
    assert _month_of(f"ข้อมูล ณ {dotted[:-1]}\t") == dotted[:-1]  # the cell's last dot dropped
    spaced = dotted.replace(".", ". ", 1)
    assert _month_of(f"ข้อมูล ณ {spaced} 68") == spaced


@pytest.mark.parametrize("month", range(12))
def test_every_dotless_abbreviation_before_a_year_is_a_month(month: int) -> None:
    dotless = DOTLESS[month]
    assert _month_of(f"ผลการดำเนินงาน {dotless} 68") == dotless
    assert _month_of(f"ผลการดำเนินงานเดือน{dotless}.2568") is None  # a dot is no year: "มค." alone is not read
    assert _month_of(f"ความคิด{dotless} 68") is None  # inside a word it is two letters of the word


def test_an_organisation_abbreviation_is_no_month() -> None:
    assert _month_of("มติ ก.พ.ร. ครั้งที่ 2") is None
    assert _month_of("สำนักงาน อ.ส.ค. สาขา") is None


# --- ISO dates (a CMS writes "2025-12-31" in its posts' metadata) ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("เผยแพร่เมื่อ 2025-01-01 เวลา 09.30 น.", date(2025, 1, 1)),
        ("เผยแพร่เมื่อ 2025-12-31 เวลา 16.30 น.", date(2025, 12, 31)),
        ("แก้ไขล่าสุด 2024-02-29", date(2024, 2, 29)),  # a leap year's 29 February
    ],
)
def test_an_iso_date_at_the_calendar_edges_is_a_day(text: str, day: date) -> None:
    assert [(s.start, s.end, s.kind) for s in find_dates(text)] == [(day, day, "day")]


def test_an_iso_date_with_no_such_month_is_neither_a_date_nor_an_error() -> None:
    # "2025-13-01" is a code or a version, not a date anybody wrote wrong
    scan = scan_dates("รหัสเอกสาร 2025-13-01 และ 2025-00-10")
    assert scan.spans == []
    assert scan.invalid == []


def test_an_iso_date_with_an_implausible_year_is_not_read() -> None:
    scan = scan_dates("เลขที่ 1850-01-15")
    assert scan.spans == []
    assert scan.invalid == []


@pytest.mark.parametrize("text", ["แก้ไขล่าสุด 2023-02-29", "แก้ไขล่าสุด 2025-04-31"])
def test_an_iso_date_that_cannot_exist_is_reported(text: str) -> None:
    # 2023 is no leap year, April has 30 days
    scan = scan_dates(text)
    assert scan.spans == []
    [invalid] = scan.invalid
    assert invalid.text == text.split()[-1]
    assert invalid.pos == text.index(invalid.text)
    assert (invalid.reason_th, invalid.reason_en) == ("ไม่มีวันที่นี้ในปฏิทิน", "no such day in the calendar")


# --- what places the yearless months of a monthly table (table_months) ----------------------------------------------
def _rows(text: str, fiscal_year: int | None = None) -> list[tuple[str, str]]:
    return [(f"{s.start:%Y-%m}", s.text) for s in table_months(text, fiscal_year)]


def test_an_impossible_iso_date_places_no_month_after_it() -> None:
    # 2025 is no leap year: the date above the table is reported, and it dates nothing
    assert _rows("ข้อมูล ณ วันที่ 2025-02-29\nมีนาคม 5 3\nเมษายน 4 1") == []
    assert _rows("ข้อมูล ณ วันที่ 2025-02-28\nมีนาคม 5 3\nเมษายน 4 1") == [("2025-03", "มีนาคม"), ("2025-04", "เมษายน")]


def test_a_quarter_with_no_fiscal_year_in_sight_leaves_the_title_s_year_in_place() -> None:
    text = "สรุปผลการดำเนินงาน ไตรมาสที่ 2\nมกราคม 7 5\nกุมภาพันธ์ 8 3\nมีนาคม 6 4"
    assert _rows(text, 2569) == [("2026-01", "มกราคม"), ("2026-02", "กุมภาพันธ์"), ("2026-03", "มีนาคม")]


def test_a_law_s_year_in_the_heading_does_not_date_the_rows() -> None:
    # "พ.ศ. 2540" is the Act's title, not the table's year: the rows stay in the fiscal year the title names
    text = "สถิติการขอข้อมูลข่าวสารตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐\nตุลาคม ๓ ๓\nพฤศจิกายน ๒ ๒"
    assert _rows(text, 2569) == [("2025-10", "ตุลาคม"), ("2025-11", "พฤศจิกายน")]


def test_a_plan_period_in_the_heading_does_not_date_the_rows() -> None:
    # a range of years names no one fiscal year: the title's stays in place
    text = "โครงการตามแผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)\nตุลาคม 3 3\nพฤศจิกายน 2 2"
    assert _rows(text, 2569) == [("2025-10", "ตุลาคม"), ("2025-11", "พฤศจิกายน")]


def test_a_row_number_a_wide_column_before_a_date_is_no_count_run_into_a_month() -> None:
    # pdftotext -layout sets a list's number column eight spaces before its date column: the dates are days of
    # meetings, not the rows of a monthly table
    text = "  1        5 มีนาคม 2569    ประชุมสภาสมัยสามัญ สมัยที่ 1\n  2        9 มีนาคม 2569    ประชุมประชาคมหมู่บ้าน"
    assert _rows(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a complaint statistics table: month, then the count of the month, one column
        "สถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. 2569\nเดือน จำนวน\nตุลาคม 3\nพฤศจิกายน 5\nธันวาคม 0\nมกราคม 2"
        "\nกุมภาพันธ์ 4\nมีนาคม 12\nเมษายน 7",
        # the same in Thai digits, as typed in Word
        "สถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nเดือน จำนวน\nตุลาคม ๓\nพฤศจิกายน ๕\nธันวาคม ๐\nมกราคม ๒"
        "\nกุมภาพันธ์ ๔\nมีนาคม ๑๒\nเมษายน ๗",
    ],
)
def test_a_month_whose_only_cell_is_a_two_digit_count_is_a_row_of_the_table(text: str) -> None:
    # "มีนาคม 12" is 12 complaints in March, not March 2512: it is the table's March, and April follows it in 2569
    assert [month for month, _ in _rows(text)] == [
        "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"
    ]  # fmt: skip
