"""Women and Men, chapter 4: migration by sex — internal moves, emigrants and immigrants by
age, reason, country and citizenship, foreign workers and students, refugees, the absent
population."""

from __future__ import annotations

from publishing.spec import Chapter, Chart, Dim, Items, Section, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    AGE,
    AGE_GROUPS,
    BOTH,
    COUNTS,
    FULL,
    INDICATOR,
    MEN,
    PAIR,
    WOMEN,
    WOMEN_PER_100_MEN,
    YEARS,
    by_sex,
    over_years,
)
from publishing.specs.yearbook.common import COUNTRY, by_country
from publishing.specs.yearbook.external_migration import CITIZENSHIP, EMIGRANTS, IMMIGRANTS
from publishing.specs.yearbook.nationality import NATIONALITY, NATIONALITY_ROWS

REASON = _T_("Себеби", "Причина", "Reason")
ARRIVALS = _T_("Келгендер", "Прибывшие", "Arrivals")
DEPARTURES = _T_("Кеткендер", "Выбывшие", "Departures")


def _flows(first: str, first_label: _T_, second: str, second_label: _T_) -> Items:
    """Two flows by sex: "Arrivals, men", "Arrivals, women", "Departures, men", …"""
    items = []
    for indicator, who in ((first, first_label), (second, second_label)):
        for where in (MEN, WOMEN):
            assert where.label is not None
            label = _T_(
                *(
                    f"{who.get(lang)}: {where.label.get(lang).lower()}"
                    for lang in ("ky", "ru", "en")
                )
            )
            items.append(sel(indicator, label=label, **dict(where.dims)))
    return Items(tuple(items))


INTERNAL_BY_SEX = _flows("mig_arrivals", ARRIVALS, "mig_departures", DEPARTURES)
EXTERNAL_BY_SEX = _flows("mig_arrivals", IMMIGRANTS, "mig_departures", EMIGRANTS)
AREA = {"U": _T_("шаар", "город", "urban"), "R": _T_("айыл", "село", "rural")}
PEOPLE = Items((*FULL.items, WOMEN_PER_100_MEN))

MIGRATION = Chapter(
    _T_("Миграция", "Миграция", "Migration"),
    (
        Section(
            _T_("Ички миграция", "Внутренняя миграция", "Internal migration"),
            (
                by_sex(
                    _T_(
                        "Облустар аралык миграция: келгендер",
                        "Межобластная миграция: прибывшие",
                        "Migration between oblasts: arrivals",
                    ),
                    "mig_arrivals",
                    migration_type="between_oblasts",
                ),
                by_sex(
                    _T_(
                        "Облустар аралык миграция: кеткендер",
                        "Межобластная миграция: выбывшие",
                        "Migration between oblasts: departures",
                    ),
                    "mig_departures",
                    migration_type="between_oblasts",
                ),
                by_sex(
                    _T_(
                        "Облустун ичиндеги миграция: келгендер",
                        "Внутриобластная миграция: прибывшие",
                        "Migration within oblasts: arrivals",
                    ),
                    "mig_arrivals",
                    migration_type="within_oblast",
                ),
                by_sex(
                    _T_(
                        "Миграциялык сальдо жынысы боюнча (облустар аралык)",
                        "Миграционный прирост по полу (межобластная миграция)",
                        "Net migration by sex (between oblasts)",
                    ),
                    "mig_net",
                    cols=Items((BOTH, MEN, WOMEN)),
                    migration_type="between_oblasts",
                ),
                Table(
                    _T_(
                        "Ички мигранттар жынысы жана жаш курагы боюнча",
                        "Внутренние мигранты по полу и возрасту",
                        "Internal migrants by sex and age",
                    ),
                    sel(period="ref", migration_type="between_oblasts", soate="417"),
                    AGE_GROUPS,
                    INTERNAL_BY_SEX,
                    stub=AGE,
                    note=_T_(
                        "Облустар аралык миграция.",
                        "Межобластная миграция.",
                        "Migration between oblasts.",
                    ),
                ),
                by_sex(
                    _T_(
                        "Келгендер көчүүнүн себептери жана жынысы боюнча",
                        "Прибывшие по причинам переезда и полу",
                        "Arrivals by reason for moving and sex",
                    ),
                    "mig_arrivals",
                    Dim("reason", total=True),
                    PEOPLE,
                    REASON,
                    migration_type="_T",
                ),
                Chart(
                    _T_(
                        "Келгендер көчүүнүн себептери жана жынысы боюнча",
                        "Прибывшие по причинам переезда и полу",
                        "Arrivals by reason for moving and sex",
                    ),
                    "barh",
                    sel("mig_arrivals", "ref", migration_type="_T"),
                    Dim("reason", ("WORK", "STUDY", "FAMILY", "RETURN", "HOUSING", "OTHER")),
                    PAIR,
                ),
                Table(
                    _T_(
                        "Шаар менен айылдын ортосундагы көчүүлөр жынысы боюнча",
                        "Переезды между городом и селом по полу",
                        "Moves between urban and rural areas by sex",
                    ),
                    sel("mig_urban_rural", "ref", migration_type="_T"),
                    Items(
                        tuple(
                            sel(
                                origin_settlement=o,
                                destination_settlement=d,
                                label=_T_(
                                    *(
                                        f"{AREA[o].get(lang)} → {AREA[d].get(lang)}"
                                        for lang in ("ky", "ru", "en")
                                    )
                                ),
                            )
                            for o in ("U", "R")
                            for d in ("U", "R")
                        )
                    ),
                    PEOPLE,
                    stub=_T_("Көчүү", "Переезд", "Move"),
                ),
            ),
        ),
        Section(
            _T_("Тышкы миграция", "Внешняя миграция", "External migration"),
            (
                Table(
                    _T_(
                        "Эмигранттар жана иммигранттар жынысы боюнча",
                        "Эмигранты и иммигранты по полу",
                        "Emigrants and immigrants by sex",
                    ),
                    sel(period="ref"),
                    Items((sel("emigrants"), sel("immigrants"))),
                    PEOPLE,
                    stub=INDICATOR,
                ),
                over_years(
                    _T_("Эмигранттар жынысы боюнча", "Эмигранты по полу", "Emigrants by sex"),
                    "emigrants",
                    PEOPLE,
                ),
                over_years(
                    _T_(
                        "Иммигранттар жынысы боюнча",
                        "Иммигранты по полу",
                        "Immigrants by sex",
                    ),
                    "immigrants",
                    PEOPLE,
                ),
                Chart(
                    _T_("Эмигранттар жынысы боюнча", "Эмигранты по полу", "Emigrants by sex"),
                    "line",
                    sel("emigrants"),
                    YEARS,
                    PAIR,
                ),
                by_sex(
                    _T_(
                        "Эмигранттар өлкөлөрдүн топтору жана жынысы боюнча",
                        "Эмигранты по группам стран и полу",
                        "Emigrants by group of countries and sex",
                    ),
                    "emigrants",
                    Dim("country_group", total=True),
                    PEOPLE,
                    _T_("Өлкөлөр", "Страны", "Countries"),
                ),
                by_sex(
                    _T_(
                        "Иммигранттар өлкөлөрдүн топтору жана жынысы боюнча",
                        "Иммигранты по группам стран и полу",
                        "Immigrants by group of countries and sex",
                    ),
                    "immigrants",
                    Dim("country_group", total=True),
                    PEOPLE,
                    _T_("Өлкөлөр", "Страны", "Countries"),
                ),
                by_sex(
                    _T_(
                        "Эмигранттар облустар жана жынысы боюнча",
                        "Эмигранты по областям и полу",
                        "Emigrants by oblast and sex",
                    ),
                    "emigrants",
                    cols=PEOPLE,
                ),
                Table(
                    _T_(
                        "Эл аралык мигранттар жынысы жана жаш курагы боюнча",
                        "Международные мигранты по полу и возрасту",
                        "International migrants by sex and age",
                    ),
                    sel(period="ref", migration_type="external", soate="417"),
                    AGE_GROUPS,
                    EXTERNAL_BY_SEX,
                    stub=AGE,
                ),
                Table(
                    _T_(
                        "Эмигранттар көчүп барган өлкөсү жана жынысы боюнча",
                        "Эмигранты по стране назначения и полу",
                        "Emigrants by country of destination and sex",
                    ),
                    sel("emigrants", "ref"),
                    Dim("country", total=True),
                    PEOPLE,
                    stub=COUNTRY,
                    drop_empty=True,
                    sort_by_value=True,
                    limit=15,
                ),
                Table(
                    _T_(
                        "Иммигранттар жарандыгы жана жынысы боюнча",
                        "Иммигранты по гражданству и полу",
                        "Immigrants by citizenship and sex",
                    ),
                    sel("immigrants", "ref"),
                    Dim("citizenship", total=True),
                    PEOPLE,
                    stub=CITIZENSHIP,
                    drop_empty=True,
                    sort_by_value=True,
                    limit=15,
                ),
                by_sex(
                    _T_(
                        "Эмигранттар улуту жана жынысы боюнча",
                        "Эмигранты по национальности и полу",
                        "Emigrants by nationality and sex",
                    ),
                    "emigrants_by_nationality",
                    NATIONALITY_ROWS,
                    PEOPLE,
                    NATIONALITY,
                    soate="417",
                ),
            ),
        ),
        Section(
            _T_(
                "Чет элдик жумушчулар, студенттер, качкындар, чет өлкөдөгү калк",
                "Иностранные работники, студенты, беженцы, население за рубежом",
                "Foreign workers, students, refugees, population abroad",
            ),
            (
                by_country(
                    _T_(
                        "Чет элдик жумушчулар жарандыгы жана жынысы боюнча",
                        "Иностранные работники по гражданству и полу",
                        "Foreign workers by citizenship and sex",
                    ),
                    "foreign_workers",
                ),
                by_country(
                    _T_(
                        "Чет элдик студенттер жарандыгы жана жынысы боюнча",
                        "Иностранные студенты по гражданству и полу",
                        "Foreign students by citizenship and sex",
                    ),
                    "foreign_students",
                ),
                by_sex(
                    _T_(
                        "Качкындар жана башпаанек издегендер, статусу жана жынысы боюнча",
                        "Беженцы и лица, ищущие убежища, по статусу и полу",
                        "Refugees and asylum seekers by status and sex",
                    ),
                    "refugees",
                    Dim("refugee_status", total=True),
                    PEOPLE,
                    _T_("Статусу", "Статус", "Status"),
                    "last",
                ),
                by_sex(
                    _T_(
                        "Чет өлкөдө жүргөн калк жынысы боюнча (үй чарба китептери)",
                        "Население, находящееся за рубежом, по полу (похозяйственные книги)",
                        "Population staying abroad by sex (household books)",
                    ),
                    "absent_population",
                    cols=PEOPLE,
                    period="last",
                ),
                by_sex(
                    _T_(
                        "Чет өлкөдө жүргөн калк, кетүүнүн себептери жана жынысы боюнча",
                        "Население, находящееся за рубежом, по причинам и полу",
                        "Population staying abroad by reason and sex",
                    ),
                    "absent_population",
                    Dim("reason", total=True),
                    PEOPLE,
                    REASON,
                    "last",
                    soate="417",
                ),
                by_sex(
                    _T_(
                        "Мамлекеттик чек арадан өтүүлөр, максаты жана жынысы боюнча",
                        "Пересечения государственной границы по цели и полу",
                        "Border crossings by purpose and sex",
                    ),
                    "border_crossings",
                    Dim("purpose", total=True),
                    COUNTS,
                    _T_("Максаты", "Цель", "Purpose"),
                    "last",
                ),
            ),
        ),
    ),
)
