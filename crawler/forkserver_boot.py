"""Imported by multiprocessing's fork server only (crawler.workers.PRELOAD), never by the scan process.

The fork server forks every worker, so what it imports each worker starts with: OCR, pdfium and poppler. And it
must not outlive the scan that started it (crawler/workers.py, "Lifetime"): from import on it watches its parent.
"""

import contextlib
import ctypes.util  # noqa: F401  workers.die_with_parent's, imported there lazily: every worker starts with it

from crawler import ocr, pdftext, workers
from crawler.guards import pdfium

with contextlib.suppress(ImportError):
    import pdftotext  # noqa: F401  poppler's binding, used by pdftext's workers
pdfium()  # the scan process imports pypdfium2 only when it needs it (guards.pdfium); every worker starts with it

workers.watch_parent()

__all__ = ["ocr", "pdftext"]
