"""The yearbook's chapter: One section per oblast and city of republican significance.

Each section prints the oblast (city) as national yearbooks do: its main indicators over
five years, then every table by rayon and town (Bishkek: by city district) — population by
sex, urban and rural, age group and working age, median age and dependency, births, deaths,
marriages, divorces and migration with their rates — and the oblast's own tables by age
(population, deaths, migration, fertility, life expectancy). Osh city has no lower units, so
its section has no tables by rayon.
"""

from __future__ import annotations

from publishing.spec import (
    REGIONS,
    Axis,
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
    INDICATOR,
    MEN,
    MOTHER_AGE,
    REGION_NAMES,
    SETTLEMENTS,
    SEXES,
    TERRITORY,
    WOMEN,
    WORKING_AGE_GROUPS,
    YEARS,
)
from publishing.specs.yearbook.internal_migration import BY_SEX_AND_KIND
from publishing.specs.yearbook.population import SEXES_AND_AREAS, WORKING_AGE_NOTE

# Cities of republican significance without rayons or districts in СОАТЕ.
WITHOUT_DISTRICTS = ("41721",)

KEY_INDICATORS = Items(
    (
        sel("pop_jan1"),
        sel("pop_avg"),
        sel("births"),
        sel("crude_birth_rate"),
        sel("deaths"),
        sel("crude_death_rate"),
        sel("natural_increase"),
        sel("natural_increase_rate"),
        sel("infant_mortality_rate"),
        sel("marriages"),
        sel("divorces"),
        sel("mig_arrivals"),
        sel("mig_departures"),
        sel("mig_net"),
        sel("pop_change"),
        sel("median_age"),
        sel("dependency_ratio"),
    )
)
DISTRICT_COLUMNS = Items(
    (
        sel("pop_jan1"),
        sel("births"),
        sel("deaths"),
        sel("natural_increase"),
        sel("mig_net"),
    )
)
VITAL_COLUMNS = Items(
    (
        sel("births", label=_T_("Төрөлгөндөр", "Родившиеся", "Births")),
        sel("crude_birth_rate", label=_T_("1000 адамга", "на 1000 человек", "per 1,000")),
        sel("deaths", label=_T_("Өлгөндөр", "Умершие", "Deaths")),
        sel("crude_death_rate", label=_T_("1000 адамга", "на 1000 человек", "per 1,000")),
        sel(
            "natural_increase",
            label=_T_("Табигый өсүш", "Естественный прирост", "Natural increase"),
        ),
        sel("natural_increase_rate", label=_T_("1000 адамга", "на 1000 человек", "per 1,000")),
        sel(
            "infant_deaths",
            label=_T_("1 жашка чейин өлгөндөр", "Умершие до 1 года", "Infant deaths"),
        ),
        sel(
            "infant_mortality_rate",
            label=_T_("1000 тирүү төрөлгөнгө", "на 1000 родившихся", "per 1,000 births"),
        ),
    )
)
NUPTIALITY_COLUMNS = Items(
    (
        sel("marriages", label=_T_("Никелер", "Браки", "Marriages")),
        sel("crude_marriage_rate", label=_T_("1000 адамга", "на 1000 человек", "per 1,000")),
        sel("divorces", label=_T_("Ажырашуулар", "Разводы", "Divorces")),
        sel("crude_divorce_rate", label=_T_("1000 адамга", "на 1000 человек", "per 1,000")),
    )
)
MIGRATION_COLUMNS = Items(
    (
        sel("mig_arrivals", label=_T_("Келгендер", "Прибывшие", "Arrivals")),
        sel("mig_departures", label=_T_("Кеткендер", "Выбывшие", "Departures")),
        sel("mig_net", label=_T_("Сальдо", "Сальдо", "Net")),
        sel(
            "mig_arrivals_rate",
            label=_T_("Келүү, 10 000 адамга", "Прибытие, на 10 000", "Arrival rate, per 10,000"),
        ),
        sel(
            "mig_departures_rate",
            label=_T_("Кетүү, 10 000 адамга", "Выбытие, на 10 000", "Departure rate, per 10,000"),
        ),
        sel(
            "mig_net_rate",
            label=_T_("Сальдо, 10 000 адамга", "Сальдо, на 10 000", "Net, per 10,000"),
        ),
    )
)
NET_BY_TYPE = Items(
    (
        sel(migration_type="_T", label=_T_("Бардыгы", "Всего", "Total")),
        sel(migration_type="within_oblast"),
        sel(migration_type="between_oblasts"),
        sel(migration_type="external"),
    )
)
STRUCTURE_COLUMNS = Items(
    (
        sel("median_age", sex="_T", label=_T_("Медианалык жаш", "Медианный возраст", "Median age")),
        sel(
            "median_age",
            sex="M",
            label=_T_("Медианалык жаш: эркектер", "Медианный возраст: мужчины", "Median age: men"),
        ),
        sel(
            "median_age",
            sex="F",
            label=_T_("Медианалык жаш: аялдар", "Медианный возраст: женщины", "Median age: women"),
        ),
        sel("dependency_ratio", label=_T_("Жүктөм: жалпы", "Нагрузка: общая", "Dependency: total")),
        sel(
            "child_dependency_ratio",
            label=_T_("Жүктөм: балдар", "Нагрузка: детьми", "Dependency: child"),
        ),
        sel(
            "old_age_dependency_ratio",
            label=_T_("Жүктөм: улгайгандар", "Нагрузка: пожилыми", "Dependency: old-age"),
        ),
        sel(
            "sex_ratio",
            label=_T_("100 аялга эркектер", "Мужчин на 100 женщин", "Men per 100 women"),
        ),
    )
)
# The age groups split in two tables that fit the page's width.
YOUNGER = ("_T", *(f"Y{a}T{a + 4}" for a in range(0, 40, 5)))
OLDER = (*(f"Y{a}T{a + 4}" for a in range(40, 85, 5)), "Y_GE85")
FERTILE = ("Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44", "Y45T49")
RAYON_SEXES = (
    ("_T", _T_("эки жыныс", "оба пола", "both sexes")),
    ("M", _T_("эркектер", "мужчины", "men")),
    ("F", _T_("аялдар", "женщины", "women")),
)


def _title(name: _T_, ky: str, ru: str, en: str) -> _T_:
    return _T_(f"{name.ky}: {ky}", f"{name.ru}: {ru}", f"{name.en}: {en}")


def _main(code: str, name: _T_) -> tuple[Table, ...]:
    return (
        Table(
            _title(name, "негизги көрсөткүчтөр", "основные показатели", "main indicators"),
            sel(soate=code),
            KEY_INDICATORS,
            YEARS,
            stub=INDICATOR,
        ),
        Table(
            _title(
                name,
                "калктын жынысы жана жаш курагы боюнча саны, 1-январга карата",
                "численность населения по полу и возрасту на 1 января",
                "population by sex and age on 1 January",
            ),
            sel("pop_jan1", "ref", soate=code),
            Dim("age5", total=True),
            SEXES_AND_AREAS,
            stub=AGE,
        ),
    )


def _by_age(code: str, name: _T_) -> tuple[Table, ...]:
    """The oblast's tables by age: sex ratio, deaths, migration, fertility, life expectancy."""
    return (
        Table(
            _title(
                name,
                "100 аялга эркектер жаш топтору боюнча, 1-январга карата",
                "число мужчин на 100 женщин по возрастным группам на 1 января",
                "men per 100 women by age group on 1 January",
            ),
            sel("sex_ratio", "ref", soate=code),
            Dim("age5", total=True),
            SETTLEMENTS,
            stub=AGE,
        ),
        Table(
            _title(
                name,
                "өлгөндөр жынысы жана жаш курагы боюнча",
                "умершие по полу и возрасту",
                "deaths by sex and age",
            ),
            sel("deaths", "ref", soate=code),
            Dim("age5", total=True),
            SEXES_AND_AREAS,
            stub=AGE,
        ),
        Table(
            _title(
                name,
                "келгендер жана кеткендер жынысы жана жаш курагы боюнча (бардык миграция)",
                "прибывшие и выбывшие по полу и возрасту (вся миграция)",
                "arrivals and departures by sex and age (all migration)",
            ),
            sel(period="ref", soate=code),
            Dim("age5", total=True),
            BY_SEX_AND_KIND,
            stub=AGE,
        ),
        Table(
            _title(
                name,
                "төрөлүүнүн жаш курак боюнча коэффициенттери (1000 аялга)",
                "возрастные коэффициенты рождаемости (на 1000 женщин)",
                "age-specific fertility rates (per 1,000 women)",
            ),
            sel("asfr", "ref", soate=code),
            Dim("mother_age", FERTILE),
            SETTLEMENTS,
            stub=MOTHER_AGE,
        ),
        Table(
            _title(
                name,
                "жаш курагы боюнча күтүлүүчү өмүрдүн узактыгы",
                "ожидаемая продолжительность жизни по возрасту",
                "life expectancy by age",
            ),
            sel("life_expectancy", "ref", soate=code),
            Dim("age_lt"),
            SEXES,
            stub=AGE,
        ),
    )


def _by_district(code: str, name: _T_) -> tuple[Table, ...]:
    """Every table by rayon and town of the oblast (city district of Bishkek)."""
    rows = Dim("soate", parent=code, total=True)

    def table(ky: str, ru: str, en: str, base: Sel, cols: Axis, note: _T_ | None = None) -> Table:
        return Table(_title(name, ky, ru, en), base, rows, cols, stub=TERRITORY, note=note)

    by_age = tuple(
        table(
            f"калктын райондор жана жаш топтору боюнча саны, {label.ky}, {part}",
            f"численность населения по районам и возрастным группам, {label.ru}, {part}",
            f"population by district and age group, {label.en}, {part}",
            sel("pop_jan1", "ref", sex=sex),
            Dim("age5", codes),
        )
        for sex, label in RAYON_SEXES
        for codes, part in ((YOUNGER, "0–39"), (OLDER, "40+"))
    )
    deaths_by_age = tuple(
        table(
            f"өлгөндөр райондор жана жаш топтору боюнча, {part}",
            f"умершие по районам и возрастным группам, {part}",
            f"deaths by district and age group, {part}",
            sel("deaths", "ref"),
            Dim("age5", codes),
        )
        for codes, part in ((YOUNGER, "0–39"), (OLDER, "40+"))
    )
    return (
        table(
            "райондор жана шаарлар",
            "районы и города",
            "districts and towns",
            sel(period="ref"),
            DISTRICT_COLUMNS,
        ),
        table(
            "1-январга карата калктын саны, жылдар боюнча",
            "численность населения на 1 января по годам",
            "population on 1 January by year",
            sel("pop_jan1"),
            YEARS,
        ),
        table(
            "калктын жынысы, шаар жана айыл калкы боюнча саны, 1-январга карата",
            "численность населения по полу, городское и сельское, на 1 января",
            "population by sex, urban and rural, on 1 January",
            sel("pop_jan1", "ref"),
            SEXES_AND_AREAS,
        ),
        *by_age,
        table(
            "калктын эмгекке жарамдуу куракка карата жаш топтору боюнча саны, 1-январга карата",
            "население моложе, в и старше трудоспособного возраста на 1 января",
            "population below, at and above working age on 1 January",
            sel("pop_age_broad", "ref"),
            WORKING_AGE_GROUPS,
            note=WORKING_AGE_NOTE,
        ),
        table(
            "медианалык жаш, демографиялык жүктөм жана 100 аялга эркектер, 1-январга карата",
            "медианный возраст, демографическая нагрузка и число мужчин на 100 женщин на 1 января",
            "median age, dependency ratios and men per 100 women on 1 January",
            sel(period="ref"),
            STRUCTURE_COLUMNS,
            note=_T_(
                "Демографиялык жүктөм — эмгекке жарамдуу курактагы 100 адамга.",
                "Демографическая нагрузка — на 100 человек в трудоспособном возрасте.",
                "Dependency ratios per 100 persons of working age.",
            ),
        ),
        table(
            "төрөлгөндөр, өлгөндөр жана табигый өсүш",
            "родившиеся, умершие и естественный прирост",
            "births, deaths and natural increase",
            sel(period="ref"),
            VITAL_COLUMNS,
        ),
        table(
            "тирүү төрөлгөндөр, жылдар боюнча",
            "родившиеся живыми по годам",
            "live births by year",
            sel("births"),
            YEARS,
        ),
        table(
            "өлгөндөр, жылдар боюнча",
            "умершие по годам",
            "deaths by year",
            sel("deaths"),
            YEARS,
        ),
        table(
            "өлгөндөр жынысы боюнча",
            "умершие по полу",
            "deaths by sex",
            sel("deaths", "ref"),
            Items((MEN, WOMEN)),
        ),
        *deaths_by_age,
        table(
            "никелер жана ажырашуулар",
            "браки и разводы",
            "marriages and divorces",
            sel(period="ref"),
            NUPTIALITY_COLUMNS,
        ),
        table(
            "келгендер, кеткендер жана миграциялык сальдо",
            "прибывшие, выбывшие и миграционный прирост",
            "arrivals, departures and net migration",
            sel(period="ref"),
            MIGRATION_COLUMNS,
        ),
        table(
            "миграциялык сальдо миграциянын түрү боюнча",
            "миграционный прирост по видам миграции",
            "net migration by type of migration",
            sel("mig_net", "ref"),
            NET_BY_TYPE,
        ),
        table(
            "миграциялык сальдо, жылдар боюнча",
            "миграционный прирост по годам",
            "net migration by year",
            sel("mig_net"),
            YEARS,
        ),
    )


def region_section(code: str, name: _T_) -> Section:
    districts = () if code in WITHOUT_DISTRICTS else _by_district(code, name)
    return Section(name, (*_main(code, name), *districts, *_by_age(code, name)))


REGIONAL = Chapter(
    _T_("Облустар жана шаарлар", "Области и города", "Oblasts and cities"),
    tuple(region_section(code, REGION_NAMES[code]) for code in REGIONS),
)
