"""A web page of the demo agency as data (tools/demosite/content/pages/*.toml): its path, title, breadcrumbs and
its body, the page's HTML as the agency's web editor wrote it, filled by fill().

The body may name:
    {org}, {phone}, {email}, {address}, ...   a field of the agency (agency.toml)
    {ex[mayor].name}, {ex[palad].position}    an executive by key
    {rel[img/logo.png]}                       a site path, relative to the page
    {li[must]}, {option[units]}               a list of the page's own [lists], as <li> or <option> items
    {rows}, {news}, ...                       a fragment the generator draws from other content (tables, cards)
    [[docs/x.pdf|label]]                      a link to a site path (a PDF is marked, an outside site opens apart)
A planted gap in the page's content is declared in its [planted] table, beside that content.
"""

from __future__ import annotations

import posixpath
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator

from .base import Planted, Strict

if TYPE_CHECKING:  # model.py loads the pages
    from .model import Agency

LINK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


Crumbs = list[tuple[str, str]] | None  # (label, site path or "" for the page itself); None: no trail


class Page(Strict):
    path: str
    title: str
    crumbs: Crumbs = None
    legacy: bool = False  # written in windows-874 bytes, as old sites are
    sitemap: bool = True
    body: str
    lists: dict[str, list[str]] = Field(default_factory=dict)
    planted: Planted | None = None

    @field_validator("body")
    @classmethod
    def _no_closing_newline(cls, v: str) -> str:
        return v.removesuffix("\n")  # the closing ''' stands on its own line in the file


class MenuEntry(Strict):
    label: str
    href: str
    sub: list[tuple[str, str]] = Field(default_factory=list)  # (label, href) of its drop-down


class Site(Strict):
    """The frame around every page (content/site.toml)."""

    frame: str
    menu: list[MenuEntry]


def load_pages(directory: Path) -> list[Page]:
    """Every page file of the directory, in name order."""
    pages = []
    for f in sorted(directory.glob("*.toml")):
        with f.open("rb") as fh:
            pages.append(Page(**tomllib.load(fh)))
    return pages


def rel(here: str, target: str) -> str:
    """A relative link from the page at site path `here` to site path `target`."""
    if target.startswith(("http://", "https://", "mailto:", "tel:", "#")):
        return target
    path, _, frag = target.partition("#")
    out = posixpath.relpath(path, posixpath.dirname(here) or ".")
    return out + (f"#{frag}" if frag else "")


def link(here: str, target: str, label: str, pdf: bool = False) -> str:
    ext = ' target="_blank" rel="noopener"' if target.startswith("http") else ""
    cls = ' class="pdf"' if pdf or target.endswith(".pdf") else ""
    return f'<a href="{rel(here, target)}"{cls}{ext}>{label}</a>'


class _Rel(dict[str, str]):
    def __init__(self, here: str) -> None:
        super().__init__()
        self.here = here

    def __missing__(self, target: str) -> str:
        return rel(self.here, target)


def _items(lists: dict[str, list[str]], tag: str) -> dict[str, str]:
    return {name: "".join(f"<{tag}>{t}</{tag}>" for t in items) for name, items in lists.items()}


def fill(page: Page, agency: Agency, values: dict[str, Any]) -> str:
    """The page's body with its placeholders and links filled in; a name the body uses but nobody gives fails."""
    ctx = agency.model_dump() | {
        "ex": {e.key: e for e in agency.executives},
        "rel": _Rel(page.path),
        "li": _items(page.lists, "li"),
        "option": _items(page.lists, "option"),
    }
    text = page.body.format_map(ctx | values)
    return LINK.sub(lambda m: link(page.path, m[1], m[2]), text)


def menu_html(site: Site, ctx: dict[str, Any]) -> str:
    """The menu; an href may name an agency field ({egp}), and one to another site opens apart."""
    out = ['<nav class="main"><ul>']
    for m in site.menu:
        out.append(f'<li><a href="{m.href}">{m.label}</a>')
        if m.sub:
            out.append(f'<div class="{"mega wide" if len(m.sub) > 6 else "mega"}">')
            for label, href in ((lb, h.format_map(ctx)) for lb, h in m.sub):
                ext = ' target="_blank" rel="noopener"' if href.startswith("http") else ""
                out.append(f'<a href="{href}"{ext}>{label}</a>')
            out.append("</div>")
        out.append("</li>")
    out.append("</ul></nav>")
    return "\n".join(out)


def framed(site: Site, agency: Agency, here: str, title: str, body: str, crumbs: Crumbs, legacy: bool) -> str:
    """The whole HTML document of a page: the site's frame around its body."""
    charset = "windows-874" if legacy else ""
    trail = ""
    if crumbs is not None:
        parts = [f'<a href="{rel(here, "index.html")}">หน้าหลัก</a>']
        parts += [f'<a href="{rel(here, p)}">{t}</a>' if p else t for t, p in crumbs]
        trail = '<div class="crumb">' + " &raquo; ".join(parts) + "</div>"
    ctx = agency.model_dump() | {"title": title, "body": body, "crumbs": trail}
    ctx["charset"] = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        if charset
        else '<meta charset="utf-8">'
    )
    ctx["menu"] = menu_html(site, ctx)
    return site.frame.format_map(ctx)
