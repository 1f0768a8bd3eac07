"""The paper reports: templates in ky/ru/en, every upload checked, every row accounted for."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from openpyxl import load_workbook
from sqlalchemy import func, select

from classifiers.loader import load_classifiers
from ingest.base import discover
from ingest.loader import BatchLoader
from ingest.paper import PaperFileError, write_csv, write_templates, write_xlsx
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.paper_refugees import SPEC as REFUGEES
from ingest.sources.paper_refugees import PaperRefugees
from ingest.sources.paper_workers import SPEC as WORKERS
from ingest.sources.paper_workers import PaperWorkers
from store import Database
from store.models import ForeignWorkerReport, IngestBatch, QuarantineRecord, RefugeeReport
from synth.files import PAPER_REPORTS, Defects, write_paper
from tests.unicode_text import save_as_unicode_text

ADAPTERS: dict[str, Any] = dict(discover())
GOOD = ["Беженец", "Афганистан", "18-59", 100, 80, 180]
ROW2 = ["asylum_seeker", "SYR", "Y0T4", 3, 4, 7]


@pytest.fixture
def loader(classified_sqlite_url: str) -> Iterator[BatchLoader]:
    database = Database(classified_sqlite_url)
    yield BatchLoader(database, Pseudonymiser("test-secret"))
    database.dispose()


def _refugees(tmp_path: Path, *rows: list[object], **meta: Any) -> str:
    options: dict[str, Any] = {"period": "31.12.2021", "reporter": "UNHCR", **meta}
    return str(write_csv(REFUGEES, "ru", tmp_path / "r.csv", rows, **options))


def _sum(loader: BatchLoader, column: object) -> int:
    with loader.database.session() as session:
        return int(session.scalar(select(func.sum(column))) or 0)


def _reasons(loader: BatchLoader) -> list[str]:
    with loader.database.session() as session:
        return [
            c for codes in session.scalars(select(QuarantineRecord.reason_codes)) for c in codes
        ]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
@pytest.mark.parametrize("report", PAPER_REPORTS)
def test_every_report_ingests_its_generated_file(
    loader: BatchLoader, tmp_path: Path, report: str, suffix: str
) -> None:
    manifest = write_paper(report, tmp_path / f"r.{suffix}", "ru", seed=4, scale=0.01,
                           defects=Defects(bad=0.1), encoding="cp1251")  # fmt: skip
    result = ADAPTERS[report](path=str(manifest.path)).run(loader)
    assert result.received == manifest.records
    assert result.quarantined == manifest.bad
    assert result.duplicates == manifest.kinds.get("duplicate", 0)


def _rows(loader: BatchLoader, table: Any) -> list[tuple[object, ...]]:
    columns = [c for c in table.__table__.columns if c.name not in ("id", "batch_id")]
    with loader.database.session() as session:
        return sorted(map(tuple, session.execute(select(*columns))), key=repr)


@pytest.mark.parametrize("report", PAPER_REPORTS)
def test_excel_unicode_text_loads_the_same_rows_as_utf8(
    loader: BatchLoader, tmp_path: Path, report: str, sqlite_copies: Callable[[str], str]
) -> None:
    """Each report's CSV re-saved as Excel's "Unicode text" (UTF-16 LE with its mark, tabs):
    the same rows loaded, the same quarantined, the template's encoding kept in the audit."""
    manifest = write_paper(report, tmp_path / "r.csv", "ky", seed=4, scale=0.01,
                           defects=Defects(bad=0.1))  # fmt: skip
    utf16 = save_as_unicode_text(manifest.path, tmp_path / "r.txt")
    database = Database(sqlite_copies("other"))
    other = BatchLoader(database, loader.pseudonymiser)
    first = ADAPTERS[report](path=str(manifest.path)).run(loader)
    second = ADAPTERS[report](path=str(utf16)).run(other)
    assert (second.received, second.quarantined) == (manifest.records, manifest.bad)
    assert (second.loaded, second.duplicates, second.reasons) == (
        first.loaded, first.duplicates, first.reasons)  # fmt: skip
    assert second.balanced
    assert second.loaded > 0
    table = ADAPTERS[report].spec.table
    assert _rows(other, table) == _rows(loader, table)
    with database.session() as session:
        assert session.scalars(select(IngestBatch.audit)).one()["encoding"] == "utf-16-le"
    database.dispose()


@pytest.mark.parametrize("report", PAPER_REPORTS)
def test_conservation_holds_for_every_report_on_every_backend(
    database: Database, tmp_path: Path, report: str
) -> None:
    with database.transaction() as session:
        load_classifiers(session)
    manifest = write_paper(report, tmp_path / "r.xlsx", "ky", seed=9, scale=0.01,
                           defects=Defects(bad=0.2))  # fmt: skip
    result = ADAPTERS[report](path=str(manifest.path)).run(
        BatchLoader(database, Pseudonymiser("s"))
    )
    assert result.balanced
    assert result.received == manifest.records > 0
    assert result.loaded == manifest.records - manifest.bad - manifest.kinds.get("duplicate", 0)


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_a_blank_template_in_each_language_is_accepted_once_filled(
    loader: BatchLoader, tmp_path: Path, lang: str, suffix: str
) -> None:
    blank = tmp_path / f"paper-refugees.{lang}.{suffix}"
    write_templates(lang, tmp_path, names=["paper-refugees"])
    _fill(blank, period="31.12.2021", reporter="UNHCR", row=["refugee", "AFG", "Y0T4", 2, 3])
    result = PaperRefugees(path=str(blank)).run(loader)
    assert (result.loaded, result.quarantined) == (1, 0)
    assert _sum(loader, RefugeeReport.women) == 3


def _fill(path: Path, period: str, reporter: str, row: list[Any]) -> None:
    """What a clerk does: the period and reporter in column B, one row under the header."""
    if path.suffix == ".xlsx":
        workbook = load_workbook(path)
        sheet = workbook.worksheets[0]
        sheet["B3"], sheet["B4"] = period, reporter
        for index, value in enumerate(row, start=1):
            sheet.cell(8, index, value)
        workbook.save(path)
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    lines[2][1], lines[3][1] = period, reporter
    lines.append([str(v) for v in row])
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(lines)


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_country_names_in_each_language_give_the_iso_code(
    loader: BatchLoader, tmp_path: Path, lang: str
) -> None:
    name = {"ky": "Орусия", "ru": "Россия", "en": "Russia"}[lang]
    path = write_csv(REFUGEES, lang, tmp_path / "r.csv", [["refugee", name, "60+", 1, 1]],
                     period="2021-12-31", reporter="UNHCR")  # fmt: skip
    PaperRefugees(path=str(path)).run(loader)
    with loader.database.session() as session:
        assert session.scalars(select(RefugeeReport.country)).one() == "643"


def test_the_period_is_the_year_and_codes_are_the_platforms(
    loader: BatchLoader, tmp_path: Path
) -> None:
    PaperRefugees(path=_refugees(tmp_path, GOOD)).run(loader)
    with loader.database.session() as session:
        row = session.scalars(select(RefugeeReport)).one()
    assert (row.period, row.status, row.country, row.age_group) == ("2021", "refugee", "004",
                                                                     "Y18T59")  # fmt: skip


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (["Беженец", '=HYPERLINK("http://x","y")', "0-4", 1, 1], "FORMULA_TEXT"),
        (["Беженец", "AFG", "0-4", -4, 1], "INVALID_VALUE"),
        (["Беженец", "AFG", "0-4", "3O", 1], "INVALID_VALUE"),
        (["Беженец", "Атлантида", "0-4", 1, 1], "UNMAPPED_CODE"),
        (["Беженец", "AFG", "0-4", 1, 1, 5], "TOTAL_MISMATCH"),
        (["Беженец", "", "0-4", 1, 1], "MISSING_FIELD"),
        (["Беглец", "AFG", "0-4", 1, 1], "INVALID_CODE"),
        (["Беженец", "AFG", "0-4", 1, 1, 2, "лишнее", "ещё"], "MALFORMED"),
        (["Беженец", "x" * 300_000, "0-4", 1, 1], "INVALID_VALUE"),
    ],
)
def test_a_bad_row_is_quarantined_with_its_reason(
    loader: BatchLoader, tmp_path: Path, cells: list[object], reason: str
) -> None:
    result = PaperRefugees(path=_refugees(tmp_path, GOOD, cells, ROW2)).run(loader)
    assert (result.received, result.loaded, result.quarantined) == (3, 2, 1)
    assert reason in _reasons(loader)


def test_garbage_bytes_in_a_row_are_quarantined(loader: BatchLoader, tmp_path: Path) -> None:
    path = Path(_refugees(tmp_path, GOOD, ROW2))
    path.write_bytes(path.read_bytes() + b"\xff\xfe\x98\xc3\x28;\x00\xa0;;1;1\r\n")
    result = PaperRefugees(path=str(path)).run(loader)
    assert (result.received, result.loaded, result.quarantined) == (3, 2, 1)


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.write_bytes(b""), "empty_file"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50), "binary_file"),
        (lambda p: p.write_bytes(b"\xfe\xff" + bytes(range(256)) * 40), "binary_file"),
        (lambda p: p.write_bytes("Статус;Страна\n".encode("utf-16-le")), "binary_file"),
        (lambda p: p.write_bytes(codecs.BOM_UTF16_LE + " \r\n".encode("utf-16-le")), "empty_file"),
        (lambda p: p.write_bytes(b"PK\x03\x04garbage" * 10), "bad_xlsx"),
        (lambda p: p.write_text("Статус;Страна;Мужчины\nБеженец;AFG;1\n"), "missing_columns"),
        (lambda p: p.write_text("Статус;Страна;Возраст;Мужчины;Женщины;Рост\n"), "extra_columns"),
        (lambda p: p.write_text("a;b;c\n1;2;3\n"), "no_header"),
        (lambda p: p.write_bytes(_header().encode("koi8-r")), "no_header"),
    ],
)
def test_an_unreadable_file_gives_a_clear_error(
    loader: BatchLoader, tmp_path: Path, make: object, code: str
) -> None:
    path = tmp_path / "r.csv"
    make(path)  # type: ignore[operator]
    with pytest.raises(PaperFileError) as error:
        PaperRefugees(path=str(path)).run(loader)
    assert code in [p.code for p in error.value.problems]


def _header() -> str:
    return ";".join(c.label("ru") for c in REFUGEES.columns) + "\nБеженец;AFG;0-4;1;1\n"


@pytest.mark.parametrize(
    ("meta", "code"),
    [
        ({"period": ""}, "missing_meta"),
        ({"period": "31.02.2021"}, "bad_period"),
        ({"reporter": '=HYPERLINK("http://x")'}, "formula_meta"),
        ({"total": ["Итого", "", "", 99, 84]}, "column_total"),
    ],
)
def test_a_bad_header_block_or_total_refuses_the_file(
    loader: BatchLoader, tmp_path: Path, meta: dict[str, Any], code: str
) -> None:
    with pytest.raises(PaperFileError) as error:
        PaperRefugees(path=_refugees(tmp_path, GOOD, ROW2, **meta)).run(loader)
    assert [p.code for p in error.value.problems] == [code]
    with loader.database.session() as session:
        assert session.scalar(select(func.count(IngestBatch.id))) == 0


def test_a_total_row_that_adds_up_is_accepted(loader: BatchLoader, tmp_path: Path) -> None:
    path = _refugees(tmp_path, GOOD, ROW2, total=["Итого", "", "", 103, 84, 187])
    assert PaperRefugees(path=path).run(loader).loaded == 2


@pytest.mark.parametrize(
    ("lang", "words"),
    [("ky", "үлгүсү күтүлгөн"), ("ru", "ожидается шаблон"), ("en", "expected the template")],
)
def test_another_reports_template_is_named_in_the_readers_language(
    loader: BatchLoader, tmp_path: Path, lang: str, words: str
) -> None:
    path = write_csv(WORKERS, lang, tmp_path / "w.csv", [["01", "A", "41711", "CHN", 1, 1, 0]],
                     period="2024", reporter="Ministry")  # fmt: skip
    with pytest.raises(PaperFileError, match=words):
        PaperRefugees(path=str(path)).run(loader)


def test_a_resent_file_is_not_counted_twice(loader: BatchLoader, tmp_path: Path) -> None:
    path = _refugees(tmp_path, GOOD, ROW2, ["Беженец", "AFG", "0-4", -1, 1])
    PaperRefugees(path=path).run(loader)
    again = PaperRefugees(path=path).run(loader)
    assert again.already_loaded
    assert _sum(loader, RefugeeReport.men) == 103


def test_the_same_report_keyed_into_another_file_is_a_duplicate(
    loader: BatchLoader, tmp_path: Path
) -> None:
    PaperRefugees(path=_refugees(tmp_path, GOOD, ROW2, ["Беженец", "AFG", "0-4", -1, 1])).run(
        loader
    )
    rows = [ROW2, GOOD, ["Беженец", "AFG", "0-4", -1, 1]]
    xlsx = write_xlsx(REFUGEES, "en", tmp_path / "r.xlsx", rows, "2021-12-31", "UNHCR")
    result = PaperRefugees(path=str(xlsx)).run(loader)
    assert (result.received, result.duplicates) == (3, 3)
    assert _sum(loader, RefugeeReport.men) == 103


def test_an_entrepreneurs_pin_in_the_tin_column_is_never_stored(
    loader: BatchLoader, tmp_path: Path
) -> None:
    rows = [["21234567890123", "ИП", "41711", "CHN", 2, 1, 0], ["01234567890123", "ОсОО", "41711",
            "Китай", 5, 2, 1], ["11234567890123", "=1+1", "41711", "CHN", 1, 1, 0]]  # fmt: skip
    path = write_csv(WORKERS, "ru", tmp_path / "w.csv", rows, period="2024", reporter="Минтруд")
    assert PaperWorkers(path=str(path)).run(loader).loaded == 2
    with loader.database.session() as session:
        tins = set(session.scalars(select(ForeignWorkerReport.enterprise_tin)))
        raw = " ".join(str(r) for r in session.scalars(select(QuarantineRecord.raw)))
    assert "01234567890123" in tins
    assert not any("21234567890123" in t for t in tins)
    assert "11234567890123" not in raw


def test_flask_ingest_templates_writes_xlsx_and_csv(app: Flask, tmp_path: Path) -> None:
    result = app.test_cli_runner().invoke(
        args=["ingest", "templates", "--lang", "ky", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("paper-*.ky.xlsx"))) == len(list(tmp_path.glob("paper-*.csv")))
    assert len(list(tmp_path.glob("paper-*.csv"))) == 4
    assert len(list(tmp_path.glob("agg-*.ky.xlsx"))) == len(list(tmp_path.glob("agg-*.csv"))) == 6


def test_the_same_report_saved_again_has_the_same_bytes(tmp_path: Path) -> None:
    """openpyxl stamps the time of saving; a regenerated, unchanged workbook must still be
    recognised as the delivery already loaded (its checksum), not open a new batch."""
    import hashlib
    import time

    import openpyxl

    rows = [["refugee", "Afghanistan", "18-59", 3, 2]]
    first = write_xlsx(REFUGEES, "ru", tmp_path / "a.xlsx", rows, "2021-12-31", "UNHCR")
    time.sleep(1.1)  # the zip format's clock ticks in two-second steps; one is enough to see
    again = write_xlsx(REFUGEES, "ru", tmp_path / "b.xlsx", rows, "2021-12-31", "UNHCR")
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (first, again)}
    assert len(digests) == 1
    workbook = openpyxl.load_workbook(first)
    assert workbook.sheetnames[0] == REFUGEES.name
    assert workbook.properties.modified == workbook.properties.created
