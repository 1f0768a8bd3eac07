"""The cohort simulation: a base population aged forward year by year, emitting every event.

Why a cohort simulation and not a list of persons: the country has about 7 million people,
and a Python object per person would be slow and gain nothing. The stock is an integer array
unit × settlement × sex × age on 1 January; each year, deaths, emigrants and internal
movers are drawn from it by binomial draws (so they can never exceed it), immigrants and
births are added, and only the events themselves are expanded into individual rows — a few
hundred thousand a year, all built with numpy.

Balance: the population is tracked by age on 1 January, so a person aged a on 1 January of
year y was born in year y−1−a (the 100+ group: any year up to y−101). Every emitted row
carries a birth date (or, for births, the event date) in that year, so the end population
can be recomputed from the base and the rows alone (:func:`recompute_population`) and
equals the simulator's own stock exactly:

    pop(y+1, a+1) = pop(y, a) − deaths − emigrants + immigrants − departures + arrivals

per unit × settlement × sex, births of year y forming age 0 on 1 January y+1 (less those who
die in the same year) and the 100+ group absorbing ages 99 and 100+.

Nationality, stillbirths, the days of life of infants who die and the mother's marital status
(issue 14) are drawn from a second random generator seeded from the same seed, so adding them
left the first generator's draws — the stock and its events — as they were. A person's
nationality is drawn for each event from the composition of the unit's region at the person's
age (:func:`synth.profile.nationality_by_region_age`; emigrants weighted by their group's
propensity to leave); the base population is split by nationality from the same composition
(:attr:`Synthetic.base_nationality`). Stillbirths are not persons of the stock: they leave the
balance untouched.

Person keys are synthetic 14-digit ПИН (sex digit, date of birth, serial) passed straight
through the platform's :class:`~ingest.pseudonymise.Pseudonymiser`; raw ПИН are never kept.
Keys link the records of one event (the two rows of a move; a child who dies in the year of
birth carries its birth key), not different events of one person.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ingest.pseudonymise import Pseudonymiser
from synth import profile

Columns = dict[str, np.ndarray]
TABLES = (
    "birth_event",
    "death_event",
    "marriage_event",
    "divorce_event",
    "migration_event",
    "stillbirth_event",
)
SHAPE_NOTE = "unit × settlement (U, R) × sex (M, F) × age 0..100"


@dataclass(frozen=True)
class Params:
    """What identifies a generated data set: same parameters, same data."""

    seed: int = 2026
    scale: float = 1.0
    first_year: int = 2021
    years: int = 5
    # False: only the base population is loaded, and the events come in through ingestion
    # (``make run``: the Tunduk simulator serves the same simulated events).
    events: bool = True

    def __post_init__(self) -> None:
        if not self.scale > 0:
            raise ValueError("scale must be positive")
        if self.years < 1:
            raise ValueError("years must be at least 1")

    @property
    def last_year(self) -> int:
        return self.first_year + self.years - 1

    @property
    def delivery_key(self) -> str:
        return (
            f"synthetic:seed={self.seed}:scale={self.scale:g}"
            f":years={self.first_year}-{self.last_year}" + ("" if self.events else ":base-only")
        )

    @property
    def tag(self) -> str:
        """A short form of the parameters for source keys: ``2026:s1:2021-2025``."""
        return f"{self.seed}:s{self.scale:g}:{self.first_year}-{self.last_year}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "scale": self.scale,
            "first_year": self.first_year,
            "years": self.years,
            "last_year": self.last_year,
            "events": self.events,
        }


@dataclass
class Synthetic:
    """A generated data set: the base, the stock on each 1 January, and the event rows."""

    params: Params
    units: tuple[profile.Territory, ...]
    base: np.ndarray  # int64, SHAPE_NOTE, on 1 January of the first year
    populations: dict[int, np.ndarray]  # 1 January of first_year .. last_year + 1
    events: dict[str, Columns]  # table name -> column name -> one value per row
    figures: dict[int, dict[str, float]] = field(default_factory=dict)
    # The base split by nationality: SHAPE_NOTE × nationality (profile.NATIONALITIES order);
    # summed over its last axis it is ``base``.
    base_nationality: np.ndarray | None = None

    def rows(self, table: str) -> int:
        columns = self.events[table]
        return len(next(iter(columns.values()))) if columns else 0

    @property
    def end_population(self) -> np.ndarray:
        return self.populations[self.params.last_year + 1]


# --- small vectorised helpers -----------------------------------------------------------------


def _expand(counts: np.ndarray) -> tuple[np.ndarray, ...]:
    """Cell indices (one tuple entry per axis), each repeated once per counted person."""
    flat = counts.ravel()
    cells = np.repeat(np.arange(flat.size), flat)
    return np.unravel_index(cells, counts.shape)


def _pick(rng: np.random.Generator, cdf: np.ndarray) -> np.ndarray:
    """One category per row of ``cdf`` (rows are cumulative probabilities)."""
    u = rng.random((cdf.shape[0], 1))
    return np.asarray(np.minimum((u > cdf).sum(axis=1), cdf.shape[1] - 1))


def _choice(rng: np.random.Generator, shares: Mapping[str, float], n: int) -> np.ndarray:
    """``n`` codes drawn from ``shares`` (an object array of str)."""
    codes = np.array(list(shares), dtype=object)
    p = np.array(list(shares.values()), dtype=float)
    return codes[rng.choice(len(codes), size=n, p=p / p.sum())]


def _dates_in_year(
    rng: np.random.Generator, year: int, n: int, month_weights: tuple[float, ...]
) -> np.ndarray:
    """``n`` dates in ``year`` following the monthly weights (datetime64[D])."""
    starts = np.arange(f"{year}-01", f"{year + 1}-02", dtype="datetime64[M]").astype(
        "datetime64[D]"
    )
    lengths = np.diff(starts).astype(np.int64)
    p = np.asarray(month_weights) * lengths
    month = rng.choice(12, size=n, p=p / p.sum())
    return starts[month] + (rng.random(n) * lengths[month]).astype(np.int64)


def _dates_of_years(rng: np.random.Generator, years: np.ndarray) -> np.ndarray:
    """A uniformly random date inside each given year."""
    start = (years - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    end = (years - 1969).astype("datetime64[Y]").astype("datetime64[D]")
    length = (end - start).astype(np.int64)
    return np.asarray(start + (rng.random(len(years)) * length).astype(np.int64))


def year_of(dates: np.ndarray) -> np.ndarray:
    return dates.astype("datetime64[Y]").astype(np.int64) + 1970


def _month_day(dates: np.ndarray) -> np.ndarray:
    months = dates.astype("datetime64[M]")
    day = (dates - months.astype("datetime64[D]")).astype(np.int64) + 1
    return np.asarray((months.astype(np.int64) % 12 + 1) * 100 + day)


def age_at(birth: np.ndarray, when: np.ndarray) -> np.ndarray:
    """Completed years of age on ``when`` of persons born on ``birth``."""
    before_birthday = _month_day(when) < _month_day(birth)
    return np.asarray(year_of(when) - year_of(birth) - before_birthday.astype(np.int64))


def _registered_on(rng: np.random.Generator, dates: np.ndarray) -> np.ndarray:
    """Registration a few days after the event."""
    return dates + 1 + rng.poisson(3.0, len(dates))


def _normal(ages: np.ndarray, mean: float, sd: float) -> np.ndarray:
    return np.exp(-0.5 * ((ages - mean) / sd) ** 2)


# --- the simulator ----------------------------------------------------------------------------


class _Simulator:
    """Holds the schedules and the random generator; :meth:`year` advances the stock."""

    def __init__(self, params: Params, pseudonymiser: Pseudonymiser) -> None:
        self.params = params
        self.rng = np.random.default_rng(params.seed)
        # The fields of issue 14 draw from their own stream (see the module docstring).
        self.extra = np.random.default_rng([params.seed, 14])
        composition = profile.nationality_by_region_age()  # region × age × nationality
        self.nationality_share = composition
        self.nationality_cdf = np.cumsum(composition, axis=2)
        propensity = np.array(
            [profile.EMIGRATION_NATIONALITY_PROPENSITY[c] for c in profile.NATIONALITIES]
        )
        leaving = composition * propensity[None, None, :]
        self.emigrant_nationality_cdf = np.cumsum(
            leaving / leaving.sum(axis=2, keepdims=True), axis=2
        )
        self.nationality_codes = np.array(profile.NATIONALITIES, dtype=object)
        self.outside_marriage = profile.by_age(profile.OUTSIDE_MARRIAGE_BY_AGE)
        self.pseudonymiser = pseudonymiser
        self.units = profile.territories()
        self.codes = np.array([u.code for u in self.units], dtype=object)
        region_codes = profile.regions()
        self.region_of = np.array([region_codes.index(u.region) for u in self.units])
        self.urban = np.array([u.urban_share for u in self.units])
        self.death_q = profile.death_probabilities()
        self.fertility = profile.fertility_by_order()
        order_share = self.fertility / np.maximum(self.fertility.sum(axis=0), 1e-300)
        self.order_cdf = np.cumsum(order_share.T, axis=1)  # age × order
        self.mobility = profile.steps_by_age(profile.MOBILITY_BY_AGE)
        self.external_mobility = profile.steps_by_age(profile.EXTERNAL_MOBILITY_BY_AGE)
        self.structure = profile.age_sex_structure()
        starts, shares = profile.cause_shares()
        self.cause_starts = starts
        self.cause_cdf = np.cumsum(shares, axis=1)
        self.cause_codes = np.array(profile.CAUSE_CHAPTERS, dtype=object)
        self._build_destinations()
        self.emigration_weight = np.array(
            [profile.EMIGRATION_REGION_WEIGHT[u.region] for u in self.units]
        )
        shares_now = profile.unit_shares()
        self.immigration_weight = shares_now * np.array(
            [profile.IMMIGRATION_REGION_WEIGHT[u.region] for u in self.units]
        )

    def _build_destinations(self) -> None:
        """Unit × unit destination probabilities and each unit's yearly out-move rate."""
        matrix = profile.region_matrix()  # per 1,000 residents
        shares = profile.unit_shares()
        pull = shares * np.where(self.urban >= 1.0, profile.CITY_ATTRACTION, 1.0)
        n = len(self.units)
        rates = np.zeros((n, n))
        for u in range(n):
            for v in range(n):
                if u == v:
                    continue
                same_region = self.region_of == self.region_of[v]
                if self.region_of[v] == self.region_of[u]:
                    same_region[u] = False
                rates[u, v] = (
                    matrix[self.region_of[u], self.region_of[v]] * pull[v] / pull[same_region].sum()
                )
        self.out_rate = rates.sum(axis=1) / 1000.0
        self.destination_cdf = np.cumsum(rates / rates.sum(axis=1, keepdims=True), axis=1)

    # -- keys ----------------------------------------------------------------------------------

    def keys(
        self, sex: np.ndarray, birth: np.ndarray, rng: np.random.Generator | None = None
    ) -> np.ndarray:
        """Pseudonymised keys of fresh synthetic ПИН: sex digit, DDMMYYYY, 5-digit serial."""
        n = len(sex)
        months = birth.astype("datetime64[M]")
        day = (birth - months.astype("datetime64[D]")).astype(np.int64) + 1
        month = months.astype(np.int64) % 12 + 1
        first = np.where(sex == 0, 2, 1)  # 2 = male, 1 = female
        serial = (rng or self.rng).integers(0, 100_000, n)
        pins = first * 10**13 + day * 10**11 + month * 10**9 + year_of(birth) * 10**5 + serial
        pin = self.pseudonymiser.pin
        return np.array([pin(str(value)) for value in pins.tolist()], dtype=object)

    def cohort_birth_dates(self, year: int, ages: np.ndarray) -> np.ndarray:
        """Birth dates of persons aged ``ages`` on 1 January of ``year``."""
        extra = np.minimum(self.rng.geometric(0.45, len(ages)) - 1, 6)
        years = np.where(
            ages >= profile.OPEN_AGE, year - 1 - profile.OPEN_AGE - extra, year - 1 - ages
        )
        return _dates_of_years(self.rng, years)

    def nationalities(
        self, unit: np.ndarray, age: np.ndarray, cdf: np.ndarray | None = None
    ) -> np.ndarray:
        """A nationality for each person of ``unit`` aged ``age`` on 1 January, drawn from the
        region's composition at that age (``cdf``: another region × age × nationality table),
        a few left not stated as on real records."""
        table = self.nationality_cdf if cdf is None else cdf
        ages = np.clip(age, 0, profile.OPEN_AGE)
        codes = self.nationality_codes[_pick(self.extra, table[self.region_of[unit], ages])]
        return self.not_stated(codes)

    def not_stated(self, codes: np.ndarray) -> np.ndarray:
        codes = codes.astype(object)
        missing = self.extra.random(len(codes)) < profile.NATIONALITY_NOT_STATED_SHARE
        codes[missing] = profile.NATIONALITY_NOT_STATED
        return codes

    def split_by_nationality(self, base: np.ndarray) -> np.ndarray:
        """The base population split by nationality (SHAPE_NOTE × nationality), each cell by
        a multinomial draw from its region's composition at its age."""
        p = self.nationality_share[self.region_of]  # unit × age × nationality
        p = p / p.sum(axis=2, keepdims=True)
        pvals = np.broadcast_to(p[:, None, None, :, :], (*base.shape, p.shape[2]))
        return np.asarray(self.extra.multinomial(base, pvals), dtype=np.int64)

    def causes(self, ages: np.ndarray) -> np.ndarray:
        group = np.searchsorted(self.cause_starts, ages, side="right") - 1
        return np.asarray(self.cause_codes[_pick(self.rng, self.cause_cdf[group])])

    def maternal(self, causes: np.ndarray, sex: np.ndarray, ages: np.ndarray) -> np.ndarray:
        """Some deaths of women of childbearing age put under ICD-10 chapter XV (pregnancy,
        childbirth and the puerperium), drawn from the second generator (issue 14) so that
        every other draw stays as it was."""
        low, high = profile.MATERNAL_AGES
        women = (sex == profile.SEXES.index("F")) & (ages >= low) & (ages <= high)
        chosen = women & (
            self.extra.random(len(causes)) < profile.MATERNAL_SHARE_OF_DEATHS_OF_WOMEN_15_49
        )
        out = causes.astype(object)
        out[chosen] = "XV"
        return out

    # -- one year ------------------------------------------------------------------------------

    def year(
        self, year: int, stock: np.ndarray
    ) -> tuple[np.ndarray, dict[str, Columns], dict[str, float]]:
        rng = self.rng
        scale = self.params.scale
        # Deaths, emigrants and movers leave the stock in turn, each drawn from what is left.
        deaths = rng.binomial(stock, self.death_q[None, None, :, :])
        alive = stock - deaths

        weight = (
            self.emigration_weight[:, None, None, None]
            * self.external_mobility[None, None, None, :]
        )
        target = profile.for_year(profile.EMIGRANTS_BY_YEAR, year) * scale
        p_emigrate = np.minimum(target * weight / max(float((alive * weight).sum()), 1.0), 0.5)
        emigrants = rng.binomial(alive, np.broadcast_to(p_emigrate, alive.shape))
        remaining = alive - emigrants

        mobility = self.mobility[None, None, None, :]
        norm = float((remaining * mobility).sum()) / max(float(remaining.sum()), 1.0)
        p_move = np.minimum(self.out_rate[:, None, None, None] * mobility / norm, 0.5)
        movers = rng.binomial(remaining, np.broadcast_to(p_move, remaining.shape))
        remaining = remaining - movers
        move = self._moves(movers)
        arrivals = np.zeros_like(stock)
        np.add.at(arrivals, (move["to"], move["to_settlement"], move["sex"], move["age"]), 1)

        immigrants = self._immigrant_counts(year, stock.shape)
        births, newborn, infant_deaths = self._births(year, stock)

        end = remaining + arrivals + immigrants
        following = np.zeros_like(stock)
        following[..., 1:] = end[..., :-1]
        following[..., profile.OPEN_AGE] += end[..., profile.OPEN_AGE]
        following[..., 0] = newborn

        events = {
            "birth_event": births,
            "stillbirth_event": self._stillbirths(births),
            "death_event": self._deaths(year, deaths, infant_deaths),
            "marriage_event": self._marriages(year, stock),
            "divorce_event": self._divorces(year, stock),
            "migration_event": self._migration(year, move, emigrants, immigrants),
        }
        women = stock[:, :, 1, :].sum(axis=(0, 1))
        by_age = np.bincount(births["_mother_age0"], minlength=profile.N_AGES)
        figures = {
            "population": float(stock.sum()),
            "births": float(len(births["sex"])),
            "deaths": float(len(events["death_event"]["sex"])),
            "infant_deaths": float((events["death_event"]["age"] == 0).sum()),
            "stillbirths": float(len(events["stillbirth_event"]["territory"])),
            "neonatal_deaths": float(
                (
                    np.array([d is not None and d < 28 for d in events["death_event"]["age_days"]])
                ).sum()
            ),
            "outside_marriage": float((births["mother_marital_status"] != "MARRIED").sum()),
            "tfr": float((by_age / np.maximum(women, 1)).sum()),
            "marriages": float(len(events["marriage_event"]["groom_key"])),
            "divorces": float(len(events["divorce_event"]["husband_key"])),
            "internal_moves": float(len(move["sex"])),
            "emigrants": float(emigrants.sum()),
            "immigrants": float(immigrants.sum()),
        }
        del births["_mother_age0"]
        return following, events, figures

    def _moves(self, movers: np.ndarray) -> dict[str, np.ndarray]:
        unit, settlement, sex, age = _expand(movers)
        to = _pick(self.rng, self.destination_cdf[unit])
        to_settlement = (self.rng.random(len(to)) >= self.urban[to]).astype(np.int64)
        return {
            "from": unit,
            "settlement": settlement,
            "sex": sex,
            "age": age,
            "to": to,
            "to_settlement": to_settlement,
        }

    def _immigrant_counts(self, year: int, shape: tuple[int, ...]) -> np.ndarray:
        settlement = np.stack([self.urban, 1.0 - self.urban], axis=1)
        sex = np.array([profile.IMMIGRANT_MALE_SHARE, 1.0 - profile.IMMIGRANT_MALE_SHARE])
        age = self.structure.sum(axis=0) * self.external_mobility
        weight = (
            self.immigration_weight[:, None, None, None]
            * settlement[:, :, None, None]
            * sex[None, None, :, None]
            * age[None, None, None, :]
        )
        target = profile.for_year(profile.IMMIGRANTS_BY_YEAR, year) * self.params.scale
        return np.asarray(self.rng.poisson(target * weight / weight.sum()), dtype=np.int64)

    def _births(self, year: int, stock: np.ndarray) -> tuple[Columns, np.ndarray, Columns]:
        rng = self.rng
        women = stock[:, :, 1, :]  # unit × settlement × age
        shape = self.fertility.sum(axis=0)  # TFR 1
        factor = profile.urban_fertility_factor()
        urban_w, rural_w = women[:, 0].sum(axis=0), women[:, 1].sum(axis=0)
        weighted = (rural_w + factor * urban_w) / np.maximum(urban_w + rural_w, 1)
        level = profile.for_year(profile.TFR_BY_YEAR, year) / float((shape * weighted).sum())
        rates = level * np.stack([factor * shape, shape])  # settlement × age
        counts = rng.poisson(women * rates[None, :, :])
        unit, settlement, mother_age0 = _expand(counts)
        n = len(unit)
        sex = (
            rng.random(n) >= profile.SEX_RATIO_AT_BIRTH / (1.0 + profile.SEX_RATIO_AT_BIRTH)
        ).astype(np.int64)
        date = _dates_in_year(rng, year, n, profile.MONTH_WEIGHTS["birth"])
        mother_birth = _dates_of_years(rng, year - 1 - mother_age0)
        order = _pick(rng, self.order_cdf[mother_age0]) + 1
        higher = order == 4
        order[higher] += rng.geometric(0.55, int(higher.sum())) - 1
        child_key = self.keys(sex, date)
        mother_nationality = self.nationalities(unit, mother_age0)
        births: Columns = {
            "child_key": child_key,
            "mother_key": self.keys(np.ones(n, dtype=np.int64), mother_birth),
            "sex": np.array(profile.SEXES, dtype=object)[sex],
            "territory": self.codes[unit],
            "settlement": np.array(profile.SETTLEMENTS, dtype=object)[settlement],
            "mother_birth_date": mother_birth,
            "mother_age": age_at(mother_birth, date),
            "birth_order": order,
            "event_date": date,
            "registered_on": _registered_on(rng, date),
            "mother_nationality": mother_nationality,
            "mother_marital_status": self._marital_status(mother_age0, settlement),
            "_mother_age0": mother_age0,
        }
        infant_q = np.array([profile.INFANT_MORTALITY[s] for s in profile.SEXES])
        dies = rng.random(n) < infant_q[sex] * profile.INFANT_DEATHS_IN_BIRTH_YEAR
        newborn = np.zeros((len(self.units), 2, 2), dtype=np.int64)
        np.add.at(newborn, (unit[~dies], settlement[~dies], sex[~dies]), 1)
        year_end = np.datetime64(f"{year}-12-31")
        # The days come from the same draw as before issue 14 (an exponential with a mean of
        # 12 days), turned into a uniform and then into the timing of INFANT_DEATH_TIMING, so
        # the first generator's stream is unchanged.
        uniform = -np.expm1(-rng.exponential(12.0, int(dies.sum())) / 12.0)
        days = np.minimum(_days_of_life(uniform), (year_end - date[dies]).astype(np.int64))
        infant_deaths: Columns = {
            "unit": unit[dies],
            "settlement": settlement[dies],
            "sex": sex[dies],
            "birth_date": date[dies],
            "event_date": date[dies] + days,
            "person_key": child_key[dies],
            "nationality": mother_nationality[dies],  # a child is of its mother's, as recorded
        }
        return births, newborn, infant_deaths

    def _marital_status(self, mother_age0: np.ndarray, settlement: np.ndarray) -> np.ndarray:
        """MARRIED (a registered marriage) or the mother's status outside one."""
        p = self.outside_marriage[mother_age0] * np.where(
            settlement == 0, profile.OUTSIDE_MARRIAGE_URBAN_FACTOR, 1.0
        )
        outside = self.extra.random(len(mother_age0)) < p
        status = np.full(len(mother_age0), "MARRIED", dtype=object)
        status[outside] = _choice(self.extra, profile.OUTSIDE_MARRIAGE_STATUS, int(outside.sum()))
        return status

    def _stillbirths(self, births: Columns) -> Columns:
        """Stillbirths of the year: about :data:`profile.STILLBIRTHS_PER_1000_TOTAL_BIRTHS`
        per 1,000 total births, to mothers drawn from the year's mothers (their place, age and
        nationality; the date of one of their births). Not persons of the stock."""
        extra = self.extra
        rate = profile.STILLBIRTHS_PER_1000_TOTAL_BIRTHS / 1000.0
        n_live = len(births["sex"])
        n = int(extra.poisson(n_live * rate / (1.0 - rate))) if n_live else 0
        pick = extra.integers(0, max(n_live, 1), n)
        date = births["event_date"][pick]
        mother_birth = births["mother_birth_date"][pick]
        boys = extra.random(n) < profile.SEX_RATIO_AT_BIRTH / (1.0 + profile.SEX_RATIO_AT_BIRTH)
        low, high = profile.STILLBIRTH_GESTATION
        weeks = np.clip(np.rint(extra.normal(33.0, 5.0, n)), low, high).astype(np.int64)
        return {
            "mother_key": self.keys(np.ones(n, dtype=np.int64), mother_birth, extra),
            "sex": np.where(boys, "M", "F").astype(object),
            "territory": births["territory"][pick],
            "settlement": births["settlement"][pick],
            "mother_birth_date": mother_birth,
            "mother_age": age_at(mother_birth, date),
            "mother_nationality": births["mother_nationality"][pick],
            "gestation_weeks": weeks,
            "event_date": date,
            "registered_on": date + 1 + extra.poisson(2.0, n),
        }

    def _deaths(self, year: int, deaths: np.ndarray, infants: Columns) -> Columns:
        rng = self.rng
        unit, settlement, sex, age0 = _expand(deaths)
        birth = self.cohort_birth_dates(year, age0)
        date = _dates_in_year(rng, year, len(unit), profile.MONTH_WEIGHTS["death"])
        unit = np.concatenate([unit, infants["unit"]])
        settlement = np.concatenate([settlement, infants["settlement"]])
        sex = np.concatenate([sex, infants["sex"]])
        birth_all = np.concatenate([birth, infants["birth_date"]])
        date = np.concatenate([date, infants["event_date"]])
        age = age_at(birth_all, date)
        keys = np.concatenate([self.keys(sex[: len(birth)], birth), infants["person_key"]])
        nationality = np.concatenate(
            [self.nationalities(unit[: len(birth)], age0), infants["nationality"]]
        )
        days = (date - birth_all).astype(np.int64)
        age_days = np.asarray(np.where(age == 0, days, None), dtype=object)
        return {
            "person_key": keys,
            "sex": np.array(profile.SEXES, dtype=object)[sex],
            "birth_date": birth_all,
            "age": age,
            "territory": self.codes[unit],
            "settlement": np.array(profile.SETTLEMENTS, dtype=object)[settlement],
            "cause_chapter": self.maternal(self.causes(age), sex, age),
            "nationality": nationality,
            "age_days": age_days,
            "event_date": date,
            "registered_on": date + 1 + rng.poisson(1.0, len(date)),
        }

    def _couples(
        self, stock: np.ndarray, n: int, weight: np.ndarray, gap: tuple[float, float]
    ) -> tuple[np.ndarray, ...]:
        """Draw ``n`` couples: the man's cell by ``weight`` over his age, the woman younger."""
        men = stock[:, :, 0, :] * weight[None, None, :]
        flat = men.ravel().astype(float)
        if flat.sum() <= 0 or n == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty, empty
        cells = self.rng.choice(flat.size, size=n, p=flat / flat.sum())
        unit, settlement, man_age = np.unravel_index(cells, men.shape)
        difference = np.rint(self.rng.normal(gap[0], gap[1], n)).astype(np.int64)
        woman_age = np.clip(man_age - difference, profile.MIN_MARRIAGE_AGE, 90)
        return unit, settlement, man_age, woman_age

    def _prior_status(self, age: np.ndarray) -> np.ndarray:
        u = self.rng.random(len(age))
        divorced = np.clip((age - 24) * 0.02, 0.0, 0.5)
        widowed = np.clip((age - 40) * 0.01, 0.0, 0.3)
        status = np.full(len(age), "NEVER_MARRIED", dtype=object)
        status[u < divorced + widowed] = "WIDOWED"
        status[u < divorced] = "DIVORCED"
        return status

    def _marriages(self, year: int, stock: np.ndarray) -> Columns:
        rng = self.rng
        ages = np.arange(profile.N_AGES, dtype=float)
        weight = (0.8 * _normal(ages, 25.5, 3.5) + 0.2 * _normal(ages, 38.0, 10.0)) * (
            ages >= profile.MIN_MARRIAGE_AGE
        )
        n = int(rng.poisson(profile.MARRIAGES_PER_1000 / 1000.0 * float(stock.sum())))
        unit, settlement, groom0, bride0 = self._couples(stock, n, weight, (3.0, 3.0))
        n = len(unit)
        date = _dates_in_year(rng, year, n, profile.MONTH_WEIGHTS["marriage"])
        groom_birth = self.cohort_birth_dates(year, groom0)
        bride_birth = self.cohort_birth_dates(year, bride0)
        groom_age, bride_age = age_at(groom_birth, date), age_at(bride_birth, date)
        groom_nationality = self.nationalities(unit, groom0)
        same = self.extra.random(n) < profile.SAME_NATIONALITY_MARRIAGE
        bride_nationality = np.where(
            same, groom_nationality, self.nationalities(unit, bride0)
        ).astype(object)
        return {
            "territory": self.codes[unit],
            "settlement": np.array(profile.SETTLEMENTS, dtype=object)[settlement],
            "groom_key": self.keys(np.zeros(n, dtype=np.int64), groom_birth),
            "bride_key": self.keys(np.ones(n, dtype=np.int64), bride_birth),
            "groom_birth_date": groom_birth,
            "bride_birth_date": bride_birth,
            "groom_age": groom_age,
            "bride_age": bride_age,
            "groom_prior_status": self._prior_status(groom_age),
            "bride_prior_status": self._prior_status(bride_age),
            "groom_nationality": groom_nationality,
            "bride_nationality": bride_nationality,
            "event_date": date,
            "registered_on": date,  # a marriage is registered when it is concluded
        }

    def _divorces(self, year: int, stock: np.ndarray) -> Columns:
        rng = self.rng
        ages = np.arange(profile.N_AGES, dtype=float)
        weight = _normal(ages, 36.0, 9.0) * (ages >= profile.MIN_MARRIAGE_AGE + 1)
        n = int(rng.poisson(profile.DIVORCES_PER_1000 / 1000.0 * float(stock.sum())))
        unit, settlement, husband0, wife0 = self._couples(stock, n, weight, (3.0, 3.0))
        n = len(unit)
        date = _dates_in_year(rng, year, n, profile.MONTH_WEIGHTS["divorce"])
        husband_birth = self.cohort_birth_dates(year, husband0)
        wife_birth = self.cohort_birth_dates(year, wife0)
        husband_age, wife_age = age_at(husband_birth, date), age_at(wife_birth, date)
        longest = np.minimum(husband_age, wife_age) - profile.MIN_MARRIAGE_AGE
        duration = np.minimum(rng.gamma(1.6, 5.5, n).astype(np.int64), longest)
        return {
            "territory": self.codes[unit],
            "settlement": np.array(profile.SETTLEMENTS, dtype=object)[settlement],
            "husband_key": self.keys(np.zeros(n, dtype=np.int64), husband_birth),
            "wife_key": self.keys(np.ones(n, dtype=np.int64), wife_birth),
            "husband_age": husband_age,
            "wife_age": wife_age,
            "marriage_duration": np.maximum(duration, 0),
            "event_date": date,
            "registered_on": _registered_on(rng, date),
        }

    def _migration(
        self,
        year: int,
        move: dict[str, np.ndarray],
        emigrants: np.ndarray,
        immigrants: np.ndarray,
    ) -> Columns:
        rng = self.rng
        settlements = np.array(profile.SETTLEMENTS, dtype=object)
        sexes = np.array(profile.SEXES, dtype=object)
        parts: list[Columns] = []

        # internal moves: a de-registration at the origin and a registration at the destination
        n = len(move["sex"])
        birth = self.cohort_birth_dates(year, move["age"])
        date = _dates_in_year(rng, year, n, profile.MONTH_WEIGHTS["migration"])
        keys = self.keys(move["sex"], birth)
        same = self.region_of[move["from"]] == self.region_of[move["to"]]
        kind = np.where(same, "within_oblast", "between_oblasts").astype(object)
        reason = self._reasons(profile.INTERNAL_REASONS, age_at(birth, date))
        origin, destination = self.codes[move["from"]], self.codes[move["to"]]
        none = np.full(n, None, dtype=object)
        common = {
            "migration_type": kind,
            "person_key": keys,
            "sex": sexes[move["sex"]],
            "birth_date": birth,
            "citizenship": np.full(n, "417", dtype=object),
            "origin_country": none,
            "destination_country": none,
            "reason": reason,
            "nationality": self.nationalities(move["from"], move["age"]),
            "event_date": date,
        }
        parts.append(
            common
            | {
                "event_kind": np.full(n, "deregistration", dtype=object),
                "territory": origin,
                "settlement": settlements[move["settlement"]],
                "origin_territory": none,
                "destination_territory": destination,
                "registered_on": _registered_on(rng, date),
            }
        )
        parts.append(
            common
            | {
                "event_kind": np.full(n, "registration", dtype=object),
                "territory": destination,
                "settlement": settlements[move["to_settlement"]],
                "origin_territory": origin,
                "destination_territory": none,
                "registered_on": _registered_on(rng, date),
            }
        )

        # emigrants: one de-registration, destination abroad
        unit, settlement, sex, age0 = _expand(emigrants)
        n = len(unit)
        birth = self.cohort_birth_dates(year, age0)
        date = _dates_in_year(rng, year, n, profile.MONTH_WEIGHTS["migration"])
        none = np.full(n, None, dtype=object)
        parts.append(
            {
                "event_kind": np.full(n, "deregistration", dtype=object),
                "migration_type": np.full(n, "external", dtype=object),
                "person_key": self.keys(sex, birth),
                "sex": sexes[sex],
                "birth_date": birth,
                "citizenship": np.full(n, "417", dtype=object),
                "territory": self.codes[unit],
                "settlement": settlements[settlement],
                "origin_territory": none,
                "origin_country": none,
                "destination_territory": none,
                "destination_country": _choice(rng, profile.EMIGRATION_DESTINATIONS, n),
                "reason": self._reasons(profile.EMIGRATION_REASONS, age_at(birth, date)),
                "nationality": self.nationalities(unit, age0, self.emigrant_nationality_cdf),
                "event_date": date,
                "registered_on": _registered_on(rng, date),
            }
        )

        # immigrants: one registration, origin abroad; returning citizens or foreigners
        unit, settlement, sex, age0 = _expand(immigrants)
        n = len(unit)
        birth = self.cohort_birth_dates(year, age0)
        date = _dates_in_year(rng, year, n, profile.MONTH_WEIGHTS["migration"])
        country = _choice(rng, profile.IMMIGRATION_ORIGINS, n)
        returning = np.array([profile.RETURNING_CITIZEN_SHARE[c] for c in country], dtype=float)
        citizen = rng.random(n) < returning
        age = age_at(birth, date)
        reason = np.where(
            citizen,
            self._reasons(profile.CITIZEN_IMMIGRATION_REASONS, age),
            self._reasons(profile.FOREIGN_IMMIGRATION_REASONS, age),
        )
        none = np.full(n, None, dtype=object)
        parts.append(
            {
                "event_kind": np.full(n, "registration", dtype=object),
                "migration_type": np.full(n, "external", dtype=object),
                "person_key": self.keys(sex, birth),
                "sex": sexes[sex],
                "birth_date": birth,
                "citizenship": np.where(citizen, "417", country).astype(object),
                "territory": self.codes[unit],
                "settlement": settlements[settlement],
                "origin_territory": none,
                "origin_country": country,
                "destination_territory": none,
                "destination_country": none,
                "reason": reason.astype(object),
                "nationality": self._immigrant_nationalities(country, citizen),
                "event_date": date,
                "registered_on": _registered_on(rng, date),
            }
        )
        return _concatenate(parts)

    def _immigrant_nationalities(self, country: np.ndarray, citizen: np.ndarray) -> np.ndarray:
        """Immigrants' nationality by the country they come from; returning citizens are
        mostly Kyrgyz (:data:`profile.RETURNING_CITIZEN_KYRGYZ`)."""
        codes = np.full(len(country), "OTHER", dtype=object)
        for origin, mix in profile.IMMIGRANT_NATIONALITY.items():
            rows = country == origin
            codes[rows] = _choice(self.extra, mix, int(rows.sum()))
        kyrgyz = citizen & (self.extra.random(len(country)) < profile.RETURNING_CITIZEN_KYRGYZ)
        codes[kyrgyz] = "KIR"
        return self.not_stated(codes)

    def _reasons(self, shares: Mapping[str, float], age: np.ndarray) -> np.ndarray:
        reason = _choice(self.rng, shares, len(age))
        reason[age < 16] = profile.CHILD_REASON
        return reason


def _days_of_life(uniform: np.ndarray) -> np.ndarray:
    """Completed days of life at death of infants who die in their year of birth, from one
    uniform draw each (the inverse of the distribution): early neonatal (0-6 days, most on
    the first days), late neonatal (7-27) or post-neonatal (28-364, tailing off) in the
    proportions of :data:`profile.INFANT_DEATH_TIMING`."""
    early, late, _post = profile.INFANT_DEATH_TIMING
    u = np.asarray(uniform, dtype=float)
    first = (np.minimum(u / early, 1.0) ** 2 * 7).astype(np.int64)
    second = 7 + ((u - early) / late * 21).astype(np.int64)
    tail = np.clip((u - early - late) / (1.0 - early - late), 0.0, 1.0 - 1e-12)
    third = np.minimum(28 + (-60.0 * np.log1p(-tail)).astype(np.int64), 364)
    days = np.where(u < early, np.minimum(first, 6), np.where(u < early + late, second, third))
    return np.asarray(np.minimum(days, 364), dtype=np.int64)


def _concatenate(parts: list[Columns]) -> Columns:
    names = list(parts[0])
    return {name: np.concatenate([part[name] for part in parts]) for name in names}


def simulate(
    params: Params,
    pseudonymiser: Pseudonymiser,
    on_year: Callable[[int], None] | None = None,
) -> Synthetic:
    """Generate the base population and ``params.years`` years of events.

    ``on_year`` is called after each simulated year (for progress bars).
    """
    simulator = _Simulator(params, pseudonymiser)
    base = profile.build_base_population(params.scale, simulator.rng)
    populations = {params.first_year: base}
    per_table: dict[str, list[Columns]] = {table: [] for table in TABLES}
    figures: dict[int, dict[str, float]] = {}
    stock = base
    for year in range(params.first_year, params.last_year + 1):
        stock, events, figures[year] = simulator.year(year, stock)
        populations[year + 1] = stock
        for table, columns in events.items():
            per_table[table].append(columns)
        if on_year is not None:
            on_year(year)
    return Synthetic(
        params=params,
        units=simulator.units,
        base=base,
        populations=populations,
        events={table: _concatenate(parts) for table, parts in per_table.items()},
        figures=figures,
        base_nationality=simulator.split_by_nationality(base),
    )


def recompute_population(
    units: tuple[profile.Territory, ...],
    base: np.ndarray,
    events: Mapping[str, Mapping[str, np.ndarray]],
    first_year: int,
    years: int,
) -> np.ndarray:
    """The population on 1 January after ``years`` years, from the base and the rows alone.

    Uses only stored columns: births add at age 0 of the next year (territory, settlement,
    sex, event date); deaths and de-registrations subtract, registrations add, at the
    cohort aged ``event year − 1 − birth year`` on 1 January (−1 for babies born that year).
    """
    index = {unit.code: i for i, unit in enumerate(units)}
    settlement_index = {code: i for i, code in enumerate(profile.SETTLEMENTS)}
    sex_index = {code: i for i, code in enumerate(profile.SEXES)}

    def cells(columns: Mapping[str, np.ndarray], mask: np.ndarray) -> tuple[np.ndarray, ...]:
        unit = np.array([index[c] for c in columns["territory"][mask]], dtype=np.int64)
        settlement = np.array(
            [settlement_index[c] for c in columns["settlement"][mask]], dtype=np.int64
        )
        sex = np.array([sex_index[c] for c in columns["sex"][mask]], dtype=np.int64)
        return unit, settlement, sex

    births, deaths = events["birth_event"], events["death_event"]
    moves = events["migration_event"]
    stock = base.astype(np.int64).copy()
    for year in range(first_year, first_year + years):
        # age index + 1: slot 0 holds those born during the year
        extended = np.zeros((*stock.shape[:-1], profile.N_AGES + 1), dtype=np.int64)
        extended[..., 1:] = stock

        mask = year_of(births["event_date"]) == year
        unit, settlement, sex = cells(births, mask)
        np.add.at(extended, (unit, settlement, sex, np.zeros_like(unit)), 1)

        for columns, sign in ((deaths, None), (moves, "kind")):
            mask = year_of(columns["event_date"]) == year
            age = np.minimum(year - 1 - year_of(columns["birth_date"][mask]), profile.OPEN_AGE)
            if sign is None:
                change = -np.ones(int(mask.sum()), dtype=np.int64)
            else:
                change = np.where(columns["event_kind"][mask] == "registration", 1, -1)
            unit, settlement, sex = cells(columns, mask)
            np.add.at(extended, (unit, settlement, sex, age + 1), change)

        if (extended < 0).any():
            raise ValueError(f"events of {year} remove more persons than the stock holds")
        stock = extended[..., : profile.N_AGES].copy()
        stock[..., profile.OPEN_AGE] += extended[..., profile.N_AGES]
    return stock
