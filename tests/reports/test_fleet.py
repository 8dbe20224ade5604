"""The fleet index page (reports.fleet), rendered from entries built by hand."""

from __future__ import annotations

from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from reports.fleet import fleet_entry, render_fleet, worst_items
from reports.models import ScanResult, ScanSummary
from tests.reports.sample_results import XSS_IMG, XSS_SCRIPT

GENERATED = datetime(2026, 5, 1, 7, 30)


def test_worst_items_by_gain_then_status(scored_result: ScanResult) -> None:
    assert [w.code for w in worst_items(scored_result)] == ["O20", "O26", "O10"]  # missing before unknown at +25
    assert [w.code for w in worst_items(scored_result, limit=10)] == ["O20", "O26", "O10", "O12", "O3"]


def test_index_orders_sites_lowest_score_first(scored_result: ScanResult, scan_history: list[ScanSummary]) -> None:
    better = [s.model_copy(update={"score": 90.0, "grade": "A", "site_url": "https://b.go.th/"}) for s in scan_history]
    entries = [
        fleet_entry(None, "https://never.go.th/", True, [], None, None),
        fleet_entry("อบต.บี", "https://b.go.th/", True, better, None, "sites/b.html"),
        fleet_entry("เทศบาลตำบลนากลาง", scored_result.site.url, False, scan_history, scored_result, "sites/n.html"),
    ]
    tree = LexborHTMLParser(render_fleet(entries, GENERATED))
    assert tree.css_first("html").attributes["lang"] == "th"
    rows = tree.css("table.fleet tbody tr")
    assert [r.css_first("th").text(separator=" ").split()[0] for r in rows] == [
        "เทศบาลตำบลนากลาง",
        "อบต.บี",
        "https://never.go.th/",
    ]
    first = rows[0].text(separator=" ")
    assert "8.33" in first and "ลดลง" in first and "ไม่ได้อยู่ใน config.toml" in first
    assert "O20" in first and "+25.00" in first
    assert "ครั้งล่าสุด (6) ล้มเหลว" not in first  # the newest scan (7) finished
    assert rows[0].css_first("a").attributes["href"] == "sites/n.html"
    assert rows[0].css_first("svg.spark polyline") is not None
    assert "ยังไม่มีการตรวจที่เสร็จสมบูรณ์" in rows[2].text()
    assert "1 พ.ค. 2569 เวลา 07:30 น." in tree.css_first("header").text(separator=" ")


def test_failed_latest_scan_is_shown(scan_history: list[ScanSummary]) -> None:
    history = scan_history[1:]  # newest is the failed scan 6
    text = LexborHTMLParser(render_fleet([fleet_entry("x", "https://x.go.th/", True, history, None, None)], GENERATED))
    assert "ครั้งล่าสุด (6) ล้มเหลว: เปิดหน้าแรกไม่ได้" in text.body.text(separator=" ")


def test_index_escapes_site_text(scored_result: ScanResult, scan_history: list[ScanSummary]) -> None:
    hostile = scored_result.items[4].model_copy(update={"title": XSS_SCRIPT})
    result = scored_result.model_copy(update={"items": [hostile]})
    failed = scan_history[1].model_copy(update={"error": XSS_IMG})
    entries = [fleet_entry(XSS_SCRIPT, "javascript:alert(1)", False, [failed], result, None)]
    html = render_fleet(entries, GENERATED)
    tree = LexborHTMLParser(html)
    assert tree.css("script") == [] and tree.css("img") == [] and tree.css("a") == []
    assert XSS_SCRIPT not in html and html.count("&lt;script&gt;") == 2
    assert XSS_IMG in tree.body.text()
