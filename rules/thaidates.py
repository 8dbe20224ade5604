"""Thai dates and periods in free text: find them, turn them into Gregorian dates, flag impossible ones.

No library reads Thai official dates well (shared/ita/thai-text.md, "Dates"), so this is the project's
own parser. It reads what municipal documents actually contain, for example:

    ๑๘ ตุลาคม ๒๕๖๖            วันที่ 5 เดือนมกราคม พ.ศ. 2569      15/05/2569
    ต.ค.64-มี.ค.65            ๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘             1 - 15 ต.ค. 68
    ประจำปีงบประมาณ พ.ศ.๒๕๖๗    ไตรมาสที่ 2 ปีงบประมาณ 2569       รอบ 6 เดือน ปี 2565
    ประจำปี 2568 (ambiguous)    (พ.ศ. ๒๕๖๖ - ๒๕๗๐) (a plan period)

How it works
------------
Thai digits become Arabic ones first, one character for one, so an offset in the converted text is the
same offset in the original. Then three passes:

1. atoms: one regex per family (Thai-month dates, numeric dates, fiscal years, year ranges, years,
   quarters, half-year rounds) proposes matches; overlapping proposals are settled leftmost-longest.
2. ranges: two calendar atoms joined by -, –, ถึง or จนถึง become one range. A side without a year
   takes it from the other side ("ม.ค.-มี.ค.65": January is 2565 too; "ต.ค.-มี.ค. 65": October is 2564).
3. periods: a quarter or half-year round takes its fiscal year from a fiscal-year or year expression
   right after it (merged into one span) or else from the nearest one within a short window.

Choices
-------
- A year is BE 2400–2700 (minus 543) or CE 1900–2100; anything else is not a year. Two-digit years are
  BE (68 → 2568) unless marked ค.ศ. A four-digit number alone is never a date: a year needs a month,
  ปี, ปีงบประมาณ or an era marker (so "ที่ นภ 12345/2569" and "ครั้งที่ 2/2564" yield nothing).
- A day or month with no year anywhere (itself or the other side of its range) is dropped: it cannot
  be placed in time.
- A year range "พ.ศ. 2566–2570" (a plan period) covers whole calendar years, 1 Jan 2566 – 31 Dec 2570
  BE: the text names calendar years and we do not guess that it meant fiscal ones. rules/fiscal.py reads
  such periods by their BE labels, which is what the assessors compare. "ปีงบประมาณ 2561–2564" is read
  as fiscal years: 1 Oct 2560 – 30 Sep 2564.
- Impossible dates (31 ก.พ., 29 ก.พ. of a non-leap year, month 13, a range that ends before it starts,
  ไตรมาสที่ 5) are reported by find_invalid_dates() and never returned as dates.
- Not handled: English month names, Thai month names spelled out in words for the day ("วันที่ห้า"),
  and quarters or half-year rounds with no fiscal year nearby (they cannot be placed).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from crawler.thaitext import arabic_digits
from rules.literals import guarded, hints
from rules.thaicalendar import BE_OFFSET, THAI_MONTHS, add_months, fiscal_year_bounds, last_day_of_month

SpanKind = Literal["day", "month", "year", "fiscal_year", "quarter", "half_year", "range"]


@dataclass(frozen=True)
class DateSpan:
    """One date or period found in a text, in Gregorian (CE) dates."""

    start: date  # first day covered
    end: date  # last day covered (== start for a single day)
    kind: SpanKind
    text: str  # the matched source text, as written (Thai digits kept)
    pos: int  # offset of `text` in the input string
    # "ประจำปี N" alone can mean calendar year N or fiscal year N; it is returned as the calendar year
    # with ambiguous=True so a caller can decide.
    ambiguous: bool = False
    fiscal_year: int | None = None  # BE fiscal year when the text names one (ปีงบประมาณ, ไตรมาส, รอบ 6 เดือน)
    # True for a bare "พ.ศ. N" with neither ปี nor a month: in Thai official text that is nearly always
    # a law's title ("พ.ร.บ. ข้อมูลข่าวสารของราชการ พ.ศ. 2540"), not the period the document covers.
    era_only: bool = False


@dataclass(frozen=True)
class InvalidDate:
    """Something written as a date that cannot exist. Callers report it; the parser never guesses."""

    text: str
    pos: int
    reason_th: str
    reason_en: str


@dataclass(frozen=True)
class DateScan:
    """Everything one pass over a text found."""

    spans: list[DateSpan] = field(default_factory=list)
    invalid: list[InvalidDate] = field(default_factory=list)


# --- digits and years -------------------------------------------------------------------------------


def thai_digits_to_arabic(s: str) -> str:
    """Replace Thai digits ๐–๙ with 0–9. Same length, so offsets stay valid."""
    return arabic_digits(s)


def _year_ce(raw: str, era: str | None) -> int | None:
    """The CE year written as `raw` (2 or 4 digits) with an optional era marker, or None if implausible."""
    n = int(raw)
    is_ce = era is not None and era.startswith("ค")
    is_be = era is not None and not is_ce
    if len(raw) == 2:
        # Short years are BE in Thai official writing ("ต.ค. 67"); only ค.ศ. makes them CE.
        return 2000 + n if is_ce else 2500 + n - BE_OFFSET
    if is_ce:
        return n if 1900 <= n <= 2100 else None
    if 2400 <= n <= 2700:
        return n - BE_OFFSET
    if not is_be and 1900 <= n <= 2100:
        return n
    return None


def _day_exists(day: int, month: int, year_ce: int | None) -> bool:
    # Without a year, 29 February is given the benefit of the doubt; the range pass checks it again.
    longest = calendar.monthrange(year_ce if year_ce is not None else 2000, month)[1]
    return 1 <= day <= longest


# --- regex building blocks --------------------------------------------------------------------------

_SP = r"[ \u00a0]*"  # spaces inside one date; tabs and newlines usually separate table cells
_S1 = r"[ \u00a0]?"
# After an era ("พ.ศ.") or a fiscal-year word the year may wrap onto the next line of a PDF's text layer (a narrow
# column, a Word line wrap): "ประจำปีงบประมาณ พ.ศ.\n2568". Neither word ends a table cell, so one break is read.
_WRAP = r"[ \u00a0]*\n?[ \u00a0]*"
_THAI_CONSONANT = r"\u0E01-\u0E2E"
_THAI_LETTER = r"\u0E01-\u0E4E"
_DASH = r"(?:-|–|—)"


def _era(name: str) -> str:
    # พ.ศ. / ค.ศ. with or without dots or a space: "พ.ศ.", "พ.ศ", "พ. ศ.", "พศ".
    return rf"(?P<{name}>พ\.?{_S1}ศ\.?|ค\.?{_S1}ศ\.?)"


_FULL_MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(THAI_MONTHS)} | {
    "กรกฏาคม": 7,  # a common misspelling (ฏ for ฎ)
    "กุมภาพันธ": 2,  # PDF text extraction sometimes drops the final ์
}
_ABBREVIATIONS: list[tuple[str, str]] = [
    ("ม", "ค"),
    ("ก", "พ"),
    ("มี", "ค"),
    ("เม", "ย"),
    ("พ", "ค"),
    ("มิ", "ย"),
    ("ก", "ค"),
    ("ส", "ค"),
    ("ก", "ย"),
    ("ต", "ค"),
    ("พ", "ย"),
    ("ธ", "ค"),
]
# Looked up after removing dots and spaces, so "ต.ค.", "ต. ค", "ตค" all find October.
_MONTH_BY_KEY: dict[str, int] = _FULL_MONTHS | {a + b: i + 1 for i, (a, b) in enumerate(_ABBREVIATIONS)}


def _month_pattern() -> str:
    """The month alternatives, most to least trustworthy.

    Full names are unmistakable. Dotted abbreviations must not continue a longer abbreviation
    ("อ.ส.ค.", "ก.ค.ศ.", "ก.พ.ร." are organisations, not months). Dotless ones ("ตค") could be two
    letters inside any word ("ความคิด" holds มค), so they count only at a word start and right before a
    year.
    """
    full = "|".join(sorted(_FULL_MONTHS, key=len, reverse=True))
    dotted = "|".join(rf"{a}{_S1}\.{_S1}{b}(?:{_S1}\.)?" for a, b in _ABBREVIATIONS)
    dotless = "|".join(sorted((a + b for a, b in _ABBREVIATIONS), key=len, reverse=True))
    return (
        rf"(?P<mon>{full}"
        rf"|(?<!\.)(?>{dotted})(?![{_THAI_CONSONANT}])"
        rf"|(?:(?<=เดือน)|(?<![{_THAI_LETTER}]))(?:{dotless})(?={_S1}(?:พ\.?ศ\.?{_S1})?\d\d))"
    )


_NOT_AFTER_NUMBER = r"(?<![\dA-Za-z.,/:])"  # a day is not the tail of 1,250, 09.30, 12/31 or an item code (O18)
# ...and a year is not the head of 2,569 or 2569.5, nor an amount ("งบประมาณ 2500 บาท")
_YEAR_END = r"(?!\d)(?![.,]\d)(?![ \u00a0]*(?:บาท|ล้าน))"

_THAI_DATE = re.compile(
    # optional day, itself optionally the end of a day range "1 - 15"
    rf"(?:(?:{_NOT_AFTER_NUMBER}(?P<day1>\d{{1,2}}){_SP}(?:{_DASH}|ถึง){_SP})?"
    rf"{_NOT_AFTER_NUMBER}(?P<day>\d{{1,2}}){_SP}(?:เดือน{_SP})?)?"
    + _month_pattern()
    + rf"(?:{_SP}(?:ปี{_SP})?(?:{_era('era')}{_WRAP})?(?P<year>\d{{4}}|\d{{2}}){_YEAR_END})?"
)
# d/m/yyyy, d-m-yy, d.m.yyyy (the dotted form only with four-digit years: "1.2.10" is a section number)
_NUMERIC = re.compile(
    r"(?<![\d/.,\-:])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d)(?![/\-.,:]\d)"
)
_ISO = re.compile(r"(?<![\d/.,\-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d\-])")

# ปึ is a real typo (seed 001); a line break may split "ประจำปี" from "งบประมาณ" in PDF text.
_FY_WORD = rf"(?:ประจ(?:ำ|ํา){_SP})?ป[ีึ]\s*(?:ของ{_SP})?งบ(?:ประมาณ|{_SP}ฯ)?|งบประมาณ"
_FISCAL_YEAR = re.compile(
    rf"(?P<pre>{_FY_WORD}){_WRAP}(?:{_era('era')}{_WRAP})?(?P<y1>\d{{4}}|\d{{2}}){_YEAR_END}"
    rf"(?:{_SP}(?:{_DASH}|ถึง){_SP}(?:ป[ีึ]{_SP}(?:งบประมาณ{_SP})?)?(?:{_era('era2')}{_SP})?"
    rf"(?P<y2>\d{{4}}){_YEAR_END})?"
)
_YEAR_RANGE = re.compile(
    rf"(?:(?:ประจ(?:ำ|ํา){_SP})?ปี{_SP})?(?:{_era('era')}{_SP})?(?<![\d\-/,])(?<!\d\.)(?P<y1>\d{{4}})"
    rf"{_SP}(?:{_DASH}|ถึง){_SP}(?:ปี{_SP})?(?:{_era('era2')}{_SP})?(?P<y2>\d{{4}})(?![\d\-]){_YEAR_END}"
)
_YEAR = re.compile(
    rf"(?:(?P<pre>ประจ(?:ำ|ํา){_SP}ปี|ปี){_SP}(?:{_era('era')}{_SP})?|{_era('era2')}{_WRAP})"
    rf"(?<!\d)(?P<y>\d{{4}}){_YEAR_END}"
)
_QUARTER = re.compile(rf"ไตรมาส{_SP}(?:ที่{_SP})?(?P<q>\d)(?!\d)(?:{_SP}/{_SP}(?P<y>\d{{4}}|\d{{2}}){_YEAR_END})?")
_HALF = re.compile(
    rf"รอบ{_SP}(?P<n>6|12){_SP}เดือน(?:{_SP}(?P<which>แรก|หลัง))?|(?<!\d)(?P<n2>6){_SP}เดือน{_SP}(?P<which2>แรก)"
)

# "ต.ค.64-มี.ค.65", "ตุลาคม 2565 - เดือนกันยายน 2566", "1 ตุลาคม 2568 จนถึงวันที่ 30 กันยายน 2569"
_RANGE_SEP = re.compile(rf"{_SP}\n?{_SP}(?:{_DASH}|~|(?:จน)?ถึง){_SP}\n?{_SP}(?:(?:วันที่|เดือน){_SP})?")
_ADJACENT = re.compile(rf"{_SP}(?:ของ{_SP})?")  # "ไตรมาสที่ 1 ปีงบประมาณ 2569", "รอบ 6 เดือน ของปี 2565"
_NEARBY = 80  # characters between a quarter/half-year round and the fiscal year it belongs to


# --- atoms ------------------------------------------------------------------------------------------

Role = Literal["cal", "span", "period", "pair", "invalid"]


@dataclass
class _Atom:
    """A piece found by one regex, before ranges are joined and periods placed.

    role "cal": a day or a month that may still lack a year; "span": finished (years, fiscal years);
    "period": a quarter or half-year round waiting for its fiscal year; "pair": two cal atoms joined
    into a range; "invalid": an impossible date.
    """

    start: int
    end: int
    role: Role
    day: int | None = None
    day1: int | None = None  # first day of "1 - 15 ต.ค. 68"
    month: int | None = None
    year: int | None = None  # CE
    span: DateSpan | None = None  # role "span"; text and pos are filled in at the end
    period: tuple[str, int] | None = None  # ("quarter", 1..4) / ("half", 1 or 2) / ("full", 0)
    fiscal_year: int | None = None  # role "period": BE
    pair: tuple[_Atom, _Atom] | None = None
    reason: tuple[str, str] | None = None  # role "invalid": (Thai, English)


_NO_SUCH_DAY = ("ไม่มีวันที่นี้ในปฏิทิน", "no such day in the calendar")
_NO_SUCH_MONTH = ("ไม่มีเดือนนี้", "no such month")
_REVERSED = ("ช่วงเวลาสิ้นสุดก่อนเริ่มต้น", "the range ends before it starts")
_NO_SUCH_QUARTER = ("ไม่มีไตรมาสนี้ (มีไตรมาสที่ 1–4)", "no such quarter (there are quarters 1-4)")


def _invalid(m: re.Match[str], reason: tuple[str, str]) -> _Atom:
    return _Atom(m.start(), m.end(), "invalid", reason=reason)


def _ready(
    start: int,
    end: int,
    first: date,
    last: date,
    kind: SpanKind,
    *,
    ambiguous: bool = False,
    fiscal_year: int | None = None,
    era_only: bool = False,
) -> _Atom:
    """A finished span; its text and pos are filled in from the original text at the end."""
    span = DateSpan(first, last, kind, "", start, ambiguous, fiscal_year, era_only)
    return _Atom(start, end, "span", span=span)


def _thai_date_atom(m: re.Match[str]) -> _Atom | None:
    month = _MONTH_BY_KEY[re.sub(r"[.\s]", "", m["mon"])]
    year = _year_ce(m["year"], m["era"]) if m["year"] else None
    end = m.end() if year is not None else m.end("mon")  # an implausible "year" is left out of the match
    day = int(m["day"]) if m["day"] else None
    day1 = int(m["day1"]) if m["day1"] else None
    if m["day"] and day1 is None and _count_cell(m, day or 0):
        return _Atom(m.start("mon"), end, "cal", month=month, year=year)  # the month heads the next table row
    for d in (day, day1):
        if d is not None and not _day_exists(d, month, year):
            return _invalid(m, _NO_SUCH_DAY)
    return _Atom(m.start(), end, "cal", day=day, day1=day1, month=month, year=year)


def _count_cell(m: re.Match[str], day: int) -> bool:
    """True when the number before a month is the last cell of the table row above, not a day: 0 is never a
    day, and a number over 31 that follows other numbers ("ตุลาคม 2568 12 45 พฤศจิกายน 2568") is a count.
    Web pages join table cells with spaces, so a row of counts runs into the next row's month."""
    if day == 0:
        return True
    return day > 31 and re.search(r"\d[ \u00a0]+$", m.string[max(0, m.start() - 12) : m.start()]) is not None


def _numeric_atom(m: re.Match[str]) -> _Atom | None:
    if m["sep"] == "." and len(m["y"]) == 2:
        return None
    year = _year_ce(m["y"], None)
    if year is None:
        return None
    day, month = int(m["d"]), int(m["m"])
    if not 1 <= month <= 12:
        return _invalid(m, _NO_SUCH_MONTH)
    if not _day_exists(day, month, year):
        return _invalid(m, _NO_SUCH_DAY)
    return _Atom(m.start(), m.end(), "cal", day=day, month=month, year=year)


def _iso_atom(m: re.Match[str]) -> _Atom | None:
    year = _year_ce(m["y"], None)
    month, day = int(m["m"]), int(m["d"])
    if year is None or not 1 <= month <= 12:
        return None
    if not _day_exists(day, month, year):
        return _invalid(m, _NO_SUCH_DAY)
    return _Atom(m.start(), m.end(), "cal", day=day, month=month, year=year)


def _fiscal_year_atom(m: re.Match[str]) -> _Atom | None:
    if len(m["y1"]) == 2 and "ป" not in m["pre"]:
        return None  # "งบประมาณ 10 ล้าน": a short number after งบประมาณ alone is money, not a year
    first = _year_ce(m["y1"], m["era"])
    if first is None:
        return None
    fy1 = first + BE_OFFSET
    last = _year_ce(m["y2"], m["era2"] or m["era"]) if m["y2"] else None
    if last is not None and 0 < last + BE_OFFSET - fy1 <= 30:
        start, _ = fiscal_year_bounds(fy1)
        _, end = fiscal_year_bounds(last + BE_OFFSET)
        return _ready(m.start(), m.end(), start, end, "range")
    start, end = fiscal_year_bounds(fy1)
    return _ready(m.start(), m.end("y1"), start, end, "fiscal_year", fiscal_year=fy1)


def _year_range_atom(m: re.Match[str]) -> _Atom | None:
    first = _year_ce(m["y1"], m["era"])
    last = _year_ce(m["y2"], m["era2"] or m["era"])
    if first is None or last is None or not 0 < last - first <= 30:
        return None
    return _ready(m.start(), m.end(), date(first, 1, 1), date(last, 12, 31), "range")


def _year_atom(m: re.Match[str]) -> _Atom | None:
    year = _year_ce(m["y"], m["era"] or m["era2"])
    if year is None:
        return None
    pre = m["pre"] or ""
    return _ready(
        m.start(),
        m.end(),
        date(year, 1, 1),
        date(year, 12, 31),
        "year",
        ambiguous=pre.startswith("ประจ"),
        era_only=not pre,
    )


def _quarter_atom(m: re.Match[str]) -> _Atom | None:
    quarter = int(m["q"])
    if not 1 <= quarter <= 4:
        return _invalid(m, _NO_SUCH_QUARTER)
    year = _year_ce(m["y"], None) if m["y"] else None
    fy = year + BE_OFFSET if year is not None else None
    return _Atom(m.start(), m.end(), "period", period=("quarter", quarter), fiscal_year=fy)


def _half_atom(m: re.Match[str]) -> _Atom | None:
    if (m["n"] or m["n2"]) == "12":
        return _Atom(m.start(), m.end(), "period", period=("full", 0))
    second = (m["which"] or m["which2"]) == "หลัง"
    return _Atom(m.start(), m.end(), "period", period=("half", 2 if second else 1))


_FAMILY_ATOMS = [
    (_THAI_DATE, _thai_date_atom),
    (_NUMERIC, _numeric_atom),
    (_ISO, _iso_atom),
    (_FISCAL_YEAR, _fiscal_year_atom),
    (_YEAR_RANGE, _year_range_atom),
    (_YEAR, _year_atom),
    (_QUARTER, _quarter_atom),
    (_HALF, _half_atom),
]
# Each family searched behind a look-ahead for the characters its matches begin with (a digit or a month's first
# letter: the same matches, tried at a fraction of a page's characters), and only in a text that holds one of the
# literals each of its matches needs ("ไตรมาส", "งบ", a dash between years): rules/literals.py reads both off the
# pattern. Most of an evidence page's short texts (link labels, titles) hold a month's letters but no year range.
_FAMILIES = [(guarded(rx), hints(rx), make) for rx, make in _FAMILY_ATOMS]


def _atoms(norm: str) -> list[_Atom]:
    """Every family's proposals, then leftmost-longest: the first to start wins, the longer on a tie."""
    proposals = [
        atom
        for rx, needs, make in _FAMILIES
        if needs.may_match(norm)
        for m in rx.finditer(norm)
        if (atom := make(m)) is not None
    ]
    proposals.sort(key=lambda a: (a.start, a.start - a.end))
    chosen: list[_Atom] = []
    for atom in proposals:
        if not chosen or atom.start >= chosen[-1].end:
            chosen.append(atom)
    return chosen


# --- pass 2: ranges ---------------------------------------------------------------------------------


def _joinable(left: _Atom, right: _Atom) -> bool:
    plain = left.role == right.role == "cal" and left.day1 is None and right.day1 is None
    return plain and (left.year is not None or right.year is not None)


def _join_ranges(norm: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        left = atoms[i]
        right = atoms[i + 1] if i + 1 < len(atoms) else None
        if right is not None and _joinable(left, right) and _RANGE_SEP.fullmatch(norm, left.end, right.start):
            out.append(_Atom(left.start, right.end, "pair", pair=(left, right)))
            i += 2
        else:
            out.append(left)
            i += 1
    return out


def _inherit_years(left: _Atom, right: _Atom) -> tuple[int, int]:
    """Fill the missing side's year from the other side.

    Thai ranges usually write the year once, on the right. A left month later in the calendar than
    the right one belongs to the year before ("ต.ค.-มี.ค. 65" = Oct 2564 – Mar 2565).
    """
    assert left.month is not None and right.month is not None
    if left.year is None:
        assert right.year is not None
        return right.year - (1 if left.month > right.month else 0), right.year
    if right.year is None:
        return left.year, left.year + (1 if right.month < left.month else 0)
    return left.year, right.year


# --- pass 3: quarters and half-year rounds ----------------------------------------------------------


def _fiscal_year_named(atom: _Atom) -> int | None:
    """The fiscal year a single fiscal-year or year atom can lend to a nearby quarter or round."""
    if atom.role != "span" or atom.span is None:
        return None
    if atom.span.kind == "fiscal_year":
        return atom.span.fiscal_year
    if atom.span.kind == "year":
        # "ไตรมาสที่ 1 ปี 2569": quarters and rounds are always counted in fiscal years.
        return atom.span.start.year + BE_OFFSET
    return None


def _place_periods(norm: str, atoms: list[_Atom]) -> list[_Atom]:
    """Give each quarter/half-year round a fiscal year; one written right after it joins its span."""
    sources = [a for a in atoms if _fiscal_year_named(a) is not None]
    absorbed: set[int] = set()
    for i, atom in enumerate(atoms):
        if atom.role != "period" or atom.fiscal_year is not None:
            continue
        after = atoms[i + 1] if i + 1 < len(atoms) else None
        joins = after is not None and _ADJACENT.fullmatch(norm, atom.end, after.start) is not None
        if after is not None and joins and _fiscal_year_named(after) is not None:
            atom.fiscal_year = _fiscal_year_named(after)
            atom.end = after.end
            absorbed.add(id(after))
        else:
            atom.fiscal_year = _nearest_fiscal_year(atom, sources)
    return [a for a in atoms if id(a) not in absorbed]


def _nearest_fiscal_year(atom: _Atom, sources: list[_Atom]) -> int | None:
    def distance(src: _Atom) -> int:
        return atom.start - src.end if src.end <= atom.start else src.start - atom.end

    near = [s for s in sources if distance(s) <= _NEARBY]
    return _fiscal_year_named(min(near, key=distance)) if near else None


def _period_span(atom: _Atom) -> DateSpan | None:
    if atom.fiscal_year is None or atom.period is None:
        return None  # "ไตรมาสที่ 2" with no year in sight cannot be placed
    what, number = atom.period
    fy_start, fy_end = fiscal_year_bounds(atom.fiscal_year)
    if what == "full":
        return DateSpan(fy_start, fy_end, "fiscal_year", "", 0, fiscal_year=atom.fiscal_year)
    kind: SpanKind = "quarter" if what == "quarter" else "half_year"
    months = 3 if what == "quarter" else 6
    first = add_months(fy_start.year, fy_start.month, months * (number - 1))
    last = add_months(first[0], first[1], months - 1)
    start, end = date(first[0], first[1], 1), last_day_of_month(*last)
    return DateSpan(start, end, kind, "", 0, fiscal_year=atom.fiscal_year)


# --- building the result ----------------------------------------------------------------------------


def _bounds(atom: _Atom, year: int) -> tuple[date, date] | None:
    """First and last day a calendar atom covers in `year`, or None if that day does not exist."""
    assert atom.month is not None
    if atom.day is None:
        return date(year, atom.month, 1), last_day_of_month(year, atom.month)
    if not _day_exists(atom.day, atom.month, year):
        return None  # 29 ก.พ. that inherited a non-leap year
    first_day = atom.day1 if atom.day1 is not None else atom.day
    return date(year, atom.month, first_day), date(year, atom.month, atom.day)


class _Builder:
    """Turns the final atoms into DateSpans and InvalidDates, with text taken from the original."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[DateSpan] = []
        self.invalid: list[InvalidDate] = []

    def emit(self, start: int, end: int, span: DateSpan) -> None:
        self.spans.append(replace(span, text=self.text[start:end], pos=start))

    def flag(self, start: int, end: int, reason: tuple[str, str]) -> None:
        self.invalid.append(InvalidDate(self.text[start:end], start, *reason))

    def add(self, atom: _Atom) -> None:
        if atom.role == "invalid" and atom.reason is not None:
            self.flag(atom.start, atom.end, atom.reason)
        elif atom.role == "span" and atom.span is not None:
            self.emit(atom.start, atom.end, atom.span)
        elif atom.role == "period" and (span := _period_span(atom)) is not None:
            self.emit(atom.start, atom.end, span)
        elif atom.role == "cal" and atom.year is not None:
            self.add_calendar(atom, atom.year)
        elif atom.role == "pair" and atom.pair is not None:
            self.add_pair(atom, *atom.pair)

    def add_calendar(self, atom: _Atom, year: int) -> None:
        bounds = _bounds(atom, year)
        if bounds is None:
            self.flag(atom.start, atom.end, _NO_SUCH_DAY)
        elif bounds[0] > bounds[1]:
            self.flag(atom.start, atom.end, _REVERSED)  # "15 - 1 ต.ค. 68"
        else:
            kind: SpanKind = "month" if atom.day is None else "day" if atom.day1 is None else "range"
            self.emit(atom.start, atom.end, DateSpan(bounds[0], bounds[1], kind, "", 0))

    def add_pair(self, whole: _Atom, left: _Atom, right: _Atom) -> None:
        left_year, right_year = _inherit_years(left, right)
        first, last = _bounds(left, left_year), _bounds(right, right_year)
        if first is None or last is None:
            # One side is impossible ("29 ก.พ. - 5 มี.ค. 2568"): flag it; the other stands alone if it
            # states its own year.
            for side, bounds in ((left, first), (right, last)):
                if bounds is None:
                    self.flag(side.start, side.end, _NO_SUCH_DAY)
                elif side.year is not None:
                    self.add_calendar(side, side.year)
            return
        if first[0] > last[1]:
            # "ต.ค.64- มี.ค.64" (seed 004): flag the range, but keep each side that states its own year,
            # since each is a real date as written.
            self.flag(whole.start, whole.end, _REVERSED)
            for side in (left, right):
                if side.year is not None:
                    self.add_calendar(side, side.year)
            return
        self.emit(whole.start, whole.end, DateSpan(first[0], last[1], "range", "", 0))


def scan_dates(text: str) -> DateScan:
    """Find every date and period in `text`, and every impossible date, in one pass."""
    norm = thai_digits_to_arabic(text)
    atoms = _place_periods(norm, _join_ranges(norm, _atoms(norm)))
    builder = _Builder(text)
    for atom in atoms:
        builder.add(atom)
    spans = sorted(builder.spans, key=lambda s: s.pos)
    return DateScan(spans, sorted(builder.invalid, key=lambda d: d.pos))


_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
_ROW_REACH = 60  # characters after a month where its row's cells are


def table_months(text: str, fiscal_year: int | None = None, *, thai_digits: bool = True) -> list[DateSpan]:
    """Months written without a year, placed as a reader of a monthly table places them.

    A table with one row per month writes the year once: in its heading ("สถิติ… ประจำปีงบประมาณ พ.ศ. 2569":
    ต.ค.–ธ.ค. are of 2568, ม.ค.–ก.ย. of 2569) or on its first row ("ตุลาคม 2568", then "พฤศจิกายน",
    "ธันวาคม", "มกราคม": a month earlier in the calendar than the one above it is of the next year). Each such
    month is placed by the nearest dated thing before it, else by `fiscal_year` (one a title names). Only months
    that head a row count: something other than another month follows them (a list of month names, such as a
    drop-down, is not data). With `thai_digits` False (text read by OCR), anchors in Thai digits are not used.
    find_dates() never returns these: out of a table, a month without a year cannot be placed.
    """
    norm = thai_digits_to_arabic(text)
    atoms = _place_periods(norm, _join_ranges(norm, _atoms(norm)))
    anchor: tuple[str, int, int] | None = ("fy", fiscal_year, 0) if fiscal_year else None
    placed: list[DateSpan] = []
    for i, atom in enumerate(atoms):
        if not thai_digits and _THAI_DIGIT.search(text[atom.start : atom.end]):
            continue
        year = _row_year(norm, atoms, i, anchor)
        if year is None:
            anchor = _anchor_of(atom) or anchor
            continue
        assert atom.month is not None
        span = DateSpan(date(year, atom.month, 1), last_day_of_month(year, atom.month), "month", "", 0)
        placed.append(replace(span, text=text[atom.start : atom.end], pos=atom.start))
        anchor = ("month", year, atom.month)
    return placed


def _row_year(norm: str, atoms: list[_Atom], i: int, anchor: tuple[str, int, int] | None) -> int | None:
    """The CE year of the month heading row `atoms[i]` of a monthly table, or None when the atom is no such month.
    A count that ran into the month ("1 0 1 กุมภาพันธ์ 2569") made it a day: it is the month's row all the same."""
    atom = atoms[i]
    if atom.role != "cal" or atom.day1 is not None or atom.month is None:
        return None
    if not _yearless(norm, atom, anchor):
        after_count = atom.day is not None and re.search(r"\d[ \u00a0]+$", norm[max(0, atom.start - 8) : atom.start])
        return atom.year if after_count else None
    following = atoms[i + 1].start if i + 1 < len(atoms) else len(norm)
    # A two-digit "year" that _yearless set aside is the row's first count: its cells start there ("มีนาคม 12").
    cells = atom.end if atom.year is None else atom.end - 2
    if anchor is None or not norm[cells : min(following, atom.end + _ROW_REACH)].strip():
        return None  # nothing to place it by, or a bare list of month names (a drop-down), not a row of data
    return _year_in(anchor, atom.month)


def _yearless(norm: str, atom: _Atom, anchor: tuple[str, int, int] | None) -> bool:
    """A month without a year; or, in a table whose year is known, one followed by a two-digit number that is not
    that year: the row's first count ("มีนาคม 45 44 1" in a table of 2569 is not March 2545)."""
    if atom.year is None:
        return True
    if anchor is None or not re.search(r"(?<!\d)\d\d$", norm[atom.start : atom.end]):
        return False
    known = anchor[1] - BE_OFFSET if anchor[0] == "fy" else anchor[1]
    return abs(atom.year - known) > 1


def _year_in(anchor: tuple[str, int, int], month: int) -> int:
    """The CE year of a yearless `month` that follows `anchor` (a fiscal year, or the month above it)."""
    what, number, above = anchor
    if what == "fy":
        return number - BE_OFFSET - (1 if month >= 10 else 0)
    return number + (1 if month < above else 0)


def _anchor_of(atom: _Atom) -> tuple[str, int, int] | None:
    """What a dated atom tells about the year of the months after it: a month with its year, or a fiscal year."""
    if atom.role == "cal" and atom.year is not None and atom.month is not None:
        return ("month", atom.year, atom.month)
    if atom.role == "pair" and atom.pair is not None:
        left, right = atom.pair
        # A range heads the table of its months ("ระหว่างเดือน ตุลาคม 2568 ถึง มีนาคม 2569", then rows "ต.ค.",
        # "พ.ย.", …): its rows start at its first month.
        if left.month is not None:
            return ("month", _inherit_years(left, right)[0], left.month)
        if right.month is not None:
            return ("month", _inherit_years(left, right)[1], right.month)
    if atom.role == "period" and atom.fiscal_year is not None:
        return ("fy", atom.fiscal_year, 0)
    if atom.role == "span" and atom.span is not None and not atom.span.era_only:
        fy = _fiscal_year_named(atom)
        return ("fy", fy, 0) if fy is not None else None
    return None


def find_dates(text: str) -> list[DateSpan]:
    """Every date or period in `text`, in order of position, never overlapping."""
    return scan_dates(text).spans


def parse_date(text: str) -> DateSpan | None:
    """The first date or period in `text`, or None."""
    spans = find_dates(text)
    return spans[0] if spans else None


def find_invalid_dates(text: str) -> list[InvalidDate]:
    """Things written as dates that cannot exist ("31 ก.พ. 2569", "15/13/2569"), so callers can say so."""
    return scan_dates(text).invalid
