"""The yearbook's chapter: Internal migration: within and between oblasts."""

from __future__ import annotations

from publishing.spec import (
    REGIONS,
    Chapter,
    Chart,
    Dim,
    Items,
    Section,
    Table,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    AGE,
    REGION_ROWS,
    TERRITORY,
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
