"""Estimates from a complex sample: weights adjusted for non-response, totals and ratios with
their standard errors by Taylor linearisation, and confidence intervals.

Why a module of its own: a survey's estimate is a number that the release must be able to
defend with its precision, and the precision of a stratified cluster sample is not that of a
simple random sample (members abroad cluster in villages and families). The variance is
therefore estimated as a design-based statistician would — strata and primary sampling units
(PSUs), Horvitz–Thompson weighting, Taylor linearisation, PSUs taken as drawn with replacement
(no finite-population correction: the NSC's LFS samples well under a tenth of the PSUs of a
stratum), which is the usual "ultimate cluster" estimator:

    Ŷ = Σ_h Σ_i Σ_k w_hik y_hik,
    v(Ŷ) = Σ_h n_h / (n_h − 1) Σ_i (z_hi − z̄_h)²,   z_hi = Σ_k w_hik y_hik,

and for a ratio R̂ = Ŷ / X̂ the same with z_hi = Σ_k w_hik (y_hik − R̂ x_hik) / X̂. The
computing is done by ``samplics`` (``TaylorEstimator``), a library made for complex samples;
``tests/test_methods_survey.py`` checks it against these formulas written out by hand.

A stratum left with a single responding PSU cannot give a variance of its own. Leaving it out
(``samplics``' ``SinglePSUEst.skip``) would understate the standard error; instead such a
stratum is *collapsed* with its neighbour (``SinglePSUEst.combine``, :func:`collapsed_strata`):
the next stratum in code order, which is the other type of area of the same oblast where the
sample has one (codes are ``<oblast>-<U|R>``), and the variance is the ultimate-cluster
formula over the collapsed strata. It is the textbook collapsed-strata estimator (Wolter,
*Introduction to Variance Estimation*, 2.5; Rust and Kalton 1987): conservative, since the
difference between the collapsed strata's means adds to the variance, never subtracts.

A year of a quarterly survey is the mean of its quarters' estimates (:func:`pooled_quarters`):
each quarter is a sample of its own, so its strata and PSUs are kept apart and its weights
divided by the number of quarters; the variance of the mean, Σ_q v_q / Q², follows from the
same formula over the pooled design.

Non-response: a household that refused or was not met is replaced by the responding
households of its stratum (a weighting-class adjustment), so that the weights still add up
to the sampled households' design weights; a dwelling that turned out to hold no household
is out of scope and dropped.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from scipy.stats import norm

with warnings.catch_warnings():
    # samplics announces on import that its authors now maintain 'svy'; the estimator is the
    # same, and the tests check it against the formulas above.
    warnings.simplefilter("ignore")
    from samplics import PopParam, SinglePSUEst, TaylorEstimator

INTERVIEWED = 1
NOT_RESPONDING = (2, 3)  # refusal, no contact: eligible households without an interview
OUT_OF_SCOPE = 4  # not a household (vacant, demolished)


@dataclass(frozen=True)
class Design:
    """A sample's design per unit: weight, stratum and PSU (codes as strings)."""

    weight: np.ndarray
    stratum: np.ndarray
    psu: np.ndarray


def pooled_quarters(
    quarter: npt.ArrayLike, weight: npt.ArrayLike, stratum: npt.ArrayLike, psu: npt.ArrayLike
) -> Design:
    """The design of the annual estimate as the mean of the quarterly estimates: strata and
    PSUs kept apart by quarter (``"<q>|<stratum>"``), weights divided by the number of
    quarters, so that a total over it is (Σ_q Ŷ_q) / Q and its variance Σ_q v(Ŷ_q) / Q²."""
    quarters = np.asarray(quarter).astype(str)
    count = len(np.unique(quarters)) or 1
    strata = np.char.add(np.char.add(quarters, "|"), np.asarray(stratum).astype(str))
    return Design(
        weight=np.asarray(weight, dtype=float) / count,
        stratum=strata,
        psu=np.char.add(np.char.add(strata, "|"), np.asarray(psu).astype(str)),
    )


def collapsed_strata(stratum: npt.ArrayLike, psu: npt.ArrayLike) -> dict[str, str]:
    """Stratum → the stratum it is collapsed into, for strata with a single PSU: each such
    stratum joins the next one in code order (the last joins the one before), and the group
    takes the code of its first member (a stratum already joined by a neighbour stays). Empty
    when every stratum has two PSUs or more."""
    strata = np.asarray(stratum).astype(str)
    psus = np.asarray(psu).astype(str)
    codes = sorted(map(str, np.unique(strata)))
    size = {code: len(np.unique(psus[strata == code])) for code in codes}
    if all(n > 1 for n in size.values()):
        return {}
    if len(codes) < 2:
        raise ValueError("a single stratum with a single PSU has no variance")
    group = {code: code for code in codes}
    for i, code in enumerate(codes):
        if sum(size[k] for k, g in group.items() if g == group[code]) > 1:
            continue  # two PSUs or more already, alone or with what joined it
        other = codes[i + 1] if i + 1 < len(codes) else codes[i - 1]
        low, high = sorted((group[code], group[other]))
        for key, value in group.items():
            if value == high:
                group[key] = low
    return {code: target for code, target in group.items() if code != target}


@dataclass(frozen=True)
class Estimate:
    """A survey estimate and its standard error (same unit)."""

    value: float
    se: float


def nonresponse_adjusted_weights(
    design_weight: npt.ArrayLike, stratum: npt.ArrayLike, result: npt.ArrayLike
) -> np.ndarray:
    """Household weights after the weighting-class adjustment for non-response.

    ``result`` is the interview result of each sampled household (1 interview, 2 refusal,
    3 no contact, 4 not a household). In each stratum the interviewed households' design
    weights are multiplied by (design weights of interviewed and non-responding households) /
    (design weights of interviewed households); the other households get weight 0. Raises
    ``ValueError`` for a stratum with eligible households but no interview (nothing can stand
    for them).
    """
    weights = np.asarray(design_weight, dtype=float)
    strata = np.asarray(stratum)
    results = np.asarray(result)
    interviewed = results == INTERVIEWED
    eligible = interviewed | np.isin(results, NOT_RESPONDING)
    adjusted = np.zeros_like(weights)
    for code in np.unique(strata):
        here = strata == code
        responding = float(weights[here & interviewed].sum())
        wanted = float(weights[here & eligible].sum())
        if wanted and not responding:
            raise ValueError(f"stratum {code}: eligible households but no interview")
        if responding:
            members = here & interviewed
            adjusted[members] = weights[members] * wanted / responding
    return adjusted


def _keyed(result: Any) -> Any:
    if isinstance(result, dict):
        return {str(k): float(v) for k, v in result.items()}
    return float(result)


def _estimate(
    param: PopParam,
    y: np.ndarray,
    weight: npt.ArrayLike,
    stratum: npt.ArrayLike,
    psu: npt.ArrayLike,
    x: np.ndarray | None = None,
    domain: np.ndarray | None = None,
) -> Estimate | dict[str, Estimate]:
    """samplics' Taylor estimate. samplics divides by the estimate for its coefficient of
    variation, so a zero estimate (nobody of the domain abroad) would raise: it is known
    without computing — every PSU total is zero, so the estimate and its variance are 0."""
    if not np.any(y):
        zero = Estimate(0.0, 0.0)
        return zero if domain is None else dict.fromkeys(map(str, np.unique(domain)), zero)
    estimator = TaylorEstimator(param)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        estimator.estimate(
            y=y,
            x=x,
            samp_weight=np.asarray(weight, dtype=float),
            stratum=np.asarray(stratum).astype(str),
            psu=np.asarray(psu).astype(str),
            domain=None if domain is None else domain.astype(str),
            single_psu=SinglePSUEst.combine,
            strata_comb=collapsed_strata(stratum, psu),
        )
    values, errors = _keyed(estimator.point_est), _keyed(estimator.stderror)
    if isinstance(values, dict):
        return {key: Estimate(values[key], errors[key]) for key in values}
    return Estimate(values, errors)


def survey_total(
    y: npt.ArrayLike,
    weight: npt.ArrayLike,
    stratum: npt.ArrayLike,
    psu: npt.ArrayLike,
    domain: npt.ArrayLike | None = None,
) -> Estimate | dict[str, Estimate]:
    """The weighted (Horvitz–Thompson) total of ``y`` and its linearised standard error; with
    ``domain`` (a code per unit) a dict of the total in each domain — the units outside a
    domain count as zeros, so every PSU stays in its variance (not a subsample's variance)."""
    values = np.asarray(y, dtype=float)
    if domain is None:
        return _estimate(PopParam.total, values, weight, stratum, psu)
    codes = np.asarray(domain).astype(str)
    result = dict.fromkeys(map(str, np.unique(codes)), Estimate(0.0, 0.0))
    counted = values != 0
    if counted.any():
        # A unit with y = 0 adds nothing to any domain's total or PSU totals, so it may be
        # counted in any domain: in one that has a total, so that no domain is all zeros.
        some = codes[np.argmax(counted)]
        shifted = np.where(np.isin(codes, np.unique(codes[counted])), codes, some)
        computed = _estimate(PopParam.total, values, weight, stratum, psu, domain=shifted)
        result.update(cast(dict[str, Estimate], computed))
    return result


def survey_ratio(
    y: npt.ArrayLike,
    x: npt.ArrayLike,
    weight: npt.ArrayLike,
    stratum: npt.ArrayLike,
    psu: npt.ArrayLike,
    domain: npt.ArrayLike | None = None,
    *,
    base: float = 1.0,
) -> Estimate | dict[str, Estimate]:
    """The ratio of the weighted totals Ŷ / X̂ × ``base`` (a share when ``y`` counts a part
    of what ``x`` counts; ``base=100`` for per cent) and its linearised standard error; by
    ``domain`` the ratio of the domain's totals, linearised over the whole sample (every PSU
    kept). A domain whose X̂ is zero has no ratio and is left out (nothing is published
    rather than a division by zero); with no domain, a zero X̂ raises ``ValueError``."""
    numerator, denominator = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    if domain is None:
        if not np.any(denominator):
            raise ValueError("the ratio's denominator is zero")
        result = cast(
            Estimate, _estimate(PopParam.ratio, numerator, weight, stratum, psu, x=denominator)
        )
        return Estimate(result.value * base, result.se * base)
    codes = np.asarray(domain).astype(str)
    ratios: dict[str, Estimate] = {}
    for code in map(str, np.unique(codes)):
        inside = codes == code
        if np.any(denominator[inside]):
            ratios[code] = cast(
                Estimate,
                survey_ratio(
                    numerator * inside, denominator * inside, weight, stratum, psu, base=base
                ),
            )
    return ratios


def confidence_interval(estimate: Estimate, level: float = 0.95) -> tuple[float, float]:
    """The normal-approximation interval ``value ± z × se`` (z = 1.96 for 95 %)."""
    z = float(norm.ppf(0.5 + level / 2))
    return estimate.value - z * estimate.se, estimate.value + z * estimate.se


def coefficient_of_variation(estimate: Estimate) -> float | None:
    """The relative standard error ``se / |value|`` (a fraction, not per cent); ``None`` for a
    zero estimate, whose precision is not relative to anything."""
    if estimate.value == 0:
        return None
    return estimate.se / abs(estimate.value)


def totals_by(
    y: npt.ArrayLike,
    weight: npt.ArrayLike,
    stratum: npt.ArrayLike,
    psu: npt.ArrayLike,
    domains: Mapping[str, npt.ArrayLike],
) -> dict[str, Estimate]:
    """:func:`survey_total` of ``y`` within each named subset (a boolean mask per key), for
    subsets that overlap (CIS and EAEU) and so cannot be one ``domain`` column."""
    values = np.asarray(y, dtype=float)
    return {
        key: cast(
            Estimate,
            survey_total(np.where(np.asarray(mask, dtype=bool), values, 0.0), weight, stratum, psu),
        )
        for key, mask in domains.items()
    }
