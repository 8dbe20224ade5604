"""Every check and rule on its own pair of examples (the axe-core way): tests/rules/checks/<name>/ holds a page or
document that passes (pass.html / pass.txt), one that fails (fail.*), and case.toml naming the real component of
rules/components.toml judged on them (its check, with the parameters the tool runs with) and what the failure
must say. The site is built as the crawler would have stored it (tests/rules/sitebuilder.py).

A check's pair: the check finds the component on pass and not on fail, with the `missing` parts and `detail` the
case names. A rule's pair: the component's check finds it on both, and the rule is met on pass and not on fail.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from rules.catalog import components
from rules.checks import Context, Finding, RuleVerdict
from rules.checks.registry import CHECKS, RULES
from rules.site import SiteLinks
from rules.sources import Bundle, document_source, page_source
from tests.rules.sitebuilder import AS_OF, YEAR, build_site, url

EXAMPLES = Path(__file__).resolve().parent / "checks"


class Case(BaseModel):
    """case.toml beside a pair of examples."""

    model_config = ConfigDict(extra="forbid")

    about: str  # what the pair shows, in a line
    component: str  # the component of components.toml judged
    link_text: str = ""  # the label of the link that led to a document
    missing: list[str] = []  # the parts the failing example lacks (Finding.missing_parts)
    detail: str = ""  # what the failure says (part of Finding.detail or RuleVerdict.detail)


def _cases() -> list[str]:
    return sorted(p.name for p in EXAMPLES.iterdir() if (p / "case.toml").exists())


def _example(folder: Path, outcome: str, case: Case) -> Bundle:
    """The evidence bundle of pass.* or fail.*: a page of the site, or a document linked as `link_text`."""
    page = folder / f"{outcome}.html"
    if page.exists():
        path = f"/index.php/{folder.name}/{outcome}"
        site = build_site({path: page.read_text(encoding="utf-8")})
        built = site.page(url(path))
        assert built is not None
        return Bundle([page_source(built, "fixture")])
    path = f"/files/{folder.name}_{outcome}.pdf"
    site = build_site({}, {path: (folder / f"{outcome}.txt").read_text(encoding="utf-8")})
    doc = site.document(url(path))
    assert doc is not None
    return Bundle([document_source(doc, "fixture", case.link_text)])


def _judge(name: str, outcome: str) -> tuple[Case, Finding, RuleVerdict | None]:
    folder = EXAMPLES / name
    case = Case(**tomllib.loads((folder / "case.toml").read_text(encoding="utf-8")))
    component = components()[case.component]
    bundle = _example(folder, outcome, case)
    ctx = Context(
        fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([link for s in bundle.sources for link in s.links])
    )
    finding = CHECKS[component.check](component, bundle, ctx)
    if name not in RULES:
        assert component.check == name, f"{case.component} is judged by {component.check}, not {name}"
        return case, finding, None
    assert component.rule == name, f"{case.component} has rule {component.rule}, not {name}"
    assert finding.present, (outcome, finding)  # a rule is judged on a component that is there
    return case, finding, RULES[name](component, finding.hits, bundle, ctx)


@pytest.mark.parametrize("name", _cases())
def test_passes_on_its_passing_example(name: str) -> None:
    _, finding, verdict = _judge(name, "pass")
    if verdict is None:
        assert finding.present and finding.hits and not finding.missing_parts, finding
        assert finding.unknown is None
    else:
        assert verdict.ok is True, verdict


@pytest.mark.parametrize("name", _cases())
def test_fails_on_its_failing_example_saying_what_is_missing(name: str) -> None:
    case, finding, verdict = _judge(name, "fail")
    if verdict is None:
        assert not finding.present and finding.unknown is None, finding
        assert finding.missing_parts == case.missing, finding
        assert case.detail in (finding.detail or ""), finding
    else:
        assert verdict.ok is False, verdict
        assert case.detail and case.detail in (verdict.detail or ""), verdict


def test_every_registered_check_and_rule_has_its_pair() -> None:
    for name in [*CHECKS, *RULES]:
        folder = EXAMPLES / name
        assert (folder / "case.toml").exists(), name
        for outcome in ("pass", "fail"):
            assert [p for p in folder.iterdir() if p.stem == outcome and p.suffix in (".html", ".txt")], (name, outcome)
