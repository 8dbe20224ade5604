"""Fixtures for the report tests; the results themselves are built in sample_results.py."""

from __future__ import annotations

import pytest

from oit.models import ScanResult, Score
from tests.reports.sample_results import build_hostile_result, build_result, build_scored_result


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
