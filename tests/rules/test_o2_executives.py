"""ITA 2569 O2 ข้อมูลผู้บริหาร: top executive, deputies, civil-service heads, and for each person a name,
a position, a photo and a contact channel."""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, assert_only_gap, assert_pass, component, fixture, item

COMPONENTS = [
    "exec.top",
    "exec.deputy",
    "exec.civil_head",
    "exec.name",
    "exec.position",
    "exec.photo",
    "exec.contact",
]


def test_passes_with_every_executive_named_pictured_and_reachable() -> None:
    # Phones are written as real sites write them: 08-1873-2451, 0-4341-4123 ต่อ 103, Thai digits, an e-mail.
    result = item(k.site(k.o2()), "O2")
    assert_pass(result, COMPONENTS)
    name = next(c for c in result.components if c.id == "exec.name")
    assert "นายสมชาย ใจดี" in (name.snippet or "")


@pytest.mark.parametrize(
    ("cid", "drop", "label"),
    [
        ("exec.top", {"top"}, "ข้อมูลผู้บริหารสูงสุด"),  # deputies and the secretary are not the นายก
        ("exec.deputy", {"deputy"}, "ข้อมูลรองผู้บริหารสูงสุด"),
        ("exec.civil_head", {"civil"}, "ข้อมูลผู้บริหารฝ่ายข้าราชการประจำ"),
        ("exec.name", {"name"}, "ชื่อ-นามสกุลของผู้บริหาร"),  # photos with positions only
        ("exec.position", {"pos"}, "ตำแหน่งของผู้บริหาร"),  # a gallery of names without positions
        ("exec.photo", {"photo"}, "รูปถ่ายของผู้บริหาร"),
        ("exec.contact", {"phone"}, "ช่องทางการติดต่อของผู้บริหาร"),
    ],
)
def test_one_component_absent_is_a_data_gap(cid: str, drop: set[str], label: str) -> None:
    result = item(k.site(k.o2(), drop=drop), "O2")
    assert_only_gap(result, "data", cid, DATA_GAP + label)


def test_gap_names_the_executives_without_a_photo() -> None:
    html = fixture("layout.html", title="คณะผู้บริหาร", content=fixture("o2_executives.html"))
    without_two_photos = html.replace('<img src="/images/executive/weera.jpg"', '<span data-src="x"').replace(
        '<img src="/images/executive/surasak.jpg"', '<span data-src="y"'
    )
    result = item(k.site(k.o2(), pages={"/about/executives.html": without_two_photos}), "O2")
    text = assert_only_gap(result, "data", "exec.photo", DATA_GAP + "รูปถ่ายของผู้บริหาร")
    assert "นายวีระ พันธ์ดี" in text and "นายสุรศักดิ์ ภูมิสุข" in text
    assert "นายสมชาย ใจดี" not in text


def test_acting_top_executive_counts_as_the_top_executive() -> None:
    # No elected นายก (the mayor's card is gone): the ปลัด acts for them, as during a vacancy.
    html = fixture("layout.html", title="คณะผู้บริหาร", content=fixture("o2_executives.html"))
    acting = html.replace(
        "<!-- part:pos -->ปลัดองค์การบริหารส่วนตำบลโคกสว่าง",
        "<!-- part:pos -->ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบลโคกสว่าง",
    )
    assert acting != html
    result = item(k.site(k.o2(), pages={"/about/executives.html": acting}, drop={"top"}), "O2")
    assert component(result, "exec.top") == "present"
    assert result.status == "pass", result.gaps
