"""Disclosure control: the frequency rule, complementary suppression, and the LP audit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy.orm import Session

from exports.audit import audit
from exports.sdc import Rules, primary_cells, protect
from exports.spec import TableSpec
from exports.tables import build
from store import Database, schema
from tests import exports_factory as ef


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    url = f"sqlite:///{tmp_path_factory.mktemp('sdc') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        ef.store(session)
        yield session
    database.dispose()


def test_counts_of_one_and_two_are_primary_zeros_are_not() -> None:
    values = np.array([0, 1, 2, 3, 4, 7])
    assert primary_cells(values, 3).tolist() == [False, True, True, False, False, False]
    assert primary_cells(values, 5).tolist() == [False, True, True, True, True, False]


def test_primary_suppression_alone_is_undone_by_the_totals() -> None:
    table = ef.table([[1, 10], [20, 30]])
    naive = table.with_cells(
        np.where(primary_cells(table.values, 3), np.nan, table.values),
        np.where(primary_cells(table.values, 3), "C", "F").astype(object),
    )
    [interval] = audit(naive, margin=3).intervals
    assert (interval.lower, interval.upper) == (1.0, 1.0)  # 11 − 10: disclosed exactly


def test_complements_protect_the_small_cell() -> None:
    protection = protect(ef.table([[1, 10], [20, 30]]), Rules(3, 3))
    assert protection.primary == 1
    assert protection.secondary >= 3
    assert protection.report.passed
    assert np.isnan(protection.table.values[1, 1])
    assert protection.table.conf[1, 1] == "C"


@pytest.mark.parametrize("territory", ["41702", "41708"])
@pytest.mark.slow
def test_audit_passes_at_district_by_sex_by_five_year_age(
    synthetic: Session, territory: str
) -> None:
    spec = TableSpec(
        "microdata", "mig_arrivals", (str(ef.YEAR),), ("soate", "sex", "age5"), territory
    )
    table = build(synthetic, spec, ef.NOW)
    assert table.shape[1] > 3
    assert table.shape[3] == 19
    protection = protect(table, Rules(3, 3))
    report = protection.report
    assert protection.primary > 0
    assert protection.secondary > 0
    assert report.passed
    for interval in report.intervals:  # the truth lies inside, and the interval is wide
        truth = table.values.ravel()[interval.cell]
        assert interval.lower <= truth <= interval.upper
        assert interval.width >= 3
    shown = ~np.isin(protection.table.conf, ["C", "D"])
    assert np.array_equal(protection.table.values[shown], table.values[shown])


def test_the_table_adds_up_over_every_hierarchy(synthetic: Session) -> None:
    spec = TableSpec("microdata", "mig_departures", (str(ef.YEAR),), ("soate", "sex"), "417")
    table = build(synthetic, spec, ef.NOW)
    soate = table.dims[1]
    oblasts = soate.children["417"]
    assert table.values[0, soate.index["417"], 0] == sum(
        table.values[0, soate.index[o], 0] for o in oblasts
    )
    assert table.values[0, soate.index["417"], 0] == table.values[0, soate.index["417"], 1:].sum()


def test_a_bigger_threshold_suppresses_more(tmp_path: Path) -> None:
    del tmp_path
    table = ef.table([[1, 4, 9], [3, 5, 8], [6, 2, 7]])
    assert protect(table, Rules(5, 3)).primary > protect(table, Rules(3, 3)).primary
    assert protect(table, Rules(5, 3)).report.passed
