"""Fixtures for the report tests; the results themselves are built in sample_results.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.models import ScanResult, ScanSummary
from rules.results import Score
from tests.reports.history_site import History, build_history
from tests.reports.hostile_site import scan_hostile_site
from tests.reports.sample_results import (
    build_hostile_result,
    build_previous_result,
    build_result,
    build_scan_history,
    build_scored_result,
)


@pytest.fixture
def scan_result() -> ScanResult:
    """A 2569 scan with items in all four statuses and an estimated score."""
    return build_result(score=Score(oit_estimate=33.33, grade="F"))


@pytest.fixture
def scored_result() -> ScanResult:
    """The same scan scored by rules.score (8.33, F; up to 33.33 if the unknown O26 passed) with gains."""
    return build_scored_result()


@pytest.fixture
def provisional_result() -> ScanResult:
    """A 2570 scan checked with the 2569 criteria, no score."""
    return build_result(provisional=True)


@pytest.fixture
def hostile_result() -> ScanResult:
    return build_hostile_result()


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    """Three real scans of the demo site, changed between scans, in one SQLite database (see history_site)."""
    return build_history(tmp_path_factory.mktemp("history"))


@pytest.fixture(scope="session")
def hostile_scan(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every report format of a real scan of a local site whose titles and links carry markup and script."""
    return scan_hostile_site(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def previous_result() -> ScanResult:
    return build_previous_result()


@pytest.fixture
def scan_history() -> list[ScanSummary]:
    return build_scan_history()
