"""The executives check: one card per person read from a page's HTML, each judged on the part asked for.

- executives: finds one card per executive (a name with a title next to a position; failing that, a name
  alone or a position alone) and passes when every card has the part in `need` (name, position, photo,
  contact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.parse import fold
from crawler.thaitext import THAI_DIGITS
from rules.catalog import ComponentDef
from rules.checks.base import PHONE, Context, Finding, Hit, check
from rules.sources import Bundle

_NAME = re.compile(
    r"(นาย(?!กอง|กเทศ|ก\s|กอบ)|นางสาว|นาง|ว่าที่\s?ร(?:้อย)?\.?\s?ต(?:รี)?\.?|ดร\.|จ\.ส\.อ\.|ส\.อ\.|พ\.ต\.\S*|ร\.ต\.\S*)"
    r"\s?[\u0e01-\u0e4e]{2,}\s+[\u0e01-\u0e4e]{2,}"
)
_POSITION = re.compile(r"(นายก|รองนายก|ปลัด|รองปลัด|ผู้อำนวยการ|หัวหน้า|เลขานุการ|ประธานสภา)")
# One match per person's title, to tell one person's card from a list ("หัวหน้าสำนักปลัด" is one title).
_PERSON_POSITION = re.compile(r"(หัวหน้าสำนักปลัด|เลขานุการนายก|รองนายก|นายก|รองปลัด|(?<!สำนัก)ปลัด|ผู้อำนวยการ|หัวหน้า|ประธานสภา)")
_CHANNEL = re.compile(rf"({PHONE}|@[A-Za-z0-9.-]+\.[A-Za-z]{{2,}}|line\s?id|ไลน์)", re.IGNORECASE)
_CARD_TAGS = "div, li, td, article, section, figure, tr, p"


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
    nodes = [
        (n, t) for n in tree.css(_CARD_TAGS) if len(t := fold(n.text(separator=" ")).translate(THAI_DIGITS)) <= 500
    ]
    return _named_cards(nodes, need_position=True) or _named_cards(nodes, need_position=False) or _titled_cards(nodes)


def _named_cards(nodes: list[tuple[LexborNode, str]], need_position: bool) -> list[Card]:
    by_name: dict[str, tuple[int, Card]] = {}
    for node, text in nodes:
        position = _POSITION.search(text)
        if len(_NAME.findall(text)) != 1 or (need_position and not position):
            continue
        name = _NAME.search(text).group(0)  # type: ignore[union-attr]
        size = len(node.html or "")
        card = Card(name, position.group(0) if position else "", _has_photo(node), _has_contact(node, text))
        if name not in by_name or size > by_name[name][0]:
            by_name[name] = (size, card)
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
    return any(not (img.attributes.get("src") or "").lower().endswith((".svg", ".gif")) for img in node.css("img"))


def _has_tel(node: LexborNode) -> bool:
    return any((a.attributes.get("href") or "").startswith(("tel:", "mailto:")) for a in node.css("a[href]"))


@check("executives")
def executives(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    need = component.params["need"]
    hits, lacking = [], []
    for source in bundle.readable:
        cards = executive_cards(source.html) if source.html else []
        for card in cards:
            ok = {"name": bool(card.name), "position": bool(card.position), "photo": card.has_photo}.get(
                need, card.has_contact
            )
            (hits if ok else lacking).append((source, card))
    if not hits and not lacking:
        return Finding(present=False, detail="ไม่พบข้อมูลผู้บริหารรายบุคคล / no executive entries found")
    missing = [f"{card.position} {card.name}".strip() for _, card in lacking]
    finding = Finding(
        present=not lacking, hits=[Hit(s, f"{c.position}: {c.name}") for s, c in hits], missing_parts=missing[:6]
    )
    return finding
