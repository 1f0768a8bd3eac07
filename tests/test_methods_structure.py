"""The structure methods against hand-worked cases and a second, simpler computation.

The median is checked against the median of the people themselves, each spread evenly over
their year of age (a sample of points, then ``statistics.median``); the groups and ratios
against loops over the ages and the textbook definitions.
"""

from __future__ import annotations

import statistics

import numpy as np
import pytest

from indicators.methods.ratios import ZeroDenominatorError
from indicators.methods.structure import (
    dependency_ratios,
    median_age,
    population_change,
    sex_ratio,
    working_age_groups,
)

RNG = np.random.default_rng(14)


def _median_of_people(persons: list[int], points: int = 200) -> float:
    """Every person of age x as ``points`` evenly spaced points in [x, x + 1)."""
    ages = [
        age + (k + 0.5) / points
        for age, n in enumerate(persons)
        for _ in range(n)
        for k in range(points)
    ]
    return float(statistics.median(ages))


def test_median_age_by_hand() -> None:
    # 10 people: 2 aged 0, 4 aged 1, 4 aged 2. The 5th person is the 3rd of the 4 aged 1:
    # 1 + (5 − 2) / 4 = 1.75.
    assert median_age([2, 4, 4, 0]) == pytest.approx(1.75)
    # The half falls exactly at the end of an age: the median is the next age's start.
    assert median_age([5, 5, 0]) == pytest.approx(1.0)


@pytest.mark.parametrize("seed", range(5))
def test_median_age_equals_the_median_of_the_people(seed: int) -> None:
    persons = [int(n) for n in np.random.default_rng(seed).integers(0, 12, size=30)] + [0]
    assert median_age(persons) == pytest.approx(_median_of_people(persons), abs=0.01)


def test_median_age_cell_by_cell() -> None:
    grid = RNG.integers(0, 50, size=(3, 2, 40)).astype(float)
    grid[..., -1] = 0
    result = median_age(grid)
    assert result.shape == (3, 2)
    for i in range(3):
        for j in range(2):
            assert result[i, j] == pytest.approx(median_age(grid[i, j]))


def test_median_age_of_nobody_follows_the_zero_policy() -> None:
    with pytest.raises(ZeroDenominatorError):
        median_age([0, 0, 0])
    result = median_age([[0, 0, 0], [1, 1, 0]], on_zero="missing")
    assert np.isnan(result[0])
    assert result[1] == pytest.approx(1.0)


def test_a_median_in_the_open_group_is_refused() -> None:
    with pytest.raises(ValueError, match="open age group"):
        median_age([1, 0, 5])


def test_working_age_groups_by_loop() -> None:
    persons = RNG.integers(0, 100, size=101).astype(float)
    groups = working_age_groups(persons, first_working_age=16, first_age_above=63)
    below = sum(persons[age] for age in range(101) if age < 16)
    working = sum(persons[age] for age in range(101) if 16 <= age <= 62)
    above = sum(persons[age] for age in range(101) if age >= 63)
    assert groups.tolist() == pytest.approx([below, working, above])
    assert groups.sum() == pytest.approx(persons.sum())


def test_working_age_bounds_outside_the_ages_are_refused() -> None:
    with pytest.raises(ValueError, match="working age"):
        working_age_groups(np.ones(50), first_working_age=16, first_age_above=63)


def test_dependency_ratios_by_hand() -> None:
    # 300 children, 600 of working age, 120 above it: 70, 50 and 20 per 100.
    total, child, old = dependency_ratios(300, 600, 120, base=100)
    assert (float(total), float(child), float(old)) == pytest.approx((70.0, 50.0, 20.0))
    assert float(total) == pytest.approx(float(child) + float(old))


def test_dependency_ratios_without_working_age_population() -> None:
    with pytest.raises(ZeroDenominatorError):
        dependency_ratios(1, 0, 1, base=100)
    total, _, _ = dependency_ratios([1, 1], [0, 4], [1, 1], base=100, on_zero="missing")
    assert np.isnan(total[0])
    assert total[1] == pytest.approx(50.0)


def test_sex_ratio_by_hand() -> None:
    assert float(sex_ratio(980, 1000, base=100)) == pytest.approx(98.0)
    result = sex_ratio([5, 3], [0, 4], base=100, on_zero="missing")
    assert np.isnan(result[0])
    assert result[1] == pytest.approx(75.0)


def test_population_change_is_the_difference_of_the_two_stocks() -> None:
    assert population_change([100, 50], [90, 70]).tolist() == [-10, 20]
    with pytest.raises(ValueError, match="cannot be negative"):
        population_change([-1], [1])
