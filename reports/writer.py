"""Write a scan's reports in the formats asked for: HTML, Excel, CSV of gaps, Markdown, contract JSON.

`oit scan`, `oit report` and `oit demo` all come through here. With no path given, the default formats go
into a folder under a name made of the site's host, the assessment year and the scan id.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel

from reports.html_report import write_html
from reports.json_report import write_json
from reports.markdown_report import write_markdown
from reports.models import ScanDiff, ScanResult, ScanSummary
from reports.screenshots import Screenshots

# The CSV repeats the workbook's Gaps sheet, so it is written only when asked for.
DEFAULT_FORMATS = ("json", "html", "xlsx", "md")
LABELS = {"json": "JSON", "html": "HTML", "xlsx": "Excel", "csv": "CSV", "md": "Markdown"}


class ReportPaths(BaseModel):
    json_path: Path | None = None
    html: Path | None = None
    xlsx: Path | None = None
    csv: Path | None = None
    md: Path | None = None

    def any(self) -> bool:
        return any(p is not None for p in self.model_dump().values())


def report_stem(result: ScanResult) -> str:
    """e.g. "www.nakhlang.go.th-2569-scan7"."""
    host = urlsplit(result.site.url).hostname or "site"
    safe_host = "".join(ch if ch.isalnum() or ch in ".-" else "_" for ch in host)
    return f"{safe_host}-{result.assessment_year}-scan{result.scan_id or 0}"


def default_paths(result: ScanResult, folder: Path, formats: Sequence[str] = DEFAULT_FORMATS) -> ReportPaths:
    stem = report_stem(result)
    return ReportPaths(**{("json_path" if f == "json" else f): folder / f"{stem}.{f}" for f in formats})


def write_all(
    result: ScanResult,
    paths: ReportPaths,
    history: Sequence[ScanSummary] | None = None,
    diff: ScanDiff | None = None,
    screenshots: Screenshots | None = None,
) -> dict[str, str]:
    """Write every report that has a path; returns {format label: path written}, in a fixed order. Only the
    HTML report shows the evidence screenshots."""
    written: dict[str, str] = {}
    if paths.json_path is not None:
        written[LABELS["json"]] = str(write_json(result, paths.json_path))
    if paths.html is not None:
        written[LABELS["html"]] = str(write_html(result, paths.html, history, diff, screenshots))
    if paths.xlsx is not None:
        from reports.xlsx_report import write_xlsx  # openpyxl: imported only when a workbook is written

        written[LABELS["xlsx"]] = str(write_xlsx(result, paths.xlsx, diff))
    if paths.csv is not None:
        from reports.csv_report import write_csv

        written[LABELS["csv"]] = str(write_csv(result, paths.csv))
    if paths.md is not None:
        written[LABELS["md"]] = str(write_markdown(result, paths.md, diff))
    return written
