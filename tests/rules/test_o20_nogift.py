"""ITA 2569 O20 การขับเคลื่อนนโยบาย No Gift Policy: the announcement of fiscal year 2569 signed by the top
executive (or whoever acts for them), a culture-building activity, and a report, all of fiscal year 2569."""

from __future__ import annotations

from datetime import date

import pytest

from rules.catalog import load_catalog
from tests.rules import koksawang as k
from tests.rules.sitebuilder import (
    DATA_GAP,
    RULE_GAP,
    TIME_GAP,
    Read,
    assert_only_gap,
    assert_pass,
    build_site,
    component,
    evaluate_site_both,
    fixture,
    item,
)

COMPONENTS = ["nogift.announcement", "nogift.activity", "nogift.report"]


def test_passes_with_announcement_activity_and_report_of_2569() -> None:
    result = item(k.site(k.o20()), "O20")
    assert_pass(result, COMPONENTS)
    announcement = next(c for c in result.components if c.id == "nogift.announcement")
    assert announcement.evidence_url and announcement.evidence_url.endswith("nogift-announcement-2569.pdf")


@pytest.mark.parametrize(
    ("cid", "drop", "label"),
    [
        ("nogift.announcement", {"announcement"}, "ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy)"),
        ("nogift.activity", {"activity"}, "กิจกรรมการสร้างวัฒนธรรม No Gift Policy"),
        # The announcement says "…และรายงานให้ผู้บังคับบัญชาทราบ": that sentence is not a report.
        ("nogift.report", {"report"}, "รายงานผลการดำเนินการตามนโยบาย No Gift Policy"),
    ],
)
def test_one_component_absent_is_a_data_gap(cid: str, drop: set[str], label: str) -> None:
    result = item(k.site(k.o20(), drop=drop), "O20")
    assert_only_gap(result, "data", cid, DATA_GAP + label)


def test_announcement_signed_by_the_palad_breaks_the_rule() -> None:
    result = item(k.site(k.o20(signer=k.PALAD)), "O20")
    text = assert_only_gap(result, "rule", "nogift.announcement", RULE_GAP)
    assert "ไม่ได้ลงนามโดยผู้บริหารสูงสุด" in text
    assert "ปลัด" in text  # says who signed


def test_announcement_signed_by_the_palad_acting_as_nayok_passes() -> None:
    result = item(k.site(k.o20(signer=k.PALAD_ACTING)), "O20")
    assert_pass(result, COMPONENTS)


def test_announcement_of_fiscal_year_2568_only_is_a_time_gap() -> None:
    # The agency did not renew its announcement: the 2568 one is still on the page, while the activity and
    # the report are of 2569 (so the page itself names both years).
    result = item(k.site(k.o20(announcement_fy=2568)), "O20")
    text = assert_only_gap(result, "time", "nogift.announcement", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text
    assert "2568" in text


def test_the_same_evidence_is_old_a_year_later() -> None:
    # ITA 2570 (criteria not published: the 2569 items, provisional) checked in May 2027: the 2569
    # announcement, activity and report are all last year's now.
    items, _ = evaluate_site_both(k.site(k.o20()), load_catalog(2570), 2570, date(2027, 5, 15))
    result = next(i for i in items if i.code == "O20")
    assert result.status == "gap"
    assert {(g.kind, g.component) for g in result.gaps} == {("time", cid) for cid in COMPONENTS}
    assert all("ปีงบประมาณ พ.ศ. 2570" in g.text_th for g in result.gaps)


def _nogift_page(body: str) -> str:
    return f"""<html><head><title>No Gift Policy</title></head><body>
<nav class="menu"><a href="/">หน้าหลัก</a></nav>
<main><h1>การขับเคลื่อนนโยบาย No Gift Policy ปีงบประมาณ พ.ศ. 2569</h1>{body}</main>
<footer>องค์การบริหารส่วนตำบลโคกสว่าง นายสมศักดิ์ ใจงาม นายกองค์การบริหารส่วนตำบลโคกสว่าง โทร 0-4341-4123</footer>
</body></html>"""


def test_a_notice_that_merely_mentions_no_gift_is_not_the_announcement() -> None:
    """ "ประกาศ" about a meeting on the policy is not the agency's announcement of intent (เจตนารมณ์)."""
    site = build_site(
        {
            "/": '<a href="/nogift.html">No Gift Policy</a>',
            "/nogift.html": _nogift_page(
                "<p>ประกาศ ขอเชิญบุคลากรร่วมประชุมชี้แจงนโยบาย No Gift Policy วันที่ 12 พฤศจิกายน 2568</p>"
            ),
        }
    )
    result = item(site, "O20")
    assert component(result, "nogift.announcement") == "missing"


def test_an_unsigned_announcement_page_is_not_passed_by_its_footer() -> None:
    """A web page's last lines are the site footer (which names the นายก): not a signature block."""
    site = build_site(
        {
            "/": '<a href="/nogift.html">No Gift Policy</a>',
            "/nogift.html": _nogift_page(
                "<p>ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2569 "
                "บุคลากรทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่</p>"
                "<p>กิจกรรมประชุมรณรงค์ No Gift Policy วันที่ 5 ธันวาคม 2568</p>"
                "<p>รายงานผลการดำเนินการตามนโยบาย No Gift Policy รอบ 6 เดือน ปีงบประมาณ 2569 ไม่มีการรับของขวัญ</p>"
            ),
        }
    )
    result = item(site, "O20")
    assert component(result, "nogift.announcement") == "unknown"
    assert result.status == "unknown" and "rule undecided" in (result.unknown_reason or "")


UNSIGNED = "ไม่ปรากฏชื่อและตำแหน่งผู้ลงนามท้ายประกาศ"
ANNOUNCEMENT_2569 = "/files/ita/2569/nogift-announcement-2569.pdf"


def _unsigned_municipal(signature: str = "") -> str:
    return fixture("o20_announcement_word.txt", signature=signature)


def _unsigned_koksawang() -> str:
    text = k.nogift_announcement()
    return text[: text.index("(ลงชื่อ)")]  # ends at "ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘"


@pytest.mark.parametrize("text", [_unsigned_koksawang(), _unsigned_municipal()], ids=["sao", "municipality-word"])
def test_an_announcement_whose_text_layer_names_no_signer_breaks_the_rule(text: str) -> None:
    result = item(k.site(k.o20(), documents={ANNOUNCEMENT_2569: text}), "O20")
    message = assert_only_gap(result, "rule", "nogift.announcement", RULE_GAP)
    assert "ไม่ได้ลงนามโดยผู้บริหารสูงสุด" in message and UNSIGNED in message


@pytest.mark.parametrize("text", [_unsigned_koksawang(), _unsigned_municipal()], ids=["sao", "municipality-word"])
def test_an_unsigned_looking_announcement_read_by_ocr_stays_unknown(text: str) -> None:
    # OCR may have lost the signature block (a stamp, a handwritten signature over the name).
    scanned = Read(text, extractor="pdftotext+tesseract")
    result = item(k.site(k.o20(), documents={ANNOUNCEMENT_2569: scanned}), "O20")
    assert component(result, "nogift.announcement") == "unknown"


def test_a_signer_named_without_a_known_title_is_undecided_not_unsigned() -> None:
    text = _unsigned_municipal("(นายวิชัย ศรีสุข)\nประธานคณะทำงานส่งเสริมคุณธรรม")
    result = item(k.site(k.o20(), documents={ANNOUNCEMENT_2569: text}), "O20")
    assert component(result, "nogift.announcement") == "unknown"


def test_the_municipal_announcement_signed_by_the_mayor_passes() -> None:
    text = _unsigned_municipal("(นายประเสริฐ มั่นคง)\nนายกเทศมนตรีตำบลโคกสว่าง")
    assert_pass(item(k.site(k.o20(), documents={ANNOUNCEMENT_2569: text}), "O20"), COMPONENTS)


# --- the activity is not the announcement ---------------------------------------------------------------------
ACTIVITY = "กิจกรรมการสร้างวัฒนธรรม No Gift Policy"
HOLDER = "/ita/nogift-2569.html"
REPORT = "/files/ita/2569/nogift-report-6m-2569.pdf"


def _holder(entries: str) -> str:
    """The item's page on a district-portal theme: a sidebar menu of news and photo albums (its words are activity
    words, about nothing in particular), then the documents."""
    return f"""<html><head><title>No Gift Policy - อบต.โคกสว่าง</title></head><body>
<div id="sidebar"><h3>เมนูหลัก</h3><a href="/news/">ข่าวประชาสัมพันธ์</a> <a href="/gallery/">ภาพกิจกรรม</a>
<a href="/training/">ข่าวการฝึกอบรม</a></div>
<div id="content"><h2>การขับเคลื่อนนโยบาย No Gift Policy</h2><ol>{entries}</ol></div>
<div id="foot">องค์การบริหารส่วนตำบลโคกสว่าง โทร 0-4341-4123</div></body></html>"""


DOCS = (
    f'<li><a href="{ANNOUNCEMENT_2569}">ประกาศ อบต.โคกสว่าง เรื่อง เจตนารมณ์การไม่รับของขวัญ (No Gift Policy) ปี 2569</a></li>'
    f'<li><a href="{REPORT}">รายงานผลการดำเนินการตามนโยบาย No Gift Policy รอบ 6 เดือน</a></li>'
)


def test_a_page_listing_the_announcement_among_menus_of_activities_is_not_an_activity() -> None:
    result = item(k.site(k.o20(), pages={HOLDER: _holder(DOCS)}), "O20")
    assert_only_gap(result, "data", "nogift.activity", DATA_GAP + ACTIVITY)


def test_an_announcement_that_publicises_itself_is_not_an_activity() -> None:
    # "…เพื่อสร้างวัฒนธรรมองค์กร… จึงประชาสัมพันธ์ให้ทราบโดยทั่วกัน": the announcement's own words, not an activity.
    text = _unsigned_municipal("(นายประเสริฐ มั่นคง)\nนายกเทศมนตรีตำบลโคกสว่าง").replace(
        "จึงประกาศมาเพื่อทราบโดยทั่วกัน",
        "เพื่อสร้างวัฒนธรรมองค์กรที่ไม่รับของขวัญ จึงประชาสัมพันธ์ให้ทราบโดยทั่วกัน และขอความร่วมมือผู้มาติดต่อราชการงดให้ของขวัญ",
    )
    site = k.site(k.o20(), pages={HOLDER: _holder(DOCS)}, documents={ANNOUNCEMENT_2569: text})
    assert_only_gap(item(site, "O20"), "data", "nogift.activity", DATA_GAP + ACTIVITY)


@pytest.mark.parametrize(
    "entry",
    [
        # a ceremony of declaring the intent is an activity, named as one
        '<li><a href="/gallery/2568-11-nogift.html">ภาพกิจกรรมประกาศเจตนารมณ์ No Gift Policy ของผู้บริหารและพนักงาน'
        " วันที่ 3 พฤศจิกายน 2568</a></li>",
        "<li>ประชุมชี้แจงแนวทางปฏิบัติตามนโยบายไม่รับของขวัญแก่พนักงาน เมื่อวันที่ 8 ธันวาคม 2568</li>",
    ],
    ids=["declaration-ceremony", "briefing-meeting"],
)
def test_an_activity_named_on_the_items_page_counts(entry: str) -> None:
    assert_pass(item(k.site(k.o20(), pages={HOLDER: _holder(DOCS + entry)}), "O20"), COMPONENTS)
