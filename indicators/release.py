"""Releases: compute every indicator into an immutable vintage, publish it, compare vintages.

A release is written once and never changed: a later computation for the same period is a
new release that *revises* the previous one, and :func:`store.revisions.diff` says which
values changed.
Publication: a release whose checks pass is scheduled for its publication time and is
public from then on (embargoed before); ``publish`` brings that time forward to now. A
release that failed a check is never public. ``store.visibility.is_public`` is the one rule
the API, the publications and the exports use.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from indicators.catalog import all_specs, computations
from indicators.checks import run_checks
from indicators.context import Context
from indicators.footnotes import FOOTNOTES
from indicators.frame import Frame
from indicators.spec import DIMENSION_LABELS, DIMENSIONS, Spec
from store import moves
from store.models import (
    Footnote,
    Indicator,
    IngestBatch,
    MigrationEvent,
    Observation,
    ObservationDomain,
    ObsStatus,
    QuarantineRecord,
    Release,
    ReleaseStatus,
)
from store.observations import (
    NewObservation,
    check_dimensions,
    insert_observations,
)
from store.revisions import diff, summarise
from store.visibility import release_is_public


class ReleaseError(Exception):
    """A release cannot be made or published; the message says why."""


def sync_catalog(session: Session, specs: list[Spec]) -> None:
    """Write the catalog entries (names, definitions in ky/ru/en) to the store."""
    for spec in specs:
        check_dimensions(spec.id, spec.dimensions)
        row = session.get(Indicator, spec.id) or Indicator(id=spec.id)
        row.topic = spec.topic
        for lang in ("ky", "ru", "en"):
            setattr(row, f"name_{lang}", spec.name.get(lang))
            setattr(row, f"definition_{lang}", spec.definition.get(lang))
        row.unit, row.unit_base, row.decimals = spec.unit, spec.unit_base, spec.decimals
        row.dimensions = list(spec.dimensions)
        row.source = spec.source
        row.attributes = {
            "codelists": {d: DIMENSIONS[d] for d in spec.dimensions},
            "dimension_labels": {
                d: {lang: DIMENSION_LABELS[d].get(lang) for lang in ("ky", "ru", "en")}
                for d in spec.dimensions
            },
            "additive": spec.additive,
            "balance": spec.balance,
            "bounds": list(spec.bounds) if spec.bounds else None,
            "methodology": None
            if spec.methodology is None
            else {lang: spec.methodology.get(lang) for lang in ("ky", "ru", "en")},
            # A survey estimate names its companion of standard errors, and the companion its
            # estimate, so that the API's metadata and the books find one from the other.
            "standard_error": spec.attributes.get("standard_error"),
            "standard_error_of": spec.attributes.get("standard_error_of"),
        }
        session.add(row)
    session.flush()


def input_fingerprint(session: Session, specs: list[Spec]) -> str:
    """What a release is computed from: the loaded batches, the catalog's definitions and
    the code that computes it.

    Two computations with the same fingerprint give the same numbers, so a repeated
    ``compute --if-changed`` (as ``make run`` does) makes no new, identical release; a new
    version of the computation (a corrected method, say) makes one.
    """
    batches = session.execute(
        select(IngestBatch.id, IngestBatch.loaded, IngestBatch.status).order_by(IngestBatch.id)
    ).all()
    catalog = [(s.id, s.dimensions, s.unit_base, s.bounds) for s in specs]
    payload = json.dumps([[list(b) for b in batches], catalog, _code_digest()], default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


@cache
def _code_digest() -> str:
    """A hash of the computation's code: every module of ``indicators``, and ``store/moves.py``
    (which decides which internal moves count)."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*here.rglob("*.py"), here.parent / "store" / "moves.py"]):
        digest.update(path.relative_to(here.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def unchanged_release(session: Session, period: int) -> Release | None:
    """The newest public release of ``period`` computed from exactly today's inputs."""
    fingerprint = input_fingerprint(session, all_specs())
    for release in session.scalars(
        select(Release)
        .where(Release.reference_period == str(period))
        .order_by(Release.created_at.desc())
    ):
        if release.published_at is not None:
            return release if release.notes.get("inputs") == fingerprint else None
    return None


def pending_migration_records(session: Session) -> int:
    """Records of the migration sources still in quarantine (not yet corrected).

    They explain, and bound, the internal-move records left without their other half.
    """
    sources = (
        select(IngestBatch.source)
        .join(MigrationEvent, MigrationEvent.batch_id == IngestBatch.id)
        .distinct()
    )
    return (
        session.scalar(
            select(func.count())
            .select_from(QuarantineRecord)
            .where(QuarantineRecord.source.in_(sources), QuarantineRecord.resolved_at.is_(None))
        )
        or 0
    )


def unmatched_move_halves(session: Session, context: Context) -> dict[str, dict[str, int]]:
    """Internal-move records of the release's years without their other half: year → kind →
    records.

    Not counted in the release (:mod:`store.moves`); the release notes list them, every year
    and both kinds (a ``registration`` is an arrival whose departure is missing, a
    ``deregistration`` a departure whose arrival is missing), zeros included.
    """
    years = context.years
    found = moves.tally(
        session, context.unmatched_moves, date(years[0], 1, 1), date(years[-1], 12, 31)
    )
    return {
        str(year): {
            kind: found.get(year, {}).get(kind, 0)
            for kind in (moves.REGISTRATION, moves.DEREGISTRATION)
        }
        for year in years
    }


def _footnote_ids(session: Session) -> dict[str, int]:
    ids = {}
    for key, text in FOOTNOTES.items():
        row = session.scalars(select(Footnote).where(Footnote.text_en == text.en)).first()
        if row is None:
            row = Footnote(text_ky=text.ky, text_ru=text.ru, text_en=text.en)
            session.add(row)
            session.flush()
        ids[key] = row.id
    return ids


def _next_id(session: Session, period: int, status: ReleaseStatus) -> str:
    prefix = f"{period}-{'P' if status is ReleaseStatus.PROVISIONAL else 'F'}"
    existing = session.scalars(select(Release.id).where(Release.id.like(f"{prefix}%"))).all()
    return f"{prefix}{len(existing) + 1}"


@dataclass
class Outcome:
    release: Release
    observations: int
    seconds: dict[str, float]


def compute_release(
    session: Session,
    period: int,
    status: ReleaseStatus,
    scheduled_at: datetime,
    now: datetime,
    progress: Callable[[str], None] | None = None,
) -> Outcome:
    """Compute every indicator up to ``period`` into a new release, checked and scheduled."""
    seconds: dict[str, float] = {}
    started = time.perf_counter()

    def step(name: str) -> None:
        nonlocal started
        seconds[name] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        if progress is not None:
            progress(name)

    specs = all_specs()
    sync_catalog(session, specs)
    context = Context(session, last_year=period)
    frame = Frame(specs)
    for compute in computations():
        compute(context, frame)
        step(compute.__module__.rsplit(".", 1)[-1])
    pending = pending_migration_records(session)
    unmatched = unmatched_move_halves(session, context)
    checks = run_checks(frame, pending, sum(sum(k.values()) for k in unmatched.values()))
    step("checks")
    revises = session.scalars(
        select(Release)
        .where(Release.reference_period == str(period), Release.published_at.is_not(None))
        .order_by(Release.created_at.desc())
        .limit(1)
    ).first()  # the newest release of the period that passed its checks
    passed = all(check.passed for check in checks)
    release = Release(
        id=_next_id(session, period, status),
        reference_period=str(period),
        status=status,
        created_at=now,
        scheduled_at=scheduled_at,
        published_at=scheduled_at if passed else None,
        revises_id=revises.id if revises else None,
        synthetic=session.scalar(select(IngestBatch.id).where(IngestBatch.synthetic).limit(1))
        is not None,
        notes={
            "checks": [check.as_dict() for check in checks],
            "checks_passed": passed,
            "pending_migration_records": pending,
            "unmatched_move_halves": unmatched,
            "years": [context.years[0], context.years[-1]],
            "base_reference_date": context.base.reference_date.isoformat(),
            "inputs": input_fingerprint(session, specs),
        },
    )
    session.add(release)
    session.flush()
    _write(session, release, frame)
    step("write")
    if revises is not None:  # what the public notes show, diffed once, here
        release.notes = {
            **release.notes,
            "revisions": summarise(diff(session, revises.id, release.id)),
        }
        step("revisions")
    release.notes = {**release.notes, "timings": seconds}
    return Outcome(release, len(frame), seconds)


def _write(session: Session, release: Release, frame: Frame) -> None:
    footnotes = _footnote_ids(session)
    provisional = release.status is ReleaseStatus.PROVISIONAL
    estimates = {spec_id for spec_id, spec in frame.specs.items() if spec.estimate}

    def cells() -> Iterator[NewObservation]:
        for order, obs in enumerate(frame):
            if obs.status is not None:
                status = obs.status
            elif obs.value is None:
                status = ObsStatus.MISSING
            elif provisional:
                status = ObsStatus.PROVISIONAL
            else:
                status = ObsStatus.ESTIMATED if obs.indicator in estimates else ObsStatus.NORMAL
            yield NewObservation(
                indicator_id=obs.indicator,
                period=obs.period,
                dims=dict(obs.dims),
                value=obs.value,
                status=status,
                footnote_id=footnotes[obs.footnote] if obs.footnote else None,
                sort_order=order,
            )

    dimensions = {spec_id: spec.dimensions for spec_id, spec in frame.specs.items()}
    insert_observations(session.connection(), release.id, cells(), dimensions)


def publish(session: Session, release_id: str, now: datetime) -> Release:
    """Make a release public now; refused when it failed a check."""
    release = session.get(Release, release_id)
    if release is None:
        raise ReleaseError(f"no release {release_id}")
    if not release.notes.get("checks_passed"):
        failed = [c["name"] for c in release.notes.get("checks", []) if not c["passed"]]
        raise ReleaseError(
            f"release {release_id} failed its checks ({', '.join(failed)}) and cannot be published"
        )
    if not release_is_public(release, now):
        release.published_at = now
    return release


def discard(session: Session, release_id: str, now: datetime) -> None:
    """Delete a release that was never public (a failed or mistaken computation)."""
    release = session.get(Release, release_id)
    if release is None:
        raise ReleaseError(f"no release {release_id}")
    if release.published_at is not None and release.published_at <= now:
        raise ReleaseError(f"release {release_id} is public and can only be revised")
    for table in (Observation, ObservationDomain):
        session.execute(delete(table).where(table.release_id == release_id))
    session.delete(release)
