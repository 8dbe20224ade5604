"""What the reports read: the scan result (the JSON contract) and the rows of a site's history and of a diff.

Plain pydantic models, no I/O. The verdicts inside a result are the rules' (rules/results.py). The app (oit/)
fills these: it runs the scan, reads the stored history (oit/watch/history.py) and compares two results (oit/watch/diff.py),
then hands the data to a report. The JSON form of ScanResult is the contract
`shared/contracts/scan-result.schema.json` (a copy is reports/scan-result.schema.json); field names and meanings
must stay compatible with it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from rules.results import STATUS_TH, ComponentStatus, Gap, ItemResult, ItemStatus, Score

# --- the scan result -------------------------------------------------------------------------------------------


class ToolInfo(BaseModel):
    name: str = "oit"
    version: str


class SiteInfo(BaseModel):
    url: str
    name: str | None = None


class FiscalYear(BaseModel):
    start: date
    end: date


class Criteria(BaseModel):
    year: int
    provisional: bool = False
    note_th: str | None = None


class CrawlStats(BaseModel):
    pages: int = 0
    documents: int = 0
    errors: int = 0
    duration_s: float = 0.0
    findings: list[str] = Field(default_factory=list, description="site-level notes, e.g. invalid TLS")


class ScanResult(BaseModel):
    schema_version: Literal["1"] = "1"
    tool: ToolInfo
    site: SiteInfo
    assessment_year: int
    as_of: date
    fiscal_year: FiscalYear
    criteria: Criteria
    crawl: CrawlStats
    items: list[ItemResult]
    score: Score | None = None
    scan_id: int | None = None

    def counts(self) -> dict[str, int]:
        """How many items have each status (every status present, zero when none)."""
        out = dict.fromkeys(STATUS_TH, 0)
        for item in self.items:
            out[item.status] += 1
        return out


# --- a site's history: one row per stored scan (oit/watch/history.py reads them) -------------------------------------


class ScanSummary(BaseModel):
    scan_id: int
    site_url: str
    site_name: str | None
    state: str  # running | done | failed | crashed
    started_at: datetime  # naive UTC as stored
    finished_at: datetime | None
    assessment_year: int
    as_of: date
    score: float | None  # ScanResult.score.oit_estimate
    grade: str | None
    counts: dict[str, int]  # pass/gap/missing/unknown (empty when not done)
    error: str | None
    duration_s: float = 0.0
    pages: int = 0
    documents: int = 0
    kind: str = "scan"  # scan | recheck (one item re-fetched, the rest copied from scan `based_on`)
    based_on: int | None = None


# --- what changed between two results of a site (oit/watch/diff.py computes it) --------------------------------------


class ComponentChange(BaseModel):
    id: str
    label_th: str | None = None
    before: ComponentStatus | None  # None: not in the older scan
    after: ComponentStatus | None


class ItemChange(BaseModel):
    code: str
    title: str
    before: ItemStatus | None  # None: item not in the older scan
    after: ItemStatus | None
    new_gaps: list[Gap] = Field(default_factory=list)  # in `after`, not in `before` (kind + component + text_th)
    fixed_gaps: list[Gap] = Field(default_factory=list)
    evidence_added: list[str] = Field(default_factory=list)  # evidence URLs
    evidence_removed: list[str] = Field(default_factory=list)
    evidence_broken: list[str] = Field(default_factory=list)  # evidence before, failed to load now (when known)
    broken_reasons: dict[str, str] = Field(default_factory=dict)  # broken URL -> error or HTTP status
    went_unknown: bool = False  # after == "unknown" and before != "unknown"
    unknown_reason: str | None = None  # why it is unknown now
    components: list[ComponentChange] = Field(default_factory=list)  # components whose status changed

    @property
    def status_changed(self) -> bool:
        return self.before != self.after


class ScanDiff(BaseModel):
    site_url: str
    site_name: str | None = None
    old_scan_id: int | None
    new_scan_id: int | None
    old_as_of: date
    new_as_of: date
    score_before: float | None
    score_after: float | None
    grade_before: str | None = None
    grade_after: str | None = None
    changes: list[ItemChange]  # only items that changed in any way, ordered by item code number

    @property
    def new_gaps_count(self) -> int:
        return sum(len(c.new_gaps) for c in self.changes)

    @property
    def fixed_gaps_count(self) -> int:
        return sum(len(c.fixed_gaps) for c in self.changes)

    @property
    def is_empty(self) -> bool:
        return not self.changes
