"""Terminal output: the end-of-scan summary and a quiet progress display for the crawl.

Website text is passed to rich as `Text` (never as markup) after `clean_text`, so a page title cannot
inject rich markup or terminal escape sequences.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reports.models import ScanResult
from reports.thai import STATUS_TH, clean_text, thai_duration, thai_fiscal_year
from rules.results import ItemResult

STATUS_STYLE: dict[str, str] = {
    "pass": "bold green",
    "gap": "bold yellow",
    "missing": "bold red",
    "unknown": "bold magenta",
}
FIRST_GAP_MAX = 90
URL_MAX = 70

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


def _shorten(text: str, limit: int) -> str:
    text = clean_text(text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _status_text(status: str) -> Text:
    return Text(STATUS_TH[status], style=STATUS_STYLE[status])


def _first_finding(item: ItemResult) -> str:
    if item.gaps:
        return _shorten(item.gaps[0].text_th, FIRST_GAP_MAX)
    if item.status == "unknown" and item.unknown_reason:
        return _shorten(item.unknown_reason, FIRST_GAP_MAX)
    return ""


def items_table(result: ScanResult) -> Table:
    """One row per item: code, title, status in Thai (coloured), number of gaps, first gap."""
    table = Table(title=Text("ผลการตรวจรายข้อ"), show_lines=False, expand=False)
    table.add_column("ข้อ", no_wrap=True)
    table.add_column("รายการ", ratio=3, overflow="fold")
    table.add_column("ผลการตรวจ", no_wrap=True)
    table.add_column("ประเด็น", justify="right", no_wrap=True)
    table.add_column("ประเด็นแรก", ratio=4, overflow="fold")
    for item in result.items:
        table.add_row(
            Text(item.code),
            Text(clean_text(item.title)),
            _status_text(item.status),
            Text(str(len(item.gaps))),
            Text(_first_finding(item)),
        )
    return table


def counts_text(result: ScanResult) -> Text:
    """The counts line, e.g. "ผ่าน 3 · ไม่ครบองค์ประกอบ 2 · …", each status in its colour."""
    text = Text("สรุป: ")
    for i, (status, count) in enumerate(result.counts().items()):
        if i:
            text.append(" · ")
        text.append(f"{STATUS_TH[status]} {count}", style=STATUS_STYLE[status])
    text.append(f"  (รวม {len(result.items)} ข้อ)")
    return text


def _header_text(result: ScanResult) -> Text:
    site = clean_text(result.site.name or result.site.url)
    text = Text(f"{site}\n", style="bold")
    text.append(
        f"ITA {result.assessment_year} · ปีงบประมาณ {thai_fiscal_year(result.fiscal_year)} · "
        f"เกณฑ์ปี {result.criteria.year}"
    )
    return text


def _score_text(result: ScanResult) -> Text | None:
    """Estimate, grade (and its Thai label), the range when some items are unknown, and the sub-indicators."""
    score = result.score
    if score is None or (score.oit_estimate is None and not score.grade):
        return None
    text = Text("คะแนน OIT โดยประมาณ: ")
    if score.oit_estimate is not None:
        text.append(f"{score.oit_estimate:.2f}", style="bold")
    if score.grade:
        text.append(f"  ระดับ {clean_text(score.grade)}", style="bold")
    if score.grade_th:
        text.append(f" ({clean_text(score.grade_th)})")
    if score.complete is False and score.oit_estimate is not None and score.oit_if_unknown_pass is not None:
        unknown = result.counts()["unknown"]
        text.append(
            f"\n  คะแนนประมาณการ {score.oit_estimate:.2f} (นับข้อที่ตรวจสอบไม่ได้เป็น 0) สูงสุด {score.oit_if_unknown_pass:.2f}"
        )
        if score.grade_if_unknown_pass:
            text.append(f" ระดับ {clean_text(score.grade_if_unknown_pass)}")
        text.append(f" หากข้อที่ตรวจสอบไม่ได้ผ่านทั้งหมด (ตรวจสอบไม่ได้ {unknown} ข้อ")
        if score.not_implemented:
            text.append(f" ในจำนวนนี้ยังไม่รองรับการตรวจ {score.not_implemented} ข้อ")
        text.append(")")
    if score.subindicators:
        parts = " · ".join(f"{clean_text(s.id)} {s.score:.2f}" for s in score.subindicators)
        text.append(f"\n  ตัวชี้วัดย่อย: {parts}", style="dim")
        if score.subindicator_confidence:
            text.append(f" (การจัดกลุ่มข้อ ระดับความเชื่อมั่น {clean_text(score.subindicator_confidence)})", style="dim")
    return text


def _crawl_text(result: ScanResult) -> Text:
    crawl = result.crawl
    return Text(
        f"สำรวจ {crawl.pages} หน้า · {crawl.documents} เอกสาร · ข้อผิดพลาด {crawl.errors} · "
        f"ใช้เวลา {thai_duration(crawl.duration_s)}"
    )


def _provisional_text(result: ScanResult) -> Text | None:
    criteria = result.criteria
    if not criteria.provisional:
        return None
    note = criteria.note_th or f"เกณฑ์ปี {result.assessment_year} ยังไม่ประกาศ ใช้เกณฑ์ปี {criteria.year}"
    return Text(f"⚠ ใช้เกณฑ์ชั่วคราว: {clean_text(note)}", style="bold red")


def gap_list(result: ScanResult) -> Text | None:
    """Every gap in full, in the assessors' wording, with its evidence URL and the fix: the admin's to-do list."""
    failing = [i for i in result.items if i.gaps]
    if not failing:
        return None
    # Largest gain first (the fix worth most points); items without a gain keep their order, last.
    failing.sort(key=lambda i: -i.gain if i.gain is not None else 1.0)
    text = Text("ประเด็นที่ต้องแก้ไข (เรียงตามคะแนนที่จะได้เพิ่ม) / gaps to fix, largest gain first", style="bold")
    for item in failing:
        text.append(f"\n{item.code} {clean_text(item.title)}", style="bold")
        if item.gain is not None:
            text.append(f"  แก้ข้อนี้จะได้เพิ่มประมาณ {item.gain:.2f} คะแนน", style="green")
        urls = {c.id: c.evidence_url for c in item.components if c.evidence_url}
        for gap in item.gaps:
            text.append(f"\n  - {clean_text(gap.text_th)}")
            where = urls.get(gap.component or "") or (item.evidence[0].url if item.evidence else None)
            if where:
                text.append(f"\n    หลักฐาน: {clean_text(where)}", style="dim")
            if gap.hint_th:
                text.append(f"\n    แนวทางแก้ไข: {clean_text(gap.hint_th)}", style="cyan")
    return text


def _paths_text(report_paths: Mapping[str, str]) -> Text:
    text = Text("รายงานที่บันทึก:")
    for kind, path in report_paths.items():
        text.append(f"\n  {clean_text(kind)}: ", style="bold")
        text.append(clean_text(str(path)))
    return text


def print_summary(
    result: ScanResult,
    console: Console | None = None,
    report_paths: dict[str, str] | None = None,
) -> None:
    """Print the end-of-scan summary: items table, counts, score, warnings and where reports went."""
    console = console or Console()
    console.print(_header_text(result))
    console.print(items_table(result))
    gaps = gap_list(result)
    if gaps is not None:
        console.print(gaps)
    console.print(counts_text(result))
    for extra in (_score_text(result), _crawl_text(result), _provisional_text(result)):
        if extra is not None:
            console.print(extra)
    for finding in result.crawl.findings:
        console.print(Text(f"• {clean_text(finding)}"))
    if report_paths:
        console.print(_paths_text(report_paths))


class CrawlProgress:
    """A transient spinner with page/document/queue counters while the crawler runs.

    Use as a context manager and call `update(...)` from the crawl loop. When the console is not a
    terminal (CI logs, pipes, cron) it is disabled and prints nothing; pass `enabled` to override.
    """

    def __init__(self, console: Console | None = None, *, enabled: bool | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self._progress = _progress(self.console) if self.enabled else None
        self._task: TaskID | None = None
        self._entered = False

    def __enter__(self) -> CrawlProgress:
        self._entered = True
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("crawl", total=None, pages=0, documents=0, queued=0, url="")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, pages: int, documents: int, queued: int, current_url: str) -> None:
        """Show the latest counters and the URL being fetched (shortened, control characters removed)."""
        if not self._entered:
            raise RuntimeError("CrawlProgress.update() called outside its `with` block")
        if self._progress is None or self._task is None:
            return  # disabled: nothing is shown
        self._progress.update(
            self._task,
            pages=pages,
            documents=documents,
            queued=queued,
            url=_shorten(current_url, URL_MAX),
        )


def _progress(console: Console) -> Progress:
    """The spinner line. rich.progress (with rich.live) is imported here, only when the console is a terminal:
    a scan run from cron or a pipe shows no progress and need not load it."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]กำลังสำรวจ[/]"),
        TextColumn("หน้า {task.fields[pages]} · เอกสาร {task.fields[documents]} · รอคิว {task.fields[queued]}"),
        TimeElapsedColumn(),
        TextColumn("{task.fields[url]}", style="dim", markup=False),
        console=console,
        transient=True,
    )
