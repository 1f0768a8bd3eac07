"""Women and Men of the Kyrgyz Republic, as a spec: the yearbook's data by sex, with gaps.

The gender gaps are ratios (women per 100 men, boys per 100 girls) and differences (years
of life expectancy) of two published values; the generated sentences quote them in each
language from templates, so the wording is the spec's and the numbers the release's.
"""

from __future__ import annotations

from publishing.spec import (
    REGIONS,
    Chapter,
    Chart,
    Dim,
    Gap,
    Items,
    Publication,
    Section,
    Sentence,
    Table,
    Years,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    AGE,
    AGE_PYRAMID,
    BOTH,
    MEN,
    REGION_NAMES,
    REGION_ROWS,
    TERRITORY,
    WOMEN,
)

WOMEN_PER_100_MEN = Gap(
    "ratio100", WOMEN, MEN, _T_("100 эркекке аялдар", "Женщин на 100 мужчин", "Women per 100 men")
)
WOMEN_SHARE = Gap("share", WOMEN, BOTH, _T_("Аялдар, %", "Женщины, %", "Women, %"))
GAP_YEARS = Gap(
    "difference",
    WOMEN,
    MEN,
    _T_(
        "Айырма (аялдар – эркектер)",
        "Разница (женщины – мужчины)",
        "Gap (women – men)",
    ),
)
COUNTS = Items((MEN, WOMEN, WOMEN_PER_100_MEN))


def by_sex(title: _T_, indicator: str, rows: Dim = REGION_ROWS, **dims: str) -> Table:
    return Table(title, sel(indicator, "ref", None, **dims), rows, COUNTS, stub=TERRITORY)


POPULATION = Chapter(
    _T_("Калк", "Население", "Population"),
    (
        Section(
            _T_("Калктын жыныстык түзүмү", "Половой состав населения", "Population by sex"),
            (
                Sentence(
                    _T_(
                        "{year}-жылдын 1-январына карата аялдар калктын {share} пайызын "
                        "түзгөн: ар бир 100 эркекке {ratio} аял туура келген.",
                        "На 1 января {year} года женщины составляли {share} % населения: "
                        "на 100 мужчин приходилось {ratio} женщин.",
                        "On 1 January {year}, women made up {share}% of the population: "
                        "{ratio} women for every 100 men.",
                    ),
                    (("share", WOMEN_SHARE), ("ratio", WOMEN_PER_100_MEN)),
                    sel("pop_jan1", "ref"),
                ),
                by_sex(
                    _T_(
                        "1-январга карата калктын жынысы боюнча саны",
                        "Численность населения по полу на 1 января",
                        "Population by sex on 1 January",
                    ),
                    "pop_jan1",
                ),
                Table(
                    _T_(
                        "Калктын жынысы жана жаш курагы боюнча саны",
                        "Численность населения по полу и возрасту",
                        "Population by sex and age",
                    ),
                    sel("pop_jan1", "ref"),
                    Dim("age5", total=True),
                    COUNTS,
                    stub=AGE,
                ),
                AGE_PYRAMID,
            ),
        ),
    ),
)

HEALTH = Chapter(
    _T_("Төрөлүү жана өлүм", "Рождаемость и смертность", "Births and deaths"),
    (
        Section(
            _T_("Төрөлгөндөр", "Родившиеся", "Births"),
            (
                Sentence(
                    _T_(
                        "{year}-жылы ар бир 100 кыз балага {ratio} эркек бала төрөлгөн.",
                        "В {year} году на 100 родившихся девочек приходилось {ratio} мальчиков.",
                        "In {year}, {ratio} boys were born for every 100 girls.",
                    ),
                    (("ratio", Gap("ratio100", MEN, WOMEN, _T_("", "", ""))),),
                    sel("births", "ref"),
                ),
                Table(
                    _T_(
                        "Төрөлгөндөр баланын жынысы боюнча",
                        "Родившиеся по полу ребёнка",
                        "Live births by sex of the child",
                    ),
                    sel("births", "ref"),
                    REGION_ROWS,
                    Items(
                        (
                            sel(sex="M", label=_T_("Эркек балдар", "Мальчики", "Boys")),
                            sel(sex="F", label=_T_("Кыз балдар", "Девочки", "Girls")),
                            Gap(
                                "ratio100",
                                sel(sex="M"),
                                sel(sex="F"),
                                _T_(
                                    "100 кызга эркек балдар",
                                    "Мальчиков на 100 девочек",
                                    "Boys per 100 girls",
                                ),
                            ),
                        )
                    ),
                    stub=TERRITORY,
                ),
            ),
        ),
        Section(
            _T_("Өлүм", "Смертность", "Mortality"),
            (
                by_sex(_T_("Өлгөндөр жынысы боюнча", "Умершие по полу", "Deaths by sex"), "deaths"),
                Table(
                    _T_(
                        "Өлгөндөр өлүмдүн себептери жана жынысы боюнча",
                        "Умершие по причинам смерти и полу",
                        "Deaths by cause and sex",
                    ),
                    sel("deaths", "ref"),
                    Dim("cause", total=True),
                    COUNTS,
                    stub=_T_("Себеби", "Причина", "Cause"),
                ),
                Table(
                    _T_(
                        "Ымыркайлардын өлүмүнүн коэффициенти жынысы боюнча",
                        "Коэффициент младенческой смертности по полу",
                        "Infant mortality rate by sex",
                    ),
                    sel("infant_mortality_rate", "ref"),
                    REGION_ROWS,
                    Items((MEN, WOMEN)),
                    stub=TERRITORY,
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
                Sentence(
                    _T_(
                        "{year}-жылы төрөлгөндөгү күтүлүүчү өмүрдүн узактыгы аялдарда "
                        "{women} жыл, эркектерде {men} жыл болгон; айырма {gap} жыл.",
                        "В {year} году ожидаемая продолжительность жизни при рождении "
                        "составила у женщин {women} года, у мужчин {men} года; разница "
                        "{gap} года.",
                        "In {year}, life expectancy at birth was {women} years for women and "
                        "{men} years for men, a gap of {gap} years.",
                    ),
                    (("women", WOMEN), ("men", MEN), ("gap", GAP_YEARS)),
                    sel("life_expectancy", "ref", age_lt="Y0"),
                ),
                Table(
                    _T_(
                        "Төрөлгөндөгү күтүлүүчү өмүрдүн узактыгы жынысы боюнча",
                        "Ожидаемая продолжительность жизни при рождении по полу",
                        "Life expectancy at birth by sex",
                    ),
                    sel("life_expectancy", "ref", age_lt="Y0"),
                    REGION_ROWS,
                    Items((MEN, WOMEN, GAP_YEARS)),
                    stub=TERRITORY,
                ),
                Chart(
                    _T_(
                        "Төрөлгөндөгү күтүлүүчү өмүрдүн узактыгы",
                        "Ожидаемая продолжительность жизни при рождении",
                        "Life expectancy at birth",
                    ),
                    "barh",
                    sel("life_expectancy", "ref", age_lt="Y0"),
                    Dim("soate", REGIONS, total=True),
                    Items((MEN, WOMEN)),
                ),
                Table(
                    _T_(
                        "Жаш курагы боюнча күтүлүүчү өмүрдүн узактыгы",
                        "Ожидаемая продолжительность жизни по возрасту",
                        "Life expectancy by age",
                    ),
                    sel("life_expectancy", "ref"),
                    Dim("age_lt"),
                    Items((MEN, WOMEN, GAP_YEARS)),
                    stub=AGE,
                ),
                Chart(
                    _T_(
                        "Төрөлгөндөгү күтүлүүчү өмүр, жылдар боюнча",
                        "Ожидаемая продолжительность жизни при рождении по годам",
                        "Life expectancy at birth by year",
                    ),
                    "line",
                    sel("life_expectancy", age_lt="Y0"),
                    Years(5),
                    Items((MEN, WOMEN)),
                ),
            ),
        ),
    ),
)

MIGRATION = Chapter(
    _T_("Миграция", "Миграция", "Migration"),
    (
        Section(
            _T_("Ички жана тышкы миграция", "Внутренняя и внешняя миграция", "Migration by sex"),
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
                Table(
                    _T_(
                        "Эмигранттар жана иммигранттар жынысы боюнча",
                        "Эмигранты и иммигранты по полу",
                        "Emigrants and immigrants by sex",
                    ),
                    sel(period="ref"),
                    Items((sel("emigrants"), sel("immigrants"))),
                    COUNTS,
                    stub=_T_("Көрсөткүч", "Показатель", "Indicator"),
                ),
                Chart(
                    _T_(
                        "Эмигранттар жынысы боюнча",
                        "Эмигранты по полу",
                        "Emigrants by sex",
                    ),
                    "line",
                    sel("emigrants"),
                    Years(5),
                    Items((MEN, WOMEN)),
                ),
                Table(
                    _T_(
                        "Эмигранттар өлкөлөрдүн топтору жана жынысы боюнча",
                        "Эмигранты по группам стран и полу",
                        "Emigrants by group of countries and sex",
                    ),
                    sel("emigrants", "ref"),
                    Dim("country_group", total=True),
                    COUNTS,
                    stub=_T_("Өлкөлөр", "Страны", "Countries"),
                ),
            ),
        ),
    ),
)

REGION_ITEMS = Items(
    (
        sel("pop_jan1"),
        sel("births"),
        sel("deaths"),
        sel("infant_mortality_rate"),
        sel("life_expectancy", age_lt="Y0"),
        sel("mig_arrivals"),
        sel("mig_departures"),
    )
)

REGIONS_CHAPTER = Chapter(
    _T_("Облустар жана шаарлар", "Области и города", "Oblasts and cities"),
    tuple(
        Section(
            REGION_NAMES[code],
            (
                Table(
                    _T_(
                        f"{REGION_NAMES[code].ky}: аялдар жана эркектер",
                        f"{REGION_NAMES[code].ru}: женщины и мужчины",
                        f"{REGION_NAMES[code].en}: women and men",
                    ),
                    sel(period="ref", soate=code),
                    REGION_ITEMS,
                    Items((MEN, WOMEN, GAP_YEARS)),
                    stub=_T_("Көрсөткүч", "Показатель", "Indicator"),
                ),
            ),
        )
        for code in REGIONS
    ),
)

PUBLICATION = Publication(
    id="women_and_men",
    title=_T_(
        "Кыргыз Республикасындагы аялдар жана эркектер",
        "Женщины и мужчины Кыргызской Республики",
        "Women and Men of the Kyrgyz Republic",
    ),
    subtitle=_T_("Статистикалык жыйнак", "Статистический сборник", "Statistical compendium"),
    chapters=(POPULATION, HEALTH, MIGRATION, REGIONS_CHAPTER),
)
