"""The caches of rules/ under mutation testing (tests/mutation_caches.py), checked on a small suite run by pytester
in a process whose catalog cache is full before the first test, as in the process mutmut forks each mutant from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.mutation_caches import must_empty

REPO = Path(__file__).resolve().parents[1]
CONFTEST = """
pytest_plugins = ["tests.mutation_caches"]


def pytest_configure(config):
    from rules.catalog import components

    components()  # built by the unmutated code before any test, as in mutmut's parent process
"""
SUITE = """
import os

from rules.catalog import components

SEEN = []


def _entries_at_start():
    SEEN.append(components.cache_info().currsize)
    components()


def test_first():
    _entries_at_start()


def test_second():
    _entries_at_start()


def test_third():
    _entries_at_start()
    assert SEEN == [int(n) for n in os.environ["EXPECTED"].split(",")]
"""


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        ("", "1,1,1"),  # a normal run: caches are shared by the tests, as always
        ("stats", "0,0,0"),  # mapping tests to functions: each test builds what it needs itself
        ("rules.catalog.x_components__mutmut_1", "0,1,1"),  # a mutant: emptied at its first test, then shared
    ],
)
def test_the_catalog_cache_is_emptied_where_a_mutant_could_hide_behind_it(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, phase: str, expected: str
) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_small=SUITE)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("MUTANT_UNDER_TEST", phase)
    monkeypatch.setenv("EXPECTED", expected)
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=3)


def test_each_mutant_process_empties_the_caches_once() -> None:
    mutant = "rules.words.x_cut__mutmut_7"
    assert must_empty(mutant, pid=41, emptied_in=None)
    assert not must_empty(mutant, pid=41, emptied_in=41)  # its later tests share what the mutant built
    assert must_empty(mutant, pid=42, emptied_in=41)  # the next mutant is a new fork of the parent
    assert must_empty("stats", pid=41, emptied_in=41)
    assert not any(must_empty(phase, 41, None) for phase in ("", "fail", "mutant_generation", "list_all_tests"))
