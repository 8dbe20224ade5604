"""The year catalogs (rules/catalogs/*.toml) against the component vocabulary and shared/ita/criteria.md section 5.

2569 is the full current year; 2570 is not published and borrows 2569's items (provisional); 2568 has all 26
items (O5-O7 only vaguely known); 2567 lists only the codes the reference knows. A year with no catalog of its
own is never silently checked with another year's items, except a future one, which says it is provisional.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from pydantic import ValidationError

from reports.rules_table import catalog_table
from rules import catalog as catalog_module
from rules.catalog import Catalog, CatalogError, ItemDef, available_years, components, load_catalog
from rules.checks import CHECKS, RULES
from tests.rules.sitebuilder import build_site, evaluate_site_both, home

CONFIDENCES = {"C", "S", "1", "I"}
TIME_RULES = {"current", "current_fy", "previous_fy", "first_half_current_fy", "covers_current_fy", "none"}
SUBINDICATORS = {"9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"}

CODES_2568 = [f"O{n}" for n in range(1, 27)]
CODES_2567 = [f"O{n}" for n in (1, 2, 3, 4, 8, 9, 12, 13, 14, 15, 16, 17, 25, 26, 27, 30, 31, 33, 34, 35)]


@pytest.fixture(params=[2567, 2568, 2569, 2570])
def year_catalog(request: pytest.FixtureRequest) -> tuple[int, Catalog]:
    return request.param, load_catalog(request.param)


def test_the_catalog_files_are_2567_to_2569() -> None:
    assert available_years() == [2567, 2568, 2569]


def test_every_catalog_validates_and_names_only_known_components(year_catalog: tuple[int, Catalog]) -> None:
    _, catalog = year_catalog
    vocabulary = components()
    for item in catalog.items:
        unknown = [cid for cid in item.components if cid not in vocabulary]
        assert not unknown, (catalog.year, item.code, unknown)


def test_codes_are_unique_and_in_order(year_catalog: tuple[int, Catalog]) -> None:
    _, catalog = year_catalog
    numbers = [int(code[1:]) for code in catalog.codes]
    assert len(set(numbers)) == len(numbers)
    assert numbers == sorted(numbers)


def test_confidences_time_rules_and_subindicators_are_valid(year_catalog: tuple[int, Catalog]) -> None:
    _, catalog = year_catalog
    assert catalog.subindicator_confidence in CONFIDENCES
    for item in catalog.items:
        assert item.confidence in CONFIDENCES, item.code
        assert item.time_rule_confidence in CONFIDENCES, item.code
        assert item.time in TIME_RULES, item.code
        assert item.subindicator in SUBINDICATORS, item.code
        for cid in item.components:
            assert item.confidence_of(cid) in CONFIDENCES, (item.code, cid)
        assert item.title.strip() and item.discovery, item.code


def test_unknown_items_are_never_evaluated(year_catalog: tuple[int, Catalog]) -> None:
    _, catalog = year_catalog
    for item in catalog.items:
        if not item.known:
            assert not item.implemented and item.note, item.code


def test_every_component_names_a_registered_check_and_rule() -> None:
    for cid, component in components().items():
        assert component.check in CHECKS, cid
        if component.rule:
            assert component.rule in RULES and component.rule_th, cid


def test_sub_indicators_are_contiguous_ranges_of_codes(year_catalog: tuple[int, Catalog]) -> None:
    # The score averages items per sub-indicator: a sub-indicator is one run of consecutive codes.
    _, catalog = year_catalog
    order = [item.subindicator for item in catalog.items]
    runs = [s for i, s in enumerate(order) if i == 0 or order[i - 1] != s]
    assert len(runs) == len(set(runs)), runs


# --- the loader ------------------------------------------------------------------------------------------
def test_2570_is_provisional_and_based_on_2569() -> None:
    provisional, base = load_catalog(2570), load_catalog(2569)
    assert provisional.provisional and not base.provisional
    assert provisional.year == 2569
    assert provisional.codes == base.codes
    assert "เกณฑ์ปี 2570 ยังไม่ประกาศ" in (provisional.note_th or "") and "2569" in (provisional.note_th or "")
    assert load_catalog(2571).year == 2569 and load_catalog(2571).provisional


@pytest.mark.parametrize("year", [2567, 2568, 2569])
def test_published_years_load_their_own_catalog(year: int) -> None:
    catalog = load_catalog(year)
    assert catalog.year == year and not catalog.provisional and catalog.note_th is None


@pytest.mark.parametrize("year", [2566, 2565, 2550])
def test_a_year_before_the_oldest_catalog_fails_clearly(year: int) -> None:
    with pytest.raises(CatalogError, match=f"ไม่มีเกณฑ์สำหรับปี {year}"):
        load_catalog(year)


def test_a_year_between_two_catalogs_is_not_checked_with_either(monkeypatch: pytest.MonkeyPatch) -> None:
    # Were 2568 missing, its criteria would still have been published (and differ): neither 2567's nor 2569's
    # items may stand in for them, silently or provisionally.
    monkeypatch.setattr(catalog_module, "available_years", lambda: [2567, 2569])
    with pytest.raises(CatalogError, match="ไม่มีเกณฑ์สำหรับปี 2568") as raised:
        load_catalog(2568)
    assert "2567, 2569" in str(raised.value)
    assert load_catalog(2570).provisional and load_catalog(2570).year == 2569


# --- the model -----------------------------------------------------------------------------------------
def _item(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "code": "O9",
        "title": "รายงานผลการดำเนินงานประจำปี",
        "subindicator": "9.2",
        "confidence": "1",
        "time": "previous_fy",
        "components": ["report.results"],
        "discovery": ["รายงานผลการดำเนินงาน"],
    }
    body.update(changes)
    return body


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"confidence": "2"}, "confidence"),
        ({"time": "last_year"}, "time"),
        ({"known": False}, "known = false"),
        ({"component_confidence": {"report.problems": "I"}}, "does not have"),
        ({"component_confidence": {"report.results": "X"}}, "component_confidence"),
        ({"components": []}, "at least one component"),
        ({"components": ["report.results", "report.results"]}, "twice"),
        ({"code": "9"}, "code"),
    ],
)
def test_invalid_items_are_rejected(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ItemDef(**_item(**changes))  # type: ignore[arg-type]


def test_duplicate_codes_are_rejected() -> None:
    with pytest.raises(ValidationError, match="listed twice"):
        Catalog(year=2567, items=[ItemDef(**_item()), ItemDef(**_item())])  # type: ignore[arg-type]


def test_component_confidence_defaults_to_the_items() -> None:
    body = _item(components=["report.results", "report.problems"], component_confidence={"report.problems": "I"})
    item = ItemDef(**body)  # type: ignore[arg-type]
    assert item.confidence_of("report.results") == "1"
    assert item.confidence_of("report.problems") == "I"
    assert item.time_rule_confidence == "1"
    with pytest.raises(KeyError):
        item.confidence_of("report.suggestions")


# --- ITA 2568 ------------------------------------------------------------------------------------------
def test_2568_has_26_items_with_the_references_confidences() -> None:
    catalog = load_catalog(2568)
    assert catalog.codes == CODES_2568
    confidence = {i.code: i.confidence for i in catalog.items}
    assert {c: confidence[c] for c in ("O1", "O2", "O3", "O4")} == {"O1": "C", "O2": "C", "O3": "C", "O4": "S"}
    assert {confidence[c] for c in ("O5", "O6", "O7")} == {"I"}
    assert {confidence[c] for c in CODES_2568[7:]} == {"1"}
    assert catalog.subindicator_confidence == "I"


def test_2568_o5_to_o7_are_listed_but_not_known() -> None:
    catalog = load_catalog(2568)
    for code in ("O5", "O6", "O7"):
        item = catalog.item(code)
        assert item is not None and not item.known and not item.implemented, code
        assert "Not seen" in (item.note or ""), code
    assert all(i.known for i in catalog.items if i.code not in ("O5", "O6", "O7"))


def test_2568_items_the_reference_describes() -> None:
    catalog = load_catalog(2568)

    def item(code: str) -> ItemDef:
        found = catalog.item(code)
        assert found is not None
        return found

    o3 = item("O3")
    assert "contact.qa" in o3.components and o3.confidence_of("contact.qa") == "C"
    assert o3.confidence_of("contact.address") == "I"
    o12 = item("O12")
    assert (o12.components, o12.time, o12.time_rule_confidence) == (
        ["procure.item_fields", "procure.progress"],
        "first_half_current_fy",
        "1",
    )
    o13 = item("O13")
    assert (o13.time, o13.time_rule_confidence) == ("previous_fy", "1")
    assert o13.components == ["procure.annual_report", "procure.reference_price", "procure.vendor_tax_id"]
    assert item("O21").components == ["nogift.announcement", "nogift.activity"]
    assert item("O22").components == ["nogift.report"]
    assert item("O23").components == ["risk.assessment"] and "สินบน" in item("O23").title
    assert item("O24").components == ["risk.report"]
    assert item("O11").title == "ข้อมูลสถิติการให้บริการ" and item("O11").components == ["service.stats"]
    assert "eservice.stats" not in item("O10").components  # statistics are O11 in 2568


# --- ITA 2567 ------------------------------------------------------------------------------------------
def test_2567_lists_only_the_codes_the_reference_knows() -> None:
    catalog = load_catalog(2567)
    assert catalog.codes == CODES_2567
    unknown = [f"O{n}" for n in (5, 6, 7, 10, 11, 18, 19, 20, 21, 22, 23, 24, 28, 29, 32)]
    assert [code for code in unknown if catalog.item(code) is not None] == []
    assert {i.confidence for i in catalog.items} == {"1"}


def test_2567_o4_is_ambiguous_and_not_evaluated() -> None:
    o4 = load_catalog(2567).item("O4")
    assert o4 is not None
    assert (o4.known, o4.implemented, o4.components, o4.confidence) == (False, False, [], "1")
    assert "อำนาจหน้าที่" in (o4.note or "")


def test_2567_seed_000_items() -> None:
    catalog = load_catalog(2567)
    o9, o13, o17, o35 = (catalog.item(c) for c in ("O9", "O13", "O17", "O35"))
    assert o9 is not None and o13 is not None and o17 is not None and o35 is not None
    assert o9.title == "รายงานผลการดำเนินงานประจำปี" and "report.project_period" in o9.components
    assert o9.time == "previous_fy"
    assert o13.components == ["eservice.online", "eservice.usage_guide"] and o13.time == "none"
    assert {"procure.reference_price", "procure.vendor_tax_id"} <= set(o17.components)
    assert o17.title == "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"
    assert (o35.components, o35.time, o35.time_rule_confidence) == (["integrity.report"], "previous_fy", "1")
    for item in (o9, o13, o17, o35):
        assert item.implemented, item.code
    assert o9.confidence_of("report.project_period") == "1"


def test_2567_titles_are_the_references_words() -> None:
    titles = {i.code: i.title for i in load_catalog(2567).items}
    assert titles["O2"] == "ข้อมูลผู้บริหารและเจ้าหน้าที่"
    assert titles["O26"] == "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่"
    assert titles["O30"] == "การประเมินความเสี่ยงการทุจริตในประเด็นที่เกี่ยวข้องกับสินบน"
    assert titles["O34"] == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


# --- used end to end --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("year", "as_of", "count"), [(2567, date(2024, 5, 15), 20), (2568, date(2025, 5, 15), 26)])
def test_past_years_evaluate_every_listed_item(year: int, as_of: date, count: int) -> None:
    site = build_site({"/": home([("หน้าแรก", "/")])})
    results, _ = evaluate_site_both(site, load_catalog(year), year, as_of)
    assert [r.code for r in results] == load_catalog(year).codes and len(results) == count
    for result, item in zip(results, load_catalog(year).items, strict=True):
        if not item.implemented:
            assert result.status == "unknown" and "not implemented" in (result.unknown_reason or ""), item.code
        else:
            assert result.status in ("missing", "gap", "unknown"), item.code  # a bare home page passes nothing


@pytest.mark.parametrize("year", [2567, 2568])
def test_past_years_print_as_a_rules_table(year: int) -> None:
    from rich.console import Console

    console = Console(record=True, width=220)
    console.print(catalog_table(load_catalog(year), year))
    text = console.export_text()
    for code in load_catalog(year).codes:
        assert re.search(rf"\b{code}\b", text), code
