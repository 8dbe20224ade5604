"""Dead links (shared/ita/document-forms.md, "Links that do not work").

An evidence link the server answers with 404 or 410, or with a "page not found" page (a soft 404: WordPress's
error page, a web server's bare 404 page served as 200, an old CMS's "ไม่พบไฟล์" notice), is the site's definite
answer: the assessors fail the item, "ไม่เป็นไปตามหลักเกณฑ์ - ลิงก์ไม่สามารถเข้าถึงได้", with the dead URL as
evidence. A timeout, a 5xx, a 429, a robots.txt refusal or a TLS failure is no such answer: unknown, with why.
A dead link beside readable evidence does not change how that evidence is judged.
"""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import RULE_GAP, Unreadable, fixture, gaps, item, page, statuses, url

DEAD_GAP = RULE_GAP + "ลิงก์ไม่สามารถเข้าถึงได้"
NOGIFT_PDF = "/files/ita/2569/nogift-announcement-2569.pdf"
NOGIFT_PAGE = "/ita/nogift-2569.html"
NOGIFT_COMPONENTS = ["nogift.announcement", "nogift.activity", "nogift.report"]
MENU = [("ประกาศเจตนารมณ์ No Gift Policy ปี 2569", NOGIFT_PDF)]


def assert_dead_link_gap(result, dead: str) -> None:  # type: ignore[no-untyped-def]
    """Gap with one finding, the dead link, which names the URL; every component missing there."""
    assert result.status == "gap", (result.status, result.unknown_reason)
    assert [(kind, cid) for kind, cid, _ in gaps(result)] == [("rule", None)], gaps(result)
    text = result.gaps[0].text_th
    assert text.startswith(DEAD_GAP) and url(dead) in text, text
    assert statuses(result) == dict.fromkeys(statuses(result), "missing") and statuses(result)
    assert {c.evidence_url for c in result.components} == {url(dead)}
    assert [e.url for e in result.evidence] == [url(dead)]


@pytest.mark.parametrize("status", [404, 410])
@pytest.mark.parametrize("stored_as", ["document", "page"])
def test_the_only_file_answering_404_or_410_is_a_gap_with_the_dead_url(status: int, stored_as: str) -> None:
    # The crawler stores a dead PDF link as a document, or as a page when the server sent its HTML error page.
    dead = {NOGIFT_PDF: Unreadable(f"HTTP {status}", status=status)}
    site = k.site(index={}, menu=MENU, **{"documents" if stored_as == "document" else "pages": dead})  # type: ignore[arg-type]
    result = item(site, "O20")
    assert_dead_link_gap(result, NOGIFT_PDF)
    assert statuses(result).keys() == set(NOGIFT_COMPONENTS)
    assert f"HTTP {status}" in (result.gaps[0].text_en or "")


@pytest.mark.parametrize(
    "not_found",
    [
        fixture("dead/wp_404.html"),  # WordPress theme's 404 template: full menu and footer around it
        fixture("dead/nginx_404_200.html"),  # a web server's bare error page, served with 200
        fixture("dead/cms_file_missing.html"),  # an old CMS's notice, the title only the site's name
        page("o1_structure.html", "ไม่พบหน้าที่คุณต้องการ").replace("<h1>", "<h1>Page not found "),  # the layout's
    ],
    ids=["wordpress", "nginx", "old-cms", "layout"],
)
def test_a_page_not_found_page_served_as_200_is_a_dead_link(not_found: str) -> None:
    result = item(k.site(pages={NOGIFT_PAGE: not_found}), "O20")
    assert_dead_link_gap(result, NOGIFT_PAGE)


@pytest.mark.parametrize(
    ("reason", "status"),
    [
        ("HTTP 503", 503),
        ("HTTP 500", 500),
        ("HTTP 429", 429),
        ("หมดเวลารอการตอบกลับ / timed out", None),
        ("ใบรับรอง TLS ไม่ถูกต้อง / TLS certificate invalid", None),
    ],
    ids=["503", "500", "429", "timeout", "tls"],
)
def test_no_definite_answer_stays_unknown_with_the_reason(reason: str, status: int | None) -> None:
    result = item(k.site(index={}, menu=MENU, documents={NOGIFT_PDF: Unreadable(reason, status=status)}), "O20")
    assert result.status == "unknown" and result.gaps == []
    assert reason in (result.unknown_reason or "")


def test_a_link_robots_txt_kept_the_crawler_from_stays_unknown() -> None:
    result = item(k.site(index={}, menu=MENU), "O20")  # linked, never fetched
    assert result.status == "unknown"
    assert "robots.txt" in (result.unknown_reason or "")


def test_a_dead_link_beside_passing_evidence_does_not_turn_the_pass_into_unknown() -> None:
    pages, documents = k.o20()
    extra = '<li><a href="/files/ita/2569/nogift-order-2569.pdf">คำสั่งแต่งตั้งคณะทำงาน No Gift Policy</a></li>\n</ul>'
    landing = str(pages[NOGIFT_PAGE]).replace("</ul>", extra)
    dead = {"/files/ita/2569/nogift-order-2569.pdf": Unreadable("HTTP 404", status=404)}
    result = item(k.site((pages, documents), pages={NOGIFT_PAGE: landing}, documents=dead), "O20")
    assert result.status == "pass", gaps(result)
    assert statuses(result) == dict.fromkeys(NOGIFT_COMPONENTS, "present")


def test_a_dead_link_beside_failing_evidence_is_named_with_the_other_gaps() -> None:
    pages, documents = k.o20(signer=k.PALAD)
    extra = '<li><a href="/files/ita/2569/nogift-order-2569.pdf">คำสั่งแต่งตั้งคณะทำงาน No Gift Policy</a></li>\n</ul>'
    landing = str(pages[NOGIFT_PAGE]).replace("</ul>", extra)
    dead = {"/files/ita/2569/nogift-order-2569.pdf": Unreadable("HTTP 410", status=410)}
    result = item(k.site((pages, documents), pages={NOGIFT_PAGE: landing}, documents=dead), "O20")
    assert result.status == "gap"
    assert [(kind, cid) for kind, cid, _ in gaps(result)] == [("rule", "nogift.announcement"), ("rule", None)]
    assert "nogift-order-2569.pdf" in result.gaps[1].text_th


def test_a_page_whose_only_document_is_dead_is_a_gap_not_unknown() -> None:
    # The landing page is there; the announcement it lists answers 404 and nothing else holds the parts.
    landing = page("o20_nogift.html", "No Gift Policy", announcement_fy="2569")
    landing = landing.split("<!-- part:activity -->")[0] + "</ul>"
    result = item(
        k.site(pages={NOGIFT_PAGE: landing}, documents={NOGIFT_PDF: Unreadable("HTTP 404", status=404)}), "O20"
    )
    assert result.status == "gap", (result.status, result.unknown_reason)
    assert any(g.text_th.startswith(DEAD_GAP) and url(NOGIFT_PDF) in g.text_th for g in result.gaps)


def test_dead_and_unreadable_together_stay_unknown() -> None:
    # Nothing readable: the scan may hold the parts, so the item is not failed on the dead link alone.
    scan = "/files/ita/2569/nogift-report-scan.pdf"
    menu = [*MENU, ("รายงานผล No Gift Policy ปี 2569", scan)]
    documents = {NOGIFT_PDF: Unreadable("HTTP 404", status=404), scan: Unreadable("ไฟล์ PDF เป็นภาพสแกน")}
    result = item(k.site(index={}, menu=menu, documents=documents), "O20")
    assert result.status == "unknown"
    assert "ภาพสแกน" in (result.unknown_reason or "") and "HTTP 404" in (result.unknown_reason or "")
