"""What the reports need from the database: a scan's history and its diff with the previous scan, the
screenshots of its evidence pages, and the fleet of sites. The report renderers stay pure; this module does the reading and hands them plain models.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from oit.config import SiteConfig
from oit.store import Engine
from oit.store.database import now
from oit.store.ledger import is_late, latest_night, night_runs
from oit.store.rendering import screenshots
from oit.watch.history import diff_scans, latest_done, list_scans, list_sites, load_result
from reports.fleet import FleetEntry, LastNight, NightRun, fleet_entry, write_fleet
from reports.html_report import write_html
from reports.models import ScanDiff, ScanResult, ScanSummary
from reports.screenshots import Screenshots
from reports.writer import report_stem

HISTORY_LIMIT = 12  # scans drawn in the score chart and the fleet sparkline
BANGKOK = ZoneInfo("Asia/Bangkok")


def scan_context(engine: Engine, result: ScanResult) -> tuple[list[ScanSummary], ScanDiff | None]:
    """The site's scans up to and including this one (newest first) and the diff with the previous finished
    scan; empty and None for a result that was never stored."""
    if result.scan_id is None:
        return [], None
    history = [s for s in list_scans(engine, result.site.url) if s.scan_id <= result.scan_id][:HISTORY_LIMIT]
    previous = latest_done(engine, result.site.url, before=result.scan_id)
    diff = diff_scans(engine, previous.scan_id, result.scan_id) if previous else None
    return history, diff


def evidence_screenshots(engine: Engine, result: ScanResult) -> Screenshots:
    """Item code -> [(page URL, JPEG)] stored with the scan (crawl setting `screenshots`); empty when the
    setting was off or the result was never stored."""
    if result.scan_id is None:
        return {}
    by_item: dict[str, list[tuple[str, bytes]]] = {}
    for shot in screenshots(engine, result.scan_id):
        for code in shot.codes:
            by_item.setdefault(code, []).append((shot.url, shot.image))
    return by_item


def _same_site(a: str, b: str) -> bool:
    return a.rstrip("/").lower() == b.rstrip("/").lower()


def fleet_sites(engine: Engine, configured: Iterable[SiteConfig]) -> list[tuple[str | None, str, bool]]:
    """(name, url, configured) for every configured site, then every other site that has scans."""
    sites: list[tuple[str | None, str, bool]] = [(s.name, s.url, True) for s in configured]
    for url, name in list_sites(engine):
        if not any(_same_site(url, known) for _, known, _ in sites):
            sites.append((name, url, False))
    return sites


def build_fleet(
    engine: Engine, configured: Iterable[SiteConfig], out: Path, late_after: timedelta = timedelta(hours=6)
) -> tuple[Path, list[FleetEntry]]:
    """Write each site's latest report under out/sites/ and the index page out/index.html (with, on top, the sites
    the fleet did not scan last night and why)."""
    entries = []
    for name, url, is_configured in fleet_sites(engine, configured):
        history = list_scans(engine, url) or (list_scans(engine, name) if name else [])
        history = history[:HISTORY_LIMIT]
        latest = next((s for s in history if s.state == "done"), None)
        result = load_result(engine, latest.scan_id) if latest else None
        href = None
        if result is not None:
            _, diff = scan_context(engine, result)
            relative = Path("sites") / f"{report_stem(result)}.html"
            write_html(result, out / relative, history, diff, evidence_screenshots(engine, result))
            href = relative.as_posix()
        entries.append(fleet_entry(name or (result.site.name if result else None), url, is_configured, history,
                                   result, href))  # fmt: skip
    index = write_fleet(entries, out / "index.html", datetime.now(BANGKOK), last_night(engine, late_after))
    return index, entries


def last_night(engine: Engine, late_after: timedelta) -> LastNight | None:
    """The fleet's latest night from its ledger (oit fleet), the sites not scanned first; None without a fleet."""
    night = latest_night(engine)
    if night is None:
        return None
    runs, at = night_runs(engine, night), now()
    missed = [
        NightRun(
            name=run.site_name,
            url=run.site_url,
            state=run.state,
            late=is_late(run, at, late_after),
            attempts=run.attempts,
            error=run.error,
        )
        for run in runs
        if run.state != "done"
    ]
    return LastNight(night=night, done=len(runs) - len(missed), total=len(runs), not_scanned=missed)
