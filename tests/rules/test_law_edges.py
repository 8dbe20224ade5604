"""The agency's duties, not the whole act (not_whole_law, rules/checks/law.py): a page that states the duties in
its own words passes even when it links the act beside them; a page that names a duty or two and sends the
reader to the act (a link to the law, or a link labelled พ.ร.บ.) gives only the act, with the assessors' reason.
The No Gift announcement (signed_by_top_executive): signed by the mayor on a page whose footer runs long after the
signature, or undecided, saying why, on a page with no signature block."""

from __future__ import annotations

from rules.catalog import components
from rules.checks import Context, Hit, RuleVerdict
from rules.checks.law import not_whole_law, signed_by_top_executive
from rules.site import SiteLinks
from rules.sources import Bundle, Source, page_source
from tests.rules.sitebuilder import AS_OF, YEAR, build_site, url

CTX = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([]))
TITLE = "อำนาจหน้าที่"
ONLY_THE_ACT = RuleVerdict(False, "พบเพียงตัวบทกฎหมายทั้งฉบับหรือลิงก์ไปยังกฎหมาย / only the act itself or a link to it")


def _authority_page(body: str) -> Source:
    path = "/index.php/authority"
    html = f"<html><head><title>{TITLE}</title></head><body><main><h1>{TITLE}</h1>{body}</main></body></html>"
    built = build_site({path: html}).page(url(path))
    assert built is not None
    return page_source(built, "fixture")


def _judge(body: str) -> RuleVerdict:
    source = _authority_page(body)
    return not_whole_law(components()["org.authority"], [Hit(source)], Bundle([source]), CTX)


INTRO = "<p>องค์การบริหารส่วนตำบลโคกสว่าง มีอำนาจหน้าที่ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537</p>"
ACT_LINK = '<p><a href="/files/act-2537.pdf">พ.ร.บ.สภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 (ฉบับเต็ม)</a></p>'
# Two duties of มาตรา 67: the fewest an agency stating them itself gives.
TWO_DUTIES = "<ol><li>ป้องกันและระงับโรคติดต่อ</li><li>กำจัดมูลฝอยและสิ่งปฏิกูล</li></ol>"


def test_duties_in_the_agencys_own_words_pass_with_the_act_linked_beside_them() -> None:
    assert _judge(INTRO + TWO_DUTIES + ACT_LINK) == RuleVerdict(True)


def test_one_duty_and_a_link_to_the_act_is_only_the_act() -> None:
    body = INTRO + "<p>ป้องกันและระงับโรคติดต่อ รายละเอียดตามเอกสารแนบ</p>" + ACT_LINK
    assert _judge(body) == ONLY_THE_ACT


def test_one_duty_without_a_link_to_the_act_is_the_agencys_own_statement() -> None:
    # Its other links (the agency's plans, its contact page) point to no act.
    body = (
        INTRO
        + "<p>ป้องกันและระงับโรคติดต่อ</p>"
        + '<p><a href="/index.php/plan">แผนพัฒนาท้องถิ่น</a> <a href="/index.php/contact">ติดต่อเรา</a></p>'
    )
    assert _judge(body) == RuleVerdict(True)


# --- the No Gift announcement signed by the top executive ---------------------------------------------------------
NOGIFT = (
    "<p>ประกาศองค์การบริหารส่วนตำบลโคกสว่าง เรื่อง นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่"
    " (No Gift Policy)</p><p>ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2568</p>"
    "<p>(นายสมชาย ใจดี)<br>นายกองค์การบริหารส่วนตำบลโคกสว่าง</p>"
)
# A site's footer after the announcement: the address, the hours, the links every page carries (over 400 letters).
FOOTER = (
    "<p>องค์การบริหารส่วนตำบลโคกสว่าง อำเภอเมือง จังหวัดขอนแก่น 40000 โทรศัพท์ 0-4341-4123 โทรสาร 0-4341-4124"
    " อีเมล saraban@koksawang.go.th เวลาทำการ วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)</p>"
    "<p>หน้าแรก | ข้อมูลพื้นฐาน | โครงสร้างส่วนราชการ | แผนพัฒนาท้องถิ่น | ข่าวประชาสัมพันธ์ | จัดซื้อจัดจ้าง"
    " | กระดานถาม-ตอบ | ติดต่อเรา | แผนผังเว็บไซต์ | นโยบายคุ้มครองข้อมูลส่วนบุคคล | นโยบายการใช้คุกกี้</p>"
    "<p>ลิขสิทธิ์ © 2568 องค์การบริหารส่วนตำบลโคกสว่าง สงวนลิขสิทธิ์ทุกประการ ผู้เข้าชมเว็บไซต์ 123,456 คน</p>"
)


def _signed(body: str) -> RuleVerdict:
    source = _authority_page(body)
    return signed_by_top_executive(components()["nogift.announcement"], [Hit(source)], Bundle([source]), CTX)


def test_an_announcement_page_signed_by_the_mayor_passes_above_a_long_footer() -> None:
    assert len(FOOTER) > 400
    assert _signed(NOGIFT + FOOTER) == RuleVerdict(True)


def test_a_page_without_a_signature_block_is_undecided_with_the_reason() -> None:
    body = "<p>องค์การบริหารส่วนตำบลโคกสว่าง ประกาศนโยบายไม่รับของขวัญ (No Gift Policy) รายละเอียดตามเอกสารแนบ</p>"
    assert _signed(body) == RuleVerdict(None, "ไม่พบชื่อและตำแหน่งผู้ลงนาม / no signature block found")
