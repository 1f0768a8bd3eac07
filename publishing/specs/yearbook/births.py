"""The yearbook's chapter: Births and fertility."""

from __future__ import annotations

from publishing.spec import (
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
    MONTH,
    MOTHER_AGE,
    REGION_ROWS,
    SETTLEMENTS,
    TERRITORY,
    YEARS,
    by_region,
)

FERTILE_AGES = Dim(
    "mother_age", ("Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44", "Y45T49")
)

BIRTHS = Chapter(
    _T_("Төрөлүү", "Рождаемость", "Births and fertility"),
    (
        Section(
            _T_("Төрөлгөндөр", "Родившиеся", "Live births"),
            (
                by_region(
                    _T_("Тирүү төрөлгөндөр", "Число родившихся живыми", "Live births"), "births"
                ),
                by_region(
                    _T_(
                        "Төрөлүүнүн жалпы коэффициенти",
                        "Общий коэффициент рождаемости",
                        "Crude birth rate",
                    ),
                    "crude_birth_rate",
                ),
                Table(
                    _T_(
                        "Төрөлгөндөр энесинин жаш курагы боюнча",
                        "Родившиеся по возрасту матери",
                        "Live births by age of mother",
                    ),
                    sel("births"),
                    Dim("mother_age", level="group,open", total=True),
                    YEARS,
                    stub=MOTHER_AGE,
                    drop_empty=True,
                ),
                Table(
                    _T_(
                        "Төрөлгөндөр энесинин жаш курагы жана төрөт кезеги боюнча",
                        "Родившиеся по возрасту матери и очерёдности рождения",
                        "Live births by age of mother and birth order",
                    ),
                    sel("births", "ref"),
                    Dim("mother_age", level="group,open", total=True),
                    Dim("birth_order", total=True),
                    stub=MOTHER_AGE,
                    drop_empty=True,
                ),
                Table(
                    _T_(
                        "Төрөлгөндөр төрөт кезеги боюнча",
                        "Родившиеся по очерёдности рождения",
                        "Live births by birth order",
                    ),
                    sel("births"),
                    Dim("birth_order", total=True),
                    YEARS,
                    stub=_T_("Төрөт кезеги", "Очерёдность", "Birth order"),
                ),
            ),
        ),
        Section(
            _T_("Төрөттүүлүк", "Плодовитость", "Fertility"),
            (
                Table(
                    _T_(
                        "Төрөлүүнүн жаш курак боюнча коэффициенттери",
                        "Возрастные коэффициенты рождаемости",
                        "Age-specific fertility rates",
                    ),
                    sel("asfr"),
                    FERTILE_AGES,
                    YEARS,
                    stub=MOTHER_AGE,
                ),
                by_region(
                    _T_(
                        "Төрөлүүнүн суммардык коэффициенти",
                        "Суммарный коэффициент рождаемости",
                        "Total fertility rate",
                    ),
                    "tfr",
                ),
                Chart(
                    _T_(
                        "Төрөлүүнүн суммардык коэффициенти",
                        "Суммарный коэффициент рождаемости",
                        "Total fertility rate",
                    ),
                    "bar",
                    sel("tfr", "ref"),
                    REGION_ROWS,
                    Items((sel(label=_T_("СКР", "СКР", "TFR")),)),
                ),
                Table(
                    _T_(
                        "Төрөлүүнүн жаш курак боюнча коэффициенттери, шаар жана айыл жери",
                        "Возрастные коэффициенты рождаемости в городской и сельской местности",
                        "Age-specific fertility rates, urban and rural",
                    ),
                    sel("asfr", "ref"),
                    FERTILE_AGES,
                    SETTLEMENTS,
                    stub=MOTHER_AGE,
                ),
                Table(
                    _T_(
                        "Төрөлүүнүн суммардык коэффициенти, шаар жана айыл жери",
                        "Суммарный коэффициент рождаемости в городской и сельской местности",
                        "Total fertility rate, urban and rural",
                    ),
                    sel("tfr"),
                    SETTLEMENTS,
                    YEARS,
                    stub=_T_("Жашаган жери", "Местность", "Area"),
                ),
                Table(
                    _T_(
                        "Калктын репродукциясынын коэффициенттери",
                        "Коэффициенты воспроизводства населения",
                        "Reproduction rates",
                    ),
                    sel(),
                    Items(
                        (
                            sel(
                                "tfr",
                                label=_T_(
                                    "Төрөлүүнүн суммардык коэффициенти, бир аялга балдар",
                                    "Суммарный коэффициент рождаемости, детей на одну женщину",
                                    "Total fertility rate, children per woman",
                                ),
                            ),
                            sel("grr"),
                            sel("nrr"),
                        )
                    ),
                    YEARS,
                    stub=_T_("Коэффициент", "Коэффициент", "Rate"),
                    note=_T_(
                        "Брутто- жана нетто-коэффициенттер — бир аялга кыздар; нетто-коэффициент "
                        "аялдардын өлүмүн эске алат (1 — муундардын жөнөкөй алмашуусу).",
                        "Брутто- и нетто-коэффициенты — девочек на одну женщину; "
                        "нетто-коэффициент учитывает смертность женщин (1 — простое замещение "
                        "поколений).",
                        "Gross and net reproduction rates are daughters per woman; the net rate "
                        "allows for female mortality (1 is replacement).",
                    ),
                ),
                by_region(
                    _T_(
                        "Репродукциянын нетто-коэффициенти",
                        "Нетто-коэффициент воспроизводства населения",
                        "Net reproduction rate",
                    ),
                    "nrr",
                ),
            ),
        ),
        Section(
            _T_(
                "Энелердин жашы жана өспүрүмдөрдүн төрөтү",
                "Возраст матерей и рождаемость у подростков",
                "Age of mothers and adolescent births",
            ),
            (
                Table(
                    _T_(
                        "Энелердин төрөт учурундагы орточо жашы, төрөт кезеги боюнча",
                        "Средний возраст матери при рождении ребёнка по очерёдности рождения",
                        "Mean age of mother at birth, by birth order",
                    ),
                    sel("mean_age_mother"),
                    Dim("birth_order", total=True),
                    YEARS,
                    stub=_T_("Төрөт кезеги", "Очерёдность", "Birth order"),
                    note=_T_(
                        "Бир жылдык жаш курак коэффициенттери менен салмакталган орточо жаш "
                        "(жаштын ортосу x + 0,5); «Биринчи» — биринчи төрөттөгү орточо жаш.",
                        "Средний возраст, взвешенный по однолетним возрастным коэффициентам "
                        "рождаемости (середина года возраста x + 0,5); «Первые» — средний "
                        "возраст при рождении первого ребёнка.",
                        "Mean age weighted by single-year age-specific fertility rates (middle of "
                        "the year of age, x + 0.5); “First”: mean age at first birth.",
                    ),
                ),
                Table(
                    _T_(
                        "Энелердин төрөт учурундагы орточо жашы, шаар жана айыл жери",
                        "Средний возраст матери при рождении ребёнка в городской и сельской "
                        "местности",
                        "Mean age of mother at birth, urban and rural",
                    ),
                    sel("mean_age_mother", "ref"),
                    REGION_ROWS,
                    Items(
                        (
                            *SETTLEMENTS.items,
                            sel(
                                urban_rural="_T",
                                birth_order="1",
                                label=_T_(
                                    "Биринчи төрөттө",
                                    "При первом рождении",
                                    "At first birth",
                                ),
                            ),
                        )
                    ),
                    stub=TERRITORY,
                    note=_T_(
                        "Бардык калк үчүн орточо жаш өзүнүн жаш курак коэффициенттеринен "
                        "эсептелет, шаар жана айыл жеринин орточосу эмес: аялдардын жаш "
                        "курамы ар башка болгондуктан, ал экөөнүн ортосунан тышкары чыгышы мүмкүн.",
                        "Средний возраст для всего населения рассчитан по его собственным "
                        "возрастным коэффициентам, а не усреднён из городского и сельского: "
                        "при разном возрастном составе женщин он может выйти за их пределы.",
                        "The mean for the whole population is computed from its own rates, not "
                        "averaged from the urban and rural means: with a different age make-up "
                        "of women it can lie outside both.",
                    ),
                ),
                Table(
                    _T_(
                        "Өспүрүм кыздардын төрөтүнүн коэффициенти (ТӨМ 3.7.2)",
                        "Коэффициент рождаемости у девушек-подростков (ЦУР 3.7.2)",
                        "Adolescent birth rate (SDG 3.7.2)",
                    ),
                    sel("adolescent_birth_rate"),
                    Items(
                        (
                            sel(mother_age="Y15T19"),
                            sel(mother_age="Y10T14"),
                        )
                    ),
                    YEARS,
                    stub=MOTHER_AGE,
                    note=_T_(
                        "Ушул жаштагы энелерден төрөлгөндөр ушул жаштагы 1000 аялга; 15 жашка "
                        "чейинки энелерден төрөлгөндөр 15–19 жаш тобуна кошулбайт.",
                        "Родившиеся у матерей данного возраста на 1000 женщин этого возраста; "
                        "рождения у матерей моложе 15 лет в группу 15–19 лет не входят.",
                        "Births to mothers of the age per 1,000 women of the age; births to "
                        "mothers under 15 are not counted in 15–19.",
                    ),
                ),
                by_region(
                    _T_(
                        "15–19 жаштагы кыздардын төрөтүнүн коэффициенти",
                        "Коэффициент рождаемости у женщин 15–19 лет",
                        "Birth rate of women aged 15–19",
                    ),
                    "adolescent_birth_rate",
                    mother_age="Y15T19",
                ),
            ),
        ),
        Section(
            _T_("Төрөлгөндөр айлар боюнча", "Родившиеся по месяцам", "Live births by month"),
            (
                Table(
                    _T_(
                        "Тирүү төрөлгөндөр айлар боюнча",
                        "Родившиеся живыми по месяцам",
                        "Live births by month",
                    ),
                    sel("births_by_month"),
                    Dim("month", total=True),
                    YEARS,
                    stub=MONTH,
                ),
            ),
        ),
    ),
)
