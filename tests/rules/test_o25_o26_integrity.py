"""ITA 2569 O25-O26, sub-indicator 10.2 มาตรการภายในเพื่อป้องกันการทุจริต.

- O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร: the analysis of the ITA 2568 result (scores, weaknesses,
  what to improve) and the integrity measures of fiscal year 2569 (method, who, when, follow-up). The
  analysis names the year it analyses, so the time rule is judged on the measures.
- O26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส: the fiscal year 2568 report with its three
  parts as sub-components; missing parts read as seed 000's O35 finding.

The real documents of seeds 002 (อบต.พะทาย's 2566 report) and 004 (เทศบาลตำบลโคกสำโรง's 2564 measures) pass
when checked for the year they were written for.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules.catalog import load_catalog
from tests.rules import koksawang as k
from tests.rules.sitebuilder import (
    DATA_GAP,
    TIME_GAP,
    assert_pass,
    evaluate_site_both,
    fixture,
    gaps,
    item,
    statuses,
    url,
)

O25 = ["integrity.analysis", "integrity.measures"]
O26 = ["integrity.report", "integrity.report.measures", "integrity.report.summary", "integrity.report.outcome"]
ANALYSIS = "การวิเคราะห์ผลการประเมิน ITA ปีที่ผ่านมา"
MEASURES = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
# Seed 000, ITA 2567 O35, after "ไม่ปรากฏ" (here for ITA 2569, so fiscal year 2568).
SEED_FINDING = (
    "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานในปีงบประมาณ พ.ศ. 2568"
    " ที่มีรายละเอียดอย่างน้อยประกอบด้วย"
    " ๑. มาตรการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    " ๒. สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม"
    " ๓. ผลลัพธ์หรือความสำเร็จของการดำเนินการ"
)


# --- O25 --------------------------------------------------------------------------------------------------
def test_o25_passes_with_the_analysis_of_ita_2568_and_the_2569_measures() -> None:
    result = item(k.site(k.o25()), "O25")
    assert_pass(result, O25)
    assert {c.evidence_url for c in result.components} == {url(k.ITA_ANALYSIS)}


@pytest.mark.parametrize(("part", "label"), [("scores", "ผลคะแนน"), ("weak", "ข้อบกพร่องหรือจุดอ่อน")])
def test_o25_an_analysis_part_missing_is_a_data_gap(part: str, label: str) -> None:
    result = item(k.site(k.o25(), drop={part}), "O25")
    text = k.assert_one_gap(result, "data", "integrity.analysis", DATA_GAP + ANALYSIS)
    assert text.endswith(f"({label})")


@pytest.mark.parametrize(
    ("part", "label"),
    [
        ("method", "วิธีการหรือขั้นตอนการดำเนินการ"),
        ("resp", "ผู้รับผิดชอบ"),
        ("period", "ระยะเวลาดำเนินการ"),
        ("follow", "การติดตามผล"),
    ],
)
def test_o25_a_measures_column_missing_is_a_data_gap(part: str, label: str) -> None:
    result = item(k.site(k.o25(), drop={part}), "O25")
    text = k.assert_one_gap(result, "data", "integrity.measures", DATA_GAP + MEASURES)
    assert text.endswith(f"({label})")


def test_o25_last_years_measures_are_a_time_gap_on_the_measures() -> None:
    # The document of a year ago: the analysis of ITA 2567 and the measures of 2568.
    result = item(k.site(k.o25(fy=2568)), "O25")
    text = k.assert_one_gap(result, "time", "integrity.measures", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text and "เป็นข้อมูลปีงบประมาณ พ.ศ. 2568" in text


def test_o25_seed_004_measures_pass_for_their_year() -> None:
    # เทศบาลตำบลโคกสำโรง's real document: the analysis of ITA 2563 and the measures of 2564, checked as ITA 2564.
    site = k.site(documents={k.ITA_ANALYSIS: fixture("o25_seed004_khoksamrong.txt")}, index={})
    items, _ = evaluate_site_both(site, load_catalog(2569), 2564, date(2021, 5, 15), {"O25": [url(k.ITA_ANALYSIS)]})
    assert_pass(next(i for i in items if i.code == "O25"), O25)


# --- O26 --------------------------------------------------------------------------------------------------
def test_o26_passes_with_the_2568_report_and_its_three_parts() -> None:
    result = item(k.site(k.o26()), "O26")
    assert_pass(result, O26)
    assert {c.evidence_url for c in result.components} == {url(k.INTEGRITY_REPORT)}


@pytest.mark.parametrize(
    ("part", "label"),
    [
        ("measures", "มาตรการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        ("summary", "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม"),
        ("outcome", "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"),
    ],
)
def test_o26_each_missing_part_reads_as_the_seed_finding(part: str, label: str) -> None:
    result = item(k.site(k.o26(), drop={part}), "O26")
    text = k.assert_one_gap(result, "data", f"integrity.report.{part}", DATA_GAP + SEED_FINDING)
    assert text.endswith(f"(ไม่พบ: {label})")


def test_o26_covering_memo_alone_is_the_seed_finding() -> None:
    # Only the memo to the นายก ("… ได้ดำเนินการตามมาตรการ … ครบทุกข้อแล้ว"): the report is named, none of its
    # three parts is there. One gap on the report, word for word the assessors' finding.
    result = item(k.site(k.o26(), drop={"measures", "summary", "outcome"}), "O26")
    assert result.status == "gap"
    assert [(kind, cid) for kind, cid, _ in gaps(result)] == [("data", "integrity.report")]
    assert result.gaps[0].text_th == DATA_GAP + SEED_FINDING
    assert set(statuses(result).values()) == {"missing"}


def test_o26_report_of_2567_is_a_time_gap() -> None:
    result = item(k.site(k.o26(fy=2567)), "O26")
    text = k.assert_one_gap(result, "time", "integrity.report", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2568" in text and "เป็นข้อมูลปีงบประมาณ พ.ศ. 2567" in text


def test_o26_the_2568_report_is_old_for_ita_2570() -> None:
    site = k.site(k.o26(), index={})
    items, _ = evaluate_site_both(site, load_catalog(2570), 2570, date(2027, 5, 15), {"O26": [url(k.INTEGRITY_REPORT)]})
    result = next(i for i in items if i.code == "O26")
    assert ("time", "integrity.report") in [(g.kind, g.component) for g in result.gaps]
    # The parts are still judged, and found: the report is complete, only a year old.
    assert {c.id: c.status for c in result.components if c.id != "integrity.report"} == dict.fromkeys(
        O26[1:], "present"
    )


def test_o26_seed_002_report_passes_for_its_year() -> None:
    # อบต.พะทาย's real report on the 2566 measures (seed 002), checked as ITA 2567 (previous fiscal year 2566).
    site = k.site(documents={k.INTEGRITY_REPORT: fixture("o26_seed002_phatai.txt")}, index={})
    items, _ = evaluate_site_both(site, load_catalog(2569), 2567, date(2024, 5, 15), {"O26": [url(k.INTEGRITY_REPORT)]})
    assert_pass(next(i for i in items if i.code == "O26"), O26)


@pytest.mark.parametrize(
    "name",
    [
        "o25_analysis_table.txt",  # a table: ผลการวิเคราะห์ | ประเด็นที่ต้องปรับปรุง/พัฒนา, then แนวทางการนำผลการประเมินไปปรับปรุง
        "o25_analysis_swot.txt",  # จุดแข็ง / จุดอ่อน / สิ่งที่ต้องปรับปรุงและแนวทางแก้ไข
    ],
)
def test_o25_analyses_in_other_wordings_pass(name: str) -> None:
    assert_pass(item(k.site(documents={k.ITA_ANALYSIS: k.text_document(name)}), "O25"), O25)


@pytest.mark.parametrize(("name", "part"), [("o25_ita_analysis.txt", "improve"), ("o25_analysis_swot.txt", "improve")])
def test_o25_weaknesses_without_what_to_improve_is_a_data_gap(name: str, part: str) -> None:
    # The indicator "การปรับปรุงการทำงาน (EIT)" in the scores table is not something the agency will improve.
    subs = {"ita_year": "2568", "fy": "2569", "p1": "ต.ค. 2568 – มี.ค. 2569", "p2": "ต.ค. 2568 – ก.ย. 2569"}
    text = k.text_document(name, drop={part}, **(subs if name == "o25_ita_analysis.txt" else {}))
    result = item(k.site(documents={k.ITA_ANALYSIS: text}), "O25")
    assert k.assert_one_gap(result, "data", "integrity.analysis", DATA_GAP + ANALYSIS).endswith(
        "(ประเด็นที่ต้องพัฒนาหรือปรับปรุง)"
    )
