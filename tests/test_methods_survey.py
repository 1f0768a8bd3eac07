"""Survey estimation (``indicators.methods.survey``) against the textbook formulas written out
by hand: the Horvitz–Thompson total, the with-replacement ("ultimate cluster") linearised
variance of a stratified cluster sample, the linearised variance of a ratio, the weighting-class
non-response adjustment and the normal confidence interval."""

from __future__ import annotations

import math

import numpy as np
import pytest

from indicators.methods import (
    Estimate,
    confidence_interval,
    nonresponse_adjusted_weights,
    survey_ratio,
    survey_total,
    totals_by,
)

# A tiny stratified two-stage sample: 2 strata, 5 PSUs, 9 persons.
STRATUM = ["A", "A", "A", "A", "B", "B", "B", "B", "B"]
PSU = ["1", "1", "2", "3", "4", "4", "5", "5", "5"]
WEIGHT = [10.0, 10.0, 12.0, 8.0, 20.0, 20.0, 25.0, 25.0, 25.0]
ABROAD = [1, 0, 1, 1, 0, 1, 1, 1, 0]
WORK = [1, 0, 0, 1, 0, 1, 1, 0, 0]


def _psu_totals(values: list[float]) -> dict[str, dict[str, float]]:
    totals: dict[str, dict[str, float]] = {}
    for h, i, w, v in zip(STRATUM, PSU, WEIGHT, values, strict=True):
        totals.setdefault(h, {}).setdefault(i, 0.0)
        totals[h][i] += w * v
    return totals


def _ultimate_cluster_variance(values: list[float]) -> float:
    variance = 0.0
    for psus in _psu_totals(values).values():
        z = list(psus.values())
        n = len(z)
        mean = sum(z) / n
        variance += n / (n - 1) * sum((zi - mean) ** 2 for zi in z)
    return variance


def test_total_is_horvitz_thompson_with_the_ultimate_cluster_variance() -> None:
    estimate = survey_total(ABROAD, WEIGHT, STRATUM, PSU)
    assert isinstance(estimate, Estimate)
    # by hand: 10 + 12 + 8 + 20 + 25 + 25 = 100
    assert estimate.value == pytest.approx(100.0)
    # stratum A: PSU totals 10, 12, 8 (mean 10): 3/2 × (0 + 4 + 4) = 12
    # stratum B: PSU totals 20, 50 (mean 35): 2/1 × (225 + 225) = 900
    assert _ultimate_cluster_variance([float(v) for v in ABROAD]) == pytest.approx(912.0)
    assert estimate.se == pytest.approx(math.sqrt(912.0))


def test_domain_totals_keep_every_psu_in_the_variance() -> None:
    sexes = ["M", "F", "M", "F", "M", "M", "F", "M", "F"]
    by_sex = survey_total(ABROAD, WEIGHT, STRATUM, PSU, domain=sexes)
    assert isinstance(by_sex, dict)
    for sex in ("M", "F"):
        values = [float(a and s == sex) for a, s in zip(ABROAD, sexes, strict=True)]
        expected = sum(w * v for w, v in zip(WEIGHT, values, strict=True))
        assert by_sex[sex].value == pytest.approx(expected)
        assert by_sex[sex].se == pytest.approx(math.sqrt(_ultimate_cluster_variance(values)))
    assert by_sex["M"].value + by_sex["F"].value == pytest.approx(100.0)


def test_overlapping_subsets_are_totals_of_masked_values() -> None:
    cis = [True, False, True, True, True, True, False, True, True]
    eaeu = [True, False, False, True, True, True, False, True, True]
    result = totals_by(ABROAD, WEIGHT, STRATUM, PSU, {"CIS": cis, "EAEU": eaeu})
    for key, mask in (("CIS", cis), ("EAEU", eaeu)):
        values = [float(a and m) for a, m in zip(ABROAD, mask, strict=True)]
        assert result[key].value == pytest.approx(sum(np.multiply(WEIGHT, values)))
        assert result[key].se == pytest.approx(math.sqrt(_ultimate_cluster_variance(values)))


def test_ratio_uses_the_linearised_variable() -> None:
    share = survey_ratio(WORK, ABROAD, WEIGHT, STRATUM, PSU)
    assert isinstance(share, Estimate)
    y = sum(w * v for w, v in zip(WEIGHT, WORK, strict=True))  # 10 + 8 + 20 + 25 = 63
    x = 100.0
    assert y == pytest.approx(63.0)
    r = y / x
    assert share.value == pytest.approx(0.63)
    linearised = [(yk - r * xk) / x for yk, xk in zip(WORK, ABROAD, strict=True)]
    assert share.se == pytest.approx(math.sqrt(_ultimate_cluster_variance(linearised)))


def test_ratio_by_domain() -> None:
    sexes = ["M", "F", "M", "F", "M", "M", "F", "M", "F"]
    shares = survey_ratio(WORK, ABROAD, WEIGHT, STRATUM, PSU, domain=sexes)
    assert isinstance(shares, dict)
    for sex in ("M", "F"):
        inside = [s == sex for s in sexes]
        y = sum(w * v * i for w, v, i in zip(WEIGHT, WORK, inside, strict=True))
        x = sum(w * v * i for w, v, i in zip(WEIGHT, ABROAD, inside, strict=True))
        r = y / x
        z = [i * (yk - r * xk) / x for yk, xk, i in zip(WORK, ABROAD, inside, strict=True)]
        assert shares[sex].value == pytest.approx(r)
        assert shares[sex].se == pytest.approx(math.sqrt(_ultimate_cluster_variance(z)))


def test_nonresponse_adjustment_within_strata() -> None:
    weights = [10.0, 10.0, 10.0, 10.0, 30.0, 30.0, 30.0]
    strata = ["A", "A", "A", "A", "B", "B", "B"]
    result = [1, 2, 1, 4, 1, 3, 3]
    adjusted = nonresponse_adjusted_weights(weights, strata, result)
    # A: eligible 30 (the vacant dwelling is out of scope), responding 20: × 1.5
    # B: eligible 90, responding 30: × 3
    assert list(adjusted) == pytest.approx([15.0, 0.0, 15.0, 0.0, 90.0, 0.0, 0.0])
    # the adjusted weights add up to the eligible households' design weights
    assert adjusted.sum() == pytest.approx(30.0 + 90.0)


def test_a_stratum_without_any_interview_is_refused() -> None:
    with pytest.raises(ValueError, match="stratum B"):
        nonresponse_adjusted_weights([1.0, 1.0], ["A", "B"], [1, 2])


def test_confidence_interval_is_normal() -> None:
    low, high = confidence_interval(Estimate(1000.0, 50.0))
    assert low == pytest.approx(1000.0 - 1.959964 * 50.0, rel=1e-6)
    assert high == pytest.approx(1000.0 + 1.959964 * 50.0, rel=1e-6)
    low90, _ = confidence_interval(Estimate(1000.0, 50.0), level=0.90)
    assert low90 == pytest.approx(1000.0 - 1.644854 * 50.0, rel=1e-6)


def test_a_domain_with_nobody_is_zero_and_leaves_the_others_as_they_are() -> None:
    countries = ["RUS", "-", "RUS", "KAZ", "-", "KAZ", "RUS", "RUS", "TUR"]
    with_tur = survey_total(ABROAD, WEIGHT, STRATUM, PSU, domain=countries)
    assert isinstance(with_tur, dict)
    assert with_tur["TUR"] == Estimate(0.0, 0.0)  # the one member in Türkiye is at home
    assert with_tur["-"] == Estimate(0.0, 0.0)
    for code in ("RUS", "KAZ"):
        values = [float(a and c == code) for a, c in zip(ABROAD, countries, strict=True)]
        assert with_tur[code].value == pytest.approx(sum(np.multiply(WEIGHT, values)))
        assert with_tur[code].se == pytest.approx(math.sqrt(_ultimate_cluster_variance(values)))
    assert survey_ratio(WORK, [0] * 9, WEIGHT, STRATUM, PSU, domain=countries) == {}


def test_a_stratum_with_a_single_psu_is_collapsed_with_its_neighbour() -> None:
    """Stratum C has one PSU: it joins B (its neighbour in code order), and the variance is
    the ultimate-cluster formula over the strata A and B+C — not B and A alone (skipping C
    would understate it)."""
    from indicators.methods import collapsed_strata

    stratum = [*STRATUM, "C", "C"]
    psu = [*PSU, "6", "6"]
    weight = [*WEIGHT, 30.0, 30.0]
    abroad = [*ABROAD, 1, 1]
    assert collapsed_strata(stratum, psu) == {"C": "B"}
    estimate = survey_total(abroad, weight, stratum, psu)
    assert isinstance(estimate, Estimate)
    assert estimate.value == pytest.approx(160.0)
    # A: 12 as before; B+C: PSU totals 20, 50, 60 (mean 130/3): 3/2 × Σ(z − z̄)²
    z = [20.0, 50.0, 60.0]
    mean = sum(z) / 3
    by_hand = 12.0 + 3 / 2 * sum((zi - mean) ** 2 for zi in z)
    assert estimate.se == pytest.approx(math.sqrt(by_hand))
    assert estimate.se > math.sqrt(912.0)  # more than with C skipped


def test_collapsing_takes_the_previous_stratum_for_the_last_and_chains() -> None:
    from indicators.methods import collapsed_strata

    assert collapsed_strata(["A", "A", "B"], ["1", "2", "3"]) == {"B": "A"}
    # A and B single: they join each other; C keeps its two PSUs
    assert collapsed_strata(["A", "B", "C", "C"], ["1", "2", "3", "4"]) == {"B": "A"}
    assert collapsed_strata(STRATUM, PSU) == {}
    with pytest.raises(ValueError, match="no variance"):
        collapsed_strata(["A", "A"], ["1", "1"])


def test_a_year_is_the_mean_of_its_quarters_and_its_variance_the_mean_s() -> None:
    """The pooled design's total is (Ŷ₁ + Ŷ₂) / 2 and its variance (v₁ + v₂) / 4, each
    quarter estimated on its own."""
    from indicators.methods import pooled_quarters

    quarter = [1] * len(STRATUM) + [2] * len(STRATUM)
    second = [0, 1, 1, 0, 1, 1, 0, 1, 1]
    design = pooled_quarters(quarter, WEIGHT * 2, STRATUM * 2, PSU * 2)
    assert design.weight.tolist() == [w / 2 for w in WEIGHT * 2]
    pooled = survey_total([*ABROAD, *second], design.weight, design.stratum, design.psu)
    first_q = survey_total(ABROAD, WEIGHT, STRATUM, PSU)
    second_q = survey_total(second, WEIGHT, STRATUM, PSU)
    assert isinstance(pooled, Estimate)
    assert isinstance(first_q, Estimate)
    assert isinstance(second_q, Estimate)
    assert pooled.value == pytest.approx((first_q.value + second_q.value) / 2)
    assert pooled.se**2 == pytest.approx((first_q.se**2 + second_q.se**2) / 4)
    # the hand formula for the second quarter, independently of samplics
    variance = 0.0
    for h in ("A", "B"):
        totals: dict[str, float] = {}
        for s, i, w, v in zip(STRATUM, PSU, WEIGHT, second, strict=True):
            if s == h:
                totals[i] = totals.get(i, 0.0) + w * v
        zs = list(totals.values())
        m = sum(zs) / len(zs)
        variance += len(zs) / (len(zs) - 1) * sum((zi - m) ** 2 for zi in zs)
    assert second_q.se**2 == pytest.approx(variance)


def test_coefficient_of_variation() -> None:
    from indicators.methods import coefficient_of_variation

    assert coefficient_of_variation(Estimate(200.0, 50.0)) == pytest.approx(0.25)
    assert coefficient_of_variation(Estimate(-200.0, 50.0)) == pytest.approx(0.25)
    assert coefficient_of_variation(Estimate(0.0, 0.0)) is None
