"""Fleet capacity benchmark: sites scanned per hour by 1, 2 and 4 `oit fleet worker` processes at the default
politeness, with the CPU and memory of each worker, the queue latency, and a projection for the whole country.

    python bench/run_fleet.py [--sites 16] [--pages 30] [--workers 1,2,4] [--threads 4] [--wide 16]

What it starts, all on this machine and all thrown away after:
* N small Thai municipal sites (bench/gen_site.py, `--pages` pages of ~40 KB each), each on its own loopback
  address (127.0.1.1, 127.0.1.2, …): N hosts, as N municipalities' servers;
* a Redis on a free port (the queue) and a PostgreSQL cluster (tests/oit/store/postgres.py; the shared database),
  a new database for each round;
* for each worker count W: `oit fleet enqueue`, then W `oit fleet worker --threads T` processes, until the ledger
  says every site is done; then SIGTERM.

The crawl settings are config.toml's defaults (concurrency 2 and a 1-second delay per host, robots.txt obeyed), so
a site's scan takes about its page count in seconds however fast the machine: the fleet's throughput comes from
scanning many sites at once. Measured per round: wall time from the enqueue to the last site done, sites per hour,
each worker's CPU seconds (its process tree) and peak RSS (the tree's largest sum, sampled every 0.25 s), and the
queue latency (a site's start minus its queueing, from the ledger). A last round runs one worker with `--wide`
threads (issue 15: a worker holding 16 concurrent scans stays under 1.5 GB).

Writes bench/results/fleet-YYYYMMDD-HHMM.json and prints the table and the projection of machines needed for
7,850 sites in a six-hour night.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
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
from proctree import tree_cpu, tree_rss  # noqa: E402

NIGHT = date(2026, 12, 7)
COUNTRY = 7_850  # local governments with a main website (issue 15)
NIGHT_HOURS = 6.0


class _Quiet(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_sites(folder: Path, count: int, pages: int) -> tuple[list[str], list[ThreadingHTTPServer]]:
    """`count` generated sites, each served on its own loopback address; returns their URLs and servers."""
    urls, servers = [], []
    for i in range(count):
        site = folder / f"site{i}"
        gen_site.generate(site, n_pages=pages, seed=2567 + i)
        server = ThreadingHTTPServer((f"127.0.1.{i + 1}", 0), functools.partial(_Quiet, directory=str(site)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        urls.append(f"http://127.0.1.{i + 1}:{server.server_address[1]}/")
        servers.append(server)
    return urls, servers


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
    cpu = [0.0] * workers
    finished = False
    from oit.config import load_config
    from oit.store.database import open_engine
    from oit.store.ledger import night_runs

    engine = open_engine(load_config(config).database_url)
    last_poll = 0.0
    while time.monotonic() - began < timeout:
        for i, handle in enumerate(handles):
            peak[i] = max(peak[i], tree_rss(handle))
            cpu[i] = max(cpu[i], tree_cpu(handle.pid))
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
    engine.dispose()
    done = [r for r in runs if r.state == "done"]
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
        "worker_cpu_s": [round(c, 1) for c in cpu],
        "worker_peak_rss_mb": [round(p / 2**20, 1) for p in peak],
        "worker_exit_s": exit_s,  # from SIGTERM to exit (killed after 90 s)
    }


def projection(rounds: list[dict[str, Any]], wide: dict[str, Any] | None, cores: int) -> dict[str, Any]:
    """Machines for the country in one night, from the measured figures.

    A site's scan is bound by politeness (its wall time), a machine by its cores (the CPU each scan costs) and its
    memory (concurrent scans per worker): the capacity of one machine is the smaller of what its scan slots and its
    cores allow in the night; the sites here are small, so the CPU per site is scaled to the measured median."""
    best = max(rounds, key=lambda r: r["sites_per_hour"])
    cpu_per_site = sum(best["worker_cpu_s"]) / max(1, best["done"])
    scan_s = best["scan_s_median"] or 1.0
    slots = (wide or best)["threads"] * (1 if wide else best["workers"])
    night_s = NIGHT_HOURS * 3600
    by_slots = slots * night_s / scan_s
    by_cpu = cores * 0.8 * night_s / cpu_per_site if cpu_per_site else math.inf
    per_machine = min(by_slots, by_cpu)
    return {
        "cpu_s_per_site": round(cpu_per_site, 2),
        "scan_wall_s_per_site": scan_s,
        "slots_per_machine": slots,
        "sites_per_machine_per_night_by_slots": round(by_slots),
        "sites_per_machine_per_night_by_cpu": round(by_cpu),
        "machines_for_country": math.ceil(COUNTRY / per_machine),
        "assumes": f"{cores} cores, 80 % usable; sites like these ({best['sites']} sites, median scan {scan_s} s)",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=16)
    parser.add_argument("--pages", type=int, default=30, help="pages per site")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--threads", type=int, default=4, help="scans per worker in the scaling rounds")
    parser.add_argument("--wide", type=int, default=16, help="threads of the one-worker memory round (0: skip)")
    parser.add_argument("--database", help="a PostgreSQL URL to use instead of a throw-away cluster (emptied!)")
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args(argv)
    from tests.oit.fleet.queue_server import start_redis
    from tests.oit.store.postgres import PostgresCluster

    folder = Path(tempfile.mkdtemp(prefix="oit-fleet-bench-"))
    urls, servers = serve_sites(folder, args.sites, args.pages)
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
        "rounds": rounds,
        "wide": wide,
        "projection": projection(rounds, wide, os.cpu_count() or 1),
    }
    out = BENCH / "results" / f"fleet-{datetime.now():%Y%m%d-%H%M}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(report)
    print(f"\n{out}")
    return 0 if all(r["finished"] for r in rounds) else 1


def print_table(report: dict[str, Any]) -> None:
    print("\n| workers × threads | sites | wall s | sites/hour | scan s (median) | queue latency s (median/p95) |"
          " CPU s per worker | peak RSS MB per worker |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in [*report["rounds"], *([report["wide"]] if report["wide"] else [])]:
        q = r["queue_latency_s"]
        print(
            f"| {r['workers']} × {r['threads']} | {r['done']}/{r['sites']} | {r['wall_s']} | {r['sites_per_hour']} |"
            f" {r['scan_s_median']} | {q['median']}/{q['p95']} | {', '.join(map(str, r['worker_cpu_s']))} |"
            f" {', '.join(map(str, r['worker_peak_rss_mb']))} |"
        )
    p = report["projection"]
    print(
        f"\nprojection: {p['machines_for_country']} machines for {COUNTRY} sites in {NIGHT_HOURS:.0f} h"
        f" (per machine and night: {p['sites_per_machine_per_night_by_slots']} by scan slots,"
        f" {p['sites_per_machine_per_night_by_cpu']} by CPU; {p['assumes']})"
    )


if __name__ == "__main__":
    sys.exit(main())
