"""Crude rates, the annual average population, infant mortality and rounding for publication.

Why this module: these few lines decide most of the numbers in an NSC release, and each hides
a convention that must be the same everywhere:

* rates are per a *base* that belongs to the indicator's definition (births, deaths, marriages
  per 1 000 population; emigrants per 10 000 residents), so the base is a parameter here, never
  a constant;
* the denominator of a rate for a year is the annual average population, the mean of the
  populations on 1 January of that year and of the next;
* the infant mortality rate is infant deaths in the year per 1 000 live births in the year;
* published figures are rounded half-up (2.5 → 3), not half-to-even as Python's ``round`` and
  Babel's formatting do (2.5 → 2).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

PER_1000 = 1000.0


def crude_rate(events: float, average_population: float, base: float = PER_1000) -> float:
    """Events in the year per ``base`` of the annual average population.

    The crude birth, death, marriage and divorce rates and the rate of natural increase (with
    ``events`` = births − deaths, which may be negative) are all this ratio, per 1 000.
    """
    _check_finite(events=events, average_population=average_population, base=base)
    if average_population <= 0:
        raise ValueError("the average population must be positive")
    return base * events / average_population


def annual_average_population(on_1_january: float, on_1_january_next: float) -> float:
    """Annual average population: the mean of the two 1 January figures that bound the year.

    The NSC publishes both the population on 1 January and this average; rates use the
    average.
    """
    _check_finite(on_1_january=on_1_january, on_1_january_next=on_1_january_next)
    if on_1_january < 0 or on_1_january_next < 0:
        raise ValueError("a population cannot be negative")
    return (on_1_january + on_1_january_next) / 2


def infant_mortality_rate(
    infant_deaths: float, live_births: float, base: float = PER_1000
) -> float:
    """Deaths under one year of age in the year per ``base`` live births in the same year.

    The NSC's convention and the usual international one: the deaths are not matched to the
    births they come from, so some of the infants who die were born in the previous year.
    See :func:`infant_mortality_rate_rahts` for the older correction.
    """
    _check_finite(infant_deaths=infant_deaths, live_births=live_births, base=base)
    if live_births <= 0:
        raise ValueError("the number of live births must be positive")
    if infant_deaths < 0:
        raise ValueError("infant deaths cannot be negative")
    return base * infant_deaths / live_births


def infant_mortality_rate_rahts(
    infant_deaths: float,
    live_births: float,
    live_births_previous_year: float,
    *,
    current_year_weight: float,
    base: float = PER_1000,
) -> float:
    """Infant mortality with Rahts' denominator: a weighted mean of two years' live births.

    ``base · D0 / (w · B(t) + (1 − w) · B(t−1))``, where ``w`` is the share of the year's infant
    deaths born in that same year. Since some infants who die in year t were born in t−1, the
    denominator mixes both cohorts. The weight is a choice of the statistical office and is
    therefore required: Statistics Poland, for one, used w = 0.75 until 1984 and w = 0.85 in
    1985–1993, before moving to the plain ratio (glossary "Infant mortality rate", GUS).
    Use it only to reproduce historic series.
    """
    _check_finite(
        infant_deaths=infant_deaths,
        live_births=live_births,
        live_births_previous_year=live_births_previous_year,
        current_year_weight=current_year_weight,
    )
    if not 0 <= current_year_weight <= 1:
        raise ValueError("the current year's weight must lie between 0 and 1")
    weight = current_year_weight
    births = weight * live_births + (1 - weight) * live_births_previous_year
    return infant_mortality_rate(infant_deaths, births, base)


def round_half_up(value: float | int | Decimal, decimals: int) -> Decimal:
    """Round for publication, halves away from zero: 2.5 → 3, 0.125 → 0.13, −2.5 → −3.

    Returns a :class:`~decimal.Decimal` with exactly ``decimals`` places, so that "0.0" (less
    than half the unit shown) survives to the writers. A float is taken by its shortest decimal
    representation (``str``), so 2.675 rounds to 2.68 as a reader of the figure expects, and
    not to 2.67 as its binary value 2.67499999… would.
    """
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        raise ValueError(f"cannot round {value} for publication")
    return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _check_finite(**values: float) -> None:
    for name, value in values.items():
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, not {value}")
