"""Women and Men, chapter 2: family formation — marriage by age of bride and groom, age at
first marriage, early marriage, divorce, births outside marriage, fertility."""

from __future__ import annotations

from publishing.spec import Chapter, Chart, Dim, Items, Section, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    AGE,
    GAP_YEARS,
    MEN,
    PAIR,
    REGION_ROWS,
    TERRITORY,
    WOMEN,
    YEARS,
    by_sex,
)
from publishing.specs.yearbook.births import FERTILE_AGES
from publishing.specs.yearbook.common import MOTHER_AGE, SETTLEMENTS, by_region
from publishing.specs.yearbook.marriages import MARRYING_AGES, MEAN_AGES, PRIOR_STATUSES

GROOMS = _T_("Күйөөлөр", "Женихи", "Grooms")
BRIDES = _T_("Колуктулар", "Невесты", "Brides")
YOUNG_AGES = ("Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44", "Y45T49")
UNDER_18_NOTE = _T_(
    "Колуктусу каттоо учурунда 18 жашка толо элек катталган никелер. Бул ТӨМ 5.3.1 "
    "көрсөткүчү эмес (20–24 жаштагы аялдардын ичинен 18 жашка чейин никеге тургандардын "
    "үлүшү): катталбаган никелер бул жерде көрүнбөйт.",
    "Зарегистрированные браки, в которых невесте не исполнилось 18 лет. Это не индикатор "
    "ЦУР 5.3.1 (доля женщин 20–24 лет, вступивших в брак до 18 лет): незарегистрированные "
    "союзы здесь не видны.",
    "Registered marriages whose bride was under 18. This is not SDG indicator 5.3.1 (the "
    "share of women aged 20–24 married before 18): unregistered unions are not seen here.",
)


def _partner_ages(title: _T_, indicator: str, dim: str, stub: _T_) -> Table:
    """Marriages (or divorces) by the age of one partner over the last five years."""
    return Table(
        title,
        sel(indicator),
        Dim(dim, ("_T", *MARRYING_AGES)),
        YEARS,
        stub=stub,
        drop_empty=True,
    )


FAMILY = Chapter(
    _T_("Үй-бүлө түзүү", "Формирование семьи", "Family formation"),
    (
        Section(
            _T_("Никелер", "Браки", "Marriages"),
            (
                by_region(
                    _T_(
                        "Никелердин жалпы коэффициенти",
                        "Общий коэффициент брачности",
                        "Crude marriage rate",
                    ),
                    "crude_marriage_rate",
                ),
                _partner_ages(
                    _T_(
                        "Никелер күйөөнүн жаш курагы боюнча",
                        "Браки по возрасту жениха",
                        "Marriages by age of groom",
                    ),
                    "marriages",
                    "groom_age",
                    _T_("Күйөөнүн жашы", "Возраст жениха", "Age of groom"),
                ),
                _partner_ages(
                    _T_(
                        "Никелер колуктунун жаш курагы боюнча",
                        "Браки по возрасту невесты",
                        "Marriages by age of bride",
                    ),
                    "marriages",
                    "bride_age",
                    _T_("Колуктунун жашы", "Возраст невесты", "Age of bride"),
                ),
                Table(
                    _T_(
                        "Никелер күйөө менен колуктунун мурунку үй-бүлөлүк абалы боюнча",
                        "Браки по прежнему брачному состоянию жениха и невесты",
                        "Marriages by prior marital status of groom and bride",
                    ),
                    sel("marriages_by_status", "ref"),
                    Dim("groom_status", PRIOR_STATUSES),
                    Dim("bride_status", PRIOR_STATUSES),
                    stub=_T_("Күйөө", "Жених", "Groom"),
                    note=_T_(
                        "Мамычалар: колуктунун никеге чейинки үй-бүлөлүк абалы.",
                        "Графы: брачное состояние невесты до вступления в брак.",
                        "Columns: marital status of the bride before the marriage.",
                    ),
                ),
                Table(
                    _T_(
                        "Никеге туруунун жаш курак боюнча коэффициенттери, жынысы боюнча",
                        "Возрастные коэффициенты брачности по полу",
                        "Age-specific marriage rates by sex",
                    ),
                    sel("marriage_rate_age", "ref"),
                    Dim("age5", MARRYING_AGES),
                    Items((MEN, WOMEN, GAP_YEARS)),
                    stub=AGE,
                    note=_T_(
                        "Тиешелүү жаштагы 1000 эркекке (аялга) никеге тургандар.",
                        "Вступившие в брак на 1000 мужчин (женщин) соответствующего возраста.",
                        "Men (women) marrying per 1,000 men (women) of the age group.",
                    ),
                ),
                Chart(
                    _T_(
                        "Никеге туруунун жаш курак боюнча коэффициенттери",
                        "Возрастные коэффициенты брачности",
                        "Age-specific marriage rates",
                    ),
                    "line",
                    sel("marriage_rate_age", "ref"),
                    Dim("age5", MARRYING_AGES[:8]),
                    PAIR,
                ),
            ),
        ),
        Section(
            _T_("Никеге туруу курагы", "Возраст вступления в брак", "Age at marriage"),
            (
                Table(
                    _T_(
                        "Никеге туруунун орточо жашы",
                        "Средний возраст вступления в брак",
                        "Mean age at marriage",
                    ),
                    sel(),
                    YEARS,
                    MEAN_AGES,
                    stub=_T_("Жыл", "Год", "Year"),
                ),
                by_sex(
                    _T_(
                        "Биринчи никеге туруунун орточо жашы, облустар боюнча",
                        "Средний возраст вступления в первый брак по областям",
                        "Mean age at first marriage by oblast",
                    ),
                    "mean_age_first_marriage",
                    cols=Items((MEN, WOMEN, GAP_YEARS)),
                ),
                Chart(
                    _T_(
                        "Биринчи никеге туруунун орточо жашы",
                        "Средний возраст вступления в первый брак",
                        "Mean age at first marriage",
                    ),
                    "line",
                    sel("mean_age_first_marriage"),
                    YEARS,
                    PAIR,
                ),
                Table(
                    _T_(
                        "Биринчи никеге туруунун орточо жашы, шаар жана айыл",
                        "Средний возраст вступления в первый брак, город и село",
                        "Mean age at first marriage, urban and rural",
                    ),
                    sel("mean_age_first_marriage", "ref"),
                    SETTLEMENTS,
                    Items((MEN, WOMEN, GAP_YEARS)),
                    stub=_T_("Жер", "Местность", "Area"),
                ),
                by_sex(
                    _T_(
                        "Никеге туруунун орточо жашы (бардык никелер), облустар боюнча",
                        "Средний возраст вступления в брак (все браки) по областям",
                        "Mean age at marriage (all marriages) by oblast",
                    ),
                    "mean_age_marriage",
                    cols=Items((MEN, WOMEN, GAP_YEARS)),
                ),
            ),
        ),
        Section(
            _T_("Эрте никелер", "Ранние браки", "Early marriage"),
            (
                Table(
                    _T_(
                        "18 жашка чейинки колуктулар менен никелер",
                        "Браки с невестами моложе 18 лет",
                        "Marriages with a bride under 18",
                    ),
                    sel(),
                    YEARS,
                    Items((sel("brides_under_18"), sel("brides_under_18_ratio"))),
                    stub=_T_("Жыл", "Год", "Year"),
                    note=UNDER_18_NOTE,
                ),
                # By year only: a few marriages a year (none in a synthetic sample), which a
                # table by oblast or a chart would show as a page of dashes or a flat line.
                Table(
                    _T_(
                        "15–19 жаштагы күйөөлөр жана колуктулар",
                        "Женихи и невесты в возрасте 15–19 лет",
                        "Grooms and brides aged 15–19",
                    ),
                    sel("marriages"),
                    YEARS,
                    Items(
                        (
                            sel(groom_age="Y15T19", label=GROOMS),
                            sel(bride_age="Y15T19", label=BRIDES),
                        )
                    ),
                    stub=_T_("Жыл", "Год", "Year"),
                ),
            ),
        ),
        Section(
            _T_("Ажырашуулар", "Разводы", "Divorces"),
            (
                by_region(
                    _T_(
                        "Ажырашуулардын жалпы коэффициенти",
                        "Общий коэффициент разводимости",
                        "Crude divorce rate",
                    ),
                    "crude_divorce_rate",
                ),
                _partner_ages(
                    _T_(
                        "Ажырашуулар күйөөнүн жаш курагы боюнча",
                        "Разводы по возрасту мужа",
                        "Divorces by age of husband",
                    ),
                    "divorces",
                    "husband_age",
                    _T_("Күйөөнүн жашы", "Возраст мужа", "Age of husband"),
                ),
                _partner_ages(
                    _T_(
                        "Ажырашуулар аялынын жаш курагы боюнча",
                        "Разводы по возрасту жены",
                        "Divorces by age of wife",
                    ),
                    "divorces",
                    "wife_age",
                    _T_("Аялынын жашы", "Возраст жены", "Age of wife"),
                ),
                Table(
                    _T_(
                        "Ажырашуулар никенин узактыгы боюнча",
                        "Разводы по продолжительности брака",
                        "Divorces by duration of marriage",
                    ),
                    sel("divorces_by_duration"),
                    Dim("marriage_duration", total=True),
                    YEARS,
                    stub=_T_("Никенин узактыгы", "Продолжительность брака", "Duration"),
                    drop_empty=True,
                ),
                by_region(
                    _T_(
                        "1000 никеге ажырашуулар",
                        "Число разводов на 1000 браков",
                        "Divorces per 1,000 marriages",
                    ),
                    "divorces_per_1000_marriages",
                ),
            ),
        ),
        Section(
            _T_(
                "Төрөлүү жана никесиз төрөлгөндөр",
                "Рождаемость и внебрачные рождения",
                "Fertility and births outside marriage",
            ),
            (
                by_region(
                    _T_(
                        "Никеден тышкары төрөлгөндөрдүн үлүшү",
                        "Доля родившихся вне зарегистрированного брака",
                        "Share of live births outside registered marriage",
                    ),
                    "births_outside_marriage_share",
                ),
                Table(
                    _T_(
                        "Никеден тышкары төрөлгөндөр, шаар жана айыл",
                        "Родившиеся вне брака, город и село",
                        "Births outside marriage, urban and rural",
                    ),
                    sel("births_outside_marriage"),
                    YEARS,
                    SETTLEMENTS,
                    stub=_T_("Жыл", "Год", "Year"),
                ),
                Table(
                    _T_(
                        "Төрөттүн жаш курак боюнча коэффициенттери",
                        "Возрастные коэффициенты рождаемости",
                        "Age-specific fertility rates",
                    ),
                    sel("asfr"),
                    FERTILE_AGES,
                    YEARS,
                    stub=MOTHER_AGE,
                ),
                Chart(
                    _T_(
                        "Төрөттүн жаш курак боюнча коэффициенттери, шаар жана айыл",
                        "Возрастные коэффициенты рождаемости, город и село",
                        "Age-specific fertility rates, urban and rural",
                    ),
                    "line",
                    sel("asfr", "ref"),
                    FERTILE_AGES,
                    SETTLEMENTS,
                ),
                by_region(
                    _T_(
                        "Төрөттүн жыйынды коэффициенти",
                        "Суммарный коэффициент рождаемости",
                        "Total fertility rate",
                    ),
                    "tfr",
                ),
                Table(
                    _T_(
                        "15–19 жаштагы аялдардын төрөт коэффициенти (ТӨМ 3.7.2)",
                        "Коэффициент рождаемости у женщин 15–19 лет (ЦУР 3.7.2)",
                        "Adolescent birth rate, women aged 15–19 (SDG 3.7.2)",
                    ),
                    sel("adolescent_birth_rate", mother_age="Y15T19"),
                    REGION_ROWS,
                    YEARS,
                    stub=TERRITORY,
                ),
                Table(
                    _T_(
                        "Энесинин төрөттөгү орточо жашы, төрөт кезеги боюнча",
                        "Средний возраст матери при рождении ребёнка по очерёдности",
                        "Mean age of mother at birth by birth order",
                    ),
                    sel("mean_age_mother"),
                    Dim("birth_order", total=True),
                    YEARS,
                    stub=_T_("Төрөт кезеги", "Очерёдность рождения", "Birth order"),
                ),
                Table(
                    _T_(
                        "Төрөлгөндөр энесинин жаш курагы жана баланын жынысы боюнча",
                        "Родившиеся по возрасту матери и полу ребёнка",
                        "Live births by age of mother and sex of the child",
                    ),
                    sel("births", "ref"),
                    Dim("mother_age", ("Y10T14", *YOUNG_AGES), total=True),
                    Items(
                        (
                            sel(sex="M", label=_T_("Эркек балдар", "Мальчики", "Boys")),
                            sel(sex="F", label=_T_("Кыз балдар", "Девочки", "Girls")),
                        )
                    ),
                    stub=MOTHER_AGE,
                    drop_empty=True,
                ),
            ),
        ),
    ),
)
