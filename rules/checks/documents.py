"""The document check: a source that *is* the named document and holds every group of its contents.

How a source is named (its title, the link to it, its heading or opening lines) and the period written after
that name are shared with the table_rows and dated_posts checks, so they live in base.py.

- document: passes when a source *is* the document named by `title_any` (in its title, the link that led to
  it, a page's own heading or a document's opening lines; not when so named by `exclude_titled`) and holds
  every group of `groups` (at least `min` phrases each, found outside the document's name; with
  `same_source = false`, across all such documents). Fails with no such document, or naming the absent groups
  (`group_labels`). With `period_after`, the time rule reads only the period written right after the name
  ("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖-๒๕๗๐)"), not every year the document quotes. `patterns` (one list of
  regular expressions per group, matched with Thai digits read as Arabic) let a group hold by what its phrases
  cannot list: a count written as a number and its unit ("ดำเนินการจัดซื้อจัดจ้างรวม ๔๒ โครงการ").
"""

from __future__ import annotations

import re

from crawler.thaitext import arabic_digits
from rules.catalog import ComponentDef
from rules.checks.base import Context, Finding, _found, _hit, _named_sources, params_of
from rules.params import DocumentParams
from rules.sources import Bundle, Source


def document(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    p = params_of(component, DocumentParams)
    names, groups, labels, need = p.title_any, p.groups, p.group_labels, p.min
    docs = _named_sources(bundle, p)
    if not docs:
        return Finding(present=False, detail="ไม่พบเอกสารดังกล่าว / no such document")
    # Content phrases count outside the document's name ("ผลการดำเนินการ" in "รายงานผลการดำเนินการ…" is a title).
    patterns = p.patterns
    found = {s.url: {i for i, g in enumerate(groups) if _holds(s, g, _at(patterns, i), names, need)} for s in docs}
    if p.same_source:
        holders = [s for s in docs if len(found[s.url]) == len(groups)]
        have = max(found.values(), key=len)
    else:
        holders = [s for s in docs if found[s.url] or not groups]
        have = set().union(*found.values())
    missing = [labels[i] if i < len(labels) else groups[i][0] for i in range(len(groups)) if i not in have]
    if missing:
        return Finding(present=False, missing_parts=missing if labels else [], detail=", ".join(missing))
    shown = [(_found(s, groups[0], names) if groups else []) or _found(s, names) or names for s in holders]
    return Finding(present=True, hits=[_hit(s, phrases, p) for s, phrases in zip(holders, shown, strict=True)])


def _holds(source: Source, group: list[str], patterns: list[str], names: list[str], need: int) -> bool:
    """Whether the source holds a group: `need` of its phrases outside the document's name, or one of its
    patterns (a count: "รวม ๔๒ โครงการ", "จำนวน 37 รายการ")."""
    if len(_found(source, group, names)) >= need:
        return True
    text = arabic_digits(source.text) if patterns else ""
    return any(re.search(x, text) for x in patterns)


def _at(lists: list[list[str]], index: int) -> list[str]:
    return lists[index] if index < len(lists) else []
