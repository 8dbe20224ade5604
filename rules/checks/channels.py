"""How citizens reach the agency online: the Q&A channel, e-services and the corruption complaint channel.

Checks:
- qa_channel: passes when the site offers a Q&A channel (web board, chat, LINE OA, a Q&A section).
- eservice: passes when an online service or a downloadable request form is offered.
Rules:
- two_way: fails when the only Q&A channel is an e-mail address.
- online_not_download: fails when the only "e-service" is a form to download and bring in.
- online_channel: passes when the evidence offers the complaint channel online: a request form on a page, an
  online form (Google/Microsoft Forms) linked from it, or a LINE / Messenger link or an online-form link
  labelled as the complaint channel. Fails when only a phone number, a postal address or an e-mail address is
  given on web pages; undecided when the channel is only described inside a document that names a website.
"""

from __future__ import annotations

import re

from crawler.models import Link
from crawler.thaitext import match_key
from crawler.urls import CHAT_HOSTS, FORM_HOSTS, looks_like_document
from rules.catalog import ComponentDef
from rules.checks.base import PHONE, Context, Finding, Hit, RuleVerdict, _found, check, rule, snippet
from rules.sources import Bundle, Source

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
_TWO_WAY_URL = re.compile(
    r"(webboard|forum|board|กระดาน|qa\b|question|line\.me/|lin\.ee/|m\.me/|messenger\.com|docs\.google\.com/forms|"
    r"forms\.gle|chat)",
    re.IGNORECASE,
)
_TWO_WAY_HTML = re.compile(r"(fb-customerchat|customerchat|<textarea|chatbot|livechat|tawk\.to)", re.IGNORECASE)


@check("qa_channel")
def qa_channel(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    hits = []
    for source in bundle.readable:
        found = _found(source, _QA_WORDS)
        if found:
            hits.append(Hit(source, snippet(source.text or source.link_text, found[0])))
    site_board = _two_way_links(ctx.site_links)
    if site_board and not hits:
        hits.append(Hit(Source(url=site_board[0].url, kind="page", found_via="site"), site_board[0].label))
    return Finding(present=bool(hits), hits=hits)


def _two_way_links(links: list[Link]) -> list[Link]:
    out = []
    for link in links:
        if link.url.startswith("mailto:"):
            continue
        label_key = match_key(link.label)
        qa_label = any(match_key(w) in label_key for w in _QA_WORDS)
        if (qa_label and _TWO_WAY_URL.search(link.url + " " + link.label)) or re.search(
            r"line\.me/|lin\.ee/|m\.me/", link.url
        ):
            out.append(link)
    return out


@rule("two_way")
def two_way(component: ComponentDef, hits: list[Hit], bundle: Bundle, ctx: Context) -> RuleVerdict:
    for source in bundle.readable:
        if _two_way_links(source.links) or _TWO_WAY_HTML.search(source.html or ""):
            return RuleVerdict(True)
    links = _two_way_links(ctx.site_links)
    if links:
        return RuleVerdict(True, f"{links[0].label} {links[0].url}")
    return RuleVerdict(False, "พบเพียงอีเมลหรือข้อความ ไม่พบกระดานถาม-ตอบ แชท หรือ LINE OA / only e-mail or text found")


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
_SEARCH_FIELD = re.compile(r"""name=["']?(q|s|keywords?|search|query)\b""", re.IGNORECASE)


def _request_form(html: str) -> bool:
    """A form a citizen fills in on the page; the site's search box (in every page's header) is not one."""
    for attrs, body in _FORM.findall(html or ""):
        fields = _FIELD.findall(body)
        searching = re.search(r"search|ค้นหา", attrs, re.IGNORECASE) or all(_SEARCH_FIELD.search(f) for f in fields)
        if fields and not searching:
            return True
    return False


@check("eservice")
def eservice(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    online, downloads = _service_links(bundle)
    hits = [Hit(src, url) for src, url in online + downloads]
    return Finding(present=bool(hits), hits=hits)


@rule("online_not_download")
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


@rule("online_channel")
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
