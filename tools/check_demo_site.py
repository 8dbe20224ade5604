#!/usr/bin/env python3
"""Check the bundled demo site (oit/demo/site): links, encodings, PDF text layers, planted gaps.

Standard library plus poppler's pdftotext only. Serves the site on 127.0.0.1 with http.server, crawls it from
the home page the way a visitor would, and checks that

- every internal link and image on every page resolves (200), and every page on disk is reachable;
- every sitemap <loc> resolves; robots.txt disallows /admin/ and names the sitemap;
- the history page is windows-874 bytes with a matching meta tag;
- every PDF has a text layer in which the key phrases survive `pdftotext -raw -enc UTF-8` (whitespace removed);
- the planted gaps are not undone anywhere (no two-way Q&A channel, no e-service usage guide, no March 2569
  monthly summary, the 2569 No Gift announcement signed by the ปลัด and never by the นายก);
- the whole site stays under 3 MB.

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
                if bad in low:
                    fail(f"{path}: contains {bad!r} (would give a two-way Q&A channel)")
            if re.search(r"\bLINE\b", src):
                fail(f"{path}: mentions LINE")
            if "ถาม" in html_all.get(path, "") and path not in ("/contact.html", "/ita/ita-2569.html"):
                fail(f"{path}: a Q&A mention outside contact.html")
        everything = {**{k: v for k, v in raw_html.items()}, **pdf_text}
        for name, text in everything.items():
            for bad in ("ขั้นตอนการใช้งาน", "วิธีการใช้งาน", "คู่มือการใช้งาน", "วิธีใช้งาน", "การใช้งาน", "วิธีใช้"):
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

        total = sum(p.stat().st_size for p in SITE.rglob("*") if p.is_file())
        if total > 3 * 1024 * 1024:
            fail(f"site is {total / 1048576:.2f} MB (> 3 MB)")
        print(f"crawled {len(pages)} pages, {len(pdf_text)} PDFs, {len(locs)} sitemap URLs, {total / 1024:.0f} KiB")
    finally:
        server.shutdown()
    for f in FAILURES:
        print("FAIL", f)
    print("OK" if not FAILURES else f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
