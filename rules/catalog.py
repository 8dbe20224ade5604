"""Rule catalogs as data.

Two kinds of data file, both validated here:
- `components.toml`: the year-independent component vocabulary of shared/ita/criteria.md section 4: each
  component's Thai label (used in gap texts), which check detects it and with what parameters, its rule
  (if any) and a remediation hint.
- `catalogs/<year>.toml`: one assessment year's items: code, title, sub-indicator, confidence, time rule,
  the components required, and discovery keywords.
- `catalogs/wording.toml`: the assessors' wording of every finding, Thai and English templates with named
  placeholders (WORDING_SLOTS says which each must use); rules/results.py renders gap texts from it.

A new year is one new catalog file; no code changes. A year after the newest catalog (criteria not yet
published) is checked with the newest catalog, every time window moved accordingly, and the result says it is
provisional. A year before the oldest catalog, or between two catalogs (its criteria were published but are
not in the tool), is an error: it is never checked silently with another year's items.

Confidence (shared/ita/criteria.md section 5): C quoted from NACC, S two or more sources, 1 one source,
I inferred. An item carries its own; a component of an item has the item's unless `component_confidence`
says otherwise (e.g. components carried over from another year are I); `time_confidence` likewise for the
time rule. `known = false` marks a code the reference lists only vaguely (its title and components are
inferred): such an item is never evaluated (`implemented` must be false) and is reported as not checked.
"""

from __future__ import annotations

import string
import tomllib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny, ValidationError, model_validator

from rules.params import Params, ParamsError, check_params, rule_known

TimeRule = Literal["current", "current_fy", "previous_fy", "first_half_current_fy", "covers_current_fy", "none"]
Confidence = Literal["C", "S", "1", "I"]


class ComponentDef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label_th: str
    label_en: str
    check: str  # name of a check of rules/checks/registry.py
    # The check's parameters, validated against its model (rules/params.py) when the component is built: a
    # misspelt or unknown parameter, or a wrong type, fails the load.
    params: SerializeAsAny[Params]
    rule: str | None = None  # name of a rule of rules/checks/registry.py, judged when the component is present
    rule_th: str | None = None  # the rule in the assessors' words, for the gap text
    rule_en: str | None = None
    hint_th: str  # what to publish to fix a gap
    timed: bool = True  # whether the item's time rule applies to this component's evidence
    # Sub-components (e.g. manual.service.fee): each field is a component of its own, id "<id>.<name>", judged
    # in the sources where this component was found, with one result and one gap each (rules/evaluate.py).
    fields: list[ComponentDef] = Field(default_factory=list)
    fields_gap_th: str | None = None  # text of a missing field's gap, after "ไม่ปรากฏ"; {year} and {fields} filled in
    # The component that must exist for this one to (an E-Service's usage guide and statistics need the online
    # system): where the item lacks it, this one is judged on what could be read, so it is missing, not
    # unknown, when only an unreadable source is left (rules/evaluate.py). Listed after it in every item.
    requires: str | None = None
    # The kinds of source this component can be in ("page", "document", "external"); None: any. An unreadable
    # source of another kind cannot hide it (an online service is never inside a scanned PDF).
    found_in: list[Literal["page", "document", "external"]] | None = None

    @model_validator(mode="before")
    @classmethod
    def _typed_params(cls, data: Any) -> Any:
        """The `params` table as its check's model, and the rule a known one (once, at load: not per page)."""
        if not isinstance(data, dict) or not isinstance(data.get("check"), str):
            return data  # pydantic reports the missing or mistyped check
        cid, check = str(data.get("id", "?")), data["check"]
        raw = data.get("params", {})
        if not isinstance(raw, Params):
            if not isinstance(raw, dict):
                raise ParamsError(f"องค์ประกอบ {cid}: params ต้องเป็นตาราง / component {cid}: params must be a table")
            data = {**data, "params": check_params(cid, check, raw)}
        elif raw.name != check:
            raise ParamsError(
                f"องค์ประกอบ {cid}: params ของ {raw.name} ไม่ใช่ของ {check} / params of {raw.name}, not {check}"
            )
        if isinstance(data.get("rule"), str):
            rule_known(cid, data["rule"])
        return data


class ItemDef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^O[0-9]{1,2}$")
    title: str
    subindicator: str
    confidence: Confidence
    time: TimeRule
    components: list[str]
    discovery: list[str] = Field(default_factory=list, description="words that name this item on real sites")
    url_words: list[str] = Field(
        default_factory=list, description="slugs that name this item in URLs (WordPress pages, CMS menus)"
    )
    implemented: bool = True
    known: bool = True  # False: the reference lists this code only vaguely (title/components inferred)
    component_confidence: dict[str, Confidence] = Field(
        default_factory=dict, description="per component, where it differs from the item's confidence"
    )
    time_confidence: Confidence | None = None  # None: the item's confidence
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ItemDef:
        if len(set(self.components)) != len(self.components):
            raise ValueError(f"{self.code}: a component is listed twice")
        stray = sorted(set(self.component_confidence) - set(self.components))
        if stray:
            raise ValueError(f"{self.code}: component_confidence names components the item does not have: {stray}")
        if not self.known and self.implemented:
            raise ValueError(f"{self.code}: an item with known = false cannot be implemented")
        if self.implemented and not self.components:
            raise ValueError(f"{self.code}: an implemented item needs at least one component")
        return self

    def confidence_of(self, component: str) -> Confidence:
        """The confidence of one of this item's components."""
        if component not in self.components:
            raise KeyError(f"{self.code} has no component {component!r}")
        return self.component_confidence.get(component, self.confidence)

    @property
    def time_rule_confidence(self) -> Confidence:
        return self.time_confidence or self.confidence


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: int
    subindicator_confidence: Confidence = "I"
    items: list[ItemDef]
    provisional: bool = False  # set when loaded for a later year than its own
    note_th: str | None = None

    @model_validator(mode="after")
    def _unique_codes(self) -> Catalog:
        codes = [i.code for i in self.items]
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            raise ValueError(f"item codes listed twice: {twice}")
        return self

    def item(self, code: str) -> ItemDef | None:
        return next((i for i in self.items if i.code == code), None)

    @property
    def codes(self) -> list[str]:
        return [i.code for i in self.items]


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
    return read_components(resources.files("rules").joinpath("components.toml"))


def read_components(path: Traversable | Path) -> dict[str, ComponentDef]:
    """The components of a components file, each validated with its check's parameters; CatalogError names the
    file, the component and the field or parameter at fault."""
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"{name}: {exc}") from exc
    out: dict[str, ComponentDef] = {}
    for cid, body in raw.get("components", {}).items():
        try:
            out[cid] = _component(cid, body)
        except ValidationError as exc:
            raise CatalogError(f"{name} [{cid}]: {_explain(exc)}") from exc
        out.update((field.id, field) for field in out[cid].fields)
    for cid, comp in out.items():
        if comp.requires and comp.requires not in out:
            raise CatalogError(f"{name} [{cid}]: requires unknown component {comp.requires!r}")
    return out


def _explain(exc: ValidationError) -> str:
    """A parameter error in its own words (it names the component and the parameter); any other as pydantic says."""
    own = [e["ctx"]["error"] for e in exc.errors() if isinstance(e.get("ctx", {}).get("error"), ParamsError)]
    return "; ".join(str(e) for e in own) if own else str(exc)


def _component(cid: str, body: dict[str, Any]) -> ComponentDef:
    """A component; its `fields` table ({name = {...}}) becomes sub-components "<cid>.<name>": untimed (the
    parent carries the time rule), with the parent's hint unless they give their own."""
    fields = [
        ComponentDef(id=f"{cid}.{name}", **{"hint_th": body.get("hint_th", ""), "timed": False, **sub})
        for name, sub in body.get("fields", {}).items()
    ]
    return ComponentDef(id=cid, **{**body, "fields": fields})


def available_years() -> list[int]:
    folder = resources.files("rules").joinpath("catalogs")
    names = (p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))
    return sorted(int(name) for name in names if name.isdigit())  # wording.toml is no year


@cache
def _load_year(year: int) -> Catalog:
    name = f"catalogs/{year}.toml"
    try:
        catalog = Catalog(**_read_toml(name))
    except ValidationError as exc:
        raise CatalogError(f"{name}: {exc}") from exc
    if catalog.year != year:
        raise CatalogError(f"{name}: says year = {catalog.year}")
    known = components()
    for item in catalog.items:
        for n, cid in enumerate(item.components):
            if cid not in known:
                raise CatalogError(f"{name}: {item.code} names unknown component {cid!r}")
            parent = known[cid].requires
            if parent and parent not in item.components[:n]:
                raise CatalogError(f"{name}: {item.code} lists {cid!r} without its parent {parent!r} before it")
    return catalog


def load_catalog(year: int) -> Catalog:
    """The catalog for an assessment year.

    A year after the newest catalog gets a provisional copy of the newest one (its criteria are not published
    yet). Any other year without a catalog is an error: before the oldest, there is nothing to apply; between
    two catalogs, that year's criteria were published and differ from both neighbours (codes move every
    year), so neither may stand in for them.
    """
    years = available_years()
    if year in years:
        return _load_year(year)
    if not years or year < years[-1]:
        raise CatalogError(
            f"ไม่มีเกณฑ์สำหรับปี {year} / no criteria for {year}; available: {', '.join(map(str, years)) or 'none'}"
        )
    base = _load_year(years[-1])
    note = (
        f"เกณฑ์ปี {year} ยังไม่ประกาศ ใช้เกณฑ์ปี {base.year} โดยเลื่อนช่วงเวลาเป็นปีงบประมาณ {year}"
        f" / the {year} criteria are not published yet; the {base.year} items are applied to fiscal year {year}"
    )
    return base.model_copy(update={"provisional": True, "note_th": note})


# --- wording ------------------------------------------------------------------------------------------
# The placeholders each wording of catalogs/wording.toml uses, Thai then English (None: no English template):
# exactly these, so a template that drops a fact or names one the rules do not supply fails at load.
WORDING_SLOTS: dict[str, tuple[str, str | None]] = {
    "data.absent": ("label", "label"),
    "data.absent_parts": ("label parts", "label parts"),
    "data.field": ("field label", "field label"),
    "data.field_listed": ("listed field", "field label"),
    "data.no_fields": ("listed", "label"),
    "data.with_fields": ("label fields", None),
    "time.fiscal_year": ("label target", "label target"),
    "time.fiscal_year_seen": ("label target years", "label target years"),
    "time.fiscal_year_old": ("label target old", "label target years"),
    "time.old_year": ("year", "fy"),
    "time.data_year": ("year", "fy"),
    "time.no_data_year": ("year", "fy"),
    "time.not_covered": ("year periods", "fy periods"),
    "time.months": ("months", "months"),
    "time.undated": ("", ""),
    "time.no_period": ("", ""),
    "time.no_month": ("", ""),
    "rule.unmet": ("rule", "rule"),
    "rule.unmet_detail": ("rule detail", "rule"),
    "rule.dead_link": ("urls", "urls statuses"),
    "rule.declared": ("declared", "declared"),
    "rule.declared_found": ("declared found", "declared found"),
    "not_found.item": ("title", "title"),
    "unknown.unreadable": ("", "reasons"),
    "unknown.rule_undecided": ("", "detail"),
    "unknown.not_implemented": ("", ""),
    "unknown.no_parts": ("", ""),
}


class Wording(BaseModel):
    """One wording: Thai and English templates, and the fix to suggest where the finding has its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    th: str
    en: str | None = None
    hint_th: str | None = None

    @model_validator(mode="after")
    def _slots(self) -> Wording:
        if self.key not in WORDING_SLOTS:
            raise ValueError(f"no such wording (not in WORDING_SLOTS): {self.key}")
        want_th, want_en = WORDING_SLOTS[self.key]
        for lang, template, want in (("th", self.th, want_th), ("en", self.en, want_en)):
            used = _placeholders(template) if template is not None else None
            wanted = set(want.split()) if want is not None else None
            if used != wanted:
                raise ValueError(
                    f"{lang} must use {sorted(wanted or ()) if wanted is not None else 'no template'}"
                    f", uses {sorted(used) if used is not None else 'none'}"
                )
        return self

    def th_text(self, **values: object) -> str:
        return self.th.format(**values)

    def en_text(self, **values: object) -> str | None:
        return self.en.format(**values) if self.en is not None else None

    def both(self, **values: object) -> str:
        """ "ไทย / English" in one string, as unknown reasons are written."""
        return f"{self.th_text(**values)} / {self.en_text(**values)}"


def _placeholders(template: str) -> set[str]:
    """The named fields of a format template; a positional or formatted field is an error (facts are named)."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"placeholder {{{name}}} must be a plain name")
        names.add(name)
    return names


@cache
def wording() -> dict[str, Wording]:
    """catalogs/wording.toml, validated once: every wording of WORDING_SLOTS present with exactly its slots."""
    return parse_wording(_read_toml("catalogs/wording.toml"))


def parse_wording(raw: dict[str, Any], name: str = "catalogs/wording.toml") -> dict[str, Wording]:
    """The wordings of a parsed wording file, each checked against WORDING_SLOTS; CatalogError names the table."""
    out: dict[str, Wording] = {}
    for kind, cases in raw.items():
        if not isinstance(cases, dict):
            raise CatalogError(f"{name}: [{kind}] must be a table of wordings")
        for case, body in cases.items():
            key = f"{kind}.{case}"
            try:
                out[key] = Wording(key=key, **body)
            except (ValidationError, TypeError) as exc:
                raise CatalogError(f"{name} [{key}]: {exc}") from exc
    absent = sorted(set(WORDING_SLOTS) - set(out))
    if absent:
        raise CatalogError(f"{name}: wordings missing: {absent}")
    return out
