"""Staff services: what came in, how good it is, and making a release public.

Publishing follows the rule of ``indicators.release.publish`` (a release that failed its
checks is never public; publishing brings the publication time forward to now) without
importing the computation: the API writes through the store only.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.exceptions import ConflictError, InvalidParameterError, NotFoundError
from l10n import _
from store import quality as quality_report
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
        raise NotFoundError("unknown-release", _("There is no release with this id."))
    if not (release.notes or {}).get("checks_passed"):
        raise ConflictError(
            "release-failed-checks",
            _("This release failed its checks and cannot be published."),
        )
    if release.published_at is None or release.published_at > now:
        release.published_at = now
    session.commit()
    return {"id": release.id, "published_at": release.published_at.isoformat()}


def quality_period(start: str | None, end: str | None) -> tuple[date, date]:
    """The ``from`` and ``to`` of a quality report: ISO dates, in order."""
    period = []
    for name, value in (("from", start), ("to", end)):
        try:
            period.append(date.fromisoformat(value or ""))
        except ValueError:
            raise InvalidParameterError(
                "invalid-parameters",
                _("Some parameters are not valid."),
                invalid_params=[{"name": name, "reason": "an ISO date (YYYY-MM-DD)"}],
            ) from None
    if period[0] > period[1]:
        raise InvalidParameterError(
            "invalid-parameters",
            _("Some parameters are not valid."),
            invalid_params=[{"name": "to", "reason": "not before from"}],
        )
    return period[0], period[1]


def quality_page(session: Session, source: str, start: date, end: date, lang: str) -> str:
    """The readable quality report of ``source`` (what ``flask ingest quality --html`` shows,
    without the ministries' labels and suggested matches, which ingestion holds)."""
    known = source in quality_report.SOURCE_TABLES or session.scalar(
        select(func.count()).select_from(IngestBatch).where(IngestBatch.source == source)
    )
    if not known:
        raise NotFoundError("unknown-source", _("No source of this name has been ingested."))
    result = quality_report.report(
        session, source, start, end, table=quality_report.event_table(source)
    )
    return quality_report.render_html(result, lang)
