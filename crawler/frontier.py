"""The crawl frontier: what to fetch next, each URL once.

A priority queue rather than plain breadth-first, because real sites have thousands of news pages and the
page budget must reach the ITA evidence first: links whose labels mention ITA, OIT, an O-code or an item
keyword jump the queue.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

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


@dataclass
class Request:
    priority: int
    seq: int
    url: str
    depth: int = 0
    referrer: str | None = None
    label: str = ""
    is_document: bool = False


# What waits in the queue: a plain tuple, ordered by (priority, seq) in C, rather than an object with a dict per URL;
# the Request is built when a worker takes it. A large site queues tens of thousands of URLs at once. The label waits
# as UTF-8 bytes: the str it came from is the link's, which the scan database bound as a parameter, and binding
# leaves a UTF-8 copy inside a Thai str for the str's life (about as large again).
_Queued = tuple[int, int, str, int, str | None, bytes, bool]


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


def priority_of(depth: int, label: str, is_document: bool) -> int:
    """Lower first, in half steps of depth: evidence labels jump two and a half levels, documents half a level.
    A small int, of which Python keeps one object per value: the queued URLs share them."""
    bonus = 5 if names_evidence(label) else 0
    # Documents linked from evidence pages are evidence themselves; fetch them early too.
    return 2 * depth - bonus - (1 if is_document else 0)


class Frontier:
    """The queue, and every URL ever queued or reached, kept as its 64-bit str hash rather than the string: a URL
    fetched long ago costs an int, not its text (a 20,000-page site sees some 25,000 URLs). Two URLs of one crawl
    share a hash about once in 10^9 crawls of 200,000 URLs: the second is then taken for seen. The hashes are the
    keys of a dict, not a set: at these sizes a dict's table takes a half to a third of a set's."""

    def __init__(self) -> None:
        self._queue: asyncio.PriorityQueue[_Queued] = asyncio.PriorityQueue()
        self._seen: dict[int, None] = {}
        self._seq = 0

    def __len__(self) -> int:
        return self._queue.qsize()

    def seen(self, url: str) -> bool:
        return hash(url) in self._seen

    def mark_seen(self, url: str) -> None:
        """A URL reached another way (as a redirect target): never queue it again."""
        self._seen[hash(url)] = None

    def push(
        self, url: str, depth: int, referrer: str | None = None, label: str = "", is_document: bool = False
    ) -> bool:
        """Queue `url` unless it was queued before. Returns True when queued."""
        key = hash(url)
        if key in self._seen:
            return False
        self._seen[key] = None
        self._seq += 1
        priority = priority_of(depth, label, is_document)
        self._queue.put_nowait((priority, self._seq, url, depth, referrer, label.encode(), is_document))
        return True

    def carried_over(self) -> Frontier:
        """An empty queue that remembers every URL seen here, for a later pass in another event loop (an asyncio
        queue belongs to the loop that first waited on it): that pass fetches only what is new."""
        fresh = Frontier()
        fresh._seen = dict(self._seen)
        fresh._seq = self._seq
        return fresh

    def requeue(self, url: str, depth: int, label: str = "") -> None:
        """Queue a URL crawled before, once more (a page to render in a scan's second pass)."""
        self._seen[hash(url)] = None
        self._seq += 1
        self._queue.put_nowait((priority_of(depth, label, False), self._seq, url, depth, None, label.encode(), False))

    async def get(self) -> Request:
        priority, seq, url, depth, referrer, label, is_document = await self._queue.get()
        return Request(priority, seq, url, depth, referrer, label.decode(), is_document)

    def done(self) -> None:
        self._queue.task_done()

    async def join(self) -> None:
        await self._queue.join()
