"""Generic checks on what sources say or show: phrases, groups of phrases, patterns, links, images.

- phrases: passes when a source contains at least `min` (default 1) distinct phrases of `any` (and, with
  `context_any`, one of those in the same source). Fails otherwise. A phrase seen only inside an `ignore`
  phrase does not count; with `skip_whole_law`, a copy of an act is not read (it is no agency's own data).
- phrase_groups: passes when every group has a phrase present (with `same_source`, all in one source);
  fails naming the groups that are absent (`group_labels`). Sources containing a `skip_if` phrase (e.g. a
  month without purchases) are not required to have the groups; a source titled with an `exclude_titled`
  phrase is not considered (the announcement is not the activity); with `exclude_named`, neither is a source whose
  name (title, link, heading or a document's first lines) names one of those phrases and none of the first group's
  (the announcement "ประกาศ… เรื่อง เจตนารมณ์…" is not an activity; "กิจกรรมประกาศเจตนารมณ์" is). With
  `one_statement`, one statement (a heading, paragraph, list item, link or cell of a page; two lines of a document;
  the title) must name a phrase of every group.
- pattern: passes when a regular expression ("@phone" for the shared phone pattern) matches a source's text
  (Thai digits read as Arabic), or,
  with `mailto`, when a page links a mailto: address. Thai digits in OCR'd text do not count (OCR misreads
  them): such a document's number may come from the link to it or the text around that link, and the snippet
  says so; a number seen only in OCR'd Thai digits makes the component unknown.
- links_to: passes when a source links to (or embeds) a URL matching `url_patterns`, or its text matches
  `text_patterns` (e.g. coordinates).
- image_or_document: passes when a page shows an image, or links an image or document, whose alt text,
  file name or link text contains one of `words`, or when the evidence is itself a document so named.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from crawler.parse import fold
from crawler.thaitext import arabic_digits, loose_key, match_key
from crawler.urls import looks_like_document
from rules.catalog import ComponentDef
from rules.checks.base import (
    PHONE,
    Context,
    Finding,
    Hit,
    _found,
    _is_named,
    _is_whole_law,
    _titled,
    mailto,
    params_of,
    snippet,
)
from rules.params import ImageOrDocumentParams, LinksToParams, PatternParams, PhraseGroupsParams, PhrasesParams
from rules.sources import NUMBER_SOURCES_TH, OCR_THAI_DIGITS_TH, Bundle, Source


def phrases(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    p = params_of(component, PhrasesParams)
    wanted, need, context_any, ignore = p.any, p.min, p.context_any, p.ignore
    hits, seen = [], set()
    for source in bundle.readable:
        if p.skip_whole_law and _is_whole_law(source):
            continue  # an act describes every อบต./เทศบาล, not this agency's own structure
        found = _found(source, wanted, ignore)
        if found and (not context_any or _found(source, context_any)):
            seen.update(found)
            hits.append(Hit(source, snippet(source.text or source.link_text, found[0])))
    return Finding(present=len(seen) >= need and bool(hits), hits=hits)


def phrase_groups(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    p = params_of(component, PhraseGroupsParams)
    groups = p.groups
    labels = p.group_labels or [g[0] for g in groups]
    skip_if, exclude, named = p.skip_if, p.exclude_titled, p.exclude_named
    sources = [
        s
        for s in bundle.readable
        if not _titled(s, exclude)
        and not (named and _is_named(s, named, groups[0]))
        and not (skip_if and _found(s, skip_if))
    ]
    if p.one_statement:
        sources = [s for s in sources if _together(s, groups)]
    if p.same_source:
        return _groups_in_one_source(sources, groups, labels, p.prefer_all, p.content_outside_names)
    hits, missing = [], []
    for group, label in zip(groups, labels, strict=True):
        group_hits = [Hit(s, snippet(s.text, _found(s, group)[0])) for s in sources if _found(s, group)]
        if group_hits:
            hits.append(group_hits[0])
        else:
            missing.append(label)
    return Finding(present=bool(sources) and not missing, hits=hits, missing_parts=missing if sources else labels)


_STATEMENTS = "title, h1, h2, h3, h4, h5, h6, p, li, a, td, th, dt, dd, figcaption, caption, blockquote"
_CONTAINERS = "ul, ol, table, p, div"  # a list item or cell holding these is a menu or a layout, not one statement


def _together(source: Source, groups: list[list[str]]) -> bool:
    """True when one statement names a phrase of every group: an element of a page (a heading, a paragraph, a
    list item, a link, a cell, a caption), two consecutive lines of a document, the source's title or the link to
    it ("กิจกรรมรณรงค์ … No Gift Policy"). A menu's "ข่าวประชาสัมพันธ์" beside a list of the policy's documents is
    not one."""
    return any(all(any(match_key(p) in key for p in group) for group in groups) for key in _statement_keys(source))


def _statement_keys(source: Source) -> list[str]:
    texts = [source.title, source.link_text]
    html = source.html  # read once from the site, not kept
    if html:
        tree = LexborHTMLParser(html)
        texts += [
            n.text(separator=" ")
            for n in tree.css(_STATEMENTS)
            if n.tag not in ("li", "td", "th", "dd") or n.css_first(_CONTAINERS) is None
        ]
    else:
        lines = [line for line in source.text.splitlines() if line.strip()]
        texts += [" ".join(pair) for pair in zip(lines, [*lines[1:], ""], strict=True)]
    return [match_key(t) for t in texts if t]


def _groups_in_one_source(
    sources: list[Source], groups: list[list[str]], labels: list[str], prefer: list[str], outside: bool = False
) -> Finding:
    """Every group in one source. With `outside` (a report or plan: `content_outside_names`), the groups after
    the first, which say what the document holds, count only in its text outside the names of things: its
    title, the label that led to it and the labels of its own links. A page that only names the report and
    links the file ("รายงานผลการจัดการความเสี่ยง … ตามเอกสารแนบ") is not the report; the file is judged instead."""
    best_missing = labels
    hits = []
    for source in sources:
        body = _outside_names(source) if outside else None
        missing = [
            label
            for i, (group, label) in enumerate(zip(groups, labels, strict=True))
            if not (_found(source, group) if body is None or i == 0 else _in_body(source, body, group))
        ]
        if not missing:
            first = _found(source, groups[-1])[0]
            hits.append(Hit(source, snippet(source.text or source.link_text, first)))
        elif len(missing) < len(best_missing):
            best_missing = missing
    # Sources that also carry a preferred phrase (e.g. "ประกาศเจตนารมณ์") come first.
    hits.sort(key=lambda h: not _found(h.source, prefer) if prefer else False)
    return Finding(present=bool(hits), hits=hits, missing_parts=[] if hits else best_missing)


def _keyer(source: Source) -> Callable[[str], str]:
    return loose_key if source.ocr_digits_untrusted else match_key  # OCR drops tone marks (checks/base.py _found)


def _outside_names(source: Source) -> str:
    """The key of the source's text with the labels of its links cut out (title and the label that led here are
    not in `text`)."""
    key_of = _keyer(source)
    key = key_of(source.text)
    for link in source.links:
        label = key_of(link.label)
        if len(label) >= 6:  # short labels ("PDF", "ดาวน์โหลด") name nothing, and may be part of a sentence
            key = key.replace(label, "|")
    return key


def _in_body(source: Source, body: str, phrases: list[str]) -> bool:
    key_of = _keyer(source)
    return any(key_of(p) in body for p in phrases)


def pattern(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    params = params_of(component, PatternParams)
    # "@phone" names a pattern the checks share (people.py reads phone numbers too): one definition.
    shared = {"@phone": PHONE}
    regexes = [re.compile(shared.get(p, p), re.IGNORECASE) for p in params.patterns]
    hits, distrusted = [], []
    for source in bundle.readable:
        hit = _pattern_hit(source, regexes)
        if hit is None and params.mailto:
            mail = mailto(source)
            hit = Hit(source, mail) if mail else None
        if hit is not None:
            hits.append(hit)
        elif source.ocr_digits_untrusted and any(r.search(arabic_digits(source.text)) for r in regexes):
            distrusted.append(source)  # matched only by Thai digits that OCR read
    if not hits and distrusted:
        return Finding(present=False, unknown=f"{OCR_THAI_DIGITS_TH} ({distrusted[0].url})")
    return Finding(present=bool(hits), hits=hits)


def _pattern_hit(source: Source, regexes: list[re.Pattern[str]]) -> Hit | None:
    """The first match in the most trusted place of the source (Source.number_places), saying where it was
    found when that is not the plain text."""
    for where, text in source.number_places():
        for regex in regexes:
            match = regex.search(text)
            if match:
                found = fold(match.group(0))[:160]
                if where == "text" or not re.search(r"\d", found):
                    return Hit(source, found)
                return Hit(source, f"{found} [ตัวเลขจาก{NUMBER_SOURCES_TH[where]}]")
    return None


def links_to(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    params = params_of(component, LinksToParams)
    url_res = [re.compile(p, re.IGNORECASE) for p in params.url_patterns]
    text_res = [re.compile(p) for p in params.text_patterns]
    hits = []
    for source in bundle.readable:
        urls = [source.url] + [link.url for link in source.links] + _raw_srcs(source.html)
        url = next((u for u in urls if any(r.search(u) for r in url_res)), None)
        if url:
            hits.append(Hit(source, url))
            continue
        match = next((m for r in text_res if (m := r.search(source.text))), None)
        if match:
            hits.append(Hit(source, match.group(0)))
    return Finding(present=bool(hits), hits=hits)


def _raw_srcs(html: str) -> list[str]:
    """iframe/embed/script sources straight from the HTML (maps and widgets are often embedded)."""
    return re.findall(r"""(?:src|data-src)\s*=\s*["']([^"']+)""", html or "", re.IGNORECASE)


def image_or_document(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    words = [match_key(w) for w in params_of(component, ImageOrDocumentParams).words]
    hits = []
    for source in bundle.readable:
        for src, alt in source.images:
            if any(w in match_key(alt + " " + src.rsplit("/", 1)[-1]) for w in words):
                hits.append(Hit(source, alt or src))
                break
        else:
            link = next(
                (lk for lk in source.links if _is_media(lk.url) and any(w in match_key(lk.label) for w in words)), None
            )
            if link:
                hits.append(Hit(source, link.label or link.url))
            elif source.kind == "document" and any(w in match_key(source.link_text) for w in words):
                hits.append(Hit(source, source.link_text))
    return Finding(present=bool(hits), hits=hits)


def _is_media(url: str) -> bool:
    return looks_like_document(url) or url.lower().split("?")[0].endswith((".jpg", ".jpeg", ".png", ".gif", ".webp"))
