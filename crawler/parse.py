"""HTML to page facts: title, headings, visible text, links (with every label a human sees), images.

Uses selectolax's Lexbor parser, which is fast and tolerant of the broken markup common on these sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.models import Image, Link
from crawler.urls import normalize

_SPACE = re.compile(r"\s+")
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
_INVISIBLE = "script, style, noscript, template, svg"
_LINKING = "a[href], area[href], frame[src], iframe[src], embed[src], object[data]"


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


def parse_html(html: str, url: str) -> ParsedPage:
    tree = LexborHTMLParser(html)
    base = _base_url(tree, url)
    page = ParsedPage(title=fold(_first_text(tree, "title")))
    page.script_count = len(tree.css("script"))
    page.links = _links(tree, base)
    page.images = _images(tree, base)
    page.headings = [h for h in (fold(n.text()) for n in tree.css("h1, h2, h3")) if h][:50]
    for node in tree.css(_INVISIBLE):
        node.decompose()
    body = tree.body
    page.text = fold(body.text(separator=" ")) if body is not None else ""
    return page


def _first_text(tree: LexborHTMLParser, selector: str) -> str:
    node = tree.css_first(selector)
    return node.text() if node is not None else ""


def _base_url(tree: LexborHTMLParser, url: str) -> str:
    node = tree.css_first("base[href]")
    href = node.attributes.get("href") if node is not None else None
    return (normalize(href, url) or url) if href else url


def _links(tree: LexborHTMLParser, base: str) -> list[Link]:
    links: list[Link] = []
    for node in tree.css(_LINKING):
        href = node.attributes.get("href") or node.attributes.get("src") or node.attributes.get("data")
        target = normalize(href or "", base)
        if target is None:
            continue
        links.append(Link(url=target, source=node.tag, **_labels(node)))  # type: ignore[arg-type]
    for node in tree.css("meta[http-equiv]"):
        if (node.attributes.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH_URL.search(node.attributes.get("content") or "")
            target = normalize(match.group(1), base) if match else None
            if target:
                links.append(Link(url=target, source="meta_refresh"))
    return links


def _labels(node: LexborNode) -> dict[str, str]:
    alt = " ".join(fold(img.attributes.get("alt")) for img in node.css("img[alt]"))
    title = node.attributes.get("title") or node.attributes.get("aria-label") or ""
    if node.tag == "area":
        alt = fold(node.attributes.get("alt")) or alt
    return {"text": fold(node.text()), "title": fold(title), "img_alt": alt.strip()}


def _images(tree: LexborHTMLParser, base: str) -> list[Image]:
    images = []
    for node in tree.css("img[src]"):
        src = normalize(node.attributes.get("src") or "", base)
        if src:
            images.append(Image(src=src, alt=fold(node.attributes.get("alt"))))
    return images
