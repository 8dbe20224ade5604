"""Menus that name items in their own words, on saved home pages where only the home page is reachable.

Three home pages of the platforms อปท. sites run on (shared/ita/criteria.md section 6): the shared-hosting
municipal CMS (`/public/list/data/index/menu/NNNN`, a mega-menu), WordPress (`?page_id=`, `?cat=`, widgets) and a
legacy table-layout site (`index.php?url=`, `lawlink.php?menuid=`, image menu items with alt text). Each is the
only page of its site: discovery must find each item's link from the menu alone, the best-fitting link first,
and keep generic links ("หน้าแรก", "ข่าวประชาสัมพันธ์ ทั้งหมด", "อ่านต่อ", banners) away from unrelated items.
"""

from __future__ import annotations

import pytest

from rules.catalog import load_catalog
from rules.discovery import Discovery
from rules.words import content_words, vocabulary
from tests.rules.sitebuilder import YEAR, Unreadable, build_site, evaluate, fixture

CMS = "https://www.nongbuadaeng.go.th/"
WP = "https://www.thachang.go.th/"
LEGACY = "http://www.banpho.go.th/"


def _m(n: int) -> str:
    return f"/public/list/data/index/menu/{n}"


# Per menu: item -> the links that may come first; `also`: links that may follow (a section page, a post that is
# one component's evidence). An item not listed has no link in that menu and must get none.
MENUS = {
    "sharedhost_cms": (
        CMS,
        {
            "O1": {_m(1144), _m(1145)},
            "O2": {_m(1150)},
            "O3": {_m(1177), _m(1176)},
            "O4": {"/public/news/data/index/menu/1220"},
            "O5": {_m(1160)},
            "O6": {_m(1161)},
            "O7": {_m(1162)},
            "O8": {_m(1170)},  # มาตรฐานการปฏิบัติงาน
            "O9": {_m(1171)},  # มาตรฐานการให้บริการ
            "O10": {_m(1172)},
            "O11": {_m(1181)},  # สรุปผลการจัดซื้อจัดจ้าง: monthly and yearly behind one link
            "O12": {_m(1181)},
            "O13": {_m(1190), _m(1163)},  # งานการเจ้าหน้าที่, แผนอัตรากำลัง
            "O14": {_m(1190)},
            "O15": {_m(1192)},
            "O16": {_m(1200)},
            "O17": {_m(1201), _m(1178)},
            "O18": {_m(1202)},
            "O20": {_m(1205)},
            "O21": {_m(1203)},
            "O23": {_m(1165)},
            "O25": {_m(1204)},  # มาตรการภายใน
        },
        {
            "O3": {_m(1146)},  # แผนที่ตั้ง
            # News posts and e-GP notices known by their URL's slug (/news/, /egp/) come last.
            "O4": {f"/public/news/data/detail/news_id/{n}" for n in (5515, 5518, 5519, 5521)},
            "O11": {_m(1180), "https://www.gprocurement.go.th/", "/public/egp/data/index/menu/1222"}
            | {f"/public/egp/data/detail/id/{n}" for n in (66010, 66011)},
            "O13": {_m(1190)},
            "O17": {_m(1178)},
        },
    ),
    "wordpress": (
        WP,
        {
            "O1": {"/?page_id=23", "/?page_id=24"},
            "O2": {"/?page_id=25"},
            "O3": {"/?page_id=90"},
            "O4": {"/?cat=3"},
            "O5": {"/?page_id=41"},
            "O6": {"/?page_id=42"},
            "O7": {"/?page_id=43"},
            "O8": {"/?page_id=52"},
            "O9": {"/?page_id=51"},
            "O10": {"https://forms.gle/Yx2bq9TaChangEsv1", "/?page_id=54"},
            "O11": {"/?page_id=62"},  # ผลการจัดซื้อจัดจ้างรายเดือน (สขร.1), before the section page
            "O12": {"/?page_id=63"},
            "O13": {"/?page_id=71", "/?page_id=70"},  # filed under บริหารงานบุคคล
            "O14": {"/?page_id=72"},
            "O15": {"/?page_id=73"},
            "O17": {"/?page_id=81"},
            "O18": {"/?page_id=82"},
            "O19": {"/?page_id=83"},
            "O20": {"/?page_id=84"},
            "O23": {"/?page_id=85"},
            "O24": {"/?page_id=86"},
            "O25": {"/?page_id=87"},
            "O26": {"/?page_id=88"},
        },
        {
            "O4": {"/?cat=5", "/?cat=8"},  # ภาพกิจกรรม, กิจกรรม
            "O6": {"/?page_id=40"},  # แผนและงบประมาณ
            "O9": {"/?page_id=50"},  # บริการประชาชน
            "O10": {"/?page_id=50"},
            "O11": {"/?cat=4", "/?page_id=60", "/?p=1306"},
            "O13": {"/?page_id=70"},
            "O14": {"/?page_id=70"},
            "O15": {"/?p=1310"},  # an ethics training post: the ethics activity
        },
    ),
    "legacy": (
        LEGACY,
        {
            "O1": {"/index.php?url=structure", "/index.php?url=duty"},
            "O2": {"/index.php?url=boss"},
            "O3": {"/contact.php", "/webboard/index.php"},
            "O4": {"/news.php?type=1"},
            "O5": {"/lawlink.php?menuid=21"},
            "O6": {"/lawlink.php?menuid=22"},
            "O7": {"/lawlink.php?menuid=23"},
            "O8": {"/lawlink.php?menuid=24"},
            "O9": {"/lawlink.php?menuid=25"},
            "O10": {"/eservice/index.php"},
            "O11": {"/lawlink.php?menuid=26"},
            "O12": {"/lawlink.php?menuid=27"},
            "O13": {"/lawlink.php?menuid=28"},  # กองการเจ้าหน้าที่
            "O14": {"/lawlink.php?menuid=28"},
            "O15": {"/lawlink.php?menuid=29"},
            "O16": {"/lawlink.php?menuid=40"},  # an image menu item: its alt text
            "O17": {"/complain.php"},
            "O18": {"/lawlink.php?menuid=41"},
            "O19": {"/lawlink.php?menuid=42"},
            "O20": {"/lawlink.php?menuid=43"},
            "O21": {"/lawlink.php?menuid=44"},
            "O22": {"/lawlink.php?menuid=45"},
            "O23": {"/lawlink.php?menuid=46"},
            "O25": {"/lawlink.php?menuid=48", "/lawlink.php?menuid=47"},
        },
        {
            "O3": {"/contact.php", "/webboard/index.php"},
            "O4": {"/gallery.php", "/news.php?type=3", "/news.php?id=809", "/news.php?id=811", "/news.php?id=812"},
            "O11": {"/news.php?type=2", "/news.php?id=805", "/news.php?id=810"},
            "O25": {"/lawlink.php?menuid=47"},
        },
    ),
}

# Links on these home pages that are no item's evidence: none may be any item's candidate.
GENERIC = {
    CMS: ["/public/", "/public/sitemap", _m(1141), _m(1142), _m(1143), _m(1151), _m(1153), _m(1154), _m(1173),
          _m(1191), _m(1210), _m(1221), _m(1230), _m(1232), _m(1235), "/public/privacy"],
    WP: ["/", "/?page_id=11", "/?page_id=21", "/?page_id=26", "/?page_id=44", "/?page_id=55", "/?cat=6", "/?cat=7",
         "/?m=202604", "/?page_id=3", "/?page_id=100", "/?page_id=101", "/?p=1321", "/?p=1315"],
    LEGACY: ["/index.php", "/index.php?url=history", "/index.php?url=council", "/lawlink.php?menuid=30",
             "/download.php", "/guestbook.php", "/link.php", "/index.php?url=ita"],
}  # fmt: skip


def _home_only(name: str, base: str, targets: str | Unreadable | None = None):  # type: ignore[no-untyped-def]
    """The saved home page as its site's only page; with `targets`, every in-site link target answers that."""
    html = fixture(f"menus/{name}.html")
    pages: dict[str, str | Unreadable] = {"/": html}
    site = build_site(pages, base=base)
    if targets is not None:
        for link in site.links():
            if not link.external and link.url != site.start_url:
                pages.setdefault(link.url, targets)
        site = build_site(pages, base=base)
    return site


def _menu_urls(discovery: Discovery, code: str, base: str) -> list[str]:
    item = discovery.catalog.item(code)
    assert item is not None
    menu = [c for c in discovery.candidates(item) if c.found_via == "menu"]
    return [u.replace(base, "/", 1) if u.startswith(base) else u for u in (menu[0].urls if menu else [])]


@pytest.mark.parametrize("name", list(MENUS))
def test_each_item_gets_its_own_link_from_the_home_page_menu_alone(name: str) -> None:
    base, best, also = MENUS[name]
    site = _home_only(name, base)
    assert len(site.links()) >= 45
    discovery = Discovery(site, load_catalog(YEAR), YEAR, {})
    for item in discovery.catalog.items:
        urls = _menu_urls(discovery, item.code, base)
        if item.code not in best:
            assert urls == [], (item.code, urls)
            continue
        assert urls and urls[0] in best[item.code], (item.code, urls)
        assert set(urls) <= best[item.code] | also.get(item.code, set()), (item.code, urls)


@pytest.mark.parametrize("name", list(MENUS))
def test_generic_links_are_no_items_evidence(name: str) -> None:
    base = MENUS[name][0]
    discovery = Discovery(_home_only(name, base), load_catalog(YEAR), YEAR, {})
    found = {u for item in discovery.catalog.items for u in _menu_urls(discovery, item.code, base)}
    assert found  # the menu was read at all
    assert not found & set(GENERIC[base]), sorted(found & set(GENERIC[base]))


def test_one_procurement_summary_link_serves_the_monthly_and_the_yearly_item() -> None:
    discovery = Discovery(_home_only("sharedhost_cms", CMS), load_catalog(YEAR), YEAR, {})
    assert _menu_urls(discovery, "O11", CMS)[0] == _m(1181)
    assert _menu_urls(discovery, "O12", CMS) == [_m(1181)]
    # The same words written as the yearly report name O12 alone, as the monthly summary O11 alone.
    words = vocabulary(load_catalog(YEAR))
    assert set(words.names("สรุปผลการจัดซื้อจัดจ้าง")) == {"O11", "O12"}
    assert set(words.names("รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี 2568")) == {"O12"}
    assert set(words.names("สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)")) == {"O11"}


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("มาตรฐานการปฏิบัติงาน", "O8"),  # a manual called a standard
        ("มาตรฐานการให้บริการ", "O9"),
        ("งานการเจ้าหน้าที่", "O13"),  # HR filed under the unit that does it
        ("งานบริหารงานบุคคล", "O14"),
        ("มาตรการภายใน", "O25"),  # integrity measures as internal measures
        ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "O25"),
        ("ประกาศเจตนารมณ์ไม่รับของขวัญ", "O20"),
        ("O๒๐ นโยบาย No-Gift", "O20"),
        ("ติดต่อเรา", "O3"),  # a generic-looking link that IS an item
    ],
)
def test_menu_wordings_name_their_item(label: str, code: str) -> None:
    assert code in vocabulary(load_catalog(YEAR)).names(label)


@pytest.mark.parametrize(
    "label", ["หน้าแรก", "ข่าวประชาสัมพันธ์ ทั้งหมด", "อ่านต่อ", "ดูทั้งหมด", "ITA 2569", "แผนผังเว็บไซต์", "กองช่าง"]
)
def test_generic_labels_name_no_item_but_their_own(label: str) -> None:
    named = set(vocabulary(load_catalog(YEAR)).names(label))
    assert named <= {"O4"}, named  # the news link may be O4's, and nothing else's


def test_words_are_normalised_the_same_in_labels_and_titles() -> None:
    # newmm glues การ to either side and keeps some compounds whole: both sides are cut alike.
    assert content_words("อำนาจหน้าที่") == content_words("หน้าที่และอำนาจ")
    assert content_words("ติดต่อ อบต.") == content_words("ติดต่อเรา") == {"ติดต่อ"}
    assert "รายงาน" in content_words("รายงานสรุปผลการจัดซื้อจัดจ้าง")
    assert content_words("E-Services") == content_words("e service") == {"eservice"}


def test_a_link_named_like_an_item_whose_target_is_dead_is_its_evidence() -> None:
    """Only the home page answers: every link target is a 404. Each item's link is still found from the menu, and
    the dead URL is the item's evidence (the evaluator reports it), never "no evidence found"."""
    dead = Unreadable("HTTP 404 ไม่พบหน้าเว็บ / not found")
    site = _home_only("sharedhost_cms", CMS, targets=dead)
    results, _ = evaluate(site)
    for code, path in {"O8": _m(1170), "O14": _m(1190), "O25": _m(1204), "O12": _m(1181)}.items():
        result = results[code]
        assert result.evidence, code
        assert result.evidence[0].url == CMS.rstrip("/") + path, (code, result.evidence[0].url)
        assert result.status != "pass", code
    assert results["O19"].evidence == []  # no link names participation: nothing is made up
