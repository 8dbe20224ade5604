"""What every zoo site shares: the 26 items' evidence (with a site's planted defects) and the way it is
published (a holder page per item, documents as pages or PDFs), so that each site module only decides
its platform: URL shapes, layout, menus and index."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from . import content as c
from .agency import Agency
from .builder import Site
from .doc import FONT_DIR, Doc, to_html, to_pdf

esc = html.escape


@dataclass
class Ev:
    """One item's evidence on a site: a holder page (its URL set by the site) and the documents it links."""

    code: str
    label: str  # the site's own words for it (menu, index)
    docs: list[tuple[str, Doc, str]] = field(default_factory=list)  # (slug, doc, "html" | "pdf" | "dead")
    inline: list[Doc] = field(default_factory=list)  # shown on the holder page itself
    page: str = ""  # holder page URL, set by the site
    urls: dict[str, str] = field(default_factory=dict)  # slug -> URL, set by the site


def standard(a: Agency, d: dict[str, object] | None = None) -> dict[str, Ev]:
    """The evidence for O1-O26; `d` plants defects (keys below), `absent` drops items."""
    d = d or {}
    ev: dict[str, Ev] = {}

    def add(code: str, label: str, docs=(), inline=()) -> None:
        ev[code] = Ev(code, label, list(docs), list(inline))

    add(
        "O1",
        "โครงสร้างส่วนราชการ",
        inline=[c.structure(a, chart=None if d.get("no_chart") else "/images/org-chart.png"), c.authority(a)],
    )
    add("O2", "คณะผู้บริหาร", inline=[exec_doc(a, photo=not d.get("no_photo"), contact=not d.get("no_exec_contact"))])
    add("O3", "ติดต่อหน่วยงาน", inline=[c.contact(a, qa=str(d.get("qa", "webboard")))])
    add(
        "O4",
        "ข่าวประชาสัมพันธ์",
        docs=[
            (f"news-{i + 1}", c.news_post(a, i, old=bool(d.get("old_news"))), "html")
            for i in range(3 if d.get("old_news") else 6)
        ],
    )
    add("O5", "แผนพัฒนาท้องถิ่น", docs=[("local-plan", c.local_plan(a, d.get("plan_span", (2566, 2570))), "pdf")])
    add("O6", "แผนการดำเนินงาน ประจำปี 2569", docs=[("action-plan-2569", c.action_plan(a), "pdf")])
    add(
        "O7",
        "รายงานผลการดำเนินงานประจำปี 2568",
        docs=[
            (
                "annual-report-2568",
                c.annual_report(a, dates=not d.get("report_no_dates"), budget=not d.get("report_no_budget")),
                "pdf",
            )
        ],
    )
    add("O8", "คู่มือการปฏิบัติงาน", docs=[("sop-tax", c.staff_manual(a), "dead" if d.get("dead_O8") else "pdf")])
    add("O9", "คู่มือสำหรับประชาชน", docs=[("manual-elderly", c.service_manual(a, fee=not d.get("no_fee")), "pdf")])
    add("O10", "E-Service", inline=[c.eservice(a, str(d.get("eservice", "online")), "@form")])
    skr_months = d.get("skr_months", c.FY_MONTHS)
    add(
        "O11",
        "สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)",
        docs=[(f"skr1-{y + 543}-{m:02d}", c.skr1(a, y, m, empty=(m == 12)), "pdf") for y, m in skr_months]
        + [("winner-road", c.procurement_notice(a, c.D(2026, 2, 9), "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 2"), "pdf")],
    )
    add(
        "O12",
        "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี 2568",
        docs=[
            (
                "procure-report-2568",
                c.annual_procurement(a, ref_price=not d.get("no_ref_price"), tax_id=not d.get("no_tax_id")),
                "pdf",
            )
        ],
    )
    add("O13", "แผนพัฒนาบุคลากร", docs=[("hr-plan", c.hr_plan(a, int(d.get("hr_plan_year", 2569))), "pdf")])
    add(
        "O14",
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
        docs=[("hr-report", c.hr_report(a, int(d.get("hr_report_year", 2568))), "pdf")],
    )
    add(
        "O15",
        "ประมวลจริยธรรม",
        docs=[
            ("ethics-code", c.ethics_code(a), "dead" if d.get("dead_O15") else "pdf"),
            ("ethics-activity", c.ethics_activity(a), "html"),
        ],
    )
    add(
        "O16",
        "แนวทางปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต",
        inline=[c.complaint_guideline(a, duration=not d.get("no_complaint_duration"))],
    )
    add("O17", "แจ้งเรื่องร้องเรียนการทุจริต", inline=[c.complaint_channel(a, online=not d.get("no_online_complaint"))])
    add("O18", "สถิติเรื่องร้องเรียนการทุจริต", inline=[c.complaint_stats(a, int(d.get("stats_months", 6)))])
    add(
        "O19",
        "การมีส่วนร่วมของประชาชน",
        docs=[("participation-2569", c.participation(a, not d.get("no_improvement")), "pdf")],
    )
    nogift = [
        (
            "nogift-2569",
            c.nogift_announcement(a, str(d.get("nogift_signer", "top")), int(d.get("nogift_year", 2569))),
            "pdf",
        )
    ]
    if not d.get("no_nogift_activity"):
        nogift.append(("nogift-activity", c.nogift_activity(a), "html"))
    if not d.get("no_nogift_report"):
        nogift.append(("nogift-report", c.nogift_report(a), "pdf"))
    add("O20", "No Gift Policy", docs=nogift)
    add(
        "O21",
        "การประเมินความเสี่ยงการทุจริต",
        docs=[("risk-2569", c.risk_assessment(a), "dead" if d.get("dead_O21") else "pdf")],
    )
    add("O22", "รายงานผลการจัดการความเสี่ยงการทุจริต", docs=[("risk-report-2568", c.risk_report(a), "pdf")])
    add(
        "O23",
        "แผนปฏิบัติการป้องกันการทุจริต",
        docs=[("ac-plan", c.anticorruption_plan(a, int(d.get("ac_plan_year", 2569))), "pdf")],
    )
    add("O24", "รายงานผลการดำเนินการป้องกันการทุจริต", docs=[("ac-report-2568", c.anticorruption_report(a), "pdf")])
    add(
        "O25",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        docs=[("ita-measures", c.ita_measures(a, not d.get("no_analysis")), "pdf")],
    )
    add(
        "O26",
        "รายงานผลการส่งเสริมคุณธรรมและความโปร่งใส",
        docs=[("integrity-report", c.integrity_report(a, int(d.get("integrity_year", 2568))), "pdf")],
    )
    for code in d.get("absent", ()):
        ev.pop(code, None)
    return ev


def exec_doc(a: Agency, photo: bool = True, contact: bool = True) -> Doc:
    doc = Doc(f"คณะผู้บริหาร{a.full}", c.D(2025, 10, 1))
    cards = []
    for p in c.executives(a, photo, contact):
        img = f'<img src="{p["img"]}" alt="" width="120">' if p["img"] else ""
        tel = f'<div class="tel">โทร. {p["phone"]}</div>' if p["phone"] else ""
        cards.append(
            f'<div class="card">{img}<div class="name">{esc(p["name"])}</div>'
            f'<div class="pos">{esc(p["position"])}</div>{tel}</div>'
        )
    doc.raw('<div class="exec-grid">' + "".join(cards) + "</div>")
    return doc


def images(site: Site, a: Agency, prefix: str = "/images") -> None:
    """The org chart and the executives' photos (small JPEGs/PNG, drawn)."""
    from PIL import ImageFont

    fnt = ImageFont.truetype(str(FONT_DIR / "Garuda.ttf"), 18)
    img = Image.new("RGB", (640, 360), "white")
    dr = ImageDraw.Draw(img)
    boxes = [
        (250, 20, a.people[0].position[:24]),
        (250, 120, a.palad_title),
        (40, 240, "สำนักปลัด"),
        (250, 240, "กองคลัง"),
        (460, 240, "กองช่าง"),
    ]
    for x, y, t in boxes:
        dr.rectangle((x, y, x + 150, y + 60), outline=(20, 40, 120), width=2)
        dr.text((x + 6, y + 18), t, font=fnt, fill=(0, 0, 0))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    site.add(f"{prefix}/org-chart.png", buf.getvalue(), "image/png")
    for i, p in enumerate(a.people):
        im = Image.new("RGB", (90, 110), (200 - i * 10, 180, 160 + i * 5))
        ImageDraw.Draw(im).ellipse((25, 15, 65, 60), fill=(90, 70, 60))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=60)
        site.add(p.photo, buf.getvalue(), "image/jpeg")


Layout = Callable[[str, str], str]  # (title, body html) -> full page


def publish(site: Site, a: Agency, ev: Ev, layout: Layout, intro: str = "", form_url: str | None = None) -> None:
    """Write the holder page (inline docs + links to the documents) and every document of one item."""
    links = []
    for slug, doc, fmt in ev.docs:
        url = ev.urls[slug]
        if fmt == "pdf":
            site.pdf(url, to_pdf(doc, a.full))
        elif fmt == "dead":
            site.dead(url)
        else:
            site.page(url, layout(doc.title, to_html(doc)))
        links.append(f'<li><a href="{esc(url)}">{esc(doc.title)}</a></li>')
    body = [f"<h1>{esc(ev.label)}</h1>", intro]
    for doc in ev.inline:
        part = to_html(doc, "h2")
        if form_url:
            part = part.replace("@form", form_url)
        body.append(part)
    if links:
        body.append("<ul class='docs'>" + "".join(links) + "</ul>")
    site.page(ev.page, layout(ev.label, "\n".join(body)))


def extras(
    site: Site, a: Agency, layout: Layout, ev: dict[str, Ev], form_url: str, board_url: str = "/webboard"
) -> None:
    """The pages an item's evidence points to: the e-service form (or the form to print) and the web board."""
    if "O10" in ev:
        if "ดาวน์โหลดแบบคำร้อง" in to_html(ev["O10"].inline[0]):
            form = (
                Doc("แบบคำร้องทั่วไป", c.D(2024, 5, 2))
                .p(f"เรียน {a.top_title}")
                .p("ข้าพเจ้า ............................ ที่อยู่ ................ มีความประสงค์ ..........................")
            )
            site.pdf(form_url, to_pdf(form, a.full))
        else:
            site.page(form_url, layout("แบบคำร้องออนไลน์", c.eservice_form()))
    if "O3" in ev and "เว็บบอร์ด" in to_html(ev["O3"].inline[0]):
        site.page(board_url, layout("กระดานถาม-ตอบ", to_html(c.webboard(a))))


def robots(site: Site) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /admin/\n", "text/plain")
