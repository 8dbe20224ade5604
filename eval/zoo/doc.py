"""A tiny document model (heading, paragraph, list, table, signature, picture) rendered either as an HTML
fragment or as a text-layer PDF (fpdf2 with the Debian TLWG Thai fonts), so one piece of evidence can be
published the way each platform publishes it."""

from __future__ import annotations

import datetime as dt
import html
import io
import math
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rules.thaicalendar import THAI_MONTHS as MONTHS  # one list of month names for the tool and its zoo

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # has ■ and ✓, which the Thai fonts lack

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


def thai(s: object) -> str:
    return str(s).translate(THAI_DIGITS)


def dfull(d: dt.date, digits_thai: bool = False) -> str:
    s = f"{d.day} {MONTHS[d.month - 1]} {d.year + 543}"
    return thai(s) if digits_thai else s


def dabbr(d: dt.date, digits_thai: bool = False) -> str:
    s = f"{d.day} {MONTHS_ABBR[d.month - 1]} {d.year + 543}"
    return thai(s) if digits_thai else s


def money(x: float, digits_thai: bool = False) -> str:
    s = f"{x:,.2f}"
    return thai(s) if digits_thai else s


@dataclass
class Doc:
    title: str
    date: dt.date
    blocks: list[tuple] = field(default_factory=list)
    landscape: bool = False
    font: str = "Norasi"

    def h(self, text: str) -> Doc:
        self.blocks.append(("h", text))
        return self

    def p(self, text: str) -> Doc:
        self.blocks.append(("p", text))
        return self

    def ul(self, items: list[str]) -> Doc:
        self.blocks.append(("ul", list(items)))
        return self

    def table(self, header: list[str], rows: list[list[str]], widths: list[float] | None = None) -> Doc:
        self.blocks.append(("table", list(header), [list(map(str, r)) for r in rows], widths or [1] * len(header)))
        return self

    def sign(self, name: str | None, position: str | None, pre: str = "") -> Doc:
        """A signature block; name None = an unsigned announcement (no name, no position under the text)."""
        self.blocks.append(("sign", pre, name, position))
        return self

    def img(self, src: str, alt: str) -> Doc:
        self.blocks.append(("img", src, alt))
        return self

    def raw(self, markup: str) -> Doc:
        """HTML-only markup (forms, iframes, links); skipped in a PDF."""
        self.blocks.append(("raw", markup))
        return self


# ----- HTML -----------------------------------------------------------------------------------------------


def to_html(doc: Doc, heading_tag: str = "h1") -> str:
    e = html.escape
    out = [f"<{heading_tag}>{e(doc.title)}</{heading_tag}>"]
    for b in doc.blocks:
        kind = b[0]
        if kind == "h":
            out.append(f"<h3>{e(b[1])}</h3>")
        elif kind == "p":
            out.append(f"<p>{e(b[1])}</p>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in b[1]) + "</ul>")
        elif kind == "table":
            head = "".join(f"<th>{e(c)}</th>" for c in b[1])
            body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in b[2])
            out.append(f'<table border="1" cellpadding="4"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')
        elif kind == "sign":
            _, pre, name, pos = b
            lines = [e(pre)] if pre else []
            if name:
                lines += [f"({e(name)})", e(pos or "")]
            out.append('<p style="text-align:center">' + "<br>".join(lines) + "</p>")
        elif kind == "img":
            out.append(f'<p><img src="{e(b[1])}" alt="{e(b[2])}" style="max-width:100%"></p>')
        elif kind == "raw":
            out.append(b[1])
    return "\n".join(out)


# ----- PDF ------------------------------------------------------------------------------------------------

_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


@lru_cache(maxsize=1)
def _tokenize():
    from pythainlp.tokenize import word_tokenize  # imported once, lazily: it takes a second

    return word_tokenize


def _wrap(pdf, text: str, width: float) -> str:
    """Break Thai text at word boundaries (fpdf2 breaks only at spaces, and Thai has none between words)."""
    width = width * 0.97 - 1.0
    tok = _tokenize()
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for t in tok(para, engine="newmm", keep_whitespace=True):
            cand = line + t
            if pdf.get_string_width(cand) <= width:
                line = cand
                continue
            if line.strip():
                lines.append(line.rstrip())
                line = t.lstrip()
            else:
                line = cand
            while pdf.get_string_width(line) > width:
                cut = len(line)
                while cut > 1 and pdf.get_string_width(line[:cut]) > width:
                    cut -= 1
                while cut < len(line) and line[cut] in _MARKS:
                    cut += 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return "\n".join(lines)


def to_pdf(doc: Doc, author: str, producer: str = "Microsoft Word", images: Path | None = None) -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(orientation="L" if doc.landscape else "P", unit="mm", format="A4")
    pdf.add_font("T", "", str(FONT_DIR / f"{doc.font}.ttf"))
    pdf.add_font("T", "B", str(FONT_DIR / f"{doc.font}-Bold.ttf"))
    pdf.add_font("D", "", str(DEJAVU))
    pdf.set_fallback_fonts(["D"])
    pdf.set_lang("th")
    pdf.set_margins(15 if doc.landscape else 22, 16, 15 if doc.landscape else 20)
    pdf.set_auto_page_break(True, 16)
    pdf.set_title(doc.title)
    pdf.set_author(author)
    pdf.set_creator(producer)
    pdf.set_producer(producer)
    d = doc.date
    pdf.set_creation_date(dt.datetime(d.year, d.month, d.day, 9, 0, tzinfo=dt.UTC))
    pdf.add_page()
    base = 14

    def write(text: str, size: float = base, bold: bool = False, align: str = "L", indent: float = 0) -> None:
        pdf.set_font("T", "B" if bold else "", size)
        w = pdf.epw - indent
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(w, size * 0.45, _wrap(pdf, text, w), align=align, new_x="LMARGIN", new_y="NEXT")

    write(doc.title, base + 2, True, "C")
    pdf.ln(3)
    for b in doc.blocks:
        kind = b[0]
        if kind == "h":
            pdf.ln(1.5)
            write(b[1], base, True)
        elif kind == "p":
            write(b[1])
            pdf.ln(1)
        elif kind == "ul":
            for x in b[1]:
                write("- " + x, indent=6)
        elif kind == "table":
            _, header, rows, widths = b
            size = 9 if len(header) > 12 else (10 if len(header) > 8 else 12)
            pdf.set_font("T", "", size)
            col_w = [pdf.epw * w / sum(widths) - 2.4 - 2 * pdf.c_margin for w in widths]
            pdf.set_font("T", "B", size)
            head = [_wrap(pdf, c, w) for c, w in zip(header, col_w, strict=True)]
            pdf.set_font("T", "", size)
            body = [[_wrap(pdf, c, w) for c, w in zip(r, col_w, strict=True)] for r in rows]
            with pdf.table(
                col_widths=widths,
                line_height=size * 0.45,
                text_align="LEFT",
                padding=1.2,
                headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
                v_align="TOP",
            ) as t:
                for r in [head, *body]:
                    row = t.row()
                    for c in r:
                        row.cell(c)
            pdf.ln(2)
        elif kind == "sign":
            _, pre, name, pos = b
            if pdf.get_y() > pdf.page_break_trigger - 40:
                pdf.add_page()
            pdf.ln(4)
            x0 = pdf.w / 2
            bw = pdf.w - x0 - pdf.r_margin
            pdf.set_font("T", "", base)
            if pre:
                pdf.set_x(x0)
                pdf.multi_cell(bw, base * 0.45, _wrap(pdf, pre, bw), align="C", new_x="LMARGIN", new_y="NEXT")
            if name:
                rnd = random.Random(name)
                y = pdf.get_y() + 8
                cx = x0 + bw / 2
                pts = [(cx - 20 + i * 3, y + rnd.uniform(-3, 3) + 2 * math.sin(i)) for i in range(14)]
                pdf.set_draw_color(20, 40, 150)
                pdf.polyline(pts)
                pdf.set_draw_color(0, 0, 0)
                pdf.set_y(y + 6)
                pdf.set_x(x0)
                pdf.multi_cell(bw, base * 0.45, f"({name})\n{pos}", align="C", new_x="LMARGIN", new_y="NEXT")
        elif kind == "img" and images is not None:
            path = images / b[1].lstrip("/")
            if path.exists():
                pdf.image(str(path), w=min(pdf.epw, 150))
    buf = io.BytesIO()
    pdf.output(buf)
    return buf.getvalue()
