"""Marriages and divorces: mean ages, age-specific marriage rates and ratios to marriages.

Why this module: the nuptiality tables of a yearbook rest on a few conventions that must be
the same in every table — how a mean age is taken from ages in completed years, what an
age-specific marriage rate is per, and what "per 1,000 marriages" compares.

* Mean age at marriage: the mean of the partners' exact ages at registration, taken from
  their completed ages as ``Σ (x + 0.5) · n(x) / Σ n(x)`` — a person of completed age ``x``
  is on average ``x + 0.5`` years old (Shryock and Siegel, *The Methods and Materials of
  Demography*, 1976, ch. 8, "mean age"; the Rosstat and NSC tables of mean age at marriage).
  At first marriage: the same over the partners who were never married before.
* Age-specific marriage rate: the marriages of men (women) of an age group per 1,000 men
  (women) of that group's annual average population; each partner counts at his or her own
  age, so a marriage counts once among the men and once among the women (UN, *Handbook on
  the Collection and Dissemination of Vital Statistics*, rev. 3, 2014: "age-specific
  marriage rate"; Preston, Heuveline and Guillot 2001, §1.6).
* Ratios to marriages: divorces of the year per 1,000 marriages of the same year (a
  comparison of two flows of one year, not the share of marriages that end in divorce), and
  marriages of a kind (a bride under 18) per 1,000 of all marriages.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from indicators.methods.ratios import (
    FloatArray,
    OnZero,
    mean_age,
    non_negative,
    ratio,
)


def mean_age_at_event(counts_by_age: npt.ArrayLike, *, on_zero: OnZero = "raise") -> FloatArray:
    """Mean exact age of the persons counted by completed age: ``Σ (x + 0.5) · n(x) / Σ n(x)``.

    The last axis is the completed age from 0 (its last place may be an open group, counted
    at its lower age + 0.5: for marriages, with a last place at 100, it holds no one in
    practice). Without anyone counted the mean is undefined: an error, or
    :data:`~indicators.methods.ratios.NOT_AVAILABLE` under ``on_zero="missing"``.
    """
    counts = non_negative(counts_by_age, "the persons")
    if counts.ndim == 0:
        raise ValueError("the counts need an age axis")
    return mean_age(
        counts, 0, on_zero=on_zero, undefined="no one was counted: the mean age is undefined"
    )


def age_specific_marriage_rates(
    partners: npt.ArrayLike, population: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> FloatArray:
    """Partners marrying per ``base`` persons of the same sex and age group (average population).

    ``partners`` (grooms or brides of each age group) and ``population`` are parallel arrays.
    A group without population has no rate (the zero policy of ``on_zero``).
    """
    events = non_negative(partners, "partners")
    people = np.asarray(population, dtype=np.float64)
    if events.shape != people.shape:
        raise ValueError(f"partners {events.shape} and population {people.shape} must match")
    return ratio(events, people, base=base, on_zero=on_zero, what="the population of the group")


def per_marriages(
    events: npt.ArrayLike, marriages: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> FloatArray:
    """Events (divorces, marriages of a kind) per ``base`` marriages of the same year and place.

    A place without marriages has no ratio (the zero policy of ``on_zero``).
    """
    return ratio(
        non_negative(events, "events"),
        marriages,
        base=base,
        on_zero=on_zero,
        what="the number of marriages",
    )
