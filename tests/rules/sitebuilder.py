"""Build a rules.site.MemorySite from realistic fixtures, the way the crawler would have stored the site.

Fixtures live in tests/fixtures/rules/. An HTML fixture is the content of one page; `page()` puts it inside
the site's layout (header with a search box, footer with address and phone), as real อบต. pages are.
Fixtures mark optional parts with comments:

    <!-- part:phone -->โทรศัพท์ 0-4341-4123<!-- /part:phone -->

and `build_site(..., drop={"phone"})` removes every such part from every page and document, so a test
can say "the same site, without its phone number" and nothing else changes.

A real scan judges the site from SQLite (oit.store.database.StoredSite), the tests build it in memory: `evaluate()` and
`item()` judge both, the site written into a real SQLite store through the crawler's sink (ScanStore), and fail on
any difference in the verdicts (status, components, gaps, evidence) or the discovery notes. OIT_RULE_STORES=memory
judges the memory route alone (`make mutate`, where the second route would double the time of every mutant).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from sqlalchemy import Engine

from crawler.models import Document, Page
from crawler.parse import parse_html
from crawler.urls import in_scope, looks_like_document, normalize
from oit.store.database import ScanStore, StoredSite, open_engine
from rules.catalog import Catalog, load_catalog
from rules.evaluate import evaluate_site
from rules.results import ItemResult
from rules.site import MemorySite

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
BASE = "https://www.koksawang.go.th/"
AS_OF = date(2026, 5, 15)  # ITA 2569 is filled in around April-May 2569 (2026)
YEAR = 2569


@dataclass(frozen=True)
class Unreadable:
    """A page or document the crawler fetched but could not read (HTTP error, scanned PDF), with the HTTP status
    the server answered (None: no answer, e.g. a timeout)."""

    reason: str
    status: int | None = None


@dataclass(frozen=True)
class Read:
    """A document as the crawler read it: its text and what its geometry says (crawler.documents.DocumentText)."""

    text: str
    timeline_rows: int | None = None
    extractor: str = "pdftotext"


Content = str | Unreadable | Read


def fixture(name: str, **subs: str) -> str:
    """A fixture's text with {{key}} placeholders filled in."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for key, value in subs.items():
        text = text.replace("{{" + key + "}}", value)
    left = re.findall(r"\{\{(\w+)\}\}", text)
    if left:
        raise KeyError(f"{name}: unfilled placeholders {left}")
    return text


def page(name: str, title: str, **subs: str) -> str:
    """A content fixture inside the site layout."""
    return fixture("layout.html", title=title, content=fixture(name, **subs))


def home(menu: Iterable[tuple[str, str]]) -> str:
    """The home page, its main menu made of (label, href) pairs."""
    items = "\n".join(f'<li><a href="{href}">{label}</a></li>' for label, href in menu)
    return page("home.html", "หน้าแรก", menu=items)


def drop_parts(text: str, names: Iterable[str]) -> str:
    for name in names:
        pattern = rf"<!--\s*part:{re.escape(name)}\s*-->.*?<!--\s*/part:{re.escape(name)}\s*-->"
        text = re.sub(pattern, "", text, flags=re.DOTALL)
    return text


def url(path: str, base: str = BASE) -> str:
    full = normalize(urljoin(base, path))
    assert full is not None, path
    return full


def build_site(
    pages: Mapping[str, Content],
    documents: Mapping[str, Content] | None = None,
    *,
    drop: Iterable[str] = (),
    base: str = BASE,
) -> MemorySite:
    """A crawled site: `pages` and `documents` map paths (or URLs) to HTML / extracted text, or Unreadable."""
    drop = tuple(drop)
    built = [_page(url(path, base), content, drop, base) for path, content in pages.items()]
    labels = _labels_by_target(built)
    docs = [_document(url(path, base), content, drop, labels) for path, content in (documents or {}).items()]
    external = [link for p in built for link in p.links if link.external]
    return MemorySite(url("/", base), built, docs, external)


def _page(page_url: str, content: Content, drop: tuple[str, ...], base: str) -> Page:
    if isinstance(content, Unreadable):
        return Page(url=page_url, final_url=page_url, status=content.status, error=content.reason)
    html = drop_parts(content, drop)
    parsed = parse_html(html, page_url)
    for link in parsed.links:
        # As the crawler does: links off the site are recorded as external, not followed.
        link.external = not in_scope(link.url, base)
    return Page(
        url=page_url,
        final_url=page_url,
        status=200,
        content_type="text/html; charset=utf-8",
        title=parsed.title,
        headings=parsed.headings,
        text=parsed.text,
        html=html,
        links=parsed.links,
        images=parsed.images,
        depth=0 if page_url == url("/", base) else 1,
    )


def _labels_by_target(pages: list[Page]) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = {}
    for p in pages:
        for link in p.links:
            if looks_like_document(link.url) and link.label:
                labels.setdefault(link.url, []).append(link.label)
    return labels


def _document(doc_url: str, content: Content, drop: tuple[str, ...], labels: dict[str, list[str]]) -> Document:
    kind = "application/pdf" if doc_url.endswith(".pdf") else "application/octet-stream"
    link_texts = labels.get(doc_url, [])[:1]
    if isinstance(content, Unreadable):
        status = 200 if content.status is None else content.status  # a scanned PDF: 200, but no text
        return Document(url=doc_url, final_url=doc_url, status=status, content_type=kind, error=content.reason)
    read = content if isinstance(content, Read) else Read(content)
    text = drop_parts(read.text, drop)
    return Document(
        url=doc_url,
        final_url=doc_url,
        status=200,
        content_type=kind,
        size=len(text.encode()),
        text=text,
        pages=max(1, text.count("\f") + 1),
        extractor=read.extractor,
        timeline_rows=read.timeline_rows,
        link_texts=link_texts,
    )


# --- evaluation ----------------------------------------------------------------------------------------
def evaluate(
    site: MemorySite, as_of: date = AS_OF, declared: dict[str, list[str]] | None = None
) -> tuple[dict[str, ItemResult], list[str]]:
    """Every item of ITA 2569 on `site`, by code, and the discovery notes: the same from memory and from SQLite."""
    items, notes = evaluate_site_both(site, load_catalog(YEAR), YEAR, as_of, declared)
    return {i.code: i for i in items}, notes


def evaluate_site_both(
    site: MemorySite, catalog: Catalog, year: int, as_of: date, declared: dict[str, list[str]] | None = None
) -> tuple[list[ItemResult], list[str]]:
    """rules.evaluate.evaluate_site on `site` in memory, and on the same site written into SQLite: the results must
    be the same, field by field (status, components, gaps, evidence, score), and so must the discovery notes."""
    items, notes = evaluate_site(site, catalog, year, as_of, declared)
    if os.environ.get("OIT_RULE_STORES", "both") == "memory":
        return items, notes
    stored_items, stored_notes = evaluate_site(stored(site), catalog, year, as_of, declared)
    for memory, from_store in zip(items, stored_items, strict=True):
        differ = {
            field: (value, getattr(from_store, field))
            for field, value in memory
            if from_store.model_dump(include={field}) != memory.model_dump(include={field})
        }
        assert not differ, f"{memory.code}, (from memory, from SQLite): {differ}"
    assert stored_notes == notes
    return items, notes


@cache
def _engine() -> Engine:
    """One SQLite file for the test process, a scan per site written into it (as a site is scanned every day)."""
    folder = tempfile.mkdtemp(prefix="oit-rule-stores-")
    atexit.register(shutil.rmtree, folder, True)  # one file a test process, gone with it
    return open_engine(f"sqlite:///{folder}/rules.sqlite")


def stored(site: MemorySite, engine: Engine | None = None) -> StoredSite:
    """`site` written into SQLite (`engine`, else one file for the test process) the way a crawl writes it: every
    page and document through the crawler's sink (ScanStore), links off the site as it records them, the scan
    finished; read back as a scan reads it."""
    engine = engine or _engine()
    store = ScanStore(engine, site.start_url, "อบต.โคกสว่าง", YEAR, AS_OF)
    pages = list({id(p): p for p in site._pages.values()}.values())  # a redirect's page is held under both URLs
    for p in pages:
        store.add_page(p)
    for document in site._documents.values():
        store.add_document(document)
    store.finish("{}", [], len(pages), len(site._documents), 0, 0.0)
    return StoredSite(engine, store.scan_id, site.start_url)


def item(site: MemorySite, code: str, as_of: date = AS_OF, declared: dict[str, list[str]] | None = None) -> ItemResult:
    return evaluate(site, as_of, declared)[0][code]


def component(result: ItemResult, cid: str) -> str:
    return next(c.status for c in result.components if c.id == cid)


def statuses(result: ItemResult) -> dict[str, str]:
    return {c.id: c.status for c in result.components}


def gaps(result: ItemResult, kind: str | None = None) -> list[tuple[str, str | None, str]]:
    """(kind, component, text_th) of the result's gaps, optionally of one kind."""
    return [(g.kind, g.component, g.text_th) for g in result.gaps if kind is None or g.kind == kind]


DATA_GAP = "ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏ"
TIME_GAP = "ไม่ครบองค์ประกอบด้านเวลา"
RULE_GAP = "ไม่เป็นไปตามหลักเกณฑ์ - "


def assert_pass(result: ItemResult, components: list[str]) -> None:
    """Status pass, the item's components all judged present, and no gap at all."""
    assert result.status == "pass", (result.status, result.unknown_reason, gaps(result))
    assert statuses(result) == dict.fromkeys(components, "present")
    assert result.gaps == []


def assert_only_gap(result: ItemResult, kind: str, cid: str, prefix: str) -> str:
    """Status gap with exactly one gap, of `kind`, on component `cid`, its Thai text starting with `prefix`;
    every other component present. Returns the gap text for further checks."""
    assert result.status == "gap", (result.status, result.unknown_reason)
    assert [(k, c) for k, c, _ in gaps(result)] == [(kind, cid)], gaps(result)
    text = result.gaps[0].text_th
    assert text.startswith(prefix), text
    others = {c: s for c, s in statuses(result).items() if c != cid}
    assert set(others.values()) == {"present"}, statuses(result)
    return text
