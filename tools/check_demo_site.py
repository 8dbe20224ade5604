#!/usr/bin/env python3
"""Check the bundled demo site (oit/demo/site): links, encodings, PDF text layers, planted gaps.

Standard library plus poppler's pdftotext only. Serves the site on 127.0.0.1 with http.server, crawls it from
the home page the way a visitor would, and checks that

- every internal link and image on every page resolves (200), and every page on disk is reachable;
- every sitemap <loc> resolves; robots.txt disallows /admin/ and names the sitemap;
- the history page is windows-874 bytes with a matching meta tag;
- every PDF has a text layer in which the key phrases survive `pdftotext -raw -enc UTF-8` (whitespace removed);
- the ITA 2569 index links every item O1-O26 to evidence;
- the planted gaps are not undone anywhere (no two-way Q&A channel, no e-service usage guide, no March 2569
  monthly summary, the 2569 No Gift announcement signed by the ปลัด and never by the นายก, no start/end dates per
  project in the annual report 2568, no vendor tax id in the annual procurement report 2568, no integrity report
  but the one of ปีงบประมาณ 2567);
- the whole site stays under 5 MB.

Exit status 0 when everything holds; the failures are printed otherwise.
"""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

SITE = Path(__file__).resolve().parents[1] / "oit" / "demo" / "site"
FAILURES: list[str] = []


def fail(msg: str) -> None:
    FAILURES.append(msg)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        for key in ("href", "src"):
            if d.get(key) and tag in ("a", "img", "link", "script", "iframe"):
                self.links.append(d[key])

    def handle_data(self, data):
        self.text.append(data)


def decode(body: bytes) -> str:
    head = body[:2048].decode("ascii", "ignore").lower()
    return body.decode("cp874" if "windows-874" in head else "utf-8")


def pdftext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def serve() -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read(), r.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        return e.code, b"", ""


def crawl(base: str) -> dict[str, str]:
    """Fetch every internal page reachable from the home page; returns {path: visible text}."""
    host = urlparse(base).netloc
    todo, seen, pages, checked = [base + "/"], set(), {}, set()
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, ctype = fetch(url)
        if status != 200:
            fail(f"{url}: HTTP {status}")
            continue
        if "text/html" not in ctype:
            continue
        parser = Links()
        parser.feed(decode(body))
        path = urlparse(url).path
        pages[path] = " ".join(parser.text)
        for link in parser.links:
            if link.startswith(("mailto:", "tel:", "#")):
                continue
            target, _ = urldefrag(urljoin(url, link))
            if urlparse(target).netloc != host:
                continue
            if re.match(r"^https?://127\.0\.0\.1", link):
                fail(f"{path}: link with a hostname: {link}")
            if target.endswith((".html", "/")):
                todo.append(target)
            elif target not in checked:
                checked.add(target)
                st, _b, _c = fetch(target)
                if st != 200:
                    fail(f"{path}: broken link {link} -> HTTP {st}")
    return pages


COMPLAINT_FORM = "/ita/complaint-form.html"
ANNUAL_REPORT = "docs/plan/annual-report-2568.pdf"
PROCURE_REPORT = "docs/procurement/2568/procurement-annual-report-2568.pdf"
INTEGRITY_REPORT = "docs/ita/2569/integrity-report-2567.pdf"
NEW_PDFS = [  # documents of items other than O20: none may read as a No Gift paper
    ANNUAL_REPORT,
    PROCURE_REPORT,
    INTEGRITY_REPORT,
    "docs/manuals/sop-land-tax.pdf",
    "docs/manuals/sop-building-permit.pdf",
    "docs/hr/hr-plan-2569.pdf",
    "docs/hr/hr-report-2568.pdf",
    "docs/ita/2569/participation-report-2569.pdf",
    "docs/ita/2569/risk-assessment-2569.pdf",
    "docs/ita/2568/risk-report-2568.pdf",
    "docs/ita/2569/anticorruption-plan-2569.pdf",
    "docs/ita/2568/anticorruption-report-2568.pdf",
    "docs/ita/2569/integrity-measures-2569.pdf",
]
THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MONTHS_RE = (
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|"
    r"ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\."
)


def check_items(raw_html: dict[str, str], pages: dict[str, str]) -> None:
    """Every ITA 2569 item is linked to evidence from the index; the HTML evidence pages say what they must."""
    index = raw_html.get("/ita/ita-2569.html", "")
    rows = dict(re.findall(r'<td class="center">(O\d+)</td><td>.*?</td><td>(.*?)</td></tr>', index, re.S))
    for n in range(1, 27):
        cell = rows.get(f"O{n}", "")
        if "href=" not in cell:
            fail(f"ita-2569.html: O{n} has no evidence link")
        if "อยู่ระหว่างดำเนินการ" in cell:
            fail(f"ita-2569.html: O{n} is still อยู่ระหว่างดำเนินการ")
    html_expect = {
        "/news/index.html": ["ข่าวประชาสัมพันธ์"],  # O4
        "/services/staff-manuals.html": ["คู่มือการปฏิบัติงานของเจ้าหน้าที่", "ตำแหน่งผู้ปฏิบัติ"],  # O8
        "/ita/ethics-2569.html": [  # O15
            "ประมวลจริยธรรม",
            "การขับเคลื่อนจริยธรรม",
            "โครงการอบรมคุณธรรมจริยธรรมและการป้องกันผลประโยชน์ทับซ้อนประจำปีงบประมาณพ.ศ.2569",
            "๑๖มกราคม๒๕๖๙",
        ],
        "/news/news-11.html": [  # O15's activity
            "โครงการอบรมคุณธรรมจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน",
            "วันศุกร์ที่ 16 มกราคม 2569",
            "ผู้เข้าร่วม",
        ],
        "/ita/complaint.html": [  # O16, O18
            "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            "วิธีการร้องเรียน",
            "ขั้นตอนการจัดการเรื่องร้องเรียน",
            "ส่วนงานที่รับผิดชอบ",
            "ระยะเวลาดำเนินการ",
            "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        ],
        COMPLAINT_FORM: [  # O17
            "แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ(ออนไลน์)",
            "ชื่อ–ตำแหน่งของผู้ถูกร้องเรียน",
            "ข้อเท็จจริงหรือพฤติการณ์ที่ร้องเรียน",
            "เรื่องร้องเรียนทั่วไป",
        ],
    }
    for path, phrases in html_expect.items():
        text = squash(pages.get(path, ""))
        for ph in phrases:
            if squash(ph) not in text:
                fail(f"{path}: phrase not found: {ph}")
    form = raw_html.get(COMPLAINT_FORM, "")
    if not all(tag in form for tag in ("<form", "<textarea", "<input", "<select")):
        fail(f"{COMPLAINT_FORM}: not a web form with fields")


def check_new_gaps(pdf_text: dict[str, str], raw_html: dict[str, str]) -> None:
    """O7, O12 and O26: the three gaps planted after seed 000's assessor findings stay planted, and alone."""
    # O7: results and spending per project, but no start/end dates per project
    report = squash(pdf_text.get(ANNUAL_REPORT, "")).translate(THAI_TO_ARABIC)
    for bad in ("ระยะเวลา", "เริ่ม", "สิ้นสุด"):
        if bad in report:
            fail(f"{ANNUAL_REPORT}: contains {bad!r} (the report must have no start/end dates per project)")
    dates = re.findall(rf"(\d{{1,2}})({MONTHS_RE})(\d{{2,4}})", report)
    allowed = {("1", "ตุลาคม", "2567"), ("30", "กันยายน", "2568"), ("15", "ธันวาคม", "2568")}  # fiscal year, report date
    if set(dates) - allowed or len(re.findall(MONTHS_RE, report)) != len(dates):
        fail(f"{ANNUAL_REPORT}: dates other than the fiscal year and the report date: {sorted(set(dates) - allowed)}")
    for name, text in pdf_text.items():
        if name != ANNUAL_REPORT and "รายงานผลการดำเนินงาน" in squash(text):
            fail(f"{name}: another รายงานผลการดำเนินงาน (O7 must have a single report)")
    # O12: ราคากลาง is there, the vendors' 13-digit tax ids are not
    procure = pdf_text.get(PROCURE_REPORT, "")
    flat = squash(procure).translate(THAI_TO_ARABIC)
    if re.search(r"\d{13}", flat) or re.search(
        r"(?<!\d)\d[-\s]?\d{4}[-\s]?\d{5}[-\s]?\d{2}[-\s]?\d(?!\d)", procure.translate(THAI_TO_ARABIC)
    ):
        fail(f"{PROCURE_REPORT}: has a 13-digit number (the vendors' tax ids must be missing)")
    for bad in ("เลขประจำตัว", "ผู้เสียภาษี"):
        if bad in flat:
            fail(f"{PROCURE_REPORT}: contains {bad!r}")
    for name, text in pdf_text.items():
        flat_other = squash(text)
        if name != PROCURE_REPORT and ("รายงานสรุปผลการจัดซื้อจัดจ้าง" in flat_other or "รายงานผลการจัดซื้อจัดจ้าง" in flat_other):
            fail(f"{name}: another annual procurement report (O12 must have a single one)")
    # O26: the only integrity report is the one of ปีงบประมาณ 2567
    titles = ("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม")
    for name, text in pdf_text.items():
        if name != INTEGRITY_REPORT and any(t in squash(text) for t in titles):
            fail(f"{name}: another integrity report (O26 must only have the one of 2567)")
    integrity = squash(pdf_text.get(INTEGRITY_REPORT, "")).translate(THAI_TO_ARABIC)
    if "2567" not in integrity or "2568" in integrity:
        fail(f"{INTEGRITY_REPORT}: must be of ปีงบประมาณ 2567 and never mention 2568")
    for path, src in raw_html.items():
        if path != "/ita/ita-2569.html" and any(t in squash(src) for t in titles):
            fail(f"{path}: links or names an integrity report (only the ITA 2569 index may)")
    o26 = re.search(r'<td class="center">O26</td>(.*?)</tr>', raw_html.get("/ita/ita-2569.html", ""), re.S)
    if not o26 or "2568" in o26.group(1).translate(THAI_TO_ARABIC) or INTEGRITY_REPORT not in o26.group(1):
        fail("ita-2569.html: O26 must link only the 2567 integrity report, with no 2568 in its label")
    # documents of other items must not read as No Gift papers (O20's evidence is exactly what it is)
    for name in NEW_PDFS:
        low = squash(pdf_text.get(name, "")).lower()
        for bad in ("nogift", "ไม่รับของขวัญ", "ประกาศเจตนารมณ์", "รับของขวัญ"):
            if bad in low:
                fail(f"{name}: contains {bad!r} (only O20's papers may)")


def main() -> int:
    server, base = serve()
    try:
        pages = crawl(base)
        on_disk = {"/" + p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")}
        reached = {("/index.html" if p == "/" else p) for p in pages}
        for missing in sorted(on_disk - reached):
            fail(f"page not reachable from the home page: {missing}")

        robots = (SITE / "robots.txt").read_text()
        if "Disallow: /admin/" not in robots or "Sitemap: /sitemap.xml" not in robots:
            fail("robots.txt lacks Disallow: /admin/ or Sitemap: /sitemap.xml")
        locs = re.findall(r"<loc>(.*?)</loc>", (SITE / "sitemap.xml").read_text())
        for loc in locs:
            if fetch(base + loc)[0] != 200:
                fail(f"sitemap loc does not resolve: {loc}")
            if loc.startswith("/admin/"):
                fail("sitemap lists /admin/")

        raw = (SITE / "about" / "history.html").read_bytes()
        try:
            raw.decode("utf-8")
            fail("about/history.html is valid UTF-8; expected windows-874 bytes")
        except UnicodeDecodeError:
            pass
        if b"charset=windows-874" not in raw or "ประวัติความเป็นมา" not in raw.decode("cp874"):
            fail("about/history.html: windows-874 meta or text missing")

        # ---- PDFs: text layer and key phrases ----
        pdf_text = {p.relative_to(SITE).as_posix(): pdftext(p) for p in sorted(SITE.rglob("*.pdf"))}
        for name, text in pdf_text.items():
            thai = len(re.findall(r"[\u0e00-\u0e7f]", text))
            if thai < 100:
                fail(f"{name}: too little Thai text ({thai} chars)")
            if re.search(r"(ตำ บล|สำ นัก|ประจำ ปี|กำ นัล)", text) or re.search(r"[\uf700-\uf8ff]", text):
                fail(f"{name}: unclean text layer (space after sara am, or private-use glyphs)")
        expect = {
            "docs/ita/2569/nogift-announcement-2569.pdf": [
                "ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่",
                "(No Gift Policy)",
                "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                "ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘",
                "(นางวิไลวรรณ จันทร์หอม)",
                "ปลัดองค์การบริหารส่วนตำบลหนองบัวแดง",
            ],
            "docs/ita/2569/nogift-report-2569-6months.pdf": [
                "รายงานผลการดำเนินการตามนโยบาย No Gift Policy",
                "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ (รอบ 6 เดือน)",
                "ไม่มีการรับของขวัญ",
            ],
            "docs/ita/2568/nogift-announcement-2568.pdf": [
                "ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ",
                "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                "(นายประเสริฐ ศรีสุวรรณ)",
                "นายกองค์การบริหารส่วนตำบลหนองบัวแดง",
            ],
            "docs/procurement/2569/skr1-2568-12.pdf": ["ธันวาคม", "ไม่มีการจัดซื้อจัดจ้าง"],
            "docs/procurement/2569/winner-road-moo7.pdf": ["ประกาศผู้ชนะการเสนอราคา", "๑๒ มกราคม ๒๕๖๙"],
            "docs/law/act-tambon-council-sao-2537.pdf": ["มาตรา ๖๖", "มาตรา ๖๗", "มาตรา ๖๘"],
            # O5, O6
            "docs/plan/local-development-plan-2566-2570.pdf": [
                "แผนพัฒนาท้องถิ่น",
                "(พ.ศ. ๒๕๖๖ – ๒๕๗๐)",
                "ยุทธศาสตร์",
                "เป้าหมาย",
                "ตัวชี้วัด",
            ],
            "docs/plan/action-plan-2569.pdf": [
                "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                "โครงการ/กิจกรรม",
                "งบประมาณ (บาท)",
                "ระยะเวลาดำเนินการ",
            ],
            # O7 (planted gap: no start/end dates per project, checked below)
            "docs/plan/annual-report-2568.pdf": [
                "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                "ผลการดำเนินงาน",
                "ผลการใช้จ่ายงบประมาณ",
                "ผลการเบิกจ่าย",
                "ปัญหาและอุปสรรค",
                "ข้อเสนอแนะ",
            ],
            # O8
            "docs/manuals/sop-land-tax.pdf": ["คู่มือการปฏิบัติงาน", "ขั้นตอนการปฏิบัติงาน", "นักวิชาการจัดเก็บรายได้"],
            "docs/manuals/sop-building-permit.pdf": ["คู่มือการปฏิบัติงาน", "ขั้นตอนการปฏิบัติงาน", "นายช่างโยธา"],
            # O9
            "docs/services/manual-land-tax.pdf": [
                "คู่มือสำหรับประชาชน",
                "ชื่อกระบวนงาน: การรับชำระภาษีที่ดินและสิ่งปลูกสร้าง",
                "ช่องทางการให้บริการ",
                "ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ",
                "ระยะเวลาดำเนินการรวม: 20 นาที",
                "ค่าธรรมเนียม: ไม่มีค่าธรรมเนียม",
                "รายการเอกสารหลักฐานประกอบ",
            ],
            # O12 (planted gap: no vendor tax ids, checked below)
            "docs/procurement/2568/procurement-annual-report-2568.pdf": [
                "รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                "จำนวนโครงการ",
                "ราคากลาง",
                "ผู้ได้รับการคัดเลือก",
                "ปัญหาและอุปสรรค",
                "ข้อเสนอแนะ",
            ],
            # O13, O14
            "docs/hr/hr-plan-2569.pdf": [
                "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                "ด้านการสรรหาและคัดเลือก",
                "ด้านการบรรจุและแต่งตั้ง",
                "ด้านการพัฒนาบุคลากร",
                "ด้านการประเมินผลการปฏิบัติงาน",
                "ด้านการส่งเสริมขวัญกำลังใจ",
            ],
            "docs/hr/hr-report-2568.pdf": [
                "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                "ผลการดำเนินงาน",
                "ปัญหาและอุปสรรค",
                "ข้อเสนอแนะ",
            ],
            # O15
            "docs/ita/2569/ethics-code.pdf": ["ประมวลจริยธรรม", "หมวด ๑ บททั่วไป", "ข้อ ๑", "หมวด ๒ มาตรฐานทางจริยธรรม"],
            # O19
            "docs/ita/2569/participation-report-2569.pdf": [
                "รายงานผลการเปิดโอกาสให้ประชาชนมีส่วนร่วมในการดำเนินงาน",
                "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                "ประเด็น/เรื่อง",
                "ผู้เข้าร่วม",
                "ผลการมีส่วนร่วม",
                "การนำผลไปปรับปรุงการดำเนินงาน",
            ],
            # O21-O24
            "docs/ita/2569/risk-assessment-2569.pdf": [
                "รายงานการประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                "สินบน",
                "ระดับความเสี่ยง",
                "มาตรการควบคุมความเสี่ยง",
            ],
            "docs/ita/2568/risk-report-2568.pdf": [
                "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
                "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                "ผลการดำเนินการ",
            ],
            "docs/ita/2569/anticorruption-plan-2569.pdf": [
                "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                "งบประมาณ (บาท)",
                "ระยะเวลาดำเนินการ",
                "มิติที่ 4",
            ],
            "docs/ita/2568/anticorruption-report-2568.pdf": [
                "รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                "ผลการเบิกจ่าย",
                "ปัญหาและอุปสรรค",
                "ข้อเสนอแนะ",
            ],
            # O25
            "docs/ita/2569/integrity-measures-2569.pdf": [
                "การวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                "ประเด็นข้อบกพร่องหรือจุดอ่อน",
                "ประเด็นที่ต้องพัฒนาให้ดีขึ้น",
                "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                "วิธีการ/ขั้นตอนการดำเนินการ",
                "ผู้รับผิดชอบ",
                "ระยะเวลาดำเนินการ",
                "การติดตามผล",
            ],
            # O26 (planted gap: fiscal year 2567, checked below)
            "docs/ita/2569/integrity-report-2567.pdf": [
                "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                "ประจำปีงบประมาณ ๒๕๖๗ (เดือนตุลาคม ๒๕๖๖ – เดือนกันยายน ๒๕๖๗)",
                "มาตรการหรือกิจกรรม",
                "สรุปผลการดำเนินการ",
                "ผลลัพธ์หรือความสำเร็จ",
                "วันที่ ๑๘ ตุลาคม ๒๕๖๗",
            ],
        }
        columns = [
            "งานที่จัดซื้อหรือจัดจ้าง",
            "วงเงินที่จัดซื้อหรือจ้าง",
            "ราคากลาง",
            "วิธีซื้อหรือจ้าง",
            "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
            "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
            "เหตุผลที่คัดเลือกโดยสังเขป",
            "เลขที่และวันที่ของสัญญาหรือข้อตกลง",
        ]
        months = {
            "2568-10": "ตุลาคม ๒๕๖๘",
            "2568-11": "พฤศจิกายน ๒๕๖๘",
            "2568-12": "ธันวาคม ๒๕๖๘",
            "2569-01": "มกราคม ๒๕๖๙",
            "2569-02": "กุมภาพันธ์ ๒๕๖๙",
        }
        for ym, month in months.items():
            expect.setdefault(f"docs/procurement/2569/skr1-{ym}.pdf", []).extend(
                ["แบบ สขร.1", f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{month}", *columns]
            )
        for name, phrases in expect.items():
            text = squash(pdf_text.get(name, ""))
            if not text:
                fail(f"{name}: missing or empty")
            for ph in phrases:
                if squash(ph) not in text:
                    fail(f"{name}: phrase not found: {ph}")

        # ---- planted gaps must stay planted ----
        if (SITE / "docs/procurement/2569/skr1-2569-03.pdf").exists():
            fail("a March 2569 monthly summary exists")
        for name, text in pdf_text.items():
            # (the February summary is dated 5 มีนาคม 2569, as real ones are: only the month covered counts)
            if "/2569/" in name and "skr1" in name and "รอบเดือนมีนาคม" in squash(text):
                fail(f"{name}: covers มีนาคม (March 2569 must be missing)")
        for name in ("docs/ita/2569/nogift-announcement-2569.pdf", "docs/ita/2569/nogift-report-2569-6months.pdf"):
            if "นายก" in pdf_text[name]:
                fail(f"{name}: mentions นายก (the 2569 No Gift papers must not be signed by the นายก)")
        html_all = {p: t for p, t in pages.items()}
        raw_html = {("/" + p.relative_to(SITE).as_posix()): decode(p.read_bytes()) for p in SITE.rglob("*.html")}
        for path, src in raw_html.items():
            if path.startswith("/admin/"):
                continue
            low = src.lower()
            form_ok = path == COMPLAINT_FORM  # O17: a web form with a textarea, for corruption complaints only
            for bad in (
                "line.me",
                "lin.ee",
                "m.me/",
                "messenger",
                "webboard",
                "เว็บบอร์ด",
                "กระดาน",
                "chatbot",
                "แชท",
                "สนทนา",
                "<textarea",
                "<form",
            ):
                if bad in low and not (form_ok and bad in ("<form", "<textarea")):
                    fail(f"{path}: contains {bad!r} (would give a two-way Q&A channel)")
            if re.search(r"\bLINE\b", src):
                fail(f"{path}: mentions LINE")
            if "ถาม" in html_all.get(path, "") and path not in ("/contact.html", "/ita/ita-2569.html"):
                fail(f"{path}: a Q&A mention outside contact.html")
        everything = {**{k: v for k, v in raw_html.items()}, **pdf_text}
        for name, text in everything.items():
            for bad in (
                "ขั้นตอนการใช้งาน",
                "วิธีการใช้งาน",
                "คู่มือการใช้งาน",
                "วิธีใช้งาน",
                "การใช้งาน",
                "วิธีใช้",
                "ขั้นตอนการขอรับบริการออนไลน์",
                "วิธีการขอรับบริการออนไลน์",
                "ขั้นตอนการยื่นคำร้องออนไลน์",
                "วิธีการยื่นคำร้อง",
            ):
                if bad in squash(text):
                    fail(f"{name}: contains {bad!r} (would give an e-service usage guide)")
        contact = squash(pages.get("/contact.html", ""))
        for ph in ("ช่องทางการถาม-ตอบ(Q&A)", "ส่งคำถามได้ที่อีเมล", "หมู่ที่7", "47285", "0-4270-4519"):
            if ph not in contact:
                fail(f"contact.html: missing {ph}")
        if "google.com/maps/embed" not in raw_html["/contact.html"]:
            fail("contact.html: no Google Maps iframe")
        eservice = raw_html["/eservice/index.html"]
        if "docs.google.com/forms" not in eservice or "สถิติการให้บริการ E-Service ปีงบประมาณ 2569" not in eservice:
            fail("eservice/index.html: form link or statistics missing")
        home = raw_html["/index.html"]
        if 'alt="ITA 2569 การประเมินคุณธรรมและความโปร่งใส"' not in home:
            fail("index.html: ITA banner alt text missing")

        check_items(raw_html, pages)
        check_new_gaps(pdf_text, raw_html)

        total = sum(p.stat().st_size for p in SITE.rglob("*") if p.is_file())
        if total > 5 * 1024 * 1024:
            fail(f"site is {total / 1048576:.2f} MB (> 5 MB)")
        print(f"crawled {len(pages)} pages, {len(pdf_text)} PDFs, {len(locs)} sitemap URLs, {total / 1024:.0f} KiB")
    finally:
        server.shutdown()
    for f in FAILURES:
        print("FAIL", f)
    print("OK" if not FAILURES else f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
