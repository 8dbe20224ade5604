"""The skip policy for missing system tools (tests/requires.py), checked on small suites run by pytester.

The tool is really taken away: pdftotext is found on PATH (as crawler.documents finds it), so the small suite runs
in a subprocess whose PATH holds either a link to the real program or nothing at all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HINT = "sudo apt-get install poppler-utils"
NOT_FOUND = "ไม่พบโปรแกรม pdftotext ของ poppler / poppler's pdftotext program not found"
SUITE = """
import shutil
import subprocess

import pytest

from tests.requires import need


@pytest.mark.requires("pdftotext")
def test_marked():
    assert subprocess.run(["pdftotext", "-v"], capture_output=True).returncode == 0


@pytest.fixture
def program():
    need("pdftotext")  # a helper that needs the tool, as tests/reports/browser.py does
    return shutil.which("pdftotext")


def test_through_a_helper(program):
    assert program


def test_needs_nothing():
    assert "ไทย".isalpha()
"""


@pytest.fixture
def suite(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    pytester.makeconftest('pytest_plugins = ["tests.requires"]')
    pytester.makepyfile(test_small=SUITE)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    for name in ("CI", "OIT_REQUIRE_TOOLS"):
        monkeypatch.delenv(name, raising=False)
    return pytester


def path_with(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, *programs: str) -> None:
    """PATH = one folder holding links to these real programs only."""
    folder = pytester.mkdir("bin")
    for program in programs:
        (folder / program).symlink_to(shutil.which(program) or pytest.fail(f"{program} is needed by this test"))
    monkeypatch.setenv("PATH", str(folder))


def test_with_the_tool_every_test_runs_and_no_summary_is_printed(suite, monkeypatch) -> None:
    path_with(suite, monkeypatch, "pdftotext")
    monkeypatch.setenv("CI", "true")
    result = suite.runpytest_subprocess("-ra")
    result.assert_outcomes(passed=3)
    assert "missing system tools" not in result.stdout.str()


@pytest.mark.parametrize("env", [{}, {"CI": "false"}, {"CI": "true", "OIT_REQUIRE_TOOLS": "0"}])
def test_locally_a_missing_tool_skips_its_tests_and_says_how_to_install_it(suite, monkeypatch, env) -> None:
    path_with(suite, monkeypatch)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = suite.runpytest_subprocess("-ra")
    result.assert_outcomes(passed=1, skipped=2)
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        [
            "*เครื่องมือที่ขาด / missing system tools*",
            f"pdftotext: ข้าม 2 การทดสอบ / 2 tests skipped; ติดตั้งด้วย / install with: {HINT} *",
            "*short test summary info*",
            *[f"SKIPPED * {NOT_FOUND}: ติดตั้งด้วย / install with: {HINT} *"] * 2,
        ]
    )


@pytest.mark.parametrize("env", [{"CI": "true"}, {"CI": "1"}, {"OIT_REQUIRE_TOOLS": "1"}])
def test_in_ci_a_missing_tool_fails_its_tests_with_the_same_hint(suite, monkeypatch, env) -> None:
    path_with(suite, monkeypatch)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = suite.runpytest_subprocess("-ra")
    result.assert_outcomes(passed=1, errors=2)  # failed in setup, before any fixture used the tool
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*ERROR at setup of test_marked*",
            f"{NOT_FOUND}: ติดตั้งด้วย / install with: {HINT} *",
            "*ERROR at setup of test_through_a_helper*",
            f"{NOT_FOUND}: ติดตั้งด้วย / install with: {HINT} *",
            f"pdftotext: ล้มเหลว 2 การทดสอบ / 2 tests failed; ติดตั้งด้วย / install with: {HINT} *",
        ]
    )


def test_a_mistyped_tool_stops_the_run_before_any_test_passes(suite) -> None:
    suite.makepyfile(test_typo='import pytest\n\n@pytest.mark.requires("tesserract")\ndef test_x():\n    pass\n')
    result = suite.runpytest_subprocess()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "unknown tool 'tesserract'" in result.stderr.str()
