#!/usr/bin/env python3
"""Build the PDF fixtures in tests/fixtures/documents/ (committed: tests need neither Chromium nor fpdf2).

Build-time only: needs fpdf2, Pillow, pypdfium2, Debian's fonts-thai-tlwg and fonts-noto-core, and chromium.

    python tools/make_document_fixtures.py

What it writes, and why each file exists:
  nogift-fpdf.pdf            producer 1: fpdf2 with TLWG Laksaman (a Sarabun look-alike), dates in Thai digits
  median-price-chromium.pdf  producer 2: Chromium's Skia/PDF from HTML with TLWG Garuda, Arabic digits, a table
  nogift-scan.pdf            an image-only "scan" of nogift-fpdf.pdf: 200 dpi grey JPEG, tilted, speckled
  mixed-text-scan.pdf        page 1 a text layer (nogift-fpdf), page 2 a scan (median-price-chromium):
                             only page 2 should be OCR'd
  broken-marks.pdf           a text layer whose ToUnicode map has no entries for upper vowels and tone marks
                             (pdftotext drops them: "ไมรบของขวญ"), the way fonts with unmapped positional glyphs do
  broken-legacy-font.pdf     a text layer in a pre-Unicode Thai font encoding (TIS-620 bytes read as Latin-1:
                             "»ÃÐ¡ÒÈ"), as old Word documents with non-Unicode Thai fonts produce
  announcement-header.jpg    the top of the scanned median-price page: an image for crawler.ocr.ocr_image
  notice-noto-chromium.pdf   producer 3: Chromium with Noto Sans Thai (fonts-noto-core), Thai digits: poppler
                             reads it right, pypdfium2 repeats syllables ("บริหริ ารส่วส่ น")
  contact-notice-scan.pdf    a scanned notice whose only phone number is printed in Thai digits (OCR misreads them)
  nogift-scan-rotated.pdf    nogift-scan.pdf's page placed sideways (page 1, turned 90 degrees clockwise) and upside
                             down (page 2): OCR must turn them upright first

The pictures render correctly in every file; only the text layers differ. Every output is reproducible: the
creation dates and file IDs that Pillow, PDFium and Chromium stamp are replaced with fixed ones.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2
from fpdf import FPDF
from PIL import Image, ImageChops, ImageFilter
from pythainlp.tokenize import word_tokenize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "documents"
FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
SCAN_DPI = 200

# (indent in mm, text, align); a paragraph is wrapped at word boundaries. Thai digits on purpose: OCR cannot
# read them back (shared/ita/thai-text.md).
NOGIFT: list[tuple[float, str, str]] = [
    (0, "ประกาศเทศบาลตำบลนากลาง", "C"),
    (0, "เรื่อง ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิด", "C"),
    (0, "จากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "C"),
    (0, "-------------------------------------------", "C"),
    (
        15,
        "ตามที่คณะรัฐมนตรีได้มีมติเห็นชอบยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต และสำนักงาน ป.ป.ช."
        " ได้กำหนดแนวทางการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"
        " เทศบาลตำบลนากลางจึงขอประกาศเจตนารมณ์ว่า ผู้บริหาร สมาชิกสภา พนักงานเทศบาล ลูกจ้างประจำ"
        " และพนักงานจ้างทุกคน จะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ ในทุกเทศกาลและทุกโอกาส ดังนี้",
        "L",
    ),
    (15, "๑. ไม่รับของขวัญ ของกำนัล หรือประโยชน์อื่นใด จากผู้มาติดต่อราชการ", "L"),
    (15, "๒. ไม่มอบของขวัญหรือของกำนัลแก่ผู้บังคับบัญชาหรือบุคคลในครอบครัว", "L"),
    (15, "๓. ให้ผู้บังคับบัญชาทุกระดับเป็นแบบอย่างที่ดีและกำกับดูแลผู้ใต้บังคับบัญชา", "L"),
    (15, "จึงประกาศมาเพื่อทราบและถือปฏิบัติโดยทั่วกัน", "L"),
    (60, "ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๘", "L"),
    (0, "", "L"),
    (70, "(นายสมชาย ใจดี)", "L"),
    (62, "นายกเทศมนตรีตำบลนากลาง", "L"),
]

MEDIAN_PRICE_HTML = """<!doctype html>
<html lang="th"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: Garuda; font-size: 13pt; line-height: 1.5; }
  h1 { font-size: 15pt; text-align: center; margin: 0 0 2mm; }
  p { text-indent: 12mm; margin: 3mm 0; }
  table { border-collapse: collapse; width: 100%; font-size: 12pt; }
  td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; }
  td.n { text-align: right; white-space: nowrap; }
  .sign { margin-left: 80mm; text-indent: 0; text-align: center; }
</style></head><body>
<h1>ประกาศองค์การบริหารส่วนตำบลหนองบัว</h1>
<h1>เรื่อง ประกาศราคากลางโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 4 บ้านโคกกลาง</h1>
<p>ด้วยองค์การบริหารส่วนตำบลหนองบัว มีความประสงค์จะประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก
หมู่ที่ 4 บ้านโคกกลาง ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) จึงขอประกาศราคากลางตามตารางแสดง
วงเงินงบประมาณที่ได้รับจัดสรรและราคากลางในงานจ้างก่อสร้าง (แบบ บก.01) ดังนี้</p>
<table>
<tr><td>1. ชื่อโครงการ</td><td>ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 4 บ้านโคกกลาง กว้าง 5 เมตร ยาว 320 เมตร</td></tr>
<tr><td>2. หน่วยงานเจ้าของโครงการ</td><td>กองช่าง องค์การบริหารส่วนตำบลหนองบัว</td></tr>
<tr><td>3. วงเงินงบประมาณที่ได้รับจัดสรร</td><td class="n">1,250,000.00 บาท</td></tr>
<tr><td>4. ลักษณะงาน</td><td>ถนนคอนกรีตเสริมเหล็ก หนา 0.15 เมตร พื้นที่ไม่น้อยกว่า 1,600 ตารางเมตร</td></tr>
<tr><td>5. ราคากลางคำนวณ ณ วันที่ 15 ตุลาคม 2568</td><td class="n">1,198,500.00 บาท</td></tr>
<tr><td>6. บัญชีประมาณการราคากลาง</td><td>แบบ ปร.4 และ ปร.5</td></tr>
<tr><td>7. รายชื่อคณะกรรมการกำหนดราคากลาง</td><td>1. นายประเสริฐ มั่นคง นายช่างโยธาชำนาญงาน<br>
2. นายวีระ ทองดี ผู้อำนวยการกองช่าง<br>3. นางสาวสุดา แก้วใส นักวิชาการพัสดุ</td></tr>
</table>
<p class="sign">ประกาศ ณ วันที่ 20 ตุลาคม พ.ศ. 2568<br><br>(นางสาวมาลี ศรีสุข)<br>
ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่<br>นายกองค์การบริหารส่วนตำบลหนองบัว</p>
</body></html>
"""

NOTO_NOTICE_HTML = """<!doctype html>
<html lang="th"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: 'Noto Sans Thai'; font-size: 15pt; }
</style></head><body>
<h1>ประกาศองค์การบริหารส่วนตำบลโคกสว่าง</h1>
<h2>เรื่อง นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)</h2>
<p>ด้วยองค์การบริหารส่วนตำบลโคกสว่าง มีเจตนารมณ์ในการบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส และตรวจสอบได้
จึงประกาศเจตนารมณ์ให้ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล พนักงานจ้าง และเจ้าหน้าที่ทุกคน ถือปฏิบัติตามนโยบาย
ไม่รับของขวัญ ของกำนัล หรือประโยชน์อื่นใด จากการปฏิบัติหน้าที่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙</p>
<p>รายงานสรุปผลการจัดซื้อจัดจ้าง ราคากลาง วงเงินงบประมาณ เลขประจำตัวผู้เสียภาษี ผู้ได้รับการคัดเลือก
เหตุผลที่คัดเลือกโดยสรุป ค่าจ้างเหมาซ่อมแซมถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๔ บ้านหนองบัว</p>
<p>การวิเคราะห์ความเสี่ยงการทุจริตและประพฤติมิชอบ มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน
แผนปฏิบัติการป้องกันการทุจริต ช่องทางการร้องเรียนเรื่องทุจริต โทรศัพท์ ๐-๔๔๑๒-๓๔๕๖ ผู้ใหญ่บ้าน กำนัน น้ำท่วม ทำนา ผู้ที่ได้รับ</p>
<p>ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๘</p>
<p style="margin-left:40%">(นายสมชาย ใจดี)<br>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p>
</body></html>
"""

# Debian's Thai model cannot output ๔: OCR reads this Khon Kaen number as "๐๕๓-๕๑๕๑๒๓", a well-formed wrong number.
CONTACT_NOTICE_HTML = """<!doctype html>
<html lang="th"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 25mm 20mm; }
  body { font-family: Loma; font-size: 16pt; line-height: 1.6; }
  h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
  p { text-indent: 12mm; margin: 4mm 0; }
  .sign { margin-left: 80mm; text-indent: 0; text-align: center; }
</style></head><body>
<h1>ประกาศองค์การบริหารส่วนตำบลหนองบัว</h1>
<h1>เรื่อง ช่องทางการติดต่อและการร้องเรียนเรื่องทุจริต</h1>
<p>องค์การบริหารส่วนตำบลหนองบัว ขอแจ้งช่องทางการติดต่อสอบถามและการร้องเรียนเรื่องทุจริตและประพฤติมิชอบ
ให้ประชาชนทราบโดยทั่วกัน ดังนี้</p>
<p>ติดต่อด้วยตนเองที่ สำนักงานปลัด องค์การบริหารส่วนตำบลหนองบัว ในวันและเวลาราชการ</p>
<p>หมายเลขโทรศัพท์ ๐๔๓-๔๑๔๑๒๓</p>
<p>จึงประกาศมาเพื่อทราบโดยทั่วกัน</p>
<p class="sign">ประกาศ ณ วันที่ ๒ ตุลาคม พ.ศ. ๒๕๖๘<br><br>(นางสาวมาลี ศรีสุข)<br>
นายกองค์การบริหารส่วนตำบลหนองบัว</p>
</body></html>
"""

# Upper vowels and tone marks: the glyphs left without a ToUnicode entry in broken-marks.pdf.
UPPER_MARKS = {0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4E)}


def nogift_pdf(compress: bool = True) -> bytes:
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_compression(compress)  # broken variants edit the ToUnicode stream in place
    pdf.add_font("L", "", str(FONT_DIR / "Laksaman.ttf"))
    pdf.set_lang("th")
    pdf.set_creator("Microsoft Word")
    pdf.set_producer("Microsoft Word")
    pdf.set_creation_date(dt.datetime(2025, 10, 15, 10, 30, tzinfo=dt.UTC))
    pdf.set_margins(25, 20, 20)
    pdf.add_page()
    pdf.set_font("L", size=15)
    for indent, text, align in NOGIFT:
        for number, line in enumerate(wrap(pdf, text, pdf.epw - indent)):
            pdf.set_x(pdf.l_margin + (indent if number == 0 else 0))
            pdf.cell(pdf.epw, 8, line, align=align, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def wrap(pdf: FPDF, text: str, first_width: float) -> list[str]:
    """Lines that fit, broken between words: fpdf2 only breaks at spaces and Thai has none between words."""
    lines, line, width = [], "", first_width
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        if line and pdf.get_string_width(line + word) > width:
            lines.append(line.rstrip())
            line, width = word.lstrip(), pdf.epw
        else:
            line += word
    return [*lines, line.rstrip()]


def chromium_pdf(html: str) -> bytes:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("chromium is needed for the second producer: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        page, out = Path(tmp) / "page.html", Path(tmp) / "out.pdf"
        page.write_text(html, encoding="utf-8")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer"]
        subprocess.run([browser, *flags, f"--print-to-pdf={out}", page.as_uri()], check=True, capture_output=True)
        return _fixed_stamps(out.read_bytes())


def scanned_image(pdf_bytes: bytes, index: int, seed: int) -> Image.Image:
    """A page as a cheap office scanner sees it: grey paper, slight tilt, blur and dust."""
    pdf = pypdfium2.PdfDocument(pdf_bytes)
    try:
        page = pdf[index].render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    page = page.point(lambda v: 28 + v * (232 - 28) // 255)  # ink never quite black, paper never white
    page = page.rotate(0.6, resample=Image.Resampling.BICUBIC, fillcolor=232)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    rnd = random.Random(seed)  # seeded bytes, not Image.effect_noise: the output must be reproducible
    small = (page.width // 3, page.height // 3)
    dust = Image.frombytes("L", small, rnd.randbytes(small[0] * small[1])).point(lambda v: 80 if v == 0 else 255)
    return ImageChops.darker(page, dust.resize(page.size, Image.Resampling.NEAREST))  # 3x3 specks, 0.4 %


def image_pdf(images: list[Image.Image]) -> bytes:
    buf = io.BytesIO()
    first, *rest = images
    stamp = dt.datetime(2025, 10, 16, 9, 0, tzinfo=dt.UTC).timetuple()  # else Pillow stamps the current time
    first.save(
        buf,
        "PDF",
        resolution=SCAN_DPI,
        save_all=True,
        append_images=rest,
        quality=50,
        creationDate=stamp,
        modDate=stamp,
    )
    return buf.getvalue()


def merge(parts: list[tuple[bytes, int]]) -> bytes:
    out = pypdfium2.PdfDocument.new()
    for data, index in parts:
        src = pypdfium2.PdfDocument(data)
        out.import_pages(src, [index])
        src.close()
    buf = io.BytesIO()
    out.save(buf)
    out.close()
    return _fixed_stamps(buf.getvalue())


def _fixed_stamps(pdf: bytes) -> bytes:
    """PDFium stamps the time and a random file ID: fixed values of the same length keep the output reproducible
    (and every offset in the cross-reference table valid)."""
    pdf = re.sub(rb"/(CreationDate|ModDate)( ?)\(D:\d{14}", rb"/\1\2(D:20251016090000", pdf)
    return re.sub(rb"/ID\[<[0-9A-F]{32}><[0-9A-F]{32}>\]", b"/ID[<" + b"0" * 32 + b"><" + b"0" * 32 + b">]", pdf)


def rewrite_tounicode(pdf: bytes, remap) -> bytes:  # type: ignore[no-untyped-def]
    """Change the Unicode side of every bfchar entry; entries keep their length, so offsets stay valid."""
    start, end = pdf.index(b"beginbfchar"), pdf.index(b"endbfchar")

    def entry(m: re.Match[bytes]) -> bytes:
        return m.group(1) + b"<%04X>" % remap(int(m.group(2), 16))

    body = re.sub(rb"(<[0-9A-F]{4}> )<([0-9A-F]{4})>", entry, pdf[start:end])
    return pdf[:start] + body + pdf[end:]


def without_marks(cp: int) -> int:
    return 0 if cp in UPPER_MARKS else cp  # poppler drops glyphs mapped to U+0000


def legacy_thai(cp: int) -> int:
    return cp - 0x0E00 + 0xA0 if 0x0E01 <= cp <= 0x0E5B else cp  # U+0E01 -> TIS-620 0xA1 -> Latin-1 "¡"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    nogift = nogift_pdf()
    price = chromium_pdf(MEDIAN_PRICE_HTML)
    nogift_scan = scanned_image(nogift, 0, seed=1)
    price_scan = scanned_image(price, 0, seed=2)
    scan_pdf = image_pdf([nogift_scan])
    files = {
        "nogift-fpdf.pdf": nogift,
        "median-price-chromium.pdf": price,
        "nogift-scan.pdf": scan_pdf,
        "mixed-text-scan.pdf": merge([(nogift, 0), (image_pdf([price_scan]), 0)]),
        "broken-marks.pdf": rewrite_tounicode(nogift_pdf(compress=False), without_marks),
        "broken-legacy-font.pdf": rewrite_tounicode(nogift_pdf(compress=False), legacy_thai),
    }
    noto = chromium_pdf(NOTO_NOTICE_HTML)
    files["notice-noto-chromium.pdf"] = noto
    files["contact-notice-scan.pdf"] = image_pdf([scanned_image(chromium_pdf(CONTACT_NOTICE_HTML), 0, seed=4)])
    # Sideways and upside down, as a page fed into the scanner the wrong way round comes out.
    sideways = nogift_scan.rotate(-90, expand=True)
    files["nogift-scan-rotated.pdf"] = image_pdf([sideways, nogift_scan.rotate(180)])
    header = io.BytesIO()
    price_scan.crop((0, 0, price_scan.width, price_scan.height * 2 // 5)).save(header, "JPEG", quality=70)
    files["announcement-header.jpg"] = header.getvalue()
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"{name:28} {len(data) / 1024:7.1f} KB")


if __name__ == "__main__":
    main()
