"""Evidence discovery: which pages and documents an assessor would open for each item.

In order of preference:
1. URLs the agency declared in config (what it will type into ITAS): checked first, kept when they pass.
2. The site's ITA index page for the assessment year: rows that carry the item's code (O1, o1, O 1, O๑,
   01, "ข้อ 1") and link to the evidence.
3. Without an index: links and page titles that name the item (menus, headings).
Each evidence URL becomes a bundle: the page plus the documents and item-related sub-pages it links to.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.models import Link
from crawler.parse import fold
from crawler.thaitext import arabic_digits, match_key, text_key
from crawler.urls import in_scope, is_form_or_chat, is_hosted_document, looks_like_document, normalize
from crawler.viewers import document_url
from rules.catalog import Catalog, ItemDef, components
from rules.checks.posts import post_links
from rules.literals import Hints, hints
from rules.site import SiteData, SiteLink
from rules.sources import (
    NOT_CRAWLED,
    NOT_FETCHED_FILE,
    Bundle,
    PagesRead,
    Source,
    document_source,
    page_source,
    unreadable,
)
from rules.words import label_key, vocabulary

INDEX_WORDS = ["ita", "oit", "คุณธรรมและความโปร่งใส", "เปิดเผยข้อมูลสาธารณะ", "การเปิดเผยข้อมูล"]
MAX_INDEX_CANDIDATES = 40
MAX_LINKED_DOCUMENTS = 40
MAX_LINKED_PAGES = 8
MAX_POSTS = 8  # posts followed from a news list whose entries carry no date (the newest come first)
MAX_KEYWORD_TARGETS = 8
DATED_LIST = 3  # dates on a news list from which its entries count as dated (rules/checks/posts.py reads them)
NEAR_ITEM_BEST = 0.6  # a menu target well under the item's best target is another page's business
CODE_BONUS = 0.2  # a label that also carries the item's code ("O11 สรุปผล...") ranks first
CODED_AGREES = 0.75  # a coded label whose words the item's vocabulary explains this much is the item's
SLUG_ONLY = 0.4  # a link whose label names nothing (an image banner) but whose URL has the item's slug
MAX_LABELS_CACHED = 1024  # labels whose names are remembered (menus repeat; a news site's headlines do not)
MAX_URLS_CACHED = 1024  # link targets whose slug hits are remembered (a menu's URLs repeat)
MAX_PAGE_TARGETS = 4 * MAX_KEYWORD_TARGETS  # pages kept per item by their own title, best first
MAX_LINK_TARGETS = 256  # URLs kept per item by the labels of links to them (the best half when full)
MAX_HEADINGS_NAMED = 3  # a page's own headings come first; the layout's (sidebars, footers) later
_TITLE_TAIL = re.compile(r"\s+[-|:–]+\s+.*$")  # "โครงสร้าง - องค์การบริหารส่วนตำบล..." -> "โครงสร้าง"
_LETTER_CODE = re.compile(r"(?<![A-Za-z0-9])[Oo]\s?\.?\s?([0-9๐-๙]{1,2})(?![0-9๐-๙])")
_ZERO_CODE = re.compile(r"^\s*[0๐]([0-9๐-๙]{1,2})(?![0-9๐-๙/.\-:])")
_KHO_CODE = re.compile(r"ข้อ(?:ที่)?\s?([0-9๐-๙]{1,2})(?![0-9๐-๙])")
_YEAR = re.compile(r"(25[6-9][0-9])")


# Each with the literals one of its matches needs ("o", "0", "ข้อ"): most labels hold none, and are not searched.
_CODES = tuple(
    (pattern, window, hints(pattern)) for pattern, window in ((_LETTER_CODE, 60), (_ZERO_CODE, 12), (_KHO_CODE, 30))
)
# All their literals in one search of the widest window: a label holding none (most of a text site's) has no code.
_ANY_CODE = hints(*(pattern for pattern, _, _ in _CODES))
_CODE_WINDOW = max(window for _, window, _ in _CODES)


def parse_code(text: str) -> str | None:
    """The O-code a row or link label names, e.g. "O 1", "o๑", "01 โครงสร้าง", "ข้อ 1" -> "O1"."""
    if not _ANY_CODE.may_match(text[:_CODE_WINDOW]):
        return None
    for pattern, window, needs in _CODES:
        part = text[:window]
        match = pattern.search(part) if needs.may_match(part) else None
        if match:
            return f"O{int(arabic_digits(match.group(1)))}"
    return None


@dataclass
class IndexRow:
    code: str
    text: str
    links: list[Link]


@dataclass
class IndexPage:
    url: str
    year: int | None
    rows: dict[str, list[IndexRow]] = field(default_factory=dict)
    untagged: list[IndexRow] = field(default_factory=list)  # rows with links but no code: matched by title


@dataclass
class Candidate:
    """One way of finding an item's evidence, with the bundle it led to."""

    found_via: str
    bundle: Bundle
    urls: list[str]


class Discovery:
    def __init__(
        self,
        site: SiteData,
        catalog: Catalog,
        year: int,
        declared: dict[str, list[str]],
        on_link: Callable[[SiteLink], None] | None = None,
    ) -> None:
        self.site = site
        self.catalog = catalog
        self.year = year
        self.declared = declared
        self.notes: list[str] = []
        # Which items each link label and page title names, by its words (rules/words.py). Remembered for a bounded
        # number of labels: the menu repeats on every page and hits; a news site's one-off headlines would only fill
        # memory. What names an item is kept with its link or page below, so nothing is judged twice on purpose.
        self.vocabulary = vocabulary(catalog)
        self._names = lru_cache(maxsize=MAX_LABELS_CACHED)(self._label_names)
        self._code_of = lru_cache(maxsize=MAX_LABELS_CACHED)(parse_code)
        self._items = {item.code: item for item in catalog.items}
        self._interned_links: dict[SiteLink, SiteLink] = {}  # links met on the evidence pages read (rules/sources.py)
        self._pages_read = PagesRead(site.page_links)  # their links, for the next item with the same evidence page
        self._index_keys = [match_key(w) for w in INDEX_WORDS]
        self._index_pages: dict[str, None] = {}  # pages whose title or headings say ITA (the first few)
        self._index_links: dict[str, None] = {}  # link targets whose label says ITA (the first few)
        self._nav_urls: set[str] = set()
        self._named_urls: set[str] = set()  # URLs with an item's slug that some label names an item by its words
        # item -> URL -> (score, label, where first met): what the links name, the best few hundred URLs an item
        self._link_targets: dict[str, dict[str, tuple[float, str, int]]] = {}
        # item -> URL with the item's slug (or a label with its code) -> (where first met, link, known by the slug
        # alone): scored per item once every link is read, the best MAX_LINK_TARGETS URLs an item (_prune_slugs)
        self._by_slug: dict[str, dict[str, list[tuple[int, SiteLink, bool]]]] = {}
        self._read_links(site, on_link)
        self._page_names = self._telling_pages(site)
        self.index = self._find_index()

    def _read_links(self, site: SiteData, on_link: Callable[[SiteLink], None] | None) -> None:
        """One pass over the site's links, in site order: each label is judged once while it keeps coming back, and
        only what can matter to an item is kept: per item, the URLs its labels name (a label that names an item,
        carries its O-code); the first URLs labelled with an ITA word; the links to URLs with an item's slug. On a
        text-heavy site (20 random "related" links a page, ~42,000) that is a few hundred; the rest score 0 for every
        item. A news site's thousands of headlines that name an item keep their best MAX_LINK_TARGETS."""
        by_item = {item.code: _slug_phrases(item.url_words) for item in self.catalog.items}
        slugs = _slug_phrases([w for item in self.catalog.items for w in item.url_words])
        telling = lru_cache(maxsize=MAX_LABELS_CACHED)(self._tells)
        # The items whose slug a URL has (none for most: one look at all the slugs first).
        slug_hit_of = lru_cache(maxsize=MAX_URLS_CACHED)(
            lambda url: (
                tuple(code for code, own in by_item.items() if _url_hits(url, own)) if _url_hits(url, slugs) else ()
            )
        )
        # Each word of a slug is in the URL as written (lower-cased) when the URL has no %-escape: a URL holding
        # the longest word of none of them has no slug, and its path need not be split (a text site's ~2,000 pages
        # are linked at random).
        longest = Hints(tuple(dict.fromkeys(max(p.split(), key=len) for p in slugs if p.split())))

        def slug_hit(url: str) -> tuple[str, ...]:
            return slug_hit_of(url) if "%" in url or longest.may_match(url.lower()) else ()

        for position, link in enumerate(site.iter_links()):
            if on_link is not None:
                on_link(link)  # the checks' filters over every link of the site (rules/site.py, SiteLinks)
            hit = slug_hit(link.url)
            if link.nav or telling(link.label):
                names = self._names(link.label)
                if link.nav:
                    self._nav_urls.add(link.url)
                if names and hit:
                    self._named_urls.add(link.url)
                if names or not hit:  # its score does not hang on the slug: scored now
                    self._score_link(link, names, position)
                else:
                    coded = self._code_of(link.label)
                    self._keep_by_slug((*hit, *([coded] if coded in self._items else [])), position, link, False)
                self._index_link(link)
            elif hit:
                self._keep_by_slug(hit, position, link, True)

    def _keep_by_slug(self, codes: tuple[str, ...], position: int, link: SiteLink, slug_only: bool) -> None:
        """Keep a link to a URL with an item's slug for each item it may be scored for. Labels that name nothing all
        score the same by the URL's slug, and a URL keeps its greatest (score, label) (_keyword_targets): one such
        link a URL, in the first one's place, says it all."""
        for code in dict.fromkeys(codes):
            urls = self._by_slug.setdefault(code, {})
            kept = urls.setdefault(link.url, [])
            alone = next((i for i, (_, _, only) in enumerate(kept) if only), None)
            if not slug_only or alone is None:
                kept.append((position, link, slug_only))
            elif link.label > kept[alone][1].label:
                kept[alone] = (kept[alone][0], link, True)
            if len(urls) > MAX_LINK_TARGETS:
                self._prune_slugs(code, urls)

    def _prune_slugs(self, code: str, urls: dict[str, list[tuple[int, SiteLink, bool]]]) -> None:
        """Keep the best half of an item's URLs known by their slug (every /news/... page of a news site has the
        news item's slug): scored as they would be now, in the order first met, as _prune does for labels."""
        item = self._items[code]
        slugs = _slug_phrases(item.url_words)

        def rank(url: str) -> tuple[float, bool, float, int]:
            score, label = max(
                (self._link_score(ln, self._names(ln.label), item, slugs), ln.label) for _, ln, _ in urls[url]
            )
            return self._rank(url, score, label, code)

        best = sorted(urls, key=rank)[: MAX_LINK_TARGETS // 2]
        kept = sorted(((url, urls[url]) for url in best), key=lambda kv: min(p for p, _, _ in kv[1]))
        urls.clear()
        urls.update(kept)

    def _score_link(self, link: SiteLink, names: dict[str, float], position: int) -> None:
        """Remember the link for each item it names (or whose code it carries, in words that agree)."""
        if link.url.rstrip("/") == self.site.start_url.rstrip("/"):
            return  # the home page is no item's evidence
        codes = [*names, *([coded] if (coded := self._code_of(link.label)) and coded not in names else [])]
        for code in codes:
            item = self._items.get(code)
            score = self._link_score(link, names, item, ()) if item is not None else 0.0
            if not score:
                continue
            targets = self._link_targets.setdefault(code, {})
            best = targets.get(link.url)
            if best is None:
                targets[link.url] = (score, link.label, position)
                if len(targets) > MAX_LINK_TARGETS:
                    self._prune(code, targets)
            elif (score, link.label) > best[:2]:
                targets[link.url] = (score, link.label, best[2])

    def _prune(self, code: str, targets: dict[str, tuple[float, str, int]]) -> None:
        """Keep an item's best half of the URLs its labels name (a URL dropped here has a few hundred better ones
        before it, which only grow: it would never be among the MAX_KEYWORD_TARGETS), in the order first met."""
        best = sorted(targets.items(), key=lambda kv: self._rank(kv[0], kv[1][0], kv[1][1], code))
        targets.clear()
        targets.update(sorted(best[: MAX_LINK_TARGETS // 2], key=lambda kv: kv[1][2]))

    def _index_link(self, link: SiteLink) -> None:
        if link.external or len(self._index_links) >= MAX_INDEX_CANDIDATES or looks_like_document(link.url):
            return
        key = label_key(link.label)
        if any(w in key for w in self._index_keys):
            self._index_links[link.url] = None

    def _tells(self, label: str) -> bool:
        """A label worth keeping: it names an item, carries an O-code or an ITA index word."""
        if not label:
            return False
        if self._names(label) or self._code_of(label):
            return True
        key = label_key(label)
        return any(w in key for w in self._index_keys)

    def _telling_pages(self, site: SiteData) -> dict[str, list[tuple[str, str, float]]]:
        """Item code -> the pages whose own title or first headings name the item, best first, at most
        MAX_PAGE_TARGETS each (the menu targets of _keyword_targets take 8); and, on the way, the pages whose title
        or headings say ITA (index candidates). Streamed: a 20,000-page site holds no more than a 2,000-page one."""
        best: dict[str, list[tuple[tuple, int, str, str, float]]] = {}
        for position, (url, title, headings) in enumerate(site.iter_page_summaries()):
            if len(self._index_pages) < MAX_INDEX_CANDIDATES and not looks_like_document(url):
                key = text_key(" ".join([title, *headings]))
                if any(w in key for w in self._index_keys):
                    self._index_pages[url] = None
            for code, score in self._title_names(title, headings).items():
                # The rank of _keyword_targets turned around (heapq keeps the smallest first); on a tie, the earlier page.
                rank = (round(score, 1), url in self._nav_urls, self.vocabulary.specificity(title, code), -len(title))
                kept = best.setdefault(code, [])
                entry = (rank, -position, url, title, score)
                if len(kept) < MAX_PAGE_TARGETS:
                    heapq.heappush(kept, entry)
                elif entry > kept[0]:
                    heapq.heapreplace(kept, entry)
        # In site order, as every page was met before: the rank's ties keep that order.
        return {code: [e[2:] for e in sorted(kept, key=lambda e: -e[1])] for code, kept in best.items()}

    # --- the ITA index page ---------------------------------------------------------------------------
    def _find_index(self) -> IndexPage | None:
        by_year: list[IndexPage] = []
        for url in self._index_candidates():
            index = self._read_index(url)
            if index is not None and len(index.rows) >= 5:
                by_year.append(index)
        right = [i for i in by_year if i.year == self.year]
        if right:
            return max(right, key=lambda i: len(i.rows))
        if by_year:
            years = sorted({str(i.year) for i in by_year if i.year})
            self.notes.append(
                f"พบหน้า ITA ของปี {', '.join(years) or 'ไม่ระบุ'} แต่ไม่พบหน้า ITA ปี {self.year}"
                f" / found ITA index pages for {', '.join(years) or 'no year'}, none for {self.year}"
            )
        return None

    def _index_candidates(self) -> list[str]:
        # Pages titled ITA first, then link targets labelled so; the first of each are all that can be used.
        return [*self._index_pages, *(u for u in self._index_links if u not in self._index_pages)][
            :MAX_INDEX_CANDIDATES
        ]

    def _read_index(self, url: str) -> IndexPage | None:
        page = self.site.page(url)
        if page is None or page.error or not page.html:
            return None
        labels = " ".join(self.site.labels_to(url))
        index = IndexPage(url=url, year=_year_of(" ".join([page.title, *page.headings, labels, page.text[:400]])))
        tree = LexborHTMLParser(page.html)
        for row in tree.css("tr, li"):
            text = fold(row.text(separator=" "))
            code = parse_code(text)
            links = _row_links(row, page.final_url)
            if code:
                index.rows.setdefault(code, []).append(IndexRow(code, text, links))
            elif links and len(text) < 300:
                index.untagged.append(IndexRow("", text, links))
        for found in _structural_rows(tree, page.final_url):
            # Accordions, tabs, card grids, headings over link lists: rows a tr/li reading does not see.
            if not any(r.links for r in index.rows.get(found.code, [])):
                index.rows[found.code] = [r for r in index.rows.get(found.code, []) if r.links] + [found]
        for node in tree.css("a[href]"):
            label = fold(node.text(separator=" "))
            code = parse_code(label)
            if code and code not in index.rows:
                index.rows[code] = [IndexRow(code, label, _row_links(node, page.final_url))]
        return index

    # --- candidates per item --------------------------------------------------------------------------
    def candidates(self, item: ItemDef) -> list[Candidate]:
        out: list[Candidate] = []
        declared = self.declared.get(item.code, [])
        if declared:
            out.append(self._bundle_for([(u, "", "") for u in declared], "config", item))
        rows = self._index_rows(item)
        if rows:
            targets = [(link.url, link.label, row.text) for row in rows for link in row.links]
            if targets:
                out.append(self._bundle_for(targets, "ita_index", item))
            else:
                self.notes.append(f"{item.code}: หน้า ITA มีหัวข้อนี้แต่ไม่มีลิงก์ / listed on the ITA page without a link")
        if not any(c.found_via == "ita_index" for c in out):
            targets = self._keyword_targets(item)
            if targets:
                out.append(self._bundle_for(targets, "menu", item))
        return out

    def _index_rows(self, item: ItemDef) -> list[IndexRow]:
        """The index rows for an item: its code and a title that agrees (codes move between years).

        A row whose text names another item and not this one is a numbering from another year: skipped. When
        no row carries the code, a row whose title names the item is used (sites renumber, or omit codes).
        """
        if self.index is None:
            return []
        rows = [r for r in self.index.rows.get(item.code, []) if self._title_agrees(r.text, item)]
        if rows or not self.index.rows.get(item.code):
            rows = rows or self._rows_titled(item)
        else:
            self.notes.append(
                f"{item.code}: แถวรหัสนี้ในหน้า ITA เป็นหัวข้ออื่น จึงไม่ใช้ / the index row with this code is another item"
            )
            rows = self._rows_titled(item)
        return rows

    def _title_agrees(self, row_text: str, item: ItemDef) -> bool:
        ours = self._title_score(row_text, item)
        if ours:
            return True
        others = [i for i in self.catalog.items if i.code != item.code]
        return not any(self._title_score(row_text, other) for other in others)

    def _rows_titled(self, item: ItemDef) -> list[IndexRow]:
        assert self.index is not None
        # A row whose code is another item's and whose title agrees with that item is that item's evidence, however
        # many of this item's words it shares ("O18 สถิติเรื่องร้องเรียนการทุจริต" is not O17's complaint channel).
        items = {i.code: i for i in self.catalog.items}
        rows = [
            r
            for code, tagged in self.index.rows.items()
            for r in tagged
            if code == item.code or code not in items or not self._title_score(r.text, items[code])
        ] + self.index.untagged
        scored = [(self._title_score(r.text, item), r) for r in rows]
        best = max((score for score, _ in scored), default=0)
        return [r for score, r in scored if best and score == best and r.links]

    @staticmethod
    def _title_score(text: str, item: ItemDef) -> int:
        """How strongly a row's text names the item: its full title counts most, each keyword once."""
        key = match_key(text)
        return (3 if match_key(item.title) in key else 0) + sum(1 for w in item.discovery if match_key(w) in key)

    def _label_names(self, label: str) -> dict[str, float]:
        return self.vocabulary.names(label) if label else {}

    def _title_names(self, title: str, headings: list[str]) -> dict[str, float]:
        """The items a page's title (without the site's name after " - ") or one of its first headings names."""
        out: dict[str, float] = {}
        for text in [_TITLE_TAIL.sub("", title), *headings[:MAX_HEADINGS_NAMED]]:
            for code, score in self._names(text).items():
                out[code] = max(out.get(code, 0.0), score)
        return out

    def _keyword_targets(self, item: ItemDef) -> list[tuple[str, str, str]]:
        """Menu links and page titles that name the item in their own words, best-fitting first.

        A link whose target is dead (404, refused) stays a target: a link named like the item is the item's
        evidence, and the evaluator reports the dead URL, never "nothing found"."""
        slugs = _slug_phrases(item.url_words)
        home = self.site.start_url.rstrip("/")
        linked = dict(self._link_targets.get(item.code, {}))
        for position, link, _ in (entry for kept in self._by_slug.get(item.code, {}).values() for entry in kept):
            score = self._link_score(link, self._names(link.label), item, slugs)
            if score and link.url.rstrip("/") != home:
                best = linked.get(link.url, (0.0, "", position))
                linked[link.url] = (*max(best[:2], (score, link.label)), min(best[2], position))
        # In the order the links were met, then the pages (the rank's ties keep it).
        scored = {url: (score, label) for url, (score, label, _) in sorted(linked.items(), key=lambda kv: kv[1][2])}
        for url, title, score in self._page_names.get(item.code, []):
            if url.rstrip("/") != home:
                scored[url] = max(scored.get(url, (0.0, "")), (score, title))
        top = max((score for score, _ in scored.values()), default=0.0)
        ranked = sorted(
            # A link known only by its URL's slug is kept (ranked last): an image banner says nothing else.
            (
                (url, label, score)
                for url, (score, label) in scored.items()
                if score >= min(SLUG_ONLY, NEAR_ITEM_BEST * top)
            ),
            key=lambda t: self._rank(t[0], t[2], t[1], item.code),
        )
        return [(url, label, "") for url, label, _ in ranked[:MAX_KEYWORD_TARGETS]]

    def _rank(self, url: str, score: float, label: str, code: str) -> tuple[float, bool, float, int]:
        """Best first: the score, then a menu entry before a file some page links with a longer title (the menu is
        where the site files it), then the label that says more of the item, then the shorter."""
        return (-round(score, 1), url not in self._nav_urls, -self.vocabulary.specificity(label, code), len(label))

    def _link_score(self, link: SiteLink, names: dict[str, float], item: ItemDef, slugs: tuple[str, ...]) -> float:
        """The link's score for the item: its label's words; with the item's code, more; a label that names no
        item at all (an image banner, "คลิกที่นี่") may still be the item's by its URL's slug."""
        score = names.get(item.code, 0.0)
        if self._code_of(link.label) == item.code and (not names or item.code in names):
            # The code and title words together: "o8 คู่มือเจ้าหน้าที่" is O8 although its two words are too few to
            # name O8 alone; a code whose words name another item is another year's numbering.
            agrees = self.vocabulary.explains(link.label, item.code)
            if score or agrees >= CODED_AGREES:
                score = max(score, agrees) + CODE_BONUS
        if not names and slugs and link.url not in self._named_urls and _url_hits(link.url, slugs):
            score = max(score, SLUG_ONLY)  # the slug lifts a label that says nothing; a coded label keeps its score
        return score

    # --- bundles --------------------------------------------------------------------------------------
    def _bundle_for(self, targets: list[tuple[str, str, str]], found_via: str, item: ItemDef) -> Candidate:
        bundle = Bundle()
        for url, label, context in targets:
            source = self._source(url, found_via, label, context)
            bundle.add(source)
            if source.kind == "page" and source.readable:
                self._expand(bundle, source, item)
        return Candidate(found_via=found_via, bundle=bundle, urls=[t[0] for t in targets])

    def _source(self, url: str, found_via: str, label: str = "", context: str = "") -> Source:
        document = self.site.document(url)
        shown = document_url(url) if document is None else None
        if shown:
            document = self.site.document(shown)  # a declared viewer or share link: the crawler read the file
        if document is not None:
            return document_source(document, found_via, label, context)
        page = self.site.page(url)
        if page is not None:
            return page_source(
                page, found_via, label, context, self._interned_links, self.site.page_html, self._pages_read
            )
        off_site = not in_scope(url, self.site.start_url, allow_subdomains=False)
        if off_site and (is_hosted_document(shown or url) or looks_like_document(url)):
            # A file on Google Drive or another host that was never stored (refused, no answer, out of scope):
            # the item's evidence may be in it, so nothing is "missing" until it is read.
            return unreadable(url, found_via, NOT_FETCHED_FILE, label, "document")
        if off_site:
            return Source(url=url, kind="external", found_via=found_via, link_text=label, context=context)
        return unreadable(url, found_via, NOT_CRAWLED, label, "document" if looks_like_document(url) else "page")

    def _expand(self, bundle: Bundle, page: Source, item: ItemDef, level: int = 1) -> None:
        """Add what an evidence page links to: its documents, and sub-pages whose label names the item (and,
        one level further, theirs), so that components spread over several files are found."""
        words = [match_key(w) for w in item.discovery]
        documents = pages = 0
        for link in page.links:
            off_site = link.external or not in_scope(link.url, self.site.start_url)
            if off_site and not is_hosted_document(link.url):  # a Drive/Docs file was fetched like the site's own
                if is_form_or_chat(link.url):
                    bundle.add(Source(url=link.url, kind="external", found_via="linked", link_text=link.label))
                elif looks_like_document(link.url) and self._names_item(link, words, item.code):
                    # A file on another host named like the item: never fetched, it may hold the item.
                    bundle.add(self._source(link.url, "linked", link.label))
                continue
            if link.nav and not self._names_item(link, words, item.code):
                continue  # the site-wide menu is on every page; follow it only where it names the item
            if looks_like_document(link.url) and documents < MAX_LINKED_DOCUMENTS:
                documents += 1
                bundle.add(self._source(link.url, "linked", link.label))
            elif pages < MAX_LINKED_PAGES and self._names_item(link, words, item.code) and not bundle.has(link.url):
                pages += 1
                sub = self._source(link.url, "linked", link.label)
                bundle.add(sub)
                if level < 2 and sub.kind == "page" and sub.readable:
                    self._expand(bundle, sub, item, level + 1)
        if level == 1 and any(_reads_posts(c) for c in item.components):
            self._add_posts(bundle, page)  # the evidence page's own list: its sub-pages' lists are other sections

    def _add_posts(self, bundle: Bundle, page: Source) -> None:
        """The posts of a news list whose entries carry no date: each post's date is on the post, and the item is
        judged by dated posts (rules/checks/posts.py). Only crawled pages: one not fetched says nothing."""
        if len(page.body_dates()) >= DATED_LIST:
            return  # the list dates its own entries: the posts add nothing, and each one costs a stored page
        home = self.site.start_url.rstrip("/")
        labels = {link.url: link.label for link in page.links}
        # Relative links are read from where the list was served: a menu's "/news" answered from "/news/" links
        # "view.php?id=5" as /news/view.php?id=5, not /view.php?id=5 (the crawler read its links the same way).
        added = 0
        for url in post_links(page.html, page.served_url or page.url):
            if added >= MAX_POSTS:
                break  # each look-up reads a stored page: stop at the posts that will be judged
            if url.rstrip("/") == home or bundle.has(url):
                continue
            stored = self.site.page(url, html=False)  # is it there and read: its HTML is not needed
            if stored is not None and stored.error is None:
                bundle.add(self._source(url, "linked", labels.get(url, "")))
                added += 1

    def _names_item(self, link: Link | SiteLink, words: list[str], code: str) -> bool:
        """A sub-page link worth following for an item: its label names the item; never the home page."""
        if link.url.rstrip("/") == self.site.start_url.rstrip("/"):
            return False
        return code in self._names(link.label) or any(w in match_key(link.label) for w in words)


@lru_cache(maxsize=128)
def _reads_posts(component: str) -> bool:
    found = components().get(component)
    return found is not None and found.check == "dated_posts"


def _structural_rows(tree: LexborHTMLParser, base: str) -> list[IndexRow]:
    """Index rows read from the page's structure, whatever it is built of: each element whose own text carries
    an O-code (a <summary>, a tab or toggle title, a card heading, a <span class="code">) heads a row, and the
    row is the smallest container around it that holds links and no other item's code. Where the title stands
    apart from its links (a toggle whose panel is elsewhere, a heading over the list that follows it), the row
    takes the panel the toggle points to (href="#id", data-bs-target, aria-controls) or the following siblings
    up to the next code."""
    body = tree.body
    if body is None:
        return []
    heads = [
        (node, code)
        for node in body.traverse()
        if node.tag not in _NOT_TEXT and (code := parse_code(fold(node.text(deep=False)).strip()))
    ]
    codes_in: dict[int, set[str]] = {}  # element -> the codes of the row heads inside it
    for node, code in heads:
        up: LexborNode | None = node
        while up is not None:
            codes_in.setdefault(up.mem_id, set()).add(code)
            up = up.parent
    rows = []
    for node, code in heads:
        top, links = _row_container(node, codes_in, base)
        if not links:
            links = _panel_links(tree, node, top, base) or _following_links(top, codes_in, base)
        rows.append(IndexRow(code, fold(top.text(separator=" ")), links))
    return rows


_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "body", "html"})
_PANEL_ATTRIBUTES = ("data-bs-target", "data-target", "aria-controls", "href")


def _row_container(node: LexborNode, codes_in: dict[int, set[str]], base: str) -> tuple[LexborNode, list[Link]]:
    """The smallest ancestor of a row head with links of its own and no other item's code (and its links), or the
    largest such ancestor without links (the row's title part) and no links."""
    while True:
        links = _row_links(node, base)
        if links:
            return node, links
        parent = node.parent
        if parent is None or parent.tag in _NOT_TEXT or len(codes_in.get(parent.mem_id, ())) > 1:
            return node, []
        node = parent


def _panel_links(tree: LexborHTMLParser, head: LexborNode, top: LexborNode, base: str) -> list[Link]:
    """The links of the panel a toggle or tab title points to by id (Bootstrap collapse, tabs, Elementor)."""
    toggles: list[LexborNode | None] = [
        head,
        *head.css("[data-bs-target], [data-target], [aria-controls], a[href^='#']"),
    ]
    node: LexborNode | None = head
    while node is not None and node.mem_id != top.mem_id:
        node = node.parent
        toggles.append(node)
    for toggle in toggles:
        for name in _PANEL_ATTRIBUTES:
            value = (toggle.attributes.get(name) or "").strip() if toggle is not None else ""
            target = value.lstrip("#")
            if target and (name != "href" or value.startswith("#")) and re.fullmatch(r"[\w\-:.]+", target):
                panel = tree.css_first(f'[id="{target}"]')
                if panel is not None:
                    return _row_links(panel, base)
    return []


def _following_links(top: LexborNode, codes_in: dict[int, set[str]], base: str) -> list[Link]:
    """The links of the elements after a heading, up to the next one that carries a code (a heading over a
    list, a table row spanning the title over sub-rows, a flat jQuery-style accordion)."""
    links: list[Link] = []
    node = top.next
    while node is not None and node.mem_id not in codes_in:
        if node.is_element_node:
            links.extend(_row_links(node, base))
        node = node.next
    return links


def _row_links(node: LexborNode, base: str) -> list[Link]:
    anchors = [node] if node.tag == "a" else node.css("a[href]")
    links = []
    for anchor in anchors:
        url = normalize(anchor.attributes.get("href") or "", base)
        if url and url != base:  # a toggle's href="?" is the index page itself, never a row's evidence
            alt = " ".join(fold(i.attributes.get("alt")) for i in anchor.css("img[alt]"))
            links.append(Link(url=url, text=fold(anchor.text(separator=" ")), img_alt=alt.strip()))
    return links


def _url_hits(url: str, phrases: tuple[str, ...]) -> int:
    """Slugs of the item in the URL's path or query ("/nogift-policy/", "?page=structure"): image menus and
    untitled links often say what they are only there. Matched as whole words, in order (`phrases`: the
    item's slugs as _slug_phrases gives them)."""
    if not phrases:
        return 0
    words = _url_words(url)
    return sum(1 for phrase in phrases if phrase in words)


def _slug_phrases(slugs: list[str]) -> tuple[str, ...]:
    """Each slug as the space-separated words _url_words makes of a URL: "nogift-policy" -> " nogift policy "."""
    return tuple(f" {' '.join(re.split(r'[-_]', slug))} " for slug in slugs)


@lru_cache(maxsize=1024)
def _url_words(url: str) -> str:
    """The URL's path and query as space-separated lower-case words (cached, bounded: every item asks of its targets;
    the streaming pass asks once of every URL of the site)."""
    parts = urlsplit(url)
    tokens = [t for t in re.split(r"[/\-_.?=&+\s]+", unquote(f"{parts.path} {parts.query}").lower()) if t]
    return f" {' '.join(tokens)} "


def _year_of(text: str) -> int | None:
    years = _YEAR.findall(arabic_digits(text))
    return int(max(set(years), key=years.count)) if years else None
