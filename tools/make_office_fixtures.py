#!/usr/bin/env python3
"""Build the Word, Excel and hostile-file fixtures in tests/fixtures/documents/ (committed: tests need none of
the build-time packages).

Build-time only: needs python-docx and openpyxl (project dependencies) and xlwt, pypdf, msoffcrypto-tool
(`pip install xlwt pypdf msoffcrypto-tool`).

    python tools/make_office_fixtures.py

What it writes, and why each file exists:
  sko1-procurement-2568.xlsx    a สขร.1 procurement summary as agencies post it: merged title rows, Thai
                                column heads (ราคากลาง, เลขประจำตัวผู้เสียภาษี), amounts, a date cell, two sheets
  sko1-procurement-2567.xls     the same table in Excel 97-2003 format, as older sites still post it
  announcement-nogift-2569.docx a Word announcement: header, paragraphs, a table with a merged cell, footer
  hostile_encrypted.pdf         a PDF that needs a password to open
  hostile_owner-password.pdf    a PDF encrypted with an empty user password (print/copy limits only): readable
  hostile_encrypted.docx        a password-protected Word file (an OLE container around the encrypted zip)
Hostile files that are big or trivially made (zip bombs, huge images, 500-page PDFs, corrupt bytes) are
made by the tests themselves.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import docx
import openpyxl
import xlwt
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl.styles import Alignment, Font
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "documents"
sys.path.insert(0, str(ROOT))

from tests.crawler.support import make_pdf  # noqa: E402  (after the path set-up above)

FIXED = dt.datetime(2025, 10, 31, 9, 0, 0)  # document properties: reruns give the same content
AGENCY = "เทศบาลตำบลนากลาง อำเภอนากลาง จังหวัดหนองบัวลำภู"

SKO1_HEAD = [
    "ลำดับที่",
    "งานที่จัดซื้อหรือจัดจ้าง",
    "วงเงินที่จะซื้อหรือจ้าง (บาท)",
    "ราคากลาง (บาท)",
    "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
    "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
    "เลขประจำตัวผู้เสียภาษี",
    "เหตุผลที่คัดเลือกโดยสรุป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลง",
]
SKO1_OCTOBER = [
    [1, "จัดซื้อวัสดุสำนักงาน กองคลัง", 45000, 45000, "เฉพาะเจาะจง", "ร้านนากลางพาณิชย์ 44,500 บาท",
     "ร้านนากลางพาณิชย์ 44,500 บาท", "3390100456781", "เสนอราคาต่ำสุด", "ใบสั่งซื้อเลขที่ 1/2569"],
    [2, "จ้างซ่อมแซมถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", 480000, 475500.5, "เฉพาะเจาะจง",
     "หจก.ศรีบุญเรือนก่อสร้าง 470,000 บาท", "หจก.ศรีบุญเรือนก่อสร้าง 470,000 บาท", "0393556000123",
     "มีคุณสมบัติครบถ้วนและเสนอราคาต่ำสุด", "สัญญาจ้างเลขที่ 2/2569"],
    [3, "จัดซื้อน้ำมันเชื้อเพลิง", 30000, 30000, "เฉพาะเจาะจง", "สหกรณ์การเกษตรนากลาง 30,000 บาท",
     "สหกรณ์การเกษตรนากลาง 30,000 บาท", "0993000211456", "เป็นผู้ประกอบการในพื้นที่", "ใบสั่งซื้อเลขที่ 3/2569"],
]  # fmt: skip
SKO1_NOVEMBER = [
    [1, "จ้างเหมาบริการทำความสะอาดสำนักงาน", 90000, 90000, "เฉพาะเจาะจง", "นางสาวมาลี ใจงาม 90,000 บาท",
     "นางสาวมาลี ใจงาม 90,000 บาท", "1399900123456", "มีประสบการณ์", "สัญญาจ้างเลขที่ 4/2569"],
]  # fmt: skip

NOGIFT_BODY = [
    "ตามที่คณะรัฐมนตรีได้มีมติเห็นชอบแนวทางการปฏิบัติตามนโยบายไม่รับของขวัญและของกำนัลทุกชนิด"
    " จากการปฏิบัติหน้าที่ (No Gift Policy) เพื่อป้องกันการทุจริตและประพฤติมิชอบ",
    "เทศบาลตำบลนากลางจึงประกาศเจตนารมณ์ให้ผู้บริหาร สมาชิกสภา พนักงานเทศบาล ลูกจ้างประจำ และพนักงานจ้าง"
    " ไม่รับของขวัญหรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่ ประจำปีงบประมาณ พ.ศ. 2569",
]
NOGIFT_MEASURES = [
    ("ลำดับ", "มาตรการ", "ผู้รับผิดชอบ"),
    ("1", "ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่", "ทุกส่วนราชการ"),
    ("2", "เผยแพร่ประกาศทางเว็บไซต์และบอร์ดประชาสัมพันธ์", "สำนักปลัดเทศบาล"),
    ("3", "รายงานผลการดำเนินการต่อผู้บริหาร", "สำนักปลัดเทศบาล"),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write_xlsx(OUT / "sko1-procurement-2568.xlsx")
    write_xls(OUT / "sko1-procurement-2567.xls")
    (OUT / "announcement-nogift-2569.docx").write_bytes(nogift_docx())
    write_pdfs()
    write_encrypted_docx(OUT / "hostile_encrypted.docx")
    for path in sorted(OUT.glob("*")):
        if path.suffix in (".xlsx", ".xls", ".docx") or path.name.startswith("hostile_"):
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")


def write_xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    october = book.active
    october.title = "ต.ค. 2568"
    sko1_sheet(october, "ตุลาคม 2568", SKO1_OCTOBER, dt.date(2025, 10, 31))
    sko1_sheet(book.create_sheet("พ.ย. 2568"), "พฤศจิกายน 2568", SKO1_NOVEMBER, dt.date(2025, 11, 28))
    book.properties.created = book.properties.modified = FIXED
    book.properties.creator = "กองคลัง เทศบาลตำบลนากลาง"
    book.save(path)


def sko1_sheet(sheet, month: str, rows: list[list], reported: dt.date) -> None:  # type: ignore[no-untyped-def]
    width = len(SKO1_HEAD)
    titles = [
        "แบบ สขร.1",
        f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {month}",
        AGENCY,
    ]
    for number, title in enumerate(titles, start=1):
        sheet.cell(row=number, column=1, value=title).font = Font(bold=True, size=14)
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        sheet.cell(row=number, column=1).alignment = Alignment(horizontal="center")
    for column, head in enumerate(SKO1_HEAD, start=1):
        cell = sheet.cell(row=5, column=column, value=head)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=6 + offset, column=column, value=value)
            if isinstance(value, int | float) and column in (3, 4):
                cell.number_format = "#,##0.00"
    last = 6 + len(rows)
    sheet.cell(row=last + 1, column=2, value="รวมวงเงิน")
    sheet.cell(row=last + 1, column=3, value=f"=SUM(C6:C{last - 1})")
    sheet.cell(row=last + 3, column=2, value="วันที่รายงาน")
    sheet.cell(row=last + 3, column=3, value=reported).number_format = "d mmm yyyy"


def write_xls(path: Path) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("ต.ค. 2567")
    sheet.write(0, 0, "แบบ สขร.1")
    sheet.write(1, 0, "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567")
    sheet.write(2, 0, AGENCY)
    for column, head in enumerate(SKO1_HEAD):
        sheet.write(4, column, head)
    for offset, row in enumerate(SKO1_OCTOBER):
        for column, value in enumerate(row):
            sheet.write(5 + offset, column, value)
    dated = xlwt.XFStyle()
    dated.num_format_str = "d/m/yyyy"
    sheet.write(9, 1, "วันที่รายงาน")
    sheet.write(9, 2, dt.date(2024, 10, 31), dated)
    book.save(str(path))


def nogift_docx() -> bytes:
    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = FIXED
    document.core_properties.author = "สำนักปลัดเทศบาล"
    style = document.styles["Normal"]
    style.font.name = "TH Sarabun New"
    style.font.size = Pt(16)
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "เทศบาลตำบลนากลาง"
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    footer.paragraphs[0].text = "โทรศัพท์ 0 4235 9123 www.nakhlang.go.th"
    for line in ("ประกาศเทศบาลตำบลนากลาง", "เรื่อง ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy)"):
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in NOGIFT_BODY:
        document.add_paragraph(text)
    table = document.add_table(rows=len(NOGIFT_MEASURES) + 1, cols=3)
    table.style = "Table Grid"
    for row, values in enumerate(NOGIFT_MEASURES):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    merged = table.cell(len(NOGIFT_MEASURES), 0).merge(table.cell(len(NOGIFT_MEASURES), 2))
    merged.text = "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"
    for line in ("ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2568", "(นายสมชาย ใจดี)", "นายกเทศมนตรีตำบลนากลาง"):
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_pdfs() -> None:
    source = make_pdf(["No Gift Policy 2569", "Nakhlang Municipality announces a no gift policy."])
    for name, user_password in (("hostile_encrypted.pdf", "nakhlang"), ("hostile_owner-password.pdf", "")):
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
        writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
        writer.add_metadata({"/Producer": "oit fixtures"})
        out = io.BytesIO()
        writer.write(out)
        (OUT / name).write_bytes(out.getvalue())


def write_encrypted_docx(path: Path) -> None:
    plain = io.BytesIO(nogift_docx())
    encrypted = io.BytesIO()
    office = OOXMLFile(plain)
    office.encrypt("nakhlang", encrypted)
    path.write_bytes(encrypted.getvalue())


if __name__ == "__main__":
    main()
