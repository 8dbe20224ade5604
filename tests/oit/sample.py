"""Scan results of a fictional อบต. site, built directly (for oit.watch.diff and oit.watch.alerts tests)."""

from __future__ import annotations

from datetime import date

from reports.models import CrawlStats, Criteria, FiscalYear, ScanResult, SiteInfo, ToolInfo
from rules.results import EvidenceRef, Gap, ItemResult, Score

SITE = "https://www.nongbuadaeng.go.th/"
NOGIFT_2569 = SITE + "docs/ita/2569/nogift-announcement-2569.pdf"
NOGIFT_PAGE = SITE + "ita/nogift-2569.html"
EXEC_PAGE = SITE + "about/executives.html"

NOT_SIGNED = Gap(
    kind="rule",
    component="nogift.announcement",
    text_th="ไม่เป็นไปตามหลักเกณฑ์ - ประกาศเจตนารมณ์ไม่ได้ลงนามโดยผู้บริหารสูงสุด (ผู้ลงนาม: นางวิไลวรรณ จันทร์หอม ปลัด อบต.)",
    text_en="Rule not met - the announcement is not signed by the top executive",
)
NO_PHOTO = Gap(
    kind="data",
    component="exec.photo",
    text_th="ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏรูปถ่ายของผู้บริหาร",
    text_en="Data missing - executives' photos",
)
NO_QA = Gap(
    kind="rule",
    component="contact.qa",
    text_th="ไม่เป็นไปตามหลักเกณฑ์ - ช่องทางถาม-ตอบ ไม่ใช่ช่องทางที่สื่อสารได้สองทาง",
    text_en="Rule not met - the Q&A channel is not interactive",
)


def item(code: str, status: str, gaps=(), evidence=(), components=(), reason=None) -> ItemResult:  # type: ignore[no-untyped-def]
    titles = {
        "O2": "ข้อมูลผู้บริหาร",
        "O3": "ข้อมูลการติดต่อ",
        "O10": "E-Service",
        "O20": "การขับเคลื่อนนโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
    }
    return ItemResult(
        code=code,
        title=titles.get(code, f"ข้อ {code}"),
        status=status,  # type: ignore[arg-type]
        gaps=list(gaps),
        evidence=[EvidenceRef(url=u, kind="document" if u.endswith(".pdf") else "page") for u in evidence],
        components=list(components),
        unknown_reason=reason,
    )


def result(scan_id: int, items: list[ItemResult], score: float | None = 66.67, as_of=date(2026, 5, 15)) -> ScanResult:  # type: ignore[no-untyped-def]
    return ScanResult(
        tool=ToolInfo(version="0.1.0"),
        site=SiteInfo(url=SITE, name="องค์การบริหารส่วนตำบลหนองบัวแดง"),
        assessment_year=2569,
        as_of=as_of,
        fiscal_year=FiscalYear(start=date(2025, 10, 1), end=date(2026, 9, 30)),
        criteria=Criteria(year=2569),
        crawl=CrawlStats(pages=37, documents=44),
        items=items,
        score=Score(oit_estimate=score, grade="C" if score and score >= 60 else "F"),
        scan_id=scan_id,
    )
