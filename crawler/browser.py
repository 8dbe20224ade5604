"""The rendering step: which fetched pages the crawl shows in a browser, and what it keeps of them.

A page is rendered when it needs a browser (crawler/parse.py detects JavaScript shells), when the shell memory
knows its URL pattern (crawler/shells.py), when the scan's second pass asks for it, or when it is the first page
of a new layout that runs scripts (a probe: kept only when the browser shows links the HTML lacks, which is
navigation built by scripts). The browser itself is crawler/render.py's Renderer: it outlives the crawl's passes
and, inside one_browser(), stays open from one pass to the next.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from crawler.frontier import Request
from crawler.models import CrawlResult
from crawler.netguard import AddressGuard
from crawler.parse import LinkMemo, ParsedPage, parse_html
from crawler.politeness import Gates
from crawler.render import RENDER_OFF, BrowserUnavailable, Rendered, Renderer
from crawler.settings import CrawlSettings
from crawler.shells import ShellMemory, may_hold_evidence
from crawler.urls import in_scope

MAX_LISTED = 200  # pages named in CrawlResult.needs_browser / .scripted / .scripted_nav
# Pages rendered to compare their links with the raw HTML's: the first page of each new layout that runs scripts
# (the home page first). Layouts that show signs of scripted navigation are compared beyond this number, within
# max_rendered_pages. A scan renders a handful of pages, not every page.
MAX_LAYOUT_PROBES = 10
# A layout whose raw HTML already shows a menu this full (links inside navigation containers) and no sign of
# scripted navigation is not probed: its menu is static, and rendering it would start a browser (hundreds of MB,
# a second or two) on almost every municipal site, whose themes all ship scripts. Scripted menus leave the raw
# HTML with an empty or thin menu. Items still missing later get the second pass (oit/scan/rendering.py) anyway.
FULL_STATIC_MENU = 12
RENDER_BUDGET = "ถึงจำนวนหน้าที่แสดงผลด้วยเบราว์เซอร์ได้สูงสุด (max_rendered_pages) / render budget spent"


class BrowserStep:
    def __init__(
        self, settings: CrawlSettings, shell_memory: ShellMemory | None = None, layout_probes: int = MAX_LAYOUT_PROBES
    ) -> None:
        """`layout_probes`: see MAX_LAYOUT_PROBES; 0 compares only layouts with signs of scripted navigation."""
        self.settings = settings
        self.shell_memory = shell_memory if shell_memory is not None else ShellMemory()
        self.layout_probes = layout_probes
        self.renderer: Renderer | None = None  # kept for the crawl's life; its browser starts on first use
        self.render_anyway: set[str] = set()  # the second pass's pages: rendered whatever detection says
        self._start = ""
        self._keep_browser = False  # inside one_browser(): the browser stays open between passes
        self._layouts: dict[str, bool] = {}  # page layouts met: True once a page of the layout was rendered
        self._nav_unread: dict[str, tuple[str, list[str]]] = {}  # url -> (layout, signs of scripted navigation)
        self._nav_gained: set[str] = set()  # in-scope links that only rendered pages showed, so far

    def open(self, start: str, gates: Gates, guard: AddressGuard) -> None:
        """Before a pass: the renderer is made once, at the first pass's politeness gates (which later passes
        share) and private-address guard."""
        self._start = start
        if self.renderer is None and self.settings.render != "off":
            self.renderer = Renderer(self.settings, start, gates, guard)

    def wanted(self, url: str) -> bool:
        """Pages of a pattern that needed the browser before: judged by what their scripts show."""
        return self.shell_memory.knows(url)

    async def rendered(
        self, request: Request, final_url: str, html: str, parsed: ParsedPage, memo: LinkMemo, result: CrawlResult
    ) -> tuple[str, ParsedPage]:
        """The page as a browser shows it when it needs one or is a layout's probe; else, or when the browser
        cannot help, the fetched HTML. Rendered HTML goes through the same parser."""
        wanted = parsed.needs_browser or request.url in self.render_anyway or self.shell_memory.knows(request.url)
        probe = not wanted and self._probe_due(parsed, result)
        relevant = may_hold_evidence(request.depth, request.label, parsed.title)
        if parsed.nav_signs and len(self._nav_unread) < MAX_LISTED:
            self._nav_unread[request.url] = (parsed.layout, parsed.nav_signs)  # until a render of its layout
        if not (wanted or probe):
            if parsed.scripted and relevant and len(result.scripted) < MAX_LISTED:
                result.scripted.append(request.url)
            return html, parsed
        self._layouts.setdefault(parsed.layout, False)
        result.probes += probe
        rendered = await self._render(final_url, result)  # after the redirects the fetcher checked hop by hop
        if rendered is None or rendered.error:
            if rendered is not None:
                result.findings.append(f"{rendered.error} ({request.url})")
            if parsed.needs_browser and relevant and len(result.needs_browser) < MAX_LISTED:
                result.needs_browser.append(request.url)
            elif parsed.scripted and relevant and len(result.scripted) < MAX_LISTED:
                result.scripted.append(request.url)  # the second pass says why it stays unread
            return html, parsed
        self._layouts[parsed.layout] = True  # its navigation was seen as a browser shows it
        if rendered.note:
            result.findings.append(f"{rendered.note} ({request.url})")
        fresh = parse_html(rendered.html, rendered.final_url, memo)
        gained = self._links_in_scope(fresh) - self._links_in_scope(parsed)
        new, self._nav_gained = gained - self._nav_gained, self._nav_gained | gained
        grew = len(fresh.links) > len(parsed.links) or len(fresh.text) > len(parsed.text) + 200
        if probe and not (gained or grew):
            return html, parsed  # the browser shows nothing the HTML lacks: read the page as fetched
        if probe and gained:
            result.findings.append(scripted_navigation(request.url, len(gained)))
        # It made a difference: render its siblings without asking. A probe only when it showed links no render
        # showed before: a menu repeated on every page of a layout is crawled once, from its first page.
        if bool(new) if probe else grew:
            self.shell_memory.learn(request.url)
        fresh.needs_browser = fresh.scripted = False  # rendered: what is not there now, a visitor does not see
        fresh.nav_signs = []
        return rendered.html, fresh

    def _probe_due(self, parsed: ParsedPage, result: CrawlResult) -> bool:
        """Whether to render this page to compare its links: the first page of a layout not met before, when it
        runs scripts (a page without scripts builds no links) and a browser may run."""
        if parsed.script_count == 0 or self.renderer is None or not self.settings.follow_links:
            return False  # no script builds links, no browser, or links are not followed (oit recheck)
        if parsed.layout in self._layouts:
            return False
        if parsed.nav_signs:
            return True
        static_menu = sum(1 for link in parsed.links if link.nav) >= FULL_STATIC_MENU
        return not static_menu and result.probes < self.layout_probes

    def _links_in_scope(self, parsed: ParsedPage) -> set[str]:
        return {
            link.url
            for link in parsed.links
            if link.source in ("a", "area", "iframe", "frame")
            and in_scope(link.url, self._start, self.settings.allow_subdomains)
        }

    async def _render(self, url: str, result: CrawlResult) -> Rendered | None:
        """Rendered (crawler/render.py), or None when rendering is off, over budget or the browser unusable."""
        if self.settings.render == "off":
            result.browser_problem = RENDER_OFF
        if self.renderer is None or result.rendered >= self.settings.max_rendered_pages:
            result.browser_problem = result.browser_problem or RENDER_BUDGET
            return None
        result.rendered += 1
        try:
            return await self.renderer.render(url)
        # A broken browser is remembered (later pages fail at once); all of the process's browsers busy is not.
        except BrowserUnavailable as exc:
            result.rendered -= 1
            result.browser_problem = str(exc)
            return None

    async def end_pass(self, result: CrawlResult) -> None:
        """After a pass: the browser closed unless inside one_browser(), its time and memory counted, and the
        pages with scripted navigation no browser rendered listed."""
        if not self._keep_browser:
            await self.close()
        if self.renderer is not None:  # the renderer's stats add up over its whole life
            stats = self.renderer.stats
            result.render_seconds = round(stats.seconds + stats.launch_seconds, 3)
            result.browser_peak_rss = max(result.browser_peak_rss, stats.peak_rss)
        # On pages whose layout no render has shown (off, no Chromium, failed, budget spent). Decided at the end
        # because a page may be parsed while its layout's probe runs.
        result.scripted_nav = {
            url: signs for url, (layout, signs) in self._nav_unread.items() if not self._layouts.get(layout)
        }
        if result.scripted_nav and self.settings.render == "off":
            result.browser_problem = result.browser_problem or RENDER_OFF  # what to change, for the user

    async def close(self) -> None:
        if self.renderer is not None:
            await self.renderer.aclose()  # the renderer can start a browser again should a later pass need it

    @contextlib.asynccontextmanager
    async def one_browser(self) -> AsyncIterator[None]:
        """Within this block the browser stays open from one pass to the next (run, render_again, screenshot):
        a scan starts one browser, not one per pass. It is still restarted after render_recycle_pages pages or
        when it grows too big (crawler/render.py), and closed when the block ends."""
        self._keep_browser = True
        try:
            yield
        finally:
            self._keep_browser = False
            await self.close()

    async def screenshot(self, url: str) -> bytes | None:
        """A JPEG of `url` taken in the crawl's browser; None when rendering is off or the picture failed.
        Raises BrowserUnavailable. Only inside one_browser(), which closes the browser afterwards."""
        if not self._keep_browser:
            raise RuntimeError("Crawler.screenshot is used inside Crawler.one_browser()")
        if self.renderer is None:
            return None
        return await self.renderer.screenshot(url)


def scripted_navigation(url: str, gained: int) -> str:
    return (
        f"เมนูนำทางของหน้า {url} สร้างด้วยสคริปต์: แสดงผลด้วยเบราว์เซอร์แล้วพบลิงก์ในเว็บไซต์เพิ่ม {gained} ลิงก์ และติดตามลิงก์เหล่านั้นแล้ว"
        f" / the navigation of {url} is built by scripts: rendered, it shows {gained} more links on the site, crawled"
    )
