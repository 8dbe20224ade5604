"""Evidence screenshots in the HTML report: at most one per item, small enough to embed.

The report is one self-contained file, so a picture travels inside it as a data: URI. A browser screenshot is
1280 px wide; a card is at most 186 mm (about 700 CSS px) wide on A4, so pictures are downscaled and
recompressed with Pillow until they fit a byte budget. Bytes that Pillow cannot read as an image are left
out of the report (the scan's verdicts never depend on screenshots).
"""

from __future__ import annotations

import base64
import io
import logging
from collections.abc import Mapping, Sequence

from pydantic import BaseModel

log = logging.getLogger(__name__)

MAX_SIZE = (720, 900)  # px: wider than a card on A4 at 96 dpi, and a portrait screenshot keeps its top part whole
MAX_BYTES = 120_000  # per picture, before base64: 26 items stay under about 4 MB of report
QUALITIES = (70, 55, 40)  # JPEG qualities tried in turn until the picture fits MAX_BYTES

# item code -> (page URL, JPEG bytes) as stored with the scan; the first of each item is shown
Screenshots = Mapping[str, Sequence[tuple[str, bytes]]]


class EvidencePicture(BaseModel):
    """One item's screenshot, ready for the template."""

    url: str  # the evidence page it shows (a website's URL: escaped by the template)
    data_uri: str  # data:image/jpeg;base64,...
    width: int
    height: int


def shrink(image: bytes) -> tuple[bytes, int, int]:
    """The picture as a JPEG of at most MAX_SIZE and (as far as QUALITIES allow) MAX_BYTES, with its size.
    A JPEG that already fits is kept as it is. Raises ValueError when the bytes are not an image."""
    from PIL import Image, UnidentifiedImageError  # only reports with screenshots need Pillow

    try:
        with Image.open(io.BytesIO(image)) as picture:
            picture.load()
            if picture.format == "JPEG" and _fits(picture.size) and len(image) <= MAX_BYTES:
                return image, *picture.size
            small = picture.convert("RGB")  # JPEG has no alpha or palette
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValueError(f"not a readable image: {exc}") from exc
    small.thumbnail(MAX_SIZE, Image.Resampling.LANCZOS)
    for quality in QUALITIES:
        out = io.BytesIO()
        small.save(out, format="JPEG", quality=quality, optimize=True)
        if out.tell() <= MAX_BYTES:
            break
    return out.getvalue(), *small.size


def _fits(size: tuple[int, int]) -> bool:
    return size[0] <= MAX_SIZE[0] and size[1] <= MAX_SIZE[1]


def evidence_pictures(screenshots: Screenshots | None) -> dict[str, EvidencePicture]:
    """Item code -> the picture shown in its card: the first readable screenshot of the item. A page that is
    the evidence of several items is shrunk once."""
    by_url: dict[str, EvidencePicture | None] = {}
    pictures: dict[str, EvidencePicture] = {}
    for code, shots in (screenshots or {}).items():
        for url, image in shots:
            if url not in by_url:
                by_url[url] = _picture(url, image)
            if picture := by_url[url]:
                pictures[code] = picture
                break
    return pictures


def _picture(url: str, image: bytes) -> EvidencePicture | None:
    try:
        jpeg, width, height = shrink(image)
    except ValueError as exc:
        log.warning("screenshot of %s left out of the report: %s", url, exc)
        return None
    data_uri = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
    return EvidencePicture(url=url, data_uri=data_uri, width=width, height=height)
