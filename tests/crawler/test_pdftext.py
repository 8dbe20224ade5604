"""PDF text layers from two producers (fpdf2, Chromium), read by pdftotext and by pypdfium2, with Thai repaired.

Fixtures: tests/fixtures/documents, made by tools/make_document_fixtures.py.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from crawler.pdftext import TextLayer, normalize_page, pdfium_text, read_text_layer
from crawler.thaitext import match_key
from rules.thaidates import find_dates

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"
PDFTOTEXT = shutil.which("pdftotext")

# (file, phrases that must be found, dates that must be found as (kind, start year CE))
PRODUCERS = [
    (
        "nogift-fpdf.pdf",  # fpdf2 + TLWG Laksaman, Thai digits
        ["ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิด", "No Gift Policy", "นายกเทศมนตรีตำบลนากลาง"],
        [("fiscal_year", 2025), ("day", 2025)],  # ปีงบประมาณ พ.ศ. ๒๕๖๙; ๑๕ ตุลาคม พ.ศ. ๒๕๖๘
    ),
    (
        "median-price-chromium.pdf",  # Chromium (Skia/PDF) + TLWG Garuda, Arabic digits, a table
        ["ประกาศราคากลางโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก", "1,198,500.00 บาท", "e-bidding"],
        [("day", 2025)],  # 15 ตุลาคม 2568
    ),
]


def layer(name: str, **kwargs: object) -> TextLayer:
    return asyncio.run(read_text_layer((FIXTURES / name).read_bytes(), pdftotext=PDFTOTEXT, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "phrases", "dates"), PRODUCERS)
def test_text_layer_of_each_producer(name: str, phrases: list[str], dates: list[tuple[str, int]]) -> None:
    result = layer(name)
    assert result.error is None
    assert result.extractor == ("pdftotext" if PDFTOTEXT else "pypdfium2")
    assert len(result.pages) == result.page_count == 1
    key = match_key(result.pages[0])
    for phrase in phrases:
        assert match_key(phrase) in key, phrase
    found = {(s.kind, s.start.year) for s in find_dates(result.pages[0])}
    assert set(dates) <= found


@pytest.mark.parametrize(("name", "phrases", "dates"), PRODUCERS)
def test_pypdfium2_reads_the_same_phrases(name: str, phrases: list[str], dates: list[tuple[str, int]]) -> None:
    result = pdfium_text((FIXTURES / name).read_bytes())
    assert result.error is None and result.extractor == "pypdfium2"
    key = match_key(normalize_page(result.pages[0]))
    for phrase in phrases:
        assert match_key(phrase) in key, phrase


def test_thai_digits_are_kept_as_written() -> None:
    text = layer("nogift-fpdf.pdf").pages[0]
    assert "พ.ศ. ๒๕๖๙" in text and "๑๕ ตุลาคม พ.ศ. ๒๕๖๘" in text


def test_pages_stay_apart() -> None:
    result = layer("mixed-text-scan.pdf")
    assert result.page_count == 2 and len(result.pages) == 2
    assert "No Gift Policy" in result.pages[0]
    assert result.pages[1].strip() == ""  # page 2 is a picture: no text layer at all


def test_page_cap_still_counts_every_page() -> None:
    result = layer("mixed-text-scan.pdf", max_pages=1)
    assert len(result.pages) == 1 and result.page_count == 2


def test_image_only_pdf_has_an_empty_layer() -> None:
    result = layer("nogift-scan.pdf")
    assert result.error is None and [p.strip() for p in result.pages] == [""]


def test_normalisation_of_extractor_output() -> None:
    # pypdfium2's CRLF and U+FFFE for unmapped glyphs; a private-use tone mark; nikhahit + sara aa.
    assert normalize_page("ไม\ufffe\uf70aรับ\r\nนํา (e\ufffebidding)") == "ไม่รับ\nนำ (e-bidding)"


def test_garbage_is_an_error() -> None:
    result = asyncio.run(read_text_layer(b"%PDF-1.4 nothing else", pdftotext=PDFTOTEXT))
    assert result.error is not None and "unreadable PDF" in result.error
