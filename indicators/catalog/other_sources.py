"""The other migration sources: border crossings, household books, paper reports.

These arrive already counted (border files are aggregated at ingest; paper reports are
tables), so their indicators are sums with every total added; the household books of
Sanarip Aimak are microdata of members present or absent. A source with no data yet gives
no observations, and the publications say so rather than print zeros.
"""

from __future__ import annotations

from sqlalchemy import literal

from indicators import cubes, residence
from indicators.context import Context
from indicators.frame import Frame
from indicators.space import COUNTRY, region_of
from indicators.spec import Spec, Text
from store.models import (
    AbsentPopulationReport,
    BorderCrossing,
    ForeignStudentReport,
    ForeignWorkerReport,
    HouseholdMember,
    RefugeeReport,
)


def _spec(
    id_: str,
    name: Text,
    definition: Text,
    dims: tuple[str, ...],
    source: str,
    unit: str = "persons",
) -> Spec:
    return Spec(
        id=id_,
        topic="other_sources",
        name=name,
        definition=definition,
        unit=unit,
        dimensions=dims,
        source=source,
    )


SPECS = [
    _spec(
        "border_crossings",
        Text(
            "Мамлекеттик чек араны кесип өтүүлөр",
            "Пересечения государственной границы",
            "Border crossings",
        ),
        Text(
            "Өткөрүү пункттарында катталган кирүүлөр жана чыгуулар, сапардын максаты боюнча.",
            "Въезды и выезды, зарегистрированные в пунктах пропуска, по цели поездки.",
            "Entries and exits registered at border checkpoints, by purpose of trip.",
        ),
        ("direction", "purpose", "citizenship", "sex"),
        "border_service",
        unit="crossings",
    ),
    _spec(
        "absent_population",
        Text(
            "Айыл чарба китептери боюнча убактылуу жок калк",
            "Временно отсутствующее население по данным похозяйственного учёта",
            "Population absent according to household books",
        ),
        Text(
            "Үй чарба китебинде катталган, бирок каттоо күнү жок болгон туруктуу калк.",
            "Постоянные жители, записанные в похозяйственной книге и отсутствующие на дату учёта.",
            "Permanent residents recorded in a household book and absent on its reference date.",
        ),
        ("soate", "sex", "reason"),
        "sanarip_aimak",
    ),
    _spec(
        "absent_population_reported",
        Text(
            "Жергиликтүү өз алдынча башкаруу органдарынын отчету боюнча жок калк",
            "Отсутствующее население по отчётам органов местного самоуправления",
            "Absent population reported by local governments",
        ),
        Text(
            "Жергиликтүү өз алдынча башкаруу органдары отчетто көрсөткөн убактылуу жок калк.",
            "Временно отсутствующее постоянное население по отчётам органов МСУ.",
            "Permanent population temporarily absent, as reported by local governments.",
        ),
        ("soate", "sex"),
        "paper_report",
    ),
    _spec(
        "foreign_workers_quota",
        Text(
            "Чет элдик жумушчу күчүнө квота",
            "Квота на иностранную рабочую силу",
            "Quota for foreign workers",
        ),
        Text(
            "Ишканаларга бөлүнгөн квота, жарандык боюнча.",
            "Квота, выделенная предприятиям, по гражданству работников.",
            "Quota allocated to enterprises, by citizenship of the workers.",
        ),
        ("country",),
        "paper_report",
    ),
    _spec(
        "foreign_workers",
        Text(
            "Иш менен камсыз болгон чет элдик жумушчулар",
            "Фактически работающие иностранные граждане",
            "Foreign workers employed",
        ),
        Text(
            "Квота боюнча иш жүзүндө иштеген чет элдик жарандар.",
            "Иностранные граждане, фактически работающие по квоте.",
            "Foreign citizens actually employed under the quota.",
        ),
        ("country", "sex"),
        "paper_report",
    ),
    _spec(
        "foreign_students",
        Text("Чет элдик студенттер", "Иностранные студенты", "Foreign students"),
        Text(
            "Жогорку жана орто кесиптик окуу жайларындагы чет элдик студенттер.",
            "Иностранные студенты вузов и колледжей.",
            "Foreign students of universities and colleges.",
        ),
        ("country", "sex"),
        "paper_report",
    ),
    _spec(
        "refugees",
        Text(
            "Качкындар жана башпаанек издегендер",
            "Беженцы и лица, ищущие убежища",
            "Refugees and asylum seekers",
        ),
        Text(
            "БУУнун Качкындар иштери боюнча башкы комиссарынын маалыматы боюнча.",
            "По данным Управления Верховного комиссара ООН по делам беженцев.",
            "As reported by the UN Refugee Agency (UNHCR).",
        ),
        ("refugee_status", "country", "sex"),
        "unhcr",
    ),
]


_RULE = Text(
    "Узак мөөнөттүү миграция чек аранын кесилиштеринен, бир адамдын сапарларын "
    "байланыштырып, 12/16 ай эрежеси менен эсептелет: чыгып кеткенден кийинки 16 айдын "
    "жок дегенде 12синде чет өлкөдө болгон туруктуу тургун — узак мөөнөттүү эмигрант, "
    "келгенден кийинки 16 айдын жок дегенде 12синде өлкөдө болгон туруктуу эмес тургун — "
    "узак мөөнөттүү иммигрант (БУУнун 12 айлык сунушу боюнча). 16 айлык мөөнөтү али "
    "жабыла элек айлар — моделдин баасы менен алдын ала маалыматтар (P).",
    "Долгосрочная миграция по связанным пересечениям границы одного лица, по правилу 12/16 "
    "месяцев: постоянный житель, проведший за рубежом не менее 12 из 16 месяцев после "
    "выезда, — долгосрочный эмигрант; непостоянный житель, находившийся в стране не менее "
    "12 из 16 месяцев после въезда, — долгосрочный иммигрант (по рекомендации ООН о 12 "
    "месяцах). Месяцы, чьё 16-месячное окно ещё не закрыто, — предварительные данные с "
    "оценкой модели (P).",
    "Long-term migration from one person's linked border crossings under the 12/16-month "
    "rule: a resident who spends at least 12 of the 16 months after a departure abroad is a "
    "long-term emigrant; a non-resident present at least 12 of the 16 months after an "
    "arrival is a long-term immigrant (the UN's 12-month recommendation). Months whose "
    "16-month window has not closed are provisional, with a model's estimate (P).",
)
_LT_DIMS = ("citizenship", "sex", "age_social", "country_group")


def _lt(id_: str, name: Text, definition: Text, dims: tuple[str, ...], **extra: object) -> Spec:
    return Spec(
        id=id_,
        topic="other_sources",
        name=name,
        definition=definition,
        unit=str(extra.pop("unit", "persons")),
        dimensions=dims,
        source="border_service",
        methodology=_RULE,
        **extra,  # type: ignore[arg-type]
    )


SPECS += [
    _lt(
        "border_lt_emigrants",
        Text(
            "Узак мөөнөттүү эмигранттар (чек ара)",
            "Долгосрочные эмигранты (граница)",
            "Long-term emigrants (border)",
        ),
        Text(
            "12/16 ай эрежеси боюнча узак мөөнөттүү эмигранттар, чыгып кеткен күнү боюнча; "
            "өлкөлөр тобу — барган өлкө (көрсөтүлбөсө — башка өлкөлөр).",
            "Долгосрочные эмигранты по правилу 12/16 месяцев, по дате выезда; группа стран — "
            "страна следования (не указана — другие страны).",
            "Long-term emigrants under the 12/16-month rule, dated at departure; country group "
            "of the country of destination (not stated: other countries).",
        ),
        _LT_DIMS,
    ),
    _lt(
        "border_lt_immigrants",
        Text(
            "Узак мөөнөттүү иммигранттар (чек ара)",
            "Долгосрочные иммигранты (граница)",
            "Long-term immigrants (border)",
        ),
        Text(
            "12/16 ай эрежеси боюнча узак мөөнөттүү иммигранттар, келген күнү боюнча; "
            "өлкөлөр тобу — келген өлкө (көрсөтүлбөсө — башка өлкөлөр).",
            "Долгосрочные иммигранты по правилу 12/16 месяцев, по дате въезда; группа стран — "
            "страна, откуда прибыл (не указана — другие страны).",
            "Long-term immigrants under the 12/16-month rule, dated at arrival; country group "
            "of the country arrived from (not stated: other countries).",
        ),
        _LT_DIMS,
    ),
    _lt(
        "border_lt_net",
        Text(
            "Узак мөөнөттүү таза миграция (чек ара)",
            "Долгосрочная чистая миграция (граница)",
            "Long-term net migration (border)",
        ),
        Text(
            "Узак мөөнөттүү иммигранттар минус узак мөөнөттүү эмигранттар.",
            "Долгосрочные иммигранты минус долгосрочные эмигранты.",
            "Long-term immigrants less long-term emigrants.",
        ),
        _LT_DIMS,
        balance=True,
    ),
    _lt(
        "border_lt_emigrants_monthly",
        Text(
            "Узак мөөнөттүү эмигранттар, ай боюнча (чек ара)",
            "Долгосрочные эмигранты по месяцам (граница)",
            "Long-term emigrants by month (border)",
        ),
        Text(
            "12/16 ай эрежеси боюнча узак мөөнөттүү эмигранттар, чыгып кеткен ай боюнча.",
            "Долгосрочные эмигранты по правилу 12/16 месяцев, по месяцу выезда.",
            "Long-term emigrants under the 12/16-month rule, by month of departure.",
        ),
        ("month", "sex"),
    ),
    _lt(
        "border_lt_immigrants_monthly",
        Text(
            "Узак мөөнөттүү иммигранттар, ай боюнча (чек ара)",
            "Долгосрочные иммигранты по месяцам (граница)",
            "Long-term immigrants by month (border)",
        ),
        Text(
            "12/16 ай эрежеси боюнча узак мөөнөттүү иммигранттар, келген ай боюнча.",
            "Долгосрочные иммигранты по правилу 12/16 месяцев, по месяцу въезда.",
            "Long-term immigrants under the 12/16-month rule, by month of arrival.",
        ),
        ("month", "sex"),
    ),
    _lt(
        "border_lt_net_monthly",
        Text(
            "Узак мөөнөттүү таза миграция, ай боюнча (чек ара)",
            "Долгосрочная чистая миграция по месяцам (граница)",
            "Long-term net migration by month (border)",
        ),
        Text(
            "Айдын узак мөөнөттүү иммигранттары минус эмигранттары.",
            "Долгосрочные иммигранты месяца минус эмигранты.",
            "The month's long-term immigrants less its long-term emigrants.",
        ),
        ("month", "sex"),
        balance=True,
    ),
    _lt(
        "border_lt_abroad",
        Text(
            "Чет өлкөдөгү узак мөөнөттүү эмигранттар (чек ара)",
            "Долгосрочные эмигранты за рубежом (граница)",
            "Long-term emigrants abroad (border)",
        ),
        Text(
            "31-декабрдагы абал: кармалган кесилиштерде узак мөөнөттүү эмигрант болуп, "
            "иммигрант болуп кайтып келе элек адамдар (андан мурун кеткендер кирбейт).",
            "На 31 декабря: лица, ставшие долгосрочными эмигрантами в имеющихся пересечениях и "
            "не вернувшиеся иммигрантами (уехавшие раньше не учтены).",
            "On 31 December: persons who became long-term emigrants within the crossings held "
            "and have not come back as immigrants (those who left earlier are not counted).",
        ),
        ("sex", "age_social"),
    ),
    _lt(
        "border_lt_labour_share",
        Text(
            "Узак мөөнөттүү эмигранттардын ичинде эмгек мигранттарынын үлүшү",
            "Доля трудовых мигрантов среди долгосрочных эмигрантов",
            "Labour migrants' share of long-term emigrants",
        ),
        Text(
            "Чыгып кетүүдө сапардын максаты «эмгек ишмердүүлүгү» деп көрсөтүлгөн узак "
            "мөөнөттүү эмигранттардын үлүшү.",
            "Доля долгосрочных эмигрантов, указавших при выезде цель поездки «работа».",
            "Share of long-term emigrants who declared work as the purpose of the departure.",
        ),
        ("sex",),
        unit="percent",
        decimals=1,
        additive=False,
        bounds=(0.0, 100.0),
    ),
    _lt(
        "border_lt_provisional_error",
        Text(
            "Алдын ала баалоонун катасы (чек ара)",
            "Ошибка предварительной оценки (граница)",
            "Error of the provisional estimate (border)",
        ),
        Text(
            "Модель менен алдын ала бааланган айлык сандардын жыйынтык сандардан орточо "
            "абсолюттук пайыздык четтөөсү, кийин жабылган 16 айда текшерилген (чыгуу — "
            "эмигранттар, кирүү — иммигранттар, бардыгы — таза миграциянын катасы "
            "эмигранттар менен иммигранттардын суммасына карата); мезгил — баалоо жасалган "
            "жыл.",
            "Средняя абсолютная процентная ошибка помесячных предварительных оценок модели "
            "относительно окончательных чисел, проверенная на 16 закрытых позднее месяцах "
            "(выезд — эмигранты, въезд — иммигранты, всего — ошибка чистой миграции "
            "относительно суммы эмигрантов и иммигрантов); период — год оценки.",
            "Weighted mean absolute percentage error of the model's monthly provisional "
            "figures against the final ones, measured on 16 months held back until their "
            "windows closed (exit: emigrants, entry: immigrants, total: the net's error "
            "against emigrants and immigrants together); the period is the year the estimate "
            "was made.",
        ),
        ("direction",),
        unit="percent",
        decimals=1,
        additive=False,
    ),
]


def _territory(code: str) -> list[str]:
    return sorted({code, region_of(code), COUNTRY})


def compute(ctx: Context, out: Frame) -> None:
    residence.compute(ctx, out)
    s, last = ctx.session, str(ctx.last_year)
    b = BorderCrossing
    year = cubes.year_of(b.crossing_date)
    border = cubes.sums(
        s,
        b,
        [year, b.direction, b.purpose, b.citizenship, b.sex],
        [b.crossings],
        year <= ctx.last_year,
    )
    out.add_with_totals(
        "border_crossings",
        [
            (y, {"direction": d, "purpose": p, "citizenship": c, "sex": x}, float(n))
            for y, d, p, c, x, n in border
        ],
    )
    h = HouseholdMember
    absent = cubes.sums(
        s,
        h,
        [cubes.year_of(h.reference_date), h.territory, h.sex, h.absence_reason],
        [literal(1)],
        h.present.is_(False),
    )
    out.add_with_totals(
        "absent_population",
        [
            (y, {"soate": t, "sex": x, "reason": r or "NOT_STATED"}, float(n))
            for y, t, x, r, n in absent
            if int(y) <= ctx.last_year
        ],
        {"soate": _territory},
    )
    a = AbsentPopulationReport
    out.add_with_totals(
        "absent_population_reported",
        [
            (period, {"soate": territory, "sex": sex}, float(count))
            for period, territory, men, women in cubes.sums(
                s, a, [a.period, a.territory], [a.men, a.women], a.period <= last
            )
            for sex, count in (("M", men), ("F", women))
        ],
        {"soate": _territory},
    )
    w = ForeignWorkerReport
    workers = cubes.sums(
        s, w, [w.period, w.country], [w.quota, w.employed_men, w.employed_women], w.period <= last
    )
    out.add_with_totals(
        "foreign_workers_quota",
        [(period, {"country": country}, float(quota)) for period, country, quota, _, _ in workers],
    )
    out.add_with_totals(
        "foreign_workers",
        [
            (period, {"country": country, "sex": sex}, float(count))
            for period, country, _, men, women in workers
            for sex, count in (("M", men), ("F", women))
        ],
    )
    st = ForeignStudentReport
    out.add_with_totals(
        "foreign_students",
        [
            (period, {"country": country, "sex": sex}, float(count))
            for period, country, men, women in cubes.sums(
                s, st, [st.period, st.country], [st.men, st.women], st.period <= last
            )
            for sex, count in (("M", men), ("F", women))
        ],
    )
    r = RefugeeReport
    out.add_with_totals(
        "refugees",
        [
            (period, {"refugee_status": status, "country": country, "sex": sex}, float(count))
            for period, status, country, men, women in cubes.sums(
                s, r, [r.period, r.status, r.country], [r.men, r.women], r.period <= last
            )
            for sex, count in (("M", men), ("F", women))
        ],
    )
