"""ITA 2569 O13-O15: the HR plan of 2569 (recruitment, appointment, development, evaluation, reward and
discipline), the HR report of 2568 (results, problems, suggestions), and the code of ethics with an ethics
activity of 2569. The code is issued once and stays in force: only the activity carries the time rule."""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, TIME_GAP, assert_pass, item

HR_PLAN = "แผนหรือหลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"
HR_REPORT = "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล"
ETHICS = ["ethics.code", "ethics.activity"]
ORDER = """คำสั่งองค์การบริหารส่วนตำบลโคกสว่าง ที่ ๒๑๕/๒๕๖๘
เรื่อง แต่งตั้งคณะทำงานจัดทำแผนพัฒนาบุคลากร
เพื่อให้การจัดทำแผนพัฒนาบุคลากรขององค์การบริหารส่วนตำบลโคกสว่าง เป็นไปด้วยความเรียบร้อย จึงแต่งตั้งคณะทำงาน ดังนี้
๑. ปลัดองค์การบริหารส่วนตำบล ประธานคณะทำงาน ๒. หัวหน้าสำนักปลัด คณะทำงาน ๓. นักทรัพยากรบุคคล คณะทำงานและเลขานุการ
สั่ง ณ วันที่ ๒๕ กันยายน พ.ศ. ๒๕๖๘
"""


# --- O13 --------------------------------------------------------------------------------------------
def test_o13_hr_plan_of_2569_passes() -> None:
    assert_pass(item(k.site(k.o13()), "O13"), ["hr.plan"])


def test_o13_order_appointing_the_planners_is_no_plan() -> None:
    result = item(k.site(k.o13(), documents={"/files/hr/hr-plan-2569.pdf": ORDER}), "O13")
    text = k.assert_one_gap(result, "data", "hr.plan", DATA_GAP + HR_PLAN)
    assert "การสรรหาและคัดเลือก" in text and "การประเมินผลการปฏิบัติงาน" in text


def test_o13_plan_without_reward_and_discipline_is_a_data_gap_naming_it() -> None:
    result = item(k.site(k.o13(drop={"morale"})), "O13")
    text = k.assert_one_gap(result, "data", "hr.plan", DATA_GAP + HR_PLAN)
    assert text.endswith("(การให้คุณให้โทษและการสร้างขวัญกำลังใจ)")


def test_o13_plan_of_2568_is_a_time_gap() -> None:
    # It refers to the staffing plan พ.ศ. ๒๕๖๗ – ๒๕๖๙, which covers 2569: the plan itself is 2568's.
    result = item(k.site(k.o13(fy=2568)), "O13")
    text = k.assert_one_gap(result, "time", "hr.plan", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text and "2568" in text


# --- O14 --------------------------------------------------------------------------------------------
def test_o14_hr_report_of_2568_passes() -> None:
    assert_pass(item(k.site(k.o14()), "O14"), ["hr.report"])


def test_o14_the_plan_linked_instead_of_the_report_is_a_data_gap() -> None:
    _, plan = k.o13()
    result = item(
        k.site(k.o14(), documents={"/files/hr/hr-report-2568.pdf": plan["/files/hr/hr-plan-2569.pdf"]}), "O14"
    )
    k.assert_one_gap(result, "data", "hr.report", DATA_GAP + HR_REPORT)


@pytest.mark.parametrize(
    ("drop", "part"), [("results", "ผลการดำเนินการ"), ("problems", "ปัญหาอุปสรรค"), ("suggestions", "ข้อเสนอแนะ")]
)
def test_o14_report_part_absent_is_a_data_gap_naming_it(drop: str, part: str) -> None:
    result = item(k.site(k.o14(drop={drop})), "O14")
    text = k.assert_one_gap(result, "data", "hr.report", DATA_GAP + HR_REPORT)
    assert text.endswith(f"({part})")


def test_o14_report_of_2567_is_a_time_gap() -> None:
    result = item(k.site(k.o14(fy=2567)), "O14")
    text = k.assert_one_gap(result, "time", "hr.report", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2568" in text and "2567" in text


# --- O15 --------------------------------------------------------------------------------------------
def test_o15_code_and_activity_of_2569_pass() -> None:
    result = item(k.site(k.o15()), "O15")
    assert_pass(result, ETHICS)
    activity = next(c for c in result.components if c.id == "ethics.activity")
    assert (activity.evidence_url or "").endswith("/news/ethics-training.html")


@pytest.mark.parametrize(
    ("drop", "cid", "label"),
    [("code", "ethics.code", "ประมวลจริยธรรม"), ("activity", "ethics.activity", "การขับเคลื่อนจริยธรรม")],
)
def test_o15_one_component_absent_is_a_data_gap(drop: str, cid: str, label: str) -> None:
    # Without the code, the training page still quotes it ("ประมวลจริยธรรมของพนักงานส่วนท้องถิ่น"): a training
    # is not the code.
    result = item(k.site(k.o15(drop={drop})), "O15")
    k.assert_one_gap(result, "data", cid, DATA_GAP + label)


def test_o15_activity_of_2568_is_a_time_gap_and_the_2565_code_is_not() -> None:
    result = item(k.site(k.o15(activity_fy=2568)), "O15")
    text = k.assert_one_gap(result, "time", "ethics.activity", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text and "2568" in text
