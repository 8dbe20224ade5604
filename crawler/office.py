"""Text from Word and Excel files, and what a file really is, whatever its URL or content type claims.

- .docx: python-docx; paragraphs and tables in document order, then text boxes, headers and footers.
- .xlsx: openpyxl in read-only (streaming) mode; every sheet, its name first, one line per row, cells as
  the values Excel last computed.
- .xls: xlrd (maintained, pure Python, pandas' reader for .xls; reads Thai code pages).
- .doc, .ppt, .pptx, .rtf, OpenDocument: no well-kept pure-Python reader, so "unsupported"; the item is
  "unknown", never "missing". (A LibreOffice conversion could read them later.)
- "Excel" files that are really HTML or XML tables (a common export) are read as markup.

Readers run in a worker thread with a Deadline and caps on text and cells; guards.zip_reason has checked
the archive before any of them unpacks it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, cast

from crawler.decode import decode_html
from crawler.guards import ENCRYPTED, Deadline, Unreadable, corrupt, zip_reason
from crawler.images import read_image
from crawler.parse import parse_html
from crawler.thaitext import normalize_thai

MAX_TEXT_CHARS = 2_000_000  # far more than any evidence document; stops a runaway sheet early
MAX_CELLS = 2_000_000
CHECK_EVERY = 500  # rows or blocks between deadline checks
OFFICE_TIMEOUT = 60.0  # seconds for one Office file; real ones take well under a second

NO_TEXT = "ไม่มีข้อความในไฟล์ / no text in the file"
UNSUPPORTED = {
    "doc": "Word 97-2003 (.doc)",
    "ppt": "PowerPoint 97-2003 (.ppt)",
    "ole": "Office 97-2003",
    "pptx": "PowerPoint (.pptx)",
    "rtf": "RTF",
    "odf": "OpenDocument (.odt/.ods)",
    "zip": "ZIP",
}

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a", b"BM")
_OFFICE_CLAIMS = ("doc", "docx", "xls", "xlsx")  # extensions that Office "save as web page" exports keep


if TYPE_CHECKING:  # the readers are imported where they are used: most scans never open an Office file
    import xlrd
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph


def actual_kind(data: bytes, claimed: str) -> str:
    """The kind to read the bytes as. Binary signatures win over the URL and content type; markup only
    where an Office file was claimed (an HTML error page served for a .pdf stays a broken PDF)."""
    found = sniff(data)
    if found is None or (found == "markup" and claimed not in _OFFICE_CLAIMS):
        return claimed
    return found


async def read_other(data: bytes, kind: str, budget: object = None) -> tuple[str, str | None, str | None]:
    """(text, extractor, error) of a document that is not a PDF; never raises for a bad file. `budget` is the
    scan's OCR budget, spent by images."""
    try:
        if kind == "image":
            text, extractor = await read_image(data, budget)
        else:
            text, extractor = await asyncio.to_thread(read_office, data, kind, Deadline(OFFICE_TIMEOUT))
    except Unreadable as exc:
        return "", None, str(exc)
    text = normalize_thai(text)
    return (text, extractor, None) if text.strip() else ("", extractor, NO_TEXT)


def sniff(data: bytes) -> str | None:
    """The format the bytes are in: 'pdf', 'docx', 'xlsx', 'xls', 'image', 'markup', 'encrypted-office',
    'broken-zip', a key of UNSUPPORTED, or None when unknown. Sites mislabel files often (octet-stream for
    everything, an .xls that is an HTML table, an .xlsx renamed .xls)."""
    head = data[:16]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    if head.startswith(_OLE):
        return _sniff_ole(data)
    if head.startswith(_IMAGE_MAGIC) or (head.startswith(b"RIFF") and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if data[:512].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith(b"<"):
        return "markup"
    return None


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return "broken-zip"  # a truncated download, most often
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    return "odf" if "mimetype" in names and "content.xml" in names else "zip"


def _sniff_ole(data: bytes) -> str:
    """Old Office files are OLE containers; the names of their streams (UTF-16 in the directory) tell them apart."""
    if _utf16("EncryptedPackage") in data:
        return "encrypted-office"  # a password-protected .docx/.xlsx is an OLE file around the encrypted zip
    if _utf16("WordDocument") in data:
        return "doc"
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "xls"
    if _utf16("PowerPoint Document") in data:
        return "ppt"
    return "ole"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def read_office(data: bytes, kind: str, deadline: Deadline) -> tuple[str, str]:
    """(text, extractor) of an Office-like file; raises Unreadable with the reason."""
    if kind == "encrypted-office":
        raise Unreadable(ENCRYPTED)
    if kind == "broken-zip":
        raise corrupt("ZIP ไม่สมบูรณ์ / truncated or damaged zip")
    if kind in UNSUPPORTED:
        raise Unreadable(f"ยังไม่รองรับรูปแบบไฟล์ {UNSUPPORTED[kind]} / unsupported format: {UNSUPPORTED[kind]}")
    if kind in ("docx", "xlsx"):
        reason = zip_reason(data)
        if reason:
            raise Unreadable(reason)
    if kind not in _READERS:
        raise Unreadable(f"ยังไม่รองรับรูปแบบไฟล์นี้ / unsupported document format ({kind})")
    try:
        lines = _capped(_READERS[kind](data, deadline))
        return "\n".join(lines), _EXTRACTOR[kind]
    except Unreadable:
        raise
    except Exception as exc:  # third-party parsers raise anything (KeyError, lxml errors…) on a broken file
        raise corrupt(f"{type(exc).__name__}: {exc}") from exc


_EXTRACTOR = {"docx": "python-docx", "xlsx": "openpyxl", "xls": "xlrd", "markup": "html"}


def _capped(lines: Iterable[str]) -> list[str]:
    kept: list[str] = []
    total = 0
    for line in lines:
        total += len(line) + 1
        if total > MAX_TEXT_CHARS:
            break
        kept.append(line)
    return kept


# --- Word -----------------------------------------------------------------------------------------------


def _docx(data: bytes, deadline: Deadline) -> Iterator[str]:
    import docx
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    seen: set[str] = set()
    for count, block in enumerate(document.iter_inner_content()):
        if count % CHECK_EVERY == 0:
            deadline.check()
        yield from _block_lines(block, seen)
    # Text boxes (letterheads, stamps) sit inside drawings that the paragraph API skips. Word stores each twice
    # (a modern shape and a legacy fallback), hence the de-duplication.
    for node in document.element.body.xpath(".//w:txbxContent//w:p"):
        yield from _once(Paragraph(node, document).text, seen)
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                for block in part.iter_inner_content():
                    yield from _block_lines(block, seen)


def _block_lines(block: Paragraph | Table, seen: set[str]) -> Iterator[str]:
    from docx.text.paragraph import Paragraph

    if isinstance(block, Paragraph):
        if block.text.strip():
            seen.add(block.text.strip())
            yield block.text
        return
    yield from _table_lines(block)


def _table_lines(table: Table) -> Iterator[str]:
    """One line per row, cells separated by tabs; a merged cell (repeated by python-docx) once."""
    for row in table.rows:
        cells: list[str] = []
        last = None
        for cell in row.cells:
            if cell._tc is last:
                continue
            last = cell._tc
            cells.append(" ".join(_cell_text(cell)))
        if any(c.strip() for c in cells):
            yield "\t".join(cells)


def _cell_text(cell: _Cell) -> Iterator[str]:
    from docx.text.paragraph import Paragraph

    for block in cell.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                yield block.text.strip()
        else:
            yield from _table_lines(block)  # a table inside a cell, flattened into it


def _once(text: str, seen: set[str]) -> Iterator[str]:
    key = text.strip()
    if key and key not in seen:
        seen.add(key)
        yield text


# --- Excel ----------------------------------------------------------------------------------------------


def _xlsx(data: bytes, deadline: Deadline) -> Iterator[str]:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    cells = 0
    try:
        for sheet in workbook.worksheets:
            yield sheet.title
            sheet.reset_dimensions()  # a declared range of A1:XFD1048576 would pad every row to 16,384 cells
            for number, row in enumerate(sheet.iter_rows(values_only=True)):
                if number % CHECK_EVERY == 0:
                    deadline.check()
                if not row:
                    continue  # a row missing from the file (openpyxl fills gaps up to the next row number)
                cells += len(row)
                if cells > MAX_CELLS:
                    return
                line = _row_line(row)
                if line:
                    yield line
    finally:
        workbook.close()


def _xls(data: bytes, deadline: Deadline) -> Iterator[str]:
    import xlrd
    from xlrd.biffh import XLRDError  # xlrd exports it too, but types-xlrd leaves that out

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise Unreadable(ENCRYPTED) from exc
        raise
    cells = 0
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            yield sheet.name
            for number in range(sheet.nrows):
                if number % CHECK_EVERY == 0:
                    deadline.check()
                row = sheet.row(number)
                cells += len(row)
                if cells > MAX_CELLS:
                    return
                line = _row_line(_xls_value(cell, book.datemode) for cell in row)
                if line:
                    yield line
            book.unload_sheet(index)
    finally:
        book.release_resources()


def _xls_value(cell: xlrd.sheet.Cell, datemode: Literal[0, 1]) -> object:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cast(float, cell.value), datemode)  # a date cell holds a serial number
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    return cell.value


def _row_line(values: Iterable[object]) -> str:
    cells = [_cell_value(v) for v in values]
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells) if any(cells) else ""


def _cell_value(value: object) -> str:
    """A cell as a reader sees it. Dates in Buddhist Era (d/m/yyyy), as Thai documents write them, which the
    date parser reads back unambiguously."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(round(value, 2))
    if isinstance(value, dt.datetime | dt.date):
        if isinstance(value, dt.datetime) and value.time() != dt.time() and value.year < 1901:
            return value.strftime("%H:%M")  # a time of day, which Excel stores as a date in 1899/1900
        return f"{value.day}/{value.month}/{value.year + 543}"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return " ".join(str(value).split())


# --- markup ----------------------------------------------------------------------------------------------


def _markup(data: bytes, deadline: Deadline) -> Iterator[str]:
    """An HTML or SpreadsheetML table saved with an Office extension: its visible text."""
    html, _ = decode_html(data, "")
    yield parse_html(html, "http://localhost/").text


_READERS = {"docx": _docx, "xlsx": _xlsx, "xls": _xls, "markup": _markup}
