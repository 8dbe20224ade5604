"""A PDF document of the demo agency as data (tools/demosite/content/documents/*.toml): its path, title, date and a
list of blocks in reading order, each one call of the Doc renderer (tools/demosite/pdf.py).

A block is an inline table whose first key names its kind:
    { center = "...", size = 16, bold = true }    a centred line
    { para = "...", indent = false, bold = true, gap = 1 }   a paragraph (indented by default)
    { head = "..." }                               a bold section heading
    { bullets = ["...", "..."] }                   indented lines, one per item
    { table = [header...], widths = [...], rows = [[...], ...], size = 12, line_height = 6, align = [...],
      v_align = "TOP" }                            a ruled table; rows = "name" takes rows the generator computes
    { signature = "palad", pre = "ผู้รายงาน", position = "...", seed = 1 }   signed by an executive (agency.toml)
    { seal = 18 }  { space = 2 }  { new_page = true }
    { part = "e-bidding-qualifications" }          the blocks of a part several documents share (document-parts.toml)
Text may name the agency ({org}, {amphoe}, {changwat}, {address}, {phone}), the document's date in Thai words and
digits ({date}), or values the generator computes for that document. A planted gap sits in [planted] beside it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import model_validator

from .base import Planted, Strict, ThaiDate

KINDS = ("center", "para", "head", "bullets", "table", "signature", "seal", "space", "new_page")
OPTIONS = {  # the options each kind of block takes; any other key is a mistake
    "center": {"size", "bold"},
    "para": {"indent", "bold", "gap"},
    "table": {"widths", "rows", "size", "line_height", "align", "v_align"},
    "signature": {"position", "pre", "seed"},
}


class Block(Strict):
    center: str | None = None
    para: str | None = None
    head: str | None = None
    bullets: list[str] | None = None
    table: list[str] | None = None
    signature: str | None = None
    seal: float | None = None
    space: float | None = None
    new_page: Literal[True] | None = None
    # options
    size: float | None = None
    bold: bool = False
    indent: bool = True
    gap: float = 1.5
    widths: list[float] | None = None
    rows: list[list[str]] | str | None = None
    line_height: float = 5.2
    align: list[Literal["LEFT", "CENTER", "RIGHT"]] | None = None
    v_align: Literal["TOP", "MIDDLE"] = "MIDDLE"
    position: str | None = None
    pre: str = ""
    seed: int = 1

    @property
    def kind(self) -> str:
        return next(k for k in KINDS if getattr(self, k) is not None)

    @model_validator(mode="after")
    def _one_kind_with_its_options(self) -> Block:
        kinds = [k for k in KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"a block has exactly one kind of {KINDS}, not {kinds}")
        extra = self.model_fields_set - {kinds[0]} - OPTIONS.get(kinds[0], set())
        if extra:
            raise ValueError(f"{kinds[0]} block does not take {sorted(extra)}")
        if self.table is not None:
            if self.widths is None or self.rows is None:
                raise ValueError("a table needs widths and rows")
            n = len(self.table)
            bad = [r for r in self.rows if len(r) != n] if isinstance(self.rows, list) else []
            if len(self.widths) != n or (self.align and len(self.align) != n) or bad:
                raise ValueError(f"table {self.table[:2]}: every row, widths and align need {n} columns")
        return self


class Document(Strict):
    path: str
    title: str
    date: ThaiDate
    landscape: bool = False
    size: float = 15
    blocks: list[Block]
    planted: Planted | None = None


def _with_parts(blocks: list[dict], parts: dict[str, list[dict]], name: str) -> list[dict]:
    """The blocks with each { part = "..." } replaced by that shared part's blocks."""
    out = []
    for b in blocks:
        if "part" not in b:
            out.append(b)
        elif b["part"] in parts and len(b) == 1:
            out += parts[b["part"]]
        else:
            raise ValueError(f"{name}: {b} names no part of document-parts.toml ({sorted(parts)})")
    return out


def load_documents(directory: Path, parts_file: Path) -> list[Document]:
    """Every document file of the directory, in name order, their shared parts (parts_file) put in place."""
    with parts_file.open("rb") as fh:
        parts = tomllib.load(fh)
    docs = []
    for f in sorted(directory.glob("*.toml")):
        with f.open("rb") as fh:
            raw = tomllib.load(fh)
        docs.append(Document(**raw | {"blocks": _with_parts(raw.get("blocks", []), parts, f.name)}))
    return docs
