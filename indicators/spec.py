"""What an indicator is: its catalog entry (data, in ky/ru/en) and how its values are made.

Each topic module in ``indicators/catalog/`` declares its indicators as :class:`Spec` values
and one ``compute(context, out)`` function; adding an indicator is adding a spec and the few
lines that fill it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Dimension id → codelist id. Dimensions are named for their role (``mother_age``), the
# codelist says which codes they take (``age5``).
DIMENSIONS: dict[str, str] = {
    "soate": "soate",
    "urban_rural": "urban_rural",
    "sex": "sex",
    "age": "age",
    "age5": "age5",
    "age_lt": "age_lt",
    "age_broad": "age_broad",
    "mother_age": "age5",
    "groom_age": "age5",
    "bride_age": "age5",
    "husband_age": "age5",
    "wife_age": "age5",
    "birth_order": "birth_order",
    "cause": "icd10_chapter",
    "disease": "icd10_chapter",
    "migration_type": "migration_type",
    "country": "country",
    "country_group": "country_group",
    "citizenship": "country",
    "reason": "migration_reason",
    "origin": "soate",
    "destination": "soate",
    "origin_settlement": "urban_rural",
    "destination_settlement": "urban_rural",
    "direction": "border_direction",
    "purpose": "purpose_of_trip",
    "refugee_status": "refugee_status",
    "month": "month",
    "groom_status": "marital_status",
    "bride_status": "marital_status",
    "marriage_duration": "marriage_duration",
    "nationality": "nationality",
    "mother_nationality": "nationality",
    "education_level": "education_level",
    "field": "field_of_education",
    "activity": "economic_activity",
    "occupation": "occupation",
    "age_social": "age_social",
    "head_sex": "sex",
    "pension_type": "pension_type",
    "grade": "civil_service_grade",
    "court": "court_level",
    "offence": "offence_category",
    "purpose_abroad": "migration_reason",
    "duration_abroad": "duration_abroad",
    "bound": "confidence_bound",
}


@dataclass(frozen=True)
class Text:
    """The same text in the three languages."""

    ky: str
    ru: str
    en: str

    def get(self, lang: str) -> str:
        return str(getattr(self, lang))


# What each dimension is called, in the three languages (the API and the exports show it).
DIMENSION_LABELS: dict[str, Text] = {
    "soate": Text("Аймак", "Территория", "Territory"),
    "urban_rural": Text("Шаар же айыл жери", "Городская или сельская местность", "Urban or rural"),
    "sex": Text("Жынысы", "Пол", "Sex"),
    "age": Text("Жашы", "Возраст", "Age"),
    "age5": Text("Жаш тобу", "Возрастная группа", "Age group"),
    "age_lt": Text("Жаш тобу", "Возрастная группа", "Age group"),
    "age_broad": Text(
        "Эмгекке жарамдуу куракка карата жаш тобу",
        "Возрастная группа относительно трудоспособного возраста",
        "Age group relative to working age",
    ),
    "mother_age": Text("Эненин жашы", "Возраст матери", "Age of mother"),
    "groom_age": Text("Күйөөнүн жашы", "Возраст жениха", "Age of groom"),
    "bride_age": Text("Колуктунун жашы", "Возраст невесты", "Age of bride"),
    "husband_age": Text("Күйөөсүнүн жашы", "Возраст мужа", "Age of husband"),
    "wife_age": Text("Аялынын жашы", "Возраст жены", "Age of wife"),
    "birth_order": Text("Төрөлүүнүн катар саны", "Очерёдность рождения", "Birth order"),
    "cause": Text("Өлүмдүн себеби", "Причина смерти", "Cause of death"),
    "disease": Text(
        "Оорулардын тобу (ОЭК-10 классы)",
        "Группа болезней (класс МКБ-10)",
        "Disease group (ICD-10 chapter)",
    ),
    "migration_type": Text("Миграциянын түрү", "Вид миграции", "Type of migration"),
    "country": Text("Өлкө", "Страна", "Country"),
    "country_group": Text("Өлкөлөр тобу", "Группа стран", "Country group"),
    "citizenship": Text("Жарандыгы", "Гражданство", "Citizenship"),
    "reason": Text("Себеби", "Причина", "Reason"),
    "origin": Text("Чыккан жери", "Откуда", "Origin"),
    "destination": Text("Барган жери", "Куда", "Destination"),
    "origin_settlement": Text(
        "Чыккан жеринин түрү", "Тип местности выбытия", "Type of area of origin"
    ),
    "destination_settlement": Text(
        "Барган жеринин түрү", "Тип местности прибытия", "Type of area of destination"
    ),
    "direction": Text("Багыты", "Направление", "Direction"),
    "purpose": Text("Сапардын максаты", "Цель поездки", "Purpose of trip"),
    "refugee_status": Text("Статусу", "Статус", "Status"),
    "month": Text("Айы", "Месяц", "Month"),
    "groom_status": Text(
        "Күйөөнүн мурдагы никелик абалы",
        "Прежнее брачное состояние жениха",
        "Prior marital status of groom",
    ),
    "bride_status": Text(
        "Колуктунун мурдагы никелик абалы",
        "Прежнее брачное состояние невесты",
        "Prior marital status of bride",
    ),
    "marriage_duration": Text(
        "Никенин узактыгы", "Продолжительность брака", "Duration of marriage"
    ),
    "nationality": Text("Улуту", "Национальность", "Nationality"),
    "mother_nationality": Text("Эненин улуту", "Национальность матери", "Nationality of mother"),
    "education_level": Text("Билим берүүнүн деңгээли", "Уровень образования", "Level of education"),
    "field": Text("Билим берүүнүн багыты", "Направление образования", "Field of education"),
    "activity": Text(
        "Экономикалык иштин түрү", "Вид экономической деятельности", "Economic activity"
    ),
    "occupation": Text("Кесиби", "Занятие", "Occupation"),
    "age_social": Text("Жаш тобу", "Возрастная группа", "Age group"),
    "head_sex": Text(
        "Үй чарба башчысынын жынысы", "Пол главы домохозяйства", "Sex of household head"
    ),
    "pension_type": Text("Пенсиянын түрү", "Вид пенсии", "Kind of pension"),
    "grade": Text("Кызмат орундарынын тобу", "Группа должностей", "Group of posts"),
    "court": Text("Сот", "Суд", "Court"),
    "offence": Text("Кылмыштын тобу", "Группа преступлений", "Group of offences"),
    "purpose_abroad": Text(
        "Чет өлкөдө болуунун максаты", "Цель пребывания за рубежом", "Purpose of stay abroad"
    ),
    "duration_abroad": Text(
        "Чет өлкөдө болуу мөөнөтү", "Продолжительность пребывания за рубежом", "Time abroad"
    ),
    "bound": Text("Ишеним аралыгынын чеги", "Граница доверительного интервала", "Confidence bound"),
}


@dataclass(frozen=True)
class Spec:
    """A catalog entry. ``unit_base`` is the base of a rate (1000 for "per 1,000").

    ``additive`` says whether values add up over the dimensions (counts do, rates do not):
    the release checks that totals equal the sums of their parts for additive indicators.
    ``bounds`` are the plausible range of the values, checked on every release (only on the
    cells matching ``bounds_at``, e.g. life expectancy at birth). ``balance`` marks the
    difference of two flows (natural increase, net migration, and their rates): it can be
    negative and cross zero, so a change of it is told from what to what, never as a
    percentage (a "rise of 89 %" of a net figure misleads).
    """

    id: str
    topic: str
    name: Text
    definition: Text
    unit: str
    dimensions: tuple[str, ...]
    unit_base: int = 1
    decimals: int = 0
    additive: bool = True
    balance: bool = False
    bounds: tuple[float, float] | None = None
    bounds_at: tuple[tuple[str, str], ...] = ()  # check the bounds only where dims match
    source: str = "civil_registry"
    estimate: bool = False  # computed by a model (flagged E in final releases), not counted
    methodology: Text | None = None
    attributes: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = [d for d in self.dimensions if d not in DIMENSIONS or d not in DIMENSION_LABELS]
        if unknown:
            raise ValueError(f"{self.id}: unknown dimensions {unknown}")
