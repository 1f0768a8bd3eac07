"""The yearbook's chapter on external migration: immigrants and emigrants by country,
citizenship and reason, and the three measures of emigration side by side (registered, border-
based, survey-based, with the census 2022 benchmark; issue 17)."""

from __future__ import annotations

from publishing.spec import (
    Chapter,
    Dim,
    Items,
    Paragraph,
    Section,
    Sel,
    Table,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    AGE,
    COUNTRY,
    INDICATOR,
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

SURVEY = "lfs_residents_abroad"
ESTIMATE_AND_PRECISION = Items(
    (
        sel(SURVEY, label=_T_("Баа", "Оценка", "Estimate")),
        sel(SURVEY + "_se", label=_T_("Стандарттык ката", "Стандартная ошибка", "Standard error")),
        sel(
            SURVEY + "_ci95",
            bound="LOWER",
            label=_T_("95 % аралыктын төмөнкү чеги", "Нижняя граница 95 %", "95 % lower bound"),
        ),
        sel(
            SURVEY + "_ci95",
            bound="UPPER",
            label=_T_("95 % аралыктын жогорку чеги", "Верхняя граница 95 %", "95 % upper bound"),
        ),
    )
)
# The three measures of emigration side by side (issue 17): registered departures, the
# border-based long-term emigrants and stock abroad (the 12-of-16-months rule), the labour
# force survey's household members abroad with its interval, and the census 2022 count.
THREE_MEASURES = Section(
    _T_(
        "Эмиграциянын үч өлчөмү",
        "Три измерения эмиграции",
        "Three measures of emigration",
    ),
    (
        Paragraph(
            _T_(
                "Эмиграция үч булак боюнча ченелет, алар ар башка нерсени эсептейт. Катталган "
                "эмигранттар — туруктуу жашаган жеринен чет өлкөгө кетүү менен каттоодон "
                "чыккандар: каттоодон чыкпай кеткендер кирбейт. Чек ара боюнча узак мөөнөттүү "
                "эмигранттар — кеткенден кийинки 16 айдын ичинен 12 айдан ашык өлкөдөн тышкары "
                "болгон жарандар (жашаган жерин эрежеси); чек арадан өтүүлөр маалыматтары "
                "кармаган мезгилден мурда кеткендер запаска кирбейт. Эмгек күчүн тандалма "
                "изилдөө — үй чарбалары айтып берген, чет өлкөдөгү туруктуу мүчөлөрү; баа "
                "95 % ишеним аралыгы менен берилет, бүт бойдон кеткен үй чарбалары кирбейт. "
                "2022-жылдагы каттоо 964,6 миң жаранды эмгек миграциясында деп эсептеген: "
                "салыштыруу үчүн чен. Ар бир көрсөткүчтүн аныктамасы методикалык бөлүмдө.",
                "Эмиграция измеряется тремя источниками, и каждый считает своё. "
                "Зарегистрированные эмигранты — снятые с учёта по месту постоянного "
                "жительства в связи с выездом за рубеж: уехавшие без снятия с учёта не "
                "учитываются. Долгосрочные эмигранты по данным о пересечении границы — "
                "граждане, пробывшие вне страны более 12 из 16 месяцев после выезда "
                "(правило обычного места жительства); в запас не входят выехавшие до периода, "
                "охваченного данными о пересечениях. Выборочное обследование рабочей силы — "
                "обычные члены домохозяйств, находящиеся за рубежом, по сообщениям "
                "домохозяйств; оценка дана с 95-процентным доверительным интервалом, "
                "домохозяйства, выехавшие целиком, не учитываются. Перепись 2022 года учла "
                "964,6 тыс. граждан в трудовой миграции: ориентир для сравнения. Определение "
                "каждого показателя — в методологическом разделе.",
                "Emigration is measured by three sources, and each counts something else. "
                "Registered emigrants are those de-registered from a place of permanent "
                "residence to live abroad: whoever leaves without de-registering is missed. "
                "Border-based long-term emigrants are citizens outside the country for more "
                "than 12 of the 16 months after leaving (the usual-residence rule); the stock "
                "leaves out those who left before the crossings held begin. The labour force "
                "survey counts the usual members of households who are abroad, as the "
                "households report them; the estimate is given with its 95 % confidence "
                "interval, and households that left whole are not counted. The 2022 census "
                "counted 964.6 thousand citizens in labour migration: a benchmark. Each "
                "indicator's definition is in the methods chapter.",
            )
        ),
        Table(
            _T_(
                "Эмиграция үч булак боюнча",
                "Эмиграция по трём источникам",
                "Emigration by three sources",
            ),
            sel(),
            Items(
                (
                    sel(
                        "emigrants",
                        label=_T_(
                            "Катталган эмигранттар, адам",
                            "Зарегистрированные эмигранты, человек",
                            "Registered emigrants, persons",
                        ),
                    ),
                    sel(
                        "border_lt_emigrants",
                        citizenship="417",
                        label=_T_(
                            "Узак мөөнөттүү эмигрант жарандар (чек ара), адам",
                            "Долгосрочные эмигранты-граждане (граница), человек",
                            "Long-term emigrant citizens (border), persons",
                        ),
                    ),
                    sel(
                        "border_lt_abroad",
                        label=_T_(
                            "Чет өлкөдөгү узак мөөнөттүү эмигранттар (чек ара), адам",
                            "Долгосрочные эмигранты за рубежом (граница), человек",
                            "Long-term emigrants abroad (border), persons",
                        ),
                    ),
                    sel(
                        SURVEY,
                        label=_T_(
                            "Чет өлкөдөгү үй чарба мүчөлөрү (ЭКТИ), миң адам",
                            "Члены домохозяйств за рубежом (ОРС), тыс. человек",
                            "Household members abroad (LFS), thousands",
                        ),
                    ),
                    sel(
                        SURVEY + "_ci95",
                        bound="LOWER",
                        label=_T_(
                            "95 % аралыктын төмөнкү чеги, миң адам",
                            "нижняя граница 95 %, тыс. человек",
                            "95 % lower bound, thousands",
                        ),
                    ),
                    sel(
                        SURVEY + "_ci95",
                        bound="UPPER",
                        label=_T_(
                            "95 % аралыктын жогорку чеги, миң адам",
                            "верхняя граница 95 %, тыс. человек",
                            "95 % upper bound, thousands",
                        ),
                    ),
                    sel(
                        SURVEY,
                        purpose_abroad="WORK",
                        label=_T_(
                            "алардан иштөө үчүн (ЭКТИ), миң адам",
                            "из них на работе (ОРС), тыс. человек",
                            "of whom for work (LFS), thousands",
                        ),
                    ),
                    sel(
                        "labour_migration_share",
                        label=_T_(
                            "Эмгек миграциясынын үлүшү (ЭКТИ), %",
                            "Доля трудовой миграции (ОРС), %",
                            "Labour-migration share (LFS), %",
                        ),
                    ),
                    sel(
                        "border_lt_labour_share",
                        label=_T_(
                            "Иштөө үчүн кеткендердин үлүшү (чек ара), %",
                            "Доля выехавших на работу (граница), %",
                            "Share leaving for work (border), %",
                        ),
                    ),
                    sel(
                        "census_labour_migrants",
                        label=_T_(
                            "Эмгек миграциясындагы жарандар (2022-ж. каттоо), миң адам",
                            "Граждане в трудовой миграции (перепись 2022), тыс. человек",
                            "Citizens in labour migration (census 2022), thousands",
                        ),
                    ),
                )
            ),
            YEARS,
            stub=INDICATOR,
        ),
        Table(
            _T_(
                "Чет өлкөдөгү үй чарба мүчөлөрү максаты боюнча (ЭКТИ), миң адам",
                "Члены домохозяйств за рубежом по цели пребывания (ОРС), тыс. человек",
                "Household members abroad by purpose (LFS), thousands",
            ),
            sel(period="ref"),
            Dim("purpose_abroad", codes=("WORK", "STUDY", "FAMILY", "OTHER"), total=True),
            ESTIMATE_AND_PRECISION,
            stub=_T_("Максаты", "Цель", "Purpose"),
        ),
        Table(
            _T_(
                "Чет өлкөдөгү үй чарба мүчөлөрү өлкөлөр боюнча (ЭКТИ), миң адам",
                "Члены домохозяйств за рубежом по странам (ОРС), тыс. человек",
                "Household members abroad by country (LFS), thousands",
            ),
            sel(period="ref"),
            Dim("country", total=True),
            Items(
                (
                    *ESTIMATE_AND_PRECISION.items[:2],
                    sel(SURVEY, sex="M", label=_T_("Эркектер", "Мужчины", "Men")),
                    sel(SURVEY, sex="F", label=_T_("Аялдар", "Женщины", "Women")),
                )
            ),
            stub=COUNTRY,
            drop_empty=True,
            sort_by_value=True,
        ),
        Table(
            _T_(
                "Чет өлкөдөгү үй чарба мүчөлөрү жашы жана жынысы боюнча (ЭКТИ), миң адам",
                "Члены домохозяйств за рубежом по возрасту и полу (ОРС), тыс. человек",
                "Household members abroad by age and sex (LFS), thousands",
            ),
            sel(SURVEY, "ref"),
            Dim("age_social", total=True),
            SEXES,
            stub=AGE,
        ),
        Table(
            _T_(
                "Чет өлкөдөгү үй чарба мүчөлөрү чет өлкөдө болгон мөөнөтү боюнча (ЭКТИ), миң адам",
                "Члены домохозяйств за рубежом по продолжительности пребывания (ОРС), тыс. человек",
                "Household members abroad by time abroad (LFS), thousands",
            ),
            sel(period="ref"),
            Dim("duration_abroad", total=True),
            ESTIMATE_AND_PRECISION,
            stub=_T_("Мөөнөтү", "Продолжительность", "Time abroad"),
        ),
    ),
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
        THREE_MEASURES,
    ),
)
