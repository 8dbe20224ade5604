"""normalize_thai and match_key: damaged text layers are repaired; clean text (almost every label, title and HTML
text) comes back as it was, through the fast path that looks for damage once (issue 14)."""

import pytest

from crawler.thaitext import arabic_digits, match_key, normalize_thai

DAMAGED = [
    ("\uf70aประก\u0e32ศ", "\u0e48ประกาศ"),  # a private-use tone mark (Microsoft fonts) becomes the real one
    ("ค\u0e4d\u0e32สั่ง", "คำสั่ง"),  # nikhahit + sara aa -> sara am
    ("ก\u0e33\u0e32หนด", "กำหนด"),  # doubled sara am
    ("ที\u0e48\u0e35", "ที\u0e35\u0e48"),  # tone mark before its vowel
    ("จัดซื \u0e49อจัดจ้าง", "จัดซื้อจัดจ้าง"),  # a space before a mark (a line break inside a word)
    ("ป\uf701ดประกาศ", "ปิดประกาศ"),  # a private-use upper vowel
]
CLEAN = ["ประกาศผู้ชนะการเสนอราคา โครงการก่อสร้างถนน ม.๕", "รายงานผลการดำเนินงาน ปี 2568", "O11 สขร.1", ""]


@pytest.mark.parametrize(("damaged", "repaired"), DAMAGED)
def test_damaged_thai_is_repaired(damaged: str, repaired: str) -> None:
    assert normalize_thai(damaged) == repaired


@pytest.mark.parametrize("text", CLEAN)
def test_clean_thai_comes_back_unchanged(text: str) -> None:
    assert normalize_thai(text) == text


def test_decomposed_latin_is_still_composed() -> None:
    assert normalize_thai("cafe\u0301") == "caf\u00e9"  # NFC on the fast path too


def test_match_key_reads_thai_digits_as_arabic_only_where_there_are_some() -> None:
    assert match_key("ประจำปี ๒๕๖๙ ไตรมาส ๑") == "ประจำปี2569ไตรมาส1"
    assert match_key("ข้อ 1  O1") == "ข้อ1o1"
    assert arabic_digits("ม.๕ หมู่ 3") == "ม.5 หมู่ 3"
