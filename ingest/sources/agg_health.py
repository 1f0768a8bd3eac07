"""The Ministry of Health's tables by sex: new cases of disease by ICD-10 chapter, new HIV
and tuberculosis registrations and persons with disabilities by age, abortions by age.

Why an aggregate source: the ministry's information centre compiles the registrations of
health facilities into yearly tables (about 5,000 new tuberculosis and 1,000 new HIV cases,
200 thousand persons with disabilities, 20 thousand abortions) and sends those. Abortions
concern women only: a value for men is refused. The rows are checked by
:mod:`ingest.aggregate`; this module only declares the measures.
"""

from __future__ import annotations

from ingest.aggregate import AggregateAdapter, Measure, aggregate_spec
from ingest.base import register
from ingest.paper import register_spec

MEASURES = (
    Measure(
        "morbidity",
        {"ky": "Биринчи жолу аныкталган оорулар", "ru": "Заболеваемость (впервые выявленные "
         "случаи)", "en": "Morbidity (new cases registered)"},
        "cases", codelist="icd10_chapter", maximum=10_000_000,
    ),
    Measure(
        "hiv_new",
        {"ky": "ВИЧ-инфекциясынын жаңы катталган учурлары",
         "ru": "Впервые зарегистрированные случаи ВИЧ-инфекции",
         "en": "New HIV registrations"},
        "persons", codelist="age_social", maximum=50_000,
    ),
    Measure(
        "tb_new",
        {"ky": "Кургак учуктун жаңы учурлары", "ru": "Впервые выявленные случаи туберкулёза",
         "en": "New tuberculosis cases"},
        "persons", codelist="age_social", maximum=100_000,
    ),
    Measure(
        "disability",
        {"ky": "Ден соолугунун мүмкүнчүлүгү чектелген адамдар",
         "ru": "Лица с ограниченными возможностями здоровья",
         "en": "Persons with disabilities"},
        "persons", codelist="age_social", maximum=2_000_000,
    ),
    Measure(
        "abortions",
        {"ky": "Бойдон алдыруулар", "ru": "Аборты", "en": "Abortions"},
        "cases", codelist="age_social",
        categories=("_T", "Y0T14", "Y15T24", "Y25T34", "Y35T44", "Y45T54"), women_only=True,
        maximum=200_000,
    ),
)  # fmt: skip
SPEC = register_spec(
    aggregate_spec(
        "agg-health",
        {
            "ky": "Саламаттык: оорулар, ВИЧ, кургак учук, майыптык жана бойдон алдыруулар, "
            "жынысы боюнча",
            "ru": "Здоровье: заболеваемость, ВИЧ, туберкулёз, инвалидность и аборты по полу",
            "en": "Health: morbidity, HIV, tuberculosis, disability and abortions by sex",
        },
        MEASURES,
    )
)


@register
class Health(AggregateAdapter):
    """``flask ingest agg-health --file health-2024.xlsx``: one year's tables."""

    name = "agg-health"
    help = "Ministry of Health: morbidity, HIV, TB, disability, abortions by sex (XLSX or CSV)."
    spec = SPEC
