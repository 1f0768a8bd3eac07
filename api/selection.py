"""The selection grammar of ``/api/v1/data``: which codes of each dimension to return.

Modelled on PxWebApi 2's value-code expressions (``*``, wildcards, ``top(n)``, ``from``,
``range``) and extended with the hierarchy, so that "every oblast" is one term. An
expression is a comma-separated union of terms, evaluated against the dimension's codes in
their display order (periods: chronological); duplicates are dropped, order is kept.

========================  ==========================================================
``41702,41703``           these codes
``*``                     every code
``417*``, ``Y?T4``        wildcards (``*`` any run, ``?`` one character)
``top(3)``                the 3 latest periods; in other dimensions the first 3 codes
``bottom(3)``             the 3 earliest periods; in other dimensions the last 3 codes
``from(2023)``            this code and every later one
``to(2023)``              every code up to and including this one
``range(2021,2023)``      from the first to the second, both included
``level(oblast)``         every code at a level of the hierarchy (СОАТЕ: country,
                          oblast, city-republican, rayon, city-oblast, city-district)
``children(41702)``       the codes directly under a code
``descendants(41702)``    every code under a code, at any depth
========================  ==========================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from l10n import _

_FUNCTION = re.compile(r"^(\w+)\((.*)\)$")
_MAX_EXPRESSION = 20_000


class SelectionError(ValueError):
    """An expression that cannot be read or names codes the dimension does not have.

    The message is in the current language (interface text): the API puts it in the
    problem's ``detail`` and ``invalid_params``.
    """

    def __init__(self, dimension: str, message: str) -> None:
        super().__init__(message)
        self.dimension = dimension


@dataclass(frozen=True)
class Domain:
    """The codes one dimension can take, in display order, and their hierarchy."""

    id: str
    codes: Sequence[str]
    parents: dict[str, str | None] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    time: bool = False


def _split(expression: str) -> list[str]:
    """Split on commas outside parentheses."""
    terms: list[str] = []
    current: list[str] = []
    depth = 0
    for char in expression:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "," and depth == 0:
            terms.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    terms.append("".join(current).strip())
    return [t for t in terms if t]


def _no_code(domain: Domain, code: str) -> str:
    return _("no code %(code)s in %(dimension)s") % {"code": repr(code), "dimension": domain.id}


def _count(domain: Domain, argument: str) -> int:
    try:
        n = int(argument)
    except ValueError:
        raise SelectionError(
            domain.id, _("%(value)s is not a whole number") % {"value": repr(argument)}
        ) from None
    if n < 1:
        raise SelectionError(domain.id, _("the count must be at least 1"))
    return n


def _position(domain: Domain, code: str) -> int:
    try:
        return list(domain.codes).index(code)
    except ValueError:
        raise SelectionError(domain.id, _no_code(domain, code)) from None


def _descendants(domain: Domain, root: str) -> list[str]:
    out, frontier = [], {root}
    while frontier:
        children = [c for c in domain.codes if domain.parents.get(c) in frontier]
        out.extend(children)
        frontier = set(children)
    order = {c: i for i, c in enumerate(domain.codes)}
    return sorted(set(out), key=order.__getitem__)


def _term(domain: Domain, term: str) -> list[str]:
    codes = list(domain.codes)
    match = _FUNCTION.match(term)
    if match is None:
        if "*" in term or "?" in term:
            return [c for c in codes if fnmatchcase(c, term)]
        if term not in domain.codes:
            raise SelectionError(domain.id, _no_code(domain, term))
        return [term]
    name, argument = match.group(1).lower(), match.group(2).strip()
    args = [a.strip() for a in argument.split(",")]
    if name in ("top", "bottom"):
        n = _count(domain, args[0])
        latest_first = (name == "top") == domain.time
        return codes[-n:] if latest_first else codes[:n]
    if name == "from":
        return codes[_position(domain, argument) :]
    if name == "to":
        return codes[: _position(domain, argument) + 1]
    if name == "range":
        if len(args) != 2:
            raise SelectionError(domain.id, _("range takes two codes: range(first,last)"))
        first, last = _position(domain, args[0]), _position(domain, args[1])
        return codes[min(first, last) : max(first, last) + 1]
    if name == "level":
        chosen = [c for c in codes if domain.levels.get(c) == argument]
        if not chosen and argument not in set(domain.levels.values()):
            raise SelectionError(
                domain.id,
                _("%(dimension)s has no level %(level)s")
                % {"dimension": domain.id, "level": repr(argument)},
            )
        return chosen
    if name == "children":
        _position(domain, argument)
        return [c for c in codes if domain.parents.get(c) == argument]
    if name == "descendants":
        _position(domain, argument)
        return _descendants(domain, argument)
    raise SelectionError(domain.id, _("unknown function %(name)s()") % {"name": name})


def resolve(domain: Domain, expression: str | Iterable[str]) -> list[str]:
    """The codes an expression (or a list of terms) selects, de-duplicated, in order."""
    if isinstance(expression, str):
        if len(expression) > _MAX_EXPRESSION:
            raise SelectionError(domain.id, _("the expression is too long"))
        terms = _split(expression)
    else:
        terms = [t for item in expression for t in _split(str(item))]
    if not terms:
        raise SelectionError(domain.id, _("the selection is empty"))
    chosen: dict[str, None] = {}
    for term in terms:
        for code in _term(domain, term):
            chosen.setdefault(code, None)
    order = {c: i for i, c in enumerate(domain.codes)}
    return sorted(chosen, key=order.__getitem__)
