"""The yearbook's chapter: Life expectancy and life tables.

Life expectancy by territory, sex, settlement type and age, then the full abridged life
tables of the reference year — both sexes, men, women, urban and rural population, then
each oblast and city (both sexes) — with every column (qx, lx, dx, Lx, Tx, ex) read from the
release, one indicator per column.
"""

from __future__ import annotations

from publishing.spec import (
    REGIONS,
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
    BOTH,
    MEN,
    REGION_NAMES,
    REGION_ROWS,
    SEXES,
    TERRITORY,
    WOMEN,
    YEARS,
    by_region,
)
from publishing.specs.yearbook.deaths import LIFE_TABLE_AGES, short_ages

# A life table's first column: the exact age x at which each group starts, as bounds.
AGES_X = short_ages(
    "age_lt",
    ("Y0", "Y1T4", "Y5T9", "Y10T14", "Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44",
     "Y45T49", "Y50T54", "Y55T59", "Y60T64", "Y65T69", "Y70T74", "Y75T79", "Y80T84", "Y_GE85"),
)  # fmt: skip
AGE_YEARS = _T_("Жашы, жыл", "Возраст, лет", "Age, years")
# Ages at which the oblasts' life expectancies are compared (each starts an age group).
SELECTED_AGES = short_ages("age_lt", ("Y0", "Y15T19", "Y30T34", "Y45T49", "Y60T64", "Y65T69",
                                      "Y80T84"), exact=True)  # fmt: skip
COLUMNS = Items(
    (
        sel(
            "life_table_qx",
            label=_T_(
                "Өлүү ыктымалдыгы, qx", "Вероятность умереть, qx", "Probability of dying, qx"
            ),
        ),
        sel(
            "life_table_lx",
            label=_T_("Жашап жеткендер, lx", "Число доживающих, lx", "Survivors, lx"),
        ),
        sel("life_table_dx", label=_T_("Өлгөндөр, dx", "Число умирающих, dx", "Deaths, dx")),
        sel(
            "life_table_years_lived",
            label=_T_(
                "Жаш тобунда жашалган адам-жылдар, Lx",
                "Число живущих, Lx",
                "Person-years lived, Lx",
            ),
        ),
        sel(
            "life_table_years_remaining",
            label=_T_(
                "Алдыдагы адам-жылдар, Tx",
                "Число человеко-лет предстоящей жизни, Tx",
                "Person-years remaining, Tx",
            ),
        ),
        sel(
            "life_expectancy",
            label=_T_(
                "Күтүлүүчү өмүрдүн узактыгы, ex",
                "Ожидаемая продолжительность жизни, ex",
                "Life expectancy, ex",
            ),
        ),
    )
)
NOTE = _T_(
    "qx — x жаштагы адамдын жаш тобунун ичинде өлүү ыктымалдыгы; lx, dx, Lx жана Tx — 100 000 "
    "тирүү төрөлгөндөн турган шарттуу муун үчүн; ex — жыл менен.",
    "qx — вероятность умереть в пределах возрастной группы для достигших возраста x; lx, dx, "
    "Lx и Tx — для условного поколения в 100 000 родившихся живыми; ex — в годах.",
    "qx: probability of dying within the age group at exact age x; lx, dx, Lx and Tx: of a "
    "hypothetical cohort of 100,000 live births; ex: in years.",
)

AT_AGE = _T_(
    "Мамычаларда — так жаш (жыл): ошол жашка чыккан адамдын күтүлүүчү өмүрү.",
    "По столбцам — точный возраст (лет): ожидаемая продолжительность предстоящей жизни "
    "достигших этого возраста.",
    "Columns: exact age (years); the further years of life expected at that age.",
)


def life_expectancy_by_age(cols: Items) -> Table:
    """Life expectancy at each age of the abridged table in the reference year, by ``cols``
    (the yearbook's both sexes, men and women; "Women and Men"'s men, women and the gap)."""
    return Table(
        _T_(
            "Жаш курагы боюнча күтүлүүчү өмүрдүн узактыгы",
            "Ожидаемая продолжительность жизни по возрасту",
            "Life expectancy by age",
        ),
        sel("life_expectancy", "ref"),
        LIFE_TABLE_AGES,
        cols,
        stub=AGE,
    )


def _life_table(title: _T_, **dims: str) -> Table:
    """The full abridged life table of the reference year for one population."""
    base = sel(None, "ref", None, **dims)
    return Table(title, base, AGES_X, COLUMNS, stub=AGE_YEARS, note=NOTE)


def _by_region_and_age(who: Sel, title: _T_) -> Table:
    """Life expectancy at selected exact ages in each oblast and city, one sex or both."""
    base = sel("life_expectancy", "ref").merge(who)
    return Table(title, base, REGION_ROWS, SELECTED_AGES, stub=TERRITORY, note=AT_AGE)


LIFE_TABLES = Chapter(
    _T_(
        "Күтүлүүчү өмүрдүн узактыгы жана өлүм таблицалары",
        "Ожидаемая продолжительность жизни и таблицы смертности",
        "Life expectancy and life tables",
    ),
    (
        Section(
            _T_(
                "Күтүлүүчү өмүрдүн узактыгы",
                "Ожидаемая продолжительность жизни",
                "Life expectancy",
            ),
            (
                Table(
                    _T_(
                        "Төрөлгөндөгү күтүлүүчү өмүрдүн узактыгы",
                        "Ожидаемая продолжительность жизни при рождении",
                        "Life expectancy at birth",
                    ),
                    sel("life_expectancy", "ref", age_lt="Y0"),
                    REGION_ROWS,
                    SEXES,
                    stub=TERRITORY,
                ),
                by_region(
                    _T_(
                        "Төрөлгөндөгү күтүлүүчү өмүрдүн узактыгы, жылдар боюнча",
                        "Ожидаемая продолжительность жизни при рождении по годам",
                        "Life expectancy at birth over the years",
                    ),
                    "life_expectancy",
                    age_lt="Y0",
                ),
                Table(
                    _T_(
                        "Шаар жана айыл калкынын төрөлгөндөгү күтүлүүчү өмүрүнүн узактыгы",
                        "Ожидаемая продолжительность жизни при рождении городского и сельского "
                        "населения",
                        "Life expectancy at birth, urban and rural population",
                    ),
                    sel("life_expectancy", age_lt="Y0"),
                    Dim("urban_rural", total=True),
                    YEARS,
                    stub=_T_("Жашаган жери", "Местность", "Area"),
                ),
                life_expectancy_by_age(SEXES),
                _by_region_and_age(
                    BOTH,
                    _T_(
                        "Облустар жана шаарлар боюнча тандалган жаштагы күтүлүүчү өмүрдүн узактыгы",
                        "Ожидаемая продолжительность жизни в отдельных возрастах по областям и "
                        "городам",
                        "Life expectancy at selected ages by oblast and city",
                    ),
                ),
                _by_region_and_age(
                    MEN,
                    _T_(
                        "Эркектердин тандалган жаштагы күтүлүүчү өмүрүнүн узактыгы",
                        "Ожидаемая продолжительность жизни мужчин в отдельных возрастах",
                        "Life expectancy of men at selected ages",
                    ),
                ),
                _by_region_and_age(
                    WOMEN,
                    _T_(
                        "Аялдардын тандалган жаштагы күтүлүүчү өмүрүнүн узактыгы",
                        "Ожидаемая продолжительность жизни женщин в отдельных возрастах",
                        "Life expectancy of women at selected ages",
                    ),
                ),
            ),
        ),
        Section(
            _T_("Өлүм таблицалары", "Таблицы смертности", "Life tables"),
            (
                _life_table(
                    _T_(
                        "Бүт калктын өлүм таблицасы",
                        "Таблица смертности всего населения",
                        "Life table, total population",
                    ),
                ),
                _life_table(
                    _T_(
                        "Эркектердин өлүм таблицасы",
                        "Таблица смертности мужчин",
                        "Life table, men",
                    ),
                    sex="M",
                ),
                _life_table(
                    _T_(
                        "Аялдардын өлүм таблицасы",
                        "Таблица смертности женщин",
                        "Life table, women",
                    ),
                    sex="F",
                ),
                _life_table(
                    _T_(
                        "Шаар калкынын өлүм таблицасы",
                        "Таблица смертности городского населения",
                        "Life table, urban population",
                    ),
                    urban_rural="U",
                ),
                _life_table(
                    _T_(
                        "Айыл калкынын өлүм таблицасы",
                        "Таблица смертности сельского населения",
                        "Life table, rural population",
                    ),
                    urban_rural="R",
                ),
            ),
        ),
        Section(
            _T_(
                "Облустардын жана шаарлардын өлүм таблицалары",
                "Таблицы смертности областей и городов",
                "Life tables of the oblasts and cities",
            ),
            tuple(
                _life_table(
                    _T_(
                        f"Өлүм таблицасы: {REGION_NAMES[region].ky}",
                        f"Таблица смертности: {REGION_NAMES[region].ru}",
                        f"Life table: {REGION_NAMES[region].en}",
                    ),
                    soate=region,
                )
                for region in REGIONS
            ),
        ),
    ),
)
