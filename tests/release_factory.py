"""Small hand-made releases for the read layer and the API: a few indicators, a few cells.

Writing observations directly (not through ``compute_release``) keeps each test fast and
lets it know every value. ``public_and_embargoed`` makes the two releases most tests need.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from classifiers.loader import load_classifiers
from store.models import (
    ConfStatus,
    Footnote,
    Indicator,
    ObsStatus,
    Release,
    ReleaseStatus,
)
from store.observations import NewObservation, insert_observations

NOW = datetime.now(UTC)
OBLASTS = ("41702", "41703", "41704", "41705", "41706", "41707", "41708", "41711", "41721")
YEARS = ("2022", "2023", "2024", "2025")
#: A value no real cell has: the embargo tests look for it in every answer.
EMBARGOED_VALUE = 987654.321
EMBARGOED_ID = "2026-P1"
DIMENSIONS = {"pop_test": ("soate", "sex"), "cbr_test": ("soate",)}


def indicators(session: Session) -> None:
    """``pop_test`` (persons by territory and sex) and ``cbr_test`` (a rate by territory)."""
    for ind, unit, base, decimals in (
        ("pop_test", "persons", 1, 0),
        ("cbr_test", "per_1000", 1000, 1),
    ):
        dims = list(DIMENSIONS[ind])
        session.merge(
            Indicator(
                id=ind,
                topic="population",
                name_ky=f"Калк {ind}",
                name_ru=f"Население {ind}",
                name_en=f"Population {ind}",
                definition_ky="Аныктама",
                definition_ru="Определение",
                definition_en="Definition",
                unit=unit,
                unit_base=base,
                decimals=decimals,
                dimensions=dims,
                source="test",
                attributes={"codelists": {d: d for d in dims}, "additive": base == 1},
            )
        )
    session.flush()


def release(
    session: Session,
    release_id: str,
    published_at: datetime | None,
    scale: float = 1.0,
    years: tuple[str, ...] = YEARS,
    revises: str | None = None,
) -> Release:
    """A release of ``pop_test`` and ``cbr_test``; values are ``scale`` × a known formula."""
    note = Footnote(text_ky="Эскертүү", text_ru="Примечание", text_en="Note")
    session.add(note)
    row = Release(
        id=release_id,
        reference_period=years[-1],
        status=ReleaseStatus.PROVISIONAL,
        created_at=NOW - timedelta(days=30),
        scheduled_at=published_at or NOW + timedelta(days=30),
        published_at=published_at,
        revises_id=revises,
        synthetic=True,
        notes={"checks_passed": published_at is not None, "checks": []},
    )
    session.add(row)
    session.flush()
    cells = []
    order = 0
    for y, year in enumerate(years):
        for o, unit in enumerate(("417", *OBLASTS)):
            for s, sex in enumerate(("_T", "M", "F")):
                order += 1
                cells.append(
                    NewObservation(
                        indicator_id="pop_test",
                        period=year,
                        dims={"soate": unit, "sex": sex},
                        value=scale * (1000 * (o + 1) + 100 * y + s),
                        status=ObsStatus.PROVISIONAL if year == years[-1] else ObsStatus.NORMAL,
                        conf=ConfStatus.FREE,
                        footnote_id=note.id if unit == "41711" else None,
                        sort_order=order,
                    )
                )
            order += 1
            cells.append(
                NewObservation(
                    indicator_id="cbr_test",
                    period=year,
                    dims={"soate": unit},
                    value=round(scale * (20 + o + y / 10), 1),
                    status=ObsStatus.ESTIMATED,
                    conf=ConfStatus.FREE,
                    sort_order=order,
                )
            )
    insert_observations(session.connection(), release_id, cells, DIMENSIONS)
    session.flush()
    return row


def public_and_embargoed(session: Session) -> None:
    """``2025-P1`` public since yesterday; ``2026-P1`` embargoed until tomorrow."""
    load_classifiers(session)
    indicators(session)
    release(session, "2025-P1", NOW - timedelta(days=1))
    release(
        session,
        EMBARGOED_ID,
        NOW + timedelta(days=1),
        scale=EMBARGOED_VALUE / 1000,
        years=(*YEARS, "2026"),
        revises="2025-P1",
    )
    session.commit()
