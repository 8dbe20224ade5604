"""ITA 2569 O3 ข้อมูลการติดต่อและช่องทางการสอบถาม: address, phone, e-mail, map, social media, and a
two-way Q&A channel (an e-mail address alone is not two-way)."""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, RULE_GAP, assert_only_gap, assert_pass, item, page

COMPONENTS = ["contact.address", "contact.phone", "contact.email", "contact.map", "contact.social", "contact.qa"]


def test_passes_with_full_contact_page_and_web_board() -> None:
    result = item(k.site(k.o3()), "O3")
    assert_pass(result, COMPONENTS)
    phone = next(c for c in result.components if c.id == "contact.phone")
    assert phone.snippet and phone.snippet.startswith("0")


@pytest.mark.parametrize(
    ("cid", "drop", "label"),
    [
        ("contact.address", {"address"}, "ที่อยู่ของหน่วยงาน"),
        ("contact.phone", {"phone", "fax"}, "หมายเลขโทรศัพท์"),
        # The e-mail also appears in the "ask us by e-mail" line: a site without e-mail has neither.
        ("contact.email", {"email", "qa_email"}, "ที่อยู่ไปรษณีย์อิเล็กทรอนิกส์ (E-mail)"),
        ("contact.map", {"map"}, "แผนที่ตั้งหน่วยงาน"),
        ("contact.social", {"social"}, "ช่องทางเครือข่ายสังคมออนไลน์"),
        ("contact.qa", {"qa", "qa_email"}, "ช่องทางถาม-ตอบที่สื่อสารได้สองทาง (Q&A)"),
    ],
)
def test_one_component_absent_is_a_data_gap(cid: str, drop: set[str], label: str) -> None:
    result = item(k.site(k.o3(), drop=drop), "O3")
    assert_only_gap(result, "data", cid, DATA_GAP + label)


def test_phone_written_as_landline_with_area_code_only() -> None:
    # Only "0-4341-4123" (9 digits, the common อปท. format), nowhere a mobile number.
    html = page("o3_contact.html", "ติดต่อเรา").replace("โทร. ๐๘๙-๕๑๒-๔๔๓๐", "")
    result = item(k.site(k.o3(), pages={"/contact.html": html}), "O3")
    assert result.status == "pass", result.gaps
    phone = next(c for c in result.components if c.id == "contact.phone")
    assert phone.snippet == "0-4341-4123"


def test_qa_by_email_only_is_not_two_way() -> None:
    result = item(k.site(k.o3(), drop={"qa"}), "O3")
    text = assert_only_gap(result, "rule", "contact.qa", RULE_GAP)
    assert "ไม่ใช่ช่องทางที่สื่อสารได้สองทาง" in text
    qa = next(c for c in result.components if c.id == "contact.qa")
    assert qa.status == "present"  # the channel is there; it breaks the rule


def test_line_official_account_in_the_site_footer_is_two_way() -> None:
    # The contact page only offers e-mail, but every page links the agency's LINE Official Account.
    line_home = page("home.html", "หน้าแรก", menu='<li><a href="https://lin.ee/kSw2569">LINE @koksawang</a></li>')
    result = item(k.site(k.o3(), drop={"qa"}, pages={"/": line_home}), "O3")
    assert result.status == "pass", result.gaps
