"""Write rules/label_words.txt: the words the rules' own vocabulary is cut into, for cutting labels.

Labels (menu links, page titles, index rows) are compared with the vocabulary's phrases (rules/vocabulary.toml
and the catalogs' titles and `discovery` phrases) word by word (rules/words.py). Only the words those phrases
are made of can match, so labels are cut by newmm over this short list (some 4,000 words, ~0.5 MB as the frozenset
rules/words.py reads it with) instead of pythainlp's 62,000-word dictionary (~70 MB in the scan process). The list is what newmm over
the full dictionary cuts the phrases into, so the phrases are cut exactly as before; tests/rules/test_label_words.py
checks that the file is current. Run after editing the vocabulary or a catalog:

    PYTHONPATH=$PWD python tools/make_label_words.py
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rules" / "label_words.txt"
_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
_MIN_HELD = 4  # a dictionary word holding a vocabulary word this long is listed too


def vocabulary_texts() -> Iterator[str]:
    """Every phrase the rules compare labels with: vocabulary phrases, avoid words, stop words, item titles."""
    rules = resources.files("rules")
    raw = tomllib.loads(rules.joinpath("vocabulary.toml").read_text(encoding="utf-8"))
    yield from raw["words"]["stop"]
    for body in raw.get("components", {}).values():
        yield from body.get("phrases", ())
        yield from body.get("avoid", ())
    for catalog in sorted(rules.joinpath("catalogs").iterdir(), key=lambda p: p.name):
        if catalog.name.endswith(".toml"):
            for item in tomllib.loads(catalog.read_text(encoding="utf-8")).get("items", []):
                yield item.get("title", "")
                yield from item.get("discovery", ())


def label_words() -> list[str]:
    """The pieces newmm over the full dictionary (the gate's segmenter) cuts the vocabulary's Thai runs into, the
    words rules/words.py makes of them (การ/ความ taken off, compounds split), and the dictionary's words that
    hold one of those of four letters or more: a label's "ศูนย์ข้อมูลข่าวสาร" (the information centre) stays one
    word as under the whole dictionary, instead of giving O4 its ข่าวสาร."""
    from crawler.quality import _dictionary
    from crawler.thaitext import normalize_thai
    from rules.words import _affix_free, _split

    loaded = _dictionary()
    if loaded is None:
        sys.exit("pythainlp is needed to build the list")
    segment, dictionary = loaded
    runs = {run for text in vocabulary_texts() for run in _THAI_RUN.findall(normalize_thai(text).lower())}
    pieces = {piece for run in runs for piece in segment(run) if len(piece) > 1}
    forms = {_affix_free(p) for p in pieces}
    parts = {part for form in forms for part in _split(form, frozenset(forms))}
    words = {w for w in pieces | forms | parts if _THAI_RUN.fullmatch(w)}
    long = [w for w in words if len(w) >= _MIN_HELD]
    holders = {d for d in dictionary if _THAI_RUN.fullmatch(d) and any(w in d for w in long)}
    # One inside a phrase could cut the phrase otherwise than the whole dictionary does ("งานบริหาร|งานบุคคล").
    return sorted(_keep_phrase_cuts(pieces, (words | holders) - pieces, runs, segment))


def _keep_phrase_cuts(pieces: set[str], extra: set[str], runs: set[str], segment: Callable) -> set[str]:
    """`pieces` and those of `extra` that do not change how any phrase is cut (checked with the label cutter itself,
    rules.words.newmm_over): an added word inside a phrase can move newmm to another cut ("งาน|บริหารงานบุคคล" for
    "งานบริหาร|งานบุคคล")."""
    from rules.words import newmm_over

    while True:
        cutter = newmm_over(pieces | extra)
        assert cutter is not None  # pythainlp is here: the whole dictionary came from it
        wrong = [r for r in runs if cutter(r) != segment(r)]
        if not wrong:
            return pieces | extra
        extra = {w for w in extra if not any(w in run for run in wrong)}


def render() -> str:
    """One word a line, nothing else (nlpo3 reads every line as a word)."""
    return "\n".join(label_words()) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"{OUT}: {len(OUT.read_text(encoding='utf-8').splitlines())} words")
