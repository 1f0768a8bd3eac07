"""The Ministry of Labour's report of foreign workers: the quota and actual employment, by
enterprise, country of citizenship and sex.

Why its own adapter: work permits for foreigners are issued against a yearly quota (25,000 in
2024, 42,000 in 2025) allocated to enterprises by country; the ministry's year-end table of
quota and actual employment is the only source of the number of foreign workers. Rows:
enterprise TIN, enterprise name, territory (СОАТЕ code or name), country (ISO code or name),
quota, employed men, employed women, and an optional employed total.

The TIN of an organisation (14 digits starting with 0) is public and kept. An individual
entrepreneur's TIN is the person's ПИН (starting with 1 or 2): it is moved to a field the
loader pseudonymises before anything else sees it, and the row keeps ``IE-`` and a prefix of
the keyed hash instead, so the same entrepreneur is still one enterprise.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from ingest.base import register
from ingest.paper import Column, PaperAdapter, PaperChecker, ReportSpec, register_spec
from store.models import ForeignWorkerReport

_TIN = re.compile(r"\d{14}")
SPEC = register_spec(
    ReportSpec(
        name="paper-workers",
        version=1,
        title={
            "ky": "Чет элдик жумушчулар: квота жана иш жүзүндөгү иштегендер",
            "ru": "Иностранные работники: квота и фактическая занятость",
            "en": "Foreign workers: quota and actual employment",
        },
        period="year",
        table=ForeignWorkerReport,
        parts=("employed_men", "employed_women"),
        columns=(
            Column(
                "enterprise_tin",
                {"ky": "Ишкананын СТН", "ru": "ИНН предприятия", "en": "Enterprise TIN"},
                aliases=("инн", "стн", "tin"),
                width=18,
            ),
            Column(
                "enterprise_name",
                {"ky": "Ишкананын аталышы", "ru": "Наименование предприятия", "en": "Enterprise"},
                aliases=("предприятие", "ишкана", "enterprise_name"),
                width=32,
            ),
            Column(
                "territory",
                {"ky": "Аймак (СОАТЕ)", "ru": "Территория (СОАТЕ)", "en": "Territory (SOATE)"},
                kind="territory",
                aliases=("территория", "аймак", "соате", "soate", "territory"),
                width=22,
            ),
            Column(
                "country",
                {"ky": "Жарандыгы", "ru": "Гражданство", "en": "Citizenship"},
                kind="country",
                aliases=("страна", "өлкө", "country"),
                width=20,
            ),
            Column("quota", {"ky": "Квота", "ru": "Квота", "en": "Quota"}, kind="count"),
            Column(
                "employed_men",
                {"ky": "Иштегендер, эркектер", "ru": "Работает, мужчины", "en": "Employed, men"},
                kind="count",
                aliases=("мужчины", "эркектер", "men"),
            ),
            Column(
                "employed_women",
                {"ky": "Иштегендер, аялдар", "ru": "Работает, женщины", "en": "Employed, women"},
                kind="count",
                aliases=("женщины", "аялдар", "women"),
            ),
            Column(
                "employed_total",
                {"ky": "Иштегендер, бардыгы", "ru": "Работает, всего", "en": "Employed, total"},
                kind="total",
                required=False,
                aliases=("всего", "бардыгы", "total"),
            ),
        ),
    )
)


@register
class PaperWorkers(PaperAdapter):
    """``flask ingest paper-workers --file quota-2024.xlsx``: the year's quota table."""

    name = "paper-workers"
    help = "Ministry of Labour: foreign workers' quota and employment (XLSX or CSV template)."
    spec = SPEC
    identifiers: ClassVar[dict[str, str]] = {"enterprise_pin": "pin"}

    def prepare(self, values: dict[str, str]) -> dict[str, str]:
        tin = "".join(values.get("enterprise_tin", "").split())
        if _TIN.fullmatch(tin) and not tin.startswith("0"):  # a person's ПИН
            return {**values, "enterprise_tin": "", "enterprise_pin": tin}
        return values

    def cells(
        self, check: PaperChecker, data: dict[str, Any]
    ) -> tuple[dict[str, Any], tuple[Any, ...]] | None:
        person = data.get("enterprise_pin")
        if person:
            tin: str | None = f"IE-{str(person)[:17]}"
        else:
            tin = check.text("enterprise_tin", max_length=20)
            if tin is not None and not _TIN.fullmatch(tin):
                check.fail("INVALID_VALUE", "enterprise_tin", "not 14 digits")
        name = check.text("enterprise_name", max_length=300)
        territory = check.place_territory("territory", "paper-territory")
        country = check.place_country("country", "paper-country")
        if None in (tin, name, territory, country):
            return None
        row = {
            "enterprise_tin": tin,
            "enterprise_name": name,
            "territory": territory,
            "country": country,
        }
        return row, (tin, country)
