"""O3 contact.qa: a Q&A channel must be two-way (shared/ita/document-forms.md, "People and channels").

The contact page links a page of its own for questions ("ถาม-ตอบ"), and the site's menu links it too. What that
page offers decides: a web board, a question form, LINE Official Account, Messenger or a chat passes; an e-mail
address or a phone number alone fails ("ไม่ใช่ช่องทางที่สื่อสารได้สองทาง"), however the page is titled. Pages come
in the styles of the platforms อปท. use: the shared-hosting CMS layout, WordPress (bbPress), Joomla.
"""

from __future__ import annotations

import pytest

from tests.rules import koksawang as k
from tests.rules.sitebuilder import RULE_GAP, assert_only_gap, drop_parts, fixture, item, page

QA_PATH = "/qa.php"


def contact_linking(path: str) -> str:
    """The contact page whose only Q&A is a link "ถาม-ตอบ" to `path` (no web board, no e-mail line)."""
    html = page("o3_contact.html", "ติดต่อเรา")
    start, end = html.index("<!-- part:qa -->"), html.index("<!-- /part:qa -->")
    html = html[:start] + f'<p><a href="{path}">ถาม-ตอบ</a> สอบถามข้อมูลการให้บริการ</p>' + html[end:]
    return drop_parts(html, ["qa_email"])


def o3_with(qa_html: str, path: str = QA_PATH):  # type: ignore[no-untyped-def]
    pages = {"/contact.html": contact_linking(path), path: qa_html}
    # The menu of every page links the Q&A page too: its label and URL ("ถาม-ตอบ", qa.php) say nothing of how
    # one asks there.
    return item(k.site((pages, {}), menu=[("ถาม-ตอบ", path)]), "O3")


@pytest.mark.parametrize(
    ("qa_html", "offered"),
    [
        (page("qa/email_only.html", "ถาม-ตอบ"), "อีเมล"),
        (fixture("qa/phone_only_wp.html"), "หมายเลขโทรศัพท์"),
    ],
    ids=["email-only-cms", "phone-only-wordpress"],
)
def test_a_qa_page_with_only_an_email_or_a_phone_is_not_two_way(qa_html: str, offered: str) -> None:
    result = o3_with(qa_html)
    text = assert_only_gap(result, "rule", "contact.qa", RULE_GAP)
    assert "ไม่ใช่ช่องทางที่สื่อสารได้สองทาง" in text
    qa = next(c for c in result.components if c.id == "contact.qa")
    assert qa.reason and f"พบเพียง{offered}" in qa.reason


@pytest.mark.parametrize(
    ("qa_html", "path"),
    [
        (page("o3_webboard.html", "กระดานถาม-ตอบ"), "/webboard/index.php"),
        (fixture("qa/webboard_bbpress.html"), "/forums/forum/qa/"),
        (page("qa/line_oa_link.html", "ช่องทางถาม-ตอบ"), QA_PATH),
        (page("qa/line_oa_text.html", "ถาม-ตอบ"), QA_PATH),
        (page("qa/google_form_joomla.html", "ถามมา-ตอบไป"), "/index.php?option=com_content&view=article&id=77"),
        (page("qa/messenger.html", "ช่องทางการสอบถาม"), QA_PATH),
        (page("qa/chat_widget.html", "ถาม-ตอบ"), QA_PATH),
        (page("qa/question_form.html", "ถาม-ตอบ"), QA_PATH),
    ],
    ids=[
        "webboard-php",
        "bbpress-forum",
        "line-oa-link",
        "line-oa-id-text",
        "google-form-iframe",
        "messenger",
        "chat-widget",
        "question-form",
    ],
)
def test_a_two_way_channel_passes(qa_html: str, path: str) -> None:
    result = o3_with(qa_html, path)
    assert result.status == "pass", (result.status, result.unknown_reason, [g.text_th for g in result.gaps])


def test_a_line_share_button_is_not_a_line_official_account() -> None:
    # News pages carry "share on LINE" buttons: a link to line.me, but nobody answers there.
    share = '<p><a href="https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fwww.koksawang.go.th%2Fnews%2F12">แชร์ไปยัง LINE</a></p>'
    result = o3_with(page("qa/email_only.html", "ถาม-ตอบ").replace("</main>", share + "</main>"))
    assert_only_gap(result, "rule", "contact.qa", RULE_GAP)


def test_a_satisfaction_survey_form_is_not_a_question_channel() -> None:
    survey = '<p><a href="https://forms.gle/Sv7eYq2mR4uT8bN1C">แบบประเมินความพึงพอใจการให้บริการ</a></p>'
    result = o3_with(page("qa/email_only.html", "ถาม-ตอบ").replace("</main>", survey + "</main>"))
    assert_only_gap(result, "rule", "contact.qa", RULE_GAP)


def test_an_email_address_that_ends_in_line_is_not_a_line_id() -> None:
    mail = "<p>หรือ online@koksawang.go.th</p>"
    result = o3_with(page("qa/email_only.html", "ถาม-ตอบ").replace("</main>", mail + "</main>"))
    assert_only_gap(result, "rule", "contact.qa", RULE_GAP)
