"""The executives check: one card per person read from a page's HTML, each judged on the part asked for.

- executives: finds one card per executive (a name with a title next to a position; failing that, a name
  alone or a position alone) and passes when every executive has the part in `need` (name, position, photo,
  contact) on a page that presents the executives.

Real executive pages are laid out in many ways; the card of a person is read from all of them:
- a card grid or a table row (photo, name, position, phone in one element);
- a photo gallery (WordPress gallery blocks, <figure>): the name or position may be only in the image's alt
  text and the rest in the caption;
- the flow of a classic editor: the photo in the paragraph before the name, the phone in the one after it;
- an old table with a row of photos above a row of names: the photo is in the same column, one row up;
- lazy-loaded photos (a placeholder .gif/.svg in src, the photo in data-src or srcset) and photos drawn as
  a CSS background.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.parse import fold
from crawler.thaitext import THAI_DIGITS
from rules.catalog import ComponentDef
from rules.checks.base import PHONE, Context, Finding, Hit, check
from rules.sources import Bundle, Source

_NAME = re.compile(
    r"(?:นาย(?!กอง|กเทศ|ก\s|กอบ)|นางสาว|นาง|ว่าที่\s?ร(?:้อย)?\.?\s?ต(?:รี)?\.?|ดร\.|จ\.ส\.อ\.|ส\.อ\.|พ\.ต\.\S*|ร\.ต\.\S*)"
    r"\s?[\u0e01-\u0e4e]{2,}\s+[\u0e01-\u0e4e]{2,}"
)
_POSITION = re.compile(r"(นายก|รองนายก|ปลัด|รองปลัด|ผู้อำนวยการ|หัวหน้า|เลขานุการ|ประธานสภา)")
# One match per person's title, to tell one person's card from a list ("หัวหน้าสำนักปลัด" is one title).
_PERSON_POSITION = re.compile(r"(หัวหน้าสำนักปลัด|เลขานุการนายก|รองนายก|นายก|รองปลัด|(?<!สำนัก)ปลัด|ผู้อำนวยการ|หัวหน้า|ประธานสภา)")
_CHANNEL = re.compile(rf"({PHONE}|@[A-Za-z0-9.-]+\.[A-Za-z]{{2,}}|line\s?id|ไลน์)", re.IGNORECASE)
_CARD_TAGS = "div, li, td, article, section, figure, tr, p"
_MAX_CARD_TEXT = 500  # characters: more is a list or a whole page, not one person's card
# Where lazy-loading scripts and themes keep the real photo while src holds a placeholder.
_IMG_SOURCES = ("src", "data-src", "data-lazy-src", "data-original", "data-srcset", "srcset")
_NOT_PHOTO = re.compile(r"(^data:image/(?:svg|gif)|\.(?:svg|gif)(?:[?#\s]|$))", re.IGNORECASE)
# Pictures that are not a person's photo: the organisation chart next to a list of names, logos, banners.
_NOT_PORTRAIT = re.compile(r"แผนผัง|โครงสร้าง|ผังองค์กร|org-?chart|logo|โลโก้|ตราสัญลักษณ์|banner|icon", re.IGNORECASE)
_BACKGROUND_PHOTO = re.compile(
    r"background(?:-image)?\s*:[^;]*url\(\s*['\"]?[^)'\"]+\.(?:jpe?g|png|webp)", re.IGNORECASE
)


@dataclass
class Card:
    name: str
    position: str
    has_photo: bool
    has_contact: bool


def executive_cards(html: str) -> list[Card]:
    """One card per person: the outermost element that holds exactly one name and a position.

    When no element pairs a name with a position, the people are still listed, by name only (a gallery of
    names) or by position only (photos captioned with titles): those cards come back with the missing part
    empty, so that each part (name, position, photo, contact) is judged on its own."""
    tree = LexborHTMLParser(html)
    nodes = [(n, t) for n in tree.css(_CARD_TAGS) if len(t := _card_text(n)) <= _MAX_CARD_TEXT]
    return _named_cards(nodes, need_position=True) or _named_cards(nodes, need_position=False) or _titled_cards(nodes)


def _card_text(node: LexborNode) -> str:
    """The element's text and its images' alt texts: galleries often name the person only in the alt text."""
    alts = " ".join(img.attributes.get("alt") or "" for img in node.css("img[alt]"))
    return fold(f"{node.text(separator=' ')} {alts}").translate(THAI_DIGITS)


def _names(text: str) -> set[str]:
    """The distinct names in a text (the same name in a caption and an alt text is one person)."""
    return {_name_key(m.group(0)) for m in _NAME.finditer(text)}


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", name)


def _named_cards(nodes: list[tuple[LexborNode, str]], need_position: bool) -> list[Card]:
    by_name: dict[str, tuple[int, Card]] = {}
    for node, text in nodes:
        position = _POSITION.search(text)
        if len(_names(text)) != 1 or (need_position and not position):
            continue
        name = _NAME.search(text).group(0)  # type: ignore[union-attr]
        size = len(node.html or "")
        photo = _has_photo(node) or _photo_beside(node)
        card = Card(
            name, position.group(0) if position else "", photo, _has_contact(node, text) or _contact_after(node)
        )
        key = _name_key(name)
        if key not in by_name or size > by_name[key][0]:
            by_name[key] = (size, card)
    return [card for _, card in by_name.values()]


def _titled_cards(nodes: list[tuple[LexborNode, str]]) -> list[Card]:
    """Nameless cards: the outermost elements holding one title and a photo or contact (a person's slot,
    not a menu item or a heading)."""
    slots = {
        node.mem_id: (node, titles[0], text)
        for node, text in nodes
        if not _NAME.search(text)
        and len(titles := _PERSON_POSITION.findall(text)) == 1
        and (_has_photo(node) or _has_contact(node, text))
    }
    cards = []
    for node, title, text in slots.values():
        parent, inner = node.parent, False
        while parent is not None and not inner:
            inner, parent = parent.mem_id in slots, parent.parent
        if not inner:
            cards.append(Card("", title, _has_photo(node), _has_contact(node, text)))
    return cards


def _has_contact(node: LexborNode, text: str) -> bool:
    return bool(_CHANNEL.search(text) or _has_tel(node))


def _has_photo(node: LexborNode) -> bool:
    if any(_is_photo(img) for img in node.css("img")):
        return True
    styled = [node, *node.css("[style]")]
    return any(_BACKGROUND_PHOTO.search(n.attributes.get("style") or "") for n in styled)


def _is_photo(img: LexborNode) -> bool:
    """A picture of a person, not an icon, a chart or a lazy-loading placeholder (.svg, .gif, a data: svg/gif)."""
    sources = [(img.attributes.get(a) or "").strip() for a in _IMG_SOURCES]
    if _NOT_PORTRAIT.search(f"{img.attributes.get('alt') or ''} {img.attributes.get('src') or ''}"):
        return False
    return any(s and not _NOT_PHOTO.search(s) for s in sources)


def _has_tel(node: LexborNode) -> bool:
    return any((a.attributes.get("href") or "").startswith(("tel:", "mailto:")) for a in node.css("a[href]"))


def _element_sibling(node: LexborNode, forward: bool) -> LexborNode | None:
    sibling = node.next if forward else node.prev
    while sibling is not None and sibling.tag.startswith("-"):  # text and comment nodes: "-text", "-comment"
        sibling = sibling.next if forward else sibling.prev
    return sibling


def _anonymous(node: LexborNode) -> bool:
    """An element that names nobody and no position: a photo's or a phone's own paragraph, not another card."""
    text = _card_text(node)
    return len(text) <= _MAX_CARD_TEXT and not _NAME.search(text) and not _PERSON_POSITION.search(text)


def _photo_beside(node: LexborNode) -> bool:
    """The photo just before the card (a classic editor's flow: image paragraph, then name and position), or in
    the same column one row up (an old table: a row of photos above a row of names)."""
    before = _element_sibling(node, forward=False)
    if before is not None and _anonymous(before) and _has_photo(before):
        return True
    return any(_has_photo(cell) for cell in _column_cells(node, below=False))


def _contact_after(node: LexborNode) -> bool:
    """The phone on its own line right after the card (โทร. / มือถือ under the name and position), or in the same
    column of the row below or above (an old table: a row of phones under the row of names)."""
    after = _element_sibling(node, forward=True)
    if after is not None and _anonymous(after) and _has_contact(after, _card_text(after)):
        return True
    cells = [*_column_cells(node, below=True), *_column_cells(node, below=False)]
    return any(_has_contact(cell, _card_text(cell)) for cell in cells)


def _column_cells(node: LexborNode, below: bool) -> list[LexborNode]:
    """The cell in the same column of the next (or previous) table row, when it names nobody."""
    if node.tag not in ("td", "th") or node.parent is None or node.parent.tag != "tr":
        return []
    row = _element_sibling(node.parent, forward=below)
    if row is None or row.tag != "tr":
        return []
    column = [c.mem_id for c in _cells(node.parent)].index(node.mem_id)
    cells = _cells(row)
    return [cells[column]] if column < len(cells) and _anonymous(cells[column]) else []


def _cells(row: LexborNode) -> list[LexborNode]:
    cells, child = [], row.child
    while child is not None:
        if child.tag in ("td", "th"):
            cells.append(child)
        child = child.next
    return cells


@dataclass
class _Person:
    source: Source
    card: Card
    parts: dict[str, bool]


@check("executives")
def executives(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    need = component.params["need"]
    listed = [(s, executive_cards(s.html)) for s in bundle.readable if s.html]
    # The page that presents the executives (cards with photos or phones) is the one judged. A page that only
    # names them (the structure page's list "ปลัด : นาย…", a news item) is not their executives' page.
    presenting = [(s, cards) for s, cards in listed if any(c.has_photo or c.has_contact for c in cards)]
    people: dict[str, _Person] = {}
    for source, cards in presenting or listed:
        for n, card in enumerate(cards):
            parts = {"name": bool(card.name), "position": bool(card.position), "photo": card.has_photo}
            parts["contact"] = card.has_contact
            # One person on two pages (a page per side) is judged once, on the best of their cards.
            key = _name_key(card.name) if card.name else f"{source.url}#{n}"
            if key in people:
                known = people[key].parts
                people[key].parts = {p: known[p] or parts[p] for p in parts}
            else:
                people[key] = _Person(source, card, parts)
    if not people:
        return Finding(present=False, detail="ไม่พบข้อมูลผู้บริหารรายบุคคล / no executive entries found")
    hits = [Hit(p.source, f"{p.card.position}: {p.card.name}") for p in people.values() if p.parts[need]]
    missing = [f"{p.card.position} {p.card.name}".strip() for p in people.values() if not p.parts[need]]
    return Finding(present=not missing, hits=hits, missing_parts=missing[:6])
