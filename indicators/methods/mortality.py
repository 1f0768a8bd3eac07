"""Mortality measures beyond the crude rate: by age, standardised, under five, maternal.

Why this module: the deaths chapter of a national yearbook publishes rates whose conventions
differ in small ways that change the numbers — the denominator (population of the age group,
live births), the base (1 000, 100 000) and, for a standardised rate, the standard population.
Each is written here once, with its source, and the catalog calls it on whole grids.

* An **age-specific death rate** is the year's deaths of an age group per ``base`` of the
  group's annual average population (the same ratio as a crude rate, on one age group).
* A **directly standardised death rate** is the rate the population would have with its own
  age-specific rates and the age structure of a standard population:
  ``Σ w_x · m_x`` with ``w_x`` the standard's share of each age group. The standard is
  :data:`EUROPEAN_STANDARD_POPULATION_2013` (Eurostat, *Revision of the European Standard
  Population*, 2013 edition, Table 3.1), folded into the groups of the abridged life table.
* The **under-five mortality rate** (SDG indicator 3.2.1) is the probability of dying before
  the fifth birthday, ``5q0 = 1 − l5 / l0``, read from a period life table
  (:func:`probability_of_dying`), expressed per 1 000 live births.
* The **maternal mortality ratio** is maternal deaths per ``base`` live births of the year
  (WHO: per 100 000), here the deaths of women whose underlying cause lies in ICD-10 chapter
  XV (pregnancy, childbirth and the puerperium).

Zero denominators follow the caller's ``on_zero`` (:mod:`indicators.methods.ratios`); a
standardised rate over an age group without population is not available, never computed
over the other groups (that would change the standard).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from indicators.methods.lifetable import ABRIDGED_AGES, LifeTable
from indicators.methods.ratios import FloatArray, OnZero, non_negative, ratio

EUROPEAN_STANDARD_POPULATION_2013: tuple[tuple[int, int], ...] = (
    (0, 1_000),
    (1, 4_000),
    (5, 5_500),
    (10, 5_500),
    (15, 5_500),
    (20, 6_000),
    (25, 6_000),
    (30, 6_500),
    (35, 7_000),
    (40, 7_000),
    (45, 7_000),
    (50, 7_000),
    (55, 6_500),
    (60, 6_000),
    (65, 5_500),
    (70, 5_000),
    (75, 4_000),
    (80, 2_500),
    (85, 2_500),  # 85–89 (1 500) + 90–94 (800) + 95+ (200)
)
"""The European Standard Population 2013 (ESP 2013), persons of 100 000, by start age of the
abridged life-table groups 0, 1–4, 5–9, …, 80–84, 85+ (:data:`ABRIDGED_AGES`).

Source: Eurostat (2013), *Revision of the European Standard Population — Report of Eurostat's
task force*, Methodologies and Working papers, Table 3.1 (ages 0, 1–4, then five-year groups to
95+); the groups from 85 on are summed into the open group 85+.
"""


def standard_weights(
    standard: tuple[tuple[int, int], ...] = EUROPEAN_STANDARD_POPULATION_2013,
) -> FloatArray:
    """The shares of a standard population in the abridged age groups (summing to 1).

    Refuses a standard whose groups are not those of :data:`ABRIDGED_AGES`: standardising over
    other groups would silently pair rates with the wrong weights.
    """
    ages = tuple(age for age, _ in standard)
    if ages != ABRIDGED_AGES:
        raise ValueError(f"the standard's groups start at {ages}, not at {ABRIDGED_AGES}")
    persons = non_negative([n for _, n in standard], "the standard population")
    weights: FloatArray = persons / persons.sum()
    return weights


def age_specific_death_rates(
    deaths: npt.ArrayLike, average_population: npt.ArrayLike, *, base: float, on_zero: OnZero
) -> FloatArray:
    """Deaths of each age group per ``base`` of the group's annual average population.

    Cell by cell: ``deaths`` and ``average_population`` have the same shape (territory × sex ×
    age group, say), or broadcast.
    """
    deaths = non_negative(deaths, "deaths")
    return np.asarray(
        ratio(deaths, average_population, base=base, on_zero=on_zero, what="the population"),
        dtype=np.float64,
    )


def directly_standardised_rate(
    deaths: npt.ArrayLike,
    average_population: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero,
    standard: tuple[tuple[int, int], ...] = EUROPEAN_STANDARD_POPULATION_2013,
) -> FloatArray:
    """The death rate per ``base`` at the age structure of ``standard`` (direct method).

    ``deaths`` and ``average_population`` hold the abridged age groups on their last axis
    (19 groups, :data:`ABRIDGED_AGES`); the result has one rate per cell of the other axes:
    ``Σ_x w_x · base · D_x / P_x``, with ``w_x`` the standard's shares
    (:func:`standard_weights`). Under ``on_zero="missing"`` a cell with any age group
    without population is not available.
    """
    rates = age_specific_death_rates(deaths, average_population, base=base, on_zero=on_zero)
    if rates.shape[-1:] != (len(ABRIDGED_AGES),):
        raise ValueError(f"the last axis must hold the {len(ABRIDGED_AGES)} abridged age groups")
    result: FloatArray = rates @ standard_weights(standard)
    return result


def probability_of_dying(table: LifeTable, start: int, end: int) -> float:
    """``n q x``: the probability that a person of exact age ``start`` dies before ``end``.

    ``(l_start − l_end) / l_start``; both ages must start groups of ``table``. With
    ``start = 0`` and ``end = 5`` this is ``5q0``, the under-five mortality rate (× 1 000).
    Not defined when nobody reaches ``start`` (``l_start = 0``): :class:`ValueError`.
    """
    if not start < end:
        raise ValueError(f"the interval must be non-empty, not [{start}, {end})")
    ages = [int(a) for a in table.age]
    for age in (start, end):
        if age not in ages:
            starts = ", ".join(str(a) for a in ages)
            raise ValueError(f"no age group starts at {age}; the groups start at {starts}")
    survivors = float(table.lx[ages.index(start)])
    if survivors <= 0:
        raise ValueError(f"nobody reaches age {start}: the probability is undefined")
    return (survivors - float(table.lx[ages.index(end)])) / survivors


def under_five_mortality_rate(table: LifeTable, *, base: float) -> float:
    """The under-five mortality rate: ``5q0`` of a period life table, per ``base`` births.

    SDG indicator 3.2.1 is this probability expressed per 1 000 live births (UN IGME); it is
    read from the life table (``1 − l5 / l0``), not computed as the year's deaths under five
    over its births, which mixes cohorts and ignores the population at ages 1–4.
    """
    if not base > 0:
        raise ValueError(f"the base of a rate must be a positive number, not {base}")
    return base * probability_of_dying(table, 0, 5)


def maternal_mortality_ratio(
    maternal_deaths: npt.ArrayLike, live_births: npt.ArrayLike, *, base: float, on_zero: OnZero
) -> FloatArray:
    """Maternal deaths in the year per ``base`` live births in the same year (WHO: 100 000).

    A ratio, not a rate: the denominator (live births) stands for the pregnancies at risk.
    """
    deaths = non_negative(maternal_deaths, "maternal deaths")
    return np.asarray(
        ratio(deaths, live_births, base=base, on_zero=on_zero, what="the number of live births"),
        dtype=np.float64,
    )
