"""The Demographic Yearbook of the Kyrgyz Republic, as a spec.

Chapters follow the NSC's yearbook: population, births, deaths, marriages and divorces,
internal and external migration, the other migration sources, then one section per oblast
and city of republican significance. Tables name indicators of the catalog; a table whose
indicator the release does not hold prints a plain notice saying so.
"""

from __future__ import annotations

from publishing.spec import (
    REGIONS,
    Chapter,
    Chart,
    Dim,
    Items,
    Paragraph,
    Publication,
    Section,
    Table,
    Years,
    sel,
)
from publishing.spec import T as _T_

REGION_ROWS = Dim("soate", REGIONS, total=True)
YEARS = Years(5)
BOTH = sel(sex="_T", label=_T_("Бардыгы", "Всего", "Total"))
MEN = sel(sex="M", label=_T_("Эркектер", "Мужчины", "Men"))
WOMEN = sel(sex="F", label=_T_("Аялдар", "Женщины", "Women"))
SEXES = Items((BOTH, MEN, WOMEN))
TERRITORY = _T_("Аймак", "Территория", "Territory")
AGE = _T_("Жаш курагы", "Возраст", "Age")
# Both books print the same pyramid of the reference year.
AGE_PYRAMID = Chart(
    _T_(
        "Калктын жаш-жыныс пирамидасы",
        "Половозрастная пирамида населения",
        "Age pyramid of the population",
    ),
    "pyramid",
    sel("pop_jan1", "ref"),
    Dim("age5", level="group,open"),
    Items((MEN, WOMEN)),
)


def by_region(title: _T_, indicator: str, **dims: str) -> Table:
    """An indicator for the country, the oblasts and the cities over the last five years."""
    return Table(title, sel(indicator, None, None, **dims), REGION_ROWS, YEARS, stub=TERRITORY)


COUNTRY = _T_("Өлкө", "Страна", "Country")


def by_country(title: _T_, indicator: str, period: str = "last") -> Table:
    """A count by country (the largest first) and sex, in one year (the last by default)."""
    return Table(
        title,
        sel(indicator, period),
        Dim("country", total=True),
        SEXES,
        stub=COUNTRY,
        drop_empty=True,
        sort_by_value=True,
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

MARRIAGES = Chapter(
    _T_("Никелер жана ажырашуулар", "Браки и разводы", "Marriages and divorces"),
    (
        Section(
            _T_("Никелер жана ажырашуулар", "Браки и разводы", "Marriages and divorces"),
            (
                by_region(_T_("Никелер", "Число браков", "Marriages"), "marriages"),
                by_region(
                    _T_(
                        "Никелердин жалпы коэффициенти",
                        "Общий коэффициент брачности",
                        "Crude marriage rate",
                    ),
                    "crude_marriage_rate",
                ),
                by_region(_T_("Ажырашуулар", "Число разводов", "Divorces"), "divorces"),
                by_region(
                    _T_(
                        "Ажырашуулардын жалпы коэффициенти",
                        "Общий коэффициент разводимости",
                        "Crude divorce rate",
                    ),
                    "crude_divorce_rate",
                ),
                Table(
                    _T_(
                        "Никелер күйөөсүнүн жана аялынын жаш курагы боюнча",
                        "Браки по возрасту жениха и невесты",
                        "Marriages by age of groom and bride",
                    ),
                    sel("marriages", "ref"),
                    Dim(
                        "groom_age",
                        ("_T", "Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44"),
                    ),
                    Dim(
                        "bride_age",
                        ("_T", "Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44"),
                    ),
                    stub=_T_("Күйөөсүнүн жашы", "Возраст жениха", "Age of groom"),
                    note=_T_(
                        "Мамычаларда — келиндин жашы; 45 жана андан улуулар жалпы санга кирет.",
                        "По столбцам — возраст невесты; 45 лет и старше входят в итог.",
                        "Columns: age of bride; 45 and over are included in the totals.",
                    ),
                ),
            ),
        ),
    ),
)

INTERNAL = "within_oblast", "between_oblasts"
MIG_TYPES = Items(
    (
        sel(migration_type="_T"),
        sel(migration_type="within_oblast"),
        sel(migration_type="between_oblasts"),
        sel(migration_type="external"),
    )
)

INTERNAL_MIGRATION = Chapter(
    _T_("Ички миграция", "Внутренняя миграция", "Internal migration"),
    (
        Section(
            _T_("Келгендер жана кеткендер", "Прибывшие и выбывшие", "Arrivals and departures"),
            (
                Table(
                    _T_(
                        "Ички миграция: келгендер жана кеткендер",
                        "Внутренняя миграция: прибывшие и выбывшие",
                        "Internal migration: arrivals and departures",
                    ),
                    sel(period="ref"),
                    REGION_ROWS,
                    Items(
                        (
                            sel(
                                "mig_arrivals",
                                migration_type="within_oblast",
                                label=_T_(
                                    "Келгендер, облус ичинде",
                                    "Прибывшие, внутри области",
                                    "Arrivals, within oblast",
                                ),
                            ),
                            sel(
                                "mig_arrivals",
                                migration_type="between_oblasts",
                                label=_T_(
                                    "Келгендер, облустар аралык",
                                    "Прибывшие, межобластная",
                                    "Arrivals, between oblasts",
                                ),
                            ),
                            sel(
                                "mig_departures",
                                migration_type="within_oblast",
                                label=_T_(
                                    "Кеткендер, облус ичинде",
                                    "Выбывшие, внутри области",
                                    "Departures, within oblast",
                                ),
                            ),
                            sel(
                                "mig_departures",
                                migration_type="between_oblasts",
                                label=_T_(
                                    "Кеткендер, облустар аралык",
                                    "Выбывшие, межобластная",
                                    "Departures, between oblasts",
                                ),
                            ),
                            sel(
                                "mig_net",
                                migration_type="between_oblasts",
                                label=_T_(
                                    "Сальдо, облустар аралык",
                                    "Сальдо, межобластная",
                                    "Net, between oblasts",
                                ),
                            ),
                        )
                    ),
                    stub=TERRITORY,
                ),
                by_region(
                    _T_(
                        "Миграциялык сальдонун коэффициенти (бардык миграция)",
                        "Коэффициент миграционного прироста (вся миграция)",
                        "Net migration rate (all migration)",
                    ),
                    "mig_net_rate",
                ),
                Table(
                    _T_(
                        "Келгендер көчүүнүн себеби жана түрү боюнча",
                        "Прибывшие по причинам и видам миграции",
                        "Arrivals by reason and type of migration",
                    ),
                    sel("mig_arrivals", "ref"),
                    Dim("reason", total=True),
                    MIG_TYPES,
                    stub=_T_("Себеби", "Причина", "Reason"),
                ),
                Table(
                    _T_(
                        "Келгендер жаш курагы жана миграциянын түрү боюнча",
                        "Прибывшие по возрасту и видам миграции",
                        "Arrivals by age and type of migration",
                    ),
                    sel("mig_arrivals", "ref"),
                    Dim("age5", total=True),
                    MIG_TYPES,
                    stub=AGE,
                ),
                Chart(
                    _T_(
                        "Облустар аралык миграциянын сальдосу",
                        "Сальдо межобластной миграции",
                        "Net migration between oblasts",
                    ),
                    "barh",
                    sel("mig_net", "ref", migration_type="between_oblasts"),
                    Dim("soate", REGIONS),
                    Items((sel(label=_T_("Сальдо", "Сальдо", "Net")),)),
                ),
            ),
        ),
        Section(
            _T_(
                "Облустар аралык көчүүлөр",
                "Межобластные переезды",
                "Moves between oblasts",
            ),
            (
                Table(
                    _T_(
                        "Облустар аралык көчүүлөр: чыккан жери (саптар) жана барган жери "
                        "(мамычалар)",
                        "Межобластная миграция: откуда (строки) и куда (столбцы)",
                        "Moves between oblasts: origin (rows) by destination (columns)",
                    ),
                    sel("mig_matrix", "ref"),
                    Dim("origin", REGIONS, total=True),
                    Dim("destination", REGIONS, total=True),
                    stub=_T_("Чыккан жери", "Откуда", "Origin"),
                ),
            ),
        ),
    ),
)

EXTERNAL_MIGRATION = Chapter(
    _T_("Тышкы миграция", "Внешняя миграция", "External migration"),
    (
        Section(
            _T_(
                "Эмиграция жана иммиграция", "Эмиграция и иммиграция", "Emigration and immigration"
            ),
            (
                Table(
                    _T_(
                        "Тышкы миграция, жылдар боюнча",
                        "Внешняя миграция по годам",
                        "External migration by year",
                    ),
                    sel(),
                    Items(
                        (
                            sel("immigrants"),
                            sel("emigrants"),
                            sel(
                                "mig_net",
                                migration_type="external",
                                label=_T_(
                                    "Тышкы миграциянын сальдосу",
                                    "Сальдо внешней миграции",
                                    "Net external migration",
                                ),
                            ),
                        )
                    ),
                    YEARS,
                ),
                Table(
                    _T_(
                        "Эмигранттар жана иммигранттар өлкөлөрдүн топтору боюнча",
                        "Эмигранты и иммигранты по группам стран",
                        "Emigrants and immigrants by group of countries",
                    ),
                    sel(period="ref"),
                    Dim("country_group", total=True),
                    Items((sel("immigrants"), sel("emigrants"))),
                    stub=_T_("Өлкөлөр", "Страны", "Countries"),
                ),
                Table(
                    _T_(
                        "Эмигранттар аймактар боюнча",
                        "Эмигранты и иммигранты по территории",
                        "Emigrants and immigrants by territory",
                    ),
                    sel(period="ref"),
                    REGION_ROWS,
                    Items((sel("immigrants"), sel("emigrants"))),
                    stub=TERRITORY,
                ),
            ),
        ),
        Section(
            _T_("Өлкөлөр боюнча", "По странам", "By country"),
            (
                by_country(
                    _T_(
                        "Эмигранттар барган өлкөсү боюнча",
                        "Эмигранты по стране выбытия",
                        "Emigrants by country of destination",
                    ),
                    "emigrants",
                    "ref",
                ),
                by_country(
                    _T_(
                        "Иммигранттар келген өлкөсү боюнча",
                        "Иммигранты по стране прибытия",
                        "Immigrants by country of origin",
                    ),
                    "immigrants",
                    "ref",
                ),
                Table(
                    _T_(
                        "Иммигранттар жарандыгы боюнча",
                        "Иммигранты по гражданству",
                        "Immigrants by citizenship",
                    ),
                    sel("immigrants", "ref"),
                    Dim("citizenship", total=True),
                    SEXES,
                    stub=_T_("Жарандыгы", "Гражданство", "Citizenship"),
                    drop_empty=True,
                    sort_by_value=True,
                ),
                Table(
                    _T_(
                        "Тышкы миграция көчүүнүн себеби боюнча",
                        "Внешняя миграция по причинам переезда",
                        "External migration by reason",
                    ),
                    sel(period="ref", migration_type="external"),
                    Dim("reason", total=True),
                    Items((sel("mig_arrivals"), sel("mig_departures"))),
                    stub=_T_("Себеби", "Причина", "Reason"),
                ),
            ),
        ),
    ),
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

KEY_INDICATORS = Items(
    (
        sel("pop_jan1"),
        sel("pop_avg"),
        sel("births"),
        sel("crude_birth_rate"),
        sel("deaths"),
        sel("crude_death_rate"),
        sel("natural_increase"),
        sel("infant_mortality_rate"),
        sel("marriages"),
        sel("divorces"),
        sel("mig_arrivals"),
        sel("mig_departures"),
        sel("mig_net"),
    )
)
DISTRICT_COLUMNS = Items(
    (
        sel("pop_jan1"),
        sel("births"),
        sel("deaths"),
        sel("natural_increase"),
        sel("mig_net"),
    )
)


def region_section(code: str, name: _T_) -> Section:
    return Section(
        name,
        (
            Table(
                _T_(
                    f"{name.ky}: негизги көрсөткүчтөр",
                    f"{name.ru}: основные показатели",
                    f"{name.en}: main indicators",
                ),
                sel(soate=code),
                KEY_INDICATORS,
                YEARS,
                stub=_T_("Көрсөткүч", "Показатель", "Indicator"),
            ),
            Table(
                _T_(
                    f"{name.ky}: райондор жана шаарлар",
                    f"{name.ru}: районы и города",
                    f"{name.en}: districts and towns",
                ),
                sel(period="ref"),
                Dim("soate", parent=code, total=True),
                DISTRICT_COLUMNS,
                stub=TERRITORY,
            ),
        ),
    )


REGION_NAMES = {
    "41702": _T_("Ысык-Көл облусу", "Иссык-Кульская область", "Issyk-Kul oblast"),
    "41703": _T_("Жалал-Абад облусу", "Джалал-Абадская область", "Jalal-Abad oblast"),
    "41704": _T_("Нарын облусу", "Нарынская область", "Naryn oblast"),
    "41705": _T_("Баткен облусу", "Баткенская область", "Batken oblast"),
    "41706": _T_("Ош облусу", "Ошская область", "Osh oblast"),
    "41707": _T_("Талас облусу", "Таласская область", "Talas oblast"),
    "41708": _T_("Чүй облусу", "Чуйская область", "Chui oblast"),
    "41711": _T_("Бишкек шаары", "город Бишкек", "Bishkek city"),
    "41721": _T_("Ош шаары", "город Ош", "Osh city"),
}

REGIONAL = Chapter(
    _T_("Облустар жана шаарлар", "Области и города", "Oblasts and cities"),
    tuple(region_section(code, REGION_NAMES[code]) for code in REGIONS),
)

PUBLICATION = Publication(
    id="yearbook",
    title=_T_(
        "Кыргыз Республикасынын демографиялык жылдык жыйнагы",
        "Демографический ежегодник Кыргызской Республики",
        "Demographic Yearbook of the Kyrgyz Republic",
    ),
    subtitle=_T_("Статистикалык жыйнак", "Статистический сборник", "Statistical yearbook"),
    chapters=(
        POPULATION,
        BIRTHS,
        DEATHS,
        MARRIAGES,
        INTERNAL_MIGRATION,
        EXTERNAL_MIGRATION,
        OTHER_SOURCES,
        REGIONAL,
    ),
)
