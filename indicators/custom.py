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
from typing import Any, cast

import numpy as np
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
    """Counts by the lowest codes of each breakdown: ``{(code, code, …): persons}`` (whole
    persons, except the provisional model's expected persons of border flows)."""

    indicator: str
    year: int
    breakdowns: tuple[str, ...]
    cells: dict[tuple[str, ...], float]


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
    cells: dict[tuple[str, ...], float] = {}
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

    Months whose window is still open count the provisional model's expected persons, so a
    cell may be fractional. It is not rounded here: rounding is a presentation rule
    (:mod:`l10n.numbers`, half-up), applied by the export's writers after the totals are
    added — as the release's own figures are rounded only when shown — so a request prints
    the figures the release publishes.
    """
    from indicators import residence
    from store.crossings import counting_deliveries

    if indicator not in BORDER_FLOWS:
        raise CustomTableError(f"no custom table for {indicator!r}")
    columns = {"sex": "sex", "age_social": "age_group", "purpose": "purpose"}
    unknown = [b for b in breakdowns if b not in columns]
    if unknown or len(set(breakdowns)) != len(breakdowns):
        raise CustomTableError(f"breakdowns not available: {', '.join(unknown) or 'repeated'}")
    cells: dict[tuple[str, ...], float] = {}
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
        cells[key] = cells.get(key, 0.0) + float(count)
    return Counts(indicator, year, tuple(breakdowns), cells)


#: Survey-based estimates (:mod:`indicators.catalog.survey_migration`) → what they count.
SURVEY = {"lfs_residents_abroad": "household members abroad"}
#: Breakdowns of a survey request and their codelists: what the LFS migration module holds
#: (``soate``: the oblast or city of the household, from its stratum; ``country_group``: the
#: partition CIS / outside the CIS, so that the groups add up).
SURVEY_BREAKDOWNS = {
    "sex": "sex",
    "age_social": "age_social",
    "country": "country",
    "country_group": "country_group",
    "duration_abroad": "duration_abroad",
    "purpose_abroad": "migration_reason",
    "soate": "soate",
}
SURVEY_GROUPS = ("CIS", "OTHER")
TOTAL = "_T"


@dataclass(frozen=True)
class SurveyCells:
    """Weighted estimates with their standard errors and unweighted sample counts, for every
    combination of codes *and totals* (``_T``) of the breakdowns: a total's standard error is
    not the sum of its parts', so totals are estimated here, not added by the exports. The
    sample counts are for disclosure control only and must never be shown."""

    indicator: str
    year: int
    breakdowns: tuple[str, ...]
    cells: dict[tuple[str, ...], tuple[Any, int]]  # key → (methods.Estimate, sample count)


def survey_abroad(
    session: Session,
    indicator: str,
    year: int,
    breakdowns: Sequence[str],
    as_of: datetime | None = None,
) -> SurveyCells:
    """Household members abroad in ``year`` by breakdowns, estimated by the same design and
    method module as the catalog's figures (:mod:`indicators.methods.survey`).

    ``as_of``: the time the public release was computed; only the survey batches loaded by
    then count (as :func:`border_flows`).
    """
    from itertools import combinations

    from indicators.catalog import survey_migration as sm
    from indicators.methods import Estimate, survey_total

    if indicator not in SURVEY:
        raise CustomTableError(f"no custom table for {indicator!r}")
    unknown = [b for b in breakdowns if b not in SURVEY_BREAKDOWNS]
    if unknown or len(set(breakdowns)) != len(breakdowns):
        raise CustomTableError(f"breakdowns not available: {', '.join(unknown) or 'repeated'}")
    members = sm.members(session, year, finished_before=as_of)
    if not members.weight.size:
        return SurveyCells(indicator, year, tuple(breakdowns), {})
    groups = sm.groups_of(session, members)
    columns = {
        "sex": members.sex,
        "age_social": members.age,
        "country": members.country,
        "country_group": np.where(groups["CIS"], "CIS", "OTHER"),
        "duration_abroad": members.duration,
        "purpose_abroad": members.purpose,
        "soate": members.oblast,
    }
    abroad = members.abroad
    inside = abroad > 0
    cells: dict[tuple[str, ...], tuple[Any, int]] = {}
    for size in range(len(breakdowns) + 1):
        for chosen in combinations(range(len(breakdowns)), size):
            parts = [
                np.asarray(columns[breakdowns[i]]).astype(str)
                if i in chosen
                else np.full(abroad.shape, TOTAL)
                for i in range(len(breakdowns))
            ]
            keys = ["\x1f".join(k) for k in zip(*parts, strict=True)] if parts else None
            design = (members.weight, members.stratum, members.psu)
            estimates: dict[str, Estimate] = (
                {"": cast(Estimate, survey_total(abroad, *design))}
                if keys is None
                else cast(dict[str, Estimate], survey_total(abroad, *design, np.array(keys)))
            )
            sample: dict[str, int] = {}
            for key, here in zip(keys or [""] * len(abroad), inside, strict=True):
                if here:
                    sample[key] = sample.get(key, 0) + 1
            for key, estimate in estimates.items():
                if key in sample:
                    cells[tuple(key.split("\x1f")) if breakdowns else ()] = (estimate, sample[key])
    return SurveyCells(indicator, year, tuple(breakdowns), cells)
