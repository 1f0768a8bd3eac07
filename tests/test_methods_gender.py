"""The gender methods against hand-worked figures (issue 15).

Each expected number below is worked out on paper from the definition (ILO's unadjusted pay
gap, UNESCO's gross enrolment ratio and parity index, rates per 100,000 and per 1,000), not
with the function under test.
"""

from __future__ import annotations

import numpy as np
import pytest

from indicators.methods import (
    ZeroDenominatorError,
    abortion_rate,
    gender_parity_index,
    gross_enrolment_ratio,
    incidence_rate,
    pay_gap,
    population_of_ages,
    women_share,
)


def test_pay_gap_is_relative_to_men() -> None:
    # Men 40,000 som, women 30,000: women earn 10,000 less, a quarter of men's wage.
    assert pay_gap(40_000, 30_000, base=100) == pytest.approx(25.0)
    # Women earn more: the gap is negative, 2,000 / 50,000 = 4 %.
    assert pay_gap(50_000, 52_000, base=100) == pytest.approx(-4.0)
    assert pay_gap(np.array([40_000, 20_000]), np.array([30_000, 20_000]), base=100) == (
        pytest.approx([25.0, 0.0])
    )
    with pytest.raises(ZeroDenominatorError):
        pay_gap(0, 100, base=100)
    assert np.isnan(pay_gap(np.array([0.0]), np.array([1.0]), base=100, on_zero="missing")[0])
    with pytest.raises(ValueError, match="cannot be negative"):
        pay_gap(-1, 100, base=100)


def test_women_share() -> None:
    # 18 women among 90 seats: one in five.
    assert women_share(18, 90, base=100) == pytest.approx(20.0)
    assert women_share(np.array([1, 3]), np.array([4, 4]), base=100) == pytest.approx([25, 75])
    with pytest.raises(ValueError, match="cannot exceed"):
        women_share(5, 4, base=100)
    with pytest.raises(ZeroDenominatorError):
        women_share(0, 0, base=100)


def test_population_of_ages_sums_the_official_age_group() -> None:
    by_age = np.arange(30, dtype=float)  # age a has a persons
    # Ages 7–10: 7 + 8 + 9 + 10 = 34.
    assert population_of_ages(by_age, 7, 10) == pytest.approx(34)
    two_sexes = np.stack([by_age, 2 * by_age])
    assert population_of_ages(two_sexes, 16, 17) == pytest.approx([33, 66])
    with pytest.raises(ValueError, match="outside"):
        population_of_ages(by_age, 25, 40)


def test_gross_enrolment_ratio_counts_pupils_of_every_age() -> None:
    # 1,050 pupils in primary, 1,000 children aged 7–10: over-age pupils make it 105.
    assert gross_enrolment_ratio(1050, 1000, base=100) == pytest.approx(105.0)
    assert gross_enrolment_ratio(0, 1000, base=100) == 0.0
    assert np.isnan(gross_enrolment_ratio(5, 0, base=100, on_zero="missing"))


def test_gender_parity_index_is_girls_over_boys() -> None:
    # GER girls 96.0, boys 100.0: 0.96, parity would be 1.
    assert gender_parity_index(96.0, 100.0) == pytest.approx(0.96)
    assert gender_parity_index(np.array([50.0, 120.0]), np.array([40.0, 100.0])) == (
        pytest.approx([1.25, 1.2])
    )
    with pytest.raises(ZeroDenominatorError):
        gender_parity_index(1.0, 0.0)


def test_incidence_and_abortion_rates() -> None:
    # 130 new cases in an average population of 6,500,000: 2 per 100,000.
    assert incidence_rate(130, 6_500_000, base=100_000) == pytest.approx(2.0)
    # 24,000 abortions, 1,600,000 women aged 15–49: 15 per 1,000.
    assert abortion_rate(24_000, 1_600_000, base=1000) == pytest.approx(15.0)
    with pytest.raises(ValueError, match="cannot be negative"):
        incidence_rate(-1, 100, base=100_000)
    with pytest.raises(ZeroDenominatorError):
        abortion_rate(3, 0, base=1000)
