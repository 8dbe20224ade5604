"""Stored scans and sites as the rest of oit reads them: the history's listings and results, what a scan could not
load, the base of a recheck, and the scans a stopping scheduler leaves behind. Rows come back as plain models."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import or_, select, update
from sqlalchemy.engine import Engine

from oit.store.database import DOCUMENTS, PAGES, SCANS, SITES, now


class SiteRecord(BaseModel):
    """A stored site: its id, its URL and the name stored with it."""

    model_config = ConfigDict(frozen=True)

    id: int
    url: str
    name: str | None


class ScanRecord(BaseModel):
    """A stored scan as a listing reads it (the contract JSON only for a finished one)."""

    model_config = ConfigDict(frozen=True)

    id: int
    state: str
    started_at: datetime
    finished_at: datetime | None
    assessment_year: int
    as_of: date
    error: str | None
    duration_s: float | None
    kind: str | None
    based_on: int | None
    pages: int | None
    documents: int | None
    result_json: str | None


def _site(row: object) -> SiteRecord:
    return SiteRecord.model_validate(row, from_attributes=True)


def _scan(row: object) -> ScanRecord:
    return ScanRecord.model_validate(row, from_attributes=True)


def scanned_sites(engine: Engine) -> list[tuple[str, str | None]]:
    """(url, name) of every site with at least one scan, by URL."""
    query = select(SITES.c.url, SITES.c.name).where(SITES.c.id.in_(select(SCANS.c.site_id))).order_by(SITES.c.url)
    with engine.connect() as conn:
        return [(r.url, r.name) for r in conn.execute(query)]


def sites(engine: Engine) -> list[SiteRecord]:
    """Every stored site, oldest first."""
    with engine.connect() as conn:
        return [_site(row) for row in conn.execute(select(SITES).order_by(SITES.c.id))]


def site_scans(engine: Engine, site_id: int, limit: int | None = None) -> list[ScanRecord]:
    """The scans of a site, newest first."""
    query = select(SCANS).where(SCANS.c.site_id == site_id).order_by(SCANS.c.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [_scan(row) for row in conn.execute(query)]


def scan_and_site(engine: Engine, scan_id: int) -> tuple[ScanRecord, SiteRecord | None] | None:
    with engine.connect() as conn:
        scan = conn.execute(select(SCANS).where(SCANS.c.id == scan_id)).first()
        if scan is None:
            return None
        site = conn.execute(select(SITES).where(SITES.c.id == scan.site_id)).first()
        return _scan(scan), _site(site) if site is not None else None


def latest_done_scan(engine: Engine, site_id: int, before: int | None = None) -> ScanRecord | None:
    """The newest finished scan of the site, or the newest one older than scan id `before`."""
    query = select(SCANS).where(SCANS.c.site_id == site_id, SCANS.c.state == "done")
    if before is not None:
        query = query.where(SCANS.c.id < before)
    with engine.connect() as conn:
        scan = conn.execute(query.order_by(SCANS.c.id.desc()).limit(1)).first()
    return _scan(scan) if scan is not None else None


def done_result_json(engine: Engine, scan_id: int) -> str | None:
    """The contract JSON of a finished scan (None for a scan that is unknown or did not finish)."""
    query = select(SCANS.c.result_json).where(SCANS.c.id == scan_id, SCANS.c.state == "done")
    with engine.connect() as conn:
        return conn.execute(query).scalar()


def latest_result_json(engine: Engine, site_url: str) -> tuple[int, str] | None:
    """(scan id, contract JSON) of the site's newest finished scan with a result: what a recheck builds on."""
    query = (
        select(SCANS.c.id, SCANS.c.result_json)
        .join(SITES, SITES.c.id == SCANS.c.site_id)
        .where(SITES.c.url == site_url, SCANS.c.state == "done", SCANS.c.result_json.is_not(None))
        .order_by(SCANS.c.id.desc())
        .limit(1)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return (row.id, row.result_json) if row is not None else None


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


def fail_running_scans(engine: Engine, site_id: int, since: datetime, error: str) -> None:
    """Mark the site's scans still running that started at `since` or later failed, with `error`."""
    with engine.begin() as conn:
        conn.execute(
            update(SCANS)
            .where(SCANS.c.site_id == site_id, SCANS.c.state == "running", SCANS.c.started_at >= since)
            .values(state="failed", finished_at=now(), error=error)
        )
