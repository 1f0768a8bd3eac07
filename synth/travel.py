"""Synthetic travel histories: people who cross the border, with their true story kept apart.

Why: long-term migration is measured from linked crossings (:mod:`indicators.residence`),
so the border file must hold histories — the same traveller crossing again and again —
not independent rows. Each synthetic person has a kind (a labour migrant in Russia, a
seasonal worker, a student, a tourist, a trader, a foreign worker, an emigrant coming
home, a citizen settling abroad for good), a residence status at the start, and
alternating stays: for residents, periods abroad separated by periods at home; for
non-residents, periods in the country separated by periods abroad. A few per cent change
passports on the way (a new number breaks the link).

The truth (:class:`Travel` with the true person of every crossing and each person's kind
and start status) is never written into a source file: the file gets the passport number
only. Tests and the benchmark compare what the classifier finds on the file with the rule
applied to the true, complete, linked histories. Everything is synthetic; the orders of
magnitude follow published figures (hundreds of thousands of labour migrants, mostly in
Russia, then Kazakhstan), never real people.

Built column-wise with numpy: a kind's stays are a persons × slots matrix of durations whose
cumulative sums are the crossing dates, so tens of millions of crossings take seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

EPOCH = date(1970, 1, 1)
BURN_IN = 3 * 365  # days simulated before the file starts, so the start is not special
AFTER = 2 * 365  # days simulated after its end, so the truth of the last months is known
CALIBRATION = 0.88  # the kinds' persons per million cross ~1/0.88 million times a year
PASSPORT_CHANGE = 0.03  # share of persons who get a new passport number within the span

# Countries as ISO numeric codes (what the adapter's country crosswalk yields).
KGZ, KAZ, RUS, UZB, TJK, CHN, TUR = "417", "398", "643", "860", "762", "156", "792"
ROUTES = {  # destination → the checkpoints its travellers use, with weights
    KAZ: {"AKZHOL": 0.5, "CHALDYBAR": 0.2, "MANAS": 0.3},
    RUS: {"MANAS": 0.55, "OSHAIR": 0.2, "AKZHOL": 0.25},
    UZB: {"DOSTUK": 0.5, "KARASUU": 0.4, "OSHAIR": 0.1},
    TJK: {"KAIRAGACH": 0.6, "KARAMYK": 0.4},
    CHN: {"TORUGART": 0.4, "IRKESHTAM": 0.3, "MANAS": 0.3},
    TUR: {"MANAS": 1.0},
}


@dataclass(frozen=True)
class Kind:
    """One kind of traveller: how many per million crossings a year, and how they move.

    ``away``/``home`` are (mean, spread) in days of the alternating stays: for a resident,
    away = abroad and home = in the country; for a non-resident the other way round.
    ``yearly`` kinds repeat on the calendar (seasonal work, study years). A ``settle`` kind
    leaves for good on a day drawn evenly over the simulation (a steady flow: ``per_million``
    is then persons leaving a year), and afterwards only visits, for about ``career`` years.
    """

    name: str
    per_million: float  # persons per million crossings a year
    resident: bool  # usual resident at the start (the population base says so)
    citizenship: dict[str, float]
    destination: dict[str, float]
    purpose: dict[str, float]
    away: tuple[float, float]
    home: tuple[float, float]
    age: tuple[float, float]  # mean, spread of the age at the start
    male: float = 0.5
    yearly: int = 0  # day of year of the departure, for calendar kinds
    career: float = 0.0  # years of the migration episode (0: travelling all along)
    settle: bool = False  # leaves for good once (then visits), see above


KINDS = (
    Kind("labour_long", 60_000, True, {KGZ: 1}, {RUS: 0.7, KAZ: 0.25, TUR: 0.05},
         {"Работа": 0.6, "Частная": 0.4}, (620, 250), (35, 20), (32, 9), 0.62, career=5),
    Kind("labour_seasonal", 16_000, True, {KGZ: 1}, {RUS: 0.55, KAZ: 0.45},
         {"Работа": 0.7, "Частная": 0.3}, (160, 20), (205, 20), (35, 10), 0.7, yearly=95),
    Kind("student", 8_000, True, {KGZ: 1}, {RUS: 0.5, KAZ: 0.2, TUR: 0.15, CHN: 0.15},
         {"Учеба": 0.9, "Частная": 0.1}, (290, 10), (75, 10), (19, 1.5), 0.5, yearly=240,
         career=4.5),
    Kind("returning", 5_000, False, {KGZ: 1}, {RUS: 0.7, KAZ: 0.3},
         {"Частная": 0.7, "Постоянное место жительства": 0.3}, (700, 300), (500, 200),
         (34, 8), 0.6),
    Kind("tourist", 55_000, True, {KGZ: 1}, {KAZ: 0.3, TUR: 0.3, UZB: 0.2, CHN: 0.2},
         {"Туризм": 0.6, "Частная": 0.4}, (9, 5), (200, 120), (38, 12), 0.45),
    Kind("trader", 5_000, True, {KGZ: 1}, {KAZ: 0.4, UZB: 0.3, CHN: 0.3},
         {"Служебная (деловая)": 0.7, "Частная": 0.3}, (2, 1), (8, 5), (40, 9), 0.55),
    Kind("foreign_worker", 6_000, False, {CHN: 0.3, TUR: 0.3, UZB: 0.2, RUS: 0.2},
         {CHN: 0.3, TUR: 0.3, UZB: 0.2, RUS: 0.2}, {"Работа": 0.8, "Служебная (деловая)": 0.2},
         (650, 250), (40, 20), (36, 8), 0.75, career=3),
    Kind("visitor", 80_000, False, {KAZ: 0.4, UZB: 0.25, RUS: 0.15, CHN: 0.1, TUR: 0.1},
         {KAZ: 0.4, UZB: 0.25, RUS: 0.15, CHN: 0.1, TUR: 0.1},
         {"Туризм": 0.5, "Частная": 0.35, "Транзит": 0.15}, (8, 5), (220, 120), (37, 12), 0.55),
    Kind("foreign_trader", 4_000, False, {UZB: 0.5, KAZ: 0.3, CHN: 0.2},
         {UZB: 0.5, KAZ: 0.3, CHN: 0.2}, {"Служебная (деловая)": 0.8, "Частная": 0.2}, (2, 1),
         (9, 5), (41, 9), 0.6),
    # Citizens settling abroad (mostly Russia, taking its citizenship or a permit): without
    # them every emigration of the world came back and its net was about zero, where the
    # country's net emigration of citizens is clearly negative (stocks abroad grew; the 2022
    # census counted ~965k citizens in labour migration). ~1.1k a year per million
    # crossings: ~40k a year at a national 37M, an order of magnitude, not a calibration.
    Kind("settler", 1_230, True, {KGZ: 1}, {RUS: 0.75, KAZ: 0.15, TUR: 0.1},
         {"Постоянное место жительства": 0.3, "Частная": 0.5, "Работа": 0.2}, (730, 250),
         (21, 10), (30, 10), 0.5, career=4, settle=True),
)  # fmt: skip


@dataclass
class Travel:
    """True histories: crossings (true person, passport number id, …) and the persons."""

    person: np.ndarray  # true person id of each crossing (int64)
    passport: np.ndarray  # id of the passport number used (int64): person, or a new one
    day: np.ndarray  # days since 1970-01-01 (int32)
    exit: np.ndarray  # bool: a departure
    age: np.ndarray  # int16 at the crossing
    checkpoint: np.ndarray  # index into CHECKPOINT_CODES
    purpose: np.ndarray  # index into PURPOSE_LABELS (the Border Service's Russian labels)
    destination: np.ndarray  # index into COUNTRIES: of destination / origin
    # per person (indexed by person id)
    kind: np.ndarray  # index into KINDS
    resident: np.ndarray  # bool: usual resident at the start of the simulation
    citizenship: np.ndarray  # index into COUNTRIES
    sex: np.ndarray  # 0 M, 1 F
    new_passport_day: np.ndarray  # int32, -1 for none
    first_id: int = 0  # the id of the first person (per-person arrays start there)

    def __len__(self) -> int:
        return int(self.day.size)

    def window(self, first: int, last: int) -> np.ndarray:
        """The crossings a file of days ``first..last`` holds (a boolean mask)."""
        return (self.day >= first) & (self.day <= last)


COUNTRIES = (KGZ, KAZ, RUS, UZB, TJK, CHN, TUR)
CHECKPOINT_CODES = tuple(sorted({c for route in ROUTES.values() for c in route}))
PURPOSE_LABELS = ("Частная", "Туризм", "Работа", "Служебная (деловая)", "Транзит", "Учеба",
                  "Прочие", "Лечение", "Постоянное место жительства")  # fmt: skip


def _choice(
    rng: np.random.Generator, weights: dict[str, float], n: int, names: tuple[str, ...]
) -> np.ndarray:
    """``n`` codes drawn with ``weights``, as int8 indices into ``names``."""
    keys = [k for k, w in weights.items() if w > 0]
    p = np.array([weights[k] for k in keys])
    index = np.array([names.index(k) for k in keys], dtype=np.int8)
    return index[rng.choice(len(keys), size=n, p=p / p.sum())]


def simulate(
    rows_per_year: float,
    start: date,
    years: int,
    seed: int = 2026,
    change: float = PASSPORT_CHANGE,
    burn_in: int = BURN_IN,
    after: int = AFTER,
    first_id: int = 0,
    ordered: bool = True,
) -> Travel:
    """Histories whose crossings in ``start`` … ``start + years`` number about ``rows_per_year``
    a year; simulated from ``burn_in`` days before (so the start is not special) to
    ``after`` days after (so the truth of the last months is known). Persons are numbered
    from ``first_id``, so that histories made in parts do not share ids."""
    rng = np.random.default_rng(seed)
    first = (start - EPOCH).days
    lo, hi = first - burn_in, first + years * 365 + after
    scale = rows_per_year / 1_000_000 * CALIBRATION
    parts: list[dict[str, np.ndarray]] = []
    people: list[dict[str, np.ndarray]] = []
    next_id = first_id
    for kind in KINDS:
        years_leaving = (hi - lo) / 365 + kind.career if kind.settle else 1
        n = max(1, round(kind.per_million * scale * years_leaving))
        ids = np.arange(next_id, next_id + n, dtype=np.int64)
        next_id += n
        crossings = _stays(rng, kind, n, lo, hi)
        resident = crossings.pop("resident")  # per person
        p = crossings["person"]
        citizenship = _choice(rng, kind.citizenship, n, COUNTRIES)
        destination = (
            citizenship.copy()
            if kind.citizenship == kind.destination
            else _choice(rng, kind.destination, n, COUNTRIES)
        )
        age0 = np.clip(rng.normal(kind.age[0], kind.age[1], n), 0, 90)
        sex = (rng.random(n) >= kind.male).astype(np.int8)  # 0 M, 1 F
        purpose = _choice(rng, kind.purpose, n, PURPOSE_LABELS)
        change_day = np.where(
            rng.random(n) < change, rng.integers(first, first + years * 365, n), -1
        ).astype(np.int32)
        crossings["age"] = np.clip(age0[p] + (crossings["day"] - first) / 365.25, 0, 110).astype(
            np.int16
        )
        crossings["purpose"] = purpose[p]
        crossings["destination"] = destination[p]
        crossings["checkpoint"] = _route(rng, destination[p])
        crossings["passport"] = np.where(
            (change_day[p] >= 0) & (crossings["day"] >= change_day[p]), -1, 0
        )
        crossings["person"] = ids[p]
        parts.append(crossings)
        people.append(
            {
                "kind": np.full(n, KINDS.index(kind), dtype=np.int8),
                "resident": resident,
                "citizenship": citizenship,
                "sex": sex,
                "new_passport_day": change_day,
            }
        )
    cols = {k: np.concatenate([part[k] for part in parts]) for k in parts[0]}
    if ordered:  # by date: a file's natural order (the benchmark's deliveries skip it)
        order = np.lexsort((cols["exit"], cols["day"]))
        cols = {k: v[order] for k, v in cols.items()}
    person = cols["person"]
    # A new passport number: an id beyond every person id of any part (2**40 apart).
    passport = np.where(cols["passport"] < 0, person + (1 << 40), person)
    who = {k: np.concatenate([p[k] for p in people]) for k in people[0]}
    return Travel(
        person=person,
        passport=passport,
        day=cols["day"].astype(np.int32),
        exit=cols["exit"],
        age=cols["age"],
        checkpoint=cols["checkpoint"],
        purpose=cols["purpose"],
        destination=cols["destination"],
        kind=who["kind"],
        resident=who["resident"],
        citizenship=who["citizenship"],
        sex=who["sex"],
        new_passport_day=who["new_passport_day"],
        first_id=first_id,
    )


def _stays(rng: np.random.Generator, kind: Kind, n: int, lo: int, hi: int) -> dict[str, np.ndarray]:
    """Alternating stays of ``n`` persons over days ``lo``..``hi`` as crossings.

    A resident starts at home and leaves at the end of each home stay (an exit), returning
    after the away stay (an entry); a non-resident the other way round.
    """
    span = hi - lo
    cycle = kind.away[0] + kind.home[0]
    slots = int(span / cycle) + 3
    away = np.maximum(1, rng.normal(kind.away[0], kind.away[1], (n, slots)))
    home = np.maximum(1, rng.normal(kind.home[0], kind.home[1], (n, slots)))
    if kind.yearly:  # calendar kinds: one cycle a year, leaving around the same day
        home = np.maximum(1, 365 - away + rng.normal(0, 5, (n, slots)))
        # A cycle is a home stay then an away one, so the k-th departure falls at origin +
        # 365 (k + 1) − away: the origin puts it on the kind's day of the calendar year (it
        # used to put the *return* there — seasonal workers left in autumn, students in
        # November).
        jan1 = (date((EPOCH + timedelta(days=int(lo))).year, 1, 1) - EPOCH).days
        origin = jan1 + kind.yearly + rng.normal(0, 10, n) - 2 * 365 + kind.away[0]
    elif kind.settle:  # the departure for good on a day drawn evenly, then visits
        # Departures from `career` years (of visits) before the simulation, so that the
        # settlers visiting are as many at its start as later (a steady world).
        lead = kind.career * 365
        departure = lo - lead + rng.random(n) * (span + lead)
        origin = departure - home[:, 0]
    else:
        origin = lo - rng.random(n) * cycle
    # Departures (resident: exit; non-resident: entry) and returns, non-overlapping.
    leave = origin[:, None] + np.cumsum(home + away, axis=1) - away
    back = leave + away
    leave_day, back_day = np.floor(leave).astype(np.int64), np.floor(back).astype(np.int64)
    person = np.repeat(np.arange(n), slots)
    day = np.concatenate([leave_day.ravel(), back_day.ravel()])
    is_leave = np.concatenate([np.ones(n * slots, bool), np.zeros(n * slots, bool)])
    person = np.concatenate([person, person])
    keep = (day >= lo) & (day <= hi)
    resident = np.full(n, kind.resident)
    if kind.settle:  # visits for about `career` years, then no more crossings
        # A visit is a return and the next departure, kept together: the last crossing is
        # always a departure (kept by the stay's own departure, a settler would come home
        # for good after the last visit).
        own = np.concatenate([np.hstack([departure[:, None], back[:, :-1]]).ravel(), back.ravel()])
        keep &= own <= np.tile(np.repeat(departure + lead, slots), 2)
        resident = departure >= lo  # those gone before the simulation starts live abroad
    elif kind.career:  # one episode: from a start anywhere in the span, for about `career` years
        # Episodes begin before the span too, so that as many end as begin at any time (a
        # stationary world: the model of provisional figures learns from earlier years).
        lead = 1.5 * kind.career * 365
        begin = lo - lead + rng.random(n) * (span + lead)
        stop = begin + np.maximum(0.5, rng.normal(kind.career, kind.career / 4, n)) * 365
        own = np.concatenate([leave.ravel(), leave.ravel()])  # a stay's crossings go together
        keep &= (own >= np.tile(np.repeat(begin, slots), 2)) & (
            own <= np.tile(np.repeat(stop, slots), 2)
        )
    exit_ = is_leave if kind.resident else ~is_leave
    return {"person": person[keep], "day": day[keep], "exit": exit_[keep], "resident": resident}


def _route(rng: np.random.Generator, destination: np.ndarray) -> np.ndarray:
    out = np.zeros(destination.size, dtype=np.int8)
    for country, weights in ROUTES.items():
        mask = destination == COUNTRIES.index(country)
        if mask.any():
            out[mask] = _choice(rng, weights, int(mask.sum()), CHECKPOINT_CODES)
    return out


def passport_numbers(passport: np.ndarray) -> np.ndarray:
    """The passport numbers as the Border Service writes them (series AC, eight digits)."""
    return np.char.add(
        "AC", np.char.zfill((passport % 10**9 + (passport >> 40) * 10**9).astype(str), 10)
    )


def crossings_table(
    travel: Travel, mask: np.ndarray | None = None, true_person: bool = False
) -> Any:
    """The crossings as microdata (the columns of :data:`store.crossings.SCHEMA`).

    ``true_person``: keyed by the true person instead of the passport (the truth's view);
    ``row_id`` numbers the crossings of the whole simulation, to match the two views.
    """
    import pyarrow as pa

    rows = np.arange(len(travel)) if mask is None else np.flatnonzero(mask)
    person = (travel.person if true_person else travel.passport)[rows]
    who = travel.person[rows] - travel.first_id

    def text(codes: np.ndarray, names: tuple[str, ...] | list[str]) -> pa.Array:
        return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int8)), pa.array(names))

    return pa.table(
        {
            "person_key": pa.array(person, pa.int64()),
            "crossing_date": pa.array(travel.day[rows], pa.int32()).cast(pa.date32()),
            "direction": text(travel.exit[rows], ["ENTRY", "EXIT"]),
            "checkpoint": text(travel.checkpoint[rows], CHECKPOINT_CODES),
            "citizenship": text(travel.citizenship[who], COUNTRIES),
            "sex": text(travel.sex[who], ["M", "F"]),
            "age": pa.array(travel.age[rows], pa.int16()),
            "purpose": text(travel.purpose[rows], [PURPOSE_CODES[p] for p in PURPOSE_LABELS]),
            "destination": text(travel.destination[rows], COUNTRIES),
            "row_id": pa.array(rows, pa.int64()),
        }
    )


def base_table(travel: Travel) -> Any:
    """The population base of the truth: who was resident when the simulation starts."""
    import pyarrow as pa

    return pa.table(
        {
            "person_key": pa.array(np.arange(travel.kind.size) + travel.first_id, pa.int64()),
            "resident": pa.array(travel.resident),
        }
    )


# The Border Service's purpose labels → the purpose_of_trip codes (as the adapter maps them).
PURPOSE_CODES = {
    "Частная": "PRIVATE", "Туризм": "TOURISM", "Работа": "WORK", "Служебная (деловая)": "BUSINESS",
    "Транзит": "TRANSIT", "Учеба": "STUDY", "Прочие": "OTHER", "Лечение": "MEDICAL",
    "Постоянное место жительства": "PERMANENT",
}  # fmt: skip
