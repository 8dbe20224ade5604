"""Is a page's text layer trustworthy, or should the page be OCR'd? (shared/ita/thai-text.md, "PDF text")

Judged page by page, so that a PDF with a few scanned pages OCRs only those. Three signals:
- too little text: fewer than ~20 Thai characters and no real Latin text is a scan (or a picture);
- junk: control characters, replacement and private-use characters, Latin-1 letters (a pre-Unicode Thai
  font read as Latin-1: "»ÃÐ¡ÒÈ"), marks with no base, "(cid:21)";
- the share of Thai words found in the dictionary (pythainlp newmm over thai_words()): clean text layers
  measured 0.996, broken ones 0.51–0.93 (missing tone marks, split or reordered syllables).

The words are cut by newmm, the maximal-matching segmenter the thresholds were measured with: nlpo3's (PyThaiNLP's
Rust port) when installed, else pythainlp's own, pure Python, ~5 times slower (~1.8 ms a page, which was half the
cost of reading a born-digital PDF). Both give the same shares on every fixture and demo page (83 pages, 0 apart).
The dictionary is loaded on the first judgement, not with the crawler: a scan that meets no Thai PDF should not
pay for it (pythainlp's word list and nlpo3's trie of it cost ~0.3 s and ~70 MB). Nothing else uses it: labels
and snippets are cut over the rules' own words (rules/words.py `cut`). `FULL_DICTIONARY_USES` counts the
uses, so that tests can check that judging a site's pages never reaches for it.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial

MIN_THAI_CHARS = 20  # fewer on a page: nothing to read there (a scan, or a picture with a caption)
MIN_LATIN_LETTERS = 40  # ... unless it is a page of English text
MIN_DICT_SHARE = 0.95  # below: the text layer is broken
MAX_JUNK_SHARE = 0.05
MIN_WORDS_TO_JUDGE = 8  # fewer Thai words: the share says nothing
MAX_JUDGED_CHARS = 2000  # per page: ~300 words, a stable share; a dense table page still costs only ~2 ms

_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")  # Thai letters, vowels and marks; not Thai digits (U+0E50-59)
_THAI = re.compile("[\u0e01-\u0e4e\u0e50-\u0e59]")
_LATIN = re.compile("[A-Za-z]")
_CID = re.compile(r"\(cid:\d+\)")
_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
_ORPHAN_MARK = re.compile(f"(?:^|(?<=[^\u0e01-\u0e4e]))[{_MARKS}]")
# Latin-1 letters and signs as a TIS-620 font read as Latin-1 shows them; ° ± × · and friends are left out.
_LEGACY = re.compile("[\u00a1-\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")


@dataclass(frozen=True)
class PageQuality:
    thai_chars: int
    latin_letters: int
    junk: int
    words: int  # Thai words judged
    dict_share: float | None  # share of those words in the dictionary; None when too few to judge
    ok: bool  # the text layer can be trusted
    reason: str | None = None  # why not, for logs and tests

    @property
    def needs_ocr(self) -> bool:
        return not self.ok


def judge_pages(pages: Iterable[str]) -> list[PageQuality]:
    return [judge_page(p) for p in pages]


def judge_page(text: str) -> PageQuality:
    visible = sum(1 for ch in text if not ch.isspace())
    thai = len(_THAI.findall(text))
    latin = len(_LATIN.findall(text))
    junk = count_junk(text)
    words, share = dictionary_share(text)
    if thai < MIN_THAI_CHARS and latin < MIN_LATIN_LETTERS:
        return PageQuality(thai, latin, junk, words, share, False, "too little text")
    if junk > MAX_JUNK_SHARE * visible:
        return PageQuality(thai, latin, junk, words, share, False, "junk characters")
    if share is not None and share < MIN_DICT_SHARE:
        return PageQuality(thai, latin, junk, words, share, False, f"dictionary share {share:.2f}")
    return PageQuality(thai, latin, junk, words, share, True)


def count_junk(text: str) -> int:
    controls = len(_JUNK_CHAR.findall(text))
    return controls + len(_LEGACY.findall(text)) + len(_ORPHAN_MARK.findall(text)) + 6 * len(_CID.findall(text))


# Control characters (Unicode Cc) other than line breaks and tabs, private-use characters (Co) that
# normalize_thai could not map, and the replacement characters. One regular expression: a Python loop asking
# unicodedata for each character cost ~0.2 ms a page, a sixth of the whole gate.
_JUNK_CHAR = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\ufffe\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)


def dictionary_share(text: str) -> tuple[int, float | None]:
    """(Thai words judged, the share found in the dictionary). Unknown words that newmm has to cut into
    letter clusters count once per cluster, which is what makes broken text score low: on the demo site's
    and the fixtures' clean pages 0.96-1.0, a layer without its upper vowels and tone marks 0.86."""
    dictionary = _dictionary()
    if dictionary is None:
        return 0, None
    segment, words = dictionary
    total = known = 0
    for run in _THAI_RUN.findall(text[:MAX_JUDGED_CHARS]):
        for token in segment(run):
            if len(token) > 1:  # single letters are abbreviations (พ.ศ., ป.ป.ช.), ฯ and ณ: no evidence either way
                total += 1
                known += token in words
    if total < MIN_WORDS_TO_JUDGE:
        return total, None
    return total, known / total


def overall_share(pages: Iterable[PageQuality]) -> float | None:
    """The dictionary share of a whole document, weighted by words; None when no page could be judged."""
    judged = [p for p in pages if p.dict_share is not None]
    total = sum(p.words for p in judged)
    if not total:
        return None
    return round(sum((p.dict_share or 0.0) * p.words for p in judged) / total, 3)


# Abbreviations every agency writes that the dictionary lacks (ห้างหุ้นส่วนจำกัด, แบบ สขร.1, ถนน คสล.).
_EXTRA_WORDS = ("หจก", "บจก", "สขร", "คสล", "อปท", "อบต", "อบจ", "กทม", "ปปช", "ปปท", "สตง", "รพสต")

_LOCK = threading.Lock()  # the gate runs in worker threads: build the trie once
FULL_DICTIONARY_USES = 0  # times the whole dictionary was asked for in this process (loaded on the first)


def _dictionary() -> tuple[Callable[[str], list[str]], frozenset[str]] | None:
    global FULL_DICTIONARY_USES
    with _LOCK:
        FULL_DICTIONARY_USES += 1
        return _load_dictionary()


@cache
def _load_dictionary() -> tuple[Callable[[str], list[str]], frozenset[str]] | None:
    try:
        from pythainlp.corpus import thai_words
    except ImportError:  # the gate still works on text amount and junk alone
        return None
    dictionary = frozenset(thai_words())
    # Cut with pythainlp's own word list (what its newmm uses); the agencies' abbreviations only count as known.
    return _nlpo3_segmenter(dictionary) or _pythainlp_segmenter(), dictionary | frozenset(_EXTRA_WORDS)


def _nlpo3_segmenter(words: frozenset[str]) -> Callable[[str], list[str]] | None:
    """nlpo3's newmm over pythainlp's word list (the same words the share counts); None when not installed."""
    try:
        import nlpo3
    except ImportError:
        return None
    # nlpo3 reads its dictionary from a file, into memory: the file can go at once.
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="oit-words-", suffix=".txt") as listing:
        listing.write("\n".join(sorted(words)))
        listing.flush()
        nlpo3.load_dict(listing.name, _NLPO3_DICT)  # a name already loaded is kept, not replaced
    return partial(nlpo3.segment, dict_name=_NLPO3_DICT)


def _pythainlp_segmenter() -> Callable[[str], list[str]]:
    from pythainlp.tokenize import newmm

    newmm.segment("ก")  # builds the default word trie now, under the lock
    return newmm.segment


_NLPO3_DICT = "oit-thai-words"
