"""Population: on 1 January and the annual average, by the cohort-component method."""

from __future__ import annotations

from indicators.context import Context
from indicators.frame import Frame
from indicators.spec import Spec, Text

METHOD = Text(
    ky="Когорттук-компоненттик (баланстык) ыкма: базалык калкка ар бир жылдын катталган "
    "төрөлүүлөрү, өлүмдөрү жана миграциясы кошулат.",
    ru="Когортно-компонентный (балансовый) метод: к базовой численности населения "
    "прибавляются зарегистрированные рождения, смерти и миграция каждого года.",
    en="Cohort-component (balance) method: the registered births, deaths and migration of "
    "each year are applied to the base population.",
)

SPECS = [
    Spec(
        id="pop_jan1",
        topic="population",
        name=Text(
            ky="1-январга карата туруктуу калктын саны",
            ru="Численность постоянного населения на 1 января",
            en="Resident population on 1 January",
        ),
        definition=Text(
            ky="Жыл башына карата туруктуу жашаган калктын бааланган саны.",
            ru="Оценка численности постоянного населения на начало года.",
            en="Estimated number of usual residents at the beginning of the year.",
        ),
        unit="persons",
        dimensions=("soate", "urban_rural", "sex", "age5"),
        source="census_and_registers",
        methodology=METHOD,
        estimate=True,
    ),
    Spec(
        id="pop_jan1_age",
        topic="population",
        name=Text(
            ky="1-январга карата калктын бир жылдык жаш курагы боюнча саны",
            ru="Численность населения на 1 января по однолетним возрастам",
            en="Population on 1 January by single year of age",
        ),
        definition=Text(
            ky="Туруктуу калк толук жаш курагы боюнча (100 жана андан улуу бир топто).",
            ru="Постоянное население по числу полных лет (100 лет и старше одной группой).",
            en="Usual residents by age in completed years (100 and over as one group).",
        ),
        unit="persons",
        dimensions=("soate", "sex", "age"),
        source="census_and_registers",
        methodology=METHOD,
        estimate=True,
    ),
    Spec(
        id="pop_avg",
        topic="population",
        name=Text(
            ky="Калктын орточо жылдык саны",
            ru="Среднегодовая численность населения",
            en="Annual average population",
        ),
        definition=Text(
            ky="Жылдын башындагы жана аягындагы (кийинки жылдын 1-январы) сандардын орточосу.",
            ru="Среднее из численности на начало и на конец года (1 января следующего года).",
            en="Mean of the populations at the start and the end of the year "
            "(1 January of the next year).",
        ),
        unit="persons",
        dimensions=("soate", "urban_rural", "sex", "age5"),
        decimals=0,
        source="census_and_registers",
        methodology=METHOD,
        estimate=True,
    ),
]


def compute(ctx: Context, out: Frame) -> None:
    axes = [
        ("soate", ctx.territories()),
        ("urban_rural", ctx.settlements()),
        ("sex", ctx.sexes()),
        ("age5", ctx.age5()),
    ]
    single = [
        ("soate", ctx.territories("country", "region")),
        (None, ctx.all_settlements()),
        ("sex", ctx.sexes()),
        ("age", ctx.ages()),
    ]
    for year in ctx.estimates.years:
        stock = ctx.estimates.on_jan1(year)
        out.add_cube("pop_jan1", year, stock, axes)
        out.add_cube("pop_jan1_age", year, stock, single)
    for year in ctx.years:
        out.add_cube("pop_avg", year, ctx.average_population(year), axes)
