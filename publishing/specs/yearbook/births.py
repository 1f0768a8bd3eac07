"""The yearbook's chapter: Births and fertility."""

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
    REGION_ROWS,
    YEARS,
    by_region,
)

BIRTHS = Chapter(
    _T_("Төрөлүү", "Рождаемость", "Births and fertility"),
    (
        Section(
            _T_("Төрөлгөндөр", "Родившиеся", "Live births"),
            (
                by_region(
                    _T_("Тирүү төрөлгөндөр", "Число родившихся живыми", "Live births"), "births"
                ),
                by_region(
                    _T_(
                        "Төрөлүүнүн жалпы коэффициенти",
                        "Общий коэффициент рождаемости",
                        "Crude birth rate",
                    ),
                    "crude_birth_rate",
                ),
                Table(
                    _T_(
                        "Төрөлгөндөр энесинин жаш курагы боюнча",
                        "Родившиеся по возрасту матери",
                        "Live births by age of mother",
                    ),
                    sel("births"),
                    Dim("mother_age", level="group,open", total=True),
                    YEARS,
                    stub=_T_("Энесинин жашы", "Возраст матери", "Age of mother"),
                    drop_empty=True,
                ),
                Table(
                    _T_(
                        "Төрөлгөндөр төрөт кезеги боюнча",
                        "Родившиеся по очерёдности рождения",
                        "Live births by birth order",
                    ),
                    sel("births"),
                    Dim("birth_order", total=True),
                    YEARS,
                    stub=_T_("Төрөт кезеги", "Очерёдность", "Birth order"),
                ),
            ),
        ),
        Section(
            _T_("Төрөттүүлүк", "Плодовитость", "Fertility"),
            (
                Table(
                    _T_(
                        "Төрөлүүнүн жаш курак боюнча коэффициенттери",
                        "Возрастные коэффициенты рождаемости",
                        "Age-specific fertility rates",
                    ),
                    sel("asfr"),
                    Dim(
                        "mother_age",
                        ("Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44", "Y45T49"),
                    ),
                    YEARS,
                    stub=_T_("Энесинин жашы", "Возраст матери", "Age of mother"),
                ),
                by_region(
                    _T_(
                        "Төрөлүүнүн суммардык коэффициенти",
                        "Суммарный коэффициент рождаемости",
                        "Total fertility rate",
                    ),
                    "tfr",
                ),
                Chart(
                    _T_(
                        "Төрөлүүнүн суммардык коэффициенти",
                        "Суммарный коэффициент рождаемости",
                        "Total fertility rate",
                    ),
                    "bar",
                    sel("tfr", "ref"),
                    REGION_ROWS,
                    Items((sel(label=_T_("СКР", "СКР", "TFR")),)),
                ),
            ),
        ),
    ),
)
