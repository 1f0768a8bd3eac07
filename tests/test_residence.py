"""The 12/16-month usual-residence rule, its fast path, accuracy and provisional model."""

from __future__ import annotations

import math
from datetime import date
from typing import NamedTuple

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from bench.residence_eval import accuracy, census, observe, truth_events
from indicators import residence
from indicators.residence import Rule, steps
from synth.travel import Travel, simulate

RULE = Rule()  # 16 months = 487 days, 12 months = 365 days
EXIT, ENTRY = True, False


def _one(
    crossings: list[tuple[int, bool]],
    end: int,
    resident: bool = True,
    infer: bool = False,
    start: int | None = None,
) -> list[int]:
    """Events of one person's crossings (day, exit) under the default rule; ``infer``:
    residence at the start not known, ``resident`` is only what citizenship suggests."""
    p = np.zeros(len(crossings), dtype=np.int64)
    d = np.array([c[0] for c in crossings], dtype=np.int32)
    x = np.array([c[1] for c in crossings])
    initial = np.full(len(crossings), (1 if resident else -1) * (2 if infer else 1), np.int8)
    events: list[int] = steps(p, d, x, initial, end, RULE, start)["event"].tolist()
    return events


def test_the_rule_counts_days_of_the_configured_months() -> None:
    assert (RULE.window, RULE.threshold) == (487, 365)
    assert Rule(12, 6).threshold == 183
    with pytest.raises(ValueError, match="within the window"):
        Rule(12, 13)


def test_exactly_twelve_of_sixteen_months_abroad_is_emigration() -> None:
    # … and staying home afterwards, for good, is the coming back of a long-term emigrant.
    assert _one([(0, EXIT), (365, ENTRY)], end=2000) == [1, 2]


def test_a_day_short_of_twelve_months_is_not() -> None:
    assert _one([(0, EXIT), (364, ENTRY)], end=2000) == [0, 0]


def test_eleven_months_abroad_is_not() -> None:
    assert _one([(0, EXIT), (335, ENTRY)], end=2000) == [0, 0]


def test_a_return_visit_does_not_break_the_stay_abroad() -> None:
    # 200 days abroad, 20 days home, then abroad for good: 200 + 267 days of 487 abroad.
    events = _one([(0, EXIT), (200, ENTRY), (220, EXIT)], end=2000)
    assert events == [1, 0, 0]  # an emigrant once; the visit and the second exit are not moves


def test_twelve_months_abroad_spread_over_two_trips_count() -> None:
    # 190 + 180 = 370 days abroad within the 487 after the first departure.
    assert _one([(0, EXIT), (190, ENTRY), (300, EXIT), (480, ENTRY)], end=2000)[0] == 1


def test_coming_back_for_good_after_emigrating_is_immigration() -> None:
    events = _one([(0, EXIT), (600, ENTRY)], end=2000)
    assert events == [1, 2]


def test_a_foreigner_staying_twelve_months_is_an_immigrant() -> None:
    # … and, a resident now, leaving for good after 400 days is emigration.
    assert _one([(0, ENTRY), (400, EXIT)], end=2000, resident=False) == [2, 1]
    assert _one([(0, ENTRY), (300, EXIT)], end=2000, resident=False) == [0, 0]


def test_an_open_window_is_a_candidate_until_it_is_decided() -> None:
    assert _one([(0, EXIT)], end=300) == [3]  # 300 days seen, 187 unseen: either way
    assert _one([(0, EXIT)], end=400) == [1]  # 400 days abroad already: decided
    assert _one([(0, EXIT), (10, ENTRY)], end=300) == [0, 0]  # cannot reach 365 any more


def test_the_fast_path_agrees_with_the_sql_reference() -> None:
    travel = simulate(40_000, date(2021, 1, 1), 3, seed=5, burn_in=730, after=0)
    first = (date(2021, 1, 1) - date(1970, 1, 1)).days
    last = first + 3 * 365 - 1
    con = residence.connect()
    observe(con, travel, first, last)
    residence.classify_sql(con, "observed", last, RULE)
    reference = dict(
        con.execute("SELECT coalesce(event, '-'), count(*) FROM classified GROUP BY 1").fetchall()
    )
    residence.classify(con, "observed", last, RULE, rows_per_bucket=20_000)
    fast = dict(con.execute("SELECT kind, sum(n) FROM events GROUP BY 1").fetchall())
    fast |= dict(con.execute("SELECT kind, sum(n) FROM candidates GROUP BY 1").fetchall())
    assert reference["E"] > 50
    assert reference["I"] > 20
    for kind in ("E", "I", "e", "i"):
        assert fast.get(kind, 0) == reference.get(kind, 0), kind


class World(NamedTuple):
    con: duckdb.DuckDBPyConnection
    travel: Travel
    first: int
    last: int


@pytest.fixture(scope="module")
def world() -> World:
    travel = simulate(150_000, date(2021, 1, 1), 4, seed=11)
    first = (date(2021, 1, 1) - date(1970, 1, 1)).days
    last = first + 4 * 365 - 1
    con = residence.connect()
    truth_events(con, travel, RULE)
    observe(con, travel, first, last)
    return World(con, travel, first, last)


def test_final_classification_is_at_least_99_percent_correct(world: World) -> None:
    con, travel, first, last = world
    census(con, "observed", linked_changes=False)
    found = accuracy(con, travel, first, last, RULE, "census")
    assert found.crossings > 100_000
    assert found.emigrants_true > 500
    assert found.immigrants_true > 200
    assert found.correct >= 0.99
    assert abs(found.emigrants_found - found.emigrants_true) / found.emigrants_true < 0.05


def test_without_the_population_base_the_start_is_inferred(world: World) -> None:
    """Measured, not hidden: without the base, some who were abroad at the start are
    misread (their return is missed), but far fewer than by citizenship alone."""
    con, travel, first, last = world
    found = accuracy(con, travel, first, last, RULE, None)
    assert found.correct >= 0.99
    assert found.immigrants_found < found.immigrants_true
    assert abs(found.emigrants_found - found.emigrants_true) / found.emigrants_true < 0.1


def test_the_start_is_inferred_from_the_first_crossing() -> None:
    # A citizen whose first crossing is an arrival for a visit lived abroad: not resident.
    assert _one([(0, ENTRY), (30, EXIT)], end=2000, resident=True, infer=True) == [0, 0]
    # A citizen leaving on a trip and coming back lived here: the trip is not a move.
    assert _one([(0, EXIT), (30, ENTRY)], end=2000, resident=True, infer=True) == [0, 0]
    # A foreigner leaving for 40 days and coming back lived here; leaving for good is emigration.
    assert _one([(0, EXIT), (40, ENTRY), (400, EXIT)], end=2000, resident=False,
                infer=True) == [0, 0, 1]  # fmt: skip
    # A first arrival a year after the crossings start: abroad that long, an immigrant.
    assert _one([(400, ENTRY)], end=2000, resident=True, infer=True, start=0) == [2]


def test_the_provisional_model_error_is_measured_on_held_back_months(
    world: World,
) -> None:
    con, _, _, last = world
    census(con, "observed", linked_changes=True)
    outcome = residence.classify(con, "observed", last, RULE, base="census", held_back=True)
    residence.estimate(con)
    report = residence.held_back_error(outcome, con)
    assert len(report["months"]) == 16
    error = report["error"]
    assert all(math.isfinite(v) for v in error.values())
    # The model must beat counting only what is decided (the naive provisional figure).
    naive = residence.error_of(
        residence.monthly_flows(con, 0),
        {
            (int(y), int(m)): (float(e), float(i))
            for y, m, e, i in con.execute(
                "SELECT year(DATE '1970-01-01' + d), month(DATE '1970-01-01' + d), "
                "sum(CASE WHEN kind = 'E' THEN n ELSE 0 END), "
                "sum(CASE WHEN kind = 'I' THEN n ELSE 0 END) FROM events WHERE horizon = 1 "
                "GROUP BY ALL"
            ).fetchall()
        },
        report["months"],
    )
    assert error["emigrants"] < naive["emigrants"]
    assert error["immigrants"] < naive["immigrants"]


def test_a_link_joins_the_histories_of_two_passports() -> None:
    """Leaving for 300 days, back under a new passport: no move. Unlinked, the old
    passport never comes back: a long-term emigrant that is not."""
    con = residence.connect()
    table = pa.table(
        {
            "person_key": pa.array([1, 2], pa.int64()),
            "crossing_date": pa.array([0, 300], pa.int32()).cast(pa.date32()),
            "direction": pa.array(["EXIT", "ENTRY"]),
            "citizenship": pa.array(["417", "417"]),
            "sex": pa.array(["M", "M"]),
            "age": pa.array([30, 31], pa.int16()),
            "purpose": pa.array(["WORK", "PRIVATE"]),
            "destination": pa.array(["643", "643"]),
        }
    )
    con.register("two", table)
    con.register("links", pa.table({"old_key": pa.array([2], pa.int64()),
                                    "new_key": pa.array([1], pa.int64())}))  # fmt: skip
    residence.classify(con, "two", 2000, RULE)
    unlinked = con.execute("SELECT kind FROM events ORDER BY d").fetchall()
    residence.classify(con, "two", 2000, RULE, links="links")
    linked = con.execute("SELECT kind FROM events ORDER BY d").fetchall()
    assert unlinked == [("E",)]
    assert linked == []


def test_the_own_history_features_agree_with_a_loop_per_person() -> None:
    """``gap`` (days since the person's previous crossing; for the first crossing held, the
    days held before it when at least a year, else -1), ``earlier`` (crossings in the 365
    days before, -1 in the first year held), ``after``/``again`` (within the window) and
    ``settled``, against a plain loop."""
    rng = np.random.default_rng(3)
    rows = sorted(
        (int(p), int(d), bool(x))
        for p, d, x in zip(
            rng.integers(0, 40, 600),
            rng.integers(0, 1500, 600),
            rng.random(600) < 0.5,
            strict=True,
        )
    )
    rows = sorted(set(rows), key=lambda r: (r[0], r[1], not r[2]))
    p = np.array([r[0] for r in rows], dtype=np.int64)
    d = np.array([r[1] for r in rows], dtype=np.int32)
    x = np.array([r[2] for r in rows])
    start = 0
    out = steps(p, d, x, np.ones(p.size, np.int8), 1500, RULE, start)
    events = out["event"].tolist()
    assert {1, 2} <= set(events)  # moves happen, so `settled` is put to the test
    assert 0 < out["settled"].sum() < p.size
    assert 0 < out["again"].sum() < p.size
    for i, (person, day, _) in enumerate(rows):
        mine = [r[1] for r in rows[:i] if r[0] == person]
        held = day - start
        gap = day - mine[-1] if mine else (held if held >= 365 else -1)
        same_day_before = sum(1 for r in rows[:i] if r[0] == person and r[1] == day)
        earlier = sum(1 for t in mine if day - 365 <= t < day) if held >= 365 else -1
        assert out["gap"][i] == gap, (i, rows[i])
        assert out["earlier"][i] == earlier, (i, rows[i], same_day_before)
        later = [r[1] for r in rows[i + 1 :] if r[0] == person]
        # After coming back: the next stay (to the crossing after, or the end), and whether
        # it ended too — both within the crossing's own window.
        stay_after = (later[1] if len(later) > 1 else 1500) - later[0] if later else 0
        left = day + RULE.window - later[0] if later else 0  # the window's days at the return
        after = min(stay_after, max(left, 0)) if later else 0
        assert out["after"][i] == after, (i, rows[i])
        assert out["again"][i] == (len(later) > 1 and stay_after < left), (i, rows[i])
        # Settled: no move (emigration, immigration) of the person before, or one at least
        # 365 days before.
        moved = [r[1] for j, r in enumerate(rows[:i]) if r[0] == person and events[j] in (1, 2)]
        assert out["settled"][i] == (not moved or day - moved[-1] >= 365), (i, rows[i])


def test_the_expected_count_is_unbiased_on_held_back_months(world: World) -> None:
    """Over the held-back months, decided + Σ n p against the final count: within four
    standard errors of the sum — the candidates' own Bernoulli spread Σ n p (1 − p) plus
    each rate's sampling variance p (1 − p) / cases times the square of the candidates
    sharing it (a rate is told apart by its value and its cases)."""
    con, _, _, last = world
    census(con, "observed", linked_changes=True)
    outcome = residence.classify(con, "observed", last, RULE, base="census", held_back=True)
    residence.estimate(con)
    months = residence.held_back_error(outcome, con)["months"]
    final, estimated = residence.monthly_flows(con, 0), residence.monthly_flows(con, 1)
    for index, kind in ((0, "e"), (1, "i")):
        truth = sum(final[k][index] for k in months)
        model = sum(estimated[k][index] for k in months)
        row = con.execute(f"""
            SELECT sum(spread), sum(rate_var) FROM (
                SELECT sum(n * prob * (1 - prob)) AS spread,
                       sum(n) ^ 2 * any_value(prob * (1 - prob) / cases) AS rate_var
                FROM rated WHERE horizon = 1 AND kind = '{kind}' AND cases > 0
                GROUP BY prob, cases)
        """).fetchone()  # noqa: S608
        assert row is not None
        se = math.sqrt(row[0] + row[1])
        assert truth > 500
        assert 0 < se < 0.05 * truth  # the tolerance is a sampling error, not a blanket
        assert abs(model - truth) <= 4 * se, (kind, model, truth, se)
