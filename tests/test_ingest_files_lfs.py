"""The LFS migration module adapter: the roster in, design kept, nothing personal stored, every
line counted (loaded, quarantined or a duplicate)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from ingest.base import SourceError
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.lfs_migration import LfsMigration
from store import Database
from store.models import QuarantineRecord, SurveyMigrationMember
from synth.files import Defects
from synth.survey import HEADER, write_lfs_migration

LINE = ";".join(HEADER)
DESIGN = "2025;3;253-41702R-0010-01;41702;2;41702R0010;275.5;1"


@pytest.fixture
def loader(classified_sqlite_url: str) -> BatchLoader:
    return BatchLoader(Database(classified_sqlite_url), Pseudonymiser("test-secret"))


def _write(tmp_path: Path, *rows: str, header: str = LINE) -> str:
    path = tmp_path / "lfs.csv"
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return str(path)


def test_a_generated_module_is_conserved(loader: BatchLoader, tmp_path: Path) -> None:
    manifest = write_lfs_migration(tmp_path / "lfs.csv", seed=3, scale=0.005,
                                   defects=Defects(bad=0.05), years=(2024, 2025))  # fmt: skip
    result = loader.run(LfsMigration(path=str(manifest.path)))
    assert result.balanced
    assert result.received == manifest.records
    assert result.duplicates == manifest.kinds.get("duplicate", 0)
    assert result.quarantined == manifest.bad
    with loader.database.session() as session:
        households = session.scalar(
            select(func.count(func.distinct(SurveyMigrationMember.household_id)))
        )
        strata = set(session.scalars(select(SurveyMigrationMember.stratum).distinct()))
    assert households is not None
    # every drawn household is there (less those whose only line was defective)
    assert households <= sum(manifest.sampled.values())
    assert households > 0.9 * sum(manifest.sampled.values())
    assert {"41711-U", "41704-R", "41702-U"} <= strata


def test_a_member_abroad_and_a_household_without_interview(
    loader: BatchLoader, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        f"{DESIGN};1;1;34;1;RUS;14;1",
        f"{DESIGN};2;2;31;0;;;",
        "2025;3;253-41702R-0010-02;41702;2;41702R0010;275.5;2;;;;;;;",
    )
    result = loader.run(LfsMigration(path=path))
    assert (result.loaded, result.quarantined) == (3, 0)
    with loader.database.session() as session:
        rows = session.execute(
            select(
                SurveyMigrationMember.stratum, SurveyMigrationMember.line_no,
                SurveyMigrationMember.sex, SurveyMigrationMember.abroad,
                SurveyMigrationMember.country, SurveyMigrationMember.months_abroad,
                SurveyMigrationMember.purpose, SurveyMigrationMember.result,
            ).order_by(SurveyMigrationMember.id)
        ).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [
        ("41702-R", 1, "M", True, "643", 14, "WORK", 1),
        ("41702-R", 2, "F", False, None, None, None, 1),
        ("41702-R", None, None, None, None, None, None, 2),
    ]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (f"{DESIGN};1;1;3O;1;RUS;14;1", "INVALID_VALUE"),  # mis-keyed age
        (f"{DESIGN};1;1;34;1;XXX;14;1", "UNMAPPED_CODE"),  # unknown country
        (f"{DESIGN};1;1;34;1;KGZ;14;1", "INVALID_VALUE"),  # abroad in Kyrgyzstan
        (f"{DESIGN};1;1;34;1;RUS;14;9", "INVALID_CODE"),  # unknown purpose
        (DESIGN.replace("275.5", "0") + ";1;1;34;0;;;", "INVALID_VALUE"),  # weight 0
        (DESIGN.replace("41702;", "41702205;") + ";1;1;34;0;;;", "INVALID_VALUE"),  # a rayon
        ("2025;3;253-41702R-0010-02;41702;2;41702R0010;275.5;3;1;1;34;0;;;", "INVALID_VALUE"),
        (DESIGN.replace("253-41702R-0010-01", "=HYPERLINK(1)") + ";1;1;34;0;;;", "FORMULA_TEXT"),
    ],
)
def test_defective_lines_are_quarantined_with_their_reason(
    loader: BatchLoader, tmp_path: Path, row: str, reason: str
) -> None:
    result = loader.run(LfsMigration(path=_write(tmp_path, row)))
    assert (result.loaded, result.quarantined) == (0, 1)
    assert reason in result.reasons


def test_a_pin_never_reaches_the_store(loader: BatchLoader, tmp_path: Path) -> None:
    """A ПИН keyed as the household number is quarantined and scrubbed; a ПИН or passport
    column is keyed by the loader and dropped: no raw number anywhere in the store."""
    pin, other_pin, passport = "21203199000123", "11507198500077", "AN1234567"
    path = _write(
        tmp_path,
        DESIGN.replace("253-41702R-0010-01", pin) + ";1;1;34;0;;;",
        f"{DESIGN};1;1;34;0;;;;{other_pin};{passport}",
        header=f"{LINE};пин;паспорт",
    )
    result = loader.run(LfsMigration(path=path))
    assert (result.loaded, result.quarantined) == (1, 1)
    assert result.reasons == {"INVALID_IDENTIFIER": 1}
    with loader.database.engine.connect() as connection:
        dump = "\n".join(
            repr(tuple(row))
            for table in (SurveyMigrationMember.__table__, QuarantineRecord.__table__)
            for row in connection.execute(select(table))
        )
    for raw in (pin, other_pin, passport):
        assert raw not in dump


def test_a_file_without_the_design_columns_is_refused(loader: BatchLoader, tmp_path: Path) -> None:
    path = _write(tmp_path, "2025;3;1;34", header="survey_year;quarter;sex;age")
    with pytest.raises(SourceError, match="Missing columns: household_id"):
        loader.run(LfsMigration(path=path))
