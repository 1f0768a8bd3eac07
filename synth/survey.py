"""A synthetic labour force survey migration module: a stratified two-stage sample of
households from a synthetic population, with members abroad.

Why a whole population first: the survey's estimate must be judged against a truth. Each
year, the households of the whole (scaled) country are made — sizes, members' sex and age from
the synthetic base population of their stratum, members abroad with country, months away and
purpose — and cut into primary sampling units (enumeration areas of 80–200 households). The
truth is what that population holds; the survey sees only its sample:

1. in each stratum (oblast or city × urban/rural) ``n_h`` PSUs are drawn systematically with
   probability proportional to their number of households (at least two, so that every
   stratum gives a variance), the households allocated to strata in proportion to their
   households to the power 0.7 (the small oblasts over-sampled, as the NSC's LFS does);
2. in each drawn PSU, :data:`HOUSEHOLDS_PER_PSU` households by simple random sampling.

A household's inclusion probability is ``n_h · M_i / M_h × m / M_i = n_h · m / M_h``; its
design weight is the inverse. Some households are vacant (result 4) or do not respond
(refusal 2, no contact 3): they are written as one line without a member, for the estimation
to adjust for. Members abroad are drawn with a propensity by sex, age, oblast and type of area,
times a PSU effect and a household effect (migration runs in villages and in families, which is
what makes a cluster sample's standard errors larger than a simple random sample's), and
calibrated so that the members abroad for work are the census 2022 share of the population
(964.6 thousand of 6,936 thousand). Deterministic for a seed; SYNTHETIC throughout.

Simplifications, said plainly: members' ages and sexes are drawn independently within a
household (no family structure), households that left the country whole are not in the frame
(as in a real household survey), non-response does not depend on migration, and each year is a
new population and a new sample (no panel).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from synth import profile
from synth.files import Defects, Manifest

HEADER = ("survey_year", "quarter", "household_id", "oblast", "settlement", "psu",
          "design_weight", "result", "line_no", "sex", "age", "abroad", "country",
          "months_abroad", "purpose")  # fmt: skip
QUARTER = 3  # the module is fielded in the third quarter of each year
HOUSEHOLDS_PER_QUARTER = 5000  # the NSC's LFS order of size
HOUSEHOLDS_PER_PSU = 12
PSU_SIZE = (80, 200)  # households of an enumeration area
HOUSEHOLD_SIZE = {"U": 3.6, "R": 4.6}
# Resident population on 1 January (revised post-census series, thousands): the frame grows so.
POPULATION_K = {2021: 6789.6, 2022: 6912.8, 2023: 7037.6, 2024: 7161.9, 2025: 7281.8}
CENSUS_2022_LABOUR_SHARE = 964.6 / 6936.0  # citizens in labour migration / census population
# Propensity to be abroad by age (men; SYNTHETIC shape): young working-age men most of all.
ABROAD_BY_AGE_MEN = ((0, 0.02), (15, 0.04), (18, 0.30), (25, 0.36), (35, 0.27), (45, 0.16),
                     (55, 0.06), (65, 0.01))  # fmt: skip
WOMEN_FACTOR = 0.5  # of the men's propensity at 18 and over (children: the same)
REGION_FACTOR = {"41711": 0.5, "41721": 0.9, "41702": 0.8, "41703": 1.2, "41704": 1.3,
                 "41705": 1.0, "41706": 1.3, "41707": 1.1, "41708": 0.7}  # fmt: skip
SETTLEMENT_FACTOR = {"U": 0.8, "R": 1.2}
PSU_EFFECT_SHAPE = 6.0  # gamma, mean 1: sd 0.41
HOUSEHOLD_EFFECT_SHAPE = 4.0  # gamma, mean 1: sd 0.5
PURPOSES = ("WORK", "STUDY", "FAMILY", "OTHER")
PURPOSE_CODES = {"WORK": "1", "STUDY": "2", "FAMILY": "3", "OTHER": "4"}
# Purpose by age (first age of each band), men; women 25+ shift 0.10 from work to family.
PURPOSE_BY_AGE = ((0, (0.00, 0.10, 0.85, 0.05)), (15, (0.72, 0.18, 0.06, 0.04)),
                  (25, (0.91, 0.01, 0.05, 0.03)), (55, (0.60, 0.00, 0.30, 0.10)))  # fmt: skip
# Countries (ISO alpha-3 as the survey codes them) by purpose: Russia about three in four.
COUNTRIES = ("RUS", "KAZ", "TUR", "KOR", "ARE", "DEU", "POL", "GBR", "USA", "CHN", "UZB")
COUNTRY_BY_PURPOSE = {
    "WORK": (0.78, 0.11, 0.04, 0.025, 0.01, 0.005, 0.005, 0.005, 0.005, 0.0, 0.01),
    "STUDY": (0.45, 0.10, 0.15, 0.08, 0.0, 0.07, 0.0, 0.03, 0.05, 0.07, 0.0),
    "FAMILY": (0.70, 0.15, 0.05, 0.02, 0.0, 0.03, 0.0, 0.0, 0.03, 0.0, 0.02),
    "OTHER": (0.70, 0.15, 0.05, 0.02, 0.0, 0.03, 0.0, 0.0, 0.03, 0.0, 0.02),
}
MONTHS_MEAN = {"WORK": 30.0, "STUDY": 20.0, "FAMILY": 36.0, "OTHER": 24.0}
VACANT = 0.03
NON_RESPONSE = {"U": (0.05, 0.06), "R": (0.03, 0.03)}  # refusal, no contact
BAD_KINDS = ("empty_field", "miskeyed_age", "unknown_country", "formula", "pin_as_household",
             "zero_weight")  # fmt: skip


@dataclass
class SurveyManifest(Manifest):
    """What the writer wrote, and the truth of the population it sampled, per survey year:
    ``truth[year]`` maps ``abroad``, ``abroad_M``, ``abroad_F``, ``abroad_<PURPOSE>`` and
    ``abroad_<COUNTRY>`` to persons, and ``population``, ``households`` to the frame's size."""

    truth: dict[int, dict[str, float]] = field(default_factory=dict)
    sampled: dict[int, int] = field(default_factory=dict)  # households drawn per year


def sample_size(scale: float) -> int:
    """Households a quarter: the LFS's 5,000, fewer below a fifth of the country's size so that
    ``make data`` at a small scale stays quick (the frame is then small too)."""
    return max(400, round(HOUSEHOLDS_PER_QUARTER * min(1.0, 5.0 * scale)))


def _strata(scale: float, rng: np.random.Generator) -> dict[tuple[str, str], np.ndarray]:
    """The synthetic base population (1 January 2021) by stratum: sex × age counts."""
    base = profile.build_base_population(scale, rng)
    units = profile.territories()
    strata: dict[tuple[str, str], np.ndarray] = {}
    for i, unit in enumerate(units):
        for s, settlement in enumerate(profile.SETTLEMENTS):
            cell = base[i, s]
            if cell.sum() == 0:
                continue
            key = (unit.region, settlement)
            strata[key] = strata.get(key, 0) + cell
    return strata


def _propensity() -> np.ndarray:
    """sex (M, F) × age 0..100: the base propensity to be abroad."""
    men = profile.steps_by_age(ABROAD_BY_AGE_MEN)
    women = men.copy()
    women[18:] *= WOMEN_FACTOR
    return np.vstack([men, women])


def _purpose_table() -> np.ndarray:
    """sex × age × purpose: the purpose of a member abroad."""
    table = np.zeros((2, profile.N_AGES, len(PURPOSES)))
    for start, shares in PURPOSE_BY_AGE:
        table[:, start:] = shares
    women = table[1, 25:]
    shift = np.minimum(women[:, 0], 0.10)
    women[:, 0] -= shift
    women[:, 2] += shift
    return table


def _effects(n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` draws of a person's PSU effect × household effect (mean 1)."""
    psu = rng.gamma(PSU_EFFECT_SHAPE, 1 / PSU_EFFECT_SHAPE, n)
    return psu * rng.gamma(HOUSEHOLD_EFFECT_SHAPE, 1 / HOUSEHOLD_EFFECT_SHAPE, n)


def _calibration(strata: dict[tuple[str, str], np.ndarray]) -> float:
    """The factor ``k`` that makes the expected members abroad for work the census share of
    the population. The chance to be abroad is ``min(0.95, k × propensity × effects)``, so
    the expectation is taken over a fixed sample of effects and ``k`` found by bisection."""
    propensity, purpose = _propensity(), _purpose_table()
    effects = _effects(20_000, np.random.default_rng(0))
    weights: dict[float, float] = {}  # base chance → persons × share going for work
    population = 0.0
    for (region, settlement), counts in strata.items():
        factor = REGION_FACTOR[region] * SETTLEMENT_FACTOR[settlement]
        work = counts * purpose[:, :, 0]
        for chance, persons in zip((propensity * factor).ravel(), work.ravel(), strict=True):
            weights[round(float(chance), 9)] = weights.get(round(float(chance), 9), 0) + persons
        population += float(counts.sum())
    chances = np.array(list(weights))
    persons = np.array(list(weights.values()))
    target = CENSUS_2022_LABOUR_SHARE * population

    def expected(k: float) -> float:
        mean = np.minimum(0.95, k * chances[:, None] * effects[None, :]).mean(axis=1)
        return float((mean * persons).sum())

    low, high = 0.1, 10.0
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if expected(middle) < target else (low, middle)
    return (low + high) / 2


@dataclass
class _Households:
    """The sampled households of one stratum and year, with their members."""

    ids: list[str]
    psu: list[str]
    weight: float
    result: np.ndarray
    members: list[list[tuple[int, str, int, str, int, str]]]  # line, sex, age, country, …


def _year(
    year: int,
    strata: dict[tuple[str, str], np.ndarray],
    growth: float,
    k: float,
    n_households: int,
    rng: np.random.Generator,
    truth: dict[str, float],
) -> list[tuple[str, str, _Households]]:
    """Make every household of the country for ``year``, count the truth, draw the sample."""
    propensity, purpose_table = _propensity(), _purpose_table()
    sizes_h = {key: float(c.sum()) * growth / HOUSEHOLD_SIZE[key[1]] for key, c in strata.items()}
    allocation = {key: h**0.7 for key, h in sizes_h.items()}
    total_allocation = sum(allocation.values())
    drawn: list[tuple[str, str, _Households]] = []
    for (region, settlement), counts in strata.items():
        mean_size = HOUSEHOLD_SIZE[settlement]
        n_hh = max(2 * PSU_SIZE[1], round(sizes_h[region, settlement]))
        hh_size = 1 + rng.poisson(mean_size - 1, n_hh)
        persons = int(hh_size.sum())
        share = (counts / counts.sum()).ravel()
        cell = rng.choice(share.size, size=persons, p=share)
        sex, age = np.divmod(cell.astype(np.int16), np.int16(profile.N_AGES))
        # PSUs: consecutive households, 80–200 each
        psu_sizes = rng.integers(PSU_SIZE[0], PSU_SIZE[1] + 1, n_hh // PSU_SIZE[0] + 2)
        psu_of_hh = np.repeat(np.arange(psu_sizes.size), psu_sizes)[:n_hh]
        n_psu = int(psu_of_hh[-1]) + 1
        psu_effect = rng.gamma(PSU_EFFECT_SHAPE, 1 / PSU_EFFECT_SHAPE, n_psu)
        hh_effect = rng.gamma(HOUSEHOLD_EFFECT_SHAPE, 1 / HOUSEHOLD_EFFECT_SHAPE, n_hh)
        hh_of_person = np.repeat(np.arange(n_hh), hh_size)
        factor = k * REGION_FACTOR[region] * SETTLEMENT_FACTOR[settlement]
        p = propensity[sex, age] * factor * (psu_effect[psu_of_hh] * hh_effect)[hh_of_person]
        abroad = rng.random(persons) < np.minimum(p, 0.95)
        # purpose, country and months only for the members abroad (a sixth of the people)
        away = np.flatnonzero(abroad)
        cdf = np.cumsum(purpose_table[sex[away], age[away]], axis=1)
        purpose = np.full(persons, -1, dtype=np.int8)
        purpose[away] = (rng.random(away.size)[:, None] > cdf).sum(axis=1).clip(0, 3)
        country = np.zeros(persons, dtype=np.int8)
        months = np.zeros(persons, dtype=np.int16)
        for code, name in enumerate(PURPOSES):
            these = away[purpose[away] == code]
            shares = np.array(COUNTRY_BY_PURPOSE[name])
            country[these] = rng.choice(len(COUNTRIES), size=these.size, p=shares / shares.sum())
            mean = MONTHS_MEAN[name]
            months[these] = np.minimum(rng.gamma(1.5, mean / 1.5, these.size), 360).astype(int)
        _count_truth(truth, away, sex, purpose, country, persons, n_hh)
        # stage 1: PSUs by systematic PPS; stage 2: households by SRS
        psu_hh = np.bincount(psu_of_hh, minlength=n_psu)
        wanted = n_households * allocation[region, settlement] / total_allocation
        n_h = int(min(n_psu, max(2, round(wanted / HOUSEHOLDS_PER_PSU))))
        cumulative = np.cumsum(psu_hh)
        step = cumulative[-1] / n_h
        points = rng.random() * step + step * np.arange(n_h)
        chosen = np.unique(np.searchsorted(cumulative, points, side="right"))
        weight = float(n_hh) / (len(chosen) * HOUSEHOLDS_PER_PSU)
        first_hh = np.concatenate([[0], cumulative[:-1]])
        person_start = np.concatenate([[0], np.cumsum(hh_size)[:-1]])
        ids: list[str] = []
        psus: list[str] = []
        members: list[list[tuple[int, str, int, str, int, str]]] = []
        for i in chosen:
            picked = rng.choice(psu_hh[i], size=min(HOUSEHOLDS_PER_PSU, psu_hh[i]), replace=False)
            for j, h in enumerate(sorted(first_hh[i] + picked)):
                ids.append(
                    f"{year % 100:02d}{QUARTER}-{region}{settlement}-{i + 1:04d}-{j + 1:02d}"
                )
                psus.append(f"{region}{settlement}{i + 1:04d}")
                start = person_start[h]
                members.append(
                    [
                        (
                            line + 1,
                            "1" if sex[start + line] == 0 else "2",
                            int(age[start + line]),
                            COUNTRIES[country[start + line]] if abroad[start + line] else "",
                            int(months[start + line]),
                            PURPOSE_CODES[PURPOSES[purpose[start + line]]]
                            if abroad[start + line]
                            else "",
                        )
                        for line in range(hh_size[h])
                    ]
                )
        refusal, no_contact = NON_RESPONSE[settlement]
        draw = rng.random(len(ids))
        result = np.select(
            [draw < VACANT, draw < VACANT + refusal, draw < VACANT + refusal + no_contact],
            [4, 2, 3],
            1,
        )
        drawn.append((region, settlement, _Households(ids, psus, weight, result, members)))
    return drawn


def _count_truth(
    truth: dict[str, float],
    away: np.ndarray,
    sex: np.ndarray,
    purpose: np.ndarray,
    country: np.ndarray,
    persons: int,
    households: int,
) -> None:
    def add(key: str, value: float) -> None:
        truth[key] = truth.get(key, 0.0) + value

    add("population", persons)
    add("households", households)
    add("abroad", away.size)
    for code, name in enumerate(("M", "F")):
        add(f"abroad_{name}", int((sex[away] == code).sum()))
    for code, name in enumerate(PURPOSES):
        add(f"abroad_{name}", int((purpose[away] == code).sum()))
    for code, name in enumerate(COUNTRIES):
        add(f"abroad_{name}", int((country[away] == code).sum()))


def write_lfs_migration(
    path: Path,
    seed: int = 2026,
    scale: float = 1.0,
    defects: Defects | None = None,
    years: tuple[int, ...] = (2021, 2022, 2023, 2024, 2025),
    households: int | None = None,
    encoding: str = "utf-8",
) -> SurveyManifest:
    """The module's microdata for ``years`` (one quarter each) as one CSV (``;``), with
    defects the loader must quarantine and a few lines keyed twice (duplicates)."""
    defects = defects or Defects()
    rng = np.random.default_rng([seed, 17])
    strata = _strata(scale, rng)
    k = _calibration(strata)
    per_quarter = households or sample_size(scale)
    manifest = SurveyManifest(path, 0, 0, encoding)
    lines = [";".join(HEADER)]
    for year in years:
        growth = POPULATION_K.get(year, POPULATION_K[max(POPULATION_K)]) / POPULATION_K[2021]
        truth: dict[str, float] = {}
        drawn = _year(year, strata, growth, k, per_quarter, rng, truth)
        manifest.truth[year] = truth
        manifest.sampled[year] = sum(len(h.ids) for _, _, h in drawn)
        for region, settlement, sample in drawn:
            weight = f"{sample.weight:.4f}"
            urban = "1" if settlement == "U" else "2"
            for hh, psu, result, members in zip(
                sample.ids, sample.psu, sample.result, sample.members, strict=True
            ):
                design = [str(year), str(QUARTER), hh, region, urban, psu, weight, str(result)]
                rows = (
                    [[*design, str(line), sx, str(a), "1" if c else "0", c, str(m) if c else "", pu]
                     for line, sx, a, c, m, pu in members]
                    if result == 1
                    else [[*design, "", "", "", "", "", "", ""]]
                )  # fmt: skip
                for row in rows:
                    text, bad = _maybe_defective(row, rng, defects, manifest)
                    lines.append(text)
                    manifest.records += 1
                    if not bad and rng.random() < defects.bad / 4:
                        lines.append(text)  # keyed twice: a duplicate for the loader
                        manifest.records += 1
                        manifest.kinds["duplicate"] = manifest.kinds.get("duplicate", 0) + 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return manifest


def _maybe_defective(
    row: list[str], rng: np.random.Generator, defects: Defects, manifest: SurveyManifest
) -> tuple[str, bool]:
    """The row as written, with one defect at the rate ``defects.bad`` (counted as bad), and
    whether it has one."""
    bad = rng.random() < defects.bad
    if bad:
        kind = BAD_KINDS[int(rng.integers(len(BAD_KINDS)))]
        interviewed = row[8] != ""
        if kind == "empty_field":
            row[5] = ""
        elif kind == "miskeyed_age" and interviewed:
            row[10] = str(rng.choice(["3O", "250", "-4", "4 5"]))
        elif kind == "unknown_country" and interviewed:
            row[11], row[12], row[13], row[14] = "1", "XXX", "12", "1"
        elif kind == "formula":
            row[2] = "=HYPERLINK(1)"
        elif kind == "pin_as_household":
            row[2] = f"{int(rng.integers(1, 3))}{int(rng.integers(10**12, 10**13)):013d}"
        else:
            kind = "zero_weight"
            row[6] = "0"
        manifest.kinds[kind] = manifest.kinds.get(kind, 0) + 1
        manifest.bad += 1
    return ";".join(row), bad


def reference_date(year: int) -> date:
    """The first day of the module's quarter in ``year``."""
    return date(year, 3 * QUARTER - 2, 1)
