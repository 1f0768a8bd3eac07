"""The demographic profile of the synthetic Kyrgyz Republic: targets and schedules.

Why this module exists: a generator is only useful for testing statistics if its output
looks like the country — the same orders of magnitude, shares and directions of flows that
the published figures show. The targets below are those figures, each a named constant with
its source (NSC = National Statistical Committee of the Kyrgyz Republic, as quoted in the
project's calibration notes); the functions turn them into the schedules the simulation
draws from (age-sex structure, fertility and mortality by age, migration matrices).

Territorial units are СОАТЕ codes as 8-digit significant prefixes: rayons, cities of oblast
significance, Bishkek's four city districts (``41711201``..``41711204``) and Osh city as
``41721`` (the classifier gives it no districts). Kant and Kara-Balta become cities of
oblast significance only in 2024; to keep one territorial frame for all years their
residents stay in Ysyk-Ata and Jaiyl rayons. The unit weights in ``data/territories.csv``
are invented (plausible) and only used within each oblast; oblast totals come from the NSC.

Index conventions used throughout the package: settlement 0 = ``U`` (urban), 1 = ``R``
(rural); sex 0 = ``M``, 1 = ``F``; age 0..100, 100 meaning 100 and over.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "data"

SETTLEMENTS = ("U", "R")
SEXES = ("M", "F")
OPEN_AGE = 100  # the last age group is 100 and over
N_AGES = OPEN_AGE + 1

# --- Population (NSC revised post-census series; census 2022) -------------------------------

# Resident population on 1 January 2021, revised series after the 2022 census (NSC).
POPULATION_1_JAN_2021 = 6_789_600
# Resident population by oblast / city of republican significance, 1 January 2023 (NSC).
REGION_POPULATION_2023: dict[str, int] = {
    "41711": 1_145_000,  # Bishkek
    "41721": 361_000,  # Osh city
    "41705": 571_000,  # Batken
    "41708": 1_069_000,  # Chui
    "41702": 538_000,  # Issyk-Kul
    "41703": 1_311_000,  # Jalal-Abad
    "41704": 308_000,  # Naryn
    "41706": 1_460_000,  # Osh oblast
    "41707": 274_000,  # Talas
}
REGION_NAMES: dict[str, str] = {
    "41711": "Bishkek",
    "41721": "Osh city",
    "41702": "Issyk-Kul",
    "41703": "Jalal-Abad",
    "41704": "Naryn",
    "41705": "Batken",
    "41706": "Osh oblast",
    "41707": "Talas",
    "41708": "Chui",
}
# Men per 1,000 women (census 2022).
MEN_PER_1000_WOMEN = 978
# Urban share of the population (census 2022: 34.7 %); reached through data/territories.csv.
URBAN_SHARE = 0.347
# Shares below / at / above working age 35 / 57 / 8 % (2021, census 2022), 65+ 5.4 % (2023).
# Working age: men 16-62, women 16-57 (the pension ages).
WORKING_AGE = {"M": (16, 62), "F": (16, 57)}

# Age structure on 1 January 2021, thousands by five-year group 0-4 .. 95-99 and 100+.
# SYNTHETIC: shaped after the NSC pyramid (large cohorts born 2010-2020, the trough of the
# late 1990s, small war-time and pre-war cohorts) and tuned to the census shares above.
# fmt: off
AGE_GROUPS_2021_K = (
    870, 800, 650, 520, 550, 625, 590, 480, 410, 350,
    310, 280, 225, 150, 85, 45, 28, 13, 4.5, 1.1,
    0.15,
)
# fmt: on
# Males per 100 females by age (at birth about 105, NSC); falls with age as men's higher
# mortality accumulates, tuned so that the total gives 978 men per 1,000 women.
SEX_RATIO_BY_AGE = (
    (0, 105.0),
    (20, 102.5),
    (35, 100.0),
    (50, 94.0),
    (60, 86.0),
    (70, 72.0),
    (80, 56.0),
    (100, 35.0),
)
# Urban populations have fewer children and more young adults than rural ones.
URBAN_AGE_TILT = ((0, 0.85), (15, 0.9), (20, 1.15), (35, 1.1), (50, 1.0), (100, 1.0))

# --- Fertility (NSC) ----------------------------------------------------------------------

# Total fertility rate: 2019 3.33, 2023 2.71, 2024 2.60 (NSC); 2021-2022 interpolated; 2024
# is set a little above the NSC figure (and 2025 at it) because the synthetic pyramid has
# slightly fewer women at peak ages than the real one, to keep the crude birth rate near
# 20 ‰. Years outside the table use the nearest year.
TFR_BY_YEAR: dict[int, float] = {2021: 3.00, 2022: 2.85, 2023: 2.71, 2024: 2.65, 2025: 2.60}
# Urban and rural TFR 2024: 1.98 and 3.13 (NSC): urban women's rates relative to rural ones.
URBAN_TFR_2024 = 1.98
RURAL_TFR_2024 = 3.13
# Birth order (2022): about 27 % first, 35 % second, 13 % fourth or higher (NSC).
BIRTH_ORDER_SHARES = (0.27, 0.35, 0.25, 0.13)
# Mean age (at 1 January) and spread of the age-specific rates of each order; the first
# gives a mean age of the mother at first birth of about 23 (NSC).
BIRTH_ORDER_MEAN_AGE = (22.5, 26.0, 29.5, 33.0)
BIRTH_ORDER_SD = (3.2, 3.8, 4.2, 4.8)
FERTILE_AGES = (15, 48)  # age at 1 January; the mother is 15..49 at the birth
# About 105 boys per 100 girls (NSC).
SEX_RATIO_AT_BIRTH = 1.05

# --- Mortality (NSC) ----------------------------------------------------------------------

# Life expectancy at birth 2023-2024: men 68, women 77 (NSC).
LIFE_EXPECTANCY = {"M": 68.0, "F": 77.0}
# Infant mortality 2023: 2,040 deaths per ≈146k births ≈ 14 ‰; 2024: 13.1 ‰ (NSC).
INFANT_MORTALITY = {"M": 0.0155, "F": 0.0125}
# Share of infant deaths that happen in the calendar year of birth (most are neonatal).
INFANT_DEATHS_IN_BIRTH_YEAR = 0.75

# ICD-10 chapters (Roman numerals) and their share of deaths by age group at death. Tuned
# so that all deaths give circulatory IX 52.5 %, neoplasms II 13.7 %, external XX 6.5 %,
# respiratory X 6.2 %, digestive XI 5.1 % (NSC 2024); infants: perinatal XVI 70 %,
# congenital XVII 17 % (NSC).
CAUSE_CHAPTERS = ("I", "II", "IV", "VI", "IX", "X", "XI", "XIV", "XVI", "XVII", "XVIII", "XX")
# fmt: off
CAUSES_BY_AGE: tuple[tuple[int, tuple[float, ...]], ...] = (
    #     I     II    IV    VI    IX    X     XI    XIV   XVI   XVII  XVIII XX
    (0,  (3.0,  0.0,  0.5,  0.5,  0.5,  5.0,  0.5,  0.0,  70.0, 17.0, 1.5,  1.5)),
    (1,  (8.0,  10.0, 3.0,  10.0, 4.0,  18.0, 4.0,  1.0,  0.0,  10.0, 4.0,  28.0)),
    (15, (7.0,  13.0, 3.0,  4.0,  26.0, 6.0,  9.0,  3.0,  0.0,  0.5,  4.5,  21.0)),
    (45, (2.5,  19.0, 3.0,  2.0,  55.0, 5.0,  7.0,  2.0,  0.0,  0.0,  2.0,  4.5)),
    (65, (0.5,  11.5, 3.0,  2.0,  73.5, 5.5,  2.5,  1.5,  0.0,  0.0,  1.5,  1.0)),
)
# fmt: on
# Maternal deaths (ICD-10 chapter XV, women of 15-49 only): about 40 per 100,000 live births,
# the order of the NSC's and WHO's recent figures for Kyrgyzstan. The synthetic data have
# about 2,300 deaths of women aged 15-49 and 140k births a year, so 2.5 % of those deaths.
MATERNAL_SHARE_OF_DEATHS_OF_WOMEN_15_49 = 0.025
MATERNAL_AGES = (15, 49)

# --- Marriages and divorces (NSC) ---------------------------------------------------------

# 2023: 44.8k marriages, 12.7k divorces; 2024: 45.3k and 13.4k, i.e. per 1,000 residents:
MARRIAGES_PER_1000 = 6.4
DIVORCES_PER_1000 = 1.85
MIN_MARRIAGE_AGE = 18

# --- Internal migration (NSC) -------------------------------------------------------------

# Registered moves between territorial units about 30-40k a year; only Bishkek (≈64 % of
# the net gain) and Chui (≈36 %) gain; Naryn has the highest out-migration (≈9 ‰, 2018);
# Bishkek draws mainly from Osh, Batken and Jalal-Abad oblasts.
# Moves out of each region to other regions per 1,000 residents a year (SYNTHETIC, tuned):
BETWEEN_REGION_OUT_RATE: dict[str, float] = {
    "41711": 3.6,
    "41721": 6.5,
    "41702": 4.3,
    "41703": 4.3,
    "41704": 8.0,
    "41705": 5.6,
    "41706": 4.2,
    "41707": 5.5,
    "41708": 3.2,
}
# Moves between units of the same region per 1,000 residents a year (SYNTHETIC).
WITHIN_REGION_RATE = 1.0
# Where each region's leavers go (rows: origin, shares over destinations; SYNTHETIC, tuned
# to the net gains above).
REGION_DESTINATIONS: dict[str, dict[str, float]] = {
    "41711": {
        "41708": 0.62,
        "41721": 0.05,
        "41702": 0.07,
        "41703": 0.07,
        "41704": 0.04,
        "41705": 0.04,
        "41706": 0.06,
        "41707": 0.05,
    },
    "41721": {
        "41711": 0.48,
        "41706": 0.25,
        "41703": 0.08,
        "41705": 0.05,
        "41708": 0.12,
        "41702": 0.01,
        "41704": 0.005,
        "41707": 0.005,
    },
    "41702": {
        "41711": 0.52,
        "41708": 0.36,
        "41704": 0.05,
        "41703": 0.02,
        "41706": 0.02,
        "41707": 0.02,
        "41721": 0.01,
    },
    "41703": {
        "41711": 0.52,
        "41708": 0.28,
        "41721": 0.06,
        "41706": 0.06,
        "41705": 0.03,
        "41702": 0.02,
        "41704": 0.01,
        "41707": 0.02,
    },
    "41704": {
        "41711": 0.50,
        "41708": 0.35,
        "41702": 0.10,
        "41703": 0.02,
        "41707": 0.02,
        "41706": 0.01,
    },
    "41705": {
        "41711": 0.52,
        "41708": 0.26,
        "41721": 0.08,
        "41706": 0.08,
        "41703": 0.04,
        "41702": 0.01,
        "41707": 0.01,
    },
    "41706": {
        "41711": 0.54,
        "41708": 0.24,
        "41721": 0.10,
        "41703": 0.06,
        "41705": 0.03,
        "41702": 0.02,
        "41707": 0.01,
    },
    "41707": {"41711": 0.50, "41708": 0.40, "41702": 0.04, "41703": 0.03, "41704": 0.03},
    "41708": {
        "41711": 0.45,
        "41702": 0.13,
        "41707": 0.09,
        "41704": 0.07,
        "41703": 0.09,
        "41706": 0.08,
        "41721": 0.03,
        "41705": 0.06,
    },
}
# Within a region, cities attract movers more than their size alone would.
CITY_ATTRACTION = 2.0
# Relative propensity to move by age (half of arrivals in Bishkek are 20-34, NSC).
MOBILITY_BY_AGE = ((0, 0.5), (16, 1.2), (20, 2.6), (35, 1.0), (45, 0.6), (60, 0.4))
INTERNAL_REASONS = {
    "WORK": 0.34,
    "FAMILY": 0.30,
    "STUDY": 0.12,
    "HOUSING": 0.10,
    "OTHER": 0.06,
    "NOT_STATED": 0.08,
}

# --- External migration (NSC) -------------------------------------------------------------

# Registered long-term emigrants and immigrants: 2021 9.0k / 8.2k; the balance turned
# positive after 2022 (NSC). Later years SYNTHETIC within the published range.
EMIGRANTS_BY_YEAR: dict[int, int] = {
    2021: 9_000,
    2022: 7_600,
    2023: 6_900,
    2024: 6_400,
    2025: 6_100,
}
IMMIGRANTS_BY_YEAR: dict[int, int] = {
    2021: 8_200,
    2022: 7_200,
    2023: 7_300,
    2024: 6_900,
    2025: 6_600,
}
# Destinations of emigrants: Russia 65-71 %, Kazakhstan 18-29 % (NSC); ISO 3166-1 numeric.
EMIGRATION_DESTINATIONS = {
    "643": 0.68,
    "398": 0.22,
    "276": 0.025,
    "792": 0.02,
    "840": 0.015,
    "410": 0.015,
    "860": 0.01,
    "804": 0.005,
    "112": 0.01,
}
# Emigration propensity by region: emigrants are disproportionately Russians (37 % in 2018),
# who live mostly in Chui, Bishkek and Issyk-Kul (SYNTHETIC weights).
EMIGRATION_REGION_WEIGHT = {
    "41711": 1.8,
    "41708": 2.0,
    "41702": 1.3,
    "41707": 0.8,
    "41704": 0.7,
    "41703": 0.6,
    "41721": 0.8,
    "41706": 0.5,
    "41705": 0.6,
}
EXTERNAL_MOBILITY_BY_AGE = ((0, 0.6), (16, 0.8), (20, 1.6), (40, 0.9), (60, 0.6))
EMIGRATION_REASONS = {
    "WORK": 0.45,
    "FAMILY": 0.30,
    "STUDY": 0.08,
    "OTHER": 0.07,
    "NOT_STATED": 0.10,
}
# Countries immigrants come from, and the share of them who are Kyrgyz citizens returning
# (the others keep the citizenship of that country): kayrylman and new citizens come mostly
# from Tajikistan, Uzbekistan, China, Afghanistan (NSC; shares SYNTHETIC).
IMMIGRATION_ORIGINS = {
    "643": 0.30,
    "398": 0.17,
    "860": 0.20,
    "762": 0.12,
    "156": 0.08,
    "792": 0.04,
    "004": 0.03,
    "586": 0.02,
    "356": 0.02,
    "804": 0.01,
    "840": 0.01,
}
RETURNING_CITIZEN_SHARE = {
    "643": 0.8,
    "398": 0.8,
    "860": 0.35,
    "762": 0.3,
    "156": 0.3,
    "792": 0.2,
    "004": 0.2,
    "586": 0.05,
    "356": 0.05,
    "804": 0.3,
    "840": 0.3,
}
IMMIGRATION_REGION_WEIGHT = {
    "41711": 2.5,
    "41708": 1.5,
    "41721": 1.5,
    "41705": 1.0,
    "41706": 0.7,
    "41703": 0.6,
    "41702": 0.6,
    "41704": 0.4,
    "41707": 0.4,
}
IMMIGRANT_MALE_SHARE = 0.52
CITIZEN_IMMIGRATION_REASONS = {
    "RETURN": 0.60,
    "FAMILY": 0.20,
    "WORK": 0.10,
    "OTHER": 0.05,
    "NOT_STATED": 0.05,
}
FOREIGN_IMMIGRATION_REASONS = {
    "WORK": 0.35,
    "FAMILY": 0.30,
    "STUDY": 0.15,
    "OTHER": 0.08,
    "NOT_STATED": 0.12,
}
CHILD_REASON = "FAMILY"  # persons under 16 move with their family

# Seasonality: relative frequency of events by month (SYNTHETIC, plausible).
MONTH_WEIGHTS: dict[str, tuple[float, ...]] = {
    "birth": (0.95, 0.88, 0.97, 0.95, 0.98, 0.98, 1.05, 1.07, 1.05, 1.05, 1.00, 1.02),
    "death": (1.15, 1.08, 1.05, 0.98, 0.93, 0.90, 0.92, 0.90, 0.90, 0.97, 1.05, 1.12),
    "marriage": (0.55, 0.55, 0.70, 0.80, 0.90, 1.00, 1.20, 1.50, 1.60, 1.50, 1.10, 0.90),
    "divorce": (0.90, 0.95, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.05, 1.05, 1.05, 1.00),
    "migration": (0.80, 0.85, 0.95, 1.00, 1.00, 1.05, 1.10, 1.20, 1.20, 1.00, 0.95, 0.90),
}


# --- Territories ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Territory:
    """One lowest territorial unit of the synthetic country."""

    code: str
    region: str  # oblast or city of republican significance (5-digit prefix)
    name: str
    weight: float  # thousands of residents (synthetic weight, used within the region)
    urban_share: float

    @property
    def is_city(self) -> bool:
        return self.urban_share >= 1.0


@cache
def territories() -> tuple[Territory, ...]:
    """The territorial units of ``data/territories.csv`` (comment lines start with ``#``)."""
    with (DATA_DIR / "territories.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return tuple(
        Territory(
            code=row["code"],
            region=row["oblast"],
            name=row["name_en"],
            weight=float(row["weight_k"]),
            urban_share=float(row["urban_share"]),
        )
        for row in rows
    )


def regions() -> tuple[str, ...]:
    """Region codes (oblasts and cities of republican significance) in a fixed order."""
    return tuple(REGION_POPULATION_2023)


def unit_shares() -> np.ndarray:
    """Each unit's share of the national population: region total × weight within region."""
    units = territories()
    total = sum(REGION_POPULATION_2023.values())
    region_weight: dict[str, float] = {}
    for unit in units:
        region_weight[unit.region] = region_weight.get(unit.region, 0.0) + unit.weight
    return np.array(
        [
            REGION_POPULATION_2023[u.region] / total * u.weight / region_weight[u.region]
            for u in units
        ]
    )


# --- Schedules -----------------------------------------------------------------------------


def by_age(points: tuple[tuple[int, float], ...]) -> np.ndarray:
    """A value for each age 0..100, linear between the given (age, value) points."""
    ages, values = zip(*points, strict=True)
    return np.asarray(np.interp(np.arange(N_AGES), ages, values))


def steps_by_age(points: tuple[tuple[int, float], ...]) -> np.ndarray:
    """A value for each age 0..100, constant from each given age to the next."""
    result = np.zeros(N_AGES)
    for age, value in points:
        result[age:] = value
    return result


def age_sex_structure() -> np.ndarray:
    """Shares of the population by sex × age (2 × 101), summing to 1.

    Five-year groups are spread over single years with a gentle linear slope between
    neighbouring groups, so that the pyramid has no steps at multiples of five.
    """
    groups = np.array(AGE_GROUPS_2021_K, dtype=float)
    midpoints = np.arange(len(groups) - 1) * 5 + 2.0
    single = np.interp(np.arange(OPEN_AGE), midpoints, groups[:-1] / 5.0)
    # keep each five-year group's total exactly
    for g in range(len(groups) - 1):
        block = single[g * 5 : g * 5 + 5]
        block *= groups[g] / block.sum()
    persons = np.append(single, groups[-1])
    ratio = by_age(SEX_RATIO_BY_AGE) / 100.0
    males = persons * ratio / (1.0 + ratio)
    structure = np.vstack([males, persons - males])
    return np.asarray(structure / structure.sum())


def build_base_population(scale: float, rng: np.random.Generator) -> np.ndarray:
    """Persons on 1 January of the first year: unit × settlement × sex × age (int64).

    Expected cell sizes are national total × unit share × settlement share × age-sex
    share (urban ages tilted towards young adults), rounded at random so that even tiny
    scales keep the right expected totals.
    """
    units = territories()
    structure = age_sex_structure()
    tilt = by_age(URBAN_AGE_TILT)
    urban = structure * tilt
    urban /= urban.sum()
    rural_weight = structure - URBAN_SHARE * urban
    rural = np.clip(rural_weight, 1e-12, None)
    rural /= rural.sum()
    shares = unit_shares()
    expected = np.zeros((len(units), 2, 2, N_AGES))
    for i, unit in enumerate(units):
        size = POPULATION_1_JAN_2021 * scale * shares[i]
        expected[i, 0] = size * unit.urban_share * urban
        expected[i, 1] = size * (1.0 - unit.urban_share) * rural
    floor = np.floor(expected)
    return (floor + (rng.random(expected.shape) < expected - floor)).astype(np.int64)


def mortality_rates(sex: str, level: float) -> np.ndarray:
    """Central death rates m(x) at exact ages 0..101 for a Gompertz level ``level``.

    Childhood decline + a young-adult accident hump (stronger for men) + Makeham constant +
    Gompertz senescence.
    """
    x = np.arange(N_AGES + 1, dtype=float)
    hump = 0.0016 if sex == "M" else 0.0003
    slope = 0.083 if sex == "M" else 0.095
    return (
        0.004 * np.exp(-1.2 * x)
        + hump * np.exp(-(((x - 27.0) / 12.0) ** 2))
        + 0.0003
        + level * np.exp(slope * (x - 60.0))
    )


def _annual_death_probabilities(sex: str, level: float) -> np.ndarray:
    """Probability of dying between exact ages x and x+1, x = 0..100 (q[0] is the IMR)."""
    rates = mortality_rates(sex, level)
    q = 1.0 - np.exp(-(rates[:-1] + rates[1:]) / 2.0)
    q[0] = INFANT_MORTALITY[sex]
    q[OPEN_AGE] = 1.0
    return np.asarray(q)


def life_expectancy(q: np.ndarray, open_rate: float) -> float:
    """Life expectancy at birth from probabilities of dying q[0..99] and m(100+)."""
    survivors = np.concatenate([[1.0], np.cumprod(1.0 - q[:OPEN_AGE])])
    years = (survivors[:-1] + survivors[1:]) / 2.0
    years[0] = survivors[1] + 0.1 * (survivors[0] - survivors[1])  # infants die early
    return float(years.sum() + survivors[OPEN_AGE] / open_rate)


@cache
def gompertz_level(sex: str) -> float:
    """The Gompertz level that gives the target life expectancy (bisection)."""
    low, high = 1e-4, 0.2
    for _ in range(60):
        mid = math.sqrt(low * high)
        rates = mortality_rates(sex, mid)
        e0 = life_expectancy(_annual_death_probabilities(sex, mid), float(rates[OPEN_AGE]))
        low, high = (mid, high) if e0 > LIFE_EXPECTANCY[sex] else (low, mid)
    return math.sqrt(low * high)


def life_table_probabilities(sex: str) -> np.ndarray:
    """q(x), x = 0..100, of the calibrated life table of ``sex``."""
    return _annual_death_probabilities(sex, gompertz_level(sex))


@cache
def death_probabilities() -> np.ndarray:
    """Probability of dying within the year for a person aged a on 1 January (2 × 101).

    A person aged a on 1 January is between exact ages a and a+2 during the year, on
    average a+1. Age 0 on 1 January carries the infant deaths not already counted in the
    year of birth; the 100+ group uses the open-age rate.
    """
    result = np.zeros((2, N_AGES))
    for s, sex in enumerate(SEXES):
        level = gompertz_level(sex)
        rates = mortality_rates(sex, level)
        result[s] = 1.0 - np.exp(-rates[1:])
        result[s, 0] = (1.0 - INFANT_DEATHS_IN_BIRTH_YEAR) * INFANT_MORTALITY[sex] + 0.001
        result[s, OPEN_AGE] = 1.0 - math.exp(-float(rates[OPEN_AGE]))
    return result


def fertility_by_order() -> np.ndarray:
    """Age-specific fertility by birth order (4 × 101) for a TFR of 1.

    Orders 1, 2, 3 and 4+ each follow a normal curve over the fertile ages, weighted by
    the NSC order shares; ages outside 15..48 (at 1 January) have none.
    """
    ages = np.arange(N_AGES, dtype=float)
    fertile = (ages >= FERTILE_AGES[0]) & (ages <= FERTILE_AGES[1])
    result = np.zeros((4, N_AGES))
    for k in range(4):
        curve = np.exp(-0.5 * ((ages - BIRTH_ORDER_MEAN_AGE[k]) / BIRTH_ORDER_SD[k]) ** 2)
        curve *= fertile
        result[k] = BIRTH_ORDER_SHARES[k] * curve / curve.sum()
    return result


def urban_fertility_factor() -> float:
    """Urban women's fertility relative to rural women's (NSC 2024 TFRs)."""
    return URBAN_TFR_2024 / RURAL_TFR_2024


def for_year(table: dict[int, float] | dict[int, int], year: int) -> float:
    """The value of a by-year table, using the nearest year outside its range."""
    nearest = min(table, key=lambda y: (abs(y - year), y))
    return float(table[nearest])


def cause_shares() -> tuple[np.ndarray, np.ndarray]:
    """(first age of each group, shares of causes per group as rows summing to 1)."""
    starts = np.array([start for start, _ in CAUSES_BY_AGE])
    shares = np.array([row for _, row in CAUSES_BY_AGE], dtype=float)
    return starts, shares / shares.sum(axis=1, keepdims=True)


def region_matrix() -> np.ndarray:
    """Region × region shares of moves (rows: origin region; within-region on the diagonal).

    Row i gives, for a person leaving a unit of region i, the probability of each
    destination region, combining the between-region rate and destinations with the
    within-region rate (zero for regions made of a single unit, like Osh city).
    """
    codes = regions()
    units = territories()
    matrix = np.zeros((len(codes), len(codes)))
    for i, origin in enumerate(codes):
        n_units = sum(1 for u in units if u.region == origin)
        within = WITHIN_REGION_RATE if n_units > 1 else 0.0
        between = BETWEEN_REGION_OUT_RATE[origin]
        for destination, share in REGION_DESTINATIONS[origin].items():
            matrix[i, codes.index(destination)] = (
                between * share / sum(REGION_DESTINATIONS[origin].values())
            )
        matrix[i, i] = within
    return matrix  # per 1,000 residents


# --- Nationality (NSC) ---------------------------------------------------------------------

# Codes of the classifier ``nationality`` (classifiers/data/nationality.csv), in its order.
NATIONALITIES = (
    "KIR", "UZB", "RUS", "DNG", "UIG", "TGK", "KAZ", "TUR", "TAT", "AZE", "KOR", "UKR", "KUR",
    "DEU", "OTHER",
)  # fmt: skip
NATIONALITY_NOT_STATED = "NOT_STATED"
# Ethnic composition 2025: Kyrgyz 77.8 %, Uzbeks 14.2 %, Russians 3.8 % (NSC). Regional
# composition (per cent of each region's residents) SYNTHETIC, shaped after the census: Uzbeks
# concentrated in Osh, Jalal-Abad and Batken oblasts and Osh city; Russians in Bishkek and
# Chui; Dungans in Chui; Tajiks in Batken; Kazakhs and Kurds in Talas and Chui; Turks in Chui
# and Talas. Kyrgyz are the rest of each region. Tuned so that the national shares come out
# at the NSC's figures (see tests/test_ingest_fields.py).
# fmt: off
REGION_NATIONALITY: dict[str, dict[str, float]] = {
    "41711": {"UZB": 1.5, "RUS": 11.8, "DNG": 0.5, "UIG": 0.9, "KAZ": 0.4, "TUR": 0.2,
              "TAT": 0.4, "AZE": 0.2, "KOR": 0.4, "UKR": 0.2, "DEU": 0.1, "OTHER": 1.2},
    "41721": {"UZB": 36.6, "RUS": 1.0, "UIG": 0.5, "TGK": 0.2, "TUR": 0.3, "TAT": 0.3,
              "OTHER": 0.8},
    "41702": {"UZB": 0.3, "RUS": 3.6, "DNG": 0.8, "UIG": 0.4, "KAZ": 0.6, "TAT": 0.2,
              "UKR": 0.1, "OTHER": 0.3},
    "41703": {"UZB": 25.2, "RUS": 0.4, "UIG": 0.2, "TGK": 0.1, "TUR": 0.2, "TAT": 0.1,
              "AZE": 0.1, "KUR": 0.1, "OTHER": 0.2},
    "41704": {"UZB": 0.1, "RUS": 0.1, "KAZ": 0.1, "OTHER": 0.1},
    "41705": {"UZB": 13.9, "RUS": 0.1, "TGK": 6.5, "TUR": 0.1, "OTHER": 0.2},
    "41706": {"UZB": 28.7, "RUS": 0.1, "TGK": 0.2, "TUR": 0.2, "KUR": 0.1, "OTHER": 0.2},
    "41707": {"UZB": 0.1, "RUS": 0.4, "KAZ": 1.2, "TUR": 1.1, "KUR": 0.7, "OTHER": 0.2},
    "41708": {"UZB": 1.5, "RUS": 9.4, "DNG": 5.5, "UIG": 1.1, "KAZ": 0.9, "TUR": 1.2,
              "TAT": 0.4, "AZE": 0.7, "KOR": 0.4, "UKR": 0.3, "KUR": 0.4, "DEU": 0.3,
              "OTHER": 1.4},
}
# Relative weight of each group by age: Russians, Ukrainians, Germans, Tatars and Koreans are
# older (low fertility and emigration of the young since the 1990s); Uzbeks and Tajiks a little
# younger than the Kyrgyz (SYNTHETIC, after the census pyramids by nationality).
NATIONALITY_AGE_TILT: dict[str, tuple[tuple[int, float], ...]] = {
    "RUS": ((0, 0.45), (20, 0.6), (40, 1.0), (60, 2.4), (80, 3.5)),
    "UKR": ((0, 0.3), (20, 0.5), (40, 1.0), (60, 3.0), (80, 4.5)),
    "DEU": ((0, 0.3), (20, 0.5), (40, 1.0), (60, 3.0), (80, 4.5)),
    "TAT": ((0, 0.5), (20, 0.7), (40, 1.0), (60, 2.0), (80, 2.8)),
    "KOR": ((0, 0.6), (20, 0.8), (40, 1.0), (60, 1.8), (80, 2.2)),
    "UZB": ((0, 1.1), (20, 1.0), (40, 0.95), (60, 0.9), (80, 0.8)),
    "TGK": ((0, 1.2), (20, 1.0), (40, 0.9), (60, 0.8), (80, 0.7)),
}
# fmt: on
# Emigrants by nationality 2018: Russians 37 %, Kyrgyz 30 %, Uzbeks 15 % (NSC). Relative
# propensity to emigrate of a resident of each group, on top of the regional weights above
# (SYNTHETIC, tuned to those shares).
EMIGRATION_NATIONALITY_PROPENSITY: dict[str, float] = {
    "RUS": 23.0,
    "UKR": 33.0,
    "DEU": 49.5,
    "TAT": 19.8,
    "KOR": 16.5,
    "KIR": 1.0,
    "UZB": 4.0,
    "TGK": 4.9,
    "KAZ": 9.9,
    "TUR": 9.9,
    "KUR": 8.2,
    "AZE": 9.9,
    "DNG": 4.9,
    "UIG": 6.6,
    "OTHER": 13.2,
}  # fmt: skip
# Nationality of immigrants by the country they come from (SYNTHETIC shares): returning
# citizens are mostly Kyrgyz (kayrylman among them, NSC); foreigners mostly of the country's
# own nationality.
IMMIGRANT_NATIONALITY: dict[str, dict[str, float]] = {
    "643": {"RUS": 0.5, "KIR": 0.3, "TAT": 0.06, "UKR": 0.04, "KOR": 0.03, "OTHER": 0.07},
    "398": {"KAZ": 0.5, "KIR": 0.3, "RUS": 0.12, "UIG": 0.04, "OTHER": 0.04},
    "860": {"UZB": 0.75, "KIR": 0.15, "TGK": 0.05, "KAZ": 0.02, "OTHER": 0.03},
    "762": {"TGK": 0.75, "KIR": 0.2, "UZB": 0.05},
    "156": {"OTHER": 0.55, "UIG": 0.2, "DNG": 0.1, "KIR": 0.1, "KAZ": 0.05},
    "792": {"TUR": 0.9, "OTHER": 0.1},
    "004": {"OTHER": 0.6, "KIR": 0.3, "TGK": 0.1},
    "586": {"OTHER": 1.0},
    "356": {"OTHER": 1.0},
    "804": {"UKR": 0.7, "RUS": 0.2, "OTHER": 0.1},
    "840": {"OTHER": 0.6, "KIR": 0.2, "RUS": 0.2},
}
# A returning citizen is Kyrgyz with this probability, else of the country's mix above.
RETURNING_CITIZEN_KYRGYZ = 0.8
# Brides of the groom's nationality (SYNTHETIC): most marriages are within one group.
SAME_NATIONALITY_MARRIAGE = 0.9
# Share of event records that state no nationality (SYNTHETIC; the census base states all).
NATIONALITY_NOT_STATED_SHARE = 0.003


def _raked_composition(
    targets: np.ndarray, tilt: np.ndarray, ages: np.ndarray, rounds: int = 50
) -> np.ndarray:
    """P(nationality | region, age) ∝ c[region, nationality] × tilt[nationality, age], with
    c fitted (iterative proportional fitting) so that each region's composition, summed over
    the age structure ``ages``, is ``targets`` (regions × nationalities, rows summing to 1)."""
    c = targets.copy()
    for _ in range(rounds):
        joint = c[:, :, None] * tilt[None, :, :]
        p = joint / joint.sum(axis=1, keepdims=True)  # region × nationality × age
        realised = (p * ages[None, None, :]).sum(axis=2) / ages.sum()
        c *= targets / np.maximum(realised, 1e-300)
    joint = c[:, :, None] * tilt[None, :, :]
    return np.asarray(joint / joint.sum(axis=1, keepdims=True))


@cache
def nationality_by_region_age() -> np.ndarray:
    """P(nationality | region, age): regions (in :func:`regions` order) × age × nationality.

    Each region's composition over all ages is :data:`REGION_NATIONALITY`; within it the
    groups' age profiles follow :data:`NATIONALITY_AGE_TILT`.
    """
    codes = regions()
    targets = np.zeros((len(codes), len(NATIONALITIES)))
    for r, region in enumerate(codes):
        shares = REGION_NATIONALITY[region]
        for n, code in enumerate(NATIONALITIES):
            targets[r, n] = shares.get(code, 0.0) / 100.0
        targets[r, 0] = 1.0 - targets[r].sum()  # the Kyrgyz: the rest of the region
    tilt = np.ones((len(NATIONALITIES), N_AGES))
    for n, code in enumerate(NATIONALITIES):
        if code in NATIONALITY_AGE_TILT:
            tilt[n] = by_age(NATIONALITY_AGE_TILT[code])
    ages = age_sex_structure().sum(axis=0)
    p = _raked_composition(targets, tilt, ages)
    return np.asarray(np.moveaxis(p, 1, 2))


# --- Stillbirths, neonatal deaths, births outside marriage ---------------------------------

# Stillbirths per 1,000 total births (live + still), about 10-12 in Kyrgyzstan (UN IGME);
# calibration.md gives none, so the middle of that range.
STILLBIRTHS_PER_1000_TOTAL_BIRTHS = 11.0
# Weeks of gestation of stillbirths: from 22 (the WHO threshold, used since 2004) to 42.
STILLBIRTH_GESTATION = (22, 42)
# When in the first year the infants who die in their year of birth die: early neonatal
# (days 0-6), late neonatal (7-27), post-neonatal (28+). Shares SYNTHETIC, tuned so that
# neonatal mortality is about 10-11 per 1,000 live births (SDG 3.2.2 for Kyrgyzstan, UN IGME:
# 10-12) with the infant mortality above.
INFANT_DEATH_TIMING = (0.72, 0.25, 0.03)
# Births to mothers not in a registered marriage, about 20-25 % of live births (NSC; many are
# religious marriages (nike) never registered): the probability by the mother's age at
# 1 January (SYNTHETIC, tuned to about 22 %), higher in towns.
OUTSIDE_MARRIAGE_BY_AGE = ((15, 0.45), (20, 0.26), (25, 0.19), (30, 0.18), (35, 0.22), (48, 0.3))
OUTSIDE_MARRIAGE_URBAN_FACTOR = 1.2
# Status of a mother outside registered marriage (SYNTHETIC): never married, divorced, widowed.
OUTSIDE_MARRIAGE_STATUS = {"NEVER_MARRIED": 0.72, "DIVORCED": 0.24, "WIDOWED": 0.04}
