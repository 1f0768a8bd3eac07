"""Demographic methods: the functions from counts to the published indicators.

Why a package of its own: the arithmetic behind a life expectancy, a total fertility rate or a
crude rate is the part of an official release that a user must be able to check by hand. Here
it lives apart from the database, the web app and the publications, typed, with each method's
source in its docstring, and tested against worked examples. The catalog
(``indicators/catalog/``) calls these functions for every published rate, on whole numpy
grids, with each indicator's ``unit_base`` and a zero-denominator policy chosen on purpose
(:mod:`indicators.methods.ratios`); the tests use them as the oracle.
"""

from __future__ import annotations

from indicators.methods.fertility import (
    REPRODUCTIVE_AGES,
    adolescent_birth_rate,
    age_specific_fertility_rates,
    fold_births_by_age,
    gross_reproduction_rate,
    mean_age_at_childbearing,
    net_reproduction_rate,
    total_fertility_rate,
    women_in_age_groups,
)
from indicators.methods.gender import (
    abortion_rate,
    gender_parity_index,
    gross_enrolment_ratio,
    incidence_rate,
    pay_gap,
    population_of_ages,
    women_share,
)
from indicators.methods.lifetable import (
    ABRIDGED_AGES,
    LifeTable,
    LifeTableError,
    abridged_life_table,
    coale_demeny_1a0,
    coale_demeny_4a1,
    life_table_from_rates,
)
from indicators.methods.mortality import (
    age_specific_death_rates,
    directly_standardised_rate,
    maternal_mortality_ratio,
    under_five_mortality_rate,
)
from indicators.methods.nuptiality import (
    age_specific_marriage_rates,
    mean_age_at_event,
    per_marriages,
)
from indicators.methods.perinatal import (
    neonatal_mortality_rate,
    perinatal_mortality_rate,
    population_density,
    share_of_births,
    stillbirth_rate,
)
from indicators.methods.rates import (
    annual_average_population,
    crude_rate,
    infant_mortality_rate,
    infant_mortality_rate_rahts,
)
from indicators.methods.ratios import NOT_AVAILABLE, OnZero, ZeroDenominatorError
from indicators.methods.structure import (
    dependency_ratios,
    median_age,
    population_change,
    sex_ratio,
    working_age_groups,
)
from indicators.methods.survey import (
    Design,
    Estimate,
    coefficient_of_variation,
    collapsed_strata,
    confidence_interval,
    nonresponse_adjusted_weights,
    pooled_quarters,
    survey_ratio,
    survey_total,
    totals_by,
)

__all__ = [
    "ABRIDGED_AGES",
    "NOT_AVAILABLE",
    "REPRODUCTIVE_AGES",
    "Design",
    "Estimate",
    "LifeTable",
    "LifeTableError",
    "OnZero",
    "ZeroDenominatorError",
    "abortion_rate",
    "abridged_life_table",
    "adolescent_birth_rate",
    "age_specific_death_rates",
    "age_specific_fertility_rates",
    "age_specific_marriage_rates",
    "annual_average_population",
    "coale_demeny_1a0",
    "coale_demeny_4a1",
    "coefficient_of_variation",
    "collapsed_strata",
    "confidence_interval",
    "crude_rate",
    "dependency_ratios",
    "directly_standardised_rate",
    "fold_births_by_age",
    "gender_parity_index",
    "gross_enrolment_ratio",
    "gross_reproduction_rate",
    "incidence_rate",
    "infant_mortality_rate",
    "infant_mortality_rate_rahts",
    "life_table_from_rates",
    "maternal_mortality_ratio",
    "mean_age_at_childbearing",
    "mean_age_at_event",
    "median_age",
    "neonatal_mortality_rate",
    "net_reproduction_rate",
    "nonresponse_adjusted_weights",
    "pay_gap",
    "per_marriages",
    "perinatal_mortality_rate",
    "pooled_quarters",
    "population_change",
    "population_density",
    "population_of_ages",
    "sex_ratio",
    "share_of_births",
    "stillbirth_rate",
    "survey_ratio",
    "survey_total",
    "total_fertility_rate",
    "totals_by",
    "under_five_mortality_rate",
    "women_in_age_groups",
    "women_share",
    "working_age_groups",
]
