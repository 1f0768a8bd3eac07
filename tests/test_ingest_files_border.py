"""The Border Service adapter: streamed, counted, nothing lost, bad input never a traceback."""

from __future__ import annotations

from collections.abc import Callable
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
from tests.unicode_text import save_as_unicode_text

HEADER = ";".join(BORDER_HEADER)
GOOD = "05.03.2024;AKZHOL;въезд;KGZ;М;34;Частная;AN1234567"


@pytest.fixture
def loader(classified_sqlite_url: str) -> BatchLoader:
    return BatchLoader(Database(classified_sqlite_url), Pseudonymiser("test-secret"))


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


def _cells(loader: BatchLoader) -> list[tuple[object, ...]]:
    columns = [c for c in BorderCrossing.__table__.columns if c.name not in ("id", "batch_id")]
    with loader.database.session() as session:
        return sorted(tuple(row) for row in session.execute(select(*columns)))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_excel_unicode_text_counts_the_same_as_utf8(
    loader: BatchLoader, tmp_path: Path, encoding: str, sqlite_copies: Callable[[str], str]
) -> None:
    """Excel's "Unicode text" (UTF-16 with a mark, tab-separated, CR LF) loads the same cells
    and quarantines the same lines as the UTF-8 file it was saved from."""
    manifest = write_border(tmp_path / "b.csv", 3000, seed=7, defects=Defects(bad=0.05))
    utf16 = save_as_unicode_text(manifest.path, tmp_path / "b.txt", encoding)
    other = BatchLoader(Database(sqlite_copies("other")), loader.pseudonymiser)
    first = BorderAdapter(path=str(manifest.path)).run(loader)
    second = BorderAdapter(path=str(utf16)).run(other)
    assert (second.received, second.loaded, second.quarantined) == (
        manifest.records, manifest.good, manifest.bad)  # fmt: skip
    assert second.balanced
    assert second.reasons == first.reasons
    assert _cells(other) == _cells(loader)
    assert sorted(map(sorted, _reasons(other))) == sorted(map(sorted, _reasons(loader)))


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


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_line_longer_than_a_block_is_one_quarantined_record(
    loader: BatchLoader, tmp_path: Path, encoding: str
) -> None:
    path = _file(tmp_path, HEADER, GOOD, "x" * 3_000_000, GOOD, GOOD, encoding=encoding)
    reader = BorderFile(Path(path), loader.context(loader.database.session()), block_bytes=65536)
    rejected = [r for block in reader.blocks() for r in block]
    assert [r.line for r in rejected] == [3]
    assert (reader.stats.received, reader.stats.loaded) == (4, 3)


@pytest.mark.parametrize("block_bytes", [999, 4096, 65536])
def test_utf16_blocks_cut_anywhere_count_like_utf8(
    loader: BatchLoader, tmp_path: Path, block_bytes: int
) -> None:
    manifest = write_border(tmp_path / "b.csv", 2000, seed=2, defects=Defects(bad=0.05))
    utf16 = save_as_unicode_text(manifest.path, tmp_path / "b.txt", "utf-16-be")
    session = loader.database.session()
    readers = [BorderFile(p, loader.context(session), block_bytes) for p in (manifest.path, utf16)]
    rejected = [sorted(r.reasons for block in reader.blocks() for r in block) for reader in readers]
    assert rejected[0] == rejected[1]
    assert readers[0].stats == readers[1].stats
    assert [c["crossings"] for c in readers[0].cells()] == [
        c["crossings"] for c in readers[1].cells()
    ]
    assert (readers[0].encoding, readers[1].encoding) == ("utf-8", "utf-16-be")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        ("дата;кпп;направление\n1;2;3\n".encode(), "Missing columns"),
        (f"{HEADER};лишний\n".encode(), "Unknown extra columns"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50, "not text"),
        (b"\xff\xfe" + bytes(range(256)) * 40, "not text"),  # a UTF-16 mark, then no text
        (f"{HEADER}\n{GOOD}\n".encode("utf-16-le"), "not text"),  # UTF-16 without its mark
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
