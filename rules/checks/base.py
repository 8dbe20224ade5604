"""What every check and rule shares: the result types, the registries and the phrase and naming helpers.

A check is a function `(component, bundle, ctx) -> Finding`, a rule a function
`(component, hits, bundle, ctx) -> RuleVerdict`; rules/checks/registry.py lists them all, each with its parameter
model (rules/params.py), under the names components.toml uses. A check reads its typed parameters with
`params_of(component, Model)`.

Shared here because more than one module of the package uses them:
- snippet(), _found(), _titled(): where and whether a source says a phrase, or is named by one;
- what a source is named (Source.heading, _label_key, _is_named, _named_sources) and the period written after
  that name (_period_of, _hit): used by the document, table_rows and dated_posts checks;
- _is_whole_law(): a copy of an act (the phrases check skips it, the not_whole_law rule fails on it);
- PHONE.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from crawler.parse import fold
from crawler.thaitext import loose_key, match_key
from rules.catalog import ComponentDef
from rules.params import DocumentParams, Params, TableRowsParams
from rules.site import SiteLinks
from rules.sources import Bundle, Source
from rules.thaidates import find_dates
from rules.words import cut


@dataclass
class Hit:
    source: Source
    snippet: str = ""


@dataclass
class Finding:
    present: bool
    hits: list[Hit] = field(default_factory=list)
    missing_parts: list[str] = field(default_factory=list)  # e.g. the สขร.1 columns not found
    detail: str | None = None
    # Not found, and why that cannot be said for sure (Thai / English): the component is "unknown", not "missing".
    unknown: str | None = None


@dataclass
class RuleVerdict:
    ok: bool | None  # None: could not tell
    detail: str | None = None


@dataclass
class Context:
    fiscal_year: int  # BE
    as_of: date
    site_links: SiteLinks = field(default_factory=SiteLinks)  # streamed from the store: filter with .where


Check = Callable[[ComponentDef, Bundle, Context], Finding]
Rule = Callable[[ComponentDef, list[Hit], Bundle, Context], RuleVerdict]
P = TypeVar("P", bound=Params)


def params_of(component: ComponentDef, model: type[P]) -> P:
    """The component's parameters as the check's model (validated when the components loaded)."""
    params = component.params
    if not isinstance(params, model):
        raise TypeError(f"{component.id}: params of {params.name}, not {model.name}")
    return params


def snippet(text: str, phrase: str, width: int = 70) -> str:
    """Text around the first occurrence of `phrase`, tolerant of spaces inside it."""
    chars = [re.escape(c) for c in phrase if not c.isspace()]
    match = re.search(r"\s*".join(chars), text, re.IGNORECASE) if chars else None
    if not match:
        return fold(text[: width * 2])
    start = _cut(text, max(0, match.start() - width), forward=True, limit=match.start())
    end = _cut(text, min(len(text), match.end() + width), forward=False, limit=match.end())
    return ("…" if start else "") + fold(text[start:end]) + ("…" if end < len(text) else "")


_SNAP = 20  # characters a cut may move to reach a space, so that a snippet shows whole words


def _cut(text: str, at: int, forward: bool, limit: int) -> int:
    """`at` moved between two words, inward (`forward` for a snippet's start): to a space within _SNAP
    characters, else to the nearest bound the label cutter (rules.words.cut) finds there, else to the nearest
    letter that can start a cluster. Thai runs for many words without a space, and a cut inside a word can leave
    a vowel or tone mark without its letter ("…ุลาคม"). It never moves past `limit` into the quoted phrase."""
    if at <= 0 or at >= len(text):
        return max(0, min(at, len(text)))
    reach = range(at, min(len(text), at + _SNAP, limit)) if forward else range(at, max(0, at - _SNAP, limit), -1)
    space = next((i for i in reach if text[i].isspace()), None)
    if space is not None:
        return space + 1 if forward else space
    bounds = [b for b in _word_bounds(text, at) if (at <= b <= limit if forward else max(1, limit) <= b <= at)]
    if bounds:
        return min(bounds) if forward else max(bounds)
    # A run of words the vocabulary lacks (a name, a place): no word bound near, so a cluster's start.
    return next((i for i in reach if _starts_cluster(text, i)), at)


# Marks and vowels written after (or above, below) their letter, and vowels written before it.
_FOLLOWING = "\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e45\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
_LEADING = "\u0e40\u0e41\u0e42\u0e43\u0e44"


def _starts_cluster(text: str, i: int) -> bool:
    """A cut before text[i] leaves no mark without its letter and no leading vowel without the letter after it."""
    return 0 < i < len(text) and text[i] not in _FOLLOWING and text[i - 1] not in _LEADING


def _word_bounds(text: str, at: int) -> list[int]:
    """Positions between words (rules.words.cut: newmm over the vocabulary's words; a run of other words stays one
    piece, ended where a known word starts) within _SNAP characters of `at`. The window's first and last pieces
    may be parts of words it cut, so only the bounds inside it count (and its start when that is the text's)."""
    lo, hi = max(0, at - _SNAP), min(len(text), at + _SNAP)
    pieces = cut(text[lo:hi])
    ends = list(itertools.accumulate((len(p) for p in pieces[:-1]), initial=lo))
    return ends[1:] if lo == 0 else ends[2:]


def _found(source: Source, phrases: list[str], ignore: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The phrases the source contains; a phrase seen only inside an `ignore` phrase does not count
    ("นายกองค์การบริหารส่วนตำบล" inside "รองนายกองค์การบริหารส่วนตำบล" is not the top executive)."""
    key = source.key
    for phrase in ignore:
        key = key.replace(match_key(phrase), "|")
    found = [p for p in phrases if match_key(p) in key]
    if found or not source.ocr_digits_untrusted:
        return found
    loose = source.loose  # OCR'd text: its tone marks are unreliable, so phrases are compared without them
    for phrase in ignore:
        loose = loose.replace(loose_key(phrase), "|")
    return [p for p in phrases if loose_key(p) in loose]


def _titled(source: Source, phrases: list[str]) -> bool:
    """True when the source's title or the link to it names one of `phrases` (what the source *is*)."""
    label = match_key(f"{source.title} {source.link_text}")
    return any(match_key(p) in label for p in phrases)


# Thai phone numbers as sites write them: 081-234-5678, 08-1234-5678, 0-4341-4123, 0 4341 4123, 043-414123;
# not digits inside an address such as saraban_06400115@dla.go.th (the อปท. e-saraban mailbox).
PHONE = r"(?<![\dA-Za-z_])0(?:\d{1,2}[-\s]?\d{3}[-\s]?\d{3,4}|\d?[-\s]?\d{4}[-\s]?\d{4})(?!\d)"


# --- the whole act -----------------------------------------------------------------------------------
_ACT = ["พระราชบัญญัติ", "พ.ร.บ."]


def _is_whole_law(source: Source) -> bool:
    head = match_key(source.text[:300])
    titled_as_act = any(match_key(a) in head or match_key(a) in match_key(source.link_text) for a in _ACT)
    return titled_as_act and source.text.count("มาตรา") > 20


# --- what a source is named, and the period written after that name -----------------------------------
_HEAD_LINES, _HEAD_CHARS = 4, 250  # a document's title block: its first lines
_NEAR = 30  # a document's period is written within this many characters after its name


def _label_key(source: Source) -> str:
    """Match key of what a source is: its title, the link that led to it, and its own heading (a page) or
    its opening lines (a document)."""
    if source.kind == "document":
        lines = [line for line in source.text.splitlines() if line.strip()][:_HEAD_LINES]
        head = "\n".join(lines)[:_HEAD_CHARS]
    else:
        head = source.heading  # read once per source, not a memo of whole pages' HTML
    return match_key(" ".join((source.title, source.link_text, head)))


def _is_named(source: Source, names: list[str], exclude: list[str]) -> bool:
    label = _label_key(source)
    return not any(match_key(p) in label for p in exclude) and any(match_key(p) in label for p in names)


def _named_sources(bundle: Bundle, params: DocumentParams | TableRowsParams) -> list[Source]:
    names, exclude = params.title_any, params.exclude_titled
    return [s for s in bundle.readable if not names or _is_named(s, names, exclude)]


def _period_of(source: Source, names: list[str]) -> Source:
    """The source narrowed, for the time rule, to the period written right after its name
    ("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖-๒๕๗๐)", "รายงาน… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"). The years a plan or report only
    quotes (ยุทธศาสตร์ชาติ พ.ศ. ๒๕๖๑-๒๕๘๐, a suggestion for next year's budget) then do not decide its year.
    Unchanged when no period follows the name."""
    for text in (source.text, source.title, source.link_text):
        ends = sorted(
            m.end()
            for name in names
            for m in re.finditer(r"\s*".join(re.escape(c) for c in name if not c.isspace()), text, re.IGNORECASE)
        )
        for end in ends:
            spans = [s for s in find_dates(text[end : end + _NEAR + 40]) if s.pos <= _NEAR and not s.era_only]
            if spans:
                return replace(source, text=spans[0].text, markup="", load_html=None)
    return source


def _hit(source: Source, phrases: list[str], params: DocumentParams | TableRowsParams) -> Hit:
    shown = snippet(source.text or source.link_text, phrases[0]) if phrases else fold(source.text[:160])
    return Hit(_period_of(source, params.title_any) if params.period_after else source, shown)


# The crawler keeps web links only (crawler.urls.normalize), so a page's mailto: links are read from its HTML.
_MAILTO = re.compile(r"""href\s*=\s*["']?\s*(mailto:[^"'\s>?]+)""", re.IGNORECASE)


def mailto(source: Source) -> str | None:
    """The first mailto: link of the source's page (None for documents and pages without one)."""
    found = _MAILTO.search(source.html or "")
    return found.group(1) if found else None
