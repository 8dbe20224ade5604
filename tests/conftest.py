"""Plugins for the whole suite: the skip policy for missing system tools (tests/requires.py), and pytester, with
which tests/test_requires.py runs small suites to check that policy. And, under mutation testing, fresh caches."""

import os
import sys
from collections.abc import Iterator

import pytest

pytest_plugins = ["pytester", "tests.requires"]


@pytest.fixture(autouse=True)
def _fresh_caches_under_mutation() -> Iterator[None]:
    """mutmut (`make mutate`) first runs the tests to learn which test reaches which function, then runs each mutant
    with those tests, forked from a process that has run them all. What rules/ computes once and caches (the
    catalogs, the vocabulary, the compiled phrase lists) would be computed by the first test alone, and served
    unmutated after: the code that builds it would be tied to one test and its mutants would survive unseen. Under
    mutmut every cache of rules/ starts empty for each test."""
    if os.environ.get("MUTANT_UNDER_TEST", "") not in ("", "fail", "mutant_generation"):
        for name, module in list(sys.modules.items()):
            if name == "rules" or name.startswith("rules."):
                for value in list(vars(module).values()):
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()
    yield
