"""Users' data requests: the request, its lifecycle, its files and the audit trail.

A requester follows a request through an unguessable token, of which only a SHA-256 digest
is stored. Every change of state is written to ``data_request_event`` with who did it and
when, so the trail of a request can be shown to auditors as it happened.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base, UTCDateTime, code_enum


class RequestStatus(enum.StrEnum):
    """received → in_work → fulfilled, or rejected (with a reason) from either."""

    RECEIVED = "received"
    IN_WORK = "in_work"
    FULFILLED = "fulfilled"
    REJECTED = "rejected"


class JobState(enum.StrEnum):
    """The export job of a request in work: none yet, waiting, running, done or failed."""

    NONE = "none"
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class DataRequest(Base):
    """One user's request for data, as received and as answered."""

    __tablename__ = "data_request"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[RequestStatus] = mapped_column(code_enum(RequestStatus, 12), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    contact_name: Mapped[str] = mapped_column(String(200))
    contact_email: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    purpose: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2))
    formats: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: What was asked: release or microdata table, indicator/breakdown, period, options.
    spec: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    release_id: Mapped[str | None] = mapped_column(String(40), default=None)
    job_state: Mapped[JobState] = mapped_column(
        code_enum(JobState, 10), default=JobState.NONE, index=True
    )
    progress: Mapped[int] = mapped_column(Integer, default=0)
    #: The files made: [{"format", "name", "bytes", "sha256"}], and the SDC summary.
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    disclosure: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    events: Mapped[list[DataRequestEvent]] = relationship(
        back_populates="request", order_by="DataRequestEvent.id"
    )


class DataRequestEvent(Base):
    """One line of the audit trail: who did what to which request, and when."""

    __tablename__ = "data_request_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[str] = mapped_column(
        ForeignKey("data_request.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    request: Mapped[DataRequest] = relationship(back_populates="events")
