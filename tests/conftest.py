"""Plugins for the whole suite: the skip policy for missing system tools (tests/requires.py), and pytester, with
which tests/test_requires.py runs small suites to check that policy."""

pytest_plugins = ["pytester", "tests.requires"]
