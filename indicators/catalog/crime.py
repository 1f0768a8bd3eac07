"""Crime and violence by sex: victims and offenders of registered crimes and protection
orders against domestic violence (Ministry of Internal Affairs).

Registered figures, not prevalence: they count what was reported to and recorded by the
police, which for violence against women is known to be a small part of what a survey of
the population finds. The Minimum Set annex says so where it asks for prevalence.
"""

from __future__ import annotations

from indicators import aggregates
from indicators.aggregates import Measure
from indicators.context import Context
from indicators.frame import Frame
from indicators.spec import Spec, Text

SOURCE = "agg-crime"
METHOD = Text(
    ky="Булагы: Кыргыз Республикасынын Ички иштер министрлигинин катталган кылмыштар "
    "жана укук бузуулар боюнча маалыматтары, календардык жыл үчүн. Полиция каттаган "
    "окуялар гана эсептелет: кайрылбаган окуялар кирбейт.",
    ru="Источник: данные Министерства внутренних дел Кыргызской Республики о "
    "зарегистрированных преступлениях и правонарушениях за календарный год. Учитываются "
    "только события, зарегистрированные полицией: случаи, о которых не заявлено, не "
    "входят.",
    en="Source: the Ministry of Internal Affairs of the Kyrgyz Republic, registered crimes "
    "and offences of the calendar year. Only what the police recorded is counted: cases "
    "never reported are not.",
)


def _spec(id_: str, name: Text, definition: Text, dims: tuple[str, ...], unit: str) -> Spec:
    return Spec(
        id=id_,
        topic="crime",
        name=name,
        definition=definition,
        unit=unit,
        dimensions=dims,
        source="ministry_of_internal_affairs",
        methodology=METHOD,
    )


SPECS = [
    _spec(
        "crime_victims",
        Text(
            "Кылмыштардан жабыр тарткандар",
            "Потерпевшие от преступлений",
            "Victims of crime",
        ),
        Text(
            "Жыл ичинде катталган кылмыштар боюнча жабырлануучу деп таанылган адамдар, "
            "кылмыштын тобу боюнча.",
            "Лица, признанные потерпевшими по преступлениям, зарегистрированным в течение "
            "года, по группам преступлений.",
            "Persons recognised as victims of crimes registered during the year, by group of "
            "offence.",
        ),
        ("offence", "sex"),
        "persons",
    ),
    _spec(
        "offenders",
        Text(
            "Кылмыш жасаган адамдар",
            "Лица, совершившие преступления",
            "Offenders",
        ),
        Text(
            "Жыл ичинде аныкталган кылмыш жасаган адамдар, кылмыштын тобу боюнча.",
            "Лица, совершившие преступления, выявленные в течение года, по группам преступлений.",
            "Persons identified during the year as having committed a crime, by group of offence.",
        ),
        ("offence", "sex"),
        "persons",
    ),
    _spec(
        "protection_orders",
        Text(
            "Коргоо ордерлери",
            "Охранные ордера",
            "Protection orders",
        ),
        Text(
            "Үй-бүлөлүк зомбулуктан коргоо боюнча жыл ичинде берилген убактылуу коргоо "
            "ордерлери, корголуучу адамдын жынысы боюнча.",
            "Временные охранные ордера, выданные в течение года для защиты от семейного "
            "насилия, по полу защищаемого лица.",
            "Temporary protection orders issued during the year against domestic violence, "
            "by sex of the protected person.",
        ),
        ("sex",),
        "cases",
    ),
]

MEASURES = (
    Measure("crime_victims", SOURCE, "crime_victims", category="offence"),
    Measure("offenders", SOURCE, "offenders", category="offence"),
    Measure("protection_orders", SOURCE, "protection_orders"),
)


def compute(ctx: Context, out: Frame) -> None:
    for m in MEASURES:
        aggregates.publish(ctx, out, m)
