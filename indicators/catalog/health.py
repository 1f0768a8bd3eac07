"""Health by sex: the Ministry of Health's registered morbidity, new cases of HIV and
tuberculosis, persons with a disability and abortions, and the rates derived from them.

The counts are the ministry's tables as delivered (:mod:`indicators.aggregates`); the
incidence of tuberculosis and HIV (per 100,000) and the abortion rate (per 1,000 women aged
15–49) divide them by the release's own annual average population, as every rate of the
release does, by the functions of :mod:`indicators.methods.gender`.
"""

from __future__ import annotations

from indicators import aggregates
from indicators.aggregates import Measure
from indicators.context import Context
from indicators.frame import Frame
from indicators.methods import abortion_rate, incidence_rate, population_of_ages
from indicators.space import SEXES, TOTAL
from indicators.spec import Spec, Text

SOURCE = "agg-health"
METHOD = Text(
    ky="Булагы: Кыргыз Республикасынын Саламаттык сактоо министрлигинин Электрондук "
    "саламаттык сактоо борборунун саламаттык сактоо уюмдарынын отчетторунун жыйынтыгы, "
    "календардык жыл үчүн. Ооруу түрлөрү ЭКК-10 (Ооруулардын эл аралык классификациясы, "
    "10-кайра карап чыгуу) класстары боюнча.",
    ru="Источник: сводные отчёты организаций здравоохранения, Центр электронного "
    "здравоохранения Министерства здравоохранения Кыргызской Республики, за календарный год. "
    "Болезни — по классам МКБ-10 (Международная классификация болезней, 10-й пересмотр).",
    en="Source: the summary reports of health organisations compiled by the e-Health Centre "
    "of the Ministry of Health of the Kyrgyz Republic, for the calendar year. Diseases are "
    "classified by the chapters of ICD-10 (International Classification of Diseases, 10th "
    "revision).",
)
RATE_METHOD = Text(
    ky=f"{METHOD.ky} Бөлүүчү — ушул релиздеги калктын орточо жылдык саны (1-январга карата "
    "эки сандын орточосу).",
    ru=f"{METHOD.ru} Знаменатель — среднегодовая численность населения из этого же выпуска "
    "(среднее из численности на 1 января года и следующего года).",
    en=f"{METHOD.en} The denominator is this release's annual average population (the mean "
    "of 1 January of the year and of the next).",
)


def _spec(
    id_: str,
    name: Text,
    definition: Text,
    dims: tuple[str, ...],
    unit: str = "persons",
    methodology: Text = METHOD,
    **options: object,
) -> Spec:
    return Spec(
        id=id_,
        topic="health",
        name=name,
        definition=definition,
        unit=unit,
        dimensions=dims,
        source="ministry_of_health",
        methodology=methodology,
        **options,  # type: ignore[arg-type]
    )


def _incidence(id_: str, name: Text, definition: Text) -> Spec:
    return _spec(
        id_,
        name,
        definition,
        ("sex",),
        unit="per_100000",
        methodology=RATE_METHOD,
        unit_base=100_000,
        decimals=1,
        additive=False,
    )


SPECS = [
    _spec(
        "morbidity",
        Text(
            "Катталган ооруулар",
            "Зарегистрированная заболеваемость",
            "Registered morbidity",
        ),
        Text(
            "Жыл ичинде саламаттык сактоо уюмдарында өмүрүндө биринчи жолу коюлган диагноз "
            "менен катталган оорунун жаңы учурлары, ЭКК-10 класстары боюнча.",
            "Новые случаи заболеваний, зарегистрированные организациями здравоохранения в "
            "течение года с диагнозом, установленным впервые в жизни, по классам МКБ-10.",
            "New cases of disease registered by health organisations during the year with a "
            "diagnosis made for the first time in life, by ICD-10 chapter.",
        ),
        ("disease", "sex"),
        unit="cases",
    ),
    _spec(
        "hiv_new",
        Text(
            "АИВ-инфекциясынын жаңы катталган учурлары",
            "Впервые выявленные случаи ВИЧ-инфекции",
            "New HIV cases registered",
        ),
        Text(
            "Жыл ичинде биринчи жолу аныкталып, катталган АИВ жуктурган адамдар.",
            "Лица с ВИЧ-инфекцией, впервые выявленные и зарегистрированные в течение года.",
            "Persons with HIV infection diagnosed and registered for the first time during "
            "the year.",
        ),
        ("age_social", "sex"),
    ),
    _spec(
        "tb_new",
        Text(
            "Кургак учуктун жаңы учурлары",
            "Впервые выявленные больные активным туберкулёзом",
            "New cases of active tuberculosis",
        ),
        Text(
            "Жыл ичинде биринчи жолу аныкталган активдүү кургак учук менен ооругандар.",
            "Больные активным туберкулёзом, впервые выявленные в течение года.",
            "Persons with active tuberculosis diagnosed for the first time during the year.",
        ),
        ("age_social", "sex"),
    ),
    _spec(
        "disability",
        Text(
            "Ден соолугунун мүмкүнчүлүгү чектелген адамдар",
            "Лица с ограниченными возможностями здоровья",
            "Persons with a disability",
        ),
        Text(
            "Медициналык-социалдык эксперттик комиссия майыптыгын белгилеген адамдар, "
            "жылдын аягына карата (майыптыгы бар балдар кошо).",
            "Лица, которым медико-социальной экспертной комиссией установлена "
            "инвалидность, на конец года (включая детей с инвалидностью).",
            "Persons with a disability status set by the medical and social expert "
            "commission, at the end of the year (children included).",
        ),
        ("age_social", "sex"),
    ),
    _spec(
        "abortions",
        Text("Бойдон алдыруулар", "Аборты", "Abortions"),
        Text(
            "Саламаттык сактоо уюмдарында катталган бойдон алдыруулар (бардык түрлөрү), "
            "аялдын жашы боюнча.",
            "Аборты, зарегистрированные организациями здравоохранения (все виды), по "
            "возрасту женщины.",
            "Abortions registered by health organisations (all kinds), by age of the woman.",
        ),
        ("age_social",),
        unit="cases",
    ),
    _incidence(
        "tb_incidence",
        Text(
            "Кургак учук менен ооруу",
            "Заболеваемость туберкулёзом",
            "Tuberculosis incidence",
        ),
        Text(
            "Активдүү кургак учуктун жаңы учурлары калктын орточо жылдык санынын 100 000 адамына.",
            "Впервые выявленные случаи активного туберкулёза на 100 000 человек "
            "среднегодового населения.",
            "New cases of active tuberculosis per 100,000 of the annual average population.",
        ),
    ),
    _incidence(
        "hiv_incidence",
        Text(
            "АИВ-инфекциясынын жаңы учурларынын деңгээли",
            "Уровень впервые выявленной ВИЧ-инфекции",
            "Rate of new HIV cases",
        ),
        Text(
            "Биринчи жолу катталган АИВ-инфекциясынын учурлары калктын орточо жылдык "
            "санынын 100 000 адамына (жаңы жуктуруу эмес, аныктоо).",
            "Впервые зарегистрированные случаи ВИЧ-инфекции на 100 000 человек "
            "среднегодового населения (выявление, а не новые заражения).",
            "HIV cases registered for the first time per 100,000 of the annual average "
            "population (diagnoses, not new infections).",
        ),
    ),
    _spec(
        "abortion_rate",
        Text(
            "Бойдон алдыруулардын деңгээли",
            "Частота абортов",
            "Abortion rate",
        ),
        Text(
            "Бойдон алдыруулар 15–49 жаштагы 1000 аялга (аялдардын орточо жылдык саны).",
            "Число абортов на 1000 женщин в возрасте 15–49 лет (среднегодовая численность).",
            "Abortions per 1,000 women aged 15–49 (annual average population).",
        ),
        (),
        unit="per_1000_women",
        methodology=RATE_METHOD,
        unit_base=1000,
        decimals=1,
        additive=False,
    ),
]

MEASURES = (
    Measure("morbidity", SOURCE, "morbidity", category="disease"),
    Measure("disability", SOURCE, "disability", category="age_social"),
)
TB = Measure("tb_new", SOURCE, "tb_new", category="age_social")
HIV = Measure("hiv_new", SOURCE, "hiv_new", category="age_social")
ABORTIONS = Measure("abortions", SOURCE, "abortions", category="age_social", sex=None)


def compute(ctx: Context, out: Frame) -> None:
    for m in MEASURES:
        aggregates.publish(ctx, out, m)
    for m, rate in ((TB, "tb_incidence"), (HIV, "hiv_incidence")):
        cases = aggregates.publish(ctx, out, m)
        for period in cases.periods:
            if int(period) not in ctx.years:
                continue
            population = ctx.average_population(int(period)).sum(axis=(0, 1, 3))  # by sex
            for i, sex in ((0, SEXES[0]), (1, SEXES[1]), (None, TOTAL)):
                count = cases.get(period, age_social=TOTAL, sex=sex)
                people = population.sum() if i is None else population[i]
                if count is None or people == 0:
                    continue
                value = incidence_rate(count, float(people), base=out.base(rate))
                out.add(rate, period, {"sex": sex}, value)
    abortions = aggregates.publish(ctx, out, ABORTIONS)
    for period in abortions.periods:
        count = abortions.get(period, age_social=TOTAL)
        if int(period) not in ctx.years or count is None:
            continue
        women = ctx.average_population(int(period))[:, :, SEXES.index("F"), :].sum(axis=(0, 1))
        at_risk = float(population_of_ages(women, 15, 49))
        if at_risk > 0:
            value = abortion_rate(count, at_risk, base=out.base("abortion_rate"))
            out.add("abortion_rate", period, {}, value)
