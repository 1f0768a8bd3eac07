"""Perinatal, neonatal and stillbirth rates, births outside marriage, population density.

Why this module: the first weeks of life are measured against two different denominators,
and mixing them up is the usual mistake. Following the WHO (ICD-10, vol. 2, 5.7 "Standards
and reporting requirements related to maternal and fetal, perinatal, neonatal and infant
mortality") and the SDG metadata of indicator 3.2.2:

* the **stillbirth rate** is stillbirths per ``base`` *total* births (live births plus
  stillbirths): a stillbirth is one of the births at risk;
* the **perinatal mortality rate** is stillbirths plus early neonatal deaths (days 0–6 of
  life) per ``base`` total births;
* the **neonatal** (days 0–27) and **early neonatal** (days 0–6) mortality rates are deaths per
  ``base`` *live* births, as the infant mortality rate is (the deaths of the year over the
  births of the year, not matched to their cohort);
* the **share of births outside marriage** is live births to mothers not in a registered
  marriage per ``base`` (100) live births;
* **population density** is persons per square kilometre of the territory's area.

Stillbirths are those of 22 or more completed weeks of gestation (the WHO's threshold, used in
Kyrgyzstan since 2004). The counts are the caller's; each function only divides, with the
zero policy of :mod:`indicators.methods.ratios`.
"""

from __future__ import annotations

from typing import overload

import numpy.typing as npt

from indicators.methods.ratios import FloatArray, OnZero, non_negative, ratio

EARLY_NEONATAL_DAYS = 7  # days 0-6 of life
NEONATAL_DAYS = 28  # days 0-27 of life


@overload
def stillbirth_rate(
    stillbirths: float, live_births: float, *, base: float, on_zero: OnZero = "raise"
) -> float: ...
@overload
def stillbirth_rate(
    stillbirths: npt.ArrayLike, live_births: npt.ArrayLike, *, base: float, on_zero: OnZero = ...
) -> FloatArray: ...
def stillbirth_rate(
    stillbirths: npt.ArrayLike,
    live_births: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> float | FloatArray:
    """Stillbirths per ``base`` total births (live births + stillbirths)."""
    still = non_negative(stillbirths, "stillbirths")
    total = still + non_negative(live_births, "live births")
    return ratio(still, total, base=base, on_zero=on_zero, what="the number of total births")


@overload
def perinatal_mortality_rate(
    stillbirths: float,
    early_neonatal_deaths: float,
    live_births: float,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> float: ...
@overload
def perinatal_mortality_rate(
    stillbirths: npt.ArrayLike,
    early_neonatal_deaths: npt.ArrayLike,
    live_births: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = ...,
) -> FloatArray: ...
def perinatal_mortality_rate(
    stillbirths: npt.ArrayLike,
    early_neonatal_deaths: npt.ArrayLike,
    live_births: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> float | FloatArray:
    """Stillbirths and deaths in the first 7 days of life per ``base`` total births."""
    still = non_negative(stillbirths, "stillbirths")
    early = non_negative(early_neonatal_deaths, "early neonatal deaths")
    total = still + non_negative(live_births, "live births")
    return ratio(
        still + early, total, base=base, on_zero=on_zero, what="the number of total births"
    )


@overload
def neonatal_mortality_rate(
    deaths: float, live_births: float, *, base: float, on_zero: OnZero = "raise"
) -> float: ...
@overload
def neonatal_mortality_rate(
    deaths: npt.ArrayLike, live_births: npt.ArrayLike, *, base: float, on_zero: OnZero = ...
) -> FloatArray: ...
def neonatal_mortality_rate(
    deaths: npt.ArrayLike, live_births: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> float | FloatArray:
    """Deaths in the first 28 days of life (or, given early neonatal deaths, the first 7) per
    ``base`` live births of the same year (SDG 3.2.2)."""
    dead = non_negative(deaths, "neonatal deaths")
    return ratio(dead, live_births, base=base, on_zero=on_zero, what="the number of live births")


@overload
def share_of_births(
    births: float, live_births: float, *, base: float, on_zero: OnZero = "raise"
) -> float: ...
@overload
def share_of_births(
    births: npt.ArrayLike, live_births: npt.ArrayLike, *, base: float, on_zero: OnZero = ...
) -> FloatArray: ...
def share_of_births(
    births: npt.ArrayLike, live_births: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> float | FloatArray:
    """Some of the live births (those outside registered marriage) per ``base`` (100) of all
    live births. The part cannot exceed the whole: that would be a defect upstream."""
    part = non_negative(births, "the births counted")
    whole = non_negative(live_births, "live births")
    if (part > whole).any():
        raise ValueError("a part of the live births cannot exceed all of them")
    return ratio(part, whole, base=base, on_zero=on_zero, what="the number of live births")


@overload
def population_density(
    population: float, area_km2: float, *, on_zero: OnZero = "raise"
) -> float: ...
@overload
def population_density(
    population: npt.ArrayLike, area_km2: npt.ArrayLike, *, on_zero: OnZero = ...
) -> FloatArray: ...
def population_density(
    population: npt.ArrayLike, area_km2: npt.ArrayLike, *, on_zero: OnZero = "raise"
) -> float | FloatArray:
    """Persons per square kilometre: the population over the territory's area."""
    persons = non_negative(population, "the population")
    return ratio(persons, area_km2, base=1, on_zero=on_zero, what="the area")
