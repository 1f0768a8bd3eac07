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
    Items,
    Publication,
    Section,
    Sel,
    Table,
    Years,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import BOTH, MEN, REGION_ROWS, TERRITORY, WOMEN

YEARS = Years(5)
YEAR = _T_("Жыл", "Год", "Year")
SEXES = Items((BOTH, MEN, WOMEN))
PAIR = Items((MEN, WOMEN))
CHILDREN = _T_("Бир аялга балдар", "Детей на женщину", "Children per woman")
CHART = (3.4, 3.1)  # inches: the width of an A6 page between its margins
PYRAMID = (3.4, 3.9)


def topic(title: _T_, subtitle: _T_, chart: Chart, table: Table) -> Chapter:
    """One spread: the chart on the left-hand page, the table facing it."""
    return Chapter(title, (Section(subtitle, (chart, table)),))


def line(title: _T_, base: str, series: Items, **dims: str) -> Chart:
    return Chart(title, "line", sel(base, None, None, **dims), YEARS, series, CHART)


def years(title: _T_, cols: Items, indicator: str | None = None, **dims: str) -> Table:
    return Table(title, sel(indicator, None, None, **dims), YEARS, cols, stub=YEAR)


def _men_and_women(indicator: str, who: _T_) -> tuple[Sel, ...]:
    """An indicator of men and of women, headed "Emigr.: men", "Emigr.: women"."""
    return tuple(
        sel(
            indicator,
            sex=sex,
            label=_T_(
                *(f"{who.get(lang)}: {part.get(lang).lower()}" for lang in ("ky", "ru", "en"))
            ),
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
        CHART,
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
    Chart(
        _T_(
            "Никелердин жана ажырашуулардын жалпы коэффициенттери",
            "Общие коэффициенты брачности и разводимости",
            "Crude marriage and divorce rates",
        ),
        "line",
        sel(),
        YEARS,
        Items((sel("crude_marriage_rate"), sel("crude_divorce_rate"))),
        CHART,
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
                *_men_and_women("emigrants", _T_("Эмигр.", "Эмигр.", "Emigr.")),
                *_men_and_women("immigrants", _T_("Иммигр.", "Иммигр.", "Immigr.")),
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

PUBLICATION = Publication(
    id="in_figures",
    title=_T_("Кыргызстан сандарда", "Кыргызстан в цифрах", "Kyrgyzstan in Figures"),
    subtitle=_T_("Кыскача статистикалык жыйнак", "Краткий статистический сборник", "Pocket book"),
    chapters=(POPULATION, AGE, BIRTHS_AND_DEATHS, LIFE, MARRIAGES, MIGRATION, REGIONS_TOPIC),
    style="pocket.css",
)
