"""Literal hints: the plain strings one of which every match of a regular expression holds, read off the pattern.

A text-heavy site gives the rules ~42,000 one-off link labels and URLs, and most patterns asked of them (the
vocabulary's aliases, the Q&A channel's URL shapes, the date families over evidence text) match none: Python's re
tries an alternation at every character, ~10 us a label, where a search for a few literals takes ~1 us. The hints
are derived from the pattern itself (its parse), so a pattern and its hints cannot drift apart: when no hint is
in a text, the pattern cannot match it, and the full search is skipped.

The parse is `re._parser` (sre_parse's home since Python 3.11). When it is missing or a pattern has a shape the
reading below does not know, the pattern gets no hints and is always searched: slower, never wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import product
from typing import Any

try:  # re's private parser: typeshed has only its deprecated aliases sre_constants and sre_parse
    from re import _constants as _sre  # type: ignore[attr-defined]  # private: not in typeshed
    from re import _parser as _sre_parse  # type: ignore[attr-defined]  # private: not in typeshed
except ImportError:  # pragma: no cover - another Python: every pattern is searched
    _sre = _sre_parse = None

_MAX_ALTERNATIVES = 24  # a cross product of alternations grows fast; beyond this a shorter hint is taken
_Item = tuple[Any, Any]  # one item of a parsed pattern: (opcode, its argument, whose shape depends on the opcode)
_Reader = Callable[[list[_Item], bool], tuple[str, ...] | None]  # _needs or _exact_seq


class Hints:
    """Whether a text may match one of some patterns: `False` only when none of them can."""

    __slots__ = ("_any", "_fold", "literals")

    def __init__(self, literals: tuple[str, ...] | None, fold: bool = False) -> None:
        # None: a pattern without hints, which may match anything.
        self.literals = literals
        self._fold = fold
        longest_first = sorted(literals or (), key=lambda s: (-len(s), s))
        # One search over the literals: their first characters make it a scan for a set of characters in C.
        self._any = re.compile("|".join(re.escape(s) for s in longest_first)) if literals else None

    @property
    def folds(self) -> bool:
        """Whether the hints are lower-cased, read over ASCII text only (a case-insensitive pattern's)."""
        return self._fold

    def may_match(self, text: str) -> bool:
        if self._any is None:
            return self.literals is None  # no hints: always; an empty set of hints: a pattern that never matches
        if self._fold:
            if not text.isascii():
                return True  # case-insensitive hints are exact over ASCII text only (re folds "K" and "ſ" too)
            text = text.lower()
        return self._any.search(text) is not None


def hints(*patterns: re.Pattern[str]) -> Hints:
    """The hints of one or more patterns (a text may match one of them only if it holds one of these literals).
    Case-insensitive patterns give lower-case hints, read over ASCII text only."""
    found: list[str] = []
    folds = {bool(p.flags & re.IGNORECASE) for p in patterns}
    if len(folds) > 1:
        raise ValueError("hints of case-sensitive and case-insensitive patterns are read apart")
    for pattern in patterns:
        literals = needed(pattern)
        if literals is None:
            return Hints(None)
        found.extend(literals)
    return Hints(tuple(dict.fromkeys(found)), fold=True in folds)


def needed(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which every match of `pattern` holds (lower-cased for a case-insensitive pattern), or None
    when the pattern's shape gives none (an empty match is possible, or a construct not read here)."""
    if _sre_parse is None or not isinstance(pattern.pattern, str):
        return None
    if pattern.flags & (re.VERBOSE | re.LOCALE):
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser of another version: no hints
        return None
    fold = bool(parsed.state.flags & re.IGNORECASE)
    found = _needs(list(parsed), fold)
    if found is None or not all(found):
        return None
    return tuple(s.lower() for s in found) if fold else found


def _needs(items: list[_Item], fold: bool) -> tuple[str, ...] | None:
    """The best set of literals one of which a match of the sequence `items` holds: the one whose shortest literal
    is longest (the rarest in text), then the one with fewest literals."""
    options: list[tuple[str, ...]] = []
    run: list[str] = [""]  # the exact strings the current stretch of fixed items can be
    for op, av in items:
        exact = _exact(op, av, fold)
        if exact is not None and len(run) * len(exact) <= _MAX_ALTERNATIVES:
            run = ["".join(p) for p in product(run, exact)]
            continue
        if any(run):
            options.append(tuple(dict.fromkeys(run)))
        run = [""]
        if exact is not None:
            run = list(exact)
            continue
        inner = _inner(op, av, fold)
        if inner is not None:
            options.append(inner)
    if any(run):
        options.append(tuple(dict.fromkeys(run)))
    options = [o for o in options if all(o)]
    if not options:
        return None
    return max(options, key=lambda o: (min(len(s) for s in o), -len(o)))


def _exact(op: object, av: Any, fold: bool) -> tuple[str, ...] | None:
    """The strings an item matches exactly, when they are few: a literal, an alternation of literal sequences."""
    if op is _sre.LITERAL:
        char = chr(av)
        return (char,) if _plain(char, fold) else None
    if op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):  # a class of a few characters: [ีึ]
        chars = tuple(chr(c) for _, c in av)
        return chars if all(_plain(c, fold) for c in chars) else None
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
        return _exact_seq(list(av[3]), fold)
    if op is _sre.BRANCH:
        found = _each_branch(av[1], _exact_seq, fold)
        return found if found is not None and len(found) <= _MAX_ALTERNATIVES else None
    return None


def _exact_seq(items: list[_Item], fold: bool) -> tuple[str, ...] | None:
    out = [""]
    for op, av in items:
        exact = _exact(op, av, fold)
        if exact is None or len(out) * len(exact) > _MAX_ALTERNATIVES:
            return None
        out = ["".join(p) for p in product(out, exact)]
    return tuple(out)


def _inner(op: object, av: Any, fold: bool) -> tuple[str, ...] | None:
    """The literals an item that is not exact still needs: a group's, a repeat's taken at least once, or one of
    each branch of an alternation."""
    if op is _sre.SUBPATTERN:
        return None if av[1] or av[2] else _needs(list(av[3]), fold)
    if op is _sre.ATOMIC_GROUP:
        return _needs(list(av), fold)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _needs(list(av[2]), fold)
    if op is _sre.BRANCH:
        return _each_branch(av[1], _needs, fold)
    return None


def _each_branch(branches: Iterable[Iterable[_Item]], read: _Reader, fold: bool) -> tuple[str, ...] | None:
    """What `read` finds in every branch of an alternation, together (a match takes one branch), or None when a
    branch gives nothing."""
    found: list[str] = []
    for branch in branches:
        part = read(list(branch), fold)
        if part is None:
            return None
        found.extend(part)
    return tuple(dict.fromkeys(found))


def _plain(char: str, fold: bool) -> bool:
    """A character a hint may hold: any, for a case-sensitive pattern; for a case-insensitive one, an ASCII
    character or one without case (Thai), which re matches only as itself or its ASCII other case."""
    return not fold or char.isascii() or (char.lower() == char == char.upper() and char.casefold() == char)


# --- the first character of a match -----------------------------------------------------------------------------
# re finds where a match may start by a scan for a character set only when the pattern itself begins with a literal
# or a class; a pattern that begins with an optional part, a look-behind or an alternation of such is tried whole at
# every character of the text (the date families over a 40 kB page: ~40 branches a character). A look-ahead for the
# characters a match can begin with fails at most places at its first step.
_CLASS_ESCAPES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                  "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}  # fmt: skip


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a look-ahead for the characters its matches begin with (first_chars): the same matches, the
    same groups, found sooner. The pattern itself when it begins with a literal or a class (re scans for those on
    its own) or when its first characters are not read here."""
    first = first_chars(pattern)
    if first is None or _starts_plain(pattern):
        return pattern
    try:
        return re.compile(f"(?=[{first}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # e.g. global inline flags, which must stay first: the pattern as it was
        return pattern


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """The inside of a character class that holds the first character of every match of `pattern`, read off its
    parse; None when it can match the empty string or begins with something not read here (any character, a
    negated class, a back-reference, a group with flags of its own)."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    parts, empty = _first_of(list(parsed))
    return None if parts is None or empty or not parts else "".join(sorted(parts))


def _parse(pattern: re.Pattern[str]) -> Any:  # an sre_parse.SubPattern, or None
    if _sre_parse is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.VERBOSE | re.LOCALE):
        return None
    try:
        return _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser of another version
        return None


def _starts_plain(pattern: re.Pattern[str]) -> bool:
    parsed = _parse(pattern)
    items = list(parsed) if parsed is not None else []
    while items and items[0][0] is _sre.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = list(items[0][1][3])
    return bool(items) and items[0][0] in (_sre.LITERAL, _sre.IN)


def _first_of(items: list[_Item]) -> tuple[set[str] | None, bool]:
    """(the class parts one of which a match of the sequence begins with, whether it can match the empty string);
    None for the parts when not read here. Zero-width items (anchors, look-arounds) are stepped over."""
    parts: set[str] = set()
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue
        found, empty = _first_item(op, av)
        if found is None:
            return None, False
        parts |= found
        if not empty:
            return parts, False
    return parts, True


def _first_item(op: object, av: Any) -> tuple[set[str] | None, bool]:
    if op is _sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _sre.IN:
        return _class_parts(av), False
    if op is _sre.SUBPATTERN:
        return (None, False) if av[1] or av[2] else _first_of(list(av[3]))
    if op is _sre.ATOMIC_GROUP:
        return _first_of(list(av))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        found, empty = _first_of(list(av[2]))
        return found, empty or av[0] == 0
    if op is _sre.BRANCH:
        parts: set[str] = set()
        empty = False
        for branch in av[1]:
            found, branch_empty = _first_of(list(branch))
            if found is None:
                return None, False
            parts |= found
            empty = empty or branch_empty
        return parts, empty
    return None, False


def _class_parts(items: Iterable[_Item]) -> set[str] | None:
    parts = set()
    for op, av in items:
        if op is _sre.LITERAL:
            parts.add(re.escape(chr(av)))
        elif op is _sre.RANGE:
            parts.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _sre.CATEGORY and str(av) in _CLASS_ESCAPES:
            parts.add(_CLASS_ESCAPES[str(av)])
        else:
            return None  # a negated class, or one of another kind: not read
    return parts
