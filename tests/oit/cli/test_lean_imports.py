"""What an `oit scan` process loads (issue 14: the whole scan must fit in ~85 MB, and imports were 74 MB of it).

Libraries that only some sites need are imported when first needed, not at start-up: pypdfium2 (~4 MB: only the
worker processes open PDFs), charset_normalizer (~2.6 MB: a page that declares no charset, is not UTF-8 and not
Thai cp874), jinja2 (~2 MB: an HTML report), openpyxl (an Excel report), playwright (rendering), Pillow, the Office
readers, rich.progress (a terminal to show progress on), pythainlp's package (the PDF quality gate's dictionary). Each test runs a real `oit scan` in a subprocess, as a
user or cron runs it, against a real HTTP server on 127.0.0.1, and reads what the scan process imported (its
`sys.modules` at exit) and which processes of its tree mapped pdfium's shared library. Each library is asserted
both ways: absent from a scan that does not need it, present in (or loaded for) one that does.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.crawler.support import LocalServer, Reply, page, pdf_reply

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "documents"

# Runs `oit scan` (oit.cli's main, as `python -m oit` does) and writes, at exit, the modules the scan process
# imported and whether pdfium's library was mapped in it or in one of its children (the PDF workers and their
# fork server), sampled through the scan and once more at exit, before the worker pools are shut down (atexit
# runs the last registered first: this hook is registered after oit's own).
WATCHED_SCAN = r"""
import atexit, json, os, sys, threading, time

out = sys.argv.pop(1)
mapped = {"scan": False, "children": False}


def descendants():
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as stat:
                    parents[int(name)] = int(stat.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    found, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def maps_pdfium(pid):
    try:
        with open(f"/proc/{pid}/maps", "rb") as maps:
            return b"pdfium" in maps.read()
    except OSError:
        return False


def look():
    mapped["scan"] = mapped["scan"] or maps_pdfium(os.getpid())
    mapped["children"] = mapped["children"] or any(maps_pdfium(pid) for pid in descendants())


def watch():
    while True:
        look()
        time.sleep(0.1)


def report():
    look()
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"modules": sorted(sys.modules), "pdfium_mapped": mapped}, f)


threading.Thread(target=watch, daemon=True).start()
from oit.cli import main

atexit.register(report)
sys.argv[0] = "oit"
main()
"""

# Imported only by the scans that need them (or by the worker processes, which have their own interpreter).
PDF_STACK = ("pypdfium2", "pypdfium2_raw", "pdftotext", "PIL", "tesserocr", "docx", "xlrd")
DETECTOR = ("charset_normalizer",)
HTML_REPORT = ("jinja2", "markupsafe")
# pythainlp's package: its whole dictionary serves the PDF quality gate; labels are cut by newmm run from its own file.
OTHER_LAZY = ("openpyxl", "playwright", "rich.progress", "crawler.forkserver_boot", "pythainlp")

MENU = (
    '<a href="/structure.html">โครงสร้างส่วนราชการ</a> <a href="/news.html">ข่าวประชาสัมพันธ์</a>'
    ' <a href="/contact.html">ติดต่อเรา</a>'
)


def thai_site() -> dict[str, Reply]:
    """An อบต. site of plain HTML: UTF-8 pages, a page declared windows-874 in its <meta>, one in TIS-620 that
    declares nothing (common on old Thai hosting): none of them needs a charset detector."""
    legacy = "<html><head><meta charset='windows-874'><title>โครงสร้างส่วนราชการ</title></head><body>"
    undeclared = "<html><head><title>ข่าวประชาสัมพันธ์ อบต.ตัวอย่าง</title></head><body>"
    return {
        "/": page(f"<h1>องค์การบริหารส่วนตำบลตัวอย่าง</h1>{MENU}", title="หน้าหลัก - อบต.ตัวอย่าง"),
        "/structure.html": Reply(
            body=(legacy + "<h1>โครงสร้างส่วนราชการ</h1><p>สำนักปลัด กองคลัง กองช่าง</p></body></html>").encode("cp874"),
            content_type="text/html",
        ),
        "/news.html": Reply(
            body=(undeclared + "<h1>ข่าวประชาสัมพันธ์</h1><p>ประกาศรับสมัครงาน ๑๕ มีนาคม ๒๕๖๙</p></body></html>").encode(
                "tis-620"
            ),
            content_type="text/html",
        ),
        "/contact.html": page("<h1>ติดต่อเรา</h1><p>โทร ๐ ๔๔๑๒ ๓๔๕๖</p>", title="ติดต่อเรา"),
    }


def scan(site: dict[str, Reply], tmp_path: Path, *options: str) -> tuple[dict, sqlite3.Connection]:
    """`oit scan` of the site: what the scan process loaded, and its database."""
    db, loaded = tmp_path / "oit.sqlite", tmp_path / "loaded.json"
    env = {**os.environ, "OIT_DATABASE": f"sqlite:///{db}", "PYTHONPATH": str(ROOT)}
    with LocalServer(site) as server:
        args = ["scan", server.url("/"), "--year", "2569", "--as-of", "2026-05-15", "--delay", "0", *options]
        done = subprocess.run([sys.executable, "-c", WATCHED_SCAN, str(loaded), *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(loaded.read_text(encoding="utf-8")), sqlite3.connect(db)


def imported(loaded: dict, names: tuple[str, ...]) -> list[str]:
    modules = set(loaded["modules"])
    return [name for name in names if name in modules]


def titles(db: sqlite3.Connection) -> set[str]:
    return {title for (title,) in db.execute("select title from pages")}


def test_an_html_only_scan_loads_no_pdf_detector_or_report_library(tmp_path: Path) -> None:
    loaded, db = scan(thai_site(), tmp_path, "--json", str(tmp_path / "result.json"))
    assert {"โครงสร้างส่วนราชการ", "ข่าวประชาสัมพันธ์ อบต.ตัวอย่าง", "ติดต่อเรา"} <= titles(db)  # legacy bytes read
    assert json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))["items"]  # judged and reported
    assert imported(loaded, PDF_STACK + DETECTOR + HTML_REPORT + OTHER_LAZY) == []
    assert loaded["pdfium_mapped"] == {"scan": False, "children": False}


def test_a_scan_that_meets_pdfs_reads_them_with_the_pdf_stack(tmp_path: Path) -> None:
    site = thai_site()
    site["/"] = page(
        f"<h1>องค์การบริหารส่วนตำบลตัวอย่าง</h1>{MENU}"
        '<a href="/docs/nogift.pdf">ประกาศเจตนารมณ์ No Gift Policy</a>'
        '<a href="/docs/nogift-protected.pdf">ประกาศ No Gift Policy (ไฟล์ป้องกันการแก้ไข)</a>',
        title="หน้าหลัก - อบต.ตัวอย่าง",
    )
    site["/docs/nogift.pdf"] = pdf_reply((FIXTURES / "nogift-fpdf.pdf").read_bytes())
    # Encrypted with an owner password only: pypdfium2 opens it (in a worker) to see that it needs none.
    site["/docs/nogift-protected.pdf"] = pdf_reply((FIXTURES / "hostile_owner-password.pdf").read_bytes())
    loaded, db = scan(site, tmp_path, "--json", str(tmp_path / "result.json"))
    texts = dict(db.execute("select url, text from documents"))
    assert "ไม่รับของขวัญ" in texts[next(u for u in texts if u.endswith("/nogift.pdf"))]
    assert "No Gift Policy 2569" in texts[next(u for u in texts if u.endswith("/nogift-protected.pdf"))]
    assert loaded["pdfium_mapped"] == {"scan": False, "children": True}  # read in workers, never in the scan
    assert "crawler.quality" in loaded["modules"] and imported(loaded, DETECTOR + HTML_REPORT) == []


def test_an_undeclared_foreign_page_and_an_html_report_load_what_they_need(tmp_path: Path) -> None:
    site = thai_site()
    site["/"] = page(f"<h1>องค์การบริหารส่วนตำบลตัวอย่าง</h1>{MENU}<a href='/sister-city.html'>เมืองพี่เมืองน้อง</a>")
    # A sister city's page in Shift_JIS with no charset anywhere: not UTF-8, not Thai, so the detector decides.
    sister = "<html><head><title>姉妹都市 交流事業のお知らせ</title></head><body><p>" + "市役所国際交流課。" * 30
    site["/sister-city.html"] = Reply(
        body=(sister + "</p></body></html>").encode("shift_jis"), content_type="text/html"
    )
    loaded, db = scan(site, tmp_path, "--html", str(tmp_path / "report.html"))
    assert "姉妹都市 交流事業のお知らせ" in titles(db)
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>") and "O1" in report and "O26" in report  # the report was rendered
    assert imported(loaded, DETECTOR + HTML_REPORT) == list(DETECTOR + HTML_REPORT)
    assert imported(loaded, PDF_STACK) == []
