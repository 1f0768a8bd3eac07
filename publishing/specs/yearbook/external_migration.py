"""The yearbook's chapter on external migration: immigrants and emigrants by country,
citizenship and reason."""

from __future__ import annotations

from publishing.spec import (
    Chapter,
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
    by_country,
    by_region,
)

CITIZENSHIP = _T_("Жарандыгы", "Гражданство", "Citizenship")
IMMIGRANTS = _T_("Иммигранттар", "Иммигранты", "Immigrants")
EMIGRANTS = _T_("Эмигранттар", "Эмигранты", "Emigrants")


def _by_sex(indicator: str, who: _T_) -> tuple[Sel, ...]:
    """An indicator for both sexes, men and women, labelled "Immigrants, men" etc."""
    return tuple(
        sel(
            indicator,
            sex=sex,
            label=_T_(
                *(f"{who.get(lang)}, {part.get(lang).lower()}" for lang in ("ky", "ru", "en"))
            ),
        )
        for sex, part in (
            ("_T", _T_("Бардыгы", "Всего", "Total")),
            ("M", _T_("Эркектер", "Мужчины", "Men")),
            ("F", _T_("Аялдар", "Женщины", "Women")),
        )
    )


# Immigrants are the external arrivals, emigrants the external departures: the flows by age
# are read from those (the indicators immigrants and emigrants hold no age).
BY_AGE_AND_SEX = Items(
    (*_by_sex("mig_arrivals", IMMIGRANTS), *_by_sex("mig_departures", EMIGRANTS))
)

EXTERNAL_MIGRATION = Chapter(
    _T_("Тышкы миграция", "Внешняя миграция", "External migration"),
    (
        Section(
            _T_(
                "Эмиграция жана иммиграция", "Эмиграция и иммиграция", "Emigration and immigration"
            ),
            (
                Table(
                    _T_(
                        "Тышкы миграция, жылдар боюнча",
                        "Внешняя миграция по годам",
                        "External migration by year",
                    ),
                    sel(),
                    Items(
                        (
                            sel("immigrants"),
                            sel("emigrants"),
                            sel(
                                "mig_net",
                                migration_type="external",
                                label=_T_(
                                    "Тышкы миграциянын сальдосу",
                                    "Сальдо внешней миграции",
                                    "Net external migration",
                                ),
                            ),
                        )
                    ),
                    YEARS,
                ),
                Table(
                    _T_(
                        "Эмигранттар жана иммигранттар өлкөлөрдүн топтору боюнча",
                        "Эмигранты и иммигранты по группам стран",
                        "Emigrants and immigrants by group of countries",
                    ),
                    sel(period="ref"),
                    Dim("country_group", total=True),
                    Items((sel("immigrants"), sel("emigrants"))),
                    stub=_T_("Өлкөлөр", "Страны", "Countries"),
                ),
                Table(
                    _T_(
                        "Эмигранттар жана иммигранттар аймактар боюнча",
                        "Эмигранты и иммигранты по территории",
                        "Emigrants and immigrants by territory",
                    ),
                    sel(period="ref"),
                    REGION_ROWS,
                    Items((sel("immigrants"), sel("emigrants"))),
                    stub=TERRITORY,
                ),
            ),
        ),
        Section(
            _T_("Өлкөлөр боюнча", "По странам", "By country"),
            (
                by_country(
                    _T_(
                        "Эмигранттар барган өлкөсү боюнча",
                        "Эмигранты по стране выбытия",
                        "Emigrants by country of destination",
                    ),
                    "emigrants",
                    "ref",
                ),
                by_country(
                    _T_(
                        "Иммигранттар келген өлкөсү боюнча",
                        "Иммигранты по стране прибытия",
                        "Immigrants by country of origin",
                    ),
                    "immigrants",
                    "ref",
                ),
                Table(
                    _T_(
                        "Иммигранттар жарандыгы боюнча",
                        "Иммигранты по гражданству",
                        "Immigrants by citizenship",
                    ),
                    sel("immigrants", "ref"),
                    Dim("citizenship", total=True),
                    SEXES,
                    stub=_T_("Жарандыгы", "Гражданство", "Citizenship"),
                    drop_empty=True,
                    sort_by_value=True,
                ),
                Table(
                    _T_(
                        "Эмигранттар жарандыгы боюнча",
                        "Эмигранты по гражданству",
                        "Emigrants by citizenship",
                    ),
                    sel("emigrants", "ref"),
                    Dim("citizenship", total=True),
                    SEXES,
                    stub=CITIZENSHIP,
                    drop_empty=True,
                    sort_by_value=True,
                ),
                Table(
                    _T_(
                        "Тышкы миграция көчүүнүн себеби боюнча",
                        "Внешняя миграция по причинам переезда",
                        "External migration by reason",
                    ),
                    sel(period="ref", migration_type="external"),
                    Dim("reason", total=True),
                    Items((sel("mig_arrivals"), sel("mig_departures"))),
                    stub=_T_("Себеби", "Причина", "Reason"),
                ),
            ),
        ),
        Section(
            _T_("Жынысы жана жаш курагы боюнча", "По полу и возрасту", "By sex and age"),
            (
                Table(
                    _T_(
                        "Иммигранттар жана эмигранттар жынысы жана жаш курагы боюнча",
                        "Иммигранты и эмигранты по полу и возрасту",
                        "Immigrants and emigrants by sex and age",
                    ),
                    sel(period="ref", migration_type="external"),
                    Dim("age5", total=True),
                    BY_AGE_AND_SEX,
                    stub=AGE,
                ),
                Table(
                    _T_(
                        "Иммигранттар жана эмигранттар жынысы боюнча, аймактар боюнча",
                        "Иммигранты и эмигранты по полу и территории",
                        "Immigrants and emigrants by sex and territory",
                    ),
                    sel(period="ref"),
                    REGION_ROWS,
                    Items((*_by_sex("immigrants", IMMIGRANTS), *_by_sex("emigrants", EMIGRANTS))),
                    stub=TERRITORY,
                ),
                by_region(
                    _T_(
                        "Тышкы миграциянын сальдосу, аймактар боюнча",
                        "Сальдо внешней миграции по территории",
                        "Net external migration by territory",
                    ),
                    "mig_net",
                    migration_type="external",
                ),
            ),
        ),
    ),
)
