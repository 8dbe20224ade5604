"""Small reusable checks, named in components.toml, and the rules judged on what they find.

A check looks at an item's evidence bundle and says whether one component is there, with the sources that
show it (hits). A rule looks at those hits and says whether they meet a criterion's condition.

Checks (what passes / what fails):
- phrases: passes when a source contains at least `min` (default 1) distinct phrases of `any` (and, with
  `context_any`, one of those in the same source). Fails otherwise. A phrase seen only inside an `ignore`
  phrase does not count; with `skip_whole_law`, a copy of an act is not read (it is no agency's own data).
- phrase_groups: passes when every group has a phrase present (with `same_source`, all in one source);
  fails naming the groups that are absent (`group_labels`). Sources containing a `skip_if` phrase (e.g. a
  month without purchases) are not required to have the groups; a source titled with an `exclude_titled`
  phrase is not considered (the announcement is not the activity).
- pattern: passes when a regular expression matches a source's text (Thai digits read as Arabic), or,
  with `mailto`, when a page links a mailto: address.
- links_to: passes when a source links to (or embeds) a URL matching `url_patterns`, or its text matches
  `text_patterns` (e.g. coordinates).
- image_or_document: passes when a page shows an image, or links an image or document, whose alt text,
  file name or link text contains one of `words`, or when the evidence is itself a document so named.
- qa_channel: passes when the site offers a Q&A channel (web board, chat, LINE OA, a Q&A section).
- eservice: passes when an online service or a downloadable request form is offered.
- executives: finds one card per executive (a name with a title next to a position; failing that, a name
  alone or a position alone) and passes when every card has the part in `need` (name, position, photo,
  contact).
- document: passes when a source *is* the document named by `title_any` (in its title, the link that led to
  it, a page's own heading or a document's opening lines; not when so named by `exclude_titled`) and holds
  every group of `groups` (at least `min` phrases each, found outside the document's name; with
  `same_source = false`, across all such documents). Fails with no such document, or naming the absent groups
  (`group_labels`). With `period_after`, the time rule reads only the period written right after the name
  ("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖-๒๕๗๐)"), not every year the document quotes.
- table_rows: reads the numbered rows of the named documents' tables (a page's <tr>, a document's lines
  "1 | …" or "1 …" with their wrapped lines; a run numbered 1, 2, 3 … is one table; prose lists are not).
  The entries are the rows matching `row_pattern` (default: not a strategy or budget-category line), or with
  `numbered_fallback` every row. Passes when some document has `min_rows` entries and every one (`min_share`)
  carries `value`: amount (baht), month, day_period (start and end as day, month and year; a range of months
  fails), tax_id (13 digits) or text; in the `column_any` column when the cells are delimited, otherwise
  anywhere in the row provided the table's header names the column. Rows naming `skip_rows` are not judged;
  a header of the twelve months or four quarters gives every row its months. Fails naming the entries that
  lack the value (when some have it), or when no document has such rows.
- dated_posts: passes when a page lists a dated post (the innermost list item, table row, article or news
  card holding a date and a title; or the page itself, a date under its heading) that names one of `any`
  (if given) and none of `exclude_any` (procurement notices, letters from other agencies), or when a document
  is named by `document_any`. Each post is judged by the time rule on its own date (the date element of the
  post, not a date in its title). Fails when no such post is found (dates the parser cannot read, such as
  English month names, are not seen).
Rules:
- not_whole_law: fails when the duties are only given as the whole act: a copy of the law, or a page that
  links the act and states no duty itself.
- two_way: fails when the only Q&A channel is an e-mail address.
- online_not_download: fails when the only "e-service" is a form to download and bring in.
- signed_by_top_executive: fails when the announcement's signature block names someone other than the
  top executive (นายก…, or whoever acts for them).
- online_channel: passes when the evidence offers the complaint channel online: a request form on a page, an
  online form (Google/Microsoft Forms) linked from it, or a LINE / Messenger link or an online-form link
  labelled as the complaint channel. Fails when only a phone number, a postal address or an e-mail address is
  given on web pages; undecided when the channel is only described inside a document that names a website.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.models import Link
from crawler.parse import fold
from crawler.thaitext import match_key
from crawler.urls import looks_like_document
from rules.catalog import ComponentDef
from rules.sources import Bundle, Source
from rules.thaidates import find_dates

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@dataclass
class Hit:
    source: Source
    snippet: str = ""


@dataclass
class Finding:
    present: bool
    hits: list[Hit] = field(default_factory=list)
    missing_parts: list[str] = field(default_factory=list)  # e.g. the สขร.1 columns not found
    detail: str | None = None


@dataclass
class RuleVerdict:
    ok: bool | None  # None: could not tell
    detail: str | None = None


@dataclass
class Context:
    fiscal_year: int  # BE
    as_of: date
    site_links: list[Link] = field(default_factory=list)


Check = Callable[[ComponentDef, Bundle, Context], Finding]
Rule = Callable[[ComponentDef, list[Hit], Bundle, Context], RuleVerdict]
CHECKS: dict[str, Check] = {}
RULES: dict[str, Rule] = {}


def check(name: str) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        CHECKS[name] = fn
        return fn

    return register


def rule(name: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES[name] = fn
        return fn

    return register


def snippet(text: str, phrase: str, width: int = 70) -> str:
    """Text around the first occurrence of `phrase`, tolerant of spaces inside it."""
    chars = [re.escape(c) for c in phrase if not c.isspace()]
    match = re.search(r"\s*".join(chars), text, re.IGNORECASE) if chars else None
    if not match:
        return fold(text[: width * 2])
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return ("…" if start else "") + fold(text[start:end]) + ("…" if end < len(text) else "")


def _found(source: Source, phrases: list[str], ignore: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The phrases the source contains; a phrase seen only inside an `ignore` phrase does not count
    ("นายกองค์การบริหารส่วนตำบล" inside "รองนายกองค์การบริหารส่วนตำบล" is not the top executive)."""
    key = source.key
    for phrase in ignore:
        key = key.replace(match_key(phrase), "|")
    return [p for p in phrases if match_key(p) in key]


def _titled(source: Source, phrases: list[str]) -> bool:
    """True when the source's title or the link to it names one of `phrases` (what the source *is*)."""
    label = match_key(f"{source.title} {source.link_text}")
    return any(match_key(p) in label for p in phrases)


# --- generic checks ----------------------------------------------------------------------------------
@check("phrases")
def phrases(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    wanted: list[str] = component.params["any"]
    need = int(component.params.get("min", 1))
    context_any: list[str] = component.params.get("context_any", [])
    ignore: list[str] = component.params.get("ignore", [])
    hits, seen = [], set()
    for source in bundle.readable:
        if component.params.get("skip_whole_law") and _is_whole_law(source):
            continue  # an act describes every อบต./เทศบาล, not this agency's own structure
        found = _found(source, wanted, ignore)
        if found and (not context_any or _found(source, context_any)):
            seen.update(found)
            hits.append(Hit(source, snippet(source.text or source.link_text, found[0])))
    return Finding(present=len(seen) >= need and bool(hits), hits=hits)


@check("phrase_groups")
def phrase_groups(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    groups: list[list[str]] = component.params["groups"]
    labels: list[str] = component.params.get("group_labels") or [g[0] for g in groups]
    skip_if = component.params.get("skip_if", [])
    exclude = component.params.get("exclude_titled", [])
    sources = [s for s in bundle.readable if not _titled(s, exclude) and not (skip_if and _found(s, skip_if))]
    if component.params.get("same_source"):
        return _groups_in_one_source(sources, groups, labels, component.params.get("prefer_all", []))
    hits, missing = [], []
    for group, label in zip(groups, labels, strict=True):
        group_hits = [Hit(s, snippet(s.text, _found(s, group)[0])) for s in sources if _found(s, group)]
        if group_hits:
            hits.append(group_hits[0])
        else:
            missing.append(label)
    return Finding(present=bool(sources) and not missing, hits=hits, missing_parts=missing if sources else labels)


def _groups_in_one_source(
    sources: list[Source], groups: list[list[str]], labels: list[str], prefer: list[str]
) -> Finding:
    best_missing = labels
    hits = []
    for source in sources:
        missing = [label for group, label in zip(groups, labels, strict=True) if not _found(source, group)]
        if not missing:
            first = _found(source, groups[-1])[0]
            hits.append(Hit(source, snippet(source.text or source.link_text, first)))
        elif len(missing) < len(best_missing):
            best_missing = missing
    # Sources that also carry a preferred phrase (e.g. "ประกาศเจตนารมณ์") come first.
    hits.sort(key=lambda h: not _found(h.source, prefer) if prefer else False)
    return Finding(present=bool(hits), hits=hits, missing_parts=[] if hits else best_missing)


@check("pattern")
def pattern(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    regexes = [re.compile(p, re.IGNORECASE) for p in component.params["patterns"]]
    hits = []
    for source in bundle.readable:
        text = source.text.translate(_THAI_DIGITS)
        for regex in regexes:
            match = regex.search(text)
            if match:
                hits.append(Hit(source, fold(match.group(0))[:160]))
                break
        else:
            if component.params.get("mailto"):
                mail = next((link.url for link in source.links if link.url.startswith("mailto:")), None)
                if mail:
                    hits.append(Hit(source, mail))
    return Finding(present=bool(hits), hits=hits)


@check("links_to")
def links_to(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    url_res = [re.compile(p, re.IGNORECASE) for p in component.params.get("url_patterns", [])]
    text_res = [re.compile(p) for p in component.params.get("text_patterns", [])]
    hits = []
    for source in bundle.readable:
        urls = [source.url] + [link.url for link in source.links] + _raw_srcs(source.html)
        url = next((u for u in urls if any(r.search(u) for r in url_res)), None)
        if url:
            hits.append(Hit(source, url))
            continue
        match = next((m for r in text_res if (m := r.search(source.text))), None)
        if match:
            hits.append(Hit(source, match.group(0)))
    return Finding(present=bool(hits), hits=hits)


def _raw_srcs(html: str) -> list[str]:
    """iframe/embed/script sources straight from the HTML (maps and widgets are often embedded)."""
    return re.findall(r"""(?:src|data-src)\s*=\s*["']([^"']+)""", html or "", re.IGNORECASE)


@check("image_or_document")
def image_or_document(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    words = [match_key(w) for w in component.params["words"]]
    hits = []
    for source in bundle.readable:
        for src, alt in source.images:
            if any(w in match_key(alt + " " + src.rsplit("/", 1)[-1]) for w in words):
                hits.append(Hit(source, alt or src))
                break
        else:
            link = next(
                (lk for lk in source.links if _is_media(lk.url) and any(w in match_key(lk.label) for w in words)), None
            )
            if link:
                hits.append(Hit(source, link.label or link.url))
            elif source.kind == "document" and any(w in match_key(source.link_text) for w in words):
                hits.append(Hit(source, source.link_text))
    return Finding(present=bool(hits), hits=hits)


def _is_media(url: str) -> bool:
    return looks_like_document(url) or url.lower().split("?")[0].endswith((".jpg", ".jpeg", ".png", ".gif", ".webp"))


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
_FORM_URL = re.compile(r"docs\.google\.com/forms|forms\.gle|forms\.office\.com", re.IGNORECASE)
_CHAT_URL = re.compile(r"line\.me/|lin\.ee/|m\.me/|messenger\.com", re.IGNORECASE)
_COMPLAINT_WORDS = ["ร้องเรียน", "เบาะแส", "ทุจริต"]
_ONLINE_WORDS = ["ออนไลน์", "online", "แบบฟอร์ม", "กรอก", "e-service"]
_OFFLINE = [  # what a page without an online channel offers instead (PHONE is defined with the executives)
    ("ที่อยู่ไปรษณีย์", r"(จังหวัด|จ\.)\s*\S+\s*\d{5}"),
    ("อีเมล", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
]
_WEB_MENTION = ["เว็บไซต์", "www.", "http", "ออนไลน์", "line", "ไลน์", "facebook", "เฟซบุ๊ก", "เฟสบุ๊ค"]


def _online_complaint_link(url: str, label: str) -> bool:
    """An online channel for complaints: any online form; a chat or an on-site page only when labelled so."""
    if looks_like_document(url) or url.startswith(("tel:", "mailto:")):
        return False
    named = any(match_key(w) in match_key(label) for w in _COMPLAINT_WORDS)
    if _FORM_URL.search(url):
        return True
    if _CHAT_URL.search(url):
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
    text = " ".join(h.source.text for h in hits).translate(_THAI_DIGITS)
    offline = [name for name, pattern in [("โทรศัพท์", PHONE), *_OFFLINE] if re.search(pattern, text)]
    return RuleVerdict(False, f"พบเพียง{' '.join(offline)}" if offline else None)


# --- law and signatures ------------------------------------------------------------------------------
_ACT = ["พระราชบัญญัติ", "พ.ร.บ."]


# Duties as an agency states them (มาตรา 67-68 พ.ร.บ.สภาตำบลฯ, มาตรา 50-51 พ.ร.บ.เทศบาล, มาตรา 16 พ.ร.บ.กระจายอำนาจ).
_DUTY_WORDS = [
    "จัดให้มี",
    "ให้มีและบำรุง",
    "บำรุงรักษา",
    "รักษาความสะอาด",
    "โรคติดต่อ",
    "สาธารณภัย",
    "ส่งเสริมการศึกษา",
    "ส่งเสริมการพัฒนา",
    "คุ้มครอง",
    "มูลฝอย",
    "ผังเมือง",
]


@rule("not_whole_law")
def not_whole_law(component: ComponentDef, hits: list[Hit], bundle: Bundle, ctx: Context) -> RuleVerdict:
    laws = {s.url for s in bundle.readable if _is_whole_law(s)}
    for hit in hits:
        if not _is_whole_law(hit.source) and not _only_points_to_act(hit.source, laws):
            return RuleVerdict(True)
    return RuleVerdict(False, "พบเพียงตัวบทกฎหมายทั้งฉบับหรือลิงก์ไปยังกฎหมาย / only the act itself or a link to it")


def _only_points_to_act(source: Source, laws: set[str]) -> bool:
    """A page that names the act and links to it but states no duty itself ("เป็นไปตาม พ.ร.บ. …
    รายละเอียดตามเอกสารแนบ"): the assessors' "a bare link to a full act"."""
    links_act = any(
        link.url in laws or any(match_key(a) in match_key(link.label) for a in _ACT)
        for link in source.links
        if not link.nav  # a site menu item "พ.ร.บ.ข้อมูลข่าวสาร" is on every page
    )
    return links_act and len(_found(source, _DUTY_WORDS)) < 2


def _is_whole_law(source: Source) -> bool:
    head = match_key(source.text[:300])
    titled_as_act = any(match_key(a) in head or match_key(a) in match_key(source.link_text) for a in _ACT)
    return titled_as_act and source.text.count("มาตรา") > 20


_TOP = [
    "นายกองค์การบริหารส่วนตำบล",
    "นายกเทศมนตรี",
    "นายกอบต",
    "นายกองค์การบริหารส่วนจังหวัด",
    "นายกอบจ",
    "ปฏิบัติหน้าที่นายก",
    "รักษาราชการแทนนายก",
    "นายกเมืองพัทยา",
    "ผู้ว่าราชการกรุงเทพมหานคร",
]
_OTHER = ["ปลัดองค์การบริหารส่วนตำบล", "ปลัดเทศบาล", "ปลัดอบต", "รองปลัด", "รองนายก", "ผู้อำนวยการ", "หัวหน้าสำนักปลัด", "ปลัด"]
_SIGN_MARK = re.compile(r"(ประกาศ\s*ณ\s*วันที่|สั่ง\s*ณ\s*วันที่|ลงชื่อ|ลงนาม)")


@rule("signed_by_top_executive")
def signed_by_top_executive(component: ComponentDef, hits: list[Hit], bundle: Bundle, ctx: Context) -> RuleVerdict:
    verdicts = [_signer(hit.source) for hit in hits]
    if any(v.ok for v in verdicts):
        return RuleVerdict(True)
    failed = [v for v in verdicts if v.ok is False]
    return failed[0] if failed else RuleVerdict(None, "ไม่พบชื่อและตำแหน่งผู้ลงนาม / no signature block found")


def _signer(source: Source) -> RuleVerdict:
    text = source.text
    marks = list(_SIGN_MARK.finditer(text))
    if not marks and source.kind != "document":
        return RuleVerdict(None)  # a web page's last lines are its footer, not a signature block
    tail = text[marks[-1].start() :] if marks else text[-400:]
    key = re.sub(r"รองนายก\S*", "", match_key(tail[:600]))
    if any(match_key(t) in key for t in _TOP):
        return RuleVerdict(True)
    other = next((o for o in _OTHER if match_key(o) in key), None)
    if other:
        return RuleVerdict(False, f"ผู้ลงนาม: {snippet(tail, other, 40)}")
    return RuleVerdict(None)


# --- executives --------------------------------------------------------------------------------------
_NAME = re.compile(
    r"(นาย(?!กอง|กเทศ|ก\s|กอบ)|นางสาว|นาง|ว่าที่\s?ร(?:้อย)?\.?\s?ต(?:รี)?\.?|ดร\.|จ\.ส\.อ\.|ส\.อ\.|พ\.ต\.\S*|ร\.ต\.\S*)"
    r"\s?[\u0e01-\u0e4e]{2,}\s+[\u0e01-\u0e4e]{2,}"
)
_POSITION = re.compile(r"(นายก|รองนายก|ปลัด|รองปลัด|ผู้อำนวยการ|หัวหน้า|เลขานุการ|ประธานสภา)")
# One match per person's title, to tell one person's card from a list ("หัวหน้าสำนักปลัด" is one title).
_PERSON_POSITION = re.compile(r"(หัวหน้าสำนักปลัด|เลขานุการนายก|รองนายก|นายก|รองปลัด|(?<!สำนัก)ปลัด|ผู้อำนวยการ|หัวหน้า|ประธานสภา)")
# Thai phone numbers as sites write them: 081-234-5678, 08-1234-5678, 0-4341-4123, 0 4341 4123, 043-414123;
# not digits inside an address such as saraban_06400115@dla.go.th (the อปท. e-saraban mailbox).
PHONE = r"(?<![\dA-Za-z_])0(?:\d{1,2}[-\s]?\d{3}[-\s]?\d{3,4}|\d?[-\s]?\d{4}[-\s]?\d{4})(?!\d)"
_CHANNEL = re.compile(rf"({PHONE}|@[A-Za-z0-9.-]+\.[A-Za-z]{{2,}}|line\s?id|ไลน์)", re.IGNORECASE)
_CARD_TAGS = "div, li, td, article, section, figure, tr, p"


@dataclass
class Card:
    name: str
    position: str
    has_photo: bool
    has_contact: bool


def executive_cards(html: str) -> list[Card]:
    """One card per person: the outermost element that holds exactly one name and a position.

    When no element pairs a name with a position, the people are still listed, by name only (a gallery of
    names) or by position only (photos captioned with titles): those cards come back with the missing part
    empty, so that each part (name, position, photo, contact) is judged on its own."""
    tree = LexborHTMLParser(html)
    nodes = [
        (n, t) for n in tree.css(_CARD_TAGS) if len(t := fold(n.text(separator=" ")).translate(_THAI_DIGITS)) <= 500
    ]
    return _named_cards(nodes, need_position=True) or _named_cards(nodes, need_position=False) or _titled_cards(nodes)


def _named_cards(nodes: list[tuple[LexborNode, str]], need_position: bool) -> list[Card]:
    by_name: dict[str, tuple[int, Card]] = {}
    for node, text in nodes:
        position = _POSITION.search(text)
        if len(_NAME.findall(text)) != 1 or (need_position and not position):
            continue
        name = _NAME.search(text).group(0)  # type: ignore[union-attr]
        size = len(node.html or "")
        card = Card(name, position.group(0) if position else "", _has_photo(node), _has_contact(node, text))
        if name not in by_name or size > by_name[name][0]:
            by_name[name] = (size, card)
    return [card for _, card in by_name.values()]


def _titled_cards(nodes: list[tuple[LexborNode, str]]) -> list[Card]:
    """Nameless cards: the outermost elements holding one title and a photo or contact (a person's slot,
    not a menu item or a heading)."""
    slots = {
        node.mem_id: (node, titles[0], text)
        for node, text in nodes
        if not _NAME.search(text)
        and len(titles := _PERSON_POSITION.findall(text)) == 1
        and (_has_photo(node) or _has_contact(node, text))
    }
    cards = []
    for node, title, text in slots.values():
        parent, inner = node.parent, False
        while parent is not None and not inner:
            inner, parent = parent.mem_id in slots, parent.parent
        if not inner:
            cards.append(Card("", title, _has_photo(node), _has_contact(node, text)))
    return cards


def _has_contact(node: LexborNode, text: str) -> bool:
    return bool(_CHANNEL.search(text) or _has_tel(node))


def _has_photo(node: LexborNode) -> bool:
    return any(not (img.attributes.get("src") or "").lower().endswith((".svg", ".gif")) for img in node.css("img"))


def _has_tel(node: LexborNode) -> bool:
    return any((a.attributes.get("href") or "").startswith(("tel:", "mailto:")) for a in node.css("a[href]"))


@check("executives")
def executives(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    need = component.params["need"]
    hits, lacking = [], []
    for source in bundle.readable:
        cards = executive_cards(source.html) if source.html else []
        for card in cards:
            ok = {"name": bool(card.name), "position": bool(card.position), "photo": card.has_photo}.get(
                need, card.has_contact
            )
            (hits if ok else lacking).append((source, card))
    if not hits and not lacking:
        return Finding(present=False, detail="ไม่พบข้อมูลผู้บริหารรายบุคคล / no executive entries found")
    missing = [f"{card.position} {card.name}".strip() for _, card in lacking]
    finding = Finding(
        present=not lacking, hits=[Hit(s, f"{c.position}: {c.name}") for s, c in hits], missing_parts=missing[:6]
    )
    return finding


# --- documents, table rows and dated posts (plans, reports, manuals, news) --------------------------
_HEAD_LINES, _HEAD_CHARS = 4, 250  # a document's title block: its first lines
_NEAR = 30  # a document's period is written within this many characters after its name
_SEQ = re.compile(r"^\s*([0-9๐-๙]{1,3})(?:[.)](?![0-9๐-๙])\s*|\s*\|\s*|\s+|$)")  # "1 | …", "๒. …", "3" alone
_STOP = re.compile(r"^\s*(ส่วนที่|รวม|หมายเหตุ|\(?ลงชื่อ|ประกาศ\s*ณ|ณ\s*วันที่)")  # ends a wrapped table row
# Lines of a plan's or report's tables that are no project: strategies and budget categories (their own tables).
_NOT_PROJECT = r"(?:ยุทธศาสตร์|การพัฒนา|การบริหารจัดการ|ด้าน|แผนงาน|งาน\s|งบ|หมวด|รวม)"
_AMOUNT = re.compile(
    r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?(?![\d,])|(?<![\d.,])(?:\d{3,}\.\d{2}|0\.00)(?![\d.])|\d{3,}\s*บาท"
)
_MONTH = re.compile(
    r"(ม\.\s?ค\.|ก\.\s?พ\.|มี\.\s?ค\.|เม\.\s?ย\.|พ\.\s?ค\.|มิ\.\s?ย\.|ก\.\s?ค\.|ส\.\s?ค\.|ก\.\s?ย\.|ต\.\s?ค\.|พ\.\s?ย\.|"
    r"ธ\.\s?ค\.|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ไตรมาส)"
)
_MONTH_ABBR = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
_TAX_ID = re.compile(r"(?<!\d)\d[-\s]?\d{4}[-\s]?\d{5}[-\s]?\d{2}[-\s]?\d(?!\d)")
_EMPTY_CELL = re.compile(r"^[\s\-–—.]*$|^ไม่มี$")


@lru_cache(maxsize=256)
def _heading(html: str) -> str:
    """A page's own title: its h1 headings, or its first h2 (the site name is seldom a heading)."""
    if not html:
        return ""
    tree = LexborHTMLParser(html)
    h1 = [fold(n.text(separator=" ")) for n in tree.css("h1")]
    h2 = tree.css_first("h2")
    return " ".join(h1) if h1 else fold(h2.text(separator=" ")) if h2 else ""


def _label_key(source: Source) -> str:
    """Match key of what a source is: its title, the link that led to it, and its own heading (a page) or
    its opening lines (a document)."""
    if source.kind == "document":
        lines = [line for line in source.text.splitlines() if line.strip()][:_HEAD_LINES]
        head = "\n".join(lines)[:_HEAD_CHARS]
    else:
        head = _heading(source.html)
    return match_key(" ".join((source.title, source.link_text, head)))


def _is_named(source: Source, names: list[str], exclude: list[str]) -> bool:
    label = _label_key(source)
    return not any(match_key(p) in label for p in exclude) and any(match_key(p) in label for p in names)


def _named_sources(bundle: Bundle, params: dict[str, Any]) -> list[Source]:
    names: list[str] = params.get("title_any", [])
    exclude: list[str] = params.get("exclude_titled", [])
    return [s for s in bundle.readable if not names or _is_named(s, names, exclude)]


def _period_of(source: Source, names: list[str]) -> Source:
    """The source narrowed, for the time rule, to the period written right after its name
    ("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖-๒๕๗๐)", "รายงาน… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"). The years a plan or report only
    quotes (ยุทธศาสตร์ชาติ พ.ศ. ๒๕๖๑-๒๕๘๐, a suggestion for next year's budget) then do not decide its year.
    Unchanged when no period follows the name."""
    for text in (source.text, source.title, source.link_text):
        ends = sorted(
            m.end()
            for name in names
            for m in re.finditer(r"\s*".join(re.escape(c) for c in name if not c.isspace()), text, re.IGNORECASE)
        )
        for end in ends:
            spans = [s for s in find_dates(text[end : end + _NEAR + 40]) if s.pos <= _NEAR and not s.era_only]
            if spans:
                return replace(source, text=spans[0].text, html="")
    return source


def _hit(source: Source, phrases: list[str], params: dict[str, Any]) -> Hit:
    shown = snippet(source.text or source.link_text, phrases[0]) if phrases else fold(source.text[:160])
    return Hit(_period_of(source, params.get("title_any", [])) if params.get("period_after") else source, shown)


@check("document")
def document(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    p = component.params
    names: list[str] = p["title_any"]
    groups: list[list[str]] = p.get("groups", [])
    labels: list[str] = p.get("group_labels", [])
    need = int(p.get("min", 1))
    docs = _named_sources(bundle, p)
    if not docs:
        return Finding(present=False, detail="ไม่พบเอกสารดังกล่าว / no such document")
    # Content phrases count outside the document's name ("ผลการดำเนินการ" in "รายงานผลการดำเนินการ…" is a title).
    found = {s.url: {i for i, g in enumerate(groups) if len(_found(s, g, names)) >= need} for s in docs}
    if p.get("same_source", True):
        holders = [s for s in docs if len(found[s.url]) == len(groups)]
        have = max(found.values(), key=len)
    else:
        holders = [s for s in docs if found[s.url] or not groups]
        have = set().union(*found.values())
    missing = [labels[i] if i < len(labels) else groups[i][0] for i in range(len(groups)) if i not in have]
    if missing:
        return Finding(present=False, missing_parts=missing if labels else [], detail=", ".join(missing))
    shown = [(_found(s, groups[0], names) if groups else []) or _found(s, names) or names for s in holders]
    return Finding(present=True, hits=[_hit(s, phrases, p) for s, phrases in zip(holders, shown, strict=True)])


@dataclass
class _Row:
    """One numbered row of a table: a page's <tr>, or a document's line "1 | …" / "1 …" with the lines
    pdftotext wrapped it onto."""

    number: int
    text: str  # Arabic digits; cells joined by " | "
    cells: list[str]
    header: list[str] | None  # the table's header cells, when its cells are delimited
    run: int  # which numbered sequence (table) the row belongs to

    @property
    def content(self) -> str:
        """The row after its number: where a project's or a purchase's name starts."""
        return self.text[_SEQ.match(self.text).end() :]  # type: ignore[union-attr]


def _lines(source: Source) -> list[list[str]]:
    if source.kind != "document" and source.html:
        tree = LexborHTMLParser(source.html)
        rows = [[fold(c.text(separator=" ")) for c in tr.css("td, th")] for tr in tree.css("tr")]
    else:
        rows = [re.split(r"\s*[|\t]\s*", line.strip()) for line in source.text.splitlines()]
    return [cells for cells in rows if any(cells)]


def _table(source: Source) -> tuple[list[_Row], str]:
    """The numbered rows of a source's tables, and the text above each table (its column headers).

    A table is a run of rows numbered 1, 2, 3 …: a line starting with the next number continues the run, one
    starting with 1 begins another, any other line is text (a wrapped cell, a strategy heading, a number that
    is not the row's). Runs of prose ("๑. งบประมาณมีจำกัด …") are no tables: a table's rows carry amounts,
    dates or delimited cells."""
    rows: list[_Row] = []
    above: list[str] = []
    headers: list[str] = []
    header_cells: list[str] | None = None
    expected, run, open_row = 0, 0, False
    for cells in _lines(source):
        text = " | ".join(cells).translate(_THAI_DIGITS)
        seq = _SEQ.match(text)
        number = int(seq.group(1)) if seq else -1
        # A row's content starts with its name; "1 1,200,000" is a wrapped line's strategy number and amounts.
        starts = seq is not None and not re.match(r"\d", text[seq.end() :])
        if starts and (number == 1 or (number == expected and rows)):
            if number == 1:
                run += 1
                headers.append(" ".join(above[-15:]))
            header = header_cells if header_cells and len(header_cells) == len(cells) else None
            rows.append(_Row(number, text, cells, header, run))
            expected, above, open_row = number + 1, [], len(cells) < 3
            continue
        above.append(text)
        if len(cells) >= 3 and not _AMOUNT.search(text):
            header_cells = cells
        if _STOP.match(text) or len(cells) >= 3:
            open_row = False
        elif open_row and rows and len(rows[-1].text) < 600:
            rows[-1].text += " " + text
    tables = {
        r.run
        for r in rows
        if 2 * sum(_tabular(x) for x in rows if x.run == r.run) >= sum(1 for x in rows if x.run == r.run)
    }
    return [r for r in rows if r.run in tables], " ".join(headers)


def _tabular(row: _Row) -> bool:
    return len(row.cells) >= 3 or bool(_AMOUNT.search(row.text) or _MONTH.search(row.text))


def _value(kind: str, text: str) -> bool:
    """Whether `text` (a cell, or a whole row) carries a value of `kind`."""
    if kind == "amount":
        return bool(_AMOUNT.search(text))
    if kind == "month":
        return bool(_MONTH.search(text) or find_dates(text))
    if kind == "day_period":
        return _day_period(text)
    if kind == "tax_id":
        return bool(_TAX_ID.search(text))
    if kind == "text":
        return not _EMPTY_CELL.match(text)
    raise ValueError(f"unknown value kind {kind!r}")


def _day_period(text: str) -> bool:
    """Start and end written as day, month and year: a range of days ("1 ธ.ค. 2565 - 29 ม.ค. 2566",
    "1 - 15 ต.ค. 68"), or a date (a one-day activity starts and ends that day). A range of months
    ("ต.ค. 67 - ก.ย. 68") is not."""
    return any(s.kind == "day" or (s.kind == "range" and _starts_with_day(s.text)) for s in find_dates(text))


def _starts_with_day(text: str) -> bool:
    sides = re.split(r"\s*(?:-|–|ถึง|จนถึง)\s*", text.translate(_THAI_DIGITS), maxsplit=1)
    return len(sides) == 2 and all(re.match(r"\d", side) for side in sides)


def _carries(row: _Row, p: dict[str, Any], column_named: bool) -> bool:
    """Whether a row has its value: in its column's cell when the table's cells are delimited; otherwise
    anywhere in the row, provided the table names the column (a free-text result is only checked by its
    column; with `value_any`, a row without cells must name one of those phrases)."""
    kind: str = p.get("value", "")
    columns: list[str] = p.get("column_any", [])
    if not kind:
        return True
    if columns and row.header is not None:
        keys = [match_key(c) for c in columns]
        index = next((i for i, h in enumerate(row.header) if any(k in match_key(h) for k in keys)), None)
        return index is not None and _value(kind, row.cells[index].translate(_THAI_DIGITS))
    if columns and not column_named:
        return False
    if kind == "text":
        phrases: list[str] = p.get("value_any", [])
        return column_named or any(match_key(x) in match_key(row.text) for x in phrases)
    return _value(kind, row.text)


def _timeline(headers: str) -> bool:
    """A table whose header is a timeline: the fiscal year's months (แบบ ผด.02, each project's months marked by
    an arrow that no text extraction keeps) or its four quarters (a spending plan, amounts per quarter)."""
    key = match_key(headers)
    return sum(match_key(m) in key for m in _MONTH_ABBR) >= 10 or key.count("ไตรมาส") >= 4


@check("table_rows")
def table_rows(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    p = component.params
    pattern: str | None = p.get("row_pattern")
    columns: list[str] = p.get("column_any", [])
    hits, best, seen_rows = [], None, False
    for source in _named_sources(bundle, p):
        numbered, headers = _table(source)
        if pattern:
            rows = [r for r in numbered if re.match(pattern, r.content)]
        else:
            rows = [r for r in numbered if not re.match(_NOT_PROJECT, r.content)]
        if not rows and p.get("numbered_fallback"):
            rows = numbered  # no project rows (a spending plan by budget category): its lines are the entries
        skip = [match_key(x) for x in p.get("skip_rows", [])]
        rows = [r for r in rows if not any(x in match_key(r.text) for x in skip)]
        if len(rows) < int(p.get("min_rows", 1)):
            continue
        seen_rows = True
        named = any(match_key(c) in match_key(headers) for c in columns)
        timeline = p.get("value") == "month" and _timeline(headers)
        lacking = [] if timeline else [r for r in rows if not _carries(r, p, named)]
        if len(rows) - len(lacking) >= float(p.get("min_share", 1.0)) * len(rows):
            hits.append(_hit(source, [c for c in columns if match_key(c) in source.key], p))
        elif best is None or len(lacking) < len(best[1]):
            best = (rows, lacking)
    if hits:
        return Finding(present=True, hits=hits)
    if not seen_rows or best is None:
        return Finding(present=False, detail="ไม่พบรายการโครงการในตาราง / no table rows found")
    rows, lacking = best
    if len(lacking) == len(rows):
        return Finding(present=False, detail=f"ไม่พบในทั้ง {len(rows)} รายการ / in none of {len(rows)} rows")
    named_rows = [_row_name(r) for r in lacking[:3]]
    more = [f"และอีก {len(lacking) - 3} รายการ"] if len(lacking) > 3 else []
    return Finding(present=False, missing_parts=named_rows + more, detail=f"{len(lacking)}/{len(rows)} รายการ")


def _row_name(row: _Row) -> str:
    """A row's project or purchase, as a gap names it: its first cell, up to its first amount, ~60 characters."""
    name = row.content.split("|")[0]
    amount = _AMOUNT.search(name)
    name = fold(name[: amount.start()] if amount else name)
    return name if len(name) <= 60 else name[:60].rsplit(" ", 1)[0] + "…"


@dataclass
class _Post:
    title: str
    date_text: str
    url: str


_POST_NODES = "li, tr, article, div, section"
_POST_CLASS = re.compile(r"news|post|item|card|entry|blog|article|box|media|activity|event", re.IGNORECASE)
_CHROME = {"nav", "header", "footer"}


def _posts(source: Source) -> list[_Post]:
    """Dated posts a page lists: the innermost list item, table row, article or news card that holds a date
    and a title; failing any, the page itself when a date follows its heading (a single news post)."""
    tree = LexborHTMLParser(source.html)
    kept: dict[int, tuple[LexborNode, str, str]] = {}
    for node in tree.css(_POST_NODES):
        if node.tag in ("div", "section") and not _POST_CLASS.search(node.attributes.get("class") or ""):
            continue
        text = fold(node.text(separator=" "))
        if len(text) > 600 or len(re.findall(r"[\u0e01-\u0e2e]", text)) < 15 or _in_chrome(node):
            continue
        spans = [s for s in find_dates(text) if s.kind in ("day", "month")]
        if spans:
            kept[node.mem_id] = (node, text, _post_date(node) or spans[-1].text)
    inner = [entry for entry in kept.values() if not any(_is_inside(o, entry[0]) for o, _, _ in kept.values())]
    posts = [_Post(text, date_text, _first_href(node, source.url)) for node, text, date_text in inner]
    if posts:
        return posts
    heading = _heading(source.html)
    at = source.text.find(heading[:30]) if heading else -1
    if at >= 0:
        spans = [s for s in find_dates(source.text[at : at + len(heading) + 300]) if s.kind == "day"]
        if spans:
            return [_Post(heading, spans[0].text, source.url)]
    return []


def _in_chrome(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in _CHROME:
            return True
        parent = parent.parent
    return False


def _is_inside(node: LexborNode, ancestor: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def _post_date(node: LexborNode) -> str | None:
    """The post's own date: an element of the post that holds nothing but a date ("2 ก.พ. 2569",
    "วันที่ 2 ก.พ. 2569"), not a date inside its title ("ชำระภาษี… ภายใน 30 เมษายน 2569")."""
    for child in node.css("span, time, small, td, p, div, em"):
        text = fold(child.text(separator=" "))
        spans = find_dates(text) if len(text) <= 40 else []
        if len(spans) == 1 and len(text) - len(spans[0].text) <= 12:
            return spans[0].text
    return None


def _first_href(node: LexborNode, base: str) -> str:
    anchor = node.css_first("a[href]")
    href = anchor.attributes.get("href") if anchor is not None else None
    return urljoin(base, href) if href and not href.startswith(("#", "javascript:")) else base


@check("dated_posts")
def dated_posts(component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
    p = component.params
    wanted: list[str] = p.get("any", [])
    exclude: list[str] = p.get("exclude_any", [])
    documents: list[str] = p.get("document_any", [])
    hits = []
    for source in bundle.readable:
        if source.kind == "document":
            if documents and _is_named(source, documents, []) and (not wanted or _found(source, wanted)):
                hits.append(Hit(source, fold(source.link_text or source.text[:120])))
            continue
        if source.kind != "page" or not source.html:
            continue
        for post in _posts(source):
            key = match_key(post.title)
            if any(match_key(x) in key for x in exclude) or (wanted and not any(match_key(x) in key for x in wanted)):
                continue  # a procurement notice or another agency's letter is not the agency's news
            # Each post is judged by its own date: the page around it (its sidebar, its footer) says nothing.
            own = replace(source, url=post.url, text=post.date_text, title=post.title, html="", links=[], context="")
            hits.append(Hit(own, post.title[:160]))
    return Finding(present=bool(hits), hits=hits, detail=None if hits else "ไม่พบรายการที่ระบุวันที่ / no dated posts")
