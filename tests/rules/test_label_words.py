"""Labels and gap snippets are cut over the rules' own words, never over pythainlp's whole dictionary.

The whole dictionary (62,000 words, ~70 MB with nlpo3's trie of it) is for the PDF quality gate only
(crawler/quality.py). Judging a site's pages (menu labels, titles, index rows, snippets of gaps) must not
reach for it: crawler.quality.FULL_DICTIONARY_USES counts every time it is asked for.
"""

from __future__ import annotations

import re

from crawler import quality
from crawler.thaitext import normalize_thai
from rules.checks.base import snippet
from rules.words import content_words, cut
from tests.rules import koksawang as k
from tests.rules.sitebuilder import evaluate
from tests.rules.test_seed_findings import nakhlang
from tools.make_label_words import OUT, render, vocabulary_texts

_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
EVERY_ITEM = (k.o1(), k.o2(), k.o3(), k.o4(), k.o8(), k.o10(), k.o11(), k.o16(), k.o20(), k.o22(), k.o25())


def test_judging_a_site_never_loads_the_whole_dictionary() -> None:
    """A well-kept site (every item found through menus, index rows and titles) and the seed site with its
    four findings (gaps quoting the documents' Thai text): the word list of the quality gate is not used."""
    before = quality.FULL_DICTIONARY_USES
    results, _ = evaluate(k.site(*EVERY_ITEM))
    assert results["O1"].status == "pass"  # labels were read and named their items
    found, _ = evaluate(nakhlang(drop=("period", "guide", "refprice", "taxid", "attachment")))
    assert any(g.kind for r in found.values() for g in r.gaps)  # gaps (with snippets) were written
    assert before == quality.FULL_DICTIONARY_USES


def test_a_long_thai_snippet_does_not_load_the_whole_dictionary() -> None:
    before = quality.FULL_DICTIONARY_USES
    text = "ประกาศเจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบลโคกสว่าง"
    assert "ของกำนัล" in snippet(text, "ของกำนัล", 20)
    assert before == quality.FULL_DICTIONARY_USES


def test_the_word_list_is_current() -> None:
    """rules/label_words.txt is what tools/make_label_words.py makes of today's vocabulary and catalogs."""
    assert OUT.read_text(encoding="utf-8") == render(), "run tools/make_label_words.py"


def test_the_vocabulary_is_cut_as_the_whole_dictionary_cuts_it() -> None:
    """Every phrase the rules compare labels with falls into the same words as under the whole dictionary, so
    no item's vocabulary changed with the shorter list."""
    loaded = quality._dictionary()
    assert loaded is not None
    whole = loaded[0]
    for text in vocabulary_texts():
        for run in _THAI_RUN.findall(normalize_thai(text).lower()):
            assert cut(run) == whole(run), run


def test_unknown_words_stay_apart_from_known_ones() -> None:
    """A label's words the vocabulary lacks (a place, a project) do not swallow the item words beside them."""
    words = content_words("ประกาศผลการจัดซื้อจัดจ้างโครงการก่อสร้างถนนบ้านหนองบัวแดง")
    assert {"ประกาศ", "จัดซื้อ", "จัดจ้าง"} <= words  # the compound split as before
    words = content_words("คู่มือการปฏิบัติงานกองช่างเทศบาลตำบลนากลาง")
    assert {"คู่มือ", "ปฏิบัติงาน"} <= words
