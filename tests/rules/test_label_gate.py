"""The cheap "names no item" gate before a label is cut gives exactly the verdicts of cutting every label.

A text-heavy Thai site links ~42,000 one-off headlines; cutting each new run of letters with newmm (in Python) and
scoring it against every item cost seconds of the judging phase (issue 14). Vocabulary.names now cuts only the
runs of a label that may name an item (rules/words.py, _Gate) and remembers the cut runs. Here it is compared,
label by label, with the long way (every run cut, nothing remembered) over real labels: the saved home pages of
three municipal sites (menus, news headlines, footers, alt texts), the demo site, the rule fixtures' documents
(lines of real announcements and reports), every phrase of the vocabulary and pieces of them, and the bench site's
random "related" labels. Each catalog year is asked, cold and with its runs remembered.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from rules import words
from rules.catalog import load_catalog
from rules.words import _raw_words, _split_known, item_words, vocabulary
from tests.oit.store.test_judge_memory import WORDS

ROOT = Path(__file__).resolve().parents[2]
_TEXT_TAGS = "a, title, h1, h2, h3, h4, li, td, th, option, button, summary, span, strong, p"


def _html_labels(path: Path) -> set[str]:
    tree = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace"))
    found = {" ".join(n.text(separator=" ").split()) for n in tree.css(_TEXT_TAGS)}
    found |= {n.attributes.get("alt") or "" for n in tree.css("img[alt]")}
    return {label[:300] for label in found}


def _document_labels(path: Path) -> set[str]:
    found: set[str] = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        found.add(line[:300])
        found.update(part.strip() for part in re.split(r"[|,;:()]", line))
    return found


def real_labels() -> list[str]:
    labels: set[str] = set()
    for path in [*ROOT.glob("eval/homepages/*/index.html"), *ROOT.glob("oit/demo/site/**/*.html")]:
        labels |= _html_labels(path)
    for path in ROOT.glob("tests/fixtures/rules/**/*.txt"):
        labels |= _document_labels(path)
    rnd = random.Random(14)
    seen = sorted(labels)
    for catalog_year in (2568, 2569):
        for item in load_catalog(catalog_year).items:
            for phrase in item_words(item):
                labels.add(phrase)
                labels.add(f"{item.code} {phrase}")
                pieces = phrase.split()
                labels.add("".join(pieces))  # a menu that writes it without spaces
                labels.add(phrase[: len(phrase) * 2 // 3])  # a label that says only part of it
                labels.add(f"{phrase} {rnd.choice(seen)}")
    labels |= {" ".join(rnd.choices(WORDS, k=6)) for _ in range(3000)}  # bench/make_site.py's "related" links
    labels |= {"".join(rnd.choices(WORDS, k=4)) for _ in range(1000)}  # one-off headlines without spaces
    return sorted(labels - {""})


def named_the_long_way(vocab, label: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """names() before the gate: every run cut, the label's words in the order they are cut."""
    out: set[str] = set()
    for word in _raw_words(label):
        out.update(_split_known(word))
    return vocab._named(frozenset(out - words._data().stop))


@pytest.fixture(scope="module")
def labels() -> list[str]:
    found = real_labels()
    assert len(found) > 5000, len(found)
    return found


@pytest.mark.parametrize("year", [2568, 2569])
def test_the_gate_names_what_cutting_every_label_names(labels: list[str], year: int) -> None:
    vocab = vocabulary(load_catalog(year))
    expected = [named_the_long_way(vocab, label) for label in labels]
    assert sum(1 for e in expected if e) > 300  # menus and titles that do name items are among them
    for remembered in (False, True):  # cold, then with the runs of every label already cut
        if not remembered:
            words._RUNS.clear()
        got = [vocab.names(label) for label in labels]
        wrong = [(label, e, g) for label, e, g in zip(labels, expected, got, strict=True) if e != g]
        assert not wrong, wrong[:5]


def test_headlines_that_name_nothing_are_not_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    """One-off headlines without spaces (a Thai news site's) that cannot say enough of any item are dropped before
    newmm cuts them; those that may name an item are cut and named as before."""
    vocab = vocabulary(load_catalog(2569))
    words._RUNS.clear()
    cuts: list[str] = []
    real_cut = words.cut
    monkeypatch.setattr(words, "cut", lambda text: cuts.append(text) or real_cut(text))
    rnd = random.Random(3)
    places = ["บ้านหนองบัว", "หมู่ที่๕", "ตำบลโพธิ์ทอง", "ถนนคอนกรีต", "วัดป่าสามัคคี", "ลานกีฬา", "ประปาหมู่บ้าน"]
    headlines = [f"ซ่อมแซม{rnd.choice(places)}{rnd.choice(places)}{n}" for n in range(200)]
    assert all(not vocab.names(h) for h in headlines)
    assert len(cuts) == 0, cuts[:5]
    assert "O1" in vocab.names("แผนผังโครงสร้างส่วนราชการองค์การบริหารส่วนตำบล")
    assert cuts  # the one that names an item was cut
