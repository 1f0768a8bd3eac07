"""Correcting quarantined records and submitting them again.

Why through the loader: a corrected record must pass exactly the rules a fresh one does and
land in the same ledger, so a re-submission is a tiny batch of its own (``resubmit:…``)
whose counts balance like any other; the original entry is marked resolved by that batch.
Corrections name fields of the record as received; identifiers in a correction are
pseudonymised like any input, so an operator may type the real ПИН.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ingest.base import ADAPTERS, MapResult, Page, RawRecord, SourceAdapter, discover
from ingest.context import Context
from ingest.loader import BatchLoader, BatchResult
from store.models import QuarantineRecord


class QuarantineError(Exception):
    """The quarantine entry cannot be re-submitted (unknown, already resolved, no adapter)."""


class _Resubmission(SourceAdapter):
    """Wraps the source's adapter to feed it one corrected record."""

    name = "resubmission"

    def __init__(self, inner: SourceAdapter, entry: QuarantineRecord, data: dict[str, Any]):
        self.inner = inner
        self.entry = entry
        self.data = data
        self.name = inner.name  # type: ignore[misc]  # the ledger is the source's own
        self.identifiers = inner.identifiers  # type: ignore[misc]

    def delivery_key(self) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        return f"{self.inner.name}:resubmit:{self.entry.id}:{stamp}"

    def audit(self) -> dict[str, Any]:
        return {"resubmits_quarantine": self.entry.id, "original_batch": self.entry.batch_id}

    def pages(self, resume_from: str) -> Iterator[Page]:
        yield Page([RawRecord(f"quarantine {self.entry.id}", self.data)], "1")

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        return self.inner.map(data, ctx)


def resubmit(loader: BatchLoader, quarantine_id: int, corrections: dict[str, Any]) -> BatchResult:
    """Apply ``corrections`` to a quarantined record and run it through its source again."""
    with loader.database.session() as session:
        entry = session.get(QuarantineRecord, quarantine_id)
        if entry is None:
            raise QuarantineError(f"no quarantine record {quarantine_id}")
        if entry.resolved_at is not None:
            raise QuarantineError(f"quarantine record {quarantine_id} is already resolved")
        adapter_class = discover().get(entry.source) or ADAPTERS.get(entry.source)
        if adapter_class is None:
            raise QuarantineError(f"no adapter for source {entry.source!r}")
        data = {k: v for k, v in entry.raw.items() if k != "_text"} | corrections
        session.expunge(entry)
    adapter = _Resubmission(adapter_class.for_resubmission(), entry, data)
    result = loader.run_resubmission(adapter, entry.source_key)
    with loader.database.transaction() as session:
        stored = session.get(QuarantineRecord, quarantine_id)
        assert stored is not None
        stored.resolved_at = datetime.now(UTC)
        stored.resolved_batch_id = result.batch_id
    return result
