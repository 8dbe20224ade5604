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
from bisect import bisect_left
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.parse import fold
from crawler.thaitext import arabic_digits
from rules.catalog import ComponentDef
from rules.checks.base import PHONE, Context, Finding, Hit, params_of
from rules.params import ExecutivesParams
from rules.sources import Bundle, Source

_NAME = re.compile(
    r"(?:นาย(?!กอง|กเทศ|ก\s|กอบ)|นางสาว|นาง|ว่าที่\s?ร(?:้อย)?\.?\s?ต(?:รี)?\.?|ดร\.|จ\.ส\.อ\.|ส\.อ\.|พ\.ต\.\S*|ร\.ต\.\S*)"
    r"\s?[\u0e01-\u0e4e]{2,}\s+[\u0e01-\u0e4e]{2,}"
)
_POSITION = re.compile(r"(นายก|รองนายก|ปลัด|รองปลัด|ผู้อำนวยการ|หัวหน้า|เลขานุการ|ประธานสภา)")
# One match per person's title, to tell one person's card from a list ("หัวหน้าสำนักปลัด" is one title).
_PERSON_POSITION = re.compile(r"(หัวหน้าสำนักปลัด|เลขานุการนายก|รองนายก|นายก|รองปลัด|(?<!สำนัก)ปลัด|ผู้อำนวยการ|หัวหน้า|ประธานสภา)")
_CHANNEL = re.compile(rf"({PHONE}|@[A-Za-z0-9.-]+\.[A-Za-z]{{2,}}|line\s?id|ไลน์)", re.IGNORECASE)
_CARD_TAG_SET = frozenset(("div", "li", "td", "article", "section", "figure", "tr", "p"))
_MAX_CARD_TEXT = 500  # characters: more is a list or a whole page, not one person's card
# Where lazy-loading scripts and themes keep the real photo while src holds a placeholder.
_IMG_SOURCES = ("src", "data-src", "data-lazy-src", "data-original", "data-srcset", "srcset")
_NOT_PHOTO = re.compile(r"(^data:image/(?:svg|gif)|\.(?:svg|gif)(?:[?#\s]|$))", re.IGNORECASE)
# Pictures that are not a person's photo: the organisation chart next to a list of names, logos, banners.
_NOT_PORTRAIT = re.compile(r"แผนผัง|โครงสร้าง|ผังองค์กร|org-?chart|logo|โลโก้|ตราสัญลักษณ์|banner|icon", re.IGNORECASE)
_BACKGROUND_PHOTO = re.compile(
    r"background(?:-image)?\s*:[^;]*url\(\s*['\"]?[^)'\"]+\.(?:jpe?g|png|webp)", re.IGNORECASE
)


# Page chrome that is no person's card, though an unclosed card swallows it: menus, sidebars, the footer. A page's
# <header> and <footer> are chrome; those of an article or a section (HTML5's header of a section) are its own.
_CHROME_TAGS = frozenset(("nav", "aside"))
_NOT_SHOWN = frozenset(("script", "style", "noscript", "template", "select", "head"))  # never a card's text
_SECTION_CHROME = frozenset(("header", "footer"))
_CHROME_NAME = re.compile(
    r"^(?:(?:site|page|main|global)[-_]?)?(?:footer|sidebar|side[-_]?bar|navbar|nav|menu|topbar|top[-_]?bar"
    r"|breadcrumbs?)(?:[-_](?:wrap(?:per)?|area|bottom|top|inner|container|widgets?|links|menu|nav))?$",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")  # a word: what the opening of a card (its photo, a number) has none of

Ranges = list[tuple[int, int]]


@dataclass
class Card:
    name: str
    position: str
    has_photo: bool
    has_contact: bool


@dataclass
class _Span:
    """An element and where its text lies in the page's text (see _Page)."""

    node: LexborNode
    start: int
    depth: int
    parent: _Span | None  # the nearest candidate element it is nested in
    chrome: bool = False
    end: int = 0
    key: str = ""  # the person the element opens with: its first name, with no word before it
    opens_card: bool = False  # the outermost element that opens with that person
    # The person of the card it lies in (its own key, or that of the element it is nested in that opened one). A key,
    # not that element: a span naming itself would be a reference cycle holding the page's whole lexbor tree alive
    # until the garbage collector's next full pass, so the trees of every page judged would pile up.
    card_key: str | None = None


@dataclass
class _Page:
    """The page read once, in document order: each element's text, photos and contact links are a range of
    offsets into one text, so no element is walked twice however deeply the page nests."""

    text: str
    spans: list[_Span]  # the candidate card elements, in document order
    chrome: list[_Span]  # menus, sidebars, the page's header and footer, in document order
    photos: list[int]  # offsets of the portraits (an <img>, a CSS background)
    contacts: list[int]  # offsets of the tel: and mailto: links
    words: list[tuple[int, int]]  # where the runs of letters start and end

    def read(self, ranges: Ranges) -> str:
        return fold(" ".join(self.text[a:b] for a, b in ranges))

    def holds(self, marks: list[int], ranges: Ranges) -> bool:
        return any((i := bisect_left(marks, a)) < len(marks) and marks[i] < b for a, b in ranges)

    def has_words(self, start: int, end: int) -> bool:
        i = bisect_left(self.words, (end,)) - 1
        return i >= 0 and self.words[i][1] > start


@dataclass
class _Candidate:
    span: _Span
    ranges: Ranges  # the element's own text: without the chrome (and the other people's cards) nested in it
    text: str


def executive_cards(html: str) -> list[Card]:
    """One card per person: the outermost element that holds exactly one name and a position.

    A page that leaves its closing tags out (</div>, </main>) nests its cards into one another: card 1 holds
    card 2, which holds card 3, and the last one the footer, while a browser shows them one after another. A
    person whose name no element holds alone is then read from the element that opens with their name (or with
    the photo before it), without the cards of other people and the page's chrome nested in it.

    When no element pairs a name with a position, the people are still listed, by name only (a gallery of
    names) or by position only (photos captioned with titles): those cards come back with the missing part
    empty, so that each part (name, position, photo, contact) is judged on its own."""
    page = _read(LexborHTMLParser(html))
    whole = [c for s in page.spans if (c := _candidate(page, s, _without(page, s, page.chrome)))]
    openings = sorted([s for s in page.spans if s.opens_card] + page.chrome, key=lambda s: (s.start, s.depth))
    own = [
        c
        for s in openings
        if not s.chrome and len(ranges := _without(page, s, openings)) > 1 and (c := _candidate(page, s, ranges))
    ]
    return (
        _named_cards(page, whole, own, need_position=True)
        or _named_cards(page, whole, own, need_position=False)
        or _titled_cards([(c.span.node, c.text) for c in whole])
    )


def _candidate(page: _Page, span: _Span, ranges: Ranges) -> _Candidate | None:
    """The element as a card, when its text is short enough for one (its length bounds the folded text's)."""
    if sum(b - a for a, b in ranges) > 2 * _MAX_CARD_TEXT or len(text := page.read(ranges)) > _MAX_CARD_TEXT:
        return None
    return _Candidate(span, ranges, text)


def _without(page: _Page, span: _Span, cuts: list[_Span]) -> Ranges:
    """The ranges of the element's text without the elements of `cuts` nested in it (chrome, and the cards of
    other people): `cuts` is in document order, outer elements first. Reading stops past a card's length."""
    ranges, at, kept = [], span.start, 0
    j = bisect_left(cuts, span.start, key=lambda s: s.start)
    while j < len(cuts) and cuts[j].start < span.end and kept <= 2 * _MAX_CARD_TEXT:
        cut = cuts[j]
        if cut.depth <= span.depth or cut.end > span.end or (cut.key == span.key and not cut.chrome):
            j += 1  # the element itself, one it is nested in, or the same person's
            continue
        ranges.append((at, cut.start))
        kept += cut.start - at
        at = max(at, cut.end)
        j = bisect_left(cuts, at, lo=j + 1, key=lambda s: s.start)  # past all that is nested in the cut
    ranges.append((at, span.end))
    return ranges


def _read(tree: LexborHTMLParser) -> _Page:
    """The page's text in document order (alt texts in place of their images) and its elements."""
    pieces: list[str] = []
    size = 0
    spans: list[_Span] = []
    chrome: list[_Span] = []
    photos: list[int] = []
    contacts: list[int] = []
    open_spans: list[_Span] = []
    root = tree.body or tree.root
    stack: list[tuple[LexborNode, int, bool] | _Span] = [(root, 0, False)] if root is not None else []
    while stack:
        item = stack.pop()
        if isinstance(item, _Span):  # the element's end: all inside it has been read
            item.end = size
            if not item.chrome:
                open_spans.pop()
            continue
        node, depth, in_section = item
        tag = node.tag or ""
        if tag == "-text":
            if text := arabic_digits(fold(node.text_content)):
                pieces.append(text)
                size += len(text) + 1
            continue
        if tag.startswith("-") or tag in _NOT_SHOWN:
            continue
        # Chrome is read too (an unclosed menu or top bar holds the rest of the page), to be left out of cards.
        if (chrome_node := _is_chrome(node, in_section)) or tag in _CARD_TAG_SET:
            span = _Span(node, size, depth, open_spans[-1] if open_spans else None, chrome_node)
            (chrome if span.chrome else spans).append(span)
            if not span.chrome:
                open_spans.append(span)
            stack.append(span)
        # The element's own mark lies inside its span: a card drawn on its own background photo holds that photo.
        if marks := _marks(node):
            (photos if marks == "photo" else contacts).append(size)
        alt = arabic_digits(fold(node.attributes.get("alt") or "")) if tag == "img" else ""
        if alt or marks:
            # A photo or a link takes a character of its own, so that an element holding only it is not empty.
            pieces.append(alt)
            size += len(alt) + 1
        children = []
        child = node.child
        while child is not None:
            children.append((child, depth + 1, in_section or tag in ("article", "section")))
            child = child.next
        stack.extend(reversed(children))
    text = " ".join(pieces) + " "
    page = _Page(text, spans, chrome, photos, contacts, [m.span() for m in _LETTERS.finditer(text)])
    _find_openings(page)
    return page


def _marks(node: LexborNode) -> str:
    """What the element marks: "photo" (an <img> portrait, a CSS background photo), "contact" (a tel: or mailto:
    link), or nothing."""
    if node.tag == "img":
        return "photo" if _is_photo(node) else ""
    if _BACKGROUND_PHOTO.search(node.attributes.get("style") or ""):
        return "photo"
    if node.tag == "a" and _contact_href(node):
        return "contact"
    return ""


def _is_chrome(node: LexborNode, in_section: bool) -> bool:
    if node.tag in _CHROME_TAGS or (node.tag in _SECTION_CHROME and not in_section):
        return True
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".split()
    return any(_CHROME_NAME.match(n) for n in names)


def _find_openings(page: _Page) -> None:
    """Mark the elements that open a person's card: the outermost element whose first name comes before any
    word (after a photo, a number or nothing). Cards nested by missing closing tags each open this way."""
    names = [(m.start(), m.end(), _name_key(m.group(0))) for m in _NAME.finditer(page.text)]
    starts = [n[0] for n in names]
    for span in page.spans:
        i = bisect_left(starts, span.start)
        if i < len(names) and names[i][1] <= span.end and not page.has_words(span.start, names[i][0]):
            span.key = names[i][2]
            span.opens_card = span.parent is None or span.parent.key != span.key
        span.card_key = span.key if span.opens_card else span.parent.card_key if span.parent else None


def _card_text(node: LexborNode) -> str:
    """The element's text and its images' alt texts: galleries often name the person only in the alt text."""
    alts = " ".join(img.attributes.get("alt") or "" for img in node.css("img[alt]"))
    return arabic_digits(fold(f"{node.text(separator=' ')} {alts}"))


def _names(text: str) -> set[str]:
    """The distinct names in a text (the same name in a caption and an alt text is one person)."""
    return {_name_key(m.group(0)) for m in _NAME.finditer(text)}


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", name)


def _named_cards(page: _Page, whole: list[_Candidate], own: list[_Candidate], need_position: bool) -> list[Card]:
    """Per person, the outermost element holding their name alone (with a position when `need_position`); for
    a person no element holds alone (cards nested by missing closing tags), their card's own part."""
    found = _by_name(page, whole, need_position)
    for key, chosen in _by_name(page, own, need_position).items():
        found.setdefault(key, chosen)
    return [card for _, _, card in sorted(found.values(), key=lambda f: f[1])]


def _by_name(page: _Page, candidates: list[_Candidate], need_position: bool) -> dict[str, tuple[int, int, Card]]:
    by_name: dict[str, tuple[int, int, Card]] = {}
    for c in candidates:
        position = _POSITION.search(c.text)
        if len(_names(c.text)) != 1 or (need_position and not position):
            continue
        name = _NAME.search(c.text).group(0)  # type: ignore[union-attr]  # _names found exactly one
        key = _name_key(name)
        if c.span.card_key is not None and c.span.card_key != key:
            continue  # the tail of another person's card that holds the next one (its closing tag left out)
        size = sum(b - a for a, b in c.ranges)
        if key in by_name and size <= by_name[key][0]:
            continue  # an element inside a larger card of the same person
        node = c.span.node
        photo = page.holds(page.photos, c.ranges) or _photo_beside(node, key)
        contact = bool(_CHANNEL.search(c.text)) or page.holds(page.contacts, c.ranges) or _contact_after(node, key)
        by_name[key] = (size, c.span.start, Card(name, position.group(0) if position else "", photo, contact))
    return by_name


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
    return any(_contact_href(a) for a in node.css("a[href]"))


def _contact_href(anchor: LexborNode) -> bool:
    """A tel: or mailto: link. A scheme has no case and browsers drop the spaces around an href: "TEL:" and
    " tel:" call as "tel:" does."""
    return (anchor.attributes.get("href") or "").strip().lower().startswith(("tel:", "mailto:"))


def _element_sibling(node: LexborNode, forward: bool) -> LexborNode | None:
    sibling = node.next if forward else node.prev
    while sibling is not None and sibling.tag.startswith("-"):  # type: ignore[union-attr]  # lexbor names text, comments "-text", "-comment"
        sibling = sibling.next if forward else sibling.prev
    return sibling


def _anonymous(node: LexborNode, key: str) -> bool:
    """An element that names nobody but the card's person (`key`), and no position unless it names them: a photo's
    or a phone's own paragraph (its alt text may name the person), not another card nor the page's footer."""
    if _is_chrome(node, in_section=False):
        return False
    text = _card_text(node)
    if len(text) > _MAX_CARD_TEXT:
        return False
    names = _names(text)
    if names - {key}:
        return False
    return key in names or not _PERSON_POSITION.search(text)


def _photo_beside(node: LexborNode, key: str) -> bool:
    """The photo just before the card (a classic editor's flow: image paragraph, then name and position), or in
    the same column one row up (an old table: a row of photos above a row of names)."""
    before = _element_sibling(node, forward=False)
    if before is not None and _anonymous(before, key) and _has_photo(before):
        return True
    return any(_has_photo(cell) for cell in _column_cells(node, key, below=False))


def _contact_after(node: LexborNode, key: str) -> bool:
    """The phone on its own line right after the card (โทร. / มือถือ under the name and position), or in the same
    column of the row below or above (an old table: a row of phones under the row of names)."""
    after = _element_sibling(node, forward=True)
    if after is not None and _anonymous(after, key) and _has_contact(after, _card_text(after)):
        return True
    cells = [*_column_cells(node, key, below=True), *_column_cells(node, key, below=False)]
    return any(_has_contact(cell, _card_text(cell)) for cell in cells)


def _column_cells(node: LexborNode, key: str, below: bool) -> list[LexborNode]:
    """The cell in the same column of the next (or previous) table row, when it names nobody but the card's person."""
    if node.tag not in ("td", "th") or node.parent is None or node.parent.tag != "tr":
        return []
    row = _element_sibling(node.parent, forward=below)
    if row is None or row.tag != "tr":
        return []
    column = [c.mem_id for c in _cells(node.parent)].index(node.mem_id)
    cells = _cells(row)
    return [cells[column]] if column < len(cells) and _anonymous(cells[column], key) else []


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


def executives(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    need = params_of(component, ExecutivesParams).need
    # Each page's HTML is read from the site once, here, and only its cards are kept.
    listed = [(s, executive_cards(html)) for s in bundle.readable if (html := s.html)]
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
