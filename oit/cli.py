"""The `oit` command.

Exit codes: 0 the scan ran (gaps are results, not errors); 2 it could not run (bad config, unreachable
site, bad arguments), with the reason in Thai and English.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer
from rich.console import Console

from oit import __version__
from oit.config import Config, ConfigError, load_config
from oit.models import ScanResult
from oit.scan import ScanError, ScanRequest, run_scan, today_in_bangkok
from reports.console import CrawlProgress, print_summary
from reports.html_report import write_html
from reports.json_report import write_json
from rules.catalog import CatalogError

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals may hold site content and settings
    no_args_is_help=True,
    help="oit: ตรวจเว็บไซต์หน่วยงานตามเกณฑ์ OIT ของ ITA / checks a website against the ITA OIT items",
)
console = Console()
err = Console(stderr=True)

ConfigOpt = Annotated[Path | None, typer.Option("--config", help="ไฟล์ตั้งค่า / config file (TOML)")]


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]ผิดพลาด / error:[/] {message}", highlight=False, markup=True)
    return typer.Exit(code=2)


def _load(config_path: Path | None) -> Config:
    try:
        return load_config(config_path)
    except ConfigError as exc:
        raise _fail(str(exc)) from None


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"--as-of ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) / must be YYYY-MM-DD: {value!r}") from None


def write_reports(
    result: ScanResult, json_path: Path | None, html_path: Path | None, default_dir: Path | None
) -> dict[str, str]:
    """Write the requested reports; with none requested, both go to `default_dir`."""
    if json_path is None and html_path is None and default_dir is not None:
        stem = f"{urlsplit(result.site.url).hostname or 'site'}-{result.assessment_year}-scan{result.scan_id or 0}"
        json_path, html_path = default_dir / f"{stem}.json", default_dir / f"{stem}.html"
    written = {}
    if json_path is not None:
        written["JSON"] = str(write_json(result, json_path))
    if html_path is not None:
        written["HTML"] = str(write_html(result, html_path))
    return written


def _scan(config: Config, request: ScanRequest) -> ScanResult:
    try:
        with CrawlProgress(err) as progress:
            return run_scan(config, request, progress.update)
    except (ScanError, CatalogError) as exc:
        raise _fail(str(exc)) from None


@app.command()
def scan(
    url: Annotated[
        str, typer.Argument(help="เว็บไซต์หลักของหน่วยงาน / the agency's main website, or a site name from config")
    ],
    year: Annotated[int | None, typer.Option(help="ปี ITA (พ.ศ.) / assessment year (BE), e.g. 2569")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="วันที่ใช้ตัดสินเกณฑ์เวลา / judge time rules as of YYYY-MM-DD")
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="เขียนผล JSON / write the JSON result")] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="เขียนรายงาน HTML / write the HTML report")] = None,
    max_pages: Annotated[int | None, typer.Option("--max-pages", min=1, help="จำนวนหน้าสูงสุด / page budget")] = None,
    concurrency: Annotated[
        int | None, typer.Option(min=1, max=64, help="คำขอพร้อมกันต่อโฮสต์ / requests in flight per host")
    ] = None,
    delay: Annotated[
        float | None, typer.Option(min=0, help="วินาทีระหว่างคำขอ / seconds between requests per host")
    ] = None,
    config_path: ConfigOpt = None,
) -> None:
    """สแกนเว็บไซต์และรายงานข้อที่ไม่ผ่าน / scan a website and list the gaps."""
    config = _load(config_path)
    site = config.site_for(url)
    request = ScanRequest(
        url=site.url if site else url,
        year=year,
        as_of=_parse_date(as_of),
        site=site,
        max_pages=max_pages,
        concurrency=concurrency,
        delay=delay,
    )
    result = _scan(config, request)
    written = write_reports(result, json_out, html_out, Path(config.report.dir))
    print_summary(result, console, written)


@app.command()
def demo(
    out: Annotated[Path, typer.Option(help="โฟลเดอร์สำหรับรายงาน / where to write the reports")] = Path("oit-demo"),
    config_path: ConfigOpt = None,
) -> None:
    """สแกนเว็บไซต์ตัวอย่าง (อบต.สมมุติที่มีข้อบกพร่องที่ตั้งใจใส่ไว้) / scan the bundled demo site."""
    import os

    from oit.demo.server import expected, serve

    config = _load(config_path)
    os.environ.setdefault("OIT_DATABASE", f"sqlite:///{(out / 'demo.sqlite').resolve()}")
    out.mkdir(parents=True, exist_ok=True)
    planted = expected()
    with serve() as base_url:
        console.print(f"เว็บไซต์ตัวอย่างเปิดที่ / demo site served at {base_url}")
        request = ScanRequest(
            url=base_url, year=planted["year"], as_of=date.fromisoformat(planted["as_of"]), delay=0.0, concurrency=4
        )
        result = _scan(config, request)
    written = write_reports(result, out / "demo.json", out / "demo.html", None)
    print_summary(result, console, written)
    _compare_with_planted(result, planted)


def _compare_with_planted(result: ScanResult, planted: dict) -> None:
    """Say whether the scan found exactly the planted gaps: the demo checks itself."""
    wrong = []
    for code, want in planted.get("items", {}).items():
        item = next((i for i in result.items if i.code == code), None)
        got = (item.status, sorted((g.kind, g.component or "") for g in item.gaps)) if item else None
        expect = (want["status"], sorted((g["kind"], g.get("component", "")) for g in want.get("gaps", [])))
        if got != expect:
            wrong.append(f"{code}: คาด/expected {expect}, ได้/got {got}")
    if wrong:
        console.print("[bold red]ผลไม่ตรงกับข้อบกพร่องที่ตั้งใจใส่ไว้ / result differs from the planted gaps:[/]")
        for line in wrong:
            console.print(f"  - {line}", markup=False)
        raise typer.Exit(code=1)
    console.print(
        f"[green]พบข้อบกพร่องที่ตั้งใจใส่ไว้ครบ และไม่มีข้ออื่น ({len(planted.get('items', {}))} ข้อที่ตรวจ)"
        " / found exactly the planted gaps[/]"
    )


@app.command()
def rules(
    year: Annotated[int | None, typer.Option(help="ปี ITA (พ.ศ.) / assessment year (BE); default: this year's")] = None,
    config_path: ConfigOpt = None,
) -> None:
    """แสดงเกณฑ์รายข้อของปีที่ประเมิน / print a year's item catalog (components, time rule, confidence)."""
    from reports.rules_table import print_catalog
    from rules.catalog import load_catalog
    from rules.fiscal import assessment_year_for

    if config_path is not None:
        _load(config_path)
    year = year or assessment_year_for(today_in_bangkok())
    try:
        catalog = load_catalog(year)
    except CatalogError as exc:
        raise _fail(str(exc)) from None
    print_catalog(catalog, year, console)


@app.command()
def version(config_path: ConfigOpt = None) -> None:
    """แสดงรุ่นของโปรแกรม / print the version (and check the config file when one is given)."""
    if config_path is not None:
        _load(config_path)
    console.print(f"oit {__version__}")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
