"""ITA 2569 O5-O7: the local development plan covering 2569, the annual action plan of 2569 (each project's
budget and period) and the annual report of 2568 (each project's result, spending and start and end dates,
problems, suggestions).

The documents are read as pdftotext gives them: table rows numbered 1, 2, 3 …, cells wrapped onto several
lines (O6), or cells separated by "|" (O7). The time rule reads the period written after the document's name:
a plan or report quotes other years (ยุทธศาสตร์ชาติ พ.ศ. ๒๕๖๑-๒๕๘๐, next year's budget) that say nothing
about its own."""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, TIME_GAP, assert_pass, fixture, item

PLAN = ["plan.projects", "plan.budget", "plan.period"]
REPORT = ["report.results", "report.budget_used", "report.project_period", "report.problems", "report.suggestions"]
SEED_000_O9 = "ระยะเวลาในการดำเนินงานแต่ละโครงการ/กิจกรรม (ระบุเป็น วัน เดือน ปี) ที่เริ่มและสิ้นสุดการดำเนินการ"


# --- O5 แผนพัฒนาท้องถิ่น ------------------------------------------------------------------------------------
def test_o5_plan_2566_2570_passes() -> None:
    assert_pass(item(k.site(k.o5()), "O5"), ["plan.strategy"])


def test_o5_plan_2561_2565_does_not_cover_2569() -> None:
    # Its preface says it follows ยุทธศาสตร์ชาติ ๒๐ ปี (พ.ศ. ๒๕๖๑ - ๒๕๘๐), a period that does cover 2569.
    assert "๒๕๖๑ - ๒๕๘๐" in k.o5(first=2561)[1]["/files/plan/local-plan-2566-2570.pdf"]
    result = item(k.site(k.o5(first=2561)), "O5")
    text = k.assert_one_gap(result, "time", "plan.strategy", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text and "2565" in text


def test_o5_announcement_of_the_plan_alone_is_a_data_gap() -> None:
    # The agency links the announcement that adopts the plan, not the plan.
    documents = {"/files/plan/local-plan-2566-2570.pdf": fixture("o5_plan_announcement.txt")}
    result = item(k.site(k.o5(), documents=documents), "O5")
    text = k.assert_one_gap(result, "data", "plan.strategy", DATA_GAP + "แผนยุทธศาสตร์หรือแผนพัฒนาท้องถิ่น")
    assert "ยุทธศาสตร์และแนวทางการพัฒนา, เป้าหมาย, ตัวชี้วัด" in text


def test_o5_plan_without_indicators_is_a_data_gap_naming_them() -> None:
    result = item(k.site(k.o5(drop={"kpi"})), "O5")
    text = k.assert_one_gap(result, "data", "plan.strategy", DATA_GAP + "แผนยุทธศาสตร์หรือแผนพัฒนาท้องถิ่น")
    assert text.endswith("(ตัวชี้วัด)")


# --- O6 แผนการดำเนินงานประจำปี ----------------------------------------------------------------------------------
def test_o6_action_plan_2569_passes() -> None:
    assert_pass(item(k.site(k.o6()), "O6"), PLAN)


def test_o6_spending_plan_by_budget_category_has_no_projects() -> None:
    # Budget and quarters per category (งบกลาง, งบบุคลากร …), but no project or activity.
    documents = {"/files/plan/action-plan-2569.pdf": fixture("o6_spending_plan.txt")}
    result = item(k.site(k.o6(), documents=documents), "O6")
    k.assert_one_gap(result, "data", "plan.projects", DATA_GAP + "โครงการ/กิจกรรมตามแผน")


@pytest.mark.parametrize(
    ("drop", "cid", "label"),
    [("budget", "plan.budget", "งบประมาณของแต่ละโครงการ"), ("period", "plan.period", "ระยะเวลาดำเนินการของแต่ละโครงการ")],
)
def test_o6_one_component_absent_is_a_data_gap(drop: str, cid: str, label: str) -> None:
    result = item(k.site(k.o6(drop={drop})), "O6")
    k.assert_one_gap(result, "data", cid, DATA_GAP + label)


def test_o6_a_project_without_its_budget_is_named() -> None:
    pages, documents = k.o6()
    path = "/files/plan/action-plan-2569.pdf"
    documents[path] = str(documents[path]).replace("36,500 ", "")
    result = item(k.site((pages, documents)), "O6")
    text = k.assert_one_gap(result, "data", "plan.budget", DATA_GAP + "งบประมาณของแต่ละโครงการ")
    assert "(โครงการซ่อมแซมไฟฟ้าส่องสว่างสาธารณะ หมู่ที่ 1, 4, 8" in text and text.count(",") == 2


def test_o6_period_drawn_as_a_timeline_of_months_counts() -> None:
    # แบบ ผด.02: each project's months are arrows under a header of the twelve months; no text is left.
    assert_pass(item(k.site(k.o6(drop={"period"}, timeline=5)), "O6"), PLAN)


def test_o6_timeline_without_bars_for_every_project_is_a_data_gap() -> None:
    # Five projects under the twelve months, bars drawn for four of them only.
    result = item(k.site(k.o6(drop={"period"}, timeline=4)), "O6")
    k.assert_one_gap(result, "data", "plan.period", DATA_GAP + "ระยะเวลาดำเนินการของแต่ละโครงการ")


def test_o6_action_plan_of_2568_is_a_time_gap() -> None:
    result = item(k.site(k.o6(fy=2568)), "O6")
    assert result.status == "gap"
    assert [(g.kind, g.component) for g in result.gaps] == [("time", cid) for cid in PLAN]
    assert all("ปีงบประมาณ พ.ศ. 2569" in g.text_th for g in result.gaps)


# --- O7 รายงานผลการดำเนินงานประจำปี ---------------------------------------------------------------------------
def test_o7_report_of_2568_passes() -> None:
    assert_pass(item(k.site(k.o7()), "O7"), REPORT)


@pytest.mark.parametrize(
    ("drop", "cid", "label"),
    [
        ("results", "report.results", "ผลการดำเนินงาน"),
        ("spent", "report.budget_used", "ผลการใช้จ่ายงบประมาณ"),
        ("period", "report.project_period", SEED_000_O9),
        ("problems", "report.problems", "ปัญหา/อุปสรรค"),
        ("suggestions", "report.suggestions", "ข้อเสนอแนะ"),
    ],
)
def test_o7_one_component_absent_is_a_data_gap(drop: str, cid: str, label: str) -> None:
    result = item(k.site(k.o7(drop={drop})), "O7")
    k.assert_one_gap(result, "data", cid, DATA_GAP + label)


def test_o7_months_without_days_are_seed_000s_finding() -> None:
    # "ธ.ค. 2567 - ก.พ. 2568": a period, but not the day, month and year each project started and ended.
    report = k.o7(drop={"days"})[1]["/files/plan/report-2568.pdf"]
    assert "ธ.ค. 2567 - ก.พ. 2568" in str(report)
    result = item(k.site(k.o7(drop={"days"})), "O7")
    k.assert_one_gap(result, "data", "report.project_period", DATA_GAP + SEED_000_O9)


def test_o7_report_of_2567_is_a_time_gap_though_it_names_2568() -> None:
    # Its suggestions name "ปีงบประมาณ พ.ศ. ๒๕๖๘" (next year's budget): the report is still 2567's.
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๘" in str(k.o7(fy=2567)[1]["/files/plan/report-2568.pdf"])
    result = item(k.site(k.o7(fy=2567)), "O7")
    assert result.status == "gap"
    assert [(g.kind, g.component) for g in result.gaps] == [("time", cid) for cid in REPORT]
    assert all("ปีงบประมาณ พ.ศ. 2568" in g.text_th and "2567" in g.text_th for g in result.gaps)
