"""Microdata: individual events, pseudonymised, as loaded from the sources.

Every event row carries its batch and a ``source_key`` that identifies the source record,
unique per table, so that re-sent records are recognised as duplicates instead of being
counted twice. ``person_key`` and the other ``*_key`` columns hold the keyed hash of a
personal identifier, never the identifier itself.

Codes: territories are СОАТЕ codes (``soate``), countries ISO 3166-1 numeric (``country``),
sex ``M``/``F`` (``sex``), ``settlement`` ``U``/``R`` (``urban_rural``), nationalities the
``nationality`` codelist (``NOT_STATED`` when a record gives none), marital status the
``marital_status`` codelist.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base


class _Event:
    """Columns every event table shares."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    event_date: Mapped[date] = mapped_column(Date)
    registered_on: Mapped[date | None] = mapped_column(Date, default=None)


class MigrationEvent(_Event, Base):
    """A registration (arrival) or de-registration (departure) at a place of permanent residence.

    An internal move appears twice: de-registered at the origin, registered at the
    destination. ``migration_type``: ``within_oblast``, ``between_oblasts``, ``external``.
    """

    __tablename__ = "migration_event"
    __table_args__ = (Index("ix_migration_event_date_kind", "event_date", "event_kind"),)

    event_kind: Mapped[str] = mapped_column(String(20))  # registration | deregistration
    migration_type: Mapped[str] = mapped_column(String(20))
    # Not indexed: no query reads moves by person, and each load would pay for it (0005).
    person_key: Mapped[str] = mapped_column(String(64))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    citizenship: Mapped[str | None] = mapped_column(String(3))
    territory: Mapped[str] = mapped_column(String(14))  # where registered / de-registered
    settlement: Mapped[str | None] = mapped_column(String(1))
    origin_territory: Mapped[str | None] = mapped_column(String(14))
    origin_country: Mapped[str | None] = mapped_column(String(3))
    destination_territory: Mapped[str | None] = mapped_column(String(14))
    destination_country: Mapped[str | None] = mapped_column(String(3))
    reason: Mapped[str | None] = mapped_column(String(20))
    nationality: Mapped[str | None] = mapped_column(String(12), default=None)


class BirthEvent(_Event, Base):
    """A live birth registered by the civil registry (ZAGS)."""

    __tablename__ = "birth_event"
    __table_args__ = (Index("ix_birth_event_date", "event_date"),)

    child_key: Mapped[str] = mapped_column(String(64))
    mother_key: Mapped[str | None] = mapped_column(String(64))
    sex: Mapped[str] = mapped_column(String(1))
    territory: Mapped[str] = mapped_column(String(14))
    settlement: Mapped[str | None] = mapped_column(String(1))
    mother_birth_date: Mapped[date | None] = mapped_column(Date)
    mother_age: Mapped[int | None] = mapped_column(Integer)
    birth_order: Mapped[int | None] = mapped_column(Integer)
    mother_nationality: Mapped[str | None] = mapped_column(String(12), default=None)
    # Whether the mother is in a registered marriage: MARRIED, or her status outside it.
    mother_marital_status: Mapped[str | None] = mapped_column(String(20), default=None)


class StillbirthEvent(_Event, Base):
    """A stillbirth (fetal death at 22 or more completed weeks of gestation) registered by the
    civil registry.

    Why a table of its own: a stillborn child is registered by ZAGS like a birth but is not a
    live birth, so it must never be counted with ``birth_event`` (births, fertility, the
    cohort-component estimates); the perinatal indicators read both tables.
    """

    __tablename__ = "stillbirth_event"
    __table_args__ = (Index("ix_stillbirth_event_date", "event_date"),)

    mother_key: Mapped[str | None] = mapped_column(String(64))
    sex: Mapped[str | None] = mapped_column(String(1))
    territory: Mapped[str] = mapped_column(String(14))
    settlement: Mapped[str | None] = mapped_column(String(1))
    mother_birth_date: Mapped[date | None] = mapped_column(Date)
    mother_age: Mapped[int | None] = mapped_column(Integer)
    mother_nationality: Mapped[str | None] = mapped_column(String(12))
    gestation_weeks: Mapped[int | None] = mapped_column(Integer)


class DeathEvent(_Event, Base):
    """A death registered by the civil registry, with the ICD-10 chapter of its cause."""

    __tablename__ = "death_event"
    __table_args__ = (Index("ix_death_event_date", "event_date"),)

    person_key: Mapped[str] = mapped_column(String(64))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    age: Mapped[int | None] = mapped_column(Integer)
    territory: Mapped[str] = mapped_column(String(14))
    settlement: Mapped[str | None] = mapped_column(String(1))
    cause_chapter: Mapped[str | None] = mapped_column(String(5))
    nationality: Mapped[str | None] = mapped_column(String(12), default=None)
    # Completed days of life, for deaths under one year (neonatal and perinatal mortality).
    age_days: Mapped[int | None] = mapped_column(Integer, default=None)


class MarriageEvent(_Event, Base):
    """A marriage registered by the civil registry."""

    __tablename__ = "marriage_event"
    __table_args__ = (Index("ix_marriage_event_date", "event_date"),)

    territory: Mapped[str] = mapped_column(String(14))
    settlement: Mapped[str | None] = mapped_column(String(1))
    groom_key: Mapped[str] = mapped_column(String(64))
    bride_key: Mapped[str] = mapped_column(String(64))
    groom_birth_date: Mapped[date | None] = mapped_column(Date)
    bride_birth_date: Mapped[date | None] = mapped_column(Date)
    groom_age: Mapped[int | None] = mapped_column(Integer)
    bride_age: Mapped[int | None] = mapped_column(Integer)
    groom_prior_status: Mapped[str | None] = mapped_column(String(20))
    bride_prior_status: Mapped[str | None] = mapped_column(String(20))
    groom_nationality: Mapped[str | None] = mapped_column(String(12), default=None)
    bride_nationality: Mapped[str | None] = mapped_column(String(12), default=None)


class DivorceEvent(_Event, Base):
    """A divorce registered by the civil registry."""

    __tablename__ = "divorce_event"
    __table_args__ = (Index("ix_divorce_event_date", "event_date"),)

    territory: Mapped[str] = mapped_column(String(14))
    settlement: Mapped[str | None] = mapped_column(String(1))
    husband_key: Mapped[str] = mapped_column(String(64))
    wife_key: Mapped[str] = mapped_column(String(64))
    husband_age: Mapped[int | None] = mapped_column(Integer)
    wife_age: Mapped[int | None] = mapped_column(Integer)
    marriage_duration: Mapped[int | None] = mapped_column(Integer)


class CensusPopulation(Base):
    """The base population: persons by territory, settlement type, sex, single year of age and
    nationality.

    The starting point of the cohort-component estimates (a census, or for synthetic data
    the generated base), as of ``reference_date``; ``age`` 100 means 100 and over. A row is
    one cell of that grain, so there may be several rows (one per nationality; ``None`` in a
    base loaded without it) for a territory × settlement × sex × age: every reader sums
    ``persons`` over the columns it does not group by.
    """

    __tablename__ = "census_population"
    __table_args__ = (Index("ix_census_population_ref", "reference_date", "territory"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    reference_date: Mapped[date] = mapped_column(Date)
    territory: Mapped[str] = mapped_column(String(14))
    settlement: Mapped[str] = mapped_column(String(1))
    sex: Mapped[str] = mapped_column(String(1))
    age: Mapped[int] = mapped_column(Integer)
    nationality: Mapped[str | None] = mapped_column(String(12), default=None)
    persons: Mapped[int] = mapped_column(Integer)
