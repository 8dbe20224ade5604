"""Literal hints (rules/literals.py) skip a pattern's search only where it cannot match, and the cheap forms of a
label and a URL say exactly what the long ones said.

A text-heavy Thai site's ~42,000 one-off "related" labels each went through the vocabulary's 13 aliases (one
alternation tried at every character), three O-code patterns, four URL shapes of the Q&A check and a second repair
of the label for its match key. Here, over real labels (the saved home pages of three municipal sites, the demo
site, the fixtures' documents, the vocabulary's phrases, the bench's random headlines) and real URLs, each shortcut
is compared with the long way it replaces.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from crawler.thaitext import arabic_digits, match_key, normalize_thai
from crawler.urls import FORM_HOSTS
from rules import literals, words
from rules.checks import channels
from rules.discovery import _KHO_CODE, _LETTER_CODE, _ZERO_CODE, parse_code
from rules.literals import first_chars, guarded, hints, needed
from rules.thaidates import _FAMILIES, _FAMILY_ATOMS
from tests.oit.store.test_judge_memory import WORDS
from tests.rules.test_label_gate import real_labels

ROOT = Path(__file__).resolve().parents[2]

# Damage normalize_thai repairs, case and marks match_key folds, and alias spellings a menu writes.
SHAPES = [
    "ถาม - ตอบ",
    "Q & A",
    "กระดาน ถาม-ตอบ",
    "Web Board",
    "เว็บ บอร์ด",
    "E-Service",
    "No Gift Policy",
    "ไม่รับของขวัญ (No Gift)",
    "สขร.๑ ประจำเดือน",
    "อบต.โพธิ์ทอง",
    "ประเมินคุณธรรมและความโปร่งใส",
    "HR แผนพัฒนาบุคลากร",
    "Human Resources",
    "การมี ส่วน ร่วม",
    "e-GP",
    "Social Network",
    "ทำ\uf70bเนียบผู้บริหาร",  # a private-use tone mark
    "กํา หนด",  # nikhahit + sara aa, a space before a mark
    "ผู\u0e49 บริหาร",
    "ข้อมูล\u200bข่าวสาร",  # a zero-width space
    "ITA ๒๕๖๙",
    "İTA",  # re and str.lower fold the dotted capital I
    "\u212aontakt",  # the Kelvin sign folds to k
    "O 1 โครงสร้าง",
    "o๑ โครงสร้าง",
    "01 แผนผัง",
    "ข้อ 1 โครงสร้าง",
    "ข้อที่ ๑๒ การเปิดเผยข้อมูล",
]


@pytest.fixture(scope="module")
def labels() -> list[str]:
    rnd = random.Random(5)
    found = [*real_labels(), *SHAPES]
    found += [" ".join(rnd.choices(WORDS, k=6)) + f" {s}" for s in SHAPES for _ in range(3)]
    return found


def _urls() -> list[str]:
    found = {
        "mailto:saraban@example.go.th",
        "tel:045123456",
        "https://line.me/R/ti/p/@koksawang",
        "https://LINE.ME/R/msg/text/?share",
        "https://lin.ee/AbCd",
        "https://www.facebook.com/sharer/sharer.php?u=x",
        "https://m.me/koksawang",
        "https://docs.google.com/forms/d/e/1FAIp/viewform",
        "HTTPS://FORMS.GLE/abc",
        "https://forms.office.com/r/xyz",
        "https://example.go.th/webboard/index.php?topic=12",
        "https://example.go.th/index.php/forum",
        "https://example.go.th/กระดานสนทนา",
        "https://example.go.th/Board/",
        "https://example.go.th/page/1153.html",
        "https://example.go.th/ſhare/x",  # the long s: re folds it to s, so it is searched
    }
    for path in [*ROOT.glob("eval/homepages/*/index.html"), *ROOT.glob("oit/demo/site/**/*.html")]:
        tree = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace"))
        found |= {a.attributes.get("href") or "" for a in tree.css("a[href]")}
    return sorted(found)


def test_each_alias_url_shape_and_code_pattern_has_hints() -> None:
    """Every pattern these paths search gets hints (else the shortcut silently stops saving anything)."""
    patterns = [p for p, _, _ in words._data().aliases]
    patterns += [channels._SHARE_URL, channels._CHAT_URL, FORM_HOSTS, channels._BOARD_URL]
    patterns += [_LETTER_CODE, _ZERO_CODE, _KHO_CODE]
    missing = [p.pattern for p in patterns if not needed(p)]
    assert not missing, missing
    assert words._data().any_alias.literals is not None
    assert channels._URL_HINTS.literals is not None


def test_hints_read_off_a_pattern() -> None:
    assert needed(re.compile(r"(?:อบต|อบจ|อปท)\.?")) == ("อบต", "อบจ", "อปท")
    assert needed(re.compile(r"q\s*&\s*a|ถาม\s*[-–/]?\s*ตอบ")) == ("q", "ถาม")
    assert needed(re.compile(r"web-?board|forum", re.IGNORECASE)) == ("board", "forum")
    assert needed(re.compile(r"a?b*")) is None  # an empty match is possible: no hints, always searched
    assert needed(re.compile(r"\d+")) is None
    assert hints(re.compile("x|yz")).may_match("abc") is False
    assert hints(re.compile("x|yz")).may_match("ayz") is True
    with pytest.raises(ValueError):
        hints(re.compile("a"), re.compile("b", re.IGNORECASE))


def test_no_pattern_matches_a_text_its_hints_turn_away(labels: list[str]) -> None:
    texts = [*labels, *(words.folded(label) for label in labels), *_urls()]
    patterns = [p for p, _, _ in words._data().aliases]
    patterns += [channels._SHARE_URL, channels._CHAT_URL, FORM_HOSTS, channels._BOARD_URL]
    patterns += [_LETTER_CODE, _ZERO_CODE, _KHO_CODE, *(p for p, _ in _FAMILY_ATOMS)]
    for pattern in patterns:
        needs = hints(pattern)
        wrong = [t for t in texts if pattern.search(t) and not needs.may_match(t)]
        assert not wrong, (pattern.pattern, wrong[:3])
    assert hints(channels._SHARE_URL).may_match("https://example.go.th/ſhare/x")


def _label_parts_searching_every_alias(text: str) -> tuple[list[str], list[str]]:
    """_label_parts before the hints: the aliases' one alternation over every label."""
    data = words._data()
    any_alias = re.compile("|".join(f"(?:{p.pattern})" for p, _, _ in data.aliases))
    text = arabic_digits(normalize_thai(text).lower())
    tokens: list[str] = []
    if any_alias.search(text):
        for pattern, token, _ in data.aliases:
            if pattern.search(text):
                tokens.append(token)
                text = pattern.sub(" ", text)
    return tokens, words._LETTERS.findall(text.replace(".", ""))


def test_labels_are_cut_as_when_every_alias_was_searched(labels: list[str]) -> None:
    wrong = [(t, g) for t in labels if (g := words._label_parts(t)) != _label_parts_searching_every_alias(t)]
    assert not wrong, wrong[:3]
    with_alias = [t for t in labels if words._label_parts(t)[0]]
    assert len(with_alias) > 100  # menus that say ถาม-ตอบ, e-service, no gift, อบต. ... are among them


def test_most_headlines_skip_the_aliases_search() -> None:
    """The bench's random headlines hold no alias literal: the alternation is not tried on them."""
    rnd = random.Random(9)
    headlines = [" ".join(rnd.choices(WORDS, k=6)) for _ in range(2000)]
    asked = sum(1 for h in headlines if words._data().any_alias.may_match(words.folded(h)))
    assert asked < len(headlines) // 5, asked


def test_the_label_key_is_match_key(labels: list[str]) -> None:
    wrong = [(t, k) for t in labels if (k := words.label_key(t)) != match_key(t)]
    assert not wrong, wrong[:3]


def test_codes_are_read_as_before(labels: list[str]) -> None:
    def long_way(text: str) -> str | None:
        for pattern, window in ((_LETTER_CODE, 60), (_ZERO_CODE, 12), (_KHO_CODE, 30)):
            match = pattern.search(text[:window])
            if match:
                return f"O{int(arabic_digits(match.group(1)))}"
        return None

    wrong = [(t, c) for t in labels if (c := parse_code(t)) != long_way(t)]
    assert not wrong, wrong[:3]
    assert sum(1 for t in labels if parse_code(t)) > 50


def test_url_kinds_are_read_as_with_four_searches() -> None:
    def long_way(url: str) -> str:
        if url.startswith(("mailto:", "tel:")) or channels._SHARE_URL.search(url):
            return "none"
        if channels._CHAT_URL.search(url):
            return "chat"
        if FORM_HOSTS.search(url):
            return "form"
        return "board" if channels._BOARD_URL.search(url) else ""

    urls = _urls()
    wrong = [(u, k) for u in urls if (k := channels._url_kind(u)) != long_way(u)]
    assert not wrong, wrong[:3]
    assert {channels._url_kind(u) for u in urls} == {"", "none", "chat", "form", "board"}
    page_urls = [f"https://example.go.th/page/{n}.html" for n in range(200)]
    assert not any(channels._URL_HINTS.may_match(u) for u in page_urls)  # no shape is searched for them


def test_without_the_parser_every_pattern_is_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(literals, "_sre_parse", None)
    assert needed(re.compile("forum")) is None
    assert hints(re.compile("forum")).may_match("nothing here")
    year = re.compile(r"(?:ปี\s*)?\d{4}")
    assert first_chars(year) is None and guarded(year) is year


# --- the characters a match begins with: the date families over evidence text ------------------------------------


def test_first_characters_read_off_a_pattern() -> None:
    assert first_chars(re.compile(r"(?<![\d.])(?:วันที่\s*)?\d{1,2}")) == r"\dว"
    assert first_chars(re.compile(r"(?:a|[x-z])b|(?=c)c")) == "acx-z"
    assert first_chars(re.compile(r"[-\]^]x")) == r"\-\]\^"
    assert first_chars(re.compile(r"a?b*")) is None  # may match the empty string: no class
    assert first_chars(re.compile(r".x|y")) is None  # any character
    assert first_chars(re.compile(r"[^a]x")) is None
    assert first_chars(re.compile(r"(?i:a)x")) is None  # a group with flags of its own
    quarter = re.compile(r"ไตรมาส\s*(\d)")
    assert guarded(quarter) is quarter  # re already scans for its first literal
    assert guarded(re.compile(r"(?i)x?y")).pattern == r"(?i)x?y"  # global flags stay first: not guarded


def _evidence_texts(labels: list[str]) -> list[str]:
    """Texts dates are read from: documents, home pages' text, labels, and the shapes the date parser reads."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/fixtures/rules/*.txt"))]
    for path in sorted(ROOT.glob("eval/homepages/*/index.html")):
        body = LexborHTMLParser(path.read_text(encoding="utf-8", errors="replace")).body
        texts.append(body.text(separator=" ") if body is not None else "")
    shapes = ["๑๘ ตุลาคม ๒๕๖๖", "วันที่ 5 เดือนมกราคม พ.ศ. 2569", "15/05/2569", "ต.ค.64-มี.ค.65", "1 - 15 ต.ค. 68",
              "ประจำปีงบประมาณ พ.ศ.\n2568", "ไตรมาสที่ 2 ปีงบประมาณ 2569", "รอบ 6 เดือน ปี 2565", "2026-05-15",
              "(พ.ศ. ๒๕๖๖ - ๒๕๗๐)", "ปีงบประมาณ 2561–2564", "อ.ส.ค. ก.พ.ร.", "ความคิด มค68", "6 เดือนแรก"]  # fmt: skip
    return [t.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")) for t in [*texts, *shapes, *labels]]


def test_each_date_family_finds_the_same_matches_behind_its_guard(labels: list[str]) -> None:
    texts = _evidence_texts(labels)
    assert sum(map(len, texts)) > 100_000
    guarded_families = 0
    for (pattern, _), (fast, needs, _) in zip(_FAMILY_ATOMS, _FAMILIES, strict=True):
        guarded_families += fast is not pattern
        found = 0
        for text in texts:
            before = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            after = [(m.span(), m.groupdict()) for m in fast.finditer(text)] if needs.may_match(text) else []
            assert after == before, (pattern.pattern[:40], text[:80])
            found += len(before)
        assert found, pattern.pattern[:40]  # each family is exercised
    assert guarded_families == len(_FAMILIES) - 1  # all but the quarters (which begin with a literal)
