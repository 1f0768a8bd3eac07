"""Women and Men, chapter: work and pay — activity, employment and unemployment (labour force
survey estimates with their standard errors), the employed by activity and occupation, women
managers, wages and the gender pay gap."""

from __future__ import annotations

from publishing.spec import Chapter, Chart, Dim, Items, Section, Sentence, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    AGE,
    PAIR,
    SURVEY_NOTE,
    WOMEN_SHARE,
    with_errors,
)

ACTIVITY = _T_("Экономикалык ишмердүүлүктүн түрү", "Вид экономической деятельности", "Activity")
OCCUPATION = _T_("Кесиптик топ", "Группа занятий", "Occupation")
AGES = Dim("age_social", ("_T", "Y15T24", "Y25T34", "Y35T44", "Y45T54", "Y55T64", "Y_GE65"))
# The sections with wage statistics (ГКЭД A-S; households as employers and extraterritorial
# bodies, T and U, are not in the enterprise wage survey).
SOM = (
    _T_("Эркектер, сом", "Мужчины, сом", "Men, som"),
    _T_("Аялдар, сом", "Женщины, сом", "Women, som"),
    _T_("Баары, сом", "Всего, сом", "Total, som"),
)
WAGE_SECTIONS = Dim("activity", ("_T", *"ABCDEFGHIJKLMNOPQRS"))


def _rate(title: _T_, indicator: str) -> Table:
    return Table(
        title, sel(indicator, "last"), AGES, with_errors(indicator), stub=AGE, note=SURVEY_NOTE
    )


def _employed(title: _T_, indicator: str, dim: str, stub: _T_) -> Table:
    return Table(
        title,
        sel(indicator, "last"),
        Dim(dim, total=True),
        Items((*with_errors(indicator).items, WOMEN_SHARE)),
        stub=stub,
        note=SURVEY_NOTE,
    )


WORK = Chapter(
    _T_("Эмгек жана эмгек акы", "Труд и заработная плата", "Work and pay"),
    (
        Section(
            _T_(
                "Экономикалык активдүүлүк жана жумушсуздук",
                "Экономическая активность и безработица",
                "Activity, employment and unemployment",
            ),
            (
                _rate(
                    _T_(
                        "Экономикалык активдүүлүктүн деңгээли жаш курагы жана жынысы боюнча",
                        "Уровень экономической активности по возрасту и полу",
                        "Activity rate by age and sex",
                    ),
                    "activity_rate",
                ),
                _rate(
                    _T_(
                        "Иш менен камсыз болуунун деңгээли жаш курагы жана жынысы боюнча",
                        "Уровень занятости по возрасту и полу",
                        "Employment rate by age and sex",
                    ),
                    "employment_rate",
                ),
                _rate(
                    _T_(
                        "Жумушсуздуктун деңгээли жаш курагы жана жынысы боюнча",
                        "Уровень безработицы по возрасту и полу",
                        "Unemployment rate by age and sex",
                    ),
                    "unemployment_rate",
                ),
                Chart(
                    _T_(
                        "Иш менен камсыз болуунун деңгээли жынысы боюнча",
                        "Уровень занятости по полу",
                        "Employment rate by sex",
                    ),
                    "bar",
                    sel("employment_rate", "last"),
                    Items(  # the ages as a chart's axis: short
                        tuple(
                            sel(age_social=code, label=_T_(short, short, short))
                            for code, short in zip(
                                AGES.codes[1:],
                                ("15–24", "25–34", "35–44", "45–54", "55–64", "65+"),
                                strict=True,
                            )
                        )
                    ),
                    PAIR,
                ),
            ),
        ),
        Section(
            _T_("Иштегендер", "Занятые", "The employed"),
            (
                _employed(
                    _T_(
                        "Иштегендер экономикалык ишмердүүлүктүн түрлөрү жана жынысы боюнча",
                        "Занятые по видам экономической деятельности и полу",
                        "Employed by economic activity and sex",
                    ),
                    "employed_by_activity",
                    "activity",
                    ACTIVITY,
                ),
                _employed(
                    _T_(
                        "Иштегендер кесиптик топтору жана жынысы боюнча",
                        "Занятые по группам занятий и полу",
                        "Employed by occupation and sex",
                    ),
                    "employed_by_occupation",
                    "occupation",
                    OCCUPATION,
                ),
                Sentence(
                    _T_(
                        "{year}-жылы жетекчилердин {share} пайызы аялдар болгон (ТӨМ 5.5.2).",
                        "В {year} году женщины составляли {share} % руководителей (ЦУР 5.5.2).",
                        "In {year}, women held {share}% of managerial positions (SDG 5.5.2).",
                    ),
                    (("share", sel("women_share_managers")),),
                    sel(period="last"),
                ),
            ),
        ),
        Section(
            _T_("Эмгек акы", "Заработная плата", "Wages"),
            (
                Table(
                    _T_(
                        "Орточо айлык эмгек акы жана гендердик ажырым",
                        "Среднемесячная заработная плата и гендерный разрыв",
                        "Average monthly wage and the gender pay gap",
                    ),
                    sel(period="last"),
                    Dim("activity", total=True),
                    Items(
                        (
                            sel("average_wage", sex="M", label=SOM[0]),
                            sel("average_wage", sex="F", label=SOM[1]),
                            sel("average_wage", sex="_T", label=SOM[2]),
                            sel(
                                "gender_pay_gap",
                                label=_T_(
                                    "Гендердик ажырым, %",
                                    "Гендерный разрыв, %",
                                    "Gender pay gap, %",
                                ),
                            ),
                        )
                    ),
                    stub=ACTIVITY,
                    drop_empty=True,
                    note=_T_(
                        "Гендердик ажырым = (эркектердин эмгек акысы − аялдардыкы) / "
                        "эркектердики × 100.",
                        "Гендерный разрыв = (зарплата мужчин − зарплата женщин) / зарплата "
                        "мужчин × 100.",
                        "Gender pay gap = (men's wage − women's wage) / men's wage × 100.",
                    ),
                ),
                Chart(
                    _T_(
                        "Эмгек акыдагы гендердик ажырым, ишмердүүлүктүн түрлөрү боюнча",
                        "Гендерный разрыв в оплате труда по видам деятельности",
                        "Gender pay gap by economic activity",
                    ),
                    "barh",
                    sel("gender_pay_gap", "last"),
                    WAGE_SECTIONS,
                    Items((sel(),)),  # one series: no legend; the title names the unit
                    (6.3, 5.2),  # twenty sections: tall enough to read their names
                ),
            ),
        ),
    ),
)
