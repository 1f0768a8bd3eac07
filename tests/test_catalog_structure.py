"""The published structure of the population against plain arithmetic on the people.

The small release of ``test_catalog_rates`` (ten people of every sex and age in two rayons,
more women at 20 and 30 in Issyk-Kul) is computed once; its working-age groups, median ages,
dependency and sex ratios and population change are worked out again here with loops over
the people on 1 January and the NSC's working age written out (16 to 62 for men, 16 to 57
for women), so that a wrong bound, a wrong axis or a wrong base in the catalog shows up.
"""

from __future__ import annotations

import csv
import statistics
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from indicators.catalog.population import SPECS
from store import Database, read, schema
from store.models import MigrationEvent
from tests import factories as f
from tests.test_catalog_rates import (
    END,
    MOVES,
    OTHER,
    START,
    TERRITORIES,
    UNIT,
    YEAR,
    _release,
    _store,
)

Value = Callable[..., "read.ObservationRow"]

FIRST_ABOVE = {"M": 63, "F": 58}  # the pension age; working age begins at 16


def _stock(year: int) -> dict[tuple[str, str, int], int]:
    return dict(START) if year == YEAR else dict(END)


def _people(territory: str, year: int, sex: str | None = None) -> list[tuple[str, int, int]]:
    """(sex, age, persons) on 1 January ``year`` in ``territory``."""
    return [
        (s, age, n)
        for (unit, s, age), n in _stock(year).items()
        if unit.startswith(territory) and sex in (None, s)
    ]


def _broad(territory: str, year: int, sex: str | None = None) -> tuple[int, int, int]:
    below = working = above = 0
    for s, age, n in _people(territory, year, sex):
        if age < 16:
            below += n
        elif age < FIRST_ABOVE[s]:
            working += n
        else:
            above += n
    return below, working, above


def _median(territory: str, year: int, sex: str | None = None) -> float:
    """The median of every person spread over their year of age (100 points a person)."""
    points = [
        age + (k + 0.5) / 100
        for _, age, n in _people(territory, year, sex)
        for _ in range(n)
        for k in range(100)
    ]
    return float(statistics.median(points))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Value]:
    """The small release; a cell is read as every output reads it (``store.read``)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('structure') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        _store(session)
        release = _release(session)

        def cell(indicator: str, territory: str, year: int, **dims: str) -> read.ObservationRow:
            row = read.value(session, release.id, indicator, str(year), soate=territory, **dims)
            assert row is not None, (indicator, territory, year, dims)
            return row

        yield cell
    database.dispose()


YEARS = [YEAR, YEAR + 1]


@pytest.mark.parametrize("territory", TERRITORIES)
@pytest.mark.parametrize("year", YEARS)
def test_working_age_groups(published: Value, territory: str, year: int) -> None:
    for sex in ("M", "F", None):
        for code, expected in zip(
            ("BELOW_WA", "WA", "ABOVE_WA"), _broad(territory, year, sex), strict=True
        ):
            row = published("pop_age_broad", territory, year, sex=sex or "_T", age_broad=code)
            assert row.value == pytest.approx(expected), (sex, code)


@pytest.mark.parametrize("territory", TERRITORIES)
@pytest.mark.parametrize("year", YEARS)
def test_dependency_ratios(published: Value, territory: str, year: int) -> None:
    below, working, above = _broad(territory, year)
    for indicator, expected in (
        ("dependency_ratio", 100 * (below + above) / working),
        ("child_dependency_ratio", 100 * below / working),
        ("old_age_dependency_ratio", 100 * above / working),
    ):
        assert published(indicator, territory, year).value == pytest.approx(expected), indicator


@pytest.mark.parametrize("territory", TERRITORIES)
@pytest.mark.parametrize("year", YEARS)
def test_median_age(published: Value, territory: str, year: int) -> None:
    for sex in ("M", "F", None):
        row = published("median_age", territory, year, sex=sex or "_T")
        assert row.value == pytest.approx(_median(territory, year, sex), abs=0.01), sex


def test_a_territory_without_urban_population_has_no_median_age(published: Value) -> None:
    row = published("median_age", "417", YEAR, urban_rural="U")
    assert (row.value, row.status) == (None, "M")


@pytest.mark.parametrize("territory", TERRITORIES)
def test_sex_ratio(published: Value, territory: str) -> None:
    def persons(sex: str, ages: range) -> int:
        return sum(n for _, age, n in _people(territory, YEAR, sex) if age in ages)

    for code, ages in (("_T", range(101)), ("Y20T24", range(20, 25)), ("Y30T34", range(30, 35))):
        expected = 100 * persons("M", ages) / persons("F", ages)
        assert published("sex_ratio", territory, YEAR, age5=code).value == pytest.approx(expected)


@pytest.mark.parametrize("territory", TERRITORIES)
def test_population_change_is_the_change_of_the_stock(published: Value, territory: str) -> None:
    for sex in ("M", "F", None):
        start = sum(n for _, _, n in _people(territory, YEAR, sex))
        end = sum(n for _, _, n in _people(territory, YEAR + 1, sex))
        row = published("pop_change", territory, YEAR, sex=sex or "_T")
        assert row.value == pytest.approx(end - start), sex


def test_the_definitions_state_the_working_age_of_the_classifier() -> None:
    """The texts (the catalog's definition, the yearbook's note) say the bounds in words;
    they must be the reference data's bounds."""
    with open("classifiers/data/age_broad.csv", encoding="utf-8") as file:
        rows = {
            row["code"]: row
            for row in csv.DictReader(line for line in file if not line.startswith("#"))
        }
    men, women = rows["WA"]["max_age_m"], rows["WA"]["max_age_f"]
    spec = next(s for s in SPECS if s.id == "pop_age_broad")
    assert f"мужчины 16–{men} года, женщины 16–{women} лет" in spec.definition.ru
    assert f"men 16–{men}, women 16–{women}" in spec.definition.en
    assert f"эркектер 16–{men} жаш, аялдар 16–{women} жаш" in spec.definition.ky
    # …and so must the yearbook's note under its working-age tables.
    from publishing.specs.yearbook.population import WORKING_AGE_NOTE

    note = WORKING_AGE_NOTE

    assert f"мужчины 16–{men} года, женщины 16–{women} лет" in note.ru
    assert f"men 16–{men}, women 16–{women}" in note.en
    assert f"эркектер 16–{men} жаш, аялдар 16–{women} жаш" in note.ky


# Moves whose two records name different settlement types: origin, destination, the type at
# the origin (the de-registration's) and at the destination (the registration's), sex.
TYPED_MOVES = [
    (UNIT, OTHER, "R", "U", "F"),
    (OTHER, UNIT, "U", "R", "M"),
    (UNIT, OTHER, "U", "U", "F"),
]


def test_urban_rural_flows_pair_the_two_records_of_each_move(session: Session) -> None:
    _store(session)
    urban = {(unit, sex, age): 2 for unit in (UNIT, OTHER) for sex in "MF" for age in range(20, 40)}
    f.population(session, YEAR, urban, settlement="U")  # someone to leave the towns
    for n, (origin, destination, leaving_from, arriving_in, sex) in enumerate(TYPED_MOVES):
        person = f"typed-{n}"
        f.move(
            session,
            date(YEAR, 6, 1),
            date(YEAR - 30, 1, 1),
            sex,
            origin,
            destination,
            person=person,
        )
        records = session.scalars(select(MigrationEvent).where(MigrationEvent.person_key == person))
        for record in records:
            leaving = record.event_kind == "deregistration"
            record.settlement = leaving_from if leaving else arriving_in
    session.commit()
    release = _release(session)
    every = [(o, d, "R", "R", sex) for o, d, sex, _ in MOVES] + TYPED_MOVES

    def published(**dims: str) -> float | None:
        row = read.value(session, release.id, "mig_urban_rural", str(YEAR), **dims)
        assert row is not None, dims
        return row.value

    for origin_type in ("U", "R", "_T"):
        for destination_type in ("U", "R", "_T"):
            for sex in ("M", "F", "_T"):
                expected = sum(
                    1
                    for _, _, leaving_from, arriving_in, s in every
                    if origin_type in ("_T", leaving_from)
                    and destination_type in ("_T", arriving_in)
                    and sex in ("_T", s)
                )
                value = published(
                    origin_settlement=origin_type, destination_settlement=destination_type, sex=sex
                )
                assert (value or 0.0) == expected, (origin_type, destination_type, sex)
    assert published(migration_type="between_oblasts") == len(every)
