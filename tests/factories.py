"""Small hand-made microdata, so that a test can recompute an indicator by hand."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from store.models import (
    BirthEvent,
    CensusPopulation,
    DeathEvent,
    DivorceEvent,
    IngestBatch,
    MarriageEvent,
    MigrationEvent,
)

UNIT = "41702205"  # Ak-Suu rayon, Issyk-Kul oblast
OTHER_UNIT = "41708203"  # Alamudun rayon, Chui oblast
_serial = itertools.count(1)


def batch(session: Session, synthetic: bool = False, source: str = "test") -> IngestBatch:
    row = IngestBatch(
        source=source,
        delivery_key=f"test:{next(_serial)}",
        started_at=datetime.now(UTC),
        synthetic=synthetic,
        status="loaded",
    )
    session.add(row)
    session.flush()
    return row


def population(
    session: Session,
    year: int,
    persons: dict[tuple[str, str, int], int],
    unit: str = UNIT,
    settlement: str = "R",
) -> None:
    """Base population on 1 January ``year``: ``{(unit, sex, age): persons}`` style cells."""
    b = batch(session)
    for (cell_unit, sex, age), count in persons.items():
        session.add(
            CensusPopulation(
                batch_id=b.id,
                reference_date=date(year, 1, 1),
                territory=cell_unit or unit,
                settlement=settlement,
                sex=sex,
                age=age,
                persons=count,
            )
        )
    session.flush()


def birth(
    session: Session, when: date, mother_age: int, sex: str = "F", order: int = 1, unit: str = UNIT
) -> None:
    n = next(_serial)
    session.add(
        BirthEvent(
            batch_id=batch(session).id,
            source_key=f"t:b:{n}",
            event_date=when,
            child_key=f"c{n}",
            mother_key=f"m{n}",
            sex=sex,
            territory=unit,
            settlement="R",
            mother_age=mother_age,
            birth_order=order,
        )
    )


def death(
    session: Session,
    when: date,
    birth_date: date,
    sex: str,
    age: int,
    unit: str = UNIT,
    cause: str = "IX",
) -> None:
    n = next(_serial)
    session.add(
        DeathEvent(
            batch_id=batch(session).id,
            source_key=f"t:d:{n}",
            event_date=when,
            person_key=f"p{n}",
            sex=sex,
            birth_date=birth_date,
            age=age,
            territory=unit,
            settlement="R",
            cause_chapter=cause,
        )
    )


def move(
    session: Session,
    when: date,
    birth_date: date,
    sex: str,
    origin: str,
    destination: str,
    kinds: tuple[str, ...] = ("deregistration", "registration"),
    source: str = "test",
    person: str | None = None,
) -> None:
    """An internal move, as its two records (or only some of them), shaped as AIS ASB sends
    them: the de-registration names the destination, the registration the origin."""
    n = next(_serial)
    person = person or f"p{n}"
    same_oblast = origin[:5] == destination[:5]
    for kind in kinds:
        leaving = kind == "deregistration"
        session.add(
            MigrationEvent(
                batch_id=batch(session, source=source).id,
                source_key=f"t:m:{n}:{kind}",
                event_date=when,
                event_kind=kind,
                migration_type="within_oblast" if same_oblast else "between_oblasts",
                person_key=person,
                sex=sex,
                birth_date=birth_date,
                citizenship="417",
                territory=origin if leaving else destination,
                settlement="R",
                origin_territory=None if leaving else origin,
                destination_territory=destination if leaving else None,
                reason="WORK",
            )
        )


def marriage(
    session: Session, when: date, groom_age: int, bride_age: int, unit: str = UNIT
) -> None:
    n = next(_serial)
    session.add(
        MarriageEvent(
            batch_id=batch(session).id,
            source_key=f"t:w:{n}",
            event_date=when,
            territory=unit,
            settlement="R",
            groom_key=f"g{n}",
            bride_key=f"b{n}",
            groom_age=groom_age,
            bride_age=bride_age,
        )
    )


def divorce(
    session: Session, when: date, husband_age: int, wife_age: int, unit: str = UNIT
) -> None:
    n = next(_serial)
    session.add(
        DivorceEvent(
            batch_id=batch(session).id,
            source_key=f"t:v:{n}",
            event_date=when,
            territory=unit,
            settlement="R",
            husband_key=f"h{n}",
            wife_key=f"w{n}",
            husband_age=husband_age,
            wife_age=wife_age,
        )
    )
