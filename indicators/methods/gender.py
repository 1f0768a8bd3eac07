"""Gender indicators derived from the ministries' and surveys' tables by sex (issue 15).

Why a module of its own: a pay gap, a woman's share, a gross enrolment ratio or a gender
parity index is a formula the user of a "Women and Men" book checks by hand, and each hides
a convention that must be the same wherever it is published:

* the gender pay gap is the difference between men's and women's average earnings as a
  percentage of *men's* (ILO, Eurostat's unadjusted gap, SDG 8.5.1): positive when men earn
  more, negative when women do;
* a woman's share is women among all (both sexes), in per cent (SDG 5.5.1, 5.5.2);
* the gross enrolment ratio is enrolment at a level, whatever the pupils' age, per 100 of
  the population of the level's official age group (UNESCO UIS): it can exceed 100 where
  pupils older or younger than the official age attend;
* the gender parity index is the girls' ratio divided by the boys' (UNESCO): 1 is parity;
* incidence and the abortion rate are events per ``base`` of the population at risk, the
  annual average population as for every rate of the release.

Every function divides through :func:`indicators.methods.ratios.ratio`, so inputs are
checked and a zero denominator follows the caller's ``on_zero`` policy; scalars give floats,
arrays give arrays.
"""

from __future__ import annotations

from typing import overload

import numpy as np
import numpy.typing as npt

from indicators.methods.ratios import FloatArray, OnZero, finite, non_negative, ratio


@overload
def pay_gap(men: float, women: float, *, base: float, on_zero: OnZero = "raise") -> float: ...
@overload
def pay_gap(
    men: npt.ArrayLike, women: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> FloatArray: ...
def pay_gap(
    men: npt.ArrayLike, women: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> float | FloatArray:
    """``base · (men − women) / men``: the gender gap of average wages, relative to men's.

    With ``base=100`` the gap in per cent of men's average wage; negative when women's
    average wage is the higher.
    """
    m = non_negative(men, "men's average wage")
    w = non_negative(women, "women's average wage")
    return ratio(m - w, m, base=base, on_zero=on_zero, what="men's average wage")


@overload
def women_share(women: float, total: float, *, base: float, on_zero: OnZero = "raise") -> float: ...
@overload
def women_share(
    women: npt.ArrayLike, total: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> FloatArray: ...
def women_share(
    women: npt.ArrayLike, total: npt.ArrayLike, *, base: float, on_zero: OnZero = "raise"
) -> float | FloatArray:
    """``base · women / total``: women among all persons (both sexes) of a group.

    ``total`` is the group's count for both sexes as published (it may include persons whose
    sex is not stated); women cannot exceed it.
    """
    w = non_negative(women, "the number of women")
    t = non_negative(total, "the number of persons")
    if np.any(w > t):
        raise ValueError("the number of women cannot exceed the number of persons")
    return ratio(w, t, base=base, on_zero=on_zero, what="the number of persons")


def population_of_ages(by_single_age: npt.ArrayLike, first: int, last: int) -> FloatArray:
    """The population aged ``first`` to ``last`` (completed years, both included), summed over
    the last axis of ``by_single_age`` (ages 0, 1, 2, …): the official age group of a level
    of education."""
    ages = non_negative(by_single_age, "the population by age")
    if not 0 <= first <= last < ages.shape[-1]:
        raise ValueError(f"ages {first}–{last} are outside 0–{ages.shape[-1] - 1}")
    result: FloatArray = ages[..., first : last + 1].sum(axis=-1)
    return result


@overload
def gross_enrolment_ratio(
    enrolled: float, population_of_age: float, *, base: float, on_zero: OnZero = "raise"
) -> float: ...
@overload
def gross_enrolment_ratio(
    enrolled: npt.ArrayLike,
    population_of_age: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> FloatArray: ...
def gross_enrolment_ratio(
    enrolled: npt.ArrayLike,
    population_of_age: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> float | FloatArray:
    """``base · enrolled / population of the official age``, pupils of every age counted."""
    pupils = non_negative(enrolled, "the number enrolled")
    return ratio(
        pupils, population_of_age, base=base, on_zero=on_zero, what="the population of the age"
    )


@overload
def gender_parity_index(female: float, male: float, *, on_zero: OnZero = "raise") -> float: ...
@overload
def gender_parity_index(
    female: npt.ArrayLike, male: npt.ArrayLike, *, on_zero: OnZero = "raise"
) -> FloatArray: ...
def gender_parity_index(
    female: npt.ArrayLike, male: npt.ArrayLike, *, on_zero: OnZero = "raise"
) -> float | FloatArray:
    """The female value of an indicator divided by the male value (1 = parity).

    UNESCO computes it on ratios (gross enrolment ratios), not on counts, so that the sizes
    of the girls' and boys' age groups do not weigh in.
    """
    f = finite(female, "the female value")
    return ratio(f, male, base=1, on_zero=on_zero, what="the male value")


@overload
def incidence_rate(
    new_cases: float, average_population: float, *, base: float, on_zero: OnZero = "raise"
) -> float: ...
@overload
def incidence_rate(
    new_cases: npt.ArrayLike,
    average_population: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> FloatArray: ...
def incidence_rate(
    new_cases: npt.ArrayLike,
    average_population: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> float | FloatArray:
    """New cases registered in the year per ``base`` of the annual average population
    (tuberculosis, HIV: per 100,000)."""
    cases = non_negative(new_cases, "the new cases")
    return ratio(cases, average_population, base=base, on_zero=on_zero, what="the population")


@overload
def abortion_rate(
    abortions: float, women_15_49: float, *, base: float, on_zero: OnZero = "raise"
) -> float: ...
@overload
def abortion_rate(
    abortions: npt.ArrayLike,
    women_15_49: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> FloatArray: ...
def abortion_rate(
    abortions: npt.ArrayLike,
    women_15_49: npt.ArrayLike,
    *,
    base: float,
    on_zero: OnZero = "raise",
) -> float | FloatArray:
    """Abortions in the year (at any age of the woman) per ``base`` women aged 15–49 of the
    annual average population (WHO's abortion rate; per 1,000)."""
    events = non_negative(abortions, "the abortions")
    return ratio(events, women_15_49, base=base, on_zero=on_zero, what="the women aged 15–49")
