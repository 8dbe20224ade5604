"""O2 on executive pages that leave their closing tags out, as old municipal sites made with Dreamweaver or
Joomla's and WordPress's editors do: a browser shows the cards one after another, while the parsed page nests
them (card 1 holds card 2, which holds card 3…) and, with </main> or </table> missing too, the last card holds
the site's footer with the office's phone.

Fixtures (tests/fixtures/rules/executives/unclosed_*.html), each read whole and with the footer swallowed: a
div card grid without any </div>, a <ul> list without </li> and </div>, a Dreamweaver table without </td> and
</tr>, and a classic editor's flow without </p> (photo, name and position, phone in three blocks), also written
with <div> blocks. In each, one person has no photo or no phone of their own: the neighbours' and the footer's
must not be lent to them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rules.checks import people
from rules.checks.people import Card, executive_cards
from rules.site import MemorySite
from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, assert_only_gap, assert_pass, fixture, item, page

COMPONENTS = ["exec.top", "exec.deputy", "exec.civil_head", "exec.name", "exec.position", "exec.photo", "exec.contact"]
DEMO = Path(__file__).parents[2] / "oit/demo/site/about/executives.html"

# Per fixture, each card: name, position, photo, contact (a phone or a tel: link of the person's own).
EXPECTED = {
    "unclosed_div_grid.html": [
        ("นายสมชาย ใจดี", "นายก", True, True),
        ("นายประยูร ทองมา", "รองนายก", True, True),
        ("นางบุญเรือน ศรีสุข", "รองนายก", True, True),
        ("นายวีระ พันธ์ดี", "เลขานุการ", True, False),
        ("นางสาวพิมพ์ชนก แสนคำ", "ปลัด", True, True),
        ("ว่าที่ร้อยตรีอนุชา บุญมา", "รองปลัด", True, True),
    ],
    "unclosed_list.html": [
        ("นายสมชาย ใจดี", "นายก", True, True),
        ("นายประยูร ทองมา", "รองนายก", True, True),
        ("นางบุญเรือน ศรีสุข", "รองนายก", True, True),  # a lazy photo (placeholder .gif, data-src)
        ("นางสาวพิมพ์ชนก แสนคำ", "ปลัด", False, True),  # a tel: link, no photo
        ("นางอรุณี วงศ์ศรี", "หัวหน้า", True, False),  # the last card: the footer's phone is not hers
    ],
    "unclosed_table.html": [
        ("นายสมชาย ใจดี", "นายก", True, True),
        ("นายประยูร ทองมา", "รองนายก", True, True),
        ("นางสาวพิมพ์ชนก แสนคำ", "ปลัด", True, True),
        ("ว่าที่ ร.ต.อนุชา บุญมา", "รองปลัด", False, True),  # an empty photo cell
        ("นางพรทิพย์ มณีวงศ์", "ผู้อำนวยการ", True, False),  # "-" in the phone cell, then the footer
    ],
    "unclosed_flow.html": [
        ("นายสมชาย ใจดี", "นายก", True, True),
        ("นายประยูร ทองมา", "รองนายก", True, True),
        ("นางบุญเรือน ศรีสุข", "รองนายก", False, True),  # no photo paragraph before her name
        ("นางสาวพิมพ์ชนก แสนคำ", "ปลัด", True, True),
        ("นางอรุณี วงศ์ศรี", "หัวหน้า", True, False),
    ],
}


def _whole(html: str) -> str:
    return html


def _footer_swallowed(html: str) -> str:
    """</main> (and </table>) left out too: the footer, with the office's phone, goes into the last card."""
    assert "</main>" in html
    return html.replace("</main>", "").replace("</table>", "")


def _div_blocks(html: str) -> str:
    """The flow written with <div> blocks (an editor whose root block is a div): each unclosed block nests."""
    return html.replace("<p ", "<div ")


SHAPES: dict[str, Callable[[str], str]] = {
    "whole": _whole,
    "footer-swallowed": _footer_swallowed,
    "div-blocks": _div_blocks,
    "div-blocks-footer-swallowed": lambda html: _footer_swallowed(_div_blocks(html)),
}
CASES = [(f, s) for f in EXPECTED for s in SHAPES if not s.startswith("div") or f == "unclosed_flow.html"]


def _parts(cards: list[Card]) -> list[tuple[str, str, bool, bool]]:
    return [(c.name, c.position, c.has_photo, c.has_contact) for c in cards]


@pytest.mark.parametrize(("layout", "shape"), CASES)
def test_each_person_is_read_from_their_own_part_of_the_nested_cards(layout: str, shape: str) -> None:
    html = SHAPES[shape](page(f"executives/{layout}", "คณะผู้บริหาร"))
    assert _parts(executive_cards(html)) == EXPECTED[layout]


def test_fixtures_really_leave_their_closing_tags_out() -> None:
    for layout, tag in [
        ("unclosed_div_grid.html", "div"),
        ("unclosed_list.html", "li"),
        ("unclosed_table.html", "td"),
        ("unclosed_flow.html", "p"),
    ]:
        text = fixture(f"executives/{layout}")
        unclosed = text.count(f"<{tag} ") + text.count(f"<{tag}>") - text.count(f"</{tag}>")
        assert unclosed >= len(EXPECTED[layout]), layout


def _site(html: str) -> MemorySite:
    return k.site(({}, {}), pages={"/about/executives.html": html})


def test_unclosed_grid_with_the_footer_swallowed_is_judged_person_by_person() -> None:
    # Only the secretary has no phone of his own: the gap names him, not "no executives", and the office
    # phone in the swallowed footer is lent to nobody.
    html = _footer_swallowed(page("executives/unclosed_div_grid.html", "คณะผู้บริหาร"))
    text = assert_only_gap(item(_site(html), "O2"), "data", "exec.contact", DATA_GAP + "ช่องทางการติดต่อของผู้บริหาร")
    assert "นายวีระ พันธ์ดี" in text
    assert not any(name in text for name, *_ in EXPECTED["unclosed_div_grid.html"] if name != "นายวีระ พันธ์ดี")
    with_phone = html.replace(
        '<div class="exec-pos">เลขานุการนายกองค์การบริหารส่วนตำบลหนองแวง',
        '<div class="exec-pos">เลขานุการนายกองค์การบริหารส่วนตำบลหนองแวง\n<div class="exec-tel">โทร. 086-224-9171',
    )
    assert with_phone != html
    assert_pass(item(_site(with_phone), "O2"), COMPONENTS)


@pytest.mark.parametrize("dropped", [("div",), ("div", "main"), ("div", "p", "li", "ul", "section", "main")])
def test_demo_page_without_closing_tags_reads_as_the_whole_page(dropped: tuple[str, ...]) -> None:
    whole = DEMO.read_text(encoding="utf-8")
    broken = whole
    for tag in dropped:
        broken = broken.replace(f"</{tag}>", "")
    expected = _parts(executive_cards(whole))
    assert len(expected) == 10
    assert _parts(executive_cards(broken)) == expected


def test_names_without_positions_and_a_combined_list_read_as_before() -> None:
    # A council page: names under photos, no positions; with </div> left out, each member is still one card.
    council = "".join(
        f'<div class="member"><img src="/images/council/0{n}.jpg"><div class="member-name">{name}\n'
        for n, name in enumerate(["นายทองดี มีทรัพย์", "นายบุญส่ง แก้วใส", "นางสมใจ ดีงาม"], 1)
    )
    members = executive_cards(fixture("layout.html", title="สมาชิกสภา", content=f'<div class="council">{council}'))
    assert _parts(members) == [
        ("นายทองดี มีทรัพย์", "", True, False),
        ("นายบุญส่ง แก้วใส", "", True, False),
        ("นางสมใจ ดีงาม", "", True, False),
    ]
    # Everyone in one paragraph (and one unclosed block): a list, not anyone's card.
    combined = (
        '<div class="item-page"><div><img src="/images/exec/all-2569.jpg">\n<div>นายสมชาย ใจดี '
        "นายกองค์การบริหารส่วนตำบลหนองแวง<br>นายประยูร ทองมา รองนายกองค์การบริหารส่วนตำบล<br>"
        "นางบุญเรือน ศรีสุข รองนายกองค์การบริหารส่วนตำบล<br>โทร. 081-234-5678"
    )
    assert executive_cards(fixture("layout.html", title="คณะผู้บริหาร", content=combined)) == []
    assert executive_cards(fixture("layout.html", title="คณะผู้บริหาร", content=f"<p>{combined}</p>")) == []


def test_reading_a_long_chain_of_unclosed_cards_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # 120 unclosed cards nest 480 levels deep (the crawler caps nesting at 512): every element's text is a
    # slice of the page read once, and only elements short enough for a card are read at all, so the text read
    # grows with the page, not with the page times its depth.
    read: list[int] = []
    original = people._Page.read

    def counted(self: people._Page, ranges: people.Ranges) -> str:
        text = original(self, ranges)
        read.append(len(text))
        return text

    monkeypatch.setattr(people._Page, "read", counted)
    names = [f"นาย{first} {last}" for first in ("สมชาย", "ประยูร", "วีระ", "อนุชา") for last in _SURNAMES]
    cards = "".join(
        f'<div class="exec-card"><img src="/images/exec/{n}.jpg"><div class="exec-name">{name}'
        f'<div class="exec-pos">ผู้อำนวยการกอง<div class="exec-tel">โทร. 081-234-{n:04d}'
        for n, name in enumerate(names)
    )
    html = fixture("layout.html", title="คณะผู้บริหาร", content=cards)
    found = executive_cards(html)
    assert len(found) == len(names) == 120
    assert all(c.has_photo and c.has_contact and c.position == "ผู้อำนวยการ" for c in found)
    assert sum(read) < 5 * len(html)


_SURNAMES = [
    "ใจดี", "ทองมา", "ศรีสุข", "พันธ์ดี", "แสนคำ", "บุญมา", "วงศ์ศรี", "มีสุข", "มณีวงศ์", "พลราช",
    "จันทร์หอม", "บุญเรือง", "ทองคำ", "แก้วใส", "ดีงาม", "มีทรัพย์", "ศรีบุญเรือง", "วงศ์ใหญ่", "ภูมิสุข", "พันธ์ทอง",
    "สุขใจ", "ชัยมงคล", "ประเสริฐ", "ศรีสวัสดิ์", "บุญช่วย", "แก้วมณี", "คำภา", "สายทอง", "ทองดี", "บุญยืน",
]  # fmt: skip
