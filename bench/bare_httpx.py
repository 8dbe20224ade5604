"""The reference point: a bare asyncio + httpx + selectolax breadth-first crawler, no storage.

    python bench/bare_httpx.py URL [--concurrency 16] [--max-pages 100000]

One ``httpx.AsyncClient`` (keep-alive pool of ``concurrency`` connections), ``concurrency`` worker tasks
on one FIFO queue, robots.txt fetched once and obeyed (protego), every same-site ``<a href>`` resolved,
stripped of its fragment and queued once; each page's title and links are extracted with selectolax's
Lexbor parser and then dropped. No politeness delay. Prints a final ``RESULT {json}`` line with the
page count, which is what ``run_crawl.py`` reads.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx
from protego import Protego
from selectolax.lexbor import LexborHTMLParser

USER_AGENT = "bench-bare/1.0"


async def crawl(start: str, concurrency: int, max_pages: int) -> dict:
    host = urlsplit(start).netloc
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(
        limits=limits, timeout=30, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    ) as client:
        robots_resp = await client.get(urljoin(start, "/robots.txt"))
        robots = Protego.parse(robots_resp.text if robots_resp.status_code == 200 else "")

        queue: asyncio.Queue[str] = asyncio.Queue()
        seen = {start}
        queue.put_nowait(start)
        stats = {"pages": 0, "errors": 0, "links": 0, "bytes": 0, "titles": 0}

        async def worker() -> None:
            while True:
                url = await queue.get()
                try:
                    resp = await client.get(url)
                    if resp.status_code != 200:
                        stats["errors"] += 1
                        continue
                    if not resp.headers.get("content-type", "").startswith("text/html"):
                        continue
                    stats["pages"] += 1
                    stats["bytes"] += len(resp.content)
                    tree = LexborHTMLParser(resp.text)
                    title = tree.css_first("title")
                    if title is not None and title.text(strip=True):
                        stats["titles"] += 1
                    base = str(resp.url)
                    for a in tree.css("a[href]"):
                        href = a.attributes.get("href")
                        if not href:
                            continue
                        stats["links"] += 1
                        link = urldefrag(urljoin(base, href.strip()))[0]
                        parts = urlsplit(link)
                        if parts.scheme not in ("http", "https") or parts.netloc != host:
                            continue
                        if link in seen or len(seen) >= max_pages:
                            continue
                        if not robots.can_fetch(link, USER_AGENT):
                            continue
                        seen.add(link)
                        queue.put_nowait(link)
                except httpx.HTTPError:
                    stats["errors"] += 1
                finally:
                    queue.task_done()

        t0 = time.perf_counter()
        workers = [asyncio.create_task(worker()) for _ in range(concurrency)]
        await queue.join()
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        stats["crawl_s"] = round(time.perf_counter() - t0, 3)
        return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Bare httpx + selectolax crawl (benchmark reference).")
    ap.add_argument("url")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--max-pages", type=int, default=100_000)
    args = ap.parse_args(argv)
    stats = asyncio.run(crawl(args.url, args.concurrency, args.max_pages))
    print(f"bare: crawled {stats['pages']} pages in {stats['crawl_s']} s ({stats['errors']} errors)")
    print("RESULT " + json.dumps(stats), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
