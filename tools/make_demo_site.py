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
import posixpath
import random
import shutil
import sys
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from pythainlp.corpus.common import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.demosite.expected import render_expected  # noqa: E402  (after the path set-up above)
from tools.demosite.model import load as load_content  # noqa: E402

OUT = ROOT / "oit" / "demo" / "site"
EXPECTED = ROOT / "oit" / "demo" / "expected.toml"
FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")

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
EXECUTIVES = [(e.key, e.name, e.position, e.phone, e.email) for e in _AG.executives]
MAYOR = EXECUTIVES[[e[0] for e in EXECUTIVES].index("mayor")]
PALAD = EXECUTIVES[[e[0] for e in EXECUTIVES].index("palad")]
COUNCIL_CHAIR = _AG.council_chair
COUNCIL_VICE = _AG.council_vice
VILLAGES = [v.name for v in _AG.villages]
COUNCIL = [v.council_member for v in _AG.villages]

# --------------------------------------------------------------------------------------------------
# Dates and digits
# --------------------------------------------------------------------------------------------------

MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
          "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]  # fmt: skip
MONTHS_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def th(s: object) -> str:
    """Arabic digits to Thai digits."""
    return str(s).translate(_THAI_DIGITS)


def be(d: dt.date) -> int:
    return d.year + 543


def dfull(d: dt.date, thai: bool = False) -> str:
    s = f"{d.day} {MONTHS[d.month - 1]} {be(d)}"
    return th(s) if thai else s


def dabbr(d: dt.date, thai: bool = False) -> str:
    s = f"{d.day} {MONTHS_ABBR[d.month - 1]} {be(d)}"
    return th(s) if thai else s


def D(y_be: int, m: int, d: int) -> dt.date:
    return dt.date(y_be - 543, m, d)


# --------------------------------------------------------------------------------------------------
# Output registry
# --------------------------------------------------------------------------------------------------

PAGES: dict[str, str] = {}  # site path -> title, for the sitemap
SITEMAP_SKIP = {"admin/index.html"}


def write_bytes(path: str, data: bytes) -> None:
    target = OUT / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def rel(here: str, target: str) -> str:
    """A relative link from the page at site path `here` to site path `target`."""
    if target.startswith(("http://", "https://", "mailto:", "tel:", "#")):
        return target
    path, _, frag = target.partition("#")
    start = posixpath.dirname(here) or "."
    out = posixpath.relpath(path, start)
    return out + (f"#{frag}" if frag else "")


# --------------------------------------------------------------------------------------------------
# Images (Pillow with raqm so Thai marks sit right)
# --------------------------------------------------------------------------------------------------


def font(size: int, name: str = "Garuda", bold: bool = False) -> ImageFont.FreeTypeFont:
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


def make_org_chart() -> None:
    w, h = 1400, 980
    img = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(img)
    f_title, f_box, f_small = font(34, bold=True), font(19, bold=True), font(16)
    centered(d, (0, 10, w, 60), f"แผนผังโครงสร้างส่วนราชการ {ORG}", f_title, (20, 40, 110))
    centered(d, (0, 58, w, 90), "ตามแผนอัตรากำลัง 3 ปี (ปีงบประมาณ พ.ศ. 2567 – 2569) ฉบับปรับปรุง", f_small, (80, 80, 80))

    def box(x0, y0, x1, y1, lines, fill, outline=(20, 40, 110)):
        d.rounded_rectangle((x0, y0, x1, y1), radius=10, fill=fill, outline=outline, width=2)
        step = (y1 - y0) / len(lines)
        for i, (txt, f) in enumerate(lines):
            centered(d, (x0, y0 + i * step, x1, y0 + (i + 1) * step), txt, f, (20, 20, 40))

    # political side
    box(90, 110, 560, 175, [("นายกองค์การบริหารส่วนตำบล", f_box), ("(ฝ่ายบริหาร)", f_small)], (255, 235, 200))
    box(840, 110, 1310, 175, [("สภาองค์การบริหารส่วนตำบล", f_box), ("(ฝ่ายนิติบัญญัติ)", f_small)], (255, 235, 200))
    box(60, 205, 300, 255, [("รองนายก อบต. (2 คน)", f_box)], (255, 245, 225))
    box(350, 205, 590, 255, [("เลขานุการนายก อบต.", f_box)], (255, 245, 225))
    box(860, 205, 1290, 255, [("ประธานสภา / รองประธานสภา / สมาชิกสภา อบต.", f_small)], (255, 245, 225))
    d.line((325, 175, 325, 190), fill=(20, 40, 110), width=2)
    d.line((180, 190, 470, 190), fill=(20, 40, 110), width=2)
    d.line((180, 190, 180, 205), fill=(20, 40, 110), width=2)
    d.line((470, 190, 470, 205), fill=(20, 40, 110), width=2)
    d.line((1075, 175, 1075, 205), fill=(20, 40, 110), width=2)
    # civil side
    d.line((325, 255, 325, 300), fill=(20, 40, 110), width=2)
    d.line((325, 300, 700, 300), fill=(20, 40, 110), width=2)
    box(
        480, 300, 920, 365, [("ปลัดองค์การบริหารส่วนตำบล", f_box), ("(นักบริหารงานท้องถิ่น ระดับกลาง)", f_small)], (215, 235, 255)
    )
    d.line((700, 365, 700, 395), fill=(20, 40, 110), width=2)
    box(
        500,
        395,
        900,
        455,
        [("รองปลัดองค์การบริหารส่วนตำบล", f_box), ("(นักบริหารงานท้องถิ่น ระดับต้น)", f_small)],
        (215, 235, 255),
    )
    d.line((700, 455, 700, 490), fill=(20, 40, 110), width=2)
    d.line((175, 490, 1225, 490), fill=(20, 40, 110), width=2)
    units = [
        (
            "สำนักปลัด",
            "หัวหน้าสำนักปลัด",
            ["งานบริหารทั่วไป", "งานนโยบายและแผน", "งานกฎหมายและคดี", "งานป้องกันและบรรเทาสาธารณภัย", "งานสวัสดิการและพัฒนาชุมชน"],
        ),
        ("กองคลัง", "ผู้อำนวยการกองคลัง", ["งานการเงิน", "งานบัญชี", "งานพัฒนาและจัดเก็บรายได้", "งานทะเบียนทรัพย์สินและพัสดุ"]),
        ("กองช่าง", "ผู้อำนวยการกองช่าง", ["งานก่อสร้าง", "งานออกแบบและควบคุมอาคาร", "งานประสานสาธารณูปโภค", "งานไฟฟ้าสาธารณะ"]),
        (
            "กองการศึกษา ศาสนาและวัฒนธรรม",
            "ผู้อำนวยการกองการศึกษาฯ",
            ["งานบริหารการศึกษา", "ศูนย์พัฒนาเด็กเล็ก (2 แห่ง)", "งานส่งเสริมศาสนาและวัฒนธรรม"],
        ),
    ]
    for i, (unit, head, jobs) in enumerate(units):
        cx = 175 + i * 350
        d.line((cx, 490, cx, 515), fill=(20, 40, 110), width=2)
        box(cx - 160, 515, cx + 160, 585, [(unit, f_box), (f"({head})", f_small)], (220, 245, 225))
        y = 605
        for job in jobs:
            d.line((cx - 140, y + 18, cx - 150, y + 18), fill=(100, 100, 100), width=1)
            d.rectangle((cx - 140, y, cx + 150, y + 36), outline=(120, 140, 120), width=1, fill=(248, 252, 248))
            centered(d, (cx - 140, y, cx + 150, y + 36), job, f_small, (30, 30, 30))
            y += 46
        d.line((cx - 150, 585, cx - 150, y - 28), fill=(100, 100, 100), width=1)
    centered(d, (0, 930, w, 965), "ข้อมูล ณ วันที่ 1 ตุลาคม 2568 • งานบริหารงานบุคคล สำนักปลัด", f_small, (90, 90, 90))
    save_png(img, "img/org-chart-2569.png", colors=32)


# --------------------------------------------------------------------------------------------------
# PDFs (fpdf2; poppler's pdftotext reads the text layer back intact)
# --------------------------------------------------------------------------------------------------


class Doc(FPDF):
    """An official-looking Thai document: Norasi (a Times-like Thai font), A4."""

    def __init__(self, title: str, date: dt.date, landscape: bool = False, size: float = 15):
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.add_font("N", "", str(FONT_DIR / "Norasi.ttf"))
        self.add_font("N", "B", str(FONT_DIR / "Norasi-Bold.ttf"))
        # No HarfBuzz shaping: the TLWG fonts place Thai marks well enough unshaped, and shaped text gets a stray
        # space after every sara am (ตำ บล) in pdftotext's output.
        self.set_lang("th")
        self.set_margins(25 if not landscape else 12, 18, 20 if not landscape else 12)
        self.set_auto_page_break(True, 18)
        self.base = size
        self.set_font("N", size=size)
        self.set_title(title)
        self.set_author(ORG)
        self.set_subject(title)
        self.set_creator("Microsoft Word")
        self.set_producer("Microsoft Word")
        self.set_creation_date(dt.datetime(date.year, date.month, date.day, 10, 30, tzinfo=dt.UTC))
        self.add_page()

    def seal(self, w: float = 24) -> None:
        self.image(str(OUT / "img" / "logo.png"), x=(self.w - w) / 2, y=self.get_y(), w=w)
        self.ln(w + 2)

    # fpdf2 only breaks lines at spaces; Thai has none between words, so lines are broken here at word
    # boundaries (pythainlp newmm) and handed to fpdf2 with explicit newlines.
    _MARKS = frozenset(
        "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
    )

    _DICT = Trie(set(thai_words()) | {"ราคาที่เสนอ", "ราคาที่ตกลง", "หนองบัวแดง", "ศรีวารินทร์", "โนนสำราญ"})

    def wrap(self, text: str, width: float) -> str:
        width = width * 0.98 - 1.0  # headroom: fpdf2 must never need to re-break a line
        lines: list[str] = []
        for para in text.split("\n"):
            line = ""
            for tok in word_tokenize(para, custom_dict=self._DICT, engine="newmm", keep_whitespace=True):
                cand = line + tok
                if self.get_string_width(cand) <= width:
                    line = cand
                    continue
                if line.strip():
                    lines.append(line.rstrip())
                    line = tok.lstrip()
                else:
                    line = cand
                while self.get_string_width(line) > width:  # one token wider than the column
                    cut = len(line)
                    while cut > 1 and self.get_string_width(line[:cut]) > width:
                        cut -= 1
                    while cut < len(line) and line[cut] in self._MARKS:  # never split a mark from its base
                        cut += 1
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line.rstrip())
        return "\n".join(lines)

    def _write(self, text: str, width: float, align: str, x: float | None = None) -> None:
        if x is not None:
            self.set_x(x)
        self.multi_cell(
            width, self.font_size_pt * 0.45, self.wrap(text, width), align=align, new_x="LMARGIN", new_y="NEXT"
        )

    def center(self, text: str, size: float | None = None, bold: bool = False) -> None:
        self.set_font("N", "B" if bold else "", size or self.base)
        self._write(text, self.epw, "C")
        self.set_font("N", "", self.base)

    def para(self, text: str, indent: bool = True, bold: bool = False, gap: float = 1.5) -> None:
        self.set_font("N", "B" if bold else "", self.base)
        lead = "            " if indent else ""
        self._write(lead + text, self.epw, "L")
        self.set_font("N", "", self.base)
        self.ln(gap)

    def bullet(self, text: str, level: int = 1) -> None:
        self._write(text, self.epw - 8 * level, "L", x=self.l_margin + 8 * level)
        self.ln(0.5)

    def signature(self, name: str, position: str, pre: str = "", seed: int = 1) -> None:
        """Signature block at the right: a scribble, (name), position."""
        if self.get_y() > self.page_break_trigger - (44 if pre else 36):
            self.add_page()
        self.ln(6)
        x0 = self.w / 2 - 12
        bw = self.w - x0 - self.r_margin
        if pre:
            self._write(pre, bw, "C", x=x0)
        rnd = random.Random(seed)
        y = self.get_y() + 9
        cx = x0 + bw / 2
        pts = [(cx - 22 + i * 3.2, y + rnd.uniform(-4, 4) + 2 * math.sin(i)) for i in range(15)]
        self.set_draw_color(25, 45, 140)
        self.set_line_width(0.5)
        self.polyline(pts)
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.2)
        self.set_y(y + 7)
        self._write(f"({name})\n{position}", bw, "C", x=x0)

    def table_rows(
        self, header, rows, widths, size: float = 11, line_height: float = 5.2, align=None, v_align: str = "MIDDLE"
    ) -> None:
        """A ruled table. The documents made for O5-O26 align cells at the top, as Word does by default."""
        pad = 1.2
        col_w = [self.epw * w / sum(widths) - 2 * pad - 2 * self.c_margin for w in widths]
        self.set_font("N", "B", size)
        header = [self.wrap(str(c), w) for c, w in zip(header, col_w, strict=True)]
        self.set_font("N", "", size)
        rows = [[self.wrap(str(c), w) for c, w in zip(r, col_w, strict=True)] for r in rows]
        with self.table(
            col_widths=widths,
            line_height=line_height,
            text_align=align or "LEFT",
            headings_style=FontFace(emphasis="BOLD", fill_color=(228, 228, 228)),
            padding=pad,
            v_align=v_align,
        ) as table:
            for r in [header, *rows]:
                row = table.row()
                for c in r:
                    row.cell(c)
        self.set_font("N", "", self.base)
        self.ln(3)

    def save(self, path: str) -> None:
        target = OUT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        self.output(str(target))


def money(x: float) -> str:
    return f"{x:,.2f}"


# ----- O20 No Gift -----------------------------------------------------------------------------------

NOGIFT_TITLE_2569 = (
    "ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2569"
)
NOGIFT_REPORT_TITLE_2569 = "รายงานผลการดำเนินการตามนโยบาย No Gift Policy ประจำปีงบประมาณ พ.ศ. 2569 (รอบ 6 เดือน)"


def nogift_announcement(year_be: int, signer: tuple, path: str, seed: int) -> None:
    """The No Gift announcement. For 2569 the signer is the ปลัด (the planted gap); for 2568 the นายก."""
    date = D(year_be - 1, 10, 1)
    doc = Doc(f"ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. {year_be}", date, size=14)
    doc.seal(20)
    doc.center(f"ประกาศ{ORG}", bold=True, size=16)
    doc.center(
        f"เรื่อง ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) "
        f"ประจำปีงบประมาณ พ.ศ. {th(year_be)}",
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
    doc.center(f"ประกาศ ณ วันที่ {th(date.day)} ตุลาคม พ.ศ. {th(be(date))}")
    doc.signature(signer[1], signer[2], seed=seed)
    doc.save(path)


def nogift_report_2569(path: str) -> None:
    date = D(2569, 4, 3)
    doc = Doc(NOGIFT_REPORT_TITLE_2569, date)
    doc.center("รายงานผลการดำเนินการตามนโยบาย No Gift Policy", bold=True, size=17)
    doc.center("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ (รอบ 6 เดือน)", bold=True, size=16)
    doc.center("ระหว่างวันที่ ๑ ตุลาคม ๒๕๖๘ – ๓๑ มีนาคม ๒๕๖๙", size=15)
    doc.center(ORG + f" อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", size=15)
    doc.ln(4)
    doc.para(
        f"ตามที่{ORG} ได้ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ "
        "(No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ เมื่อวันที่ ๑ ตุลาคม ๒๕๖๘ และได้จัดกิจกรรมการสร้างวัฒนธรรม "
        "No Gift Policy เมื่อวันที่ ๒๒ ธันวาคม ๒๕๖๘ นั้น"
    )
    doc.para(
        "สำนักปลัดได้ติดตามการรายงานการรับของขวัญ ของกำนัล หรือประโยชน์อื่นใดของบุคลากรทุกส่วนราชการ "
        "ในรอบ 6 เดือนแรกของปีงบประมาณ ผลปรากฏดังนี้"
    )
    doc.table_rows(
        ["ที่", "ส่วนราชการ", "จำนวนบุคลากร (คน)", "การรับของขวัญ/ของกำนัล", "มูลค่า (บาท)", "หมายเหตุ"],
        [
            ["1", "สำนักปลัด", "21", "ไม่มีการรับ", "-", "-"],
            ["2", "กองคลัง", "9", "ไม่มีการรับ", "-", "-"],
            ["3", "กองช่าง", "8", "ไม่มีการรับ", "-", "-"],
            ["4", "กองการศึกษา ศาสนาและวัฒนธรรม", "14", "ไม่มีการรับ", "-", "-"],
            ["", "รวม", "52", "0 ครั้ง", "-", ""],
        ],
        widths=(8, 48, 24, 34, 18, 22),
        size=13,
        line_height=6.5,
        align=("CENTER", "LEFT", "CENTER", "CENTER", "CENTER", "CENTER"),
    )
    doc.para(
        "สรุปผล: ในรอบ 6 เดือน (ตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙) ไม่มีการรับของขวัญ ของกำนัล หรือประโยชน์อื่นใด"
        "จากการปฏิบัติหน้าที่ของผู้บริหารและบุคลากร ไม่มีรายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา "
        "และไม่มีเรื่องร้องเรียนเกี่ยวกับการรับของขวัญ",
        bold=False,
    )
    doc.para(
        "ปัญหาและอุปสรรค: ผู้มาติดต่อราชการบางส่วนยังนำของฝากมามอบให้เจ้าหน้าที่ในช่วงเทศกาล "
        "ซึ่งเจ้าหน้าที่ได้ปฏิเสธอย่างสุภาพและชี้แจงนโยบายให้ทราบ"
    )
    doc.para("ข้อเสนอแนะ: ประชาสัมพันธ์นโยบายผ่านเว็บไซต์ หอกระจายข่าว และการประชุมประชาคมหมู่บ้านอย่างต่อเนื่อง")
    doc.signature(PALAD[1], PALAD[2], pre="ผู้รายงาน", seed=77)
    doc.save(path)


def nogift_report_2568(path: str) -> None:
    date = D(2568, 10, 6)
    doc = Doc("รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. 2568", date)
    doc.center("รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา", bold=True, size=17)
    doc.center("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)", bold=True, size=15)
    doc.center(ORG, size=15)
    doc.ln(4)
    doc.para(
        "ในปีงบประมาณ พ.ศ. ๒๕๖๘ ผู้บริหารและบุคลากรของ" + ORG + " ไม่มีการรับทรัพย์สินหรือประโยชน์อื่นใด"
        "โดยธรรมจรรยาที่มีมูลค่าเกินกว่าที่กฎหมายกำหนด และไม่มีการรับของขวัญจากผู้มาติดต่อราชการ"
    )
    doc.signature(MAYOR[1], MAYOR[2], pre="ทราบ", seed=12)
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
    doc = Doc(skr_title(y, m), pub, landscape=True, size=14)
    doc.center("แบบ สขร.1", size=12)
    doc.center(f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{MONTHS[m - 1]} {th(y)}", bold=True, size=16)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", bold=True, size=15)
    doc.center(f"วันที่ {th(pub.day)} เดือน {MONTHS[pub.month - 1]} พ.ศ. {th(be(pub))}", size=14)
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
        doc.para(f"{ORG} ขอรายงานว่า ในรอบเดือน{MONTHS[m - 1]} พ.ศ. {th(y)} ไม่มีการจัดซื้อจัดจ้าง", indent=False)
    doc.signature(EXECUTIVES[7][1], "ผู้อำนวยการกองคลัง", pre="ผู้รายงาน", seed=y * 100 + m)
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


ANNOUNCEMENTS = [(x.date, x.title, x.target) for x in CONTENT.procurement.announcements]


def invite_pdf(path: str, date: dt.date, project: str, budget: float, ref: float, bid_open: dt.date) -> None:
    doc = Doc(f"ประกาศเชิญชวน {project}", date)
    doc.seal()
    doc.center(f"ประกาศ{ORG}", bold=True, size=16)
    doc.center(f"เรื่อง ประกวดราคา{project} ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", bold=True, size=16)
    doc.center("-----------------------------------------")
    doc.para(
        f"{ORG} มีความประสงค์จะประกวดราคา{project} ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) "
        f"ราคากลางของงานก่อสร้างในการประกวดราคาครั้งนี้ เป็นเงินทั้งสิ้น {money(ref)} บาท "
        f"(วงเงินงบประมาณ {money(budget)} บาท) ตามข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
    )
    doc.para("ผู้ยื่นข้อเสนอจะต้องมีคุณสมบัติ ดังต่อไปนี้")
    for q in [
        "๑. มีความสามารถตามกฎหมาย",
        "๒. ไม่เป็นบุคคลล้มละลาย",
        "๓. ไม่อยู่ระหว่างเลิกกิจการ",
        "๔. ไม่เป็นบุคคลซึ่งอยู่ระหว่างถูกระงับการยื่นข้อเสนอหรือทำสัญญากับหน่วยงานของรัฐไว้ชั่วคราว",
        "๕. เป็นนิติบุคคลผู้มีอาชีพรับจ้างงานที่ประกวดราคาอิเล็กทรอนิกส์ดังกล่าว",
    ]:
        doc.bullet(q)
    doc.para(
        f"ผู้ยื่นข้อเสนอจะต้องยื่นข้อเสนอและเสนอราคาทางระบบการจัดซื้อจัดจ้างภาครัฐด้วยอิเล็กทรอนิกส์ "
        f"ในวันที่ {th(dfull(bid_open))} ระหว่างเวลา ๐๘.๓๐ น. ถึง ๑๖.๓๐ น. ผู้สนใจสามารถดูรายละเอียดได้ที่เว็บไซต์ "
        f"www.gprocurement.go.th หรือสอบถามทางโทรศัพท์หมายเลข {PHONE} ในวันและเวลาราชการ"
    )
    doc.center(f"ประกาศ ณ วันที่ {th(dfull(date))}")
    doc.signature(MAYOR[1], MAYOR[2], seed=date.toordinal())
    doc.save(path)


def winner_pdf(path: str, date: dt.date) -> None:
    project = "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนสำราญ – บ้านหนองแวง หมู่ที่ 7"
    doc = Doc(f"ประกาศผู้ชนะการเสนอราคา {project}", date)
    doc.seal()
    doc.center(f"ประกาศ{ORG}", bold=True, size=16)
    doc.center(
        f"เรื่อง ประกาศผู้ชนะการเสนอราคา ประกวดราคา{project} ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", bold=True, size=16
    )
    doc.center("-----------------------------------------")
    doc.para(f"ตามประกาศ{ORG} เรื่อง ประกวดราคา{project} ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) ลงวันที่ ๒๘ พฤศจิกายน ๒๕๖๘ นั้น")
    doc.para(
        f"{project} ผู้ได้รับการคัดเลือก ได้แก่ ห้างหุ้นส่วนจำกัด ศรีวารินทร์ก่อสร้าง (เลขประจำตัวผู้เสียภาษี "
        "0473561000214) ซึ่งเป็นผู้ประกอบการ ที่ได้ยื่นข้อเสนอราคาต่ำสุด เป็นเงินทั้งสิ้น ๑,๗๒๐,๐๐๐.๐๐ บาท "
        "(หนึ่งล้านเจ็ดแสนสองหมื่นบาทถ้วน) รวมภาษีมูลค่าเพิ่มและภาษีอื่น ค่าขนส่ง ค่าจดทะเบียน และค่าใช้จ่ายอื่น ๆ "
        "ทั้งปวง"
    )
    doc.center(f"ประกาศ ณ วันที่ {th(dfull(date))}")
    doc.signature(MAYOR[1], MAYOR[2], seed=99)
    doc.save(path)


def procure_plan_pdf(path: str) -> None:
    date = D(2568, 10, 15)
    doc = Doc("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569", date, landscape=True, size=14)
    doc.center("แบบ ผด.2", size=12)
    doc.center("ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", bold=True, size=16)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", bold=True, size=15)
    doc.ln(2)
    doc.table_rows(
        [
            "ที่",
            "ชื่อโครงการ",
            "วงเงินงบประมาณ (บาท)",
            "แหล่งที่มาของงบประมาณ",
            "วิธีการจัดซื้อจัดจ้าง",
            "กำหนดเวลาที่คาดว่าจะประกาศจัดซื้อจัดจ้าง",
            "หน่วยงานเจ้าของงบประมาณ",
        ],
        [
            [
                "1",
                "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนสำราญ – บ้านหนองแวง หมู่ที่ 7",
                "1,950,000.00",
                "ข้อบัญญัติงบประมาณ พ.ศ. 2569",
                "e-bidding",
                "พฤศจิกายน 2568",
                "กองช่าง",
            ],
            [
                "2",
                "ก่อสร้างระบบประปาหมู่บ้านแบบบาดาล ขนาดใหญ่ หมู่ที่ 3",
                "2,480,000.00",
                "เงินอุดหนุนเฉพาะกิจ",
                "e-bidding",
                "มีนาคม 2569",
                "กองช่าง",
            ],
            [
                "3",
                "ก่อสร้างรางระบายน้ำ คสล. หมู่ที่ 1 และหมู่ที่ 8",
                "620,000.00",
                "ข้อบัญญัติงบประมาณ พ.ศ. 2569",
                "e-bidding",
                "พฤษภาคม 2569",
                "กองช่าง",
            ],
            ["4", "ซื้อรถบรรทุกขยะ ขนาด 6 ตัน 6 ล้อ", "2,500,000.00", "เงินสะสม", "e-bidding", "มิถุนายน 2569", "สำนักปลัด"],
        ],
        widths=(8, 70, 28, 36, 26, 36, 26),
        size=12,
        line_height=6,
    )
    doc.signature(MAYOR[1], MAYOR[2], seed=5)
    doc.save(path)


# ----- other documents ---------------------------------------------------------------------------------

ACT_TITLE = "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗ และที่แก้ไขเพิ่มเติม"
ACT_66 = "องค์การบริหารส่วนตำบลมีอำนาจหน้าที่ในการพัฒนาตำบลทั้งในด้านเศรษฐกิจ สังคม และวัฒนธรรม"
ACT_67 = [
    "จัดให้มีและบำรุงรักษาทางน้ำและทางบก",
    "รักษาความสะอาดของถนน ทางน้ำ ทางเดิน และที่สาธารณะ รวมทั้งกำจัดมูลฝอยและสิ่งปฏิกูล",
    "ป้องกันโรคและระงับโรคติดต่อ",
    "ป้องกันและบรรเทาสาธารณภัย",
    "ส่งเสริมการศึกษา ศาสนา และวัฒนธรรม",
    "ส่งเสริมการพัฒนาสตรี เด็ก เยาวชน ผู้สูงอายุ และผู้พิการ",
    "คุ้มครอง ดูแล และบำรุงรักษาทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    "บำรุงรักษาศิลปะ จารีตประเพณี ภูมิปัญญาท้องถิ่น และวัฒนธรรมอันดีของท้องถิ่น",
    "ปฏิบัติหน้าที่อื่นตามที่ทางราชการมอบหมาย โดยจัดสรรงบประมาณหรือบุคลากรให้ตามความจำเป็นและสมควร",
]
ACT_68 = [
    "ให้มีน้ำเพื่อการอุปโภค บริโภค และการเกษตร",
    "ให้มีและบำรุงการไฟฟ้าหรือแสงสว่างโดยวิธีอื่น",
    "ให้มีและบำรุงรักษาทางระบายน้ำ",
    "ให้มีและบำรุงสถานที่ประชุม การกีฬา การพักผ่อนหย่อนใจและสวนสาธารณะ",
    "ให้มีและส่งเสริมกลุ่มเกษตรกรและกิจการสหกรณ์",
    "ส่งเสริมให้มีอุตสาหกรรมในครอบครัว",
    "บำรุงและส่งเสริมการประกอบอาชีพของราษฎร",
    "การคุ้มครองดูแลและรักษาทรัพย์สินอันเป็นสาธารณสมบัติของแผ่นดิน",
    "หาผลประโยชน์จากทรัพย์สินขององค์การบริหารส่วนตำบล",
    "ให้มีตลาด ท่าเทียบเรือ และท่าข้าม",
    "กิจการเกี่ยวกับการพาณิชย์",
    "การท่องเที่ยว",
    "การผังเมือง",
]


def act_pdf(path: str) -> None:
    doc = Doc("พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537", D(2566, 6, 1), size=14)
    doc.center("พระราชบัญญัติ", bold=True, size=18)
    doc.center("สภาตำบลและองค์การบริหารส่วนตำบล", bold=True, size=18)
    doc.center("พ.ศ. ๒๕๓๗", bold=True, size=16)
    doc.center("(ฉบับรวมแก้ไขเพิ่มเติม – เอกสารเผยแพร่เพื่อการศึกษา)", size=13)
    doc.ln(3)
    doc.para('มาตรา ๑ พระราชบัญญัตินี้เรียกว่า "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗"')
    doc.para("มาตรา ๒ พระราชบัญญัตินี้ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศในราชกิจจานุเบกษาเป็นต้นไป")
    doc.center("หมวด ๓ องค์การบริหารส่วนตำบล", bold=True)
    doc.center("ส่วนที่ ๓ อำนาจหน้าที่ขององค์การบริหารส่วนตำบล", bold=True)
    doc.para(f"มาตรา ๖๖ {ACT_66}")
    doc.para("มาตรา ๖๗ ภายใต้บังคับแห่งกฎหมาย องค์การบริหารส่วนตำบล มีหน้าที่ต้องทำในเขตองค์การบริหารส่วนตำบล ดังต่อไปนี้")
    for i, t in enumerate(ACT_67, 1):
        doc.bullet(f"({th(i)}) {t}")
    doc.para("มาตรา ๖๘ ภายใต้บังคับแห่งกฎหมาย องค์การบริหารส่วนตำบลอาจจัดทำกิจการในเขตองค์การบริหารส่วนตำบล ดังต่อไปนี้")
    for i, t in enumerate(ACT_68, 1):
        doc.bullet(f"({th(i)}) {t}")
    doc.para(
        "มาตรา ๖๙ อำนาจหน้าที่ขององค์การบริหารส่วนตำบลตามพระราชบัญญัตินี้ ไม่เป็นการตัดอำนาจหน้าที่ของกระทรวง "
        "ทบวง กรม หรือหน่วยงานของรัฐในอันที่จะดำเนินกิจการใด ๆ เพื่อประโยชน์ของประชาชนในตำบล"
    )
    doc.para(
        "มาตรา ๗๐ องค์การบริหารส่วนตำบลมีอำนาจออกข้อบัญญัติตำบลเพื่อใช้บังคับในเขตองค์การบริหารส่วนตำบล "
        "เพื่อปฏิบัติการให้เป็นไปตามอำนาจหน้าที่ขององค์การบริหารส่วนตำบล หรือเมื่อมีกฎหมายบัญญัติให้องค์การ"
        "บริหารส่วนตำบลออกข้อบัญญัติหรือให้มีอำนาจออกข้อบัญญัติ"
    )
    doc.save(path)


def plan_pdfs() -> None:
    doc = Doc("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)", D(2565, 10, 20), size=15)
    doc.seal()
    doc.center("แผนพัฒนาท้องถิ่น", bold=True, size=22)
    doc.center("(พ.ศ. ๒๕๖๖ – ๒๕๗๐)", bold=True, size=20)
    doc.center("เพิ่มเติม ครั้งที่ ๑/๒๕๖๙", size=16)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", bold=True, size=16)
    doc.ln(6)
    doc.para('วิสัยทัศน์ "ตำบลหนองบัวแดงน่าอยู่ เศรษฐกิจพอเพียง ประชาชนมีคุณภาพชีวิตที่ดี บริหารจัดการตามหลักธรรมาภิบาล"')
    doc.table_rows(
        ["ยุทธศาสตร์", "แนวทางการพัฒนา", "เป้าหมาย", "ตัวชี้วัด"],
        [
            [
                "1. การพัฒนาโครงสร้างพื้นฐาน",
                "ก่อสร้าง ปรับปรุง บำรุงรักษาถนน ทางระบายน้ำ ไฟฟ้าสาธารณะ และประปาหมู่บ้าน",
                "ถนนและประปาได้มาตรฐานครบ 12 หมู่บ้าน",
                "ร้อยละของถนนลาดยาง/คสล. ต่อถนนทั้งหมด",
            ],
            [
                "2. การพัฒนาคุณภาพชีวิต",
                "ส่งเสริมสุขภาพ สวัสดิการสังคม การศึกษา และป้องกันสาธารณภัย",
                "ประชาชนเข้าถึงสวัสดิการอย่างทั่วถึง",
                "จำนวนผู้ได้รับเบี้ยยังชีพตรงเวลา",
            ],
            [
                "3. การพัฒนาเศรษฐกิจตามหลักปรัชญาของเศรษฐกิจพอเพียง",
                "ส่งเสริมกลุ่มอาชีพ เกษตรอินทรีย์ และตลาดชุมชน",
                "รายได้ครัวเรือนเพิ่มขึ้น",
                "จำนวนกลุ่มอาชีพที่ได้รับการสนับสนุน",
            ],
            [
                "4. การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม",
                "คัดแยกขยะต้นทาง ปลูกป่า อนุรักษ์แหล่งน้ำ",
                "ปริมาณขยะลดลง",
                "ร้อยละของขยะที่ลดลงต่อปี",
            ],
            [
                "5. การบริหารจัดการบ้านเมืองที่ดี",
                "เพิ่มประสิทธิภาพการบริการ การมีส่วนร่วม ความโปร่งใส",
                "ผลการประเมิน ITA ระดับ A ขึ้นไป",
                "คะแนน ITA",
            ],
        ],
        widths=(40, 55, 40, 40),
        size=13,
        line_height=6,
    )
    doc.save("docs/plan/local-development-plan-2566-2570.pdf")

    doc = Doc("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", D(2568, 11, 20), landscape=True, size=14)
    doc.center("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", bold=True, size=18)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", bold=True, size=15)
    doc.ln(2)
    doc.table_rows(
        [
            "ที่",
            "โครงการ/กิจกรรม",
            "รายละเอียดของกิจกรรม",
            "งบประมาณ (บาท)",
            "สถานที่ดำเนินการ",
            "หน่วยงานรับผิดชอบ",
            "ระยะเวลาดำเนินการ",
        ],
        [
            [
                "1",
                "โครงการก่อสร้างถนน คสล. สายบ้านโนนสำราญ – บ้านหนองแวง",
                "กว้าง 5 ม. ยาว 720 ม. หนา 0.15 ม.",
                "1,950,000",
                "หมู่ที่ 7",
                "กองช่าง",
                "ธ.ค. 2568 – พ.ค. 2569",
            ],
            [
                "2",
                "โครงการก่อสร้างระบบประปาหมู่บ้านแบบบาดาล ขนาดใหญ่",
                "หอถังสูง 20 ม. ระบบกรองน้ำ",
                "2,480,000",
                "หมู่ที่ 3",
                "กองช่าง",
                "มี.ค. – ส.ค. 2569",
            ],
            [
                "3",
                "โครงการฝึกอบรมทบทวน อปพร.",
                "อบรม 2 วัน ผู้เข้าร่วม 70 คน",
                "35,000",
                "ที่ทำการ อบต.",
                "สำนักปลัด",
                "ต.ค. 2568",
            ],
            [
                "4",
                "โครงการจัดงานวันเด็กแห่งชาติ",
                "กิจกรรมนันทนาการ มอบทุน",
                "30,000",
                "ศูนย์พัฒนาเด็กเล็ก",
                "กองการศึกษาฯ",
                "ม.ค. 2569",
            ],
            [
                "5",
                "โครงการธนาคารขยะชุมชน",
                "คัดแยกขยะต้นทาง 12 หมู่บ้าน",
                "20,000",
                "12 หมู่บ้าน",
                "สำนักปลัด",
                "ม.ค. – ก.ย. 2569",
            ],
            [
                "6",
                "โครงการสัตว์ปลอดโรค คนปลอดภัย จากโรคพิษสุนัขบ้า",
                "ฉีดวัคซีน ทำหมันสุนัขและแมว",
                "42,000",
                "12 หมู่บ้าน",
                "สำนักปลัด",
                "พ.ค. – มิ.ย. 2569",
            ],
        ],
        widths=(8, 62, 53, 24, 30, 30, 36),
        size=12,
        v_align="TOP",
        line_height=6,
    )
    doc.save("docs/plan/action-plan-2569.pdf")

    annual_report_2568_pdf()  # O7 (planted gap: no start/end dates per project)


def service_manual_pdf(
    path: str,
    name: str,
    law: str,
    steps: list[tuple[str, str, str, str]],
    total: str,
    fee: str,
    docs: list[tuple[str, str]],
) -> None:
    """O9: a คู่มือสำหรับประชาชน in the standard layout of the พ.ร.บ.การอำนวยความสะดวกฯ พ.ศ. 2558."""
    doc = Doc(f"คู่มือสำหรับประชาชน: {name}", D(2568, 11, 1), size=15)
    doc.center("คู่มือสำหรับประชาชน", bold=True, size=20)
    doc.center(f"งานที่ให้บริการ: {name}", bold=True, size=16)
    doc.center(f"หน่วยงานที่รับผิดชอบ: {ORG}", size=15)
    doc.ln(3)
    doc.para(f"ชื่อกระบวนงาน: {name}", indent=False)
    doc.para("ประเภทของงานบริการ: กระบวนงานบริการที่เบ็ดเสร็จในหน่วยเดียว", indent=False)
    doc.para(f"กฎหมายที่ให้อำนาจการอนุญาต หรือที่เกี่ยวข้อง: {law}", indent=False)
    doc.para("ช่องทางการให้บริการ", indent=False, bold=True)
    doc.table_rows(
        ["สถานที่/ช่องทางการให้บริการ", "ระยะเวลาเปิดให้บริการ"],
        [
            [
                f"ที่ทำการ{ORG} {ADDRESS} โทรศัพท์ {PHONE}",
                "วันจันทร์ – วันศุกร์ (ยกเว้นวันหยุดราชการ) เวลา 08.30 – 16.30 น.",
            ]
        ],
        widths=(60, 40),
        size=13,
        line_height=6,
        v_align="TOP",
    )
    doc.para("ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ", indent=False, bold=True)
    doc.table_rows(
        ["ที่", "ขั้นตอน", "รายละเอียดของขั้นตอนการบริการ", "ระยะเวลา", "ส่วนงานที่รับผิดชอบ"],
        [[str(i), *step] for i, step in enumerate(steps, 1)],
        widths=(8, 28, 54, 20, 26),
        size=13,
        line_height=6,
        align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT"),
        v_align="TOP",
    )
    doc.para(f"ระยะเวลาดำเนินการรวม: {total}", indent=False)
    doc.para("รายการเอกสารหลักฐานประกอบ", indent=False, bold=True)
    doc.table_rows(
        ["ที่", "รายการเอกสาร", "จำนวน"],
        [[str(i), d, n] for i, (d, n) in enumerate(docs, 1)],
        widths=(8, 90, 30),
        size=13,
        line_height=6,
        align=("CENTER", "LEFT", "LEFT"),
        v_align="TOP",
    )
    doc.para(f"ค่าธรรมเนียม: {fee}", indent=False)
    doc.para(
        f"ช่องทางการร้องเรียน แนะนำการบริการ: ที่ทำการ{ORG} โทรศัพท์ {PHONE} หรือศูนย์ดำรงธรรมจังหวัด{CHANGWAT} สายด่วน 1567",
        indent=False,
    )
    doc.save(path)


# ----- the other OIT items (O5-O9, O12-O19, O21-O26) -------------------------------------------------
#
# Every item of ITA 2569 has evidence. Three more gaps are planted here, modelled on the assessor findings that
# seed 000 quotes (see oit/demo/expected.toml):
#   O7  the annual report 2568 has results and spending per project but no start/end dates per project;
#   O12 the annual procurement report 2568 has ราคากลาง but no tax id of the selected vendors;
#   O26 the only integrity report on the site is for ปีงบประมาณ 2567, not 2568.

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


def head(doc: Doc, text: str) -> None:
    doc.ln(1)
    doc.para(text, indent=False, bold=True, gap=1)


def baht(x: float) -> str:
    return f"{x:,.2f}" if x % 1 else f"{x:,.0f}"


# O7: results and spending per project, problems, suggestions. Planted gap: no start/end dates per project.
ANNUAL_2568_STRATEGY = [
    # strategy, projects planned, projects done, budget, spent
    ("1. การพัฒนาโครงสร้างพื้นฐาน", 24, 15, 6850000, 6215400),
    ("2. การพัฒนาคุณภาพชีวิต", 31, 27, 12460000, 11982350),
    ("3. การพัฒนาเศรษฐกิจตามหลักปรัชญาของเศรษฐกิจพอเพียง", 9, 6, 310000, 268900),
    ("4. การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม", 7, 5, 185000, 161200),
    ("5. การบริหารจัดการบ้านเมืองที่ดี", 18, 16, 1420000, 1296750),
]
ANNUAL_2568_PROJECTS = [
    # project, strategy no., budget, spent, result, unit
    (
        "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาคำ – บ้านโพนงาม หมู่ที่ 4",
        1,
        1200000,
        1088000,
        "แล้วเสร็จ ถนน คสล. กว้าง 5 ม. ยาว 450 ม. ประชาชนได้รับประโยชน์ 268 ครัวเรือน",
        "กองช่าง",
    ),
    (
        "โครงการก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็ก หมู่ที่ 2 บ้านโคกสว่าง",
        1,
        450000,
        398000,
        "แล้วเสร็จ ยาว 210 ม. แก้ปัญหาน้ำท่วมขังในหมู่บ้าน",
        "กองช่าง",
    ),
    ("โครงการซ่อมแซมระบบประปาหมู่บ้าน หมู่ที่ 9 บ้านท่าศิลา", 1, 180000, 176500, "ประชาชนมีน้ำประปาใช้ 240 ครัวเรือน", "กองช่าง"),
    (
        "โครงการก่อสร้างลานกีฬาอเนกประสงค์ หมู่ที่ 5 บ้านหนองแวง",
        1,
        350000,
        0,
        "ไม่ได้ดำเนินการ เนื่องจากพื้นที่ก่อสร้างติดปัญหากรรมสิทธิ์ที่ดิน",
        "กองช่าง",
    ),
    (
        "โครงการสนับสนุนอาหารเสริม (นม) โรงเรียน 4 แห่ง และศูนย์พัฒนาเด็กเล็ก 2 แห่ง",
        2,
        812000,
        786452.80,
        "นักเรียนและเด็กเล็ก 612 คน ได้รับนมครบ 260 วัน",
        "กองการศึกษาฯ",
    ),
    ("โครงการสนับสนุนเบี้ยยังชีพผู้สูงอายุ", 2, 9840000, 9615600, "ผู้สูงอายุ 1,012 คน ได้รับเบี้ยยังชีพครบทุกเดือน", "สำนักปลัด"),
    ("โครงการฝึกอบรมทบทวนอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.)", 2, 35000, 33950, "ผู้เข้าร่วม 68 คน", "สำนักปลัด"),
    ("โครงการฝึกอบรมอาชีพทอผ้าย้อมคราม", 3, 45000, 44200, "ผู้เข้าร่วม 40 คน จัดตั้งกลุ่มอาชีพได้ 1 กลุ่ม", "สำนักปลัด"),
    ("โครงการธนาคารขยะชุมชน (นำร่อง 4 หมู่บ้าน)", 4, 20000, 18650, "ปริมาณขยะในหมู่บ้านนำร่องลดลงร้อยละ 12", "สำนักปลัด"),
    ("โครงการจัดทำแผนที่ภาษีและทะเบียนทรัพย์สิน", 5, 150000, 148500, "ปรับปรุงข้อมูลแปลงที่ดิน 4,812 แปลง", "กองคลัง"),
    ("โครงการอบรมคุณธรรมจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน", 5, 30000, 28400, "ผู้เข้าร่วม 60 คน", "สำนักปลัด"),
]


def annual_report_2568_pdf(path: str = ANNUAL_REPORT_2568) -> None:
    date = D(2568, 12, 15)
    doc = Doc("รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568", date, landscape=True, size=14)
    doc.seal(18)
    doc.center("รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", bold=True, size=18)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", bold=True, size=15)
    doc.center("(๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)", size=14)
    doc.ln(2)
    doc.para(
        "ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. ๒๕๔๘ และที่แก้ไขเพิ่มเติม "
        "กำหนดให้ผู้บริหารท้องถิ่นเสนอผลการติดตามและประเมินผลแผนพัฒนาต่อสภาท้องถิ่น และประกาศผลให้ประชาชนในท้องถิ่น"
        f"ทราบโดยทั่วกัน {ORG} จึงขอรายงานผลการดำเนินงานและผลการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ดังนี้"
    )
    head(doc, "ส่วนที่ ๑ สรุปผลการดำเนินงานตามยุทธศาสตร์การพัฒนา")
    rows = []
    for name, plan, done, budget, spent in ANNUAL_2568_STRATEGY:
        rows.append([name, str(plan), str(done), f"{100 * done / plan:.2f}", baht(budget), baht(spent)])
    tp, td, tb, ts = (sum(r[k] for r in ANNUAL_2568_STRATEGY) for k in (1, 2, 3, 4))
    rows.append(["รวม", str(tp), str(td), f"{100 * td / tp:.2f}", baht(tb), baht(ts)])
    doc.table_rows(
        ["ยุทธศาสตร์", "โครงการตามแผน", "โครงการที่ดำเนินการ", "ร้อยละ", "งบประมาณตามข้อบัญญัติ\n(บาท)", "ผลการเบิกจ่าย\n(บาท)"],
        rows,
        widths=(80, 25, 28, 18, 40, 36),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("LEFT", "CENTER", "CENTER", "CENTER", "RIGHT", "RIGHT"),
    )
    head(doc, "ส่วนที่ ๒ ผลการดำเนินงานและผลการใช้จ่ายงบประมาณรายโครงการ (โครงการสำคัญ)")
    rows = [
        [str(i), name, str(s), baht(budget), baht(spent), result, unit]
        for i, (name, s, budget, spent, result, unit) in enumerate(ANNUAL_2568_PROJECTS, 1)
    ]
    doc.table_rows(
        [
            "ที่",
            "โครงการ/กิจกรรม",
            "ยุทธศาสตร์",
            "งบประมาณที่ได้รับ\n(บาท)",
            "ผลการใช้จ่ายงบประมาณ\n(บาท)",
            "ผลการดำเนินงาน",
            "หน่วยงานรับผิดชอบ",
        ],
        rows,
        widths=(10, 72, 24, 28, 30, 66, 26),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("CENTER", "LEFT", "CENTER", "RIGHT", "RIGHT", "LEFT", "LEFT"),
    )
    head(doc, "ส่วนที่ ๓ ปัญหาและอุปสรรค")
    for s in [
        "๑. งบประมาณมีจำกัด ไม่เพียงพอต่อความต้องการของประชาชน โดยเฉพาะด้านโครงสร้างพื้นฐาน",
        "๒. ฝนตกต่อเนื่องทำให้งานก่อสร้างถนนและรางระบายน้ำล่าช้ากว่าแผน",
        "๓. วัตถุดิบของกลุ่มอาชีพทอผ้ามีราคาสูง และกลุ่มยังขาดตลาดรองรับผลิตภัณฑ์",
        "๔. โครงการก่อสร้างลานกีฬาอเนกประสงค์ หมู่ที่ ๕ ติดปัญหากรรมสิทธิ์ที่ดิน จึงไม่สามารถดำเนินการได้",
    ]:
        doc.bullet(s)
    head(doc, "ข้อเสนอแนะ")
    for s in [
        "๑. ควรวางแผนงานก่อสร้างให้พ้นฤดูฝน และจัดลำดับความสำคัญของโครงการตามความเดือดร้อนของประชาชน",
        "๒. ควรตรวจสอบกรรมสิทธิ์ที่ดินก่อนบรรจุโครงการในแผนพัฒนาท้องถิ่น",
        "๓. ควรสนับสนุนการตลาดผลิตภัณฑ์ชุมชนผ่านสื่อออนไลน์และงานแสดงสินค้า",
        "๔. ควรประสานขอรับเงินอุดหนุนเฉพาะกิจจากหน่วยงานอื่นเพิ่มเติม",
    ]:
        doc.bullet(s)
    doc.ln(2)
    doc.center(f"ประกาศ ณ วันที่ {th(dfull(date))}")
    doc.signature(MAYOR[1], MAYOR[2], seed=2568_12)
    doc.save(path)


# O8: staff work manuals (which task, for which positions, the steps).
def staff_manual_pdf(
    path: str,
    task: str,
    unit: str,
    purpose: str,
    roles: list[tuple[str, str]],
    steps: list[tuple[str, str, str]],
    rules: list[str],
    laws: list[str],
    seed: int,
) -> None:
    doc = Doc(f"คู่มือการปฏิบัติงาน {task}", D(2568, 10, 20), size=15)
    doc.seal(22)
    doc.center("คู่มือการปฏิบัติงาน", bold=True, size=22)
    doc.center(task, bold=True, size=18)
    doc.center(f"{unit} {ORG}", size=15)
    doc.center("ฉบับปรับปรุง ตุลาคม ๒๕๖๘", size=14)
    doc.ln(3)
    head(doc, "๑. วัตถุประสงค์")
    doc.para(purpose)
    head(doc, "๒. ผู้รับผิดชอบและหน้าที่ (ตำแหน่ง)")
    doc.table_rows(
        ["ตำแหน่ง", "หน้าที่ความรับผิดชอบ"], [list(r) for r in roles], widths=(55, 85), size=13, line_height=6, v_align="TOP"
    )
    head(doc, "๓. ขั้นตอนการปฏิบัติงาน")
    rows = [[str(i), step, when, who] for i, (step, when, who) in enumerate(steps, 1)]
    doc.table_rows(
        ["ขั้นตอนที่", "รายละเอียดการปฏิบัติงาน", "ระยะเวลา", "ผู้รับผิดชอบ"],
        rows,
        widths=(18, 70, 24, 34),
        v_align="TOP",
        size=13,
        line_height=6,
        align=("CENTER", "LEFT", "LEFT", "LEFT"),
    )
    head(doc, "๔. มาตรฐานและข้อพึงระวังในการปฏิบัติงาน")
    for i, s in enumerate(rules, 1):
        doc.bullet(f"{th(i)}. {s}")
    head(doc, "๕. กฎหมายและระเบียบที่เกี่ยวข้อง")
    for i, s in enumerate(laws, 1):
        doc.bullet(f"{th(i)}. {s}")
    doc.signature(PALAD[1], PALAD[2], pre="ผู้อนุมัติคู่มือ", seed=seed)
    doc.save(path)


def staff_manuals() -> None:
    staff_manual_pdf(
        MANUAL_TAX,
        "งานจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
        "งานพัฒนาและจัดเก็บรายได้ กองคลัง",
        "เพื่อให้เจ้าหน้าที่ผู้รับผิดชอบงานจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างปฏิบัติงานเป็นมาตรฐานเดียวกัน ถูกต้องตามกฎหมาย "
        "โปร่งใส ตรวจสอบได้ และจัดเก็บรายได้ได้ครบถ้วนตามเป้าหมาย",
        [
            ("ผู้อำนวยการกองคลัง", "กำกับ ตรวจสอบ และเสนอความเห็นการประเมินภาษีต่อผู้บริหาร ลงนามในหนังสือแจ้งการประเมิน"),
            ("นักวิชาการจัดเก็บรายได้", "สำรวจข้อมูลที่ดินและสิ่งปลูกสร้าง ประเมินและคำนวณภาษี ติดตามผู้ค้างชำระ"),
            ("เจ้าพนักงานจัดเก็บรายได้", "รับชำระภาษี ออกใบเสร็จรับเงิน นำส่งเงิน และบันทึกทะเบียนคุมผู้ชำระภาษี"),
        ],
        [
            ("สำรวจและปรับปรุงข้อมูลที่ดินและสิ่งปลูกสร้างในเขตตำบล", "ต.ค. – ธ.ค.", "นักวิชาการจัดเก็บรายได้"),
            ("ประกาศราคาประเมินทุนทรัพย์และอัตราภาษีให้ประชาชนทราบ", "ภายใน ม.ค.", "ผู้อำนวยการกองคลัง"),
            ("จัดส่งหนังสือแจ้งการประเมินภาษี (ภ.ด.ส.6) ให้ผู้เสียภาษี", "ภายใน ก.พ.", "นักวิชาการจัดเก็บรายได้"),
            ("รับชำระภาษีและออกใบเสร็จรับเงิน (รายละไม่เกิน 20 นาที)", "ภายใน เม.ย.", "เจ้าพนักงานจัดเก็บรายได้"),
            ("ติดตามเร่งรัดผู้ค้างชำระ ออกหนังสือแจ้งเตือน", "พ.ค. – ส.ค.", "นักวิชาการจัดเก็บรายได้"),
            ("สรุปผลการจัดเก็บรายได้ รายงานผู้บริหาร", "ก.ย.", "ผู้อำนวยการกองคลัง"),
        ],
        [
            "ประเมินภาษีตามข้อมูลจริงและหลักเกณฑ์ที่กฎหมายกำหนด ไม่ละเว้นหรือลดหย่อนโดยไม่มีอำนาจ",
            "ห้ามเรียก รับ หรือยอมจะรับเงินหรือประโยชน์อื่นใดจากผู้เสียภาษี",
            "รับชำระเงินทุกครั้งต้องออกใบเสร็จรับเงินและนำส่งเงินภายในวันที่รับ",
        ],
        [
            "พระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. ๒๕๖๒",
            "ระเบียบกระทรวงมหาดไทยว่าด้วยการรับเงิน การเบิกจ่ายเงิน การฝากเงิน การเก็บรักษาเงิน "
            "และการตรวจเงินขององค์กรปกครองส่วนท้องถิ่น พ.ศ. ๒๕๖๖",
        ],
        seed=801,
    )
    staff_manual_pdf(
        MANUAL_BUILDING,
        "การพิจารณาอนุญาตก่อสร้างอาคาร",
        "งานออกแบบและควบคุมอาคาร กองช่าง",
        "เพื่อให้การพิจารณาคำขออนุญาตก่อสร้างอาคารเป็นไปตามพระราชบัญญัติควบคุมอาคาร พ.ศ. ๒๕๒๒ แล้วเสร็จภายในระยะเวลา"
        "ที่กฎหมายกำหนด และผู้ขออนุญาตได้รับบริการอย่างเท่าเทียม",
        [
            ("นายกองค์การบริหารส่วนตำบล\n(เจ้าพนักงานท้องถิ่น)", "พิจารณาอนุญาตและลงนามในใบอนุญาตก่อสร้างอาคาร (แบบ อ.1)"),
            ("ผู้อำนวยการกองช่าง", "ตรวจสอบผลการพิจารณาของนายช่าง และเสนอความเห็นต่อเจ้าพนักงานท้องถิ่น"),
            ("นายช่างโยธา", "ตรวจสอบเอกสาร ตรวจสถานที่ก่อสร้าง และตรวจพิจารณาแบบแปลนตามกฎกระทรวง"),
        ],
        [
            ("รับคำขออนุญาต (แบบ ข.1) และตรวจสอบความครบถ้วนของเอกสาร", "1 วัน", "นายช่างโยธา"),
            ("ตรวจสอบสถานที่ก่อสร้างและที่ดินข้างเคียง", "7 วัน", "นายช่างโยธา"),
            ("ตรวจพิจารณาแบบแปลนและรายการประกอบแบบแปลน", "20 วัน", "นายช่างโยธา"),
            ("เสนอความเห็นผ่านผู้อำนวยการกองช่าง", "7 วัน", "ผู้อำนวยการกองช่าง"),
            ("เจ้าพนักงานท้องถิ่นพิจารณาอนุญาตและแจ้งผู้ขออนุญาต", "10 วัน", "นายก อบต."),
        ],
        [
            "พิจารณาให้แล้วเสร็จภายใน ๔๕ วันนับแต่วันที่ได้รับคำขอ ตามมาตรา ๒๕ แห่งพระราชบัญญัติควบคุมอาคาร พ.ศ. ๒๕๒๒",
            "เรียกเก็บเฉพาะค่าธรรมเนียมตามกฎกระทรวงและออกใบเสร็จรับเงินทุกครั้ง",
            "ห้ามเรียก รับ หรือยอมจะรับเงินหรือประโยชน์อื่นใดเพื่อเร่งรัดการพิจารณา",
        ],
        ["พระราชบัญญัติควบคุมอาคาร พ.ศ. ๒๕๒๒ และที่แก้ไขเพิ่มเติม", "กฎกระทรวงกำหนดค่าธรรมเนียมการออกใบอนุญาต"],
        seed=802,
    )


# O12: the annual procurement report of FY2568. Planted gap: ราคากลาง is there, the vendors' tax ids are not.
PROCURE_MAJOR_2568 = [
    # job, budget, reference price, method, winner, price, contract
    (
        "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาคำ – บ้านโพนงาม หมู่ที่ 4",
        1200000,
        1196400,
        "e-bidding",
        "หจก.ดงมะไฟการโยธา",
        1088000,
        "สัญญาจ้างเลขที่ 2/2568 ลงวันที่ 6 ม.ค. 2568",
    ),
    (
        "จ้างก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็ก หมู่ที่ 2 บ้านโคกสว่าง",
        450000,
        448700,
        "e-bidding",
        "บริษัท สกลรุ่งเรืองวิศวกรรม จำกัด",
        398000,
        "สัญญาจ้างเลขที่ 5/2568 ลงวันที่ 14 พ.ค. 2568",
    ),
    (
        "ซื้ออาหารเสริม (นม) โรงเรียน ภาคเรียนที่ 2/2567 และ 1/2568",
        786452.80,
        786452.80,
        "เฉพาะเจาะจง",
        "สหกรณ์โคนมหนองหาร จำกัด",
        786452.80,
        "สัญญาซื้อขายเลขที่ 1/2568 ลงวันที่ 31 ต.ค. 2567",
    ),
    (
        "จ้างซ่อมแซมระบบประปาหมู่บ้าน หมู่ที่ 9 บ้านท่าศิลา",
        180000,
        178900,
        "เฉพาะเจาะจง",
        "หจก.สกลนครวอเตอร์เทค",
        176500,
        "สัญญาจ้างเลขที่ 3/2568 ลงวันที่ 3 ก.พ. 2568",
    ),
    (
        "ซื้อครุภัณฑ์คอมพิวเตอร์ (เครื่องคอมพิวเตอร์ 4 เครื่อง เครื่องพิมพ์ 2 เครื่อง)",
        112000,
        111400,
        "เฉพาะเจาะจง",
        "ร้านสกลคอมพิวเตอร์เซอร์วิส",
        110800,
        "สัญญาซื้อขายเลขที่ 4/2568 ลงวันที่ 18 มี.ค. 2568",
    ),
]


def procurement_report_2568_pdf(path: str = PROCURE_REPORT_2568) -> None:
    date = D(2568, 10, 28)
    doc = Doc("รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568", date, landscape=True, size=14)
    doc.seal(18)
    doc.center("รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", bold=True, size=18)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", bold=True, size=15)
    doc.center("(๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)", size=14)
    doc.ln(2)
    doc.para(
        f"กองคลัง {ORG} ขอรายงานสรุปผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ตามพระราชบัญญัติการจัดซื้อจัดจ้าง"
        "และการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ เพื่อเผยแพร่ให้ประชาชนทราบ และนำผลการวิเคราะห์ไปปรับปรุงการจัดซื้อจัดจ้าง"
        "ในปีงบประมาณถัดไป"
    )
    # every purchase of the year: the small ones from the monthly summaries (สขร.1) plus the contracts above
    small = [r for rows in ARCHIVE_2568.values() for r in rows]
    by_method: dict[str, list[float]] = {"เฉพาะเจาะจง": [0, 0, 0, 0], "e-bidding": [0, 0, 0, 0], "คัดเลือก": [0, 0, 0, 0]}
    for _job, budget, ref, _method, bidders, _reason, _contract in small:
        agg = by_method["เฉพาะเจาะจง"]
        agg[0] += 1
        agg[1] += budget
        agg[2] += ref
        agg[3] += min(p for _n, p in bidders)
    for _job, budget, ref, method, _win, price, _contract in PROCURE_MAJOR_2568:
        agg = by_method[method]
        agg[0] += 1
        agg[1] += budget
        agg[2] += ref
        agg[3] += price
    names = {
        "เฉพาะเจาะจง": "วิธีเฉพาะเจาะจง",
        "e-bidding": "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
        "คัดเลือก": "วิธีคัดเลือก",
    }
    rows = []
    total = [0.0, 0.0, 0.0, 0.0]
    for key, (n, budget, ref, price) in by_method.items():
        total = [t + v for t, v in zip(total, (n, budget, ref, price), strict=True)]
        rows.append([names[key], str(int(n)), money(budget), money(ref), money(price), money(budget - price)])
    rows.append(
        ["รวม", str(int(total[0])), money(total[1]), money(total[2]), money(total[3]), money(total[1] - total[3])]
    )
    head(doc, "๑. สรุปผลการจัดซื้อจัดจ้างจำแนกตามวิธีการจัดซื้อจัดจ้าง")
    doc.table_rows(
        [
            "วิธีการจัดซื้อจัดจ้าง",
            "จำนวนโครงการ",
            "วงเงินงบประมาณ\n(บาท)",
            "ราคากลาง\n(บาท)",
            "ราคาที่ตกลงซื้อหรือจ้าง\n(บาท)",
            "งบประมาณคงเหลือ\n(บาท)",
        ],
        rows,
        widths=(62, 22, 36, 36, 38, 36),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("LEFT", "CENTER", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
    )
    head(doc, "๒. รายละเอียดการจัดซื้อจัดจ้างที่มีวงเงินเกิน ๑๐๐,๐๐๐ บาท")
    rows = [
        [str(i), job, money(budget), money(ref), names[method], winner, money(price), contract]
        for i, (job, budget, ref, method, winner, price, contract) in enumerate(PROCURE_MAJOR_2568, 1)
    ]
    doc.table_rows(
        [
            "ที่",
            "งานที่ซื้อหรือจ้าง",
            "วงเงินงบประมาณ\n(บาท)",
            "ราคากลาง\n(บาท)",
            "วิธีซื้อหรือจ้าง",
            "ผู้ได้รับการคัดเลือก",
            "ราคาที่ตกลงซื้อหรือจ้าง\n(บาท)",
            "เลขที่และวันที่ของสัญญา",
        ],
        rows,
        widths=(8, 62, 28, 28, 34, 40, 28, 42),
        v_align="TOP",
        size=11,
        line_height=5.5,
        align=("CENTER", "LEFT", "RIGHT", "RIGHT", "LEFT", "LEFT", "RIGHT", "LEFT"),
    )
    doc.para(
        f"รายการจัดซื้อจัดจ้างวงเงินไม่เกิน ๑๐๐,๐๐๐ บาท อีก {th(len(small))} รายการ ได้เผยแพร่ในสรุปผลการจัดซื้อจัดจ้าง"
        "รายเดือน (แบบ สขร.1) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ครบทั้ง ๑๒ เดือนแล้ว",
        indent=False,
    )
    head(doc, "๓. การวิเคราะห์ผลการจัดซื้อจัดจ้าง")
    n_total = int(total[0])
    n_specific = int(by_method["เฉพาะเจาะจง"][0])
    doc.para(
        f"การจัดซื้อจัดจ้างส่วนใหญ่ใช้วิธีเฉพาะเจาะจง จำนวน {th(n_specific)} โครงการ จากทั้งหมด {th(n_total)} โครงการ "
        f"(ร้อยละ {th(f'{100 * n_specific / n_total:.2f}')}) เนื่องจากเป็นรายการวงเงินไม่เกิน ๕๐๐,๐๐๐ บาท "
        "ส่วนงานก่อสร้างขนาดใหญ่ใช้วิธีประกวดราคาอิเล็กทรอนิกส์ ทำให้ได้ราคาต่ำกว่าราคากลาง "
        f"รวมงบประมาณคงเหลือจากการจัดซื้อจัดจ้างทั้งสิ้น {money(total[1] - total[3])} บาท"
    )
    head(doc, "๔. ปัญหาและอุปสรรค")
    for s in [
        "๑. ผู้ประกอบการในพื้นที่ที่ลงทะเบียนในระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP) มีน้อย บางรายการมีผู้เสนอราคาเพียงรายเดียว",
        "๒. ตำแหน่งนักวิชาการพัสดุว่าง เจ้าหน้าที่พัสดุมีเพียง ๑ คน ทำให้ภาระงานมาก",
        "๓. ราคาวัสดุก่อสร้างปรับตัวสูงขึ้นระหว่างปี ต้องปรับราคากลางบางโครงการใหม่",
    ]:
        doc.bullet(s)
    head(doc, "๕. ข้อเสนอแนะ")
    for s in [
        "๑. ประชาสัมพันธ์ให้ผู้ประกอบการในพื้นที่ลงทะเบียนในระบบ e-GP เพื่อเพิ่มการแข่งขัน",
        "๒. สรรหานักวิชาการพัสดุให้ครบตามแผนอัตรากำลัง และส่งเจ้าหน้าที่เข้ารับการอบรมด้านพัสดุ",
        "๓. จัดทำแผนการจัดซื้อจัดจ้างให้แล้วเสร็จตั้งแต่ต้นปีงบประมาณ และเผยแพร่ราคากลางทุกโครงการ",
    ]:
        doc.bullet(s)
    doc.center(f"ณ วันที่ {th(dfull(date))}")
    doc.signature(EXECUTIVES[7][1], "ผู้อำนวยการกองคลัง", pre="ผู้รายงาน", seed=2568_10)
    doc.save(path)


# O13, O14: HR plan 2569 and HR report 2568.
HR_STAFF = [  # unit, พนักงานส่วนตำบล, ลูกจ้างประจำ, พนักงานจ้าง
    ("สำนักปลัด", 8, 1, 12),
    ("กองคลัง", 5, 0, 4),
    ("กองช่าง", 3, 0, 5),
    ("กองการศึกษา ศาสนาและวัฒนธรรม", 4, 0, 10),
]


def hr_plan_2569_pdf(path: str = HR_PLAN_2569) -> None:
    date = D(2568, 10, 1)
    doc = Doc("แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569", date, landscape=True, size=14)
    doc.seal(18)
    doc.center("แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", bold=True, size=18)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", bold=True, size=15)
    doc.ln(2)
    doc.para(
        "ตามประกาศคณะกรรมการพนักงานส่วนตำบลจังหวัดสกลนคร เรื่อง หลักเกณฑ์และเงื่อนไขเกี่ยวกับการบริหารงานบุคคลของพนักงาน"
        f"ส่วนตำบล และแผนอัตรากำลัง ๓ ปี (ปีงบประมาณ พ.ศ. ๒๕๖๗ – ๒๕๖๙) ของ{ORG} จึงจัดทำแผนการบริหารและพัฒนา"
        "ทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ เพื่อเป็นหลักเกณฑ์และกรอบในการสรรหา คัดเลือก บรรจุแต่งตั้ง พัฒนา "
        "ประเมินผลการปฏิบัติงาน และเสริมสร้างขวัญกำลังใจของบุคลากร ให้เป็นไปตามหลักคุณธรรม โปร่งใส และตรวจสอบได้"
    )
    head(doc, "๑. อัตรากำลังปัจจุบัน (ณ วันที่ ๑ ตุลาคม ๒๕๖๘)")
    rows = [[u, str(a1), str(b), str(c), str(a1 + b + c)] for u, a1, b, c in HR_STAFF]
    t = [sum(r[k] for r in HR_STAFF) for k in (1, 2, 3)]
    rows.append(["รวม", *(str(x) for x in t), str(sum(t))])
    doc.table_rows(
        ["ส่วนราชการ", "พนักงานส่วนตำบล", "ลูกจ้างประจำ", "พนักงานจ้าง", "รวม (คน)"],
        rows,
        widths=(60, 30, 30, 30, 25),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("LEFT", "CENTER", "CENTER", "CENTER", "CENTER"),
    )
    head(doc, "๒. แผนงาน/โครงการ จำแนกตามด้านการบริหารทรัพยากรบุคคล")
    plan = [
        (
            "ด้านการสรรหาและคัดเลือก",
            "ขอใช้บัญชีผู้สอบแข่งขันได้/ประกาศรับโอน (ย้าย) ตำแหน่งนักวิชาการพัสดุที่ว่าง และสรรหาพนักงานจ้างตามภารกิจ 2 อัตรา",
            "สรรหาได้ครบทุกตำแหน่งว่างตามแผนอัตรากำลัง",
            "ต.ค. 2568 – มี.ค. 2569",
            15000,
            "งานการเจ้าหน้าที่ สำนักปลัด",
        ),
        (
            "ด้านการบรรจุและแต่งตั้ง",
            "บรรจุแต่งตั้งผู้ผ่านการสรรหา เลื่อนระดับและแต่งตั้งพนักงานที่มีคุณสมบัติครบ โดยผ่านความเห็นชอบของ ก.อบต.จังหวัด",
            "ดำเนินการตามหลักเกณฑ์ครบร้อยละ 100",
            "ต.ค. 2568 – ก.ย. 2569",
            0,
            "งานการเจ้าหน้าที่ สำนักปลัด",
        ),
        (
            "ด้านการพัฒนาบุคลากร",
            "ส่งบุคลากรเข้ารับการฝึกอบรมหลักสูตรตามสายงาน ปฐมนิเทศพนักงานใหม่ และโครงการอบรมคุณธรรมจริยธรรม",
            "บุคลากรทุกคนได้รับการพัฒนาอย่างน้อยปีละ 1 หลักสูตร",
            "ต.ค. 2568 – ก.ย. 2569",
            250000,
            "ทุกส่วนราชการ",
        ),
        (
            "ด้านการประเมินผลการปฏิบัติงาน",
            "ประเมินผลการปฏิบัติงานปีละ 2 รอบ แต่งตั้งคณะกรรมการกลั่นกรองผลการประเมิน และแจ้งผลให้ผู้รับการประเมินทราบ",
            "ประเมินครบทุกคนทั้ง 2 รอบ",
            "มี.ค. 2569 และ ก.ย. 2569",
            0,
            "ปลัด อบต. / หัวหน้าส่วนราชการ",
        ),
        (
            "ด้านการส่งเสริมขวัญกำลังใจและการให้คุณให้โทษ",
            "คัดเลือกพนักงานดีเด่นประจำปี จัดสวัสดิการตรวจสุขภาพประจำปี และดำเนินการทางวินัยอย่างเป็นธรรมตามประมวลจริยธรรม",
            "ความพึงพอใจของบุคลากรไม่น้อยกว่าร้อยละ 80",
            "ต.ค. 2568 – ก.ย. 2569",
            40000,
            "สำนักปลัด",
        ),
    ]
    rows = [[s, p, g, when, baht(b) if b else "ไม่ใช้งบประมาณ", who] for s, p, g, when, b, who in plan]
    rows.append(["รวมงบประมาณ", "", "", "", baht(sum(p[4] for p in plan)), ""])
    doc.table_rows(
        ["ด้าน", "โครงการ/กิจกรรม", "เป้าหมาย/ตัวชี้วัด", "ระยะเวลา", "งบประมาณ\n(บาท)", "ผู้รับผิดชอบ"],
        rows,
        widths=(40, 80, 46, 40, 26, 36),
        v_align="TOP",
        size=12,
        line_height=6,
    )
    doc.center(f"ประกาศ ณ วันที่ {th(dfull(date))}")
    doc.signature(MAYOR[1], MAYOR[2], seed=2569_13)
    doc.save(path)


def hr_report_2568_pdf(path: str = HR_REPORT_2568) -> None:
    date = D(2568, 10, 15)
    doc = Doc("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2568", date, landscape=True, size=14)
    doc.center("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", bold=True, size=18)
    doc.center(f"{ORG} (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)", bold=True, size=15)
    doc.ln(2)
    doc.para(
        f"{ORG} ได้ดำเนินการตามแผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ครบทั้ง ๕ ด้าน สรุปผลการดำเนินการได้ดังนี้"
    )
    rows = [
        [
            "ด้านการสรรหาและคัดเลือก",
            "สรรหาพนักงานจ้างตามภารกิจ 3 อัตรา และรับโอนนักวิชาการเงินและบัญชี 1 ราย",
            "สรรหาได้ครบ 4 อัตรา",
            "12,400",
        ],
        [
            "ด้านการบรรจุและแต่งตั้ง",
            "บรรจุแต่งตั้งผู้ผ่านการสรรหา เลื่อนระดับพนักงานส่วนตำบล",
            "บรรจุแต่งตั้ง 4 ราย เลื่อนระดับ 3 ราย แล้วเสร็จทุกราย",
            "-",
        ],
        [
            "ด้านการพัฒนาบุคลากร",
            "อบรมหลักสูตรตามสายงาน และโครงการอบรมคุณธรรมจริยธรรม",
            "อบรมตามสายงาน 38 คน จาก 50 คน (ร้อยละ 76) อบรมคุณธรรมจริยธรรม 60 คน",
            "198,650",
        ],
        [
            "ด้านการประเมินผลการปฏิบัติงาน",
            "ประเมินผลการปฏิบัติงาน 2 รอบ",
            "ประเมินครบทุกคนทั้ง 2 รอบ และแจ้งผลการประเมินทุกราย",
            "-",
        ],
        [
            "ด้านการส่งเสริมขวัญกำลังใจ",
            "คัดเลือกพนักงานดีเด่น ตรวจสุขภาพประจำปี",
            "มอบเกียรติบัตรพนักงานดีเด่น 4 คน ตรวจสุขภาพ 47 คน",
            "35,200",
        ],
    ]
    doc.table_rows(
        ["ด้าน", "กิจกรรมตามแผน", "ผลการดำเนินงาน", "งบประมาณที่ใช้\n(บาท)"],
        rows,
        widths=(50, 85, 100, 30),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("LEFT", "LEFT", "LEFT", "RIGHT"),
    )
    head(doc, "ปัญหาและอุปสรรค")
    for s in [
        "๑. งบประมาณด้านการพัฒนาบุคลากรไม่เพียงพอ บุคลากร ๑๒ คน ยังไม่ได้เข้ารับการอบรมตามสายงาน",
        "๒. หลักสูตรของสถาบันพัฒนาบุคลากรท้องถิ่นบางหลักสูตรเต็มเร็ว",
        "๓. ตำแหน่งนักวิชาการพัสดุยังว่าง ทำให้ภาระงานของกองคลังเพิ่มขึ้น",
    ]:
        doc.bullet(s)
    head(doc, "ข้อเสนอแนะ")
    for s in [
        "๑. จัดลำดับบุคลากรที่ยังไม่ได้รับการอบรมให้ได้รับการพัฒนาเป็นลำดับแรกในปีงบประมาณถัดไป",
        "๒. ใช้การเรียนรู้ออนไลน์ (e-Learning) เสริมการอบรมในห้องเรียน",
        "๓. เร่งสรรหานักวิชาการพัสดุให้ครบตามแผนอัตรากำลัง",
    ]:
        doc.bullet(s)
    doc.center(f"ณ วันที่ {th(dfull(date))}")
    doc.signature(PALAD[1], PALAD[2], pre="ผู้รายงาน", seed=2568_14)
    doc.save(path)


# O19: participation results of FY2569 (issue, participants, outcome, how it was used).
def participation_report_2569_pdf(path: str = PARTICIPATION_2569) -> None:
    date = D(2569, 4, 7)
    doc = Doc("รายงานผลการเปิดโอกาสให้ประชาชนมีส่วนร่วม ประจำปีงบประมาณ พ.ศ. 2569", date, landscape=True, size=14)
    doc.center("รายงานผลการเปิดโอกาสให้ประชาชนมีส่วนร่วมในการดำเนินงาน", bold=True, size=18)
    doc.center("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ (ตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙)", bold=True, size=15)
    doc.center(ORG, size=15)
    doc.ln(2)
    doc.para(
        f"{ORG} เปิดโอกาสให้ประชาชนและผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการวางแผน การดำเนินงาน และการตรวจสอบ"
        "การดำเนินงานของหน่วยงาน ในรอบ ๖ เดือนแรกของปีงบประมาณ พ.ศ. ๒๕๖๙ ดังนี้"
    )
    rows = [
        [
            "1",
            "ตัวแทนประชาชนร่วมเป็นกรรมการตรวจรับพัสดุ โครงการก่อสร้างถนน คสล. สายบ้านโนนสำราญ – บ้านหนองแวง หมู่ที่ 7",
            "ธ.ค. 2568 – พ.ค. 2569 ณ สถานที่ก่อสร้าง",
            "ตัวแทนประชาชน หมู่ที่ 7 จำนวน 3 คน",
            "ร่วมตรวจสอบวัสดุและงานก่อสร้างทุกงวดงาน แจ้งจุดที่ผิวถนนแตกร้าว 2 จุด",
            "สั่งให้ผู้รับจ้างแก้ไขก่อนตรวจรับงวดงาน และเพิ่มการถ่ายภาพทุกขั้นตอนเผยแพร่ต่อสาธารณะ",
        ],
        [
            "2",
            "เวทีรับฟังความคิดเห็น โครงการก่อสร้างระบบประปาหมู่บ้าน หมู่ที่ 3 บ้านดอนแดง",
            "9 ม.ค. 2569 ศาลาประชาคมบ้านดอนแดง",
            "ประชาชน ผู้นำชุมชน 58 คน",
            "เลือกที่ตั้งหอถังสูงบนที่สาธารณะ และขอให้ตั้งคณะกรรมการประปาหมู่บ้าน",
            "ปรับแบบที่ตั้งหอถังก่อนประกาศเชิญชวน และแต่งตั้งคณะกรรมการประปาหมู่บ้าน 9 คน",
        ],
        [
            "3",
            "ประชุมประชาคมตำบล ทบทวนแผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570) เพิ่มเติม ครั้งที่ 1/2569",
            "17 ก.พ. 2569 ห้องประชุม อบต.หนองบัวแดง",
            "ผู้นำชุมชน กลุ่มอาชีพ อสม. และประชาชน 126 คน",
            "เสนอโครงการ 14 โครงการ เช่น ขยายเขตประปา หมู่ที่ 3 ซ่อมแซมถนนเพื่อการเกษตร ไฟฟ้าส่องสว่างทางแยก",
            "บรรจุทั้ง 14 โครงการในแผนพัฒนาท้องถิ่นเพิ่มเติม ครั้งที่ 1/2569 และแจ้งผลให้ที่ประชุมทราบ",
        ],
        [
            "4",
            "ประชุมคณะกรรมการธนาคารขยะชุมชน",
            "24 มี.ค. 2569 ศาลาประชาคมบ้านโนนสำราญ",
            "สมาชิกธนาคารขยะ 36 คน",
            "เสนอให้เปิดรับฝากขยะทุกเดือน และนำรายได้เข้ากองทุนสวัสดิการชุมชน",
            "กำหนดวันรับฝากทุกวันพุธสุดท้ายของเดือน และขยายผลเพิ่มอีก 4 หมู่บ้าน",
        ],
    ]
    doc.table_rows(
        ["ที่", "ประเด็น/เรื่อง", "วันที่และสถานที่", "ผู้เข้าร่วม", "ผลการมีส่วนร่วม", "การนำผลไปปรับปรุงการดำเนินงาน"],
        rows,
        widths=(8, 62, 38, 34, 60, 62),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT"),
    )
    doc.center(f"ณ วันที่ {th(dfull(date))}")
    doc.signature(PALAD[1], PALAD[2], pre="ผู้รายงาน", seed=2569_19)
    doc.save(path)


# O15: the code of ethics (the activity is on /ita/ethics-2569.html).
def ethics_code_pdf(path: str = ETHICS_CODE) -> None:
    date = D(2568, 10, 2)
    doc = Doc("ประมวลจริยธรรมของพนักงานส่วนท้องถิ่น", date, size=15)
    doc.seal(20)
    doc.center(f"ประมวลจริยธรรมของข้าราชการ พนักงาน และลูกจ้างของ{ORG}", bold=True, size=17)
    doc.ln(2)
    doc.para(
        "โดยที่พระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. ๒๕๖๒ กำหนดให้หน่วยงานของรัฐจัดทำประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ"
        f"ในหน่วยงาน {ORG} จึงออกประมวลจริยธรรมไว้ ดังต่อไปนี้"
    )
    doc.center("หมวด ๑ บททั่วไป", bold=True)
    doc.para(f"ข้อ ๑ ประมวลจริยธรรมนี้เรียกว่า “ประมวลจริยธรรมของข้าราชการ พนักงาน และลูกจ้างของ{ORG}”")
    doc.para("ข้อ ๒ ประมวลจริยธรรมนี้ใช้บังคับแก่ผู้บริหาร พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้าง ทุกคน")
    doc.center("หมวด ๒ มาตรฐานทางจริยธรรม", bold=True)
    doc.para("ข้อ ๓ เจ้าหน้าที่ต้องยึดถือและปฏิบัติตามมาตรฐานทางจริยธรรม ดังต่อไปนี้")
    for s in [
        "(๑) ยึดมั่นในสถาบันหลักของประเทศ อันได้แก่ ชาติ ศาสนา พระมหากษัตริย์",
        "(๒) ซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่",
        "(๓) กล้าตัดสินใจและกระทำในสิ่งที่ถูกต้องชอบธรรม",
        "(๔) คิดถึงประโยชน์ส่วนรวมมากกว่าประโยชน์ส่วนตัว และมีจิตสาธารณะ",
        "(๕) มุ่งผลสัมฤทธิ์ของงาน",
        "(๖) ปฏิบัติหน้าที่อย่างเป็นธรรมและไม่เลือกปฏิบัติ",
        "(๗) ดำรงตนเป็นแบบอย่างที่ดีและรักษาภาพลักษณ์ของทางราชการ",
    ]:
        doc.bullet(s)
    doc.center("หมวด ๓ กลไกและระบบการบังคับใช้ประมวลจริยธรรม", bold=True)
    doc.para(
        f"ข้อ ๔ ให้ปลัด{ORG} เป็นผู้กำกับดูแลการปฏิบัติตามประมวลจริยธรรมนี้ และให้งานการเจ้าหน้าที่ สำนักปลัด "
        "ส่งเสริม ติดตาม และรายงานผลการปฏิบัติตามประมวลจริยธรรมเป็นประจำทุกปี"
    )
    doc.para(
        "ข้อ ๕ การฝ่าฝืนประมวลจริยธรรมนี้ให้ถือเป็นการกระทำผิดทางวินัย และให้นำไปประกอบการพิจารณาแต่งตั้ง "
        "เลื่อนขั้นเงินเดือน และประเมินผลการปฏิบัติงาน"
    )
    doc.center(f"ประกาศ ณ วันที่ {th(dfull(date))}")
    doc.signature(MAYOR[1], MAYOR[2], seed=2569_151)
    doc.save(path)


# O21, O22: risk assessment 2569 (bribery) and the risk-management report 2568.
def risk_assessment_2569_pdf(path: str = RISK_2569) -> None:
    doc = Doc("การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2569", D(2568, 12, 2), landscape=True, size=14)
    doc.center("รายงานการประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", bold=True, size=17)
    doc.center("(ประเด็นความเสี่ยงการให้หรือรับสินบน)", bold=True, size=15)
    doc.center(ORG, bold=True, size=15)
    doc.ln(2)
    doc.para(
        "คณะทำงานประเมินความเสี่ยงการทุจริตได้ระบุกระบวนงานที่มีโอกาสเกิดการเรียกรับสินบน วิเคราะห์โอกาสและผลกระทบ "
        "(ระดับ ๑ – ๕) และจัดระดับความเสี่ยงจากผลคูณ ได้แก่ ต่ำ (๑ – ๔) ปานกลาง (๕ – ๙) สูง (๑๐ – ๑๔) และสูงมาก (๑๕ – ๒๕) "
        "พร้อมกำหนดมาตรการควบคุมความเสี่ยง ดังนี้"
    )
    risks = [
        (
            "การอนุญาตก่อสร้างอาคาร",
            "เจ้าหน้าที่อาจเรียกรับสินบนเพื่อเร่งรัดการอนุญาต",
            4,
            4,
            "เผยแพร่ขั้นตอนและระยะเวลาต่อสาธารณะ ตรวจสอบโดยผู้บังคับบัญชา 2 ชั้น",
            "กองช่าง",
        ),
        (
            "การตรวจรับงานจ้างก่อสร้าง",
            "กรรมการตรวจรับอาจรับประโยชน์จากผู้รับจ้างเพื่อตรวจรับงานที่ไม่เป็นไปตามแบบ",
            3,
            4,
            "แต่งตั้งตัวแทนประชาชนร่วมตรวจรับ ถ่ายภาพทุกงวดงานเผยแพร่ต่อสาธารณะ",
            "กองช่าง / กองคลัง",
        ),
        (
            "การจัดซื้อจัดจ้าง",
            "การกำหนดคุณลักษณะเฉพาะเอื้อผู้ประกอบการบางรายเพื่อแลกกับผลประโยชน์",
            2,
            4,
            "แต่งตั้งคณะกรรมการจากหลายส่วนราชการ เผยแพร่ราคากลางและผลการจัดซื้อจัดจ้างทุกเดือน",
            "กองคลัง",
        ),
        (
            "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
            "การรับเงินเพื่อประเมินภาษีต่ำกว่าความเป็นจริง",
            2,
            3,
            "สุ่มตรวจแบบประเมินร้อยละ 10 ประชาสัมพันธ์อัตราภาษี",
            "กองคลัง",
        ),
        (
            "การสรรหาพนักงานจ้าง",
            "การรับเงินหรือประโยชน์เพื่อให้ผ่านการคัดเลือก",
            2,
            3,
            "ประกาศหลักเกณฑ์ต่อสาธารณะ คณะกรรมการคัดเลือกจากหลายส่วนราชการ",
            "สำนักปลัด",
        ),
    ]

    def level(score: int) -> str:
        return "ต่ำ" if score <= 4 else "ปานกลาง" if score <= 9 else "สูง" if score <= 14 else "สูงมาก"

    rows = [
        [str(i), proc, event, str(p), str(im), f"{level(p * im)} ({p * im})", ctl, who]
        for i, (proc, event, p, im, ctl, who) in enumerate(risks, 1)
    ]
    doc.table_rows(
        ["ที่", "กระบวนงาน", "เหตุการณ์ความเสี่ยง", "โอกาส", "ผลกระทบ", "ระดับความเสี่ยง", "มาตรการควบคุมความเสี่ยง", "ผู้รับผิดชอบ"],
        rows,
        widths=(8, 34, 56, 18, 24, 24, 74, 28),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("CENTER", "LEFT", "LEFT", "CENTER", "CENTER", "CENTER", "LEFT", "LEFT"),
    )
    doc.para("ระยะเวลาดำเนินการตามมาตรการ: ตุลาคม ๒๕๖๘ – กันยายน ๒๕๖๙ และรายงานผลต่อผู้บริหารรอบ ๖ เดือน", indent=False)
    doc.signature(PALAD[1], f"{PALAD[2]}\nหัวหน้าคณะทำงานประเมินความเสี่ยงการทุจริต", seed=2569_21)
    doc.save(path)


def risk_report_2568_pdf(path: str = RISK_REPORT_2568) -> None:
    date = D(2568, 10, 20)
    title = "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2568"
    doc = Doc(title, date, landscape=True, size=14)
    doc.center("รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ", bold=True, size=17)
    doc.center("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)", bold=True, size=15)
    doc.center(ORG, bold=True, size=15)
    doc.ln(2)
    doc.para(
        f"ตามที่{ORG} ได้ประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ และกำหนดมาตรการจัดการความเสี่ยงไว้ "
        "บัดนี้ได้ดำเนินการตามมาตรการครบถ้วนแล้ว จึงขอรายงานผล ดังนี้"
    )
    rows = [
        [
            "1",
            "การอนุญาตก่อสร้างอาคาร: เรียกรับสินบนเพื่อเร่งรัดการอนุญาต",
            "สูง",
            "เผยแพร่ขั้นตอนและระยะเวลา ตรวจสอบโดยผู้บังคับบัญชา 2 ชั้น",
            "ออกใบอนุญาต 23 ราย แล้วเสร็จภายใน 45 วันทุกราย ไม่มีเรื่องร้องเรียน",
            "ต่ำ",
        ],
        [
            "2",
            "การตรวจรับงานจ้างก่อสร้าง: กรรมการรับประโยชน์จากผู้รับจ้าง",
            "สูง",
            "ตัวแทนประชาชนร่วมตรวจรับ ถ่ายภาพทุกงวดงาน",
            "ตรวจรับ 6 โครงการ มีตัวแทนประชาชนร่วมทุกโครงการ",
            "ปานกลาง",
        ],
        [
            "3",
            "การจัดเก็บภาษี: ประเมินต่ำกว่าความเป็นจริง",
            "ปานกลาง",
            "สุ่มตรวจแบบประเมินร้อยละ 10",
            "สุ่มตรวจ 480 แปลง ไม่พบความผิดปกติ",
            "ต่ำ",
        ],
        [
            "4",
            "การใช้รถยนต์ส่วนกลาง: ใช้เพื่อประโยชน์ส่วนตน",
            "ปานกลาง",
            "ขออนุญาตทุกครั้ง บันทึกสมุดควบคุมการใช้รถ",
            "บันทึกครบทุกครั้ง ไม่พบการใช้นอกราชการ",
            "ต่ำ",
        ],
    ]
    doc.table_rows(
        [
            "ที่",
            "เหตุการณ์ความเสี่ยง",
            "ระดับความเสี่ยงก่อนจัดการ",
            "มาตรการจัดการความเสี่ยง",
            "ผลการดำเนินการ",
            "ระดับความเสี่ยงหลังจัดการ",
        ],
        rows,
        widths=(8, 70, 26, 70, 78, 26),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("CENTER", "LEFT", "CENTER", "LEFT", "LEFT", "CENTER"),
    )
    doc.para(
        "สรุปผล: ดำเนินการตามมาตรการครบทั้ง ๔ ประเด็น ความเสี่ยงลดลงทุกประเด็น "
        "และไม่มีเรื่องร้องเรียนเกี่ยวกับการเรียกรับสินบนในปีงบประมาณ พ.ศ. ๒๕๖๘",
        indent=False,
    )
    doc.para("ปัญหาและอุปสรรค: ตัวแทนประชาชนบางส่วนไม่สะดวกร่วมตรวจรับงานในวันทำการ", indent=False)
    doc.para("ข้อเสนอแนะ: กำหนดวันตรวจรับล่วงหน้า และแต่งตั้งตัวแทนสำรองหมู่บ้านละ ๒ คน", indent=False)
    doc.center(f"ณ วันที่ {th(dfull(date))}")
    doc.signature(PALAD[1], PALAD[2], pre="ผู้รายงาน", seed=2568_22)
    doc.save(path)


# O23, O24: anti-corruption action plan 2569 and report 2568 (the four มิติ of อปท. plans).
AC_PLAN = [
    ("มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต", None, None, None, None),
    ("1.1 โครงการอบรมคุณธรรมจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน", "บุคลากรทุกคน", 30000, "ม.ค. 2569", "สำนักปลัด"),
    ("1.2 กิจกรรมสร้างจิตสำนึกการแยกแยะประโยชน์ส่วนตนและประโยชน์ส่วนรวม", "บุคลากรทุกคน", 0, "ต.ค. – ธ.ค. 2568", "สำนักปลัด"),
    ("1.3 โครงการค่ายคุณธรรมสำหรับเด็กและเยาวชน", "เด็กและเยาวชน 80 คน", 20000, "เม.ย. 2569", "กองการศึกษาฯ"),
    ("มิติที่ 2 การบริหารราชการเพื่อป้องกันการทุจริต", None, None, None, None),
    ("2.1 มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างทุกเดือน", "12 เดือน", 0, "ต.ค. 2568 – ก.ย. 2569", "กองคลัง"),
    ("2.2 การประเมินความเสี่ยงการทุจริตและมาตรการควบคุม", "5 กระบวนงาน", 0, "ธ.ค. 2568", "สำนักปลัด"),
    (
        "2.3 มาตรการลดขั้นตอนและระยะเวลาการให้บริการประชาชน",
        "คู่มือสำหรับประชาชนทุกงาน",
        0,
        "ต.ค. 2568 – ก.ย. 2569",
        "ทุกส่วนราชการ",
    ),
    ("มิติที่ 3 การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน", None, None, None, None),
    ("3.1 ประชุมประชาคมตำบลเพื่อทบทวนแผนพัฒนาท้องถิ่น", "ประชาชน 120 คน", 15000, "ก.พ. 2569", "สำนักปลัด"),
    ("3.2 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตออนไลน์", "1 ช่องทาง", 5000, "ต.ค. 2568 – ก.ย. 2569", "งานกฎหมายและคดี"),
    ("3.3 ตัวแทนประชาชนร่วมเป็นกรรมการตรวจรับพัสดุ", "งานก่อสร้างทุกโครงการ", 0, "ต.ค. 2568 – ก.ย. 2569", "กองช่าง"),
    ("มิติที่ 4 การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการ", None, None, None, None),
    ("4.1 จัดทำแผนการตรวจสอบภายในประจำปี", "1 แผน", 0, "ต.ค. 2568", "หน่วยตรวจสอบภายใน"),
    ("4.2 รายงานการประเมินผลการควบคุมภายใน", "1 ฉบับ", 0, "ธ.ค. 2568", "ทุกส่วนราชการ"),
    ("4.3 อบรมสมาชิกสภาด้านการตรวจสอบการปฏิบัติงานของฝ่ายบริหาร", "สมาชิกสภา 12 คน", 10000, "มิ.ย. 2569", "สำนักปลัด"),
]


def anticorruption_plan_2569_pdf(path: str = AC_PLAN_2569) -> None:
    date = D(2568, 10, 1)
    doc = Doc("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569", date, landscape=True, size=14)
    doc.seal(18)
    doc.center("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", bold=True, size=18)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", bold=True, size=15)
    doc.ln(2)
    doc.para(
        f"{ORG} จัดทำแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ ให้สอดคล้องกับยุทธศาสตร์ชาติว่าด้วย"
        "การป้องกันและปราบปรามการทุจริต เพื่อใช้เป็นกรอบในการดำเนินงานป้องกันการทุจริตของหน่วยงาน ดังนี้"
    )
    rows = []
    for name, target, budget, when, who in AC_PLAN:
        if target is None:
            rows.append([name, "", "", "", ""])
        else:
            rows.append([name, target, baht(budget) if budget else "ไม่ใช้งบประมาณ", when, who])
    rows.append(["รวมงบประมาณทั้งสิ้น", "", baht(sum(r[2] or 0 for r in AC_PLAN)), "", ""])
    doc.table_rows(
        ["มิติ/โครงการ/กิจกรรม/มาตรการ", "เป้าหมาย", "งบประมาณ\n(บาท)", "ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ"],
        rows,
        widths=(120, 45, 30, 38, 38),
        v_align="TOP",
        size=12,
        line_height=6,
    )
    doc.center(f"ประกาศ ณ วันที่ {th(dfull(date))}")
    doc.signature(MAYOR[1], MAYOR[2], seed=2569_23)
    doc.save(path)


def anticorruption_report_2568_pdf(path: str = AC_REPORT_2568) -> None:
    date = D(2568, 10, 24)
    doc = Doc("รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568", date, landscape=True, size=14)
    doc.center("รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", bold=True, size=18)
    doc.center("ตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", size=15)
    doc.center(f"{ORG} (๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘)", bold=True, size=15)
    doc.ln(2)
    rows = [
        ["มิติที่ 1", "โครงการอบรมคุณธรรมจริยธรรมฯ / กิจกรรมสร้างจิตสำนึก / ค่ายคุณธรรมเด็กและเยาวชน", "3", "3", "50,000", "46,900"],
        ["มิติที่ 2", "เผยแพร่ข้อมูลจัดซื้อจัดจ้าง / ประเมินความเสี่ยง / ลดขั้นตอนการให้บริการ", "3", "3", "-", "-"],
        ["มิติที่ 3", "ประชาคมตำบล / ช่องทางร้องเรียนการทุจริต / ตัวแทนประชาชนตรวจรับพัสดุ", "3", "3", "20,000", "17,450"],
        ["มิติที่ 4", "แผนการตรวจสอบภายใน / รายงานการควบคุมภายใน / อบรมสมาชิกสภา", "3", "2", "10,000", "-"],
        ["รวม", "", "12", "11", "80,000", "64,350"],
    ]
    doc.table_rows(
        [
            "มิติ",
            "โครงการ/กิจกรรม",
            "จำนวนตามแผน",
            "ดำเนินการแล้ว",
            "งบประมาณตามแผน\n(บาท)",
            "ผลการเบิกจ่าย\n(บาท)",
        ],
        rows,
        widths=(20, 120, 22, 22, 32, 32),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("LEFT", "LEFT", "CENTER", "CENTER", "RIGHT", "RIGHT"),
    )
    doc.para(
        "ผลการดำเนินการ: ดำเนินการแล้ว ๑๑ โครงการ จาก ๑๒ โครงการ คิดเป็นร้อยละ ๙๑.๖๗ ใช้งบประมาณ ๖๔,๓๕๐ บาท "
        "บุคลากรผ่านการอบรมคุณธรรมจริยธรรม ๖๐ คน ไม่มีเรื่องร้องเรียนการทุจริตตลอดปีงบประมาณ "
        "และมีตัวแทนประชาชนร่วมตรวจรับงานก่อสร้างทุกโครงการ",
        indent=False,
    )
    doc.para(
        "ปัญหาและอุปสรรค: โครงการอบรมสมาชิกสภาด้านการตรวจสอบไม่ได้ดำเนินการ เนื่องจากวิทยากรไม่ว่างตามกำหนด "
        "และงบประมาณด้านการป้องกันการทุจริตมีจำกัด",
        indent=False,
    )
    doc.para(
        "ข้อเสนอแนะ: บรรจุโครงการอบรมสมาชิกสภาไว้ในแผนปีงบประมาณถัดไป และบูรณาการกิจกรรมป้องกันการทุจริต"
        "กับการประชุมประจำเดือนเพื่อลดค่าใช้จ่าย",
        indent=False,
    )
    doc.center(f"ณ วันที่ {th(dfull(date))}")
    doc.signature(PALAD[1], PALAD[2], pre="ผู้รายงาน", seed=2568_24)
    doc.save(path)


# O25: analysis of the ITA 2568 result and the integrity measures of 2569.
ITA_2568_SCORES = [
    ("IIT", "การปฏิบัติหน้าที่", 94.12),
    ("IIT", "การใช้งบประมาณ", 90.35),
    ("IIT", "การใช้อำนาจ", 92.80),
    ("IIT", "การใช้ทรัพย์สินของราชการ", 78.64),
    ("IIT", "การแก้ไขปัญหาการทุจริต", 89.10),
    ("EIT", "คุณภาพการดำเนินงาน", 91.25),
    ("EIT", "ประสิทธิภาพการสื่อสาร", 86.40),
    ("EIT", "การปรับปรุงการทำงาน", 84.77),
    ("OIT", "การเปิดเผยข้อมูล", 80.77),
    ("OIT", "การป้องกันการทุจริต", 87.50),
]


def ita_band(score: float) -> str:
    for floor, band in ((95, "AA"), (85, "A"), (75, "B"), (65, "C"), (55, "D"), (50, "E")):
        if score >= floor:
            return band
    return "F"


def integrity_measures_2569_pdf(path: str = INTEGRITY_2569) -> None:
    date = D(2568, 11, 14)
    doc = Doc("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2569", date, landscape=True, size=14)
    doc.center("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)", bold=True, size=16)
    doc.center("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", bold=True, size=16)
    doc.center("และมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", bold=True, size=16)
    doc.center(ORG, size=15)
    doc.ln(2)
    mean = {
        t: sum(s for tt, _i, s in ITA_2568_SCORES if tt == t) / sum(1 for r in ITA_2568_SCORES if r[0] == t)
        for t in ("IIT", "EIT", "OIT")
    }
    total = round(0.3 * mean["IIT"] + 0.3 * mean["EIT"] + 0.4 * mean["OIT"], 2)
    head(doc, "ส่วนที่ ๑ การวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    doc.para(
        f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ของ{ORG} ได้คะแนน {th(f'{total:.2f}')} คะแนน "
        f"อยู่ในระดับ {ita_band(total)} ผลคะแนนรายตัวชี้วัดและการวิเคราะห์ผล มีดังนี้"
    )
    notes = {
        "การใช้ทรัพย์สินของราชการ": "คะแนนต่ำที่สุด บุคลากรบางส่วนยังไม่ทราบขั้นตอนการขออนุญาตยืมทรัพย์สินของราชการ",
        "การปรับปรุงการทำงาน": "ผู้รับบริการเห็นว่าการปรับปรุงคุณภาพการให้บริการยังไม่ชัดเจน",
        "การเปิดเผยข้อมูล": "ไม่ผ่านเกณฑ์บางข้อ: สรุปผลการจัดซื้อจัดจ้างรายเดือนไม่ครบทุกเดือน และข้อมูล E-Service ไม่ครบองค์ประกอบ",
        "ประสิทธิภาพการสื่อสาร": "ควรเผยแพร่ข้อมูลผ่านช่องทางที่หลากหลายและเข้าถึงง่ายขึ้น",
    }
    rows = [
        [tool, ind, f"{score:.2f}", notes.get(ind, "ผ่านเกณฑ์ ควรรักษามาตรฐาน")] for tool, ind, score in ITA_2568_SCORES
    ]
    doc.table_rows(
        ["เครื่องมือ", "ตัวชี้วัด", "คะแนน", "ผลการวิเคราะห์"],
        rows,
        widths=(22, 55, 18, 146),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("CENTER", "LEFT", "CENTER", "LEFT"),
    )
    head(doc, "ประเด็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน")
    for s in [
        "๑. ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ (IIT) ต่ำกว่าเกณฑ์ ๘๕ คะแนน",
        "๒. ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล (OIT) ข้อมูลบางรายการไม่ครบถ้วนตามองค์ประกอบด้านข้อมูลและด้านเวลา",
    ]:
        doc.bullet(s)
    head(doc, "ประเด็นที่ต้องพัฒนาให้ดีขึ้น")
    for s in [
        "๑. ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน (EIT) และตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร (EIT)",
        "๒. การกำกับติดตามให้ข้อมูลสาธารณะบนเว็บไซต์ครบถ้วนและเป็นปัจจุบันตลอดปี",
    ]:
        doc.bullet(s)
    head(doc, "ส่วนที่ ๒ มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙")
    rows = [
        [
            "1",
            "มาตรการเผยแพร่ข้อมูลสาธารณะให้ครบถ้วนและเป็นปัจจุบัน",
            "(1) มอบหมายผู้รับผิดชอบรายข้อ O1 – O26 (2) ตรวจสอบความครบถ้วนของข้อมูลบนเว็บไซต์ทุกเดือน "
            "(3) เผยแพร่สรุปผลการจัดซื้อจัดจ้างภายในวันที่ 10 ของเดือนถัดไป",
            "สำนักปลัด / กองคลัง",
            "ต.ค. 2568 – ก.ย. 2569",
            "ปลัด อบต. ตรวจสอบทุกเดือน รายงานนายกทุกไตรมาส",
        ],
        [
            "2",
            "มาตรการกำกับดูแลการใช้ทรัพย์สินของราชการ",
            "(1) จัดทำแนวปฏิบัติการยืมทรัพย์สินของราชการ (2) ชี้แจงในการประชุมประจำเดือน (3) ตรวจสอบพัสดุประจำปี",
            "กองคลัง (งานทะเบียนทรัพย์สินและพัสดุ)",
            "ธ.ค. 2568 – ก.ย. 2569",
            "สรุปทะเบียนการยืม-คืนทุกไตรมาส",
        ],
        [
            "3",
            "มาตรการปรับปรุงคุณภาพการให้บริการ",
            "(1) สำรวจความพึงพอใจผู้รับบริการ (2) ลดขั้นตอนและระยะเวลาการให้บริการ (3) ปรับปรุงข้อมูลหน้า E-Service ให้ครบถ้วนตามเกณฑ์",
            "ทุกส่วนราชการ",
            "ม.ค. – ก.ย. 2569",
            "รายงานผลการสำรวจรอบ 6 เดือน และ 12 เดือน",
        ],
        [
            "4",
            "มาตรการป้องกันผลประโยชน์ทับซ้อนและการรับสินบน",
            "(1) อบรมคุณธรรมจริยธรรม (2) ประเมินความเสี่ยงการทุจริต (3) เผยแพร่ช่องทางแจ้งเรื่องร้องเรียนการทุจริตออนไลน์",
            "สำนักปลัด (งานกฎหมายและคดี)",
            "ต.ค. 2568 – ก.ย. 2569",
            "รายงานผลต่อนายก รอบ 6 เดือน",
        ],
    ]
    doc.table_rows(
        ["ที่", "มาตรการ", "วิธีการ/ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การติดตามผล"],
        rows,
        widths=(8, 50, 100, 38, 30, 45),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT"),
    )
    doc.center(f"ประกาศ ณ วันที่ {th(dfull(date))}")
    doc.signature(MAYOR[1], MAYOR[2], seed=2569_25)
    doc.save(path)


# O26: the integrity report. Planted gap: the only one on the site covers ปีงบประมาณ 2567 (Oct 2566 - Sep 2567),
# modelled on seed 002 (a memo to the นายก, then the report). It is dated ๑๘ ตุลาคม ๒๕๖๗, which is a day of fiscal
# year 2568, and it sits in this year's folder docs/ita/2569/: neither makes it a report of 2568.
def integrity_report_2567_pdf(path: str = INTEGRITY_REPORT_2567) -> None:
    date = D(2567, 10, 18)
    title = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ 2567"
    doc = Doc(title, date, size=15)
    doc.center("บันทึกข้อความ", bold=True, size=20)
    doc.ln(2)
    doc.para(f"ส่วนราชการ สำนักปลัด {ORG}", indent=False)
    doc.para(f"ที่ สน ๘๑๒๐๑/๖๔๒ วันที่ {th(dfull(date))}", indent=False)
    doc.para(
        "เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๗ "
        "(เดือนตุลาคม ๒๕๖๖ – เดือนกันยายน ๒๕๖๗)",
        indent=False,
    )
    doc.para(f"เรียน นายก{ORG}", indent=False)
    head(doc, "เรื่องเดิม")
    doc.para(
        f"ตามที่{ORG} ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
        "ประจำปี พ.ศ. ๒๕๖๖ และกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๗ "
        "เพื่อแก้ไขประเด็นข้อบกพร่องและพัฒนาการดำเนินงานให้ดีขึ้น นั้น"
    )
    head(doc, "ข้อเท็จจริง")
    doc.para(
        "สำนักปลัดได้ติดตามการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปี ๒๕๖๗ "
        "(ตุลาคม ๒๕๖๖ – กันยายน ๒๕๖๗) เรียบร้อยแล้ว จึงขอรายงานผลการดำเนินการตามรายละเอียดที่แนบ "
        "เพื่อใช้เป็นฐานข้อมูลในการพัฒนาการดำเนินงานในปีถัดไป"
    )
    doc.para("จึงเรียนมาเพื่อโปรดทราบ")
    doc.signature(PALAD[1], PALAD[2], seed=2567_26)
    doc.add_page()
    doc.center("รายงานผลการดำเนินการ", bold=True, size=18)
    doc.center("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", bold=True, size=18)
    doc.center("ประจำปีงบประมาณ ๒๕๖๗ (เดือนตุลาคม ๒๕๖๖ – เดือนกันยายน ๒๕๖๗)", bold=True, size=16)
    doc.center(f"{ORG} อำเภอ{AMPHOE} จังหวัด{CHANGWAT}", size=15)
    doc.ln(2)
    rows = [
        [
            "1",
            "มาตรการเผยแพร่ข้อมูลสาธารณะ",
            "มอบหมายผู้รับผิดชอบข้อมูลรายหัวข้อ และตรวจสอบข้อมูลบนเว็บไซต์ทุกเดือน",
            "เว็บไซต์มีข้อมูลครบตามหัวข้อที่กำหนด",
        ],
        [
            "2",
            "มาตรการป้องกันการรับสินบน",
            "เผยแพร่ขั้นตอนและระยะเวลาการอนุญาตก่อสร้างอาคาร และแต่งตั้งผู้ตรวจสอบ 2 ชั้น",
            "ไม่มีเรื่องร้องเรียนการเรียกรับสินบน",
        ],
        [
            "3",
            "มาตรการส่งเสริมการใช้ทรัพย์สินของราชการอย่างถูกต้อง",
            "จัดทำสมุดควบคุมการยืมทรัพย์สิน ชี้แจงบุคลากรในการประชุมประจำเดือน",
            "บุคลากรขออนุญาตยืมทรัพย์สินครบทุกครั้ง",
        ],
        [
            "4",
            "มาตรการจัดการเรื่องร้องเรียนการทุจริต",
            "ประชาสัมพันธ์ช่องทางร้องเรียน จัดทำทะเบียนคุมเรื่องร้องเรียน",
            "ได้รับเรื่องร้องเรียน 1 เรื่อง ดำเนินการแล้วเสร็จภายใน 30 วัน",
        ],
        [
            "5",
            "มาตรการป้องกันผลประโยชน์ทับซ้อน",
            "อบรมบุคลากรเรื่องการแยกแยะประโยชน์ส่วนตนและประโยชน์ส่วนรวม",
            "บุคลากรเข้ารับการอบรม 56 คน คิดเป็นร้อยละ 93",
        ],
    ]
    doc.table_rows(
        ["ที่", "มาตรการหรือกิจกรรม", "สรุปผลการดำเนินการ", "ผลลัพธ์หรือความสำเร็จ"],
        rows,
        widths=(8, 45, 60, 45),
        v_align="TOP",
        size=12,
        line_height=6,
        align=("CENTER", "LEFT", "LEFT", "LEFT"),
    )
    doc.para(
        "สรุป: ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปี ๒๕๖๗ ครบทั้ง ๕ มาตรการ "
        "ผลการประเมิน ITA ประจำปี พ.ศ. ๒๕๖๗ ได้ ๘๕.๑๖ คะแนน ระดับ A",
        indent=False,
    )
    doc.signature(PALAD[1], PALAD[2], pre="ผู้รายงาน", seed=2567_27)
    doc.save(path)


def ita_misc_pdfs() -> None:
    ethics_code_pdf()
    risk_assessment_2569_pdf()
    risk_report_2568_pdf()
    anticorruption_plan_2569_pdf()
    anticorruption_report_2568_pdf()
    integrity_measures_2569_pdf()
    integrity_report_2567_pdf()
    participation_report_2569_pdf()
    hr_plan_2569_pdf()
    hr_report_2568_pdf()
    staff_manuals()


# --------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------

CSS = """
*{box-sizing:border-box}body{margin:0;font-family:"Sarabun","Garuda","Tahoma",sans-serif;font-size:16px;color:#222;
background:#f3f1ea;line-height:1.65}a{color:#1d4e9e}a:hover{color:#b0243a}
.topbar{background:#7a1428;color:#fde9b8;font-size:14px;padding:4px 0}.topbar a{color:#fde9b8}
.wrap{max-width:1140px;margin:0 auto;padding:0 14px}.topbar .wrap{display:flex;justify-content:space-between}
header.site{background:linear-gradient(90deg,#fffaf0,#fde9b8);border-bottom:4px solid #c99a2e}
header.site .wrap{display:flex;align-items:center;gap:16px;padding:10px 14px}
header.site img{width:84px;height:84px}.sitename{font-size:28px;font-weight:bold;color:#7a1428;margin:0}
.sitesub{margin:0;color:#5a4a2a}
nav.main{background:#1d3f7a;position:relative;z-index:10}nav.main>ul{list-style:none;margin:0 auto;padding:0;
max-width:1140px;display:flex;flex-wrap:wrap}nav.main>ul>li{position:relative}
nav.main>ul>li>a{display:block;padding:11px 16px;color:#fff;text-decoration:none;font-weight:bold}
nav.main>ul>li:hover>a{background:#c99a2e;color:#1d1d1d}
nav.main .mega{display:none;position:absolute;left:0;top:100%;background:#fff;min-width:280px;padding:10px 0;
box-shadow:0 6px 18px rgba(0,0,0,.25);border-top:3px solid #c99a2e}nav.main li:hover .mega{display:block}
nav.main .mega.wide{min-width:560px;display:none;columns:2}nav.main li:hover .mega.wide{display:block}
nav.main .mega a{display:block;padding:6px 18px;color:#1d3f7a;text-decoration:none}
nav.main .mega a:hover{background:#fdf3da}.mega h4{margin:4px 18px;color:#7a1428;font-size:15px}
main{background:#fff;min-height:420px;padding:18px 24px 30px;margin:14px auto;max-width:1140px;
border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
.crumb{font-size:14px;color:#666;margin-bottom:8px}h1{color:#7a1428;font-size:26px;border-bottom:2px solid #c99a2e;
padding-bottom:6px}h2{color:#1d3f7a;font-size:21px;margin-top:26px}
table.data{border-collapse:collapse;width:100%;margin:10px 0 18px}table.data th,table.data td{border:1px solid #c8c2b0;
padding:6px 8px;vertical-align:top}table.data th{background:#f4ead0}table.data tr:nth-child(even) td{background:#faf8f2}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:16px}
.card{border:1px solid #e2dccb;border-radius:8px;padding:12px;text-align:center;background:#fffdf7}
.card img{width:150px;height:183px;object-fit:cover;border-radius:6px;border:3px solid #c99a2e}
.card .name{font-weight:bold;font-size:17px;margin-top:8px}.card .pos{color:#7a1428}
.card.top{grid-column:1/-1;max-width:320px;margin:0 auto}
.newsgrid{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:16px}
.newsgrid article{border:1px solid #e5e0d0;border-radius:6px;overflow:hidden;background:#fff}
.newsgrid img{width:100%;height:150px;object-fit:cover}.newsgrid .t{padding:8px 10px}.date{color:#8a6d2b;font-size:14px}
.banner img{width:100%;height:auto;display:block;border-radius:6px}.two{display:grid;grid-template-columns:2fr 1fr;gap:22px}
.box{border:1px solid #e2dccb;border-radius:6px;padding:12px;background:#fffdf7;margin-bottom:14px}
.box h3{margin:0 0 8px;color:#1d3f7a}.doclist li{margin:6px 0}.pdf:after{content:" (PDF)";color:#b0243a;font-size:13px}
.btn{display:inline-block;background:#1d3f7a;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;
font-weight:bold}.btn:hover{background:#c99a2e;color:#111}figure{margin:12px 0}figure img{max-width:100%;
border-radius:6px}figcaption{font-size:14px;color:#666}.muted{color:#777}.todo{color:#a06a00}
footer.site{background:#2a2a2a;color:#ddd;padding:22px 0;font-size:15px}footer.site a{color:#fde9b8}
footer.site .wrap{display:grid;grid-template-columns:2fr 1fr;gap:20px}.center{text-align:center}
@media(max-width:760px){.two,footer.site .wrap{grid-template-columns:1fr}nav.main>ul{display:block}}
"""

MENU = [
    ("หน้าหลัก", "/index.html", None),
    (
        "ข้อมูลพื้นฐาน",
        "/about/history.html",
        [
            ("ประวัติความเป็นมา", "/about/history.html"),
            ("สภาพทั่วไปและข้อมูลพื้นฐาน", "/about/general.html"),
            ("วิสัยทัศน์/พันธกิจ", "/about/vision.html"),
            ("โครงสร้างส่วนราชการ", "/about/structure.html"),
            ("อำนาจหน้าที่", "/about/authority.html"),
            ("คณะผู้บริหาร", "/about/executives.html"),
            ("สมาชิกสภา อบต.", "/about/council.html"),
            ("ติดต่อเรา", "/contact.html"),
        ],
    ),
    (
        "ข่าวประชาสัมพันธ์",
        "/news/index.html",
        [
            ("ข่าวประชาสัมพันธ์ทั้งหมด", "/news/index.html"),
            ("ภาพกิจกรรม", "/news/index.html#activities"),
        ],
    ),
    (
        "แผนงาน",
        "/plan/index.html",
        [
            ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)", "/docs/plan/local-development-plan-2566-2570.pdf"),
            ("แผนการดำเนินงาน ประจำปี 2569", "/docs/plan/action-plan-2569.pdf"),
            ("รายงานผลการดำเนินงาน ประจำปี 2568", "/docs/plan/annual-report-2568.pdf"),
            ("แผนงานทั้งหมด", "/plan/index.html"),
        ],
    ),
    (
        "จัดซื้อจัดจ้าง",
        "/procurement/index.html",
        [
            ("สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)", "/procurement/index.html"),
            ("ประกาศจัดซื้อจัดจ้าง", "/procurement/announcements.html"),
            ("แผนการจัดซื้อจัดจ้าง ปี 2569", "/docs/procurement/2569/procure-plan-2569.pdf"),
            ("ข้อมูลย้อนหลัง ปีงบประมาณ 2568", "/procurement/archive-2568.html"),
            ("ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)", EGP),
        ],
    ),
    ("E-Service", "/eservice/index.html", None),
    (
        "งานบริการ",
        "/services/index.html",
        [
            ("คู่มือสำหรับประชาชน", "/services/index.html"),
            ("คู่มือการปฏิบัติงานของเจ้าหน้าที่", "/services/staff-manuals.html"),
            ("ร้องเรียนการทุจริตและประพฤติมิชอบ", "/ita/complaint.html"),
        ],
    ),
    (
        "ITA",
        "/ita/index.html",
        [
            ("การประเมินคุณธรรมและความโปร่งใส (ITA)", "/ita/index.html"),
            ("นโยบาย No Gift Policy", "/ita/nogift-2569.html"),
            ("ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", "/ita/ethics-2569.html"),
            ("ร้องเรียนการทุจริต", "/ita/complaint.html"),
            ("แจ้งเรื่องร้องเรียนการทุจริตออนไลน์", "/ita/complaint-form.html"),
        ],
    ),
]


def menu_html() -> str:
    out = ['<nav class="main"><ul>']
    for label, href, sub in MENU:
        out.append(f'<li><a href="{href}">{label}</a>')
        if sub:
            cls = "mega wide" if len(sub) > 6 else "mega"
            out.append(f'<div class="{cls}">')
            for sl, sh in sub:
                ext = ' target="_blank" rel="noopener"' if sh.startswith("http") else ""
                out.append(f'<a href="{sh}"{ext}>{sl}</a>')
            out.append("</div>")
        out.append("</li>")
    out.append("</ul></nav>")
    return "\n".join(out)


def layout(here: str, title: str, body: str, crumbs: list[tuple[str, str]] | None = None, legacy: bool = False) -> str:
    head_charset = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
        if legacy
        else '<meta charset="utf-8">'
    )
    crumb_html = ""
    if crumbs is not None:
        parts = [f'<a href="{rel(here, "index.html")}">หน้าหลัก</a>']
        parts += [f'<a href="{rel(here, p)}">{t}</a>' if p else t for t, p in crumbs]
        crumb_html = '<div class="crumb">' + " &raquo; ".join(parts) + "</div>"
    return f"""<!DOCTYPE html>
<html lang="th">
<head>
{head_charset}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - {ORG}</title>
<link rel="stylesheet" href="/css/style.css">
<link rel="icon" href="/img/logo.png">
</head>
<body>
<div class="topbar"><div class="wrap"><span>โทรศัพท์ {PHONE} &nbsp;|&nbsp; อีเมล {EMAIL}</span>
<span><a href="{FACEBOOK}" target="_blank" rel="noopener">Facebook</a> &nbsp;|&nbsp; <a href="/sitemap.html">แผนผังเว็บไซต์</a></span></div></div>
<header class="site"><div class="wrap"><a href="/index.html"><img src="/img/logo.png" alt="ตราสัญลักษณ์ {ORG}"></a>
<div><p class="sitename">{ORG}</p><p class="sitesub">อำเภอ{AMPHOE} จังหวัด{CHANGWAT}</p></div></div></header>
{menu_html()}
<main>
{crumb_html}
{body}
</main>
<footer class="site"><div class="wrap">
<div><strong>{ORG}</strong><br>{ADDRESS}<br>โทรศัพท์ {PHONE} &nbsp; โทรสาร {FAX}<br>
อีเมล <a href="mailto:{EMAIL}">{EMAIL}</a><br>เวลาทำการ วันจันทร์ – วันศุกร์ 08.30 – 16.30 น. (เว้นวันหยุดราชการ)</div>
<div><a href="{FACEBOOK}" target="_blank" rel="noopener">Facebook : อบต.หนองบัวแดง</a><br>
<a href="/contact.html">ติดต่อเรา</a> &nbsp;|&nbsp; <a href="/sitemap.html">แผนผังเว็บไซต์</a><br>
<a href="/admin/index.html">สำหรับเจ้าหน้าที่</a><br>
<span class="muted">ผู้เข้าชมเว็บไซต์ 128,452 ครั้ง</span><br>
<span class="muted">&copy; 2569 {ORG} สงวนลิขสิทธิ์</span></div>
</div></footer>
</body>
</html>
"""


def page(path: str, title: str, body: str, crumbs=None, legacy: bool = False, sitemap: bool = True) -> None:
    text = layout(path, title, body, crumbs, legacy)
    data = text.encode("cp874") if legacy else text.encode("utf-8")  # strict: fails loudly on a stray char
    write_bytes(path, data)
    if sitemap:
        PAGES[path] = title


def a(here: str, target: str, label: str, pdf: bool = False) -> str:
    ext = ' target="_blank" rel="noopener"' if target.startswith("http") else ""
    cls = ' class="pdf"' if pdf or target.endswith(".pdf") else ""
    return f'<a href="{rel(here, target)}"{cls}{ext}>{label}</a>'


def esc(s: str) -> str:
    return html.escape(s, quote=False)


# ----- news ------------------------------------------------------------------------------------------

# (slug, date, title, scene kind, banner text, paragraphs, date shown in Thai digits?)
NEWS = [(n.slug, n.date, n.title, n.scene, n.banner, n.paragraphs, n.thai_digits) for n in CONTENT.news]
NOGIFT_NEWS = "news/news-04.html"
ETHICS_NEWS = "news/news-11.html"  # O15's activity; posted after news-10 but listed by date


def news_date(d: dt.date, thai: bool) -> str:
    return dfull(d, thai)


def build_news() -> None:
    for i, (slug, date, title, kind, banner, paras, thai) in enumerate(NEWS):
        n = int(slug.split("-")[1]) - 1  # the post's own number keeps its photo and counter stable
        img = scene(1000 + n, kind, banner)
        save_jpg(img, f"img/news/{slug}.jpg")
        save_jpg(img.resize((320, 200), Image.LANCZOS), f"img/news/{slug}-thumb.jpg", quality=65)
        here = f"news/{slug}.html"
        body = [
            f"<h1>{esc(title)}</h1>",
            f'<p class="date">โพสต์เมื่อ {news_date(date, thai)} &nbsp;|&nbsp; โดย งานประชาสัมพันธ์ สำนักปลัด '
            f"&nbsp;|&nbsp; อ่าน {137 + 41 * n} ครั้ง</p>",
            f'<figure><img src="{rel(here, f"img/news/{slug}.jpg")}" alt="{esc(title)}" width="640" height="400">'
            f"<figcaption>ภาพกิจกรรม: {esc(title)}</figcaption></figure>",
        ]
        body += [f"<p>{esc(p)}</p>" for p in paras]
        body.append(f'<p class="muted">งานประชาสัมพันธ์ สำนักปลัด {ORG} โทร. {PHONE} ต่อ 101</p>')
        nav = []
        if i > 0:
            nav.append(a(here, f"news/{NEWS[i - 1][0]}.html", "&laquo; ข่าวก่อนหน้า"))
        nav.append(a(here, "news/index.html", "ข่าวประชาสัมพันธ์ทั้งหมด"))
        if i < len(NEWS) - 1:
            nav.append(a(here, f"news/{NEWS[i + 1][0]}.html", "ข่าวถัดไป &raquo;"))
        body.append("<p>" + " &nbsp;|&nbsp; ".join(nav) + "</p>")
        page(here, title, "\n".join(body), crumbs=[("ข่าวประชาสัมพันธ์", "news/index.html"), (esc(title[:40]) + "…", "")])

    here = "news/index.html"
    cards = []
    for slug, date, title, _k, _b, _p, thai in reversed(NEWS):
        cards.append(
            f'<article><a href="{rel(here, f"news/{slug}.html")}"><img src="{rel(here, f"img/news/{slug}-thumb.jpg")}" '
            f'alt="{esc(title)}"></a><div class="t"><span class="date">{dabbr(date, thai)}</span><br>'
            f'<a href="{rel(here, f"news/{slug}.html")}">{esc(title)}</a></div></article>'
        )
    body = (
        f"<h1>ข่าวประชาสัมพันธ์</h1><p>ข่าวสารและกิจกรรมของ{ORG} ประจำปีงบประมาณ พ.ศ. 2569</p>"
        f'<div class="newsgrid" id="activities">{"".join(cards)}</div>'
        '<p class="muted">หน้า 1 จาก 1</p>'
    )
    page(here, "ข่าวประชาสัมพันธ์", body, crumbs=[("ข่าวประชาสัมพันธ์", "")])


# ----- ข้อมูลพื้นฐาน ------------------------------------------------------------------------------------

POP = [(v.male, v.female, v.households) for v in CONTENT.agency.villages]


def build_about() -> None:
    # history: saved as windows-874 like old sites
    here = "about/history.html"
    body = f"""<h1>ประวัติความเป็นมา</h1>
<p>ตำบลหนองบัวแดง เดิมเป็นส่วนหนึ่งของตำบลดงมะไฟ ชาวบ้านกลุ่มแรกอพยพมาจากบ้านท่าแร่และบ้านนาคำ เมื่อประมาณ
พ.ศ. ๒๔๔๐ มาตั้งถิ่นฐานริมหนองน้ำขนาดใหญ่ซึ่งมีดอกบัวสีแดงขึ้นหนาแน่นตลอดปี จึงเรียกชื่อหมู่บ้านว่า
“บ้านหนองบัวแดง” ต่อมามีผู้คนอพยพเข้ามาอยู่มากขึ้น ทางราชการจึงแยกตั้งเป็นตำบลหนองบัวแดง เมื่อ พ.ศ. ๒๕๑๘</p>
<p>สภาตำบลหนองบัวแดงได้รับการยกฐานะเป็น{ORG} ตามประกาศกระทรวงมหาดไทย ลงวันที่ ๒๕ ธันวาคม ๒๕๓๙
มีผลใช้บังคับตั้งแต่วันที่ ๒๕ กุมภาพันธ์ ๒๕๔๐ ปัจจุบันเป็นองค์การบริหารส่วนตำบลขนาดกลาง
ที่ทำการตั้งอยู่ที่หมู่ที่ ๗ บ้านโนนสำราญ</p>
<h2>หมู่บ้านในเขตองค์การบริหารส่วนตำบล</h2>
<table class="data"><tr><th>หมู่ที่</th><th>ชื่อหมู่บ้าน</th><th>หมู่ที่</th><th>ชื่อหมู่บ้าน</th></tr>
{"".join(f"<tr><td>{th(i + 1)}</td><td>{VILLAGES[i]}</td><td>{th(i + 7)}</td><td>{VILLAGES[i + 6]}</td></tr>" for i in range(6))}
</table>
<h2>ตราสัญลักษณ์</h2>
<p>ตราสัญลักษณ์ของ{ORG} เป็นรูปดอกบัวสีแดงบานเหนือหนองน้ำ หมายถึงความอุดมสมบูรณ์ของแหล่งน้ำ
และความสามัคคีของประชาชนในตำบล</p>
<p class="muted">ข้อมูลจาก: หนังสือประวัติตำบลหนองบัวแดง (ฉบับปรับปรุง พ.ศ. ๒๕๕๕)</p>"""
    page(here, "ประวัติความเป็นมา", body, crumbs=[("ข้อมูลพื้นฐาน", ""), ("ประวัติความเป็นมา", "")], legacy=True)

    here = "about/general.html"
    rows = "".join(
        f"<tr><td>{i + 1}</td><td>{VILLAGES[i]}</td><td>{m:,}</td><td>{f:,}</td><td>{m + f:,}</td><td>{h:,}</td></tr>"
        for i, (m, f, h) in enumerate(POP)
    )
    tm, tf, thh = (sum(p[k] for p in POP) for k in range(3))
    body = f"""<h1>สภาพทั่วไปและข้อมูลพื้นฐาน</h1>
<h2>ที่ตั้งและอาณาเขต</h2>
<p>{ORG} ตั้งอยู่ทางทิศตะวันออกของอำเภอ{AMPHOE} ห่างจากที่ว่าการอำเภอประมาณ 14 กิโลเมตร
มีเนื้อที่ประมาณ 58.4 ตารางกิโลเมตร (36,500 ไร่)</p>
<ul><li>ทิศเหนือ ติดต่อกับ ตำบลดงมะไฟ</li><li>ทิศใต้ ติดต่อกับ ตำบลนาคำใหญ่</li>
<li>ทิศตะวันออก ติดต่อกับ ตำบลโพนแพง</li><li>ทิศตะวันตก ติดต่อกับ ตำบลศรีวาริน</li></ul>
<h2>ภูมิประเทศและอาชีพ</h2>
<p>พื้นที่ส่วนใหญ่เป็นที่ราบลุ่มสลับเนินดิน เหมาะแก่การทำนาและปลูกอ้อย มันสำปะหลัง ประชาชนร้อยละ 78
ประกอบอาชีพเกษตรกรรม รองลงมาคือรับจ้างทั่วไปและค้าขาย มีกลุ่มอาชีพทอผ้าย้อมครามที่มีชื่อเสียงของตำบล</p>
<h2>ประชากร (ข้อมูลทะเบียนราษฎร ณ 31 ธันวาคม 2568)</h2>
<table class="data"><tr><th>หมู่ที่</th><th>หมู่บ้าน</th><th>ชาย</th><th>หญิง</th><th>รวม</th><th>ครัวเรือน</th></tr>
{rows}<tr><th colspan="2">รวม</th><th>{tm:,}</th><th>{tf:,}</th><th>{tm + tf:,}</th><th>{thh:,}</th></tr></table>"""
    page(here, "สภาพทั่วไปและข้อมูลพื้นฐาน", body, crumbs=[("ข้อมูลพื้นฐาน", ""), ("สภาพทั่วไป", "")])

    here = "about/vision.html"
    body = f"""<h1>วิสัยทัศน์ / พันธกิจ</h1>
<div class="box"><h3>วิสัยทัศน์ (Vision)</h3><p style="font-size:20px">“ตำบลหนองบัวแดงน่าอยู่ เศรษฐกิจพอเพียง
ประชาชนมีคุณภาพชีวิตที่ดี บริหารจัดการตามหลักธรรมาภิบาล”</p></div>
<h2>พันธกิจ</h2><ol>
<li>พัฒนาโครงสร้างพื้นฐาน ถนน แหล่งน้ำ ไฟฟ้า และประปาให้ได้มาตรฐานและทั่วถึง</li>
<li>ส่งเสริมคุณภาพชีวิต สุขภาพอนามัย และสวัสดิการของเด็ก สตรี ผู้สูงอายุ และผู้พิการ</li>
<li>ส่งเสริมการศึกษา ศาสนา ศิลปวัฒนธรรม จารีตประเพณี และภูมิปัญญาท้องถิ่น</li>
<li>ส่งเสริมอาชีพและเศรษฐกิจชุมชนตามหลักปรัชญาของเศรษฐกิจพอเพียง</li>
<li>อนุรักษ์ทรัพยากรธรรมชาติ และจัดการขยะมูลฝอยและสิ่งแวดล้อมอย่างยั่งยืน</li>
<li>บริหารจัดการองค์กรอย่างโปร่งใส เปิดโอกาสให้ประชาชนมีส่วนร่วม</li></ol>
<h2>ยุทธศาสตร์การพัฒนา</h2><ol><li>ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐาน</li><li>ยุทธศาสตร์การพัฒนาคุณภาพชีวิต</li>
<li>ยุทธศาสตร์การพัฒนาเศรษฐกิจตามหลักปรัชญาของเศรษฐกิจพอเพียง</li>
<li>ยุทธศาสตร์การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม</li><li>ยุทธศาสตร์การบริหารจัดการบ้านเมืองที่ดี</li></ol>
<p>อ่านรายละเอียดใน {a(here, "docs/plan/local-development-plan-2566-2570.pdf", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)")}</p>"""
    page(here, "วิสัยทัศน์/พันธกิจ", body, crumbs=[("ข้อมูลพื้นฐาน", ""), ("วิสัยทัศน์/พันธกิจ", "")])

    # O1: structure
    here = "about/structure.html"
    ex = {k: (n, p) for k, n, p, _ph, _e in EXECUTIVES}
    body = f"""<h1>โครงสร้างส่วนราชการ</h1>
<p>โครงสร้างการแบ่งส่วนราชการของ{ORG} ตามแผนอัตรากำลัง 3 ปี (ปีงบประมาณ พ.ศ. 2567 – 2569)
ฉบับปรับปรุง ประกอบด้วยฝ่ายการเมืองและฝ่ายข้าราชการประจำ (ปรับปรุงข้อมูล ณ วันที่ 1 ตุลาคม 2568)</p>
<figure><img src="{rel(here, "img/org-chart-2569.png")}" alt="แผนผังโครงสร้างองค์การบริหารส่วนตำบลหนองบัวแดง" width="1100">
<figcaption>แผนผังโครงสร้างองค์การบริหารส่วนตำบลหนองบัวแดง</figcaption></figure>
<h2>โครงสร้างฝ่ายการเมือง</h2>
<h3>ฝ่ายบริหาร</h3>
<table class="data"><tr><th>ตำแหน่ง</th><th>ชื่อ – สกุล</th></tr>
<tr><td>นายกองค์การบริหารส่วนตำบลหนองบัวแดง</td><td>{ex["mayor"][0]}</td></tr>
<tr><td>รองนายกองค์การบริหารส่วนตำบลหนองบัวแดง</td><td>{ex["deputy1"][0]}</td></tr>
<tr><td>รองนายกองค์การบริหารส่วนตำบลหนองบัวแดง</td><td>{ex["deputy2"][0]}</td></tr>
<tr><td>เลขานุการนายกองค์การบริหารส่วนตำบลหนองบัวแดง</td><td>{ex["secretary"][0]}</td></tr></table>
<h3>ฝ่ายนิติบัญญัติ (สภาองค์การบริหารส่วนตำบล)</h3>
<table class="data"><tr><th>ตำแหน่ง</th><th>ชื่อ – สกุล</th></tr>
<tr><td>ประธานสภาองค์การบริหารส่วนตำบลหนองบัวแดง</td><td>{COUNCIL_CHAIR}</td></tr>
<tr><td>รองประธานสภาองค์การบริหารส่วนตำบลหนองบัวแดง</td><td>{COUNCIL_VICE}</td></tr>
<tr><td>เลขานุการสภาองค์การบริหารส่วนตำบลหนองบัวแดง</td><td>{ex["palad"][0]} (ปลัด อบต.)</td></tr>
<tr><td>สมาชิกสภาองค์การบริหารส่วนตำบล</td><td>จำนวน 12 คน (หมู่บ้านละ 1 คน) – {a(here, "about/council.html", "ดูรายชื่อสมาชิกสภา")}</td></tr></table>
<h2>โครงสร้างฝ่ายข้าราชการประจำ</h2>
<table class="data"><tr><th>ตำแหน่ง</th><th>ชื่อ – สกุล</th></tr>
<tr><td>ปลัดองค์การบริหารส่วนตำบล (นักบริหารงานท้องถิ่น ระดับกลาง)</td><td>{ex["palad"][0]}</td></tr>
<tr><td>รองปลัดองค์การบริหารส่วนตำบล (นักบริหารงานท้องถิ่น ระดับต้น)</td><td>{ex["rongpalad"][0]}</td></tr></table>
<h3>การแบ่งส่วนราชการภายใน</h3>
<table class="data"><tr><th>ส่วนราชการ</th><th>หัวหน้าส่วนราชการ</th><th>งานภายใน</th><th>อัตรากำลัง</th></tr>
<tr><td>สำนักปลัด</td><td>{ex["head-office"][0]}<br>หัวหน้าสำนักปลัด (นักบริหารงานทั่วไป ระดับต้น)</td>
<td>งานบริหารทั่วไป, งานนโยบายและแผน, งานกฎหมายและคดี, งานป้องกันและบรรเทาสาธารณภัย, งานสวัสดิการและพัฒนาชุมชน</td><td>21 คน</td></tr>
<tr><td>กองคลัง</td><td>{ex["finance"][0]}<br>ผู้อำนวยการกองคลัง (นักบริหารงานการคลัง ระดับต้น)</td>
<td>งานการเงิน, งานบัญชี, งานพัฒนาและจัดเก็บรายได้, งานทะเบียนทรัพย์สินและพัสดุ</td><td>9 คน</td></tr>
<tr><td>กองช่าง</td><td>{ex["works"][0]}<br>ผู้อำนวยการกองช่าง (นักบริหารงานช่าง ระดับต้น)</td>
<td>งานก่อสร้าง, งานออกแบบและควบคุมอาคาร, งานประสานสาธารณูปโภค, งานไฟฟ้าสาธารณะ</td><td>8 คน</td></tr>
<tr><td>กองการศึกษา ศาสนาและวัฒนธรรม</td><td>{ex["education"][0]}<br>ผู้อำนวยการกองการศึกษา (นักบริหารงานการศึกษา ระดับต้น)</td>
<td>งานบริหารการศึกษา, ศูนย์พัฒนาเด็กเล็ก 2 แห่ง, งานส่งเสริมศาสนาและวัฒนธรรม</td><td>14 คน</td></tr></table>
<p>ดูเพิ่มเติม: {a(here, "about/authority.html", "อำนาจหน้าที่")} &nbsp;|&nbsp; {a(here, "about/executives.html", "คณะผู้บริหาร")}</p>"""
    page(here, "โครงสร้างส่วนราชการ", body, crumbs=[("ข้อมูลพื้นฐาน", ""), ("โครงสร้างส่วนราชการ", "")])

    # O1: authority, in the agency's own words (plus the act as a PDF, which is fine)
    here = "about/authority.html"
    own67 = [
        "ก่อสร้าง ปรับปรุง และบำรุงรักษาถนน สะพาน ทางเท้า และทางน้ำสาธารณะในตำบล",
        "ดูแลความสะอาดของถนน ทางน้ำ และที่สาธารณะ เก็บขนขยะมูลฝอยและสิ่งปฏิกูล",
        "ป้องกันและควบคุมโรคติดต่อ เช่น ไข้เลือดออก และโรคพิษสุนัขบ้า",
        "ป้องกันและบรรเทาสาธารณภัย ช่วยเหลือผู้ประสบภัยน้ำท่วม ภัยแล้ง อัคคีภัย",
        "ส่งเสริมการศึกษา ดูแลศูนย์พัฒนาเด็กเล็ก และสนับสนุนกิจกรรมทางศาสนาและวัฒนธรรม",
        "ส่งเสริมการพัฒนาสตรี เด็ก เยาวชน ผู้สูงอายุ และผู้พิการ รวมถึงการจ่ายเบี้ยยังชีพ",
        "คุ้มครอง ดูแล และบำรุงรักษาทรัพยากรธรรมชาติและสิ่งแวดล้อม",
        "บำรุงรักษาศิลปะ จารีตประเพณี ภูมิปัญญาท้องถิ่น และวัฒนธรรมอันดีของท้องถิ่น",
        "ปฏิบัติหน้าที่อื่นตามที่ทางราชการมอบหมาย",
    ]
    own68 = [
        "จัดให้มีน้ำสะอาดเพื่ออุปโภค บริโภค และน้ำเพื่อการเกษตร (ประปาหมู่บ้าน บ่อบาดาล)",
        "ติดตั้งและบำรุงรักษาไฟฟ้าส่องสว่างสาธารณะ",
        "จัดให้มีและบำรุงรักษาทางระบายน้ำ",
        "จัดให้มีสถานที่ประชุม ลานกีฬา สถานที่พักผ่อนหย่อนใจ และสวนสาธารณะ",
        "ส่งเสริมกลุ่มเกษตรกร กลุ่มอาชีพ และกิจการสหกรณ์",
        "ส่งเสริมอุตสาหกรรมในครอบครัวและการประกอบอาชีพของราษฎร",
        "ดูแลรักษาที่สาธารณประโยชน์ และหาผลประโยชน์จากทรัพย์สินของ อบต.",
        "ส่งเสริมการท่องเที่ยว การพาณิชย์ และการผังเมืองในเขตตำบล",
    ]
    li67 = "".join(f"<li>{t}</li>" for t in own67)
    li68 = "".join(f"<li>{t}</li>" for t in own68)
    body = f"""<h1>อำนาจหน้าที่</h1>
<p>{ORG} มีอำนาจหน้าที่ในการพัฒนาตำบลหนองบัวแดงทั้งในด้านเศรษฐกิจ สังคม และวัฒนธรรม
ตามมาตรา 66 แห่งพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 และที่แก้ไขเพิ่มเติม
โดยสรุปภารกิจที่ อบต.หนองบัวแดง ดำเนินการให้แก่ประชาชนในพื้นที่ ดังนี้</p>
<h2>หน้าที่ที่ต้องทำ (มาตรา 67)</h2><ol>{li67}</ol>
<h2>หน้าที่ที่อาจทำ (มาตรา 68)</h2><ol>{li68}</ol>
<h2>อำนาจหน้าที่ตามกฎหมายกระจายอำนาจ</h2>
<p>ตามมาตรา 16 แห่งพระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542
อบต.หนองบัวแดง มีอำนาจจัดระบบบริการสาธารณะเพื่อประโยชน์ของประชาชนในท้องถิ่น เช่น การจัดทำแผนพัฒนาท้องถิ่น
การจัดการศึกษาปฐมวัย การสังคมสงเคราะห์ การส่งเสริมกีฬา การรักษาความสะอาดและการจัดการสิ่งแวดล้อม
การสาธารณสุขและการรักษาพยาบาล และการป้องกันและบรรเทาสาธารณภัย</p>
<h2>การแบ่งภารกิจตามส่วนราชการ</h2>
<ul><li><strong>สำนักปลัด</strong> – งานบริหารทั่วไป แผนพัฒนา สวัสดิการสังคม ป้องกันและบรรเทาสาธารณภัย</li>
<li><strong>กองคลัง</strong> – การเงิน บัญชี จัดเก็บภาษี การจัดซื้อจัดจ้างและพัสดุ</li>
<li><strong>กองช่าง</strong> – ก่อสร้างและซ่อมบำรุงโครงสร้างพื้นฐาน ควบคุมอาคาร ไฟฟ้าสาธารณะ ประปา</li>
<li><strong>กองการศึกษา ศาสนาและวัฒนธรรม</strong> – ศูนย์พัฒนาเด็กเล็ก อาหารเสริม (นม) กิจกรรมศาสนาและประเพณี</li></ul>
<h2>เอกสารกฎหมายที่เกี่ยวข้อง</h2>
<ul class="doclist"><li>{a(here, "docs/law/act-tambon-council-sao-2537.pdf", "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 และที่แก้ไขเพิ่มเติม (ฉบับเต็ม)")}</li></ul>
<p>ดูเพิ่มเติม: {a(here, "about/structure.html", "โครงสร้างส่วนราชการ")}</p>"""
    page(here, "อำนาจหน้าที่", body, crumbs=[("ข้อมูลพื้นฐาน", ""), ("อำนาจหน้าที่", "")])

    # O2: executives, one card each with photo, name, position and a phone number
    here = "about/executives.html"
    cards = []
    for i, (key, name, pos, phone, mail) in enumerate(EXECUTIVES):
        make_silhouette(key, 500 + i)
        extra = f'<br>อีเมล <a href="mailto:{mail}">{mail}</a>' if mail else ""
        cls = "card top" if key == "mayor" else "card"
        cards.append(
            f'<div class="{cls}"><img src="{rel(here, f"img/exec/{key}.png")}" alt="{name}">'
            f'<div class="name">{name}</div><div class="pos">{pos}</div>'
            f"<div>โทร. {phone}{extra}</div></div>"
        )
    political = "".join(cards[:4])
    civil = "".join(cards[4:])
    body = f"""<h1>คณะผู้บริหาร</h1>
<h2>ฝ่ายการเมือง</h2><div class="cards">{political}</div>
<h2>ฝ่ายข้าราชการประจำ</h2><div class="cards">{civil}</div>
<p class="muted">ข้อมูล ณ วันที่ 2 มีนาคม 2569</p>"""
    page(here, "คณะผู้บริหาร", body, crumbs=[("ข้อมูลพื้นฐาน", ""), ("คณะผู้บริหาร", "")])

    here = "about/council.html"
    rows = []
    for i, name in enumerate(COUNCIL):
        role = (
            "ประธานสภา อบต."
            if name == COUNCIL_CHAIR
            else "รองประธานสภา อบต."
            if name == COUNCIL_VICE
            else "สมาชิกสภา อบต."
        )
        rows.append(f"<tr><td>{i + 1}</td><td>{name}</td><td>{role}</td><td>หมู่ที่ {i + 1} {VILLAGES[i]}</td></tr>")
    body = f"""<h1>สมาชิกสภาองค์การบริหารส่วนตำบลหนองบัวแดง</h1>
<table class="data"><tr><th>ที่</th><th>ชื่อ – สกุล</th><th>ตำแหน่ง</th><th>เขตเลือกตั้ง</th></tr>{"".join(rows)}
<tr><td>13</td><td>{PALAD[1]}</td><td>เลขานุการสภา อบต.</td><td>(ปลัด อบต.)</td></tr></table>"""
    page(here, "สมาชิกสภา อบต.", body, crumbs=[("ข้อมูลพื้นฐาน", ""), ("สมาชิกสภา อบต.", "")])

    # O3: contact. The Q&A section offers only an e-mail address (planted gap).
    here = "contact.html"
    body = f"""<h1>ติดต่อเรา</h1>
<div class="two"><div>
<h2>ที่อยู่</h2><p><strong>{ORG}</strong><br>{ADDRESS}</p>
<h2>หมายเลขโทรศัพท์</h2>
<table class="data"><tr><th>ส่วนราชการ</th><th>หมายเลขโทรศัพท์</th></tr>
<tr><td>โทรศัพท์ (กลาง)</td><td>{PHONE}</td></tr>
<tr><td>โทรสาร</td><td>{FAX}</td></tr>
<tr><td>สำนักปลัด</td><td>{PHONE} ต่อ 101</td></tr>
<tr><td>กองคลัง</td><td>{PHONE} ต่อ 102</td></tr>
<tr><td>กองช่าง</td><td>{PHONE} ต่อ 103</td></tr>
<tr><td>กองการศึกษา ศาสนาและวัฒนธรรม</td><td>{PHONE} ต่อ 104</td></tr>
<tr><td>ศูนย์ป้องกันและบรรเทาสาธารณภัย (24 ชั่วโมง)</td><td>081-049-6675</td></tr></table>
<h2>ไปรษณีย์อิเล็กทรอนิกส์ (E-mail)</h2>
<p><a href="mailto:{EMAIL}">{EMAIL}</a> (สารบรรณกลาง)</p>
<h2>เครือข่ายสังคมออนไลน์</h2>
<p>Facebook : <a href="{FACEBOOK}" target="_blank" rel="noopener">องค์การบริหารส่วนตำบลหนองบัวแดง</a></p>
<h2>เวลาทำการ</h2><p>วันจันทร์ – วันศุกร์ เวลา 08.30 – 16.30 น. (เว้นวันหยุดราชการ)</p>
</div><div>
<h2>แผนที่ตั้ง</h2>
<iframe src="{MAP_EMBED}" width="100%" height="320" style="border:0;" allowfullscreen="" loading="lazy"
referrerpolicy="no-referrer-when-downgrade" title="แผนที่ตั้ง{ORG}"></iframe>
<p class="muted">พิกัด 17.1634, 104.0921</p>
</div></div>
<h2 id="qa">ช่องทางการถาม-ตอบ (Q&amp;A)</h2>
<p>ท่านที่มีข้อสงสัยเกี่ยวกับการให้บริการของ{ORG} ส่งคำถามได้ที่อีเมล
<a href="mailto:{EMAIL}">{EMAIL}</a></p>"""
    page(here, "ติดต่อเรา", body, crumbs=[("ติดต่อเรา", "")])


# ----- จัดซื้อจัดจ้าง (O11) -------------------------------------------------------------------------------


def announcement_items(here: str, limit: int | None = None) -> str:
    items = []
    for date, title, target in sorted(ANNOUNCEMENTS, key=lambda x: x[0], reverse=True)[:limit]:
        when = dabbr(date, thai=True)
        if target == "egp":
            link = f'{esc(title)} <a href="{EGP}" target="_blank" rel="noopener">[ดูในระบบ e-GP]</a>'
        elif target:
            link = a(here, target, esc(title))
        else:
            link = esc(title)
        items.append(f'<li><span class="date">{when}</span> – {link}</li>')
    return '<ul class="doclist">' + "".join(items) + "</ul>"


def build_procurement() -> None:
    for ym in SKR_MONTHS_2569:
        skr_pdf(*ym, PROCUREMENT_2569[ym])
    rnd = random.Random(2568)
    for y, m in SKR_MONTHS_2568:
        ARCHIVE_2568[(y, m)] = generic_rows(y, m, rnd)
        skr_pdf(y, m, ARCHIVE_2568[(y, m)])
    procurement_report_2568_pdf()  # O12 (planted gap: no vendor tax ids)
    procure_plan_pdf("docs/procurement/2569/procure-plan-2569.pdf")
    invite_pdf(
        "docs/procurement/2569/invite-road-moo7.pdf",
        D(2568, 11, 28),
        "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนสำราญ – บ้านหนองแวง หมู่ที่ 7",
        1950000,
        1948500,
        D(2568, 12, 9),
    )
    winner_pdf("docs/procurement/2569/winner-road-moo7.pdf", D(2569, 1, 12))
    invite_pdf(
        "docs/procurement/2569/invite-water-moo3.pdf",
        D(2569, 3, 10),
        "จ้างก่อสร้างระบบประปาหมู่บ้านแบบบาดาล ขนาดใหญ่ หมู่ที่ 3 บ้านดอนแดง",
        2480000,
        2476300,
        D(2569, 3, 24),
    )

    here = "procurement/index.html"
    rows = []
    for n, (y, m) in enumerate(reversed(SKR_MONTHS_2569), 1):
        note = ' <span class="muted">(ไม่มีการจัดซื้อจัดจ้าง)</span>' if not PROCUREMENT_2569[(y, m)] else ""
        pub = skr_publish_date(y, m)
        rows.append(
            f"<tr><td>{n}</td><td>{a(here, skr_path(y, m), skr_title(y, m))}{note}</td><td>{dabbr(pub)}</td></tr>"
        )
    body = f"""<h1>สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน ประจำปีงบประมาณ พ.ศ. 2569</h1>
<p>{ORG} เผยแพร่สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน (แบบ สขร.1)
ตามมาตรา 9 (8) แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540</p>
<table class="data"><tr><th>ที่</th><th>เอกสาร</th><th>วันที่เผยแพร่</th></tr>{"".join(rows)}</table>
<h2>ประกาศจัดซื้อจัดจ้างล่าสุด</h2>
{announcement_items(here, limit=5)}
<p>{a(here, "procurement/announcements.html", "ดูประกาศจัดซื้อจัดจ้างทั้งหมด &raquo;")}</p>
<h2>ข้อมูลที่เกี่ยวข้อง</h2>
<ul class="doclist"><li>{a(here, "docs/procurement/2569/procure-plan-2569.pdf", "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569")}</li>
<li>{a(here, "procurement/archive-2568.html", "สรุปผลการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2568 (ข้อมูลย้อนหลัง)")}</li>
<li><a href="{EGP}" target="_blank" rel="noopener">ตรวจสอบข้อมูลการจัดซื้อจัดจ้างในระบบ e-GP กรมบัญชีกลาง</a></li></ul>"""
    page(here, "สรุปผลการจัดซื้อจัดจ้างรายเดือน", body, crumbs=[("จัดซื้อจัดจ้าง", "")])

    here = "procurement/announcements.html"
    body = f"""<h1>ประกาศจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. ๒๕๖๙</h1>
<p>ประกาศเชิญชวน ประกาศราคากลาง และประกาศผู้ชนะการเสนอราคาของ{ORG}</p>
{announcement_items(here)}
<p>{a(here, "procurement/index.html", "&laquo; กลับหน้าจัดซื้อจัดจ้าง")}</p>"""
    page(here, "ประกาศจัดซื้อจัดจ้าง", body, crumbs=[("จัดซื้อจัดจ้าง", "procurement/index.html"), ("ประกาศ", "")])

    here = "procurement/archive-2568.html"
    rows = "".join(
        f"<tr><td>{n}</td><td>{a(here, skr_path(y, m), skr_title(y, m))}</td></tr>"
        for n, (y, m) in enumerate(SKR_MONTHS_2568, 1)
    )
    body = f"""<h1>สรุปผลการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ พ.ศ. 2568 (ข้อมูลย้อนหลัง)</h1>
<p>ตุลาคม 2567 – กันยายน 2568</p>
<table class="data"><tr><th>ที่</th><th>เอกสาร</th></tr>{rows}</table>
<h2>รายงานประจำปี</h2>
<ul class="doclist"><li>{a(here, PROCURE_REPORT_2568, "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568")}</li></ul>
<p>{a(here, "procurement/index.html", "&laquo; ข้อมูลปีงบประมาณปัจจุบัน")}</p>"""
    page(
        here,
        "สรุปผลการจัดซื้อจัดจ้าง ปีงบประมาณ 2568",
        body,
        crumbs=[("จัดซื้อจัดจ้าง", "procurement/index.html"), ("ปีงบประมาณ 2568", "")],
    )


# ----- E-Service (O10): a Google Form and statistics, no usage instructions (planted gap) -------------

ESERVICE_STATS = [(s.month, *s.counts) for s in CONTENT.eservice.stats]


def build_eservice() -> None:
    here = "eservice/index.html"
    rows = []
    for (y, m), *counts in ESERVICE_STATS:
        rows.append(
            f"<tr><td>{MONTHS[m - 1]} {y}</td>"
            + "".join(f"<td>{c}</td>" for c in counts)
            + f"<td>{sum(counts)}</td></tr>"
        )
    totals = [sum(r[k] for r in ESERVICE_STATS) for k in range(1, 5)]
    body = f"""<h1>ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)</h1>
<p>{ORG} เปิดให้ประชาชนยื่นคำร้องขอรับบริการผ่านช่องทางออนไลน์ได้ตลอด 24 ชั่วโมง
โดยไม่ต้องเดินทางมาที่ทำการ อบต.</p>
<div class="box center"><h3>ขอรับบริการออนไลน์</h3>
<p>แจ้งซ่อมไฟฟ้าสาธารณะ / ขอใช้น้ำประปา / ขอความอนุเคราะห์รถบรรทุกน้ำ / แจ้งเหตุเดือดร้อนรำคาญ</p>
<p><a class="btn" href="{GOOGLE_FORM}" target="_blank" rel="noopener">ขอรับบริการออนไลน์ (แจ้งซ่อมไฟฟ้าสาธารณะ / ขอใช้น้ำ …)</a></p></div>
<h2>สถิติการให้บริการ E-Service ปีงบประมาณ 2569</h2>
<table class="data"><tr><th>เดือน</th><th>แจ้งซ่อมไฟฟ้าสาธารณะ</th><th>ขอใช้น้ำประปา</th>
<th>ขอความอนุเคราะห์รถบรรทุกน้ำ</th><th>แจ้งเหตุเดือดร้อนรำคาญ</th><th>รวม (เรื่อง)</th></tr>
{"".join(rows)}
<tr><th>รวม</th>{"".join(f"<th>{t}</th>" for t in totals)}<th>{sum(totals)}</th></tr></table>
<p class="muted">ข้อมูล ณ วันที่ 30 เมษายน 2569 • ผู้รับผิดชอบ: งานนโยบายและแผน สำนักปลัด</p>"""
    page(here, "E-Service", body, crumbs=[("E-Service", "")])


# ----- แผนงาน, งานบริการ, ร้องเรียน --------------------------------------------------------------------


def build_plan_services() -> None:
    plan_pdfs()
    here = "plan/index.html"
    body = f"""<h1>แผนงาน</h1>
<ul class="doclist">
<li>{a(here, "docs/plan/local-development-plan-2566-2570.pdf", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570) เพิ่มเติม ครั้งที่ 1/2569")}</li>
<li>{a(here, "docs/plan/action-plan-2569.pdf", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569")}</li>
<li>{a(here, "docs/plan/annual-report-2568.pdf", "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568")}</li>
<li>{a(here, "docs/procurement/2569/procure-plan-2569.pdf", "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569")}</li>
</ul>
<p>ข่าวการประชุมประชาคม: {a(here, "news/news-06.html", "ประชุมประชาคมตำบล ทบทวนแผนพัฒนาท้องถิ่น ครั้งที่ 1/2569")}</p>"""
    page(here, "แผนงาน", body, crumbs=[("แผนงาน", "")])

    service_manual_pdf(
        "docs/services/manual-land-tax.pdf",
        "การรับชำระภาษีที่ดินและสิ่งปลูกสร้าง",
        "พระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. 2562",
        [
            ("การตรวจสอบเอกสาร", "ผู้เสียภาษียื่นใบแจ้งการประเมินภาษีหรือแจ้งชื่อ-ที่อยู่ ณ จุดบริการ", "5 นาที", "กองคลัง"),
            ("การพิจารณา", "เจ้าหน้าที่ตรวจสอบข้อมูลที่ดินและคำนวณภาษี", "10 นาที", "กองคลัง"),
            ("การชำระเงิน", "ผู้เสียภาษีชำระเงินและรับใบเสร็จรับเงิน", "5 นาที", "กองคลัง"),
        ],
        "20 นาที",
        "ไม่มีค่าธรรมเนียม",
        [("บัตรประจำตัวประชาชน", "ฉบับจริง 1 ฉบับ"), ("ใบแจ้งการประเมินภาษี (ถ้ามี)", "ฉบับจริง 1 ฉบับ")],
    )
    service_manual_pdf(
        "docs/services/manual-elderly-allowance.pdf",
        "การลงทะเบียนขอรับเงินเบี้ยยังชีพผู้สูงอายุ",
        "ระเบียบกระทรวงมหาดไทยว่าด้วยหลักเกณฑ์การจ่ายเงินเบี้ยยังชีพผู้สูงอายุขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2552",
        [
            ("การตรวจสอบเอกสาร", "ผู้สูงอายุหรือผู้รับมอบอำนาจยื่นคำขอลงทะเบียน ณ สำนักปลัด", "10 นาที", "สำนักปลัด"),
            ("การพิจารณา", "เจ้าหน้าที่ตรวจสอบคุณสมบัติและหลักฐาน", "10 นาที", "สำนักปลัด"),
            ("การแจ้งผล", "ออกใบรับลงทะเบียนให้ผู้ยื่นคำขอ", "5 นาที", "สำนักปลัด"),
        ],
        "25 นาที",
        "ไม่มีค่าธรรมเนียม",
        [
            ("บัตรประจำตัวประชาชน", "ฉบับจริง 1 ฉบับ"),
            ("ทะเบียนบ้าน", "ฉบับจริง 1 ฉบับ"),
            ("สมุดบัญชีเงินฝากธนาคาร (กรณีรับเงินผ่านบัญชี)", "สำเนา 1 ฉบับ"),
        ],
    )
    here = "services/index.html"
    body = f"""<h1>คู่มือสำหรับประชาชน</h1>
<p>คู่มือการขอรับบริการ ณ ที่ทำการ{ORG} ตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558</p>
<ul class="doclist">
<li>{a(here, "docs/services/manual-land-tax.pdf", "คู่มือสำหรับประชาชน: การรับชำระภาษีที่ดินและสิ่งปลูกสร้าง")}</li>
<li>{a(here, "docs/services/manual-elderly-allowance.pdf", "คู่มือสำหรับประชาชน: การลงทะเบียนขอรับเงินเบี้ยยังชีพผู้สูงอายุ")}</li>
</ul>"""
    page(here, "คู่มือสำหรับประชาชน", body, crumbs=[("งานบริการ", ""), ("คู่มือสำหรับประชาชน", "")])

    # O8: staff work manuals
    here = "services/staff-manuals.html"
    body = f"""<h1>คู่มือการปฏิบัติงานของเจ้าหน้าที่</h1>
<p>คู่มือการปฏิบัติงาน (มาตรฐานการปฏิบัติงาน) ของเจ้าหน้าที่{ORG} ระบุงาน ตำแหน่งผู้รับผิดชอบ
ขั้นตอนและระยะเวลาการปฏิบัติงาน เพื่อให้การปฏิบัติงานเป็นมาตรฐานเดียวกัน โปร่งใส และตรวจสอบได้</p>
<table class="data"><tr><th>ที่</th><th>คู่มือ</th><th>ส่วนราชการ</th><th>ตำแหน่งผู้ปฏิบัติ</th></tr>
<tr><td>1</td><td>{a(here, MANUAL_TAX, "คู่มือการปฏิบัติงาน งานจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง")}</td><td>กองคลัง</td>
<td>นักวิชาการจัดเก็บรายได้, เจ้าพนักงานจัดเก็บรายได้</td></tr>
<tr><td>2</td><td>{a(here, MANUAL_BUILDING, "คู่มือการปฏิบัติงาน การพิจารณาอนุญาตก่อสร้างอาคาร")}</td><td>กองช่าง</td>
<td>นายช่างโยธา, ผู้อำนวยการกองช่าง</td></tr></table>
<p class="muted">ปรับปรุงข้อมูล ณ วันที่ 20 ตุลาคม 2568 • คู่มือสำหรับประชาชนดูได้ที่ {a(here, "services/index.html", "คู่มือสำหรับประชาชน")}</p>"""
    page(here, "คู่มือการปฏิบัติงานของเจ้าหน้าที่", body, crumbs=[("งานบริการ", ""), ("คู่มือการปฏิบัติงานของเจ้าหน้าที่", "")])

    here = "ita/complaint.html"
    months = [(2568, 10), (2568, 11), (2568, 12), (2569, 1), (2569, 2), (2569, 3)]
    srows = "".join(f"<tr><td>{MONTHS[m - 1]} {y}</td><td>0</td><td>0</td><td>0</td></tr>" for y, m in months)
    body = f"""<h1>การร้องเรียนการทุจริตและประพฤติมิชอบ</h1>
<h2>แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h2>
<ol><li><strong>วิธีการร้องเรียน</strong> – ระบุชื่อ ที่อยู่ของผู้ร้องเรียน (ผู้ร้องเรียนอาจไม่เปิดเผยตัวตนได้)
ข้อเท็จจริงหรือพฤติการณ์ของเรื่องที่ร้องเรียน และหลักฐานประกอบ (ถ้ามี)</li>
<li><strong>ขั้นตอนการจัดการเรื่องร้องเรียน</strong> – ลงทะเบียนรับเรื่อง เสนอผู้บริหารพิจารณา แต่งตั้งคณะกรรมการตรวจสอบข้อเท็จจริง
และแจ้งผลให้ผู้ร้องเรียนทราบ</li>
<li><strong>ส่วนงานที่รับผิดชอบ</strong> – งานกฎหมายและคดี สำนักปลัด {ORG}</li>
<li><strong>ระยะเวลาดำเนินการ</strong> – ตอบรับเรื่องภายใน 3 วันทำการ และแจ้งผลการดำเนินการภายใน 30 วัน</li></ol>
<h2>ช่องทางแจ้งเรื่องร้องเรียนการทุจริต</h2>
<ul><li><strong>ออนไลน์:</strong> {a(here, "ita/complaint-form.html", "แบบฟอร์มแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบออนไลน์")}
(ตลอด 24 ชั่วโมง ไม่ต้องเดินทางมาที่ทำการ อบต.)</li>
<li>ยื่นหนังสือด้วยตนเอง ณ ที่ทำการ{ORG}</li>
<li>ทางไปรษณีย์ จ่าหน้าซองถึง “ปลัดองค์การบริหารส่วนตำบลหนองบัวแดง (เรื่องร้องเรียนการทุจริต)” {ADDRESS}</li>
<li>โทรศัพท์ {PHONE} ต่อ 101</li>
<li>อีเมล <a href="mailto:{EMAIL}">{EMAIL}</a> (หัวข้อ “ร้องเรียนการทุจริต”)</li>
<li>ศูนย์ดำรงธรรมจังหวัดสกลนคร สายด่วน 1567</li>
<li>สำนักงาน ป.ป.ช. <a href="https://www.nacc.go.th" target="_blank" rel="noopener">www.nacc.go.th</a></li></ul>
<h2>ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ปีงบประมาณ พ.ศ. 2569 (ต.ค. 2568 – มี.ค. 2569)</h2>
<table class="data"><tr><th>เดือน</th><th>จำนวนเรื่อง</th><th>ดำเนินการแล้วเสร็จ</th><th>อยู่ระหว่างดำเนินการ</th></tr>{srows}</table>
<p>สรุป: ในรอบ 6 เดือนแรกของปีงบประมาณ พ.ศ. 2569 ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</p>"""
    page(here, "ร้องเรียนการทุจริต", body, crumbs=[("ITA", "ita/index.html"), ("ร้องเรียนการทุจริต", "")])


# ----- ITA ---------------------------------------------------------------------------------------------

NOGIFT_ANN_2569 = "docs/ita/2569/nogift-announcement-2569.pdf"
NOGIFT_REP_2569 = "docs/ita/2569/nogift-report-2569-6months.pdf"
NOGIFT_ANN_2568 = "docs/ita/2568/nogift-announcement-2568.pdf"
NOGIFT_REP_2568 = "docs/ita/2568/gift-report-2568.pdf"

ITA_2569 = [
    ("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "9.1 ข้อมูลพื้นฐาน"),
    (
        "O1",
        "โครงสร้างและอำนาจหน้าที่",
        [("แผนผังโครงสร้างส่วนราชการ", "about/structure.html"), ("อำนาจหน้าที่", "about/authority.html")],
    ),
    ("O2", "ข้อมูลผู้บริหาร", [("คณะผู้บริหาร", "about/executives.html")]),
    ("O3", "ข้อมูลการติดต่อ และช่องทางการถาม – ตอบ (Q&A)", [("ติดต่อเรา", "contact.html")]),
    ("O4", "ข่าวประชาสัมพันธ์", [("ข่าวประชาสัมพันธ์", "news/index.html")]),
    (None, "9.2 การบริหารงาน"),
    ("O5", "แผนพัฒนาท้องถิ่น", [("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)", "docs/plan/local-development-plan-2566-2570.pdf")]),
    ("O6", "แผนการดำเนินงานและการใช้งบประมาณประจำปี", [("แผนการดำเนินงาน ประจำปี 2569", "docs/plan/action-plan-2569.pdf")]),
    ("O7", "รายงานผลการดำเนินงานประจำปี", [("รายงานผลการดำเนินงาน ประจำปี 2568", "docs/plan/annual-report-2568.pdf")]),
    ("O8", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", [("คู่มือการปฏิบัติงานของเจ้าหน้าที่", "services/staff-manuals.html")]),
    ("O9", "คู่มือหรือแนวทางการขอรับบริการ", [("คู่มือสำหรับประชาชน", "services/index.html")]),
    ("O10", "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)", [("E-Service", "eservice/index.html")]),
    (None, "9.3 การจัดซื้อจัดจ้าง"),
    (
        "O11",
        "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
        [
            ("สรุปผลการจัดซื้อจัดจ้างรายเดือน ปี 2569", "procurement/index.html"),
            ("ประกาศจัดซื้อจัดจ้าง", "procurement/announcements.html"),
        ],
    ),
    (
        "O12",
        "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
        [("รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568", PROCURE_REPORT_2568)],
    ),
    (None, "9.4 การบริหารและพัฒนาทรัพยากรบุคคล"),
    (
        "O13",
        "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
        [("แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปี 2569", HR_PLAN_2569)],
    ),
    (
        "O14",
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
        [("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปี 2568", HR_REPORT_2568)],
    ),
    (
        "O15",
        "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
        [
            ("ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม ปี 2569", "ita/ethics-2569.html"),
            ("ประมวลจริยธรรม", ETHICS_CODE),
            ("โครงการอบรมคุณธรรมจริยธรรม ประจำปี 2569", ETHICS_NEWS),
        ],
    ),
    (None, "9.5 การส่งเสริมความโปร่งใส"),
    ("O16", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", [("แนวปฏิบัติฯ", "ita/complaint.html")]),
    (
        "O17",
        "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        [("แจ้งเรื่องร้องเรียนการทุจริตออนไลน์", "ita/complaint-form.html")],
    ),
    ("O18", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", [("สถิติเรื่องร้องเรียน", "ita/complaint.html")]),
    (
        "O19",
        "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน",
        [
            ("รายงานผลการเปิดโอกาสให้ประชาชนมีส่วนร่วม ปี 2569", PARTICIPATION_2569),
            ("ประชุมประชาคมตำบล ครั้งที่ 1/2569", "news/news-06.html"),
        ],
    ),
    ("ตัวชี้วัดที่ 10 การป้องกันการทุจริต", "10.1 การดำเนินการเพื่อป้องกันการทุจริต"),
    (
        "O20",
        "การขับเคลื่อนนโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
        [
            ("การขับเคลื่อนนโยบาย No Gift Policy", "ita/nogift-2569.html"),
            ("ประกาศเจตนารมณ์ฯ", NOGIFT_ANN_2569),
            ("กิจกรรมการสร้างวัฒนธรรม", NOGIFT_NEWS),
            ("รายงานผลฯ รอบ 6 เดือน", NOGIFT_REP_2569),
        ],
    ),
    ("O21", "การประเมินความเสี่ยงการทุจริต", [("การประเมินความเสี่ยงการทุจริต ปี 2569", RISK_2569)]),
    (
        "O22",
        "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต",
        [("รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริต ปี 2568", RISK_REPORT_2568)],
    ),
    ("O23", "แผนปฏิบัติการป้องกันการทุจริต", [("แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2569", AC_PLAN_2569)]),
    (
        "O24",
        "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
        [("รายงานผลการดำเนินการป้องกันการทุจริต ประจำปี 2568", AC_REPORT_2568)],
    ),
    (None, "10.2 มาตรการภายในเพื่อป้องกันการทุจริต"),
    (
        "O25",
        "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร (มาตรการส่งเสริมคุณธรรมและความโปร่งใส)",
        [("การวิเคราะห์ผลการประเมิน ITA 2568 และมาตรการส่งเสริมคุณธรรมฯ ปี 2569", INTEGRITY_2569)],
    ),
    (
        "O26",
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        # planted: the only report linked covers ปีงบประมาณ 2567 (the label does not say so; the PDF does)
        [("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", INTEGRITY_REPORT_2567)],
    ),
]

ITAS_NOTE = "เผยแพร่ในระบบ ITAS แล้ว"
ITA_2568 = [
    ("O1", "โครงสร้างและอำนาจหน้าที่", [("โครงสร้าง", "about/structure.html"), ("อำนาจหน้าที่", "about/authority.html")]),
    ("O2", "ข้อมูลผู้บริหาร", [("คณะผู้บริหาร", "about/executives.html")]),
    ("O3", "ข้อมูลการติดต่อ", [("ติดต่อเรา", "contact.html")]),
    ("O4", "ข่าวประชาสัมพันธ์", [("ข่าวประชาสัมพันธ์", "news/index.html")]),
    ("O5", "แผนพัฒนาท้องถิ่น", [("แผนงาน", "plan/index.html")]),
    ("O6", "แผนการดำเนินงานประจำปี", ITAS_NOTE),
    ("O7", "รายงานผลการดำเนินงานประจำปี", ITAS_NOTE),
    ("O8", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", ITAS_NOTE),
    ("O9", "คู่มือหรือแนวทางการขอรับบริการ", [("คู่มือสำหรับประชาชน", "services/index.html")]),
    ("O10", "E–Service", [("E-Service", "eservice/index.html")]),
    ("O11", "ข้อมูลสถิติการให้บริการ", ITAS_NOTE),
    (
        "O12",
        "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้าง",
        [
            ("สรุปผลการจัดซื้อจัดจ้าง ปีงบประมาณ 2568", "procurement/archive-2568.html"),
            ("สขร.1 เดือนมีนาคม 2568", skr_path(2568, 3)),
        ],
    ),
    ("O13", "รายงานผลการจัดซื้อจัดจ้างประจำปี", ITAS_NOTE),
    ("O14", "แผนการบริหารและพัฒนาทรัพยากรบุคคล", ITAS_NOTE),
    ("O15", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", ITAS_NOTE),
    ("O16", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", ITAS_NOTE),
    ("O17", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต", [("ร้องเรียนการทุจริต", "ita/complaint.html")]),
    ("O18", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", [("ร้องเรียนการทุจริต", "ita/complaint.html")]),
    ("O19", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริต", ITAS_NOTE),
    ("O20", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", ITAS_NOTE),
    (
        "O21",
        "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy",
        [("ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. 2568", NOGIFT_ANN_2568)],
    ),
    (
        "O22",
        "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
        [("รายงานการรับทรัพย์สินฯ ประจำปีงบประมาณ พ.ศ. 2568", NOGIFT_REP_2568)],
    ),
    ("O23", "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบน", ITAS_NOTE),
    ("O24", "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริต", ITAS_NOTE),
    ("O25", "แผนปฏิบัติการป้องกันการทุจริต", ITAS_NOTE),
    ("O26", "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต", ITAS_NOTE),
]


def ita_row(here: str, code: str, title: str, links) -> str:
    if links is None:
        cell = '<span class="todo">อยู่ระหว่างดำเนินการ</span>'
    elif isinstance(links, str):
        cell = f'<span class="muted">{links}</span>'
    else:
        cell = "<br>".join(a(here, t, esc(label)) for label, t in links)
    return f'<tr><td class="center">{code}</td><td>{esc(title)}</td><td>{cell}</td></tr>'


def build_ita() -> None:
    for ann in CONTENT.nogift.announcements:  # 2569 is signed by the ปลัด (planted), 2568 by the นายก
        signer = EXECUTIVES[[e[0] for e in EXECUTIVES].index(ann.signer)]
        nogift_announcement(ann.year, signer, ann.path, seed=ann.seed)
    nogift_report_2569(NOGIFT_REP_2569)
    nogift_report_2568(NOGIFT_REP_2568)
    ita_misc_pdfs()
    act_pdf("docs/law/act-tambon-council-sao-2537.pdf")

    here = "ita/index.html"
    body = f"""<h1>การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)</h1>
<p>{ORG} เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ
(Integrity and Transparency Assessment : ITA) ของสำนักงาน ป.ป.ช. เป็นประจำทุกปี</p>
<ul class="doclist">
<li>{a(here, "ita/ita-2569.html", "ปีงบประมาณ พ.ศ. ๒๕๖๙")}</li>
<li>{a(here, "ita/ita-2568.html", "ปีงบประมาณ พ.ศ. ๒๕๖๘")}</li>
</ul>
<p>ระบบ ITAS: <a href="https://itas.nacc.go.th" target="_blank" rel="noopener">itas.nacc.go.th</a></p>"""
    page(here, "ITA", body, crumbs=[("ITA", "")])

    here = "ita/ita-2569.html"
    rows = []
    for entry in ITA_2569:
        if entry[0] is None or not entry[0].startswith("O"):
            if entry[0]:
                rows.append(f'<tr><th colspan="3" style="text-align:left;background:#e6d3a3">{entry[0]}</th></tr>')
            rows.append(f'<tr><th colspan="3" style="text-align:left">{entry[1]}</th></tr>')
            continue
        rows.append(ita_row(here, *entry))
    body = f"""<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2569</h1>
<p>{ORG} ได้เปิดเผยข้อมูลตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT)
ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ ดังนี้</p>
<table class="data"><tr><th style="width:70px">ข้อ</th><th>ข้อมูล</th><th>ลิงก์ข้อมูล</th></tr>
{"".join(rows)}</table>
<p class="muted">ปรับปรุงข้อมูลล่าสุด ๓๐ เม.ย. ๒๕๖๙</p>
<p>{a(here, "ita/ita-2568.html", "ข้อมูล ITA ปีงบประมาณ พ.ศ. 2568")}</p>"""
    page(here, "ITA 2569", body, crumbs=[("ITA", "ita/index.html"), ("ITA 2569", "")])

    here = "ita/ita-2568.html"
    rows = "".join(ita_row(here, *e) for e in ITA_2568)
    body = f"""<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2568</h1>
<p>ข้อมูลย้อนหลังของ{ORG} ตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘</p>
<table class="data"><tr><th style="width:70px">ข้อ</th><th>ข้อมูล</th><th>ลิงก์ข้อมูล</th></tr>{rows}</table>
<p>{a(here, "ita/ita-2569.html", "ข้อมูล ITA ปีงบประมาณ พ.ศ. 2569 (ปัจจุบัน)")}</p>"""
    page(here, "ITA 2568", body, crumbs=[("ITA", "ita/index.html"), ("ITA 2568", "")])

    here = "ita/nogift-2569.html"
    body = f"""<h1>การขับเคลื่อนนโยบาย No Gift Policy ประจำปีงบประมาณ พ.ศ. 2569</h1>
<h2>1. ประกาศเจตนารมณ์</h2>
<ul class="doclist"><li>{a(here, NOGIFT_ANN_2569, esc(NOGIFT_TITLE_2569))}
<span class="date">(ประกาศ ณ วันที่ 1 ตุลาคม 2568)</span></li></ul>
<h2>2. กิจกรรมการสร้างวัฒนธรรม No Gift Policy</h2>
<div class="box"><a href="{rel(here, NOGIFT_NEWS)}"><img src="{rel(here, "img/news/news-04-thumb.jpg")}"
alt="กิจกรรมการสร้างวัฒนธรรม No Gift Policy" width="320" height="200"></a>
<p><span class="date">22 ธ.ค. 2568</span> – {a(here, NOGIFT_NEWS, "กิจกรรมการสร้างวัฒนธรรม No Gift Policy ประจำปีงบประมาณ พ.ศ. 2569")}</p></div>
<h2>3. รายงานผลการดำเนินการ</h2>
<ul class="doclist"><li>{a(here, NOGIFT_REP_2569, esc(NOGIFT_REPORT_TITLE_2569))}</li></ul>
<p class="muted">ข้อมูลปีงบประมาณ พ.ศ. 2568 ดูได้ที่ {a(here, "ita/ita-2568.html", "หน้า ITA 2568")}</p>"""
    page(here, "No Gift Policy 2569", body, crumbs=[("ITA", "ita/index.html"), ("No Gift Policy", "")])
    build_ethics()
    build_complaint_form()


def build_ethics() -> None:
    """O15: the code of ethics and the ethics activities of fiscal year 2569 (the main one is a news post)."""
    here = "ita/ethics-2569.html"
    body = f"""<h1>ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. 2569</h1>
<h2>1. ประมวลจริยธรรม</h2>
<ul class="doclist"><li>{a(here, ETHICS_CODE, f"ประมวลจริยธรรมของข้าราชการ พนักงาน และลูกจ้างของ{ORG}")}</li></ul>
<h2>2. การขับเคลื่อนจริยธรรม</h2>
<div class="box"><a href="{rel(here, ETHICS_NEWS)}"><img src="{rel(here, "img/news/news-11-thumb.jpg")}"
alt="โครงการอบรมคุณธรรมจริยธรรม ประจำปีงบประมาณ พ.ศ. 2569" width="320" height="200"></a>
<p><span class="date">๑๖ มกราคม ๒๕๖๙</span> – {a(here, ETHICS_NEWS, "โครงการอบรมคุณธรรมจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน ประจำปีงบประมาณ พ.ศ. 2569")}</p>
<p>ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้าง เข้ารับการอบรมรวม 64 คน
คะแนนแบบทดสอบหลังการอบรมเฉลี่ยร้อยละ 88</p></div>
<h2>3. กิจกรรมขับเคลื่อนจริยธรรมอื่น ๆ</h2>
<table class="data"><tr><th>วันที่</th><th>กิจกรรม</th><th>ผู้เข้าร่วม</th></tr>
<tr><td>3 พ.ย. 2568</td><td>ชี้แจงประมวลจริยธรรมในการประชุมพนักงานประจำเดือน</td><td>49 คน</td></tr>
<tr><td>16 ม.ค. 2569</td><td>{a(here, ETHICS_NEWS, "โครงการอบรมคุณธรรมจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน")}</td><td>64 คน</td></tr>
<tr><td>18 มี.ค. 2569</td><td>มอบเกียรติบัตรพนักงานดีเด่นด้านคุณธรรมจริยธรรม เนื่องในวันท้องถิ่นไทย</td><td>4 คน</td></tr></table>"""
    page(here, "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", body, crumbs=[("ITA", "ita/index.html"), ("การขับเคลื่อนจริยธรรม", "")])


def build_complaint_form() -> None:
    """O17: an online channel for corruption complaints only (a web form), separate from general complaints.

    It has a <textarea> but is not a Q&A channel: O3's planted gap (contact.qa) stands."""
    here = "ita/complaint-form.html"
    units = "".join(
        f"<option>{u}</option>"
        for u in ("ไม่ทราบ", "สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "ผู้บริหาร")
    )
    kinds = "".join(
        f"<option>{k}</option>"
        for k in (
            "การเรียกรับสินบน",
            "การทุจริตในการจัดซื้อจัดจ้าง",
            "การใช้อำนาจหน้าที่โดยมิชอบ",
            "การนำทรัพย์สินของราชการไปใช้ประโยชน์ส่วนตน",
            "การประพฤติมิชอบอื่น ๆ",
        )
    )
    body = f"""<h1>แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (ออนไลน์)</h1>
<p>ช่องทางนี้ใช้สำหรับแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของผู้บริหาร พนักงานส่วนตำบล ลูกจ้าง และพนักงานจ้าง
ของ{ORG} เท่านั้น เรื่องที่แจ้งจะส่งตรงถึงงานกฎหมายและคดี สำนักปลัด และเก็บรักษาข้อมูลของผู้ร้องเรียนเป็นความลับ
ผู้ร้องเรียนไม่ต้องเดินทางมาที่ทำการ อบต.</p>
<p class="muted">เรื่องร้องเรียนทั่วไป เช่น ไฟฟ้าสาธารณะดับ ถนนชำรุด หรือเหตุเดือดร้อนรำคาญ โปรดแจ้งผ่าน
{a(here, "eservice/index.html", "E-Service")}</p>
<form action="#" method="post" enctype="multipart/form-data" class="box">
<h3>ข้อมูลผู้ร้องเรียน (ไม่ประสงค์ออกนามได้)</h3>
<p><label>ชื่อ – นามสกุล<br><input name="name" size="40"></label></p>
<p><label>ที่อยู่ที่ติดต่อได้<br><input name="address" size="60"></label></p>
<p><label>หมายเลขโทรศัพท์<br><input name="phone" type="tel" size="20"></label>
&nbsp; <label>อีเมล<br><input name="email" type="email" size="30"></label></p>
<h3>รายละเอียดเรื่องร้องเรียน</h3>
<p><label>ประเภทเรื่องร้องเรียน<br><select name="kind">{kinds}</select></label></p>
<p><label>ชื่อ – ตำแหน่งของผู้ถูกร้องเรียน<br><input name="accused" size="50" required></label></p>
<p><label>ส่วนราชการของผู้ถูกร้องเรียน<br><select name="unit">{units}</select></label></p>
<p><label>วันที่เกิดเหตุ<br><input name="when" type="date"></label>
&nbsp; <label>สถานที่เกิดเหตุ<br><input name="where" size="40"></label></p>
<p><label>ข้อเท็จจริงหรือพฤติการณ์ที่ร้องเรียน<br><textarea name="details" rows="7" cols="70" required></textarea></label></p>
<p><label>พยานหลักฐาน (แนบไฟล์ภาพ เอกสาร ไม่เกิน 10 MB)<br><input name="evidence" type="file"></label></p>
<p><label><input name="confirm" type="checkbox" required> ข้าพเจ้าขอรับรองว่าข้อความที่แจ้งเป็นความจริง</label></p>
<p><button type="submit" class="btn">ส่งเรื่องร้องเรียน</button></p>
</form>
<p>งานกฎหมายและคดีจะตอบรับเรื่องภายใน 3 วันทำการ และแจ้งผลการดำเนินการภายใน 30 วัน ตาม
{a(here, "ita/complaint.html", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")}</p>"""
    page(here, "แจ้งเรื่องร้องเรียนการทุจริตออนไลน์", body, crumbs=[("ITA", "ita/index.html"), ("แจ้งเรื่องร้องเรียนการทุจริต", "")])


# ----- home, admin, sitemap, robots ----------------------------------------------------------------------


def build_home() -> None:
    make_ita_banner()
    save_jpg(
        scene(42, "outdoor", "ยินดีต้อนรับสู่ องค์การบริหารส่วนตำบลหนองบัวแดง\nหนองบัวแดงน่าอยู่ เศรษฐกิจพอเพียง", size=(1100, 360)),
        "img/hero.jpg",
        quality=62,
    )
    here = "index.html"
    news = []
    for slug, date, title, _k, _b, _p, thai in list(reversed(NEWS))[:6]:
        news.append(
            f'<article><a href="news/{slug}.html"><img src="img/news/{slug}-thumb.jpg" alt="{esc(title)}"></a>'
            f'<div class="t"><span class="date">{dabbr(date, thai)}</span><br>'
            f'<a href="news/{slug}.html">{esc(title)}</a></div></article>'
        )
    body = f"""<div class="banner"><img src="img/hero.jpg" alt="ภาพบรรยากาศตำบลหนองบัวแดง" width="1100" height="360"></div>
<p></p>
<div class="banner"><a href="ita/ita-2569.html"><img src="img/banner-ita-2569.png" alt="ITA 2569 การประเมินคุณธรรมและความโปร่งใส" width="1100" height="240"></a></div>
<div class="two"><div>
<h2>ข่าวประชาสัมพันธ์</h2>
<div class="newsgrid">{"".join(news)}</div>
<p><a href="news/index.html">ข่าวทั้งหมด &raquo;</a></p>
<h2>ประกาศจัดซื้อจัดจ้าง</h2>
{announcement_items(here, limit=4)}
<p><a href="procurement/announcements.html">ประกาศทั้งหมด &raquo;</a> &nbsp;|&nbsp;
<a href="procurement/index.html">สรุปผลการจัดซื้อจัดจ้างรายเดือน</a></p>
</div><div>
<div class="box center"><img src="img/exec/mayor.png" alt="{MAYOR[1]}" width="150" height="183"><br>
<strong>{MAYOR[1]}</strong><br>{MAYOR[2]}</div>
<div class="box"><h3>บริการประชาชน</h3><ul>
<li><a href="eservice/index.html">E-Service ขอรับบริการออนไลน์</a></li>
<li><a href="services/index.html">คู่มือสำหรับประชาชน</a></li>
<li><a href="ita/complaint.html">ร้องเรียนการทุจริตและประพฤติมิชอบ</a></li>
<li><a href="ita/complaint-form.html">แจ้งเรื่องร้องเรียนการทุจริตออนไลน์</a></li>
<li><a href="contact.html">ติดต่อเรา</a></li></ul></div>
<div class="box"><h3>หน่วยงานที่เกี่ยวข้อง</h3><ul>
<li><a href="https://www.dla.go.th" target="_blank" rel="noopener">กรมส่งเสริมการปกครองท้องถิ่น</a></li>
<li><a href="https://www.nacc.go.th" target="_blank" rel="noopener">สำนักงาน ป.ป.ช.</a></li>
<li><a href="{EGP}" target="_blank" rel="noopener">ระบบจัดซื้อจัดจ้างภาครัฐ (e-GP)</a></li>
<li><a href="{FACEBOOK}" target="_blank" rel="noopener">Facebook อบต.หนองบัวแดง</a></li></ul></div>
</div></div>"""
    page(here, "หน้าหลัก", body)


def build_admin() -> None:
    body = """<h1>ระบบจัดการเว็บไซต์ (สำหรับเจ้าหน้าที่)</h1>
<form action="#" method="post"><p>ชื่อผู้ใช้ <input name="username"></p><p>รหัสผ่าน <input name="password" type="password"></p>
<p><button type="submit">เข้าสู่ระบบ</button></p></form>"""
    page("admin/index.html", "เข้าสู่ระบบ", body, sitemap=False)


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
    write_bytes("css/style.css", CSS.strip().encode() + b"\n")
    make_logo()
    make_org_chart()
    build_about()
    build_news()
    build_procurement()
    build_eservice()
    build_plan_services()
    build_ita()
    build_home()
    build_admin()
    build_sitemaps()
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    n_html = len(list(OUT.rglob("*.html")))
    n_pdf = len(list(OUT.rglob("*.pdf")))
    print(f"wrote {OUT}: {n_html} HTML pages, {n_pdf} PDFs, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
