"""ITA 2569 O4 ข่าวประชาสัมพันธ์: news posts about the agency's own work, each judged by its own date, at least
one inside fiscal year 2569. Procurement notices and letters forwarded from สถ. are not the agency's news."""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, TIME_GAP, assert_pass, item, page

LABEL = "ข่าวประชาสัมพันธ์การดำเนินงานของหน่วยงาน"


def test_passes_with_posts_of_the_fiscal_year() -> None:
    result = item(k.site(k.o4()), "O4")
    assert_pass(result, ["news.current"])
    news = result.components[0]
    # The evidence is a post of fiscal year 2569 (its own link), not the list page.
    assert news.evidence_url and news.evidence_url.startswith("https://www.koksawang.go.th/news/2569/")


def test_only_procurement_notices_and_letters_from_dla_is_a_data_gap() -> None:
    # The page still lists dated entries: "ประกาศผู้ชนะการเสนอราคา…", "ด่วนที่สุด ที่ มท 0810.3/ว …".
    result = item(k.site(k.o4(drop={"own"})), "O4")
    k.assert_one_gap(result, "data", "news.current", DATA_GAP + LABEL)


def test_posts_of_the_previous_fiscal_year_only_are_a_time_gap() -> None:
    # The latest post (25 ก.ย. 2568) announces the 2569 land tax and its title names 2569 twice ("ประจำปี 2569
    # ภายในวันที่ 30 เมษายน 2569"): the post's own date decides, and it is of fiscal year 2568. The procurement
    # notices and สถ. letters of 2569 on the same page are not the agency's news.
    result = item(k.site(k.o4(fy=2568)), "O4")
    text = k.assert_one_gap(result, "time", "news.current", TIME_GAP)
    assert "ปีงบประมาณ พ.ศ. 2569" in text and "2568" in text


@pytest.mark.parametrize(("date", "passes"), [("๓ มี.ค. ๒๕๖๙", True), ("๓ มี.ค. ๒๕๖๘", False)])
def test_a_single_news_post_is_judged_by_the_date_under_its_heading(date: str, passes: bool) -> None:
    post = page("o4_news_post.html", "ข่าวประชาสัมพันธ์", date=date)
    result = item(k.site(k.o4(), pages={"/news/index.html": post}), "O4")
    if passes:
        assert_pass(result, ["news.current"])
    else:
        k.assert_one_gap(result, "time", "news.current", TIME_GAP)
