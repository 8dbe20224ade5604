"""ผด.02 action plans (O6) and annual procurement summaries (O12) as real producers lay them out: header cells
wrapped by narrow columns ("งบ" / "ประมาณ" / "(บาท)", "เลขประจำ" / "ตัวผู้เสีย" / "ภาษี"), a month header
wrapped so long that the column names sit far above the first row, spreadsheet headers of two rows, purchases
named "ก่อสร้าง…", "ค่า…", "โครงการ…", and the year's count written as a number and its unit
("ทั้งสิ้น 58 ครั้ง", "จำนวน ๓๗ รายการ", "รวม 25 สัญญา"). Three producers: a Word-printed PDF's text as
pdftotext -raw gives it (fixtures in tests/fixtures/rules/tables/), an Excel workbook (openpyxl) and a PDF
(fpdf2) read by the crawler's extractor. The same documents without their budgets, ราคากลาง, tax ids or count
are still the assessors' findings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.rules import koksawang as k
from tests.rules import table_documents as t
from tests.rules.sitebuilder import DATA_GAP, Content, assert_pass, drop_parts, fixture, item

PLAN = ["plan.projects", "plan.budget", "plan.period"]
O12 = ["procure.annual_report", "procure.reference_price", "procure.vendor_tax_id"]
ACTION_PLAN = "/files/plan/action-plan-2569.pdf"
ANNUAL = "/files/procurement/annual-2568.pdf"
TAX_ID_LABEL = "เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับคัดเลือก"
COUNT = "ปีงบประมาณ พ.ศ. 2568 เทศบาลได้ดำเนินการจัดซื้อจัดจ้างทั้งสิ้น 58 ครั้ง"
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def word_plan(drop: set[str] = set()) -> str:  # noqa: B006 - never mutated
    return drop_parts(fixture("tables/plan_word_arabic.txt"), drop)


def word_annual(drop: set[str] = set(), count: str = COUNT, thai: bool = False) -> str:  # noqa: B006
    text = drop_parts(fixture("tables/annual_word_arabic.txt", count=count), drop)
    return text.translate(THAI) if thai else text


def excel_annual(drop: set[str] = set()) -> Content:  # noqa: B006
    body = t.annual_xlsx(refprice="refprice" not in drop, taxid="taxid" not in drop, count="count" not in drop)
    return t.read(body, "xlsx")


def fpdf_annual(drop: set[str] = set()) -> Content:  # noqa: B006
    return t.read(t.annual_pdf(refprice="refprice" not in drop, taxid="taxid" not in drop), "pdf")


PLANS: dict[str, Callable[[set[str]], Content]] = {
    "word-arabic": word_plan,
    "excel-thai": lambda drop: t.read(t.plan_xlsx(budget="budget" not in drop), "xlsx"),
}
ANNUALS: dict[str, Callable[[set[str]], Content]] = {
    "word-arabic": word_annual,
    "word-thai": lambda drop: word_annual(drop, thai=True),
    "excel-thai": excel_annual,
    "fpdf2-arabic": fpdf_annual,
}


def o6(document: Content):  # type: ignore[no-untyped-def]
    return item(k.site(k.o6(), documents={ACTION_PLAN: document}), "O6")


def o12(document: Content):  # type: ignore[no-untyped-def]
    return item(k.site(k.o12(), documents={ANNUAL: document}), "O12")


# --- O6 ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("style", PLANS)
def test_plan_budgets_are_read_under_a_wrapped_header(style: str) -> None:
    # Word: "งบ" / "ประมาณ" / "(บาท)" then 40 lines of wrapped month cells before row 1; Excel: "งบประมาณ" over "(บาท)".
    assert_pass(o6(PLANS[style](set())), PLAN)


@pytest.mark.parametrize("style", PLANS)
def test_plan_without_budgets_is_a_plan_budget_gap(style: str) -> None:
    # The details still hold quantities ("ยาว 1,500 เมตร", "๓,๒๐๐ ตร.ม."): those are no budgets.
    result = o6(PLANS[style]({"budget"}))
    k.assert_one_gap(result, "data", "plan.budget", DATA_GAP + "งบประมาณของแต่ละโครงการ")


# --- O12 --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("style", ANNUALS)
def test_annual_summary_with_wrapped_header_passes(style: str) -> None:
    assert_pass(o12(ANNUALS[style](set())), O12)


@pytest.mark.parametrize("style", ANNUALS)
def test_annual_summary_without_reference_prices_is_a_gap(style: str) -> None:
    result = o12(ANNUALS[style]({"refprice"}))
    k.assert_one_gap(result, "data", "procure.reference_price", DATA_GAP + "ราคากลาง")


@pytest.mark.parametrize("style", ANNUALS)
def test_annual_summary_without_tax_ids_is_a_gap(style: str) -> None:
    result = o12(ANNUALS[style]({"taxid"}))
    k.assert_one_gap(result, "data", "procure.vendor_tax_id", DATA_GAP + TAX_ID_LABEL)


@pytest.mark.parametrize("style", ["word-arabic", "word-thai", "excel-thai"])
def test_annual_summary_without_a_count_is_a_gap_naming_it(style: str) -> None:
    # "มูลค่ารวม 7,412,960.00 บาท" is the value, not the number of purchases.
    result = o12(ANNUALS[style]({"count"}))
    text = k.assert_one_gap(result, "data", "procure.annual_report", DATA_GAP + "รายงานผลการจัดซื้อจัดจ้างประจำปี")
    assert text.endswith("(จำนวนการจัดซื้อจัดจ้าง)")


@pytest.mark.parametrize(
    "count",
    [
        "ในปีงบประมาณ พ.ศ. ๒๕๖๘ ได้ดำเนินการจัดซื้อจัดจ้างรวม ๔๒ โครงการ",
        "รายการจัดซื้อจัดจ้างจำนวน 37 รายการ",
        "ได้ลงนามในสัญญาแล้ว 25 สัญญา",
        "การจัดซื้อจัดจ้างทั้งสิ้น\n164 ครั้ง",
        "มีการจัดซื้อจัดจ้าง 58 โครงการ วงเงิน 7.4 ล้านบาท",
    ],
)
def test_a_count_written_as_a_number_and_its_unit_counts(count: str) -> None:
    assert_pass(o12(word_annual(count=count)), O12)


@pytest.mark.parametrize("count", ["หมู่ที่ 2 บ้านโนนงาม", "ตามประกาศลงวันที่ 12 ตุลาคม 2567"])
def test_numbers_that_are_no_count_do_not_count(count: str) -> None:
    result = o12(word_annual(count=count))
    text = k.assert_one_gap(result, "data", "procure.annual_report", DATA_GAP + "รายงานผลการจัดซื้อจัดจ้างประจำปี")
    assert text.endswith("(จำนวนการจัดซื้อจัดจ้าง)")
