"""robots.txt, read with protego (the parser Scrapy uses), per RFC 9309.

- 2xx: obey it. 4xx: no rules (everything allowed). 5xx or unreachable: assume everything is disallowed
  for that host, as the RFC requires; the affected items then say "ตรวจสอบไม่ได้ (robots.txt)".
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from crawler.decode import decode_html
from crawler.fetcher import Fetcher

MAX_ROBOTS_BYTES = 500_000


class RobotsPolicy:
    def __init__(self, fetcher: Fetcher, token: str, agent: str, enabled: bool = True) -> None:
        self._fetcher = fetcher
        self._token = token
        self._agent = agent
        self._enabled = enabled
        self._rules: dict[str, Protego | None] = {}  # origin -> parsed rules, None = disallow all
        self.sitemaps: list[str] = []
        self.notes: list[str] = []
        self._unreadable: dict[str, str] = {}  # origin -> why its robots.txt could not be read (a note above)

    async def allowed(self, url: str) -> bool:
        if not self._enabled:
            return True
        rules = await self._for_origin(url)
        if rules is None:
            return False
        return bool(rules.can_fetch(url, self._token) and rules.can_fetch(url, self._agent))

    async def crawl_delay(self, url: str) -> float | None:
        if not self._enabled:
            return None
        rules = await self._for_origin(url)
        if rules is None:
            return None
        delay = rules.crawl_delay(self._token) or rules.crawl_delay(self._agent)
        return float(delay) if delay is not None else None

    def unreadable(self, url: str) -> str | None:
        """Why the robots.txt of `url`'s site could not be read (the site unreachable, a 5xx), Thai first; None
        when it was read, or was never asked for."""
        return self._unreadable.get(_origin(url))

    async def _for_origin(self, url: str) -> Protego | None:
        origin = _origin(url)
        if origin not in self._rules:
            self._rules[origin] = await self._load(origin)
        return self._rules[origin]

    async def _load(self, origin: str) -> Protego | None:
        result = await self._fetcher.get(origin + "/robots.txt", MAX_ROBOTS_BYTES)
        if result.status is not None and 400 <= result.status < 500:
            return Protego.parse("")
        if result.status is None or result.status >= 500 or result.error:
            note = (
                f"อ่าน robots.txt ไม่ได้ ({result.error or result.status}) จึงไม่เก็บข้อมูลจาก {origin} ตาม RFC 9309"
                f" / robots.txt unreachable, {origin} treated as disallowed"
            )
            self.notes.append(note)
            self._unreadable[origin] = note
            return None
        text, _ = decode_html(result.body, result.content_type)
        rules = Protego.parse(text)
        self.sitemaps.extend(rules.sitemaps)
        return rules


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))
