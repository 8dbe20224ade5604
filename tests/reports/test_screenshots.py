"""Evidence screenshots in the HTML report: shrunk to a bounded size, one per item, escaped alt text, and for
real: a local site scanned with screenshots on, its report opened in Debian's Chromium."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageDraw
from pypdfium2.raw import FPDF_PAGEOBJ_IMAGE as IMAGE
from selectolax.lexbor import LexborHTMLParser

from crawler.settings import CrawlSettings
from oit.cli.commands import write_reports
from oit.config import Config, DatabaseConfig
from oit.scan.pipeline import ScanRequest, run_scan
from reports.html_report import render_html
from reports.models import ScanResult
from reports.screenshots import MAX_BYTES, MAX_SIZE, evidence_pictures, shrink
from tests.crawler.support import LocalServer, Reply
from tests.reports.browser import ACTIVE_CONTENT_JS, artifact, open_report
from tests.rules import koksawang as k
from tests.rules.sitebuilder import AS_OF, YEAR, home, page

HOSTILE_URL = 'https://www.nakhlang.go.th/about?q="><script>alert(1)</script>&x=<b>'
JPEG_SOI = b"\xff\xd8\xff"


def fake_screenshot(size: tuple[int, int] = (1280, 1600), fmt: str = "PNG") -> bytes:
    """A page-like picture: a header bar, a menu column and many lines of "text", as a browser would show."""
    picture = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, size[0], size[1] // 10), fill=(11, 79, 156))
    draw.rectangle((0, size[1] // 10, size[0] // 5, size[1]), fill=(235, 240, 245))
    for row, y in enumerate(range(size[1] // 8, size[1], 22)):
        draw.line((size[0] // 4, y, size[0] - 40 - (row * 37) % 300, y), fill=(30, 30, 30), width=6)
    out = io.BytesIO()
    picture.save(out, format=fmt)
    return out.getvalue()


def _decoded(data_uri: str) -> Image.Image:
    head, payload = data_uri.split(",", 1)
    assert head == "data:image/jpeg;base64"
    return Image.open(io.BytesIO(base64.b64decode(payload)))


# --- shrinking ----------------------------------------------------------------------------------------------
def test_a_large_screenshot_is_downscaled_and_recompressed_within_bounds() -> None:
    big = fake_screenshot()
    jpeg, width, height = shrink(big)
    assert jpeg[:3] == JPEG_SOI and len(jpeg) <= MAX_BYTES
    assert (width, height) == Image.open(io.BytesIO(jpeg)).size
    assert width <= MAX_SIZE[0] and height <= MAX_SIZE[1]
    assert abs(width / height - 1280 / 1600) < 0.01  # the page keeps its proportions


def test_a_small_jpeg_is_kept_as_it_is() -> None:
    small = fake_screenshot((600, 400), fmt="JPEG")
    assert shrink(small) == (small, 600, 400)


def test_bytes_that_are_not_an_image_are_left_out_and_the_next_screenshot_is_used() -> None:
    good = fake_screenshot((640, 480), fmt="JPEG")
    pictures = evidence_pictures({"O1": [("https://a.go.th/broken", b"<html>not a picture</html>"),
                                         ("https://a.go.th/ok", good)], "O2": [("https://a.go.th/x", b"\x00")]})  # fmt: skip
    assert list(pictures) == ["O1"] and pictures["O1"].url == "https://a.go.th/ok"
    with pytest.raises(ValueError, match="not a readable image"):
        shrink(b"\xff\xd8\xff truncated")


# --- the template -------------------------------------------------------------------------------------------
def test_card_shows_one_inline_picture_with_escaped_thai_alt_text(scan_result: ScanResult) -> None:
    first, second = fake_screenshot(), fake_screenshot((800, 600), fmt="JPEG")
    html = render_html(scan_result, screenshots={"O1": [(HOSTILE_URL, first), ("https://x.go.th/2", second)]})
    tree = LexborHTMLParser(html)

    csp = tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"] or ""
    assert "default-src 'none'" in csp and "img-src data:;" in csp
    images = tree.css("img")
    assert len(images) == 1  # one picture per item, and the hostile URL added no element
    assert tree.css("script") == [] and "<script>alert(1)" not in html
    img = tree.css_first("#item-O1 figure.shot img")
    assert img is not None
    assert img.attributes["alt"] == f"ภาพหน้าจอหน้าหลักฐาน {HOSTILE_URL}"  # escaped in the file, intact when read
    picture = _decoded(img.attributes["src"] or "")
    assert picture.size == (int(img.attributes["width"] or 0), int(img.attributes["height"] or 0))
    assert picture.size[0] <= MAX_SIZE[0]
    caption = tree.css_first("#item-O1 figure.shot figcaption")
    assert caption is not None and caption.css_first("a") is not None  # the https URL is linked


def test_without_screenshots_the_report_has_no_image(scan_result: ScanResult) -> None:
    assert LexborHTMLParser(render_html(scan_result)).css("img, figure") == []


# --- a real scan, a real browser ----------------------------------------------------------------------------
@pytest.fixture
def site() -> Iterator[LocalServer]:
    """The ITA 2569 index and the executives page (O2) of the example agency, on 127.0.0.1."""
    evidence, _ = k.o2()
    routes: dict[str, Reply] = {
        "/": Reply(body=home([("หน้าแรก", "/"), ("ITA 2569", k.INDEX_2569)])),
        k.INDEX_2569: Reply(body=page("ita2569.html", "ITA 2569 การประเมินคุณธรรมและความโปร่งใส")),
    }
    routes.update({path: Reply(body=str(html)) for path, html in evidence.items()})
    with LocalServer(routes) as server:
        yield server


@pytest.mark.requires("chromium")
def test_scan_with_screenshots_puts_the_evidence_page_in_the_report_opened_in_chromium(
    site: LocalServer, tmp_path: Path
) -> None:
    settings = CrawlSettings(delay=0.0, timeout=5.0, read_sitemaps=False, render_timeout=10.0, screenshots=True)
    config = Config(database=DatabaseConfig(url=f"sqlite:///{tmp_path / 'oit.sqlite'}"), crawl=settings)
    result = run_scan(config, ScanRequest(url=site.url("/"), year=YEAR, as_of=AS_OF))
    written = write_reports(result, None, tmp_path / "report.html", None, config=config)  # as `oit scan --html`
    path = Path(written["HTML"])
    executives = site.url("/about/executives.html")
    assert next(i for i in result.items if i.code == "O2").status == "pass"

    with open_report(path) as visit:
        page_ = visit.page
        assert visit.console == [] and visit.errors == [] and visit.dialogs == []
        assert visit.requests == [path.resolve().as_uri()], visit.requests  # the picture came from the file
        assert page_.evaluate(ACTIVE_CONTENT_JS) == []
        img = page_.locator("#item-O2 figure.shot img")
        assert img.count() == 1 and img.get_attribute("alt") == f"ภาพหน้าจอหน้าหลักฐาน {executives}"
        assert img.evaluate("el => el.complete && el.naturalWidth") > 0  # decoded, not a broken picture
        box = img.bounding_box()
        card = page_.locator("#item-O2").bounding_box()
        assert box is not None and card is not None and box["x"] + box["width"] <= card["x"] + card["width"]
        page_.locator("#item-O2").screenshot(path=artifact("report-screenshot-card.png"))
        page_.emulate_media(media="print")
        a4 = page_.pdf(format="A4", print_background=True)
    artifact("report-screenshots.pdf").write_bytes(a4)
    printed = [(pg, o.get_bounds()) for pg in pypdfium2.PdfDocument(a4) for o in pg.get_objects(filter=[IMAGE])]
    assert len(printed) == 1  # the screenshot is printed, once
    pg, (left, _, right, _) = printed[0]
    assert 0 < left < right < pg.get_width()  # within the A4 page
