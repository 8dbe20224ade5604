#!/usr/bin/env python3
"""Re-scan benchmark: a first scan and a re-scan of an unchanged site, as two `oit scan` processes.

    python bench/run_rescan.py                      # ~1 min on 2 cores
    python bench/run_rescan.py --pages 2000 --scans 0 --no-demo   # a site of HTML pages only

The site, served on 127.0.0.1 (nginx when installed: ETag, Last-Modified and 304 like a real web server):
the demo อบต. site (37 pages, 44 born-digital Thai PDFs), a news archive of `--pages` generated Thai pages
(bench/gen_site.py, ~40 kB each, moved under /archive/) and `--scans` image-only PDFs of 2 pages each made
from demo pages like run_documents.py's (200 dpi, tilted, specked: they are OCR'd).

Both scans run against a fresh database (so the first scan reads every document, OCR included), with the
same command line; the second is the nightly re-scan of the unchanged site. For each: wall time from spawn
to exit, and CPU seconds of the whole process tree (the oit process and its OCR workers). The re-scan must
give the same item results. Writes bench/results/rescan-YYYYMMDD-HHMM.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import gen_site
import psutil
from bench_env import describe
from run_documents import demo_pdfs, scanned
from serve import serve

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEMO = ROOT / "oit" / "demo" / "site"
TARGET = 0.20  # the re-scan may cost at most this share of the first scan's wall time and CPU (the issue)
POLL_S = 0.05
YEAR, AS_OF = 2569, "2026-05-15"


# --- the site ----------------------------------------------------------------------------------------------------
def build_site(out: Path, pages: int, scans: int, demo: bool, archive_age_days: float = 0.0) -> dict:
    """The demo site plus a generated news archive and scanned PDFs, all reachable from the home page."""
    if demo:
        shutil.copytree(DEMO, out)
    else:
        out.mkdir(parents=True)
        (out / "index.html").write_text("<!doctype html><html><head><meta charset='utf-8'><title>หน้าหลัก</title>"
                                        "</head><body><h1>องค์การบริหารส่วนตำบล</h1></body></html>", "utf-8")  # fmt: skip
        (out / "robots.txt").write_text("User-agent: *\nAllow: /\n", "ascii")
    extra = []
    if pages:
        with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
            gen_site.generate(Path(tmp) / "site", pages)
            shutil.copytree(Path(tmp) / "site", out / "archive")
        for page in (out / "archive").rglob(
            "*.html"
        ):  # the generated site links from its root: move it under /archive/
            text = page.read_text("utf-8")
            page.write_text(re.sub(r'(href|src)="/', r'\1="/archive/', text), "utf-8")
        extra.append('<a href="/archive/">คลังข่าวย้อนหลัง</a>')
        if archive_age_days:  # news from earlier years, untouched since: nginx's Last-Modified says so
            then = time.time() - archive_age_days * 86400
            for path in (out / "archive").rglob("*"):
                os.utime(path, (then, then))
    if scans:
        folder = out / "docs" / "scans"
        folder.mkdir(parents=True)
        pdfs = demo_pdfs()
        links = []
        for n in range(scans):
            body, _ = scanned(pdfs[2 * n : 2 * n + 2], 2, seed=n)
            (folder / f"scan-{n + 1:02d}.pdf").write_bytes(body)
            links.append(f'<li><a href="/docs/scans/scan-{n + 1:02d}.pdf">คำสั่งและประกาศ (ฉบับสแกน) ที่ {n + 1}</a></li>')
        (out / "scans.html").write_text(
            "<!doctype html><html><head><meta charset='utf-8'><title>เอกสารสแกน</title></head><body>"
            f"<h1>ประกาศและคำสั่ง (ฉบับสแกน)</h1><ul>{''.join(links)}</ul></body></html>",
            "utf-8",
        )
        extra.append('<a href="/scans.html">ประกาศและคำสั่ง (ฉบับสแกน)</a>')
    home = out / "index.html"
    home.write_text(home.read_text("utf-8").replace("</body>", " ".join(extra) + "</body>"), "utf-8")
    files = [p for p in out.rglob("*") if p.is_file()]
    return {
        "demo": demo,
        "archive_pages": pages,
        "archive_age_days": archive_age_days,
        "scanned_pdfs": scans,
        "scanned_pages": 2 * scans,
        "html_files": sum(p.suffix == ".html" for p in files),
        "pdf_files": sum(p.suffix == ".pdf" for p in files),
        "bytes": sum(p.stat().st_size for p in files),
    }


# --- one measured scan ------------------------------------------------------------------------------------------
def measure(cmd: list[str], env: dict[str, str], workdir: Path, timeout: float) -> dict:
    """Run `cmd`; wall time from spawn to exit, CPU of the process and of every descendant (OCR workers).

    Descendants are sampled every 50 ms and each one's last CPU reading kept: the OCR workers are children of
    multiprocessing's forkserver, which os.wait4 of the oit process does not count. The oit process itself is
    read from os.wait4 (its own user + system time; it reaps none of the sampled workers, so nothing counts
    twice; `own_cpu_s` and `descendants_cpu_s` are recorded separately)."""
    seen: dict[tuple[int, float], float] = {}
    busy0, runner0 = busy_cpu(), own_cpu()
    t0 = time.perf_counter()
    with (workdir / "stdout.txt").open("wb") as out, (workdir / "stderr.txt").open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=workdir, env=env)
        root = psutil.Process(proc.pid)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            with contextlib.suppress(psutil.Error):
                for child in root.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        times = child.cpu_times()
                        seen[(child.pid, child.create_time())] = times.user + times.system
            if time.perf_counter() - t0 > timeout:
                proc.kill()
            time.sleep(POLL_S)
    wall = time.perf_counter() - t0
    own = usage.ru_utime + usage.ru_stime
    descendants = sum(seen.values())
    other = busy_cpu() - busy0 - (own_cpu() - runner0) - own - descendants  # the server and everyone else
    return {
        "exit_code": os.waitstatus_to_exitcode(status),
        "wall_s": round(wall, 2),
        "cpu_s": round(own + descendants, 2),
        "own_cpu_s": round(own, 2),
        "descendants_cpu_s": round(descendants, 2),
        "descendants": len(seen),
        "maxrss_mb": round(usage.ru_maxrss / 1024, 1),
        "other_cpu_s": round(max(0.0, other), 2),
        "stderr_tail": (workdir / "stderr.txt").read_text(errors="replace")[-1500:],
    }


def busy_cpu() -> float:
    """Machine-wide busy CPU seconds so far (all cores; idle and iowait excluded)."""
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def own_cpu() -> float:
    t = psutil.Process().cpu_times()
    return t.user + t.system


def scan_facts(db: Path, json_path: Path) -> dict:
    result = json.loads(json_path.read_text("utf-8")) if json_path.exists() else {}
    with contextlib.closing(sqlite3.connect(db)) as conn:
        row = conn.execute(
            "select id, pages, documents, unchanged, state, not_asked from scans order by id desc limit 1"
        ).fetchone()
        texts = conn.execute("select count(*) from document_texts").fetchone()[0]
    return {
        "scan_id": row[0],
        "pages": row[1],
        "documents": row[2],
        "unchanged": row[3],
        "state": row[4],
        "document_texts": texts,
        "statuses": {i["code"]: i["status"] for i in result.get("items", [])},
        "not_asked": row[5],
    }


def oit_command() -> list[str]:
    local = Path(sys.executable).parent / "oit"
    return [str(local) if local.exists() else shutil.which("oit") or "oit"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=300, help="generated archive pages (default 300)")
    ap.add_argument("--scans", type=int, default=6, help="scanned 2-page PDFs, OCR'd (default 6)")
    ap.add_argument("--no-demo", action="store_true", help="without the demo site (pages and scans only)")
    ap.add_argument("--archive-age-days", type=float, default=400,
                    help="the archive's files were last modified this long ago (default 400; 0: just now)")  # fmt: skip
    ap.add_argument("--full", action="store_true", help="re-scan without --quick: every URL asked for again")
    ap.add_argument("--delay", type=float, default=0.0, help="politeness delay per host, s (default 0)")
    ap.add_argument("--concurrency", type=int, default=4, help="requests in flight per host (default 4)")
    ap.add_argument("--server", choices=["auto", "nginx", "python"], default="auto")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--out", type=Path, default=BENCH / "results")
    args = ap.parse_args(argv)

    machine = describe()
    with tempfile.TemporaryDirectory(prefix="bench-rescan-") as tmp:
        work = Path(tmp)
        site = build_site(work / "site", args.pages, args.scans, not args.no_demo, args.archive_age_days)
        print(f"site: {site}")
        db = work / "rescan.sqlite"
        env = {**os.environ, "OIT_DATABASE": f"sqlite:///{db}"}
        runs = []
        with serve(work / "site", args.server) as srv:
            print(f"server: {srv.kind} at {srv.url}; delay {args.delay} s, concurrency {args.concurrency}")
            for name in ("first scan", "re-scan"):
                json_path = work / f"{len(runs)}.json"
                cmd = [*oit_command(), "scan", srv.url, "--year", str(YEAR), "--as-of", AS_OF, "--delay",
                       str(args.delay), "--concurrency", str(args.concurrency), "--max-pages", "10000",
                       "--json", str(json_path), *([] if args.full else ["--quick"])]  # fmt: skip
                run = {"name": name, "cmd": cmd, **measure(cmd, env, work, args.timeout)}
                run.update(scan_facts(db, json_path) if run["exit_code"] == 0 else {})
                runs.append(run)
                print(
                    f"{name:<10} exit {run['exit_code']}  wall {run['wall_s']:.2f} s  CPU {run['cpu_s']:.2f} s "
                    f"(oit {run['own_cpu_s']:.2f} + OCR workers {run['descendants_cpu_s']:.2f})  "
                    f"pages {run.get('pages')}  documents {run.get('documents')}  unchanged {run.get('unchanged')} "
                    f"(not asked {run.get('not_asked')})  "
                    f"[other processes: {run['other_cpu_s']:.1f} CPU s]"
                )
                if run["exit_code"] != 0:
                    print(run["stderr_tail"])
                    return 1
    first, again = runs
    ratios = {"wall": round(again["wall_s"] / first["wall_s"], 3), "cpu": round(again["cpu_s"] / first["cpu_s"], 3)}
    same = first["statuses"] == again["statuses"] and bool(first["statuses"])
    met = same and ratios["wall"] <= TARGET and ratios["cpu"] <= TARGET
    print(
        f"\nre-scan / first scan: wall {ratios['wall']:.1%}, CPU {ratios['cpu']:.1%} (target ≤ {TARGET:.0%}); "
        f"same item results: {same} -> {'target met' if met else 'target NOT met'}"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = f"{datetime.now():%Y%m%d-%H%M}"
    out_file, n = args.out / f"rescan-{stamp}.json", 1
    while out_file.exists():  # two runs in the same minute
        n += 1
        out_file = args.out / f"rescan-{stamp}-{n}.json"
    report = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": machine,
        "server": srv.kind,
        "site": site,
        "settings": {"delay": args.delay, "concurrency": args.concurrency},
        "target": TARGET,
        "ratios": ratios,
        "same_results": same,
        "met": met,
        "runs": [{k: v for k, v in r.items() if k != "statuses"} | {"statuses": r.get("statuses")} for r in runs],
    }
    out_file.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out_file}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
