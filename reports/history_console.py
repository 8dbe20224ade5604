"""Terminal output for `oit history` (the scans of a site) and `oit diff` (what changed between two scans).

As in reports.console, website text reaches rich only as `Text` after `clean_text`, never as markup.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reports.console import STATUS_STYLE
from reports.models import ItemChange, ScanDiff, ScanSummary
from reports.thai import COMPONENT_STATUS_TH, STATUS_TH, clean_text, thai_date

BANGKOK = ZoneInfo("Asia/Bangkok")

SCAN_STATE_TH: dict[str, str] = {
    "running": "กำลังสแกน",
    "done": "เสร็จ",
    "failed": "ไม่สำเร็จ",
    "crashed": "หยุดกลางคัน",
}
STATE_STYLE = {"running": "cyan", "done": "green", "failed": "red", "crashed": "red"}
ERROR_MAX = 60


def bangkok_time(utc_naive: datetime) -> str:
    """A stored (naive UTC) time in Bangkok, e.g. "22 พ.ย. 2569 14:05"."""
    local = utc_naive.replace(tzinfo=UTC).astimezone(BANGKOK)
    return f"{thai_date(local.date())} {local:%H:%M}"


def _short(text: str, limit: int) -> str:
    text = clean_text(text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def history_table(scans: list[ScanSummary]) -> Table:
    site = scans[0].site_name or scans[0].site_url if scans else ""
    table = Table(title=Text(f"ประวัติการสแกน {clean_text(site)} (เวลาประเทศไทย)"))
    table.add_column("ครั้งที่", justify="right", no_wrap=True)
    table.add_column("วันเวลา", no_wrap=True)
    table.add_column("สถานะ", no_wrap=True)
    table.add_column("คะแนน", justify="right", no_wrap=True)
    table.add_column("ระดับ", no_wrap=True)
    table.add_column("ไม่ครบ", justify="right", no_wrap=True)
    table.add_column("ไม่พบ", justify="right", no_wrap=True)
    table.add_column("ตรวจไม่ได้", justify="right", no_wrap=True)
    table.add_column("หมายเหตุ", overflow="fold")
    for scan in scans:
        counts = scan.counts
        table.add_row(
            Text(str(scan.scan_id)),
            Text(bangkok_time(scan.started_at)),
            Text(SCAN_STATE_TH.get(scan.state, scan.state), style=STATE_STYLE.get(scan.state, "")),
            Text("-" if scan.score is None else f"{scan.score:.2f}"),
            Text(clean_text(scan.grade or "-")),
            *(Text(str(counts[s]) if counts else "-") for s in ("gap", "missing", "unknown")),
            Text(_note(scan), style="dim"),
        )
    return table


def _note(scan: ScanSummary) -> str:
    """The error of a scan that did not finish; for a recheck, which scan it re-checked."""
    if scan.kind == "recheck":
        return f"ตรวจซ้ำบางข้อ (oit recheck) จากครั้งที่ {scan.based_on} / recheck of scan {scan.based_on}"
    return _short(scan.error or "", ERROR_MAX)


def print_history(scans: list[ScanSummary], console: Console) -> None:
    console.print(history_table(scans))
    legend = f"{STATUS_TH['gap']} · {STATUS_TH['missing']} · {STATUS_TH['unknown']}: จำนวนข้อ"
    console.print(
        Text(f"ทั้งหมด {len(scans)} ครั้ง ({legend}) · ดูความเปลี่ยนแปลง: oit diff <เว็บไซต์> --from <ครั้งที่> --to <ครั้งที่>")
    )


def _status(status: str | None) -> Text:
    if status is None:
        return Text("(ไม่มีข้อนี้)", style="dim")
    return Text(STATUS_TH[status], style=STATUS_STYLE[status])


def _score_line(diff: ScanDiff) -> Text:
    text = Text("คะแนน OIT โดยประมาณ: ")
    before = "-" if diff.score_before is None else f"{diff.score_before:.2f}"
    after = "-" if diff.score_after is None else f"{diff.score_after:.2f}"
    text.append(f"{before} ({clean_text(diff.grade_before or '-')}) → ")
    text.append(f"{after} ({clean_text(diff.grade_after or '-')})", style="bold")
    if diff.score_before is not None and diff.score_after is not None:
        delta = diff.score_after - diff.score_before
        if abs(delta) >= 0.005:
            text.append(f"  {delta:+.2f}", style="green" if delta > 0 else "red")
    return text


def change_text(change: ItemChange) -> Text:
    text = Text(f"{change.code} {clean_text(change.title)}", style="bold")
    if change.before != change.after:
        text.append("\n  ผลการตรวจ: ")
        text.append_text(_status(change.before))
        text.append(" → ")
        text.append_text(_status(change.after))
    if change.went_unknown and change.unknown_reason:
        text.append(f"\n  ตรวจสอบไม่ได้เพราะ: {clean_text(change.unknown_reason)}", style="magenta")
    for gap in change.new_gaps:
        text.append(f"\n  + ประเด็นใหม่: {clean_text(gap.text_th)}", style="red")
    for gap in change.fixed_gaps:
        text.append(f"\n  ✓ แก้ไขแล้ว: {clean_text(gap.text_th)}", style="green")
    for comp in change.components:
        before = COMPONENT_STATUS_TH.get(comp.before or "", "(ไม่มี)")
        after = COMPONENT_STATUS_TH.get(comp.after or "", "(ไม่มี)")
        text.append(f"\n  องค์ประกอบ {clean_text(comp.label_th or comp.id)}: {before} → {after}")
    for url in change.evidence_broken:
        reason = change.broken_reasons.get(url, "")
        text.append(f"\n  ! หลักฐานเปิดไม่ได้ ({clean_text(reason)}): {clean_text(url)}", style="bold red")
    for url in change.evidence_added:
        text.append(f"\n  หลักฐานใหม่: {clean_text(url)}", style="dim")
    for url in change.evidence_removed:
        text.append(f"\n  หลักฐานที่ไม่ใช้แล้ว: {clean_text(url)}", style="dim")
    return text


def print_diff(diff: ScanDiff, console: Console, old: ScanSummary | None, new: ScanSummary | None) -> None:
    site = clean_text(diff.site_name or diff.site_url)
    header = Text(f"{site}\n", style="bold")
    header.append(f"เปรียบเทียบการสแกนครั้งที่ {diff.old_scan_id}")
    if old is not None:
        header.append(f" ({bangkok_time(old.started_at)})")
    header.append(f" กับครั้งที่ {diff.new_scan_id}")
    if new is not None:
        header.append(f" ({bangkok_time(new.started_at)})")
    console.print(header)
    console.print(_score_line(diff))
    if diff.is_empty:
        console.print(Text("ไม่มีการเปลี่ยนแปลง / no changes", style="green"))
        return
    for change in diff.changes:
        console.print(change_text(change))
    broken = sum(len(c.evidence_broken) for c in diff.changes)
    unknown = sum(c.went_unknown for c in diff.changes)
    console.print(
        Text(
            f"สรุป: ประเด็นใหม่ {diff.new_gaps_count} · แก้ไขแล้ว {diff.fixed_gaps_count} · "
            f"หลักฐานเปิดไม่ได้ {broken} · กลายเป็นตรวจสอบไม่ได้ {unknown} · ข้อที่เปลี่ยน {len(diff.changes)}"
        )
    )
