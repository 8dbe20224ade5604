"""Item statuses beyond pass/gap: nothing found ("missing", ไม่พบข้อมูล) and could-not-read ("unknown",
ตรวจสอบไม่ได้). Unreadable evidence (a scanned PDF, a page that failed to load) is never called missing and
never passes: a person has to look."""

from __future__ import annotations

from datetime import date

from rules.catalog import load_catalog
from tests.rules import koksawang as k
from tests.rules.sitebuilder import Unreadable, component, evaluate_site_both, fixture, item, page, statuses, url

SCANNED = "ไฟล์ PDF เป็นภาพสแกน ไม่มีชั้นข้อความให้อ่าน (ต้องใช้ OCR)"


def test_item_with_no_evidence_anywhere_is_missing() -> None:
    # A site with structure, executives and contact pages, no ITA page, and nothing about No Gift.
    menu = [
        ("โครงสร้างส่วนราชการ", "/about/structure.html"),
        ("อำนาจหน้าที่", "/about/authority.html"),
        ("คณะผู้บริหาร", "/about/executives.html"),
        ("ติดต่อเรา", "/contact.html"),
    ]
    result = item(k.site(k.o1(), k.o2(), k.o3(), index={}, menu=menu), "O20")
    assert result.status == "missing"
    assert [(g.kind, g.component) for g in result.gaps] == [("not_found", None)]
    assert result.gaps[0].text_th.startswith("ไม่พบข้อมูล")
    assert result.evidence == [] and result.components == []


def test_only_evidence_a_scanned_pdf_is_unknown_with_the_reason() -> None:
    # The menu links the No Gift announcement straight to a scan: nothing can be read, nothing judged.
    scan = "/files/ita/2569/nogift-2569-scan.pdf"
    site = k.site(
        index={},
        menu=[("ประกาศเจตนารมณ์ No Gift Policy ปี 2569", scan)],
        documents={scan: Unreadable(SCANNED)},
    )
    result = item(site, "O20")
    assert result.status == "unknown"
    assert result.unknown_reason and SCANNED in result.unknown_reason
    assert result.gaps == []
    assert [e.url.rsplit("/", 1)[-1] for e in result.evidence] == ["nogift-2569-scan.pdf"]


def test_page_that_failed_to_load_is_unknown_not_missing() -> None:
    result = item(k.site(k.o2(), pages={"/about/executives.html": Unreadable("HTTP 503")}), "O2")
    assert result.status == "unknown"
    assert "HTTP 503" in (result.unknown_reason or "")


def test_component_absent_while_another_source_is_unreadable_is_unknown() -> None:
    # The duties are only in a scanned PDF linked from the authority page: org.authority cannot be judged,
    # everything else is present, so the item is unknown (not a gap, not a pass).
    authority = fixture(
        "layout.html",
        title="อำนาจหน้าที่",
        content='<h1>อำนาจหน้าที่</h1>\n<p><a href="/files/about/authority-scan.pdf">อำนาจหน้าที่ขององค์การบริหารส่วนตำบลโคกสว่าง'
        " (ไฟล์ PDF)</a></p>",
    )
    site = k.site(
        k.o1(),
        pages={"/about/authority.html": authority},
        documents={"/files/about/authority-scan.pdf": Unreadable(SCANNED)},
    )
    result = item(site, "O1")
    assert result.status == "unknown"
    assert result.gaps == []
    assert component(result, "org.authority") == "unknown"
    assert {c: s for c, s in statuses(result).items() if c != "org.authority"} == dict.fromkeys(
        ["org.chart", "org.units", "org.political", "org.civil"], "present"
    )
    authority_result = next(c for c in result.components if c.id == "org.authority")
    assert authority_result.reason and SCANNED in authority_result.reason
    assert "org.authority" in (result.unknown_reason or "")


def test_unreadable_source_does_not_hide_a_real_gap() -> None:
    # A component found absent in readable evidence stays unknown only while something is unreadable; a
    # rule that fails on what was read is still a gap.
    pages, documents = k.o20(signer=k.PALAD)
    scan = "/files/ita/2569/nogift-order-scan.pdf"
    landing = str(pages["/ita/nogift-2569.html"]).replace(
        "</ul>", f'<li><a href="{scan}">คำสั่งแต่งตั้งคณะทำงานขับเคลื่อน No Gift Policy (สแกน)</a></li>\n</ul>'
    )
    site = k.site((pages, documents), pages={"/ita/nogift-2569.html": landing}, documents={scan: Unreadable(SCANNED)})
    result = item(site, "O20")
    assert any(e.url.endswith("nogift-order-scan.pdf") for e in result.evidence)
    assert result.status == "gap"
    assert [(g.kind, g.component) for g in result.gaps] == [("rule", "nogift.announcement")]


def test_unimplemented_items_say_so() -> None:
    # Every 2569 item is implemented; 2568 still lists codes the tool cannot check (known = false).
    catalog = load_catalog(2568)
    code = next(i.code for i in catalog.items if not i.implemented)
    results, _ = evaluate_site_both(k.site(), catalog, 2568, date(2025, 5, 15))
    result = next(r for r in results if r.code == code)
    assert result.status == "unknown"
    assert "not implemented" in (result.unknown_reason or "")


def test_page_helper_renders_inside_the_site_layout() -> None:
    html = page("o3_contact.html", "ติดต่อเรา")
    assert "<title>ติดต่อเรา - องค์การบริหารส่วนตำบลโคกสว่าง</title>" in html and "{{" not in html


def test_each_component_carries_its_criterions_confidence() -> None:
    """ITA 2568 O3: the two-way Q&A requirement is quoted from the NACC [C]; the other parts are inferred [I]."""
    catalog = load_catalog(2568)
    items, _ = evaluate_site_both(k.site(k.o3()), catalog, 2568, date(2025, 5, 15))
    o3 = next(i for i in items if i.code == "O3")
    confidences = {c.id: c.confidence for c in o3.components}
    assert confidences["contact.qa"] == "C"
    assert {confidences[c] for c in ("contact.address", "contact.phone", "contact.map")} == {"I"}


def test_a_javascript_shell_is_unknown_not_missing() -> None:
    """The crawler flags a page whose raw HTML is a script shell: what it lacks may be on the rendered page."""
    site = k.site(k.o3())
    contact = site.page(url("/contact.html"))
    assert contact is not None
    shell = contact.model_copy(update={"needs_browser": True, "text": "กำลังโหลด...", "html": "<div id=app></div>",
                                       "links": []})  # fmt: skip
    site._pages[contact.url] = shell
    o3 = item(site, "O3")
    assert o3.status == "unknown"
    assert "ต้องใช้เบราว์เซอร์" in (o3.unknown_reason or "")
