from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from reports.html_report import render_html, safe_href, write_html
from reports.models import FiscalYear, ScanResult
from reports.thai import confidence_meanings, thai_date, thai_duration, thai_fiscal_year
from rules.results import STATUS_TH
from tests.reports.sample_results import XSS_IMG, XSS_SCRIPT

EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


def _tree(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


# --- Thai formatting ------------------------------------------------------------------------------


def test_thai_dates() -> None:
    assert thai_date(date(2025, 10, 1)) == "1 ต.ค. 2568"
    assert thai_date(date(2026, 9, 30)) == "30 ก.ย. 2569"
    fy = FiscalYear(start=date(2025, 10, 1), end=date(2026, 9, 30))
    assert thai_fiscal_year(fy) == "1 ต.ค. 2568 – 30 ก.ย. 2569"


def test_thai_duration() -> None:
    assert thai_duration(12.34) == "12.3 วินาที"
    assert thai_duration(263.4) == "4 นาที 23 วินาที"
    assert thai_duration(3720) == "1 ชั่วโมง 2 นาที"


def test_confidence_meanings() -> None:
    assert confidence_meanings("1/I") == [("1", "แหล่งเดียว"), ("I", "อนุมาน")]
    assert confidence_meanings("[S]") == [("S", "พบจากหลายแหล่ง")]
    assert confidence_meanings(None) == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "/relative/path",
        "//evil.example/x",
        "http:/no-host",
        "https://example.com/a b",
        "",
        None,
    ],
)
def test_safe_href_rejects(url: str | None) -> None:
    assert safe_href(url) is None


@pytest.mark.parametrize(
    "url",
    ["https://www.nakhlang.go.th/ita", "HTTP://example.com/x?a=1&b=2", "https://ทดสอบ.go.th/ไฟล์.pdf"],
)
def test_safe_href_accepts(url: str) -> None:
    assert safe_href(url) == url


# --- content ----------------------------------------------------------------------------------------


def test_html_header(scan_result: ScanResult) -> None:
    html = render_html(scan_result)
    assert html.startswith("<!DOCTYPE html>")
    tree = _tree(html)
    assert tree.css_first("html").attributes["lang"] == "th"
    assert tree.css_first("meta[charset]").attributes["charset"] == "utf-8"
    header = tree.css_first("header.report-header").text()
    assert "เทศบาลตำบลนากลาง" in header
    assert "https://www.nakhlang.go.th" in header
    assert "ITA 2569" in header
    assert "1 ต.ค. 2568 – 30 ก.ย. 2569" in header
    assert "30 เม.ย. 2569" in header  # as-of date
    assert "เกณฑ์ ITA ปี 2569" in header
    assert "ใช้เกณฑ์ชั่วคราว" not in html


def test_html_provisional_warning(provisional_result: ScanResult) -> None:
    tree = _tree(render_html(provisional_result))
    warning = tree.css_first(".warning")
    assert warning is not None
    assert "ใช้เกณฑ์ชั่วคราว" in warning.text()
    assert "เกณฑ์ปี 2570 ยังไม่ประกาศ ใช้เกณฑ์ปี 2569" in warning.text()
    assert "1 ต.ค. 2569 – 30 ก.ย. 2570" in tree.css_first("header.report-header").text()


def test_html_summary(scan_result: ScanResult, provisional_result: ScanResult) -> None:
    tree = _tree(render_html(scan_result))
    summary = tree.css_first("section.summary").text(separator=" ")
    assert "33.33" in summary and "ระดับ" in summary and "F" in summary
    for label in ("412 หน้า", "87 ไฟล์", "5 ครั้ง", "4 นาที 23 วินาที", "ใบรับรอง TLS ของเว็บไซต์หมดอายุ"):
        assert label in summary
    counts = {
        " ".join(row.css_first(".badge").text().split()): row.css_first("td.num").text(strip=True)
        for row in tree.css("table.counts tbody tr")
        if row.css_first(".badge")
    }
    assert counts == {"✓ ผ่าน": "1", "! ไม่ครบองค์ประกอบ": "3", "✗ ไม่พบข้อมูล": "1", "? ตรวจสอบไม่ได้": "1"}
    assert "คะแนน OIT" not in render_html(provisional_result)


def test_html_every_status_and_item(scan_result: ScanResult) -> None:
    tree = _tree(render_html(scan_result))
    cards = tree.css("article.card")
    assert [c.attributes["id"] for c in cards] == ["item-O1", "item-O3", "item-O10", "item-O12", "item-O20", "item-O26"]
    badges = {c.css_first(".card-head .badge").text() for c in cards}
    for status_th in STATUS_TH.values():
        assert any(status_th in b for b in badges)
    for card, item in zip(cards, scan_result.items, strict=True):
        head = card.css_first(".card-head").text()
        assert item.code in head and item.title in head
        assert f"status-{item.status}" in card.attributes["class"]


def test_html_item_details(scan_result: ScanResult) -> None:
    tree = _tree(render_html(scan_result))
    o10 = tree.css_first("#item-O10").text(separator=" ")
    assert "ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏรายละเอียดวิธีการใช้งานระบบการให้บริการ" in o10
    assert "Data incomplete - no instructions for using the e-service" in o10
    assert "แนวทางแก้ไข:" in o10
    assert "ระดับความเชื่อมั่นของเกณฑ์:" in o10 and "1 = แหล่งเดียว" in o10
    o3 = tree.css_first("#item-O3").text(separator=" ")
    assert "1 = แหล่งเดียว" in o3 and "I = อนุมาน" in o3
    assert "พบเพียงที่อยู่อีเมล" in o3  # component reason
    o26 = tree.css_first("#item-O26").text(separator=" ")
    assert "ไฟล์ PDF เป็นภาพสแกนที่อ่านข้อความไม่ได้" in o26
    o20 = tree.css_first("#item-O20")
    assert "nogift.activity" in o20.text()  # component without a label falls back to its id
    component_statuses = {span.text(strip=True) for span in tree.css("table.components .cstatus")}
    assert component_statuses == {"มี", "ไม่พบ", "ตรวจสอบไม่ได้"}
    legend = tree.css_first(".legend").text()
    for text in ("C = อ้างอิงคู่มือ/ประกาศ ป.ป.ช.", "S = พบจากหลายแหล่ง", "1 = แหล่งเดียว", "I = อนุมาน"):
        assert text in legend


def test_html_evidence_links(scan_result: ScanResult) -> None:
    tree = _tree(render_html(scan_result))
    links = tree.css("article a[href]")
    assert links
    for a in links:
        assert a.attributes["href"].startswith(("https://", "http://"))
        assert set(a.attributes["rel"].split()) >= {"noopener", "noreferrer"}
    hrefs = {a.attributes["href"] for a in links}
    assert "https://www.nakhlang.go.th/files/สรุปผลจัดซื้อจัดจ้าง2568.pdf" in hrefs
    assert "https://forms.gle/abc123" in hrefs


# --- safety -----------------------------------------------------------------------------------------


def test_html_escapes_hostile_content(hostile_result: ScanResult) -> None:
    html = render_html(hostile_result)
    tree = _tree(html)
    assert tree.css("script") == []
    assert tree.css("img") == []
    for node in tree.css("*"):
        attrs = node.attributes
        assert not [name for name in attrs if name.lower().startswith("on")], node.html
        assert not (attrs.get("href") or "").strip().lower().startswith(("javascript:", "data:"))
    assert XSS_SCRIPT not in html
    assert "<img" not in html
    # the hostile text is shown, as text
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
    body_text = tree.body.text()
    assert XSS_SCRIPT in body_text and XSS_IMG in body_text and "javascript:alert(1)" in body_text
    # only the one http(s) evidence URL is linked; the others appear unlinked
    hrefs = [a.attributes["href"] for a in tree.css("a[href]") if not a.attributes["href"].startswith("#")]
    assert hrefs == ['https://www.nakhlang.go.th/news?q="><script>alert(1)</script>']
    assert len(tree.css(".url-unlinked")) == 6  # site url, 4 evidence URLs, 1 component URL


def test_html_makes_no_external_requests(scan_result: ScanResult, hostile_result: ScanResult) -> None:
    for result in (scan_result, hostile_result):
        html = render_html(result)
        tree = _tree(html)
        for node in tree.css("[src], [srcset], [poster], [data], link[href], base, object, embed, iframe"):
            raise AssertionError(f"resource-loading element: {node.html}")
        css = " ".join(style.text() for style in tree.css("style"))
        assert "@import" not in css and "url(" not in css and "@font-face" not in css
        for node in tree.css("[style]"):
            assert "url(" not in node.attributes["style"]
        for node in tree.css("[href]"):
            assert node.tag == "a", node.html
        csp = tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
        assert "default-src 'none'" in csp
        assert not EXTERNAL.search(csp)


def test_html_uses_system_thai_fonts(scan_result: ScanResult) -> None:
    css = _tree(render_html(scan_result)).css_first("style").text()
    assert '"Sarabun"' in css and '"Noto Sans Thai"' in css and "sans-serif" in css
    assert "@page { size: A4" in css


def test_write_html(tmp_path: Path, scan_result: ScanResult) -> None:
    out = write_html(scan_result, tmp_path / "out" / "report.html")
    assert out.read_bytes().decode("utf-8") == render_html(scan_result)


# --- estimated score ------------------------------------------------------------------------------


def test_html_score_summary_range_and_subindicators(scored_result: ScanResult) -> None:
    tree = _tree(render_html(scored_result))
    summary = tree.css_first("section.summary")
    score = " ".join(summary.css_first("p.score").text().split())
    assert "คะแนน OIT โดยประมาณ 8.33" in score and "ระดับ F" in score and "(ต้องปรับปรุงโดยด่วน)" in score
    sentence = " ".join(summary.css_first("p.score-range").text().split())
    assert sentence.startswith("คะแนนประมาณการ 8.33 (นับข้อที่ตรวจสอบไม่ได้เป็น 0) สูงสุด 33.33 (ระดับ F)")
    assert "หากข้อที่ตรวจสอบไม่ได้ผ่านทั้งหมด" in sentence and "ตรวจสอบไม่ได้ 1 ข้อ" in sentence
    assert "ยังไม่รองรับการตรวจ" not in sentence  # no item is "not implemented" here
    rows = [[" ".join(td.text().split()) for td in tr.css("td")] for tr in summary.css("table.subscores tbody tr")]
    assert rows == [
        ["ตัวชี้วัดที่ 9", "การเปิดเผยข้อมูล", "9.1, 9.2, 9.3", "16.67", "16.67"],
        ["9.1", "ข้อมูลพื้นฐาน", "O1, O3", "50.00", "50.00"],
        ["9.2", "การบริหารงาน", "O10", "0.00", "0.00"],
        ["9.3", "การบริหารเงินงบประมาณ/การจัดซื้อจัดจ้าง", "O12", "0.00", "0.00"],
        ["ตัวชี้วัดที่ 10", "การป้องกันการทุจริต", "10.1, 10.2", "0.00", "50.00"],
        ["10.1", "การดำเนินการเพื่อป้องกันการทุจริต", "O20", "0.00", "0.00"],
        ["10.2", "มาตรการภายในเพื่อป้องกันการทุจริต", "O26", "0.00", "100.00"],
        ["OIT", "คะแนน OIT โดยประมาณ", "", "8.33", "33.33"],
    ]
    hrefs = [a.attributes["href"] for a in summary.css("table.subscores a")]
    assert hrefs == ["#item-O1", "#item-O3", "#item-O10", "#item-O12", "#item-O20", "#item-O26"]
    notes = summary.text()
    assert "ระดับความเชื่อมั่น I (อนุมาน)" in notes  # sub-indicator grouping and Thai label mapping
    overview = {
        tr.css_first("td").text(strip=True): tr.css("td")[-1].text(strip=True)
        for tr in tree.css("table.overview tbody tr")
    }
    assert overview == {"O1": "–", "O3": "+8.33", "O10": "+16.67", "O12": "+16.67", "O20": "+25.00", "O26": "+25.00"}


def test_html_item_cards_show_the_gain(scored_result: ScanResult) -> None:
    tree = _tree(render_html(scored_result))
    gains = {card.attributes["id"]: (card.css_first("p.gain").text(strip=True) if card.css_first("p.gain") else None)
             for card in tree.css("article.card")}  # fmt: skip
    assert gains == {
        "item-O1": None,
        "item-O3": "แก้ข้อนี้จะได้เพิ่มประมาณ 8.33 คะแนน",
        "item-O10": "แก้ข้อนี้จะได้เพิ่มประมาณ 16.67 คะแนน",
        "item-O12": "แก้ข้อนี้จะได้เพิ่มประมาณ 16.67 คะแนน",
        "item-O20": "แก้ข้อนี้จะได้เพิ่มประมาณ 25.00 คะแนน",
        "item-O26": "หากข้อนี้ผ่าน จะได้เพิ่มประมาณ 25.00 คะแนน",
    }


def test_html_complete_score_has_no_range(scored_result: ScanResult) -> None:
    items = [i.model_copy(update={"status": "gap"}) if i.status == "unknown" else i for i in scored_result.items]
    from rules.score import apply_gains, estimate

    score = estimate(items, "I")
    html = render_html(scored_result.model_copy(update={"items": apply_gains(items, score), "score": score}))
    tree = _tree(html)
    assert tree.css_first("p.score-range") is None
    assert "สูงสุดหากข้อที่ตรวจสอบไม่ได้ผ่าน" not in html
    assert len(tree.css_first("table.subscores tbody tr").css("td")) == 4


def test_html_contract_only_score_still_renders(scan_result: ScanResult) -> None:
    # a score with only the contract's two fields (an older JSON read back): no range, no table, no gains
    tree = _tree(render_html(scan_result))
    assert tree.css_first("p.score-range") is None and tree.css_first("table.subscores") is None
    assert tree.css("p.gain") == []


def test_html_escapes_hostile_score_fields(scored_result: ScanResult) -> None:
    assert scored_result.score is not None
    sub = scored_result.score.subindicators[0].model_copy(update={"label_th": XSS_SCRIPT, "id": XSS_IMG})
    score = scored_result.score.model_copy(
        update={"grade_th": XSS_SCRIPT, "grade_if_unknown_pass": XSS_IMG, "subindicator_confidence": XSS_SCRIPT,
                "subindicators": [sub, *scored_result.score.subindicators[1:]]}
    )  # fmt: skip
    html = render_html(scored_result.model_copy(update={"score": score}))
    tree = _tree(html)
    assert tree.css("script") == [] and tree.css("img") == []
    assert XSS_SCRIPT not in html and "<img" not in html
    assert XSS_SCRIPT in tree.body.text()


# --- history and changes since the previous scan ---------------------------------------------------


def test_html_changes_since_previous_scan(previous_result: ScanResult, scored_result: ScanResult) -> None:
    from oit.watch.diff import diff_results

    tree = _tree(render_html(scored_result, diff=diff_results(previous_result, scored_result)))
    changes = tree.css_first("section.summary section.changes")
    text = " ".join(changes.text(separator=" ").split())
    assert "เทียบกับการตรวจครั้งที่ 5 (ข้อมูล ณ 31 มี.ค. 2569)" in text
    assert "คะแนน 33.33 (F) → 8.33 (F) (-25.00)" in text
    assert "ประเด็นใหม่ 2 · แก้ไขแล้ว 1 · ข้อที่เปลี่ยน 3 ข้อ" in text
    rows = changes.css("tbody tr")
    assert [r.css_first("a").text() for r in rows] == ["O3", "O10", "O26"]
    o3 = " ".join(rows[0].text(separator=" ").split())
    assert "✓ ผ่าน → ! ไม่ครบองค์ประกอบ" in o3 and "ประเด็นใหม่: ไม่ครบองค์ประกอบด้านข้อมูล - ไม่ปรากฏช่องทางถาม-ตอบ" in o3
    o26 = " ".join(rows[2].text(separator=" ").split())
    assert "แก้ไขแล้ว: ไม่พบข้อมูล" in o26 and 'กลายเป็น "ตรวจสอบไม่ได้": ไฟล์ PDF เป็นภาพสแกน' in o26
    assert "หลักฐานใหม่: https://www.nakhlang.go.th/files/ita/o26.pdf" in o26


def test_html_no_changes_and_no_diff(scored_result: ScanResult) -> None:
    from oit.watch.diff import diff_results

    same = _tree(render_html(scored_result, diff=diff_results(scored_result, scored_result)))
    assert "ไม่มีการเปลี่ยนแปลงจากการตรวจครั้งก่อน" in same.css_first("section.changes").text()
    assert _tree(render_html(scored_result)).css_first("section.changes") is None  # first scan: nothing to compare


def test_html_item_missing_from_one_scan(previous_result: ScanResult, scored_result: ScanResult) -> None:
    from oit.watch.diff import diff_results

    older = previous_result.model_copy(update={"items": previous_result.items[:-1]})  # no O26 before
    tree = _tree(render_html(scored_result, diff=diff_results(older, scored_result)))
    row = tree.css("section.changes tbody tr")[-1]
    assert row.css_first(".badge-none").text() == "ไม่มีข้อนี้"


def test_html_score_chart_from_history(scored_result: ScanResult, scan_history: list) -> None:
    tree = _tree(render_html(scored_result, history=scan_history))
    svg = tree.css_first("section.trend svg")
    assert svg.attributes["role"] == "img" and svg.css_first("title").text() == "คะแนน OIT โดยประมาณ 3 ครั้งล่าสุด"
    assert svg.css_first("desc").text() == "28 ก.พ. 2569: 25.00; 31 มี.ค. 2569: 33.33; 30 เม.ย. 2569: 8.33"
    assert len(svg.css("circle")) == 3 and len(svg.css("circle.dot-current")) == 1
    rows = [[td.text(strip=True) for td in tr.css("td")] for tr in tree.css("section.trend table.history tbody tr")]
    assert rows[-1] == ["30 เม.ย. 2569", "7 (ครั้งนี้)", "8.33", "F"]
    assert _tree(render_html(scored_result, history=scan_history[:2])).css_first("section.trend") is None


def test_html_escapes_hostile_diff(previous_result: ScanResult, hostile_result: ScanResult) -> None:
    from oit.watch.diff import diff_results

    html = render_html(hostile_result, diff=diff_results(previous_result, hostile_result))
    tree = _tree(html)
    assert tree.css("script") == [] and tree.css("img") == [] and XSS_SCRIPT not in html
    for a in tree.css("section.changes a[href]"):
        assert a.attributes["href"].startswith(("#", "https://"))
