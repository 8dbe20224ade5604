"""O2 on the executive pages of other platforms: each person's photo and phone are read wherever the layout
puts them, and only the page that presents the executives is judged.

Layouts (tests/fixtures/rules/executives/): a WordPress gallery block (names only in the alt text, position
and mobile in the caption, lazy-loaded photos), a Joomla article table with a photo column and a phone column
in Thai digits, a legacy table with a row of photos above a row of names and a row of phones, the flow of
WordPress's classic editor (photo, name and position, phone in three paragraphs), and a Bootstrap card grid
with photos as CSS backgrounds and tel: links. Personal phones are marked `tel`; the office phone in the
site's header and footer stays when they are dropped, and it is no executive's channel."""

from __future__ import annotations

import pytest

from rules.site import MemorySite
from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, assert_only_gap, assert_pass, fixture, item, page

COMPONENTS = ["exec.top", "exec.deputy", "exec.civil_head", "exec.name", "exec.position", "exec.photo", "exec.contact"]
LAYOUTS = ["wp_gallery.html", "table_rows.html", "photo_row_table.html", "classic_flow.html", "card_grid.html"]
EXECUTIVES = "/about/executives.html"
STRUCTURE = "/about/structure.html"


def _site(layout: str, drop: set[str] | None = None, with_structure: bool = False) -> MemorySite:
    pages = {EXECUTIVES: page(f"executives/{layout}", "คณะผู้บริหาร")}
    index = None
    if with_structure:
        # The ITA index links O2 to the executives' page and to the structure page that names them in a table.
        pages[STRUCTURE] = page("executives/structure_named.html", "โครงสร้างส่วนราชการ")
        ita = page("ita2569.html", "ITA 2569 การประเมินคุณธรรมและความโปร่งใส")
        o2_link = f'<a href="{EXECUTIVES}">รายละเอียด</a>'
        assert o2_link in ita
        ita = ita.replace(o2_link, f'<a href="{EXECUTIVES}">คณะผู้บริหาร</a> <a href="{STRUCTURE}">โครงสร้าง</a>')
        index = {k.INDEX_2569: ita}
    return k.site(({}, {}), pages=pages, index=index, drop=drop or set())


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_passes_with_photos_and_personal_phones(layout: str) -> None:
    assert_pass(item(_site(layout), "O2"), COMPONENTS)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    ("part", "cid", "label"),
    [("photo", "exec.photo", "รูปถ่ายของผู้บริหาร"), ("tel", "exec.contact", "ช่องทางการติดต่อของผู้บริหาร")],
)
def test_every_layout_without_the_part_is_a_data_gap(layout: str, part: str, cid: str, label: str) -> None:
    if part == "photo" and layout == "wp_gallery.html":
        # The gallery names people only in its images' alt text: without the images the names are gone too.
        result = item(_site(layout, {part}), "O2")
        assert {g.component for g in result.gaps} == {"exec.photo", "exec.name"}, result.gaps
        return
    assert_only_gap(item(_site(layout, {part}), "O2"), "data", cid, DATA_GAP + label)


@pytest.mark.parametrize("layout", ["table_rows.html", "wp_gallery.html", "photo_row_table.html"])
def test_structure_page_naming_the_executives_is_not_judged_as_their_page(layout: str) -> None:
    # The structure page names the นายก and the ปลัด (and people not on the executives' page) in a table,
    # without photos or phones: that is O1's content, not missing parts of O2.
    result = item(_site(layout, with_structure=True), "O2")
    assert {e.url.rsplit("/", 1)[-1] for e in result.evidence} >= {"executives.html", "structure.html"}
    assert_pass(result, COMPONENTS)


def test_planted_defect_is_still_found_with_the_structure_page_beside_it() -> None:
    result = item(_site("table_rows.html", {"tel"}, with_structure=True), "O2")
    text = assert_only_gap(result, "data", "exec.contact", DATA_GAP + "ช่องทางการติดต่อของผู้บริหาร")
    assert "นายสมชาย ใจดี" in text and "นางสาวพิมพ์ชนก แสนคำ" in text


def test_gallery_names_from_alt_text_are_named_in_the_gap() -> None:
    result = item(_site("wp_gallery.html", {"tel"}), "O2")
    text = assert_only_gap(result, "data", "exec.contact", DATA_GAP + "ช่องทางการติดต่อของผู้บริหาร")
    assert "นายสมชาย ใจดี" in text and "นายประยูร ทองมา" in text


def test_fixture_parts_are_marked() -> None:
    for layout in LAYOUTS:
        text = fixture(f"executives/{layout}")
        assert "<!-- part:tel -->" in text and "<!-- part:photo -->" in text, layout
