"""Kyrgyzstan in Figures: the NSC's pocket book of key figures, as a spec and a page style.

A6, one topic a spread: each chapter opens on a left-hand page with its chart and faces it
with a small table (``templates/publications/pocket.css`` places them). Nothing here is new
machinery: the same tables, charts and gaps as the A4 books, drawn at the pocket size
(``Chart.size``) — the proof that a publication is a spec.
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
    Sel,
    Sentence,
    Table,
    Years,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.women_and_men.decisions import SHARES
from publishing.specs.yearbook.common import BOTH, MEN, REGION_ROWS, TERRITORY, WOMEN

YEARS = Years(5)
YEAR = _T_("Жыл", "Год", "Year")
SEXES = Items((BOTH, MEN, WOMEN))
PAIR = Items((MEN, WOMEN))
CHILDREN = _T_("Бир аялга балдар", "Детей на женщину", "Children per woman")
CHART = (3.4, 3.1)  # inches: the width of an A6 page between its margins
PYRAMID = (3.4, 3.9)


def topic(
    title: _T_, subtitle: _T_, chart: Chart, table: Table, key: Sentence | None = None
) -> Chapter:
    """One spread: the chart on the left-hand page, the table facing it (with a line of key
    figures under it, when ``key`` gives one)."""
    return Chapter(title, (Section(subtitle, (chart, table, *([key] if key else []))),))


def key(ky: str, ru: str, en: str, **values: Sel | Gap) -> Sentence:
    """A line of key figures of the latest year: ``{year}`` and the ``values`` filled in."""
    return Sentence(_T_(ky, ru, en), tuple(values.items()), sel(period="last"))


def line(title: _T_, base: str | None, series: Items, **dims: str) -> Chart:
    """The last five years' lines of ``series`` (of ``base`` with ``dims``, if given)."""
    return Chart(title, "line", sel(base, None, None, **dims), YEARS, series, CHART)


def years(
    title: _T_, cols: Items, indicator: str | None = None, note: _T_ | None = None, **dims: str
) -> Table:
    """The last five years as rows, ``cols`` side by side."""
    return Table(title, sel(indicator, None, None, **dims), YEARS, cols, stub=YEAR, note=note)


def _by_sex(indicator: str, who: _T_, **dims: str) -> tuple[Sel, ...]:
    """An indicator of men and of women with the dims fixed, headed "Who: men", "Who: women"."""
    return tuple(
        sel(
            indicator,
            sex=sex,
            label=_T_(
                *(f"{who.get(lang)}: {part.get(lang).lower()}" for lang in ("ky", "ru", "en"))
            ),
            **dims,
        )
        for sex, part in (("M", MEN.label), ("F", WOMEN.label))
        if part is not None
    )


POPULATION = topic(
    _T_("Калк", "Население", "Population"),
    _T_("Аялдар жана эркектер", "Женщины и мужчины", "Women and men"),
    line(
        _T_(
            "1-январга карата калк, жынысы боюнча",
            "Население на 1 января по полу",
            "Population on 1 January by sex",
        ),
        "pop_jan1",
        PAIR,
    ),
    years(
        _T_("1-январга карата калк", "Население на 1 января", "Population on 1 January"),
        Items(
            (
                *SEXES.items,
                sel(urban_rural="U", label=_T_("Шаар", "Город", "Urban")),
                sel(urban_rural="R", label=_T_("Айыл", "Село", "Rural")),
            )
        ),
        "pop_jan1",
    ),
)

AGE = topic(
    _T_("Жаш курагы", "Возраст", "Age"),
    _T_("Калктын түзүмү", "Структура населения", "Population structure"),
    Chart(
        _T_(
            "Калктын жаш-жыныс пирамидасы",
            "Половозрастная пирамида",
            "Age pyramid",
        ),
        "pyramid",
        sel("pop_jan1", "ref"),
        Dim("age5", level="group,open"),
        PAIR,
        PYRAMID,
    ),
    Table(
        _T_(
            "Калк эмгекке жарамдуулук курагы боюнча",
            "Население по отношению к трудоспособному возрасту",
            "Population by working-age group",
        ),
        sel("pop_age_broad", "ref"),
        Dim("age_broad", total=True),
        SEXES,
        stub=_T_("Курак тобу", "Возрастная группа", "Age group"),
    ),
)

BIRTHS_AND_DEATHS = topic(
    _T_("Төрөлүү жана өлүм", "Рождаемость и смертность", "Births and deaths"),
    _T_("Табигый өсүш", "Естественный прирост", "Natural increase"),
    line(
        _T_(
            "Төрөлүүнүн жана өлүмдүн жалпы коэффициенттери",
            "Общие коэффициенты рождаемости и смертности",
            "Crude birth and death rates",
        ),
        None,
        Items((sel("crude_birth_rate"), sel("crude_death_rate"))),
    ),
    years(
        _T_(
            "Төрөлгөндөр, өлгөндөр, табигый өсүш",
            "Родившиеся, умершие, естественный прирост",
            "Births, deaths, natural increase",
        ),
        Items(
            (
                sel("births", label=_T_("Төрөлгөндөр", "Родившиеся", "Births")),
                sel("deaths", label=_T_("Өлгөндөр", "Умершие", "Deaths")),
                sel("natural_increase", label=_T_("Өсүш", "Прирост", "Increase")),
                sel("tfr", label=CHILDREN),
            )
        ),
    ),
)

LIFE = topic(
    _T_("Өмүрдүн узактыгы", "Продолжительность жизни", "Life expectancy"),
    _T_("Төрөлгөндөгү", "При рождении", "At birth"),
    line(
        _T_(
            "Төрөлгөндөгү күтүлүүчү өмүрдүн узактыгы",
            "Ожидаемая продолжительность жизни при рождении",
            "Life expectancy at birth",
        ),
        "life_expectancy",
        PAIR,
        age_lt="Y0",
    ),
    years(
        _T_(
            "Күтүлүүчү өмүр жана ымыркайлардын өлүмү",
            "Продолжительность жизни и младенческая смертность",
            "Life expectancy and infant mortality",
        ),
        Items(
            (
                sel("life_expectancy", age_lt="Y0", sex="M", label=MEN.label),
                sel("life_expectancy", age_lt="Y0", sex="F", label=WOMEN.label),
                sel(
                    "infant_mortality_rate",
                    label=_T_("Ымыркайлардын өлүмү", "Младенческая смертность", "Infant mortality"),
                ),
            )
        ),
    ),
)

MARRIAGES = topic(
    _T_("Никелер", "Браки", "Marriages"),
    _T_("Никелер жана ажырашуулар", "Браки и разводы", "Marriages and divorces"),
    line(
        _T_(
            "Никелердин жана ажырашуулардын жалпы коэффициенттери",
            "Общие коэффициенты брачности и разводимости",
            "Crude marriage and divorce rates",
        ),
        None,
        Items((sel("crude_marriage_rate"), sel("crude_divorce_rate"))),
    ),
    years(
        _T_(
            "Никелер, ажырашуулар, биринчи никеге туруу курагы",
            "Браки, разводы, возраст вступления в первый брак",
            "Marriages, divorces, age at first marriage",
        ),
        Items(
            (
                sel("marriages", label=_T_("Никелер", "Браки", "Marriages")),
                sel("divorces", label=_T_("Ажырашуулар", "Разводы", "Divorces")),
                sel(
                    "mean_age_first_marriage",
                    sex="M",
                    label=_T_("Күйөөнүн жашы", "Возраст жениха", "Age of groom"),
                ),
                sel(
                    "mean_age_first_marriage",
                    sex="F",
                    label=_T_("Колуктунун жашы", "Возраст невесты", "Age of bride"),
                ),
            )
        ),
    ),
)

MIGRATION = topic(
    _T_("Миграция", "Миграция", "Migration"),
    _T_("Тышкы миграция", "Внешняя миграция", "External migration"),
    Chart(
        _T_("Эмигранттар жана иммигранттар", "Эмигранты и иммигранты", "Emigrants and immigrants"),
        "bar",
        sel(),
        YEARS,
        Items((sel("emigrants"), sel("immigrants"))),
        CHART,
    ),
    years(
        _T_("Миграция жынысы боюнча", "Миграция по полу", "Migration by sex"),
        Items(
            (
                *_by_sex("emigrants", _T_("Эмигр.", "Эмигр.", "Emigr.")),
                *_by_sex("immigrants", _T_("Иммигр.", "Иммигр.", "Immigr.")),
            )
        ),
    ),
)

REGIONS_TOPIC = topic(
    _T_("Аймактар", "Регионы", "Regions"),
    _T_("Облустар жана шаарлар", "Области и города", "Oblasts and cities"),
    Chart(
        _T_("Калк, облустар боюнча", "Население по областям", "Population by oblast"),
        "barh",
        sel("pop_jan1", "ref"),
        Dim("soate", REGIONS),
        PAIR,
        (3.4, 3.6),
    ),
    Table(
        _T_("Облустардын негизги көрсөткүчтөрү", "Основные показатели областей", "Key figures"),
        sel(period="ref"),
        REGION_ROWS,
        Items(
            (
                sel("pop_jan1", label=_T_("Калк", "Население", "Population")),
                sel(
                    "crude_birth_rate",
                    label=_T_("Төрөлүү, 1000 адамга", "Рождаемость на 1000", "Births per 1,000"),
                ),
                sel("tfr", label=CHILDREN),
                sel(
                    "life_expectancy",
                    age_lt="Y0",
                    label=_T_("Өмүрдүн узактыгы", "Продолжительность жизни", "Life expectancy"),
                ),
            )
        ),
        stub=TERRITORY,
    ),
)


SURVEY = _T_(
    "Тандалма изилдөөнүн баалоолору; стандарттык каталары «Аялдар жана эркектер» жыйнагында "
    "жана API'де.",
    "Оценки выборочного обследования; их стандартные ошибки — в сборнике «Женщины и мужчины» "
    "и в API.",
    "Sample survey estimates; their standard errors are in \u201cWomen and Men\u201d and the API.",
)
# The levels with an enrolment ratio, named short enough for a pocket chart's axis.
GER_LEVELS = Items(
    (
        sel(education_level="L1", label=_T_("Башталгыч", "Начальное", "Primary")),
        sel(education_level="L2", label=_T_("Негизги", "Основное", "Lower secondary")),
        sel(education_level="L3", label=_T_("Орто", "Среднее", "Upper secondary")),
        sel(education_level="L6", label=_T_("Жогорку", "Высшее", "Higher")),
    )
)

EDUCATION = topic(
    _T_("Билим берүү", "Образование", "Education"),
    _T_("Окуу менен камтуу", "Охват обучением", "Enrolment"),
    Chart(
        _T_(
            "Окууга жалпы камтуу коэффициенти, %",
            "Валовой коэффициент охвата обучением, %",
            "Gross enrolment ratio, %",
        ),
        "bar",
        sel("gross_enrolment_ratio", "last"),
        GER_LEVELS,
        PAIR,
        CHART,
    ),
    Table(
        _T_(
            "Окуучулар, студенттер жана гендердик паритет",
            "Обучающиеся и гендерный паритет",
            "Pupils, students and gender parity",
        ),
        sel(period="last"),
        Dim("education_level", ("_T", "L0", "L1", "L2", "L3", "VOC", "L6", "L7")),
        Items(
            (
                sel(
                    "enrolment",
                    soate="417",
                    sex="_T",
                    label=_T_("Окуучулар", "Обучающиеся", "Enrolled"),
                ),
                Gap(
                    "share",
                    sel("enrolment", soate="417", sex="F"),
                    sel("enrolment", soate="417", sex="_T"),
                    _T_("Аялдар, %", "Женщины, %", "Women, %"),
                ),
                sel(
                    "gender_parity_index",
                    label=_T_("Паритет индекси", "Индекс паритета", "Parity index"),
                ),
            )
        ),
        stub=_T_("Деңгээли", "Уровень", "Level"),
    ),
    key(
        "{year}-жылы жогорку билим берүүдө гендердик паритет индекси {gpi} болгон; "
        "студенттердин {share} пайызы аялдар.",
        "В {year} году индекс гендерного паритета в высшем образовании составил {gpi}; "
        "женщины — {share} % студентов.",
        "In {year}, the gender parity index in higher education was {gpi}; women were "
        "{share}% of students.",
        gpi=sel("gender_parity_index", education_level="L6"),
        share=Gap(
            "share",
            sel("enrolment", soate="417", education_level="L6", sex="F"),
            sel("enrolment", soate="417", education_level="L6", sex="_T"),
            _T_("", "", ""),
        ),
    ),
)

LABOUR = topic(
    _T_("Эмгек", "Труд", "Labour"),
    _T_("Иш менен камсыз болуу жана эмгек акы", "Занятость и заработная плата", "Jobs and pay"),
    line(
        _T_(
            "Жумушсуздуктун деңгээли, %",
            "Уровень безработицы, %",
            "Unemployment rate, %",
        ),
        "unemployment_rate",
        PAIR,
        age_social="_T",
    ),
    years(
        _T_(
            "Эмгек рыногу жынысы боюнча",
            "Рынок труда по полу",
            "The labour market by sex",
        ),
        Items(
            (
                *_by_sex(
                    "activity_rate", _T_("Активдүүлүк", "Активность", "Activity"), age_social="_T"
                ),
                *_by_sex(
                    "unemployment_rate",
                    _T_("Жумушсуздук", "Безработица", "Unemployment"),
                    age_social="_T",
                ),
            )
        ),
        note=SURVEY,
    ),
    key(
        "{year}-жылы 15 жана андан улуу курактагы аялдардын {women} пайызы жана "
        "эркектердин {men} пайызы экономикалык жактан активдүү болгон; аялдардын эмгек акысы "
        "эркектердикинен {gap} пайызга аз.",
        "В {year} году экономически активны {women} % женщин и {men} % мужчин в возрасте "
        "15 лет и старше; заработная плата женщин на {gap} % ниже, чем у мужчин.",
        "In {year}, {women}% of women and {men}% of men aged 15 and over were economically "
        "active; women's pay was {gap}% below men's.",
        women=sel("activity_rate", age_social="_T", sex="F"),
        men=sel("activity_rate", age_social="_T", sex="M"),
        gap=sel("gender_pay_gap", activity="_T"),
    ),
)

POVERTY = topic(
    _T_("Жакырчылык", "Бедность", "Poverty"),
    _T_("Киреше жана пенсиялар", "Доходы и пенсии", "Incomes and pensions"),
    line(
        _T_(
            "Жакырчылыктын деңгээли үй чарбасынын башчысынын жынысы боюнча, %",
            "Уровень бедности по полу главы домохозяйства, %",
            "Poverty rate by sex of the household head, %",
        ),
        "poverty_rate",
        Items(
            (
                sel(head_sex="M", label=_T_("Башчысы эркек", "Глава — мужчина", "Head: man")),
                sel(head_sex="F", label=_T_("Башчысы аял", "Глава — женщина", "Head: woman")),
            )
        ),
        urban_rural="_T",
    ),
    years(
        _T_(
            "Жакырчылык жана орточо пенсия",
            "Бедность и средняя пенсия",
            "Poverty and the average pension",
        ),
        Items(
            (
                sel(
                    "poverty_rate",
                    urban_rural="_T",
                    head_sex="_T",
                    label=_T_("Жакырчылык, %", "Бедность, %", "Poverty, %"),
                ),
                sel(
                    "poverty_rate",
                    urban_rural="R",
                    head_sex="_T",
                    label=_T_("Айылда, %", "На селе, %", "Rural, %"),
                ),
                *_by_sex(
                    "average_pension",
                    _T_("Пенсия, сом", "Пенсия, сом", "Pension, som"),
                    pension_type="_T",
                ),
            )
        ),
        note=SURVEY,
    ),
    key(
        "{year}-жылы калктын {all} пайызы жакыр үй чарбаларында жашаган: шаарларда "
        "{urban} пайызы, айылдарда {rural} пайызы.",
        "В {year} году в бедных домохозяйствах жили {all} % населения: {urban} % в городах "
        "и {rural} % в сёлах.",
        "In {year}, {all}% of the population lived in poor households: {urban}% in towns "
        "and {rural}% in villages.",
        all=sel("poverty_rate", urban_rural="_T", head_sex="_T"),
        urban=sel("poverty_rate", urban_rural="U", head_sex="_T"),
        rural=sel("poverty_rate", urban_rural="R", head_sex="_T"),
    ),
)

HEALTH = topic(
    _T_("Ден соолук", "Здоровье", "Health"),
    _T_("Кургак учук жана АИВ", "Туберкулёз и ВИЧ", "Tuberculosis and HIV"),
    Chart(
        _T_(
            "Кургак учук жана АИВ, 100 000 калкка",
            "Туберкулёз и ВИЧ на 100 000 населения",
            "Tuberculosis and HIV per 100,000 population",
        ),
        "bar",
        sel(period="last"),
        Items(
            (
                sel("tb_incidence", label=_T_("Кургак учук", "Туберкулёз", "Tuberculosis")),
                sel("hiv_incidence", label=_T_("АИВ", "ВИЧ", "HIV")),
            )
        ),
        PAIR,
        CHART,
    ),
    years(
        _T_(
            "Ооруулар жана бойдон алдыруулар",
            "Заболеваемость и аборты",
            "Disease and abortion",
        ),
        Items(
            (
                *_by_sex("tb_incidence", _T_("Кургак учук", "Туберкулёз", "TB")),
                *_by_sex("hiv_incidence", _T_("АИВ", "ВИЧ", "HIV")),
                sel(
                    "abortion_rate",
                    label=_T_("Бойдон алдыруу", "Аборты", "Abortions"),
                ),
            )
        ),
        note=_T_(
            "Кургак учук жана АИВ: 100 000 калкка жаңы учурлар; бойдон алдыруулар: 15–49 "
            "жаштагы 1000 аялга.",
            "Туберкулёз и ВИЧ: новые случаи на 100 000 населения; аборты: на 1000 женщин "
            "15–49 лет.",
            "Tuberculosis and HIV: new cases per 100,000 population; abortions: per 1,000 "
            "women aged 15–49.",
        ),
    ),
    key(
        "{year}-жылы 100 000 калкка кургак учуктун {tb} жаңы учуру жана АИВдин {hiv} жаңы "
        "учуру катталган.",
        "В {year} году на 100 000 населения зарегистрировано {tb} новых случаев туберкулёза "
        "и {hiv} — ВИЧ.",
        "In {year}, {tb} new tuberculosis cases and {hiv} new HIV cases were registered per "
        "100,000 population.",
        tb=sel("tb_incidence", sex="_T"),
        hiv=sel("hiv_incidence", sex="_T"),
    ),
)

DECISIONS = topic(
    _T_("Чечим кабыл алуу", "Принятие решений", "Decision-making"),
    _T_("Аялдар бийликте", "Женщины во власти", "Women in power"),
    Chart(
        _T_(
            "Аялдардын үлүшү, %",
            "Доля женщин, %",
            "Share of women, %",
        ),
        "barh",
        sel(period="last"),
        SHARES,
        Items((sel(),)),  # one series: no legend; the title names the unit
        CHART,
    ),
    years(
        _T_(
            "Аялдардын үлүшү чечим кабыл алуучу кызматтарда, %",
            "Доля женщин на руководящих и выборных должностях, %",
            "Women in decision-making positions, %",
        ),
        SHARES,
    ),
    key(
        "{year}-жылы аялдар Жогорку Кеңештеги орундардын {parl} пайызын ээлеген жана "
        "судьялардын {judges} пайызын түзгөн.",
        "В {year} году женщины занимали {parl} % мест в Жогорку Кенеше и составляли "
        "{judges} % судей.",
        "In {year}, women held {parl}% of the seats in the Jogorku Kenesh and were {judges}% "
        "of judges.",
        parl=sel("women_share_parliament"),
        judges=sel("women_share_judges", court="_T"),
    ),
)

PUBLICATION = Publication(
    id="in_figures",
    title=_T_("Кыргызстан сандарда", "Кыргызстан в цифрах", "Kyrgyzstan in Figures"),
    subtitle=_T_("Кыскача статистикалык жыйнак", "Краткий статистический сборник", "Pocket book"),
    chapters=(
        POPULATION,
        AGE,
        BIRTHS_AND_DEATHS,
        LIFE,
        MARRIAGES,
        MIGRATION,
        EDUCATION,
        LABOUR,
        POVERTY,
        HEALTH,
        DECISIONS,
        REGIONS_TOPIC,
    ),
    style="pocket.css",
)
