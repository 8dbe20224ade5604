"""The organisation chart (image_or_document, rules/checks/text.py) linked rather than shown: a structure page whose
chart is a link to the picture or the file (any image format, upper-case extensions of old sites, a cache-busting
query string) has it; a link to another page, however it is labelled, is no chart."""

from __future__ import annotations

import pytest

from rules.catalog import components
from rules.checks import Context, Finding, Hit
from rules.checks.text import image_or_document
from rules.site import SiteLinks
from rules.sources import Bundle, Source, page_source
from tests.rules.sitebuilder import AS_OF, YEAR, build_site, url

CTX = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([]))
TITLE = "โครงสร้างส่วนราชการ"


def _structure_page(link: str) -> Source:
    path = "/index.php/structure"
    html = (
        f"<html><head><title>{TITLE}</title></head><body><main><h1>{TITLE}</h1>"
        "<p>องค์การบริหารส่วนตำบลโคกสว่าง แบ่งส่วนราชการเป็น สำนักปลัด กองคลัง กองช่าง</p>"
        f"{link}</main></body></html>"
    )
    built = build_site({path: html}).page(url(path))
    assert built is not None
    return page_source(built, "fixture")


def _chart(link: str) -> Finding:
    return image_or_document(components()["org.chart"], Bundle([_structure_page(link)]), CTX)


@pytest.mark.parametrize(
    "href",
    [
        "/images/structure/org-2569.jpg",
        "/images/structure/org-2569.JPEG",
        "/images/structure/org-2569.png?v=1712",
        "/images/structure/org-2569.GIF",
        "/images/structure/org-2569.webp",
        "/files/structure/org-2569.pdf",
    ],
)
def test_a_chart_linked_as_a_picture_or_a_file_is_found(href: str) -> None:
    finding = _chart(f'<p><a href="{href}">แผนผังโครงสร้างองค์กร (คลิกเพื่อดูภาพขยาย)</a></p>')
    assert finding.present
    assert [h.snippet for h in finding.hits] == ["แผนผังโครงสร้างองค์กร (คลิกเพื่อดูภาพขยาย)"]


@pytest.mark.parametrize("href", ["/index.php/structure/chart", "/index.php/structure?view=jpg", "/chart.jpg.html"])
def test_a_link_to_a_page_labelled_as_the_chart_is_no_chart(href: str) -> None:
    assert not _chart(f'<p><a href="{href}">แผนผังโครงสร้างองค์กร</a></p>').present


def test_the_hit_of_a_linked_chart_is_the_page_that_links_it() -> None:
    source = _structure_page('<p><a href="/images/structure/org-2569.jpg">แผนผังโครงสร้าง</a></p>')
    finding = image_or_document(components()["org.chart"], Bundle([source]), CTX)
    assert finding.hits == [Hit(source, "แผนผังโครงสร้าง")]


def test_a_chart_shown_as_an_image_is_named_by_its_file_when_it_has_no_alt_text() -> None:
    src = "/uploads/2569/orgchart2569.jpg"
    finding = _chart(f'<p><img src="{src}" alt=""></p>')
    assert [h.snippet for h in finding.hits] == [url(src)]


def test_a_photo_kept_in_a_folder_named_for_the_chart_is_no_chart() -> None:
    # The file's own name says what it is: staff photos uploaded under the chart's folder are not the chart.
    assert not _chart('<p><img src="/uploads/orgchart/staff-01.jpg" alt="บุคลากรกองคลัง"></p>').present


def test_a_chart_document_named_by_the_link_to_it_is_the_chart_itself() -> None:
    chart = Source(
        url("/files/org-2569.pdf"),
        "document",
        "linked",
        text="องค์การบริหารส่วนตำบลโคกสว่าง\nสำนักปลัด กองคลัง กองช่าง",
        link_text="แผนผังโครงสร้างองค์กร ปีงบประมาณ 2569",
    )
    page = Source(url("/index.php/units"), "page", "linked", text="ส่วนราชการ", link_text="แผนผังโครงสร้างองค์กร")
    finding = image_or_document(components()["org.chart"], Bundle([chart, page]), CTX)
    assert finding.hits == [Hit(chart, "แผนผังโครงสร้างองค์กร ปีงบประมาณ 2569")]
