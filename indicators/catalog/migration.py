"""Migration, internal and external: arrivals, departures, net, turnover, rates, matrix.

Source: registrations (arrivals) and de-registrations (departures) at a place of permanent
residence. Internal moves appear in both; emigration is a de-registration to another
country, immigration a registration from one. Rates are per 10,000 of the annual average
population, the base NSC migration tables use.

An internal move is counted only when both of its records are loaded (:mod:`store.moves`):
once as a departure from its origin and once as an arrival at its destination, so that the
Republic's internal arrivals equal its departures of each type, exactly. A record whose other
half is missing (in quarantine, or not sent yet) is left out and reported with the release.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from sqlalchemy import case, func, select

from indicators import cubes
from indicators.context import Context
from indicators.frame import Frame
from indicators.methods import crude_rate
from indicators.space import (
    COUNTRY,
    N_AGES,
    SETTLEMENTS,
    SEXES,
    TOTAL,
    Grouping,
    expand,
    region_of,
)
from indicators.spec import Spec, Text
from store import moves
from store.models import MigrationEvent as M

TYPES = ("within_oblast", "between_oblasts", "external")
REASONS = ("WORK", "STUDY", "FAMILY", "RETURN", "HOUSING", "OTHER", "NOT_STATED")
PER_10000 = "per_10000"
METHOD = Text(
    ky="Туруктуу жашаган жери боюнча каттоо (келгендер) жана каттоодон чыгаруу (кеткендер) "
    "боюнча Санариптик өнүктүрүү министрлигинин маалыматтары. Ички көчүү эки жолу эсептелет: "
    "кеткен жеринде жана келген жеринде, — анын эки жазуусу тең (каттоодон чыгаруу жана "
    "каттоо) алынганда гана; экинчи жазуусу жок жазуу эсептелбейт жана чыгарылыштын "
    "эскертүүлөрүндө көрсөтүлөт. Жаш — көчүү жылында толгон жаш. Коэффициенттер калктын "
    "орточо жылдык санынын 10 000 адамына.",
    ru="Данные Министерства цифрового развития о регистрации (прибывшие) и снятии с учёта "
    "(выбывшие) по месту постоянного жительства. Внутренний переезд учитывается дважды: в "
    "месте выбытия и в месте прибытия, — и только когда получены обе его записи (снятие с "
    "учёта и регистрация); запись без парной не учитывается и указывается в примечаниях к "
    "выпуску. Возраст — число лет, исполняющееся в году переезда. Коэффициенты — на 10 000 "
    "человек среднегодового населения.",
    en="Registrations (arrivals) and de-registrations (departures) at a place of permanent "
    "residence, from the Ministry of Digital Development. An internal move counts twice: at "
    "the origin and at the destination, and only once both of its records (de-registration "
    "and registration) are received; a record whose other half is missing is not counted and "
    "is reported in the release notes. Age is the age reached in the year of the move. "
    "Rates are per 10,000 of the annual average population.",
)


def _spec(
    id_: str, name: Text, definition: Text, dims: tuple[str, ...], balance: bool = False
) -> Spec:
    return Spec(
        id=id_,
        topic="migration",
        name=name,
        definition=definition,
        unit="persons",
        dimensions=dims,
        balance=balance,
        source="population_register",
        methodology=METHOD,
    )


_FLOW_DIMS = ("soate", "migration_type", "sex", "age5", "reason")
SPECS = [
    _spec(
        "mig_arrivals",
        Text("Келгендер", "Прибывшие", "Arrivals"),
        Text(
            "Туруктуу жашаган жери боюнча катталгандар.",
            "Зарегистрированные по месту постоянного жительства.",
            "Persons registered at a place of permanent residence.",
        ),
        _FLOW_DIMS,
    ),
    _spec(
        "mig_departures",
        Text("Кеткендер", "Выбывшие", "Departures"),
        Text(
            "Туруктуу жашаган жери боюнча каттоодон чыгарылгандар.",
            "Снятые с регистрационного учёта по месту постоянного жительства.",
            "Persons de-registered from a place of permanent residence.",
        ),
        _FLOW_DIMS,
    ),
    _spec(
        "mig_net",
        Text("Миграциялык сальдо", "Миграционный прирост (сальдо)", "Net migration"),
        Text(
            "Келгендер минус кеткендер.", "Прибывшие минус выбывшие.", "Arrivals minus departures."
        ),
        ("soate", "migration_type", "sex"),
        balance=True,
    ),
    _spec(
        "mig_turnover",
        Text("Миграциялык жүгүртүү", "Миграционный оборот", "Migration turnover"),
        Text("Келгендер плюс кеткендер.", "Прибывшие плюс выбывшие.", "Arrivals plus departures."),
        ("soate", "migration_type"),
    ),
    *(
        Spec(
            id=f"{key}_rate",
            topic="migration",
            name=name,
            definition=Text(
                f"{definition.ky} (калктын 10 000 адамына).",
                f"{definition.ru} (на 10 000 человек населения).",
                f"{definition.en} (per 10,000 of the annual average population).",
            ),
            unit=PER_10000,
            unit_base=10000,
            decimals=1,
            additive=False,
            balance=key == "mig_net",
            bounds=bounds,
            dimensions=("soate", "migration_type"),
            source="population_register",
            methodology=METHOD,
        )
        for key, name, definition, bounds in (
            (
                "mig_arrivals",
                Text("Келгендердин коэффициенти", "Коэффициент прибытия", "Arrival rate"),
                Text("Келгендер", "Прибывшие", "Arrivals"),
                (0, 1000),
            ),
            (
                "mig_departures",
                Text("Кеткендердин коэффициенти", "Коэффициент выбытия", "Departure rate"),
                Text("Кеткендер", "Выбывшие", "Departures"),
                (0, 1000),
            ),
            (
                "mig_net",
                Text(
                    "Миграциялык сальдонун коэффициенти",
                    "Коэффициент миграционного прироста",
                    "Net migration rate",
                ),
                Text("Миграциялык сальдо", "Миграционный прирост", "Net migration"),
                (-1000, 1000),
            ),
        )
    ),
    _spec(
        "mig_matrix",
        Text(
            "Облустар аралык көчүүлөр",
            "Межобластная миграция: откуда и куда",
            "Moves between oblasts: origin by destination",
        ),
        Text(
            "Ички көчүүлөр (кеткен жери боюнча каттоодон чыгаруу), чыккан жана барган "
            "облус (шаар) боюнча.",
            "Внутренние переезды (по снятию с учёта в месте выбытия), по области (городу) "
            "выбытия и прибытия.",
            "Internal moves (counted at de-registration), by oblast (city) of origin and "
            "of destination.",
        ),
        ("origin", "destination"),
    ),
    _spec(
        "mig_urban_rural",
        Text(
            "Ички көчүүлөр шаар жана айыл жерлеринин ортосунда",
            "Внутренняя миграция между городской и сельской местностью",
            "Internal moves between urban and rural areas",
        ),
        Text(
            "Ички көчүүлөр (ар бири бир жолу), чыккан жеринин жана барган жеринин түрү "
            "боюнча (шаар же айыл жери): чыккан жеринин түрү каттоодон чыгаруу жазуусунан, "
            "барган жеринин түрү ошол эле көчүүнүн каттоо жазуусунан.",
            "Внутренние переезды (каждый один раз) по типу местности выбытия и прибытия "
            "(городская или сельская): тип местности выбытия — из записи о снятии с учёта, "
            "прибытия — из записи о регистрации того же переезда.",
            "Internal moves (each once) by the type of area of origin and of destination "
            "(urban or rural): the origin's from the de-registration, the destination's from "
            "the registration of the same move.",
        ),
        ("migration_type", "origin_settlement", "destination_settlement", "sex"),
    ),
    _spec(
        "emigrants",
        Text("Эмигранттар", "Эмигранты (выбывшие за пределы республики)", "Emigrants"),
        Text(
            "Башка өлкөгө кетүү менен каттоодон чыгарылгандар, барган өлкөсү жана "
            "жарандыгы боюнча.",
            "Выбывшие за пределы республики, по стране выбытия и гражданству.",
            "Persons de-registered to live abroad, by country of destination and citizenship.",
        ),
        ("soate", "country_group", "country", "citizenship", "sex"),
    ),
    _spec(
        "immigrants",
        Text("Иммигранттар", "Иммигранты (прибывшие из-за пределов республики)", "Immigrants"),
        Text(
            "Башка өлкөдөн келип катталгандар, келген өлкөсү жана жарандыгы боюнча.",
            "Прибывшие из-за пределов республики, по стране прибытия и гражданству.",
            "Persons registered on arrival from abroad, by country of origin and citizenship.",
        ),
        ("soate", "country_group", "country", "citizenship", "sex"),
    ),
]


def compute(ctx: Context, out: Frame) -> None:
    flows = _flows(ctx, out)
    _rates(ctx, out, flows)
    _matrix(ctx, out)
    _urban_rural(ctx, out)
    _external(ctx, out)


def _flow_cube(ctx: Context, kind: str) -> np.ndarray:
    """year × unit × settlement × sex × type × age reached in the year × reason.

    External records, and internal ones whose move has both records loaded.
    """
    age = cubes.year_of(M.event_date) - cubes.year_of(M.birth_date)
    return ctx.cube(
        f"migration_{kind}",
        M,
        [(M.migration_type, TYPES), (age, N_AGES), (M.reason, REASONS)],
        M.event_kind == kind,
        ctx.counted_moves,
    )


def _flows(ctx: Context, out: Frame) -> dict[str, np.ndarray]:
    types = Grouping.members_and_total(TYPES)
    territory = [
        ("soate", ctx.territories()),
        (None, ctx.all_settlements()),
        ("sex", ctx.sexes()),
        ("migration_type", types),
        ("age5", Grouping.total_only(N_AGES)),
        ("reason", Grouping.total_only(7)),
    ]
    by_age = [
        ("soate", ctx.territories("country", "region")),
        (None, ctx.all_settlements()),
        ("sex", ctx.sexes()),
        ("migration_type", types),
        ("age5", ctx.age5()),
        ("reason", Grouping.total_only(7)),
    ]
    by_reason = [
        *by_age[:4],
        ("age5", Grouping.total_only(N_AGES)),
        ("reason", Grouping.members_and_total(REASONS)),
    ]
    totals: dict[str, np.ndarray] = {}
    for indicator, kind in (("mig_arrivals", "registration"), ("mig_departures", "deregistration")):
        cube = _flow_cube(ctx, kind)
        for y, year in enumerate(ctx.years):
            for axes in (territory, by_age, by_reason):
                out.add_cube(indicator, year, cube[y], axes, footnote="migration_age")
        # year × soate × sex × type, for net, turnover and rates
        totals[indicator] = np.stack(
            [
                expand(cube[y].sum(axis=(1, 4, 5)), [ctx.territories(), ctx.sexes(), types])
                for y in range(len(ctx.years))
            ]
        )
    axes = [("soate", ctx.territories()), ("sex", ctx.sexes()), ("migration_type", types)]
    for y, year in enumerate(ctx.years):
        net = totals["mig_arrivals"][y] - totals["mig_departures"][y]
        out.add_grid("mig_net", year, net, axes)
        turnover = (totals["mig_arrivals"][y] + totals["mig_departures"][y])[:, 0, :]
        out.add_grid("mig_turnover", year, turnover, [axes[0], axes[2]])
    return totals


def _rates(ctx: Context, out: Frame, totals: dict[str, np.ndarray]) -> None:
    """Arrivals, departures and net migration per ``unit_base`` of the average population.

    :func:`~indicators.methods.crude_rate` with ``on_zero="missing"``: a territory without
    population (a unit emptied in the estimate) has no rate, published as not available.
    """
    types = Grouping.members_and_total(TYPES)
    axes = [("soate", ctx.territories()), ("migration_type", types)]
    for y, year in enumerate(ctx.years):
        population = expand(ctx.average_population(year).sum(axis=(1, 2, 3)), [ctx.territories()])[
            :, None
        ]
        arrivals = totals["mig_arrivals"][y][:, 0, :]
        departures = totals["mig_departures"][y][:, 0, :]
        for indicator, values in (
            ("mig_arrivals_rate", arrivals),
            ("mig_departures_rate", departures),
            ("mig_net_rate", arrivals - departures),
        ):
            rates = crude_rate(values, population, base=out.base(indicator), on_zero="missing")
            out.add_grid(indicator, year, rates, axes, not_available_ok=True)


def _matrix(ctx: Context, out: Frame) -> None:
    """Origin region × destination region of internal moves, with the totals of both.

    Read from the de-registrations of the moves that count: their destination is the
    territory of the matching registration, so each column equals the region's arrivals.
    """
    rows = cubes.grouped(
        ctx.session,
        [M.territory, M.destination_territory],
        ctx.years,
        M,
        M.event_kind == "deregistration",
        M.migration_type != "external",
        ctx.counted_moves,
    )
    regions = list(ctx.space.regions)
    index = {code: i for i, code in enumerate(regions)}
    matrix = np.zeros((len(ctx.years), len(regions), len(regions)))
    for year, origin, destination, count in rows:
        matrix[
            int(year) - ctx.years[0], index[region_of(origin)], index[region_of(destination)]
        ] += count
    grouping = Grouping.members_and_total(regions)
    for y, year in enumerate(ctx.years):
        out.add_cube(
            "mig_matrix", year, matrix[y], [("origin", grouping), ("destination", grouping)]
        )


def _urban_rural(ctx: Context, out: Frame) -> None:
    """Internal moves by settlement type of origin and of destination, once each.

    A move's two records carry one settlement type each (where the record was made): the
    de-registration the origin's, the registration the destination's. Both halves of a move
    that counts are loaded (:mod:`store.moves`), so one window over the move (the same
    partition the pairing uses) gives each de-registration the type of its destination.
    """
    leaving = M.event_kind == moves.DEREGISTRATION
    event_year = cubes.year_of(M.event_date)
    halves = (
        select(
            event_year.label("year"),
            M.event_kind,
            M.migration_type,
            M.settlement,
            M.sex,
            func.max(case((leaving, None), else_=M.settlement))
            .over(partition_by=moves.move_partition())
            .label("arriving_in"),
        )
        .where(
            M.migration_type != moves.EXTERNAL,
            event_year.between(ctx.years[0], ctx.years[-1]),
            ctx.counted_moves,
        )
        .subquery("halves")
    )
    columns = [
        halves.c.year,
        halves.c.migration_type,
        halves.c.settlement,
        halves.c.arriving_in,
        halves.c.sex,
    ]
    query = (
        select(*columns, func.count())
        .where(halves.c.event_kind == moves.DEREGISTRATION)
        .group_by(*columns)
    )
    internal, settlements, sexes = TYPES[:2], SETTLEMENTS, SEXES
    cube = np.zeros((len(ctx.years), len(internal), 2, 2, 2))
    for row in ctx.session.execute(query):
        when, kind, settlement, arriving_in, sex, count = tuple(row)
        if settlement not in settlements or arriving_in not in settlements:
            raise cubes.DataError(
                f"an internal move of {when} has no settlement type ({settlement}→{arriving_in})"
            )
        cube[
            int(when) - ctx.years[0],
            internal.index(kind),
            settlements.index(settlement),
            settlements.index(arriving_in),
            sexes.index(sex),
        ] += count
    axes = [
        ("migration_type", Grouping.members_and_total(internal)),
        ("origin_settlement", Grouping.members_and_total(settlements)),
        ("destination_settlement", Grouping.members_and_total(settlements)),
        ("sex", Grouping.members_and_total(sexes)),
    ]
    for y, year in enumerate(ctx.years):
        out.add_cube("mig_urban_rural", year, cube[y], axes)


def _external(ctx: Context, out: Frame) -> None:
    groups = cubes.group_members(ctx.session, "country_group")
    for indicator, kind, country_column in (
        ("emigrants", "deregistration", M.destination_country),
        ("immigrants", "registration", M.origin_country),
    ):
        rows = cubes.grouped(
            ctx.session,
            [M.territory, country_column, M.citizenship, M.sex],
            ctx.years,
            M,
            M.event_kind == kind,
            M.migration_type == "external",
        )
        cells: dict[tuple[str, ...], float] = defaultdict(float)
        for year, unit, country, citizenship, sex, count in rows:
            # CIS, EAEU and OTHER as the classifier groups them (EAEU lies within the CIS).
            country_groups = [g for g, members in groups.items() if country in members]
            territories = {COUNTRY, region_of(unit), unit}
            for sex_code in (TOTAL, sex):
                for territory in territories:
                    cells[(str(year), territory, TOTAL, TOTAL, TOTAL, sex_code)] += count
                for group in country_groups:
                    cells[(str(year), COUNTRY, group, TOTAL, TOTAL, sex_code)] += count
                cells[(str(year), COUNTRY, TOTAL, country, TOTAL, sex_code)] += count
                cells[(str(year), COUNTRY, TOTAL, TOTAL, citizenship, sex_code)] += count
        for (year, territory, group, country, citizenship, sex_code), value in cells.items():
            dims = {
                "soate": territory,
                "country_group": group,
                "country": country,
                "citizenship": citizenship,
                "sex": sex_code,
            }
            out.add(indicator, year, dims, value)
