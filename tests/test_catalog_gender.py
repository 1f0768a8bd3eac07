"""The indicators of the aggregate sources by sex (issue 15) against the rows they come from.

A small store: a base population (ten people of every sex and age in two oblasts, no events)
and cells of ``report_sex_aggregate`` as the six adapters would load them. The release is
computed once; every published figure is worked out again here from the rows with plain
Python (sums of the finest rows, the source's rates as given, the derived indicators by
their textbook formulas), so that a lost row, a double-counted total, an average computed
where the source gave a total, or a wrong denominator shows up.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from classifiers.loader import load_classifiers
from indicators.catalog import all_specs
from indicators.release import compute_release
from store import Database, minimum_set, read, schema
from store.models import Release, ReleaseStatus, SexAggregateReport
from tests import factories as f

NOW = datetime(2026, 2, 1, 4, 0, tzinfo=UTC)
YEAR = 2024
P = str(YEAR)
UNITS = (f.UNIT, f.OTHER_UNIT)  # in oblasts 41702 and 41708
OBLASTS = ("41702", "41708")
START = {(unit, sex, age): 10 for unit in UNITS for sex in "MF" for age in range(101)}
_keys = itertools.count(1)


@dataclass(frozen=True)
class R:
    """One row of ``report_sex_aggregate``."""

    source: str
    measure: str
    category: str = "_T"
    men: float | None = None
    women: float | None = None
    total: float | None = None
    subcategory: str = "_T"
    territory: str = "417"
    se: tuple[float | None, float | None, float | None] = (None, None, None)


def _counts(source: str, measure: str, cells: dict[str, tuple[float, float]], **kw: str) -> list[R]:
    return [R(source, measure, c, m, w, m + w, **kw) for c, (m, w) in cells.items()]  # type: ignore[arg-type]


EDU, LAB, INC, HEA, DEC, CRI = (
    "agg-education",
    "agg-labour",
    "agg-income",
    "agg-health",
    "agg-decision",
    "agg-crime",
)
ENROLMENT = {  # oblast → level → (boys, girls)
    "41702": {"L1": (30, 28), "L2": (40, 41), "L3": (12, 15), "L6": (20, 26), "L0": (9, 8)},
    "41708": {"L1": (25, 27), "L2": (33, 30), "L3": (10, 9), "L6": (31, 40), "L0": (4, 5)},
}
ROWS: list[R] = [
    *(
        R(EDU, "enrolment", level, m, w, m + w, territory=oblast)
        for oblast, levels in ENROLMENT.items()
        for level, (m, w) in levels.items()
    ),
    # The ministry's own national total of L1, consistent with its oblasts.
    R(EDU, "enrolment", "L1", 55, 55, 110),
    R(EDU, "graduates", "L6", 5, 9, 14, subcategory="F05"),
    R(EDU, "graduates", "L6", 12, 3, 15, subcategory="F07"),
    R(EDU, "graduates", "VOC", 20, 6, 26, subcategory="F07"),
    *_counts(EDU, "teachers", {"L1": (10, 90), "L6": (40, 45)}),
    # Survey rates: totals as the survey gives them (deliberately not a mean of the sexes).
    R(LAB, "activity_rate", "Y15T24", 45.0, 30.0, 38.2, se=(1.1, 1.3, 0.8)),
    R(LAB, "activity_rate", "Y25T34", 88.0, 55.0, 71.9, se=(0.9, 1.2, 0.7)),
    R(LAB, "activity_rate", "_T", 74.0, 45.0, 59.3, se=(0.5, 0.6, 0.4)),
    R(LAB, "unemployment_rate", "Y15T24", 11.0, 16.0, 12.7, se=(1.5, 2.1, 1.2)),
    R(LAB, "unemployment_rate", "_T", 4.5, 6.2, 5.1, se=(0.3, 0.4, 0.2)),
    R(LAB, "employed_by_activity", "A", 300.5, 200.2, 500.7, se=(10.0, 8.0, 12.0)),
    R(LAB, "employed_by_activity", "C", 100.1, 60.3, 160.4, se=(5.0, 4.0, 6.0)),
    R(LAB, "employed_by_activity", "_T", 400.6, 260.5, 661.1, se=(11.0, 9.0, 13.0)),
    R(LAB, "employed_by_occupation", "OC1", 40.0, 20.0, 60.0, se=(2.0, 1.5, 2.5)),
    R(LAB, "employed_by_occupation", "OC9", 70.0, 30.0, 100.0, se=(3.0, 2.0, 3.5)),
    R(LAB, "average_wage", "_T", 36000, 29000, 33000),
    R(LAB, "average_wage", "P", 25000, 24000, 24300),
    R(LAB, "average_wage", "K", 50000, 52000, 51000),
    R(INC, "poverty_rate", "_T", 25.1, 27.3, 25.6, se=(1.0, 1.8, 0.9)),
    R(INC, "poverty_rate", "R", 30.0, 33.0, 30.7, se=(1.4, 2.5, 1.2)),
    *_counts(INC, "pensioners", {"AGE": (200, 400), "DISABILITY": (60, 40)}),
    R(INC, "average_pension", "AGE", 9000, 8000, 8300),
    *_counts(HEA, "tb_new", {"Y15T24": (3, 2), "Y25T34": (4, 1)}),
    *_counts(HEA, "hiv_new", {"Y25T34": (2, 1)}),
    *_counts(HEA, "morbidity", {"I": (10, 12), "IX": (30, 25)}),
    *_counts(HEA, "disability", {"Y_GE65": (7, 9)}),
    R(HEA, "abortions", "Y15T24", None, 6),
    R(HEA, "abortions", "Y25T34", None, 9),
    R(DEC, "parliament_seats", "_T", 72, 18, 90),
    R(DEC, "local_council_seats", "_T", 30, 10, 40, territory="41702"),
    R(DEC, "local_council_seats", "_T", 25, 15, 40, territory="41708"),
    *_counts(DEC, "civil_servants", {"HIGHEST": (30, 10), "JUNIOR": (100, 160)}),
    *_counts(DEC, "judges", {"SUPREME": (20, 10), "LOCAL": (200, 150)}),
    *_counts(CRI, "crime_victims", {"FAMILY": (10, 90), "THEFT": (50, 40)}),
    *_counts(CRI, "offenders", {"FAMILY": (95, 5)}),
    R(CRI, "protection_orders", "_T", 4, 96, 100),
]


def _insert(session: Session, rows: list[R]) -> None:
    batches = {}
    for row in rows:
        if row.source not in batches:
            batches[row.source] = f.batch(session, source=row.source)
        men_se, women_se, total_se = row.se
        session.add(
            SexAggregateReport(
                batch_id=batches[row.source].id,
                source_key=f"test:{next(_keys)}",
                period=P,
                reporter="test",
                source=row.source,
                measure=row.measure,
                category=row.category,
                subcategory=row.subcategory,
                territory=row.territory,
                men=row.men,
                women=row.women,
                total=row.total,
                men_se=men_se,
                women_se=women_se,
                total_se=total_se,
            )
        )
    session.flush()


def _store(session: Session, rows: list[R]) -> Release:
    f.population(session, YEAR, START)
    load_classifiers(session)
    _insert(session, rows)
    session.commit()
    release = compute_release(
        session, YEAR, ReleaseStatus.PROVISIONAL, scheduled_at=NOW, now=NOW
    ).release
    session.commit()
    return release


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Session, Release]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('gender') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        release = _store(session, ROWS)
        yield url, session, release
    database.dispose()


def _value(store: tuple[str, Session, Release], indicator: str, **dims: str) -> float | None:
    _, session, release = store
    row = read.value(session, release.id, indicator, P, **dims)
    assert row is not None, (indicator, dims)
    return row.value


# --- the independent computation ------------------------------------------------------------


def _population(year_offset: int, sex: str | None, ages: range) -> int:
    """People on 1 January YEAR (+1): with no events, everyone is a year older and nobody
    is born; the open group 100+ keeps its own."""
    total = 0
    for (_, s, age), n in START.items():
        reached = min(age + year_offset, 100)
        if sex in (None, s) and reached in ages:
            total += n
    return total


def _average(sex: str | None, ages: range = range(101)) -> float:
    return (_population(0, sex, ages) + _population(1, sex, ages)) / 2


def test_the_release_passes_its_checks(store: tuple[str, Session, Release]) -> None:
    _, _, release = store
    failed = [c for c in release.notes["checks"] if not c["passed"]]
    assert failed == []


def test_counts_are_sums_of_the_finest_rows_with_every_total(
    store: tuple[str, Session, Release],
) -> None:
    for oblast, levels in ENROLMENT.items():
        for level, (m, w) in levels.items():
            assert _value(store, "enrolment", soate=oblast, education_level=level, sex="M") == m
            assert _value(store, "enrolment", soate=oblast, education_level=level, sex="F") == w
        assert _value(store, "enrolment", soate=oblast) == sum(a + b for a, b in levels.values())
    for level in ("L0", "L1", "L2", "L3", "L6"):
        girls = sum(ENROLMENT[o][level][1] for o in OBLASTS)
        assert _value(store, "enrolment", soate="417", education_level=level, sex="F") == girls
    everyone = sum(a + b for levels in ENROLMENT.values() for a, b in levels.values())
    assert _value(store, "enrolment", soate="417") == everyone
    # Two breakdowns: level × field, each total of the other.
    assert _value(store, "graduates", education_level="L6", sex="F") == 9 + 3
    assert _value(store, "graduates", field="F07") == 15 + 26
    assert _value(store, "graduates") == 14 + 15 + 26
    assert _value(store, "teachers", sex="F") == 135
    assert _value(store, "pensioners", sex="M") == 260
    assert _value(store, "morbidity", disease="IX") == 55
    assert _value(store, "crime_victims", offence="FAMILY", sex="F") == 90
    assert _value(store, "crime_victims", sex="M") == 60
    assert _value(store, "protection_orders", sex="F") == 96
    assert _value(store, "parliament_seats") == 90
    assert _value(store, "local_council_seats", soate="417", sex="F") == 25
    # Women only: the abortions by age and their total, no sex dimension.
    assert _value(store, "abortions", age_social="Y25T34") == 9
    assert _value(store, "abortions") == 15


def test_survey_thousands_keep_the_survey_total_and_its_standard_errors(
    store: tuple[str, Session, Release],
) -> None:
    assert _value(store, "employed_by_activity", activity="A", sex="F") == 200.2
    assert _value(store, "employed_by_activity") == 661.1  # the survey's, = 500.7 + 160.4
    assert _value(store, "employed_by_activity_se", activity="_T") == 13.0
    assert _value(store, "employed_by_activity_se", activity="C", sex="M") == 5.0


def test_rates_are_published_as_given_totals_included(
    store: tuple[str, Session, Release],
) -> None:
    for row in ROWS:
        if row.measure not in ("activity_rate", "unemployment_rate", "poverty_rate"):
            continue
        sex_dim = "head_sex" if row.measure == "poverty_rate" else "sex"
        category = "urban_rural" if row.measure == "poverty_rate" else "age_social"
        for code, value, se in zip(
            ("M", "F", "_T"), (row.men, row.women, row.total), row.se, strict=True
        ):
            at = {category: row.category, sex_dim: code}
            assert _value(store, row.measure, **at) == value, (row, code)
            assert _value(store, row.measure + "_se", **at) == se, (row, code)
    # No average of ours: the survey's total is not the mean of the sexes.
    assert _value(store, "activity_rate") == 59.3 != (74.0 + 45.0) / 2
    assert _value(store, "average_wage", activity="K", sex="F") == 52000


def test_the_estimate_names_its_standard_error_in_the_catalog(
    store: tuple[str, Session, Release],
) -> None:
    _, session, _ = store
    estimates = [s for s in all_specs() if "standard_error" in s.attributes]
    assert {s.id for s in estimates} == {
        "activity_rate",
        "employment_rate",
        "unemployment_rate",
        "employed_by_activity",
        "employed_by_occupation",
        "poverty_rate",
        # The LFS migration module's estimates (indicators/catalog/survey_migration.py).
        "lfs_residents_abroad",
        "labour_migration_share",
    }
    specs = {s.id: s for s in all_specs()}
    for spec in estimates:
        companion = specs[spec.attributes["standard_error"]]
        assert companion.dimensions == spec.dimensions
        assert not companion.additive
        assert companion.bounds is None
        assert companion.unit == spec.unit
        info = read.indicator(session, spec.id)
        assert info is not None
        assert info.standard_error == companion.id
        se_info = read.indicator(session, companion.id)
        assert se_info is not None
        assert se_info.standard_error_of == spec.id


def test_derived_indicators_by_hand(store: tuple[str, Session, Release]) -> None:
    approx = pytest.approx
    # Gender pay gap: (men − women) / men × 100, negative where women earn more.
    assert _value(store, "gender_pay_gap", activity="_T") == approx(100 * 7000 / 36000)
    assert _value(store, "gender_pay_gap", activity="K") == approx(-4.0)
    # Women's shares.
    assert _value(store, "women_share_parliament") == approx(20.0)
    assert _value(store, "women_share_local_councils", soate="41708") == approx(37.5)
    assert _value(store, "women_share_local_councils", soate="417") == approx(100 * 25 / 80)
    assert _value(store, "women_share_judges", court="_T") == approx(100 * 160 / 380)
    assert _value(store, "women_share_civil_servants", grade="HIGHEST") == approx(25.0)
    assert _value(store, "women_share_managers") == approx(100 * 20 / 60)
    # Gross enrolment ratios on the population of the official ages on 1 January.
    for level, ages in (("L1", range(7, 11)), ("L3", range(16, 18)), ("L6", range(18, 23))):
        for sex, i in (("M", 0), ("F", 1)):
            pupils = sum(ENROLMENT[o][level][i] for o in OBLASTS)
            expected = 100 * pupils / _population(0, sex, ages)
            got = _value(store, "gross_enrolment_ratio", education_level=level, sex=sex)
            assert got == approx(expected), (level, sex)
        boys = sum(ENROLMENT[o][level][0] for o in OBLASTS) / _population(0, "M", ages)
        girls = sum(ENROLMENT[o][level][1] for o in OBLASTS) / _population(0, "F", ages)
        assert _value(store, "gender_parity_index", education_level=level) == approx(girls / boys)
    # Incidence per 100,000 and abortions per 1,000 women 15–49, on the average population.
    assert _value(store, "tb_incidence", sex="M") == approx(1e5 * 7 / _average("M"))
    assert _value(store, "tb_incidence") == approx(1e5 * 10 / _average(None))
    assert _value(store, "hiv_incidence", sex="F") == approx(1e5 * 1 / _average("F"))
    assert _value(store, "abortion_rate") == approx(1000 * 15 / _average("F", range(15, 50)))


def test_a_source_total_that_disagrees_with_its_parts_fails_the_release(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    url = f"sqlite:///{tmp_path_factory.mktemp('bad') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    rows = [
        *_counts(DEC, "judges", {"SUPREME": (20, 10), "LOCAL": (200, 150)}),
        R(DEC, "judges", "_T", 220, 170, 390),  # women: 160 in the courts, 170 in the total
    ]
    with database.session() as session:
        release = _store(session, rows)
        totals = next(
            c for c in release.notes["checks"] if c["name"] == "totals_equal_sum_of_parts"
        )
        assert not totals["passed"]
        assert any("judges" in example for example in totals["examples"])
        assert release.published_at is None
    database.dispose()


def test_the_minimum_set_is_the_52_in_five_domains() -> None:
    items = minimum_set.MINIMUM_SET
    assert [i.number for i in items] == list(range(1, 53))
    assert {i.domain for i in items} == set(minimum_set.DOMAINS)
    specs = {s.id: s for s in all_specs()}
    for item in items:
        assert bool(item.answers) != bool(item.reason), item.number
        for text in (item.name, item.reason, *(a.note for a in item.answers)):
            assert text is None or all(text[lang].strip() for lang in ("ky", "ru", "en"))
        for answer in item.answers:
            spec = specs[answer.indicator]
            assert set(answer.select) <= set(spec.dimensions), (item.number, answer)


def test_the_annex_resolves_against_the_release(store: tuple[str, Session, Release]) -> None:
    _, session, release = store
    resolved = {r.item.number: r for r in minimum_set.resolve(session, release.id)}
    parliament = resolved[44]
    assert parliament.available
    assert parliament.reason is None
    assert [c.value for c in parliament.cells] == [pytest.approx(20.0)]
    youth = {(c.dims["age_social"], c.dims["sex"]): c for c in resolved[3].cells}
    assert youth[("Y15T24", "F")].value == 30.0
    assert youth[("Y15T24", "F")].standard_error == 1.3
    assert youth[("_T", "_T")].value == 59.3
    assert not resolved[1].available
    assert resolved[1].reason == minimum_set.MINIMUM_SET[0].reason
    gpi = {c.dims["education_level"] for c in resolved[24].cells}
    assert gpi == {"L1", "L2", "L3", "L6"}


def test_the_api_shows_the_standard_error_and_the_annex(
    store: tuple[str, Session, Release],
) -> None:
    from app import create_app

    url, _, _ = store
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    client: FlaskClient = app.test_client()
    entry = client.get("/api/v1/catalog/unemployment_rate?lang=en").get_json()
    assert entry["standard_error"] == "unemployment_rate_se"
    companion = client.get("/api/v1/catalog/unemployment_rate_se?lang=en").get_json()
    assert companion["standard_error_of"] == "unemployment_rate"
    annex = client.get("/api/v1/catalog/minimum-set?lang=ru").get_json()
    assert len(annex["items"]) == 52
    judges = next(i for i in annex["items"] if i["number"] == 47)
    assert judges["available"]
    assert judges["cells"][0]["value"] == pytest.approx(100 * 160 / 380)
    police = next(i for i in annex["items"] if i["number"] == 46)
    assert not police["available"]
    assert "Министерство внутренних дел" in police["reason"]
    app.extensions["statkg.db"].dispose()
