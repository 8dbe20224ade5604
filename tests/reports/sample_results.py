"""Realistic scan results for the report tests (ITA 2569 catalog, criteria.md sections 3 and 5)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from reports.models import CrawlStats, Criteria, FiscalYear, ScanResult, SiteInfo, ToolInfo
from rules.results import ComponentResult, EvidenceRef, Gap, ItemResult, Score

if TYPE_CHECKING:
    from reports.models import ScanSummary

SITE = "https://www.nakhlang.go.th"

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS_URL = "javascript:alert(1)"


def _o1_pass() -> ItemResult:
    url = f"{SITE}/public/list/data/index/menu/1144"
    return ItemResult(
        code="O1",
        title="โครงสร้างและอำนาจหน้าที่",
        status="pass",
        confidence="S",
        subindicator="9.1",
        evidence=[EvidenceRef(url=url, kind="page", found_via="ita_index", title="โครงสร้างส่วนราชการ")],
        components=[
            ComponentResult(
                id="org.chart",
                status="present",
                label_th="แผนผังโครงสร้างการแบ่งส่วนราชการ",
                evidence_url=url,
                snippet="แผนผังโครงสร้างเทศบาลตำบลนากลาง",
            ),
            ComponentResult(
                id="org.units",
                status="present",
                label_th="ตำแหน่งที่สำคัญและการแบ่งส่วนงานภายใน",
                evidence_url=url,
                snippet="สำนักปลัดเทศบาล กองคลัง กองช่าง",
            ),
            ComponentResult(
                id="org.authority",
                status="present",
                label_th="ข้อมูลหน้าที่และอำนาจของหน่วยงาน",
                evidence_url=f"{SITE}/authority",
                snippet="อำนาจหน้าที่ตามมาตรา 50 พ.ร.บ.เทศบาล",
            ),
        ],
    )


def _o3_gap() -> ItemResult:
    url = f"{SITE}/contact"
    return ItemResult(
        code="O3",
        title="ข้อมูลการติดต่อและช่องทางการสอบถาม",
        status="gap",
        confidence="1/I",
        subindicator="9.1",
        evidence=[EvidenceRef(url=url, kind="page", found_via=None)],
        components=[
            ComponentResult(
                id="contact.address",
                status="present",
                label_th="ที่อยู่ของหน่วยงาน",
                evidence_url=url,
                snippet="หมู่ 1 ตำบลนากลาง อำเภอสูงเนิน จังหวัดนครราชสีมา 30170",
            ),
            ComponentResult(
                id="contact.phone",
                status="present",
                label_th="หมายเลขโทรศัพท์",
                evidence_url=url,
                snippet="โทร. 0-4400-0000",
            ),
            ComponentResult(
                id="contact.qa", status="missing", label_th="ช่องทางถาม-ตอบที่สื่อสารได้สองทาง (Q&A)", reason="พบเพียงที่อยู่อีเมล"
            ),
        ],
        gaps=[
            Gap(
                kind="data",
                component="contact.qa",
                text_th="ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏช่องทางถาม-ตอบที่สื่อสารได้สองทาง (Q&A)",
                text_en="Data incomplete - no two-way Q&A channel",
                hint_th="เพิ่มกระดานถาม-ตอบหรือ LINE Official Account ที่เข้าถึงได้จากเว็บไซต์หลัก",
            ),
        ],
    )


def _o10_gap() -> ItemResult:
    url = f"{SITE}/eservice"
    return ItemResult(
        code="O10",
        title="ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
        status="gap",
        confidence="1",
        subindicator="9.2",
        evidence=[EvidenceRef(url=url, kind="page", found_via="site_search")],
        components=[
            ComponentResult(
                id="eservice.online",
                status="present",
                label_th="ระบบการให้บริการออนไลน์ (E-Service)",
                evidence_url="https://forms.gle/abc123",
                snippet="แบบคำร้องออนไลน์",
            ),
            ComponentResult(id="eservice.usage_guide", status="missing", label_th="รายละเอียดวิธีการใช้งานระบบการให้บริการ"),
        ],
        gaps=[
            Gap(
                kind="data",
                component="eservice.usage_guide",
                text_th="ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏรายละเอียดวิธีการใช้งานระบบการให้บริการ",
                text_en="Data incomplete - no instructions for using the e-service",
                hint_th="เพิ่มขั้นตอนการใช้งานระบบไว้ในหน้าเดียวกับลิงก์ E-Service",
            ),
        ],
    )


def _o12_gap() -> ItemResult:
    doc = f"{SITE}/files/สรุปผลจัดซื้อจัดจ้าง2568.pdf"
    return ItemResult(
        code="O12",
        title="รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
        status="gap",
        confidence="1",
        subindicator="9.3",
        evidence=[
            EvidenceRef(
                url=doc,
                kind="document",
                found_via="ita_index",
                title="รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567",
            )
        ],
        components=[
            ComponentResult(
                id="procure.annual_report", status="present", label_th="รายงานผลการจัดซื้อจัดจ้างประจำปี", evidence_url=doc
            ),
            ComponentResult(
                id="procure.vendor_tax_id",
                status="missing",
                label_th="เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับคัดเลือก",
            ),
        ],
        gaps=[
            Gap(
                kind="data",
                component="procure.vendor_tax_id",
                text_th="ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏข้อมูลทั้งหมดในหัวข้อราคากลางและเลขประจำตัว"
                "ผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับคัดเลือก",
            ),
            Gap(
                kind="time",
                text_th="ไม่ครบองค์ประกอบด้านเวลา - เป็นข้อมูลปีงบประมาณ พ.ศ. 2567",
                text_en="Time incomplete - the report is for fiscal year 2567, not 2568",
                hint_th="เผยแพร่รายงานสรุปผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568",
            ),
        ],
    )


def _o20_missing() -> ItemResult:
    return ItemResult(
        code="O20",
        title="การขับเคลื่อนนโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
        status="missing",
        confidence="S",
        subindicator="10.1",
        components=[
            ComponentResult(
                id="nogift.announcement", status="missing", label_th="ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy)"
            ),
            ComponentResult(id="nogift.activity", status="missing"),
        ],
        gaps=[
            Gap(
                kind="not_found",
                text_th="ไม่พบข้อมูล",
                text_en="No evidence found",
                hint_th="เผยแพร่ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. 2569 ที่ลงนามโดยนายกเทศมนตรี",
            )
        ],
    )


def _o26_unknown() -> ItemResult:
    doc = f"{SITE}/files/ita/o26.pdf"
    return ItemResult(
        code="O26",
        title="รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        status="unknown",
        unknown_reason="ไฟล์ PDF เป็นภาพสแกนที่อ่านข้อความไม่ได้",
        confidence="1",
        subindicator="10.2",
        evidence=[EvidenceRef(url=doc, kind="document", found_via="ita_index")],
        components=[
            ComponentResult(
                id="integrity.report",
                status="unknown",
                label_th="รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส",
                evidence_url=doc,
                reason="อ่านข้อความจากไฟล์ไม่ได้",
            ),
        ],
    )


def build_result(*, provisional: bool = False, score: Score | None = None) -> ScanResult:
    year = 2570 if provisional else 2569
    return ScanResult(
        tool=ToolInfo(version="0.1.0"),
        site=SiteInfo(url=SITE, name="เทศบาลตำบลนากลาง"),
        assessment_year=year,
        as_of=date(year - 543, 4, 30),
        fiscal_year=FiscalYear(start=date(year - 544, 10, 1), end=date(year - 543, 9, 30)),
        criteria=Criteria(
            year=2569,
            provisional=provisional,
            note_th="เกณฑ์ปี 2570 ยังไม่ประกาศ ใช้เกณฑ์ปี 2569" if provisional else None,
        ),
        crawl=CrawlStats(pages=412, documents=87, errors=5, duration_s=263.4, findings=["ใบรับรอง TLS ของเว็บไซต์หมดอายุ"]),
        items=[_o1_pass(), _o3_gap(), _o10_gap(), _o12_gap(), _o20_missing(), _o26_unknown()],
        score=score,
        scan_id=7,
    )


def build_scored_result() -> ScanResult:
    """The same scan with the score and gains that rules.score computes, as oit.scan.pipeline fills them.

    By hand: 9.1 = (100 + 0) / 2 = 50, 9.2 = 0, 9.3 = 0 → indicator 9 = 16.67; 10.1 = 0, 10.2 = 0 (O26
    unknown) → indicator 10 = 0; OIT = 8.33 (F). Ceiling with O26 passing: 10.2 = 100 → 10 = 50 → 33.33.
    Gains: O3 100/(2×3×2) = 8.33, O10 and O12 100/(1×3×2) = 16.67, O20 and O26 100/(1×2×2) = 25.
    """
    from rules.score import apply_gains, estimate

    result = build_result()
    score = estimate(result.items, "I")
    return result.model_copy(update={"score": score, "items": apply_gains(result.items, score)})


def hostile_item() -> ItemResult:
    """An item whose website-supplied strings try to inject markup and script."""
    return ItemResult(
        code="O4",
        title=f"ข่าวประชาสัมพันธ์ {XSS_SCRIPT}",
        status="gap",
        unknown_reason=XSS_IMG,
        confidence=XSS_IMG,
        evidence=[
            EvidenceRef(url=XSS_URL, kind="page", title=XSS_SCRIPT),
            EvidenceRef(url=" JaVaScRiPt:alert(2)", kind="page"),
            EvidenceRef(url="java\tscript:alert(3)", kind="page"),
            EvidenceRef(url="data:text/html,<script>alert(4)</script>", kind="page"),
            EvidenceRef(url=f'{SITE}/news?q="><script>alert(1)</script>', kind="page", found_via=XSS_IMG),
        ],
        components=[
            ComponentResult(
                id="news.current",
                status="present",
                label_th=XSS_SCRIPT,
                evidence_url=XSS_URL,
                snippet=XSS_IMG,
                reason=XSS_SCRIPT,
            ),
        ],
        gaps=[Gap(kind="rule", text_th=XSS_SCRIPT, text_en=XSS_IMG, hint_th=XSS_SCRIPT)],
    )


def build_hostile_result() -> ScanResult:
    result = build_result()
    return result.model_copy(
        update={
            "site": SiteInfo(url=XSS_URL, name=XSS_SCRIPT),
            "items": [hostile_item()],
            "crawl": CrawlStats(findings=[XSS_IMG]),
            "score": Score(oit_estimate=None, grade=XSS_SCRIPT),
        }
    )


def build_previous_result() -> ScanResult:
    """The scan before `build_scored_result`: O3 still passed, O10 had no gap yet and O26 was missing."""
    from rules.score import apply_gains, estimate

    current = build_result()
    items = []
    for item in current.items:
        if item.code == "O3":
            item = item.model_copy(update={"status": "pass", "gaps": []})
        elif item.code == "O10":
            item = item.model_copy(update={"status": "pass", "gaps": [], "evidence": []})
        elif item.code == "O26":
            item = _o20_missing().model_copy(update={"code": "O26", "title": item.title, "subindicator": "10.2"})
        items.append(item)
    score = estimate(items, "I")
    return current.model_copy(
        update={"items": apply_gains(items, score), "score": score, "scan_id": 5, "as_of": date(2026, 3, 31)}
    )


def build_scan_history() -> list[ScanSummary]:
    """Four scans of the site, newest first: a failed one, then three finished with rising scores."""
    from reports.models import ScanSummary

    def summary(scan_id: int, day: date, score: float | None, grade: str | None, state: str = "done") -> ScanSummary:
        return ScanSummary(
            scan_id=scan_id,
            site_url=SITE,
            site_name="เทศบาลตำบลนากลาง",
            state=state,
            started_at=datetime(day.year, day.month, day.day, 19, 0),
            finished_at=datetime(day.year, day.month, day.day, 19, 5) if state == "done" else None,
            assessment_year=2569,
            as_of=day,
            score=score,
            grade=grade,
            counts={},
            error="เปิดหน้าแรกไม่ได้" if state == "failed" else None,
        )

    return [
        summary(7, date(2026, 4, 30), 8.33, "F"),
        summary(6, date(2026, 4, 15), None, None, state="failed"),
        summary(5, date(2026, 3, 31), 33.33, "F"),
        summary(3, date(2026, 2, 28), 25.0, "F"),
    ]
