"""oit's subpackages (README "How it works"): each `__init__` lists its public names, every one of them resolves to
the module its docstring names, and importing one module of oit.scan or oit.watch loads none of its siblings (a scan
reads the history for its report and must not load the scheduler). Each case runs in a fresh Python process, so
that what is loaded is what the import loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("oit.cli", "oit.scan", "oit.store", "oit.watch")


def fresh(code: str) -> object:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_name_resolves_where_the_docstring_says(package: str) -> None:
    homes = fresh(
        f"import importlib, json; p = importlib.import_module({package!r}); "
        "print(json.dumps({'doc': p.__doc__, 'all': p.__all__, "
        "'homes': {n: getattr(p, n).__module__ for n in p.__all__ if n != 'app'}}))"
    )
    assert homes["all"] == sorted(homes["all"]) and 0 < len(homes["all"]) <= 12  # curated: short, in order
    for name, module in homes["homes"].items():
        assert module.startswith(package + "."), (name, module)
        home = module.rsplit(".", 1)[1]
        assert f"    {home} " in homes["doc"], (name, home)  # the module is listed in the docstring


@pytest.mark.parametrize(
    ("module", "siblings"),
    [
        ("oit.watch.history", ("oit.watch.schedule", "oit.watch.alerts", "oit.watch.delivery", "apscheduler")),
        ("oit.watch.diff", ("oit.watch.history", "oit.watch.reporting", "oit.watch.schedule")),
        ("oit.scan.memtrace", ("oit.scan.pipeline", "oit.scan.recheck", "oit.scan.rendering", "crawler.engine")),
    ],
)
def test_one_module_of_a_package_loads_none_of_its_siblings(module: str, siblings: tuple[str, ...]) -> None:
    loaded = fresh(f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))")
    assert module in loaded
    assert [s for s in siblings if s in loaded] == []
    # and the package's names still come on first use
    package = module.rsplit(".", 1)[0]
    names = fresh(f"import json, {package} as p; print(json.dumps([callable(getattr(p, n)) for n in p.__all__]))")
    assert names and all(names)
