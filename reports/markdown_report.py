"""A short Markdown summary for an e-mail or a chat message (LINE, Slack, Teams): reads as plain text too.

Website text is put on one line, stripped of control and bidi characters, and its Markdown and HTML
characters are backslash-escaped, so a page title cannot add links, images, HTML or formatting. Only plain
http(s) URLs are written, and always as bare URLs (which chat apps link by themselves).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from reports.html_report import safe_href
from reports.models import ScanDiff, ScanResult
from reports.rows import evidence_links
from reports.thai import STATUS_TH, clean_text, thai_date
from rules.results import ItemResult

_MARKDOWN_CHARS = re.compile(r"([\\`*_\[\]<>~&])")  # what can start markup in running text


def md_text(text: str | None) -> str:
    """Website or rule text as one inert line of Markdown."""
    return _MARKDOWN_CHARS.sub(r"\\\1", " ".join(clean_text(text or "").split()))


def md_url(url: str | None) -> str | None:
    """A URL that is safe to show as a link, with the characters that would end an autolink encoded."""
    if not url or not safe_href(url):
        return None
    return url.replace("<", "%3C").replace(">", "%3E").replace("`", "%60")


def _score_line(result: ScanResult) -> str:
    score = result.score
    if score is None or score.oit_estimate is None:
        return "คะแนนโดยประมาณ: ไม่ได้คำนวณ"
    line = f"คะแนน OIT โดยประมาณ: **{score.oit_estimate:.2f}**"
    if score.grade:
        line += f" ระดับ **{md_text(score.grade)}**" + (f" ({md_text(score.grade_th)})" if score.grade_th else "")
    if score.complete is False and score.oit_if_unknown_pass is not None:
        line += f" · สูงสุด {score.oit_if_unknown_pass:.2f} หากข้อที่ตรวจสอบไม่ได้ผ่านทั้งหมด"
    return line


def _diff_line(diff: ScanDiff) -> str:
    since = f"ครั้งที่ {diff.old_scan_id}" if diff.old_scan_id is not None else "ครั้งก่อน"
    line = f"เทียบกับการตรวจ{since} ({thai_date(diff.old_as_of)})"
    if diff.score_before is not None and diff.score_after is not None:
        delta = diff.score_after - diff.score_before
        line += f": คะแนน {diff.score_before:.2f} → {diff.score_after:.2f} ({delta:+.2f})"
    if diff.is_empty:
        return line + " · ไม่มีการเปลี่ยนแปลง"
    line += f" · ประเด็นใหม่ {diff.new_gaps_count} · แก้ไขแล้ว {diff.fixed_gaps_count}"
    return line + " · ข้อที่เปลี่ยน " + ", ".join(c.code for c in diff.changes)


def _item_lines(item: ItemResult) -> list[str]:
    head = f"- **{item.code}** {md_text(item.title)}: {STATUS_TH[item.status]}"
    if item.gain is not None:
        head += f" (แก้แล้วได้เพิ่มประมาณ {item.gain:.2f} คะแนน)"
    lines = [head]
    if item.status == "unknown":
        lines.append(f"  - เหตุ: {md_text(item.unknown_reason or 'ไม่ระบุเหตุ')}")
    for gap in item.gaps:
        lines.append(f"  - {md_text(gap.text_th)}")
        if gap.hint_th:
            lines.append(f"    แนวทางแก้ไข: {md_text(gap.hint_th)}")
    link = next((u for u in map(md_url, evidence_links(item)) if u), None)
    if link:
        lines.append(f"  - หลักฐาน: {link}")
    return lines


def render_markdown(result: ScanResult, diff: ScanDiff | None = None) -> str:
    """The summary: site, score, counts, changes since the previous scan, then what to fix, largest gain first."""
    counts = result.counts()
    lines = [
        f"**รายงานผลการตรวจ OIT เบื้องต้น: {md_text(result.site.name or result.site.url)}**",
        f"ITA {result.assessment_year} · ข้อมูล ณ {thai_date(result.as_of)}"
        + (" · ใช้เกณฑ์ชั่วคราว" if result.criteria.provisional else ""),
    ]
    site_url = md_url(result.site.url)
    if site_url:
        lines.append(site_url)
    lines += ["", _score_line(result), " · ".join(f"{STATUS_TH[s]} {n}" for s, n in counts.items())]
    if diff is not None:
        lines.append(_diff_line(diff))
    todo = [i for i in result.items if i.status != "pass"]
    todo.sort(key=lambda i: -i.gain if i.gain is not None else 1.0)  # biggest gain first, like the console
    if todo:
        lines += ["", "**ข้อที่ต้องแก้ไขหรือตรวจสอบ (เรียงตามคะแนนที่จะได้เพิ่ม)**"]
        for item in todo:
            lines += _item_lines(item)
    else:
        lines += ["", "ผ่านทุกข้อในการตรวจเบื้องต้น"]
    lines += [
        "",
        f"_สร้างโดย {md_text(result.tool.name)} {md_text(result.tool.version)} · ผลเบื้องต้น ไม่ใช่ผลการประเมินของ ป.ป.ช._",
    ]
    return "\n".join(lines) + "\n"


def write_markdown(result: ScanResult, path: str | os.PathLike[str], diff: ScanDiff | None = None) -> Path:
    """Write the Markdown summary (UTF-8), creating parent folders; returns the path written."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_markdown(result, diff), encoding="utf-8")
    return out
