"""The mortality methods against independent computations: loops, published figures, algebra.

The European Standard Population 2013 is checked against Eurostat's published 21 groups
(ages 0, 1–4, 5–9, …, 90–94, 95+) folded here by hand; the under-five rate against the
worked life table of Austrian males, 1992 (Preston, Heuveline and Guillot 2001, p. 49), whose
``l5`` is 98 986.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from indicators.methods import ABRIDGED_AGES, abridged_life_table, life_table_from_rates
from indicators.methods.mortality import (
    EUROPEAN_STANDARD_POPULATION_2013,
    age_specific_death_rates,
    directly_standardised_rate,
    maternal_mortality_ratio,
    probability_of_dying,
    standard_weights,
    under_five_mortality_rate,
)
from indicators.methods.ratios import ZeroDenominatorError
from tests.test_methods import AUSTRIA_DEATHS, AUSTRIA_LX, AUSTRIA_POPULATION

# Eurostat (2013), Revision of the European Standard Population, Table 3.1.
ESP_2013_PUBLISHED = [1000, 4000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000,
                      6500, 6000, 5500, 5000, 4000, 2500, 1500, 800, 200]  # fmt: skip


def _toy_counts(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Deaths and populations of 2 territories × 19 age groups, with deaths ≤ population."""
    rng = np.random.default_rng(seed)
    population = rng.integers(100, 5000, size=(2, len(ABRIDGED_AGES))).astype(float)
    deaths = np.floor(population * rng.uniform(0.0, 0.2, size=population.shape))
    return deaths, population


def test_the_standard_is_eurostats_table_with_85_and_over_folded() -> None:
    folded = [*ESP_2013_PUBLISHED[:18], sum(ESP_2013_PUBLISHED[18:])]
    assert [n for _, n in EUROPEAN_STANDARD_POPULATION_2013] == folded
    assert sum(ESP_2013_PUBLISHED) == 100_000
    assert standard_weights().sum() == pytest.approx(1.0)
    assert standard_weights()[0] == pytest.approx(0.01)  # 1,000 of 100,000 infants


def test_a_standard_on_other_age_groups_is_refused() -> None:
    with pytest.raises(ValueError, match="groups"):
        standard_weights(((0, 5000), (5, 95_000)))


def test_age_specific_death_rates_by_loop() -> None:
    deaths, population = _toy_counts()
    rates = age_specific_death_rates(deaths, population, base=1000, on_zero="raise")
    for t in range(2):
        for a in range(len(ABRIDGED_AGES)):
            assert rates[t, a] == pytest.approx(1000 * deaths[t, a] / population[t, a])


def test_an_age_group_without_population_has_no_rate() -> None:
    rates = age_specific_death_rates([1.0, 0.0], [0.0, 10.0], base=1000, on_zero="missing")
    assert math.isnan(rates[0])
    assert rates[1] == 0.0
    with pytest.raises(ZeroDenominatorError):
        age_specific_death_rates([1.0], [0.0], base=1000, on_zero="raise")


def test_the_standardised_rate_by_loop() -> None:
    deaths, population = _toy_counts(seed=7)
    got = directly_standardised_rate(deaths, population, base=100_000, on_zero="raise")
    standard = [n for _, n in EUROPEAN_STANDARD_POPULATION_2013]
    for t in range(2):
        expected = 0.0
        for a, persons in enumerate(standard):
            expected += (deaths[t, a] / population[t, a]) * persons  # deaths in the standard
        assert got[t] == pytest.approx(expected)  # per 100,000: the standard's total


def test_equal_rates_at_every_age_standardise_to_that_rate() -> None:
    # Whatever the population's age structure, a flat 5 per 1,000 stays 5 per 1,000.
    population = np.array([10.0 * (i + 1) ** 2 for i in range(len(ABRIDGED_AGES))])
    deaths = population * 0.005
    assert directly_standardised_rate(
        deaths, population, base=1000, on_zero="raise"
    ) == pytest.approx(5.0)


def test_two_populations_with_equal_rates_and_different_ages_standardise_alike() -> None:
    rates = np.linspace(0.001, 0.2, len(ABRIDGED_AGES))
    young = np.linspace(5000, 100, len(ABRIDGED_AGES))
    old = np.linspace(100, 5000, len(ABRIDGED_AGES))
    crude_young = (rates * young).sum() / young.sum()
    crude_old = (rates * old).sum() / old.sum()
    assert crude_old > 2 * crude_young  # the crude rates differ by the age structure alone
    standardised = directly_standardised_rate(
        np.stack([rates * young, rates * old]),
        np.stack([young, old]),
        base=1000,
        on_zero="raise",
    )
    assert standardised[0] == pytest.approx(standardised[1])


def test_a_standardised_rate_with_an_empty_age_group_is_not_available() -> None:
    deaths, population = _toy_counts()
    population[1, 3] = 0.0
    rates = directly_standardised_rate(deaths, population, base=1000, on_zero="missing")
    assert not math.isnan(rates[0])
    assert math.isnan(rates[1])


def test_under_five_mortality_of_the_austrian_worked_table() -> None:
    table = abridged_life_table(AUSTRIA_DEATHS, AUSTRIA_POPULATION, "male")
    published = 1000 * (AUSTRIA_LX[0] - AUSTRIA_LX[2]) / AUSTRIA_LX[0]  # 10.14 per 1,000
    assert under_five_mortality_rate(table, base=1000) == pytest.approx(published, abs=0.01)


def test_five_q_zero_is_the_product_of_the_survival_of_0_and_1_to_4() -> None:
    mx = np.linspace(0.001, 0.3, len(ABRIDGED_AGES))
    ax = np.diff(np.asarray(ABRIDGED_AGES, dtype=float)) / 2
    table = life_table_from_rates(mx, ax)
    q0 = 1 * mx[0] / (1 + (1 - ax[0]) * mx[0])
    q1 = 4 * mx[1] / (1 + (4 - ax[1]) * mx[1])
    assert probability_of_dying(table, 0, 5) == pytest.approx(1 - (1 - q0) * (1 - q1))
    assert probability_of_dying(table, 1, 5) == pytest.approx(q1)


def test_probability_of_dying_needs_group_boundaries() -> None:
    table = abridged_life_table(AUSTRIA_DEATHS, AUSTRIA_POPULATION, "male")
    with pytest.raises(ValueError, match="starts at 3"):
        probability_of_dying(table, 0, 3)
    with pytest.raises(ValueError, match="non-empty"):
        probability_of_dying(table, 5, 5)


def test_maternal_mortality_ratio_by_hand() -> None:
    got = maternal_mortality_ratio([3.0, 0.0, 1.0], [60_000.0, 2_000.0, 0.0], base=100_000,
                                   on_zero="missing")  # fmt: skip
    assert got[0] == pytest.approx(5.0)  # 3 per 60,000 = 5 per 100,000
    assert got[1] == 0.0
    assert math.isnan(got[2])
