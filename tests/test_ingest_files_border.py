"""The Border Service adapter: streamed, counted, nothing lost, bad input never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from classifiers.loader import load_classifiers
from ingest.base import SourceError
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.border import BorderAdapter, BorderFile
from store import Database
from store.models import BorderCrossing, QuarantineRecord
from synth.files import BORDER_HEADER, Defects, write_border

HEADER = ";".join(BORDER_HEADER)
GOOD = "05.03.2024;AKZHOL;въезд;KGZ;М;34;Частная;AN1234567"


@pytest.fixture
def loader(sqlite_url: str) -> BatchLoader:
    database = Database(sqlite_url)
    with database.transaction() as session:
        load_classifiers(session)
    return BatchLoader(database, Pseudonymiser("test-secret"))


def _file(tmp_path: Path, *lines: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "border.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return str(path)


def _crossings(loader: BatchLoader) -> int:
    with loader.database.session() as session:
        return int(session.scalar(select(func.sum(BorderCrossing.crossings))) or 0)


def _reasons(loader: BatchLoader) -> list[list[str]]:
    with loader.database.session() as session:
        return list(session.scalars(select(QuarantineRecord.reason_codes)))


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_a_generated_file_is_conserved(loader: BatchLoader, tmp_path: Path, encoding: str) -> None:
    manifest = write_border(tmp_path / "b.csv", 3000, seed=7, encoding=encoding)
    result = BorderAdapter(path=str(manifest.path)).run(loader)
    assert result.received == manifest.records
    assert result.quarantined == manifest.bad
    assert result.balanced
    assert _crossings(loader) == manifest.good


def test_conservation_holds_on_every_backend(database: Database, tmp_path: Path) -> None:
    with database.transaction() as session:
        load_classifiers(session)
    manifest = write_border(tmp_path / "b.csv", 2000, seed=3, defects=Defects(bad=0.05))
    loader = BatchLoader(database, Pseudonymiser("s"))
    result = BorderAdapter(path=str(manifest.path)).run(loader)
    assert (result.received, result.quarantined) == (manifest.records, manifest.bad)
    assert _crossings(loader) == manifest.good


def test_a_resent_file_is_not_counted_twice(loader: BatchLoader, tmp_path: Path) -> None:
    manifest = write_border(tmp_path / "b.csv", 500, seed=1)
    BorderAdapter(path=str(manifest.path)).run(loader)
    again = BorderAdapter(path=str(manifest.path)).run(loader)
    assert again.already_loaded
    assert _crossings(loader) == manifest.good


def test_ministry_spellings_are_mapped_not_refused(loader: BatchLoader, tmp_path: Path) -> None:
    path = _file(
        tmp_path, HEADER, "05.03.2024;Ак-Жол;1;417;2;34;3;", "2024-03-05;MANAS;OUT;KZ;F;7;02;"
    )
    result = BorderAdapter(path=path).run(loader)
    assert (result.loaded, result.quarantined) == (2, 0)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('05.03.2024;"=HYPERLINK(""http://x"",""y"")";въезд;KGZ;М;34;Частная;', "FORMULA_TEXT"),
        ("05.03.2024;AKZHOL;въезд;KGZ;М;3O;Частная;", "INVALID_VALUE"),
        ("31.02.2024;AKZHOL;въезд;KGZ;М;34;Частная;", "INVALID_DATE"),
        ("05.03.2024;AKZHOL;въезд;KGZ;М;34", "MALFORMED"),
        ("05.03.2024;AKZHOL;въезд;KGZ;М;34;Частная;;extra", "MALFORMED"),
        ("05.03.2024;KPP-9;въезд;KGZ;М;34;Частная;", "UNMAPPED_CODE"),
        ("05.03.2024;AKZHOL;въезд;;М;34;Частная;", "MISSING_FIELD"),
        ("05.03.2024;AKZHOL;въезд;KGZ;М;34;" + "x" * 300_000 + ";", "INVALID_VALUE"),
    ],
)
def test_a_bad_line_is_quarantined_with_its_reason(
    loader: BatchLoader, tmp_path: Path, line: str, reason: str
) -> None:
    result = BorderAdapter(path=_file(tmp_path, HEADER, GOOD, line, GOOD)).run(loader)
    assert (result.received, result.loaded, result.quarantined) == (3, 2, 1)
    assert reason in _reasons(loader)[0]


def test_garbage_bytes_are_quarantined(loader: BatchLoader, tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(f"{HEADER}\n{GOOD}\n".encode() + b"\xff\xfe\xc3\x28;;\n" + GOOD.encode())
    result = BorderAdapter(path=str(path)).run(loader)
    assert (result.received, result.loaded, result.quarantined) == (3, 2, 1)


def test_a_line_longer_than_a_block_is_one_quarantined_record(
    loader: BatchLoader, tmp_path: Path
) -> None:
    path = _file(tmp_path, HEADER, GOOD, "x" * 3_000_000, GOOD)
    reader = BorderFile(Path(path), loader.context(loader.database.session()), block_bytes=65536)
    rejected = [r for block in reader.blocks() for r in block]
    assert len(rejected) == 1
    assert (reader.stats.received, reader.stats.loaded) == (3, 2)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        ("дата;кпп;направление\n1;2;3\n".encode(), "Missing columns"),
        (f"{HEADER};лишний\n".encode(), "Unknown extra columns"),
        (f"{HEADER}\n{GOOD}\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_a_file_that_cannot_be_read_gives_a_clear_error(
    loader: BatchLoader, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=words):
        BorderAdapter(path=str(path)).run(loader)


def test_no_raw_passport_number_is_stored(loader: BatchLoader, tmp_path: Path) -> None:
    bad = "05.03.2024;AKZHOL;въезд;KGZ;М;250;Частная;AN7654321"
    BorderAdapter(path=_file(tmp_path, HEADER, bad, "AN7654321;broken")).run(loader)
    with loader.database.session() as session:
        stored = " ".join(str(raw) for raw in session.scalars(select(QuarantineRecord.raw)))
    assert "7654321" not in stored
    assert "passport" in stored


def test_a_dry_run_writes_nothing(loader: BatchLoader, tmp_path: Path) -> None:
    result = BorderAdapter(path=_file(tmp_path, HEADER, GOOD)).run(loader, dry_run=True)
    assert result.loaded == 1
    assert _crossings(loader) == 0


def test_a_national_size_file_stays_within_its_year() -> None:
    from datetime import date

    from synth.files import border_days

    assert border_days(37_000_000, date(2024, 1, 1)) == 366  # 2024 is a leap year
    assert border_days(37_000_000, date(2025, 1, 1)) == 365
    assert border_days(250_000, date(2025, 1, 1)) == 3


def test_cells_merged_block_by_block_count_like_one_pass() -> None:
    """Counts merges sorted blocks in place; the result is what counting all rows at once
    gives (keys that recur across blocks, new keys before, between and after the known)."""
    import numpy as np

    from ingest.sources.border import Counts

    rng = np.random.default_rng(7)
    counts, blocks = Counts(), []
    for _ in range(25):
        block = rng.integers(0, 2_000_000, size=int(rng.integers(1, 300_000)), dtype=np.int64)
        blocks.append(block)
        counts.add(block)
    keys, numbers = counts.result()
    expected_keys, expected_numbers = np.unique(np.concatenate(blocks), return_counts=True)
    assert np.array_equal(keys, expected_keys)
    assert np.array_equal(numbers, expected_numbers)
    assert counts.total == sum(block.size for block in blocks)
