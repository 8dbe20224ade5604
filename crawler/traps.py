"""Crawler traps judged by what the pages do, never by how one URL looks.

Thai sites put evidence behind URLs that look like traps (WordPress posts at /?p=1234, reports filed under
?year=2569 or ?y=2569), so a URL shape alone decides nothing. A trap is a behaviour: one URL pattern (path and
query keys, numbers set aside) yielding page after page that repeats an earlier page of the pattern except for
its numbers and date names, and that leads nowhere new outside the pattern (an endless ?page=N of the same
listing, next/prev calendar months reached only through each other). Once a pattern has yielded
`ALIKE_PER_PATTERN` such pages, further URLs of it are held back; menus, the ITA index page and links whose
labels name evidence are followed anyway (crawler/engine.py decides that). Every URL not fetched is recorded
with its reason (CrawlResult.skipped) so that the scan can say so and no "missing" hides it.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from encodings.cp874 import decoding_table as _CP874
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlsplit

from crawler.keyset import KEY_MASK, KeySet
from crawler.models import SkippedUrl
from crawler.urls import first_urls

# Pages that repeat an earlier page of their pattern before the pattern is held back. High enough that a real
# series of look-alike evidence pages (a monthly report per month) that links nothing new is fetched for
# well over a year, low enough that a trap costs a few dozen requests instead of the page budget.
ALIKE_PER_PATTERN = 24
MAX_SKIPPED_LISTED = 1000  # skipped URLs kept with their label and reason; the rest are only counted

# Why a URL was not fetched: reason key (English, as stored) -> Thai. trap_reason's hard guards come first.
REASONS_TH = {
    "url too long": "URL ยาวเกินกำหนด",
    "path too deep": "เส้นทาง URL ลึกเกินกำหนด",
    "repeating path": "เส้นทาง URL วนซ้ำ",
    "pages alike": "รูปแบบ URL เดียวกันให้หน้าที่ซ้ำกันหลายหน้าแล้ว",
    "deeper than max_depth": "อยู่ลึกจากหน้าแรกเกินกำหนด (max_depth)",
}
PAGES_ALIKE = "pages alike"
TOO_DEEP = "deeper than max_depth"

_DIGITS = re.compile(r"\d+")  # Unicode digits: Thai ๐-๙ as well as 0-9
_IDENTIFIER = re.compile(r"^[A-Za-z_.-]{1,40}$")  # a query value naming a component or view (com_content)
# What changes from one calendar or pagination page to the next besides numbers: month and day names.
_DATE_WORDS = (
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม"
    " ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค. อาทิตย์ จันทร์ อังคาร พุธ พฤหัสบดี ศุกร์ เสาร์"
    " january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep oct nov dec monday tuesday wednesday thursday friday saturday sunday"
)


def _trie(words: list[str]) -> str:
    """One alternation shaped as a prefix tree: the regex engine tries a position once per first letter instead
    of once per word (a page's text is searched in a fraction of the time of a flat list of 60 words)."""
    branches: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    if not branches:
        return ""
    alternatives = [re.escape(first) + _trie(rests) for first, rests in sorted(branches.items())]
    body = alternatives[0] if len(alternatives) == 1 and not ends else f"(?:{'|'.join(alternatives)})"
    return body + ("?" if ends else "")


# Date names go in one pass over the lower-cased text, digits in another over its UTF-8 bytes (a C translate for
# 0-9, a literal-prefixed search for Thai ๐-๙): together under half the time of one regex for both, which
# runs at every position of a 40 kB page. Removing "may" from "mayor" too is harmless: it goes from every page alike.
_DATE_NAMES = re.compile(_trie(_DATE_WORDS.split()))
_THAI_DIGIT_BYTES = re.compile(rb"\xe0\xb9[\x90-\x99]")  # ๐ (U+0E50) to ๙ (U+0E59) in UTF-8


@lru_cache(maxsize=2048)  # the crawl asks for a URL's pattern when it queues it and when it fetches it; no more
def url_pattern(url: str) -> str:
    """The URL with its numbers set aside: host, path with digit runs as #, and the sorted query keys with
    numeric values as #, identifier values kept (option=com_content names a different page kind than
    option=com_jevents) and any other value as *. /?p=1234 and /?p=98765 are one pattern."""
    parts = urlsplit(url)
    path = _DIGITS.sub("#", unquote(parts.path))
    keys = sorted(f"{key}={_value_shape(value)}" for key, value in parse_qsl(parts.query, keep_blank_values=True))
    return f"{parts.netloc}{path}?{'&'.join(keys)}"


def _value_shape(value: str) -> str:
    if value.isdigit():
        return "#"
    return value if _IDENTIFIER.match(value) else "*"


def _one_byte_table() -> str:
    """Windows-874 (TIS-620 with typographic quotes and dashes), its unassigned bytes given to symbols that Thai
    pages show (the footer's ©, bullets, zero-width spaces): Thai text in one byte a character."""
    extra = iter("©®°×·«»§±™¢£¥½²³¼¾¶÷\u200b\u200c\u200d\ufeff●■►★→▪✓")
    table = "".join(next(extra) if char == "\ufffe" else char for char in _CP874)
    # Why the bytes are read as the text: none of the characters changes in lower case but A-Z, and none is
    # whitespace or a digit but ASCII's and Thai ๐-๙ (tests/crawler/test_traps.py holds the two paths equal).
    assert len(table) == 256 and "\ufffe" not in table
    return table


_ONE_BYTE = _one_byte_table()
_ONE_BYTE_MAP = codecs.charmap_build(_ONE_BYTE)
_DATE_NAMES_ONE_BYTE = re.compile(codecs.charmap_encode(_DATE_NAMES.pattern, "strict", _ONE_BYTE_MAP)[0])
_DIGITS_ONE_BYTE = codecs.charmap_encode("0123456789๐๑๒๓๔๕๖๗๘๙", "strict", _ONE_BYTE_MAP)[0]


def fingerprint(text: str) -> bytes:
    """What a page says with its numbers and month/day names set aside: equal for two months of an empty
    calendar or two pages of an endless listing that repeats itself."""
    form = _one_byte_form(text)
    if form is None:  # a character Thai pages seldom show (an emoji, Chinese)
        return hashlib.blake2b(_unicode_form(text), digest_size=12).digest()
    # Hashed as it is, not as UTF-8 (a third of the work again): a text has one form, so pages are alike exactly
    # as before; the hash's own domain keeps these apart from the Unicode forms.
    return hashlib.blake2b(form, digest_size=12, person=b"one byte").digest()


def _unicode_form(text: str) -> bytes:
    """The text lower-cased, date names as spaces, digits dropped, runs of spaces as one, in UTF-8."""
    data = _DATE_NAMES.sub(" ", text.lower()).encode("utf-8")
    data = _THAI_DIGIT_BYTES.sub(b"", data.translate(None, b"0123456789"))
    return b" ".join(data.split())


def _one_byte_form(text: str) -> bytes | None:
    """_unicode_form in _ONE_BYTE, or None when the text has a character outside it. The same steps, a byte a
    character: the regex tests a byte with one bit of a bitmap where it looks a Thai character up in a two-level
    table, and the date names are found in about half the time."""
    try:
        data = codecs.charmap_encode(text, "strict", _ONE_BYTE_MAP)[0]
    except UnicodeEncodeError:
        return None
    data = _DATE_NAMES_ONE_BYTE.sub(b" ", data.lower()).translate(None, _DIGITS_ONE_BYTE)
    return b" ".join(data.split())


class PatternWatch:
    """Per URL pattern, the fingerprints of its fetched pages and how many of them repeated an earlier one while
    leading nowhere new. Work per page is one hash; per link, one dictionary look-up. Memory per fingerprinted page is
    8 bytes: the 64-bit hash of its pattern and fingerprint in one KeySet for all patterns (crawler/keyset.py), not a
    Python int in a dict (~80 bytes with its slot): on a large site most pages lead nowhere new once its links are
    known, so nearly every page is fingerprinted, and sites whose URLs are slugs give every page a pattern of its
    own (a set and a pattern string per page would grow with the site ten times faster)."""

    def __init__(self, bound: int = ALIKE_PER_PATTERN) -> None:
        self.bound = bound
        self._prints = KeySet()
        self._alike: dict[str, int] = {}  # only the patterns that repeated themselves

    def exhausted(self, pattern: str) -> bool:
        return self._alike.get(pattern, 0) >= self.bound

    def alike(self, pattern: str) -> int:
        return self._alike.get(pattern, 0)

    def observe(self, pattern: str, text: str, novel: bool) -> None:
        """A fetched page of `pattern` showing `text`: `novel` when it led to a URL outside its pattern not met
        before. Such a page leads somewhere, so it is no trap page whatever it says, and its text is not even
        fingerprinted (most pages of a large site: the fingerprint costs a pass over the text). Each page is
        observed once (crawler/engine.py does not observe the pages a second pass renders again)."""
        if novel:
            return
        if not self._prints.add(hash((pattern, fingerprint(text))) & KEY_MASK):
            self._alike[pattern] = self._alike.get(pattern, 0) + 1


def record_skip(skipped: dict[str, SkippedUrl], url: str, label: str, reason: str, referrer: str) -> bool:
    """Note a URL not fetched; False when the list is full (the caller counts it instead)."""
    if url in skipped:
        return True
    if len(skipped) >= MAX_SKIPPED_LISTED:
        return False
    skipped[url] = SkippedUrl(url=url, label=label[:200], reason=reason, referrer=referrer)
    return True


def describe_skips(skipped: list[SkippedUrl], unlisted: int, named: int = 3) -> list[str]:
    """One finding per reason: how many URLs were not fetched and the first few of them (Thai, then English)."""
    by_reason: dict[str, list[str]] = {}
    for entry in skipped:
        by_reason.setdefault(entry.reason, []).append(unquote(entry.url))  # Thai addresses read as Thai
    lines = []
    for reason, urls in by_reason.items():
        shown = first_urls(urls, named)
        thai = REASONS_TH.get(reason, reason)
        lines.append(f"ไม่ได้เปิด {len(urls)} URL เพราะ{thai} / {len(urls)} URLs not fetched ({reason}): {shown}")
    if unlisted:
        lines.append(f"และไม่ได้เปิดอีก {unlisted} URL ที่ไม่ได้บันทึกรายชื่อไว้ / and {unlisted} more URLs not fetched, not listed")
    return lines
