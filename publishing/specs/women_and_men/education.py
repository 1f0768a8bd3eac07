"""Women and Men, chapter: education — enrolment, gross enrolment ratios and the gender parity
index, graduates by level and field, teachers (the Ministry of Education and Science)."""

from __future__ import annotations

from publishing.spec import Chapter, Chart, Dim, Items, Section, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    FULL,
    PAIR,
    REGION_ROWS,
    TERRITORY,
    WOMEN_PER_100_MEN,
    by_sex,
)

LEVEL = _T_("Билим берүүнүн деңгээли", "Уровень образования", "Level of education")
FIELD = _T_("Билим берүү тармагы", "Направление подготовки", "Field of education")
PEOPLE = Items((*FULL.items, WOMEN_PER_100_MEN))
GER_LEVELS = Dim("education_level", ("L1", "L2", "L3", "L6"))
# The broad fields a ministry reports graduates by (ISCED-F 01-10; not the generic 00).
FIELDS = Dim("field", tuple(f"F{n:02}" for n in range(1, 11)))
GER_NOTE = _T_(
    "Окуучулардын (студенттердин) саны расмий курактагы калкка карата, %: башталгыч 7–10, "
    "негизги 11–15, орто 16–17, жогорку 18–22 жаш (жылдын 1-январына карата калк).",
    "Численность обучающихся в процентах к населению официального возраста обучения: "
    "начальное 7–10, основное 11–15, среднее 16–17, высшее 18–22 года (население на 1 января).",
    "Enrolment as a percentage of the population of the official age: primary 7–10, lower "
    "secondary 11–15, upper secondary 16–17, higher 18–22 (population on 1 January).",
)

EDUCATION = Chapter(
    _T_("Билим берүү", "Образование", "Education"),
    (
        Section(
            _T_("Окуучулар жана студенттер", "Обучающиеся", "Pupils and students"),
            (
                by_sex(
                    _T_(
                        "Окуучулар жана студенттер билим берүүнүн деңгээли жана жынысы боюнча",
                        "Обучающиеся по уровням образования и полу",
                        "Pupils and students by level of education and sex",
                    ),
                    "enrolment",
                    Dim("education_level", total=True),
                    PEOPLE,
                    LEVEL,
                    "last",
                    soate="417",
                ),
                by_sex(
                    _T_(
                        "Окуучулар жана студенттер облустар жана жынысы боюнча",
                        "Обучающиеся по областям и полу",
                        "Pupils and students by oblast and sex",
                    ),
                    "enrolment",
                    REGION_ROWS,
                    PEOPLE,
                    TERRITORY,
                    "last",
                    education_level="_T",
                ),
                Table(
                    _T_(
                        "Окууга жалпы камтуу коэффициенти жана гендердик паритет индекси",
                        "Валовой коэффициент охвата обучением и индекс гендерного паритета",
                        "Gross enrolment ratio and gender parity index",
                    ),
                    sel(period="last"),
                    GER_LEVELS,
                    Items(
                        (
                            sel(
                                "gross_enrolment_ratio",
                                sex="M",
                                label=_T_("Эркектер, %", "Мужчины, %", "Men, %"),
                            ),
                            sel(
                                "gross_enrolment_ratio",
                                sex="F",
                                label=_T_("Аялдар, %", "Женщины, %", "Women, %"),
                            ),
                            sel("gender_parity_index"),
                        )
                    ),
                    stub=LEVEL,
                    note=GER_NOTE,
                ),
                Chart(
                    _T_(
                        "Окууга жалпы камтуу коэффициенти жынысы боюнча",
                        "Валовой коэффициент охвата обучением по полу",
                        "Gross enrolment ratio by sex",
                    ),
                    "barh",  # the levels' names are too long to stand under bars
                    sel("gross_enrolment_ratio", "last"),
                    GER_LEVELS,
                    PAIR,
                ),
            ),
        ),
        Section(
            _T_("Бүтүрүүчүлөр жана мугалимдер", "Выпускники и педагоги", "Graduates and teachers"),
            (
                by_sex(
                    _T_(
                        "Бүтүрүүчүлөр билим берүүнүн деңгээли жана жынысы боюнча",
                        "Выпускники по уровням образования и полу",
                        "Graduates by level of education and sex",
                    ),
                    "graduates",
                    Dim("education_level", ("_T", "VOC", "L6", "L7", "L8")),
                    PEOPLE,
                    LEVEL,
                    "last",
                    field="_T",
                ),
                Table(
                    _T_(
                        "Бүтүрүүчүлөр билим берүү тармагы жана жынысы боюнча",
                        "Выпускники по направлениям подготовки и полу",
                        "Graduates by field of education and sex",
                    ),
                    sel("graduates", "last", education_level="_T"),
                    Dim("field", total=True),
                    PEOPLE,
                    stub=FIELD,
                    drop_empty=True,
                ),
                Chart(
                    _T_(
                        "Бүтүрүүчүлөр билим берүү тармагы жана жынысы боюнча",
                        "Выпускники по направлениям подготовки и полу",
                        "Graduates by field of education and sex",
                    ),
                    "barh",
                    sel("graduates", "last", education_level="_T"),
                    FIELDS,
                    PAIR,
                ),
                by_sex(
                    _T_(
                        "Мугалимдер билим берүүнүн деңгээли жана жынысы боюнча",
                        "Педагоги по уровням образования и полу",
                        "Teachers by level of education and sex",
                    ),
                    "teachers",
                    Dim("education_level", ("_T", "L0", "L1", "L2", "L3", "VOC", "L6")),
                    FULL,
                    LEVEL,
                    "last",
                ),
            ),
        ),
    ),
)
