"""Microdata of the MCR's registers of foreigners and of citizenship, as loaded via Tunduk.

Why separate tables: neither is a demographic event of the resident population like a birth
or a move, but both feed migration statistics (foreigners staying in the country; persons
acquiring or renouncing Kyrgyz citizenship, with the decree that decided it). Like every
event table, each row has its batch and a unique ``source_key``; ``person_key`` is the keyed
hash of a ПИН or passport number, never the number itself.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base


class ForeignerRegistration(Base):
    """A foreign citizen registered at a place of stay (AIS "Registration of foreigners")."""

    __tablename__ = "foreigner_registration"
    __table_args__ = (Index("ix_foreigner_registration_date", "event_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    event_date: Mapped[date] = mapped_column(Date)
    registered_on: Mapped[date | None] = mapped_column(Date, default=None)
    person_key: Mapped[str] = mapped_column(String(64), index=True)
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    citizenship: Mapped[str] = mapped_column(String(3))
    territory: Mapped[str] = mapped_column(String(14))
    purpose: Mapped[str | None] = mapped_column(String(20))
    stay_until: Mapped[date | None] = mapped_column(Date, default=None)


class CitizenshipEvent(Base):
    """An acquisition or renunciation of Kyrgyz citizenship (AIS "Citizenship").

    ``event_kind``: ``acquisition`` | ``renunciation``; ``event_date`` is the decree date.
    ``other_country`` is the previous citizenship (acquisition) or the new one (renunciation).
    """

    __tablename__ = "citizenship_event"
    __table_args__ = (Index("ix_citizenship_event_date_kind", "event_date", "event_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    event_date: Mapped[date] = mapped_column(Date)
    registered_on: Mapped[date | None] = mapped_column(Date, default=None)
    event_kind: Mapped[str] = mapped_column(String(20))
    person_key: Mapped[str] = mapped_column(String(64), index=True)
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    other_country: Mapped[str | None] = mapped_column(String(3))
    territory: Mapped[str | None] = mapped_column(String(14))
    decree_number: Mapped[str] = mapped_column(String(40))
