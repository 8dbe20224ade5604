"""O2 judges its pages one at a time: a page's parsed tree is gone once its cards are read (issue 14).

On a large site the O2 bundle holds ten pages or more (the executives' page, the structure page, news items that
name the executives). Each page's HTML is parsed into a lexbor tree of some hundred kB to MB; the check keeps only
each card's plain facts (name, position, photo, phone). Nothing of a page's tree may outlive the reading of its
cards, not even until the garbage collector's next pass: an element that named itself as the card it opens was a
reference cycle that held the whole tree, so a ten-page bundle held ten trees at once. Measured with the cycle
collector switched off, as it is most of the time between its full passes.

Pages: the executive-page layouts of tests/fixtures/rules/executives/ (card grid, WordPress gallery, Joomla table
rows, a legacy photo-row table, a classic editor's flow, cards with their closing tags left out), read back by
URL as StoredSite does (Source.load_html), so the bundle keeps no HTML either.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from rules.catalog import ComponentDef
from rules.checks.base import Context
from rules.checks.people import executive_cards, executives
from rules.sources import Bundle, Source
from tests.rules.sitebuilder import fixture

LAYOUTS = [
    "card_grid.html",
    "wp_gallery.html",
    "table_rows.html",
    "photo_row_table.html",
    "classic_flow.html",
    "unclosed_div_grid.html",
    "unclosed_list.html",
    "unclosed_table.html",
    "unclosed_flow.html",
    "structure_named.html",
]
PHOTO = ComponentDef(
    id="exec.photo",
    label_th="รูปถ่ายของผู้บริหาร",
    label_en="executives' photos",
    check="executives",
    params={"need": "photo"},
    hint_th="แสดงรูปถ่ายของผู้บริหารทุกคน",
)
CTX = Context(fiscal_year=2569, as_of=date(2026, 5, 15))
LEFT_OVER = 64 * 1024  # bytes a page may leave behind: the bounded memos of folding and matching, not its tree


@contextmanager
def no_cycle_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _html(name: str) -> str:
    return fixture(f"executives/{name}")


def _bundle(pages: int) -> Bundle:
    html = {f"https://www.example.go.th/about/{i}.html": _html(LAYOUTS[i % len(LAYOUTS)]) for i in range(pages)}
    return Bundle([Source(url=u, kind="page", found_via="linked", text="x", load_html=html.__getitem__) for u in html])


def _traced(run: object) -> tuple[int, int]:
    """(bytes still held after `run`, peak above the start) while `run` reads the pages."""
    with no_cycle_collector():
        tracemalloc.start()
        try:
            start = tracemalloc.get_traced_memory()[0]
            run()  # type: ignore[operator]
            held, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return held - start, peak - start


@pytest.mark.slow  # what it costs, not what it judges: left out of `make mutate`
def test_a_page_leaves_nothing_of_its_tree_once_its_cards_are_read() -> None:
    for name in LAYOUTS:
        html = _html(name)
        expected = executive_cards(html)  # warms the regex and folding memos
        held, peak = _traced(lambda html=html: executive_cards(html))
        assert held < LEFT_OVER, (name, held, peak)
        assert peak > 4 * LEFT_OVER, (name, peak)  # the tree was traced: the measure can see it
        assert gc.collect() == 0, name  # no cycle waiting for the collector
        assert executive_cards(html) == expected


@pytest.mark.slow  # what it costs, not what it judges: left out of `make mutate`
def test_the_check_over_thirty_pages_peaks_like_over_ten() -> None:
    small, large = _bundle(len(LAYOUTS)), _bundle(3 * len(LAYOUTS))
    verdict = executives(PHOTO, large, CTX)
    assert verdict == executives(PHOTO, large, CTX)
    _, peak_small = _traced(lambda: executives(PHOTO, small, CTX))
    held, peak_large = _traced(lambda: executives(PHOTO, large, CTX))
    # Thirty pages hold three times the cards of ten, and never more than one page's tree at a time.
    assert peak_large < 1.5 * peak_small, (peak_small, peak_large)
    assert held < LEFT_OVER, held
