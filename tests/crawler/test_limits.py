"""Bounds: pages, depth, bytes, documents, duration, and link traps that would otherwise never end.

Calendars and endless pagination are judged by what their pages do: tests/crawler/test_traps.py."""

from __future__ import annotations

import time

from tests.crawler.support import Hit, LocalServer, Reply, crawl, make_pdf, page, pdf_reply

PDF_LINES = ["No Gift Policy 2569", "Nakhlang Municipality announces a no gift policy for every official."]


def test_max_pages_stops_the_crawl(server: LocalServer) -> None:
    server.routes["/"] = page("".join(f'<a href="/n{i}.html">ข่าว {i}</a>' for i in range(20)))
    for i in range(20):
        server.routes[f"/n{i}.html"] = page(f"<p>ข่าว {i}</p>")
    result, sink = crawl(server.url(), max_pages=5, concurrency=4, respect_robots=False)
    assert len(sink.pages) == 5
    assert len(server.hits) == 5
    assert result.pages == 5
    assert result.stopped_reason is not None and "page limit" in result.stopped_reason


def test_max_pages_not_reached_leaves_no_stopped_reason(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/a">a</a>')
    server.routes["/a"] = page("<p>a</p>")
    result, sink = crawl(server.url(), max_pages=5, respect_robots=False)
    assert len(sink.pages) == 2
    assert result.stopped_reason is None


def test_max_depth(server: LocalServer) -> None:
    server.routes["/"] = page('<a href="/d1">1</a>')
    for depth in range(1, 6):
        server.routes[f"/d{depth}"] = page(f'<a href="/d{depth + 1}">{depth + 1}</a><a href="/f{depth}.pdf">pdf</a>')
        server.routes[f"/f{depth}.pdf"] = pdf_reply(make_pdf(PDF_LINES))
    _, sink = crawl(server.url(), max_depth=2, respect_robots=False)
    assert sorted(p.url for p in sink.pages) == [server.url("/"), server.url("/d1"), server.url("/d2")]
    assert server.count("/d3") == 0
    # a document linked from the deepest page is still read: it is evidence, not a path deeper into the site
    assert sorted(d.url for d in sink.documents) == [server.url("/f1.pdf"), server.url("/f2.pdf")]


def test_max_page_bytes_truncates_a_huge_page(server: LocalServer) -> None:
    head = '<html><body><a href="/ita.html">ITA</a><p>เริ่มต้นหน้า</p>'
    server.routes["/"] = Reply(body=(head + "<p>ข้อความยาวมาก</p>" * 100_000 + "<p>ท้ายหน้า</p></body></html>"))
    server.routes["/ita.html"] = page("<p>ita</p>")
    result, sink = crawl(server.url(), max_page_bytes=20_000, respect_robots=False)
    home = next(p for p in sink.pages if p.url == server.url())
    assert "เริ่มต้นหน้า" in home.text
    assert "ท้ายหน้า" not in home.text
    assert len(home.html.encode("utf-8")) <= 20_000
    assert any("page truncated" in f and server.url() in f for f in result.findings)
    assert server.count("/ita.html") == 1  # links before the cut are still followed


def test_truncated_thai_page_is_still_decoded(server: LocalServer) -> None:
    """A cut in the middle of a UTF-8 Thai character must not turn the page into mojibake."""
    body = ("<html><body><p>" + "ประกาศ" * 5000 + "</p></body></html>").encode()
    server.routes["/"] = Reply(body=body, content_type="text/html; charset=utf-8")
    _, sink = crawl(server.url(), max_page_bytes=1001, respect_robots=False)  # 1001 - 15 is not a multiple of 3
    assert "ประกาศประกาศ" in sink.pages[0].text


def test_max_document_bytes(server: LocalServer) -> None:
    big = make_pdf(PDF_LINES * 40)
    assert len(big) > 2000
    server.routes["/"] = page('<a href="/big.pdf">แผน</a>')
    server.routes["/big.pdf"] = pdf_reply(big)
    _, sink = crawl(server.url(), max_document_bytes=1000, respect_robots=False)
    (doc,) = sink.documents
    assert doc.error is not None and "size limit" in doc.error
    assert doc.text == ""
    assert not doc.readable


def test_max_documents(server: LocalServer) -> None:
    server.routes["/"] = page("".join(f'<a href="/d{i}.pdf">เอกสาร {i}</a>' for i in range(3)))
    for i in range(3):
        server.routes[f"/d{i}.pdf"] = pdf_reply(make_pdf(PDF_LINES))
    result, sink = crawl(server.url(), max_documents=1, respect_robots=False)
    assert len(sink.documents) == 1
    assert sum(server.count(f"/d{i}.pdf") for i in range(3)) == 1
    assert result.stopped_reason is not None and "document limit" in result.stopped_reason


def test_max_duration_stops_a_slow_site(server: LocalServer) -> None:
    def slow(hit: Hit) -> Reply:
        number = int(hit.path.strip("/") or 0)
        return Reply(body=f'<a href="/{number + 1}">next</a><a href="/{number + 1000}">other</a>', delay=0.3)

    server.routes["/"] = slow
    for i in range(1, 3000):
        server.routes[f"/{i}"] = slow
    started = time.monotonic()
    result, _ = crawl(server.url(), max_duration=1.0, respect_robots=False)
    assert result.stopped_reason is not None and "time limit" in result.stopped_reason
    # Bounded work, read from the server: each answer takes 0.3 s, so at most a few rounds of requests fit in
    # the 1 s limit (a loaded machine fits fewer, never more); without the limit the chain runs to 3000 pages.
    assert 1 <= len(server.hits) <= 10
    assert time.monotonic() - started < 60  # a hang guard, not a speed check: the crawl itself ends in ~1 s


def test_unrecognisable_trap_ends_at_max_depth(server: LocalServer) -> None:
    def agenda(hit: Hit) -> Reply:
        n = int(hit.path.rsplit("/", 1)[1])
        return page(f'<a href="/agenda/{n + 1}">ถัดไป</a>')

    server.routes["/"] = page('<a href="/agenda/1">วาระ</a>')
    for n in range(1, 100):
        server.routes[f"/agenda/{n}"] = agenda
    _, sink = crawl(server.url(), respect_robots=False, max_depth=6)
    assert len(sink.pages) == 7
    assert server.count("/agenda/7") == 0


def test_relative_link_loop_ends(server: LocalServer) -> None:
    """A relative link "a/b/" on every page makes /a/b/a/b/a/b/… for ever; the repeating pair is recognised."""
    server.routes["/"] = page('<a href="a/b/">เอกสาร</a>')
    server.default = page('<a href="a/b/">เอกสาร</a>')  # every other path answers 200 with the same link
    result, _ = crawl(server.url(), respect_robots=False, max_depth=1000)
    assert server.targets() == ["/", "/a/b/", "/a/b/a/b/"]
    assert result.stopped_reason is None


def test_deep_path_loop_ends(server: LocalServer) -> None:
    server.default = lambda hit: page(f'<a href="s{hit.target.count("/")}/">ต่อ</a>')  # /s1/s2/s3/… never repeats
    crawl(server.url(), respect_robots=False, max_depth=1000)
    deepest = max(h.target.count("/") for h in server.hits)
    assert deepest == 13  # 12 segments and a trailing slash; a 13th segment is "path too deep"
