"""What a PDF's text layer or a web platform puts around the data, read as an assessor reads it.

- A fiscal year wrapped onto the next line of a narrow column or a Word line wrap ("ประจำปีงบประมาณ พ.ศ.\\n2568",
  "ปีงบประมาณ\\n๒๕๖๘") is still the document's year.
- Complaint statistics (O18) cover the months their rows list: a blog's archive widget ("มีนาคม 2026 กุมภาพันธ์
  2026 …"), a drop-down of months, a heading naming the half-year or the range October-March add no month.
- A tax id written with hyphens and wrapped before one of them ("3-4101-00234-56\\n-7") is one tax id (O12).
"""

from __future__ import annotations

import pytest

from rules.thaidates import find_dates
from tests.rules import koksawang as k
from tests.rules.sitebuilder import TIME_GAP, assert_pass, item, page
from tests.rules.test_o18_month_rows import COUNTS, FULL, MENU, PAGE, SHORT, _html_rows, _word_site
from tests.rules.test_wrapped_tables import O12, o12, word_annual


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ.\n                2568\nที่ โครงการ", 2568),
        ("แผนปฏิบัติการป้องกันการทุจริต\nประจำปีงบประมาณ\n๒๕๖๙\nองค์การบริหารส่วนตำบล", 2569),
        ("รายงานผลการดำเนินการ ปีงบประมาณ พ.ศ. \n ๒๕๖๘ (ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘)", 2568),
    ],
    ids=["era-then-break-arabic", "fy-word-then-break-thai", "era-space-break-thai"],
)
def test_a_fiscal_year_wrapped_onto_the_next_line_is_read(text: str, year: int) -> None:
    assert [s.fiscal_year for s in find_dates(text) if s.kind == "fiscal_year"][:1] == [year]


def test_a_blank_line_still_separates_a_year_from_the_words_above() -> None:
    assert not [s for s in find_dates("ปีงบประมาณ\n\n2568") if s.kind == "fiscal_year"]


def test_a_date_whose_year_wraps_after_the_era_is_read() -> None:
    spans = find_dates("ประกาศ ณ วันที่ ๕ มีนาคม พ.ศ.\n๒๕๖๙")
    assert [(s.kind, s.start.isoformat()) for s in spans] == [("day", "2026-03-05")]


BLOG_ARCHIVE = (
    '<aside><div class="widget BlogArchive"><h2>คลังบทความของบล็อก</h2><ul>'
    + "".join(
        f'<li><a href="/{y}/{m:02d}/">{n} {y}</a></li>'
        for y, m, n in [
            (2026, 3, "มีนาคม"),
            (2026, 2, "กุมภาพันธ์"),
            (2026, 1, "มกราคม"),
            (2025, 12, "ธันวาคม"),
            (2025, 11, "พฤศจิกายน"),
            (2025, 10, "ตุลาคม"),
        ]
    )
    + "</ul></div></aside>"
)
WP_DROPDOWN = (
    '<div class="widget widget_archive"><h3>คลังเก็บ</h3><select name="archive-dropdown"><option>เลือกเดือน</option>'
    + "".join(
        f"<option>{n} {y}</option>"
        for y, n in [(2569, "มีนาคม"), (2569, "กุมภาพันธ์"), (2569, "มกราคม"), (2568, "ธันวาคม"), (2568, "พฤศจิกายน")]
    )
    + "</select></div>"
)


def _web_site(heading: str, months: list[str], widget: str = ""):  # type: ignore[no-untyped-def]
    html = page("o18_stats_page.html", "สถิติเรื่องร้องเรียนการทุจริต", heading=heading, rows=_html_rows(months))
    html = html.replace("</body>", widget + "</body>")
    assert widget in html
    return k.site(index={}, pages={PAGE: html}, menu=MENU)


Q1 = [f"{m} 2568" for m in FULL[:3]]


@pytest.mark.parametrize("widget", [BLOG_ARCHIVE, WP_DROPDOWN], ids=["blogger-archive", "wordpress-dropdown"])
def test_a_sidebar_list_of_months_adds_no_month_of_data(widget: str) -> None:
    result = item(_web_site("ประจำปีงบประมาณ พ.ศ. 2569", Q1, widget), "O18")
    text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
    assert "มกราคม 2569, กุมภาพันธ์ 2569, มีนาคม 2569" in text


@pytest.mark.parametrize("widget", [BLOG_ARCHIVE, WP_DROPDOWN], ids=["blogger-archive", "wordpress-dropdown"])
def test_six_rows_beside_a_sidebar_list_of_months_pass(widget: str) -> None:
    months = [f"{m} {2568 if i < 3 else 2569}" for i, m in enumerate(FULL)]
    assert_pass(item(_web_site("ประจำปีงบประมาณ พ.ศ. 2569", months, widget), "O18"), ["complaint.stats"])


@pytest.mark.parametrize(
    ("build", "heading"),
    [
        (_web_site, "รายงานรอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569"),
        (_word_site, "ระหว่างเดือน ตุลาคม ๒๕๖๘ ถึง มีนาคม ๒๕๖๙"),
        (_word_site, "ข้อมูล ต.ค. ๒๕๖๘ - มี.ค. ๒๕๖๙"),
    ],
    ids=["web-half-year-heading", "word-range-heading", "word-abbreviated-range"],
)
def test_a_heading_naming_the_half_year_over_fewer_rows_names_the_missing_months(build, heading: str) -> None:  # type: ignore[no-untyped-def]
    rows = Q1 if build is _web_site else ["ต.ค. ๖๘", "พฤศจิกายน", "ธันวาคม"]
    result = item(build(heading, rows), "O18")
    text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
    assert "มกราคม 2569, กุมภาพันธ์ 2569, มีนาคม 2569" in text


def test_a_range_heading_over_six_rows_passes() -> None:
    assert_pass(item(_word_site("ระหว่างเดือน ตุลาคม ๒๕๖๘ ถึง มีนาคม ๒๕๖๙", SHORT), "O18"), ["complaint.stats"])
    assert len(COUNTS) == 6


@pytest.mark.parametrize(
    "thai",
    [False, True],
    ids=["word-arabic", "word-thai"],
)
@pytest.mark.parametrize(
    ("written", "wrapped"),
    [
        ("0-4435-37000-12-1 ", "0-4435-37000-12\n-1\n"),
        ("0-4435-37000-12-1 ", "0-4435-37000 \n-12-1\n"),
        ("3 4401 00456 78 9 ", "3-4401-\n00456-78-9\n"),
    ],
    ids=["before-last-digit", "before-branch-digits", "after-a-hyphen"],
)
def test_a_hyphenated_tax_id_wrapped_over_two_lines_is_one_tax_id(thai: bool, written: str, wrapped: str) -> None:
    text = word_annual(thai=False).replace(written, wrapped)
    assert wrapped in text
    if thai:
        text = text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert_pass(o12(text), O12)
