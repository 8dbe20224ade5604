"""A set of 64-bit keys at about 8 bytes a key, for de-duplicating what a scan has already stored.

A Python set of ints costs ~60 bytes a key (the int object and the hash slot): ~5 MB for the ~90,000 distinct links
of a 20,000-page site, growing with the site. Here the newest keys wait in a small set and are merged, every
MERGE_AT keys, into one sorted unsigned 64-bit array that is searched by bisection. The site menu's links, met on
every page, are found in the array in ~17 probes.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left

# A Python hash masked to the unsigned 64-bit range an array("Q") holds: `hash(value) & KEY_MASK` is a key.
KEY_MASK = 0xFFFF_FFFF_FFFF_FFFF
MERGE_AT = 8192  # the recent set stays under ~0.5 MB; merging costs one pass over the array every MERGE_AT keys


class KeySet:
    def __init__(self) -> None:
        self._recent: set[int] = set()
        self._merged = array("Q")

    def __len__(self) -> int:
        return len(self._recent) + len(self._merged)

    def __contains__(self, key: int) -> bool:
        if key in self._recent:
            return True
        at = bisect_left(self._merged, key)
        return at < len(self._merged) and self._merged[at] == key

    def copy(self) -> KeySet:
        twin = KeySet()
        twin._recent = set(self._recent)
        twin._merged = array("Q", self._merged)
        return twin

    def add(self, key: int) -> bool:
        """Add `key` (0 <= key < 2**64); False when it was there already."""
        if key in self:
            return False
        self._recent.add(key)
        if len(self._recent) >= MERGE_AT:
            # Streamed into a new array: no list of all keys is ever built.
            self._merged = array("Q", heapq.merge(self._merged, sorted(self._recent)))
            self._recent.clear()
        return True
