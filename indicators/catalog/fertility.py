"""Fertility in depth: adolescent births, mean age of mothers, reproduction rates, births by month.

The counts are the civil registry's live births (the cube of :mod:`indicators.catalog.vital`,
by mother's single year of age and birth order); the women at risk are the annual average
population of the cohort-component estimate. Every rate and mean is a method of
:mod:`indicators.methods.fertility`; the net reproduction rate takes the female survivors
``nLx / l0`` from the same abridged life table as life expectancy
(:func:`indicators.methods.abridged_life_table`).

Published for the country and the oblasts, urban, rural and together. A cell without women
of an age, without any birth (mean age) or without a life table (the rural part of a city:
no population) is published as not available (status ``M``), never as a number.
"""

from __future__ import annotations

import numpy as np

from indicators.catalog.vital import births_cube, deaths_cube, order_grouping
from indicators.context import AGE_LT, Context
from indicators.cubes import month_grouping, month_of
from indicators.frame import Axis, Frame
from indicators.methods import (
    LifeTableError,
    abridged_life_table,
    adolescent_birth_rate,
    fold_births_by_age,
    gross_reproduction_rate,
    mean_age_at_childbearing,
    net_reproduction_rate,
    women_in_age_groups,
)
from indicators.space import N_AGES, SEXES, Grouping, expand
from indicators.spec import Spec, Text
from store.models import BirthEvent

PER_1000_WOMEN = "per_1000_women"
DAUGHTERS = "daughters_per_woman"
ADOLESCENT_AGES = (("Y10T14", 10, 14), ("Y15T19", 15, 19))
METHOD = Text(
    ky="Тирүү төрөлүүлөр жарандык абалдын актыларын каттоо органдарынын (ЖААК) маалыматтары "
    "боюнча, катталган жылы жана энесинин туруктуу жашаган жери боюнча; аялдардын саны — "
    "калктын орточо жылдык саны. Энелердин орточо жашы бир жылдык жаш курак коэффициенттери "
    "менен салмакталат (Eurostat, Human Fertility Database); таза репродукция коэффициенти "
    "аялдардын кыскартылган өлүм таблицасы боюнча (Preston, Heuveline, Guillot, 2001).",
    ru="Живорождения по данным органов ЗАГС, по году регистрации и месту постоянного "
    "жительства матери; число женщин — среднегодовая численность населения. Средний возраст "
    "матери взвешен по однолетним возрастным коэффициентам рождаемости (Евростат, Human "
    "Fertility Database); нетто-коэффициент воспроизводства — по сокращённой таблице "
    "смертности женщин (Preston, Heuveline, Guillot, 2001).",
    en="Live births registered by the civil registry (ZAGS), by year of registration and the "
    "mother's place of usual residence; women are the annual average population. The mean "
    "age of mothers is weighted by single-year age-specific fertility rates (Eurostat, Human "
    "Fertility Database); the net reproduction rate uses the female abridged life table "
    "(Preston, Heuveline and Guillot, 2001).",
)


def _spec(
    id_: str,
    name: Text,
    definition: Text,
    unit: str,
    dims: tuple[str, ...],
    decimals: int,
    bounds: tuple[float, float],
    unit_base: int = 1,
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
        dimensions=dims,
        methodology=METHOD,
    )


SPECS = [
    _spec(
        "adolescent_birth_rate",
        Text(
            "Өспүрүм кыздардын төрөтүнүн коэффициенти",
            "Коэффициент рождаемости у девушек-подростков",
            "Adolescent birth rate",
        ),
        Text(
            "10–14 же 15–19 жаштагы энелерден төрөлгөндөр ушул жаштагы 1000 аялга (ТӨМ 3.7.2); "
            "15 жашка чейинки энелерден төрөлгөндөр 15–19 жаш тобуна кошулбайт.",
            "Число родившихся у матерей в возрасте 10–14 или 15–19 лет на 1000 женщин этого "
            "возраста (ЦУР 3.7.2); рождения у матерей моложе 15 лет в группу 15–19 не входят.",
            "Births to mothers aged 10–14 or 15–19 per 1,000 women of that age (SDG 3.7.2); "
            "births to mothers under 15 are not counted in 15–19.",
        ),
        PER_1000_WOMEN,
        ("soate", "urban_rural", "mother_age"),
        1,
        (0, 200),
        unit_base=1000,
    ),
    _spec(
        "mean_age_mother",
        Text(
            "Энелердин төрөт учурундагы орточо жашы",
            "Средний возраст матери при рождении ребёнка",
            "Mean age of mother at birth",
        ),
        Text(
            "Энелердин төрөт учурундагы орточо жашы, 15–49 жаштагы бир жылдык жаш курак "
            "коэффициенттери менен салмакталган (жаштын ортосу x + 0,5); катар саны боюнча — "
            "ошол катардагы төрөлүүлөрдүн коэффициенттери менен (1 — биринчи төрөттө).",
            "Средний возраст матери при рождении ребёнка, взвешенный по однолетним возрастным "
            "коэффициентам рождаемости 15–49 лет (середина года возраста x + 0,5); по "
            "очерёдности — по коэффициентам рождений этой очерёдности (1 — при первом рождении).",
            "Mean age of mothers at birth, weighted by the single-year age-specific fertility "
            "rates of ages 15–49 (middle of the year of age, x + 0.5); by birth order, by the "
            "rates of births of that order (1: at first birth).",
        ),
        "years",
        ("soate", "urban_rural", "birth_order"),
        1,
        (15, 45),
    ),
    _spec(
        "grr",
        Text(
            "Репродукциянын брутто-коэффициенти",
            "Брутто-коэффициент воспроизводства населения",
            "Gross reproduction rate",
        ),
        Text(
            "Бир аял өмүрүндө төрөй турган кыздардын орточо саны: тирүү төрөлгөн кыздар боюнча "
            "гана эсептелген төрөлүүнүн суммардык коэффициенти.",
            "Среднее число девочек, рождённых одной женщиной за жизнь: суммарный коэффициент "
            "рождаемости, рассчитанный только по родившимся девочкам.",
            "Average number of daughters a woman would bear over her lifetime: the total "
            "fertility rate counted on live-born girls only.",
        ),
        DAUGHTERS,
        ("soate", "urban_rural"),
        2,
        (0.2, 4),
    ),
    _spec(
        "nrr",
        Text(
            "Репродукциянын нетто-коэффициенти",
            "Нетто-коэффициент воспроизводства населения",
            "Net reproduction rate",
        ),
        Text(
            "Бир аялдын кыздарынын ичинен энесинин жашына чейин жашап жете тургандарынын "
            "орточо саны (учурдагы төрөлүү жана аялдардын өлүмү боюнча); 1 — калктын жөнөкөй "
            "алмашуусу.",
            "Среднее число девочек, рождённых одной женщиной и доживающих до возраста матери "
            "(при нынешних рождаемости и смертности женщин); 1 — простое замещение поколений.",
            "Average number of daughters a woman would bear who survive to their mother's age "
            "(at current fertility and female mortality); 1 is replacement.",
        ),
        DAUGHTERS,
        ("soate", "urban_rural"),
        2,
        (0.2, 4),
    ),
    Spec(
        id="births_by_month",
        topic="vital",
        name=Text(
            "Тирүү төрөлгөндөр айлар боюнча", "Родившиеся живыми по месяцам", "Live births by month"
        ),
        definition=Text(
            "Тирүү төрөлгөндөр төрөлгөн айы боюнча (окуянын датасы).",
            "Родившиеся живыми по месяцу рождения (дата события).",
            "Live births by month of birth (the date of the event).",
        ),
        unit="persons",
        dimensions=("soate", "month"),
        methodology=METHOD,
    ),
]


def compute(ctx: Context, out: Frame) -> None:
    births = births_cube(ctx)  # year × unit × settlement × sex × mother's age × order
    territories = ctx.territories("country", "region")
    grid = [territories, ctx.settlements()]
    axes: list[Axis] = [("soate", territories), ("urban_rural", ctx.settlements())]
    female = SEXES.index("F")
    for y, year in enumerate(ctx.years):
        women = expand(ctx.average_population(year)[:, :, female, :], grid)  # T × S × age
        by_age = expand(births[y].sum(axis=(2, 4)), grid)
        _adolescent(out, year, by_age, women, axes)
        _mean_age(out, year, births[y], women, grid, axes)
        daughters = expand(births[y][:, :, female].sum(axis=-1), grid)
        _reproduction(ctx, out, y, year, daughters, women, grid, axes)
    _by_month(ctx, out, territories)


def _adolescent(
    out: Frame, year: int, births: np.ndarray, women: np.ndarray, axes: list[Axis]
) -> None:
    """SDG 3.7.2: births to mothers of 10–14 and of 15–19 per 1,000 women of those ages."""
    for code, low, high in ADOLESCENT_AGES:
        rate = adolescent_birth_rate(
            births,
            women,
            ages=(low, high),
            base=out.base("adolescent_birth_rate"),
            on_zero="missing",
        )
        out.add_grid(
            "adolescent_birth_rate",
            year,
            rate,
            axes,
            fixed={"mother_age": code},
            not_available_ok=True,
        )


def _mean_age(
    out: Frame,
    year: int,
    births: np.ndarray,
    women: np.ndarray,
    grid: list[Grouping],
    axes: list[Axis],
) -> None:
    """Mean age of mothers at births of every order and of each order (1: the first)."""
    orders = order_grouping()
    for o, code in enumerate(orders.codes):
        of_order = np.tensordot(births, orders.matrix[o], axes=([4], [0]))  # unit × S × sex × age
        by_age = expand(of_order.sum(axis=2), grid)
        mean = mean_age_at_childbearing(by_age, women, on_zero="missing")
        out.add_grid(
            "mean_age_mother",
            year,
            mean,
            axes,
            fixed={"birth_order": code},
            footnote="fertility_ages",
            not_available_ok=True,
        )


def _reproduction(
    ctx: Context,
    out: Frame,
    y: int,
    year: int,
    daughters: np.ndarray,
    women: np.ndarray,
    grid: list[Grouping],
    axes: list[Axis],
) -> None:
    """GRR and NRR in five-year groups; the NRR with each cell's own female life table."""
    girls = fold_births_by_age(daughters)
    at_risk = women_in_age_groups(women)
    grr = gross_reproduction_rate(girls, at_risk, on_zero="missing")
    out.add_grid("grr", year, grr, axes, footnote="fertility_ages", not_available_ok=True)
    female = SEXES.index("F")
    groups = Grouping.ranges(AGE_LT, N_AGES, total=False)
    deaths = expand(_female_deaths(ctx)[y], [*grid, groups])
    population = expand(ctx.average_population(year)[:, :, female, :], [*grid, groups])
    nrr = np.full(grr.shape, np.nan)
    for cell in np.ndindex(*grr.shape):
        try:
            table = abridged_life_table(deaths[cell], population[cell], "female")
        except LifeTableError:
            continue  # no table (an age group without women): the NRR is not available
        nrr[cell] = net_reproduction_rate(girls[cell], at_risk[cell], table, on_zero="missing")
    out.add_grid("nrr", year, nrr, axes, footnote="fertility_ages", not_available_ok=True)


def _female_deaths(ctx: Context) -> np.ndarray:
    """Deaths of women: year × unit × settlement × age at death (the deaths cube the
    mortality topic reads, summed over causes: no second query)."""
    female: np.ndarray = deaths_cube(ctx)[:, :, :, SEXES.index("F")].sum(axis=-1)
    return female


def _by_month(ctx: Context, out: Frame, territories: Grouping) -> None:
    cube = ctx.cube("births_by_month", BirthEvent, [(month_of(BirthEvent.event_date), 13)])
    axes: list[Axis] = [
        ("soate", territories),
        (None, Grouping.total_only(2)),
        (None, Grouping.total_only(2)),
        ("month", month_grouping()),
    ]
    for y, year in enumerate(ctx.years):
        out.add_cube("births_by_month", year, cube[y], axes)
