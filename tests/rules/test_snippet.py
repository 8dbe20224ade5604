"""Snippets quoted in gap texts: whole words, never a Thai mark left without its letter."""

from __future__ import annotations

import itertools

import pytest

from rules.checks.base import snippet
from rules.words import cut

SIGNED = (
    "ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘ (นางวิไลวรรณ จันทร์หอม) ปลัดองค์การบริหารส่วนตำบลหนองบัวแดง ปฏิบัติหน้าที่ตามคำสั่งที่ได้รับมอบหมาย"
)


def test_a_snippet_starts_and_ends_at_spaces() -> None:
    quoted = snippet(SIGNED, "นางวิไลวรรณ", 30)
    assert quoted.startswith("…") and quoted.endswith("…")
    words = quoted.strip("…").split()
    assert all(word in SIGNED.split() for word in words)  # every word whole
    assert "นางวิไลวรรณ" in quoted


@pytest.mark.parametrize("width", range(5, 60))
def test_no_snippet_begins_with_a_thai_mark(width: int) -> None:
    unbroken = "ประกาศเจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบล"
    quoted = snippet(unbroken, "ของกำนัล", width).strip("…")
    marks = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"
    assert quoted[0] not in marks
    assert quoted[-1] not in "เแโใไ"  # a leading vowel kept without its letter
    assert "ของกำนัล" in quoted


def test_short_text_is_quoted_whole() -> None:
    assert snippet("นายสมชาย ใจดี นายก", "นายก") == "นายสมชาย ใจดี นายก"


def test_long_thai_runs_are_cut_between_words() -> None:
    """Thai runs for many words without a space: the cut falls where the label cutter (newmm over the
    vocabulary's words) puts a word boundary."""
    text = (
        "อ่านเพิ่มเติมแผนผังโครงสร้างการแบ่งส่วนราชการภายใน ส่วนราชการ หัวหน้าส่วนราชการ งานภายใน อัตรากำลัง"
        " สำนักปลัด นางสาวกนกวรรณ ศรีบุญเรือง หัวหน้าสำนักปลัด (นักบริหารงานทั่วไป) กองคลังผู้อำนวยการกองคลังนักบริหารงาน"
    )
    pieces = cut(text)
    bounds = set(itertools.accumulate(len(p) for p in pieces)) | {0}
    for width in range(20, 60, 3):
        quoted = snippet(text, "หัวหน้าส่วนราชการ", width)
        inner = quoted.removeprefix("…").removesuffix("…")
        start = text.index(inner)
        assert start in bounds or text[start - 1].isspace(), (width, quoted)
        end = start + len(inner)
        assert end in bounds or end == len(text) or text[end].isspace(), (width, quoted)
