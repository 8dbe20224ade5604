"""What changed between two scan results of a site: per item, new and fixed gaps, evidence, status.

Pure functions over ScanResult, giving the ScanDiff rows of reports/models.py; no I/O. Whether an evidence URL is broken is a fact of the newer crawl that
the result does not carry, so the caller may pass the URLs the newer scan failed to load
(oit.store.scans.failed_urls), and those the older scan failed to load too; without them `evidence_broken` stays
empty rather than guessed.
"""

from __future__ import annotations

from collections.abc import Mapping

from reports.models import ComponentChange, ItemChange, ScanDiff, ScanResult
from rules.results import Gap, ItemResult


def gap_key(gap: Gap) -> tuple[str, str, str]:
    """Gaps are the same gap when kind, component and Thai wording match."""
    return (gap.kind, gap.component or "", gap.text_th)


def evidence_urls(item: ItemResult) -> list[str]:
    """The item's evidence URLs: its evidence list, then component evidence not already in it."""
    urls = [e.url for e in item.evidence] + [c.evidence_url for c in item.components if c.evidence_url]
    return list(dict.fromkeys(urls))


def diff_results(
    old: ScanResult,
    new: ScanResult,
    failed: Mapping[str, str] | None = None,
    failed_before: Mapping[str, str] | None = None,
) -> ScanDiff:
    """Compare two results of one site. `failed`: URL -> reason for URLs the newer scan could not load;
    `failed_before`: the same for the older scan (a URL already failing then is not newly broken)."""
    old_items = {i.code: i for i in old.items}
    new_items = {i.code: i for i in new.items}
    codes = sorted(old_items.keys() | new_items.keys(), key=_code_number)
    newly_failed = {u: r for u, r in (failed or {}).items() if u not in (failed_before or {})}
    changes = [_item_change(old_items.get(c), new_items.get(c), newly_failed) for c in codes]
    return ScanDiff(
        site_url=new.site.url,
        site_name=new.site.name or old.site.name,
        old_scan_id=old.scan_id,
        new_scan_id=new.scan_id,
        old_as_of=old.as_of,
        new_as_of=new.as_of,
        score_before=old.score.oit_estimate if old.score else None,
        score_after=new.score.oit_estimate if new.score else None,
        grade_before=old.score.grade if old.score else None,
        grade_after=new.score.grade if new.score else None,
        changes=[c for c in changes if _changed(c)],
    )


def _item_change(before: ItemResult | None, after: ItemResult | None, failed: Mapping[str, str]) -> ItemChange:
    either = after or before
    assert either is not None
    new_gaps, fixed_gaps = _gap_changes(before.gaps if before else [], after.gaps if after else [])
    old_urls = evidence_urls(before) if before else []
    new_urls = evidence_urls(after) if after else []
    broken = {u: failed[u] for u in old_urls if u in failed}
    return ItemChange(
        code=either.code,
        title=either.title,
        before=before.status if before else None,
        after=after.status if after else None,
        new_gaps=new_gaps,
        fixed_gaps=fixed_gaps,
        evidence_added=[u for u in new_urls if u not in old_urls],
        evidence_removed=[u for u in old_urls if u not in new_urls],
        evidence_broken=list(broken),
        broken_reasons=broken,
        went_unknown=after is not None and after.status == "unknown" and (before is None or before.status != "unknown"),
        unknown_reason=after.unknown_reason if after is not None and after.status == "unknown" else None,
        components=_component_changes(before, after),
    )


def _gap_changes(old: list[Gap], new: list[Gap]) -> tuple[list[Gap], list[Gap]]:
    """(new gaps, fixed gaps). Gaps match by kind + component + Thai text; a gap left over on both sides with
    the same kind, component and English text is the same finding quoting a different snippet (e.g. another
    signer's name from a re-uploaded file), so it is neither new nor fixed."""
    old_keys, new_keys = {gap_key(g) for g in old}, {gap_key(g) for g in new}
    added = [g for g in new if gap_key(g) not in old_keys]
    fixed = [g for g in old if gap_key(g) not in new_keys]
    for gap in list(added):
        twin = next((f for f in fixed if gap.text_en and _reworded(f, gap)), None)
        if twin is not None:
            added.remove(gap)
            fixed.remove(twin)
    return added, fixed


def _reworded(a: Gap, b: Gap) -> bool:
    return (a.kind, a.component, a.text_en) == (b.kind, b.component, b.text_en)


def _component_changes(before: ItemResult | None, after: ItemResult | None) -> list[ComponentChange]:
    old = {c.id: c for c in before.components} if before else {}
    new = {c.id: c for c in after.components} if after else {}
    out = []
    for cid in list(dict.fromkeys([*old, *new])):
        was, now = old.get(cid), new.get(cid)
        if (was.status if was else None) != (now.status if now else None):
            label = (now or was).label_th  # type: ignore[union-attr]  # cid came from old or new: one is there
            out.append(
                ComponentChange(
                    id=cid, label_th=label, before=was.status if was else None, after=now.status if now else None
                )
            )
    return out


def _changed(change: ItemChange) -> bool:
    return bool(
        change.status_changed
        or change.new_gaps
        or change.fixed_gaps
        or change.evidence_added
        or change.evidence_removed
        or change.evidence_broken
        or change.components
    )


def _code_number(code: str) -> tuple[int, str]:
    digits = code[1:]
    return (int(digits), code) if digits.isdigit() else (10**6, code)
