"""Under mutation testing (`make mutate`), the caches of rules/ start empty where a mutant could hide behind them
(a pytest plugin; tests/conftest.py loads it).

What rules/ computes once and caches (the catalogs, the vocabulary, the compiled phrase lists) is built by the first
test that needs it and served to every later test of the process. mutmut runs the tests twice over:
- first all of them in one process ("stats"), to learn which test reaches which function. A cache built by the
  first test would tie the code that builds it to that test alone, and its mutants would be run against one test:
  here every test starts with empty caches.
- then each mutant in a process forked from one that has run the tests: its caches are full of what the unmutated
  code built, so a mutant of that code would never run. Here the caches are emptied once, at the mutant's first
  test; the later tests of the same mutant share what the mutated code built, as tests share caches in a normal run.
  Emptying them before every test as well (as in the stats run) gave the same verdicts and cost about 60 % of the
  rule tests' time: each test built the vocabulary and the catalogs again.
A normal test run (no MUTANT_UNDER_TEST) is untouched.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

STATS = "stats"  # mutmut's name for the run that maps tests to functions
NOT_A_MUTANT = ("", "fail", "mutant_generation", "list_all_tests")  # mutmut's other phases, and no mutmut

_emptied_in: int | None = None  # the process (a mutant's fork) whose caches were emptied last


def must_empty(phase: str, pid: int, emptied_in: int | None) -> bool:
    """Whether the caches of rules/ are emptied before a test of mutmut's `phase` in process `pid`."""
    if phase == STATS:
        return True
    return phase not in NOT_A_MUTANT and pid != emptied_in


def empty_rule_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name == "rules" or name.startswith("rules."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_caches_under_mutation() -> Iterator[None]:
    global _emptied_in
    pid = os.getpid()
    if must_empty(os.environ.get("MUTANT_UNDER_TEST", ""), pid, _emptied_in):
        empty_rule_caches()
        _emptied_in = pid
    yield
