"""The estimated OIT score, computed the way the NACC does (shared/ita/criteria.md section 1):

- each item scores 100 (pass) or 0 (anything else);
- a sub-indicator (e.g. "9.1") is the mean of its items;
- an indicator (the part before the dot: "9", "10") is the mean of its sub-indicators;
- OIT is the mean of its indicators.

Items the tool could not decide ("unknown", including items it cannot check yet, "not implemented") are
NOT counted as passing: `oit_estimate` counts them as 0, as an assessor would score evidence nobody could
confirm, and `oit_if_unknown_pass` is the ceiling if every one of them passed. `complete` is False when any
item is unknown. For every non-passing item, `gain` is how many points the OIT estimate would rise if that
item alone passed (recomputed with it at 100). Because the hierarchy is a mean of means, an item's gain is
100 / (items in its sub-indicator × sub-indicators in its indicator × indicators), and the gains of all
non-passing items add up to 100 − oit_estimate (up to rounding).

Arithmetic is exact (fractions); values are rounded half-up to 2 decimals only when reported, and the
grade is read from the rounded estimate (the number the reader sees), so 94.995 shows as 95.00 and AA.

The sub-indicator grouping comes from ItemResult.subindicator (from the year catalog); its confidence
(the catalog's `subindicator_confidence`, "I" for 2569) is reported with the score.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction

from rules.results import STATUS_TH, IndicatorScore, ItemResult, Score, SubindicatorScore

__all__ = [
    "GRADE_BANDS",
    "GRADE_TH",
    "GRADE_TH_CONFIDENCE",
    "INDICATOR_TH",
    "SUBINDICATOR_TH",
    "ScoreEstimate",
    "apply_gains",
    "estimate",
    "grade_for",
    "grade_th_for",
    "indicator_of",
    "is_not_implemented",
    "round2",
]

ScoreEstimate = Score  # the estimate is the contract's Score with extra fields (see rules.results.Score)

# Lower bound of each band, best first (seeds 001 and 003): AA 95–100, A 85–94.99, B 75–84.99,
# C 65–74.99, D 55–64.99, E 50–54.99, F 0–49.99.
GRADE_BANDS: tuple[tuple[str, float], ...] = (
    ("AA", 95.0),
    ("A", 85.0),
    ("B", 75.0),
    ("C", 65.0),
    ("D", 55.0),
    ("E", 50.0),
    ("F", 0.0),
)

# Seed 000 (ITA 2567) labels results ผ่านดีเยี่ยม / ผ่านดี / ผ่าน / ต้องปรับปรุง / ต้องปรับปรุงโดยด่วน "for the
# same idea" as the grade bands, but no source gives the band-to-label mapping. This mapping is an
# INFERENCE (confidence I): the three passing labels for AA, A, B; ต้องปรับปรุง for C; and
# ต้องปรับปรุงโดยด่วน for D, E and F.
GRADE_TH: dict[str, str] = {
    "AA": "ผ่านดีเยี่ยม",
    "A": "ผ่านดี",
    "B": "ผ่าน",
    "C": "ต้องปรับปรุง",
    "D": "ต้องปรับปรุงโดยด่วน",
    "E": "ต้องปรับปรุงโดยด่วน",
    "F": "ต้องปรับปรุงโดยด่วน",
}
GRADE_TH_CONFIDENCE = "I"

# Names of the indicators and sub-indicators (criteria.md section 1). The 2569 grouping of items into
# sub-indicators is itself inferred; these names label whatever the catalog says.
INDICATOR_TH: dict[str, str] = {
    "9": "การเปิดเผยข้อมูล",
    "10": "การป้องกันการทุจริต",
}
SUBINDICATOR_TH: dict[str, str] = {
    "9.1": "ข้อมูลพื้นฐาน",
    "9.2": "การบริหารงาน",
    "9.3": "การบริหารเงินงบประมาณ/การจัดซื้อจัดจ้าง",
    "9.4": "การบริหารและพัฒนาทรัพยากรบุคคล",
    "9.5": "การส่งเสริมความโปร่งใส",
    "10.1": "การดำเนินการเพื่อป้องกันการทุจริต",
    "10.2": "มาตรการภายในเพื่อป้องกันการทุจริต",
}

NOT_IMPLEMENTED_MARK = "not implemented"  # in the unknown_reason of items the tool cannot check yet

_FULL = Fraction(100)
_ZERO = Fraction(0)


def round2(value: Fraction | float) -> float:
    """Half-up rounding to 2 decimals, exact for fractions (float rounding is half-even on binary values)."""
    frac = Fraction(value)
    hundredths = math.floor(frac * 100 + Fraction(1, 2))
    return float(Fraction(hundredths, 100))


def grade_for(value: float) -> str:
    """The grade band of a score already rounded to 2 decimals: 95 → AA, 94.99 → A, 49.99 → F."""
    if not 0 <= value <= 100:
        raise ValueError(f"score out of range 0..100: {value}")
    return next(grade for grade, low in GRADE_BANDS if value >= low)


def grade_th_for(grade: str) -> str:
    """The seed-000 Thai label for a grade (inferred mapping, confidence I)."""
    return GRADE_TH[grade]


def is_not_implemented(item: ItemResult) -> bool:
    return item.status == "unknown" and NOT_IMPLEMENTED_MARK in (item.unknown_reason or "")


def indicator_of(subindicator: str) -> str:
    """ "9.1" → "9"; "10.2" → "10"."""
    return subindicator.split(".", 1)[0]


def _order(key: str) -> tuple[tuple[int, int | str], ...]:
    """Numeric order for "9.2" < "9.10" < "10.1"; anything non-numeric sorts after numbers."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in key.split("."))


def _mean(values: Iterable[Fraction]) -> Fraction:
    values = list(values)
    return sum(values, _ZERO) / len(values)


def _hierarchy(groups: dict[str, list[Fraction]]) -> tuple[dict[str, Fraction], dict[str, Fraction], Fraction]:
    """Sub-indicator means, indicator means and the OIT mean for item points grouped by sub-indicator."""
    sub = {sid: _mean(points) for sid, points in groups.items()}
    by_indicator: dict[str, list[Fraction]] = {}
    for sid, value in sub.items():
        by_indicator.setdefault(indicator_of(sid), []).append(value)
    ind = {iid: _mean(values) for iid, values in by_indicator.items()}
    return sub, ind, _mean(ind.values())


def _group(items: Sequence[ItemResult], unknown_points: Fraction) -> dict[str, list[Fraction]]:
    groups: dict[str, list[Fraction]] = {}
    for item in items:
        if item.status == "pass":
            points = _FULL
        elif item.status == "unknown":
            points = unknown_points
        else:
            points = _ZERO
        groups.setdefault(_subindicator(item), []).append(points)
    return groups


def _subindicator(item: ItemResult) -> str:
    sid = (item.subindicator or "").strip()
    if not sid:
        raise ValueError(f"{item.code} has no sub-indicator: the score needs the catalog's grouping")
    return sid


def _counts(items: Iterable[ItemResult]) -> dict[str, int]:
    out = dict.fromkeys(STATUS_TH, 0)
    for item in items:
        out[item.status] += 1
    return out


def _gains(items: Sequence[ItemResult], base: Fraction) -> dict[int, Fraction]:
    """Exact points each non-passing item would add if it alone passed (other unknown items still 0):
    the OIT recomputed with that item at 100, minus `base`."""
    out: dict[int, Fraction] = {}
    for index, item in enumerate(items):
        if item.status == "pass":
            continue
        fixed = [*items[:index], item.model_copy(update={"status": "pass"}), *items[index + 1 :]]
        out[index] = _hierarchy(_group(fixed, _ZERO))[2] - base
    return out


def estimate(items: Sequence[ItemResult], subindicator_confidence: str | None = None) -> Score:
    """The estimated OIT score of a scan's items (see the module docstring for the method).

    Raises ValueError if an item has no sub-indicator. No items → a Score with no estimate and no grade.
    """
    items = list(items)
    counts = _counts(items)
    if not items:
        return Score(counts=counts, complete=True, subindicator_confidence=subindicator_confidence)
    low_groups = _group(items, _ZERO)
    high_groups = _group(items, _FULL)
    sub_low, ind_low, oit_low = _hierarchy(low_groups)
    sub_high, ind_high, oit_high = _hierarchy(high_groups)

    members: dict[str, list[ItemResult]] = {}
    for item in items:
        members.setdefault(_subindicator(item), []).append(item)
    subindicators = [
        SubindicatorScore(
            id=sid,
            indicator=indicator_of(sid),
            label_th=SUBINDICATOR_TH.get(sid),
            score=round2(sub_low[sid]),
            score_if_unknown_pass=round2(sub_high[sid]),
            items=[i.code for i in members[sid]],
            counts=_counts(members[sid]),
        )
        for sid in sorted(members, key=_order)
    ]
    indicators = [
        IndicatorScore(
            id=iid,
            label_th=INDICATOR_TH.get(iid),
            score=round2(ind_low[iid]),
            score_if_unknown_pass=round2(ind_high[iid]),
            subindicators=[s.id for s in subindicators if s.indicator == iid],
        )
        for iid in sorted(ind_low, key=_order)
    ]
    oit_estimate = round2(oit_low)
    ceiling = round2(oit_high)
    grade = grade_for(oit_estimate)
    gains = _gains(items, oit_low)
    return Score(
        oit_estimate=oit_estimate,
        grade=grade,
        grade_th=grade_th_for(grade),
        grade_th_confidence=GRADE_TH_CONFIDENCE,
        oit_if_unknown_pass=ceiling,
        grade_if_unknown_pass=grade_for(ceiling),
        complete=counts["unknown"] == 0,
        counts=counts,
        not_implemented=sum(1 for i in items if is_not_implemented(i)),
        subindicator_confidence=subindicator_confidence,
        subindicators=subindicators,
        indicators=indicators,
        gains={items[index].code: round2(points) for index, points in gains.items()},
    )


def apply_gains(items: Sequence[ItemResult], score: Score) -> list[ItemResult]:
    """Copies of the items with `gain` filled from the score (None for passing items)."""
    return [item.model_copy(update={"gain": score.gains.get(item.code)}) for item in items]
