"""The executives check (rules/checks/people.py) at its edges: whose photo and phone a card takes from the cells and
paragraphs around it on the layouts of old municipal sites (a row of photos whose alt texts name the people, a row
of phones above or below the names, a header row across the table, a label column written as <th> on one row and
<td> on the next), nameless cards that give only a title (นายก, ปลัด) with a photo drawn as a CSS background or a
tel: / mailto: link, and what the finding names."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from crawler.parse import fold
from rules.catalog import components
from rules.checks import Context, Finding
from rules.checks.people import Card, executive_cards, executives
from rules.site import SiteLinks
from rules.sources import Bundle, Source
from tests.rules.sitebuilder import AS_OF, YEAR, url

CTX = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([]))


def _parts(html: str) -> list[tuple[str, str, bool, bool]]:
    return [(c.name, c.position, c.has_photo, c.has_contact) for c in executive_cards(html)]


def _contacts(html: str) -> list[tuple[str, bool]]:
    return [(c.name, c.has_contact) for c in executive_cards(html)]


def _cell(name: str, position: str) -> str:
    return f'<td align="center"><font size="2"><b>{name}</b><br>{position}</font></td>'


# --- legacy tables: the photo and the phone in the same column, one row up or down -----------------------------
def test_a_row_of_photos_whose_alt_texts_name_the_people_gives_each_their_own_photo() -> None:
    # The photo's alt text names the person under it: that is their photo, not another person's card.
    html = (
        "<table>"
        '<tr><td><img src="pic/boss/02.jpg" alt="นายประยูร ทองมา"></td>'
        '<td><img src="pic/boss/03.jpg" alt="นางบุญเรือน ศรีสุข รองนายก"></td></tr>'
        f"<tr>{_cell('นายประยูร ทองมา', 'รองนายก อบต.โคกสว่าง')}{_cell('นางบุญเรือน ศรีสุข', 'รองนายก อบต.โคกสว่าง')}</tr>"
        "</table>"
    )
    assert _parts(html) == [
        ("นายประยูร ทองมา", "รองนายก", True, False),
        ("นางบุญเรือน ศรีสุข", "รองนายก", True, False),
    ]


def test_a_person_listed_under_another_persons_card_does_not_take_their_photo() -> None:
    # One person per cell: the mayor's cell has a photo, the deputy's below it none. The cell above names someone
    # else (even over two lines, or only in its photo's alt text), so it is no photo of the deputy's.
    for above in (
        '<img src="pic/boss/01.jpg"><br>นายสมชาย ใจดี<br>นายกองค์การบริหารส่วนตำบลโคกสว่าง',
        '<img src="pic/boss/01.jpg"><br>นายสมชาย<br>ใจดี',
        '<img src="pic/boss/01.jpg" alt="นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลโคกสว่าง">',
    ):
        html = f"<table><tr><td>{above}</td></tr><tr>{_cell('นางสมศรี ศรีสุข', 'รองนายก อบต.โคกสว่าง')}</tr></table>"
        deputy = next(c for c in executive_cards(html) if c.name == "นางสมศรี ศรีสุข")
        assert not deputy.has_photo, above


def test_phones_in_the_row_above_the_names_are_each_persons_contact() -> None:
    html = (
        "<table>"
        "<tr><td>โทร. 089-712-3345</td><td>โทร. 063-451-2287</td></tr>"
        f"<tr>{_cell('นายประยูร ทองมา', 'รองนายก อบต.โคกสว่าง')}{_cell('นางบุญเรือน ศรีสุข', 'รองนายก อบต.โคกสว่าง')}</tr>"
        "</table>"
    )
    assert [c.has_contact for c in executive_cards(html)] == [True, True]


def test_a_header_row_across_the_table_above_the_names_is_no_ones_photo() -> None:
    # The title row spans the three columns: one cell, which the second and third columns have none of.
    html = (
        '<table><tr><td colspan="3"><b>คณะผู้บริหาร อบต.โคกสว่าง</b></td></tr>'
        f"<tr>{_cell('นายสมชาย ใจดี', 'นายก อบต.โคกสว่าง')}{_cell('นายประยูร ทองมา', 'รองนายก อบต.โคกสว่าง')}"
        f"{_cell('นายวีระ พันธ์ดี', 'เลขานุการนายก อบต.โคกสว่าง')}</tr>"
        "<tr><td>โทร. 081-873-2451</td><td>โทร. 089-712-3345</td><td>โทร. 086-224-9170</td></tr></table>"
    )
    assert _parts(html) == [
        ("นายสมชาย ใจดี", "นายก", False, True),
        ("นายประยูร ทองมา", "รองนายก", False, True),
        ("นายวีระ พันธ์ดี", "เลขานุการ", False, True),
    ]


def test_a_label_column_written_as_th_keeps_the_photos_over_their_names() -> None:
    # A hand-made table: the label cell is a <th> on the photo row and a <td> on the names row.
    html = (
        "<table>"
        '<tr><th>ภาพถ่าย</th><td><img src="pic/boss/02.jpg"></td><td><img src="pic/boss/03.jpg"></td></tr>'
        f"<tr><td>ชื่อ - ตำแหน่ง</td>{_cell('นายประยูร ทองมา', 'รองนายก อบต.โคกสว่าง')}"
        f"{_cell('นางบุญเรือน ศรีสุข', 'รองนายก อบต.โคกสว่าง')}</tr>"
        "</table>"
    )
    assert [c.has_photo for c in executive_cards(html)] == [True, True]


# --- the flow of a classic editor ---------------------------------------------------------------------------
def test_a_gallery_photo_naming_someone_else_in_its_alt_text_is_not_the_next_persons_photo() -> None:
    html = (
        '<div class="entry-content">'
        '<p><img src="/wp-content/uploads/2567/06/somchai.jpg" alt="นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลโคกสว่าง"></p>'
        "<p>นางสมศรี ศรีสุข<br>รองนายกองค์การบริหารส่วนตำบลโคกสว่าง</p>"
        "</div>"
    )
    assert _parts(html) == [
        ("นายสมชาย ใจดี", "นายก", True, False),
        ("นางสมศรี ศรีสุข", "รองนายก", False, False),
    ]


# --- nameless cards: a title with a photo or a channel --------------------------------------------------------
def test_title_cards_with_a_photo_drawn_as_a_background_of_an_inner_element() -> None:
    html = (
        '<div class="row">'
        '<div class="col-md-4"><div class="pic" style="background-image: url(\'/uploads/exec-1.jpg\')"></div>'
        "<p>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p></div>"
        '<div class="col-md-4"><div class="pic" style="background-image: url(\'/uploads/exec-2.jpg\')"></div>'
        "<p>ปลัดองค์การบริหารส่วนตำบลโคกสว่าง</p></div>"
        "</div>"
    )
    assert executive_cards(html) == [Card("", "นายก", True, False), Card("", "ปลัด", True, False)]


# Old editors write "TEL:" and leave a space inside the quotes; a browser calls the number all the same.
@pytest.mark.parametrize(
    ("tel", "mail"),
    [("tel:0812345678", "mailto:palad@koksawang.go.th"), ("TEL:0812345678", " Mailto:palad@koksawang.go.th")],
)
def test_title_cards_reached_by_a_tel_or_mailto_link_have_a_contact(tel: str, mail: str) -> None:
    html = (
        '<ul class="exec">'
        f'<li><p>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p><a href="{tel}">โทรศัพท์</a></li>'
        f'<li><p>ปลัดองค์การบริหารส่วนตำบลโคกสว่าง</p><a href="{mail}">อีเมล</a></li>'
        '<li><p>ผู้อำนวยการกองคลัง</p><a href="/index.php/finance">กองคลัง</a></li>'
        "</ul>"
    )
    assert [(c.position, c.has_contact) for c in executive_cards(html)] == [("นายก", True), ("ปลัด", True)]


def test_a_title_card_nested_in_another_is_one_person() -> None:
    # A <figure> holding the photo and a caption paragraph with the title and phone: one card, not two.
    html = (
        '<figure class="wp-block-image"><img src="/wp-content/uploads/mayor.jpg">'
        "<p>นายกองค์การบริหารส่วนตำบลโคกสว่าง โทร 08-1873-2451</p></figure>"
    )
    assert executive_cards(html) == [Card("", "นายก", True, True)]


def test_the_gap_names_the_title_of_a_nameless_card_without_a_photo() -> None:
    html = (
        '<div class="row">'
        '<div class="col-md-4"><div class="pic" style="background-image: url(\'/uploads/exec-1.jpg\')"></div>'
        "<p>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p></div>"
        '<div class="col-md-4"><a href="tel:043414123">โทร</a><p>ปลัดองค์การบริหารส่วนตำบลโคกสว่าง</p></div>'
        "</div>"
    )
    source = Source(url("/about/executives.html"), "page", "config", title="คณะผู้บริหาร", markup=html)
    finding = executives(components()["exec.photo"], Bundle([source]), CTX)
    assert not finding.present
    assert finding.missing_parts == ["ปลัด"]
    assert [h.snippet for h in finding.hits] == ["นายก: "]


def test_a_phone_line_that_repeats_the_persons_name_is_their_contact() -> None:
    html = (
        '<div class="entry-content">'
        "<p>นายสมชาย ใจดี<br>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p>"
        "<p>ติดต่อ นายสมชาย ใจดี โทร. 08-1873-2451</p>"
        "<p>นางสมศรี ศรีสุข<br>รองนายกองค์การบริหารส่วนตำบลโคกสว่าง</p>"
        "<p>ติดต่อ นายสมชาย ใจดี (ผู้ประสานงาน) โทร. 09-2318-5546</p>"
        "</div>"
    )
    # The second phone line names the mayor, not the deputy: it is no deputy's contact.
    assert [(c.name, c.has_contact) for c in executive_cards(html)] == [
        ("นายสมชาย ใจดี", True),
        ("นางสมศรี ศรีสุข", False),
    ]


# --- the neighbours that name the card's person ---------------------------------------------------------------
def test_a_photo_paragraph_whose_alt_text_names_the_person_is_their_photo() -> None:
    # The classic editor's flow: each photo in its own paragraph, its alt text the person's name, then their card.
    html = (
        '<div class="entry-content">'
        '<p><img src="/wp-content/uploads/2567/06/somsri.jpg" alt="นางสมศรี ศรีสุข"></p>'
        "<p>นางสมศรี ศรีสุข<br>รองนายกองค์การบริหารส่วนตำบลโคกสว่าง</p>"
        '<p><img src="/wp-content/uploads/2567/06/prayoon.jpg" alt="นายประยูร ทองมา"></p>'
        "<p>นายประยูร ทองมา<br>รองนายกองค์การบริหารส่วนตำบลโคกสว่าง</p>"
        "</div>"
    )
    assert _parts(html) == [("นางสมศรี ศรีสุข", "รองนายก", True, False), ("นายประยูร ทองมา", "รองนายก", True, False)]


def test_phones_in_the_row_below_or_above_that_repeat_each_persons_name_are_their_contact() -> None:
    names = f"<tr>{_cell('นายประยูร ทองมา', 'รองนายก อบต.โคกสว่าง')}{_cell('นางบุญเรือน ศรีสุข', 'รองนายก อบต.โคกสว่าง')}</tr>"
    phones = "<tr><td>ติดต่อ นายประยูร ทองมา โทร. 089-712-3345</td><td>นางบุญเรือน ศรีสุข โทร. 063-451-2287</td></tr>"
    for rows in (names + phones, phones + names):
        assert _contacts(f"<table>{rows}</table>") == [("นายประยูร ทองมา", True), ("นางบุญเรือน ศรีสุข", True)], rows


def _contact_paragraph(length: int) -> str:
    """The paragraph after a card: a phone and a mail icon (empty alt texts) and the office's hours and phone,
    `length` characters of text."""
    line = "ติดต่อสอบถามได้ที่ที่ทำการองค์การบริหารส่วนตำบลโคกสว่าง ในวันและเวลาราชการ วันจันทร์ถึงวันศุกร์ "
    phone = "โทร. 08-1873-2451 "
    text = (phone + line * 6)[: length - 1].rstrip() + "."
    text = text + "." * (length - len(text))
    assert len(text) == length and "  " not in text
    icons = '<img src="/images/icons/phone.png" alt=""><img src="/images/icons/mail.png" alt="">'
    return f"<p>{icons}{text}</p>"


def test_a_phone_paragraph_of_500_characters_is_the_persons_contact_one_of_501_is_page_text() -> None:
    # Up to 500 characters (its icons' empty alt texts add none), the paragraph after the card is the person's own
    # contact line; longer, it is the page's text.
    for length, contact in ((500, True), (501, False)):
        html = (
            '<div class="entry-content"><p>นายสมชาย ใจดี<br>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p>'
            f"{_contact_paragraph(length)}</div>"
        )
        assert _parts(html) == [("นายสมชาย ใจดี", "นายก", False, contact)], length


# --- what a card holds: its phone, its photo, its links ---------------------------------------------------------
DEPUTY = "รองนายกองค์การบริหารส่วนตำบลโคกสว่าง"
PALAD = "ปลัดองค์การบริหารส่วนตำบลโคกสว่าง"
MAYOR_AND_DEPUTY = [("mayor", "นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลโคกสว่าง"), ("deputy", "นางสมศรี ศรีสุข", DEPUTY)]
BOTH_WITH_PHOTOS = [("นายสมชาย ใจดี", "นายก", True, False), ("นางสมศรี ศรีสุข", "รองนายก", True, False)]


def _each(card: str) -> str:
    """The card written for the mayor and the deputy: `card` holds {pic}, {name} and {title}."""
    return "".join(card.format(pic=pic, name=name, title=title) for pic, name, title in MAYOR_AND_DEPUTY)


def test_a_phone_link_written_before_the_name_is_in_the_persons_card() -> None:
    people = [("0812345678", "นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลโคกสว่าง"), ("0898765432", "นางสมศรี ศรีสุข", DEPUTY)]
    items = "".join(
        f'<li><a href="tel:{tel}">โทร. {tel}</a><p>{name}<br>{title}</p></li>' for tel, name, title in people
    )
    expected = [("นายสมชาย ใจดี", "นายก", False, True), ("นางสมศรี ศรีสุข", "รองนายก", False, True)]
    assert _parts(f'<ul class="exec">{items}</ul>') == expected


def test_a_footer_swallowed_by_an_unclosed_card_gives_the_person_no_phone() -> None:
    # The card leaves its </div> out: the footer (named by its class or by its id alone) is inside it, with the
    # office's phone, which is not the person's.
    for footer in ('<div class="footer-wrap">', '<div id="footer">'):
        html = (
            f'<div class="content"><div class="card"><img src="/uploads/prayoon.jpg"><p>นายประยูร ทองมา<br>{DEPUTY}</p>'
            f"{footer}<p>ติดต่อ อบต.โคกสว่าง โทร 043-414-123</p></div></div></div>"
        )
        assert _parts(html) == [("นายประยูร ทองมา", "รองนายก", True, False)], footer


def test_the_crest_and_a_lazy_loading_placeholder_are_no_persons_photo() -> None:
    # The crest is named by its alt text or its file name; a placeholder .gif is a photo only when the real one is
    # kept in data-src; an empty src is none.
    html = (
        '<div class="card"><img src="/uploads/2567/crest.png" alt="ตราสัญลักษณ์ อบต.โคกสว่าง">'
        "<p>นายสมชาย ใจดี<br>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p></div>"
        f'<div class="card"><img src="/images/org-logo.jpg"><p>นางสมศรี ศรีสุข<br>{DEPUTY}</p></div>'
        f'<div class="card"><img src="/images/blank.gif" data-src="/uploads/prayoon.jpg"><p>นายประยูร ทองมา<br>{DEPUTY}</p></div>'
        f'<div class="card"><img src="/images/blank.gif"><p>นางบุญเรือน ศรีสุข<br>{DEPUTY}</p></div>'
        f'<div class="card"><img src=""><p>นายวีระ พันธ์ดี<br>{PALAD}</p></div>'
    )
    assert [(c.name, c.has_photo, c.has_contact) for c in executive_cards(html)] == [
        ("นายสมชาย ใจดี", False, False),
        ("นางสมศรี ศรีสุข", False, False),
        ("นายประยูร ทองมา", True, False),
        ("นางบุญเรือน ศรีสุข", False, False),
        ("นายวีระ พันธ์ดี", False, False),
    ]


@pytest.mark.parametrize("href", ["mailto:palad@koksawang.go.th", " Mailto:palad@koksawang.go.th", "TEL:044-123456"])
def test_a_mailto_link_is_a_contact_a_link_to_the_profile_page_is_not(href: str) -> None:
    html = (
        '<div class="team">'
        f'<div class="member"><h4>นายวีระ พันธ์ดี</h4><p>{PALAD}</p><a href="{href}">อีเมล</a></div>'
        f'<div class="member"><h4>นางสมศรี ศรีสุข</h4><p>{DEPUTY}</p><a href="/index.php/profile/2">ประวัติ</a></div>'
        "</div>"
    )
    assert _contacts(html) == [("นายวีระ พันธ์ดี", True), ("นางสมศรี ศรีสุข", False)]


def test_a_name_spaced_after_its_title_in_the_caption_is_the_one_person_of_the_alt_text() -> None:
    # "นาย สมชาย ใจดี" in the caption and "นายสมชาย ใจดี" in the photo's alt text name one person.
    html = (
        '<div class="gallery">'
        '<figure><img src="/uploads/1.jpg" alt="นายสมชาย ใจดี"><figcaption>นาย สมชาย ใจดี<br>'
        "นายกองค์การบริหารส่วนตำบลโคกสว่าง</figcaption></figure>"
        f'<figure><img src="/uploads/2.jpg" alt="นางสมศรี ศรีสุข"><figcaption>นาง สมศรี ศรีสุข<br>{DEPUTY}'
        "</figcaption></figure></div>"
    )
    assert _parts(html) == BOTH_WITH_PHOTOS


def test_the_header_of_an_article_or_section_card_is_its_own_not_the_pages() -> None:
    # A theme's team cards: each <article> (or <section>, or a card inside an <article>) names the person in its
    # own <header>, which is part of the card, not the page's header.
    cards = (
        '<{0} class="member"><header><h3>นายวีระ พันธ์ดี</h3></header><img src="/uploads/palad.jpg"><p>{1}</p></{0}>'
        '<{0} class="member"><header><h3>นางสมศรี ศรีสุข</h3></header><img src="/uploads/deputy.jpg"><p>{2}</p></{0}>'
    )
    for html in (
        f'<div class="team">{cards.format("article", PALAD, DEPUTY)}</div>',
        f'<div class="team">{cards.format("section", PALAD, DEPUTY)}</div>',
        f'<article class="team">{cards.format("div", PALAD, DEPUTY)}</article>',
    ):
        assert _parts(html) == [("นายวีระ พันธ์ดี", "ปลัด", True, False), ("นางสมศรี ศรีสุข", "รองนายก", True, False)]


def test_a_card_of_500_characters_with_a_short_biography_is_one_persons_card() -> None:
    bio = "จบการศึกษาปริญญาโท สาขารัฐประศาสนศาสตร์ มหาวิทยาลัยขอนแก่น เคยดำรงตำแหน่งสมาชิกสภาองค์การบริหารส่วนตำบล "
    html = (
        '<div class="card"><h4>นายสมชาย ใจดี</h4><img src="/uploads/1.jpg">'
        f"<p>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p><p>{(bio * 6)[:452]}</p></div>"
    )
    assert len(fold(LexborHTMLParser(html).body.text(separator=" "))) == 500  # type: ignore[union-attr]
    assert _parts(html) == [("นายสมชาย ใจดี", "นายก", True, False)]


# --- the finding over the site's pages ------------------------------------------------------------------------
def _judged(*pages: tuple[str, str]) -> Finding:
    sources = [Source(url(path), "page", "menu", title="คณะผู้บริหาร", markup=html) for path, html in pages]
    return executives(components()["exec.photo"], Bundle(sources), CTX)


def test_a_person_on_two_pages_is_judged_on_the_best_of_their_cards() -> None:
    # A page per side (executives, council): the mayor is on both, with a photo on one and a phone on the other.
    mayor = "<p>นายสมชาย ใจดี<br>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p>"
    finding = _judged(
        ("/about/executives.html", f'<div class="card"><img src="/uploads/mayor.jpg">{mayor}</div>'),
        ("/about/council.html", f'<div class="card">{mayor}<a href="tel:0812345678">โทร</a></div>'),
    )
    assert finding.present and finding.missing_parts == []
    assert [h.snippet for h in finding.hits] == ["นายก: นายสมชาย ใจดี"]


def test_a_page_without_executives_says_so_in_thai_and_english() -> None:
    finding = _judged(("/about/history.html", "<p>ประวัติความเป็นมาขององค์การบริหารส่วนตำบลโคกสว่าง</p>"))
    assert finding.present is False
    assert finding.detail == "ไม่พบข้อมูลผู้บริหารรายบุคคล / no executive entries found"


def test_the_gap_names_six_of_the_people_without_a_photo() -> None:
    names = ["นายสมชาย ใจดี", "นางสมศรี ศรีสุข", "นายประยูร ทองมา", "นางบุญเรือน ศรีสุข", "นายวีระ พันธ์ดี"]
    names += ["นายสมพงษ์ มีสุข", "นางมาลี ทองดี"]
    cards = "".join(
        f'<div class="card"><p>{n}<br>{DEPUTY}</p><p>โทร 08-1873-245{i}</p></div>' for i, n in enumerate(names)
    )
    finding = _judged(("/about/executives.html", f'<div class="row">{cards}</div>'))
    assert not finding.present
    assert finding.missing_parts == [f"รองนายก {n}" for n in names[:6]]


def test_a_card_drawn_on_its_own_background_photo_has_a_photo() -> None:
    # The theme draws the portrait as the card's own background and writes the name and title over it.
    card = '<div class="exec-card" style="background-image: url(\'/uploads/2568/{pic}.jpg\')"><p>{name}<br>{title}</p></div>'
    assert _parts(f'<div class="row">{_each(card)}</div>') == BOTH_WITH_PHOTOS


def test_a_photo_paragraph_before_a_block_group_is_the_photo_of_the_person_in_it() -> None:
    # WordPress wraps the name's paragraph in a group block: the photo paragraph is the group's neighbour, not the
    # paragraph's, and the group (as long as the paragraph in it) is the card.
    group = '<p><img src="/wp-content/uploads/2568/{pic}.jpg"></p><div class="wp-block-group"><p>{name}<br>{title}</p></div>'
    assert _parts(f'<div class="entry-content">{_each(group)}</div>') == BOTH_WITH_PHOTOS


def test_an_unclosed_card_holding_the_next_card_and_the_footer_leaves_out_both() -> None:
    # The mayor's card leaves its </div> out: it holds the deputy's card and then the footer with the office's
    # phone. Both are cut from the mayor's card, the footer too though it comes after the deputy's, on a page whose
    # introduction runs over a thousand characters before the cards.
    intro = "องค์การบริหารส่วนตำบลโคกสว่างมีวิสัยทัศน์ในการพัฒนาท้องถิ่นให้ประชาชนมีคุณภาพชีวิตที่ดี " * 14
    html = (
        f'<div class="content"><p>{intro}</p><div class="card"><img src="/uploads/1.jpg"><h4>นายสมชาย ใจดี</h4>'
        "<span>นายกองค์การบริหารส่วนตำบลโคกสว่าง</span>"
        f'<div class="card"><img src="/uploads/2.jpg"><h4>นางสมศรี ศรีสุข</h4><span>{DEPUTY}</span></div>'
        '<div class="footer"><span>ที่ทำการ อบต.โคกสว่าง โทร 043-414-123</span></div></div></div>'
    )
    assert _parts(html) == BOTH_WITH_PHOTOS
