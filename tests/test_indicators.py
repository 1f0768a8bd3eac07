"""Indicators and releases, recomputed by hand on a small population."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.loader import load_classifiers
from indicators.methods import abridged_life_table
from indicators.release import ReleaseError, compute_release, publish
from store import Database, read, schema
from store.models import Observation, Release, ReleaseStatus
from store.revisions import diff, summarise
from store.visibility import is_public
from tests import factories as f

NOW = datetime(2026, 2, 1, 4, 0, tzinfo=UTC)
YEAR = 2024
WOMEN_20, WOMEN_30 = 200, 150


def _small_country(session: Session) -> None:
    """Two units with ten people of every age and sex, more women at 20 and 30; few events.

    In YEAR: 16 births (10 girls to mothers of 20, 6 boys to mothers of 31); 4 deaths (a man
    aged 70 and one aged 90 on 1 January, a girl born in the year, a woman aged 94); one man
    aged 25 moves from Issyk-Kul to Chui oblast.
    """
    cells = {
        (unit, sex, age): 10
        for unit in (f.UNIT, f.OTHER_UNIT)
        for sex in "MF"
        for age in range(101)
    }
    cells[(f.UNIT, "F", 20)] = WOMEN_20
    cells[(f.UNIT, "F", 30)] = WOMEN_30
    f.population(session, YEAR, cells)
    for _ in range(10):
        f.birth(session, date(YEAR, 5, 1), mother_age=20)
    for _ in range(6):
        f.birth(session, date(YEAR, 7, 1), mother_age=31, sex="M", order=2)
    f.death(session, date(YEAR, 3, 1), date(YEAR - 71, 6, 1), "M", 70)
    f.death(session, date(YEAR, 3, 1), date(YEAR - 91, 6, 1), "M", 90)
    f.death(session, date(YEAR, 9, 1), date(YEAR, 5, 1), "F", 0)
    f.death(session, date(YEAR, 2, 1), date(YEAR - 95, 6, 1), "F", 94)
    f.move(session, date(YEAR, 4, 1), date(YEAR - 26, 3, 1), "M", f.UNIT, f.OTHER_UNIT)
    load_classifiers(session)
    session.commit()


START = 2 * 2 * 101 * 10 + (WOMEN_20 - 10) + (WOMEN_30 - 10)  # 4,370 on 1 January
END = START + 16 - 4


def _release(session: Session, **extra: object) -> Release:
    values = {"period": YEAR, "status": ReleaseStatus.PROVISIONAL, "scheduled_at": NOW, "now": NOW}
    values.update(extra)
    return compute_release(session, **values).release  # type: ignore[arg-type]


def _value(session: Session, release: Release, indicator: str, period: int, **dims: str) -> float:
    """The cell with these codes, every other dimension at its total."""
    cell = read.value(session, release.id, indicator, str(period), **dims)
    assert cell is not None, (indicator, dims)
    assert cell.value is not None
    return cell.value


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Release]]:
    """One small release shared by the read-only tests (SQLite; the arithmetic is the same
    on PostgreSQL, which the tests that compute their own release cover)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('computed') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        _small_country(session)
        release = _release(session)
        session.commit()
        yield session, release
    database.dispose()


@pytest.fixture
def small(session: Session) -> Release:
    _small_country(session)
    release = _release(session)
    session.commit()
    return release


def test_population_moves_forward_by_the_balance(computed: tuple[Session, Release]) -> None:
    session, small = computed
    assert _value(session, small, "pop_jan1", YEAR, soate="417") == START
    assert _value(session, small, "pop_jan1", YEAR + 1, soate="417") == END
    assert _value(session, small, "pop_jan1", YEAR + 1, soate="41708") == 2 * 101 * 10 + 1


def test_crude_rates_by_hand(computed: tuple[Session, Release]) -> None:
    session, small = computed
    average = (START + END) / 2
    assert _value(session, small, "crude_birth_rate", YEAR, soate="417") == pytest.approx(
        16 / average * 1000
    )
    assert _value(session, small, "crude_death_rate", YEAR, soate="417") == pytest.approx(
        4 / average * 1000
    )
    assert _value(session, small, "infant_mortality_rate", YEAR, soate="417") == pytest.approx(
        1 / 16 * 1000
    )


def test_total_fertility_rate_by_hand(computed: tuple[Session, Release]) -> None:
    session, small = computed
    # 1 January and a year later, both units: 20-24 holds 290 women, 30-34 holds 240.
    women_20_24 = ((WOMEN_20 + 40) + 50 + (10 + WOMEN_20 + 30) + 50) / 2
    women_30_34 = ((WOMEN_30 + 40) + 50 + (10 + WOMEN_30 + 30) + 50) / 2
    assert (women_20_24, women_30_34) == (290, 240)
    tfr = 5 * (10 / women_20_24 + 6 / women_30_34)
    assert _value(session, small, "tfr", YEAR, soate="417") == pytest.approx(tfr)


def test_life_expectancy_of_men_by_hand_aggregation(computed: tuple[Session, Release]) -> None:
    session, small = computed
    # Men's annual average population by life-table group: 20 a year of age, except age 0
    # (20 then 6 boys: 13), the cohort of the man who died at 70 (-0.5), the one at 90
    # (-0.5) and 100+ (20, then 40: 30).
    population = [13.0, 80.0] + [100.0] * 16 + [15 * 20 + 30.0]
    population[15] -= 0.5  # 70-74
    population[18] -= 0.5  # 85+
    deaths = [0.0] * 19
    deaths[15] = deaths[18] = 1.0
    expected = abridged_life_table(deaths, population, "male").e0
    got = _value(session, small, "life_expectancy", YEAR, soate="417", sex="M", age_lt="Y0")
    assert got == pytest.approx(expected)


@pytest.mark.slow
def test_the_balance_holds_exactly_on_the_sample_release(session: Session) -> None:
    from ingest.pseudonymise import Pseudonymiser
    from synth.load import generate
    from synth.simulate import Params

    load_classifiers(session)
    generate(session, Params(seed=3, scale=0.002), Pseudonymiser("k"))
    release = _release(session, period=2025)
    checks = {c["name"]: c for c in release.notes["checks"]}
    assert checks["demographic_balance"]["passed"]
    assert checks["demographic_balance"]["compared"] > 100
    assert release.notes["checks_passed"], release.notes["checks"]
    assert release.synthetic


def test_an_unpaired_move_fails_the_checks_and_blocks_publication(session: Session) -> None:
    _small_country(session)
    f.move(
        session,
        date(YEAR, 6, 1),
        date(1990, 1, 1),
        "F",
        f.UNIT,
        f.OTHER_UNIT,
        kinds=("registration",),
    )  # the origin never de-registered her
    release = _release(session)
    failed = [c["name"] for c in release.notes["checks"] if not c["passed"]]
    assert failed == ["internal_moves_match"]
    assert release.published_at is None
    with pytest.raises(ReleaseError, match="internal_moves_match"):
        publish(session, release.id, NOW)


def test_a_release_is_embargoed_until_its_time(session: Session) -> None:
    _small_country(session)
    release = _release(session, scheduled_at=NOW + timedelta(days=2))
    public = select(Release.id).where(is_public(NOW))
    assert session.scalars(public).all() == []
    publish(session, release.id, NOW)
    assert session.scalars(public).all() == [release.id]


def test_a_revision_lists_what_changed(session: Session, small: Release) -> None:
    f.death(session, date(YEAR, 12, 30), date(1950, 1, 1), "F", 74)  # registered late
    session.commit()
    revision = _release(session, status=ReleaseStatus.FINAL)
    assert revision.revises_id == small.id
    changes = {(c.indicator, c.dim_key): c for c in diff(session, small.id, revision.id)}
    total = changes[("deaths", "soate=417|urban_rural=_T|sex=_T|age5=_T|cause=_T")]
    assert (total.old, total.new, total.difference) == (4, 5, 1)
    assert ("births", "soate=417|urban_rural=_T|sex=_T|mother_age=_T|birth_order=_T") not in changes
    # The notes keep the same revision, summarised once (the release page reads it there).
    kept = revision.notes["revisions"]
    assert kept == summarise(list(changes.values()))
    deaths = [c for c in changes.values() if c.indicator == "deaths" and c.old is not None]
    assert kept["deaths"]["changed"] == len([c for c in deaths if c.new is not None])
    biggest = max(deaths, key=lambda c: abs(c.relative or 0))
    assert kept["deaths"]["largest"][0][2:] == [biggest.old, biggest.new]
    assert "revisions" not in small.notes  # the first release revises nothing


def test_the_cli_computes_publishes_and_compares(app, session: Session) -> None:
    _small_country(session)
    runner = app.test_cli_runner()
    first = runner.invoke(
        args=["release", "compute", "--period", str(YEAR), "--publish-at", "2099-01-01T10:00"]
    )
    assert first.exit_code == 0, first.output
    assert "demographic_balance" in first.output
    assert "2099-01-01T10:00:00+06:00" in first.output
    published = runner.invoke(args=["release", "publish", f"{YEAR}-P1"])
    assert published.exit_code == 0, published.output
    second = runner.invoke(args=["release", "compute", "--period", str(YEAR), "--final"])
    assert f"revision {YEAR}-P1 → {YEAR}-F1: 0 values changed" in second.output


def test_compute_if_changed_makes_no_identical_release(app, session: Session) -> None:
    _small_country(session)
    runner = app.test_cli_runner()
    args = ["release", "compute", "--period", str(YEAR), "--if-changed"]
    assert runner.invoke(args=args).exit_code == 0
    again = runner.invoke(args=args)
    assert f"release {YEAR}-P1 already holds these inputs" in again.output
    f.death(session, date(YEAR, 12, 30), date(1950, 1, 1), "F", 74)
    session.commit()
    assert f"{YEAR}-P2" in runner.invoke(args=args).output


def test_a_new_version_of_the_computation_makes_a_new_release(
    app, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same data, corrected code: ``--if-changed`` must not keep the old numbers."""
    from indicators import release

    _small_country(session)
    runner = app.test_cli_runner()
    args = ["release", "compute", "--period", str(YEAR), "--if-changed"]
    assert runner.invoke(args=args).exit_code == 0
    monkeypatch.setattr(release, "_code_digest", lambda: "a corrected method")
    assert f"{YEAR}-P2" in runner.invoke(args=args).output


def test_border_crossings_and_absent_members_add_up(session: Session) -> None:
    from store.models import BorderCrossing, HouseholdMember

    _small_country(session)
    b = f.batch(session)
    for direction, purpose, count in (
        ("ENTRY", "WORK", 5),
        ("EXIT", "WORK", 3),
        ("ENTRY", "TOURISM", 2),
    ):
        session.add(
            BorderCrossing(
                batch_id=b.id,
                crossing_date=date(YEAR, 6, 1),
                checkpoint="KPP-1",
                direction=direction,
                citizenship="398",
                sex="F",
                age_group="Y20T24",
                purpose=purpose,
                crossings=count,
            )
        )
    for n, present in enumerate((False, False, True)):
        session.add(
            HouseholdMember(
                batch_id=b.id,
                source_key=f"hm{n}",
                person_key=f"k{n}",
                reference_date=date(YEAR, 1, 1),
                territory=f.UNIT,
                territory_raw=f.UNIT,
                sex="M",
                present=present,
                absence_reason=None if present else "WORK",
            )
        )
    session.commit()
    release = _release(session)
    assert _value(session, release, "border_crossings", YEAR) == 10
    assert _value(session, release, "border_crossings", YEAR, direction="ENTRY") == 7
    assert _value(session, release, "border_crossings", YEAR, purpose="WORK") == 8
    assert _value(session, release, "absent_population", YEAR, soate="41702") == 2


@pytest.mark.parametrize(
    ("status", "population_flag", "births_flag"),
    [(ReleaseStatus.PROVISIONAL, "P", "P"), (ReleaseStatus.FINAL, "E", "A")],
)
def test_flags_say_provisional_or_estimated(
    session: Session, status: ReleaseStatus, population_flag: str, births_flag: str
) -> None:
    _small_country(session)
    release = _release(session, status=status)
    flags = dict(
        session.execute(
            select(Observation.indicator_id, Observation.status).where(
                Observation.release_id == release.id,
                Observation.indicator_id.in_(["pop_jan1", "births"]),
            )
        ).all()
    )
    assert (flags["pop_jan1"].value, flags["births"].value) == (population_flag, births_flag)


def test_every_indicator_is_described_in_three_languages(computed: tuple[Session, Release]) -> None:
    from store.models import Indicator

    session = computed[0]
    for indicator in session.scalars(select(Indicator)):
        for lang in ("ky", "ru", "en"):
            assert getattr(indicator, f"name_{lang}")
            assert getattr(indicator, f"definition_{lang}")
        assert indicator.unit


def test_an_unpaired_move_explained_by_quarantine_is_a_warning(session: Session) -> None:
    from store.models import QuarantineRecord

    _small_country(session)
    f.move(
        session,
        date(YEAR, 6, 1),
        date(1990, 1, 1),
        "F",
        f.UNIT,
        f.OTHER_UNIT,
        kinds=("registration",),
    )
    session.add(
        QuarantineRecord(
            batch_id=f.batch(session).id,
            source="test",
            raw={"kind": "deregistration"},
            reason_codes=["MISSING_FIELD"],
            created_at=NOW,
        )
    )  # her de-registration awaits correction
    session.commit()
    release = _release(session)
    moves = next(c for c in release.notes["checks"] if c["name"] == "internal_moves_match")
    assert moves["passed"]
    assert moves["warnings"] >= 1
    assert release.notes["pending_migration_records"] == 1
