"""The store's own health: reachable, schema current, newest release."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from store import schema
from store.db import Database
from store.models import IngestBatch, Release
from store.visibility import is_public


def store_health(database: Database, now: datetime | None = None) -> dict[str, Any]:
    """Database status and the latest *published* release (never an embargoed one)."""
    now = now or datetime.now(UTC)
    try:
        with database.session() as session:
            session.execute(text("SELECT 1"))
            revision = schema.current_revision(database.engine)
            latest = session.scalars(
                select(Release).where(is_public(now)).order_by(Release.published_at.desc()).limit(1)
            ).first()
            synthetic = session.scalar(select(IngestBatch.id).where(IngestBatch.synthetic).limit(1))
    except SQLAlchemyError as error:
        return {
            "status": "error",
            "backend": database.dialect,
            "error": type(error).__name__,
        }
    head = schema.head_revision()
    return {
        "status": "ok" if revision == head else "schema_outdated",
        "backend": database.dialect,
        "schema_revision": revision,
        "schema_head": head,
        # Generated sample data must never pass for official figures: say so.
        "synthetic_data": synthetic is not None,
        "latest_release": None
        if latest is None
        else {
            "id": latest.id,
            "reference_period": latest.reference_period,
            "status": latest.status.value,
            "published_at": latest.published_at.isoformat() if latest.published_at else None,
            "synthetic": latest.synthetic,
        },
    }
