"""The score at its edges: no items at all, a score out of range, sub-indicator ids the 2569 catalog does not use."""

from __future__ import annotations

import pytest

from rules.results import ItemResult
from rules.score import estimate, grade_for, indicator_of


def _item(code: str, sub: str, status: str = "pass") -> ItemResult:
    return ItemResult(code=code, title=f"รายการ {code}", status=status, subindicator=sub)  # type: ignore[arg-type]


def test_a_scan_with_no_items_has_no_estimate_and_is_complete() -> None:
    # a site whose catalog year has no items yet: nothing is unknown, nothing is scored
    score = estimate([], subindicator_confidence="I")
    assert score.oit_estimate is None and score.grade is None
    assert score.complete is True
    assert score.counts == {"pass": 0, "gap": 0, "missing": 0, "unknown": 0}
    assert score.subindicator_confidence == "I"


@pytest.mark.parametrize("value", [-0.01, 100.01])
def test_a_score_out_of_range_names_the_value(value: float) -> None:
    with pytest.raises(ValueError, match=f"0..100: {value}"):
        grade_for(value)


def test_the_indicator_is_the_part_before_the_first_dot() -> None:
    # a catalog may group finer than 9.1 ("9.1.2"): it is still indicator 9
    assert indicator_of("9.1.2") == "9"
    assert indicator_of("10.2") == "10"


def test_sub_indicators_sort_by_number_and_named_ones_after() -> None:
    # "9.10" after "9.2" (numbers, not text); an id that is not a number ("9.ก", a draft grouping) after them all
    items = [_item("O1", "9.ก"), _item("O2", "9.10"), _item("O3", "9.2", "gap"), _item("O4", "10.1")]
    score = estimate(items)
    assert [s.id for s in score.subindicators] == ["9.2", "9.10", "9.ก", "10.1"]
    assert [i.id for i in score.indicators] == ["9", "10"]
    # 9 = (0 + 100 + 100) / 3, 10 = 100: OIT = 83.33
    assert score.oit_estimate == 83.33
