"""A site with a scan history, made for real: the bundled demo site served on 127.0.0.1, changed between
three `oit scan` runs that write to one SQLite database.

1. the procurement annual report PDF and the structure page are gone (O12 and O1 lack evidence),
2. the site as shipped (both back: the score rises, the diff shows evidence added),
3. a LINE Official Account is added as the Q&A channel (O3's gap fixed) and the No Gift announcement PDF is
   gone (its URL now answers 404: the diff shows broken evidence).

Built once per test session (three scans, ~15 s) and shared by the report and CLI tests.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from typer.testing import CliRunner

from oit.cli import app
from oit.demo.server import serve, site_dir

ANNUAL_REPORT = "docs/procurement/2568/procurement-annual-report-2568.pdf"
STRUCTURE = "about/structure.html"
NOGIFT_PDF = "docs/ita/2569/nogift-announcement-2569.pdf"
CONTACT = "contact.html"
EMAIL_QA = '<a href="mailto:saraban@nongbuadaeng.go.th">saraban@nongbuadaeng.go.th</a></p>\n</main>'
LINE_QA = EMAIL_QA.replace(
    "</p>", ' หรือแชทกับเจ้าหน้าที่ทาง <a href="https://line.me/R/ti/p/@nongbuadaeng">LINE Official Account</a></p>'
)
SITE_NAME = "อบต.หนองบัวแดง (ทดสอบ)"
UNSCANNED_NAME = "อบต.ที่ยังไม่เคยตรวจ"
UNSCANNED_URL = "https://www.never-scanned.go.th/"


@dataclass
class History:
    root: Path
    url: str
    config: Path
    database: Path
    report_dir: Path
    scan_ids: list[int] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)  # the CLI output of each scan

    def args(self, *extra: str) -> list[str]:
        return [*extra, "--config", str(self.config)]


_built: History | None = None


def _config(root: Path, url: str) -> Path:
    path = root / "config.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{root / "oit.sqlite"}"\n\n[report]\ndir = "{root / "reports"}"\n\n'
        f'[[sites]]\nname = "{SITE_NAME}"\nurl = "{url}"\n\n'
        f'[[sites]]\nname = "{UNSCANNED_NAME}"\nurl = "{UNSCANNED_URL}"\n',
        encoding="utf-8",
    )
    return path


def _scan(history: History, *outputs: str) -> None:
    args = ["scan", SITE_NAME, "--year", "2569", "--as-of", "2026-05-15", "--delay", "0", *outputs]
    result = CliRunner().invoke(app, history.args(*args), env={"OIT_DATABASE": None})
    assert result.exit_code == 0, result.output
    history.outputs.append(result.output)
    with sqlite3.connect(history.database) as db:
        history.scan_ids.append(db.execute("select max(id) from scans").fetchone()[0])


def build_history(root: Path) -> History:
    """The three scans (once per session; later calls return the first build)."""
    global _built
    if _built is not None:
        return _built
    site = root / "site"
    shutil.copytree(site_dir(), site)
    moved = root / "moved"
    moved.mkdir()
    with serve(site) as url:
        history = History(root, url, _config(root, url), root / "oit.sqlite", root / "reports")
        shutil.move(site / ANNUAL_REPORT, moved / "annual.pdf")
        shutil.move(site / STRUCTURE, moved / "structure.html")
        _scan(history, "--html", str(root / "scan1.html"), "--md", str(root / "scan1.md"))
        shutil.move(moved / "annual.pdf", site / ANNUAL_REPORT)
        shutil.move(moved / "structure.html", site / STRUCTURE)
        _scan(history, "--xlsx", str(root / "scan2.xlsx"), "--csv", str(root / "scan2.csv"))
        shutil.move(site / NOGIFT_PDF, moved / "nogift.pdf")
        contact = (site / CONTACT).read_text(encoding="utf-8")
        assert EMAIL_QA in contact
        (site / CONTACT).write_text(contact.replace(EMAIL_QA, LINE_QA), encoding="utf-8")
        _scan(history)  # no output named: the default formats go to the config's report dir
    _built = history
    return history
