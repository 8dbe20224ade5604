"""What the verdict of an item says, field by field, in the cases the evaluator words itself (rules/evaluate.py).

- A report whose parts are sub-components (O26): each part it misses is a gap naming the part in both languages;
  when the report itself cannot be read (a scanned PDF), each part is unknown for the same reason.
- A guideline that names itself and holds none of its parts (O16's covering notice): the guideline is missing
  "for none of its parts", one gap with the guideline's own hint, about the fiscal year assessed.
- Every evidence link dead: each component and part missing at the dead URL, with the server's answer and the
  criterion's confidence; the finding lists the answer (its Thai half) after the URL.
- Items a year's catalog knows only vaguely (ITA 2568 O5-O7) are reported unchecked, with their sub-indicator.
"""

from __future__ import annotations

from datetime import date

from rules.catalog import components, load_catalog
from rules.results import reason
from tests.rules import koksawang as k
from tests.rules.sitebuilder import Unreadable, build_site, evaluate_site_both, gaps, home, item, url

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
