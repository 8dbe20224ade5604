"""Every check and rule components.toml may name: its function and its parameter model, in one list.

Nothing registers itself by being imported: a check or rule not listed here does not exist for the catalog
(tests/rules/test_registry.py ties this list to rules/params.py and to the names components.toml uses). To add
a check: write its function in the module of its kind, its parameter model in rules/params.py (its docstring
says what passes and what fails), list both here, and add tests/rules/checks/<name>/ with a passing and a
failing example.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rules.catalog import ComponentDef
from rules.checks import channels, documents, law, people, posts, tables, text
from rules.checks.base import Check, Context, Finding, Hit, Rule, RuleVerdict
from rules.params import (
    DatedPostsParams,
    DocumentParams,
    EserviceParams,
    ExecutivesParams,
    ImageOrDocumentParams,
    LinksToParams,
    NotWholeLawParams,
    OnlineChannelParams,
    OnlineNotDownloadParams,
    Params,
    PatternParams,
    PhraseGroupsParams,
    PhrasesParams,
    QaChannelParams,
    SignedByTopExecutiveParams,
    TableRowsParams,
    TwoWayParams,
)
from rules.sources import Bundle


@dataclass(frozen=True)
class CheckSpec:
    """A check: its function and the model its parameters are validated with. Called like the function."""

    fn: Check
    params: type[Params]

    @property
    def name(self) -> str:
        return self.params.name

    def __call__(self, component: ComponentDef, bundle: Bundle, ctx: Context) -> Finding:
        return self.fn(component, bundle, ctx)


@dataclass(frozen=True)
class RuleSpec:
    """A rule: its function and its parameter model. Called like the function."""

    fn: Rule
    params: type[Params]

    @property
    def name(self) -> str:
        return self.params.name

    def __call__(self, component: ComponentDef, hits: list[Hit], bundle: Bundle, ctx: Context) -> RuleVerdict:
        return self.fn(component, hits, bundle, ctx)


_CHECKS = (
    CheckSpec(text.phrases, PhrasesParams),
    CheckSpec(text.phrase_groups, PhraseGroupsParams),
    CheckSpec(text.pattern, PatternParams),
    CheckSpec(text.links_to, LinksToParams),
    CheckSpec(text.image_or_document, ImageOrDocumentParams),
    CheckSpec(documents.document, DocumentParams),
    CheckSpec(tables.table_rows, TableRowsParams),
    CheckSpec(posts.dated_posts, DatedPostsParams),
    CheckSpec(people.executives, ExecutivesParams),
    CheckSpec(channels.qa_channel, QaChannelParams),
    CheckSpec(channels.eservice, EserviceParams),
)
_RULES = (
    RuleSpec(law.not_whole_law, NotWholeLawParams),
    RuleSpec(law.signed_by_top_executive, SignedByTopExecutiveParams),
    RuleSpec(channels.two_way, TwoWayParams),
    RuleSpec(channels.online_not_download, OnlineNotDownloadParams),
    RuleSpec(channels.online_channel, OnlineChannelParams),
)
CHECKS: Mapping[str, CheckSpec] = {spec.name: spec for spec in _CHECKS}
RULES: Mapping[str, RuleSpec] = {spec.name: spec for spec in _RULES}

# Filters the checks and rules apply to every link of the site (Context.site_links.where): discovery answers them
# in the one pass it makes over the site's links, instead of a pass per check.
SITE_FILTERS: tuple[Callable[[str, str], bool], ...] = (channels.site_two_way,)
