"""Staff services: what came in, how good it is, and making a release public.

Publishing follows the rule of ``indicators.release.publish`` (a release that failed its
checks is never public; publishing brings the publication time forward to now) without
importing the computation: the API writes through the store only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.errors import ApiError
from l10n import _
from store.models import IngestBatch, QuarantineRecord, Release


def ingest_status(session: Session, limit: int = 50) -> dict[str, Any]:
    batches = session.scalars(select(IngestBatch).order_by(IngestBatch.id.desc()).limit(limit))
    return {
        "batches": [
            {
                "id": b.id,
                "source": b.source,
                "status": b.status,
                "started_at": b.started_at.isoformat(),
                "finished_at": b.finished_at.isoformat() if b.finished_at else None,
                "received": b.received,
                "loaded": b.loaded,
                "quarantined": b.quarantined,
                "duplicates": b.duplicates,
                "synthetic": b.synthetic,
            }
            for b in batches
        ]
    }


def quality(session: Session) -> dict[str, Any]:
    """Open quarantine by source and reason; the checks of every release, embargoed too."""
    open_rows = session.execute(
        select(QuarantineRecord.source, QuarantineRecord.reason_codes).where(
            QuarantineRecord.resolved_at.is_(None)
        )
    )
    quarantine: dict[str, dict[str, int]] = {}
    for source, reasons in open_rows:
        for reason in reasons or ["unknown"]:
            by_source = quarantine.setdefault(source, {})
            by_source[reason] = by_source.get(reason, 0) + 1
    releases = session.scalars(select(Release).order_by(Release.created_at.desc()))
    return {
        "quarantine": quarantine,
        "quarantined_total": session.scalar(
            select(func.count())
            .select_from(QuarantineRecord)
            .where(QuarantineRecord.resolved_at.is_(None))
        ),
        "releases": [
            {
                "id": r.id,
                "checks_passed": bool((r.notes or {}).get("checks_passed")),
                "checks": (r.notes or {}).get("checks", []),
                "published_at": r.published_at.isoformat() if r.published_at else None,
            }
            for r in releases
        ],
    }


def publish(session: Session, release_id: str, now: datetime) -> dict[str, Any]:
    release = session.get(Release, release_id)
    if release is None:
        raise ApiError(404, "unknown-release", _("There is no release with this id."))
    if not (release.notes or {}).get("checks_passed"):
        raise ApiError(
            409,
            "release-failed-checks",
            _("This release failed its checks and cannot be published."),
        )
    if release.published_at is None or release.published_at > now:
        release.published_at = now
    session.commit()
    return {"id": release.id, "published_at": release.published_at.isoformat()}
