"""The site over time: its stored scans, what changed, the alerts, the nightly schedule, the fleet.

    history     the scans of a site as stored, newest first: list_sites, list_scans, load_result, diff_scans
    diff        what changed between two results, item by item (pure): diff_results
    alerts      confirmed changes worth telling the site's admins (A -> B -> A is never alerted): weigh_scan
    delivery    queued alerts sent to webhooks and by e-mail, retried on the next run: deliver_pending
    schedule    `oit schedule` (APScheduler, one cron job per site): serve; `--once`: run_due
    reporting   what the reports read from the database: scan_context, build_fleet

The names below are loaded on first use (PEP 562): a scan reads the history for its report and must not load
the scheduler or the alerts with it (tests/oit/cli/test_scan_modules.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oit.watch.alerts import weigh_scan
    from oit.watch.delivery import deliver_pending
    from oit.watch.diff import diff_results
    from oit.watch.history import diff_scans, list_scans, list_sites, load_result
    from oit.watch.reporting import build_fleet, scan_context
    from oit.watch.schedule import run_due, serve

__all__ = [
    "build_fleet",
    "deliver_pending",
    "diff_results",
    "diff_scans",
    "list_scans",
    "list_sites",
    "load_result",
    "run_due",
    "scan_context",
    "serve",
    "weigh_scan",
]
_HOME = {
    **dict.fromkeys(["diff_scans", "list_scans", "list_sites", "load_result"], "history"),
    "diff_results": "diff",
    "weigh_scan": "alerts",
    "deliver_pending": "delivery",
    **dict.fromkeys(["run_due", "serve"], "schedule"),
    **dict.fromkeys(["build_fleet", "scan_context"], "reporting"),
}


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
