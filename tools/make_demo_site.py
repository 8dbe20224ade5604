#!/usr/bin/env python3
"""Build the bundled demo website (oit/demo/site) of a fictional อบต. with planted OIT gaps.

Build-time only: needs Pillow (with raqm), fpdf2 and pythainlp (Thai line breaking), plus the Debian fonts-thai-tlwg fonts.
The output is committed, so the project itself never imports this script or its dependencies.

    pip install pillow fpdf2 pythainlp
    python tools/make_demo_site.py            # rewrites oit/demo/site/ and oit/demo/expected.toml from tools/demosite/content/
    python tools/check_demo_site.py           # link check + PDF text check

Everything is deterministic (fixed seeds, fixed PDF dates), so re-running gives the same files.

Planted results for ITA 2569 as of 2026-05-15 (see oit/demo/expected.toml): all 26 items have evidence linked
from /ita/ita-2569.html; 19 pass and 7 have one planted gap each:
  O3 gap (rule, contact.qa: the Q&A channel is only an e-mail address),
  O7 gap (data, report.project_period: the annual report 2568 has no start/end dates per project),
  O10 gap (data, eservice.usage_guide: no usage instructions anywhere),
  O11 gap (time, procure.monthly: the March 2569 summary is missing),
  O12 gap (data, procure.vendor_tax_id: the annual procurement report 2568 has no vendor tax ids),
  O20 gap (rule, nogift.announcement: the 2569 announcement is signed by the ปลัด, not the นายก),
  O26 gap (time, integrity.report: the only integrity report is for ปีงบประมาณ 2567, not 2568).
Words that would undo a planted gap must not appear anywhere on the site; check_demo_site.py enforces it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import math
import random
import shutil
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from eval.zoo.doc import MONTHS, dabbr, dfull, thai  # noqa: E402  (one home for Thai digits and dates)
from tools.demosite.expected import render_expected  # noqa: E402  (after the path set-up above)
from tools.demosite.model import CONTENT_DIR, Executive, NewsPost, OitRow, Unit  # noqa: E402
from tools.demosite.model import load as load_content  # noqa: E402
from tools.demosite.page import fill, framed, link, rel  # noqa: E402
from tools.demosite.pdf import FONT_DIR, Doc, render  # noqa: E402
from tools.demosite.thai import D, be  # noqa: E402

OUT = ROOT / "oit" / "demo" / "site"
EXPECTED = ROOT / "oit" / "demo" / "expected.toml"

# --------------------------------------------------------------------------------------------------
# Who and where
# --------------------------------------------------------------------------------------------------

CONTENT = load_content()  # tools/demosite/content/*.toml, validated
_AG = CONTENT.agency
ORG = _AG.org
ORG_SHORT = _AG.org_short
AMPHOE = _AG.amphoe
CHANGWAT = _AG.changwat
POSTCODE = _AG.postcode
ADDRESS = _AG.address
PHONE = _AG.phone
FAX = _AG.fax
EMAIL = _AG.email
FACEBOOK = _AG.facebook
GOOGLE_FORM = _AG.google_form
EGP = _AG.egp
MAP_EMBED = _AG.map_embed

# (key, title+name, position, phone, e-mail or "")
MAYOR = _AG.executive("mayor")
PALAD = _AG.executive("palad")
COUNCIL_CHAIR = _AG.council_chair
COUNCIL_VICE = _AG.council_vice
VILLAGES = [v.name for v in _AG.villages]
COUNCIL = [v.council_member for v in _AG.villages]


# --------------------------------------------------------------------------------------------------
# Output registry
# --------------------------------------------------------------------------------------------------

PAGES: dict[str, str] = {}  # site path -> title, for the sitemap
SITEMAP_SKIP = {"admin/index.html"}


def write_bytes(path: str, data: bytes) -> None:
    target = OUT / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


# --------------------------------------------------------------------------------------------------
# Images (Pillow with raqm so Thai marks sit right)
# --------------------------------------------------------------------------------------------------


Font = ImageFont.FreeTypeFont


def font(size: int, name: str = "Garuda", bold: bool = False) -> Font:
    fname = f"{name}-Bold.ttf" if bold else f"{name}.ttf"
    return ImageFont.truetype(str(FONT_DIR / fname), size, layout_engine=ImageFont.Layout.RAQM)


def save_png(img: Image.Image, path: str, colors: int = 64) -> None:
    buf = io.BytesIO()
    img.convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT).save(buf, "PNG", optimize=True)
    write_bytes(path, buf.getvalue())


def save_jpg(img: Image.Image, path: str, quality: int = 68) -> None:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality, optimize=True, progressive=True)
    write_bytes(path, buf.getvalue())


def centered(draw: ImageDraw.ImageDraw, box, text, fnt, fill) -> None:
    x0, y0, x1, y1 = box
    left, top, right, bottom = draw.textbbox((0, 0), text, font=fnt)
    draw.text(((x0 + x1 - (right - left)) / 2 - left, (y0 + y1 - (bottom - top)) / 2 - top), text, font=fnt, fill=fill)


def make_logo() -> None:
    img = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((6, 6, 234, 234), fill=(255, 250, 235), outline=(150, 20, 40), width=8)
    d.ellipse((26, 26, 214, 214), outline=(190, 150, 40), width=3)
    # a red lotus over a pond
    cx, cy = 120, 106
    for ang, r in ((-50, 62), (50, 62), (-25, 70), (25, 70), (0, 76)):
        a = math.radians(ang)
        tip = (cx + r * math.sin(a), cy - r * math.cos(a))
        left = (cx + 20 * math.cos(a), cy + 20 * math.sin(a))
        right = (cx - 20 * math.cos(a), cy - 20 * math.sin(a))
        d.polygon([left, tip, right, (cx, cy + 18)], fill=(200, 30, 60), outline=(120, 10, 30))
    d.ellipse((62, 136, 178, 166), fill=(60, 130, 190))
    d.rectangle((62, 151, 178, 166), fill=(255, 250, 235))
    centered(d, (40, 170, 200, 206), "อบต.หนองบัวแดง", font(17, bold=True), (150, 20, 40))
    img = img.resize((120, 120), Image.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    write_bytes("img/logo.png", buf.getvalue())


def make_silhouette(key: str, seed: int) -> None:
    rnd = random.Random(seed)
    bg = (rnd.randint(205, 235), rnd.randint(215, 240), rnd.randint(225, 250))
    img = Image.new("RGB", (180, 220), bg)
    d = ImageDraw.Draw(img)
    shirt = rnd.choice([(200, 170, 90), (95, 110, 70), (230, 230, 230), (70, 90, 140)])
    d.ellipse((20, 150, 160, 290), fill=shirt)  # shoulders
    d.rectangle((76, 118, 104, 160), fill=(120, 120, 128))  # neck
    d.ellipse((52, 40, 128, 132), fill=(120, 120, 128))  # head
    d.polygon([(90, 160), (80, 175), (90, 220), (100, 175)], fill=(60, 60, 70))
    save_png(img, f"img/exec/{key}.png", colors=16)


def scene(seed: int, kind: str, banner: str, size=(640, 400)) -> Image.Image:
    """A plausible-looking event photo: a room or a field, people, a vinyl banner with Thai text."""
    rnd = random.Random(seed)
    w, h = size
    img = Image.new("RGB", size)
    d = ImageDraw.Draw(img)
    if kind == "indoor":
        for y in range(h):
            c = 215 - int(35 * y / h)
            d.line([(0, y), (w, y)], fill=(c, c - 8, c - 20))
        d.rectangle((0, int(h * 0.72), w, h), fill=(150, 110, 80))
        bcol = rnd.choice([(40, 70, 150), (20, 110, 70), (130, 30, 50)])
        d.rectangle((70, 28, w - 70, 150), fill=bcol)
        d.rectangle((76, 34, w - 76, 144), outline=(240, 210, 90), width=3)
    else:
        for y in range(int(h * 0.55)):
            t = y / (h * 0.55)
            d.line([(0, y), (w, y)], fill=(int(120 + 90 * t), int(170 + 60 * t), 235))
        d.rectangle((0, int(h * 0.55), w, h), fill=(105, 150, 70))
        for _ in range(9):
            x = rnd.randint(0, w)
            d.ellipse((x - 60, int(h * 0.38), x + 60, int(h * 0.62)), fill=(60, 110, 50))
        d.polygon([(60, 150), (w // 2, 60), (w - 60, 150)], fill=(235, 235, 240))  # tent roof
        d.rectangle((60, 150, w - 60, 160), fill=(200, 40, 50))
        bcol = (250, 250, 245)
        d.rectangle((120, 168, w - 120, 230), fill=bcol)
    fnt = font(24 if kind == "indoor" else 18, bold=True)
    text_fill = (255, 255, 255) if kind == "indoor" else (30, 60, 140)
    lines = banner.split("\n")
    top, bottom = (34, 144) if kind == "indoor" else (168, 230)
    step = (bottom - top) / len(lines)
    for i, line in enumerate(lines):
        centered(d, (0, top + i * step, w, top + (i + 1) * step), line, fnt, text_fill)
    # people: heads and shoulders in rows
    rows = 3 if kind == "indoor" else 2
    for r in range(rows):
        y = int(h * (0.66 + 0.11 * r))
        n = rnd.randint(7, 10)
        for i in range(n):
            x = int((i + 0.5 + rnd.uniform(-0.25, 0.25)) * w / n)
            s = 24 + r * 6
            col = rnd.choice([(230, 230, 230), (200, 170, 90), (60, 80, 130), (150, 40, 60), (240, 200, 80)])
            d.ellipse((x - s, y + s // 2, x + s, y + 3 * s), fill=col)
            skin = rnd.choice([(120, 85, 60), (150, 110, 80), (95, 70, 50)])
            d.ellipse((x - s // 2, y - s // 2, x + s // 2, y + s // 2 + 4), fill=skin)
            d.pieslice((x - s // 2, y - s // 2, x + s // 2, y + s // 2), 180, 360, fill=(25, 25, 25))
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    return img


def make_ita_banner() -> None:
    w, h = 1100, 240
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    for x in range(w):
        t = x / w
        d.line([(x, 0), (x, h)], fill=(int(15 + 20 * t), int(40 + 50 * t), int(110 + 60 * t)))
    for i in range(14):
        d.ellipse((800 + i * 25, -80 + i * 12, 1300, 400), outline=(230, 190, 80), width=1)
    d.text((40, 30), "ITA", font=font(96, "Loma", bold=True), fill=(250, 205, 70))
    d.text((250, 30), "2569", font=font(96, "Loma", bold=True), fill=(255, 255, 255))
    d.text(
        (44, 150),
        "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
        font=font(28, bold=True),
        fill=(255, 255, 255),
    )
    d.text((44, 192), f"{ORG} • คลิกเพื่อดูข้อมูลการเปิดเผยข้อมูลสาธารณะ (OIT)", font=font(20), fill=(250, 215, 110))
    save_png(img, "img/banner-ita-2569.png", colors=48)


INK = (20, 40, 110)  # the org chart's outlines and connectors


def chart_box(d: ImageDraw.ImageDraw, box: tuple[int, int, int, int], lines: list[tuple[str, Font]], fill) -> None:
    """A rounded box of the org chart with its lines of text centred one under the other."""
    x0, y0, x1, y1 = box
    d.rounded_rectangle(box, radius=10, fill=fill, outline=INK, width=2)
    step = (y1 - y0) / len(lines)
    for i, (txt, f) in enumerate(lines):
        centered(d, (x0, y0 + i * step, x1, y0 + (i + 1) * step), txt, f, (20, 20, 40))


def chart_lines(d: ImageDraw.ImageDraw, *segments: tuple[int, int, int, int]) -> None:
    for seg in segments:
        d.line(seg, fill=INK, width=2)


def chart_political(d: ImageDraw.ImageDraw, big: Font, small: Font) -> None:
    """The นายก and the สภา side by side, with their deputies and members below."""
    chart_box(d, (90, 110, 560, 175), [("นายกองค์การบริหารส่วนตำบล", big), ("(ฝ่ายบริหาร)", small)], (255, 235, 200))
    chart_box(d, (840, 110, 1310, 175), [("สภาองค์การบริหารส่วนตำบล", big), ("(ฝ่ายนิติบัญญัติ)", small)], (255, 235, 200))
    chart_box(d, (60, 205, 300, 255), [("รองนายก อบต. (2 คน)", big)], (255, 245, 225))
    chart_box(d, (350, 205, 590, 255), [("เลขานุการนายก อบต.", big)], (255, 245, 225))
    chart_box(d, (860, 205, 1290, 255), [("ประธานสภา / รองประธานสภา / สมาชิกสภา อบต.", small)], (255, 245, 225))
    chart_lines(
        d,
        (325, 175, 325, 190),
        (180, 190, 470, 190),
        (180, 190, 180, 205),
        (470, 190, 470, 205),
        (1075, 175, 1075, 205),
    )


def chart_civil(d: ImageDraw.ImageDraw, big: Font, small: Font) -> None:
    """The ปลัด and รองปลัด under the นายก, and the bar the units hang from."""
    chart_lines(d, (325, 255, 325, 300), (325, 300, 700, 300))
    level = [
        ("ปลัดองค์การบริหารส่วนตำบล", "(นักบริหารงานท้องถิ่น ระดับกลาง)"),
        ("รองปลัดองค์การบริหารส่วนตำบล", "(นักบริหารงานท้องถิ่น ระดับต้น)"),
    ]
    chart_box(d, (480, 300, 920, 365), [(level[0][0], big), (level[0][1], small)], (215, 235, 255))
    chart_lines(d, (700, 365, 700, 395))
    chart_box(d, (500, 395, 900, 455), [(level[1][0], big), (level[1][1], small)], (215, 235, 255))
    chart_lines(d, (700, 455, 700, 490), (175, 490, 1225, 490))


def chart_unit(d: ImageDraw.ImageDraw, cx: int, unit: Unit, big: Font, small: Font) -> None:
    """A unit's box (agency.toml units) centred at cx, its sections listed below it."""
    chart_lines(d, (cx, 490, cx, 515))
    chart_box(d, (cx - 160, 515, cx + 160, 585), [(unit.name, big), (f"({unit.head})", small)], (220, 245, 225))
    y = 605
    for section in unit.sections:
        d.line((cx - 140, y + 18, cx - 150, y + 18), fill=(100, 100, 100), width=1)
        d.rectangle((cx - 140, y, cx + 150, y + 36), outline=(120, 140, 120), width=1, fill=(248, 252, 248))
        centered(d, (cx - 140, y, cx + 150, y + 36), section, small, (30, 30, 30))
        y += 46
    d.line((cx - 150, 585, cx - 150, y - 28), fill=(100, 100, 100), width=1)


def make_org_chart() -> None:
    w, h = 1400, 980
    img = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(img)
    big, small = font(19, bold=True), font(16)
    centered(d, (0, 10, w, 60), f"แผนผังโครงสร้างส่วนราชการ {ORG}", font(34, bold=True), INK)
    centered(d, (0, 58, w, 90), "ตามแผนอัตรากำลัง 3 ปี (ปีงบประมาณ พ.ศ. 2567 – 2569) ฉบับปรับปรุง", small, (80, 80, 80))
    chart_political(d, big, small)
    chart_civil(d, big, small)
    for i, unit in enumerate(_AG.units):
        chart_unit(d, 175 + i * 350, unit, big, small)
    centered(d, (0, 930, w, 965), "ข้อมูล ณ วันที่ 1 ตุลาคม 2568 • งานบริหารงานบุคคล สำนักปลัด", small, (90, 90, 90))
    save_png(img, "img/org-chart-2569.png", colors=32)


# --------------------------------------------------------------------------------------------------
# PDFs drawn from tabular content (สขร.1, No Gift); the others are data, see build_documents()
# --------------------------------------------------------------------------------------------------


def new_doc(title: str, date: dt.date, landscape: bool = False, size: float = 15) -> Doc:
    """A document of the agency written into the site (for the PDFs drawn from tabular content: สขร.1, No Gift)."""
    return Doc(title, date, out=OUT, author=ORG, landscape=landscape, size=size)


def money(x: float) -> str:
    return f"{x:,.2f}"


# ----- O20 No Gift -----------------------------------------------------------------------------------

NOGIFT_TITLE_2569 = (
    "ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2569"
)


def nogift_announcement(year_be: int, signer: Executive, path: str, seed: int) -> None:
    """The No Gift announcement. For 2569 the signer is the ปลัด (the planted gap); for 2568 the นายก."""
    date = D(year_be - 1, 10, 1)
    doc = new_doc(f"ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. {year_be}", date, size=14)
    doc.seal(20)
    doc.center(f"ประกาศ{ORG}", bold=True, size=16)
    doc.center(
        f"เรื่อง ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) "
        f"ประจำปีงบประมาณ พ.ศ. {thai(year_be)}",
        bold=True,
        size=16,
    )
    doc.center("-----------------------------------------")
    doc.ln(2)
    doc.para(
        "ตามที่คณะรัฐมนตรีได้มีมติเมื่อวันที่ ๑๔ พฤศจิกายน ๒๕๖๐ เห็นชอบยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปราม"
        "การทุจริต และสำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ได้กำหนดให้หน่วยงาน"
        "ภาครัฐดำเนินการตามแนวทางการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and "
        "Transparency Assessment : ITA) โดยให้หน่วยงานจัดทำนโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ "
        "(No Gift Policy) เพื่อป้องกันผลประโยชน์ทับซ้อนและสร้างวัฒนธรรมองค์กรที่ซื่อสัตย์สุจริต"
    )
    doc.para(f"{ORG} จึงขอประกาศเจตนารมณ์ให้ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้าง ทุกคนถือปฏิบัติ ดังนี้")
    items = CONTENT.nogift.rules
    for it in items:
        doc.bullet(it)
    doc.ln(2)
    doc.para("จึงประกาศมาเพื่อทราบและถือปฏิบัติโดยทั่วกัน")
    doc.center(f"ประกาศ ณ วันที่ {thai(date.day)} ตุลาคม พ.ศ. {thai(be(date))}")
    doc.signature(signer.name, signer.position, seed=seed)
    doc.save(path)


# ----- O11 procurement ---------------------------------------------------------------------------------

SKR_HEADER = [
    "ที่",
    "งานที่จัดซื้อ\nหรือจัดจ้าง",
    "วงเงินที่จัดซื้อ\nหรือจ้าง\n(บาท)",
    "ราคากลาง\n(บาท)",
    "วิธีซื้อ\nหรือจ้าง",
    "รายชื่อผู้เสนอราคา\nและราคาที่เสนอ",
    "ผู้ได้รับการคัดเลือก\nและราคาที่ตกลง\nซื้อหรือจ้าง",
    "เหตุผลที่คัดเลือก\nโดยสังเขป",
    "เลขที่และวันที่ของ\nสัญญาหรือข้อตกลง\nในการซื้อหรือจ้าง",
]
SKR_WIDTHS = (9, 40, 27, 27, 27, 40, 36, 30, 37)
R_SPECIFIC = CONTENT.procurement.reason_specific
R_LOWEST = CONTENT.procurement.reason_lowest

# (job, budget, ref price, method, bidders[(name, price)], winner, reason, contract), per published month
_PR = CONTENT.procurement
SKR_MONTHS_2569 = list(_PR.months)  # March 2569 is missing (planted: see procurement.toml)
PROCUREMENT_2569: dict[tuple[int, int], list[tuple]] = {
    ym: [
        (
            c.job,
            c.budget,
            c.reference_price,
            c.method,
            c.bidders,
            R_SPECIFIC if c.reason == "specific" else R_LOWEST,
            c.contract,
        )
        for c in _PR.contracts
        if c.month == ym
    ]
    for ym in SKR_MONTHS_2569
}
SKR_MONTHS_2568 = [(2567, m) for m in (10, 11, 12)] + [(2568, m) for m in range(1, 10)]


def skr_title(y: int, m: int) -> str:
    return f"สรุปผลการจัดซื้อจัดจ้าง (แบบ สขร.1) ประจำเดือน{MONTHS[m - 1]} {y}"


def skr_path(y: int, m: int) -> str:
    fiscal = y + 1 if m >= 10 else y
    return f"docs/procurement/{fiscal}/skr1-{y}-{m:02d}.pdf"


def skr_publish_date(y: int, m: int) -> dt.date:
    y2, m2 = (y + 1, 1) if m == 12 else (y, m + 1)
    return D(y2, m2, 5)


def skr_pdf(y: int, m: int, rows: list[tuple]) -> None:
    pub = skr_publish_date(y, m)
    doc = new_doc(skr_title(y, m), pub, landscape=True, size=14)
    doc.center("แบบ สขร.1", size=12)
    doc.center(f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{MONTHS[m - 1]} {thai(y)}", bold=True, size=16)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", bold=True, size=15)
    doc.center(f"วันที่ {thai(pub.day)} เดือน {MONTHS[pub.month - 1]} พ.ศ. {thai(be(pub))}", size=14)
    doc.ln(2)
    body = []
    if not rows:
        body.append(["-", f"ในเดือน{MONTHS[m - 1]} {y} ไม่มีการจัดซื้อจัดจ้าง", "-", "-", "-", "-", "-", "-", "-"])
    for i, (job, budget, ref, method, bidders, reason, contract) in enumerate(rows, 1):
        offers = "\n".join(f"{name} ราคาที่เสนอ {money(p)} บาท" for name, p in bidders)
        win_name, win_price = min(bidders, key=lambda b: b[1])
        body.append(
            [
                str(i),
                job,
                money(budget),
                money(ref),
                method,
                offers,
                f"{win_name} ราคาที่ตกลง {money(win_price)} บาท",
                reason,
                contract,
            ]
        )
    doc.table_rows(
        SKR_HEADER,
        body,
        SKR_WIDTHS,
        size=10.5,
        align=("CENTER", "LEFT", "RIGHT", "RIGHT", "CENTER", "LEFT", "LEFT", "LEFT", "LEFT"),
    )
    if not rows:
        doc.para(f"{ORG} ขอรายงานว่า ในรอบเดือน{MONTHS[m - 1]} พ.ศ. {thai(y)} ไม่มีการจัดซื้อจัดจ้าง", indent=False)
    finance = _AG.executive("finance")
    doc.signature(finance.name, finance.position, pre="ผู้รายงาน", seed=y * 100 + m)
    doc.save(skr_path(y, m))


def generic_rows(y: int, m: int, rnd: random.Random) -> list[tuple]:
    """Plausible rows for the 2568 archive."""
    pool = [(r.job, r.low, r.high, r.vendor, r.kind) for r in CONTENT.procurement.archive_pool]
    rows = []
    for n, (job, lo, hi, vendor, kind) in enumerate(rnd.sample(pool, rnd.randint(2, 4)), 1):
        amount = round(rnd.uniform(lo, hi) / 10) * 10
        num = (m + 3) % 12 * 4 + n
        when = D(y, m, rnd.randint(2, 26))
        doc = "ใบสั่งซื้อ" if kind == "ซื้อ" else "ใบสั่งจ้าง"
        rows.append(
            (
                job,
                amount,
                amount,
                "เฉพาะเจาะจง",
                [(vendor, amount)],
                R_SPECIFIC,
                f"{doc}เลขที่ {num}/2568 ลงวันที่ {dabbr(when)}",
            )
        )
    return rows


# ----- the documents described as data (content/documents/*.toml, drawn by tools/demosite/pdf.py) ------------
#
# Their site paths, for the pages that link them. Three carry a planted gap, declared in their own file, modelled on
# the assessor findings that seed 000 quotes: O7 annual-report-2568, O12 procurement-annual-report-2568 and
# O26 integrity-report-2567.

ETHICS_CODE = "docs/ita/2569/ethics-code.pdf"
RISK_2569 = "docs/ita/2569/risk-assessment-2569.pdf"
RISK_REPORT_2568 = "docs/ita/2568/risk-report-2568.pdf"
AC_PLAN_2569 = "docs/ita/2569/anticorruption-plan-2569.pdf"
AC_REPORT_2568 = "docs/ita/2568/anticorruption-report-2568.pdf"
INTEGRITY_2569 = "docs/ita/2569/integrity-measures-2569.pdf"
INTEGRITY_REPORT_2567 = "docs/ita/2569/integrity-report-2567.pdf"  # planted: the wrong year, in this year's folder
PARTICIPATION_2569 = "docs/ita/2569/participation-report-2569.pdf"
HR_PLAN_2569 = "docs/hr/hr-plan-2569.pdf"
HR_REPORT_2568 = "docs/hr/hr-report-2568.pdf"
PROCURE_REPORT_2568 = "docs/procurement/2568/procurement-annual-report-2568.pdf"
ANNUAL_REPORT_2568 = "docs/plan/annual-report-2568.pdf"
MANUAL_TAX = "docs/manuals/sop-land-tax.pdf"
MANUAL_BUILDING = "docs/manuals/sop-building-permit.pdf"
ARCHIVE_2568: dict[tuple[int, int], list[tuple]] = {}  # the FY2568 สขร.1 rows, filled by build_procurement()


METHOD_NAMES = {
    "เฉพาะเจาะจง": "วิธีเฉพาะเจาะจง",
    "e-bidding": "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
    "คัดเลือก": "วิธีคัดเลือก",
}


def sums_by_method_2568() -> dict[str, list[float]]:
    """Every purchase of fiscal year 2568 (the small ones of the monthly summaries, สขร.1, and the major contracts)
    summed by method: [count, budget, ราคากลาง, price]."""
    small = [r for rows in ARCHIVE_2568.values() for r in rows]
    purchases = [
        ("เฉพาะเจาะจง", budget, ref, min(p for _n, p in bidders)) for _j, budget, ref, _m, bidders, *_ in small
    ]
    purchases += [(c.method, c.budget, c.reference_price, c.price) for c in _PR.major_2568]
    by_method: dict[str, list[float]] = {key: [0, 0, 0, 0] for key in METHOD_NAMES}
    for method, *amounts in purchases:
        agg = by_method[method]
        agg[:] = [agg[0] + 1, *(a + b for a, b in zip(agg[1:], amounts, strict=True))]
    return by_method


def procurement_2568_tables() -> tuple[dict[str, str], dict[str, list[list[str]]]]:
    """The computed parts of the annual procurement report 2568 (O12): the sums by method, the major contracts."""
    by_method = sums_by_method_2568()
    total = [sum(col) for col in zip(*by_method.values(), strict=True)]
    by_method_rows = [
        [label, str(int(n)), money(b), money(r), money(p), money(b - p)]
        for label, (n, b, r, p) in [*((METHOD_NAMES[k], v) for k, v in by_method.items()), ("รวม", total)]
    ]
    major = [
        [
            str(i),
            c.job,
            *map(money, (c.budget, c.reference_price)),
            METHOD_NAMES[c.method],
            c.winner,
            money(c.price),
            c.contract,
        ]
        for i, c in enumerate(_PR.major_2568, 1)
    ]
    n_specific = int(by_method["เฉพาะเจาะจง"][0])
    values = {
        "small": thai(sum(len(rows) for rows in ARCHIVE_2568.values())),
        "specific": thai(n_specific),
        "total": thai(int(total[0])),
        "percent": thai(f"{100 * n_specific / total[0]:.2f}"),
        "saved": money(total[1] - total[3]),
    }
    return values, {"by_method": by_method_rows, "major": major}


def build_documents() -> None:
    """Every PDF described as data (content/documents); after build_procurement(), whose archive one of them sums."""
    values, rows = procurement_2568_tables()
    for data in CONTENT.documents:
        render(data, OUT, _AG, values if data.path == PROCURE_REPORT_2568 else None, rows)


# --------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------


def page(path: str, title: str, body: str, crumbs=None, legacy: bool = False, sitemap: bool = True) -> None:
    text = framed(CONTENT.site, _AG, path, title, body, crumbs, legacy)
    data = text.encode("cp874") if legacy else text.encode("utf-8")  # strict: fails loudly on a stray char
    write_bytes(path, data)
    if sitemap:
        PAGES[path] = title


def esc(s: str) -> str:
    return html.escape(s, quote=False)


# ----- the pages: content/pages/*.toml, each filled with what the generator draws from the other content ----------


def show(path: str, **values: object) -> None:
    """Write the page of content/pages whose path this is, its body filled with the agency's fields and `values`."""
    p = CONTENT.page(path)
    page(p.path, p.title, fill(p, _AG, values), p.crumbs, p.legacy, p.sitemap)


def news_cards(here: str, posts: list[NewsPost]) -> str:
    return "".join(
        f'<article><a href="{rel(here, f"news/{n.slug}.html")}"><img src="{rel(here, f"img/news/{n.slug}-thumb.jpg")}" '
        f'alt="{esc(n.title)}"></a><div class="t"><span class="date">{dabbr(n.date, n.thai_digits)}</span><br>'
        f'<a href="{rel(here, f"news/{n.slug}.html")}">{esc(n.title)}</a></div></article>'
        for n in posts
    )


# ----- news ------------------------------------------------------------------------------------------

NEWS = CONTENT.news


def build_news() -> None:
    for i, post in enumerate(NEWS):
        slug, title = post.slug, post.title
        n = int(slug.split("-")[1]) - 1  # the post's own number keeps its photo and counter stable
        img = scene(1000 + n, post.scene, post.banner)
        save_jpg(img, f"img/news/{slug}.jpg")
        save_jpg(img.resize((320, 200), Image.LANCZOS), f"img/news/{slug}-thumb.jpg", quality=65)
        here = f"news/{slug}.html"
        body = [
            f"<h1>{esc(title)}</h1>",
            f'<p class="date">โพสต์เมื่อ {dfull(post.date, post.thai_digits)} &nbsp;|&nbsp; โดย งานประชาสัมพันธ์ สำนักปลัด '
            f"&nbsp;|&nbsp; อ่าน {137 + 41 * n} ครั้ง</p>",
            f'<figure><img src="{rel(here, f"img/news/{slug}.jpg")}" alt="{esc(title)}" width="640" height="400">'
            f"<figcaption>ภาพกิจกรรม: {esc(title)}</figcaption></figure>",
        ]
        body += [f"<p>{esc(p)}</p>" for p in post.paragraphs]
        body.append(f'<p class="muted">งานประชาสัมพันธ์ สำนักปลัด {ORG} โทร. {PHONE} ต่อ 101</p>')
        nav = []
        if i > 0:
            nav.append(link(here, f"news/{NEWS[i - 1].slug}.html", "&laquo; ข่าวก่อนหน้า"))
        nav.append(link(here, "news/index.html", "ข่าวประชาสัมพันธ์ทั้งหมด"))
        if i < len(NEWS) - 1:
            nav.append(link(here, f"news/{NEWS[i + 1].slug}.html", "ข่าวถัดไป &raquo;"))
        body.append("<p>" + " &nbsp;|&nbsp; ".join(nav) + "</p>")
        page(here, title, "\n".join(body), crumbs=[("ข่าวประชาสัมพันธ์", "news/index.html"), (esc(title[:40]) + "…", "")])
    show("news/index.html", cards=news_cards("news/index.html", list(reversed(NEWS))))


# ----- ข้อมูลพื้นฐาน (O1, O2) and ติดต่อเรา (O3) -------------------------------------------------------------


def page_about_history() -> None:
    v = VILLAGES
    rows = (
        f"<tr><td>{thai(i + 1)}</td><td>{v[i]}</td><td>{thai(i + 7)}</td><td>{v[i + 6]}</td></tr>" for i in range(6)
    )
    show("about/history.html", village_rows="".join(rows))


def page_about_general() -> None:
    rows = "".join(
        f"<tr><td>{i}</td><td>{v.name}</td><td>{v.male:,}</td><td>{v.female:,}</td><td>{v.male + v.female:,}</td>"
        f"<td>{v.households:,}</td></tr>"
        for i, v in enumerate(_AG.villages, 1)
    )
    tm, tf, thh = (sum(getattr(v, k) for v in _AG.villages) for k in ("male", "female", "households"))
    show("about/general.html", rows=rows, tm=tm, tf=tf, people=tm + tf, thh=thh)


def page_about_executives() -> None:
    """O2: one card per executive: photo, name, position and a phone number."""
    here = "about/executives.html"
    cards = []
    for i, e in enumerate(_AG.executives):
        make_silhouette(e.key, 500 + i)
        extra = f'<br>อีเมล <a href="mailto:{e.email}">{e.email}</a>' if e.email else ""
        cls = "card top" if e.key == "mayor" else "card"
        cards.append(
            f'<div class="{cls}"><img src="{rel(here, f"img/exec/{e.key}.png")}" alt="{e.name}">'
            f'<div class="name">{e.name}</div><div class="pos">{e.position}</div>'
            f"<div>โทร. {e.phone}{extra}</div></div>"
        )
    show(here, political="".join(cards[:4]), civil="".join(cards[4:]))


def page_about_council() -> None:
    roles = {COUNCIL_CHAIR: "ประธานสภา อบต.", COUNCIL_VICE: "รองประธานสภา อบต."}
    rows = "".join(
        f"<tr><td>{i}</td><td>{name}</td><td>{roles.get(name, 'สมาชิกสภา อบต.')}</td><td>หมู่ที่ {i} {village}</td></tr>"
        for i, (name, village) in enumerate(zip(COUNCIL, VILLAGES, strict=True), 1)
    )
    show("about/council.html", rows=rows)


def build_about() -> None:
    page_about_history()
    page_about_general()
    show("about/vision.html")
    show("about/structure.html")
    show("about/authority.html")
    page_about_executives()
    page_about_council()
    show("contact.html")  # O3's planted gap is declared in its page file


# ----- จัดซื้อจัดจ้าง (O11) -------------------------------------------------------------------------------


def announcement_items(here: str, limit: int | None = None) -> str:
    items = []
    for ann in sorted(CONTENT.procurement.announcements, key=lambda x: x.date, reverse=True)[:limit]:
        if ann.target == "egp":
            item = f'{esc(ann.title)} <a href="{EGP}" target="_blank" rel="noopener">[ดูในระบบ e-GP]</a>'
        else:
            item = link(here, ann.target, esc(ann.title)) if ann.target else esc(ann.title)
        items.append(f'<li><span class="date">{dabbr(ann.date, digits_thai=True)}</span> – {item}</li>')
    return '<ul class="doclist">' + "".join(items) + "</ul>"


def page_procurement_index() -> None:
    here = "procurement/index.html"
    rows = []
    for n, (y, m) in enumerate(reversed(SKR_MONTHS_2569), 1):
        note = ' <span class="muted">(ไม่มีการจัดซื้อจัดจ้าง)</span>' if not PROCUREMENT_2569[(y, m)] else ""
        pub = skr_publish_date(y, m)
        rows.append(
            f"<tr><td>{n}</td><td>{link(here, skr_path(y, m), skr_title(y, m))}{note}</td><td>{dabbr(pub)}</td></tr>"
        )
    show(here, rows="".join(rows), announcements=announcement_items(here, limit=5))


def page_procurement_archive_2568() -> None:
    here = "procurement/archive-2568.html"
    rows = "".join(
        f"<tr><td>{n}</td><td>{link(here, skr_path(y, m), skr_title(y, m))}</td></tr>"
        for n, (y, m) in enumerate(SKR_MONTHS_2568, 1)
    )
    show(here, rows=rows)


def build_procurement() -> None:
    for ym in SKR_MONTHS_2569:
        skr_pdf(*ym, PROCUREMENT_2569[ym])
    rnd = random.Random(2568)
    for y, m in SKR_MONTHS_2568:
        ARCHIVE_2568[(y, m)] = generic_rows(y, m, rnd)
        skr_pdf(y, m, ARCHIVE_2568[(y, m)])
    page_procurement_index()
    show("procurement/announcements.html", announcements=announcement_items("procurement/announcements.html"))
    page_procurement_archive_2568()


# ----- E-Service (O10): a Google Form and statistics, no usage instructions (planted in eservice.toml) ---------


def build_eservice() -> None:
    stats = CONTENT.eservice.stats
    rows = "".join(
        f"<tr><td>{MONTHS[m - 1]} {y}</td>"
        + "".join(f"<td>{c}</td>" for c in s.counts)
        + f"<td>{sum(s.counts)}</td></tr>"
        for s in stats
        for y, m in [s.month]
    )
    totals = [sum(col) for col in zip(*(s.counts for s in stats), strict=True)]
    show("eservice/index.html", rows=rows, totals="".join(f"<th>{t}</th>" for t in totals), grand=sum(totals))


# ----- แผนงาน, งานบริการ, ร้องเรียน --------------------------------------------------------------------


def build_plan_services() -> None:
    show("plan/index.html")
    show("services/index.html")
    show("services/staff-manuals.html")
    months = [(2568, 10), (2568, 11), (2568, 12), (2569, 1), (2569, 2), (2569, 3)]  # all zero: no complaints
    stats = "".join(f"<tr><td>{MONTHS[m - 1]} {y}</td><td>0</td><td>0</td><td>0</td></tr>" for y, m in months)
    show("ita/complaint.html", srows=stats)


# ----- ITA ---------------------------------------------------------------------------------------------

NOGIFT_REP_2569 = "docs/ita/2569/nogift-report-2569-6months.pdf"


def oit_rows(here: str, rows: list[OitRow]) -> str:
    """The rows of an OIT index table (content/ita.toml): headings, and items with their links or the ITAS note."""
    out = []
    for r in rows:
        if r.indicator:
            out.append(f'<tr><th colspan="3" style="text-align:left;background:#e6d3a3">{r.indicator}</th></tr>')
        if r.group:
            out.append(f'<tr><th colspan="3" style="text-align:left">{r.group}</th></tr>')
            continue
        links = "<br>".join(link(here, target, esc(label)) for label, target in r.links)
        cell = f'<span class="muted">{CONTENT.ita.itas_note}</span>' if r.itas else links
        out.append(f'<tr><td class="center">{r.code}</td><td>{esc(r.title)}</td><td>{cell}</td></tr>')
    return "".join(out)


def build_ita() -> None:
    for ann in CONTENT.nogift.announcements:  # 2569 is signed by the ปลัด (planted), 2568 by the นายก
        nogift_announcement(ann.year, _AG.executive(ann.signer), ann.path, seed=ann.seed)
    show("ita/index.html")
    show("ita/ita-2569.html", rows=oit_rows("ita/ita-2569.html", CONTENT.ita.oit_2569))
    show("ita/ita-2568.html", rows=oit_rows("ita/ita-2568.html", CONTENT.ita.oit_2568))
    show("ita/nogift-2569.html", nogift_report_title=esc(CONTENT.document(NOGIFT_REP_2569).title))
    show("ita/ethics-2569.html")
    show("ita/complaint-form.html")


# ----- home, admin, sitemap, robots ----------------------------------------------------------------------


def build_home() -> None:
    make_ita_banner()
    save_jpg(
        scene(42, "outdoor", "ยินดีต้อนรับสู่ องค์การบริหารส่วนตำบลหนองบัวแดง\nหนองบัวแดงน่าอยู่ เศรษฐกิจพอเพียง", size=(1100, 360)),
        "img/hero.jpg",
        quality=62,
    )
    news = news_cards("index.html", list(reversed(NEWS))[:6])
    show("index.html", news=news, announcements=announcement_items("index.html", limit=4))
    show("admin/index.html")


def build_sitemaps() -> None:
    here = "sitemap.html"
    PAGES[here] = "แผนผังเว็บไซต์"
    items = "".join(f'<li><a href="{rel(here, p)}">{esc(t)}</a></li>' for p, t in sorted(PAGES.items()) if p != here)
    page(here, "แผนผังเว็บไซต์", f"<h1>แผนผังเว็บไซต์</h1><ul>{items}</ul>", crumbs=[("แผนผังเว็บไซต์", "")])
    locs = []
    for p in sorted(PAGES):
        loc = "/" if p == "index.html" else "/" + p
        locs.append(f"  <url><loc>{loc}</loc></url>")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(locs)
        + "\n</urlset>\n"
    )
    write_bytes("sitemap.xml", xml.encode())
    write_bytes("robots.txt", b"User-agent: *\nDisallow: /admin/\n\nSitemap: /sitemap.xml\n")


def main(argv: list[str] | None = None) -> None:
    global OUT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help="the site directory to (re)write (default oit/demo/site)")
    ap.add_argument("--expected", type=Path, default=EXPECTED, help="where expected.toml goes")
    args = ap.parse_args(argv)
    OUT = args.out
    PAGES.clear()
    ARCHIVE_2568.clear()
    args.expected.parent.mkdir(parents=True, exist_ok=True)
    args.expected.write_text(render_expected(CONTENT), encoding="utf-8")
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    write_bytes("css/style.css", (CONTENT_DIR / "style.css").read_bytes())
    make_logo()
    make_org_chart()
    build_about()
    build_news()
    build_procurement()
    build_documents()
    build_eservice()
    build_plan_services()
    build_ita()
    build_home()
    build_sitemaps()
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    n_html = len(list(OUT.rglob("*.html")))
    n_pdf = len(list(OUT.rglob("*.pdf")))
    print(f"wrote {OUT}: {n_html} HTML pages, {n_pdf} PDFs, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
