"""Nationality, the first weeks of life, births outside marriage and population density.

The indicators of the fields issue 14 added to the sources:

* **By nationality** (the ``nationality`` codelist): the population from the census base at
  its reference date — not from the yearly estimate, which the cohort-component method
  carries by territory, settlement, sex and age only (nationality is declared, not registered
  as it changes, so no balance of it can be kept from events) — and the births (by the
  mother's nationality), deaths, emigrants and immigrants of every year. A record that states
  no nationality counts as ``NOT_STATED``, so each of these sums to its total exactly.
* **Perinatal**: stillbirths (22+ weeks, ``stillbirth_event``), early neonatal (days 0–6) and
  neonatal (days 0–27) deaths from the age at death in days, and their rates
  (:mod:`indicators.methods.perinatal`; SDG 3.2.2 is the neonatal mortality rate).
* **Births outside registered marriage**: live births whose mother is never married,
  divorced or widowed; a mother of unstated status counts in the total only.
* **Population density**: the population on 1 January per km² of the territory's area, an
  attribute of the СОАТЕ classifier (official for the country, oblasts and the two cities of
  republican significance; synthetic shares below them, as the classifier file says).

A year in which the whole republic has no stillbirth, no death with its age in days, or no
birth with the mother's marital status stated is taken as a year the field was not recorded
(records loaded before it existed) and those indicators are left out for it: published as
zero, they would claim that no child was stillborn or died in its first month.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from indicators.catalog.vital import births_cube
from indicators.context import MARITAL_STATUSES, Context
from indicators.cubes import DataError, stated
from indicators.frame import Frame
from indicators.methods import (
    neonatal_mortality_rate,
    perinatal_mortality_rate,
    population_density,
    share_of_births,
    stillbirth_rate,
)
from indicators.methods.perinatal import EARLY_NEONATAL_DAYS, NEONATAL_DAYS
from indicators.space import SEXES, TOTAL, Grouping, expand
from indicators.spec import Spec, Text
from store.models import (
    BirthEvent,
    CensusPopulation,
    Code,
    DeathEvent,
    MigrationEvent,
    StillbirthEvent,
)

OUTSIDE_MARRIAGE = ("NEVER_MARRIED", "DIVORCED", "WIDOWED")
PER_1000_LIVE_BIRTHS = "per_1000_live_births"
PER_1000_TOTAL_BIRTHS = "per_1000_total_births"

CENSUS_METHOD = Text(
    ky="Калктын базалык саны (каттоо же синтетикалык маалыматтар үчүн түзүлгөн база) анын "
    "эсептик күнүнө карата, адамдар өздөрү көрсөткөн улуту боюнча. Жыл сайынкы баалоо "
    "улутту камтыбайт: улут окуялар катары катталбайт.",
    ru="Базовая численность населения (перепись или, для синтетических данных, "
    "сгенерированная база) на её критический момент, по национальности, указанной самими "
    "жителями. Ежегодная оценка национальность не содержит: её смена не регистрируется.",
    en="The base population (a census, or for synthetic data the generated base) at its "
    "reference date, by nationality as people declare it. The yearly estimate carries no "
    "nationality: a change of it is not a registered event.",
)
EVENT_METHOD = Text(
    ky="ЖААК органдарынын жана АИС АСБнын жазууларында көрсөтүлгөн улут боюнча; улуту "
    "көрсөтүлбөгөн же белгисиз коддогу жазуулар «улуту көрсөтүлгөн эмес» тобунда.",
    ru="По национальности, указанной в записях органов ЗАГС и АИС АСБ; записи без "
    "национальности или с неизвестным кодом — в группе «национальность не указана».",
    en="By the nationality stated in the civil-registry (ZAGS) and AIS ASB records; records "
    "without one, or with a code no crosswalk knows, are counted as 'not stated'.",
)
PERINATAL_METHOD = Text(
    ky="ДСУнун аныктамалары боюнча (ОЭК-10, 2-том): өлүү төрөлүү — кош бойлуулуктун 22 жана "
    "андан көп толук жумасында; эрте неонаталдык өлүм — төрөлгөндөн кийинки 0–6 күн, "
    "неонаталдык — 0–27 күн. Өлүү төрөлүү жана перинаталдык өлүм бардык төрөлгөндөрдүн "
    "(тирүү жана өлүү) 1000ине, неонаталдык өлүм тирүү төрөлгөн 1000 балага.",
    ru="По определениям ВОЗ (МКБ-10, том 2): мертворождение — при сроке беременности 22 и "
    "более полных недель; ранняя неонатальная смертность — 0–6 дней жизни, неонатальная — "
    "0–27 дней. Мертворождаемость и перинатальная смертность — на 1000 родившихся живыми и "
    "мёртвыми, неонатальная смертность — на 1000 родившихся живыми.",
    en="WHO definitions (ICD-10, volume 2): a stillbirth is a fetal death at 22 or more "
    "completed weeks of gestation; early neonatal deaths are in days 0-6 of life, neonatal "
    "deaths in days 0-27. Stillbirth and perinatal rates are per 1,000 total births (live "
    "and still), neonatal rates per 1,000 live births.",
)
DENSITY_METHOD = Text(
    ky="1-январдагы калктын саны аймактын аянтына (км²) бөлүнөт. Аянт — СОАТЕнин "
    "маалыматы: өлкө, облустар жана республикалык маанидеги шаарлар үчүн расмий, "
    "райондор жана башка бирдиктер үчүн синтетикалык.",
    ru="Численность населения на 1 января, делённая на площадь территории (км²). Площадь — "
    "справочные данные СОАТЕ: официальная для республики, областей и городов "
    "республиканского значения, синтетическая для районов и других единиц.",
    en="Population on 1 January divided by the territory's area (km²). The area is reference "
    "data of the СОАТЕ classifier: official for the republic, oblasts and cities of "
    "republican significance, synthetic for rayons and other units.",
)


def _count(
    id_: str, topic: str, name: Text, definition: Text, dims: tuple[str, ...], method: Text
) -> Spec:
    return Spec(
        id=id_,
        topic=topic,
        name=name,
        definition=definition,
        unit="events" if id_ == "stillbirths" else "persons",
        dimensions=dims,
        methodology=method,
        source="census_and_registers" if id_ == "pop_census_nationality" else "civil_registry",
    )


def _rate(id_: str, name: Text, definition: Text, unit: str, bounds: tuple[float, float]) -> Spec:
    return Spec(
        id=id_,
        topic="vital",
        name=name,
        definition=definition,
        unit=unit,
        unit_base=100 if unit == "per_100_live_births" else 1000,
        decimals=1,
        additive=False,
        bounds=bounds,
        dimensions=("soate",),
        methodology=PERINATAL_METHOD,
    )


SPECS = [
    _count(
        "pop_census_nationality",
        "population",
        Text(
            "Калктын улуттук курамы (базалык калк)",
            "Национальный состав населения (базовая численность)",
            "Population by nationality (base population)",
        ),
        Text(
            "Туруктуу калк улуту боюнча, базалык калктын (каттоонун) эсептик күнүнө карата.",
            "Постоянное население по национальности на дату базовой численности (переписи).",
            "Usual residents by nationality at the reference date of the base population (census).",
        ),
        ("soate", "sex", "nationality"),
        CENSUS_METHOD,
    ),
    _count(
        "births_by_nationality",
        "vital",
        Text(
            "Төрөлгөндөр энесинин улуту боюнча",
            "Родившиеся по национальности матери",
            "Live births by nationality of mother",
        ),
        Text(
            "ЖААК органдарында катталган тирүү төрөлүүлөр, энесинин улуту боюнча.",
            "Живорождения, зарегистрированные органами ЗАГС, по национальности матери.",
            "Live births registered by the civil registry, by the mother's nationality.",
        ),
        ("soate", "mother_nationality"),
        EVENT_METHOD,
    ),
    _count(
        "deaths_by_nationality",
        "vital",
        Text("Өлгөндөр улуту боюнча", "Умершие по национальности", "Deaths by nationality"),
        Text(
            "Катталган өлүмдөр, маркумдун улуту боюнча (ымыркайлар — энесинин улуту).",
            "Зарегистрированные смерти по национальности умершего (младенцы — по "
            "национальности матери).",
            "Registered deaths by the nationality of the deceased (infants: the mother's).",
        ),
        ("soate", "sex", "nationality"),
        EVENT_METHOD,
    ),
    _count(
        "emigrants_by_nationality",
        "migration",
        Text("Эмигранттар улуту боюнча", "Эмигранты по национальности", "Emigrants by nationality"),
        Text(
            "Башка өлкөгө кетүү менен каттоодон чыгарылгандар, улуту боюнча.",
            "Выбывшие за пределы республики, по национальности.",
            "Persons de-registered to live abroad, by nationality.",
        ),
        ("soate", "sex", "nationality"),
        EVENT_METHOD,
    ),
    _count(
        "immigrants_by_nationality",
        "migration",
        Text(
            "Иммигранттар улуту боюнча",
            "Иммигранты по национальности",
            "Immigrants by nationality",
        ),
        Text(
            "Башка өлкөдөн келип катталгандар, улуту боюнча.",
            "Прибывшие из-за пределов республики, по национальности.",
            "Persons registered on arrival from abroad, by nationality.",
        ),
        ("soate", "sex", "nationality"),
        EVENT_METHOD,
    ),
    _count(
        "stillbirths",
        "vital",
        Text("Өлүү төрөлгөндөр", "Мертворождённые", "Stillbirths"),
        Text(
            "Кош бойлуулуктун 22 жана андан көп толук жумасында өлүү төрөлгөндөр, ЖААК "
            "органдарында катталган.",
            "Мертворождённые при сроке беременности 22 и более полных недель, "
            "зарегистрированные органами ЗАГС.",
            "Stillbirths at 22 or more completed weeks of gestation registered by the civil "
            "registry.",
        ),
        ("soate",),
        PERINATAL_METHOD,
    ),
    _count(
        "early_neonatal_deaths",
        "vital",
        Text(
            "Төрөлгөндөн кийинки алгачкы 7 күндө өлгөндөр",
            "Умершие в первые 7 дней жизни",
            "Early neonatal deaths",
        ),
        Text(
            "Жашоонун 0–6-күндөрүндө өлгөн тирүү төрөлгөн балдар.",
            "Умершие на 0–6-й день жизни.",
            "Deaths of live-born children in days 0-6 of life.",
        ),
        ("soate",),
        PERINATAL_METHOD,
    ),
    _count(
        "neonatal_deaths",
        "vital",
        Text(
            "Төрөлгөндөн кийинки алгачкы 28 күндө өлгөндөр",
            "Умершие в первые 28 дней жизни",
            "Neonatal deaths",
        ),
        Text(
            "Жашоонун 0–27-күндөрүндө өлгөн тирүү төрөлгөн балдар.",
            "Умершие на 0–27-й день жизни.",
            "Deaths of live-born children in days 0-27 of life.",
        ),
        ("soate",),
        PERINATAL_METHOD,
    ),
    _rate(
        "stillbirth_rate",
        Text("Өлүү төрөлүүнүн коэффициенти", "Коэффициент мертворождаемости", "Stillbirth rate"),
        Text(
            "Бардык төрөлгөндөрдүн (тирүү жана өлүү) 1000ине өлүү төрөлгөндөр.",
            "Число мертворождённых на 1000 родившихся живыми и мёртвыми.",
            "Stillbirths per 1,000 total births (live births and stillbirths).",
        ),
        PER_1000_TOTAL_BIRTHS,
        (0, 100),
    ),
    _rate(
        "perinatal_mortality_rate",
        Text(
            "Перинаталдык өлүмдүн коэффициенти",
            "Коэффициент перинатальной смертности",
            "Perinatal mortality rate",
        ),
        Text(
            "Бардык төрөлгөндөрдүн (тирүү жана өлүү) 1000ине өлүү төрөлгөндөр жана жашоонун "
            "алгачкы 7 күнүндө өлгөндөр.",
            "Число мертворождённых и умерших в первые 7 дней жизни на 1000 родившихся живыми "
            "и мёртвыми.",
            "Stillbirths and deaths in the first 7 days of life per 1,000 total births.",
        ),
        PER_1000_TOTAL_BIRTHS,
        (0, 150),
    ),
    _rate(
        "early_neonatal_mortality_rate",
        Text(
            "Эрте неонаталдык өлүмдүн коэффициенти",
            "Коэффициент ранней неонатальной смертности",
            "Early neonatal mortality rate",
        ),
        Text(
            "Тирүү төрөлгөн 1000 балага жашоонун алгачкы 7 күнүндө өлгөндөр.",
            "Число умерших в первые 7 дней жизни на 1000 родившихся живыми.",
            "Deaths in the first 7 days of life per 1,000 live births.",
        ),
        PER_1000_LIVE_BIRTHS,
        (0, 100),
    ),
    _rate(
        "neonatal_mortality_rate",
        Text(
            "Неонаталдык өлүмдүн коэффициенти",
            "Коэффициент неонатальной смертности",
            "Neonatal mortality rate",
        ),
        Text(
            "Тирүү төрөлгөн 1000 балага жашоонун алгачкы 28 күнүндө өлгөндөр (ТӨМ 3.2.2).",
            "Число умерших в первые 28 дней жизни на 1000 родившихся живыми (ЦУР 3.2.2).",
            "Deaths in the first 28 days of life per 1,000 live births (SDG 3.2.2).",
        ),
        PER_1000_LIVE_BIRTHS,
        (0, 100),
    ),
    Spec(
        id="births_outside_marriage",
        topic="vital",
        name=Text(
            "Катталган никеден тышкары төрөлгөндөр",
            "Родившиеся вне зарегистрированного брака",
            "Live births outside registered marriage",
        ),
        definition=Text(
            "Энеси катталган никеде турбаган (эч качан никеде болбогон, ажырашкан же жесир) "
            "тирүү төрөлгөндөр.",
            "Родившиеся живыми у матерей, не состоящих в зарегистрированном браке (никогда не "
            "состоявших в браке, разведённых или вдовых).",
            "Live births to mothers not in a registered marriage (never married, divorced or "
            "widowed).",
        ),
        unit="persons",
        dimensions=("soate", "urban_rural"),
        methodology=PERINATAL_METHOD,
    ),
    Spec(
        id="births_outside_marriage_share",
        topic="vital",
        name=Text(
            "Катталган никеден тышкары төрөлгөндөрдүн үлүшү",
            "Доля родившихся вне зарегистрированного брака",
            "Share of live births outside registered marriage",
        ),
        definition=Text(
            "Катталган никеден тышкары төрөлгөндөр бардык тирүү төрөлгөндөрдүн пайызы менен "
            "(энесинин никелик абалы көрсөтүлбөгөндөр жалпы санда гана).",
            "Родившиеся вне зарегистрированного брака в процентах от всех родившихся живыми "
            "(с неуказанным брачным состоянием матери — только в общем числе).",
            "Live births outside registered marriage as a percentage of all live births "
            "(births whose mother's status is not stated count in the total only).",
        ),
        unit="per_100_live_births",
        unit_base=100,
        decimals=1,
        additive=False,
        bounds=(0, 100),
        dimensions=("soate", "urban_rural"),
        methodology=PERINATAL_METHOD,
    ),
    Spec(
        id="population_density",
        topic="population",
        name=Text("Калктын жыштыгы", "Плотность населения", "Population density"),
        definition=Text(
            "1-январдагы туруктуу калктын 1 км² аянтка туура келген саны.",
            "Численность постоянного населения на 1 января в расчёте на 1 км² площади.",
            "Usual residents on 1 January per square kilometre of area.",
        ),
        unit="persons_per_km2",
        decimals=1,
        additive=False,
        bounds=(0, 20_000),
        dimensions=("soate",),
        source="census_and_registers",
        estimate=True,
        methodology=DENSITY_METHOD,
    ),
]


def compute(ctx: Context, out: Frame) -> None:
    codes = nationality_codes(ctx.session)
    if codes:  # a store without the nationality codelist publishes none of these
        _census(ctx, out, codes)
        _events_by_nationality(ctx, out, codes)
    _perinatal(ctx, out)
    _outside_marriage(ctx, out)
    _density(ctx, out)


def nationality_codes(session: Session) -> tuple[str, ...]:
    """The codes of the ``nationality`` codelist (its total left out), in its order."""
    rows = session.execute(
        select(Code.code, func.min(Code.sort_order))
        .where(Code.codelist_id == "nationality", Code.code != TOTAL)
        .group_by(Code.code)
    )
    return tuple(code for code, _order in sorted(rows, key=lambda row: (row[1], row[0])))


def _census(ctx: Context, out: Frame, codes: tuple[str, ...]) -> None:
    base = ctx.base
    c = CensusPopulation
    stated_nationality = stated(c.nationality)
    rows = ctx.session.execute(
        select(c.territory, c.sex, stated_nationality, func.sum(c.persons))
        .where(c.reference_date == base.reference_date)
        .group_by(c.territory, c.sex, stated_nationality)
    )
    index = {code: i for i, code in enumerate(codes)}
    persons = np.zeros((len(ctx.space.units), len(SEXES), len(codes)))
    for unit, sex, nationality, count in rows:
        if nationality not in index:
            raise DataError(f"census_population: unexpected nationality {nationality!r}")
        persons[ctx.space.unit_index[unit], SEXES.index(sex), index[nationality]] += count
    axes = [
        ("soate", ctx.territories()),
        ("sex", ctx.sexes()),
        ("nationality", Grouping.members_and_total(codes)),
    ]
    out.add_cube("pop_census_nationality", base.reference_date.year, persons, axes)


def _events_by_nationality(ctx: Context, out: Frame, codes: tuple[str, ...]) -> None:
    regions = ctx.territories("country", "region")
    groups = Grouping.members_and_total(codes)
    births = ctx.cube(
        "births_by_mother_nationality",
        BirthEvent,
        [(stated(BirthEvent.mother_nationality), codes)],
    )
    deaths = ctx.cube(
        "deaths_by_nationality", DeathEvent, [(stated(DeathEvent.nationality), codes)]
    )
    m = MigrationEvent
    flows = {
        indicator: ctx.cube(
            indicator,
            m,
            [(stated(m.nationality), codes)],
            m.migration_type == "external",
            m.event_kind == kind,
        )
        for indicator, kind in (
            ("emigrants_by_nationality", "deregistration"),
            ("immigrants_by_nationality", "registration"),
        )
    }
    for y, year in enumerate(ctx.years):
        out.add_cube(
            "births_by_nationality",
            year,
            births[y].sum(axis=(1, 2)),
            [("soate", regions), ("mother_nationality", groups)],
        )
        by_sex = [("soate", regions), ("sex", ctx.sexes()), ("nationality", groups)]
        out.add_cube("deaths_by_nationality", year, deaths[y].sum(axis=1), by_sex)
        for indicator, cube in flows.items():
            out.add_cube(indicator, year, cube[y].sum(axis=1), by_sex)


def _per_unit(cube: np.ndarray) -> np.ndarray:
    """year × unit × settlement × sex × … summed to year × unit."""
    return np.asarray(cube.reshape(cube.shape[0], cube.shape[1], -1).sum(axis=2))


def _perinatal(ctx: Context, out: Frame) -> None:
    still = _per_unit(ctx.cube("stillbirths", StillbirthEvent, [], sex=literal("M")))
    live = _per_unit(births_cube(ctx))
    days = ctx.cube(
        "deaths_by_day_of_life",
        DeathEvent,
        [(DeathEvent.age_days, NEONATAL_DAYS)],
        DeathEvent.age_days < NEONATAL_DAYS,
    )  # year × unit × settlement × sex × day 0..27
    early = _per_unit(days[..., :EARLY_NEONATAL_DAYS])
    neonatal = _per_unit(days)
    territories = ctx.territories()
    axes = [("soate", territories)]
    for y, year in enumerate(ctx.years):
        counts = {
            "stillbirths": expand(still[y], [territories]),
            "early_neonatal_deaths": expand(early[y], [territories]),
            "neonatal_deaths": expand(neonatal[y], [territories]),
        }
        births = expand(live[y], [territories])
        recorded = {
            "stillbirths": still[y].sum() > 0,
            "neonatal": neonatal[y].sum() > 0,
        }
        if recorded["stillbirths"]:
            out.add_grid("stillbirths", year, counts["stillbirths"], axes)
            out.add_grid(
                "stillbirth_rate",
                year,
                stillbirth_rate(
                    counts["stillbirths"],
                    births,
                    base=out.base("stillbirth_rate"),
                    on_zero="missing",
                ),
                axes,
                not_available_ok=True,
            )
        if recorded["neonatal"]:
            for indicator, deaths in (
                ("early_neonatal", counts["early_neonatal_deaths"]),
                ("neonatal", counts["neonatal_deaths"]),
            ):
                out.add_grid(f"{indicator}_deaths", year, deaths, axes)
                rate = f"{indicator}_mortality_rate"
                values = neonatal_mortality_rate(
                    deaths, births, base=out.base(rate), on_zero="missing"
                )
                out.add_grid(rate, year, values, axes, not_available_ok=True)
        if recorded["stillbirths"] and recorded["neonatal"]:
            values = perinatal_mortality_rate(
                counts["stillbirths"],
                counts["early_neonatal_deaths"],
                births,
                base=out.base("perinatal_mortality_rate"),
                on_zero="missing",
            )
            out.add_grid("perinatal_mortality_rate", year, values, axes, not_available_ok=True)


def _outside_marriage(ctx: Context, out: Frame) -> None:
    cube = ctx.cube(
        "births_by_marital_status",
        BirthEvent,
        [(stated(BirthEvent.mother_marital_status), MARITAL_STATUSES)],
    )  # year × unit × settlement × sex × status
    outside = [MARITAL_STATUSES.index(status) for status in OUTSIDE_MARRIAGE]
    axes = [("soate", ctx.territories()), ("urban_rural", ctx.settlements())]
    recorded = [MARITAL_STATUSES.index(status) for status in MARITAL_STATUSES[:-1]]
    for y, year in enumerate(ctx.years):
        if cube[y][..., recorded].sum() == 0:
            continue  # not recorded this year (see the module docstring)
        births = expand(cube[y].sum(axis=(2, 3)), [group for _, group in axes])
        part = expand(cube[y][..., outside].sum(axis=(2, 3)), [group for _, group in axes])
        out.add_grid("births_outside_marriage", year, part, axes)
        share = share_of_births(
            part, births, base=out.base("births_outside_marriage_share"), on_zero="missing"
        )
        out.add_grid("births_outside_marriage_share", year, share, axes, not_available_ok=True)


def territory_areas(session: Session, on: date) -> dict[str, float]:
    """СОАТЕ code → area in km² of the classifier's version valid on ``on``."""
    areas: dict[str, float] = {}
    rows = session.execute(
        select(Code.code, Code.attributes, Code.valid_from, Code.valid_to).where(
            Code.codelist_id == "soate"
        )
    )
    for code, attributes, valid_from, valid_to in rows:
        area = (attributes or {}).get("area_km2")
        if area and valid_from <= on and (valid_to is None or on <= valid_to):
            areas[code] = float(area)
    return areas


def _density(ctx: Context, out: Frame) -> None:
    territories = ctx.territories()
    axes = [("soate", territories)]
    for year in ctx.estimates.years:
        areas = territory_areas(ctx.session, date(year, 1, 1))
        if not areas:
            return  # no areas in the classifier: nothing to publish
        stock = ctx.estimates.on_jan1(year)
        population = expand(stock.reshape(stock.shape[0], -1).sum(axis=1), [territories])
        # A territory without an area has no density: 0 is the method's "not available".
        area = np.array([areas.get(code, 0.0) for code in territories.codes])
        density = population_density(population, area, on_zero="missing")
        out.add_grid("population_density", year, density, axes, not_available_ok=True)
