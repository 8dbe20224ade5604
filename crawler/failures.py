"""Pages and documents the crawl asked for and could not read: refused (429, 503, 403, other 4xx/5xx), timed out,
broken off.

They are not dead links: 404 and 410 are the server's definite answer that nothing is there (rules/sources.py
reports them against the item). A refusal or a timeout proves nothing about what the page holds, so each one is
recorded with the label and referrer of the link that led to it (crawler.traps.record_skip, as for URLs not fetched):
the scan names them in its findings, and an item found missing while one of them may hold it is "unknown" with the
reason and the URL (oit/scan/pipeline.py), never "missing".
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from crawler.models import SkippedUrl
from crawler.urls import first_urls

DEAD_STATUSES = (404, 410)
_DETAIL = re.compile(r"\s*\([^)]*\)|\s+after [\d.]+ ?s\b")  # "(2 วินาที)", "after 2 s"


def failure_reason(status: int | None, error: str | None, off_site: bool = False) -> str | None:
    """Why a fetched URL could not be read, short enough to group by ("HTTP 429", "หมดเวลารอการตอบกลับ / timed
    out"); None when it was read, is a dead link, or left the site (an off-site redirect is not the site's page)."""
    if off_site or status in DEAD_STATUSES:
        return None
    if status is not None and status >= 400:
        return f"HTTP {status}"
    if not error:
        return None
    thai, _, english = (_DETAIL.sub("", part) for part in error.partition(" / "))
    # "connection failed: [Errno 104] …", "timed out after 2 s": the detail varies from URL to URL (or only repeats
    # the setting); the kind of failure groups them.
    return f"{thai.split(':')[0].strip()} / {english.split(':')[0].strip()}" if english else thai.split(":")[0]


def describe_failures(failed: list[SkippedUrl], unlisted: int, named: int = 3) -> list[str]:
    """One finding: how many URLs could not be read, by reason, and the first few of them (Thai, then English)."""
    if not failed and not unlisted:
        return []
    counts: dict[str, int] = {}
    for entry in failed:
        counts[entry.reason] = counts.get(entry.reason, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: -kv[1])
    thai = ", ".join(f"{reason.split(' / ')[0]} ({n})" for reason, n in ordered)
    english = ", ".join(f"{reason.split(' / ')[-1]} ({n})" for reason, n in ordered)
    total = len(failed) + unlisted
    more_th = f" และอีก {unlisted} URL ที่ไม่ได้บันทึกรายชื่อ" if unlisted else ""
    more_en = f" and {unlisted} more, not listed" if unlisted else ""
    urls = first_urls([unquote(f.url) for f in failed], named)
    return [
        f"{total} หน้าและไฟล์เปิดไม่ได้: {thai}{more_th} เช่น {urls} จึงยังสรุปไม่ได้ว่าข้อมูลในหน้าเหล่านั้นไม่มี"
        f" / {total} URLs (pages and files) could not be read: {english}{more_en}: {urls}"
    ]
