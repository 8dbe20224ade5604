"""A component file's mistakes in its own words (rules/params.py, rules/catalog.py): an unknown parameter names the
ones the check knows (or says it knows none), a wrong item of a list names its place, and a component broken
outside its parameters (a missing Thai label) is reported as pydantic says, never as an empty message."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.catalog import CatalogError, read_components
from rules.params import ParamsError, check_params


def test_an_unknown_parameter_lists_every_parameter_the_check_knows() -> None:
    with pytest.raises(ParamsError) as raised:
        check_params("exec.top", "phrases", {"any": ["นายกองค์การบริหารส่วนตำบล"], "mn": 2})
    assert str(raised.value) == (
        "องค์ประกอบ exec.top การตรวจ phrases: ไม่รู้จักพารามิเตอร์ 'mn' / component exec.top, check phrases: unknown"
        " parameter 'mn' (known: per_month, months_anywhere, any, min, context_any, ignore, skip_whole_law)"
    )


def test_a_parameter_given_to_a_check_that_takes_none_says_so() -> None:
    with pytest.raises(ParamsError, match=r"unknown parameter 'channel' \(known: none\)$"):
        check_params("contact.qa", "qa_channel", {"channel": "line"})


def test_a_wrong_item_of_a_list_is_named_by_its_place() -> None:
    with pytest.raises(ParamsError) as raised:
        check_params("exec.top", "phrases", {"any": ["นายกองค์การบริหารส่วนตำบล", 3]})
    assert "พารามิเตอร์ 'any.1' ไม่ถูกต้อง / component exec.top, check phrases: parameter 'any.1'" in str(raised.value)


def test_a_component_without_its_thai_label_is_reported_as_pydantic_says(tmp_path: Path) -> None:
    path = tmp_path / "components.toml"
    path.write_text(
        '[components."exec.photo"]\nlabel_en = "executives\' photos"\ncheck = "executives"\n'
        'params = { need = "photo" }\nhint_th = "แสดงรูปถ่ายของผู้บริหารทุกคน"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as raised:
        read_components(path)
    message = str(raised.value)
    assert message.startswith("components.toml [exec.photo]: 1 validation error for ComponentDef\nlabel_th\n")
    assert "Field required" in message


@pytest.mark.parametrize(
    "params",
    [
        # the column is named: the check reads the column's cell or trusts the named column, never the phrases
        {"value": "text", "column_any": ["ผลการดำเนินงาน"], "value_any": ["ดำเนินการแล้ว"]},
        # an amount is an amount: phrases are read for a text result only
        {"value": "amount", "value_any": ["ดำเนินการแล้ว"]},
    ],
)
def test_phrases_a_table_check_would_never_read_are_an_error(params: dict) -> None:
    with pytest.raises(ParamsError) as raised:
        check_params("report.results", "table_rows", {"title_any": ["รายงานผลการดำเนินงาน"], **params})
    assert "พารามิเตอร์ใช้ร่วมกันไม่ได้ / component report.results, check table_rows: parameters do not fit" in str(
        raised.value
    )
    assert "value_any ใช้ได้เฉพาะกับ" in str(raised.value)


def test_phrases_for_a_text_result_without_a_column_are_read() -> None:
    params = check_params("report.results", "table_rows", {"value": "text", "value_any": ["ดำเนินการแล้ว"]})
    assert params.value_any == ["ดำเนินการแล้ว"]  # type: ignore[attr-defined]
