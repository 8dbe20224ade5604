"""Numbers printed in Thai digits are not taken from OCR (shared/ita/thai-text.md): Debian's Thai model cannot
output ๔ ๖ ๗ ๘ ๙, so a phone number, an amount or a tax id it read may be wrong. A component met only by such a
number is "unknown" with the reason; the number is taken from elsewhere when it is there (a page's text, the
link to the document, an Arabic-digit number in the OCR'd text), and the snippet says where.

The phone test OCRs a real scan (tests/fixtures/documents/contact-notice-scan.pdf, ~2 s): it prints
๐๔๓-๔๑๔๑๒๓ and OCR reads a well-formed, wrong ๐๕๓-๕๑๕๑๒๓.
"""

from __future__ import annotations

import asyncio
import re
from datetime import date
from pathlib import Path

import pytest

from crawler.documents import extract_text
from crawler.models import Document
from crawler.thaitext import THAI_DIGITS
from rules.catalog import components, load_catalog
from rules.checks.base import PHONE, Context
from rules.evaluate import judge_component
from rules.sources import Bundle, Source, document_source
from tests.rules import koksawang as k

SCAN = Path(__file__).parents[1] / "fixtures" / "documents" / "contact-notice-scan.pdf"
URL = "https://www.koksawang.go.th/files/contact-notice.pdf"
CTX = Context(fiscal_year=2569, as_of=date(2026, 5, 15))
CATALOG = load_catalog(2569)


def judge(cid: str, code: str, *sources: Source) -> tuple[str, str | None, str | None]:
    """(status, reason, snippet) of one component judged on these sources."""
    item = next(i for i in CATALOG.items if i.code == code)
    outcome = judge_component(components()[cid], item, Bundle(list(sources)), CTX)
    return outcome.result.status, outcome.result.reason, outcome.result.snippet


needs_ocr = pytest.mark.requires("tesseract")  # skipped locally, failed in CI when missing (tests/requires.py)


@pytest.fixture(scope="module")
def scanned_notice() -> Document:
    text = asyncio.run(extract_text(SCAN.read_bytes(), "pdf"))
    assert text.error is None and text.ocr_digits_untrusted
    return Document(url=URL, final_url=URL, text=text.text, extractor=text.extractor, ocr_pages=text.ocr_pages,
                    method=text.method, ocr_digits_untrusted=True)  # fmt: skip


def page(text: str) -> Source:
    return Source(url="https://www.koksawang.go.th/contact.html", kind="page", found_via="menu", text=text)


# --- phone numbers ---------------------------------------------------------------------------------------
@needs_ocr
def test_a_phone_number_only_ocr_read_in_thai_digits_is_unknown(scanned_notice: Document) -> None:
    # What makes the test meaningful: OCR did read something shaped like a phone number, in Thai digits.
    read = re.search(PHONE, scanned_notice.text.translate(THAI_DIGITS))
    assert read is not None and "๐" in scanned_notice.text
    status, reason, _ = judge("contact.phone", "O3", document_source(scanned_notice, "linked"))
    assert status == "unknown"
    assert reason is not None and "OCR" in reason and "Thai digits" in reason and URL in reason
    assert reason.index("เลขไทย") < reason.index(" / ")  # Thai first


@needs_ocr
def test_the_page_s_own_phone_number_is_used_instead(scanned_notice: Document) -> None:
    status, _, snippet = judge(
        "contact.phone", "O3", document_source(scanned_notice, "linked"), page("ติดต่อเรา โทรศัพท์ 043-414123")
    )
    assert status == "present" and snippet == "043-414123"


@needs_ocr
def test_the_link_to_the_scan_can_give_the_number(scanned_notice: Document) -> None:
    source = document_source(scanned_notice, "linked", link_text="ช่องทางการติดต่อ โทร. 043-414123")
    status, _, snippet = judge("contact.phone", "O3", source)
    assert status == "present"
    assert snippet == "043-414123 [ตัวเลขจากข้อความของลิงก์]"


def test_arabic_digits_read_by_ocr_are_used_and_flagged() -> None:
    source = Source(url=URL, kind="document", found_via="linked", text="ติดต่อ โทรศัพท์ 043-414123 ในวันเวลาราชการ",
                    ocr_digits_untrusted=True)  # fmt: skip
    status, _, snippet = judge("contact.phone", "O3", source)
    assert status == "present"
    assert snippet == "043-414123 [ตัวเลขจากเนื้อหาเอกสารที่อ่านด้วย OCR (เลขอารบิก)]"


def test_thai_digits_of_a_text_layer_are_trusted() -> None:
    source = Source(url=URL, kind="document", found_via="linked", text="โทรศัพท์ ๐๔๓-๔๑๔๑๒๓")
    assert judge("contact.phone", "O3", source)[:2] == ("present", None)


def test_no_number_at_all_is_still_missing() -> None:
    source = Source(url=URL, kind="document", found_via="linked", text="ติดต่อด้วยตนเอง ในวันเวลาราชการ",
                    ocr_digits_untrusted=True)  # fmt: skip
    assert judge("contact.phone", "O3", source)[0] == "missing"


# --- procurement tables: ราคากลาง and the vendor's tax id ------------------------------------------------
def annual_report(ocr: bool) -> Source:
    """The annual procurement report (rules fixture o12), printed in Thai digits throughout."""
    [text] = k.o12()[1].values()
    thai = str(text).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    return Source(url="https://www.koksawang.go.th/files/procurement/annual-2568.pdf", kind="document",
                  found_via="linked", text=thai, link_text="รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี ๒๕๖๘",
                  ocr_digits_untrusted=ocr)  # fmt: skip


@pytest.mark.parametrize("cid", ["procure.reference_price", "procure.vendor_tax_id"])
def test_table_values_in_thai_digits_from_ocr_are_unknown(cid: str) -> None:
    status, reason, _ = judge(cid, "O12", annual_report(ocr=True))
    assert status == "unknown" and reason is not None and "Thai digits" in reason


@pytest.mark.parametrize("cid", ["procure.reference_price", "procure.vendor_tax_id"])
def test_table_values_in_thai_digits_from_a_text_layer_count(cid: str) -> None:
    assert judge(cid, "O12", annual_report(ocr=False))[0] == "present"
