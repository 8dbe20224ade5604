"""Traps judged by behaviour (crawler/traps.py), on real local servers modelled on the platforms Thai agencies use.

URLs that look like traps (WordPress /?p=1234, ?year=2569, ?y=2569&m=3, Joomla index.php?option=…&id=N) hold
evidence and are fetched; what is held back is a URL pattern whose pages keep repeating themselves (an endless
calendar, a pagination that never ends), after ALIKE_PER_PATTERN such pages, and every URL held back is named.
"""

from __future__ import annotations

import codecs
import threading
import time
from urllib.parse import parse_qs, urlsplit

from crawler.traps import (
    _DATE_WORDS,
    _ONE_BYTE,
    ALIKE_PER_PATTERN,
    PAGES_ALIKE,
    TOO_DEEP,
    _one_byte_form,
    _unicode_form,
    describe_skips,
    fingerprint,
    url_pattern,
)
from rules.thaicalendar import ENGLISH_MONTHS, THAI_MONTHS  # calendar pages name months as Thai sites do
from tests.crawler.support import Hit, LocalServer, Reply, crawl, make_pdf, page, pdf_reply

# A file with a text layer long enough to be read without OCR.
PDF = make_pdf(["No Gift Policy 2569", "Nakhlang Municipality announces a no gift policy for every official."])
# Slack over the bound: requests already queued when the pattern's last alike page came in (two workers).
SLACK = 3
WP_MENU = (
    '<nav class="main-navigation"><ul class="menu"><li><a href="/">หน้าแรก</a></li>'
    '<li><a href="/?page_id=2">เกี่ยวกับเรา</a></li></ul></nav>'
)
# Distinct topics for series of pages whose text differs in words, not only in numbers.
TOPICS = [
    f"{a}{b}"
    for a in ("โครงการ", "กิจกรรม", "การประชุม", "การอบรม", "การรณรงค์", "การตรวจ", "การซ่อมแซม", "การแข่งขัน")
    for b in ("ถนนสายหลัก", "โรงเรียนบ้านหนองบัว", "ผู้สูงอายุ", "เยาวชน", "แหล่งน้ำ", "สุขภาพชุมชน", "ขยะ", "ป่าชุมชน")
]


def query(hit: Hit) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(hit.target).query).items()}


def fetched(sink, path_and_query: str, server: LocalServer) -> bool:  # type: ignore[no-untyped-def]
    return any(p.url == server.url(path_and_query) and p.status == 200 for p in sink.pages)


def alike_skips(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.url for s in result.skipped.values() if s.reason == PAGES_ALIKE]


# --- URL patterns and fingerprints -----------------------------------------------------------------------------


def test_patterns_set_numbers_aside_and_keep_page_kinds_apart() -> None:
    assert url_pattern("http://a.go.th/?p=1234") == url_pattern("http://a.go.th/?p=98765")
    assert url_pattern("http://a.go.th/calendar.php?month=5&year=2569") == url_pattern(
        "http://a.go.th/calendar.php?year=2570&month=12"
    )
    joomla = "http://a.go.th/index.php?option=com_content&view=article&id={}&Itemid=101"
    assert url_pattern(joomla.format(7)) == url_pattern(joomla.format(4410))
    assert url_pattern(joomla.format(7)) != url_pattern("http://a.go.th/index.php?option=com_jevents&view=article&id=7")
    assert url_pattern("http://a.go.th/?p=1") != url_pattern("http://a.go.th/?page_id=1")


def test_fingerprints_ignore_counters_and_month_names_but_not_words() -> None:
    may = "ปฏิทินกิจกรรม เดือนพฤษภาคม พ.ศ. 2569 อา จ อ พ พฤ ศ ส 1 2 3 4 ไม่มีกิจกรรม"
    june = "ปฏิทินกิจกรรม เดือนมิถุนายน พ.ศ. ๒๕๖๙ อา จ อ พ พฤ ศ ส 1 2 3 ไม่มีกิจกรรม"
    assert fingerprint(may) == fingerprint(june)
    assert fingerprint("Events calendar: May 2026 - No events") == fingerprint("Events calendar: June 2026 - No events")
    assert fingerprint("ประกาศ เรื่อง โครงการถนนสายหลัก") != fingerprint("ประกาศ เรื่อง โครงการแหล่งน้ำ")


def test_the_one_byte_form_is_the_unicode_form_byte_for_byte() -> None:
    """Thai pages are fingerprinted in a one-byte encoding (crawler/traps.py): it must set aside exactly what the
    Unicode steps set aside, on every kind of text (calendars, Latin upper case next to Thai, ©-footers, every
    kind of space, digits of both scripts, date names run together), and text it cannot hold takes the Unicode path."""
    pages = [
        "ปฏิทินกิจกรรม เดือนพฤษภาคม พ.ศ. ๒๕๖๙\tวันจันทร์ที่ 12 ม.ค.2569 MAY Mayor\u200bข่าว © 2569 อบต.บ้านใหม่",
        "ประกาศ\xa0ผลการจัดซื้อจัดจ้าง   ประจำเดือนมกราคมกุมภาพันธ์ Jun June junov 1–31 “ร่าง” • หน้า ๑/๓",
        "WEDNESDAY, 3 December 2025 — Sunday\r\nSeptember ธ.ค.ธ.ค. ส.ค.๖๘ ®½ ★ →",
    ]
    for text in pages:
        form = _one_byte_form(text)
        assert form is not None
        assert codecs.charmap_decode(form, "strict", _ONE_BYTE)[0].encode("utf-8") == _unicode_form(text)
    # Every character of the table in both cases, around every date name: lower-casing, digits and spaces agree.
    words = " ".join(f"{word}{char}{word.upper()}{char}1" for word in _DATE_WORDS.split() for char in _ONE_BYTE)
    assert codecs.charmap_decode(_one_byte_form(words) or b"", "strict", _ONE_BYTE)[0].encode() == _unicode_form(words)
    for other in ("ข่าว 😀 2569", "新闻 2569", "Café 2569", "İSTANBUL", "ข่าว\u2009มกราคม"):
        assert _one_byte_form(other) is None
    assert fingerprint("ข่าว 😀 มกราคม 2569") == fingerprint("ข่าว 😀 มิถุนายน 2570")
    assert fingerprint("ข่าว 😀 มกราคม 2569") != fingerprint("ข่าว 😀 มกราคม 2569 ใหม่")


# --- URLs that look like traps and hold evidence -----------------------------------------------------------


def test_wordpress_post_ids_are_fetched_with_their_files(server: LocalServer) -> None:
    """WordPress without pretty permalinks: the latest posts on the home page are /?p=1234 and /?p=98765."""
    posts = {
        1234: ("ประกาศเจตนารมณ์ No Gift Policy ประจำปี 2569", "/wp-content/uploads/2026/01/nogift-2569.pdf"),
        98765: ("รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน ปี 2569", "/wp-content/uploads/2026/04/report-6m.pdf"),
    }

    def wordpress(hit: Hit) -> Reply:
        post = posts.get(int(query(hit).get("p", 0)))
        if post is None:
            items = "".join(f'<article><h2><a href="/?p={n}">{t}</a></h2></article>' for n, (t, _) in posts.items())
            return page(WP_MENU + f"<main>{items}</main>", "อบต.หนองบัว")
        title, pdf = post
        return page(WP_MENU + f'<main><article><h1>{title}</h1><p><a href="{pdf}">ดาวน์โหลด</a></p></article></main>')

    server.routes["/"] = wordpress
    for _, pdf in posts.values():
        server.routes[pdf] = pdf_reply(PDF)
    result, sink = crawl(server.url(), respect_robots=False)
    assert fetched(sink, "/?p=1234", server) and fetched(sink, "/?p=98765", server)
    assert "No Gift Policy" in next(p.text for p in sink.pages if p.url == server.url("/?p=1234"))
    assert {d.url for d in sink.documents} == {server.url(pdf) for _, pdf in posts.values()}
    assert result.skipped == {}


def test_a_long_run_of_text_only_posts_is_fetched_to_its_end(server: LocalServer) -> None:
    """WordPress posts reached only by "อ่านต่อ" and the previous/next post navigation (a <nav> on every post),
    one after another: each says something else, so the run is no trap however long it is."""
    first, last = 98700, 98700 + len(TOPICS) - 1  # 64 posts, far more than the bound

    def post(hit: Hit) -> Reply:
        n = int(query(hit).get("p", 0))
        if not first <= n <= last:
            return page(WP_MENU + f'<main><a href="/?p={first}">อ่านต่อ »</a></main>', "หน้าแรก")
        nav = f'<nav class="navigation post-navigation"><a rel="next" href="/?p={n + 1}">เรื่องถัดไป</a></nav>'
        body = f"<main><h1>ข่าว{TOPICS[n - first]}</h1><p>เทศบาลตำบลดำเนิน{TOPICS[n - first]}แล้วเสร็จ</p>{nav}</main>"
        return page(WP_MENU + body)

    server.routes["/"] = post
    result, sink = crawl(server.url(), respect_robots=False, max_depth=1000)
    assert all(fetched(sink, f"/?p={n}", server) for n in range(first, last + 1))
    assert alike_skips(result) == []


def test_reports_filed_under_year_parameters_are_fetched(server: LocalServer) -> None:
    """A municipal CMS with ?year=2569 pages, each listing that year's report and the other years."""
    years = range(2555, 2570)

    def report(hit: Hit) -> Reply:
        year = int(query(hit)["year"])
        others = "".join(f'<option><a href="/report.php?year={y}">{y}</a></option>' for y in years)
        return page(f'<h1>รายงานผลการดำเนินงานประจำปี {year}</h1><a href="/files/report-{year}.pdf">PDF</a>{others}')

    server.routes["/"] = page('<a href="/report.php?year=2569">รายงานประจำปี</a>')
    server.routes["/report.php"] = report
    for year in years:
        server.routes[f"/files/report-{year}.pdf"] = pdf_reply(PDF)
    result, sink = crawl(server.url(), respect_robots=False)
    assert all(fetched(sink, f"/report.php?year={y}", server) for y in years)
    assert len(sink.documents) == len(years)
    assert result.skipped == {}


def test_monthly_summaries_under_y_and_m_parameters_are_fetched(server: LocalServer) -> None:
    """Monthly procurement summaries (สขร.1) at ?y=2569&m=3: three years of months, each page saying the same
    but for the month and the numbers, each linking its own file. More pages than the bound, and alike, but
    every one leads to a new file: no trap."""
    months = [(y, m) for y in (2567, 2568, 2569) for m in range(1, 13)]

    def summary(hit: Hit) -> Reply:
        y, m = int(query(hit)["y"]), int(query(hit)["m"])
        pick = "".join(f'<a href="/ita/skr.php?y={y}&m={n}">{n}</a> ' for n in range(1, 13))
        years = "".join(f'<a href="/ita/skr.php?y={n}&m=1">{n}</a> ' for n in (2567, 2568, 2569))
        body = f"<h1>สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน {m} ปี {y}</h1>"
        return page(body + f'<a href="/ita/files/skr-{y}-{m}.pdf">ดาวน์โหลด</a><div>{pick}</div><div>{years}</div>')

    server.routes["/"] = page('<a href="/ita/skr.php?y=2569&m=1">สรุปผล สขร.1</a>')
    server.routes["/ita/skr.php"] = summary
    server.default = pdf_reply(PDF)
    result, sink = crawl(server.url(), respect_robots=False)
    assert all(fetched(sink, f"/ita/skr.php?y={y}&m={m}", server) for y, m in months)
    assert len(sink.documents) == len(months)
    assert alike_skips(result) == []


def test_joomla_articles_are_crawled_in_full(server: LocalServer) -> None:
    """Joomla without SEF URLs: a category blog paged by limitstart, 64 articles at
    index.php?option=com_content&view=article&id=N, with the previous/next article navigation."""
    ids = range(101, 101 + len(TOPICS))

    def joomla(hit: Hit) -> Reply:
        q = query(hit)
        if q.get("view") == "article":
            n = int(q["id"])
            nav = f'<ul class="pager pagenav"><li><a href="/index.php?option=com_content&view=article&id={n + 1}'
            nav += '&catid=8&Itemid=101">ถัดไป</a></li></ul>'
            return page(f"<h2>{TOPICS[n - ids[0]]}</h2><p>รายละเอียด{TOPICS[n - ids[0]]}</p>{nav}")
        start = int(q.get("limitstart", 0))
        links = "".join(
            f'<h2><a href="/index.php?option=com_content&view=article&id={n}&catid=8&Itemid=101">อ่านเพิ่มเติม</a></h2>'
            for n in ids[start : start + 10]
        )
        pages = "".join(
            f'<a href="/index.php?option=com_content&view=category&id=8&Itemid=101&limitstart={s}">{s // 10 + 1}</a>'
            for s in range(0, len(ids), 10)
        )
        return page(f"<div class='blog'>{links}</div><div class='pagination'>{pages}</div>")

    server.routes["/"] = page('<a href="/index.php?option=com_content&view=category&id=8&Itemid=101">ข่าวสาร</a>')
    server.routes["/index.php"] = joomla
    result, sink = crawl(server.url(), respect_robots=False)
    article = "/index.php?option=com_content&view=article&id={}&catid=8&Itemid=101"
    assert all(fetched(sink, article.format(n), server) for n in ids)
    assert alike_skips(result) == []
    assert list(result.skipped.values()) == []  # id=165 is linked from the last article: 404, but fetched


def test_joomla_articles_alike_but_each_with_its_file_are_crawled_in_full(server: LocalServer) -> None:
    """Articles that say the same ("ดาวน์โหลดเอกสาร ฉบับที่ N") but each attach a file: every page leads to
    something new, so 32 of them are fetched though they look alike."""
    ids = range(1, 33)

    def article(hit: Hit) -> Reply:
        n = int(query(hit)["id"])
        nav = f'<nav class="pagenavigation"><a href="/index.php?option=com_content&view=article&id={n + 1}">ถัดไป</a>'
        return page(f'<p>ดาวน์โหลดเอกสาร ฉบับที่ {n}</p><a href="/images/docs/file-{n}.pdf">ไฟล์</a>{nav}</nav>')

    server.routes["/"] = page('<a href="/index.php?option=com_content&view=article&id=1">เอกสาร</a>')
    server.routes["/index.php"] = article
    server.default = pdf_reply(PDF)
    result, sink = crawl(server.url(), respect_robots=False, max_depth=1000)
    assert all(fetched(sink, f"/index.php?option=com_content&view=article&id={n}", server) for n in ids)
    assert alike_skips(result) == []


# --- real traps, bounded and named -----------------------------------------------------------------------------


def _neighbours(month: int, year: int) -> tuple[tuple[int, int], tuple[int, int]]:
    previous = (12, year - 1) if month == 1 else (month - 1, year)
    following = (1, year + 1) if month == 12 else (month + 1, year)
    return previous, following


def test_thai_calendar_trap_is_bounded_and_named(server: LocalServer) -> None:
    """A Thai events calendar at ?month=N&year=Y with previous/next month links for ever, every month empty."""

    def calendar(hit: Hit) -> Reply:
        month, year = int(query(hit)["month"]), int(query(hit)["year"])
        (pm, py), (nm, ny) = _neighbours(month, year)
        days = "".join(f"<td>{d}</td>" for d in range(1, 31))
        links = f'<a href="/calendar.php?month={pm}&year={py}">« เดือนก่อน</a>'
        links += f'<a href="/calendar.php?month={nm}&year={ny}">เดือนถัดไป »</a>'
        return page(f"<h1>ปฏิทินกิจกรรม {THAI_MONTHS[month - 1]} {year}</h1>{links}<table>{days}</table>")

    server.routes["/"] = page('<a href="/calendar.php?month=5&year=2569">ปฏิทินกิจกรรม</a><a href="/ok">ok</a>')
    server.routes["/calendar.php"] = calendar
    server.routes["/ok"] = page("<p>ok</p>")
    result, _ = crawl(server.url(), respect_robots=False, max_depth=1000)
    assert ALIKE_PER_PATTERN <= server.count("/calendar.php") <= ALIKE_PER_PATTERN + 1 + SLACK
    assert server.count("/ok") == 1
    assert result.stopped_reason is None
    held = alike_skips(result)
    assert held and all("/calendar.php?" in url for url in held)
    (line,) = describe_skips(list(result.skipped.values()), result.skipped_unlisted)
    assert line.startswith(f"ไม่ได้เปิด {len(held)} URL") and held[0] in line and "pages alike" in line


def test_joomla_events_calendar_in_a_nav_is_bounded(server: LocalServer) -> None:
    """JEvents on Joomla: English month names, the previous/next links inside a <nav>, and a visitor counter
    that changes on every page. Links in a <nav> to the next page of their own pattern are the calendar's,
    not the site's menu: they are held back like any other."""
    visits = iter(range(10_000, 20_000))

    def calendar(hit: Hit) -> Reply:
        month, year = int(query(hit)["month"]), int(query(hit)["year"])
        (pm, py), (nm, ny) = _neighbours(month, year)
        base = "/index.php?option=com_jevents&task=month.calendar&Itemid=115"
        nav = f'<nav class="cal-nav"><a href="{base}&year={py}&month={pm}">{ENGLISH_MONTHS[pm - 1]}</a>'
        nav += f'<a href="{base}&year={ny}&month={nm}">{ENGLISH_MONTHS[nm - 1]}</a></nav>'
        return page(f"<h2>{ENGLISH_MONTHS[month - 1]} {year}</h2>{nav}<p>No events</p><p>ผู้เข้าชม {next(visits)}</p>")

    server.routes["/"] = page(
        '<nav class="menu"><a href="/index.php?option=com_jevents&task=month.calendar&Itemid=115&year=2026&month=5">'
        "ปฏิทิน</a></nav>"
    )
    server.routes["/index.php"] = calendar
    result, _ = crawl(server.url(), respect_robots=False, max_depth=1000)
    assert ALIKE_PER_PATTERN <= server.count("/index.php") <= ALIKE_PER_PATTERN + 1 + SLACK
    assert alike_skips(result)


def test_endless_pagination_of_one_listing_is_bounded(server: LocalServer) -> None:
    """news.php?page=N answers every N with the same listing and a link to N+1."""

    def listing(hit: Hit) -> Reply:
        n = int(query(hit).get("page", 1))
        news = "".join(f'<a href="/news/{i}.html">ข่าว {TOPICS[i]}</a>' for i in range(5))
        return page(f'{news}<p>หน้า {n}</p><a href="/news.php?page={n + 1}">ถัดไป</a>')

    server.routes["/news.php"] = listing
    server.default = page("<p>ข่าว</p>")
    result, sink = crawl(server.url("/news.php?page=1"), respect_robots=False, max_depth=10_000)
    listings = [p for p in sink.pages if "/news.php" in p.url]
    assert ALIKE_PER_PATTERN <= len(listings) <= ALIKE_PER_PATTERN + 1 + SLACK
    assert len(alike_skips(result)) >= 1
    assert result.stopped_reason is None


def test_endless_pretty_pagination_past_the_last_page_is_bounded(server: LocalServer) -> None:
    """WordPress pretty permalinks (/category/news/page/N/): past the real last page the theme keeps showing the
    last page and an "Older posts" link, in a <nav class="pagination">."""

    def archive(hit: Hit) -> Reply:
        n = int(hit.path.strip("/").rsplit("/", 1)[1])
        shown = range(3) if n < 3 else range(3, 5)  # pages 3, 4, 5, … repeat the last page
        posts = "".join(f'<a href="/{TOPICS[i]}/">{TOPICS[i]}</a>' for i in shown)
        nav = f'<nav class="navigation pagination"><a href="/category/news/page/{n + 1}/">Older posts</a></nav>'
        return page(f"<h1>Page {n}</h1>{posts}{nav}")

    server.routes["/"] = page('<a href="/category/news/page/1/">ข่าว</a>')
    server.default = lambda hit: archive(hit) if hit.path.startswith("/category/") else page("<p>ข่าว</p>")
    result, _ = crawl(server.url(), respect_robots=False, max_depth=10_000)
    archives = [h for h in server.hits if h.path.startswith("/category/")]
    assert ALIKE_PER_PATTERN <= len(archives) <= ALIKE_PER_PATTERN + 3 + SLACK
    assert alike_skips(result)


# --- what is followed anyway, and what is recorded ---------------------------------------------------------


def test_menus_the_ita_index_and_evidence_labels_are_followed_past_a_held_pattern(server: LocalServer) -> None:
    """Once /?p=N is held back (an endless run of empty posts), a link to it from the ITA index page, from a
    menu, or under an evidence label is still followed; a plain "อ่านต่อ" link on another page is not."""

    def wordpress(hit: Hit) -> Reply:
        n = int(query(hit).get("p", 0))
        if n in (500, 600, 700, 800, 900):
            return page(f"<h1>เรื่อง {TOPICS[n // 100]}</h1>")
        if n:
            return page(f'<p>ยังไม่มีเนื้อหา</p><a href="/?p={n + 1}">ถัดไป</a>')
        return page('<a href="/?p=1">ข่าว</a><a href="/ita">ITA 2569</a><a href="/late">ข่าวประชาสัมพันธ์</a>')

    def held(hit: Hit) -> Reply:
        deadline = time.monotonic() + 40  # answers once the empty posts have been held back (40 s: a hang guard only)
        while time.monotonic() < deadline and sum("?p=" in t for t in server.targets()) < ALIKE_PER_PATTERN + 1:
            threading.Event().wait(0.02)
        if hit.path == "/ita":
            return page('<h1>การเปิดเผยข้อมูลสาธารณะ</h1><a href="/?p=500">ดูข้อมูล</a>')
        return page(
            '<nav class="menu"><a href="/?p=600">กิจกรรม</a></nav><a href="/?p=700">O10 บริการออนไลน์</a>'
            '<a href="/?p=900">อ่านต่อ</a>'
        )

    server.routes["/"] = wordpress
    server.routes["/ita"] = held
    server.routes["/late"] = held
    # Three workers: two wait in /ita and /late while the third runs through the empty posts.
    # The waiting requests must not time out first, however slow a loaded machine runs the chain of posts.
    result, sink = crawl(server.url(), respect_robots=False, max_depth=1000, concurrency=3, timeout=60.0,
                         max_duration=120.0)  # fmt: skip
    assert all(fetched(sink, f"/?p={n}", server) for n in (500, 600, 700))
    assert not fetched(sink, "/?p=900", server)
    assert result.skipped[server.url("/?p=900")].reason == PAGES_ALIKE
    assert result.skipped[server.url("/?p=900")].label == "อ่านต่อ"


def test_depth_and_hard_guards_are_recorded(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/d1">หน้า 1</a><a href="a/b/">วน</a>')
    server.routes["/d1"] = page('<a href="/d2">โครงสร้างองค์กร</a>')
    server.default = page('<a href="a/b/">วน</a>')
    result, _ = crawl(server.url(), respect_robots=False, max_depth=1)
    assert result.skipped[server.url("/d2")].reason == TOO_DEEP
    assert result.skipped[server.url("/d2")].label == "โครงสร้างองค์กร"
    assert result.skipped[server.url("/d2")].referrer == server.url("/d1")
    lines = describe_skips(list(result.skipped.values()), 0)
    assert any("max_depth" in line and server.url("/d2") in line for line in lines)


def test_a_url_held_back_and_then_reached_another_way_leaves_the_list(server: LocalServer) -> None:
    """/deep is first met too deep (under /a/x), then linked from /b, which answers only after that."""

    def late(hit: Hit) -> Reply:
        deadline = time.monotonic() + 40  # a hang guard only
        while time.monotonic() < deadline and server.count("/y.pdf") == 0:  # queued after /deep was held
            threading.Event().wait(0.02)
        return page('<a href="/deep">ลึก</a>')

    server.routes["/"] = page('<a href="/a">a</a><a href="/b">b</a>')
    server.routes["/a"] = page('<a href="/x">x</a>')
    server.routes["/x"] = page('<a href="/deep">ลึก</a><a href="/y.pdf">y</a>')
    server.routes["/b"] = late
    server.default = pdf_reply(PDF)
    result, _ = crawl(server.url(), respect_robots=False, max_depth=2, concurrency=2, timeout=60.0, max_duration=120.0)
    assert server.count("/deep") == 1
    assert server.url("/deep") not in result.skipped
