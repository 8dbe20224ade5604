"""O18 statistics tables as agencies lay them out: one row per month, the year written once (in the heading, or on
the first row only), months spelled out or abbreviated, and on a web page the cells of each row run into the next
row's month ("… 0 0 0 พฤศจิกายน 2568"). An assessor reads every row's month; so must the tool."""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import TIME_GAP, assert_pass, fixture, item, page

PAGE = "/ita/complaint-stats.html"
MENU = [("สถิติเรื่องร้องเรียนการทุจริต", PAGE)]
FULL = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม"]
SHORT = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค."]
COUNTS = [(0, 0, 0), (2, 2, 0), (0, 0, 0), (1, 0, 1), (0, 0, 0), (45, 44, 1)]


def _html_rows(months: list[str]) -> str:
    return "\n".join(
        f"<tr><td>{m}</td><td>{a}</td><td>{b}</td><td>{c}</td></tr>"
        for m, (a, b, c) in zip(months, COUNTS, strict=False)
    )


def _html_site(heading: str, months: list[str]):  # type: ignore[no-untyped-def]
    html = page("o18_stats_page.html", "สถิติเรื่องร้องเรียนการทุจริต", heading=heading, rows=_html_rows(months))
    return k.site(index={}, pages={PAGE: html}, menu=MENU)


def _word_site(heading: str, months: list[str]):  # type: ignore[no-untyped-def]
    rows = "\n".join(
        k.thai_digits(f"{i + 1}\t{m}\t{a}\t{b}\t{c}\t-")
        for i, (m, (a, b, c)) in enumerate(zip(months, COUNTS, strict=False))
    )
    text = fixture("o18_stats_word.txt", heading=heading, rows=rows, total=k.thai_digits(sum(c[0] for c in COUNTS)))
    return k.site(documents={k.COMPLAINT_STATS: text})


@pytest.mark.parametrize(
    ("heading", "months"),
    [
        # the year only in the heading; rows "ตุลาคม", "พฤศจิกายน", … (ต.ค.–ธ.ค. are of 2568)
        ("ประจำปีงบประมาณ พ.ศ. 2569", FULL),
        # the year only on the first row, abbreviated months, no year in the heading
        ("ข้อมูลรายเดือน", ["ต.ค. 2568", *SHORT[1:]]),
        # every row with its year: the counts of one row run into the next row's month
        ("ประจำปีงบประมาณ พ.ศ. 2569", [f"{m} {2568 if i < 3 else 2569}" for i, m in enumerate(FULL)]),
    ],
    ids=["year-in-heading", "year-on-first-row", "year-on-every-row"],
)
def test_a_web_table_of_six_months_passes(heading: str, months: list[str]) -> None:
    result = item(_html_site(heading, months), "O18")
    assert_pass(result, ["complaint.stats"])
    assert "มีนาคม 2569" in (result.components[0].snippet or "")


@pytest.mark.parametrize(
    ("heading", "months"),
    [
        ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", SHORT),
        ("ระหว่างเดือน ตุลาคม ๒๕๖๘ ถึง มีนาคม ๒๕๖๙", ["ต.ค. ๖๘", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม"]),
    ],
    ids=["thai-digits-year-in-heading", "range-in-heading"],
)
def test_a_word_table_of_six_months_passes(heading: str, months: list[str]) -> None:
    assert_pass(item(_word_site(heading, months), "O18"), ["complaint.stats"])


@pytest.mark.parametrize("build", [_html_site, _word_site], ids=["web", "word"])
def test_rows_for_october_to_january_only_miss_february_and_march(build) -> None:  # type: ignore[no-untyped-def]
    result = item(build("ประจำปีงบประมาณ พ.ศ. 2569", SHORT[:4]), "O18")
    text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
    assert "ไม่ปรากฏเดือน กุมภาพันธ์ 2569, มีนาคม 2569" in text


def test_rows_of_last_fiscal_year_do_not_count() -> None:
    result = item(_html_site("ประจำปีงบประมาณ พ.ศ. 2568", FULL), "O18")
    text = k.assert_one_gap(result, "time", "complaint.stats", TIME_GAP)
    assert "ตุลาคม 2568" in text and "มีนาคม 2569" in text
