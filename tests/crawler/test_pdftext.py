"""PDF text layers from three producers (fpdf2, Chromium with TLWG and with Noto fonts), read by poppler (the
`pdftotext` binding in worker processes, or the program) and by pypdfium2, with Thai repaired.

Fixtures: tests/fixtures/documents, made by tools/make_document_fixtures.py.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from crawler import pdftext
from crawler.pdftext import TextLayer, normalize_page, pdfium_text, read_text_layer
from crawler.quality import judge_page
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
    (
        "notice-noto-chromium.pdf",  # Chromium (Skia/PDF) + Noto Sans Thai, Thai digits: pypdfium2 repeats syllables
        ["นโยบายไม่รับของขวัญและของกำนัลทุกชนิด", "เลขประจำตัวผู้เสียภาษี", "นายกองค์การบริหารส่วนตำบลโคกสว่าง"],
        # ๑๕ ตุลาคม พ.ศ. ๒๕๖๘, and "ประจำปีงบประมาณ\nพ.ศ. ๒๕๖๙" wrapped between the words: rules/thaidates.py joins a
        # fiscal year across one line break, so it is read as fiscal year 2569 (from October 2025), not a plain year.
        [("day", 2025), ("fiscal_year", 2025)],
    ),
]
ALL_PDFS = sorted(p.name for p in FIXTURES.glob("*.pdf") if not p.name.startswith("hostile"))


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
def test_pypdfium2_reads_the_same_phrases_or_the_gate_distrusts_it(
    name: str, phrases: list[str], dates: list[tuple[str, int]]
) -> None:
    """pypdfium2, the fallback, finds the same phrases, except where it repeats syllables (Chromium with Noto Sans
    Thai: "บริหริ ารส่วส่ น"); there the quality gate must not trust its text, so the page would be OCR'd."""
    result = pdfium_text((FIXTURES / name).read_bytes())
    assert result.error is None and result.extractor == "pypdfium2"
    text = normalize_page(result.pages[0])
    key = match_key(text)
    if all(match_key(phrase) in key for phrase in phrases):
        return
    assert not judge_page(text).ok


@pytest.mark.requires("pdftotext", "poppler-binding")
@pytest.mark.parametrize("name", ALL_PDFS)
def test_the_binding_reads_what_the_program_reads(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process binding (poppler-cpp, raw order) gives `pdftotext -raw`'s text, page for page: the rules'
    table readers were written against the program's layout."""
    from_binding = layer(name)
    monkeypatch.setattr(pdftext, "HAVE_BINDING", False)
    from_program = layer(name)
    assert from_binding.extractor == from_program.extractor == "pdftotext"
    assert from_binding.page_count == from_program.page_count
    assert from_binding.pages == from_program.pages


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


@pytest.mark.requires("poppler-binding")
def test_a_killed_worker_costs_nothing_but_a_new_pool() -> None:
    """A worker that dies under a file (poppler crashing on a hostile PDF) breaks its pool: the next file is read
    by a fresh one."""
    assert layer("nogift-fpdf.pdf").error is None
    pool = pdftext._pool()
    for process in list(pool._processes.values()):  # type: ignore[attr-defined]
        process.kill()
    result = layer("nogift-fpdf.pdf")
    assert result.error is None and result.extractor == "pdftotext"
    assert pdftext._pool() is not pool
