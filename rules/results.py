"""The verdicts the rules produce: item by item, component by component, with gaps, evidence and the score.

rules/evaluate.py fills ItemResult (with ComponentResult, Gap, EvidenceRef) and rules/score.py fills Score; the
reports render them inside the scan result (reports/models.py). Their JSON form is part of the contract
`shared/contracts/scan-result.schema.json`; field names and meanings must stay compatible with it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

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


class Gap(BaseModel):
    kind: GapKind
    component: str | None = None
    text_th: str
    text_en: str | None = None
    hint_th: str | None = None


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
