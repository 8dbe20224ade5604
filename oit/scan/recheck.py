"""`oit recheck SITE ITEM`: after fixing one item, check it again without scanning the whole site.

Only that item's evidence is fetched again: the evidence and component evidence URLs of the item in the site's
latest finished scan (its pages and documents), the URLs declared for it in config, the site's ITA index page
and home page; then, in a second round, any page or document the item's evidence now leads to that no scan has
fetched (a file the fix added).
Conditional requests make unchanged evidence cheap. Every other page and document is copied, inside the
database, from the latest scan, so that evidence is found exactly as in a full scan; then only that item is
evaluated again.

History stays whole: the recheck is a scan row of its own (kind "recheck", based_on the scan it copies) with
every item's result, the rechecked one replaced and the score estimated again. It never changes earlier rows.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import date

from crawler.engine import Crawler
from crawler.urls import in_scope, normalize
from oit.config import Config, SiteConfig
from oit.scan.pipeline import ScanError, ScanRequest, crawl_settings, today_in_bangkok
from oit.store import Engine, ScanStore, StoredSite, open_engine
from oit.store.scans import latest_result_json
from reports.models import CrawlStats, ScanResult
from rules.catalog import Catalog, ItemDef, load_catalog
from rules.checks import Context
from rules.discovery import Discovery
from rules.evaluate import evaluate_item
from rules.results import ItemResult
from rules.score import apply_gains, estimate
from rules.site import SiteLinks


@dataclass
class RecheckRequest:
    url: str
    code: str
    as_of: date | None = None
    site: SiteConfig | None = None


@dataclass
class Recheck:
    result: ScanResult  # the whole site's result, the rechecked item replaced
    item: ItemResult
    before: ItemResult | None  # the item in the scan the recheck is based on
    based_on: int
    fetched: list[str]  # the URLs fetched again


def run_recheck(config: Config, request: RecheckRequest) -> Recheck:
    start = normalize(request.url)
    if start is None:
        raise ScanError(f"URL ไม่ถูกต้อง: {request.url} / not an http(s) URL")
    engine = open_engine(config.database_url)
    base_id, base = _latest_result(engine, start)
    code = request.code.strip().upper()
    year = base.assessment_year
    catalog = load_catalog(year)
    item_def = next((i for i in catalog.items if i.code == code), None)
    if item_def is None:
        codes = ", ".join(i.code for i in catalog.items)
        raise ScanError(f"ไม่มีข้อ {request.code} ในเกณฑ์ปี {base.assessment_year} (มี {codes}) / no such item")
    as_of = request.as_of or today_in_bangkok()
    declared = request.site.items if request.site else {}
    before = next((i for i in base.items if i.code == code), None)

    started = time.monotonic()
    store = ScanStore(engine, start, base.site.name, base.assessment_year, as_of, kind="recheck", based_on=base_id)
    try:
        settings = crawl_settings(config, ScanRequest(url=request.url, site=request.site)).model_copy(
            # The given URLs (and the home page), no more, and each of them asked for: the admin has just fixed them.
            update={"follow_links": False, "read_sitemaps": False, "revisit_max_days": 0.0}
        )
        crawler = Crawler(settings, store)
        urls = _evidence_urls(
            before, declared.get(code, []), StoredSite(engine, base_id, start), catalog, year, declared
        )
        crawl = asyncio.run(crawler.run(start, urls))
        store.flush()
        store.copy_rest_from(base_id)
        site = StoredSite(engine, store.scan_id, start)
        missing = _never_fetched(site, catalog, item_def, year, declared)
        if missing:  # the fixed page leads to evidence no scan has fetched yet: one more round for it
            crawl2 = asyncio.run(Crawler(settings, store).run(start, missing))
            store.flush()
            crawl.pages, crawl.documents = crawl.pages + crawl2.pages, crawl.documents + crawl2.documents
            crawl.errors, crawl.unchanged = crawl.errors + crawl2.errors, crawl.unchanged + crawl2.unchanged
        item = _evaluate(site, catalog, item_def, year, as_of, declared)
        result = _merged(base, item, catalog, store.scan_id, as_of, base_id, crawl.findings)
        result.crawl = CrawlStats(
            pages=crawl.pages,
            documents=crawl.documents,
            errors=crawl.errors,
            duration_s=round(time.monotonic() - started, 3),
            findings=result.crawl.findings,
        )
        items = [i.model_dump(mode="json") for i in result.items]
        store.finish(result.model_dump_json(), items, crawl.pages, crawl.documents, crawl.errors,
                     result.crawl.duration_s, unchanged=crawl.unchanged)  # fmt: skip
        fetched = list(dict.fromkeys([*urls, *missing]))
        return Recheck(result=result, item=item, before=before, based_on=base_id, fetched=fetched)
    except BaseException as exc:
        store.fail(str(exc) or type(exc).__name__)
        raise


def _latest_result(engine: Engine, start: str) -> tuple[int, ScanResult]:
    row = latest_result_json(engine, start)
    if row is None:
        raise ScanError(
            f"ยังไม่มีผลการสแกนเว็บไซต์ {start} ที่เสร็จสมบูรณ์ ให้สั่ง oit scan ก่อน"
            " / no finished scan of this site yet: run oit scan first"
        )
    scan_id, result_json = row
    return scan_id, ScanResult.model_validate_json(result_json)


def _evidence_urls(
    before: ItemResult | None,
    declared: list[str],
    base: StoredSite,
    catalog: Catalog,
    year: int,
    all_declared: dict,
) -> list[str]:
    """What the assessor would open for this item: its evidence and component evidence in the latest scan,
    the declared URLs, and the ITA index page (where a fix may add the item's link)."""
    urls = list(declared)
    if before is not None:
        urls += [e.url for e in before.evidence if e.kind != "external"]
        urls += [c.evidence_url for c in before.components if c.evidence_url]
    index = Discovery(base, catalog, year, all_declared).index
    if index is not None:
        urls.append(index.url)
    return [u for u in dict.fromkeys(urls) if in_scope(u, base.start_url) or u in declared]


def _never_fetched(site: StoredSite, catalog: Catalog, item: ItemDef, year: int, declared: dict) -> list[str]:
    """Evidence URLs of the item (as discovery now finds them) that neither this recheck nor the base scan
    fetched: a new page or file the fix links to."""
    discovery = Discovery(site, catalog, year, declared)
    sources = [s for c in discovery.candidates(item) for s in c.bundle.sources]
    new = [s.url for s in sources if s.kind != "external" and site.page(s.url) is None and site.document(s.url) is None]
    return [u for u in dict.fromkeys(new) if in_scope(u, site.start_url)]


def _evaluate(site: StoredSite, catalog: Catalog, item: ItemDef, year: int, as_of: date, declared: dict) -> ItemResult:
    """The item judged as a full scan judges it (discovery sees the whole catalog), and only that item."""
    discovery = Discovery(site, catalog, year, declared)
    ctx = Context(fiscal_year=year, as_of=as_of, site_links=SiteLinks(site.iter_links))
    return evaluate_item(item, discovery.candidates(item), ctx)


def _merged(
    base: ScanResult, item: ItemResult, catalog: Catalog, scan_id: int, as_of: date, base_id: int, findings: list[str]
) -> ScanResult:
    items = [item if i.code == item.code else i.model_copy(update={"gain": None}) for i in base.items]
    score = estimate(items, catalog.subindicator_confidence)
    items = apply_gains(items, score)
    note = (
        f"ตรวจซ้ำเฉพาะข้อ {item.code} เมื่อ {as_of.isoformat()} ผลข้ออื่นนำมาจากการสแกนครั้งที่ {base_id}"
        f" ({base.as_of.isoformat()}) / rechecked {item.code} only; other items from scan {base_id}"
    )
    crawl = base.crawl.model_copy(update={"findings": [note, *findings, *base.crawl.findings]})
    return base.model_copy(update={"items": items, "score": score, "scan_id": scan_id, "as_of": as_of, "crawl": crawl})
