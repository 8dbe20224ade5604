"""What the rule engine may read about a crawled site.

The engine never touches the network: it reads a SiteData. A real scan reads it from the database
(oit.store.database.StoredSite); tests and small tools can use MemorySite over a crawler MemorySink.

Links are streamed, never held: a site of 2,000 text pages with "related" links has ~42,000 distinct (url, label)
pairs, and the engine keeps only the few hundred whose label or URL can name an item (rules/discovery.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple, Protocol

from crawler.models import Document, Link, Page


class SiteLink(NamedTuple):
    """One unique (url, label) link of the site, as light as a tuple: what discovery and the checks read of it."""

    url: str
    label: str
    external: bool = False
    nav: bool = False  # in the site's menu where the link was first seen (the store keeps it too)


class SiteData(Protocol):
    start_url: str

    def iter_page_summaries(self) -> Iterable[tuple[str, str, list[str]]]: ...  # (url, title, headings), streamed
    def iter_links(self) -> Iterable[SiteLink]: ...  # unique (url, label) pairs of the whole site, streamed
    def labels_to(self, url: str) -> list[str]: ...  # every label a link to `url` carries
    def page(self, url: str, html: bool = True) -> Page | None: ...  # a failed fetch comes back with .error
    def page_html(self, url: str) -> str: ...  # the page's HTML, read on each ask (the engine keeps none)
    def page_links(self, url: str) -> list[SiteLink] | None: ...  # as stored with the page (None: read its HTML)
    def document(self, url: str) -> Document | None: ...
    def pages_containing(self, phrase: str, limit: int = 20) -> list[str]: ...


class SiteLinks:
    """Every link of the site for the checks (a web board linked from any page), read from the site on each pass;
    what a check keeps of them is remembered per filter, so a pass over the site is made once per filter. Filters
    known beforehand (`watch`) are answered from the one pass discovery makes over the links (`see`, then
    `seen_all`): a text-heavy site's ~42,000 links are then read from the store once."""

    def __init__(
        self,
        source: Callable[[], Iterable[SiteLink]] | Iterable[SiteLink] = (),
        watch: Iterable[Callable[[str, str], bool]] = (),
    ) -> None:
        self._source = source
        self._kept: dict[Callable[[str, str], bool], list[SiteLink]] = {}
        self._watching: dict[Callable[[str, str], bool], list[SiteLink]] = {keep: [] for keep in watch}

    def see(self, link: SiteLink) -> None:
        """One link of the pass over the whole site, in site order."""
        for keep, kept in self._watching.items():
            if keep(link.url, link.label):
                kept.append(link)

    def seen_all(self) -> None:
        """The pass saw every link of the site: the watched filters are answered."""
        self._kept.update(self._watching)
        self._watching = {}

    def __iter__(self) -> Iterator[SiteLink]:
        return iter(self._source() if callable(self._source) else self._source)

    def where(self, keep: Callable[[str, str], bool]) -> list[SiteLink]:
        """The links for which keep(url, label) holds, in site order."""
        if keep not in self._kept:
            self._kept[keep] = [link for link in self if keep(link.url, link.label)]
        return self._kept[keep]


class MemorySite:
    def __init__(
        self, start_url: str, pages: list[Page], documents: list[Document], external: list[Link] | None = None
    ) -> None:
        self.start_url = start_url
        self._pages = {p.url: p for p in pages}
        self._pages.update({p.final_url: p for p in pages if p.final_url not in self._pages})
        self._documents = {d.url: d for d in documents}
        self._links = _unique_links([link for p in pages for link in p.links] + (external or []))

    def page_summaries(self) -> list[tuple[str, str, list[str]]]:
        return [(p.url, p.title, p.headings) for p in self._pages.values() if p.error is None]

    def iter_page_summaries(self) -> Iterator[tuple[str, str, list[str]]]:
        return iter(self.page_summaries())

    def links(self) -> list[Link]:
        return self._links

    def iter_links(self) -> Iterator[SiteLink]:
        return (SiteLink(link.url, link.label, link.external, link.nav) for link in self._links)

    def labels_to(self, url: str) -> list[str]:
        return [link.label for link in self._links if link.url == url]

    def page(self, url: str, html: bool = True) -> Page | None:  # held in memory: `html` spares nothing
        page = self._pages.get(url)
        if page is not None and not page.html and page.error is None and page.final_url != url:
            return self._pages.get(page.final_url, page)  # a redirect alias: the page it leads to
        return page

    def page_html(self, url: str) -> str:
        page = self.page(url)
        return page.html if page is not None else ""

    def page_links(self, url: str) -> list[SiteLink] | None:
        return None  # a page held in memory has its links (Page.links)

    def document(self, url: str) -> Document | None:
        document = self._documents.get(url)
        if document is None:
            return None
        labels = [label for label in self.labels_to(url) if label]
        return document.model_copy(update={"link_texts": list(dict.fromkeys([*document.link_texts, *labels]))})

    def pages_containing(self, phrase: str, limit: int = 20) -> list[str]:
        hits = sorted((p for p in self._pages.values() if phrase in p.text), key=lambda p: p.depth)
        return [p.url for p in hits[:limit]]


def _unique_links(links: list[Link]) -> list[Link]:
    seen: dict[tuple[str, str], Link] = {}
    for link in links:
        seen.setdefault((link.url, link.label), link)
    return list(seen.values())
