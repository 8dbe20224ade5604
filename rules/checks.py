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
Rules:
- not_whole_law: fails when the duties are only given as the whole act: a copy of the law, or a page that
  links the act and states no duty itself.
- two_way: fails when the only Q&A channel is an e-mail address.
- online_not_download: fails when the only "e-service" is a form to download and bring in.
- signed_by_top_executive: fails when the announcement's signature block names someone other than the
  top executive (นายก…, or whoever acts for them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawler.models import Link
from crawler.parse import fold
from crawler.thaitext import match_key
from crawler.urls import looks_like_document
from rules.catalog import ComponentDef
from rules.sources import Bundle, Source

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
