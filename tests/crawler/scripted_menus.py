"""Municipal sites whose main menu scripts build, in the styles met on real sites, served on 127.0.0.1.

Every style has the same home page around the menu: the site's header, three news items and a footer with
"ติดต่อเรา" and "แผนผังเว็บไซต์", so the page has links of its own and is not an empty JavaScript shell. Only the
menu leads to the ITA index. The scripts are written here (a tiny jQuery-like loader included): nothing is
fetched from the internet.

- inline:    an empty <nav id="mainmenu"> filled by an inline script from an array
- external:  an empty <nav id="mainmenu"><ul></ul></nav>, /js/menu.js and a <noscript> notice (issue 12's case)
- json:      an empty <div id="cssmenu"> filled by /js/site.js from /data/menu.json (XMLHttpRequest)
- jquery:    $('#header-links').load('/include/topmenu.html') with a tiny jQuery-like /js/jquery.min.js
- framework: an empty <div id="app"> drawn by a bundle (/assets/index-4f2a9c1b.js), with a static footer
- iframe:    the menu is a page of its own shown in an <iframe src="/menu/left.html">
- iframe_js: the same menu page, the iframe's address set by a script
"""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.crawler.support import Reply

JS = "text/javascript; charset=utf-8"
MENU = [
    ("หน้าแรก", "/"),
    ("โครงสร้างองค์กร", "/about/structure.html"),
    ("ITA 2569", "/ita/index.html"),
    ("ข่าวประชาสัมพันธ์", "/news/1.html"),
]
SUBMENU = ("ประกาศ", [("ประกาศนโยบาย No Gift Policy", "/nogift.html")])  # a dropdown, hidden until hovered
STYLES = ("inline", "external", "json", "jquery", "framework", "iframe", "iframe_js")


def _document(body: str, title: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body>{body}</body></html>"
    )


def _menu_items() -> list[dict[str, object]]:
    items: list[dict[str, object]] = [{"label": label, "href": href} for label, href in MENU]
    label, children = SUBMENU
    items.append({"label": label, "children": [{"label": c, "href": h} for c, h in children]})
    return items


def _menu_html(target: str = "") -> str:
    """The menu as static HTML (what a script inserts, or what a menu frame shows)."""
    attribute = f' target="{target}"' if target else ""
    rows = [f'<li><a href="{href}"{attribute}>{label}</a></li>' for label, href in MENU]
    label, children = SUBMENU
    inner = "".join(f'<li><a href="{h}"{attribute}>{c}</a></li>' for c, h in children)
    rows.append(f'<li>{label}<ul class="dropdown" style="display:none">{inner}</ul></li>')
    return f"<ul>{''.join(rows)}</ul>"


# Builds <li><a> rows from an array of menu items into `ul` (shared by the inline, external and JSON styles).
_BUILD = """
function buildMenu(ul, items) {
  items.forEach(function (item) {
    var li = document.createElement('li');
    if (item.children) {
      li.innerHTML = item.label + '<ul class="dropdown" style="display:none">' + item.children.map(function (c) {
        return '<li><a href="' + c.href + '">' + c.label + '</a></li>';
      }).join('') + '</ul>';
    } else {
      var a = document.createElement('a');
      a.href = item.href;
      a.textContent = item.label;
      li.appendChild(a);
    }
    ul.appendChild(li);
  });
}
"""
JQUERY_LIKE = """/*! a tiny jQuery-like helper: $(ready) and $(selector).load(url) */
window.$ = window.jQuery = function (arg) {
  if (typeof arg === 'function') {
    if (document.readyState !== 'loading') { arg(); } else { document.addEventListener('DOMContentLoaded', arg); }
    return;
  }
  var nodes = document.querySelectorAll(arg);
  return { load: function (url) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.onload = function () { nodes.forEach(function (n) { n.innerHTML = xhr.responseText; }); };
    xhr.send();
    return this;
  } };
};
"""


def _around(menu: str) -> str:
    """The home page's own parts around the menu: header, news and footer, with links of their own."""
    news = "".join(
        f'<li><a href="/news/{n}.html">{title}</a></li>'
        for n, title in (
            (1, "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569"),
            (2, "โครงการฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า ประจำปีงบประมาณ 2569"),
            (3, "ขอเชิญร่วมงานประเพณีบุญบั้งไฟ บ้านโคกสว่าง หมู่ที่ 1"),
        )
    )
    return (
        '<header><a href="/"><img src="/images/logo.png" alt="ตราสัญลักษณ์ อบต.โคกสว่าง"></a>'
        "<p>องค์การบริหารส่วนตำบลโคกสว่าง อำเภอพล จังหวัดขอนแก่น</p></header>"
        f"{menu}<main><h1>ยินดีต้อนรับสู่เว็บไซต์องค์การบริหารส่วนตำบลโคกสว่าง</h1>"
        f"<section><h2>ข่าวประชาสัมพันธ์</h2><ul>{news}</ul></section></main>"
        "<footer><p>เลขที่ 99 หมู่ที่ 3 ตำบลโคกสว่าง อำเภอพล จังหวัดขอนแก่น 40120 โทรศัพท์ 0-4341-4123"
        " เวลาทำการ วันจันทร์ - วันศุกร์ 08.30 - 16.30 น. (เว้นวันหยุดราชการ)</p>"
        '<p><a href="/contact.html">ติดต่อเรา</a> | <a href="/sitemap.html">แผนผังเว็บไซต์</a></p></footer>'
    )


def _inline() -> dict[str, Reply]:
    script = f"<script>{_BUILD}buildMenu(document.querySelector('#mainmenu ul'), {json.dumps(_menu_items())});</script>"
    return {"/": _home('<nav id="mainmenu" class="navbar"><ul class="nav"></ul></nav>' + script)}


def _external() -> dict[str, Reply]:
    menu = (
        '<nav id="mainmenu"><ul></ul></nav>'
        "<noscript><p>กรุณาเปิดใช้งาน JavaScript ในเบราว์เซอร์เพื่อแสดงเมนูหลักของเว็บไซต์</p></noscript>"
        '<script src="/js/menu.js"></script>'
    )
    code = f"{_BUILD}buildMenu(document.querySelector('#mainmenu ul'), {json.dumps(_menu_items())});"
    return {"/": _home(menu), "/js/menu.js": Reply(body=code, content_type=JS)}


def _json() -> dict[str, Reply]:
    code = (
        f"{_BUILD}document.addEventListener('DOMContentLoaded', function () {{"
        " var xhr = new XMLHttpRequest(); xhr.open('GET', '/data/menu.json');"
        " xhr.onload = function () { var ul = document.createElement('ul');"
        " document.getElementById('cssmenu').appendChild(ul); buildMenu(ul, JSON.parse(xhr.responseText)); };"
        " xhr.send(); });"
    )
    return {
        "/": _home('<div id="cssmenu"></div>', head='<script src="/js/site.js"></script>'),
        "/js/site.js": Reply(body=code, content_type=JS),
        "/data/menu.json": Reply(
            body=json.dumps(_menu_items(), ensure_ascii=False), content_type="application/json; charset=utf-8"
        ),
    }


def _jquery() -> dict[str, Reply]:
    menu = (
        '<div id="header-links"></div><script src="/js/jquery.min.js"></script>'
        "<script>$(function () { $('#header-links').load('/include/topmenu.html'); });</script>"
    )
    return {
        "/": _home(menu),
        "/js/jquery.min.js": Reply(body=JQUERY_LIKE, content_type=JS),
        "/include/topmenu.html": Reply(body=_menu_html()),
    }


def _framework() -> dict[str, Reply]:
    bundle = (
        "(function(){var m=" + json.dumps(_menu_items()) + ";var app=document.getElementById('app');"
        "var nav=document.createElement('nav');var ul=document.createElement('ul');nav.appendChild(ul);"
        + _BUILD
        + "buildMenu(ul,m);app.appendChild(nav);})();"
    )
    body = '<div id="app"></div><script type="module" src="/assets/index-4f2a9c1b.js"></script>'
    return {"/": _home(body), "/assets/index-4f2a9c1b.js": Reply(body=bundle, content_type=JS)}


def _menu_frame() -> Reply:
    return Reply(body=_document(f'<nav class="leftmenu">{_menu_html(target="_top")}</nav>', "เมนู"))


def _iframe() -> dict[str, Reply]:
    frame = '<iframe src="/menu/left.html" name="leftmenu" title="เมนูหลัก" width="220" height="400"></iframe>'
    clock = "<span id='clock'></span><script>document.getElementById('clock').textContent = new Date();</script>"
    return {"/": _home(frame + clock), "/menu/left.html": _menu_frame()}


def _iframe_js() -> dict[str, Reply]:
    frame = (
        '<iframe id="menuframe" name="menu" title="เมนูหลัก" width="220" height="400"></iframe>'
        "<script>document.getElementById('menuframe').src = '/menu/left.html';</script>"
    )
    return {"/": _home(frame), "/menu/left.html": _menu_frame()}


def _home(menu: str, head: str = "") -> Reply:
    return Reply(body=_document(_around(menu), "หน้าแรก - องค์การบริหารส่วนตำบลโคกสว่าง", head))


_BUILDERS: dict[str, Callable[[], dict[str, Reply]]] = {
    "inline": _inline,
    "external": _external,
    "json": _json,
    "jquery": _jquery,
    "framework": _framework,
    "iframe": _iframe,
    "iframe_js": _iframe_js,
}


def plain_page(title: str, body: str) -> Reply:
    return Reply(body=_document(f"<h1>{title}</h1>{body}", title))


def site(style: str) -> dict[str, Reply]:
    """The routes of a small site whose menu is built in `style`: the home page, its scripts and the pages the
    static parts link to. The menu's targets are the caller's (the ITA index and what it links)."""
    routes = _BUILDERS[style]()
    for n in (1, 2, 3):
        routes[f"/news/{n}.html"] = plain_page(f"ข่าวประชาสัมพันธ์ {n}", "<p>รายละเอียดข่าว</p>")
    routes["/contact.html"] = plain_page("ติดต่อเรา", "<p>โทรศัพท์ 0-4341-4123</p>")
    routes["/sitemap.html"] = plain_page("แผนผังเว็บไซต์", '<p><a href="/contact.html">ติดต่อเรา</a></p>')
    return routes


def crawl_targets() -> dict[str, Reply]:
    """What the menu leads to, for crawler tests: the ITA index, the evidence it links, other menu pages."""
    return {
        "/ita/index.html": plain_page("ITA 2569", '<p><a href="/about/executives.html">O2 ข้อมูลผู้บริหาร</a></p>'),
        "/about/executives.html": plain_page("คณะผู้บริหาร", "<p>นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบล</p>"),
        "/about/structure.html": plain_page("โครงสร้างองค์กร", "<p>สำนักปลัด กองคลัง กองช่าง</p>"),
        "/nogift.html": plain_page("ประกาศนโยบาย No Gift Policy", "<p>ประจำปี 2569</p>"),
    }
