"""An evidence page read from the store is parsed once for its links, and they are the links parse_html finds.

A stored page keeps no links: the rule engine parsed its HTML whenever an item had it as evidence (a news list is
O4's and the news items', a contact page O3's and the Q&A's), ~20 % of the pages twice on a text-heavy site. Now
one evaluation remembers the links of the last MAX_PAGES_READ pages (rules/sources.py, PagesRead), and reads only
the links and images (crawler/parse.py, links_and_images), not the text, headings and scripts the crawl read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.models import Page
from crawler.parse import links_and_images, parse_html
from rules.sources import MAX_PAGES_READ, PagesRead, page_source

ROOT = Path(__file__).resolve().parents[2]
HOME_PAGES = sorted(ROOT.glob("eval/homepages/*/index.html")) + sorted(ROOT.glob("oit/demo/site/**/*.html"))[:20]


@pytest.mark.parametrize("path", HOME_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_and_images_are_those_parse_html_finds(path: Path) -> None:
    html = path.read_text(encoding="utf-8", errors="replace")
    url = "https://www.example.go.th/" + path.name
    parsed = parse_html(html, url)
    links, images = links_and_images(html, url)
    assert links == parsed.links
    assert images == parsed.images


def _stored(path: Path, url: str) -> Page:
    html = path.read_text(encoding="utf-8", errors="replace")
    parsed = parse_html(html, url)
    # As oit.storage.StoredSite gives it back: text and title, no links (they are in the links table).
    return Page(url=url, final_url=url, status=200, title=parsed.title, text=parsed.text, html=html)


def test_a_page_that_is_evidence_for_two_items_is_parsed_once() -> None:
    read = PagesRead()
    news = _stored(HOME_PAGES[0], "https://www.example.go.th/news.html")
    contact = _stored(HOME_PAGES[1], "https://www.example.go.th/contact.html")
    first = page_source(news, "menu", "ข่าวประชาสัมพันธ์", read=read)
    second = page_source(news, "linked", "ข่าวกิจกรรม", read=read)
    other = page_source(contact, "menu", "ติดต่อเรา", read=read)
    assert read.parsed == 2  # the news list once, the contact page once
    assert first.links == second.links and first.links
    assert first.link_text != second.link_text  # each item's source keeps the label that led to it
    assert other.links != first.links
    alone = page_source(news, "menu", "ข่าวประชาสัมพันธ์")  # without a memo, as before
    assert alone.links == first.links and alone.images == first.images


def test_the_memo_keeps_only_the_last_pages() -> None:
    read = PagesRead()
    html = HOME_PAGES[0].read_text(encoding="utf-8", errors="replace")
    for n in range(MAX_PAGES_READ + 10):
        url = f"https://www.example.go.th/news/{n}.html"
        read.read(Page(url=url, final_url=url, status=200, html=html))
    assert len(read._pages) == MAX_PAGES_READ
    url = "https://www.example.go.th/news/0.html"
    read.read(Page(url=url, final_url=url, status=200, html=html))  # the oldest went first: parsed again
    assert read.parsed == MAX_PAGES_READ + 11
