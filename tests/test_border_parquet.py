"""The border crossings kept as microdata: one immutable Parquet file per delivery.

The cells the releases publish must not change (same file, same cells as before the
microdata), the files must hold exactly the counted crossings, conservation must hold
across a resubmission and a correction, and no passport number may reach a file or a table.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from sqlalchemy import select, text

from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.border import BorderAdapter, BorderFile
from store import Database
from store.crossings import counting_deliveries, directory
from store.models import BorderCrossing, IngestBatch
from synth.files import Defects, write_border_histories


@pytest.fixture
def loader(classified_sqlite_url: str) -> BatchLoader:
    return BatchLoader(Database(classified_sqlite_url), Pseudonymiser("test-secret"))


@pytest.fixture
def histories(tmp_path: Path) -> Path:
    manifest = write_border_histories(
        tmp_path / "border.csv", 6000, seed=3, defects=Defects(bad=0.02), encoding="cp1251",
        years=2,
    )  # fmt: skip
    assert manifest.bad > 0
    return manifest.path


def test_the_cells_are_those_of_the_counting_path_alone(
    loader: BatchLoader, histories: Path, tmp_path: Path
) -> None:
    """Reading with the microdata writer counts exactly what the old path counted."""
    with loader.database.session() as session:
        ctx = loader.context(session)
        plain = BorderFile(histories, ctx)
        for _ in plain.blocks():
            pass
        old = list(plain.cells())
    BorderAdapter(path=str(histories), microdata_dir=tmp_path / "md").run(loader)
    with loader.database.session() as session:
        columns = [c for c in BorderCrossing.__table__.columns if c.name not in ("id", "batch_id")]
        new = sorted(tuple(r) for r in session.execute(select(*columns)))
    assert sorted(tuple(c.values()) for c in old) == new


def test_the_file_holds_every_counted_crossing_and_no_other(
    loader: BatchLoader, histories: Path
) -> None:
    result = BorderAdapter(path=str(histories)).run(loader)
    with loader.database.session() as session:
        paths = counting_deliveries(session)
        cells: Counter[tuple[str, ...]] = Counter()
        for row in session.execute(
            select(
                BorderCrossing.crossing_date,
                BorderCrossing.checkpoint,
                BorderCrossing.direction,
                BorderCrossing.citizenship,
                BorderCrossing.sex,
                BorderCrossing.purpose,
                BorderCrossing.crossings,
            )
        ):
            cells[tuple(str(v) for v in row[:-1])] += row[-1]
    assert len(paths) == 1
    table = pq.read_table(paths[0])
    assert table.num_rows == result.loaded
    assert table.column("person_key").null_count == 0
    counted = duckdb.execute(
        f"SELECT crossing_date::VARCHAR, checkpoint::VARCHAR, direction::VARCHAR, "  # noqa: S608
        f"citizenship::VARCHAR, sex::VARCHAR, purpose::VARCHAR, count(*) "
        f"FROM read_parquet('{paths[0]}') GROUP BY ALL"
    ).fetchall()
    assert Counter({tuple(r[:-1]): r[-1] for r in counted}) == cells
    # Travellers are linked: far fewer keys than crossings.
    keys = duckdb.execute(f"SELECT count(DISTINCT person_key) FROM read_parquet('{paths[0]}')")  # noqa: S608
    assert keys.fetchall()[0][0] < table.num_rows / 2


def test_resubmission_and_correction_keep_conservation(
    loader: BatchLoader, histories: Path, tmp_path: Path
) -> None:
    first = BorderAdapter(path=str(histories)).run(loader)
    again = BorderAdapter(path=str(histories)).run(loader)
    assert again.already_loaded
    assert again.batch_id == first.batch_id
    corrected = tmp_path / "corrected.csv"
    lines = histories.read_bytes().splitlines(keepends=True)
    corrected.write_bytes(b"".join(lines[: len(lines) // 2]))  # a different delivery
    second = BorderAdapter(path=str(corrected)).run(loader)
    assert second.batch_id != first.batch_id
    with loader.database.session() as session:
        paths = counting_deliveries(session)
        batches = session.scalars(select(IngestBatch).where(IngestBatch.source == "border"))
        for batch in batches:
            assert batch.received == batch.loaded + batch.quarantined
            path = directory() / batch.audit["microdata"]
            assert pq.read_metadata(path).num_rows == batch.loaded
    assert len(paths) == 2
    assert all(not (p.stat().st_mode & 0o222) for p in paths)  # written once, read-only
    assert not list(directory().rglob("*.partial-*"))


def test_no_passport_number_reaches_a_file_or_a_table(loader: BatchLoader, histories: Path) -> None:
    numbers = set()
    for line in histories.read_bytes().decode("cp1251", "replace").splitlines()[1:]:
        fields = line.split(";")
        if len(fields) > 7 and fields[7].startswith("AC"):
            numbers.add(fields[7][2:])
    assert len(numbers) > 100
    BorderAdapter(path=str(histories)).run(loader)
    for path in directory().rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(n.encode() in data for n in list(numbers)[:500])
            for column in pq.read_table(path).columns:
                values = {str(v) for v in column.to_pylist()}
                assert not values & numbers
    with loader.database.session() as session:
        for table in ("border_crossing", "quarantine_record", "ingest_batch"):
            dump = " ".join(str(r) for r in session.execute(text(f"SELECT * FROM {table}")))  # noqa: S608
            assert not any(n in dump for n in numbers)


def test_a_dry_run_and_a_failed_load_leave_no_file(loader: BatchLoader, histories: Path) -> None:
    BorderAdapter(path=str(histories)).run(loader, dry_run=True)
    assert not directory().exists() or not [p for p in directory().rglob("*") if p.is_file()]
    with loader.database.session() as session:
        assert counting_deliveries(session) == []


def test_the_person_key_is_the_start_of_the_text_key() -> None:
    pseudonymiser = Pseudonymiser("test-secret")
    key = pseudonymiser.person_keys("passport", ["AC0000012345"])[0]
    text_key = pseudonymiser.key("passport", "AC0000012345")
    assert int(key) & (2**64 - 1) == int(text_key[:16], 16)


def test_a_context_is_needed_only_once_per_file(loader: BatchLoader, histories: Path) -> None:
    """Sanity: the reader works without a microdata writer (the bench's old path)."""
    with loader.database.session() as session:
        reader = BorderFile(histories, loader.context(session))
        rejected = sum(len(r) for r in reader.blocks())
    assert reader.stats.received == reader.stats.loaded + reader.stats.quarantined
    assert rejected == reader.stats.quarantined


def test_a_load_that_fails_after_reading_leaves_no_part_behind(
    loader: BatchLoader, histories: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.sources.border as border

    def broken(*_: object, **__: object) -> int:
        raise RuntimeError("the store went away")

    monkeypatch.setattr(border, "bulk_insert", broken)
    with pytest.raises(RuntimeError, match="went away"):
        BorderAdapter(path=str(histories)).run(loader)
    assert not [p for p in directory().rglob("*") if p.is_file()]
    with loader.database.session() as session:
        assert counting_deliveries(session) == []
