"""One scan, end to end: crawl -> store -> find evidence -> check -> result, and what a scan uses around it.

    pipeline    run_scan(config, ScanRequest) -> ScanResult; the only module that knows every stage
    recheck     run_recheck(config, RecheckRequest): one item again, fetching only its evidence (`oit recheck`)
    rendering   the browser around the crawl: the second pass over script-built pages, evidence screenshots
    memtrace    OIT_MEMTRACE=1: the RSS at each phase, for memory work

The names below are loaded on first use (PEP 562), so that importing one module of the package (say memtrace)
does not load the others: what a scan process loads is measured (tests/oit/cli/test_lean_imports.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oit.scan.pipeline import ScanError, ScanRequest, run_scan
    from oit.scan.recheck import RecheckRequest, run_recheck

__all__ = ["RecheckRequest", "ScanError", "ScanRequest", "run_recheck", "run_scan"]
_HOME = {
    **dict.fromkeys(["ScanError", "ScanRequest", "run_scan"], "pipeline"),
    **dict.fromkeys(["RecheckRequest", "run_recheck"], "recheck"),
}


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
