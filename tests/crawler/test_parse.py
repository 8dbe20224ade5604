"""HTML to page facts with selectolax: links with every label, title, headings, visible text."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from crawler.models import Link
from crawler.parse import _MOUNTS, LinkMemo, _may_mount, fold, parse_html

BASE = "http://www.nakhlang.go.th/th/index.php"


def links_by_url(html: str, url: str = BASE) -> dict[str, Link]:
    return {link.url: link for link in parse_html(html, url).links}


def test_anchor_links_resolved_and_labelled() -> None:
    links = links_by_url("""<body>
        <a href="/ita/o1.html" title="โครงสร้าง">  ข้อมูล&nbsp;พื้นฐาน  </a>
        <a href="news.php?id=5#c">ข่าว</a>
        <a href="mailto:saraban@nakhlang.go.th">อีเมล</a>
        <a href="javascript:void(0)">เมนู</a>
        <a href="#top">ขึ้นบน</a>
        <a>no href</a>
    </body>""")
    assert set(links) == {"http://www.nakhlang.go.th/ita/o1.html", "http://www.nakhlang.go.th/th/news.php?id=5"}
    o1 = links["http://www.nakhlang.go.th/ita/o1.html"]
    assert o1.text == "ข้อมูล พื้นฐาน"
    assert o1.title == "โครงสร้าง"
    assert o1.source == "a"
    assert o1.label == "ข้อมูล พื้นฐาน โครงสร้าง"


def test_image_banner_link_is_labelled_by_img_alt() -> None:
    links = links_by_url('<a href="/ita"><img src="/img/ita-banner.png" alt="ITA 2569  การประเมินคุณธรรม"></a>')
    link = links["http://www.nakhlang.go.th/ita"]
    assert link.text == ""
    assert link.img_alt == "ITA 2569 การประเมินคุณธรรม"
    assert "ITA 2569" in link.label


def test_aria_label_used_as_title() -> None:
    link = links_by_url('<a href="/contact" aria-label="ติดต่อเรา"><i class="fa fa-phone"></i></a>')[
        "http://www.nakhlang.go.th/contact"
    ]
    assert link.title == "ติดต่อเรา"


def test_image_map_area_uses_alt() -> None:
    links = links_by_url("""<img src="/menu.png" usemap="#m"><map name="m">
        <area shape="rect" coords="0,0,10,10" href="/o10.html" alt="แผนการใช้จ่ายงบประมาณ">
    </map>""")
    area = links["http://www.nakhlang.go.th/o10.html"]
    assert area.source == "area"
    assert area.img_alt == "แผนการใช้จ่ายงบประมาณ"
    assert "แผนการใช้จ่ายงบประมาณ" in area.label


def test_iframe_frame_embed_object_sources() -> None:
    iframe = links_by_url('<body><iframe src="/ita/frame.html"></iframe><embed src="/doc/plan.pdf">'
                          '<object data="/doc/o5.pdf"></object></body>')  # fmt: skip
    assert iframe["http://www.nakhlang.go.th/ita/frame.html"].source == "iframe"
    assert iframe["http://www.nakhlang.go.th/doc/plan.pdf"].source == "embed"
    assert iframe["http://www.nakhlang.go.th/doc/o5.pdf"].source == "object"
    frames = links_by_url('<html><frameset cols="20%,80%"><frame src="menu.html"><frame src="main.html">'
                          "</frameset></html>")  # fmt: skip
    assert frames["http://www.nakhlang.go.th/th/menu.html"].source == "frame"
    assert frames["http://www.nakhlang.go.th/th/main.html"].source == "frame"


def test_meta_refresh() -> None:
    for content in ('"0; url=/th/home.php"', "\"0;URL='/th/home.php'\"", "'5; URL=\"home.php\"'"):
        links = links_by_url(f"<html><head><meta http-equiv=Refresh content={content}></head></html>")
        assert links["http://www.nakhlang.go.th/th/home.php"].source == "meta_refresh", content
    assert links_by_url('<meta http-equiv="refresh" content="30">') == {}
    assert links_by_url('<meta http-equiv="X-UA-Compatible" content="url=/not-a-link">') == {}


def test_base_href() -> None:
    links = links_by_url('<head><base href="http://www.nakhlang.go.th/site/"></head><body><a href="o2.html">x</a>'
                         '<img src="img/logo.png" alt="โลโก้"></body>')  # fmt: skip
    assert "http://www.nakhlang.go.th/site/o2.html" in links
    page = parse_html('<head><base href="/site/"></head><body><img src="img/logo.png" alt="โลโก้"></body>', BASE)
    assert page.images[0].src == "http://www.nakhlang.go.th/site/img/logo.png"
    assert page.images[0].alt == "โลโก้"


def test_title_headings_and_text() -> None:
    page = parse_html(
        """<html><head><title> เทศบาลตำบลนากลาง  | หน้าแรก </title>
        <style>.menu { color: red }</style><script>var secret = "ไม่ควรเห็น";</script></head>
        <body><h1>ประกาศ</h1><h2> นโยบาย
        ไม่รับของขวัญ </h2><h4>ไม่นับ</h4>
        <p>ราคากลาง&nbsp;๑๒๓&nbsp;บาท</p><noscript>เปิด JavaScript</noscript>
        <script>document.write("ซ่อน")</script><template><p>แม่แบบ</p></template></body></html>""",
        BASE,
    )
    assert page.title == "เทศบาลตำบลนากลาง | หน้าแรก"
    assert page.headings == ["ประกาศ", "นโยบาย ไม่รับของขวัญ"]
    assert "ราคากลาง ๑๒๓ บาท" in page.text
    assert "ไม่นับ" in page.text
    for hidden in ("ไม่ควรเห็น", "color: red", "ซ่อน", "เปิด JavaScript", "แม่แบบ"):
        assert hidden not in page.text, hidden
    assert page.script_count == 2


def test_broken_markup_is_tolerated() -> None:
    page = parse_html('<body><table><tr><td><a href="/a">ก<td><a href=/b>ข</table><p>ค', BASE)
    assert [link.url for link in page.links] == ["http://www.nakhlang.go.th/a", "http://www.nakhlang.go.th/b"]
    assert "ค" in page.text


def test_fold() -> None:
    assert fold("  ก\xa0\xa0ข\n\tค  ") == "ก ข ค"
    assert fold(None) == ""


# --- JavaScript shells (crawler/render.py renders them) ------------------------------------------------------------
LAYOUT_MENU = (
    '<nav class="menu"><a href="/">หน้าแรก</a> <a href="/about.html">เกี่ยวกับเรา</a>'
    ' <a href="/ita/index.html">ITA 2569</a> <a href="/contact.html">ติดต่อเรา</a></nav>'
)


def shell_flags(body: str, head: str = "") -> tuple[bool, bool]:
    parsed = parse_html(f"<html><head>{head}</head><body>{body}</body></html>", BASE)
    return parsed.needs_browser, parsed.scripted


def test_single_page_apps_and_script_built_menus_need_a_browser() -> None:
    # Vue/React builds: an empty mount point and a bundle.
    assert shell_flags('<div id="app"></div><script src="/js/app.4f2a9c.js"></script>') == (True, False)
    assert shell_flags('<div id="root"><p>กำลังโหลด...</p></div><script src="/static/js/main.js"></script>') == (
        True,
        False,
    )
    # A municipal page whose menu comes from menu.json: no links of its own, a script that fetches and writes.
    menu = (
        "<ul id='nav'></ul><script>fetch('/menu.json').then(r => r.json()).then(m => { nav.innerHTML = m; })</script>"
    )
    assert shell_flags(f"<h1>องค์การบริหารส่วนตำบลโคกสว่าง</h1>{menu}") == (True, False)


def test_pages_with_their_own_links_are_not_shells_but_script_built_parts_are_noted() -> None:
    assert shell_flags(f"{LAYOUT_MENU}<h1>ข่าวประชาสัมพันธ์</h1><p>ประกาศรับสมัครงาน</p>") == (False, False)
    # A clock written with innerHTML on a page with a menu: nothing to render.
    clock = "<span id='clock'></span><script>setInterval(() => { clock.innerHTML = new Date(); }, 1000)</script>"
    assert shell_flags(f"{LAYOUT_MENU}<h1>หน้าแรก</h1>{clock}") == (False, False)
    # A document list that jQuery fetches: the page reads, but part of it comes later (the second pass's case).
    table = "<table id='docs'></table><script>$.getJSON('/api/docs', d => { $('#docs').html(d); })</script>"
    assert shell_flags(f"{LAYOUT_MENU}<h1>ประกาศจัดซื้อจัดจ้าง</h1>{table}") == (False, True)
    # No script at all: a short page is just short.
    assert shell_flags("<h1>ติดต่อเรา</h1><p>โทร 0-4341-4123</p>") == (False, False)


# --- links written in script attributes -------------------------------------------------------------------------


def test_onclick_tiles_banners_and_buttons_are_links() -> None:
    """A legacy table theme: menu cells and image banners that navigate with onclick (no href at all)."""
    links = links_by_url("""<body><table class="menu"><tr>
        <td onclick="location.href='index.php?name=page&amp;file=page&amp;op=17'">โครงสร้างส่วนราชการ</td>
        <td onClick="javascript:self.location='/ita/2569.php'" title="ITA 2569"><img src="ita.png" alt="OIT 2569"></td>
        <td onclick="toggleMenu(3)">เมนูย่อย</td></tr></table>
        <button type="button" onclick="window.open('/uploads/nogift-2569.pdf', '_blank')">ประกาศ No Gift Policy</button>
        <a href="javascript:void(0)" onclick="window.open('webboard/index.php')">กระดานถาม-ตอบ</a>
    </body>""")
    assert links["http://www.nakhlang.go.th/th/index.php?name=page&file=page&op=17"].text == "โครงสร้างส่วนราชการ"
    banner = links["http://www.nakhlang.go.th/ita/2569.php"]
    assert banner.title == "ITA 2569" and banner.img_alt == "OIT 2569"
    assert links["http://www.nakhlang.go.th/uploads/nogift-2569.pdf"].text == "ประกาศ No Gift Policy"
    assert links["http://www.nakhlang.go.th/th/webboard/index.php"].label == "กระดานถาม-ตอบ"
    assert len(links) == 4  # toggleMenu(3) and javascript:void(0) name no address


def test_jump_menu_options_are_links() -> None:
    """The "เว็บลิงก์" drop-down of Thai government sites: options that hold addresses, in two scripting styles."""
    links = links_by_url("""<body>
        <select onchange="window.location=this.value"><option value="">-- หน่วยงานที่เกี่ยวข้อง --</option>
          <option value="https://www.nacc.go.th/">สำนักงาน ป.ป.ช.</option><option value="/egp/index.php">ประกาศ e-GP</option>
        </select>
        <select name="go" onChange="MM_jumpMenu('parent',this,0)"><option value="news.php?cat=3">ข่าวจัดซื้อจัดจ้าง</option></select>
        <select onchange="filter(this.value)"><option value="2569">2569</option></select>
    </body>""")
    assert links["https://www.nacc.go.th/"].text == "สำนักงาน ป.ป.ช."
    assert links["http://www.nakhlang.go.th/egp/index.php"].text == "ประกาศ e-GP"
    assert links["http://www.nakhlang.go.th/th/news.php?cat=3"].text == "ข่าวจัดซื้อจัดจ้าง"
    assert len(links) == 3  # a filter's value "2569" is no address


def test_a_query_alone_stays_on_its_own_page_in_every_directory() -> None:
    """href="?page=2" (a Joomla listing's pager, a WordPress language switch) continues the page it is on: two pages
    of one directory must not share the first page's answer (resolved addresses are memoised per directory)."""
    pager = '<a href="?page=2">หน้าถัดไป</a><a href="?lang=en">English</a><a href="news.php">ข่าว</a>'
    base = "http://www.nakhlang.go.th/th/"
    for name in ("procurement.php", "announce.php", "news.php?cat=3"):
        links = links_by_url(pager, base + name)
        own = base + name.split("?")[0]
        assert set(links) == {f"{own}?page=2", f"{own}?lang=en", f"{base}news.php"}


def test_trusted_links_are_the_links_model_construct_builds() -> None:
    """Link.trusted (the parser's link builder) makes exactly what Link.model_construct would: the same fields, the
    same set fields, so that storing, copying and comparing links cannot tell them apart."""
    shapes = [("http://www.nakhlang.go.th/ita/o1.html", "โครงสร้าง", "", "", "a", True),
              ("http://www.nakhlang.go.th/map", "", "แผนที่", "ป้าย ITA", "area", False)]  # fmt: skip
    for url, text, title, alt, source, nav in shapes:
        fast = Link.trusted(url, text, title, alt, source, nav)
        slow = Link.model_construct(url=url, text=text, title=title, img_alt=alt, source=source, nav=nav)
        assert fast == slow
        assert fast.model_fields_set == slow.model_fields_set
        assert list(fast.model_dump()) == list(slow.model_dump())
        assert fast.model_copy(deep=True) == slow
        fast.external = True  # the crawler marks off-site links in place
        assert fast.external and fast.model_fields_set == slow.model_fields_set | {"external"}


def test_pages_of_one_crawl_share_their_menu_links_with_the_same_facts() -> None:
    """With one LinkMemo for a crawl, the menu on every page is the same Links, and each page's links are what a
    parse of that page alone finds (a link's words, picture, menu membership and address all count)."""
    menu = ('<nav class="mainmenu"><a href="/ita/">ITA</a><a href="/th/about.php">เกี่ยวกับเรา</a></nav>'
            '<a href="/ita/"><img src="/b.png" alt="ป้าย ITA 2569"></a><a href="/th/about.php" title="ประวัติ">'
            'เกี่ยวกับเรา</a><a href="list.php">รายการ</a><a href="?page=2">ถัดไป</a>')  # fmt: skip
    memo = LinkMemo()
    pages = ["http://www.nakhlang.go.th/th/a.php", "http://www.nakhlang.go.th/th/b.php",
             "http://www.nakhlang.go.th/en/a.php"]  # fmt: skip
    shared = [parse_html(f"<body>{menu}<p>{n}</p></body>", url, memo).links for n, url in enumerate(pages)]
    alone = [parse_html(f"<body>{menu}<p>{n}</p></body>", url).links for n, url in enumerate(pages)]
    assert shared == alone
    assert shared[0][0] is shared[1][0] is shared[2][0]  # the <nav> link to /ita/: one object
    assert shared[0][2] is not shared[0][0]  # the same address under a picture outside the menu: another link
    assert shared[0][4] is shared[1][4] and shared[2][4] is not shared[0][4]  # list.php, relative to /th/ or /en/
    assert shared[0][5].url != shared[1][5].url  # ?page=2 of a.php and of b.php
    assert memo.built == 6 + 1 + 2  # six on the first page; b.php adds its ?page=2, /en/ its list.php and ?page=2


def test_every_mount_point_lexbor_finds_is_looked_for() -> None:
    """The mount-point search is skipped on markup without any of _MOUNT_MARKS: for each way frameworks (and old
    hand-written pages) write a mount point, in any case, quoted or not, with or without a doctype (quirks mode
    matches ids in any case), the markup still counts as one that may hold it."""
    mounts = ['<div id="app"></div>', "<div id=root></div>", "<DIV ID='__next'></DIV>", '<div id="__nuxt"></div>',
              '<div id="q-app"></div>', "<app-root></app-root>", "<APP-ROOT ng-version='17.1'></APP-ROOT>",
              "<div ng-app='menu'></div>", "<main NG-VERSION=16></main>", "<div data-reactroot></div>",
              "<div data-v-app></div>", '<div id="APP"></div>', '<div id="&#97;pp"></div>',
              '<div id="&#x72;oot"></div>']  # fmt: skip
    script = "<script src='/js/nav.js'></script>"
    found = 0
    for doctype in ("<!doctype html>", ""):
        for mount in mounts:
            html = f"{doctype}<html><body><h1>เทศบาลตำบลนากลาง</h1>{mount}{script}</body></html>"
            if LexborHTMLParser(html).css(_MOUNTS):
                found += 1
                assert _may_mount(html), html
                assert any("framework" in sign for sign in parse_html(html, BASE).nav_signs), html
    assert found >= 2 * 13  # all but id="APP" under a doctype (outside quirks mode an id matches in its own case)
    plain = f"<!doctype html><html><body><nav class='menu'>{LAYOUT_MENU}</nav><p>ประกาศ</p>{script}</body></html>"
    assert not _may_mount(plain)
    assert not any("framework" in sign for sign in parse_html(plain, BASE).nav_signs)


def test_an_empty_menu_next_to_a_form_or_frame_is_no_sign_but_an_empty_one_is() -> None:
    """A menu container counts as empty only without links, frames and form fields (a search box in the menu bar)."""
    script = "<script src='/js/menu.js'></script>"
    for filled in ('<form action="/search"></form>', '<iframe src="/menu.html"></iframe>', "<select></select>"):
        signs = parse_html(f"<ul class='mainmenu'>{filled}</ul>{LAYOUT_MENU}{script}", BASE).nav_signs
        assert not any("mainmenu" in sign for sign in signs), filled
    signs = parse_html(f"<ul class='mainmenu'></ul>{LAYOUT_MENU}{script}", BASE).nav_signs
    assert any("mainmenu" in sign for sign in signs)


def test_markup_knows_each_element_name_as_a_search_of_the_source_would() -> None:
    """_Markup answers "<name" from one read of the names after "<": exactly as a search of the lower-cased source,
    on real pages and on the shapes that could part the two (upper case, a prefix of a longer name, "<<", a name
    cut by a Thai character, a name in a comment or a script's text, digits)."""
    from pathlib import Path

    from crawler import parse

    names = {name for value in vars(parse).values() if isinstance(value, tuple) for name in _names_in(value)}
    assert {b"<h1", b"<im", b"<script", b"<nav"} <= names
    pages = [p.read_text("utf-8", errors="replace") for p in Path("tests/fixtures").rglob("*.htm*")]
    assert len(pages) > 10
    shapes = [
        "<HTML><BODY><IMAGE SRC=a.png><H1>ประกาศ</H1></BODY></HTML>",
        "<div><<nav>เมนู</nav></div>", "<navbar>x</navbar><h10>y</h10>", "<s\u0e01cript>ก</s\u0e01cript><scr",
        "<!-- <svg> --><p>a<b</p>", "<script>var t = '<template>';</script>", "<h2a>no</h2a><object2>",
    ]  # fmt: skip
    for html in pages + shapes:
        markup = parse._Markup(html)
        for name in sorted(names):
            assert markup.has(name) == (name in markup.low), (name, html[:60])


def _names_in(value: tuple) -> set[bytes]:
    """The source names of a tuple of (selector, name) pairs, or none."""
    pairs = [v for v in value if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], bytes)]
    return {name for _, name in pairs}
