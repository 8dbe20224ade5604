"""A scan result as flat rows: one row per item, per gap, and per ITAS answer.

The Excel workbook, the CSV of gaps and the Markdown summary all read these rows, so every format says the
same thing in the same words. Text stays exactly as the site or the rules gave it; each writer escapes it
for its own format (HTML, spreadsheet formulas, Markdown).
"""

from __future__ import annotations

from pydantic import BaseModel

from reports.html_report import safe_href
from reports.models import ScanResult
from reports.thai import STATUS_TH
from rules.results import ItemResult

GAP_KIND_TH: dict[str, str] = {
    "data": "ด้านข้อมูล",
    "time": "ด้านเวลา",
    "rule": "ด้านเงื่อนไข",
    "not_found": "ไม่พบข้อมูล",
}
DESCRIPTION_MAX = 250  # ITAS notes are short; a long evidence title is cut with "…"


class ItemRow(BaseModel):
    code: str
    title: str
    status: str
    status_th: str
    gaps: int
    gain: float | None
    confidence: str | None
    subindicator: str | None
    evidence_url: str | None
    unknown_reason: str | None


class GapRow(BaseModel):
    code: str
    title: str
    status_th: str
    kind_th: str
    component: str | None
    component_label: str | None
    text_th: str
    hint_th: str | None
    evidence_url: str | None
    text_en: str | None


class ItasRow(BaseModel):
    """What an admin types into ITAS for one item: the answer, the URL and a short description."""

    code: str
    title: str
    answer_th: str  # มี / ไม่มี / ตรวจสอบเอง
    url: str | None
    more_urls: list[str]
    description_th: str
    note_th: str


def item_number(code: str) -> int:
    return int(code[1:]) if code[1:].isdigit() else 10**6


def evidence_links(item: ItemResult) -> list[str]:
    """The item's evidence URLs that can be opened (http/https), its evidence list first, no repeats."""
    urls = [e.url for e in item.evidence] + [c.evidence_url for c in item.components if c.evidence_url]
    return [u for u in dict.fromkeys(urls) if safe_href(u)]


def item_rows(result: ScanResult) -> list[ItemRow]:
    out = []
    for item in result.items:
        links = evidence_links(item)
        out.append(
            ItemRow(
                code=item.code,
                title=item.title,
                status=item.status,
                status_th=STATUS_TH[item.status],
                gaps=len(item.gaps),
                gain=item.gain,
                confidence=item.confidence,
                subindicator=item.subindicator,
                evidence_url=links[0] if links else None,
                unknown_reason=item.unknown_reason,
            )
        )
    return out


def gap_rows(result: ScanResult) -> list[GapRow]:
    """Every gap of every item, in item order, with the URL where the assessor would look for it."""
    out = []
    for item in result.items:
        components = {c.id: c for c in item.components}
        links = evidence_links(item)
        for gap in item.gaps:
            comp = components.get(gap.component or "")
            url = comp.evidence_url if comp and comp.evidence_url and safe_href(comp.evidence_url) else None
            out.append(
                GapRow(
                    code=item.code,
                    title=item.title,
                    status_th=STATUS_TH[item.status],
                    kind_th=GAP_KIND_TH.get(gap.kind, gap.kind),
                    component=gap.component,
                    component_label=comp.label_th if comp else None,
                    text_th=gap.text_th,
                    hint_th=gap.hint_th,
                    evidence_url=url or (links[0] if links else None),
                    text_en=gap.text_en,
                )
            )
    return out


def _shorten(text: str, limit: int = DESCRIPTION_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _itas_row(item: ItemResult) -> ItasRow:
    links = evidence_links(item)
    first_title = next((e.title for e in item.evidence if e.title and e.url in links[:1]), None)
    description = f"{item.code} {item.title}" + (f" – {first_title}" if first_title else "")
    if item.status == "pass":
        answer, note = "มี", "ผ่านการตรวจเบื้องต้น ส่ง URL นี้ได้"
    elif item.status == "gap" and links:
        answer, note = "มี", f"ยังไม่ครบองค์ประกอบ ({len(item.gaps)} ประเด็น) ควรแก้ไขก่อนส่ง"
    elif item.status == "unknown":
        answer = "ตรวจสอบเอง"
        note = f"ตรวจสอบไม่ได้: {item.unknown_reason or 'ไม่ระบุเหตุ'} เปิด URL ตรวจด้วยตนเองก่อนส่ง"
    else:
        answer, note = "ไม่มี", "ยังไม่พบข้อมูลบนเว็บไซต์ ต้องเผยแพร่ก่อนจึงจะมี URL ให้ส่ง"
    return ItasRow(
        code=item.code,
        title=item.title,
        answer_th=answer,
        url=links[0] if links else None,
        more_urls=links[1:],
        description_th=_shorten(description),
        note_th=_shorten(note),
    )


def itas_rows(result: ScanResult) -> list[ItasRow]:
    """One row per item, by item number, ready to paste into ITAS."""
    return [_itas_row(item) for item in sorted(result.items, key=lambda i: item_number(i.code))]
