"""Finding the evidence: URLs declared in config, the site's ITA index page of the right year (codes written
every way agencies write them), or, without an index, the site's menus and page titles."""

from __future__ import annotations

import re

import pytest

from rules.catalog import load_catalog
from rules.discovery import Discovery, parse_code
from tests.rules import koksawang as k
from tests.rules.sitebuilder import YEAR, build_site, evaluate, fixture, home, item, page, url

ALL_ITEMS = (k.o1(), k.o2(), k.o3(), k.o10(), k.o11(), k.o20())
IMPLEMENTED = ["O1", "O2", "O3", "O10", "O11", "O20"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("O1 โครงสร้างและอำนาจหน้าที่", "O1"),
        ("o1 โครงสร้างและอำนาจหน้าที่", "O1"),
        ("O 1 โครงสร้างและอำนาจหน้าที่", "O1"),
        ("O๑ โครงสร้างและอำนาจหน้าที่", "O1"),
        ("O.1 โครงสร้างและอำนาจหน้าที่", "O1"),
        ("01 โครงสร้างและอำนาจหน้าที่", "O1"),  # a zero for the letter O
        ("ข้อ 1 โครงสร้างและอำนาจหน้าที่", "O1"),
        ("ข้อ ๒๐ การขับเคลื่อนนโยบาย No Gift Policy", "O20"),
        ("O10 ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)", "O10"),
        ("o๑๑ สรุปผลการจัดซื้อจัดจ้างรายเดือน", "O11"),
        ("9.1 ข้อมูลพื้นฐาน O3 ข้อมูลการติดต่อ", "O3"),
    ],
)
def test_parse_code_reads_every_spelling(text: str, code: str) -> None:
    assert parse_code(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "ข้อมูลผู้บริหาร",
        "ประจำปีงบประมาณ พ.ศ. 2569",
        "01/2569 ประกาศผู้ชนะการเสนอราคา",
        "0-4341-4123 ต่อ 101",
        "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล",
    ],
)
def test_parse_code_ignores_text_without_a_code(text: str) -> None:
    assert parse_code(text) is None


def test_ita_2569_index_page_is_found_and_used() -> None:
    results, notes = evaluate(k.site(*ALL_ITEMS))
    assert notes[0] == f"หน้า ITA ปี 2569: {url(k.INDEX_2569)}"
    for code in IMPLEMENTED:
        result = results[code]
        assert result.status == "pass", (code, result.gaps)
        assert result.evidence[0].found_via == "ita_index", code
    assert results["O1"].evidence[0].url == url("/about/structure.html")
    assert results["O20"].evidence[0].url == url("/ita/nogift-2569.html")


def test_list_index_with_codes_written_every_way_is_read() -> None:
    # o๑, O 2, 03, ข้อ 4, O.5, O๑๐, o11, ข้อ ๒๐ on an "การเปิดเผยข้อมูลสาธารณะ (OIT) ปีงบประมาณ ๒๕๖๙" page.
    index = {k.INDEX_2569: page("ita2569_list.html", "การเปิดเผยข้อมูลสาธารณะ OIT ปี ๒๕๖๙")}
    results, notes = evaluate(k.site(*ALL_ITEMS, index=index))
    assert notes[0].startswith("หน้า ITA ปี 2569")
    for code, path in _STRUCTURE_EXPECTED.items():
        first = results[code].evidence[0]
        assert (first.url, first.found_via) == (url(path), "ita_index"), code
    assert results["O20"].status == "pass"


def test_ita_2569_index_is_preferred_to_last_years() -> None:
    # Last year's page maps O20 to "การเปิดโอกาสให้เกิดการมีส่วนร่วม" (2568 numbering); this year's to No Gift.
    results, notes = evaluate(k.site(k.o20(), index={**k.index_2568(), **k.index_2569()}))
    assert notes[0] == f"หน้า ITA ปี 2569: {url(k.INDEX_2569)}"
    o20 = results["O20"]
    assert o20.status == "pass", o20.gaps
    assert url("/ita/2568/participation-2568.html") not in [e.url for e in o20.evidence]
    assert o20.evidence[0].url == url("/ita/nogift-2569.html")


def test_only_last_years_index_is_not_used_and_is_reported() -> None:
    results, notes = evaluate(k.site(k.o20(), index=k.index_2568()))
    assert any("ไม่พบหน้า ITA ปี 2569" in n and "2568" in n for n in notes)
    o20 = results["O20"]
    assert all(e.found_via != "ita_index" for e in o20.evidence)
    assert url("/ita/2568/participation-2568.html") not in [e.url for e in o20.evidence]


def test_without_an_index_menus_and_titles_lead_to_the_evidence() -> None:
    menu = [
        ("โครงสร้างส่วนราชการ", "/about/structure.html"),
        ("อำนาจหน้าที่", "/about/authority.html"),
        ("คณะผู้บริหาร", "/about/executives.html"),
        ("ติดต่อเรา", "/contact.html"),
        ("E-Service", "/eservice/index.html"),
        ("สรุปผลการจัดซื้อจัดจ้างรายเดือน", "/procurement/monthly-2569.html"),
        ("ประกาศจัดซื้อจัดจ้าง", "/procurement/announce-2569.html"),
        ("No Gift Policy", "/ita/nogift-2569.html"),
    ]
    results, notes = evaluate(k.site(*ALL_ITEMS, index={}, menu=menu))
    assert not any(n.startswith("หน้า ITA ปี") for n in notes)
    for code in IMPLEMENTED:
        result = results[code]
        assert result.status == "pass", (code, result.gaps)
        assert result.evidence[0].found_via == "menu", code
    assert results["O20"].evidence[0].url == url("/ita/nogift-2569.html")


def declared_site():  # type: ignore[no-untyped-def]
    """The 2569 site, plus last year's No Gift page still online at /ita/2568/nogift-2568.html."""
    old_page = page("o20_nogift.html", "No Gift Policy 2568", announcement_fy="2568")
    return k.site(
        k.o20(),
        pages={"/ita/2568/nogift-2568.html": old_page},
        documents={"/files/ita/2569/nogift-announcement-2568.pdf": k.nogift_announcement(2568)},
    )


def test_failing_declared_url_is_reported_with_the_passing_page_found() -> None:
    declared = url("/ita/2568/nogift-2568.html")
    result = item(declared_site(), "O20", declared={"O20": [declared]})
    assert result.status == "gap"
    assert result.evidence[0].url == declared and result.evidence[0].found_via == "config"
    config_gaps = [g for g in result.gaps if g.component is None]
    assert len(config_gaps) == 1
    assert declared in config_gaps[0].text_th
    assert url("/ita/nogift-2569.html") in config_gaps[0].text_th
    assert ("time", "nogift.announcement") in [(g.kind, g.component) for g in result.gaps]


def test_passing_declared_url_is_used() -> None:
    declared = url("/ita/nogift-2569.html")
    result = item(declared_site(), "O20", declared={"O20": [declared]})
    assert result.status == "pass", result.gaps
    assert result.evidence[0].url == declared and result.evidence[0].found_via == "config"


def test_without_declared_url_the_crawl_decides() -> None:
    # The same site without the declaration: last year's page is not what the index links, so it is not used.
    result = item(declared_site(), "O20")
    assert result.status == "pass"
    assert result.evidence[0].found_via == "ita_index"


def _index_2569(**replacements: str) -> dict[str, str]:
    """This year's index page with some rows rewritten, as sites renumber or drop codes."""
    content = fixture("ita2569.html")
    for old, new in replacements.items():
        assert old in content, old
        content = content.replace(old, new)
    return {k.INDEX_2569: fixture("layout.html", title="ITA 2569", content=content)}


def test_code_and_title_must_agree() -> None:
    """A row whose code is O1 but whose title is the executives is not O1's evidence: titles decide."""
    index = _index_2569(
        **{
            "<td>O1</td><td>โครงสร้างและอำนาจหน้าที่": "<td>O2</td><td>โครงสร้างและอำนาจหน้าที่",
            "<td>O2</td><td>ข้อมูลผู้บริหาร": "<td>O1</td><td>ข้อมูลผู้บริหาร",
        }
    )
    results, notes = evaluate(k.site(*ALL_ITEMS, index=index))
    assert results["O1"].evidence[0].url == url("/about/structure.html")
    assert results["O2"].evidence[0].url == url("/about/executives.html")
    assert results["O1"].evidence[0].found_via == "ita_index"
    assert any(n.startswith("O1:") and "หัวข้ออื่น" in n for n in notes)
    assert results["O1"].status == results["O2"].status == "pass"


def test_index_row_without_a_code_is_matched_by_its_title() -> None:
    index = _index_2569(**{"<td>O20</td>": "<td></td>"})
    results, _ = evaluate(k.site(*ALL_ITEMS, index=index))
    first = results["O20"].evidence[0]
    assert (first.url, first.found_via) == (url("/ita/nogift-2569.html"), "ita_index")


def test_evidence_two_levels_down_is_found() -> None:
    """The report is linked only from the activity page, which the No Gift page links: two levels down."""
    activity = fixture("layout.html", title="ข่าวกิจกรรม", content=fixture("o20_activity.html")
                       + '<p><a href="/files/ita/2569/nogift-report-6m-2569.pdf">'
                         "รายงานผลการดำเนินการตามนโยบาย No Gift Policy รอบ 6 เดือน</a></p>")  # fmt: skip
    site = k.site(k.o20(), drop={"report"}, pages={"/news/nogift-activity-2569.html": activity})
    result = item(site, "O20")
    assert url("/files/ita/2569/nogift-report-6m-2569.pdf") in [e.url for e in result.evidence]
    assert result.status == "pass", result.gaps


def test_without_index_or_labels_the_url_names_the_item() -> None:
    """An image banner without alt text to a page titled only "ประกาศ", at a WordPress-style slug: only the URL
    says it is the No Gift page."""
    pages, documents = k.o20()
    content = fixture("o20_nogift.html", announcement_fy="2569")
    content = re.sub(r"<h1>.*?</h1>", "<h1>ประกาศ</h1>", content)
    pages = {p: html for p, html in pages.items() if p != "/ita/nogift-2569.html"}
    pages["/nogift-policy/"] = fixture("layout.html", title="ประกาศ", content=content)
    home = fixture("layout.html", title="หน้าแรก",
                   content='<a href="/nogift-policy/"><img src="/images/banner-07.jpg"></a>')  # fmt: skip
    site = k.site((pages, documents), index={}, pages={"/": home})
    result = item(site, "O20")
    assert url("/nogift-policy/") in [e.url for e in result.evidence]
    assert result.status == "pass", result.gaps


_STRUCTURE_EXPECTED = {
    "O1": "/about/structure.html",
    "O2": "/about/executives.html",
    "O3": "/contact.html",
    "O10": "/eservice/index.html",
    "O11": "/procurement/monthly-2569.html",
    "O20": "/ita/nogift-2569.html",
}


@pytest.mark.parametrize(
    ("fixture_name", "title"),
    [
        # Bootstrap pills/tabs: the code and title on the tab, the "ดูเอกสาร" button in a pane found by its id.
        ("ita2569_bootstrap_tabs.html", "OIT 2569"),
        # WordPress blocks: a heading "o1 ..." over a paragraph or table whose only link says "รายละเอียด".
        ("ita2569_headings.html", "ITA 2569"),
        # Elementor toggles (title and hidden panel in one item) and a card grid (code on the card, title below).
        ("ita2569_cards.html", "ITA 2569"),
    ],
)
def test_index_rows_are_read_from_the_page_structure(fixture_name: str, title: str) -> None:
    index = {k.INDEX_2569: page(fixture_name, title)}
    results, notes = evaluate(k.site(*ALL_ITEMS, index=index))
    assert notes[0].startswith("หน้า ITA ปี 2569"), notes
    for code, path in _STRUCTURE_EXPECTED.items():
        first = results[code].evidence[0]
        assert (first.url, first.found_via) == (url(path), "ita_index"), code


def test_a_structural_row_without_a_link_takes_no_other_rows_link() -> None:
    # "o4 ข่าวประชาสัมพันธ์" heads a "-" paragraph: the next heading's E-Service link is not O4's.
    index = {k.INDEX_2569: page("ita2569_headings.html", "ITA 2569")}
    results, notes = evaluate(k.site(*ALL_ITEMS, index=index))
    assert all(e.url != url("/eservice/index.html") for e in results["O4"].evidence)
    assert any(n.startswith("O4: หน้า ITA มีหัวข้อนี้แต่ไม่มีลิงก์") for n in notes), notes


def _menu_targets(menu: list[tuple[str, str]], code: str) -> list[str]:
    """The menu targets of an item on a site that is its home page alone (nothing behind the links is read)."""
    discovery = Discovery(build_site({"/": home([("หน้าแรก", "/"), *menu])}), load_catalog(YEAR), YEAR, {})
    found = [c for c in discovery.candidates(discovery.catalog.item(code)) if c.found_via == "menu"]  # type: ignore[arg-type]
    return found[0].urls if found else []


@pytest.mark.parametrize(
    "labels",
    [
        # A bilingual อบต. theme's "OIT" submenu: lower-case code and two or three words of the title.
        {"O8": "o8 คู่มือเจ้าหน้าที่", "O22": "o22 รายงานความเสี่ยง", "O26": "o26 รายงานผลคุณธรรม"},
        # A เทศบาล sidebar: dotted codes in Thai digits, English and Thai mixed.
        {"O8": "O.๘ คู่มือ เจ้าหน้าที่", "O22": "O.๒๒ รายงานผล ความเสี่ยง", "O26": "O.๒๖ รายงานผล ITA คุณธรรม"},
    ],
)
def test_menu_label_with_code_and_a_few_agreeing_words_is_the_items(labels: dict[str, str]) -> None:
    paths = {"O8": "/download/cat/15", "O22": "/download/cat/30", "O26": "/download/cat/34"}
    # Decoys: labels without a code that share words with the items.
    decoys = [("คู่มือประชาชน", "/download/cat/16"), ("รายงานผลการดำเนินงาน", "/download/cat/14")]
    menu = [(labels[code], paths[code]) for code in paths] + decoys
    for code, path in paths.items():
        assert _menu_targets(menu, code)[:1] == [url(path)], code


def test_menu_code_whose_words_name_another_item_is_another_years_numbering() -> None:
    # "O22 แผนปฏิบัติการป้องกันการทุจริต": the words are O23's (2568's numbering), so it is O23's and not O22's.
    menu = [("O22 แผนปฏิบัติการป้องกันการทุจริต", "/download/cat/31")]
    assert url("/download/cat/31") not in _menu_targets(menu, "O22")
    assert _menu_targets(menu, "O23")[:1] == [url("/download/cat/31")]


@pytest.mark.parametrize(
    "fixture_name",
    [
        "ita2569_blog_label.html",  # a Blogger label page: the channel's post has no code, the stats post has O18
        "ita2569_table_untagged.html",  # a table whose channel row has no code and the O18 row shares its words
    ],
)
def test_another_items_coded_row_is_not_taken_by_title(fixture_name: str) -> None:
    index = {k.INDEX_2569: page(fixture_name, "ITA 2569")}
    results, _ = evaluate(k.site(k.o16(), k.o17(), k.o18(), k.o19(), k.o21(), k.o22(), index=index))
    assert results["O17"].evidence[0].url == url(k.COMPLAINT_PAGE)
    assert all(e.url != url(k.COMPLAINT_STATS) for e in results["O17"].evidence)
    assert results["O17"].status == "pass", results["O17"].gaps
    assert results["O18"].evidence[0].url == url(k.COMPLAINT_STATS)
