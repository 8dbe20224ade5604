"""A bound on how deeply a page nests its elements, applied before the HTML parser sees it.

HTML parsers look down the stack of open elements at every block start tag (is a <p> open? a <li>?), so a
page of 100,000 nested <div>, <ul><li> or <blockquote> costs lexbor tens of seconds, quadratically, and the
same again in every rule that re-reads the page. No real page nests more than a few dozen levels; Chromium
stops nesting at 512 (kMaximumHTMLParserDOMTreeDepth). Here the tags that would open elements deeper than
that are dropped before parsing: their text, links and images stay, in document order, one level flatter.

Depth is tracked over a light model of the tree builder: end tags close up to their open element, elements
with optional end tags (li, td, p, option, …) close their open sibling, void and foreign self-closing
elements open nothing, and script, style and comments are skipped whole. The model never needs to be exact:
it only has to see deep nesting as deep and ordinary sloppy markup (unclosed <li>, <td><div>…</td>) as
shallow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DEPTH = 512  # open elements, as Chromium's HTML parser
NOTE = "หน้าเว็บซ้อนแท็กลึกผิดปกติ อ่านเพียงบางส่วน / page nested too deeply: read in part"
# "<" in a page (counted in C): fewer tags cannot nest deeply enough to cost much (4,000 nested <div> cost lexbor
# 30 ms), and the look at every tag (about 1 µs each) is spared to ordinary pages.
_FEW_TAGS = 4_000

_TOKEN = re.compile(
    r"<(?:!--.*?(?:-->|\Z)|(script|style|textarea|xmp|title)\b[^>]*>.*?(?:</\1\s*>|\Z)|(/?)([a-zA-Z][\w:-]*)([^>]*)>)",
    re.IGNORECASE | re.DOTALL,
)
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
                   "source", "track", "wbr", "basefont", "bgsound", "frame"))  # fmt: skip
_FOREIGN = frozenset(("svg", "math"))
# An element with an optional end tag closes its open sibling, unless a container opened since (a nested list).
_SIBLINGS = {
    "li": (("li",), ("ul", "ol", "menu")),
    "dt": (("dt", "dd"), ("dl",)),
    "dd": (("dt", "dd"), ("dl",)),
    "td": (("td", "th"), ("tr", "table")),
    "th": (("td", "th"), ("tr", "table")),
    "tr": (("tr", "td", "th"), ("table", "tbody", "thead", "tfoot")),
    "tbody": (("tbody", "thead", "tfoot", "tr", "td", "th"), ("table",)),
    "thead": (("tbody", "thead", "tfoot", "tr", "td", "th"), ("table",)),
    "tfoot": (("tbody", "thead", "tfoot", "tr", "td", "th"), ("table",)),
    "option": (("option",), ("select", "datalist", "optgroup")),
    "optgroup": (("optgroup", "option"), ("select",)),
    "p": (("p",), ("td", "th", "table", "button", "div", "li", "object")),
    "a": (("a",), ("td", "th", "table", "object")),  # links never nest: a new one closes the open one
}
# Elements an end tag does not close through (the parser's "scope"): </div> inside a cell leaves outer divs open.
_BARRIERS = frozenset(("td", "th", "table", "caption", "template", "object", "marquee", "applet", "button"))
# Kept whatever their depth: the page's links, frames and headings (none of them nests within its own kind).
_KEPT = frozenset(("a", "iframe", "h1", "h2", "h3", "h4", "h5", "h6"))
_INLINE = frozenset(("b", "i", "u", "s", "em", "strong", "span", "font", "small", "big", "sub", "sup", "tt", "code",
                     "mark", "cite", "abbr", "q", "label", "nobr"))  # fmt: skip


@dataclass
class Bounded:
    html: str
    depth: int  # deepest nesting the model saw
    dropped: int  # tags dropped to keep the page within MAX_DEPTH


class _Stack:
    """The open elements by name, with where each name sits, so that closing never searches the stack."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.dropped: list[bool] = []  # whether the element's start tag was dropped (its end tag goes too)
        self.at: dict[str, list[int]] = {}
        self.barriers: list[int] = [-1]  # where the open elements an end tag cannot close through sit

    def last(self, name: str) -> int:
        positions = self.at.get(name)
        return positions[-1] if positions else -1

    def foreign(self) -> bool:
        """Inside <svg> or <math>, where <path/> closes itself."""
        return self.last("svg") >= 0 or self.last("math") >= 0

    def pop_to(self, position: int) -> None:
        """Close the element at `position` and everything opened inside it."""
        names, at, barriers = self.names, self.at, self.barriers
        while len(names) > position:
            at[names.pop()].pop()
            self.dropped.pop()
            if barriers[-1] == len(names):
                barriers.pop()

    def open_tag(self, name: str) -> bool:
        """Open `name`; False when it would sit deeper than MAX_DEPTH and its tag is to be dropped."""
        siblings = _SIBLINGS.get(name)
        if siblings is not None:
            closes, containers = siblings
            sibling = max(self.last(other) for other in closes)
            if sibling >= 0 and sibling > max(self.last(c) for c in containers):
                self.pop_to(sibling)
        depth = len(self.names)
        kept = depth < MAX_DEPTH or name in _KEPT
        self.at.setdefault(name, []).append(depth)
        self.names.append(name)
        self.dropped.append(not kept)
        if name in _BARRIERS:
            self.barriers.append(depth)
        return kept

    def close_tag(self, name: str) -> bool:
        """Close `name` if it is open in scope; False when its start tag was dropped."""
        position = self.last(name)
        if position < 0 or (position < self.barriers[-1] and self.barriers[-1] != position):
            return True  # a stray end tag, or one outside the table it sits in: the parser ignores it
        kept = not self.dropped[position]
        self.pop_to(position)
        return kept


def bound_nesting(html: str) -> Bounded:
    """The page with every tag dropped that would open an element deeper than MAX_DEPTH (see above)."""
    if html.count("<") < _FEW_TAGS:
        return Bounded(html, 0, 0)
    pieces: list[str]
    stack, deepest, pieces, done = _Stack(), 0, [], 0
    for match in _TOKEN.finditer(html):
        slash, name, attributes = match.group(2, 3, 4)
        if name is None:
            continue  # a comment or raw text element: nothing in it opens elements
        name = name.lower()
        if slash:
            kept = stack.close_tag(name)
        elif name in _VOID or (attributes.endswith("/") and stack.foreign()):
            continue
        else:
            kept = stack.open_tag(name)
            deepest = max(deepest, len(stack.names))
        if not kept:
            pieces += (html[done : match.start()], "" if name in _INLINE else " ")
            done = match.end()
    if not pieces:
        return Bounded(html, deepest, 0)
    pieces.append(html[done:])
    return Bounded("".join(pieces), deepest, len(pieces) // 2)
