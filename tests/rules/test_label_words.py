"""Labels and gap snippets are cut over the rules' own words, never over pythainlp's whole dictionary.

The whole dictionary (62,000 words, ~70 MB with nlpo3's trie of it) is for the PDF quality gate only
(crawler/quality.py). Judging a site's pages (menu labels, titles, index rows, snippets of gaps) must not
reach for it: crawler.quality.FULL_DICTIONARY_USES counts every time it is asked for.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import nlpo3
import pytest

from crawler import quality
from crawler.thaitext import normalize_thai
from rules.checks.base import snippet
from rules.words import _LETTERS, WordSet, _clean, content_words, cut, newmm_from_files
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


ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path("/work/shared/seeds")
# Where real labels are: the fixtures' pages and texts (menus, titles, index rows, documents), the eval sites and
# their builders (the zoo's and the holdout's menus), and the seed documents when this machine has them.
LABEL_SOURCES = (
    *sorted((ROOT / "tests" / "fixtures" / "rules").rglob("*.*")),
    *sorted((ROOT / "eval").rglob("*.*")),
    *sorted((ROOT / "tests" / "rules").glob("*.py")),
    *sorted(SEEDS.glob("*.txt")),
)


def _real_texts() -> Iterator[str]:
    yield from vocabulary_texts()
    for path in LABEL_SOURCES:
        if path.suffix in {".html", ".txt", ".py", ".toml", ".md"}:
            yield path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def nlpo3_cut() -> Callable[[str], list[str]]:
    """nlpo3's newmm over the same list: what labels were cut with before, the reference."""
    nlpo3.load_dict(str(OUT), "oit-label-words-reference")
    return lambda text: nlpo3.segment(text, "oit-label-words-reference")


def test_labels_are_cut_as_nlpo3_cut_them(nlpo3_cut: Callable[[str], list[str]]) -> None:
    """Every run of letters a label is cut in (vocabulary phrases, catalog titles, the menus and texts of the
    fixtures, the eval sites and the seed documents) falls into the same words as under nlpo3 over the list."""
    runs = {run for text in _real_texts() for run in _LETTERS.findall(_clean(text))}
    assert len(runs) > 5000  # the corpus was read
    wrong = {run: (cut(run), nlpo3_cut(run)) for run in runs if cut(run) != nlpo3_cut(run)}
    assert not wrong


def test_thai_cut_anywhere_is_cut_as_nlpo3_cut_it(nlpo3_cut: Callable[[str], list[str]]) -> None:
    """A snippet's bounds are found in 40 letters of a document cut anywhere, often inside a word ("ุลาคม…"): every
    such stretch of Thai of the documents falls into the same words as under nlpo3."""
    thai = [run for text in _real_texts() for run in _THAI_RUN.findall(text) if len(run) > 8]
    windows = {run[i : i + 40] for run in thai for i in range(0, len(run), 11)}
    assert len(windows) > 5000
    assert not [w for w in windows if cut(w) != nlpo3_cut(w)]


def test_marks_between_thai_words_stay_apart_from_them() -> None:
    """Where a document's Thai meets other characters (a tag left in the text, a form's dotted blanks, a slash), the
    Thai words stay whole and the marks apart, so a snippet ends at the word, not inside "ผู้สูงอายุ<!" (nlpo3 glued
    an unknown word to the marks after it)."""
    assert cut("เงินเบี้ยยังชีพผู้สูงอายุ<!-- /part")[-3:] == ["<!--", " ", "/part"]
    assert "หมู่" in cut("บ้านเลขที่..........หมู่ที่..........ตำบลโคกสว่าง")
    assert cut("ภาษี/เลขประจำตัว") == ["ภาษี", "/", "เลขประจำตัว"]
    # The snippet ends between the bracket and the next word, not one letter into it ("อายุ(ฉ…").
    text = "ขอรับเงินเบี้ยยังชีพผู้สูงอายุ(ฉบับปรับปรุง)แบบคำขอลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุประจำปี"
    assert snippet(text, "เบี้ยยังชีพ", 12) == "ขอรับเงินเบี้ยยังชีพผู้สูงอายุ(…"


_JUDGE_IMPORTS = """
import json, sys
from tests.rules import koksawang as k
from tests.rules.sitebuilder import evaluate
from tests.rules.test_label_words import EVERY_ITEM
from rules.checks.base import snippet
results, _ = evaluate(k.site(*EVERY_ITEM))
cut_snippet = snippet("ประกาศเจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่", "ของกำนัล", 12)
print(json.dumps({"o1": results["O1"].status, "snippet": cut_snippet,
                  "pythainlp": sorted(m for m in sys.modules if m.split(".")[0] == "pythainlp")}))
"""


def test_judging_a_site_without_documents_imports_no_pythainlp_package() -> None:
    """Labels and snippets are cut by newmm's own code, run from its two files: judging a site of Thai menus, titles
    and index rows (no PDF, so no quality gate) never runs pythainlp's package, whose __init__ imports all of it
    (tagging, spelling, soundex, transliteration, corpus readers: ~80 modules and ~2 MB of a scan's peak)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", _JUDGE_IMPORTS], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    found = json.loads(out.stdout)
    assert found["o1"] == "pass"  # the labels were cut and named their items
    assert "ของกำนัล" in found["snippet"]
    assert found["pythainlp"] == []


def test_newmm_run_from_its_files_cuts_as_the_package_newmm() -> None:
    """The newmm run apart from its package and the package's own (imported here) cut every run of letters of the
    vocabulary, the fixtures, the eval sites and the seeds alike, over the label list and over a list of other words."""
    from pythainlp.tokenize.newmm import segment

    apart = newmm_from_files()
    assert apart is not None and apart is not segment
    runs = sorted({run for text in _real_texts() for run in _LETTERS.findall(_clean(text))})
    assert len(runs) > 5000
    for listing in (WordSet(OUT.read_text(encoding="utf-8").splitlines()), WordSet(["ประกาศ", "จัดซื้อ", "การ"])):
        assert [apart(run, listing) for run in runs] == [segment(run, listing) for run in runs]


_MEASURE = """
import gc, json, sys, tracemalloc
import oit.cli, rules.evaluate  # what the scan process holds before it cuts a label
import rules.words as words
def rss():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS"))
gc.collect()
before = rss()
if sys.argv[1:] == ["traced"]:  # the Python objects the import allocates (tracing inflates the RSS figures)
    tracemalloc.start()
words._newmm_segment()  # newmm's code, run from its files (pythainlp's package, imported, was ~2.7 MB of objects)
traced_import = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
imported = rss()
tracemalloc.start()
words.cut("ประกาศผลการจัดซื้อจัดจ้างโครงการก่อสร้างถนน")
held, peak = tracemalloc.get_traced_memory()
print(json.dumps({"held": held, "peak": peak, "rss": rss() - before, "import": imported - before,
                  "traced_import": traced_import}))
"""


@pytest.mark.slow  # what it costs, not what it judges: left out of `make mutate`
def test_the_label_cutter_costs_little_memory() -> None:
    """The label cutter (the word list and newmm over it) holds under 1 MB of Python objects, loading newmm
    allocates under 0.5 MB of them (its two files; pythainlp's package imported was ~2.7 MB), and the scan process
    grows by under 6 MB with both: nlpo3's trie of the same words alone was ~6.5 MB more (~1.7 kB a word, native
    memory tracemalloc cannot see), pythainlp's own Trie as much. The RSS bound is the loose one: the package's
    imports grew the RSS by 2.5 MB in one environment and 4.3 MB in a fresh clone's (the same modules and traced
    bytes; what the allocator had free before differs), so the exact Python figures carry the precision and RSS
    only catches a native table of megabytes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*args: str) -> dict:
        out = subprocess.run(
            [sys.executable, "-c", _MEASURE, *args], env=env, capture_output=True, text=True, check=True
        )
        return json.loads(out.stdout)

    measured = run()
    measured["traced_import"] = run("traced")["traced_import"]
    assert measured["held"] < 1_000_000, measured
    assert measured["peak"] < 1_500_000, measured
    assert measured["traced_import"] < 500_000, measured
    assert measured["rss"] < 6_000_000, measured


def test_alias_literals_found_once_cut_labels_as_each_alias_search_did() -> None:
    """Labels holding an alias's literal (ส่วน of องค์การบริหารส่วนตำบล, ถาม, สขร, อบต) with and without the alias: the
    tokens and runs are those of searching each alias's own literals, as before."""
    from rules import words

    def reference(text: str) -> tuple[list[str], list[str]]:
        data = words._data()
        text = words.folded(text)
        tokens = []
        for pattern, token, needs in data.aliases:
            if needs.may_match(text) and pattern.search(text):
                tokens.append(token)
                text = pattern.sub(" ", text)
        return tokens, words._LETTERS.findall(text.replace(".", ""))

    labels = [
        "องค์การบริหารส่วนตำบล ประกาศ ราคากลาง ๒๕๖๙",
        "การมีส่วนร่วมของประชาชน",
        "มี ส่วน ร่วม อบต.บ้านโพธิ์",
        "ถาม - ตอบ (Q & A) Webboard",
        "สขร.๑ ประจำเดือน ตุลาคม ๒๕๖๘",
        "แนวปฏิบัติการจัดการเรื่องร้องเรียน No Gift Policy",
        "HR ทรัพยากรบุคคล e-Service",
        "ประเมินคุณธรรมและความโปร่งใส ITA ๒๕๖๙ ส่วนราชการ",
        "ข่าวประชาสัมพันธ์ ทั้งหมด",
    ]
    assert sum(bool(reference(label)[0]) for label in labels) >= 6  # aliases are taken out of most of them
    for label in labels:
        assert words._label_parts(label) == reference(label), label
