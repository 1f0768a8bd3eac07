"""What every chapter of the yearbook shares: the usual axes, labels and table shapes."""

from __future__ import annotations

from publishing.spec import (
    REGIONS,
    Chart,
    Dim,
    Items,
    Table,
    Years,
    sel,
)
from publishing.spec import T as _T_

REGION_ROWS = Dim("soate", REGIONS, total=True)
YEARS = Years(5)
BOTH = sel(sex="_T", label=_T_("Бардыгы", "Всего", "Total"))
MEN = sel(sex="M", label=_T_("Эркектер", "Мужчины", "Men"))
WOMEN = sel(sex="F", label=_T_("Аялдар", "Женщины", "Women"))
SEXES = Items((BOTH, MEN, WOMEN))
TERRITORY = _T_("Аймак", "Территория", "Territory")
AGE = _T_("Жаш курагы", "Возраст", "Age")
MOTHER_AGE = _T_("Энесинин жашы", "Возраст матери", "Age of mother")
MONTH = _T_("Айы", "Месяц", "Month")
INDICATOR = _T_("Көрсөткүч", "Показатель", "Indicator")
# Both books print the same pyramid of the reference year.
AGE_PYRAMID = Chart(
    _T_(
        "Калктын жаш-жыныс пирамидасы",
        "Половозрастная пирамида населения",
        "Age pyramid of the population",
    ),
    "pyramid",
    sel("pop_jan1", "ref"),
    Dim("age5", level="group,open"),
    Items((MEN, WOMEN)),
)


def by_region(title: _T_, indicator: str, **dims: str) -> Table:
    """An indicator for the country, the oblasts and the cities over the last five years."""
    return Table(title, sel(indicator, None, None, **dims), REGION_ROWS, YEARS, stub=TERRITORY)


COUNTRY = _T_("Өлкө", "Страна", "Country")


def by_country(title: _T_, indicator: str, period: str = "last") -> Table:
    """A count by country (the largest first) and sex, in one year (the last by default)."""
    return Table(
        title,
        sel(indicator, period),
        Dim("country", total=True),
        SEXES,
        stub=COUNTRY,
        drop_empty=True,
        sort_by_value=True,
    )


REGION_NAMES = {
    "41702": _T_("Ысык-Көл облусу", "Иссык-Кульская область", "Issyk-Kul oblast"),
    "41703": _T_("Жалал-Абад облусу", "Джалал-Абадская область", "Jalal-Abad oblast"),
    "41704": _T_("Нарын облусу", "Нарынская область", "Naryn oblast"),
    "41705": _T_("Баткен облусу", "Баткенская область", "Batken oblast"),
    "41706": _T_("Ош облусу", "Ошская область", "Osh oblast"),
    "41707": _T_("Талас облусу", "Таласская область", "Talas oblast"),
    "41708": _T_("Чүй облусу", "Чуйская область", "Chui oblast"),
    "41711": _T_("Бишкек шаары", "город Бишкек", "Bishkek city"),
    "41721": _T_("Ош шаары", "город Ош", "Osh city"),
}

# Urban and rural side by side, with the whole population first.
SETTLEMENTS = Items(
    (
        sel(urban_rural="_T", label=_T_("Бардыгы", "Всего", "Total")),
        sel(urban_rural="U", label=_T_("Шаар жери", "Городская местность", "Urban")),
        sel(urban_rural="R", label=_T_("Айыл жери", "Сельская местность", "Rural")),
    )
)
# The population's structure (the population chapter and each oblast's section).
WORKING_AGE_GROUPS = Items(
    (
        sel(age_broad="_T", label=_T_("Бардыгы", "Всего", "Total")),
        sel(
            age_broad="BELOW_WA",
            label=_T_(
                "Эмгекке жарамдуу курактан кичүү",
                "Моложе трудоспособного",
                "Below working age",
            ),
        ),
        sel(
            age_broad="WA",
            label=_T_("Эмгекке жарамдуу куракта", "Трудоспособного", "Working age"),
        ),
        sel(
            age_broad="ABOVE_WA",
            label=_T_(
                "Эмгекке жарамдуу курактан улуу",
                "Старше трудоспособного",
                "Above working age",
            ),
        ),
    )
)
DEPENDENCY = Items(
    (
        sel("dependency_ratio", label=_T_("Жалпы", "Общая", "Total")),
        sel("child_dependency_ratio", label=_T_("Балдар менен", "Детьми", "Child")),
        sel("old_age_dependency_ratio", label=_T_("Улгайгандар менен", "Пожилыми", "Old-age")),
    )
)
