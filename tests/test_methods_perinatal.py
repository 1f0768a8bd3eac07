"""Perinatal and neonatal rates, births outside marriage and density, checked independently.

Each method is compared with the arithmetic written out another way: exact fractions cell by
cell in plain loops (the methods work on numpy grids in floating point), and figures worked
by hand from the definitions (WHO, ICD-10 vol. 2, 5.7): stillbirths and perinatal deaths per
1,000 *total* births, neonatal deaths per 1,000 *live* births.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from indicators.methods import (
    neonatal_mortality_rate,
    perinatal_mortality_rate,
    population_density,
    share_of_births,
    stillbirth_rate,
)
from indicators.methods.ratios import ZeroDenominatorError

STILL = [[12, 0], [3, 7]]
EARLY = [[9, 1], [0, 5]]
NEONATAL = [[13, 1], [2, 8]]
LIVE = [[1_100, 0], [240, 631]]


def _exact(numerator: int, denominator: int, base: int) -> float | None:
    return None if denominator == 0 else float(Fraction(base * numerator, denominator))


def test_a_hand_worked_year() -> None:
    # 140,400 live births, 1,560 stillbirths, 1,000 deaths in days 0-6, 1,450 in days 0-27:
    # total births 141,960; stillbirths 1,560 / 141,960 = 10.989 ‰; perinatal
    # (1,560 + 1,000) / 141,960 = 18.033 ‰; neonatal 1,450 / 140,400 = 10.328 ‰.
    assert stillbirth_rate(1_560, 140_400, base=1000) == pytest.approx(10.98901, abs=1e-5)
    assert perinatal_mortality_rate(1_560, 1_000, 140_400, base=1000) == pytest.approx(
        18.03325, abs=1e-5
    )
    assert neonatal_mortality_rate(1_450, 140_400, base=1000) == pytest.approx(10.32764, abs=1e-5)


def test_grids_equal_exact_fractions_cell_by_cell() -> None:
    still = stillbirth_rate(STILL, LIVE, base=1000, on_zero="missing")
    perinatal = perinatal_mortality_rate(STILL, EARLY, LIVE, base=1000, on_zero="missing")
    neonatal = neonatal_mortality_rate(NEONATAL, LIVE, base=1000, on_zero="missing")
    for i in range(2):
        for j in range(2):
            total = STILL[i][j] + LIVE[i][j]
            expected = {
                "still": _exact(STILL[i][j], total, 1000),
                "perinatal": _exact(STILL[i][j] + EARLY[i][j], total, 1000),
                "neonatal": _exact(NEONATAL[i][j], LIVE[i][j], 1000),
            }
            for name, grid in (("still", still), ("perinatal", perinatal), ("neonatal", neonatal)):
                if expected[name] is None:
                    assert np.isnan(grid[i, j]), (name, i, j)
                else:
                    assert grid[i, j] == pytest.approx(expected[name], rel=1e-12), (name, i, j)


def test_a_stillbirth_without_live_births_still_has_a_rate() -> None:
    # Cell (0, 1) above has no births at all; a unit with 2 stillbirths and no live births has
    # 2 total births: every one of them stillborn.
    assert stillbirth_rate(2, 0, base=1000) == 1000.0
    with pytest.raises(ZeroDenominatorError):
        neonatal_mortality_rate(0, 0, base=1000)


def test_share_of_births_outside_marriage() -> None:
    outside = [220, 0, 35]
    live = [1_000, 0, 140]
    share = share_of_births(outside, live, base=100, on_zero="missing")
    for k in range(3):
        expected = _exact(outside[k], live[k], 100)
        if expected is None:
            assert np.isnan(share[k])
        else:
            assert share[k] == pytest.approx(expected, rel=1e-12)
    assert share[0] == 22.0
    assert share[2] == 25.0


def test_a_part_larger_than_the_whole_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot exceed"):
        share_of_births(11, 10, base=100)


def test_density_of_the_republic() -> None:
    # 7,281.8 thousand residents on 1 January 2025 (NSC) on 199,951 km²: 36.42 per km².
    assert population_density(7_281_800, 199_951) == pytest.approx(36.4179, abs=1e-4)
    grid = population_density([1_145_000, 0], [170, 0], on_zero="missing")
    assert grid[0] == pytest.approx(float(Fraction(1_145_000, 170)), rel=1e-12)
    assert np.isnan(grid[1])


@pytest.mark.parametrize(
    "call",
    [
        lambda: stillbirth_rate(-1, 10, base=1000),
        lambda: perinatal_mortality_rate(1, -1, 10, base=1000),
        lambda: neonatal_mortality_rate(float("nan"), 10, base=1000),
        lambda: population_density(10, -5),
    ],
)
def test_negative_or_missing_inputs_are_refused(call) -> None:
    with pytest.raises(ValueError, match=r"negative|finite"):
        call()
