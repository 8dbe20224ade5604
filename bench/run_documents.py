#!/usr/bin/env python3
"""Document-reading benchmark: text-layer pages/s and OCR pages/s, as a scan reads them.

    python bench/run_documents.py                 # ~1 min on 2 cores
    python bench/run_documents.py --ocr-pages 24 --workers 1,2

Text layer: oit's whole PDF path for born-digital files (crawler.documents.extract_text: poppler through the
`pdftotext` binding in worker processes, Thai normalisation, the quality gate), over the demo site's PDFs (1-3
pages each, where a per-file cost counts) and over one long PDF made of all their pages, one and two documents at
a time; wall time and CPU time (this process and its workers) per page.
OCR: image-only "scans" of demo pages (200 dpi grey JPEG, tilted, specked, like tests/fixtures/documents),
OCR'd through crawler.ocr's worker pool with 1 and 2 workers after the pool has started; plus how many of
each page's words the OCR found (loose match: tone marks dropped).

Prints a table and writes bench/results/documents-YYYYMMDD-HHMM.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import io
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pypdfium2
from bench_env import describe
from PIL import Image, ImageChops, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler import ocr, pdftext, quality  # noqa: E402
from crawler.documents import extract_text  # noqa: E402
from crawler.ocr import OcrBudget, ocr_pdf_pages  # noqa: E402
from crawler.quality import _dictionary  # noqa: E402
from crawler.thaitext import loose_key  # noqa: E402

DEMO = ROOT / "oit" / "demo" / "site"
TARGET_TEXT = 300.0  # pages/s (the issue)
TARGET_OCR = 1.0  # pages/s using both cores
SCAN_DPI = 200


# --- corpora -------------------------------------------------------------------------------------------------
def demo_pdfs() -> list[bytes]:
    return [p.read_bytes() for p in sorted(DEMO.rglob("*.pdf"))]


def merged(pdfs: list[bytes]) -> bytes:
    out = pypdfium2.PdfDocument.new()
    for data in pdfs:
        src = pypdfium2.PdfDocument(data)
        out.import_pages(src)
        src.close()
    buf = io.BytesIO()
    out.save(buf)
    out.close()
    return buf.getvalue()


def scanned(pdfs: list[bytes], pages: int, seed: int = 7) -> tuple[bytes, list[str]]:
    """An image-only PDF of the first page of `pages` demo files, and the text each page really holds."""
    images, texts = [], []
    rnd = random.Random(seed)
    for data in pdfs[:pages]:
        pdf = pypdfium2.PdfDocument(data)
        page = pdf[0]
        texts.append(page.get_textpage().get_text_range())
        image = page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        pdf.close()
        image = image.point(lambda v: 28 + v * (232 - 28) // 255)
        image = image.rotate(rnd.uniform(-0.8, 0.8), resample=Image.Resampling.BICUBIC, fillcolor=232)
        image = image.filter(ImageFilter.GaussianBlur(0.6))
        small = (image.width // 3, image.height // 3)
        dust = Image.frombytes("L", small, rnd.randbytes(small[0] * small[1])).point(lambda v: 80 if v == 0 else 255)
        images.append(ImageChops.darker(image, dust.resize(image.size, Image.Resampling.NEAREST)))
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=SCAN_DPI, save_all=True, append_images=images[1:], quality=50)
    return buf.getvalue(), texts


# --- text layer --------------------------------------------------------------------------------------------------
async def read_all(docs: list[bytes], concurrency: int) -> int:
    gate = asyncio.Semaphore(concurrency)

    async def one(data: bytes) -> int:
        async with gate:
            result = await extract_text(data, "pdf")
        if result.error or result.ocr_pages:
            raise RuntimeError(f"a born-digital PDF was not read from its text layer: {result.error}")
        return result.pages or 0

    return sum(await asyncio.gather(*(one(d) for d in docs)))


def cpu_seconds() -> float:
    """CPU time of this process, of its finished children (pdftotext programs) and of its live ones (the worker
    pools): unlike wall time, it hardly changes when other jobs share the machine."""
    times = os.times()
    total = times.user + times.system + times.children_user + times.children_system
    with contextlib.suppress(ImportError):
        import psutil

        for child in psutil.Process().children(recursive=True):
            with contextlib.suppress(psutil.Error):
                used = child.cpu_times()
                total += used.user + used.system
    return total


def text_run(name: str, docs: list[bytes], concurrency: int, min_seconds: float) -> dict:
    asyncio.run(read_all(docs[:2], 1))  # warm: the word list is loaded and the workers started on first use
    pages, rounds, started, cpu = 0, 0, time.perf_counter(), cpu_seconds()
    while True:
        pages += asyncio.run(read_all(docs, concurrency))
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            break
    return {
        "corpus": name,
        "documents": len(docs),
        "concurrency": concurrency,
        "rounds": rounds,
        "pages": pages,
        "seconds": round(elapsed, 3),
        "pages_per_s": round(pages / elapsed, 1),
        "ms_per_page": round(1000 * elapsed / pages, 2),
        "cpu_ms_per_page": round(1000 * (cpu_seconds() - cpu) / pages, 2),
        "loadavg_1min_after": round(os.getloadavg()[0], 2),
    }


def text_runs(pdfs: list[bytes], long_pdf: bytes, min_seconds: float, label: str = "") -> list[dict]:
    return [
        text_run(f"{label}demo site: {len(pdfs)} PDFs of 1-3 pages", pdfs, 1, min_seconds),
        text_run(f"{label}demo site: {len(pdfs)} PDFs of 1-3 pages", pdfs, 2, min_seconds),
        text_run(f"{label}one long PDF (all demo pages)", [long_pdf], 1, min_seconds),
        text_run(f"{label}one long PDF (all demo pages)", [long_pdf, long_pdf], 2, min_seconds),
    ]


@contextlib.contextmanager
def before_this_change() -> Iterator[None]:
    """The text path as it was before the poppler binding and nlpo3: a `pdftotext` program per file and
    pythainlp's pure-Python newmm in the quality gate. Run in the same process right after the new path, so
    that both see the same machine load (a shared machine's load can halve wall-clock figures)."""
    pdftext.HAVE_BINDING = False
    quality._load_dictionary.cache_clear()
    original = quality._nlpo3_segmenter
    quality._nlpo3_segmenter = lambda words: None  # type: ignore[assignment]
    try:
        yield
    finally:
        pdftext.HAVE_BINDING = importlib.util.find_spec("pdftotext") is not None
        quality._nlpo3_segmenter = original  # type: ignore[assignment]
        quality._load_dictionary.cache_clear()


# --- OCR ------------------------------------------------------------------------------------------------------------
def word_recall(truth: str, found: str) -> float:
    segment, words = _dictionary() or (None, frozenset())
    if segment is None:
        return float("nan")
    wanted = {t for t in segment(truth) if len(t) >= 3 and t in words}
    key = loose_key(found)
    return round(sum(loose_key(w) in key for w in wanted) / max(1, len(wanted)), 3)


def ocr_run(body: bytes, truths: list[str], workers: int) -> dict:
    ocr.set_workers(workers)
    started = time.perf_counter()
    asyncio.run(ocr_pdf_pages(body, [0], OcrBudget(1, 1)))  # starts the pool (and OCRs one page)
    cold = time.perf_counter() - started
    pages = list(range(len(truths)))
    started = time.perf_counter()
    result = asyncio.run(ocr_pdf_pages(body, pages, OcrBudget(len(pages), len(pages))))
    elapsed = time.perf_counter() - started
    if result.skipped:
        raise RuntimeError(f"OCR skipped pages {result.skipped}: {result.error}")
    recalls = [word_recall(truths[i], result.texts[i]) for i in pages]
    return {
        "workers": workers,
        "pages": len(pages),
        "seconds": round(elapsed, 2),
        "pages_per_s": round(len(pages) / elapsed, 2),
        "s_per_page": round(elapsed / len(pages), 2),
        "pool_start_and_first_page_s": round(cold, 2),
        "mean_confidence": result.confidence,
        "word_recall_median": statistics.median(recalls),
        "word_recall_min": min(recalls),
        "worker_rss_mb": worker_rss_mb(),
    }


def worker_rss_mb() -> list[float]:
    try:
        import psutil
    except ImportError:
        return []
    children = psutil.Process().children(recursive=True)
    return sorted(round(c.memory_info().rss / 2**20, 1) for c in children if c.is_running())


# --- report -----------------------------------------------------------------------------------------------------------
def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for dist in ("oit", "pypdfium2", "pythainlp", "tesserocr", "pillow"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            out[dist] = metadata.version(dist)
    with contextlib.suppress(Exception):
        import tesserocr

        out["tesseract"] = tesserocr.tesseract_version().split()[1]
    if shutil.which("pdftotext"):
        line = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.splitlines()[0]
        out["poppler"] = line.split()[-1]
    out["tessdata"] = ocr.tessdata_dir() or "missing"
    return out


def rss_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def print_tables(text: list[dict], ocr_rows: list[dict]) -> None:
    print("\nText layer (extract_text: poppler + normalisation + quality gate)")
    print(f"{'corpus':<34} {'docs':>5} {'conc':>4} {'pages':>6} {'s':>7} {'pages/s':>8} {'ms/page':>8} {'cpu ms/p':>8}")
    for r in text:
        print(
            f"{r['corpus']:<34} {r['documents']:>5} {r['concurrency']:>4} {r['pages']:>6} {r['seconds']:>7.2f}"
            f" {r['pages_per_s']:>8.1f} {r['ms_per_page']:>8.2f} {r['cpu_ms_per_page']:>8.2f}"
        )
    if not ocr_rows:
        return
    print("\nOCR (tesserocr, tha+eng, 300 dpi or the scan's own, worker pool already started)")
    print(f"{'workers':>7} {'pages':>6} {'s':>7} {'pages/s':>8} {'s/page':>7} {'conf':>5} {'recall':>7} {'cold s':>7}")
    for r in ocr_rows:
        print(
            f"{r['workers']:>7} {r['pages']:>6} {r['seconds']:>7.2f} {r['pages_per_s']:>8.2f} {r['s_per_page']:>7.2f}"
            f" {r['mean_confidence'] or 0:>5.2f} {r['word_recall_median']:>7.3f} {r['pool_start_and_first_page_s']:>7.2f}"
        )


def verdict(text: list[dict], ocr_rows: list[dict]) -> dict:
    now = [r for r in text if not r["corpus"].startswith("before")]
    best_text = max(r["pages_per_s"] for r in now)
    small = max(r["pages_per_s"] for r in now if "1-3 pages" in r["corpus"])
    both = [r for r in ocr_rows if r["workers"] == ocr.cpu_count()] or ocr_rows
    best_ocr = max((r["pages_per_s"] for r in both), default=0.0)
    return {
        "text_pages_per_s_best": best_text,
        "text_target_met": best_text >= TARGET_TEXT,
        "text_small_files_pages_per_s_best": small,
        "text_small_files_target_met": small >= TARGET_TEXT,
        "ocr_pages_per_s_all_cores": best_ocr,
        "ocr_target_met": best_ocr >= TARGET_OCR,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ocr-pages", type=int, default=12, help="scanned pages to OCR per run (default 12)")
    ap.add_argument("--workers", default=f"1,{ocr.cpu_count()}", help="OCR pool sizes to compare (default 1,cores)")
    ap.add_argument("--min-seconds", type=float, default=3.0, help="minimum time per text-layer run")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--no-ocr", action="store_true", help="text layer only")
    ap.add_argument("--before", action="store_true", help="also time the text path as it was before (same load)")
    args = ap.parse_args(argv)

    pdfs = demo_pdfs()
    long_pdf = merged(pdfs)
    text = text_runs(pdfs, long_pdf, args.min_seconds)
    if args.before:
        with before_this_change():
            text += text_runs(pdfs, long_pdf, args.min_seconds, "before: ")
    rss_after_text = rss_mb()
    text_workers_rss = worker_rss_mb()  # the poppler workers (the OCR pool is not started yet)
    ocr_rows: list[dict] = []
    reason = ocr.unavailable_reason()
    if args.no_ocr:
        pass
    elif reason:
        print(f"OCR skipped: {reason}")
    else:
        body, truths = scanned(pdfs, args.ocr_pages)
        for workers in (int(w) for w in args.workers.split(",")):
            ocr_rows.append(ocr_run(body, truths, workers))
        ocr.shutdown()
    print_tables(text, ocr_rows)
    summary = verdict(text, ocr_rows)
    print(
        f"\ntarget text >= {TARGET_TEXT:g} pages/s: {summary['text_pages_per_s_best']} "
        f"(1-3-page files: {summary['text_small_files_pages_per_s_best']}) "
        f"{'MET' if summary['text_target_met'] else 'MISSED'}; "
        f"OCR >= {TARGET_OCR:g} page/s on all cores: {summary['ocr_pages_per_s_all_cores']} "
        f"{'MET' if summary['ocr_target_met'] else 'MISSED'}"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / time.strftime("documents-%Y%m%d-%H%M.json")
    report = {
        "machine": describe(),
        "versions": versions(),
        "text_layer": text,
        "ocr": ocr_rows,
        "summary": summary,
        "main_process_max_rss_mb_after_text_runs": rss_after_text,
        "text_worker_rss_mb": text_workers_rss,
    }
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
