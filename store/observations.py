"""Observations by key: how a cell's dimension codes map to the key columns, written and read.

An observation is keyed by its release, its indicator, the codes of the indicator's
dimensions in the order they had when the release was written (``k1`` … ``k8``, see
:class:`store.models.Observation`; the order is recorded in ``observation_domain``) and its
period. Everything that writes a release's observations (its computation, the tests'
factories, the benchmark's release) goes through :func:`insert_observations`, which records
the codes and the key order with them; the API, the books and the read layer
(:mod:`store.read`) select through :func:`select_cells` in the order :func:`key_order`
gives. (Migration 0006, which moved older stores, writes the same rows with its own code:
migrations may not import the application.)

Why the hot path is written this way: a data query of the API names, for some dimensions,
the codes it wants. With those codes as ``IN`` lists on the key columns (and, on SQLite,
``= ''`` on the columns the indicator does not use) the primary key is an index that finds
exactly the selected cells; nothing else of the indicator is read, and the rows come back
as plain driver tuples — no ORM objects, no JSON to decode, no type conversion.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, insert, select, update

from store.models import Base, ConfStatus, ObsStatus
from store.models.releases import KEY_COLUMNS, UNUSED

KEYS = tuple(f"k{n}" for n in range(1, KEY_COLUMNS + 1))
#: Rows sent to the database per statement when writing a release.
CHUNK = 20_000


class TooManyDimensionsError(ValueError):
    """An indicator has more dimensions than the observation table has key columns."""


def check_dimensions(indicator_id: str, dimensions: Sequence[str]) -> None:
    if len(dimensions) > KEY_COLUMNS:
        raise TooManyDimensionsError(
            f"{indicator_id} has {len(dimensions)} dimensions; an observation's key holds at "
            f"most {KEY_COLUMNS} (store.models.releases.KEY_COLUMNS: add key columns with a "
            "migration to publish more)"
        )


def key_of(dimensions: Sequence[str], dims: Mapping[str, str]) -> tuple[str, ...]:
    """The key columns' values of a cell: its codes in the indicator's order, then ``""``."""
    return (*(dims[d] for d in dimensions), *(UNUSED for _ in range(KEY_COLUMNS - len(dimensions))))


def dim_key(dimensions: Sequence[str], codes: Sequence[str]) -> str:
    """The canonical text of a cell's key, ``dim=code|dim=code`` in the indicator's order.

    What the revisions (``release diff``) and the sync fingerprints name a cell by.
    """
    return "|".join(f"{dim}={code}" for dim, code in zip(dimensions, codes, strict=False))


@dataclass(frozen=True)
class NewObservation:
    """A cell to write: ``dims`` maps every dimension of the indicator to its code."""

    indicator_id: str
    period: str
    dims: Mapping[str, str]
    value: float | None
    status: ObsStatus = ObsStatus.NORMAL
    conf: ConfStatus = ConfStatus.FREE
    footnote_id: int | None = None
    sort_order: int = 0


def insert_observations(
    connection: Connection,
    release_id: str,
    observations: Iterable[NewObservation],
    dimensions: Mapping[str, Sequence[str]],
) -> int:
    """Write a release's cells, in key order; returns how many were written.

    ``dimensions`` gives each indicator's dimensions in the catalog's order. Writing in key
    order keeps a release's rows together and in index order on PostgreSQL as well (on
    SQLite the table is stored in key order whatever the order of writing).
    """
    table = Base.metadata.tables["observation"]
    for indicator_id, dims in dimensions.items():
        check_dimensions(indicator_id, dims)
    rows = []
    seen: dict[tuple[str, str], set[str]] = {}
    positions = {
        (ind, dim): n
        for ind, dims in dimensions.items()
        for n, dim in enumerate(("period", *dims))  # the period 0, k1 1, …
    }
    for obs in observations:
        names = dimensions[obs.indicator_id]
        if len(obs.dims) != len(names):
            raise ValueError(
                f"{obs.indicator_id}: a cell names {sorted(obs.dims)}, the indicator has "
                f"{list(names)}"
            )
        keys = key_of(names, obs.dims)
        row: dict[str, Any] = {
            "release_id": release_id,
            "indicator_id": obs.indicator_id,
            "period": obs.period,
            "value": obs.value,
            "status": obs.status,
            "conf": obs.conf,
            "footnote_id": obs.footnote_id,
            "sort_order": obs.sort_order,
        }
        row.update(zip(KEYS, keys, strict=True))
        rows.append(row)
        for dim, code in (*zip(names, keys, strict=False), ("period", obs.period)):
            seen.setdefault((obs.indicator_id, dim), set()).add(code)
    rows.sort(key=lambda r: (r["indicator_id"], *(r[k] for k in KEYS), r["period"]))
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(table), rows[start : start + CHUNK])
    record_domains(connection, release_id, seen, positions)
    return len(rows)


def record_domains(
    connection: Connection,
    release_id: str,
    seen: Mapping[tuple[str, str], set[str]],
    positions: Mapping[tuple[str, str], int],
) -> None:
    """Add codes to the domains of a release: ``(indicator, dimension) → codes`` seen, each
    dimension at its ``position`` in the key (0: the period, 1: ``k1``, …)."""
    table = Base.metadata.tables["observation_domain"]
    for (indicator_id, dimension), codes in seen.items():
        match = (
            (table.c.release_id == release_id)
            & (table.c.indicator_id == indicator_id)
            & (table.c.dimension == dimension)
        )
        known = connection.execute(select(table.c.codes).where(match)).scalar()
        merged = sorted(set(known or ()) | codes)
        if known is None:
            connection.execute(
                insert(table).values(
                    release_id=release_id,
                    indicator_id=indicator_id,
                    dimension=dimension,
                    position=positions[(indicator_id, dimension)],
                    codes=merged,
                )
            )
        elif merged != sorted(known):
            connection.execute(update(table).where(match).values(codes=merged))


def key_orders(connection: Connection, release_id: str) -> dict[str, tuple[str, ...]]:
    """Each indicator's dimensions in the order of its key columns in this release."""
    table = Base.metadata.tables["observation_domain"]
    rows = connection.execute(
        select(table.c.indicator_id, table.c.dimension)
        .where(table.c.release_id == release_id, table.c.position > 0)
        .order_by(table.c.indicator_id, table.c.position)
    )
    orders: dict[str, list[str]] = {}
    for indicator_id, dimension in rows:
        orders.setdefault(indicator_id, []).append(dimension)
    return {indicator_id: tuple(dims) for indicator_id, dims in orders.items()}


def key_order(
    connection: Connection, release_id: str, indicator_id: str, catalog: Sequence[str]
) -> tuple[str, ...]:
    """An indicator's dimensions in the order of its key columns in this release.

    The order recorded when the release was written; ``catalog`` (the catalog's current
    order) for a release written without its domains.
    """
    table = Base.metadata.tables["observation_domain"]
    recorded = connection.execute(
        select(table.c.dimension)
        .where(
            table.c.release_id == release_id,
            table.c.indicator_id == indicator_id,
            table.c.position > 0,
        )
        .order_by(table.c.position)
    ).scalars()
    return tuple(recorded) or tuple(catalog)


def read_domains(connection: Connection, release_id: str, indicator_id: str) -> dict[str, set[str]]:
    """The codes each dimension (and ``period``) of an indicator takes in a release.

    Empty when the release's domains were never recorded (a store written otherwise).
    """
    table = Base.metadata.tables["observation_domain"]
    rows = connection.execute(
        select(table.c.dimension, table.c.codes).where(
            table.c.release_id == release_id, table.c.indicator_id == indicator_id
        )
    )
    return {dimension: set(codes) for dimension, codes in rows}


@lru_cache(maxsize=1024)
def _sql(dialect: str, used: int, lists: tuple[int | None, ...], periods: int | None) -> str:
    """The SELECT of cells for one shape of selection, in the driver's own parameter style.

    ``lists`` gives, for each of the ``used`` key columns, the length of its ``IN`` list
    (``None``: no condition); ``periods`` the same for the period. On SQLite the unused key
    columns are pinned to ``''`` so that the index is followed down to the period.
    PostgreSQL gets one array parameter per list (``= ANY(%s)``), SQLite one ``?`` per code.
    """
    columns = ", ".join((*KEYS[:used], "period", "value", "status", "conf", "footnote_id"))
    mark = "%s" if dialect == "postgresql" else "?"

    def member(column: str, size: int) -> str:
        if dialect == "postgresql":
            return f"{column} = ANY({mark})"
        return f"{column} IN ({', '.join([mark] * size)})"

    where = [f"release_id = {mark}", f"indicator_id = {mark}"]
    where += [member(KEYS[n], size) for n, size in enumerate(lists) if size is not None]
    if dialect != "postgresql":
        # SQLite follows the index only through columns with a condition: pinning the unused
        # ones lets it seek down to the period. PostgreSQL's planner, given the same pins,
        # chose to scan the whole indicator on them (162 ms instead of 77 for 20,520 cells).
        where += [f"{key} = ''" for key in KEYS[used:]]
    if periods is not None:
        where.append(member("period", periods))
    return f"SELECT {columns}, sort_order FROM observation WHERE {' AND '.join(where)}"  # noqa: S608


#: What one index seek costs, in rows read past during a scan (measured on SQLite at 20
#: years × rayon detail: about 3 µs a seek against 0.075 µs a row skipped; see
#: docs/PERFORMANCE.md, "How a selection reads the index").
SEEK_COST = 40


def plan(selected: Sequence[int], present: Sequence[int]) -> int:
    """Up to which key column a selection should seek; the rest of the key is scanned.

    ``selected[i]`` codes are asked of key column ``i`` (the period last), which takes
    ``present[i]`` codes in the indicator. Seeking with ``IN`` on every column costs one
    seek per selected cell: best for few cells. Leaving a fully selected column out stops
    the seeks there and scans what lies below each seek instead: best when the selection
    is most of that part of the indicator. The cost of stopping at column ``p`` is
    ``SEEK_COST × seeks + rows read``, with ``seeks = ∏ selected[:p]`` and ``rows read =
    seeks × ∏ present[p:]``; only a fully selected column can be left out. Returns ``p``
    (``len(selected)``: seek on every column).
    """
    best, best_cost = len(selected), float("inf")
    seeks = 1.0
    for p in range(len(selected) + 1):
        if p == len(selected) or selected[p] >= present[p]:
            below = math.prod(present[p:]) if p < len(selected) else 1
            cost = SEEK_COST * seeks + seeks * below
            if cost < best_cost:
                best, best_cost = p, cost
        if p < len(selected):
            seeks *= max(selected[p], 1)
    return best


def select_cells(
    connection: Connection,
    release_id: str,
    indicator_id: str,
    dimensions: Sequence[str],
    periods: Collection[str] | None = None,
    where: Mapping[str, Collection[str]] | None = None,
    ordered: bool = True,
    present: Mapping[str, int] | None = None,
) -> list[tuple[Any, ...]]:
    """The cells of a selection as driver tuples, in the release's order.

    Each tuple is ``(code of each dimension…, period, value, status, conf, footnote_id,
    sort_order)``; ``status`` and ``conf`` are the published one-letter codes. ``periods``
    and ``where`` (dimension → codes) restrict the answer; ``None`` (or a dimension not
    named) keeps all. ``ordered=False`` leaves the rows in key order (for dense answers,
    whose order is the cube's own). Runs on the driver's own cursor: at tens of thousands
    of cells, SQLAlchemy's row objects cost more than the index read itself.

    ``present`` (how many codes each dimension and ``period`` take in the indicator) lets
    :func:`plan` choose how far to seek when ``where`` and ``periods`` name every code
    wanted of every dimension; without it, only the dimensions named are constrained.
    """
    where = where or {}
    lists = [sorted(set(where[d])) if d in where else None for d in dimensions]
    chosen = sorted(set(periods)) if periods is not None else None
    if any(codes == [] for codes in lists) or chosen == []:
        return []
    if present is not None and chosen is not None and all(c is not None for c in lists):
        columns = [*lists, chosen]
        sizes = [present.get(d, 0) for d in (*dimensions, "period")]
        stop = plan([len(c) for c in columns if c is not None], sizes)
        # Below the stop, a fully selected column is left out (scanned), others filtered.
        lists = [
            codes if n < stop or codes is None or len(codes) < sizes[n] else None
            for n, codes in enumerate(lists)
        ]
        if stop < len(dimensions) + 1 and len(chosen) >= sizes[-1]:
            chosen = None
    dialect = connection.dialect.name
    sql = _sql(
        dialect,
        len(dimensions),
        tuple(None if codes is None else len(codes) for codes in lists),
        None if chosen is None else len(chosen),
    )
    params: list[Any] = [release_id, indicator_id]
    for codes in (*lists, chosen):
        if codes is not None:
            if dialect == "postgresql":
                params.append(codes)
            else:
                params.extend(codes)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params)
        rows = cast(list[tuple[Any, ...]], cursor.fetchall())
    finally:
        cursor.close()
    if ordered:
        rows.sort(key=itemgetter(-1))
    return rows
