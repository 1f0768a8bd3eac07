"""Internal moves: the two records of one move, paired, and the halves left without a partner.

Why: AIS ASB reports an internal move twice — a de-registration at the origin and a
registration at the destination — and either record can be held back (quarantined for
correction, or not sent yet). Counted record by record, such a move appears on one side only,
and the Republic's internal migration no longer nets to zero. So the statistics count an
internal move only when both of its records are loaded: the same move then counts once as a
departure from its origin and once as an arrival at its destination. A record whose other half
is not loaded is an *unmatched half*: it is left out of every count, and reported (the release
notes, the quality report of the source) until its partner arrives and the pair counts.

Pairing: the two records of a move carry the same pseudonymised person key, the same date of
the move, and the same origin and destination — the de-registration holds the origin as its
territory and the destination in ``destination_territory``; the registration holds the
destination as its territory and the origin in ``origin_territory``. The loader's natural key
(person, kind, date) admits at most one record of each kind per person and day, so a pair is
exactly one de-registration and one registration; anything else is unmatched.

How: one window query over the internal-move records finds the unmatched halves — a few per
cent of the records at most, read once per release as ids — and every count then leaves those
ids out (:func:`counted`). Pairing inside every counting query instead would sort all the
moves again each time (seconds each at the national size); leaving a short list out is a
primary-key lookup on SQLite and a hashed ``NOT IN`` on PostgreSQL.

Why in the store: the indicators count with it and the quality report (which the staff API
reads, and the API must not import the computations) reports with it — one definition for both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Subquery, bindparam, case, func, select, true
from sqlalchemy.orm import Session

from store.models import MigrationEvent as M

EXTERNAL = "external"
REGISTRATION = "registration"
DEREGISTRATION = "deregistration"


def move_partition() -> list[Any]:
    """What makes two records halves of one internal move: the person, the date, the origin
    and the destination (each half names the other end in its origin or destination)."""
    leaving = M.event_kind == DEREGISTRATION
    origin = case((leaving, M.territory), else_=M.origin_territory)
    destination = case((leaving, M.destination_territory), else_=M.territory)
    return [M.person_key, M.event_date, origin, destination]


def _halves() -> Subquery:
    """Every internal-move record with the number of records of each kind in its move."""
    leaving = M.event_kind == DEREGISTRATION
    move = move_partition()
    return (
        select(
            M.id,
            func.sum(case((M.event_kind == REGISTRATION, 1), else_=0))
            .over(partition_by=move)
            .label("registrations"),
            func.sum(case((leaving, 1), else_=0)).over(partition_by=move).label("deregistrations"),
        )
        .where(M.migration_type != EXTERNAL)
        .subquery("internal_halves")
    )


def unmatched_ids(session: Session) -> tuple[int, ...]:
    """The ids of every internal-move record whose other half is not loaded (one query)."""
    halves = _halves()
    query = select(halves.c.id).where(
        (halves.c.registrations != 1) | (halves.c.deregistrations != 1)
    )
    return tuple(sorted(session.scalars(query)))


def counted(unmatched: Collection[int]) -> ColumnElement[bool]:
    """The condition on :class:`~store.models.MigrationEvent` rows that the statistics count:
    every record but the ``unmatched`` halves (from :func:`unmatched_ids`).

    External records have no other half and always count. The ids are rendered into the
    statement (not bound one by one), so that no driver's limit on parameters applies.
    """
    if not unmatched:
        return true()
    return M.id.not_in(_listed(unmatched))


def tally(
    session: Session,
    unmatched: Collection[int],
    start: date | None = None,
    end: date | None = None,
    batch_ids: Sequence[int] | None = None,
) -> dict[int, dict[str, int]]:
    """The ``unmatched`` halves by year of the move and event kind: year → kind → records.

    Restricted to moves dated ``start``..``end`` and to records of ``batch_ids`` when given. A
    registration here is an arrival whose de-registration is missing; a de-registration a
    departure whose arrival is missing.
    """
    if not unmatched:
        return {}
    year = func.extract("year", M.event_date)
    conditions: list[ColumnElement[bool]] = [M.id.in_(_listed(unmatched))]
    if start is not None:
        conditions.append(M.event_date >= start)
    if end is not None:
        conditions.append(M.event_date <= end)
    if batch_ids is not None:
        conditions.append(M.batch_id.in_(batch_ids))
    rows = session.execute(
        select(year, M.event_kind, func.count()).where(*conditions).group_by(year, M.event_kind)
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for when, kind, n in rows:
        counts[int(when)][str(kind)] = int(n)
    return {when: counts[when] for when in sorted(counts)}


def _listed(ids: Collection[int]) -> BindParameter[list[int]]:
    """``ids`` written into the statement as literals when it runs (no bound parameter each)."""
    return bindparam("unmatched_move_halves", sorted(ids), expanding=True, literal_execute=True)


def unmatched_halves(
    session: Session,
    start: date | None = None,
    end: date | None = None,
    batch_ids: Sequence[int] | None = None,
) -> dict[int, dict[str, int]]:
    """Internal-move records without their other half: year → event kind → records.

    :func:`tally` of :func:`unmatched_ids`; the pairing itself looks at every loaded record.
    """
    return tally(session, unmatched_ids(session), start, end, batch_ids)
