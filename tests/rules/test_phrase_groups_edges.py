"""Groups of phrases (phrase_groups, rules/checks/text.py) at their edges.

Without `same_source` (no catalog component uses it yet) the groups may be spread over the item's sources: each
group's hit is the first source naming it, its snippet around that group's phrase; a group found nowhere is named
by its label, and when every source is set aside (a month without purchases) all the labels are. With
`same_source`, the announcement that names the preferred phrase comes first, the gap is the closest source's, and
the hit's snippet is around the last group's phrase; a group named only in a link's label counts unless the
component reads content outside the names (`content_outside_names`). With `one_statement`, one element of a page
or two lines of a document must name every group: a menu's item holding a list is no statement, the link that led
to a source is one. The e-mail address (pattern with `mailto`) may be a mailto: link alone."""

from __future__ import annotations

import pytest

from rules.catalog import ComponentDef, components
from rules.checks import Context, Finding, Hit
from rules.checks.base import snippet
from rules.checks.text import pattern, phrase_groups
from rules.site import SiteLinks
from rules.sources import OCR_THAI_DIGITS_TH, Bundle, Source, page_source
from tests.rules.sitebuilder import AS_OF, YEAR, build_site, url

CTX = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([]))
FILLER = (
    "องค์การบริหารส่วนตำบลโคกสว่าง อำเภอเมือง จังหวัดขอนแก่น มุ่งมั่นให้บริการประชาชนด้วยความโปร่งใส "
    "ตรวจสอบได้ ตามหลักธรรมาภิบาล และพระราชกฤษฎีกาว่าด้วยหลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี"
)


def _doc(path: str, text: str, link_text: str, ocr: bool = False) -> Source:
    return Source(url(path), "document", "linked", text=text, link_text=link_text, ocr_digits_untrusted=ocr)


def _page(path: str, title: str, body: str) -> Source:
    html = f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>"
    built = build_site({path: html}).page(url(path))
    assert built is not None
    return page_source(built, "fixture")


# --- groups spread over the sources (no same_source) ----------------------------------------------------------
COMPLAINTS = ComponentDef(
    id="complaint.handling",
    label_th="การจัดการเรื่องร้องเรียน",
    label_en="complaint handling",
    check="phrase_groups",
    params={
        "groups": [["ช่องทางการร้องเรียน", "ร้องเรียน"], ["ขั้นตอนการดำเนินการ", "ขั้นตอน"], ["ภายใน 15 วัน"]],
        "group_labels": ["ช่องทางการร้องเรียน", "ขั้นตอนการจัดการเรื่องร้องเรียน", "ระยะเวลาแจ้งผล"],
        "skip_if": ["ไม่มีเรื่องร้องเรียน"],
    },
    hint_th="เผยแพร่ช่องทาง ขั้นตอน และระยะเวลาการจัดการเรื่องร้องเรียน",
)
CHANNELS = (
    f"<p>{FILLER}</p><p>ช่องทางการร้องเรียน ร้องเรียนด้วยตนเอง ณ สำนักงาน ทางโทรศัพท์ 0-4341-4123 หรือทางเว็บไซต์</p>"
    f"<p>{FILLER}</p><p>แจ้งผลให้ผู้ร้องเรียนทราบภายใน 15 วันทำการ</p>"
)
STEPS = f"<p>{FILLER}</p><ol><li>ขั้นตอนการดำเนินการ รับเรื่อง ลงทะเบียน และเสนอนายก อบต. พิจารณา</li></ol>"


def _complaints(*sources: Source) -> Finding:
    return phrase_groups(COMPLAINTS, Bundle(list(sources)), CTX)


def test_groups_spread_over_two_pages_are_each_hit_on_the_first_page_naming_them() -> None:
    channels = _page("/index.php/complaint/channels", "การรับเรื่องร้องเรียน", CHANNELS)
    steps = _page("/index.php/complaint/steps", "ขั้นตอนการจัดการเรื่องร้องเรียน", STEPS)
    finding = _complaints(channels, steps)
    assert finding.present is True
    assert finding.missing_parts == []
    assert finding.hits == [
        Hit(channels, snippet(channels.text, "ช่องทางการร้องเรียน")),
        Hit(steps, snippet(steps.text, "ขั้นตอนการดำเนินการ")),  # the title's "ขั้นตอน…" is not in the text
        Hit(channels, snippet(channels.text, "ภายใน 15 วัน")),
    ]
    # Each snippet shows its own group: the channels and the time to answer are far apart on the page.
    assert "0-4341-4123" in finding.hits[0].snippet and "15 วัน" not in finding.hits[0].snippet
    assert "15 วันทำการ" in finding.hits[2].snippet and "0-4341-4123" not in finding.hits[2].snippet


def test_a_group_found_nowhere_is_named_by_its_label() -> None:
    steps = _page("/index.php/complaint/steps", "ขั้นตอนการจัดการเรื่องร้องเรียน", STEPS)
    finding = _complaints(steps)
    assert finding.present is False
    assert finding.missing_parts == ["ระยะเวลาแจ้งผล"]
    assert [h.source for h in finding.hits] == [steps, steps]


def test_when_every_source_is_set_aside_every_group_is_missing() -> None:
    quiet = _page("/index.php/complaint/2569-04", "สรุปเรื่องร้องเรียน เมษายน 2569", "<p>เดือนนี้ไม่มีเรื่องร้องเรียน</p>")
    finding = _complaints(quiet)
    assert finding.present is False
    assert finding.hits == []
    assert finding.missing_parts == ["ช่องทางการร้องเรียน", "ขั้นตอนการจัดการเรื่องร้องเรียน", "ระยะเวลาแจ้งผล"]


def test_labels_that_do_not_match_the_groups_are_an_error_not_a_silent_gap() -> None:
    # A label dropped from the list would shift every gap onto the wrong group: the pairing is strict.
    params = {**COMPLAINTS.params.model_dump(), "group_labels": ["ช่องทางการร้องเรียน", "ขั้นตอน"]}
    short = COMPLAINTS.model_copy(update={"params": type(COMPLAINTS.params)(**params)})
    channels = _page("/index.php/complaint/channels", "การรับเรื่องร้องเรียน", CHANNELS)
    with pytest.raises(ValueError):
        phrase_groups(short, Bundle([channels]), CTX)
    with pytest.raises(ValueError):
        phrase_groups(
            short.model_copy(update={"params": short.params.model_copy(update={"same_source": True})}),
            Bundle([channels]),
            CTX,
        )


# --- every group in one source (same_source) ------------------------------------------------------------------
def _announcement(*sources: Source) -> Finding:
    return phrase_groups(components()["nogift.announcement"], Bundle(list(sources)), CTX)


def test_the_announcement_of_intent_comes_before_another_announcement_of_the_policy() -> None:
    notice = _page(
        "/index.php/news/421",
        "ประกาศเทศบาลตำบลโคกสว่าง",
        "<p>เรื่อง มาตรการไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)</p>",
    )
    intent = _page(
        "/index.php/news/422",
        "ประกาศเจตนารมณ์ No Gift Policy",
        "<p>ประกาศเจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิด ประจำปีงบประมาณ พ.ศ. 2569</p>",
    )
    assert [h.source for h in _announcement(notice, intent).hits] == [intent, notice]
    assert [h.source for h in _announcement(intent, notice).hits] == [intent, notice]


def test_the_gap_is_the_first_of_the_sources_closest_to_the_announcement() -> None:
    intent = _page("/index.php/news/430", "ประกาศเจตนารมณ์", "<p>ประกาศเจตนารมณ์การต่อต้านการทุจริต ประจำปี 2569</p>")
    campaign = _page("/index.php/news/431", "ข่าวกิจกรรม", "<p>รณรงค์ไม่รับของขวัญ ช่วงเทศกาลปีใหม่ 2569</p>")
    assert _announcement(intent, campaign).missing_parts == ["no gift"]
    assert _announcement(campaign, intent).missing_parts == ["ประกาศเจตนารมณ์"]


SUMMARY = ComponentDef(
    id="procure.summary",
    label_th="สรุปผลการจัดซื้อจัดจ้าง",
    label_en="procurement summary",
    check="phrase_groups",
    params={
        "groups": [["สรุปผลการดำเนินการจัดซื้อจัดจ้าง"], ["ราคากลาง"], ["เหตุผลที่คัดเลือก"]],
        "same_source": True,
    },
    hint_th="เผยแพร่สรุปผลการจัดซื้อจัดจ้าง (แบบ สขร.1)",
)


def test_the_hit_of_one_source_shows_its_last_group() -> None:
    text = "\n".join(
        [
            "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน มีนาคม 2569 (แบบ สขร.1)",
            FILLER,
            "ลำดับ | งานที่จัดซื้อจัดจ้าง | วงเงินงบประมาณ | ราคากลาง | วิธีซื้อ/จ้าง",
            "1 | จัดซื้อวัสดุสำนักงาน | 25,000.00 | 24,850.00 | เฉพาะเจาะจง",
            FILLER,
            "เหตุผลที่คัดเลือกโดยสรุป: ราคาต่ำสุด และเป็นผู้มีอาชีพขายโดยตรง",
        ]
    )
    link = "สขร.1 เดือนมีนาคม 2569"
    summary = _doc("/files/sor-kor-ror-2569-03.pdf", text, link)
    finding = phrase_groups(SUMMARY, Bundle([summary]), CTX)
    assert finding.hits == [Hit(summary, snippet(text, "เหตุผลที่คัดเลือก"))]
    assert "ราคาต่ำสุด" in finding.hits[0].snippet and "24,850.00" not in finding.hits[0].snippet


def test_a_group_named_only_by_a_links_label_counts_unless_content_is_read_outside_names() -> None:
    page = _page(
        "/index.php/news/440",
        "ประกาศเจตนารมณ์ ประจำปี 2569",
        "<p>นายกองค์การบริหารส่วนตำบลโคกสว่าง ประกาศเจตนารมณ์ ประจำปีงบประมาณ พ.ศ. 2569</p>"
        '<p><a href="/files/nogift-2569.pdf">นโยบาย No Gift Policy ปีงบประมาณ 2569</a></p>',
    )
    assert _announcement(page).present is True
    outside = components()["nogift.announcement"].params.model_copy(update={"content_outside_names": True})
    strict = components()["nogift.announcement"].model_copy(update={"params": outside})
    finding = phrase_groups(strict, Bundle([page]), CTX)
    assert finding.present is False
    assert finding.missing_parts == ["no gift"]


RISK_BODY = "\n".join(
    [
        "องค์การบริหารส่วนตำบลโคกสว่าง อำเภอเมือง จังหวัดขอนแก่น",
        "ลำดับ | เหตุการณ์ความเสี่ยง | ระดับความเสียง | มาตรการควบคุม",
        "1 | การเรียกรับสินบนในการออกใบอนุญาตก่อสร้างอาคาร | สูง | ตรวจสอบเอกสารสองชั้น และเผยแพร่ขั้นตอน",
    ]
)


def _risk(text: str, ocr: bool = False) -> Finding:
    plan = _doc("/files/risk-2569.pdf", text, "การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ 2569", ocr)
    return phrase_groups(components()["risk.assessment"], Bundle([plan]), CTX)


def test_a_risk_assessment_named_only_by_its_link_is_one_when_its_body_holds_the_rest() -> None:
    # The first group names the document (its link says what it is); the others must be in its body.
    assert _risk(RISK_BODY.replace("ระดับความเสียง", "ระดับความเสี่ยง")).present is True


def test_tone_marks_lost_count_only_in_text_that_ocr_read() -> None:
    # "ระดับความเสียง" lost its mai ek: OCR drops tone marks (compared without them), a text layer does not.
    assert _risk(RISK_BODY).missing_parts == ["ระดับความเสี่ยง"]
    assert _risk(RISK_BODY, ocr=True).present is True


def test_a_link_labelled_with_a_groups_word_alone_names_it_and_does_not_hold_it() -> None:
    # "ผลผลิต" (six characters) is a tab to another page: the report page holds no outputs of its own.
    page = _page(
        "/index.php/ita/o26",
        "รายงานผลการดำเนินการตามแผนป้องกันการทุจริต ประจำปี 2568",
        "<p>งบประมาณที่ใช้ทั้งสิ้น 45,000 บาท</p><p>ปัญหา: ผู้เข้ารับการอบรมไม่ครบตามเป้าหมาย</p>"
        "<p>ข้อเสนอแนะ: จัดอบรมในช่วงวันหยุดราชการ</p>"
        '<p><a href="/index.php/ita/o26/output">ผลผลิต</a> <a href="/index.php/ita/o26/photos">ภาพ</a></p>',
    )
    finding = phrase_groups(components()["anticorruption.report"], Bundle([page]), CTX)
    assert finding.missing_parts == ["ผลการดำเนินงาน"]


# --- one statement names every group (one_statement) -----------------------------------------------------------
def _activity(*sources: Source) -> Finding:
    return phrase_groups(components()["nogift.activity"], Bundle(list(sources)), CTX)


@pytest.mark.parametrize(
    "menu",
    [
        '<ul><li>ข่าวประชาสัมพันธ์<ul><li><a href="/files/nogift-2569.pdf">No Gift Policy ปี 2569</a></li></ul></li></ul>',
        '<table><tr><td>ข่าวประชาสัมพันธ์<table><tr><td><a href="/files/nogift-2569.pdf">No Gift Policy</a>'
        "</td></tr></table></td></tr></table>",
        '<table><tr><th>ข่าวประชาสัมพันธ์<div><a href="/files/nogift-2569.pdf">No Gift Policy</a></div></th></tr></table>',
        '<dl><dt>เมนูหลัก</dt><dd>ข่าวประชาสัมพันธ์<ul><li><a href="/files/nogift-2569.pdf">No Gift Policy</a>'
        "</li></ul></dd></dl>",
    ],
)
def test_a_menu_item_holding_a_list_is_no_statement(menu: str) -> None:
    assert _activity(_page("/index.php/ita/o20", "นโยบายองค์กร", menu)).present is False


def test_a_statement_whose_words_are_split_by_markup_is_one() -> None:
    page = _page("/index.php/news/450", "ข่าวสาร", "<p>จัดกิจกรรมรณรงค์ <b>ไม่รับ</b>ของขวัญ ช่วงเทศกาลปีใหม่</p>")
    assert _activity(page).present is True


def test_the_label_of_the_link_to_a_page_is_a_statement() -> None:
    built = build_site(
        {
            "/index.php/gallery/12": "<html><head><title>ภาพกิจกรรม</title></head><body><main>"
            "<p>ภาพกิจกรรม วันที่ 12 ธันวาคม 2568</p><p>นโยบายไม่รับของขวัญ (No Gift Policy)</p></main></body></html>"
        }
    ).page(url("/index.php/gallery/12"))
    assert built is not None
    page = page_source(built, "fixture", link_text="กิจกรรมรณรงค์ No Gift Policy ประจำปี 2569")
    assert _activity(page).present is True
    assert _activity(page_source(built, "fixture", link_text="ภาพกิจกรรม")).present is False


@pytest.mark.parametrize(
    ("link_text", "lines"),
    [
        # the link that led to the report names the activity; its lines name one group each
        (
            "กิจกรรมรณรงค์ No Gift Policy ประจำปี 2569",
            ["ภาพกิจกรรม วันที่ 12 ธันวาคม 2568", FILLER, "ผู้บริหารและพนักงานร่วมกันไม่รับของขวัญ"],
        ),
        # the report's first line
        ("รายงานประจำปี 2569", ["กิจกรรมรณรงค์ไม่รับของขวัญ ปีงบประมาณ 2569", "ณ ห้องประชุมสภา อบต.โคกสว่าง", FILLER]),
        # a line pdftotext wrapped in the middle of "งดให้ งดรับ"
        ("รายงานประจำปี 2569", [FILLER, "จัดกิจกรรมรณรงค์ งดให้", "งดรับ ของขวัญและของกำนัลทุกชนิด", FILLER]),
    ],
)
def test_a_statement_of_a_document_is_its_link_or_two_of_its_lines(link_text: str, lines: list[str]) -> None:
    assert _activity(_doc("/files/nogift-report-2569.pdf", "\n".join(lines), link_text)).present is True


# --- the e-mail address and other patterns ----------------------------------------------------------------------
def test_a_mailto_link_alone_is_the_email_address() -> None:
    page = _page(
        "/index.php/contact",
        "ติดต่อเรา",
        '<p>สอบถามข้อมูลเพิ่มเติม <a href="mailto:saraban@koksawang.go.th">ส่งอีเมลถึงเรา</a></p>',
    )
    finding = pattern(components()["contact.email"], Bundle([page]), CTX)
    assert finding.hits == [Hit(page, "mailto:saraban@koksawang.go.th")]


def test_a_fax_number_is_found_whatever_the_case_of_its_label() -> None:
    page = _page("/index.php/contact", "ติดต่อเรา", "<p>TEL : 043-414-123 FAX : 043-414-124</p>")
    assert pattern(components()["contact.fax"], Bundle([page]), CTX).present is True


def test_a_phone_number_read_only_in_ocrd_thai_digits_is_not_known_to_be_missing() -> None:
    scan = _doc("/files/contact.pdf", "ติดต่อสำนักงาน โทรศัพท์ ๐-๔๓๔๑-๔๑๒๓", "ข้อมูลการติดต่อ", ocr=True)
    finding = pattern(components()["contact.phone"], Bundle([scan]), CTX)
    assert finding.present is False
    assert finding.unknown == f"{OCR_THAI_DIGITS_TH} ({url('/files/contact.pdf')})"


def test_a_long_address_is_shown_to_160_characters() -> None:
    address = (
        "ที่ทำการองค์การบริหารส่วนตำบลโคกสว่าง ตำบลโคกสว่าง หมู่ที่ 5 ถนนมิตรภาพ ซอยบ้านโคกสว่างพัฒนา ตรงข้ามโรงเรียน"
        "บ้านโคกสว่าง อำเภอเมืองขอนแก่น ติดกับศาลาประชาคมหมู่บ้าน และที่ทำการไปรษณีย์ จังหวัดขอนแก่น รหัสไปรษณีย์ 40000"
    )
    page = _page("/index.php/contact", "ติดต่อเรา", f"<p>{address}</p>")
    (hit,) = pattern(components()["contact.address"], Bundle([page]), CTX).hits
    assert hit.snippet == address[address.index("ตำบลโคกสว่าง หมู่ที่") :][:160]
