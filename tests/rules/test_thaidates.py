"""The Thai date parser against real strings.

Strings marked "seed" are copied verbatim from the municipal documents in shared/seeds/ (seed number in
the comment); the others are forms named in shared/ita/thai-text.md and criteria.md, written the way
agency sites write them.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from rules.thaidates import (
    DateSpan,
    find_dates,
    find_invalid_dates,
    parse_date,
    scan_dates,
    table_months,
    thai_digits_to_arabic,
)

D = date

# (text, start, end, kind) of the first span found
FIRST_SPAN: list[tuple[str, date, date, str]] = [
    # --- seed 000 (เทศบาลตำบลนากลาง, ITA 2567) ---
    ("ปีงบประมาณ ๒๕๖๗ จากผลการประเมิน", D(2023, 10, 1), D(2024, 9, 30), "fiscal_year"),
    ("คุณธรรมและความโปร่งใส  \nประจำปีงบประมาณ พ.ศ.๒๕๖๗ เทศบาลตำบลนากลาง", D(2023, 10, 1), D(2024, 9, 30), "fiscal_year"),
    ("คะแนนการประเมินย้อนหลัง ๕ ปี (พ.ศ. ๒๕๖๓ - ๒๕๖๗)", D(2020, 1, 1), D(2024, 12, 31), "range"),
    ("ตามแนวทางหลักเกณฑ์ของการประเมิน ITA ประจำปีงบประมาณ พ.ศ.๒๕๖๘", D(2024, 10, 1), D(2025, 9, 30), "fiscal_year"),
    ("ข้อคำถาม คะแนน ปี ๒๕๖๗ การวิเคราะห์ผล", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("ภายในหน่วยงานในปีงบประมาณ พ.ศ. ๒๕๖๖ ที่มีรายละเอียด", D(2022, 10, 1), D(2023, 9, 30), "fiscal_year"),
    ("บอร์ดประชาสัมพันธ์ เป็นต้น\t๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘\n๒. จัดทำคู่มือ", D(2024, 10, 1), D(2025, 9, 30), "range"),
    # --- seed 001 (เทศบาลนครเชียงใหม่, ITA 2565) ---
    ("เทศบาลนครเชียงใหม่ ประจำปี พ.ศ. 2565", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("ครั้งที่ 2/2565  วันพุธที่ 2 มีนาคม 2565 เวลา 09.00 น.", D(2022, 3, 2), D(2022, 3, 2), "day"),
    ("หน่วยงานในปีงบประมาณ พ.ศ. 2562", D(2018, 10, 1), D(2019, 9, 30), "fiscal_year"),
    ("กราฟแสดงคะแนน ปี พ.ศ.๒๕๖๓ - พ.ศ.๒๕๖๔", D(2020, 1, 1), D(2021, 12, 31), "range"),
    ("ความโปร่งใสในปึงบประมาณ พ.ศ. 2565", D(2021, 10, 1), D(2022, 9, 30), "fiscal_year"),
    ("<p>สำนัก ปลัดเทศบาล</p>\t<p>ม.ค.-มี.ค.65</p>", D(2022, 1, 1), D(2022, 3, 31), "range"),
    ("<p>ม.ค.-มี.ค.2565</p>\t<p>ปรับปรุงข้อมูลนำ", D(2022, 1, 1), D(2022, 3, 31), "range"),
    ("เว็บไซต์ เทศบาลให้แล้ว เสร็จภายในเดือน มีนาคม 2565</p>", D(2022, 3, 1), D(2022, 3, 31), "month"),
    ("<p>กองยุทธศาสตร์ และงบประมาณ</p>\t<p>ต.ค.64-มี.ค.65</p>", D(2021, 10, 1), D(2022, 3, 31), "range"),
    ("งานเทคโนโลยี และสารสนเทศ</p>\t<p>ต.ค.64-มี.ค. 65</p>", D(2021, 10, 1), D(2022, 3, 31), "range"),
    ("ภารกิจที่เกิดขึ้น ภายใน ปีงบประมาณ 2565 ที่ประเมิน ITA", D(2021, 10, 1), D(2022, 9, 30), "fiscal_year"),
    ("<p>กองยุทธศาสตร์และงบประมาณ</p>\t<p>ต.ค.64-ก.ย.65</p>", D(2021, 10, 1), D(2022, 9, 30), "range"),
    ("รายงานผลการดำเนินงานประจำปีของงบประมาณ 2564 (ต.ค.63-ก.ย.64)", D(2020, 10, 1), D(2021, 9, 30), "fiscal_year"),
    ("จะต้องเป็นข้อมูล ของปี พ.ศ. 2564 (ต.ค.64-ก.ย.65)", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("ครอบคลุม 6 เดือน แรกของปี 2565 ตั้งแต่ ต.ค.64- มี.ค.65", D(2021, 10, 1), D(2022, 3, 31), "half_year"),
    ("ให้เป็นไป ตามแผนดำเนินงาน ประจำปี พ.ศ. 2565 รอบ 6 เดือน", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("งบประมาณในรอบ ระยะเวลา 6 เดือน ปี 2565 (ต.ค.64- มี.ค.65)", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("แสดงผลการดำเนินงาน 6 เดือนแรกของปี 2565</p>", D(2021, 10, 1), D(2022, 3, 31), "half_year"),
    ("<p>สำนักการคลัง</p>\t<p>มี.ค.64-ก.ย.65</p>", D(2021, 3, 1), D(2022, 9, 30), "range"),
    ("กฎหมายการจัดซื้อจัดจ้าง และการบริหาร พัสดุภาครัฐ พ.ศ. 2560 เช่น", D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("การ จัดทำแผนพัฒนา เทศบาล ช่วง ระยะเวลา (ต.ค.64-ช่วงเวลา ประเมิน)", D(2021, 10, 1), D(2021, 10, 31), "month"),
    # --- seed 002 (อบต.พะทาย, ITA 2566) ---
    ("ที่ นพ.๗๖๔๐๑/ วันที่ ๑๘ ตุลาคม ๒๕๖๖", D(2023, 10, 18), D(2023, 10, 18), "day"),
    ("(เดือนตุลาคม ๒๕๖๕ - เดือนกันยายน ๒๕๖๖)", D(2022, 10, 1), D(2023, 9, 30), "range"),
    ("ภายในหน่วยงาน ปี ๒๕๖๖ (ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖) เรียบร้อยแล้ว", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("(ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖) เรียบร้อยแล้ว", D(2022, 10, 1), D(2023, 9, 30), "range"),
    ("ปราบปรามการทุจริตระยะที่ ๓ (พ.ศ. ๒๕๖๐ - ๒๕๖๔) ซึ่งเครื่องมือ", D(2017, 1, 1), D(2021, 12, 31), "range"),
    ("ยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต (พ.ศ. ๒๕๖๑ - ๒๕๘๐)", D(2018, 1, 1), D(2037, 12, 31), "range"),
    ("ความโปร่งใสในการปฏิบัติงาน ประจำปี ๒๕๖๖</p>", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("ถือปฏิบัติในปี พ.ศ. ๒๕๖๖ ผ่านการประชุมประจำเดือน", D(2023, 1, 1), D(2023, 12, 31), "year"),
    # --- seed 003 (อบต.ทุ่งอรุณ, ITA 2564) ---
    ("คณะรัฐมนตรีได้มีมติเมื่อวันที่ 23 มกราคม 2561 เห็นชอบ", D(2018, 1, 23), D(2018, 1, 23), "day"),
    ("ภาครัฐ ในปีงบประมาณ พ.ศ.2561 – 2564 โดยใช้แนวทาง", D(2017, 10, 1), D(2021, 9, 30), "range"),
    ("แผนแม่บทฯ โดยในระดับแรก (พ.ศ.2561-2565) กำหนดค่าเป้าหมาย", D(2018, 1, 1), D(2022, 12, 31), "range"),
    ("องค์การบริหารส่วนตำบล ทุ่งอรุณ ประจําปีงบประมาณ พ.ศ.2564", D(2020, 10, 1), D(2021, 9, 30), "fiscal_year"),
    ("ภาครัฐ (ITA) ประจำปี 2565” ที่กำหนดให้", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("ทุ่งอรุณ เมื่อวันที่ 3 พฤศจิกายน 2564 ผู้บริหาร", D(2021, 11, 3), D(2021, 11, 3), "day"),
    ("องค์การบริหารส่วนตำบลทุ่งอรุณ\n\nมกราคม 2565\n\nสารบัญ", D(2022, 1, 1), D(2022, 1, 31), "month"),
    ("ของทางราชการ</p>\tกองคลัง\tต.ค.64 - ก.ย.65\t- รายงานความก้าวหน้า", D(2021, 10, 1), D(2022, 9, 30), "range"),
    # --- seed 004 (เทศบาลตำบลโคกสำโรง, ITA 2564) ---
    ("ส่งเสริมคุณธรรมและความโปร่งใสในงบประมาณ พ.ศ. 2564", D(2020, 10, 1), D(2021, 9, 30), "fiscal_year"),
    ("สั่ง ณ วันที่ 17 เดือน กุมภาพันธ์ พ.ศ. 2564", D(2021, 2, 17), D(2021, 2, 17), "day"),
    ("ที่.....ลน 52206/20.....วันที่..... 8 กุมภาพันธ์ 2564.....", D(2021, 2, 8), D(2021, 2, 8), "day"),
    ("ครั้งที่ 2/2564 ประจำเดือนกุมภาพันธ์ 2564 ในวันพุธที่", D(2021, 2, 1), D(2021, 2, 28), "month"),
    ("ของเทศบาลตำบลโคกสำโรง ปีงบประมาณ พ.ศ.๒๕๖3 และได้กำหนด", D(2019, 10, 1), D(2020, 9, 30), "fiscal_year"),
    ("โดยเริ่มดำเนินการมาตั้งแต่ปีงบประมาณ 2556 เป็นต้นมา", D(2012, 10, 1), D(2013, 9, 30), "fiscal_year"),
    ("ความโปร่งใส ITA ปี พ.ศ. 2563", D(2020, 1, 1), D(2020, 12, 31), "year"),
    # --- forms from thai-text.md / criteria.md ---
    ("วันที่ 5 เดือนมกราคม พ.ศ. 2569", D(2026, 1, 5), D(2026, 1, 5), "day"),
    ("ลงวันที่ 15/05/2569", D(2026, 5, 15), D(2026, 5, 15), "day"),
    ("ประกาศ ณ 1-10-68", D(2025, 10, 1), D(2025, 10, 1), "day"),
    ("ประกาศ ณ 01.10.2568", D(2025, 10, 1), D(2025, 10, 1), "day"),
    ("ระหว่างวันที่ 1 - 15 ต.ค. 68", D(2025, 10, 1), D(2025, 10, 15), "range"),
    ("ข้อมูลเดือนตุลาคม 2568", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("ตุลาคม 2568 – มีนาคม 2569", D(2025, 10, 1), D(2026, 3, 31), "range"),
    ("ประกาศ ประจำปีงบประมาณ ๒๕๖๙", D(2025, 10, 1), D(2026, 9, 30), "fiscal_year"),
    ("ปีงบ 69", D(2025, 10, 1), D(2026, 9, 30), "fiscal_year"),
    ("ปีงบฯ 2569", D(2025, 10, 1), D(2026, 9, 30), "fiscal_year"),
    ("รายงานผลไตรมาสที่ 1 ปีงบประมาณ 2569", D(2025, 10, 1), D(2025, 12, 31), "quarter"),
    ("ไตรมาสที่ 2/2569", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    ("ไตรมาส 3 ประจำปีงบประมาณ พ.ศ. 2569", D(2026, 4, 1), D(2026, 6, 30), "quarter"),
    ("ไตรมาสที่ ๔ ปีงบประมาณ ๒๕๖๙", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    ("รายงานรอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2569", D(2025, 10, 1), D(2026, 3, 31), "half_year"),
    ("รอบ 6 เดือนหลัง ปีงบประมาณ 2569", D(2026, 4, 1), D(2026, 9, 30), "half_year"),
    ("รอบ 12 เดือน ปีงบประมาณ 2568", D(2024, 10, 1), D(2025, 9, 30), "fiscal_year"),
    ("พ.ศ. 2569", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("ค.ศ. 2026", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)", D(2023, 1, 1), D(2027, 12, 31), "range"),
    ("แผนพัฒนาท้องถิ่น (2566-2570)", D(2023, 1, 1), D(2027, 12, 31), "range"),
    ("ตั้งแต่วันที่ 1 ตุลาคม 2568 ถึงวันที่ 30 กันยายน 2569", D(2025, 10, 1), D(2026, 9, 30), "range"),
    ("ตั้งแต่ ๑ ตุลาคม ๒๕๖๘ จนถึง ๓๑ มีนาคม ๒๕๖๙", D(2025, 10, 1), D(2026, 3, 31), "range"),
    ("พฤศจิกายน ๒๕๖๘ ถึง มกราคม ๒๕๖๙", D(2025, 11, 1), D(2026, 1, 31), "range"),
    ("ไตรมาสแรก ต.ค. - ธ.ค. 68", D(2025, 10, 1), D(2025, 12, 31), "range"),
    ("ผลการดำเนินงาน ต.ค.-มี.ค. 69", D(2025, 10, 1), D(2026, 3, 31), "range"),
    ("1 ต.ค. - 15 พ.ย. 68", D(2025, 10, 1), D(2025, 11, 15), "range"),
    ("สขร.1 ประจำเดือน ตค 68", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("สขร.1 ประจำเดือนพย68", D(2025, 11, 1), D(2025, 11, 30), "month"),
    ("สรุปผลการจัดซื้อจัดจ้าง เดือน ต.ค 2568", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("ตั้งแต่ต.ค.68", D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("ม.ค.69", D(2026, 1, 1), D(2026, 1, 31), "month"),
    ("29 ก.พ. 2567", D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("วันที่ ๓๐ ก.ย. ๒๕๖๘", D(2025, 9, 30), D(2025, 9, 30), "day"),
    ("กรกฏาคม 2568", D(2025, 7, 1), D(2025, 7, 31), "month"),
    ("5 มกราคม ค.ศ. 2026", D(2026, 1, 5), D(2026, 1, 5), "day"),
    ("updated 2026-01-15", D(2026, 1, 15), D(2026, 1, 15), "day"),
    ("แผนปฏิบัติการ ประจำปี พ.ศ. ๒๕๖๙", D(2026, 1, 1), D(2026, 12, 31), "year"),
]


@pytest.mark.parametrize(("text", "start", "end", "kind"), FIRST_SPAN, ids=[row[0][:40] for row in FIRST_SPAN])
def test_first_span(text: str, start: date, end: date, kind: str) -> None:
    span = parse_date(text)
    assert span is not None, f"no date found in {text!r}"
    assert (span.start, span.end, span.kind) == (start, end, kind)
    assert text[span.pos : span.pos + len(span.text)] == span.text  # text is the source, Thai digits kept


# (text, every span as (text, start, end, kind))
ALL_SPANS: list[tuple[str, list[tuple[str, date, date, str]]]] = [
    (  # seed 002
        "ประจำปีงบประมาณ ๒๕๖๖ (เดือนตุลาคม ๒๕๖๕ - เดือนกันยายน ๒๕๖๖)",
        [
            ("ประจำปีงบประมาณ ๒๕๖๖", D(2022, 10, 1), D(2023, 9, 30), "fiscal_year"),
            ("ตุลาคม ๒๕๖๕ - เดือนกันยายน ๒๕๖๖", D(2022, 10, 1), D(2023, 9, 30), "range"),
        ],
    ),
    (  # seed 001
        "ครอบคลุม 6 เดือน แรกของปี 2565 ตั้งแต่ ต.ค.64- มี.ค.65",
        [
            ("6 เดือน แรกของปี 2565", D(2021, 10, 1), D(2022, 3, 31), "half_year"),
            ("ต.ค.64- มี.ค.65", D(2021, 10, 1), D(2022, 3, 31), "range"),
        ],
    ),
    (  # seed 004
        "ครั้งที่ 2/2564 ประจำเดือนกุมภาพันธ์ 2564 ในวันพุธที่ 10 กุมภาพันธ์ 2564 โดย",
        [
            ("กุมภาพันธ์ 2564", D(2021, 2, 1), D(2021, 2, 28), "month"),
            ("10 กุมภาพันธ์ 2564", D(2021, 2, 10), D(2021, 2, 10), "day"),
        ],
    ),
    (  # seed 001: the round takes its fiscal year from the year written before it
        "แผนดำเนินงาน ประจำปี พ.ศ. 2565 รอบ 6 เดือน</p>",
        [
            ("ประจำปี พ.ศ. 2565", D(2022, 1, 1), D(2022, 12, 31), "year"),
            ("รอบ 6 เดือน", D(2021, 10, 1), D(2022, 3, 31), "half_year"),
        ],
    ),
    (  # a heading names the fiscal year; the quarter further on takes it
        "ปีงบประมาณ 2569 รายงานผลการดำเนินงานไตรมาสที่ 3",
        [
            ("ปีงบประมาณ 2569", D(2025, 10, 1), D(2026, 9, 30), "fiscal_year"),
            ("ไตรมาสที่ 3", D(2026, 4, 1), D(2026, 6, 30), "quarter"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ALL_SPANS, ids=[row[0][:40] for row in ALL_SPANS])
def test_all_spans(text: str, expected: list[tuple[str, date, date, str]]) -> None:
    assert [(s.text, s.start, s.end, s.kind) for s in find_dates(text)] == expected


NOT_DATES = [
    "โทร. 0-5325-9000",
    "โทรศัพท์ 02-141-1234 ต่อ 105",
    "มือถือ 081-234-5678",
    "จำนวนเงิน 1,250,000 บาท",
    "งบประมาณ 2,569,000 บาท",
    "งบประมาณ 2500 บาท",
    "งบประมาณ 10 ล้านบาท",
    "ที่ นภ 12345/2569",
    "ครั้งที่ 2/2565",  # seed 001: a meeting number
    "ระเบียบ ก.พ. ว่าด้วยการลา",  # ก.พ. = the Civil Service Commission, no year
    "มติ ก.พ.ร. 2566",  # ก.พ.ร. = OPDC, not February
    "คณะกรรมการ ก.ค.ศ. 2547",  # ก.ค.ศ. = the teachers' commission, not July or CE
    "นม อ.ส.ค. 2568",  # อ.ส.ค. = the dairy organisation, not August
    "ความคิดเห็น 2566 คน",  # มค inside ความคิด is no month
    "เวลา 08.30 - 16.30 น.",
    "IP 192.168.1.1",
    "ข้อ 1.2.10",
    "ไตรมาสที่ 2",  # no fiscal year anywhere: cannot be placed
    "ในช่วง 6 เดือนแรกของปีงบประมาณและ",  # seed 001: no year
    "สมัครได้ถึง 15 ต.ค.",  # no year
    "ตลอดปีงบประมาณ",  # seed 002
    "ปีละ 2 ครั้ง",
    "2569",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert find_dates(text) == []
    assert find_invalid_dates(text) == []


# (text, flagged text, dates still found as (text, kind))
INVALID: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("ประกาศ ณ วันที่ 31 ก.พ. 2569", "31 ก.พ. 2569", []),
    ("30 กุมภาพันธ์ 2569", "30 กุมภาพันธ์ 2569", []),
    ("29 ก.พ. 2569", "29 ก.พ. 2569", []),  # 2026 is not a leap year
    ("31 ก.พ.", "31 ก.พ.", []),
    ("15/13/2569", "15/13/2569", []),
    ("31/04/2568", "31/04/2568", []),
    ("32 ตุลาคม 2568", "32 ตุลาคม 2568", []),
    ("15 - 1 ต.ค. 68", "15 - 1 ต.ค. 68", []),
    ("ไตรมาสที่ 5 ปีงบประมาณ 2569", "ไตรมาสที่ 5", [("ปีงบประมาณ 2569", "fiscal_year")]),
    # a side that is impossible is flagged; the other side keeps its own date
    ("29 ก.พ. - 5 มี.ค. 2568", "29 ก.พ.", [("5 มี.ค. 2568", "day")]),
    # seed 001: ranges that end before they start are flagged, each side is still a date as written
    ("สำนักการคลัง\tต.ค.54-มี.ค.54\tแสดงรายงาน", "ต.ค.54-มี.ค.54", [("ต.ค.54", "month"), ("มี.ค.54", "month")]),
    (
        "ต้องใช้รายงานปี 2564 (ต.ค.64- ก.ย.64)",
        "ต.ค.64- ก.ย.64",
        [("ปี 2564", "year"), ("ต.ค.64", "month"), ("ก.ย.64", "month")],
    ),
]


@pytest.mark.parametrize(("text", "flagged", "still_found"), INVALID, ids=[row[0][:40] for row in INVALID])
def test_invalid_dates_are_flagged_not_guessed(text: str, flagged: str, still_found: list[tuple[str, str]]) -> None:
    result = scan_dates(text)
    assert [d.text for d in result.invalid] == [flagged]
    assert result.invalid[0].reason_th and result.invalid[0].reason_en
    assert [(s.text, s.kind) for s in result.spans] == still_found


def test_thai_digits_to_arabic_keeps_offsets() -> None:
    assert thai_digits_to_arabic("๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘") == "1 ต.ค. 67 - 30 ก.ย. 68"
    assert thai_digits_to_arabic("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert len(thai_digits_to_arabic("พ.ศ. ๒๕๖๙")) == len("พ.ศ. ๒๕๖๙")


def test_fiscal_year_field() -> None:
    spans = find_dates("ไตรมาสที่ 1 ปีงบประมาณ 2569 ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ รอบ 6 เดือน ปี 2567 15 ต.ค. 2568")
    assert [(s.kind, s.fiscal_year) for s in spans] == [
        ("quarter", 2569),
        ("fiscal_year", 2568),
        ("half_year", 2567),
        ("day", None),
    ]


def test_ambiguous_only_for_prajam_pi() -> None:
    ambiguous = {s.text: s.ambiguous for s in find_dates("ประจำปี 2568 ; ปี พ.ศ. 2568 ; พ.ศ. 2568 ; ประจำปีงบประมาณ 2568")}
    assert ambiguous == {"ประจำปี 2568": True, "ปี พ.ศ. 2568": False, "พ.ศ. 2568": False, "ประจำปีงบประมาณ 2568": False}


def test_bare_era_year_is_marked() -> None:
    # Law titles carry a bare "พ.ศ. N"; the time judge must not read them as the document's year.
    (law,) = find_dates("พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540")
    assert law.era_only and law.kind == "year"
    (year,) = find_dates("ข้อมูลของปี พ.ศ. 2565")
    assert not year.era_only


def test_two_digit_years_are_be_unless_ce() -> None:
    assert parse_date("ต.ค. 99") == DateSpan(D(2056, 10, 1), D(2056, 10, 31), "month", "ต.ค. 99", 0)
    span = parse_date("ม.ค. ค.ศ. 26")
    assert span is not None and span.start == D(2026, 1, 1)


# Lines copied verbatim from seeds 001-004.
VERBATIM_SEED_EXCERPT = """\
ที่ นพ.๗๖๔๐๑/ วันที่ ๑๘ ตุลาคม ๒๕๖๖
เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๖
(เดือนตุลาคม ๒๕๖๕ - เดือนกันยายน ๒๕๖๖)
<p>กองยุทธศาสตร์ และงบประมาณ</p>\t<p>ต.ค.64-มี.ค.65</p>\t<p>นำข้อมูลลงใน ระบบเว็บไซต์ เทศบาลนคร เชียงใหม่ (คะแนน 100)</p>
ย่างน้อยจะต้องมี ข้อมูลของปี พ.ศ. 2564 (ต.ค.64- ก.ย.65)\tสำนักการคลัง\tต.ค.54-มี.ค.54
ละปราบปรามการทุจริตระยะที่ ๓ (พ.ศ. ๒๕๖๐ - ๒๕๖๔) ซึ่งเครื่องมือดังกล่าว
ภาพ ผ่านการ ประชุมของสำนักงาน ประจำปี\t๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘
ลตำบลโคกสำโรง ครั้งที่ 2/2564 ประจำเดือนกุมภาพันธ์ 2564 ในวันพุธที่ 10 กุมภาพันธ์ 2564 โดย
"""


def test_spans_are_ordered_non_overlapping_and_quote_the_source() -> None:
    spans = find_dates(VERBATIM_SEED_EXCERPT)
    assert [s.text for s in spans] == [
        "๑๘ ตุลาคม ๒๕๖๖",
        "ประจำปีงบประมาณ ๒๕๖๖",
        "ตุลาคม ๒๕๖๕ - เดือนกันยายน ๒๕๖๖",
        "ต.ค.64-มี.ค.65",
        "ปี พ.ศ. 2564",
        "ต.ค.64- ก.ย.65",
        "ต.ค.54",  # the reversed "ต.ค.54-มี.ค.54" is flagged; its sides stay
        "มี.ค.54",
        "พ.ศ. ๒๕๖๐ - ๒๕๖๔",
        "๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘",
        "กุมภาพันธ์ 2564",  # "2/2564" before it is a meeting number, not a date
        "10 กุมภาพันธ์ 2564",
    ]
    assert [d.text for d in find_invalid_dates(VERBATIM_SEED_EXCERPT)] == ["ต.ค.54-มี.ค.54"]
    for before, after in pairwise(spans):
        assert before.pos + len(before.text) <= after.pos
    for span in spans:
        assert VERBATIM_SEED_EXCERPT[span.pos : span.pos + len(span.text)] == span.text
        assert span.start <= span.end


def test_parse_date_none_when_nothing() -> None:
    assert parse_date("ช่องทางการร้องเรียน") is None


# --- monthly tables ----------------------------------------------------------------------------------------
# A web page joins a table's cells with spaces: the counts of one row run into the next row's month.
@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("ตุลาคม 2568 0 0 0 พฤศจิกายน 2568 0 0 0", ["ตุลาคม 2568", "พฤศจิกายน 2568"]),
        ("มกราคม ๒๕๖๙ ๑๒ ๔๕ กุมภาพันธ์ ๒๕๖๙ ๓ ๓", ["มกราคม ๒๕๖๙", "กุมภาพันธ์ ๒๕๖๙"]),
    ],
)
def test_a_count_before_a_month_is_not_its_day(text: str, months: list[str]) -> None:
    result = scan_dates(text)
    assert [s.text for s in result.spans] == months
    assert result.invalid == []


@pytest.mark.parametrize(
    ("text", "fiscal_year", "expected"),
    [
        # the year in the heading only: October-December belong to the year before the fiscal year
        (
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ ต.ค. ๐ ๐ พ.ย. ๑ ๑ ธ.ค. - - ม.ค. ๒ ๑",
            None,
            ["2025-10", "2025-11", "2025-12", "2026-01"],
        ),
        # the year on the first row only: a month earlier in the calendar than the one above is of the next year
        ("ตุลาคม 2568 1 1 0 พฤศจิกายน 0 0 0 ธันวาคม 0 0 0 มกราคม 2 2 0", None, ["2025-11", "2025-12", "2026-01"]),
        # the year in the title (given), rows in the body; a count that looks like a short year is a count
        ("เดือน ทั้งหมด กุมภาพันธ์ 3 3 มีนาคม 45 44", 2569, ["2026-02", "2026-03"]),
        # a count that ran into the month made it a day; it is still the month's row
        ("มกราคม 2569 1 0 1 กุมภาพันธ์ 2569 0 0 0", None, ["2026-02"]),
    ],
)
def test_table_months_are_placed_as_a_reader_places_them(
    text: str, fiscal_year: int | None, expected: list[str]
) -> None:
    assert [f"{s.start:%Y-%m}" for s in table_months(text, fiscal_year)] == expected


def test_table_months_are_not_read_from_a_list_of_month_names_or_without_a_year() -> None:
    assert table_months("ปีงบประมาณ 2569 เลือกเดือน ตุลาคม พฤศจิกายน ธันวาคม มกราคม") == []
    assert table_months("ตุลาคม 1 1 พฤศจิกายน 0 0") == []  # no year anywhere: nothing to place them by
    assert find_dates("ประจำปีงบประมาณ 2569 ตุลาคม 1 1") == [find_dates("ประจำปีงบประมาณ 2569")[0]]


def test_thai_digits_become_arabic_one_for_one_in_every_thai_text() -> None:
    """Dates are read from the text with Thai digits as Arabic at the same offsets. Each character of the Thai block
    (digits ๐-๙ among letters, vowels and marks), Arabic digits, spaces and a long page of running Thai text with
    digits of both kinds: only ๐-๙ change, each to its own digit, whatever surrounds it."""
    block = "".join(chr(c) for c in range(0x0E00, 0x0E80))
    page = "ประกาศ ณ วันที่ ๑๕ มกราคม ๒๕๖๙ เลขที่ 12/2569 งบประมาณ ๑,๒๐๐,๐๐๐ บาท " * 400
    for text in (block, page, "ไม่มีตัวเลข", "", "๐๑๒๓๔๕๖๗๘๙0123456789"):
        arabic = thai_digits_to_arabic(text)
        assert len(arabic) == len(text)
        expected = "".join(str(ord(c) - 0x0E50) if "๐" <= c <= "๙" else c for c in text)
        assert arabic == expected
