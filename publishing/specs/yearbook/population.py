"""The yearbook's chapter: Population: size, urban and rural, structure by sex and age."""

from __future__ import annotations

from publishing.spec import (
    Chapter,
    Chart,
    Dim,
    Items,
    Section,
    Table,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    AGE,
    AGE_PYRAMID,
    REGION_ROWS,
    SEXES,
    TERRITORY,
    YEARS,
    by_region,
)

POPULATION = Chapter(
    _T_("Калк", "Население", "Population"),
    (
        Section(
            _T_("Калктын саны", "Численность населения", "Population size"),
            (
                by_region(
                    _T_(
                        "1-январга карата туруктуу калктын саны",
                        "Численность постоянного населения на 1 января",
                        "Resident population on 1 January",
                    ),
                    "pop_jan1",
                ),
                Table(
                    _T_(
                        "Шаар жана айыл калкы, 1-январга карата",
                        "Городское и сельское население на 1 января",
                        "Urban and rural population on 1 January",
                    ),
                    sel("pop_jan1", "ref"),
                    REGION_ROWS,
                    Items(
                        (
                            sel(urban_rural="_T", label=_T_("Бардыгы", "Всего", "Total")),
                            sel(urban_rural="U", label=_T_("Шаар", "Городское", "Urban")),
                            sel(urban_rural="R", label=_T_("Айыл", "Сельское", "Rural")),
                        )
                    ),
                    stub=TERRITORY,
                ),
                by_region(
                    _T_(
                        "Калктын орточо жылдык саны",
                        "Среднегодовая численность населения",
                        "Annual average population",
                    ),
                    "pop_avg",
                ),
                Chart(
                    _T_(
                        "1-январга карата калктын саны",
                        "Численность населения на 1 января",
                        "Population on 1 January",
                    ),
                    "line",
                    sel("pop_jan1"),
                    YEARS,
                    Items((sel(label=_T_("Калк", "Население", "Population")),)),
                ),
            ),
        ),
        Section(
            _T_("Калктын түзүмү", "Состав населения", "Population structure"),
            (
                Table(
                    _T_(
                        "Калктын жынысы жана жаш курагы боюнча саны, 1-январга карата",
                        "Численность населения по полу и возрасту на 1 января",
                        "Population by sex and age on 1 January",
                    ),
                    sel("pop_jan1", "ref"),
                    Dim("age5", total=True),
                    SEXES,
                    stub=AGE,
                ),
                AGE_PYRAMID,
            ),
        ),
    ),
)
