"""The human report: one self-contained Thai HTML file (inline CSS, no scripts, no external requests; evidence
screenshots, when the scan took them, are inline data: URIs, see reports/screenshots.py).

Every string that came from a website is escaped by Jinja2 autoescaping, and a URL becomes a link only
when it is plain http(s); anything else (javascript:, data:, relative paths) is shown as text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from reports.chart import score_chart
from reports.models import ScanDiff, ScanResult, ScanSummary
from reports.screenshots import Screenshots, evidence_pictures
from reports.thai import (
    COMPONENT_STATUS_TH,
    CONFIDENCE_TH,
    EVIDENCE_KIND_TH,
    STATUS_TH,
    confidence_meanings,
    thai_date,
    thai_duration,
    thai_fiscal_year,
)

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "report.html.j2"
LINK_SCHEMES = frozenset({"http", "https"})

if TYPE_CHECKING:
    from jinja2 import Environment


def safe_href(url: str | None) -> str | None:
    """The URL if it is safe to put in href (absolute http/https, no spaces or control characters),
    else None. Browsers ignore tabs, newlines and leading spaces inside a scheme ("java\\tscript:"),
    so a URL holding any of them is never linked."""
    if not url or any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return url


@cache
def short_url(url: str, limit: int = 40) -> str:
    """The part of a URL a reader needs in a narrow column: its path and query, shortened in the middle."""
    parts = urlsplit(url)
    tail = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    tail = unquote(tail)
    return tail if len(tail) <= limit else tail[: limit // 2 - 1] + "…" + tail[-(limit // 2) :]


def environment() -> Environment:
    """The Jinja2 environment of the reports (autoescaping on for .html and .j2 templates).

    Jinja2 is imported here, when an HTML report is written: the other reports (JSON, Markdown, Excel, CSV) share
    this module's helpers, and a scan that writes none of them in HTML need not carry Jinja2's ~2 MB."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        safe_href=safe_href,
        short_url=short_url,
        thai_date=thai_date,
        thai_fiscal_year=thai_fiscal_year,
        thai_duration=thai_duration,
        confidence_meanings=confidence_meanings,
    )
    env.globals.update(
        STATUS_TH=STATUS_TH,
        COMPONENT_STATUS_TH=COMPONENT_STATUS_TH,
        CONFIDENCE_TH=CONFIDENCE_TH,
        EVIDENCE_KIND_TH=EVIDENCE_KIND_TH,
    )
    return env


def render_html(
    result: ScanResult,
    history: Sequence[ScanSummary] | None = None,
    diff: ScanDiff | None = None,
    screenshots: Screenshots | None = None,
) -> str:
    """The report as one HTML document (UTF-8 text).

    `history` (the site's scans, any order) draws the score chart; `diff` (previous scan -> this one) adds
    the "what changed" summary; `screenshots` (item code -> [(page URL, JPEG bytes)]) puts a picture of each
    item's evidence page in its card. All are optional: the caller reads them from the database.
    """
    template = environment().get_template(TEMPLATE_NAME)
    chart = score_chart(history or [], result.scan_id)
    pictures = evidence_pictures(screenshots)
    return template.render(result=result, counts=result.counts(), chart=chart, diff=diff, pictures=pictures)


def write_html(
    result: ScanResult,
    path: str | os.PathLike[str],
    history: Sequence[ScanSummary] | None = None,
    diff: ScanDiff | None = None,
    screenshots: Screenshots | None = None,
) -> Path:
    """Write the HTML report (UTF-8), creating parent folders; returns the path written."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(result, history, diff, screenshots), encoding="utf-8")
    return out
