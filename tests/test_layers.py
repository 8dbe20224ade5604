"""The layers hold: import-linter's contracts (pyproject.toml [tool.importlinter]) pass on the tree as it is, and
break when an import reaches the wrong way, whichever shape it takes.

import-linter lives in its own environment, .venv-lint (Makefile `imports`, which `make test` runs first): its
dependency click, installed beside httpx, makes `import httpx` load httpx's command line (rich.progress, pygments)
in every scan. Each case runs the real `lint-imports` on a copy of the four packages' sources with one import
planted, so the tree itself is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = ROOT / ".venv-lint" / "bin" / "lint-imports"
PACKAGES = ("oit", "reports", "rules", "crawler")
CONTRACTS = {
    c["id"]: c["name"]
    for c in tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]["contracts"]
}

pytestmark = pytest.mark.skipif(
    not LINT.exists(),
    reason="ไม่มี import-linter: รัน `make imports` / import-linter missing: run `make imports` (creates .venv-lint)",
)


def _copy_sources(dest: Path) -> None:
    """The packages' .py files and pyproject.toml: all import-linter reads."""
    for package in PACKAGES:
        for source in (ROOT / package).rglob("*.py"):
            target = dest / source.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    shutil.copyfile(ROOT / "pyproject.toml", dest / "pyproject.toml")


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree), "COLUMNS": "400"}  # one line per contract, unwrapped
    return subprocess.run(
        [str(LINT), "--no-cache"], cwd=tree, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_tree_keeps_every_contract() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(CONTRACTS)} kept, 0 broken" in done.stdout


# (module, code appended to it, the contract id, or ids, that must break)
PLANTED = [
    # a lazy import inside a function, the shape that once took the version from oit into the crawler
    ("crawler/urls.py", "\n\ndef _version():\n    from oit import __version__\n\n    return __version__\n", "layers"),
    # an import only for the type checker still points upwards
    (
        "rules/site.py",
        "\n\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from reports.models import ScanResult\n",
        "layers",
    ),
    # the database reading the history: upwards inside oit, and a cycle between its subpackages
    (
        "oit/store/database.py",
        "\n\ndef _latest():\n    from oit.watch.history import latest_done\n\n    return latest_done\n",
        ("oit-layers", "acyclic"),
    ),
    # the scan reaching into the command that runs it
    (
        "oit/scan/recheck.py",
        "\n\ndef _app():\n    from oit.cli import app\n\n    return app\n",
        ("oit-layers", "acyclic"),
    ),
    # two modules of one subpackage importing each other: the alerts read the diff, the diff must not read the alerts
    ("oit/watch/diff.py", "\n\ndef _alert():\n    from oit.watch.alerts import Alert\n\n    return Alert\n", "acyclic"),
    # a report reaching into the crawl instead of reading the result it was given
    ("reports/rows.py", "\n\nfrom crawler.models import Page\n", "reports-read-results"),
    # judging that would open the database
    ("rules/score.py", "\n\ndef _db():\n    import sqlalchemy\n\n    return sqlalchemy\n", "rules-no-io"),
    # the history building its own query instead of calling oit.store, even lazily
    (
        "oit/watch/history.py",
        "\n\ndef _query():\n    from sqlalchemy import select\n\n    return select\n",
        "sql-in-store",
    ),
]


@pytest.mark.parametrize(("module", "code", "contract"), PLANTED, ids=[p[0] for p in PLANTED])
def test_a_planted_import_breaks_its_contract(
    tmp_path: Path, module: str, code: str, contract: str | tuple[str, ...]
) -> None:
    _copy_sources(tmp_path)
    with (tmp_path / module).open("a", encoding="utf-8") as f:
        f.write(code)
    done = _lint(tmp_path)
    assert done.returncode == 1, done.stdout
    broken = [line.removesuffix(" BROKEN") for line in done.stdout.splitlines() if line.endswith(" BROKEN")]
    wanted = [contract] if isinstance(contract, str) else list(contract)
    # exactly the contracts that name this kind of reach (an upward import inside oit is also a cycle: the layer
    # above already imports the one below)
    assert sorted(broken) == sorted(CONTRACTS[c] for c in wanted), done.stdout
