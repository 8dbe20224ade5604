"""The verdicts the rules produce: item by item, component by component, with gaps, evidence and the score.

rules/evaluate.py fills ItemResult (with ComponentResult, Gap, EvidenceRef) and rules/score.py fills Score; the
reports render them inside the scan result (reports/models.py). Their JSON form is part of the contract
`shared/contracts/scan-result.schema.json`; field names and meanings must stay compatible with it.

A gap is built from its facts (GapFacts: which wording, which component, the years, months, URLs … it is
about) by `Gap.of`, the one place its Thai and English texts are rendered, from rules/catalogs/wording.toml.
The facts stay with the gap in memory (rules and reports can read them instead of parsing the text); they are
not part of the JSON, so a stored result read back has its texts only.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from rules.catalog import wording
from rules.thaicalendar import BE_OFFSET, ENGLISH_MONTHS, THAI_MONTHS, fiscal_year_bounds

ItemStatus = Literal["pass", "gap", "missing", "unknown"]
ComponentStatus = Literal["present", "missing", "unknown"]
GapKind = Literal["data", "time", "rule", "not_found"]
EvidenceKind = Literal["page", "document", "external"]

STATUS_TH: dict[str, str] = {
    "pass": "ผ่าน",
    "gap": "ไม่ครบองค์ประกอบ",
    "missing": "ไม่พบข้อมูล",
    "unknown": "ตรวจสอบไม่ได้",
}


class EvidenceRef(BaseModel):
    url: str
    kind: EvidenceKind = "page"
    found_via: str | None = None
    title: str | None = None


class ComponentResult(BaseModel):
    id: str
    status: ComponentStatus
    label_th: str | None = None
    evidence_url: str | None = None
    snippet: str | None = None
    reason: str | None = None
    confidence: str | None = None  # of the criterion for this component: C, S, 1 or I


class GapFacts(BaseModel):
    """What one finding is about. `wording` names its wording in catalogs/wording.toml ("<gap kind>.<case>");
    the other fields are the facts its placeholders show (which ones, rules/catalog.py WORDING_SLOTS)."""

    model_config = ConfigDict(frozen=True)

    wording: str
    label_th: str | None = None  # the component's label (a field's: its parent's), or the item's title
    label_en: str | None = None
    field_th: str | None = None  # the missing field of the component
    field_en: str | None = None
    parts: list[str] = Field(default_factory=list)  # the parts the check missed
    fields_th: list[str] = Field(default_factory=list)  # every part the component must hold, in order
    fields_gap_th: str | None = None  # the component's own wording of them ({year}, {fields}; components.toml)
    target_year: int | None = None  # the fiscal year (BE) the time rule wants
    years_seen: list[int] = Field(default_factory=list)  # the fiscal years the evidence touches
    data_years: list[int] = Field(default_factory=list)  # the older years the evidence names as its own
    months: list[tuple[int, int]] = Field(default_factory=list)  # missing months, (CE year, month)
    periods: list[str] = Field(default_factory=list)  # plan periods found, as written
    urls: list[str] = Field(default_factory=list)  # the links concerned (dead, or declared in the config)
    found_urls: list[str] = Field(default_factory=list)  # passing evidence found elsewhere
    statuses: list[str] = Field(default_factory=list)  # what the dead links answered
    rule_th: str | None = None  # the rule broken, in the assessors' words (components.toml)
    rule_en: str | None = None
    detail: str | None = None  # what the check saw


class Gap(BaseModel):
    kind: GapKind
    component: str | None = None
    text_th: str
    text_en: str | None = None
    hint_th: str | None = None
    facts: GapFacts | None = Field(default=None, exclude=True, repr=False)  # None when read back from JSON

    def __eq__(self, other: object) -> bool:
        """Gaps are equal when they say the same (their contract fields): a stored gap read back, without its
        facts, equals the one the scan built."""
        if not isinstance(other, Gap):
            return NotImplemented
        return self._said() == other._said()

    __hash__ = None  # type: ignore[assignment]  # mutable, as every BaseModel

    def _said(self) -> tuple[str, str | None, str, str | None, str | None]:
        return (self.kind, self.component, self.text_th, self.text_en, self.hint_th)

    @classmethod
    def of(cls, facts: GapFacts, component: str | None = None, hint_th: str | None = None) -> Gap:
        """The gap of `facts`, its kind the wording's ("time.months" is a time gap), its texts rendered."""
        text_th, text_en = render(facts)
        kind = cast(GapKind, facts.wording.split(".", 1)[0])  # WORDING_SLOTS keys start with a gap kind
        hint = hint_th or wording()[facts.wording].hint_th
        return cls(kind=kind, component=component, text_th=text_th, text_en=text_en, hint_th=hint, facts=facts)


# --- rendering: the only place a finding's facts become words ------------------------------------------
def render(facts: GapFacts) -> tuple[str, str | None]:
    """The Thai and English texts of `facts`, from its wording."""
    found = wording()[facts.wording]
    return found.th_text(**_values(facts, found.th, "th")), (
        found.en_text(**_values(facts, found.en, "en")) if found.en is not None else None
    )


def reason(key: str, **values: object) -> str:
    """An unknown reason ("ไทย / English") or a component's reason, from its wording."""
    return wording()[key].both(**values)


def _values(facts: GapFacts, template: str | None, lang: str) -> dict[str, object]:
    names = {name for _, name, _, _ in string.Formatter().parse(template or "") if name}
    return {name: _SLOTS[name](facts, lang == "th") for name in names}


def _listed(facts: GapFacts, th: bool) -> str:
    """The component "ที่มีรายละเอียดอย่างน้อยประกอบด้วย ๑. … ๒. …", or in the component's own `fields_gap_th`."""
    fields = " ".join(f"{thai_number(n)}. {label}" for n, label in enumerate(facts.fields_th, 1))
    if facts.fields_gap_th:
        return facts.fields_gap_th.format(year=facts.target_year, fields=fields)
    return wording()["data.with_fields"].th_text(label=facts.label_th, fields=fields)


_SLOTS: dict[str, Callable[[GapFacts, bool], object]] = {
    "label": lambda f, th: f.label_th if th else f.label_en,
    "title": lambda f, th: f.label_th,
    "field": lambda f, th: f.field_th if th else f.field_en,
    "parts": lambda f, th: ", ".join(f.parts),
    "listed": _listed,
    "target": lambda f, th: f.target_year,
    "year": lambda f, th: f.target_year,
    "fy": lambda f, th: english_fy(f.target_year) if f.target_year is not None else None,
    "periods": lambda f, th: ", ".join(f.periods),
    "years": lambda f, th: ", ".join(str(y) for y in sorted(f.years_seen)),
    "old": lambda f, th: ", ".join(wording()["time.old_year"].th_text(year=y) for y in f.data_years),
    "months": lambda f, th: ", ".join((thai_month_year if th else english_month_year)(y, m) for y, m in f.months),
    "rule": lambda f, th: f.rule_th if th else f.rule_en,
    "detail": lambda f, th: f.detail,
    "urls": lambda f, th: shown_urls(f.urls),
    "statuses": lambda f, th: "; ".join(f.statuses),
    "declared": lambda f, th: ", ".join(f.urls),
    "found": lambda f, th: ", ".join(f.found_urls),
}


def shown_urls(urls: list[str], shown: int = 3) -> str:
    """The first few URLs of a finding, "…" when there are more: the crawler's first_urls() (crawler/urls.py) written
    again here because the results the reports read may not reach into the crawler (import-linter's
    reports-read-results contract); tests/rules/test_wording.py keeps the two the same."""
    return ", ".join(urls[:shown]) + (", …" if len(urls) > shown else "")


def thai_month_year(year_ce: int, month: int) -> str:
    """A month as assessors write it: Thai name and BE year ("มีนาคม 2569")."""
    return f"{THAI_MONTHS[month - 1]} {year_ce + BE_OFFSET}"


def english_month_year(year_ce: int, month: int) -> str:
    return f"{ENGLISH_MONTHS[month - 1]} {year_ce}"


def english_fy(fy_be: int) -> str:
    start, end = fiscal_year_bounds(fy_be)
    return f"fiscal year {fy_be} BE ({start:%b %Y} - {end:%b %Y})"


def thai_number(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


class ItemResult(BaseModel):
    code: str = Field(pattern=r"^O[0-9]{1,2}$")
    title: str
    status: ItemStatus
    unknown_reason: str | None = None
    confidence: str | None = None
    evidence: list[EvidenceRef] = Field(default_factory=list)
    components: list[ComponentResult] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    subindicator: str | None = None
    gain: float | None = Field(
        default=None,
        description="OIT points this item would add if it passed (gap/missing: if fixed; unknown: if confirmed);"
        " None for a passing item or when no score was estimated. See rules.score.",
    )


class SubindicatorScore(BaseModel):
    """One sub-indicator (e.g. "9.1"): the mean of its items, each 100 or 0."""

    id: str
    indicator: str
    label_th: str | None = None
    score: float = Field(description="unknown items counted as 0")
    score_if_unknown_pass: float = Field(description="unknown items counted as 100")
    items: list[str] = Field(default_factory=list, description="item codes")
    counts: dict[str, int] = Field(default_factory=dict, description="items per status")


class IndicatorScore(BaseModel):
    """One indicator (e.g. "9"): the mean of its sub-indicators."""

    id: str
    label_th: str | None = None
    score: float
    score_if_unknown_pass: float
    subindicators: list[str] = Field(default_factory=list)


class Score(BaseModel):
    """The estimated OIT score. The contract requires only oit_estimate and grade; the rest is extra.

    Filled by rules.score.estimate: oit_estimate counts unknown items as 0 (what an assessor gives for
    evidence nobody could confirm); oit_if_unknown_pass is the ceiling if every unknown item passed.
    """

    oit_estimate: float | None = None
    grade: str | None = None
    grade_th: str | None = None
    grade_th_confidence: str | None = None
    oit_if_unknown_pass: float | None = None
    grade_if_unknown_pass: str | None = None
    complete: bool | None = Field(default=None, description="False when any item is unknown")
    counts: dict[str, int] = Field(default_factory=dict, description="items per status")
    not_implemented: int = Field(default=0, description="unknown items the tool cannot check yet")
    subindicator_confidence: str | None = None
    subindicators: list[SubindicatorScore] = Field(default_factory=list)
    indicators: list[IndicatorScore] = Field(default_factory=list)
    gains: dict[str, float] = Field(default_factory=dict, description="item code -> points if it passed")
