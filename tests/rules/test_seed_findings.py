"""Seed 000's four real findings come out of the tool.

Seed 000 is เทศบาลตำบลนากลาง's own analysis of its ITA 2567 result (shared/seeds/000_…, criteria.md section 3).
The assessors scored four OIT items 0, each with a finding. Here the same situations are rebuilt as the
municipality's site in May 2567 (fiscal year 2567): its ITA 2567 page links each item's evidence. For each
item, the version with the part the assessors missed must produce a gap that reads as their finding, and the
same site with that part present must pass (so each test can fail).

| item | seed 000 finding | the site here |
|---|---|---|
| O9 รายงานผลการดำเนินงานประจำปี | ไม่ปรากฏระยะเวลาในการดำเนินงานแต่ละโครงการ/กิจกรรม (วัน เดือน ปี ที่เริ่มและสิ้นสุด) | the 2566 report lists projects, budgets and results, no dates per project |
| O13 E-Service | ไม่ปรากฏรายละเอียดวิธีการใช้งานระบบการให้บริการ | online request forms, no instructions |
| O17 รายงานสรุปผลการจัดซื้อจัดจ้าง…ประจำปี | ไม่ปรากฏ…ราคากลางและเลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการ | the 2566 report without those columns |
| O35 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม… | ไม่ปรากฏรายงานผล…ปีงบประมาณ ๒๕๖๖ ที่มี ๑. มาตรการ ๒. สรุปผล ๓. ผลลัพธ์ | only the covering memo, none of the three parts |
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import pytest

from rules.catalog import load_catalog
from rules.results import ItemResult
from rules.site import MemorySite
from tests.rules.sitebuilder import DATA_GAP, build_site, drop_parts, evaluate_site_both, fixture, url

BASE = "https://www.nakhlang.go.th/"
YEAR = 2567
AS_OF = date(2024, 5, 15)  # the OIT form of ITA 2567 was filled in around April-May 2567 (2024)
INDEX = "/ita/2567"
O9_REPORT = "/files/ita2567/o9-report-2566.pdf"
O17_REPORT = "/files/ita2567/o17-procurement-report-2566.pdf"
O35_REPORT = "/files/ita2567/o35-integrity-report-2566.pdf"
ESERVICE = "/eservice"

_MARKER = re.compile(r"<!--\s*/?part:[\w-]+\s*-->")


def _page(name: str, title: str, **subs: str) -> str:
    return fixture("seed000_layout.html", title=title, content=fixture(name, **subs))


def _document(name: str, drop: Iterable[str]) -> str:
    """A document's extracted text: the dropped parts removed, the markers of the kept ones too (a PDF's text
    has no HTML comments)."""
    return _MARKER.sub("", drop_parts(fixture(name), drop))


def nakhlang(drop: Iterable[str] = ()) -> MemorySite:
    """เทศบาลตำบลนากลาง's site as crawled in May 2567; `drop` removes the named parts everywhere.

    Parts: period (O9 dates per project), guide (O13 instructions), refprice and taxid (O17 columns),
    attachment (O35 report behind its covering memo)."""
    drop = tuple(drop)
    menu = "\n".join(
        f'<li><a href="{href}">{label}</a></li>'
        for label, href in [("หน้าแรก", "/"), ("E-Service", ESERVICE), ("ITA 2567", INDEX)]
    )
    pages = {
        "/": _page("seed000_home.html", "หน้าแรก", menu=menu),
        INDEX: _page("seed000_ita2567.html", "ITA 2567 การประเมินคุณธรรมและความโปร่งใส"),
        ESERVICE: _page("seed000_o13_eservice.html", "E-Service"),
    }
    documents = {
        O9_REPORT: _document("seed000_o9_report.txt", drop),
        O17_REPORT: _document("seed000_o17_annual.txt", drop),
        O35_REPORT: _document("seed000_o35_integrity.txt", drop),
    }
    return build_site(pages, documents, drop=drop, base=BASE)


def evaluate(site: MemorySite) -> tuple[dict[str, ItemResult], list[str]]:
    items, notes = evaluate_site_both(site, load_catalog(YEAR), YEAR, AS_OF)
    return {i.code: i for i in items}, notes


def item(code: str, drop: Iterable[str] = ()) -> ItemResult:
    return evaluate(nakhlang(drop))[0][code]


def data_gaps(result: ItemResult) -> dict[str, str]:
    """component -> Thai text of the result's data gaps."""
    return {g.component or "": g.text_th for g in result.gaps if g.kind == "data"}


def assert_finding(result: ItemResult, expected: dict[str, str]) -> None:
    """Status gap; the gaps are exactly data gaps on the expected components, each reading as the finding."""
    assert result.status == "gap", (result.status, result.unknown_reason, result.components)
    assert sorted((g.kind, g.component) for g in result.gaps) == sorted(("data", c) for c in expected), [
        (g.kind, g.component, g.text_th) for g in result.gaps
    ]
    for cid, words in expected.items():
        text = data_gaps(result)[cid]
        assert text.startswith(DATA_GAP), text
        assert words in text, (words, text)


def assert_passes(result: ItemResult) -> None:
    assert result.status == "pass", (result.status, result.unknown_reason, [g.text_th for g in result.gaps])
    assert result.gaps == []


def test_the_ita_2567_page_leads_to_the_evidence() -> None:
    results, notes = evaluate(nakhlang())
    assert notes[0] == f"หน้า ITA ปี 2567: {url(INDEX, BASE)}"
    for code, path in {"O9": O9_REPORT, "O13": ESERVICE, "O17": O17_REPORT, "O35": O35_REPORT}.items():
        first = results[code].evidence[0]
        assert (first.url, first.found_via) == (url(path, BASE), "ita_index"), code


# --- O9 รายงานผลการดำเนินงานประจำปี ---------------------------------------------------------------------------
def test_o9_annual_report_without_project_dates_is_the_seed_finding() -> None:
    # Seed 000: "ไม่ครบองค์ประกอบด้านข้อมูล-ไม่ปรากฏระยะเวลาในการดำเนินงานแต่ละโครงการ/กิจกรรม(ระบุเป็น วัน เดือน ปี)
    # ที่เริ่มและสิ้นสุดการดำเนินการ". The report still states the fiscal year it covers (1 Oct 2565 - 30 Sep 2566):
    # that is the report's period, not each project's.
    assert_finding(
        item("O9", drop={"period"}),
        {"report.project_period": "ไม่ปรากฏระยะเวลาในการดำเนินงานแต่ละโครงการ/กิจกรรม"},
    )


def test_o9_annual_report_with_start_and_end_dates_passes() -> None:
    assert_passes(item("O9"))


# --- O13 E-Service -------------------------------------------------------------------------------------
def test_o13_eservice_without_usage_instructions_is_the_seed_finding() -> None:
    # Seed 000: "ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏรายละเอียดวิธีการใช้งานระบบการให้บริการ".
    assert_finding(
        item("O13", drop={"guide"}),
        {"eservice.usage_guide": "ไม่ปรากฏรายละเอียดวิธีการใช้งานระบบการให้บริการ"},
    )


def test_o13_eservice_with_usage_instructions_passes() -> None:
    assert_passes(item("O13"))


# --- O17 รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี ---------------------------------------------------
def test_o17_annual_procurement_report_without_reference_prices_and_tax_ids_is_the_seed_finding() -> None:
    # Seed 000: "ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏข้อมูลทั้งหมดในหัวข้อราคากลางและเลขประจำตัวผู้เสียภาษี/
    # เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับคัดเลือก".
    assert_finding(
        item("O17", drop={"refprice", "taxid"}),
        {
            "procure.reference_price": "ราคากลาง",
            "procure.vendor_tax_id": "เลขประจำตัวผู้เสียภาษี",
        },
    )


@pytest.mark.parametrize(
    ("drop", "cid", "words"),
    [
        ("refprice", "procure.reference_price", "ราคากลาง"),
        ("taxid", "procure.vendor_tax_id", "เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการ"),
    ],
)
def test_o17_each_missing_column_is_its_own_gap(drop: str, cid: str, words: str) -> None:
    assert_finding(item("O17", drop={drop}), {cid: words})


def test_o17_annual_procurement_report_with_both_columns_passes() -> None:
    assert_passes(item("O17"))


# --- O35 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน --------------------------------------
def test_o35_covering_memo_without_the_three_parts_is_the_seed_finding() -> None:
    # Seed 000: "ไม่ปรากฏรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานในปีงบประมาณ
    # พ.ศ. ๒๕๖๖ ที่มีรายละเอียดอย่างน้อยประกอบด้วย ๑. มาตรการหรือกิจกรรม… ๒. สรุปผลการดำเนินการ… ๓. ผลลัพธ์…".
    # What was published is the memo to the mayor saying the measures were carried out; the report is not there.
    assert_finding(
        item("O35", drop={"attachment"}),
        {"integrity.report": "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส"},
    )


def test_o35_report_with_measures_summary_and_outcomes_passes() -> None:
    assert_passes(item("O35"))
