"""What the browser leaves with a site and a scan: the URL patterns that needed it (kept between scans), the
evidence screenshots of a scan, and a stored page replaced by its rendered version (oit/scan/rendering.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from oit.store.database import PAGES, RENDER_PATTERNS, SCREENSHOTS, now


@dataclass
class Screenshot:
    url: str
    codes: list[str]  # the items whose evidence page it shows
    image: bytes  # JPEG


def drop_page(engine: Engine, scan_id: int, url: str) -> None:
    """Delete the page stored for `url` in the scan: its rendered version is stored in its place."""
    with engine.begin() as conn:
        conn.execute(delete(PAGES).where(PAGES.c.scan_id == scan_id, PAGES.c.url == url))


def render_patterns(engine: Engine, site_url: str) -> list[str]:
    query = select(RENDER_PATTERNS.c.pattern).where(RENDER_PATTERNS.c.site_url == site_url)
    with engine.connect() as conn:
        return list(conn.execute(query).scalars())


def add_render_patterns(engine: Engine, site_url: str, patterns: Iterable[str]) -> None:
    """Each pattern in a transaction of its own: one that is already stored leaves the others to be added."""
    for pattern in patterns:
        try:
            with engine.begin() as conn:
                conn.execute(insert(RENDER_PATTERNS).values(site_url=site_url, pattern=pattern, learned=now()))
        except IntegrityError:
            pass  # another scan of the site learned it at the same time


def add_screenshots(engine: Engine, scan_id: int, shots: Iterable[tuple[str, list[str], bytes]]) -> None:
    """Store (page URL, item codes, JPEG) with the scan, in one transaction."""
    rows = [{"scan_id": scan_id, "url": url, "codes": codes, "image": image, "taken": now()}
            for url, codes, image in shots]  # fmt: skip
    with engine.begin() as conn:
        conn.execute(insert(SCREENSHOTS), rows)


def screenshots(engine: Engine, scan_id: int) -> list[Screenshot]:
    """The screenshots stored with a scan, for the report (empty when the setting was off)."""
    query = select(SCREENSHOTS).where(SCREENSHOTS.c.scan_id == scan_id).order_by(SCREENSHOTS.c.id)
    with engine.connect() as conn:
        return [Screenshot(url=r.url, codes=list(r.codes or []), image=r.image) for r in conn.execute(query)]
