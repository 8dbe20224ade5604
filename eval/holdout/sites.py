"""The held-out sites: four fictional Thai municipal sites written like real messy ones, never tuned to the
checker (eval/README.md, "Held-out set"). Each function writes one site and returns its agency."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from eval.zoo import content as zc
from eval.zoo.agency import Agency, make_agency
from eval.zoo.builder import Site
from eval.zoo.common import Ev, esc, images, robots, standard
from eval.zoo.doc import Doc, to_html, to_pdf

from . import content as hc

ORDER = [f"O{i}" for i in range(1, 27)]
PLANTED: dict[str, dict[str, Ev]] = {}  # site -> its evidence with URLs (to list URLs when writing truth by hand)
Layout = Callable[[str, str], str]


def write_docs(site: Site, a: Agency, e: Ev, layout: Layout) -> None:
    """Publish the documents of one item at the URLs the site gave them."""
    for slug, doc, fmt in e.docs:
        url = e.urls[slug]
        if fmt == "pdf":
            site.pdf(url, to_pdf(doc, a.full))
        elif fmt == "scan":
            site.pdf(url, hc.scanned_pdf(doc))
        elif fmt == "dead":
            site.dead(url)
        else:
            site.page(url, layout(doc.title, to_html(doc)))


def inline_html(e: Ev) -> str:
    return "\n".join(to_html(d, "h2") for d in e.inline)


def doc_list(e: Ev, label: Callable[[Doc], str] | None = None) -> str:
    return (
        "<ul>"
        + "".join(
            f'<li><a href="{esc(e.urls[s])}">{esc(label(d) if label else d.title)}</a></li>' for s, d, _ in e.docs
        )
        + "</ul>"
    )


def reword(
    a: Agency,
    ev: dict[str, Ev],
    qa: str,
    qa_url: str,
    form_url: str,
    google: bool = False,
    eservice_stats: bool = True,
    complaint_action: str = "/complaint/send",
    photo: bool = True,
) -> None:
    """The pages an agency writes in its own words, replacing the zoo's wordings."""
    if "O2" in ev:
        ev["O2"].inline = [hc.exec_table(a, photo=photo)]
    if "O3" in ev:
        ev["O3"].inline = [hc.contact_page(a, qa, qa_url)]
    if "O4" in ev:
        ev["O4"].docs = [(f"news-{i + 1}", hc.news(a, i), "html") for i in range(len(hc.NEWS))]
    if "O10" in ev:
        ev["O10"].inline = [hc.eservice_page(a, form_url, google=google, stats=eservice_stats)]
    if "O17" in ev:
        ev["O17"].inline = [hc.complaint_channel(a, complaint_action)]


def webboard_pages(site: Site, a: Agency, layout: Layout, base: str, topic: Callable[[int], str]) -> None:
    """A real web board: topic list, topics with replies from the agency, a form to post a question."""
    topics = [
        (
            12,
            "สอบถามเรื่องการขออนุญาตก่อสร้างอาคาร",
            "ชาวบ้านชุมชน 3",
            "ต้องติดต่อกองช่าง เตรียมแบบแปลนและสำเนาโฉนด",
            "15 ม.ค. 2569",
        ),
        (15, "ไฟกิ่งหน้าบ้านดับหลายวันแล้วครับ", "นายเอ", "รับเรื่องแล้ว ช่างไฟฟ้าจะเข้าซ่อมภายในวันพฤหัสบดีนี้", "3 ก.พ. 2569"),
        (19, "เบี้ยยังชีพผู้สูงอายุเข้าบัญชีวันไหนคะ", "ลูกหลาน", "โอนเข้าบัญชีภายในวันที่ 10 ของทุกเดือนค่ะ", "9 มี.ค. 2569"),
    ]
    rows = "".join(
        f'<tr><td><a href="{topic(i)}">{esc(t)}</a></td><td>{esc(w)}</td><td>1</td><td>{d}</td></tr>'
        for i, t, w, _, d in topics
    )
    site.page(
        base,
        layout(
            "กระดานถาม-ตอบ",
            f'<h1>เว็บบอร์ด ถาม-ตอบ {a.short}</h1><p><a href="{base}?act=new">+ ตั้งกระทู้ใหม่</a></p>'
            f'<table border="1"><tr><th>หัวข้อ</th><th>ผู้ตั้ง</th><th>ตอบ</th><th>วันที่</th></tr>{rows}</table>',
        ),
    )
    site.page(
        f"{base}?act=new",
        layout(
            "ตั้งกระทู้ใหม่",
            f'<h1>ตั้งกระทู้ใหม่</h1><form method="post" action="{base}?act=save"><p>หัวข้อ <input name="title"></p>'
            '<p>ข้อความ <textarea name="detail"></textarea></p><p>ชื่อผู้ตั้ง <input name="poster"></p>'
            '<p><input type="submit" value="ส่งกระทู้"></p></form>',
        ),
    )
    for i, t, w, ans, d in topics:
        site.page(
            topic(i),
            layout(
                t,
                f"<h1>{esc(t)}</h1><div class='q'>โดย {esc(w)} เมื่อ {d}</div>"
                f"<div class='reply'><b>ตอบโดย: แอดมิน {a.short}</b><p>{esc(ans)}</p></div>"
                f'<form method="post" action="{base}?act=reply&id={i}"><textarea name="reply"></textarea>'
                "<button>ตอบกระทู้</button></form>",
            ),
        )


# ----- 1. เทศบาลเมือง on a custom PHP CMS ---------------------------------------------------------------


def _big_code(n: int) -> str:
    """The index's codes as typed by hand: O.1, o-2, ข้อ 3, O4, O.5 ..."""
    return [f"O.{n}", f"o-{n}", f"ข้อ {n}", f"O{n}"][(n - 1) % 4]


BIG_TITLES = {
    "O1": "โครงสร้างหน่วยงาน",
    "O2": "ข้อมูลผู้บริหาร",
    "O3": "ข้อมูลการติดต่อ / ช่องทางถาม-ตอบ",
    "O4": "ข่าวประชาสัมพันธ์",
    "O5": "แผนพัฒนาท้องถิ่น",
    "O6": "แผนการดำเนินงานประจำปี 2569",
    "O7": "รายงานผลการดำเนินงานประจำปี",
    "O8": "คู่มือการปฏิบัติงานของเจ้าหน้าที่",
    "O9": "คู่มือสำหรับประชาชน",
    "O10": "E-Service",
    "O11": "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
    "O12": "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี",
    "O13": "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "O14": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
    "O15": "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "O16": "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต",
    "O17": "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
    "O18": "สถิติเรื่องร้องเรียนการทุจริต",
    "O19": "การเปิดโอกาสให้มีส่วนร่วม",
    "O20": "No Gift Policy",
    "O21": "การประเมินความเสี่ยงการทุจริต",
    "O22": "รายงานผลการจัดการความเสี่ยงการทุจริต",
    "O23": "แผนปฏิบัติการป้องกันการทุจริต",
    "O24": "รายงานผลการดำเนินการป้องกันการทุจริต",
    "O25": "การนำผลการประเมิน ITA ไปพัฒนาองค์กร",
    "O26": "รายงานผลการส่งเสริมคุณธรรมและความโปร่งใส",
}


def h_tessaban_big(site: Site) -> Agency:
    a = make_agency(
        "h_tessaban_big", "muang", "ท่าข้าม", "พุนพิน", "สุราษฎร์ธานี", "84130", 201, "thakhamcity.go.th", thai_digits=True
    )
    site.charset, site.header_charset = "cp874", False
    ev = standard(a, {"no_ref_price": True, "dead_O21": True, "integrity_year": 2567, "absent": ["O22"]})
    reword(a, ev, "webboard", "index.php?name=webboard&file=board", "index.php?name=eservice&file=request", photo=False)
    ev["O8"].docs = [("scan-manual", d, "scan") for _, d, _ in ev["O8"].docs]
    for i, code in enumerate(ORDER):
        if code not in ev:
            continue
        e = ev[code]
        e.page = "/main.php?m=news&cat=1" if code == "O4" else f"/index.php?name=page&file=page&op={17 + i}"
        e.urls = {}
        for k, (s, _d, f) in enumerate(e.docs):
            if f == "html":
                e.urls[s] = f"/main.php?m=news&id={5521 + i * 9 + k}"
            else:
                e.urls[s] = f"/fileupload/ita2569/{hashlib.md5(s.encode()).hexdigest()[:10]}.pdf"
    ita = "/index.php?name=ita&file=oit2569"

    def left_menu() -> str:
        groups = [
            (
                "ข้อมูลเทศบาล",
                [
                    ("ประวัติความเป็นมา", "index.php?name=page&file=page&op=1"),
                    ("วิสัยทัศน์/พันธกิจ", "index.php?name=page&file=page&op=2"),
                    ("โครงสร้างส่วนราชการ", ev["O1"].page),
                    ("คณะผู้บริหาร", ev["O2"].page),
                    ("สมาชิกสภาเทศบาล", "index.php?name=page&file=page&op=5"),
                ],
            ),
            (
                "แผนงาน/งบประมาณ",
                [("แผนพัฒนาท้องถิ่น", ev["O5"].page), ("แผนการดำเนินงาน", ev["O6"].page), ("ผลการดำเนินงาน", ev["O7"].page)],
            ),
            (
                "บริการประชาชน",
                [("คู่มือประชาชน", ev["O9"].page), ("E-Service", ev["O10"].page), ("ติดต่อเทศบาล", ev["O3"].page)],
            ),
            ("ITA", [("การเปิดเผยข้อมูลสาธารณะ (OIT)", ita)]),
        ]
        rows = []
        for g, links in groups:
            rows.append(f'<tr><td class="menuhead" bgcolor="#1e5aa8"><font color="white"><b>{g}</b></font></td></tr>')
            rows += [f'<tr><td class="menu">&raquo; <a href="{h.lstrip("/")}">{t}</a></td></tr>' for t, h in links]
        rows.append(
            '<tr><td class="menu">&raquo; <a href="#" onclick="window.open(\'http://mail.thakhamcity.go.th\','
            "'_blank');return false;\">เช็คอีเมล์</a></td></tr>"
        )
        rows.append(
            '<tr><td class="menu">&raquo; <a href="javascript:void(0)" onclick="window.open(\'index.php?'
            "name=gallery&file=list')\">ภาพกิจกรรม</a></td></tr>"
        )
        rows.append(
            '<tr><td><button type="button" onclick="location.href=\'index.php?name=page&file=page&op=9\'">'
            "ดาวน์โหลดแบบฟอร์ม</button></td></tr>"
        )
        rows.append(
            '<tr><td><select name="weblink" onchange="if(this.value!=\'\')window.open(this.value)">'
            '<option value="">--- เว็บลิงก์ ---</option><option value="https://www.nacc.go.th">สำนักงาน ป.ป.ช.</option>'
            '<option value="https://www.dla.go.th">กรมส่งเสริมการปกครองท้องถิ่น</option>'
            '<option value="https://www.gprocurement.go.th">ระบบจัดซื้อจัดจ้างภาครัฐ</option>'
            '<option value="https://itas.nacc.go.th">ITAS</option></select></td></tr>'
        )
        return '<table width="200" cellpadding="3" class="leftmenu">' + "".join(rows) + "</table>"

    menu = left_menu()
    news_links = "".join(
        f'<a href="{ev["O4"].urls[s].lstrip("/")}">{esc(d.title)}</a> &nbsp;|&nbsp; ' for s, d, _ in ev["O4"].docs
    )

    def layout(title: str, body: str) -> str:
        return (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
            f"<title>{esc(title)} :: {a.full}</title></head><body bgcolor='#eef3fb' topmargin=0>"
            f'<table width="1000" align="center" bgcolor="white"><tr><td colspan="2"><img src="/images/head_2569.jpg" '
            f'alt="{a.full}" width="1000"></td></tr>'
            f'<tr><td colspan="2" bgcolor="#ffd"><marquee scrollamount="3">{news_links}</marquee></td></tr>'
            f'<tr><td valign="top" width="200">{menu}</td><td valign="top">{body}</td></tr>'
            f'<tr><td colspan="2" align="center"><font size="2">{esc(a.address)} โทร {a.phone}<br>'
            "Copyright 2012 All rights reserved. Powered by PHP-Nuke Thai</font></td></tr></table></body></html>"
        )

    images(site, a)
    site.add("/images/head_2569.jpg", b"\xff\xd8\xff\xe0", "image/jpeg")
    for e in ev.values():
        write_docs(site, a, e, layout)
        if e.code == "O4":
            body = (
                "<h1>ข่าวประชาสัมพันธ์</h1><table>"
                + "".join(
                    f'<tr><td>{zc._d(a, d.date)}</td><td><a href="{e.urls[s]}">{esc(d.title)}</a></td></tr>'
                    for s, d, _ in e.docs
                )
                + "</table>"
            )
        else:
            body = f"<h1>{esc(e.label)}</h1>" + inline_html(e)
            if e.docs:
                body += "<p>เอกสารที่เกี่ยวข้อง</p>" + doc_list(e)
        site.page(e.page, layout(e.label, body))
    webboard_pages(
        site, a, layout, "/index.php?name=webboard&file=board", lambda i: f"/index.php?name=webboard&file=read&id={i}"
    )
    site.page(
        "/index.php?name=eservice&file=request",
        layout("ยื่นคำร้องออนไลน์", hc.local_form("index.php?name=eservice&file=save")),
    )
    rows = []
    for n, code in enumerate(ORDER, 1):
        title = esc(BIG_TITLES[code])
        cell = f'<a href="{ev[code].page.lstrip("/")}">{title}</a>' if code in ev else f"{title} (อยู่ระหว่างดำเนินการ)"
        rows.append(f'<tr><td align="center">{_big_code(n)}</td><td>{cell}</td></tr>')
    site.page(
        ita,
        layout(
            "OIT 2569",
            "<h2>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปี 2569</h2>"
            '<table border="1" cellpadding="4"><tr><th>ข้อ</th><th>รายการ</th></tr>' + "".join(rows) + "</table>",
        ),
    )
    for op, t in [(1, "ประวัติความเป็นมา"), (2, "วิสัยทัศน์/พันธกิจ"), (5, "สมาชิกสภาเทศบาล"), (9, "แบบฟอร์มต่างๆ")]:
        site.page(f"/index.php?name=page&file=page&op={op}", layout(t, f"<h1>{t}</h1><p>อยู่ระหว่างปรับปรุงข้อมูล</p>"))
    site.page("/index.php?name=gallery&file=list", layout("ภาพกิจกรรม", "<h1>ภาพกิจกรรม</h1>"))
    banners = (
        f'<p><a href="{ita.lstrip("/")}"><img src="/images/banner/ita2569.gif" alt="ITA 2569 การประเมินคุณธรรมและ'
        'ความโปร่งใส" border="0"></a> <a href="https://itas.nacc.go.th" target="_blank"><img src="/images/banner/itas.png" '
        f'alt="ITAS" border="0"></a> <a href="{ev["O20"].page.lstrip("/")}"><img src="/images/banner/nogift.jpg" '
        'alt="No Gift Policy" border="0"></a></p>'
    )
    home = (
        banners
        + "<h3>ข่าวประชาสัมพันธ์</h3><ul>"
        + "".join(f'<li><a href="{ev["O4"].urls[s].lstrip("/")}">{esc(d.title)}</a></li>' for s, d, _ in ev["O4"].docs)
        + '</ul><p><a href="main.php?m=news&cat=1">อ่านข่าวทั้งหมด</a></p>'
    )
    site.page("/", layout("หน้าหลัก", home))
    site.page("/index.php", layout("หน้าหลัก", home))
    robots(site)
    PLANTED[site.name] = ev
    return a


# ----- 2. a small อบต. on a Wix-like builder: one long ITA page of accordions ---------------------------------

OFFICIAL = {
    "O1": "โครงสร้างและอำนาจหน้าที่",
    "O2": "ข้อมูลผู้บริหาร",
    "O3": "ข้อมูลการติดต่อและช่องทางการสอบถาม",
    "O4": "ข่าวประชาสัมพันธ์",
    "O5": "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "O6": "แผนการดำเนินงานและการใช้งบประมาณประจำปี",
    "O7": "รายงานผลการดำเนินงานประจำปี",
    "O8": "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
    "O9": "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ",
    "O10": "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
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
    "O21": "การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ",
    "O22": "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต",
    "O23": "แผนปฏิบัติการป้องกันการทุจริต",
    "O24": "รายงานผลการดำเนินการป้องกันการทุจริต",
    "O25": "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "O26": "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
}
GROUPS = [
    ("9.1 ข้อมูลพื้นฐาน", ORDER[0:4]),
    ("9.2 การบริหารงาน", ORDER[4:10]),
    ("9.3 การจัดซื้อจัดจ้าง", ORDER[10:12]),
    ("9.4 การบริหารและพัฒนาทรัพยากรบุคคล", ORDER[12:15]),
    ("9.5 การจัดการเรื่องร้องเรียน/การมีส่วนร่วม", ORDER[15:19]),
    ("10.1 การป้องกันการทุจริต", ORDER[19:24]),
    ("10.2 มาตรการภายใน", ORDER[24:26]),
]


def h_abt_wix_like(site: Site) -> Agency:
    a = make_agency("h_abt_wix_like", "abt", "ดอนตะโก", "เมืองราชบุรี", "ราชบุรี", "70000", 202, "dontako.go.th")
    ev = standard(
        a,
        {"skr_months": [m for m in zc.FY_MONTHS if m != (2026, 1)], "nogift_signer": "none", "absent": ["O14", "O24"]},
    )
    reword(a, ev, "phone", "", "/e-service-form", complaint_action="/_api/forms/submit")
    ev["O7"].docs = [("annual-report-2568", zc.annual_report(a, problems=False), "pdf")]
    pages = {
        "O1": "/about-us",
        "O2": "/team",
        "O3": "/contact",
        "O4": "/news",
        "O10": "/e-service",
        "O16": "/blank-4",
        "O17": "/blank-5",
        "O18": "/blank-6",
    }
    for code, e in ev.items():
        e.page = pages.get(code, "/ita-2569")
        e.urls = {
            s: f"/post/{s}" if f == "html" else f"/_files/ugd/5c2e1a_{hashlib.md5(s.encode()).hexdigest()}.pdf"
            for s, _, f in e.docs
        }
    nav = "".join(
        f'<li class="wixui-dropdown-menu__item"><a data-testid="linkElement" href="{h}"><p>{t}</p></a></li>'
        for t, h in [
            ("หน้าแรก", "/"),
            ("เกี่ยวกับเรา", "/about-us"),
            ("ผู้บริหาร", "/team"),
            ("ข่าวสาร", "/news"),
            ("ITA 2569", "/ita-2569"),
            ("บริการออนไลน์", "/e-service"),
            ("ติดต่อเรา", "/contact"),
        ]
    )

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{esc(title)} | {a.short}</title>'
            '<meta name="generator" content="Wix.com Website Builder"></head><body><div id="SITE_CONTAINER">'
            f'<header id="SITE_HEADER"><div class="font_0">{a.full}</div><nav aria-label="เว็บไซต์"><ul>{nav}</ul></nav>'
            f'</header><main id="PAGES_CONTAINER"><section class="wixui-section">{body}</section></main>'
            f'<footer id="SITE_FOOTER"><p class="font_9">{esc(a.address)}</p><p class="font_9">© 2025 by {a.short}. '
            "Proudly created with Wix.com</p></footer></div></body></html>"
        )

    images(site, a)
    for code, e in ev.items():
        write_docs(site, a, e, layout)
        if e.page != "/ita-2569":
            body = inline_html(e) if e.inline else f"<h1>{esc(e.label)}</h1>"
            if code == "O4":
                body += "".join(
                    f'<article class="blog-post"><h2><a href="{e.urls[s]}">{esc(d.title)}</a></h2>'
                    f'<span class="post-date">{zc._d(a, d.date)}</span><a href="{e.urls[s]}">อ่านต่อ</a></article>'
                    for s, d, _ in e.docs
                )
            site.page(e.page, layout(e.label, body))
    site.page("/e-service-form", layout("แบบคำร้องออนไลน์", hc.local_form("/_api/forms/submit")))
    labels = ["ดาวน์โหลด", "คลิกที่นี่", "รายละเอียด"]
    sections = []
    for gi, (gname, codes) in enumerate(GROUPS):
        rows = []
        for code in codes:
            title = f'<span class="code">{code}</span> {esc(OFFICIAL[code])}'
            if code not in ev:
                rows.append(f'<div class="ita-row"><p class="font_8">{title}</p><p>-</p></div>')
                continue
            e = ev[code]
            if e.page != "/ita-2569":
                rows.append(
                    f'<div class="ita-row"><p class="font_8">{title}</p><a class="btn" href="{e.page}">'
                    f"{'คลิกที่นี่' if code == 'O4' else 'รายละเอียด'}</a></div>"
                )
            elif len(e.docs) == 1:
                rows.append(
                    f'<div class="ita-row"><p class="font_8">{title}</p><a class="btn" href="{e.urls[e.docs[0][0]]}" '
                    'target="_blank">ดาวน์โหลด</a></div>'
                )
            else:
                subs = "".join(
                    f'<div class="ita-sub"><p class="font_9">- {esc(d.title[:60])}</p><a class="btn" href="{e.urls[s]}" '
                    f'target="_blank">{labels[k % 2]}</a></div>'
                    for k, (s, d, _) in enumerate(e.docs)
                )
                rows.append(f'<div class="ita-row"><p class="font_8">{title}</p>{subs}</div>')
        inner = "".join(rows)
        if gi % 2 == 0:
            sections.append(f'<details class="acc"><summary>ตัวชี้วัดย่อยที่ {gname}</summary>{inner}</details>')
        else:
            sections.append(
                f'<div class="acc"><button class="acc-btn" onclick="this.nextElementSibling.style.display='
                f"this.nextElementSibling.style.display=='none'?'block':'none'\">ตัวชี้วัดย่อยที่ {gname} ▼</button>"
                f'<div class="acc-panel" style="display:none">{inner}</div></div>'
            )
    site.page(
        "/ita-2569",
        layout(
            "ITA 2569",
            "<h1>การประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA) ประจำปี 2569</h1>"
            "<p>คลิกที่หัวข้อเพื่อดูรายละเอียดของแต่ละตัวชี้วัด</p>" + "".join(sections),
        ),
    )
    site.page(
        "/",
        layout(
            "หน้าแรก",
            f'<h1>ยินดีต้อนรับสู่เว็บไซต์ {a.full}</h1><img src="/images/org-chart.png" alt="">'
            '<p><a href="/ita-2569">ITA 2569</a> | <a href="/news">ข่าวสารล่าสุด</a></p>',
        ),
    )
    robots(site)
    PLANTED[site.name] = ev
    return a


# ----- 3. an อบต. on Blogger: posts by date, labels, ?m=1 duplicates ------------------------------------------

BLOG_LABEL = {
    "O1": "โครงสร้างและอำนาจหน้าที่ อบต.",
    "O2": "คณะผู้บริหาร อบต.",
    "O3": "ติดต่อ อบต. / ถาม-ตอบ",
    "O5": "แผนพัฒนาท้องถิ่น (พ.ศ.2566-2570)",
    "O6": "แผนการดำเนินงาน ประจำปีงบประมาณ 2569",
    "O7": "รายงานผลการดำเนินงาน ปีงบประมาณ 2568",
    "O8": "คู่มือการปฏิบัติงาน งานจัดเก็บภาษี",
    "O9": "คู่มือสำหรับประชาชน เบี้ยยังชีพผู้สูงอายุ",
    "O10": "บริการ E-Service",
    "O11": "ผลการจัดซื้อจัดจ้าง สขร.1",
    "O12": "สรุปผลการจัดซื้อจัดจ้าง ประจำปี 2568",
    "O13": "แผนพัฒนาบุคลากร",
    "O14": "ผลการบริหารทรัพยากรบุคคล ปี 2568",
    "O15": "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น",
    "O16": "คู่มือการจัดการเรื่องร้องเรียนการทุจริต",
    "O17": "ร้องเรียนการทุจริตออนไลน์",
    "O18": "สถิติเรื่องร้องเรียนการทุจริต",
    "O19": "การมีส่วนร่วมของประชาชน",
    "O20": "No Gift Policy ปีงบประมาณ 2569",
    "O21": "ประเมินความเสี่ยงการทุจริต ปี 2569",
    "O22": "รายงานผลการจัดการความเสี่ยง ปี 2568",
    "O23": "แผนปฏิบัติการป้องกันการทุจริต",
    "O24": "รายงานผลการป้องกันการทุจริต ปี 2568",
    "O25": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "O26": "รายงานผลการส่งเสริมคุณธรรมและความโปร่งใส ปี 2568",
}


def _mobile(url: str) -> str:
    return url + ("&m=1" if "?" in url else "?m=1")


def h_abt_blogger_style(site: Site) -> Agency:
    import datetime as dt
    import re

    a = make_agency("h_abt_blogger_style", "abt", "บ้านหลวง", "จอมทอง", "เชียงใหม่", "50160", 203, "banluang-cm.go.th")
    ev = standard(a, {"stats_months": 3, "absent": ["O25"]})
    reword(a, ev, "line", "", "/p/e-service-form.html", eservice_stats=False)
    ev["O9"].docs = [(s, d, "dead") for s, d, _ in ev["O9"].docs]
    ev["O19"].docs = [("participation-2568", hc.participation(a, 2568), "pdf")]
    used: set[str] = set()
    posts: list[tuple[dt.date, str, str, list[str]]] = []  # date, url, title, labels

    def post_url(d: dt.date) -> str:
        n = d.day
        while True:
            u = f"/{d.year}/{d.month:02d}/blog-post" + (f"_{n:02d}" if n else "") + ".html"
            if u not in used:
                used.add(u)
                return u
            n += 31

    for i, code in enumerate(ORDER):
        if code not in ev:
            continue
        e = ev[code]
        d = dt.date(2025, 10, 2) + dt.timedelta(days=7 * i)
        e.page = "/search/label/" + quote("ข่าวประชาสัมพันธ์") if code == "O4" else post_url(d)
        e.urls = {}
        for s, doc, f in e.docs:
            e.urls[s] = post_url(doc.date) if f == "html" else f"/uploads/2569/{s}.pdf"
            if f == "html":
                posts.append((doc.date, e.urls[s], doc.title, ["ข่าวประชาสัมพันธ์"] if code == "O4" else ["กิจกรรม"]))
        if code != "O4":
            n = int(code[1:])
            title = f"O{n} {BLOG_LABEL[code]}" if n % 2 == 0 else f"{BLOG_LABEL[code]} (ITA 2569)"
            posts.append((d, e.page, title, ["ITA2569"]))
    posts.sort(key=lambda p: p[0], reverse=True)
    labels = {
        "ITA2569": [p for p in posts if "ITA2569" in p[3]],
        "ข่าวประชาสัมพันธ์": [p for p in posts if "ข่าวประชาสัมพันธ์" in p[3]],
        "กิจกรรม": [p for p in posts if "กิจกรรม" in p[3]],
    }
    months = sorted({(p[0].year, p[0].month) for p in posts}, reverse=True)
    sidebar = (
        '<aside class="sidebar"><div class="widget Label"><h2>ป้ายกำกับ</h2><ul>'
        + "".join(
            f'<li><a dir="ltr" href="/search/label/{quote(k)}">{k}</a> ({len(v)})</li>' for k, v in labels.items()
        )
        + '</ul></div><div class="widget BlogArchive"><h2>คลังบทความของบล็อก</h2><ul>'
        + "".join(
            f'<li><a href="/{y}/{m:02d}/">{zc.MONTHS[m - 1] if hasattr(zc, "MONTHS") else m} {y}</a></li>'
            for y, m in months
        )
        + "</ul></div></aside>"
    )
    tabs = (
        '<div class="widget PageList"><ul><li><a href="/">หน้าแรก</a></li>'
        '<li><a href="/search/label/ITA2569">ITA 2569</a></li>'
        f'<li><a href="/search/label/{quote("ข่าวประชาสัมพันธ์")}">ข่าวประชาสัมพันธ์</a></li>'
        f'<li><a href="{ev["O3"].page}">ติดต่อเรา</a></li></ul></div>'
    )

    def page(url: str, title: str, body: str) -> None:
        """The desktop page and its ?m=1 twin (same content, mobile template, links carrying ?m=1)."""
        desk = (
            f'<!DOCTYPE html><html dir="ltr" lang="th"><head><meta charset="UTF-8"><title>{a.full}: {esc(title)}</title>'
            f'<link rel="alternate" media="only screen and (max-width: 640px)" href="{_mobile(url)}">'
            '<meta name="generator" content="blogger"></head><body class="variant-indie">'
            f'<header><h1 class="title"><a href="/">{a.full}</a></h1>{tabs}</header>'
            f'<div class="main-inner"><main>{body}</main>{sidebar}</div>'
            f'<footer><a href="{_mobile(url)}">มุมมองอุปกรณ์เคลื่อนที่</a> ขับเคลื่อนโดย Blogger</footer></body></html>'
        )
        site.page(url, desk)
        mob_body = re.sub(r'href="(/(?!uploads/)[^"]*)"', lambda m: f'href="{_mobile(m.group(1))}"', body)
        site.page(
            _mobile(url),
            (
                f'<!DOCTYPE html><html><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width">'
                f'<title>{a.full}: {esc(title)}</title></head><body class="mobile"><h1><a href="/?m=1">{a.full}</a></h1>'
                f'{mob_body}<a href="{url}">ดูเวอร์ชันเว็บ</a></body></html>'
            ),
        )

    def post_html(d: dt.date, title: str, content: str, labs: list[str]) -> str:
        return (
            f'<div class="date-header"><span>{zc._d(a, d)}</span></div><article class="post hentry">'
            f'<h3 class="post-title entry-title">{esc(title)}</h3><div class="post-body entry-content">{content}</div>'
            '<div class="post-footer">ป้ายกำกับ: '
            + ", ".join(f'<a href="/search/label/{quote(x)}" rel="tag">{x}</a>' for x in labs)
            + "</div></article>"
        )

    def snippet(p) -> str:
        return (
            f'<div class="post-outer"><h3 class="post-title"><a href="{p[1]}">{esc(p[2])}</a></h3>'
            f'<div class="post-snippet">{zc._d(a, p[0])}</div><a class="jump-link" href="{p[1]}">อ่านเพิ่มเติม »</a></div>'
        )

    images(site, a)
    doc_post = {}
    for code, e in ev.items():
        for s, doc, f in e.docs:
            if f == "pdf":
                site.pdf(e.urls[s], to_pdf(doc, a.full))
            elif f == "dead":
                site.dead(e.urls[s])
            else:
                doc_post[e.urls[s]] = doc
        if code == "O4":
            continue
        content = inline_html(e)
        if e.docs:
            content += "".join(
                f'<p>ดาวน์โหลดไฟล์ : <a href="{e.urls[s]}">{esc(d.title)}</a></p>'
                if f != "html"
                else f'<p>อ่าน : <a href="{e.urls[s]}">{esc(d.title)}</a></p>'
                for s, d, f in e.docs
            )
        d = next(p[0] for p in posts if p[1] == e.page)
        page(e.page, BLOG_LABEL[code], post_html(d, next(p[2] for p in posts if p[1] == e.page), content, ["ITA2569"]))
    for url, doc in doc_post.items():
        labs = next(p[3] for p in posts if p[1] == url)
        page(url, doc.title, post_html(doc.date, doc.title, to_html(doc, "h4"), labs))
    for lab, ps in labels.items():
        base = "/search/label/" + quote(lab)
        for start in range(0, len(ps), 20):
            chunk = ps[start : start + 20]
            url = (
                base
                if start == 0
                else (
                    f"{base}?updated-max={ps[start - 1][0].isoformat()}T09:00:00%2B07:00"
                    f"&max-results=20&start={start}&by-date=false"
                )
            )
            more = ""
            if start + 20 < len(ps):
                more = (
                    f'<a class="blog-pager-older-link" href="{base}?updated-max={chunk[-1][0].isoformat()}T09:00:00'
                    f'%2B07:00&max-results=20&start={start + 20}&by-date=false">บทความที่เก่ากว่า</a>'
                )
            page(
                url,
                f"ป้ายกำกับ {lab}",
                f'<div class="status-msg">แสดงโพสต์ที่มีป้ายกำกับ <b>{lab}</b></div>'
                + "".join(snippet(p) for p in chunk)
                + more,
            )
    for y, m in months:
        page(f"/{y}/{m:02d}/", f"{m}/{y}", "".join(snippet(p) for p in posts if (p[0].year, p[0].month) == (y, m)))
    page("/p/e-service-form.html", "แบบคำร้องออนไลน์", hc.local_form("https://www.blogger.com/contact-form.do"))
    page(
        "/",
        "หน้าแรก",
        "".join(snippet(p) for p in posts[:10])
        + '<a class="blog-pager-older-link" href="/search?updated-max=2026-01-01T09:00:00%2B07:00&max-results=10">'
        "บทความที่เก่ากว่า</a>",
    )
    page(
        "/search?updated-max=2026-01-01T09:00:00%2B07:00&max-results=10",
        "บทความที่เก่ากว่า",
        "".join(snippet(p) for p in posts[10:20]),
    )
    site.add(
        "/robots.txt",
        "User-agent: Mediapartners-Google\nDisallow: \n\nUser-agent: *\nDisallow: /search\n"
        "Allow: /\n\nSitemap: /sitemap.xml\n",
        "text/plain",
    )
    PLANTED[site.name] = ev
    return a


# ----- 4. a เทศบาลตำบล with no ITA index: menus in its own words ------------------------------------------------

GFORM = "https://docs.google.com/forms/d/e/1FAIpQLSeX7pT0nqGmS4v2cRk9bYw3LhJdZa8uV5oQf1N6tEi0PgHk2A/viewform"


def h_tessaban_noita(site: Site) -> Agency:
    a = make_agency("h_tessaban_noita", "tambon", "โพนงาม", "กมลาไสย", "กาฬสินธุ์", "46130", 204, "phonngam.go.th")
    ev = standard(a, {"no_nogift_report": True, "absent": ["O19"]})
    reword(a, ev, "webboard", "/webboard/", GFORM, google=True, complaint_action="/complaint.php?act=send")
    ev["O1"].inline = ev["O1"].inline[:1]  # the structure without the duties
    ev["O15"].docs = [x for x in ev["O15"].docs if x[0] == "ethics-code"]
    ev["O23"].docs = [(s, d, "dead") for s, d, _ in ev["O23"].docs]
    mid = {code: 30 + i * 3 for i, code in enumerate(ORDER)}
    for i, code in enumerate(ORDER):
        if code not in ev:
            continue
        e = ev[code]
        e.page = "/news.php" if code == "O4" else f"/page.php?mid={mid[code]}"
        e.urls = {}
        for k, (s, d, f) in enumerate(e.docs):
            stamp = d.date.strftime("%Y%m%d")
            e.urls[s] = (
                f"/news_detail.php?nid={410 + i * 5 + k}"
                if f == "html"
                else f"/uploads/files/{stamp}{hashlib.md5(s.encode()).hexdigest()[:6]}.pdf"
            )
    P = {c: ev[c].page for c in ev}
    menus = [
        ("หน้าหลัก", "/", []),
        (
            "ศูนย์ข้อมูลข่าวสาร",
            "#",
            [
                ("โครงสร้างองค์กร", P["O1"]),
                ("ทำเนียบผู้บริหาร", P["O2"]),
                ("แผนพัฒนาท้องถิ่น", P["O5"]),
                ("แผนการดำเนินงาน", P["O6"]),
                ("ผลการดำเนินงานประจำปี", P["O7"]),
                ("คู่มือปฏิบัติงาน", P["O8"]),
            ],
        ),
        ("งานพัสดุ", "#", [("ประกาศจัดซื้อจัดจ้าง / สขร.1", P["O11"]), ("รายงานผลการจัดซื้อจัดจ้างประจำปี", P["O12"])]),
        (
            "การบริหารงานบุคคล",
            "#",
            [("แผนพัฒนาบุคลากร", P["O13"]), ("รายงานผลการบริหารงานบุคคล", P["O14"]), ("ประมวลจริยธรรม", P["O15"])],
        ),
        ("คู่มือประชาชน", P["O9"], []),
        ("E-Service", P["O10"], []),
        (
            "ต่อต้านการทุจริต",
            "#",
            [
                ("ประกาศเจตนารมณ์ No Gift", P["O20"]),
                ("ประเมินความเสี่ยงการทุจริต", P["O21"]),
                ("รายงานการจัดการความเสี่ยง", P["O22"]),
                ("แผนป้องกันการทุจริต", P["O23"]),
                ("ผลการป้องกันการทุจริต", P["O24"]),
                ("มาตรการส่งเสริมคุณธรรม", P["O25"]),
                ("ผลการส่งเสริมคุณธรรม", P["O26"]),
            ],
        ),
        (
            "ช่องทางร้องเรียนการทุจริต",
            "#",
            [("แนวทางจัดการเรื่องร้องเรียน", P["O16"]), ("แจ้งเรื่องร้องเรียนการทุจริต", P["O17"]), ("สถิติเรื่องร้องเรียน", P["O18"])],
        ),
        ("ถาม-ตอบ (Q&A)", "/webboard/", []),
        ("ติดต่อเรา", P["O3"], []),
    ]
    nav = "".join(
        f'<li class="nav-item{" dropdown" if sub else ""}"><a class="nav-link" href="{h}">{esc(t)}</a>'
        + (
            "<ul class='dropdown-menu'>"
            + "".join(f'<li><a class="dropdown-item" href="{u}">{esc(x)}</a></li>' for x, u in sub)
            + "</ul>"
            if sub
            else ""
        )
        + "</li>"
        for t, h, sub in menus
    )

    def layout(title: str, body: str) -> str:
        return (
            f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{esc(title)} | {a.full}</title>'
            '<link rel="stylesheet" href="/assets/bootstrap.min.css"></head><body>'
            f'<div class="topbar">{a.full} อำเภอ{a.amphoe} จังหวัด{a.province}</div>'
            f'<nav class="navbar navbar-expand-lg"><ul class="navbar-nav">{nav}</ul></nav>'
            f'<div class="container py-3">{body}</div><footer class="bg-dark text-white p-3">{esc(a.address)}<br>'
            f"โทรศัพท์ {a.phone} | อีเมล {a.email}</footer></body></html>"
        )

    images(site, a)
    for code, e in ev.items():
        write_docs(site, a, e, layout)
        if code == "O4":
            body = "<h1>ข่าวประชาสัมพันธ์</h1>" + "".join(
                f'<div class="card"><a href="{e.urls[s]}">{esc(d.title)}</a> <small>{zc._d(a, d.date)}</small></div>'
                for s, d, _ in e.docs
            )
        else:
            body = f"<h1>{esc(e.label)}</h1>" + inline_html(e)
            if e.docs:
                body += (
                    '<table class="table"><tr><th>เอกสาร</th><th>ไฟล์</th></tr>'
                    + "".join(
                        f'<tr><td>{esc(d.title)}</td><td><a href="{e.urls[s]}"><img src="/assets/pdf.png" alt="PDF"> '
                        "ดาวน์โหลด</a></td></tr>"
                        for s, d, _ in e.docs
                    )
                    + "</table>"
                )
        site.page(e.page, layout(e.label, body))
    webboard_pages(site, a, layout, "/webboard/", lambda i: f"/webboard/topic.php?id={i}")
    site.page(
        "/",
        layout(
            "หน้าหลัก",
            "<h2>ข่าวประชาสัมพันธ์</h2>"
            + "".join(f'<p><a href="{ev["O4"].urls[s]}">{esc(d.title)}</a></p>' for s, d, _ in ev["O4"].docs)
            + '<p><a href="/news.php">ข่าวทั้งหมด</a></p>',
        ),
    )
    robots(site)
    PLANTED[site.name] = ev
    return a


SITES: dict[str, Callable[[Site], Agency]] = {
    "h_tessaban_big": h_tessaban_big,
    "h_abt_wix_like": h_abt_wix_like,
    "h_abt_blogger_style": h_abt_blogger_style,
    "h_tessaban_noita": h_tessaban_noita,
}


def generate(name: str, root: Path) -> Path:
    out = root / name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    site = Site(name, out)
    SITES[name](site)
    site.finish()
    return out
