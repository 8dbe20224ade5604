"""Whole scans of sites where the crawler held URLs back (crawler/traps.py): every such URL is counted and named in
the findings, and an item that would be "missing" while a held-back URL's label or address names it is
"unknown" with that URL, never missing.

Real parts: HTTP servers on 127.0.0.1, a SQLite database, the 2569 catalog."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from crawler.settings import CrawlSettings
from crawler.traps import ALIKE_PER_PATTERN
from oit.config import Config, DatabaseConfig
from oit.scan.pipeline import ScanRequest, run_scan
from reports.models import ScanResult
from rules.results import ItemResult
from tests.crawler.support import Hit, LocalServer, Reply, page
from tests.rules.sitebuilder import AS_OF, YEAR

MENU = '<nav class="menu"><a href="/">หน้าแรก</a><a href="/about.html">เกี่ยวกับเรา</a></nav>'


def scan(server: LocalServer, db: Path, **crawl: object) -> ScanResult:
    settings = CrawlSettings(delay=0.0, timeout=5.0, read_sitemaps=False, render="off", **crawl)  # type: ignore[arg-type]
    config = Config(database=DatabaseConfig(url=f"sqlite:///{db}"), crawl=settings)
    return run_scan(config, ScanRequest(url=server.url("/"), year=YEAR, as_of=AS_OF))


def by_code(result: ScanResult) -> dict[str, ItemResult]:
    return {i.code: i for i in result.items}


def calendar(hit: Hit) -> Reply:
    """An events calendar with next-month links for ever, every month empty."""
    q = parse_qs(urlsplit(hit.target).query)
    month, year = int(q["month"][0]), int(q["year"][0])
    after = (1, year + 1) if month == 12 else (month + 1, year)
    link = f'<a href="/calendar.php?month={after[0]}&year={after[1]}">เดือนถัดไป</a>'
    return page(f"{MENU}<h1>ปฏิทินกิจกรรม เดือน {month} ปี {year}</h1>{link}<p>ไม่มีกิจกรรม</p>")


def site() -> LocalServer:
    """A small municipal site: the structure page, the executives page (named only by its Thai address, behind
    "อ่านต่อ") and the annual procurement summary (named only by its code) sit one level deeper than a crawl
    to depth 2 goes; an endless calendar hangs off the home page."""
    return LocalServer(
        {
            "/": page(f'{MENU}<a href="/calendar.php?month=5&year=2569">ปฏิทินกิจกรรม</a>', "เทศบาลตำบลหนองบัว"),
            "/about.html": page(f'{MENU}<a href="/about/more.html">ประวัติความเป็นมา</a>'),
            "/about/more.html": page(
                f'{MENU}<a href="/about/org.html">แผนผังโครงสร้างส่วนราชการ</a>'
                '<a href="/ข้อมูลผู้บริหาร/">อ่านต่อ</a><a href="/ita/2569/12.html">O12</a>'
            ),
            "/calendar.php": calendar,  # type: ignore[dict-item]
        }
    )


def test_held_back_urls_are_named_and_missing_items_they_could_hold_are_unknown(tmp_path: Path) -> None:
    """The executives page behind "อ่านต่อ" at a Thai WordPress slug (/ข้อมูลผู้บริหาร/) and the annual
    procurement summary linked only as "O12" were not fetched: discovery has no link naming either item, so
    without the crawler's record both would be "missing"."""
    with site() as server:
        result = scan(server, tmp_path / "oit.sqlite", max_depth=2)
        calendar_hits = server.count("/calendar.php")
        assert server.count("/ข้อมูลผู้บริหาร/") == 0 and server.count("/ita/2569/12.html") == 0
    items = by_code(result)
    executives, o12 = server.url("/ข้อมูลผู้บริหาร/"), server.url("/ita/2569/12.html")
    for code, url in (("O2", executives), ("O12", o12)):
        reason = items[code].unknown_reason or ""
        assert items[code].status == "unknown", code
        assert reason.startswith("ไม่ได้เปิด 1 URL ที่อาจเป็นหลักฐานของข้อนี้") and " / " in reason
        assert reason.endswith(url) and "max_depth" in reason
        assert items[code].gaps == []
    assert items["O1"].status == "unknown"  # its link names it: discovery reports the page not crawled
    # Items nothing held back could hold stay missing: a skip is no blanket excuse.
    assert items["O3"].status == "missing" and items["O11"].status == "missing"
    deep = [f for f in result.crawl.findings if "max_depth" in f]
    assert len(deep) == 1 and deep[0].startswith("ไม่ได้เปิด 4 URL เพราะอยู่ลึกจากหน้าแรกเกินกำหนด")
    assert server.url("/about/org.html") in deep[0] and executives in deep[0]
    assert calendar_hits <= ALIKE_PER_PATTERN + 4  # held at depth 2 here: it never runs away


def test_a_calendar_trap_is_counted_in_the_findings_without_making_items_unknown(tmp_path: Path) -> None:
    with site() as server:
        result = scan(server, tmp_path / "oit.sqlite", max_depth=1000)
        calendar_hits = server.count("/calendar.php")
        assert server.count("/about/org.html") == 1  # deep enough now
    assert ALIKE_PER_PATTERN <= calendar_hits <= ALIKE_PER_PATTERN + 4
    (line,) = [f for f in result.crawl.findings if "pages alike" in f]
    assert line.startswith("ไม่ได้เปิด ") and "/calendar.php?month=" in line and " / " in line
    # The held-back calendar months name no item: nothing turns unknown for them.
    reasons = [i.unknown_reason or "" for i in result.items if i.status == "unknown"]
    assert not any("calendar.php" in r for r in reasons)
