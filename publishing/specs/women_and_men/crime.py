"""Women and Men, chapter: crime and violence — victims and offenders by offence and sex,
domestic-violence protection orders (Ministry of Internal Affairs)."""

from __future__ import annotations

from publishing.spec import Chapter, Chart, Dim, Section, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    FULL,
    PAIR,
    YEARS,
    by_sex,
    over_years,
)

OFFENCE = _T_("Кылмыштын түрү", "Вид преступления", "Offence")
# The offences with a person as victim (drug offences have none).
VICTIM_OFFENCES = Dim(
    "offence", ("HOMICIDE", "BODILY_HARM", "SEXUAL", "ROBBERY", "THEFT", "FRAUD", "FAMILY", "OTHER")
)
PEOPLE = FULL  # women's share, not women per 100 men: a ratio of 1,383 says less

CRIME = Chapter(
    _T_("Кылмыш жана зомбулук", "Преступность и насилие", "Crime and violence"),
    (
        Section(
            _T_(
                "Кылмыштын жабырлануучулары жана кылмыш жасагандар",
                "Потерпевшие и лица, совершившие преступления",
                "Victims and offenders",
            ),
            (
                Table(
                    _T_(
                        "Кылмыштан жабырлануучулар кылмыштын түрү жана жынысы боюнча",
                        "Потерпевшие от преступлений по видам преступлений и полу",
                        "Victims of crime by offence and sex",
                    ),
                    sel("crime_victims", "last"),
                    Dim("offence", total=True),
                    PEOPLE,
                    stub=OFFENCE,
                    drop_empty=True,  # offences without a victim (drugs) have no row
                ),
                Chart(
                    _T_(
                        "Кылмыштан жабырлануучулар жынысы боюнча",
                        "Потерпевшие от преступлений по полу",
                        "Victims of crime by sex",
                    ),
                    "barh",
                    sel("crime_victims", "last"),
                    VICTIM_OFFENCES,
                    PAIR,
                ),
                by_sex(
                    _T_(
                        "Кылмыш жасаган адамдар кылмыштын түрү жана жынысы боюнча",
                        "Лица, совершившие преступления, по видам преступлений и полу",
                        "Offenders by offence and sex",
                    ),
                    "offenders",
                    Dim("offence", total=True),
                    PEOPLE,
                    OFFENCE,
                    "last",
                ),
            ),
        ),
        Section(
            _T_("Үй-бүлөлүк зомбулук", "Семейное насилие", "Domestic violence"),
            (
                over_years(
                    _T_(
                        "Үй-бүлөлүк зомбулуктан коргоо ордерлери корголгон адамдын жынысы боюнча",
                        "Охранные ордера по семейному насилию по полу защищаемого лица",
                        "Domestic-violence protection orders by sex of the protected person",
                    ),
                    "protection_orders",
                    PEOPLE,
                ),
                Chart(
                    _T_(
                        "Коргоо ордерлери корголгон адамдын жынысы боюнча",
                        "Охранные ордера по полу защищаемого лица",
                        "Protection orders by sex of the protected person",
                    ),
                    "bar",
                    sel("protection_orders"),
                    YEARS,
                    PAIR,
                ),
            ),
        ),
    ),
)
