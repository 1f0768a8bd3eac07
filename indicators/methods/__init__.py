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
    age_specific_fertility_rates,
    fold_births_by_age,
    total_fertility_rate,
    women_in_age_groups,
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

__all__ = [
    "ABRIDGED_AGES",
    "NOT_AVAILABLE",
    "REPRODUCTIVE_AGES",
    "LifeTable",
    "LifeTableError",
    "OnZero",
    "ZeroDenominatorError",
    "abridged_life_table",
    "age_specific_fertility_rates",
    "annual_average_population",
    "coale_demeny_1a0",
    "coale_demeny_4a1",
    "crude_rate",
    "fold_births_by_age",
    "infant_mortality_rate",
    "infant_mortality_rate_rahts",
    "life_table_from_rates",
    "neonatal_mortality_rate",
    "perinatal_mortality_rate",
    "population_density",
    "share_of_births",
    "stillbirth_rate",
    "total_fertility_rate",
    "women_in_age_groups",
]
