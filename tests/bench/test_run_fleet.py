"""The fleet benchmark's demo sites (bench/run_fleet.py --kind demo): each copy's documents differ in bytes, so the
text cache (keyed by the bytes' hash) cannot make a copy free, and the crawler's readers still read them the same.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import shutil
import sys
from pathlib import Path

from PIL import Image

from crawler.documents import extract_text
from crawler.office import actual_kind

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import run_fleet  # noqa: E402

DEMO = ROOT / "oit" / "demo" / "site"
FILES = ["docs/hr/hr-report-2568.pdf", "img/logo.png", "img/hero.jpg"]


def _copies(tmp_path: Path) -> list[Path]:
    sites = []
    for copy in range(2):
        site = tmp_path / f"site{copy}"
        for name in FILES:
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(DEMO / name, site / name)
        run_fleet.mark_copy(site, copy)
        sites.append(site)
    return sites


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_each_copy_of_a_document_has_its_own_hash(tmp_path: Path) -> None:
    first, second = _copies(tmp_path)
    for name in FILES:
        hashes = {_digest(DEMO / name), _digest(first / name), _digest(second / name)}
        assert len(hashes) == 3, name


def test_a_marked_pdf_reads_to_the_same_text(tmp_path: Path) -> None:
    first, _ = _copies(tmp_path)
    name = FILES[0]
    original = asyncio.run(extract_text((DEMO / name).read_bytes(), "pdf"))
    marked = asyncio.run(extract_text((first / name).read_bytes(), "pdf"))
    assert marked.error is None and marked.text.strip()
    assert (marked.text, marked.pages, marked.ocr_pages) == (original.text, original.pages, original.ocr_pages)


def test_marked_images_decode_to_the_same_pixels(tmp_path: Path) -> None:
    first, _ = _copies(tmp_path)
    for name in FILES[1:]:
        body = (first / name).read_bytes()
        assert actual_kind(body, "other") == "image"  # sniffed from the bytes, as a crawl does
        with Image.open(io.BytesIO(body)) as marked, Image.open(DEMO / name) as original:
            marked.load()  # a broken chunk or segment fails here (PNG CRCs are checked)
            assert marked.size == original.size
            assert marked.tobytes() == original.tobytes(), name
