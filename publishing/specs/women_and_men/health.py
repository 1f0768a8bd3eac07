"""Women and Men, chapter 3: health and mortality — life expectancy, deaths by cause and age,
infant and under-five mortality, maternal mortality, standardised death rates."""

from __future__ import annotations

from publishing.spec import REGIONS, Chapter, Chart, Dim, Items, Section, Sentence, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    AGE,
    AGE_GROUPS,
    BOTH,
    COUNTS,
    EXCESS,
    GAP_YEARS,
    MEN,
    PAIR,
    RATES,
    URBAN_RURAL_SEXES,
    WOMEN,
    YEARS,
    by_sex,
    over_years,
)
from publishing.specs.yearbook.deaths import CAUSE, CAUSES, LIFE_TABLE_AGES, MATERNAL, STANDARD

EXCESS_NOTE = _T_(
    "Акыркы мамыча: эркектердин көрсөткүчү аялдардыкынын пайызы менен (100дөн жогору — "
    "эркектердин өлүмү жогору).",
    "Последняя графа: показатель мужчин в процентах к показателю женщин (больше 100 — "
    "сверхсмертность мужчин).",
    "Last column: the men's rate as a percentage of the women's (above 100: excess male "
    "mortality).",
)
ADULT_AGES = tuple(f"Y{a}T{a + 4}" for a in range(15, 61, 5))
SEXES3 = Items((BOTH, MEN, WOMEN))

HEALTH = Chapter(
    _T_("Ден соолук жана өлүм", "Здоровье и смертность", "Health and mortality"),
    (
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
                by_sex(
                    _T_(
                        "Төрөлгөндөгү күтүлүүчү өмүрдүн узактыгы жынысы боюнча",
                        "Ожидаемая продолжительность жизни при рождении по полу",
                        "Life expectancy at birth by sex",
                    ),
                    "life_expectancy",
                    cols=Items((BOTH, MEN, WOMEN, GAP_YEARS)),
                    age_lt="Y0",
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
                    PAIR,
                ),
                over_years(
                    _T_(
                        "Төрөлгөндөгү күтүлүүчү өмүр, жылдар боюнча",
                        "Ожидаемая продолжительность жизни при рождении по годам",
                        "Life expectancy at birth by year",
                    ),
                    "life_expectancy",
                    Items((BOTH, MEN, WOMEN, GAP_YEARS)),
                    age_lt="Y0",
                ),
                Chart(
                    _T_(
                        "Төрөлгөндөгү күтүлүүчү өмүр, жылдар боюнча",
                        "Ожидаемая продолжительность жизни при рождении по годам",
                        "Life expectancy at birth by year",
                    ),
                    "line",
                    sel("life_expectancy", age_lt="Y0"),
                    YEARS,
                    PAIR,
                ),
                Table(
                    _T_(
                        "Жаш курагы боюнча күтүлүүчү өмүрдүн узактыгы",
                        "Ожидаемая продолжительность жизни по возрасту",
                        "Life expectancy by age",
                    ),
                    sel("life_expectancy", "ref"),
                    LIFE_TABLE_AGES,
                    RATES,
                    stub=AGE,
                ),
                Table(
                    _T_(
                        "Күтүлүүчү өмүрдүн узактыгы, шаар жана айыл",
                        "Ожидаемая продолжительность жизни, город и село",
                        "Life expectancy, urban and rural",
                    ),
                    sel("life_expectancy", "ref"),
                    Dim("age_lt", ("Y0", "Y15T19", "Y40T44", "Y60T64", "Y65T69", "Y80T84")),
                    URBAN_RURAL_SEXES,
                    stub=AGE,
                ),
                by_sex(
                    _T_(
                        "60 жаштагы күтүлүүчү өмүрдүн узактыгы",
                        "Ожидаемая продолжительность жизни в возрасте 60 лет",
                        "Life expectancy at age 60",
                    ),
                    "life_expectancy",
                    cols=RATES,
                    age_lt="Y60T64",
                ),
            ),
        ),
        Section(
            _T_("Өлгөндөр", "Умершие", "Deaths"),
            (
                by_sex(
                    _T_("Өлгөндөр жынысы боюнча", "Умершие по полу", "Deaths by sex"),
                    "deaths",
                ),
                over_years(
                    _T_(
                        "Өлгөндөр жынысы боюнча, жылдар",
                        "Умершие по полу, по годам",
                        "Deaths by sex, by year",
                    ),
                    "deaths",
                    SEXES3,
                ),
                by_sex(
                    _T_(
                        "Өлгөндөр жынысы жана жаш курагы боюнча",
                        "Умершие по полу и возрасту",
                        "Deaths by sex and age",
                    ),
                    "deaths",
                    AGE_GROUPS,
                    stub=AGE,
                ),
                by_sex(
                    _T_(
                        "Өлгөндөр өлүмдүн себептери жана жынысы боюнча",
                        "Умершие по причинам смерти и полу",
                        "Deaths by cause and sex",
                    ),
                    "deaths",
                    CAUSES,
                    stub=CAUSE,
                ),
                Chart(
                    _T_(
                        "Өлүмдүн негизги себептери жынысы боюнча",
                        "Основные причины смерти по полу",
                        "Main causes of death by sex",
                    ),
                    "barh",
                    sel("deaths", "ref"),
                    Dim("cause", ("IX", "II", "X", "XI", "XIX", "XX", "I")),
                    PAIR,
                ),
                Table(
                    _T_(
                        "Өлүмдүн жаш курак боюнча коэффициенттери жынысы боюнча",
                        "Возрастные коэффициенты смертности по полу",
                        "Age-specific death rates by sex",
                    ),
                    sel("death_rate_age", "ref"),
                    LIFE_TABLE_AGES,
                    EXCESS,
                    stub=AGE,
                    note=EXCESS_NOTE,
                ),
                Chart(
                    _T_(
                        "Өлүмдүн жаш курак боюнча коэффициенттери, 15–64 жаш",
                        "Возрастные коэффициенты смертности, 15–64 года",
                        "Age-specific death rates, ages 15–64",
                    ),
                    "bar",
                    sel("death_rate_age", "ref"),
                    Dim("age_lt", ADULT_AGES),
                    PAIR,
                ),
            ),
        ),
        Section(
            _T_(
                "Стандартташтырылган өлүм коэффициенттери",
                "Стандартизованные коэффициенты смертности",
                "Age-standardised death rates",
            ),
            (
                by_sex(
                    _T_(
                        "Өлүмдүн стандартташтырылган коэффициенттери, себептери жана жынысы боюнча",
                        "Стандартизованные коэффициенты смертности по причинам и полу",
                        "Age-standardised death rates by cause and sex",
                    ),
                    "standardised_death_rate",
                    CAUSES,
                    EXCESS,
                    CAUSE,
                    note=STANDARD,
                ),
                by_sex(
                    _T_(
                        "Өлүмдүн стандартташтырылган коэффициенти, облустар боюнча",
                        "Стандартизованный коэффициент смертности по областям",
                        "Age-standardised death rate by oblast",
                    ),
                    "standardised_death_rate",
                    cols=Items((BOTH, MEN, WOMEN, EXCESS.items[2])),
                    note=STANDARD,
                ),
                over_years(
                    _T_(
                        "Өлүмдүн стандартташтырылган коэффициенти, жылдар боюнча",
                        "Стандартизованный коэффициент смертности по годам",
                        "Age-standardised death rate by year",
                    ),
                    "standardised_death_rate",
                    Items((BOTH, MEN, WOMEN, EXCESS.items[2])),
                    note=STANDARD,
                ),
            ),
        ),
        Section(
            _T_(
                "Ымыркайлардын, балдардын жана энелердин өлүмү",
                "Младенческая, детская и материнская смертность",
                "Infant, child and maternal mortality",
            ),
            (
                by_sex(
                    _T_(
                        "Ымыркайлардын өлүмүнүн коэффициенти жынысы боюнча",
                        "Коэффициент младенческой смертности по полу",
                        "Infant mortality rate by sex",
                    ),
                    "infant_mortality_rate",
                    cols=Items((BOTH, MEN, WOMEN)),
                ),
                over_years(
                    _T_(
                        "Ымыркайлардын өлүмүнүн коэффициенти, жылдар боюнча",
                        "Коэффициент младенческой смертности по годам",
                        "Infant mortality rate by year",
                    ),
                    "infant_mortality_rate",
                    SEXES3,
                ),
                by_sex(
                    _T_(
                        "Бир жашка чейин өлгөндөр, себептери жана жынысы боюнча",
                        "Умершие в возрасте до 1 года по причинам и полу",
                        "Deaths under age one by cause and sex",
                    ),
                    "infant_deaths",
                    CAUSES,
                    COUNTS,
                    CAUSE,
                ),
                by_sex(
                    _T_(
                        "Беш жашка чейинки балдардын өлүмүнүн коэффициенти жынысы боюнча",
                        "Коэффициент смертности детей в возрасте до 5 лет по полу",
                        "Under-five mortality rate by sex",
                    ),
                    "under_five_mortality_rate",
                    cols=Items((BOTH, MEN, WOMEN)),
                ),
                Chart(
                    _T_(
                        "Ымыркайлардын жана беш жашка чейинки балдардын өлүмү жынысы боюнча",
                        "Младенческая смертность и смертность детей до 5 лет по полу",
                        "Infant and under-five mortality by sex",
                    ),
                    "bar",
                    sel(period="ref"),
                    Items((sel("infant_mortality_rate"), sel("under_five_mortality_rate"))),
                    Items(
                        (
                            sel(sex="M", label=_T_("Эркек балдар", "Мальчики", "Boys")),
                            sel(sex="F", label=_T_("Кыз балдар", "Девочки", "Girls")),
                        )
                    ),
                ),
                # Nationally, by year: a handful of deaths a year, too few to print by oblast
                # (a table of dashes and ratios of one death in a small oblast).
                Table(
                    _T_(
                        "Энелердин өлүмү",
                        "Материнская смертность",
                        "Maternal mortality",
                    ),
                    sel(soate="417"),
                    YEARS,
                    Items(
                        (
                            sel(
                                "deaths",
                                sex="F",
                                cause="XV",
                                label=_T_(
                                    "Өлгөн аялдар (ОЭК-10 XV классы)",
                                    "Умершие женщины (класс XV МКБ-10)",
                                    "Deaths of women (ICD-10 chapter XV)",
                                ),
                            ),
                            sel(
                                "maternal_mortality_ratio",
                                label=_T_(
                                    "100 000 тирүү төрөлгөнгө",
                                    "На 100 000 живорождений",
                                    "Per 100,000 live births",
                                ),
                            ),
                        )
                    ),
                    stub=_T_("Жыл", "Год", "Year"),
                    note=MATERNAL,
                ),
            ),
        ),
    ),
)

SOCIAL_AGES = Dim("age_social", total=True)
MORBIDITY = Section(
    _T_(
        "Оорулар, ВИЧ, кургак учук, майыптык, бойдон алдыруу",
        "Заболеваемость, ВИЧ, туберкулёз, инвалидность, аборты",
        "Morbidity, HIV, tuberculosis, disability, abortion",
    ),
    (
        Table(
            _T_(
                "Биринчи жолу аныкталган оорулар, оорулардын класстары жана жынысы боюнча",
                "Впервые зарегистрированные заболевания по классам болезней и полу",
                "New cases of disease by ICD-10 chapter and sex",
            ),
            sel("morbidity", "last"),
            Dim("disease", total=True),
            COUNTS,
            stub=_T_(
                "Оорулардын тобу (ОЭК-10 классы)",
                "Группа болезней (класс МКБ-10)",
                "Disease group (ICD-10 chapter)",
            ),
            drop_empty=True,  # chapters the Ministry does not report new cases by
        ),
        by_sex(
            _T_(
                "ВИЧтин жаңы учурлары жаш курагы жана жынысы боюнча",
                "Новые случаи ВИЧ по возрасту и полу",
                "New HIV cases by age and sex",
            ),
            "hiv_new",
            SOCIAL_AGES,
            COUNTS,
            AGE,
            "last",
        ),
        by_sex(
            _T_(
                "Кургак учуктун жаңы учурлары жаш курагы жана жынысы боюнча",
                "Новые случаи туберкулёза по возрасту и полу",
                "New tuberculosis cases by age and sex",
            ),
            "tb_new",
            SOCIAL_AGES,
            COUNTS,
            AGE,
            "last",
        ),
        Table(
            _T_(
                "ВИЧ жана кургак учук менен ооругандар, 100 000 калкка",
                "Заболеваемость ВИЧ и туберкулёзом на 100 000 населения",
                "HIV and tuberculosis incidence per 100,000 population",
            ),
            sel(period="last"),
            Items((sel("hiv_incidence"), sel("tb_incidence"))),
            SEXES3,
            stub=_T_("Көрсөткүч", "Показатель", "Indicator"),
        ),
        by_sex(
            _T_(
                "Майыптуулугу бар адамдар жаш курагы жана жынысы боюнча",
                "Лица с инвалидностью по возрасту и полу",
                "Persons with a disability by age and sex",
            ),
            "disability",
            SOCIAL_AGES,
            COUNTS,
            AGE,
            "last",
        ),
        Table(
            _T_(
                "Бойдон алдыруулар аялдын жаш курагы боюнча",
                "Аборты по возрасту женщины",
                "Abortions by age of the woman",
            ),
            sel("abortions", "last"),
            SOCIAL_AGES,
            Items((sel(label=_T_("Бойдон алдыруулар", "Аборты", "Abortions")),)),
            stub=AGE,
            drop_empty=True,  # the ages outside 15-54 the Ministry reports none at
        ),
        Table(
            _T_(
                "15–49 жаштагы 1000 аялга бойдон алдыруулар",
                "Аборты на 1000 женщин 15–49 лет",
                "Abortions per 1,000 women aged 15–49",
            ),
            sel("abortion_rate"),
            YEARS,
            Items((sel(label=_T_("1000 аялга", "На 1000 женщин", "Per 1,000 women")),)),
            stub=_T_("Жыл", "Год", "Year"),
        ),
    ),
)
HEALTH = Chapter(HEALTH.title, (*HEALTH.sections, MORBIDITY), HEALTH.intro)
