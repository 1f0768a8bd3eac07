"""The quality page prints its counts, shares and days by the platform's number rules."""

from __future__ import annotations

import re
from typing import Any

import pytest

from l10n import numbers as n
from store.quality import render_html

LANGS = ("ky", "ru", "en")


def _quality() -> dict[str, Any]:
    return {
        "source": "asb",
        "period": ["2021-01-01", "2021-12-31"],
        "batches": 3,
        "received": 1234567,
        "loaded": 1200000,
        "quarantined": 34567,
        "duplicates": 0,
        "validity": 0.97201,
        "duplicate_share": None,
        "reasons": {"BAD_DATE": 1500},
        "unmapped": [],
        "rows_in_period": 1199000,
        "completeness": {"sex": 0.9995},
        "timeliness": {"median_days_to_registration": 12.5, "registered_within_30_days": None},
    }


def _figure(page: str, name: str) -> str:
    found = re.search(rf'data-(?:figure|field|reason)="{name}">([^<]*)<', page)
    assert found, name
    return found.group(1)


@pytest.mark.parametrize("lang", LANGS)
def test_the_quality_page_formats_numbers_with_babel(lang: str) -> None:
    page = render_html(_quality(), lang)
    assert _figure(page, "received") == n.number(1234567, 0, lang)
    assert _figure(page, "BAD_DATE") == n.number(1500, 0, lang)
    assert _figure(page, "validity") == n.percent(0.97201, 1, lang)
    assert _figure(page, "sex") == n.percent(0.9995, 1, lang)
    assert _figure(page, "median_days") == n.number(12.5, 1, lang)


def test_a_share_that_cannot_be_computed_is_not_available_not_no_cases() -> None:
    page = render_html(_quality(), "en")
    assert _figure(page, "duplicate_share") == n.NOT_AVAILABLE
    assert _figure(page, "within_30") == n.NOT_AVAILABLE


def test_a_share_is_rounded_once_half_up_by_l10n(sqlite_url: str) -> None:
    """12,349 of 100,000 is 12.3 %, not 12.4 % (a report that rounded to four places first
    made it 0.1235, which rounds up again)."""
    from datetime import UTC, date, datetime

    from store import Database, quality
    from store.models import IngestBatch

    database = Database(sqlite_url)
    with database.transaction() as session:
        session.add(
            IngestBatch(
                source="asb",
                delivery_key="k",
                status="loaded",
                started_at=datetime(2021, 6, 1, tzinfo=UTC),
                received=100_000,
                loaded=12_349,
                quarantined=87_651,
                duplicates=0,
            )
        )
    with database.session() as session:
        result = quality.report(session, "asb", date(2000, 1, 1), date(2100, 1, 1))
    database.dispose()
    assert _figure(render_html(result, "en"), "validity") == "12.3%"
