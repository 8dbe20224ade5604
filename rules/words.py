"""Which items a short Thai label names (a menu link, a page title, an index row), by its meaning-bearing words.

Menus name items in their own words: "มาตรฐานการปฏิบัติงาน" for the work manual, "งานการเจ้าหน้าที่" for the HR
plan, "มาตรการภายใน" for the integrity measures, one "สรุปผลการจัดซื้อจัดจ้าง" for the monthly and the yearly
procurement summaries. Whole-phrase lists miss them, so a label and every phrase of an item's vocabulary
(rules/vocabulary.toml, the item's title and catalog phrases) are cut into normalised words, stop words dropped,
and compared as bags:

- how much of some phrase of the item the label says (each word weighted by how few items use it, so that
  "จัดซื้อจัดจ้าง" counts more than "รายงาน"), and
- how much of the label the item's vocabulary explains (a label that also says things no item of this one says
  is about something else).

The product is the label's score for the item. A label names the items whose score is high enough and close to
the best item's: one link may serve several items when its words fit each (O11 and O12), and a generic link
("ข่าวประชาสัมพันธ์ ทั้งหมด", "หน้าแรก") names at most the one item it is about.

Cutting uses newmm over the vocabulary's own words (rules/label_words.txt, made by tools/make_label_words.py: what
newmm over pythainlp's whole dictionary cuts the vocabulary's phrases into), not over the whole dictionary: only
those words can match, and the phrases are cut exactly as the whole dictionary cuts them. The newmm is pythainlp's
over the list held as a frozenset (~0.5 MB for its 4,000 words), not nlpo3's: nlpo3's trie of the same list costs
~7 MB in the scan process (~1.7 kB a word) and pythainlp's own Trie as much; a run of letters (what labels are
cut in) falls into the same words under both (tests/rules/test_label_words.py). Where Thai meets other marks
(a tag, a form's dots, a bracket) pythainlp's keeps them apart, where nlpo3 glued them to an unknown word
("ผู้สูงอายุ<!", "(ฉ"). A run of words the list lacks stays one unknown piece between known words, cut where a
known word starts (newmm's clusters: never a mark without its letter). Every run of letters is cut once while it keeps coming back (memoised), and each catalog's
vocabulary is built once.
"""

from __future__ import annotations

import builtins
import importlib.util
import math
import re
import sys
import threading
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

from crawler.thaitext import arabic_digits, normalize_thai
from rules.catalog import Catalog, ItemDef
from rules.literals import Hints, hints

MIN_PHRASE = 0.6  # the label says at least this share (weighted) of one of the item's phrases
MIN_SCORE = 0.45  # phrase share x label share
NEAR_BEST = 0.85  # an item whose score is this close to the label's best item is named too
UNKNOWN_WEIGHT = 0.5  # a label word no item uses (a place name, a year's wording) counts half against it
AVOID_FACTOR = 0.5  # a label with a word that names a sibling item (the report of a plan) fits less

_LETTERS = re.compile(r"[a-z0-9\u0e01-\u0e4e]+")
_HAS_LETTER = re.compile(r"[a-z\u0e01-\u0e2e]")
_AFFIXES = ("การ", "ความ")
_MIN_PART = 4
_GLUED = {"แผนการ": "แผน", "งานการ": "งาน"}  # newmm glues the next word's การ on (แผน|การจัดซื้อ -> แผนการ|จัดซื้อ)


@dataclass(frozen=True)
class _Data:
    stop: frozenset[str]
    aliases: tuple[tuple[re.Pattern[str], str, Hints], ...]  # pattern, the token it stands for, its literals
    # Whether a label may hold an alias at all (most hold none): a search for the literals one of which each alias
    # needs (rules/literals.py), ~1 us where the aliases' one alternation cost ~10 us a label.
    any_alias: Hints
    alias_literals: tuple[str, ...]  # every literal of the aliases' hints
    phrases: dict[str, tuple[str, ...]]  # component id -> phrases
    avoid: dict[str, tuple[str, ...]]


@cache
def _data() -> _Data:
    raw = tomllib.loads(resources.files("rules").joinpath("vocabulary.toml").read_text(encoding="utf-8"))
    components = raw.get("components", {})
    aliases = tuple((re.compile(pattern), token) for pattern, token in raw.get("aliases", {}).items())
    return _Data(
        stop=frozenset(_clean(w) for w in raw["words"]["stop"]),
        aliases=tuple((pattern, token, hints(pattern)) for pattern, token in aliases),
        any_alias=hints(*(pattern for pattern, _ in aliases)),
        alias_literals=tuple(dict.fromkeys(s for pattern, _ in aliases for s in hints(pattern).literals or ())),
        phrases={cid: tuple(body.get("phrases", ())) for cid, body in components.items()},
        avoid={cid: tuple(body.get("avoid", ())) for cid, body in components.items()},
    )


def _clean(text: str) -> str:
    return arabic_digits(normalize_thai(text).lower()).replace(".", "")


@cache
def _pieces() -> frozenset[str]:
    """Every word the vocabulary's phrases are cut into (before compounds are split): what a compound that
    newmm keeps whole ("รายงานสรุป", "งานบริหาร") is split back into, on both sides alike."""
    data = _data()
    found: set[str] = set()
    for phrases in data.phrases.values():
        for phrase in phrases:
            found.update(_raw_words(phrase))
    return frozenset(found - data.stop)


_LOCK = threading.Lock()  # discovery and checks may run in threads: read the word list once


def cut(text: str) -> list[str]:
    """`text` cut into words by newmm over the vocabulary's words (the pieces join back into `text`; unknown runs
    stay whole between known words). Labels are cut with it, and gap snippets end at its bounds."""
    with _LOCK:
        segment = _segmenter()
    return segment(text) if segment else [text]


class WordSet:
    """A word list as pythainlp's newmm reads its dictionary (`prefixes`: the words that start at a position), kept
    as a frozenset and the lengths its words have by first letter: a few hundred kB where a trie of the same words
    (pythainlp's dict of dicts or nlpo3's) takes ~7 MB."""

    __slots__ = ("_lengths", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if w)
        lengths: dict[str, set[int]] = {}
        for word in self._words:
            lengths.setdefault(word[0], set()).add(len(word))
        self._lengths = {first: tuple(sorted(n)) for first, n in lengths.items()}

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words of the list that `text` holds at `start`, shortest first (as a trie walk finds them)."""
        if start >= len(text):
            return []
        found = (text[start : start + n] for n in self._lengths.get(text[start], ()))
        return [w for w in found if w in self._words]

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __len__(self) -> int:  # newmm falls back to its whole dictionary when handed an empty (false) one
        return len(self._words)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)


def newmm_over(words: Iterable[str]) -> Callable[[str], list[str]] | None:
    """pythainlp's newmm over `words` (None without pythainlp, a dependency: a label's run is then one word)."""
    segment = _newmm_segment()
    if segment is None:
        return None
    listing = WordSet(words)
    return lambda text: segment(text, listing)  # newmm asks only for prefixes and len


@cache
def _newmm_segment() -> Callable[..., list[str]] | None:
    """pythainlp's newmm `segment`, read from pythainlp's own two files (newmm and the TCC rules it cuts at) without
    running the package's __init__, which imports all of pythainlp for it: tagging, spelling, soundex, transliteration,
    the corpus readers (~80 modules, ~2 MB of the scan's peak and ~0.15 s on a site whose labels are Thai). Where
    pythainlp is imported already (the PDF quality gate, crawler/quality.py), its own module."""
    imported = sys.modules.get("pythainlp.tokenize.newmm")
    return imported.segment if imported is not None else newmm_from_files()


def newmm_from_files() -> Callable[..., list[str]] | None:
    """newmm's `segment` from its file and the TCC rules' (None without pythainlp), run apart from their package."""
    spec = importlib.util.find_spec("pythainlp")  # finds the package, does not run it
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "tokenize"
    tcc = _module_file("pythainlp.tokenize.tcc_p", folder / "tcc_p.py", {})
    # newmm's imports from its package: the TCC rules, and the whole-dictionary trie, asked for only when newmm is
    # given no word list (never here: the list is not empty), then the package's own.
    package = SimpleNamespace(word_dict_trie=lambda: importlib.import_module("pythainlp.tokenize").word_dict_trie())
    newmm = _module_file(
        "pythainlp.tokenize.newmm",
        folder / "newmm.py",
        {"pythainlp.tokenize": package, "pythainlp.tokenize.tcc_p": tcc},
    )
    return newmm.segment


def _module_file(name: str, path: Path, given: dict[str, Any]) -> ModuleType:
    """The module of the source file `path`, run with `given` for its imports of those names (the rest imported as
    usual), and not entered in sys.modules: a later `import pythainlp` is the package's own, whole."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)

    def import_(found: str, globals_: Any = None, locals_: Any = None, fromlist: Any = (), level: int = 0) -> Any:
        if level == 0 and found in given:
            return given[found]
        return builtins.__import__(found, globals_, locals_, fromlist, level)

    module.__dict__["__builtins__"] = {**builtins.__dict__, "__import__": import_}  # the module's own imports only
    spec.loader.exec_module(module)
    return module


@cache
def _segmenter() -> Callable[[str], list[str]] | None:
    listing = resources.files("rules").joinpath("label_words.txt").read_text(encoding="utf-8")
    return newmm_over(listing.splitlines())


def _raw_words(text: str) -> list[str]:
    """Aliases as their token, the rest cut by newmm, affixes การ/ความ taken off, stop words kept."""
    tokens, runs = _label_parts(text)
    return [*tokens, *(word for run in runs for word in _run_words(run))]


_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")  # what match_key drops besides whitespace
# One label, folded, and its key (None until asked): the site's links are read one at a time, by several readers.
_LAST: tuple[str, str, str | None] = ("", "", "")


def folded(label: str) -> str:
    """The label repaired (crawler.thaitext.normalize_thai), lower-cased, Thai digits as Arabic: what its words are
    cut from. The last label is remembered: the Q&A filter, discovery and the vocabulary read each link in turn."""
    return _last(label)[1]


def label_key(label: str) -> str:
    """crawler.thaitext.match_key(label), made from folded(label): lower-casing and digits commute with dropping
    whitespace, and str.split() drops exactly what re's \\s matches. One repair of the label serves both."""
    global _LAST
    last = _last(label)
    if last[2] is not None:
        return last[2]
    key = "".join(last[1].split())
    for mark in _ZERO_WIDTH:
        if mark in key:
            key = key.replace(mark, "")
    _LAST = (label, last[1], key)
    return key


def _last(label: str) -> tuple[str, str, str | None]:
    global _LAST
    last = _LAST  # one read of a tuple: safe between threads
    if last[0] is label or last[0] == label:
        return last
    _LAST = last = (label, arabic_digits(normalize_thai(label).lower()), None)
    return last


def _label_parts(text: str) -> tuple[list[str], list[str]]:
    """A label as it is cut: the tokens of its aliases, and the runs of letters left once they are taken out."""
    data = _data()
    text = folded(text)
    tokens: list[str] = []
    if data.any_alias.may_match(text):
        # The aliases' literals the label holds, found once (a plain `in` each): an alias whose literals it holds
        # none of cannot match. A label of a Thai site often holds one ("ส่วน" of องค์การบริหารส่วนตำบล), and a
        # search of each alias's literals cost ~1 us an alias.
        held = {s for s in data.alias_literals if s in text}
        for pattern, token, needs in data.aliases:
            # Each on the label as the aliases before it left it (their matches became spaces).
            if _may_hold(needs, held, text) and pattern.search(text):
                tokens.append(token)
                text = pattern.sub(" ", text)
                held = {s for s in data.alias_literals if s in text}
    return tokens, _LETTERS.findall(text.replace(".", ""))


def _may_hold(needs: Hints, held: set[str], text: str) -> bool:
    """needs.may_match(text), from the literals `text` holds (`held`, a superset of the ones `needs` has)."""
    if needs.literals is None or needs.folds:
        return needs.may_match(text)
    return not held.isdisjoint(needs.literals)


def _run_words(run: str) -> tuple[str, ...]:
    """One run of letters cut into words, affixes off (_run_content keeps what matters of it, memoised)."""
    if not _HAS_LETTER.search(run):
        return ()  # numbers: years, item numbers
    # One letter alone is a cut abbreviation (ต. of ต.บ้านโพธิ์) or ฯ: no meaning to match on.
    return tuple(_affix_free(piece) for piece in cut(run) if len(piece) > 1 and _HAS_LETTER.search(piece))


class _Memo(dict[str, tuple[str, ...]]):
    """A bounded memo that can be asked without being filled (what is not there is computed by the caller, or not
    at all); the oldest entry goes first. A dict itself: `get` is the dict's own, asked for every run of every label."""

    __slots__ = ("_size",)

    def __init__(self, size: int) -> None:
        super().__init__()
        self._size = size

    def put(self, key: str, value: tuple[str, ...]) -> None:
        if len(self) >= self._size:
            self.pop(next(iter(self), key), None)
        self[key] = value


# Bounded: a news site's headlines bring new runs without end; the runs they are made of (the words between spaces,
# a menu's phrases) repeat, so each is cut once while it keeps coming back.
_RUNS = _Memo(4096)


def _run_content(run: str) -> tuple[str, ...]:
    """A run's words with compounds of known words split, in order (memoised): what content_words() adds of it."""
    found = _RUNS.get(run)
    if found is None:
        found = tuple(dict.fromkeys(part for word in _run_words(run) for part in _split_known(word)))
        _RUNS.put(run, found)
    return found


def _content(tokens: list[str], runs: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for token in tokens:
        out.update(_split_known(token))
    for run in runs:
        out.update(_run_content(run))
    return frozenset(out - _data().stop)


def _affix_free(word: str) -> str:
    """ "การบริหาร" -> "บริหาร", "แผนการ" -> "แผน": newmm keeps the nominaliser with a word in one place and not in
    another, and it carries no meaning of its own."""
    for affix in _AFFIXES:
        if word.startswith(affix) and len(word) - len(affix) >= 2:
            word = word[len(affix) :]
    return _GLUED.get(word, word)


@lru_cache(maxsize=1024)  # menus repeat on every page and hit; a text site's random labels never would
def content_words(text: str) -> frozenset[str]:
    """The meaning-bearing words of a label, normalised: stop words dropped, compounds of known words split."""
    return _content(*_label_parts(text))


@lru_cache(maxsize=4096)  # words repeat across labels that never do
def _split_known(word: str) -> tuple[str, ...]:
    return _split(word, _pieces())


def _split(word: str, known: frozenset[str]) -> tuple[str, ...]:
    """A compound of two known words of four letters or more, in two ("รายงานสรุป", "อำนาจหน้าที่"); shorter
    parts are not taken apart: รายงาน is not ราย + งาน, แผนที่ not แผน + ที่."""
    for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if head in known and tail in known:
            return (head, tail)
    return (word,)


@dataclass
class _ItemWords:
    code: str
    phrases: list[frozenset[str]]
    words: frozenset[str]
    avoid: frozenset[str]


@dataclass
class Vocabulary:
    """One catalog's items as bags of words, with each word's weight; scores labels against them."""

    items: list[_ItemWords]
    weight: dict[str, float]
    known: frozenset[str]
    _by_word: dict[str, list[_ItemWords]] = field(default_factory=dict)
    _total: dict[frozenset[str], float] = field(default_factory=dict)  # each phrase's weight, summed once
    _by_phrase: dict[frozenset[str], list[_ItemWords]] = field(default_factory=dict)  # the items with each phrase
    _gate: _Gate | None = None
    _order: dict[str, int] = field(default_factory=dict)  # each item's place in the catalog

    def __post_init__(self) -> None:
        self._order = {item.code: n for n, item in enumerate(self.items)}
        for item in self.items:
            for word in item.words:
                self._by_word.setdefault(word, []).append(item)
            for phrase in item.phrases:
                self._total[phrase] = math.fsum(self.weight[w] for w in phrase)
                self._by_phrase.setdefault(phrase, []).append(item)
        self._gate = _Gate(self.known, self._total, self.weight)

    def scores(self, label: str) -> dict[str, float]:
        """Every item the label's words touch, with its score (0 when the label does not name it)."""
        words = content_words(label)
        if not words:
            return {}
        size, touched = self._size(words), self._touched(words)
        return {item.code: self._score(words, size, item) for item in touched}

    def _size(self, words: frozenset[str]) -> float:
        """A label's length in words, unknown words (no item uses them) counting UNKNOWN_WEIGHT."""
        # As a sum of 1.0s and UNKNOWN_WEIGHTs (halves: exact in floats), counted by one set difference.
        return len(words) - (1.0 - UNKNOWN_WEIGHT) * len(words - self.known)

    def _touched(self, words: frozenset[str]) -> list[_ItemWords]:
        """The items that use any of the words, each once."""
        return list({id(i): i for w in words for i in self._by_word.get(w, [])}.values())

    def _score(
        self, words: frozenset[str], size: float, item: _ItemWords, phrases: set[frozenset[str]] | None = None
    ) -> float:
        kept = item.phrases if phrases is None else [p for p in item.phrases if p in phrases]
        phrase = max((self._share(p, words) for p in kept), default=0.0)
        if phrase < MIN_PHRASE:
            return 0.0
        score = phrase * len(words & item.words) / size
        return score * AVOID_FACTOR if words & item.avoid else score

    def _share(self, phrase: frozenset[str], words: frozenset[str]) -> float:
        total = self._total[phrase]
        # fsum: a set's order changes with the process's hash seed, and a plain float sum with it (last bit), which
        # broke ties between equally good evidence pages differently from one night to the next.
        return math.fsum(self.weight[w] for w in phrase & words) / total if total else 0.0

    def specificity(self, label: str, code: str) -> float:
        """How much the label says of the item (the weights of its words the item uses): between two labels
        that fit equally, "ผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)" says more of O11 than the section "จัดซื้อจัดจ้าง"."""
        item = next((i for i in self.items if i.code == code), None)
        return math.fsum(self.weight[w] for w in content_words(label) & item.words) if item else 0.0  # see _share

    def explains(self, label: str, code: str) -> float:
        """The share of the label's words the item's vocabulary has (unknown words counting half): for a label that
        also carries the item's code ("o8 คู่มือเจ้าหน้าที่", "O22 รายงานความเสี่ยง"), words that agree with the item
        are enough, although too few to name it on their own."""
        words = content_words(label)
        item = next((i for i in self.items if i.code == code), None)
        if not words or item is None:
            return 0.0
        return len(words & item.words) / self._size(words)

    def names(self, label: str) -> dict[str, float]:
        """The items the label names, with their scores: high enough, and near the label's best item."""
        if not label:
            return {}
        tokens, runs = _label_parts(label)
        if self._gate is None:
            return self._named(_content(tokens, runs))
        phrases, said = self._gate.read(tokens, runs)
        if not phrases:
            return {}  # it cannot say enough of any item's phrase: its new runs need not be cut
        # With every run cut before, the gate's words are the label's content words, stop words and all.
        return self._named(_content(tokens, runs) if said is None else frozenset(said - _data().stop), phrases)

    def _named(self, words: frozenset[str], phrases: set[frozenset[str]] | None = None) -> dict[str, float]:
        """The items `words` name. With `phrases` (the gate's: those the label may say MIN_PHRASE of), only the
        items with one of them are scored, on those phrases only: an item's score is 0 unless its best phrase
        reaches MIN_PHRASE, and every phrase that can is among them, so the scores are the same, summed alike."""
        if not words:
            return {}
        size = self._size(words)
        # With the gate's phrases, only their items can score (the others' best phrase is under MIN_PHRASE): found
        # from the few phrases, in the catalog's order, rather than from every item each word of the label touches.
        touched = self._touched(words) if phrases is None else self._of_phrases(phrases)
        # A score is at most the share of the label the item's words explain (its phrase share is at most 1): an item
        # below MIN_SCORE by that alone is not scored phrase by phrase. Most labels of a text site (random "related"
        # links) touch items with a word or two and stop here.
        scored = {
            item.code: s
            for item in touched
            if len(words & item.words) / size >= MIN_SCORE
            and (s := self._score(words, size, item, phrases)) >= MIN_SCORE
        }
        best = max(scored.values(), default=0.0)
        return {code: s for code, s in scored.items() if s >= NEAR_BEST * best}

    def _of_phrases(self, phrases: set[frozenset[str]]) -> list[_ItemWords]:
        """The items with one of `phrases`, each once, in the catalog's order."""
        if len(phrases) == 1:
            return self._by_phrase.get(next(iter(phrases)), [])
        found = {id(i): i for p in phrases for i in self._by_phrase.get(p, ())}
        return sorted(found.values(), key=lambda i: self._order[i.code])


class _Gate:
    """An exact, cheap "names no item" for a label with runs never cut before (newmm in Python, ~100 us a run: a
    Thai news site's one-off headlines would cost seconds, and almost none names an item).

    names() finds an item only through a phrase of it the label says MIN_PHRASE or more of (weighted). The known
    words a run can be cut into are pieces of it (newmm's pieces join back into the run; an affix comes off the
    front, _GLUED keeps the head, a compound splits in two), so they are among the known words that occur in it:
    found by one regular expression over a trie of them (the longest at each place, then every known word that
    begins it). With the words of the runs already cut and the aliases' tokens, they say at least as much of each
    phrase as the cut label would: when no phrase reaches MIN_PHRASE by them, the label names nothing."""

    __slots__ = ("_anchor_words", "_anchored", "_prefixes", "_threshold", "_trie", "_weight")

    def __init__(self, known: frozenset[str], total: dict[frozenset[str], float], weight: dict[str, float]) -> None:
        self._trie = re.compile(f"(?=({_trie_pattern(known)}))") if known else re.compile("(?!)")
        self._prefixes = {w: tuple(w[:n] for n in range(1, len(w) + 1) if w[:n] in known) for w in known}
        self._weight = weight
        # A hair under MIN_PHRASE: the sums here and in _share add the same weights in another order.
        self._threshold = {phrase: (MIN_PHRASE - 1e-9) * t for phrase, t in total.items() if t}
        self._anchored = _anchors(self._threshold, weight)
        self._anchor_words = frozenset(self._anchored)

    def read(self, tokens: list[str], runs: list[str]) -> tuple[set[frozenset[str]], set[str] | None]:
        """The phrases the label may say MIN_PHRASE or more of (weighted): every one it does say so much of; and the
        words said when every run was cut before (what _content makes of the label, before its stop words go), else
        None."""
        said: set[str] = set()
        all_cut = True
        for token in tokens:
            said.update(_split_known(token))
        known_runs = _RUNS.get
        for run in runs:
            content = known_runs(run)
            if content is not None:
                said.update(content)  # cut before: its very words (a text site's headlines repeat their words)
                continue
            all_cut = False
            for longest in self._trie.findall(run):
                said.update(self._prefixes[longest])
        # Only the phrases one of whose anchors is said can reach MIN_PHRASE: each is summed over its own few words.
        # With every run cut before, this is what _named would find of each phrase, for a fraction of its cost (no
        # bag, no item touched), and it rejects most labels of a text site.
        hit = self._anchor_words.intersection(said)  # most labels: none (one intersection, in C)
        if not hit:
            return set(), None
        anchored = self._anchored
        found = {phrase for word in hit for phrase in anchored[word]}
        weight, threshold = self._weight.__getitem__, self._threshold
        return {p for p in found if sum(map(weight, p & said)) >= threshold[p]}, said if all_cut else None


def _anchors(threshold: dict[frozenset[str], float], weight: dict[str, float]) -> dict[str, list[frozenset[str]]]:
    """Word -> the phrases it anchors. A phrase's anchors are the words left once its commonest words (those of the
    most phrases: "จัดซื้อ", "ประกาศ") are set aside while together they stay under its threshold: a label says enough
    of the phrase only with one of them, since without them it says at most the set-aside words. A label of common
    words then looks at no phrase."""
    uses: dict[str, int] = {}
    for phrase in threshold:
        for word in phrase:
            uses[word] = uses.get(word, 0) + 1
    anchored: dict[str, list[frozenset[str]]] = {}
    for phrase, needed in threshold.items():
        aside = 0.0
        for word in sorted(phrase, key=lambda w: (-uses[w], w)):
            if aside + weight[word] < needed:
                aside += weight[word]
            else:
                anchored.setdefault(word, []).append(phrase)
    return anchored


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching the longest of `words` at a place: their trie written out, each node's branches
    by their first letter, a word's end making the rest optional (greedy: longest first, shorter on backtracking)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def vocabulary(catalog: Catalog) -> Vocabulary:
    return _vocabulary(tuple((i.code, i.title, tuple(i.discovery), tuple(i.components)) for i in catalog.items))


@lru_cache(maxsize=8)
def _vocabulary(items: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]) -> Vocabulary:
    data = _data()
    built = []
    for code, title, discovery, components in items:
        phrases = [title, *discovery, *(p for c in components for p in data.phrases.get(c, ()))]
        bags = [b for b in dict.fromkeys(content_words(p) for p in phrases) if b]
        words = frozenset().union(*bags)
        avoid = frozenset(w for c in components for a in data.avoid.get(c, ()) for w in content_words(a)) - words
        built.append(_ItemWords(code, bags, words, avoid))
    counts: dict[str, int] = {}
    for item in built:
        for word in item.words:
            counts[word] = counts.get(word, 0) + 1
    weight = {w: 1.0 + math.log(len(built) / n) for w, n in counts.items()}
    return Vocabulary(built, weight, frozenset(counts))


def item_words(item: ItemDef) -> Iterable[str]:
    """An item's phrases as the vocabulary has them (for notes and tests)."""
    data = _data()
    return [item.title, *item.discovery, *(p for c in item.components for p in data.phrases.get(c, ()))]
