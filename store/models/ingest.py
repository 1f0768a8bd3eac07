"""Ingest batches and the quarantine: the ledger that proves no record is lost.

Per batch, ``received = loaded + quarantined + duplicates``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base, UTCDateTime


class IngestBatch(Base):
    """One delivery from one source (a Tunduk page run, a file, a generated data set)."""

    __tablename__ = "ingest_batch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(60), index=True)
    # What identifies the delivery (file checksum, service and window, generator parameters):
    # a batch already loaded under the same key is not loaded twice.
    delivery_key: Mapped[str] = mapped_column(String(200), unique=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    status: Mapped[str] = mapped_column(String(20), default="running")
    received: Mapped[int] = mapped_column(Integer, default=0)
    loaded: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    # X-Road audit trail (X-Road-Id, X-Road-Request-Hash), file names, parameters.
    audit: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class QuarantineRecord(Base):
    """A received record that could not be loaded, kept whole with the reasons why."""

    __tablename__ = "quarantine_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    source: Mapped[str] = mapped_column(String(60), index=True)
    # The raw record with personal identifiers already pseudonymised.
    raw: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason_codes: Mapped[list[str]] = mapped_column(JSON)
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    resolved_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingest_batch.id"), default=None
    )
    # The source's id of the record, so a corrected record is re-submitted under its own key.
    source_key: Mapped[str | None] = mapped_column(String(120), default=None, index=True)
    # Where in the delivery it came from (page cursor and index, file line).
    position: Mapped[str] = mapped_column(String(200), default="", server_default="")

    batch: Mapped[IngestBatch] = relationship(foreign_keys=[batch_id])


class IngestRecord(Base):
    """The ledger of every record ever received from a source, by its keys.

    Why a separate ledger: de-duplication must work across batches, across sources' re-sent
    pages and across outcomes (a re-sent record that was quarantined is still a duplicate),
    and it must not depend on which event table a record went to. ``source_key`` is the
    source's own record id; ``natural_key`` a digest of (pseudonymised person, event, date),
    so the same event sent twice under two ids is caught too. Both are unique per source
    (NULLs allowed: a record too broken to have a natural key still has a source key).
    """

    __tablename__ = "ingest_record"
    __table_args__ = (
        UniqueConstraint("source", "source_key"),
        UniqueConstraint("source", "natural_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(60))
    source_key: Mapped[str] = mapped_column(String(120))
    natural_key: Mapped[str | None] = mapped_column(String(64), default=None)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(12))  # loaded | quarantined


class IngestCursor(Base):
    """Where a paged source (a Tunduk service) stopped: the resumable position of a batch.

    Written in the same transaction as the page it follows, so after a crash the cursor and
    the loaded rows always agree and a re-run resumes exactly where the last commit ended.
    """

    __tablename__ = "ingest_cursor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id"), unique=True)
    source: Mapped[str] = mapped_column(String(60), index=True)
    position: Mapped[str] = mapped_column(String(200), default="", server_default="")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Crosswalk(Base):
    """One entry of a versioned crosswalk from a ministry's reference list to a classifier.

    ``reference_list`` names the ministry's list (``mcr-territory``, ``mcr-country``),
    ``codelist_id`` the state classifier it maps to (``soate``, ``country``). A version is
    valid from ``valid_from`` to ``valid_to`` (inclusive, open when NULL), so historic codes
    keep mapping after a reform.
    """

    __tablename__ = "crosswalk"
    __table_args__ = (UniqueConstraint("reference_list", "source_code", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference_list: Mapped[str] = mapped_column(String(40), index=True)
    source_code: Mapped[str] = mapped_column(String(40))
    source_label: Mapped[str] = mapped_column(String(300), default="")
    codelist_id: Mapped[str] = mapped_column(String(40))
    target_code: Mapped[str] = mapped_column(String(40))
    version: Mapped[str] = mapped_column(String(40))
    valid_from: Mapped[date] = mapped_column(Date, default=date(1991, 1, 1))
    valid_to: Mapped[date | None] = mapped_column(Date, default=None)
