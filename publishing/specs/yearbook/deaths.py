"""The yearbook's chapter: Deaths and mortality."""

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
    REGION_ROWS,
    SEXES,
    TERRITORY,
    YEARS,
    by_region,
)

DEATHS = Chapter(
    _T_("Өлүм", "Смертность", "Deaths and mortality"),
    (
        Section(
            _T_("Өлгөндөр", "Умершие", "Deaths"),
            (
                by_region(_T_("Өлгөндөр", "Число умерших", "Deaths"), "deaths"),
                by_region(
                    _T_(
                        "Өлүмдүн жалпы коэффициенти",
                        "Общий коэффициент смертности",
                        "Crude death rate",
                    ),
                    "crude_death_rate",
                ),
                Table(
                    _T_(
                        "Өлгөндөр өлүмдүн себептери боюнча (АЭК-10 класстары)",
                        "Умершие по причинам смерти (классы МКБ-10)",
                        "Deaths by cause (ICD-10 chapters)",
                    ),
                    sel("deaths", "ref"),
                    Dim("cause", total=True),
                    SEXES,
                    stub=_T_("Себеби", "Причина", "Cause"),
                ),
                Chart(
                    _T_(
                        "Төрөлүүнүн жана өлүмдүн жалпы коэффициенттери",
                        "Общие коэффициенты рождаемости и смертности",
                        "Crude birth and death rates",
                    ),
                    "line",
                    sel(),
                    YEARS,
                    Items((sel("crude_birth_rate"), sel("crude_death_rate"))),
                ),
                by_region(
                    _T_("Табигый өсүш", "Естественный прирост", "Natural increase"),
                    "natural_increase",
                ),
            ),
        ),
        Section(
            _T_("Ымыркайлардын өлүмү", "Младенческая смертность", "Infant mortality"),
            (
                by_region(
                    _T_(
                        "1 жашка чейин өлгөн балдар",
                        "Умершие в возрасте до 1 года",
                        "Deaths under age one",
                    ),
                    "infant_deaths",
                ),
                by_region(
                    _T_(
                        "Ымыркайлардын өлүмүнүн коэффициенти",
                        "Коэффициент младенческой смертности",
                        "Infant mortality rate",
                    ),
                    "infant_mortality_rate",
                ),
            ),
        ),
        Section(
            _T_(
                "Күтүлүүчү өмүрдүн узактыгы",
                "Ожидаемая продолжительность жизни",
                "Life expectancy",
            ),
            (
                Table(
                    _T_(
                        "Төрөлгөндөгү күтүлүүчү өмүрдүн узактыгы",
                        "Ожидаемая продолжительность жизни при рождении",
                        "Life expectancy at birth",
                    ),
                    sel("life_expectancy", "ref", age_lt="Y0"),
                    REGION_ROWS,
                    SEXES,
                    stub=TERRITORY,
                ),
                Table(
                    _T_(
                        "Жаш курагы боюнча күтүлүүчү өмүрдүн узактыгы",
                        "Ожидаемая продолжительность жизни по возрасту",
                        "Life expectancy by age",
                    ),
                    sel("life_expectancy", "ref"),
                    Dim("age_lt"),
                    SEXES,
                    stub=AGE,
                ),
            ),
        ),
    ),
)
