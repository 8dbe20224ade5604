"""The crawl frontier: what to fetch next, each URL once.

A priority queue rather than plain breadth-first, because real sites have thousands of news pages and the
page budget must reach the ITA evidence first: links whose labels mention ITA, OIT, an O-code or an item
keyword jump the queue.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field

from crawler.thaitext import match_key

# Labels that suggest ITA evidence. Only a hint for ordering: discovery does not depend on it.
_EVIDENCE_HINTS = [
    match_key(w)
    for w in (
        "ita",
        "oit",
        "คุณธรรมและความโปร่งใส",
        "เปิดเผยข้อมูล",
        "โครงสร้าง",
        "ผู้บริหาร",
        "อำนาจหน้าที่",
        "ติดต่อ",
        "e-service",
        "บริการออนไลน์",
        "จัดซื้อจัดจ้าง",
        "ของขวัญ",
        "no gift",
        "แผน",
        "คู่มือ",
        "ร้องเรียน",
        "ความเสี่ยง",
        "ทุจริต",
        "จริยธรรม",
        "บุคลากร",
        "รายงาน",
        "ประกาศ",
    )
]
_O_CODE = re.compile(r"\b[oO0]\s?\d{1,2}\b")
# Words only the ITA index page (the agency's list of its O1..O26 evidence) is titled or headed with: every link
# on it is followed, whatever its URL pattern has done.
_ITA_HINTS = [match_key(w) for w in ("คุณธรรมและความโปร่งใส", "เปิดเผยข้อมูลสาธารณะ")]
_ITA_WORD = re.compile(r"(?<![a-z])(?:ita|oit)(?![a-z])", re.IGNORECASE)  # "ITA2569", never "capital"


@dataclass(order=True)
class Request:
    priority: float
    seq: int
    url: str = field(compare=False)
    depth: int = field(compare=False, default=0)
    referrer: str | None = field(compare=False, default=None)
    label: str = field(compare=False, default="")
    is_document: bool = field(compare=False, default=False)


def names_evidence(label: str) -> bool:
    """The label mentions ITA, an O-code or an item keyword."""
    key = match_key(label)
    return any(h in key for h in _EVIDENCE_HINTS) or bool(_O_CODE.search(label))


def names_ita(text: str) -> bool:
    """The title, heading or label of the ITA index page (not of any page that merely mentions a plan)."""
    if _ITA_WORD.search(text):
        return True
    key = match_key(text)
    return any(h in key for h in _ITA_HINTS)


def priority_of(depth: int, label: str, is_document: bool) -> float:
    bonus = 2.5 if names_evidence(label) else 0.0
    # Documents linked from evidence pages are evidence themselves; fetch them early too.
    return depth - bonus - (0.5 if is_document else 0.0)


class Frontier:
    def __init__(self) -> None:
        self._queue: asyncio.PriorityQueue[Request] = asyncio.PriorityQueue()
        self._seen: set[str] = set()
        self._seq = 0

    def __len__(self) -> int:
        return self._queue.qsize()

    def seen(self, url: str) -> bool:
        return url in self._seen

    def mark_seen(self, url: str) -> None:
        """A URL reached another way (as a redirect target): never queue it again."""
        self._seen.add(url)

    def push(
        self, url: str, depth: int, referrer: str | None = None, label: str = "", is_document: bool = False
    ) -> bool:
        """Queue `url` unless it was queued before. Returns True when queued."""
        if url in self._seen:
            return False
        self._seen.add(url)
        self._seq += 1
        priority = priority_of(depth, label, is_document)
        self._queue.put_nowait(Request(priority, self._seq, url, depth, referrer, label, is_document))
        return True

    def carried_over(self) -> Frontier:
        """An empty queue that remembers every URL seen here, for a later pass in another event loop (an asyncio
        queue belongs to the loop that first waited on it): that pass fetches only what is new."""
        fresh = Frontier()
        fresh._seen = set(self._seen)
        fresh._seq = self._seq
        return fresh

    def requeue(self, url: str, depth: int, label: str = "") -> None:
        """Queue a URL crawled before, once more (a page to render in a scan's second pass)."""
        self._seen.add(url)
        self._seq += 1
        self._queue.put_nowait(Request(priority_of(depth, label, False), self._seq, url, depth, None, label))

    async def get(self) -> Request:
        return await self._queue.get()

    def done(self) -> None:
        self._queue.task_done()

    async def join(self) -> None:
        await self._queue.join()
