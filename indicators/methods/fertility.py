"""Age-specific fertility rates, the total fertility rate and the measures built on them.

Why this module: the total fertility rate (children per woman) is the NSC's headline fertility
indicator, and it depends on two conventions that must be the same in every table — which
births go into which age group, and the width of the groups in the sum.

* ASFR: live births in the year to mothers of an age group, per 1 000 women of that group's
  annual average population (Preston, Heuveline and Guillot 2001, *Demography*, chapter 5).
  The base is the indicator's ``unit_base``, passed by the caller.
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

* Beyond the TFR, the same conventions give the adolescent birth rate (SDG 3.7.2: births of
  15–19 per 1 000 women of 15–19, here *without* folding, since the indicator names its ages),
  the mean age of mothers at birth (weighted by single-year ASFRs, Eurostat and the Human
  Fertility Database), and the gross and net reproduction rates (the TFR of daughters, and
  the same weighted by female survival ``nLx / l0``: Preston et al. 2001, §5.3).

Arrays of any shape work (territory × settlement × age group, say): the age groups are the
last axis. A zero number of women follows the caller's ``on_zero`` policy
(:mod:`indicators.methods.ratios`); under ``"missing"`` a TFR over a group without women is
not available either, since leaving the group out would lower it.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from indicators.methods.lifetable import LifeTable
from indicators.methods.ratios import (
    FloatArray,
    OnZero,
    mean_age,
    non_negative,
    ratio,
)

REPRODUCTIVE_AGES = (15, 49)
"""The first and last completed ages of the reproductive span whose women are the base."""


def _groups(width: int) -> int:
    first, last = REPRODUCTIVE_AGES
    span = last - first + 1
    if width <= 0 or span % width:
        raise ValueError(f"the width must divide the {span} reproductive years, not {width}")
    return span // width


def fold_births_by_age(
    births_by_age: Mapping[int, float] | npt.ArrayLike, *, width: int = 5
) -> FloatArray:
    """Births by the mother's completed age, gathered into groups of ``width`` years in 15–49.

    ``births_by_age`` is either a mapping age → births, or an array whose last axis is the
    mother's completed age from 0 (its last place may be an open "and over" group). The result
    has the same leading axes and one place per group: ``width=5`` gives the seven groups
    15–19 … 45–49, ``width=1`` the 35 single ages 15 … 49. Births to mothers under 15 go to
    the first group and at 50 or over to the last (see the module docstring). Births whose
    mother's age is unknown must be distributed beforehand.
    """
    first, last = REPRODUCTIVE_AGES
    n_groups = _groups(width)
    if isinstance(births_by_age, Mapping):
        ages = list(births_by_age)
        counts = non_negative([births_by_age[a] for a in ages], "births")
    else:
        counts = non_negative(births_by_age, "births")
        if counts.ndim == 0:
            raise ValueError("births by age need an age axis")
        ages = list(range(counts.shape[-1]))
        counts = np.moveaxis(counts, -1, 0)
    groups = np.zeros((n_groups, *counts.shape[1:]), dtype=np.float64)
    for age, births in zip(ages, counts, strict=True):
        groups[(min(max(age, first), last) - first) // width] += births
    folded: FloatArray = np.moveaxis(groups, 0, -1)
    return folded


def women_in_age_groups(women_by_age: npt.ArrayLike, *, width: int = 5) -> FloatArray:
    """Women aged 15–49 in groups of ``width`` years: the denominators of the ASFRs.

    The last axis of ``women_by_age`` is the completed age from 0 and must reach 49. Women
    outside 15–49 are not at risk by definition and are left out (unlike the births, which
    are folded in).
    """
    first, last = REPRODUCTIVE_AGES
    n_groups = _groups(width)
    women = non_negative(women_by_age, "women")
    if women.ndim == 0 or women.shape[-1] <= last:
        raise ValueError(f"women by age need one place for every age from 0 to {last}")
    span = women[..., first : last + 1]
    grouped: FloatArray = span.reshape(*span.shape[:-1], n_groups, width).sum(axis=-1)
    return grouped


def age_specific_fertility_rates(
    births: npt.ArrayLike, women: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> FloatArray:
    """ASFR per ``base`` women: births in each group over the group's women (average population).

    ``births`` and ``women`` are parallel arrays, one value per age group in the last axis
    (five-year or single years, e.g. from :func:`fold_births_by_age` and
    :func:`women_in_age_groups`). A group with no women has no rate: an error under
    ``on_zero="raise"``, :data:`~indicators.methods.ratios.NOT_AVAILABLE` under
    ``"missing"`` — never a zero, which would silently lower the TFR.
    """
    b = non_negative(births, "births")
    w = np.asarray(women, dtype=np.float64)
    if b.ndim == 0 or b.shape != w.shape:
        raise ValueError(f"births {b.shape} and women {w.shape} need one value per age group")
    return ratio(b, w, base=base, on_zero=on_zero, what="the number of women of an age group")


def total_fertility_rate(
    births: npt.ArrayLike, women: npt.ArrayLike, *, width: int = 5, on_zero: OnZero = "raise"
) -> FloatArray:
    """TFR, children per woman: ``width · Σ births / women`` over the groups of the last axis.

    The same as ``width · Σ ASFR / base`` with the ASFRs per ``base`` women (Preston et al.
    2001, chapter 5): with five-year groups and rates per 1 000, ``5 · Σ ASFR / 1000``; for
    single years pass ``width=1``. One value per group of 15–49 is required; the result has the
    leading axes of the input (a 0-d array for a single series: ``float()`` it). Under
    ``on_zero="missing"`` the TFR is not available wherever any group has no women.
    """
    per_woman = age_specific_fertility_rates(births, women, base=1.0, on_zero=on_zero)
    first, last = REPRODUCTIVE_AGES
    if per_woman.shape[-1] * width != last - first + 1:
        raise ValueError(
            f"{per_woman.shape[-1]} groups of {width} years do not cover ages {first}–{last}"
        )
    tfr: FloatArray = np.asarray(width * per_woman.sum(axis=-1), dtype=np.float64)
    return tfr


def adolescent_birth_rate(
    births_by_age: npt.ArrayLike,
    women_by_age: npt.ArrayLike,
    *,
    ages: tuple[int, int] = (15, 19),
    base: float,
    on_zero: OnZero = "raise",
) -> FloatArray:
    """Births to mothers of completed ages ``ages`` (inclusive) per ``base`` women of those ages.

    The SDG indicator 3.7.2 (UN Statistics Division, SDG metadata 3.7.2): "annual number of
    births to women aged 15–19 years per 1,000 women in that age group", and the same for
    10–14 where the data allow. Unlike the ASFR of 15–19, births to mothers under 15 are
    *not* folded in: the indicator counts the births of the ages it names, so the 10–14 and
    15–19 rates never share a birth. The last axis of both arrays is the completed age from 0.
    """
    low, high = ages
    births = non_negative(births_by_age, "births")
    women = non_negative(women_by_age, "women")
    if births.shape != women.shape or births.ndim == 0 or births.shape[-1] <= high:
        raise ValueError(f"births {births.shape} and women {women.shape} need ages 0 to {high}")
    rate = ratio(
        births[..., low : high + 1].sum(axis=-1),
        women[..., low : high + 1].sum(axis=-1),
        base=base,
        on_zero=on_zero,
        what=f"the number of women aged {low}–{high}",
    )
    return np.asarray(rate, dtype=np.float64)


def mean_age_at_childbearing(
    births_by_age: npt.ArrayLike, women_by_age: npt.ArrayLike, *, on_zero: OnZero = "raise"
) -> FloatArray:
    """Mean age of mothers at birth, weighted by the single-year ASFRs of 15–49 (years).

    ``MAC = Σ (x + 0.5) · f(x) / Σ f(x)`` over the completed ages ``x`` = 15 … 49, with
    ``f(x)`` the births to mothers aged ``x`` per woman aged ``x`` (births under 15 and at 50
    or over folded into 15 and 49, as for the TFR); ``x + 0.5`` is the middle of the year of
    age. Weighting by rates, not by births, makes the mean independent of the age structure
    of the women, so that it compares across years and regions: the definition of Eurostat
    ("mean age of women at childbirth", demo_find) and of the Human Fertility Database
    (Methods Protocol, MAB). Pass the births of one order (first births, say) to get the mean
    age at a birth of that order. The last axis of both arrays is the completed age from 0.
    Not available (under ``on_zero="missing"``) where an age has no women or no birth at all.
    """
    rates = age_specific_fertility_rates(
        fold_births_by_age(births_by_age, width=1),
        women_in_age_groups(women_by_age, width=1),
        base=1.0,
        on_zero=on_zero,
    )
    # A rate that is not available (no women of an age) makes the mean not available.
    return mean_age(
        rates,
        REPRODUCTIVE_AGES[0],
        on_zero=on_zero,
        undefined="no births at any age: the mean age is undefined",
    )


def gross_reproduction_rate(
    daughters: npt.ArrayLike, women: npt.ArrayLike, *, width: int = 5, on_zero: OnZero = "raise"
) -> FloatArray:
    """GRR, daughters per woman: the TFR counted on the live-born girls alone.

    ``GRR = width · Σ B_F(x) / W(x)`` over the groups of 15–49, with ``B_F`` the births of
    girls to mothers of the group (folded as for the TFR) — Preston, Heuveline and Guillot
    (2001), §5.3. It equals ``TFR × share of girls at birth`` exactly when that share is the
    same at every age of mother; counting the girls by age keeps the exact form.
    """
    return total_fertility_rate(daughters, women, width=width, on_zero=on_zero)


def net_reproduction_rate(
    daughters: npt.ArrayLike,
    women: npt.ArrayLike,
    female_life_table: LifeTable,
    *,
    on_zero: OnZero = "raise",
) -> FloatArray:
    """NRR, daughters per woman who survive to replace her: ``Σ F_F(x) · nLx / l0``.

    ``F_F(x) = B_F(x) / W(x)`` is the rate of girls' births per woman of the five-year group
    ``x`` of 15–49 (folded as for the TFR) and ``nLx / l0`` the person-years a newborn girl
    lives in the group, from the female abridged life table (Preston, Heuveline and Guillot
    2001, §5.3, eq. 5.4). The groups of the life table that start at 15, 20, … 45 are used.
    """
    rates = age_specific_fertility_rates(daughters, women, base=1.0, on_zero=on_zero)
    first, last = REPRODUCTIVE_AGES
    starts = list(range(first, last + 1, 5))
    if rates.shape[-1] != len(starts):
        raise ValueError(f"the NRR needs the {len(starts)} five-year groups of {first}–{last}")
    index = [int(np.flatnonzero(female_life_table.age == start)[0]) for start in starts]
    survivors = female_life_table.Lx[index] / female_life_table.lx[0]
    nrr: FloatArray = np.asarray((rates * survivors).sum(axis=-1), dtype=np.float64)
    return nrr
