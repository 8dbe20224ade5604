"""`oit fleet status`: the night's ledger per site, the sites that need a look first.

A site queued or running longer than [fleet] late_after_hours after it was queued is "late": reported, never dropped
(a worker still scans it when its turn comes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from oit.config import Config
from oit.store.database import now, open_engine
from oit.store.ledger import LedgerRow, is_late, latest_night, night_runs

STATE_TH = {"queued": "รอคิว", "running": "กำลังสแกน", "done": "เสร็จ", "failed": "ไม่สำเร็จ"}


@dataclass
class NightStatus:
    night: date | None
    runs: list[LedgerRow]
    late: set[int]  # run ids

    def counts(self) -> dict[str, int]:
        out = {state: 0 for state in STATE_TH}
        for run in self.runs:
            out[run.state] += 1
        out["late"] = len(self.late)
        return out

    def as_json(self) -> dict:
        return {
            "night": self.night.isoformat() if self.night else None,
            "counts": self.counts(),
            "sites": [
                {
                    "site": run.site_url,
                    "name": run.site_name,
                    "state": run.state,
                    "late": run.id in self.late,
                    "worker": run.worker if run.state == "running" else None,
                    "lease_until": _iso(run.lease_until) if run.state == "running" else None,
                    "scan_id": run.scan_id,
                    "attempts": run.attempts,
                    "error": run.error,
                    "queued_at": _iso(run.queued_at),
                    "started_at": _iso(run.started_at),
                    "finished_at": _iso(run.finished_at),
                }
                for run in self.runs
            ],
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() + "Z" if value else None  # naive UTC in the database


def night_status(config: Config, night: date | None = None, at: datetime | None = None) -> NightStatus:
    """The ledger of `night` (default: the latest night with runs)."""
    engine = open_engine(config.database_url)
    night = night or latest_night(engine)
    if night is None:
        return NightStatus(None, [], set())
    at = at or now()
    late_after = timedelta(hours=config.fleet.late_after_hours)
    runs = night_runs(engine, night)
    late = {run.id for run in runs if is_late(run, at, late_after)}
    return NightStatus(night, runs, late)
