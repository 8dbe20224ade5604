"""tools/mutation_score.py: the kill ratio `make mutate` prints, counted per package from mutmut's results."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.mutation_score import count, package_of, report

ROOT = Path(__file__).resolve().parents[2]
RESULTS = """\
    crawler.urls.x_normalize__mutmut_1: killed
    crawler.urls.x_normalize__mutmut_2: survived
    crawler.urls.x_trap_reason__mutmut_7: timeout
    rules.checks.dates.x_parse_thai_date__mutmut_3: killed
    rules.discovery.xǁDiscoveryǁ_score_link__mutmut_12: no tests
    rules.words.xǁ_Memoǁput__mutmut_5: not checked
    rules.site.xǁMemorySiteǁpage__mutmut_1: caught by type check
"""


def test_packages_of_functions_and_methods() -> None:
    assert package_of("crawler.urls.x_normalize") == "crawler/urls.py"
    assert package_of("rules.discovery.xǁDiscoveryǁ_score_link") == "rules"
    assert package_of("rules.checks.dates.x_parse_thai_date") == "rules"


def test_timeouts_count_as_killed_untested_as_surviving_unrun_apart() -> None:
    counts = count(RESULTS.splitlines())
    assert counts["crawler/urls.py"] == {"killed": 2, "survived": 1}
    assert counts["rules"] == {"killed": 2, "survived": 1, "not run": 1}
    lines, ratio = report(counts)
    assert round(ratio, 1) == 66.7
    assert lines[-1].startswith("total") and "4 /     6" in lines[-1] and "1 not run yet" in lines[-1]


def test_below_the_wanted_ratio_the_command_fails_and_says_so_in_thai_and_english() -> None:
    run = [sys.executable, str(ROOT / "tools" / "mutation_score.py")]
    low = subprocess.run([*run, "--min", "80"], input=RESULTS, capture_output=True, text=True, cwd=ROOT)
    assert low.returncode == 1 and "66.7 % killed, below 80 %" in low.stdout
    ok = subprocess.run([*run, "--min", "60"], input=RESULTS, capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stdout
    empty = subprocess.run(run, input="", capture_output=True, text=True, cwd=ROOT)
    assert empty.returncode == 1 and "run mutmut run first" in empty.stdout
