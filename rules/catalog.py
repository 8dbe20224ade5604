"""Rule catalogs as data.

Two kinds of data file, both validated here:
- `components.toml`: the year-independent component vocabulary of shared/ita/criteria.md section 4: each
  component's Thai label (used in gap texts), which check detects it and with what parameters, its rule
  (if any) and a remediation hint.
- `catalogs/<year>.toml`: one assessment year's items: code, title, sub-indicator, confidence, time rule,
  the components required, and discovery keywords.

A new year is one new catalog file; no code changes. A year without a file is checked with the newest
earlier catalog, every time window moved accordingly, and the result says it is provisional.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

TimeRule = Literal["current", "current_fy", "previous_fy", "first_half_current_fy", "covers_current_fy", "none"]
Confidence = Literal["C", "S", "1", "I"]


class ComponentDef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label_th: str
    label_en: str
    check: str  # name of a function in rules.checks
    params: dict[str, Any] = Field(default_factory=dict)
    rule: str | None = None  # name of a rule in rules.checks, judged when the component is present
    rule_th: str | None = None  # the rule in the assessors' words, for the gap text
    rule_en: str | None = None
    hint_th: str  # what to publish to fix a gap
    timed: bool = True  # whether the item's time rule applies to this component's evidence


class ItemDef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^O[0-9]{1,2}$")
    title: str
    subindicator: str
    confidence: Confidence
    time: TimeRule
    components: list[str]
    discovery: list[str] = Field(default_factory=list, description="words that name this item on real sites")
    implemented: bool = True
    note: str | None = None


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: int
    subindicator_confidence: Confidence = "I"
    items: list[ItemDef]
    provisional: bool = False  # set when loaded for a later year than its own
    note_th: str | None = None

    def item(self, code: str) -> ItemDef | None:
        return next((i for i in self.items if i.code == code), None)


class CatalogError(Exception):
    """A catalog or component file is invalid: the message names the file and the field."""


def _read_toml(name: str) -> dict[str, Any]:
    path = resources.files("rules").joinpath(name)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"{name}: {exc}") from exc


@cache
def components() -> dict[str, ComponentDef]:
    raw = _read_toml("components.toml")
    out: dict[str, ComponentDef] = {}
    for cid, body in raw.get("components", {}).items():
        try:
            out[cid] = ComponentDef(id=cid, **body)
        except ValidationError as exc:
            raise CatalogError(f"components.toml [{cid}]: {exc}") from exc
    return out


def available_years() -> list[int]:
    folder = resources.files("rules").joinpath("catalogs")
    return sorted(int(p.name.removesuffix(".toml")) for p in folder.iterdir() if p.name.endswith(".toml"))


@cache
def _load_year(year: int) -> Catalog:
    name = f"catalogs/{year}.toml"
    try:
        catalog = Catalog(**_read_toml(name))
    except ValidationError as exc:
        raise CatalogError(f"{name}: {exc}") from exc
    known = components()
    for item in catalog.items:
        for cid in item.components:
            if cid not in known:
                raise CatalogError(f"{name}: {item.code} names unknown component {cid!r}")
    return catalog


def load_catalog(year: int) -> Catalog:
    """The catalog for an assessment year; a provisional copy of the newest earlier one when none exists."""
    years = available_years()
    if year in years:
        return _load_year(year)
    earlier = [y for y in years if y < year]
    if not earlier:
        raise CatalogError(f"ไม่มีเกณฑ์สำหรับปี {year} / no criteria for {year}; available: {years}")
    base = _load_year(earlier[-1])
    note = (
        f"เกณฑ์ปี {year} ยังไม่ประกาศ ใช้เกณฑ์ปี {base.year} โดยเลื่อนช่วงเวลาเป็นปีงบประมาณ {year}"
        f" / the {year} criteria are not published yet; the {base.year} items are applied to fiscal year {year}"
    )
    return base.model_copy(update={"provisional": True, "note_th": note})
