"""Crawl settings: politeness and bounds. Filled from config.toml's [crawl] table and CLI flags."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

UNINSTALLED_VERSION = "0+unknown"  # PEP 440: version 0, local label "unknown"


@cache
def installed_version(distribution: str = "oit") -> str:
    """The version pyproject.toml gave the installed distribution, read from its metadata, so that the crawler (the
    lowest layer) names oit's version in its User-Agent without importing the app. A checkout run from PYTHONPATH
    without `pip install -e .` has no metadata: its requests say "0+unknown" rather than a version it may not be."""
    try:
        return version(distribution)
    except PackageNotFoundError:
        return UNINSTALLED_VERSION


class CrawlSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    contact: str = Field(
        "https://github.com/oit-ita/oit",
        description="URL or e-mail a site owner can use to reach whoever runs the crawler",
    )
    user_agent: str | None = Field(None, description="overrides the generated honest User-Agent")
    respect_robots: bool = True
    concurrency: int = Field(2, ge=1, le=64, description="requests in flight per host")
    delay: float = Field(1.0, ge=0, le=60, description="minimum seconds between request starts per host")
    timeout: float = Field(20.0, gt=0, le=300, description="seconds per request")
    retries: int = Field(2, ge=0, le=10, description="retries for timeouts and 5xx, with backoff")
    max_retry_after: float = Field(120.0, ge=0, description="longest Retry-After we wait for, seconds")
    max_pages: int = Field(3000, ge=1)
    max_documents: int = Field(400, ge=0)
    max_depth: int = Field(8, ge=0)
    max_page_bytes: int = Field(5_000_000, ge=1000)
    max_document_bytes: int = Field(40_000_000, ge=1000)
    max_duration: float = Field(
        1800.0, gt=0, description="seconds for the whole scan: robots.txt, sitemaps, crawl, documents, rendering, rules"
    )
    max_ocr_pages: int = Field(300, ge=0, description="scanned pages OCR'd in one scan (0 turns OCR off)")
    max_ocr_pages_per_document: int = Field(20, ge=0, description="OCR'd pages per document (its first ones)")
    extract_timeout: float = Field(
        300.0, gt=0, description="seconds to read the text of one document (PDF, Office, OCR of an image)"
    )
    worker_memory_mb: int = Field(
        512,
        ge=256,
        le=65536,
        description="address space of each process that reads a document (PDF text, OCR): a file needing more"
        " is reported unknown, not read (crawler/workers.py)",
    )
    max_redirects: int = Field(10, ge=0, le=30)
    allow_subdomains: bool = False
    read_sitemaps: bool = True
    follow_links: bool = Field(True, description="queue the links of fetched pages (oit recheck: only given URLs)")
    encoding: str | None = Field(None, description="force this charset for every page (per-site override)")
    # Pages that build their content with JavaScript (crawler/render.py). "auto" renders only the pages that need
    # it, in Debian's Chromium; "off" never starts a browser (such pages then make their items "unknown").
    render: Literal["auto", "off"] = "auto"
    browser_path: str = Field("/usr/bin/chromium", description="Chromium executable (apt-get install chromium)")
    render_timeout: float = Field(15.0, gt=0, le=300, description="seconds to render one page")
    render_recycle_pages: int = Field(200, ge=1, description="restart the browser after this many pages")
    render_memory_mb: int = Field(1500, ge=100, description="restart the browser when its processes use more")
    browsers_per_process: int = Field(
        2,
        ge=1,
        description="browsers alive at once in one process (a fleet worker's concurrent scans share them; a crawl"
        " that finds all taken waits, at most until its deadline)",
    )
    render_idle_seconds: float = Field(
        20.0, gt=0, description="a browser idle this long is closed when another crawl waits for one"
    )
    max_rendered_pages: int = Field(300, ge=0, description="pages rendered in one scan (a budget, like max_pages)")
    screenshots: bool = Field(False, description="keep a picture of each item's evidence page with the scan")
    # Re-scans (crawler/revisit.py): a page or file that has not changed for a long time is not asked for in every
    # scan. It is asked again after a tenth of the time it has been unchanged, and at least every
    # `revisit_max_days`; pages within `revisit_depth` links of the home page and every item's evidence are asked
    # for in every scan.
    revisit_max_days: float = Field(
        7.0, ge=0, le=365, description="longest time an unchanged page goes unasked (0: ask for every URL every scan)"
    )
    revisit_depth: int = Field(1, ge=0, description="pages this many links from the home page are asked every scan")

    def agent(self) -> str:
        if self.user_agent:
            return self.user_agent
        return f"oit/{installed_version()} (ITA open-data self-check; +{self.contact})"

    @property
    def robots_token(self) -> str:
        return "oit"
