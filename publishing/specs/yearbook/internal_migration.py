"""The yearbook's chapter: Internal migration: within and between oblasts."""

from __future__ import annotations

from publishing.spec import (
    REGIONS,
    Chapter,
    Chart,
    Dim,
    Items,
    Section,
    Sel,
    Table,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    AGE,
    REGION_ROWS,
    SEXES,
    TERRITORY,
    YEARS,
    by_region,
)

INTERNAL = "within_oblast", "between_oblasts"
MIG_TYPES = Items(
    (
        sel(migration_type="_T"),
        sel(migration_type="within_oblast"),
        sel(migration_type="between_oblasts"),
        sel(migration_type="external"),
    )
)

URBAN = _T_("шаар", "город", "urban")
RURAL = _T_("айыл", "село", "rural")


def _flow(origin: str, destination: str) -> Sel:
    """Moves from one type of area to another ("urban → rural")."""
    names = {"U": URBAN, "R": RURAL}
    return sel(
        origin_settlement=origin,
        destination_settlement=destination,
        label=_T_(
            *(
                f"{names[origin].get(lang).capitalize()} → {names[destination].get(lang)}"
                for lang in ("ky", "ru", "en")
            )
        ),
    )


FLOWS = Items((_flow("U", "U"), _flow("U", "R"), _flow("R", "U"), _flow("R", "R")))
BY_SEX_AND_KIND = Items(
    tuple(
        sel(
            indicator,
            sex=sex,
            label=_T_(
                *(f"{kind.get(lang)}, {who.get(lang).lower()}" for lang in ("ky", "ru", "en"))
            ),
        )
        for indicator, kind in (
            ("mig_arrivals", _T_("Келгендер", "Прибывшие", "Arrivals")),
            ("mig_departures", _T_("Кеткендер", "Выбывшие", "Departures")),
        )
        for sex, who in (
            ("M", _T_("Эркектер", "Мужчины", "Men")),
            ("F", _T_("Аялдар", "Женщины", "Women")),
        )
    )
)

INTERNAL_MIGRATION = Chapter(
    _T_("Ички миграция", "Внутренняя миграция", "Internal migration"),
    (
        Section(
            _T_("Келгендер жана кеткендер", "Прибывшие и выбывшие", "Arrivals and departures"),
            (
                Table(
                    _T_(
                        "Ички миграция: келгендер жана кеткендер",
                        "Внутренняя миграция: прибывшие и выбывшие",
                        "Internal migration: arrivals and departures",
                    ),
                    sel(period="ref"),
                    REGION_ROWS,
                    Items(
                        (
                            sel(
                                "mig_arrivals",
                                migration_type="within_oblast",
                                label=_T_(
                                    "Келгендер, облус ичинде",
                                    "Прибывшие, внутри области",
                                    "Arrivals, within oblast",
                                ),
                            ),
                            sel(
                                "mig_arrivals",
                                migration_type="between_oblasts",
                                label=_T_(
                                    "Келгендер, облустар аралык",
                                    "Прибывшие, межобластная",
                                    "Arrivals, between oblasts",
                                ),
                            ),
                            sel(
                                "mig_departures",
                                migration_type="within_oblast",
                                label=_T_(
                                    "Кеткендер, облус ичинде",
                                    "Выбывшие, внутри области",
                                    "Departures, within oblast",
                                ),
                            ),
                            sel(
                                "mig_departures",
                                migration_type="between_oblasts",
                                label=_T_(
                                    "Кеткендер, облустар аралык",
                                    "Выбывшие, межобластная",
                                    "Departures, between oblasts",
                                ),
                            ),
                            sel(
                                "mig_net",
                                migration_type="between_oblasts",
                                label=_T_(
                                    "Сальдо, облустар аралык",
                                    "Сальдо, межобластная",
                                    "Net, between oblasts",
                                ),
                            ),
                        )
                    ),
                    stub=TERRITORY,
                ),
                by_region(
                    _T_(
                        "Миграциялык сальдонун коэффициенти (бардык миграция)",
                        "Коэффициент миграционного прироста (вся миграция)",
                        "Net migration rate (all migration)",
                    ),
                    "mig_net_rate",
                ),
                Table(
                    _T_(
                        "Келгендер көчүүнүн себеби жана түрү боюнча",
                        "Прибывшие по причинам и видам миграции",
                        "Arrivals by reason and type of migration",
                    ),
                    sel("mig_arrivals", "ref"),
                    Dim("reason", total=True),
                    MIG_TYPES,
                    stub=_T_("Себеби", "Причина", "Reason"),
                ),
                Table(
                    _T_(
                        "Келгендер жаш курагы жана миграциянын түрү боюнча",
                        "Прибывшие по возрасту и видам миграции",
                        "Arrivals by age and type of migration",
                    ),
                    sel("mig_arrivals", "ref"),
                    Dim("age5", total=True),
                    MIG_TYPES,
                    stub=AGE,
                ),
                Chart(
                    _T_(
                        "Облустар аралык миграциянын сальдосу",
                        "Сальдо межобластной миграции",
                        "Net migration between oblasts",
                    ),
                    "barh",
                    sel("mig_net", "ref", migration_type="between_oblasts"),
                    Dim("soate", REGIONS),
                    Items((sel(label=_T_("Сальдо", "Сальдо", "Net")),)),
                ),
            ),
        ),
        Section(
            _T_(
                "Шаар жана айыл жерлеринин ортосундагы көчүүлөр",
                "Миграция между городом и селом",
                "Moves between urban and rural areas",
            ),
            (
                Table(
                    _T_(
                        "Ички көчүүлөр чыккан жана барган жеринин түрү боюнча",
                        "Внутренние переезды по типу местности выбытия и прибытия",
                        "Internal moves by type of area of origin and destination",
                    ),
                    sel("mig_urban_rural", "ref"),
                    Dim("origin_settlement", total=True),
                    Dim("destination_settlement", total=True),
                    stub=_T_("Чыккан жери", "Откуда", "Origin"),
                    note=_T_(
                        "Саптар — чыккан жеринин түрү, мамычалар — барган жеринин түрү; "
                        "ар бир көчүү бир жолу эсептелет.",
                        "Строки — тип местности выбытия, столбцы — прибытия; каждый переезд "
                        "учтён один раз.",
                        "Rows: type of area of origin; columns: of destination; each move "
                        "is counted once.",
                    ),
                ),
                Table(
                    _T_(
                        "Шаар жана айыл жерлеринин ортосундагы көчүүлөр, миграциянын түрү "
                        "жана жынысы боюнча",
                        "Переезды между городом и селом по видам миграции и полу",
                        "Moves between urban and rural areas by type of migration and sex",
                    ),
                    sel("mig_urban_rural", "ref"),
                    FLOWS,
                    Items(
                        (
                            sel(migration_type="_T", label=_T_("Бардыгы", "Всего", "Total")),
                            sel(migration_type="within_oblast"),
                            sel(migration_type="between_oblasts"),
                            sel(sex="M", label=_T_("Эркектер", "Мужчины", "Men")),
                            sel(sex="F", label=_T_("Аялдар", "Женщины", "Women")),
                        )
                    ),
                    stub=_T_("Багыты", "Направление", "Direction"),
                ),
                Table(
                    _T_(
                        "Шаар жана айыл жерлеринин ортосундагы көчүүлөр, жылдар боюнча",
                        "Переезды между городом и селом по годам",
                        "Moves between urban and rural areas by year",
                    ),
                    sel("mig_urban_rural"),
                    FLOWS,
                    YEARS,
                    stub=_T_("Багыты", "Направление", "Direction"),
                ),
            ),
        ),
        Section(
            _T_(
                "Жынысы жана жаш курагы боюнча",
                "По полу и возрасту",
                "By sex and age",
            ),
            (
                Table(
                    _T_(
                        "Облус ичиндеги миграция: келгендер жана кеткендер жынысы жана "
                        "жаш курагы боюнча",
                        "Внутриобластная миграция: прибывшие и выбывшие по полу и возрасту",
                        "Migration within oblasts: arrivals and departures by sex and age",
                    ),
                    sel(period="ref", migration_type="within_oblast"),
                    Dim("age5", total=True),
                    BY_SEX_AND_KIND,
                    stub=AGE,
                    note=_T_(
                        "Облус ичиндеги көчүүлөр.",
                        "Переезды внутри области.",
                        "Moves within an oblast.",
                    ),
                ),
                Table(
                    _T_(
                        "Облустар аралык миграция: келгендер жана кеткендер жынысы жана "
                        "жаш курагы боюнча",
                        "Межобластная миграция: прибывшие и выбывшие по полу и возрасту",
                        "Migration between oblasts: arrivals and departures by sex and age",
                    ),
                    sel(period="ref", migration_type="between_oblasts"),
                    Dim("age5", total=True),
                    BY_SEX_AND_KIND,
                    stub=AGE,
                ),
                Table(
                    _T_(
                        "Келгендер жана кеткендер жынысы боюнча (бардык миграция)",
                        "Прибывшие и выбывшие по полу (вся миграция)",
                        "Arrivals and departures by sex (all migration)",
                    ),
                    sel(period="ref"),
                    REGION_ROWS,
                    BY_SEX_AND_KIND,
                    stub=TERRITORY,
                ),
                Table(
                    _T_(
                        "Миграциялык сальдо жынысы боюнча (бардык миграция)",
                        "Миграционный прирост по полу (вся миграция)",
                        "Net migration by sex (all migration)",
                    ),
                    sel("mig_net", "ref"),
                    REGION_ROWS,
                    SEXES,
                    stub=TERRITORY,
                ),
            ),
        ),
        Section(
            _T_(
                "Облустар аралык көчүүлөр",
                "Межобластные переезды",
                "Moves between oblasts",
            ),
            (
                Table(
                    _T_(
                        "Облустар аралык көчүүлөр: чыккан жери (саптар) жана барган жери "
                        "(мамычалар)",
                        "Межобластная миграция: откуда (строки) и куда (столбцы)",
                        "Moves between oblasts: origin (rows) by destination (columns)",
                    ),
                    sel("mig_matrix", "ref"),
                    Dim("origin", REGIONS, total=True),
                    Dim("destination", REGIONS, total=True),
                    stub=_T_("Чыккан жери", "Откуда", "Origin"),
                ),
            ),
        ),
    ),
)
