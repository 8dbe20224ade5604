"""The demo agency's PDFs: Doc, an official-looking Thai A4 document drawn with fpdf2 (poppler's pdftotext reads
its text layer back intact), and render(), which draws a document described as data (document.py) block by block."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace
from pythainlp.corpus.common import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

from eval.zoo.doc import FONT_DIR, dfull, thai

from .document import Block, Document
from .model import Agency


class Doc(FPDF):
    """An official-looking Thai document: Norasi (a Times-like Thai font), A4."""

    def __init__(
        self, title: str, date: dt.date, *, out: Path, author: str, landscape: bool = False, size: float = 15
    ) -> None:
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
        self.set_author(author)
        self.out = out  # the site directory: the seal is read from it, the PDF written into it
        self.set_subject(title)
        self.set_creator("Microsoft Word")
        self.set_producer("Microsoft Word")
        self.set_creation_date(dt.datetime(date.year, date.month, date.day, 10, 30, tzinfo=dt.UTC))
        self.add_page()

    def seal(self, w: float = 24) -> None:
        self.image(str(self.out / "img" / "logo.png"), x=(self.w - w) / 2, y=self.get_y(), w=w)
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
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        self.output(str(target))


Rows = dict[str, list[list[str]]]


def render(
    data: Document, out: Path, agency: Agency, values: dict[str, str] | None = None, rows: Rows | None = None
) -> None:
    """Draw one document. `values` fill the document's own {placeholders}; `rows` are the tables it names by
    a string (rows = "name") because the generator computes them from other content."""
    ctx = agency.model_dump() | {"date": thai(dfull(data.date))} | (values or {})
    doc = Doc(
        data.title.format_map(ctx), data.date, out=out, author=agency.org, landscape=data.landscape, size=data.size
    )
    for block in data.blocks:
        _draw(doc, block, lambda s: s.format_map(ctx), agency, rows or {})
    doc.save(data.path)


def _draw(doc: Doc, b: Block, fmt: Callable[[str], str], agency: Agency, computed: Rows) -> None:
    match b.kind:
        case "center":
            doc.center(fmt(b.center or ""), size=b.size, bold=b.bold)
        case "para":
            doc.para(fmt(b.para or ""), indent=b.indent, bold=b.bold, gap=b.gap)
        case "head":
            doc.ln(1)
            doc.para(fmt(b.head or ""), indent=False, bold=True, gap=1)
        case "bullets":
            for text in b.bullets or []:
                doc.bullet(fmt(text))
        case "table":
            rows = computed[b.rows] if isinstance(b.rows, str) else b.rows or []
            doc.table_rows(
                [fmt(c) for c in b.table or []],
                [[fmt(c) for c in r] for r in rows],
                b.widths,
                size=b.size or 11,
                line_height=b.line_height,
                align=b.align,
                v_align=b.v_align,
            )
        case "signature":
            e = agency.executive(b.signature or "")
            doc.signature(e.name, fmt(b.position) if b.position else e.position, pre=fmt(b.pre), seed=b.seed)
        case "seal":
            doc.seal(b.seal or 24)
        case "space":
            doc.ln(b.space)
        case "new_page":
            doc.add_page()
