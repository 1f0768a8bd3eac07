"""Crude rates, the annual average population and infant mortality: the formulas that publish.

Why this module: these few lines decide most of the numbers in an NSC release, and each hides
a convention that must be the same everywhere. The catalog (``indicators/catalog/``) calls
them on whole grids (numpy arrays: territory × settlement type, territory × sex, …); scalars
work too.

* rates are per a *base* that belongs to the indicator's definition (births, deaths, marriages
  per 1 000 population; emigrants per 10 000 residents): the caller passes the indicator's
  ``unit_base``, and there is no default to fall back on;
* the denominator of a rate for a year is the annual average population, the mean of the
  populations on 1 January of that year and of the next;
* the infant mortality rate is infant deaths in the year per 1 000 live births in the year;
* a zero denominator follows the caller's ``on_zero`` policy and a non-finite input raises
  (:mod:`indicators.methods.ratios`).

Rounding for publication is presentation, not a method: it belongs to the writers (``l10n``).
"""

from __future__ import annotations

from typing import overload

import numpy.typing as npt

from indicators.methods.ratios import FloatArray, OnZero, finite, non_negative, ratio


@overload
def crude_rate(
    events: float, average_population: float, *, base: float, on_zero: OnZero = "raise"
) -> float: ...
@overload
def crude_rate(
    events: npt.ArrayLike,
    average_population: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> FloatArray: ...
def crude_rate(
    events: npt.ArrayLike,
    average_population: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> float | FloatArray:
    """Events in the year per ``base`` of the annual average population.

    The crude birth, death, marriage and divorce rates, the rate of natural increase (with
    ``events`` = births − deaths, which may be negative) and the migration rates (arrivals,
    departures, net migration per 10 000) are all this ratio.
    """
    return ratio(events, average_population, base=base, on_zero=on_zero, what="the population")


@overload
def annual_average_population(on_1_january: float, on_1_january_next: float) -> float: ...
@overload
def annual_average_population(
    on_1_january: npt.ArrayLike, on_1_january_next: npt.ArrayLike
) -> FloatArray: ...
def annual_average_population(
    on_1_january: npt.ArrayLike, on_1_january_next: npt.ArrayLike
) -> float | FloatArray:
    """Annual average population: the mean of the two 1 January figures that bound the year.

    The NSC publishes both the population on 1 January and this average; rates use the
    average. Cell by cell for arrays (territory × settlement × sex × age, say).
    """
    start = non_negative(on_1_january, "the population on 1 January")
    end = non_negative(on_1_january_next, "the population on 1 January of the next year")
    average: FloatArray = (start + end) / 2
    return float(average) if average.ndim == 0 else average


@overload
def infant_mortality_rate(
    infant_deaths: float, live_births: float, *, base: float, on_zero: OnZero = "raise"
) -> float: ...
@overload
def infant_mortality_rate(
    infant_deaths: npt.ArrayLike,
    live_births: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> FloatArray: ...
def infant_mortality_rate(
    infant_deaths: npt.ArrayLike,
    live_births: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> float | FloatArray:
    """Deaths under one year of age in the year per ``base`` live births in the same year.

    The NSC's convention and the usual international one: the deaths are not matched to the
    births they come from, so some of the infants who die were born in the previous year.
    See :func:`infant_mortality_rate_rahts` for the older correction.
    """
    deaths = non_negative(infant_deaths, "infant deaths")
    return ratio(deaths, live_births, base=base, on_zero=on_zero, what="the number of live births")


def infant_mortality_rate_rahts(
    infant_deaths: float,
    live_births: float,
    live_births_previous_year: float,
    *,
    current_year_weight: float,
    base: float,
    on_zero: OnZero = "raise",
) -> float:
    """Infant mortality with Rahts' denominator: a weighted mean of two years' live births.

    ``base · D0 / (w · B(t) + (1 − w) · B(t−1))``, where ``w`` is the share of the year's infant
    deaths born in that same year. Since some infants who die in year t were born in t−1, the
    denominator mixes both cohorts. The weight is a choice of the statistical office and is
    therefore required: Statistics Poland, for one, used w = 0.75 until 1984 and w = 0.85 in
    1985–1993, before moving to the plain ratio (glossary "Infant mortality rate", GUS).
    Use it only to reproduce historic series.
    """
    weight = float(finite(current_year_weight, "the current year's weight"))
    if not 0 <= weight <= 1:
        raise ValueError("the current year's weight must lie between 0 and 1")
    this_year = float(non_negative(live_births, "live births"))
    last_year = float(non_negative(live_births_previous_year, "last year's live births"))
    births = weight * this_year + (1 - weight) * last_year
    return infant_mortality_rate(infant_deaths, births, base=base, on_zero=on_zero)
