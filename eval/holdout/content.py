"""Held-out evidence wordings: pages written the way other agencies write them (not the zoo's words).

The standard forms (สขร.1, ผ.02, ผด.02, the annual procurement summary...) come from eval/zoo/content.py, as
every agency fills in the same forms; what an agency writes in its own words (executives, contact, news,
e-service, complaint pages, participation) is new here. A scanned document (an image-only PDF) too.
"""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image, ImageDraw, ImageFont

from eval.zoo.agency import Agency
from eval.zoo.doc import FONT_DIR, MONTHS, Doc, dfull

D = dt.date


def _d(a: Agency, d: dt.date) -> str:
    return dfull(d, a.thai_digits)


# ----- O2: executives as a table (photo cell, name/position/phone cell) ------------------------------------


def exec_table(a: Agency, photo: bool = True, phone: bool = True) -> Doc:
    doc = Doc("ทำเนียบคณะผู้บริหาร", D(2025, 10, 2))
    rows = []
    for p in a.people:
        pic = f'<td width="130"><img src="{p.photo}" width="110" alt="{p.name}"></td>' if photo else ""
        tel = f"<br>มือถือ {a.n(p.phone)}" if phone else ""
        rows.append(f"<tr>{pic}<td><b>{p.name}</b><br>{p.position}{tel}</td></tr>")
    doc.raw('<table class="tbl-exec" cellspacing="6">' + "".join(rows) + "</table>")
    return doc


# ----- O3: contact in other words ----------------------------------------------------------------------------


def contact_page(a: Agency, qa: str, qa_url: str = "") -> Doc:
    """qa: webboard (a link to the site's board), line (LINE OA), phone (only a number to call: not two-way)."""
    doc = Doc(f"ข้อมูลการติดต่อ {a.short}", D(2025, 10, 2))
    doc.raw(f"<p><b>ที่ตั้ง</b> {a.address}</p>")
    doc.raw(f"<p><b>โทร.</b> {a.phone} ต่อ 101 <b>แฟกซ์</b> {a.phone} ต่อ 108</p>")
    doc.raw(f"<p><b>E-mail :</b> {a.email.replace('@', '[at]')}</p>")
    doc.raw(f'<p><b>Facebook Fanpage :</b> <a href="{a.facebook}" target="_blank">{a.short}</a></p>')
    doc.raw(
        '<p><a href="https://maps.app.goo.gl/Hx7qPq2bN1aK9zLs8" target="_blank">ดูแผนที่ตั้งสำนักงานบน Google Maps</a></p>'
    )
    if qa == "webboard":
        doc.raw(f'<p><b>ถาม-ตอบ :</b> ฝากคำถามถึงเจ้าหน้าที่ได้ที่ <a href="{qa_url}">กระดานสนทนา (Webboard)</a></p>')
    elif qa == "line":
        doc.raw(
            "<p><b>Q&amp;A :</b> สอบถามเจ้าหน้าที่ผ่านไลน์ออฟฟิเชียล "
            '<a href="https://lin.ee/k3Qx9Ab">เพิ่มเพื่อน LINE @banluang</a> ตอบทุกวันในเวลาราชการ</p>'
        )
    else:  # only a number: an assessor does not count it as a two-way Q&A channel
        doc.raw(f"<p><b>สอบถามข้อมูล</b> โทร {a.phone} ในวันและเวลาราชการ</p>")
    return doc


# ----- O4: news of FY 2569 in other words --------------------------------------------------------------------

NEWS = [
    (D(2025, 10, 13), "พิธีวางพานพุ่มดอกไม้ เนื่องในวันนวมินทรมหาราช", "ผู้บริหาร สมาชิกสภา และพนักงาน ร่วมพิธีวางพานพุ่มดอกไม้"),
    (D(2025, 11, 27), "โครงการหน่วยบริการเคลื่อนที่พบประชาชน ชุมชนหนองบัว", "ให้บริการรับชำระภาษี ตรวจสุขภาพ และรับเรื่องร้องทุกข์"),
    (D(2025, 12, 5), "กิจกรรมเฉลิมพระเกียรติ วันพ่อแห่งชาติ 5 ธันวาคม", "ร่วมปลูกต้นไม้และทำความสะอาดที่สาธารณะ"),
    (D(2026, 1, 21), "ประชาสัมพันธ์การยื่นแบบแสดงรายการภาษีป้าย ประจำปี 2569", "ขอเชิญเจ้าของป้ายยื่นแบบภายในเดือนมีนาคม"),
    (D(2026, 2, 24), "โครงการคัดแยกขยะต้นทาง ชุมชนปลอดขยะ", "อบรมแกนนำชุมชนเรื่องการคัดแยกขยะอินทรีย์ จำนวน 80 คน"),
    (D(2026, 3, 11), "ฝึกซ้อมแผนป้องกันและระงับอัคคีภัยในศูนย์พัฒนาเด็กเล็ก", "ร่วมกับงานป้องกันและบรรเทาสาธารณภัยฝึกซ้อมอพยพ"),
]


def news(a: Agency, i: int) -> Doc:
    d, title, body = NEWS[i]
    doc = Doc(title, d)
    doc.p(f"เมื่อวันที่ {_d(a, d)} {a.short} {body}")
    doc.p(f"ข่าว : งานประชาสัมพันธ์ {a.short} / ภาพ : กล้องเจ้าหน้าที่")
    return doc


# ----- O10: e-service pages ----------------------------------------------------------------------------------


def eservice_page(a: Agency, url: str, google: bool = False, stats: bool = True) -> Doc:
    doc = Doc("ระบบบริการประชาชนออนไลน์ (E-Service)", D(2025, 10, 6))
    what = "แบบฟอร์มออนไลน์ (Google Form)" if google else "ระบบยื่นคำร้องออนไลน์"
    doc.raw(
        f'<p>ท่านสามารถขอรับบริการ เช่น ขอถังขยะ ขอซ่อมไฟกิ่ง ขอรถน้ำ ได้ทาง<a href="{url}" target="_blank">{what}</a> '
        "ไม่ต้องเดินทางมาติดต่อที่สำนักงาน</p>"
    )
    doc.h("วิธีการใช้งาน")
    doc.ul(
        [
            f"คลิกที่ลิงก์ {what}",
            "กรอกชื่อ-สกุล เบอร์โทรศัพท์ ที่อยู่ และเลือกประเภทบริการที่ต้องการ",
            "แนบรูปถ่ายสถานที่ (ถ้ามี) แล้วกดปุ่ม ส่ง",
            "เจ้าหน้าที่จะโทรกลับเพื่อยืนยันการรับเรื่องภายใน 2 วันทำการ",
        ]
    )
    if stats:
        doc.h(f"สถิติผู้ใช้บริการ E-Service ปีงบประมาณ {a.n(2569)}")
        doc.table(
            ["เดือน", "ขอถังขยะ", "ขอซ่อมไฟกิ่ง", "อื่น ๆ", "รวม"],
            [
                [f"{MONTHS[m - 1]} {a.n(y + 543)}", a.n(x), a.n(y2), a.n(z), a.n(x + y2 + z)]
                for (y, m), (x, y2, z) in zip(
                    [(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3)],
                    [(2, 3, 1), (1, 4, 0), (3, 2, 2), (0, 5, 1), (2, 1, 0), (4, 3, 1)],
                    strict=True,
                )
            ],
        )
    return doc


def local_form(action: str) -> str:
    return (
        f'<h2>ยื่นคำร้องออนไลน์</h2><form method="post" action="{action}">'
        '<p>ชื่อ-นามสกุล <input name="fullname"></p><p>โทรศัพท์ <input name="phone"></p>'
        '<p>ประเภทบริการ <select name="svc"><option>ขอถังขยะ</option><option>ขอซ่อมไฟกิ่ง</option>'
        '<option>ขอรถน้ำ</option></select></p><p>รายละเอียด <textarea name="msg"></textarea></p>'
        '<p><input type="submit" value="ส่งคำร้อง"></p></form>'
    )


# ----- O16 O17: complaint pages in other words ----------------------------------------------------------------


def complaint_channel(a: Agency, action: str) -> Doc:
    doc = Doc("แจ้งเบาะแสการทุจริตและประพฤติมิชอบของเจ้าหน้าที่", D(2025, 10, 7))
    doc.p("ท่านสามารถแจ้งเบาะแสการทุจริตผ่านแบบฟอร์มนี้ได้ตลอด 24 ชั่วโมง ข้อมูลผู้แจ้งจะถูกปกปิดเป็นความลับ")
    doc.raw(
        f'<form method="post" action="{action}"><p>ชื่อผู้แจ้ง (ไม่ระบุก็ได้) <input name="who"></p>'
        '<p>เจ้าหน้าที่/หน่วยงานที่ถูกร้องเรียน <input name="target"></p><p>พฤติการณ์การทุจริต '
        '<textarea name="detail"></textarea></p><p><button type="submit">แจ้งเบาะแส</button></p></form>'
    )
    doc.p(f"หรือแจ้งทางโทรศัพท์สายตรง{a.top_title} {a.n(a.people[0].phone)}")
    return doc


# ----- O19: participation (any fiscal year) ------------------------------------------------------------------


def participation(a: Agency, year: int = 2569) -> Doc:
    d = D(year - 543, 1, 22)
    doc = Doc(f"ผลการเปิดโอกาสให้ประชาชนมีส่วนร่วมในการดำเนินงาน ปีงบประมาณ {a.n(year)}", d)
    doc.p(f"เรื่อง : ประชุมประชาคมตำบลเพื่อรับฟังความคิดเห็นโครงการขุดลอกหนองน้ำสาธารณะ วันที่ {_d(a, d)}")
    doc.p(f"ผู้เข้าร่วม : กำนัน ผู้ใหญ่บ้าน อสม. และประชาชนทั่วไป จำนวน {a.n(94)} คน")
    doc.p("ผลการมีส่วนร่วม : ที่ประชุมเห็นชอบให้ขุดลอกหนองน้ำ และขอให้ทำทางเดินรอบหนอง")
    doc.p("การนำผลไปปรับปรุงการดำเนินงาน : ปรับแบบก่อสร้างให้มีทางเดินรอบหนองตามข้อเสนอของประชาชน")
    return doc


# ----- a scanned document: an image-only PDF -----------------------------------------------------------------


def _doc_lines(doc: Doc) -> list[tuple[str, bool]]:
    lines: list[tuple[str, bool]] = [(doc.title, True)]
    for b in doc.blocks:
        if b[0] in ("h", "p"):
            lines.append((b[1], b[0] == "h"))
        elif b[0] == "ul":
            lines += [("- " + x, False) for x in b[1]]
        elif b[0] == "table":
            lines.append(("  ".join(b[1]), True))
            lines += [("  ".join(r), False) for r in b[2]]
        elif b[0] == "sign" and b[2]:
            lines += [(f"({b[2]})", False), (b[3] or "", False)]
    return lines


def scanned_pdf(doc: Doc) -> bytes:
    """The document printed, signed and scanned: one grey-ish 150 dpi page image per page, no text layer."""
    w, h, margin = 1240, 1754, 110
    font = ImageFont.truetype(str(FONT_DIR / "Norasi.ttf"), 34)
    bold = ImageFont.truetype(str(FONT_DIR / "Norasi-Bold.ttf"), 38)
    img = Image.new("L", (w, h), 246)
    dr = ImageDraw.Draw(img)
    pages: list[Image.Image] = [img]
    y = margin
    for text, is_bold in _doc_lines(doc):
        f = bold if is_bold else font
        words, line = text.split(" "), ""
        chunks = []
        for wd in words:  # wrap at spaces; Thai phrases here are short
            cand = (line + " " + wd).strip()
            if dr.textlength(cand, font=f) > w - 2 * margin and line:
                chunks.append(line)
                line = wd
            else:
                line = cand
        chunks.append(line)
        for ch in chunks:
            if y > h - margin - 60:
                img = Image.new("L", (w, h), 246)
                dr = ImageDraw.Draw(img)
                pages.append(img)
                y = margin
            dr.text((margin, y), ch, font=f, fill=25)
            y += 58
    buf = io.BytesIO()
    rgb = [p.rotate(0.4, fillcolor=246, expand=False).convert("RGB") for p in pages]
    rgb[0].save(buf, "PDF", resolution=150.0, save_all=True, append_images=rgb[1:])
    return buf.getvalue()
