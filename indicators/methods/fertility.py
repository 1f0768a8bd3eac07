"""Age-specific fertility rates and the total fertility rate.

Why this module: the total fertility rate (children per woman) is the NSC's headline fertility
indicator, and it depends on two conventions that must be the same in every table — which
births go into which age group, and the width of the groups in the sum.

* ASFR: live births in the year to mothers of an age group, per 1 000 women of that group's
  annual average population (Preston, Heuveline and Guillot 2001, *Demography*, chapter 5).
* Births to mothers younger than 15 are counted in the youngest group (15–19, or age 15 for
  single years) and births to mothers aged 50 and over in the oldest (45–49, or 49), so that
  the TFR keeps every birth while the denominators stay the women aged 15–49. This is the
  usual convention of national statistical offices; Statistics Poland states it in its
  definition of female fertility rates ("births from mothers at the age under 15 are counted
  to the group 15–19 and from the mothers at the age of 50 and over — to the group 45–49").
* TFR: ``n · Σ nFx``, the sum over groups of width ``n`` of the rates per woman; with rates per
  1 000 and five-year groups, ``TFR = 5 · Σ ASFR / 1000`` (Preston et al. 2001, chapter 5; the
  US NCHS defines it the same way, as the sum of the five-year birth rates multiplied by 5:
  Hamilton et al., "Births: Final data for 2014", National Vital Statistics Reports 64(12)).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

REPRODUCTIVE_AGES = (15, 49)
"""The first and last completed ages of the reproductive span whose women are the base."""

PER_1000 = 1000.0


def fold_births_by_age(births_by_age: Mapping[int, float], *, width: int = 5) -> FloatArray:
    """Births by the mother's completed age, gathered into groups of ``width`` years in 15–49.

    ``width=5`` gives the seven groups 15–19 … 45–49; ``width=1`` the 35 single ages 15 … 49.
    Births to mothers under 15 go to the first group and at 50 or over to the last (see the
    module docstring). Births whose mother's age is unknown must be distributed beforehand.
    """
    first, last = REPRODUCTIVE_AGES
    span = last - first + 1
    if width <= 0 or span % width:
        raise ValueError(f"the width must divide the {span} reproductive years, not {width}")
    groups = np.zeros(span // width, dtype=np.float64)
    for age, count in births_by_age.items():
        if not math.isfinite(count) or count < 0:
            raise ValueError(f"births at age {age} must be finite and ≥ 0, not {count}")
        clipped = min(max(age, first), last)
        groups[(clipped - first) // width] += count
    return groups


def age_specific_fertility_rates(
    births: npt.ArrayLike, women: npt.ArrayLike, *, base: float = PER_1000
) -> FloatArray:
    """ASFR per ``base`` women: births in each group over the group's women (average population).

    ``births`` and ``women`` are parallel arrays, one value per age group (five-year or single
    years, e.g. from :func:`fold_births_by_age`). A group with no women has no rate: that is an
    error, not a zero, since a zero would silently lower the TFR.
    """
    b = np.asarray(births, dtype=np.float64)
    w = np.asarray(women, dtype=np.float64)
    if b.ndim != 1 or b.shape != w.shape:
        raise ValueError(f"births ({b.size}) and women ({w.size}) need one value per age group")
    if not (np.all(np.isfinite(b)) and np.all(np.isfinite(w))) or np.any(b < 0):
        raise ValueError("births must be finite and ≥ 0, and women finite")
    if np.any(w <= 0):
        raise ValueError("every age group needs a positive number of women")
    return base * b / w


def total_fertility_rate(
    asfr_per_1000: npt.ArrayLike, *, width: int = 5, base: float = PER_1000
) -> float:
    """TFR, children per woman: ``width · Σ ASFR / base`` (Preston et al. 2001, chapter 5).

    With the default five-year groups and rates per 1 000: ``5 · Σ ASFR / 1000``; for single
    years pass ``width=1``.
    """
    rates = np.asarray(asfr_per_1000, dtype=np.float64)
    if rates.ndim != 1 or not np.all(np.isfinite(rates)) or np.any(rates < 0):
        raise ValueError("ASFRs must be a list of finite rates ≥ 0")
    first, last = REPRODUCTIVE_AGES
    if rates.size * width != last - first + 1:
        raise ValueError(f"{rates.size} groups of {width} years do not cover ages {first}–{last}")
    return float(width * rates.sum() / base)
