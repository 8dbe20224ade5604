"""Alerts: which changes of a site are worth telling its admins, and the message that tells them.

A nightly scan can flicker (a server hiccup makes an item unknown for one night), so only *confirmed*
changes are alerted: a change is confirmed when the two latest finished scans both show it against the state
last confirmed. A → B → A is never alerted. What is tracked ("facts" of a scan):

- gap:     a gap of an item (kind, component and wording);
- unknown: an item that could not be checked;
- broken:  an evidence URL of the item that the scan could not load (error, 4xx, 5xx).

The confirmed facts, what was last weighed and the messages waiting for delivery live in the database
(tables `alert_facts`, `alert_sites`, `alert_messages`; their SQL in oit.store.alerts), so a restart or a failed
delivery loses nothing. oit.watch.delivery sends the messages.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from oit import __version__
from oit.store import Engine
from oit.store.alerts import AlertSite, FactChanges, StoredFact, alert_site, record_stale_warning, record_weighing
from oit.store.database import now
from oit.store.scans import failed_urls
from oit.watch.diff import evidence_urls
from oit.watch.history import find_site, latest_done, list_scans, load_result
from reports.models import ScanResult, ScanSummary
from reports.thai import clean_text, thai_date
from rules.results import STATUS_TH, Gap

FactKind = Literal["gap", "unknown", "broken"]
ChangeKind = Literal["new_gap", "fixed_gap", "went_unknown", "known_again", "evidence_broken", "evidence_restored"]

CHANGE_TH: dict[str, str] = {
    "new_gap": "พบประเด็นใหม่",
    "fixed_gap": "แก้ไขแล้ว",
    "went_unknown": "ตรวจสอบไม่ได้",
    "known_again": "ตรวจสอบได้อีกครั้ง",
    "evidence_broken": "หลักฐานเปิดไม่ได้",
    "evidence_restored": "หลักฐานเปิดได้อีกครั้ง",
}
_APPEARED: dict[str, ChangeKind] = {"gap": "new_gap", "unknown": "went_unknown", "broken": "evidence_broken"}
_GONE: dict[str, ChangeKind] = {"gap": "fixed_gap", "unknown": "known_again", "broken": "evidence_restored"}
_BANGKOK = ZoneInfo("Asia/Bangkok")
TEXT_CHANGES = 30  # lines of changes in `text`: chat apps cut long messages (all are in `changes`)


# --- what a scan shows --------------------------------------------------------------------------------------
class Fact(BaseModel):
    kind: FactKind
    code: str
    title: str
    component: str | None = None
    text_th: str | None = None  # the gap's wording, or why the item is unknown
    url: str | None = None  # the broken evidence URL
    match: str | None = None  # what identifies a gap (see gap_fact)

    @property
    def key(self) -> str:
        if self.kind == "unknown":
            return f"unknown|{self.code}"
        if self.kind == "broken":
            return f"broken|{self.code}|{self.url}"
        return f"gap|{self.code}|{self.component or ''}|{self.match or self.text_th}"


def gap_fact(code: str, title: str, gap: Gap) -> Fact:
    # The English wording names the finding without the snippet it quotes, so a re-uploaded file signed by
    # another officer is the same gap, not a fixed one and a new one (as in oit.watch.diff).
    match = f"{gap.kind}|{gap.text_en or gap.text_th}"
    return Fact(kind="gap", code=code, title=title, component=gap.component, text_th=gap.text_th, match=match)


def facts_of(engine: Engine, result: ScanResult, previous: ScanResult | None) -> dict[str, Fact]:
    """The facts of one finished scan. Evidence is "broken" when the scan failed to load a URL that was
    evidence of the item in this scan or the one before it."""
    before = {i.code: i for i in previous.items} if previous else {}
    refs = {
        i.code: evidence_urls(i) + (evidence_urls(before[i.code]) if i.code in before else []) for i in result.items
    }
    failed = failed_urls(engine, result.scan_id or 0, [u for urls in refs.values() for u in urls])
    facts: dict[str, Fact] = {}
    for item in result.items:
        found = [gap_fact(item.code, item.title, g) for g in item.gaps]
        if item.status == "unknown":
            found.append(Fact(kind="unknown", code=item.code, title=item.title, text_th=item.unknown_reason))
        found += [Fact(kind="broken", code=item.code, title=item.title, url=u) for u in refs[item.code] if u in failed]
        facts.update((f.key, f) for f in found)
    return facts


# --- the message ------------------------------------------------------------------------------------------------
class AlertChange(BaseModel):
    kind: ChangeKind
    kind_th: str
    code: str
    title: str
    component: str | None = None
    text_th: str | None = None
    url: str | None = None


class Alert(BaseModel):
    """The body POSTed to each webhook (documented in README, "Nightly scans"); e-mails carry `text`."""

    type: Literal["changes", "stale"]
    subject: str
    text: str = Field(description="the whole alert in Thai, plain text; &, < and > escaped as Slack requires")
    site_url: str
    site_name: str | None = None
    scan_id: int | None = None
    previous_scan_id: int | None = None
    score: float | None = None
    grade: str | None = None
    changes: list[AlertChange] = Field(default_factory=list)
    last_done_at: datetime | None = None  # stale: when the latest finished scan ended (UTC)
    stale_hours: float | None = None
    created_at: datetime
    tool: str = f"oit {__version__}"


def _escape(lines: list[str]) -> str:
    """Lines of website text as a chat message: each one line (no control characters or line breaks of its
    own), and no '<!channel>' or '<url|label>' tricks."""
    return "\n".join(clean_text(line).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for line in lines)


def _site_label(url: str, name: str | None) -> str:
    return clean_text(name) if name else url


def changes_alert(result: ScanResult, previous_scan_id: int | None, changes: list[AlertChange]) -> Alert:
    site = _site_label(result.site.url, result.site.name)
    lines = [
        f"oit: {site} มีการเปลี่ยนแปลงที่ยืนยันแล้ว {len(changes)} รายการ (พบในการสแกน 2 ครั้งติดกัน)",
        f"เว็บไซต์: {result.site.url}",
    ]
    if result.score and result.score.oit_estimate is not None:
        lines.append(f"คะแนน OIT โดยประมาณล่าสุด: {result.score.oit_estimate:.2f} ระดับ {result.score.grade or '-'}")
    for change in changes[:TEXT_CHANGES]:
        line = f"- {change.code} {CHANGE_TH[change.kind]}: {change.title}"
        if change.text_th:
            line += f" — {change.text_th}"
        if change.url:
            line += f" ({change.url})"
        lines.append(line)
    if len(changes) > TEXT_CHANGES:
        lines.append(f"… และอีก {len(changes) - TEXT_CHANGES} รายการ (ทั้งหมดอยู่ใน changes)")
    lines.append(f"ดูรายละเอียด: oit diff {result.site.url}")
    return Alert(
        type="changes",
        subject=f"[oit] {site}: การเปลี่ยนแปลง {len(changes)} รายการ",
        text=_escape(lines),
        site_url=result.site.url,
        site_name=result.site.name,
        scan_id=result.scan_id,
        previous_scan_id=previous_scan_id,
        score=result.score.oit_estimate if result.score else None,
        grade=result.score.grade if result.score else None,
        changes=changes,
        created_at=datetime.now(UTC),
    )


def stale_alert(site_url: str, site_name: str | None, last: ScanSummary | None, stale_hours: float) -> Alert:
    site = _site_label(site_url, site_name)
    if last is None:
        when = "ยังไม่เคยสแกนสำเร็จ / no successful scan yet"
    else:
        local = (last.finished_at or last.started_at).replace(tzinfo=UTC).astimezone(_BANGKOK)
        when = f"สแกนสำเร็จล่าสุดเมื่อ {thai_date(local.date())} {local:%H:%M} น. (ครั้งที่ {last.scan_id})"
    lines = [
        f"oit: คำเตือน ผลสแกนของ {site} เก่าเกิน {stale_hours:g} ชั่วโมง — {when}",
        f"เว็บไซต์: {site_url}",
        f"โปรดตรวจสอบว่า oit schedule ยังทำงานอยู่ และดูสาเหตุด้วย oit history {site_url}",
    ]
    return Alert(
        type="stale",
        subject=f"[oit] {site}: ผลสแกนเก่าเกิน {stale_hours:g} ชั่วโมง",
        text=_escape(lines),
        site_url=site_url,
        site_name=site_name,
        scan_id=last.scan_id if last else None,
        score=last.score if last else None,
        grade=last.grade if last else None,
        last_done_at=last.finished_at.replace(tzinfo=UTC) if last and last.finished_at else None,
        stale_hours=stale_hours,
        created_at=datetime.now(UTC),
    )


# --- weighing a scan ---------------------------------------------------------------------------------------------
def weigh_scan(engine: Engine, scan_id: int) -> Alert | None:
    """Compare a finished scan and the one before it with the confirmed facts of its site; confirmed changes
    update the state and become a message waiting for delivery (both in one transaction). Weighing the same
    scan twice, or an older one, changes nothing."""
    result = load_result(engine, scan_id)
    if result is None:
        return None
    site_url = result.site.url
    state = alert_site(engine, site_url)
    if state is not None and (state.weighed_scan_id or 0) >= scan_id:
        return None
    prev_summary = latest_done(engine, site_url, before=scan_id)
    previous = load_result(engine, prev_summary.scan_id) if prev_summary else None
    new_facts = facts_of(engine, result, previous)
    prev_facts = _facts_before(engine, site_url, previous)
    queued: list[Alert] = []

    def decide(state: AlertSite | None, confirmed: dict[str, StoredFact]) -> FactChanges:
        # Inside the transaction that marks the scan weighed: the state read is the state written over.
        if state is None or state.weighed_scan_id is None:  # the baseline: the site before this scan, else now
            return FactChanges(add=_json(prev_facts if prev_facts is not None else new_facts))
        if prev_facts is None:
            return FactChanges()  # one scan shows nothing twice
        changes, appeared, gone = _confirm(confirmed, prev_facts, new_facts, result)
        if not changes:
            return FactChanges(add=_json(appeared), drop=gone)
        alert = changes_alert(result, previous.scan_id if previous else None, changes)
        queued.append(alert)
        return FactChanges(add=_json(appeared), drop=gone, message=alert.model_dump(mode="json"))

    record_weighing(engine, site_url, scan_id, decide)
    return queued[0] if queued else None


def _json(facts: dict[str, Fact]) -> dict[str, dict]:
    return {key: fact.model_dump() for key, fact in facts.items()}


def _facts_before(engine: Engine, site_url: str, previous: ScanResult | None) -> dict[str, Fact] | None:
    if previous is None or previous.scan_id is None:
        return None
    older = latest_done(engine, site_url, before=previous.scan_id)
    return facts_of(engine, previous, load_result(engine, older.scan_id) if older else None)


def _confirm(
    confirmed: dict[str, StoredFact], prev: dict[str, Fact], new: dict[str, Fact], result: ScanResult
) -> tuple[list[AlertChange], dict[str, Fact], list[int]]:
    """The changes, the facts newly confirmed (to add) and the ids of the confirmed facts that are gone (to drop)."""
    appeared = {key: fact for key, fact in new.items() if key in prev and key not in confirmed}
    changes = [_change(_APPEARED[fact.kind], fact) for fact in appeared.values()]
    gone = []
    # A gap of an item that cannot be checked now is not fixed: it is simply not seen (never a silent pass).
    unknown_now = {f.code for f in [*prev.values(), *new.values()] if f.kind == "unknown"}
    for key, row in confirmed.items():
        fact = Fact.model_validate(row.fact)
        if key in new or key in prev or (fact.kind == "gap" and fact.code in unknown_now):
            continue
        if fact.kind == "unknown":  # known again: say what the item is now
            item = next((i for i in result.items if i.code == fact.code), None)
            fact = fact.model_copy(update={"text_th": item.status if item else None})
        gone.append(row.id)
        changes.append(_change(_GONE[fact.kind], fact))
    order = sorted(changes, key=lambda c: (int(c.code[1:]) if c.code[1:].isdigit() else 999, c.kind))
    return order, appeared, gone


def _change(kind: ChangeKind, fact: Fact) -> AlertChange:
    text = fact.text_th
    if kind == "known_again":
        text = f"ผลล่าสุด: {STATUS_TH.get(text or '', text or '-')}"
    return AlertChange(
        kind=kind,
        kind_th=CHANGE_TH[kind],
        code=fact.code,
        title=fact.title,
        component=fact.component,
        text_th=text,
        url=fact.url,
    )


# --- stale scans -------------------------------------------------------------------------------------------------
def check_stale(engine: Engine, site: str, stale_hours: float, at: datetime | None = None) -> Alert | None:
    """Queue a warning when the site's latest finished scan is older than `stale_hours` (or it has only failed
    scans for that long). Once per latest finished scan: the next successful scan re-arms it."""
    row = find_site(engine, site)
    if row is None:
        return None  # never scanned: nothing to be stale yet
    at = at or now()
    last = latest_done(engine, row.url)
    if last is not None:
        since = last.finished_at or last.started_at
    else:
        scans = list_scans(engine, row.url)
        since = scans[-1].started_at if scans else at  # the first attempt
    if at - since < timedelta(hours=stale_hours):
        return None
    marker = last.scan_id if last else 0
    alert = stale_alert(row.url, row.name, last, stale_hours)
    # Once per marker: the check and the warning queued are one transaction.
    return alert if record_stale_warning(engine, row.url, marker, alert.model_dump(mode="json")) else None
