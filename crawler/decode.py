"""Bytes to text for Thai web pages.

Order (measured in shared/ita/thai-text.md): BOM, then the HTTP charset taken strictly (a wrong label falls
through), then <meta charset> in the first bytes, then strict UTF-8, then charset_normalizer. Every Thai
legacy label (tis-620, iso-8859-11, windows-874) decodes as cp874, as browsers do.
"""

from __future__ import annotations

import codecs
import re

_THAI_ALIASES = {
    "tis-620",
    "tis620",
    "tis_620",
    "iso-8859-11",
    "iso8859-11",
    "iso_8859-11",
    "windows-874",
    "cp874",
    "x-windows-874",
    "dos-874",
    "ms874",
}
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def python_codec(label: str | None) -> str | None:
    """The Python codec for a web charset label, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _THAI_ALIASES:
        return "cp874"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*([^\s;]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def decode_html(body: bytes, content_type: str = "", override: str | None = None) -> tuple[str, str]:
    """Decode a page; returns (text, the encoding used)."""
    candidates: list[str | None] = [python_codec(override)]
    for bom, name in _BOMS:
        if body.startswith(bom):
            candidates.append(name)
    candidates.append(python_codec(charset_from_content_type(content_type)))
    meta = _META.search(body[:4096])
    candidates.append(python_codec(meta.group(1).decode("ascii", "ignore")) if meta else None)
    candidates.append("utf-8")
    for codec in candidates:
        if codec:
            try:
                return body.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                continue
    if _mostly_thai_cp874(body):
        return body.decode("cp874"), "cp874"
    guessed = _detected(body)
    if guessed:
        codec = python_codec(guessed) or guessed
        return body.decode(codec, errors="replace"), codec
    return body.decode("utf-8", errors="replace"), "utf-8"


def _detected(body: bytes) -> str | None:
    """charset_normalizer's best guess at the encoding, None when it has none.

    Imported here, on the first page that needs it: a page that is neither declared nor valid UTF-8 nor Thai
    cp874 is rare, and the detector's tables cost every scan ~2.6 MB of memory when imported up front."""
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    return best.encoding if best is not None else None


def _mostly_thai_cp874(body: bytes) -> bool:
    """Undeclared legacy bytes on a Thai site are almost always cp874: check the letters look Thai.

    Generic detectors guess Korean or Cyrillic for short Thai texts, so Thai is tried first.
    """
    try:
        text = body.decode("cp874")
    except UnicodeDecodeError:
        return False
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    thai = sum(1 for c in non_ascii if "\u0e01" <= c <= "\u0e5b")
    return thai / len(non_ascii) > 0.9
