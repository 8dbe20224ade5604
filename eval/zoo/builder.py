"""A generated site on disk: its files plus `routes.json`, the table eval/serve.py answers from.

A route is a request target (path, and the query string with its parameters sorted) mapped to a file, a
content type and a status, so that WordPress post ids (`/?p=1234`), Joomla article URLs and dead links
(status 404) are served exactly as the real platforms serve them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

HTML_UTF8 = "text/html; charset=utf-8"


def route_key(target: str) -> str:
    """The lookup key of a request target: decoded path plus the query with its parameters sorted."""
    parts = urlsplit(target)
    path = unquote(parts.path) or "/"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{path}?{query}" if query else path


@dataclass
class Site:
    """One site being written into `root` (build/eval/<name>)."""

    name: str
    root: Path
    routes: dict[str, dict] = field(default_factory=dict)
    charset: str = "utf-8"  # how its pages are encoded (a legacy site: cp874)
    header_charset: bool = True  # whether the server names the charset (legacy servers often do not)
    _n: int = 0

    def _file_for(self, target: str, suffix: str) -> str:
        self._n += 1
        return f"f/{self._n:04d}{suffix}"

    def add(self, target: str, body: bytes | str, content_type: str = HTML_UTF8, status: int = 200) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        suffix = Path(urlsplit(target).path).suffix if "." in Path(urlsplit(target).path).name else ".bin"
        rel = self._file_for(target, suffix)
        out = self.root / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        self.routes[route_key(target)] = {"file": rel, "type": content_type, "status": status}

    def page(self, target: str, html: str) -> None:
        ctype = f"text/html; charset={self.charset}" if self.header_charset else "text/html"
        self.add(target, html.encode(self.charset, errors="xmlcharrefreplace"), ctype)

    def pdf(self, target: str, data: bytes) -> None:
        self.add(target, data, "application/pdf")

    def dead(self, target: str) -> None:
        """A link the site still shows but whose file is gone: the server answers 404."""
        self.routes[route_key(target)] = {"file": None, "type": HTML_UTF8, "status": 404}

    def finish(self) -> None:
        (self.root / "routes.json").write_text(json.dumps(self.routes, ensure_ascii=False, indent=0), "utf-8")
