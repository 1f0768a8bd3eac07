"""The synthetic data generator: realistic sizes, exact balance, reproducible, safe to load."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from flask import Flask
from sqlalchemy import String, func, select
from sqlalchemy.orm import Session

from ingest.pseudonymise import Pseudonymiser
from store import Database
from store.models import Base, BirthEvent, IngestBatch, MigrationEvent
from synth import SYNTHETIC_NOTICE, profile
from synth.load import MODELS, generate
from synth.simulate import Params, Synthetic, recompute_population, simulate, year_of

SECRET = "synth-test-secret"
TINY = Params(seed=7, scale=0.001)


class RecordingPseudonymiser(Pseudonymiser):
    """Remembers every raw ПИН it was given, so a test can look for them in the store."""

    def __init__(self) -> None:
        super().__init__(SECRET)
        self.seen: list[str] = []

    def pin(self, pin: str) -> str:
        self.seen.append(pin)
        return super().pin(pin)


@pytest.fixture(scope="module")
def base() -> np.ndarray:
    return profile.build_base_population(1.0, np.random.default_rng(1))


@pytest.fixture(scope="module")
def moderate() -> Synthetic:
    return simulate(Params(seed=11, scale=0.05), Pseudonymiser(SECRET))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    database = Database(f"sqlite:///{tmp_path / 'synth.sqlite3'}")
    Base.metadata.create_all(database.engine)
    with database.session() as session:
        yield session
    database.dispose()


def test_total_population_at_full_scale(base: np.ndarray) -> None:
    assert 6_500_000 <= base.sum() <= 7_500_000


def test_region_shares_follow_calibration(base: np.ndarray) -> None:
    national = sum(profile.REGION_POPULATION_2023.values())
    for region, target in profile.REGION_POPULATION_2023.items():
        rows = [i for i, u in enumerate(profile.territories()) if u.region == region]
        share = base[rows].sum() / base.sum()
        assert abs(share - target / national) <= 0.015, region


def test_age_structure_is_young(base: np.ndarray) -> None:
    by_age = base.sum(axis=(0, 1, 2))
    assert 0.30 <= by_age[:16].sum() / by_age.sum() <= 0.40
    assert 0.04 <= by_age[65:].sum() / by_age.sum() <= 0.07


def test_men_per_1000_women(base: np.ndarray) -> None:
    men, women = base[:, :, 0].sum(), base[:, :, 1].sum()
    assert 960 <= 1000 * men / women <= 995


def test_births_and_deaths_per_year(moderate: Synthetic) -> None:
    for year, figures in moderate.figures.items():
        assert 0.019 <= figures["births"] / figures["population"] <= 0.026, year
        assert 0.0035 <= figures["deaths"] / figures["population"] <= 0.006, year


def test_same_seed_same_data_other_seed_other_data() -> None:
    first = simulate(TINY, Pseudonymiser(SECRET))
    again = simulate(TINY, Pseudonymiser(SECRET))
    other = simulate(Params(seed=8, scale=0.001), Pseudonymiser(SECRET))
    assert np.array_equal(first.end_population, again.end_population)
    for table, columns in first.events.items():
        for name, values in columns.items():
            assert np.array_equal(values, again.events[table][name]), (table, name)
    assert not np.array_equal(first.end_population, other.end_population)


def test_end_population_balances_exactly(moderate: Synthetic) -> None:
    params = moderate.params
    end = recompute_population(
        moderate.units, moderate.base, moderate.events, params.first_year, params.years
    )
    assert np.array_equal(end, moderate.end_population)
    assert (end >= 0).all()


def test_internal_moves_come_in_pairs(moderate: Synthetic) -> None:
    moves = moderate.events["migration_event"]
    internal = moves["migration_type"] != "external"
    registered = internal & (moves["event_kind"] == "registration")
    deregistered = internal & (moves["event_kind"] == "deregistration")
    assert sorted(moves["person_key"][registered]) == sorted(moves["person_key"][deregistered])
    assert registered.sum() > 0


def test_events_stay_in_their_year_and_cohort(moderate: Synthetic) -> None:
    deaths = moderate.events["death_event"]
    assert (deaths["event_date"] >= deaths["birth_date"]).all()
    births = moderate.events["birth_event"]
    assert births["mother_age"].min() >= 15
    assert births["mother_age"].max() <= 49
    assert set(year_of(births["event_date"])) == set(moderate.figures)


def test_loading_twice_is_a_no_op(session: Session) -> None:
    first = generate(session, TINY, Pseudonymiser(SECRET))
    rows = session.scalar(select(func.count()).select_from(BirthEvent))
    second = generate(session, TINY, Pseudonymiser(SECRET))
    assert not first.already_loaded
    assert second.already_loaded
    assert second.batch_id == first.batch_id
    assert session.scalar(select(func.count()).select_from(BirthEvent)) == rows


def test_replace_removes_earlier_synthetic_batches(session: Session) -> None:
    generate(session, TINY, Pseudonymiser(SECRET))
    generate(session, Params(seed=8, scale=0.001), Pseudonymiser(SECRET))
    outcome = generate(session, TINY, Pseudonymiser(SECRET), replace=True)
    assert outcome.replaced_batches == 2
    assert session.scalar(select(func.count()).select_from(IngestBatch)) == 1
    batches = set(session.scalars(select(MigrationEvent.batch_id)))
    assert batches == {outcome.batch_id}


def test_everything_is_marked_synthetic(session: Session) -> None:
    outcome = generate(session, TINY, Pseudonymiser(SECRET))
    batch = session.get_one(IngestBatch, outcome.batch_id)
    assert batch.synthetic
    assert batch.source == "synthetic"
    assert batch.status == "loaded"
    assert batch.audit["notice"] == SYNTHETIC_NOTICE
    assert batch.audit["parameters"]["seed"] == TINY.seed
    assert batch.received == batch.loaded == sum(outcome.rows.values())
    assert batch.duplicates == 0
    assert batch.quarantined == 0


def test_no_raw_pin_is_stored(session: Session) -> None:
    pseudonymiser = RecordingPseudonymiser()
    generate(session, TINY, pseudonymiser)
    raw = set(pseudonymiser.seen)
    assert raw
    assert all(re.fullmatch(r"\d{14}", pin) for pin in raw)
    for model in MODELS.values():
        table = model.__table__
        for column in (c for c in table.columns if isinstance(c.type, String)):
            for value in session.scalars(select(column).where(column.is_not(None))):
                assert value not in raw
                assert not re.fullmatch(r"\d{14}", value)
    audit = str(session.scalars(select(IngestBatch.audit)).one())
    assert not any(pin in audit for pin in raw)


@pytest.mark.store
def test_loads_on_every_backend(database: Database) -> None:
    with database.transaction() as session:
        outcome = generate(session, TINY, Pseudonymiser(SECRET))
    with database.session() as session:
        count = session.scalar(select(func.count()).select_from(MigrationEvent))
    assert count == outcome.rows["migration_event"] > 0


@pytest.mark.slow
def test_cli_generates_and_then_does_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from synth.cli import cli

    monkeypatch.setenv("STATKG_PSEUDONYM_SECRET", SECRET)
    app = Flask(__name__)
    app.config["DATABASE_URL"] = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    database = Database()
    database.init_app(app)
    Base.metadata.create_all(database.engine)
    app.cli.add_command(cli)
    args = ["synth", "generate", "--scale", "0.001", "--years", "2"]
    first = app.test_cli_runner().invoke(args=args)
    second = app.test_cli_runner().invoke(args=args)
    database.dispose()
    assert first.exit_code == 0, first.output
    assert "birth_event" in first.output
    assert "already loaded" in second.output
