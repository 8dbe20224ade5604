#!/usr/bin/env python3
"""Build the standard-form PDF fixtures in tests/fixtures/documents/forms/ (committed: tests need neither
LibreOffice nor Chromium).

Build-time only: needs python-docx, playwright with /usr/bin/chromium, LibreOffice Writer (Debian's
libreoffice-writer-nogui) and fonts-thai-tlwg.

    python tools/make_form_fixtures.py

Every form of shared/ita/document-forms.md that an อปท. fills in, as it is published: ผ.02, ผด.01 + ผด.02 (the
action plan, its period drawn as bars or written as mark characters under twelve month columns), สขร.1 (a month
with purchases and a month without), the annual procurement summary with vendors' tax ids, a signed No Gift
announcement, and the O7 report with each project's start and end dates. Each form in Thai digits (`thai`) and
Arabic digits (`arabic`), from two producers:
  lo        python-docx -> LibreOffice Writer -> PDF (the usual Word-to-PDF route; period bars as shaded cells)
  chromium  an HTML table printed by Chromium (Skia; period bars as SVG arrows: vector paths, no text)
Cells are narrow, so names and descriptions wrap over several lines as in real forms. The defects an assessor
fails (a ผด.02 without budgets, a สขร.1 without its ราคากลาง column, an annual summary without tax ids, an O7
report whose periods are month names only, a ผด.02 whose month columns are empty) are built the same way, in
Thai digits.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "documents" / "forms"
FONT = "Laksaman"  # TLWG's TH Sarabun look-alike
CHROMIUM = "/usr/bin/chromium"
AGENCY = "องค์การบริหารส่วนตำบลโคกสว่าง อำเภอพล จังหวัดขอนแก่น"
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@dataclass
class Cell:
    text: str = ""
    span: int = 1  # columns
    shade: bool = False  # a drawn period bar through this cell (shaded in Word, an arrow in HTML)
    bar: int = 0  # on the first cell of a bar: how many month columns the arrow crosses (HTML)


@dataclass
class Table:
    widths: list[float]  # mm
    header: list[list[Cell]]
    rows: list[list[Cell]]
    small: bool = False


@dataclass
class Form:
    landscape: bool
    blocks: list[str | Table]  # a paragraph ("^" centred, ">" right-aligned, "\f" a page break) or a table
    style: dict[str, str] = field(default_factory=dict)


def _cells(*texts: str) -> list[Cell]:
    return [Cell(t) for t in texts]


# --- the forms -------------------------------------------------------------------------------------------------
def p02() -> Form:
    """แบบ ผ.02: รายละเอียดโครงการพัฒนา of the five-year plan (O5)."""
    years = [Cell(f"{y}\n(บาท)") for y in range(2566, 2571)]
    header = [
        [
            *_cells("ที่", "โครงการ", "วัตถุประสงค์", "เป้าหมาย (ผลผลิตของโครงการ)"),
            Cell("งบประมาณ", span=5),
            *_cells("ตัวชี้วัด (KPI)", "ผลลัพธ์ที่คาดว่าจะได้รับ", "หน่วยงานรับผิดชอบหลัก"),
        ],
        [Cell(), Cell(), Cell(), Cell(), *years, Cell(), Cell(), Cell()],
    ]
    rows = [
        ["1", "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองไผ่ - บ้านโนนสำราญ หมู่ที่ 7", "เพื่อให้ประชาชนสัญจรไปมาได้สะดวกและปลอดภัย", "ถนน คสล. กว้าง 5 เมตร ยาว 400 เมตร หนา 0.15 เมตร", "-", "-", "1,240,000", "1,240,000", "-", "ถนน คสล. 1 สาย", "ประชาชนสัญจรสะดวก", "กองช่าง"],
        ["2", "โครงการวางท่อระบายน้ำ คสล. พร้อมบ่อพัก บ้านโคกสว่าง หมู่ที่ 2", "เพื่อแก้ไขปัญหาน้ำท่วมขังในหมู่บ้าน", "ท่อ คสล. ขนาด 0.40 เมตร ยาว 200 เมตร", "-", "637,000", "637,000", "-", "-", "ร้อยละ 80 ของครัวเรือนไม่มีน้ำท่วมขัง", "น้ำไม่ท่วมขัง", "กองช่าง"],
        ["3", "โครงการขยายเขตไฟฟ้าแรงต่ำ เพื่อการเกษตร หมู่ที่ 4", "เพื่อให้เกษตรกรมีไฟฟ้าใช้ในการเกษตร", "ขยายเขตไฟฟ้า ระยะทาง 1,000 เมตร", "-", "-", "450,000", "450,000", "450,000", "เกษตรกร 30 ครัวเรือน", "เกษตรกรมีไฟฟ้าใช้", "กองช่าง"],
    ]  # fmt: skip
    table = Table([8, 38, 30, 30, 15, 15, 15, 15, 15, 24, 24, 18], header, [_cells(*r) for r in rows], small=True)
    return Form(
        True,
        [
            ">แบบ ผ.02",
            "^รายละเอียดโครงการพัฒนา",
            "^แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)",
            f"^{AGENCY}",
            "ก. ยุทธศาสตร์จังหวัดที่ 2 การพัฒนาโครงสร้างพื้นฐานและระบบโลจิสติกส์",
            "ข. ยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดที่ 1 การพัฒนาโครงสร้างพื้นฐาน",
            "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
            "1.1 แผนงานอุตสาหกรรมและการโยธา",
            table,
        ],
    )


def pd01() -> list[str | Table]:
    """แบบ ผด.01: บัญชีสรุปจำนวนโครงการและงบประมาณ, one row per strategy and work plan."""
    header = [
        _cells(
            "ยุทธศาสตร์/แนวทาง",
            "จำนวนโครงการที่ดำเนินการ",
            "คิดเป็นร้อยละของโครงการทั้งหมด",
            "จำนวนงบประมาณ",
            "คิดเป็นร้อยละของงบประมาณทั้งหมด",
            "หน่วยดำเนินการ",
        )
    ]
    rows = [
        ["1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", "", "", "", "", ""],
        ["1.1 แผนงานอุตสาหกรรมและการโยธา", "3", "60.00", "1,877,000", "84.36", "กองช่าง"],
        ["2. ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต", "", "", "", "", ""],
        ["2.1 แผนงานสาธารณสุข", "2", "40.00", "348,000", "15.64", "กองสาธารณสุขและสิ่งแวดล้อม"],
        ["รวม", "5", "100.00", "2,225,000", "100.00", ""],
    ]
    return [
        ">แบบ ผด.01",
        "^บัญชีสรุปจำนวนโครงการและงบประมาณ",
        "^แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569",
        f"^{AGENCY}",
        Table([80, 30, 30, 35, 30, 50], header, [_cells(*r) for r in rows]),
    ]


# (name, description, budget as written, place, unit, first and last month index 0-11)
PROJECTS = [
    ("โครงการวางท่อระบายน้ำ คสล. พร้อมบ่อพัก บ้านโคกสว่าง หมู่ที่ 2", "วางท่อระบายน้ำ คสล. ขนาด 0.40 เมตร ยาว 200 เมตร ตามแบบ อบต. กำหนด", "637,000", "หมู่ที่ 2", "กองช่าง", 3, 5),
    ("โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองไผ่ - บ้านโนนสำราญ หมู่ที่ 7", "ถนน คสล. กว้าง 5 เมตร ยาว 400 เมตร หนา 0.15 เมตร หรือพื้นที่ไม่น้อยกว่า 2,000 ตารางเมตร", "1,240,000.00", "หมู่ที่ 7", "กองช่าง", 1, 4),
    ("โครงการขยายเขตไฟฟ้าแรงต่ำ เพื่อการเกษตร", "ขยายเขตไฟฟ้าแรงต่ำ ระยะทาง 1,000 เมตร", "450,000.-", "หมู่ที่ 4", "กองช่าง", 6, 8),
    ("โครงการป้องกันและควบคุมโรคไข้เลือดออก", "พ่นหมอกควันและแจกทรายอะเบท ทุกหมู่บ้าน", "48,000.-", "หมู่ที่ 1 - 12", "กองสาธารณสุขและสิ่งแวดล้อม", 0, 11),
    ("โครงการสัตว์ปลอดโรค คนปลอดภัย จากโรคพิษสุนัขบ้า", "ฉีดวัคซีนและทำหมันสุนัขและแมว", "300,000", "หมู่ที่ 1 - 12", "กองสาธารณสุขและสิ่งแวดล้อม", 4, 4),
]  # fmt: skip
_MARKS = ["■", "✓", "arrow"]


def _months(first: int, last: int, gantt: str, row: int) -> list[Cell]:
    cells = [Cell() for _ in MONTHS]
    if gantt == "none":
        return cells
    if gantt == "shapes":
        for i in range(first, last + 1):
            cells[i].shade = True
        cells[first].bar = last - first + 1
        return cells
    mark = _MARKS[row % len(_MARKS)]
    for i in range(first, last + 1):
        if mark != "arrow":
            cells[i].text = mark
        elif first == last:
            cells[i].text = "↔"
        else:
            cells[i].text = "←" if i == first else "→" if i == last else "―"
    return cells


def pd02(gantt: str, budgets: bool = True) -> list[str | Table]:
    """แบบ ผด.02: บัญชีโครงการ/กิจกรรม/งบประมาณ; the period under twelve month columns."""
    header = [
        [
            *_cells("ที่", "โครงการ/กิจกรรม", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "งบประมาณ (บาท)"),
            *_cells("สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"),
            Cell("พ.ศ. 2568", span=3),
            Cell("พ.ศ. 2569", span=9),
        ],
        [*(Cell() for _ in range(6)), *(Cell(m) for m in MONTHS)],
    ]
    rows = []
    for i, (name, what, budget, place, unit, first, last) in enumerate(PROJECTS):
        rows.append([Cell(str(i + 1)), *_cells(name, what, budget if budgets else "", place, unit)])
        rows[-1] += _months(first, last, gantt, i)
    part1, part2 = rows[:3], rows[3:]
    for r in part2:
        r[0].text = str(int(r[0].text) - 3)
    widths = [8, 42, 42, 20, 18, 22] + [9.5] * 12
    return [
        ">แบบ ผด.02",
        "^บัญชีโครงการ/กิจกรรม/งบประมาณ",
        "^แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569",
        f"^{AGENCY}",
        "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
        "1.1 แผนงานอุตสาหกรรมและการโยธา",
        Table(widths, header, part1, small=True),
        "2. ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต",
        "2.1 แผนงานสาธารณสุข",
        Table(widths, header, part2, small=True),
    ]


def action_plan(gantt: str) -> Form:
    return Form(True, [*pd01(), "\f", *pd02(gantt)])


SKR1_COLUMNS = [
    "ลำดับที่",
    "งานจัดซื้อจัดจ้าง",
    "วงเงินที่จะซื้อหรือจ้าง (บาท)",
    "ราคากลาง (บาท)",
    "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
    "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
    "เหตุผลที่คัดเลือกโดยสังเขป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
]
SKR1_ROWS = [
    ["1", "จัดซื้อวัสดุสำนักงาน (กระดาษ หมึกพิมพ์) สำนักปลัด", "8,450.00", "8,450.00", "เฉพาะเจาะจง", "ร้านโคกสว่างพาณิชย์ 8,450.00", "ร้านโคกสว่างพาณิชย์ 8,450.00", "เป็นผู้มีอาชีพขายและเสนอราคาไม่เกินวงเงินงบประมาณ", "ใบสั่งซื้อเลขที่ 3/2569 ลว. 9 ต.ค. 2568"],
    ["2", "จ้างเหมาบริการจัดเก็บขยะมูลฝอย ประจำเดือนตุลาคม 2568", "9,000.00", "9,000.00", "เฉพาะเจาะจง", "นายบุญมี ทองดี 9,000.00", "นายบุญมี ทองดี 9,000.00", "เป็นผู้มีคุณสมบัติครบถ้วนและเสนอราคาไม่เกินวงเงิน", "ใบสั่งจ้างเลขที่ 1/2569 ลว. 1 ต.ค. 2568"],
    ["3", "จ้างซ่อมแซมรถบรรทุกน้ำอเนกประสงค์ บธ 1234", "36,500.00", "36,500.00", "เฉพาะเจาะจง", "อู่ช่างเล็กการช่าง 36,000.00", "อู่ช่างเล็กการช่าง 36,000.00", "เสนอราคาต่ำสุดและเป็นประโยชน์ต่อทางราชการ", "ใบสั่งจ้างเลขที่ 4/2569 ลว. 20 ต.ค. 2568"],
]  # fmt: skip


def skr1(month: str = "ตุลาคม", year: str = "2568", none: bool = False, refprice: bool = True) -> Form:
    keep = [i for i in range(9) if refprice or i != 3]
    widths = [12, 40, 22, 22, 20, 32, 32, 34, 34]
    rows = [_cells(*(r[i] for i in keep)) for r in SKR1_ROWS]
    if none:
        rows = [[Cell("-"), Cell("ไม่มีการจัดซื้อจัดจ้าง", span=len(keep) - 1)]]
    table = Table([widths[i] for i in keep], [_cells(*(SKR1_COLUMNS[i] for i in keep))], rows, small=True)
    return Form(
        True,
        [
            ">แบบ สขร.1",
            f"^สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {month} พ.ศ. {year}",
            f"^{AGENCY}",
            f"^วันที่ {'30' if none else '31'} เดือน {month} พ.ศ. {year}",
            table,
        ],
    )


ANNUAL_ROWS = [
    ["1", "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 7 บ้านหนองไผ่", "2,487,000.00", "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "หจก.ขอนแก่นรุ่งเรืองการโยธา", "0-4055-61000-12-3", "2,350,000.00", "สัญญาจ้างเลขที่ 12/2568 ลงวันที่ 14 มี.ค. 2568"],
    ["2", "จ้างก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็ก หมู่ที่ 2 บ้านโคกสว่าง", "1,462,000.00", "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "บริษัท ขอนแก่นวิศวกรรมโยธา จำกัด", "0405561000456", "1,262,000.00", "สัญญาจ้างเลขที่ 15/2568 ลงวันที่ 2 พ.ค. 2568"],
    ["3", "ซื้ออาหารเสริม (นม) โรงเรียน ภาคเรียนที่ 2/2567", "412,380.00", "เฉพาะเจาะจง", "สหกรณ์โคนมขอนแก่น จำกัด", "0 9940 00123 45 6", "412,380.00", "สัญญาซื้อขายเลขที่ 5/2568 ลงวันที่ 6 ม.ค. 2568"],
    ["4", "จ้างเหมาซ่อมแซมไฟฟ้าส่องสว่างสาธารณะ หมู่ที่ 1, 4, 8", "136,500.00", "เฉพาะเจาะจง", "นายสมพร ใจกล้า (ร้านพลการไฟฟ้า)", "3-4001-00234-56-7", "136,000.00", "สัญญาจ้างเลขที่ 30/2568 ลงวันที่ 12 มิ.ย. 2568"],
]  # fmt: skip


def annual(tax_ids: bool = True) -> Form:
    columns = ["ที่", "งานที่ซื้อหรือจ้าง", "ราคากลาง (บาท)", "วิธีซื้อหรือจ้าง", "ผู้ได้รับการคัดเลือก"]
    columns += ["เลขประจำตัวผู้เสียภาษี/ เลขประจำตัวประชาชน", "ราคาที่ตกลง (บาท)", "เลขที่และวันที่ของสัญญา"]
    keep = [i for i in range(8) if tax_ids or i != 5]
    widths = [10, 55, 25, 35, 40, 35, 25, 40]
    summary = [
        ["วิธีเฉพาะเจาะจง", "142", "5,812,430.00", "5,768,215.50"],
        ["วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "3", "3,950,000.00", "3,612,000.00"],
        ["รวม", "145", "9,762,430.00", "9,380,215.50"],
    ]
    head = ["วิธีการจัดซื้อจัดจ้าง", "จำนวนโครงการ", "วงเงินงบประมาณ (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"]
    return Form(
        True,
        [
            "^รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ประจำปีงบประมาณ พ.ศ. 2568",
            f"^{AGENCY}",
            "^(1 ตุลาคม 2567 – 30 กันยายน 2568)",
            "1. สรุปผลการจัดซื้อจัดจ้างจำแนกตามวิธีการจัดซื้อจัดจ้าง",
            Table([90, 30, 45, 45], [_cells(*head)], [_cells(*r) for r in summary]),
            "2. รายละเอียดการจัดซื้อจัดจ้างที่มีวงเงินเกิน 100,000 บาท",
            Table(
                [widths[i] for i in keep],
                [_cells(*(columns[i] for i in keep))],
                [_cells(*(r[i] for i in keep)) for r in ANNUAL_ROWS],
                small=True,
            ),
            "3. ปัญหาและอุปสรรค ผู้ประกอบการในพื้นที่มีน้อย การเสนอราคาแข่งขันจึงมีไม่มาก",
            "4. ข้อเสนอแนะ ประชาสัมพันธ์ประกาศเชิญชวนให้ทั่วถึงมากขึ้น และจัดทำแผนการจัดซื้อจัดจ้างให้เร็วขึ้น",
        ],
    )


def nogift() -> Form:
    return Form(
        False,
        [
            "^ประกาศองค์การบริหารส่วนตำบลโคกสว่าง",
            "^เรื่อง ประกาศเจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
            "^ประจำปีงบประมาณ พ.ศ. 2569",
            "^----------------------------------------",
            "ด้วยองค์การบริหารส่วนตำบลโคกสว่าง ได้ตระหนักถึงความสำคัญของการป้องกันการทุจริตและประพฤติมิชอบ จึงขอประกาศเจตนารมณ์ ดังนี้",
            "1. ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้างทุกคน จะไม่รับของขวัญและของกำนัลทุกชนิด"
            " จากการปฏิบัติหน้าที่ (No Gift Policy)",
            "2. จะไม่ให้ของขวัญและของกำนัลแก่ผู้บังคับบัญชาหรือบุคคลในครอบครัวของผู้บังคับบัญชา",
            "3. กรณีมีความจำเป็นต้องรับของขวัญ ให้ปฏิบัติตามประกาศคณะกรรมการ ป.ป.ช. พ.ศ. 2563",
            "จึงประกาศมาเพื่อทราบโดยทั่วกัน",
            "^ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2568",
            "^(ลงชื่อ)",
            "^(นายสมชาย ใจดี)",
            "^นายกองค์การบริหารส่วนตำบลโคกสว่าง",
        ],
    )


REPORT_ROWS = [
    ["1", "โครงการวางท่อระบายน้ำ คสล. พร้อมบ่อพัก บ้านโคกสว่าง หมู่ที่ 2", "637,000", "630,000", "1 ธ.ค. 2567", "28 ก.พ. 2568", "ดำเนินการแล้วเสร็จ"],
    ["2", "โครงการป้องกันและควบคุมโรคไข้เลือดออก", "48,000", "45,500", "1 ต.ค. 2567", "30 ก.ย. 2568", "ดำเนินการแล้วเสร็จ ร้อยละ 100"],
    ["3", "โครงการฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.)", "120,000", "118,250", "10 มี.ค. 2568", "12 มี.ค. 2568", "ดำเนินการแล้ว ผู้เข้ารับการอบรม 50 คน"],
    ["4", "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองไผ่ หมู่ที่ 7", "1,240,000", "0", "-", "-", "ยังไม่ได้ดำเนินการ (กันเงินไว้เบิกเหลื่อมปี)"],
]  # fmt: skip


def o7_report(days: bool = True) -> Form:
    rows = [list(r) for r in REPORT_ROWS]
    if not days:
        for r in rows:
            r[4], r[5] = (" ".join(r[4].split()[1:]), " ".join(r[5].split()[1:])) if r[4] != "-" else ("-", "-")
    head = [
        [
            *_cells("ที่", "โครงการ/กิจกรรม", "งบประมาณที่ได้รับ (บาท)", "งบประมาณที่เบิกจ่าย (บาท)"),
            Cell("ระยะเวลาดำเนินการ", span=2),
            Cell("ผลการดำเนินงาน"),
        ],
        [Cell(), Cell(), Cell(), Cell(), Cell("เริ่มต้น"), Cell("สิ้นสุด"), Cell()],
    ]
    return Form(
        True,
        [
            "^รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น",
            "^ประจำปีงบประมาณ พ.ศ. 2568",
            f"^{AGENCY}",
            "ส่วนที่ 2 ผลการดำเนินงานตามโครงการ",
            Table([10, 70, 28, 28, 28, 28, 50], head, [_cells(*r) for r in rows]),
            "ส่วนที่ 3 ปัญหาอุปสรรค งบประมาณมีจำกัด และโครงการก่อสร้างบางโครงการต้องรอฤดูแล้ง",
            "ข้อเสนอแนะ ควรจัดลำดับความสำคัญของโครงการ และเร่งรัดการเบิกจ่ายในไตรมาสแรกของปีงบประมาณ พ.ศ. 2569",
        ],
    )


FORMS: dict[str, Callable[[], Form]] = {
    "p02": p02,
    "plan-marks": lambda: action_plan("marks"),
    "plan-shapes": lambda: action_plan("shapes"),
    "skr1": skr1,
    "skr1-none": lambda: skr1("ธันวาคม", "2568", none=True),
    "annual": annual,
    "nogift": nogift,
    "o7report": o7_report,
}
DEFECTS: dict[str, Callable[[], Form]] = {
    "plan-nobudget": lambda: Form(True, pd02("shapes", budgets=False)),
    "plan-noperiod": lambda: Form(True, pd02("none")),
    "skr1-noref": lambda: skr1(refprice=False),
    "annual-notaxid": lambda: annual(tax_ids=False),
    "o7report-months": lambda: o7_report(days=False),
}


def thai_digits(form: Form) -> Form:
    def convert(block: str | Table) -> str | Table:
        if isinstance(block, str):
            return block.translate(_THAI)
        for row in [*block.header, *block.rows]:
            for cell in row:
                cell.text = cell.text.translate(_THAI)
        return block

    return Form(form.landscape, [convert(b) for b in form.blocks])


# --- producer 1: python-docx -> LibreOffice ---------------------------------------------------------------------
def write_docx(form: Form, path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    if form.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(12))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(13)
    fonts = normal.element.rPr.rFonts
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), "26")
    normal.element.rPr.append(size_cs)
    normal.paragraph_format.space_after = Pt(0)
    for block in form.blocks:
        if isinstance(block, str):
            if block == "\f":
                document.add_page_break()
                continue
            paragraph = document.add_paragraph(block.lstrip("^>"))
            if block.startswith("^"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif block.startswith(">"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            continue
        columns = len(block.widths)
        table = document.add_table(rows=0, cols=columns)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for row_cells in [*block.header, *block.rows]:
            row = table.add_row()
            col = 0
            for cell in row_cells:
                target = row.cells[col]
                if cell.span > 1:
                    target = target.merge(row.cells[col + cell.span - 1])
                target.text = cell.text
                for paragraph in target.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(11 if block.small else 12)
                if cell.shade:
                    shading = OxmlElement("w:shd")
                    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "404040")):
                        shading.set(qn(key), value)
                    target._tc.get_or_add_tcPr().append(shading)
                col += cell.span
        # LibreOffice lays a table out by its grid (w:tblGrid), Word by the cells' widths: both are set.
        for index, column in enumerate(table.columns):
            column.width = Mm(block.widths[index])
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                cell.width = Mm(block.widths[index])
    document.save(str(path))


def libreoffice(docx_path: Path, out_dir: Path) -> Path:
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / (docx_path.stem + ".pdf")


# --- producer 2: HTML -> Chromium print --------------------------------------------------------------------------
_CSS = """
@page { size: A4 %s; margin: 12mm; }
body { font-family: '%s'; font-size: 13pt; }
p { margin: 0; } .c { text-align: center; } .r { text-align: right; }
table { border-collapse: collapse; table-layout: fixed; margin: 2mm auto; }
td, th { border: 0.6pt solid black; padding: 1mm; vertical-align: top; font-weight: normal; font-size: 12pt; }
table.small td, table.small th { font-size: 10.5pt; }
td.m { position: relative; padding: 0; text-align: center; }
td.m svg { position: absolute; left: 1mm; top: 2mm; overflow: visible; }
.pb { page-break-after: always; }
"""


def _arrow(months: int, width: float) -> str:
    """A period bar as editors draw it over the month cells: a line with two arrow heads, vector only."""
    w = months * width - 2
    return (
        f'<svg width="{w}mm" height="4mm" viewBox="0 0 {w * 10:.0f} 40">'
        f'<line x1="8" y1="20" x2="{w * 10 - 8:.0f}" y2="20" stroke="black" stroke-width="5"/>'
        '<polygon points="0,20 16,8 16,32" fill="black"/>'
        f'<polygon points="{w * 10:.0f},20 {w * 10 - 16:.0f},8 {w * 10 - 16:.0f},32" fill="black"/></svg>'
    )


def write_html(form: Form) -> str:
    parts = [f"<style>{_CSS % ('landscape' if form.landscape else 'portrait', FONT)}</style>"]
    for block in form.blocks:
        if isinstance(block, str):
            if block == "\f":
                parts.append('<div class="pb"></div>')
                continue
            css = "c" if block.startswith("^") else "r" if block.startswith(">") else ""
            parts.append(f'<p class="{css}">{html.escape(block.lstrip("^>"))}</p>')
            continue
        cols = "".join(f'<col style="width:{w}mm">' for w in block.widths)
        body = []
        for n, row in enumerate([*block.header, *block.rows]):
            tag = "th" if n < len(block.header) else "td"
            cells, col = [], 0
            for cell in row:
                text = html.escape(cell.text).replace("\n", "<br>")
                month = col >= len(block.widths) - 12 and tag == "td" and len(block.widths) >= 18
                if cell.bar:
                    text = _arrow(cell.bar, block.widths[col])
                css = ' class="m"' if month else ""
                cells.append(f'<{tag} colspan="{cell.span}"{css}>{text}</{tag}>')
                col += cell.span
            body.append("<tr>" + "".join(cells) + "</tr>")
        small = ' class="small"' if block.small else ""
        parts.append(f"<table{small}><colgroup>{cols}</colgroup>{''.join(body)}</table>")
    return "<!doctype html><html lang='th'><meta charset='utf-8'><body>" + "\n".join(parts) + "</body></html>"


def chromium(forms: dict[str, Form]) -> dict[str, bytes]:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        for name, form in forms.items():
            page.set_content(write_html(form))
            out[name] = page.pdf(prefer_css_page_size=True, print_background=True)
        browser.close()
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    forms: dict[str, Form] = {}
    for name, build in FORMS.items():
        forms[f"{name}-arabic"] = build()
        forms[f"{name}-thai"] = thai_digits(build())
    for name, build in DEFECTS.items():
        forms[f"{name}-thai"] = thai_digits(build())
    for name, body in chromium(forms).items():
        (OUT / f"{name}-chromium.pdf").write_bytes(body)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, form in forms.items():
            source = work / f"{name}-lo.docx"
            write_docx(form, source)
            shutil.copy(libreoffice(source, work), OUT / f"{name}-lo.pdf")
    print(f"wrote {2 * len(forms)} PDFs to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
