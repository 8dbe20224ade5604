"""ITA 2569 O10 E-Service: a working online request channel, how to use it, and service statistics.

A form to download, print and bring to the office is not an online service ("ไม่ใช่การให้บริการออนไลน์").
"""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, RULE_GAP, assert_only_gap, assert_pass, item

COMPONENTS = ["eservice.online", "eservice.usage_guide", "eservice.stats"]


def test_passes_with_online_forms_guide_and_statistics() -> None:
    result = item(k.site(k.o10()), "O10")
    assert_pass(result, COMPONENTS)
    online = next(c for c in result.components if c.id == "eservice.online")
    assert "forms.gle" in (online.snippet or "")


@pytest.mark.parametrize(
    ("cid", "drop", "label"),
    [
        ("eservice.online", {"online", "download"}, "ระบบการให้บริการออนไลน์ (E-Service)"),
        ("eservice.usage_guide", {"guide"}, "รายละเอียดวิธีการใช้งานระบบการให้บริการ"),
        ("eservice.stats", {"stats"}, "ข้อมูลสถิติการให้บริการ"),
    ],
)
def test_one_component_absent_is_a_data_gap(cid: str, drop: set[str], label: str) -> None:
    # The page keeps the site's search box and a breadcrumb link "E-Service" to itself: neither is a service.
    result = item(k.site(k.o10(), drop=drop), "O10")
    assert_only_gap(result, "data", cid, DATA_GAP + label)


def test_only_a_downloadable_pdf_form_is_not_online() -> None:
    result = item(k.site(k.o10(), drop={"online"}), "O10")
    text = assert_only_gap(result, "rule", "eservice.online", RULE_GAP)
    assert "ไม่ใช่การให้บริการออนไลน์" in text
    assert "form-garbage.pdf" in text or "form-disaster.pdf" in text


def test_a_web_form_on_the_site_is_online() -> None:
    # No Google Form: the agency's own request form (with a text area) on its e-service page.
    form = (
        '<!-- part:online --><h2>ยื่นคำร้องออนไลน์</h2>\n<form action="/eservice/submit.php" method="post">'
        '<label>ชื่อ-นามสกุล <input type="text" name="fullname"></label>'
        '<label>เรื่องที่ขอรับบริการ <textarea name="detail"></textarea></label>'
        '<button type="submit">ส่งคำร้อง</button></form><!-- /part:online -->'
    )
    pages, documents = k.o10()
    html = str(pages["/eservice/index.html"])
    start, end = html.index("<!-- part:online -->"), html.index("<!-- /part:online -->") + len("<!-- /part:online -->")
    result = item(k.site((pages, documents), pages={"/eservice/index.html": html[:start] + form + html[end:]}), "O10")
    assert result.status == "pass", result.gaps
