"""Discovery on a news-heavy site: hundreds of links name the same item, and only the best are kept.

An อบต. that posts every procurement announcement as news has hundreds of headlines that name O11 ("ประกาศผู้ชนะ
การเสนอราคา โครงการ…"), and hundreds of "อ่านต่อ" buttons to /procurement/… posts that name nothing but carry
O11's slug. Discovery keeps the best few hundred URLs an item (rules/discovery.py, _prune and _prune_slugs); the
item's menu entry, met after them all, must still come first, and the targets are still the best ones, first met
first among equals.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from crawler.models import Link, Page
from rules.catalog import ItemDef, load_catalog
from rules.discovery import MAX_KEYWORD_TARGETS, MAX_LINK_TARGETS, Discovery
from rules.site import MemorySite

BASE = "https://www.nongbua.go.th/"
# the same announcement each week, for another village (they name O11 the same: 0.73)
HEADLINE = "ประกาศผู้ชนะการเสนอราคา โครงการซ่อมแซมถนนลูกรัง หมู่ที่ {village} (ครั้งที่ {n})"
BETTER = "ประกาศผลการจัดซื้อจัดจ้าง ครุภัณฑ์สำนักงาน (ครั้งที่ {n})"  # says more of O11 (0.89)


def _page(path: str, title: str, links: list[Link]) -> Page:
    return Page(url=BASE + path, final_url=BASE + path, status=200, title=title, text=title, links=links)


def _headline(n: int) -> str:
    return HEADLINE.format(village=n % 12 + 1, n=n)


@cache
def _o11() -> ItemDef:
    return next(i for i in load_catalog(2569).items if i.code == "O11")


def _targets(pages: list[Page]) -> list[tuple[str, str]]:
    discovery = Discovery(MemorySite(BASE, pages, []), load_catalog(2569), 2569, {})
    return [(url.removeprefix(BASE), label) for url, label, _ in discovery._keyword_targets(_o11())]


def _news_site(headlines: int) -> list[Page]:
    news = [Link(url=f"{BASE}news/view/{n}", text=_headline(n)) for n in range(headlines)]
    # two better headlines early in the list, one late; the section's menu (on the page read last) names O11 best
    for n in (5, 40, headlines - 3):
        news[n] = Link(url=f"{BASE}news/view/{n}", text=BETTER.format(n=n))
    menu = [
        Link(url=f"{BASE}index.php", text="หน้าแรก", nav=True),
        Link(url=f"{BASE}procure/summary.php", text="ข่าวการจัดซื้อจัดจ้าง", nav=True),
        Link(url=f"{BASE}about/contact.php", text="ติดต่อเรา", nav=True),
    ]
    return [_page("news/archive.php", "ข่าวทั้งหมด", news), _page("about/index.php", "เกี่ยวกับเรา", menu)]


def test_the_menu_entry_met_after_hundreds_of_headlines_comes_first() -> None:
    headlines = MAX_LINK_TARGETS + 60  # more than the targets kept an item: the list is pruned
    got = _targets(_news_site(headlines))
    assert got[0] == ("procure/summary.php", "ข่าวการจัดซื้อจัดจ้าง")
    # then the three headlines that say more of O11, then the others: the shorter label first, then as met
    assert [url for url, _ in got[1:4]] == ["news/view/5", "news/view/40", f"news/view/{headlines - 3}"]
    assert [url for url, _ in got[4:]] == ["news/view/0", "news/view/1", "news/view/2", "news/view/3"]
    assert len(got) == MAX_KEYWORD_TARGETS


def test_pruning_keeps_what_a_short_list_would_have_chosen() -> None:
    # the same site with few headlines is never pruned: the best targets are the same
    short, long = _targets(_news_site(60)), _targets(_news_site(MAX_LINK_TARGETS * 2 + 10))
    assert short[0] == long[0] == ("procure/summary.php", "ข่าวการจัดซื้อจัดจ้าง")
    assert [u for u, _ in short[1:3]] == [u for u, _ in long[1:3]] == ["news/view/5", "news/view/40"]


def _read_more_site(posts: int) -> list[Page]:
    # a news theme's "อ่านต่อ" buttons: the label names nothing, the URL has O11's slug ("procurement")
    buttons = [Link(url=f"{BASE}procurement/view/{n}", text="อ่านต่อ") for n in range(1, posts + 1)]
    banner = Link(url=f"{BASE}procurement/", text="", img_alt="", nav=True)  # an image banner in the menu
    return [
        _page("news/archive.php", "ข่าวทั้งหมด", buttons),
        _page("about/index.php", "เกี่ยวกับเรา", [banner]),
    ]


def test_links_known_only_by_the_slug_keep_the_first_met_and_the_menu() -> None:
    got = _targets(_read_more_site(MAX_LINK_TARGETS + 40))
    # every one scores the same (the slug alone): the menu's banner first, then the posts as met, newest first
    assert got[0] == ("procurement/", "")
    assert [u for u, _ in got[1:]] == [f"procurement/view/{n}" for n in range(1, MAX_KEYWORD_TARGETS)]
    assert all(label in ("", "อ่านต่อ") for _, label in got)


def test_a_slug_link_whose_label_says_more_ranks_before_the_buttons() -> None:
    pages = _read_more_site(MAX_LINK_TARGETS * 2 + 5)
    # a last post linked again from the home page's box with a label carrying O11's code and words
    late = MAX_LINK_TARGETS * 2 + 5
    box = Link(url=f"{BASE}procurement/view/{late}", text="O11 ผลการจัดซื้อจัดจ้าง")
    pages.append(_page("index.php", "หน้าแรก", [box]))
    got = _targets(pages)
    assert got[0] == (f"procurement/view/{late}", "O11 ผลการจัดซื้อจัดจ้าง")
    assert got[1] == ("procurement/", "")
    assert [u for u, _ in got[2:]] == [f"procurement/view/{n}" for n in range(1, MAX_KEYWORD_TARGETS - 1)]


# --- a list pruned twice: what the first pruning kept, first met first, and a menu entry met late ---------------------
# The newest post first, as every news list shows them: ids fall as the list goes on (and so do the URLs' sort order).
NEWEST = 1999
FIRST_PAGE = 2 * MAX_LINK_TARGETS - 134  # pruned once at 257 URLs (to 128); 121 more: 249 at the end of the page
KEPT = FIRST_PAGE - (MAX_LINK_TARGETS + 1) + MAX_LINK_TARGETS // 2
WEEKLY = "ประกาศผู้ชนะการเสนอราคา โครงการซ่อมแซมถนนลูกรัง (ครั้งที่ {n})"  # every one names O11 the same (0.8)


def _pruned_twice(link: Callable[[int], Link], menu: Link) -> list[tuple[str, str]]:
    archive = [link(NEWEST - i) for i in range(FIRST_PAGE)]
    # the about page: the menu entry (the 250th URL), then the older posts of its side box, up to 257: pruned again
    older = [link(NEWEST - FIRST_PAGE - i) for i in range(MAX_LINK_TARGETS + 1 - KEPT - 1)]
    return _targets(
        [_page("news/archive.php", "ข่าวทั้งหมด", archive), _page("about/index.php", "เกี่ยวกับเรา", [menu, *older])]
    )


def test_a_list_pruned_twice_keeps_the_newest_posts_and_the_menu_entry() -> None:
    got = _pruned_twice(
        lambda n: Link(url=f"{BASE}news/view/{n}", text=WEEKLY.format(n=n)),
        Link(url=f"{BASE}procure/winners.php", text="ผู้ชนะการเสนอราคา", nav=True),  # scores the same: 0.8
    )
    assert got[0] == ("procure/winners.php", "ผู้ชนะการเสนอราคา")  # the menu is where the site files it
    assert [u for u, _ in got[1:]] == [f"news/view/{NEWEST - i}" for i in range(MAX_KEYWORD_TARGETS - 1)]


def test_thumbnails_known_only_by_the_slug_pruned_twice_keep_the_newest_and_the_banner() -> None:
    # a grid of thumbnails without alt text: the label is empty, the URL has O11's slug
    got = _pruned_twice(
        lambda n: Link(url=f"{BASE}procurement/view/{n}", text=""),
        Link(url=f"{BASE}procurement/", text="", nav=True),  # the menu's image banner to the section
    )
    assert got[0] == ("procurement/", "")
    assert [u for u, _ in got[1:]] == [f"procurement/view/{NEWEST - i}" for i in range(MAX_KEYWORD_TARGETS - 1)]


def test_at_the_cut_the_headlines_that_say_more_of_the_item_are_kept() -> None:
    # Both name O11 fully (1.0); the later ones also say "จัดซื้อจัดจ้างพัสดุ": more of O11, though longer. When the
    # list is cut to its best half, they are kept before the shorter ones met first.
    short = "ประกาศผู้ชนะการเสนอราคา (ครั้งที่ {n})"
    said_more = "ประกาศผู้ชนะการเสนอราคา จัดซื้อจัดจ้างพัสดุ (ครั้งที่ {n})"
    first = MAX_LINK_TARGETS - 56
    news = [Link(url=f"{BASE}news/view/{n}", text=short.format(n=n)) for n in range(first)]
    news += [Link(url=f"{BASE}news/view/{n}", text=said_more.format(n=n)) for n in range(first, MAX_LINK_TARGETS + 1)]
    got = _targets([_page("news/archive.php", "ข่าวทั้งหมด", news)])
    assert len(got) == MAX_KEYWORD_TARGETS
    assert all("จัดซื้อจัดจ้างพัสดุ" in label for _, label in got), got


def test_at_the_cut_the_slug_links_whose_label_says_more_of_the_item_are_kept() -> None:
    # Neither label names O11 (the URLs' slug does), but "ดูประกาศฉบับเต็ม" says an announcement, which is O11's word:
    # when the list is cut to its best half, those are kept before the shorter "อ่านต่อ" buttons met first.
    first = MAX_LINK_TARGETS - 56
    buttons = [Link(url=f"{BASE}procurement/view/{n}", text="อ่านต่อ") for n in range(first)]
    full = [Link(url=f"{BASE}procurement/view/{n}", text="ดูประกาศฉบับเต็ม") for n in range(first, MAX_LINK_TARGETS + 1)]
    got = _targets([_page("news/archive.php", "ข่าวทั้งหมด", buttons), _page("news/notices.php", "ประกาศ", full)])
    assert got == [(f"procurement/view/{n}", "ดูประกาศฉบับเต็ม") for n in range(first, first + MAX_KEYWORD_TARGETS)]


# --- a URL met again after the cut keeps the place it was first met in, as on a list never cut -------------------------
AGAIN = 100  # among the best half kept at the cut (every headline ties: the first met are kept), not the best third


def test_a_headline_named_better_after_the_cut_keeps_its_first_place() -> None:
    # The weekly headlines (all alike) fill the list past its limit; the procurement page, read later, names three new
    # announcements and the 100th one again in the section's words: the four rank alike, in the order first met.
    weekly = "ประกาศผู้ชนะการเสนอราคา โครงการซ่อมแซมถนนลูกรัง (ครั้งที่ {n:03d})"
    news = [Link(url=f"{BASE}news/view/{n}", text=weekly.format(n=n)) for n in range(MAX_LINK_TARGETS + 1)]
    later = [*range(MAX_LINK_TARGETS + 1, MAX_LINK_TARGETS + 4), AGAIN]
    section = [Link(url=f"{BASE}news/view/{n}", text=BETTER.format(n=n)) for n in later]
    got = _targets([_page("news/archive.php", "ข่าวทั้งหมด", news), _page("procure/index.php", "ประกาศ", section)])
    assert [u for u, _ in got[:4]] == [f"news/view/{n}" for n in sorted(later)]


def test_a_slug_link_labelled_better_after_the_cut_keeps_its_first_place() -> None:
    # The same with "อ่านต่อ" buttons (the URL's slug names O11): the attachments list read later labels three new
    # posts and the 100th one again "เอกสารแนบ ประกาศ" (an announcement: O11's word), which ranks them first.
    buttons = [Link(url=f"{BASE}procurement/view/{n}", text="อ่านต่อ") for n in range(MAX_LINK_TARGETS + 1)]
    later = [*range(MAX_LINK_TARGETS + 1, MAX_LINK_TARGETS + 4), AGAIN]
    files = [Link(url=f"{BASE}procurement/view/{n}", text="เอกสารแนบ ประกาศ") for n in later]
    got = _targets([_page("news/archive.php", "ข่าวทั้งหมด", buttons), _page("news/files.php", "เอกสาร", files)])
    assert [u for u, _ in got[:4]] == [f"procurement/view/{n}" for n in sorted(later)]
