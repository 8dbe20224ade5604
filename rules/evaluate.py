"""From evidence to verdicts: component results, time and rule checks, item status and gap texts.

Item status (the contract's meaning):
- pass: every component present, every rule met, the time rule met.
- gap: evidence found, but a component is missing or a rule or the time rule fails (ไม่ครบองค์ประกอบ).
- missing: no evidence at all (ไม่พบข้อมูล).
- unknown: nothing failed, but something could not be read or decided (ตรวจสอบไม่ได้), with the reason.

Sub-components: a component with `fields` (components.toml) gets one ComponentResult per field after its own,
id "<component>.<field>". The fields are judged in the one source, among those where the component was found
(and that meet the time rule), that has the most of them: a guideline or a service manual must hold its parts
itself. A missing field is a data gap of its own. When none is there (a covering memo that only names the
report), the component itself is missing, with one gap listing the parts; when the component is absent, its
fields are reported with its status and no gap of their own.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from crawler.urls import first_urls
from rules.catalog import Catalog, ComponentDef, ItemDef, components
from rules.checks import Context, Finding, Hit
from rules.checks.registry import CHECKS, RULES, SITE_FILTERS
from rules.discovery import Candidate, Discovery
from rules.fiscal import first_half_months, judge_first_half, judge_spans, months_covered, thai_month_year
from rules.params import MonthlyParams
from rules.results import ComponentResult, EvidenceRef, Gap, GapFacts, ItemResult, reason
from rules.site import SiteData, SiteLinks
from rules.sources import DATE_SOURCES_TH, Bundle, Source
from rules.thaidates import DateSpan, find_dates, table_months


@dataclass
class ComponentOutcome:
    result: ComponentResult
    gaps: list[Gap] = field(default_factory=list)
    unknown_reason: str | None = None
    fields: list[ComponentOutcome] = field(default_factory=list)  # one per sub-component, after this one


def evaluate_site(
    site: SiteData, catalog: Catalog, year: int, as_of: date, declared: dict[str, list[str]] | None = None
) -> tuple[list[ItemResult], list[str]]:
    """Every item of the catalog, in catalog order, plus notes about discovery."""
    site_links = SiteLinks(site.iter_links, watch=SITE_FILTERS)
    discovery = Discovery(site, catalog, year, declared or {}, on_link=site_links.see)
    site_links.seen_all()
    ctx = Context(fiscal_year=year, as_of=as_of, site_links=site_links)
    results = []
    for item in catalog.items:
        if not item.implemented:
            results.append(_not_implemented(item))
            continue
        results.append(evaluate_item(item, discovery.candidates(item), ctx))
    notes = list(discovery.notes)
    if discovery.index is not None:
        notes.insert(0, f"หน้า ITA ปี {year}: {discovery.index.url}")
    return results, notes


def evaluate_item(item: ItemDef, candidates: list[Candidate], ctx: Context) -> ItemResult:
    """Judge each candidate bundle (declared URLs first, then what the crawl found).

    A declared URL that passes is the answer. One that fails is still the answer, because it is what the
    assessor will open, but the result says so and points to passing evidence the crawl found, if any.
    """
    judged = [(_judge(item, c, ctx), c) for c in candidates if c.bundle]
    if not judged:
        return _missing(item)
    first, first_candidate = judged[0]
    passing = [r for r, _ in judged if r.status == "pass"]
    if first_candidate.found_via != "config" or first.status == "pass":
        return passing[0] if passing else first
    found = [e.url for e in passing[0].evidence[:3]] if passing else []
    # The report must say which URL to fix or replace, and where the passing evidence is.
    wording = "rule.declared_found" if found else "rule.declared"
    first.gaps.append(Gap.of(GapFacts(wording=wording, urls=first_candidate.urls, found_urls=found)))
    first.status = "gap"
    return first


def _judge(item: ItemDef, candidate: Candidate, ctx: Context) -> ItemResult:
    bundle = candidate.bundle
    result = ItemResult(
        code=item.code,
        title=item.title,
        status="pass",
        confidence=item.confidence,
        subindicator=item.subindicator,
        evidence=_evidence(bundle),
    )
    if not bundle.readable:
        if bundle.dead and not bundle.unreadable:  # every link answered 404/410: the assessors fail the item
            return _dead_links(item, result, bundle)
        result.status = "unknown"
        result.unknown_reason = reason("unknown.unreadable", reasons=_unread_reasons(bundle))
        return result
    unknowns = []
    judged: dict[str, ComponentOutcome] = {}
    for cid in item.components:
        component = components()[cid]
        # Without its parent (no online system), a dependent component cannot be in what was not read either.
        view = _readable_only(bundle) if _parent_absent(component, judged) else bundle
        judged[cid] = parent = judge_component(component, item, view, ctx)
        for outcome in (parent, *parent.fields):
            result.components.append(outcome.result)
            result.gaps.extend(outcome.gaps)
            if outcome.unknown_reason:
                unknowns.append(f"{outcome.result.id}: {outcome.unknown_reason}")
    for comp in result.components:
        comp.confidence = _confidence(item, comp.id)
    if result.gaps and bundle.dead:  # the dead link is a finding of its own: the assessor opens it too
        result.gaps.append(_dead_link_gap(bundle.dead))
    if result.gaps:
        result.status = "gap"
    elif unknowns:
        result.status, result.unknown_reason = "unknown", "; ".join(unknowns)
    return result


def _unread_reasons(bundle: Bundle) -> str:
    """Each reason once (dead links among them), with the URLs it kept from being read: the user must know
    which files to open."""
    urls: dict[str, list[str]] = {}
    for source in (s for s in bundle.sources if s.error):
        urls.setdefault(source.error or "", []).append(source.url)
    return "; ".join(f"{reason} ({first_urls(u)})" for reason, u in urls.items())


def judge_component(component: ComponentDef, item: ItemDef, bundle: Bundle, ctx: Context) -> ComponentOutcome:
    finding = CHECKS[component.check](component, bundle, ctx)
    base = ComponentResult(id=component.id, status="present", label_th=component.label_th)
    if not finding.present:
        absent = _absent(component, finding, bundle, base)
        absent.fields = [_field_like_parent(f, absent) for f in component.fields]
        return absent
    hits = finding.hits
    base.evidence_url, base.snippet = hits[0].source.url, hits[0].snippet[:300]
    outcome = ComponentOutcome(result=base)
    if component.timed and item.time not in ("none", "current"):
        hits = _judge_time(component, item, _what_is_listed(hits), ctx, outcome)
    if component.rule:
        _judge_rule(component, hits, bundle, ctx, outcome)
    if component.fields:
        outcome.fields = _judge_fields(component, item, _what_is_listed(hits), bundle, ctx)
        if all(sub.result.status == "missing" for sub in outcome.fields):
            _none_of_the_fields(component, item, ctx, outcome)
    return outcome


def _what_is_listed(hits: list[Hit]) -> list[Hit]:
    """Without the pages that merely link to other hits. Such a page (a No Gift page listing the 2568
    announcement and the 2569 report) names the years and people of everything it lists, so its dates and
    signatures prove nothing; the documents it lists are the evidence."""
    urls = {h.source.url for h in hits}
    listed = [h for h in hits if not any(link.url in urls and link.url != h.source.url for link in h.source.links)]
    return listed or hits


def _absent(component: ComponentDef, finding: Finding, bundle: Bundle, base: ComponentResult) -> ComponentOutcome:
    unreadable = [s for s in bundle.unreadable if component.found_in is None or s.kind in component.found_in]
    if unreadable:
        # Part of the evidence could not be read: the component may be in it. Say so; never call it missing.
        reason = f"{unreadable[0].error} ({unreadable[0].url})"
        base.status, base.reason, base.evidence_url = "unknown", reason, unreadable[0].url
        return ComponentOutcome(result=base, unknown_reason=reason)
    if finding.unknown:  # seen only where it cannot be trusted (a number in Thai digits that OCR read)
        base.status, base.reason = "unknown", finding.unknown
        return ComponentOutcome(result=base, unknown_reason=finding.unknown)
    base.status = "missing"
    base.reason = finding.detail
    facts = GapFacts(
        wording="data.absent_parts" if finding.missing_parts else "data.absent",
        label_th=component.label_th,
        label_en=component.label_en,
        parts=list(finding.missing_parts),
    )
    return ComponentOutcome(result=base, gaps=[Gap.of(facts, component.id, component.hint_th)])


def _judge_rule(
    component: ComponentDef, hits: list[Hit], bundle: Bundle, ctx: Context, outcome: ComponentOutcome
) -> None:
    verdict = RULES[component.rule or ""](component, hits, bundle, ctx)
    if verdict.ok is False:
        facts = GapFacts(
            wording="rule.unmet_detail" if verdict.detail else "rule.unmet",
            rule_th=component.rule_th,
            rule_en=component.rule_en,
            detail=verdict.detail or None,
        )
        outcome.gaps.append(Gap.of(facts, component.id, component.hint_th))
        outcome.result.reason = verdict.detail
    elif verdict.ok is None and not outcome.gaps:
        outcome.result.status = "unknown"
        outcome.result.reason = verdict.detail
        outcome.unknown_reason = reason("unknown.rule_undecided", detail=verdict.detail)


# --- time --------------------------------------------------------------------------------------------
def _judge_time(
    component: ComponentDef, item: ItemDef, hits: list[Hit], ctx: Context, outcome: ComponentOutcome
) -> list[Hit]:
    """Apply the item's time rule; returns the hits that meet it (all hits when none do)."""
    # Without any month (only "ประจำปีงบประมาณ 2568", say), _judge_months judges nothing: the fiscal year is.
    monthly = item.time == "first_half_current_fy" and _monthly(component).per_month
    if monthly and _judge_months(component, hits, ctx, outcome):
        return hits
    rule = "current_fy" if item.time == "first_half_current_fy" else item.time
    good, seen_years, where_used = [], set(), None
    old_data: list[int] = []
    for hit in hits:
        spans, where = hit.source.dated()
        verdict = judge_spans(rule, spans, ctx.fiscal_year, ctx.as_of)
        seen_years.update(verdict.fiscal_years_seen)
        facts = verdict.facts
        if facts and facts.wording == "time.data_year" and facts.target_year is not None:
            old_data.append(facts.target_year)  # the year the evidence names as its own
        if verdict.ok:
            good.append(hit)
            where_used = where_used or where
    if good:
        outcome.result.evidence_url = good[0].source.url
        outcome.result.snippet = _with_date_source(good[0].snippet, where_used)
        return good
    # "เป็นข้อมูลปีงบประมาณ พ.ศ. 2568" (time.fiscal_year_old) is the assessors' words for old evidence; the years
    # a plan period touches are not.
    wording = "time.fiscal_year_old" if old_data else "time.fiscal_year_seen" if seen_years else "time.fiscal_year"
    facts = GapFacts(
        wording=wording,
        label_th=component.label_th,
        label_en=component.label_en,
        target_year=ctx.fiscal_year - 1 if rule == "previous_fy" else ctx.fiscal_year,
        years_seen=sorted(seen_years),
        data_years=list(dict.fromkeys(old_data)),
    )
    outcome.gaps.append(Gap.of(facts, component.id, component.hint_th))
    return hits


_NOT_MONTHLY = MonthlyParams()


def _monthly(component: ComponentDef) -> MonthlyParams:
    """How the time rule reads the component's months (only the checks of month-by-month evidence have a say)."""
    params = component.params
    return params if isinstance(params, MonthlyParams) else _NOT_MONTHLY


def _with_date_source(snippet: str, where: str | None) -> str:
    return f"{snippet} [วันที่จาก{DATE_SOURCES_TH.get(where or '', '')}]" if where else snippet


def _judge_months(component: ComponentDef, hits: list[Hit], ctx: Context, outcome: ComponentOutcome) -> bool:
    """Judge the months of October-March covered; False when no month was found to judge."""
    months: set[tuple[int, int]] = set()
    anywhere = _monthly(component).months_anywhere
    for hit in hits:
        months |= months_covered(_all_month_spans(hit.source) if anywhere else _month_spans(hit.source))
    verdict = judge_first_half(months, ctx.fiscal_year, ctx.as_of)
    due = first_half_months(ctx.fiscal_year, ctx.as_of)
    covered = [thai_month_year(y, m) for y, m in due if (y, m) in months]
    outcome.result.snippet = ("เดือนที่พบ: " + ", ".join(covered)) if covered else outcome.result.snippet
    if verdict.ok is False and verdict.facts:
        outcome.gaps.append(Gap.of(verdict.facts, component.id, component.hint_th))
    return verdict.ok is not None


def _month_spans(source: Source) -> list[DateSpan]:
    """The month a monthly summary is for: its link text or title first, as the body also lists
    contract dates of other months."""
    for where, found in (
        ("link_text", lambda: find_dates(source.link_text)),
        ("title", lambda: find_dates(source.title)),
        ("text", lambda: _data_months(source.body_dates(source.text[:600]), source.text)),  # OCR-safe
    ):
        spans = [s for s in found() if s.kind in ("month", "range", "quarter", "half_year")]
        if spans:
            return spans[:1] if where != "link_text" else spans
    return []


def _all_month_spans(source: Source) -> list[DateSpan]:
    """Every month a document shows data for (`months_anywhere`): a table with a row per month, such as
    complaint statistics, names its months in the body."""
    titled = find_dates(" ".join((source.link_text, source.title)))
    named = next((s.fiscal_year for s in titled if s.fiscal_year), None)  # the rows' year may be only in the title
    rows = table_months(source.text, named, thai_digits=not source.ocr_digits_untrusted)  # months without a year
    body = _data_months(source.body_dates(), source.text)  # OCR-safe
    listed = [s for s in body + rows if s.kind == "month"]
    if len({(s.start.year, s.start.month) for s in listed}) >= 2:
        # A table by month covers the months it lists, whatever period its heading or title names ("รอบ 6 เดือน",
        # "ต.ค. 2568 - มี.ค. 2569"): a heading of the half-year over rows for October-December misses three.
        return listed
    found = titled + body + rows
    return [s for s in found if s.kind in ("month", "range", "quarter", "half_year")]


_LIST_GAP = re.compile(r"[\s,;|/()]*")  # what separates the months of a bare list


def _data_months(spans: list[DateSpan], text: str) -> list[DateSpan]:
    """`spans` less the months of a bare list, where nothing but spaces separates one month from the next: a blog's
    archive widget ("มีนาคม 2026 กุมภาพันธ์ 2026 …") or a drop-down names months, it holds no data for them."""
    months = [s for s in spans if s.kind == "month"]
    listed: set[int] = set()
    for a, b in itertools.pairwise(months):
        if _LIST_GAP.fullmatch(text[a.pos + len(a.text) : b.pos]):
            listed |= {a.pos, b.pos}
    return [s for s in spans if s.kind != "month" or s.pos not in listed]


# --- fields (sub-components) --------------------------------------------------------------------------
def _judge_fields(
    component: ComponentDef, item: ItemDef, hits: list[Hit], bundle: Bundle, ctx: Context
) -> list[ComponentOutcome]:
    """One outcome per field, judged in the best single source among `hits` (see the module docstring). A field
    not found while part of the evidence could not be read (a scanned PDF) is unknown, not missing."""
    sources = list({h.source.url: h.source for h in hits}.values())
    judged = [[(f, CHECKS[f.check](f, Bundle([s]), ctx)) for f in component.fields] for s in sources]
    best = max(judged, key=lambda row: sum(finding.present for _, finding in row))
    outcomes = []
    for field_def, finding in best:
        if not finding.present and bundle.unreadable:  # _absent makes it unknown, naming the unreadable source
            base = ComponentResult(id=field_def.id, status="present", label_th=field_def.label_th)
            outcomes.append(_absent(field_def, finding, bundle, base))
        else:
            outcomes.append(_field_outcome(field_def, finding, component, item, ctx))
    return outcomes


def _field_outcome(
    field_def: ComponentDef, finding: Finding, parent: ComponentDef, item: ItemDef, ctx: Context
) -> ComponentOutcome:
    result = ComponentResult(id=field_def.id, status="present", label_th=field_def.label_th)
    if finding.present:
        result.evidence_url, result.snippet = finding.hits[0].source.url, finding.hits[0].snippet[:300]
        return ComponentOutcome(result=result)
    result.status, result.reason = "missing", finding.detail
    facts = _with_fields(
        "data.field_listed" if parent.fields_gap_th else "data.field",
        parent,
        item,
        ctx,
        field_th=field_def.label_th,
        field_en=field_def.label_en,
    )
    return ComponentOutcome(result=result, gaps=[Gap.of(facts, field_def.id, field_def.hint_th)])


def _none_of_the_fields(component: ComponentDef, item: ItemDef, ctx: Context, outcome: ComponentOutcome) -> None:
    """The component is named (a covering memo, a title) but holds none of its parts: it is not there. One
    gap, on the component, in the assessors' words (seed 000, O35), instead of one per field."""
    for sub in outcome.fields:
        sub.gaps = []
    outcome.result.status = "missing"
    outcome.result.reason = reason("unknown.no_parts")
    facts = _with_fields("data.no_fields", component, item, ctx)
    outcome.gaps.append(Gap.of(facts, component.id, component.hint_th))


def _with_fields(
    wording: str,
    component: ComponentDef,
    item: ItemDef,
    ctx: Context,
    *,
    field_th: str | None = None,
    field_en: str | None = None,
) -> GapFacts:
    """The facts of a gap that lists the parts the component must hold ("ที่มีรายละเอียดอย่างน้อยประกอบด้วย ๑. …",
    or the component's own `fields_gap_th`, which may name the fiscal year)."""
    return GapFacts(
        wording=wording,
        label_th=component.label_th,
        label_en=component.label_en,
        fields_th=[f.label_th for f in component.fields],
        fields_gap_th=component.fields_gap_th,
        target_year=ctx.fiscal_year - 1 if item.time == "previous_fy" else ctx.fiscal_year,
        field_th=field_th,
        field_en=field_en,
    )


def _field_like_parent(field_def: ComponentDef, parent: ComponentOutcome) -> ComponentOutcome:
    """A field of an absent (or unreadable) component: its status, no gap of its own."""
    result = ComponentResult(
        id=field_def.id, status=parent.result.status, label_th=field_def.label_th, reason=parent.result.reason
    )
    return ComponentOutcome(result=result)


def _confidence(item: ItemDef, cid: str) -> str:
    """A component's confidence; a sub-field ("manual.service.fee") has its parent's."""
    parent = next((c for c in item.components if cid == c or cid.startswith(c + ".")), None)
    return item.confidence_of(parent) if parent else item.confidence


# --- dead links and missing parents (shared/ita/document-forms.md, "Links that do not work") ------------
def _parent_absent(component: ComponentDef, judged: dict[str, ComponentOutcome]) -> bool:
    """True when the component `requires` one this item judged absent, or present but failing its rule (an
    "E-Service" that is only a form to download is no online system)."""
    parent = judged.get(component.requires or "")
    if parent is None:
        return False
    return parent.result.status == "missing" or any(g.kind == "rule" for g in parent.gaps)


def _readable_only(bundle: Bundle) -> Bundle:
    return Bundle([s for s in bundle.sources if s.readable or s.dead], bundle.notes)


def _dead_links(item: ItemDef, result: ItemResult, bundle: Bundle) -> ItemResult:
    """Every evidence link of the item is dead: one finding naming them; each component missing, its evidence the
    dead link."""
    dead = bundle.dead[0]
    for cid in item.components:
        for comp in (components()[cid], *components()[cid].fields):
            result.components.append(
                ComponentResult(
                    id=comp.id,
                    status="missing",
                    label_th=comp.label_th,
                    evidence_url=dead.url,
                    reason=dead.dead,
                    confidence=_confidence(item, comp.id),
                )
            )
    result.gaps.append(_dead_link_gap(bundle.dead))
    result.status = "gap"
    return result


def _dead_link_gap(dead: list[Source]) -> Gap:
    statuses = list(dict.fromkeys((s.dead or "").split(" / ")[0] for s in dead))  # "HTTP 404" of "HTTP 404 / …"
    return Gap.of(GapFacts(wording="rule.dead_link", urls=[s.url for s in dead], statuses=statuses))


# --- small constructors ------------------------------------------------------------------------------
def _evidence(bundle: Bundle) -> list[EvidenceRef]:
    return [
        EvidenceRef(url=s.url, kind=s.kind, found_via=s.found_via, title=s.title or s.link_text or None)
        for s in bundle.sources[:25]
    ]


def _missing(item: ItemDef) -> ItemResult:
    return ItemResult(
        code=item.code,
        title=item.title,
        status="missing",
        confidence=item.confidence,
        subindicator=item.subindicator,
        gaps=[Gap.of(GapFacts(wording="not_found.item", label_th=item.title, label_en=item.title))],
    )


def _not_implemented(item: ItemDef) -> ItemResult:
    return ItemResult(
        code=item.code,
        title=item.title,
        status="unknown",
        unknown_reason=reason("unknown.not_implemented"),
        confidence=item.confidence,
        subindicator=item.subindicator,
    )
