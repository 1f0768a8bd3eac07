"""Mortality: death rates by age, full life tables, standardised rates, under-five and maternal.

Everything here is read from the deaths cube of :mod:`indicators.catalog.vital` (year × unit ×
settlement × sex × single age × ICD-10 chapter) and the annual average population of the
cohort-component estimate, in the age groups of the abridged life table (0, 1–4, 5–9, …,
80–84, 85+), for the country and each oblast and city of republican significance. Every
figure is computed by :mod:`indicators.methods` (:mod:`~indicators.methods.lifetable`,
:mod:`~indicators.methods.mortality`).

One life table per territory, settlement type and sex gives its functions (``qx``, ``lx``,
``dx``, ``Lx``, ``Tx``: one indicator each, because each has its own unit and decimals), the
life expectancy (``life_expectancy``, declared with the other vital indicators) and the
under-five mortality rate ``5q0``, so that the three always come from the same table.

Zero denominators: a territory's rural part may have no population (the cities), and a small
population may have no deaths in the open age group; such a table cannot be built, and all
its cells are published as not available (status ``M``), as are rates without population or
births.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from indicators.catalog.vital import CHAPTERS, births_cube, deaths_cube
from indicators.context import AGE_LT, Context
from indicators.frame import Frame
from indicators.methods import (
    LifeTable,
    LifeTableError,
    abridged_life_table,
    age_specific_death_rates,
    directly_standardised_rate,
    maternal_mortality_ratio,
    under_five_mortality_rate,
)
from indicators.space import N_AGES, SEXES, Grouping, expand
from indicators.spec import Spec, Text
from store.models import ObsStatus

LIFE_TABLE_DIMS = ("soate", "urban_rural", "sex", "age_lt")
LIFE_TABLE_SEX: dict[str, Literal["male", "female", "both"]] = {
    "M": "male",
    "F": "female",
    "_T": "both",
}
MATERNAL_CHAPTER = "XV"  # pregnancy, childbirth and the puerperium (O00–O99)

SOURCES = Text(
    ky="Өлгөндөр жарандык абалдын актыларын каттоо органдарынын (ЖААК) маалыматтары боюнча, "
    "катталган жылы жана туруктуу жашаган жери боюнча; калк — тиешелүү жаш тобунун орточо "
    "жылдык саны.",
    ru="Умершие — по данным органов ЗАГС, по году регистрации и месту постоянного жительства; "
    "население — среднегодовая численность соответствующей возрастной группы.",
    en="Deaths are counted from civil-registry (ZAGS) records by year of registration and "
    "place of usual residence; the population is the annual average of the age group.",
)
LIFE_TABLE_METHOD = Text(
    ky=SOURCES.ky + " Өлүм таблицасы кыскартылган таблица катары түзүлөт (0, 1–4, 5–9, …, "
    "80–84, 85+ жаш; Preston, Heuveline, Guillot, 2001, 3.3-бөлүм; 0 жана 1–4 жаш үчүн "
    "Коул–Демени коэффициенттери; ачык топто Lx = lx / Mx), 100 000 тирүү төрөлгөндөн турган "
    "шарттуу муун үчүн.",
    ru=SOURCES.ru + " Таблица смертности — сокращённая (возраст 0, 1–4, 5–9, …, 80–84, 85+; "
    "Preston, Heuveline, Guillot, 2001, раздел 3.3; для возрастов 0 и 1–4 — коэффициенты "
    "Коула–Демени; в открытом интервале Lx = lx / Mx), для условного поколения в 100 000 "
    "родившихся живыми.",
    en=SOURCES.en + " The life table is abridged (ages 0, 1–4, 5–9, …, 80–84, 85+; Preston, "
    "Heuveline and Guillot, 2001, section 3.3; Coale–Demeny factors for ages 0 and 1–4; "
    "Lx = lx / Mx in the open group), for a hypothetical cohort of 100,000 live births.",
)
STANDARDISATION_METHOD = Text(
    ky=SOURCES.ky + " Түз стандартташтыруу: жаш курак боюнча коэффициенттер (0, 1–4, 5–9, …, "
    "85+) Европалык стандарттык калктын 2013 (ESP 2013, Евростат) салмактары менен "
    "кошулат.",
    ru=SOURCES.ru + " Прямая стандартизация: возрастные коэффициенты (0, 1–4, 5–9, …, 85+) "
    "суммируются с весами Европейского стандарта населения 2013 года (ESP 2013, Евростат).",
    en=SOURCES.en + " Direct standardisation: the age-specific rates (0, 1–4, 5–9, …, 85+) "
    "are summed with the weights of the European Standard Population 2013 (ESP 2013, "
    "Eurostat).",
)


def _spec(
    id_: str,
    name: Text,
    definition: Text,
    unit: str,
    dims: tuple[str, ...],
    *,
    unit_base: int = 1,
    decimals: int = 1,
    bounds: tuple[float, float] | None = None,
    bounds_at: tuple[tuple[str, str], ...] = (),
    methodology: Text = SOURCES,
) -> Spec:
    return Spec(
        id=id_,
        topic="vital",
        name=name,
        definition=definition,
        unit=unit,
        unit_base=unit_base,
        decimals=decimals,
        additive=False,
        bounds=bounds,
        bounds_at=bounds_at,
        dimensions=dims,
        methodology=methodology,
    )


def _life_table_spec(
    id_: str, name: Text, definition: Text, unit: str, decimals: int, bounds: tuple[float, float]
) -> Spec:
    """A column of the life table; ``lx`` … ``Tx`` are per the radix (``unit_base``)."""
    return _spec(
        id_,
        name,
        definition,
        unit,
        LIFE_TABLE_DIMS,
        unit_base=1 if unit == "probability" else 100_000,
        decimals=decimals,
        bounds=bounds,
        methodology=LIFE_TABLE_METHOD,
    )


SPECS = [
    _spec(
        "death_rate_age",
        Text(
            "Өлүмдүн жаш курак боюнча коэффициенттери",
            "Возрастные коэффициенты смертности",
            "Age-specific death rates",
        ),
        Text(
            "Тиешелүү жаш тобундагы калктын орточо жылдык санынын 1000 адамына өлгөндөр.",
            "Число умерших на 1000 человек среднегодового населения соответствующего возраста.",
            "Deaths per 1,000 of the annual average population of the age group.",
        ),
        "per_1000_age_group",
        LIFE_TABLE_DIMS,
        unit_base=1000,
        # No bounds: an age group of one sex and settlement type holds few people even
        # nationally in a small sample, and the oldest groups' rates have no fixed ceiling.
    ),
    _life_table_spec(
        "life_table_qx",
        Text(
            "Өлүм таблицасы: өлүү ыктымалдыгы (qx)",
            "Таблица смертности: вероятность умереть (qx)",
            "Life table: probability of dying (qx)",
        ),
        Text(
            "x жашка чыккан адамдын кийинки жаш тобунун ичинде өлүү ыктымалдыгы.",
            "Вероятность для доживших до возраста x умереть в пределах возрастной группы.",
            "Probability that a person reaching exact age x dies within the age group.",
        ),
        "probability",
        5,
        (0, 1),
    ),
    _life_table_spec(
        "life_table_lx",
        Text(
            "Өлүм таблицасы: x жашка чейин жашагандар (lx)",
            "Таблица смертности: число доживающих до возраста x (lx)",
            "Life table: survivors to age x (lx)",
        ),
        Text(
            "100 000 төрөлгөндөн турган шарттуу муундан x жашка чейин жашап жеткендер.",
            "Число доживающих до возраста x из условного поколения в 100 000 родившихся.",
            "Survivors to exact age x of a hypothetical cohort of 100,000 live births.",
        ),
        "per_100000_cohort",
        0,
        (0, 100_000),
    ),
    _life_table_spec(
        "life_table_dx",
        Text(
            "Өлүм таблицасы: жаш тобунда өлгөндөр (dx)",
            "Таблица смертности: число умирающих (dx)",
            "Life table: deaths in the age group (dx)",
        ),
        Text(
            "100 000 төрөлгөндөн турган шарттуу муундан жаш тобунун ичинде өлгөндөр.",
            "Число умирающих в возрастной группе из условного поколения в 100 000 родившихся.",
            "Deaths within the age group of a hypothetical cohort of 100,000 live births.",
        ),
        "per_100000_cohort",
        0,
        (0, 100_000),
    ),
    _life_table_spec(
        "life_table_years_lived",
        Text(
            "Өлүм таблицасы: жаш тобунда жашалган адам-жылдар (Lx)",
            "Таблица смертности: число живущих в возрастной группе, человеко-лет (Lx)",
            "Life table: person-years lived in the age group (Lx)",
        ),
        Text(
            "100 000 төрөлгөндөн турган шарттуу муун жаш тобунун ичинде жашаган адам-жылдар.",
            "Число человеко-лет, прожитых условным поколением в 100 000 родившихся в "
            "пределах возрастной группы.",
            "Person-years lived within the age group by a hypothetical cohort of 100,000 live "
            "births.",
        ),
        "per_100000_cohort_years",
        0,
        (0, 10_000_000),
    ),
    _life_table_spec(
        "life_table_years_remaining",
        Text(
            "Өлүм таблицасы: x жаштан кийин жашала турган адам-жылдар (Tx)",
            "Таблица смертности: число человеко-лет жизни после возраста x (Tx)",
            "Life table: person-years lived above age x (Tx)",
        ),
        Text(
            "100 000 төрөлгөндөн турган шарттуу муун x жаштан баштап жашай турган бардык "
            "адам-жылдар.",
            "Число человеко-лет, которое предстоит прожить условному поколению в 100 000 "
            "родившихся начиная с возраста x.",
            "Person-years a hypothetical cohort of 100,000 live births lives from exact age x on.",
        ),
        "per_100000_cohort_years",
        0,
        (0, 10_000_000),
    ),
    _spec(
        "under_five_mortality_rate",
        Text(
            "5 жашка чейинки балдардын өлүмүнүн коэффициенти",
            "Коэффициент смертности детей в возрасте до 5 лет",
            "Under-five mortality rate",
        ),
        Text(
            "Төрөлгөн баланын 5 жашка чыкканга чейин өлүү ыктымалдыгы (5q0), өлүм "
            "таблицасынан, 1000 тирүү төрөлгөнгө (ТӨМ 3.2.1 көрсөткүчү).",
            "Вероятность для новорождённого умереть до достижения 5 лет (5q0) по таблице "
            "смертности, на 1000 родившихся живыми (показатель ЦУР 3.2.1).",
            "Probability of dying before age five (5q0), from the life table, per 1,000 live "
            "births (SDG indicator 3.2.1).",
        ),
        "per_1000_live_births",
        ("soate", "urban_rural", "sex"),
        unit_base=1000,
        bounds=(0, 150),
        methodology=LIFE_TABLE_METHOD,
    ),
    _spec(
        "standardised_death_rate",
        Text(
            "Өлүмдүн стандартташтырылган коэффициенти",
            "Стандартизованный коэффициент смертности",
            "Age-standardised death rate",
        ),
        Text(
            "Калктын жаш курак түзүлүшү Европалык стандарттык калкка (ESP 2013) барабар "
            "болгондогу 100 000 адамга өлгөндөр (түз стандартташтыруу).",
            "Число умерших на 100 000 человек населения при возрастной структуре "
            "Европейского стандарта населения 2013 года (ESP 2013), прямой метод.",
            "Deaths per 100,000 population at the age structure of the European Standard "
            "Population 2013 (ESP 2013), direct method.",
        ),
        "per_100000",
        ("soate", "sex", "cause"),
        unit_base=100_000,
        bounds=(300, 5000),
        bounds_at=(("cause", "_T"),),
        methodology=STANDARDISATION_METHOD,
    ),
    _spec(
        "maternal_mortality_ratio",
        Text(
            "Энелердин өлүмүнүн катышы",
            "Коэффициент материнской смертности",
            "Maternal mortality ratio",
        ),
        Text(
            "Өлүмүнүн негизги себеби ОЭК-10дун XV классына (кош бойлуулук, төрөт жана "
            "төрөттөн кийинки мезгил) кирген аялдардын саны 100 000 тирүү төрөлгөнгө. "
            "Каттоо маалыматтары энелердин өлүмүн толук эмес чагылдырат: ДСУнун баалоолору "
            "жогору болушу мүмкүн.",
            "Число умерших женщин, основная причина смерти которых относится к классу XV "
            "МКБ-10 (беременность, роды и послеродовой период), на 100 000 родившихся живыми. "
            "Регистрационные данные недоучитывают материнские смерти: оценки ВОЗ могут быть "
            "выше.",
            "Deaths of women whose underlying cause lies in ICD-10 chapter XV (pregnancy, "
            "childbirth and the puerperium) per 100,000 live births. Registration data "
            "undercount maternal deaths: WHO estimates can be higher.",
        ),
        "per_100000_live_births",
        ("soate",),
        unit_base=100_000,
        bounds=(0, 1000),
    ),
]

# The life table's columns published as indicators, and where each is read in a LifeTable.
LIFE_TABLE_COLUMNS = (
    ("life_table_qx", "qx"),
    ("life_table_lx", "lx"),
    ("life_table_dx", "dx"),
    ("life_table_years_lived", "Lx"),
    ("life_table_years_remaining", "Tx"),
    ("life_expectancy", "ex"),
)


def compute(ctx: Context, out: Frame) -> None:
    groups = Grouping.ranges(AGE_LT, N_AGES, total=False)
    territories = ctx.territories("country", "region")
    deaths = deaths_cube(ctx)
    births = births_cube(ctx)
    for y, year in enumerate(ctx.years):
        population = ctx.average_population(year)  # unit × settlement × sex × age
        grid = [territories, ctx.settlements(), ctx.sexes(), groups]
        died = expand(deaths[y].sum(axis=4), grid)  # soate × settlement × sex × age group
        lived = expand(population, grid)
        _death_rates(out, year, died, lived, grid)
        _life_tables(out, year, died, lived, grid)
        _standardised(out, year, ctx, deaths[y], population)
        _maternal(out, year, ctx, deaths[y], births[y])


def _death_rates(
    out: Frame, year: int, died: np.ndarray, lived: np.ndarray, grid: list[Grouping]
) -> None:
    rates = age_specific_death_rates(
        died, lived, base=out.base("death_rate_age"), on_zero="missing"
    )
    axes = list(zip(LIFE_TABLE_DIMS, grid, strict=True))
    out.add_grid("death_rate_age", year, rates, axes, not_available_ok=True)


def _life_tables(
    out: Frame, year: int, died: np.ndarray, lived: np.ndarray, grid: list[Grouping]
) -> None:
    """One abridged table per territory × settlement type × sex; its columns, e0…, 5q0."""
    territories, settlements, sexes, _ = grid
    radix = out.base("life_table_lx")
    for t, territory in enumerate(territories.codes):
        for u, settlement in enumerate(settlements.codes):
            for s, sex in enumerate(sexes.codes):
                where = {"soate": territory, "urban_rural": settlement, "sex": sex}
                table: LifeTable | None
                try:
                    table = abridged_life_table(
                        died[t, u, s], lived[t, u, s], LIFE_TABLE_SEX[sex], radix=radix
                    )
                except LifeTableError:
                    table = None  # too few people or deaths: not available
                _add_life_table(out, year, where, table)


def _add_life_table(out: Frame, year: int, where: dict[str, str], table: LifeTable | None) -> None:
    for indicator, column in LIFE_TABLE_COLUMNS:
        values: list[float | None] = [None] * len(AGE_LT)
        if table is not None:
            values = [float(value) for value in getattr(table, column)]
        for (code, _, _), value in zip(AGE_LT, values, strict=True):
            _add(out, indicator, year, {**where, "age_lt": code}, value)
    u5mr = None
    if table is not None:
        u5mr = under_five_mortality_rate(table, base=out.base("under_five_mortality_rate"))
    _add(out, "under_five_mortality_rate", year, where, u5mr)


def _add(out: Frame, indicator: str, year: int, dims: dict[str, str], value: float | None) -> None:
    status = None if value is not None else ObsStatus.MISSING
    out.add(indicator, year, dims, value, status=status, footnote="lifetable")


def _standardised(
    out: Frame, year: int, ctx: Context, deaths: np.ndarray, population: np.ndarray
) -> None:
    """Directly standardised death rates by territory, sex and cause (ESP 2013)."""
    territories = ctx.territories("country", "region")
    groups = Grouping.ranges(AGE_LT, N_AGES, total=False)
    causes = Grouping.members_and_total(CHAPTERS)
    died = expand(deaths.sum(axis=1), [territories, ctx.sexes(), groups, causes])
    lived = expand(population.sum(axis=1), [territories, ctx.sexes(), groups])
    rates = directly_standardised_rate(
        np.moveaxis(died, 2, -1),  # soate × sex × cause × age group
        lived[:, :, np.newaxis, :],
        base=out.base("standardised_death_rate"),
        on_zero="missing",
    )
    axes = [("soate", territories), ("sex", ctx.sexes()), ("cause", causes)]
    out.add_grid("standardised_death_rate", year, rates, axes, not_available_ok=True)


def _maternal(out: Frame, year: int, ctx: Context, deaths: np.ndarray, births: np.ndarray) -> None:
    """Deaths of women from ICD-10 chapter XV per 100,000 live births, by territory."""
    territories = ctx.territories("country", "region")
    female = SEXES.index("F")
    maternal = deaths[:, :, female, :, CHAPTERS.index(MATERNAL_CHAPTER)].sum(axis=(1, 2))
    born = births.sum(axis=(1, 2, 3, 4))
    ratio = maternal_mortality_ratio(
        expand(maternal, [territories]),
        expand(born, [territories]),
        base=out.base("maternal_mortality_ratio"),
        on_zero="missing",
    )
    out.add_grid(
        "maternal_mortality_ratio", year, ratio, [("soate", territories)], not_available_ok=True
    )
