"""The first characters of a match (rules/literals.py, first_chars and guarded) on the shapes of the date and
channel patterns: an optional "ณ " before "วันที่" written as `(?:ณ\\s)?` or as an alternation with an empty branch,
a group of alternatives, an atomic group; a pattern that begins with a literal (inside a group or not) is left to
re's own scan, a case-insensitive one keeps its flag behind the guard, and a verbose one is not read.

And the literals a match needs (needed, hints): a product of alternations kept small, the rarer of two sets, an
atomic group read through, a group with flags of its own not read, and no pattern at all matching nothing."""

from __future__ import annotations

import re

import pytest

from rules.literals import Hints, first_chars, guarded, hints, needed

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


MONTHS = r"(?:ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.)"


def test_a_month_before_a_two_digit_century_needs_one_of_the_months_alone() -> None:
    # 12 months x 4 centuries (48 strings) is more than a hint holds: the months, the longer literals, stand alone
    assert needed(re.compile(MONTHS + "(?:25|๒๕|19|20)")) == (
        *("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย."),
        *("ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."),
    )


def test_of_two_sets_of_literals_as_long_the_smaller_is_needed() -> None:
    # "ต.ค. 68 - ม.ค. 69": each month set is four characters a literal; the second has two, fewer to search for
    assert needed(re.compile(r"(?:ต\.ค\.|พ\.ย\.|ธ\.ค\.)\s*\d+\s*-\s*(?:ม\.ค\.|ก\.พ\.)")) == ("ม.ค.", "ก.พ.")


def test_the_literals_of_an_atomic_group_are_needed() -> None:
    assert needed(re.compile(r"(?>พ\.ศ\.\s*)\d{4}")) == ("พ.ศ.",)


def test_a_verbose_pattern_needs_no_literal_read_here() -> None:
    assert needed(re.compile(r"วันที่  \s*  \d+  # the day of a signed notice", re.VERBOSE)) is None


def test_a_group_with_a_case_of_its_own_is_not_taken_as_written() -> None:
    # "(?i:facebook)" matches "Facebook": its letters are no literal of a case-sensitive search
    page = re.compile(r"(?i:facebook)\.com/")
    text = "ติดตามข่าวสารทาง Facebook.com/koksawang"
    assert page.search(text) is not None
    assert hints(page).may_match(text)


def test_hints_of_no_pattern_match_no_text_and_a_pattern_without_hints_may_match_any() -> None:
    assert not hints().may_match("ประกาศ ณ วันที่ 15 พฤษภาคม 2569")
    assert not Hints(()).may_match("ประกาศ ณ วันที่ 15 พฤษภาคม 2569")
    assert Hints(None).may_match("ประกาศ ณ วันที่ 15 พฤษภาคม 2569")
