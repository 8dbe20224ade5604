"""The `oit` command.

Exit codes: 0 the scan ran (gaps are results, not errors); 2 it could not run (bad config, unreachable
site, bad arguments), with the reason in Thai and English.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, timedelta
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from oit import __version__
from oit.cli.leave import freeze, leave
from oit.config import Config, ConfigError, load_config
from oit.scan.memtrace import mark
from oit.scan.pipeline import STOPPED_TH_EN, ScanError, ScanRequest, run_scan, today_in_bangkok
from oit.store import Engine, StorageError
from reports.console import CrawlProgress, print_summary
from reports.models import ScanResult
from reports.writer import ReportPaths, default_paths, write_all
from rules.catalog import CatalogError

if TYPE_CHECKING:
    from reports.models import ScanSummary
    from reports.screenshots import Screenshots

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
    # The message may quote a TOML table such as [alerts]: escaped so rich shows it instead of eating it.
    err.print(f"[bold red]ผิดพลาด / error:[/] {escape(message)}", highlight=False, markup=True)
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


def _engine(config: Config) -> Engine:
    from oit.store.database import open_engine

    try:
        return open_engine(config.database_url)
    except StorageError as exc:
        raise _fail(str(exc)) from None


def _check_outputs(files: dict[str, Path | None], folders: dict[str, Path | None]) -> None:
    """Before a scan: every report file and folder named (by option or setting) can be written, so that an hour's
    scan does not end in a path it cannot write. Missing folders are fine: the report writers create them."""
    wanted = [(name, path, False) for name, path in files.items() if path is not None]
    wanted += [(name, path, True) for name, path in folders.items() if path is not None]
    for name, path, folder in wanted:
        why = _unwritable(path.absolute(), folder)
        if why is not None:
            raise _fail(f"{name} {path}: {why}")


def _unwritable(path: Path, folder: bool) -> str | None:
    """Why `path` (a report file, or a folder for reports) cannot be written, Thai / English; None when it can."""
    if path.exists() and path.is_dir() != folder:
        if folder:
            return "เป็นไฟล์ ไม่ใช่โฟลเดอร์ / is a file, not a folder"
        return "เป็นโฟลเดอร์ ต้องเป็นชื่อไฟล์ / is a folder, not a file name"
    ancestor = path if folder else path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        return f"{ancestor} เป็นไฟล์ ไม่ใช่โฟลเดอร์ / {ancestor} is a file, not a folder"
    try:  # the one sure test, whoever runs oit (root passes every permission check, but not a read-only disk)
        with tempfile.TemporaryFile(dir=ancestor):
            pass
    except OSError as exc:
        return f"เขียนในโฟลเดอร์ {ancestor} ไม่ได้ ({exc.strerror}) / cannot write in {ancestor}"
    return None


def write_reports(
    result: ScanResult,
    json_path: Path | None,
    html_path: Path | None,
    default_dir: Path | None,
    *,
    xlsx_path: Path | None = None,
    csv_path: Path | None = None,
    md_path: Path | None = None,
    config: Config | None = None,
) -> dict[str, str]:
    """Write the requested reports; with none requested, the default formats (JSON, HTML, Excel, Markdown) go
    to `default_dir`. With `config`, the site's score history and the changes since its previous scan are
    read from the database and shown in the reports."""
    paths = ReportPaths(json_path=json_path, html=html_path, xlsx=xlsx_path, csv=csv_path, md=md_path)
    if not paths.any() and default_dir is not None:
        paths = default_paths(result, default_dir)
    history: list[ScanSummary]
    shots: Screenshots
    history, diff, shots = [], None, {}
    if config is not None:
        from oit.watch.reporting import evidence_screenshots, scan_context

        engine = _engine(config)
        try:
            history, diff = scan_context(engine, result)
            shots = evidence_screenshots(engine, result)  # empty unless the crawl setting `screenshots` is on
        finally:
            engine.dispose()  # its connection closed now, not at the interpreter's teardown
    return write_all(result, paths, history, diff, shots)


def _scan(config: Config, request: ScanRequest) -> ScanResult:
    terms: list[int] = []  # SIGTERMs received
    try:
        with _stoppable(config, terms), CrawlProgress(err) as progress:
            return run_scan(config, request, progress.update)
    except (ScanError, CatalogError, StorageError) as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:  # Ctrl+C or SIGTERM: the scan row says "failed", its pages are kept
        err.print(f"[bold red]{escape(STOPPED_TH_EN)}[/]", highlight=False)
        raise typer.Exit(code=143 if terms else 130) from None


@contextmanager
def _stoppable(config: Config, terms: list[int]) -> Iterator[None]:
    """SIGTERM stops a scan as Ctrl+C does: the crawl is cancelled, the scan row marked failed and its pages kept.
    Should that take longer than `[schedule] stop_timeout`, the process marks its scan failed and leaves."""

    def on_term(signum: int, frame: FrameType | None) -> None:
        terms.append(signum)
        threading.Thread(target=_leave_after, args=(config,), daemon=True).start()
        handler = signal.getsignal(signal.SIGINT)
        if not callable(handler):
            raise KeyboardInterrupt
        handler(signal.SIGINT, frame)  # Python's raises KeyboardInterrupt; asyncio's, while the crawl runs, cancels it

    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only (a scan run from a worker thread)
        return
    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _leave_after(config: Config) -> None:
    time.sleep(config.schedule.stop_timeout)
    from oit.store.database import fail_own_scans, open_engine

    with suppress(Exception):  # leaving matters more than the record; the next scan marks it crashed anyway
        fail_own_scans(open_engine(config.database_url), STOPPED_TH_EN)
    os._exit(143)


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
    xlsx_out: Annotated[Path | None, typer.Option("--xlsx", help="เขียนไฟล์ Excel / write the Excel workbook")] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="เขียน CSV ของประเด็น / write the gaps as CSV")] = None,
    md_out: Annotated[Path | None, typer.Option("--md", help="เขียนสรุป Markdown / write the Markdown summary")] = None,
    max_pages: Annotated[int | None, typer.Option("--max-pages", min=1, help="จำนวนหน้าสูงสุด / page budget")] = None,
    concurrency: Annotated[
        int | None, typer.Option(min=1, max=64, help="คำขอพร้อมกันต่อโฮสต์ / requests in flight per host")
    ] = None,
    delay: Annotated[
        float | None, typer.Option(min=0, help="วินาทีระหว่างคำขอ / seconds between requests per host")
    ] = None,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="เหมือนการสแกนประจำคืน: หน้าและไฟล์ที่ไม่เปลี่ยนมานานใช้สำเนาจากครั้งก่อนโดยไม่ถามเซิร์ฟเวอร์"
            " / as the nightly scans: pages and files long unchanged are taken from the previous scan unasked",
        ),
    ] = False,
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
        revisit=quick,
    )
    named = {"--json": json_out, "--html": html_out, "--xlsx": xlsx_out, "--csv": csv_out, "--md": md_out}
    default_dir = None if any(named.values()) else Path(config.report.dir)
    _check_outputs(named, {"[report] dir": default_dir})
    result = _scan(config, request)
    written = write_reports(
        result,
        json_out,
        html_out,
        Path(config.report.dir),
        xlsx_path=xlsx_out,
        csv_path=csv_out,
        md_path=md_out,
        config=config,
    )
    mark("reports")
    print_summary(result, console, written)


@app.command()
def demo(
    out: Annotated[Path, typer.Option(help="โฟลเดอร์สำหรับรายงาน / where to write the reports")] = Path("oit-demo"),
    config_path: ConfigOpt = None,
) -> None:
    """สแกนเว็บไซต์ตัวอย่าง (อบต.สมมุติที่มีข้อบกพร่องที่ตั้งใจใส่ไว้) / scan the bundled demo site."""
    from oit.demo.server import expected, serve

    config = _load(config_path)
    _check_outputs({}, {"--out": out})
    # The demo's history goes beside its reports (OIT_DATABASE still wins). A copy of the config, not the process
    # environment: a demo run inside a longer process (a test, a notebook) must not move that process's database.
    demo_db = config.database.model_copy(update={"url": f"sqlite:///{(out / 'demo.sqlite').resolve()}"})
    config = config.model_copy(update={"database": demo_db})
    out.mkdir(parents=True, exist_ok=True)
    planted = expected()
    with serve() as base_url:
        console.print(f"เว็บไซต์ตัวอย่างเปิดที่ / demo site served at {base_url}")
        request = ScanRequest(
            url=base_url, year=planted["year"], as_of=date.fromisoformat(planted["as_of"]), delay=0.0, concurrency=4
        )
        result = _scan(config, request)
    written = write_reports(
        result,
        out / "demo.json",
        out / "demo.html",
        None,
        xlsx_path=out / "demo.xlsx",
        csv_path=out / "demo.csv",
        md_path=out / "demo.md",
        config=config,
    )
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
    from rules.thaicalendar import assessment_year_for

    if config_path is not None:
        _load(config_path)
    year = year or assessment_year_for(today_in_bangkok())
    try:
        catalog = load_catalog(year)
    except CatalogError as exc:
        raise _fail(str(exc)) from None
    print_catalog(catalog, year, console)


def _site_url(config: Config, engine: Engine, site: str) -> str:
    """The stored URL of a site named by URL or name (config or database); a clear error when never scanned."""
    from oit.watch.history import find_site, list_sites

    configured = config.site_for(site)
    row = find_site(engine, configured.url if configured else site)
    if row is None:
        known = ", ".join(name or url for url, name in list_sites(engine)) or "-"
        raise _fail(f"ไม่พบประวัติการสแกนของ {site} (ที่มีคือ: {known}) / no scans of this site")
    return row.url


@app.command()
def history(
    site: Annotated[str, typer.Argument(help="URL หรือชื่อเว็บไซต์ / site URL or name")],
    limit: Annotated[int, typer.Option(min=1, help="จำนวนครั้งล่าสุดที่แสดง / newest scans to list")] = 30,
    config_path: ConfigOpt = None,
) -> None:
    """แสดงประวัติการสแกนของเว็บไซต์ / list a site's scans (Bangkok time, score, gaps)."""
    from oit.watch.history import list_scans
    from reports.history_console import print_history

    config = _load(config_path)
    engine = _engine(config)
    print_history(list_scans(engine, _site_url(config, engine, site), limit), console)


@app.command()
def diff(
    site: Annotated[str, typer.Argument(help="URL หรือชื่อเว็บไซต์ / site URL or name")],
    from_id: Annotated[
        int | None, typer.Option("--from", help="ครั้งที่เก่ากว่า / older scan id (default: the one before --to)")
    ] = None,
    to_id: Annotated[int | None, typer.Option("--to", help="ครั้งที่ใหม่กว่า / newer scan id (default: latest)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="พิมพ์ผลเป็น JSON / print the diff as JSON")] = False,
    config_path: ConfigOpt = None,
) -> None:
    """เปรียบเทียบการสแกนสองครั้ง / what changed between two scans: new and fixed gaps, evidence, unknown items."""
    from oit.watch.history import diff_scans, get_scan, latest_done
    from reports.history_console import print_diff

    config = _load(config_path)
    engine = _engine(config)
    url = _site_url(config, engine, site)
    new = get_scan(engine, to_id) if to_id is not None else latest_done(engine, url)
    old = get_scan(engine, from_id) if from_id is not None else None
    if new is None:
        raise _fail(f"ไม่พบการสแกนครั้งที่ {to_id} ที่เสร็จแล้ว / no finished scan to compare")
    if old is None and from_id is None:
        old = latest_done(engine, url, before=new.scan_id)
    if old is None:
        what = f"ครั้งที่ {from_id}" if from_id is not None else f"ก่อนครั้งที่ {new.scan_id}"
        raise _fail(f"ไม่พบการสแกน{what} ที่เสร็จแล้วให้เปรียบเทียบ / no older finished scan to compare with")
    for scan in (old, new):
        if scan.site_url != url or scan.state != "done":
            raise _fail(
                f"การสแกนครั้งที่ {scan.scan_id} ไม่ใช่การสแกนที่เสร็จแล้วของ {url} ({scan.state})"
                " / not a finished scan of this site"
            )
    result = diff_scans(engine, old.scan_id, new.scan_id)
    assert result is not None  # both scans are done
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        print_diff(result, console, old, new)


@app.command()
def schedule(
    once: Annotated[
        bool, typer.Option("--once", help="สแกนเว็บไซต์ที่ถึงกำหนดตอนนี้แล้วจบ / scan every due site now and exit")
    ] = False,
    config_path: ConfigOpt = None,
) -> None:
    """สแกนตามเวลาที่ตั้งไว้ทุกเว็บไซต์ใน config.toml / run the nightly scans (until SIGTERM), or once with --once."""
    import logging

    from oit.watch import schedule as nightly

    config = _load(config_path)
    if not config.sites:
        raise _fail("ไม่มีเว็บไซต์ใน [[sites]] ของไฟล์ตั้งค่า / no [[sites]] in the config")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # our own line per run; misfires still show
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if not once:
        nightly.serve(config, str(config_path.resolve()) if config_path else None)
        return
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, nightly.request_stop)
    outcomes = nightly.run_due(config)
    if any(o.error for o in outcomes):
        raise typer.Exit(code=1)


@app.command()
def report(
    target: Annotated[
        str, typer.Argument(help="หมายเลขการสแกน หรือ fleet / a scan id, or `fleet` for the index of all sites")
    ],
    html_out: Annotated[Path | None, typer.Option("--html", help="เขียนรายงาน HTML / write the HTML report")] = None,
    xlsx_out: Annotated[Path | None, typer.Option("--xlsx", help="เขียนไฟล์ Excel / write the Excel workbook")] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="เขียน CSV ของประเด็น / write the gaps as CSV")] = None,
    md_out: Annotated[Path | None, typer.Option("--md", help="เขียนสรุป Markdown / write the Markdown summary")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="เขียนผล JSON / write the JSON result")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="โฟลเดอร์ปลายทาง / output folder (fleet, or when no file is named)")
    ] = None,
    config_path: ConfigOpt = None,
) -> None:
    """สร้างรายงานของการสแกนที่เก็บไว้อีกครั้ง หรือหน้ารวมทุกเว็บไซต์ / render a stored scan again, or the fleet index."""
    from oit.watch.history import load_result

    config = _load(config_path)
    named = {"--json": json_out, "--html": html_out, "--xlsx": xlsx_out, "--csv": csv_out, "--md": md_out}
    folder = out or (None if any(named.values()) else Path(config.report.dir))
    _check_outputs(named, {"--out" if out else "[report] dir": folder})
    engine = _engine(config)
    if target.strip().lower() == "fleet":
        from oit.watch.reporting import build_fleet

        late_after = timedelta(hours=config.fleet.late_after_hours)
        index, entries = build_fleet(engine, config.sites, out or Path(config.report.dir) / "fleet", late_after)
        console.print(f"หน้ารวม {len(entries)} เว็บไซต์ / fleet index: {index}", markup=False, highlight=False)
        return
    if not target.strip().isdigit():
        raise _fail(f"ต้องเป็นหมายเลขการสแกนหรือคำว่า fleet: {target!r} / expected a scan id or `fleet`")
    result = load_result(engine, int(target))
    if result is None:
        raise _fail(
            f"ไม่พบการสแกนครั้งที่ {int(target)} ที่เสร็จแล้ว (ดูหมายเลขด้วย oit history SITE)"
            f" / no finished scan with id {int(target)}"
        )
    written = write_reports(
        result,
        json_out,
        html_out,
        out or Path(config.report.dir),
        xlsx_path=xlsx_out,
        csv_path=csv_out,
        md_path=md_out,
        config=config,
    )
    for kind, path in written.items():
        console.print(f"{kind}: {path}", markup=False, highlight=False)


@app.command()
def recheck(
    site: Annotated[str, typer.Argument(help="URL หรือชื่อเว็บไซต์ / site URL or name (config)")],
    item: Annotated[str, typer.Argument(help="ข้อที่ตรวจซ้ำ / the item to check again, e.g. O20")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="วันที่ใช้ตัดสินเกณฑ์เวลา / judge time rules as of YYYY-MM-DD")
    ] = None,
    config_path: ConfigOpt = None,
) -> None:
    """ตรวจซ้ำเฉพาะข้อเดียวหลังแก้ไขเว็บไซต์ / fetch one item's evidence again and re-judge only that item."""
    from oit.scan.recheck import RecheckRequest, run_recheck
    from reports.console import gap_list, items_table
    from reports.thai import STATUS_TH

    config = _load(config_path)
    configured = config.site_for(site)
    request = RecheckRequest(url=configured.url if configured else site, code=item, as_of=_parse_date(as_of),
                             site=configured)  # fmt: skip
    try:
        done = run_recheck(config, request)
    except (ScanError, CatalogError, StorageError) as exc:
        raise _fail(str(exc)) from None
    before = STATUS_TH[done.before.status] if done.before else "-"
    console.print(
        f"ตรวจซ้ำข้อ {done.item.code} (อ่านหลักฐานใหม่ {len(done.fetched)} URL, บันทึกเป็นการสแกนครั้งที่ {done.result.scan_id}"
        f" ต่อจากครั้งที่ {done.based_on}): {before} → {STATUS_TH[done.item.status]}"
        f" / recheck of {done.item.code}: {done.before.status if done.before else '-'} -> {done.item.status}",
        markup=False,
        highlight=False,
    )
    one = done.result.model_copy(update={"items": [done.item]})
    console.print(items_table(one))
    gaps = gap_list(one)
    if gaps is not None:
        console.print(gaps)
    if done.result.score and done.result.score.oit_estimate is not None:
        console.print(f"คะแนน OIT โดยประมาณ / estimated OIT score: {done.result.score.oit_estimate:.2f}", markup=False)


@app.command()
def version(config_path: ConfigOpt = None) -> None:
    """แสดงรุ่นของโปรแกรม / print the version (and check the config file when one is given)."""
    if config_path is not None:
        _load(config_path)
    console.print(f"oit {__version__}")


def main() -> None:  # pragma: no cover
    # Everything imported so far lives as long as the process: frozen, the collector no longer walks it again at
    # each full collection of a scan (~90,000 objects, a few tenths of a second of a 2,000-page scan).
    freeze()  # oit/cli/leave.py: remembers the files and databases among them, which it checks before leaving
    try:
        app()
    except SystemExit as exc:
        leave(exc.code)  # without the interpreter's teardown when nothing is left open (oit/cli/leave.py)


if __name__ == "__main__":  # pragma: no cover
    main()
