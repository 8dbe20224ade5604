"""The kill ratio of a mutation run (`make mutate`): mutmut's verdict on each mutant, counted per package.

Reads `mutmut results --all true` (one "name: status" line per mutant) on standard input. A mutant counts as killed
when a test failed on it or it ran past its time limit (an endless loop the tests would have noticed); one that no
test reaches ("no tests") counts as surviving, and one not yet run is counted apart, so a partial run says so.

    .venv-mutate/bin/mutmut results --all true | python tools/mutation_score.py [--min 80]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable

KILLED = {"killed", "timeout", "caught by type check"}
NOT_RUN = {"not checked", "check was interrupted by user"}
_LINE = re.compile(r"^\s*(?P<name>[\w.]+)__mutmut_\d+: (?P<status>.+?)\s*$")


def package_of(mutant: str) -> str:
    """'rules.checks.dates.x_parse__mutmut_3' -> 'rules'; 'crawler.urls.x_normalize__mutmut_1' -> 'crawler/urls.py'
    (the one module of the crawler that is mutated)."""
    module = re.split(r"\.x[_ǁ]", mutant, maxsplit=1)[0]  # functions: module.x_name, methods: module.xǁClassǁname
    return "rules" if module.startswith("rules") else module.replace(".", "/") + ".py"


def count(lines: Iterable[str]) -> dict[str, Counter[str]]:
    """Package -> Counter of killed / survived / not run."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in lines:
        match = _LINE.match(line)
        if match is None:
            continue
        status = match["status"]
        verdict = "killed" if status in KILLED else "not run" if status in NOT_RUN else "survived"
        counts[package_of(match["name"])][verdict] += 1
    return dict(counts)


def report(counts: dict[str, Counter[str]]) -> tuple[list[str], float]:
    """The lines to print and the overall kill ratio (of the mutants run)."""
    lines, total = [], Counter[str]()
    for package, c in sorted(counts.items()):
        total.update(c)
        lines.append(_line(package, c))
    lines.append(_line("total", total))
    run = total["killed"] + total["survived"]
    return lines, (100.0 * total["killed"] / run if run else 0.0)


def _line(name: str, c: Counter[str]) -> str:
    run = c["killed"] + c["survived"]
    ratio = f"{100.0 * c['killed'] / run:.1f} %" if run else "-"
    pending = f", {c['not run']} not run yet" if c["not run"] else ""
    return f"{name:16} {c['killed']:5} / {run:5} mutants killed ({ratio}){pending}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=80.0, help="the kill ratio wanted, in percent")
    args = parser.parse_args()
    counts = count(sys.stdin)
    if not counts:
        print("ยังไม่มีผลการกลายพันธุ์: เรียก mutmut run ก่อน / no mutation results: run mutmut run first")
        return 1
    lines, ratio = report(counts)
    print("\n".join(lines))
    if ratio < args.min:
        print(f"ฆ่ามิวแทนต์ได้ {ratio:.1f} % ต่ำกว่า {args.min:.0f} % / {ratio:.1f} % killed, below {args.min:.0f} %")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
