"""Storage: pages stream in batches; links are de-duplicated; a failed scan leaves finished ones intact.

The tests that take `database_url` run on SQLite and on a real PostgreSQL (tests/oit/store/conftest.py); those that
read the SQLite file itself (its pragmas, its stored bytes, its schema) on SQLite."""

import json
import sqlite3
import zlib
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import event, func, select

import oit.store.database
from crawler.documents import DocumentText
from crawler.models import Document, Link, Page
from oit.store.database import (
    BATCH_SIZE,
    DOCUMENT_TEXTS,
    LEASES,
    LINKS,
    PAGE_SIZE,
    PAGES,
    SCANS,
    WAL_CHECKPOINT_BYTES,
    ScanStore,
    StoredSite,
    mark_crashed,
    open_engine,
    pack_links,
    unpack_links,
)

MENU = [Link(url=f"http://t.go.th/m{i}.html", text=f"เมนู {i}") for i in range(100)]


def page(n: int) -> Page:
    html = f"<html><title>หน้า {n}</title><body>ข่าวประชาสัมพันธ์ อบต. ฉบับที่ {n}</body></html>"
    return Page(
        url=f"http://t.go.th/p{n}.html",
        final_url=f"http://t.go.th/p{n}.html",
        status=200,
        title=f"หน้า {n}",
        text=f"ข่าวประชาสัมพันธ์ อบต. ฉบับที่ {n}",
        html=html,
        links=MENU,
    )


def test_pages_documents_and_links_round_trip(database_url):
    engine = open_engine(database_url)
    store = ScanStore(engine, "http://t.go.th/", "อบต.ทดสอบ", 2569, date(2026, 5, 15))
    for n in range(120):  # more than one batch
        store.add_page(page(n))
    store.add_document(
        Document(
            url="http://t.go.th/a.pdf",
            final_url="http://t.go.th/a.pdf",
            text="ราคากลาง",
            link_texts=["สขร.1 ตุลาคม 2568"],
        )
    )
    store.add_external(Link(url="https://www.facebook.com/x", text="Facebook", external=True), "http://t.go.th/")
    store.finish("{}", [], 120, 1, 0, 1.0)

    site = StoredSite(engine, store.scan_id, "http://t.go.th/")
    assert len(site.page_summaries()) == 120
    stored = site.page("http://t.go.th/p7.html")
    assert stored is not None and "ฉบับที่ 7" in stored.html  # compressed HTML comes back intact
    assert site.document("http://t.go.th/a.pdf").link_texts == ["สขร.1 ตุลาคม 2568"]
    assert site.pages_containing("ฉบับที่ 99") == ["http://t.go.th/p99.html"]
    with engine.connect() as conn:
        # The 100-link menu on 120 pages is stored once, plus the external link.
        assert conn.scalar(select(func.count()).select_from(LINKS)) == 101
        assert conn.scalar(select(SCANS.c.state)) == "done"


def test_failed_scan_does_not_touch_finished_scans(tmp_path):
    path = tmp_path / "db.sqlite"
    engine = open_engine(f"sqlite:///{path}")
    first = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    first.add_page(page(1))
    first.finish('{"ok": 1}', [{"code": "O1", "status": "pass"}], 1, 0, 0, 0.1)

    second = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 16))
    second.add_page(page(2))
    second.fail("เชื่อมต่อไม่ได้")

    # Read with plain sqlite3: what another tool would see.
    rows = sqlite3.connect(path).execute("select id, state, result_json from scans order by id").fetchall()
    assert rows[0][1:] == ("done", '{"ok": 1}')
    assert rows[1][1] == "failed"
    with engine.connect() as conn:
        urls = conn.scalars(select(PAGES.c.url).where(PAGES.c.scan_id == first.scan_id)).all()
    assert urls == ["http://t.go.th/p1.html"]


def test_interrupted_scan_keeps_committed_batches(database_url):
    """A process that dies mid-scan leaves a 'running' scan with its committed batches, nothing half-done."""
    engine = open_engine(database_url)
    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    for n in range(BATCH_SIZE * 3 + 10):
        store.add_page(page(n))  # three batches flushed, 10 pages still in memory
    engine.dispose()  # the "crash": the buffer is lost, no finish() or fail()

    reopened = open_engine(database_url)
    with reopened.connect() as conn:
        assert conn.scalar(select(SCANS.c.state)) == "running"
        assert conn.scalar(select(func.count()).select_from(PAGES)) == BATCH_SIZE * 3


def test_redirect_alias_and_final_url_lead_to_the_stored_page(database_url):
    """An ITA index often links /index.php?id=5 which redirects to a page crawled under its own URL."""
    engine = open_engine(database_url)
    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    store.add_page(page(5))
    store.add_page(Page(url="http://t.go.th/index.php?id=5", final_url="http://t.go.th/p5.html", status=301))
    redirected = page(6).model_copy(update={"url": "http://t.go.th/old6", "final_url": "http://t.go.th/p6.html"})
    store.add_page(redirected)
    store.flush()
    site = StoredSite(engine, store.scan_id, "http://t.go.th/")
    assert site.page("http://t.go.th/index.php?id=5").title == "หน้า 5"  # alias followed
    assert site.page("http://t.go.th/p6.html").title == "หน้า 6"  # found by its final URL
    assert site.page("http://t.go.th/nope") is None


def test_document_carries_every_label_it_was_linked_with(database_url):
    """The home page links a PDF as "ดาวน์โหลด"; the ITA page links it as "O20 ประกาศ … 2569": both count."""
    engine = open_engine(database_url)
    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    pdf = "http://t.go.th/f/a.pdf"
    home = page(1).model_copy(update={"links": [Link(url=pdf, text="ดาวน์โหลด")]})
    ita = page(2).model_copy(update={"links": [Link(url=pdf, text="O20 ประกาศเจตนารมณ์ 2569")]})
    store.add_page(home)
    store.add_page(ita)
    store.add_document(Document(url=pdf, final_url=pdf, text="ประกาศ", link_texts=["ดาวน์โหลด"]))
    store.flush()
    labels = StoredSite(engine, store.scan_id, "http://t.go.th/").document(pdf).link_texts
    assert labels == ["ดาวน์โหลด", "O20 ประกาศเจตนารมณ์ 2569"]


def test_ocr_facts_of_a_document_survive_storage(database_url):
    """The rules must know, after the scan is stored, that a document's digits came from OCR."""
    engine = open_engine(database_url)
    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    pdf = "http://t.go.th/f/scan.pdf"
    store.add_document(Document(url=pdf, final_url=pdf, text="ประกาศ", ocr_pages=2, method="ocr", quality=0.91,
                                ocr_digits_untrusted=True))  # fmt: skip
    store.flush()
    stored = StoredSite(engine, store.scan_id, "http://t.go.th/").document(pdf)
    assert (stored.ocr_pages, stored.method, stored.quality, stored.ocr_digits_untrusted) == (2, "ocr", 0.91, True)


def test_a_database_from_an_earlier_version_is_brought_up_to_date(tmp_path):
    """A user's scan history survives an upgrade that adds columns: old rows stay, new scans write."""
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.executescript("""
        CREATE TABLE sites (id INTEGER PRIMARY KEY, url VARCHAR(2000) UNIQUE, name VARCHAR(500));
        CREATE TABLE documents (id INTEGER PRIMARY KEY, scan_id INTEGER, url VARCHAR(2000),
            final_url VARCHAR(2000), status INTEGER, content_type VARCHAR(200), size INTEGER,
            content_hash VARCHAR(64), text TEXT, pages INTEGER, extractor VARCHAR(50), error TEXT,
            referrers JSON, link_texts JSON);
        INSERT INTO sites (url, name) VALUES ('http://t.go.th/', 'อบต.ทดสอบ');
        INSERT INTO documents (scan_id, url, final_url, text, referrers, link_texts)
            VALUES (1, 'http://t.go.th/old.pdf', 'http://t.go.th/old.pdf', 'ราคากลาง', '[]', '[]');
    """)  # fmt: skip
    old.commit()
    old.close()

    engine = open_engine(f"sqlite:///{path}")
    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    store.add_document(Document(url="http://t.go.th/new.pdf", final_url="http://t.go.th/new.pdf", ocr_pages=2))
    store.flush()
    db = sqlite3.connect(path)
    assert db.execute("select ocr_pages from documents where url like '%old.pdf'").fetchone() == (0,)
    assert db.execute("select ocr_pages from documents where url like '%new.pdf'").fetchone() == (2,)
    assert db.execute("select name from sites").fetchone() == ("อบต.ทดสอบ",)


SCHEMA_2026_12 = Path(__file__).parents[2] / "fixtures" / "schema" / "oit-2026-12.sqlite.sql"


def schema_of(db: sqlite3.Connection) -> dict[str, str]:
    """Every table's and index's CREATE statement, whitespace folded, by name; not Alembic's own version table
    (tests/oit/store/test_migrations.py checks that one)."""
    rows = db.execute("select name, sql from sqlite_master where sql is not null and name != 'alembic_version'")
    return {name: " ".join(sql.split()) for name, sql in rows}


def columns_of(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"pragma table_info({table})")]


# What the schema gained after oit 2026-12, each with its Alembic revision (oit/store/migrations/versions/).
ADDED_COLUMNS = {
    "links": ["nav"],  # 0001: a link's menu flag
    "alert_messages": ["claimed_until"],  # 0002: an alert delivered once
    "scans": ["owner_ns", "lease_until"],  # 0003: a running scan's lease
}
ADDED_TABLES = {"fleet_runs", "ix_fleet_runs_host"}  # 0002: the fleet's nightly ledger and its index


def test_a_new_database_has_the_schema_earlier_versions_created(tmp_path):
    """The tables are SQLAlchemy Core now (the scan process does not load the ORM), but a new file gets exactly
    the tables, columns, constraints and indexes that the ORM models of oit 2026-12 created, and since then only
    what the revisions added (ADDED_COLUMNS, ADDED_TABLES)."""
    open_engine(f"sqlite:///{tmp_path / 'new.sqlite'}").dispose()
    earlier = sqlite3.connect(":memory:")
    earlier.executescript(SCHEMA_2026_12.read_text(encoding="utf-8"))
    new = sqlite3.connect(tmp_path / "new.sqlite")
    changed = set(ADDED_COLUMNS) | ADDED_TABLES
    assert {k: v for k, v in schema_of(new).items() if k not in changed} == {
        k: v for k, v in schema_of(earlier).items() if k not in changed
    }
    assert set(schema_of(new)) >= ADDED_TABLES
    for table, added in ADDED_COLUMNS.items():
        assert columns_of(new, table) == [*columns_of(earlier, table), *added]


def test_a_database_of_oit_2026_12_gains_the_menu_flag_and_works(tmp_path):
    """A user's database made by the ORM-era oit: on open only the links' menu flag is added (its old links are
    not in the menu), and a scan writes and reads it back."""
    path = tmp_path / "users.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(SCHEMA_2026_12.read_text(encoding="utf-8"))
        db.execute("INSERT INTO links (scan_id, from_url, url, label, source, external)"
                   " VALUES (1, 'http://t.go.th/', 'http://t.go.th/ita.html', 'ITA 2567', 'a', 0)")  # fmt: skip
        before = schema_of(db)
    engine = open_engine(f"sqlite:///{path}")
    assert [(link.url, link.nav) for link in StoredSite(engine, 1, "http://t.go.th/").iter_links()] == [
        ("http://t.go.th/ita.html", False)
    ]
    store = finished_scan(engine, [page(1)])
    assert StoredSite(engine, store.scan_id, "http://t.go.th/").page(page(1).url).title == page(1).title
    after = sqlite3.connect(path)
    changed = set(ADDED_COLUMNS) | ADDED_TABLES
    assert {k: v for k, v in schema_of(after).items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed
    }
    assert columns_of(after, "links")[-1] == "nav"


def test_links_keep_their_menu_flag_in_the_store(database_url):
    """Discovery ranks a menu entry above a news item's link of the same words (rules/discovery.py): a scan judged
    from SQLite must know which links were in the menu, as the same site judged from memory does."""
    menu = [Link(url="http://t.go.th/ita.html", text="ITA 2569", nav=True),
            Link(url="http://t.go.th/contact.html", text="ติดต่อเรา", nav=True)]  # fmt: skip
    news = [
        Link(url="http://t.go.th/ita.html", text="ITA 2569 ประกาศผล"),
        Link(url="http://t.go.th/n1.html", text="ข่าว"),
    ]
    engine = open_engine(database_url)
    store = finished_scan(engine, [page(1).model_copy(update={"links": menu + news})])
    site = StoredSite(engine, store.scan_id, "http://t.go.th/")
    assert [(link.label, link.nav) for link in site.iter_links()] == [
        ("ITA 2569", True), ("ติดต่อเรา", True), ("ITA 2569 ประกาศผล", False), ("ข่าว", False)
    ]  # fmt: skip
    assert [link.nav for link in site.links()] == [True, True, False, False]


# --- fast re-scans: the previous scan as the crawler's memory ----------------------------------------------


def finished_scan(engine, pages: list[Page], documents: list[Document] = (), state: str = "done") -> ScanStore:  # type: ignore[no-untyped-def]
    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    for p in pages:
        store.add_page(p)
    for d in documents:
        store.add_document(d)
    if state == "done":
        store.finish("{}", [], len(pages), len(documents), 0, 1.0)
    else:
        store.flush()
        store.fail("เชื่อมต่อไม่ได้")
    return store


def test_known_urls_come_from_the_latest_finished_scan(database_url):
    engine = open_engine(database_url)
    pdf = "http://t.go.th/plan-2569.pdf"
    first = page(1).model_copy(update={"etag": '"a1"', "last_modified": "Wed, 13 May 2026 02:00:00 GMT",
                                       "content_hash": "h1"})  # fmt: skip
    document = Document(url=pdf, final_url=pdf, content_hash="d1", text="แผนดำเนินงาน 2569", size=2048, etag='"d"')
    done = finished_scan(engine, [first], [document])
    done.remember_text("d1", DocumentText(text="แผนดำเนินงาน 2569", pages=1, extractor="pdftotext"))
    finished_scan(engine, [page(2).model_copy(update={"content_hash": "h2"})], state="failed")

    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 16))
    assert store.previous_scan_id == done.scan_id  # the failed scan in between is not used
    known = store.known(first.url)
    assert (known.kind, known.etag, known.last_modified, known.content_hash) == ("page", '"a1"', first.last_modified,
                                                                                "h1")  # fmt: skip
    assert store.known(page(2).url) is None
    assert (store.known(pdf).kind, store.known(pdf).size) == ("document", 2048)
    assert [link.url for link in store.stored_links(known)] == [link.url for link in MENU]


def test_a_document_read_by_an_older_reader_is_not_reused(database_url):
    engine = open_engine(database_url)
    pdf = "http://t.go.th/plan-2569.pdf"
    done = finished_scan(engine, [], [Document(url=pdf, final_url=pdf, content_hash="d1", text="แผน")])
    done.remember_text("d1", DocumentText(text="แผน", pages=1))
    with engine.begin() as conn:
        conn.execute(DOCUMENT_TEXTS.update().values(version="v0 pdftotext=0 ocr=0"))
    assert ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 16)).known(pdf) is None


def test_an_unchanged_page_is_copied_under_its_fresh_fetch_facts(database_url):
    engine = open_engine(database_url)
    stored = page(7).model_copy(update={"content_hash": "h7", "etag": '"old"', "depth": 3})
    finished_scan(engine, [stored])
    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 16))
    known = store.known(stored.url)
    fresh = Page(url=stored.url, final_url=stored.url, status=200, depth=1, content_hash="h7", etag='"new"',
                 links=store.stored_links(known))  # fmt: skip
    store.reuse_page(fresh, known)
    store.finish("{}", [], 1, 0, 0, 0.1, unchanged=1)

    site = StoredSite(engine, store.scan_id, "http://t.go.th/")
    again = site.page(stored.url)
    assert (again.title, again.text, again.html) == (stored.title, stored.text, stored.html)
    assert (again.depth, again.etag) == (1, '"new"')
    assert len(site.links()) == len(MENU)  # its links belong to the new scan too
    with engine.connect() as conn:
        assert conn.scalar(select(SCANS.c.unchanged).where(SCANS.c.id == store.scan_id)) == 1


def test_links_are_packed_compactly_and_unpacked_as_shared_objects():
    links = [*MENU, Link(url="https://www.facebook.com/x", text="Facebook", external=True, nav=True, source="a")]
    interned: dict = {}
    first, second = unpack_links(pack_links(links), interned), unpack_links(pack_links(links), interned)
    assert [link.model_dump() for link in first] == [link.model_dump() for link in links]
    assert all(a is b for a, b in zip(first, second, strict=True))  # the site menu is built once
    assert len(pack_links(links)) < len(json.dumps([link.model_dump() for link in links])) / 4


def test_links_stored_one_per_line_survive_newlines_and_are_parsed_once():
    odd = Link(url="http://t.go.th/a.html", text="ประกาศ\nบรรทัดสอง", title='ชื่อ "ยาว"', source="a", nav=False)
    links = [*MENU, odd]
    blob = pack_links(links)
    assert zlib.decompress(blob).decode("utf-8").count("\n") == len(links) - 1  # JSON escapes the label's newline
    interned: dict = {}
    first = unpack_links(blob, interned)
    assert [link.model_dump() for link in first] == [link.model_dump() for link in links]
    assert len(interned) == len(links)
    again = unpack_links(pack_links([odd, MENU[3]]), interned)  # another page: the same objects, nothing new
    assert again[0] is first[-1] and again[1] is first[3] and len(interned) == len(links)


def test_links_stored_before_the_line_format_are_still_read():
    """Scans stored by an earlier oit hold one JSON array of arrays: the first re-scan after an upgrade reads it."""
    rows = [[link.url, link.text, link.title, link.img_alt, link.source, link.external, link.nav] for link in MENU]
    legacy = zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 3)
    interned: dict = {}
    old = unpack_links(legacy, interned)
    assert [link.model_dump() for link in old] == [link.model_dump() for link in MENU]
    assert unpack_links(legacy, interned)[5] is old[5]
    assert unpack_links(zlib.compress(b"[]")) == []


def test_stored_links_come_with_the_previous_scan_and_again_from_the_database(database_url):
    """The links are read with the previous scan's URLs in one query; asked again, the database answers."""
    engine = open_engine(database_url)
    finished_scan(engine, [page(n).model_copy(update={"content_hash": f"h{n}"}) for n in range(3)])
    store = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 16))
    known = store.known(page(1).url)
    first = store.stored_links(known)
    assert [link.url for link in first] == [link.url for link in MENU]
    assert [link.url for link in store.stored_links(known)] == [link.url for link in MENU]
    assert store.stored_links(known)[0] is first[0]  # the same interned link either way


def test_recheck_copies_what_it_did_not_fetch(database_url):
    engine = open_engine(database_url)
    pdf = "http://t.go.th/a.pdf"
    old_o10 = page(10).model_copy(update={"links": [Link(url="http://t.go.th/removed.pdf", text="ลิงก์เก่า")]})
    base = finished_scan(engine, [page(1), old_o10], [Document(url=pdf, final_url=pdf, text="ราคากลาง")])
    recheck = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 16), kind="recheck",
                        based_on=base.scan_id)  # fmt: skip
    fixed = page(10).model_copy(update={"text": "วิธีการใช้งาน E-Service", "links": []})
    recheck.add_page(fixed)
    recheck.copy_rest_from(base.scan_id)
    site = StoredSite(engine, recheck.scan_id, "http://t.go.th/")
    assert site.page(page(1).url).text == page(1).text  # copied
    assert site.page(fixed.url).text == "วิธีการใช้งาน E-Service"  # fetched again: not overwritten
    assert site.document(pdf).text == "ราคากลาง"
    urls = {link.url for link in site.links()}
    assert "http://t.go.th/removed.pdf" not in urls and {link.url for link in MENU} <= urls
    with engine.connect() as conn:
        row = conn.execute(select(SCANS).where(SCANS.c.id == recheck.scan_id)).one()
        assert (row.kind, row.based_on) == ("recheck", base.scan_id)


def test_running_scans_of_an_older_oit_are_judged_by_age(database_url):
    """Rows without an owner or a lease (written before either was recorded): crashed only when clearly stale."""
    engine = open_engine(database_url)
    stale = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    recent = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    LEASES.release(stale.scan_id)
    LEASES.release(recent.scan_id)
    with engine.begin() as conn:
        table = SCANS
        conn.execute(table.update().values(owner_pid=None, owner_host=None, owner_ns=None, lease_until=None))
        conn.execute(table.update().where(table.c.id == stale.scan_id).values(started_at=datetime(2026, 1, 1)))
    assert mark_crashed(engine) == [stale.scan_id]
    with engine.connect() as conn:
        assert conn.scalar(select(SCANS.c.state).where(SCANS.c.id == recent.scan_id)) == "running"


def test_the_write_ahead_log_is_checkpointed_in_large_steps(tmp_path):
    """A scan writes tens of MB: checkpointing every 4 MB (SQLite's default) syncs the file a dozen times per scan."""
    engine = open_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        pages = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        assert pages * conn.exec_driver_sql("PRAGMA page_size").scalar() == WAL_CHECKPOINT_BYTES > 4 * 2**20 * 10
        assert conn.exec_driver_sql("PRAGMA journal_size_limit").scalar() == WAL_CHECKPOINT_BYTES


def test_a_new_database_has_large_pages_and_an_old_one_keeps_its_own(tmp_path):
    """New files get PAGE_SIZE (a stored page spans fewer overflow pages); a file made with 4 kB pages is opened
    as it is, its log checkpointed after the same number of bytes."""
    engine = open_engine(f"sqlite:///{tmp_path / 'new.sqlite'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA page_size").scalar() == PAGE_SIZE == 8192
    engine.dispose()
    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as made_before:
        made_before.execute("PRAGMA page_size=4096")
        made_before.execute("PRAGMA journal_mode=WAL")
        made_before.execute("CREATE TABLE notes (text TEXT)")
    made_before.close()
    engine = open_engine(f"sqlite:///{old}")
    store = ScanStore(engine, "http://t.go.th/", "เทศบาลตำบลทดสอบ", 2569, date(2026, 5, 15))
    store.add_page(
        Page(url="http://t.go.th/", final_url="http://t.go.th/", status=200, title="หน้าแรก", html="<p>ก</p>")
    )
    store.flush()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA page_size").scalar() == 4096
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == WAL_CHECKPOINT_BYTES // 4096
        assert conn.exec_driver_sql("SELECT title FROM pages").scalar() == "หน้าแรก"
    engine.dispose()


def test_processes_opening_a_new_database_at_once_all_get_it(tmp_path):
    """A cron scan and a user's scan start together on a database file that does not exist yet: each finds no
    tables and creates them; the losers of that race used to stop with "table sites already exists"."""
    import threading

    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    start = threading.Barrier(6)
    errors: list[Exception] = []

    def open_it() -> None:
        start.wait()
        try:
            open_engine(url).dispose()
        except Exception as exc:  # collected and shown by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sqlite3.connect(tmp_path / "new.sqlite") as db:
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
        assert db.execute("select count(*) from sqlite_master where name = 'scans'").fetchone() == (1,)


def test_a_menu_shared_by_every_page_is_keyed_once_and_stored_once(database_url, monkeypatch):
    """The crawl hands every page of a municipal site the same Link objects for its 100-link menu
    (crawler.parse.LinkMemo): after the second page of each batch, the store passes them over without computing
    their keys again. Equal links in other objects (a re-parsed page, a rendered one) are still stored once, and a news
    page's own links are stored with the first page that showed them."""
    keyed = []
    real_key = oit.store.database._link_key
    monkeypatch.setattr(oit.store.database, "_link_key", lambda url, label: keyed.append(url) or real_key(url, label))
    engine = open_engine(database_url)
    store = ScanStore(engine, "http://t.go.th/", "อบต.ทดสอบ", 2569, date(2026, 5, 15))
    copies = [Link(url=link.url, text=link.text) for link in MENU]  # equal to the menu, not the same objects
    for n in range(60):
        own = Link(url=f"http://t.go.th/news{n}.html", text=f"ข่าวฉบับที่ {n}")
        links = [*(copies if n == 30 else MENU), own]
        store.add_page(page(n).model_copy(update={"links": links}))
    store.finish("{}", [], 60, 0, 0, 1.0)
    # The menu on the first two pages, once more in each later batch, its copies once, each news link once.
    assert len(keyed) == 2 * 100 + (60 // BATCH_SIZE - 1) * 100 + 100 + 60
    with engine.connect() as conn:
        rows = conn.execute(select(LINKS.c.url, LINKS.c.from_url)).all()
    assert len(rows) == 100 + 60
    assert ("http://t.go.th/news7.html", "http://t.go.th/p7.html") in rows
    assert {from_url for url, from_url in rows if "/m" in url} == {"http://t.go.th/p0.html"}


def _stored_rows(path: Path, table: str) -> list[tuple]:
    """Every value of the table's rows as SQLite holds it, with its storage class (text, integer, blob, null)."""
    with sqlite3.connect(path) as conn:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] != "id"]
        typed = ", ".join(f"{c}, typeof({c})" for c in columns)
        return conn.execute(f"SELECT {typed} FROM {table} ORDER BY id").fetchall()


def test_pages_and_links_are_stored_as_sqlalchemy_binds_them(tmp_path):
    """The crawl's rows go to the driver as tuples (_insert_rows): each value must be stored exactly as
    SQLAlchemy's own INSERT stores it: the headings' JSON (Thai unescaped or not), the stamps' text, the
    compressed HTML as a blob, the flags as integers, NULLs as NULL."""
    stamp = datetime(2026, 5, 15, 7, 30, 12, 345678)
    pages = [
        page(1).model_copy(update={"headings": ["ประกาศ อบต.", 'ราคา "กลาง"'], "verified_at": stamp,
                                   "changed_at": stamp, "etag": 'W/"5e1"', "tls_error": True, "depth": 2}),
        Page(url="http://t.go.th/gone.html", final_url="http://t.go.th/gone.html", status=404, error="ไม่พบหน้า / 404"),
        page(2).model_copy(update={"links": [*MENU[:3], Link(url="https://fb.com/x", text="เฟซบุ๊ก", external=True)]}),
    ]  # fmt: skip
    ours = tmp_path / "ours.sqlite"
    store = ScanStore(open_engine(f"sqlite:///{ours}"), "http://t.go.th/", None, 2569, date(2026, 5, 15))
    for p in pages:
        store.add_page(p)
    store.flush()

    theirs = tmp_path / "theirs.sqlite"
    engine = open_engine(f"sqlite:///{theirs}")
    reference = ScanStore(engine, "http://t.go.th/", None, 2569, date(2026, 5, 15))
    rows, links, seen = [], [], set()
    for p in pages:
        row = p.model_dump(exclude={"links", "images", "html"})
        row["html_z"] = zlib.compress(p.html.encode("utf-8"), 3) if p.html else None
        row["links_z"] = pack_links(p.links) if p.links else None
        rows.append({**row, "scan_id": reference.scan_id})
        for link in p.links:
            if (link.url, link.label) not in seen:
                seen.add((link.url, link.label))
                links.append({"scan_id": reference.scan_id, "from_url": p.url, "url": link.url, "label": link.label,
                              "source": link.source, "external": link.external, "nav": link.nav})  # fmt: skip
    with engine.begin() as conn:
        conn.execute(PAGES.insert(), rows)
        conn.execute(LINKS.insert(), links)

    assert _stored_rows(ours, "pages") == _stored_rows(theirs, "pages")
    assert _stored_rows(ours, "links") == _stored_rows(theirs, "links")
    assert len(_stored_rows(ours, "links")) == 101  # the menu and the off-site link, each once


def test_a_new_site_made_by_another_scan_between_look_and_insert(tmp_path):
    """Two scans of a new site starting together (two processes): both look for the site's row and find none; the
    other process inserts it first. The second insert must do nothing and both scans use the one row (a plain
    INSERT failed on the unique URL: the fault matrix's concurrent-scans case, seen in CI)."""
    db = tmp_path / "db.sqlite"
    engine = open_engine(f"sqlite:///{db}")
    url, looked = "http://t.go.th/", []

    def other_process_inserts(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.startswith("SELECT sites.id") and not looked:
            looked.append(statement)
            with sqlite3.connect(db) as other:  # its own connection, as another process would
                other.execute("INSERT INTO sites (url, name) VALUES (?, ?)", (url, "อบต.ทดสอบ"))

    event.listen(engine, "after_cursor_execute", other_process_inserts)
    store = ScanStore(engine, url, None, 2569, date(2026, 5, 15))
    event.remove(engine, "after_cursor_execute", other_process_inserts)
    second = ScanStore(engine, url, None, 2569, date(2026, 5, 15))
    assert looked
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT id, url, name FROM sites").fetchall() == [(1, url, "อบต.ทดสอบ")]
        owners = conn.execute("SELECT site_id FROM scans WHERE id IN (?, ?)", (store.scan_id, second.scan_id))
        assert [row[0] for row in owners] == [1, 1]


def test_a_long_url_and_a_long_header_are_stored_as_they_came(database_url):
    """A municipal CMS links a search result with a 2,500-character query string and one server sends a long
    Content-Type: SQLite never enforced VARCHAR(2000), and PostgreSQL, which would refuse the row and the rest of its
    batch, keeps such columns as TEXT."""
    engine = open_engine(database_url)
    long_url = "http://t.go.th/search.php?" + "&".join(f"q{n}=ประกาศจัดซื้อจัดจ้าง" for n in range(120))
    assert len(long_url) > 2000
    odd = page(3).model_copy(update={"url": long_url, "final_url": long_url, "content_type": "text/html; " + "x" * 300,
                                     "links": [Link(url=long_url, text="ค้นหา")]})  # fmt: skip
    store = finished_scan(engine, [odd])
    site = StoredSite(engine, store.scan_id, "http://t.go.th/")
    stored = site.page(long_url)
    assert stored is not None and stored.content_type == odd.content_type
    assert [link.url for link in site.links()] == [long_url]


def test_text_with_nul_characters_is_stored(database_url):
    """A page whose UTF-16 charset was misread, a PDF text layer with NUL padding: PostgreSQL refuses NUL in text (the
    whole batch failed with it); the words around them are stored on either database."""
    engine = open_engine(database_url)
    pdf = "http://t.go.th/f/plan.pdf"
    odd = page(4).model_copy(update={"title": "แผน\x00ดำเนินงาน", "text": "ประกาศ\x00\x00ราคากลาง"})
    store = finished_scan(engine, [odd], [Document(url=pdf, final_url=pdf, text="แผนพัฒนาท้องถิ่น\x00 2569")])
    site = StoredSite(engine, store.scan_id, "http://t.go.th/")
    stored = site.page(odd.url)
    assert (stored.title.replace("\x00", ""), stored.text.replace("\x00", "")) == ("แผนดำเนินงาน", "ประกาศราคากลาง")
    assert site.document(pdf).text.replace("\x00", "") == "แผนพัฒนาท้องถิ่น 2569"
