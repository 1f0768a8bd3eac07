"""Numbers as printed: half-up rounding to the indicator's decimals, Babel per language.

Babel's ``format_decimal`` rounds half-even; official figures are rounded half-up, so the
value is quantized first with ``ROUND_HALF_UP`` and Babel only groups the digits and picks
the separators of the locale (``ky``/``ru``: ``1 234,5``; ``en``: ``1,234.5``).

NSC symbols: "–" no cases, "…" not available, "x" confidential; a non-zero value smaller than
half the unit shown prints as "0.0" (in the locale's form).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.core import Locale
from babel.numbers import NumberPattern, parse_pattern

from publishing.data import Obs
from store.models import ObsStatus

NO_CASES = "–"
NOT_AVAILABLE = "…"
CONFIDENTIAL = "x"


def half_up(value: float, decimals: int) -> Decimal:
    """``value`` rounded half-up; ``repr`` first so 2.675 is 2.675, not 2.67499…"""
    return Decimal(repr(float(value))).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
    )


def number(value: float, decimals: int, lang: str) -> str:
    """A rounded value in the language's digits; zero after rounding keeps its decimals."""
    rounded = half_up(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0.0"
    pattern, locale = _pattern(decimals, lang)
    # What babel.numbers.format_decimal does, without parsing the locale and the pattern
    # again for each of the thousands of cells of a book.
    text: str = pattern.apply(
        rounded, locale, decimal_quantization=True, group_separator=True, numbering_system="latn"
    )
    return text


@lru_cache(maxsize=64)
def _pattern(decimals: int, lang: str) -> tuple[NumberPattern, Locale]:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return parse_pattern(pattern), Locale.parse(lang)


def cell_text(obs: Obs | None, decimals: int, lang: str) -> str:
    """What a table prints for an observation, symbols included."""
    if obs is None or obs.status == ObsStatus.MISSING.value:
        return NOT_AVAILABLE
    if obs.confidential:
        return CONFIDENTIAL
    if obs.status == ObsStatus.NO_CASES.value:
        return NO_CASES
    if obs.value is None or math.isnan(obs.value) or math.isinf(obs.value):
        return NOT_AVAILABLE
    if obs.value == 0:
        return NO_CASES
    return number(obs.value, decimals, lang)
