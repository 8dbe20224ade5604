"""The Scrapy contender: a minimal CrawlSpider that follows every same-site link.

    python bench/scrapy_spider.py URL [--concurrency 16]

What a Scrapy user would write for "crawl the whole site": a ``CrawlSpider`` with one
``Rule(LinkExtractor(...), follow=True)``, so every page's links are extracted (lxml) and followed, and a
callback that reads each page's title and yields a small item (not stored: no feed export). Settings:
16 concurrent requests (also per domain), no download delay, robots.txt obeyed, AutoThrottle off, no HTTP
cache, log level WARNING; everything else is Scrapy's default. Prints a final ``RESULT {json}`` line with
the page count, which is what ``run_crawl.py`` reads.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule


class SiteSpider(CrawlSpider):
    name = "bench_site"

    def __init__(self, url: str, *args, **kwargs) -> None:
        parts = urlsplit(url)
        self.start_urls = [url]
        self.allowed_domains = [parts.hostname or ""]  # OffsiteMiddleware: host without the port
        # LinkExtractor's allow_domains compares the netloc, port included.
        self.rules = (Rule(LinkExtractor(allow_domains=[parts.netloc]), callback="parse_page", follow=True),)
        super().__init__(*args, **kwargs)  # compiles self.rules
        self.seen: set[str] = set()  # unique page URLs: Scrapy fetches the start URL a second time when
        self.fetches = 0  # a page links back to it (start requests bypass the dupefilter)
        self.titled = 0
        self.t0 = time.perf_counter()

    def parse_start_url(self, response):
        return self.parse_page(response)

    def parse_page(self, response):
        self.fetches += 1
        self.seen.add(response.url)
        title = response.css("title::text").get()
        if title:
            self.titled += 1
        yield {"url": response.url, "title": title}

    def closed(self, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        result = {
            "pages": len(self.seen),
            "fetches": self.fetches,
            "titles": self.titled,
            "errors": sum(v for k, v in stats.items() if k.startswith("downloader/exception_type_count/"))
            + sum(
                v
                for k, v in stats.items()
                if k.startswith("downloader/response_status_count/") and not k.endswith("/200")
            ),
            "requests": stats.get("downloader/request_count", 0),
            "bytes": stats.get("downloader/response_bytes", 0),
            "crawl_s": round(time.perf_counter() - self.t0, 3),
            "finish_reason": reason,
        }
        print(f"scrapy: crawled {len(self.seen)} pages in {result['crawl_s']} s ({result['errors']} errors)")
        print("RESULT " + json.dumps(result), flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Scrapy crawl of a whole site (benchmark contender).")
    ap.add_argument("url")
    ap.add_argument("--concurrency", type=int, default=16)
    args = ap.parse_args(argv)
    process = CrawlerProcess(
        settings={
            "CONCURRENT_REQUESTS": args.concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
            "DOWNLOAD_DELAY": 0,
            "ROBOTSTXT_OBEY": True,
            "AUTOTHROTTLE_ENABLED": False,
            "HTTPCACHE_ENABLED": False,
            "LOG_LEVEL": "WARNING",
            "USER_AGENT": "bench-scrapy/1.0",
        }
    )
    process.crawl(SiteSpider, url=args.url)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
