"""Plans and procurement summaries made by real producers at test time, read by the crawler's own extractor.

- a spreadsheet (openpyxl, as an อปท. types the ผด.02 or the annual summary in Excel): a header of two rows whose
  cells split the column names ("งบประมาณ" over "(บาท)", "เลขประจำตัว" over "ผู้เสียภาษี"), Thai digits typed as
  text, the period marked ● under the month columns;
- a PDF (fpdf2, a table of narrow columns as Word prints it): every header cell and most data cells wrap over
  two to four lines, so pdftotext -raw interleaves them as real forms do.

Each builder can leave out what an assessor would find missing (the budgets, the ราคากลาง column, the tax ids,
the count), so a test can say "the same document, without its tax ids"."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from crawler.documents import extract_text
from tests.rules.sitebuilder import Read

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_FONT = Path("/usr/share/fonts/truetype/tlwg/Norasi.ttf")
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
AGENCY = "องค์การบริหารส่วนตำบลหนองแวงใหญ่ อำเภอชุมแพ จังหวัดขอนแก่น"

# (project, detail, budget, place, unit, first month, months)
_PROJECTS = [
    ("โครงการก่อสร้างถนน คสล. สายหนองแวง-โนนสูง", "กว้าง 5 เมตร ยาว 1,150 เมตร", "1,837,000", "หมู่ 4", "กองช่าง", 1, 4),
    ("โครงการขุดลอกหนองสาธารณะ", "ขุดลอกพื้นที่ 3,200 ตร.ม.", "268,500", "หมู่ 9", "กองช่าง", 4, 2),
    ("โครงการฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน", "ผู้เข้าอบรม 120 คน", "95,000", "ที่ทำการ อบต.", "สำนักปลัด", 6, 1),
    ("โครงการจัดซื้อวัสดุการเกษตร", "เมล็ดพันธุ์และปุ๋ยอินทรีย์", "45,600", "ทุกหมู่บ้าน", "สำนักปลัด", 7, 3),
]

# (purchase, budget, reference price, method, vendor, tax id, agreed price)
_PURCHASES = [
    (
        "ก่อสร้างถนน คสล. สายหนองแวง-โนนสูง หมู่ 4",
        "1,837,000.00",
        "1,829,400.00",
        "e-bidding",
        "ห้างหุ้นส่วนจำกัด ชุมแพรุ่งเรืองก่อสร้าง",
        "0403559001876",
        "1,640,000.00",
    ),
    (
        "ปรับปรุงอาคารศูนย์พัฒนาเด็กเล็ก",
        "498,000.00",
        "497,250.00",
        "เฉพาะเจาะจง",
        "ร้านช่างสมบัติการโยธา",
        "3-4012-00577-31-2",
        "495,000.00",
    ),
    (
        "ค่าอาหารเสริม (นม) โรงเรียน ภาคเรียนที่ 1/2568",
        "612,480.80",
        "612,480.80",
        "เฉพาะเจาะจง",
        "สหกรณ์โคนมขอนแก่น จำกัด",
        "0405537000412",
        "612,480.80",
    ),
    (
        "เช่าเครื่องถ่ายเอกสาร 12 เดือน",
        "48,000.00",
        "48,000.00",
        "เฉพาะเจาะจง",
        "บริษัท ขอนแก่นออฟฟิศซัพพลาย จำกัด",
        "0405560004471",
        "46,800.00",
    ),
]


def read(body: bytes, kind: str) -> Read:
    """A document as the crawler reads it."""
    result = asyncio.run(extract_text(body, kind))
    assert result.error is None and result.text, (kind, result.error)
    return Read(result.text, result.timeline_rows, result.extractor or "")


def _thai(text: str) -> str:
    return text.translate(_THAI)


def plan_xlsx(budget: bool = True) -> bytes:
    """แบบ ผด.02 typed in Excel, Thai digits: a two-row header, one column per month, ● under each project's months."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "ผด.02"
    sheet.append([f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {_thai('2569')}"])
    sheet.append([AGENCY])
    sheet.append(["บัญชีโครงการ/กิจกรรม/งบประมาณ"])
    money = ["งบประมาณ"] if budget else []
    sheet.append(
        [
            "ที่",
            "โครงการ/กิจกรรม",
            "รายละเอียดของกิจกรรม",
            *money,
            "สถานที่",
            "หน่วยงาน",
            f"พ.ศ. {_thai('2568')}",
            "",
            "",
            f"พ.ศ. {_thai('2569')}",
        ]
    )
    unit = ["(บาท)"] if budget else []
    sheet.append(["", "", "ที่เกิดขึ้นจากโครงการ", *unit, "ดำเนินการ", "รับผิดชอบหลัก", *MONTHS])
    for number, (name, detail, amount, place, office, first, span) in enumerate(_PROJECTS, 1):
        marks = ["●" if first <= m < first + span else None for m in range(1, 13)]
        money_cell = [_thai(amount)] if budget else []
        sheet.append([_thai(str(number)), name, _thai(detail), *money_cell, place, office, *marks])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def annual_xlsx(refprice: bool = True, taxid: bool = True, count: bool = True) -> bytes:
    """The annual procurement summary typed in Excel, Thai digits: the count in a line above the table, a header of
    two rows ("ราคา" over "กลาง (บาท)", "เลขประจำตัว" over "ผู้เสียภาษี"), tax ids typed as text."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "สรุปผล"
    sheet.append([f"รายงานผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {_thai('2568')}"])
    sheet.append([AGENCY])
    if count:
        sheet.append([f"จัดซื้อจัดจ้างทั้งหมด จำนวน {_thai('37')} รายการ"])
    sheet.append([f"วงเงินรวมทั้งสิ้น {_thai('3,105,880.80')} บาท"])
    ref_top, ref_low = (["ราคา"], ["กลาง (บาท)"]) if refprice else ([], [])
    tax_top, tax_low = (["เลขประจำตัว"], ["ผู้เสียภาษี"]) if taxid else ([], [])
    sheet.append(["ลำดับ", "งานที่ซื้อหรือจ้าง", "วงเงิน", *ref_top, "วิธีซื้อ", "ผู้ได้รับ", *tax_top, "ราคาที่ตกลง"])
    sheet.append(["", "", "(บาท)", *ref_low, "หรือจ้าง", "การคัดเลือก", *tax_low, "(บาท)"])
    for number, (name, money, ref, method, vendor, tax, agreed) in enumerate(_PURCHASES, 1):
        ref_cell = [_thai(ref)] if refprice else []
        tax_cell = [_thai(tax)] if taxid else []
        sheet.append(
            [_thai(str(number)), _thai(name), _thai(money), *ref_cell, method, vendor, *tax_cell, _thai(agreed)]
        )
    sheet.append(["ปัญหาอุปสรรค"])
    sheet.append(["ผู้ประกอบการในพื้นที่มีน้อย บางโครงการต้องประกาศซ้ำ"])
    sheet.append(["ข้อเสนอแนะ"])
    sheet.append(["ส่งเสริมให้ผู้ประกอบการในตำบลลงทะเบียนในระบบ e-GP"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def annual_pdf(refprice: bool = True, taxid: bool = True) -> bytes:
    """The annual procurement summary printed from Word (fpdf2), Arabic digits: the count in a sentence ("รวม 25
    สัญญา"), narrow columns whose header cells and data cells wrap over several lines."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.add_font("T", "", str(_FONT))
    pdf.add_font("T", "B", str(_FONT.with_name("Norasi-Bold.ttf")))  # the table's header row
    pdf.set_font("T", size=13)
    pdf.add_page()
    for line in (
        "รายงานผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2568",
        AGENCY,
        "ในปีงบประมาณ พ.ศ. 2568 องค์การบริหารส่วนตำบลหนองแวงใหญ่ได้ลงนามในสัญญาและข้อตกลง รวม 25 สัญญา",
        "มูลค่ารวม 3,105,880.80 บาท ดังนี้",
    ):
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    columns: list[tuple[str, float, int]] = [  # header, width (mm), field of _PURCHASES (-1: the row's number)
        ("ที่", 10, -1),
        ("งานที่ซื้อ\nหรือจ้าง", 58, 0),
        ("วงเงิน\nงบประมาณ\n(บาท)", 26, 1),
        *([("ราคา\nกลาง\n(บาท)", 26, 2)] if refprice else []),
        ("วิธีซื้อ\nหรือจ้าง", 24, 3),
        ("ผู้ได้รับ\nการ\nคัดเลือก", 40, 4),
        *([("เลขประจำ\nตัวผู้เสีย\nภาษี", 34, 5)] if taxid else []),
        ("ราคาที่\nตกลง\n(บาท)", 26, 6),
    ]
    with pdf.table(col_widths=[w for _, w, _ in columns], text_align="LEFT", line_height=6) as table:
        header = table.row()
        for title, _, _ in columns:
            header.cell(title)
        for number, purchase in enumerate(_PURCHASES, 1):
            row = table.row()
            for _, _, index in columns:
                row.cell(str(number) if index < 0 else purchase[index])
    pdf.cell(0, 8, "ปัญหาและอุปสรรค: ผู้ประกอบการในพื้นที่มีน้อย", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "ข้อเสนอแนะ: ประชาสัมพันธ์ให้ผู้ประกอบการลงทะเบียนในระบบ e-GP", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
