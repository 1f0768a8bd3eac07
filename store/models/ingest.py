"""Ingest batches and the quarantine: the ledger that proves no record is lost.

Per batch, ``received = loaded + quarantined + duplicates``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
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

    batch: Mapped[IngestBatch] = relationship(foreign_keys=[batch_id])
