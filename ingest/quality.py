"""The quality report per source and period: completeness, validity, duplicates, unmapped
codes and timeliness, as JSON (the readable page and the API build on this dictionary).

Why computed from the ledger: the batch counters and the quarantine are the record of what
was received, so the report needs no re-reading of the source and agrees with conservation.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from statistics import median
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ingest.crosswalks import unmapped_report
from store.models import Base, IngestBatch, QuarantineRecord


def report(
    session: Session, source: str, start: date, end: date, table: type[Base] | None = None
) -> dict[str, Any]:
    """Quality of ``source`` for events dated ``start``..``end`` (loaded rows of ``table``)."""
    batches = list(session.scalars(select(IngestBatch).where(IngestBatch.source == source)))
    ids = [b.id for b in batches]
    received = sum(b.received for b in batches)
    duplicates = sum(b.duplicates for b in batches)
    quarantined = sum(b.quarantined for b in batches)
    loaded = sum(b.loaded for b in batches)
    reasons: Counter[str] = Counter()
    for codes in session.scalars(
        select(QuarantineRecord.reason_codes).where(QuarantineRecord.batch_id.in_(ids))
    ):
        reasons.update(codes)
    result: dict[str, Any] = {
        "source": source,
        "period": [start.isoformat(), end.isoformat()],
        "batches": len(batches),
        "received": received,
        "loaded": loaded,
        "quarantined": quarantined,
        "duplicates": duplicates,
        "validity": round(loaded / (received - duplicates), 4) if received > duplicates else None,
        "duplicate_share": round(duplicates / received, 4) if received else None,
        "reasons": dict(reasons.most_common()),
        "unmapped": unmapped_report(session, source),
    }
    if table is not None:
        result |= _loaded(session, table, ids, start, end)
    return result


def _loaded(
    session: Session, table: type[Base], ids: list[int], start: date, end: date
) -> dict[str, Any]:
    t = table.__table__
    where = [t.c.batch_id.in_(ids), t.c.event_date >= start, t.c.event_date <= end]
    rows = session.scalar(select(func.count()).select_from(t).where(*where)) or 0
    completeness = {}
    for column in t.c:
        if column.name in ("id", "batch_id", "source_key"):
            continue
        filled = session.scalar(select(func.count(column)).where(*where)) or 0
        completeness[column.name] = round(filled / rows, 4) if rows else None
    lags = [
        (registered - event).days
        for event, registered in session.execute(
            select(t.c.event_date, t.c.registered_on).where(*where, t.c.registered_on.isnot(None))
        )
    ]
    return {
        "rows_in_period": rows,
        "completeness": completeness,
        "timeliness": {
            "median_days_to_registration": median(lags) if lags else None,
            "registered_within_30_days": round(sum(lag <= 30 for lag in lags) / len(lags), 4)
            if lags
            else None,
        },
    }
