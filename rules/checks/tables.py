"""The table_rows check: the numbered rows of a plan's, report's or purchase list's tables, and their values.

- table_rows: reads the numbered rows of the named documents' tables (a page's <tr>, a document's lines
  "1 | …" or "1 …" with their wrapped lines; a run numbered 1, 2, 3 … is one table; prose lists are not).
  The entries are the rows matching `row_pattern` (default: not a strategy or budget-category line), or with
  `numbered_fallback` every row. Passes when some document has `min_rows` entries and every one (`min_share`)
  carries `value`: amount (baht), month, day_period (start and end as day, month and year; a range of months
  fails), tax_id (13 digits) or text; in the `column_any` column when the cells are delimited, otherwise
  anywhere in the row provided the table's header names the column. Rows naming `skip_rows` are not judged;
  a header of four quarters gives every row its period; under a header of the twelve months (แบบ ผด.02) a
  row's period is its bar or marks, counted from the PDF's geometry (Source.timeline_rows) or read in its
  cells, and unknown when neither can be read. Numbers wrapped over lines by narrow cells are joined again.
  Fails naming the entries that lack the value (when some have it), or when no document has such rows. Values written in Thai digits in
  text that OCR read do not count (rules/sources.py, Source.number_text): when only they would make a
  document pass, the component is unknown, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from crawler.parse import fold
from crawler.thaitext import arabic_digits, match_key
from rules.catalog import ComponentDef
from rules.checks.base import Context, Finding, _hit, _named_sources, params_of
from rules.params import TableRowsParams
from rules.sources import OCR_THAI_DIGITS_TH, Bundle, Source, distrust_ocr_digits
from rules.thaidates import find_dates

_SEQ = re.compile(r"^\s*([0-9๐-๙]{1,3})(?:[.)](?![0-9๐-๙])\s*|\s*\|\s*|\s+|$)")  # "1 | …", "๒. …", "3" alone
_STOP = re.compile(r"^\s*(ส่วนที่|รวม|หมายเหตุ|\(?ลงชื่อ|ประกาศ\s*ณ|ณ\s*วันที่)")  # ends a wrapped table row
# Lines of a plan's or report's tables that are no project: strategies and budget categories (their own tables).
_NOT_PROJECT = r"(?:ยุทธศาสตร์|การพัฒนา|การบริหารจัดการ|ด้าน|แผนงาน|งาน\s|งบ|หมวด|รวม)"
# A quantity is no amount: "ขุดลอกความยาว 1,200 เมตร", "ผู้เข้าร่วม 1,500 คน" (a plan without budgets stays one).
_QUANTITY = (
    r"(?!\s*(?:เมตร|ม\.(?!\s?ค\.)|กม\.|กิโลเมตร|ตร\.\s?ม|ตารางเมตร|ไร่|คน|ราย(?!ละเอียด|งาน|ได้|จ่าย)|ครัวเรือน|แห่ง"
    r"|จุด|ชุด|เครื่อง|ลิตร|เล่ม|ชิ้น))"
)
_AMOUNT = re.compile(
    r"(?:(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?(?![\d,])|(?<![\d.,])(?:\d{3,}\.\d{2}|0\.00)(?![\d.]))"
    + _QUANTITY
    + r"|\d{3,}\s*บาท"
)
_MONTH = re.compile(
    r"(ม\.\s?ค\.|ก\.\s?พ\.|มี\.\s?ค\.|เม\.\s?ย\.|พ\.\s?ค\.|มิ\.\s?ย\.|ก\.\s?ค\.|ส\.\s?ค\.|ก\.\s?ย\.|ต\.\s?ค\.|พ\.\s?ย\.|"
    r"ธ\.\s?ค\.|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ไตรมาส)"
)
# What a Gantt's month cells hold when the period is written rather than drawn (a whole row of them: ■ ■ ■).
_MARK = re.compile(r"[■□▪▫▬━─―←→↔⟵⟶⟷✓✔✗●○◆◇►◄▶◀★☆*]")
_MONTH_ABBR = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
_TAX_ID = re.compile(r"(?<!\d)\d[-\s]?\d{4}[-\s]?\d{5}[-\s]?\d{2}[-\s]?\d(?!\d)")
_EMPTY_CELL = re.compile(r"^[\s\-–—.]*$|^ไม่มี$")
# A number that a narrow cell wrapped over lines ("๒\n,๔๘๗,๐๐๐\n.๐๐", "๐-๔๐๕๕-\n๖๑๐๐๐-๑๒-๓"): one number again.
# Also a hyphenated number (a tax id 1-4-5-2-1) wrapped before a hyphen: "๓-๔๑๐๑-๐๐๒๓๔-๕๖\n-๗".
_WRAPPED_NUMBER = re.compile(
    r"(?<=[0-9๐-๙])\n(?=[,.][0-9๐-๙])|(?<=[0-9๐-๙][,\-])[ \u00a0]*\n[ \u00a0]*(?=[0-9๐-๙])"
    r"|(?<=-[0-9๐-๙])[ \u00a0]*\n[ \u00a0]*(?=-[0-9๐-๙])|(?<=-[0-9๐-๙]{2})[ \u00a0]*\n[ \u00a0]*(?=-[0-9๐-๙])"
    r"|(?<=-[0-9๐-๙]{4})[ \u00a0]*\n[ \u00a0]*(?=-[0-9๐-๙])|(?<=-[0-9๐-๙]{5})[ \u00a0]*\n[ \u00a0]*(?=-[0-9๐-๙])"
)
_HEADER_LINES, _TIMELINE_LINES = 15, 60  # lines above a table read as its header; a Gantt's months wrap more
_HEADER_CHARS = 300  # characters (spaces aside) at least read as the header, however many lines they wrap over
_FRAGMENT = 4  # a line this short (in characters) is a piece of a wrapped cell, not a line of the header


@dataclass
class _Row:
    """One numbered row of a table: a page's <tr>, or a document's line "1 | …" / "1 …" with the lines
    pdftotext wrapped it onto."""

    number: int
    text: str  # Arabic digits; cells joined by " | "
    cells: list[str]
    raw: str  # the same as written (Thai digits kept), for OCR'd text whose Thai digits are not to be trusted
    header: list[str] | None  # the table's header cells, when its cells are delimited
    run: int  # which numbered sequence (table) the row belongs to

    @property
    def content(self) -> str:
        """The row after its number: where a project's or a purchase's name starts."""
        return self.text[_SEQ.match(self.text).end() :]  # type: ignore[union-attr]  # rows are lines _SEQ matched


def _lines(source: Source) -> list[list[str]]:
    html = source.html if source.kind != "document" else ""  # read once from the site, not kept
    if html:
        tree = LexborHTMLParser(html)
        rows = [[fold(c.text(separator=" ")) for c in tr.css("td, th")] for tr in tree.css("tr")]
    else:
        text = _WRAPPED_NUMBER.sub("", source.text)
        # Leading tabs are empty cells (a spreadsheet's second header row: "\t\t(บาท)\tกลาง"), kept for alignment.
        rows = [re.split(r"[ \u00a0]*[|\t][ \u00a0]*", line.strip(" \u00a0\r")) for line in text.splitlines()]
    return [cells for cells in rows if any(cells)]


def _table(source: Source) -> tuple[list[_Row], str, str]:
    """The numbered rows of a source's tables, the text above each table (its column headers), and more of it
    (a Gantt's month header, whose narrow cells wrap each month over two or three lines).

    A table is a run of rows numbered 1, 2, 3 …: a line starting with the next number continues the run, one
    starting with 1 begins another, any other line is text (a wrapped cell, a strategy heading, a number that
    is not the row's). Runs of prose ("๑. งบประมาณมีจำกัด …") are no tables: a table's rows carry amounts,
    dates or delimited cells."""
    rows: list[_Row] = []
    above: list[str] = []
    headers: list[str] = []
    timelines: list[str] = []
    header_cells: list[str] | None = None
    header_line = -1  # where in `above` the last header line was, to join a header's stacked lines
    expected, run, open_row = 0, 0, False
    for cells in _lines(source):
        text = arabic_digits(" | ".join(cells))
        seq = _SEQ.match(text)
        number = int(seq.group(1)) if seq else -1
        # A row's content starts with its name; "1 1,200,000" is a wrapped line's strategy number and amounts.
        starts = seq is not None and not re.match(r"\d", text[seq.end() :])
        if starts and (number == 1 or (number == expected and rows)):
            if number == 1:
                run += 1
                headers.append(" ".join(_last_lines(above, _HEADER_LINES)))
                timelines.append(" ".join(_last_lines(above, _TIMELINE_LINES)))
            header = header_cells if header_cells and len(header_cells) == len(cells) else None
            rows.append(_Row(number, text, cells, " | ".join(cells), header, run))
            expected, above, open_row, header_line = number + 1, [], len(cells) < 3, -1
            continue
        above.append(text)
        if len(cells) >= 3 and not _AMOUNT.search(text):
            header_cells = _stack(header_cells, cells) if header_line == len(above) - 1 else cells
            header_line = len(above)
        if _STOP.match(text) or len(cells) >= 3:
            open_row = False
        elif open_row and rows and len(rows[-1].text) < 600:
            rows[-1].text += " " + text
            rows[-1].raw += " " + " | ".join(cells)
    tables = {
        r.run
        for r in rows
        if 2 * sum(_tabular(x) for x in rows if x.run == r.run) >= sum(1 for x in rows if x.run == r.run)
    }
    return [r for r in rows if r.run in tables], " ".join(headers), " ".join(timelines)


def _stack(upper: list[str] | None, cells: list[str]) -> list[str]:
    """A header line under another: a header of two or three rows (a spreadsheet's wrapped or merged header cells,
    "เลขประจำตัว" over "ผู้เสียภาษี") names each column by its cells joined."""
    if upper is None:
        return cells
    width = max(len(upper), len(cells))  # a spreadsheet's row loses its empty trailing cells
    pad = [""] * width
    return [f"{a} {b}".strip() for a, b in zip((upper + pad)[:width], (cells + pad)[:width], strict=True)]


def _last_lines(lines: list[str], count: int) -> list[str]:
    """The last `count` lines, not counting the fragments a narrow cell wraps off a word ("ดำเนินกา" / "ร",
    "พ.ย" / "."), and at least the last _HEADER_CHARS characters: a header whose cells wrap line by line (the
    months of a spreadsheet's Gantt, one per line) keeps its column names ("งบประมาณ" / "(บาท)") in the window."""
    taken, chars = 0, 0
    for start in range(len(lines) - 1, -1, -1):
        size = len(match_key(lines[start]))
        taken, chars = taken + (size >= _FRAGMENT), chars + size
        if taken > count and chars > _HEADER_CHARS:
            return lines[start + 1 :]
    return lines


def _tabular(row: _Row) -> bool:
    """A table's row: delimited cells, an amount, a month, or a Gantt's marks (a ผด.02 without its budgets)."""
    return len(row.cells) >= 3 or bool(_AMOUNT.search(row.text) or _MONTH.search(row.text) or _MARK.search(row.text))


def _value(kind: str, text: str) -> bool:
    """Whether `text` (a cell, or a whole row) carries a value of `kind`."""
    if kind == "amount":
        return bool(_AMOUNT.search(text))
    if kind == "month":
        return bool(_MONTH.search(text) or find_dates(text))
    if kind == "day_period":
        return _day_period(text)
    if kind == "tax_id":
        return bool(_TAX_ID.search(text))
    if kind == "text":
        return not _EMPTY_CELL.match(text)
    raise ValueError(f"unknown value kind {kind!r}")


def _day_period(text: str) -> bool:
    """Start and end written as day, month and year: a range of days ("1 ธ.ค. 2565 - 29 ม.ค. 2566",
    "1 - 15 ต.ค. 68"), or a date (a one-day activity starts and ends that day). A range of months
    ("ต.ค. 67 - ก.ย. 68") is not."""
    return any(s.kind == "day" or (s.kind == "range" and _starts_with_day(s.text)) for s in find_dates(text))


def _starts_with_day(text: str) -> bool:
    sides = re.split(r"\s*(?:-|–|ถึง|จนถึง)\s*", arabic_digits(text), maxsplit=1)
    return len(sides) == 2 and all(re.match(r"\d", side) for side in sides)


def _carries(row: _Row, p: TableRowsParams, column_named: bool, ocr: bool = False) -> bool:
    """Whether a row has its value: in its column's cell when the table's cells are delimited; otherwise
    anywhere in the row, provided the table names the column (a free-text result is only checked by its
    column; with `value_any`, a row without cells must name one of those phrases). With `ocr`, values
    written in Thai digits do not count (Source.number_text)."""
    kind, columns = p.value, p.column_any
    if not kind:
        return True
    if columns and row.header is not None:
        keys = [match_key(c) for c in columns]
        index = next((i for i, h in enumerate(row.header) if any(k in match_key(h) for k in keys)), None)
        return index is not None and _value(kind, _digits(row.cells[index], ocr))
    if columns and not column_named:
        return False
    if kind == "text":
        return column_named or any(match_key(x) in match_key(row.text) for x in p.value_any)
    return _value(kind, distrust_ocr_digits(row.raw) if ocr else row.text)


def _digits(text: str, ocr: bool) -> str:
    return distrust_ocr_digits(text) if ocr else arabic_digits(text)


def _timeline(headers: str) -> str | None:
    """What timeline a table's header is: "months" (แบบ ผด.02, each project's months marked by a bar, an arrow or
    marks under them), "quarters" (a spending plan, amounts per quarter: those are its period), or None."""
    key = match_key(headers)
    if sum(match_key(m) in key for m in _MONTH_ABBR) >= 10:
        return "months"
    return "quarters" if key.count("ไตรมาส") >= 4 else None


UNDRAWN_TH = (
    "ระยะเวลาของโครงการแสดงเป็นแถบใต้คอลัมน์เดือนของตาราง ซึ่งอ่านจากเอกสารนี้ไม่ได้"
    " / the period of each project is drawn under the table's month columns, which could not be read from it"
)


def _drawn_periods(source: Source, rows: list[_Row]) -> list[_Row] | str:
    """The projects of a Gantt table (แบบ ผด.02) without a period, or why that cannot be told.

    The period is what lies under the month columns: bars, arrows and shaded cells (drawn shapes) or marks, which
    only their position ties to a row. A PDF's geometry gives how many rows have one (Source.timeline_rows): the
    projects beyond that count lack a period; which ones, the count cannot say, so the last are named. Without
    it (an HTML table, a spreadsheet) the marks of each row's own cells are read; when there are none, the bars
    may be drawn: unknown, not missing."""
    if source.timeline_rows is not None:
        return rows[source.timeline_rows :]
    if any(_MARK.search(r.content) for r in rows):
        return [r for r in rows if not _MARK.search(r.content)]
    return f"{UNDRAWN_TH} ({source.url})"


def table_rows(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    p = params_of(component, TableRowsParams)
    pattern, columns = p.row_pattern, p.column_any
    hits, best, seen_rows, distrusted, undrawn = [], None, False, [], []
    for source in _named_sources(bundle, p):
        numbered, headers, above = _table(source)
        if pattern:
            rows = [r for r in numbered if re.match(pattern, r.content)]
        else:
            rows = [r for r in numbered if not re.match(_NOT_PROJECT, r.content)]
        if not rows and p.numbered_fallback:
            rows = numbered  # no project rows (a spending plan by budget category): its lines are the entries
        skip = [match_key(x) for x in p.skip_rows]
        rows = [r for r in rows if not any(x in match_key(r.text) for x in skip)]
        if len(rows) < p.min_rows:
            continue
        seen_rows = True
        named = any(match_key(c) in match_key(headers) for c in columns)
        timeline = _timeline(above) if p.value == "month" else None
        ocr = source.ocr_digits_untrusted
        if timeline == "quarters":
            lacking = []
        elif timeline == "months":
            drawn = _drawn_periods(source, rows)
            if isinstance(drawn, str):
                undrawn.append(drawn)
                continue
            lacking = drawn
        else:
            lacking = [r for r in rows if not _carries(r, p, named, ocr)]
        if _enough(rows, lacking, p):
            hits.append(_hit(source, [c for c in columns if match_key(c) in source.key], p))
            continue
        if ocr and _enough(rows, [r for r in rows if not _carries(r, p, named)], p):
            distrusted.append(source)  # the values are there, in Thai digits that OCR read
        if best is None or len(lacking) < len(best[1]):
            best = (rows, lacking)
    if hits:
        return Finding(present=True, hits=hits)
    if distrusted:
        return Finding(present=False, unknown=f"{OCR_THAI_DIGITS_TH} ({distrusted[0].url})")
    if undrawn and best is None:
        return Finding(present=False, unknown=undrawn[0])
    if not seen_rows or best is None:
        return Finding(present=False, detail="ไม่พบรายการโครงการในตาราง / no table rows found")
    rows, lacking = best
    if len(lacking) == len(rows):
        return Finding(present=False, detail=f"ไม่พบในทั้ง {len(rows)} รายการ / in none of {len(rows)} rows")
    named_rows = [_row_name(r) for r in lacking[:3]]
    more = [f"และอีก {len(lacking) - 3} รายการ"] if len(lacking) > 3 else []
    return Finding(present=False, missing_parts=named_rows + more, detail=f"{len(lacking)}/{len(rows)} รายการ")


def _enough(rows: list[_Row], lacking: list[_Row], p: TableRowsParams) -> bool:
    return len(rows) - len(lacking) >= p.min_share * len(rows)


def _row_name(row: _Row) -> str:
    """A row's project or purchase, as a gap names it: its first cell, up to its first amount, ~60 characters."""
    name = row.content.split("|")[0]
    amount = _AMOUNT.search(name)
    name = fold(name[: amount.start()] if amount else name)
    return name if len(name) <= 60 else name[:60].rsplit(" ", 1)[0] + "…"
