"""Custom cross-tabulations from the microdata, for breakdowns that releases do not publish.

Users ask for migration flows by district × sex × five-year age group × reason (and so on);
the releases publish district totals and age only for oblasts. This module counts such
breakdowns with ``GROUP BY`` in the database and returns the counts of the lowest level of
every breakdown — no totals, no suppression, nothing formatted. The exports add the totals,
apply disclosure control and write the files; nothing else may show these counts.

Definitions are those of the published migration indicators (``indicators.catalog.migration``):
an arrival is a registration, a departure a de-registration, at a place of permanent
residence; an internal move counts only when both of its records are loaded
(:mod:`store.moves`); age is the age reached in the year of the move.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from indicators.cubes import stated, year_of
from store import moves
from store.models import CensusPopulation
from store.models import MigrationEvent as M

#: The indicator a flow belongs to → the event kind counted.
FLOWS = {"mig_arrivals": "registration", "mig_departures": "deregistration"}
#: Breakdowns a custom flow table may use, with their codelists.
BREAKDOWNS = {
    "soate": "soate",
    "sex": "sex",
    "age5": "age5",
    "reason": "migration_reason",
    "migration_type": "migration_type",
    "age_social": "age_social",
    "purpose": "purpose_of_trip",
}
#: Border-based long-term flows (:mod:`indicators.residence`) → the kind of move counted.
BORDER_FLOWS = {"border_lt_emigrants": "E", "border_lt_immigrants": "I"}
AGE5 = (*(f"Y{a}T{a + 4}" for a in range(0, 85, 5)), "Y_GE85")


class CustomTableError(ValueError):
    """A breakdown or flow that the microdata cannot give."""


@dataclass(frozen=True)
class Counts:
    """Counts by the lowest codes of each breakdown: ``{(code, code, …): persons}``."""

    indicator: str
    year: int
    breakdowns: tuple[str, ...]
    cells: dict[tuple[str, ...], int]


def age5(age: int) -> str:
    """The five-year group of an age (85 and over together)."""
    return AGE5[min(max(age, 0) // 5, len(AGE5) - 1)]


def _column(name: str) -> Any:
    if name == "soate":
        return M.territory
    if name == "sex":
        return M.sex
    if name == "reason":
        return stated(M.reason)
    if name == "migration_type":
        return M.migration_type
    if name == "age5":
        return year_of(M.event_date) - year_of(M.birth_date)
    raise CustomTableError(f"unknown breakdown {name!r}")


def migration_flows(
    session: Session,
    indicator: str,
    year: int,
    breakdowns: Sequence[str],
    territory: str = "417",
) -> Counts:
    """Arrivals or departures of ``year`` in ``territory`` (a СОАТЕ prefix), by breakdowns."""
    if indicator not in FLOWS:
        raise CustomTableError(f"no custom table for {indicator!r}")
    unknown = [b for b in breakdowns if b not in BREAKDOWNS]
    if unknown or len(set(breakdowns)) != len(breakdowns):
        raise CustomTableError(f"breakdowns not available: {', '.join(unknown) or 'repeated'}")
    columns = [_column(b) for b in breakdowns]
    query = (
        select(*columns, func.count())
        .where(
            M.event_kind == FLOWS[indicator],
            year_of(M.event_date) == year,
            M.territory.startswith(territory),
            moves.counted(moves.unmatched_ids(session)),
        )
        .group_by(*columns)
    )
    cells: dict[tuple[str, ...], int] = {}
    for *keys, count in session.execute(query):
        key = tuple(
            age5(int(v)) if b == "age5" and v is not None else str(v)
            for b, v in zip(breakdowns, keys, strict=True)
        )
        if "None" in key:
            raise CustomTableError(f"{indicator}: an event without {breakdowns}")
        cells[key] = cells.get(key, 0) + int(count)  # ages fold into their group
    return Counts(indicator, year, tuple(breakdowns), cells)


def territorial_units(session: Session, territory: str = "417") -> list[str]:
    """The lowest territorial units holding population within ``territory`` (a prefix)."""
    rows = session.scalars(
        select(CensusPopulation.territory)
        .where(CensusPopulation.territory.startswith(territory))
        .distinct()
    )
    return sorted(rows)


def border_flows(
    session: Session,
    indicator: str,
    year: int,
    breakdowns: Sequence[str],
    as_of: datetime | None = None,
) -> Counts:
    """Long-term emigrants or immigrants of ``year`` from the crossings microdata, by
    ``sex``, ``age_social`` and ``purpose`` (the rule of :mod:`indicators.residence`).

    ``as_of``: the time the public release was computed; only the deliveries loaded by then
    count, so that a request answers what the release saw, never later crossings.

    Months whose window is still open count the provisional model's expected persons, so
    cells are rounded to whole persons here; the exports' disclosure control follows.
    """
    from indicators import residence
    from store.crossings import counting_deliveries

    if indicator not in BORDER_FLOWS:
        raise CustomTableError(f"no custom table for {indicator!r}")
    columns = {"sex": "sex", "age_social": "age_group", "purpose": "purpose"}
    unknown = [b for b in breakdowns if b not in columns]
    if unknown or len(set(breakdowns)) != len(breakdowns):
        raise CustomTableError(f"breakdowns not available: {', '.join(unknown) or 'repeated'}")
    cells: dict[tuple[str, ...], int] = {}
    paths = counting_deliveries(session, finished_before=as_of)
    if not paths:
        return Counts(indicator, year, tuple(breakdowns), cells)
    con = residence.connect()
    try:
        source = residence.parquet_source(paths)
        end = residence.last_day(con, source)
        if end is None:
            return Counts(indicator, year, tuple(breakdowns), cells)
        links, base = residence.loaded_base(con, session, finished_before=as_of)
        residence.classify(con, source, end, residence.Rule.configured(), base=base, links=links)
        residence.estimate(con)
        kind = BORDER_FLOWS[indicator]
        keys = ", ".join(columns[b] for b in breakdowns)
        rows = con.execute(f"""
            SELECT {keys}, sum(n) FROM {residence.expected(0)}
            WHERE kind = '{kind}' AND year(DATE '1970-01-01' + d) = {int(year)}
            GROUP BY ALL
        """).fetchall()  # noqa: S608 — names from the mapping above, numbers
    finally:
        con.close()
    for *values, count in rows:
        key = tuple(
            residence.AGE_GROUPS[int(v)] if b == "age_social" else str(v)
            for b, v in zip(breakdowns, values, strict=True)
        )
        cells[key] = cells.get(key, 0) + round(float(count))
    return Counts(indicator, year, tuple(breakdowns), cells)
