"""Fast re-scans against a real server that answers conditional requests: unchanged pages are reused (not
parsed again), changed ones are read again, and a 304 that does not answer for a stored copy is fetched again."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import datetime, timedelta

from crawler.engine import Crawler, CrawlOptions, MemorySink
from crawler.models import CrawlResult
from crawler.revisit import Known, fresh
from tests.crawler.support import HTML, Hit, LocalServer, Reply, fast_settings, make_pdf, page, pdf_reply

INDEX = page(
    '<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปี 2569</h1><a href="/o1.html">O1 โครงสร้าง</a>'
    '<a href="/o2.html">O2 ข้อมูลผู้บริหาร</a><a href="/docs/plan.pdf">แผนดำเนินงาน ประจำปี 2569</a>'
    '<a href="https://www.facebook.com/obt.example">Facebook อบต.</a>',
    title="ITA 2569 - อบต.ตัวอย่าง",
)
O1 = page("<h2>โครงสร้างส่วนราชการ</h2><p>สำนักปลัด กองคลัง กองช่าง</p>", title="โครงสร้าง")
O2 = page("<h2>ทำเนียบผู้บริหาร</h2><p>นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบล โทร 042-123456</p>", title="ผู้บริหาร")


class Resource:
    """A file the server knows the ETag of, answering If-None-Match with 304 like nginx does."""

    def __init__(self, reply: Reply, validators: str = "etag") -> None:
        self.reply = reply
        self.validators = validators

    def change(self, reply: Reply) -> None:
        self.reply = reply

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.reply.payload()).hexdigest()[:16] + '"'

    def __call__(self, hit: Hit) -> Reply:
        headers = dict(self.reply.headers)
        if self.validators == "etag":
            headers["ETag"] = self.etag
            if hit.headers.get("if-none-match") == self.etag:
                return Reply(status=304, content_type=None, headers={"ETag": self.etag})
        return Reply(status=self.reply.status, body=self.reply.body, content_type=self.reply.content_type,
                     headers=headers)  # fmt: skip


def site(validators: str = "etag") -> dict[str, Resource]:
    plan = pdf_reply(make_pdf(["Action Plan 2569", "Tambon Administrative Organization"]))
    return {path: Resource(reply, validators) for path, reply in
            {"/": INDEX, "/o1.html": O1, "/o2.html": O2, "/docs/plan.pdf": plan}.items()}  # fmt: skip


def scan(server: LocalServer, previous: MemorySink | None = None) -> tuple[CrawlResult, MemorySink]:
    # One text cache for both crawls, as the scan database is for consecutive scans.
    sink = MemorySink(previous.text_cache if previous else None, previous=previous)
    result = asyncio.run(Crawler(fast_settings(), sink).run(server.url("/")))
    return result, sink


def by_url(sink: MemorySink) -> dict[str, tuple[str, str, list[str], list[str]]]:
    return {p.url: (p.title, p.text, p.headings, [link.url for link in p.links]) for p in sink.pages}


def test_unchanged_site_is_answered_by_304_and_reused() -> None:
    resources = site()
    with LocalServer(resources) as server:
        first, before = scan(server)
        server.hits.clear()
        again, after = scan(server, previous=before)
        sent = {h.path: h.headers.get("if-none-match") for h in server.hits if h.path != "/robots.txt"}
        statuses_sent = [resources[h.path](h).status for h in server.hits if h.path in resources]
    assert first.unchanged == 0 and first.texts_read == 1
    # Every page and the PDF were asked for with their ETag, and the server sent no body (304).
    assert sent == {path: resources[path].etag for path in resources}
    assert set(statuses_sent) == {304}
    assert again.unchanged == 4 and again.texts_read == 0 and again.texts_cached == 1
    # The stored copies stand in: same titles, texts, headings and links although no body came back.
    assert by_url(after) == by_url(before)
    assert [d.text for d in after.documents] == [d.text for d in before.documents]
    assert "Action Plan 2569" in after.documents[0].text
    assert after.documents[0].size == before.documents[0].size > 0
    # Links of reused pages are still followed and off-site ones still recorded.
    assert {p.url for p in after.pages} == {p.url for p in before.pages}
    assert [link.url for link in after.external] == ["https://www.facebook.com/obt.example"]


def test_changed_page_is_parsed_again() -> None:
    resources = site()
    with LocalServer(resources) as server:
        _, before = scan(server)
        fixed = "<h2>ทำเนียบผู้บริหาร</h2><p>นางสาวมาลี ศรีสุข นายกองค์การบริหารส่วนตำบล โทร 042-654321</p>"
        resources["/o2.html"].change(page(fixed, title="ผู้บริหาร 2569"))
        again, after = scan(server, previous=before)
    assert again.unchanged == 3  # the index, O1 and the PDF
    o2 = next(p for p in after.pages if p.url.endswith("/o2.html"))
    assert o2.title == "ผู้บริหาร 2569" and "มาลี ศรีสุข" in o2.text and "สมชาย" not in o2.text
    assert o2.etag == resources["/o2.html"].etag  # the new validator is kept for the next scan


def test_same_bytes_without_validators_are_reused() -> None:
    """A server that sends no ETag or Last-Modified: the content hash decides."""
    resources = site(validators="none")
    with LocalServer(resources) as server:
        _, before = scan(server)
        server.hits.clear()
        again, after = scan(server, previous=before)
        conditional = [h for h in server.hits if "if-none-match" in h.headers or "if-modified-since" in h.headers]
    assert conditional == []
    assert again.unchanged == 4 and again.texts_read == 0
    assert by_url(after) == by_url(before)


def test_304_without_a_stored_copy_is_fetched_again() -> None:
    """A server that answers 304 to a plain request (a broken cache in front of it): asked again without
    conditions, and read when it then sends the page."""
    routes = {"/": page('<a href="/news.html">ข่าวประชาสัมพันธ์</a>', title="หน้าหลัก"),
              "/news.html": [Reply(status=304, content_type=None), page("<p>ข่าวจัดซื้อจัดจ้าง 2569</p>")]}  # fmt: skip
    with LocalServer(routes) as server:
        result, sink = scan(server)
        assert server.count("/news.html") == 2
    news = next(p for p in sink.pages if p.url.endswith("/news.html"))
    assert news.error is None and "ข่าวจัดซื้อจัดจ้าง" in news.text
    assert result.unchanged == 0


def test_304_twice_without_a_stored_copy_is_an_error_not_an_empty_page() -> None:
    routes = {"/": page('<a href="/news.html">ข่าวประชาสัมพันธ์</a>', title="หน้าหลัก"),
              "/news.html": Reply(status=304, content_type=None)}  # fmt: skip
    with LocalServer(routes) as server:
        _, sink = scan(server)
    news = next(p for p in sink.pages if p.url.endswith("/news.html"))
    assert news.error is not None and "304" in news.error


def test_304_after_a_redirect_to_another_target_is_not_trusted() -> None:
    """/o1 redirected to /a.html last time and now to /b.html: a 304 from /b.html does not answer for /a.html."""
    shared = '"same-size-same-second"'  # nginx-style ETags of two files can collide

    def conditional(body: str):  # type: ignore[no-untyped-def]
        def reply(hit: Hit) -> Reply:
            if hit.headers.get("if-none-match") == shared:
                return Reply(status=304, content_type=None, headers={"ETag": shared})
            return Reply(body=page(body).payload(), content_type=HTML, headers={"ETag": shared})

        return reply

    target = {"now": "/a.html"}
    routes = {
        "/": page('<a href="/o1">O1 โครงสร้าง</a>', title="หน้าหลัก"),
        "/o1": lambda hit: Reply(status=302, headers={"Location": target["now"]}, content_type=None),
        "/a.html": conditional("<p>โครงสร้างเดิม 2568</p>"),
        "/b.html": conditional("<p>โครงสร้างใหม่ 2569</p>"),
    }
    with LocalServer(routes) as server:
        _, before = scan(server)
        target["now"] = "/b.html"
        _, after = scan(server, previous=before)
    o1 = next(p for p in after.pages if p.url.endswith("/o1"))
    assert o1.final_url.endswith("/b.html") and "โครงสร้างใหม่ 2569" in o1.text


# --- the revisit policy: pages unchanged for long are not asked for every night ------------------------------------
LONG_AGO = "Mon, 06 Nov 2023 03:00:00 GMT"  # the archive has not changed since (nginx sends the file's mtime)


def archive_site(last_modified: str | None = LONG_AGO) -> dict[str, Resource]:
    """Home -> a listing (depth 1) -> two old news pages (depth 2) -> an old PDF (depth 3), all with validators."""
    headers = {"Last-Modified": last_modified} if last_modified else {}
    replies = {
        "/": page('<a href="/news.html">ข่าวประชาสัมพันธ์</a>', title="อบต.ตัวอย่าง"),
        "/news.html": page('<a href="/news/1.html">ข่าว 1</a><a href="/news/2.html">ข่าว 2</a>', title="ข่าว"),
        "/news/1.html": page('<p>ประชุมสภา สมัยสามัญ 2566</p><a href="/docs/old.pdf">รายงานการประชุม</a>'),
        "/news/2.html": page("<p>กิจกรรมวันเด็กแห่งชาติ 2567</p>"),
        "/docs/old.pdf": pdf_reply(make_pdf(["Council minutes 2566"])),
    }
    for reply in replies.values():
        reply.headers.update(headers)
    return {path: Resource(reply) for path, reply in replies.items()}


def rescan(
    server: LocalServer, previous: MemorySink, always_ask: set[str] | None = None, **settings: object
) -> tuple[CrawlResult, MemorySink, set[str]]:
    server.hits.clear()
    sink = MemorySink(previous.text_cache, previous=previous)
    crawler = Crawler(fast_settings(**settings), sink, options=CrawlOptions(always_ask=frozenset(always_ask or ())))
    result = asyncio.run(crawler.run(server.url("/")))
    return result, sink, {h.path for h in server.hits if h.path != "/robots.txt"}


def test_pages_unchanged_for_long_are_carried_without_asking_and_the_menu_is_always_asked() -> None:
    with LocalServer(archive_site()) as server:
        _, before = scan(server)
        again, after, asked = rescan(server, before)
    assert asked == {"/", "/news.html"}  # the home page and what it links to: where new links appear
    assert again.not_asked == 3 and again.unchanged == 5
    assert by_url(after) == by_url(before)  # the stored copies stand in, links followed as before
    assert [d.text for d in after.documents] == [d.text for d in before.documents]
    old, new = ({p.url: p for p in sink.pages} for sink in (before, after))
    carried = server.url("/news/1.html")
    assert new[carried].verified_at == old[carried].verified_at  # not asked, so not verified again
    assert new[carried].changed_at == old[carried].changed_at
    home = server.url("/")
    assert new[home].verified_at > old[home].verified_at and new[home].changed_at == old[home].changed_at


def test_evidence_and_full_scans_are_always_asked() -> None:
    with LocalServer(archive_site()) as server:
        _, before = scan(server)
        _, _, asked = rescan(server, before, always_ask={server.url("/news/2.html")})
        _, _, asked_full = rescan(server, before, revisit_max_days=0.0)
        _, _, asked_deeper = rescan(server, before, revisit_depth=2)
    assert asked == {"/", "/news.html", "/news/2.html"}
    assert asked_full == set(archive_site())
    assert asked_deeper == {"/", "/news.html", "/news/1.html", "/news/2.html"}


def test_a_page_first_seen_just_now_is_asked_again() -> None:
    """Without a Last-Modified in the past, the first scan is all oit knows: unchanged for seconds, fresh for none."""
    with LocalServer(archive_site(last_modified=None)) as server:
        _, before = scan(server)
        again, _, asked = rescan(server, before)
    assert asked == set(archive_site()) and again.not_asked == 0


def known(verified: datetime | None, changed: datetime | None, last_modified: str | None = None) -> Known:
    return Known(url="https://www.example.go.th/news/1.html", kind="page", final_url="https://www.example.go.th/news/1.html",
                 status=200, content_type="text/html", content_hash="x", last_modified=last_modified,
                 verified_at=verified, changed_at=changed)  # fmt: skip


NIGHT = datetime(2026, 12, 3, 19, 0)


def test_fresh_for_a_tenth_of_the_unchanged_time_at_most_max_days() -> None:
    checked = NIGHT - timedelta(days=1)
    assert fresh(known(checked, checked - timedelta(days=20)), NIGHT, 7)  # unchanged 20 days: fresh for 2
    assert not fresh(known(checked, checked - timedelta(days=5)), NIGHT, 7)  # unchanged 5 days: fresh for 12 h
    assert not fresh(known(NIGHT - timedelta(days=8), checked - timedelta(days=900)), NIGHT, 7)  # checked 8 days ago
    assert fresh(known(NIGHT - timedelta(days=6), checked - timedelta(days=900)), NIGHT, 7)
    assert not fresh(known(checked, checked - timedelta(days=900)), NIGHT, 0)  # 0: always ask


def test_the_servers_last_modified_counts_when_earlier() -> None:
    checked = NIGHT - timedelta(hours=20)
    assert fresh(known(checked, checked, "Mon, 06 Nov 2023 03:00:00 GMT"), NIGHT, 7)
    assert not fresh(known(checked, checked, "Thu, 03 Dec 2026 10:00:00 GMT"), NIGHT, 7)  # modified today
    assert not fresh(known(checked, checked, "not a date"), NIGHT, 7)
    assert not fresh(known(None, None, "Mon, 06 Nov 2023 03:00:00 GMT"), NIGHT, 7)  # never verified (old database)
    assert not fresh(known(NIGHT + timedelta(hours=1), checked - timedelta(days=900)), NIGHT, 7)  # clock went back
