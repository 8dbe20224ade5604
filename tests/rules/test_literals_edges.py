"""The first characters of a match (rules/literals.py, first_chars and guarded) on the shapes of the date and
channel patterns: an optional "ณ " before "วันที่" written as `(?:ณ\\s)?` or as an alternation with an empty branch,
a group of alternatives, an atomic group; a pattern that begins with a literal (inside a group or not) is left to
re's own scan, a case-insensitive one keeps its flag behind the guard, and a verbose one is not read."""

from __future__ import annotations

import re

import pytest

from rules.literals import first_chars, guarded

SIGNED = "ประกาศ ณ วันที่ 15 พฤษภาคม พ.ศ. 2569"
DATED = "ประกาศ วันที่ 15 พฤษภาคม พ.ศ. 2569"


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:ณ\s)?วันที่\s*\d{1,2}",
        r"(?:ณ |)วันที่\s*\d{1,2}",  # the empty branch: a match may begin at "วันที่" too
        r"(?:ณ วันที่|วันที่)\s*\d{1,2}",
        r"(ณ วันที่|วันที่)\s*\d{1,2}",
    ],
)
def test_a_date_that_may_begin_with_na_is_guarded_by_both_first_characters(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert first_chars(compiled) == "ณว"
    fast = guarded(compiled)
    assert fast.pattern == f"(?=[ณว])(?:{pattern})"
    for text in (SIGNED, DATED):
        assert fast.search(text).group(0) == compiled.search(text).group(0)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "pattern", [r"(เลขที่)\s*\d+", r"(?:(?:วันที่))\s*\d{1,2}", r"[0-9๐-๙][0-9๐-๙]?\s*(?:ต\.ค\.|พ\.ย\.)"]
)
def test_a_pattern_that_begins_with_a_literal_or_a_class_is_left_to_re(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert first_chars(compiled) is not None
    assert guarded(compiled) is compiled


def test_a_case_insensitive_pattern_keeps_its_flag_behind_the_guard() -> None:
    line = re.compile(r"(?:https?://)?line\.me/", re.IGNORECASE)
    fast = guarded(line)
    assert fast is not line
    assert fast.search("ติดต่อทาง LINE.ME/R/ti/p/@koksawang").group(0) == "LINE.ME/"  # type: ignore[union-attr]


def test_the_first_characters_are_read_through_an_atomic_group() -> None:
    assert first_chars(re.compile(r"(?>พ\.ศ\.|ค\.ศ\.)\s*\d{4}")) == "คพ"


def test_a_verbose_pattern_is_not_read_and_is_searched_as_it_is() -> None:
    # Its spaces and comments are no text to match: the reading here leaves it whole.
    verbose = re.compile(r"(?:ณ \s)?  วันที่  # a signed announcement's date", re.VERBOSE)
    assert first_chars(verbose) is None
    assert guarded(verbose) is verbose


def test_a_bytes_pattern_is_not_read_and_is_searched_as_it_is() -> None:
    # A file's magic number behind an optional byte-order mark: a guard is text, which a bytes pattern cannot take.
    magic = re.compile(rb"(?:\xef\xbb\xbf)?%PDF-")
    assert first_chars(magic) is None  # type: ignore[arg-type]  # the reading is of str patterns
    assert guarded(magic) is magic  # type: ignore[arg-type]
