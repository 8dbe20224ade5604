"""The frontier's order when most of the queue waits on disk.

Past WINDOW queued URLs the frontier keeps the rest as rows of a temporary SQLite table (crawler/frontier.py). The
order must be exactly the in-memory priority queue's: ITA evidence labels and documents first, then by depth, then
first queued first, however pushes and fetches interleave, and a URL is still queued once only.
"""

from __future__ import annotations

import asyncio
import heapq
import random

import pytest

from crawler.frontier import REFILL, WINDOW, Frontier, priority_of

SITE = "https://www.nongbua.go.th"
LABELS = (
    "ข่าวประชาสัมพันธ์",  # plain news: no jump
    "ภาพกิจกรรม",
    "ITA 2569",  # evidence hints: they jump the queue
    "O12 รายงานผลการดำเนินงาน",
    "คู่มือการปฏิบัติงาน",
    "ประกาศจัดซื้อจัดจ้าง",
)


def pages(count: int, seed: int) -> list[tuple[str, int, str, bool]]:
    """(url, depth, label, is_document) as a Thai municipal crawl meets them: news ids, Thai slugs, PDFs, and
    links met twice (menus)."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        if n % 3 == 0:
            url, doc = f"{SITE}/news/read.php?id={n}", False
        elif n % 3 == 1:
            url, doc = f"{SITE}/ประกาศ/{n}-รายงานการประชุมสภา", False
        else:
            url, doc = f"{SITE}/files/แผนพัฒนาท้องถิ่น-{n}.pdf", True
        if rng.random() < 0.1 and n > 10:
            url = out[rng.randrange(len(out))][0]  # a link met again
        out.append((url, rng.randrange(7), LABELS[rng.randrange(len(LABELS))], doc))
    return out


@pytest.mark.parametrize("takes_per_push", [0.0, 0.3, 0.9], ids=["queue then fetch", "slow fetch", "fast fetch"])
def test_the_spilled_queue_hands_out_urls_in_the_in_memory_order(takes_per_push: float) -> None:
    links = pages(10 * WINDOW, seed=int(takes_per_push * 10))
    rng = random.Random(7)

    async def crawl_order() -> tuple[list[str], list[str]]:
        frontier, model = Frontier(), []  # the model: the plain heap the frontier was before the overflow
        queued: set[str] = set()
        got, expected = [], []

        async def take() -> None:
            request = await frontier.get()
            got.append(request.url)
            expected.append(heapq.heappop(model)[2])
            frontier.done()

        for seq, (url, depth, label, doc) in enumerate(links):
            pushed = frontier.push(url, depth, f"{SITE}/", label, doc)
            assert pushed == (url not in queued)
            if pushed:
                queued.add(url)
                heapq.heappush(model, (priority_of(depth, label, doc), seq, url))
            if rng.random() < takes_per_push and model:
                await take()
        assert len(frontier) == len(model)
        while model:
            await take()
        await asyncio.wait_for(frontier.join(), 1)  # every queued URL was done: join returns
        return got, expected

    got, expected = asyncio.run(crawl_order())
    assert got == expected
    assert len(got) > WINDOW + REFILL  # the overflow was used


def test_a_request_read_back_from_disk_keeps_its_depth_referrer_label_and_kind() -> None:
    async def last_of_many() -> list[tuple[str, int, str | None, str, bool]]:
        frontier = Frontier()
        for n in range(WINDOW):
            frontier.push(f"{SITE}/news/read.php?id={n}", 1, f"{SITE}/", "ข่าวประชาสัมพันธ์")
        frontier.push(f"{SITE}/files/คู่มือ.pdf", 3, f"{SITE}/ita.php", "คู่มือการปฏิบัติงาน O14", True)
        frontier.push(f"{SITE}/gallery.php", 4)
        requests = [await frontier.get() for _ in range(len(frontier))]
        return [(r.url, r.depth, r.referrer, r.label, r.is_document) for r in requests if "news" not in r.url]

    assert asyncio.run(last_of_many()) == [
        (f"{SITE}/files/คู่มือ.pdf", 3, f"{SITE}/ita.php", "คู่มือการปฏิบัติงาน O14", True),
        (f"{SITE}/gallery.php", 4, None, "", False),
    ]
