"""The structure of a population: working-age groups, median age, dependency and sex ratios.

Why this module: the NSC's population tables describe the age and sex structure with a handful
of figures whose conventions must be the same in every table and for every territory:

* Age groups relative to working age: below, at and above working age. In the Kyrgyz Republic
  working age runs from 16 to the day before the pension age, 63 for men and 58 for women, so
  the bounds differ by sex; they are reference data (``classifiers/data/age_broad.csv``) and
  reach :func:`working_age_groups` as arguments, one sex at a time.
* Median age: the age that divides the population into two halves, interpolated linearly
  within the single year of age that holds the middle person (people of completed age ``x``
  are taken as spread evenly over ``[x, x + 1)``): ``Me = x + (N/2 − S(x)) / P(x)``, with
  ``S(x)`` the people younger than ``x`` and ``P(x)`` those aged ``x`` (UN DESA, *World
  Population Prospects*, methodology, "median age"; the same grouped-data median as in any
  statistics textbook, with groups one year wide).
* Dependency ratios: people below (child) and above (old-age) working age, and both (total),
  per ``base`` people of working age — the national working-age definition above, not the
  UN's 15–64, so the figures are comparable with the NSC's and not with international tables.
* Sex ratio: men per ``base`` women.
* Population change: the population on 1 January of the next year less that on 1 January of
  the year; with the cohort-component estimate it equals natural increase plus net migration
  exactly (there is no statistical adjustment), which the release checks.

Arrays of any shape work; the ages are the last axis where a function takes ages. A zero
denominator (no women, no one of working age, nobody at all for a median) follows the
caller's ``on_zero`` policy (:mod:`indicators.methods.ratios`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from indicators.methods.ratios import (
    NOT_AVAILABLE,
    FloatArray,
    OnZero,
    ZeroDenominatorError,
    finite,
    non_negative,
    ratio,
)


def working_age_groups(
    persons_by_age: npt.ArrayLike, *, first_working_age: int, first_age_above: int
) -> FloatArray:
    """People below, at and above working age: the last axis (completed ages from 0) summed
    into three places, ``[below, working, above]``.

    Working age is ``first_working_age`` to ``first_age_above − 1``; the last age of the
    input may be an open group ("100 and over"), which lies above working age.
    """
    persons = non_negative(persons_by_age, "the population")
    n_ages = persons.shape[-1]
    if not 0 < first_working_age < first_age_above < n_ages:
        raise ValueError(
            f"working age {first_working_age}..{first_age_above - 1} must lie within the "
            f"{n_ages} ages of the population"
        )
    below = persons[..., :first_working_age].sum(axis=-1)
    working = persons[..., first_working_age:first_age_above].sum(axis=-1)
    above = persons[..., first_age_above:].sum(axis=-1)
    return np.stack([below, working, above], axis=-1)


def median_age(persons_by_age: npt.ArrayLike, *, on_zero: OnZero = "raise") -> FloatArray:
    """The median age of the population by completed age (the last axis, from age 0).

    ``x + (N/2 − S(x)) / P(x)`` in the single year ``x`` that holds the middle person (see the
    module docstring). The last age is an open group: a median falling in it has no width to
    interpolate over and raises. A population of nobody has no median (``on_zero``).
    """
    persons = non_negative(persons_by_age, "the population")
    total = persons.sum(axis=-1)
    empty = total == 0
    if on_zero == "raise" and np.any(empty):
        raise ZeroDenominatorError("the population is 0: the median age is undefined")
    half = total / 2
    through = np.cumsum(persons, axis=-1)
    # The first age at which the cumulated population reaches half of the total.
    x = np.argmax(through >= half[..., None], axis=-1)
    at_x = np.take_along_axis(persons, x[..., None], axis=-1)[..., 0]
    younger = np.take_along_axis(through, x[..., None], axis=-1)[..., 0] - at_x
    if np.any((x == persons.shape[-1] - 1) & ~empty):
        raise ValueError("the median age falls in the open age group: it cannot be interpolated")
    safe = np.where(empty, 1.0, at_x)
    result: FloatArray = np.where(empty, NOT_AVAILABLE, x + (half - younger) / safe)
    return result


def dependency_ratios(
    below: npt.ArrayLike,
    working: npt.ArrayLike,
    above: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The total, child and old-age dependency ratios, per ``base`` people of working age.

    Total: (below + above) / working; child: below / working; old-age: above / working.
    """
    young = non_negative(below, "the population below working age")
    old = non_negative(above, "the population above working age")
    what = "the population of working age"
    return (
        np.asarray(ratio(young + old, working, base=base, on_zero=on_zero, what=what)),
        np.asarray(ratio(young, working, base=base, on_zero=on_zero, what=what)),
        np.asarray(ratio(old, working, base=base, on_zero=on_zero, what=what)),
    )


def sex_ratio(
    men: npt.ArrayLike, women: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> FloatArray:
    """Men per ``base`` women, cell by cell (age group by age group, say)."""
    males = non_negative(men, "the number of men")
    return np.asarray(ratio(males, women, base=base, on_zero=on_zero, what="the number of women"))


def population_change(on_1_january: npt.ArrayLike, on_1_january_next: npt.ArrayLike) -> FloatArray:
    """The change of the population over a year: 1 January of the next year less 1 January.

    Negative when the population falls. The components it is made of (natural increase and
    net migration) are published beside it; the release checks that they add up to it.
    """
    start = non_negative(on_1_january, "the population on 1 January")
    end = non_negative(on_1_january_next, "the population on 1 January of the next year")
    change: FloatArray = finite(end - start, "the change")
    return change
