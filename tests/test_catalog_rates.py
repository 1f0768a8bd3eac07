"""The published rates of a small release against plain arithmetic on the counts.

The release computes every rate with :mod:`indicators.methods` on numpy grids; here the same
numbers are worked out again with nothing but Python dictionaries and the definitions (events
per ``unit_base`` of the annual average population, births folded into 15–49, …), so that a
wrong base, a wrong denominator or a wrong zero policy in the catalog shows up as a mismatch.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from classifiers.loader import load_classifiers
from indicators.catalog import all_specs, migration, vital
from indicators.release import compute_release
from indicators.spec import Spec
from store import Database, read, schema
from store.models import Release, ReleaseStatus
from tests import factories as f

NOW = datetime(2026, 2, 1, 4, 0, tzinfo=UTC)
YEAR = 2024
UNIT, OTHER = f.UNIT, f.OTHER_UNIT  # Issyk-Kul (41702) and Chui (41708) oblasts
TERRITORIES = ("417", "41702", "41708", UNIT, OTHER)
FERTILE = [(f"Y{low}T{low + 4}", low, low + 4) for low in range(15, 50, 5)]

# The base population on 1 January YEAR: ten people of every sex and age in both units, more
# women at 20 and 30 in Issyk-Kul, and no women aged 44-49 in Chui (in either year).
START: dict[tuple[str, str, int], int] = {
    (unit, sex, age): 10 for unit in (UNIT, OTHER) for sex in "MF" for age in range(101)
}
START[(UNIT, "F", 20)] = 200
START[(UNIT, "F", 30)] = 150
START.update({(OTHER, "F", age): 0 for age in range(44, 50)})

# The year's events, as plain tuples.
BIRTHS = [  # unit, sex of the child, mother's age, births
    (UNIT, "F", 20, 10),
    (UNIT, "M", 31, 6),
    (UNIT, "F", 14, 1),  # folded into 15-19
    (OTHER, "M", 25, 3),
    (OTHER, "M", 52, 1),  # folded into 45-49, where Chui has no women
]
DEATHS = [  # unit, sex, date of birth, date of death, age at death
    (UNIT, "M", date(YEAR - 71, 6, 1), date(YEAR, 3, 1), 70),
    (UNIT, "F", date(YEAR, 5, 1), date(YEAR, 9, 1), 0),
    (OTHER, "M", date(YEAR - 1, 11, 1), date(YEAR, 2, 1), 0),
    (OTHER, "F", date(YEAR - 95, 6, 1), date(YEAR, 2, 1), 94),
]
MARRIAGES = {UNIT: 3, OTHER: 2}
DIVORCES = {UNIT: 1, OTHER: 0}
MOVES = [(UNIT, OTHER, "M", date(YEAR - 26, 3, 1))]  # origin, destination, sex, born


def _store(session: Session) -> None:
    f.population(session, YEAR, START)
    for unit, sex, mother_age, count in BIRTHS:
        for _ in range(count):
            f.birth(session, date(YEAR, 5, 1), mother_age, sex=sex, unit=unit)
    for unit, sex, born, died, age in DEATHS:
        f.death(session, died, born, sex, age, unit=unit)
    for unit, count in MARRIAGES.items():
        for _ in range(count):
            f.marriage(session, date(YEAR, 8, 1), 25, 22, unit=unit)
    for unit, count in DIVORCES.items():
        for _ in range(count):
            f.divorce(session, date(YEAR, 10, 1), 40, 38, unit=unit)
    for origin, destination, sex, born in MOVES:
        f.move(session, date(YEAR, 4, 1), born, sex, origin, destination)
    load_classifiers(session)
    session.commit()


# --- the independent computation ------------------------------------------------------------


def _age_on_1_january(born: date) -> int:
    """Completed years on 1 January YEAR by year of birth; −1 for those born in YEAR."""
    return YEAR - 1 - born.year


def _end() -> Counter[tuple[str, str, int]]:
    """The population on 1 January YEAR + 1: everyone a year older, plus and minus the events."""
    end: Counter[tuple[str, str, int]] = Counter()
    for (unit, sex, age), persons in START.items():
        end[(unit, sex, min(age + 1, 100))] += persons
    for unit, sex, _, count in BIRTHS:
        end[(unit, sex, 0)] += count
    for unit, sex, born, _, _ in DEATHS:
        end[(unit, sex, min(_age_on_1_january(born) + 1, 100))] -= 1
    for origin, destination, sex, born in MOVES:
        age = min(_age_on_1_january(born) + 1, 100)
        end[(origin, sex, age)] -= 1
        end[(destination, sex, age)] += 1
    return end


END = _end()


def _average(territory: str, sex: str | None = None, ages: range = range(101)) -> float:
    def total(stock: dict[tuple[str, str, int], int]) -> int:
        return sum(
            n
            for (unit, s, age), n in stock.items()
            if unit.startswith(territory) and sex in (None, s) and age in ages
        )

    return (total(START) + total(END)) / 2


def _births(territory: str, sex: str | None = None, ages: range | None = None) -> int:
    return sum(
        count
        for unit, s, mother_age, count in BIRTHS
        if unit.startswith(territory)
        and sex in (None, s)
        and (ages is None or min(max(mother_age, 15), 49) in ages)
    )


def _deaths(territory: str, sex: str | None = None, infants: bool = False) -> int:
    return sum(
        1
        for unit, s, _, _, age in DEATHS
        if unit.startswith(territory) and sex in (None, s) and (not infants or age == 0)
    )


def _moves(territory: str, inward: bool) -> int:
    """Arrivals (or departures) of the units of ``territory``, internal moves within it too."""
    return sum(
        1
        for origin, destination, _, _ in MOVES
        if (destination if inward else origin).startswith(territory)
    )


def _count(table: dict[str, int], territory: str) -> int:
    return sum(n for unit, n in table.items() if unit.startswith(territory))


def expected(territory: str) -> dict[str, float | None]:
    """Every rate of ``territory`` (all settlement types, both sexes), by hand."""
    population = _average(territory)
    births, deaths = _births(territory), _deaths(territory)
    arrivals, departures = _moves(territory, True), _moves(territory, False)
    rates: dict[str, float | None] = {
        "pop_avg": population,
        "crude_birth_rate": 1000 * births / population,
        "crude_death_rate": 1000 * deaths / population,
        "natural_increase_rate": 1000 * (births - deaths) / population,
        "crude_marriage_rate": 1000 * _count(MARRIAGES, territory) / population,
        "crude_divorce_rate": 1000 * _count(DIVORCES, territory) / population,
        "infant_mortality_rate": 1000 * _deaths(territory, infants=True) / births,
        "mig_arrivals_rate": 10000 * arrivals / population,
        "mig_departures_rate": 10000 * departures / population,
        "mig_net_rate": 10000 * (arrivals - departures) / population,
    }
    if len(territory) <= 5:  # fertility is published for the country and the oblasts
        per_woman = []
        for code, low, high in FERTILE:
            women = _average(territory, "F", range(low, high + 1))
            born = _births(territory, ages=range(low, high + 1))
            rates[f"asfr {code}"] = 1000 * born / women if women else None
            per_woman.append(born / women if women else None)
        known = [rate for rate in per_woman if rate is not None]
        rates["tfr"] = 5 * sum(known) if len(known) == len(per_woman) else None
    return rates


# --- the release ----------------------------------------------------------------------------


def _release(session: Session) -> Release:
    return compute_release(
        session, YEAR, ReleaseStatus.PROVISIONAL, scheduled_at=NOW, now=NOW
    ).release


Cell = Callable[..., read.ObservationRow]


def _cells(session: Session, release: Release) -> Cell:
    """The published cell of an indicator and territory (other dimensions at ``_T``), read
    as every output reads it (``store.read``); ``"asfr Y20T24"`` names an age group."""

    def cell(indicator: str, territory: str, **dims: str) -> read.ObservationRow:
        if indicator.startswith("asfr "):
            indicator, dims["mother_age"] = indicator.split()
        row = read.value(session, release.id, indicator, str(YEAR), soate=territory, **dims)
        assert row is not None, (indicator, territory, dims)
        return row

    return cell


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cell]:
    """The small release, computed once for the read-only tests (SQLite)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('rates') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        _store(session)
        yield _cells(session, _release(session))
    database.dispose()


def test_every_published_rate_equals_the_arithmetic_on_the_counts(session: Session) -> None:
    _store(session)
    cell = _cells(session, _release(session))
    compared = 0
    for territory in TERRITORIES:
        for indicator, value in expected(territory).items():
            if value is None:
                continue
            observation = cell(indicator, territory)
            assert observation.value == pytest.approx(value, rel=1e-12), (indicator, territory)
            compared += 1
    assert compared == 5 * 10 + 3 * 8 - 2  # two fertility cells of Chui are not available


def test_a_region_without_women_of_an_age_has_no_asfr_and_no_tfr(
    published: Cell,
) -> None:
    no_women = published("asfr Y45T49", "41708")
    tfr = published("tfr", "41708")

    assert (no_women.value, no_women.status) == (None, "M")  # one birth, no women
    assert (tfr.value, tfr.status) == (None, "M")  # never the sum of the other groups
    assert published("asfr Y40T44", "41708").value == pytest.approx(0.0)
    assert published("tfr", "417").value == pytest.approx(expected("417")["tfr"])


def test_a_cell_without_population_or_births_is_not_available(
    published: Cell,
) -> None:
    # Every person lives in rural areas: the urban part has no population at all.
    for indicator in ("crude_birth_rate", "crude_death_rate", "crude_marriage_rate"):
        urban = published(indicator, "417", urban_rural="U")
        assert (urban.value, urban.status) == (None, "M")
    # Chui registered no girls' births: no infant mortality rate for its girls.
    girls = published("infant_mortality_rate", "41708", sex="F")
    assert (girls.value, girls.status) == (None, "M")
    assert published("infant_mortality_rate", "41708", sex="M").value == pytest.approx(1000 * 1 / 4)


def test_rates_are_per_the_unit_base_of_their_definition(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rebased(specs: list[Spec], bases: dict[str, int]) -> list[Spec]:
        return [
            dataclasses.replace(s, unit_base=bases[s.id]) if s.id in bases else s for s in specs
        ]

    monkeypatch.setattr(vital, "SPECS", rebased(vital.SPECS, {"crude_birth_rate": 100}))
    monkeypatch.setattr(migration, "SPECS", rebased(migration.SPECS, {"mig_arrivals_rate": 1000}))
    _store(session)
    cell = _cells(session, _release(session))

    population = _average("41708")
    assert cell("crude_birth_rate", "41708").value == pytest.approx(
        100 * _births("41708") / population
    )
    assert cell("mig_arrivals_rate", "41708").value == pytest.approx(1000 / population)


@pytest.mark.parametrize(
    ("indicator", "unit"),
    [
        ("crude_birth_rate", "per_1000"),
        ("infant_mortality_rate", "per_1000_live_births"),
        ("asfr", "per_1000_women"),
        ("mig_net_rate", "per_10000"),
    ],
)
def test_a_rate_names_what_it_is_per(indicator: str, unit: str) -> None:
    assert {s.id: s.unit for s in all_specs()}[indicator] == unit


def test_every_rate_unit_says_its_base() -> None:
    for spec in all_specs():
        if spec.unit == "percent":  # "per cent" names its base: computed per 100 or given so
            assert spec.unit_base in (1, 100), spec.id
        elif spec.unit_base != 1:
            assert spec.unit.split("_")[:2] == ["per", str(spec.unit_base)], spec.id
        else:
            assert not spec.unit.startswith("per_"), spec.id
