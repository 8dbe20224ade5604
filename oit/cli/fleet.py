"""`oit fleet enqueue | worker | status`: the night's scans of many sites by many workers (oit/fleet/).

The fleet's modules (Dramatiq, Redis) are imported inside each command: a plain `oit scan` never loads them.
"""

from __future__ import annotations

import json
import logging
import signal
from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from oit.cli.commands import ConfigOpt, _fail, _load, console
from oit.config import Config

fleet_app = typer.Typer(
    no_args_is_help=True,
    help="สแกนหลายเว็บไซต์ด้วยหลายเครื่องทุกคืน (Redis + PostgreSQL) / nightly scans of many sites by many workers",
)

NightOpt = Annotated[str | None, typer.Option("--night", help="คืนที่ (YYYY-MM-DD) / the night, YYYY-MM-DD")]


def _night(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"--night ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) / must be YYYY-MM-DD: {value!r}") from None


def _unreachable(config: Config, exc: Exception) -> typer.Exit:
    return _fail(f"เชื่อมต่อคิว Redis ที่ {config.redis_url} ไม่ได้ ({exc}) / cannot reach the Redis queue")


def _logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    for noisy in ("httpx", "dramatiq"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@fleet_app.command("enqueue")
def enqueue(night: NightOpt = None, config_path: ConfigOpt = None) -> None:
    """บันทึกและเข้าคิวเว็บไซต์ที่ถึงกำหนดของคืนนี้ ครั้งเดียวต่อคืน / record and queue each due site once per night."""
    from redis.exceptions import RedisError

    from oit.fleet.enqueue import enqueue_night

    config = _load(config_path)
    if not config.sites:
        raise _fail("ไม่มีเว็บไซต์ใน [[sites]] ของไฟล์ตั้งค่า / no [[sites]] in the config")
    _logging()
    try:
        outcome = enqueue_night(config, _night(night))
    except RedisError as exc:
        raise _unreachable(config, exc) from None
    console.print(
        f"คืน {outcome.night}: ถึงกำหนด {outcome.due} เว็บไซต์ บันทึกใหม่ {outcome.recorded} ส่งเข้าคิว {outcome.sent}"
        f" / night {outcome.night}: {outcome.due} due, {outcome.recorded} new, {outcome.sent} queued",
        markup=False,
        highlight=False,
        soft_wrap=True,  # one line, as scripts read it
    )


@fleet_app.command("worker")
def worker(
    threads: Annotated[int | None, typer.Option("--threads", min=1, max=64, help="สแกนพร้อมกัน / scans at once")] = None,
    config_path: ConfigOpt = None,
) -> None:
    """สแกนงานจากคิวจนกว่าจะได้รับ SIGTERM / run scans from the queue until SIGTERM."""
    from redis.exceptions import RedisError

    from oit.fleet.worker import FleetWorker

    config = _load(config_path)
    _logging()
    try:
        fleet_worker = FleetWorker(config, threads)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, fleet_worker.request_stop)
        fleet_worker.serve()
    except RedisError as exc:
        raise _unreachable(config, exc) from None


@fleet_app.command("status")
def status(
    night: NightOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="พิมพ์เป็น JSON / print JSON")] = False,
    config_path: ConfigOpt = None,
) -> None:
    """สถานะของคืนต่อเว็บไซต์ ที่ต้องดูก่อนขึ้นก่อน / the night's ledger per site, what needs a look first."""
    from oit.fleet.status import STATE_TH, night_status

    config = _load(config_path)
    state = night_status(config, _night(night))
    if as_json:
        print(json.dumps(state.as_json(), ensure_ascii=False, indent=2))
        return
    if state.night is None:
        console.print("ยังไม่มีการเข้าคิว (oit fleet enqueue) / nothing queued yet", markup=False)
        return
    table = Table(title=f"คืน / night {state.night}")
    for column in (
        "เว็บไซต์ / site",
        "สถานะ / state",
        "เครื่อง / worker",
        "ถึง / lease until",
        "scan",
        "ครั้ง",
        "สาเหตุ / why",
    ):
        table.add_column(column)
    for run in state.runs:
        label = f"{STATE_TH[run.state]} / {run.state}" + (" (ช้า / late)" if run.id in state.late else "")
        running = run.state == "running"
        table.add_row(
            run.site_name or run.site_url,
            label,
            run.worker if running else "",
            f"{run.lease_until:%H:%M:%S}" if running and run.lease_until else "",
            str(run.scan_id or ""),
            str(run.attempts),
            run.error or "",
        )
    console.print(table)
    counts = state.counts()
    console.print(
        " ".join(f"{STATE_TH.get(k, 'ช้า')} / {k}: {v}" for k, v in counts.items()),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
