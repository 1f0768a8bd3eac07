"""The release calendar and the notes of each public release."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from api.metadata import Snapshot
from api.v1.data.service import resolve_release
from store import read


def release_entry(r: read.ReleaseInfo) -> dict[str, Any]:
    return {
        "id": r.id,
        "reference_period": r.reference_period,
        "status": r.status,
        "published_at": r.published_at.isoformat(),
        "revises": r.revises_id,
        "revised_by": list(r.revised_by),
        "synthetic": r.synthetic,
        "url": f"/api/v1/releases/{r.id}",
    }


def calendar(session: Session, now: datetime) -> dict[str, Any]:
    """Published releases and the upcoming ones (ids and dates only: the embargo)."""
    cal = read.release_calendar(session, now)
    return {
        "published": [release_entry(r) for r in cal.published],
        "revised": [r.id for r in cal.published if r.revised_by],
        "upcoming": [
            {
                "id": u.id,
                "reference_period": u.reference_period,
                "status": u.status,
                "scheduled_at": u.scheduled_at.isoformat(),
            }
            for u in cal.upcoming
        ],
    }


def release_notes(snapshot: Snapshot, release_id: str) -> dict[str, Any]:
    r = resolve_release(snapshot, release_id)
    checks = r.notes.get("checks") or []
    return {
        **release_entry(r),
        "notes": {
            "checks_passed": bool(r.notes.get("checks_passed")),
            "checks": [
                {
                    "name": str(c.get("name", "")),
                    "passed": bool(c.get("passed")),
                    "compared": int(c.get("compared", 0) or 0),
                    "failed": int(c.get("failed", 0) or 0)
                    if not isinstance(c.get("failed"), list)
                    else len(c["failed"]),
                }
                for c in checks
                if isinstance(c, dict)
            ],
            "years": list(r.notes.get("years") or []),
            "pending_migration_records": int(r.notes.get("pending_migration_records") or 0),
            "unmatched_move_halves": {
                str(year): {str(kind): int(n) for kind, n in kinds.items()}
                for year, kinds in (r.notes.get("unmatched_move_halves") or {}).items()
            },
        },
    }
