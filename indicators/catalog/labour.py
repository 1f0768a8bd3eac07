"""Labour by sex: the labour force survey's rates and employed (with their standard errors),
the enterprise survey's average wages, and the gender pay gap derived from them.

The survey's estimates are published as the NSC's survey processing gives them, totals
included, and each estimate names its companion of standard errors (``<id>_se``,
:func:`indicators.aggregates.with_standard_error`); the gender pay gap is computed here from
the published average wages by :func:`indicators.methods.pay_gap`.
"""

from __future__ import annotations

from indicators import aggregates
from indicators.aggregates import Measure, with_standard_error
from indicators.context import Context
from indicators.frame import Frame
from indicators.methods import pay_gap
from indicators.spec import Spec, Text

SOURCE = "agg-labour"
LFS_METHOD = Text(
    ky="Булагы: Улуттук статистика комитетинин жумушчу күчүн тандалма изилдөөсү (үй "
    "чарбаларынын 15 жана андан улуу курактагы мүчөлөрү; жыл ичинде бөлүштүрүлгөн "
    "тандалма, жылдык орточо баа). Аныктамалар Эмгек статистиктеринин эл аралык "
    "конференциясынын (2013) стандарттарына ылайык. Баалар тандалманын салмактары "
    "менен эсептелет жана стандарттык катасы менен коштолот.",
    ru="Источник: выборочное обследование рабочей силы Национального статистического "
    "комитета (члены домохозяйств в возрасте 15 лет и старше; выборка, распределённая по "
    "году, среднегодовая оценка). Определения — по стандартам Международной конференции "
    "статистиков труда (МКСТ, 2013). Оценки рассчитаны с весами выборки и сопровождаются "
    "стандартными ошибками.",
    en="Source: the NSC's labour force survey (members of households aged 15 and over; a "
    "sample spread over the year, annual average estimates). Concepts follow the standards "
    "of the International Conference of Labour Statisticians (ICLS, 2013). Estimates are "
    "weighted and come with their standard errors.",
)
WAGE_METHOD = Text(
    ky="Булагы: ишканалардын жана уюмдардын эмгек боюнча статистикалык отчеттору (чакан "
    "ишканалардан башка; жеке ишкерлер жана үй чарбаларында иштегендер кирбейт). Орточо "
    "айлык эмгек акы — эсептелген эмгек акы фонду, салыктарды кармап калганга чейин, "
    "жумушчулардын орточо тизмектик санына жана айларга бөлүнгөнү.",
    ru="Источник: статистическая отчётность предприятий и организаций по труду (кроме "
    "малых предприятий; не охватывает индивидуальных предпринимателей и занятых в "
    "домохозяйствах). Среднемесячная заработная плата — начисленный фонд оплаты труда до "
    "удержания налогов, делённый на среднесписочную численность работников и на число "
    "месяцев.",
    en="Source: the statistical reports on labour of enterprises and organisations (small "
    "enterprises excluded; individual entrepreneurs and persons employed by households not "
    "covered). The average monthly wage is the gross wage bill accrued, before taxes, "
    "divided by the average number of employees on the payroll and by the months.",
)


def _spec(
    id_: str,
    name: Text,
    definition: Text,
    dims: tuple[str, ...],
    unit: str,
    decimals: int,
    source: str = "labour_force_survey",
    methodology: Text = LFS_METHOD,
    **options: object,
) -> Spec:
    return Spec(
        id=id_,
        topic="labour",
        name=name,
        definition=definition,
        unit=unit,
        dimensions=dims,
        decimals=decimals,
        source=source,
        methodology=methodology,
        **options,  # type: ignore[arg-type]
    )


def _rate(id_: str, name: Text, definition: Text) -> list[Spec]:
    return with_standard_error(
        _spec(
            id_,
            name,
            definition,
            ("age_social", "sex"),
            "percent",
            1,
            additive=False,
            bounds=(0, 100),
        )
    )


def _employed(id_: str, name: Text, definition: Text, dim: str) -> list[Spec]:
    return with_standard_error(_spec(id_, name, definition, (dim, "sex"), "thousand_persons", 1))


SPECS = [
    *_rate(
        "activity_rate",
        Text(
            "Экономикалык активдүүлүктүн деңгээли",
            "Уровень участия в рабочей силе",
            "Labour force participation rate",
        ),
        Text(
            "Жумушчу күчү (иштегендер жана жумушсуздар) ушул жаш тобундагы калктын пайызы катары.",
            "Рабочая сила (занятые и безработные) в процентах к населению соответствующей "
            "возрастной группы.",
            "The labour force (employed and unemployed) as a percentage of the population of "
            "the age group.",
        ),
    ),
    *_rate(
        "employment_rate",
        Text("Иш менен камсыз болуу деңгээли", "Уровень занятости", "Employment rate"),
        Text(
            "Иштегендер ушул жаш тобундагы калктын пайызы катары (маялык жумуш, өз алдынча "
            "иш, үй-бүлөлүк ишканага жардам).",
            "Занятые в процентах к населению соответствующей возрастной группы (работа по "
            "найму, самостоятельная занятость, помощь на семейном предприятии).",
            "Employed persons (paid employment, self-employment, contributing family work) as "
            "a percentage of the population of the age group.",
        ),
    ),
    *_rate(
        "unemployment_rate",
        Text("Жумушсуздуктун деңгээли", "Уровень безработицы", "Unemployment rate"),
        Text(
            "Жумушсуздар жумушчу күчүнүн пайызы катары: жумушу жок, акыркы төрт жумада жумуш "
            "издеген жана эки жуманын ичинде ишке киришүүгө даяр адамдар.",
            "Безработные в процентах к рабочей силе: лица без работы, искавшие её в "
            "последние четыре недели и готовые приступить к ней в течение двух недель.",
            "The unemployed as a percentage of the labour force: persons without work who "
            "looked for work in the last four weeks and could start within two weeks.",
        ),
    ),
    *_employed(
        "employed_by_activity",
        Text(
            "Экономикалык иштин түрлөрү боюнча иштегендер",
            "Занятое население по видам экономической деятельности",
            "Employed persons by economic activity",
        ),
        Text(
            "Иштегендердин бааланган саны (миң адам), негизги иш ордунун экономикалык иштин "
            "түрү боюнча (ЭИТМК 3, NACE Rev. 2 бөлүмдөрү).",
            "Оценка численности занятых (тыс. человек) по виду экономической деятельности "
            "основного места работы (разделы ГКЭД 3, NACE Rev. 2).",
            "Estimated employed persons (thousands) by economic activity of the main job "
            "(sections of ГКЭД 3 = NACE Rev. 2).",
        ),
        "activity",
    ),
    *_employed(
        "employed_by_occupation",
        Text(
            "Кесиптер боюнча иштегендер",
            "Занятое население по группам занятий",
            "Employed persons by occupation",
        ),
        Text(
            "Иштегендердин бааланган саны (миң адам), негизги иш ордундагы кесиптин чоң тобу "
            "боюнча (ISCO-08).",
            "Оценка численности занятых (тыс. человек) по основной группе занятий на "
            "основном месте работы (МСКЗ-08).",
            "Estimated employed persons (thousands) by major group of occupation in the main "
            "job (ISCO-08).",
        ),
        "occupation",
    ),
    _spec(
        "average_wage",
        Text(
            "Орточо айлык номиналдык эмгек акы",
            "Среднемесячная номинальная заработная плата",
            "Average monthly nominal wage",
        ),
        Text(
            "Бир жумушчуга эсептелген орточо айлык эмгек акы, сом, экономикалык иштин түрү боюнча.",
            "Среднемесячная начисленная заработная плата одного работника, сомов, по видам "
            "экономической деятельности.",
            "Average monthly gross wage accrued per employee, in som, by economic activity.",
        ),
        ("activity", "sex"),
        "som_per_month",
        0,
        source="wage_survey",
        methodology=WAGE_METHOD,
        additive=False,
    ),
    _spec(
        "gender_pay_gap",
        Text(
            "Эмгек акыдагы гендердик ажырым",
            "Гендерный разрыв в оплате труда",
            "Gender pay gap",
        ),
        Text(
            "Эркектердин жана аялдардын орточо айлык эмгек акысынын айырмасы, эркектердин "
            "орточо эмгек акысынын пайызы катары; терс маани — аялдардыкы жогору.",
            "Разница среднемесячной заработной платы мужчин и женщин в процентах к "
            "заработной плате мужчин; отрицательное значение — у женщин выше.",
            "The difference between men's and women's average monthly wages as a percentage "
            "of men's; negative when women's is the higher.",
        ),
        ("activity",),
        "percent",
        1,
        source="wage_survey",
        methodology=WAGE_METHOD,
        unit_base=100,
        additive=False,
        balance=True,
    ),
]

MEASURES = (
    *(
        Measure(m, SOURCE, m, category="age_social", counted=False, standard_error=True)
        for m in ("activity_rate", "employment_rate", "unemployment_rate")
    ),
    Measure(
        "employed_by_activity", SOURCE, "employed_by_activity", "activity", standard_error=True
    ),
    Measure(
        "employed_by_occupation",
        SOURCE,
        "employed_by_occupation",
        "occupation",
        standard_error=True,
    ),
)
WAGES = Measure("average_wage", SOURCE, "average_wage", "activity", counted=False)


def compute(ctx: Context, out: Frame) -> None:
    for m in MEASURES:
        aggregates.publish(ctx, out, m)
    wages = aggregates.publish(ctx, out, WAGES)
    for period in wages.periods:
        for activity in wages.codes("activity"):
            men = wages.get(period, activity=activity, sex="M")
            women = wages.get(period, activity=activity, sex="F")
            if men is None or women is None or men == 0:
                continue
            gap = pay_gap(men, women, base=out.base("gender_pay_gap"))
            out.add("gender_pay_gap", period, {"activity": activity}, gap)
