"""The steps the crawl loop composes, each built and run on its own: the budget, the sitemap source, the Google
Drive confirm step, the document reader with its guarded text cache, the rendering step and the revisit policy.
Real servers on loopback, real PDFs, real SQLite; the crawler itself only wires them (tests/crawler/test_stop.py,
test_site.py and the others run them through it)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable
from typing import TypeVar

from crawler.browser import BrowserStep
from crawler.budget import DOCUMENT_LIMIT, PAGE_LIMIT, CrawlBudget
from crawler.documents import DocumentText
from crawler.drive import DRIVE_ROBOTS, DriveConfirm
from crawler.engine import MemorySink
from crawler.fetcher import Fetcher, FetchResult
from crawler.frontier import Frontier, Request
from crawler.models import CrawlResult
from crawler.parse import LinkMemo, parse_html
from crawler.reading import NOT_A_FILE, TOO_LARGE, DocumentReader
from crawler.render import RENDER_OFF
from crawler.revisit import RevisitPolicy
from crawler.robots import RobotsPolicy
from crawler.settings import CrawlSettings
from crawler.shells import ShellMemory, url_pattern
from crawler.sitemaps import SitemapSource
from crawler.textcache import GuardedTextCache, MemoryTextCache
from tests.crawler.support import LocalServer, Reply, crawl, fast_settings, make_pdf, page, pdf_reply
from tests.crawler.test_render import menu_site
from tests.crawler.test_viewers import LARGE_FILE_ID, NOGIFT_THAI, USERCONTENT, WARNING_PAGE, drive_site

XML = "application/xml"
T = TypeVar("T")


# --- the budget ---------------------------------------------------------------------------------------------
def test_the_budget_takes_a_place_per_fetch_and_says_which_limit_is_spent() -> None:
    budget = CrawlBudget(fast_settings(max_pages=2, max_documents=1), deadline=100.0)
    assert [budget.take(False), budget.take(False), budget.take(False)] == [None, None, PAGE_LIMIT]
    assert [budget.take(True), budget.take(True)] == [None, DOCUMENT_LIMIT]  # pages and documents apart
    assert budget.take(False) == PAGE_LIMIT and budget.pages_started == 2  # a refusal takes no place


def test_the_budget_gives_documents_their_own_size_limit_and_ends_at_the_deadline() -> None:
    settings = fast_settings(max_page_bytes=50_000, max_document_bytes=9_000_000, max_duration=30.0)
    assert CrawlBudget.starting(settings, started=10.0).deadline == 40.0  # max_duration after the start
    budget = CrawlBudget.starting(settings, started=10.0, deadline=25.0)  # a scan keeps time to judge
    assert budget.deadline == 25.0 and budget.time_left(24.9) and not budget.time_left(25.0)
    assert (budget.byte_limit(False), budget.byte_limit(True)) == (50_000, 9_000_000)


# --- the sitemap source --------------------------------------------------------------------------------------
def _urlset(*locs: str) -> Reply:
    body = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return Reply(body=f'<?xml version="1.0"?><urlset>{body}</urlset>', content_type=XML)


def _index(*locs: str) -> Reply:
    body = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return Reply(body=f'<?xml version="1.0"?><sitemapindex>{body}</sitemapindex>', content_type=XML)


def _read_sitemaps(server: LocalServer, settings: CrawlSettings | None = None) -> tuple[list[tuple[str, str]], int]:
    settings = settings or fast_settings()

    async def read() -> tuple[list[tuple[str, str]], int]:
        fetcher = Fetcher(settings, server.url())
        robots = RobotsPolicy(fetcher, settings.robots_token, settings.agent(), settings.respect_robots)
        source = SitemapSource(fetcher, robots, settings.allow_subdomains, settings.max_page_bytes)
        try:
            return [pair async for pair in source.urls(server.url())], source.files_read
        finally:
            await fetcher.aclose()

    return asyncio.run(read())


def test_sitemaps_named_by_robots_txt_give_the_sites_own_pages(server: LocalServer) -> None:
    """A WordPress-like site: robots.txt names a relative sitemap index, which names a page sitemap, a sitemap on
    another host (not read) and a disallowed one (not fetched). Off-site, trap and asset URLs are left out."""
    server.routes["/robots.txt"] = Reply(
        body="User-agent: *\nDisallow: /private/\nSitemap: /wp-sitemap.xml\n", content_type="text/plain"
    )
    server.routes["/wp-sitemap.xml"] = _index(
        server.url("/wp-sitemap-posts-page-1.xml"), "https://other.example/sitemap.xml", server.url("/private/s.xml")
    )
    server.routes["/wp-sitemap-posts-page-1.xml"] = _urlset(
        server.url("/ita/oit-2569/"),
        server.url("/files/แผนปฏิบัติการ2569.pdf"),
        "https://other.example/news/1",
        server.url("/wp-content/themes/style.css"),
        server.url("/calendar/?month=2569-01&month=2569-02&month=2569-03&month=2569-04"),
    )
    named, files = _read_sitemaps(server)
    pages = server.url("/wp-sitemap-posts-page-1.xml")
    assert (server.url("/ita/oit-2569/"), pages) in named
    assert any(url.endswith(".pdf") and via == pages for url, via in named)
    assert not any("other.example" in url or url.endswith(".css") for url, _ in named)
    assert files == 2 and server.count("/private/s.xml") == 0


def test_sitemap_reading_stops_at_the_file_bound_however_long_the_chain(server: LocalServer) -> None:
    """No robots.txt sitemap line: /sitemap.xml is tried; an index that names itself onward forever ends after
    MAX_SITEMAP_FILES files."""
    for n in range(20):
        server.routes["/sitemap.xml" if n == 0 else f"/sitemap-{n}.xml"] = _index(server.url(f"/sitemap-{n + 1}.xml"))
    named, files = _read_sitemaps(server)
    assert named == [] and files == 5
    assert sum(1 for path in server.paths() if path.endswith(".xml")) == 5


# --- the Drive confirm step ----------------------------------------------------------------------------------
def _drive_step(
    server: LocalServer,
    make_server: Callable[..., LocalServer],
    answer: Callable[[DriveConfirm, Fetcher], Awaitable[T]],
    download_robots: str | None = None,
) -> tuple[T, list[str], LocalServer]:
    """`answer` run with a Drive step on a pass's fetcher whose Drive hosts are served from loopback."""
    drive, usercontent = drive_site(server, make_server)
    if download_robots is not None:
        usercontent.routes["/robots.txt"] = Reply(body=download_robots, content_type="text/plain")
    connect_to = {"drive.google.com": drive.url(""), "drive.usercontent.google.com": usercontent.url("")}
    settings = fast_settings()

    async def run() -> T:
        fetcher = Fetcher(settings, server.url(), connect_to)
        robots = RobotsPolicy(fetcher, settings.robots_token, settings.agent(), settings.respect_robots)
        step = DriveConfirm(fetcher, robots, Frontier(), disallowed)
        try:
            return await answer(step, fetcher)
        finally:
            await fetcher.aclose()

    disallowed: list[str] = []
    return asyncio.run(run()), disallowed, usercontent


DRIVE_UC = f"https://drive.google.com/uc?export=download&id={LARGE_FILE_ID}"


def test_the_drive_step_passes_the_virus_scan_warning_to_the_file(server, make_server) -> None:
    async def answer(step: DriveConfirm, fetcher: Fetcher) -> FetchResult:
        return await step.past_warning(await fetcher.get(DRIVE_UC, 10_000_000), 10_000_000)

    fetched, disallowed, usercontent = _drive_step(server, make_server, answer)
    assert fetched.url == DRIVE_UC  # the request's URL, the file's body
    assert fetched.final_url.startswith(USERCONTENT) and fetched.body == NOGIFT_THAI
    assert disallowed == [] and usercontent.count("/download") == 1


def test_the_drive_step_obeys_robots_txt_and_leaves_other_answers_alone(server, make_server) -> None:
    """The download host's robots.txt forbids it: the answer says so and the target is listed; a PDF answered
    at once, and a warning whose form leads off Drive, come back unchanged."""

    async def answer(step: DriveConfirm, fetcher: Fetcher) -> tuple[FetchResult, bool, bool]:
        warning = await fetcher.get(DRIVE_UC, 10_000_000)
        refused = await step.past_warning(warning, 10_000_000)
        pdf = FetchResult(url=DRIVE_UC, final_url=DRIVE_UC, status=200, content_type="application/pdf", body=b"%PDF")
        off = FetchResult(
            url=DRIVE_UC,
            final_url=DRIVE_UC,
            status=200,
            content_type="text/html; charset=utf-8",
            body=WARNING_PAGE.format(id=LARGE_FILE_ID, action="https://evil.example/download").encode(),
        )
        return refused, await step.past_warning(pdf, 1000) is pdf, await step.past_warning(off, 1000) is off

    forbidden = "User-agent: *\nDisallow: /download\n"
    outcome, disallowed, usercontent = _drive_step(server, make_server, answer, forbidden)
    refused, pdf_same, off_same = outcome
    assert refused.error == DRIVE_ROBOTS and disallowed == [refused.final_url]
    assert refused.final_url.startswith(USERCONTENT) and usercontent.count("/download") == 0
    assert pdf_same and off_same


# --- the document reader and its guarded text cache ---------------------------------------------------------
PLAN = make_pdf(["Annual procurement plan 2569", "Nakhlang Subdistrict Administrative Organization"])


def _pdf_fetched(url: str, body: bytes = PLAN, **fields: object) -> FetchResult:
    values: dict[str, object] = {"status": 200, "content_type": "application/pdf", "body": body}
    values.update(fields)
    return FetchResult(url=url, final_url=url, **values)  # type: ignore[arg-type]


def _request(url: str) -> Request:
    return Request(0, 1, url, 1, "https://nakhlang.go.th/ita/", "แผนการจัดซื้อจัดจ้างประจำปี 2569", True)


def test_the_reader_reads_a_document_once_and_the_cache_gives_it_after() -> None:
    url = "https://nakhlang.go.th/files/plan-2569.pdf"
    cache, result = MemoryTextCache(), CrawlResult(start_url=url)
    reader = DocumentReader(fast_settings(), GuardedTextCache(cache, result.findings.append))
    first = asyncio.run(reader.document(_request(url), _pdf_fetched(url), "pdf", None, result))
    again = asyncio.run(reader.document(_request(url), _pdf_fetched(url), "pdf", None, result))
    assert first.readable and "Annual procurement plan 2569" in first.text and first.text == again.text
    assert (result.texts_read, result.texts_cached, cache.hits) == (1, 1, 1)
    assert first.link_texts == ["แผนการจัดซื้อจัดจ้างประจำปี 2569"] and first.content_hash == again.content_hash


def test_a_broken_cache_costs_time_only_and_is_told_once() -> None:
    """The database behind the cache has gone (a closed SQLite connection): every document is read anyway, and
    the findings say so once."""
    conn = sqlite3.connect(":memory:")
    conn.close()

    class SqliteTexts:  # the shape of the scan store's cache, on a connection that fails
        def cached_text(self, content_hash: str) -> DocumentText | None:
            conn.execute("select text from texts where hash = ?", (content_hash,))
            return None

        def remember_text(self, content_hash: str, result: DocumentText) -> None:
            conn.execute("insert into texts values (?, ?)", (content_hash, result.text))

    url = "https://nakhlang.go.th/files/plan-2569.pdf"
    result = CrawlResult(start_url=url)
    reader = DocumentReader(fast_settings(), GuardedTextCache(SqliteTexts(), result.findings.append))
    docs = [asyncio.run(reader.document(_request(url), _pdf_fetched(url), "pdf", None, result)) for _ in range(2)]
    assert all(d.readable for d in docs) and result.texts_read == 2
    assert len(result.findings) == 1 and "text cache failed" in result.findings[0]


def test_the_reader_says_why_a_fetched_file_has_no_text() -> None:
    url = "https://nakhlang.go.th/files/plan-2569.pdf"
    result = CrawlResult(start_url=url)
    reader = DocumentReader(fast_settings())
    gone = asyncio.run(reader.document(_request(url), _pdf_fetched(url, b"", status=404), None, None, result))
    big = asyncio.run(reader.document(_request(url), _pdf_fetched(url, truncated=True), "pdf", None, result))
    html = _pdf_fetched(url, b"<html>sign in</html>", content_type="text/html")
    login = asyncio.run(reader.document(_request(url), html, None, None, result))
    assert (gone.error, big.error, login.error) == ("HTTP 404", TOO_LARGE, NOT_A_FILE)
    assert result.texts_read == 0  # nothing was extracted from any of them


# --- the rendering step --------------------------------------------------------------------------------------
def test_with_rendering_off_a_shell_page_is_listed_and_the_reason_given(server: LocalServer) -> None:
    """A municipal home page whose menu a script builds, rendering switched off: the fetched HTML is kept, the
    page is listed as needing a browser, and the user is told how to switch it on."""
    server.routes.update(menu_site())
    settings = fast_settings(render="off")
    step = BrowserStep(settings)
    result, request = CrawlResult(start_url=server.url()), Request(0, 1, server.url(), 0, None, "home", False)
    html = menu_site()["/"].payload().decode()
    parsed = parse_html(html, server.url(), LinkMemo())
    assert parsed.needs_browser  # what detection says of this page

    async def run() -> tuple[str, object]:
        fetcher = Fetcher(settings, server.url())
        step.open(server.url(), fetcher.gates, fetcher.guard)
        kept = await step.rendered(request, server.url(), html, parsed, LinkMemo(), result)
        await step.end_pass(result)
        await fetcher.aclose()
        return kept

    kept_html, kept = asyncio.run(run())
    assert kept_html == html and kept is parsed and step.renderer is None
    assert result.needs_browser == [server.url()] and result.browser_problem == RENDER_OFF
    assert result.rendered == 0 and server.count() == 0  # no browser, no request


def test_the_rendering_step_wants_the_pages_its_shell_memory_knows() -> None:
    learned = ShellMemory([url_pattern("https://nakhlang.go.th/procurement/3")])
    step = BrowserStep(fast_settings(), learned)
    assert step.wanted("https://nakhlang.go.th/procurement/41")  # a sibling of the remembered page
    assert not step.wanted("https://nakhlang.go.th/news/read.php?id=7")
    assert step.shell_memory is learned  # the scan saves what this crawl learned into it


# --- the revisit policy ----------------------------------------------------------------------------------------
def test_the_revisit_policy_always_asks_the_menu_and_the_evidence(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/about.html">เกี่ยวกับเรา</a> <a href="/news/">ข่าว</a>', "หน้าแรก")
    server.routes["/about.html"] = page("<h1>เกี่ยวกับเรา</h1>", "เกี่ยวกับเรา")
    server.routes["/news/"] = page('<a href="/news/1.html">ข่าว 1</a>', "ข่าว")
    server.routes["/news/1.html"] = page("<p>ข่าวประชาสัมพันธ์</p>", "ข่าว 1")
    server.routes["/files/plan.pdf"] = pdf_reply(PLAN)
    _, before = crawl(server.url())
    previous = MemorySink(before.text_cache, previous=before)
    evidence = server.url("/files/plan.pdf")
    policy = RevisitPolicy(previous, max_days=30, depth=1, always_ask=[evidence])
    policy.begin(server.url())
    assert policy.must_ask == {server.url(), server.url("/about.html"), server.url("/news/"), evidence}
    known = policy.known(server.url("/about.html"))
    assert known is not None and not policy.may_carry(server.url("/about.html"), known)
    off = RevisitPolicy(previous, max_days=0, depth=1)  # a scan asked for by hand: nothing carried, no ring
    off.begin(server.url())
    deep = off.known(server.url("/news/1.html"))
    assert off.must_ask == set() and deep is not None and not off.may_carry(server.url("/news/1.html"), deep)
