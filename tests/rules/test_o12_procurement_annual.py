"""ITA 2569 O12 รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี: the 2568 report with the number and value of purchases,
problems and suggestions, and, for every contract listed, its ราคากลาง and the selected vendor's 13-digit tax or
citizen id (seed 000's O17 finding). The report is read as pdftotext -raw gives it: cells wrapped, no separators."""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, TIME_GAP, assert_pass, item

COMPONENTS = ["procure.annual_report", "procure.reference_price", "procure.vendor_tax_id"]
REPORT = "/files/procurement/annual-2568.pdf"
TAX_ID_LABEL = "เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับคัดเลือก"


def test_annual_report_of_2568_passes() -> None:
    assert_pass(item(k.site(k.o12()), "O12"), COMPONENTS)


def test_report_without_summary_problems_and_suggestions_is_a_data_gap_naming_them() -> None:
    result = item(k.site(k.o12(drop={"summary", "problems", "suggestions"})), "O12")
    text = k.assert_one_gap(result, "data", "procure.annual_report", DATA_GAP + "รายงานผลการจัดซื้อจัดจ้างประจำปี")
    assert text.endswith("(จำนวนการจัดซื้อจัดจ้าง, ปัญหาอุปสรรค, ข้อเสนอแนะ)")


@pytest.mark.parametrize(
    ("drop", "cid", "label"),
    [("refprice", "procure.reference_price", "ราคากลาง"), ("taxid", "procure.vendor_tax_id", TAX_ID_LABEL)],
)
def test_missing_column_is_a_data_gap(drop: str, cid: str, label: str) -> None:
    # Without its column, ราคากลาง is still named in the problems ("ต้องจัดทำราคากลางบางโครงการใหม่").
    result = item(k.site(k.o12(drop={drop})), "O12")
    k.assert_one_gap(result, "data", cid, DATA_GAP + label)


def test_a_vendor_without_its_id_is_named() -> None:
    # "ไม่ปรากฏข้อมูลทั้งหมด": the milk co-operative's number was left out.
    pages, documents = k.o12()
    documents[REPORT] = str(documents[REPORT]).replace("0405537000412\n", "-\n")
    result = item(k.site((pages, documents)), "O12")
    text = k.assert_one_gap(result, "data", "procure.vendor_tax_id", DATA_GAP + TAX_ID_LABEL)
    assert text.endswith("(ซื้ออาหารเสริม (นม) โรงเรียน ภาคเรียนที่ 2/2567 และ 1/2568)")


def test_report_of_2567_is_a_time_gap() -> None:
    result = item(k.site(k.o12(fy=2567)), "O12")
    assert result.status == "gap"
    assert [(g.kind, g.component) for g in result.gaps] == [("time", cid) for cid in COMPONENTS]
    assert all(g.text_th.startswith(TIME_GAP) and "ปีงบประมาณ พ.ศ. 2568" in g.text_th for g in result.gaps)
