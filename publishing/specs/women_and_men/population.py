"""Women and Men, chapter 1: population by sex — size, age, urban and rural, oblasts,
nationality, older persons and dependency."""

from __future__ import annotations

from publishing.spec import Chapter, Chart, Dim, Items, Section, Sentence, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    AGE,
    AGE_GROUPS,
    FULL,
    MEN,
    PAIR,
    REGION_ROWS,
    TERRITORY,
    URBAN_RURAL_SEXES,
    WOMEN,
    WOMEN_PER_100_MEN,
    WOMEN_SHARE,
    by_sex,
    over_years,
)
from publishing.specs.yearbook.common import AGE_PYRAMID, DEPENDENCY, SETTLEMENTS
from publishing.specs.yearbook.nationality import BASE_NOTE, NATIONALITY, NATIONALITY_ROWS
from publishing.specs.yearbook.population import WORKING_AGE_NOTE

OLDER_AGES = Dim("age5", ("Y60T64", "Y65T69", "Y70T74", "Y75T79", "Y80T84", "Y_GE85"))
BROAD_AGES = Dim("age_broad", total=True)
BROAD = _T_("Курак тобу", "Возрастная группа", "Age group")

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
                over_years(
                    _T_(
                        "1-январга карата калктын жынысы боюнча саны",
                        "Численность населения по полу на 1 января",
                        "Population by sex on 1 January",
                    ),
                    "pop_jan1",
                    Items((*FULL.items, WOMEN_PER_100_MEN)),
                ),
                by_sex(
                    _T_(
                        "Облустардын жана шаарлардын калкы жынысы боюнча",
                        "Население областей и городов по полу",
                        "Population of the oblasts and cities by sex",
                    ),
                    "pop_jan1",
                    cols=Items((*FULL.items, WOMEN_PER_100_MEN)),
                ),
                # By age, not by oblast: the oblasts differ by a point or two (the table
                # above gives them), while the ratio's climb with age is the story.
                Chart(
                    _T_(
                        "100 эркекке туура келген аялдар, жаш курагы боюнча",
                        "Число женщин на 100 мужчин по возрасту",
                        "Women per 100 men by age",
                    ),
                    "line",
                    sel("pop_jan1", "ref"),
                    Dim("age5", level="group,open"),
                    Items((WOMEN_PER_100_MEN,)),
                ),
                by_sex(
                    _T_(
                        "Калктын жылдык орточо саны жынысы боюнча",
                        "Среднегодовая численность населения по полу",
                        "Average annual population by sex",
                    ),
                    "pop_avg",
                    cols=FULL,
                ),
                by_sex(
                    _T_(
                        "Калктын санынын жылдык өзгөрүшү жынысы боюнча",
                        "Изменение численности населения за год по полу",
                        "Population change over the year by sex",
                    ),
                    "pop_change",
                    cols=Items((FULL.items[0], MEN, WOMEN)),
                ),
            ),
        ),
        Section(
            _T_(
                "Калктын жаш-жыныс түзүмү",
                "Половозрастной состав населения",
                "Population by age and sex",
            ),
            (
                by_sex(
                    _T_(
                        "Калктын жынысы жана жаш курагы боюнча саны",
                        "Численность населения по полу и возрасту",
                        "Population by sex and age",
                    ),
                    "pop_jan1",
                    AGE_GROUPS,
                    Items((*FULL.items, WOMEN_PER_100_MEN)),
                    AGE,
                ),
                AGE_PYRAMID,
                Table(
                    _T_(
                        "Жыныстык катыш (100 аялга эркектер), жаш курагы боюнча",
                        "Соотношение полов (мужчин на 100 женщин) по возрасту",
                        "Sex ratio (men per 100 women) by age",
                    ),
                    sel("sex_ratio", "ref"),
                    AGE_GROUPS,
                    SETTLEMENTS,
                    stub=AGE,
                ),
                Chart(
                    _T_(
                        "Жыныстык катыш жаш курагы боюнча (100 аялга эркектер)",
                        "Соотношение полов по возрасту (мужчин на 100 женщин)",
                        "Sex ratio by age (men per 100 women)",
                    ),
                    "line",
                    sel("sex_ratio", "ref"),
                    Dim("age5", level="group,open"),
                    SETTLEMENTS,
                ),
                Table(
                    _T_(
                        "Шаар жана айыл калкы жынысы жана жаш курагы боюнча",
                        "Городское и сельское население по полу и возрасту",
                        "Urban and rural population by sex and age",
                    ),
                    sel("pop_jan1", "ref"),
                    AGE_GROUPS,
                    URBAN_RURAL_SEXES,
                    stub=AGE,
                ),
                Table(
                    _T_(
                        "Калктын орточо жашы жынысы боюнча",
                        "Средний (медианный) возраст населения по полу",
                        "Median age of the population by sex",
                    ),
                    sel("median_age", "ref"),
                    REGION_ROWS,
                    Items((FULL.items[0], MEN, WOMEN)),
                    stub=TERRITORY,
                ),
                over_years(
                    _T_(
                        "Калктын орточо жашы, жылдар боюнча",
                        "Медианный возраст населения по годам",
                        "Median age of the population by year",
                    ),
                    "median_age",
                    Items((FULL.items[0], MEN, WOMEN)),
                ),
            ),
        ),
        Section(
            _T_("Шаар жана айыл калкы", "Городское и сельское население", "Urban and rural"),
            (
                by_sex(
                    _T_(
                        "Шаар жана айыл калкы жынысы боюнча, облустар",
                        "Городское и сельское население по полу, области",
                        "Urban and rural population by sex, oblasts",
                    ),
                    "pop_jan1",
                    cols=URBAN_RURAL_SEXES,
                ),
                by_sex(
                    _T_(
                        "Жыныстык катыш (100 аялга эркектер), шаар жана айыл",
                        "Соотношение полов (мужчин на 100 женщин), город и село",
                        "Sex ratio (men per 100 women), urban and rural",
                    ),
                    "sex_ratio",
                    cols=SETTLEMENTS,
                ),
                over_years(
                    _T_(
                        "Шаар калкы жынысы боюнча",
                        "Городское население по полу",
                        "Urban population by sex",
                    ),
                    "pop_jan1",
                    urban_rural="U",
                ),
                over_years(
                    _T_(
                        "Айыл калкы жынысы боюнча",
                        "Сельское население по полу",
                        "Rural population by sex",
                    ),
                    "pop_jan1",
                    urban_rural="R",
                ),
            ),
        ),
        Section(
            _T_(
                "Эмгекке жарамдуу курак, улгайган адамдар, демографиялык жүк",
                "Трудоспособный возраст, пожилые, демографическая нагрузка",
                "Working age, older persons, dependency",
            ),
            (
                by_sex(
                    _T_(
                        "Калк эмгекке жарамдуулук курагы жана жынысы боюнча",
                        "Население по отношению к трудоспособному возрасту и полу",
                        "Population by working-age group and sex",
                    ),
                    "pop_age_broad",
                    BROAD_AGES,
                    Items((*FULL.items, WOMEN_PER_100_MEN)),
                    BROAD,
                    note=WORKING_AGE_NOTE,
                ),
                by_sex(
                    _T_(
                        "Эмгекке жарамдуу курактан улуу калк, облустар боюнча",
                        "Население старше трудоспособного возраста по областям",
                        "Population above working age by oblast",
                    ),
                    "pop_age_broad",
                    cols=Items((*FULL.items, WOMEN_PER_100_MEN)),
                    note=WORKING_AGE_NOTE,
                    age_broad="ABOVE_WA",
                ),
                by_sex(
                    _T_(
                        "60 жаш жана андан улуу калк, жынысы жана жаш курагы боюнча",
                        "Население в возрасте 60 лет и старше по полу и возрасту",
                        "Population aged 60 and over by sex and age",
                    ),
                    "pop_jan1",
                    OLDER_AGES,
                    Items((*FULL.items, WOMEN_PER_100_MEN)),
                    AGE,
                ),
                Chart(
                    _T_(
                        "60 жаш жана андан улуу калк жынысы боюнча",
                        "Население 60 лет и старше по полу",
                        "Population aged 60 and over by sex",
                    ),
                    "bar",
                    sel("pop_jan1", "ref"),
                    OLDER_AGES,
                    PAIR,
                ),
                Table(
                    _T_(
                        "Демографиялык жүктүн коэффициенттери",
                        "Коэффициенты демографической нагрузки",
                        "Dependency ratios",
                    ),
                    sel(period="ref"),
                    REGION_ROWS,
                    DEPENDENCY,
                    stub=TERRITORY,
                    note=WORKING_AGE_NOTE,
                ),
            ),
        ),
        Section(
            _T_(
                "Калктын улуттук курамы",
                "Национальный состав населения",
                "Population by nationality",
            ),
            (
                Table(
                    _T_(
                        "Калктын улуттук курамы жынысы боюнча",
                        "Национальный состав населения по полу",
                        "Population by nationality and sex",
                    ),
                    sel("pop_census_nationality", "last", soate="417"),
                    NATIONALITY_ROWS,
                    Items((*FULL.items, WOMEN_PER_100_MEN)),
                    stub=NATIONALITY,
                    note=BASE_NOTE,
                    drop_empty=True,
                ),
            ),
        ),
    ),
)
