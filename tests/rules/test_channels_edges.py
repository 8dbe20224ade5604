"""The complaint channel (online_channel) and the Q&A channel (two_way) at their edges: an off-site online form
linked as evidence, links labelled as the online complaint channel, a downloadable form or an e-mail link that is
no online channel, a channel named only inside a document, and what the finding says the page offers instead;
the e-service rule (online_not_download): what it names when it passes and when it fails."""

from __future__ import annotations

import pytest

from rules.catalog import components
from rules.checks import Context, Finding, Hit, RuleVerdict
from rules.checks.base import snippet
from rules.checks.channels import online_channel, online_not_download, qa_channel, two_way
from rules.site import SiteLink, SiteLinks
from rules.sources import NOT_CRAWLED, Bundle, Source, document_source, page_source, unreadable
from tests.rules.sitebuilder import AS_OF, YEAR, build_site, url

CTX = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([]))
ADDRESS = "องค์การบริหารส่วนตำบลโคกสว่าง อำเภอเมือง จังหวัดขอนแก่น 40000"


def _page(path: str, title: str, body: str, link_text: str = "") -> Source:
    html = f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>"
    built = build_site({path: html}).page(url(path))
    assert built is not None
    return page_source(built, "fixture", link_text)


def _complaint(*sources: Source) -> RuleVerdict:
    bundle = Bundle(list(sources))
    return online_channel(components()["complaint.channel"], [Hit(s) for s in sources], bundle, CTX)


def _qa(*sources: Source, ctx: Context = CTX) -> RuleVerdict:
    bundle = Bundle(list(sources))
    return two_way(components()["contact.qa"], [Hit(s) for s in sources], bundle, ctx)


# --- the corruption complaint channel ---------------------------------------------------------------------------
def test_an_online_form_linked_as_the_evidence_itself_is_the_channel() -> None:
    form = "https://forms.gle/Kq7bX2vNcR9dLm3A8"
    source = Source(form, "external", "ita_index", link_text="แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")
    assert _complaint(source) == RuleVerdict(True, form)


def test_an_on_site_page_labelled_as_the_online_complaint_channel_is_the_channel() -> None:
    page = _page(
        "/index.php/complaint",
        "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
        "<p>โทร 0-4341-4123</p><p><a href='/index.php/complaint/online'>ร้องเรียนการทุจริตออนไลน์</a></p>",
    )
    assert _complaint(page) == RuleVerdict(True, url("/index.php/complaint/online"))


def test_a_downloadable_form_an_e_mail_link_and_a_plain_complaint_page_are_no_online_channel() -> None:
    page = _page(
        "/index.php/complaint",
        "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
        "<p><a href='/files/complaint-form.pdf'>ดาวน์โหลดแบบฟอร์มร้องเรียนการทุจริตออนไลน์</a></p>"
        "<p><a href='mailto:saraban@koksawang.go.th'>ร้องเรียนการทุจริตออนไลน์ทางอีเมล</a></p>"
        "<p><a href='tel:043414123'>ร้องเรียนการทุจริตออนไลน์ทางโทรศัพท์</a></p>"
        "<p><a href='/index.php/complaint/steps'>ขั้นตอนการร้องเรียนการทุจริต</a></p>"
        "<p><a href='/index.php/eservice'>แบบฟอร์มออนไลน์ขอข้อมูลข่าวสาร</a></p>"
        f"<p>{ADDRESS} โทร 0-4341-4123 อีเมล saraban@koksawang.go.th</p>",
    )
    verdict = _complaint(page)
    assert verdict == RuleVerdict(False, "พบเพียงโทรศัพท์ ที่อยู่ไปรษณีย์ อีเมล")


def test_a_page_offering_nothing_says_no_offline_channel_either() -> None:
    page = _page("/index.php/complaint", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", "<p>อยู่ระหว่างปรับปรุงข้อมูล</p>")
    assert _complaint(page) == RuleVerdict(False, None)


def _document(text: str, path: str = "/files/complaint-manual.pdf", label: str = "คู่มือการร้องเรียนการทุจริต") -> Source:
    doc = build_site({}, {path: text}).document(url(path))
    assert doc is not None
    return document_source(doc, "fixture", label)


def test_a_channel_named_only_inside_a_document_is_undecided() -> None:
    doc = _document(
        "คู่มือการปฏิบัติงานเรื่องร้องเรียนการทุจริต\nช่องทางการร้องเรียน 1. ทางเว็บไซต์ www.koksawang.go.th 2. ทางโทรศัพท์ 0-4341-4123\n"
    )
    assert _complaint(doc) == RuleVerdict(
        None, "ช่องทางออนไลน์ระบุไว้ในเอกสารเท่านั้น / the online channel is only named in a document"
    )


def test_a_complaint_form_on_the_page_is_the_channel() -> None:
    form = (
        "<form method='post' action='/index.php/complaint/send'>ชื่อผู้ร้อง <input type='text' name='name'>"
        "เรื่องที่ร้องเรียน <textarea name='detail'></textarea><button>ส่งเรื่อง</button></form>"
    )
    page = _page("/index.php/complaint", "แจ้งเรื่องร้องเรียนการทุจริต", form)
    assert _complaint(page) == RuleVerdict(True, url("/index.php/complaint"))


def test_a_document_naming_only_a_phone_fails_and_a_web_page_beside_it_decides() -> None:
    doc = _document("คู่มือการปฏิบัติงานเรื่องร้องเรียนการทุจริต\nช่องทางการร้องเรียน ทางโทรศัพท์ 0-4341-4123\n")
    assert _complaint(doc) == RuleVerdict(False, "พบเพียงโทรศัพท์")
    named = _document("คู่มือเรื่องร้องเรียนการทุจริต\nร้องเรียนทางเว็บไซต์ www.koksawang.go.th หรือโทร 0-4341-4123\n")
    page = _page("/index.php/complaint", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", "<p>โทร 0-4341-4123</p>")
    assert _complaint(named, page).ok is False


# --- the Q&A channel: what the page offers instead of a two-way channel ----------------------------------------
def test_a_q_and_a_page_with_an_e_mail_address_and_a_phone_is_one_way() -> None:
    page = _page(
        "/index.php/qa",
        "ถาม-ตอบ",
        "<p>สอบถามข้อมูลได้ที่อีเมล saraban@koksawang.go.th หรือโทร 0-4341-4123</p>",
    )
    verdict = _qa(page)
    assert verdict == RuleVerdict(
        False,
        "พบเพียงอีเมลและหมายเลขโทรศัพท์ ซึ่งไม่ใช่ช่องทางที่สื่อสารได้สองทาง / only an e-mail address and a phone number,"
        " not a two-way channel",
    )


def test_a_q_and_a_page_whose_e_mail_is_only_a_mailto_link_offers_an_e_mail_address() -> None:
    """The crawler keeps web links only, so the mailto: link is read from the page's HTML (it never counted)."""
    page = _page("/index.php/qa", "ถาม-ตอบ", '<p><a href="mailto:saraban@koksawang.go.th">ส่งคำถามถึงเรา</a></p>')
    assert _qa(page) == RuleVerdict(
        False, "พบเพียงอีเมล ซึ่งไม่ใช่ช่องทางที่สื่อสารได้สองทาง / only an e-mail address, not a two-way channel"
    )


def test_a_q_and_a_page_with_nothing_names_the_channels_it_lacks() -> None:
    page = _page("/index.php/qa", "ถาม-ตอบ", "<p>อยู่ระหว่างปรับปรุงข้อมูล</p>")
    assert _qa(page) == RuleVerdict(
        False,
        "ไม่พบกระดานถาม-ตอบ แบบฟอร์มถาม-ตอบ แชท Messenger หรือ LINE OA / no web board, question form, chat or LINE OA",
    )


def test_a_login_form_is_no_question_form_an_upper_case_textarea_is() -> None:
    login = "<form action='/login.php'><input type='text' name='username'><input type='password' name='pw'></form>"
    assert _qa(_page("/index.php/qa", "ถาม-ตอบ", login)).ok is False
    old = "<FORM METHOD='post' ACTION='ask.php'>ชื่อ <INPUT NAME='name'> คำถาม <TEXTAREA NAME='q'></TEXTAREA></FORM>"
    assert _qa(_page("/index.php/qa", "ถาม-ตอบ", old)).ok is True


def _board(path: str, title: str, topics: int, nav: bool = False) -> Source:
    links = "".join(
        f"<li><a href='/board/view.php?id={10 + i}'>สอบถามเรื่องการชำระภาษีป้าย ครั้งที่ {i + 1}</a></li>"
        for i in range(topics)
    )
    body = f"<nav><ul>{links}</ul></nav>" if nav else f"<ul>{links}</ul>"
    return _page(path, title, body)


def test_a_web_board_is_named_so_and_lists_at_least_two_topics() -> None:
    assert _qa(_board("/index.php/talk", "กระดานสนทนา", 2)).ok is True  # named by its title
    assert _qa(_board("/webboard/index.php", "ชุมชนคนโคกสว่าง ถาม-ตอบ", 2)).ok is True  # named by its address
    assert _qa(_board("/index.php/talk", "กระดานสนทนา", 1)).ok is False
    assert _qa(_board("/index.php/talk", "กระดานสนทนา", 3, nav=True)).ok is False  # the menu's links are no topics
    assert _qa(_board("/index.php/talk", "ถาม-ตอบ", 3)).ok is False  # a list of links on a page not named a board


# --- what the crawler never hands over, and what the finding names ----------------------------------------------
def test_a_phone_or_e_mail_link_labelled_as_the_online_complaint_channel_is_no_online_channel() -> None:
    """The crawler keeps web links only; a bundle given a tel: or mailto: link (a declared URL, another caller) is
    still judged by what the link is, not by its label."""
    label = "ร้องเรียนการทุจริตออนไลน์"
    for link in ("tel:043414123", "mailto:saraban@koksawang.go.th"):
        assert _complaint(Source(link, "external", "config", link_text=label)).ok is False


def test_a_phone_number_that_opens_the_second_source_is_named_as_what_is_offered() -> None:
    # A poster's text layer starts with its headline, the hotline; the complaint page beside it names no number.
    page = _page("/index.php/complaint", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", "<p>ติดต่อได้ในวันและเวลาราชการ</p>")
    poster = _document(
        "043-414123\nสายด่วนรับเรื่องร้องเรียนการทุจริต องค์การบริหารส่วนตำบลโคกสว่าง\n",
        "/files/complaint-poster.pdf",
        "ช่องทางการร้องเรียนการทุจริต",
    )
    assert _complaint(page, poster) == RuleVerdict(False, "พบเพียงโทรศัพท์")


def test_a_search_form_in_upper_case_with_a_text_area_is_no_question_form() -> None:
    # An old web board's topic search (ASP era: ACTION="Search.asp") has a text area too; it asks nothing.
    search = "<FORM ACTION='Search.asp' METHOD='get'>ค้นกระทู้ <TEXTAREA NAME='kw'></TEXTAREA></FORM>"
    assert _qa(_page("/index.php/qa", "ถาม-ตอบ", search)).ok is False


# --- e-service: online, or only a form to download ----------------------------------------------------------------
def _eservice(*sources: Source) -> RuleVerdict:
    bundle = Bundle(list(sources))
    return online_not_download(components()["eservice.online"], [Hit(s) for s in sources], bundle, CTX)


def test_an_online_e_service_is_named_by_its_address() -> None:
    form = "https://forms.gle/Vb3kP9sQmT2xYz7W6"
    page = _page(
        "/index.php/eservice",
        "E-Service",
        f"<p><a href='/files/form-water.pdf'>แบบฟอร์มคำร้องขอใช้น้ำประปา</a></p><p><a href='{form}'>ยื่นคำร้องออนไลน์</a></p>",
    )
    assert _eservice(page) == RuleVerdict(True, form)


def test_only_a_form_to_download_is_named_and_a_page_offering_nothing_names_nothing() -> None:
    page = _page(
        "/index.php/eservice", "E-Service", "<p><a href='/files/form-water.pdf'>แบบฟอร์มคำร้องขอใช้น้ำประปา</a></p>"
    )
    assert _eservice(page) == RuleVerdict(False, f"พบเพียงแบบฟอร์มให้ดาวน์โหลด: {url('/files/form-water.pdf')}")
    empty = _page("/index.php/eservice", "E-Service", "<p>อยู่ระหว่างปรับปรุงข้อมูล</p>")
    assert _eservice(empty) == RuleVerdict(False, None)


# Joomla 1.5's search module, in the header of every page of the sites still on it: the form's own attributes do not
# say "search", its text field is named "searchword".
JOOMLA_15_SEARCH = (
    '<form action="index.php" method="post"><div class="search"><input name="searchword" id="mod_search_searchword"'
    ' maxlength="20" alt="ค้นหา" class="inputbox" type="text" size="20" value="ค้นหา..." /></div>'
    '<input type="hidden" name="task" value="search" /><input type="hidden" name="option" value="com_search" /></form>'
)


def test_a_joomla_1_5_search_box_is_no_online_channel() -> None:
    complaint = _page(
        "/index.php/complaint", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", f"{JOOMLA_15_SEARCH}<p>โทร 0-4341-4123</p>"
    )
    assert _complaint(complaint) == RuleVerdict(False, "พบเพียงโทรศัพท์")
    download = "<p><a href='/files/form-water.pdf'>แบบฟอร์มคำร้องขอใช้น้ำประปา</a></p>"
    eservice = _page("/index.php/eservice", "E-Service", JOOMLA_15_SEARCH + download)
    assert _eservice(eservice) == RuleVerdict(False, f"พบเพียงแบบฟอร์มให้ดาวน์โหลด: {url('/files/form-water.pdf')}")


def test_an_old_asp_search_box_is_no_online_channel() -> None:
    # <FORM NAME="frmSearch">: the form's own name says search, in any case, whatever its field is named
    search = (
        "<FORM NAME='frmSearch' ACTION='Result.asp'><INPUT TYPE='text' NAME='txtKeyword'> <INPUT TYPE='submit'></FORM>"
    )
    page = _page("/index.php/complaint", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", f"{search}<p>โทร 0-4341-4123</p>")
    assert _complaint(page) == RuleVerdict(False, "พบเพียงโทรศัพท์")


def test_a_site_search_s_results_page_is_no_online_service() -> None:
    # A small CMS's search page: its form asks for a word, and nothing in the form says search; its address does
    results = "<form method='get'><input type='text' name='word' value='E-Service'></form><p>ไม่พบผลการค้นหา</p>"
    page = _page("/search.php?word=E-Service", "ผลการค้นหา", results)
    assert _eservice(page) == RuleVerdict(False, None)


def test_an_unreadable_page_of_the_evidence_does_not_hide_the_pages_after_it() -> None:
    timed_out = unreadable(url("/index.php/eservice-old"), "ita_index", NOT_CRAWLED, "E-Service")
    form = "https://forms.gle/Vb3kP9sQmT2xYz7W6"
    page = _page("/index.php/eservice", "E-Service", f"<p><a href='{form}'>ยื่นคำร้องออนไลน์</a></p>")
    assert _eservice(timed_out, page) == RuleVerdict(True, form)


def test_an_on_site_online_service_labelled_so_is_online() -> None:
    service = "/e-service/water-request.php"  # the agency's own system, on its site
    link = f"<p><a href='{service}'>ยื่นคำร้องออนไลน์ ขอใช้น้ำประปา</a></p>"
    assert _eservice(_page("/index.php/eservice", "E-Service", link)) == RuleVerdict(True, url(service))


# --- the Q&A channel: what passes, named by what it is -------------------------------------------------------------
def test_a_line_official_account_or_a_question_form_linked_as_the_evidence_itself_is_two_way() -> None:
    line = "https://lin.ee/kK7sWaNg"
    assert _qa(Source(line, "external", "ita_index", link_text="ติดต่อสอบถาม")) == RuleVerdict(True, line)
    # in the Q&A evidence any online form is offered for questions, whatever it is called; not a survey
    form = "https://forms.gle/Qa5tXk2Lm8nPzR4d9"
    assert _qa(Source(form, "external", "ita_index", link_text="แบบฟอร์มส่งคำถามถึง อบต.")) == RuleVerdict(True, form)
    survey = Source(form, "external", "ita_index", link_text="แบบสำรวจความพึงพอใจการให้บริการ")
    assert _qa(survey).ok is False


def test_a_question_form_linked_from_the_q_and_a_page_is_two_way_whatever_its_label() -> None:
    form = "https://docs.google.com/forms/d/e/1FAIpQLSd8kPq/viewform"
    page = _page("/index.php/qa", "ถาม-ตอบ", f"<p>ท่านสามารถ<a href='{form}'>ส่งคำถามถึงเรา</a>ได้ตลอด 24 ชั่วโมง</p>")
    assert _qa(page) == RuleVerdict(True, f"ส่งคำถามถึงเรา {form}")


BOARD = SiteLink("https://www.koksawang.go.th/webboard/index.php", "กระดานสนทนา")
LINE = SiteLink("https://lin.ee/kK7sWaNg", "ติดต่อผ่าน LINE")
SITE_CTX = Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks([BOARD, LINE]))


def test_the_q_and_a_page_is_found_by_its_words_and_shown_around_them() -> None:
    page = _page(
        "/index.php/qa",
        "คำถามที่พบบ่อย",
        "<p>รวมคำถามที่ประชาชนสอบถามบ่อย</p><p>ถาม-ตอบ เรื่องการชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569</p>",
        link_text="ถาม-ตอบ",
    )
    finding = qa_channel(components()["contact.qa"], Bundle([page]), SITE_CTX)
    # the page's text, not the label that led to it; a web board of the site is not added to a page found
    assert finding == Finding(present=True, hits=[Hit(page, snippet(page.text, "ถาม-ตอบ"))])
    assert "ภาษีที่ดิน" in finding.hits[0].snippet


def test_with_no_q_and_a_page_the_site_s_first_web_board_is_the_channel() -> None:
    contact = _page("/index.php/contact", "ติดต่อเรา", "<p>โทร 0-4341-4123</p>")
    finding = qa_channel(components()["contact.qa"], Bundle([contact]), SITE_CTX)
    assert finding == Finding(present=True, hits=[Hit(Source(BOARD.url, "page", "site"), "กระดานสนทนา")])
    assert qa_channel(components()["contact.qa"], Bundle([contact]), CTX).present is False


def test_a_one_way_q_and_a_page_passes_by_the_site_s_web_board() -> None:
    page = _page("/index.php/qa", "ถาม-ตอบ", "<p>สอบถามข้อมูลได้ที่โทร 0-4341-4123</p>")
    assert _qa(page, ctx=SITE_CTX) == RuleVerdict(True, f"กระดานสนทนา {BOARD.url}")


def _site(*links: SiteLink) -> Context:
    return Context(fiscal_year=YEAR, as_of=AS_OF, site_links=SiteLinks(list(links)))


ONE_WAY = ("/index.php/qa", "ถาม-ตอบ", "<p>สอบถามข้อมูลได้ที่โทร 0-4341-4123</p>")


@pytest.mark.parametrize(
    "link",
    [
        SiteLink("https://www.koksawang.go.th/webboard/index.php", "ถาม-ตอบ"),  # a web board's address, a Q&A label
        SiteLink("https://forms.gle/Qa5tXk2Lm8nPzR4d9", "ถาม-ตอบ ออนไลน์"),  # an online form offered for questions
    ],
    ids=["web-board-address", "question-form"],
)
def test_a_link_anywhere_on_the_site_to_a_board_or_a_form_for_questions_is_two_way(link: SiteLink) -> None:
    assert _qa(_page(*ONE_WAY), ctx=_site(link)) == RuleVerdict(True, f"{link.label} {link.url}")


@pytest.mark.parametrize(
    "link",
    [
        # a form of the site that asks nothing of the agency (a request for a service), not offered for questions
        SiteLink("https://forms.gle/Rq8vWm3Kp2sLx7Nd5", "แบบฟอร์มขอรับบริการออนไลน์"),
        # a news page's share button, titled with the page's section "กระดานข่าว"
        SiteLink(
            "https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fwww.koksawang.go.th%2Fnews", "แชร์ กระดานข่าว"
        ),
    ],
    ids=["request-form", "share-button"],
)
def test_a_link_on_the_site_to_a_request_form_or_a_share_button_is_not_two_way(link: SiteLink) -> None:
    assert _qa(_page(*ONE_WAY), ctx=_site(link)).ok is False


def test_a_link_to_download_the_line_app_is_no_line_official_account() -> None:
    body = "<p>โทร 0-4341-4123 หรือ <a href='https://line.me/th/download'>ดาวน์โหลด LINE เพื่อใช้บริการถาม-ตอบ</a></p>"
    assert _qa(_page("/index.php/qa", "ถาม-ตอบ", body)).ok is False


def test_a_phone_or_e_mail_link_named_as_the_q_and_a_board_is_not_two_way() -> None:
    """As for the complaint channel: a bundle given a tel: or mailto: link is judged by what the link is."""
    for link in ("tel:043414123", "mailto:saraban@koksawang.go.th"):
        assert _qa(Source(link, "external", "config", link_text="กระดานถาม-ตอบ")).ok is False
