"""A scan's use of the browser around the crawl (the crawl itself renders JavaScript shells as it meets them).

- The second pass: after evaluation, when an item is missing and the crawl met pages that scripts build
  partly (a document list filled from JSON on a page with a menu of its own), those pages are rendered, what
  they link to is crawled, and the site is evaluated again.
- Items that stay missing while pages that needed the browser could not be rendered become "unknown:
  ต้องใช้เบราว์เซอร์", with how to install Chromium: absence is not proven.
- URL patterns that needed the browser are kept with the site, so the next scan renders them directly.
- Optional screenshots of each item's evidence page, stored with the scan for the report.
"""

from __future__ import annotations

import asyncio

from crawler.engine import Crawler
from crawler.models import CrawlResult, Document, Link, Page
from crawler.render import RENDER_OFF, BrowserUnavailable, browser_missing
from crawler.shells import ShellMemory
from crawler.urls import first_urls
from oit.store import Engine, ScanStore
from oit.store.rendering import add_render_patterns, add_screenshots, drop_page, render_patterns
from rules.results import ItemResult
from rules.sources import NEEDS_BROWSER_TH

BROWSER_NEEDED_TH = "ต้องใช้เบราว์เซอร์"
RENDER_FAILED = "เบราว์เซอร์แสดงผลหน้าเหล่านี้ไม่สำเร็จ (ดูรายละเอียดในข้อสังเกตของการสแกน) / the browser failed on these pages"
MAX_SECOND_PASS = 30  # pages rendered in the second pass
MAX_SCREENSHOTS = 30  # one per item at most: 26 items


# --- the second pass ----------------------------------------------------------------------------------------
async def second_pass(crawler: Crawler, store: ScanStore, crawl: CrawlResult, items: list[ItemResult]) -> bool:
    """Render the partly script-built pages when an item is missing; True when the site should be evaluated
    again. When the browser cannot be used, those pages join the ones that needed it (browser_verdicts)."""
    if not crawl.scripted or not any(i.status == "missing" for i in items):
        return False
    urls = crawl.scripted[:MAX_SECOND_PASS]
    crawl.scripted = crawl.scripted[MAX_SECOND_PASS:]
    off = RENDER_OFF if crawler.settings.render == "off" else None
    crawl.browser_problem = crawl.browser_problem or off or browser_missing(crawler.settings)
    before = crawl.rendered
    if not crawl.browser_problem:
        store.flush()  # the rows to replace must be in the database
        await crawler.render_again(urls, ReplacingSink(store, set(urls)))
        store.flush()
    if crawl.browser_problem:
        crawl.needs_browser += [u for u in urls if u not in crawl.needs_browser]
    return crawl.rendered > before


class ReplacingSink:
    """The scan's store, for the second pass: a rendered page replaces the row stored for the fetched one."""

    def __init__(self, store: ScanStore, replace: set[str]) -> None:
        self.store = store
        self.replace = replace

    def add_page(self, page: Page) -> None:
        if page.url in self.replace:
            drop_page(self.store.engine, self.store.scan_id, page.url)
        self.store.add_page(page)

    def add_document(self, document: Document) -> None:
        self.store.add_document(document)

    def add_external(self, link: Link, from_url: str) -> None:
        self.store.add_external(link, from_url)


# --- verdicts without a browser ----------------------------------------------------------------------------
def browser_verdicts(items: list[ItemResult], crawl: CrawlResult) -> list[ItemResult]:
    """Missing items become unknown when pages that may hold their evidence, or menus that may lead to it, needed
    a browser that could not run; items already unknown because of such a page learn how to install it."""
    unread = bool(crawl.needs_browser or crawl.scripted_nav)
    why = crawl.browser_problem or (RENDER_FAILED if unread else None)
    if not why:
        return items
    reason = _unread_reason(crawl, why)
    out = []
    for item in items:
        if item.status == "missing" and unread:
            item = item.model_copy(update={"status": "unknown", "gaps": [], "unknown_reason": reason})
        elif (
            item.status == "unknown"
            and NEEDS_BROWSER_TH in (item.unknown_reason or "")
            and why not in (item.unknown_reason or "")
        ):
            item = item.model_copy(update={"unknown_reason": f"{item.unknown_reason} ({why})"})
        out.append(item)
    return out


def _unread_reason(crawl: CrawlResult, why: str) -> str:
    """Thai first: which pages could not be read as a browser shows them, and why."""
    parts_th, parts_en = [], []
    if crawl.needs_browser:
        parts_th.append(f"หน้า {first_urls(crawl.needs_browser)} สร้างเนื้อหาด้วย JavaScript")
        parts_en.append("these pages build their content with JavaScript")
    if crawl.scripted_nav:
        url, signs = next(iter(crawl.scripted_nav.items()))
        parts_th.append(
            f"เมนูนำทางของหน้า {first_urls(list(crawl.scripted_nav))} สร้างด้วยสคริปต์ (หน้า {url}: {_signs_th(signs)})"
        )
        parts_en.append(f"the menus of these pages are built by scripts ({url}: {_signs_en(signs)})")
    return (
        f"{BROWSER_NEEDED_TH}: {' และ'.join(parts_th)} แต่แสดงผลด้วยเบราว์เซอร์ไม่ได้ จึงยังสรุปไม่ได้ว่าไม่มีข้อมูล ({why})"
        f" / needs a browser: {'; '.join(parts_en)}, and they could not be rendered, so absence is not proven"
    )


def _signs_th(signs: list[str]) -> str:
    return "; ".join(sign.split(" / ")[0] for sign in signs[:3])


def _signs_en(signs: list[str]) -> str:
    return "; ".join(sign.split(" / ", 1)[-1] for sign in signs[:3])


def browser_notes(crawl: CrawlResult) -> list[str]:
    """What the browser did, for the scan's findings."""
    notes = []
    if crawl.rendered:
        notes.append(
            f"แสดงผลด้วยเบราว์เซอร์ {crawl.rendered} หน้า ใช้เวลา {crawl.render_seconds:.1f} วินาที"
            f" / {crawl.rendered} pages rendered in the browser in {crawl.render_seconds:.1f} s"
        )
    if crawl.needs_browser:
        notes.append(f"{BROWSER_NEEDED_TH} {len(crawl.needs_browser)} หน้า: {crawl.browser_problem or RENDER_FAILED}")
    if crawl.scripted_nav:
        url, signs = next(iter(crawl.scripted_nav.items()))
        notes.append(
            f"{BROWSER_NEEDED_TH}: เมนูนำทางของ {len(crawl.scripted_nav)} หน้าสร้างด้วยสคริปต์ เช่น {url} ({_signs_th(signs)})"
            " รายการที่ไม่พบจึงเป็น «ไม่ทราบ» ไม่ใช่ «ไม่มี»"
            f" ({crawl.browser_problem or RENDER_FAILED}) / needs a browser: the menus of {len(crawl.scripted_nav)} pages"
            f" are built by scripts, e.g. {url} ({_signs_en(signs)}); items not found are unknown, not missing"
        )
    return notes


# --- URL patterns kept between scans ---------------------------------------------------------------------------
def load_patterns(engine: Engine, site_url: str) -> ShellMemory:
    return ShellMemory(render_patterns(engine, site_url))


def save_patterns(engine: Engine, site_url: str, memory: ShellMemory) -> None:
    """Adds what this scan learned. Only saves time on the next scan: a failure here loses nothing else."""
    add_render_patterns(engine, site_url, sorted(memory.learned))
    memory.learned.clear()


# --- screenshots -------------------------------------------------------------------------------------------
async def take_screenshots(engine: Engine, scan_id: int, crawler: Crawler, items: list[ItemResult]) -> list[str]:
    """When the `screenshots` setting is on: pictures of each item's first evidence page, taken in the crawl's
    browser and stored with the scan. Returns notes for the scan's findings (the verdicts never depend on
    screenshots)."""
    settings = crawler.settings
    pages: dict[str, list[str]] = {}
    for item in items:
        first = _evidence_page(item)
        if first and (first in pages or len(pages) < MAX_SCREENSHOTS):
            pages.setdefault(first, []).append(item.code)
    if not settings.screenshots or settings.render == "off" or not pages:
        return []
    shots: dict[str, bytes] = {}
    notes = []
    try:
        async with asyncio.timeout_at(crawler.ends_at):  # the scan's time limit: what is taken by then is kept
            await _shoot(crawler, list(pages), shots)
    except BrowserUnavailable as exc:
        return [f"ถ่ายภาพหน้าจอไม่ได้ / no screenshots: {exc}"]
    except TimeoutError:
        notes.append(
            f"ถ่ายภาพหน้าจอได้ {len(shots)} จาก {len(pages)} ภาพก่อนหมดเวลาที่กำหนด"
            f" / {len(shots)} of {len(pages)} screenshots taken before the time limit"
        )
    if shots:
        add_screenshots(engine, scan_id, [(url, pages[url], image) for url, image in shots.items()])
    return [f"ภาพหน้าจอหลักฐาน {len(shots)} ภาพ / {len(shots)} evidence screenshots stored", *notes]


def _evidence_page(item: ItemResult) -> str | None:
    """The first page where a component of the item was found (not a document, not a page that failed)."""
    pages = {e.url for e in item.evidence if e.kind == "page"}
    found = (c.evidence_url for c in item.components if c.status == "present" and c.evidence_url in pages)
    return next(found, None)


async def _shoot(crawler: Crawler, urls: list[str], shots: dict[str, bytes]) -> None:
    """Into `shots`, one by one: those taken stay when the time limit stops the rest."""
    for url in urls:
        image = await crawler.screenshot(url)
        if image:
            shots[url] = image
