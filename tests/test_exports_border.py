"""Border-based long-term migrants as a microdata source for data requests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from exports.requests import RequestInvalidError, validate
from exports.sdc import Rules, protect
from exports.spec import TableSpec
from exports.tables import build
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.border import BorderAdapter
from store import Database, schema
from store.models import Release
from synth.files import Defects, write_border_histories
from tests import exports_factory as ef


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Path]]:
    folder = tmp_path_factory.mktemp("border-exports")
    url = f"sqlite:///{folder / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        ef.store(session)
    manifest = write_border_histories(folder / "border.csv", 60_000, seed=4,
                                      defects=Defects(bad=0.0), years=3)  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STATKG_MICRODATA_DIR", str(folder / "microdata"))
        loader = BatchLoader(database, Pseudonymiser("t"))
        BorderAdapter(path=str(manifest.path)).run(loader)
        with database.transaction() as session:  # the release was computed after the load
            session.execute(update(Release).values(created_at=datetime.now(UTC)))
        with database.session() as session:
            yield session, folder
    database.dispose()


def test_a_custom_table_of_long_term_emigrants_passes_disclosure_control(
    store: tuple[Session, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    session, folder = store
    monkeypatch.setenv("STATKG_MICRODATA_DIR", str(folder / "microdata"))
    spec = TableSpec("microdata", "border_lt_emigrants", ("2022",), ("sex", "age_social"))
    table = build(session, spec, ef.NOW)
    values = table.values
    assert values[0, 0, 0] > 20  # the total: emigrants were found
    assert np.all(values >= 0)
    assert values[0, 0, 0] == pytest.approx(values[0, 1:, 0].sum())
    assert values[0, 0, 0] == pytest.approx(values[0, 0, 1:].sum())
    report = protect(table, Rules(3, 3)).report
    assert report.passed


def test_a_request_sees_only_the_deliveries_its_release_saw(
    store: tuple[Session, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Crossings loaded after the public release was computed are not yet published: a
    request answered from that release must not use them."""
    session, folder = store
    monkeypatch.setenv("STATKG_MICRODATA_DIR", str(folder / "microdata"))
    spec = TableSpec("microdata", "border_lt_emigrants", ("2022",), ("sex",))
    assert build(session, spec, ef.NOW).values[0, 0] > 20
    computed = session.scalars(select(Release.created_at)).all()
    session.execute(update(Release).values(created_at=datetime(2000, 1, 1, tzinfo=UTC)))
    try:
        assert build(session, spec, ef.NOW).values[0, 0] == 0
    finally:
        session.rollback()
    assert session.scalars(select(Release.created_at)).all() == computed


def test_a_border_request_may_not_ask_for_a_territory_or_a_reason(
    store: tuple[Session, Path],
) -> None:
    session, _ = store
    for breakdowns, territory in ((("soate",), "417"), (("reason",), "417"), (("sex",), "41702")):
        spec = TableSpec("microdata", "border_lt_immigrants", ("2022",), breakdowns, territory)
        with pytest.raises(RequestInvalidError):
            validate(session, spec, ["csv"], ef.NOW)


def test_the_catalog_publishes_final_and_provisional_figures(
    store: tuple[Session, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closed years are final (no status: the release's default), open ones provisional."""
    from indicators import residence
    from indicators.catalog import all_specs
    from indicators.context import Context
    from indicators.frame import Frame
    from store.models import ObsStatus

    session, folder = store
    monkeypatch.setenv("STATKG_MICRODATA_DIR", str(folder / "microdata"))
    out = Frame(all_specs())
    residence.compute(Context(session, last_year=2025), out)
    totals = {
        (o.indicator, o.period): o
        for o in out
        if all(code == "_T" for _, code in o.dims) and o.indicator.startswith("border_lt_")
    }
    # Crossings of 2021-2023 (three years): 2021 is final, 2022 and 2023 still open.
    assert totals[("border_lt_emigrants", "2021")].status is None
    assert totals[("border_lt_emigrants", "2023")].status == ObsStatus.PROVISIONAL
    for year in ("2021", "2022", "2023"):
        net = totals[("border_lt_net", year)].value or 0.0
        immigrants = totals[("border_lt_immigrants", year)].value or 0.0
        emigrants = totals[("border_lt_emigrants", year)].value or 0.0
        assert emigrants > 0
        assert net == pytest.approx(immigrants - emigrants)
        monthly = [
            o.value or 0.0
            for o in out
            if o.indicator == "border_lt_emigrants_monthly"
            and o.period == year
            and dict(o.dims) == {"month": o.dims[0][1], "sex": "_T"}
            and o.dims[0][1] != "_T"
        ]
        assert sum(monthly) == pytest.approx(emigrants)
    share = totals[("border_lt_labour_share", "2021")].value
    assert share is not None
    assert 0 < share < 100
    # Measured on the months open one window before the end (cut in 2022).
    error = totals[("border_lt_provisional_error", "2022")]
    assert error.value is not None
    assert 0 <= error.value < 100


def test_a_border_request_prints_the_figures_the_release_publishes(
    store: tuple[Session, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Provisional cells hold fractional expected persons: the export rounds them, and its
    totals, by the one rule (half-up, when written), so each printed cell equals the
    catalog's figure for it — a cell rounded before its total was added would not."""
    from indicators import residence
    from indicators.catalog import all_specs
    from indicators.context import Context
    from indicators.frame import Frame
    from l10n.numbers import machine

    session, folder = store
    monkeypatch.setenv("STATKG_MICRODATA_DIR", str(folder / "microdata"))
    spec = TableSpec("microdata", "border_lt_emigrants", ("2023",), ("sex", "age_social"))
    table = build(session, spec, ef.NOW)
    assert np.any(table.values != np.round(table.values))  # 2023 is provisional
    out = Frame(all_specs())
    residence.compute(Context(session, last_year=2025), out)
    published = {
        (dict(o.dims)["sex"], dict(o.dims)["age_social"]): o.value
        for o in out
        if o.indicator == "border_lt_emigrants"
        and o.period == "2023"
        and dict(o.dims)["citizenship"] == "_T"
        and dict(o.dims)["country_group"] == "_T"
    }
    sex, age = table.dims[1], table.dims[2]
    compared = 0
    for (s, a), value in published.items():
        if s in sex.index and a in age.index and value is not None:
            printed = machine(float(table.values[0, sex.index[s], age.index[a]]), 0)
            assert printed == machine(value, 0), (s, a)
            compared += 1
    assert compared >= 9
