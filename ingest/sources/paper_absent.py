"""Local governments' paper report of the absent population: who of the permanent population
is away, where to and why, by territory and sex.

Why its own adapter: ayil okmotus and city halls that do not yet export Sanarip Aimak books
still count the absent on paper, as of a date (usually 1 January); these counts are the only
figure for their territories. Rows: territory (СОАТЕ code of the ayil aimak or the unit's
name), destination (a country, or the Kyrgyz Republic itself for those elsewhere in the
country), reason (a ``migration_reason`` code), men, women, and an optional total. The
template, the file-level checks and the row rules are those of :mod:`ingest.paper`.
"""

from __future__ import annotations

from typing import Any

from ingest.base import register
from ingest.paper import BY_SEX, Column, PaperAdapter, PaperChecker, ReportSpec, register_spec
from store.models import AbsentPopulationReport

REASON = Column(
    "reason",
    {"ky": "Себеби", "ru": "Причина отсутствия", "en": "Reason for absence"},
    kind="choice",
    choices={
        "WORK": {"ky": "Иш", "ru": "Работа", "en": "Work"},
        "STUDY": {"ky": "Окуу", "ru": "Учёба", "en": "Study"},
        "FAMILY": {"ky": "Үй-бүлө", "ru": "Семья", "en": "Family"},
        "OTHER": {"ky": "Башка", "ru": "Другое", "en": "Other"},
        "NOT_STATED": {"ky": "Көрсөтүлгөн эмес", "ru": "Не указана", "en": "Not stated"},
    },
    aliases=("причина",),
    width=18,
)
SPEC = register_spec(
    ReportSpec(
        name="paper-absent",
        version=1,
        title={
            "ky": "Туруктуу калктын убактылуу жок болгондору",
            "ru": "Временно отсутствующее постоянное население",
            "en": "Absent permanent population",
        },
        period="date",
        table=AbsentPopulationReport,
        columns=(
            Column(
                "territory",
                {"ky": "Аймак (СОАТЕ)", "ru": "Территория (СОАТЕ)", "en": "Territory (SOATE)"},
                kind="territory",
                aliases=("территория", "аймак", "соате", "soate", "territory"),
                width=24,
            ),
            Column(
                "destination",
                {"ky": "Кайда кеткен", "ru": "Место пребывания", "en": "Destination"},
                kind="country",
                aliases=("страна_пребывания", "destination_country"),
                width=22,
            ),
            REASON,
            *BY_SEX,
        ),
    )
)


@register
class PaperAbsent(PaperAdapter):
    """``flask ingest paper-absent --file report.xlsx``: one local government's report."""

    name = "paper-absent"
    help = "Local government's paper report of the absent population (XLSX or CSV template)."
    spec = SPEC

    def cells(
        self, check: PaperChecker, data: dict[str, Any]
    ) -> tuple[dict[str, Any], tuple[Any, ...]] | None:
        raw = check.text("territory", max_length=80)
        territory = check.place_territory("territory", "paper-territory")
        destination = check.place_country("destination", "paper-country")
        reason = check.pick(REASON)
        if None in (raw, territory, destination, reason):
            return None
        row = {
            "territory": territory,
            "territory_raw": str(raw)[:20],
            "destination_country": destination,
            "reason": reason,
        }
        return row, (territory, raw, destination, reason)
