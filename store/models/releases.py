"""Releases (immutable, dated vintages) and the observations they hold.

Every number the API, the publications and the exports show is read from a release.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base, UTCDateTime, code_enum
from store.models.catalog import Footnote, Indicator


class ReleaseStatus(enum.StrEnum):
    PROVISIONAL = "provisional"
    FINAL = "final"


class ObsStatus(enum.StrEnum):
    """Observation status, the codes of SDMX ``OBS_STATUS`` that the platform uses."""

    NORMAL = "A"
    PROVISIONAL = "P"
    ESTIMATED = "E"
    BREAK = "B"
    MISSING = "M"  # not available
    NO_CASES = "L"  # missing because the phenomenon does not exist ("–" in tables)


class ConfStatus(enum.StrEnum):
    """Confidentiality status, SDMX ``CONF_STATUS``: free, primary or secondary suppression."""

    FREE = "F"
    PRIMARY = "C"
    SECONDARY = "D"


class Release(Base):
    """A vintage of computed statistics for one reference period."""

    __tablename__ = "release"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    reference_period: Mapped[str] = mapped_column(String(20), index=True)
    status: Mapped[ReleaseStatus] = mapped_column(code_enum(ReleaseStatus, 20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    revises_id: Mapped[str | None] = mapped_column(ForeignKey("release.id"), default=None)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    revises: Mapped[Release | None] = relationship(remote_side=[id])


class Observation(Base):
    """One value: release × indicator × period × dimension key.

    ``dim_key`` is the canonical key ``codelist=code|codelist=code`` in the indicator's
    dimension order; ``dims`` holds the same as a mapping for filtering.
    """

    __tablename__ = "observation"
    __table_args__ = (UniqueConstraint("release_id", "indicator_id", "period", "dim_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[str] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"))
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"), index=True)
    period: Mapped[str] = mapped_column(String(20))
    dim_key: Mapped[str] = mapped_column(String(400))
    dims: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    value: Mapped[float | None] = mapped_column(Float, default=None)
    status: Mapped[ObsStatus] = mapped_column(
        code_enum(ObsStatus, 2),
        default=ObsStatus.NORMAL,
    )
    conf: Mapped[ConfStatus] = mapped_column(
        code_enum(ConfStatus, 2),
        default=ConfStatus.FREE,
    )
    footnote_id: Mapped[int | None] = mapped_column(ForeignKey("footnote.id"), default=None)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    release: Mapped[Release] = relationship()
    indicator: Mapped[Indicator] = relationship()
    footnote: Mapped[Footnote | None] = relationship()
