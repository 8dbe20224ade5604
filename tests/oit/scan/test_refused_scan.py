"""Pages the server refused or never finished are not "missing" (issue 13, cases 2 and 3): an item whose evidence may
sit behind a page answered 429 or 503, or one that timed out, is "unknown" with the HTTP reason and the URL; the
scan's findings count the pages that failed, by reason; everything read is judged as usual. Dead links (404) stay
what they were: the gap "ลิงก์ไม่สามารถเข้าถึงได้", no failure.

Real parts: the demo อบต. site and a small อบต. served on 127.0.0.1 (tests/oit/faulty_sites.py), whole scans into
SQLite, the 2569 catalog."""

from __future__ import annotations

from pathlib import Path

from reports.models import ScanResult
from rules.results import ItemResult
from tests.crawler.support import Hit, Reply
from tests.oit.faulty_sites import PLANTED, TOO_MANY, UNAVAILABLE, Trickle, by_code, demo_site, scan, small_site
from tests.rules.koksawang import o2
from tests.rules.sitebuilder import AS_OF, YEAR

EXECUTIVES = "/about/executives.html"


def small_scan(tmp_path: Path, faults: dict, menu: list[tuple[str, str]] | None = None, **crawl: object):  # type: ignore[no-untyped-def]
    with small_site(faults, menu) as server:
        result = scan(server, tmp_path / "oit.sqlite", year=YEAR, as_of=AS_OF, **crawl)
    return server, result


def failure_lines(result: ScanResult) -> list[str]:
    return [f for f in result.crawl.findings if "could not be read" in f]


def assert_unknown_naming(item: ItemResult, url: str, reason: str) -> None:
    why = item.unknown_reason or ""
    assert item.status == "unknown" and item.gaps == [], (item.code, item.status, why)
    assert url in why and reason in why and " / " in why, why


def test_subpages_refused_with_429_and_a_long_retry_after_make_their_items_unknown(tmp_path: Path) -> None:
    """The executives' page (at a Thai address, behind "อ่านต่อ") and the procurement summary linked as "O12" answer
    429 with Retry-After: 3600: before, the scan called both items missing with no word of the refusals."""
    menu = [
        ("โครงสร้างหน่วยงาน", "/about/structure.html"),
        ("อ่านต่อ", "/ข้อมูลผู้บริหาร/"),
        ("O12", "/ita/2569/12.html"),
        ("ติดต่อเรา", "/contact.html"),
        ("ข่าวประชาสัมพันธ์", "/news/index.html"),
    ]
    server, result = small_scan(tmp_path, {"/ข้อมูลผู้บริหาร/": TOO_MANY, "/ita/2569/12.html": TOO_MANY}, menu)
    assert server.count("/ita/2569/12.html") == 1  # Retry-After longer than max_retry_after: not retried
    items = by_code(result)
    assert_unknown_naming(items["O2"], server.url("/ข้อมูลผู้บริหาร/"), "HTTP 429")
    assert_unknown_naming(items["O12"], server.url("/ita/2569/12.html"), "HTTP 429")
    # The pages served are judged as usual, and an item no failed link names is still missing: no blanket excuse.
    assert items["O3"].status == "pass" and items["O4"].status == "pass" and items["O1"].status == "gap"
    assert items["O5"].status == "missing"
    (line,) = failure_lines(result)
    assert line.startswith("2 หน้าและไฟล์เปิดไม่ได้: HTTP 429 (2)") and "could not be read: HTTP 429 (2)" in line


def test_the_demo_site_refusing_its_evidence_pages_names_429_and_judges_the_rest(tmp_path: Path) -> None:
    """The demo อบต. with its structure, executives, procurement and e-service pages refused (429, Retry-After 3600,
    as a rate limiter does): those items are unknown naming the page and 429; the 22 others are judged exactly as
    on the healthy site (oit/demo/expected.toml)."""
    refused = ["/about/structure.html", EXECUTIVES, "/procurement/index.html", "/eservice/index.html"]
    with demo_site(dict.fromkeys(refused, TOO_MANY)) as server:
        result = scan(server, tmp_path / "oit.sqlite")
    items = by_code(result)
    for code, path in (("O1", refused[0]), ("O2", EXECUTIVES), ("O10", refused[3]), ("O11", refused[2])):
        assert_unknown_naming(items[code], server.url(path), "HTTP 429")
    planted = demo_statuses()
    assert {c: i.status for c, i in items.items() if c not in ("O1", "O2", "O10", "O11")} == {
        c: s for c, s in planted.items() if c not in ("O1", "O2", "O10", "O11")
    }
    (line,) = failure_lines(result)
    assert line.startswith("4 หน้าและไฟล์เปิดไม่ได้: HTTP 429 (4)")


def demo_statuses() -> dict[str, str]:
    return {code: want["status"] for code, want in PLANTED["items"].items()}


def test_an_ita_index_page_answering_503_makes_every_item_not_found_unknown(tmp_path: Path) -> None:
    """The demo's ITA 2569 index page answers 503 to every try: the items only it links were "missing" before. Now
    they are unknown, naming the index page and 503; items found through the menus are judged as usual."""
    index = "/ita/ita-2569.html"
    with demo_site({index: UNAVAILABLE}) as server:
        result = scan(server, tmp_path / "oit.sqlite")
        assert server.count(index) == 2  # the first try and one retry (retries = 1)
    items = by_code(result)
    assert not [c for c, i in items.items() if i.status == "missing"]
    for code in ("O13", "O14", "O18", "O21", "O26"):
        assert_unknown_naming(items[code], server.url(index), "HTTP 503")
    assert items["O1"].status == "pass" and items["O2"].status == "pass" and items["O3"].status == "gap"
    (line,) = failure_lines(result)
    assert "HTTP 503 (1)" in line and server.url(index) in line


def test_an_oit_page_in_the_menu_answering_503_leaves_nothing_missing(tmp_path: Path) -> None:
    """The other common shape: the menu's "การเปิดเผยข้อมูลสาธารณะ (OIT)" page fails, alternately 503 and 502."""
    menu = [("ติดต่อเรา", "/contact.html"), ("การเปิดเผยข้อมูลสาธารณะ (OIT)", "/oit/"), ("ข่าว", "/news/index.html")]
    bad = Reply(status=502, body="<h1>502 Bad Gateway</h1>")
    server, result = small_scan(tmp_path, {"/oit/": [UNAVAILABLE, bad]}, menu)
    items = by_code(result)
    assert items["O3"].status == "pass"
    unknown = [i for i in items.values() if i.status not in ("pass", "gap")]
    assert unknown and all(i.status == "unknown" for i in unknown)
    assert_unknown_naming(items["O20"], server.url("/oit/"), "HTTP 502")


def test_a_site_that_rate_limits_every_subpage_proves_nothing_missing(tmp_path: Path) -> None:
    """After the home page the server answers 429 to everything (Retry-After: 3600): most of the site failed, so no
    item is called missing, and the findings say how many pages failed."""

    def limited(hit: Hit) -> Reply:
        return TOO_MANY

    faults = {path: limited for path in ("/about/structure.html", EXECUTIVES, "/contact.html", "/news/index.html")}
    server, result = small_scan(tmp_path, faults)
    items = by_code(result)
    assert not [c for c, i in items.items() if i.status == "missing"]
    assert_unknown_naming(items["O20"], server.url("/contact.html"), "HTTP 429")
    # The first three in address order, whichever fetch failed first: the same words every night.
    shown = ", ".join(server.url(p) for p in (EXECUTIVES, "/about/structure.html", "/contact.html")) + ", …"
    assert (items["O20"].unknown_reason or "").endswith(shown)
    (line,) = failure_lines(result)
    assert line.startswith("4 หน้าและไฟล์เปิดไม่ได้: HTTP 429 (4)")


def test_a_dead_link_is_no_failure(tmp_path: Path) -> None:
    """404 is the server's answer that the page is not there: a finding against the item, never "unknown"."""
    _, result = small_scan(tmp_path, {EXECUTIVES: Reply(status=404, body="<h1>404 Not Found</h1>")})
    assert by_code(result)["O2"].status in ("gap", "missing")
    assert failure_lines(result) == []


def test_one_page_held_past_the_timeout_leaves_the_rest_of_the_report_intact(tmp_path: Path) -> None:
    """Case 2: the executives' page answers only after 30 s (the request timeout is 2 s) beside normal pages. The
    page errors after its timeout and retry; only O2 is unknown, naming it; every other item is judged as on the
    same site served normally, and the scan is not cut by its time limit."""
    _, healthy = small_scan(tmp_path, {})
    server, result = small_scan(tmp_path, {EXECUTIVES: Reply(body="<h1>ผู้บริหาร</h1>", delay=30)})
    assert server.count(EXECUTIVES) == 2  # one try, one retry: then it is reported, not waited for
    items, before = by_code(result), by_code(healthy)
    assert before["O2"].status == "pass"
    assert_unknown_naming(items["O2"], server.url(EXECUTIVES), "timed out")
    assert {c: i.status for c, i in items.items() if c != "O2"} == {c: i.status for c, i in before.items() if c != "O2"}
    assert not any("time limit" in f for f in result.crawl.findings)
    (line,) = failure_lines(result)
    assert line.startswith("1 หน้าและไฟล์เปิดไม่ได้: หมดเวลารอการตอบกลับ (1)")


def test_one_trickling_page_errors_after_its_deadline_and_only_its_item_is_unknown(tmp_path: Path) -> None:
    """Case 2 as the issue met it: the executives' page trickles one byte every half second."""
    (pages, _) = o2()
    slow = Trickle(body=str(pages[EXECUTIVES]), interval=0.5)
    server, result = small_scan(tmp_path, {EXECUTIVES: slow}, max_duration=30.0)
    items = by_code(result)
    assert_unknown_naming(items["O2"], server.url(EXECUTIVES), "timed out")
    assert items["O3"].status == "pass" and items["O4"].status == "pass"
    assert items["O5"].status == "missing"  # not "unknown (time limit)"
    assert not any("time limit" in f for f in result.crawl.findings)
