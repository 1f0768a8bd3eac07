"""Long-term migration from linked border crossings: the 12/16-month usual-residence rule.

The rule (Stats NZ's, with the UN's 12-month recommendation as the threshold; both numbers
are settings, ``STATKG_RESIDENCE_WINDOW_MONTHS`` and ``STATKG_RESIDENCE_THRESHOLD_MONTHS``):

- a resident who, after a departure, spends at least 12 of the following 16 months abroad
  is a **long-term emigrant**, dated at the departure, and from then on not a resident;
- a non-resident who, after an arrival, is in the country at least 12 of the following 16
  months is a **long-term immigrant**, dated at the arrival, and from then on a resident.

Months are counted in days (12 months = 365 days, 16 months = 487 days). Residence at the
start comes from the population base when it can be linked (``base``: person key →
resident); without it, it is inferred from the first crossing held and, where that says
nothing, from citizenship (:func:`infer_start`) — which misses some emigrants who were
already abroad when the crossings start, and many immigrants of the first year (measured in
the tests and the benchmark). A passport change gives a new key; ``links`` (old key → new
key) join the two histories where a register knows both numbers. In the release both come
from the AIS ASB population-base extract (:mod:`store.population_base`,
:func:`population_base`): every passport of a ПИН links to the ПИН's key, and the ПИН's
registration on the reference date says who was resident; persons it does not hold
(visitors, the few it misses) keep the inference.

How, over the crossings microdata (:mod:`store.crossings`): per person key
the crossings in date order; each is followed by a stay (abroad after an exit, in the
country after an entry) lasting until the next crossing, or until the last date held
(``end``). The days abroad in the 16 months after a crossing are one window sum over a
``RANGE`` frame (the stays starting within the window, less the overrun of the last one).
A window that ends after ``end`` is *open*: the crossing is decided anyway when the days
already seen reach 12 months, or when even the unseen rest could not; otherwise it is a
candidate, and the provisional model (:func:`estimate`) gives its probability. Written
once as SQL window functions (:func:`classify_sql`, the reference and the form a
distributed engine would run) and run as the same steps on sorted numpy arrays, a bucket of
persons at a time that DuckDB reads and sorts (:func:`classify`, :func:`steps`): a sort
per bucket instead of one per window function, and memory bounded by the bucket.

The provisional model is a table of empirical rates, explainable cell by cell: among the
departures (arrivals) whose window has closed, the share that became long-term, by purpose,
citizen or not, sex, age group, quarter, route (Russia, Kazakhstan, other), the person's
own history — the stay that the crossing ends (``gap``: days since the previous crossing,
binned up to a year or more), the earlier pattern (crossings in the year before), and
whether the residence it starts from was already known at it (``settled``: set by the
start, or by a move at least 12 months before) — and by what is already seen: the time
spent abroad so far (weeks for the first 13, then months; still away, or back after *m*)
and, once back, the stay after it (still home after *m2* weeks, or gone again after *m2*:
a labour migrant home for a few weeks is still one). Cells with fewer than
:data:`MIN_CELL` cases fall back to coarser ones. Features are kept *stationary*: what a
year before a crossing held cannot be told in the first year of the crossings, so there
the pattern and the gap of a first crossing are "not known" (their own cells, which
candidates of later years do not meet), not a truncated count that would teach the
model a history shorter than it is. Why these: on held-back synthetic history, where each
traveller's kind is known, the error was systematic, not binomial — labour migrants home
for a visit and gone again rated as returns, recent arrivals rated among all those still
there a month later, students' first returns home (eligible only once their departure is
decided) pooled with later ones (a one-off decomposition by kind, issue 17). Its error is measured
by :func:`held_back_error`: the same computation on the crossings cut 16 months before the
end, compared with the final figures of those months, beside the noise floor that no
model of those candidates could beat.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from config import setting

DAYS_PER_MONTH = 365.25 / 12
MIN_CELL = 30
CITIZEN = "417"


@dataclass(frozen=True)
class Rule:
    """The usual-residence rule: ``threshold`` of the ``window`` months after a crossing."""

    window_months: int = 16
    threshold_months: int = 12

    @classmethod
    def configured(cls) -> Rule:
        return cls(
            int(setting("STATKG_RESIDENCE_WINDOW_MONTHS")),
            int(setting("STATKG_RESIDENCE_THRESHOLD_MONTHS")),
        )

    @property
    def window(self) -> int:
        return round(self.window_months * DAYS_PER_MONTH)

    @property
    def threshold(self) -> int:
        return round(self.threshold_months * DAYS_PER_MONTH)

    def __post_init__(self) -> None:
        if not 0 < self.threshold_months <= self.window_months:
            raise ValueError("the residence threshold must be within the window")


def connect(memory_limit: str = "2GB", threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection for the classification, within the machine's means."""
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{memory_limit}'")
    # Where a sort larger than the limit spills: the system's temporary folder, never the
    # working directory.
    spill = Path(tempfile.gettempdir()) / "statkg-duckdb"
    con.execute(f"SET temp_directory = '{spill}'")
    con.execute("SET preserve_insertion_order = false")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    return con


def parquet_source(paths: Sequence[Path]) -> str:
    """The SQL relation of the crossings held in ``paths`` (the counting deliveries)."""
    files = ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths)
    return f"read_parquet([{files}])"


def last_day(con: duckdb.DuckDBPyConnection, source: str) -> int | None:
    """The last date held, as days since 1970-01-01 (``None``: no crossings)."""
    row = con.execute(
        f"SELECT (max(crossing_date) - DATE '1970-01-01')::INTEGER FROM {source}"  # noqa: S608
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def classify_sql(
    con: duckdb.DuckDBPyConnection,
    source: str,
    end: int,
    rule: Rule,
    base: str | None = None,
    links: str | None = None,
    extra: Sequence[str] = (),
) -> None:
    """Classify every crossing of ``source`` up to day ``end`` into the table ``classified``.

    The rule written as SQL window functions: the reference that the fast path
    (:func:`classify`, the same steps on sorted arrays) is tested against, and the form a
    distributed engine would run.

    Columns: ``p`` person, ``d`` day, ``x`` exit, ``lt`` (-1 long-term departure, 1
    long-term arrival, 0 neither, NULL open), ``before`` the residence before the crossing
    (1 resident, -1 not), ``event`` ('E' emigrant, 'I' immigrant, 'e'/'i' an open candidate,
    NULL none), the observed stay (``stay`` days, ``back``: the next crossing is held) and
    the crossing's attributes; ``extra`` columns of the source are carried through.
    ``base`` and ``links`` are SQL relations (``person_key, resident`` and
    ``old_key, new_key``).
    """
    w, t = rule.window, rule.threshold
    carried = "".join(f", c.{name}" for name in extra)
    link_join = f"LEFT JOIN {links} l ON c.person_key = l.old_key" if links else ""
    person = "coalesce(l.new_key, c.person_key)" if links else "c.person_key"
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE steps AS
        SELECT {person} AS p,
               (c.crossing_date - DATE '1970-01-01')::INTEGER AS d,
               c.direction = 'EXIT' AS x,
               c.citizenship::VARCHAR AS citizenship, c.sex::VARCHAR AS sex, c.age,
               c.purpose::VARCHAR AS purpose, c.destination::VARCHAR AS destination{carried}
        FROM {source} c {link_join}
        WHERE c.person_key IS NOT NULL AND c.crossing_date <= DATE '1970-01-01' + {end}
    """)  # noqa: S608 — relations and numbers built here, no user input
    guess = "CASE WHEN s.first_citizenship = '417' THEN 1 ELSE -1 END"
    inferred = f"""CASE WHEN s.first_x THEN CASE WHEN s.first_lt = 0 THEN 1 ELSE {guess} END
        ELSE CASE WHEN s.first_lt = 0 OR s.first_d - s.start >= {t} THEN -1 ELSE {guess} END
        END"""  # see infer_start
    initial = (
        f"coalesce((SELECT CASE WHEN b.resident THEN 1 ELSE -1 END FROM {base} b "  # noqa: S608
        f"WHERE b.person_key = s.p), {inferred})"
        if base
        else inferred
    )
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE classified AS
        WITH ordered AS (
            SELECT *,
                   least(coalesce(lead(d) OVER w, {end}), {end}) - d AS stay,
                   lead(d) OVER w IS NOT NULL AS back,
                   first_value(citizenship) OVER w AS first_citizenship,
                   count(*) OVER (PARTITION BY p ORDER BY d RANGE BETWEEN 365 PRECEDING
                                  AND 1 PRECEDING) AS earlier
            FROM steps WINDOW w AS (PARTITION BY p ORDER BY d, x DESC)
        ), windowed AS (
            SELECT *,
                   sum(CASE WHEN x THEN stay ELSE 0 END) OVER f AS abroad_sum,
                   last_value(d) OVER f AS last_d,
                   last_value(x) OVER f AS last_x,
                   last_value(stay) OVER f AS last_stay
            FROM ordered
            WINDOW f AS (PARTITION BY p ORDER BY d RANGE BETWEEN CURRENT ROW AND {w - 1} FOLLOWING)
        ), decided AS (
            SELECT *,
                   abroad_sum - CASE WHEN last_x
                       THEN greatest(0, last_d + last_stay - (d + {w})) ELSE 0 END AS abroad,
                   greatest(0, d + {w} - {end}) AS unseen,
                   least({w}, {end} - d) AS seen
            FROM windowed
        ), ruled AS (
            SELECT *,
                   CASE WHEN x THEN
                            CASE WHEN abroad >= {t} THEN -1
                                 WHEN abroad + unseen < {t} THEN 0 END
                        ELSE
                            CASE WHEN seen - abroad >= {t} THEN 1
                                 WHEN seen - abroad + unseen < {t} THEN 0 END
                   END AS lt
            FROM decided
        ), firsts AS (
            SELECT *,
                   first_value(x) OVER w AS first_x, first_value(lt) OVER w AS first_lt,
                   first_value(d) OVER w AS first_d, min(d) OVER () AS start
            FROM ruled WINDOW w AS (PARTITION BY p ORDER BY d, x DESC)
        ), statused AS (
            SELECT *,
                   coalesce(last_value(nullif(lt, 0) IGNORE NULLS) OVER (
                       PARTITION BY p ORDER BY d, x DESC
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), {initial}) AS before
            FROM firsts s
        )
        SELECT p, d, x, lt, before,
               CASE WHEN x AND before = 1 THEN
                        CASE WHEN lt = -1 THEN 'E' WHEN lt IS NULL THEN 'e' END
                    WHEN NOT x AND before = -1 THEN
                        CASE WHEN lt = 1 THEN 'I' WHEN lt IS NULL THEN 'i' END
               END AS event,
               stay, back, earlier, citizenship, sex, age, purpose, destination
               {"".join(f", {name}" for name in extra)}
        FROM statused
    """)  # noqa: S608
    con.execute("DROP TABLE steps")


FEATURES = (
    ("purpose", "citizen", "sex", "age_group", "quarter", "pattern", "gap", "route", "settled"),
    ("purpose", "citizen", "quarter", "pattern", "gap", "route", "settled"),
    ("purpose", "citizen", "gap", "settled"),
    ("purpose", "citizen", "settled"),
    ("settled",),
    (),
)


def month_closed(year: int, month: int, end: int, rule: Rule) -> bool:
    """Whether every crossing of the month has its whole window within the days held."""
    from datetime import date, timedelta

    first = date(year + month // 12, month % 12 + 1, 1)
    last = (first - timedelta(days=1)) - date(1970, 1, 1)
    return last.days + rule.window <= end


# -- the fast path: the same rule on sorted arrays, a bucket of persons at a time -----------

AGE_GROUPS = ("Y0T14", "Y15T24", "Y25T34", "Y35T44", "Y45T54", "Y55T64", "Y_GE65")
AGE_BOUNDS = np.array([15, 25, 35, 45, 55, 65])
ROWS_PER_BUCKET = 6_000_000  # persons are split so that two buckets' arrays stay ~1.5 GB


def steps(
    p: np.ndarray,
    d: np.ndarray,
    x: np.ndarray,
    initial: np.ndarray,
    end: int,
    rule: Rule,
    start: int | None = None,
) -> dict[str, np.ndarray]:
    """The rule on crossings sorted by person, day and exit first (see :func:`classify_sql`).

    ``initial``: per crossing, the residence of its person at the start (1 resident, -1
    not; 2 or -2: not known, citizenship suggests resident or not — see
    :func:`infer_start`; ``start``: the first day held). Returns per crossing ``event``
    (0 none, 1 emigrant, 2 immigrant, 3 open emigrant candidate, 4 open immigrant
    candidate), ``before``, ``stay``, ``back``, ``earlier``, ``initial`` (as inferred) and
    ``lt`` (-1 long-term departure, 1 long-term arrival, 0 neither, 9 still open).
    """
    n = p.size
    w, t = rule.window, rule.threshold
    index = np.arange(n)
    first = np.ones(n, dtype=bool)
    first[1:] = p[1:] != p[:-1]
    last = np.ones(n, dtype=bool)
    last[:-1] = first[1:]
    group_start = np.maximum.accumulate(np.where(first, index, 0))
    d32 = d.astype(np.int32)
    stay = np.empty(n, dtype=np.int32)  # days until the next crossing, or the end
    stay[:-1] = d32[1:]
    stay[last] = end
    np.minimum(stay, end, out=stay)
    stay -= d32
    back = ~last
    key = np.cumsum(first, dtype=np.int64) << 32
    key |= d32 + (1 << 30)  # sorted: persons in order, days within
    cum = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.where(x, stay, 0), out=cum[1:])
    j = np.searchsorted(key, key + w, side="left") - 1  # last crossing within the window
    overrun = np.where(x[j], np.maximum(0, d32[j] + stay[j] - (d32 + w)), 0)
    abroad = (cum[j + 1] - cum[:-1] - overrun).astype(np.int32)
    unseen = np.maximum(0, d32 + (w - end))
    # Days abroad after an exit, in the country after an entry: long-term at `t`.
    spent = np.where(x, abroad, np.minimum(w, end - d32) - abroad)
    lt = np.where(spent >= t, np.where(x, -1, 1), np.where(spent + unseen < t, 0, 9))
    lt = lt.astype(np.int8)  # -1 long-term departure, 1 long-term arrival, 0 neither, 9 open
    if np.any(np.abs(initial) == 2):
        initial = infer_start(initial, group_start, x, lt, d32, t, start)
    decided = (lt == 1) | (lt == -1)
    last_decided = np.maximum.accumulate(np.where(decided, index, -1))
    previous = np.empty(n, dtype=last_decided.dtype)
    previous[0], previous[1:] = -1, last_decided[:-1]
    before = np.where(previous >= group_start, lt[np.maximum(previous, 0)], initial)
    before = before.astype(np.int8)
    # A resident's exit or a non-resident's entry: long-term (1, 2), open (3, 4), or not.
    eligible = np.where(x, before == 1, before == -1)
    event = np.where(
        eligible & (lt != 0),
        np.where(lt == 9, np.where(x, 3, 4), np.where(x, 1, 2)),
        0,
    ).astype(np.int8)
    new_day = first.copy()
    new_day[1:] |= d32[1:] != d32[:-1]
    day_start = np.maximum.accumulate(np.where(new_day, index, 0))
    earlier = day_start - np.searchsorted(key, key - 365, "left")
    # The person's own history, for the provisional model: what a year before the crossing
    # held cannot be told in the first year of the crossings (-1, not known).
    held = d32 - (start if start is not None else int(d32.min(initial=0)))
    earlier = np.where(held < 365, -1, earlier)
    gap = np.empty(n, dtype=np.int32)  # the stay just ended: days since the previous crossing
    gap[1:] = d32[1:] - d32[:-1]
    gap[first] = np.where(held[first] >= 365, held[first], -1)  # at least that, or not known
    # After coming back (leaving again, for an entry): the next stay, as far as it is seen
    # within the crossing's own window, and whether it ended there too — a labour migrant
    # home for a few weeks and gone again. Within the window: once the window has closed
    # nothing later changes them (a closed case's features are fixed, which the incremental
    # state relies on, :mod:`indicators.residence_state`).
    after = np.zeros(n, dtype=np.int32)
    again = np.zeros(n, dtype=bool)
    within = np.zeros(n, dtype=np.int32)
    within[:-1] = d32[:-1] + w - d32[1:]  # the window's days left at the return
    after[:-1] = stay[1:]
    again[:-1] = back[1:] & (stay[1:] < within[:-1])
    after = np.where(back, np.minimum(after, np.maximum(within, 0)), 0).astype(np.int32)
    again &= back
    # Whether the residence the crossing starts from was already known at the crossing: set
    # by the start, or by a move (an emigration or immigration) at least `t` days before
    # (none is decided sooner). A move decided only later makes the crossing eligible in the
    # final figures but not while its window is open (a student's first return home, ten
    # months after leaving): among open candidates, whose residence is known, such
    # crossings are rarer than among closed ones, so their rates are kept apart.
    moves = np.maximum.accumulate(np.where((event == 1) | (event == 2), index, -1))
    move = np.empty(n, dtype=moves.dtype)
    move[0], move[1:] = -1, moves[:-1]
    moved = np.where(move < group_start, NO_MOVE, d32[np.maximum(move, 0)]).astype(np.int32)
    return {
        "event": event,
        "before": before,
        "stay": stay,
        "back": back,
        "earlier": earlier,
        "gap": gap,
        "settled": settled_since(moved, d32, t),
        "moved": moved,
        "after": after,
        "again": again,
        "initial": initial,
        "lt": lt,
    }


NO_MOVE = np.iinfo(np.int32).min  # ``moved``: no move before the crossing (in its group)


def settled_since(moved: np.ndarray, d: np.ndarray, threshold: int) -> np.ndarray:
    """``settled``: no move before the crossing, or the last one at least ``threshold`` days
    before it (no move is decided sooner, so its residence was known at the crossing)."""
    settled: np.ndarray = (moved == NO_MOVE) | (d.astype(np.int64) - moved >= threshold)
    return settled


def infer_start(
    initial: np.ndarray,
    group_start: np.ndarray,
    x: np.ndarray,
    lt: np.ndarray,
    d: np.ndarray,
    threshold: int,
    start: int | None,
) -> np.ndarray:
    """Residence at the start where no population base says it (``initial`` ±2).

    What the first crossing held shows about where the person lived before it: a departure
    followed by a return within the rule (not long-term) is a resident's trip; an arrival
    followed by a departure within the rule is a visit by someone living abroad; a first
    arrival at least 12 months after the crossings start comes after 12 months abroad.
    Otherwise (a long-term departure or arrival, or one still open) citizenship decides:
    a citizen is resident, a foreigner not. This is a fallback; its error is measured.
    """
    first_x, first_lt, first_d = x[group_start], lt[group_start], d[group_start]
    guess = np.sign(initial).astype(np.int8)
    late = first_d - (start if start is not None else first_d.min()) >= threshold
    inferred = np.where(
        first_x,
        np.where(first_lt == 0, 1, guess),
        np.where((first_lt == 0) | late, -1, guess),
    )
    return np.where(np.abs(initial) == 2, inferred, initial).astype(np.int8)


@dataclass
class Outcome:
    """What :func:`classify` leaves in DuckDB tables, and the day it was computed to.

    ``events``: decided emigrants (``kind`` 'E') and immigrants ('I') counted by day and
    the output dimensions; ``candidates``: open ones ('e', 'i') counted by the same and the
    model's features; ``training``: the decided outcomes of closed windows by the features;
    ``movers``: each emigrant's and immigrant's person, day and kind, for the stocks.
    """

    end: int
    rule: Rule
    rows: int = 0


def linked_view(
    con: duckdb.DuckDBPyConnection,
    source: str,
    end: int,
    links: str | None = None,
    name: str = "linked",
    after: int | None = None,
) -> None:
    """The view ``name`` of the crossings of ``source`` by linked person (``p``), day
    (``d``), exit (``x``) and attributes, up to day ``end`` (and after day ``after``)."""
    person = "coalesce(l.new_key, c.person_key)" if links else "c.person_key"
    link_join = f"LEFT JOIN {links} l ON c.person_key = l.old_key" if links else ""
    since = f" AND c.crossing_date > DATE '1970-01-01' + {int(after)}" if after is not None else ""
    con.execute(f"""
        CREATE OR REPLACE VIEW {name} AS
        SELECT {person} AS p, (c.crossing_date - DATE '1970-01-01')::INTEGER AS d,
               c.direction::VARCHAR = 'EXIT' AS x, c.citizenship::VARCHAR AS citizenship,
               c.sex::VARCHAR AS sex, c.age, c.purpose::VARCHAR AS purpose,
               c.destination::VARCHAR AS destination
        FROM {source} c {link_join}
        WHERE c.person_key IS NOT NULL AND c.crossing_date <= DATE '1970-01-01' + {int(end)}{since}
    """)  # noqa: S608 — relations and numbers built here, no user input


def classify(
    con: duckdb.DuckDBPyConnection,
    source: str,
    end: int,
    rule: Rule,
    base: str | None = None,
    links: str | None = None,
    rows_per_bucket: int = ROWS_PER_BUCKET,
    held_back: bool = False,
    state: bool = False,
) -> Outcome:
    """Link and classify the crossings of ``source`` up to day ``end`` (see the module doc).

    DuckDB reads, filters and sorts a bucket of persons (a hash of the key) at a time;
    :func:`steps` applies the rule on the sorted arrays; DuckDB counts what the outputs and
    the provisional model need, so memory is bounded by the bucket, not the years held.
    Every table has a ``horizon``: 0 for the crossings up to ``end``; with ``held_back``,
    1 for the same crossings cut one window earlier (what a release made then would have
    seen), classified in the same pass for the model's error (:func:`held_back_error`).
    ``state``: also keep what a later month needs to continue from here
    (:mod:`indicators.residence_state`, which merges a new month into these tables).
    """
    linked_view(con, source, end, links)
    starts = f"LEFT JOIN {base} b ON b.person_key = s.p" if base else ""
    resident = "b.resident" if base else "NULL::BOOLEAN"
    selection = "linked"
    total = con.execute(f"SELECT count(*), min(d) FROM {selection}").fetchone()  # noqa: S608
    rows = int(total[0]) if total else 0
    first_day = int(total[1]) if total and total[1] is not None else 0
    buckets = max(1, -(-rows // rows_per_bucket))
    for name, columns in _TABLES.items():
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({columns})")

    def fetch(cursor: duckdb.DuckDBPyConnection, bucket: int) -> pa.Table:
        return cursor.sql(f"""
            SELECT s.*, {resident} AS resident FROM {selection} s {starts}
            WHERE hash(s.p) % {buckets} = {bucket}
            ORDER BY s.p, s.d, s.x DESC
        """).to_arrow_table()  # noqa: S608

    # DuckDB reads and sorts the next bucket (in a second connection, on its own thread)
    # while numpy applies the rule to this one: the two cores stay busy.
    ends = (end, end - rule.window) if held_back else (end,)
    if state:
        from indicators import residence_state

        residence_state.begin(con, rule, first_day, ends)
    # A relation registered on ``con`` (tests: an Arrow table) is invisible to a second
    # connection: read it on ``con`` itself, one bucket after the other. Tables of the
    # database (the population base's, :func:`population_base`) are seen by both.
    cursor = con.cursor() if source.startswith("read_parquet(") else con
    shared = cursor is not con and all(_visible(cursor, r) for r in (links, base) if r)
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(fetch, cursor, 0) if shared else None
        for bucket in range(buckets):
            arrow = pending.result() if pending else fetch(con, bucket)
            if pending and bucket + 1 < buckets:
                pending = pool.submit(fetch, cursor, bucket + 1)
            for horizon, last in enumerate(ends):
                if arrow.num_rows:
                    _bucket(con, arrow, last, rule, horizon, first_day, state)
            del arrow
    if cursor is not con:
        cursor.close()
    if state:
        residence_state.finish(con)
    return Outcome(end, rule, rows)


def _visible(cursor: duckdb.DuckDBPyConnection, relation: str) -> bool:
    """Whether a second connection (``cursor``) can read ``relation``."""
    try:
        cursor.execute(f"SELECT * FROM {relation} LIMIT 0")  # noqa: S608
    except duckdb.Error:
        return False
    return True


def population_base(con: duckdb.DuckDBPyConnection, paths: Sequence[Path]) -> tuple[str, str]:
    """The ``links`` and ``base`` relations (:func:`classify`) from the population-base
    deliveries in ``paths`` (:data:`store.population_base.SCHEMA`), as tables of ``con``'s
    database (read by the fetching cursor too).

    ``population_links(old_key, new_key)``: every passport key of a ПИН → the ПИН's key, so
    an old and a new passport are one history; a passport key listed for two ПИН (a
    register error, or a 64-bit collision) links to neither. ``population_base(person_key,
    resident)``: the ПИН's registration as a permanent resident on the earliest reference
    date held (the one nearest the start of the crossings).
    """
    source = parquet_source(paths)
    con.execute(f"""
        CREATE OR REPLACE TABLE population_links AS
        SELECT passport_key AS old_key, min(person_key) AS new_key FROM {source}
        GROUP BY passport_key HAVING min(person_key) = max(person_key)
    """)  # noqa: S608
    con.execute(f"""
        CREATE OR REPLACE TABLE population_base AS
        SELECT person_key, arg_min(resident, reference_date) AS resident FROM {source}
        GROUP BY person_key
    """)  # noqa: S608
    return "population_links", "population_base"


def loaded_base(
    con: duckdb.DuckDBPyConnection, session: Any, finished_before: Any = None
) -> tuple[str | None, str | None]:
    """``(links, base)`` from the population-base deliveries loaded (by ``finished_before``,
    as :func:`store.crossings.counting_deliveries`), or ``(None, None)`` when none is: the
    release and the data requests start from the same base."""
    from store.crossings import counting_deliveries
    from store.population_base import SOURCE

    paths = counting_deliveries(session, source=SOURCE, finished_before=finished_before)
    return population_base(con, paths) if paths else (None, None)


_FEATURES_SQL = """
    purpose, citizenship = '417' AS citizen, sex,
    CASE WHEN age < 15 THEN 0 WHEN age < 25 THEN 1 WHEN age < 35 THEN 2 WHEN age < 45 THEN 3
         WHEN age < 55 THEN 4 WHEN age < 65 THEN 5 ELSE 6 END AS age_group,
    quarter(DATE '1970-01-01' + d) AS quarter,
    CASE WHEN earlier < 0 THEN -1 WHEN earlier = 0 THEN 0 WHEN earlier < 4 THEN 1
         WHEN earlier < 20 THEN 2 ELSE 3 END AS pattern,
    CASE WHEN gap < 0 THEN -1 WHEN gap < 31 THEN 0 WHEN gap < 92 THEN 1 WHEN gap < 183 THEN 2
         WHEN gap < 365 THEN 3 ELSE 4 END AS gap,
    CASE destination WHEN '643' THEN 1 WHEN '398' THEN 2 ELSE 0 END AS route, settled"""
_AGE_GROUP_SQL = """CASE WHEN age < 15 THEN 0 WHEN age < 25 THEN 1 WHEN age < 35 THEN 2
    WHEN age < 45 THEN 3 WHEN age < 55 THEN 4 WHEN age < 65 THEN 5 ELSE 6 END"""
# What is already seen, in steps: weeks for the first 13 weeks (a visit home lasts a few:
# counted in months, a candidate seen for 7 weeks would be rated among all those still there
# after 4), then months; after coming back, weeks up to 18 (126 days, beyond which the rest
# of the window can no longer make the move long-term).
_MONTH_SQL = f"""(CASE WHEN stay < 91 THEN floor(stay / 7)
         ELSE 13 + least(13, floor((stay - 91) / {DAYS_PER_MONTH})) END)::INTEGER AS m,
    back AS came_back,
    CASE WHEN back THEN least(18, floor(after / 7)) ELSE 0 END::INTEGER AS m2,
    back AND again AS again"""
_TABLES = {
    "events": "horizon INTEGER, kind VARCHAR, d INTEGER, citizenship VARCHAR, sex VARCHAR, "
    "age_group INTEGER, purpose VARCHAR, destination VARCHAR, n BIGINT",
    "candidates": "horizon INTEGER, kind VARCHAR, purpose VARCHAR, citizen BOOLEAN, sex VARCHAR, "
    "age_group INTEGER, quarter INTEGER, pattern INTEGER, gap INTEGER, "
    "route INTEGER, settled BOOLEAN, m INTEGER, came_back BOOLEAN, m2 INTEGER, again BOOLEAN, "
    "d INTEGER, citizenship VARCHAR, destination VARCHAR, n BIGINT",
    "training": "horizon INTEGER, kind VARCHAR, purpose VARCHAR, citizen BOOLEAN, sex VARCHAR, "
    "age_group INTEGER, quarter INTEGER, pattern INTEGER, gap INTEGER, "
    "route INTEGER, settled BOOLEAN, m INTEGER, came_back BOOLEAN, m2 INTEGER, again BOOLEAN, "
    "n BIGINT, yes BIGINT",
    "movers": "horizon INTEGER, p BIGINT, d INTEGER, kind VARCHAR, sex VARCHAR, age_group INTEGER",
    "starts": "p BIGINT, resident BOOLEAN",
}


def _bucket(
    con: duckdb.DuckDBPyConnection,
    arrow: pa.Table,
    end: int,
    rule: Rule,
    horizon: int,
    first_day: int,
    state: bool = False,
) -> None:
    if horizon:  # the crossings a release made at ``end`` would have held
        arrow = arrow.filter(pc.less_equal(arrow.column("d"), end))
    p = arrow.column("p").to_numpy()
    d = arrow.column("d").to_numpy()
    x = arrow.column("x").to_numpy(zero_copy_only=False)
    initial = initial_residence(arrow, p)
    out = steps(p, d, x, initial, end, rule, first_day)
    first = np.ones(p.size, dtype=bool)
    first[1:] = p[1:] != p[:-1]
    if horizon == 0:  # each person's residence at the start
        starts = pa.table({"p": p[first], "resident": out["initial"][first] == 1})
        con.register("bucket_starts", starts)
        con.execute("INSERT INTO starts SELECT p, resident FROM bucket_starts")
        con.unregister("bucket_starts")
    if state:  # counted as what is final and what a later month continues from
        from indicators import residence_state

        residence_state.keep(con, arrow, out, initial, end, rule, horizon)
    else:
        emit(con, arrow, out, end, rule, horizon)


def initial_residence(arrow: pa.Table, p: np.ndarray) -> np.ndarray:
    """Per crossing, its person's residence at the start: the population base's (±1) or,
    without it, to be inferred from the first crossing held, then citizenship (±2, see
    :func:`infer_start`)."""
    first = np.ones(p.size, dtype=bool)
    first[1:] = p[1:] != p[:-1]
    starts = np.flatnonzero(first)
    heads = pa.array(starts)  # each person's first crossing: the base and citizenship there
    citizen = pc.equal(arrow.column("citizenship").take(heads), CITIZEN)
    resident = arrow.column("resident").take(heads)
    known = resident.is_valid().to_numpy(zero_copy_only=False)
    said = resident.fill_null(False).to_numpy(zero_copy_only=False)
    guess = citizen.fill_null(False).to_numpy(zero_copy_only=False)
    initial = np.where(known, np.where(said, 1, -1), np.where(guess, 2, -2)).astype(np.int8)
    spread: np.ndarray = initial[np.cumsum(first) - 1]
    return spread


def emit(
    con: duckdb.DuckDBPyConnection,
    arrow: pa.Table,
    out: dict[str, np.ndarray],
    end: int,
    rule: Rule,
    horizon: int,
    into: str = "",
    due: bool = False,
) -> None:
    """Count what the crossings of ``arrow`` (with their :func:`steps` outputs ``out``)
    add to ``events``, ``candidates``, ``training`` and ``movers`` (``into``: a suffix of
    the tables' names). ``due``: the training counts of the decided crossings whose window
    is still open go to ``training{into}_due``, with the day it closes (``due``), instead."""
    d = arrow.column("d").to_numpy()
    x = arrow.column("x").to_numpy(zero_copy_only=False)
    w = rule.window
    eligible = (x & (out["before"] == 1)) | (~x & (out["before"] == -1))
    closed = (d.astype(np.int64) + w <= end) & eligible
    if due:
        closed = ~closed & eligible & (out["event"] < 3)
    keep = (out["event"] > 0) | closed
    table = arrow.filter(pa.array(keep)).append_column("event", pa.array(out["event"][keep]))
    for name in ("before", "stay", "back", "earlier", "gap", "settled", "after", "again"):
        table = table.append_column(name, pa.array(out[name][keep]))
    table = table.append_column("closed", pa.array(closed[keep]))
    con.register("bucket_rows", table)
    if not due:
        con.execute(f"""
            INSERT INTO events{into}
            SELECT {horizon}, CASE event WHEN 1 THEN 'E' ELSE 'I' END, d, citizenship, sex,
                   {_AGE_GROUP_SQL},
                   purpose, destination, count(*)
            FROM bucket_rows WHERE event IN (1, 2) GROUP BY ALL
        """)  # noqa: S608
        con.execute(f"""
            INSERT INTO candidates{into}
            SELECT {horizon}, CASE event WHEN 3 THEN 'e' ELSE 'i' END, {_FEATURES_SQL},
                   {_MONTH_SQL}, d, citizenship, destination, count(*)
            FROM bucket_rows WHERE event IN (3, 4) GROUP BY ALL
        """)  # noqa: S608
    closes = f", d + {w}" if due else ""
    con.execute(f"""
        INSERT INTO training{into}{"_due" if due else ""}
        SELECT {horizon}{closes}, CASE WHEN x THEN 'e' ELSE 'i' END, {_FEATURES_SQL}, {_MONTH_SQL},
               count(*), sum((event IN (1, 2))::INTEGER)
        FROM bucket_rows WHERE closed GROUP BY ALL
    """)  # noqa: S608
    if not due:
        con.execute(f"""
            INSERT INTO movers{into}
            SELECT {horizon}, p, d, CASE event WHEN 1 THEN 'E' ELSE 'I' END, sex,
                   {_AGE_GROUP_SQL}
            FROM bucket_rows WHERE event IN (1, 2)
        """)  # noqa: S608
    con.unregister("bucket_rows")


def estimate(con: duckdb.DuckDBPyConnection) -> None:
    """The provisional model: ``candidates`` get ``prob`` from the ``training`` rates.

    Each candidate cell takes the rate of the finest level of :data:`FEATURES` with at
    least :data:`MIN_CELL` closed cases that saw the same thing: still away after ``m``
    months (the share long-term among those away at least ``m`` months), or back after
    ``m`` months (among those back after the same months). ``cases``: the closed cases the
    rate rests on (the rate's own sampling variance is p (1 − p) / cases).
    """
    con.execute("CREATE OR REPLACE TEMP TABLE rated AS SELECT *, NULL::DOUBLE AS prob, "
                "NULL::BIGINT AS cases FROM candidates")  # fmt: skip
    # The buckets' counts pooled once: each level's join then reads one row per cell.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE pooled AS
        SELECT * EXCLUDE (n, yes), sum(n) AS n, sum(yes) AS yes FROM training GROUP BY ALL
    """)
    for level in FEATURES:
        keys = ["horizon", "kind", *level]
        distinct = ", ".join(keys)
        on = " AND ".join(f"t.{k} = c.{k}" for k in keys)
        floor = MIN_CELL if level else 1
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE level_rates AS
            SELECT {", ".join(f"c.{k}" for k in keys)}, c.m, c.came_back, c.m2, c.again,
                   sum(t.yes) / sum(t.n) AS rate, sum(t.n) AS n
            FROM (SELECT DISTINCT {distinct}, m, came_back, m2, again
                  FROM rated WHERE prob IS NULL) c
            JOIN pooled t ON {on} AND CASE WHEN c.came_back
                THEN t.came_back AND t.m = c.m AND CASE WHEN c.again
                    THEN t.again AND t.m2 = c.m2 ELSE t.m2 >= c.m2 END
                ELSE t.m >= c.m END
            GROUP BY ALL HAVING sum(t.n) >= {floor}
        """)  # noqa: S608
        match = " AND ".join(f"r.{k} = l.{k}" for k in keys)
        con.execute(f"""
            UPDATE rated r SET prob = l.rate, cases = l.n FROM level_rates l
            WHERE r.prob IS NULL AND {match} AND r.m = l.m AND r.came_back = l.came_back
              AND r.m2 = l.m2 AND r.again = l.again
        """)  # noqa: S608
    con.execute("UPDATE rated SET prob = 0 WHERE prob IS NULL")
    con.execute("DROP TABLE pooled")


def expected(horizon: int = 0) -> str:
    """The SQL relation of the migrants of ``horizon``: each decided move counted once, and
    each open candidate counted as the model's probability of its moving — the one place of
    "decided + n × p". Columns: ``kind`` (``E`` emigration, ``I`` immigration), ``d`` (days
    since 1970-01-01), ``citizenship``, ``sex``, ``age_group``, ``purpose``,
    ``destination`` and ``n`` (persons, fractional for candidates)."""
    columns = "d, citizenship, sex, age_group, purpose, destination"
    return f"""(SELECT upper(kind) AS kind, {columns}, n::DOUBLE AS n
              FROM events WHERE horizon = {int(horizon)}
              UNION ALL
              SELECT upper(kind) AS kind, {columns}, n * prob AS n
              FROM rated WHERE horizon = {int(horizon)} AND prob > 0)"""  # noqa: S608


def monthly_flows(
    con: duckdb.DuckDBPyConnection, horizon: int = 0
) -> dict[tuple[int, int], tuple[float, float]]:
    """(year, month) → (emigrants, immigrants): decided ones plus the candidates' rates."""
    rows = con.execute(f"""
        SELECT year(DATE '1970-01-01' + d), month(DATE '1970-01-01' + d),
               sum(CASE WHEN kind = 'E' THEN n ELSE 0 END),
               sum(CASE WHEN kind = 'I' THEN n ELSE 0 END)
        FROM {expected(horizon)}
        GROUP BY ALL
    """).fetchall()  # noqa: S608
    return {(int(y), int(m)): (float(e), float(i)) for y, m, e, i in rows}


def error_of(
    final: dict[tuple[int, int], tuple[float, float]],
    estimated: dict[tuple[int, int], tuple[float, float]],
    months: Sequence[tuple[int, int]],
) -> dict[str, float]:
    """Weighted absolute percentage errors Σ|estimate − final| / Σ|final| · 100 of the
    monthly emigrants, immigrants and net over ``months``, and of the net against the gross
    flows (``net_of_gross``: Σ|Δ net| / Σ(emigrants + immigrants) · 100)."""
    sums = {name: [0.0, 0.0] for name in ("emigrants", "immigrants", "net", "net_of_gross")}
    for k in months:
        (fe, fi), (ee, ei) = final.get(k, (0.0, 0.0)), estimated.get(k, (0.0, 0.0))
        for name, f, e, scale in (
            ("emigrants", fe, ee, abs(fe)),
            ("immigrants", fi, ei, abs(fi)),
            ("net", fi - fe, ei - ee, abs(fi - fe)),
            # The net's error against the gross flows: a net near zero makes its own
            # relative error meaningless, its error per person moving does not.
            ("net_of_gross", fi - fe, ei - ee, fe + fi),
        ):
            sums[name][0] += abs(e - f)
            sums[name][1] += scale
    return {name: (100.0 * a / b if b else float("nan")) for name, (a, b) in sums.items()}


def held_back_error(outcome: Outcome, con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The provisional model's error on completed history held back.

    Needs a :func:`classify` with ``held_back`` and :func:`estimate`: the months open at
    the cut (one window before the end) as a release made then estimated them, compared
    with their final figures from all the crossings (weighted absolute percentage errors,
    :func:`error_of`), and the ``noise`` floor below which no model of these candidates
    can go (the same figures for a perfectly calibrated one, from the binomial spread).
    """
    cut = outcome.end - outcome.rule.window
    final, estimated = monthly_flows(con, 0), monthly_flows(con, 1)
    months = sorted(
        k
        for k in estimated
        if not month_closed(*k, cut, outcome.rule) and month_closed(*k, outcome.end, outcome.rule)
    )
    # What a calibrated model would still miss: each candidate moves or not (a Bernoulli
    # draw of its probability), so a month's expected |error| is √(2/π) · √Σ n p (1 − p);
    # the error above this floor is the model's (its bias and its rates' own noise).
    spread = {
        (int(y), int(m)): (float(e), float(i))
        for y, m, e, i in con.execute("""
            SELECT year(DATE '1970-01-01' + d), month(DATE '1970-01-01' + d),
                   sum(CASE WHEN kind = 'e' THEN n * prob * (1 - prob) ELSE 0 END),
                   sum(CASE WHEN kind = 'i' THEN n * prob * (1 - prob) ELSE 0 END)
            FROM rated WHERE horizon = 1 GROUP BY ALL
        """).fetchall()
    }
    floor = {name: [0.0, 0.0] for name in ("emigrants", "immigrants", "net", "net_of_gross")}
    for k in months:
        (fe, fi), (ve, vi) = final.get(k, (0.0, 0.0)), spread.get(k, (0.0, 0.0))
        for name, variance, scale in (
            ("emigrants", ve, fe),
            ("immigrants", vi, fi),
            ("net", ve + vi, abs(fi - fe)),
            ("net_of_gross", ve + vi, fe + fi),
        ):
            floor[name][0] += math.sqrt(2 / math.pi * variance)
            floor[name][1] += scale
    noise = {name: (100.0 * a / b if b else float("nan")) for name, (a, b) in floor.items()}
    return {"error": error_of(final, estimated, months), "noise": noise, "months": months,
            "cut": cut}  # fmt: skip


# -- the catalog's figures ------------------------------------------------------------------

TOTAL = "_T"
PERCENT = 100.0


def compute(ctx: Any, out: Any) -> None:
    """Fill the border-based long-term migration indicators of the catalog.

    Reads the crossings microdata of the loaded border batches (``store.crossings``) and,
    where loaded, the population base (``store.population_base``: residence at the start,
    passports linked); no deliveries, no observations. The classification continues from
    the state the previous computation saved when the deliveries are its own plus new months
    and the population base is the same (:func:`indicators.residence_state.run`), else is
    made afresh. A cell with any month whose window is still open is provisional (status P):
    decided migrants plus the model's expected count.
    """
    from indicators import residence_state
    from store.crossings import counting_deliveries, state_directory
    from store.models import ObsStatus
    from store.population_base import SOURCE as BASE_SOURCE

    paths = counting_deliveries(ctx.session)
    if not paths:
        return
    con = connect()
    try:
        source = parquet_source(paths)
        end = last_day(con, source)
        if end is None:
            return
        rule = Rule.configured()
        links, base = loaded_base(con, ctx.session)
        # The base's deliveries name the state: another base, another classification.
        versions = ",".join(p.name for p in counting_deliveries(ctx.session, source=BASE_SOURCE))
        # From the state the previous computation kept when only new months came since.
        outcome = residence_state.run(
            con, paths, end, rule, state_directory(), base, links, extra=versions
        )
        estimate(con)
        _publish(ctx, out, con, outcome, ObsStatus.PROVISIONAL)
    finally:
        con.close()


def _publish(ctx: Any, out: Any, con: duckdb.DuckDBPyConnection, outcome: Outcome, p: Any) -> None:
    from indicators.cubes import group_members
    from indicators.methods.ratios import ratio

    rule, end = outcome.rule, outcome.end
    groups = group_members(ctx.session, "country_group")

    def open_year(year: int) -> bool:
        return not month_closed(year, 12, end, rule)

    rows = con.execute(f"""
        SELECT year(DATE '1970-01-01' + d) AS y, month(DATE '1970-01-01' + d) AS m,
               kind, citizenship, sex, age_group, purpose, destination, sum(n) AS n
        FROM {expected(0)}
        GROUP BY ALL
    """).fetchall()  # noqa: S608
    annual: dict[tuple[str, ...], float] = {}
    monthly: dict[tuple[str, ...], float] = {}
    labour: dict[tuple[str, ...], list[float]] = {}
    for y, m, kind, citizenship, sex, age_group, purpose, destination, n in rows:
        if y > ctx.last_year:
            continue
        flow = "emigrants" if kind == "E" else "immigrants"
        # CIS and EAEU as the classifier groups them; any other country, or none stated, OTHER.
        country_groups = [g for g, members in groups.items() if destination in members]
        if not any(g == "CIS" for g in country_groups):
            country_groups = ["OTHER"]
        for c in {TOTAL, citizenship}:
            for s in (TOTAL, sex):
                for a in (TOTAL, AGE_GROUPS[age_group]):
                    for g in (TOTAL, *country_groups):
                        key = (flow, str(y), c, s, a, g)
                        annual[key] = annual.get(key, 0.0) + n
        for mm in (TOTAL, f"{m:02d}"):
            for s in (TOTAL, sex):
                cell_key = (flow, str(y), mm, s)
                monthly[cell_key] = monthly.get(cell_key, 0.0) + n
        if flow == "emigrants":
            for s in (TOTAL, sex):
                cell = labour.setdefault((str(y), s), [0.0, 0.0])
                cell[0] += n if purpose == "WORK" else 0.0
                cell[1] += n

    def status(year: str, month: str = TOTAL) -> Any:
        if month == TOTAL:
            return p if open_year(int(year)) else None
        return p if not month_closed(int(year), int(month), end, rule) else None

    for (flow, y, c, s, a, g), value in annual.items():
        dims = {"citizenship": c, "sex": s, "age_social": a, "country_group": g}
        out.add(f"border_lt_{flow}", y, dims, value, status(y))
    nets = {k[1:] for k in annual}
    for y, c, s, a, g in nets:
        value = annual.get(("immigrants", y, c, s, a, g), 0.0) - annual.get(
            ("emigrants", y, c, s, a, g), 0.0
        )
        dims = {"citizenship": c, "sex": s, "age_social": a, "country_group": g}
        out.add("border_lt_net", y, dims, value, status(y))
    for (flow, y, mm, s), value in monthly.items():
        out.add(f"border_lt_{flow}_monthly", y, {"month": mm, "sex": s}, value, status(y, mm))
    for y, mm, s in {k[1:] for k in monthly}:
        value = monthly.get(("immigrants", y, mm, s), 0.0) - monthly.get(
            ("emigrants", y, mm, s), 0.0
        )
        out.add("border_lt_net_monthly", y, {"month": mm, "sex": s}, value, status(y, mm))
    for (y, s), (work, all_) in labour.items():
        if all_ > 0:
            share = ratio(work, all_, base=PERCENT, on_zero="raise", what="long-term emigrants")
            out.add("border_lt_labour_share", y, {"sex": s}, share, status(y))
    _stocks(ctx, out, con, end, rule, p)
    report = held_back_error(outcome, con)
    if report["months"]:
        cut_year = _year_of(report["cut"])
        error = report["error"]
        for code, name in (
            ("EXIT", "emigrants"),
            ("ENTRY", "immigrants"),
            (TOTAL, "net_of_gross"),
        ):
            value = error[name]
            if value == value and cut_year <= ctx.last_year:  # not NaN
                out.add("border_lt_provisional_error", str(cut_year), {"direction": code}, value)


def _year_of(day: int) -> int:
    from datetime import date, timedelta

    return (date(1970, 1, 1) + timedelta(days=day)).year


def _stocks(
    ctx: Any, out: Any, con: duckdb.DuckDBPyConnection, end: int, rule: Rule, p: Any
) -> None:
    """Long-term emigrants abroad on 31 December: each person's last decided move is out."""
    years = con.execute(
        "SELECT DISTINCT year(DATE '1970-01-01' + d) FROM movers WHERE horizon = 0"
    ).fetchall()
    for (year,) in sorted(years):
        if year > ctx.last_year or year > _year_of(end):
            continue
        rows = con.execute(f"""
            SELECT sex, age_group, count(*) FROM (
                SELECT arg_max(kind, d) AS kind, arg_max(sex, d) AS sex,
                       arg_max(age_group, d) AS age_group
                FROM movers
                WHERE horizon = 0 AND d <= (DATE '{year}-12-31' - DATE '1970-01-01')
                GROUP BY p)
            WHERE kind = 'E' GROUP BY ALL
        """).fetchall()  # noqa: S608
        cells: dict[tuple[str, str], float] = {}
        for sex, age_group, n in rows:
            for s in (TOTAL, sex):
                for a in (TOTAL, AGE_GROUPS[age_group]):
                    cells[(s, a)] = cells.get((s, a), 0.0) + n
        status = p if not month_closed(year, 12, end, rule) else None
        for (s, a), value in cells.items():
            out.add("border_lt_abroad", str(year), {"sex": s, "age_social": a}, value, status)
