"""The fault matrix: every hostile or broken server the README lists, scanned by a real `oit scan` process.

Each row is a fault on the demo อบต. site (tests/faults/servers.py) and what oit must do about it
(tests/faults/cases.py). Every row also asserts bounded work: the scan's processes together stay under 1 GB
and a fixed CPU budget, the server sees a bounded number of requests, no traceback, no helper process left
behind, and the JSON report is valid against the contract. Rows marked with an issue-13 case number are fixed
on other branches (xfail until merged).

Run: `make faults` (or `pytest tests/faults`): about four minutes on two cores once every row holds.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from selectolax.lexbor import LexborHTMLParser

from reports.json_report import load_schema
from tests.crawler.support import Reply
from tests.crawler.test_hostile import FIXTURES, docx_bomb, png_header, xlsx_too_big
from tests.faults.cases import (
    CRAWL,
    PLANTED,
    REQUEST_BOUND,
    Case,
    Expect,
    as_windows_874,
    bad_config,
    declared_wrongly,
    home,
    injected,
    injected_index,
    killed_mid_crawl,
    killed_with_workers,
    news_archive,
    one_scan,
    org_chart_as_image,
    redirect,
    redirect_chain,
    rows,
    scan_of,
    ssrf_scan,
    truncated_news_index,
    two_at_once,
    unclosed,
    with_links,
)
from tests.faults.measure import MEMORY_LIMIT, Run
from tests.faults.servers import (
    Fault,
    FaultServer,
    answer,
    calendar,
    deep_nesting,
    demo_bytes,
    edited,
    endless,
    gzip_layers,
    hang,
    inflating_pdf,
    late,
    reset,
    reset_mid_body,
    robots_garbage,
    trickle_body,
    trickle_headers,
)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTACT = "/contact.html"  # O3's evidence page
TIMED_OUT = ("หมดเวลา", "timed out", CONTACT)
TRANSFER_FAILED = ("อ่านข้อมูลไม่สำเร็จ", "transfer failed", CONTACT)
BLOCKS = ("div", "p", "td", "tr", "table", "li", "ul", "section")  # closing tags old sites leave out
TRICKLE = 0.25  # seconds per byte of a trickle: every read succeeds, the whole answer never comes
HELD = ("O13", "O14", "O18", "O19", "O21", "O22", "O23", "O24", "O25", "O26")  # reached only through the ITA index


def trickled(head: int) -> int:
    """The most bytes a trickle may get out when each request has a total deadline: every attempt (the first and
    `retries` more) sends its head and then a byte per TRICKLE seconds, for at most a few timeouts (generous:
    the point is that the deadline is per request, not the scan's whole time budget)."""
    attempts = 1 + int(CRAWL["retries"])  # type: ignore[call-overload]
    return attempts * (head + int(4 * float(CRAWL["timeout"]) / TRICKLE))  # type: ignore[arg-type]


def status(code: int, body: str = "", **headers: str) -> Fault:
    return answer(Reply(status=code, body=body or f"<h1>{code}</h1>", headers=headers))


def pdf(data: bytes) -> Fault:
    return answer(Reply(body=data, content_type=PDF))


# --- checks beyond the table's columns --------------------------------------------------------------------


def report_escapes_script(runs: list[Run], server: FaultServer, workdir: Path) -> None:
    """The injected text reached the HTML report (escaped), and nothing in it can run."""
    page = runs[-1].html or ""
    assert "&lt;script&gt;" in page and "oit-xss" in page, "the injected text never reached the report"
    tree = LexborHTMLParser(page)
    for node in tree.css("script"):
        assert "oit-xss" not in (node.text() or ""), "an injected <script> is live in the report"
    for node in tree.css("*"):
        for name, value in (node.attributes or {}).items():
            assert not (name.lower().startswith("on") and "oit-xss" in (value or "")), f"live handler {name}"
            if name.lower() in ("href", "src"):
                assert not (value or "").strip().lower().startswith("javascript:"), f"live {name}={value}"


def huge_image_is_refused(runs: list[Run], server: FaultServer, workdir: Path) -> None:
    [(error,)] = rows(workdir / "oit.sqlite", "select error from documents where url like '%org-chart-2569.png'")
    assert error and "image too large" in error and " / " in error


def home_page_is_read(runs: list[Run], server: FaultServer, workdir: Path) -> None:
    """A bad link does not void the page that holds it: the home page is stored without an error."""
    stored = rows(workdir / "oit.sqlite", "select url, error from pages where url like '%/' and depth = 0")
    assert stored and all(error is None for _, error in stored), stored


def both_scans_done(runs: list[Run], server: FaultServer, workdir: Path) -> None:
    db = workdir / "shared.sqlite"
    assert rows(db, "pragma integrity_check") == [("ok",)]
    assert sorted(state for (state,) in rows(db, "select state from scans")) == ["done", "done"]
    assert sorted(r.report["scan_id"] for r in runs if r.report) == [1, 2]


def history_survives_the_kill(runs: list[Run], server: FaultServer, workdir: Path) -> None:
    db = workdir / "history.sqlite"
    assert runs[1].exit_code == -9, runs[1].summary()
    assert rows(db, "pragma integrity_check") == [("ok",)]
    assert [s for (s,) in rows(db, "select state from scans order by id")] == ["done", "crashed", "done"]
    first = runs[0].report
    assert first is not None and first["scan_id"] == 1
    kept = rows(db, "select code, status from item_results where scan_id = 1 order by id")
    assert kept == [(item["code"], item["status"]) for item in first["items"]]  # the first scan's history, intact
    assert rows(db, "select count(*) from pages where scan_id = 2")[0][0] >= 50  # the killed scan's stored pages


def no_orphans_after_kill(runs: list[Run], server: FaultServer, workdir: Path) -> None:
    assert runs[0].exit_code == -9
    assert runs[0].leftover == [], f"helper processes outlived the killed scan: {runs[0].leftover}"


def nothing_scanned(runs: list[Run], server: FaultServer, workdir: Path) -> None:
    """A setting that cannot work is found before the scan starts: the site is never asked."""
    assert server.count() == 0


# --- the matrix ------------------------------------------------------------------------------------------

CASES = [
    # Slow and silent servers.
    Case("hanging-server", lambda: {CONTACT: hang}, Expect(unknown={"O3": TIMED_OUT}, requests={CONTACT: 2})),
    Case("slow-headers", lambda: {CONTACT: late(6.0)}, Expect(unknown={"O3": TIMED_OUT}, requests={CONTACT: 2})),
    Case("trickled-headers", lambda: {CONTACT: trickle_headers(TRICKLE)},
         Expect(unknown={"O3": TIMED_OUT}, no_findings=("time limit",), sent={CONTACT: trickled(head=17)})),
    Case("trickled-sitemap", lambda: {"/sitemap.xml": trickle_body(every=TRICKLE)},
         Expect(no_findings=("time limit",), sent={"/sitemap.xml": trickled(head=90)}), crawl={"max_duration": 20.0}),
    # robots.txt that cannot be read is "disallow everything" (RFC 9309): the scan must say so, not wait for ever.
    Case("trickled-robots", lambda: {"/robots.txt": trickle_body(b"User-agent: *\nDisallow: /admin/\n" * 60, TRICKLE)},
         Expect(exit_code=2, stderr=("robots.txt",), sent={"/robots.txt": trickled(head=90)}), crawl={"max_duration": 20.0}),
    Case("one-slow-page", lambda: {CONTACT: trickle_body(every=TRICKLE)},
         Expect(unknown={"O3": TIMED_OUT}, no_findings=("time limit",), sent={CONTACT: trickled(head=90)})),
    # Broken connections and refusals.
    Case("connection-reset", lambda: {CONTACT: reset()}, Expect(unknown={"O3": TRANSFER_FAILED})),
    Case("reset-mid-body", lambda: {CONTACT: reset_mid_body(CONTACT)}, Expect(unknown={"O3": TRANSFER_FAILED})),
    Case("http-500-502", lambda: {CONTACT: status(500), "/eservice/index.html": status(502)},
         Expect(unknown={"O3": ("HTTP 500", CONTACT), "O10": ("HTTP 502", "/eservice/index.html")})),
    Case("http-429-subpages",
         lambda: {p: status(429, "Too Many Requests", **{"Retry-After": "1"}) for p in ("/news/*", "/procurement/*")},
         Expect(unknown={"O4": ("HTTP 429", "/news/index.html"), "O11": ("HTTP 429", "/procurement/index.html")},
                findings=(("429",),))),
    Case("http-503-ita-index", lambda: {"/ita/ita-2569.html": status(503, **{"Retry-After": "1"})},
         Expect(unknown={code: ("503", "/ita/ita-2569.html") for code in HELD}, findings=(("503",),))),
    # Redirects.
    Case("redirect-loop", lambda: {CONTACT: redirect("/contact-us.html"), "/contact-us.html": redirect(CONTACT, 301)},
         Expect(unknown={"O3": ("วนซ้ำ", "redirect loop", CONTACT)}, requests={CONTACT: 2, "/contact-us.html": 2})),
    Case("redirect-chain", lambda: {CONTACT: answer(redirect_chain)},
         Expect(unknown={"O3": ("มากเกินไป", "too many redirects", CONTACT)}, requests={CONTACT: 22})),
    Case("redirects-to-private-addresses", dict,
         Expect(unknown={"O3": ("ออกนอกเว็บไซต์", "redirected off the site", CONTACT)},
                findings=(("ที่อยู่ภายใน", "blocked private address", "127.0.0.2"),)),
         scenario=ssrf_scan),
    Case("ipv6-literal-link", lambda: home(with_links('<a href="http://[::1]:8080/x">ระบบงาน</a>')),
         Expect(check=home_page_is_read), crawl={"read_sitemaps": False}),
    Case("ipv6-literal-start-url", dict, Expect(exit_code=2, stderr=("ผิดพลาด", "error", "[::1]")),
         scenario=scan_of(lambda server: "http://[::1]:1/")),
    # Traps and sizes.
    Case("calendar-trap", lambda: {**home(with_links('<a href="/calendar?ym=2026-05">ปฏิทินกิจกรรม</a>')),
                                   "/calendar": answer(calendar)},
         Expect(requests={"/calendar": 40}, findings=(("ไม่ได้เปิด", "not fetched", "/calendar?ym="),)), crawl={"max_pages": 300}),
    Case("huge-page", lambda: {"/news/index.html": edited("/news/index.html", lambda p: p.replace("</body>", "<!-- ข่าว -->" * 2_000_000 + "</body>"))},
         Expect(findings=(("อ่านเพียงบางส่วน", "page truncated", "/news/index.html"),))),
    Case("endless-page", lambda: {"/about/general.html": endless},
         Expect(findings=(("อ่านเพียงบางส่วน", "page truncated", "/about/general.html"),), sent={"/about/general.html": 30_000_000})),
    Case("nested-gzip", lambda: {"/news/news-01.html": gzip_layers(4 << 30)}, Expect()),
    Case("deep-nesting", lambda: {"/news/news-01.html": answer(Reply(body=deep_nesting(100_000))),
                                  "/news/news-02.html": answer(Reply(body=deep_nesting(100_000, "span")))},
         Expect(findings=(("/news/news-01.html",), ("/news/news-02.html",)))),
    # Hostile files.
    Case("zip-bombs", lambda: {
             "/ita/ita-2569.html": edited("/ita/ita-2569.html", lambda p: p.replace("integrity-measures-2569.pdf", "integrity-measures-2569.docx").replace("anticorruption-report-2568.pdf", "anticorruption-report-2568.xlsx")),
             "/docs/ita/2569/integrity-measures-2569.docx": answer(Reply(body=docx_bomb(), content_type=DOCX)),
             "/docs/ita/2568/anticorruption-report-2568.xlsx": answer(Reply(body=xlsx_too_big(), content_type=XLSX))},
         Expect(unknown={"O25": ("ไฟล์ขยายตัวผิดปกติ", "zip bomb", "integrity-measures-2569.docx"),
                         "O24": ("ไฟล์ขยายตัวผิดปกติ", "160 MB", "anticorruption-report-2568.xlsx")})),
    Case("huge-image", lambda: {"/ita/ita-2569.html": edited("/ita/ita-2569.html", org_chart_as_image),
                                "/img/org-chart-2569.png": answer(Reply(body=png_header(40_000, 40_000), content_type="image/png"))},
         Expect(check=huge_image_is_refused)),
    Case("broken-pdfs", lambda: {
             "/docs/ita/2569/risk-assessment-2569.pdf": pdf(demo_bytes("/docs/ita/2569/risk-assessment-2569.pdf")[:6000]),
             "/docs/ita/2568/risk-report-2568.pdf": pdf((FIXTURES / "hostile_encrypted.pdf").read_bytes()),
             "/docs/ita/2569/anticorruption-plan-2569.pdf": pdf(b"%PDF-1.7\n" + bytes(range(256)) * 40)},
         Expect(unknown={"O21": ("อ่านไฟล์ PDF ไม่ได้", "unreadable PDF", "risk-assessment-2569.pdf"),
                         "O22": ("เข้ารหัส", "encrypted", "risk-report-2568.pdf"),
                         "O23": ("อ่านไฟล์ PDF ไม่ได้", "unreadable PDF", "anticorruption-plan-2569.pdf")})),
    Case("pdf-inflating-to-a-gigabyte",
         lambda: {"/docs/ita/2569/risk-assessment-2569.pdf": pdf(inflating_pdf(1 << 30))},
         Expect(unknown={"O21": ("risk-assessment-2569.pdf",)}, no_findings=("time limit",))),
    # Broken pages.
    Case("broken-and-truncated-html", lambda: {"/about/executives.html": edited("/about/executives.html", unclosed(*BLOCKS)),
                                               CONTACT: edited(CONTACT, unclosed(*BLOCKS, "html", "body")),
                                               "/news/index.html": edited("/news/index.html", truncated_news_index)}),
    Case("unclosed-main", lambda: {"/about/executives.html": edited("/about/executives.html", unclosed(*BLOCKS, "main"))}),
    Case("misdeclared-encodings", lambda: {"/about/executives.html": as_windows_874("/about/executives.html", "utf-8"),
                                           CONTACT: declared_wrongly(CONTACT, "windows-874"),
                                           "/ita/complaint.html": as_windows_874("/ita/complaint.html", "utf-8", http=False)}),
    Case("script-injection", lambda: {**home(injected), CONTACT: edited(CONTACT, injected),
                                      "/ita/ita-2569.html": edited("/ita/ita-2569.html", injected_index)},
         Expect(html=True, check=report_escapes_script)),
    Case("robots-huge-garbage", lambda: {"/robots.txt": robots_garbage(10_000_000)}),
    Case("robots-is-a-web-page", lambda: {"/robots.txt": answer(Reply(body=demo_bytes("/index.html"), content_type="text/html"))}),
    # The process and its database.
    Case("concurrent-scans", dict, Expect(check=both_scans_done), scenario=two_at_once),
    Case("sigkill-mid-scan", lambda: news_archive(150, 0.03), Expect(check=history_survives_the_kill),
         scenario=killed_mid_crawl),
    Case("orphans-after-sigkill",
         lambda: {"/docs/ita/2569/nogift-announcement-2569.pdf": pdf((FIXTURES / "nogift-scan.pdf").read_bytes())},
         Expect(exit_code=-9, check=no_orphans_after_kill), scenario=killed_with_workers),
    # Settings that cannot work.
    Case("bad-config", dict, Expect(exit_code=2, stderr=("ไฟล์ตั้งค่า", "invalid values", "crawl.delay"), check=nothing_scanned),
         scenario=bad_config("[crawl]\ndelay = 'fast'\nconcurrency = 0\n")),
    Case("unknown-database-scheme", dict, Expect(exit_code=2, stderr=("ผิดพลาด", "error", "nosuchdb"), check=nothing_scanned),
         scenario=scan_of(lambda s: s.url(), env=lambda w: {"OIT_DATABASE": "nosuchdb://x/oit"})),
    Case("unopenable-database", dict, Expect(exit_code=2, stderr=("ผิดพลาด", "error", "blocker"), check=nothing_scanned),
         scenario=scan_of(lambda s: s.url(), env=lambda w: {"OIT_DATABASE": f"sqlite:///{w / 'blocker' / 'oit.sqlite'}"},
                          prepare=lambda w: (w / "blocker").write_text("a file, not a folder"))),
    Case("report-path-under-a-file", dict, Expect(exit_code=2, stderr=("ผิดพลาด", "error", "blocker"), check=nothing_scanned),
         scenario=scan_of(lambda s: s.url(), "--html", "{workdir}/blocker/report.html",
                          prepare=lambda w: (w / "blocker").write_text("a file, not a folder"))),
]  # fmt: skip


def _param(case: Case) -> object:
    marks = []
    if case.issue:
        marks = [pytest.mark.xfail(reason=f"issue 13 case {case.issue}: fixed on another branch", strict=False)]
    elif case.new:
        marks = [pytest.mark.xfail(reason=case.new, strict=False)]
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_fault(case: Case, tmp_path: Path) -> None:
    crawl = {**CRAWL, **case.crawl}
    with FaultServer(case.faults()) as server:
        runs = (case.scenario or one_scan)(server, tmp_path, case.expect, crawl)
        for run in runs:
            print(f"{case.id}: {run.summary()} requests={server.count()}")  # the matrix log (pytest -s, or on failure)
            bounded(run, case.expect)
        final = runs[-1]
        assert final.exit_code == case.expect.exit_code, final.summary() + "\n" + final.stderr[-3000:]
        for run in runs:
            if run.exit_code == 0:
                judged_as_expected(run, case.expect)
        for word in case.expect.stderr:
            assert word in final.stderr, f"{word!r} not in the error message: {final.stderr[-2000:]}"
        served(server, case.expect, scans=len(runs))
        if case.expect.check:
            case.expect.check(runs, server, tmp_path)


def bounded(run: Run, expect: Expect) -> None:
    """Bounded work and a clean end, whatever the fault."""
    assert run.stopped is None, f"the harness had to stop the scan: {run.summary()}"
    assert run.peak_rss < MEMORY_LIMIT, run.summary()
    assert run.cpu_s < expect.cpu_s, run.summary()
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    if run.exit_code is not None and run.exit_code >= 0:  # a scan killed on purpose is the orphans row's business
        assert run.leftover == [], f"helper processes outlived the scan: {run.leftover}"


def judged_as_expected(run: Run, expect: Expect) -> None:
    """A valid report; the fault's items unknown with reasons that name it; every other item as on the healthy
    site (so a fault never turns an item "missing", nor voids the rest of the report)."""
    assert run.report is not None, run.summary()
    jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker()).validate(run.report)
    statuses = {item["code"]: item["status"] for item in run.report["items"]}
    assert set(statuses) == set(PLANTED)
    for code, words in expect.unknown.items():
        item = run.item(code)
        assert item["status"] == "unknown", f"{code} is {item['status']}, not unknown"
        reason = item["unknown_reason"] or ""
        for word in words:
            assert word in reason, f"{code}: {word!r} not in the reason {reason!r}"
    differ = {code: (statuses[code], PLANTED[code]) for code in PLANTED if code not in expect.unknown and statuses[code] != PLANTED[code]}  # fmt: skip
    assert not differ, f"items judged differently from the healthy site (got, planted): {differ}"
    findings = run.report["crawl"].get("findings", [])
    for group in expect.findings:
        assert any(all(w in f for w in group) for f in findings), f"no finding names {group}: {findings}"
    for word in expect.no_findings:
        assert not any(word in f for f in findings), f"a finding says {word!r}: {findings}"


def served(server: FaultServer, expect: Expect, scans: int) -> None:
    """Bounded work as the server saw it: requests (per scan, and per path) and bytes a trickle got out."""
    assert server.count() <= REQUEST_BOUND * scans, server.count()
    for path, most in expect.requests.items():
        count = server.count() if path == "*" else server.count(path)
        assert count <= most, f"{count} requests for {path} (at most {most})"
    for path, most in expect.sent.items():
        assert server.sent[path] <= most, f"{server.sent[path]} bytes of {path} went out (at most {most})"
