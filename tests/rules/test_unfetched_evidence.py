"""Evidence that was never read makes nothing "missing".

An item is "missing" only when every page and file that could hold it was read. A file the site links for the
item but the crawler never stored (Google Drive refused or did not answer, a PDF on another host, a file out of
the crawl's budget) or stored only as a failed fetch (a timeout) leaves the item unknown, with the reason and
the URL to open. A dead link (404/410) stays a finding of its own (tests/rules/test_dead_links*.py), and a file
that was read and lacks the item is still a gap.

Two styles of site: a Google Sites page whose only content is a link to a Drive file (share link or direct
download), and a shared-hosting CMS whose ITA index links a PDF kept on another host.
"""

from __future__ import annotations

import pytest

from rules.site import MemorySite
from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, RULE_GAP, Content, Unreadable, fixture, gaps, item, page, statuses, url

DRIVE_SHARE = "https://drive.google.com/file/d/1qA7mZx0RkP2bVnT4cLs9HdE3fGyW8uJi/view?usp=sharing"
DRIVE_FILE = "https://drive.google.com/uc?export=download&id=1qA7mZx0RkP2bVnT4cLs9HdE3fGyW8uJi"
OTHER_HOST_PDF = "https://data.koksawang-km.org/ita/2568/anticorruption-report-2568.pdf"
RISK_PAGE = "/ita/2569/o22-risk-report.html"
INDEX_O22 = '<a href="/files/ita/risk-report-2568.pdf">รายละเอียด</a>'
INDEX_O24 = '<a href="/files/ita/anticorruption-report-2568.pdf">รายละเอียด</a>'


def _index(o22: str | None = None, o24: str | None = None) -> dict[str, Content]:
    ita = page("ita2569.html", "ITA 2569 การประเมินคุณธรรมและความโปร่งใส")
    assert INDEX_O22 in ita and INDEX_O24 in ita
    if o22:
        ita = ita.replace(INDEX_O22, f'<a href="{o22}">รายละเอียด</a>')
    if o24:
        ita = ita.replace(INDEX_O24, f'<a href="{o24}">รายละเอียด</a>')
    return {k.INDEX_2569: ita}


def _drive_site(link: str, documents: dict[str, Content] | None = None) -> MemorySite:
    pages = {RISK_PAGE: page("o22_gsites_drive.html", "รายงานผลการจัดการความเสี่ยงการทุจริต", file=link)}
    return k.site(index=_index(o22=RISK_PAGE), pages=pages, documents=documents)


def _assert_unknown_naming(result, target: str, why: str) -> None:  # type: ignore[no-untyped-def]
    assert result.status == "unknown", (result.status, gaps(result))
    assert result.gaps == []
    assert target in (result.unknown_reason or "") and why in (result.unknown_reason or ""), result.unknown_reason
    assert set(statuses(result).values()) == {"unknown"}
    assert {c.evidence_url for c in result.components} == {target}


@pytest.mark.parametrize("link", [DRIVE_SHARE, DRIVE_FILE])
def test_drive_file_never_fetched_leaves_the_item_unknown(link: str) -> None:
    # No record of the file: Drive's robots.txt could not be read, or the host did not answer.
    _assert_unknown_naming(item(_drive_site(link), "O22"), DRIVE_FILE, "ไม่ได้ดาวน์โหลดไฟล์นี้")


def test_drive_file_that_timed_out_leaves_the_item_unknown() -> None:
    documents: dict[str, Content] = {DRIVE_FILE: Unreadable("หมดเวลารอการตอบกลับ (timeout) / read timeout")}
    _assert_unknown_naming(item(_drive_site(DRIVE_SHARE, documents), "O22"), DRIVE_FILE, "timeout")


def test_pdf_on_another_host_linked_from_the_index_leaves_the_item_unknown() -> None:
    result = item(k.site(index=_index(o24=OTHER_HOST_PDF)), "O24")
    assert result.status == "unknown", (result.status, gaps(result))
    assert OTHER_HOST_PDF in (result.unknown_reason or "") and "ไม่ได้ดาวน์โหลดไฟล์นี้" in (result.unknown_reason or "")


def test_file_on_the_site_never_fetched_leaves_the_item_unknown() -> None:
    # Out of the crawl's budget: the index links it, the store has no record of it.
    result = item(k.site(index=_index()), "O24")
    assert result.status == "unknown", (result.status, gaps(result))
    assert url(k.ANTICORRUPTION_REPORT) in (result.unknown_reason or "")


def test_drive_file_read_without_the_report_is_still_a_gap() -> None:
    # Read, and it is last year's risk assessment, not the report on it: the component is truly missing.
    read = fixture("o21_risk_assessment.txt", fy="2568", meeting="15 ตุลาคม 2567")
    result = item(_drive_site(DRIVE_SHARE, {DRIVE_FILE: read}), "O22")
    assert result.status == "gap", (result.status, result.unknown_reason)
    assert [(kind, cid) for kind, cid, _ in gaps(result)] == [("data", "risk.report")]
    assert result.gaps[0].text_th.startswith(DATA_GAP)


def test_drive_file_read_with_the_report_passes() -> None:
    text = fixture("o22_risk_report.txt", fy="2568", period="1 ตุลาคม 2567 – 30 กันยายน 2568", signed="20 ตุลาคม 2568")
    result = item(_drive_site(DRIVE_SHARE, {DRIVE_FILE: text}), "O22")
    assert result.status == "pass", (result.status, result.unknown_reason, gaps(result))


def test_drive_file_answering_404_is_still_a_dead_link() -> None:
    result = item(_drive_site(DRIVE_SHARE, {DRIVE_FILE: Unreadable("HTTP 404", status=404)}), "O22")
    assert result.status == "gap", (result.status, result.unknown_reason)
    assert any(g.text_th.startswith(RULE_GAP + "ลิงก์ไม่สามารถเข้าถึงได้") for g in result.gaps), gaps(result)


REPORT_PAGE = "/public/list/data/detail/id/5682/menu/1203"
GAZETTE_PDF = "https://www.ratchakitcha.soc.go.th/DATA/PDF/2561/A/041/T_0001.PDF"


def _report_page(*links: tuple[str, str]) -> dict[str, Content]:
    """A shared-hosting CMS's item page: a heading and a list of attached files."""
    anchors = "".join(f'<li><a href="{href}" target="_blank">{label}</a></li>' for label, href in links)
    content = f'<div id="content"><h1>รายงานผลการดำเนินการป้องกันการทุจริต</h1><ul class="files">{anchors}</ul></div>'
    return {REPORT_PAGE: fixture("layout.html", title="รายงานผลการดำเนินการป้องกันการทุจริต", content=content)}


def test_pdf_on_another_host_linked_from_the_evidence_page_leaves_the_item_unknown() -> None:
    pages = _report_page(("รายงานผลการดำเนินการป้องกันการทุจริต ประจำปี 2568", OTHER_HOST_PDF))
    result = item(k.site(index=_index(o24=REPORT_PAGE), pages=pages), "O24")
    assert result.status == "unknown", (result.status, gaps(result))
    assert OTHER_HOST_PDF in (result.unknown_reason or "")


def test_unrelated_file_on_another_host_does_not_hide_a_gap() -> None:
    # The act in the Royal Gazette, linked for reference, cannot hold the agency's report: still a gap.
    pages = _report_page(("พระราชบัญญัติประกอบรัฐธรรมนูญว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561", GAZETTE_PDF))
    result = item(k.site(index=_index(o24=REPORT_PAGE), pages=pages), "O24")
    assert result.status == "gap", (result.status, result.unknown_reason)
    assert GAZETTE_PDF not in {e.url for e in result.evidence}
