"""The check registry and the typed parameters: every check and rule listed once with its model, every name the
components use registered, and a components file with a misspelt, unknown or mistyped parameter refused at load
with a message naming the component and the parameter (not ignored, as a dict's .get() did)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rules.catalog import CatalogError, ComponentDef, components, read_components
from rules.checks.registry import CHECKS, RULES
from rules.params import CHECK_PARAMS, RULE_PARAMS, DocumentParams, PhrasesParams, TableRowsParams

COMPONENTS = Path(__file__).resolve().parents[2] / "rules" / "components.toml"
EXAMPLES = Path(__file__).resolve().parent / "checks"


def test_registry_pairs_each_function_with_the_model_of_its_name() -> None:
    assert set(CHECKS) == set(CHECK_PARAMS) and set(RULES) == set(RULE_PARAMS)
    assert not set(CHECKS) & set(RULES)
    for name, spec in [*CHECKS.items(), *RULES.items()]:
        assert spec.fn.__name__ == name
        assert spec.params is (CHECK_PARAMS | RULE_PARAMS)[name]


def test_every_name_used_is_registered_and_every_registered_one_used_or_documented() -> None:
    used_checks = {c.check for c in components().values()}
    used_rules = {c.rule for c in components().values() if c.rule}
    assert used_checks <= set(CHECKS) and used_rules <= set(RULES)
    examples = {p.name for p in EXAMPLES.iterdir() if (p / "case.toml").exists()}
    for name in [*CHECKS, *RULES]:
        assert name in used_checks | used_rules or name in examples, f"{name}: registered but neither used nor shown"
        assert name in examples, f"{name}: no pass/fail example under tests/rules/checks/{name}/"


def test_every_model_and_parameter_says_what_it_does() -> None:
    for name, model in (CHECK_PARAMS | RULE_PARAMS).items():
        doc = model.__doc__ or ""
        assert doc.startswith(f"{name}.") and "Passes" in doc and "Fails" in doc, name
        for field, info in model.model_fields.items():
            assert info.description, f"{name}.{field} has no docstring"


def test_components_carry_their_checks_typed_parameters() -> None:
    comps = components()
    assert isinstance(comps["org.units"].params, PhrasesParams) and comps["org.units"].params.min == 2
    assert all(isinstance(c.params, CHECK_PARAMS[c.check]) for c in comps.values())
    # The defaults are today's behaviour: a document is judged in one source, a table on every row.
    assert DocumentParams(title_any=["แผนพัฒนาท้องถิ่น"]).same_source is True
    assert TableRowsParams().min_share == 1.0 and TableRowsParams().min_rows == 1


def test_a_component_built_in_code_gets_typed_parameters_too() -> None:
    built = ComponentDef(
        id="x", label_th="ผู้บริหาร", label_en="executives", check="executives", params={"need": "photo"}, hint_th=""
    )
    assert built.params.model_dump() == {"need": "photo"}
    with pytest.raises(ValueError, match="need"):
        ComponentDef(id="x", label_th="", label_en="", check="executives", params={"need": "phone"}, hint_th="")


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    """The real components.toml with one change, written to tmp_path."""
    text = COMPONENTS.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "components.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        # A misspelt parameter: before, .get("min", 1) read 1 and the structure passed on a single unit.
        (
            "params = { min = 2, skip_whole_law",
            "params = { mn = 2, skip_whole_law",
            r"ไม่รู้จักพารามิเตอร์ 'mn'.*unknown parameter 'mn'",
        ),
        (
            "params = { min = 2, skip_whole_law",
            'params = { min = "2", skip_whole_law',
            r"พารามิเตอร์ 'min' ไม่ถูกต้อง.*integer",
        ),
        ('params = { need = "photo" }', 'params = { need = "picture" }', r"'need' ไม่ถูกต้อง.*'photo'"),
        ('params = { need = "photo" }', "params = { }", r"ขาดพารามิเตอร์ 'need'.*required"),
        ("mailto = true }", 'mailto = "yes please" }', r"'mailto'.*boolean"),
        (
            "params = { patterns = ['[A-Za-z0-9",
            "params = { patterns = ['([A-Za-z0-9",
            r"'patterns'.*not a regular expression",
        ),
        ('check = "image_or_document"', 'check = "image_or_doc"', r"ไม่มีการตรวจชื่อ 'image_or_doc'.*no check named"),
        ('rule = "two_way"', 'rule = "twoway"', r"ไม่มีเกณฑ์ชื่อ 'twoway'.*no rule named"),
    ],
)
def test_a_broken_parameter_fails_the_load_naming_component_and_parameter(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    with pytest.raises(CatalogError) as raised:
        read_components(_broken(tmp_path, old, new))
    message = str(raised.value)
    assert message.startswith("components.toml ["), message
    assert re.search(said, message), message
    cid = message.split("[", 1)[1].split("]", 1)[0]
    assert f"องค์ประกอบ {cid}" in message and f"component {cid}" in message, message


def test_a_broken_sub_component_names_itself(tmp_path: Path) -> None:
    text = COMPONENTS.read_text(encoding="utf-8")
    field = re.search(r'\[components\."([^"]+)"\.fields\.(\w+)\][^\[]*?params = \{ (\w+) =', text)
    assert field, "components.toml has sub-components"
    parent, name, param = field.groups()
    start = field.end() - len(param) - 2
    path = tmp_path / "components.toml"
    path.write_text(text[:start] + "x" + text[start:], encoding="utf-8")
    with pytest.raises(
        CatalogError, match=rf"\[{re.escape(parent)}\].*component {re.escape(parent)}\.{name}.*'x{param}'"
    ):
        read_components(path)


def test_the_unbroken_copy_loads(tmp_path: Path) -> None:
    shutil.copy(COMPONENTS, tmp_path / "components.toml")
    assert read_components(tmp_path / "components.toml").keys() == components().keys()
