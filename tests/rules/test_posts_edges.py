"""The dated_posts check at its edges: which date is a post's own (a date element, a theme's machine date, the
line under a single post's heading) and which title and link a post carries, on the shapes Thai municipal CMSs and
WordPress themes write. Each test judges one page with the real news.current component."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from crawler.parse import fold
from rules.catalog import components
from rules.checks import Context, Finding
from rules.checks.posts import dated_posts, post_links
from rules.site import SiteLinks
from rules.sources import Bundle, Source, page_source
from tests.rules.sitebuilder import AS_OF, YEAR, build_site, url

PATH = "/index.php/news/view/301"
SITE_NAME = "องค์การบริหารส่วนตำบลโคกสว่าง"
BODY = "<p>องค์การบริหารส่วนตำบลโคกสว่าง นำโดยนายกองค์การบริหารส่วนตำบล ดำเนินกิจกรรมเพื่อบริการประชาชนในพื้นที่</p>"


def _news(html: str) -> Finding:
    site = build_site({PATH: html})
    built = site.page(url(PATH))
    assert built is not None
    bundle = Bundle([page_source(built, "fixture")])
    return dated_posts(
        components()["news.current"], bundle, Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([]))
    )


def _dates(finding: Finding) -> list[str]:
    return [h.source.text for h in finding.hits]


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>ข่าวประชาสัมพันธ์</title>{head}</head><body>{body}</body></html>"


def _list_dates(items: str) -> list[str]:
    """The dates of the posts of a news list of these items."""
    return _dates(_news(_page(f"<main><ul class='news'>{items}</ul></main>")))


# --- a single post dated only for machines (its visible date is in English, which the parser does not read) ------
def test_a_wordpress_post_is_dated_by_its_time_element_not_the_footer_s() -> None:
    html = _page(
        f"<header><p>{SITE_NAME}</p></header><main><h1>โครงการส่งเสริมอาชีพการทำขนมไทยให้แก่กลุ่มสตรีแม่บ้าน</h1>"
        '<p>Posted on <time datetime="2026-01-15T09:12:44+07:00">January 15, 2026</time> by admin</p>'
        f"{BODY}</main>"
        '<footer>Updated <time datetime="2024-06-01T10:00:00+07:00">June 1, 2024</time></footer>'
    )
    finding = _news(html)
    assert _dates(finding) == ["2026-01-15"]
    assert finding.hits[0].source.title == "โครงการส่งเสริมอาชีพการทำขนมไทยให้แก่กลุ่มสตรีแม่บ้าน"


def test_a_post_dated_only_by_its_published_time_meta_tag() -> None:
    meta = '<meta property="article:published_time" content="2026-01-15T09:12:44+07:00">'
    html = _page(f"<main><h1>พิธีเปิดการแข่งขันกีฬาต้านยาเสพติด โคกสว่างเกมส์</h1><p>January 15, 2026</p>{BODY}</main>", meta)
    assert _dates(_news(html)) == ["2026-01-15"]


def test_a_meta_tag_without_a_date_leaves_the_date_under_the_heading() -> None:
    meta = '<meta property="article:published_time" content="">'
    html = _page(f"<main><h1>พิธีเปิดการแข่งขันกีฬาต้านยาเสพติด โคกสว่างเกมส์</h1><p>วันที่ 3 มีนาคม 2569</p>{BODY}</main>", meta)
    assert _dates(_news(html)) == ["3 มีนาคม 2569"]


# --- a single post: which heading is its title -----------------------------------------------------------------
def test_the_site_name_in_the_header_is_no_title_the_first_h2_of_the_content_is() -> None:
    html = _page(
        f"<header><h1>{SITE_NAME}</h1></header><div class='content'>"
        "<h2>ทำบุญตักบาตรวันขึ้นปีใหม่ <span>ประจำปี 2569</span></h2><p>วันที่ 2 มกราคม 2569</p>"
        f"{BODY}<h2>ข่าวที่เกี่ยวข้อง</h2><p>ไม่มีข่าวที่เกี่ยวข้อง</p></div>"
    )
    finding = _news(html)
    assert [h.source.title for h in finding.hits] == ["ทำบุญตักบาตรวันขึ้นปีใหม่ ประจำปี 2569"]
    assert _dates(finding) == ["2 มกราคม 2569"]


def test_a_page_without_a_heading_outside_its_header_is_no_post() -> None:
    html = _page(f"<header><h1>{SITE_NAME}</h1></header><main><p>วันที่ 2 มกราคม 2569</p>{BODY}</main>")
    finding = _news(html)
    assert not finding.present and finding.detail and "ไม่พบรายการที่ระบุวันที่" in finding.detail


# --- a single post: the date under its heading -----------------------------------------------------------------
def test_the_date_right_under_a_heading_that_opens_the_page() -> None:
    # The heading is the first text of its section: the date follows it.
    html = _page("<h1>ประชุมสภาตำบลสมัยสามัญ สมัยที่ 1 ประจำปี 2569</h1><p>15 ม.ค. 2569</p>")
    assert _dates(_news(html)) == ["15 ม.ค. 2569"]


def test_a_heading_in_its_own_wrapper_is_dated_by_the_line_after_the_wrapper() -> None:
    html = _page(
        f"<header><p>{SITE_NAME}</p></header><div class='detail'><div class='title-wrap'>"
        "<h1>ประชุมสภาตำบลสมัยสามัญ <b>สมัยที่ 1</b></h1></div>"
        f"<p class='byline'>เขียนโดย งานประชาสัมพันธ์ วันพฤหัสบดีที่ 15 มกราคม 2569</p>{BODY}</div>"
    )
    assert _dates(_news(html)) == ["15 มกราคม 2569"]


def test_a_heading_with_a_category_label_is_one_title_and_dated_under_it() -> None:
    html = _page(
        "<main><h1><span class='label'>ข่าวกิจกรรม</span><span>ทำบุญตักบาตรวันขึ้นปีใหม่ ประจำปี 2569</span></h1>"
        f"<p>วันที่ 2 มกราคม 2569</p>{BODY}</main>"
    )
    finding = _news(html)
    assert [h.source.title for h in finding.hits] == ["ข่าวกิจกรรม ทำบุญตักบาตรวันขึ้นปีใหม่ ประจำปี 2569"]
    assert _dates(finding) == ["2 มกราคม 2569"]


def test_the_date_is_read_in_the_heading_s_section_not_after_the_title_in_a_sidebar() -> None:
    # The sidebar lists the latest titles (this post's first) before the content: the date is the one under the
    # heading, not a date written after the sidebar's copy of the title.
    title = "ประชุมสภาตำบลสมัยสามัญ สมัยที่ 1 ประจำปี 2569"
    others = "".join(
        f"<li><a href='/news/{i}'>{t}</a></li>"
        for i, t in enumerate(
            [
                "โครงการส่งเสริมอาชีพการทำขนมไทยให้แก่กลุ่มสตรีแม่บ้าน ตำบลโคกสว่าง อำเภอเมือง",
                "พิธีเปิดการแข่งขันกีฬาต้านยาเสพติด โคกสว่างเกมส์ ครั้งที่ 12 ณ สนามกีฬากลาง",
                "อบต.โคกสว่าง ออกหน่วยบริการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างเคลื่อนที่ หมู่ที่ 1-12",
                "มอบถุงยังชีพแก่ผู้ยากไร้และผู้ประสบภัยหนาวในพื้นที่ตำบลโคกสว่าง",
            ]
        )
    )
    html = _page(
        f"<div class='sidebar'><h3>ข่าวล่าสุด</h3><ul><li><a href='/news/301'>{title}</a></li>{others}</ul>"
        "<p>ปรับปรุงล่าสุด 1 ตุลาคม 2567</p></div>"
        f"<div class='content'><h1>{title}</h1><p>วันที่ 16 มกราคม 2569</p>{BODY}</div>"
    )
    assert _dates(_news(html)) == ["16 มกราคม 2569"]


def test_the_body_repeating_the_title_does_not_move_where_the_date_is_read() -> None:
    title = "โครงการปลูกป่าชุมชนเฉลิมพระเกียรติ"
    html = _page(
        f"<main><h1>{title}</h1><p>วันที่ 5 ธันวาคม 2568</p><p>องค์การบริหารส่วนตำบลโคกสว่างจัด{title} "
        "ร่วมกับผู้นำชุมชนและประชาชนในพื้นที่ ณ ป่าชุมชนบ้านโคกสว่าง หมู่ที่ 3 มีผู้เข้าร่วมกว่าสองร้อยคน</p></main>"
    )
    assert _dates(_news(html)) == ["5 ธันวาคม 2568"]


def test_a_long_title_is_dated_by_the_byline_under_it() -> None:
    # Thai news titles run long; the date is read in the 300 characters after the title, whatever its length.
    title = (
        "องค์การบริหารส่วนตำบลโคกสว่าง ร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสว่าง จัดโครงการรณรงค์ป้องกัน"
        "และควบคุมโรคไข้เลือดออก ประจำปีงบประมาณ พ.ศ. 2569 ณ หมู่ที่ 1-12 ตำบลโคกสว่าง อำเภอเมือง จังหวัดขอนแก่น"
    )
    assert len(title) > 150
    html = _page(
        f"<main><h1>{title}</h1><p>เขียนโดย งานประชาสัมพันธ์ สำนักปลัด อ่าน 57 ครั้ง ผู้เข้าชมทั้งหมด 1,204 คน "
        f"หมวดหมู่ ข่าวกิจกรรม แท็ก ไข้เลือดออก สุขภาพ วันที่ 12 พฤศจิกายน 2568</p>{BODY}</main>"
    )
    assert _dates(_news(html)) == ["12 พฤศจิกายน 2568"]


def test_a_date_past_the_heading_s_own_section_is_not_the_post_s() -> None:
    # The heading's block says who wrote it (20 characters, enough to be its section) and no date; the date below
    # the block is the page's "last updated", not the post's.
    html = _page(
        "<div class='article-head'><h1>ประชุมสภาตำบลสมัยสามัญ สมัยที่ 1</h1><span>โดย งานประชาสัมพันธ์</span></div>"
        "<p>ปรับปรุงข้อมูลล่าสุด 1 ตุลาคม 2567</p>"
    )
    assert not _news(html).present


# --- a list of posts: each post's own date ---------------------------------------------------------------------
def test_a_post_s_own_date_element_decides_not_a_date_in_its_title() -> None:
    # The land-tax post of 2 February announces a deadline in its title (30 April): the post is of 2 February,
    # whether its date element is a bare date, says "วันที่", or is labelled "โพสต์เมื่อ:" (12 characters).
    items = "".join(
        f"<li><span class='date'>{d}</span> <a href='/news/{i}'>ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง "
        f"ประจำปี 2569 ภายในวันที่ 30 เมษายน 2569</a></li>"
        for i, d in enumerate(["2 ก.พ. 2569", "วันที่ 3 ก.พ. 2569", "โพสต์เมื่อ:    4 ก.พ. 2569"])
    )
    finding = _news(_page(f"<main><h1>ข่าวประชาสัมพันธ์</h1><ul class='news'>{items}</ul></main>"))
    assert _dates(finding) == ["2 ก.พ. 2569", "3 ก.พ. 2569", "4 ก.พ. 2569"]


def test_a_date_element_with_more_than_a_label_is_no_date_element() -> None:
    # "ปรับปรุงล่าสุดเมื่อ" (19 characters) and "อัปเดตล่าสุด " (13 with its space, one past the bound) are no date
    # labels: the element is text with a date in it (when the page was updated); the post's date is its own element.
    for label in ("ปรับปรุงล่าสุดเมื่อ", "อัปเดตล่าสุด"):
        item = (
            f"<li><span>{label} 1 ต.ค. 2567</span> <a href='/news/1'>ประชาสัมพันธ์การชำระภาษีที่ดินและ"
            "สิ่งปลูกสร้าง ประจำปี 2569</a> <em>3 ก.พ. 2569</em></li>"
        )
        assert _list_dates(item) == ["3 ก.พ. 2569"], label


def test_a_date_badge_of_day_and_month_is_the_post_s_date() -> None:
    # The calendar badge of many Thai CMS themes: the day large, month and year under it, in separate elements.
    item = (
        "<li><div class='date'><span class='day'>02</span><span class='month'>ก.พ. 2569</span></div>"
        "<a href='/news/1'>ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ภายในวันที่ 30 เมษายน 2569</a></li>"
    )
    assert _dates(_news(_page(f"<main><ul class='news'>{item}</ul></main>"))) == ["02 ก.พ. 2569"]


def test_a_theme_s_time_element_dates_each_post_of_a_list() -> None:
    cards = "".join(
        f"<article class='post'><h2><a href='/2026/01/post-{i}/'>{t}</a></h2>"
        f"<time datetime='{d}T09:00:00+07:00'>January {i + 8}, 2026</time></article>"
        for i, (t, d) in enumerate(
            [("โครงการส่งเสริมอาชีพการทำขนมไทยให้แก่กลุ่มสตรีแม่บ้าน", "2026-01-08"), ("ทำบุญตักบาตรวันขึ้นปีใหม่ 2569", "2026-01-09")]
        )
    )
    finding = _news(_page(f"<main>{cards}</main>"))
    assert _dates(finding) == ["2026-01-08", "2026-01-09"]
    assert [h.source.url for h in finding.hits] == [url("/2026/01/post-0/"), url("/2026/01/post-1/")]


def test_the_innermost_dated_items_are_the_posts_not_the_news_box_around_them() -> None:
    items = "".join(
        f"<li><a href='/news/{i}'>{t}</a> <span>{d}</span></li>"
        for i, (t, d) in enumerate(
            [("ทำบุญตักบาตรวันขึ้นปีใหม่ 2569", "2 ม.ค. 2569"), ("กิจกรรมวันเด็กแห่งชาติ ประจำปี 2569", "10 ม.ค. 2569")]
        )
    )
    finding = _news(_page(f"<main><div class='news-box'><h3>ข่าวกิจกรรม</h3><ul>{items}</ul></div></main>"))
    assert _dates(finding) == ["2 ม.ค. 2569", "10 ม.ค. 2569"]


def test_a_post_opened_by_script_or_in_a_popup_is_evidenced_by_the_list_page() -> None:
    items = "".join(
        f"<li><a href='{href}'>ทำบุญตักบาตรวันขึ้นปีใหม่ ประจำปี 2569</a> <span>{d}</span></li>"
        for href, d in [
            ("javascript:void(0)", "2 ม.ค. 2569"),
            ("JavaScript:openNews(302)", "3 ม.ค. 2569"),
            ("#popup-303", "4 ม.ค. 2569"),
        ]
    )
    finding = _news(_page(f"<main><ul class='news'>{items}</ul></main>"))
    assert [h.source.url for h in finding.hits] == [url(PATH)] * 3


# --- a list of titles: the posts it links ----------------------------------------------------------------------
def test_a_list_links_each_post_once_titles_of_twelve_letters_count_and_empty_links_do_not() -> None:
    base = url("/news/index.html")
    html = _page(
        "<main><div class='item'><a href='/news/301'><img src='/t/301.jpg' alt=''> ทำบุญตักบาตรวันขึ้นปีใหม่</a>"
        "<h3><a href='/news/301'>ทำบุญตักบาตรวันขึ้นปีใหม่</a></h3></div>"
        "<p><a href='/news/302'>ประกาศรับสมัครงาน</a></p><p><a href='/news/303'>ติดต่อเรา</a></p>"
        "<p><a href=''>ประกาศรับสมัครพนักงานจ้างตามภารกิจ</a></p></main>"
    )
    assert post_links(html, base) == [url("/news/301"), url("/news/302")]


# --- which elements of a list page are posts ------------------------------------------------------------------
NEWS_TITLE = "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569"


def _titles(finding: Finding) -> list[str]:
    return [h.source.title for h in finding.hits]


def test_a_plain_section_is_the_page_s_layout_not_a_post() -> None:
    # A section without a post's class holds the page's content: the post is the page, titled by its heading.
    html = _page(
        f"<section id='content'><h1>ทำบุญตักบาตรวันขึ้นปีใหม่ ประจำปี 2569</h1><p>วันที่ 2 มกราคม 2569</p>{BODY}</section>"
    )
    finding = _news(html)
    assert _titles(finding) == ["ทำบุญตักบาตรวันขึ้นปีใหม่ ประจำปี 2569"]
    assert _dates(finding) == ["2 มกราคม 2569"]


def test_a_post_s_title_is_its_text_with_its_elements_kept_apart() -> None:
    # Themes write the date and the title with no space between their elements: they are two words, not one.
    item = f"<li><span class='date'>2 ก.พ. 2569</span><a href='/news/1'>{NEWS_TITLE}</a></li>"
    finding = _news(_page(f"<main><ul class='news'>{item}</ul></main>"))
    assert _titles(finding) == [f"2 ก.พ. 2569 {NEWS_TITLE}"]
    assert [h.snippet for h in finding.hits] == [f"2 ก.พ. 2569 {NEWS_TITLE}"]


def _item_of(length: int) -> str:
    """A news item with its summary, whose text is `length` characters long."""
    head = f"<a href='/news/1'>{NEWS_TITLE}</a> <span>2 ก.พ. 2569</span> "
    summary = "ขอเชิญชวนผู้มีหน้าที่เสียภาษีชำระภาษีภายในกำหนด "
    text = fold(f"{NEWS_TITLE} 2 ก.พ. 2569 ")
    body = (summary * 20)[: length - len(text) - 2] + "."
    item = f"<li>{head}<p>{body}</p></li>"
    assert len(fold(LexborHTMLParser(item).body.text(separator=" "))) == length  # type: ignore[union-attr]
    return item


def test_an_item_of_600_characters_is_a_post_one_of_601_is_not() -> None:
    # A post is short: an item with a long summary (600 characters) is one; more is a whole news box or page, and
    # the page itself is then the post, titled by its heading.
    for length, title in ((600, None), (601, "ข่าวประชาสัมพันธ์")):
        finding = _news(_page(f"<main><h1>ข่าวประชาสัมพันธ์</h1><ul class='news'>{_item_of(length)}</ul></main>"))
        assert len(finding.hits) == 1, length
        if title is None:
            assert finding.hits[0].source.title.startswith(NEWS_TITLE)
            assert len(finding.hits[0].source.title) == 600
        else:
            assert finding.hits[0].source.title == title


def test_dated_lines_of_the_footer_and_menus_are_no_posts() -> None:
    # The menu comes first in the page, the footer last: the posts between them are read, not the menu's or the
    # footer's dated lines.
    menu = "<nav><ul><li>ปฏิทินกิจกรรม ประจำเดือนมกราคม วันที่ 15 มกราคม 2569</li></ul></nav>"
    footer = "<footer><ul><li>ปรับปรุงข้อมูลล่าสุดเมื่อวันที่ 1 ตุลาคม 2567 โดย ผู้ดูแลระบบ</li></ul></footer>"
    item = f"<li><a href='/news/1'>{NEWS_TITLE}</a> <span>2 ก.พ. 2569</span></li>"
    finding = _news(_page(f"{menu}<main><ul class='news'>{item}</ul></main>{footer}"))
    assert _dates(finding) == ["2 ก.พ. 2569"]


def test_a_post_dated_by_its_month_alone_is_a_dated_post() -> None:
    item = "<li><a href='/news/1'>สรุปผลการดำเนินงานของ อบต.โคกสว่าง</a> <span>มกราคม 2569</span></li>"
    assert _list_dates(item) == ["มกราคม 2569"]


def test_items_dated_by_their_fiscal_year_alone_are_no_dated_posts() -> None:
    items = "".join(
        f"<li><a href='/plan/{i}'>{t}</a> <span>ปีงบประมาณ 2569</span></li>"
        for i, t in enumerate(["แผนการดำเนินงาน อบต.โคกสว่าง", "แผนการจัดซื้อจัดหาพัสดุของ อบต.โคกสว่าง"])
    )
    assert not _news(_page(f"<main><ul class='news'>{items}</ul></main>")).present


def test_an_item_without_a_date_element_is_dated_by_its_last_date() -> None:
    # No element holds the date alone: the last of the item's three dates is the one it was posted on.
    item = (
        "<li><a href='/news/1'>โครงการฝึกอบรมอาชีพ รับสมัครถึงวันที่ 28 กุมภาพันธ์ 2569 อบรมวันที่ 10 มีนาคม 2569</a>"
        " ประกาศ ณ วันที่ 2 กุมภาพันธ์ 2569</li>"
    )
    assert _list_dates(item) == ["2 กุมภาพันธ์ 2569"]


def test_a_date_element_of_40_characters_is_the_post_s_date_one_of_41_is_text() -> None:
    # An event's dates written in full in their own element: up to 40 characters it is the post's date; longer, it
    # is text, and the post is dated by its next date element.
    for period, date_text in (
        ("วันที่ 1 มกราคม 2569 - 5 กุมภาพันธ์ 2569", "1 มกราคม 2569 - 5 กุมภาพันธ์ 2569"),
        ("วันที่ 1 มกราคม 2569 - 15 กุมภาพันธ์ 2569", "2 ม.ค. 2569"),
    ):
        item = (
            "<li><a href='/news/1'>โครงการส่งเสริมอาชีพการทำขนมไทยให้แก่กลุ่มสตรีแม่บ้าน</a>"
            f" <span class='period'>{period}</span> <small>โพสต์ 2 ม.ค. 2569</small></li>"
        )
        assert _list_dates(item) == [date_text], period


def test_a_zero_date_in_the_published_time_meta_tag_leaves_the_date_under_the_heading() -> None:
    # CMSs write MySQL's empty date when a post was never given one.
    meta = '<meta property="article:published_time" content="0000-00-00 00:00:00">'
    html = _page(f"<main><h1>พิธีเปิดการแข่งขันกีฬาต้านยาเสพติด โคกสว่างเกมส์</h1><p>วันที่ 3 มีนาคม 2569</p>{BODY}</main>", meta)
    assert _dates(_news(html)) == ["3 มีนาคม 2569"]


def test_posts_in_page_builder_widgets_are_the_page_s_posts() -> None:
    # Elementor puts every block of the content, the news list too, in a "widget": it is no sidebar here.
    cards = "".join(
        f"<article class='elementor-post'><h3><a href='/news/{i}'>{t}</a></h3><span class='date'>{d}</span></article>"
        for i, (t, d) in enumerate([(NEWS_TITLE, "2 ก.พ. 2569"), ("กิจกรรมวันเด็กแห่งชาติ ประจำปี 2569", "10 ม.ค. 2569")])
    )
    widget = (
        "<div class='elementor-widget elementor-widget-posts'><div class='elementor-widget-container'>{}</div></div>"
    )
    assert _dates(_news(_page(f"<main>{widget.format(cards)}</main>"))) == ["2 ก.พ. 2569", "10 ม.ค. 2569"]
    single = f"<h1>ทำบุญตักบาตรวันขึ้นปีใหม่ ประจำปี 2569</h1><p>วันที่ 2 มกราคม 2569</p>{BODY}"
    assert _dates(_news(_page(f"<main>{widget.format(single)}</main>"))) == ["2 มกราคม 2569"]


def test_a_list_page_s_sidebars_are_not_its_posts() -> None:
    # Sidebars written as <aside> or named by their class alone (no id) list the latest posts of every page.
    latest = "<ul><li><a href='/news/900'>พิธีเปิดการแข่งขันกีฬาต้านยาเสพติด โคกสว่างเกมส์</a></li></ul>"
    html = _page(
        f"<main><p><a href='/news/301'>{NEWS_TITLE}</a></p></main>"
        f"<aside>{latest}</aside><div class='widget widget_recent_entries'>{latest}</div>"
    )
    assert post_links(html, url("/news/index.html")) == [url("/news/301")]


# --- what the check finds and says ----------------------------------------------------------------------------
CTX = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([]))
NEWSLETTER = "จดหมายข่าว อบต.โคกสว่าง ฉบับที่ 3 ประจำเดือนมกราคม 2569"


def _document(text: str, link_text: str = "", path: str = "/files/newsletter-2569-03.pdf") -> Source:
    return Source(url(path), "document", "linked", text=text, link_text=link_text)


def test_a_newsletter_document_is_news_named_by_the_link_to_it() -> None:
    text = f"{NEWSLETTER}\nกิจกรรมเด่นประจำเดือน ทำบุญตักบาตรวันขึ้นปีใหม่ วันที่ 2 มกราคม 2569"
    newsletter = _document(text, link_text=f"  {NEWSLETTER}  (PDF)")
    finding = dated_posts(components()["news.current"], Bundle([newsletter]), CTX)
    assert finding.present and finding.detail is None
    assert [(h.source, h.snippet) for h in finding.hits] == [(newsletter, f"{NEWSLETTER} (PDF)")]


def test_a_newsletter_without_a_link_text_is_named_by_its_first_120_characters() -> None:
    text = (
        f"{NEWSLETTER}\nกิจกรรมเด่นประจำเดือน ทำบุญตักบาตรวันขึ้นปีใหม่ วันที่ 2 มกราคม 2569 "
        "และกิจกรรมวันเด็กแห่งชาติ วันที่ 10 มกราคม 2569 ณ ที่ทำการองค์การบริหารส่วนตำบลโคกสว่าง"
    )
    assert len(text) > 121
    finding = dated_posts(components()["news.current"], Bundle([_document(text)]), CTX)
    assert [h.snippet for h in finding.hits] == [fold(text[:120])]


def test_an_activity_document_counts_for_ethics_only_when_it_is_about_ethics() -> None:
    ethics = _document(
        "รายงานผลโครงการอบรมส่งเสริมคุณธรรมจริยธรรมแก่บุคลากร ประจำปีงบประมาณ 2569", path="/files/ethics-2569.pdf"
    )
    waste = _document("รายงานผลโครงการอบรมการคัดแยกขยะมูลฝอยในครัวเรือน ประจำปีงบประมาณ 2569", path="/files/waste-2569.pdf")
    finding = dated_posts(components()["ethics.activity"], Bundle([waste, ethics]), CTX)
    assert [h.source.url for h in finding.hits] == [url("/files/ethics-2569.pdf")]


def test_posts_of_an_off_site_page_are_not_the_agency_s_news() -> None:
    # The province's news page, linked from the site, lists dated posts too: they are not the agency's own, and
    # the pages after it are still read.
    item = f"<li><a href='/news/1'>{NEWS_TITLE}</a> <span>2 ก.พ. 2569</span></li>"
    html = _page(f"<main><ul class='news'>{item}</ul></main>")
    province = Source("https://www.khonkaen.go.th/news", "external", "linked", markup=html)
    own = Source(url(PATH), "page", "menu", markup=html)
    finding = dated_posts(components()["news.current"], Bundle([province, own]), CTX)
    assert [h.source.url for h in finding.hits] == [url("/news/1")]


def test_a_procurement_notice_first_in_the_list_leaves_the_news_after_it() -> None:
    items = "".join(
        f"<li><a href='/news/{i}'>{t}</a> <span>{d}</span></li>"
        for i, (t, d) in enumerate(
            [
                ("ประกาศผู้ชนะการเสนอราคา โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", "5 ก.พ. 2569"),
                (NEWS_TITLE, "2 ก.พ. 2569"),
            ]
        )
    )
    assert _list_dates(items) == ["2 ก.พ. 2569"]


def test_a_post_s_evidence_is_the_post_alone_not_the_page_around_it() -> None:
    # The page's markup, links and the text around the link that led to it carry other dates (its sidebar, its
    # footer): the post's evidence holds its date, title and link only.
    item = f"<li><a href='/news/1'>{NEWS_TITLE}</a> <span>2 ก.พ. 2569</span></li>"
    html = _page(f"<main><ul class='news'>{item}</ul></main><p>ปรับปรุงล่าสุด 1 ตุลาคม 2567</p>")
    site = build_site({PATH: html})
    built = site.page(url(PATH))
    assert built is not None
    context = "ข่าวประชาสัมพันธ์ 1 ต.ค. 2567"
    # A page read from the store (its HTML read again when asked) and one given with its HTML.
    for page in (
        page_source(built, "menu", context=context, load_html={url(PATH): html}.__getitem__),
        page_source(built, "menu", context=context),
    ):
        assert page.links and page.html == html
        post = dated_posts(components()["news.current"], Bundle([page]), CTX).hits[0].source
        assert (post.url, post.text, post.title) == (url("/news/1"), "2 ก.พ. 2569", f"{NEWS_TITLE} 2 ก.พ. 2569")
        assert (post.markup, post.html, post.links, post.context) == ("", "", [], "")


def test_a_long_title_is_cut_to_160_characters_in_the_finding() -> None:
    title = (
        "องค์การบริหารส่วนตำบลโคกสว่าง ร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโคกสว่าง จัดโครงการรณรงค์ป้องกัน"
        "และควบคุมโรคไข้เลือดออก ประจำปีงบประมาณ พ.ศ. 2569 ณ หมู่ที่ 1-12 ตำบลโคกสว่าง"
    )
    item = f"<li><a href='/news/1'>{title}</a> <span>2 ก.พ. 2569</span></li>"
    finding = _news(_page(f"<main><ul class='news'>{item}</ul></main>"))
    assert len(title) > 161
    assert [h.snippet for h in finding.hits] == [title[:160]]


def test_no_dated_post_is_said_in_thai_and_english() -> None:
    finding = _news(_page(f"<main><h1>ข่าวประชาสัมพันธ์</h1><p>{NEWS_TITLE}</p></main>"))
    assert not finding.present
    assert finding.detail == "ไม่พบรายการที่ระบุวันที่ / no dated posts"
