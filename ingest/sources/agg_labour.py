"""The NSC's labour statistics by sex: the labour force survey's activity, employment and
unemployment rates by age and its employed by economic activity and occupation (estimates
with standard errors), and the enterprise survey's average monthly wage by activity.

Why an aggregate source: the survey's microdata stay with the NSC's labour department; the
dissemination receives its published tables, each estimate with its standard error where the
survey gives one. The wage is a census of enterprises, so it has none. The rows are checked by
:mod:`ingest.aggregate`; this module only declares the measures.
"""

from __future__ import annotations

from ingest.aggregate import AggregateAdapter, Measure, aggregate_spec
from ingest.base import register
from ingest.paper import register_spec

AGES = ("_T", "Y15T24", "Y25T34", "Y35T44", "Y45T54", "Y55T64", "Y_GE65")  # the survey's 15+


def _rate(code: str, ky: str, ru: str, en: str, maximum: float = 100.0) -> Measure:
    return Measure(
        code, {"ky": ky, "ru": ru, "en": en}, "percent", kind="rate", codelist="age_social",
        categories=AGES, survey=True, maximum=maximum, precision=0.1,
    )  # fmt: skip


MEASURES = (
    _rate("activity_rate", "Экономикалык активдүүлүктүн деңгээли",
          "Уровень экономической активности", "Activity rate"),
    _rate("employment_rate", "Иш менен камсыз болуунун деңгээли", "Уровень занятости",
          "Employment rate"),
    _rate("unemployment_rate", "Жумушсуздуктун деңгээли", "Уровень безработицы",
          "Unemployment rate", maximum=60.0),
    Measure(
        "employed_by_activity",
        {"ky": "Иш менен камсыз болгон калк, экономикалык иштин түрлөрү боюнча",
         "ru": "Занятое население по видам экономической деятельности",
         "en": "Employed persons by economic activity"},
        "thousand_persons", codelist="economic_activity", survey=True, maximum=5_000,
        precision=0.1,
    ),
    Measure(
        "employed_by_occupation",
        {"ky": "Иш менен камсыз болгон калк, кесиптер боюнча",
         "ru": "Занятое население по занятиям", "en": "Employed persons by occupation"},
        "thousand_persons", codelist="occupation", survey=True, maximum=5_000, precision=0.1,
    ),
    Measure(
        "average_wage",
        {"ky": "Орточо айлык эмгек акы", "ru": "Среднемесячная заработная плата",
         "en": "Average monthly wage"},
        "som_per_month", kind="amount", codelist="economic_activity", minimum=1_000,
        maximum=1_000_000,
    ),
)  # fmt: skip
SPEC = register_spec(
    aggregate_spec(
        "agg-labour",
        {
            "ky": "Эмгек: экономикалык активдүүлүк, иш менен камсыз болуу, жумушсуздук жана "
            "эмгек акы, жынысы боюнча",
            "ru": "Труд: экономическая активность, занятость, безработица и заработная плата "
            "по полу",
            "en": "Labour: activity, employment, unemployment and wages by sex",
        },
        MEASURES,
    )
)


@register
class Labour(AggregateAdapter):
    """``flask ingest agg-labour --file labour-2024.csv``: one year's survey tables."""

    name = "agg-labour"
    help = "NSC labour force and wage surveys: rates, employment, wages by sex (XLSX or CSV)."
    spec = SPEC
