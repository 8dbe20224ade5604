"""HTML to page facts: title, headings, visible text, links (with every label a human sees), images.

Uses selectolax's Lexbor parser, which is fast and tolerant of the broken markup common on these sites.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar, TypedDict

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.models import Image, Link
from crawler.nesting import bound_nesting
from crawler.urls import looks_like_document, normalize
from crawler.viewers import document_url

_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
# Each selector of a list costs lexbor a walk of the whole page, so each is written with what a page's source must
# hold for it to match anything (see _Markup): the name of the element after "<", or of the attribute. Names cannot
# be written with character references, so a source without them has no such element; values can (id="m&#101;nu"),
# so a selector by value always walks, and so do those of elements every page has (b""): a search of the source
# costs about what a walk does.
_Selectors = tuple[tuple[str, bytes], ...]
# A name after "<" in the lower-cased source: "<" + any of _Selectors' names of elements ("<h1", "<im") is in the
# source exactly when one of these starts with the rest of it.
_TAG_NAME = re.compile(rb"<([a-z][a-z0-9]*)")
_SEARCHED_NAMES = 3  # element names searched one by one before the names after "<" are read at once (_Markup)
_INVISIBLE: _Selectors = (
    ("script", b"<script"), ("style", b"<style"), ("noscript", b"<noscript"), ("template", b"<template"), ("svg", b"<svg"),
)  # fmt: skip
# Navigation: the site's menus repeat on every page, so their words ("No Gift Policy", "ประกาศ…") must not
# count as evidence on each page. Header and footer stay: contact details legitimately live there.
_NAV_CANDIDATES: _Selectors = (
    ("nav", b"<nav"), ("[role=navigation]", b"role"), ("ul[class]", b""), ("ul[id]", b""),
    ("div[class]", b""), ("div[id]", b""),
)  # fmt: skip
_CONTENT_HOLDERS: _Selectors = (("main", b"<main"), ("article", b"<article"), ("h1", b"<h1"))
_PAGE_HEADINGS: _Selectors = (("h1", b"<h1"), ("h2", b"<h2"), ("h3", b"<h3"))
_ANCHORS = "a[href]"
_NAV_TOKEN = re.compile(
    r"(^|[\s_-])(nav|navbar|navigation|menu|mainmenu|topmenu|megamenu|mega|breadcrumbs?|crumbs?)($|[\s_-])",
    re.IGNORECASE,
)
_LINKING: _Selectors = (
    (_ANCHORS, b""), ("area[href]", b"<area"), ("frame[src]", b"frame"), ("iframe[src]", b"frame"),
    ("embed[src]", b"<embed"), ("object[data]", b"<object"),
)  # fmt: skip
_FRAMES: _Selectors = (("iframe", b"frame"), ("frame", b"frame"))
# An address in an onclick handler: window.open('…'), location.href = '…', location.assign('…'), self.location='…'.
_ONCLICK_URL = re.compile(
    r"""(?:window\.open|location\.(?:assign|replace)|location(?:\.href)?\s*=)\s*\(?\s*['"]([^'"]+)['"]""", re.IGNORECASE
)
_JUMP_MENU = re.compile(r"location|window\.open|jump|this\.value|options\[", re.IGNORECASE)  # a select that navigates
_ADDRESS = re.compile(r"^(?:https?://|/|\.{0,2}/?[\w\-]+(?:/|\.(?:php|html?|aspx?|jsp|pdf)\b))", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_LEVELS = 6  # ancestors searched for a heading before an embedded viewer
_HEADING_SIBLINGS = 12  # earlier siblings searched at each level

# JavaScript shells (single-page apps, menus built from JSON). The mount points frameworks render into:
_MOUNTS = "#app, #root, #__next, #__nuxt, #q-app, app-root, [ng-app], [ng-version], [data-reactroot], [data-v-app]"
# Lexbor walks the page once per selector of _MOUNTS (ten walks). Every mount point's markup holds one of these, in
# any case: "app" (#app, #q-app, app-root, ng-app, data-v-app), "root", "__n" (#__next, #__nuxt), "ng-version", or
# "&#" (an id written with character references). A page whose source holds none has no mount point to look for:
# most municipal pages, searched in a fraction of the time.
_MOUNT_MARKS = ("app", "root", "__n", "ng-version", "&#")
_MOUNT_MARKS_ASCII = tuple(mark.encode() for mark in _MOUNT_MARKS)
# Inline code that builds the page after it loads: data requested from the server (a menu or a document list
# from JSON), and HTML written into the document (which clocks and visitor counters do too).
_LOADS = re.compile(r"fetch\s*\(|XMLHttpRequest|\$\.(?:ajax|get|getJSON|post)\s*\(|\.load\s*\(\s*['\"]|axios\.")
_WRITES = re.compile(
    r"\.innerHTML\s*[+]?=|insertAdjacentHTML|document\.write\s*\(|createElement\s*\(\s*['\"]a['\"]|"
    r"new\s+Vue\s*\(|createApp\s*\(|ReactDOM|angular\.module",
)
_BUNDLE = re.compile(r"(?:^|/)(?:app|main|index|bundle|chunk|runtime|vendor)[.\-\w]*\.js(?:$|\?)", re.IGNORECASE)
_FEW_LINKS = 3  # fewer links than this, and the navigation must come from scripts
_SHELL_TEXT = 200  # characters: a framework's mount point with less text around it is an empty shell
_SCRIPT_SCAN = 200_000  # characters of inline script searched for builders (bounded work on huge pages)

# Navigation built by scripts: signs read in the raw HTML (crawler/engine.py renders the page to check, or, without
# a browser, the scan cannot claim that what it did not find is absent). Names are matched loosely ("cssmenu",
# "topnav") but not "canvas"; parts of a menu that hold no links in any theme (toggles, icons) are not menus.
_MENU_NAME = re.compile(r"menu|(?<!ca)nav", re.IGNORECASE)
_NOT_A_MENU = re.compile(r"toggle|icon|btn|button|burger|overlay|backdrop|close|open|crumb|search|mask", re.IGNORECASE)
# Pre-filtered in lexbor (C) to elements named like a menu: a Python loop over every div of a 40 kB page cost
# more than the rest of the signs together. _MENU_NAME still decides ("canvas" is no nav). Lexbor walks the page
# once per selector of a list, so the tags are checked in Python (a few dozen matches) rather than in 20 selectors.
_MENU_CONTAINERS: _Selectors = (
    ("nav", b"<nav"), ("[role=navigation]", b"role"), ("[id*=menu i]", b""), ("[id*=nav i]", b""),
    ("[class*=menu i]", b""), ("[class*=nav i]", b""),
)  # fmt: skip
_MENU_TAGS = ("ul", "ol", "div", "aside", "td")
_SCRIPT: _Selectors = (("script", b"<script"),)
_NOSCRIPT: _Selectors = (("noscript", b"<noscript"),)
# A menu container holding one of these is no sign of a script-built menu.
_FILLED = "a[href], area[href], iframe[src], frame[src], form, input, select"
_MENU_ELEMENT = r"['\"][^'\"]{0,80}(?:menu|nav)[^'\"]{0,80}['\"]"
# Menu data requested from the server (fetch('/menu.json'), $.getJSON('api/nav'), $('#menu').load('/menu.html')),
# or HTML written into an element named like a menu.
_MENU_LOAD = re.compile(
    rf"(?:fetch|getJSON|ajax|\.get|\.load|\.open|axios\.get)\s*\(\s*(?:['\"]GET['\"]\s*,\s*)?{_MENU_ELEMENT}|"
    rf"\$\(\s*{_MENU_ELEMENT}\s*\)\s*\.load\s*\(",
    re.IGNORECASE,
)
_MENU_TARGET = re.compile(rf"(?:getElementById|querySelector(?:All)?|\$)\s*\(\s*{_MENU_ELEMENT}", re.IGNORECASE)
_MAX_SIGNS = 6
_MENU_LEVELS = 6  # ancestors looked at for an enclosing menu
_ALT_LEVELS = 12  # ancestors looked at for the link around a picture (a banner's <a><div><figure><img>)
_SCRIPT_FILE = re.compile(r"([^/?#]+)\.m?js(?:$|[?#])", re.IGNORECASE)


def fold(text: str | None) -> str:
    """Collapse runs of whitespace (including the non-breaking spaces Thai sites love) to one space."""
    # str.split() cuts at exactly the characters the regex \s matches (U+00A0 included), in C: a fifth of the cost
    # of a regex substitution, on every label, heading and page text.
    return " ".join(text.split()) if text else ""


@dataclass
class ParsedPage:
    title: str = ""
    headings: list[str] = field(default_factory=list)
    text: str = ""
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    script_count: int = 0
    # The raw HTML is a JavaScript shell (no navigation of its own, scripts that build it): render it.
    needs_browser: bool = False
    # Scripts build part of the page (a list or menu from JSON), though it has links of its own: rendered only
    # when an item's evidence is missing and may be there (the second pass of a scan).
    scripted: bool = False
    # Signs that scripts build the site's navigation, each "Thai / English" (empty menu containers, a menu
    # script, menu data loaded by script, a menu frame without an address, a <noscript> notice).
    nav_signs: list[str] = field(default_factory=list)
    # The page's template: its script files and navigation containers. Pages of one layout share it, so the
    # crawler renders one page per layout to compare links (crawler/engine.py).
    layout: str = ""
    # The markup that was read, when the page nested its elements too deeply to read whole (crawler/nesting.py):
    # its deepest tags dropped. Kept instead of the page's own, so that every later reader is bounded too.
    bounded_html: str = ""


def parse_html(html: str, url: str, memo: LinkMemo | None = None) -> ParsedPage:
    """The page's facts. A crawl passes one `memo` for all its pages (see LinkMemo)."""
    bounded = bound_nesting(html)
    tree = LexborHTMLParser(bounded.html)
    markup = _Markup(bounded.html)
    base = _base_url(tree, url, markup)
    page = ParsedPage(title=fold(_first_text(tree, "title")), bounded_html=bounded.html if bounded.dropped else "")
    scripts = _Scripts(tree, markup)
    page.script_count = scripts.count
    navigation = _navigation(tree, markup)  # found once: it flags menu links and is then cut from the text
    outer = _outermost(navigation)
    page.links = _links(tree, base, outer, markup, memo)
    if markup.has(b"frame") or markup.has(b"<embed") or markup.has(b"<object"):
        _title_embedded(page.links, lambda: page.title)
    page.images = _images(tree, _Resolver(base), markup)
    page.headings = [h for h in (fold(n.text()) for n in markup.css(tree, _PAGE_HEADINGS)) if h][:50]
    builds = _scripts_build(scripts)
    mountable = scripts.count > 0 and markup.may_mount()  # pages without scripts are not looked at
    page.nav_signs = navigation_signs(tree, page, navigation, scripts, mountable, markup)
    page.layout = _layout(scripts, navigation, page.nav_signs)
    for node in markup.css(tree, _INVISIBLE):
        node.decompose()
    for node in outer:  # a menu inside one goes with it
        node.decompose()
    body = tree.body
    page.text = fold(body.text(separator=" ")) if body is not None else ""
    page.needs_browser, page.scripted = _javascript_shell(tree, page, builds, mountable)
    return page


def _may_mount(html: str) -> bool:
    """Whether the markup may hold a framework's mount point (see _MOUNT_MARKS)."""
    return _Markup(html).may_mount()


class _Markup:
    """What a page's source holds, read for names: its ASCII characters in lower case (lexbor reads element and
    attribute names so). A name missing here is on no element of the tree; a name found may be a false alarm (a
    word of the text, or letters joined where a Thai character was dropped), which only costs the walk."""

    def __init__(self, html: str) -> None:
        # Not html.lower(): a Thai character's case is looked up one by one, at four times the cost of dropping it.
        self.low = html.encode("ascii", "ignore").lower()
        self._found: dict[bytes, bool] = {b"": True}
        self._tags: list[bytes] | None = None  # the names written after "<", sorted (see _has_tag)
        self._searched = 0

    def _has_tag(self, prefix: bytes) -> bool:
        """Whether "<" + `prefix` (letters and digits) is in the source: whether a name after a "<" starts with it.
        parse_html asks ~15 names, most of them (<svg, <template, <area…) on no page of a site, and a name that is
        not there costs a whole search: past the first few, the names after "<" are read in one pass for all of
        them (a reader of a stored page's pictures asks one or two: searched as they come)."""
        if self._tags is None:
            self._searched += 1
            if self._searched <= _SEARCHED_NAMES:
                return b"<" + prefix in self.low
            self._tags = sorted(set(_TAG_NAME.findall(self.low)))
        at = bisect_left(self._tags, prefix)
        return at < len(self._tags) and self._tags[at].startswith(prefix)

    def css(self, tree: LexborHTMLParser | LexborNode, selectors: _Selectors) -> list[LexborNode]:
        """tree.css() of the selectors that may match: the same nodes, without a walk for the others."""
        present = self.selectors(selectors)
        return tree.css(present) if present else []

    def selectors(self, selectors: _Selectors) -> str:
        return ", ".join(selector for selector, name in selectors if self.has(name))

    def has(self, name: bytes) -> bool:
        """Whether `name` is in the source (a search of it, once per name: several lists ask for the same)."""
        found = self._found.get(name)
        if found is None:
            found = self._found[name] = self._has_tag(name[1:]) if name[:1] == b"<" else name in self.low
        return found

    def may_mount(self) -> bool:
        return any(mark in self.low for mark in _MOUNT_MARKS_ASCII)


def links_and_images(html: str, url: str) -> tuple[list[Link], list[Image]]:
    """The links and images parse_html() finds on a page, read the same way, without the rest (its text, headings,
    scripts, layout and signs): the rule engine reads a stored page again only for these."""
    tree, markup, base = _reread(html, url)
    links = _links(tree, base, _outermost(_navigation(tree, markup)), markup)
    _title_embedded(links, lambda: fold(_first_text(tree, "title")))
    return links, _images(tree, _Resolver(base), markup)


def images(html: str, url: str) -> list[Image]:
    """The images links_and_images() finds on a page, without reading its links: the rule engine takes a stored
    page's links from the store and only its pictures from the HTML, a tenth of the work on a page of a hundred
    links."""
    tree, markup, base = _reread(html, url)
    return _images(tree, _Resolver(base), markup)


def _reread(html: str, url: str) -> tuple[LexborHTMLParser, _Markup, str]:
    """A stored page parsed again as parse_html() parsed it: the same nesting bound, element names and base URL."""
    bounded = bound_nesting(html)
    tree = LexborHTMLParser(bounded.html)
    markup = _Markup(bounded.html)
    return tree, markup, _base_url(tree, url, markup)


def _title_embedded(links: list[Link], page_title: Callable[[], str]) -> None:
    """A frame, embed or object showing a document with no label of its own takes the page's title: with no heading
    above the viewer either, the title says what it shows. (Never shared through the memo: only these change.)"""
    title: str | None = None
    for link in links:
        if link.source in _EMBEDDING and _embeds_document(link.source, link.url) and not link.label:
            title = page_title() if title is None else title
            link.title = title


class _Scripts:
    """The page's <script> elements read once: their files (src) and their inline code, bounded."""

    def __init__(self, tree: LexborHTMLParser, markup: _Markup) -> None:
        self.sources: list[str] = []
        code, size, count = [], 0, 0
        for node in markup.css(tree, _SCRIPT):
            count += 1
            src = node.attributes.get("src")
            if src is not None:
                self.sources.append(src)
            elif size < _SCRIPT_SCAN:
                text = node.text()
                code.append(text)
                size += len(text)
        self.count = count
        self.inline = "\n".join(code)[:_SCRIPT_SCAN]


def _scripts_build(scripts: _Scripts) -> tuple[bool, bool]:
    """(loads data, builds the page): inline code that requests data from the server; any code that writes
    HTML, or a framework's bundle."""
    bundle = any(src and _BUNDLE.search(src) for src in scripts.sources)
    loads = bool(_LOADS.search(scripts.inline))
    return loads, loads or bundle or bool(_WRITES.search(scripts.inline))


def _javascript_shell(
    tree: LexborHTMLParser, page: ParsedPage, scripts: tuple[bool, bool], mountable: bool = True
) -> tuple[bool, bool]:
    """(needs a browser, scripted): see ParsedPage. Called after scripts were cut from the tree. A page with
    links of its own counts as scripted only when its scripts fetch data: writing HTML alone is what clocks
    and counters do, and would send most municipal pages to the browser."""
    loads, builds = scripts
    if page.script_count == 0:
        return False, False
    few_links = sum(1 for link in page.links if link.source in ("a", "area")) < _FEW_LINKS
    if few_links and (builds or page.script_count >= 3):
        shell = True
    elif few_links or len(page.text) < _SHELL_TEXT:  # an empty mount point then makes it a shell
        shell = mountable and any(len(fold(node.text())) < _SHELL_TEXT for node in tree.css(_MOUNTS))
    else:
        shell = False  # links and text of its own: no mount point is looked for (ten selectors, a page walk each)
    return shell, not shell and loads


def navigation_signs(
    tree: LexborHTMLParser,
    page: ParsedPage,
    navigation: list[LexborNode],
    scripts: _Scripts,
    mountable: bool,
    markup: _Markup,
) -> list[str]:
    """Signs that scripts build the page's navigation, read before scripts and noscript are cut from the tree.
    A page without scripts builds nothing. Strong signs count on any page: an empty menu container, an empty
    framework mount point, menu data loaded by script, a menu frame without an address. Weak ones (a script file named like a menu, code that
    writes into a menu, a <noscript> notice) count only when the page shows no menu of its own: themes ship
    navigation.js to fold a static menu for phones, and sliders ask for JavaScript too."""
    if page.script_count == 0:
        return []
    code = scripts.inline
    mounts = _empty_mounts(tree) if mountable else []  # `mountable`: the markup may hold one (_may_mount)
    signs = [*_empty_menus(tree, markup), *mounts, *_menu_loads(code), *_menu_frames(tree, markup)]
    if sum(1 for link in page.links if link.nav) < _FEW_LINKS:
        signs += _weak_signs(tree, scripts, markup)
    return list(dict.fromkeys(signs))[:_MAX_SIGNS]


def _empty_menus(tree: LexborHTMLParser, markup: _Markup) -> list[str]:
    """Menu containers with no links: a <nav>, a list or a box named like a menu, waiting for a script to fill it.
    A list or <nav> may hold a "loading…" line; a box must be empty. A container inside a menu that has links
    (a dropdown placeholder) is not a sign, nor one inside a container already counted."""
    found: list[str] = []
    counted: set[int] = set()
    met: set[int] = set()  # an element matching two selectors of the list comes twice
    for node in markup.css(tree, _MENU_CONTAINERS):
        if node.mem_id in met:
            continue
        met.add(node.mem_id)
        tag, attributes = node.tag, node.attributes  # a new dict at each access: read once
        names = f"{attributes.get('id') or ''} {attributes.get('class') or ''}"
        navigation = tag == "nav" or attributes.get("role") == "navigation"
        if not navigation and tag not in _MENU_TAGS:
            continue
        if not (navigation or _MENU_NAME.search(names)) or _NOT_A_MENU.search(names):
            continue
        # Most menus hold links: one walk of the container finds one, before the seven of the full check.
        if node.css_first("a[href]") is not None or node.css_first(_FILLED) is not None:
            continue
        limit = 60 if navigation or tag in ("ul", "ol") else 2
        if _visible_length(node) > limit or _within(node, counted) or _inside_full_menu(node):
            continue
        counted.add(node.mem_id)
        label = _label(node)
        found.append(f"เมนู {label} ว่างเปล่า รอสคริปต์เติมลิงก์ / empty menu container {label}")
    return found


def _empty_mounts(tree: LexborHTMLParser) -> list[str]:
    """A framework's mount point with no links in it: the app draws the menu there (a page may still have a
    static footer, so it is not a shell)."""
    found = []
    for node in tree.css(_MOUNTS):
        if node.css_first("a[href]") is None and _visible_length(node) < _SHELL_TEXT:
            label = _label(node)
            found.append(f"จุดที่เฟรมเวิร์กสร้างหน้า {label} ว่างเปล่า / an empty framework mount point {label}")
    return found[:1]


def _menu_loads(code: str) -> list[str]:
    match = _MENU_LOAD.search(code)
    if match is None:
        return []
    call = fold(match.group(0)).rstrip("( ")[:80]
    return [f"สคริปต์โหลดข้อมูลเมนูจากเซิร์ฟเวอร์ ({call}) / a script loads the menu from the server ({call})"]


def _menu_frames(tree: LexborHTMLParser, markup: _Markup) -> list[str]:
    """A frame named like a menu, or inside a menu, whose address a script sets: nothing to follow without one.
    A menu frame with an address is a page like any other, crawled through its link."""
    found = []
    for node in markup.css(tree, _FRAMES):
        src = (node.attributes.get("src") or "").strip()
        if src and not src.lower().startswith(("about:", "javascript:")):
            continue
        names = f"{_names(node)} {node.attributes.get('name') or ''} {node.attributes.get('data-src') or ''}"
        if _MENU_NAME.search(names) or _inside_menu(node):
            label = _label(node)
            found.append(f"เมนูในกรอบ {label} ที่สคริปต์กำหนดที่อยู่ / a menu frame {label} whose address scripts set")
    return found


def _weak_signs(tree: LexborHTMLParser, scripts: _Scripts, markup: _Markup) -> list[str]:
    signs = []
    for src in scripts.sources:
        match = _SCRIPT_FILE.search(src)
        if match and _MENU_NAME.search(match.group(1)):
            signs.append(f"สคริปต์เมนู {src[:80]} / a menu script {src[:80]}")
    code = scripts.inline
    if _MENU_TARGET.search(code) and _WRITES.search(code):
        signs.append("สคริปต์ในหน้าเขียนเมนูลงในหน้า / an inline script writes the menu")
    for node in markup.css(tree, _NOSCRIPT):
        notice = fold(node.text())[:80]
        if notice:
            signs.append(f"ข้อความ <noscript> «{notice}» / a <noscript> notice «{notice}»")
            break
    return signs


def _names(node: LexborNode) -> str:
    attributes = node.attributes
    return f"{attributes.get('id') or ''} {attributes.get('class') or ''}"


def _label(node: LexborNode) -> str:
    """<tag id class>, as a user finds the element in the page's source."""
    attributes = " ".join(f'{key}="{(node.attributes.get(key) or "")[:40]}"' for key in ("id", "class", "name")
                          if node.attributes.get(key))  # fmt: skip
    return f"<{node.tag}{' ' + attributes if attributes else ''}>"


def _visible_length(node: LexborNode) -> int:
    hidden = sum(len(fold(inner.text())) for inner in node.css("script, noscript, template, style"))
    return len(fold(node.text())) - hidden


def _within(node: LexborNode, counted: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in counted:
            return True
        parent = parent.parent
    return False


def _inside_full_menu(node: LexborNode) -> bool:
    """Inside a menu that already shows links: a submenu filled on hover, not the site's navigation."""
    parent, level = node.parent, 0
    while parent is not None and level < _MENU_LEVELS:
        if (parent.tag == "nav" or _MENU_NAME.search(_names(parent))) and len(parent.css("a[href]")) >= _FEW_LINKS:
            return True
        parent, level = parent.parent, level + 1
    return False


def _inside_menu(node: LexborNode) -> bool:
    parent, level = node.parent, 0
    while parent is not None and level < _MENU_LEVELS:
        if parent.tag == "nav" or _MENU_NAME.search(_names(parent)):
            return True
        parent, level = parent.parent, level + 1
    return False


def _layout(scripts: _Scripts, navigation: list[LexborNode], signs: list[str]) -> str:
    """The page's template: the names of its script files and navigation containers (pages of one CMS theme
    share them), and whether it shows signs of scripted navigation."""
    files = set()
    for src in scripts.sources:
        match = _SCRIPT_FILE.search(src)
        files.add(match.group(1) if match else "?")
    menus = {f"{node.tag}#{_names(node).strip()}" for node in navigation}
    return " ".join([*sorted(files)[:40], "|", *sorted(menus)[:40], "|", "signs" if signs else ""])


def _first_text(tree: LexborHTMLParser, selector: str) -> str:
    node = tree.css_first(selector)
    return node.text() if node is not None else ""


def _base_url(tree: LexborHTMLParser, url: str, markup: _Markup) -> str:
    return base_url(tree, url) if markup.has(b"<base") else url  # most pages declare none: not searched for


def base_url(tree: LexborHTMLParser, url: str) -> str:
    """What the page's relative links resolve against: its <base href>, else the page's own address."""
    node = tree.css_first("base[href]")
    href = node.attributes.get("href") if node is not None else None
    return (normalize(href, url) or url) if href else url


def _navigation(tree: LexborHTMLParser, markup: _Markup) -> list[LexborNode]:
    """Menu and breadcrumb elements, outermost first; never one that holds the main content."""
    found = []
    holders = _holders(markup.css(tree, _CONTENT_HOLDERS))
    for node in markup.css(tree, _NAV_CANDIDATES):
        attributes = node.attributes
        if node.tag != "nav" and attributes.get("role") != "navigation":
            names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
            if not _NAV_TOKEN.search(names):
                continue
        if node.mem_id not in holders:
            found.append(node)
    return found


def _holders(matches: list[LexborNode]) -> set[int]:
    """The elements that hold one of `matches`: one walk up from each match, stopping where an earlier walk
    passed, so that a page of nested menus costs one pass rather than one search of the page per menu."""
    holders: set[int] = set()
    for node in matches:
        parent = node.parent
        while parent is not None and parent.mem_id not in holders:
            holders.add(parent.mem_id)
            parent = parent.parent
    return holders


def _outermost(navigation: list[LexborNode]) -> list[LexborNode]:
    """The menus not inside another (a submenu's links are its menu's). Each menu walks up its ancestors, stopping at
    one an earlier walk decided: one pass over the ancestors' union, not a visit to every element of every menu."""
    menus = {node.mem_id for node in navigation}
    within: dict[int, bool] = {}  # element -> inside a menu (known from an earlier walk)
    outer = []
    for node in navigation:
        path, parent, inside = [], node.parent, False
        while parent is not None:
            mem_id = parent.mem_id
            if mem_id in within:
                inside = within[mem_id]
                break
            if mem_id in menus:
                inside = True
                break
            path.append(mem_id)
            parent = parent.parent
        within.update(dict.fromkeys(path, inside))
        if not inside:
            outer.append(node)
    return outer


def _links(
    tree: LexborHTMLParser,
    base: str,
    menus: list[LexborNode],
    markup: _Markup,
    memo: LinkMemo | None = None,
) -> list[Link]:
    """The page's links; `menus` are its outermost navigation elements. With `memo`, a link an earlier page of
    the crawl showed in the same words (the site's menu and footer, on every page) is that page's Link again."""
    links: list[Link] = []
    alts = _image_alts(tree, markup)
    alt_of = alts.get if alts else _no_alt  # most pages link no picture with an alt text
    in_nav = {a.mem_id for nav in menus for a in nav.css("a[href]")}
    resolve = _Resolver(base)
    memo = memo if memo is not None else LinkMemo()
    where = resolve.where
    linking = markup.selectors(_LINKING)
    anchors = linking == _ANCHORS  # most pages: every node is an <a>, its tag need not be read (a new str each time)
    tag = "a"
    for node in tree.css(linking):
        attributes = node.attributes  # a new dict at each access: read once per link
        href = (attributes.get("href") or attributes.get("src") or attributes.get("data") or "").strip()
        mem_id = node.mem_id
        if not anchors:
            tag = node.tag  # type: ignore[assignment]  # an element a selector matched has a name (no cast: per link)
            if tag in _EMBEDDING:  # labelled by what is around it: never the same as another page's
                target = resolve(href)
                if target is not None:
                    links.append(_link(node, attributes, target, tag, alt_of(mem_id, ""), mem_id in in_nav))
                continue
        raw_text, raw_title = node.text(), attributes.get("title") or attributes.get("aria-label")
        key = (where(href), href, raw_text, raw_title, alt_of(mem_id, ""), tag, mem_id in in_nav)
        link = memo.recent(key) or memo.older(key)  # `recent` changes when a generation is let go
        if link is None:
            target = resolve.resolved(key[0], href)
            # Built without validation: every field is a str/bool made here and `tag` is one of _LINKING's tags,
            # all LinkSource values (validating ~120 links a page cost ~1 ms of a page's ~8).
            link = None if target is None else Link.trusted(target, fold(raw_text), fold(raw_title), *key[4:])
            memo.put(key, link)
        if link is not None:
            links.append(link)
    links += _script_links(tree, resolve, alts, in_nav, markup)
    for node in markup.css(tree, _META):
        if (node.attributes.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH_URL.search(node.attributes.get("content") or "")
            target = normalize(match.group(1), base) if match else None
            if target:
                links.append(Link(url=target, source="meta_refresh"))
    return links


def _no_alt(_mem_id: int, default: str) -> str:
    return default


def _link(node: LexborNode, attributes: dict, target: str, tag: str, alt: str, nav: bool) -> Link:
    """A frame, embed or object: without a label of its own, a document it shows takes the heading above it."""
    text, title = fold(node.text()), fold(attributes.get("title") or attributes.get("aria-label"))
    if not (text or title) and _embeds_document(tag, target):
        title = _nearest_heading(node)
    return Link.trusted(target, text, title, alt, tag, nav)


class LinkMemo:
    """One crawl's links by what their element says (address, words, picture, tag, in a menu or not): a site's
    menu and footer (~100 links) come again on every page and are built once rather than per page, with their
    address resolved and their words folded once. The pages share those Link objects.

    Per crawl, not per process: the crawl marks off-site links external on the Link itself (crawler/engine.py),
    which holds within one crawl's scope only. Bounded in two generations: when the newer one is full it becomes
    the older and the oldest is let go; a link met again is carried forward, so the menu stays while one-off links
    (news items, page numbers) go."""

    GENERATION = 256

    def __init__(self) -> None:
        self._new: dict[tuple, Link] = {}
        self._old: dict[tuple, Link] = {}
        self.recent = self._new.get  # the newer generation's look-up, called per link
        self.built = 0  # Links made (or addresses found not to be links): what a test counts

    def older(self, key: tuple) -> Link | None:
        """A link of the older generation, carried forward into the newer one."""
        link = self._old.get(key)
        if link is not None:
            self._keep(key, link)
        return link

    def put(self, key: tuple, link: Link | None) -> None:
        self.built += 1
        if link is not None:  # a mailto: or javascript: href is cheap to find again: not kept
            self._keep(key, link)

    def _keep(self, key: tuple, link: Link) -> None:
        if len(self._new) >= self.GENERATION:
            self._old, self._new = self._new, {}
            self.recent = self._new.get
        self._new[key] = link


_EMBEDDING = frozenset(("embed", "object", "iframe", "frame"))
_META: _Selectors = (("meta[http-equiv]", b"http-equiv"),)
_ONCLICK: _Selectors = (("[onclick]", b"onclick"),)
_JUMP_MENUS: _Selectors = (("select[onchange]", b"onchange"),)
_AREA_ALTS: _Selectors = (("area[alt]", b"<area"),)
_LINKED_IMAGE_ALTS: _Selectors = (("a img[alt]", b"<im"),)  # <image> is read as <img>
_IMAGES: _Selectors = (("img[src]", b""),)


def _script_links(
    tree: LexborHTMLParser, resolve: _Resolver, alts: dict[int, str], in_nav: set[int], markup: _Markup
) -> list[Link]:
    """Links a visitor clicks that live in script attributes rather than in href: buttons, cells and banners with
    onclick="location.href='…'" or window.open('…') (Thai municipal themes use them for menu tiles and ITA
    banners), and jump menus (<select onchange="…location…"> whose options hold addresses). No browser is needed
    to read them: the address is written in the attribute."""
    links: list[Link] = []
    for node in markup.css(tree, _ONCLICK):
        attributes = node.attributes
        match = _ONCLICK_URL.search(attributes.get("onclick") or "")
        target = resolve(match.group(1)) if match else None
        if target is not None:
            labels = _labels(node, alts.get(node.mem_id, "") or _inner_alt(node), attributes)
            links.append(Link(url=target, nav=node.mem_id in in_nav, **labels))
    for select in markup.css(tree, _JUMP_MENUS):
        if not _JUMP_MENU.search(select.attributes.get("onchange") or ""):
            continue
        for option in select.css("option[value]"):
            value = (option.attributes.get("value") or "").strip()
            target = resolve(value) if _ADDRESS.match(value) else None
            if target is not None:
                links.append(Link(url=target, text=fold(option.text())))
    return links


def _inner_alt(node: LexborNode) -> str:
    """Alt texts of the pictures inside a clickable tile (an image banner with no text of its own)."""
    return " ".join(alt for img in node.css("img[alt]") if (alt := fold(img.attributes.get("alt"))))


class _Resolver:
    """normalize() with a memo: a 100-link mega menu repeats the same hrefs on every page.

    Root-relative and absolute hrefs resolve the same way on every page of a site, so they are memoised by
    origin; relative ones by the page's directory, but a query alone (href="?page=2") by the page's own address:
    it stays on that page (list.php?page=2), whichever directory the page is in.
    """

    _memo: ClassVar[dict[tuple[str, ...], str | None]] = {}  # shared by every page of the process
    # Menus repeat a few hundred hrefs; the rest are met once or twice. Emptied when full: it then refills with the
    # menus at once, and a 20,000-page site does not keep every href it ever resolved.
    _MAX = 4096

    def __init__(self, base: str) -> None:
        self.base = base
        scheme_end = base.find("://")
        path_start = base.find("/", scheme_end + 3) if scheme_end >= 0 else -1
        self.origin = base[:path_start] if path_start > 0 else base
        self.directory = base[: base.rfind("/") + 1] if "?" not in base and "#" not in base else base

    def where(self, href: str) -> str:
        """What `href` (stripped) resolves against: the same href from the same place, the same address."""
        first = href[:1]  # one test of the first character, not three prefix searches, on every link of a page
        if first == "/":
            return self.directory if href[1:2] == "/" else self.origin
        if first == "?":
            return self.base
        if first == "h" and href.startswith(("http://", "https://")):
            return ""
        return self.directory

    def __call__(self, href: str) -> str | None:
        href = href.strip()
        return self.resolved(self.where(href), href)

    def resolved(self, where: str, href: str) -> str | None:
        """__call__ of a stripped `href` whose where() is known."""
        key = (where, href)
        memo = _Resolver._memo
        if key not in memo:
            if len(memo) > self._MAX:
                memo.clear()
            target = normalize(href, self.base)
            # A viewer or share link stands for the file it shows: the crawler and the rules both see the file.
            memo[key] = (document_url(target) or target) if target else None
        return memo[key]

    def address(self, href: str) -> str | None:
        """normalize(href, base), memoised: the address of a picture (a logo, a banner) as it is written."""
        href = href.strip()
        key = (self.where(href), href, "as written")  # not the file a viewer link stands for, as __call__ gives
        memo = _Resolver._memo
        if key not in memo:
            if len(memo) > self._MAX:
                memo.clear()
            memo[key] = normalize(href, self.base)
        return memo[key]


def _embeds_document(tag: str, url: str) -> bool:
    """An embedded document has no label of its own: the heading above it (or the page's title) says what it
    shows. <embed>/<object> hold files; a frame only counts when it shows a document, because a map or a
    video framed under "ติดต่อเรา" must not look like contact evidence."""
    return tag in ("embed", "object") or (tag in ("iframe", "frame") and looks_like_document(url))


def _nearest_heading(node: LexborNode) -> str:
    """The text of the closest heading before `node` (its earlier siblings, then its ancestors' earlier
    siblings), bounded so that a page of thousands of elements costs little."""
    current: LexborNode | None = node
    for _ in range(_HEADING_LEVELS):
        if current is None:
            break
        sibling = current.prev
        for _ in range(_HEADING_SIBLINGS):
            if sibling is None:
                break
            if sibling.tag in _HEADINGS:
                return fold(sibling.text())
            if not sibling.tag.startswith("-"):  # type: ignore[union-attr]  # lexbor names text and comments "-text"…
                inner = sibling.css(",".join(_HEADINGS))
                if inner:
                    return fold(inner[-1].text())
            sibling = sibling.prev
        current = current.parent
    return ""


def _image_alts(tree: LexborHTMLParser, markup: _Markup) -> dict[int, str]:
    """Alt texts of images inside links, keyed by the link node, found in one pass over the images."""
    alts: dict[int, str] = {}
    for area in markup.css(tree, _AREA_ALTS):
        alts[area.mem_id] = fold(area.attributes.get("alt"))
    for img in markup.css(tree, _LINKED_IMAGE_ALTS):
        anchor, level = img.parent, 0
        while anchor is not None and anchor.tag != "a" and level < _ALT_LEVELS:
            anchor, level = anchor.parent, level + 1
        alt = fold(img.attributes.get("alt"))
        if anchor is not None and anchor.tag == "a" and alt:
            alts[anchor.mem_id] = f"{alts.get(anchor.mem_id, '')} {alt}".strip()
    return alts


class _Labels(TypedDict):  # what a person reads on a script link: Link's fields of the same names
    text: str
    title: str
    img_alt: str


def _labels(node: LexborNode, alt: str, attributes: dict[str, str | None] | None = None) -> _Labels:
    attributes = node.attributes if attributes is None else attributes
    title = attributes.get("title") or attributes.get("aria-label")
    return {"text": fold(node.text()), "title": fold(title), "img_alt": alt}


def _images(tree: LexborHTMLParser, resolve: _Resolver, markup: _Markup) -> list[Image]:
    images = []
    for node in markup.css(tree, _IMAGES):
        src = resolve.address(node.attributes.get("src") or "")
        if src:
            images.append(Image(src=src, alt=fold(node.attributes.get("alt"))))
    return images
