"""Fiscal years and the time rules: bounds, edge days, first-half months and every rule's pass and fail."""

from __future__ import annotations

from datetime import date

import pytest

from rules.fiscal import (
    TimeRule,
    TimeVerdict,
    first_half_months,
    judge_first_half,
    judge_spans,
    months_covered,
    thai_month_year,
)
from rules.thaicalendar import THAI_MONTHS, assessment_year_for, fiscal_year_bounds, fiscal_year_of
from rules.thaidates import find_dates

D = date
FY = 2569  # ITA 2569 assesses 1 Oct 2025 - 30 Sep 2026
AS_OF = D(2026, 5, 15)  # when agencies fill in the OIT form


# --- fiscal-year arithmetic -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (D(2025, 9, 30), 2568),  # last day of 2568
        (D(2025, 10, 1), 2569),  # first day of 2569
        (D(2025, 12, 31), 2569),
        (D(2026, 1, 1), 2569),
        (D(2026, 9, 30), 2569),
        (D(2026, 10, 1), 2570),
    ],
)
def test_fiscal_year_of_edge_days(day: date, fy: int) -> None:
    assert fiscal_year_of(day) == fy


def test_fiscal_year_bounds() -> None:
    assert fiscal_year_bounds(2569) == (D(2025, 10, 1), D(2026, 9, 30))
    assert fiscal_year_bounds(2568) == (D(2024, 10, 1), D(2025, 9, 30))
    start, end = fiscal_year_bounds(2570)
    assert fiscal_year_of(start) == fiscal_year_of(end) == 2570


def test_assessment_year_is_the_fiscal_year_of_the_day() -> None:
    assert assessment_year_for(AS_OF) == 2569
    assert assessment_year_for(D(2025, 10, 1)) == 2569
    assert assessment_year_for(D(2025, 9, 30)) == 2568


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2025, 6, 1), []),  # before the fiscal year starts
        (D(2025, 10, 31), []),  # October is still running
        (D(2025, 11, 1), [(2025, 10)]),
        (D(2026, 3, 31), [(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2)]),
        (D(2026, 4, 1), [(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3)]),
        (AS_OF, [(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3)]),
        (D(2027, 1, 1), [(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3)]),
    ],
)
def test_first_half_months_that_have_ended(as_of: date, expected: list[tuple[int, int]]) -> None:
    assert first_half_months(FY, as_of) == expected


def test_thai_month_names() -> None:
    assert len(THAI_MONTHS) == 12
    assert THAI_MONTHS[0] == "มกราคม" and THAI_MONTHS[11] == "ธันวาคม"
    assert thai_month_year(2026, 3) == "มีนาคม 2569"
    assert thai_month_year(2025, 10) == "ตุลาคม 2568"


# --- months covered ---------------------------------------------------------------------------------


def test_months_covered_by_each_kind() -> None:
    spans = find_dates("5 ต.ค. 68 ; พฤศจิกายน 2568 ; ไตรมาสที่ 2/2569 ; ธ.ค. 68 - ม.ค. 69")
    assert months_covered(spans) == {(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3)}


def test_months_covered_ignores_whole_years_and_plan_periods() -> None:
    spans = find_dates("ประจำปีงบประมาณ 2569 ; ประจำปี 2569 ; แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)")
    assert months_covered(spans) == set()


def test_half_year_round_covers_october_to_march() -> None:
    spans = find_dates("รายงานรอบ 6 เดือน ปีงบประมาณ 2569")
    assert months_covered(spans) == set(first_half_months(FY, AS_OF))


# --- judge_spans: one pass and one fail per rule ----------------------------------------------------


def judge(rule: TimeRule, text: str, as_of: date = AS_OF) -> TimeVerdict:
    return judge_spans(rule, find_dates(text), FY, as_of)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("current_fy", "ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"),
        ("current_fy", "ประกาศ ณ วันที่ 5 ตุลาคม 2568"),  # a date inside fiscal year 2569
        ("current_fy", "รายงานผลการดำเนินงานไตรมาสที่ 2 ปีงบประมาณ 2569"),
        ("current_fy", "ตาม พ.ร.บ. ข้อมูลข่าวสารของราชการ พ.ศ. 2540 ประกาศ ณ วันที่ 5 ตุลาคม 2568"),
        ("previous_fy", "รายงานผลการดำเนินงานประจำปี 2568"),  # the ambiguous "ประจำปี" read by its label
        ("previous_fy", "รายงานผลการดำเนินงาน ๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘"),
        ("previous_fy", "รายงานประจำปีงบประมาณ 2568 ณ วันที่ 15 ตุลาคม 2568"),
        ("covers_current_fy", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)"),
        ("covers_current_fy", "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐) ประกาศ ณ วันที่ 1 มิถุนายน 2564"),
        ("covers_current_fy", "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ 2569"),
        ("first_half_current_fy", "รายงานผลการจัดซื้อจัดจ้าง ต.ค. 68 - มี.ค. 69"),
        ("first_half_current_fy", "รายงานการกำกับติดตาม รอบ 6 เดือน ปีงบประมาณ 2569"),
        ("current", "รายชื่อผู้บริหาร"),
        ("none", "ช่องทางการร้องเรียน"),
    ],
)
def test_rule_passes(rule: TimeRule, text: str) -> None:
    verdict = judge(rule, text)
    assert verdict.ok is True
    assert verdict.text_th is None and verdict.text_en is None


@pytest.mark.parametrize(
    ("rule", "text", "gap_th"),
    [
        (
            "current_fy",
            "ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. 2568",
            "ไม่ครบองค์ประกอบด้านเวลา - เป็นข้อมูลปีงบประมาณ พ.ศ. 2568",
        ),
        (
            # named years outrank incidental dates: signed in fiscal 2569, but it is the 2568 report
            "current_fy",
            "รายงานประจำปีงบประมาณ 2568 ณ วันที่ 15 ตุลาคม 2568",
            "ไม่ครบองค์ประกอบด้านเวลา - เป็นข้อมูลปีงบประมาณ พ.ศ. 2568",
        ),
        (
            "current_fy",
            "แผนการจัดซื้อจัดจ้าง ปีงบประมาณ 2570",
            "ไม่ครบองค์ประกอบด้านเวลา - ไม่ปรากฏข้อมูลปีงบประมาณ พ.ศ. 2569",
        ),
        (
            "current_fy",
            "ประกาศ ณ วันที่ 30 กันยายน 2568",  # the last day of 2568
            "ไม่ครบองค์ประกอบด้านเวลา - เป็นข้อมูลปีงบประมาณ พ.ศ. 2568",
        ),
        (
            "previous_fy",
            "รายงานผลการดำเนินงาน ประจำปีงบประมาณ 2569",
            "ไม่ครบองค์ประกอบด้านเวลา - ไม่ปรากฏข้อมูลปีงบประมาณ พ.ศ. 2568",
        ),
        (
            "previous_fy",
            "รายงานผลการดำเนินงานประจำปี 2566",
            "ไม่ครบองค์ประกอบด้านเวลา - เป็นข้อมูลปีงบประมาณ พ.ศ. 2566",
        ),
        (
            "covers_current_fy",
            "แผนพัฒนาท้องถิ่นสี่ปี (พ.ศ.2561-2565)",
            "ไม่ครบองค์ประกอบด้านเวลา - ไม่ครอบคลุมปีงบประมาณ พ.ศ. 2569 (ระยะเวลาที่พบ: พ.ศ.2561-2565)",
        ),
        (
            "first_half_current_fy",
            "รายงานผลการจัดซื้อจัดจ้าง ต.ค. 68 - ก.พ. 69",
            "ไม่ครบองค์ประกอบด้านเวลา - ไม่ครอบคลุม 6 เดือนแรกของปีงบประมาณ (ไม่ปรากฏเดือน มีนาคม 2569)",
        ),
    ],
)
def test_rule_fails_with_assessor_wording(rule: TimeRule, text: str, gap_th: str) -> None:
    verdict = judge(rule, text)
    assert verdict.ok is False
    assert verdict.text_th == gap_th
    assert verdict.text_en is not None and verdict.text_en.startswith("Time component incomplete - ")


def test_gap_lists_the_years_seen() -> None:
    verdict = judge("current_fy", "ประจำปีงบประมาณ 2567 และ ประจำปีงบประมาณ 2568")
    assert verdict.fiscal_years_seen == [2567, 2568]
    assert verdict.text_th == "ไม่ครบองค์ประกอบด้านเวลา - เป็นข้อมูลปีงบประมาณ พ.ศ. 2568"
    assert verdict.text_en == "Time component incomplete - the data is for fiscal year 2568 BE (Oct 2024 - Sep 2025)"


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("current_fy", "ช่องทางการร้องเรียน"),  # no date at all
        ("previous_fy", "ตาม พ.ร.บ. ข้อมูลข่าวสารของราชการ พ.ศ. 2540"),  # only a law's year
        ("covers_current_fy", "แผนพัฒนาท้องถิ่น ประกาศ ณ วันที่ 1 มิถุนายน 2564"),  # a signing date, no period
        ("first_half_current_fy", "รายงานผลการจัดซื้อจัดจ้าง"),
    ],
)
def test_cannot_tell_without_dates(rule: TimeRule, text: str) -> None:
    verdict = judge(rule, text)
    assert verdict.ok is None
    assert verdict.text_th and verdict.text_en  # the reason, for "ตรวจสอบไม่ได้"


def test_rules_without_time_pass_with_no_dates() -> None:
    assert judge_spans("current", [], FY, AS_OF).ok is True
    assert judge_spans("none", [], FY, AS_OF).ok is True


def test_unknown_rule_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown time rule"):
        judge_spans("yearly", [], FY, AS_OF)  # type: ignore[arg-type]


# --- judge_first_half -------------------------------------------------------------------------------

OCT_TO_FEB = {(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2)}


def test_first_half_missing_march() -> None:
    verdict = judge_first_half(OCT_TO_FEB, FY, AS_OF)
    assert verdict.ok is False
    assert verdict.text_th == ("ไม่ครบองค์ประกอบด้านเวลา - ไม่ครอบคลุม 6 เดือนแรกของปีงบประมาณ (ไม่ปรากฏเดือน มีนาคม 2569)")
    assert verdict.text_en == (
        "Time component incomplete - does not cover the first 6 months of the fiscal year (missing March 2026)"
    )
    assert verdict.fiscal_years_seen == [2569]


def test_first_half_lists_every_missing_month() -> None:
    verdict = judge_first_half({(2025, 10), (2025, 11), (2025, 12), (2026, 2)}, FY, AS_OF)
    assert verdict.text_th is not None
    assert verdict.text_th.endswith("(ไม่ปรากฏเดือน มกราคม 2569, มีนาคม 2569)")


def test_first_half_march_not_due_before_it_ends() -> None:
    assert judge_first_half(OCT_TO_FEB, FY, D(2026, 3, 31)).ok is True
    assert judge_first_half(OCT_TO_FEB, FY, D(2026, 4, 1)).ok is False


def test_first_half_nothing_due_in_october() -> None:
    assert judge_first_half(set(), FY, D(2025, 10, 15)).ok is True


def test_first_half_complete() -> None:
    assert judge_first_half(OCT_TO_FEB | {(2026, 3)}, FY, AS_OF).ok is True


def test_first_half_months_of_the_wrong_year() -> None:
    verdict = judge_first_half({(2024, 10), (2024, 11), (2024, 12), (2025, 1), (2025, 2), (2025, 3)}, FY, AS_OF)
    assert verdict.ok is False
    assert verdict.fiscal_years_seen == [2568]
    assert "ตุลาคม 2568" in (verdict.text_th or "")
