"""Scan history: the scans of a site as stored in the database, newest first.

Read-only over oit.store.database's tables. A site is named by its URL (trailing slash and case ignored) or by the
name stored with it. Scores and counts come from the stored contract JSON of each finished scan, so a
running, failed or crashed scan has none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.engine import Engine, Row

from oit.store.database import DOCUMENTS, PAGES, SCANS, SITES
from oit.watch.diff import diff_results, evidence_urls
from reports.models import ScanDiff, ScanResult, ScanSummary


def list_sites(engine: Engine) -> list[tuple[str, str | None]]:
    """(url, name) of every site with at least one scan, by URL."""
    query = select(SITES.c.url, SITES.c.name).where(SITES.c.id.in_(select(SCANS.c.site_id))).order_by(SITES.c.url)
    with engine.connect() as conn:
        return [(r.url, r.name) for r in conn.execute(query)]


def find_site(engine: Engine, site: str) -> Row | None:
    """The stored site (id, url, name) named by URL (trailing slash and case ignored) or by its stored name."""
    key = site.strip().rstrip("/").lower()
    with engine.connect() as conn:
        for row in conn.execute(select(SITES).order_by(SITES.c.id)):
            if row.url.rstrip("/").lower() == key or (row.name and row.name.strip() == site.strip()):
                return row
    return None


def list_scans(engine: Engine, site: str, limit: int | None = None) -> list[ScanSummary]:
    """Scans of `site` (URL or name), newest first; empty when the site was never scanned."""
    row = find_site(engine, site)
    if row is None:
        return []
    query = select(SCANS).where(SCANS.c.site_id == row.id).order_by(SCANS.c.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [_summary(scan, row) for scan in conn.execute(query)]


def get_scan(engine: Engine, scan_id: int) -> ScanSummary | None:
    with engine.connect() as conn:
        scan = conn.execute(select(SCANS).where(SCANS.c.id == scan_id)).first()
        if scan is None:
            return None
        return _summary(scan, conn.execute(select(SITES).where(SITES.c.id == scan.site_id)).first())


def latest_done(engine: Engine, site: str, before: int | None = None) -> ScanSummary | None:
    """The newest finished scan of `site`, or the newest one older than scan id `before`."""
    row = find_site(engine, site)
    if row is None:
        return None
    query = select(SCANS).where(SCANS.c.site_id == row.id, SCANS.c.state == "done")
    if before is not None:
        query = query.where(SCANS.c.id < before)
    with engine.connect() as conn:
        scan = conn.execute(query.order_by(SCANS.c.id.desc()).limit(1)).first()
    return _summary(scan, row) if scan is not None else None


def load_result(engine: Engine, scan_id: int) -> ScanResult | None:
    """The contract result of a finished scan (None for a scan that is unknown or did not finish)."""
    query = select(SCANS.c.result_json).where(SCANS.c.id == scan_id, SCANS.c.state == "done")
    with engine.connect() as conn:
        result_json = conn.execute(query).scalar()
    if not result_json:
        return None
    result = ScanResult.model_validate_json(result_json)
    if result.scan_id is None:
        result.scan_id = scan_id
    return result


def failed_urls(engine: Engine, scan_id: int, urls: Iterable[str]) -> dict[str, str]:
    """Of `urls`, those that scan `scan_id` fetched and could not load, with the reason (error or HTTP status).

    A URL the scan did not fetch at all is left out: not being fetched is not proof that it is broken.
    """
    wanted = list(dict.fromkeys(urls))
    out: dict[str, str] = {}
    with engine.connect() as conn:
        for table in (PAGES, DOCUMENTS):
            for start in range(0, len(wanted), 500):  # bounded IN lists
                chunk = wanted[start : start + 500]
                query = select(table.c.url, table.c.final_url, table.c.status, table.c.error).where(
                    table.c.scan_id == scan_id, or_(table.c.url.in_(chunk), table.c.final_url.in_(chunk))
                )
                for r in conn.execute(query):
                    reason = r.error or (f"HTTP {r.status}" if r.status is not None and r.status >= 400 else None)
                    if reason:
                        for url in (r.url, r.final_url):
                            if url in chunk:
                                out[url] = reason
    return out


def diff_scans(engine: Engine, old_id: int, new_id: int) -> ScanDiff | None:
    """The diff of two finished scans, with the older scan's evidence that the newer scan failed to load."""
    old, new = load_result(engine, old_id), load_result(engine, new_id)
    if old is None or new is None:
        return None
    urls = [u for item in old.items for u in evidence_urls(item)]
    return diff_results(old, new, failed_urls(engine, new_id, urls), failed_urls(engine, old_id, urls))


def _summary(scan: Row, site: Row | None) -> ScanSummary:
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
