"""The Thai calendar: Buddhist Era years, month names, fiscal years, month arithmetic. Facts, no judging.

- Thai fiscal year N (ปีงบประมาณ พ.ศ. N, a Buddhist Era year) runs 1 October of N-1 to 30 September of N:
  ปีงบประมาณ 2569 = 2025-10-01 … 2026-09-30. BE = CE + 543. ITA year N assesses fiscal year N.

The bottom of the rules' date handling: rules/thaidates.py reads dates in text with these facts and rules/fiscal.py
judges the spans it finds, so neither needs the other's facts and the two do not import each other.
"""

from __future__ import annotations

import calendar
from datetime import date

BE_OFFSET = 543

THAI_MONTHS: list[str] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
# Written out rather than calendar.month_name, which follows the process locale.
ENGLISH_MONTHS: list[str] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def fiscal_year_of(d: date) -> int:
    """The BE fiscal year that contains `d` (2025-09-30 → 2568, 2025-10-01 → 2569)."""
    # October starts the next fiscal year.
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of BE fiscal year `fy_be` (2569 → 2025-10-01, 2026-09-30)."""
    year_ce = fy_be - BE_OFFSET
    return date(year_ce - 1, 10, 1), date(year_ce, 9, 30)


def assessment_year_for(as_of: date) -> int:
    """The ITA year being assessed on `as_of`: ITA year N assesses fiscal year N."""
    return fiscal_year_of(as_of)


def last_day_of_month(year_ce: int, month: int) -> date:
    return date(year_ce, month, calendar.monthrange(year_ce, month)[1])


def add_months(year_ce: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) `count` months after (year, month); count may be negative."""
    index = year_ce * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def months_between(start: date, end: date) -> list[tuple[int, int]]:
    """Every (CE year, month) from the month of `start` to the month of `end`, both included."""
    count = (end.year - start.year) * 12 + (end.month - start.month)
    return [add_months(start.year, start.month, k) for k in range(count + 1)]
