"""Women and Men, chapter: incomes and poverty — poverty by sex of the household head
(household budget survey, with standard errors), pensioners and pensions (the Social Fund)."""

from __future__ import annotations

from publishing.spec import Chapter, Chart, Dim, Items, Section, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    COUNTS,
    FULL,
    PAIR,
    SURVEY_NOTE,
    WOMEN_PER_100_MEN,
    by_sex,
    with_errors,
)

PENSION = _T_("Пенсиянын түрү", "Вид пенсии", "Kind of pension")
HEADS = (
    sel(head_sex="M", label=_T_("Башчысы эркек", "Глава — мужчина", "Head: man")),
    sel(head_sex="F", label=_T_("Башчысы аял", "Глава — женщина", "Head: woman")),
    sel(head_sex="_T", label=_T_("Бардык үй чарбалар", "Все домохозяйства", "All households")),
)

INCOME = Chapter(
    _T_("Киреше жана жакырчылык", "Доходы и бедность", "Incomes and poverty"),
    (
        Section(
            _T_("Жакырчылык", "Бедность", "Poverty"),
            (
                Table(
                    _T_(
                        "Жакырчылыктын деңгээли үй чарбасынын башчысынын жынысы боюнча",
                        "Уровень бедности по полу главы домохозяйства",
                        "Poverty rate by sex of the household head",
                    ),
                    sel("poverty_rate", "last"),
                    Dim("urban_rural", total=True),
                    with_errors("poverty_rate", HEADS),
                    stub=_T_("Жер", "Местность", "Area"),
                    note=_T_(
                        "Жакыр үй чарбаларында жашагандардын үлүшү, % (үй чарбаларынын "
                        "бюджеттерин изилдөө). " + SURVEY_NOTE.ky,
                        "Доля населения, живущего в бедных домохозяйствах, % (обследование "
                        "бюджетов домашних хозяйств). " + SURVEY_NOTE.ru,
                        "Share of people living in poor households, % (household budget "
                        "survey). " + SURVEY_NOTE.en,
                    ),
                ),
                Chart(
                    _T_(
                        "Жакырчылыктын деңгээли үй чарбасынын башчысынын жынысы боюнча",
                        "Уровень бедности по полу главы домохозяйства",
                        "Poverty rate by sex of the household head",
                    ),
                    "bar",
                    sel("poverty_rate", "last"),
                    Dim("urban_rural", total=True),
                    Items(HEADS[:2]),
                ),
            ),
        ),
        Section(
            _T_("Пенсиялар", "Пенсии", "Pensions"),
            (
                by_sex(
                    _T_(
                        "Пенсионерлер пенсиянын түрү жана жынысы боюнча",
                        "Пенсионеры по видам пенсий и полу",
                        "Pensioners by kind of pension and sex",
                    ),
                    "pensioners",
                    Dim("pension_type", total=True),
                    Items((*FULL.items, WOMEN_PER_100_MEN)),
                    PENSION,
                    "last",
                ),
                Table(
                    _T_(
                        "Пенсиянын орточо өлчөмү түрү жана жынысы боюнча",
                        "Средний размер пенсии по видам и полу",
                        "Average pension by kind and sex",
                    ),
                    sel("average_pension", "last"),
                    Dim("pension_type", total=True),
                    Items((*COUNTS.items[:2], FULL.items[0])),
                    stub=PENSION,
                ),
                Chart(
                    _T_(
                        "Пенсиянын орточо өлчөмү жынысы боюнча",
                        "Средний размер пенсии по полу",
                        "Average pension by sex",
                    ),
                    "barh",
                    sel("average_pension", "last"),
                    Dim("pension_type", total=True),
                    PAIR,
                ),
            ),
        ),
    ),
)
