"""Which kinds of page need a browser, remembered by URL pattern.

Pages of one template share a URL shape: `/public/list/data/index/menu/1144` and `.../menu/1145`,
`?page_id=12` and `?page_id=40`. Once rendering one of them turned up links or text its raw HTML lacked, its
siblings are rendered directly, without waiting for detection (which cannot see a list filled from JSON on a
page that has a menu of its own). The patterns are kept with the site between scans (oit/scan/rendering.py).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from crawler.frontier import names_evidence

_NUMBER = re.compile(r"\d+")
_TOKEN = re.compile(r"^[0-9a-f]{16,}$|^[0-9a-f-]{32,36}$", re.IGNORECASE)  # hashes and UUIDs in paths
MAX_PATTERNS = 500  # a site with more templates than this is not remembered further


def url_pattern(url: str) -> str:
    """The URL's template: host, path with numbers and ids replaced, query keys (values dropped)."""
    parts = urlsplit(url)
    segments = ["{id}" if _TOKEN.match(s) else _NUMBER.sub("{n}", s) for s in parts.path.split("/")]
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    query = "&".join(f"{key}=" for key in keys)
    return f"{(parts.hostname or '').lower()}{'/'.join(segments) or '/'}" + (f"?{query}" if query else "")


class ShellMemory:
    """URL patterns whose pages gained content when rendered."""

    def __init__(self, patterns: list[str] | None = None) -> None:
        self.patterns: set[str] = set((patterns or [])[:MAX_PATTERNS])
        self.learned: set[str] = set()  # added during this scan: what to save

    def knows(self, url: str) -> bool:
        return url_pattern(url) in self.patterns

    def learn(self, url: str) -> None:
        pattern = url_pattern(url)
        if pattern not in self.patterns and len(self.patterns) < MAX_PATTERNS:
            self.patterns.add(pattern)
            self.learned.add(pattern)


def may_hold_evidence(depth: int, label: str, title: str) -> bool:
    """A page near the home page, or one whose link or title names ITA evidence: if it needs a browser that
    cannot run, what is missing from the scan may be there."""
    return depth <= 1 or names_evidence(label) or names_evidence(title)
