"""The aggregate tables by sex (issue 15): six sources on one long-format template, each row
checked by the rules of its measure, every row accounted for."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from flask import Flask
from openpyxl import load_workbook
from sqlalchemy import func, select

from classifiers.reference import read_code_rows
from ingest.aggregate import AggregateAdapter, AggregateSpec, Measure
from ingest.base import discover
from ingest.loader import BatchLoader
from ingest.paper import PaperFileError, write_csv, write_templates, write_xlsx
from ingest.pseudonymise import Pseudonymiser
from ingest.reasons import REASON_CODES
from l10n.units import UNITS
from store import Database
from store.models import QuarantineRecord, SexAggregateReport
from synth.aggregates import AGG_SOURCES, aggregate_content, write_aggregate, write_aggregates

ADAPTERS: dict[str, type[AggregateAdapter]] = {
    name: adapter for name, adapter in discover().items() if issubclass(adapter, AggregateAdapter)
}
LANGS = ("ky", "ru", "en")
LABOUR = ADAPTERS["agg-labour"]
HEALTH = ADAPTERS["agg-health"]
EDUCATION = ADAPTERS["agg-education"]
# One good row of each source (labels in Russian, codes elsewhere): measure, category, …
GOOD: dict[str, list[object]] = {
    "agg-education": ["Выпускники", "L6", "F01", "", 120, 480, 600],
    "agg-labour": ["unemployment_rate", "25–34 года", "", "5,1", "6,4", "5,6", "0,5", "0,7",
                   "0,4"],
    "agg-income": ["Уровень бедности (по полу главы домохозяйства)", "R", "", "28.4", "26.1",
                   "27.8", "1.2", "1.4", "0.9"],
    "agg-health": ["tb_new", "Y25T34", "", 610, 470, 1080],
    "agg-decision": ["Депутаты местных кенешей", "", "41704", 520, 280, 800],
    "agg-crime": ["protection_orders", "Всего", "", 1050, 9450, 10500],
}  # fmt: skip


@pytest.fixture
def loader(classified_sqlite_url: str) -> Iterator[BatchLoader]:
    database = Database(classified_sqlite_url)
    yield BatchLoader(database, Pseudonymiser("test-secret"))
    database.dispose()


def _spec(source: str) -> AggregateSpec:
    return ADAPTERS[source].spec


def _file(tmp_path: Path, source: str, *rows: Sequence[object], **options: Any) -> str:
    lang = options.pop("lang", "ru")
    meta: dict[str, Any] = {"period": "2024", "reporter": "Министерство", **options}
    path = tmp_path / f"{source}.{lang}.csv"
    return str(write_csv(_spec(source), lang, path, rows, **meta))


def _cells(loader: BatchLoader) -> list[SexAggregateReport]:
    with loader.database.session() as session:
        rows = list(session.scalars(select(SexAggregateReport).order_by(SexAggregateReport.id)))
        session.expunge_all()
    return rows


def _reasons(loader: BatchLoader) -> list[str]:
    with loader.database.session() as session:
        return [
            c for codes in session.scalars(select(QuarantineRecord.reason_codes)) for c in codes
        ]


def test_the_six_sources_of_the_contract_are_registered() -> None:
    assert (
        sorted(ADAPTERS)
        == sorted(AGG_SOURCES)
        == sorted(
            ["agg-education", "agg-labour", "agg-income", "agg-health", "agg-decision", "agg-crime"]
        )
    )
    assert all(a.kind == "file" and a.table is SexAggregateReport for a in ADAPTERS.values())


@pytest.mark.parametrize("source", AGG_SOURCES)
def test_every_measure_names_a_unit_and_codelists_that_exist(source: str) -> None:
    """Units from l10n.units, categories from the classifiers (no hand-kept list)."""
    for measure in _spec(source).measures:
        assert measure.unit in UNITS
        assert all(measure.labels[lang].strip() for lang in LANGS)
        for codelist, allowed in ((measure.codelist, measure.categories),
                                  (measure.subcodelist, measure.subcategories)):  # fmt: skip
            if codelist is None:
                assert allowed is None
                continue
            codes = {row.code for row in read_code_rows(codelist)}
            assert "_T" in codes
            assert allowed is None or set(allowed) <= codes


def test_the_contracts_survey_measures_are_the_ones_with_standard_errors() -> None:
    survey = {m.code for s in AGG_SOURCES for m in _spec(s).measures if m.survey}
    assert survey == {"activity_rate", "employment_rate", "unemployment_rate",
                      "employed_by_activity", "employed_by_occupation", "poverty_rate"}  # fmt: skip
    with_se = {s for s in AGG_SOURCES if any(c.kind == "se" for c in _spec(s).columns)}
    assert with_se == {"agg-labour", "agg-income"}
    assert [m.code for s in AGG_SOURCES for m in _spec(s).measures if m.women_only] == ["abortions"]


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "cp1251"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("source", AGG_SOURCES)
def test_a_blank_template_in_each_language_is_accepted_once_filled(
    loader: BatchLoader, tmp_path: Path, source: str, lang: str, suffix: str
) -> None:
    if suffix == "cp1251" and lang == "ky":
        pytest.skip("Kyrgyz letters do not exist in Windows-1251")
    write_templates(lang, tmp_path, names=[source])
    blank = tmp_path / f"{source}.{lang}.{'xlsx' if suffix == 'xlsx' else 'csv'}"
    row = _in_language(GOOD[source], source, lang)
    _fill(blank, "2024", "Ministry", row, "cp1251" if suffix == "cp1251" else "utf-8-sig")
    result = ADAPTERS[source](path=str(blank)).run(loader)
    assert (result.loaded, result.quarantined) == (1, 0), result.reasons
    (cell,) = _cells(loader)
    assert (cell.source, cell.period, cell.reporter) == (source, "2024", "Ministry")
    women = GOOD[source][[c.key for c in _spec(source).columns].index("women")]
    assert cell.women == float(str(women).replace(",", "."))


def _in_language(row: list[object], source: str, lang: str) -> list[object]:
    """The good row with its measure and category as labels in ``lang``."""
    spec = _spec(source)
    measure = spec.measure(str(row[0]))
    assert measure is not None
    keyed = [measure.labels[lang], *row[1:]]
    if measure.codelist and row[1]:
        code = next(r for r in read_code_rows(measure.codelist)
                    if str(row[1]) in (r.code, r.label_ru))  # fmt: skip
        keyed[1] = code.label(lang)
    if lang == "en":
        keyed = [str(v).replace(",", ".") if isinstance(v, str) else v for v in keyed]
    return keyed


def _fill(path: Path, period: str, reporter: str, row: list[Any], encoding: str) -> None:
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
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(lines)


def test_codes_labels_decimals_and_standard_errors_are_stored_as_the_contract_says(
    loader: BatchLoader, tmp_path: Path
) -> None:
    rows: list[list[object]] = [GOOD["agg-labour"],
            ["Среднемесячная заработная плата", "K", "", "61 250", "48 900", "55 020"],
            ["employed_by_activity", "Строительство", "", "281,4", "14,8", "296,2", "9,8", "2,1",
             "10,1"]]  # fmt: skip
    result = LABOUR(path=_file(tmp_path, "agg-labour", *rows)).run(loader)
    assert (result.loaded, result.quarantined) == (3, 0)
    rate, wage, employed = _cells(loader)
    assert (rate.measure, rate.category, rate.subcategory, rate.territory) == (
        "unemployment_rate", "Y25T34", "_T", "417")  # fmt: skip
    assert (rate.men, rate.women, rate.total, rate.men_se, rate.women_se, rate.total_se) == (
        5.1, 6.4, 5.6, 0.5, 0.7, 0.4)  # fmt: skip
    assert (wage.category, wage.men, wage.women, wage.total, wage.men_se) == (
        "K", 61250.0, 48900.0, 55020.0, None)  # fmt: skip
    assert (employed.category, employed.total, employed.total_se) == ("F", 296.2, 10.1)


def test_an_oblast_and_an_empty_total_and_a_women_only_measure(
    loader: BatchLoader, tmp_path: Path
) -> None:
    education = [["enrolment", "Начальное образование", "", "Нарынская область", 14_100, 13_500],
                 ["Численность обучающихся", "L1", "", "41704", 14_100, 13_500]]  # fmt: skip
    result = EDUCATION(path=_file(tmp_path, "agg-education", *education)).run(loader)
    assert (result.loaded, result.duplicates) == (1, 1)  # the same cell keyed twice
    health = [
        ["abortions", "25–34 года", "", "", 4_120, 4_120],
        ["abortions", "_T", "", "-", 20_000],
    ]
    assert HEALTH(path=_file(tmp_path, "agg-health", *health)).run(loader).loaded == 2
    enrolment, abortions, total = _cells(loader)
    assert (enrolment.territory, enrolment.subcategory, enrolment.total) == ("41704", "_T", None)
    assert (abortions.category, abortions.men, abortions.women) == ("Y25T34", None, 4120.0)
    assert (total.category, total.men, total.women) == ("_T", None, 20000.0)


@pytest.mark.parametrize(
    ("source", "row", "reason"),
    [
        ("agg-health", ["Неизвестный показатель", "_T", "", 1, 1], "INVALID_CODE"),
        ("agg-health", ["tb_new", "Y99", "", 1, 1], "INVALID_CODE"),
        ("agg-health", ["tb_new", "", "", 1, 1], "MISSING_FIELD"),
        ("agg-health", ["tb_new", "_T", "Атлантида", 1, 1], "UNMAPPED_CODE"),
        ("agg-health", ["tb_new", "_T", "41704", 1, 1], "NOT_IN_BREAKDOWN"),
        ("agg-health", ["abortions", "Y55T64", "", "", 1], "NOT_IN_BREAKDOWN"),
        ("agg-health", ["abortions", "Y15T24", "", 3, 100], "WOMEN_ONLY"),
        ("agg-health", ["tb_new", "_T", "", -4, 1], "INVALID_VALUE"),
        ("agg-health", ["tb_new", "_T", "", "3O", 1], "INVALID_VALUE"),
        ("agg-health", ["tb_new", "_T", "", "2,5", 1], "INVALID_VALUE"),
        ("agg-health", ["tb_new", "_T", "", "", 1], "MISSING_FIELD"),
        ("agg-health", ["tb_new", "_T", "", 1, 1, 3], "TOTAL_MISMATCH"),
        ("agg-health", ["tb_new", "_T", "", 1, 900_000], "IMPLAUSIBLE_VALUE"),
        ("agg-health", ["tb_new", "=SUM(A1:A3)", "", 1, 1], "FORMULA_TEXT"),
        ("agg-health", ["tb_new", "_T", "", "=1+1", 1], "FORMULA_TEXT"),
        ("agg-decision", ["parliament_seats", "Y15T24", "", 71, 19], "NOT_IN_BREAKDOWN"),
        ("agg-crime", ["crime_victims", "DRUGS", "", 1, 1], "NOT_IN_BREAKDOWN"),
        ("agg-education", ["graduates", "L1", "F01", "", 1, 1], "NOT_IN_BREAKDOWN"),
        ("agg-education", ["graduates", "L6", "F99", "", 1, 1], "INVALID_CODE"),
        ("agg-education", ["teachers", "L1", "F01", "", 1, 1], "NOT_IN_BREAKDOWN"),
        ("agg-labour", ["activity_rate", "_T", "", "73", "46", "80"], "TOTAL_NOT_BETWEEN"),
        ("agg-labour", ["activity_rate", "_T", "", "101", "46"], "IMPLAUSIBLE_VALUE"),
        ("agg-labour", ["activity_rate", "Y0T14", "", "1", "1"], "NOT_IN_BREAKDOWN"),
        ("agg-labour", ["activity_rate", "_T", "", "73", "46", "", "-0,5"], "INVALID_VALUE"),
        ("agg-labour", ["average_wage", "_T", "", "37000", "28000", "", "150"], "SE_NOT_SURVEY"),
        ("agg-labour", ["average_wage", "_T", "", "37000", "28000", "26000"], "TOTAL_NOT_BETWEEN"),
        ("agg-labour", ["employed_by_activity", "A", "", "300,1", "200", "500,9"],
         "TOTAL_MISMATCH"),
        ("agg-income", ["pensioners", "AGE", "", 1, 1, "", "", 2], "SE_NOT_SURVEY"),
        ("agg-income", ["poverty_rate", "_T", "", "25", "24", "", "", "", "150"],
         "IMPLAUSIBLE_VALUE"),
    ],
)  # fmt: skip
def test_every_row_rule_quarantines_with_its_reason(
    loader: BatchLoader, tmp_path: Path, source: str, row: list[object], reason: str
) -> None:
    result = ADAPTERS[source](path=_file(tmp_path, source, GOOD[source], row)).run(loader)
    assert (result.received, result.loaded, result.quarantined, result.duplicates) == (2, 1, 1, 0)
    assert result.balanced
    assert reason in _reasons(loader)
    assert reason in REASON_CODES


def test_rounding_is_tolerated_where_the_source_rounds(loader: BatchLoader, tmp_path: Path) -> None:
    rows = [["employed_by_activity", "A", "", "300,1", "200,1", "500,3"],
            ["activity_rate", "Y15T24", "", "40,0", "40,0", "40,05"],
            ["average_wage", "B", "", "70000", "70000", "70000,4"]]  # fmt: skip
    result = LABOUR(path=_file(tmp_path, "agg-labour", *rows)).run(loader)
    assert (result.loaded, result.quarantined) == (3, 0), result.reasons


def test_a_resent_file_and_a_rekeyed_row_are_duplicates(
    loader: BatchLoader, tmp_path: Path
) -> None:
    bad = ["tb_new", "_T", "", -1, 1]
    path = _file(tmp_path, "agg-health", GOOD["agg-health"], bad)
    first = HEALTH(path=path).run(loader)
    assert HEALTH(path=path).run(loader).already_loaded
    # The same table keyed again into a workbook in English: every row a duplicate.
    rows = [["New tuberculosis cases", "25–34 years", "", 610, 470, 1080], bad]
    xlsx = write_xlsx(_spec("agg-health"), "en", tmp_path / "h.xlsx", rows, "2024",
                      "Министерство")  # fmt: skip
    again = HEALTH(path=str(xlsx)).run(loader)
    assert (first.loaded, again.received, again.duplicates, again.loaded) == (1, 2, 2, 0)
    # Another year is another cell.
    other = HEALTH(path=_file(tmp_path, "agg-health", GOOD["agg-health"], period="2023")).run(
        loader
    )
    assert other.loaded == 1
    assert [c.period for c in _cells(loader)] == ["2024", "2023"]


def test_another_sources_template_is_refused(loader: BatchLoader, tmp_path: Path) -> None:
    path = _file(tmp_path, "agg-crime", GOOD["agg-crime"])
    with pytest.raises(PaperFileError) as error:
        HEALTH(path=path).run(loader)
    assert [p.code for p in error.value.problems] == ["wrong_template"]


def test_standard_error_columns_are_refused_in_a_registers_template(
    loader: BatchLoader, tmp_path: Path
) -> None:
    header = ";".join(c.label("ru") for c in _spec("agg-labour").columns)
    path = tmp_path / "h.csv"
    path.write_text(f"Отчётный период;2024\nОтчитывающаяся организация;Минздрав\n{header}\n"
                    "tb_new;_T;;1;1;2;0,1;0,1;0,1\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(PaperFileError) as error:
        HEALTH(path=str(path)).run(loader)
    assert "extra_columns" in [p.code for p in error.value.problems]


def test_the_total_code_is_not_the_section_t(loader: BatchLoader, tmp_path: Path) -> None:
    rows = [["employed_by_activity", "_T", "", "1500", "1000"],
            ["employed_by_activity", "T", "", "20", "50"]]  # fmt: skip
    assert LABOUR(path=_file(tmp_path, "agg-labour", *rows)).run(loader).loaded == 2
    assert [c.category for c in _cells(loader)] == ["_T", "T"]


def test_a_percentage_measure_cannot_be_declared_beyond_100() -> None:
    with pytest.raises(ValueError, match="0-100"):
        Measure("x", {"ky": "x", "ru": "x", "en": "x"}, "percent", kind="rate", maximum=120)


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
@pytest.mark.parametrize("source", AGG_SOURCES)
def test_the_generated_file_of_each_source_ingests_with_the_expected_counts(
    loader: BatchLoader, tmp_path: Path, source: str, suffix: str
) -> None:
    manifest = write_aggregate(source, 2023, tmp_path / f"t.{suffix}", "ru", seed=5,
                               scale=0.01, bad=0.1, encoding="cp1251")  # fmt: skip
    assert manifest.bad > 0
    assert manifest.kinds.get("duplicate", 0) > 0
    result = ADAPTERS[source](path=str(manifest.path)).run(loader)
    assert result.balanced
    assert result.received == manifest.records
    assert result.quarantined == manifest.bad, (manifest.kinds, result.reasons)
    assert result.duplicates == manifest.kinds["duplicate"]
    assert result.loaded == manifest.records - manifest.bad - manifest.kinds["duplicate"]


def test_a_clean_generated_year_adds_up(loader: BatchLoader, tmp_path: Path) -> None:
    """Without defects every cell loads, the ``_T`` rows are the sums of their categories,
    and the figures have the published orders of magnitude (scale 1)."""
    for source in AGG_SOURCES:
        manifest = write_aggregate(source, 2024, tmp_path / f"{source}.xlsx", "ky", bad=0.0)
        result = ADAPTERS[source](path=str(manifest.path)).run(loader)
        assert (result.loaded, result.quarantined) == (manifest.records, 0), source
    cells = _cells(loader)
    national = {(c.measure, c.category, c.subcategory): c for c in cells if c.territory == "417"}
    for (measure, category, sub), cell in national.items():
        if (
            category == "_T"
            and sub == "_T"
            and measure in ("enrolment", "tb_new", "judges", "crime_victims", "pensioners")
        ):
            parts = [c for (m, k, s), c in national.items() if m == measure and k != "_T"
                     and s == "_T"]  # fmt: skip
            assert cell.women == sum(c.women or 0 for c in parts), measure
    school = sum((national[("enrolment", level, "_T")].men or 0)
                 + (national[("enrolment", level, "_T")].women or 0)
                 for level in ("L1", "L2", "L3"))  # fmt: skip
    assert 1_200_000 < school < 1_800_000
    wage = national[("average_wage", "_T", "_T")]
    assert wage.total == 33_000
    assert 0.2 < 1 - (wage.women or 0) / (wage.men or 1) < 0.35
    assert 50 < (national[("activity_rate", "_T", "_T")].total or 0) < 65
    assert national[("parliament_seats", "_T", "_T")].total == 90
    orders = national[("protection_orders", "_T", "_T")]
    assert 0.85 < (orders.women or 0) / (orders.total or 1) < 0.95
    seats = [c for c in cells if c.measure == "local_council_seats"]
    assert {c.territory for c in seats} >= {"417", "41711", "41721", "41704"}


def test_every_year_of_every_source_is_written_in_mixed_languages_and_encodings(
    tmp_path: Path,
) -> None:
    manifests = write_aggregates(tmp_path, range(2021, 2026), scale=0.001)
    assert len(manifests) == 6 * 5
    for source in AGG_SOURCES:
        assert sorted(p.stem for p in (tmp_path / source.replace("-", "_")).iterdir()) == [
            str(y) for y in range(2021, 2026)
        ]
    assert {m.encoding for m in manifests} == {"utf-8", "cp1251"}
    assert {m.path.suffix for m in manifests} == {".xlsx", ".csv"}
    assert all(m.bad >= 1 for m in manifests)
    (tmp_path / "agg_crime" / "1999.csv").write_text("stale")
    write_aggregates(tmp_path, [2021], scale=0.001)
    assert [p.stem for p in (tmp_path / "agg_crime").iterdir()] == ["2021"]


def test_flask_ingest_files_loads_each_file_as_a_batch(app: Flask, tmp_path: Path) -> None:
    from classifiers.loader import load_classifiers

    with app.extensions["statkg.db"].transaction() as session:
        load_classifiers(session)
    manifests = [
        write_aggregate("agg-decision", year, tmp_path / f"{year}.csv", "en", bad=0.0)
        for year in (2022, 2023)
    ]
    args = ["ingest", "files", "agg-decision", *(str(m.path) for m in manifests), "--synthetic"]
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output
    assert result.output.count(f"received {manifests[0].records} = loaded") == 2
    with app.extensions["statkg.db"].session() as session:
        assert session.scalar(select(func.count(SexAggregateReport.id))) == sum(
            m.records for m in manifests
        )
    refused = app.test_cli_runner().invoke(args=["ingest", "files", "asb", str(manifests[0].path)])
    assert refused.exit_code != 0


def test_the_defects_spare_the_parts_of_a_count(loader: BatchLoader, tmp_path: Path) -> None:
    """``make data`` computes a release from the generated tables, defects and all: a part
    of a count lost to the quarantine would leave the ministry's own total unequal to the
    parts left, and the release would fail its checks. So only totals (which the reader adds
    again from the parts) and rows of rates are spoiled: every part row of every count is
    loaded, even with one row in five defective."""
    for source in AGG_SOURCES:
        manifest = write_aggregate(source, 2024, tmp_path / f"{source}.csv", "ru", bad=0.2)
        assert manifest.bad > 0
        ADAPTERS[source](path=str(manifest.path)).run(loader)
        rng = np.random.default_rng([2026, 2024, AGG_SOURCES.index(source)])
        content = aggregate_content(source, 2024, 1.0, rng)
        measures = {m.code: m for m in _spec(source).measures}
        loaded = {(c.measure, c.category, c.subcategory, c.territory) for c in _cells(loader)}
        for row in content.rows:
            measure = measures[row["measure"]]
            key = (row["measure"], row.get("category", "_T"), row.get("subcategory", "_T"),
                   row.get("territory", "417"))  # fmt: skip
            total = (
                (measure.codelist is not None and key[1] == "_T")
                or (measure.subcodelist is not None and key[2] == "_T")
                or (measure.territory == "oblast" and key[3] == "417")
            )
            if measure.kind == "count" and not total:
                assert key in loaded, (source, key)
