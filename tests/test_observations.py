"""The key index: every way of reading a selection gives the oracle's cells, in its order.

``select_cells`` may seek on every key column, on the dimensions cut only, or on a prefix
the cost model (``plan``) chooses; whichever it does, the cells and their order must be
those of reading the whole indicator and filtering in Python.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from store import Database
from store.models import Indicator, ObsStatus, Release, ReleaseStatus
from store.observations import NewObservation, insert_observations, plan, select_cells
from tests import release_factory as rf
from tests.conftest import _fresh
from tests.oracle import scan_cells

DIMS = ("soate", "sex", "age5")
CODES = {
    "soate": ("417", "41702", "41703", "41711", "41721"),
    "sex": ("_T", "M", "F"),
    "age5": ("_T", "Y0T4", "Y5T9", "Y10T14"),
}
PERIODS = ("2021", "2022", "2023", "2024", "2025")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    url = f"sqlite:///{tmp_path_factory.mktemp('obs') / 'obs.sqlite3'}"
    _fresh(url).dispose()
    database = Database(url)
    rng = random.Random(7)
    with database.transaction() as session:
        session.add(
            Indicator(
                id="cube",
                topic="population",
                name_ky="a",
                name_ru="b",
                name_en="c",
                unit="persons",
                dimensions=list(DIMS),
                attributes={"codelists": {d: d for d in DIMS}},
            )
        )
        session.add(
            Release(
                id="2025-P1",
                reference_period="2025",
                status=ReleaseStatus.PROVISIONAL,
                created_at=rf.NOW,
                scheduled_at=rf.NOW,
                published_at=rf.NOW,
                notes={},
            )
        )
        session.flush()
        keys = [
            (s, x, a, period)
            for s in CODES["soate"]
            for x in CODES["sex"]
            for a in CODES["age5"]
            for period in PERIODS
            if rng.random() < 0.8  # a sparse cube, as real releases are
        ]
        rng.shuffle(keys)  # the release's order is not the key's
        cells = [
            NewObservation(
                "cube",
                period,
                {"soate": s, "sex": x, "age5": a},
                float(rng.randint(0, 99)),
                ObsStatus.NORMAL,
                sort_order=order,
            )
            for order, (s, x, a, period) in enumerate(keys)
        ]
        insert_observations(session.connection(), "2025-P1", cells, {"cube": DIMS})
    with database.engine.connect() as connection:
        yield connection
    database.dispose()


def _subset(codes: tuple[str, ...]) -> st.SearchStrategy[list[str] | None]:
    return st.one_of(st.none(), st.lists(st.sampled_from(codes), min_size=1, unique=True))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    soate=_subset(CODES["soate"]),
    sex=_subset(CODES["sex"]),
    age=_subset(CODES["age5"]),
    periods=_subset(PERIODS),
    planned=st.booleans(),
)
def test_every_way_of_reading_a_selection_gives_the_oracles_cells(
    store: Connection,
    soate: list[str] | None,
    sex: list[str] | None,
    age: list[str] | None,
    periods: list[str] | None,
    planned: bool,
) -> None:
    where = {d: c for d, c in zip(DIMS, (soate, sex, age), strict=True) if c is not None}
    present = {**{d: len(c) for d, c in CODES.items()}, "period": len(PERIODS)}
    if planned:  # the API's way: every dimension's codes, and how many there are
        where = {d: where.get(d, list(CODES[d])) for d in DIMS}
        periods = periods or list(PERIODS)
    got = select_cells(
        store, "2025-P1", "cube", DIMS, periods, where, present=present if planned else None
    )
    expected = scan_cells(store, "2025-P1", "cube", DIMS, periods, where)
    assert got == expected


def test_the_cost_model_seeks_narrow_selections_and_scans_wide_ones() -> None:
    # one territory, both sexes, the total age, 5 of 20 years: seek on every column
    assert plan([1, 1, 3, 1, 1, 5], [66, 3, 3, 20, 24, 20]) == 6
    # all rayons × both sexes × every age × every year: seek to urban/rural, scan the rest
    assert plan([41, 1, 3, 19, 20], [66, 3, 3, 19, 20]) == 2
    # everything: one scan of the indicator
    assert plan([66, 3, 3, 19, 20], [66, 3, 3, 19, 20]) == 0
