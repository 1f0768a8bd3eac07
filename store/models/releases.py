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
    PrimaryKeyConstraint,
    String,
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


#: How many dimensions an indicator may have: one key column each, ``k1`` … ``k8``.
KEY_COLUMNS = 8
#: The key of a dimension an indicator does not have (the column is part of the primary key,
#: so it may not be NULL: PostgreSQL would treat every NULL as distinct).
UNUSED = ""


class Observation(Base):
    """One value: release × indicator × the codes of its dimensions × period.

    ``k1`` … ``k8`` hold the codes of the indicator's dimensions in the catalog's order
    (``Indicator.dimensions``); columns past the indicator's last dimension hold ``""``.
    Why typed key columns rather than a JSON mapping: the primary key
    ``(release, indicator, k1 … k8, period)`` is then an index that answers any selection
    (``k1 IN (…) AND k2 = '_T' …``) without reading or decoding the rest of the indicator.
    On SQLite the table is ``WITHOUT ROWID``, so the rows themselves are stored in key order
    (clustered); on PostgreSQL a release's rows are written in key order, which clusters
    them as well, since a release is written once and never changed, and the primary key's
    index includes the value and the flags (migration 0006), so that a read is answered from
    the index alone once autovacuum has seen the release.
    ``sort_order`` is the release's own order of its cells, in which every answer lists them.
    """

    __tablename__ = "observation"
    __table_args__ = (
        PrimaryKeyConstraint(
            "release_id",
            "indicator_id",
            *(f"k{n}" for n in range(1, KEY_COLUMNS + 1)),
            "period",
        ),
        {"sqlite_with_rowid": False},
    )

    release_id: Mapped[str] = mapped_column(ForeignKey("release.id", ondelete="CASCADE"))
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"))
    k1: Mapped[str] = mapped_column(String(40), default=UNUSED)
    k2: Mapped[str] = mapped_column(String(40), default=UNUSED)
    k3: Mapped[str] = mapped_column(String(40), default=UNUSED)
    k4: Mapped[str] = mapped_column(String(40), default=UNUSED)
    k5: Mapped[str] = mapped_column(String(40), default=UNUSED)
    k6: Mapped[str] = mapped_column(String(40), default=UNUSED)
    k7: Mapped[str] = mapped_column(String(40), default=UNUSED)
    k8: Mapped[str] = mapped_column(String(40), default=UNUSED)
    period: Mapped[str] = mapped_column(String(20))
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


class ObservationDomain(Base):
    """The codes one dimension (or ``period``) of an indicator takes in a release, and the
    key column that dimension's codes are in.

    Written with the observations (:func:`store.observations.insert_observations`), so that
    reading which codes an indicator has — what every answer's dimensions list and every
    selection resolves against — is one short indexed read instead of a scan of every
    observation of the indicator (seconds at 20 years × rayon detail). ``position`` (1 for
    ``k1`` …, 0 for the period) is the release's own order of the key: the catalog may
    reorder an indicator's dimensions for a later release, and an earlier release must
    still be read as it was written.
    """

    __tablename__ = "observation_domain"

    release_id: Mapped[str] = mapped_column(
        ForeignKey("release.id", ondelete="CASCADE"), primary_key=True
    )
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"), primary_key=True)
    dimension: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    codes: Mapped[list[str]] = mapped_column(JSON, default=list)
