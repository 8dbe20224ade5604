#!/usr/bin/env python3
"""Rendering benchmark: the extra time per page that a browser costs, and the browser's peak memory.

    python bench/run_render.py                  # 60 pages, ~30 s
    python bench/run_render.py --pages 200 --recycle 100

Two generated copies of one Thai municipal site, served on loopback by bench/serve.py: in one every page is
plain HTML; in the other every page is a JavaScript shell (an empty #app and a script that fetches the page's
menu and text from a JSON file and writes them in), as single-page-app sites are. oit's crawler (the real
Crawler, concurrency 2, no politeness delay) crawls each; the difference per page is what rendering adds.
Also reported: the browser's cold start, the renderer's own time per page, and the peak memory of Chromium's
processes, sampled every 0.1 s: the sum of their RSS (what the recycle limit watches; shared pages counted
once per process) and, with psutil, the sum of their PSS (shared pages split between processes: the honest
figure).

Prints a table and writes bench/results/render-YYYYMMDD-HHMM.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_env import describe
from serve import serve

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.engine import Crawler, MemorySink  # noqa: E402
from crawler.render import browser_rss  # noqa: E402
from crawler.settings import CrawlSettings  # noqa: E402

MENU = [
    "ประวัติความเป็นมา",
    "โครงสร้างส่วนราชการ",
    "อำนาจหน้าที่",
    "คณะผู้บริหาร",
    "แผนพัฒนาท้องถิ่น",
    "ประกาศจัดซื้อจัดจ้าง",
    "การเปิดเผยข้อมูลสาธารณะ (OIT)",
    "ติดต่อเรา",
]
PROSE = (
    "องค์การบริหารส่วนตำบลโคกสว่าง ดำเนินโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {n} งบประมาณ {n}0,000 บาท"
    " ประจำปีงบประมาณ พ.ศ. 2569 เริ่มวันที่ 1 ตุลาคม 2568 ถึงวันที่ 30 กันยายน 2569 "
)
SHELL = """<!doctype html><html lang="th"><head><meta charset="utf-8"><title>หน้า {n}</title></head>
<body><div id="app"><p>กำลังโหลด...</p></div><script>
fetch('/data/{n}.json').then(r => r.json()).then(d => {{
  const menu = d.menu.map(m => '<li><a href="' + m.href + '">' + m.label + '</a></li>').join('');
  document.getElementById('app').innerHTML = '<nav class="menu"><ul>' + menu + '</ul></nav><h1>' + d.title
    + '</h1><p>' + d.text + '</p>';
}});
</script></body></html>"""
STATIC = """<!doctype html><html lang="th"><head><meta charset="utf-8"><title>หน้า {n}</title></head>
<body><div id="app"><nav class="menu"><ul>{menu}</ul></nav><h1>{title}</h1><p>{text}</p></div></body></html>"""


def page_data(n: int, pages: int) -> dict:
    """Page n's menu (the site's eight items plus links to the next pages, so every page is reached) and text."""
    menu = [{"label": label, "href": f"/p/{(n + i) % pages}.html"} for i, label in enumerate(MENU, 1)]
    menu += [{"label": f"ข่าวประชาสัมพันธ์ {k}", "href": f"/p/{k}.html"} for k in range(2 * n + 1, 2 * n + 3) if k < pages]
    return {"title": f"ข่าวประชาสัมพันธ์ที่ {n}", "text": PROSE.format(n=n) * 20, "menu": menu}


def generate(root: Path, pages: int, shells: bool) -> None:
    (root / "p").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    for n in range(pages):
        data = page_data(n, pages)
        if shells:
            (root / "data" / f"{n}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            html = SHELL.format(n=n)
        else:
            menu = "".join(f'<li><a href="{m["href"]}">{m["label"]}</a></li>' for m in data["menu"])
            html = STATIC.format(n=n, menu=menu, title=data["title"], text=data["text"])
        (root / "p" / f"{n}.html").write_text(html, encoding="utf-8")
    (root / "index.html").write_text(
        '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>หน้าแรก</title></head><body>'
        '<a href="/p/0.html">หน้าแรก</a> <a href="/p/1.html">ข่าว</a> <a href="/p/2.html">ประกาศ</a></body></html>',
        encoding="utf-8",
    )


class MemorySampler:
    """Peak memory of Chromium's processes, sampled in a thread while a crawl runs."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_rss = max(self.peak_rss, browser_rss())
            self.peak_pss = max(self.peak_pss, _chromium_pss())


def _chromium_pss() -> int:
    try:
        import psutil
    except ImportError:
        return 0
    total = 0
    for child in psutil.Process().children(recursive=True):
        try:
            if "chrom" in child.name().lower():
                total += child.memory_full_info().pss
        except psutil.Error:
            continue
    return total


def crawl(url: str, pages: int, recycle: int) -> dict:
    settings = CrawlSettings(
        delay=0.0, concurrency=2, read_sitemaps=False, max_pages=pages + 10, render_recycle_pages=recycle
    )
    sink = MemorySink()
    crawler = Crawler(settings, sink)
    with MemorySampler() as memory:
        started = time.monotonic()
        result = asyncio.run(crawler.run(url))
        seconds = time.monotonic() - started
    return {
        "pages": result.pages,
        "seconds": round(seconds, 3),
        "rendered": result.rendered,
        "render_seconds": result.render_seconds,
        "errors": result.errors,
        "peak_rss_mb": round(max(memory.peak_rss, result.browser_peak_rss) / 2**20, 1),
        "peak_pss_mb": round(memory.peak_pss / 2**20, 1),
        "links_seen": sum(len(p.links) for p in sink.pages),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--recycle", type=int, default=200, help="render_recycle_pages")
    parser.add_argument("--server", default="auto", choices=["auto", "nginx", "python"])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)

    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("static", "shells"):
            root = Path(tmp) / kind
            generate(root, args.pages, shells=kind == "shells")
            with serve(root, args.server) as served:
                runs[kind] = crawl(served.url, args.pages, args.recycle)
                runs[kind]["server"] = served.kind
    static, shells = runs["static"], runs["shells"]
    extra_ms = (shells["seconds"] - static["seconds"]) / max(1, shells["rendered"]) * 1000
    summary = {
        "pages": args.pages,
        "extra_ms_per_rendered_page": round(extra_ms, 1),
        "renderer_ms_per_page": round(shells["render_seconds"] / max(1, shells["rendered"]) * 1000, 1),
        "static_ms_per_page": round(static["seconds"] / max(1, static["pages"]) * 1000, 1),
        "browser_peak_rss_mb": shells["peak_rss_mb"],
        "browser_peak_pss_mb": shells["peak_pss_mb"],
        "same_links": static["links_seen"] == shells["links_seen"],
    }
    for kind, run in runs.items():
        print(f"{kind:7} {run['pages']:4} pages in {run['seconds']:6.2f} s, rendered {run['rendered']:4},"
              f" errors {run['errors']}, links {run['links_seen']}")  # fmt: skip
    print(
        f"extra per rendered page: {summary['extra_ms_per_rendered_page']} ms"
        f" (renderer's own time, cold start included: {summary['renderer_ms_per_page']} ms/page);"
        f" browser peak: {summary['browser_peak_rss_mb']} MB RSS sum, {summary['browser_peak_pss_mb']} MB PSS;"
        f" rendered pages show the same links as the plain ones: {summary['same_links']}"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / time.strftime("render-%Y%m%d-%H%M.json")
    path.write_text(json.dumps({"machine": describe(), "summary": summary, "runs": runs}, indent=2), encoding="utf-8")
    print(f"written: {path}")
    return 0 if summary["same_links"] and not shells["errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
