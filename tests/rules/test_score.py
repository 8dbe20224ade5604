"""The estimated OIT score (rules.score), checked against hand-computed examples.

Method (criteria.md section 1): item 100 or 0; sub-indicator = mean of its items; indicator = mean of its
sub-indicators; OIT = mean of its indicators. 2569 grouping (section 5, confidence I): 9.1 O1–O4,
9.2 O5–O10, 9.3 O11–O12, 9.4 O13–O15, 9.5 O16–O19, 10.1 O20–O24, 10.2 O25–O26.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from rules.catalog import load_catalog
from rules.results import ItemResult
from rules.score import GRADE_TH, apply_gains, estimate, grade_for, grade_th_for, indicator_of, round2

GROUPS_2569 = {
    "9.1": range(1, 5),
    "9.2": range(5, 11),
    "9.3": range(11, 13),
    "9.4": range(13, 16),
    "9.5": range(16, 20),
    "10.1": range(20, 25),
    "10.2": range(25, 27),
}
SUB_OF = {f"O{n}": sid for sid, numbers in GROUPS_2569.items() for n in numbers}
NOT_IMPLEMENTED = "ยังไม่รองรับการตรวจข้อนี้ (อยู่ระหว่างพัฒนา) / not implemented"


def item(code: str, status: str = "pass", sub: str | None = None, reason: str | None = None) -> ItemResult:
    return ItemResult(
        code=code,
        title=f"รายการ {code}",
        status=status,  # type: ignore[arg-type]
        subindicator=sub if sub is not None else SUB_OF[code],
        unknown_reason=reason if status == "unknown" else None,
    )


def scan_2569(**statuses: str) -> list[ItemResult]:
    """All 26 items of 2569, passing unless named: scan_2569(O3="gap")."""
    reasons = {"unknown": "ไฟล์ PDF เป็นภาพสแกน"}
    out = []
    for n in range(1, 27):
        code = f"O{n}"
        status = statuses.get(code, "pass")
        reason = NOT_IMPLEMENTED if status == "not_implemented" else reasons.get(status)
        out.append(item(code, "unknown" if status == "not_implemented" else status, reason=reason))
    return out


# The mix used below, by hand:
#   9.1  O1 ✓ O2 ✓ O3 ✗ O4 ✓            = 3/4 = 75
#   9.2  O5 ✓ O6 ✓ O7 ✗ O8 ✓ O9 ✓ O10 ✗ = 4/6 = 66.667
#   9.3  100 · 9.4 100
#   9.5  O16 ✓ O17 ✓ O18 ✗ O19 ✓       = 75
#   indicator 9 = (75 + 66.667 + 100 + 100 + 75) / 5 = 83.333
#   10.1 O20 ✗ O21–O24 ✓ = 80 · 10.2 100 → indicator 10 = 90
#   OIT = (83.333 + 90) / 2 = 86.667 → 86.67, A   (a flat mean would be 21/26 = 80.77)
MIX = {"O3": "gap", "O7": "missing", "O10": "gap", "O18": "gap", "O20": "gap"}


def test_all_pass_is_100_aa() -> None:
    score = estimate(scan_2569(), "I")
    assert score.oit_estimate == 100.0 and score.grade == "AA" and score.grade_th == "ผ่านดีเยี่ยม"
    assert score.oit_if_unknown_pass == 100.0 and score.grade_if_unknown_pass == "AA"
    assert score.complete is True and score.not_implemented == 0
    assert score.gains == {}
    assert [s.score for s in score.subindicators] == [100.0] * 7
    assert [(i.id, i.score) for i in score.indicators] == [("9", 100.0), ("10", 100.0)]


def test_all_fail_is_0_f() -> None:
    score = estimate(scan_2569(**{f"O{n}": "missing" for n in range(1, 27)}))
    assert score.oit_estimate == 0.0 and score.grade == "F" and score.grade_th == "ต้องปรับปรุงโดยด่วน"
    assert score.oit_if_unknown_pass == 0.0 and score.complete is True
    assert sum(score.gains.values()) == pytest.approx(100.0, abs=0.01 * 26)


def test_mix_follows_the_hierarchy_not_a_flat_mean() -> None:
    score = estimate(scan_2569(**MIX), "I")
    assert score.oit_estimate == 86.67
    assert score.grade == "A" and score.grade_th == "ผ่านดี"
    assert score.complete is True and score.oit_if_unknown_pass == 86.67
    subs = {s.id: s.score for s in score.subindicators}
    assert subs == {"9.1": 75.0, "9.2": 66.67, "9.3": 100.0, "9.4": 100.0, "9.5": 75.0, "10.1": 80.0, "10.2": 100.0}
    assert [s.id for s in score.subindicators] == list(GROUPS_2569)
    assert {i.id: i.score for i in score.indicators} == {"9": 83.33, "10": 90.0}
    nine = next(i for i in score.indicators if i.id == "9")
    assert nine.subindicators == ["9.1", "9.2", "9.3", "9.4", "9.5"] and nine.label_th == "การเปิดเผยข้อมูล"
    s91 = score.subindicators[0]
    assert s91.items == ["O1", "O2", "O3", "O4"] and s91.label_th == "ข้อมูลพื้นฐาน"
    assert s91.counts == {"pass": 3, "gap": 1, "missing": 0, "unknown": 0}
    assert score.counts == {"pass": 21, "gap": 4, "missing": 1, "unknown": 0}
    assert score.subindicator_confidence == "I" and score.grade_th_confidence == "I"


def test_gains_of_the_mix() -> None:
    # gain = 100 / (items in its sub-indicator × sub-indicators in its indicator × indicators)
    score = estimate(scan_2569(**MIX))
    assert score.gains == {
        "O3": 2.5,  # 100 / (4 × 5 × 2)
        "O7": 1.67,  # 100 / (6 × 5 × 2) = 1.667
        "O10": 1.67,
        "O18": 2.5,
        "O20": 5.0,  # 100 / (5 × 2 × 2)
    }
    # fixing every gap reaches 100: the gains add up to what is missing (up to rounding)
    assert sum(score.gains.values()) == pytest.approx(100 - score.oit_estimate, abs=0.01 * len(score.gains))
    # and a gain is exactly the rise of the recomputed estimate
    fixed = estimate(scan_2569(**{k: v for k, v in MIX.items() if k != "O20"}))
    assert fixed.oit_estimate == pytest.approx(score.oit_estimate + score.gains["O20"])


def test_unknown_counts_as_zero_and_the_ceiling_as_pass() -> None:
    # MIX plus O21 unreadable and O26 not implemented:
    #   10.1 = 3/5 = 60 (ceiling 80); 10.2 = 1/2 = 50 (ceiling 100)
    #   indicator 10 = 55 (ceiling 90); OIT = (83.333 + 55) / 2 = 69.167 (ceiling 86.667)
    score = estimate(scan_2569(**MIX, O21="unknown", O26="not_implemented"))
    assert score.oit_estimate == 69.17 and score.grade == "C" and score.grade_th == "ต้องปรับปรุง"
    assert score.oit_if_unknown_pass == 86.67 and score.grade_if_unknown_pass == "A"
    assert score.complete is False
    assert score.not_implemented == 1 and score.counts["unknown"] == 2
    ten = {i.id: (i.score, i.score_if_unknown_pass) for i in score.indicators}["10"]
    assert ten == (55.0, 90.0)
    subs = {s.id: (s.score, s.score_if_unknown_pass) for s in score.subindicators}
    assert subs["10.1"] == (60.0, 80.0) and subs["10.2"] == (50.0, 100.0) and subs["9.1"] == (75.0, 75.0)
    # unknown items have a gain too (if confirmed); theirs add up to the width of the range
    assert score.gains["O21"] == 5.0 and score.gains["O26"] == 12.5
    assert score.gains["O21"] + score.gains["O26"] == pytest.approx(score.oit_if_unknown_pass - score.oit_estimate)


def test_not_implemented_items_are_not_passing() -> None:
    items = [item("O1", "pass", "9.1"), item("O2", "unknown", "9.1", NOT_IMPLEMENTED)]
    score = estimate(items)
    assert score.oit_estimate == 50.0 and score.grade == "E"
    assert score.oit_if_unknown_pass == 100.0 and score.complete is False and score.not_implemented == 1


def test_catalog_2569_grouping_all_not_implemented() -> None:
    catalog = load_catalog(2569)
    items = [item(i.code, "unknown", i.subindicator, NOT_IMPLEMENTED) for i in catalog.items]
    score = estimate(items, catalog.subindicator_confidence)
    assert {s.id: s.items for s in score.subindicators} == {
        sid: [f"O{n}" for n in numbers] for sid, numbers in GROUPS_2569.items()
    }
    assert score.oit_estimate == 0.0 and score.oit_if_unknown_pass == 100.0
    assert score.not_implemented == 26 and score.complete is False
    assert score.subindicator_confidence == "I"


@pytest.mark.parametrize(
    ("value", "grade"),
    [
        (100, "AA"), (95, "AA"), (94.99, "A"), (85, "A"), (84.99, "B"), (75, "B"), (74.99, "C"),
        (65, "C"), (64.99, "D"), (55, "D"), (54.99, "E"), (50, "E"), (49.99, "F"), (0, "F"),
    ],
)  # fmt: skip
def test_grade_boundaries(value: float, grade: str) -> None:
    assert grade_for(value) == grade
    assert grade_th_for(grade) == GRADE_TH[grade]


def test_grade_th_mapping_is_the_inferred_one() -> None:
    assert GRADE_TH == {
        "AA": "ผ่านดีเยี่ยม",
        "A": "ผ่านดี",
        "B": "ผ่าน",
        "C": "ต้องปรับปรุง",
        "D": "ต้องปรับปรุงโดยด่วน",
        "E": "ต้องปรับปรุงโดยด่วน",
        "F": "ต้องปรับปรุงโดยด่วน",
    }


@pytest.mark.parametrize("value", [-0.01, 100.01])
def test_grade_out_of_range(value: float) -> None:
    with pytest.raises(ValueError):
        grade_for(value)


def test_boundaries_reached_by_items() -> None:
    # one sub-indicator of 20 items: each failure costs exactly 5 points
    def score_with(failures: int) -> tuple[float | None, str | None]:
        items = [item(f"O{n}", "gap" if n <= failures else "pass", "9.1") for n in range(1, 21)]
        result = estimate(items)
        return result.oit_estimate, result.grade

    assert score_with(1) == (95.0, "AA")
    assert score_with(2) == (90.0, "A")
    assert score_with(3) == (85.0, "A")
    assert score_with(4) == (80.0, "B")
    assert score_with(10) == (50.0, "E")
    assert score_with(11) == (45.0, "F")


def test_rounding_is_half_up_and_the_grade_reads_the_rounded_value() -> None:
    assert round2(Fraction(200, 3)) == 66.67
    assert round2(Fraction(1, 200)) == 0.01  # 0.005 → 0.01 (float round() would give 0.0)
    assert round2(Fraction(94995, 1000)) == 95.0
    assert grade_for(round2(Fraction(94995, 1000))) == "AA"
    assert grade_for(round2(Fraction(949949, 10000))) == "A"  # 94.9949 → 94.99


def test_indicator_is_the_part_before_the_dot_and_order_is_numeric() -> None:
    assert indicator_of("9.1") == "9" and indicator_of("10.2") == "10"
    items = [item("O1", "pass", "10.1"), item("O2", "gap", "9.10"), item("O3", "pass", "9.2")]
    score = estimate(items)
    assert [s.id for s in score.subindicators] == ["9.2", "9.10", "10.1"]
    assert [i.id for i in score.indicators] == ["9", "10"]
    # 9 = (100 + 0) / 2 = 50; 10 = 100; OIT = 75
    assert score.oit_estimate == 75.0 and score.grade == "B" and score.grade_th == "ผ่าน"


def test_item_without_subindicator_is_an_error() -> None:
    bad = ItemResult(code="O1", title="x", status="pass")
    with pytest.raises(ValueError, match="O1"):
        estimate([bad])


def test_no_items_no_estimate() -> None:
    score = estimate([])
    assert score.oit_estimate is None and score.grade is None and score.gains == {}


def test_apply_gains_fills_non_passing_items_only() -> None:
    items = scan_2569(**MIX, O26="not_implemented")
    score = estimate(items)
    scored = apply_gains(items, score)
    assert [i.code for i in scored] == [i.code for i in items]
    for before, after in zip(items, scored, strict=True):
        assert after.model_copy(update={"gain": None}) == before
        if before.status == "pass":
            assert after.gain is None
        else:
            assert after.gain == score.gains[before.code] and after.gain > 0
    assert next(i for i in scored if i.code == "O26").gain == 12.5  # 100 / (2 × 2 × 2)
