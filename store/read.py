"""The read layer of dissemination: what the API, the publications and the exports may see.

Everything here applies the embargo rule of :mod:`store.visibility`: a release (its id
aside, in the calendar) and its observations are returned only once public at ``now``.
Nothing here knows HTTP or PDFs; every function takes a SQLAlchemy ``Session`` and returns
plain, immutable values (no ORM objects escape, so callers may cache them freely).

Releases
    ``latest_public_release(session, now, period=None) -> ReleaseInfo | None``
    ``public_release(session, release_id, now) -> ReleaseInfo | None``
    ``public_releases(session, now) -> list[ReleaseInfo]``  (newest first)
    ``release_calendar(session, now) -> Calendar``  (published, revised, upcoming: ids+dates)
    ``release_state(session, now) -> ReleaseState``  (fingerprint + when it next changes)

Catalog
    ``indicators(session) -> list[IndicatorInfo]``; ``indicator(session, id)``
    ``coverage(session, release_id) -> dict[indicator_id, Coverage]``  (first, last period)
    ``indicator_fingerprints(session, release_id) -> dict[indicator_id, str]``

Observations
    ``periods(session, release_id, indicator_id) -> list[str]``  (ascending)
    ``dimension_codes(session, release_id, indicator_id) -> dict[dim, set[code]]``
    ``observations(session, release_id, indicator_id, periods=None, where=None)
        -> list[ObservationRow]``  — ``where`` maps a dimension to the codes to keep;
        answered from the key index ``release, indicator, k1 … k8, period`` (see
        :mod:`store.observations`), which reads only the selected cells.
    ``value(session, release_id, indicator_id, period, **dims) -> ObservationRow | None``
        — one cell, every dimension not named at its total ``_T``.
    ``footnotes(session, ids) -> dict[int, FootnoteInfo]``; ``all_footnotes(session)``

Classifiers
    ``codelists(session) -> list[CodelistInfo]``
    ``codes(session, codelist_id, on=None) -> list[CodeInfo]``  (latest version of each
        code when ``on`` is None, else the version valid on that date; display order)

A typical reader (a publication)::

    with db.session() as session:
        release = latest_public_release(session, now)
        rows = observations(session, release.id, "pop_jan1", periods=["2025"],
                            where={"sex": ["_T"], "urban_rural": ["_T"], "age5": ["_T"]})
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import (
    Code,
    Codelist,
    Footnote,
    Indicator,
    Observation,
    ObservationDomain,
    Release,
)
from store.observations import (
    KEYS,
    dim_key,
    key_order,
    key_orders,
    read_domains,
    select_cells,
)
from store.visibility import is_public, is_scheduled, release_is_public

TOTAL = "_T"
LANGUAGES = ("ky", "ru", "en")


@dataclass(frozen=True)
class ReleaseInfo:
    """A public release. ``revised_by`` lists the public releases that revise it."""

    id: str
    reference_period: str
    status: str
    scheduled_at: datetime
    published_at: datetime
    revises_id: str | None
    synthetic: bool
    notes: Mapping[str, Any]
    revised_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class UpcomingRelease:
    """An embargoed release: its id, period and date only — never its contents."""

    id: str
    reference_period: str
    status: str
    scheduled_at: datetime


@dataclass(frozen=True)
class Calendar:
    published: list[ReleaseInfo]
    upcoming: list[UpcomingRelease]


@dataclass(frozen=True)
class ReleaseState:
    """What is public now, as a short fingerprint, and until when that answer holds.

    ``valid_until`` is the next scheduled publication time (``None``: none scheduled), so a
    cache of anything public can be kept until then (or until a staff action changes it).
    """

    fingerprint: str
    latest_id: str | None
    valid_until: datetime | None
    latest_published: datetime | None = None


@dataclass(frozen=True)
class IndicatorInfo:
    id: str
    topic: str
    name: Mapping[str, str]
    definition: Mapping[str, str]
    unit: str
    unit_base: int
    decimals: int
    dimensions: tuple[str, ...]
    codelists: Mapping[str, str]
    source: str
    discontinued: bool
    replaced_by: str | None
    additive: bool
    methodology: Mapping[str, str] | None
    balance: bool = False  # a difference of two flows: its change is never a percentage
    # dimension id → {ky, ru, en}; empty for indicators computed before labels were recorded
    dimension_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # A survey estimate's companion indicator of standard errors (``<id>_se``), and for that
    # companion the estimate it belongs to; ``None`` for indicators of registers.
    standard_error: str | None = None
    standard_error_of: str | None = None


@dataclass(frozen=True)
class Coverage:
    first_period: str
    last_period: str


@dataclass(frozen=True)
class ObservationRow:
    period: str
    dims: Mapping[str, str]
    value: float | None
    status: str
    conf: str
    footnote_id: int | None
    sort_order: int = 0


@dataclass(frozen=True)
class FootnoteInfo:
    id: int
    text: Mapping[str, str]


@dataclass(frozen=True)
class CodelistInfo:
    id: str
    name: Mapping[str, str]
    version: str
    source: str


@dataclass(frozen=True)
class CodeInfo:
    codelist_id: str
    code: str
    parent_code: str | None
    level: str
    label: Mapping[str, str]
    sort_order: int
    valid_from: date
    valid_to: date | None
    attributes: Mapping[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- releases


def _revisions(session: Session, now: datetime) -> dict[str, list[str]]:
    rows = session.execute(
        select(Release.revises_id, Release.id).where(
            is_public(now), Release.revises_id.is_not(None)
        )
    )
    revised: dict[str, list[str]] = {}
    for revises, rid in rows:
        if revises is not None:
            revised.setdefault(revises, []).append(rid)
    return revised


def _info(release: Release, revised_by: Iterable[str] = ()) -> ReleaseInfo:
    assert release.published_at is not None
    return ReleaseInfo(
        id=release.id,
        reference_period=release.reference_period,
        status=str(release.status.value),
        scheduled_at=release.scheduled_at,
        published_at=release.published_at,
        revises_id=release.revises_id,
        synthetic=release.synthetic,
        notes=dict(release.notes or {}),
        revised_by=tuple(sorted(revised_by)),
    )


def public_releases(session: Session, now: datetime) -> list[ReleaseInfo]:
    """Every public release, the newest reference period first, then the newest vintage."""
    revised = _revisions(session, now)
    rows = session.scalars(
        select(Release)
        .where(is_public(now))
        .order_by(Release.reference_period.desc(), Release.published_at.desc(), Release.id.desc())
    )
    return [_info(r, revised.get(r.id, ())) for r in rows]


def latest_public_release(
    session: Session, now: datetime, period: str | None = None
) -> ReleaseInfo | None:
    """The newest public vintage of the newest reference period (or of ``period``)."""
    query = select(Release).where(is_public(now))
    if period is not None:
        query = query.where(Release.reference_period == str(period))
    release = session.scalars(
        query.order_by(
            Release.reference_period.desc(), Release.published_at.desc(), Release.id.desc()
        ).limit(1)
    ).first()
    if release is None:
        return None
    return _info(release, _revisions(session, now).get(release.id, ()))


def public_release(session: Session, release_id: str, now: datetime) -> ReleaseInfo | None:
    """The release ``release_id`` if it exists and is public, else ``None`` (never embargoed)."""
    release = session.get(Release, release_id)
    if release is None or not release_is_public(release, now):
        return None
    return _info(release, _revisions(session, now).get(release.id, ()))


def release_calendar(session: Session, now: datetime) -> Calendar:
    """Published releases (with their revisions) and the upcoming ones: ids and dates only."""
    upcoming = [
        UpcomingRelease(r.id, r.reference_period, str(r.status.value), r.published_at or now)
        for r in session.scalars(
            select(Release).where(is_scheduled(now)).order_by(Release.published_at)
        )
    ]
    return Calendar(published=public_releases(session, now), upcoming=upcoming)


def release_state(session: Session, now: datetime) -> ReleaseState:
    """A fingerprint of what is public — the public releases, and the catalog and
    classifiers they are read with — and when the next release becomes public.

    The catalog and the classifiers change between publications (a computation writes the
    catalog; classifiers are reloaded), so they are part of the fingerprint: every worker's
    caches then turn over together instead of answering one URL two ways.
    """
    rows = session.execute(
        select(Release.id, Release.published_at).where(is_public(now)).order_by(Release.id)
    ).all()
    digest = hashlib.sha256("|".join(f"{rid}@{published}" for rid, published in rows).encode())
    digest.update(_catalog_digest(session).encode())
    upcoming = session.scalar(select(func.min(Release.published_at)).where(is_scheduled(now)))
    latest = latest_public_release(session, now)
    return ReleaseState(
        digest.hexdigest()[:16],
        latest.id if latest else None,
        upcoming,
        latest.published_at if latest else None,
    )


def _catalog_digest(session: Session) -> str:
    """A digest of every catalog entry and of each classifier's version and size."""
    digest = hashlib.sha256()
    table = Indicator.__table__
    for row in session.execute(select(table).order_by(table.c.id)):  # plain rows, no ORM
        digest.update(json.dumps(list(row), sort_keys=True, default=str).encode())
    lists = session.execute(
        select(Codelist.id, Codelist.version, func.count(Code.code))
        .join(Code, Code.codelist_id == Codelist.id, isouter=True)
        .group_by(Codelist.id, Codelist.version)
        .order_by(Codelist.id)
    )
    for codelist, version, count in lists:
        digest.update(f"{codelist}@{version}#{count}".encode())
    return digest.hexdigest()


# ---------------------------------------------------------------- catalog


def _indicator(row: Indicator) -> IndicatorInfo:
    attributes = row.attributes or {}
    return IndicatorInfo(
        id=row.id,
        topic=row.topic,
        name={lang: getattr(row, f"name_{lang}") for lang in LANGUAGES},
        definition={lang: getattr(row, f"definition_{lang}") for lang in LANGUAGES},
        unit=row.unit,
        unit_base=row.unit_base,
        decimals=row.decimals,
        dimensions=tuple(row.dimensions or ()),
        codelists=dict(attributes.get("codelists") or {d: d for d in row.dimensions or ()}),
        source=row.source,
        discontinued=row.discontinued,
        replaced_by=row.replaced_by,
        additive=bool(attributes.get("additive", True)),
        balance=bool(attributes.get("balance", False)),
        methodology=attributes.get("methodology"),
        dimension_labels=dict(attributes.get("dimension_labels") or {}),
        standard_error=attributes.get("standard_error"),
        standard_error_of=attributes.get("standard_error_of"),
    )


def indicators(session: Session) -> list[IndicatorInfo]:
    """The whole catalog, discontinued indicators included (their ids stay valid)."""
    return [_indicator(r) for r in session.scalars(select(Indicator).order_by(Indicator.id))]


def indicator(session: Session, indicator_id: str) -> IndicatorInfo | None:
    row = session.get(Indicator, indicator_id)
    return None if row is None else _indicator(row)


def coverage(session: Session, release_id: str) -> dict[str, Coverage]:
    """The first and last period of each indicator a release holds.

    Read from the periods recorded with the observations (a few rows a release); a release
    written without them is scanned (at 20 years × rayon detail, a second or more).
    """
    recorded = session.execute(
        select(ObservationDomain.indicator_id, ObservationDomain.codes).where(
            ObservationDomain.release_id == release_id, ObservationDomain.dimension == "period"
        )
    ).all()
    if recorded:
        return {i: Coverage(min(codes), max(codes)) for i, codes in recorded if codes}
    rows = session.execute(
        select(Observation.indicator_id, func.min(Observation.period), func.max(Observation.period))
        .where(Observation.release_id == release_id)
        .group_by(Observation.indicator_id)
    )
    return {i: Coverage(first, last) for i, first, last in rows}


def indicator_fingerprints(session: Session, release_id: str) -> dict[str, str]:
    """A digest of each indicator's values in a release: equal digests, equal data.

    Lets ``sync`` say which indicators changed between two vintages without shipping them.
    The cells are digested in the order of their canonical keys (``dim=code|…``), so the
    digest does not depend on how the store lays out its keys.
    """
    dimensions = {i.id: i.dimensions for i in indicators(session)}
    dimensions.update(key_orders(session.connection(), release_id))  # the release's own order
    rows = session.execute(
        select(
            Observation.indicator_id,
            Observation.period,
            *(Observation.__table__.c[k] for k in KEYS),
            Observation.value,
            Observation.status,
            Observation.conf,
            Observation.footnote_id,
        ).where(Observation.release_id == release_id)
    )
    cells: dict[str, list[tuple[str, str, str]]] = {}
    for ind, period, *rest in rows:
        keys, (value, status, conf, note) = rest[: len(KEYS)], rest[len(KEYS) :]
        key = dim_key(dimensions.get(ind, ()), keys)
        text = "" if value is None else repr(round(float(value), 9))
        flags = f"{getattr(status, 'value', status)}{getattr(conf, 'value', conf)}{note}"
        cells.setdefault(ind, []).append((period, key, f"{text}\x1f{flags}"))
    digests = {}
    for ind, entries in cells.items():
        digest = hashlib.sha256()
        for period, key, tail in sorted(entries):
            digest.update(f"{period}\x1f{key}\x1f{tail}\x1e".encode())
        digests[ind] = digest.hexdigest()[:16]
    return digests


# ---------------------------------------------------------------- observations


def periods(session: Session, release_id: str, indicator_id: str) -> list[str]:
    """The periods an indicator has in a release, ascending."""
    recorded = read_domains(session.connection(), release_id, indicator_id).get("period")
    if recorded:
        return sorted(recorded)
    return sorted(
        session.scalars(
            select(Observation.period)
            .where(Observation.release_id == release_id, Observation.indicator_id == indicator_id)
            .distinct()
        )
    )


def observations(
    session: Session,
    release_id: str,
    indicator_id: str,
    periods: Collection[str] | None = None,
    where: Mapping[str, Collection[str]] | None = None,
) -> list[ObservationRow]:
    """Observations of one indicator in one release, in the release's order.

    ``periods`` and ``where`` (dimension → codes) restrict the answer; ``None`` keeps all.
    The caller must have the release from one of the public-release functions above.
    Answered from the key index (:func:`store.observations.select_cells`); callers on a hot
    path that know the indicator's dimensions call that directly and skip the mappings.
    """
    info = indicator(session, indicator_id)
    if info is None:
        return []
    dims = key_order(session.connection(), release_id, indicator_id, info.dimensions)
    n = len(dims)
    unknown = set(where or {}) - set(dims)
    if unknown:
        return []  # a dimension the indicator does not have selects nothing
    rows = select_cells(session.connection(), release_id, indicator_id, dims, periods, where)
    return [
        ObservationRow(
            period=row[n],
            dims=dict(zip(dims, row[:n], strict=True)),
            value=row[n + 1],
            status=row[n + 2],
            conf=row[n + 3],
            footnote_id=row[n + 4],
            sort_order=row[n + 5],
        )
        for row in rows
    ]


def value(
    session: Session, release_id: str, indicator_id: str, period: str, **dims: str
) -> ObservationRow | None:
    """One cell: the dimensions named in ``dims``, every other one at its total ``_T``."""
    info = indicator(session, indicator_id)
    if info is None:
        return None
    where = {d: [dims.get(d, TOTAL)] for d in info.dimensions}
    rows = observations(session, release_id, indicator_id, [str(period)], where)
    return rows[0] if rows else None


def footnotes(session: Session, ids: Iterable[int]) -> dict[int, FootnoteInfo]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.scalars(select(Footnote).where(Footnote.id.in_(wanted)))
    return {
        r.id: FootnoteInfo(r.id, {lang: getattr(r, f"text_{lang}") for lang in LANGUAGES})
        for r in rows
    }


def all_footnotes(session: Session) -> dict[int, FootnoteInfo]:
    """Every footnote (a short table: a few texts shared by many observations)."""
    return {
        r.id: FootnoteInfo(r.id, {lang: getattr(r, f"text_{lang}") for lang in LANGUAGES})
        for r in session.scalars(select(Footnote))
    }


# ---------------------------------------------------------------- classifiers


def codelists(session: Session) -> list[CodelistInfo]:
    return [
        CodelistInfo(
            r.id, {lang: getattr(r, f"name_{lang}") for lang in LANGUAGES}, r.version, r.source
        )
        for r in session.scalars(select(Codelist).order_by(Codelist.id))
    ]


def codes(session: Session, codelist_id: str, on: date | None = None) -> list[CodeInfo]:
    """Codes of a codelist in display order: the version valid ``on`` a date, or the latest."""
    query = select(Code).where(Code.codelist_id == codelist_id)
    latest: dict[str, Code] = {}
    for row in session.scalars(query.order_by(Code.valid_from)):
        if on is not None and not (
            row.valid_from <= on and (row.valid_to is None or row.valid_to >= on)
        ):
            continue
        latest[row.code] = row  # later versions replace earlier ones
    ordered = sorted(latest.values(), key=lambda r: (r.sort_order, r.code))
    return [
        CodeInfo(
            codelist_id=r.codelist_id,
            code=r.code,
            parent_code=r.parent_code,
            level=r.level,
            label={lang: r.label(lang) for lang in LANGUAGES},
            sort_order=r.sort_order,
            valid_from=r.valid_from,
            valid_to=r.valid_to,
            attributes=dict(r.attributes or {}),
        )
        for r in ordered
    ]


def dimension_codes(session: Session, release_id: str, indicator_id: str) -> dict[str, set[str]]:
    """The codes each dimension of an indicator actually takes in a release (``period`` too).

    Read from the domains recorded with the observations; a release written without them
    is scanned instead (one ``DISTINCT`` per key column).
    """
    info = indicator(session, indicator_id)
    recorded = read_domains(session.connection(), release_id, indicator_id)
    if recorded:
        return {
            "period": set(),
            **{d: set() for d in (info.dimensions if info else ())},
            **recorded,
        }
    present: dict[str, set[str]] = {"period": set(periods(session, release_id, indicator_id))}
    for dim, key in zip(info.dimensions if info else (), KEYS, strict=False):
        column = Observation.__table__.c[key]
        present[dim] = set(
            session.scalars(
                select(column)
                .where(
                    Observation.release_id == release_id,
                    Observation.indicator_id == indicator_id,
                )
                .distinct()
            )
        )
    return present
