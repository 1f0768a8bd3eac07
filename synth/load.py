"""Writing a generated data set into the store: one batch, labelled synthetic, loaded once.

Why a batch: generated rows go through the same ledger as real deliveries
(:class:`~store.models.ingest.IngestBatch`), so every row can be traced to the parameters
that made it and removed with it, and the ``synthetic`` flag keeps it out of anything
official. The delivery key is made of the parameters, so loading the same data set twice
is recognised and skipped; ``replace`` removes earlier synthetic batches first.

Rows go in with SQLAlchemy Core bulk inserts in chunks — no ORM objects per row and no
dialect-specific SQL, so the same code serves SQLite and PostgreSQL.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from ingest.pseudonymise import Pseudonymiser
from store.models import (
    Base,
    BirthEvent,
    CensusPopulation,
    DeathEvent,
    DivorceEvent,
    IngestBatch,
    MarriageEvent,
    MigrationEvent,
    StillbirthEvent,
)
from synth import SYNTHETIC_NOTICE, profile
from synth.simulate import Columns, Params, Synthetic, simulate

SOURCE = "synthetic"
CHUNK_SIZE = 20_000
MODELS: dict[str, type[Base]] = {
    "census_population": CensusPopulation,
    "birth_event": BirthEvent,
    "death_event": DeathEvent,
    "marriage_event": MarriageEvent,
    "divorce_event": DivorceEvent,
    "migration_event": MigrationEvent,
    "stillbirth_event": StillbirthEvent,
}
# The word used in source keys: synth:{seed}:{parameters}:{kind}:{n}
KINDS = {
    "birth_event": "birth",
    "death_event": "death",
    "marriage_event": "marriage",
    "divorce_event": "divorce",
    "migration_event": "migration",
    "stillbirth_event": "stillbirth",
}


@dataclass
class Outcome:
    """What a call to :func:`generate` did."""

    params: Params
    batch_id: int
    already_loaded: bool
    rows: dict[str, int] = field(default_factory=dict)
    population: int = 0
    end_population: int = 0
    replaced_batches: int = 0
    seconds: float = 0.0
    figures: dict[int, dict[str, float]] = field(default_factory=dict)


def find_batch(session: Session, params: Params) -> IngestBatch | None:
    """The batch already loaded with these parameters, if any."""
    return session.scalars(
        select(IngestBatch).where(IngestBatch.delivery_key == params.delivery_key)
    ).first()


def delete_synthetic(session: Session) -> int:
    """Delete every synthetic batch and every row that belongs to one; return how many.

    Rows of any table with a foreign key to ``ingest_batch`` are removed (a nullable
    reference, such as a quarantine record's ``resolved_batch_id``, is cleared instead).
    """
    ids = list(
        session.scalars(
            select(IngestBatch.id).where(
                IngestBatch.synthetic.is_(True), IngestBatch.source == SOURCE
            )
        )
    )
    if not ids:
        return 0
    batch_table = IngestBatch.__table__
    for table in reversed(Base.metadata.sorted_tables):
        for fk in table.foreign_keys:
            if fk.column.table is not batch_table or table is batch_table:
                continue
            column = fk.parent
            if column.nullable and column.name != "batch_id":
                session.execute(update(table).where(column.in_(ids)).values({column.name: None}))
            else:
                session.execute(delete(table).where(column.in_(ids)))
    session.execute(delete(IngestBatch).where(IngestBatch.id.in_(ids)))
    return len(ids)


def census_rows(data: Synthetic) -> Columns:
    """The non-zero cells of the base population as columns of CensusPopulation, by
    nationality when the data set has the split (:attr:`Synthetic.base_nationality`)."""
    codes = np.array([u.code for u in data.units], dtype=object)
    if data.base_nationality is None:
        unit, settlement, sex, age = np.nonzero(data.base)
        nationality = np.full(len(unit), None, dtype=object)
        persons = data.base[unit, settlement, sex, age]
    else:
        unit, settlement, sex, age, group = np.nonzero(data.base_nationality)
        nationality = np.array(profile.NATIONALITIES, dtype=object)[group]
        persons = data.base_nationality[unit, settlement, sex, age, group]
    n = len(unit)
    return {
        "reference_date": np.full(n, np.datetime64(f"{data.params.first_year}-01-01")),
        "territory": codes[unit],
        "settlement": np.array(profile.SETTLEMENTS, dtype=object)[settlement],
        "sex": np.array(profile.SEXES, dtype=object)[sex],
        "age": age.astype(np.int64),
        "nationality": nationality,
        "persons": persons,
    }


def _chunks(
    columns: Columns, batch_id: int, key_prefix: str | None, size: int
) -> Iterator[list[dict[str, Any]]]:
    """Row dicts in chunks of ``size``: python values, batch id, numbered source keys."""
    names = list(columns)
    total = len(columns[names[0]]) if names else 0
    for start in range(0, total, size):
        stop = min(start + size, total)
        values = [columns[name][start:stop].tolist() for name in names]
        extra_names = ["batch_id"]
        extra: list[list[Any]] = [[batch_id] * (stop - start)]
        if key_prefix is not None:
            extra_names.append("source_key")
            extra.append([f"{key_prefix}{n}" for n in range(start + 1, stop + 1)])
        all_names = names + extra_names
        yield [dict(zip(all_names, row, strict=True)) for row in zip(*values, *extra, strict=True)]


def load(
    session: Session,
    data: Synthetic,
    on_table: Callable[[str, int], None] | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[int, dict[str, int]]:
    """Insert ``data`` as one new synthetic batch; return its id and rows per table.

    ``on_table(table, rows)`` is called after each table (for progress bars).
    """
    params = data.params
    batch = IngestBatch(
        source=SOURCE,
        delivery_key=params.delivery_key,
        started_at=datetime.now(UTC),
        status="running",
        synthetic=True,
        audit={"notice": SYNTHETIC_NOTICE, "parameters": params.as_dict()},
    )
    session.add(batch)
    session.flush()
    events = data.events if params.events else {}
    tables: dict[str, Columns] = {"census_population": census_rows(data), **events}
    rows: dict[str, int] = {}
    for table, columns in tables.items():
        model = MODELS[table]
        prefix = None if table == "census_population" else f"synth:{params.tag}:{KINDS[table]}:"
        count = 0
        for chunk in _chunks(columns, batch.id, prefix, chunk_size):
            session.execute(insert(model), chunk)
            count += len(chunk)
        rows[table] = count
        if on_table is not None:
            on_table(table, count)
    total = sum(rows.values())
    batch.received = total
    batch.loaded = total
    batch.duplicates = 0
    batch.quarantined = 0
    batch.status = "loaded"
    batch.finished_at = datetime.now(UTC)
    batch.audit = {
        "notice": SYNTHETIC_NOTICE,
        "parameters": params.as_dict(),
        "rows": rows,
        "base_reference_date": date(params.first_year, 1, 1).isoformat(),
        "figures": {str(year): values for year, values in data.figures.items()},
    }
    session.flush()
    return batch.id, rows


def generate(
    session: Session,
    params: Params,
    pseudonymiser: Pseudonymiser,
    replace: bool = False,
    on_year: Callable[[int], None] | None = None,
    on_table: Callable[[str, int], None] | None = None,
) -> Outcome:
    """Generate and load the data set of ``params`` unless it is already loaded.

    Without ``replace``, an existing batch with the same parameters makes this a no-op
    (``Outcome.already_loaded``). With ``replace``, all earlier synthetic batches and their
    rows are deleted first, then the data set is generated again.
    """
    started = time.perf_counter()
    replaced = 0
    if replace:
        replaced = delete_synthetic(session)
        session.flush()
    else:
        existing = find_batch(session, params)
        if existing is not None:
            return Outcome(
                params=params,
                batch_id=existing.id,
                already_loaded=True,
                rows=dict(existing.audit.get("rows", {})),
            )
    data = simulate(params, pseudonymiser, on_year=on_year)
    batch_id, rows = load(session, data, on_table=on_table)
    return Outcome(
        params=params,
        batch_id=batch_id,
        already_loaded=False,
        rows=rows,
        population=int(data.base.sum()),
        end_population=int(data.end_population.sum()),
        replaced_batches=replaced,
        seconds=time.perf_counter() - started,
        figures=data.figures,
    )
