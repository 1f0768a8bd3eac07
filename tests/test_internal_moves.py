"""Internal moves count once, on both sides: the Republic's internal migration nets to zero.

A move is two records (a de-registration at the origin, a registration at the destination);
when one of them is quarantined the other is an unmatched half — left out of the counts and
reported in the release notes and the quality report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from classifiers.loader import load_classifiers
from indicators import custom
from indicators.release import compute_release
from store import Database, quality, read, schema
from store.models import MigrationEvent, QuarantineRecord, Release, ReleaseStatus
from store.moves import unmatched_halves
from tests import factories as f

NOW = datetime(2026, 2, 1, 4, 0, tzinfo=UTC)
YEAR = 2024
UNIT, OTHER = f.UNIT, f.OTHER_UNIT  # Issyk-Kul and Chui oblasts
NEIGHBOUR = "41702210"  # Jeti-Oguz rayon, Issyk-Kul oblast
BORN = date(1990, 5, 1)


def _store(session: Session) -> None:
    """Two complete moves and two halves whose other record is in quarantine."""
    f.population(
        session,
        YEAR,
        {(unit, sex, age): 10 for unit in (UNIT, OTHER, NEIGHBOUR) for sex in "MF" for age in
         range(101)},
    )  # fmt: skip
    f.move(session, date(YEAR, 3, 1), BORN, "M", UNIT, OTHER, source="asb")
    f.move(session, date(YEAR, 4, 1), BORN, "F", UNIT, NEIGHBOUR, source="asb")
    # Her arrival in Issyk-Kul is quarantined: only the departure from Chui is loaded.
    f.move(session, date(YEAR, 5, 1), BORN, "F", OTHER, UNIT, ("deregistration",), "asb")
    # His departure from Jeti-Oguz is quarantined: only the arrival in Ak-Suu is loaded.
    f.move(session, date(YEAR, 6, 1), BORN, "M", NEIGHBOUR, UNIT, ("registration",), "asb")
    for kind in ("registration", "deregistration"):
        session.add(
            QuarantineRecord(
                batch_id=f.batch(session, source="asb").id,
                source="asb",
                raw={"operation": kind},
                reason_codes=["MISSING_FIELD"],
                created_at=NOW,
            )
        )
    load_classifiers(session)
    session.commit()


def _release(session: Session) -> Release:
    return compute_release(
        session, YEAR, ReleaseStatus.PROVISIONAL, scheduled_at=NOW, now=NOW
    ).release


def _values(session: Session, release: Release, indicator: str, **dims: str) -> float | None:
    """The published cell (other dimensions at ``_T``), read as every output reads it."""
    period = dims.pop("period", str(YEAR))
    cell = read.value(session, release.id, indicator, period, **dims)
    assert cell is not None, (indicator, dims)
    return cell.value


@pytest.fixture
def released(session: Session) -> Release:
    _store(session)
    release = _release(session)
    session.commit()
    return release


@pytest.mark.parametrize("kind", ["within_oblast", "between_oblasts", "_T"])
def test_the_republics_internal_migration_nets_to_zero(
    session: Session, released: Release, kind: str
) -> None:
    assert _values(session, released, "mig_net", soate="417", migration_type=kind) == 0
    arrivals = _values(session, released, "mig_arrivals", soate="417", migration_type=kind)
    departures = _values(session, released, "mig_departures", soate="417", migration_type=kind)
    assert arrivals == departures == (2 if kind == "_T" else 1)


def test_a_move_counts_once_on_both_sides_and_a_half_not_at_all(
    session: Session, released: Release
) -> None:
    def flows(territory: str) -> tuple[float | None, float | None]:
        return (
            _values(session, released, "mig_arrivals", soate=territory),
            _values(session, released, "mig_departures", soate=territory),
        )

    assert flows(UNIT) == (0, 2)  # the arrival whose departure is quarantined is not counted
    assert flows(OTHER) == (1, 0)  # nor the departure whose arrival is quarantined
    assert flows(NEIGHBOUR) == (1, 0)
    assert _values(session, released, "mig_matrix", origin="41702", destination="41708") == 1
    assert _values(session, released, "mig_matrix", origin="41708", destination="41702") == 0
    # The population estimate moves only the people whose moves count.
    assert _values(session, released, "pop_jan1", soate=OTHER, period=str(YEAR + 1)) == 2021


def test_the_unmatched_halves_are_reported_in_the_release_notes(released: Release) -> None:
    assert released.notes["unmatched_move_halves"] == {
        str(YEAR): {"registration": 1, "deregistration": 1}
    }
    checks = {c["name"]: c for c in released.notes["checks"]}
    assert released.notes["checks_passed"], released.notes["checks"]
    assert checks["internal_moves_match"]["warnings"] == 1  # explained by the quarantine
    assert "2 internal-move records without their other half" in " ".join(
        checks["internal_moves_match"]["warning_examples"]
    )


def test_unmatched_halves_beyond_the_quarantine_fail_the_release(session: Session) -> None:
    _store(session)
    f.move(session, date(YEAR, 7, 1), BORN, "F", UNIT, OTHER, ("registration",), "asb")
    session.commit()

    release = _release(session)

    failed = [c for c in release.notes["checks"] if not c["passed"]]
    assert [c["name"] for c in failed] == ["internal_moves_match"]
    assert "3 internal-move records without their other half" in failed[0]["examples"][0]


def test_a_half_counts_as_soon_as_its_partner_arrives(session: Session) -> None:
    _store(session)
    when = date(YEAR, 8, 1)
    f.move(session, when, BORN, "M", OTHER, UNIT, ("deregistration",), "asb", person="late")
    session.flush()
    assert unmatched_halves(session) == {YEAR: {"registration": 1, "deregistration": 2}}

    f.move(session, when, BORN, "M", OTHER, UNIT, ("registration",), "asb", person="late")
    session.flush()

    assert unmatched_halves(session) == {YEAR: {"registration": 1, "deregistration": 1}}


def test_custom_tables_count_moves_as_the_release_does(session: Session, released: Release) -> None:
    arrivals = custom.migration_flows(session, "mig_arrivals", YEAR, ["soate"])
    departures = custom.migration_flows(session, "mig_departures", YEAR, ["soate"])

    assert arrivals.cells == {(OTHER,): 1, (NEIGHBOUR,): 1}
    assert departures.cells == {(UNIT,): 2}


@pytest.fixture(scope="module")
def asb_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    url = f"sqlite:///{tmp_path_factory.mktemp('moves') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        _store(session)
        yield session
    database.dispose()


def test_the_quality_report_counts_the_unmatched_halves(asb_store: Session) -> None:
    report = quality.report(
        asb_store, "asb", date(YEAR, 1, 1), date(YEAR, 12, 31), table=MigrationEvent
    )

    assert report["unmatched_moves"] == {"registration": 1, "deregistration": 1}
    later = quality.report(
        asb_store, "asb", date(YEAR + 1, 1, 1), date(YEAR + 1, 12, 31), table=MigrationEvent
    )
    assert later["unmatched_moves"] == {"registration": 0, "deregistration": 0}


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Internal moves with one record missing"),
        ("ru", "Внутренние переезды без одной из записей"),
        ("ky", "Бир жазуусу жок ички көчүүлөр"),
    ],
)
def test_the_quality_page_shows_the_unmatched_halves(
    asb_store: Session, lang: str, heading: str
) -> None:
    report = quality.report(
        asb_store, "asb", date(YEAR, 1, 1), date(YEAR, 12, 31), table=MigrationEvent
    )

    page = quality.render_html(report, lang)

    assert heading in page
    for kind in ("registration", "deregistration"):
        assert re.search(rf'data-unmatched="{kind}">1<', page)


def test_other_sources_have_no_section_on_moves(asb_store: Session) -> None:
    report = quality.report(
        asb_store,
        "zags-births",
        date(YEAR, 1, 1),
        date(YEAR, 12, 31),
        table=quality.event_table("zags-births"),
    )

    assert "unmatched_moves" not in report
    assert "data-unmatched" not in quality.render_html(report, "en")
