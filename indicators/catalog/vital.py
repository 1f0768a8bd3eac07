"""Vital events: births, deaths, infant mortality, marriages, divorces, and their rates.

Counts come from the civil-registry microdata (ZAGS), aggregated by the database; every rate
is computed by :mod:`indicators.methods` (the functions the tests check), per the indicator's
``unit_base``, on the annual average population of the cohort-component estimate.

Zero denominators: each rate here is computed on a grid that holds empty cells by
construction — the rural part of a city has no population, a district may register no births
of one sex in a year, a region may have no women of an age group — so every one is computed
with ``on_zero="missing"`` and such a cell is published as not available (status ``M``),
never as a number: the crude rates (no population), the infant mortality rate (no live
births), the ASFR (no women of the group) and the TFR (no women of some group: leaving the
group out would lower the TFR). A life table that cannot be built (an age group without
population, an open group without deaths) gives life expectancies that are not available.
"""

from __future__ import annotations

import numpy as np
from sqlalchemy import literal

from indicators.context import AGE5, FERTILE, Context
from indicators.frame import Frame
from indicators.methods import (
    age_specific_fertility_rates,
    crude_rate,
    fold_births_by_age,
    infant_mortality_rate,
    total_fertility_rate,
    women_in_age_groups,
)
from indicators.space import N_AGES, SEXES, Grouping, expand
from indicators.spec import Spec, Text
from store.models import BirthEvent, DeathEvent, DivorceEvent, MarriageEvent

CHAPTERS = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
    "XXI",
    "XXII",
)
MOTHER_AGES = tuple(group for group in AGE5 if 10 <= group[1] <= 50)
PER_1000 = "per_1000"  # of the annual average population
PER_1000_LIVE_BIRTHS = "per_1000_live_births"
PER_1000_WOMEN = "per_1000_women"  # of the age group
METHOD = Text(
    ky="Окуялар жарандык абалдын актыларын каттоо органдарынын (ЖААК) маалыматтары боюнча, "
    "катталган жылы жана туруктуу жашаган жери боюнча эсептелет. Жалпы коэффициенттер калктын "
    "орточо жылдык санынын 1000 адамына; ымыркайлардын өлүмү 1000 тирүү төрөлгөнгө; "
    "күтүлүүчү өмүр кыскартылган өлүм таблицасы боюнча (Preston, Heuveline, Guillot, 2001).",
    ru="События учитываются по данным органов ЗАГС по году регистрации и месту постоянного "
    "жительства. Общие коэффициенты — на 1000 человек среднегодового населения; младенческая "
    "смертность — на 1000 родившихся живыми; ожидаемая продолжительность жизни — по "
    "сокращённой таблице смертности (Preston, Heuveline, Guillot, 2001).",
    en="Events are counted from civil-registry (ZAGS) records by year of registration and "
    "place of usual residence. Crude rates are per 1,000 of the annual average population; "
    "infant mortality per 1,000 live births; life expectancy from an abridged life table "
    "(Preston, Heuveline and Guillot, 2001).",
)


def _count(id_: str, ky: str, ru: str, en: str, dims: tuple[str, ...], definition: Text) -> Spec:
    return Spec(
        id=id_,
        topic="vital",
        name=Text(ky, ru, en),
        definition=definition,
        unit="persons" if id_ != "marriages" and id_ != "divorces" else "events",
        dimensions=dims,
        methodology=METHOD,
    )


def _rate(
    id_: str,
    name: Text,
    definition: Text,
    bounds: tuple[float, float],
    dims: tuple[str, ...] = ("soate", "urban_rural"),
    unit: str = PER_1000,
) -> Spec:
    return Spec(
        id=id_,
        topic="vital",
        name=name,
        definition=definition,
        unit=unit,
        unit_base=1000,
        decimals=1,
        additive=False,
        balance=id_ == "natural_increase_rate",
        bounds=bounds,
        dimensions=dims,
        methodology=METHOD,
    )


SPECS = [
    _count(
        "births",
        "Тирүү төрөлгөндөр",
        "Родившиеся живыми",
        "Live births",
        ("soate", "urban_rural", "sex", "mother_age", "birth_order"),
        Text(
            "Жарандык абалдын актыларын каттоо органдарында катталган тирүү төрөлүүлөр.",
            "Живорождения, зарегистрированные органами ЗАГС.",
            "Live births registered by the civil registry.",
        ),
    ),
    _count(
        "deaths",
        "Өлгөндөр",
        "Умершие",
        "Deaths",
        ("soate", "urban_rural", "sex", "age5", "cause"),
        Text(
            "Катталган өлүмдөр, өлүмдүн негизги себеби ОЭК-10 класстары боюнча.",
            "Зарегистрированные смерти; причина — класс МКБ-10 основной причины.",
            "Registered deaths; cause is the ICD-10 chapter of the underlying cause.",
        ),
    ),
    _count(
        "infant_deaths",
        "1 жашка чейин өлгөн балдар",
        "Умершие в возрасте до 1 года",
        "Infant deaths",
        ("soate", "sex", "cause"),
        Text(
            "Бир жашка чыга элек балдардын өлүмү, өлүмдүн негизги себеби ОЭК-10 класстары боюнча.",
            "Смерти детей в возрасте до одного года; причина — класс МКБ-10 основной причины.",
            "Deaths of children under one year of age; cause is the ICD-10 chapter of the "
            "underlying cause.",
        ),
    ),
    _count(
        "marriages",
        "Никелер",
        "Браки",
        "Marriages",
        ("soate", "urban_rural", "groom_age", "bride_age"),
        Text(
            "Катталган никелер, күйөө менен колуктунун жашы боюнча.",
            "Зарегистрированные браки, по возрасту жениха и невесты.",
            "Registered marriages, by the ages of groom and bride.",
        ),
    ),
    _count(
        "divorces",
        "Ажырашуулар",
        "Разводы",
        "Divorces",
        ("soate", "urban_rural", "husband_age", "wife_age"),
        Text(
            "Катталган ажырашуулар, күйөөсүнүн жана аялынын жашы боюнча.",
            "Зарегистрированные разводы, по возрасту мужа и жены.",
            "Registered divorces, by the ages of husband and wife.",
        ),
    ),
    Spec(
        id="natural_increase",
        methodology=METHOD,
        topic="vital",
        name=Text("Калктын табигый өсүшү", "Естественный прирост населения", "Natural increase"),
        definition=Text(
            "Тирүү төрөлгөндөр минус өлгөндөр.",
            "Родившиеся живыми минус умершие.",
            "Live births minus deaths.",
        ),
        unit="persons",
        dimensions=("soate", "urban_rural"),
        balance=True,
    ),
    _rate(
        "crude_birth_rate",
        Text("Төрөлүүнүн жалпы коэффициенти", "Общий коэффициент рождаемости", "Crude birth rate"),
        Text(
            "Калктын орточо жылдык санынын 1000 адамына тирүү төрөлгөндөр.",
            "Число родившихся живыми на 1000 человек среднегодового населения.",
            "Live births per 1,000 of the annual average population.",
        ),
        (5, 50),
    ),
    _rate(
        "crude_death_rate",
        Text("Өлүмдүн жалпы коэффициенти", "Общий коэффициент смертности", "Crude death rate"),
        Text(
            "Калктын орточо жылдык санынын 1000 адамына өлгөндөр.",
            "Число умерших на 1000 человек среднегодового населения.",
            "Deaths per 1,000 of the annual average population.",
        ),
        (1, 30),
    ),
    _rate(
        "natural_increase_rate",
        Text(
            "Табигый өсүштүн коэффициенти",
            "Коэффициент естественного прироста",
            "Rate of natural increase",
        ),
        Text(
            "Калктын 1000 адамына табигый өсүш.",
            "Естественный прирост на 1000 человек среднегодового населения.",
            "Natural increase per 1,000 of the annual average population.",
        ),
        (-20, 50),
    ),
    _rate(
        "crude_marriage_rate",
        Text("Никелердин жалпы коэффициенти", "Общий коэффициент брачности", "Crude marriage rate"),
        Text(
            "Калктын 1000 адамына никелер.",
            "Число браков на 1000 человек населения.",
            "Marriages per 1,000 of the annual average population.",
        ),
        (0, 30),
    ),
    _rate(
        "crude_divorce_rate",
        Text(
            "Ажырашуулардын жалпы коэффициенти",
            "Общий коэффициент разводимости",
            "Crude divorce rate",
        ),
        Text(
            "Калктын 1000 адамына ажырашуулар.",
            "Число разводов на 1000 человек населения.",
            "Divorces per 1,000 of the annual average population.",
        ),
        (0, 15),
    ),
    _rate(
        "infant_mortality_rate",
        Text(
            "Ымыркайлардын өлүмүнүн коэффициенти",
            "Коэффициент младенческой смертности",
            "Infant mortality rate",
        ),
        Text(
            "1000 тирүү төрөлгөнгө 1 жашка чейин өлгөн балдар (жылдагы сан / жылдагы төрөлүүлөр).",
            "Число умерших до 1 года на 1000 родившихся живыми (умершие за год / "
            "родившиеся за год).",
            "Deaths under age one per 1,000 live births (deaths of the year / births of the year).",
        ),
        (0, 100),
        dims=("soate", "sex"),
        unit=PER_1000_LIVE_BIRTHS,
    ),
    _rate(
        "asfr",
        Text(
            "Төрөлүүнүн жаш курак боюнча коэффициенттери",
            "Возрастные коэффициенты рождаемости",
            "Age-specific fertility rates",
        ),
        Text(
            "Тиешелүү жаштагы 1000 аялга тирүү төрөлгөндөр.",
            "Число родившихся живыми на 1000 женщин соответствующего возраста.",
            "Live births per 1,000 women of the age group.",
        ),
        (0, 400),
        dims=("soate", "urban_rural", "mother_age"),
        unit=PER_1000_WOMEN,
    ),
    Spec(
        id="tfr",
        methodology=METHOD,
        topic="vital",
        name=Text(
            "Төрөлүүнүн суммардык коэффициенти",
            "Суммарный коэффициент рождаемости",
            "Total fertility rate",
        ),
        definition=Text(
            "Бир аялдын өмүрүндө төрөй турган балдардын орточо саны (жаш курак "
            "коэффициенттеринин суммасы × 5 / 1000).",
            "Среднее число детей, рождённых одной женщиной за жизнь (сумма возрастных "
            "коэффициентов × 5 / 1000).",
            "Average number of children a woman would bear over her lifetime (sum of the "
            "age-specific rates × 5 / 1000).",
        ),
        unit="children_per_woman",
        decimals=2,
        additive=False,
        bounds=(0.5, 8),
        dimensions=("soate", "urban_rural"),
    ),
    Spec(
        id="life_expectancy",
        methodology=METHOD,
        topic="vital",
        name=Text(
            "Күтүлүүчү өмүрдүн узактыгы", "Ожидаемая продолжительность жизни", "Life expectancy"
        ),
        definition=Text(
            "Ушул жаштагы адам өлүмдүн учурдагы деңгээлинде орто эсеп менен дагы канча жыл "
            "жашай турганы (0 жашта — туулгандагы күтүлүүчү өмүр).",
            "Среднее число лет, которое предстоит прожить человеку данного возраста при "
            "нынешнем уровне смертности (в возрасте 0 — при рождении).",
            "Average number of further years a person of the age would live at current "
            "mortality (at age 0: life expectancy at birth).",
        ),
        unit="years",
        decimals=1,
        additive=False,
        bounds=(40, 95),
        bounds_at=(("age_lt", "Y0"),),
        # Computed with the other columns of its life table in indicators.catalog.mortality.
        dimensions=("soate", "urban_rural", "sex", "age_lt"),
    ),
]


def compute(ctx: Context, out: Frame) -> None:
    _births(ctx, out)
    _deaths(ctx, out)
    _marriages_and_divorces(ctx, out)
    _fertility(ctx, out)


def order_grouping() -> Grouping:
    return Grouping.of({"_T": [1, 2, 3, 4], "1": [1], "2": [2], "3": [3], "4+": [4]}, 5)


def births_cube(ctx: Context) -> np.ndarray:
    """Births: year × unit × settlement × sex × mother's age × birth order (0..4, 4 = 4+)."""
    return ctx.cube(
        "births", BirthEvent, [(BirthEvent.mother_age, N_AGES), (BirthEvent.birth_order, 5)]
    )


def deaths_cube(ctx: Context) -> np.ndarray:
    """Deaths: year × unit × settlement × sex × age at death × cause chapter."""
    return ctx.cube(
        "deaths", DeathEvent, [(DeathEvent.age, N_AGES), (DeathEvent.cause_chapter, CHAPTERS)]
    )


def _per_territory(values: np.ndarray, ctx: Context) -> np.ndarray:
    """Sum a unit × settlement × … array to soate × urban_rural (all levels, _T/U/R)."""
    flat = values.reshape(values.shape[0], values.shape[1], -1).sum(axis=2)
    return expand(flat, [ctx.territories(), ctx.settlements()])


def _births(ctx: Context, out: Frame) -> None:
    cube = births_cube(ctx)
    territory = [
        ("soate", ctx.territories()),
        ("urban_rural", ctx.settlements()),
        ("sex", ctx.sexes()),
        ("mother_age", Grouping.total_only(N_AGES)),
        ("birth_order", Grouping.total_only(5)),
    ]
    detail = [
        ("soate", ctx.territories("country", "region")),
        ("urban_rural", ctx.all_settlements()),
        ("sex", ctx.sexes()),
        ("mother_age", Grouping.ranges(MOTHER_AGES, N_AGES)),
        ("birth_order", order_grouping()),
    ]
    for y, year in enumerate(ctx.years):
        out.add_cube("births", year, cube[y], territory)
        out.add_cube("births", year, cube[y], detail)


def _deaths(ctx: Context, out: Frame) -> None:
    cube = deaths_cube(ctx)
    chapters = Grouping.members_and_total(CHAPTERS)
    infants = Grouping.of({"Y0": [0]}, N_AGES)
    for y, year in enumerate(ctx.years):
        by_age = cube[y].sum(axis=4)
        out.add_cube(
            "deaths",
            year,
            by_age,
            [
                ("soate", ctx.territories()),
                ("urban_rural", ctx.settlements()),
                ("sex", ctx.sexes()),
                ("age5", ctx.age5()),
            ],
            fixed={"cause": "_T"},
        )
        out.add_cube(
            "deaths",
            year,
            cube[y],
            [
                ("soate", ctx.territories("country", "region")),
                ("urban_rural", ctx.all_settlements()),
                ("sex", ctx.sexes()),
                ("age5", ctx.age5()),
                ("cause", chapters),
            ],
        )
        infant = expand(cube[y].sum(axis=(1, 4)), [ctx.territories(), ctx.sexes(), infants])
        out.add_grid(
            "infant_deaths",
            year,
            infant[..., 0],
            [("soate", ctx.territories()), ("sex", ctx.sexes())],
            fixed={"cause": "_T"},
        )
        under_one = cube[y][:, :, :, 0, :].sum(axis=1)  # unit × sex × cause
        out.add_cube(
            "infant_deaths",
            year,
            under_one,
            [
                ("soate", ctx.territories("country", "region")),
                ("sex", ctx.sexes()),
                ("cause", chapters),
            ],
        )
        births = expand(births_cube(ctx)[y].sum(axis=(1, 3, 4)), [ctx.territories(), ctx.sexes()])
        imr = infant_mortality_rate(
            infant[..., 0], births, base=out.base("infant_mortality_rate"), on_zero="missing"
        )
        out.add_grid(
            "infant_mortality_rate",
            year,
            imr,
            [("soate", ctx.territories()), ("sex", ctx.sexes())],
            not_available_ok=True,
        )
        population = _per_territory(ctx.average_population(year), ctx)
        born = _per_territory(births_cube(ctx)[y], ctx)
        died = _per_territory(cube[y], ctx)
        axes = [("soate", ctx.territories()), ("urban_rural", ctx.settlements())]
        out.add_grid("natural_increase", year, born - died, axes)
        for indicator, events in (
            ("crude_birth_rate", born),
            ("crude_death_rate", died),
            ("natural_increase_rate", born - died),
        ):
            rates = crude_rate(events, population, base=out.base(indicator), on_zero="missing")
            out.add_grid(indicator, year, rates, axes, not_available_ok=True)


def _marriages_and_divorces(ctx: Context, out: Frame) -> None:
    # Marriages and divorces have no sex of their own: the sex axis holds everything in "M"
    # and is summed out.
    marriages = ctx.cube(
        "marriages",
        MarriageEvent,
        [(MarriageEvent.groom_age, N_AGES), (MarriageEvent.bride_age, N_AGES)],
        sex=literal("M"),
    )
    divorces = ctx.cube(
        "divorces",
        DivorceEvent,
        [(DivorceEvent.husband_age, N_AGES), (DivorceEvent.wife_age, N_AGES)],
        sex=literal("M"),
    )
    axes = [("soate", ctx.territories()), ("urban_rural", ctx.settlements())]
    ages = [
        ("soate", ctx.territories("country")),
        ("urban_rural", ctx.all_settlements()),
        (None, Grouping.total_only(2)),
        ("groom_age", ctx.age5()),
        ("bride_age", ctx.age5()),
    ]
    for y, year in enumerate(ctx.years):
        population = _per_territory(ctx.average_population(year), ctx)
        married = _per_territory(marriages[y], ctx)
        divorced = _per_territory(divorces[y], ctx)
        out.add_grid("marriages", year, married, axes, fixed={"groom_age": "_T", "bride_age": "_T"})
        out.add_cube("marriages", year, marriages[y], ages)
        out.add_grid(
            "divorces", year, divorced, axes, fixed={"husband_age": "_T", "wife_age": "_T"}
        )
        out.add_cube(
            "divorces",
            year,
            divorces[y],
            [*ages[:3], ("husband_age", ctx.age5()), ("wife_age", ctx.age5())],
        )
        for indicator, events in (
            ("crude_marriage_rate", married),
            ("crude_divorce_rate", divorced),
        ):
            rates = crude_rate(events, population, base=out.base(indicator), on_zero="missing")
            out.add_grid(indicator, year, rates, axes, not_available_ok=True)


def _fertility(ctx: Context, out: Frame) -> None:
    """ASFR per ``unit_base`` women of 15–19 … 45–49 (births outside folded in) and the TFR.

    The folding of births, the women at risk and both rates are the methods'
    (:mod:`indicators.methods.fertility`), in the five-year groups of :data:`FERTILE`.
    """
    mothers = Grouping.ranges(FERTILE, N_AGES, total=False)  # the codes of the groups
    territories = ctx.territories("country", "region")
    grid = [territories, ctx.settlements()]
    female = SEXES.index("F")
    for y, year in enumerate(ctx.years):
        births = fold_births_by_age(expand(births_cube(ctx)[y].sum(axis=(2, 4)), grid))
        women = women_in_age_groups(expand(ctx.average_population(year)[:, :, female, :], grid))
        asfr = age_specific_fertility_rates(births, women, base=out.base("asfr"), on_zero="missing")
        tfr = total_fertility_rate(births, women, on_zero="missing")
        axes = [("soate", territories), ("urban_rural", ctx.settlements()), ("mother_age", mothers)]
        out.add_grid("asfr", year, asfr, axes, footnote="fertility_ages", not_available_ok=True)
        out.add_grid("tfr", year, tfr, axes[:2], footnote="fertility_ages", not_available_ok=True)
