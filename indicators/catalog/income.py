"""Incomes, poverty and pensions by sex: the household budget survey's poverty rate by sex
of the household head (with its standard errors) and the Social Fund's pensioners and
average pensions.

Poverty is a property of a household, not of a person: the survey's table for "men" and
"women" is the population of households headed by a man or by a woman, so the dimension is
``head_sex``, not ``sex``. Rates and amounts are published as the sources give them.
"""

from __future__ import annotations

from indicators import aggregates
from indicators.aggregates import Measure, with_standard_error
from indicators.context import Context
from indicators.frame import Frame
from indicators.spec import Spec, Text

SOURCE = "agg-income"
POVERTY_METHOD = Text(
    ky="Булагы: Улуттук статистика комитетинин үй чарбаларынын бюджеттерин тандалма "
    "изилдөөсү (жыл бою жүргүзүлөт; жылдык баа). Жакырчылыктын деңгээли керектөө "
    "чыгымдары боюнча, жакырчылыктын абсолюттук чегине карата аныкталат; баалар "
    "тандалманын салмактары менен эсептелет жана стандарттык катасы менен коштолот.",
    ru="Источник: выборочное обследование бюджетов домашних хозяйств Национального "
    "статистического комитета (ведётся в течение года; годовая оценка). Бедность "
    "определяется по потребительским расходам относительно абсолютной черты бедности; "
    "оценки рассчитаны с весами выборки и сопровождаются стандартными ошибками.",
    en="Source: the NSC's household budget survey (conducted throughout the year; annual "
    "estimates). Poverty is measured on consumption expenditure against the absolute poverty "
    "line; estimates are weighted and come with their standard errors.",
)
PENSION_METHOD = Text(
    ky="Булагы: Кыргыз Республикасынын Социалдык фондунун маалыматтары, жылдын аягына "
    "карата (пенсиянын бардык түрлөрү, компенсациялык төлөмдөр менен).",
    ru="Источник: данные Социального фонда Кыргызской Республики на конец года (все виды "
    "пенсий, с компенсационными выплатами).",
    en="Source: the Social Fund of the Kyrgyz Republic, at the end of the year (all kinds of "
    "state pension, compensation payments included).",
)


def _spec(
    id_: str,
    name: Text,
    definition: Text,
    dims: tuple[str, ...],
    unit: str,
    source: str,
    methodology: Text,
    **options: object,
) -> Spec:
    return Spec(
        id=id_,
        topic="income",
        name=name,
        definition=definition,
        unit=unit,
        dimensions=dims,
        source=source,
        methodology=methodology,
        **options,  # type: ignore[arg-type]
    )


SPECS = [
    *with_standard_error(
        _spec(
            "poverty_rate",
            Text(
                "Жакырчылыктын деңгээли",
                "Уровень бедности",
                "Poverty rate",
            ),
            Text(
                "Керектөө чыгымдары жан башына жакырчылык чегинен төмөн болгон үй "
                "чарбаларында жашаган калк, ушундай үй чарбаларынын калкынын пайызы катары; "
                "үй чарба башчысынын жынысы боюнча (эркектер — эркек башкарган үй чарбалары).",
                "Население домашних хозяйств с потребительскими расходами на душу ниже черты "
                "бедности в процентах к населению таких домохозяйств; по полу главы "
                "домохозяйства («мужчины» — домохозяйства, возглавляемые мужчиной).",
                "People in households whose consumption per person is below the poverty line, "
                "as a percentage of the population of such households; by sex of the household "
                "head ('men': households headed by a man).",
            ),
            ("urban_rural", "head_sex"),
            "percent",
            "household_budget_survey",
            POVERTY_METHOD,
            decimals=1,
            additive=False,
            bounds=(0, 100),
        )
    ),
    _spec(
        "pensioners",
        Text(
            "Пенсия алуучулар",
            "Численность пенсионеров",
            "Pensioners",
        ),
        Text(
            "Социалдык фонддо каттоодо турган мамлекеттик пенсия алуучулар, жылдын аягына "
            "карата, пенсиянын түрү боюнча.",
            "Получатели государственных пенсий, состоящие на учёте в Социальном фонде, на "
            "конец года, по видам пенсий.",
            "Recipients of a state pension registered with the Social Fund at the end of the "
            "year, by kind of pension.",
        ),
        ("pension_type", "sex"),
        "persons",
        "social_fund",
        PENSION_METHOD,
    ),
    _spec(
        "average_pension",
        Text(
            "Дайындалган пенсиянын орточо өлчөмү",
            "Средний размер назначенной пенсии",
            "Average pension",
        ),
        Text(
            "Жылдын аягына карата дайындалган айлык пенсиянын орточо өлчөмү, сом, пенсиянын "
            "түрү боюнча.",
            "Средний размер назначенной месячной пенсии на конец года, сомов, по видам пенсий.",
            "Average monthly pension awarded, at the end of the year, in som, by kind of pension.",
        ),
        ("pension_type", "sex"),
        "som_per_month",
        "social_fund",
        PENSION_METHOD,
        additive=False,
    ),
]

MEASURES = (
    Measure(
        "poverty_rate",
        SOURCE,
        "poverty_rate",
        category="urban_rural",
        sex="head_sex",
        counted=False,
        standard_error=True,
    ),
    Measure("pensioners", SOURCE, "pensioners", category="pension_type"),
    Measure("average_pension", SOURCE, "average_pension", category="pension_type", counted=False),
)


def compute(ctx: Context, out: Frame) -> None:
    for m in MEASURES:
        aggregates.publish(ctx, out, m)
