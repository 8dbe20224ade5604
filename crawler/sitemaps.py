"""The sitemap source: the URLs a site's sitemaps name, read before the crawl follows its links.

robots.txt names the sitemaps (or /sitemap.xml is tried); a sitemap index names further sitemaps. Only the
site's own sitemaps are read (scope and the private-address guard), each asked for like any request (robots.txt,
politeness), and at most MAX_SITEMAP_FILES of them. The crawler gives the reading a share of its time.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from crawler.decode import decode_html
from crawler.fetcher import Fetcher
from crawler.robots import RobotsPolicy
from crawler.urls import in_scope, normalize, should_skip, trap_reason

_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>", re.IGNORECASE)
MAX_SITEMAP_FILES = 5


class SitemapSource:
    def __init__(
        self,
        fetcher: Fetcher,
        robots: RobotsPolicy,
        allow_subdomains: bool,
        max_bytes: int,
        max_files: int = MAX_SITEMAP_FILES,
    ) -> None:
        self.fetcher, self.robots = fetcher, robots
        self.allow_subdomains, self.max_bytes, self.max_files = allow_subdomains, max_bytes, max_files
        self.files_read = 0

    async def urls(self, start: str) -> AsyncIterator[tuple[str, str]]:
        """(page or document URL, the sitemap naming it), as each sitemap is read: what was named before a time
        limit cut the reading is kept."""
        await self.robots.allowed(start)  # robots.txt read first (once: the crawl's seeding has read it): it names them
        # robots.txt may name sitemaps relative to the site ("Sitemap: /sitemap.xml"): resolve them.
        named = [normalize(u, start) for u in self.robots.sitemaps] or [normalize("/sitemap.xml", start)]
        # A robots.txt may name sitemaps on other hosts: only the site's own are read (scope and SSRF).
        queue = list(dict.fromkeys(u for u in named if u and in_scope(u, start, self.allow_subdomains)))
        while queue and self.files_read < self.max_files:
            sitemap_url = queue.pop(0)
            if not await self.robots.allowed(sitemap_url):
                continue  # robots.txt unreadable (RFC 9309: disallow all) or the sitemap is disallowed
            self.files_read += 1
            fetched = await self.fetcher.get(sitemap_url, self.max_bytes)
            if fetched.error or fetched.status != 200:
                continue
            text, _ = decode_html(fetched.body, fetched.content_type)
            for loc in _LOC.findall(text):
                url = normalize(loc, sitemap_url)
                if url and in_scope(url, start, self.allow_subdomains) and not trap_reason(url):
                    if url.endswith(".xml"):
                        queue.append(url)  # a sitemap index names further sitemaps
                    elif not should_skip(url):
                        yield url, sitemap_url
