"""Dates and times as every page shows them: in the language's CLDR form, in Bishkek time.

Kyrgyzstan keeps UTC+6 all year (no daylight saving), so a fixed offset is exact and needs
no time-zone database. An embargo time is shown with its zone named, so that a reader abroad
is not misled.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from babel.dates import format_date, format_datetime

from l10n import current_language
from l10n import lazy_gettext as _l

BISHKEK = timezone(timedelta(hours=6))
ZONE = _l("Bishkek time")


def day(value: date | datetime) -> str:
    """A date in full (``12 March 2026`` / ``12 марта 2026 г.``)."""
    if isinstance(value, datetime):
        value = _aware(value).astimezone(BISHKEK).date()
    return str(format_date(value, "long", locale=current_language()))


def moment(value: datetime) -> str:
    """A date and time in Bishkek, with the zone named (an embargo time, say)."""
    local = _aware(value).astimezone(BISHKEK)
    text = format_datetime(local, "medium", tzinfo=BISHKEK, locale=current_language())
    return f"{text} ({ZONE})"


def _aware(value: datetime) -> datetime:
    """Stored times are UTC; SQLite gives them back without a zone."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
