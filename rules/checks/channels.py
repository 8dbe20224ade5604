"""How citizens reach the agency online: the Q&A channel, e-services and the corruption complaint channel.

Checks:
- qa_channel: passes when the site offers a Q&A channel (web board, chat, LINE OA, a Q&A section).
- eservice: passes when an online service or a downloadable request form is offered.
Rules:
- two_way: passes on a web board (named so, with topics or a form to ask), a question form (a text area), a
  LINE Official Account (add-friend link, or "LINE @id" written out), Messenger, a chat widget, or an online
  form offered for questions, in the Q&A evidence or linked from any page of the site. Fails when the Q&A
  channel is only an e-mail address or a phone number, or a page merely titled ถาม-ตอบ.
- online_not_download: fails when the only "e-service" is a form to download and bring in.
- online_channel: passes when the evidence offers the complaint channel online: a request form on a page, an
  online form (Google/Microsoft Forms) linked from it, or a LINE / Messenger link or an online-form link
  labelled as the complaint channel. Fails when only a phone number, a postal address or an e-mail address is
  given on web pages; undecided when the channel is only described inside a document that names a website.
"""

from __future__ import annotations

import re

from crawler.thaitext import match_key
from crawler.urls import CHAT_HOSTS, FORM_HOSTS, looks_like_document
from rules.catalog import ComponentDef
from rules.checks.base import (
    PHONE,
    Context,
    Finding,
    Hit,
    RuleVerdict,
    _found,
    _titled,
    mailto,
    snippet,
)
from rules.literals import hints
from rules.sources import Bundle, Source
from rules.words import label_key

# --- Q&A and e-service -------------------------------------------------------------------------------
_QA_WORDS = [
    "ถาม-ตอบ",
    "ถามตอบ",
    "q&a",
    "q & a",
    "กระดานสนทนา",
    "กระดานข่าว",
    "webboard",
    "web board",
    "กระดานถาม",
    "ถามมา-ตอบไป",
    "ถามมาตอบไป",
    "แชท",
    "chat",
    "chatbot",
]
# What makes a Q&A channel two-way (shared/ita/document-forms.md, "People and channels"): a web board, a
# question form, LINE Official Account, Facebook Messenger or a chat. An e-mail address or a phone number
# alone is not (ไม่ใช่ช่องทางที่สื่อสารได้สองทาง), however the page around it is titled.
_BOARD_WORDS = ["กระดานถาม", "กระดานสนทนา", "กระดานข่าว", "กระดานความคิดเห็น", "เว็บบอร์ด", "webboard", "web board"]
_BOARD_URL = re.compile(r"web-?board|forum|/boards?(?:[/.?#]|$)|กระดาน|kratoo|/topic", re.IGNORECASE)
_BOARD_TOPIC_URL = re.compile(r"topic|thread|กระทู้|question|[?&](?:id|qid|tid|t)=\d", re.IGNORECASE)
# LINE Official Account (add-friend and chat links, not the share button of a news page), Messenger.
_CHAT_URL = re.compile(
    r"line\.me/(?:R/)?ti/p/|lin\.ee/|page\.line\.me/|line\.me/R/oaMessage/|liff\.line\.me/|//m\.me/|"
    r"messenger\.com/t/",
    re.IGNORECASE,
)
_SHARE_URL = re.compile(r"line\.me/R/msg/|social-plugins\.line\.me|lineit/share|sharer|/share[/?]", re.IGNORECASE)
_CHAT_HTML = re.compile(
    r"fb-customerchat|customerchat|chatbot|livechat|live-chat|tawk\.to|chat-widget|df-messenger|botnoi|zwiz\.ai",
    re.IGNORECASE,
)
# "LINE Official Account: @koksawang", "ไลน์ @abc", "Line ID : @xyz" (not an e-mail address such as online@x.com).
_LINE_OA_TEXT = re.compile(
    r"(?<![a-z0-9.])(?:line|ไลน์)\s*(?:official\s*account|oa|id|ไอดี)?\s*[:：]?\s*@[a-z0-9_-][a-z0-9._-]{2,}"
    r"(?![a-z0-9._-]*\.(?:com|net|org|th|go|co)\b)",
    re.IGNORECASE,
)
_SURVEY_WORDS = ["ความพึงพอใจ", "แบบสำรวจ", "แบบประเมิน", "survey", "สมัคร", "ลงทะเบียน"]  # forms that ask nothing
# Their match keys, made once: every link of the site is tested against them.
_QA_KEYS, _BOARD_KEYS, _SURVEY_KEYS = (
    tuple(match_key(w) for w in ws) for ws in (_QA_WORDS, _BOARD_WORDS, _SURVEY_WORDS)
)
# The board words as one search of a link's key (every link of the site has its label's key searched for them).
_BOARD_KEY = re.compile("|".join(re.escape(k) for k in sorted(_BOARD_KEYS, key=lambda k: (-len(k), k))))
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+(?:@|\[at\])[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def qa_channel(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    hits = []
    for source in bundle.readable:
        found = _found(source, _QA_WORDS)
        if found:
            hits.append(Hit(source, snippet(source.text or source.link_text, found[0])))
    site_board = ctx.site_links.where(site_two_way)
    if site_board and not hits:
        hits.append(Hit(Source(url=site_board[0].url, kind="page", found_via="site"), site_board[0].label))
    return Finding(present=bool(hits), hits=hits)


def _two_way_link(url: str, label: str, in_evidence: bool = False) -> bool:
    """A link to a two-way channel: LINE OA or Messenger (whatever its label), a web board, or an online form
    offered for questions (labelled so; in the Q&A evidence itself, any form but a survey)."""
    kind = _url_kind(url)
    if kind in ("none", "chat"):
        return kind == "chat"
    key = label_key(label)  # match_key's, from the label's one repair (rules/words.py)
    if _BOARD_KEY.search(key):
        return True
    if kind == "form" and in_evidence:
        return not any(w in key for w in _SURVEY_KEYS)
    return kind in ("form", "board") and any(w in key for w in _QA_KEYS)


def site_two_way(url: str, label: str) -> bool:
    """A link anywhere on the site to a two-way channel (one filter: the site's links are read once for it)."""
    return _two_way_link(url, label)


def _url_kind(url: str) -> str:
    """What a link's URL says of the channel: "none" (mail, phone, a share button), "chat" (LINE OA, Messenger),
    "form" (an online form host), "board" (a web board's address) or "" (nothing)."""
    if url.startswith(("mailto:", "tel:")):
        return "none"
    if not _URL_HINTS.may_match(url):
        return ""  # none of the four shapes' literals ("line.me/", "forms.gle", "board", ...): a text site's pages
    if _SHARE_URL.search(url):
        return "none"
    if _CHAT_URL.search(url):
        return "chat"
    if FORM_HOSTS.search(url):
        return "form"
    return "board" if _BOARD_URL.search(url) else ""


# One search for the literals one of which each URL shape needs, instead of four searches of every link's URL (no
# memo: a text site's ~42,000 links go to a few thousand URLs in no order a small memo would catch).
_URL_HINTS = hints(_SHARE_URL, _CHAT_URL, FORM_HOSTS, _BOARD_URL)


def _is_board(source: Source, html: str | None = None) -> bool:
    """A web board page: named so (title, heading, link or URL), with topics or a form to ask. (`html`: the
    source's, when the caller has read it already.)"""
    named = _titled(source, _BOARD_WORDS) or bool(_BOARD_URL.search(source.url))
    if not named:
        return False  # nothing to read from the site
    topics = [lk for lk in source.links if not lk.nav and _BOARD_TOPIC_URL.search(lk.url)]
    return len(topics) >= 2 or _question_form(source.html if html is None else html)


def _two_way_in(source: Source) -> str | None:
    """What in one readable source is a two-way channel, or None."""
    if source.kind == "external":
        return source.url if _two_way_link(source.url, source.link_text, in_evidence=True) else None
    link = next((lk for lk in source.links if _two_way_link(lk.url, lk.label, in_evidence=True)), None)
    if link:
        return f"{link.label} {link.url}".strip()
    html = source.html  # read once from the site (a stored page keeps no HTML)
    if _is_board(source, html) or _question_form(html):
        return source.url
    widget = _CHAT_HTML.search(html)
    line_id = _LINE_OA_TEXT.search(source.text)
    return (widget.group(0) if widget else None) or (line_id.group(0) if line_id else None)


def two_way(component: ComponentDef, hits: list[Hit], bundle: Bundle, ctx: Context) -> RuleVerdict:
    for source in bundle.readable:
        found = _two_way_in(source)
        if found:
            return RuleVerdict(True, found)
    links = ctx.site_links.where(site_two_way)
    if links:
        return RuleVerdict(True, f"{links[0].label} {links[0].url}")
    return RuleVerdict(False, _only_one_way(hits))


def _only_one_way(hits: list[Hit]) -> str:
    """What the Q&A evidence offers instead of a two-way channel, in the assessors' terms: read on the pages
    named for Q&A (a contact page's e-mail is not what its "ถาม-ตอบ" link offers), else on every hit."""
    sources = [h.source for h in hits if _titled(h.source, _QA_WORDS)] or [h.source for h in hits]
    mails = any(_EMAIL.search(s.text) or mailto(s) for s in sources)
    phones = any(re.search(PHONE, s.number_text) for s in sources)
    offered = [
        (th, en)
        for th, en, found in (("อีเมล", "an e-mail address", mails), ("หมายเลขโทรศัพท์", "a phone number", phones))
        if found
    ]
    if offered:
        th, en = "และ".join(t for t, _ in offered), " and ".join(e for _, e in offered)
        return f"พบเพียง{th} ซึ่งไม่ใช่ช่องทางที่สื่อสารได้สองทาง / only {en}, not a two-way channel"
    return "ไม่พบกระดานถาม-ตอบ แบบฟอร์มถาม-ตอบ แชท Messenger หรือ LINE OA / no web board, question form, chat or LINE OA"


def _question_form(html: str) -> bool:
    """A form to ask in (a text area, not the site's search box): a web board's or a Q&A box's."""
    return any(
        re.search(r"<textarea\b", body, re.IGNORECASE) and not re.search(r"search|ค้นหา", attrs, re.IGNORECASE)
        for attrs, body in _FORM.findall(html or "")
    )


_ONLINE_URL = re.compile(
    r"docs\.google\.com/forms|forms\.gle|forms\.office\.com|line\.me/|lin\.ee/|e-?service|"
    r"eform|online|ออนไลน์",
    re.IGNORECASE,
)
_ESERVICE_WORDS = [
    "e-service",
    "eservice",
    "บริการออนไลน์",
    "ยื่นคำร้องออนไลน์",
    "คำร้องออนไลน์",
    "ขอรับบริการออนไลน์",
    "แบบฟอร์ม",
    "คำร้อง",
]


def _service_links(bundle: Bundle) -> tuple[list[tuple[Source, str]], list[tuple[Source, str]]]:
    """(online channels, downloadable forms) offered by the bundle."""
    online, downloads = [], []
    # A link to a page of the bundle (a breadcrumb "E-Service" to the page itself) is judged by that page's
    # content, not by its URL.
    judged = {s.url for s in bundle.sources}
    for source in bundle.sources:
        if source.kind == "external" and _ONLINE_URL.search(source.url):
            online.append((source, source.url))
        if not source.readable:
            continue
        for link in source.links:
            labelled = any(match_key(w) in match_key(link.label) for w in _ESERVICE_WORDS)
            if looks_like_document(link.url):
                if labelled:
                    downloads.append((source, link.url))
            elif _ONLINE_URL.search(link.url) and (labelled or link.external) and link.url not in judged:
                online.append((source, link.url))
        if _request_form(source.html) and "search" not in source.url:
            online.append((source, source.url))
    return online, downloads


_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.IGNORECASE | re.DOTALL)
_FIELD = re.compile(r"<textarea\b[^>]*>|<input\b[^>]*type=[\"']?(?:text|file|tel|email)\b[^>]*>", re.IGNORECASE)
# A search box's field: q, s, keyword(s), query, or a name that starts with "search" (Joomla 1.5's search module, in
# every page's header, names it "searchword" in a form whose own attributes do not say search).
_SEARCH_FIELD = re.compile(r"""name=["']?(q|s|keywords?|query|search\w*)\b""", re.IGNORECASE)


def _request_form(html: str) -> bool:
    """A form a citizen fills in on the page; the site's search box (in every page's header) is not one."""
    for attrs, body in _FORM.findall(html or ""):
        fields = _FIELD.findall(body)
        searching = re.search(r"search|ค้นหา", attrs, re.IGNORECASE) or all(_SEARCH_FIELD.search(f) for f in fields)
        if fields and not searching:
            return True
    return False


def eservice(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    online, downloads = _service_links(bundle)
    hits = [Hit(src, url) for src, url in online + downloads]
    return Finding(present=bool(hits), hits=hits)


def online_not_download(component: ComponentDef, hits: list[Hit], bundle: Bundle, ctx: Context) -> RuleVerdict:
    online, downloads = _service_links(bundle)
    if online:
        return RuleVerdict(True, online[0][1])
    return RuleVerdict(False, f"พบเพียงแบบฟอร์มให้ดาวน์โหลด: {downloads[0][1]}" if downloads else None)


# --- corruption complaint channel ---------------------------------------------------------------------
_COMPLAINT_WORDS = ["ร้องเรียน", "เบาะแส", "ทุจริต"]
_ONLINE_WORDS = ["ออนไลน์", "online", "แบบฟอร์ม", "กรอก", "e-service"]
_OFFLINE = [  # what a page without an online channel offers instead (PHONE is defined in base.py)
    ("ที่อยู่ไปรษณีย์", r"(จังหวัด|จ\.)\s*\S+\s*\d{5}"),
    ("อีเมล", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
]
_WEB_MENTION = ["เว็บไซต์", "www.", "http", "ออนไลน์", "line", "ไลน์", "facebook", "เฟซบุ๊ก", "เฟสบุ๊ค"]


def _online_complaint_link(url: str, label: str) -> bool:
    """An online channel for complaints: any online form; a chat or an on-site page only when labelled so."""
    if looks_like_document(url) or url.startswith(("tel:", "mailto:")):
        return False
    named = any(match_key(w) in match_key(label) for w in _COMPLAINT_WORDS)
    if FORM_HOSTS.search(url):
        return True
    if CHAT_HOSTS.search(url):
        return named
    return named and any(match_key(w) in match_key(label) for w in _ONLINE_WORDS)


def online_channel(component: ComponentDef, hits: list[Hit], bundle: Bundle, ctx: Context) -> RuleVerdict:
    for source in bundle.readable:
        if source.kind == "external" and _online_complaint_link(source.url, source.link_text):
            return RuleVerdict(True, source.url)
        if _request_form(source.html):
            return RuleVerdict(True, source.url)
        link = next((lk for lk in source.links if _online_complaint_link(lk.url, lk.label)), None)
        if link:
            return RuleVerdict(True, link.url)
    documents = [h.source for h in hits if h.source.kind == "document"]
    if documents and all(h.source.kind == "document" for h in hits) and any(_found(d, _WEB_MENTION) for d in documents):
        return RuleVerdict(None, "ช่องทางออนไลน์ระบุไว้ในเอกสารเท่านั้น / the online channel is only named in a document")
    text = " ".join(h.source.number_text for h in hits)  # an OCR'd Thai-digit phone number is no phone number
    offline = [name for name, pattern in [("โทรศัพท์", PHONE), *_OFFLINE] if re.search(pattern, text)]
    return RuleVerdict(False, f"พบเพียง{' '.join(offline)}" if offline else None)
