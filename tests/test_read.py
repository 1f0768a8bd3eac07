"""The read layer: public releases only, filters, calendar, codes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from store import read
from tests import release_factory as rf


def test_latest_public_release_skips_the_embargoed_one(session: Session) -> None:
    rf.public_and_embargoed(session)
    latest = read.latest_public_release(session, rf.NOW)
    assert latest is not None
    assert latest.id == "2025-P1"
    assert read.public_release(session, rf.EMBARGOED_ID, rf.NOW) is None
    assert read.latest_public_release(session, rf.NOW + timedelta(days=2)).id == rf.EMBARGOED_ID  # type: ignore[union-attr]


def test_calendar_lists_upcoming_by_date_only(session: Session) -> None:
    rf.public_and_embargoed(session)
    calendar = read.release_calendar(session, rf.NOW)
    assert [r.id for r in calendar.published] == ["2025-P1"]
    assert [(r.id, r.reference_period) for r in calendar.upcoming] == [(rf.EMBARGOED_ID, "2026")]
    assert calendar.published[0].revised_by == ()  # its revision is not public yet


def test_observations_filter_by_period_and_codes(session: Session) -> None:
    rf.public_and_embargoed(session)
    rows = read.observations(
        session, "2025-P1", "pop_test", ["2024", "2025"], {"soate": ["41702"], "sex": ["F", "M"]}
    )
    assert [(r.period, r.dims["sex"]) for r in rows] == [
        ("2024", "M"),
        ("2024", "F"),
        ("2025", "M"),
        ("2025", "F"),
    ]
    assert read.value(session, "2025-P1", "pop_test", "2022", soate="41711").footnote_id  # type: ignore[union-attr]


def test_codes_come_in_display_order_with_three_labels(session: Session) -> None:
    rf.public_and_embargoed(session)
    soate = read.codes(session, "soate")
    assert soate[0].code == "417"
    assert set(soate[0].label) == {"ky", "ru", "en"}
    assert len({c.code for c in soate}) == len(soate)


def test_release_state_changes_when_a_release_becomes_public(session: Session) -> None:
    rf.public_and_embargoed(session)
    before = read.release_state(session, rf.NOW)
    after = read.release_state(session, rf.NOW + timedelta(days=2))
    assert before.valid_until is not None
    assert before.fingerprint != after.fingerprint
    assert after.latest_id == rf.EMBARGOED_ID
