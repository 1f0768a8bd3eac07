"""What a data request asks for: one canonical, JSON-able description of a custom table.

Kept apart from :mod:`exports.tables` (which builds tables, from the microdata too) so that
the API can check and store a request without importing anything that computes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

COUNTRY = "417"
SOURCES = ("release", "microdata")
#: Indicators a custom table from the microdata can count, and the breakdowns it may use.
#: (Border-based long-term migrants come from the crossings microdata: no territory, no
#: reason, but the declared purpose of the trip.)
MICRODATA_BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "mig_arrivals": ("soate", "sex", "age5", "reason", "migration_type"),
    "mig_departures": ("soate", "sex", "age5", "reason", "migration_type"),
    "border_lt_emigrants": ("sex", "age_social", "purpose"),
    "border_lt_immigrants": ("sex", "age_social", "purpose"),
    # Survey estimates of household members abroad (the LFS migration module): weighted, with
    # standard errors; ``soate`` is the oblast or city of the household (never a district).
    "lfs_residents_abroad": (
        "sex",
        "age_social",
        "country",
        "country_group",
        "duration_abroad",
        "purpose_abroad",
        "soate",
    ),
}
#: Microdata indicators estimated from a sample survey (not counted): no territory but the
#: whole country (the oblast is a breakdown), and the survey's disclosure rules.
SURVEY_INDICATORS = ("lfs_residents_abroad",)
MICRODATA_INDICATORS = tuple(MICRODATA_BREAKDOWNS)
BREAKDOWNS = tuple(dict.fromkeys(b for bs in MICRODATA_BREAKDOWNS.values() for b in bs))


class TableError(ValueError):
    """A table that cannot be made as asked (unknown indicator, breakdown, period, …)."""


@dataclass(frozen=True)
class TableSpec:
    """What a request asks for, in one canonical, JSON-able shape."""

    source: str
    indicator: str
    periods: tuple[str, ...]
    breakdowns: tuple[str, ...] = ()
    territory: str = COUNTRY
    release: str | None = None
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TableSpec:
        return cls(
            source=str(data["source"]),
            indicator=str(data["indicator"]),
            periods=tuple(str(p) for p in data["periods"]),
            breakdowns=tuple(data.get("breakdowns") or ()),
            territory=str(data.get("territory") or COUNTRY),
            release=data.get("release"),
            where={k: tuple(v) for k, v in (data.get("where") or {}).items()},
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "indicator": self.indicator,
            "periods": list(self.periods),
            "breakdowns": list(self.breakdowns),
            "territory": self.territory,
            "release": self.release,
            "where": {k: list(v) for k, v in self.where.items()},
        }
