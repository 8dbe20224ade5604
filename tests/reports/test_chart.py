"""The score chart and sparkline coordinates (reports.chart)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from reports.chart import score_chart, trend
from reports.models import ScanSummary


def test_chart_plots_finished_scans_oldest_first(scan_history: list[ScanSummary]) -> None:
    chart = score_chart(scan_history, current_scan_id=7)
    assert chart is not None
    assert [p.scan_id for p in chart.points] == [3, 5, 7]  # the failed scan 6 has no score
    assert [p.current for p in chart.points] == [False, False, True]
    xs = [p.x for p in chart.points]
    assert xs == sorted(xs) and xs[0] == chart.left and xs[-1] == chart.width - chart.right
    # 0-100 upwards: a higher score is drawn higher (smaller y)
    by_id = {p.scan_id: p for p in chart.points}
    assert by_id[5].y < by_id[3].y < by_id[7].y
    assert chart.y_ticks[0] == (chart.height - chart.bottom, "0") and chart.y_ticks[-1] == (chart.top, "100")
    assert chart.polyline.count(",") == 3
    assert chart.points[-1].show_label and chart.points[-1].label == "30 เม.ย. 2569"


def test_chart_needs_two_scored_scans(scan_history: list[ScanSummary]) -> None:
    assert score_chart([]) is None
    assert score_chart(scan_history[:2]) is None  # one done + one failed
    assert score_chart(scan_history, limit=2) is not None


def test_dates_are_thinned_so_labels_never_overlap(scan_history: list[ScanSummary]) -> None:
    many = [s.model_copy(update={"scan_id": i, "state": "done", "score": float(i)}) for i in range(1, 13)
            for s in scan_history[:1]]  # fmt: skip
    chart = score_chart(many, width=400)
    assert chart is not None and len(chart.points) == 12
    shown = [p.x for p in chart.points if p.show_label]
    assert chart.points[-1].show_label and 1 < len(shown) < 12
    assert min(b - a for a, b in pairwise(shown)) >= 72


def test_trend(scan_history: list[ScanSummary]) -> None:
    assert trend(scan_history) == "down"  # 33.33 -> 8.33
    assert trend(list(reversed(scan_history[2:]))) == "up"  # 25 -> 33.33 (order of the input does not matter)
    same = [s.model_copy(update={"score": 50.0}) for s in scan_history]
    assert trend(same) == "same"
    assert trend(scan_history[:2]) is None


def test_sparkline_zooms_in_on_small_changes(scan_history: list[ScanSummary]) -> None:
    close = [s.model_copy(update={"score": v}) for s, v in zip(scan_history, (66.0, None, 64.0, 65.0), strict=True)]
    spark = score_chart(close, width=110, height=28, axes=False)
    full = score_chart(close, width=110, height=28)
    assert spark is not None and full is not None and spark.y_ticks == []
    spread = max(p.y for p in spark.points) - min(p.y for p in spark.points)
    assert spread > 2 * (max(p.y for p in full.points) - min(p.y for p in full.points))
    assert all(0 <= p.y <= 28 for p in spark.points)


@pytest.mark.parametrize("scores", [(0.0, 1.0, 0.5), (99.0, 100.0, 100.0)])
def test_sparkline_stays_inside_at_the_ends_of_the_scale(scan_history: list[ScanSummary], scores: tuple) -> None:
    done = [s for s in scan_history if s.state == "done"]
    spark = score_chart([s.model_copy(update={"score": v}) for s, v in zip(done, scores, strict=True)], axes=False,
                        width=110, height=28)  # fmt: skip
    assert spark is not None and all(spark.top - 0.01 <= p.y <= 28 - spark.bottom + 0.01 for p in spark.points)
