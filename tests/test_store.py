"""The statistical store behaves the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from store import Database, schema
from store.models import (
    Base,
    ConfStatus,
    Indicator,
    IngestBatch,
    MigrationEvent,
    Observation,
    ObsStatus,
    QuarantineRecord,
    Release,
    ReleaseStatus,
)

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _release(release_id: str = "2025-P1", **extra: object) -> Release:
    values: dict[str, object] = {
        "id": release_id,
        "reference_period": "2025",
        "status": ReleaseStatus.PROVISIONAL,
        "created_at": NOW,
        "scheduled_at": NOW + timedelta(days=1),
    }
    values.update(extra)
    return Release(**values)


def _indicator(indicator_id: str = "pop.jan1") -> Indicator:
    return Indicator(
        id=indicator_id,
        topic="population",
        name_ky="Калк",
        name_ru="Население",
        name_en="Population",
        unit="persons",
        dimensions=["soate", "sex"],
    )


def _batch(key: str = "test:1") -> IngestBatch:
    return IngestBatch(source="test", delivery_key=key, started_at=NOW)


def test_migrations_match_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    assert schema.current_revision(database.engine) == schema.head_revision()


def test_upgrade_twice_changes_nothing(database: Database) -> None:
    schema.upgrade(database.engine)
    assert schema.current_revision(database.engine) == schema.head_revision()


def test_timestamps_come_back_in_utc(session: Session) -> None:
    bishkek = timezone(timedelta(hours=6))
    session.add(_release(scheduled_at=datetime(2026, 3, 2, 15, 0, tzinfo=bishkek)))
    session.commit()
    session.expunge_all()
    release = session.get(Release, "2025-P1")
    assert release is not None
    assert release.scheduled_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert release.scheduled_at.tzinfo is not None


def test_naive_timestamps_are_refused(session: Session) -> None:
    session.add(_release(scheduled_at=datetime(2026, 3, 2, 15, 0)))  # noqa: DTZ001
    with pytest.raises(Exception, match="naive datetime"):
        session.commit()


def test_embargo_filter_compares_instants(session: Session) -> None:
    session.add_all([_release("past", published_at=NOW), _release("future")])
    session.commit()
    later = NOW + timedelta(hours=1)
    visible = session.scalars(
        select(Release.id).where(Release.published_at.is_not(None), Release.published_at <= later)
    ).all()
    assert visible == ["past"]


def test_observation_key_is_unique_per_release(session: Session) -> None:
    session.add_all([_release(), _indicator()])
    obs = {
        "release_id": "2025-P1",
        "indicator_id": "pop.jan1",
        "period": "2025",
        "k1": "417",
        "k2": "_T",
    }
    session.add(Observation(value=7281.8, **obs))
    session.commit()
    session.add(Observation(value=1.0, **obs))
    with pytest.raises(IntegrityError):
        session.commit()


def test_flags_are_stored_as_their_published_codes(session: Session) -> None:
    session.add_all([_release(), _indicator()])
    session.add(
        Observation(
            release_id="2025-P1",
            indicator_id="pop.jan1",
            period="2025",
            k1="417",
            value=None,
            status=ObsStatus.PROVISIONAL,
            conf=ConfStatus.PRIMARY,
        )
    )
    session.commit()
    raw = session.connection().exec_driver_sql("SELECT status, conf FROM observation").one()
    assert tuple(raw) == ("P", "C")


def test_a_release_names_the_release_it_revises(session: Session) -> None:
    session.add(_release("2025-P1"))
    session.add(_release("2025-F1", status=ReleaseStatus.FINAL, revises_id="2025-P1"))
    session.commit()
    final = session.get(Release, "2025-F1")
    assert final is not None
    assert final.revises_id == "2025-P1"
    assert final.status is ReleaseStatus.FINAL


def test_quarantine_keeps_the_raw_record_and_reasons(session: Session) -> None:
    batch = _batch()
    session.add(batch)
    session.flush()
    raw = {"ФИО": "скрыто", "territory": "Ысык-Көл", "pin_key": "ab12"}
    session.add(
        QuarantineRecord(
            batch_id=batch.id,
            source="test",
            raw=raw,
            reason_codes=["unmapped_territory"],
            created_at=NOW,
        )
    )
    session.commit()
    session.expunge_all()
    record = session.scalars(select(QuarantineRecord)).one()
    assert record.raw == raw
    assert record.reason_codes == ["unmapped_territory"]


def test_a_resent_source_record_is_refused(session: Session) -> None:
    batch = _batch()
    session.add(batch)
    session.flush()
    row = {
        "batch_id": batch.id,
        "source_key": "asb:42",
        "event_date": date(2025, 5, 1),
        "event_kind": "registration",
        "migration_type": "between_oblasts",
        "person_key": "k",
        "sex": "F",
        "birth_date": date(1990, 1, 1),
        "citizenship": "417",
        "territory": "41711201",
    }
    session.add(MigrationEvent(**row))
    session.commit()
    session.add(MigrationEvent(**row))
    with pytest.raises(IntegrityError):
        session.commit()


def test_dates_reach_sqlite_as_iso_text_without_the_deprecated_adapter() -> None:
    """The bulk loaders pass date objects to the driver; store.db registers their adapter
    (Python 3.12 deprecates sqlite3's default one, which this would then warn about)."""
    import sqlite3
    import warnings

    import store.db  # noqa: F401 — importing the store registers the adapter

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (d DATE)")
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        connection.execute("INSERT INTO t VALUES (?)", (date(2021, 3, 4),))
    assert connection.execute("SELECT typeof(d), d FROM t").fetchone() == ("text", "2021-03-04")
    connection.close()
