"""Marriages and divorces in depth: prior marital status, ages, rates, durations, months.

The counts are the civil registry's marriages and divorces (ZAGS), by year of registration
and place of registration; the partners' ages are completed years at registration, their
prior marital status as the registry records it (``NOT_STATED`` where it is blank). Every
mean, rate and ratio is a method of :mod:`indicators.methods.nuptiality`; the population
at risk is the annual average population of the cohort-component estimate.

"Brides under 18" is the count of marriages registered with a bride younger than 18 and
their number per 1,000 marriages. It is *not* the SDG indicator 5.3.1 (the share of women
aged 20–24 who were first married or in a union before 18), which needs a survey or a
census: the registry sees neither unregistered (religious) unions nor the cohort of women
20–24.
"""

from __future__ import annotations

import numpy as np
from sqlalchemy import func, literal

from indicators.context import AGE5, MARITAL_STATUSES, Context
from indicators.cubes import NOT_STATED, month_grouping, month_of, stated
from indicators.frame import Axis, Frame
from indicators.methods import age_specific_marriage_rates, mean_age_at_event, per_marriages
from indicators.space import N_AGES, SEXES, Grouping, expand
from indicators.spec import Spec, Text
from store.models import DivorceEvent, MarriageEvent

MARRYING_AGES = tuple(group for group in AGE5 if group[1] >= 15)
UNDER_18 = 18
# Duration of the marriage: place 0 is "not stated", place d + 1 the completed years d, the
# last place 20 years and over (the database adds one so that a blank duration has a place).
DURATIONS = (
    ("Y_LT1", 0, 0),
    ("Y1", 1, 1),
    ("Y2", 2, 2),
    ("Y3", 3, 3),
    ("Y4", 4, 4),
    ("Y5T9", 5, 9),
    ("Y10T14", 10, 14),
    ("Y15T19", 15, 19),
    ("Y_GE20", 20, 20),
)
N_DURATIONS = 22
PER_1000_MARRIAGES = "per_1000_marriages"
METHOD = Text(
    ky="Никелер жана ажырашуулар жарандык абалдын актыларын каттоо органдарынын (ЖААК) "
    "маалыматтары боюнча, катталган жылы жана жери боюнча. Жаш — каттоо учурунда толгон жаш; "
    "орточо жаш x + 0,5 боюнча (толгон жаштын ортосу); жаш курак коэффициенттери тиешелүү "
    "жыныстагы жана жаштагы калктын орточо жылдык санынын 1000 адамына.",
    ru="Браки и разводы по данным органов ЗАГС, по году и месту регистрации. Возраст — число "
    "полных лет на дату регистрации; средний возраст — по серединам лет возраста (x + 0,5); "
    "возрастные коэффициенты — на 1000 человек среднегодового населения соответствующего пола "
    "и возраста.",
    en="Marriages and divorces registered by the civil registry (ZAGS), by year and place of "
    "registration. Age is in completed years at registration; mean ages use the middle of the "
    "year of age (x + 0.5); age-specific rates are per 1,000 of the annual average population "
    "of the sex and age group.",
)


def _count(id_: str, name: Text, definition: Text, dims: tuple[str, ...]) -> Spec:
    return Spec(
        id=id_,
        topic="vital",
        name=name,
        definition=definition,
        unit="events",
        dimensions=dims,
        methodology=METHOD,
    )


def _derived(
    id_: str,
    name: Text,
    definition: Text,
    unit: str,
    dims: tuple[str, ...],
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
        decimals=1,
        additive=False,
        bounds=bounds,
        dimensions=dims,
        methodology=METHOD,
    )


SPECS = [
    _count(
        "marriages_by_status",
        Text(
            "Никелер күйөө менен колуктунун мурдагы никелик абалы боюнча",
            "Браки по прежнему брачному состоянию жениха и невесты",
            "Marriages by prior marital status of groom and bride",
        ),
        Text(
            "Катталган никелер, күйөө менен колуктунун никеге чейинки никелик абалы боюнча.",
            "Зарегистрированные браки по брачному состоянию жениха и невесты до вступления в брак.",
            "Registered marriages by the marital status of groom and bride before the marriage.",
        ),
        ("soate", "urban_rural", "groom_status", "bride_status"),
    ),
    _derived(
        "mean_age_marriage",
        Text(
            "Никеге турган учурдагы орточо жаш",
            "Средний возраст вступления в брак",
            "Mean age at marriage",
        ),
        Text(
            "Бардык никелердеги күйөөлөрдүн (эркектер) же колуктулардын (аялдар) орточо жашы.",
            "Средний возраст женихов (мужчины) или невест (женщины) во всех браках.",
            "Mean age of grooms (men) or brides (women) in all marriages.",
        ),
        "years",
        ("soate", "urban_rural", "sex"),
        (16, 60),
    ),
    _derived(
        "mean_age_first_marriage",
        Text(
            "Биринчи никеге турган учурдагы орточо жаш",
            "Средний возраст вступления в первый брак",
            "Mean age at first marriage",
        ),
        Text(
            "Мурда никеде болбогон күйөөлөрдүн (эркектер) же колуктулардын (аялдар) орточо жашы.",
            "Средний возраст женихов (мужчины) или невест (женщины), ранее не состоявших в браке.",
            "Mean age of grooms (men) or brides (women) never married before.",
        ),
        "years",
        ("soate", "urban_rural", "sex"),
        (16, 50),
    ),
    _derived(
        "marriage_rate_age",
        Text(
            "Никелердин жаш курак боюнча коэффициенттери",
            "Возрастные коэффициенты брачности",
            "Age-specific marriage rates",
        ),
        Text(
            "Никеге турган эркектер (аялдар) тиешелүү жаштагы 1000 эркекке (аялга).",
            "Число вступивших в брак мужчин (женщин) на 1000 мужчин (женщин) соответствующего "
            "возраста.",
            "Men (women) marrying per 1,000 men (women) of the age group.",
        ),
        "per_1000_age_group",
        ("soate", "sex", "age5"),
        (0, 300),
        unit_base=1000,
    ),
    _count(
        "brides_under_18",
        Text(
            "18 жашка чейинки колуктулар менен никелер",
            "Браки с невестами моложе 18 лет",
            "Marriages with a bride under 18",
        ),
        Text(
            "Колуктусу каттоо учурунда 18 жашка толо элек катталган никелер (ТӨМ 5.3.1 "
            "көрсөткүчү эмес: ал 20–24 жаштагы аялдардын ичинен 18 жашка чейин никеге "
            "тургандардын үлүшү).",
            "Зарегистрированные браки, в которых невесте на дату регистрации не исполнилось "
            "18 лет (не индикатор ЦУР 5.3.1: тот — доля женщин 20–24 лет, вступивших в брак "
            "до 18 лет).",
            "Registered marriages whose bride was younger than 18 at registration (not SDG "
            "indicator 5.3.1, the share of women aged 20–24 first married before 18).",
        ),
        ("soate", "urban_rural"),
    ),
    _derived(
        "brides_under_18_ratio",
        Text(
            "18 жашка чейинки колуктулар менен никелер, 1000 никеге",
            "Браки с невестами моложе 18 лет на 1000 браков",
            "Marriages with a bride under 18 per 1,000 marriages",
        ),
        Text(
            "Колуктусу 18 жашка толо элек никелер бардык катталган 1000 никеге.",
            "Число браков с невестами моложе 18 лет на 1000 зарегистрированных браков.",
            "Marriages with a bride under 18 per 1,000 registered marriages.",
        ),
        PER_1000_MARRIAGES,
        ("soate", "urban_rural"),
        (0, 1000),
        unit_base=1000,
    ),
    _count(
        "divorces_by_duration",
        Text(
            "Ажырашуулар никенин узактыгы боюнча",
            "Разводы по продолжительности брака",
            "Divorces by duration of marriage",
        ),
        Text(
            "Катталган ажырашуулар, никени каттоодон ажырашууга чейинки толук жылдар боюнча.",
            "Зарегистрированные разводы по числу полных лет от регистрации брака до развода.",
            "Registered divorces by completed years from the registration of the marriage to "
            "the divorce.",
        ),
        ("soate", "urban_rural", "marriage_duration"),
    ),
    _derived(
        "divorces_per_1000_marriages",
        Text(
            "1000 никеге ажырашуулар",
            "Число разводов на 1000 браков",
            "Divorces per 1,000 marriages",
        ),
        Text(
            "Жылдагы ажырашуулар ошол эле жылдагы 1000 никеге (эки агымдын катышы, никелердин "
            "ажырашуу менен бүткөн үлүшү эмес).",
            "Число разводов за год на 1000 браков того же года (соотношение двух потоков, а не "
            "доля браков, закончившихся разводом).",
            "Divorces of the year per 1,000 marriages of the same year (a ratio of two flows, "
            "not the share of marriages that end in divorce).",
        ),
        PER_1000_MARRIAGES,
        ("soate", "urban_rural"),
        (0, 2000),
        unit_base=1000,
    ),
    _count(
        "marriages_by_month",
        Text("Никелер айлар боюнча", "Браки по месяцам", "Marriages by month"),
        Text(
            "Катталган никелер каттоо айы боюнча.",
            "Зарегистрированные браки по месяцу регистрации.",
            "Registered marriages by month of registration.",
        ),
        ("soate", "month"),
    ),
    _count(
        "divorces_by_month",
        Text("Ажырашуулар айлар боюнча", "Разводы по месяцам", "Divorces by month"),
        Text(
            "Катталган ажырашуулар окуянын айы боюнча.",
            "Зарегистрированные разводы по месяцу события.",
            "Registered divorces by month of the event.",
        ),
        ("soate", "month"),
    ),
]


def compute(ctx: Context, out: Frame) -> None:
    territories = ctx.territories("country", "region")
    axes: list[Axis] = [("soate", territories), ("urban_rural", ctx.settlements())]
    grooms, brides = _partners(ctx, "groom"), _partners(ctx, "bride")
    for y, year in enumerate(ctx.years):
        _by_status(ctx, out, y, year, axes)
        _mean_ages(out, year, grooms[y], brides[y], axes)
        _rates_by_age(ctx, out, year, grooms[y], brides[y], territories)
        _under_18(ctx, out, year, brides[y])
        _divorces(ctx, out, y, year, grooms[y], axes)
    _by_month(ctx, out, territories)


def _partners(ctx: Context, role: str) -> np.ndarray:
    """Grooms or brides: year × unit × settlement × sex (one place) × age × prior status."""
    table = MarriageEvent
    age, status = getattr(table, f"{role}_age"), getattr(table, f"{role}_prior_status")
    return ctx.cube(
        f"{role}s",
        table,
        [(age, N_AGES), (stated(status), MARITAL_STATUSES)],
        sex=literal("M" if role == "groom" else "F"),
    )


def _by_status(ctx: Context, out: Frame, y: int, year: int, axes: list[Axis]) -> None:
    statuses = Grouping.members_and_total(MARITAL_STATUSES)
    cube = ctx.cube(
        "marriages_by_status",
        MarriageEvent,
        [
            (stated(MarriageEvent.groom_prior_status), MARITAL_STATUSES),
            (stated(MarriageEvent.bride_prior_status), MARITAL_STATUSES),
        ],
        sex=literal("M"),
    )
    out.add_cube(
        "marriages_by_status",
        year,
        cube[y],
        [
            *axes,
            (None, Grouping.total_only(2)),
            ("groom_status", statuses),
            ("bride_status", statuses),
        ],
    )


def _mean_ages(
    out: Frame, year: int, grooms: np.ndarray, brides: np.ndarray, axes: list[Axis]
) -> None:
    """Mean age of grooms (sex M) and brides (F), in all marriages and in first marriages."""
    grid = [grouping for _, grouping in axes]
    never = MARITAL_STATUSES.index("NEVER_MARRIED")
    for sex, partners in (("M", grooms), ("F", brides)):
        by_age = partners.sum(axis=2)  # unit × settlement × age × status
        for indicator, counts in (
            ("mean_age_marriage", by_age.sum(axis=-1)),
            ("mean_age_first_marriage", by_age[..., never]),
        ):
            mean = mean_age_at_event(expand(counts, grid), on_zero="missing")
            out.add_grid(indicator, year, mean, axes, fixed={"sex": sex}, not_available_ok=True)


def _rates_by_age(
    ctx: Context,
    out: Frame,
    year: int,
    grooms: np.ndarray,
    brides: np.ndarray,
    territories: Grouping,
) -> None:
    """Grooms (brides) of each age group per 1,000 men (women) of the group."""
    groups = Grouping.ranges(MARRYING_AGES, N_AGES, total=False)
    population = ctx.average_population(year).sum(axis=1)  # unit × sex × age
    for sex, partners in (("M", grooms), ("F", brides)):
        events = expand(partners.sum(axis=(1, 2, 4)), [territories, groups])
        people = expand(population[:, SEXES.index(sex)], [territories, groups])
        rates = age_specific_marriage_rates(
            events, people, base=out.base("marriage_rate_age"), on_zero="missing"
        )
        out.add_grid(
            "marriage_rate_age",
            year,
            rates,
            [("soate", territories), ("age5", groups)],
            fixed={"sex": sex},
            not_available_ok=True,
        )


def _under_18(ctx: Context, out: Frame, year: int, brides: np.ndarray) -> None:
    """Marriages with a bride under 18: their count everywhere, and per 1,000 marriages."""
    by_age = brides.sum(axis=(2, 4))  # unit × settlement × age
    young = Grouping.of({"_T": list(range(UNDER_18))}, N_AGES)
    every = Grouping.total_only(N_AGES)
    everywhere = [ctx.territories(), ctx.settlements()]
    axes: list[Axis] = [("soate", ctx.territories()), ("urban_rural", ctx.settlements())]
    under = expand(by_age, [*everywhere, young])[..., 0]
    marriages = expand(by_age, [*everywhere, every])[..., 0]
    out.add_grid("brides_under_18", year, under, axes)
    ratio = per_marriages(
        under, marriages, base=out.base("brides_under_18_ratio"), on_zero="missing"
    )
    out.add_grid("brides_under_18_ratio", year, ratio, axes, not_available_ok=True)


def duration_grouping() -> Grouping:
    """The bands of :data:`DURATIONS` and "not stated" over the places of the duration cube."""
    groups = {"_T": list(range(N_DURATIONS))}
    groups.update({code: list(range(low + 1, high + 2)) for code, low, high in DURATIONS})
    groups[NOT_STATED] = [0]
    return Grouping.of(groups, N_DURATIONS)


def _divorces(
    ctx: Context, out: Frame, y: int, year: int, grooms: np.ndarray, axes: list[Axis]
) -> None:
    """Divorces by duration of the marriage, and divorces per 1,000 marriages of the year."""
    cube = ctx.cube(
        "divorces_by_duration",
        DivorceEvent,
        [(func.coalesce(DivorceEvent.marriage_duration + 1, 0), N_DURATIONS)],
        sex=literal("M"),
    )
    out.add_cube(
        "divorces_by_duration",
        year,
        cube[y],
        [*axes, (None, Grouping.total_only(2)), ("marriage_duration", duration_grouping())],
    )
    grid = [grouping for _, grouping in axes]
    divorces = expand(cube[y].sum(axis=(2, 3)), grid)
    marriages = expand(grooms.sum(axis=(2, 3, 4)), grid)
    ratio = per_marriages(
        divorces, marriages, base=out.base("divorces_per_1000_marriages"), on_zero="missing"
    )
    out.add_grid("divorces_per_1000_marriages", year, ratio, axes, not_available_ok=True)


def _by_month(ctx: Context, out: Frame, territories: Grouping) -> None:
    summed = (None, Grouping.total_only(2))
    axes: list[Axis] = [("soate", territories), summed, summed, ("month", month_grouping())]
    for indicator, table in (
        ("marriages_by_month", MarriageEvent),
        ("divorces_by_month", DivorceEvent),
    ):
        cube = ctx.cube(indicator, table, [(month_of(table.event_date), 13)], sex=literal("M"))
        for y, year in enumerate(ctx.years):
            out.add_cube(indicator, year, cube[y], axes)
