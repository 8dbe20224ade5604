"""HTML to page facts: title, headings, visible text, links (with every label a human sees), images.

Uses selectolax's Lexbor parser, which is fast and tolerant of the broken markup common on these sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.models import Image, Link
from crawler.urls import looks_like_document, normalize
from crawler.viewers import document_url

_SPACE = re.compile(r"\s+")
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
_INVISIBLE = "script, style, noscript, template, svg"
# Navigation: the site's menus repeat on every page, so their words ("No Gift Policy", "ประกาศ…") must not
# count as evidence on each page. Header and footer stay: contact details legitimately live there.
_NAV_CANDIDATES = "nav, [role=navigation], ul[class], ul[id], div[class], div[id]"
_NAV_TOKEN = re.compile(
    r"(^|[\s_-])(nav|navbar|navigation|menu|mainmenu|topmenu|megamenu|mega|breadcrumbs?|crumbs?)($|[\s_-])",
    re.IGNORECASE,
)
_LINKING = "a[href], area[href], frame[src], iframe[src], embed[src], object[data]"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_LEVELS = 6  # ancestors searched for a heading before an embedded viewer
_HEADING_SIBLINGS = 12  # earlier siblings searched at each level

# JavaScript shells (single-page apps, menus built from JSON). The mount points frameworks render into:
_MOUNTS = "#app, #root, #__next, #__nuxt, #q-app, app-root, [ng-app], [ng-version], [data-reactroot], [data-v-app]"
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


def fold(text: str | None) -> str:
    """Collapse runs of whitespace (including the non-breaking spaces Thai sites love) to one space."""
    return _SPACE.sub(" ", (text or "").replace("\xa0", " ")).strip()


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


def parse_html(html: str, url: str) -> ParsedPage:
    tree = LexborHTMLParser(html)
    base = _base_url(tree, url)
    page = ParsedPage(title=fold(_first_text(tree, "title")))
    page.script_count = len(tree.css("script"))
    navigation = _navigation(tree)  # found once: it flags menu links and is then cut from the text
    page.links = _links(tree, base, navigation)
    for link in page.links:
        if not link.label and _embeds_document(link.source, link.url):
            link.title = page.title  # no heading above the viewer either: the page's title says what it shows
    page.images = _images(tree, base)
    page.headings = [h for h in (fold(n.text()) for n in tree.css("h1, h2, h3")) if h][:50]
    scripts = _scripts_build(tree)
    for node in tree.css(_INVISIBLE):
        node.decompose()
    for node in navigation:
        node.decompose()
    body = tree.body
    page.text = fold(body.text(separator=" ")) if body is not None else ""
    page.needs_browser, page.scripted = _javascript_shell(tree, page, scripts)
    return page


def _scripts_build(tree: LexborHTMLParser) -> tuple[bool, bool]:
    """(loads data, builds the page): inline code that requests data from the server; any code that writes
    HTML, or a framework's bundle."""
    code, size, bundle = [], 0, False
    for node in tree.css("script"):
        src = node.attributes.get("src") or ""
        bundle = bundle or bool(src and _BUNDLE.search(src))
        if not src and size < _SCRIPT_SCAN:
            text = node.text()
            code.append(text)
            size += len(text)
    inline = "\n".join(code)[:_SCRIPT_SCAN]
    loads = bool(_LOADS.search(inline))
    return loads, loads or bundle or bool(_WRITES.search(inline))


def _javascript_shell(tree: LexborHTMLParser, page: ParsedPage, scripts: tuple[bool, bool]) -> tuple[bool, bool]:
    """(needs a browser, scripted): see ParsedPage. Called after scripts were cut from the tree. A page with
    links of its own counts as scripted only when its scripts fetch data: writing HTML alone is what clocks
    and counters do, and would send most municipal pages to the browser."""
    loads, builds = scripts
    if page.script_count == 0:
        return False, False
    few_links = sum(1 for link in page.links if link.source in ("a", "area")) < _FEW_LINKS
    empty_mount = any(len(fold(node.text())) < _SHELL_TEXT for node in tree.css(_MOUNTS))
    shell = (few_links and (builds or empty_mount or page.script_count >= 3)) or (
        empty_mount and len(page.text) < _SHELL_TEXT
    )
    return shell, not shell and loads


def _first_text(tree: LexborHTMLParser, selector: str) -> str:
    node = tree.css_first(selector)
    return node.text() if node is not None else ""


def _base_url(tree: LexborHTMLParser, url: str) -> str:
    node = tree.css_first("base[href]")
    href = node.attributes.get("href") if node is not None else None
    return (normalize(href, url) or url) if href else url


def _navigation(tree: LexborHTMLParser) -> list[LexborNode]:
    """Menu and breadcrumb elements, outermost first; never one that holds the main content."""
    found = []
    for node in tree.css(_NAV_CANDIDATES):
        if node.tag not in ("nav",) and (node.attributes.get("role") or "") != "navigation":
            names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
            if not _NAV_TOKEN.search(names):
                continue
        if node.css_first("main, article, h1") is None:
            found.append(node)
    return found


def _links(tree: LexborHTMLParser, base: str, navigation: list[LexborNode]) -> list[Link]:
    links: list[Link] = []
    alts = _image_alts(tree)
    in_nav = {a.mem_id for nav in navigation for a in nav.css("a[href]")}
    resolve = _Resolver(base)
    for node in tree.css(_LINKING):
        href = node.attributes.get("href") or node.attributes.get("src") or node.attributes.get("data")
        target = resolve(href or "")
        if target is None:
            continue
        labels = _labels(node, alts.get(node.mem_id, ""))
        if not (labels["text"] or labels["title"]) and _embeds_document(node.tag, target):
            labels["title"] = _nearest_heading(node)
        links.append(Link(url=target, source=node.tag, nav=node.mem_id in in_nav, **labels))  # type: ignore[arg-type]
    for node in tree.css("meta[http-equiv]"):
        if (node.attributes.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH_URL.search(node.attributes.get("content") or "")
            target = normalize(match.group(1), base) if match else None
            if target:
                links.append(Link(url=target, source="meta_refresh"))
    return links


class _Resolver:
    """normalize() with a memo: a 100-link mega menu repeats the same hrefs on every page.

    Root-relative and absolute hrefs resolve the same way on every page of a site, so they are memoised by
    origin; relative ones by the page's directory.
    """

    _memo: ClassVar[dict[tuple[str, str], str | None]] = {}  # shared by every page of the process
    _MAX = 50_000

    def __init__(self, base: str) -> None:
        self.base = base
        scheme_end = base.find("://")
        path_start = base.find("/", scheme_end + 3) if scheme_end >= 0 else -1
        self.origin = base[:path_start] if path_start > 0 else base
        self.directory = base[: base.rfind("/") + 1] if "?" not in base and "#" not in base else base

    def __call__(self, href: str) -> str | None:
        href = href.strip()
        if href.startswith(("http://", "https://")):
            key = ("", href)
        elif href.startswith("/") and not href.startswith("//"):
            key = (self.origin, href)
        else:
            key = (self.directory, href)
        memo = _Resolver._memo
        if key not in memo:
            if len(memo) > self._MAX:
                memo.clear()
            target = normalize(href, self.base)
            # A viewer or share link stands for the file it shows: the crawler and the rules both see the file.
            memo[key] = (document_url(target) or target) if target else None
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
            if not sibling.tag.startswith("-"):  # text and comment nodes have no children to search
                inner = sibling.css(",".join(_HEADINGS))
                if inner:
                    return fold(inner[-1].text())
            sibling = sibling.prev
        current = current.parent
    return ""


def _image_alts(tree: LexborHTMLParser) -> dict[int, str]:
    """Alt texts of images inside links, keyed by the link node, found in one pass over the images."""
    alts: dict[int, str] = {}
    for area in tree.css("area[alt]"):
        alts[area.mem_id] = fold(area.attributes.get("alt"))
    for img in tree.css("a img[alt]"):
        anchor = img.parent
        while anchor is not None and anchor.tag != "a":
            anchor = anchor.parent
        alt = fold(img.attributes.get("alt"))
        if anchor is not None and alt:
            alts[anchor.mem_id] = f"{alts.get(anchor.mem_id, '')} {alt}".strip()
    return alts


def _labels(node: LexborNode, alt: str) -> dict[str, str]:
    title = node.attributes.get("title") or node.attributes.get("aria-label") or ""
    return {"text": fold(node.text()), "title": fold(title), "img_alt": alt}


def _images(tree: LexborHTMLParser, base: str) -> list[Image]:
    images = []
    for node in tree.css("img[src]"):
        src = normalize(node.attributes.get("src") or "", base)
        if src:
            images.append(Image(src=src, alt=fold(node.attributes.get("alt"))))
    return images
