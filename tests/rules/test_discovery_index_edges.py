"""ITA index pages whose rows are tabs or toggles pointing to a panel elsewhere (rules/discovery.py, `_panel_links`),
and rows numbered in another year's codes (`_rows_titled`).

A WAI-ARIA tab list names its panel in `aria-controls` (no "#"); the code is often a badge inside the tab, so the
tab holding the badge is the toggle; an accordion heading may carry its toggle as a "+" icon link inside it. Each
row's links are the panel's. A row coded with a number this year's catalog does not have ("O33" of ITA 2567) is
matched to an item by its title.
"""

from __future__ import annotations

from rules.catalog import load_catalog
from rules.discovery import Discovery
from tests.rules.sitebuilder import YEAR, build_site, home, url

INDEX = "/ita/oit-2569.php"
ROWS = {  # code -> (title, evidence path)
    "O1": ("โครงสร้างและอำนาจหน้าที่", "/about/structure.php"),
    "O2": ("ข้อมูลผู้บริหาร", "/about/executives.php"),
    "O3": ("ข้อมูลการติดต่อและช่องทางการสอบถาม", "/contact.php"),
    "O4": ("ข่าวประชาสัมพันธ์", "/news/index.php"),
    "O10": ("ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)", "/eservice/index.php"),
    "O11": ("สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "/procurement/monthly.php"),
}


def _aria_tab(code: str, title: str) -> str:
    return (
        f'<li role="presentation"><button type="button" role="tab" aria-controls="panel-{code.lower()}">'
        f'<span class="badge">{code}</span> {title}</button></li>'
    )


def _panel(code: str, path: str) -> str:
    return f'<div role="tabpanel" id="panel-{code.lower()}"><p>เอกสารประกอบ</p><a href="{path}">ดูเอกสาร</a></div>'


def _index_rows(index_html: str) -> dict[str, list[str]]:
    page = (
        "<html><head><title>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปี 2569</title></head><body><main>"
        f"<h1>การเปิดเผยข้อมูลสาธารณะ ITA ประจำปีงบประมาณ 2569</h1>{index_html}</main></body></html>"
    )
    site = build_site({"/": home([("หน้าแรก", "/"), ("ITA 2569", INDEX)]), INDEX: page})
    discovery = Discovery(site, load_catalog(YEAR), YEAR, {})
    assert discovery.index is not None and discovery.index.url == url(INDEX)
    return {code: [link.url for row in rows for link in row.links] for code, rows in discovery.index.rows.items()}


def test_tabs_naming_their_panel_by_aria_controls_take_the_panels_links() -> None:
    tabs = "".join(_aria_tab(code, title) for code, (title, _) in ROWS.items())
    panels = "".join(_panel(code, path) for code, (_, path) in ROWS.items())
    got = _index_rows(f'<ul role="tablist">{tabs}</ul><div class="tab-content">{panels}</div>')
    assert got == {code: [url(path)] for code, (_, path) in ROWS.items()}


def test_an_accordion_heading_with_its_toggle_icon_inside_takes_the_panels_links() -> None:
    heads = "".join(
        f'<h3 class="acc-head">{code} {title} <a class="toggle" href="#acc-{code.lower()}"><i class="fa fa-plus"></i></a></h3>'
        for code, (title, _) in ROWS.items()
    )
    panels = "".join(
        f'<div class="acc-body" id="acc-{code.lower()}"><a href="{path}">รายละเอียด</a></div>'
        for code, (_, path) in ROWS.items()
    )
    got = _index_rows(f'<div class="accordion-heads">{heads}</div><div class="accordion-bodies">{panels}</div>')
    assert got == {code: [url(path)] for code, (_, path) in ROWS.items()}


def test_a_row_coded_in_another_years_numbering_is_matched_by_its_title() -> None:
    rows = "".join(
        f'<tr><td>{code}</td><td><a href="{path}">{title}</a></td></tr>' for code, (title, path) in ROWS.items()
    )
    # ITA 2567's number for the No Gift Policy, left on the page: O20 has no row of its own
    rows += '<tr><td>O33</td><td><a href="/ita/nogift-2569.php">การขับเคลื่อนนโยบาย No Gift Policy</a></td></tr>'
    page = (
        "<html><head><title>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปี 2569</title></head><body><main>"
        f"<h1>การเปิดเผยข้อมูลสาธารณะ ITA ประจำปีงบประมาณ 2569</h1><table>{rows}</table></main></body></html>"
    )
    site = build_site({"/": home([("หน้าแรก", "/"), ("ITA 2569", INDEX)]), INDEX: page})
    catalog = load_catalog(YEAR)
    discovery = Discovery(site, catalog, YEAR, {})
    o20 = next(i for i in catalog.items if i.code == "O20")
    (candidate,) = discovery.candidates(o20)
    assert (candidate.found_via, candidate.urls) == ("ita_index", [url("/ita/nogift-2569.php")])
