"""Rules on law and signatures: duties stated by the agency itself, announcements signed by the top executive.

Rules:
- not_whole_law: fails when the duties are only given as the whole act: a copy of the law, or a page that
  links the act and states no duty itself.
- signed_by_top_executive: fails when the announcement's signature block names someone other than the
  top executive (นายก…, or whoever acts for them), or when a document read from its own text layer names no
  signer at all after its date. Undecided when the signer cannot be read (OCR'd text, a web page).
"""

from __future__ import annotations

import re

from crawler.thaitext import match_key
from rules.catalog import ComponentDef
from rules.checks.base import _ACT, Context, Hit, RuleVerdict, _found, _is_whole_law, snippet
from rules.sources import Bundle, Source

# --- duties, not the whole act ------------------------------------------------------------------------
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


# --- signatures -------------------------------------------------------------------------------------
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
# A signature block names a person: "(นายสมชาย ใจดี)", "ลงชื่อ", "ว่าที่ร้อยตรี…", "ดร.…".
_SIGNER_NAME = re.compile(r"ลงชื่อ|ลงนาม|\(\s*(นาย|นาง|น\.ส\.|ว่าที่|ดร\.|พ\.|ร\.|จ\.|ส\.)|^\s*(นาย|นาง)\S+\s+\S+\s*$", re.M)
_UNSIGNED_TH = "ไม่ปรากฏชื่อและตำแหน่งผู้ลงนามท้ายประกาศ"


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
    if source.kind == "document" and not source.ocr_digits_untrusted and not _SIGNER_NAME.search(tail):
        # The whole text was read from the file's own text layer and names no one after its date: the announcement
        # is not signed. (OCR may have missed a signature block, and a web page may show it as an image.)
        return RuleVerdict(False, _UNSIGNED_TH)
    return RuleVerdict(None)
