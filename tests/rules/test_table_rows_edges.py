"""The rows of plans', reports' and purchase lists' tables (table_rows, rules/checks/tables.py) at their edges.

A page's own <table> is read by its cells (a cell's paragraphs joined by a space), a document by its lines; a table
of three delimited cells is a table even without amounts; a table of exactly `min_rows` rows is read. Every
document is judged, not only up to the first without rows or the first that passes; the gap is the first of the
closest documents, names at most three rows and counts the rest, and says when no row or no document had any.
Results without cells are judged by the words the row says; a period may be written as numeric dates; a header
that does not fit the rows' cells is not used to find their column; a scanned report's values in Arabic digits
are trusted, a value missing from it is missing (not unknown); a Gantt chart whose bars cannot be read is unknown
unless another document settles it."""

from __future__ import annotations

import pytest

from crawler.thaitext import match_key
from rules.catalog import ComponentDef, components
from rules.checks import Context, Finding
from rules.checks.base import snippet
from rules.checks.tables import UNDRAWN_TH, table_rows
from rules.site import SiteLinks
from rules.sources import OCR_THAI_DIGITS_TH, Bundle, Source, page_source
from tests.rules.sitebuilder import AS_OF, YEAR, build_site, url

CTX = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([]))
PROCURE = "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568"
PLAN = "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569"
REPORT = "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568"


def _doc(path: str, title: str, *lines: str, ocr: bool = False) -> Source:
    text = "\n".join([title, "องค์การบริหารส่วนตำบลโคกสว่าง อำเภอเมือง จังหวัดขอนแก่น", *lines]) + "\n"
    return Source(url(path), "document", "linked", text=text, link_text=title, ocr_digits_untrusted=ocr)


def _judge(component: str, *sources: Source) -> Finding:
    return table_rows(components()[component], Bundle(list(sources)), CTX)


# --- a page's own table ----------------------------------------------------------------------------------------
def test_a_pages_table_is_read_by_its_cells() -> None:
    rows = [
        ("1", "<p>จัดซื้อวัสดุ</p><p>สำนักงาน</p>", "25,000.00", "24,850.00"),
        ("2", "<p>จ้างซ่อมแซม</p><p>รถบรรทุกน้ำ</p>", "48,000.00", "-"),
        ("3", "จัดซื้อน้ำมันเชื้อเพลิง", "30,000.00", "29,900.00"),
    ]
    body = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr>" for row in rows)
    html = (
        f"<html><head><title>{PROCURE}</title></head><body><main><h1>{PROCURE}</h1><table>"
        "<tr><th>ลำดับ</th><th>งานที่จัดซื้อจัดจ้าง</th><th>วงเงินงบประมาณ</th><th>ราคากลาง</th></tr>"
        f"{body}</table></main></body></html>"
    )
    built = build_site({"/index.php/procurement/2568": html}).page(url("/index.php/procurement/2568"))
    assert built is not None
    finding = _judge("procure.reference_price", page_source(built, "fixture", link_text=PROCURE))
    assert finding.present is False
    assert finding.missing_parts == ["จ้างซ่อมแซม รถบรรทุกน้ำ"]
    assert finding.detail == "1/3 รายการ"


# --- which tables and rows are read -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("component", "lines"),
    [
        # three delimited cells make a table without amounts
        (
            "plan.projects",
            [
                "ลำดับ | โครงการ | หน่วยงานรับผิดชอบ",
                "1 | โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 | กองช่าง",
                "2 | โครงการจัดงานประเพณีลอยกระทง | สำนักปลัด",
            ],
        ),
        # a table of exactly the rows needed (one) is read
        (
            "plan.budget",
            ["ลำดับ | โครงการ | งบประมาณ (บาท) | หน่วยงานรับผิดชอบ", "1 | โครงการซ่อมแซมถนนลูกรัง | 120,000 | กองช่าง"],
        ),
        # the header lost the details column (its heading wrapped away): it does not place the budget's column,
        # which is found anywhere in the row
        (
            "plan.budget",
            [
                "ลำดับ | โครงการ/กิจกรรม | งบประมาณ (บาท) | หน่วยงานรับผิดชอบ",
                "1 | โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 | ลงหินคลุก ยาว 500 ม. | 120,000 | กองช่าง",
                "2 | โครงการจัดงานประเพณีลอยกระทง | ประกวดกระทง | 80,000 | สำนักปลัด",
            ],
        ),
        # a period written as numeric dates
        (
            "plan.period",
            [
                "ลำดับ | โครงการ | งบประมาณ (บาท) | ระยะเวลาดำเนินการ",
                "1 | โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 | 120,000 | 1/10/2568 - 31/12/2568",
            ],
        ),
        # a run of two rows, one of them with an amount, is a table
        ("plan.projects", ["1 โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 120,000", "2 โครงการจัดงานประเพณีลอยกระทง"]),
    ],
)
def test_a_plans_table_is_read(component: str, lines: list[str]) -> None:
    assert _judge(component, _doc("/files/plan-2569.pdf", PLAN, *lines)).present is True


# A report's results judged by what each row says, with no column to look in (report.results names its column,
# and a named column is enough for a free-text result).
RESULT_WORDS = ComponentDef(
    id="report.result_words",
    label_th="ผลการดำเนินงานของแต่ละโครงการ",
    label_en="each project's result",
    check="table_rows",
    params={
        "title_any": ["รายงานผลการดำเนินงาน"],
        "value": "text",
        "value_any": ["ดำเนินการแล้ว", "แล้วเสร็จ", "ผู้เข้าร่วม"],
    },
    hint_th="ระบุผลการดำเนินงานของแต่ละโครงการ",
)


def test_results_without_cells_are_judged_by_the_words_of_the_row() -> None:
    report = _doc(
        "/files/report-2568.pdf",
        REPORT,
        "1. โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 งบประมาณ 120,000 บาท ดำเนินการแล้วเสร็จ",
        "2. โครงการจัดงานประเพณีลอยกระทง งบประมาณ 80,000 บาท ผู้เข้าร่วม 1,500 คน",
        "3. โครงการอบรมคุณธรรมจริยธรรม งบประมาณ 30,000 บาท",
    )
    finding = table_rows(RESULT_WORDS, Bundle([report]), CTX)
    assert finding.missing_parts == ["โครงการอบรมคุณธรรมจริยธรรม งบประมาณ"]
    assert finding.detail == "1/3 รายการ"


@pytest.mark.parametrize(
    ("component", "title", "lines", "missing", "detail"),
    [
        # "1 1,200,000 1,200,000" is a strategy's line wrapped by pdftotext, its number then its totals: no row
        (
            "plan.budget",
            PLAN,
            [
                "ลำดับ | โครงการ | งบประมาณ (บาท)",
                "1 | โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 | 120,000",
                "1 1,200,000 1,200,000",
                "2 | โครงการจัดงานประเพณีลอยกระทง | ",
            ],
            ["โครงการจัดงานประเพณีลอยกระทง"],
            "1/2 รายการ",
        ),
        # a header of three cells places the column: the amount in the work's name is its budget, not the
        # reference price its column lacks
        (
            "procure.reference_price",
            PROCURE,
            [
                "ลำดับ | งานที่จัดซื้อจัดจ้าง | ราคากลาง",
                "1 | จัดซื้อวัสดุสำนักงาน | 24,850.00",
                "2 | จ้างซ่อมแซมรถบรรทุกน้ำ (วงเงิน 48,000.00 บาท) | -",
            ],
            ["จ้างซ่อมแซมรถบรรทุกน้ำ (วงเงิน"],
            "1/2 รายการ",
        ),
        # a line of three cells under a row without cells (a budget category's line) is not part of the row
        (
            "plan.budget",
            PLAN,
            [
                "ที่ โครงการ งบประมาณ (บาท)",
                "1 โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 120,000",
                "2 โครงการจัดงานประเพณีลอยกระทง",
                "หมวด | ค่าใช้สอย | 80,000",
            ],
            ["โครงการจัดงานประเพณีลอยกระทง"],
            "1/2 รายการ",
        ),
        # a row of three delimited cells is whole: the note under it is no wrapped part of it
        (
            "plan.budget",
            PLAN,
            [
                "ที่ โครงการ งบประมาณ (บาท)",
                "1 | โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 | 120,000",
                "2 | โครงการจัดงานประเพณีลอยกระทง | สำนักปลัด",
                "(โอนงบประมาณ 80,000 บาท ไปตั้งจ่ายรายการใหม่)",
            ],
            ["โครงการจัดงานประเพณีลอยกระทง"],
            "1/2 รายการ",
        ),
        # a line's ends lose their spaces only: a copier named in capitals keeps its last letter
        (
            "plan.budget",
            PLAN,
            [
                "ที่ โครงการ งบประมาณ (บาท)",
                "1 โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 120,000",
                "2 จัดซื้อเครื่องถ่ายเอกสาร FUJI XEROX",
            ],
            ["จัดซื้อเครื่องถ่ายเอกสาร FUJI XEROX"],
            "1/2 รายการ",
        ),
    ],
)
def test_the_gap_names_the_rows_without_their_value(
    component: str, title: str, lines: list[str], missing: list[str], detail: str
) -> None:
    finding = _judge(component, _doc("/files/table.pdf", title, *lines))
    assert (finding.missing_parts, finding.detail) == (missing, detail)


def test_a_row_is_wrapped_onto_until_600_characters() -> None:
    # A runaway row (a table's end that no line closes) stops taking lines at 600 characters.
    words = "ก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็ก พร้อมบ่อพัก หมู่ที่ 1-12 "
    long_row = ("2 โครงการ" + words * 20)[:600]
    plan = _doc(
        "/files/plan-2569.pdf",
        PLAN,
        "ที่ โครงการ งบประมาณ (บาท)",
        "1 โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 120,000",
        long_row,
        "3,450,000",
    )
    assert len(long_row) == 600
    assert _judge("plan.budget", plan).detail == "1/2 รายการ"


def test_a_plans_list_of_problems_one_with_an_amount_is_prose() -> None:
    prose = _doc(
        "/files/plan-2569.pdf",
        PLAN,
        "ปัญหาและอุปสรรค",
        "1. ประชาชนมีส่วนร่วมในการจัดทำแผนน้อย",
        "2. บุคลากรไม่เพียงพอต่อภารกิจ",
        "3. ค่าวัสดุก่อสร้างสูงขึ้นกว่า 15,000 บาทต่อโครงการ",
    )
    assert _judge("plan.projects", prose).present is False


# --- how far above a table its header is read ---------------------------------------------------------------------
def _above(*lines: str) -> Source:
    rows = ["1 โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 120,000", "2 โครงการจัดงานประเพณีลอยกระทง 80,000"]
    text = "\n".join([*lines, *rows]) + "\n"
    return Source(url("/files/plan-2569.pdf"), "document", "linked", text=text, link_text=PLAN)


def _fillers(count: int, word: str = "รายละเอียดประกอบ") -> list[str]:
    return [f"{word} {n:02d}" for n in range(1, count + 1)]


def test_a_column_named_sixteen_lines_above_the_table_is_not_its_header() -> None:
    # The plan's title ("…ประจำปีงบประมาณ…") is above 15 long lines; one of them a month's 4-character fragment.
    fillers = _fillers(15, "รายละเอียดประกอบแผน")
    fillers[7] = "ต.ค."
    assert _judge("plan.budget", _above(PLAN, *fillers)).detail == "ไม่พบในทั้ง 2 รายการ / in none of 2 rows"


def test_a_column_named_fifteen_lines_above_the_table_is_its_header() -> None:
    fillers = _fillers(14, "รายละเอียดประกอบแผนงาน")  # 336 characters: the window is the 15 lines
    assert _judge("plan.budget", _above("บทนำ", "หน่วย: งบประมาณ (บาท)", *fillers)).present is True


def test_a_header_is_read_to_more_than_300_characters() -> None:
    # 15 lines of 18 characters and the column's line of 30 make exactly 300: one more line is read.
    unit = "งบประมาณตามข้อบัญญัติ ปี 69 (บาท)"
    fillers = _fillers(15)
    assert len(match_key(unit)) + sum(len(match_key(f)) for f in fillers) == 300
    assert _judge("plan.budget", _above("บทนำ", unit, *fillers)).present is True


# --- every document is judged ------------------------------------------------------------------------------------
BUDGET_HEADER = "ลำดับ | โครงการ | งบประมาณ (บาท) | หน่วยงานรับผิดชอบ"


def _plan(path: str, *projects: tuple[str, str]) -> Source:
    rows = [f"{n} | {name} | {amount} | กองช่าง" for n, (name, amount) in enumerate(projects, 1)]
    return _doc(path, PLAN, BUDGET_HEADER, *rows)


def test_a_document_without_rows_does_not_stop_the_reading() -> None:
    cover = _doc("/files/plan-cover.pdf", PLAN, "คำนำ", "แผนการดำเนินงานเป็นเครื่องมือในการบริหาร")
    plan = _plan("/files/plan-2569.pdf", ("โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2", "120,000"))
    assert _judge("plan.budget", cover, plan).present is True


def test_every_document_that_passes_is_a_hit_shown_at_its_column() -> None:
    first = _plan("/files/plan-2569-1.pdf", ("โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2", "120,000"))
    second = _plan("/files/plan-2569-2.pdf", ("โครงการจัดงานประเพณีลอยกระทง", "80,000"))
    finding = _judge("plan.budget", first, second)
    assert [h.source.url for h in finding.hits] == [first.url, second.url]
    preface = "การจัดทำแผนการดำเนินงานเป็นไปตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น"
    plan = _doc(
        "/files/plan-2569.pdf",
        "แผนการดำเนินงาน",
        preface,
        preface,
        "ลำดับ | โครงการ | จำนวนเงิน (บาท)",
        "1 | โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 | 120,000",
    )
    (hit,) = _judge("plan.budget", plan).hits
    assert hit.snippet == snippet(plan.text, "จำนวนเงิน")


def test_the_gap_is_the_first_of_the_closest_documents() -> None:
    first = _plan("/files/plan-2569-1.pdf", ("โครงการซ่อมแซมถนนลูกรัง", "120,000"), ("โครงการขุดลอกคลอง", ""))
    second = _plan("/files/plan-2569-2.pdf", ("โครงการจัดงานลอยกระทง", "80,000"), ("โครงการแข่งขันกีฬา", "-"))
    assert _judge("plan.budget", first, second).missing_parts == ["โครงการขุดลอกคลอง"]


def test_a_gap_names_three_rows_and_counts_the_rest() -> None:
    names = [f"โครงการปรับปรุงถนนสายหมู่ที่ {n}" for n in range(1, 7)]
    plan = _plan("/files/plan-2569.pdf", ("โครงการซ่อมแซมถนนลูกรัง", "120,000"), *[(n, "") for n in names])
    finding = _judge("plan.budget", plan)
    assert finding.present is False
    assert finding.missing_parts == [*names[:3], "และอีก 3 รายการ"]
    assert finding.detail == "6/7 รายการ"
    four = _judge(
        "plan.budget", _plan("/files/plan-2569.pdf", ("โครงการซ่อมแซมถนนลูกรัง", "120,000"), *[(n, "") for n in names[:4]])
    )
    assert four.missing_parts == [*names[:3], "และอีก 1 รายการ"]


def test_a_plan_without_any_budget_says_so() -> None:
    plan = _plan("/files/plan-2569.pdf", ("โครงการซ่อมแซมถนนลูกรัง", ""), ("โครงการขุดลอกคลอง", "-"))
    finding = _judge("plan.budget", plan)
    assert finding.present is False
    assert finding.detail == "ไม่พบในทั้ง 2 รายการ / in none of 2 rows"


def test_documents_without_a_table_say_so() -> None:
    finding = _judge("plan.budget", _doc("/files/plan-cover.pdf", PLAN, "คำนำ", "แผนการดำเนินงานเป็นเครื่องมือ"))
    assert finding.present is False
    assert finding.detail == "ไม่พบรายการโครงการในตาราง / no table rows found"


# --- scanned reports and Gantt charts -----------------------------------------------------------------------------
def test_a_scanned_reports_arabic_amounts_are_trusted_across_its_wrapped_lines() -> None:
    report = _doc(
        "/files/report-2568.pdf",
        REPORT,
        "ที่ โครงการ งบประมาณที่ใช้จ่ายจริง (บาท)",
        "1 โครงการซ่อมแซมถนนลูกรัง 118,500.00",
        "หมู่ที่ 2 บ้านโคกสว่าง",
        "2 โครงการจัดงานประเพณีลอยกระทง 79,850.00",
        "ประจำปี 2567",
        ocr=True,
    )
    assert _judge("report.budget_used", report).present is True


def test_a_reference_price_missing_from_a_scan_is_missing_not_unknown() -> None:
    scan = _doc(
        "/files/procure-2568.pdf",
        PROCURE,
        "ลำดับ | งานที่จัดซื้อจัดจ้าง | วงเงินงบประมาณ | ราคากลาง | วิธีซื้อ/จ้าง",
        "1 | จัดซื้อวัสดุสำนักงาน | 25,000.00 | 24,850.00 | เฉพาะเจาะจง",
        "2 | จ้างซ่อมแซมรถบรรทุกน้ำ | 48,000.00 | | เฉพาะเจาะจง",
        ocr=True,
    )
    finding = _judge("procure.reference_price", scan)
    assert finding.unknown is None
    assert finding.missing_parts == ["จ้างซ่อมแซมรถบรรทุกน้ำ"]


def test_reference_prices_only_in_ocrd_thai_digits_are_unknown_not_missing() -> None:
    scan = _doc(
        "/files/procure-2568.pdf",
        PROCURE,
        "ลำดับ | งานที่จัดซื้อจัดจ้าง | วงเงินงบประมาณ | ราคากลาง | วิธีซื้อ/จ้าง",
        "๑ | จัดซื้อวัสดุสำนักงาน | ๒๕,๐๐๐.๐๐ | ๒๔,๘๕๐.๐๐ | เฉพาะเจาะจง",
        ocr=True,
    )
    finding = _judge("procure.reference_price", scan)
    assert finding.present is False
    assert finding.unknown == f"{OCR_THAI_DIGITS_TH} ({scan.url})"


MONTHS = " | ".join(["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."])


def _gantt(path: str, marks: str = "") -> Source:
    return _doc(
        path,
        PLAN,
        f"ลำดับ | โครงการ | งบประมาณ | {MONTHS}",
        f"1 | โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 | 120,000.00{marks}",
        f"2 | โครงการจัดงานประเพณีลอยกระทง | 80,000.00{marks}",
    )


def test_a_gantt_whose_bars_cannot_be_read_is_unknown() -> None:
    drawn = _gantt("/files/plan-2569-drawn.pdf")
    finding = _judge("plan.period", drawn)
    assert finding.present is False
    assert finding.unknown == f"{UNDRAWN_TH} ({drawn.url})"


def test_a_gantt_whose_bars_cannot_be_read_does_not_hide_one_that_can() -> None:
    drawn = _gantt("/files/plan-2569-drawn.pdf")
    marked = _gantt("/files/plan-2569-marked.pdf", " | ■ | ■ | ■")
    assert _judge("plan.period", drawn, marked).present is True
