"""Thai text normalisation and matching keys (see shared/ita/thai-text.md, "PDF text").

PDF text layers carry private-use glyphs, split sara am, and spaces inside words at line breaks. Rules match
phrases on `match_key` (whitespace removed) and fall back to `loose_key` for damaged text layers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Private-use glyph variants some Thai fonts emit (Microsoft/Adobe PUA ranges) -> standard code points.
_PUA = {
    **dict.fromkeys(range(0xF700, 0xF701), "ฐ"),
    0xF701: "ิ",
    0xF702: "ี",
    0xF703: "ึ",
    0xF704: "ื",
    0xF705: "่",
    0xF706: "้",
    0xF707: "๊",
    0xF708: "๋",
    0xF709: "์",
    0xF70A: "่",
    0xF70B: "้",
    0xF70C: "๊",
    0xF70D: "๋",
    0xF70E: "์",
    0xF70F: "ญ",
    0xF710: "ั",
    0xF711: "ํ",
    0xF712: "็",
    0xF713: "่",
    0xF714: "้",
    0xF715: "๊",
    0xF716: "๋",
    0xF717: "์",
    0xF718: "ุ",
    0xF719: "ู",
    0xF71A: "ฺ",
    0xF884: "่",
    0xF885: "้",
    0xF886: "๊",
    0xF887: "๋",
    0xF888: "์",
    0xF889: "่",
    0xF88A: "้",
    0xF88B: "๊",
    0xF88C: "๋",
    0xF88D: "์",
    0xF88E: "่",
    0xF88F: "้",
    0xF890: "๊",
    0xF891: "๋",
    0xF892: "์",
    0xF893: "่",
    0xF894: "้",
    0xF895: "๊",
    0xF896: "๋",
    0xF897: "์",
    0xF898: "ั",
    0xF899: "ิ",
    0xF89A: "ี",
    0xF89B: "ึ",
    0xF89C: "ื",
    0xF89D: "ํ",
    0xF89E: "็",
}
_TONES = "่้๊๋"
_UPPER_VOWELS = "ัิีึื็"
_TONE_BEFORE_VOWEL = re.compile(f"([{_TONES}])([{_UPPER_VOWELS}ุู])")
_SPACE_BEFORE_MARK = re.compile(r"\s+([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])")
_WS = re.compile(r"[\s\u200b\u200c\u200d\ufeff]+")
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")  # Thai digits read as Arabic, offsets kept
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
# Anything normalize_thai repairs: a private-use glyph, a split or doubled sara am, a tone mark before its vowel, a
# space before a mark. Menu labels, titles and HTML text almost never hold any: one search and they are done. Written
# to begin with one class (the first characters of the four shapes, each then told apart by a look-behind): re then
# skips in C to the next such character, where an alternation of classes was tried at every character of the text.
_PUA_CHARS = "\uf700-\uf71a\uf884-\uf89e"
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_DAMAGE = re.compile(
    f"[{_PUA_CHARS}\u0e4d\u0e33{_TONES}\\s]"
    f"(?:(?<=[{_PUA_CHARS}])|(?<=[\u0e4d\u0e33])\u0e32|(?<=[{_TONES}])[{_UPPER_VOWELS}ุู]|(?<=\\s)[{_MARKS}])"
)
_DIGIT_PAIRS = tuple(zip("๐๑๒๓๔๕๖๗๘๙", "0123456789", strict=True))


def arabic_digits(text: str) -> str:
    """`text` with Thai digits as Arabic ones (offsets kept); most text has none, and a dict-table translate of a
    Thai string costs a look-up per character."""
    if _THAI_DIGIT.search(text) is None:
        return text
    # One replace a digit the text holds: each a scan in C, where translate with a dict table looks up every
    # character (~5 us a label, ~0.1 ms a page of text); one character for one, so offsets are kept as well.
    for thai, arabic in _DIGIT_PAIRS:
        if thai in text:
            text = text.replace(thai, arabic)
    return text


def normalize_thai(text: str) -> str:
    """Repair the common damage in extracted Thai text. NFC only: NFKC would split sara am."""
    if _DAMAGE.search(text) is None:
        return unicodedata.normalize("NFC", text)  # clean text (most of it): nothing below would change it
    text = text.translate(_PUA)
    text = text.replace("\u0e4d\u0e32", "\u0e33")  # nikhahit + sara aa -> sara am
    text = text.replace("\u0e33\u0e32", "\u0e33")  # doubled sara am
    text = _TONE_BEFORE_VOWEL.sub(r"\2\1", text)
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    return unicodedata.normalize("NFC", text)


def match_key(text: str) -> str:
    """Whitespace-free, lower-case, Arabic-digit form for phrase matching."""
    # Labels and phrases repeat constantly and are memoised; long texts are keyed once per source anyway.
    return _short_key(text) if len(text) < 300 else _key(text)


@lru_cache(maxsize=2048)  # menu labels and phrases repeat; 42,000 one-off "related" labels need not stay
def _short_key(text: str) -> str:
    return _key(text)


def text_key(text: str) -> str:
    """match_key without the memo, for text met once (a page's title and headings read while streaming the site)."""
    return _key(text)


def _key(text: str) -> str:
    return arabic_digits(_WS.sub("", normalize_thai(text)).lower())


def loose_key(text: str) -> str:
    """A forgiving key for broken text layers: tone marks dropped, sara am read as sara aa."""
    key = match_key(text)
    key = re.sub(f"[{_TONES}์]", "", key)
    return key.replace("ำ", "า")


def contains_any(haystack_key: str, phrases: list[str] | tuple[str, ...]) -> str | None:
    """The first phrase whose match key occurs in `haystack_key` (already a match key), else None."""
    for phrase in phrases:
        if match_key(phrase) in haystack_key:
            return phrase
    return None
