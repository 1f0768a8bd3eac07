"""The other migration sources: border crossings, household books, paper reports.

These arrive already counted (border files are aggregated at ingest; paper reports are
tables), so their indicators are sums with every total added; the household books of
Sanarip Aimak are microdata of members present or absent. A source with no data yet gives
no observations, and the publications say so rather than print zeros.
"""

from __future__ import annotations

from sqlalchemy import literal

from indicators import cubes
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


def _territory(code: str) -> list[str]:
    return sorted({code, region_of(code), COUNTRY})


def compute(ctx: Context, out: Frame) -> None:
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
