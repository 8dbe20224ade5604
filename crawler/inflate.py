"""Content-Encoding decoded by the crawler itself, with bounded output per step.

httpx inflates each raw chunk in one call with no output limit, and decodes every layer of a stacked encoding
(`Content-Encoding: gzip, gzip`) the same way: a few kilobytes from a hostile server become gigabytes before the
fetcher's byte cap sees the first of them. Here each layer is a zlib stream read with `max_length`, so no step
produces more than STEP bytes, and the caller stops pulling as soon as the page is over its cap: the cap counts
decoded bytes, through every layer, as they are produced.

Only what we decode is announced in Accept-Encoding (ACCEPT_ENCODING); a server that answers in another coding
(br, zstd, compress) gets the page reported unreadable with the coding's name.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

ACCEPT_ENCODING = "gzip, deflate"
STEP = 65536  # most bytes one layer hands on per call
_GZIP = ("gzip", "x-gzip")
_DEFLATE = ("deflate",)
_IDENTITY = ("identity", "")


class UnsupportedEncoding(ValueError):
    """The response is in a Content-Encoding the crawler does not decode."""

    def __init__(self, coding: str) -> None:
        super().__init__(coding)
        self.coding = coding


class CorruptEncoding(ValueError):
    """The compressed stream is broken."""


class _Layer:
    """One gzip or deflate layer; gzip members that follow each other are read as one stream."""

    def __init__(self, coding: str) -> None:
        self._gzip = coding in _GZIP
        self._head = b""  # deflate: the first bytes, until they say whether a zlib header is present
        self._inflater: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS) if self._gzip else None

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._inflater is None:
            self._head += data
            if len(self._head) < 2:
                return
            data, self._head = self._head, b""
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if _zlib_header(data) else -zlib.MAX_WBITS)
        yield from self._inflate(data)

    def finish(self) -> Iterator[bytes]:
        if self._head:  # a deflate body of one byte
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            data, self._head = self._head, b""
            yield from self._inflate(data)

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        assert self._inflater is not None
        while True:
            try:
                out = self._inflater.decompress(data, STEP)
            except zlib.error as exc:
                raise CorruptEncoding(str(exc)) from exc
            data = self._inflater.unconsumed_tail
            if out:
                yield out
            if self._inflater.eof:
                data = self._next_member()
                if not data:
                    return
            elif not data and len(out) < STEP:
                return  # input used up and nothing left inside zlib (a full step may leave more behind)

    def _next_member(self) -> bytes:
        """What follows the end of a stream: the next gzip member, or nothing (trailing bytes are ignored)."""
        assert self._inflater is not None
        rest = self._inflater.unused_data
        if self._gzip and rest.startswith(b"\x1f\x8b"):
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            return rest
        return b""


def _zlib_header(head: bytes) -> bool:
    """RFC 1950 header (what "deflate" means); many servers send a raw RFC 1951 stream instead."""
    return head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


class Decoder:
    """Decodes a body in the codings listed by its Content-Encoding header(s), first applied first."""

    def __init__(self, codings: Iterable[str]) -> None:
        layers = []
        for coding in (c.strip().lower() for c in codings):
            if coding in _IDENTITY:
                continue
            if coding not in _GZIP + _DEFLATE:
                raise UnsupportedEncoding(coding)
            layers.append(_Layer(coding))
        self._layers = layers[::-1]  # the last coding applied is undone first

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """Decoded pieces of `raw`, each at most STEP bytes; pull only as many as you need."""
        return self._through(0, [raw])

    def finish(self) -> Iterator[bytes]:
        """What is left once the raw body has ended."""
        for index, layer in enumerate(self._layers):
            yield from self._through(index + 1, layer.finish())

    def _through(self, index: int, pieces: Iterable[bytes]) -> Iterator[bytes]:
        if index == len(self._layers):
            yield from (p for p in pieces if p)
            return
        layer = self._layers[index]
        for piece in pieces:
            yield from self._through(index + 1, layer.feed(piece))
