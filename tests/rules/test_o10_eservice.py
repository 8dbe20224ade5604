"""ITA 2569 O10 E-Service: a working online request channel, how to use it, and service statistics.

A form to download, print and bring to the office is not an online service ("ไม่ใช่การให้บริการออนไลน์").
"""

from __future__ import annotations

import pytest

from rules import catalog as catalog_module
from rules.catalog import CatalogError, components
from tests.rules import koksawang as k
from tests.rules.sitebuilder import (
    DATA_GAP,
    RULE_GAP,
    Unreadable,
    assert_only_gap,
    assert_pass,
    drop_parts,
    fixture,
    item,
    page,
    statuses,
)

COMPONENTS = ["eservice.online", "eservice.usage_guide", "eservice.stats"]


def test_passes_with_online_forms_guide_and_statistics() -> None:
    result = item(k.site(k.o10()), "O10")
    assert_pass(result, COMPONENTS)
    online = next(c for c in result.components if c.id == "eservice.online")
    assert "forms.gle" in (online.snippet or "")


@pytest.mark.parametrize(
    ("cid", "drop", "label"),
    [
        ("eservice.online", {"online", "download"}, "ระบบการให้บริการออนไลน์ (E-Service)"),
        ("eservice.usage_guide", {"guide"}, "รายละเอียดวิธีการใช้งานระบบการให้บริการ"),
        ("eservice.stats", {"stats"}, "ข้อมูลสถิติการให้บริการ"),
    ],
)
def test_one_component_absent_is_a_data_gap(cid: str, drop: set[str], label: str) -> None:
    # The page keeps the site's search box and a breadcrumb link "E-Service" to itself: neither is a service.
    result = item(k.site(k.o10(), drop=drop), "O10")
    assert_only_gap(result, "data", cid, DATA_GAP + label)


def test_only_a_downloadable_pdf_form_is_not_online() -> None:
    result = item(k.site(k.o10(), drop={"online"}), "O10")
    text = assert_only_gap(result, "rule", "eservice.online", RULE_GAP)
    assert "ไม่ใช่การให้บริการออนไลน์" in text
    assert "form-garbage.pdf" in text or "form-disaster.pdf" in text


def test_a_web_form_on_the_site_is_online() -> None:
    # No Google Form: the agency's own request form (with a text area) on its e-service page.
    form = (
        '<!-- part:online --><h2>ยื่นคำร้องออนไลน์</h2>\n<form action="/eservice/submit.php" method="post">'
        '<label>ชื่อ-นามสกุล <input type="text" name="fullname"></label>'
        '<label>เรื่องที่ขอรับบริการ <textarea name="detail"></textarea></label>'
        '<button type="submit">ส่งคำร้อง</button></form><!-- /part:online -->'
    )
    pages, documents = k.o10()
    html = str(pages["/eservice/index.html"])
    start, end = html.index("<!-- part:online -->"), html.index("<!-- /part:online -->") + len("<!-- /part:online -->")
    result = item(k.site((pages, documents), pages={"/eservice/index.html": html[:start] + form + html[end:]}), "O10")
    assert result.status == "pass", result.gaps


# --- components that cannot exist without the online system (`requires` in components.toml) ------------------
SCANNED = "ไฟล์ PDF เป็นภาพสแกน ไม่มีชั้นข้อความให้อ่าน (ต้องใช้ OCR)"
SCANNED_FORM = "/files/eservice/form-general-scan.pdf"
SCANNED_NOTICE = "/files/eservice/service-notice-scan.pdf"


def _with_scanned_form(html: str) -> str:
    link = f'<p><a href="{SCANNED_FORM}">คำร้องทั่วไป (ไฟล์สแกน)</a></p>'
    return html.replace("</main>", link + "</main>")


def _with_scanned_notice(html: str) -> str:
    link = f'<p><a href="{SCANNED_NOTICE}">ประกาศ อบต.โคกสว่าง เรื่อง การให้บริการประชาชน (ไฟล์สแกน)</a></p>'
    return html.replace("</main>", "<p>ระบบยื่นคำร้องออนไลน์อยู่ระหว่างการพัฒนา</p>" + link + "</main>")


def _data_gaps(result) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [g.component for g in result.gaps if g.kind == "data"]


@pytest.mark.parametrize("style", ["cms", "wordpress"])
def test_no_online_system_makes_its_guide_and_statistics_missing_not_unknown(style: str) -> None:
    # The E-Service page says the online system is being built and links a scanned notice: nothing can be read in
    # the scan, yet neither an online system (never inside a PDF) nor a usage guide or statistics of a system that
    # does not exist can be in it.
    if style == "cms":
        html = page("o10_eservice.html", "E-Service บริการออนไลน์")
        html = _with_scanned_notice(drop_parts(html, {"online", "download", "guide", "stats"}))
        path, scan = "/eservice/index.html", SCANNED_NOTICE
    else:
        html = fixture("eservice/wp_no_online.html")
        path, scan = "/eservice/index.html", "/wp-content/uploads/2025/11/ประกาศการให้บริการ-สแกน.pdf"
    result = item(k.site(pages={path: html}, documents={scan: Unreadable(SCANNED)}), "O10")
    assert result.status == "gap", (result.status, result.unknown_reason)
    assert statuses(result) == dict.fromkeys(COMPONENTS, "missing")
    assert _data_gaps(result) == COMPONENTS
    assert all(g.text_th.startswith(DATA_GAP) for g in result.gaps)


def test_only_downloadable_forms_leave_no_guide_or_statistics_of_an_online_system() -> None:
    pages, documents = k.o10()
    html = _with_scanned_form(drop_parts(str(pages["/eservice/index.html"]), {"online", "guide", "stats"}))
    site = k.site(
        (pages, documents), pages={"/eservice/index.html": html}, documents={SCANNED_FORM: Unreadable(SCANNED)}
    )
    result = item(site, "O10")
    assert result.status == "gap"
    assert statuses(result) == {
        "eservice.online": "present",
        "eservice.usage_guide": "missing",
        "eservice.stats": "missing",
    }
    assert [(g.kind, g.component) for g in result.gaps] == [
        ("rule", "eservice.online"),
        ("data", "eservice.usage_guide"),
        ("data", "eservice.stats"),
    ]


def test_with_the_online_system_an_unreadable_form_still_leaves_the_guide_unknown() -> None:
    # The dependency only applies without the parent: with an online system, the guide may be in the scan.
    pages, documents = k.o10()
    html = _with_scanned_form(drop_parts(str(pages["/eservice/index.html"]), {"guide"}))
    site = k.site(
        (pages, documents), pages={"/eservice/index.html": html}, documents={SCANNED_FORM: Unreadable(SCANNED)}
    )
    result = item(site, "O10")
    assert result.status == "unknown"
    assert statuses(result)["eservice.usage_guide"] == "unknown"
    assert statuses(result)["eservice.online"] == "present"


def test_a_catalog_listing_a_dependent_component_without_its_parent_is_rejected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = {
        "year": 2999,
        "items": [
            {"code": "O10", "title": "E-Service", "subindicator": "9.2", "confidence": "1", "time": "none",
             "components": ["eservice.usage_guide", "eservice.online"]},
        ],
    }  # fmt: skip
    monkeypatch.setattr(catalog_module, "_read_toml", lambda name: body)
    with pytest.raises(CatalogError, match=r"without its parent 'eservice\.online'"):
        catalog_module._load_year.__wrapped__(2999)
    assert components()["eservice.stats"].requires == "eservice.online"
