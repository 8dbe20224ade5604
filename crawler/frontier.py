"""The crawl frontier: what to fetch next, each URL once.

A priority queue rather than plain breadth-first, because real sites have thousands of news pages and the
page budget must reach the ITA evidence first: links whose labels mention ITA, OIT, an O-code or an item
keyword jump the queue.
"""

from __future__ import annotations

import asyncio
import heapq
import re
import sqlite3
from dataclasses import dataclass

from crawler.keyset import KEY_MASK, KeySet
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

# At most WINDOW queued URLs wait in memory (~350 bytes each: the tuple, the URL, the label); the rest wait as rows of
# a temporary SQLite table and come back REFILL at a time, lowest (priority, seq) first. A 2,000-page site rarely
# queues more than WINDOW at once; a 20,000-page one queued 13,000 (~4.5 MB held to the crawl's end by the allocator).
WINDOW = 2048
REFILL = 256
HOT = 4096  # keys in Frontier._hot, ~0.25 MB at most


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


class _Overflow:
    """The queued URLs beyond the window: rows of a private temporary SQLite database (an empty file name: SQLite
    deletes it when the connection closes), kept in (priority, seq) order by their primary key. Opened on the first
    URL that does not fit in the window."""

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None
        self._pending: list[_Queued] = []  # written REFILL at a time
        self._rows = 0
        self.least: tuple[int, int] | None = None  # the (priority, seq) of the first row, None when there is none

    def __len__(self) -> int:
        return self._rows

    def add(self, entry: _Queued) -> None:
        self._pending.append(entry)
        self._rows += 1
        if self.least is None or entry[:2] < self.least:
            self.least = entry[:2]
        if len(self._pending) >= REFILL:
            self._write()

    def _write(self) -> None:
        """The pending entries into the table, in one statement (a row at a time costs ~4x as much)."""
        if self._db is None:
            self._db = _open_overflow()
        self._db.executemany("INSERT INTO queued VALUES (?, ?, ?, ?, ?, ?, ?)", self._pending)
        self._pending.clear()

    def take(self, count: int) -> list[_Queued]:
        """The first `count` rows, removed from the table."""
        self._write()
        assert self._db is not None
        rows = self._db.execute("SELECT * FROM queued ORDER BY priority, seq LIMIT ?", (count + 1,)).fetchall()
        taken, rest = rows[:count], rows[count:]  # the one row past `count` is the new first row
        self._db.execute("DELETE FROM queued WHERE (priority, seq) <= (?, ?)", taken[-1][:2])
        self._rows -= len(taken)
        self.least = (rest[0][0], rest[0][1]) if rest else None
        return [(p, s, url, depth, ref, label, bool(doc)) for p, s, url, depth, ref, label, doc in taken]


def _open_overflow() -> sqlite3.Connection:
    db = sqlite3.connect("", isolation_level=None)  # autocommit: the rows need no transaction, nor a journal
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA cache_size=-256")  # 256 kB of pages in memory; the rest go to the temporary file
    db.execute(
        "CREATE TABLE queued (priority INTEGER, seq INTEGER, url TEXT, depth INTEGER, referrer TEXT, label BLOB,"
        " is_document INTEGER, PRIMARY KEY (priority, seq)) WITHOUT ROWID"
    )
    return db


class _WindowedQueue(asyncio.PriorityQueue):
    """asyncio's priority queue (its waiting, task_done and join unchanged) over a heap of at most WINDOW entries
    plus an overflow table. `_put` and `_get` are the hooks asyncio's own PriorityQueue and LifoQueue override. The
    entry taken is always the least of both: the overflow's rows come back in batches whenever its first row
    precedes the heap's first entry, or the heap runs empty."""

    _queue: list[_Queued]  # asyncio's heap, made by Queue._init (typeshed leaves the private attribute out)

    def _init(self, maxsize: int) -> None:
        super()._init(maxsize)
        self.overflow = _Overflow()

    def _put(self, item: _Queued) -> None:
        if len(self._queue) < WINDOW:
            heapq.heappush(self._queue, item)
        else:
            self.overflow.add(item)

    def _get(self) -> _Queued:
        heap = self._queue
        if self.overflow.least is not None and self.overflow.least < heap[0]:
            self._refill()
        item = heapq.heappop(heap)
        if not heap and self.overflow.least is not None:
            self._refill()  # a heap left empty would make get() wait though rows wait in the overflow
        return item

    def _refill(self) -> None:
        for entry in self.overflow.take(REFILL):
            heapq.heappush(self._queue, entry)


class Frontier:
    """The queue (a bounded window in memory, the rest in a temporary SQLite table), and every URL ever queued or
    reached, kept as its 64-bit str hash in a KeySet (~8 bytes a URL) rather than the string: a URL fetched long ago
    costs a few bytes, not its text (a 20,000-page site sees some 25,000 URLs). Two URLs of one crawl share a hash
    about once in 10^9 crawls of 200,000 URLs: the second is then taken for seen."""

    def __init__(self) -> None:
        self._queue = _WindowedQueue()
        self._seen = KeySet()
        # The keys seen() found lately: the site menu's links, asked on every page, are answered by one set lookup
        # instead of a search of the KeySet's array (~1 us, ~120 links a page). Emptied when it reaches HOT.
        self._hot: set[int] = set()
        self._seq = 0

    def __len__(self) -> int:
        return self._queue.qsize() + len(self._queue.overflow)

    def seen(self, url: str) -> bool:
        key = hash(url) & KEY_MASK
        if key in self._hot:
            return True
        if key not in self._seen:
            return False
        if len(self._hot) >= HOT:
            self._hot.clear()
        self._hot.add(key)
        return True

    def mark_seen(self, url: str) -> None:
        """A URL reached another way (as a redirect target): never queue it again."""
        self._seen.add(_key(url))

    def push(
        self, url: str, depth: int, referrer: str | None = None, label: str = "", is_document: bool = False
    ) -> bool:
        """Queue `url` unless it was queued before. Returns True when queued."""
        if not self._seen.add(_key(url)):
            return False
        self._seq += 1
        priority = priority_of(depth, label, is_document)
        self._queue.put_nowait((priority, self._seq, url, depth, referrer, label.encode(), is_document))
        return True

    def carried_over(self) -> Frontier:
        """An empty queue that remembers every URL seen here, for a later pass in another event loop (an asyncio
        queue belongs to the loop that first waited on it): that pass fetches only what is new."""
        fresh = Frontier()
        fresh._seen = self._seen.copy()
        fresh._seq = self._seq
        return fresh

    def requeue(self, url: str, depth: int, label: str = "") -> None:
        """Queue a URL crawled before, once more (a page to render in a scan's second pass)."""
        self._seen.add(_key(url))
        self._seq += 1
        self._queue.put_nowait((priority_of(depth, label, False), self._seq, url, depth, None, label.encode(), False))

    async def get(self) -> Request:
        priority, seq, url, depth, referrer, label, is_document = await self._queue.get()
        return Request(priority, seq, url, depth, referrer, label.decode(), is_document)

    def done(self) -> None:
        self._queue.task_done()

    async def join(self) -> None:
        await self._queue.join()


def _key(url: str) -> int:
    """The URL's str hash as an unsigned 64-bit key (KeySet's range); Python caches a str's hash in the str."""
    return hash(url) & KEY_MASK
