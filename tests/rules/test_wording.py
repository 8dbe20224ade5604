"""The assessors' wording as data (rules/catalogs/wording.toml): validated when it loads, rendered from a gap's
facts in one place (rules/results.py), the facts kept on the gap and out of the JSON contract."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from rules.catalog import WORDING_SLOTS, CatalogError, parse_wording, wording
from rules.fiscal import judge_spans
from rules.results import Gap, GapFacts, ItemResult, reason, render
from rules.sources import LINK_DEAD_TH
from rules.thaidates import find_dates

SHIPPED = tomllib.loads(resources.files("rules").joinpath("catalogs/wording.toml").read_text(encoding="utf-8"))
SCHEMA = Path("/work/shared/contracts/scan-result.schema.json")


def _with(key: str, **body: str) -> dict:
    """The shipped wording file with one wording replaced."""
    kind, case = key.split(".")
    raw = {k: dict(v) for k, v in SHIPPED.items()}
    raw[kind] = {**raw[kind], case: body}
    return raw


def test_the_shipped_wording_has_every_wording_the_rules_use() -> None:
    assert set(wording()) == set(WORDING_SLOTS)
    assert LINK_DEAD_TH in wording()["rule.dead_link"].th  # the words the dead-link status uses elsewhere


@pytest.mark.parametrize(
    ("key", "body", "says"),
    [
        # Thai drops the year the assessors name: "… ปีงบประมาณ พ.ศ." with no year is no finding.
        (
            "time.fiscal_year",
            {"th": "ไม่ครบองค์ประกอบด้านเวลา - ไม่ปรากฏ{label}", "en": "no {label} for {target}"},
            "th must use",
        ),
        # English names a fact the rules do not supply for this wording.
        ("data.absent", {"th": "ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏ{label}", "en": "no {label} in {url}"}, "en must use"),
        # A misspelt placeholder is one missing and one extra.
        ("not_found.item", {"th": "ไม่พบข้อมูล - {titel}", "en": "Not found - {title}"}, "th must use"),
        # A formatted placeholder: facts are named, their form is the renderer's.
        ("time.data_year", {"th": "เป็นข้อมูลปีงบประมาณ พ.ศ. {year:04d}", "en": "the data is for {fy}"}, "plain name"),
        # A field the wording file does not have.
        ("rule.unmet", {"th": "ไม่เป็นไปตามหลักเกณฑ์ - {rule}", "en": "Rule not met - {rule}", "hint": "x"}, "hint"),
    ],
)
def test_a_wrong_placeholder_fails_when_the_file_loads(key: str, body: dict, says: str) -> None:
    with pytest.raises(CatalogError, match=rf"(?s)\[{key}\].*{says}"):
        parse_wording(_with(key, **body))


def test_a_missing_or_unknown_wording_fails_when_the_file_loads() -> None:
    raw = {k: dict(v) for k, v in SHIPPED.items()}
    del raw["time"]["months"]
    with pytest.raises(CatalogError, match=r"wordings missing: \['time.months'\]"):
        parse_wording(raw)
    with pytest.raises(CatalogError, match=r"(?s)\[rule.typo\].*no such wording"):
        parse_wording(_with("rule.typo", th="ไม่เป็นไปตามหลักเกณฑ์", en="Rule not met"))


def test_each_gap_kind_renders_the_assessors_words() -> None:
    """Realistic findings (shared/seeds): the Thai an assessor writes, from facts only."""
    old = GapFacts(
        wording="time.fiscal_year_old",
        label_th="รายงานผลการดำเนินงานประจำปี",
        label_en="annual performance report",
        target_year=2568,
        years_seen=[2567, 2566],
        data_years=[2567, 2566],
    )
    assert render(old) == (
        "ไม่ครบองค์ประกอบด้านเวลา - ไม่ปรากฏรายงานผลการดำเนินงานประจำปี ปีงบประมาณ พ.ศ. 2568"
        " (เป็นข้อมูลปีงบประมาณ พ.ศ. 2567, เป็นข้อมูลปีงบประมาณ พ.ศ. 2566)",
        "Time component incomplete - no annual performance report for fiscal year 2568 (only 2566, 2567)",
    )
    months = GapFacts(wording="time.months", months=[(2026, 2), (2026, 3)], target_year=2569)
    assert render(months)[0].endswith("(ไม่ปรากฏเดือน กุมภาพันธ์ 2569, มีนาคม 2569)")
    assert render(months)[1].endswith("(missing February 2026, March 2026)")
    fields = GapFacts(
        wording="data.no_fields",
        label_th="รายงานการจัดซื้อจัดจ้างประจำปี",
        label_en="annual procurement report",
        fields_th=["งบประมาณที่ใช้", "ผู้ได้รับการคัดเลือก"],
    )
    assert render(fields)[0] == (
        "ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏรายงานการจัดซื้อจัดจ้างประจำปี"
        " ที่มีรายละเอียดอย่างน้อยประกอบด้วย ๑. งบประมาณที่ใช้ ๒. ผู้ได้รับการคัดเลือก"
    )
    dead = [f"https://www.example.go.th/files/o{n}.pdf" for n in range(5)]
    gap = Gap.of(GapFacts(wording="rule.dead_link", urls=dead, statuses=["HTTP 404"]))
    assert (gap.kind, gap.hint_th is not None) == ("rule", True)
    assert gap.text_th == f"ไม่เป็นไปตามหลักเกณฑ์ - ลิงก์ไม่สามารถเข้าถึงได้ ({', '.join(dead[:3])}, …)"
    assert gap.text_en and gap.text_en.endswith(": HTTP 404")
    missing = Gap.of(GapFacts(wording="not_found.item", label_th="แผนการใช้จ่ายงบประมาณประจำปี"))
    assert (missing.kind, missing.text_th) == ("not_found", "ไม่พบข้อมูล - แผนการใช้จ่ายงบประมาณประจำปี")
    assert reason("unknown.rule_undecided", detail="อ่านลายมือชื่อไม่ได้") == (
        "ตรวจหลักเกณฑ์ไม่ได้ / rule undecided: อ่านลายมือชื่อไม่ได้"
    )


def test_the_facts_stay_on_the_gap_and_out_of_the_json_contract() -> None:
    facts = GapFacts(
        wording="rule.unmet_detail",
        rule_th="ลงนามโดยผู้บริหารสูงสุด",
        rule_en="signed by the head",
        detail="ลงนามโดย ปลัด อบต.",
    )
    gap = Gap.of(facts, component="nogift.announcement", hint_th="ให้นายก อบต. ลงนาม")
    assert gap.facts is facts and gap.text_th == "ไม่เป็นไปตามหลักเกณฑ์ - ลงนามโดยผู้บริหารสูงสุด (ลงนามโดย ปลัด อบต.)"
    item = ItemResult(code="O20", title="การประกาศเจตนารมณ์นโยบาย No Gift Policy", status="gap", gaps=[gap])
    dumped = json.loads(item.model_dump_json())
    assert set(dumped["gaps"][0]) == {"kind", "component", "text_th", "text_en", "hint_th"}
    if SCHEMA.exists():
        item_schema = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["item"]
        jsonschema.Draft202012Validator(item_schema).validate(dumped)
    assert ItemResult.model_validate(dumped).gaps[0].facts is None  # read back: its texts only


@pytest.mark.parametrize(
    ("text", "wording", "year"),
    [
        ("รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ องค์การบริหารส่วนตำบลโคกสว่าง", "time.data_year", 2567),
        ("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2566 (ปรับปรุงครั้งที่ 1)", "time.data_year", 2566),
        ("ประกาศ ณ วันที่ 12 มีนาคม 2570", "time.no_data_year", 2569),
    ],
)
def test_a_time_verdict_carries_its_year_as_a_fact(text: str, wording: str, year: int) -> None:
    """rules/evaluate.py reads the year old evidence names from the verdict's facts, never from its Thai text."""
    verdict = judge_spans("current_fy", find_dates(text), 2569, date(2026, 5, 15))
    assert verdict.ok is False and verdict.facts is not None
    assert (verdict.facts.wording, verdict.facts.target_year) == (wording, year)
    assert verdict.text_th is not None and str(year) in verdict.text_th


def test_a_gap_read_back_without_its_facts_equals_the_one_built() -> None:
    """Stored results (oit history, recheck) compare equal to the scan's, facts or not; a different text does not."""
    built = Gap.of(GapFacts(wording="time.months", months=[(2026, 3)]), "procure.monthly", "เผยแพร่สรุปผลรายเดือน")
    read_back = Gap.model_validate_json(built.model_dump_json())
    assert read_back.facts is None and read_back == built
    assert read_back != built.model_copy(update={"text_th": built.text_th + " "})


def test_a_findings_urls_are_shown_as_the_crawler_shows_them() -> None:
    """rules.results.shown_urls is crawler.urls.first_urls written again (the reports' results may not import the
    crawler): the same first three and "…" for every length."""
    from crawler.urls import first_urls
    from rules.results import shown_urls

    for n in range(6):
        urls = [f"https://www.example-tambon.go.th/ita/o{i}.pdf" for i in range(n)]
        assert shown_urls(urls) == first_urls(urls)
        assert shown_urls(urls, 1) == first_urls(urls, 1)
