"""The real document behind a viewer or share link.

Agencies often publish evidence inside a viewer rather than as a plain link: a FlowPaper or pdf.js page
(`viewer.html?pdf=/files/a.pdf`), Google's document viewer (`docs.google.com/viewer?url=…`), Microsoft's
Office viewer, or a Google Drive share page (`drive.google.com/file/d/ID/view`). The viewer page holds no
text of its own, so the crawler fetches the file it shows instead. Everything here is a pure function of
the URL (or of a page already fetched): no network.

Drive answers the download of a large file (~100 MB and more, which it cannot scan for viruses) with a
"Virus scan warning" page instead of the file; drive_confirm_url reads the "Download anyway" target from it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from crawler.urls import DOCUMENT_EXTENSIONS, extension, normalize

DRIVE_DOWNLOAD = "https://drive.google.com/uc?export=download&id={id}"

_DRIVE_ID = re.compile(r"^[A-Za-z0-9_-]{10,}$")
_DRIVE_FILE_PATH = re.compile(r"^/(?:a/[^/]+/)?file/d/([A-Za-z0-9_-]{10,})(?:/|$)")
_EDITOR_PATH = re.compile(r"^/(?:a/[^/]+/)?(document|spreadsheets|presentation)/d/([A-Za-z0-9_-]{10,})(?:/|$)")
# Google's exports: Word and Excel keep the text exactly; slides only come out as PDF.
_EDITOR_EXPORT = {
    "document": "https://docs.google.com/document/d/{id}/export?format=docx",
    "spreadsheets": "https://docs.google.com/spreadsheets/d/{id}/export?format=xlsx",
    "presentation": "https://docs.google.com/presentation/d/{id}/export/pdf",
}
_GOOGLE_VIEWER_PATHS = ("/viewer", "/gview", "/viewerng/viewer")
_OFFICE_VIEWER_HOSTS = ("view.officeapps.live.com", "view.officeapps-df.live.com")
# Path words of self-hosted viewers (FlowPaper, pdf.js, flipbooks) and the query names they take the file in.
_VIEWER_PATH = re.compile(r"viewer|flowpaper|pdfjs|pdf\.js|flipbook|flip-book|dflip|readpdf|showpdf", re.IGNORECASE)
_FILE_PARAMS = ("pdf", "pdffile", "file", "doc", "document", "url", "src", "source", "filename")
_MAX_NESTING = 3  # a viewer inside a viewer (Google's viewer showing a Drive link): follow a few levels


def document_url(url: str) -> str | None:
    """The URL of the file a viewer or share link shows, or None when `url` is not such a link."""
    if "?" not in url and "google.com" not in url:
        return None  # the common case, decided without parsing: parse.py asks this for every link
    current = url
    for _ in range(_MAX_NESTING):
        target = _unwrap(current)
        if target is None or target == current:
            break
        current = target
    return current if current != url else None


def _unwrap(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host in ("drive.google.com", "docs.google.com"):
        return _google(url, host, parts.path, _query(parts.query))
    if host in _OFFICE_VIEWER_HOSTS:
        return _param_url(url, _query(parts.query), ("src",), any_file=True)
    if not parts.query:
        return None
    query = _query(parts.query)
    if _VIEWER_PATH.search(parts.path):
        return _param_url(url, query, _FILE_PARAMS)
    # FlowPaper's `?pdf=` names the file whatever the page is called.
    return _param_url(url, query, ("pdf", "pdffile"))


def _google(url: str, host: str, path: str, query: dict[str, str]) -> str | None:
    if host == "docs.google.com" and path in _GOOGLE_VIEWER_PATHS:
        if query.get("srcid") and _DRIVE_ID.match(query["srcid"]):
            return DRIVE_DOWNLOAD.format(id=query["srcid"])
        return _param_url(url, query, ("url",), any_file=True)
    drive_file = _DRIVE_FILE_PATH.match(path)
    if drive_file:
        return DRIVE_DOWNLOAD.format(id=drive_file.group(1))
    file_id = query.get("id", "")
    if path in ("/open", "/uc") and _DRIVE_ID.match(file_id):
        return DRIVE_DOWNLOAD.format(id=file_id)
    editor = _EDITOR_PATH.match(path)
    if host == "docs.google.com" and editor and "/export" not in path:
        kind, doc_id = editor.groups()
        return _EDITOR_EXPORT[kind].format(id=doc_id)
    return None


def _param_url(url: str, query: dict[str, str], names: tuple[str, ...], any_file: bool = False) -> str | None:
    """The first query value among `names` that names a document, resolved the way the viewer's own script
    resolves it: against the viewer's URL."""
    for name in names:
        value = query.get(name, "").strip()
        if not value:
            continue
        target = normalize(value, url)
        if target is not None and (any_file or extension(target) in DOCUMENT_EXTENSIONS):
            return target
    return None


def _query(query: str) -> dict[str, str]:
    """Query parameters by lower-cased name; the first value wins."""
    found: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        found.setdefault(name.lower(), value)
    return found


# Where Drive's "Download anyway" may lead: its own hosts only, never elsewhere.
_DRIVE_HOSTS = ("drive.google.com", "docs.google.com", "drive.usercontent.google.com")


def drive_confirm_url(html: str, page_url: str) -> str | None:
    """The URL that downloads the file anyway, when `html` (fetched from `page_url`) is Drive's virus-scan
    warning; None for any other page. Two forms of the page are known: a GET form `#download-form` whose hidden
    fields (id, export, confirm, uuid) make the query (since 2023), and a link `#uc-download-link` with
    `confirm=` in its query (before). The target must be on a Drive host or on the page's own host."""
    if "download" not in html:
        return None  # most HTML is no interstitial: decided without parsing
    tree = LexborHTMLParser(html)
    form = tree.css_first("form#download-form")
    target = None
    if form is not None and (form.attributes.get("method") or "get").lower() == "get":
        fields = [
            (field.attributes.get("name") or "", field.attributes.get("value") or "")
            for field in form.css('input[type="hidden"]')
            if field.attributes.get("name")
        ]
        action = urljoin(page_url, form.attributes.get("action") or page_url)
        target = f"{action.split('?', 1)[0]}?{urlencode(fields)}" if fields else None
    else:
        link = tree.css_first("a#uc-download-link")
        href = link.attributes.get("href") if link is not None else None
        target = urljoin(page_url, href) if href and "confirm=" in href else None
    if target is None:
        return None
    host = (urlsplit(target).hostname or "").lower()
    return target if host in _DRIVE_HOSTS or host == (urlsplit(page_url).hostname or "").lower() else None
