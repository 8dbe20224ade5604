"""Months of a monthly table placed in their year (rules/thaidates.py, `table_months`), by whatever dates the table.

A complaint-statistics table (O18) or a procurement summary (O11) writes the year once: in a heading that names
the fiscal year, a quarter or a half-year of it, a range of months, or on its first row. Each month row is placed
by the nearest dated thing above it, and returned as the whole month, where it is written.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules.thaidates import DateSpan, table_months


def _months(text: str, fiscal_year: int | None = None, *, thai_digits: bool = True) -> list[tuple[str, str]]:
    return [(f"{s.start:%Y-%m}", s.text) for s in table_months(text, fiscal_year, thai_digits=thai_digits)]


def test_each_row_is_the_whole_month_where_it_is_written() -> None:
    text = "ตุลาคม 2568 1 1 0 พฤศจิกายน 0 0 0 ธันวาคม 0 0 0 กุมภาพันธ์ 2 2 0"
    assert table_months(text) == [
        DateSpan(date(2025, 11, 1), date(2025, 11, 30), "month", "พฤศจิกายน", text.index("พฤศจิกายน")),
        DateSpan(date(2025, 12, 1), date(2025, 12, 31), "month", "ธันวาคม", text.index("ธันวาคม")),
        DateSpan(date(2026, 2, 1), date(2026, 2, 28), "month", "กุมภาพันธ์", text.index("กุมภาพันธ์")),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quarter of the fiscal year heads the table
        (
            "รายงานสถิติเรื่องร้องเรียน ไตรมาสที่ 2 ปีงบประมาณ 2569 มกราคม 2 2 กุมภาพันธ์ 0 0 มีนาคม 1 1",
            [("2026-01", "มกราคม"), ("2026-02", "2 กุมภาพันธ์"), ("2026-03", "มีนาคม")],
        ),
        # the first half-year: October to December are of the year before
        (
            "รายงานรอบ 6 เดือนแรก ปีงบประมาณ 2569 ตุลาคม 2 2 พฤศจิกายน 0 0 ธันวาคม 1 1 มกราคม 3 3",
            [("2025-10", "ตุลาคม"), ("2025-11", "2 พฤศจิกายน"), ("2025-12", "ธันวาคม"), ("2026-01", "1 มกราคม")],
        ),
        # a range of months: its rows start at its first month
        (
            "ระหว่างเดือน ตุลาคม 2568 ถึง มีนาคม 2569 ต.ค. 3 3 พ.ย. 1 1 ธ.ค. 0 0 ม.ค. 2 2",
            [("2025-10", "ต.ค."), ("2025-11", "3 พ.ย."), ("2025-12", "1 ธ.ค."), ("2026-01", "ม.ค.")],
        ),
        # rows with their short year ("ต.ค. 68") under the fiscal year's heading; a count ran into some of them
        (
            "สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ พ.ศ. 2569 เดือน จำนวน ต.ค. 68 3 พ.ย. 68 1 ธ.ค. 2 2 ม.ค. 69 0 ก.พ. 1 1",
            [("2025-11", "3 พ.ย. 68"), ("2025-12", "1 ธ.ค."), ("2026-01", "2 ม.ค. 69"), ("2026-02", "ก.พ.")],
        ),
        # counts that look like a short year next to the year above them are counts
        (
            "ตุลาคม 2568 1 1 0 พฤศจิกายน 25 24 1 ธันวาคม 26 26 0 มกราคม 2 2 0",
            [("2025-11", "พฤศจิกายน 25"), ("2025-12", "1 ธันวาคม 26"), ("2026-01", "มกราคม")],
        ),
        # a day range is a date, not a month's row
        ("สถิติ ปี 2569 รอบวันที่ 1 - 15 มกราคม 3 3 กุมภาพันธ์ 1 1", [("2026-02", "3 กุมภาพันธ์")]),
    ],
    ids=["quarter", "half-year", "range", "short-years", "counts", "day-range"],
)
def test_months_are_placed_by_the_heading_above_them(text: str, expected: list[tuple[str, str]]) -> None:
    assert _months(text) == expected


def test_a_heading_in_thai_digits_read_by_ocr_is_skipped_and_the_rows_still_read() -> None:
    # OCR misreads Thai digits (๒๕๖๙ -> ๒๕๐๕): the heading's year is not used, the first row's year is
    text = "สถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ ตุลาคม 2568 1 1 0 พฤศจิกายน 0 0 0 ธันวาคม 2 2 0"
    assert _months(text, thai_digits=False) == [("2025-11", "พฤศจิกายน"), ("2025-12", "ธันวาคม")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pdftotext's cells: a tab between them, a row a line. A row with its short year is dated (and dates the
        # rows after it); only the rows without one are placed.
        (
            "สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ พ.ศ. 2569\nเดือน\tรับเรื่อง\tดำเนินการแล้ว\n"
            "ต.ค. 68\t3\t3\nพ.ย. 68\t1\t1\nธ.ค.\t2\t2\nม.ค. 69\t0\t0\nก.พ.\t1\t1",
            [("2025-12", "ธ.ค."), ("2026-02", "ก.พ.")],
        ),
        # no heading: the first row's short year dates the table
        ("ต.ค. 68\t3\t3\t0\nพ.ย.\t1\t1\t0\nธ.ค.\t0\t0\t0", [("2025-11", "พ.ย."), ("2025-12", "ธ.ค.")]),
        # rows dated by the row above, in a short year of the same or the year before: dated, not placed
        ("ตุลาคม 2568\t1\t1\nพฤศจิกายน 68\t2\t2\nธันวาคม 67\t0\t0", []),
        # a month of another year in a note under the table is no row of it
        (
            "สถิติ ประจำปีงบประมาณ 2569\nตุลาคม\t2\t2\nพฤศจิกายน\t1\t1\nยอดยกมาจาก กันยายน 2566\t4\t4",
            [("2025-10", "ตุลาคม"), ("2025-11", "พฤศจิกายน")],
        ),
        # a city's 67 complaints in March: a count, two years off the table's year, not the year 2567
        (
            "สถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. 2569\nมกราคม\t12\t10\nกุมภาพันธ์\t9\t9\nมีนาคม 67 60 7",
            [("2026-01", "มกราคม"), ("2026-02", "กุมภาพันธ์"), ("2026-03", "มีนาคม 67")],
        ),
        # a page of the table that starts inside a row: the count before the month made it a day
        ("2 1 มีนาคม 2569 0 0 0", [("2026-03", "1 มีนาคม 2569")]),
    ],
    ids=[
        "short-years-in-cells",
        "first-row-short-year",
        "dated-rows",
        "note-of-another-year",
        "count-67",
        "page-start",
    ],
)
def test_rows_with_a_year_of_their_own(text: str, expected: list[tuple[str, str]]) -> None:
    assert _months(text) == expected
