"""Text read by OCR loses Thai marks above the line: Tesseract writes "ขันตอน" for "ขั้นตอน", "ทีดิน" for
"ที่ดิน", "สิงปลูกสร้าง" for "สิ่งปลูกสร้าง". A scanned staff manual or report must still be read for what it
says, so phrases are compared without tone marks when the text came from OCR, and only then: a text layer keeps
its marks, and is matched exactly."""

from __future__ import annotations

import re

from tests.rules import koksawang as k
from tests.rules.sitebuilder import Read, assert_pass, fixture, item, statuses

TONES = re.compile("[่้๊๋์]")


def as_ocr(text: str) -> Read:
    """The same document as Tesseract reads a clean scan of it: every tone mark and thanthakhat dropped."""
    return Read(TONES.sub("", text), extractor="pdftotext+tesseract")


def _o8_scanned(extractor: str) -> dict:
    pages, documents = k.o8()
    text = TONES.sub("", str(documents["/files/manual/sop-land-tax.pdf"]))
    documents["/files/manual/sop-land-tax.pdf"] = Read(text, extractor=extractor)
    return k.site((pages, documents))


def test_a_scanned_staff_manual_is_read_without_its_lost_marks() -> None:
    assert_pass(item(_o8_scanned("pdftotext+tesseract"), "O8"), ["manual.work"])


def test_a_text_layer_missing_its_marks_is_not_read_loosely() -> None:
    # The same words in a text layer are not OCR's doing: the manual's steps are not there as written.
    assert statuses(item(_o8_scanned("pdftotext"), "O8"))["manual.work"] != "present"


def test_a_scanned_risk_report_is_read_without_its_lost_marks() -> None:
    fy = 2568
    period = f"1 ตุลาคม {fy - 1} – 30 กันยายน {fy}"
    text = fixture("o22_risk_report.txt", fy=str(fy), period=period, signed=f"20 ตุลาคม {fy}")
    assert TONES.search(text)  # the fixture carries marks for OCR to lose
    site = k.site(({}, {k.RISK_REPORT: as_ocr(text)}))
    assert statuses(item(site, "O22"))["risk.report"] == "present"
