"""Projects' periods in an annual report's table (table_rows with day_period, rules/checks/tables.py) at their edges:
a period written as day, month and year in dashes (a spreadsheet's 01-10-2567) is one, a range of months is not;
a Gantt chart whose header lost two months is still read by its marks; the reference prices of a scanned procurement
report, in Thai digits that OCR read, are not taken on trust; and the gap names the projects without one by their name cut at a word near 60 characters, whole when it fits."""

from __future__ import annotations

from rules.catalog import components
from rules.checks import Context, Finding
from rules.checks.tables import table_rows
from rules.site import SiteLinks
from rules.sources import OCR_THAI_DIGITS_TH, Bundle, Source
from tests.rules.sitebuilder import AS_OF, YEAR, url

CTX = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([]))
TITLE = "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568"
HEADER = "ลำดับ | โครงการ | งบประมาณ (บาท) | ระยะเวลาดำเนินการ | ผลการดำเนินงาน"
ROAD = "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโคกสว่าง หมู่ที่ 3"  # 61 characters, a space at the 60th
FARMING = "โครงการส่งเสริมอาชีพ การทำเกษตรอินทรีย์ตามแนวเศรษฐกิจพอเพียง หมู่ที่ 1-12"  # a space at the 61st
ETHICS = "โครงการอบรมคุณธรรมจริยธรรมผู้บริหาร สมาชิกสภา และพนักงานจ้าง"  # 60 characters


def _periods(*rows: tuple[str, str]) -> Finding:
    lines = [TITLE, "องค์การบริหารส่วนตำบลโคกสว่าง อำเภอเมือง จังหวัดขอนแก่น", HEADER]
    lines += [f"{n} | {name} | 120,000.00 | {period} | แล้วเสร็จ" for n, (name, period) in enumerate(rows, 1)]
    report = Source(url("/files/report-2568.pdf"), "document", "linked", text="\n".join(lines) + "\n", link_text=TITLE)
    return table_rows(components()["report.project_period"], Bundle([report]), CTX)


def test_periods_written_as_dashed_dates_are_each_a_day_period() -> None:
    finding = _periods(
        ("โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2", "01-10-2567 - 30-09-2568"),
        ("โครงการจัดงานประเพณีลอยกระทง", "15-11-2567 - 15-11-2567"),
    )
    assert finding.present


def test_a_range_of_months_is_no_projects_period() -> None:
    finding = _periods(
        ("โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2", "1 ต.ค. 2567 - 30 ก.ย. 2568"),
        ("โครงการจัดงานประเพณีลอยกระทง", "ต.ค. 67 - ก.ย. 68"),
    )
    assert not finding.present
    assert finding.missing_parts == ["โครงการจัดงานประเพณีลอยกระทง"]
    assert finding.detail == "1/2 รายการ"


def test_a_name_of_60_characters_is_named_whole_and_a_longer_one_cut_at_a_word() -> None:
    finding = _periods(
        ("โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2", "1 ต.ค. 2567 - 30 ก.ย. 2568"),
        (ETHICS, "ไตรมาสที่ 2"),
        (ROAD, "ไตรมาสที่ 3"),
        (FARMING, "ไตรมาสที่ 4"),
    )
    assert finding.missing_parts == [
        ETHICS,
        "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโคกสว่าง หมู่ที่…",
        "โครงการส่งเสริมอาชีพ…",
    ]


def test_a_gantt_whose_header_lost_two_months_is_still_read_by_its_marks() -> None:
    # pdftotext dropped ส.ค. and ก.ย. past the page's margin: ten months are left, and each row's marks are its period.
    months = " | ".join(["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค."])
    lines = [
        "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569",
        "องค์การบริหารส่วนตำบลโคกสว่าง",
        f"ลำดับ | โครงการ | งบประมาณ | {months}",
        "1 | โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 2 | 120,000.00 | ■ | ■ | ■",
        "2 | โครงการจัดงานประเพณีลอยกระทง | 80,000.00 | | ■",
    ]
    plan = Source(url("/files/plan-2569.pdf"), "document", "linked", text="\n".join(lines) + "\n", link_text=lines[0])
    assert table_rows(components()["plan.period"], Bundle([plan]), CTX).present


def test_reference_prices_in_thai_digits_of_a_scanned_report_are_not_taken_on_trust() -> None:
    lines = [
        "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
        "ลำดับ | งานที่จัดซื้อจัดจ้าง | วงเงินงบประมาณ | ราคากลาง | วิธีซื้อ/จ้าง",
        "๑ | จัดซื้อวัสดุสำนักงาน | ๒๕,๐๐๐.๐๐ | ๒๔,๘๕๐.๐๐ | เฉพาะเจาะจง",
        "๒ | จ้างซ่อมแซมรถบรรทุกน้ำ | ๔๘,๐๐๐.๐๐ | ๔๗,๕๐๐.๐๐ | เฉพาะเจาะจง",
    ]
    scanned = Source(
        url("/files/procure-2568.pdf"),
        "document",
        "linked",
        text="\n".join(lines) + "\n",
        link_text=lines[0],
        ocr_digits_untrusted=True,
    )
    finding = table_rows(components()["procure.reference_price"], Bundle([scanned]), CTX)
    assert not finding.present
    assert finding.unknown == f"{OCR_THAI_DIGITS_TH} ({url('/files/procure-2568.pdf')})"
