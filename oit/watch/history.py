"""Scan history: the scans of a site as stored in the database, newest first.

Read-only, through oit.store.scans. A site is named by its URL (trailing slash and case ignored) or by the
name stored with it. Scores and counts come from the stored contract JSON of each finished scan, so a
running, failed or crashed scan has none.
"""

from __future__ import annotations

import json

from oit.store import Engine
from oit.store.scans import (
    ScanRecord,
    SiteRecord,
    done_result_json,
    failed_urls,
    latest_done_scan,
    scan_and_site,
    scanned_sites,
    site_scans,
    sites,
)
from oit.watch.diff import diff_results, evidence_urls
from reports.models import ScanDiff, ScanResult, ScanSummary


def list_sites(engine: Engine) -> list[tuple[str, str | None]]:
    """(url, name) of every site with at least one scan, by URL."""
    return scanned_sites(engine)


def find_site(engine: Engine, site: str) -> SiteRecord | None:
    """The stored site (id, url, name) named by URL (trailing slash and case ignored) or by its stored name."""
    key = site.strip().rstrip("/").lower()
    for row in sites(engine):
        if row.url.rstrip("/").lower() == key or (row.name and row.name.strip() == site.strip()):
            return row
    return None


def list_scans(engine: Engine, site: str, limit: int | None = None) -> list[ScanSummary]:
    """Scans of `site` (URL or name), newest first; empty when the site was never scanned."""
    row = find_site(engine, site)
    if row is None:
        return []
    return [_summary(scan, row) for scan in site_scans(engine, row.id, limit)]


def get_scan(engine: Engine, scan_id: int) -> ScanSummary | None:
    found = scan_and_site(engine, scan_id)
    return _summary(*found) if found is not None else None


def latest_done(engine: Engine, site: str, before: int | None = None) -> ScanSummary | None:
    """The newest finished scan of `site`, or the newest one older than scan id `before`."""
    row = find_site(engine, site)
    if row is None:
        return None
    scan = latest_done_scan(engine, row.id, before)
    return _summary(scan, row) if scan is not None else None


def load_result(engine: Engine, scan_id: int) -> ScanResult | None:
    """The contract result of a finished scan (None for a scan that is unknown or did not finish)."""
    result_json = done_result_json(engine, scan_id)
    if not result_json:
        return None
    result = ScanResult.model_validate_json(result_json)
    if result.scan_id is None:
        result.scan_id = scan_id
    return result


def diff_scans(engine: Engine, old_id: int, new_id: int) -> ScanDiff | None:
    """The diff of two finished scans, with the older scan's evidence that the newer scan failed to load."""
    old, new = load_result(engine, old_id), load_result(engine, new_id)
    if old is None or new is None:
        return None
    urls = [u for item in old.items for u in evidence_urls(item)]
    return diff_results(old, new, failed_urls(engine, new_id, urls), failed_urls(engine, old_id, urls))


def _summary(scan: ScanRecord, site: SiteRecord | None) -> ScanSummary:
    score = grade = None
    counts: dict[str, int] = {}
    name = site.name if site else None
    if scan.state == "done" and scan.result_json:
        data = json.loads(scan.result_json)  # plain JSON: a listing needs a few fields, not a validated model
        name = name or (data.get("site") or {}).get("name")  # without a configured name: the home page title
        score_data = data.get("score") or {}
        score, grade = score_data.get("oit_estimate"), score_data.get("grade")
        counts = {"pass": 0, "gap": 0, "missing": 0, "unknown": 0}
        for item in data.get("items", []):
            counts[item["status"]] = counts.get(item["status"], 0) + 1
    return ScanSummary(
        scan_id=scan.id,
        site_url=site.url if site else "",
        site_name=name,
        state=scan.state,
        started_at=scan.started_at,
        finished_at=scan.finished_at,
        assessment_year=scan.assessment_year,
        as_of=scan.as_of,
        score=score,
        grade=grade,
        counts=counts,
        error=scan.error,
        duration_s=scan.duration_s or 0.0,
        kind=scan.kind or "scan",
        based_on=scan.based_on,
        pages=scan.pages or 0,
        documents=scan.documents or 0,
    )
