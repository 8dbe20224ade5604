"""URL normalisation, site scope, document/asset detection and trap detection."""

from __future__ import annotations

import re

import pytest

from crawler.urls import (
    extension,
    first_urls,
    in_scope,
    is_form_or_chat,
    is_hosted_document,
    looks_like_document,
    normalize,
    registered_domain,
    should_skip,
    site_key,
    trap_reason,
)

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


# --- the edges where each guard turns (found by `make mutate`: a limit moved by one, a condition dropped, a host
# or a parameter name misspelt must fail a test) ------------------------------------------------------------------
SITE = "https://www.koksawang.go.th/"
DRIVE_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz012345"


class TestHardGuardLimits:
    def test_twelve_segments_are_a_page_thirteen_are_too_deep(self) -> None:
        twelve = SITE + "/".join(f"d{i}" for i in range(12))
        assert trap_reason(twelve) is None
        assert trap_reason(twelve + "/d12") == "path too deep"

    def test_a_url_of_the_limit_is_a_page_one_more_character_is_too_long(self) -> None:
        url = SITE + "x" * (1000 - len(SITE))
        assert len(url) == 1000
        assert trap_reason(url) is None
        assert trap_reason(url + "x") == "url too long"
        assert trap_reason(SITE + "news.php?id=1", max_length=20) == "url too long"

    def test_a_pair_repeated_twice_is_a_page_three_times_is_a_loop(self) -> None:
        assert trap_reason(SITE + "ita/2569/ita/2569") is None
        assert trap_reason(SITE + "ita/2569/ita/2569/ita/2569") == "repeating path"
        assert trap_reason(SITE + "ita/2569/ita/2569/ita/2568") is None  # the last pair differs
        assert trap_reason(SITE + "x/ita/2569/ita/2569/ita/2569") == "repeating path"  # after a first segment
        assert trap_reason(SITE + "ita/2569/ita/2569/ita/2569/") == "repeating path"  # empty segments ignored


class TestDocumentHosts:
    @pytest.mark.parametrize("url", [
        f"https://drive.google.com/uc?id={DRIVE_ID}&export=download",
        f"https://drive.usercontent.google.com/download?id={DRIVE_ID}",
        f"https://drive.usercontent.google.com/uc?id={DRIVE_ID}",
        f"https://drive.usercontent.google.com/u/0/uc?id={DRIVE_ID}",
        f"https://docs.google.com/document/d/{DRIVE_ID}/export?format=pdf",
        f"https://docs.google.com/spreadsheets/d/{DRIVE_ID}/export?format=xlsx",
        f"https://docs.google.com/presentation/d/{DRIVE_ID}/export/pdf",
        f"https://docs.google.com/a/koksawang.go.th/document/d/{DRIVE_ID}/export?format=pdf",
        "https://doc-0s-2c-docs.googleusercontent.com/docs/securesc/abc/def/1715731200000/123/456/1xyz",
    ])  # fmt: skip
    def test_files_on_drive_and_docs_are_documents(self, url: str) -> None:
        assert is_hosted_document(url)
        assert looks_like_document(url)

    @pytest.mark.parametrize("url", [
        f"https://drive.google.com/file/d/{DRIVE_ID}/view",  # the viewer page (crawler.viewers rewrites it)
        "https://drive.google.com/uc?export=download",  # no file named
        f"https://drive.google.com/open?id={DRIVE_ID}",
        f"https://drive.usercontent.google.com/view?id={DRIVE_ID}",
        f"https://docs.google.com/document/d/{DRIVE_ID}/edit",
        "https://docs.google.com/document/d/short/export?format=pdf",  # not a file id
        f"https://docs.google.com/forms/d/{DRIVE_ID}/export",
        f"https://docs.google.com.evil.example/document/d/{DRIVE_ID}/export",
        "https://lh3.googleusercontent.com/a/photo.png",
        "https://www.google.com/maps/place/อบต.โคกสว่าง",
        f"https://www.koksawang.go.th/uc?id={DRIVE_ID}",
    ])  # fmt: skip
    def test_the_hosts_pages_and_other_sites_are_not(self, url: str) -> None:
        assert not is_hosted_document(url)


class TestFormsAndChats:
    @pytest.mark.parametrize("url", [
        "https://docs.google.com/forms/d/e/1FAIpQLSd-xyz/viewform",
        "https://forms.gle/AbC123xyz",
        "https://forms.office.com/r/AbC123",
        "https://line.me/R/ti/p/@koksawang",
        "https://lin.ee/AbC123",
        "https://m.me/koksawang.sao",
        "https://www.messenger.com/t/koksawang.sao",
        "HTTPS://FORMS.GLE/AbC123xyz",
    ])  # fmt: skip
    def test_request_forms_and_chat_channels(self, url: str) -> None:
        assert is_form_or_chat(url)

    @pytest.mark.parametrize("url", [
        "https://www.facebook.com/koksawang.sao",
        f"https://docs.google.com/document/d/{DRIVE_ID}/edit",
        SITE + "webboard/index.php",
        "https://www.youtube.com/@koksawang",
    ])  # fmt: skip
    def test_pages_and_documents_are_neither(self, url: str) -> None:
        assert not is_form_or_chat(url)


class TestScopeEdges:
    @pytest.mark.parametrize(("host", "domain"), [
        ("www.koksawang.go.th", "koksawang.go.th"),
        ("eservice.koksawang.go.th", "koksawang.go.th"),
        ("WWW.Koksawang.GO.TH", "koksawang.go.th"),
        ("www.kku.ac.th", "kku.ac.th"),
        ("www.thai.th", "thai.th"),  # a .th name without a second-level label
        ("shop.example.co.th", "example.co.th"),
        ("www.example.com", "example.com"),
        ("a.b.example.com", "example.com"),
        ("www.abc.thai.th", "thai.th"),  # "thai" is not a two-letter second level
    ])  # fmt: skip
    def test_registered_domain(self, host: str, domain: str) -> None:
        assert registered_domain(host) == domain

    def test_subdomain_scope_needs_the_dot(self) -> None:
        start = "http://www.koksawang.go.th/"
        assert in_scope("http://eservice.koksawang.go.th/", start, allow_subdomains=True)
        assert not in_scope("http://notkoksawang.go.th/", start, allow_subdomains=True)
        assert not in_scope("http://eservice.koksawang.go.th/", start)

    def test_default_ports_on_either_scheme_are_one_site(self) -> None:
        assert site_key("https://www.koksawang.go.th:443/ita") == "koksawang.go.th"
        assert site_key("http://koksawang.go.th:80/") == "koksawang.go.th"
        assert site_key("http://koksawang.go.th:8080/") == "koksawang.go.th:8080"
        assert site_key("http://www.koksawang.go.th/") == site_key("https://koksawang.go.th/")
        assert site_key("ftp://koksawang.go.th/") == "koksawang.go.th:0"  # no default port known: not the site


class TestNormalizeEdges:
    def test_a_trailing_dot_and_upper_case_host_are_the_same_host(self) -> None:
        assert normalize("HTTP://WWW.Koksawang.GO.TH./ita.html") == "http://www.koksawang.go.th/ita.html"

    def test_host_name_length_limits(self) -> None:
        label = "a" * 63
        assert normalize(f"http://{label}.go.th/") == f"http://{label}.go.th/"
        assert normalize(f"http://{label}a.go.th/") is None  # a label of 64
        long_host = ".".join([label] * 3) + "." + "b" * 61  # 253 characters
        assert len(long_host) == 253
        assert normalize(f"http://{long_host}/") == f"http://{long_host}/"
        assert normalize(f"http://{long_host}c/") is None

    def test_an_ipv6_address_with_something_after_its_bracket_is_none(self) -> None:
        assert normalize("http://[::1]x/") is None
        assert normalize("http://[::1]:8080/ita") == "http://[::1]:8080/ita"
        assert normalize("http://[fe80::1%25eth0]/") == "http://[fe80::1%25eth0]/"

    def test_thai_domain_name_in_idna(self) -> None:
        assert normalize("http://โคกสว่าง.go.th/") == "http://xn--12cfk1koa3c6f4b.go.th/"

    @pytest.mark.parametrize("param", [
        "utm_medium=line", "mc_cid=abc", "_ga=2.1.2", "sid=x1", "sessionid=x1", "jsessionid=x1", "cfid=1",
        "cftoken=2", "ASPSESSIONIDQQ=abc", "zenid=1", "oscsid=1", "gclid=x", "yclid=x",
    ])  # fmt: skip
    def test_every_tracking_and_session_parameter_is_dropped(self, param: str) -> None:
        assert normalize(f"{SITE}news.php?id=12&{param}") == f"{SITE}news.php?id=12"

    @pytest.mark.parametrize("param", ["side=1", "utm=1", "page=2", "xsid=1", "sid2=1", "catid=8"])
    def test_parameters_that_only_look_like_them_are_kept(self, param: str) -> None:
        assert normalize(f"{SITE}news.php?{param}") == f"{SITE}news.php?{param}"

    def test_session_ids_in_the_path_of_each_server_are_dropped(self) -> None:
        for session in (";jsessionid=A1B2", ";PHPSESSID=abc", ";sid=9"):
            assert normalize(f"{SITE}ita/o1.jsp{session}?y=2569") == f"{SITE}ita/o1.jsp?y=2569"

    def test_an_empty_query_value_is_kept(self) -> None:
        assert normalize(f"{SITE}search.php?q=&year=2569") == f"{SITE}search.php?q=&year=2569"

    def test_query_keeps_its_safe_characters(self) -> None:
        assert normalize(f"{SITE}a.php?next=/ita?y=2569") == f"{SITE}a.php?next=/ita?y=2569"


class TestKindsEdges:
    @pytest.mark.parametrize(("url", "ext"), [
        ("http://a.go.th/files/2568.04/report", ""),  # a dot in a folder name
        ("http://a.go.th/files/O1.PDF", ".pdf"),
        ("http://a.go.th/files/แผน.พ.ศ.2569.xlsx?dl=1", ".xlsx"),
        ("http://a.go.th/", ""),
    ])  # fmt: skip
    def test_extension(self, url: str, ext: str) -> None:
        assert extension(url) == ext

    @pytest.mark.parametrize("ext", [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".rtf"])
    def test_every_document_kind(self, ext: str) -> None:
        assert looks_like_document(f"http://a.go.th/files/ita2569{ext}")
        assert not should_skip(f"http://a.go.th/files/ita2569{ext}")

    @pytest.mark.parametrize("ext", [".svg", ".webp", ".mp4", ".zip", ".rar", ".css", ".js", ".woff2", ".apk", ".tiff"])
    def test_assets_are_skipped(self, ext: str) -> None:
        assert should_skip(f"http://a.go.th/media/x{ext}")
        assert not looks_like_document(f"http://a.go.th/media/x{ext}")


def test_first_urls_shows_three_then_an_ellipsis() -> None:
    urls = [f"{SITE}ita/o{i}.pdf" for i in range(1, 5)]
    assert first_urls(urls[:3]) == ", ".join(urls[:3])
    assert first_urls(urls) == ", ".join(urls[:3]) + ", …"
    assert first_urls(urls, shown=1) == urls[0] + ", …"
    assert first_urls([]) == ""
