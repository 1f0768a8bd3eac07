"""Population: on 1 January and the annual average, by the cohort-component method; its
structure (working-age groups, median age, dependency and sex ratios) and its change.

The structure figures are computed by :mod:`indicators.methods.structure` on the estimate of
1 January; working age is the national one, read from the classifier ``age_broad`` (its
bounds differ by sex), so that a change of the pension age is one line of reference data.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from sqlalchemy.orm import Session

from indicators.context import Context
from indicators.frame import Frame
from indicators.methods import (
    dependency_ratios,
    median_age,
    population_change,
    sex_ratio,
    working_age_groups,
)
from indicators.space import SEXES, Grouping, expand
from indicators.spec import Spec, Text
from store import read

METHOD = Text(
    ky="Когорттук-компоненттик (баланстык) ыкма: базалык калкка ар бир жылдын катталган "
    "төрөлүүлөрү, өлүмдөрү жана миграциясы кошулат.",
    ru="Когортно-компонентный (балансовый) метод: к базовой численности населения "
    "прибавляются зарегистрированные рождения, смерти и миграция каждого года.",
    en="Cohort-component (balance) method: the registered births, deaths and migration of "
    "each year are applied to the base population.",
)
STRUCTURE_METHOD = Text(
    ky=f"{METHOD.ky} Түзүмдүн көрсөткүчтөрү 1-январга карата бааланган калк боюнча "
    "эсептелет. Медианалык жаш бир жылдык жаш курактар боюнча, жаш жылынын ичинде сызыктуу "
    "интерполяция менен. Эмгекке жарамдуу курак улуттук аныктама боюнча: 16 жаштан "
    "пенсиялык куракка чейин (эркектер 63, аялдар 58 жаш), БУУнун 15–64 жаш чеги эмес. "
    "Калктын санынын өсүшү табигый өсүш менен миграциялык сальдонун суммасына так барабар: "
    "баа ошол эле катталган окуялардан түзүлөт, статистикалык түзөтүү жок.",
    ru=f"{METHOD.ru} Показатели состава рассчитываются по оценке численности на 1 января. "
    "Медианный возраст — по однолетним возрастам с линейной интерполяцией внутри года "
    "возраста. Трудоспособный возраст — по национальному определению: от 16 лет до "
    "пенсионного возраста (63 года у мужчин, 58 лет у женщин), а не 15–64 года, как у ООН. "
    "Общий прирост численности в точности равен сумме естественного и миграционного "
    "прироста: оценка строится из тех же зарегистрированных событий, статистической "
    "корректировки нет.",
    en=f"{METHOD.en} Structure figures are computed on the estimated population on "
    "1 January. The median age is interpolated linearly within the single year of age that "
    "holds it. Working age is the national definition: from 16 to the pension age (63 for "
    "men, 58 for women), not the UN's 15–64. The population change equals natural increase "
    "plus net migration exactly: the estimate is built from the same registered events, "
    "with no statistical adjustment.",
)
BROAD_AGES = ("BELOW_WA", "WA", "ABOVE_WA")

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
    Spec(
        id="pop_age_broad",
        topic="population",
        name=Text(
            ky="1-январга карата калктын эмгекке жарамдуу куракка карата жаш топтору боюнча саны",
            ru="Численность населения моложе, в и старше трудоспособного возраста на 1 января",
            en="Population below, at and above working age on 1 January",
        ),
        definition=Text(
            ky="Эмгекке жарамдуу курактан кичүү — 0–15 жаш; эмгекке жарамдуу курак — 16 жаштан "
            "пенсиялык куракка чейин: эркектер 16–62 жаш, аялдар 16–57 жаш; эмгекке жарамдуу "
            "курактан улуу — эркектер 63 жана андан улуу, аялдар 58 жана андан улуу (Кыргыз "
            "Республикасында пенсиялык курак эркектер үчүн 63, аялдар үчүн 58 жаш).",
            ru="Моложе трудоспособного возраста — 0–15 лет; трудоспособный возраст — от 16 лет "
            "до пенсионного возраста: мужчины 16–62 года, женщины 16–57 лет; старше "
            "трудоспособного возраста — мужчины 63 года и старше, женщины 58 лет и старше "
            "(пенсионный возраст в Кыргызской Республике — 63 года у мужчин, 58 лет у женщин).",
            en="Below working age: 0–15 years; working age: from 16 to the pension age, men "
            "16–62, women 16–57; above working age: men 63 and over, women 58 and over (the "
            "pension age in the Kyrgyz Republic is 63 for men and 58 for women).",
        ),
        unit="persons",
        dimensions=("soate", "urban_rural", "sex", "age_broad"),
        source="census_and_registers",
        methodology=METHOD,
        estimate=True,
    ),
    Spec(
        id="median_age",
        topic="population",
        name=Text(ky="Калктын медианалык жашы", ru="Медианный возраст населения", en="Median age"),
        definition=Text(
            ky="1-январга карата калкты саны боюнча тең экиге бөлгөн жаш: калктын жарымы "
            "андан кичүү, жарымы андан улуу.",
            ru="Возраст, который делит население на 1 января на две равные по численности "
            "части: половина населения моложе, половина старше.",
            en="The age that divides the population on 1 January into two halves of equal "
            "size: half are younger, half are older.",
        ),
        unit="years",
        decimals=1,
        additive=False,
        bounds=(15, 50),
        dimensions=("soate", "urban_rural", "sex"),
        source="census_and_registers",
        methodology=STRUCTURE_METHOD,
        estimate=True,
    ),
    *(
        Spec(
            id=id_,
            topic="population",
            name=name,
            definition=definition,
            unit="per_100_working_age",
            unit_base=100,
            decimals=1,
            additive=False,
            bounds=bounds,
            dimensions=("soate", "urban_rural"),
            source="census_and_registers",
            methodology=STRUCTURE_METHOD,
            estimate=True,
        )
        for id_, name, definition, bounds in (
            (
                "dependency_ratio",
                Text(
                    "Демографиялык жүктөмдүн жалпы коэффициенти",
                    "Коэффициент общей демографической нагрузки",
                    "Total dependency ratio",
                ),
                Text(
                    "Эмгекке жарамдуу курактан кичүү жана улуу адамдар, эмгекке жарамдуу "
                    "курактагы 100 адамга, 1-январга карата.",
                    "Лица моложе и старше трудоспособного возраста на 100 человек в "
                    "трудоспособном возрасте, на 1 января.",
                    "Persons below and above working age per 100 persons of working age, "
                    "on 1 January.",
                ),
                (20, 150),
            ),
            (
                "child_dependency_ratio",
                Text(
                    "Балдар менен демографиялык жүктөмдүн коэффициенти",
                    "Коэффициент демографической нагрузки детьми",
                    "Child dependency ratio",
                ),
                Text(
                    "Эмгекке жарамдуу курактан кичүү адамдар (0–15 жаш), эмгекке жарамдуу "
                    "курактагы 100 адамга, 1-январга карата.",
                    "Лица моложе трудоспособного возраста (0–15 лет) на 100 человек в "
                    "трудоспособном возрасте, на 1 января.",
                    "Persons below working age (0–15) per 100 persons of working age, "
                    "on 1 January.",
                ),
                (10, 120),
            ),
            (
                "old_age_dependency_ratio",
                Text(
                    "Улгайган адамдар менен демографиялык жүктөмдүн коэффициенти",
                    "Коэффициент демографической нагрузки пожилыми",
                    "Old-age dependency ratio",
                ),
                Text(
                    "Эмгекке жарамдуу курактан улуу адамдар (эркектер 63, аялдар 58 жана "
                    "андан улуу), эмгекке жарамдуу курактагы 100 адамга, 1-январга карата.",
                    "Лица старше трудоспособного возраста (мужчины 63, женщины 58 лет и "
                    "старше) на 100 человек в трудоспособном возрасте, на 1 января.",
                    "Persons above working age (men 63 and over, women 58 and over) per 100 "
                    "persons of working age, on 1 January.",
                ),
                (1, 80),
            ),
        )
    ),
    Spec(
        id="sex_ratio",
        topic="population",
        name=Text(
            ky="100 аялга эркектердин саны",
            ru="Число мужчин на 100 женщин",
            en="Men per 100 women",
        ),
        definition=Text(
            ky="1-январга карата ушул жаш тобундагы 100 аялга эркектер.",
            ru="Число мужчин на 100 женщин соответствующей возрастной группы, на 1 января.",
            en="Men per 100 women of the age group, on 1 January.",
        ),
        unit="per_100_women",
        unit_base=100,
        decimals=0,
        additive=False,
        bounds=(80, 120),
        bounds_at=(("age5", "_T"),),
        dimensions=("soate", "urban_rural", "age5"),
        source="census_and_registers",
        methodology=STRUCTURE_METHOD,
        estimate=True,
    ),
    Spec(
        id="pop_change",
        topic="population",
        name=Text(
            ky="Калктын санынын жалпы өсүшү",
            ru="Общий прирост численности населения",
            en="Population change",
        ),
        definition=Text(
            ky="Кийинки жылдын 1-январына карата калктын саны минус ушул жылдын 1-январына "
            "карата саны: табигый өсүш плюс миграциялык сальдо.",
            ru="Численность населения на 1 января следующего года минус численность на "
            "1 января года: естественный прирост плюс миграционный прирост.",
            en="The population on 1 January of the next year less that on 1 January of the "
            "year: natural increase plus net migration.",
        ),
        unit="persons",
        dimensions=("soate", "sex"),
        balance=True,
        source="census_and_registers",
        methodology=STRUCTURE_METHOD,
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
    _structure(ctx, out)
    _change(ctx, out)


def working_age(session: Session, on: date) -> dict[str, tuple[int, int]]:
    """Sex → (first age of working age, first age above it) on a date, from the classifier
    ``age_broad``: the version of its code ``WA`` valid then, so that the pension age is
    written once (``classifiers/data/age_broad.csv``) and a reform applies from its date.
    """
    code = next((c for c in read.codes(session, "age_broad", on) if c.code == "WA"), None)
    if code is None:
        raise ValueError(f"the classifier age_broad (working age) has no WA on {on}")
    return {
        sex: (int(code.attributes[f"min_age_{s}"]), int(code.attributes[f"max_age_{s}"]) + 1)
        for sex, s in (("M", "m"), ("F", "f"))
    }


def _broad_groups(stock: np.ndarray, limits: dict[str, tuple[int, int]]) -> np.ndarray:
    """unit × settlement × sex × age → unit × settlement × sex × (below, at, above)."""
    return np.stack(
        [
            working_age_groups(
                stock[:, :, s, :], first_working_age=limits[sex][0], first_age_above=limits[sex][1]
            )
            for s, sex in enumerate(SEXES)
        ],
        axis=2,
    )


def _structure(ctx: Context, out: Frame) -> None:
    """Working-age groups, median age, dependency and sex ratios on each 1 January."""
    territories, settlements, sexes = ctx.territories(), ctx.settlements(), ctx.sexes()
    broad = Grouping.members_and_total(BROAD_AGES)
    for year in ctx.estimates.years:
        stock = ctx.estimates.on_jan1(year)
        groups = _broad_groups(stock, working_age(ctx.session, date(year, 1, 1)))
        out.add_cube(
            "pop_age_broad",
            year,
            groups,
            [
                ("soate", territories),
                ("urban_rural", settlements),
                ("sex", sexes),
                ("age_broad", broad),
            ],
        )
        by_age = expand(stock, [territories, settlements, sexes])  # single ages kept
        out.add_grid(
            "median_age",
            year,
            median_age(by_age, on_zero="missing"),
            [("soate", territories), ("urban_rural", settlements), ("sex", sexes)],
            not_available_ok=True,
        )
        grouped = expand(groups.sum(axis=2), [territories, settlements])
        # The three ratios are specified with one base (per 100 of working age): computed once.
        ratios = dependency_ratios(
            grouped[..., 0],
            grouped[..., 1],
            grouped[..., 2],
            base=out.base("dependency_ratio"),
            on_zero="missing",
        )
        for indicator, values in zip(
            ("dependency_ratio", "child_dependency_ratio", "old_age_dependency_ratio"),
            ratios,
            strict=True,
        ):
            out.add_grid(
                indicator,
                year,
                values,
                [("soate", territories), ("urban_rural", settlements)],
                not_available_ok=True,
            )
        by_age5 = expand(stock, [territories, settlements, sexes, ctx.age5()])
        men, women = by_age5[:, :, sexes.codes.index("M")], by_age5[:, :, sexes.codes.index("F")]
        out.add_grid(
            "sex_ratio",
            year,
            sex_ratio(men, women, base=out.base("sex_ratio"), on_zero="missing"),
            [("soate", territories), ("urban_rural", settlements), ("age5", ctx.age5())],
            not_available_ok=True,
        )


def _change(ctx: Context, out: Frame) -> None:
    """The change of the population over each year, by territory and sex."""
    axes = [("soate", ctx.territories()), ("sex", ctx.sexes())]

    def stock(year: int) -> np.ndarray:
        by_sex = ctx.estimates.on_jan1(year).sum(axis=(1, 3))  # unit × sex
        return expand(by_sex, [grouping for _, grouping in axes])

    for year in ctx.years:
        out.add_grid("pop_change", year, population_change(stock(year), stock(year + 1)), axes)
