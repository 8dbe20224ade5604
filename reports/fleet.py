"""The fleet index: one self-contained Thai HTML page over many sites (latest score, grade, trend, worst items).

Pure rendering: oit.fleet reads the database and the config, writes each site's report and hands the
entries here. Website text is escaped by Jinja2 autoescaping, as in the per-scan report.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from reports.chart import TREND_MARK, TREND_TH, ScoreChart, Trend, score_chart, trend
from reports.html_report import environment
from reports.models import ScanResult, ScanSummary
from reports.thai import STATUS_TH
from rules.results import ItemResult

TEMPLATE_NAME = "fleet.html.j2"
WORST_ITEMS = 3
_STATUS_WEIGHT = {"missing": 3, "gap": 2, "unknown": 1, "pass": 0}
NIGHT_STATE_TH = {"queued": "ยังไม่ได้สแกน (รอคิว)", "running": "ยังสแกนไม่เสร็จ", "failed": "สแกนไม่สำเร็จ"}


class WorstItem(BaseModel):
    code: str
    title: str
    status: str
    gain: float | None


class FleetEntry(BaseModel):
    name: str | None
    url: str
    configured: bool  # listed in config.toml [[sites]]
    latest: ScanSummary | None = None  # newest finished scan
    last_attempt: ScanSummary | None = None  # newest scan of any state (shows a failed or running scan)
    trend: Trend | None = None
    sparkline: ScoreChart | None = None
    worst: list[WorstItem] = Field(default_factory=list)
    report_href: str | None = None  # relative link to the site's latest report


class NightRun(BaseModel):
    """A site of the fleet's last night that was not scanned (oit fleet): why, for the top of the index."""

    name: str | None
    url: str
    state: str  # queued | running | failed
    late: bool
    attempts: int
    error: str | None


class LastNight(BaseModel):
    """The ledger of the fleet's latest night: how many sites were done, and those that were not."""

    night: date
    done: int
    total: int
    not_scanned: list[NightRun] = Field(default_factory=list)


def worst_items(result: ScanResult, limit: int = WORST_ITEMS) -> list[WorstItem]:
    """The items worth most points if fixed (then missing before gap before unknown), at most `limit`."""
    failing = [i for i in result.items if i.status != "pass"]

    def key(item: ItemResult) -> tuple[float, int]:
        return (-(item.gain or 0.0), -_STATUS_WEIGHT[item.status])

    failing.sort(key=key)
    return [WorstItem(code=i.code, title=i.title, status=i.status, gain=i.gain) for i in failing[:limit]]


def fleet_entry(
    name: str | None,
    url: str,
    configured: bool,
    history: Sequence[ScanSummary],
    result: ScanResult | None,
    report_href: str | None,
) -> FleetEntry:
    """One site's row from its scans (newest first, any state) and the result of its newest finished scan."""
    done = [s for s in history if s.state == "done"]
    return FleetEntry(
        name=name,
        url=url,
        configured=configured,
        latest=done[0] if done else None,
        last_attempt=history[0] if history else None,
        trend=trend(history),
        sparkline=score_chart(history, width=110, height=28, axes=False),
        worst=worst_items(result) if result else [],
        report_href=report_href,
    )


def render_fleet(entries: Sequence[FleetEntry], generated_at: datetime, last_night: LastNight | None = None) -> str:
    """The index page: the sites the fleet did not scan last night first (why), then every site, the lowest score
    first (unscanned sites last), so problems lead."""
    ordered = sorted(
        entries,
        key=lambda e: (e.latest is None or e.latest.score is None, e.latest.score if e.latest else 0, e.url),
    )
    template = environment().get_template(TEMPLATE_NAME)
    return template.render(
        entries=ordered,
        generated_at=generated_at,
        last_night=last_night,
        TREND_MARK=TREND_MARK,
        TREND_TH=TREND_TH,
        STATUS=STATUS_TH,
        NIGHT_STATE=NIGHT_STATE_TH,
    )


def write_fleet(
    entries: Sequence[FleetEntry],
    path: str | os.PathLike[str],
    generated_at: datetime,
    last_night: LastNight | None = None,
) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_fleet(entries, generated_at, last_night), encoding="utf-8")
    return out
