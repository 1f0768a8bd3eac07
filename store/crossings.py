"""The crossings microdata: each border crossing kept with the key of its traveller.

Why a second home beside ``border_crossing``: the cells (counts by date, checkpoint,
citizenship, sex, age group and purpose) lose the person, and long-term migration is a
property of a person's travel history (the 12/16-month rule, :mod:`indicators.residence`).
A national year is about 37 million crossings — too many rows for the relational store,
comfortable for a columnar file queried with DuckDB on one machine (and the same SQL runs
on a distributed engine later).

One Parquet file per delivery (ingest batch), written beside the batch's transaction and
renamed into place only once the batch is committed, never rewritten afterwards: a
correction or a resubmission is a new delivery. Which files count is the batch ledger's
answer (:func:`counting_deliveries`: batches of the source that are ``loaded``), so the
files agree with the cells and with ``received = loaded + quarantined``. The traveller is
the 64-bit start of the HMAC of the passport number
(:meth:`ingest.pseudonymise.Pseudonymiser.person_keys`); the number itself is never
written.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import select
from sqlalchemy.orm import Session

from config import PROJECT_ROOT, setting
from store.models import IngestBatch

_TEXT = pa.dictionary(pa.int8(), pa.string())
SCHEMA = pa.schema(
    [
        ("person_key", pa.int64()),  # null: the record had no passport number
        ("crossing_date", pa.date32()),
        ("direction", _TEXT),  # ENTRY, EXIT
        ("checkpoint", _TEXT),
        ("citizenship", pa.dictionary(pa.int16(), pa.string())),  # ISO numeric, "417"
        ("sex", _TEXT),
        ("age", pa.int16()),
        ("purpose", _TEXT),
        ("destination", pa.dictionary(pa.int16(), pa.string())),  # ISO numeric or null
    ]
)


def directory() -> Path:
    """Where the deliveries' Parquet files live (``STATKG_MICRODATA_DIR``)."""
    return PROJECT_ROOT / setting("STATKG_MICRODATA_DIR")


def delivery_name(source: str, batch_id: int, delivery_key: str, started: datetime) -> str:
    """The file name of one delivery: the source, the batch, the start of its key and when
    its load began (a store made afresh numbers its batches from 1 again: the time keeps
    an old store's file from being taken for, or overwritten by, a new one)."""
    tail = delivery_key.rsplit(":", 1)[-1][:12]
    return f"{source}/batch-{batch_id:06d}-{tail}-{started:%Y%m%dT%H%M%S%f}.parquet"


class DeliveryWriter:
    """Writes one delivery's crossings a block at a time; visible only after :meth:`commit`."""

    def __init__(self, name: str, root: Path | None = None, schema: pa.Schema = SCHEMA) -> None:
        self.root = root or directory()
        self.schema = schema  # the crossings', or another microdata file's (the population base)
        self.name = name
        self.path = self.root / name
        self.partial = self.path.with_suffix(f".partial-{os.getpid()}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.writer = pq.ParquetWriter(self.partial, schema, compression="zstd")
        self.rows = 0

    def write(self, table: pa.Table) -> None:
        if table.num_rows:
            self.writer.write_table(table.cast(self.schema), row_group_size=1 << 20)
            self.rows += table.num_rows

    def close(self) -> None:
        if self.writer.is_open:
            self.writer.close()

    def commit(self) -> None:
        """Put the file in place (after the batch's transaction committed); never overwrite."""
        if self.path.exists():
            raise FileExistsError(f"a delivery file is immutable: {self.path}")
        self.partial.rename(self.path)
        self.path.chmod(0o444)

    def discard(self) -> None:
        self.partial.unlink(missing_ok=True)


def counting_deliveries(
    session: Session, source: str = "border", finished_before: datetime | None = None
) -> list[Path]:
    """The Parquet files that count: one per loaded batch of ``source`` that wrote one —
    with ``finished_before``, only the batches a release computed at that time could see
    (a data request answered from a public release must not use later deliveries)."""
    root = directory()
    query = select(IngestBatch.id, IngestBatch.audit).where(
        IngestBatch.source == source, IngestBatch.status == "loaded"
    )
    if finished_before is not None:
        query = query.where(IngestBatch.finished_at <= finished_before)
    rows = session.execute(query.order_by(IngestBatch.id)).all()
    paths = [root / audit["microdata"] for _, audit in rows if (audit or {}).get("microdata")]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"{source} microdata missing for loaded batches: {missing[:3]}")
    return paths
