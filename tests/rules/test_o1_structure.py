"""ITA 2569 O1 โครงสร้างและอำนาจหน้าที่: org chart, internal units, political and civil structure, duties.

The duties must be the agency's own summary: a bare link to, or a copy of, the whole act
(พ.ร.บ.สภาตำบลและองค์การบริหารส่วนตำบล, dozens of มาตรา) is the assessors' "แสดงกฎหมายทั้งฉบับ".
"""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import DATA_GAP, RULE_GAP, assert_only_gap, assert_pass, fixture, item, page

COMPONENTS = ["org.chart", "org.units", "org.political", "org.civil", "org.authority"]
UNDER_CONSTRUCTION = "<h1>อำนาจหน้าที่</h1>\n<p>อยู่ระหว่างปรับปรุงข้อมูล ขออภัยในความไม่สะดวก</p>"


MEGA_MENU = [
    "หน้าหลัก",
    "ประวัติความเป็นมา",
    "สภาพทั่วไปและข้อมูลพื้นฐาน",
    "วิสัยทัศน์/พันธกิจ",
    "ข่าวประชาสัมพันธ์",
    "ภาพกิจกรรม",
    "แผนพัฒนาท้องถิ่น",
    "งบประมาณรายจ่ายประจำปี",
    "พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540",
    "คู่มือสำหรับประชาชน",
    "ร้องเรียน/ร้องทุกข์",
    "ติดต่อเรา",
]


def act_as_page(menu: bool = False) -> str:
    """The whole act pasted into the authority page, one paragraph per line, as some sites do; with
    `menu`, under the site's long main menu (a law among its items), as most templates show."""
    lines = fixture("act_sapha_tambon_2537.txt").splitlines()
    body = "\n".join(f"<p>{line}</p>" for line in lines[1:])
    content = f"<h1>{lines[0]} {lines[1]} {lines[2]}</h1>\n{body}"
    if menu:
        items = "".join(f'<li><a href="/menu/{i}.html">{label}</a></li>' for i, label in enumerate(MEGA_MENU))
        content = f'<nav class="main"><ul>{items}</ul></nav>\n{content}'
    return fixture("layout.html", title="อำนาจหน้าที่", content=content)


def test_passes_with_chart_units_structures_and_summarised_duties() -> None:
    result = item(k.site(k.o1()), "O1")
    assert_pass(result, COMPONENTS)
    chart = next(c for c in result.components if c.id == "org.chart")
    assert "แผนผังโครงสร้าง" in (chart.snippet or "")
    assert {e.url.rsplit("/", 1)[-1] for e in result.evidence if e.found_via == "ita_index"} == {
        "structure.html",
        "authority.html",
    }


@pytest.mark.parametrize(
    ("cid", "drop", "label"),
    [
        ("org.chart", {"chart"}, "แผนผังโครงสร้างการแบ่งส่วนราชการ"),
        ("org.units", {"units", "unit_heads"}, "ตำแหน่งที่สำคัญและการแบ่งส่วนงานภายใน"),
        ("org.political", {"political"}, "โครงสร้างฝ่ายการเมือง"),
        ("org.civil", {"civil"}, "โครงสร้างฝ่ายข้าราชการประจำ"),
    ],
)
def test_structure_part_absent_is_a_data_gap(cid: str, drop: set[str], label: str) -> None:
    result = item(k.site(k.o1(), drop=drop), "O1")
    text = assert_only_gap(result, "data", cid, DATA_GAP)
    assert text.startswith(DATA_GAP + label)


def test_authority_absent_is_a_data_gap() -> None:
    under_construction = page_with(UNDER_CONSTRUCTION)
    result = item(k.site(k.o1(), pages={"/about/authority.html": under_construction}), "O1")
    assert_only_gap(result, "data", "org.authority", DATA_GAP + "ข้อมูลหน้าที่และอำนาจของหน่วยงาน")


def test_authority_only_as_a_link_to_the_whole_act_breaks_the_rule() -> None:
    link_only = page("o1_authority_link_only.html", "อำนาจหน้าที่")
    result = item(k.site(k.o1(), pages={"/about/authority.html": link_only}), "O1")
    text = assert_only_gap(result, "rule", "org.authority", RULE_GAP)
    assert "กฎหมายทั้งฉบับ" in text


@pytest.mark.parametrize("menu", [False, True])
def test_authority_as_a_copy_of_the_whole_act_breaks_the_rule(menu: bool) -> None:
    result = item(k.site(k.o1(), pages={"/about/authority.html": act_as_page(menu)}), "O1")
    text = assert_only_gap(result, "rule", "org.authority", RULE_GAP)
    assert "กฎหมายทั้งฉบับ" in text


def test_summary_that_also_links_the_act_passes() -> None:
    # The passing fixture summarises มาตรา 66-68 and also offers the act for download: the act in the
    # bundle must not turn the summary into "the whole law".
    result = item(k.site(k.o1()), "O1")
    assert any(e.url.endswith("act-sapha-tambon-2537.pdf") for e in result.evidence)
    assert result.status == "pass"


def test_summary_under_a_menu_that_lists_a_law_passes() -> None:
    items = "".join(f'<li><a href="/menu/{i}.html">{label}</a></li>' for i, label in enumerate(MEGA_MENU))
    summary = page("o1_authority.html", "อำนาจหน้าที่").replace(
        '<main class="wrap">', f'<nav class="main"><ul>{items}</ul></nav><main class="wrap">'
    )
    result = item(k.site(k.o1(), pages={"/about/authority.html": summary}), "O1")
    assert result.status == "pass", result.gaps


def page_with(content: str) -> str:
    return fixture("layout.html", title="อำนาจหน้าที่", content=content)
