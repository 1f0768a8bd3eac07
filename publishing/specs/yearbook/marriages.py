"""The yearbook's chapter: Marriages and divorces."""

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
    AGE,
    INDICATOR,
    MEN,
    MONTH,
    REGION_ROWS,
    SETTLEMENTS,
    TERRITORY,
    WOMEN,
    YEARS,
    by_region,
)

# The prior statuses a partner can have (no one marries while married), the total first.
PRIOR_STATUSES = ("_T", "NEVER_MARRIED", "DIVORCED", "WIDOWED", "NOT_STATED")
MEAN_AGES = Items(
    (
        sel(
            "mean_age_marriage",
            sex="M",
            label=_T_(
                "Күйөөлөр, бардык никелер",
                "Женихи, все браки",
                "Grooms, all marriages",
            ),
        ),
        sel(
            "mean_age_marriage",
            sex="F",
            label=_T_(
                "Колуктулар, бардык никелер",
                "Невесты, все браки",
                "Brides, all marriages",
            ),
        ),
        sel(
            "mean_age_first_marriage",
            sex="M",
            label=_T_(
                "Күйөөлөр, биринчи нике",
                "Женихи, первый брак",
                "Grooms, first marriage",
            ),
        ),
        sel(
            "mean_age_first_marriage",
            sex="F",
            label=_T_(
                "Колуктулар, биринчи нике",
                "Невесты, первый брак",
                "Brides, first marriage",
            ),
        ),
    )
)
MARRYING_AGES = (
    "Y15T19",
    "Y20T24",
    "Y25T29",
    "Y30T34",
    "Y35T39",
    "Y40T44",
    "Y45T49",
    "Y50T54",
    "Y55T59",
    "Y60T64",
    "Y65T69",
    "Y70T74",
    "Y75T79",
    "Y80T84",
    "Y_GE85",
)

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
# Tables the family chapter of "Women and Men" prints as they are.
CRUDE_MARRIAGE_RATE = by_region(
    _T_(
        "Никелердин жалпы коэффициенти",
        "Общий коэффициент брачности",
        "Crude marriage rate",
    ),
    "crude_marriage_rate",
)
CRUDE_DIVORCE_RATE = by_region(
    _T_(
        "Ажырашуулардын жалпы коэффициенти",
        "Общий коэффициент разводимости",
        "Crude divorce rate",
    ),
    "crude_divorce_rate",
)
DIVORCES_PER_1000_MARRIAGES = by_region(
    _T_(
        "1000 никеге ажырашуулар",
        "Число разводов на 1000 браков",
        "Divorces per 1,000 marriages",
    ),
    "divorces_per_1000_marriages",
)
DIVORCES_BY_DURATION = Table(
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
)

MARRIAGES = Chapter(
    _T_("Никелер жана ажырашуулар", "Браки и разводы", "Marriages and divorces"),
    (
        Section(
            _T_("Никелер жана ажырашуулар", "Браки и разводы", "Marriages and divorces"),
            (
                by_region(_T_("Никелер", "Число браков", "Marriages"), "marriages"),
                CRUDE_MARRIAGE_RATE,
                by_region(_T_("Ажырашуулар", "Число разводов", "Divorces"), "divorces"),
                CRUDE_DIVORCE_RATE,
                Table(
                    _T_(
                        "Никелер күйөөсүнүн жана аялынын жаш курагы боюнча",
                        "Браки по возрасту жениха и невесты",
                        "Marriages by age of groom and bride",
                    ),
                    sel("marriages", "ref"),
                    Dim(
                        "groom_age",
                        ("_T", "Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44"),
                    ),
                    Dim(
                        "bride_age",
                        ("_T", "Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44"),
                    ),
                    stub=_T_("Күйөөсүнүн жашы", "Возраст жениха", "Age of groom"),
                    note=_T_(
                        "Мамычаларда — келиндин жашы; 45 жана андан улуулар жалпы санга кирет.",
                        "По столбцам — возраст невесты; 45 лет и старше входят в итог.",
                        "Columns: age of bride; 45 and over are included in the totals.",
                    ),
                ),
                Table(
                    _T_(
                        "Никелер күйөөнүн жана колуктунун мурдагы никелик абалы боюнча",
                        "Браки по прежнему брачному состоянию жениха и невесты",
                        "Marriages by prior marital status of groom and bride",
                    ),
                    sel("marriages_by_status", "ref"),
                    Dim("groom_status", PRIOR_STATUSES),
                    Dim("bride_status", PRIOR_STATUSES),
                    stub=_T_("Күйөөсү", "Жених", "Groom"),
                    drop_empty=True,
                    note=_T_(
                        "Мамычаларда — колуктунун мурдагы никелик абалы.",
                        "По столбцам — брачное состояние невесты до вступления в брак.",
                        "Columns: marital status of the bride before the marriage.",
                    ),
                ),
            ),
        ),
        Section(
            _T_(
                "Никеге турган учурдагы жаш",
                "Возраст вступления в брак",
                "Age at marriage",
            ),
            (
                Table(
                    _T_(
                        "Никеге турган учурдагы орточо жаш",
                        "Средний возраст вступления в брак",
                        "Mean age at marriage",
                    ),
                    sel(),
                    MEAN_AGES,
                    YEARS,
                    stub=_T_("Никеге тургандар", "Вступившие в брак", "Persons marrying"),
                    note=_T_(
                        "Каттоо учурундагы толгон жаштын ортосу боюнча (x + 0,5); биринчи нике — "
                        "мурда никеде болбогондор.",
                        "По серединам полных лет возраста на дату регистрации (x + 0,5); первый "
                        "брак — ранее не состоявшие в браке.",
                        "From the middle of the completed age at registration (x + 0.5); first "
                        "marriage: never married before.",
                    ),
                ),
                Table(
                    _T_(
                        "Никеге турган учурдагы орточо жаш, шаар жана айыл жери",
                        "Средний возраст вступления в брак в городской и сельской местности",
                        "Mean age at marriage, urban and rural",
                    ),
                    sel(period="ref"),
                    MEAN_AGES,
                    SETTLEMENTS,
                    stub=_T_("Никеге тургандар", "Вступившие в брак", "Persons marrying"),
                ),
                Table(
                    _T_(
                        "Биринчи никеге турган учурдагы орточо жаш",
                        "Средний возраст вступления в первый брак",
                        "Mean age at first marriage",
                    ),
                    sel("mean_age_first_marriage", "ref"),
                    REGION_ROWS,
                    Items((MEN, WOMEN)),
                    stub=TERRITORY,
                ),
                Table(
                    _T_(
                        "Никелердин жаш курак боюнча коэффициенттери",
                        "Возрастные коэффициенты брачности",
                        "Age-specific marriage rates",
                    ),
                    sel("marriage_rate_age", "ref"),
                    Dim("age5", MARRYING_AGES),
                    Items((MEN, WOMEN)),
                    stub=AGE,
                    note=_T_(
                        "Никеге турган эркектер (аялдар) тиешелүү жаштагы 1000 эркекке (аялга).",
                        "Число вступивших в брак мужчин (женщин) на 1000 мужчин (женщин) "
                        "соответствующего возраста.",
                        "Men (women) marrying per 1,000 men (women) of the age group.",
                    ),
                ),
                Table(
                    _T_(
                        "18 жашка чейинки колуктулар менен никелер",
                        "Браки с невестами моложе 18 лет",
                        "Marriages with a bride under 18",
                    ),
                    sel(),
                    Items(
                        (
                            sel("brides_under_18"),
                            sel("brides_under_18_ratio"),
                        )
                    ),
                    YEARS,
                    stub=INDICATOR,
                    note=UNDER_18_NOTE,
                ),
            ),
        ),
        Section(
            _T_("Ажырашуулар", "Разводы", "Divorces"),
            (
                DIVORCES_BY_DURATION,
                DIVORCES_PER_1000_MARRIAGES,
            ),
        ),
        Section(
            _T_("Айлар боюнча", "По месяцам", "By month"),
            (
                Table(
                    _T_(
                        "Никелер жана ажырашуулар айлар боюнча",
                        "Браки и разводы по месяцам",
                        "Marriages and divorces by month",
                    ),
                    sel(period="ref"),
                    Dim("month", total=True),
                    Items(
                        (
                            sel("marriages_by_month", label=_T_("Никелер", "Браки", "Marriages")),
                            sel(
                                "divorces_by_month", label=_T_("Ажырашуулар", "Разводы", "Divorces")
                            ),
                        )
                    ),
                    stub=MONTH,
                ),
                Chart(
                    _T_(
                        "Никелер жана ажырашуулар айлар боюнча",
                        "Браки и разводы по месяцам",
                        "Marriages and divorces by month",
                    ),
                    "bar",
                    sel(period="ref"),
                    Dim("month", level="month"),
                    Items(
                        (
                            sel("marriages_by_month", label=_T_("Никелер", "Браки", "Marriages")),
                            sel(
                                "divorces_by_month",
                                label=_T_("Ажырашуулар", "Разводы", "Divorces"),
                            ),
                        )
                    ),
                ),
                Table(
                    _T_("Никелер айлар боюнча", "Браки по месяцам", "Marriages by month"),
                    sel("marriages_by_month"),
                    Dim("month", total=True),
                    YEARS,
                    stub=MONTH,
                ),
                Table(
                    _T_("Ажырашуулар айлар боюнча", "Разводы по месяцам", "Divorces by month"),
                    sel("divorces_by_month"),
                    Dim("month", total=True),
                    YEARS,
                    stub=MONTH,
                ),
            ),
        ),
    ),
)
