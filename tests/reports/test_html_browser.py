"""The HTML reports opened in real Chromium: nothing runs, nothing is fetched, the content is there, it prints.

Screenshots and the A4 PDF are saved under build/test-artifacts/ for people to look at.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pypdfium2
import pytest

from oit.store.database import open_engine
from oit.watch.history import load_result
from oit.watch.reporting import build_fleet, scan_context
from reports.html_report import write_html
from reports.models import ScanResult
from tests.reports.browser import ACTIVE_CONTENT_JS, CONTRAST_JS, HEADINGS_JS, Visit, artifact, open_report
from tests.reports.history_site import UNSCANNED_NAME, History
from tests.reports.hostile_site import PAGE_SCRIPT, TITLE_IMG, TITLE_SCRIPT

pytestmark = pytest.mark.requires("chromium")  # every test opens a report in it (tests/requires.py)
A4_POINTS = (595.3, 841.9)


def _assert_quiet(visit: Visit, path: Path) -> None:
    """No console message, no script error, no dialog, and the only request is the file itself."""
    assert visit.console == [], visit.console
    assert visit.errors == [] and visit.dialogs == []
    assert visit.requests == [path.resolve().as_uri()], visit.requests
    assert visit.page.evaluate(ACTIVE_CONTENT_JS) == []


def _latest_report(history: History, tmp_path: Path) -> tuple[Path, ScanResult]:
    engine = open_engine(f"sqlite:///{history.database}")
    result = load_result(engine, history.scan_ids[-1])
    assert result is not None
    past, diff = scan_context(engine, result)
    return write_html(result, tmp_path / "report.html", past, diff), result


def test_report_in_chromium_shows_score_changes_and_gaps(history: History, tmp_path: Path) -> None:
    path, result = _latest_report(history, tmp_path)
    with open_report(path) as visit:
        page = visit.page
        _assert_quiet(visit, path)
        assert result.score is not None and result.score.oit_estimate is not None
        assert page.locator("p.score").inner_text().split() == ["คะแนน", "OIT", "โดยประมาณ",
            f"{result.score.oit_estimate:.2f}", "ระดับ", result.score.grade, f"({result.score.grade_th})"]  # fmt: skip
        o20 = next(i for i in result.items if i.code == "O20")
        gap = page.locator("#item-O20 .gap-th").first
        assert gap.is_visible() and gap.inner_text() == o20.gaps[0].text_th
        changes = page.locator("section.changes")
        assert changes.is_visible()
        assert "แก้ไขแล้ว 1" in changes.inner_text()  # O3: the LINE Official Account fixed the Q&A gap
        assert "หลักฐานเดิมเปิดไม่ได้" in changes.inner_text() and "HTTP 404" in changes.inner_text()
        chart = page.locator("section.trend svg")
        assert chart.is_visible() and chart.locator("circle").count() == len(history.scan_ids)
        assert chart.locator("circle.dot-current").count() == 1
        page.screenshot(path=artifact("report-full.png"), full_page=True)
        assert artifact("report-full.png").stat().st_size > 50_000


def test_report_prints_on_a4_with_cards_kept_whole(history: History, tmp_path: Path) -> None:
    path, result = _latest_report(history, tmp_path)
    with open_report(path) as visit:
        page = visit.page
        page.emulate_media(media="print")
        breaks = page.eval_on_selector_all("article.card", "cards => cards.map(c => getComputedStyle(c).breakInside)")
        assert len(breaks) == len(result.items) and set(breaks) == {"avoid"}
        assert page.locator(".skip-link").is_hidden()
        pdf = artifact("report-print.pdf")
        page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
        _assert_quiet(visit, path)
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        assert len(document) >= 5
        for index in range(len(document)):
            assert document[index].get_size() == pytest.approx(A4_POINTS, abs=2)
        first = document[0].get_textpage().get_text_range()
        assert "สรุปผล" in first and "คะแนน" in first
    finally:
        document.close()


def test_report_keyboard_headings_and_contrast(history: History, tmp_path: Path) -> None:
    path, _ = _latest_report(history, tmp_path)
    with open_report(path) as visit:
        page = visit.page
        levels = page.evaluate(HEADINGS_JS)
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b - a <= 1 for a, b in pairwise(levels)), levels  # no skipped level
        assert page.evaluate("document.documentElement.lang") == "th"
        assert page.evaluate(CONTRAST_JS) == []
        page.keyboard.press("Tab")
        focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent]")
        assert focused == ["skip-link", "ข้ามไปที่ผลการตรวจรายข้อ"]
        assert page.locator(".skip-link").is_visible()  # shown when focused
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline == "solid"
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#items"
        headers = page.eval_on_selector_all("table", "ts => ts.map(t => t.querySelectorAll('th').length)")
        assert headers and all(n > 0 for n in headers)


def test_hostile_site_cannot_run_script_in_the_report(hostile_scan: dict[str, Path]) -> None:
    data = json.loads(hostile_scan["json"].read_text(encoding="utf-8"))
    titles = " ".join(e.get("title") or "" for i in data["items"] for e in i["evidence"])
    # the hostile strings really reached the result, so the report below is really tested with them
    assert TITLE_SCRIPT in data["site"]["name"] and TITLE_IMG in data["site"]["name"]
    assert PAGE_SCRIPT in titles
    with open_report(hostile_scan["html"]) as visit:
        page = visit.page
        _assert_quiet(visit, hostile_scan["html"])
        assert page.title().startswith("รายงานผลการตรวจ OIT") and "pwned" not in page.title()
        h1 = page.locator("h1").inner_text()
        assert TITLE_SCRIPT in h1 and TITLE_IMG in h1  # shown as text, not run
        assert page.get_by_text(PAGE_SCRIPT).count() >= 1
        page.screenshot(path=artifact("report-hostile.png"), full_page=True)


def test_hostile_link_texts_and_urls_are_inert(hostile_result: ScanResult, tmp_path: Path) -> None:
    """javascript:, data: and obfuscated URLs are never links; clicking everything runs nothing."""
    path = write_html(hostile_result, tmp_path / "hostile.html")
    with open_report(path) as visit:
        page = visit.page
        _assert_quiet(visit, path)
        hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
        assert all(re.match(r"^(https?:|file:.*#)", h) for h in hrefs), hrefs
        assert page.get_by_text("javascript:alert(1)").count() >= 1
        for span in page.locator(".url-unlinked").all():
            span.click()
        page.wait_for_timeout(200)
        assert visit.dialogs == [] and visit.errors == []


def test_fleet_index_in_chromium(history: History, tmp_path: Path) -> None:
    index, entries = build_fleet(open_engine(f"sqlite:///{history.database}"), _sites(history), tmp_path / "fleet")
    with open_report(index) as visit:
        page = visit.page
        _assert_quiet(visit, index)
        rows = page.locator("table.fleet tbody tr")
        assert rows.count() == len(entries) == 2
        scanned = rows.filter(has_text="อบต.หนองบัวแดง (ทดสอบ)")
        latest = next(e for e in entries if e.latest is not None).latest
        assert latest is not None and latest.scan_id == history.scan_ids[-1]
        assert scanned.locator("td.num").inner_text() == f"{latest.score:.2f}"
        assert scanned.locator("svg.spark polyline").count() == 1
        assert "ดีขึ้น" in scanned.inner_text()  # scan 3 scored above scan 2
        assert "ยังไม่มีการตรวจที่เสร็จสมบูรณ์" in rows.filter(has_text=UNSCANNED_NAME).inner_text()
        page.screenshot(path=artifact("fleet.png"), full_page=True)
        link = scanned.locator("a").first
        target = (index.parent / link.get_attribute("href")).resolve()
        assert target.is_file()
    with open_report(target) as visit:
        _assert_quiet(visit, target)
        assert visit.page.locator("section.trend svg").is_visible()


def _sites(history: History):  # type: ignore[no-untyped-def]
    from oit.config import load_config

    return load_config(history.config).sites
