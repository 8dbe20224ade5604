"""Write the two held-out saved home pages (eval/holdout/homepages/<name>/index.html); their truth.toml is
written by hand beside them. Run once: python -m eval.holdout.make_homepages"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent / "homepages"
rnd = random.Random(7)
NEWS_T = [
    "ประชาสัมพันธ์ชำระภาษีที่ดินและสิ่งปลูกสร้าง",
    "กิจกรรมจิตอาสาพัฒนา",
    "ประกาศรับสมัครพนักงานจ้าง",
    "ประกาศผู้ชนะการเสนอราคา",
    "โครงการอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน",
    "ประกาศประกวดราคาจ้างก่อสร้าง",
    "ภาพกิจกรรมวันเด็ก",
    "รณรงค์ป้องกันไข้เลือดออก",
    "ประชุมสภาสมัยสามัญ",
    "แจ้งปิดถนนชั่วคราว",
]


def filler(prefix: str, n: int, url: str) -> str:
    return "".join(
        f'<li><a href="{url.format(i=1000 + i)}">{prefix}{NEWS_T[i % len(NEWS_T)]} ({i + 1})</a></li>' for i in range(n)
    )


def nav(menu: list[tuple[str, str, list[tuple[str, str]]]], cls: str) -> str:
    """A menu as nested lists, each entry (label, href, [(sub label, sub href)]): desktop and mobile copies alike."""
    return (
        f'<ul class="{cls}">'
        + "".join(
            f'<li><a href="{h}">{t}</a>'
            + ("<ul>" + "".join(f'<li><a href="{u}">{x}</a></li>' for x, u in sub) + "</ul>" if sub else "")
            + "</li>"
            for t, h, sub in menu
        )
        + "</ul>"
    )


def tessaban_nakhon() -> str:
    ita = {  # sidebar ITA block: code -> (text, href)
        "O1": ("O1", "/ita2569/detail.php?no=1"),
        "O2": ("O2", "/ita2569/detail.php?no=2"),
        "O3": ("o3 ข้อมูลการติดต่อ", "/ita2569/detail.php?no=3"),
        "O4": ("O4", "/news/list.php?cat=1"),
        "O5": ("o5 แผนพัฒนาท้องถิ่น", "/ita2569/detail.php?no=5"),
        "O6": ("O6", "/ita2569/detail.php?no=6"),
        "O7": ("O7", "/ita2569/detail.php?no=7"),
        "O8": ("o8 คู่มือปฏิบัติงาน", "/ita2569/detail.php?no=8"),
        "O9": ("O9", "/ita2569/detail.php?no=9"),
        "O11": ("O11", "/ita2569/detail.php?no=11"),
        "O12": ("o12 สรุปผลจัดซื้อจัดจ้างประจำปี", "/ita2569/detail.php?no=12"),
        "O13": ("O13", "/ita2569/detail.php?no=13"),
        "O14": ("O14", "/ita2569/detail.php?no=14"),
        "O15": ("o15 ประมวลจริยธรรม", "/ita2569/detail.php?no=15"),
        "O16": ("O16", "/ita2569/detail.php?no=16"),
        "O18": ("O18", "/ita2569/detail.php?no=18"),
        "O19": ("O19", "/ita2569/detail.php?no=19"),
        "O20": ("o20 No Gift Policy", "/ita2569/detail.php?no=20"),
        "O21": ("O21", "/ita2569/detail.php?no=21"),
        "O22": ("O22", "/ita2569/detail.php?no=22"),
        "O23": ("o23 แผนป้องกันการทุจริต", "/ita2569/detail.php?no=23"),
        "O24": ("O24", "/ita2569/detail.php?no=24"),
        "O25": ("O25", "/ita2569/detail.php?no=25"),
        "O26": ("O26", "/ita2569/detail.php?no=26"),
    }
    menu = [
        ("Home หน้าแรก", "/", []),
        (
            "About us เกี่ยวกับเทศบาล",
            "#",
            [
                ("ประวัติ History", "/about/history.php"),
                ("วิสัยทัศน์ Vision", "/about/vision.php"),
                ("โครงสร้างส่วนราชการ", "/ita2569/detail.php?no=1"),
                ("คณะผู้บริหาร Executives", "/ita2569/detail.php?no=2"),
                ("สมาชิกสภา Council", "/about/council.php"),
                ("หน่วยตรวจสอบภายใน", "/about/audit.php"),
            ],
        ),
        (
            "News ข่าวสาร",
            "/news/list.php?cat=1",
            [
                ("ข่าวประชาสัมพันธ์", "/news/list.php?cat=1"),
                ("ข่าวจัดซื้อจัดจ้าง", "/news/list.php?cat=2"),
                ("ประกาศรับสมัครงาน", "/news/list.php?cat=3"),
            ],
        ),
        (
            "Documents เอกสาร",
            "#",
            [
                ("แผนพัฒนาท้องถิ่น", "/ita2569/detail.php?no=5"),
                ("งบประมาณรายจ่าย", "/doc/budget.php"),
                ("รายงานกิจการประจำปี", "/doc/annual.php"),
                ("กฎหมายที่เกี่ยวข้อง", "/doc/law.php"),
            ],
        ),
        ("E-Service", "/eservice/", []),
        ("Contact ติดต่อเรา", "/ita2569/detail.php?no=3", []),
    ]

    icons = (
        '<div class="quick-icons"><a href="/eservice/"><img src="/images/icon/e-service.png" alt="E-Service บริการออนไลน์"></a>'
        '<a href="/complaint/corruption.php"><img src="/images/icon/anti-corruption.png" alt="แจ้งเรื่องร้องเรียนการทุจริต"></a>'
        '<a href="/webboard/"><img src="/images/icon/qa.png" alt="กระดานถาม-ตอบ"></a>'
        '<a href="https://www.facebook.com/tessabannakhon" title="Facebook"><i class="fab fa-facebook"></i></a>'
        '<a href="https://line.me/R/ti/p/@nakhoncity" title="LINE Official"><i class="fab fa-line"></i></a>'
        '<a href="https://www.youtube.com/@nakhoncity" title="YouTube"><i class="fab fa-youtube"></i></a>'
        '<a href="/sitemap.php" title="แผนผังเว็บไซต์"><i class="fa fa-sitemap"></i></a>'
        '<a href="/search.php" title="ค้นหา Search"><i class="fa fa-search"></i></a></div>'
    )
    side = (
        '<div class="sidebar-ita"><h3>ITA 2569</h3><ul>'
        + "".join(f'<li><a href="{h}">{t}</a></li>' for t, h in ita.values())
        + "</ul></div>"
    )
    ext = "".join(
        f'<li><a href="https://www.example{i}.go.th/" target="_blank"><img src="/images/link/{i}.png" alt="หน่วยงาน {i}"></a></li>'
        for i in range(40)
    )
    foot = "".join(f'<li><a href="/page.php?id={200 + i}">หน้า {i + 1}</a></li>' for i in range(60))
    return (
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>เทศบาลนครนครเขื่อนแก้ว Nakhon Khuean Kaeo City Municipality</title>'
        '</head><body><a class="skip" href="#main">ข้ามไปยังเนื้อหา</a>'
        f'<header><a href="/"><img src="/images/logo.png" alt="เทศบาลนครนครเขื่อนแก้ว"></a>{nav(menu, "desktop-menu")}'
        f'<button class="hamburger" title="เมนู Menu"></button><nav class="offcanvas mobile-menu">{nav(menu, "mobile-nav")}</nav></header>'
        f'{icons}<div class="row"><main id="main"><h2>ข่าวประชาสัมพันธ์</h2><ul>{filler("", 110, "/news/detail.php?id={i}")}</ul>'
        f"<h2>ประกาศจัดซื้อจัดจ้าง</h2><ul>{filler('[e-GP] ', 60, '/egp/detail.php?id={i}')}</ul>"
        f"<h2>ภาพกิจกรรม</h2><ul>{filler('ภาพ ', 30, '/gallery/album.php?id={i}')}</ul></main>"
        f'<aside>{side}<div class="links"><h3>Links ลิงก์หน่วยงาน</h3><ul>{ext}</ul></div></aside></div>'
        f'<footer><ul class="sitemap">{foot}</ul><p>Copyright © 2026 Nakhon Khuean Kaeo City. All rights reserved.</p></footer></body></html>'
    )


def abt_bilingual() -> str:
    oit = [  # the "OIT 2569" menu in o1 style
        ("O1", "o1 โครงสร้าง", "/th/page/organization"),
        ("O2", "o2 ผู้บริหาร", "/th/page/executives"),
        ("O3", "o3 ติดต่อ", "/th/page/contact"),
        ("O4", "o4 ข่าวประชาสัมพันธ์", "/th/news"),
        ("O5", "o5 แผนพัฒนาท้องถิ่น", "/th/download/cat/12"),
        ("O6", "o6 แผนดำเนินงาน", "/th/download/cat/13"),
        ("O7", "o7 รายงานผลการดำเนินงาน", "/th/download/cat/14"),
        ("O8", "o8 คู่มือเจ้าหน้าที่", "/th/download/cat/15"),
        ("O9", "o9 คู่มือประชาชน", "/th/download/cat/16"),
        ("O11", "o11 สขร.1", "/th/procurement/monthly"),
        ("O12", "o12 รายงานจัดซื้อจัดจ้างประจำปี", "/th/procurement/annual"),
        ("O13", "o13 แผนบุคลากร", "/th/download/cat/21"),
        ("O14", "o14 รายงานบุคลากร", "/th/download/cat/22"),
        ("O15", "o15 จริยธรรม", "/th/download/cat/23"),
        ("O16", "o16 แนวปฏิบัติร้องเรียน", "/th/page/complaint-guide"),
        ("O18", "o18 สถิติร้องเรียน", "/th/page/complaint-stats"),
        ("O19", "o19 การมีส่วนร่วม", "/th/download/cat/27"),
        ("O21", "o21 ความเสี่ยงการทุจริต", "/th/download/cat/29"),
        ("O22", "o22 รายงานความเสี่ยง", "/th/download/cat/30"),
        ("O23", "o23 แผนป้องกันทุจริต", "/th/download/cat/31"),
        ("O24", "o24 รายงานป้องกันทุจริต", "/th/download/cat/32"),
        ("O25", "o25 มาตรการ ITA", "/th/download/cat/33"),
        ("O26", "o26 รายงานผล ITA", "/th/download/cat/34"),
    ]
    menu = [
        ("Home", "/th", []),
        (
            "About อบต.",
            "#",
            [
                ("History ประวัติ", "/th/page/history"),
                ("Organization โครงสร้าง", "/th/page/organization"),
                ("Executives ผู้บริหาร", "/th/page/executives"),
                ("Council สภา อบต.", "/th/page/council"),
            ],
        ),
        ("OIT 2569", "/th/ita", [(t, h) for _, t, h in oit]),
        (
            "Procurement จัดซื้อจัดจ้าง",
            "/th/procurement",
            [("Monthly รายเดือน", "/th/procurement/monthly"), ("Annual ประจำปี", "/th/procurement/annual")],
        ),
        ("Contact", "/th/page/contact", []),
    ]

    tiles = (
        '<section class="tiles"><a href="/th/eservice"><img src="/uploads/tiles/eservice.png" alt="E-Service ยื่นคำร้องออนไลน์"></a>'
        '<a href="/th/page/nogift"><img src="/uploads/tiles/nogift2569.jpg" alt="No Gift Policy 2569"></a>'
        '<a href="/th/complaint/corruption" title="Report corruption แจ้งเบาะแสการทุจริต"><span class="icon icon-alert"></span></a>'
        '<a href="/th/webboard" title="Q&amp;A ถาม-ตอบ"><span class="icon icon-chat"></span></a>'
        '<a href="https://www.facebook.com/abtnongkhaem" title="Facebook"><span class="icon icon-fb"></span></a></section>'
    )
    news = "".join(
        f'<div class="card"><a href="/th/news/{3000 + i}"><img src="/uploads/news/{i}.jpg" alt=""></a>'
        f'<a href="/th/news/{3000 + i}">{NEWS_T[i % 10]} #{i + 1}</a><a href="/th/news/{3000 + i}">Read more</a></div>'
        for i in range(70)
    )
    dl = "".join(f'<li><a href="/uploads/files/doc{i:03d}.pdf">แบบฟอร์ม {i + 1} (PDF)</a></li>' for i in range(40))
    ext = "".join(
        f'<a href="https://agency{i}.go.th"><img src="/uploads/banner/b{i}.jpg" alt="Banner {i}"></a>'
        for i in range(25)
    )
    return (
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>อบต.หนองแขม | Nong Khaem SAO</title></head><body>'
        f'<div class="lang"><a href="/th">TH</a> | <a href="/en">EN</a></div><header><img src="/uploads/logo.png" alt="Nong Khaem SAO">'
        f'<nav class="d-none d-lg-block">{nav(menu, "menu-desktop")}</nav><nav class="d-lg-none">{nav(menu, "menu-mobile")}</nav></header>'
        f"{tiles}<main><h2>News ข่าวสาร</h2>{news}<h2>Downloads ดาวน์โหลด</h2><ul>{dl}</ul></main>"
        f'<div class="banners">{ext}</div><footer>© 2026 องค์การบริหารส่วนตำบลหนองแขม All Rights Reserved | '
        '<a href="/th/page/privacy">Privacy Policy นโยบายความเป็นส่วนตัว</a> | <a href="/th/sitemap">Sitemap</a></footer></body></html>'
    )


if __name__ == "__main__":
    for name, fn in [("h_home_tessaban_nakhon", tessaban_nakhon), ("h_home_abt_bilingual", abt_bilingual)]:
        d = HERE / name
        d.mkdir(parents=True, exist_ok=True)
        (d / "index.html").write_text(fn(), "utf-8")
