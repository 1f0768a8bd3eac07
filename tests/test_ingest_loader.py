"""The batch loader's guarantees on a tiny in-test source: conservation, idempotence, no raw ids."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, ClassVar

import pytest
from sqlalchemy import func, select

from ingest.base import Loadable, MapResult, RawRecord, SourceAdapter
from ingest.context import Context
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.quarantine import resubmit
from ingest.rules import Checker
from store.models import DeathEvent, IngestBatch, QuarantineRecord

PIN = "21234567890123"


class Deaths(SourceAdapter):
    name = "test-deaths"
    identifiers: ClassVar[dict[str, str]] = {"pin": "pin"}
    page_size = 2

    def __init__(self, rows: list[dict[str, Any] | None] | None = None, key: str = "d1") -> None:
        self.rows = rows or []
        self.key = key

    def delivery_key(self) -> str:
        return self.key

    def records(self) -> Iterator[RawRecord]:
        for n, row in enumerate(self.rows):
            yield RawRecord(f"#{n}", row, text="garbage 21234567890123", problem="MALFORMED")

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        key, died = check.key("pin"), check.date("died")
        sex, territory = check.sex("sex"), check.territory("where", "test", died)
        if not check.ok:
            return check.reasons
        row = {"person_key": key, "event_date": died, "sex": sex, "territory": territory}
        return Loadable(DeathEvent, row, str(data["id"]), (key, "death", died))


def rec(n: int, **extra: Any) -> dict[str, Any]:
    pin = f"2123456789{n:04d}"
    return {"id": f"r{n}", "pin": pin, "died": "2022-03-01", "sex": "2", "where": "41702"} | extra


@pytest.fixture
def loader(database) -> BatchLoader:
    ctx = Context(soate={"417", "41702"}, today=date(2024, 1, 1))
    return BatchLoader(database, Pseudonymiser("test-secret"), ctx)


@pytest.mark.store
def test_every_record_is_loaded_quarantined_or_duplicate(loader):
    rows = [rec(1), rec(2), rec(1), rec(1, id="other"), rec(4, died="2099-01-01"), None]
    result = loader.run(Deaths(rows))
    assert (result.received, result.loaded, result.quarantined, result.duplicates) == (6, 2, 2, 2)
    assert result.balanced


@pytest.mark.store
def test_a_rerun_of_the_same_delivery_loads_nothing_new(loader, database):
    loader.run(Deaths([rec(1), rec(2)]))
    again = loader.run(Deaths([rec(1), rec(2)]))
    assert again.already_loaded
    resent = loader.run(Deaths([rec(1), rec(2)], key="d2"))
    assert (resent.loaded, resent.duplicates) == (0, 2)


@pytest.mark.store
def test_a_dry_run_writes_nothing(loader, database):
    result = loader.run(Deaths([rec(1)]), dry_run=True)
    assert result.loaded == 1
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(IngestBatch)) == 0


def test_raw_identifiers_never_reach_the_quarantine(loader, database):
    loader.run(Deaths([rec(1, sex="?", note=f"pin {PIN}"), None]))
    with database.session() as session:
        stored = str(list(session.scalars(select(QuarantineRecord.raw))))
    assert PIN not in stored
    assert "2123456789" not in stored


def test_a_corrected_record_is_loaded_on_resubmission(loader, database, monkeypatch):
    from ingest import base

    monkeypatch.setitem(base.ADAPTERS, Deaths.name, Deaths)
    loader.run(Deaths([rec(1, where="99999")]))
    with database.session() as session:
        entry = session.scalars(select(QuarantineRecord)).one()
    result = resubmit(loader, entry.id, {"where": "41702"})
    assert (result.received, result.loaded) == (1, 1)
