"""The quality report per source and period: completeness, validity, duplicates, unmapped
codes and timeliness, as JSON and as a readable page in ky/ru/en.

Why computed from the ledger: the batch counters and the quarantine are the record of what
was received, so the report needs no re-reading of the source and agrees with conservation.
The reading itself is :mod:`store.quality` (the staff API shows the same report); ingestion
adds, for each unmapped code, the ministry's label and suggested matches from its reference
lists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ingest.crosswalks import unmapped_report
from store import quality
from store.models import Base


def report(
    session: Session, source: str, start: date, end: date, table: type[Base] | None = None
) -> dict[str, Any]:
    """Quality of ``source`` for events dated ``start``..``end`` (loaded rows of ``table``)."""
    result = quality.report(session, source, start, end, table=table)
    result["unmapped"] = unmapped_report(session, source)
    return result
