"""Plugins for the whole suite: the skip policy for missing system tools (tests/requires.py), and pytester, with
which tests/test_requires.py runs small suites to check that policy. And, under mutation testing, fresh caches."""

import os
import sys
from collections.abc import Iterator

import pytest

pytest_plugins = ["pytester", "tests.requires"]


@pytest.fixture(autouse=True, scope="session")
def _fresh_caches_under_mutation() -> Iterator[None]:
    """mutmut (`make mutate`) forks each mutant's test run from a process that has run the tests once: what rules/
    computed and cached there (the catalogs, the vocabulary, the compiled phrase lists) is the unmutated result, and a
    mutant of the code that computes it would survive unseen. Under a mutant every cache of rules/ starts empty."""
    if "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", ""):
        for name, module in list(sys.modules.items()):
            if name == "rules" or name.startswith("rules."):
                for value in list(vars(module).values()):
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()
    yield
