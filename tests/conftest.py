"""Plugins for the whole suite: the skip policy for missing system tools (tests/requires.py), pytest's pytester, with
which tests/test_requires.py runs small suites to check that policy, and, under mutation testing, fresh caches of
rules/ (tests/mutation_caches.py)."""

pytest_plugins = ["pytester", "tests.requires", "tests.mutation_caches"]
