"""Incomes and poverty by sex: the household budget survey's poverty rate by sex of the
household head (an estimate with its standard error) and the Social Fund's pensioners and
average pension by kind of pension.

Why an aggregate source: both arrive as published tables. For the poverty rate the columns
for men and women hold the rates of households headed by a man and by a woman (the
measure's definition says so); the Social Fund's figures are a register, without errors.
The rows are checked by :mod:`ingest.aggregate`; this module only declares the measures.
"""

from __future__ import annotations

from ingest.aggregate import AggregateAdapter, Measure, aggregate_spec
from ingest.base import register
from ingest.paper import register_spec

MEASURES = (
    Measure(
        "poverty_rate",
        {"ky": "Жакырчылыктын деңгээли (үй чарбасынын башчысынын жынысы боюнча)",
         "ru": "Уровень бедности (по полу главы домохозяйства)",
         "en": "Poverty rate (by sex of the household head)"},
        "percent", kind="rate", codelist="urban_rural", survey=True, maximum=90,
        precision=0.1,
    ),
    Measure(
        "pensioners",
        {"ky": "Пенсионерлер", "ru": "Численность пенсионеров", "en": "Pensioners"},
        "persons", codelist="pension_type", maximum=3_000_000,
    ),
    Measure(
        "average_pension",
        {"ky": "Пенсиянын орточо өлчөмү", "ru": "Средний размер пенсии",
         "en": "Average pension"},
        "som_per_month", kind="amount", codelist="pension_type", minimum=500,
        maximum=200_000,
    ),
)  # fmt: skip
SPEC = register_spec(
    aggregate_spec(
        "agg-income",
        {
            "ky": "Кирешелер жана жакырчылык: жакырчылыктын деңгээли жана пенсиялар, жынысы боюнча",
            "ru": "Доходы и бедность: уровень бедности и пенсии по полу",
            "en": "Incomes and poverty: poverty rate and pensions by sex",
        },
        MEASURES,
    )
)


@register
class Income(AggregateAdapter):
    """``flask ingest agg-income --file income-2024.xlsx``: one year's tables."""

    name = "agg-income"
    help = "Household budget survey and Social Fund: poverty and pensions by sex (XLSX or CSV)."
    spec = SPEC
