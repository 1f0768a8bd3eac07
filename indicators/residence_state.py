"""What a classification keeps so that a new month of crossings merges into it.

:func:`indicators.residence.classify` over five years takes minutes; a month of new
crossings changes little of it. With ``state=True`` it also keeps, per horizon, the
*state* below; :func:`advance` then gives, for deliveries holding the previous ones plus
crossings after the last day they covered, the same ``events``, ``candidates``,
``training``, ``movers`` and ``starts`` as a full run over everything (counts equal after
summing equal keys: :func:`totals`; a test checks on a synthetic world).

What can change when the crossings held grow from day ``e0`` to ``e1`` (all new ones after
``e0``), and so what is kept:

- A crossing whose rule is *decided* (``lt`` −1, 0 or 1: 12 months reached, or out of
  reach) stays decided whatever comes later: the days up to ``e0`` do not change. Its
  event, and the residence it gives the crossings after it, are final. A crossing still
  *open* (``lt`` 9) may be decided by the new crossings or by the passage of time alone,
  and when it is a resident's departure or a non-resident's arrival (a *candidate*), its
  decision changes the residence, hence the events, of everything after it.
- So each person keeps a **suffix** of crossings: from the first candidate, or from the
  last crossing held (whose stay is still growing and which a new crossing follows), or
  from the first crossing while it is open and the residence at the start is inferred from
  it. With the suffix: the residence before it (``code``; ±2 when the suffix is the
  whole history and the start is still to be inferred, :func:`residence.infer_start`),
  and the backward-looking outputs of :func:`residence.steps` (:data:`BACKWARD`), which
  the crossings before the suffix determine. Each run re-applies the rule to every
  suffix, with the new crossings appended — for *every* person, since time alone decides
  open windows.
- The crossings before a suffix are final: their counts go to the ``*_frozen`` tables.
  The training count of a decided crossing whose window is still open (a resident's
  departure, a non-resident's arrival) is known already but counts only once the window
  closes: it waits in ``training_frozen_due`` with that day (``due``) and joins the
  frozen training counts when a run's last day reaches it — the windows closing within
  the new month are added for everyone this way, without reading their crossings.
- **Context**: the crossings of the last :data:`LOOKBACK` days that are not in a suffix,
  read only for the persons with new crossings (the new crossings' ``earlier`` counts the
  year before them).

The tables of a run are the frozen counts plus the counts of the suffixes at the new last
day. The held-back horizon (``held_back``, one window earlier) is a state of its own,
whose new crossings are the ones of the month one window back (read from all deliveries).
Not handled here, so the caller recomputes fully (:func:`run`): a crossing dated on or
before the state's last day in the new deliveries (a late record), a delivery of the state
that no longer counts (a correction or resubmission), a changed population base, passport
links (named by the caller's ``extra``) or rule.

What this relies on in :mod:`indicators.residence`: the outputs of ``steps`` that the
counts read are either re-computed with the suffix (anything depending on later crossings
or on the last day held) or look back at most :data:`LOOKBACK` days and are listed in
:data:`BACKWARD`; a crossing's training features do not depend on the run's last day once
it is decided, except through its stay (a decided crossing that is not the last has a
fixed stay). A new backward-looking feature must be added to :data:`BACKWARD`.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from indicators import residence
from indicators.residence import Outcome, Rule

LOOKBACK = 365  # days: how far back a backward-looking output of steps looks
# Outputs of steps that only earlier crossings determine, kept with the suffixes; ``moved``
# (the day of the person's last move before the crossing) is one only for the moves before
# the suffix: a move within it may be decided later (see _advance_bucket).
BACKWARD = ("earlier", "gap", "moved")
COUNTS = ("n", "yes")  # the count columns of the tables (summed when merging)


def _kept(horizon: int, next_: bool = False) -> tuple[str, str]:
    """The tables of a horizon's kept crossings: the suffixes, and the context."""
    tail = "_next" if next_ else ""
    return f"state_suffix_{horizon}{tail}", f"state_context_{horizon}{tail}"


def _create_kept(con: duckdb.DuckDBPyConnection, names: Sequence[str], like: str) -> None:
    """Empty tables ``names`` for the crossings of the view ``like`` and what is kept."""
    backward = "".join(f", NULL::BIGINT AS {name}" for name in BACKWARD)
    for name in names:
        con.execute(f"""
            CREATE OR REPLACE TABLE {name} AS
            SELECT *, NULL::BOOLEAN AS resident, NULL::TINYINT AS code, NULL::BOOLEAN AS suffix,
                   NULL::BOOLEAN AS whole{backward}
            FROM {like} LIMIT 0
        """)  # noqa: S608


def _tables() -> dict[str, str]:
    return residence._TABLES


def begin(con: duckdb.DuckDBPyConnection, rule: Rule, first_day: int, ends: Sequence[int]) -> None:
    """Empty state tables for a full run to day ``ends[0]`` (``ends[1]``: held back)."""
    for name, columns in _tables().items():
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name}_frozen ({columns})")
    head, rest = _tables()["training"].split(",", 1)
    con.execute(f"CREATE OR REPLACE TEMP TABLE training_frozen_due ({head}, due INTEGER,{rest})")
    for horizon in range(len(ends)):
        _create_kept(con, _kept(horizon), "linked")
    meta = {
        "window_months": rule.window_months,
        "threshold_months": rule.threshold_months,
        "first_day": first_day,
        "ends": list(ends),
    }
    con.execute("CREATE OR REPLACE TEMP TABLE state_meta (meta VARCHAR)")
    con.execute("INSERT INTO state_meta VALUES (?)", [json.dumps(meta)])


def meta(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """The state's rule, first day held and last day per horizon."""
    row = _one(con, "SELECT meta FROM state_meta")
    if row is None:
        raise LookupError("no residence state")
    value: dict[str, object] = json.loads(str(row[0]))
    return value


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[object, ...] | None:
    """The first row of a query, the result read to its end."""
    rows = con.execute(sql).fetchall()
    return rows[0] if rows else None


def keep(
    con: duckdb.DuckDBPyConnection,
    arrow: pa.Table,
    out: dict[str, np.ndarray],
    initial: np.ndarray,
    end: int,
    rule: Rule,
    horizon: int,
) -> None:
    """The state of a full run's bucket (every crossing of its persons, in order): the
    counts of the final crossings go to the frozen tables, those of the suffixes to the
    tables (:func:`finish` adds the frozen ones)."""
    n = arrow.num_rows
    everything = np.ones(n, bool)
    _split(con, arrow, out, initial, everything, everything, end, rule, horizon, main=True,
           starts=False)  # fmt: skip


def finish(con: duckdb.DuckDBPyConnection) -> None:
    """A full run's tables: the suffixes' counts plus the frozen ones (the starts are the
    full run's own)."""
    for name in _tables():
        if name != "starts":
            con.execute(f"INSERT INTO {name} SELECT * FROM {name}_frozen")  # noqa: S608


def _groups(p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    first = np.ones(p.size, dtype=bool)
    first[1:] = p[1:] != p[:-1]
    last = np.ones(p.size, dtype=bool)
    last[:-1] = first[1:]
    return first, last, np.cumsum(first) - 1


def _split(
    con: duckdb.DuckDBPyConnection,
    arrow: pa.Table,
    out: dict[str, np.ndarray],
    code: np.ndarray,
    whole: np.ndarray,
    emitted: np.ndarray,
    end: int,
    rule: Rule,
    horizon: int,
    main: bool = False,
    into: tuple[str, str] | None = None,
    starts: bool = True,
) -> None:
    """Split the crossings (sorted by person) into final ones, whose counts go to the frozen
    tables, and the suffixes kept; with ``main``, the suffixes' counts go to the tables.

    ``code``: per crossing, its person's residence before the first crossing given (±1,
    or ±2 to infer); ``whole``: per crossing, whether its person's first crossing ever is
    the first given; ``emitted``: not a context crossing (already counted)."""
    p = arrow.column("p").to_numpy()
    d = arrow.column("d").to_numpy()
    n = p.size
    first, last, group = _groups(p)
    index = np.arange(n)
    lt, event = out["lt"], out["event"]
    # Also the crossing before the last while its window is open: the stay after its
    # return (``after``, ``again``, a model feature) is still growing.
    before_last = np.zeros(n, dtype=bool)
    before_last[:-1] = last[1:] & ~last[:-1]
    growing = before_last & (d.astype(np.int64) + rule.window > end)
    mark = emitted & (
        (event >= 3) | last | growing | (whole & first & (np.abs(code) == 2) & (lt == 9))
    )
    starts_at = np.minimum.reduceat(np.where(mark, index, n), np.flatnonzero(first))
    start = starts_at[group]
    staying = index >= start
    leaving = emitted & ~staying
    if leaving.any():
        rows, part = arrow.filter(pa.array(leaving)), {k: v[leaving] for k, v in out.items()}
        residence.emit(con, rows, part, end, rule, horizon, into="_frozen")
        residence.emit(con, rows, part, end, rule, horizon, into="_frozen", due=True)
    if main and staying.any():
        residence.emit(
            con,
            arrow.filter(pa.array(staying)),
            {k: v[staying] for k, v in out.items()},
            end,
            rule,
            horizon,
        )
    whole_first = whole & first
    if horizon == 0:  # each person's residence at the start: final once its crossing left
        for rows, table in (
            (whole_first & leaving, "starts_frozen"),
            (whole_first & staying, "starts"),
        ):
            if table == "starts" and not (main and starts):
                continue
            if rows.any():
                con.register(
                    "state_starts", pa.table({"p": p[rows], "resident": out["initial"][rows] == 1})
                )
                con.execute(f"INSERT INTO {table} SELECT p, resident FROM state_starts")  # noqa: S608
                con.unregister("state_starts")
    # The residence before each suffix, and whether it is still the whole history.
    still_whole = (whole_first & staying)[np.flatnonzero(first)][group]
    new_code = np.where(still_whole, code, out["before"][np.minimum(start, n - 1)])
    context = ~staying & (d > end - LOOKBACK)
    kept = staying | context
    if not kept.any():
        return
    table = arrow.select(["p", "d", "x", *_attributes(arrow)]).filter(pa.array(kept))
    table = table.append_column("code", pa.array(np.where(staying, new_code, 0)[kept], pa.int8()))
    table = table.append_column("suffix", pa.array(staying[kept]))
    table = table.append_column("whole", pa.array(still_whole[kept]))
    for name in BACKWARD:
        table = table.append_column(name, pa.array(out[name][kept].astype(np.int64)))
    suffixes, contexts = into or _kept(horizon)
    for name, rows_of in ((suffixes, staying[kept]), (contexts, ~staying[kept])):
        part = table.filter(pa.array(rows_of))
        if part.num_rows:
            con.register("state_part", part)
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM state_part")  # noqa: S608
            con.unregister("state_part")


def _attributes(arrow: pa.Table) -> list[str]:
    """The crossing's own columns beyond person, day and exit (and ``resident``)."""
    done = {"p", "d", "x", "code", "suffix", "whole", "old", *BACKWARD}
    return [name for name in arrow.column_names if name not in done]


def advance(
    con: duckdb.DuckDBPyConnection,
    source: str,
    new: str,
    end: int,
    base: str | None = None,
    links: str | None = None,
    rows_per_bucket: int = residence.ROWS_PER_BUCKET,
) -> Outcome:
    """Continue the state in ``con`` to day ``end`` with the crossings of ``new`` (the new
    deliveries), leaving in ``con`` the tables a full run of ``source`` (all deliveries,
    the previous ones and ``new``) would give; the state is advanced with them.

    Raises ``ValueError`` when ``new`` holds a crossing on or before the state's last day
    (recompute fully). ``base`` and ``links`` must be the ones the state was made with."""
    info = meta(con)
    rule = Rule(int(info["window_months"]), int(info["threshold_months"]))  # type: ignore[call-overload]
    first_day = int(info["first_day"])  # type: ignore[call-overload]
    old_ends = [int(e) for e in info["ends"]]  # type: ignore[attr-defined]
    residence.linked_view(con, new, old_ends[0], links, name="late")
    late = _one(con, "SELECT count(*) FROM late")
    if late and late[0]:
        raise ValueError(f"{late[0]} new crossings on or before the state's last day")
    for name, columns in _tables().items():
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({columns})")
    rows = 0
    ends = [end - horizon * rule.window for horizon in range(len(old_ends))]
    for horizon, (e0, e1) in enumerate(zip(old_ends, ends, strict=True)):
        rows += _advance_horizon(con, source if horizon else new, horizon, e0, e1, rule,
                                 first_day, base, links, rows_per_bucket)  # fmt: skip
    for name in _tables():
        con.execute(f"INSERT INTO {name} SELECT * FROM {name}_frozen")  # noqa: S608
        compact(con, f"{name}_frozen")
    compact(con, "training_frozen_due")
    info["ends"] = ends
    con.execute("UPDATE state_meta SET meta = ?", [json.dumps(info)])
    return Outcome(end, rule, rows)


def _advance_horizon(
    con: duckdb.DuckDBPyConnection,
    source: str,
    horizon: int,
    e0: int,
    e1: int,
    rule: Rule,
    first_day: int,
    base: str | None,
    links: str | None,
    rows_per_bucket: int,
) -> int:
    """One horizon from day ``e0`` to ``e1``: the crossings of ``source`` between."""
    residence.linked_view(con, source, e1, links, name="fresh", after=e0)
    join = f"LEFT JOIN {base} b ON b.person_key = f.p" if base else ""
    resident = "b.resident" if base else "NULL::BOOLEAN"
    con.execute(f"""
        CREATE OR REPLACE TABLE fresh_rows AS
        SELECT f.*, {resident} AS resident FROM fresh f {join}
    """)  # noqa: S608
    con.execute("CREATE OR REPLACE TABLE fresh_persons AS SELECT DISTINCT p FROM fresh_rows")
    # The windows closing by ``e1`` of decided crossings: their training counts are final.
    columns = [c[0] for c in con.execute("DESCRIBE training_frozen").fetchall()]
    rest = ", ".join(columns[1:])
    con.execute(f"""
        INSERT INTO training_frozen SELECT horizon, {rest} FROM training_frozen_due
        WHERE horizon = {horizon} AND due <= {e1}
    """)  # noqa: S608
    con.execute(f"DELETE FROM training_frozen_due WHERE horizon = {horizon} AND due <= {e1}")  # noqa: S608
    # The input: every suffix, and the context of the persons with new crossings; the
    # crossings kept from here go to new tables (``_next``), replacing the suffixes and
    # adding to what stays of the context (less what grew too old, and the input).
    suffixes, contexts = _kept(horizon)
    _create_kept(con, _kept(horizon, next_=True), "fresh")
    con.execute(f"""
        CREATE OR REPLACE VIEW state_input AS
        SELECT * FROM {suffixes}
        UNION ALL BY NAME
        SELECT * FROM {contexts} s
        WHERE s.d > {e0 - LOOKBACK} AND s.p IN (SELECT p FROM fresh_persons)
    """)  # noqa: S608
    count = _one(
        con, "SELECT (SELECT count(*) FROM state_input) + (SELECT count(*) FROM fresh_rows)"
    )
    total = int(count[0]) if count else 0  # type: ignore[call-overload]
    buckets = max(1, -(-total // rows_per_bucket))

    def fetch(cursor: duckdb.DuckDBPyConnection, bucket: int) -> pa.Table:
        return cursor.sql(f"""
            SELECT *, TRUE AS old FROM state_input WHERE hash(p) % {buckets} = {bucket}
            UNION ALL BY NAME
            SELECT *, FALSE AS old FROM fresh_rows WHERE hash(p) % {buckets} = {bucket}
            ORDER BY p, d, x DESC
        """).to_arrow_table()  # noqa: S608

    # As in classify: DuckDB reads and sorts the next bucket while numpy works on this one.
    cursor = con.cursor()
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(fetch, cursor, 0)
        for bucket in range(buckets):
            arrow = pending.result()
            if bucket + 1 < buckets:
                pending = pool.submit(fetch, cursor, bucket + 1)
            if arrow.num_rows:
                _advance_bucket(con, arrow, horizon, e1, rule, first_day)
            del arrow
    cursor.close()
    con.execute("DROP VIEW state_input")
    con.execute(f"""
        DELETE FROM {contexts} s
        WHERE s.d <= {e1 - LOOKBACK} OR s.p IN (SELECT p FROM fresh_persons)
    """)  # noqa: S608
    con.execute(f"INSERT INTO {contexts} SELECT * FROM {contexts}_next")  # noqa: S608
    con.execute(f"DROP TABLE {contexts}_next")
    con.execute(f"DROP TABLE {suffixes}")
    con.execute(f"ALTER TABLE {suffixes}_next RENAME TO {suffixes}")
    for name in ("fresh_rows", "fresh_persons"):
        con.execute(f"DROP TABLE {name}")
    return total


def _advance_bucket(
    con: duckdb.DuckDBPyConnection, arrow: pa.Table, horizon: int, end: int, rule: Rule,
    first_day: int,
) -> None:  # fmt: skip
    p = arrow.column("p").to_numpy()
    d = arrow.column("d").to_numpy()
    x = arrow.column("x").to_numpy(zero_copy_only=False)
    old = arrow.column("old").to_numpy(zero_copy_only=False)
    suffix = arrow.column("suffix").fill_null(False).to_numpy(zero_copy_only=False)
    first, _, group = _groups(p)
    starts = np.flatnonzero(first)
    # Per person: the code of its suffix, or (a new person) the start as a full run has it.
    held = np.maximum.reduceat(
        np.where(suffix, arrow.column("code").fill_null(0).to_numpy(), -128).astype(np.int16),
        starts,
    )[group]
    said = suffix & arrow.column("whole").fill_null(False).to_numpy(zero_copy_only=False)
    whole = (held == -128) | np.maximum.reduceat(said, starts)[group]
    fresh = residence.initial_residence(arrow, p)
    code = np.where(held == -128, fresh, held).astype(np.int8)
    out = residence.steps(p, d, x, code, end, rule, first_day)
    for name in BACKWARD:
        stored = arrow.column(name).fill_null(0).to_numpy()
        out[name] = np.where(old, stored, out[name])
    emitted = ~old | suffix
    _moved(out, p, d, emitted, old & suffix, starts, group, rule)
    rows = arrow.drop_columns(["old", "code", "suffix", "whole", *BACKWARD])
    into = _kept(horizon, next_=True)
    _split(con, rows, out, code, whole, emitted, end, rule, horizon, main=True, into=into)


def _moved(
    out: dict[str, np.ndarray], p: np.ndarray, d: np.ndarray, emitted: np.ndarray,
    kept: np.ndarray, starts: np.ndarray, group: np.ndarray, rule: Rule,
) -> None:  # fmt: skip
    """``moved`` and ``settled`` of a bucket continued from the state: the person's last
    move among the crossings counted here (the suffix and the new ones: a move of the
    suffix may have been decided only now), else the one before the suffix, which its
    first crossing kept (final: everything before a suffix is decided). The context's
    crossings do not count: their residence is not known here."""
    n = p.size
    index = np.arange(n)
    moves = np.maximum.accumulate(
        np.where(emitted & ((out["event"] == 1) | (out["event"] == 2)), index, -1)
    )
    previous = np.empty(n, dtype=moves.dtype)
    previous[0], previous[1:] = -1, moves[:-1]
    group_start = starts[group]
    # Per person: what the first kept suffix crossing holds of the moves before the suffix.
    first_kept = np.minimum.reduceat(np.where(kept, index, n), starts)[group]
    before_suffix = np.where(
        first_kept < n, out["moved"][np.minimum(first_kept, n - 1)], residence.NO_MOVE
    )
    here = previous >= group_start
    fresh_person = first_kept == n  # no suffix kept: the whole history is given, as computed
    moved = np.where(
        here, d[np.maximum(previous, 0)], np.where(fresh_person, out["moved"], before_suffix)
    ).astype(np.int32)
    out["moved"] = moved
    out["settled"] = residence.settled_since(moved, d, rule.threshold)


def compact(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Sum the counts of equal keys of table ``name`` (tables with counts only)."""
    columns = [c[0] for c in con.execute(f"DESCRIBE {name}").fetchall()]
    counts = [c for c in columns if c in COUNTS]
    if not counts:
        return
    keys = ", ".join(c for c in columns if c not in COUNTS)
    sums = ", ".join(f"sum({c})::BIGINT AS {c}" for c in counts)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {name}_compact AS
        SELECT {keys}, {sums} FROM {name} GROUP BY ALL
    """)  # noqa: S608
    con.execute(f"DELETE FROM {name}")  # noqa: S608
    con.execute(f"INSERT INTO {name} SELECT {', '.join(columns)} FROM {name}_compact")  # noqa: S608
    con.execute(f"DROP TABLE {name}_compact")


def totals(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[object, ...]]:
    """The rows of table ``name`` with equal keys summed, sorted: what two runs compare."""
    columns = [c[0] for c in con.execute(f"DESCRIBE {name}").fetchall()]
    counts = [c for c in columns if c in COUNTS]
    keys = [c for c in columns if c not in COUNTS]
    sums = "".join(f", sum({c})::BIGINT" for c in counts)
    rows = con.execute(
        f"SELECT {', '.join(keys)}{sums} FROM {name} GROUP BY ALL"  # noqa: S608
    ).fetchall()
    return sorted(rows, key=repr)


# -- persisted: Parquet files under the microdata directory ---------------------------------


def save(
    con: duckdb.DuckDBPyConnection, folder: Path, deliveries: Sequence[Path], extra: str = ""
) -> None:
    """Write the state to ``folder`` (replacing one there), with the deliveries it covers."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"{t}_frozen" for t in _tables()] + ["training_frozen_due"]
    names += [name for h in range(len(meta(con)["ends"])) for name in _kept(h)]  # type: ignore[arg-type]
    for name in names:
        target = folder / f"{name}.parquet"
        con.execute(f"COPY {name} TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
    info = meta(con) | {
        "deliveries": sorted(p.name for p in deliveries),
        "extra": extra,
    }
    (folder / "meta.json").write_text(json.dumps(info, indent=1), encoding="utf-8")


def load(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, object] | None:
    """Read a state written by :func:`save` into ``con``; its meta (``None``: none there)."""
    path = folder / "meta.json"
    if not path.is_file():
        return None
    info: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    names = [f"{t}_frozen" for t in _tables()] + ["training_frozen_due"]
    names += [name for h in range(len(info["ends"])) for name in _kept(h)]  # type: ignore[arg-type]
    for name in names:
        source = folder / f"{name}.parquet"
        # Not temporary: the kept crossings are read on a second cursor (advance).
        con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM '{source}'")  # noqa: S608
    state = {k: v for k, v in info.items() if k not in ("deliveries", "extra")}
    con.execute("CREATE OR REPLACE TEMP TABLE state_meta (meta VARCHAR)")
    con.execute("INSERT INTO state_meta VALUES (?)", [json.dumps(state)])
    return info


def run(
    con: duckdb.DuckDBPyConnection,
    paths: Sequence[Path],
    end: int,
    rule: Rule,
    folder: Path,
    base: str | None = None,
    links: str | None = None,
    extra: str = "",
) -> Outcome:
    """The tables of the crossings in ``paths`` up to day ``end`` (held back too), from the
    state saved in ``folder`` when it covers some of these deliveries and nothing else (the
    others are new months), else by a full run; the state is saved again for the next one.

    ``extra`` names what else the tables depend on (the population base's and the links'
    versions): a state made with another is not used. A delivery of the state that no
    longer counts (corrected, resubmitted), a new crossing dated within the state's days,
    another rule: a full run."""
    source = residence.parquet_source(paths)
    info = load(con, folder)
    held = set(info["deliveries"]) if info else set()  # type: ignore[call-overload]
    names = {p.name for p in paths}
    new = [p for p in paths if p.name not in held]
    usable = (
        info is not None
        and held <= names
        and info.get("extra") == extra
        and info.get("window_months") == rule.window_months
        and info.get("threshold_months") == rule.threshold_months
        and len(info.get("ends", [])) == 2  # type: ignore[arg-type]
        and int(info["ends"][0]) <= end  # type: ignore[index]
    )
    outcome = None
    if usable:
        nothing = f"(SELECT * FROM {source} WHERE false)"  # noqa: S608
        fresh = residence.parquet_source(new) if new else nothing
        try:
            outcome = advance(con, source, fresh, end, base, links)
        except ValueError:  # a late crossing: recompute
            outcome = None
    if outcome is None:
        outcome = residence.classify(con, source, end, rule, base, links, held_back=True,
                                     state=True)  # fmt: skip
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    save(con, partial, paths, extra)
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return outcome
