"""A page that only names a report and links its file is not the report. Municipal CMSs publish an item as a
holder page: a heading and a sentence that repeat the report's name ("รายงานผลการดำเนินการตามมาตรการจัดการความเสี่ยง
การทุจริต … รายละเอียดตามเอกสารแนบ") and a link to the PDF. What the report holds (its measures, its results)
must be read from the report: on the page, the words after the first group of a report component count only
outside the page's title, the label that led to it and the labels of its own links (`content_outside_names`).
When the file is dead the item is the dead-link finding, never a pass on the page's wording."""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import RULE_GAP, Unreadable, gaps, item, page, statuses

HOLDER = "/ita/2569/o22.html"
INDEX_O22 = '<a href="/files/ita/risk-report-2568.pdf">รายละเอียด</a>'

HOLDERS = {
    # A shared-hosting CMS: the item's page repeats the report's name and says "see the attachment".
    "cms": (
        "รายงานผลการจัดการความเสี่ยงการทุจริต",
        "<h2>O22 รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต</h2>"
        "<p>รายงานผลการดำเนินการตามมาตรการจัดการความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2568"
        " รายละเอียดตามเอกสารแนบ</p>"
        f'<p><a href="{k.RISK_REPORT}">ดาวน์โหลดเอกสาร</a></p>',
    ),
    # A WordPress post: the link label itself carries the report's full name and its results' wording.
    "wordpress": (
        "O22 รายงานผลการดำเนินการ – อบต.โคกสว่าง",
        "<h1>O22 รายงานผลการดำเนินการ</h1><p>"
        f'<a href="{k.RISK_REPORT}">รายงานผลการจัดการความเสี่ยงการทุจริต มาตรการควบคุม ผลการจัดการความเสี่ยง'
        " ประจำปีงบประมาณ 2568 (PDF)</a></p>",
    ),
}


def _site(style: str, report: str | Unreadable | None) -> object:
    title, body = HOLDERS[style]
    ita = k.index_2569()
    ita[k.INDEX_2569] = str(ita[k.INDEX_2569]).replace(INDEX_O22, f'<a href="{HOLDER}">รายละเอียด</a>')
    documents = {} if report is None else {k.RISK_REPORT: report}
    return k.site(index=ita, pages={HOLDER: page_of(title, body)}, documents=documents)


def page_of(title: str, body: str) -> str:
    return page("o1_structure.html", title).split("<h1>")[0] + body + "</body></html>"


@pytest.mark.parametrize("style", HOLDERS)
def test_a_page_that_only_names_the_report_is_not_the_report(style: str) -> None:
    result = item(_site(style, Unreadable("สแกนอ่านไม่ได้ / unreadable scan")), "O22")
    assert result.status != "pass", statuses(result)


@pytest.mark.parametrize("style", HOLDERS)
def test_a_holder_page_whose_file_is_dead_is_the_dead_link_finding(style: str) -> None:
    result = item(_site(style, Unreadable("HTTP 404", status=404)), "O22")
    assert result.status == "gap", statuses(result)
    assert any((RULE_GAP + "ลิงก์ไม่สามารถเข้าถึงได้") in text for _, _, text in gaps(result))


@pytest.mark.parametrize("style", HOLDERS)
def test_the_holder_page_passes_through_its_report(style: str) -> None:
    result = item(_site(style, k.o22()[1][k.RISK_REPORT]), "O22")
    assert statuses(result) == {"risk.report": "present"}
