"""Time rules at their edges (rules/fiscal.py): what a verdict that cannot tell reports, a plan named by the
calendar year, how many of a plan's periods an uncovered finding quotes, a document dated on the first or last day
of a fiscal year, a monthly report whose period runs twelve or thirteen months, and what a first-half verdict
reports of the years it saw and the year it wanted."""

from __future__ import annotations

from datetime import date

import pytest

from rules.catalog import TimeRule
from rules.fiscal import judge_first_half, judge_spans
from rules.thaidates import find_dates

FY = 2569
AS_OF = date(2026, 5, 15)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("current_fy", "ช่องทางการร้องเรียน"),
        ("covers_current_fy", "แผนพัฒนาท้องถิ่น ประกาศ ณ วันที่ 1 มิถุนายน 2564"),  # a signing date, no period
        ("first_half_current_fy", "รายงานผลการจัดซื้อจัดจ้าง"),
    ],
)
def test_a_verdict_that_cannot_tell_has_seen_no_fiscal_year(rule: TimeRule, text: str) -> None:
    verdict = judge_spans(rule, find_dates(text), FY, AS_OF)
    assert verdict.ok is None
    assert verdict.fiscal_years_seen == []


def test_a_plan_named_by_its_year_covers_that_fiscal_year_only() -> None:
    # "ประจำปี 2569" names fiscal year 2569, though calendar 2569 runs into fiscal year 2570 (Oct-Dec 2569)
    spans = find_dates("แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2569")
    assert judge_spans("covers_current_fy", spans, 2569, AS_OF).ok is True
    verdict = judge_spans("covers_current_fy", spans, 2570, date(2027, 5, 15))
    assert verdict.ok is False and verdict.fiscal_years_seen == [2569]


def test_an_uncovered_plan_quotes_its_first_three_periods() -> None:
    text = (
        "แผนพัฒนาท้องถิ่น (พ.ศ. 2557-2560) เพิ่มเติม ฉบับที่ 1 (พ.ศ. 2558-2561) เพิ่มเติม ฉบับที่ 2 (พ.ศ. 2559-2562)"
        " เปลี่ยนแปลง (พ.ศ. 2560-2563)"
    )
    verdict = judge_spans("covers_current_fy", find_dates(text), FY, AS_OF)
    assert verdict.ok is False and verdict.facts is not None
    assert verdict.facts.periods == ["พ.ศ. 2557-2560", "พ.ศ. 2558-2561", "พ.ศ. 2559-2562"]
    assert verdict.text_th == (
        "ไม่ครบองค์ประกอบด้านเวลา - ไม่ครอบคลุมปีงบประมาณ พ.ศ. 2569"
        " (ระยะเวลาที่พบ: พ.ศ. 2557-2560, พ.ศ. 2558-2561, พ.ศ. 2559-2562)"
    )


@pytest.mark.parametrize(
    ("text", "fiscal_year"),
    [
        ("ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๘", 2569),  # the first day of fiscal year 2569
        ("ประกาศ ณ วันที่ 30 กันยายน 2569", 2569),  # its last day
        ("ประกาศ ณ วันที่ 30 กันยายน 2568", 2568),  # the day before it begins: still 2568
    ],
)
def test_a_notice_dated_on_a_fiscal_years_first_or_last_day_is_of_that_year(text: str, fiscal_year: int) -> None:
    spans = find_dates(text)
    assert judge_spans("current_fy", spans, fiscal_year, AS_OF).ok is True
    assert judge_spans("current_fy", spans, fiscal_year + 1, AS_OF).ok is False
    assert judge_spans("current_fy", spans, fiscal_year - 1, AS_OF).ok is False


def test_a_monthly_report_over_twelve_months_counts_its_months() -> None:
    # April 2568 - March 2569: twelve months, October-March of fiscal year 2569 among them
    spans = find_dates("สรุปผลการจัดซื้อจัดจ้าง ตั้งแต่ ๑ เม.ย. ๖๘ - ๓๑ มี.ค. ๖๙")
    verdict = judge_spans("first_half_current_fy", spans, FY, AS_OF)
    assert verdict.ok is True
    assert verdict.fiscal_years_seen == [2568, 2569]


def test_a_period_of_thirteen_months_is_no_monthly_data() -> None:
    # October 2568 - October 2569 runs past a year: a plan's period, not the months a report holds
    spans = find_dates("รายงานผลการดำเนินงาน ตั้งแต่ 1 ต.ค. 2568 - 31 ต.ค. 2569")
    verdict = judge_spans("first_half_current_fy", spans, FY, AS_OF)
    assert verdict.ok is None
    assert verdict.text_th is not None


def test_before_october_ends_nothing_is_due_and_the_years_seen_are_reported() -> None:
    # 20 October 2568: no month of fiscal year 2569 has ended yet; a September report was still seen
    verdict = judge_first_half({(2025, 9)}, FY, date(2025, 10, 20))
    assert verdict.ok is True and verdict.facts is None
    assert verdict.fiscal_years_seen == [2568]


def test_a_first_half_covered_reports_the_fiscal_years_of_its_months() -> None:
    months = {(2025, m) for m in (9, 10, 11, 12)} | {(2026, m) for m in (1, 2, 3)}
    verdict = judge_first_half(months, FY, AS_OF)
    assert verdict.ok is True
    assert verdict.fiscal_years_seen == [2568, 2569]


def test_missing_months_name_the_fiscal_year_they_belong_to() -> None:
    # a report of October-January only, judged in May 2569: February and March are missing from fiscal year 2569
    months = {(2025, 10), (2025, 11), (2025, 12), (2026, 1)}
    verdict = judge_first_half(months, FY, AS_OF)
    assert verdict.ok is False and verdict.facts is not None
    assert verdict.facts.months == [(2026, 2), (2026, 3)]
    assert verdict.facts.target_year == FY
    assert verdict.fiscal_years_seen == [2569]


def test_a_plan_period_in_buddhist_years_touches_each_year_it_names() -> None:
    # "พ.ศ. ๒๕๖๖ - ๒๕๗๐" is labelled by BE years: 2566 to 2570, not the fiscal years its calendar dates reach (2571)
    spans = find_dates("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐)")
    verdict = judge_spans("covers_current_fy", spans, FY, AS_OF)
    assert verdict.ok is True
    assert verdict.fiscal_years_seen == [2566, 2567, 2568, 2569, 2570]


@pytest.mark.parametrize("rule", ["current", "current_fy"])
def test_the_year_of_a_laws_title_is_no_year_the_evidence_is_of(rule: TimeRule) -> None:
    # "พ.ศ. 2540" names the act; the notice itself is of 15 January 2569 (fiscal year 2569)
    spans = find_dates("ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 ประกาศ ณ วันที่ 15 มกราคม 2569")
    verdict = judge_spans(rule, spans, FY, AS_OF)
    assert verdict.ok is True
    assert verdict.fiscal_years_seen == [2569]


def test_a_range_of_months_touches_the_fiscal_years_of_its_dates() -> None:
    # October 2568 - March 2569 is all fiscal year 2569 (its BE calendar labels would say 2568 and 2569)
    spans = find_dates("รายงานผลการดำเนินงาน ระหว่างวันที่ 1 ตุลาคม 2568 - 31 มีนาคม 2569")
    assert judge_spans("current", spans, FY, AS_OF).fiscal_years_seen == [2569]


def test_a_report_over_a_whole_fiscal_year_written_as_dates_is_of_that_year_whenever_signed() -> None:
    # "๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘" names fiscal year 2568 outright; its signing on 15 October 2568 (fiscal year 2569)
    # does not make it a 2569 report
    spans = find_dates("รายงานผลการดำเนินงาน ตั้งแต่ ๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘ ประกาศ ณ วันที่ 15 ตุลาคม 2568")
    verdict = judge_spans("current_fy", spans, FY, AS_OF)
    assert verdict.ok is False
    assert verdict.text_th == "ไม่ครบองค์ประกอบด้านเวลา - เป็นข้อมูลปีงบประมาณ พ.ศ. 2568"
    assert judge_spans("previous_fy", spans, FY, AS_OF).ok is True
