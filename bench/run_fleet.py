"""Fleet capacity benchmark: sites scanned per hour by 1, 2 and 4 `oit fleet worker` processes at the default
politeness, with the CPU and memory of each worker, the queue latency, and a projection for the whole country.

    python bench/run_fleet.py [--kind gen|demo] [--sites 16] [--pages 30] [--scans 6] [--workers 1,2,4]
                              [--threads 4] [--wide 16]

What it starts, all on this machine and all thrown away after:
* N Thai municipal sites, each on its own loopback address (127.0.1.1, 127.0.1.2, …): N hosts, as N
  municipalities' servers. `--kind gen` (default): small HTML-only sites (bench/gen_site.py, `--pages` pages of
  ~40 KB each). `--kind demo`: N copies of oit's demo site (oit/demo/site: 37 HTML pages, 44 born-digital PDFs)
  plus `--scans` image-only 2-page PDFs that need OCR (bench/run_rescan.py's build_site), as real ITA sites are
  mostly documents. Each copy's PDFs and images get a per-copy trailer or comment, so that no copy's document is
  read from the text cache (keyed by the bytes' hash) that an earlier copy filled: every copy costs its reading
  and OCR. The workers judge the items as of today (a worker takes no as-of date): the verdicts on the demo site
  are not the planted ones, which does not matter here: time, CPU and memory are measured;
* a Redis on a free port (the queue) and a PostgreSQL cluster (tests/oit/store/postgres.py; the shared database),
  a new database for each round;
* for each worker count W: `oit fleet enqueue`, then W `oit fleet worker --threads T` processes, until the ledger
  says every site is done; then SIGTERM.

The crawl settings are config.toml's defaults (concurrency 2 and a 1-second delay per host, robots.txt obeyed), so
a site's scan takes about its request count in seconds however fast the machine: the fleet's throughput comes from
scanning many sites at once. Measured per round: wall time from the enqueue to the last site done, sites per hour,
each worker's CPU seconds (its process tree, every process's last reading summed, so an OCR or PDF worker that ended
still counts) and peak RSS (the tree's largest sum, sampled every 0.25 s), the CPU seconds per site, each site's
pages, documents and OCR'd pages (from its stored scan), and the queue latency (a site's start minus its queueing,
from the ledger), and the round's `texts_read` (rows of the text cache: about the sum of the sites' documents when no
copy was free). A last round runs one worker with `--wide` threads (issue 15: a worker holding 16 concurrent scans
stays under 1.5 GB). The projection uses the best round's CPU per site and scan time, so it holds for this kind.

Writes bench/results/fleet-YYYYMMDD-HHMM.json and prints the table and the projection of machines needed for
7,850 sites in a six-hour night.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from datetime import date, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT)]

import gen_site  # noqa: E402
from bench_env import describe  # noqa: E402
from proctree import TreeCpu, tree_rss  # noqa: E402

NIGHT = date(2026, 12, 7)
COUNTRY = 7_850  # local governments with a main website (issue 15)
NIGHT_HOURS = 6.0


class _Quiet(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_sites(sites: list[Path]) -> tuple[list[str], list[ThreadingHTTPServer]]:
    """Each site folder served on its own loopback address; returns their URLs and servers."""
    urls, servers = [], []
    for i, site in enumerate(sites):
        server = ThreadingHTTPServer((f"127.0.1.{i + 1}", 0), functools.partial(_Quiet, directory=str(site)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        urls.append(f"http://127.0.1.{i + 1}:{server.server_address[1]}/")
        servers.append(server)
    return urls, servers


def gen_sites(folder: Path, count: int, pages: int) -> tuple[list[Path], dict[str, Any]]:
    """`count` generated HTML-only sites of `pages` pages, each with its own seed."""
    sites = []
    for i in range(count):
        sites.append(folder / f"site{i}")
        gen_site.generate(sites[-1], n_pages=pages, seed=2567 + i)
    return sites, {"kind": "gen", "pages": pages}


def demo_sites(folder: Path, count: int, scans: int) -> tuple[list[Path], dict[str, Any]]:
    """`count` copies of the demo site with `scans` scanned PDFs, each copy's documents different in bytes."""
    from run_rescan import build_site  # the demo site plus scanned PDFs, as the re-scan bench builds it

    master = folder / "demo"
    facts = build_site(master, pages=0, scans=scans, demo=True)
    sites = []
    for i in range(count):
        sites.append(folder / f"site{i}")
        shutil.copytree(master, sites[-1])
        mark_copy(sites[-1], i)
    return sites, {"kind": "demo", **facts}


def mark_copy(site: Path, copy: int) -> None:
    """Make every PDF and image of `site` differ in bytes from the other copies', readers seeing the same file."""
    for path in site.rglob("*"):
        suffix = path.suffix.lower()
        if suffix in MARKS:
            path.write_bytes(MARKS[suffix](path.read_bytes(), f"oit fleet bench copy {copy}".encode("ascii")))


def _pdf_trailer(body: bytes, note: bytes) -> bytes:
    # A comment line after %%EOF: readers look for the cross-reference table from the file's end, past such bytes.
    return body + b"\n%" + note + b"\n"


def _png_text(body: bytes, note: bytes) -> bytes:
    """A tEXt chunk (metadata) just before the IEND chunk, the last 12 bytes."""
    if body[-8:-4] != b"IEND":
        raise ValueError("not a PNG ending in its IEND chunk")
    data = b"Comment\0" + note
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    return body[:-12] + chunk + body[-12:]


def _jpeg_comment(body: bytes, note: bytes) -> bytes:
    """A COM segment right after the start-of-image marker."""
    return body[:2] + b"\xff\xfe" + struct.pack(">H", len(note) + 2) + note + body[2:]


MARKS: dict[str, Callable[[bytes, bytes], bytes]] = {
    ".pdf": _pdf_trailer,
    ".png": _png_text,
    ".jpg": _jpeg_comment,
    ".jpeg": _jpeg_comment,
}


def write_config(folder: Path, database: str, redis: str, urls: list[str]) -> Path:
    """Default politeness and bounds; only the database, the queue and the sites are set."""
    lines = ["[database]", f'url = "{database}"', "[fleet]", f'redis_url = "{redis}"']
    for i, url in enumerate(urls):
        lines += ["[[sites]]", f'name = "อบต.ทดสอบ {i + 1}"', f'url = "{url}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def oit(*args: str) -> list[str]:
    return [sys.executable, "-m", "oit", *args]


def site_facts(engine: Any, scan_id: int) -> dict[str, int]:
    """A finished scan's pages and documents (its result's crawl figures) and OCR'd pages (its documents)."""
    from sqlalchemy import func, select

    from oit.store.database import DOCUMENTS, scan_result_json

    crawl = (scan_result_json(engine, scan_id) or {}).get("crawl", {})
    with engine.connect() as conn:  # the store has no reader for this sum; a bench may ask its table directly
        ocr = conn.execute(select(func.coalesce(func.sum(DOCUMENTS.c.ocr_pages), 0)).where(
            DOCUMENTS.c.scan_id == scan_id)).scalar()  # fmt: skip
    return {"pages": crawl.get("pages", 0), "documents": crawl.get("documents", 0), "ocr_pages": int(ocr or 0)}


def texts_read(engine: Any) -> int:
    """How many different documents the round's scans read (each round's new database starts with none)."""
    from sqlalchemy import func, select

    from oit.store.database import DOCUMENT_TEXTS

    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(DOCUMENT_TEXTS)).scalar() or 0)


def run_round(folder: Path, config: Path, workers: int, threads: int, sites: int, timeout: float) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("OIT_DATABASE", None)
    began = time.monotonic()
    subprocess.run(oit("fleet", "enqueue", "--config", str(config), "--night", NIGHT.isoformat()),
                   check=True, env=env, cwd=folder, capture_output=True)  # fmt: skip
    procs = [
        subprocess.Popen(
            oit("fleet", "worker", "--config", str(config), "--threads", str(threads)),
            env=env,
            cwd=folder,
            stdout=open(folder / f"worker{w}.log", "wb"),  # noqa: SIM115  # closed when the process ends
            stderr=subprocess.STDOUT,
        )
        for w in range(workers)
    ]
    handles = [psutil.Process(p.pid) for p in procs]
    peak = [0] * workers
    cpu = [TreeCpu(p.pid) for p in procs]
    finished = False
    from oit.config import load_config
    from oit.store.database import open_engine
    from oit.store.ledger import night_runs

    engine = open_engine(load_config(config).database_url)
    last_poll = 0.0
    while time.monotonic() - began < timeout:
        for i, handle in enumerate(handles):
            peak[i] = max(peak[i], tree_rss(handle))
            cpu[i].sample()
        if time.monotonic() - last_poll > 1.0:
            last_poll = time.monotonic()
            runs = night_runs(engine, NIGHT)
            if len(runs) == sites and all(r.state in ("done", "failed") for r in runs):
                finished = True
                break
        time.sleep(0.25)
    for p in procs:
        p.send_signal(signal.SIGTERM)
    stopping = time.monotonic()
    exit_s = []
    for p in procs:
        try:
            p.wait(max(1.0, 90 - (time.monotonic() - stopping)))
        except subprocess.TimeoutExpired:  # never leave a worker (and its database sessions) to the next round
            p.kill()
            p.wait()
        exit_s.append(round(time.monotonic() - stopping, 1))
    runs = night_runs(engine, NIGHT)
    done = [r for r in runs if r.state == "done"]
    facts = [site_facts(engine, r.scan_id) for r in done if r.scan_id]
    texts = texts_read(engine)
    engine.dispose()
    cpu_s = [c.total for c in cpu]
    latency = [(r.started_at - r.queued_at).total_seconds() for r in done if r.started_at]
    scan_s = [(r.finished_at - r.started_at).total_seconds() for r in done if r.finished_at and r.started_at]
    if done:
        wall = max(r.finished_at for r in done if r.finished_at) - min(r.queued_at for r in runs)
        wall_s = wall.total_seconds()
    else:
        wall_s = time.monotonic() - began
    return {
        "workers": workers,
        "threads": threads,
        "sites": sites,
        "finished": finished,
        "done": len(done),
        "failed": sum(r.state == "failed" for r in runs),
        "wall_s": round(wall_s, 1),
        "sites_per_hour": round(len(done) / wall_s * 3600, 1) if wall_s else 0.0,
        "scan_s_median": round(statistics.median(scan_s), 1) if scan_s else None,
        "queue_latency_s": {
            "median": round(statistics.median(latency), 1) if latency else None,
            "p95": round(sorted(latency)[max(0, math.ceil(0.95 * len(latency)) - 1)], 1) if latency else None,
        },
        "worker_cpu_s": [round(c, 1) for c in cpu_s],
        "cpu_s_per_site": round(sum(cpu_s) / len(done), 2) if done else None,
        "per_site": {key: [f[key] for f in facts] for key in ("pages", "documents", "ocr_pages")},
        "texts_read": texts,  # the text cache's rows: about the sum of the documents when no copy was free
        "worker_peak_rss_mb": [round(p / 2**20, 1) for p in peak],
        "worker_exit_s": exit_s,  # from SIGTERM to exit (killed after 90 s)
    }


def projection(rounds: list[dict[str, Any]], wide: dict[str, Any] | None, cores: int, kind: str) -> dict[str, Any]:
    """Machines for the country in one night, from the measured figures of this kind of site.

    A site's scan is bound by politeness (its wall time), a machine by its cores (the CPU each scan costs) and its
    memory (concurrent scans per worker): the capacity of one machine is the smaller of what its scan slots and its
    cores allow in the night, with the CPU per site and the scan's wall time measured in the best round."""
    best = max(rounds, key=lambda r: r["sites_per_hour"])
    cpu_per_site = best["cpu_s_per_site"] or 0.0
    scan_s = best["scan_s_median"] or 1.0
    slots = (wide or best)["threads"] * (1 if wide else best["workers"])
    night_s = NIGHT_HOURS * 3600
    by_slots = slots * night_s / scan_s
    by_cpu = cores * 0.8 * night_s / cpu_per_site if cpu_per_site else math.inf
    per_machine = min(by_slots, by_cpu)
    sizes = ", ".join(f"{key} {_median(best['per_site'][key])}" for key in ("pages", "documents", "ocr_pages"))
    return {
        "cpu_s_per_site": round(cpu_per_site, 2),
        "scan_wall_s_per_site": scan_s,
        "slots_per_machine": slots,
        "sites_per_machine_per_night_by_slots": round(by_slots),
        "sites_per_machine_per_night_by_cpu": round(by_cpu),
        "machines_for_country": math.ceil(COUNTRY / per_machine),
        "assumes": f"{cores} cores, 80 % usable; {kind} sites like these ({best['sites']} sites, median scan"
        f" {scan_s} s; per site median {sizes})",
    }


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=("gen", "demo"), default="gen",
                        help="gen: generated HTML-only sites; demo: copies of oit's demo site with scanned PDFs")  # fmt: skip
    parser.add_argument("--sites", type=int, default=16)
    parser.add_argument("--pages", type=int, default=30, help="pages per site (gen)")
    parser.add_argument("--scans", type=int, default=6, help="scanned 2-page PDFs per site, OCR'd (demo)")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--threads", type=int, default=4, help="scans per worker in the scaling rounds")
    parser.add_argument("--wide", type=int, default=16, help="threads of the one-worker memory round (0: skip)")
    parser.add_argument("--database", help="a PostgreSQL URL to use instead of a throw-away cluster (emptied!)")
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args(argv)
    from tests.oit.fleet.queue_server import start_redis
    from tests.oit.store.postgres import PostgresCluster

    folder = Path(tempfile.mkdtemp(prefix="oit-fleet-bench-"))
    if args.kind == "demo":
        sites, site = demo_sites(folder, args.sites, args.scans)
    else:
        sites, site = gen_sites(folder, args.sites, args.pages)
    urls, servers = serve_sites(sites)
    redis, redis_url = start_redis(folder)
    cluster = None if args.database else PostgresCluster().start()
    rounds: list[dict[str, Any]] = []
    wide = None
    try:
        plan = [(int(w), args.threads) for w in args.workers.split(",")]
        if args.wide:
            plan.append((1, args.wide))
        for workers, threads in plan:
            database = args.database or cluster.url(cluster.create_database())  # type: ignore[union-attr]
            subprocess.run(["redis-cli", "-u", redis_url, "flushall"], check=True, capture_output=True)
            round_dir = folder / f"w{workers}t{threads}"
            round_dir.mkdir()
            config = write_config(round_dir, database, redis_url, urls)
            result = run_round(round_dir, config, workers, threads, args.sites, args.timeout)
            print(json.dumps(result, ensure_ascii=False), flush=True)
            if (workers, threads) == (1, args.wide) and args.wide:
                wide = result
            else:
                rounds.append(result)
    finally:
        redis.terminate()
        for server in servers:
            server.shutdown()
        if cluster:
            cluster.stop()
    report = {
        "when": datetime.now().isoformat(timespec="minutes"),
        "machine": describe(),
        "settings": vars(args),
        "site": site,
        "rounds": rounds,
        "wide": wide,
        "projection": projection(rounds, wide, os.cpu_count() or 1, args.kind),
    }
    out = BENCH / "results" / f"fleet-{datetime.now():%Y%m%d-%H%M}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(report)
    print(f"\n{out}")
    return 0 if all(r["finished"] for r in rounds) else 1


def print_table(report: dict[str, Any]) -> None:
    print(f"\n{report['site']['kind']} sites: {json.dumps(report['site'], ensure_ascii=False)}")
    print("\n| workers × threads | sites | wall s | sites/hour | scan s (median) | queue latency s (median/p95) |"
          " CPU s per worker | CPU s per site | pages / documents / OCR'd pages per site (median) |"
          " peak RSS MB per worker |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in [*report["rounds"], *([report["wide"]] if report["wide"] else [])]:
        q = r["queue_latency_s"]
        sizes = " / ".join(str(_median(r["per_site"][key])) for key in ("pages", "documents", "ocr_pages"))
        print(
            f"| {r['workers']} × {r['threads']} | {r['done']}/{r['sites']} | {r['wall_s']} | {r['sites_per_hour']} |"
            f" {r['scan_s_median']} | {q['median']}/{q['p95']} | {', '.join(map(str, r['worker_cpu_s']))} |"
            f" {r['cpu_s_per_site']} | {sizes} | {', '.join(map(str, r['worker_peak_rss_mb']))} |"
        )
    p = report["projection"]
    print(
        f"\nprojection: {p['machines_for_country']} machines for {COUNTRY} sites in {NIGHT_HOURS:.0f} h"
        f" (per machine and night: {p['sites_per_machine_per_night_by_slots']} by scan slots,"
        f" {p['sites_per_machine_per_night_by_cpu']} by CPU; {p['assumes']})"
    )


if __name__ == "__main__":
    sys.exit(main())
