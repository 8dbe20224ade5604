"""Checks that run before a document is opened, so that a hostile or broken file costs little.

Anything a site links is read: encrypted PDFs, truncated downloads, zip bombs dressed as .docx, 400-megapixel
scans. Each check here looks only at headers and directories (never decompresses or decodes) and returns a
reason, Thai first, that the item's "unknown" verdict shows; None when the file may be opened.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
import zlib
from types import ModuleType

MAX_UNPACKED_BYTES = 150_000_000  # an Office file's parts together; real ones are a few MB
MAX_PART_RATIO = 200  # unpacked/packed for parts over RATIO_FROM_BYTES; XML compresses 5-50x, zeros ~1000x
RATIO_FROM_BYTES = 5_000_000
MAX_ZIP_ENTRIES = 10_000
MAX_IMAGE_PIXELS = 50_000_000  # a 300-dpi A3 scan is ~35 million pixels; decoding costs 3-4 bytes each

DEFLATE_MAX_RATIO = 1032  # the most one byte of deflate data can inflate to
INFLATE_STEP = 1 << 20  # bytes inflated at a time while counting: the check holds no more than this

ENCRYPTED = "ไฟล์ถูกเข้ารหัส ต้องใช้รหัสผ่านจึงจะเปิดได้ / encrypted: a password is needed to open it"


def pdfium() -> ModuleType:
    """pypdfium2, with its C constants (`pdfium().raw`), imported when the first PDF is opened. Only worker
    processes open PDFs (the fork server preloads it for them, crawler/forkserver_boot.py): imported up front, it
    cost every scan process ~4 MB, and an HTML-only scan never needs it."""
    import pypdfium2
    import pypdfium2.raw  # binds pypdfium2.raw: the C constants

    return pypdfium2


class Unreadable(Exception):
    """A document that cannot be read, with the reason to show (Thai first, English after " / ")."""


def corrupt(detail: object) -> Unreadable:
    return Unreadable(f"ไฟล์เสียหายหรือไม่ใช่รูปแบบที่ระบุ / corrupt or not the stated format: {detail}"[:300])


class Deadline:
    """A time budget checked inside long loops: a thread cannot be killed, so readers stop themselves."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise Unreadable(f"อ่านเอกสารนานเกินกำหนด ({self.seconds:.0f} วินาที) / reading timed out")


def zip_reason(data: bytes) -> str | None:
    """Why an Office (zip) file must not be unpacked: too many parts, too big unpacked, or compressed like a bomb.

    Python's zipfile never inflates a part beyond the size its directory declares, so checking the declared
    sizes bounds what any reader built on zipfile can unpack.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        return str(corrupt(exc))
    if len(parts) > MAX_ZIP_ENTRIES:
        return f"ไฟล์มีส่วนประกอบมากผิดปกติ ({len(parts)}) / too many parts in the file"
    unpacked = sum(p.file_size for p in parts)
    bomb = any(p.file_size > RATIO_FROM_BYTES and p.file_size > MAX_PART_RATIO * max(1, p.compress_size) for p in parts)
    if unpacked > MAX_UNPACKED_BYTES or bomb:
        return (
            f"ไฟล์ขยายตัวผิดปกติเมื่อแตกไฟล์ ({unpacked // 1_000_000} MB) ไม่เปิดอ่านเพื่อความปลอดภัย"
            f" / unpacks to {unpacked // 1_000_000} MB (zip bomb?): not opened"
        )
    return None


def pdf_reason(data: bytes) -> str | None:
    """ENCRYPTED when the PDF needs a password. One encrypted with an empty user password (copy or print
    restrictions only) opens without one and is read like any other."""
    if b"/Encrypt" not in data:
        return None  # the common case, without parsing: every encrypted PDF names its /Encrypt dictionary
    pypdfium2 = pdfium()
    try:
        pypdfium2.PdfDocument(data).close()
    except pypdfium2.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pypdfium2.raw.FPDF_ERR_PASSWORD:
            return ENCRYPTED
    return None  # other failures are the extractor's to report


_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def pdf_inflation(data: bytes, limit: int) -> int | None:
    """How far past `limit` the PDF's Flate streams other than images inflate (counted as they are inflated, up
    to just past `limit`, without keeping the bytes); None when they stay within it. pdfium holds a page's whole
    content stream: a 3 MB file whose stream inflates to 3 GiB would need that much memory to open the page, and
    poppler minutes of CPU to walk it. Images are left out: pdfium decodes them to their declared size."""
    if len(data) * DEFLATE_MAX_RATIO <= limit:
        return None  # the common case: too small to reach the limit whatever it holds
    view, total = memoryview(data), 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - 2048) : match.start()]
        head = head[head.rfind(b" obj") + 1 :]  # the stream's own dictionary
        if b"/FlateDecode" not in head or b"/Image" in head:
            continue
        total += _inflated(view[match.end() :], limit - total + 1)
        if total > limit:
            return total
    return None


def _inflated(data: memoryview, most: int) -> int:
    """Bytes a zlib stream at the start of `data` inflates to, counting up to `most`; 0 when it is not zlib."""
    inflater, total, pos = zlib.decompressobj(), 0, 0
    try:
        while pos < len(data) and not inflater.eof and total < most:
            total += len(inflater.decompress(data[pos : pos + 65536], INFLATE_STEP))
            pos += 65536
            while inflater.unconsumed_tail and total < most:
                total += len(inflater.decompress(inflater.unconsumed_tail, INFLATE_STEP))
    except zlib.error:
        pass  # a broken or non-zlib stream: the readers report it their way
    return total


def image_reason(data: bytes) -> str | None:
    """Why an image must not be decoded: unreadable, or too many pixels. Reads the header only."""
    from PIL import Image  # imported on the first image: most scans read none

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Image.DecompressionBombError:
        width, height = Image.MAX_IMAGE_PIXELS or 0, 2  # Pillow refused on the header alone: far too large
    except (OSError, ValueError, SyntaxError) as exc:  # Pillow's UnidentifiedImageError is an OSError
        return str(corrupt(exc))
    if width * height > MAX_IMAGE_PIXELS:
        return f"ภาพใหญ่เกินกำหนด ({width}×{height} พิกเซล) / image too large to read ({width * height:,} pixels)"
    return None
