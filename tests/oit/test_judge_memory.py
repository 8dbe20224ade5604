"""Judging a stored site holds what can name an item, not every link of the site (issue 14).

A text-heavy site (news pages with 20 "related" links each, labelled with six random Thai words, as
bench/make_site.py writes them) has thousands of distinct link labels that name nothing. Judging it must not keep
one object per link, nor a cached cut of each label: its traced allocation peak stays under a bound that grows with
what names an item, not with the number of links. The same site judged from memory (MemorySite) and from SQLite
(StoredSite) gets the same verdicts.
"""

import random
import tracemalloc
from datetime import date

from oit.storage import ScanStore, StoredSite, open_engine
from rules.catalog import load_catalog
from rules.evaluate import evaluate_site
from rules.words import cut
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


def news(i: int, rnd: random.Random) -> str:
    related = "".join(
        f'<li><a href="/news/{rnd.randrange(NEWS_PAGES)}.html">{" ".join(rnd.choices(WORDS, k=6))}</a></li>'
        for _ in range(20)
    )
    body = "".join(f"<p>{' '.join(rnd.choices(WORDS, k=60))}</p>" for _ in range(3))
    return page("home.html", f"ข่าว {i}", menu="").replace("</body>", f"{body}<ul class='related'>{related}</ul></body>")


def text_site():  # type: ignore[no-untyped-def]
    rnd = random.Random(14)
    pages = {"/": home(MENU), **{f"/news/{i}.html": news(i, rnd) for i in range(NEWS_PAGES)}}
    return build_site(pages)


def stored(memory, tmp_path):  # type: ignore[no-untyped-def]
    engine = open_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store = ScanStore(engine, BASE, "อบต.ทดสอบ", YEAR, date(2026, 5, 15))
    for url in dict.fromkeys(p.url for p in memory._pages.values()):
        store.add_page(memory._pages[url])
    for link in memory.links():
        if link.external:
            store.add_external(link, BASE)
    store.finish("{}", [], len(memory._pages), 0, 0, 1.0)
    return StoredSite(engine, store.scan_id, BASE)


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
    # The same verdicts and gaps from SQLite as from memory. (The store keeps no menu flag on links, so the order of
    # an item's further evidence links may differ: it did before issue 14 too.)
    from_memory = verdicts(memory)
    assert [(c, s, g) for c, s, _, g in judged[0]] == [(c, s, g) for c, s, _, g in from_memory[0]]
    assert judged[1] == from_memory[1]
    evidence = {code: urls for code, _, urls, _ in judged[0]}
    assert BASE + "structure.html" in evidence["O1"]  # the menu still names the structure page among the links
