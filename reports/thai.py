"""Thai wording shared by the reports: dates, durations and the labels of statuses and confidences."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from reports.models import FiscalYear
from rules.results import STATUS_TH
from rules.thaicalendar import BE_OFFSET

__all__ = [
    "COMPONENT_STATUS_TH",
    "CONFIDENCE_TH",
    "EVIDENCE_KIND_TH",
    "STATUS_TH",
    "clean_text",
    "confidence_meanings",
    "thai_date",
    "thai_duration",
    "thai_fiscal_year",
]

THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip

COMPONENT_STATUS_TH: dict[str, str] = {
    "present": "มี",
    "missing": "ไม่พบ",
    "unknown": "ตรวจสอบไม่ได้",
}

CONFIDENCE_TH: dict[str, str] = {
    "C": "อ้างอิงคู่มือ/ประกาศ ป.ป.ช.",
    "S": "พบจากหลายแหล่ง",
    "1": "แหล่งเดียว",
    "I": "อนุมาน",
}

EVIDENCE_KIND_TH: dict[str, str] = {
    "page": "หน้าเว็บ",
    "document": "เอกสาร",
    "external": "เว็บไซต์ภายนอก",
}

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def thai_date(value: date) -> str:
    """`date(2025, 10, 1)` -> "1 ต.ค. 2568" (Buddhist Era year, abbreviated month)."""
    return f"{value.day} {THAI_MONTHS_ABBR[value.month - 1]} {value.year + BE_OFFSET}"


def thai_fiscal_year(fy: FiscalYear) -> str:
    """The fiscal year as a Thai date range, e.g. "1 ต.ค. 2568 – 30 ก.ย. 2569"."""
    return f"{thai_date(fy.start)} – {thai_date(fy.end)}"


def thai_duration(seconds: float) -> str:
    """A duration in Thai, e.g. "12.3 วินาที", "4 นาที 5 วินาที", "1 ชั่วโมง 2 นาที"."""
    if seconds < 60:
        return f"{seconds:.1f} วินาที"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} นาที {secs} วินาที"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} ชั่วโมง {minutes} นาที"


def confidence_meanings(confidence: str | None) -> list[tuple[str, str]]:
    """Each confidence mark with its meaning: "1/I" -> [("1", "แหล่งเดียว"), ("I", "อนุมาน")].

    Marks may come bracketed ("[S]") or joined by "/" or ","; unknown marks are kept with no meaning.
    """
    if not confidence:
        return []
    marks = [m for m in re.split(r"[\s/,\[\]]+", confidence) if m]
    return [(m, CONFIDENCE_TH.get(m.upper(), "")) for m in marks]


def clean_text(text: str) -> str:
    """Website text made safe for one line of a terminal: control and bidi-override characters removed,
    line breaks and tabs turned into spaces (keeps Thai, including zero-width spaces)."""
    out = []
    for ch in text:
        if ch in "\t\n\r\v\f":
            out.append(" ")
        elif unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS:
            continue
        else:
            out.append(ch)
    return "".join(out)
