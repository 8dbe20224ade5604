"""Which posts of an undated news list become O4's evidence (rules/discovery.py, `_add_posts`).

An อบต.'s "ข่าวประชาสัมพันธ์" page is often a table of titles only: each post carries its own date, so discovery
adds the posts the list links (the newest MAX_POSTS that were crawled and read) to the item's evidence, each
labelled by its title on the list. The list's link back to the home page, a post the crawler never reached or
could not read, and a page the bundle already holds are not posts; a list that dates its own entries needs none.
"""

from __future__ import annotations

import pytest

from crawler.models import Page
from crawler.parse import parse_html
from rules.catalog import load_catalog
from rules.discovery import DATED_LIST, MAX_POSTS, Discovery
from rules.site import MemorySite
from rules.sources import Source
from tests.rules.sitebuilder import YEAR, Unreadable, assert_pass, build_site, home, item, url

TITLES = [
    "อบต.โคกสว่าง จัดกิจกรรมวันเด็กแห่งชาติ ประจำปี 2569",
    "โครงการปลูกต้นไม้เฉลิมพระเกียรติ ณ สวนสาธารณะหนองบัว",
    "ประชุมประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น",
    "ออกหน่วยบริการรับชำระภาษีที่ดินและสิ่งปลูกสร้างนอกสถานที่",
    "กิจกรรมจิตอาสาพัฒนาทำความสะอาดถนนสายหลักของตำบล",
    "โครงการอบรมให้ความรู้การคัดแยกขยะมูลฝอยในครัวเรือน",
    "พิธีมอบเบี้ยยังชีพผู้สูงอายุและผู้พิการ ประจำเดือนมกราคม",
    "ฉีดพ่นหมอกควันป้องกันไข้เลือดออกในพื้นที่หมู่ที่ 1-12",
    "โครงการส่งเสริมสุขภาพผู้สูงอายุ ณ ศาลาประชาคม",
    "ตรวจเยี่ยมศูนย์พัฒนาเด็กเล็กบ้านโคกสว่าง",
]
POSTS = [f"/content/view.php?id={500 - n}" for n in range(len(TITLES))]
ARCHIVE = "/news/archive-2568.php"  # named like O4: the bundle reads it as a sub-page before the posts


def _post(title: str) -> str:
    body = f"<h1>{title}</h1><p>วันที่ 15 มกราคม 2569</p><p>องค์การบริหารส่วนตำบลโคกสว่างดำเนินงานตามภารกิจ</p>"
    return page_body(body, title)


def page_body(body: str, title: str) -> str:
    return f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


def _list(rows: list[tuple[str, str]], dates: list[str] | None = None) -> str:
    """The news list: a table of titles (with their dates in a second column when `dates` is given)."""
    cells = [
        f'<tr><td><a href="{href}">{title}</a></td><td>{dates[i] if dates else "อ่าน 120 ครั้ง"}</td></tr>'
        for i, (title, href) in enumerate(rows)
    ]
    return page_body(f"<h1>ข่าวประชาสัมพันธ์</h1><table class='category'>{''.join(cells)}</table>", "ข่าวประชาสัมพันธ์")


def _posts_read(pages: dict[str, object]) -> list[tuple[str, str, str]]:
    """(path, label, found_via) of the posts O4's evidence bundle holds, in order."""
    site = build_site(
        {"/": home([("หน้าแรก", "/"), ("ข่าวประชาสัมพันธ์", "/news/index.php"), ("ติดต่อเรา", "/contact.php")]), **pages}  # type: ignore[dict-item]
    )
    return _bundle_posts(site)


def _bundle_posts(site: MemorySite) -> list[tuple[str, str, str]]:
    catalog = load_catalog(YEAR)
    o4 = next(i for i in catalog.items if i.code == "O4")
    discovery = Discovery(site, catalog, YEAR, {})
    (candidate,) = discovery.candidates(o4)
    sources: list[Source] = candidate.bundle.sources
    return [(s.url.removeprefix(url("/")[:-1]), s.link_text, s.found_via) for s in sources if "?id=" in s.url]


def _site_pages(rows: list[tuple[str, str]], dates: list[str] | None = None) -> dict[str, object]:
    return {"/news/index.php": _list(rows, dates), **{p: _post(t) for t, p in zip(TITLES, POSTS, strict=True)}}


def test_the_newest_posts_read_are_added_with_their_titles_up_to_the_limit() -> None:
    got = _posts_read(_site_pages(list(zip(TITLES, POSTS, strict=True))))
    assert len(TITLES) > MAX_POSTS
    assert got == [(p, t, "linked") for t, p in list(zip(TITLES, POSTS, strict=True))[:MAX_POSTS]]


def test_home_unread_dead_and_already_held_links_are_not_posts() -> None:
    rows = [
        ("กลับสู่หน้าหลักองค์การบริหารส่วนตำบล", "/"),  # the list's way back home, in its content
        ("ข่าวประชาสัมพันธ์ ปีงบประมาณ 2568", ARCHIVE),  # already in the bundle, as a page named like O4
        ("ประกาศวันหยุดราชการเนื่องในวันสงกรานต์", "/content/view.php?id=999"),  # never crawled
        ("มอบถุงยังชีพช่วยเหลือผู้ประสบอุทกภัย", "/content/view.php?id=998"),  # answered 404
        *zip(TITLES, POSTS, strict=True),
    ]
    pages = _site_pages(rows)
    pages[ARCHIVE] = page_body("<h1>ข่าวประชาสัมพันธ์ ปีงบประมาณ 2568</h1><p>ไม่มีรายการ</p>", "ข่าวเก่า")
    pages["/content/view.php?id=998"] = Unreadable("HTTP 404", 404)
    got = _posts_read(pages)
    assert got == [(p, t, "linked") for t, p in list(zip(TITLES, POSTS, strict=True))[:MAX_POSTS]]


def test_a_list_that_dates_its_own_entries_adds_no_post() -> None:
    dates = ["15 ม.ค. 2569", "8 ธ.ค. 2568", "7 พ.ย. 2568", "20 ต.ค. 2568"]
    rows = list(zip(TITLES, POSTS, strict=True))[1:]  # titles without a year of their own
    assert _posts_read(_site_pages(rows[:DATED_LIST], dates)) == []
    # one date fewer than that: the titles are read on their posts
    got = _posts_read(_site_pages(rows[: DATED_LIST - 1], dates))
    assert [p for p, _, _ in got] == POSTS[1:DATED_LIST]


def _served(path: str, final: str, html: str) -> Page:
    """A page as the crawler stores it when the server redirected it: queued as `path`, read from `final`."""
    parsed = parse_html(html, url(final))
    return Page(
        url=url(path),
        final_url=url(final),
        status=200,
        title=parsed.title,
        headings=parsed.headings,
        text=parsed.text,
        html=html,
        links=parsed.links,
    )


@pytest.mark.parametrize(
    ("menu", "served", "href"),
    [
        ("/pr", "/pr/", "view.php?id={n}"),  # Apache's redirect of a folder to its trailing slash
        ("/news.php", "/site/news/list.php", "detail.php?id={n}"),  # an old address moved into the CMS
    ],
)
def test_a_list_served_from_another_address_reads_its_posts_from_there(menu: str, served: str, href: str) -> None:
    rows = [(t, href.format(n=n)) for n, t in enumerate(TITLES[1:4])]
    folder = served.rsplit("/", 1)[0] + "/"
    posts = [_served(folder + h, folder + h, _post(t)) for t, h in rows]
    menu_html = home([("หน้าแรก", "/"), ("ข่าวประชาสัมพันธ์", menu)])
    site = MemorySite(url("/"), [_served("/", "/", menu_html), _served(menu, served, _list(rows)), *posts], [])
    assert _bundle_posts(site) == [(folder + h, t, "linked") for t, h in rows]
    # and O4 is judged by the posts' own dates (15 มกราคม 2569), from memory and from SQLite alike
    assert_pass(item(site, "O4"), ["news.current"])


def test_a_list_that_declares_a_base_address_reads_its_posts_from_there() -> None:
    # The template declares <base href> at the site's root and links its posts relative to it ("content/view.php"),
    # as the crawler read them: from /news/index.php they are /content/view.php?id=..., not /news/content/...
    rows = [(t, p.lstrip("/")) for t, p in zip(TITLES, POSTS, strict=True)][:3]
    listing = _list(rows).replace("<head>", f'<head><base href="{url("/")}">')
    got = _posts_read({"/news/index.php": listing, **{p: _post(t) for t, p in zip(TITLES, POSTS, strict=True)}})
    assert got == [(p, t, "linked") for t, p in list(zip(TITLES, POSTS, strict=True))[:3]]
