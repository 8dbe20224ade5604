"""The standard forms of Thai local government (shared/ita/document-forms.md) read as an assessor reads them.

Real PDFs (tests/fixtures/documents/forms/, built by tools/make_form_fixtures.py) of each form, in Thai digits and
in Arabic digits, from two producers (LibreOffice from a .docx, Chromium printing an HTML table), are read by the
crawler's own extractor (crawler.documents.extract_text: poppler's text layer and pdfium's geometry) and put on
the example agency's site in place of the item's evidence. Each must pass with no false gap; the same forms with
a real defect must still be the assessors' finding."""

from __future__ import annotations

import asyncio
from functools import cache
from pathlib import Path

import pytest

from crawler.documents import extract_text
from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, Read, assert_pass, item

FORMS = Path(__file__).resolve().parents[1] / "fixtures" / "documents" / "forms"
PRODUCERS = ["lo", "chromium"]
DIGITS = ["thai", "arabic"]
PLAN = ["plan.projects", "plan.budget", "plan.period"]
REPORT = ["report.results", "report.budget_used", "report.project_period", "report.problems", "report.suggestions"]
O11 = ["procure.monthly", "procure.item_fields", "procure.announcements"]
O12 = ["procure.annual_report", "procure.reference_price", "procure.vendor_tax_id"]

ACTION_PLAN = "/files/plan/action-plan-2569.pdf"
REPORT_2568 = "/files/plan/report-2568.pdf"
ANNUAL_2568 = "/files/procurement/annual-2568.pdf"
OCTOBER, DECEMBER = k.MONTHS["m2510"][0], k.MONTHS["m2512"][0]


@cache
def read(name: str) -> Read:
    """A fixture PDF as the crawler reads it."""
    result = asyncio.run(extract_text((FORMS / f"{name}.pdf").read_bytes(), "pdf"))
    assert result.error is None and result.ocr_pages == 0, (name, result.error)
    return Read(result.text, result.timeline_rows, result.extractor or "")


forms = pytest.mark.parametrize(("digits", "producer"), [(d, p) for d in DIGITS for p in PRODUCERS])


# --- O5 แบบ ผ.02 ------------------------------------------------------------------------------------------------
@forms
def test_p02_five_year_plan_passes(digits: str, producer: str) -> None:
    documents = {"/files/plan/local-plan-2566-2570.pdf": read(f"p02-{digits}-{producer}")}
    assert_pass(item(k.site(k.o5(), documents=documents), "O5"), ["plan.strategy"])


# --- O6 แบบ ผด.01 + ผด.02 ---------------------------------------------------------------------------------------
@forms
@pytest.mark.parametrize("gantt", ["shapes", "marks"])
def test_action_plan_budgets_and_gantt_periods_are_read(gantt: str, digits: str, producer: str) -> None:
    # Budgets as ๖๓๗,๐๐๐ / 1,240,000.00 / ๔๕๐,๐๐๐.-; the period as bars or marks under ต.ค. … ก.ย.
    document = read(f"plan-{gantt}-{digits}-{producer}")
    assert document.timeline_rows is not None and document.timeline_rows >= 5
    assert_pass(item(k.site(k.o6(), documents={ACTION_PLAN: document}), "O6"), PLAN)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_action_plan_without_budgets_is_a_plan_budget_gap(producer: str) -> None:
    result = item(k.site(k.o6(), documents={ACTION_PLAN: read(f"plan-nobudget-thai-{producer}")}), "O6")
    k.assert_one_gap(result, "data", "plan.budget", DATA_GAP + "งบประมาณของแต่ละโครงการ")


@pytest.mark.parametrize("producer", PRODUCERS)
def test_action_plan_with_empty_month_columns_is_a_plan_period_gap(producer: str) -> None:
    # The twelve months are there, but nothing is drawn or marked under them.
    document = read(f"plan-noperiod-thai-{producer}")
    assert document.timeline_rows == 0
    result = item(k.site(k.o6(), documents={ACTION_PLAN: document}), "O6")
    k.assert_one_gap(result, "data", "plan.period", DATA_GAP + "ระยะเวลาดำเนินการของแต่ละโครงการ")


@pytest.mark.parametrize("name", ["p02-thai-lo", "skr1-arabic-chromium", "o7report-thai-lo", "annual-thai-chromium"])
def test_documents_without_a_gantt_are_not_measured(name: str) -> None:
    assert read(name).timeline_rows is None


@pytest.mark.parametrize("producer", PRODUCERS)
def test_gantt_with_a_project_left_blank_is_a_plan_period_gap(producer: str) -> None:
    # The same plan, but the geometry found bars for fewer rows than there are projects.
    document = read(f"plan-shapes-thai-{producer}")
    fewer = Read(document.text, 3, document.extractor)
    result = item(k.site(k.o6(), documents={ACTION_PLAN: fewer}), "O6")
    k.assert_one_gap(result, "data", "plan.period", DATA_GAP + "ระยะเวลาดำเนินการของแต่ละโครงการ")


# --- O7 report with each project's start and end ------------------------------------------------------------------
@forms
def test_o7_report_with_start_and_end_dates_passes(digits: str, producer: str) -> None:
    documents = {REPORT_2568: read(f"o7report-{digits}-{producer}")}
    assert_pass(item(k.site(k.o7(), documents=documents), "O7"), REPORT)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_o7_report_with_month_names_only_is_a_project_period_gap(producer: str) -> None:
    result = item(k.site(k.o7(), documents={REPORT_2568: read(f"o7report-months-thai-{producer}")}), "O7")
    k.assert_one_gap(result, "data", "report.project_period", DATA_GAP + "ระยะเวลาในการดำเนินงาน")


# --- O11 สขร.1 ---------------------------------------------------------------------------------------------------
@forms
def test_skr1_months_with_and_without_purchases_pass(digits: str, producer: str) -> None:
    documents = {OCTOBER: read(f"skr1-{digits}-{producer}"), DECEMBER: read(f"skr1-none-{digits}-{producer}")}
    assert_pass(item(k.site(k.o11(), documents=documents), "O11"), O11)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_skr1_without_reference_price_column_is_a_gap_naming_it(producer: str) -> None:
    # Every month's summary drops the ราคากลาง column: the form is incomplete.
    months = {path: read(f"skr1-noref-thai-{producer}") for path, _, _ in k.MONTHS.values()}
    result = item(k.site(k.o11(), documents=months), "O11")
    text = k.assert_one_gap(result, "data", "procure.item_fields", DATA_GAP)
    assert "ราคากลาง" in text


# --- O12 annual procurement summary -------------------------------------------------------------------------------
@forms
def test_annual_summary_with_grouped_and_thai_digit_tax_ids_passes(digits: str, producer: str) -> None:
    documents = {ANNUAL_2568: read(f"annual-{digits}-{producer}")}
    assert_pass(item(k.site(k.o12(), documents=documents), "O12"), O12)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_annual_summary_without_tax_ids_is_a_vendor_tax_id_gap(producer: str) -> None:
    result = item(k.site(k.o12(), documents={ANNUAL_2568: read(f"annual-notaxid-thai-{producer}")}), "O12")
    k.assert_one_gap(result, "data", "procure.vendor_tax_id", DATA_GAP + "เลขประจำตัวผู้เสียภาษี")


# --- O20 signed announcement --------------------------------------------------------------------------------------
@forms
def test_signed_nogift_announcement_passes(digits: str, producer: str) -> None:
    documents = {"/files/ita/2569/nogift-announcement-2569.pdf": read(f"nogift-{digits}-{producer}")}
    assert_pass(
        item(k.site(k.o20(), documents=documents), "O20"),
        ["nogift.announcement", "nogift.activity", "nogift.report"],
    )
