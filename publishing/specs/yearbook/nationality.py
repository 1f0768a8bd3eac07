"""The yearbook's chapter: Nationality, and the first weeks of life and population density.

Population by nationality is the census base's, at its reference date (the yearly estimate
carries no nationality: :mod:`indicators.catalog.nationality`); births (by the mother's
nationality), deaths and emigrants are the years' registered events. The last section gathers
the indicators issue 14's new fields made possible: stillbirths and perinatal and neonatal
mortality, births outside registered marriage, and population density.
"""

from __future__ import annotations

from publishing.spec import Chapter, Dim, Items, Section, Table, sel
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import REGION_ROWS, SEXES, TERRITORY, YEARS, by_region

NATIONALITY = _T_("Улуту", "Национальность", "Nationality")
NATIONALITY_ROWS = Dim("nationality", total=True)
# The groups a regional table has room for, beside the total (the codelist's largest).
LARGEST = (
    ("_T", _T_("Бардыгы", "Всего", "Total")),
    ("KIR", _T_("Кыргыздар", "Кыргызы", "Kyrgyz")),
    ("UZB", _T_("Өзбектер", "Узбеки", "Uzbeks")),
    ("RUS", _T_("Орустар", "Русские", "Russians")),
    ("DNG", _T_("Дуңгандар", "Дунгане", "Dungans")),
    ("UIG", _T_("Уйгурлар", "Уйгуры", "Uyghurs")),
    ("TGK", _T_("Тажиктер", "Таджики", "Tajiks")),
)
BASE_NOTE = _T_(
    "Калктын базалык санынын (каттоонун) эсептик күнүнө карата; жылдык баалоо улутту камтыбайт.",
    "На дату базовой численности населения (переписи); ежегодная оценка национальность не "
    "содержит.",
    "At the reference date of the base population (census); the yearly estimate carries no "
    "nationality.",
)
EVENTS_NOTE = _T_(
    "Улуту көрсөтүлбөгөн жазуулар «улуту көрсөтүлгөн эмес» сабында.",
    "Записи без указания национальности — в строке «национальность не указана».",
    "Records that state no nationality are in the row 'nationality not stated'.",
)


def _by_nationality(title: _T_, indicator: str, dim: str = "nationality") -> Table:
    """An event count by nationality (rows) over the last five years, for the republic."""
    return Table(
        title,
        sel(indicator, None, None, soate="417"),
        Dim(dim, total=True),
        YEARS,
        stub=_T_("Энесинин улуту", "Национальность матери", "Nationality of mother")
        if dim == "mother_nationality"
        else NATIONALITY,
        note=EVENTS_NOTE,
        drop_empty=True,
    )


NATIONALITY_CHAPTER = Chapter(
    _T_(
        "Калктын улуттук курамы",
        "Национальный состав населения",
        "Population by nationality",
    ),
    (
        Section(
            _T_("Калк улуту боюнча", "Население по национальности", "Population by nationality"),
            (
                Table(
                    _T_(
                        "Калктын улуттук курамы",
                        "Национальный состав населения",
                        "Population by nationality",
                    ),
                    sel("pop_census_nationality", "last", soate="417"),
                    NATIONALITY_ROWS,
                    SEXES,
                    stub=NATIONALITY,
                    note=BASE_NOTE,
                    drop_empty=True,
                ),
                Table(
                    _T_(
                        "Облустардын жана шаарлардын калкы улуту боюнча",
                        "Население областей и городов по национальности",
                        "Population of the oblasts and cities by nationality",
                    ),
                    sel("pop_census_nationality", "last", sex="_T"),
                    REGION_ROWS,
                    Items(tuple(sel(nationality=code, label=label) for code, label in LARGEST)),
                    stub=TERRITORY,
                    note=BASE_NOTE,
                ),
            ),
        ),
        Section(
            _T_(
                "Төрөлгөндөр, өлгөндөр жана эмигранттар улуту боюнча",
                "Родившиеся, умершие и эмигранты по национальности",
                "Births, deaths and emigrants by nationality",
            ),
            (
                _by_nationality(
                    _T_(
                        "Төрөлгөндөр энесинин улуту боюнча",
                        "Родившиеся по национальности матери",
                        "Live births by nationality of mother",
                    ),
                    "births_by_nationality",
                    "mother_nationality",
                ),
                _by_nationality(
                    _T_(
                        "Өлгөндөр улуту боюнча",
                        "Умершие по национальности",
                        "Deaths by nationality",
                    ),
                    "deaths_by_nationality",
                ),
                _by_nationality(
                    _T_(
                        "Эмигранттар улуту боюнча",
                        "Эмигранты по национальности",
                        "Emigrants by nationality",
                    ),
                    "emigrants_by_nationality",
                ),
                _by_nationality(
                    _T_(
                        "Иммигранттар улуту боюнча",
                        "Иммигранты по национальности",
                        "Immigrants by nationality",
                    ),
                    "immigrants_by_nationality",
                ),
            ),
        ),
        Section(
            _T_(
                "Перинаталдык өлүм, никеден тышкары төрөлүү, калктын жыштыгы",
                "Перинатальная смертность, рождения вне брака, плотность населения",
                "Perinatal mortality, births outside marriage, population density",
            ),
            (
                Table(
                    _T_(
                        "Өлүү төрөлүү, перинаталдык жана неонаталдык өлүм",
                        "Мертворождаемость, перинатальная и неонатальная смертность",
                        "Stillbirths, perinatal and neonatal mortality",
                    ),
                    sel(None, "ref"),
                    REGION_ROWS,
                    Items(
                        (
                            sel(
                                "stillbirth_rate",
                                label=_T_(
                                    "Өлүү төрөлүү¹",
                                    "Мертворождаемость¹",
                                    "Stillbirth rate¹",
                                ),
                            ),
                            sel(
                                "perinatal_mortality_rate",
                                label=_T_(
                                    "Перинаталдык¹",
                                    "Перинатальная¹",
                                    "Perinatal¹",
                                ),
                            ),
                            sel(
                                "early_neonatal_mortality_rate",
                                label=_T_(
                                    "Эрте неонаталдык²",
                                    "Ранняя неонатальная²",
                                    "Early neonatal²",
                                ),
                            ),
                            sel(
                                "neonatal_mortality_rate",
                                label=_T_(
                                    "Неонаталдык²",
                                    "Неонатальная²",
                                    "Neonatal²",
                                ),
                            ),
                        )
                    ),
                    stub=TERRITORY,
                    note=_T_(
                        "¹ Өлүү төрөлүү жана перинаталдык өлүм (өлүү төрөлгөндөр жана жашоонун "
                        "0–6-күндөрүндө өлгөндөр) — тирүү жана өлүү төрөлгөн 1000 балага. "
                        "² Жашоонун 0–6 (эрте неонаталдык) жана 0–27 (неонаталдык) күндөрүндө "
                        "өлгөндөр — тирүү төрөлгөн 1000 балага.",
                        "¹ Мертворождённые и перинатальная смертность (мертворождённые и умершие "
                        "на 0–6-й день жизни) — на 1000 родившихся живыми и мёртвыми. ² Умершие на "
                        "0–6-й (ранняя неонатальная) и 0–27-й (неонатальная) день жизни — на 1000 "
                        "родившихся живыми.",
                        "¹ Stillbirths and perinatal deaths (stillbirths and deaths in days 0–6 of "
                        "life) per 1,000 live and stillbirths. ² Deaths in days 0–6 (early "
                        "neonatal) and 0–27 (neonatal) of life per 1,000 live births.",
                    ),
                ),
                by_region(
                    _T_(
                        "Неонаталдык өлүмдүн коэффициенти",
                        "Коэффициент неонатальной смертности",
                        "Neonatal mortality rate",
                    ),
                    "neonatal_mortality_rate",
                ),
                by_region(
                    _T_(
                        "Катталган никеден тышкары төрөлгөндөрдүн үлүшү",
                        "Доля родившихся вне зарегистрированного брака",
                        "Share of live births outside registered marriage",
                    ),
                    "births_outside_marriage_share",
                    urban_rural="_T",
                ),
                by_region(
                    _T_(
                        "Калктын жыштыгы, 1-январга карата",
                        "Плотность населения на 1 января",
                        "Population density on 1 January",
                    ),
                    "population_density",
                ),
            ),
        ),
    ),
)
