"""ITA 2569 O11 สรุปผลการจัดซื้อจัดจ้างรายเดือน: one สขร.1 summary per month from October to March (as far
as those months have ended on the day of the check), every column of the form, and the procurement
announcements of the fiscal year. A month without purchases counts when its summary says so."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import (
    DATA_GAP,
    TIME_GAP,
    assert_only_gap,
    assert_pass,
    fixture,
    item,
    page,
)

COMPONENTS = ["procure.monthly", "procure.item_fields", "procure.announcements"]
EGP_ONLY = (
    '<div class="breadcrumb"><a href="/">หน้าแรก</a> &gt; ประกาศจัดซื้อจัดจ้าง</div>\n'
    "<h1>ประกาศจัดซื้อจัดจ้าง</h1>\n"
    '<p>ตรวจสอบข้อมูลการจัดซื้อจัดจ้างขององค์การบริหารส่วนตำบลโคกสว่างได้ที่ <a href="https://www.gprocurement.go.th/"'
    ' target="_blank">ระบบการจัดซื้อจัดจ้างภาครัฐ</a></p>'
)


def test_passes_with_six_monthly_summaries_and_announcements() -> None:
    result = item(k.site(k.o11()), "O11")
    assert_pass(result, COMPONENTS)
    monthly = next(c for c in result.components if c.id == "procure.monthly")
    assert monthly.snippet == ("เดือนที่พบ: ตุลาคม 2568, พฤศจิกายน 2568, ธันวาคม 2568, มกราคม 2569, กุมภาพันธ์ 2569, มีนาคม 2569")


def test_monthly_summaries_absent_is_a_data_gap() -> None:
    # The agency links a purchase table with every สขร.1 column, but publishes no monthly summary.
    table = page("o11_purchases_table.html", "ผลการจัดซื้อจัดจ้าง")
    result = item(k.site(k.o11(), pages={"/procurement/monthly-2569.html": table}), "O11")
    assert_only_gap(result, "data", "procure.monthly", DATA_GAP + "สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)")


def test_summary_columns_absent_is_a_data_gap_naming_them() -> None:
    # The agency's own summary form drops two columns of สขร.1: the reason for the choice and the contract.
    pages, documents = k.o11()
    for part, (path, month, _) in k.MONTHS.items():
        if part not in k.NO_PURCHASES:
            rows = "1 | จัดซื้อวัสดุสำนักงาน | 8,450.00 | 8,450.00 | เฉพาะเจาะจง | ร้านโคกสว่างพาณิชย์ 8,450.00 | ร้านโคกสว่างพาณิชย์ 8,450.00"
            documents[path] = (
                f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {month}\nองค์การบริหารส่วนตำบลโคกสว่าง\n"
                "ลำดับ | งานที่จัดซื้อหรือจัดจ้าง | วงเงิน (บาท) | ราคากลาง (บาท) | วิธีซื้อหรือจ้าง"
                f" | ผู้เสนอราคาและราคาที่เสนอ | ผู้ได้รับการคัดเลือกและราคาที่ตกลง\n{rows}\n"
            )
    result = item(k.site((pages, documents)), "O11")
    text = assert_only_gap(result, "data", "procure.item_fields", DATA_GAP + "รายละเอียดรายการจัดซื้อจัดจ้าง")
    assert "เหตุผลที่คัดเลือก" in text and "เลขที่และวันที่ของสัญญา" in text
    assert "ราคากลาง," not in text  # present columns are not named


def test_announcements_absent_is_a_data_gap() -> None:
    egp = page("o11_announce.html", "ประกาศจัดซื้อจัดจ้าง").replace(fixture("o11_announce.html"), EGP_ONLY)
    assert "ประกาศผู้ชนะ" not in egp
    result = item(k.site(k.o11(), pages={"/procurement/announce-2569.html": egp}), "O11")
    assert_only_gap(result, "data", "procure.announcements", DATA_GAP + "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง")


def test_march_missing_is_a_time_gap_naming_march() -> None:
    result = item(k.site(k.o11(), drop={"m2603"}), "O11")
    text = assert_only_gap(result, "time", "procure.monthly", TIME_GAP)
    assert "มีนาคม 2569" in text
    for covered in ("ตุลาคม 2568", "ธันวาคม 2568", "กุมภาพันธ์ 2569"):
        assert covered not in text


def test_month_without_purchases_counts_when_its_summary_says_so() -> None:
    # December 2568's summary says "ไม่มีการจัดซื้อจัดจ้าง" and has no table: the month is covered, and the
    # missing columns of an empty month are not a data gap.
    assert "ไม่มีการจัดซื้อจัดจ้าง" in k.monthly_summary("m2512")
    assert "เหตุผลที่คัดเลือก" not in k.monthly_summary("m2512")
    result = item(k.site(k.o11()), "O11")
    assert result.status == "pass", result.gaps
    monthly = next(c for c in result.components if c.id == "procure.monthly")
    assert "ธันวาคม 2568" in (monthly.snippet or "")


def test_month_with_no_summary_at_all_is_not_covered() -> None:
    result = item(k.site(k.o11(), drop={"m2512"}), "O11")
    text = assert_only_gap(result, "time", "procure.monthly", TIME_GAP)
    assert "ธันวาคม 2568" in text


@pytest.mark.parametrize(
    ("as_of", "drop", "missing"),
    [
        (date(2026, 1, 15), {"m2601", "m2602", "m2603"}, None),  # only October-December are due
        (date(2026, 1, 15), {"m2511", "m2601", "m2602", "m2603"}, "พฤศจิกายน 2568"),
        (date(2026, 3, 31), {"m2603"}, None),  # March has not ended yet
        (date(2026, 4, 1), {"m2603"}, "มีนาคม 2569"),
    ],
)
def test_months_due_depend_on_the_day_of_the_check(as_of: date, drop: set[str], missing: str | None) -> None:
    result = item(k.site(k.o11(), drop=drop), "O11", as_of=as_of)
    if missing is None:
        assert result.status == "pass", result.gaps
    else:
        text = assert_only_gap(result, "time", "procure.monthly", TIME_GAP)
        assert missing in text
        assert "มกราคม 2569" not in text or as_of > date(2026, 1, 31)


def a_year_earlier(text: str) -> str:
    """Every BE year in `text` one less (Arabic or Thai digits): last fiscal year's version of a document."""
    thai, arabic = "๐๑๒๓๔๕๖๗๘๙", "0123456789"

    def earlier(match: re.Match[str]) -> str:
        digits = match.group(0)
        is_thai = digits[0] in thai
        year = int(digits.translate(str.maketrans(thai, arabic))) - 1
        return str(year).translate(str.maketrans(arabic, thai)) if is_thai else str(year)

    return re.sub(r"25[5-7][0-9]|๒๕[๕-๗][๐-๙]", earlier, text)


def test_announcements_of_the_previous_fiscal_year_are_a_time_gap() -> None:
    pages, documents = k.o11()
    announcements = "/procurement/announce-2569.html"
    for path in [p for p in documents if "/skr1-" not in p]:
        documents[path] = a_year_earlier(str(documents[path]))
    pages[announcements] = a_year_earlier(str(pages[announcements]))
    assert "๒๕๖๙" not in str(documents["/files/procurement/2569/invite-ebidding-road-m9.pdf"])
    result = item(k.site((pages, documents)), "O11")
    text = assert_only_gap(result, "time", "procure.announcements", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text
