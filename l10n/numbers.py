"""Numbers as every output shows them: the books, the exports, the quality pages (and the API).

One rule set, so the same cell reads the same everywhere:

1. **Half-up rounding** to the indicator's decimals (``ROUND_HALF_UP``, 2.5 → 3, −2.5 → −3),
   from the float's ``repr`` so that 2.675 is 2.675 and rounds to 2.68. Babel's own
   ``format_decimal`` rounds half-even; it only groups the digits here, of a value already
   rounded.
2. **No "-0"**: a value that rounds to zero has no sign (−0.04 at one decimal is 0.0).
3. **CLDR symbols per language** through Babel: ky/ru ``1 234,5`` (the locale's no-break
   space groups the digits), en ``1,234.5``.
4. **NSC symbols**: "–" no cases, "…" not available, "x" confidential. A non-zero value
   smaller than half the unit shown prints "0.0" in the locale's form (rules 1 and 2 at the
   decimals shown, so the legend's "0,0" and the table's agree).
5. **An exact zero prints "–"**, whatever its OBS_STATUS (A, P, E, B). The NSC convention is
   that "–" means no cases, and a stored zero says exactly that: a count of none, or a rate
   whose numerator counted none. A non-zero value that *rounds* to zero is not a zero and
   prints "0.0" (rule 4). The precedence: confidential (x), then status L (–), then not
   available (status M, no value, NaN or infinity: …), then an exact zero (–), then the
   number.
6. **Machine formats carry the published value.** CSV, SDMX-CSV, JSON-stat and XLSX cell
   values hold the number the tables print — rounded half-up to the indicator's decimals —
   not the stored float: an annual average population of 12345.5 persons is 12346 in the
   PDF, the CSV and the JSON-stat alike, never 12345 (a truncation) or 12345.5 (a precision
   the release does not publish). :func:`plain` is its text (no grouping, "." or the asked
   decimal separator), :func:`machine` its JSON/XLSX number (an integer at 0 decimals). A
   cell that shows a symbol instead of a number (x, …, status L) carries no number; an exact
   zero carries 0 beside its "–".
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

from babel.core import Locale
from babel.numbers import NumberPattern, parse_pattern

from store.models import ConfStatus, ObsStatus

NO_CASES = "–"
NOT_AVAILABLE = "…"
CONFIDENTIAL = "x"
SYMBOLS = (NO_CASES, NOT_AVAILABLE, CONFIDENTIAL)

_SCALE = tuple(10.0**d for d in range(10))
_EXACT = 2.0**50  # a whole float up to this is an exact integer
# Below 2**32 a float keeps 20 bits of its fraction, so a scaled value more than 1e-6 from a
# half cannot be a half in disguise; beyond, the exact decimal path decides.
_FAST = 2.0**32
# The codes as plain strings: an enum member's ``.value`` costs a microsecond, and an API
# answer may look at tens of thousands of cells.
_NO_CASES, _MISSING = ObsStatus.NO_CASES.value, ObsStatus.MISSING.value
_SUPPRESSED = frozenset({ConfStatus.PRIMARY.value, ConfStatus.SECONDARY.value})
_CONTEXT = Context(prec=60)  # room for any float at any decimals a table shows


def half_up(value: float | Decimal, decimals: int) -> Decimal:
    """``value`` rounded half-up to ``decimals``, without a negative zero (rules 1 and 2)."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, _CONTEXT)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def number(value: float | Decimal, decimals: int, lang: str) -> str:
    """A rounded value in the language's digits and separators (rules 1–3)."""
    return _number(value, decimals, lang)


@lru_cache(maxsize=16384)
def _number(value: float | Decimal, decimals: int, lang: str) -> str:
    """:func:`number`, remembered: a page's chart ticks and many of its cells (round counts,
    the same rate in three languages) come back on every request, and Babel's pattern takes
    ~15 µs a number. Equal values (``2``, ``2.0``, ``Decimal("2.00")``) share an entry, which
    is right: they round to the same text."""
    pattern, locale = _decimal_pattern(decimals, lang)
    # What babel.numbers.format_decimal does, without parsing the locale and the pattern
    # again for each of the thousands of cells of a book.
    text: str = pattern.apply(
        half_up(value, decimals),
        locale,
        decimal_quantization=True,
        group_separator=True,
        numbering_system="latn",
    )
    return text


def percent(share: float, decimals: int, lang: str) -> str:
    """A share (0.123) as the locale writes a percentage (ky ``12,3%``, ru ``12,3 %``)."""
    rounded = half_up(Decimal(repr(float(share))).scaleb(2), decimals)
    pattern, locale = _percent_pattern(decimals, lang)
    text: str = pattern.apply(
        rounded.scaleb(-2),  # the pattern multiplies by 100 again: exact, nothing re-rounds
        locale,
        decimal_quantization=True,
        group_separator=True,
        numbering_system="latn",
    )
    return text


def symbol(value: float | None, status: str, conf: str) -> str:
    """The NSC symbol a cell shows instead of, or for, its number; empty for a number."""
    if conf in _SUPPRESSED:
        return CONFIDENTIAL
    if status == _NO_CASES:
        return NO_CASES
    if status == _MISSING or value is None or not math.isfinite(value):
        return NOT_AVAILABLE
    if value == 0:
        return NO_CASES
    return ""


def shown(value: float | None, status: str, conf: str) -> float | None:
    """The value a cell may show as a number (a zero included), or ``None`` behind a symbol."""
    if symbol(value, status, conf) in (CONFIDENTIAL, NOT_AVAILABLE):
        return None
    return None if status == _NO_CASES else value


def cell_text(value: float | None, status: str, conf: str, decimals: int, lang: str) -> str:
    """What a table prints for a cell: its NSC symbol, or its number in the language."""
    mark = symbol(value, status, conf)
    if mark or value is None:
        return mark or NOT_AVAILABLE
    return number(value, decimals, lang)


def plain(value: float, decimals: int, decimal_sep: str = ".") -> str:
    """The published value as locale-free text for CSV and SDMX-CSV (rule 6)."""
    text = format(half_up(value, decimals), "f")
    return text if decimal_sep == "." else text.replace(".", decimal_sep)


def machine(value: float, decimals: int) -> int | float:
    """The published value as a JSON or spreadsheet number (rule 6).

    The same number as :func:`half_up`, without its cost where it cannot differ: an API
    answer may carry tens of thousands of cells. A whole count is itself; a value whose
    scaled fraction is far from a half rounds alike by any rule (Python's ``round`` is
    correctly rounded); only values at or near a half, or too large for a float to keep
    their fraction, take the exact decimal path.
    """
    if isinstance(value, int):  # a count, or a difference of two published counts
        return value if decimals == 0 else float(value)
    if decimals == 0 and value.is_integer() and abs(value) < _EXACT:
        return int(value)
    scaled = value * _SCALE[decimals] if decimals < len(_SCALE) else _FAST
    if abs(scaled) < _FAST and abs(scaled - math.floor(scaled) - 0.5) > 1e-6:
        rounded = round(value, decimals) + 0.0  # + 0.0: no negative zero
        return int(rounded) if decimals == 0 else rounded
    exact = half_up(value, decimals)
    return int(exact) if decimals == 0 else float(exact)


def published(value: float | None, status: str, conf: str, decimals: int) -> int | float | None:
    """The number a machine reads for a cell (an API answer, a JSON-stat value): the
    published value (:func:`machine`), or ``None`` where the cell shows a symbol."""
    number = shown(value, status, conf)
    return None if number is None else machine(number, decimals)


@lru_cache(maxsize=64)
def _decimal_pattern(decimals: int, lang: str) -> tuple[NumberPattern, Locale]:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return parse_pattern(pattern), Locale.parse(lang)


@lru_cache(maxsize=16)
def _percent_pattern(decimals: int, lang: str) -> tuple[NumberPattern, Locale]:
    locale = Locale.parse(lang)
    standard = locale.percent_formats[None].pattern  # e.g. "#,##0 %"
    fraction = "." + "0" * decimals if decimals else ""
    return parse_pattern(re.sub(r"0(?=[^0#]*$)", "0" + fraction, standard, count=1)), locale
