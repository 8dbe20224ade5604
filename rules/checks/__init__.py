"""Small reusable checks, named in components.toml, and the rules judged on what they find.

A check looks at an item's evidence bundle and says whether one component is there, with the sources that
show it (hits). A rule looks at those hits and says whether they meet a criterion's condition.

registry.py lists every check and rule with its function and its parameter model (rules/params.py, where each
model says what passes and what fails); tests/rules/checks/<name>/ holds a passing and a failing example of each.
Each module documents its own checks and rules (what passes / what fails):
- base.py: Hit, Finding, RuleVerdict, Context, params_of (a check's typed parameters) and the helpers more than
  one module uses (snippet, _found, _titled, how a source is named, _is_whole_law, PHONE).
- text.py, checks: phrases (phrases of `any` in a source), phrase_groups (a phrase of every group),
  pattern (a regular expression, or a mailto: link), links_to (a link or embed to a URL, or coordinates),
  image_or_document (an image or document so named).
- channels.py, checks: qa_channel (a Q&A channel), eservice (an online service or a request form);
  rules: two_way (not only an e-mail address or a phone number), online_not_download (not only a form to download),
  online_channel (the complaint channel is online).
- law.py, rules: not_whole_law (duties stated, not only the act), signed_by_top_executive (the announcement
  is signed by the top executive).
- people.py, check: executives (one card per executive, each with the part asked for).
- documents.py, check: document (a source that is the named document and holds every group).
- tables.py, check: table_rows (a named document's numbered table rows, each carrying a value).
- posts.py, check: dated_posts (a dated post, judged by its own date).

Nothing registers itself on import: a check exists because registry.py lists it.
"""

from rules.checks import channels, documents, law, people, posts, tables, text
from rules.checks.base import PHONE, Check, Context, Finding, Hit, Rule, RuleVerdict, params_of, snippet
from rules.checks.channels import eservice, online_channel, online_not_download, qa_channel, two_way
from rules.checks.documents import document
from rules.checks.law import not_whole_law, signed_by_top_executive
from rules.checks.people import Card, executive_cards, executives
from rules.checks.posts import dated_posts
from rules.checks.registry import CHECKS, RULES, SITE_FILTERS, CheckSpec, RuleSpec
from rules.checks.tables import table_rows
from rules.checks.text import image_or_document, links_to, pattern, phrase_groups, phrases

__all__ = [
    "CHECKS",
    "PHONE",
    "RULES",
    "SITE_FILTERS",
    "Card",
    "Check",
    "CheckSpec",
    "Context",
    "Finding",
    "Hit",
    "Rule",
    "RuleSpec",
    "RuleVerdict",
    "channels",
    "dated_posts",
    "document",
    "documents",
    "eservice",
    "executive_cards",
    "executives",
    "image_or_document",
    "law",
    "links_to",
    "not_whole_law",
    "online_channel",
    "online_not_download",
    "params_of",
    "pattern",
    "people",
    "phrase_groups",
    "phrases",
    "posts",
    "qa_channel",
    "signed_by_top_executive",
    "snippet",
    "table_rows",
    "tables",
    "text",
    "two_way",
]
