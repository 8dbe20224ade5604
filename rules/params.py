"""What each check and rule named in components.toml accepts: one typed parameter model per check and per rule.

A component's `params` table is validated against its check's model when the components load
(rules/catalog.py): a misspelt parameter, one the check does not know, a value of the wrong type or a regular
expression that does not compile fails the load with a message naming the component and the parameter, instead
of being ignored. The checks then read typed attributes (`component.params.min`), not a dict.

Each model's docstring says what its check passes and what it fails on (the way axe-core and ruff document
their rules); tests/rules/checks/<name>/ holds a passing and a failing example of each. The functions are
paired with these models in one place, rules/checks/registry.py.

This module imports nothing of the project, so the catalog can validate with it while the checks (which read
the catalog's ComponentDef) stay above it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

SHARED_PATTERNS = ("@phone",)  # names of patterns the checks define once (rules/checks/base.py PHONE)


class Params(BaseModel):
    """Parameters of a check or a rule: unknown keys are errors, values are of their exact type, and frozen."""

    # strict: TOML gives real types, so a quoted number ("2") or a "true" in quotes is a mistake, not a value
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True)
    name: ClassVar[str]


def _compiles(patterns: list[str]) -> list[str]:
    """The patterns, each a regular expression that compiles (or a shared pattern's name): checked once, at load."""
    for pattern in patterns:
        if pattern not in SHARED_PATTERNS:
            _regex(pattern)
    return patterns


def _regex(pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:  # not a ValueError: pydantic reports only those on the parameter
        raise ValueError(f"not a regular expression: {pattern!r} ({exc})") from None


# --- the time rule's reading of a component's evidence (rules/evaluate.py), not the check's ----------------
class MonthlyParams(Params):
    """Parameters the time rule reads where an item asks for the first half of the fiscal year month by month."""

    per_month: bool = False
    """Judge the months one by one (a monthly สขร.1 report or complaint summary per month), not only the period."""
    months_anywhere: bool = False
    """Read the months anywhere in the evidence's text, not only in its title and heading."""


# --- checks --------------------------------------------------------------------------------------------
class PhrasesParams(MonthlyParams):
    """phrases. Passes when sources contain at least `min` distinct phrases of `any` (and, with `context_any`,
    one of those in the same source). Fails when fewer are found. Passes: a structure page saying
    "โครงสร้างส่วนราชการ". Fails: a page without any of the phrases."""

    name = "phrases"
    any: list[str]
    """The phrases, any of which shows the component."""
    min: int = 1
    """How many distinct phrases of `any` must be found (across the sources)."""
    context_any: list[str] = []
    """When given, a source counts only if it also says one of these."""
    ignore: list[str] = []
    """Longer phrases inside which a phrase of `any` does not count ("รองนายก…" hides "นายก…")."""
    skip_whole_law: bool = False
    """Do not read a copy of an act (it describes every agency, not this one)."""


class PhraseGroupsParams(MonthlyParams):
    """phrase_groups. Passes when every group has a phrase present (with `same_source`, all in one source).
    Fails naming the absent groups (`group_labels`). Passes: a complaint page with the channel, the steps and the
    time to answer. Fails: the same page without the steps."""

    name = "phrase_groups"
    groups: list[list[str]]
    """Groups of phrases; each group must have one phrase found."""
    group_labels: list[str] = []
    """How a gap names each group (default: the group's first phrase)."""
    skip_if: list[str] = []
    """Sources saying one of these (a month without purchases) need not hold the groups."""
    exclude_titled: list[str] = []
    """Sources whose title or link names one of these are not read."""
    exclude_named: list[str] = []
    """Sources named (title, link, heading, first lines) by one of these and none of the first group's are not
    read (the announcement of an intent is not the activity)."""
    one_statement: bool = False
    """One statement (an element of a page, two lines of a document, the title) must name every group."""
    same_source: bool = False
    """Every group in one source."""
    content_outside_names: bool = False
    """With same_source: groups after the first count only outside the names of things (titles, link labels)."""
    prefer_all: list[str] = []
    """Sources also carrying one of these are listed first."""


class PatternParams(Params):
    """pattern. Passes when a regular expression matches a source's text (Thai digits read as Arabic), or with
    `mailto` when a page links a mailto: address. Fails when none matches; unknown when only OCR'd Thai digits
    match. Passes: a contact page with "โทรศัพท์ 0-4341-4123". Fails: a contact page with only an address."""

    name = "pattern"
    patterns: list[str]
    """Regular expressions (case-insensitive); "@phone" names the shared Thai phone pattern."""
    mailto: bool = False
    """A mailto: link counts too."""

    @field_validator("patterns")
    @classmethod
    def _valid(cls, value: list[str]) -> list[str]:
        return _compiles(value)


class LinksToParams(Params):
    """links_to. Passes when a source links to or embeds a URL matching `url_patterns`, or its text matches
    `text_patterns` (coordinates). Fails otherwise. Passes: a contact page embedding a Google map. Fails: the
    same page with the address only."""

    name = "links_to"
    url_patterns: list[str] = []
    """Regular expressions (case-insensitive) for the URL linked or embedded."""
    text_patterns: list[str] = []
    """Regular expressions for the text (e.g. coordinates)."""

    @field_validator("url_patterns", "text_patterns")
    @classmethod
    def _valid(cls, value: list[str]) -> list[str]:
        return _compiles(value)


class ImageOrDocumentParams(Params):
    """image_or_document. Passes when a page shows an image, or links an image or document, whose alt text, file
    name or link text contains one of `words`, or when the evidence is itself a document so named. Fails
    otherwise. Passes: a structure page showing "แผนผังโครงสร้าง.jpg". Fails: a structure page of text only."""

    name = "image_or_document"
    words: list[str]
    """Words naming the image or document."""


class DocumentParams(Params):
    """document. Passes when a source *is* the document named by `title_any` (its title, the link to it, a
    page's heading or a document's first lines) and holds every group of `groups` outside its name. Fails with
    no such document, or naming the absent groups. Passes: a local development plan with its vision and
    strategies. Fails: the same plan without its strategies."""

    name = "document"
    title_any: list[str]
    """Names of the document."""
    exclude_titled: list[str] = []
    """A source also named by one of these is not the document."""
    groups: list[list[str]] = []
    """What the document must hold: groups of phrases."""
    group_labels: list[str] = []
    """How a gap names each group (without them the gap lists no parts, only the detail)."""
    min: int = 1
    """How many phrases of each group must be found."""
    patterns: list[list[str]] = []
    """Per group, regular expressions that also hold it (a count: "รวม ๔๒ โครงการ"; Thai digits read as Arabic)."""
    same_source: bool = True
    """Every group in one document (false: across all the documents so named)."""
    period_after: bool = False
    """The time rule reads only the period written right after the document's name."""

    @field_validator("patterns")
    @classmethod
    def _valid(cls, value: list[list[str]]) -> list[list[str]]:
        for group in value:
            _compiles(group)
        return value


RowValue = Literal["", "amount", "month", "day_period", "tax_id", "text"]


class TableRowsParams(Params):
    """table_rows. Passes when a document named by `title_any` has at least `min_rows` numbered table rows and
    (a `min_share` of) them carry a value of kind `value` (in the column named by `column_any`). Fails naming the
    rows without it; unknown when the values are OCR'd Thai digits or a Gantt chart's bars. Passes: a spending
    plan whose projects each have a budget. Fails: one whose project has no amount."""

    name = "table_rows"
    title_any: list[str] = []
    """Names of the document (none: every readable source)."""
    exclude_titled: list[str] = []
    """A source also named by one of these is not the document."""
    period_after: bool = False
    """The time rule reads only the period written right after the document's name."""
    row_pattern: str | None = None
    """A regular expression a row's content must match to be an entry (default: not a total or a heading)."""
    numbered_fallback: bool = False
    """Without entry rows, every numbered line is an entry (a plan by budget category)."""
    skip_rows: list[str] = []
    """Rows saying one of these are not judged (a project not carried out)."""
    min_rows: int = 1
    """How many entry rows a table needs to be read."""
    value: RowValue = ""
    """What each row must carry: an amount, a month (a period; a Gantt chart's bars), a day period, a tax id, a
    text result; "" for nothing."""
    column_any: list[str] = []
    """Names of the column holding the value."""
    value_any: list[str] = []
    """For a text value in a row without cells: phrases one of which the row must say."""
    min_share: float = 1.0
    """The share of rows that must carry the value."""

    @field_validator("row_pattern")
    @classmethod
    def _valid(cls, value: str | None) -> str | None:
        if value is not None:
            _regex(value)
        return value

    @model_validator(mode="after")
    def _phrases_take_effect(self) -> TableRowsParams:
        # value_any is read only for a text value without a named column (checks/tables.py _carries): given with
        # column_any, or for another kind of value, it would be ignored, and a catalog line that does nothing
        # reads as if it were a rule.
        if self.value_any and (self.value != "text" or self.column_any):
            raise ValueError(
                'value_any ใช้ได้เฉพาะกับ value = "text" ที่ไม่มี column_any มิฉะนั้นจะไม่มีผล'
                ' / value_any applies only to value = "text" without column_any, else it has no effect'
            )
        return self


class DatedPostsParams(Params):
    """dated_posts. Passes when a page lists a post with its own date (or, with `document_any`, a document so
    named), judged by that date. Fails when no dated post is found. Passes: a news list "2 ก.พ. 2569 …". Fails: a
    news list without dates."""

    name = "dated_posts"
    any: list[str] = []
    """A post's title must say one of these (none: any post)."""
    exclude_any: list[str] = []
    """Posts whose title says one of these are not counted (procurement notices are not news)."""
    document_any: list[str] = []
    """Documents so named count as posts."""


class ExecutivesParams(Params):
    """executives. Passes when every executive presented (one card each) has the part `need`. Fails naming the
    executives without it. Passes: cards with name, position, photo and phone. Fails: a card without a photo."""

    name = "executives"
    need: Literal["name", "position", "photo", "contact"]
    """The part each executive's card must have."""


class QaChannelParams(Params):
    """qa_channel. Passes when the evidence names a Q&A channel (ถาม-ตอบ, web board, chat) or the site links a
    two-way channel. Fails otherwise. Passes: a page "กระดานถาม-ตอบ". Fails: a contact page only. No parameters."""

    name = "qa_channel"


class EserviceParams(Params):
    """eservice. Passes when an online service or a downloadable request form is offered. Fails when neither is.
    Passes: a Google Forms link "ยื่นคำร้องออนไลน์". Fails: a page describing services without a form. No
    parameters."""

    name = "eservice"


# --- rules (judged on a present component's hits); none takes parameters today ----------------------------
class NotWholeLawParams(Params):
    """not_whole_law. Passes when the agency states its duties. Fails when they are only the whole act, or a
    page linking the act and stating no duty."""

    name = "not_whole_law"


class SignedByTopExecutiveParams(Params):
    """signed_by_top_executive. Passes when the announcement is signed by the top executive (นายก…, or whoever
    acts for them). Fails when someone else signs, or a text-layer document names no signer. Undecided when the
    signer cannot be read."""

    name = "signed_by_top_executive"


class TwoWayParams(Params):
    """two_way. Passes on a web board, a question form, LINE OA, Messenger, a chat or an online form for
    questions. Fails when the Q&A channel is only an e-mail address or a phone number."""

    name = "two_way"


class OnlineNotDownloadParams(Params):
    """online_not_download. Passes when a service is offered online. Fails when the only e-service is a form to
    download."""

    name = "online_not_download"


class OnlineChannelParams(Params):
    """online_channel. Passes when the complaint channel is online (a form on the page, an online form, LINE or
    Messenger labelled so). Fails when only a phone, a postal address or an e-mail is given; undecided when
    only a document names a website."""

    name = "online_channel"


def _by_name(*models: type[Params]) -> dict[str, type[Params]]:
    return {m.name: m for m in models}


CHECK_PARAMS: Mapping[str, type[Params]] = _by_name(
    PhrasesParams,
    PhraseGroupsParams,
    PatternParams,
    LinksToParams,
    ImageOrDocumentParams,
    DocumentParams,
    TableRowsParams,
    DatedPostsParams,
    ExecutivesParams,
    QaChannelParams,
    EserviceParams,
)
RULE_PARAMS: Mapping[str, type[Params]] = _by_name(
    NotWholeLawParams,
    SignedByTopExecutiveParams,
    TwoWayParams,
    OnlineNotDownloadParams,
    OnlineChannelParams,
)


class ParamsError(ValueError):
    """A component's parameters do not fit its check: the message (Thai / English) names the parameter."""


def check_params(component: str, check: str, raw: Mapping[str, Any]) -> Params:
    """`raw` validated against the model of `check`; ParamsError names the component, the check and the
    parameter (a misspelt or unknown one, a missing one, a wrong type, a pattern that does not compile)."""
    model = CHECK_PARAMS.get(check)
    if model is None:
        raise ParamsError(
            f"องค์ประกอบ {component}: ไม่มีการตรวจชื่อ {check!r} / component {component}: no check named {check!r}"
            f" (known: {', '.join(sorted(CHECK_PARAMS))})"
        )
    try:
        return model.model_validate(dict(raw))
    except ValidationError as exc:
        raise ParamsError("; ".join(_explain(component, check, model, e) for e in exc.errors())) from exc


def _explain(component: str, check: str, model: type[Params], error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"])
    head = f"องค์ประกอบ {component} การตรวจ {check}"
    head_en = f"component {component}, check {check}"
    if error["type"] == "extra_forbidden":
        known = ", ".join(model.model_fields) or "none"
        return f"{head}: ไม่รู้จักพารามิเตอร์ {where!r} / {head_en}: unknown parameter {where!r} (known: {known})"
    if error["type"] == "missing":
        return f"{head}: ขาดพารามิเตอร์ {where!r} / {head_en}: parameter {where!r} is required"
    if not where:  # a rule across parameters (a model validator): the message names them
        return f"{head}: พารามิเตอร์ใช้ร่วมกันไม่ได้ / {head_en}: parameters do not fit together: {error['msg']}"
    return f"{head}: พารามิเตอร์ {where!r} ไม่ถูกต้อง / {head_en}: parameter {where!r}: {error['msg']}"


def rule_known(component: str, rule: str) -> str:
    """`rule` when it names a rule; ParamsError otherwise."""
    if rule not in RULE_PARAMS:
        raise ParamsError(
            f"องค์ประกอบ {component}: ไม่มีเกณฑ์ชื่อ {rule!r} / component {component}: no rule named {rule!r}"
            f" (known: {', '.join(sorted(RULE_PARAMS))})"
        )
    return rule
