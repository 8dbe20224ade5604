"""What an evidence page found on the ITA index brings with it (rules/discovery.py, `_expand`): its documents and the
sub-pages named like the item, up to their limits, one level further and no deeper; the site-wide menu only where it
names the item; off the site, only forms and files named like the item.

The site is an อบต.'s: its "ITA 2569" page lists O1-O12 in its own words, and O9 (the citizens' manuals) leads to a
page of manuals, "คู่มือประชาชน ..." in the agency's words (the catalog's own are "คู่มือสำหรับประชาชน"): the links
name O9 by the vocabulary of the item, not by its discovery words.

Without an index, the targets are what the menus and page titles name (`_keyword_targets`): a link's label and the
target page's own title are weighed together, each URL by the best that names it.
"""

from __future__ import annotations

import pytest

from crawler.models import Link, Page
from rules.catalog import load_catalog
from rules.discovery import MAX_LINKED_DOCUMENTS, MAX_LINKED_PAGES, Candidate, Discovery, parse_code
from rules.site import MemorySite
from rules.sources import NOT_CRAWLED, NOT_FETCHED_FILE, Source
from tests.rules.sitebuilder import BASE, YEAR, Content, build_site, home, url

INDEX = "/ita/oit-2569.php"
EVIDENCE = "/manual/citizen.php"
ROWS = [  # the index rows: code, title in the agency's words, evidence page
    ("O1", "โครงสร้างและอำนาจหน้าที่ของ อบต.", "/about/structure.php"),
    ("O2", "คณะผู้บริหารองค์การบริหารส่วนตำบล", "/about/executives.php"),
    ("O3", "ติดต่อเรา / ช่องทางการสอบถาม", "/contact.php"),
    ("O4", "ข่าวประชาสัมพันธ์", "/news/index.php"),
    ("O5", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)", "/plan/local-plan.php"),
    ("O8", "คู่มือการปฏิบัติงานของเจ้าหน้าที่", "/manual/staff.php"),
    ("O9", "คู่มือสำหรับประชาชน", EVIDENCE),
]


def _html(title: str, body: str, menu: str = "") -> str:
    nav = f"<nav class='mainmenu'><ul>{menu}</ul></nav>" if menu else ""
    return f"<html><head><title>{title}</title></head><body>{nav}<main><h1>{title}</h1>{body}</main></body></html>"


def _index() -> str:
    rows = "".join(f'<tr><td>{code}</td><td><a href="{path}">{title}</a></td></tr>' for code, title, path in ROWS)
    return _html("การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปี ๒๕๖๙", f"<table>{rows}</table>")


def _links(pairs: list[tuple[str, str]]) -> str:
    return "".join(f'<li><a href="{href}">{label}</a></li>' for label, href in pairs)


def _bundle(pages: dict[str, Content], code: str = "O9") -> list[Source]:
    """The sources of the item's evidence bundle, found through the ITA index, in order."""
    site = build_site({"/": home([("หน้าแรก", "/"), ("ITA 2569", INDEX)]), INDEX: _index(), **pages})
    return _sources(Discovery(site, load_catalog(YEAR), YEAR, {}), code)


def _sources(discovery: Discovery, code: str) -> list[Source]:
    item = next(i for i in discovery.catalog.items if i.code == code)
    (candidate,) = discovery.candidates(item)
    assert candidate.found_via == "ita_index"
    return candidate.bundle.sources


def _path(source: Source) -> str:
    return source.url.removeprefix(BASE[:-1])


def _linked(sources: list[Source]) -> list[tuple[str, str]]:
    """(path, label) of what the evidence page brought, each found as "linked"."""
    assert all(s.found_via == "linked" for s in sources[1:]), [(s.url, s.found_via) for s in sources]
    return [(_path(s), s.link_text) for s in sources[1:]]


def test_an_evidence_page_brings_its_first_documents_up_to_the_limit_with_their_labels() -> None:
    forms = [(f"คำร้องทั่วไป แบบที่ {n}", f"/files/form-{n:02d}.pdf") for n in range(1, MAX_LINKED_DOCUMENTS + 3)]
    got = _linked(_bundle({EVIDENCE: _html("คู่มือสำหรับประชาชน", f"<ul>{_links(forms)}</ul>")}))
    assert got == [(href, label) for label, href in forms[:MAX_LINKED_DOCUMENTS]]


def test_an_evidence_page_brings_its_first_sub_pages_named_like_the_item_once_each() -> None:
    works = ["งานทะเบียนราษฎร", "งานจดทะเบียนพาณิชย์", "การขออนุญาตก่อสร้างอาคาร", "การชำระภาษีที่ดิน", "การขอใช้น้ำประปา",
             "การรับเบี้ยยังชีพผู้สูงอายุ", "การขอรับเบี้ยความพิการ", "การขออนุญาตขุดดิน", "การแจ้งขุดดินถมดิน"]  # fmt: skip
    subs = [(f"คู่มือประชาชน {work}", f"/manual/citizen-{n}.php") for n, work in enumerate(works, 1)]
    # the first manual is linked twice (its title and an "ฉบับย่อ" line): one sub-page, counted once
    links = [subs[0], (f"{subs[0][0]} (ฉบับย่อ)", subs[0][1]), *subs[1:]]
    got = _linked(_bundle({EVIDENCE: _html("คู่มือสำหรับประชาชน", f"<ul>{_links(links)}</ul>")}))
    assert len(subs) > MAX_LINKED_PAGES
    assert got == [(href, label) for label, href in subs[:MAX_LINKED_PAGES]]


def test_sub_pages_are_followed_one_level_further_and_no_deeper() -> None:
    chain = [
        ("คู่มือประชาชน งานทะเบียนราษฎร", "/manual/civil.php"),
        ("คู่มือประชาชน การแจ้งเกิด", "/manual/civil-birth.php"),
        ("คู่มือประชาชน การแจ้งเกิดเกินกำหนด", "/manual/civil-birth-late.php"),
    ]
    pages: dict[str, Content] = {EVIDENCE: _html("คู่มือสำหรับประชาชน", f"<ul>{_links(chain[:1])}</ul>")}
    for (title, path), following in zip(chain, [*chain[1:], None], strict=True):
        pages[path] = _html(title, f"<ul>{_links([following])}</ul>" if following else "<p>ขั้นตอนการแจ้ง</p>")
    assert _linked(_bundle(pages)) == [(path, label) for label, path in chain[:2]]


def test_the_menu_of_an_evidence_page_is_followed_only_where_it_names_the_item() -> None:
    menu = _links(
        [
            ("แผนพัฒนาท้องถิ่น", "/files/local-plan-2566-2570.pdf"),  # another item's file, on every page
            ("คู่มือประชาชน (ฉบับเต็ม)", "/files/citizen-manual-full.pdf"),  # O9's, in the agency's words
            ("ข่าวกิจกรรม", "/news/activity.php"),
        ]
    )
    got = _linked(_bundle({EVIDENCE: _html("คู่มือสำหรับประชาชน", "<p>รวมคู่มือ</p>", menu)}))
    assert got == [("/files/citizen-manual-full.pdf", "คู่มือประชาชน (ฉบับเต็ม)")]


def test_a_sub_page_named_like_the_item_in_the_agencys_words_is_followed() -> None:
    body = _links([("คู่มือประชาชน งานทะเบียนราษฎร", "/manual/civil.php"), ("ข่าวกิจกรรม", "/news/activity.php")])
    got = _linked(_bundle({EVIDENCE: _html("คู่มือสำหรับประชาชน", f"<ul>{body}</ul>")}))
    assert got == [("/manual/civil.php", "คู่มือประชาชน งานทะเบียนราษฎร")]


def test_off_the_site_only_forms_and_files_named_like_the_item_are_taken() -> None:
    body = _links(
        [
            ("แบบคำร้องออนไลน์", "https://forms.gle/KoksawangForm1"),
            ("คู่มือประชาชน งานจดทะเบียนพาณิชย์", "https://www.dbd.go.th/files/manual-commerce.pdf"),
            ("ประกาศวันหยุดราชการ ประจำปี ๒๕๖๙", "https://www.ocs.go.th/files/holidays-2569.pdf"),
            ("กรมส่งเสริมการปกครองท้องถิ่น", "https://www.dla.go.th/"),
        ]
    )
    sources = _bundle({EVIDENCE: _html("คู่มือสำหรับประชาชน", f"<ul>{body}</ul>")})
    got = [(s.url, s.kind, s.found_via, s.link_text) for s in sources[1:]]
    assert got == [
        ("https://forms.gle/KoksawangForm1", "external", "linked", "แบบคำร้องออนไลน์"),
        ("https://www.dbd.go.th/files/manual-commerce.pdf", "document", "linked", "คู่มือประชาชน งานจดทะเบียนพาณิชย์"),
    ]


def test_a_file_on_a_subdomain_crawled_as_the_sites_own_is_taken_only_when_named_like_the_item() -> None:
    # A crawl that followed the agency's subdomains records their links as its own (not external); the evidence is
    # still judged on the site asked for: a subdomain's file comes only when it is named like the item.
    body = _links(
        [
            ("แบบฟอร์มคำร้อง", "https://eservice.koksawang.go.th/files/request-form.pdf"),
            ("คู่มือประชาชน งานทะเบียนราษฎร", "https://eservice.koksawang.go.th/files/civil-manual.pdf"),
        ]
    )
    site = build_site(
        {
            "/": home([("หน้าแรก", "/"), ("ITA 2569", INDEX)]),
            INDEX: _index(),
            EVIDENCE: _html("คู่มือสำหรับประชาชน", f"<ul>{body}</ul>"),
        }
    )
    evidence = site.page(url(EVIDENCE))
    assert evidence is not None
    for link in evidence.links:
        link.external = False
    sources = _sources(Discovery(site, load_catalog(YEAR), YEAR, {}), "O9")
    assert [s.url for s in sources[1:]] == ["https://eservice.koksawang.go.th/files/civil-manual.pdf"]


def test_the_posts_of_a_sub_pages_news_list_are_another_sections() -> None:
    # O4's list dates its own entries (no post needed); its link to last fiscal year's archive is a sub-page named like
    # O4, whose list is undated: those posts are last year's section, not the ones O4 is judged by.
    def news(rows: list[tuple[str, str, str]]) -> str:
        cells = "".join(f'<tr><td><a href="{href}">{title}</a></td><td>{day}</td></tr>' for title, href, day in rows)
        return _html("ข่าวประชาสัมพันธ์", f"<table class='category'>{cells}</table>")

    current = [
        ("อบต.โคกสว่าง จัดกิจกรรมวันเด็กแห่งชาติ ประจำปี ๒๕๖๙", "/content/view.php?id=512", "10 ม.ค. 2569"),
        ("โครงการปลูกต้นไม้เฉลิมพระเกียรติ ณ สวนสาธารณะหนองบัว", "/content/view.php?id=511", "5 ธ.ค. 2568"),
        ("ประชุมประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น", "/content/view.php?id=510", "7 พ.ย. 2568"),
        ("ข่าวประชาสัมพันธ์ ปีงบประมาณ ๒๕๖๘", "/news/archive-2568.php", "30 ก.ย. 2568"),
    ]
    archive = [
        ("ฉีดพ่นหมอกควันป้องกันไข้เลือดออกในพื้นที่หมู่ที่ 1-12", "/content/view.php?id=431", "อ่าน 88 ครั้ง"),
        ("พิธีมอบเบี้ยยังชีพผู้สูงอายุและผู้พิการ", "/content/view.php?id=430", "อ่าน 102 ครั้ง"),
    ]
    pages: dict[str, Content] = {"/news/index.php": news(current), "/news/archive-2568.php": news(archive)}
    for title, href, _ in current[:3] + archive:
        pages[href] = _html(title, "<p>วันที่ 15 มกราคม 2569</p>")
    got = [_path(s) for s in _bundle(pages, "O4")]
    assert got == ["/news/index.php", "/news/archive-2568.php"]


def test_a_link_back_to_the_home_page_is_no_sub_page_whatever_it_says() -> None:
    # "บริการประชาชน" names O9, but it leads to the home page's box of services: no item's evidence
    body = _links([("บริการประชาชน", "/#services"), ("คู่มือประชาชน งานทะเบียนราษฎร", "/manual/civil.php")])
    got = _linked(_bundle({EVIDENCE: _html("คู่มือสำหรับประชาชน", f"<ul>{body}</ul>")}))
    assert got == [("/manual/civil.php", "คู่มือประชาชน งานทะเบียนราษฎร")]


def test_what_an_evidence_page_links_and_nobody_read_says_why() -> None:
    # Not crawled on the site (robots.txt, the page limit), or a file on another host never fetched: each is kept, with
    # its reason, so that the item is "unknown" rather than "missing"; a Drive file the crawler read is read.
    drive = "https://drive.google.com/uc?export=download&id={id}"
    body = _links(
        [
            ("คู่มือประชาชน งานทะเบียนราษฎร", "/manual/civil.php"),
            ("ดาวน์โหลด", "/files/citizen-manual-2569.pdf"),
            ("คู่มือประชาชน งานจดทะเบียนพาณิชย์", "https://www.dbd.go.th/files/manual-commerce.pdf"),
            ("ดาวน์โหลด", drive.format(id="1qA7mZx0RkP2bVnT4cLs9HdE3fGyW8uJi")),
            ("ดาวน์โหลด", drive.format(id="1ZyX9wV8uT7sR6qP5oN4mL3kJ2iH1gFeD")),
        ]
    )
    site = build_site(
        {
            "/": home([("หน้าแรก", "/"), ("ITA 2569", INDEX)]),
            INDEX: _index(),
            EVIDENCE: _html("คู่มือสำหรับประชาชน", f"<ul>{body}</ul>"),
        },
        {drive.format(id="1ZyX9wV8uT7sR6qP5oN4mL3kJ2iH1gFeD"): "คู่มือสำหรับประชาชน งานป้องกันและบรรเทาสาธารณภัย"},
    )
    sources = _sources(Discovery(site, load_catalog(YEAR), YEAR, {}), "O9")
    assert [(s.kind, s.error, s.readable) for s in sources[1:]] == [
        ("page", NOT_CRAWLED, False),
        ("document", NOT_CRAWLED, False),
        ("document", NOT_FETCHED_FILE, False),
        ("document", NOT_FETCHED_FILE, False),
        ("document", None, True),
    ]
    assert "งานป้องกันและบรรเทาสาธารณภัย" in sources[-1].text


# --- menu targets, without an index -----------------------------------------------------------------------------------
def _stored(path: str, title: str, links: list[Link]) -> Page:
    return Page(url=BASE + path, final_url=BASE + path, status=200, title=title, text=title, links=links)


def _targets(pages: list[Page], code: str) -> list[tuple[str, str]]:
    discovery = Discovery(MemorySite(BASE, pages, []), load_catalog(YEAR), YEAR, {})
    item = next(i for i in discovery.catalog.items if i.code == code)
    return [(target.removeprefix(BASE), label) for target, label, _ in discovery._keyword_targets(item)]


def test_a_section_linked_by_a_see_all_button_and_an_image_banner_is_labelled_by_the_button() -> None:
    # Neither names O11; the URL's slug ("procurement") does. The home page's box comes first, the menu's banner later.
    pages = [
        _stored("index.php", "หน้าแรก", [Link(url=f"{BASE}procurement/", text="ดูทั้งหมด")]),
        _stored("about/index.php", "เกี่ยวกับเรา", [Link(url=f"{BASE}procurement/", text="", nav=True)]),
    ]
    assert _targets(pages, "O11") == [("procurement/", "ดูทั้งหมด")]


def test_a_menu_label_that_names_the_item_best_is_kept_over_the_pages_own_title() -> None:
    # The menu says "คู่มือสำหรับประชาชน" (all of O9); the page's title says less of it. A page no label names
    # is a target by its own title.
    pages = [
        _stored("index.php", "หน้าแรก", [Link(url=f"{BASE}manual/citizen.php", text="คู่มือสำหรับประชาชน", nav=True)]),
        _stored("manual/citizen.php", "คู่มือประชาชน งานทะเบียนราษฎร", []),
        _stored("manual/birth.php", "คู่มือประชาชน การแจ้งเกิด", []),
    ]
    assert _targets(pages, "O9") == [
        ("manual/citizen.php", "คู่มือสำหรับประชาชน"),
        ("manual/birth.php", "คู่มือประชาชน การแจ้งเกิด"),
    ]


def test_a_bare_code_over_another_items_news_post_is_no_target() -> None:
    # "O9" says nothing of O9 in words, and the URL is a news post (O4's slug): neither makes it O9's evidence.
    pages = [_stored("index.php", "หน้าแรก", [Link(url=f"{BASE}news/view.php?id=120", text="O9", nav=True)])]
    assert _targets(pages, "O9") == []


@pytest.mark.parametrize("path", ["ita/o8.php", "sop/index.php"])  # "sop" is O8's slug
def test_a_coded_menu_entry_ranks_first_whether_or_not_its_address_has_the_items_slug(path: str) -> None:
    # "O8 คู่มือเจ้าหน้าที่": too few words to name O8 alone, but they agree with the code (CODE_BONUS); a news post
    # titled in O8's words ranks after it. The item's own slug in the address makes the entry no less the item's.
    pages = [
        _stored("index.php", "หน้าแรก", [Link(url=f"{BASE}{path}", text="O8 คู่มือเจ้าหน้าที่", nav=True)]),
        _stored("news/view.php?id=95", "คู่มือการปฏิบัติงาน งานการเจ้าหน้าที่", []),
    ]
    assert _targets(pages, "O8") == [
        (path, "O8 คู่มือเจ้าหน้าที่"),
        ("news/view.php?id=95", "คู่มือการปฏิบัติงาน งานการเจ้าหน้าที่"),
    ]


def test_a_declared_viewer_link_is_read_as_the_file_it_shows() -> None:
    # The agency declared its manual through Google's viewer; the crawler read the file on the site itself.
    viewer = f"https://docs.google.com/viewer?url={url('/files/citizen-manual-2569.pdf')}"
    site = build_site(
        {"/": home([("หน้าแรก", "/")])},
        {"/files/citizen-manual-2569.pdf": "คู่มือสำหรับประชาชน งานทะเบียนราษฎร ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"},
    )
    discovery = Discovery(site, load_catalog(YEAR), YEAR, {"O9": [viewer]})
    item = next(i for i in discovery.catalog.items if i.code == "O9")
    declared = discovery.candidates(item)[0]
    assert declared.found_via == "config" and declared.urls == [viewer]
    (source,) = declared.bundle.sources
    assert (source.kind, source.found_via, source.readable) == ("document", "config", True)
    assert "งานทะเบียนราษฎร" in source.text


def test_a_headline_that_also_carries_the_items_code_ranks_first() -> None:
    # Both name O11 alike; the second also says "O11" (its words agree with O11 a little less than CODED_AGREES)
    headline = "ประกาศผู้ชนะการเสนอราคา โครงการซ่อมแซมถนนลูกรัง หมู่ที่ {village}"
    news = [
        Link(url=f"{BASE}news/view/1", text=headline.format(village=3)),
        Link(url=f"{BASE}news/view/2", text="O11 " + headline.format(village=4)),
    ]
    assert [u for u, _ in _targets([_stored("news/archive.php", "ข่าวทั้งหมด", news)], "O11")] == [
        "news/view/2",
        "news/view/1",
    ]


def test_a_menu_entry_back_to_the_home_page_is_no_target() -> None:
    # "ข่าวประชาสัมพันธ์" in the menu of one theme leads to the home page (its news box): the news page is O4's
    menu = [
        Link(url=BASE, text="ข่าวประชาสัมพันธ์", nav=True),
        Link(url=f"{BASE}news/index.php", text="ข่าวประชาสัมพันธ์", nav=True),
    ]
    assert _targets([_stored("about/index.php", "เกี่ยวกับเรา", menu)], "O4") == [("news/index.php", "ข่าวประชาสัมพันธ์")]


def test_a_declared_url_and_the_menu_are_both_candidates_without_an_index() -> None:
    site = build_site(
        {"/": home([("หน้าแรก", "/"), ("คู่มือสำหรับประชาชน", EVIDENCE)]), EVIDENCE: _html("คู่มือสำหรับประชาชน", "")}
    )
    discovery = Discovery(site, load_catalog(YEAR), YEAR, {"O9": [url("/manual/declared.php")]})
    item = next(i for i in discovery.catalog.items if i.code == "O9")
    assert [(c.found_via, c.urls) for c in discovery.candidates(item)] == [
        ("config", [url("/manual/declared.php")]),
        ("menu", [url(EVIDENCE)]),
    ]


# --- the ITA index: how many rows make one, which of the year's is used, rows matched by their title -------------------
def _index_discovery(rows: list[tuple[str, str]], extra: dict[str, Content] | None = None) -> Discovery:
    """A site whose ITA 2569 page lists `rows` (text, href; an empty href: no link) as a table."""
    cells = "".join(
        f'<tr><td><a href="{href}">{text}</a></td></tr>' if href else f"<tr><td>{text}</td></tr>" for text, href in rows
    )
    pages: dict[str, Content] = {"/": home([("หน้าแรก", "/"), ("ITA 2569", INDEX)]), **(extra or {})}
    pages.setdefault(INDEX, _html("การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปี ๒๕๖๙", f"<table>{cells}</table>"))  # after `extra`
    return Discovery(build_site(pages), load_catalog(YEAR), YEAR, {})


CODED = [(f"{code} {title}", path) for code, title, path in ROWS if code != "O9"]  # six coded rows, O9 left out


def _o1_candidate(*o1_rows: tuple[str, str]) -> tuple[Candidate, list[str]]:
    """O1's one candidate and the discovery notes, on the index of CODED with O1's row replaced by `o1_rows`."""
    discovery = _index_discovery([*[r for r in CODED if not r[0].startswith("O1 ")], *o1_rows])
    item = next(i for i in discovery.catalog.items if i.code == "O1")
    (candidate,) = discovery.candidates(item)
    return candidate, discovery.notes


def test_an_index_needs_five_coded_rows() -> None:
    assert _index_discovery(CODED[:5]).index is not None
    assert _index_discovery(CODED[:4]).index is None


def test_of_two_index_pages_of_the_year_the_one_with_more_rows_is_used() -> None:
    part = "/ita/oit-2569-part1.php"  # the first half of the list, a page of its own, met first
    first = _html(
        "ITA ประจำปี ๒๕๖๙ (ส่วนที่ 1)",
        "<table>" + "".join(f'<tr><td><a href="{h}">{t}</a></td></tr>' for t, h in CODED[:5]) + "</table>",
    )
    discovery = _index_discovery(CODED, {part: first, "/": home([("ITA 2569 (1)", part), ("ITA 2569", INDEX)])})
    assert discovery.index is not None and discovery.index.url == url(INDEX)


def test_an_index_page_of_no_year_is_reported_without_one() -> None:
    rows = [(text.replace(" (พ.ศ. 2566-2570)", ""), href) for text, href in CODED]  # no year anywhere on the page
    table = "".join(f'<tr><td><a href="{href}">{text}</a></td></tr>' for text, href in rows)
    untitled = {
        "/": home([("หน้าแรก", "/"), ("ITA", INDEX)]),
        INDEX: _html("การเปิดเผยข้อมูลสาธารณะ", f"<table>{table}</table>"),
    }
    discovery = _index_discovery(rows, untitled)
    assert discovery.index is None
    assert discovery.notes == [
        "พบหน้า ITA ของปี ไม่ระบุ แต่ไม่พบหน้า ITA ปี 2569 / found ITA index pages for no year, none for 2569"
    ]


def test_an_uncoded_row_is_matched_by_the_items_full_title_before_its_keywords() -> None:
    # O1 without its code: the row with its full title (and two keywords) wins over one with three keywords alone
    candidate, notes = _o1_candidate(
        ("แผนผังองค์กร โครงสร้างส่วนราชการ", "/about/orgchart.php"), ("โครงสร้างและอำนาจหน้าที่", "/about/structure.php")
    )
    assert (candidate.found_via, candidate.urls, notes) == ("ita_index", [url("/about/structure.php")], [])


def test_a_row_named_like_the_item_without_a_link_is_not_its_row() -> None:
    # O9's row says it is being updated and links nothing: the index has no evidence for O9, and says nothing of it
    discovery = _index_discovery([*CODED, ("O35 คู่มือสำหรับประชาชน (อยู่ระหว่างปรับปรุง)", "")])
    item = next(i for i in discovery.catalog.items if i.code == "O9")
    assert discovery.candidates(item) == []
    assert discovery.notes == []


def test_a_page_title_is_read_without_the_sites_name_after_it() -> None:
    # "คู่มือสำหรับประชาชน - องค์การบริหารส่วนตำบลโคกสว่าง ..." names O9 fully: it outranks a page that names it less
    pages = [
        _stored("manual/civil.php", "คู่มือประชาชน งานทะเบียนราษฎร", []),
        _stored("manual/citizen.php", "คู่มือสำหรับประชาชน - องค์การบริหารส่วนตำบลโคกสว่าง อำเภอเมือง จังหวัดขอนแก่น", []),
    ]
    assert [u for u, _ in _targets(pages, "O9")] == ["manual/citizen.php", "manual/civil.php"]


def test_a_code_far_into_a_rows_text_is_not_its_code() -> None:
    # "ข้อ 5" of the announcement it quotes, past the row's first words, is no index code
    assert parse_code("ประกาศองค์การบริหารส่วนตำบลโคกสว่าง เรื่อง การเปิดเผยข้อมูลสาธารณะ ตามประกาศ ข้อ 5") is None
    assert parse_code("ข้อ 5 แผนพัฒนาท้องถิ่น") == "O5"


def test_an_index_row_linked_by_a_picture_is_labelled_by_its_alt_text() -> None:
    candidate, _ = _o1_candidate(
        ("O1 <img src='/images/orgchart.png' alt='แผนผังโครงสร้างองค์กร'>", "/about/structure.php")
    )
    assert candidate.bundle.sources[0].link_text == "O1 แผนผังโครงสร้างองค์กร"  # the code, then the picture's alt


def test_a_coded_menu_entry_to_a_post_first_met_as_a_read_more_button_keeps_its_rank() -> None:
    # The home page's "อ่านต่อ" button comes first; the ITA menu's "O8 คู่มือเจ้าหน้าที่" links the same page later
    pages = [
        _stored("index.php", "หน้าแรก", [Link(url=f"{BASE}sop/2569.php", text="อ่านต่อ")]),
        _stored("about/index.php", "เกี่ยวกับเรา", [Link(url=f"{BASE}sop/2569.php", text="O8 คู่มือเจ้าหน้าที่", nav=True)]),
        _stored("news/view.php?id=95", "คู่มือการปฏิบัติงาน งานการเจ้าหน้าที่", []),
    ]
    assert [u for u, _ in _targets(pages, "O8")] == ["sop/2569.php", "news/view.php?id=95"]


def test_a_coded_row_that_also_says_another_items_words_is_still_its_codes() -> None:
    # O1's row mentions the executives (O2's word) in passing: it names O1 too, so it is O1's row
    candidate, notes = _o1_candidate(("O1 โครงสร้างและอำนาจหน้าที่ (แผนผังส่วนราชการและคณะผู้บริหาร)", "/about/structure.php"))
    assert (candidate.found_via, candidate.urls, notes) == ("ita_index", [url("/about/structure.php")], [])


def test_the_items_full_title_counts_as_three_of_its_keywords() -> None:
    # Uncoded: "โครงสร้างและอำนาจหน้าที่" (its title, and two keywords in it) ties with a row of five keywords
    candidate, _ = _o1_candidate(
        ("โครงสร้างและอำนาจหน้าที่", "/about/structure.php"),
        ("แผนผังองค์กร โครงสร้างส่วนราชการ อำนาจหน้าที่ หน้าที่และอำนาจ", "/about/orgchart.php"),
    )
    assert candidate.urls == [url("/about/structure.php"), url("/about/orgchart.php")]


def test_an_index_of_coded_links_in_one_paragraph_gives_each_code_its_link() -> None:
    # "O1 โครงสร้าง | O2 ผู้บริหาร | ...": no table, no list; each link carries its code in its own words
    line = " | ".join(
        f'<a href="{href}"><span>{text.split()[0]}</span> <b>{text.split(" ", 1)[1]}</b></a>' for text, href in CODED
    )
    discovery = _index_discovery(CODED, {INDEX: _html("ITA ประจำปี ๒๕๖๙", f"<p>{line}</p>")})
    assert discovery.index is not None
    rows = discovery.index.rows
    assert {code: [(link.url, link.label) for row in rows[code] for link in row.links] for code in ("O1", "O2")} == {
        "O1": [(url("/about/structure.php"), "O1 โครงสร้างและอำนาจหน้าที่ของ อบต.")],
        "O2": [(url("/about/executives.php"), "O2 คณะผู้บริหารองค์การบริหารส่วนตำบล")],
    }


def test_a_candidate_page_with_one_code_and_no_link_is_read_and_is_no_index() -> None:
    # The ITA page before anything is posted: one heading with a code, nothing linked
    discovery = _index_discovery(
        [], {INDEX: _html("ITA ประจำปี ๒๕๖๙", "<h3>O1 โครงสร้างและอำนาจหน้าที่ (อยู่ระหว่างจัดทำ)</h3>")}
    )
    assert discovery.index is None


def test_an_index_found_only_by_the_year_of_the_menu_label_to_it() -> None:
    # The page says no year; the menu says "ITA 2569"
    table = "".join(f'<tr><td><a href="{href}">{text}</a></td></tr>' for text, href in CODED if "25" not in text)
    discovery = _index_discovery([], {INDEX: _html("การเปิดเผยข้อมูลสาธารณะ", f"<table>{table}</table>")})
    assert discovery.index is not None and discovery.index.year == 2569


def test_a_card_of_the_index_is_the_context_of_its_evidence() -> None:
    # A card grid: the card's heading has the code, its link says only "ดูเอกสาร"; the card's words go with the evidence
    cards = "".join(
        f'<div class="card"><h3>{text}</h3><p><a href="{href}">ดูเอกสาร</a></p></div>' for text, href in CODED
    )
    structure = _html("โครงสร้างส่วนราชการ", "<p>แผนผังโครงสร้าง</p>")
    grid = _html("ITA ประจำปี ๒๕๖๙", f"<div class='grid'>{cards}</div>")
    discovery = _index_discovery(CODED, {INDEX: grid, "/about/structure.php": structure})
    item = next(i for i in discovery.catalog.items if i.code == "O1")
    (candidate,) = discovery.candidates(item)
    evidence = candidate.bundle.sources[0]
    assert (evidence.link_text, evidence.context) == ("ดูเอกสาร", "O1 โครงสร้างและอำนาจหน้าที่ของ อบต. ดูเอกสาร")
