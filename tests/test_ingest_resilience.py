"""Crashes, bad input and raw identifiers: the loader loses nothing and leaks nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from classifiers.loader import load_classifiers
from ingest import crosswalks
from store import Database, schema
from store.models import IngestBatch
from synth.tunduk import native
from tests.ingest_killer import PAGE_SIZE, PARAMS

ROOT = Path(__file__).resolve().parent.parent


def _fresh(url: str) -> str:
    database = Database(url)
    schema.upgrade(database.engine)
    with database.transaction() as session:
        load_classifiers(session)
        crosswalks.load(session)
    database.dispose()
    return url


def _load(url: str, kill_on: int) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tests.ingest_killer", url, str(kill_on)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def _counts(url: str) -> tuple[int, ...]:
    database = Database(url)
    with database.session() as session:
        batch = session.query(IngestBatch).one()
        rows = session.execute(text("SELECT count(*) FROM migration_event")).scalar_one()
        counts = (batch.received, batch.loaded, batch.quarantined, batch.duplicates, rows)
    database.dispose()
    return counts


@pytest.mark.slow
def test_a_load_killed_mid_batch_resumes_to_the_same_counts(tmp_path, sqlite_url):
    killed = _fresh(sqlite_url)
    whole = _fresh(f"sqlite:///{tmp_path / 'whole.sqlite3'}")
    assert _load(killed, kill_on=5).returncode == -9
    # Pages are committed in twos: pages 1–4 survived the kill, page 5 was rolled back.
    assert _counts(killed)[0] == 4 * PAGE_SIZE
    assert _load(killed, kill_on=0).returncode == 0
    assert _load(whole, kill_on=0).returncode == 0
    assert _counts(killed) == _counts(whole)


def _identifiers(records: dict[str, list[Any]]) -> set[str]:
    fields = {"pin", "childPin", "motherPin", "groomPin", "bridePin", "husbandPin", "wifePin"}
    found = set()
    for pairs in records.values():
        for _window, record in pairs:
            if isinstance(record, dict):
                found |= {str(v) for k, v in record.items() if (k in fields or k == "passportNo")}
    return found - {"None"}


@pytest.mark.slow
def test_no_raw_identifier_reaches_the_database_or_the_logs(sqlite_url, caplog, monkeypatch):
    from tests.test_ingest_tunduk import CONFIG, run

    monkeypatch.setenv("STATKG_TUNDUK_SERVICES", CONFIG)
    caplog.set_level("DEBUG")
    records, store = native(PARAMS), Database(_fresh(sqlite_url))
    for source in records:
        run(store, records, source)
    with store.engine.connect() as connection:
        dump = "\n".join(connection.connection.dbapi_connection.iterdump())  # type: ignore[union-attr]
    raw = _identifiers(records)
    assert len(raw) > 100
    assert [r for r in raw if r in dump or r in caplog.text] == []


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("{not json", "MALFORMED"),
        (["a", "list"], "MALFORMED"),
        ({"id": "x1"}, "MISSING_FIELD"),
        ({"id": "x2", "operation": "=cmd|' /C calc'!A0"}, "FORMULA_TEXT"),
        ({"id": "x3", "operation": "REG", "eventDate": "31.02.2021"}, "INVALID_DATE"),
    ],
)
def test_bad_records_are_quarantined_with_a_reason(classified_sqlite_url, monkeypatch, bad, reason):
    from synth.tunduk import SOURCES
    from tests.test_ingest_tunduk import CONFIG, run

    monkeypatch.setenv("STATKG_TUNDUK_SERVICES", CONFIG)
    store = Database(classified_sqlite_url)
    with store.transaction() as session:
        crosswalks.load(session)
    records: dict[str, list[Any]] = {source: [] for source in SOURCES}
    records["asb"] = [("2021-05-01", bad)] * 2
    result = run(store, records, "asb")
    assert (result.received, result.quarantined, result.duplicates) == (2, 1, 1)
    assert reason in result.reasons
