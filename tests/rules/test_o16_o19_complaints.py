"""ITA 2569 O16-O19, sub-indicator 9.5 การส่งเสริมความโปร่งใส.

- O16 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต: the guideline and its four parts, each a sub-component
  (วิธีการร้องเรียน, ขั้นตอนการจัดการ, ส่วนงานที่รับผิดชอบ, ระยะเวลาดำเนินการ), all in one document.
- O17 ช่องทางแจ้งเรื่องร้องเรียนการทุจริต: an online channel for corruption complaints, separate from general
  complaints; a phone number, a postal address or an e-mail address alone does not count.
- O18 ข้อมูลสถิติเรื่องร้องเรียนการทุจริต: total, finished and in progress (or "ไม่มีเรื่องร้องเรียน"), for
  October-March of the fiscal year.
- O19 ผลการเปิดโอกาสให้มีส่วนร่วม: done in the fiscal year, with its four parts as sub-components.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import (
    DATA_GAP,
    RULE_GAP,
    TIME_GAP,
    Unreadable,
    assert_pass,
    fixture,
    gaps,
    item,
    page,
    statuses,
    url,
)

O16 = [
    "complaint.guideline",
    "complaint.guideline.method",
    "complaint.guideline.process",
    "complaint.guideline.unit",
    "complaint.guideline.duration",
]
O19 = [
    "participation.result",
    "participation.result.topic",
    "participation.result.participants",
    "participation.result.result",
    "participation.result.improvement",
]
GUIDELINE = "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต"


# --- O16 --------------------------------------------------------------------------------------------------
def test_o16_passes_with_a_complaint_manual_holding_all_four_parts() -> None:
    result = item(k.site(k.o16()), "O16")
    assert_pass(result, O16)
    duration = next(c for c in result.components if c.id == "complaint.guideline.duration")
    assert (duration.evidence_url, duration.snippet) == (url(k.COMPLAINT_MANUAL), "ระยะเวลาดำเนินการ")


def test_o16_a_time_limit_alone_is_the_duration() -> None:
    # No heading "ระยะเวลาดำเนินการ", only "แจ้งผล … ภายใน ๑๕ วันทำการ" (Thai digits read as Arabic).
    manual = fixture("o16_complaint_manual.txt").replace("๕. ระยะเวลาดำเนินการ\n", "๕. การแจ้งผล\n")
    result = item(k.site(documents={k.COMPLAINT_MANUAL: manual}), "O16")
    assert_pass(result, O16)
    duration = next(c for c in result.components if c.id == "complaint.guideline.duration")
    assert duration.snippet == "ภายใน 1 วัน"


@pytest.mark.parametrize(
    ("part", "label"),
    [
        ("method", "วิธีการร้องเรียน"),
        ("process", "ขั้นตอนการจัดการเรื่องร้องเรียน"),
        ("unit", "ส่วนงานที่รับผิดชอบ"),
        ("duration", "ระยะเวลาดำเนินการ"),
    ],
)
def test_o16_each_missing_part_is_a_data_gap_of_its_own(part: str, label: str) -> None:
    result = item(k.site(k.o16(), drop={part}), "O16")
    text = k.assert_one_gap(result, "data", f"complaint.guideline.{part}", DATA_GAP + label)
    assert text.endswith(f"ใน{GUIDELINE}")


def test_o16_a_guideline_that_names_itself_but_holds_no_part_is_one_gap() -> None:
    # A one-page notice "คู่มือการจัดการเรื่องร้องเรียนการทุจริต … อยู่ระหว่างปรับปรุง": the guideline is named,
    # none of its four parts is there. One gap on the guideline (listing the parts), not four.
    notice = (
        "คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ องค์การบริหารส่วนตำบลโคกสว่าง\n"
        "อยู่ระหว่างปรับปรุงเนื้อหาให้เป็นปัจจุบัน จะเผยแพร่ในเร็ว ๆ นี้"
    )
    result = item(k.site(documents={k.COMPLAINT_MANUAL: notice}), "O16")
    assert result.status == "gap"
    assert [(kind, cid) for kind, cid, _ in gaps(result)] == [("data", "complaint.guideline")]
    assert result.gaps[0].text_th == (
        f"{DATA_GAP}{GUIDELINE} ที่มีรายละเอียดอย่างน้อยประกอบด้วย ๑. วิธีการร้องเรียน "
        "๒. ขั้นตอนการจัดการเรื่องร้องเรียน ๓. ส่วนงานที่รับผิดชอบ ๔. ระยะเวลาดำเนินการ"
    )
    assert set(statuses(result).values()) == {"missing"}


def test_o16_a_general_complaints_manual_is_not_the_corruption_guideline() -> None:
    general = (
        "คู่มือการปฏิบัติงานรับเรื่องร้องเรียน/ร้องทุกข์ องค์การบริหารส่วนตำบลโคกสว่าง\n"
        "ช่องทางการร้องเรียน: ด้วยตนเอง โทรศัพท์ 0-4341-4123 ขั้นตอนการปฏิบัติงาน: รับเรื่อง ตรวจสอบ แจ้งกองที่เกี่ยวข้อง\n"
        "ผู้รับผิดชอบ: สำนักปลัด ระยะเวลาดำเนินการ: แจ้งผลภายใน 15 วัน"
    )
    result = item(k.site(documents={k.COMPLAINT_MANUAL: general}), "O16")
    assert [(kind, cid) for kind, cid, _ in gaps(result)] == [("data", "complaint.guideline")]
    assert result.gaps[0].text_th == DATA_GAP + GUIDELINE
    # Its parts are reported with it, without gaps of their own.
    assert set(statuses(result).values()) == {"missing"}


def test_o16_parts_must_be_in_one_guideline_not_spread_over_documents() -> None:
    # The manual without its time limits, and a separate flowchart that states only a time limit: the
    # manual is judged as it is (the flowchart is not a guideline with four parts).
    flowchart = "แผนผังแนวปฏิบัติการรับแจ้งเรื่องร้องเรียนการทุจริต\nระยะเวลาดำเนินการ 15 วันทำการ"
    site = k.site(
        k.o16(),
        drop={"duration"},
        documents={"/files/ita/complaint-flowchart.pdf": flowchart},
    )
    declared = {"O16": [url(k.COMPLAINT_MANUAL), url("/files/ita/complaint-flowchart.pdf")]}
    result = item(site, "O16", declared=declared)
    assert ("data", "complaint.guideline.duration") in [(kind, cid) for kind, cid, _ in gaps(result)]


def test_o16_parts_behind_an_unreadable_scan_are_unknown_not_missing() -> None:
    # The O16 page names the guideline and links it as a scanned PDF without text: its parts may be in it.
    guideline_page = "/ita/complaint-guideline.html"
    html = (
        "<h1>แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1>"
        f'<p><a href="{k.COMPLAINT_MANUAL}">ดาวน์โหลดคู่มือการจัดการเรื่องร้องเรียนการทุจริต (PDF)</a></p>'
    )
    index = page("ita2569.html", "ITA 2569").replace(k.COMPLAINT_MANUAL, guideline_page)
    site = k.site(
        index={k.INDEX_2569: index},
        pages={guideline_page: html},
        documents={k.COMPLAINT_MANUAL: Unreadable("ไฟล์เป็นภาพสแกน ไม่มีข้อความ")},
    )
    result = item(site, "O16")
    assert result.status == "unknown", gaps(result)
    assert statuses(result) == {"complaint.guideline": "present"} | dict.fromkeys(O16[1:], "unknown")
    assert "ภาพสแกน" in (result.unknown_reason or "")


# --- O17 --------------------------------------------------------------------------------------------------
def test_o17_passes_with_an_online_corruption_complaint_form() -> None:
    result = item(k.site(k.o17()), "O17")
    assert_pass(result, ["complaint.channel"])
    assert result.components[0].evidence_url == url(k.COMPLAINT_PAGE)


@pytest.mark.parametrize(
    "kept",
    ["form", "gform", "line"],
    ids=["web form on the page", "Google Form", "LINE labelled for complaints"],
)
def test_o17_any_one_online_channel_is_enough(kept: str) -> None:
    result = item(k.site(k.o17(), drop={"form", "gform", "line"} - {kept}), "O17")
    assert_pass(result, ["complaint.channel"])


def test_o17_an_embedded_google_form_is_online() -> None:
    html = str(k.o17()[0][k.COMPLAINT_PAGE]).replace(
        "</ul>",
        '</ul><iframe src="https://docs.google.com/forms/d/e/1FAIpQLSfKoksawang/viewform?embedded=true"'
        ' width="640" height="900">กำลังโหลด…</iframe>',
    )
    site = k.site(pages={k.COMPLAINT_PAGE: html}, drop={"form", "gform", "line"})
    assert_pass(item(site, "O17"), ["complaint.channel"])


def test_o17_a_general_complaints_page_is_not_a_corruption_channel() -> None:
    # The agency links its general complaints form (roads, water, waste): it has a form, but nothing on it
    # is for corruption complaints.
    result = item(k.site(k.o17(general_only=True)), "O17")
    k.assert_one_gap(result, "data", "complaint.channel", DATA_GAP + "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต")


def test_o17_only_phone_address_and_email_breaks_the_rule() -> None:
    result = item(k.site(k.o17(), drop={"form", "gform", "line"}), "O17")
    text = k.assert_one_gap(result, "rule", "complaint.channel", RULE_GAP)
    assert "ไม่มีช่องทางออนไลน์สำหรับแจ้งเรื่องร้องเรียนการทุจริต" in text
    assert "พบเพียงโทรศัพท์" in text  # says what was found instead


def test_o17_the_site_wide_line_account_is_not_the_complaint_channel() -> None:
    # A LINE Official Account for general news (not labelled for complaints) does not make the page online.
    html = str(k.o17()[0][k.COMPLAINT_PAGE]).replace(
        "</ul>", '<li><a href="https://lin.ee/KoksawangNews">LINE Official Account อบต.โคกสว่าง</a></li></ul>'
    )
    site = k.site(pages={k.COMPLAINT_PAGE: html}, drop={"form", "gform", "line"})
    result = item(site, "O17")
    k.assert_one_gap(result, "rule", "complaint.channel", RULE_GAP)


def test_o17_a_channel_only_described_in_a_pdf_cannot_be_decided() -> None:
    # The O17 row links the complaint manual (a PDF that names the website's online form): whether that form
    # exists and works needs a person to look.
    index = page("ita2569.html", "ITA 2569").replace(k.COMPLAINT_PAGE, k.COMPLAINT_MANUAL)
    result = item(k.site(k.o16(), index={k.INDEX_2569: index}), "O17")
    assert result.status == "unknown", gaps(result)
    assert "rule undecided" in (result.unknown_reason or "")


# --- O18 --------------------------------------------------------------------------------------------------
STATS = "ข้อมูลสถิติเรื่องร้องเรียนการทุจริต"


def test_o18_passes_with_six_months_of_statistics() -> None:
    result = item(k.site(k.o18()), "O18")
    assert_pass(result, ["complaint.stats"])
    assert "มีนาคม 2569" in (result.components[0].snippet or "")  # the months found are listed


def test_o18_months_named_only_in_the_rows_count() -> None:
    # No period in the heading ("ประจำปีงบประมาณ พ.ศ. 2569" only): the table's rows, ตุลาคม 2568 … มีนาคม 2569,
    # are the months covered.
    stats = k.complaint_stats().replace(" รอบ 6 เดือน (1 ตุลาคม 2568 – 31 มีนาคม 2569)", "")
    assert_pass(item(k.site(documents={k.COMPLAINT_STATS: stats}), "O18"), ["complaint.stats"])


def test_o18_no_complaints_stated_passes() -> None:
    assert_pass(item(k.site(k.o18(no_complaints=True)), "O18"), ["complaint.stats"])


@pytest.mark.parametrize(
    ("part", "label"),
    [
        ("total", "จำนวนเรื่องร้องเรียนทั้งหมด"),
        ("done", "จำนวนเรื่องที่ดำเนินการแล้วเสร็จ"),
        ("ongoing", "จำนวนเรื่องที่อยู่ระหว่างดำเนินการ"),
    ],
)
def test_o18_each_missing_count_is_a_data_gap(part: str, label: str) -> None:
    result = item(k.site(k.o18(), drop={part}), "O18")
    text = k.assert_one_gap(result, "data", "complaint.stats", DATA_GAP + STATS)
    assert text.endswith(f"({label})")


def test_o18_first_quarter_only_misses_january_to_march() -> None:
    result = item(k.site(k.o18("q1_2569")), "O18")
    text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
    assert "ไม่ครอบคลุม 6 เดือนแรกของปีงบประมาณ" in text
    assert "มกราคม 2569, กุมภาพันธ์ 2569, มีนาคม 2569" in text
    assert "ธันวาคม" not in text


def test_o18_first_quarter_is_enough_before_january_ends() -> None:
    # Checked on 10 January 2569: October to December are due, January is still running.
    assert_pass(item(k.site(k.o18("q1_2569")), "O18", as_of=date(2026, 1, 10)), ["complaint.stats"])


def test_o18_last_years_six_months_is_a_time_gap() -> None:
    result = item(k.site(k.o18("first_half_2568")), "O18")
    text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
    assert "ตุลาคม 2568" in text and "มีนาคม 2569" in text


def test_o18_statistics_naming_no_month_are_judged_by_fiscal_year() -> None:
    # A yearly table for fiscal year 2568 with no month in it: the month-by-month rule cannot judge it, the
    # fiscal year can.
    result = item(k.site(k.o18("year_2568")), "O18")
    text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text and "เป็นข้อมูลปีงบประมาณ พ.ศ. 2568" in text


# --- O19 --------------------------------------------------------------------------------------------------
def test_o19_passes_with_a_2569_forum_and_its_four_parts() -> None:
    result = item(k.site(k.o19()), "O19")
    assert_pass(result, O19)
    assert result.components[0].evidence_url == url(k.PARTICIPATION)


@pytest.mark.parametrize(
    ("part", "label"),
    [
        ("topic", "ประเด็นหรือเรื่องที่เปิดโอกาสให้มีส่วนร่วม"),
        ("participants", "ผู้เข้าร่วม"),
        ("result", "ผลการมีส่วนร่วม"),
        ("improvement", "การนำผลการมีส่วนร่วมไปปรับปรุงการดำเนินงาน"),
    ],
)
def test_o19_each_missing_part_is_a_data_gap_of_its_own(part: str, label: str) -> None:
    result = item(k.site(k.o19(), drop={part}), "O19")
    k.assert_one_gap(result, "data", f"participation.result.{part}", DATA_GAP + label)


def test_o19_last_years_forum_is_a_time_gap() -> None:
    result = item(k.site(k.o19(fy=2568)), "O19")
    text = k.assert_one_gap(result, "time", "participation.result", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text
    assert "(เป็นข้อมูลปีงบประมาณ พ.ศ. 2568)" in text  # not the years of the plan period it mentions


def test_o19_a_page_without_participation_is_one_data_gap() -> None:
    news = page("o20_activity.html", "ข่าวกิจกรรม")  # a news item about something else
    result = item(k.site(pages={k.PARTICIPATION: news}), "O19")
    assert [(kind, cid) for kind, cid, _ in gaps(result)] == [("data", "participation.result")]
    assert set(statuses(result).values()) == {"missing"}
