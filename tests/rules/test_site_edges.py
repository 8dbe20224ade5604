"""What the rule engine reads of a site, at its edges: a phrase searched over many pages, the site's links read
again on each pass, and how much a label's words say of an item."""

from __future__ import annotations

from collections.abc import Iterator

from crawler.models import Page
from rules.catalog import load_catalog
from rules.site import MemorySite, SiteLink, SiteLinks
from rules.words import WordSet, _Memo, vocabulary

BASE = "https://www.nongbua.go.th/"
NOTICE = "ประกาศองค์การบริหารส่วนตำบลหนองบัว เรื่อง การรับชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569"


def _page(n: int, depth: int, text: str) -> Page:
    url = f"{BASE}news/view/{n}"
    return Page(url=url, final_url=url, status=200, title=f"ข่าว {n}", text=text, depth=depth)


def test_pages_containing_a_phrase_shallowest_first_up_to_the_limit() -> None:
    # the tax notice is posted on 25 pages, the deepest first in crawl order; other pages do not hold it
    pages = [_page(n, depth=30 - n, text=f"{NOTICE} ข่าวที่ {n}") for n in range(25)]
    pages += [_page(100 + n, depth=0, text="กิจกรรมวันเด็กแห่งชาติ ประจำปี 2569") for n in range(3)]
    site = MemorySite(BASE, pages, [])
    found = site.pages_containing("การรับชำระภาษีที่ดิน")
    assert found == [f"{BASE}news/view/{n}" for n in range(24, 4, -1)]  # the 20 shallowest
    assert site.pages_containing("การรับชำระภาษีที่ดิน", limit=3) == [f"{BASE}news/view/{n}" for n in (24, 23, 22)]
    assert site.pages_containing("ประกาศผลสอบ") == []


def test_site_links_read_again_from_the_site_on_each_filter() -> None:
    passes = []

    def stream() -> Iterator[SiteLink]:  # the store streams the links; each filter not watched reads them again
        passes.append(1)
        yield SiteLink(f"{BASE}webboard/", "กระดานถามตอบ")
        yield SiteLink(f"{BASE}contact.php", "ติดต่อเรา")

    links = SiteLinks(stream)
    assert [link.url for link in links.where(lambda url, label: "ถาม" in label)] == [f"{BASE}webboard/"]
    assert [link.label for link in links.where(lambda url, label: url.endswith(".php"))] == ["ติดต่อเรา"]
    assert len(passes) == 2


def test_label_scores_and_how_much_of_it_an_item_explains() -> None:
    vocab = vocabulary(load_catalog(2569))
    scores = vocab.scores("สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนมกราคม")
    assert scores["O11"] > 0.5 and scores["O11"] == max(scores.values())
    assert vocab.scores("") == {}
    assert vocab.scores("ติดต่อเรา") == {"O3": 1.0}
    # every item the words touch, 0 for those it does not name: a division's staff manual is no item of its own
    touched = vocab.scores("คู่มือเจ้าหน้าที่ กองช่าง")
    assert touched["O8"] == 0.0 and touched["O9"] == 0.0
    # O8's words explain คู่มือ and เจ้าหน้าที่: 2 of 3.5 (กอง is known, ช่าง is no item's word and counts half)
    assert vocab.explains("คู่มือเจ้าหน้าที่ กองช่าง", "O8") == 4 / 7
    assert vocab.explains("คู่มือการปฏิบัติงาน", "O8") == 1.0
    assert vocab.explains("คู่มือการปฏิบัติงาน", "O99") == 0.0
    assert vocab.explains("", "O8") == 0.0


def test_the_word_list_handed_to_the_segmenter_answers_like_a_set() -> None:
    words = WordSet(["คู่มือ", "เจ้าหน้าที่", "", "กอง"])
    assert "คู่มือ" in words and "ช่าง" not in words
    assert sorted(words) == sorted(["คู่มือ", "เจ้าหน้าที่", "กอง"])  # the empty word is no word


def test_the_bounded_memo_forgets_the_oldest_first() -> None:
    memo = _Memo(2)
    for label in ("ติดต่อเรา", "ข่าวประชาสัมพันธ์", "คู่มือการปฏิบัติงาน"):
        memo.put(label, (label,))
    assert list(memo) == ["ข่าวประชาสัมพันธ์", "คู่มือการปฏิบัติงาน"]
