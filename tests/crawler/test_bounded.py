"""Bounded work in the crawl: what the crawler keeps per URL, and how often it reads each page.

A 20,000-page site must not cost much more memory than a 2,000-page one, so whatever the crawl keeps for every URL
it met (the frontier's "seen" set, the trap watch's fingerprints) is measured here with tracemalloc, on the two
shapes of URL Thai municipal sites use: numeric ids (/news/read.php?id=1234) and long percent-encoded Thai slugs
(WordPress posts). And a crawled page is decoded and parsed once, whatever it links to.
"""

from __future__ import annotations

import asyncio
import gc
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest

import crawler.engine
import crawler.parse
import crawler.sitemaps
from crawler.engine import Crawler, MemorySink
from crawler.frontier import WINDOW, Frontier
from crawler.parse import LinkMemo, ParsedPage, fold
from crawler.traps import PatternWatch, url_pattern
from tests.crawler.support import LocalServer, fast_settings, page
from tests.crawler.test_site import EXPECTED_PAGES, SnapshotSink, build_site, local

SITE = "https://www.nakhlang.go.th"
TOPICS = ("ประกาศผลการจัดซื้อจัดจ้างโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก", "รายงานการประชุมสภาเทศบาลสมัยสามัญ")


def numeric_urls(count: int) -> Iterator[str]:
    return (f"{SITE}/news/read.php?id={n}" for n in range(count))


VILLAGES = ("บ้านนากลาง", "บ้านโนนสวรรค์", "บ้านหนองบัว", "บ้านดอนแดง", "บ้านห้วยทราย")
CONSONANTS = "กขคงจฉชซญฎฐณดตถทธนบปผพฟภมยรลวศสหอฮ"


def thai_words(n: int) -> str:
    """A distinct run of Thai letters for each n: post titles differ in words, not only in their numbers."""
    letters = []
    while True:
        n, digit = divmod(n, len(CONSONANTS))
        letters.append(CONSONANTS[digit])
        if n == 0:
            return "".join(letters)


def slug_urls(count: int) -> Iterator[str]:
    """WordPress-style posts: the Thai title, percent-encoded, in the path (some 300 characters each). Each post's
    URL is a pattern of its own (crawler/traps.py sets digits aside, not words)."""
    return (f"{SITE}/{quote(f'{TOPICS[n % 2]}-{VILLAGES[n % 5]}-{thai_words(n)}')}/" for n in range(count))


def bytes_per_item(count: int, build: Callable[[], object]) -> float:
    """Memory left allocated by `build()` once its temporary objects are gone, per item."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = build()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert kept is not None
    return (after - before) / count


@pytest.mark.parametrize("urls", [numeric_urls, slug_urls], ids=["numeric ids", "thai slugs"])
def test_a_url_met_costs_the_frontier_a_small_int_not_its_text(urls: Callable[[int], Iterator[str]]) -> None:
    """Every URL ever queued stays "seen" for the whole crawl: it must not keep the URL's text alive."""
    count = 20_000

    async def queue_and_fetch_all() -> Frontier:
        frontier = Frontier()
        for url in urls(count):
            frontier.push(url, 2, f"{SITE}/news/", "ข่าวประชาสัมพันธ์")
        while len(frontier):  # every URL fetched: only what the frontier remembers of it is left
            await frontier.get()
            frontier.done()
        assert all(frontier.seen(url) for url in urls(count))
        assert not frontier.push(next(iter(urls(1))), 1)
        return frontier

    per_url = bytes_per_item(count, lambda: asyncio.run(queue_and_fetch_all()))
    assert per_url < 100  # a set slot and an int; the URL strings themselves are 100-350 bytes


@pytest.mark.parametrize("urls", [numeric_urls, slug_urls], ids=["numeric ids", "thai slugs"])
def test_ten_times_the_queued_urls_cost_the_frontier_barely_more_memory(urls: Callable[[int], Iterator[str]]) -> None:
    """A 20,000-page site queues some 13,000 URLs at once: past a bounded window they wait on disk (a temporary
    SQLite table, whose page cache is bounded too), so the URL strings held in memory do not grow with the queue."""

    def queue(count: int) -> Callable[[], Frontier]:
        def build() -> Frontier:
            frontier = Frontier()
            for url in urls(count):
                frontier.push(url, 2, f"{SITE}/news/", "ข่าวประชาสัมพันธ์")
            assert len(frontier) == count
            return frontier

        return build

    few = WINDOW
    small = bytes_per_item(1, queue(few))
    large = bytes_per_item(1, queue(10 * few))
    assert large < 1.5 * small  # all in memory, ten times the queue would cost ten times as much


@pytest.mark.parametrize("urls", [numeric_urls, slug_urls], ids=["numeric ids", "thai slugs"])
def test_the_trap_watch_keeps_8_bytes_per_page_whatever_the_url_shape(urls: Callable[[int], Iterator[str]]) -> None:
    """Slug URLs give every page a pattern of its own: a set and a pattern string per page would grow with the site.
    On a 20,000-page site nearly every page is fingerprinted (once its links are known, a page leads nowhere new):
    each keeps 8 bytes in a sorted array, past the newest few thousand waiting in a small set (crawler/keyset.py)."""
    count = 20_000
    texts = [f"{TOPICS[n % 2]} หมู่ที่ {n} ผู้รับจ้าง ห้างหุ้นส่วนจำกัด {n % 97}" for n in range(count)]
    # Fresh pattern strings, handed over one by one and dropped by the caller, as the crawl's bounded pattern cache
    # drops them on a large site: whatever the watch keeps of them is counted.
    patterns = [url_pattern.__wrapped__(url) for url in urls(count)]

    def observe_all() -> PatternWatch:
        watch = PatternWatch()
        for text in texts:
            watch.observe(patterns.pop(), text, novel=False)
        return watch

    per_page = bytes_per_item(count, observe_all)
    # ~17 bytes: 8 per page merged, and the newest pages' ints in the small set. An int in a dict is ~65 bytes a page,
    # a slug's pattern string alone some 450.
    assert per_page < 24


def test_the_trap_watch_still_holds_back_a_pattern_that_repeats_itself() -> None:
    """The compact watch judges as before: calendar months that differ only in their dates exhaust the pattern,
    distinct pages of another pattern do not."""
    watch = PatternWatch(bound=3)
    calendar = url_pattern(f"{SITE}/calendar.php?month=1&year=2569")
    news = url_pattern(f"{SITE}/news/read.php?id=1")
    months = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม")
    for month, (name, village) in enumerate(zip(months, VILLAGES, strict=True), start=1):
        watch.observe(calendar, f"ปฏิทินกิจกรรม {name} ๒๕๖{month} ไม่มีกิจกรรม", novel=False)
        watch.observe(news, f"ข่าวประชาสัมพันธ์ {TOPICS[month % 2]} {village} {month} {name}", novel=False)
    assert watch.exhausted(calendar)
    assert watch.alike(news) == 0


def test_a_page_that_leads_somewhere_new_is_never_counted_alike() -> None:
    watch = PatternWatch(bound=2)
    pattern = url_pattern(f"{SITE}/news/read.php?id=1")
    for _ in range(5):
        watch.observe(pattern, "ข่าวประชาสัมพันธ์", novel=True)
    assert not watch.exhausted(pattern)


def test_each_crawled_page_is_decoded_and_parsed_once(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Thai municipal site (menus on every page, a cp874 page, a PDF, a sitemap): each HTML page goes through the
    decoder and the parser exactly once; the links, text and title come from that one parse."""
    build_site(server)
    parsed: Counter[str] = Counter()
    decoded: Counter[bytes] = Counter()
    real_parse, real_decode = crawler.engine.parse_html, crawler.engine.decode_html

    def counting_parse(html: str, url: str, memo: LinkMemo | None = None) -> ParsedPage:
        parsed[url] += 1
        return real_parse(html, url, memo)

    def counting_decode(body: bytes, *args: object) -> tuple[str, str | None]:
        decoded[body] += 1
        return real_decode(body, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(crawler.engine, "parse_html", counting_parse)
    monkeypatch.setattr(crawler.engine, "decode_html", counting_decode)
    monkeypatch.setattr(crawler.sitemaps, "decode_html", counting_decode)
    sink = SnapshotSink()
    asyncio.run(Crawler(fast_settings(read_sitemaps=True), sink).run(server.url()))
    assert {local(server, p.url) for p in sink.pages} == EXPECTED_PAGES
    assert {local(server, url) for url in parsed} == EXPECTED_PAGES
    assert set(parsed.values()) == {1}
    # The sitemap is decoded too (crawler/sitemaps.py reads its <loc>s), once like every page.
    assert sum(decoded.values()) == len(EXPECTED_PAGES) + 1
    assert set(decoded.values()) == {1}


@pytest.mark.parametrize("space", [c for c in map(chr, range(0x3100)) if c.isspace()], ids=lambda c: f"U+{ord(c):04X}")
def test_fold_collapses_every_kind_of_space_thai_pages_use(space: str) -> None:
    """Non-breaking, ideographic, thin and line-separator spaces all fold to one space; a zero-width space, which
    Thai editors put between words, is not a space and stays."""
    assert fold(f"{space}ประกาศ{space}{space}เทศบาล\u200bตำบล{space}") == "ประกาศ เทศบาล\u200bตำบล"


def test_a_menu_on_every_page_becomes_links_once_a_crawl(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A municipal site whose 40 news pages all carry the same 20-link Thai menu and footer (a Facebook page among
    them): the crawl builds each menu link once, not once per page, and every page still holds its full links, with
    the off-site one flagged external on each page."""
    menu = "".join(f'<li><a href="/menu/{n}.php">เมนูที่ {n}</a></li>' for n in range(18))
    menu = f'<nav class="mainmenu"><ul>{menu}</ul></nav><a href="https://www.facebook.com/nakhlang">เฟซบุ๊ก</a>'
    menu += '<a href="/ita/"><img src="/ita.png" alt="ITA 2569"></a>'
    for n in range(18):
        server.routes[f"/menu/{n}.php"] = page(f"{menu}<h1>เมนู {n}</h1>", f"เมนู {n}")
    server.routes["/ita/"] = page(f"{menu}<h1>ITA</h1>", "ITA")
    news = "".join(f'<a href="/news/read.php?id={n}">ข่าวฉบับที่ {n}</a>' for n in range(1, 41))
    server.routes["/"] = page(f"{menu}{news}", "หน้าแรก")
    for n in range(1, 41):  # each news page links back to the listing, under a word of its own
        server.routes[f"/news/read.php?id={n}"] = page(f'{menu}<a href="/">กลับหน้าแรกจากข่าว {n}</a>', f"ข่าว {n}")
    memos: list[LinkMemo] = []

    class Counted(LinkMemo):
        def __init__(self) -> None:
            super().__init__()
            memos.append(self)

    monkeypatch.setattr(crawler.engine, "LinkMemo", Counted)
    sink = MemorySink()
    asyncio.run(Crawler(fast_settings(), sink).run(server.url()))
    pages = [p for p in sink.pages if p.error is None]
    assert len(pages) == 1 + 18 + 1 + 40
    # 20 menu and footer links, the home page's 40 links to the news and one link back from each news page.
    assert sum(memo.built for memo in memos) == 20 + 40 + 40
    for stored in pages:
        assert len(stored.links) >= 20
        facebook = [link for link in stored.links if "facebook" in link.url]
        assert len(facebook) == 1 and facebook[0].external
        assert not any(link.external for link in stored.links if link.url.startswith(server.url()))


def test_each_address_of_a_repeated_menu_and_logo_is_normalised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """30 pages of a municipal site's news directory, each with the 20-link menu, the logo and a link of its own:
    each distinct address is normalised once (the menu's relative hrefs once per directory), not once per page."""
    normalised: Counter[str] = Counter()
    real = crawler.parse.normalize

    def counting(href: str, base: str | None = None) -> str | None:
        normalised[href] += 1
        return real(href, base)

    monkeypatch.setattr(crawler.parse, "normalize", counting)
    monkeypatch.setattr(crawler.parse._Resolver, "_memo", {})
    menu = "".join(f'<a href="{"/" if n % 2 else ""}menu{n}.php">เมนูที่ {n}</a>' for n in range(20))
    memo = LinkMemo()
    for directory in ("news", "announce"):
        for n in range(30):
            html = f'<body><img src="../img/logo.png" alt="ตราเทศบาล">{menu}<a href="read{n}.php">ข่าว {n}</a></body>'
            parsed = crawler.parse.parse_html(html, f"{SITE}/{directory}/list{n}.php", memo)
            assert len(parsed.links) == 21 and parsed.images[0].src == f"{SITE}/img/logo.png"
    assert normalised["../img/logo.png"] == 2  # once per directory
    assert normalised["/menu1.php"] == 1 and normalised["menu0.php"] == 2  # root-relative once, relative per directory
    assert normalised["read7.php"] == 2
    assert sum(normalised.values()) == 2 + 10 + 2 * 10 + 2 * 30
