"""The text-layer quality gate: clean layers pass, broken and missing ones are sent to OCR, page by page."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.pdftext import read_text_layer
from crawler.quality import MIN_DICT_SHARE, PageQuality, count_junk, judge_page, judge_pages, overall_share

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "documents"


def pages(path: Path) -> list[str]:
    return asyncio.run(read_text_layer(path.read_bytes(), pdftotext=shutil.which("pdftotext"))).pages


@pytest.mark.parametrize("name", ["nogift-fpdf.pdf", "median-price-chromium.pdf"])
def test_clean_layers_from_both_producers_pass(name: str) -> None:
    [page] = judge_pages(pages(FIXTURES / name))
    assert page.ok and page.reason is None
    assert page.dict_share is not None and page.dict_share >= 0.99


def test_every_page_of_the_demo_site_passes() -> None:
    """Real-looking official documents: tables, names, abbreviations (ป.ป.ช., หจก., สขร.1), Thai digits."""
    judged = [q for pdf in sorted((ROOT / "oit" / "demo" / "site").rglob("*.pdf")) for q in judge_pages(pages(pdf))]
    assert len(judged) > 50
    with_text = [q for q in judged if q.thai_chars >= 20]
    assert all(q.ok for q in with_text), [q for q in with_text if not q.ok]
    assert overall_share(with_text) >= 0.99


def test_missing_tone_marks_fail_on_dictionary_share() -> None:
    [page] = judge_pages(pages(FIXTURES / "broken-marks.pdf"))  # "ไมรบของขวญ": no upper vowels or tone marks
    assert not page.ok and page.needs_ocr
    assert page.dict_share is not None and page.dict_share < 0.9 < MIN_DICT_SHARE
    assert page.reason is not None and page.reason.startswith("dictionary share")


def test_legacy_font_encoding_fails() -> None:
    [text] = pages(FIXTURES / "broken-legacy-font.pdf")  # "»ÃÐ¡ÒÈ": TIS-620 bytes shown as Latin-1
    page = judge_page(text)
    assert page.needs_ocr and page.thai_chars < 20
    assert count_junk(text) > 200


def test_junk_alone_fails_a_page_with_enough_thai() -> None:
    text = "ประกาศเทศบาลตำบลนากลาง เรื่อง นโยบายไม่รับของขวัญ " * 3 + "(cid:21)(cid:34)\x07\x08\ufffd" * 5
    page = judge_page(text)
    assert page.thai_chars >= 20 and not page.ok and page.reason == "junk characters"


def test_scanned_pages_have_too_little_text() -> None:
    assert judge_pages(pages(FIXTURES / "nogift-scan.pdf"))[0].reason == "too little text"
    first, second = judge_pages(pages(FIXTURES / "mixed-text-scan.pdf"))
    assert first.ok and second.needs_ocr  # only the scanned page goes to OCR
    assert judge_page("หน้า ๒").needs_ocr  # a page number on a picture is not a text layer


def test_english_pages_are_trusted_without_thai() -> None:
    page = judge_page("No Gift Policy 2569. Nakhlang Municipality announces a no gift policy for every official.")
    assert page.ok and page.dict_share is None


def test_short_thai_is_not_judged_on_share() -> None:
    page = judge_page("ประกาศเทศบาลตำบลนากลาง ราคากลาง")
    assert page.dict_share is None and page.ok


def test_overall_share_is_weighted_by_words() -> None:
    big = PageQuality(500, 0, 0, 90, 1.0, True)
    small = PageQuality(60, 0, 0, 10, 0.5, False)
    unjudged = PageQuality(0, 0, 0, 0, None, False)
    assert overall_share([big, small, unjudged]) == 0.95
    assert overall_share([unjudged]) is None


def test_the_crawler_does_not_load_pythainlp_until_a_pdf_is_judged() -> None:
    """pythainlp's word trie costs ~0.3 s and ~60 MB: only scans that meet a Thai PDF pay for it."""
    code = "import sys, crawler.engine, crawler.documents; print('pythainlp' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
