"""Typed models of the demo agency's content (tools/demosite/content/*.toml), validated when loaded.

Dates in the content are Thai (พ.ศ.) "YYYY-MM-DD" strings and months "YYYY-MM", as the agency would write them;
the models turn them into datetime.date and (year พ.ศ., month) pairs. A mistyped key fails the load (extra="forbid").
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from .base import Planted, Strict, ThaiDate, ThaiMonth
from .document import Document, load_documents
from .page import Page, Site, load_pages

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ITEM_CODES = [f"O{n}" for n in range(1, 27)]


class Executive(Strict):
    key: str
    name: str
    position: str
    phone: str
    email: str = ""


class Village(Strict):
    name: str
    council_member: str
    male: int
    female: int
    households: int


class Unit(Strict):
    name: str
    head: str
    sections: list[str]


class Agency(Strict):
    org: str
    org_short: str
    amphoe: str
    changwat: str
    postcode: str
    address: str
    phone: str
    fax: str
    email: str
    facebook: str
    google_form: str
    egp: str
    map_embed: str
    council_chair: str
    council_vice: str
    executives: list[Executive]
    villages: list[Village]
    units: list[Unit]

    def executive(self, key: str) -> Executive:
        return next(e for e in self.executives if e.key == key)

    @model_validator(mode="after")
    def _council_known(self) -> Agency:
        members = {v.council_member for v in self.villages}
        if not {self.council_chair, self.council_vice} <= members:
            raise ValueError("the council chair and vice must be council members of a village")
        return self


class NewsPost(Strict):
    slug: str
    date: ThaiDate
    title: str
    scene: Literal["outdoor", "indoor"]
    banner: str
    paragraphs: list[str]
    thai_digits: bool


class News(Strict):
    news: list[NewsPost]


class Contract(Strict):
    month: ThaiMonth
    job: str
    budget: float
    reference_price: float
    method: str
    bidders: list[tuple[str, float]]
    reason: Literal["specific", "lowest"]
    contract: str


class Announcement(Strict):
    date: ThaiDate
    title: str
    target: str  # a site path, "egp" or ""


class PoolRow(Strict):
    job: str
    low: int
    high: int
    vendor: str
    kind: Literal["ซื้อ", "จ้าง"]


class MajorContract(Strict):
    job: str
    budget: float
    reference_price: float
    method: Literal["เฉพาะเจาะจง", "e-bidding", "คัดเลือก"]
    winner: str
    price: float
    contract: str


class Procurement(Strict):
    reason_specific: str
    reason_lowest: str
    months: list[ThaiMonth]
    planted: list[Planted]
    contracts: list[Contract]
    announcements: list[Announcement]
    archive_pool: list[PoolRow]
    major_2568: list[MajorContract]

    @model_validator(mode="after")
    def _contracts_in_published_months(self) -> Procurement:
        for c in self.contracts:
            if c.month not in self.months:
                raise ValueError(f"contract of {c.month} but that month has no published summary: {c.job}")
        for p in self.planted:
            if set(p.missing) & set(self.months):
                raise ValueError(f"{p.item}: a month planted as missing is published: {p.missing}")
        return self


class EserviceMonth(Strict):
    month: ThaiMonth
    counts: tuple[int, int, int, int]


class Eservice(Strict):
    planted: list[Planted]
    stats: list[EserviceMonth]


class NogiftAnnouncement(Strict):
    year: int
    path: str
    signer: str
    seed: int


class Nogift(Strict):
    rules: list[str]
    announcements: list[NogiftAnnouncement]
    planted: list[Planted]


class OitRow(Strict):
    """A row of an OIT index page: an item with its links (or published in ITAS only), or a heading."""

    code: str = ""
    title: str = ""
    links: list[tuple[str, str]] = Field(default_factory=list)  # (label, site path)
    itas: bool = False
    indicator: str = ""
    group: str = ""

    @model_validator(mode="after")
    def _item_or_heading(self) -> OitRow:
        if bool(self.code) == bool(self.group) or (self.code and not (self.title and (self.links or self.itas))):
            raise ValueError(
                f"an OIT row is an item with a title and links (or itas = true) or a group heading: {self}"
            )
        return self


class Ita(Strict):
    itas_note: str
    oit_2569: list[OitRow]
    oit_2568: list[OitRow]


class Section(Strict):
    title: str
    items: list[str]


class Item(Strict):
    evidence: list[str]
    note: str = ""
    fiscal_year_found: int | None = None
    fiscal_year_required: int | None = None


class Items(Strict):
    as_of: dt.date
    year: int
    start: str
    ita_index: str
    ita_index_previous_year: str
    robots_disallowed: list[str]
    legacy_encoding_pages: list[str]
    sections: list[Section]
    items: dict[str, Item]

    @model_validator(mode="after")
    def _all_items_once(self) -> Items:
        listed = [c for s in self.sections for c in s.items]
        if listed != ITEM_CODES or list(self.items) != ITEM_CODES:
            raise ValueError("sections and items must list O1..O26 once each, in order")
        return self


class Content(Strict):
    agency: Agency
    news: list[NewsPost]
    procurement: Procurement
    eservice: Eservice
    nogift: Nogift
    items: Items
    documents: list[Document]
    pages: list[Page]
    site: Site
    ita: Ita

    def planted(self) -> list[Planted]:
        """Every planted gap, wherever its content lives."""
        beside = [x.planted for x in [*self.documents, *self.pages] if x.planted]
        return self.procurement.planted + self.eservice.planted + self.nogift.planted + beside

    def document(self, path: str) -> Document:
        return next(d for d in self.documents if d.path == path)

    def page(self, path: str) -> Page:
        return next(p for p in self.pages if p.path == path)

    @model_validator(mode="after")
    def _consistent(self) -> Content:
        keys = {e.key for e in self.agency.executives}
        for a in self.nogift.announcements:
            if a.signer not in keys:
                raise ValueError(f"No Gift {a.year}: signer {a.signer!r} is not an executive key")
        for d in self.documents:
            for b in d.blocks:
                if b.signature is not None and b.signature not in keys:
                    raise ValueError(f"{d.path}: signer {b.signature!r} is not an executive key")
        paths = [d.path for d in self.documents] + [p.path for p in self.pages]
        if len(paths) != len(set(paths)):
            raise ValueError("two document or page files write the same path")
        codes = [p.item for p in self.planted()]
        if len(codes) != len(set(codes)) or not set(codes) <= set(ITEM_CODES):
            raise ValueError(f"planted gaps must name distinct items O1..O26: {codes}")
        return self


def load(content_dir: Path = CONTENT_DIR) -> Content:
    """Read and validate every content file."""

    def _read(name: str) -> dict:
        with (content_dir / f"{name}.toml").open("rb") as f:
            return tomllib.load(f)

    return Content(
        agency=Agency(**_read("agency")),
        news=News(**_read("news")).news,
        procurement=Procurement(**_read("procurement")),
        eservice=Eservice(**_read("eservice")),
        nogift=Nogift(**_read("nogift")),
        items=Items(**_read("items")),
        documents=load_documents(content_dir / "documents", content_dir / "document-parts.toml"),
        pages=load_pages(content_dir / "pages"),
        site=Site(**_read("site")),
        ita=Ita(**_read("ita")),
    )
