"""The types hold as drawn: mypy's settings (pyproject.toml [tool.mypy], run by `make types` in `make test`) catch
the faults they are there for, and every `# type: ignore` left in the four packages names its error code and says
why it is needed (a bare or malformed one silences every error on its line, the next real one included).

The planted faults are checked in a file of their own under a temporary directory, with the project's settings, so
the tree is never touched and one mypy run of a few seconds covers them all; `make types` checks the tree itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("crawler", "rules", "reports", "oit")
# `# type: ignore[code, code]  # the reason`: the codes in brackets, then a comment of its own that says why.
_IGNORE = re.compile(r"#\s*type:\s*ignore")
_EXPLAINED = re.compile(r"#\s*type:\s*ignore\[[a-z-]+(?:,\s*[a-z-]+)*\]  # \S")

# (name of the function planted, its code, the error code mypy must report in it)
PLANTED = [
    # a function that says nothing of what it takes: unchecked callers (disallow_untyped_defs)
    ("untyped", "def untyped(page, limit):\n    return page[:limit]\n", "no-untyped-def"),
    # an ignore left behind after the error it silenced was fixed (warn_unused_ignores)
    ("stale", "def stale() -> int:\n    return 1  # type: ignore[return-value]\n", "unused-ignore"),
    # None as the default of a parameter typed without it (no_implicit_optional)
    ("implicit", "def implicit(year: int = None) -> int:\n    return year\n", "assignment"),
    # a search that can find nothing, used as if it always found (the None-crash class)
    (
        "no_match",
        "def no_match(text: str) -> str:\n    return re.search(r'[0-9]+', text).group(0)\n",
        "union-attr",
    ),
    # a model built with a misspelt field: pydantic would drop it or refuse it only at run time (pydantic-mypy)
    ("misspelt", "def misspelt() -> Gap:\n    return Gap(text_th='x', text_en='y', knd='data')\n", "call-arg"),
    # a model built with a value of the wrong type (pydantic-mypy init_typed)
    ("wrong_kind", "def wrong_kind() -> EvidenceRef:\n    return EvidenceRef(url='u', kind=3)\n", "arg-type"),
    # a cast that casts nothing (warn_redundant_casts)
    ("redundant", "def redundant(url: str) -> str:\n    return cast(str, url)\n", "redundant-cast"),
]
HEADER = (
    "from __future__ import annotations\n\nimport re\nfrom typing import cast\n\n"
    "from rules.results import EvidenceRef, Gap\n\n\n"
)


def _ignores() -> list[tuple[str, int, str]]:
    found = []
    for package in PACKAGES:
        for source in sorted((ROOT / package).rglob("*.py")):
            for number, line in enumerate(source.read_text("utf-8").splitlines(), start=1):
                if _IGNORE.search(line):
                    found.append((str(source.relative_to(ROOT)), number, line.strip()))
    return found


def test_every_type_ignore_names_its_code_and_why() -> None:
    unexplained = [f"{path}:{number}: {line}" for path, number, line in _ignores() if not _EXPLAINED.search(line)]
    assert not unexplained, "\n".join(unexplained)


@pytest.mark.parametrize(
    "line",
    [
        "x = f()  # type: ignore",  # bare: silences every error on the line
        "x = f()  # type: ignore[arg-type]  (known was checked)",  # the reason not a comment: mypy rejects it
        "x = f()  # type: ignore[arg-type]",  # the code without why
    ],
)
def test_an_ignore_without_code_or_reason_is_caught(line: str) -> None:
    assert _IGNORE.search(line) and not _EXPLAINED.search(line)


@pytest.mark.requires("mypy")
def test_the_settings_catch_each_planted_fault(tmp_path: Path) -> None:
    shutil.copyfile(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    planted = tmp_path / "planted.py"
    planted.write_text(HEADER + "\n\n".join(code for _, code, _ in PLANTED), "utf-8")
    lines = planted.read_text("utf-8").splitlines()
    starts = {name: lines.index(next(x for x in lines if x.startswith(f"def {name}("))) for name, _, _ in PLANTED}
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "planted.py"],
        cwd=tmp_path,
        env={"MYPYPATH": str(ROOT), "PATH": "/usr/bin:/bin"},  # the tree's packages, not an installed copy
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    errors = re.findall(r"^planted\.py:(\d+): error: .*\[([a-z-]+)\]$", done.stdout, re.MULTILINE)
    assert errors, done.stdout + done.stderr
    for name, code, wanted in PLANTED:
        span = range(starts[name] + 1, starts[name] + 1 + code.count("\n") + 1)
        assert any(int(n) in span and c == wanted for n, c in errors), (name, wanted, done.stdout)
