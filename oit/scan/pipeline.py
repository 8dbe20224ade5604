"""One scan, end to end: crawl → store → find evidence → check → result.

This is the only module that knows every stage; each stage knows only its own inputs.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from crawler.browser import BrowserStep
from crawler.engine import Crawler, CrawlOptions, Progress
from crawler.failures import describe_failures
from crawler.frontier import names_ita
from crawler.models import CrawlResult, SkippedUrl
from crawler.settings import CrawlSettings
from crawler.thaitext import match_key
from crawler.traps import REASONS_TH, describe_skips
from crawler.urls import first_urls, looks_like_document, normalize
from oit import __version__
from oit.config import Config, SiteConfig
from oit.scan.memtrace import mark
from oit.scan.rendering import (
    browser_notes,
    browser_verdicts,
    load_patterns,
    save_patterns,
    second_pass,
    take_screenshots,
)
from oit.store.database import ScanStore, StoredSite, open_engine
from reports.models import CrawlStats, Criteria, FiscalYear, ScanResult, SiteInfo, ToolInfo
from rules.catalog import ItemDef, load_catalog
from rules.discovery import parse_code
from rules.evaluate import evaluate_site
from rules.results import ItemResult
from rules.score import apply_gains, estimate
from rules.thaicalendar import assessment_year_for, fiscal_year_bounds

BANGKOK = ZoneInfo("Asia/Bangkok")
# Of a scan's max_duration, the share kept back from the crawl (and its second pass and screenshots) so that judging
# and storing the result still happen inside it: judging is CPU-bound and bounded (~2.5 s on a 2,000-page site).
JUDGE_RESERVE = 0.1
MAX_JUDGE_RESERVE = 60.0  # seconds
# When at least this share of the pages the crawl asked for could not be read (and at least MIN_FAILED_PAGES), the
# site was not really crawled (a rate limit, a failing server): no item can be proven missing.
FAILED_SHARE = 0.5
MIN_FAILED_PAGES = 3


class ScanError(Exception):
    """The scan could not run at all (site unreachable, robots forbids everything). Thai first."""


@dataclass
class ScanRequest:
    url: str
    year: int | None = None
    as_of: date | None = None
    site: SiteConfig | None = None
    max_pages: int | None = None
    concurrency: int | None = None
    delay: float | None = None
    # Take pages and files long unchanged from the previous scan without asking (crawler/revisit.py), as the
    # nightly scans of `oit schedule` do. Off for a scan asked for by hand: the admin wants what is there now.
    revisit: bool = False


def today_in_bangkok() -> date:
    return datetime.now(BANGKOK).date()


def crawl_settings(config: Config, request: ScanRequest) -> CrawlSettings:
    overrides: dict[str, object] = {}
    if request.max_pages is not None:
        overrides["max_pages"] = request.max_pages
    if request.concurrency is not None:
        overrides["concurrency"] = request.concurrency
    if request.delay is not None:
        overrides["delay"] = request.delay
    if not request.revisit:
        overrides["revisit_max_days"] = 0.0
    if request.site and request.site.encoding:
        overrides["encoding"] = request.site.encoding
    if request.site and request.site.allow_subdomains is not None:
        overrides["allow_subdomains"] = request.site.allow_subdomains
    return config.crawl.model_copy(update=overrides)


def run_scan(
    config: Config,
    request: ScanRequest,
    progress: Progress | None = None,
    on_crawler: Callable[[Crawler], None] | None = None,
) -> ScanResult:
    mark("imports")
    began = time.monotonic()  # max_duration counts from here: robots.txt, sitemaps, crawl, second pass, screenshots
    start = normalize(request.url)
    if start is None:
        raise ScanError(f"URL ไม่ถูกต้อง: {request.url} / not an http(s) URL")
    as_of = request.as_of or today_in_bangkok()
    year = request.year or assessment_year_for(as_of)
    catalog = load_catalog(year)
    declared = request.site.items if request.site else {}
    engine = open_engine(config.database_url)
    store = ScanStore(engine, start, request.site.name if request.site else None, year, as_of)
    try:
        settings = crawl_settings(config, request)
        extra = [u for urls in declared.values() for u in urls]
        options = CrawlOptions(
            deadline=began + settings.max_duration - min(MAX_JUDGE_RESERVE, JUDGE_RESERVE * settings.max_duration),
            # Asked for in every scan, whatever the revisit policy says (crawler/revisit.py): where changes matter.
            always_ask=frozenset({*extra, *store.previous_evidence()}),
        )
        # Pages that needed the browser in earlier scans go to it at once.
        browser = BrowserStep(settings, load_patterns(engine, start))
        crawler = Crawler(settings, store, progress, options, browser=browser)
        if on_crawler is not None:
            on_crawler(crawler)  # the scheduler keeps it, to stop() it on shutdown
        site = StoredSite(engine, store.scan_id, start)
        judge = partial(evaluate_site, site, catalog, year, as_of, declared)
        mark("setup")
        crawl, items, notes = asyncio.run(_crawl_and_judge(crawler, store, start, extra, judge))
        name = request.site.name if request.site else _home_title(site, start)
        if crawl.not_asked:
            notes.append(
                f"{crawl.not_asked} หน้าและไฟล์ที่ไม่เปลี่ยนมานานใช้สำเนาจากการสแกนครั้งก่อนโดยไม่ได้ถามเซิร์ฟเวอร์"
                f" (oit scan โดยไม่ใส่ --quick จะถามใหม่ทั้งหมด) / {crawl.not_asked} pages and files unchanged for long were"
                " taken from the previous scan without asking the server"
            )
        if crawl.stopped_reason:
            items = [_unknown_if_missing(i, crawl.stopped_reason) for i in items]
        skipped = list(crawl.skipped.values())
        items = [_unknown_if_skipped(i, catalog.item(i.code), skipped) for i in items]
        blanket = _unread_index(crawl, [d for d in (catalog.item(i.code) for i in items) if d])
        items = [_unknown_if_failed(i, catalog.item(i.code), list(crawl.failed.values()), blanket) for i in items]
        score = estimate(items, catalog.subindicator_confidence)
        items = apply_gains(items, score)
        fy_start, fy_end = fiscal_year_bounds(year)
        result = ScanResult(
            tool=ToolInfo(version=__version__),
            site=SiteInfo(url=start, name=name),
            assessment_year=year,
            as_of=as_of,
            fiscal_year=FiscalYear(start=fy_start, end=fy_end),
            criteria=Criteria(year=catalog.year, provisional=catalog.provisional, note_th=catalog.note_th),
            crawl=CrawlStats(
                pages=crawl.pages,
                documents=crawl.documents,
                errors=crawl.errors,
                duration_s=crawl.duration_s,
                findings=_findings(crawl, notes),
            ),
            items=items,
            score=score,
            scan_id=store.scan_id,
        )
        store.finish(
            result.model_dump_json(),
            [i.model_dump(mode="json") for i in items],
            crawl.pages,
            crawl.documents,
            crawl.errors,
            crawl.duration_s,
            unchanged=crawl.unchanged,
            not_asked=crawl.not_asked,
        )
        mark("finish")
        return result
    except BaseException as exc:
        store.fail(failure_text(exc))
        raise
    # The engine is the process's (oit.store.open_engine), shared by the scans a worker or the scheduler runs at once:
    # it is not disposed here. Disposing it left a session another scan held open in the discarded pool until the
    # collector ran (a 16-thread fleet worker ran PostgreSQL out of sessions). `oit scan` closes it before it leaves.


async def _crawl_and_judge(
    crawler: Crawler,
    store: ScanStore,
    start: str,
    extra: list[str],
    judge: Callable[[], tuple[list[ItemResult], list[str]]],
) -> tuple[CrawlResult, list[ItemResult], list[str]]:
    """Crawl, evaluate, and use the browser again where that may change a verdict: in one event loop, so that
    one browser serves the crawl, the second pass and the screenshots (a browser cannot outlive its loop)."""
    async with crawler.one_browser():
        crawl = await crawler.run(start, extra)
        mark("crawl")
        store.flush()
        mark("flush")
        _raise_if_stopped(crawl)
        if crawl.start_error or start in crawl.robots_disallowed:
            raise ScanError(_cannot_start(start, crawl.start_error))
        if crawl.pages == 0 and crawl.stopped_reason:  # the time limit struck before the home page was read
            raise ScanError(_cannot_start(start, crawl.stopped_reason))
        items, notes = judge()
        mark("judge")
        if await second_pass(crawler, store, crawl, items):  # missing items, pages partly built by scripts
            items, notes = judge()
        _raise_if_stopped(crawl)  # stop() during the second pass: its result is no scan's
        items, notes = browser_verdicts(items, crawl), [*notes, *browser_notes(crawl)]
        save_patterns(store.engine, start, crawler.shell_memory)
        notes += await take_screenshots(store.engine, store.scan_id, crawler, items)  # when switched on
    return crawl, items, notes


def _raise_if_stopped(crawl: CrawlResult) -> None:
    """Crawler.stop() (the scheduler shutting down) ended the crawl: the scan fails with the stop's reason, its pages
    kept, rather than judging a site half read."""
    if crawl.stopped:
        raise ScanError(crawl.stopped_reason or STOPPED_TH_EN)


STOPPED_TH_EN = "การสแกนถูกสั่งหยุดก่อนเสร็จ (Ctrl+C หรือ SIGTERM) / the scan was stopped before it finished"


def failure_text(exc: BaseException) -> str:
    """What the scan row says when a scan ends without a result (Thai / English when it was stopped)."""
    if isinstance(exc, KeyboardInterrupt | SystemExit) and not isinstance(exc.args[0] if exc.args else None, str):
        return (
            STOPPED_TH_EN  # Ctrl+C, SIGTERM (oit/cli/commands.py); a stop that says why (oit schedule) keeps its words
        )
    return str(exc) or type(exc).__name__


_GENERIC_TITLE = re.compile(r"^(หน้าหลัก|หน้าแรก|home|homepage|welcome|ยินดีต้อนรับ.*)$", re.IGNORECASE)


def _home_title(site: StoredSite, start: str) -> str | None:
    """Without a configured name, the home page's title names the agency (shown in every report); generic
    parts such as "หน้าหลัก -" are dropped."""
    home = site.page(start)
    if home is None or not home.title:
        return None
    parts = [p.strip() for p in re.split(r"\s[-–|:]\s", home.title) if p.strip()]
    named = [p for p in parts if not _GENERIC_TITLE.match(p)] or parts
    return " - ".join(named)[:200]


def _cannot_start(start: str, error: str | None) -> str:
    if error:
        return f"เปิดหน้าแรกของเว็บไซต์ {start} ไม่ได้: {error} / cannot open the site's home page"
    return f"robots.txt ของ {start} ไม่อนุญาตให้เก็บข้อมูลหน้าแรก / robots.txt disallows the home page"


def _unknown_if_missing(item: ItemResult, reason: str) -> ItemResult:
    """Evidence that was not found in a crawl cut short may simply not have been reached."""
    if item.status != "missing":
        return item
    return _unknown(
        item,
        f"การเก็บข้อมูลสิ้นสุดก่อนครบทุกหน้า ({reason}) จึงยังสรุปไม่ได้ว่าไม่มีข้อมูล"
        " / the crawl stopped early, so absence is not proven",
    )


def _unknown(item: ItemResult, reason: str) -> ItemResult:
    """The item as "unknown" for `reason` (Thai / English): absence not proven, so no gaps either."""
    return item.model_copy(update={"status": "unknown", "gaps": [], "unknown_reason": reason})


def _unknown_if_skipped(item: ItemResult, definition: ItemDef | None, skipped: list[SkippedUrl]) -> ItemResult:
    """An item found missing while URLs whose label or address name it were not fetched (crawler/traps.py) is not
    proven missing: it is unknown, and the URLs are named so that the user can open them."""
    if item.status != "missing" or definition is None or not skipped:
        return item
    named = [s for s in skipped if _names_item(s, definition)]
    if not named:
        return item
    urls = first_urls([unquote(s.url) for s in named])
    reasons = sorted({s.reason for s in named})
    thai = ", ".join(REASONS_TH.get(r, r) for r in reasons)
    return _unknown(
        item,
        f"ไม่ได้เปิด {len(named)} URL ที่อาจเป็นหลักฐานของข้อนี้ ({thai}) จึงยังสรุปไม่ได้ว่าไม่มีข้อมูล"
        f" / {len(named)} URLs that may hold this item were not fetched ({', '.join(reasons)}),"
        f" so absence is not proven: {urls}",
    )


Unread = tuple[str, list[SkippedUrl]]  # why any item may sit behind failed pages (Thai / English), and which


def _unknown_if_failed(
    item: ItemResult, definition: ItemDef | None, failed: list[SkippedUrl], blanket: Unread | None
) -> ItemResult:
    """An item found missing while pages that may hold it could not be read (refused, timed out; crawler/failures.py)
    is unknown, with the HTTP reason and the URLs: those whose label or address name it, or, when the ITA index page
    or most of the site could not be read (`blanket`), those."""
    if item.status != "missing" or definition is None or not failed:
        return item
    entries = [f for f in failed if _names_item(f, definition)]
    what = f"{len(entries)} URL ที่อาจเป็นหลักฐานของข้อนี้ / {len(entries)} URLs that may hold this item"
    if not entries and blanket:
        what, entries = blanket
    if not entries:
        return item
    # Sorted, so the reason a person reads (and a nightly diff compares) does not depend on which fetch ended first.
    urls = first_urls(sorted(unquote(f.url) for f in entries))
    reasons = sorted({f.reason for f in entries})
    th, en = ", ".join(r.split(" / ")[0] for r in reasons), ", ".join(r.split(" / ")[-1] for r in reasons)
    what_th, what_en = what.split(" / ", 1)
    return _unknown(
        item,
        f"เปิด {what_th} ไม่ได้ ({th}) จึงยังสรุปไม่ได้ว่าไม่มีข้อมูล"
        f" / {what_en} could not be read ({en}), so absence is not proven: {urls}",
    )


def _unread_index(crawl: CrawlResult, definitions: list[ItemDef]) -> Unread | None:
    """Why any item may sit behind the pages that failed, or None: the ITA index page failed (a page linked under
    an ITA label or at an ITA address, or a page linked from the ITA index that names no single item: the year's own
    index), or most of the pages and files the crawl asked for did."""
    index = set(crawl.ita_index_pages)
    failed = list(crawl.failed.values())
    indexes = [f for f in failed if not looks_like_document(f.url) and _may_be_index(f, index, definitions)]
    if indexes:
        return "หน้ารวมข้อมูล ITA / the ITA index page", indexes
    count = len(failed) + crawl.failed_unlisted
    if count >= MIN_FAILED_PAGES and count >= FAILED_SHARE * (crawl.pages + crawl.documents):
        return f"หน้าเว็บและไฟล์ {count} รายการ (ส่วนใหญ่ของเว็บไซต์) / {count} pages and files (most of the site)", failed
    return None


def _may_be_index(entry: SkippedUrl, index: set[str], definitions: list[ItemDef]) -> bool:
    """Named like the ITA index ("ITA 2569", /ita/), or linked from it, and naming no single item ("O12" at
    /ita/2569/12.html is that item's page: only that item waits for it)."""
    named = names_ita(entry.label) or names_ita(unquote(entry.url)) or entry.referrer in index
    return named and not any(_names_item(entry, d) for d in definitions)


def _names_item(skipped: SkippedUrl, definition: ItemDef) -> bool:
    """The skipped link's label or address carries one of the item's words, its code, or one of its URL slugs."""
    label, address = match_key(skipped.label), unquote(skipped.url).lower()
    words = [match_key(w) for w in (definition.title, *definition.discovery)]
    if any(w and (w in label or w in match_key(address)) for w in words):
        return True
    if parse_code(skipped.label) == definition.code:  # "O12", "o๑๒", "ข้อ 12": read as discovery reads codes
        return True
    return any(slug.lower() in address for slug in definition.url_words)


def _findings(crawl: CrawlResult, notes: list[str]) -> list[str]:
    out = list(crawl.findings)
    if crawl.stopped_reason:
        out.append(f"การเก็บข้อมูลหยุดก่อนครบ: {crawl.stopped_reason}")
    out += describe_skips(list(crawl.skipped.values()), crawl.skipped_unlisted)  # no "missing" hides a skip
    out += describe_failures(list(crawl.failed.values()), crawl.failed_unlisted)  # nor a refusal or a timeout
    return out + notes
