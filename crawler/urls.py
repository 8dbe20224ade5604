"""URL normalisation, site scope and trap detection.

Municipal sites link the same page in many spellings (Thai characters raw or percent-encoded, fragments,
tracking parameters, session ids). Normalising once, here, keeps the frontier from fetching a page twice.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that never change what a page shows: trackers and session ids.
_DROP_PARAMS = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|yclid|mc_[a-z]+|_ga|phpsessid|sid|sessionid|jsessionid|cfid|cftoken|"
    r"aspsessionid\w*|zenid|osCsid)$",
    re.IGNORECASE,
)
_SESSION_IN_PATH = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters kept unescaped in paths and queries; everything else (Thai included) is percent-encoded
# in one canonical (upper-case UTF-8) form.
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"
_SAFE_QUERY = _SAFE_PATH + "?"

DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".rtf")
SKIP_EXTENSIONS = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".svg",
    ".ico",
    ".bmp",
    ".tif",
    ".tiff",
    ".mp3",
    ".mp4",
    ".avi",
    ".mov",
    ".wmv",
    ".flv",
    ".swf",
    ".zip",
    ".rar",
    ".7z",
    ".gz",
    ".exe",
    ".css",
    ".js",
    ".woff",
    ".woff2",
    ".ttf",
    ".apk",
    ".iso",
)


def normalize(href: str, base: str | None = None) -> str | None:
    """Absolute canonical form of a link, or None when it is not a web URL (mailto:, javascript:, …) or cannot be
    one (a port of 99999, "http://[oops/", control characters in the host). Never raises: a page may link anything,
    and one bad link must cost only itself."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base, href) if base else href
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            return None
        host = _canonical_host(parts.hostname, parts.netloc)
        port = parts.port
    except (UnicodeError, ValueError):
        return None
    if host is None:
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _SESSION_IN_PATH.sub("", parts.path) or "/"
    path = quote(unquote(path), safe=_SAFE_PATH)
    query = _clean_query(parts.query)
    return urlunsplit((scheme, netloc, path, query, ""))


_HOST_NAME = re.compile(r"[a-z0-9_-]{1,63}(\.[a-z0-9_-]{1,63})*")  # DNS: labels of 63 bytes at most, 253 in all


def _canonical_host(hostname: str, netloc: str) -> str | None:
    """Lower-case ASCII host as it is written in a URL: IDNA for Thai domain names, brackets around an IPv6 literal
    (urlsplit's `hostname` drops them; without them "::1:8080" is no address at all); None for anything else."""
    host = hostname.lower().rstrip(".")
    if ":" in host:
        after = netloc.rpartition("]")[2]
        if after and not after.startswith(":"):
            return None  # "[::1]x": urlsplit reads the address and drops the rest
        address, _, zone = host.partition("%")
        ipaddress.IPv6Address(address)  # ValueError when it is not one
        return f"[{address}%{zone}]" if zone else f"[{address}]"
    if not host.isascii():
        host = host.encode("idna").decode("ascii")
    return host if len(host) <= 253 and _HOST_NAME.fullmatch(host) else None


def _clean_query(query: str) -> str:
    if not query:
        return ""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not _DROP_PARAMS.match(k)]
    return urlencode(pairs, doseq=True, safe=_SAFE_QUERY, quote_via=quote)


@lru_cache(maxsize=1024)  # the start URL's, asked for every link, and off-site hosts met again; not every URL
def site_key(url: str) -> str:
    """Host and port with a leading "www." removed: the host and its www twin are one site."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host = f"[{host}]" if ":" in host else host.removeprefix("www.")
    port = parts.port or _DEFAULT_PORTS.get(parts.scheme, 0)
    # http and https on their default ports are the same site (sites redirect between them).
    return host if port in (80, 443) else f"{host}:{port}"


def registered_domain(host: str) -> str:
    """The agency's own domain for subdomain scope: the last three labels under .go.th/.ac.th/.or.th/… ."""
    labels = host.lower().removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and labels[-1] == "th" and len(labels[-2]) == 2 else 2
    return ".".join(labels[-keep:])


def in_scope(url: str, start_url: str, allow_subdomains: bool = False) -> bool:
    """True when `url` belongs to the site the user asked to scan."""
    if site_key(url) == site_key(start_url):
        return True
    host = (urlsplit(url).hostname or "").lower()
    start_host = urlsplit(start_url).hostname or ""
    if not allow_subdomains or _is_ip(host) or _is_ip(start_host):
        return False
    start_domain = registered_domain(start_host)
    return host == start_domain or host.endswith("." + start_domain)


def _is_ip(host: str) -> bool:
    """An IP address has no subdomains (127.0.0.1 and 10.0.0.1 share the "0.1" suffix, not a domain)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def extension(url: str) -> str:
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    return path[dot:] if dot > path.rfind("/") else ""


def looks_like_document(url: str) -> bool:
    return extension(url) in DOCUMENT_EXTENSIONS or is_hosted_document(url)


_HOSTED_EXPORT = re.compile(r"^/(?:a/[^/]+/)?(document|spreadsheets|presentation)/d/[A-Za-z0-9_-]{10,}/export")


def is_hosted_document(url: str) -> bool:
    """A file on a known document host (Google Drive downloads, Google Docs exports): the only off-site URLs
    the crawler fetches, because agencies keep evidence there. Only files, never the hosts' pages;
    crawler.viewers turns share and viewer links into these."""
    if "google" not in url:
        return False  # the common case, without parsing
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host == "drive.google.com":
        return parts.path == "/uc" and "id=" in parts.query
    if host == "drive.usercontent.google.com":
        return parts.path in ("/download", "/uc", "/u/0/uc")
    if host == "docs.google.com":
        return bool(_HOSTED_EXPORT.match(parts.path))
    # Drive downloads and Docs exports redirect to doc-XX-XX-docs.googleusercontent.com.
    return host.endswith("-docs.googleusercontent.com")


def first_urls(urls: list[str], shown: int = 3) -> str:
    """The first few of `urls` for a message a person reads (findings, unknown reasons), "…" when there are more."""
    return ", ".join(urls[:shown]) + (", …" if len(urls) > shown else "")


def should_skip(url: str) -> bool:
    """Media and assets the rules never read."""
    return extension(url) in SKIP_EXTENSIONS


# Online request forms and chat channels agencies link to (e-services, Q&A, complaint channels).
FORM_HOSTS = re.compile(r"docs\.google\.com/forms|forms\.gle|forms\.office\.com", re.IGNORECASE)
CHAT_HOSTS = re.compile(r"line\.me/|lin\.ee/|m\.me/|messenger\.com", re.IGNORECASE)


def is_form_or_chat(url: str) -> bool:
    return bool(FORM_HOSTS.search(url) or CHAT_HOSTS.search(url))


# --- hard guards ---------------------------------------------------------------------------------------


def trap_reason(url: str, max_length: int = 1000) -> str | None:
    """Why a URL cannot be a page of its own, or None: too long, too deep, or a relative-link loop. These guards
    protect the crawler whatever the pages say. Everything else (calendars, pagination, ?p=1234, ?year=2569) is
    judged by what its pages do, in crawler/traps.py: Thai sites put evidence behind such URLs."""
    if len(url) > max_length:
        return "url too long"
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if len(segments) > 12:
        return "path too deep"
    # The same segment pair repeated (/a/b/a/b/…) is the classic relative-link loop.
    if len(segments) >= 6 and segments[-2:] == segments[-4:-2] == segments[-6:-4]:
        return "repeating path"
    return None
