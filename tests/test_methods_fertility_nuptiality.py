"""The fertility and nuptiality methods of issue 14, each against a computation by hand.

Every expected value here is worked out with plain Python loops over dictionaries (or on
paper, in the comments), never with the function under test: a changed convention — a birth
folded where it should not be, a middle of the age forgotten, a wrong life-table column —
shows up as a mismatch.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pytest

from indicators.methods import (
    ABRIDGED_AGES,
    LifeTable,
    adolescent_birth_rate,
    age_specific_marriage_rates,
    gross_reproduction_rate,
    mean_age_at_childbearing,
    mean_age_at_event,
    net_reproduction_rate,
    per_marriages,
    total_fertility_rate,
)
from indicators.methods.ratios import ZeroDenominatorError

AGES = 101

# Women of each single age and births to mothers of each age (a hand-made year).
WOMEN = {age: 1000.0 + 10 * age for age in range(AGES)}
BIRTHS = {13: 1.0, 14: 3.0, 16: 20.0, 19: 60.0, 22: 150.0, 27: 180.0, 33: 90.0, 41: 12.0, 52: 1.0}


def _array(by_age: Mapping[int, float]) -> np.ndarray:
    return np.array([by_age.get(age, 0.0) for age in range(AGES)])


# --- adolescent birth rate ------------------------------------------------------------------


@pytest.mark.parametrize(("low", "high"), [(15, 19), (10, 14)])
def test_adolescent_birth_rate_counts_only_the_births_of_its_own_ages(low: int, high: int):
    births = sum(n for age, n in BIRTHS.items() if low <= age <= high)  # 80 or 4
    women = sum(WOMEN[age] for age in range(low, high + 1))
    rate = adolescent_birth_rate(_array(BIRTHS), _array(WOMEN), ages=(low, high), base=1000)
    assert float(rate) == pytest.approx(1000 * births / women)


def test_adolescent_birth_rate_of_15_19_differs_from_the_folded_asfr():
    # The ASFR of 15-19 takes the 4 births under 15 in; SDG 3.7.2 does not.
    women = sum(WOMEN[age] for age in range(15, 20))
    rate = adolescent_birth_rate(_array(BIRTHS), _array(WOMEN), base=1000)
    assert float(rate) == pytest.approx(1000 * 80 / women)
    assert float(rate) != pytest.approx(1000 * 84 / women)


def test_adolescent_birth_rate_without_women_is_not_available():
    women = _array(WOMEN)
    women[10:15] = 0
    rate = adolescent_birth_rate(_array(BIRTHS), women, ages=(10, 14), base=1000, on_zero="missing")
    assert math.isnan(float(rate))
    with pytest.raises(ZeroDenominatorError):
        adolescent_birth_rate(_array(BIRTHS), women, ages=(10, 14), base=1000)


# --- mean age of mother ---------------------------------------------------------------------


def _mac_by_hand(births: dict[int, float], women: dict[int, float]) -> float:
    """Σ (x + 0.5)·f(x) / Σ f(x), f = births per woman, births folded into 15..49."""
    folded: dict[int, float] = {}
    for age, n in births.items():
        age = min(max(age, 15), 49)
        folded[age] = folded.get(age, 0.0) + n
    top = bottom = 0.0
    for age in range(15, 50):
        f = folded.get(age, 0.0) / women[age]
        top += (age + 0.5) * f
        bottom += f
    return top / bottom


def test_mean_age_at_childbearing_weights_the_middle_of_each_age_by_its_rate():
    mean = mean_age_at_childbearing(_array(BIRTHS), _array(WOMEN))
    assert float(mean) == pytest.approx(_mac_by_hand(BIRTHS, WOMEN), rel=1e-12)


def test_mean_age_at_childbearing_of_one_age_is_its_middle():
    # All births at 27: whatever the women, the mean is 27.5.
    assert float(mean_age_at_childbearing(_array({27: 5.0}), _array(WOMEN))) == 27.5


def test_mean_age_at_childbearing_ignores_the_age_structure_of_the_women():
    # Twice as many women at 33 and twice the births there: the rate, hence the mean, stays.
    women, births = dict(WOMEN), dict(BIRTHS)
    women[33] *= 2
    births[33] *= 2
    assert float(mean_age_at_childbearing(_array(births), _array(women))) == pytest.approx(
        _mac_by_hand(BIRTHS, WOMEN), rel=1e-12
    )


def test_mean_age_at_childbearing_without_births_or_women_is_not_available():
    no_women = _array(WOMEN)
    no_women[30] = 0
    for births, women in ((_array({}), _array(WOMEN)), (_array(BIRTHS), no_women)):
        assert math.isnan(float(mean_age_at_childbearing(births, women, on_zero="missing")))
    with pytest.raises(ZeroDenominatorError):
        mean_age_at_childbearing(_array({}), _array(WOMEN))


def test_mean_age_at_childbearing_works_cell_by_cell():
    grid = np.stack([_array(BIRTHS), _array({27: 5.0})])
    women = np.stack([_array(WOMEN), _array(WOMEN)])
    means = mean_age_at_childbearing(grid, women)
    assert means == pytest.approx([_mac_by_hand(BIRTHS, WOMEN), 27.5])


# --- reproduction rates ---------------------------------------------------------------------

# Five-year groups 15-19 … 45-49: women, births of girls and of boys.
GROUP_WOMEN = [5000.0, 4800.0, 4600.0, 4400.0, 4200.0, 4000.0, 3800.0]
GIRLS = [100.0, 480.0, 550.0, 380.0, 190.0, 50.0, 4.0]
BOYS = [110.0, 500.0, 580.0, 400.0, 200.0, 52.0, 5.0]


def test_gross_reproduction_rate_is_five_times_the_sum_of_the_girls_rates():
    by_hand = 5 * sum(g / w for g, w in zip(GIRLS, GROUP_WOMEN, strict=True))
    assert float(gross_reproduction_rate(GIRLS, GROUP_WOMEN)) == pytest.approx(by_hand)


def test_gross_reproduction_rate_is_tfr_times_the_share_of_girls_when_it_is_constant():
    girls = [0.48 * (g + b) for g, b in zip(GIRLS, BOYS, strict=True)]
    births = [g + b for g, b in zip(GIRLS, BOYS, strict=True)]
    tfr = float(total_fertility_rate(births, GROUP_WOMEN))
    assert float(gross_reproduction_rate(girls, GROUP_WOMEN)) == pytest.approx(0.48 * tfr)


def _table(lx_by_start: dict[int, float], big_l: dict[int, float]) -> LifeTable:
    """A life table holding only the columns the NRR reads (l0 and nLx), set by hand."""
    n = len(ABRIDGED_AGES)
    age = np.array(ABRIDGED_AGES, dtype=np.int64)
    lx = np.array([lx_by_start.get(a, 0.0) for a in ABRIDGED_AGES])
    zeros = np.zeros(n)
    return LifeTable(
        age=age,
        n=zeros,
        mx=zeros,
        ax=zeros,
        qx=zeros,
        lx=lx,
        dx=zeros,
        Lx=np.array([big_l.get(a, 0.0) for a in ABRIDGED_AGES]),
        Tx=zeros,
        ex=zeros,
    )


def test_net_reproduction_rate_weights_each_girls_rate_by_the_years_lived_in_the_group():
    # l0 = 100 000; a girl lives 4.9, 4.85, … years of each five-year group of 15-49.
    person_years = {15 + 5 * i: 490_000.0 - 5_000.0 * i for i in range(7)}
    table = _table({0: 100_000.0}, person_years)
    by_hand = sum(
        g / w * person_years[15 + 5 * i] / 100_000
        for i, (g, w) in enumerate(zip(GIRLS, GROUP_WOMEN, strict=True))
    )
    assert float(net_reproduction_rate(GIRLS, GROUP_WOMEN, table)) == pytest.approx(by_hand)


def test_net_reproduction_rate_equals_the_gross_without_deaths_before_50():
    # No one dies: every girl lives all 5 years of each group, so NRR = GRR.
    table = _table({0: 1.0}, {15 + 5 * i: 5.0 for i in range(7)})
    assert float(net_reproduction_rate(GIRLS, GROUP_WOMEN, table)) == pytest.approx(
        float(gross_reproduction_rate(GIRLS, GROUP_WOMEN))
    )


def test_net_reproduction_rate_needs_the_seven_groups():
    table = _table({0: 1.0}, {})
    with pytest.raises(ValueError, match="the 7 five-year groups"):
        net_reproduction_rate(GIRLS[:6], GROUP_WOMEN[:6], table)


# --- nuptiality -----------------------------------------------------------------------------


def test_mean_age_at_event_is_the_mean_of_the_middles_of_the_completed_ages():
    grooms = {18: 3, 22: 10, 25: 14, 31: 5, 47: 1}
    people = [age + 0.5 for age, n in grooms.items() for _ in range(n)]
    expected = sum(people) / len(people)
    assert float(mean_age_at_event(_array(grooms))) == pytest.approx(expected, rel=1e-12)


def test_mean_age_at_event_without_anyone_is_not_available():
    assert math.isnan(float(mean_age_at_event(_array({}), on_zero="missing")))
    with pytest.raises(ZeroDenominatorError):
        mean_age_at_event(_array({}))


def test_age_specific_marriage_rates_are_per_base_persons_of_the_group():
    rates = age_specific_marriage_rates([30, 0, 12], [1500, 2000, 0], base=1000, on_zero="missing")
    assert rates[0] == pytest.approx(20.0)  # 30 per 1 500 → 20 per 1 000
    assert rates[1] == 0.0
    assert math.isnan(rates[2])


def test_per_marriages_is_events_per_base_marriages():
    ratio = per_marriages([250, 3, 1], [1000, 600, 0], base=1000, on_zero="missing")
    assert list(ratio[:2]) == pytest.approx([250.0, 5.0])
    assert math.isnan(ratio[2])
    with pytest.raises(ZeroDenominatorError):
        per_marriages([1], [0], base=1000)
