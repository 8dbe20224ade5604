"""Judging a stored site holds what can name an item, not every link of the site (issue 14).

A text-heavy site (news pages with 20 "related" links each, labelled with six random Thai words, as
bench/make_site.py writes them) has thousands of distinct link labels that name nothing. Judging it must not keep
one object per link, nor a cached cut of each label: its traced allocation peak stays under a bound that grows with
what names an item, not with the number of links. The same site judged from memory (MemorySite) and from SQLite
(StoredSite) gets the same verdicts.
"""

import random
import tracemalloc

from oit.store.database import open_engine
from rules import words
from rules.catalog import load_catalog
from rules.evaluate import evaluate_site
from rules.words import cut, vocabulary
from tests.rules import sitebuilder
from tests.rules.sitebuilder import AS_OF, BASE, YEAR, build_site, home, page

_PROSE = (  # the words bench/make_site.py draws its pages from, and a few more
    "องค์การบริหารส่วนตำบล เทศบาล ประกาศ ข่าวประชาสัมพันธ์ โครงการ กิจกรรม งบประมาณ จัดซื้อจัดจ้าง ราคากลาง ประชาชน"
    " บริการ สำนักปลัด กองคลัง กองช่าง การศึกษา สาธารณสุข ผู้สูงอายุ เบี้ยยังชีพ ภาษีที่ดินและสิ่งปลูกสร้าง ถนน"
    " คอนกรีตเสริมเหล็ก หมู่ที่ ตำบล อำเภอ จังหวัด ประจำปีงบประมาณ ตุลาคม พฤศจิกายน ธันวาคม มกราคม การประชุม สภา"
    " คณะกรรมการ ลำดับ ขยะ น้ำประปา ไฟฟ้า สวนสาธารณะ ตลาด วัด โรงเรียน ศูนย์พัฒนาเด็กเล็ก อาสาสมัคร ป่าชุมชน"
)
WORDS = _PROSE.split()
NEWS_PAGES = 400  # x 20 related links: ~8,000 distinct labels
MENU = [
    ("โครงสร้างส่วนราชการ", "/structure.html"),
    ("คณะผู้บริหาร", "/executives.html"),
    ("ข่าวประชาสัมพันธ์", "/news/0.html"),
    ("ประกาศจัดซื้อจัดจ้าง", "/news/1.html"),
    ("กระดานถามตอบ", "/news/2.html"),
]
# Traced peak of judging the stored site, beyond what is loaded once per process (the word list): the links that
# name something, bounded label caches and the pages read back (~15 MB here). Holding a Link and a cached cut of
# every distinct label (the code before issue 14) peaked at ~26 MB on this site, and grows with its links.
PEAK_BOUND = 20 * 1024 * 1024
# What the bounded memos and the capped evidence lists can add once full, on any site (issue 14).
MEMO_CEILING = 5 * 1024 * 1024


def news(i: int, rnd: random.Random, pages: int = NEWS_PAGES) -> str:
    related = "".join(
        f'<li><a href="/news/{rnd.randrange(pages)}.html">{" ".join(rnd.choices(WORDS, k=6))}</a></li>'
        for _ in range(20)
    )
    body = "".join(f"<p>{' '.join(rnd.choices(WORDS, k=60))}</p>" for _ in range(3))
    return page("home.html", f"ข่าว {i}", menu="").replace("</body>", f"{body}<ul class='related'>{related}</ul></body>")


def text_site(pages: int = NEWS_PAGES):  # type: ignore[no-untyped-def]
    rnd = random.Random(14)
    return build_site({"/": home(MENU), **{f"/news/{i}.html": news(i, rnd, pages) for i in range(pages)}})


def stored(memory, tmp_path, name: str = "db"):  # type: ignore[no-untyped-def]
    return sitebuilder.stored(memory, open_engine(f"sqlite:///{tmp_path / f'{name}.sqlite'}"))


def verdicts(site):  # type: ignore[no-untyped-def]
    items, notes = evaluate_site(site, load_catalog(YEAR), YEAR, AS_OF)
    return [(i.code, i.status, [e.url for e in i.evidence], [g.model_dump() for g in i.gaps]) for i in items], notes


def test_judging_a_site_of_random_link_labels_is_bounded(tmp_path):
    memory = text_site()
    site = stored(memory, tmp_path)
    assert len({link.label for link in memory.links()}) > 4000  # the text site's random "related" labels
    cut("ทดสอบ")  # the word list is loaded once per process: not what this test bounds
    load_catalog(YEAR)
    tracemalloc.start()
    try:
        judged = verdicts(site)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < PEAK_BOUND, f"judging peaked at {peak / 2**20:.1f} MB traced"
    # The same verdicts, evidence (in the same order: the store keeps each link's menu flag) and gaps from SQLite
    # as from memory.
    from_memory = verdicts(memory)
    assert judged == from_memory
    evidence = {code: urls for code, _, urls, _ in judged[0]}
    assert BASE + "structure.html" in evidence["O1"]  # the menu still names the structure page among the links


def judged_work(site, monkeypatch):  # type: ignore[no-untyped-def]
    """(label cuts, traced peak in bytes) of judging `site`, from cold label caches."""
    for cache in (words.content_words, words._split_known):
        cache.cache_clear()
    words._RUNS.clear()
    cuts = []
    monkeypatch.setattr(words, "cut", lambda text: cuts.append(text) or cut(text))
    tracemalloc.start()
    try:
        verdicts(site)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        monkeypatch.undo()
    return len(cuts), peak


def test_judging_ten_times_the_pages_costs_no_more(tmp_path, monkeypatch):
    """A news site ten times bigger (2,000 pages, ~40,000 one-off "related" labels instead of ~4,000) is judged
    with the same number of word cuts (each run of letters is cut once, not each label) and about the same
    traced peak: nothing held grows with the pages or the links; what names an item is kept up to a bound."""
    cut("ทดสอบ")
    vocabulary(load_catalog(YEAR))  # the catalog's phrases are cut once per process: not what this test counts
    small_cuts, small_peak = judged_work(stored(text_site(200), tmp_path, "small"), monkeypatch)
    big_cuts, big_peak = judged_work(stored(text_site(2000), tmp_path, "big"), monkeypatch)
    assert small_cuts <= 100, small_cuts  # the site's few dozen distinct words, not its ~4,000 labels
    assert big_cuts <= small_cuts + 10, (small_cuts, big_cuts)
    # Ten times the links and pages: the bounded memos (labels, URLs, links shared between evidence pages) fill up
    # and the evidence bundles hold a few more pages that name an item (~7 -> ~10 MB here, a fixed ~3 MB whatever
    # the site); holding every link or every page title would raise the peak with the site (~26 MB at 400 pages
    # before issue 14, growing by ~5 MB per 1,000 links).
    shown = f"{small_peak / 2**20:.1f} MB -> {big_peak / 2**20:.1f} MB traced"
    assert big_peak - small_peak < MEMO_CEILING and big_peak < PEAK_BOUND, shown


# --- an item whose evidence is a hundred stored news pages ---------------------------------------------------------
def news_tree(fan: int, words: int = 2400):  # type: ignore[no-untyped-def]
    """A municipal news section as bench/make_site.py's text-heavy site has it: the menu's "ข่าวประชาสัมพันธ์" list
    links `fan` sub-lists, each `fan` posts of ~40 KB of Thai prose (a date, twenty "related" links): O4's evidence
    is 1 + fan + fan² stored pages."""
    rnd = random.Random(fan)

    def post(path: str, title: str, links: list[tuple[str, str]]) -> str:
        prose = "".join(f"<p>{' '.join(rnd.choices(WORDS, k=words // 8))}</p>" for _ in range(8))
        related = "".join(
            f'<li><a href="/news/{rnd.randrange(fan)}-{rnd.randrange(fan)}.html">{" ".join(rnd.choices(WORDS, k=6))}</a></li>'
            for _ in range(20)
        )
        listed = "".join(f'<li><a href="{href}">{label}</a></li>' for label, href in links)
        body = (
            f"<h1>{title}</h1><p>ประกาศเมื่อ 12 มกราคม 2569</p>{prose}<ul>{listed}</ul><ul class='related'>{related}</ul>"
        )
        return page("home.html", title, menu="").replace("</body>", f"{body}</body>")

    pages = {"/": home([*MENU[:2], ("ข่าวประชาสัมพันธ์", "/news/index.html")])}
    pages["/news/index.html"] = post(
        "/news/index.html", "ข่าวประชาสัมพันธ์", [(f"ข่าวประชาสัมพันธ์ หน้า {i}", f"/news/{i}.html") for i in range(fan)]
    )
    for i in range(fan):
        posts = [(f"ข่าวประชาสัมพันธ์ เรื่องที่ {i}-{j}", f"/news/{i}-{j}.html") for j in range(fan)]
        pages[f"/news/{i}.html"] = post(f"/news/{i}.html", f"รายการข่าว หน้า {i}", posts)
        for j in range(fan):
            pages[f"/news/{i}-{j}.html"] = post(f"/news/{i}-{j}.html", f"กิจกรรม {i}-{j}", [])
    return build_site(pages)


def judging_o4(site):  # type: ignore[no-untyped-def]
    """(traced peak of finding and judging O4, the page sources of its evidence, the bytes of their texts)."""
    from rules.discovery import Discovery
    from rules.evaluate import Context, SiteLinks, evaluate_item

    catalog = load_catalog(YEAR)
    item = next(i for i in catalog.items if i.code == "O4")
    discovery = Discovery(site, catalog, YEAR, {})
    ctx = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks(site.iter_links))
    tracemalloc.start()
    try:
        candidates = discovery.candidates(item)
        result = evaluate_item(item, candidates, ctx)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    pages = [s for c in candidates for s in c.bundle.sources if s.kind == "page" and s.readable]
    assert result.status == "pass", result
    held = sum(len(s.text.encode("utf-16-le")) for s in pages)  # Thai text: 2 bytes a character
    return peak, len(pages), held


def test_judging_an_item_of_a_hundred_stored_pages_holds_their_text_only(tmp_path):
    """O4 judged on 105 stored news pages of ~40 KB each: beyond each page's text (what the checks read; O4's reads
    the pages' news lists, not their match keys), judging holds about the same whether the evidence has 15 pages or
    105. Each page's HTML is read back from the store when a check reads its structure and dropped, its links are
    light shared tuples: holding the HTML and a pydantic Link per link (before) held ~7.8 MB more for 105 pages than
    for 15 beyond their texts; now ~1.2 MB."""
    cut("ทดสอบ")
    vocabulary(load_catalog(YEAR))
    small_peak, small_pages, small_held = judging_o4(stored(news_tree(4), tmp_path, "small"))
    big_peak, big_pages, big_held = judging_o4(stored(news_tree(10), tmp_path, "big"))
    # ~20 and ~90 of the 21 and 111 pages: each evidence list follows MAX_LINKED_PAGES sub-pages (the same from memory
    # and from SQLite since the store keeps the menu flag; before, the store's O4 bundle took a few more).
    assert small_pages <= 25 and big_pages >= 90, (small_pages, big_pages)
    beyond_small, beyond_big = small_peak - small_held, big_peak - big_held
    shown = f"{small_pages} pages: {beyond_small / 2**20:.1f} MB, {big_pages} pages: {beyond_big / 2**20:.1f} MB beyond their text"
    assert beyond_big - beyond_small < 2 * 1024 * 1024, shown


def slug_links_held(site) -> int:  # type: ignore[no-untyped-def]
    from rules.discovery import Discovery

    discovery = Discovery(site, load_catalog(YEAR), YEAR, {})
    return sum(len(kept) for urls in discovery._by_slug.values() for kept in urls.values())


def test_links_known_by_their_slug_are_kept_up_to_a_bound(tmp_path):
    """Every /news/N.html page has the news item's slug in its address, and its "related" labels name nothing: on a
    site ten times bigger the links kept for their slug alone stay at the per-item bound (one link a URL, the best
    MAX_LINK_TARGETS URLs), not one per news page; and O4 still finds the news list the menu names."""
    from rules.discovery import MAX_LINK_TARGETS

    small = slug_links_held(stored(text_site(200), tmp_path, "small"))
    big = slug_links_held(stored(text_site(2000), tmp_path, "big"))
    assert small >= 150, small  # the small site's news pages are all held: nothing was dropped there
    assert big <= MAX_LINK_TARGETS and big < 2 * small, (small, big)
    judged, _ = verdicts(stored(text_site(2000), tmp_path, "again"))
    evidence = {code: urls for code, _, urls, _ in judged}
    assert BASE + "news/0.html" in evidence["O4"]
