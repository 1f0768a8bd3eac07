"""Education by sex: pupils and students, graduates and teachers (Ministry of Education and
Science), the gross enrolment ratios and their gender parity indices.

The counts are the ministry's tables as delivered (:mod:`indicators.aggregates`); the gross
enrolment ratio divides the pupils of a level by the release's own population of the level's
official age on 1 January of the year (the cohort-component estimate, single years of age),
so that a ratio and the population tables of the same release agree.
"""

from __future__ import annotations

from indicators import aggregates
from indicators.aggregates import Measure
from indicators.context import Context
from indicators.frame import Frame
from indicators.methods import gender_parity_index, gross_enrolment_ratio, population_of_ages
from indicators.space import COUNTRY, SEXES, TOTAL
from indicators.spec import Spec, Text

SOURCE = "agg-education"
METHOD = Text(
    ky="Булагы: Кыргыз Республикасынын Билим берүү жана илим министрлигинин билим берүү "
    "уюмдарынын отчетторунун жыйынтыгы (менчигинин бардык түрлөрү, окутуунун бардык "
    "формалары). Билим берүүнүн деңгээлдери ISCED 2011 боюнча; баштапкы жана орто кесиптик "
    "билим берүү бир топто (ISCED 3–5). Окуучулардын жана мугалимдердин саны окуу жылынын "
    "башына карата, бүтүрүүчүлөр — отчеттук жылы аяктаган окуу жылы боюнча.",
    ru="Источник: сводные отчёты образовательных организаций Министерства образования и "
    "науки Кыргызской Республики (все формы собственности и обучения). Уровни образования — "
    "по МСКО 2011; начальное и среднее профессиональное образование — одной группой "
    "(МСКО 3–5). Численность обучающихся и учителей — на начало учебного года, выпуск — за "
    "учебный год, закончившийся в отчётном году.",
    en="Source: the summary reports of educational organisations to the Ministry of "
    "Education and Science of the Kyrgyz Republic (all forms of ownership and of study). "
    "Levels follow ISCED 2011; initial and secondary vocational education form one group "
    "(ISCED 3–5). Pupils, students and teachers are counted at the beginning of the academic "
    "year; graduates over the academic year that ended in the reference year.",
)
GER_METHOD = Text(
    ky=f"{METHOD.ky} Окуучулардын саны ушул релиздеги калктын 1-январга карата бир жылдык "
    "жаш курактары боюнча баасына бөлүнөт. Расмий жаш курактар: башталгыч 7–10, негизги "
    "11–15, орто 16–17, жогорку (бакалавриат жана адистик) 18–22 жаш. Ар кандай жаштагы "
    "окуучулар эсептелгендиктен, коэффициент 100дөн ашышы мүмкүн.",
    ru=f"{METHOD.ru} Численность обучающихся делится на оценку численности населения на "
    "1 января по однолетним возрастам из этого же выпуска. Официальные возрасты: начальное "
    "образование 7–10 лет, основное 11–15, среднее 16–17, высшее (бакалавриат и "
    "специалитет) 18–22 года. Поскольку учитываются обучающиеся любого возраста, "
    "коэффициент может превышать 100.",
    en=f"{METHOD.en} The pupils are divided by this release's estimate of the population "
    "on 1 January by single year of age. Official ages: primary 7–10, lower secondary "
    "11–15, upper secondary 16–17, higher education (bachelor's and specialist) 18–22. "
    "Pupils of every age are counted, so the ratio can exceed 100.",
)
# The official age group of each level (first and last age, completed years): the number
# of years of the level from its entry age in the Kyrgyz Republic (UNESCO UIS), and for
# higher education the five years after upper secondary.
SEXES_AND_TOTAL = (*SEXES, TOTAL)
OFFICIAL_AGES: dict[str, tuple[int, int]] = {
    "L1": (7, 10),
    "L2": (11, 15),
    "L3": (16, 17),
    "L6": (18, 22),
}


def _spec(
    id_: str,
    name: Text,
    definition: Text,
    dims: tuple[str, ...],
    unit: str = "persons",
    methodology: Text = METHOD,
    **options: object,
) -> Spec:
    return Spec(
        id=id_,
        topic="education",
        name=name,
        definition=definition,
        unit=unit,
        dimensions=dims,
        source="ministry_of_education",
        methodology=methodology,
        **options,  # type: ignore[arg-type]
    )


SPECS = [
    _spec(
        "enrolment",
        Text(
            "Билим берүү деңгээлдери боюнча окуучулардын жана студенттердин саны",
            "Численность обучающихся по уровням образования",
            "Pupils and students by level of education",
        ),
        Text(
            "Окуу жылынын башына карата билим берүү уюмдарында окугандар (мектепке чейинки "
            "билим берүүдө — мекемеге барган балдар), билим берүүнүн деңгээли боюнча.",
            "Обучающиеся в образовательных организациях на начало учебного года (в "
            "дошкольном образовании — дети, посещающие учреждения), по уровню образования.",
            "Persons enrolled in educational organisations at the beginning of the academic "
            "year (pre-primary: children attending), by level of education.",
        ),
        ("soate", "education_level", "sex"),
    ),
    _spec(
        "graduates",
        Text(
            "Кесиптик жана жогорку билим берүүнүн бүтүрүүчүлөрү",
            "Выпуск специалистов профессионального и высшего образования",
            "Graduates of vocational and higher education",
        ),
        Text(
            "Окуу жылы ичинде билим берүү программасын аяктап, документ алгандар, билим "
            "берүүнүн деңгээли жана багыты (ISCED-F 2013) боюнча.",
            "Лица, завершившие образовательную программу в учебном году и получившие "
            "документ об образовании, по уровню и направлению образования (МСКО-О 2013).",
            "Persons who completed a programme and received a qualification during the "
            "academic year, by level and broad field of education (ISCED-F 2013).",
        ),
        ("education_level", "field", "sex"),
    ),
    _spec(
        "teachers",
        Text(
            "Билим берүү деңгээлдери боюнча мугалимдер",
            "Численность педагогических работников по уровням образования",
            "Teachers by level of education",
        ),
        Text(
            "Окуу жылынын башына карата негизги иш орду боюнча педагогдор (жогорку окуу "
            "жайларында — профессордук-окутуучулук курам), алар окуткан деңгээл боюнча.",
            "Педагогические работники по основному месту работы на начало учебного года (в "
            "вузах — профессорско-преподавательский состав), по уровню, на котором они "
            "преподают.",
            "Teaching staff in their main job at the beginning of the academic year (higher "
            "education: the academic staff), by the level they teach.",
        ),
        ("education_level", "sex"),
    ),
    _spec(
        "gross_enrolment_ratio",
        Text(
            "Окууга тартуунун жалпы коэффициенти",
            "Общий коэффициент охвата обучением",
            "Gross enrolment ratio",
        ),
        Text(
            "Ушул деңгээлде окугандар, жашына карабастан, деңгээлдин расмий жаш тобундагы "
            "100 адамга (ЮНЕСКО).",
            "Обучающиеся на данном уровне независимо от возраста на 100 человек официальной "
            "возрастной группы этого уровня (ЮНЕСКО).",
            "Pupils or students enrolled at the level, whatever their age, per 100 persons of "
            "the level's official age group (UNESCO).",
        ),
        ("education_level", "sex"),
        unit="percent",
        methodology=GER_METHOD,
        unit_base=100,
        decimals=1,
        additive=False,
    ),
    _spec(
        "gender_parity_index",
        Text(
            "Окууга тартуудагы гендердик паритет индекси",
            "Индекс гендерного паритета охвата обучением",
            "Gender parity index of gross enrolment",
        ),
        Text(
            "Кыздардын окууга тартуусунун жалпы коэффициенти эркек балдардыкына бөлүнгөнү: "
            "1 — паритет, 1ден аз — кыздардын пайдасына эмес.",
            "Общий коэффициент охвата обучением девочек, делённый на коэффициент мальчиков: "
            "1 — паритет, меньше 1 — в пользу мальчиков.",
            "The gross enrolment ratio of girls divided by that of boys: 1 is parity, less "
            "than 1 favours boys.",
        ),
        ("education_level",),
        unit="index",
        methodology=GER_METHOD,
        decimals=2,
        additive=False,
    ),
]

ENROLMENT = Measure("enrolment", SOURCE, "enrolment", category="education_level", territory=True)
MEASURES = (
    ENROLMENT,
    Measure("graduates", SOURCE, "graduates", category="education_level", subcategory="field"),
    Measure("teachers", SOURCE, "teachers", category="education_level"),
)


def compute(ctx: Context, out: Frame) -> None:
    published = {m.indicator: aggregates.publish(ctx, out, m) for m in MEASURES}
    _enrolment_ratios(ctx, out, published["enrolment"])


def _enrolment_ratios(ctx: Context, out: Frame, enrolment: aggregates.Values) -> None:
    """Gross enrolment ratios by sex for the levels with an official age, and their parity
    indices, in every year the release estimates the population on 1 January. A level
    without its pupils of both sexes, or without population of the age, is not published."""
    for period in enrolment.periods:
        year = int(period)
        if year not in ctx.estimates.years:
            continue
        by_sex_age = ctx.estimates.on_jan1(year).sum(axis=(0, 1))  # sex × single age
        by_age = {sex: by_sex_age[i] for i, sex in enumerate(SEXES)}
        by_age[TOTAL] = by_sex_age.sum(axis=0)
        for level, (first, last) in OFFICIAL_AGES.items():
            pupils = {
                s: enrolment.get(period, soate=COUNTRY, education_level=level, sex=s)
                for s in SEXES_AND_TOTAL
            }
            population = {s: population_of_ages(by_age[s], first, last) for s in SEXES_AND_TOTAL}
            if any(pupils[s] is None or not population[s] for s in SEXES_AND_TOTAL):
                continue
            ratios = {
                s: gross_enrolment_ratio(
                    float(pupils[s] or 0.0),
                    float(population[s]),
                    base=out.base("gross_enrolment_ratio"),
                )
                for s in SEXES_AND_TOTAL
            }
            for s, ratio in ratios.items():
                out.add(
                    "gross_enrolment_ratio", period, {"education_level": level, "sex": s}, ratio
                )
            if ratios["M"] > 0:
                out.add(
                    "gender_parity_index",
                    period,
                    {"education_level": level},
                    gender_parity_index(ratios["F"], ratios["M"]),
                )
