"""The system tools the tests need, and one policy for when one is missing (a pytest plugin; tests/conftest.py loads it).

A test names what it needs, `@pytest.mark.requires("tesseract")`, or a helper calls `need("chromium")`. Each tool
is detected the way the product finds it (crawler.ocr.available, crawler.render's `browser_path`, crawler.documents'
`shutil.which("pdftotext")`, crawler.pdftext.HAVE_BINDING) and carries the install command tools/bootstrap.sh runs.
When one is missing:
- on a developer's machine the test is skipped, the reason says how to install the tool, and the run ends with a
  summary of what was skipped and how to install it;
- in CI (CI=true, which .ci/run sets) or with OIT_REQUIRE_TOOLS=1 the test fails with the same words: a machine set
  up wrong must never pass by skipping. OIT_REQUIRE_TOOLS=0 turns the failure back into a skip.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

BOOTSTRAP = "tools/bootstrap.sh"
TEST_EXTRAS = "pip install -e '.[test]'"


@dataclass(frozen=True)
class Tool:
    thai: str
    english: str
    present: Callable[[], bool]
    install: str  # the command, as tools/bootstrap.sh runs it

    def hint(self) -> str:
        return f"ติดตั้งด้วย / install with: {self.install} (หรือ / or {BOOTSTRAP})"


def _ocr() -> bool:
    from crawler import ocr  # what crawler.images asks before sending a scan to Tesseract

    return ocr.available()


def _osd() -> bool:
    from crawler import ocr

    return ocr.available() and ocr.orientation_available()


def _chromium() -> bool:
    return Path(chromium_path()).is_file()  # what crawler.render checks before it launches the browser


def chromium_path() -> str:
    """The browser the crawler starts by default (Debian's Chromium; Playwright never downloads its own)."""
    from crawler.settings import CrawlSettings

    return CrawlSettings().browser_path


def _poppler_binding() -> bool:
    from crawler import pdftext

    return pdftext.HAVE_BINDING


def _postgresql() -> bool:
    """PostgreSQL's server programs (the tests start their own cluster: tests/oit/store/postgres.py) and the driver."""
    from tests.oit.store.postgres import bindir

    return bindir() is not None and importlib.util.find_spec("psycopg") is not None


def _module(name: str) -> Callable[[], bool]:
    return lambda: importlib.util.find_spec(name) is not None


TOOLS: dict[str, Tool] = {
    "tesseract": Tool(
        "โปรแกรมอ่านข้อความจากภาพ Tesseract (tesserocr และข้อมูลภาษาไทย/อังกฤษ)",
        "Tesseract OCR (tesserocr with its Thai and English data)",
        _ocr,
        "sudo apt-get install tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng && pip install tesserocr",
    ),
    "tesseract-osd": Tool(
        "ข้อมูลตรวจทิศทางหน้ากระดาษของ Tesseract",
        "Tesseract's orientation model",
        _osd,
        "sudo apt-get install tesseract-ocr-osd",
    ),
    "chromium": Tool(
        "เบราว์เซอร์ Chromium ของ Debian",
        "Debian's Chromium",
        _chromium,
        "sudo apt-get install chromium fonts-thai-tlwg",
    ),
    "pdftotext": Tool(
        "โปรแกรม pdftotext ของ poppler",
        "poppler's pdftotext program",
        lambda: shutil.which("pdftotext") is not None,
        "sudo apt-get install poppler-utils",
    ),
    "poppler-binding": Tool(
        "ตัวเชื่อม poppler สำหรับ Python (แพ็กเกจ pdftotext)",
        "poppler's Python binding (the pdftotext package)",
        _poppler_binding,
        "sudo apt-get install libpoppler-cpp-dev g++ pkg-config && pip install pdftotext",
    ),
    "postgresql": Tool(
        "PostgreSQL (โปรแกรม initdb/postgres) และไดรเวอร์ psycopg",
        "PostgreSQL (initdb, postgres) and the psycopg driver",
        _postgresql,
        "sudo apt-get install postgresql && pip install -e '.[postgres]'",
    ),
    "redis-server": Tool(
        "เซิร์ฟเวอร์ Redis (คิวของ oit fleet)",
        "the Redis server (the queue of oit fleet)",
        lambda: shutil.which("redis-server") is not None,
        "sudo apt-get install redis-server",
    ),
    "dramatiq": Tool(
        "แพ็กเกจ dramatiq ของ oit fleet", "the fleet extra dramatiq", _module("dramatiq"), "pip install -e '.[fleet]'"
    ),
    "cryptography": Tool(
        "แพ็กเกจ cryptography ของชุดทดสอบ", "the test extra cryptography", _module("cryptography"), TEST_EXTRAS
    ),
    "fpdf2": Tool("แพ็กเกจ fpdf2 ของชุดทดสอบ", "the test extra fpdf2", _module("fpdf"), TEST_EXTRAS),
    "mypy": Tool("แพ็กเกจ mypy ของชุดทดสอบ", "the test extra mypy", _module("mypy"), TEST_EXTRAS),
}

_TRUE = {"1", "true", "yes", "on"}
_MISSING: Counter[str] = Counter()  # tool -> tests it stopped in this run, for the summary
_CHECKED: dict[str, bool] = {}


def strict() -> bool:
    """Whether a missing tool fails its tests: OIT_REQUIRE_TOOLS when set, else the CI flag."""
    explicit = os.environ.get("OIT_REQUIRE_TOOLS", "").strip()
    if explicit:
        return explicit.lower() in _TRUE
    return os.environ.get("CI", "").strip().lower() in _TRUE


def missing(*names: str) -> list[str]:
    """The tools among `names` that this machine lacks (each looked for once a run)."""
    for name in names:
        if name not in TOOLS:
            raise pytest.UsageError(f"ไม่รู้จักเครื่องมือ {name!r} / unknown tool {name!r}; known: {', '.join(TOOLS)}")
        if name not in _CHECKED:
            _CHECKED[name] = TOOLS[name].present()
    return [name for name in names if not _CHECKED[name]]


def message(names: list[str]) -> str:
    tools = [TOOLS[name] for name in names]
    thai = ", ".join(t.thai for t in tools)
    english = ", ".join(t.english for t in tools)
    hints = "; ".join(t.hint() for t in tools)
    return f"ไม่พบ{thai} / {english} not found: {hints}"


def need(*names: str) -> None:
    """Skip (locally) or fail (CI) the running test when any of these tools is missing."""
    lacking = missing(*names)
    if not lacking:
        return
    _MISSING.update(lacking)
    if strict():
        pytest.fail(message(lacking), pytrace=False)
    pytest.skip(message(lacking))


# --- the plugin ------------------------------------------------------------------------------------------------------
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"requires(*tools): system tools the test needs, among {', '.join(TOOLS)}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:  # a mistyped tool name stops the run here, before any test passes without its check
        for mark in item.iter_markers("requires"):
            for name in mark.args:
                if name not in TOOLS:
                    raise pytest.UsageError(f"{item.nodeid}: ไม่รู้จักเครื่องมือ / unknown tool {name!r}")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before any fixture runs, so that a fixture using the tool never fails first with a stranger error."""
    names = [name for mark in item.iter_markers("requires") for name in mark.args]
    if names:
        need(*dict.fromkeys(names))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _MISSING:
        return
    failed = strict()
    terminalreporter.section("เครื่องมือที่ขาด / missing system tools", sep="-", yellow=not failed, red=failed)
    for name, count in _MISSING.items():
        outcome = (
            f"ล้มเหลว {count} การทดสอบ / {count} tests failed"
            if failed
            else f"ข้าม {count} การทดสอบ / {count} tests skipped"
        )
        terminalreporter.line(f"{name}: {outcome}; {TOOLS[name].hint()}")
    if not failed:
        terminalreporter.line("ใน CI (CI=true) หรือเมื่อตั้ง OIT_REQUIRE_TOOLS=1 การทดสอบเหล่านี้จะล้มเหลว / "
                              "in CI (CI=true) or with OIT_REQUIRE_TOOLS=1 these tests fail")  # fmt: skip
