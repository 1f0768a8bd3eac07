"""Microdata aggregated by the database into dense arrays over the index space.

Every ``GROUP BY`` runs in SQL (SQLite or PostgreSQL alike, through SQLAlchemy's portable
``extract``): Python only places the few thousand grouped rows into numpy arrays. Nothing
here reads a single event row into Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, func, literal_column, select
from sqlalchemy.orm import Session

from indicators.space import N_AGES, SETTLEMENTS, SEXES, Grouping, Space
from store.models import (
    BirthEvent,
    CensusPopulation,
    DeathEvent,
    MigrationEvent,
)

_SETTLEMENT = {code: i for i, code in enumerate(SETTLEMENTS)}
_SEX = {code: i for i, code in enumerate(SEXES)}


def year_of(column: Any) -> ColumnElement[int]:
    return func.extract("year", column)


def month_of(column: Any) -> ColumnElement[int]:
    """The month (1–12) of a date column, computed by the database (births by month, …).

    As a key of :func:`counts_by`, ``(month_of(table.event_date), 13)``: place 0 stays empty;
    :func:`month_grouping` names the places.
    """
    return func.extract("month", column)


MONTHS = tuple(f"{m:02d}" for m in range(1, 13))
NOT_STATED = "NOT_STATED"  # the code of every classifier for "not stated"


def stated(column: Any) -> ColumnElement[str]:
    """A coded column with ``NULL`` (a record without the field) as :data:`NOT_STATED`.

    The constant is written into the SQL, not bound: PostgreSQL must see the expression in the
    select list and in ``GROUP BY`` as the same one.
    """
    return func.coalesce(column, literal_column(f"'{NOT_STATED}'"))


"""The codes of the ``month`` codelist, January to December."""


def month_grouping() -> Grouping:
    """Months 01–12 and their total over the 13 places of a :func:`month_of` key."""
    groups = {"_T": list(range(1, 13))}
    groups.update({code: [m] for m, code in enumerate(MONTHS, start=1)})
    return Grouping.of(groups, 13)


class DataError(ValueError):
    """The microdata cannot support a release (no base population, unknown codes, …)."""


@dataclass(frozen=True)
class Base:
    """The base population: reference date and persons by unit × settlement × sex × age."""

    reference_date: date
    space: Space
    persons: np.ndarray


def base_population(session: Session) -> Base:
    """The newest base population (census, or the generated base for synthetic data)."""
    reference = session.scalar(select(func.max(CensusPopulation.reference_date)))
    if reference is None:
        raise DataError("no base population in the store: load a census or generate data")
    rows = session.execute(
        select(
            CensusPopulation.territory,
            CensusPopulation.settlement,
            CensusPopulation.sex,
            CensusPopulation.age,
            func.sum(CensusPopulation.persons),
        )
        .where(CensusPopulation.reference_date == reference)
        .group_by(
            CensusPopulation.territory,
            CensusPopulation.settlement,
            CensusPopulation.sex,
            CensusPopulation.age,
        )
    ).all()
    space = Space(tuple(sorted({row[0] for row in rows})))
    persons = np.zeros(space.shape(N_AGES))
    _place(persons, space, rows, lambda age: min(int(age), N_AGES - 1))
    return Base(reference, space, persons)


def _place(target: np.ndarray, space: Space, rows: Sequence[Any], index: Any) -> None:
    """Add grouped rows ``(unit, settlement, sex, *keys, count)`` into ``target``."""
    for unit, settlement, sex, *keys, count in rows:
        position = index(*keys)
        if position is None:
            continue
        try:
            u = space.unit_index[unit]
        except KeyError as error:
            raise DataError(f"territory {unit} holds events but no base population") from error
        if not isinstance(position, tuple):
            position = (position,)
        target[(u, _SETTLEMENT[settlement], _SEX[sex], *position)] += count


@dataclass(frozen=True)
class Flows:
    """Cohort flows of each year: array year × unit × settlement × sex × cohort.

    The cohort axis has ``N_AGES + 1`` places: place 0 holds those born during the year,
    place ``a + 1`` those aged ``a`` on 1 January (born in year − 1 − a).
    """

    years: tuple[int, ...]
    births: np.ndarray
    deaths: np.ndarray
    emigrants: np.ndarray
    immigrants: np.ndarray
    departures: np.ndarray  # internal moves out of a unit (both records loaded)
    arrivals: np.ndarray  # internal moves into a unit (both records loaded)


def _cohort_counts(
    session: Session,
    space: Space,
    years: Sequence[int],
    table: Any,
    birth: Any,
    *conditions: ColumnElement[bool],
) -> np.ndarray:
    event_year = year_of(table.event_date)
    query = (
        select(
            table.territory, table.settlement, table.sex, event_year, year_of(birth), func.count()
        )
        .where(event_year.between(years[0], years[-1]), *conditions)
        .group_by(table.territory, table.settlement, table.sex, event_year, year_of(birth))
    )
    out = np.zeros((len(years), *space.shape(N_AGES + 1)))
    first = years[0]

    def index(year: int, birth_year: int | None) -> tuple[int, int]:
        if birth_year is None:
            raise DataError(f"{table.__tablename__}: an event of {year} has no birth date")
        cohort = int(year) - 1 - int(birth_year)  # age on 1 January; -1 = born in the year
        return int(year) - first, min(cohort, N_AGES - 1) + 1

    for unit, settlement, sex, year, birth_year, count in session.execute(query):
        y, c = index(year, birth_year)
        out[(y, space.unit_index[unit], _SETTLEMENT[settlement], _SEX[sex], c)] += count
    return out


def cohort_flows(
    session: Session, space: Space, years: Sequence[int], counted_moves: ColumnElement[bool]
) -> Flows:
    """The events of every year by cohort; internal moves only those ``counted_moves`` admits
    (both records loaded, :func:`store.moves.counted`), so that a move shifts a person from
    one unit to another or not at all, and never removes or adds anyone in the country."""
    m = MigrationEvent
    return Flows(
        years=tuple(years),
        births=_cohort_counts(session, space, years, BirthEvent, BirthEvent.event_date),
        deaths=_cohort_counts(session, space, years, DeathEvent, DeathEvent.birth_date),
        emigrants=_cohort_counts(
            session,
            space,
            years,
            m,
            m.birth_date,
            m.migration_type == "external",
            m.event_kind == "deregistration",
        ),
        immigrants=_cohort_counts(
            session,
            space,
            years,
            m,
            m.birth_date,
            m.migration_type == "external",
            m.event_kind == "registration",
        ),
        departures=_cohort_counts(
            session,
            space,
            years,
            m,
            m.birth_date,
            m.migration_type != "external",
            m.event_kind == "deregistration",
            counted_moves,
        ),
        arrivals=_cohort_counts(
            session,
            space,
            years,
            m,
            m.birth_date,
            m.migration_type != "external",
            m.event_kind == "registration",
            counted_moves,
        ),
    )


def counts_by(
    session: Session,
    space: Space,
    years: Sequence[int],
    table: Any,
    keys: Sequence[tuple[Any, Sequence[str] | int]],
    *conditions: ColumnElement[bool],
    sex: Any = None,
) -> np.ndarray:
    """Events per year × unit × settlement × sex × each key.

    A key is ``(column, codes)`` for a categorical column or ``(column, n)`` for an integer
    column 0..n-1 (ages, clipped into the last place). ``sex`` overrides the sex column
    (marriages have two partners). Rows whose key falls outside are an error, not dropped.
    """
    event_year = year_of(table.event_date)
    sex_column = table.sex if sex is None else sex
    columns = [table.territory, table.settlement, sex_column, event_year, *(k[0] for k in keys)]
    query = (
        select(*columns, func.count())
        .where(event_year.between(years[0], years[-1]), *conditions)
        .group_by(*columns)
    )
    sizes = [len(spec) if not isinstance(spec, int) else spec for _, spec in keys]
    lookups = [
        None if isinstance(spec, int) else {code: i for i, code in enumerate(spec)}
        for _, spec in keys
    ]
    out = np.zeros((len(years), *space.shape(*sizes)))
    for unit, settlement, sex_code, year, *rest in session.execute(query):
        *values, count = rest
        position = []
        for value, lookup, size in zip(values, lookups, sizes, strict=True):
            if lookup is None:
                if value is None:
                    raise DataError(f"{table.__tablename__}: a value is missing")
                position.append(min(max(int(value), 0), size - 1))
            elif value in lookup:
                position.append(lookup[value])
            else:
                raise DataError(f"{table.__tablename__}: unexpected code {value!r}")
        index = (
            int(year) - years[0],
            space.unit_index[unit],
            _SETTLEMENT[settlement],
            _SEX[sex_code],
            *position,
        )
        out[index] += count
    return out


def grouped(
    session: Session,
    columns: Sequence[Any],
    years: Sequence[int],
    table: Any,
    *conditions: ColumnElement[bool],
) -> list[tuple[Any, ...]]:
    """``(year, *columns, count)`` rows of ``table`` grouped by the database."""
    event_year = year_of(table.event_date)
    query = (
        select(event_year, *columns, func.count())
        .where(event_year.between(years[0], years[-1]), *conditions)
        .group_by(event_year, *columns)
    )
    return [tuple(row) for row in session.execute(query)]


def group_members(session: Session, group_codelist: str) -> dict[str, set[str]]:
    """Group code → member codes (countries of the CIS, say), from the classifiers."""
    from store.models import CodeMembership

    members: dict[str, set[str]] = {}
    rows = session.execute(
        select(CodeMembership.group_code, CodeMembership.code).where(
            CodeMembership.group_codelist_id == group_codelist
        )
    )
    for group, code in rows:
        members.setdefault(group, set()).add(code)
    return members


def sums(
    session: Session,
    table: Any,
    columns: Sequence[Any],
    measures: Sequence[Any],
    *conditions: ColumnElement[bool],
) -> list[tuple[Any, ...]]:
    """``(*columns, *sums of measures)`` rows of an already-counted table (reports, border)."""
    query = select(*columns, *(func.sum(m) for m in measures)).where(*conditions).group_by(*columns)
    return [tuple(row) for row in session.execute(query)]
