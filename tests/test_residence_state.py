"""A new month merged into a previous run gives the tables of a full run over everything."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import NamedTuple

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from bench.residence_eval import observe
from indicators import residence, residence_state
from indicators.residence import Rule
from synth.travel import simulate

RULE = Rule()
TABLES = ("events", "candidates", "training", "movers", "starts", "rated")


class World(NamedTuple):
    crossings: pa.Table
    last: int


@pytest.fixture(scope="module")
def world() -> World:
    travel = simulate(60_000, date(2021, 1, 1), 3, seed=17)
    first = (date(2021, 1, 1) - date(1970, 1, 1)).days
    last = first + 3 * 365 - 1
    return World(observe(duckdb.connect(), travel, first, last), last)


def _upto(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table, lo: int, hi: int) -> None:
    day = pc.subtract(table.column("crossing_date").cast(pa.int32()), 0)
    con.register(name, table.filter(pc.and_(pc.greater(day, lo), pc.less_equal(day, hi))))


def _census(con: duckdb.DuckDBPyConnection, crossings: pa.Table) -> None:
    """A population base knowing half the persons (the others' start is inferred)."""
    con.register("observed", crossings)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE census AS
        SELECT DISTINCT person_key, citizenship::VARCHAR = '417' AS resident FROM observed
        WHERE person_key % 2 = 0
    """)


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    residence.estimate(con)
    return {name: residence_state.totals(con, name) for name in TABLES}


@pytest.mark.parametrize("base", [None, "census"])
def test_a_month_merged_equals_a_full_run(world: World, base: str | None) -> None:
    crossings, last = world
    months = (last - 60, last - 30, last)
    full = residence.connect()
    _upto(full, "all_src", crossings, -1, last)
    if base:
        _census(full, crossings)
    residence.classify(full, "all_src", last, RULE, base=base, held_back=True,
                       rows_per_bucket=30_000)  # fmt: skip
    expected = _tables(full)

    con = residence.connect()
    if base:
        _census(con, crossings)
    _upto(con, "all_src", crossings, -1, last)
    _upto(con, "old_src", crossings, -1, months[0])
    residence.classify(con, "old_src", months[0], RULE, base=base, held_back=True, state=True,
                       rows_per_bucket=30_000)  # fmt: skip
    before = _tables(con)
    plain = residence.connect()  # keeping the state changes nothing of a full run's tables
    _upto(plain, "old_src", crossings, -1, months[0])
    if base:
        _census(plain, crossings)
    residence.classify(plain, "old_src", months[0], RULE, base=base, held_back=True,
                       rows_per_bucket=30_000)  # fmt: skip
    assert _tables(plain) == before
    for e0, e1 in itertools.pairwise(months):
        _upto(con, "new_src", crossings, e0, e1)
        residence_state.advance(con, "all_src", "new_src", e1, base=base, rows_per_bucket=30_000)
    merged = _tables(con)
    assert len(expected["movers"]) > 1_000
    assert len(expected["training"]) > 1_000
    assert len(expected["rated"]) > 100
    # The month matters (the previous tables differ), and the merge gives the full run's.
    assert before["events"] != expected["events"]
    assert before["training"] != expected["training"]
    for name in TABLES:
        assert merged[name] == expected[name], name


def test_a_late_crossing_asks_for_a_full_run(world: World) -> None:
    crossings, last = world
    con = residence.connect()
    _upto(con, "old_src", crossings, -1, last - 30)
    residence.classify(con, "old_src", last - 30, RULE, state=True)
    _upto(con, "new_src", crossings, last - 40, last)
    with pytest.raises(ValueError, match="on or before"):
        residence_state.advance(con, "old_src", "new_src", last)


def test_a_saved_state_serves_the_next_month_and_a_correction_recomputes(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crossings, last = world
    day = crossings.column("crossing_date").cast(pa.int32())
    deliveries = []
    for name, lo, hi in (
        ("a", -1, last - 400),
        ("b", last - 400, last - 30),
        ("c", last - 30, last),
    ):
        path = tmp_path / f"{name}.parquet"
        pq.write_table(crossings.filter(pc.and_(pc.greater(day, lo), pc.less_equal(day, hi))), path)
        deliveries.append(path)
    folder = tmp_path / "state"
    full_runs: list[int] = []
    classify = residence.classify

    def counted(*args: object, **kwargs: object) -> residence.Outcome:
        full_runs.append(1)
        return classify(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(residence, "classify", counted)

    def run(paths: list[Path], end: int) -> dict[str, list[tuple[object, ...]]]:
        con = residence.connect()
        residence_state.run(con, paths, end, RULE, folder)
        return _tables(con)

    def full(paths: list[Path], end: int) -> dict[str, list[tuple[object, ...]]]:
        con = residence.connect()
        classify(con, residence.parquet_source(paths), end, RULE, held_back=True)
        return _tables(con)

    run(deliveries[:2], last - 30)
    assert (len(full_runs), (folder / "meta.json").is_file()) == (1, True)
    assert run(deliveries, last) == full(deliveries, last)
    assert len(full_runs) == 1  # the new month merged into the saved state
    assert run(deliveries, last) == full(deliveries, last)  # nothing new: the state again
    assert len(full_runs) == 1
    # A correction: delivery b replaced (fewer crossings): the state does not cover it.
    corrected = tmp_path / "b2.parquet"
    table = pq.read_table(deliveries[1])
    pq.write_table(table.slice(0, table.num_rows - 1000), corrected)
    paths = [deliveries[0], corrected, deliveries[2]]
    assert run(paths, last) == full(paths, last)
    assert len(full_runs) == 2
