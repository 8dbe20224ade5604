"""Time rules at their edges (rules/fiscal.py): what a verdict that cannot tell reports, a plan named by the
calendar year, and how many of a plan's periods an uncovered finding quotes."""

from __future__ import annotations

from datetime import date

import pytest

from rules.catalog import TimeRule
from rules.fiscal import judge_spans
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
