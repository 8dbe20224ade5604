"""normalize_thai and match_key: damaged text layers are repaired; clean text (almost every label, title and HTML
text) comes back as it was, through the fast path that looks for damage once (issue 14)."""

import random
import re

import pytest

from crawler import thaitext
from crawler.thaitext import THAI_DIGITS, arabic_digits, match_key, normalize_thai

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


# The damage search as it was written before (an alternation of classes tried at every character): the one-class
# form normalize_thai now uses must find damage in exactly the same texts.
_DAMAGE_AS_ALTERNATION = re.compile(
    "[\uf700-\uf71a\uf884-\uf89e]|\u0e4d\u0e32|\u0e33\u0e32|[่้๊๋][ัิีึื็ุู]|\\s[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
)


def test_damage_search_finds_what_the_alternation_found() -> None:
    """Over real labels (clean, and each kind of PDF damage) and random strings of Thai letters, marks, private-use
    glyphs and spaces, the damage search agrees with the alternation, and the repair keeps its result."""
    real = [
        "ประกาศ ราคากลาง ๒๕๖๙ เบี้ยยังชีพ องค์การบริหารส่วนตำบล",
        "คู่มือการปฏิบัติงาน",
        "ผลการดำเนินงาน",
        "ผลการด\u0e4d\u0e32เนินงาน",  # split sara am
        "ผลการดำาเนินงาน",  # doubled
        "ค\u0e48\u0e39มือ",  # tone before its vowel
        "ข้อมูล ่ผู้บริหาร",  # space before a mark
        "\uf70aคู่มือ \uf889",  # private-use glyphs
        "แผน\tการ\u00a0ดำเนินงาน",
    ]
    alphabet = [chr(c) for c in range(0x0E01, 0x0E5C)] + list(" \t\u00a0\u2003ab")
    alphabet += [chr(c) for c in range(0xF6FF, 0xF71C)] + [chr(c) for c in range(0xF883, 0xF8A0)]
    rng = random.Random(14)
    texts = real + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(50_000)]
    damaged = [t for t in texts if _DAMAGE_AS_ALTERNATION.search(t)]
    assert 1_000 < len(damaged) < len(texts)  # both kinds are tried
    for text in texts:
        assert (thaitext._DAMAGE.search(text) is None) == (_DAMAGE_AS_ALTERNATION.search(text) is None), repr(text)
    assert normalize_thai(real[3]) == normalize_thai(real[4]) == real[2]


def test_arabic_digits_replaces_each_thai_digit_as_translate_did() -> None:
    for text in ["ปีงบประมาณ ๒๕๖๙", "สขร.๑ เดือน ๑๐/๒๕๖๘ (๐๑๒๓๔๕๖๗๘๙)", "2569 ๒๕๖๙", "ไม่มีเลข", ""]:
        assert arabic_digits(text) == text.translate(THAI_DIGITS)
    assert arabic_digits("๑๒๓") == "123"
    plain = "ข่าวประชาสัมพันธ์ 2569"
    assert arabic_digits(plain) is plain  # no Thai digit: the text itself, nothing copied
