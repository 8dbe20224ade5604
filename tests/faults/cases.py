"""The pieces the fault matrix is written with: what a case expects (`Expect`), how it is run (scenarios), and
the hostile pages and sites the rows use. tests/faults/test_matrix.py is the table itself.

Every case scans the demo อบต. site (served by tests/faults/servers.py) with some paths misbehaving, so the
right answer is known: oit/demo/expected.toml gives every item's status on the healthy site. A fault may
change the items whose evidence it breaks, to "unknown" with a reason that names the fault and the URL;
every other item must come out exactly as on the healthy site.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from oit.demo.server import expected
from tests.crawler.support import Hit, Reply
from tests.faults.measure import Run, ScanProcess, scan, write_config
from tests.faults.servers import Fault, FaultServer, answer, demo_bytes, edited, late

PLANTED: dict[str, str] = {code: item["status"] for code, item in expected()["items"].items()}
CPU_BOUND = 30.0  # CPU seconds of a whole scan tree; the healthy demo scan takes ~4 s
REQUEST_BOUND = 300  # requests the server may see in one scan; the healthy demo scan makes 83

# Settings small enough for CI and a fault to show: no politeness delay, a 2 s timeout, one retry.
CRAWL: dict[str, object] = {"delay": 0.0, "concurrency": 4, "timeout": 2.0, "retries": 1, "max_duration": 30.0}


@dataclass(frozen=True)
class Expect:
    """What a case must show. Bounded work (memory, CPU, requests, bytes) is checked for every run."""

    exit_code: int = 0
    unknown: dict[str, tuple[str, ...]] = field(default_factory=dict)  # item -> words its unknown reason names
    findings: tuple[tuple[str, ...], ...] = ()  # for each group, one crawl finding holding every word
    no_findings: tuple[str, ...] = ()  # words no finding may hold (e.g. the time limit for one slow page)
    stderr: tuple[str, ...] = ()  # words the error message names (Thai and English)
    cpu_s: float = CPU_BOUND
    requests: dict[str, int] = field(default_factory=dict)  # path (or "*" for all) -> most requests allowed
    sent: dict[str, int] = field(default_factory=dict)  # path -> most bytes the server may have written
    html: bool = False  # also write the HTML report (run.html)
    check: Callable[[list[Run], FaultServer, Path], None] | None = None  # anything else, after the rest


Scenario = Callable[[FaultServer, Path, Expect, dict[str, object]], list[Run]]  # server, folder, expect, [crawl]


@dataclass(frozen=True)
class Case:
    id: str
    faults: Callable[[], dict[str, Fault]]  # built when the case runs: some bodies are megabytes
    expect: Expect = field(default_factory=Expect)
    crawl: dict[str, object] = field(default_factory=dict)  # [crawl] settings over CRAWL
    scenario: Scenario | None = None  # how oit is run; None: one scan of the server
    issue: int | None = None  # the issue 13 case whose fix is on another branch (the row is xfail until merged)
    new: str | None = None  # a failure this matrix found that no branch fixes yet (xfail, with what fails)


# --- scenarios --------------------------------------------------------------------------------------------


def one_scan(server: FaultServer, workdir: Path, expect: Expect, crawl: dict[str, object]) -> list[Run]:
    return [scan(server.url(), workdir, write_config(workdir, crawl), html=expect.html)]


def scan_of(url: Callable[[FaultServer], str], *args: str, env: Callable[[Path], dict[str, str]] | None = None,
            prepare: Callable[[Path], None] | None = None) -> Scenario:  # fmt: skip
    """One scan with another URL, extra arguments or environment ({workdir} in an argument is the case's
    folder); `prepare` sets the folder up first."""

    def run(server: FaultServer, workdir: Path, expect: Expect, crawl: dict[str, object]) -> list[Run]:
        if prepare:
            prepare(workdir)
        extra = [a.replace("{workdir}", str(workdir)) for a in args]
        environment = env(workdir) if env else None
        return [scan(url(server), workdir, write_config(workdir, crawl), *extra, env=environment)]

    return run


def bad_config(text: str) -> Scenario:
    """A scan with a config file holding `text`."""

    def run(server: FaultServer, workdir: Path, expect: Expect, crawl: dict[str, object]) -> list[Run]:
        path = workdir / "bad.toml"
        path.write_text(text, encoding="utf-8")
        return [scan(server.url(), workdir, path)]

    return run


def two_at_once(server: FaultServer, workdir: Path, expect: Expect, crawl: dict[str, object]) -> list[Run]:
    """Two scans of the site started together on one SQLite database (a cron job and a user, say)."""
    env = {"OIT_DATABASE": f"sqlite:///{workdir / 'shared.sqlite'}"}
    config = write_config(workdir, crawl)
    started = []
    for name in ("a", "b"):
        folder = workdir / name
        folder.mkdir()
        args = ["scan", server.url(), "--year", "2569", "--as-of", "2026-05-15", "--config", str(config)]
        started.append((ScanProcess([*args, "--json", str(folder / "r.json")], folder, env), folder))
    return [proc.finish(folder / "r.json") for proc, folder in started]


def killed_mid_crawl(server: FaultServer, workdir: Path, expect: Expect, crawl: dict[str, object]) -> list[Run]:
    """A finished scan, a second scan killed with SIGKILL once pages of it are on disk, then a third scan."""
    env = {"OIT_DATABASE": f"sqlite:///{workdir / 'history.sqlite'}"}
    config = write_config(workdir, crawl)
    runs = []
    for number in (1, 2, 3):
        folder = workdir / str(number)
        folder.mkdir()
        args = ["scan", server.url(), "--year", "2569", "--as-of", "2026-05-15", "--config", str(config)]
        proc = ScanProcess([*args, "--json", str(folder / "r.json")], folder, env)
        if number == 2:
            proc.wait_until(lambda: committed_pages(workdir / "history.sqlite", scan_id=2) >= 50, "50 pages stored")
            proc.kill()
        runs.append(proc.finish(folder / "r.json"))
    return runs


def killed_with_workers(server: FaultServer, workdir: Path, expect: Expect, crawl: dict[str, object]) -> list[Run]:
    """A scan killed with SIGKILL while it has helper processes (PDF text and OCR workers)."""
    json_path = workdir / "r.json"
    args = ["scan", server.url(), "--year", "2569", "--as-of", "2026-05-15", "--json", str(json_path)]
    proc = ScanProcess([*args, "--config", str(write_config(workdir, crawl))], workdir)
    proc.wait_until(
        lambda: len(proc.tree()) >= 4, "workers started"
    )  # the scan, resource tracker, fork server, a worker
    proc.kill()
    return [proc.finish(json_path)]


def committed_pages(db: Path, scan_id: int) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return int(conn.execute("select count(*) from pages where scan_id = ?", (scan_id,)).fetchone()[0])
    except sqlite3.OperationalError:  # the tables are not created yet
        return 0


def rows(db: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db, timeout=10) as conn:
        return conn.execute(sql).fetchall()


# --- pages and sites ------------------------------------------------------------------------------------------

XSS = "alert('oit-xss')"
PAYLOAD = f'</title><script>{XSS}</script><img src=x onerror="{XSS}">'


def injected(page: str) -> str:
    """Script in a page's title, first heading and first paragraph, as text a report might print raw."""
    page = page.replace("<title>", "<title>" + PAYLOAD.replace("</title>", "&lt;/title&gt;"), 1)  # title: RCDATA
    page = page.replace("<h1>", "<h1>" + html.escape(PAYLOAD), 1)
    return page.replace("<p>", "<p>" + html.escape(PAYLOAD), 1)


def injected_index(page: str) -> str:
    """The ITA index with script in O3's link text, a javascript: link beside it and markup in its URL."""
    page = injected(page).replace('href="../contact.html"', 'href="../contact.html?q=%22%3E%3Cscript%3E"')
    extra = f'</a> <a href="javascript:{XSS}">ช่องทางถาม-ตอบ {html.escape(PAYLOAD)}<'
    return page.replace(">ติดต่อเรา<", ">ติดต่อเรา" + extra, 1)


def with_links(*links: str) -> Callable[[str], str]:
    """A page edit: these <a> links added to the top of the body (read before everything else on the page)."""
    return lambda page: page.replace("<body>", "<body>" + "".join(links), 1)


def home(edit: Callable[[str], str]) -> dict[str, Fault]:
    """The home page, edited (it is served at / and /index.html)."""
    fault = edited("/index.html", edit)
    return {"/": fault, "/index.html": fault}


def redirect(location: str, status: int = 302) -> Fault:
    return answer(Reply(status=status, headers={"Location": location}, content_type=None))


def redirect_chain(hit: Hit) -> Reply:
    """/contact.html?hop=N redirects to hop N+1, without end: each hop a new URL, so no loop is seen."""
    hop = int(hit.target.rpartition("hop=")[2] or 0) if "hop=" in hit.target else 0
    return Reply(status=302, headers={"Location": f"/contact.html?hop={hop + 1}"}, content_type=None)


def truncated_news_index(page: str) -> str:
    """The news list cut inside a tag just after its last post: no footer, no closing tags."""
    end = page.rindex("</article>") + len("</article>")
    return page[:end] + '</div><p class="mu'


def unclosed(*tags: str) -> Callable[[str], str]:
    """A page edit: every closing tag of `tags` dropped, and stray broken markup at the top of the body."""

    def edit(page: str) -> str:
        for tag in tags:
            page = page.replace(f"</{tag}>", "")
        return page.replace("<body>", "<body><div <p <<table>> </a></b><b><i><font color=red>", 1)

    return edit


def as_windows_874(path: str, declared: str, http: bool = True) -> Fault:
    """A UTF-8 demo page re-encoded in windows-874 (TIS-620) but declared `declared` in its <meta>, and in HTTP
    too unless `http` is False (then HTTP names no charset)."""
    page = demo_bytes(path).decode("utf-8").replace('<meta charset="utf-8">', f'<meta charset="{declared}">')
    kind = f"text/html; charset={declared}" if http else "text/html"
    return answer(Reply(body=page.encode("cp874", errors="xmlcharrefreplace"), content_type=kind))


def declared_wrongly(path: str, declared: str) -> Fault:
    """The UTF-8 demo page, declared `declared` (a legacy Thai charset) in HTTP."""
    return answer(Reply(body=demo_bytes(path), content_type=f"text/html; charset={declared}"))


def org_chart_as_image(page: str) -> str:
    """The ITA index linking O1's organisation chart as the image itself (as many sites do), not its page."""
    return page.replace('href="../about/structure.html"', 'href="../img/org-chart-2569.png"', 1)


def news_archive(count: int, delay: float) -> dict[str, Fault]:
    """An archive of `count` short news posts linked from the home page, each answering after `delay` seconds:
    enough pages that a scan stores some batches before it ends, slow enough to be killed in the middle."""
    links = "".join(f'<li><a href="/news/archive/{n}.html">ข่าวประชาสัมพันธ์ ฉบับที่ {n}</a></li>' for n in range(count))
    listing = f"<!doctype html><html><head><title>คลังข่าว</title></head><body><h1>คลังข่าวประชาสัมพันธ์</h1><ul>{links}</ul></body></html>"  # fmt: skip

    def post(hit: Hit) -> Reply:
        number = hit.path.rsplit("/", 1)[1].removesuffix(".html")
        body = f"<h1>ข่าวประชาสัมพันธ์ ฉบับที่ {number}</h1><p>อบต.หนองบัวแดง จัดกิจกรรมพัฒนาชุมชน วันที่ 3 มีนาคม 2569</p>"
        return Reply(body=f"<!doctype html><html><head><title>ข่าว {number}</title></head><body>{body}</body></html>")

    return {
        **home(with_links('<a href="/news/archive.html">คลังข่าว</a>')),
        "/news/archive.html": answer(Reply(body=listing)),
        "/news/archive/*": late(delay, answer(post)),
    }


def ssrf_scan(server: FaultServer, workdir: Path, expect: Expect, crawl: dict[str, object]) -> list[Run]:
    """Redirects and a declared evidence URL that lead to private addresses: 127.0.0.2, another port of the
    machine under another name, the cloud metadata address. Two bystander servers (serving the same site)
    prove that nothing reached them; the scan's own server must have answered everything else."""
    with FaultServer(host="127.0.0.2") as other_host, FaultServer() as other_port:
        server.faults.update(
            {
                **home(with_links(*(f'<a href="/go/{n}">ระบบสารสนเทศ {n}</a>' for n in range(3)))),
                "/go/0": redirect(other_host.url("/admin/index.html")),
                "/go/1": redirect(f"http://localhost:{other_port.port}/admin/index.html"),
                "/go/2": redirect("http://169.254.169.254/latest/meta-data/"),
                "/contact.html": redirect(other_host.url("/contact.html"), status=301),
            }
        )
        # An evidence URL the agency declared for O10 (declared URLs skip the scope check: the guard stops it).
        site = f'[[sites]]\nname = "อบต.หนองบัวแดง"\nurl = "{server.url()}"\n[sites.items]\nO10 = "{other_host.url("/eservice/index.html")}"\n'  # fmt: skip
        run = scan(server.url(), workdir, write_config(workdir, crawl, site))
        assert other_host.count() == 0 and other_port.count() == 0, "a private address was contacted"
    return [run]
