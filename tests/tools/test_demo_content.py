"""The demo site's content data (tools/demosite/content) loads and validates, expected.toml is derived from it,
and the committed oit/demo/site is what the generator makes of it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tools.demosite.expected import render_expected
from tools.demosite.model import CONTENT_DIR, ITEM_CODES, load
from tools.demosite.page import Page, fill

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "oit" / "demo"


def test_content_loads_with_every_item_and_seven_planted_gaps() -> None:
    c = load()
    assert list(c.items.items) == ITEM_CODES
    assert sorted(p.item for p in c.planted()) == sorted(["O3", "O7", "O10", "O11", "O12", "O20", "O26"])
    assert len(c.news) == 11 and len(c.agency.villages) == 12
    assert c.agency.executive("palad").position.startswith("ปลัด")
    assert len(c.documents) == 25 and all(d.blocks for d in c.documents)


def test_planted_document_gaps_sit_in_the_document_they_alter() -> None:
    """O7, O12 and O26 are declared in the file of the PDF whose content carries the gap, and that content agrees."""
    c = load()
    by_item = {d.planted.item: d for d in c.documents if d.planted}
    assert sorted(by_item) == ["O12", "O26", "O7"]
    annual = [b for b in by_item["O7"].blocks if b.table]
    assert annual and not any("ระยะเวลา" in h for b in annual for h in b.table or [])  # no project period column
    assert not any("เลขประจำตัวผู้เสียภาษี" in h for b in by_item["O12"].blocks for h in b.table or [])
    titles = " ".join(b.center or "" for b in by_item["O26"].blocks)
    assert "๒๕๖๗" in titles and "๒๕๖๘" not in titles


def test_planted_contact_gap_sits_in_the_contact_page_it_alters() -> None:
    """O3 is declared in the contact page's own file, and that page's Q&A section offers an e-mail address only."""
    contact = next(p for p in load().pages if p.planted and p.planted.item == "O3")
    assert contact.path == "contact.html"
    qa = contact.body.split('id="qa"', 1)[1]
    assert "mailto:" in qa and not any(w in qa.lower() for w in ("<form", "<textarea", "line", "chat", "webboard"))


def test_a_page_body_is_filled_from_the_agency_its_lists_and_the_given_values() -> None:
    c = load()
    page = Page(
        path="ita/x.html",
        title="t",
        body="<p>{org} {ex[palad].name}</p><ol>{li[duties]}</ol>{rows}[[docs/a.pdf|ก]] [[https://www.nacc.go.th|ป.ป.ช.]]",
        lists={"duties": ["หนึ่ง", "สอง"]},
    )
    html = fill(page, c.agency, {"rows": "<tr></tr>"})
    assert html == (
        f"<p>{c.agency.org} {c.agency.executive('palad').name}</p><ol><li>หนึ่ง</li><li>สอง</li></ol><tr></tr>"
        '<a href="../docs/a.pdf" class="pdf">ก</a> '
        '<a href="https://www.nacc.go.th" target="_blank" rel="noopener">ป.ป.ช.</a>'
    )
    with pytest.raises(KeyError, match="rows"):  # a fragment the body names but the generator does not give
        fill(page, c.agency, {})


def test_the_invitations_share_their_qualifications_from_one_part() -> None:
    invites = [d for d in load().documents if "/invite-" in d.path]
    lists = [[b.bullets for b in d.blocks if b.bullets] for d in invites]
    assert len(invites) == 2 and lists[0] == lists[1] and len(lists[0][0]) == 5


def test_committed_expected_toml_is_rendered_from_the_data() -> None:
    assert (DEMO / "expected.toml").read_text(encoding="utf-8") == render_expected(load())


def test_an_item_is_a_gap_exactly_when_a_planted_entry_names_it() -> None:
    expected = tomllib.loads(render_expected(load()))
    planted = {p.item: p for p in load().planted()}
    for code, item in expected["items"].items():
        assert item["status"] == ("gap" if code in planted else "pass")
        if code in planted:
            assert item["gaps"] == [{"kind": planted[code].kind, "component": planted[code].component}]
    assert expected["items"]["O11"]["months_missing"] == ["2026-03"]


def _altered(tmp_path: Path, name: str, old: str, new: str) -> Path:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    f = tmp_path / "content" / f"{name}.toml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path / "content"


@pytest.mark.parametrize(
    ("name", "old", "new", "why"),
    [
        ("agency", 'phone = "081-954-3216"', 'phon = "081-954-3216"', "phon"),  # a mistyped key
        ("nogift", 'signer = "palad"', 'signer = "plad"', "not an executive key"),
        (
            "procurement",
            'months = ["2568-10", "2568-11", "2568-12", "2569-01", "2569-02"]',
            'months = ["2568-10"]',
            "no published",
        ),
        ("procurement", 'missing = ["2569-03"]', 'missing = ["2569-02"]', "planted as missing is published"),
        ("pages/contact", 'item = "O3"', 'item = "O27"', "distinct items"),
        ("pages/contact", 'title = "ติดต่อเรา"', 'titel = "ติดต่อเรา"', "titel"),  # a mistyped key in a page
        ("pages/about-vision", 'path = "about/vision.html"', 'path = "contact.html"', "same path"),
        ("ita", 'code = "O2"', 'code = ""', "item with a title and links"),  # a row neither item nor heading
        ("documents/integrity-report-2567", 'item = "O26"', 'item = "O3"', "distinct items"),  # planted twice
        ("documents/ethics-code", "{ seal = 20 }", "{ seal = 20, bold = true }", "does not take"),  # a stray option
        ("documents/ethics-code", "{ seal = 20 }", "{ seal = 20, space = 2 }", "exactly one kind"),
        ("documents/hr-plan-2569", "widths = [60, 30, 30, 30, 25]", "widths = [60, 30, 30, 30]", "columns"),
        ("documents/risk-report-2568", 'signature = "palad"', 'signature = "plad"', "not an executive key"),
        ("news", 'scene = "outdoor"', 'scene = "beach"', "scene"),
        ("documents/invite-road-moo7", 'part = "e-bidding-qualifications"', 'part = "qualification"', "names no part"),
    ],
)
def test_a_faulty_content_file_fails_the_load(tmp_path: Path, name: str, old: str, new: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):  # pydantic's ValidationError is one
        load(_altered(tmp_path, name, old, new))


def _pdf_text(path: Path) -> tuple[int, str]:
    import pdftotext  # poppler's binding, which the test below requires

    with path.open("rb") as f:
        pdf = pdftotext.PDF(f, raw=True)
    return len(pdf), "\f".join(pdf)


@pytest.mark.slow
@pytest.mark.requires("fpdf2", "poppler-binding")
def test_committed_site_is_what_the_generator_makes(tmp_path: Path) -> None:
    """Full regeneration (about 15 s). HTML, images, CSS, sitemap and robots.txt compare byte for byte; PDFs by
    page count and text, because their embedded font subsets change with the installed fontTools version."""
    out = tmp_path / "site"
    cmd = [
        sys.executable,
        str(ROOT / "tools" / "make_demo_site.py"),
        "--out",
        str(out),
        "--expected",
        str(tmp_path / "e.toml"),
    ]
    subprocess.run(cmd, check=True, capture_output=True)
    made = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(DEMO / "site") for p in (DEMO / "site").rglob("*") if p.is_file())
    assert made == committed
    for rel in made:
        new, old = out / rel, DEMO / "site" / rel
        if rel.suffix == ".pdf":
            assert _pdf_text(new) == _pdf_text(old), rel
        else:
            assert new.read_bytes() == old.read_bytes(), rel
    assert (tmp_path / "e.toml").read_bytes() == (DEMO / "expected.toml").read_bytes()
