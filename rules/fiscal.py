"""Fiscal years and the time rules (องค์ประกอบด้านเวลา) of OIT items.

Facts encoded here (shared/ita/criteria.md, sections 2 and 3; the calendar itself, BE years and fiscal-year
bounds, is rules/thaicalendar.py):

- An item's evidence can carry a time rule (`TimeRule`); a failure is written as its own gap,
  "ไม่ครบองค์ประกอบด้านเวลา - …", in the assessors' wording, Thai first (the `time.*` wordings of
  rules/catalogs/wording.toml; a verdict carries the facts, rules/results.py renders them).

Everything that deals in dates takes the spans found by rules.thaidates; this module only judges them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from rules.results import GapFacts, render
from rules.results import thai_month_year as thai_month_year  # the wording of a month, re-exported
from rules.thaicalendar import (
    BE_OFFSET,
    add_months,
    fiscal_year_bounds,
    fiscal_year_of,
    last_day_of_month,
    months_between,
)
from rules.thaidates import DateSpan

TimeRule = Literal["current", "current_fy", "previous_fy", "first_half_current_fy", "covers_current_fy", "none"]


# --- fiscal-year arithmetic -------------------------------------------------------------------------


def first_half_months(fy_be: int, as_of: date) -> list[tuple[int, int]]:
    """October to March of fiscal year `fy_be` that have ended by `as_of`, as (CE year, month).

    A month counts once `as_of` is after its last day: on 31 October, October is still running and
    an agency cannot yet be expected to have published it.
    """
    start, _ = fiscal_year_bounds(fy_be)
    first_half = [add_months(start.year, start.month, k) for k in range(6)]
    return [(y, m) for y, m in first_half if as_of > last_day_of_month(y, m)]


# --- verdicts ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeVerdict:
    """The outcome of one time rule on one piece of evidence.

    ok is True (the rule is met or there is none), False (a time gap: `facts` say which, text_th/text_en in the
    assessors' wording) or None (cannot tell: no usable date was found; text_th/text_en give the reason
    for the "ตรวจสอบไม่ได้" status, and a person should look).
    """

    ok: bool | None
    fiscal_years_seen: list[int]
    facts: GapFacts | None = None

    @property
    def text_th(self) -> str | None:
        return render(self.facts)[0] if self.facts else None

    @property
    def text_en(self) -> str | None:
        return render(self.facts)[1] if self.facts else None


def _gap(years: list[int], facts: GapFacts) -> TimeVerdict:
    return TimeVerdict(False, years, facts)


def _cannot_tell(years: list[int], wording: str) -> TimeVerdict:
    return TimeVerdict(None, years, GapFacts(wording=wording))


def _named_fiscal_year(span: DateSpan) -> int | None:
    """The fiscal year a span names outright, if it names one.

    "ปีงบประมาณ 2569", a quarter or half-year round of it, "ประจำปี 2569"/"ปี พ.ศ. 2569" and the range
    "1 ต.ค. 68 - 30 ก.ย. 69" all name year 2569. Thai agencies label their annual plans and reports by
    BE year, and the criteria treat "รายงานผลการดำเนินงานประจำปี 2568" as the fiscal-year-2568 report,
    so a year span is read by its label rather than by its calendar dates (which would also overlap the
    next fiscal year).
    """
    if span.fiscal_year is not None:
        return span.fiscal_year
    if span.kind == "year" and not span.era_only:
        return span.start.year + BE_OFFSET
    if span.kind == "range" and (span.start, span.end) == fiscal_year_bounds(fiscal_year_of(span.start)):
        # "๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘" is exactly fiscal year 2568, written out as dates.
        return fiscal_year_of(span.start)
    return None


def _is_whole_calendar_years(span: DateSpan) -> bool:
    return (span.start.month, span.start.day, span.end.month, span.end.day) == (1, 1, 12, 31)


def _fiscal_years_touched(span: DateSpan) -> list[int]:
    named = _named_fiscal_year(span)
    if named is not None:
        return [named]
    if span.kind == "range" and _is_whole_calendar_years(span):
        # A plan period "พ.ศ. 2566–2570" is labelled by BE years; list the labels, not 2566..2571.
        return list(range(span.start.year + BE_OFFSET, span.end.year + BE_OFFSET + 1))
    return list(range(fiscal_year_of(span.start), fiscal_year_of(span.end) + 1))


def _usable(spans: list[DateSpan]) -> list[DateSpan]:
    # A bare "พ.ศ. N" is nearly always a law's title ("พ.ร.บ. ข้อมูลข่าวสารของราชการ พ.ศ. 2540"):
    # it says nothing about which year the document itself covers.
    return [s for s in spans if not s.era_only]


def fiscal_years_seen(spans: list[DateSpan]) -> list[int]:
    """Every fiscal year the usable spans name or touch, sorted."""
    return sorted({fy for s in _usable(spans) for fy in _fiscal_years_touched(s)})


def _overlaps_fy(span: DateSpan, fy_be: int) -> bool:
    start, end = fiscal_year_bounds(fy_be)
    return span.start <= end and span.end >= start


def _is_of_fiscal_year(spans: list[DateSpan], fy_be: int) -> tuple[bool, list[int]]:
    """Whether the evidence is data of fiscal year `fy_be`, and the years that decided it.

    Named years outrank incidental dates: a report titled "ประจำปีงบประมาณ 2568" and signed on
    15 ตุลาคม 2568 (already fiscal year 2569) is a 2568 report. Only when nothing names a year do the
    dates themselves decide, by overlapping the fiscal year.
    """
    named = sorted({fy for s in spans if (fy := _named_fiscal_year(s)) is not None})
    if named:
        return fy_be in named, named
    return any(_overlaps_fy(s, fy_be) for s in spans), fiscal_years_seen(spans)


def _judge_fiscal_year(spans: list[DateSpan], required: int) -> TimeVerdict:
    usable = _usable(spans)
    seen = fiscal_years_seen(usable)
    if not usable:
        return _cannot_tell(seen, "time.undated")
    ok, deciding = _is_of_fiscal_year(usable, required)
    if ok:
        return TimeVerdict(True, seen)
    if deciding and max(deciding) < required:
        # The assessors' wording for evidence that is simply old: say which year it is.
        return _gap(seen, GapFacts(wording="time.data_year", target_year=max(deciding)))
    return _gap(seen, GapFacts(wording="time.no_data_year", target_year=required))


def _judge_covers(spans: list[DateSpan], fy_be: int) -> TimeVerdict:
    """A multi-year plan: its stated period must include fiscal year `fy_be`.

    Only periods count (ranges, fiscal years, named years); a plan's signing date is not its period.
    """
    periods = [s for s in _usable(spans) if s.kind == "range" or _named_fiscal_year(s) is not None]
    seen = fiscal_years_seen(periods)
    if not periods:
        return _cannot_tell(seen, "time.no_period")
    for span in periods:
        named = _named_fiscal_year(span)
        if named == fy_be or (named is None and _overlaps_fy(span, fy_be)):
            return TimeVerdict(True, seen)
    return _gap(seen, GapFacts(wording="time.not_covered", target_year=fy_be, periods=[s.text for s in periods[:3]]))


def months_covered(spans: list[DateSpan]) -> set[tuple[int, int]]:
    """(CE year, month) of every month the spans show data for.

    Days and months count for their month; ranges, quarters and half-year rounds for every month
    inside them. Whole fiscal or calendar years do not: "ประจำปีงบประมาณ 2569" on a cover page says
    nothing about which months a monthly report contains. Ranges longer than a year are skipped for the
    same reason (a plan period "พ.ศ. 2566–2570" is not monthly data).
    """
    months: set[tuple[int, int]] = set()
    for span in spans:
        if span.kind in ("day", "month"):
            months.add((span.start.year, span.start.month))
        elif span.kind in ("range", "quarter", "half_year"):
            covered = months_between(span.start, span.end)
            if len(covered) <= 12:
                months.update(covered)
    return months


def judge_first_half(months: set[tuple[int, int]], fy_be: int, as_of: date) -> TimeVerdict:
    """Monthly/quarterly data must cover October–March of fiscal year `fy_be`, as far as ended by `as_of`.

    The gap lists the missing months (its text by Thai name and BE year, as an assessor would).
    """
    seen = sorted({fiscal_year_of(date(y, m, 1)) for y, m in months})
    required = first_half_months(fy_be, as_of)
    if not required:
        return TimeVerdict(True, seen)  # no month of the first half has ended yet: nothing is due
    if not months:
        return _cannot_tell(seen, "time.no_month")
    missing = [ym for ym in required if ym not in months]
    if not missing:
        return TimeVerdict(True, seen)
    return _gap(seen, GapFacts(wording="time.months", months=missing, target_year=fy_be))


def judge_spans(rule: TimeRule, spans: list[DateSpan], fy_be: int, as_of: date) -> TimeVerdict:
    """Judge the dates found in one piece of evidence against an item's time rule.

    fy_be is the fiscal year being assessed (ITA year N → N); as_of is the day of the check, which
    decides how many first-half months are already due.
    """
    if rule in ("current", "none"):
        return TimeVerdict(True, fiscal_years_seen(spans))  # no time component to check
    if rule == "current_fy":
        return _judge_fiscal_year(spans, fy_be)
    if rule == "previous_fy":
        return _judge_fiscal_year(spans, fy_be - 1)
    if rule == "first_half_current_fy":
        return judge_first_half(months_covered(spans), fy_be, as_of)
    if rule == "covers_current_fy":
        return _judge_covers(spans, fy_be)
    raise ValueError(f"unknown time rule: {rule!r}")
