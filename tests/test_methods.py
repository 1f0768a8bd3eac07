"""The demographic methods, checked by hand and against a published worked example.

Each test writes out the arithmetic a reviewer would do on paper, so that a failure shows which
step of the method changed. The worked example is Preston, Heuveline and Guillot (2001),
*Demography*, p. 49: the worked abridged life table of Austrian males, 1992 (data from the
United Nations, 1994), whose columns are reproduced in the public `demCore` R package
(ihmeuw-demographics, data-raw/austria_1992_lt.R).
"""

from __future__ import annotations

import numpy as np
import pytest

from indicators.methods import (
    ABRIDGED_AGES,
    LifeTableError,
    abridged_life_table,
    age_specific_fertility_rates,
    annual_average_population,
    coale_demeny_1a0,
    coale_demeny_4a1,
    crude_rate,
    fold_births_by_age,
    infant_mortality_rate,
    infant_mortality_rate_rahts,
    life_table_from_rates,
    total_fertility_rate,
    women_in_age_groups,
)
from indicators.methods.ratios import NOT_AVAILABLE, ZeroDenominatorError

# Preston et al. (2001), p. 49: Austria, males, 1992.
AUSTRIA_POPULATION = [47925, 189127, 234793, 238790, 254996, 326831, 355086, 324222, 269963,
                      261971, 238011, 261612, 181385, 187962, 153832, 105169, 73694, 57512,
                      32248]  # fmt: skip
AUSTRIA_DEATHS = [419, 70, 36, 46, 249, 420, 403, 441, 508, 769, 1154, 1866, 2043, 3496, 4366,
                  4337, 5279, 6460, 6146]  # fmt: skip
# nax of the 18 closed groups; the open group's a = 1 / M follows from Lx = lx / Mx.
AUSTRIA_AX = [0.068, 1.626, 2.5, 3.143, 2.724, 2.520, 2.481, 2.601, 2.701, 2.663, 2.698, 2.676,
              2.645, 2.624, 2.619, 2.593, 2.518, 2.423]  # fmt: skip
AUSTRIA_LX = [100000, 99133, 98986, 98910, 98815, 98334, 97704, 97151, 96492, 95588, 94195,
              91937, 88711, 83845, 76377, 66225, 53803, 37441, 21134]  # fmt: skip
AUSTRIA_NLX = [99192, 396183, 494741, 494375, 492980, 490106, 487127, 484175, 480384, 474686,
               465777, 452188, 432096, 401480, 357713, 301224, 228404, 145182, 110889]  # fmt: skip


def flat(value: float) -> np.ndarray:
    return np.full(len(ABRIDGED_AGES), value, dtype=np.float64)


# --- life table ---------------------------------------------------------------------------


def test_three_group_toy_table_by_hand():
    # Groups 0, 1–4, 5+ with M = 0.02, 0.005, 0.1 and a0 = 0.1, 4a1 = 1.5.
    q0 = 1 * 0.02 / (1 + (1 - 0.1) * 0.02)  # 0.0196464
    l1 = 100_000 * (1 - q0)  # 98 035.36
    q1 = 4 * 0.005 / (1 + (4 - 1.5) * 0.005)  # 0.0197531
    l5 = l1 * (1 - q1)  # 96 098.86
    big_l0 = 1 * l1 + 0.1 * (100_000 - l1)  # 98 231.83
    big_l1 = 4 * l5 + 1.5 * (l1 - l5)  # 387 300.20
    big_l5 = l5 / 0.1  # open group: lx / Mx = 960 988.62
    e0 = (big_l0 + big_l1 + big_l5) / 100_000  # 14.4652

    table = life_table_from_rates([0.02, 0.005, 0.1], [0.1, 1.5], (0, 1, 5))

    assert table.lx == pytest.approx([100_000, l1, l5])
    assert table.Lx == pytest.approx([big_l0, big_l1, big_l5])
    assert table.e0 == pytest.approx(e0)
    assert table.e0 == pytest.approx(14.47, abs=0.005)


def test_austria_1992_males_reproduces_the_published_table():
    mx = np.array(AUSTRIA_DEATHS) / np.array(AUSTRIA_POPULATION)

    table = life_table_from_rates(mx, AUSTRIA_AX)

    assert np.round(table.lx).tolist() == AUSTRIA_LX
    assert np.round(table.Lx).tolist() == AUSTRIA_NLX
    # e0 = T0 / l0 = Σ nLx / 100 000 = 7 288 902 / 100 000 with the published nLx.
    assert table.e0 == pytest.approx(72.89, abs=0.005)


def test_austria_1992_infant_separation_factors_are_coale_demeny():
    # The book's a0 = 0.068 and 4a1 = 1.626 are Table 3.3 at 1m0 = 419 / 47 925 = 0.008743.
    table = abridged_life_table(AUSTRIA_DEATHS, AUSTRIA_POPULATION, "male")

    assert table.ax[0] == pytest.approx(0.068, abs=0.0005)  # 0.045 + 2.684 × 0.008743
    assert table.ax[1] == pytest.approx(1.626, abs=0.0005)  # 1.651 − 2.816 × 0.008743
    assert table.ax[2:-1].tolist() == [2.5] * 16  # n / 2 for the other closed groups


@pytest.mark.parametrize(
    ("m0", "sex", "a0", "a1"),
    [
        (0.05, "male", 0.045 + 2.684 * 0.05, 1.651 - 2.816 * 0.05),
        (0.05, "female", 0.053 + 2.800 * 0.05, 1.522 - 1.518 * 0.05),
        (0.107, "male", 0.330, 1.352),
        (0.2, "female", 0.350, 1.361),
    ],
)
def test_coale_demeny_formulas_of_preston_table_3_3(m0, sex, a0, a1):
    assert coale_demeny_1a0(m0, sex) == pytest.approx(a0)
    assert coale_demeny_4a1(m0, sex) == pytest.approx(a1)


def test_both_sexes_take_the_mean_of_the_two_formulas():
    assert coale_demeny_1a0(0.02, "both") == pytest.approx((0.045 + 0.053) / 2 + 2.742 * 0.02)


@pytest.mark.parametrize("m", [0.01, 0.02, 0.05])
def test_flat_mortality_gives_the_analytic_life_expectancy(m):
    # Constant hazard m: e(x) = 1 / m at every age. The conversion keeps nMx = ndx / nLx in each
    # group, so Σ Lx = Σ dx / m = l0 / m whatever the nax: the identity holds to rounding.
    population = flat(10_000)
    table = abridged_life_table(m * population, population, "female")

    assert table.e0 == pytest.approx(1 / m, rel=1e-12)
    assert table.ex_at(40) == pytest.approx(1 / m, rel=1e-12)


def test_exponential_separation_factors_give_exponential_survival():
    # With the exact nax of a constant hazard, nqx must be 1 − exp(−n·m).
    m = 0.02
    n = np.diff(ABRIDGED_AGES).astype(float)
    ax = 1 / m - n * np.exp(-m * n) / (1 - np.exp(-m * n))

    table = life_table_from_rates(flat(m), ax)

    assert table.qx[:-1] == pytest.approx(1 - np.exp(-m * n))
    assert table.lx[-1] == pytest.approx(100_000 * np.exp(-m * 85))


def test_open_group_is_closed_by_lx_over_mx():
    deaths, population = flat(50.0), flat(10_000.0)
    deaths[-1], population[-1] = 300.0, 1_500.0  # M85+ = 0.2

    table = abridged_life_table(deaths, population, "male")

    assert table.qx[-1] == 1.0
    assert table.dx[-1] == table.lx[-1]
    assert table.Lx[-1] == pytest.approx(table.lx[-1] / 0.2)
    assert table.ex_at(85) == pytest.approx(5.0)  # 1 / M85+
    assert table.n[-1] == np.inf


def test_zero_deaths_in_a_closed_group_mean_no_one_dies_there():
    deaths, population = flat(20.0), flat(1_000.0)
    deaths[3] = 0.0  # ages 10–14: a small district with no deaths that year

    table = abridged_life_table(deaths, population, "female")

    assert table.qx[3] == 0.0
    assert table.dx[3] == 0.0
    assert table.lx[4] == table.lx[3]
    assert table.Lx[3] == 5 * table.lx[3]
    assert np.all(np.isfinite(table.ex))


def test_an_age_group_without_population_is_refused():
    population = flat(1_000.0)
    population[5] = 0.0

    with pytest.raises(LifeTableError, match="20–24"):
        abridged_life_table(flat(0.0), population, "male")


def test_an_open_group_without_deaths_is_refused():
    deaths = flat(5.0)
    deaths[-1] = 0.0

    with pytest.raises(LifeTableError, match="85\\+"):
        abridged_life_table(deaths, flat(1_000.0), "male")


def test_a_group_where_everyone_dies_leaves_no_nan():
    deaths, population = flat(1.0), flat(100.0)
    deaths[17], population[17] = 3.0, 2.0  # 80–84: 3 deaths among 2 residents, qx capped at 1

    table = abridged_life_table(deaths, population, "male")

    assert table.qx[17] == 1.0
    assert table.lx[18] == 0.0
    assert table.ex_at(85) == 0.0
    assert np.all(np.isfinite(table.ex))
    assert np.all(np.isfinite(table.Lx))


def test_births_override_q0_with_the_infant_mortality_rate():
    deaths, population = flat(10.0), flat(1_000.0)

    table = abridged_life_table(deaths, population, "male", infant_deaths=18, births=1_200)

    assert table.qx[0] == pytest.approx(18 / 1_200)
    assert table.lx[1] == pytest.approx(100_000 * (1 - 0.015))
    assert table.ax[0] == pytest.approx(0.045 + 2.684 * 0.01)  # still from 1m0 = 10 / 1 000


def test_ex_at_accepts_only_group_boundaries():
    table = abridged_life_table(flat(10.0), flat(1_000.0), "male")

    assert table.ex_at(65) == table.ex[ABRIDGED_AGES.index(65)]
    with pytest.raises(ValueError, match="no age group starts at 67"):
        table.ex_at(67)


# --- fertility ----------------------------------------------------------------------------

BIRTHS = [120, 600, 540, 300, 100, 20, 2]  # 15–19 … 45–49
WOMEN = [10_000, 12_000, 9_000, 7_500, 5_000, 4_000, 4_000]


def test_tfr_by_hand_from_five_year_groups():
    # ASFR per 1 000: 12, 50, 60, 40, 20, 5, 0.5; their sum 187.5; TFR = 5 × 187.5 / 1 000.
    asfr = age_specific_fertility_rates(BIRTHS, WOMEN, base=1000)

    assert asfr == pytest.approx([12, 50, 60, 40, 20, 5, 0.5])
    assert float(total_fertility_rate(BIRTHS, WOMEN)) == pytest.approx(0.9375)
    assert float(total_fertility_rate(BIRTHS, WOMEN)) == pytest.approx(5 * asfr.sum() / 1000)


def test_births_outside_15_49_are_folded_into_the_end_groups():
    births = {13: 1, 14: 2, 17: 10, 30: 7, 47: 3, 50: 1, 52: 1}

    groups = fold_births_by_age(births)

    assert groups.tolist() == [13, 0, 0, 7, 0, 0, 5]  # 1 + 2 + 10 in 15–19; 3 + 1 + 1 in 45–49


def test_folding_an_array_by_single_age_gives_the_same_groups_as_a_mapping():
    births = {13: 1, 14: 2, 17: 10, 30: 7, 47: 3, 50: 1, 100: 1}
    by_age = np.zeros((2, 101))  # two territories, ages 0..100
    for age, count in births.items():
        by_age[0, age] = count

    groups = fold_births_by_age(by_age)

    assert groups.shape == (2, 7)
    assert groups[0].tolist() == fold_births_by_age(births).tolist()
    assert groups[1].tolist() == [0.0] * 7


def test_women_are_grouped_over_15_49_only():
    women = np.arange(101, dtype=float)  # one woman aged 1, two aged 2, …

    groups = women_in_age_groups(women)

    assert groups.tolist() == [sum(range(low, low + 5)) for low in range(15, 50, 5)]
    assert groups[0] == 15 + 16 + 17 + 18 + 19


def test_single_year_variant_sums_without_the_factor_five():
    births = fold_births_by_age({14: 1, 15: 4, 49: 2, 51: 1}, width=1)
    asfr = age_specific_fertility_rates(births, np.full(35, 1_000.0), base=1000)

    assert asfr[0] == 5.0  # (1 + 4) per 1 000 women aged 15
    assert asfr[-1] == 3.0  # (2 + 1) per 1 000 women aged 49
    assert float(total_fertility_rate(births, np.full(35, 1_000.0), width=1)) == pytest.approx(
        8 / 1_000
    )


def test_an_age_group_without_women_is_refused_by_default():
    with pytest.raises(ZeroDenominatorError, match="women"):
        age_specific_fertility_rates([0] * 7, [1_000, 0, 1_000, 1_000, 1_000, 1_000, 1_000], base=1)


def test_an_age_group_without_women_is_not_available_on_request_and_so_is_the_tfr():
    births = np.array([BIRTHS, BIRTHS], dtype=float)
    women = np.array([WOMEN, WOMEN], dtype=float)
    women[1, 3] = 0.0  # the second territory has no women aged 30–34

    asfr = age_specific_fertility_rates(births, women, base=1000, on_zero="missing")
    tfr = total_fertility_rate(births, women, on_zero="missing")

    assert np.isnan(asfr[1, 3])
    assert asfr[1, :3].tolist() == asfr[0, :3].tolist()
    assert tfr[0] == pytest.approx(0.9375)
    assert np.isnan(tfr[1])  # never the sum of the groups that remain


def test_the_tfr_needs_groups_that_cover_15_49():
    with pytest.raises(ValueError, match="do not cover"):
        total_fertility_rate([1, 2, 3], [10, 10, 10])


# --- rates --------------------------------------------------------------------------------


def test_crude_birth_rate_by_hand_on_the_annual_average_population():
    average = annual_average_population(7_000_000, 7_200_000)  # (7.0 M + 7.2 M) / 2 = 7.1 M
    rate = crude_rate(150_000, average, base=1000)  # 1 000 × 150 000 / 7 100 000 = 21.126…

    assert average == 7_100_000
    assert rate == pytest.approx(150_000_000 / 7_100_000)
    assert isinstance(rate, float)


def test_the_base_is_part_of_the_definition():
    # Emigrants per 10 000 residents, as in the NSC's migration releases.
    assert crude_rate(3_550, 7_100_000, base=10_000) == pytest.approx(5.0)


def test_rates_are_computed_cell_by_cell_on_arrays():
    events = np.array([[10.0, -4.0], [0.0, 3.0]])  # natural increase may be negative
    population = np.array([[1_000.0, 2_000.0], [500.0, 300.0]])

    rates = crude_rate(events, population, base=1000)

    assert rates.tolist() == [[10.0, -2.0], [0.0, 10.0]]


def test_annual_average_population_cell_by_cell():
    average = annual_average_population(np.array([10.0, 0.0]), np.array([20.0, 3.0]))

    assert average.tolist() == [15.0, 1.5]


def test_a_zero_population_raises_unless_missing_is_asked_for():
    with pytest.raises(ZeroDenominatorError, match="population is 0"):
        crude_rate(np.array([1.0, 2.0]), np.array([100.0, 0.0]), base=1000)

    rates = crude_rate(np.array([1.0, 2.0]), np.array([100.0, 0.0]), base=1000, on_zero="missing")

    assert rates[0] == 10.0
    assert np.isnan(rates[1])
    assert np.isnan(NOT_AVAILABLE)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("position", ["events", "population"])
def test_non_finite_inputs_raise_whatever_the_policy(bad, position):
    events, population = np.array([1.0, 2.0]), np.array([100.0, 200.0])
    (events if position == "events" else population)[1] = bad

    with pytest.raises(ValueError, match="finite"):
        crude_rate(events, population, base=1000, on_zero="missing")


def test_a_negative_population_or_an_unknown_policy_is_refused():
    with pytest.raises(ValueError, match="cannot be negative"):
        crude_rate(1, -5, base=1000)
    with pytest.raises(ValueError, match="cannot be negative"):
        annual_average_population(-1, 5)
    with pytest.raises(ValueError, match="on_zero"):
        crude_rate(1, 5, base=1000, on_zero="zero")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="base"):
        crude_rate(1, 5, base=0)


def test_infant_mortality_per_1000_live_births():
    assert infant_mortality_rate(2_400, 150_000, base=1000) == pytest.approx(16.0)


def test_infant_mortality_without_births_follows_the_policy():
    with pytest.raises(ZeroDenominatorError, match="live births"):
        infant_mortality_rate(1, 0, base=1000)

    rates = infant_mortality_rate([1, 0, 2], [0, 0, 400], base=1000, on_zero="missing")

    assert np.isnan(rates[:2]).all()
    assert rates[2] == 5.0


def test_rahts_weights_this_and_last_years_births():
    # 1 000 × 2 400 / (0.75 × 150 000 + 0.25 × 142 000) = 2 400 000 / 148 000 = 16.216…
    rate = infant_mortality_rate_rahts(2_400, 150_000, 142_000, current_year_weight=0.75, base=1000)

    assert rate == pytest.approx(2_400_000 / 148_000)
