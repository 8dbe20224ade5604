"""The score over past scans as plain numbers for an inline SVG: a line chart and a sparkline.

No JavaScript and no chart library: the templates draw a <polyline> and <circle>s from these coordinates.
Only finished scans with a score are plotted, oldest on the left.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel

from reports.models import ScanSummary
from reports.thai import thai_date

Trend = Literal["up", "down", "same"]
TREND_MARK: dict[str, str] = {"up": "▲", "down": "▼", "same": "▶"}
TREND_TH: dict[str, str] = {"up": "ดีขึ้น", "down": "ลดลง", "same": "คงที่"}
LABEL_WIDTH = 72  # px a Thai date such as "22 พ.ย. 2569" needs at 10px
GRADE_LINES = (85.0, 65.0, 50.0)  # A (national target), C, E: where a reader's eye looks for a band


class ChartPoint(BaseModel):
    x: float
    y: float
    score: float
    grade: str | None
    label: str  # the scan's as-of date in Thai
    scan_id: int
    current: bool
    show_label: bool  # dates are written under every n-th point so they never overlap


class ScoreChart(BaseModel):
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    points: list[ChartPoint]
    y_ticks: list[tuple[float, str]]  # (y, label)

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def scored(history: Sequence[ScanSummary], limit: int) -> list[ScanSummary]:
    """The newest `limit` finished scans with a score, oldest first."""
    done = [s for s in history if s.state == "done" and s.score is not None]
    done.sort(key=lambda s: s.scan_id)
    return done[-limit:]


def score_chart(
    history: Sequence[ScanSummary],
    current_scan_id: int | None = None,
    *,
    width: int = 560,
    height: int = 180,
    limit: int = 12,
    axes: bool = True,
) -> ScoreChart | None:
    """Coordinates for the score line; None with fewer than two scored scans.

    With axes the scale is the whole 0–100; a sparkline (no axes) zooms in on its scores so that a change of a
    few points is still visible in a table cell.
    """
    scans = scored(history, limit)
    if len(scans) < 2:
        return None
    left, right, top, bottom = (40, 40, 18, 28) if axes else (3, 3, 3, 3)
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / (len(scans) - 1)
    every = max(1, math.ceil(LABEL_WIDTH / step))

    lo, hi = (0.0, 100.0) if axes else _zoomed([s.score or 0.0 for s in scans])

    def y_of(score: float) -> float:
        return top + plot_h * (1 - (max(lo, min(hi, score)) - lo) / (hi - lo))

    points = [
        ChartPoint(
            x=left + i * step,
            y=y_of(s.score or 0.0),
            score=s.score or 0.0,
            grade=s.grade,
            label=thai_date(s.as_of),
            scan_id=s.scan_id,
            current=s.scan_id == current_scan_id,
            show_label=axes and ((len(scans) - 1 - i) % every == 0),
        )
        for i, s in enumerate(scans)
    ]
    ticks = [(y_of(v), f"{v:g}") for v in (0.0, *GRADE_LINES, 100.0)] if axes else []
    return ScoreChart(
        width=width, height=height, left=left, right=right, top=top, bottom=bottom, points=points, y_ticks=ticks
    )


def _zoomed(scores: list[float], margin: float = 5.0, span: float = 20.0) -> tuple[float, float]:
    """A 0–100 window around the scores, at least `span` points tall."""
    lo, hi = min(scores) - margin, max(scores) + margin
    if hi - lo < span:
        mid = (lo + hi) / 2
        lo, hi = mid - span / 2, mid + span / 2
    if lo < 0:
        lo, hi = 0.0, hi - lo
    if hi > 100:
        lo, hi = lo - (hi - 100), 100.0
    return max(0.0, lo), hi


def trend(history: Sequence[ScanSummary]) -> Trend | None:
    """Whether the newest scored scan is better than the one before it (None with fewer than two)."""
    scans = scored(history, 2)
    if len(scans) < 2:
        return None
    before, after = scans[0].score or 0.0, scans[1].score or 0.0
    if abs(after - before) < 0.005:
        return "same"
    return "up" if after > before else "down"
