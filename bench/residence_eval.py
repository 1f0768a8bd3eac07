"""Accuracy of the residence classification against the synthetic truth (tests and bench).

The truth is the 12/16-month rule applied to the *true* histories: every crossing of the
whole simulation (three years before the file starts to two after it ends), keyed by the
true person, with each person's true residence at the simulation's start. What the
classifier sees is the file's crossings keyed by passport: cut at the file's ends, broken
where a passport changes, and — without a population base — started from citizenship.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from indicators import residence
from synth.travel import Travel, base_table, crossings_table


@dataclass
class Accuracy:
    crossings: int  # final crossings compared (window closed within the file)
    correct: float  # share classified as the truth has them (emigrant, immigrant, neither)
    emigrants_true: int
    emigrants_found: int
    immigrants_true: int
    immigrants_found: int


def truth_events(con: duckdb.DuckDBPyConnection, travel: Travel, rule: residence.Rule) -> None:
    """``truth(row_id, event, before)``: the rule on the true histories."""
    con.register("truth_src", crossings_table(travel, true_person=True))
    con.register("truth_base", base_table(travel))
    table = con.sql(
        "SELECT person_key, (crossing_date - DATE '1970-01-01')::INTEGER AS d, "
        "direction::VARCHAR = 'EXIT' AS x, row_id FROM truth_src "
        "ORDER BY person_key, d, x DESC"
    ).to_arrow_table()
    p = table.column("person_key").to_numpy()
    resident = base_table(travel).column("resident").to_numpy(zero_copy_only=False)
    initial = np.where(resident[p - travel.first_id], 1, -1).astype(np.int8)
    out = residence.steps(
        p,
        table.column("d").to_numpy(),
        table.column("x").to_numpy(zero_copy_only=False),
        initial,
        int(travel.day.max()),
        rule,
    )
    truth = pa.table(
        {"row_id": table.column("row_id"), "event": out["event"], "before": out["before"]}
    )
    con.register("truth_rows", truth)
    con.execute("CREATE OR REPLACE TEMP TABLE truth AS SELECT * FROM truth_rows")
    con.unregister("truth_rows")


def census(con: duckdb.DuckDBPyConnection, observed: str, linked_changes: bool) -> None:
    """``census(person_key, resident)``: who was resident when the file starts, as a
    population base that knows each person by passport would say. Without
    ``linked_changes`` it knows only the passport a person had first."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE census AS
        SELECT o.person_key, arg_min(t.before, o.crossing_date) = 1 AS resident
        FROM {observed} o JOIN truth t USING (row_id)
        {"" if linked_changes else "WHERE o.person_key < (1::BIGINT << 40)"}
        GROUP BY 1
    """)  # noqa: S608


def accuracy(
    con: duckdb.DuckDBPyConnection,
    travel: Travel,
    first: int,
    last: int,
    rule: residence.Rule,
    base: str | None,
    links: str | None = None,
    observed: str = "observed",
    until: int | None = None,
) -> Accuracy:
    """Compare the classification of the file's crossings with the truth, crossing by
    crossing, over the crossings whose window closed within the file (and, with ``until``,
    dated up to that day: the first year alone, say)."""
    key = "coalesce(l.new_key, o.person_key)" if links else "o.person_key"
    rows = con.sql(f"""
        SELECT {key} AS p,
               (o.crossing_date - DATE '1970-01-01')::INTEGER AS d,
               o.direction::VARCHAR = 'EXIT' AS x, o.citizenship::VARCHAR AS citizenship,
               o.row_id, {"b.resident" if base else "NULL::BOOLEAN"} AS resident
        FROM {observed} o
        {f"LEFT JOIN {links} l ON o.person_key = l.old_key" if links else ""}
        {f"LEFT JOIN {base} b ON b.person_key = {key}" if base else ""}
    """).to_arrow_table()  # noqa: S608
    order = np.lexsort(
        (
            ~rows.column("x").to_numpy(zero_copy_only=False),
            rows.column("d").to_numpy(),
            rows.column("p").to_numpy(),
        )
    )
    rows = rows.take(pa.array(order))
    p = rows.column("p").to_numpy()
    x = rows.column("x").to_numpy(zero_copy_only=False)
    citizen = np.array([c == "417" for c in rows.column("citizenship").to_pylist()])
    first_of = np.ones(p.size, bool)
    first_of[1:] = p[1:] != p[:-1]
    start = np.maximum.accumulate(np.where(first_of, np.arange(p.size), 0))
    resident = rows.column("resident")
    known = resident.is_valid().to_numpy(zero_copy_only=False)
    said = resident.fill_null(False).to_numpy(zero_copy_only=False)
    initial = np.where(known, np.where(said, 1, -1), np.where(citizen[start], 2, -2))
    out = residence.steps(
        p, rows.column("d").to_numpy(), x, initial.astype(np.int8), last, rule, first
    )
    found = pa.table({"row_id": rows.column("row_id"), "event": out["event"],
                      "d": rows.column("d")})  # fmt: skip
    con.register("found", found)
    result = con.execute(f"""
        SELECT count(*), avg((f.event = t.event)::INTEGER),
               sum((t.event = 1)::INTEGER), sum((f.event = 1)::INTEGER),
               sum((t.event = 2)::INTEGER), sum((f.event = 2)::INTEGER)
        FROM found f JOIN truth t USING (row_id)
        WHERE f.d + {rule.window} <= {last} AND f.d <= {last if until is None else until}
    """).fetchall()[0]  # noqa: S608
    con.unregister("found")
    return Accuracy(int(result[0]), float(result[1]), *(int(v) for v in result[2:]))


def passport_links(con: duckdb.DuckDBPyConnection) -> None:
    """``links(old_key, new_key)``: a register that knows both passports of a person (the
    synthetic new number is the person's id + 2**40) joins the new one to the old."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE links AS
        SELECT DISTINCT person_key AS old_key, person_key - (1::BIGINT << 40) AS new_key
        FROM observed WHERE person_key >= (1::BIGINT << 40)
    """)


def observe(con: duckdb.DuckDBPyConnection, travel: Travel, first: int, last: int) -> Any:
    """Register the file's view of the histories as ``observed``."""
    table = crossings_table(travel, travel.window(first, last))
    con.register("observed", table)
    return table


def register_base(
    con: duckdb.DuckDBPyConnection,
    travel: Travel,
    first: int,
    last: int,
    folder: Path,
    seed: int = 2026,
) -> tuple[str, str, str]:
    """The population base *as ingested*: the synthetic AIS ASB extract of ``travel``'s
    persons (:func:`synth.files.write_population_base`, with its defects) read by the
    loader's own reader (:class:`ingest.sources.asb_base.ExtractFile`) into a delivery
    file, turned into ``links`` and ``base`` by the release's own
    :func:`indicators.residence.population_base`; and the file's crossings keyed by the
    HMAC of their passport numbers, as the border loader keys them (``observed_keyed``).
    Returns the names of the three relations (links, base, crossings)."""
    import pyarrow.parquet as pq

    from ingest.pseudonymise import Pseudonymiser
    from ingest.sources.asb_base import ExtractFile
    from synth.files import REGISTER_HEADER, Defects, Manifest, write_population_base
    from synth.travel import passport_numbers

    manifest = Manifest(folder / "asb_base.csv", 0, 0, "utf-8")
    with manifest.path.open("wb") as out:
        out.write((";".join(REGISTER_HEADER) + "\n").encode())
        rng = np.random.default_rng(seed + 7919)
        write_population_base(out, travel, first, rng, Defects(), manifest)
    pseudonymiser = Pseudonymiser("residence-eval")
    reader = ExtractFile(manifest.path, pseudonymiser)
    for _ in reader.blocks():
        pass
    pq.write_table(reader.rows(), folder / "asb_base.parquet")
    links, base = residence.population_base(con, [folder / "asb_base.parquet"])
    table = crossings_table(travel, travel.window(first, last))
    passports, index = np.unique(table.column("person_key").to_numpy(), return_inverse=True)
    keys = pseudonymiser.person_keys("passport", passport_numbers(passports).tolist())
    keyed = table.set_column(0, "person_key", pa.array(keys[index], pa.int64()))
    con.register("observed_keyed", keyed)
    return links, base, "observed_keyed"
