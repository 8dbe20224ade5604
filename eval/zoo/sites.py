"""The zoo: ten fictional Thai local-government sites, each on one real platform pattern (eval/README.md)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from . import content as c
from .agency import Agency, make_agency
from .builder import Site
from .common import Ev, esc, extras, images, publish, robots, standard
from .doc import Doc, to_html

ORDER = [f"O{i}" for i in range(1, 27)]
ITA_TITLES = {
    "O1": "โครงสร้าง",
    "O2": "ข้อมูลผู้บริหาร",
    "O3": "ข้อมูลการติดต่อ",
    "O4": "ข่าวประชาสัมพันธ์",
    "O5": "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "O6": "แผนการดำเนินงานและการใช้งบประมาณประจำปี",
    "O7": "รายงานผลการดำเนินงานประจำปี",
    "O8": "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
    "O9": "คู่มือหรือแนวทางการขอรับบริการ",
    "O10": "E-Service",
    "O11": "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "O12": "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
    "O13": "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "O14": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
    "O15": "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "O16": "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O17": "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O18": "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O19": "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน",
    "O20": "การขับเคลื่อนนโยบาย No Gift Policy",
    "O21": "การประเมินความเสี่ยงการทุจริต",
    "O22": "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต",
    "O23": "แผนปฏิบัติการป้องกันการทุจริต",
    "O24": "รายงานผลการดำเนินการป้องกันการทุจริต",
    "O25": "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "O26": "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส",
}


def _ita_table(ev: dict[str, Ev], code_style: Callable[[str], str] = lambda c: c, direct: bool = False) -> str:
    """An ITA 2569 index: code, title, link (the holder page, or the first document when `direct`)."""
    rows = []
    for code in ORDER:
        title = esc(ITA_TITLES[code])
        if code in ev:
            e = ev[code]
            target = next(iter(e.urls.values())) if direct and e.docs else e.page
            link = f'<a href="{esc(target)}">{title}</a>'
        else:
            link = f"{title} <span>(อยู่ระหว่างจัดทำ)</span>"
        rows.append(f"<tr><td>{code_style(code)}</td><td>{link}</td></tr>")
    return '<table class="ita"><tr><th>ข้อ</th><th>ข้อมูล</th></tr>' + "".join(rows) + "</table>"


def _publish_all(site: Site, a: Agency, ev: dict[str, Ev], layout, form_url: str, board_url: str = "/webboard") -> None:
    for e in ev.values():
        publish(site, a, e, layout, form_url=form_url)
    extras(site, a, layout, ev, form_url, board_url)


# ----- 1. shared-hosting municipal CMS ------------------------------------------------------------------


def cms_public(site: Site) -> Agency:
    a = make_agency("cms_public", "tambon", "ห้วยทรายงาม", "กุดจับ", "อุดรธานี", "41250", 11, "huaisaingam.go.th")
    ev = standard(a, {"no_exec_contact": True, "qa": "email", "no_tax_id": True, "dead_O21": True, "absent": ["O18"]})
    for i, code in enumerate(ORDER):
        if code in ev:
            e = ev[code]
            e.page = f"/public/list/data/detail/id/{5521 + i * 7}/menu/{1180 + i}"
            e.urls = {
                s: f"/public/upload/files/menu_{1180 + i}/{s}_{2569}.pdf"
                if f != "html"
                else f"/public/list/data/detail/id/{6100 + i * 10 + k}/menu/{1180 + i}"
                for k, (s, _, f) in enumerate(e.docs)
            }
    groups = {
        "ข้อมูลพื้นฐาน": ["O1", "O2", "O3"],
        "ข่าวสาร": ["O4"],
        "แผนงาน": ["O5", "O6", "O7"],
        "งานบริการ": ["O8", "O9", "O10"],
        "จัดซื้อจัดจ้าง": ["O11", "O12"],
        "บุคลากร": ["O13", "O14"],
        "คุณธรรม": ["O15", "O16", "O17", "O19", "O20", "O21", "O22", "O23", "O24", "O25", "O26"],
    }
    ita = "/public/list/data/index/menu/1300"
    cols = "".join(
        f'<div class="mega-col"><h4>{g}</h4><ul>'
        + "".join(f'<li><a href="{ev[c].page}">{esc(ev[c].label)}</a></li>' for c in cs if c in ev)
        + "</ul></div>"
        for g, cs in groups.items()
    )
    mega = (
        f'<ul class="nav"><li><a href="/">หน้าหลัก</a></li><li class="dropdown"><a href="#">เมนูหลัก</a>'
        f'<div class="mega-menu">{cols}</div></li><li><a href="{ita}">ITA 2569</a></li></ul>'
    )

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{esc(title)} - {a.full}</title>'
            f'</head><body><div id="header"><img src="/public/themes/default/logo.png" alt="">{a.full}</div>'
            f'{mega}<div id="content">{body}</div><div id="footer">{esc(a.address)} โทร {a.phone}</div></body></html>'
        )

    images(site, a)
    site.add("/public/themes/default/logo.png", b"", "image/png")
    _publish_all(site, a, ev, layout, "/public/eservice/form/id/7")
    site.page(ita, layout("ITA 2569", "<h1>การประเมินคุณธรรมและความโปร่งใส ITA 2569</h1>" + _ita_table(ev)))
    news = "".join(
        f'<li><a href="{u}">{esc(d.title)}</a></li>'
        for (s, d, f), u in zip(ev["O4"].docs, ev["O4"].urls.values(), strict=True)
    )
    site.page("/", layout("หน้าหลัก", f"<h2>ข่าวประชาสัมพันธ์</h2><ul>{news}</ul>"))
    robots(site)
    return a


# ----- 2. WordPress, plain permalinks -------------------------------------------------------------------


def wp_plain(site: Site) -> Agency:
    a = make_agency("wp_plain", "abt", "โคกสะอาด", "ฝายแก้ว", "น่าน", "55000", 22, "koksaard.go.th", thai_digits=True)
    ev = standard(
        a,
        {
            "nogift_signer": "palad",
            "skr_months": [m for m in c.FY_MONTHS if m != (2026, 2)],
            "eservice": "download_only",
            "hr_report_year": 2567,
            "absent": ["O22"],
        },
    )
    pid = 1200
    for i, code in enumerate(ORDER):
        if code in ev:
            e = ev[code]
            e.page = f"/?p={pid + i * 3}"
            e.urls = {
                s: f"/wp-content/uploads/2026/0{1 + k % 3}/{s}.pdf" if f != "html" else f"/?p={1500 + i * 10 + k}"
                for k, (s, _, f) in enumerate(e.docs)
            }
    ita = "/?page_id=212"
    menu = (
        '<ul id="menu-main" class="menu"><li><a href="/">หน้าแรก</a></li>'
        '<li><a href="/?page_id=77">เกี่ยวกับ อบต.</a><ul class="sub-menu">'
        f'<li><a href="{ev["O1"].page}">โครงสร้าง</a></li><li><a href="{ev["O2"].page}">ผู้บริหาร</a></li></ul></li>'
        f'<li><a href="/?cat=5">ข่าวประชาสัมพันธ์</a></li><li><a href="{ita}">ITA 2569</a></li>'
        f'<li><a href="{ev["O3"].page}">ติดต่อเรา</a></li></ul>'
    )

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="th"><head><meta charset="UTF-8"><title>{esc(title)} &#8211; {a.full}</title>'
            '<link rel="stylesheet" href="/wp-content/themes/twentytwenty/style.css"></head><body class="wp-site">'
            f'<header><div class="site-title">{a.full}</div><nav>{menu}</nav></header>'
            f'<main><article class="post"><div class="entry-content">{body}</div></article></main>'
            f"<footer>{esc(a.address)}</footer></body></html>"
        )

    images(site, a, "/wp-content/uploads")
    _publish_all(site, a, ev, layout, "/wp-content/uploads/2024/05/form-request.pdf", "/?page_id=90")
    rows = "".join(
        f'<p><strong>{c}</strong> <a href="{ev[c].page}">{esc(ITA_TITLES[c])}</a></p>'
        if c in ev
        else f"<p><strong>{c}</strong> {esc(ITA_TITLES[c])}</p>"
        for c in ORDER
    )
    site.page(ita, layout("ITA 2569", f"<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปี 2569</h1>{rows}"))
    site.page("/?page_id=77", layout("เกี่ยวกับ อบต.", "<h1>เกี่ยวกับ อบต.</h1><p>ประวัติความเป็นมา สภาพทั่วไป</p>"))
    posts = "".join(
        f'<h2><a href="{u}">{esc(d.title)}</a></h2>'
        for (s, d, f), u in zip(ev["O4"].docs, ev["O4"].urls.values(), strict=True)
    )
    site.page("/?cat=5", layout("ข่าวประชาสัมพันธ์", posts))
    site.page("/", layout("หน้าแรก", f"<h1>ยินดีต้อนรับ</h1>{posts}"))
    robots(site)
    return a


def _news_list(ev: dict[str, Ev]) -> str:
    e = ev["O4"]
    return (
        "<ul>"
        + "".join(
            f'<li><a href="{u}">{esc(d.title)}</a></li>' for (_, d, _), u in zip(e.docs, e.urls.values(), strict=True)
        )
        + "</ul>"
    )


# ----- 3. WordPress, pretty permalinks ------------------------------------------------------------------


def wp_pretty(site: Site) -> Agency:
    a = make_agency("wp_pretty", "muang", "บางพระจันทร์", "ศรีราชา", "ชลบุรี", "20110", 33, "bangprachan.go.th")
    ev = standard(
        a, {"integrity_year": 2567, "no_fee": True, "no_complaint_duration": True, "dead_O15": True, "absent": ["O24"]}
    )
    for i, code in enumerate(ORDER):
        if code in ev:
            e = ev[code]
            e.page = f"/ita-2569/{code.lower()}-{['structure', 'executives', 'contact', 'news', 'plan', 'action-plan', 'report', 'sop', 'manual', 'e-service', 'procurement-monthly', 'procurement-annual', 'hr-plan', 'hr-report', 'ethics', 'complaint-guideline', 'complaint-channel', 'complaint-stats', 'participation', 'no-gift', 'risk', 'risk-report', 'anti-corruption-plan', 'anti-corruption-report', 'ita-measures', 'integrity-report'][i]}/"
            e.urls = {
                s: (
                    f"/wp-content/uploads/{d.date.year}/{d.date.month:02d}/{s}.pdf"
                    if f != "html"
                    else f"/{d.date.year}/{d.date.month:02d}/{d.date.day:02d}/{s}/"
                )
                for s, d, f in e.docs
            }
    menu = (
        '<ul class="menu"><li><a href="/">หน้าแรก</a></li><li><a href="/about/">เกี่ยวกับเทศบาล</a><ul class="sub-menu">'
        f'<li><a href="{ev["O1"].page}">โครงสร้างและอำนาจหน้าที่</a></li><li><a href="{ev["O2"].page}">ทำเนียบผู้บริหาร</a></li>'
        '</ul></li><li><a href="/category/news/">ข่าวสาร</a></li><li><a href="/ita-2569/">ITA 2569</a></li>'
        f'<li><a href="{ev["O3"].page}">ติดต่อ</a></li></ul>'
    )

    def layout(title: str, body: str) -> str:
        return (
            f'<!doctype html><html lang="th-TH"><head><meta charset="utf-8"><title>{esc(title)} | {a.full}</title>'
            "<link rel='https://api.w.org/' href='/wp-json/'></head><body class='page-template-default'>"
            f'<header class="site-header"><p class="site-title"><a href="/">{a.full}</a></p><nav class="main-navigation">{menu}</nav></header>'
            f'<div class="site-content"><article><div class="entry-content">{body}</div></article></div>'
            f'<footer class="site-footer">© 2569 {a.full}</footer></body></html>'
        )

    images(site, a, "/wp-content/uploads")
    _publish_all(site, a, ev, layout, "/e-service/request-form/", "/forums/")
    rows = "".join(
        f'<li>{c}. <a href="{ev[c].page}">{esc(ITA_TITLES[c])}</a></li>'
        if c in ev
        else f"<li>{c}. {esc(ITA_TITLES[c])}</li>"
        for c in ORDER
    )
    site.page("/ita-2569/", layout("ITA 2569", f"<h1>ITA 2569 การประเมินคุณธรรมและความโปร่งใส</h1><ol>{rows}</ol>"))
    site.page("/about/", layout("เกี่ยวกับเทศบาล", "<h1>เกี่ยวกับเทศบาล</h1><p>ประวัติเทศบาล</p>"))
    site.page("/category/news/", layout("ข่าวสาร", _news_list(ev)))
    site.page("/", layout("หน้าแรก", "<h2>ข่าวล่าสุด</h2>" + _news_list(ev)))
    robots(site)
    return a


# ----- 4. Joomla ----------------------------------------------------------------------------------------


def joomla(site: Site) -> Agency:
    a = make_agency("joomla", "abt", "หนองหญ้าปล้อง", "ชนบท", "ขอนแก่น", "40180", 44, "nongyaplong.go.th")
    ev = standard(
        a,
        {
            "no_chart": True,
            "no_nogift_report": True,
            "skr_months": c.FY_MONTHS[:4],
            "hr_plan_year": 2568,
            "absent": ["O19"],
        },
    )

    def art(i: int, item: int) -> str:
        return f"/index.php?option=com_content&view=article&id={i}&Itemid={item}"

    for i, code in enumerate(ORDER):
        if code in ev:
            e = ev[code]
            e.page = art(123 + i, 45 + i)
            e.urls = {
                s: f"/images/documents/ita2569/{s}.pdf" if f != "html" else art(400 + i * 10 + k, 30)
                for k, (s, _, f) in enumerate(e.docs)
            }
    ita = art(300, 101)
    news_cat = "/index.php?option=com_content&view=category&id=9&Itemid=30"
    menu = (
        '<ul class="nav menu mod-list">'
        f'<li class="item-101"><a href="/index.php">หน้าหลัก</a></li>'
        f'<li class="item-46 deeper parent"><a href="{ev["O1"].page}">ข้อมูลหน่วยงาน</a><ul class="nav-child">'
        f'<li><a href="{ev["O1"].page}">โครงสร้าง</a></li><li><a href="{ev["O2"].page}">คณะผู้บริหาร</a></li></ul></li>'
        f'<li><a href="{news_cat}">ข่าวประชาสัมพันธ์</a></li><li><a href="{ita}">ITA 2569</a></li>'
        f'<li><a href="{ev["O3"].page}">ติดต่อเรา</a></li></ul>'
    )

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="th-th"><head><meta http-equiv="content-type" content="text/html; charset=utf-8">'
            f'<meta name="generator" content="Joomla! - Open Source Content Management"><title>{esc(title)}</title></head>'
            f'<body class="site com_content"><div class="header"><h1 class="site-title">{a.full}</h1></div>'
            f'<div class="navigation">{menu}</div><main id="content"><div class="item-page">{body}</div></main>'
            f"<footer>{esc(a.address)}</footer></body></html>"
        )

    images(site, a, "/images")
    _publish_all(
        site,
        a,
        ev,
        layout,
        "/index.php?option=com_rsform&view=rsform&formId=3",
        "/index.php?option=com_kunena&view=category&catid=0",
    )
    site.page(
        ita,
        layout(
            "ITA 2569", "<h2>การเปิดเผยข้อมูลสาธารณะ ITA ประจำปี 2569</h2>" + _ita_table(ev, lambda k: k.replace("O", "o"))
        ),
    )
    site.page(news_cat, layout("ข่าวประชาสัมพันธ์", _news_list(ev)))
    site.page("/index.php", layout("หน้าหลัก", _news_list(ev)))
    site.page("/", layout("หน้าหลัก", _news_list(ev)))
    robots(site)
    return a


# ----- 5. legacy TIS-620 site with frames ---------------------------------------------------------------


def legacy_frames(site: Site) -> Agency:
    a = make_agency("legacy_frames", "abt", "ท่าช้างเผือก", "ดอนเจดีย์", "สุพรรณบุรี", "72170", 55, "thachangphueak.go.th")
    ev = standard(
        a,
        {
            "old_news": True,
            "no_ref_price": True,
            "no_online_complaint": True,
            "no_analysis": True,
            "absent": ["O10", "O23"],
        },
    )
    for i, code in enumerate(ORDER):
        if code in ev:
            e = ev[code]
            e.page = f"/data/ita/o{i + 1:02d}.htm"
            e.urls = {
                s: f"/download/{s}.pdf" if f != "html" else f"/data/news/n{i}{k}.htm"
                for k, (s, _, f) in enumerate(e.docs)
            }
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-874">'

    def layout(title: str, body: str, with_meta: bool = True) -> str:
        return (
            f"<html><head>{meta if with_meta else ''}<title>{esc(title)}</title></head>"
            f'<body bgcolor="#FFFFEE"><font face="MS Sans Serif">{body}</font></body></html>'
        )

    # The server sends no charset; half the pages declare windows-874 in a meta tag, the others nothing.
    site.charset, site.header_charset = "cp874", False
    page = site.page
    alternate = {"n": 0}

    def layout_alt(title: str, body: str) -> str:
        alternate["n"] += 1
        return layout(title, body, with_meta=alternate["n"] % 2 == 0)

    images(site, a, "/images")
    for e in ev.values():
        publish(site, a, e, layout_alt)
    if "O3" in ev:
        page("/webboard", layout("กระดานถาม-ตอบ", to_html(c.webboard(a))))
    links = "".join(f'<a href="{ev[k].page}" target="main">{esc(ev[k].label)}</a><br>' for k in ORDER if k in ev)
    page(
        "/menu.htm",
        layout(
            "เมนู",
            f'<b>เมนูหลัก</b><br><a href="main.htm" target="main">หน้าแรก</a><br>'
            f'<a href="/data/ita/index.htm" target="main">ITA 2569</a><br>{links}',
        ),
    )
    page("/main.htm", layout("หน้าแรก", f"<h2>ยินดีต้อนรับสู่เว็บไซต์{a.full}</h2><p>{esc(a.address)}</p>", with_meta=False))
    page("/data/ita/index.htm", layout("ITA 2569", "<h3>ข้อมูลการประเมิน ITA ปี 2569</h3>" + _ita_table(ev)))
    page(
        "/",
        f'<html><head>{meta}<title>{a.full}</title></head><frameset cols="210,*" border="0">'
        '<frame src="menu.htm" name="menu"><frame src="main.htm" name="main"><noframes><body>'
        "เบราว์เซอร์ของท่านไม่รองรับเฟรม</body></noframes></frameset></html>",
    )
    robots(site)
    return a


# ----- 6. main menu written by an external script -------------------------------------------------------


def js_external(site: Site) -> Agency:
    a = make_agency("js_external", "tambon", "หนองแวงใหญ่", "โกสุมพิสัย", "มหาสารคาม", "44140", 66, "nongwaengyai.go.th")
    ev = standard(a, {"no_nogift_activity": True, "dead_O8": True, "stats_months": 3, "absent": ["O14"]})
    for i, code in enumerate(ORDER):
        if code in ev:
            e = ev[code]
            e.page = f"/content/{100 + i}-{code.lower()}.html"
            e.urls = {
                s: f"/files/2569/{s}.pdf" if f != "html" else f"/content/news/{200 + i * 10 + k}.html"
                for k, (s, _, f) in enumerate(e.docs)
            }
    tree = [
        ("หน้าหลัก", "/"),
        ("ข้อมูลพื้นฐาน", [(ev[k].label, ev[k].page) for k in ("O1", "O2") if k in ev]),
        ("แผนงานและรายงาน", [(ev[k].label, ev[k].page) for k in ("O5", "O6", "O7") if k in ev]),
        ("บริการประชาชน", [(ev[k].label, ev[k].page) for k in ("O8", "O9", "O10") if k in ev]),
        ("จัดซื้อจัดจ้าง", [(ev[k].label, ev[k].page) for k in ("O11", "O12") if k in ev]),
        ("ITA 2569", "/content/ita-2569.html"),
        ("ต่อต้านทุจริต", [(ev[k].label, ev[k].page) for k in ORDER[12:] if k in ev]),
    ]
    js = (
        "// main menu\n(function(){\n  var items = " + json.dumps(tree, ensure_ascii=False) + ";\n"
        "  var nav = document.getElementById('mainmenu');\n  var html = '<ul class=\"menu\">';\n"
        "  items.forEach(function(it){\n    if (typeof it[1] === 'string') { html += '<li><a href=\"' + it[1] + '\">' + it[0] + '</a></li>'; return; }\n"
        "    html += '<li class=\"has-sub\"><a href=\"#\">' + it[0] + '</a><ul>';\n"
        "    it[1].forEach(function(s){ html += '<li><a href=\"' + s[1] + '\">' + s[0] + '</a></li>'; });\n"
        "    html += '</ul></li>';\n  });\n  nav.innerHTML = html + '</ul>';\n})();\n"
    )
    site.add("/js/menu.js", js, "application/javascript")

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            '<link rel="stylesheet" href="/css/style.css"></head><body><div class="top">'
            f'<span class="brand">{a.full}</span></div><nav id="mainmenu"></nav>'
            "<noscript>กรุณาเปิดใช้งาน JavaScript เพื่อแสดงเมนูของเว็บไซต์</noscript>"
            f'<div class="wrap">{body}</div><div class="foot"><a href="/">หน้าหลัก</a> | '
            f'<a href="{ev["O3"].page}">ติดต่อเรา</a> | <a href="/content/news.html">ข่าวประชาสัมพันธ์</a></div>'
            '<script src="/js/menu.js"></script></body></html>'
        )

    images(site, a)
    site.add("/css/style.css", "nav ul{list-style:none}", "text/css")
    _publish_all(site, a, ev, layout, "/eservice/form.php")
    site.page("/content/ita-2569.html", layout("ITA 2569", "<h1>ITA 2569</h1>" + _ita_table(ev)))
    site.page("/content/news.html", layout("ข่าวประชาสัมพันธ์", _news_list(ev)))
    site.page("/", layout("หน้าหลัก", "<h1>ยินดีต้อนรับ</h1><p>เทศบาลน่าอยู่ ประชาชนมีความสุข</p>"))
    robots(site)
    return a


# ----- 7. menu from a JSON file and a jQuery .load() sidebar -------------------------------------------


def js_json(site: Site) -> Agency:
    a = make_agency("js_json", "abt", "ศรีบัวบาน", "เมืองลำพูน", "ลำพูน", "51000", 77, "sribuaban.go.th", thai_digits=True)
    ev = standard(a, {"report_no_dates": True, "plan_span": (2561, 2565), "qa": "email", "absent": ["O21"]})
    for i, code in enumerate(ORDER):
        if code in ev:
            e = ev[code]
            e.page = f"/site/page/{31 + i}"
            e.urls = {
                s: f"/site/attachments/{s}.pdf" if f != "html" else f"/site/news/{500 + i * 10 + k}"
                for k, (s, _, f) in enumerate(e.docs)
            }
    main_keys = ["O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "O9", "O10", "O11", "O12", "O13", "O14"]
    menu = {
        "menu": [{"title": "หน้าแรก", "url": "/"}]
        + [{"title": ev[k].label, "url": ev[k].page} for k in main_keys if k in ev]
    }
    site.add("/api/menu.json", json.dumps(menu, ensure_ascii=False), "application/json")
    side = (
        '<div class="box"><h4>ITA 2569</h4><ul><li><a href="/site/ita">การประเมินคุณธรรมและความโปร่งใส ITA 2569</a></li>'
        + "".join(f'<li><a href="{ev[k].page}">{esc(ev[k].label)}</a></li>' for k in ORDER[14:] if k in ev)
        + "</ul></div>"
    )
    site.add("/inc/sidebar.html", side)
    site.add(
        "/assets/js/jquery.min.js",
        Path("/usr/share/javascript/jquery/jquery.min.js").read_bytes(),
        "application/javascript",
    )
    script = (
        '<script src="/assets/js/jquery.min.js"></script><script>\n'
        "fetch('/api/menu.json').then(function(r){return r.json();}).then(function(d){\n"
        "  var ul = document.getElementById('topmenu');\n"
        "  d.menu.forEach(function(m){ var li = document.createElement('li'); var a = document.createElement('a');\n"
        "    a.href = m.url; a.textContent = m.title; li.appendChild(a); ul.appendChild(li); });\n});\n"
        "$(function(){ $('#sidebar').load('/inc/sidebar.html'); });\n</script>"
    )

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)} :: {a.short}</title></head><body>'
            f'<header><h1>{a.full}</h1><ul id="topmenu" class="menu"></ul></header>'
            f'<div class="row"><aside id="sidebar"></aside><section class="main">{body}</section></div>'
            f"<footer>{esc(a.address)}</footer>{script}</body></html>"
        )

    images(site, a)
    _publish_all(site, a, ev, layout, "/site/eservice/request")
    site.page("/site/ita", layout("ITA 2569", "<h2>ITA 2569</h2>" + _ita_table(ev, lambda k: "O" + a.n(k[1:]))))
    site.page("/", layout("หน้าแรก", "<h2>ข่าวล่าสุด</h2>" + _news_list(ev)))
    robots(site)
    return a


# ----- 8. Google Sites ----------------------------------------------------------------------------------

GS_SLUGS = {"O1": "โครงสร้างและอำนาจหน้าที่", "O2": "ผู้บริหาร", "O3": "ติดต่อเรา", "O4": "ข่าวประชาสัมพันธ์"}


def gsites(site: Site) -> Agency:
    a = make_agency("gsites", "tambon", "นาดีวัฒนา", "นาดี", "ปราจีนบุรี", "25220", 88, "nadeewatthana.go.th")
    ev = standard(a, {"no_photo": True, "ac_plan_year": 2568, "report_no_budget": True, "absent": ["O26"]})
    base = "/view/nadeewatthana"
    drive = {"O22": "1qA7mZx0RkP2bVnT4cLs9HdE3fGyW8uJi", "O24": "1Zt5kLp8XnQ3wYr6VbMs2CdF9gHjA0eTo"}
    for code in ORDER:
        if code in ev:
            e = ev[code]
            e.page = f"{base}/ita-2569/{code.lower()}-" + GS_SLUGS.get(code, ITA_TITLES[code].replace(" ", "-"))
            # Google Sites cannot hold files: documents are sub-pages, and two items only embed a Drive file.
            e.urls = {s: f"{e.page}/{s}" for s, _, _ in e.docs}
            if code in drive:
                e.docs = []
                e.inline = [
                    Doc(ITA_TITLES[code], c.D(2025, 10, 20)).raw(
                        f'<iframe src="https://drive.google.com/file/d/{drive[code]}/preview" width="640" height="480"></iframe>'
                        f'<p><a href="https://drive.google.com/file/d/{drive[code]}/view?usp=sharing">เปิดเอกสาร</a></p>'
                    )
                ]
            else:
                e.docs = [(s, d, "html" if f != "dead" else f) for s, d, f in e.docs]
    nav = (
        '<nav class="gs-nav"><ul>'
        f'<li><a href="{base}/หน้าแรก">หน้าแรก</a></li>'
        f'<li><a href="{base}/ita-2569">ITA 2569</a><ul>'
        + "".join(f'<li><a href="{ev[k].page}">{k} {esc(ev[k].label)}</a></li>' for k in ORDER if k in ev)
        + "</ul></li></ul></nav>"
    )

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="th" itemscope itemtype="http://schema.org/WebPage"><head><meta charset="utf-8">'
            f'<meta property="og:site_name" content="{a.full}"><title>{a.full} - {esc(title)}</title></head><body>'
            f'<div class="gs-header"><span>{a.full}</span></div>{nav}<div role="main" class="gs-main">{body}</div>'
            '<div class="gs-footer">Google Sites · รายงานการละเมิด</div></body></html>'
        )

    images(site, a)
    _publish_all(
        site, a, ev, layout, "https://docs.google.com/forms/d/e/1FAIpQLSd-nadee/viewform", f"{base}/กระดานถามตอบ"
    )
    site.page(f"{base}/ita-2569", layout("ITA 2569", "<h1>ITA 2569</h1>" + _ita_table(ev)))
    site.page(f"{base}/หน้าแรก", layout("หน้าแรก", f"<h1>{a.full}</h1>" + _news_list(ev)))
    site.add("/", f'<html><head><meta http-equiv="refresh" content="0; url={base}/หน้าแรก"></head></html>')
    robots(site)
    return a


# ----- 9. no ITA index: evidence only through the agency's own menus -----------------------------------


def no_index(site: Site) -> Agency:
    a = make_agency("no_index", "abt", "บ้านโพธิ์ทอง", "ลำปลายมาศ", "บุรีรัมย์", "31130", 99, "banphothong.go.th")
    ev = standard(
        a, {"nogift_signer": "none", "no_improvement": True, "eservice": "no_guide", "absent": ["O22", "O24"]}
    )
    for i, code in enumerate(ORDER):
        if code in ev:
            e = ev[code]
            e.page = f"/index.php?url=content/view/{12 + i}"
            e.urls = {
                s: f"/uploads/doc/{s}.pdf" if f != "html" else f"/index.php?url=news/view/{80 + i * 10 + k}"
                for k, (s, _, f) in enumerate(e.docs)
            }
    # One menu entry may hold two items, under the agency's own words.
    ev["O14"].page = ev["O13"].page
    ev["O12"].page = ev["O11"].page
    words = {
        "O1": "โครงสร้างองค์กร",
        "O2": "ทำเนียบผู้บริหาร",
        "O3": "ติดต่อ อบต.",
        "O4": "ข่าวกิจกรรม",
        "O5": "แผนพัฒนาท้องถิ่น",
        "O6": "แผนดำเนินงานประจำปี",
        "O7": "ผลการดำเนินงาน",
        "O8": "มาตรฐานการปฏิบัติงาน",
        "O9": "คู่มือประชาชน",
        "O10": "บริการออนไลน์",
        "O11": "สรุปผลการจัดซื้อจัดจ้าง",
        "O13": "งานการเจ้าหน้าที่",
        "O15": "จริยธรรม",
        "O16": "การจัดการเรื่องร้องเรียนการทุจริต",
        "O17": "แจ้งเบาะแสทุจริต",
        "O18": "สถิติเรื่องร้องเรียน",
        "O19": "ประชาคมและการมีส่วนร่วม",
        "O20": "No Gift Policy",
        "O21": "ความเสี่ยงการทุจริต",
        "O23": "แผนป้องกันการทุจริต",
        "O25": "มาตรการภายใน",
        "O26": "ผลการดำเนินการตามมาตรการ",
    }
    for k, w in words.items():
        ev[k].label = w
    menu = "<ul class='menu'>" + "".join(f'<li><a href="{ev[k].page}">{w}</a></li>' for k, w in words.items()) + "</ul>"

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head><body>'
            f'<div id="head">{a.full}</div><div id="left">{menu}</div><div id="body">{body}</div></body></html>'
        )

    images(site, a, "/uploads/img")
    merged = {"O13": "O14", "O11": "O12"}
    for k, e in ev.items():
        if k in merged.values():
            continue
        if k in merged:  # one page, the documents of both items
            other = ev[merged[k]]
            both = Ev(k, e.label, e.docs + other.docs, e.inline + other.inline, e.page, {**e.urls, **other.urls})
            publish(site, a, both, layout)
        else:
            publish(site, a, e, layout, form_url="/index.php?url=eservice/request")
    extras(site, a, layout, ev, "/index.php?url=eservice/request", "/index.php?url=webboard")
    site.page("/", layout("หน้าแรก", "<h1>ยินดีต้อนรับ</h1>" + _news_list(ev)))
    robots(site)
    return a


# ----- 10. the ITA index is a clickable picture (image map) ---------------------------------------------


def imagemap(site: Site) -> Agency:
    from PIL import Image, ImageDraw

    a = make_agency("imagemap", "abt", "เขาหินซ้อน", "จอมบึง", "ราชบุรี", "70150", 101, "khaohinson.go.th")
    ev = standard(a, {"nogift_year": 2568, "stats_months": 4, "dead_O15": True, "absent": ["O16"]})
    for i, code in enumerate(ORDER):
        if code in ev:
            e = ev[code]
            e.page = f"/ita/{code.lower()}.php"
            e.urls = {
                s: f"/ita/file/{s}.pdf" if f != "html" else f"/news/detail.php?id={300 + i * 10 + k}"
                for k, (s, _, f) in enumerate(e.docs)
            }

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}</title></head><body>'
            f'<table width="100%"><tr><td>{a.full}</td></tr><tr><td><a href="/">หน้าแรก</a> | '
            '<a href="/ita/">ITA 2569</a> | <a href="/news/">ข่าวสาร</a></td></tr></table>'
            f"<div>{body}</div></body></html>"
        )

    img = Image.new("RGB", (780, 560), (250, 245, 230))
    dr = ImageDraw.Draw(img)
    areas = []
    for n, code in enumerate(ORDER):
        x, y = 10 + (n % 4) * 192, 10 + (n // 4) * 78
        dr.rectangle((x, y, x + 182, y + 68), outline=(120, 60, 20), width=2)
        if code in ev:
            areas.append(
                f'<area shape="rect" coords="{x},{y},{x + 182},{y + 68}" href="{ev[code].page}" '
                f'alt="{code} {esc(ITA_TITLES[code])}">'
            )
    import io as _io

    buf = _io.BytesIO()
    img.save(buf, "PNG")
    site.add("/ita/images/ita2569-infographic.png", buf.getvalue(), "image/png")
    images(site, a)
    _publish_all(site, a, ev, layout, "/eservice/request.php")
    site.page(
        "/ita/",
        layout(
            "ITA 2569",
            '<h2>ITA 2569</h2><img src="/ita/images/ita2569-infographic.png" usemap="#ita" '
            'alt="ITA 2569" width="780" height="560"><map name="ita">' + "".join(areas) + "</map>",
        ),
    )
    site.page("/news/", layout("ข่าวสาร", _news_list(ev)))
    site.page(
        "/",
        layout(
            "หน้าแรก",
            '<p><a href="/ita/"><img src="/ita/images/ita2569-infographic.png" alt=""></a></p>' + _news_list(ev),
        ),
    )
    robots(site)
    return a


SITES: dict[str, Callable[[Site], Agency]] = {
    "cms_public": cms_public,
    "wp_plain": wp_plain,
    "wp_pretty": wp_pretty,
    "joomla": joomla,
    "legacy_frames": legacy_frames,
    "js_external": js_external,
    "js_json": js_json,
    "gsites": gsites,
    "no_index": no_index,
    "imagemap": imagemap,
}


def generate(name: str, root: Path) -> Path:
    """Write one site into root/<name> (wiped first); returns the directory."""
    out = root / name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    site = Site(name, out)
    SITES[name](site)
    site.finish()
    return out
