"""ITA 2569 O4 ข่าวประชาสัมพันธ์: news posts about the agency's own work, each judged by its own date, at least
one inside fiscal year 2569. Procurement notices and letters forwarded from สถ. are not the agency's news."""

from __future__ import annotations

import datetime

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, TIME_GAP, assert_pass, item, page, url

LABEL = "ข่าวประชาสัมพันธ์การดำเนินงานของหน่วยงาน"


def test_passes_with_posts_of_the_fiscal_year() -> None:
    result = item(k.site(k.o4()), "O4")
    assert_pass(result, ["news.current"])
    news = result.components[0]
    # The evidence is a post of fiscal year 2569 (its own link), not the list page.
    assert news.evidence_url and news.evidence_url.startswith("https://www.koksawang.go.th/news/2569/")


def test_only_procurement_notices_and_letters_from_dla_is_a_data_gap() -> None:
    # The page still lists dated entries: "ประกาศผู้ชนะการเสนอราคา…", "ด่วนที่สุด ที่ มท 0810.3/ว …".
    result = item(k.site(k.o4(drop={"own"})), "O4")
    k.assert_one_gap(result, "data", "news.current", DATA_GAP + LABEL)


def test_posts_of_the_previous_fiscal_year_only_are_a_time_gap() -> None:
    # The latest post (25 ก.ย. 2568) announces the 2569 land tax and its title names 2569 twice ("ประจำปี 2569
    # ภายในวันที่ 30 เมษายน 2569"): the post's own date decides, and it is of fiscal year 2568. The procurement
    # notices and สถ. letters of 2569 on the same page are not the agency's news.
    result = item(k.site(k.o4(fy=2568)), "O4")
    text = k.assert_one_gap(result, "time", "news.current", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text and "2568" in text


@pytest.mark.parametrize(("date", "passes"), [("๓ มี.ค. ๒๕๖๙", True), ("๓ มี.ค. ๒๕๖๘", False)])
def test_a_single_news_post_is_judged_by_the_date_under_its_heading(date: str, passes: bool) -> None:
    post = page("o4_news_post.html", "ข่าวประชาสัมพันธ์", date=date)
    result = item(k.site(k.o4(), pages={"/news/index.html": post}), "O4")
    if passes:
        assert_pass(result, ["news.current"])
    else:
        k.assert_one_gap(result, "time", "news.current", TIME_GAP)


# --- a list of titles only: each post's date is on the post -------------------------------------------------
TITLES = [
    "อบต.โคกสว่าง ออกหน่วยบริการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างเคลื่อนที่ หมู่ที่ 1-12",
    "โครงการส่งเสริมอาชีพการทำขนมไทยให้แก่กลุ่มสตรีแม่บ้าน",
    "พิธีเปิดการแข่งขันกีฬาต้านยาเสพติด โคกสว่างเกมส์",
]


_SIDEBAR = "".join(
    f'<li><a href="/news/cat{i}.html">{label}</a></li>'
    for i, label in enumerate(
        [
            "ข่าวประชาสัมพันธ์",
            "ข่าวกิจกรรม",
            "ข่าวจัดซื้อจัดจ้าง",
            "ประกาศรับสมัครงาน",
            "ภาพกิจกรรม",
            "วีดิทัศน์",
            "กระดานสนทนา",
            "แบบสอบถามความพึงพอใจ",
            "ดาวน์โหลดเอกสาร",
            "ลิงก์หน่วยงานที่เกี่ยวข้อง",
            "ศูนย์ข้อมูลข่าวสาร",
            "ศูนย์ปฏิบัติการต่อต้านการทุจริต",
            "ศูนย์ยุติธรรมชุมชน",
            "ศูนย์พัฒนาเด็กเล็ก",
            "กองทุนหลักประกันสุขภาพ",
            "ผลิตภัณฑ์ชุมชน",
            "แหล่งท่องเที่ยว",
        ]
    )
)


def _cms_post(title: str, date: str) -> str:
    """A district-portal CMS: the site's name is the h1 of its <header>, a long sidebar of categories comes next,
    then the post's own h1 and the author line with the weekday and date."""
    return f"""<html><head><title>{title}</title></head><body>
<header><h1>องค์การบริหารส่วนตำบลโคกสว่าง</h1><nav class="menu"><a href="/">หน้าแรก</a>
<a href="/news/index.html">ข่าวประชาสัมพันธ์</a></nav></header>
<div class="container"><aside class="sidebar"><h3>หมวดหมู่ข่าว</h3><ul>{_SIDEBAR}</ul></aside>
<div class="content"><h1 class="news-title">{title}</h1>
<p class="byline">เขียนโดย งานประชาสัมพันธ์ สำนักปลัด {date} อ่าน 57 ครั้ง</p>
<p>องค์การบริหารส่วนตำบลโคกสว่าง นำโดยนายกองค์การบริหารส่วนตำบล พร้อมเจ้าหน้าที่ ดำเนินกิจกรรมตามภารกิจ
เพื่อบริการประชาชนในพื้นที่อย่างทั่วถึง</p></div></div>
<footer>องค์การบริหารส่วนตำบลโคกสว่าง โทร 0-4341-4123</footer></body></html>"""


def _wp_post(title: str, iso: str) -> str:
    """A WordPress theme: the date is a <time datetime> whose text is in English."""
    return f"""<html><head><title>{title} – อบต.โคกสว่าง</title></head><body class="single-post">
<header class="site-header"><p class="site-title"><a href="/">อบต.โคกสว่าง</a></p></header>
<main id="main"><article class="post type-post"><header class="entry-header"><h2 class="entry-title">{title}</h2>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published"
datetime="{iso}T09:12:44+07:00">{_english(iso)}</time></span> by admin</div></header>
<div class="entry-content"><p>องค์การบริหารส่วนตำบลโคกสว่างดำเนินงานตามภารกิจเพื่อบริการประชาชนในพื้นที่</p></div>
</article></main></body></html>"""


def _english(iso: str) -> str:
    return datetime.date.fromisoformat(iso).strftime("%B %d, %Y").replace(" 0", " ")  # the theme's "January 15, 2026"


def _title_list(paths: list[str]) -> str:
    items = "".join(
        f'<tr><td><a href="{p}">{t}</a></td><td>อ่าน 120</td></tr>' for p, t in zip(paths, TITLES, strict=True)
    )
    # The ITA sidebar comes first and its entries are long titles too: every page of the site repeats it.
    side = "".join(f'<li><a href="{p}">{t}</a></li>' for p, t in ITA_SIDEBAR.items())
    table = f"<table class='category'><tr><th>หัวข้อ</th><th>ฮิต</th></tr>{items}</table>"
    return page_html(f"<div id='left-sidebar'><ul>{side}</ul></div><h1>ข่าวประชาสัมพันธ์</h1>{table}")


ITA_SIDEBAR = {
    f"/ita/o{n}.html": f"O{n} {title}"
    for n, title in [
        (13, "แผนการบริหารและพัฒนาทรัพยากรบุคคล"),
        (14, "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"),
        (15, "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม"),
        (16, "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต"),
        (17, "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        (18, "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        (19, "การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
        (21, "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ"),
        (23, "แผนปฏิบัติการป้องกันการทุจริต"),
    ]
}


def page_html(content: str) -> str:
    return f"<html><head><title>ข่าวประชาสัมพันธ์</title></head><body><main>{content}</main></body></html>"


CMS_2569 = ["วันพฤหัสบดีที่ 15 มกราคม 2569", "วันจันทร์ที่ 8 ธันวาคม 2568", "วันศุกร์ที่ 7 พฤศจิกายน 2568"]
CMS_2568 = ["วันพฤหัสบดีที่ 14 สิงหาคม 2568", "วันจันทร์ที่ 9 มิถุนายน 2568", "วันศุกร์ที่ 7 มีนาคม 2568"]
WP_2569 = ["2026-01-15", "2025-12-08", "2025-11-07"]
WP_2568 = ["2025-08-14", "2025-06-09", "2025-03-07"]


def _list_site(style: str, dates: list[str]):  # type: ignore[no-untyped-def]
    paths = (
        [f"/news/view.php?id={300 + i}" for i in range(3)]
        if style == "cms"
        else [f"/2026/01/post-{i}/" for i in range(3)]
    )
    make = _cms_post if style == "cms" else _wp_post
    posts = {p: make(t, d) for p, t, d in zip(paths, TITLES, dates, strict=True)}
    ita = {p: page_html(f"<h1>{t}</h1><p>อยู่ระหว่างปรับปรุงข้อมูล</p>") for p, t in ITA_SIDEBAR.items()}
    return k.site(pages={"/news/index.html": _title_list(paths), **posts, **ita}), paths


@pytest.mark.parametrize(("style", "dates"), [("cms", CMS_2569), ("wp", WP_2569)])
def test_a_list_of_titles_is_judged_by_the_dates_on_its_posts(style: str, dates: list[str]) -> None:
    site, paths = _list_site(style, dates)
    result = item(site, "O4")
    assert_pass(result, ["news.current"])
    assert result.components[0].evidence_url in {url(p) for p in paths}


@pytest.mark.parametrize(("style", "dates"), [("cms", CMS_2568), ("wp", WP_2568)])
def test_a_list_whose_posts_are_all_of_last_year_is_a_time_gap(style: str, dates: list[str]) -> None:
    site, _ = _list_site(style, dates)
    text = k.assert_one_gap(item(site, "O4"), "time", "news.current", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text
