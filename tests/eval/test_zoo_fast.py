"""The evaluation zoo's harness: it builds, serves and scans the fast subset and prints figures for each site.

No accuracy thresholds yet: these tests check that the harness measures, not what it measures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval.run_eval import FAST, TruthItem, compare, load_truth

REPO = Path(__file__).resolve().parents[2]


def _item(code: str, status: str, missing: tuple[str, ...] = (), urls: tuple[str, ...] = ()) -> dict:
    return {
        "code": code,
        "status": status,
        "evidence": [{"url": u} for u in urls],
        "components": [{"id": c, "status": "missing"} for c in missing],
        "gaps": [],
    }


def test_compare_counts_agreement_gaps_evidence_and_silent_passes() -> None:
    truth = {
        "O1": TruthItem("pass", evidence=["/?p=12"]),
        "O3": TruthItem("gap", ["contact.qa"], ["/contact"]),
        "O9": TruthItem("gap", ["manual.service.fee"], ["/m.pdf"]),
        "O20": TruthItem("gap", ["nogift.announcement"], ["/ng.pdf"]),
    }
    result = {
        "items": [
            _item("O1", "pass", urls=("http://127.0.0.1:5/?p=12",)),
            _item("O3", "pass", urls=("http://127.0.0.1:5/contact",)),  # a silent pass
            _item("O9", "gap", ("manual.service.fee", "manual.service.steps"), ("http://x/m.pdf",)),  # one false gap
            _item("O20", "unknown"),
        ]
    }
    f = compare("t", truth, result)
    assert (f.agree, f.items, f.silent_passes) == (2, 4, 1)
    assert (f.true_tool_defects, f.tool_defects) == (1, 2)
    assert (f.recalled_defects, f.truth_defects) == (1, 3)
    assert (f.evidence_found, f.evidence_items) == (3, 4)
    assert "O20 tool=unknown truth=gap" in f.disagreements


def test_every_truth_file_lists_all_26_items() -> None:
    for path in sorted((REPO / "eval" / "sites").glob("*/truth.toml")):
        truth = load_truth(path)
        assert sorted(truth, key=lambda c: int(c[1:])) == [f"O{i}" for i in range(1, 27)], path
        for code, t in truth.items():
            assert t.status != "gap" or t.defects, f"{path}: {code} is a gap without defects"


@pytest.mark.slow
def test_fast_subset_meets_the_wanted_figures(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    proc = subprocess.run(
        [sys.executable, "-m", "eval.run_eval", "--fast", "--wanted", "--json", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    data = json.loads(out.read_text("utf-8"))
    assert sorted(data["sites"]) == sorted(FAST)
    for name, fig in data["sites"].items():
        assert fig["error"] is None, (name, fig["error"])
        assert fig["items"] == 26 and fig["agreement"] is not None, name
        assert fig["evidence_items"] > 0 and len(fig["statuses"]) == 26, name
        assert name in proc.stdout
    assert data["homepages"] and all(h["links"] == 26 for h in data["homepages"].values())
    assert data["overall"]["items"] == 26 * len(FAST)
    assert "overall" in proc.stdout and "silent" in proc.stdout
