"""What the rule engine may read about a crawled site.

The engine never touches the network: it reads a SiteData. A real scan reads it from the database
(oit.storage.StoredSite); tests and small tools can use MemorySite over a crawler MemorySink.
"""

from __future__ import annotations

from typing import Protocol

from crawler.models import Document, Link, Page


class SiteData(Protocol):
    start_url: str

    def page_summaries(self) -> list[tuple[str, str, list[str]]]: ...  # (url, title, headings) readable pages
    def links(self) -> list[Link]: ...  # unique (target, label) pairs of the whole site
    def page(self, url: str) -> Page | None: ...  # with html; a failed fetch comes back with .error
    def document(self, url: str) -> Document | None: ...
    def pages_containing(self, phrase: str, limit: int = 20) -> list[str]: ...


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

    def links(self) -> list[Link]:
        return self._links

    def page(self, url: str) -> Page | None:
        page = self._pages.get(url)
        if page is not None and not page.html and page.error is None and page.final_url != url:
            return self._pages.get(page.final_url, page)  # a redirect alias: the page it leads to
        return page

    def document(self, url: str) -> Document | None:
        document = self._documents.get(url)
        if document is None:
            return None
        labels = [link.label for link in self._links if link.url == url and link.label]
        return document.model_copy(update={"link_texts": list(dict.fromkeys([*document.link_texts, *labels]))})

    def pages_containing(self, phrase: str, limit: int = 20) -> list[str]:
        hits = sorted((p for p in self._pages.values() if phrase in p.text), key=lambda p: p.depth)
        return [p.url for p in hits[:limit]]


def _unique_links(links: list[Link]) -> list[Link]:
    seen: dict[tuple[str, str], Link] = {}
    for link in links:
        seen.setdefault((link.url, link.label), link)
    return list(seen.values())
