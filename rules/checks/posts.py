"""The dated_posts check: news and activity posts a page lists, each judged by its own date.

- dated_posts: passes when a page lists a dated post (the innermost list item, table row, article or news
  card holding a date and a title; or the page itself, a date under its heading) that names one of `any`
  (if given) and none of `exclude_any` (procurement notices, letters from other agencies), or when a document
  is named by `document_any`. Each post is judged by the time rule on its own date (the date element of the
  post, not a date in its title). Fails when no such post is found (dates the parser cannot read, such as
  English month names, are not seen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.parse import base_url, fold
from crawler.thaitext import match_key
from crawler.urls import normalize
from rules.catalog import ComponentDef
from rules.checks.base import Context, Finding, Hit, _found, _is_named, params_of
from rules.params import DatedPostsParams
from rules.sources import Bundle
from rules.thaidates import find_dates


@dataclass
class _Post:
    title: str
    date_text: str
    url: str


_POST_NODES = "li, tr, article, div, section"
_POST_CLASS = re.compile(r"news|post|item|card|entry|blog|article|box|media|activity|event", re.IGNORECASE)
_CHROME = {"nav", "header", "footer"}


def _posts(html: str, url: str) -> list[_Post]:
    """Dated posts a page lists: the innermost list item, table row, article or news card that holds a date
    and a title; failing any, the page itself when a date follows its heading (a single news post)."""
    tree = LexborHTMLParser(html)
    kept: dict[int, tuple[LexborNode, str, str]] = {}
    for node in tree.css(_POST_NODES):
        if node.tag in ("div", "section") and not _POST_CLASS.search(node.attributes.get("class") or ""):
            continue
        text = fold(node.text(separator=" "))
        if len(text) > 600 or len(re.findall(r"[\u0e01-\u0e2e]", text)) < 15 or _in_chrome(node):
            continue
        spans = [s for s in find_dates(text) if s.kind in ("day", "month")]
        own = _post_date(node) if spans or node.css_first("time[datetime]") is not None else None
        if own or spans:
            kept[node.mem_id] = (node, text, own or spans[-1].text)
    inner = [entry for entry in kept.values() if not any(_is_inside(o, entry[0]) for o, _, _ in kept.values())]
    posts = [_Post(text, date_text, _first_href(node, url)) for node, text, date_text in inner]
    return posts or _single_post(tree, url)


_AFTER_HEADING = 300  # a post's date is written within this many characters after its title


def _single_post(tree: LexborHTMLParser, url: str) -> list[_Post]:
    """The page itself as one post: its title (the last h1 outside the site's header, as the site's name is often
    an h1 too; else its first h2) and the date written under it ("วันที่ 10 มกราคม 2569 …", "เขียนโดย … วันพฤหัสบดีที่
    15 มกราคม 2569") or the date its theme marks up (<time datetime>, article:published_time)."""
    h1 = [n for n in tree.css("h1") if not _in_chrome(n)]
    h2 = [n for n in tree.css("h2") if not _in_chrome(n)]
    node = h1[-1] if h1 else h2[0] if h2 else None
    if node is None:
        return []
    title = fold(node.text(separator=" "))
    date_text = _marked_up_date(tree) or _date_after(node, title)
    return [_Post(title, date_text, url)] if date_text and title else []


def _date_after(node: LexborNode, title: str) -> str | None:
    """The first day date in the text that follows the heading, within its section (climbing out of a wrapper
    that holds only the heading)."""
    container = node.parent
    while container is not None:
        text = fold(container.text(separator=" "))
        at = text.find(title)
        after = text[at + len(title) : at + len(title) + _AFTER_HEADING] if at >= 0 else ""
        if len(after.strip()) >= 20 or container.tag == "body":
            spans = [s for s in find_dates(after) if s.kind == "day"]
            return spans[0].text if spans else None
        container = container.parent
    return None


def _marked_up_date(tree: LexborHTMLParser) -> str | None:
    """The publication date a theme marks up for machines: WordPress' <time datetime="2026-01-15T09:00:00+07:00">
    (its text may be in English, which the date parser does not read) or the article:published_time meta tag."""
    for node in tree.css("time[datetime]"):
        if not _in_chrome(node):
            value = (node.attributes.get("datetime") or "")[:10]
            if any(s.kind == "day" for s in find_dates(value)):
                return value
    meta = tree.css_first('meta[property="article:published_time"]')
    value = (meta.attributes.get("content") or "")[:10] if meta is not None else ""
    return value if any(s.kind == "day" for s in find_dates(value)) else None


_ASIDE = re.compile(r"sidebar|side-bar|widget|menu|navbar", re.IGNORECASE)
_TITLE_LETTERS = 12  # Thai consonants in a post's title ("ติดต่อเรา" and "หน้าหลัก" are no posts)


def post_links(html: str, base: str) -> list[str]:
    """The posts a list page links, in its order: links in the page's content (not its header, footer, menus or
    sidebars, which every page of the site repeats) whose text is a title of some words. A news list of titles
    only carries no date; each post carries its own."""
    urls: list[str] = []
    tree = LexborHTMLParser(html)
    base = base_url(tree, base)  # a declared <base href>, as the crawler read the links
    for anchor in tree.css("a[href]"):
        label = fold(anchor.text(separator=" "))
        if len(re.findall(r"[\u0e01-\u0e2e]", label)) < _TITLE_LETTERS or _in_chrome(anchor, sidebars=True):
            continue
        url = normalize(anchor.attributes.get("href") or "", base)
        if url and url not in urls:
            urls.append(url)
    return urls


def _in_chrome(node: LexborNode, sidebars: bool = False) -> bool:
    """Inside the site's header, footer or menus, which every page repeats; with `sidebars`, inside its sidebars
    and widgets too (a list page's own posts are in neither)."""
    parent = node.parent
    while parent is not None:
        if parent.tag in _CHROME:
            return True
        if sidebars and (
            parent.tag == "aside"
            or _ASIDE.search(f"{parent.attributes.get('id') or ''} {parent.attributes.get('class') or ''}")
        ):
            return True
        parent = parent.parent
    return False


def _is_inside(node: LexborNode, ancestor: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def _post_date(node: LexborNode) -> str | None:
    """The post's own date: an element of the post that holds nothing but a date ("2 ก.พ. 2569",
    "วันที่ 2 ก.พ. 2569"), not a date inside its title ("ชำระภาษี… ภายใน 30 เมษายน 2569")."""
    for child in node.css("time[datetime]"):
        value = (child.attributes.get("datetime") or "")[:10]
        if any(s.kind == "day" for s in find_dates(value)):
            return value  # the theme's machine-readable date (its text may be "January 15, 2026")
    for child in node.css("span, time, small, td, p, div, em"):
        text = fold(child.text(separator=" "))
        spans = find_dates(text) if len(text) <= 40 else []
        if len(spans) == 1 and len(text) - len(spans[0].text) <= 12:
            return spans[0].text
    return None


def _first_href(node: LexborNode, base: str) -> str:
    anchor = node.css_first("a[href]")
    href = anchor.attributes.get("href") if anchor is not None else None
    # A link that opens the post by script or in a popup ("JavaScript:openNews(302)": schemes have no case) leaves
    # the list page as the post's evidence.
    return urljoin(base, href) if href and not href.lower().startswith(("#", "javascript:")) else base


def dated_posts(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    p = params_of(component, DatedPostsParams)
    wanted, exclude, documents = p.any, p.exclude_any, p.document_any
    hits = []
    for source in bundle.readable:
        if source.kind == "document":
            if documents and _is_named(source, documents, []) and (not wanted or _found(source, wanted)):
                hits.append(Hit(source, fold(source.link_text or source.text[:120])))
            continue
        html = source.html if source.kind == "page" else ""  # read once from the site, dropped after the page
        if not html:
            continue
        for post in _posts(html, source.url):
            key = match_key(post.title)
            if any(match_key(x) in key for x in exclude) or (wanted and not any(match_key(x) in key for x in wanted)):
                continue  # a procurement notice or another agency's letter is not the agency's news
            # Each post is judged by its own date: the page around it (its sidebar, its footer) says nothing.
            own = replace(
                source,
                url=post.url,
                text=post.date_text,
                title=post.title,
                markup="",
                load_html=None,
                links=[],
                context="",
            )
            hits.append(Hit(own, post.title[:160]))
    return Finding(present=bool(hits), hits=hits, detail=None if hits else "ไม่พบรายการที่ระบุวันที่ / no dated posts")
