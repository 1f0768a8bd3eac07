"""The yearbook's chapter on the other migration sources: departmental reports,
household books, the Border Service."""

from __future__ import annotations

from publishing.spec import (
    Chapter,
    Dim,
    Items,
    Paragraph,
    Section,
    Table,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    COUNTRY,
    REGION_ROWS,
    SEXES,
    TERRITORY,
    by_country,
)

OTHER_SOURCES = Chapter(
    _T_(
        "Миграциянын башка булактары",
        "Другие источники о миграции",
        "Other migration sources",
    ),
    (
        Section(
            _T_(
                "Чет элдик жумушчулар, студенттер, качкындар, чек арадан өтүүлөр",
                "Иностранные работники, студенты, беженцы, пересечения границы",
                "Foreign workers, students, refugees, border crossings",
            ),
            (
                Paragraph(
                    _T_(
                        "Бул бөлүмдүн маалыматтары ведомстволук отчеттордон, үй чарба "
                        "китептеринен жана чек ара кызматынан алынат. Таблицалар релизде "
                        "тиешелүү көрсөткүчтөр болгондо гана толтурулат; алар жок болсо, бул "
                        "ачык көрсөтүлөт.",
                        "Данные раздела получены из ведомственных отчётов, похозяйственных "
                        "книг и от Пограничной службы. Таблицы заполняются только тогда, "
                        "когда выпуск содержит соответствующие показатели; если их нет, это "
                        "сказано прямо.",
                        "The data of this chapter come from departmental reports, household "
                        "books and the Border Service. A table is filled only where the "
                        "release holds its indicator; where it does not, the table says so "
                        "plainly.",
                    )
                ),
                by_country(
                    _T_(
                        "Чет элдик жумушчулар (иштеп жаткандар), жарандыгы боюнча",
                        "Иностранные работники (работающие), по гражданству",
                        "Foreign workers (employed), by citizenship",
                    ),
                    "foreign_workers",
                ),
                Table(
                    _T_(
                        "Чет элдик жумушчу күчүнө квота, өлкөлөр боюнча",
                        "Квота на иностранную рабочую силу по странам",
                        "Quota for foreign workers, by country",
                    ),
                    sel("foreign_workers_quota", "last"),
                    Dim("country", total=True),
                    Items((sel(label=_T_("Квота", "Квота", "Quota")),)),
                    stub=COUNTRY,
                    drop_empty=True,
                    sort_by_value=True,
                ),
                by_country(
                    _T_(
                        "Чет элдик студенттер, жарандыгы боюнча",
                        "Иностранные студенты по гражданству",
                        "Foreign students by citizenship",
                    ),
                    "foreign_students",
                ),
                Table(
                    _T_(
                        "Качкындар жана башпаана издегендер, статусу боюнча",
                        "Беженцы и лица, ищущие убежища, по статусу",
                        "Refugees and asylum seekers by status",
                    ),
                    sel("refugees", "last"),
                    Dim("refugee_status", total=True),
                    SEXES,
                    stub=_T_("Статусу", "Статус", "Status"),
                ),
                Table(
                    _T_(
                        "Мамлекеттик чек арадан өтүүлөр, сапардын максаты боюнча",
                        "Пересечения государственной границы по цели поездки",
                        "Border crossings by purpose of the trip",
                    ),
                    sel("border_crossings", "last"),
                    Dim("purpose", total=True),
                    Items(
                        (
                            sel(direction="_T", label=_T_("Бардыгы", "Всего", "Total")),
                            sel(direction="ENTRY", label=_T_("Кирүү", "Въезд", "Entry")),
                            sel(direction="EXIT", label=_T_("Чыгуу", "Выезд", "Exit")),
                        )
                    ),
                    stub=_T_("Максаты", "Цель", "Purpose"),
                ),
                Table(
                    _T_(
                        "Чет өлкөдө жүргөн калк (үй чарба китептери боюнча)",
                        "Население, находящееся за рубежом (по похозяйственным книгам)",
                        "Population staying abroad (household books)",
                    ),
                    sel("absent_population", "last"),
                    REGION_ROWS,
                    SEXES,
                    stub=TERRITORY,
                ),
            ),
        ),
    ),
)
