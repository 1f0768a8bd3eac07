"""The fields of issue 14 through ingestion and into the release: nationality (with the MCR's
crosswalk), stillbirths, age at death in days, the mother's marital status.

What can go wrong and is checked here: a ministry nationality code not mapped, or an unknown one
holding a birth back (it must load as NOT_STATED and be reported as unmapped); a stillbirth
counted as a live birth; the conservation of a delivery broken by the second table; a raw ПИН
reaching the new table; a breakdown by nationality that no longer sums to its total.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from classifiers.loader import load_classifiers
from indicators.release import compute_release
from ingest import crosswalks
from ingest.base import Loadable, discover
from ingest.context import Context
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.tunduk import Asb, ZagsBirths, ZagsDeaths, ZagsMarriages
from ingest.tunduk.client import XRoadClient
from ingest.tunduk.services import services_from
from ingest.tunduk.simulator import Dataset, Simulator, serving
from store import Database, read, schema
from store.models import BirthEvent, CensusPopulation, DeathEvent, ReleaseStatus, StillbirthEvent
from synth.load import generate
from synth.simulate import Params
from synth.tunduk import Defects, native
from tests import factories as f

CONFIG = "zags-births=cs/GOV/1/z/B,zags-deaths=cs/GOV/1/z/D"
SERVICES = {source: str(path) for source, path in services_from(CONFIG).items()}
PARAMS = Params(seed=7, scale=0.001, first_year=2021, years=1)
ON = "2021-06-01"


@pytest.fixture
def store(classified_sqlite_url: str) -> Iterator[Database]:
    database = Database(classified_sqlite_url)
    with database.transaction() as session:
        crosswalks.load(session)
    yield database
    database.dispose()


@pytest.fixture
def ctx(store: Database) -> Context:
    with store.session() as session:
        return Context.load(session)


def _death(**fields: Any) -> dict[str, Any]:
    record = {
        "id": "ZD-1",
        "pin": "k" * 64,
        "sex": "1",
        "birthDate": "1950-03-01",
        "eventDate": ON,
        "addressCode": "41702205",
        "settlement": "R",
    }
    return {**record, **fields}


def _birth(**fields: Any) -> dict[str, Any]:
    record = {
        "id": "ZB-1",
        "childPin": "c" * 64,
        "motherPin": "m" * 64,
        "sex": "2",
        "eventDate": ON,
        "motherBirthDate": "1995-02-01",
        "addressCode": "41702205",
        "settlement": "R",
    }
    return {**record, **fields}


def test_a_ministry_nationality_code_is_crosswalked(ctx: Context) -> None:
    mapped = ZagsDeaths().map(_death(nationality="03"), ctx)
    assert isinstance(mapped, Loadable)
    assert mapped.row["nationality"] == "RUS"
    state = ZagsDeaths().map(_death(nationality="DNG"), ctx)
    assert isinstance(state, Loadable)
    assert state.row["nationality"] == "DNG"
    assert not ctx.unmapped


@pytest.mark.parametrize("value", ["99", None, "", "_T"])
def test_an_unknown_or_missing_nationality_is_not_stated_and_the_record_loads(
    ctx: Context, value: str | None
) -> None:
    mapped = ZagsBirths().map(_birth(motherNationality=value), ctx)
    assert isinstance(mapped, Loadable)
    assert mapped.table is BirthEvent
    assert mapped.row["mother_nationality"] == "NOT_STATED"
    # Only a code that is there and unknown is reported, for the crosswalk to be completed.
    expected = {("mcr-nationality", value): 1} if value else {}
    assert dict(ctx.unmapped) == expected


def test_an_unknown_code_is_counted_as_unmapped(ctx: Context) -> None:
    ZagsMarriages().map(
        {
            "id": "ZM-1",
            "groomPin": "g" * 64,
            "bridePin": "b" * 64,
            "eventDate": ON,
            "addressCode": "41702205",
            "groomNationality": "99",
            "brideNationality": "01",
        },
        ctx,
    )
    assert ctx.unmapped == Counter({("mcr-nationality", "99"): 1})


def test_the_asb_fast_path_and_the_rules_agree_on_nationality(ctx: Context) -> None:
    record = {
        "id": "ASB-1",
        "operation": "UNREG",
        "pin": "p" * 64,
        "sex": "1",
        "birthDate": "1980-01-01",
        "citizenship": "417",
        "eventDate": ON,
        "addressCode": "41711201",
        "toCountry": "643",
    }
    adapter = Asb()
    for value, expected in (
        ("RUS", "RUS"),
        (None, "NOT_STATED"),
        ("03", "RUS"),
        ("99", "NOT_STATED"),
    ):
        data = {**record, "nationality": value}
        checked = adapter._checked(data, ctx)
        assert isinstance(checked, Loadable)
        assert checked.row["nationality"] == expected, value
        quick = adapter._fast(data, ctx)
        assert quick is None or quick == checked, value


def test_a_stillbirth_goes_to_its_own_table(ctx: Context) -> None:
    record = _birth(liveBorn=False, gestationWeeks=30, motherNationality="02")
    del record["childPin"]
    mapped = ZagsBirths().map(record, ctx)
    assert isinstance(mapped, Loadable)
    assert mapped.table is StillbirthEvent
    assert mapped.row["gestation_weeks"] == 30
    assert mapped.row["mother_nationality"] == "UZB"
    assert "child_key" not in mapped.row


def test_stillborn_twins_are_two_records_and_a_resent_record_one(ctx: Context) -> None:
    """Two acts for one mother on one day: a girl and a boy are two stillbirths; the same
    record re-sent under a new act id is one (its natural key is the first's)."""
    mapped = []
    for act, sex in (("ZB-1", "2"), ("ZB-2", "1"), ("ZB-3", "2")):
        record = _birth(id=act, sex=sex, liveBorn=False, gestationWeeks=34)
        del record["childPin"]
        result = ZagsBirths().map(record, ctx)
        assert isinstance(result, Loadable)
        mapped.append(result)
    girl, boy, resent = mapped
    assert len({girl.source_key, boy.source_key, resent.source_key}) == 3
    assert girl.natural_key is not None
    assert girl.natural_key != boy.natural_key
    assert resent.natural_key == girl.natural_key


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"liveBorn": False, "gestationWeeks": 20}, "gestationWeeks"),
        ({"liveBorn": "no"}, "liveBorn"),
        ({"motherMaritalStatus": "SINGLE"}, "motherMaritalStatus"),
    ],
)
def test_implausible_birth_fields_are_quarantined(
    ctx: Context, fields: dict[str, Any], field: str
) -> None:
    reasons = ZagsBirths().map(_birth(**fields), ctx)
    assert isinstance(reasons, list)
    assert field in {reason.field for reason in reasons}


def test_age_in_days_is_derived_and_checked(ctx: Context) -> None:
    infant = ZagsDeaths().map(_death(birthDate="2021-05-20"), ctx)
    assert isinstance(infant, Loadable)
    assert infant.row["age_days"] == 12
    adult = ZagsDeaths().map(_death(), ctx)
    assert isinstance(adult, Loadable)
    assert adult.row["age_days"] is None
    wrong = ZagsDeaths().map(_death(birthDate="2021-05-20", ageDays=3), ctx)
    assert isinstance(wrong, list)
    assert [reason.field for reason in wrong] == ["ageDays"]


def _ingest(store: Database, records: dict[str, list[Any]], source: str) -> Any:
    app = Simulator({SERVICES[s]: Dataset.of(records[s]) for s in SERVICES})
    with serving(app) as url:
        client = XRoadClient(url, "cs/GOV/2/nsc", timeout=1.0, retries=8, backoff=0.001)
        adapter_class: Any = discover()[source]
        adapter = adapter_class("2021-01-01", "2021-12-31", page_size=50, client=client)
        return BatchLoader(store, Pseudonymiser("k")).run(adapter)


def test_the_births_feed_balances_with_stillbirths_and_unknown_codes(
    store: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STATKG_TUNDUK_SERVICES", CONFIG)
    records = native(PARAMS, Defects(nationality=0.05))
    result = _ingest(store, records, "zags-births")
    assert result.balanced
    assert result.received == result.loaded + result.quarantined + result.duplicates
    assert result.unmapped.get("mcr-nationality:99", 0) > 0
    still = [
        r for _w, r in records["zags-births"] if isinstance(r, dict) and r.get("liveBorn") is False
    ]
    assert still
    with store.session() as session:
        live = _count(session, select(func.count()).select_from(BirthEvent))
        stillborn = _count(session, select(func.count()).select_from(StillbirthEvent))
        assert live + stillborn == result.loaded
        assert 0 < stillborn <= len(still)
        stated = dict(
            session.execute(
                select(BirthEvent.mother_nationality, func.count()).group_by(
                    BirthEvent.mother_nationality
                )
            ).all()
        )
        assert stated.get("NOT_STATED", 0) > 0
        assert None not in stated
        # No raw ПИН of the delivery is anywhere in the new table.
        raw = {
            str(r["motherPin"])
            for _w, r in records["zags-births"]
            if isinstance(r, dict) and r.get("motherPin")
        }
        stored = " ".join(
            str(value)
            for row in session.execute(text("SELECT * FROM stillbirth_event")).all()
            for value in row
        )
        assert raw
        assert not any(pin in stored for pin in raw)
        assert not re.search(r"\b\d{14}\b", stored)


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, str]]:
    """A tiny synthetic country with every new field, loaded and computed into a release."""
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('fields') / 'fields.sqlite3'}")
    schema.upgrade(database.engine)
    with database.session() as session:
        load_classifiers(session)
        generate(session, Params(seed=5, scale=0.002, first_year=2023, years=2), Pseudonymiser("s"))
        session.commit()
        now = datetime(2026, 2, 1, tzinfo=UTC)
        computed = compute_release(
            session, period=2024, status=ReleaseStatus.PROVISIONAL, scheduled_at=now, now=now
        )
        release = computed.release
        session.commit()
        yield session, release.id
    database.dispose()


def _count(session: Session, query: Any) -> int:
    return int(session.scalar(query) or 0)


def _cell(session: Session, release: str, indicator: str, period: int, **dims: str) -> float:
    cell = read.value(session, release, indicator, str(period), **({"soate": "417"} | dims))
    assert cell is not None, (indicator, dims)
    assert cell.value is not None, (indicator, dims)
    return cell.value


def test_breakdowns_by_nationality_sum_to_their_totals(released: tuple[Session, str]) -> None:
    session, release = released
    base = _count(session, select(func.sum(CensusPopulation.persons)))
    assert _cell(session, release, "pop_census_nationality", 2023) == base
    assert _cell(session, release, "pop_jan1", 2023) == base
    for year in (2023, 2024):
        births = _cell(session, release, "births", year)
        assert _cell(session, release, "births_by_nationality", year) == births
        by_group = _count(
            session, select(func.count()).where(func.extract("year", BirthEvent.event_date) == year)
        )
        assert births == by_group
        deaths = _cell(session, release, "deaths", year)
        assert _cell(session, release, "deaths_by_nationality", year) == deaths


def test_perinatal_rates_equal_a_count_of_the_rows(released: tuple[Session, str]) -> None:
    session, release = released
    year = 2024
    in_year = (date(year, 1, 1), date(year, 12, 31))
    live = _count(session, select(func.count()).where(BirthEvent.event_date.between(*in_year)))
    still = _count(
        session, select(func.count()).where(StillbirthEvent.event_date.between(*in_year))
    )
    days = [
        d
        for (d,) in session.execute(
            select(DeathEvent.age_days).where(
                DeathEvent.event_date.between(*in_year), DeathEvent.age_days.is_not(None)
            )
        )
    ]
    early = sum(d is not None and d < 7 for d in days)
    neonatal = sum(d is not None and d < 28 for d in days)
    assert _cell(session, release, "stillbirths", year) == still
    assert _cell(session, release, "stillbirth_rate", year) == pytest.approx(
        1000 * still / (live + still)
    )
    assert _cell(session, release, "perinatal_mortality_rate", year) == pytest.approx(
        1000 * (still + early) / (live + still)
    )
    assert _cell(session, release, "neonatal_mortality_rate", year) == pytest.approx(
        1000 * neonatal / live
    )
    density = _cell(session, release, "population_density", year, soate="417")
    assert density == pytest.approx(_cell(session, release, "pop_jan1", year) / 199_951)


def test_a_year_without_the_new_fields_publishes_none_of_their_indicators(
    session: Session,
) -> None:
    """Records loaded before issue 14 carry no stillbirths, days of life or marital status:
    the perinatal indicators must be left out, not published as zero; the breakdowns by
    nationality publish such records as 'not stated'."""
    year = 2024
    f.population(session, year, {(f.UNIT, sex, age): 10 for sex in "MF" for age in range(101)})
    for _ in range(5):
        f.birth(session, date(year, 5, 1), mother_age=25)
    f.death(session, date(year, 5, 3), date(year, 5, 1), "F", 0)  # a neonatal death, no days
    load_classifiers(session)
    session.commit()
    now = datetime(2026, 2, 1, tzinfo=UTC)
    release = compute_release(
        session, period=year, status=ReleaseStatus.PROVISIONAL, scheduled_at=now, now=now
    ).release
    for indicator in (
        "stillbirth_rate",
        "neonatal_mortality_rate",
        "perinatal_mortality_rate",
        "births_outside_marriage_share",
    ):
        assert read.value(session, release.id, indicator, str(year), soate="417") is None
    assert _cell(session, release.id, "births_by_nationality", year) == 5
    assert (
        _cell(session, release.id, "births_by_nationality", year, mother_nationality="NOT_STATED")
        == 5
    )
