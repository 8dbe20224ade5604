"""URL normalisation, site scope, document/asset detection and trap detection."""

from __future__ import annotations

import re

import pytest

from crawler.urls import extension, in_scope, looks_like_document, normalize, should_skip, site_key, trap_reason

THAI_RAW = "https://www.nakhlang.go.th/ข่าวประชาสัมพันธ์/ประกาศ.html"
THAI_ENCODED = (
    "https://www.nakhlang.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%8A"
    "%E0%B8%B2%E0%B8%AA%E0%B8%B1%E0%B8%A1%E0%B8%9E%E0%B8%B1%E0%B8%99%E0%B8%98%E0%B9%8C/%E0%B8%9B%E0%B8%A3"
    "%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8.html"
)


class TestNormalize:
    def test_thai_path_raw_and_percent_encoded_are_one_url(self) -> None:
        assert normalize(THAI_RAW) == normalize(THAI_ENCODED)
        lower_escapes = re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), THAI_ENCODED)
        assert normalize(lower_escapes) == normalize(THAI_RAW)

    def test_thai_path_is_percent_encoded_in_upper_case(self) -> None:
        url = normalize(THAI_RAW)
        assert url is not None
        assert url.isascii()
        assert "%E0%B8%82" in url

    def test_thai_query_value_raw_and_encoded_are_one_url(self) -> None:
        assert normalize("http://a.go.th/search?q=ของขวัญ") == normalize(
            "http://a.go.th/search?q=%E0%B8%82%E0%B8%AD%E0%B8%87%E0%B8%82%E0%B8%A7%E0%B8%B1%E0%B8%8D"
        )

    def test_fragment_dropped(self) -> None:
        assert normalize("http://a.go.th/page.php?id=3#top") == "http://a.go.th/page.php?id=3"

    @pytest.mark.parametrize("param", ["utm_source=fb", "utm_campaign=x", "fbclid=IwAR0abc", "PHPSESSID=deadbeef",
                                       "gclid=1", "jsessionid=9"])  # fmt: skip
    def test_tracking_and_session_parameters_dropped(self, param: str) -> None:
        assert normalize(f"http://a.go.th/news.php?id=7&{param}") == "http://a.go.th/news.php?id=7"
        assert normalize(f"http://a.go.th/news.php?{param}") == "http://a.go.th/news.php"

    def test_session_id_in_path_dropped(self) -> None:
        assert normalize("http://a.go.th/index.jsp;jsessionid=ABC123?x=1") == "http://a.go.th/index.jsp?x=1"

    def test_meaningful_parameters_kept_in_order(self) -> None:
        assert normalize("http://a.go.th/list.php?cat=2&page=3") == "http://a.go.th/list.php?cat=2&page=3"

    def test_default_ports_dropped_other_ports_kept(self) -> None:
        assert normalize("http://a.go.th:80/x") == "http://a.go.th/x"
        assert normalize("https://a.go.th:443/x") == "https://a.go.th/x"
        assert normalize("http://a.go.th:8080/x") == "http://a.go.th:8080/x"
        assert normalize("https://a.go.th:80/x") == "https://a.go.th:80/x"

    def test_scheme_and_host_lower_cased_empty_path_is_slash(self) -> None:
        assert normalize("HTTP://WWW.Nakhlang.GO.TH") == "http://www.nakhlang.go.th/"

    def test_relative_links_resolved_against_base(self) -> None:
        base = "http://a.go.th/news/list.php?page=2"
        assert normalize("../ita/o1.html", base) == "http://a.go.th/ita/o1.html"
        assert normalize("detail.php?id=5", base) == "http://a.go.th/news/detail.php?id=5"
        assert normalize("//b.go.th/x", base) == "http://b.go.th/x"

    @pytest.mark.parametrize("href", ["mailto:saraban@a.go.th", "javascript:void(0)", "tel:043123456", "#top", "",
                                      "   ", "ftp://a.go.th/file.pdf", "data:text/html,hi"])  # fmt: skip
    def test_non_web_links_are_none(self, href: str) -> None:
        assert normalize(href, "http://a.go.th/") is None

    def test_thai_idn_host_is_punycode(self) -> None:
        url = normalize("http://เทศบาล.ไทย/")
        assert url is not None
        assert url.startswith("http://xn--")

    def test_bad_port_is_none(self) -> None:
        assert normalize("http://a.go.th:99999/") is None

    @pytest.mark.parametrize(("href", "url"), [
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("http://[::1]/", "http://[::1]/"),
        ("HTTP://[::1]:80/ITA?a=1#top", "http://[::1]/ITA?a=1"),  # default port dropped, like a host name's
        ("https://[2001:DB8::A]:8443/ข่าว", "https://[2001:db8::a]:8443/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7"),
        ("http://[fe80::1%25eth0]/", "http://[fe80::1%25eth0]/"),  # RFC 6874 zone id
        ("http://[::ffff:10.0.0.1]/", "http://[::ffff:10.0.0.1]/"),
        ("http://user:secret@[::1]:9/", "http://[::1]:9/"),
        ("//[::1]/x", "http://[::1]/x"),  # scheme-relative, against an http page
    ])  # fmt: skip
    def test_ipv6_literals_keep_their_brackets(self, href: str, url: str) -> None:
        assert normalize(href, "http://a.go.th/news/") == url
        assert normalize(url) == url  # canonical: normalising again changes nothing

    @pytest.mark.parametrize("href", [
        "http://a.go.th:99999/", "http://a.go.th:-1/", "http://a.go.th:1e5/", "http://a.go.th:80:80/",
        "http://[oops/", "http://[::1/", "http://[1.2.3.4]/", "http://[::1]x/", "http://[zz::1]/",
        "http://a\x00b.go.th/", "http://a b.go.th/", "http://a.go.th\x7f/", "http://%E0%B8%81.go.th/",
        "http://./", "http://:80/", "http://" + "9" * 5000 + ":" + "9" * 5000 + "/",
    ])  # fmt: skip
    def test_links_that_cannot_be_urls_are_none_never_an_exception(self, href: str) -> None:
        assert normalize(href, "http://a.go.th/") is None

    def test_every_character_in_every_part_of_a_url_gives_a_url_or_none(self) -> None:
        """No href raises: each is a canonical URL (normalising it again changes nothing) or None."""
        templates = ["http://a{}b.go.th/", "http://[{}]/", "http://[::1{}]/", "http://[::1]{}/", "http://a.go.th:{}/",
                     "http://a.go.th:8{}0/", "http://a.go.th/{}?q={}#{}", "{}//a.go.th/", "http{}://a.go.th/"]  # fmt: skip
        for code in [*range(0x80), 0xA0, 0x0E01, 0x200B, 0xFF0E, 0xFFFF]:
            for template in templates:
                href = template.replace("{}", chr(code))
                url = normalize(href, "http://a.go.th/ita/")
                assert url is None or normalize(url) == url, (href, url)

    def test_ipv6_sites_have_their_own_scope(self) -> None:
        assert site_key("http://[::1]:8080/") == "[::1]:8080"
        assert site_key("https://[::1]/x") == site_key("http://[::1]/")
        assert in_scope("http://[::1]:8080/ita", "http://[::1]:8080/")
        assert not in_scope("http://[::1]:8080/x", "http://127.0.0.1:8080/")
        assert not in_scope("http://[::1]:8081/x", "http://[::1]:8080/")
        assert not in_scope("http://[::2]/", "http://[::1]/", allow_subdomains=True)


class TestScope:
    def test_www_twin_is_the_same_site(self) -> None:
        assert site_key("http://www.nakhlang.go.th/") == site_key("https://nakhlang.go.th/x")
        assert in_scope("https://nakhlang.go.th/ita", "http://www.nakhlang.go.th/")

    def test_other_host_is_not_in_scope(self) -> None:
        assert not in_scope("http://www.facebook.com/nakhlang", "http://www.nakhlang.go.th/")
        assert not in_scope("http://nakhlang.go.th.evil.com/", "http://www.nakhlang.go.th/")

    def test_other_port_is_not_in_scope(self) -> None:
        assert not in_scope("http://127.0.0.1:8001/", "http://127.0.0.1:8000/")
        assert not in_scope("http://a.go.th:8080/", "http://a.go.th/")
        assert in_scope("http://127.0.0.1:8000/x", "http://127.0.0.1:8000/")

    def test_subdomains_only_when_allowed(self) -> None:
        start = "http://www.nakhlang.go.th/"
        sub = "http://eservice.nakhlang.go.th/form"
        assert not in_scope(sub, start)
        assert in_scope(sub, start, allow_subdomains=True)
        assert in_scope("http://nakhlang.go.th/", start, allow_subdomains=True)
        # another agency under .go.th is never a subdomain of this one
        assert not in_scope("http://nakhon.go.th/", start, allow_subdomains=True)
        assert not in_scope("http://www.dla.go.th/", start, allow_subdomains=True)

    def test_subdomains_of_a_com_site(self) -> None:
        assert in_scope("http://shop.example.com/", "http://www.example.com/", allow_subdomains=True)
        assert not in_scope("http://example.org/", "http://www.example.com/", allow_subdomains=True)

    def test_ip_address_start_has_no_subdomains(self) -> None:
        # An IP address is not a domain: "10.0.0.1" must not count as a "subdomain" of 127.0.0.1 (both end "0.1").
        assert not in_scope("http://10.0.0.1/", "http://127.0.0.1:8000/", allow_subdomains=True)
        assert not in_scope("http://8.8.0.1/", "http://127.0.0.1/", allow_subdomains=True)
        assert not in_scope("http://evil.0.1/", "http://127.0.0.1/", allow_subdomains=True)


class TestKinds:
    def test_documents_and_assets(self) -> None:
        assert looks_like_document("http://a.go.th/files/ita/O1.PDF")
        assert looks_like_document("http://a.go.th/f/plan.docx?dl=1")
        assert not looks_like_document("http://a.go.th/pdf/")
        assert should_skip("http://a.go.th/images/banner.JPG")
        assert not should_skip("http://a.go.th/news.php")
        assert extension("http://a.go.th/v1.2/page") == ""


class TestHardGuards:
    @pytest.mark.parametrize("url", [
        "http://a.go.th/?p=1234",  # WordPress posts without pretty permalinks
        "http://a.go.th/?p=98765",
        "http://a.go.th/report.php?year=2569",
        "http://a.go.th/ita/skr.php?y=2569&m=3",
        "http://a.go.th/event.php?month=5&year=2024",
        "http://a.go.th/calendar/2024/05",
        "http://a.go.th/ปฏิทินกิจกรรม?ym=256705",
        "http://a.go.th/news/2024/05/12/",
        "http://a.go.th/news.php?page=5000",
        "http://a.go.th/index.php?option=com_content&view=article&id=4410&catid=8&Itemid=101",
        "http://a.go.th/search.php?" + "&".join(f"k{i}=v" for i in range(9)),
    ])  # fmt: skip
    def test_no_url_is_a_trap_for_its_shape(self, url: str) -> None:
        """Thai sites put evidence behind these; traps are judged by behaviour (crawler/traps.py)."""
        assert trap_reason(normalize(url) or url) is None

    def test_repeating_path(self) -> None:
        assert trap_reason("http://a.go.th/a/b/a/b/a/b") == "repeating path"
        assert trap_reason("http://a.go.th/x/a/b/a/b") is None

    def test_too_deep(self) -> None:
        assert trap_reason("http://a.go.th/" + "/".join(f"d{i}" for i in range(13))) == "path too deep"

    def test_too_long(self) -> None:
        assert trap_reason("http://a.go.th/" + "x" * 1000) == "url too long"
        assert trap_reason("http://a.go.th/" + "x" * 100) is None

    def test_ordinary_pages_are_not_traps(self) -> None:
        for url in ("http://a.go.th/", "http://a.go.th/news.php?id=1234", "http://a.go.th/ita/2567/o1.html",
                    "http://a.go.th/news.php?page=3"):  # fmt: skip
            assert trap_reason(url) is None, url
