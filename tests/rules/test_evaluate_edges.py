"""What the verdict of an item says, field by field, in the cases the evaluator words itself (rules/evaluate.py).

- A report whose parts are sub-components (O26): each part it misses is a gap naming the part in both languages;
  when the report itself cannot be read (a scanned PDF), each part is unknown for the same reason.
- A guideline that names itself and holds none of its parts (O16's covering notice): the guideline is missing
  "for none of its parts", one gap with the guideline's own hint, about the fiscal year assessed.
- Every evidence link dead: each component and part missing at the dead URL, with the server's answer and the
  criterion's confidence; the finding lists the answer (its Thai half) after the URL.
- Items a year's catalog knows only vaguely (ITA 2568 O5-O7) are reported unchecked, with their sub-indicator.
- Month by month (O11 สขร.1 summaries, O18 complaint tables): a summary is for the month(s) its link names, else
  its title's, else the first one in its first 600 characters (a purchase row for another month is not its month);
  a range, a quarter or a round of six months covers each of its months. A complaint table covers the months of
  its rows, placed by the year its link names when the rows have none (never by Thai digits OCR read); a table
  of two months under a six-month heading covers two; without monthly rows, the period named covers its months.
- The texts: a rule gap in both languages with the component's hint and what was seen; an undecided rule and an
  OCR'd number say why; an item with no evidence at all is missing by its title, with its confidence.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from rules.catalog import components, load_catalog
from rules.results import ComponentResult, ItemResult, reason
from rules.site import MemorySite
from rules.thaidates import find_dates
from tests.rules import koksawang as k
from tests.rules.sitebuilder import (
    AS_OF,
    TIME_GAP,
    YEAR,
    Content,
    Read,
    Unreadable,
    assert_only_gap,
    assert_pass,
    build_site,
    evaluate_site_both,
    gaps,
    home,
    item,
    page,
    url,
)

O26_PARTS = ["integrity.report.measures", "integrity.report.summary", "integrity.report.outcome"]
SCANNED = "เอกสารเป็นภาพสแกน อ่านข้อความไม่ได้ / scanned document, no text"
# The page the agency declared for O26: it only offers the report's PDF for download.
O26_PAGE = "/ita/o26.html"
O26_PAGE_HTML = (
    "<html><head><title>O26 - อบต.โคกสว่าง</title></head><body><main><h1>ข้อมูลเผยแพร่ ITA ข้อ O26</h1>"
    f"<p><a href='{k.INTEGRITY_REPORT}'>ดาวน์โหลดไฟล์ (PDF)</a></p></main></body></html>"
)


def test_each_part_of_a_scanned_report_is_unknown_for_the_reports_reason() -> None:
    site = k.site(index={}, pages={O26_PAGE: O26_PAGE_HTML}, documents={k.INTEGRITY_REPORT: Unreadable(SCANNED)})
    result = item(site, "O26", declared={"O26": [url(O26_PAGE)]})
    report, *parts = result.components
    assert report.status == "unknown" and report.reason and SCANNED in report.reason
    assert [(p.id, p.status, p.label_th, p.reason) for p in parts] == [
        (cid, "unknown", components()["integrity.report"].fields[n].label_th, report.reason)
        for n, cid in enumerate(O26_PARTS)
    ]


def test_a_missing_part_is_named_in_english_too() -> None:
    result = item(k.site(k.o26(), drop={"summary"}), "O26")
    (gap,) = result.gaps
    assert gap.component == "integrity.report.summary"
    assert gap.text_en == "Data component incomplete - no a summary of what was done in the integrity measures report"


def test_a_guideline_holding_none_of_its_parts_is_missing_with_its_own_hint() -> None:
    notice = (
        "คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ องค์การบริหารส่วนตำบลโคกสว่าง\n"
        "อยู่ระหว่างปรับปรุงเนื้อหาให้เป็นปัจจุบัน จะเผยแพร่ในเร็ว ๆ นี้"
    )
    result = item(k.site(documents={k.COMPLAINT_MANUAL: notice}), "O16")
    guideline = result.components[0]
    assert (guideline.id, guideline.status) == ("complaint.guideline", "missing")
    assert guideline.reason == reason("unknown.no_parts") == "ไม่พบรายละเอียดที่กำหนด / none of the required parts found"
    (gap,) = result.gaps
    assert gap.hint_th == components()["complaint.guideline"].hint_th
    assert (
        gap.text_en == "Data component incomplete - no corruption complaint handling guideline with its required parts"
    )
    assert gap.facts is not None and gap.facts.target_year == 2569  # O16 is judged for the year assessed


def test_a_report_answering_404_makes_every_part_missing_at_the_dead_url() -> None:
    result = item(k.site(documents={k.INTEGRITY_REPORT: Unreadable("HTTP 404", status=404)}), "O26")
    dead = "ลิงก์ไม่สามารถเข้าถึงได้ (HTTP 404) / dead link: HTTP 404 Not Found"
    report = components()["integrity.report"]
    assert [(c.id, c.status, c.label_th, c.evidence_url, c.reason, c.confidence) for c in result.components] == [
        (f.id, "missing", f.label_th, url(k.INTEGRITY_REPORT), dead, "1") for f in (report, *report.fields)
    ]
    assert [kind for kind, _, _ in gaps(result)] == ["rule"]
    assert result.gaps[0].text_en == (
        f"Rule not met - the link cannot be opened ({url(k.INTEGRITY_REPORT)}): ลิงก์ไม่สามารถเข้าถึงได้ (HTTP 404)"
    )


def test_items_a_catalog_knows_only_vaguely_are_reported_unchecked() -> None:
    site = build_site({"/": home([("หน้าแรก", "/")])})
    items, _ = evaluate_site_both(site, load_catalog(2568), 2568, date(2025, 5, 15))
    unchecked = [
        (i.code, i.status, i.confidence, i.subindicator, i.unknown_reason)
        for i in items
        if i.code in {"O5", "O6", "O7"}
    ]
    assert unchecked == [
        (code, "unknown", "I", "9.2", reason("unknown.not_implemented")) for code in ("O5", "O6", "O7")
    ]


# --- month by month: which months a monthly summary (O11 สขร.1) or a complaint table (O18) covers ----------------
MONTHLY_PAGE = "/procurement/monthly-2569.html"
O11 = ["procure.monthly", "procure.item_fields", "procure.announcements"]
SKR1_HEADING = (
    "ลำดับที่ | งานที่จัดซื้อหรือจัดจ้าง | วงเงินที่จะซื้อหรือจ้าง (บาท) | ราคากลาง (บาท) | วิธีซื้อหรือจ้าง"
    " | รายชื่อผู้เสนอราคาและราคาที่เสนอ | ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง | เหตุผลที่คัดเลือกโดยสรุป"
    " | เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง"
)
ROW = (
    "1 | จัดซื้อวัสดุสำนักงาน | 8,450.00 | 8,450.00 | เฉพาะเจาะจง | ร้านโคกสว่างพาณิชย์ 8,450.00"
    " | ร้านโคกสว่างพาณิชย์ 8,450.00 | เสนอราคาไม่เกินวงเงินงบประมาณ | ใบสั่งซื้อเลขที่ 3/2569"
)
SIX_MONTHS = ["ตุลาคม 2568", "พฤศจิกายน 2568", "ธันวาคม 2568", "มกราคม 2569", "กุมภาพันธ์ 2569", "มีนาคม 2569"]


def skr1(period: str, *rows: str) -> str:
    """An สขร.1 summary for `period` (a month, a quarter, a round of six months), with its purchase rows."""
    return (
        f"แบบ สขร.1\nสรุปผลการดำเนินการจัดซื้อจัดจ้าง {period}\nองค์การบริหารส่วนตำบลโคกสว่าง อำเภอพล จังหวัดขอนแก่น\n"
        + "\n".join((SKR1_HEADING, *(rows or (ROW,))))
    )


def o11_site(extra: dict[str, str] | None = None, drop: set[str] | None = None, **replace: str) -> MemorySite:
    """O11's evidence: the six monthly summaries (less the `drop`ped months' rows), plus `extra` summaries listed on
    the same page (link text -> text); `replace` sets the text of a month's summary (part name -> text)."""
    pages, documents = k.o11()
    rows = "".join(
        f"<tr><td>{n + 7}</td><td><a href='/files/procurement/2569/extra-{n}.pdf'>{label}</a></td><td>-</td></tr>"
        for n, label in enumerate(extra or {})
    )
    pages[MONTHLY_PAGE] = str(pages[MONTHLY_PAGE]).replace("</table>", rows + "</table>")
    documents.update({f"/files/procurement/2569/extra-{n}.pdf": text for n, text in enumerate((extra or {}).values())})
    documents.update({k.MONTHS[part][0]: text for part, text in replace.items()})
    return k.site((pages, documents), drop=drop or set())


def monthly(result: ItemResult) -> ComponentResult:
    return next(c for c in result.components if c.id == "procure.monthly")


def found(months: list[str]) -> str:
    return "เดือนที่พบ: " + ", ".join(months)


def test_a_summary_linked_for_two_months_covers_both() -> None:
    link = "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนตุลาคม 2568 และเดือนพฤศจิกายน 2568"
    result = item(o11_site({link: skr1("ในรอบเดือน ตุลาคม - พฤศจิกายน 2568")}, drop={"m2510", "m2511"}), "O11")
    assert_pass(result, O11)
    assert monthly(result).snippet == found(SIX_MONTHS)


@pytest.mark.parametrize(
    ("link", "drop", "period"),
    [
        ("สรุปผลการจัดซื้อจัดจ้าง ระหว่างเดือนตุลาคม - ธันวาคม 2568", {"m2510", "m2511", "m2512"}, "range"),
        ("รายงาน สขร.1 ไตรมาสที่ 1 ปีงบประมาณ 2569", {"m2510", "m2511", "m2512"}, "quarter"),
        ("สรุปผลการจัดซื้อจัดจ้าง รอบ 6 เดือนแรก ปีงบประมาณ 2569", set(k.MONTHS), "half_year"),
    ],
    ids=["range", "quarter", "half-year"],
)
def test_a_summary_for_a_range_a_quarter_or_six_months_covers_each_month_of_it(
    link: str, drop: set[str], period: str
) -> None:
    assert [s.kind for s in find_dates(link)] == [period]
    result = item(o11_site({link: skr1(link.split(" ", 1)[1])}, drop=drop), "O11")
    assert_pass(result, O11)
    assert monthly(result).snippet == found(SIX_MONTHS)


def test_a_purchase_for_another_month_in_a_summary_does_not_cover_that_month() -> None:
    # November's summary lists the October garbage collection paid in November: October has no summary.
    november = skr1("ในรอบเดือน พฤศจิกายน 2568", ROW, ROW.replace("จัดซื้อวัสดุสำนักงาน", "จ้างเหมาเก็บขยะ ประจำเดือนตุลาคม 2568"))
    result = item(o11_site(drop={"m2510"}, m2511=november), "O11")
    text = assert_only_gap(result, "time", "procure.monthly", TIME_GAP)
    assert text.endswith("(ไม่ปรากฏเดือน ตุลาคม 2568)"), text
    assert result.gaps[0].hint_th == components()["procure.monthly"].hint_th


def test_a_summary_linked_without_its_month_is_for_the_first_month_of_its_text() -> None:
    # "ดาวน์โหลดไฟล์" names no month: the summary's heading does; a purchase for October further down does not count.
    pages, documents = k.o11()
    november = skr1("ในรอบเดือน พฤศจิกายน 2568", ROW.replace("จัดซื้อวัสดุสำนักงาน", "จ้างเหมาเก็บขยะ ประจำเดือนตุลาคม 2568"))
    assert november.index("ตุลาคม 2568") < 600  # within what is read for the summary's month
    pages[MONTHLY_PAGE] = str(pages[MONTHLY_PAGE]).replace("สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนพฤศจิกายน 2568", "ดาวน์โหลดไฟล์")
    documents[k.MONTHS["m2511"][0]] = november
    result = item(k.site((pages, documents), drop={"m2510"}), "O11")
    text = assert_only_gap(result, "time", "procure.monthly", TIME_GAP)
    assert text.endswith("(ไม่ปรากฏเดือน ตุลาคม 2568)"), text


@pytest.mark.parametrize(("end", "covered"), [(600, True), (601, False), (2000, False)])
def test_the_month_of_a_summary_without_one_in_its_link_is_read_in_its_first_600_characters(
    end: int, covered: bool
) -> None:
    # The form's columns and a dotted line to fill in before the month: past 600 characters a month is more likely
    # a purchase row's than the summary's own. `end`: where the month ends.
    head = f"แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้าง\n{SKR1_HEADING}\n"
    month = "ในรอบเดือน ตุลาคม 2568"
    text = head + "หมายเหตุ" + "." * (end - len(head) - len("หมายเหตุ") - len(month)) + month + "\n" + ROW
    assert text.index(month) + len(month) == end
    result = item(o11_site({"ดาวน์โหลดไฟล์ (PDF)": text}, drop={"m2510"}), "O11")
    if covered:
        assert_pass(result, O11)
    else:
        assert assert_only_gap(result, "time", "procure.monthly", TIME_GAP).endswith("(ไม่ปรากฏเดือน ตุลาคม 2568)")


def test_months_found_but_none_due_leave_the_evidence_text_as_the_snippet() -> None:
    # Last fiscal year's statistics: months are found (ต.ค. 2567 - มี.ค. 2568), none of those due; the component
    # shows where it was found, not an empty list of months.
    result = item(k.site(k.o18("first_half_2568")), "O18")
    assert result.status == "gap"
    stats = result.components[0]
    assert stats.snippet and "อยู่ระหว่างดำเนินการ" in stats.snippet and "เดือนที่พบ" not in stats.snippet


STATS_TABLE = (
    "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\n{heading}\n"
    "องค์การบริหารส่วนตำบลโคกสว่าง อำเภอพล จังหวัดขอนแก่น\n"
    "เดือน | จำนวนเรื่องร้องเรียนทั้งหมด (เรื่อง) | ดำเนินการแล้วเสร็จ (เรื่อง) | อยู่ระหว่างดำเนินการ (เรื่อง)\n"
    "{rows}\nรวมทั้งสิ้น 1 เรื่อง ดำเนินการแล้วเสร็จ 1 เรื่อง อยู่ระหว่างดำเนินการ 0 เรื่อง"
)


def stats_site(heading: str, rows: list[str], link: str = "รายละเอียด", ocr: bool = False) -> MemorySite:
    """O18's statistics under `heading`, one row per entry of `rows`, linked from the ITA page as `link`."""
    text = STATS_TABLE.format(heading=heading, rows="\n".join(f"{row} | 1 | 1 | 0" for row in rows))
    index = page("ita2569.html", "ITA 2569").replace(
        f'"{k.COMPLAINT_STATS}">รายละเอียด', f'"{k.COMPLAINT_STATS}">{link}'
    )
    content: Content = Read(text, extractor="pdftotext+tesseract") if ocr else text
    return k.site(index={k.INDEX_2569: index}, documents={k.COMPLAINT_STATS: content})


THAI_MONTHS = [m.split()[0] for m in SIX_MONTHS]


def test_rows_without_a_year_are_placed_by_the_fiscal_year_their_link_names() -> None:
    link = "สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"
    result = item(stats_site("ข้อมูลรายเดือน", THAI_MONTHS[:4], link), "O18")
    text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
    assert text.endswith("(ไม่ปรากฏเดือน กุมภาพันธ์ 2569, มีนาคม 2569)"), text
    assert result.components[0].snippet == found(SIX_MONTHS[:4])


def test_a_year_read_by_ocr_in_thai_digits_does_not_place_the_rows() -> None:
    # OCR read ๒๕๖๙ as ๒๕๐๕: the heading's year cannot be trusted, the link's can.
    link = "สถิติเรื่องร้องเรียนการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"
    result = item(stats_site("ประจำปีงบประมาณ พ.ศ. ๒๕๐๕", THAI_MONTHS, link, ocr=True), "O18")
    assert_pass(result, ["complaint.stats"])
    assert result.components[0].snippet == found(SIX_MONTHS)


def test_two_monthly_rows_under_a_six_month_heading_cover_only_their_two_months() -> None:
    result = item(stats_site("รอบ 6 เดือน (1 ตุลาคม 2568 – 31 มีนาคม 2569)", SIX_MONTHS[:2]), "O18")
    text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
    assert text.endswith("(ไม่ปรากฏเดือน " + ", ".join(SIX_MONTHS[2:]) + ")"), text


@pytest.mark.parametrize(
    ("heading", "covered"),
    [
        ("ระหว่างเดือนตุลาคม - ธันวาคม 2568", SIX_MONTHS[:3]),
        ("ไตรมาสที่ 1 ปีงบประมาณ 2569", SIX_MONTHS[:3]),
        ("รอบ 6 เดือนแรก ปีงบประมาณ 2569", SIX_MONTHS),
    ],
    ids=["range", "quarter", "half-year"],
)
def test_statistics_of_a_period_without_monthly_rows_cover_the_months_of_the_period(
    heading: str, covered: list[str]
) -> None:
    result = item(stats_site(heading, ["รวมตลอดช่วงเวลา"]), "O18")
    assert result.components[0].snippet == found(covered)
    if covered == SIX_MONTHS:
        assert_pass(result, ["complaint.stats"])
    else:
        text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
        assert text.endswith("(ไม่ปรากฏเดือน มกราคม 2569, กุมภาพันธ์ 2569, มีนาคม 2569)"), text


# --- the texts of gaps and unknowns: rules, parts, missing items ---------------------------------------------
def test_a_rule_gap_names_the_rule_in_english_gives_the_hint_and_keeps_what_was_seen() -> None:
    result = item(k.site(k.o3(), drop={"qa"}), "O3")
    qa_def = components()["contact.qa"]
    (gap,) = result.gaps
    qa = next(c for c in result.components if c.id == "contact.qa")
    assert qa.reason and qa.reason.startswith("พบเพียงอีเมลและหมายเลขโทรศัพท์")
    assert gap.text_th == f"ไม่เป็นไปตามหลักเกณฑ์ - {qa_def.rule_th} ({qa.reason})"
    assert gap.text_en == f"Rule not met - {qa_def.rule_en}"
    assert gap.hint_th == qa_def.hint_th


def test_a_rule_broken_without_anything_to_show_is_worded_without_a_detail() -> None:
    # A corruption complaint page offering only a visit in person: no online channel, and no phone, address or
    # e-mail to name instead.
    html = re.sub(
        r"<li>(ไปรษณีย์|โทรศัพท์|อีเมล):.*?</li>\n",
        "",
        str(k.o17()[0][k.COMPLAINT_PAGE]),
    )
    assert "ด้วยตนเอง" in html and "ไปรษณีย์:" not in html and "antifraud@" not in html
    site = k.site(pages={k.COMPLAINT_PAGE: html}, drop={"form", "gform", "line", "phone", "fax", "address", "email"})
    result = item(site, "O17")
    channel = components()["complaint.channel"]
    (gap,) = result.gaps
    assert gap.text_th == f"ไม่เป็นไปตามหลักเกณฑ์ - {channel.rule_th}"
    assert result.components[0].reason is None


def test_an_undecided_rule_says_why_in_the_items_reason() -> None:
    index = page("ita2569.html", "ITA 2569").replace(k.COMPLAINT_PAGE, k.COMPLAINT_MANUAL)
    result = item(k.site(k.o16(), index={k.INDEX_2569: index}), "O17")
    assert result.status == "unknown"
    detail = "ช่องทางออนไลน์ระบุไว้ในเอกสารเท่านั้น / the online channel is only named in a document"
    assert result.unknown_reason == f"complaint.channel: {reason('unknown.rule_undecided', detail=detail)}"
    assert result.components[0].reason == detail


def test_a_number_only_read_by_ocr_in_thai_digits_makes_the_item_unknown_saying_so() -> None:
    html = page("o3_contact.html", "ติดต่อเรา").replace(
        "</main>", "<p><a href='/files/contact.pdf'>แผ่นพับข้อมูลการติดต่อ (PDF)</a></p></main>"
    )
    leaflet = Read("ข้อมูลการติดต่อ องค์การบริหารส่วนตำบลโคกสว่าง โทรศัพท์ ๐-๔๓๔๑-๔๑๒๓", extractor="pdftotext+tesseract")
    site = k.site(
        k.o3(), drop={"phone", "fax"}, pages={"/contact.html": html}, documents={"/files/contact.pdf": leaflet}
    )
    result = item(site, "O3")
    phone = next(c for c in result.components if c.id == "contact.phone")
    assert (result.status, phone.status) == ("unknown", "unknown")
    assert phone.reason and phone.reason.endswith(f"({url('/files/contact.pdf')})")
    assert result.unknown_reason == f"contact.phone: {phone.reason}"


def test_an_absent_component_says_why_and_is_named_in_english() -> None:
    result = item(k.site(k.o15(drop={"code"})), "O15")
    code = result.components[0]
    assert (code.id, code.status, code.reason) == ("ethics.code", "missing", "ไม่พบเอกสารดังกล่าว / no such document")
    (gap,) = result.gaps
    assert gap.text_en == "Data component incomplete - no code of ethics"
    assert gap.hint_th == components()["ethics.code"].hint_th


def test_each_part_of_a_report_carries_its_label_and_a_missing_part_its_own_hint() -> None:
    result = item(k.site(k.o26(), drop={"summary"}), "O26")
    report = components()["integrity.report"]
    assert [(c.id, c.status, c.label_th) for c in result.components[1:]] == [
        (f.id, "missing" if f.id == "integrity.report.summary" else "present", f.label_th) for f in report.fields
    ]
    (gap,) = result.gaps
    assert gap.hint_th == report.fields[1].hint_th


def test_a_part_missing_from_a_report_beside_a_scan_is_unknown_with_its_label() -> None:
    # The O26 page offers the report (without its summary column) and a scanned annex: the summary may be in it.
    html = O26_PAGE_HTML.replace(
        "</p></main>", "</p><p><a href='/files/ita/integrity-annex.pdf'>ภาคผนวก</a></p></main>"
    )
    site = k.site(
        k.o26(),
        drop={"summary"},
        index={},
        pages={O26_PAGE: html},
        documents={"/files/ita/integrity-annex.pdf": Unreadable(SCANNED)},
    )
    result = item(site, "O26", declared={"O26": [url(O26_PAGE)]})
    summary = next(c for c in result.components if c.id == "integrity.report.summary")
    label = components()["integrity.report"].fields[1].label_th
    assert (summary.status, summary.label_th) == ("unknown", label)
    assert summary.reason == f"{SCANNED} ({url('/files/ita/integrity-annex.pdf')})"


def test_an_item_with_no_evidence_at_all_is_missing_by_its_title_with_its_confidence() -> None:
    result = item(k.site(index={}), "O26")
    o26 = next(i for i in load_catalog(2569).items if i.code == "O26")
    assert (result.status, result.confidence) == ("missing", o26.confidence)
    (gap,) = result.gaps
    assert (gap.text_th, gap.text_en) == (f"ไม่พบข้อมูล - {o26.title}", f"Not found - {o26.title}")


def test_a_first_half_item_whose_evidence_is_not_monthly_is_judged_by_its_fiscal_year() -> None:
    # A catalog may ask for the first half of the year of an item proven by a document (an HR plan): its
    # month-by-month reading is only for monthly evidence; the plan of 2569 meets the fiscal year.
    catalog = load_catalog(YEAR)
    items = [i.model_copy(update={"time": "first_half_current_fy"}) if i.code == "O13" else i for i in catalog.items]
    results, _ = evaluate_site_both(k.site(k.o13()), catalog.model_copy(update={"items": items}), YEAR, AS_OF)
    o13 = next(r for r in results if r.code == "O13")
    assert_pass(o13, ["hr.plan"])


HR_PLAN = "/files/hr/hr-plan-2569.pdf"


@pytest.mark.parametrize(
    ("label", "dated", "where"),
    [("รายละเอียด", True, "เนื้อหาเอกสาร"), ("รายละเอียด (ปีงบประมาณ พ.ศ. 2569)", False, "ข้อความของลิงก์")],
    ids=["text", "link-text"],
)
def test_evidence_meeting_the_fiscal_year_says_where_its_date_was_read(label: str, dated: bool, where: str) -> None:
    # The HR plan names ปีงบประมาณ พ.ศ. ๒๕๖๙ itself; without its years, the ITA page's link to it does.
    plan = str(k.o13()[1][HR_PLAN])
    if not dated:
        plan = re.sub(r"(พ\.ศ\.\s*)?(25\d\d|๒๕[๐-๙][๐-๙])", "", plan)
        assert not find_dates(plan)
    index = page("ita2569.html", "ITA 2569").replace(f'"{HR_PLAN}">รายละเอียด', f'"{HR_PLAN}">{label}')
    result = item(k.site(index={k.INDEX_2569: index}, documents={HR_PLAN: plan}), "O13")
    assert_pass(result, ["hr.plan"])
    snippet = result.components[0].snippet or ""
    assert snippet.endswith(f"… [วันที่จาก{where}]"), snippet


def test_evidence_naming_no_year_at_all_is_a_time_gap_for_the_year_assessed() -> None:
    plan = re.sub(r"(พ\.ศ\.\s*)?(25\d\d|๒๕[๐-๙][๐-๙])", "", str(k.o13()[1][HR_PLAN]))
    result = item(k.site(documents={HR_PLAN: plan}), "O13")
    hr_plan = components()["hr.plan"]
    text = k.assert_one_gap(result, "time", "hr.plan", TIME_GAP)
    assert text == f"ไม่ครบองค์ประกอบด้านเวลา - ไม่ปรากฏ{hr_plan.label_th} ปีงบประมาณ พ.ศ. 2569"
    (gap,) = result.gaps
    assert gap.text_en == "Time component incomplete - no HR plan for fiscal year 2569"
    assert gap.hint_th == hr_plan.hint_th


def test_only_monthly_evidence_is_judged_month_by_month() -> None:
    # An announcement of O11 names a month (the winner of October's garbage collection): announcements are judged
    # by the fiscal year they belong to, not as a summary of October alone.
    pages, documents = k.o11()
    announcements = "/procurement/announce-2569.html"
    road = "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 7 บ้านหนองไผ่"
    assert road in str(pages[announcements])
    pages[announcements] = str(pages[announcements]).replace(road, "จ้างเหมาบริการจัดเก็บขยะมูลฝอย ประจำเดือนตุลาคม 2568")
    assert_pass(item(k.site((pages, documents)), "O11"), O11)


def test_each_component_judged_carries_its_thai_label() -> None:
    result = item(k.site(k.o3()), "O3")
    o3 = ["contact.address", "contact.phone", "contact.email", "contact.map", "contact.social", "contact.qa"]
    assert [(c.id, c.label_th) for c in result.components] == [(cid, components()[cid].label_th) for cid in o3]


def test_evidence_shown_for_a_component_is_cut_to_300_characters() -> None:
    # The structure chart is an image on Facebook's CDN, without alt text: its address is what is shown.
    cdn = (
        "https://scontent.fkkc3-1.fna.fbcdn.net/v/t39.30808-6/471234567_1122334455667788_orgchart_n.jpg"
        "?_nc_cat=105&ccb=1-7&_nc_sid=127cfc&_nc_ohc=Qm9yZ2NoYXJ0a29rc2F3YW5nMjU2OQ7kNvgGk3xYz"
        "&_nc_zt=23&_nc_ht=scontent.fkkc3-1.fna&_nc_gid=AbCdEfGhIjKlMnOpQrStUvWx&oh=00_AYDk3Jx9"
        "Zq8wVbN4tLmPq2RsTuVwXyZaBcDeFgHiJkLmNo&oe=6790ABCD&_nc_rid=1234567890abcdef"
    )
    assert len(cdn) > 300
    html = page("o1_structure.html", "โครงสร้างส่วนราชการ")
    old = re.search(r'<img src="[^"]*chart[^"]*" alt="[^"]*"', html)
    assert old is not None
    pages, documents = k.o1()
    pages["/about/structure.html"] = html.replace(old.group(0), f'<img src="{cdn.replace("&", "&amp;")}" alt=""')
    result = item(k.site((pages, documents)), "O1")
    chart = next(c for c in result.components if c.id == "org.chart")
    assert (chart.status, chart.snippet) == ("present", cdn[:300])


def test_a_page_that_lists_the_other_evidence_is_not_the_evidence_of_the_activity() -> None:
    # The No Gift page lists the announcement, the report and the activity news: the news is the activity's evidence.
    result = item(k.site(k.o20()), "O20")
    activity = next(c for c in result.components if c.id == "nogift.activity")
    assert activity.evidence_url == url("/news/nogift-activity-2569.html")


@pytest.mark.parametrize("link", ["O18 ต.ค. 2568", "O18 ตุลาคม 2568", "OIT18 ตุลาคม 2568"])
def test_an_item_code_before_the_month_of_the_link_is_no_day_of_it(link: str) -> None:
    # ITA index pages write the item's code before the title: "O18" is not the 18th of October, and the
    # statistics are October's
    result = item(stats_site("ข้อมูลสถิติ", ["รวมตลอดช่วงเวลา"], link), "O18")
    assert result.components[0].snippet == found(SIX_MONTHS[:1])
