"""Women and Men, chapter: crime and violence — victims and offenders by offence and sex,
domestic-violence protection orders (Ministry of Internal Affairs)."""

from __future__ import annotations

from publishing.spec import Chapter, Chart, Dim, Items, Section, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    FULL,
    PAIR,
    WOMEN_PER_100_MEN,
    by_sex,
    over_years,
)

OFFENCE = _T_("Кылмыштын түрү", "Вид преступления", "Offence")
PEOPLE = Items((*FULL.items, WOMEN_PER_100_MEN))

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
                by_sex(
                    _T_(
                        "Кылмыштан жабырлануучулар кылмыштын түрү жана жынысы боюнча",
                        "Потерпевшие от преступлений по видам преступлений и полу",
                        "Victims of crime by offence and sex",
                    ),
                    "crime_victims",
                    Dim("offence", total=True),
                    PEOPLE,
                    OFFENCE,
                    "last",
                ),
                Chart(
                    _T_(
                        "Кылмыштан жабырлануучулар жынысы боюнча",
                        "Потерпевшие от преступлений по полу",
                        "Victims of crime by sex",
                    ),
                    "barh",
                    sel("crime_victims", "last"),
                    Dim("offence"),
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
            ),
        ),
    ),
)
