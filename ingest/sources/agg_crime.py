"""The Ministry of Internal Affairs' tables by sex: victims and offenders of registered
offences by group of offence, and protection orders issued for domestic violence (by sex of
the protected person).

Why an aggregate source: the ministry's information centre sends yearly tables of its
register of offences (some 20 thousand victims, 10 thousand protection orders, nine in ten
for women). The rows are checked by :mod:`ingest.aggregate`; this module only declares the
measures.
"""

from __future__ import annotations

from ingest.aggregate import AggregateAdapter, Measure, aggregate_spec
from ingest.base import register
from ingest.paper import register_spec

MEASURES = (
    Measure(
        "crime_victims",
        {"ky": "Кылмыштардан жабыр тарткандар", "ru": "Потерпевшие от преступлений",
         "en": "Victims of registered offences"},
        "persons", codelist="offence_category",
        categories=("_T", "HOMICIDE", "BODILY_HARM", "SEXUAL", "ROBBERY", "THEFT", "FRAUD",
                    "FAMILY", "OTHER"),  # a drug offence has no victim
        maximum=500_000,
    ),
    Measure(
        "offenders",
        {"ky": "Кылмыш жасаган адамдар", "ru": "Лица, совершившие преступления",
         "en": "Offenders"},
        "persons", codelist="offence_category", maximum=500_000,
    ),
    Measure(
        "protection_orders",
        {"ky": "Үй-бүлөлүк зомбулуктан коргоо ордерлери",
         "ru": "Охранные ордера по семейному насилию",
         "en": "Domestic-violence protection orders"},
        "cases", maximum=200_000,
    ),
)  # fmt: skip
SPEC = register_spec(
    aggregate_spec(
        "agg-crime",
        {
            "ky": "Кылмыштуулук жана зомбулук: жабыр тарткандар, кылмыш жасагандар жана "
            "коргоо ордерлери, жынысы боюнча",
            "ru": "Преступность и насилие: потерпевшие, правонарушители и охранные ордера по полу",
            "en": "Crime and violence: victims, offenders and protection orders by sex",
        },
        MEASURES,
    )
)


@register
class Crime(AggregateAdapter):
    """``flask ingest agg-crime --file crime-2024.xlsx``: one year's tables."""

    name = "agg-crime"
    help = "Ministry of Internal Affairs: victims, offenders, protection orders by sex (XLSX/CSV)."
    spec = SPEC
