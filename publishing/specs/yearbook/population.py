"""The yearbook's chapter: Population: size, urban and rural, structure by sex and age."""

from __future__ import annotations

from publishing.spec import (
    Chapter,
    Chart,
    Dim,
    Gap,
    Items,
    Section,
    Sel,
    Table,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    AGE,
    AGE_PYRAMID,
    DEPENDENCY,
    INDICATOR,
    REGION_ROWS,
    SETTLEMENTS,
    SEXES,
    TERRITORY,
    WORKING_AGE_GROUPS,
    YEARS,
    by_region,
)

WORKING_AGE_NOTE = _T_(
    "Эмгекке жарамдуу курак: эркектер 16–62 жаш, аялдар 16–57 жаш (пенсиялык курак "
    "63 жана 58 жаш); андан кичүүлөр — 0–15 жаш.",
    "Трудоспособный возраст: мужчины 16–62 года, женщины 16–57 лет (пенсионный возраст — "
    "63 и 58 лет); моложе трудоспособного — 0–15 лет.",
    "Working age: men 16–62, women 16–57 (pension age 63 and 58); below working age: 0–15.",
)


def both(first: Sel | Gap, second: Sel | Gap) -> Sel:
    """Two addresses in one, labelled "first, second" (a ratio of the urban population)."""
    assert isinstance(first, Sel)
    assert isinstance(second, Sel)
    assert first.label is not None
    assert second.label is not None
    merged = first.merge(second)
    label = _T_(
        *(
            f"{first.label.get(lang)}, {second.label.get(lang).lower()}"
            for lang in ("ky", "ru", "en")
        )
    )
    return Sel(merged.indicator, merged.period, merged.dims, label)


# Total, men, women, urban, rural: one row or column each.
SEXES_AND_AREAS = Items(
    (
        *SEXES.items,
        sel(urban_rural="U", label=_T_("Шаар калкы", "Городское население", "Urban")),
        sel(urban_rural="R", label=_T_("Айыл калкы", "Сельское население", "Rural")),
    )
)
START = _T_(
    "Калктын саны жылдын башында",
    "Численность на начало года",
    "Population at the start of the year",
)
CHANGE = Items(
    (
        sel("births", label=_T_("Төрөлгөндөр", "Родившиеся", "Births")),
        sel("deaths", label=_T_("Өлгөндөр", "Умершие", "Deaths")),
        sel("natural_increase"),
        sel(
            "mig_net",
            label=_T_("Миграциялык сальдо", "Миграционный прирост", "Net migration"),
        ),
        sel("pop_change"),
    )
)
BALANCE = Table(
    _T_(
        "Калктын санынын өзгөрүшүнүн компоненттери",
        "Компоненты изменения численности населения",
        "Components of population change",
    ),
    sel(period="ref"),
    REGION_ROWS,
    Items(
        (
            sel("pop_jan1", label=START),
            *CHANGE.items,
            sel(
                "pop_jan1",
                "ref+1",
                label=_T_(
                    "Калктын саны жылдын аягында",
                    "Численность на конец года",
                    "Population at the end of the year",
                ),
            ),
        )
    ),
    stub=TERRITORY,
    note=_T_(
        "Калктын санынын өсүшү = табигый өсүш + миграциялык сальдо; статистикалык "
        "түзөтүү жок (баа ошол эле катталган окуялардан түзүлөт).",
        "Общий прирост = естественный прирост + миграционный прирост; статистической "
        "корректировки нет (оценка строится из тех же зарегистрированных событий).",
        "Population change = natural increase + net migration; there is no statistical "
        "adjustment (the estimate is built from the same registered events).",
    ),
)

POPULATION = Chapter(
    _T_("Калк", "Население", "Population"),
    (
        Section(
            _T_("Калктын саны", "Численность населения", "Population size"),
            (
                by_region(
                    _T_(
                        "1-январга карата туруктуу калктын саны",
                        "Численность постоянного населения на 1 января",
                        "Resident population on 1 January",
                    ),
                    "pop_jan1",
                ),
                Table(
                    _T_(
                        "Шаар жана айыл калкы, 1-январга карата",
                        "Городское и сельское население на 1 января",
                        "Urban and rural population on 1 January",
                    ),
                    sel("pop_jan1", "ref"),
                    REGION_ROWS,
                    Items(
                        (
                            sel(urban_rural="_T", label=_T_("Бардыгы", "Всего", "Total")),
                            sel(urban_rural="U", label=_T_("Шаар", "Городское", "Urban")),
                            sel(urban_rural="R", label=_T_("Айыл", "Сельское", "Rural")),
                        )
                    ),
                    stub=TERRITORY,
                ),
                by_region(
                    _T_(
                        "Калктын орточо жылдык саны",
                        "Среднегодовая численность населения",
                        "Annual average population",
                    ),
                    "pop_avg",
                ),
                Chart(
                    _T_(
                        "1-январга карата калктын саны",
                        "Численность населения на 1 января",
                        "Population on 1 January",
                    ),
                    "line",
                    sel("pop_jan1"),
                    YEARS,
                    Items((sel(label=_T_("Калк", "Население", "Population")),)),
                ),
            ),
        ),
        Section(
            _T_("Калктын түзүмү", "Состав населения", "Population structure"),
            (
                Table(
                    _T_(
                        "Калктын жынысы жана жаш курагы боюнча саны, 1-январга карата",
                        "Численность населения по полу и возрасту на 1 января",
                        "Population by sex and age on 1 January",
                    ),
                    sel("pop_jan1", "ref"),
                    Dim("age5", total=True),
                    SEXES,
                    stub=AGE,
                ),
                AGE_PYRAMID,
                Table(
                    _T_(
                        "Калктын эмгекке жарамдуу куракка карата жаш топтору боюнча саны, "
                        "1-январга карата",
                        "Численность населения моложе, в и старше трудоспособного возраста "
                        "на 1 января",
                        "Population below, at and above working age on 1 January",
                    ),
                    sel("pop_age_broad", "ref"),
                    REGION_ROWS,
                    WORKING_AGE_GROUPS,
                    stub=TERRITORY,
                    note=WORKING_AGE_NOTE,
                ),
                Table(
                    _T_(
                        "Эмгекке жарамдуу куракка карата жаш топтору: жынысы, шаар жана айыл "
                        "калкы, 1-январга карата",
                        "Население по отношению к трудоспособному возрасту: по полу, "
                        "городское и сельское, на 1 января",
                        "Population relative to working age by sex, urban and rural, on 1 January",
                    ),
                    sel("pop_age_broad", "ref"),
                    SEXES_AND_AREAS,
                    WORKING_AGE_GROUPS,
                    note=WORKING_AGE_NOTE,
                ),
                Table(
                    _T_(
                        "Калктын эмгекке жарамдуу куракка карата жаш топтору, жылдар боюнча",
                        "Население по отношению к трудоспособному возрасту по годам",
                        "Population relative to working age by year",
                    ),
                    sel("pop_age_broad"),
                    WORKING_AGE_GROUPS,
                    YEARS,
                    stub=AGE,
                ),
                Table(
                    _T_(
                        "Калктын медианалык жашы, 1-январга карата",
                        "Медианный возраст населения на 1 января",
                        "Median age of the population on 1 January",
                    ),
                    sel("median_age", "ref"),
                    REGION_ROWS,
                    SEXES_AND_AREAS,
                    stub=TERRITORY,
                ),
                by_region(
                    _T_(
                        "Калктын медианалык жашы, жылдар боюнча",
                        "Медианный возраст населения по годам",
                        "Median age of the population by year",
                    ),
                    "median_age",
                ),
                Table(
                    _T_(
                        "Демографиялык жүктөмдүн коэффициенттери, 1-январга карата",
                        "Коэффициенты демографической нагрузки на 1 января",
                        "Dependency ratios on 1 January",
                    ),
                    sel(period="ref"),
                    REGION_ROWS,
                    DEPENDENCY,
                    stub=TERRITORY,
                    note=WORKING_AGE_NOTE,
                ),
                Table(
                    _T_(
                        "Демографиялык жүктөмдүн коэффициенттери: шаар жана айыл калкы, "
                        "жылдар боюнча",
                        "Коэффициенты демографической нагрузки: городское и сельское "
                        "население, по годам",
                        "Dependency ratios, urban and rural, by year",
                    ),
                    sel(),
                    Items(
                        tuple(
                            both(item, area)
                            for area in SETTLEMENTS.items
                            for item in DEPENDENCY.items
                        )
                    ),
                    YEARS,
                    stub=INDICATOR,
                ),
                Table(
                    _T_(
                        "100 аялга эркектердин саны жаш топтору боюнча, 1-январга карата",
                        "Число мужчин на 100 женщин по возрастным группам на 1 января",
                        "Men per 100 women by age group on 1 January",
                    ),
                    sel("sex_ratio", "ref"),
                    Dim("age5", total=True),
                    SETTLEMENTS,
                    stub=AGE,
                ),
                by_region(
                    _T_(
                        "100 аялга эркектердин саны, жылдар боюнча",
                        "Число мужчин на 100 женщин по годам",
                        "Men per 100 women by year",
                    ),
                    "sex_ratio",
                ),
            ),
        ),
        Section(
            _T_(
                "Калктын санынын өзгөрүшү",
                "Изменение численности населения",
                "Population change",
            ),
            (
                BALANCE,
                Table(
                    _T_(
                        "Кыргыз Республикасынын калкынын санынын өзгөрүшү, жылдар боюнча",
                        "Изменение численности населения Кыргызской Республики по годам",
                        "Population change of the Kyrgyz Republic by year",
                    ),
                    sel(),
                    Items((sel("pop_jan1", label=START), *CHANGE.items)),
                    YEARS,
                    stub=INDICATOR,
                ),
                by_region(
                    _T_(
                        "Калктын санынын жалпы өсүшү",
                        "Общий прирост численности населения",
                        "Population change",
                    ),
                    "pop_change",
                ),
            ),
        ),
    ),
)
