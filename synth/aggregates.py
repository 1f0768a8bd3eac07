"""Synthetic tables of the six aggregate sources by sex (education, labour, incomes and
poverty, health, decision-making, crime), one filled template per source and year.

Why: the ``agg-…`` adapters, the indicators that read ``report_sex_aggregate`` and the
"Women and Men" book need a year of each ministry's table for every year the synthetic
population covers, keyed as ministries key them (in ky, ru or en; XLSX or CSV, some in
Windows-1251; codes or names) and with a few rows the adapters must quarantine. The figures
follow published orders of magnitude for the Kyrgyz Republic (project calibration notes and
the NSC's "Women and Men" tables) — they are targets, not statistics, and everything here is
SYNTHETIC. Figures tied to the population (pupils, the employed, pensioners, cases) are
multiplied by ``scale`` like the population itself, so that enrolment ratios and incidence
rates come out right at any scale; enrolment by level follows the synthetic population of
the official ages. Head counts of institutions (90 seats, 450 judges) are not scaled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from math import ceil, sqrt
from pathlib import Path
from typing import Any

import numpy as np

from synth import profile
from synth.files import Manifest

AGG_SOURCES = ("agg-education", "agg-labour", "agg-income", "agg-health", "agg-decision",
               "agg-crime")  # fmt: skip
# How each year's file is keyed: (language, format, encoding), in turn over sources and years.
KEYINGS = (("ru", "csv", "cp1251"), ("ky", "xlsx", "utf-8"), ("en", "csv", "utf-8"),
           ("ru", "xlsx", "utf-8"), ("ky", "csv", "utf-8"))  # fmt: skip
AGG_BAD_KINDS = ("unknown_measure", "unknown_category", "negative", "non_numeric",
                 "row_total", "out_of_range", "formula", "empty_field", "se_not_survey",
                 "women_only")  # fmt: skip
REPORTERS = {
    "agg-education": "Министерство просвещения Кыргызской Республики",
    "agg-labour": "Нацстатком: обследование рабочей силы, обследование предприятий",
    "agg-income": "Нацстатком (ИБДХ); Социальный фонд Кыргызской Республики",
    "agg-health": "Министерство здравоохранения, Центр электронного здравоохранения",
    "agg-decision": "ЦИК; Государственная кадровая служба; Совет судей",
    "agg-crime": "Министерство внутренних дел Кыргызской Республики",
}
SYNTHETIC = " (синтетические данные)"
REGIONS = ("41702", "41703", "41704", "41705", "41706", "41707", "41708", "41711", "41721")

# -- calibration ---------------------------------------------------------------------------
# Resident population, 1 January (NSC revised series; calibration notes).
POPULATION = {2021: 6_789_600, 2022: 6_912_800, 2023: 7_037_600, 2024: 7_161_900,
              2025: 7_281_800}  # fmt: skip
# Education: official ages and gross enrolment ratios by level (school ≈ 1.4 million pupils,
# girls ≈ 49 %); other levels in persons (higher education ≈ 230 thousand, women ≈ 55 %).
SCHOOL_AGES = {"L0": (3, 6), "L1": (7, 10), "L2": (11, 15), "L3": (16, 17)}
SCHOOL_GER = {"L0": 0.28, "L1": 0.99, "L2": 0.93, "L3": 0.66}
OTHER_ENROLMENT = {"VOC": 140_000, "L6": 200_000, "L7": 26_000, "L8": 3_000}
ENROLMENT_WOMEN = {"L0": 0.48, "L1": 0.49, "L2": 0.49, "L3": 0.51, "VOC": 0.40, "L6": 0.55,
                   "L7": 0.62, "L8": 0.60}  # fmt: skip
HIGHER_REGIONS = {"41711": 0.62, "41721": 0.2, "41708": 0.04, "41703": 0.05, "41702": 0.03,
                  "41704": 0.02, "41707": 0.015, "41705": 0.015, "41706": 0.01}  # fmt: skip
GRADUATES = {"VOC": 45_000, "L6": 40_000, "L7": 7_000, "L8": 400}
FIELDS = {"F01": (0.12, 0.8), "F02": (0.08, 0.7), "F03": (0.07, 0.6), "F04": (0.2, 0.58),
          "F05": (0.04, 0.6), "F06": (0.06, 0.3), "F07": (0.14, 0.2), "F08": (0.05, 0.3),
          "F09": (0.15, 0.72), "F10": (0.09, 0.45)}  # (share, women)  # fmt: skip
TEACHERS = {"L0": (12_000, 0.99), "L1": (25_000, 0.97), "L2": (40_000, 0.8),
            "L3": (15_000, 0.74), "VOC": (9_000, 0.6), "L6": (12_000, 0.58)}  # fmt: skip
# Labour force survey, by ten-year age group (15+): activity and unemployment rates (%).
LFS_AGES = ("Y15T24", "Y25T34", "Y35T44", "Y45T54", "Y55T64", "Y_GE65")
AGE_BOUNDS = {"Y15T24": (15, 24), "Y25T34": (25, 34), "Y35T44": (35, 44), "Y45T54": (45, 54),
              "Y55T64": (55, 64), "Y_GE65": (65, 100), "Y0T14": (0, 14)}  # fmt: skip
ACTIVITY = {"M": (48, 90, 93, 89, 68, 14), "F": (28, 52, 66, 63, 31, 5)}
UNEMPLOYMENT = {"M": (10.5, 5.0, 3.6, 3.0, 2.5, 1.0), "F": (12.0, 6.5, 4.5, 3.5, 2.0, 1.0)}
LFS_SAMPLE = 3000  # persons per sex behind a national rate (for plausible standard errors)
# Employed by ГКЭД section: (share of the employed, share of women) and wage factor.
SECTIONS = {
    "A": (0.20, 0.38, 0.55), "B": (0.012, 0.1, 2.1), "C": (0.09, 0.42, 1.0),
    "D": (0.012, 0.2, 1.5), "E": (0.006, 0.25, 0.8), "F": (0.12, 0.05, 1.15),
    "G": (0.17, 0.5, 0.85), "H": (0.06, 0.08, 1.15), "I": (0.04, 0.55, 0.8),
    "J": (0.012, 0.35, 1.9), "K": (0.012, 0.55, 2.3), "L": (0.004, 0.4, 0.9),
    "M": (0.012, 0.45, 1.4), "N": (0.008, 0.3, 0.8), "O": (0.04, 0.35, 1.3),
    "P": (0.09, 0.78, 0.7), "Q": (0.045, 0.8, 0.75), "R": (0.01, 0.45, 0.75),
    "S": (0.04, 0.55, 0.8), "T": (0.03, 0.7, 0.0), "U": (0.001, 0.5, 0.0),
}  # fmt: skip
OCCUPATIONS = {"OC1": (0.04, 0.32), "OC2": (0.13, 0.62), "OC3": (0.07, 0.5),
               "OC4": (0.025, 0.6), "OC5": (0.18, 0.55), "OC6": (0.12, 0.4),
               "OC7": (0.17, 0.15), "OC8": (0.07, 0.06), "OC9": (0.19, 0.35),
               "OC0": (0.005, 0.05)}  # fmt: skip
# Average monthly wage, som (NSC: about 33,000 in 2024); women earn less in each section.
WAGE = {2021: 20_000, 2022: 24_800, 2023: 29_400, 2024: 33_000, 2025: 37_000}
WAGE_GAP = {"A": 0.15, "B": 0.25, "C": 0.3, "D": 0.15, "E": 0.15, "F": 0.1, "G": 0.2,
            "H": 0.1, "I": 0.2, "J": 0.25, "K": 0.3, "L": 0.2, "M": 0.25, "N": 0.15,
            "O": 0.15, "P": 0.1, "Q": 0.12, "R": 0.15, "S": 0.2}  # fmt: skip
# Poverty rate (household budget survey, %), urban 6 points under, rural 3.5 over;
# households headed by women (a quarter) slightly less poor (remittances).
POVERTY = {2021: 33.3, 2022: 33.2, 2023: 29.8, 2024: 25.7, 2025: 23.5}
HEADED_BY_WOMEN = 0.25
# Social Fund: pensioners (about 750 thousand) and average pension (som).
PENSIONERS = {"AGE": (610_000, 0.62), "DISABILITY": (95_000, 0.42), "SURVIVOR": (45_000, 0.5)}
PENSION = {2021: 7_000, 2022: 7_900, 2023: 8_800, 2024: 9_500, 2025: 10_300}
PENSION_FACTOR = {"AGE": (1.0, 0.9), "DISABILITY": (0.8, 0.95), "SURVIVOR": (0.75, 0.95)}
# Ministry of Health: new cases by ICD-10 chapter (about 1.3 million), HIV, TB, disability,
# abortions; (share, women).
MORBIDITY = 1_300_000
CHAPTERS = {"I": (0.05, 0.5), "II": (0.01, 0.6), "III": (0.02, 0.7), "IV": (0.03, 0.65),
            "V": (0.01, 0.45), "VI": (0.03, 0.55), "VII": (0.04, 0.55), "VIII": (0.03, 0.52),
            "IX": (0.06, 0.58), "X": (0.35, 0.52), "XI": (0.1, 0.55), "XII": (0.05, 0.52),
            "XIII": (0.04, 0.58), "XIV": (0.07, 0.7), "XV": (0.04, 1.0), "XVI": (0.005, 0.45),
            "XVII": (0.003, 0.45), "XIX": (0.06, 0.35)}  # fmt: skip
HIV = (1_000, 0.42, (0.03, 0.08, 0.3, 0.33, 0.17, 0.07, 0.02))  # total, women, by age
TB = {2021: 5_600, 2022: 5_400, 2023: 5_100, 2024: 4_900, 2025: 4_700}
TB_AGES = (0.08, 0.2, 0.22, 0.18, 0.14, 0.11, 0.07)
DISABILITY = {2021: 190_000, 2022: 196_000, 2023: 202_000, 2024: 208_000, 2025: 215_000}
DISABILITY_AGES = (0.17, 0.08, 0.1, 0.13, 0.17, 0.2, 0.15)
ABORTIONS = (20_000, {"Y15T24": 0.2, "Y25T34": 0.42, "Y35T44": 0.3, "Y45T54": 0.08})
SOCIAL_AGES = ("Y0T14", *LFS_AGES)
# Decision-making (not scaled): seats, posts and judges, and women among them.
PARLIAMENT_WOMEN = {2021: 18, 2022: 19, 2023: 19, 2024: 19, 2025: 21}
LOCAL_SEATS = {"41711": 45, "41721": 45, "41708": 1_400, "41706": 1_300, "41703": 1_250,
               "41702": 900, "41705": 650, "41704": 800, "41707": 550}  # fmt: skip
LOCAL_WOMEN = 0.35  # after the 30 % quota of the 2021 local elections
GRADES = {"POLITICAL": (350, 0.15), "HIGHEST": (900, 0.22), "MAIN": (3_600, 0.33),
          "SENIOR": (6_100, 0.44), "JUNIOR": (5_200, 0.5)}  # fmt: skip
COURTS = {"CONSTITUTIONAL": (9, 0.45), "SUPREME": (30, 0.4), "LOCAL": (420, 0.4)}
# Ministry of Internal Affairs: victims and offenders by offence; protection orders.
VICTIMS = (20_000, {"HOMICIDE": (0.02, 0.3), "BODILY_HARM": (0.08, 0.35),
                    "SEXUAL": (0.02, 0.96), "ROBBERY": (0.05, 0.4), "THEFT": (0.35, 0.45),
                    "FRAUD": (0.2, 0.55), "FAMILY": (0.1, 0.9), "OTHER": (0.18, 0.4)})  # fmt: skip
OFFENDERS = (15_000, {"HOMICIDE": (0.02, 0.1), "BODILY_HARM": (0.08, 0.08),
                      "SEXUAL": (0.02, 0.01), "ROBBERY": (0.06, 0.05), "THEFT": (0.3, 0.12),
                      "FRAUD": (0.12, 0.25), "DRUGS": (0.12, 0.1), "FAMILY": (0.08, 0.05),
                      "OTHER": (0.2, 0.1)})  # fmt: skip
PROTECTION_ORDERS = {2021: 7_000, 2022: 8_200, 2023: 9_400, 2024: 10_500, 2025: 11_600}


@dataclass
class AggregateContent:
    """One year's table of a source: the period, the reporter and the cells (codes)."""

    period: str
    reporter: str
    rows: list[dict[str, Any]] = field(default_factory=list)


Rng = np.random.Generator


def _cell(measure: str, category: str = "_T", men: float = 0, women: float = 0,
          **more: Any) -> dict[str, Any]:  # fmt: skip
    return {"measure": measure, "category": category, "men": men, "women": women, **more}


def _count(rng: Rng, expected: float, women: float) -> tuple[int, int]:
    """A count drawn around ``expected`` and split by sex (``women``: the women's share)."""
    total = int(rng.poisson(max(expected, 0.0)))
    female = int(rng.binomial(total, women))
    return total - female, female


def _counts(
    rng: Rng, measure: str, expected: dict[str, tuple[float, float]], **more: Any
) -> list[dict[str, Any]]:
    """Rows of a count by category, with its ``_T`` row the sum of the categories."""
    rows = []
    for category, (size, women) in expected.items():
        men, female = _count(rng, size, women)
        rows.append(_cell(measure, category, men, female, total=men + female, **more))
    men = sum(r["men"] for r in rows)
    female = sum(r["women"] for r in rows)
    return [_cell(measure, "_T", men, female, total=men + female, **more), *rows]


def _population(year: int, scale: float) -> np.ndarray:
    """Persons by sex × single age on 1 January of ``year``: the synthetic population of
    2021 by age, aged (the cohorts born since take the size of the youngest then)."""
    base = profile.age_sex_structure() * profile.POPULATION_1_JAN_2021 * scale
    ages = np.clip(np.arange(profile.N_AGES) - (year - 2021), 0, None)
    return np.asarray(base[:, ages])


def _ages(population: np.ndarray, low: int, high: int) -> tuple[float, float]:
    return float(population[0, low : high + 1].sum()), float(population[1, low : high + 1].sum())


def education(year: int, scale: float, rng: Rng) -> list[dict[str, Any]]:
    population = _population(year, scale)
    regions = np.array([profile.REGION_POPULATION_2023[r] for r in REGIONS], dtype=float)
    higher = np.array([HIGHER_REGIONS[r] for r in REGIONS])
    rows: list[dict[str, Any]] = []
    cells: dict[tuple[str, str], tuple[int, int]] = {}
    for level, women in ENROLMENT_WOMEN.items():
        if level in SCHOOL_AGES:
            men_pop, women_pop = _ages(population, *SCHOOL_AGES[level])
            expected = (men_pop + women_pop) * SCHOOL_GER[level]
            women = women_pop / (men_pop + women_pop)  # the same ratio for girls and boys
        else:
            expected = OTHER_ENROLMENT[level] * scale * POPULATION[year] / POPULATION[2021]
        shares = higher if level in ("L6", "L7", "L8") else regions / regions.sum()
        for region, share in zip(REGIONS, shares, strict=True):
            cells[(region, level)] = _count(rng, expected * share, women)
    for territory in (*REGIONS, "417"):
        inside = [r for r in REGIONS if territory in ("417", r)]
        men = {lv: sum(cells[(r, lv)][0] for r in inside) for lv in ENROLMENT_WOMEN}
        female = {lv: sum(cells[(r, lv)][1] for r in inside) for lv in ENROLMENT_WOMEN}
        rows.append(_cell("enrolment", "_T", sum(men.values()), sum(female.values()),
                          territory=territory))  # fmt: skip
        for level in ENROLMENT_WOMEN:
            rows.append(_cell("enrolment", level, men[level], female[level],
                              territory=territory))  # fmt: skip
    # Graduates by level and field, with every total (level, field and both).
    grid: dict[tuple[str, str], tuple[int, int]] = {}
    for level, size in GRADUATES.items():
        for code, (share, women) in FIELDS.items():
            grid[(level, code)] = _count(rng, size * share * scale, women)
    for level in ("_T", *GRADUATES):
        for code in ("_T", *FIELDS):
            part = [
                grid[(lv, fd)]
                for lv in GRADUATES
                for fd in FIELDS
                if level in ("_T", lv) and code in ("_T", fd)
            ]
            boys, girls = sum(c[0] for c in part), sum(c[1] for c in part)
            rows.append(_cell("graduates", level, boys, girls, subcategory=code,
                              total=boys + girls))  # fmt: skip
    teachers = {lv: (n * scale, w) for lv, (n, w) in TEACHERS.items()}
    return rows + _counts(rng, "teachers", teachers)


def _rate_se(rate: float, people: float) -> float:
    """A plausible standard error (points) of a survey rate from ``people`` in the sample."""
    return round(min(1.5, max(0.3, sqrt(rate * (100 - rate) / max(people, 1.0)))), 1)


def labour(year: int, scale: float, rng: Rng) -> list[dict[str, Any]]:
    population = _population(year, 1.0)
    rows: list[dict[str, Any]] = []
    persons = {
        sex: np.array([_ages(population, *AGE_BOUNDS[a])[s] for a in LFS_AGES])
        for s, sex in enumerate("MF")
    }
    drift = rng.normal(0, 0.6)
    active = {s: persons[s] * (np.array(ACTIVITY[s]) + drift) / 100 for s in "MF"}
    jobless = {s: active[s] * (np.array(UNEMPLOYMENT[s]) - drift / 3) / 100 for s in "MF"}
    employed = {s: active[s] - jobless[s] for s in "MF"}
    adults = persons["M"].sum() + persons["F"].sum()
    for measure, top, bottom in (("activity_rate", active, persons),
                                 ("employment_rate", employed, persons),
                                 ("unemployment_rate", jobless, active)):  # fmt: skip
        for index, age in enumerate(("_T", *LFS_AGES)):
            pick = slice(None) if age == "_T" else slice(index - 1, index)
            num = {s: float(top[s][pick].sum()) for s in "MF"}
            den = {s: float(bottom[s][pick].sum()) for s in "MF"}
            men, women = (round(100 * num[s] / den[s], 1) for s in "MF")
            total = round(100 * (num["M"] + num["F"]) / (den["M"] + den["F"]), 1)
            sample = {s: LFS_SAMPLE * den[s] / adults * 2 for s in "MF"}
            rows.append(_cell(measure, age, men, women, total=total,
                              men_se=_rate_se(men, sample["M"]),
                              women_se=_rate_se(women, sample["F"]),
                              total_se=_rate_se(total, sample["M"] + sample["F"])))  # fmt: skip
    thousands = {s: float(employed[s].sum()) * scale / 1000 for s in "MF"}
    by_section = _thousands("employed_by_activity", thousands,
                            {k: (v[0], v[1]) for k, v in SECTIONS.items()})  # fmt: skip
    rows += by_section
    rows += _thousands("employed_by_occupation", thousands, OCCUPATIONS)
    return rows + _wages(year, {r["category"]: r for r in by_section}, rng)


def _thousands(
    measure: str, employed: dict[str, float], shares: dict[str, tuple[float, float]]
) -> list[dict[str, Any]]:
    """Survey estimates in thousands by category, the sexes' totals split by the shares."""
    weight = {
        "M": {k: s * (1 - w) for k, (s, w) in shares.items()},
        "F": {k: s * w for k, (s, w) in shares.items()},
    }
    rows = []
    for code in shares:
        men, women = (round(employed[s] * weight[s][code] / sum(weight[s].values()), 1)
                      for s in "MF")  # fmt: skip
        rows.append(_estimate(measure, code, men, women))
    men = round(sum(r["men"] for r in rows), 1)
    women = round(sum(r["women"] for r in rows), 1)
    return [_estimate(measure, "_T", men, women), *rows]


def _estimate(measure: str, code: str, men: float, women: float) -> dict[str, Any]:
    def se(value: float) -> float:
        return round(0.6 * sqrt(value), 1)

    total = round(men + women, 1)
    return _cell(measure, code, men, women, total=total, men_se=se(men), women_se=se(women),
                 total_se=se(total))  # fmt: skip


def _wages(year: int, employed: dict[str, dict[str, Any]], rng: Rng) -> list[dict[str, Any]]:
    """Average monthly wage by section, scaled so that the overall average is the year's."""
    paid = {k: v for k, v in SECTIONS.items() if v[2] > 0}
    raw: dict[str, tuple[float, float]] = {}
    for code, (_share, _women, factor) in paid.items():
        men = factor * (1 + WAGE_GAP[code] * 0.5) * rng.normal(1.0, 0.02)
        raw[code] = (men, men * (1 - WAGE_GAP[code]))
    n = {code: (employed[code]["men"] or 0.1, employed[code]["women"] or 0.1) for code in paid}
    bill = sum(raw[c][0] * n[c][0] + raw[c][1] * n[c][1] for c in paid)
    level = WAGE[year] / (bill / sum(n[c][0] + n[c][1] for c in paid))
    rows = []
    for code in paid:
        men, women = raw[code][0] * level, raw[code][1] * level
        total = (men * n[code][0] + women * n[code][1]) / sum(n[code])
        rows.append(_cell("average_wage", code, round(men), round(women), total=round(total)))
    men_all = sum(raw[c][0] * level * n[c][0] for c in paid) / sum(n[c][0] for c in paid)
    women_all = sum(raw[c][1] * level * n[c][1] for c in paid) / sum(n[c][1] for c in paid)
    return [_cell("average_wage", "_T", round(men_all), round(women_all), total=WAGE[year]),
            *rows]  # fmt: skip


def income(year: int, scale: float, rng: Rng) -> list[dict[str, Any]]:
    rows = []
    urban = 0.347 if year < 2024 else 0.416
    national = POVERTY[year] + rng.normal(0, 0.3)
    by_area = {"U": national - 6.0, "R": national + 6.0 * urban / (1 - urban)}
    by_area["_T"] = urban * by_area["U"] + (1 - urban) * by_area["R"]
    for area in ("_T", "U", "R"):
        men, women = by_area[area] + 0.4, by_area[area] - 1.5
        total = (1 - HEADED_BY_WOMEN) * men + HEADED_BY_WOMEN * women
        wide = 1.0 if area == "_T" else 1.4
        errors = {"men_se": round(0.7 * wide, 1), "women_se": round(1.05 * wide, 1),
                  "total_se": round(0.6 * wide, 1)}  # fmt: skip
        rows.append(_cell("poverty_rate", area, round(men, 1), round(women, 1),
                          total=round(total, 1), **errors))  # fmt: skip
    growth = 1 + 0.015 * (year - 2021)
    expected = {k: (n * scale * growth, w) for k, (n, w) in PENSIONERS.items()}
    pensioners = _counts(rng, "pensioners", expected)
    rows += pensioners
    count = {r["category"]: r for r in pensioners}
    amounts = []
    for kind, (factor, women_factor) in PENSION_FACTOR.items():
        men = PENSION[year] * factor * rng.normal(1.0, 0.01)
        women = men * women_factor
        n = count[kind]
        total = (men * n["men"] + women * n["women"]) / max(n["total"], 1)
        amounts.append((kind, men, women, total))
    everyone = max(count["_T"]["total"], 1)
    men_all = sum(m * count[k]["men"] for k, m, _w, _t in amounts) / max(count["_T"]["men"], 1)
    women_all = sum(w * count[k]["women"] for k, _m, w, _t in amounts) / max(
        count["_T"]["women"], 1
    )
    total_all = sum(t * count[k]["total"] for k, _m, _w, t in amounts) / everyone
    for kind, men, women, total in [("_T", men_all, women_all, total_all), *amounts]:
        rows.append(_cell("average_pension", kind, round(men), round(women), total=round(total)))
    return rows


def health(year: int, scale: float, rng: Rng) -> list[dict[str, Any]]:
    size = POPULATION[year] / POPULATION[2021] * scale

    def by_age(total: float, shares: tuple[float, ...], women: float) -> dict[str, Any]:
        return {a: (total * s * size, women) for a, s in zip(SOCIAL_AGES, shares, strict=True)}

    rows = _counts(rng, "morbidity", {k: (MORBIDITY * s * size, w) for k, (s, w) in
                                      CHAPTERS.items()})  # fmt: skip
    rows += _counts(rng, "hiv_new", by_age(HIV[0], HIV[2], HIV[1]))
    rows += _counts(rng, "tb_new", by_age(TB[year], TB_AGES, 0.43))
    rows += _counts(rng, "disability", by_age(DISABILITY[year], DISABILITY_AGES, 0.45))
    abortions = _counts(rng, "abortions", {a: (ABORTIONS[0] * s * size, 1.0)
                                           for a, s in ABORTIONS[1].items()})  # fmt: skip
    for row in abortions:
        row["men"] = ""  # women only: the column stays empty
    return rows + abortions


def decision(year: int, scale: float, rng: Rng) -> list[dict[str, Any]]:
    women = PARLIAMENT_WOMEN[year]
    rows = [_cell("parliament_seats", "_T", 90 - women, women, total=90)]
    council = []
    for region, seats in LOCAL_SEATS.items():
        female = int(rng.binomial(seats, LOCAL_WOMEN + rng.normal(0, 0.02)))
        council.append(_cell("local_council_seats", "_T", seats - female, female,
                             territory=region, total=seats))  # fmt: skip
    men, female = sum(r["men"] for r in council), sum(r["women"] for r in council)
    rows += [_cell("local_council_seats", "_T", men, female, territory="417",
                   total=men + female), *council]  # fmt: skip
    rows += _heads(rng, "civil_servants", GRADES)
    return rows + _heads(rng, "judges", COURTS)


def _heads(rng: Rng, measure: str, posts: dict[str, tuple[int, float]]) -> list[dict[str, Any]]:
    """Head counts (not scaled): each group's posts split by sex."""
    rows = []
    for code, (size, women) in posts.items():
        female = int(rng.binomial(size, women))
        rows.append(_cell(measure, code, size - female, female, total=size))
    men, female = sum(r["men"] for r in rows), sum(r["women"] for r in rows)
    return [_cell(measure, "_T", men, female, total=men + female), *rows]


def crime(year: int, scale: float, rng: Rng) -> list[dict[str, Any]]:
    size = POPULATION[year] / POPULATION[2021] * scale
    rows = []
    for measure, (total, groups) in (("crime_victims", VICTIMS), ("offenders", OFFENDERS)):
        rows += _counts(rng, measure, {k: (total * s * size, w) for k, (s, w) in groups.items()})
    men, women = _count(rng, PROTECTION_ORDERS[year] * size, 0.9)
    return [*rows, _cell("protection_orders", "_T", men, women, total=men + women)]


CONTENT: dict[str, Callable[[int, float, Rng], list[dict[str, Any]]]] = {
    "agg-education": education,
    "agg-labour": labour,
    "agg-income": income,
    "agg-health": health,
    "agg-decision": decision,
    "agg-crime": crime,
}


def aggregate_content(source: str, year: int, scale: float, rng: Rng) -> AggregateContent:
    """The table ``source`` sends for ``year`` (codes, not yet keyed as labels)."""
    rows = CONTENT[source](year, scale, rng)
    return AggregateContent(str(year), REPORTERS[source] + SYNTHETIC, rows)


# -- keying a table into its template -------------------------------------------------------


def write_aggregate(
    source: str,
    year: int,
    path: Path,
    lang: str = "ru",
    seed: int = 2026,
    scale: float = 1.0,
    bad: float = 0.01,
    encoding: str = "utf-8",
) -> Manifest:
    """One year's table of ``source`` keyed into its template (XLSX or CSV by the suffix).

    Measures and categories are keyed as names in ``lang`` or as codes, decimals with the
    language's comma in a CSV. With ``bad`` > 0, at least one row (a share ``bad`` of them,
    among the totals whose loss leaves the table whole: :func:`_spoilable`) gets a defect of
    :data:`AGG_BAD_KINDS` that the adapter quarantines, and as many again are keyed twice
    (``kinds['duplicate']``).
    """
    from classifiers.reference import read_code_rows
    from ingest.aggregate import AggregateSpec
    from ingest.base import discover
    from ingest.paper import SPECS, write_csv, write_xlsx

    discover()
    spec = SPECS[source]
    assert isinstance(spec, AggregateSpec)
    rng = np.random.default_rng([seed, year, AGG_SOURCES.index(source)])
    content = aggregate_content(source, year, scale, rng)
    labels: dict[tuple[str | None, str], str] = {}
    for measure in spec.measures:
        for codelist in (measure.codelist, measure.subcodelist):
            if codelist is not None and (codelist, "_T") not in labels:
                for row in read_code_rows(codelist):
                    labels[(codelist, row.code)] = row.label(lang)
    measures = {m.code: m for m in spec.measures}
    keys = [c.key for c in spec.columns]
    n_bad = ceil(bad * len(content.rows)) if bad > 0 else 0
    spoilable = [i for i, c in enumerate(content.rows) if _spoilable(measures[c["measure"]], c)]
    bad_rows = set(rng.choice(spoilable, size=min(n_bad, len(spoilable)), replace=False))
    twice = set(rng.choice(len(content.rows), size=min(n_bad, len(content.rows)), replace=False))
    manifest = Manifest(path, 0, 0, encoding)
    keyed: list[list[object]] = []
    for index, cell in enumerate(content.rows):
        measure = measures[cell["measure"]]
        values = dict(cell)
        if rng.random() < 0.8:
            values["measure"] = measure.labels[lang]
        for key, codelist in (("category", measure.codelist), ("subcategory", measure.subcodelist)):
            code = values.get(key, "_T")
            if codelist is None:
                values[key] = "" if key == "subcategory" or rng.random() < 0.5 else code
            elif rng.random() < 0.8:
                values[key] = labels[(codelist, code)]
        if values.get("territory") == "417" and rng.random() < 0.7:
            values["territory"] = ""
        line: list[object] = [_keyed(values.get(k, ""), path.suffix, lang) for k in keys]
        if index in bad_rows:
            kind = _defect(rng, measure, keys, line)
            manifest.kinds[kind] = manifest.kinds.get(kind, 0) + 1
            manifest.bad += 1
        keyed.append(line)
        if index in twice and index not in bad_rows:
            keyed.append(list(line))  # the same cell keyed twice: a duplicate
            manifest.kinds["duplicate"] = manifest.kinds.get("duplicate", 0) + 1
    manifest.records = len(keyed)
    if path.suffix == ".xlsx":
        write_xlsx(spec, lang, path, keyed, content.period, content.reporter)
    else:
        write_csv(spec, lang, path, keyed, content.period, content.reporter, encoding=encoding)
    return manifest


def _spoilable(measure: Any, cell: dict[str, Any]) -> bool:
    """Whether a row may be spoiled for the quarantine with the table still whole: a total of
    a count along one of its breakdowns (a ``_T`` category or subcategory, the country's row
    of a table by oblast), which the reader adds again from the parts left. A spoiled part
    would leave the source's own total unequal to the parts, and the release would rightly
    fail its checks; a spoiled rate, amount or lone total would leave a hole in the books."""
    if measure.kind != "count":
        return False
    return bool(
        (measure.codelist is not None and cell.get("category", "_T") == "_T")
        or (measure.subcodelist is not None and cell.get("subcategory", "_T") == "_T")
        or (measure.territory == "oblast" and cell.get("territory", "417") == "417")
    )


def _keyed(value: Any, suffix: str, lang: str) -> Any:
    """A value as a clerk keys it: whole numbers as they are, decimals with the comma of ky
    and ru in a CSV (a workbook holds the number itself)."""
    if isinstance(value, float) and suffix != ".xlsx":
        return str(value).replace(".", "," if lang != "en" else ".")
    return value


def _defect(rng: Rng, measure: Any, keys: list[str], row: list[object]) -> str:
    """Spoil ``row`` with one defect the adapter quarantines; the kind of defect."""
    kinds = [k for k in AGG_BAD_KINDS if k not in ("se_not_survey", "women_only")]
    if "men_se" in keys and not measure.survey:
        kinds.append("se_not_survey")
    if measure.women_only:
        kinds.append("women_only")
    kind = str(rng.choice(kinds))
    at = {key: keys.index(key) for key in keys}
    men, women = (float(str(row[at[k]]).replace(",", ".") or 0) for k in ("men", "women"))
    if kind == "unknown_measure":
        row[at["measure"]] = "Неизвестный показатель"
    elif kind == "unknown_category":
        row[at["category"]] = "ZZZ"
    elif kind == "negative":
        row[at["women"]] = -int(women) - 1
    elif kind == "non_numeric":
        row[at["women"]] = "3O"
    elif kind == "row_total":  # a count's total off by one; a rate's outside men–women
        parts = men + women + (1 if measure.whole else 5)
        row[at["total"]] = int(parts) if measure.kind == "count" else max(men, women) + 10
    elif kind == "out_of_range":
        row[at["women"]] = int(measure.maximum * 2)
    elif kind == "formula":
        row[at["category"]] = "=SUM(A1:A3)"
    elif kind == "empty_field":
        row[at["women"]] = ""
    elif kind == "se_not_survey":
        row[at["men_se"]] = 1
    else:
        row[at["men"]] = 5
    return kind


def write_aggregates(
    folder: Path, years: Iterable[int], seed: int = 2026, scale: float = 1.0, bad: float = 0.01
) -> list[Manifest]:
    """Every aggregate source's table of every year: ``folder/<source, - as _>/<year>.<ext>``,
    keyed in turn in ky, ru and en, XLSX and CSV (Russian CSV in Windows-1251; Kyrgyz letters
    do not exist in that code page). A source's folder is emptied first: ``make data``
    ingests every file in it, so a file of an earlier run must not linger."""
    manifests = []
    for i, source in enumerate(AGG_SOURCES):
        home = folder / source.replace("-", "_")
        home.mkdir(parents=True, exist_ok=True)
        for old in home.iterdir():
            if old.is_file():
                old.unlink()
        for j, year in enumerate(years):
            lang, suffix, encoding = KEYINGS[(i + j) % len(KEYINGS)]
            path = home / f"{year}.{suffix}"
            manifests.append(write_aggregate(source, year, path, lang, seed, scale, bad, encoding))
    return manifests
