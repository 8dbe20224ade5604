"""Bytes to text for Thai pages (shared/ita/thai-text.md, "HTML encodings"), alone and through a real crawl."""

from __future__ import annotations

import codecs

import pytest

from crawler.decode import charset_from_content_type, decode_html, python_codec
from tests.crawler.support import LocalServer, Reply, crawl

PHRASE = "นโยบายไม่รับของขวัญ “No Gift Policy” ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"  # curly quotes: cp874-only bytes
CP874 = PHRASE.encode("cp874")


def html(charset_meta: str = "", body: str = PHRASE) -> str:
    return f"<html><head>{charset_meta}<title>เทศบาล</title></head><body><p>{body}</p></body></html>"


class TestLabels:
    @pytest.mark.parametrize("label", ["tis-620", "TIS620", "iso-8859-11", "windows-874", "x-windows-874", "'cp874'"])
    def test_thai_labels_are_cp874(self, label: str) -> None:
        assert python_codec(label) == "cp874"

    def test_unknown_and_empty_labels(self) -> None:
        assert python_codec("no-such-charset") is None
        assert python_codec(None) is None
        assert python_codec("UTF8") == "utf-8"

    def test_charset_from_content_type(self) -> None:
        assert charset_from_content_type("text/html; charset=TIS-620") == "TIS-620"
        assert charset_from_content_type("text/html;charset=utf-8; foo=bar") == "utf-8"
        assert charset_from_content_type("text/html") is None


class TestDecode:
    def test_utf8_with_header(self) -> None:
        text, codec = decode_html(html().encode("utf-8"), "text/html; charset=utf-8")
        assert PHRASE in text
        assert codec == "utf-8"

    def test_cp874_with_meta_windows_874(self) -> None:
        body = html("<meta charset=windows-874>").encode("cp874")
        text, codec = decode_html(body, "text/html")
        assert PHRASE in text
        assert codec == "cp874"

    def test_cp874_with_http_equiv_meta_tis620(self) -> None:
        body = html('<meta http-equiv="Content-Type" content="text/html; charset=tis-620">').encode("cp874")
        text, _ = decode_html(body, "")
        assert PHRASE in text

    def test_tis620_header(self) -> None:
        text, codec = decode_html(html().encode("cp874"), "text/html; charset=tis-620")
        assert PHRASE in text  # Python's own tis-620 codec would turn the curly quotes into C1 controls
        assert "\x93" not in text
        assert codec == "cp874"

    def test_wrong_utf8_label_falls_through(self) -> None:
        body = html("<meta charset=utf-8>").encode("cp874")
        text, codec = decode_html(body, "text/html; charset=utf-8")
        assert PHRASE in text
        assert codec == "cp874"
        assert "\ufffd" not in text

    def test_no_charset_at_all(self) -> None:
        text, codec = decode_html(html().encode("cp874"), "text/html")
        assert PHRASE in text
        assert codec == "cp874"

    def test_nbsp_byte_in_cp874(self) -> None:
        body = html(body="ราคากลาง\xa0๑๒๓\xa0บาท").encode("cp874")
        assert b"\xa0" in body
        with pytest.raises(UnicodeDecodeError):
            body.decode("tis-620")  # the reason every Thai label must map to cp874
        text, _ = decode_html(body, "text/html; charset=tis-620")
        assert "ราคากลาง\xa0๑๒๓\xa0บาท" in text

    def test_utf8_bom_beats_a_wrong_header(self) -> None:
        body = codecs.BOM_UTF8 + html().encode("utf-8")
        text, codec = decode_html(body, "text/html; charset=windows-874")
        assert PHRASE in text
        assert codec == "utf-8-sig"
        assert not text.startswith("\ufeff")

    def test_utf16_bom(self) -> None:
        body = html().encode("utf-16")  # BOM + UTF-16
        text, _ = decode_html(body, "text/html")
        assert PHRASE in text

    def test_override_wins(self) -> None:
        body = html("<meta charset=utf-8>").encode("cp874")
        text, codec = decode_html(body, "text/html; charset=utf-8", override="tis-620")
        assert codec == "cp874"
        assert PHRASE in text

    def test_ascii_page(self) -> None:
        text, codec = decode_html(b"<html><body>hello</body></html>", "")
        assert text == "<html><body>hello</body></html>"
        assert codec == "utf-8"


def test_crawled_pages_in_every_encoding(server: LocalServer) -> None:
    """The same Thai phrase, served five ways by a real server, reaches Page.text intact."""
    variants = {
        "/utf8.html": Reply(body=html().encode("utf-8"), content_type="text/html; charset=utf-8"),
        "/meta874.html": Reply(body=html("<meta charset=windows-874>").encode("cp874"), content_type="text/html"),
        "/tis620.html": Reply(body=html().encode("cp874"), content_type="text/html; charset=tis-620"),
        "/mislabelled.html": Reply(body=html().encode("cp874"), content_type="text/html; charset=utf-8"),
        "/nolabel.html": Reply(body=html().encode("cp874"), content_type="text/html"),
        "/bom.html": Reply(body=codecs.BOM_UTF8 + html().encode("utf-8"), content_type="text/html"),
    }
    links = "".join(f'<a href="{path}">{path}</a>' for path in variants)
    server.routes["/"] = Reply(body=f"<html><body>{links}</body></html>")
    server.routes.update(variants)

    result, sink = crawl(server.url())

    pages = {p.url.removeprefix(server.url("")): p for p in sink.pages}
    assert set(variants) <= set(pages)
    for path in variants:
        assert PHRASE in pages[path].text, path
        assert pages[path].title == "เทศบาล", path
    assert pages["/meta874.html"].encoding == "cp874"
    assert pages["/mislabelled.html"].encoding == "cp874"
    assert result.errors == 0


def test_site_encoding_override(server: LocalServer) -> None:
    server.routes["/"] = Reply(body=html().encode("cp874"), content_type="text/html; charset=iso-8859-1")
    _, wrong = crawl(server.url())
    _, right = crawl(server.url(), encoding="windows-874")
    assert PHRASE not in wrong.pages[0].text  # latin-1 decodes anything: the header wins, as in a browser
    assert PHRASE in right.pages[0].text
