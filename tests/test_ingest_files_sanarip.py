"""The Sanarip Aimak adapter: household books in, ПИН pseudonymised, every member counted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from ingest.base import SourceError
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.sanarip import SanaripAimak
from store import Database
from store.models import HouseholdMember, QuarantineRecord
from synth.files import SANARIP_HEADER, Defects, write_sanarip
from tests.unicode_text import save_as_unicode_text

HEADER = ";".join(SANARIP_HEADER)


@pytest.fixture
def loader(classified_sqlite_url: str) -> BatchLoader:
    return BatchLoader(Database(classified_sqlite_url), Pseudonymiser("test-secret"))


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_a_generated_extract_is_conserved(
    loader: BatchLoader, tmp_path: Path, encoding: str
) -> None:
    manifest = write_sanarip(tmp_path / "s.csv", 1500, seed=5, encoding=encoding,
                             defects=Defects(bad=0.06))  # fmt: skip
    result = loader.run(SanaripAimak(path=str(manifest.path)))
    assert result.balanced
    assert result.received == manifest.records
    assert result.duplicates == manifest.kinds.get("duplicate", 0)
    assert result.quarantined == manifest.bad


def _members(loader: BatchLoader) -> list[tuple[object, ...]]:
    columns = [c for c in HouseholdMember.__table__.columns if c.name not in ("id", "batch_id")]
    with loader.database.session() as session:
        return sorted(map(tuple, session.execute(select(*columns))), key=repr)


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-16-le", "\t"), ("utf-16-be", ",")])
def test_excel_unicode_text_loads_the_same_members_as_utf8(
    loader: BatchLoader,
    tmp_path: Path,
    encoding: str,
    delimiter: str,
    sqlite_copies: Callable[[str], str],
) -> None:
    """UTF-16 with a mark, tab- (Excel's "Unicode text") or comma-separated: the same rows."""
    manifest = write_sanarip(tmp_path / "s.csv", 800, seed=5, defects=Defects(bad=0.06))
    utf16 = save_as_unicode_text(manifest.path, tmp_path / "s.txt", encoding, delimiter)
    other = BatchLoader(Database(sqlite_copies("other")), loader.pseudonymiser)
    first = loader.run(SanaripAimak(path=str(manifest.path)))
    second = other.run(SanaripAimak(path=str(utf16)))
    assert second.balanced
    assert (second.received, second.quarantined) == (manifest.records, manifest.bad)
    assert (second.loaded, second.duplicates, second.reasons) == (
        first.loaded, first.duplicates, first.reasons)  # fmt: skip
    assert _members(other) == _members(loader)


def test_an_unknown_ayil_aimak_keeps_its_district_and_raw_code(
    loader: BatchLoader, tmp_path: Path
) -> None:
    path = tmp_path / "s.csv"
    row = "12345678901234;41702205017000;1;Ж;01.02.1990;0;РАБОТА;RUS;2024-03-01;01.01.2025"
    path.write_text(f"{HEADER}\n{row}\n")
    loader.run(SanaripAimak(path=str(path)))
    with loader.database.session() as session:
        member = session.scalars(select(HouseholdMember)).one()
    assert (member.territory, member.territory_raw) == ("41702205", "41702205017000")
    assert (member.present, member.absence_reason, member.destination_country) == (
        False, "WORK", "643")  # fmt: skip


def test_the_pin_is_never_stored(loader: BatchLoader, tmp_path: Path) -> None:
    manifest = write_sanarip(tmp_path / "s.csv", 200, seed=9, defects=Defects(bad=0.2))
    pins = [line.split(";")[0] for line in manifest.path.read_text().splitlines()[1:]]
    loader.run(SanaripAimak(path=str(manifest.path)))
    with loader.database.session() as session:
        keys = " ".join(session.scalars(select(HouseholdMember.person_key)))
        raw = " ".join(str(r) for r in session.scalars(select(QuarantineRecord.raw)))
    assert not any(pin in keys or pin in raw for pin in pins if len(pin) >= 12)


def test_a_file_without_the_pin_column_is_refused(loader: BatchLoader, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("код_АА;пол\n41702205;М\n")
    with pytest.raises(SourceError, match="Missing columns: pin"):
        loader.run(SanaripAimak(path=str(path)))
