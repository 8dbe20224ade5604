"""KeySet: a scan's de-duplication set of 64-bit link digests, exact and about 8 bytes a key."""

import random
import tracemalloc

from crawler.keyset import MERGE_AT, KeySet


def test_it_is_a_set_across_merges():
    rnd = random.Random(14)
    keys = [rnd.getrandbits(64) for _ in range(3 * MERGE_AT + 17)] + [0, 2**64 - 1]
    seen = KeySet()
    assert all(seen.add(k) for k in keys)  # all new
    assert len(seen) == len(keys)
    assert not any(seen.add(k) for k in rnd.sample(keys, 500))  # met again, in the array or the recent set
    assert all(k in seen for k in keys)
    absent = [rnd.getrandbits(64) for _ in range(500)]
    assert not any(k in seen for k in absent if k not in set(keys))


def test_a_hundred_thousand_links_cost_about_a_megabyte():
    """The ~100,000 distinct links of a 20,000-page site: a set of ints held ~6 MB and grew with the site."""
    rnd = random.Random(7)
    keys = [rnd.getrandbits(64) for _ in range(100_000)]
    tracemalloc.start()
    seen = KeySet()
    for key in keys:
        seen.add(key)
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(seen) == 100_000
    assert held < 100_000 * 16, f"{held / 100_000:.1f} bytes a key"
