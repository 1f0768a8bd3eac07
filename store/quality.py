"""The quality report per source and period, from what the store holds: as a dictionary (the
JSON of ``flask ingest quality``) and as a readable page in ky, ru or en.

Why here, in the store: the report is a reading of the batch counters, the quarantine and the
loaded rows, and two consumers need it — ingestion's CLI and the staff API, which may read
the store but never import ingestion. Ingestion adds what only it knows (the ministries'
labels of unmapped codes and suggested matches, :func:`ingest.quality.report`).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from statistics import median
from typing import Any

from babel.support import LazyProxy
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from l10n import current_language, language, lazy_gettext
from l10n.numbers import NOT_AVAILABLE, number
from l10n.templates import environment
from store import moves
from store.models import Base, IngestBatch, MigrationEvent, QuarantineRecord

# The event table each source loads (for completeness and timeliness of its loaded rows) and
# the name of each source: what the source adapters declare, registered here by ingestion
# (``ingest.base.register``), since the store may not import ingestion.
SOURCE_TABLES: dict[str, str] = {}
SOURCE_NAMES: dict[str, LazyProxy] = {}


def register_source(source: str, table: type[Base], name: LazyProxy) -> None:
    """Record the name of ``source`` and, if it loads events (an event and a registration
    date, which completeness and timeliness read), its table."""
    SOURCE_NAMES[source] = name
    if {"event_date", "registered_on"} <= set(table.__table__.columns.keys()):
        SOURCE_TABLES[source] = table.__tablename__


FIELD_NAMES: dict[str, LazyProxy] = {
    "event_date": lazy_gettext("Date of the event"),
    "registered_on": lazy_gettext("Date of registration"),
    "event_kind": lazy_gettext("Kind of event"),
    "migration_type": lazy_gettext("Type of migration"),
    "person_key": lazy_gettext("Person (pseudonymised)"),
    "sex": lazy_gettext("Sex"),
    "birth_date": lazy_gettext("Date of birth"),
    "age": lazy_gettext("Age"),
    "citizenship": lazy_gettext("Citizenship"),
    "territory": lazy_gettext("Territory"),
    "settlement": lazy_gettext("Urban or rural"),
    "origin_territory": lazy_gettext("Territory of origin"),
    "origin_country": lazy_gettext("Country of origin"),
    "destination_territory": lazy_gettext("Territory of destination"),
    "destination_country": lazy_gettext("Country of destination"),
    "reason": lazy_gettext("Reason"),
    "purpose": lazy_gettext("Purpose of stay"),
    "stay_until": lazy_gettext("Stay until"),
    "other_country": lazy_gettext("Other country"),
    "decree_number": lazy_gettext("Decree number"),
    "child_key": lazy_gettext("Child (pseudonymised)"),
    "mother_key": lazy_gettext("Mother (pseudonymised)"),
    "mother_birth_date": lazy_gettext("Mother's date of birth"),
    "mother_age": lazy_gettext("Mother's age"),
    "birth_order": lazy_gettext("Birth order"),
    "cause_chapter": lazy_gettext("Cause of death (ICD-10 chapter)"),
    "groom_key": lazy_gettext("Groom (pseudonymised)"),
    "bride_key": lazy_gettext("Bride (pseudonymised)"),
    "groom_birth_date": lazy_gettext("Groom's date of birth"),
    "bride_birth_date": lazy_gettext("Bride's date of birth"),
    "groom_age": lazy_gettext("Groom's age"),
    "bride_age": lazy_gettext("Bride's age"),
    "groom_prior_status": lazy_gettext("Groom's prior marital status"),
    "bride_prior_status": lazy_gettext("Bride's prior marital status"),
    "husband_key": lazy_gettext("Husband (pseudonymised)"),
    "wife_key": lazy_gettext("Wife (pseudonymised)"),
    "husband_age": lazy_gettext("Husband's age"),
    "wife_age": lazy_gettext("Wife's age"),
    "marriage_duration": lazy_gettext("Duration of the marriage (years)"),
}


def event_table(source: str) -> type[Base] | None:
    """The model whose rows ``source`` loads, if it loads one event table."""
    models = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}
    return models.get(SOURCE_TABLES.get(source, ""))


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
        "validity": loaded / (received - duplicates) if received > duplicates else None,
        "duplicate_share": duplicates / received if received else None,
        "reasons": dict(reasons.most_common()),
        "unmapped": unmapped_counts(session, source),
    }
    if table is not None:
        result |= _loaded(session, table, ids, start, end)
    if table is MigrationEvent:
        result["unmatched_moves"] = unmatched_moves(session, ids, start, end)
    return result


def unmatched_moves(session: Session, ids: list[int], start: date, end: date) -> dict[str, int]:
    """Loaded internal-move records of the batches ``ids`` dated in the period whose other half
    is not loaded: by kind (a registration waits for its de-registration and vice versa).

    The statistics leave them out until the pair is complete (:mod:`store.moves`).
    """
    found = moves.unmatched_halves(session, start, end, batch_ids=ids)
    return {
        kind: sum(by_kind.get(kind, 0) for by_kind in found.values())
        for kind in (moves.REGISTRATION, moves.DEREGISTRATION)
    }


def unmapped_counts(session: Session, source: str) -> list[dict[str, Any]]:
    """Codes no crosswalk maps, met in the open quarantine of ``source``, with counts."""
    counts: Counter[str] = Counter()
    for (detail,) in session.execute(
        select(QuarantineRecord.detail).where(
            QuarantineRecord.resolved_at.is_(None), QuarantineRecord.source == source
        )
    ):
        for part in detail.split("; "):
            if part.startswith("UNMAPPED_CODE: "):
                counts[[*part.split(": ", 2), "", ""][2]] += 1
    return [{"code": code, "count": n} for code, n in counts.most_common()]


def _loaded(
    session: Session, table: type[Base], ids: list[int], start: date, end: date
) -> dict[str, Any]:
    t = table.__table__
    where = [t.c.batch_id.in_(ids), t.c.event_date >= start, t.c.event_date <= end]
    columns = [c for c in t.c if c.name not in ("id", "batch_id", "source_key")]
    # One scan of the period's rows: the row count and each column's filled count together.
    rows, *filled = session.execute(
        select(func.count(), *(func.count(c) for c in columns)).select_from(t).where(*where)
    ).one()
    completeness = {
        c.name: (n or 0) / rows if rows else None for c, n in zip(columns, filled, strict=True)
    }
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
            "registered_within_30_days": sum(lag <= 30 for lag in lags) / len(lags)
            if lags
            else None,
        },
    }


def _days(value: float | None) -> str:
    """A median of whole days: whole, or with the one decimal a median of two can have."""
    if value is None:
        return NOT_AVAILABLE
    return number(value, 0 if value == int(value) else 1, current_language())


def render_html(result: dict[str, Any], lang: str) -> str:
    """The report (the dictionary of :func:`report`) as a page in ``lang``.

    Counts, shares and days are formatted by the template's filters (:mod:`l10n.templates`):
    CLDR digits of the language, and "…" for a share that cannot be computed (nothing was
    received, nothing registered) — not "–", which would say there were no cases.
    """
    with language(lang):
        source = result["source"]
        fields = [
            (str(FIELD_NAMES[name]) if name in FIELD_NAMES else name, name, share)
            for name, share in result.get("completeness", {}).items()
        ]
        timeliness = result.get("timeliness") or {}
        return (
            environment()
            .get_template("quality/report.html")
            .render(
                lang=lang,
                r=result,
                source_name=str(SOURCE_NAMES[source]) if source in SOURCE_NAMES else source,
                fields=fields,
                median_days=_days(timeliness.get("median_days_to_registration")),
                within_30=timeliness.get("registered_within_30_days"),
            )
        )
