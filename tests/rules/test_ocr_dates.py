"""Dates from OCR'd text: Thai-digit dates are skipped (OCR cannot read ๔ ๖ ๗ ๘ ๙), Arabic-digit ones are used
and flagged, and the year then comes from the title, the link text, the text around the link or the URL."""

from __future__ import annotations

from crawler.models import Document
from rules.evaluate import _all_month_spans, _month_spans
from rules.sources import DATE_SOURCES_TH, Source, document_source

# What Debian's Thai model makes of "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" and "๑๕ ตุลาคม พ.ศ. ๒๕๖๘": wrong years.
OCR_TEXT = "ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. ๒๕๐๕\nประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๒๕"
URL = "http://a.go.th/files/nogift-%E0%B8%9B%E0%B8%B5%E0%B8%87%E0%B8%9A2569.pdf"  # nogift-ปีงบ2569.pdf


def source(text: str = OCR_TEXT, ocr: bool = True, **kwargs: str) -> Source:
    return Source(url=kwargs.pop("url", URL), kind="document", found_via="linked", text=text,
                  ocr_digits_untrusted=ocr, **kwargs)  # fmt: skip


def test_text_layer_dates_are_taken_from_the_text() -> None:
    spans, where = source(ocr=False, link_text="No Gift Policy 2569").dated()
    assert where == "text" and spans[0].fiscal_year == 2505


def test_thai_digit_dates_from_ocr_fall_back_to_the_link_text() -> None:
    spans, where = source(link_text="ประกาศ No Gift Policy ประจำปีงบประมาณ 2569").dated()
    assert where == "link_text"
    assert [s.fiscal_year for s in spans] == [2569]


def test_then_the_context_then_the_url() -> None:
    spans, where = source(context="ประกาศเมื่อ 3 ตุลาคม 2568").dated()
    assert where == "context" and spans[0].start.isoformat() == "2025-10-03"
    spans, where = source().dated()
    assert where == "url" and spans[0].fiscal_year == 2569
    assert source(url="http://a.go.th/files/scan.pdf").dated() == ([], None)


def test_arabic_digit_dates_from_ocr_are_used_and_flagged() -> None:
    spans, where = source(OCR_TEXT + "\nประกาศ ณ วันที่ 20 ตุลาคม พ.ศ. 2568", link_text="ปี 2569").dated()
    assert where == "text_ocr" and "OCR" in DATE_SOURCES_TH[where]
    assert [s.text for s in spans] == ["20 ตุลาคม พ.ศ. 2568"]  # the Thai-digit ones are gone


def test_monthly_summaries_do_not_take_their_month_from_ocr_thai_digits() -> None:
    ocr_month = source("สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน ตุลาคม ๒๕๒๕")
    assert _month_spans(ocr_month) == [] and _all_month_spans(ocr_month) == []
    named = source("สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน ตุลาคม ๒๕๒๕", link_text="สขร.1 ตุลาคม 2568")
    assert [s.start.isoformat() for s in _month_spans(named)] == ["2025-10-01"]
    assert [s.start.isoformat() for s in _all_month_spans(named)] == ["2025-10-01"]
    clean = source("สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน ตุลาคม ๒๕๖๘", ocr=False)
    assert [s.start.isoformat() for s in _month_spans(clean)] == ["2025-10-01"]


def test_the_flag_travels_from_the_document() -> None:
    doc = Document(url=URL, final_url=URL, text=OCR_TEXT, extractor="pdftotext+tesseract", ocr_pages=1,
                   method="ocr", ocr_digits_untrusted=True)  # fmt: skip
    assert document_source(doc, "linked").ocr_digits_untrusted
    # A store or cache that kept only the extractor still says where the text came from.
    stored = Document(url=URL, final_url=URL, text=OCR_TEXT, extractor="pdftotext+tesseract")
    assert document_source(stored, "linked").ocr_digits_untrusted
    typed = Document(url=URL, final_url=URL, text=OCR_TEXT, extractor="pdftotext")
    assert not document_source(typed, "linked").ocr_digits_untrusted
