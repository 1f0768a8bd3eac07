"""Decision-making by sex: seats in the Jogorku Kenesh and the local keneshes (Central
Election Commission), state civil servants (State Personnel Service), judges (Council of
Judges), and the shares of women among them and among managers (SDG 5.5.1, 5.5.2).

The shares are computed by :func:`indicators.methods.women_share` from the counts as
published (the source's own totals where it gave them); the share of women among managers
reads the labour force survey's employed in ISCO-08 major group 1 (managers), published by
:mod:`indicators.catalog.labour`.
"""

from __future__ import annotations

from indicators import aggregates
from indicators.aggregates import Measure, Values
from indicators.catalog import labour
from indicators.context import Context
from indicators.frame import Frame
from indicators.methods import women_share
from indicators.space import TOTAL
from indicators.spec import Spec, Text

SOURCE = "agg-decision"
ELECTIONS = Text(
    ky="Булагы: Кыргыз Республикасынын Шайлоо жана референдум өткөрүү боюнча борбордук "
    "комиссиясы, жылдын аягына карата ээленген мандаттар (шайлоонун жыйынтыгы жана андан "
    "кийинки өзгөрүүлөр).",
    ru="Источник: Центральная комиссия по выборам и проведению референдумов Кыргызской "
    "Республики, замещённые мандаты на конец года (итоги выборов и последующие изменения).",
    en="Source: the Central Commission for Elections and Referendums of the Kyrgyz "
    "Republic, seats held at the end of the year (election results and later changes).",
)
PERSONNEL = Text(
    ky="Булагы: Кыргыз Республикасынын Мамлекеттик кадр кызматы, жылдын аягына карата "
    "ээленген кызмат орундары.",
    ru="Источник: Государственная кадровая служба Кыргызской Республики, замещённые "
    "должности на конец года.",
    en="Source: the State Personnel Service of the Kyrgyz Republic, posts filled at the end "
    "of the year.",
)
COURTS = Text(
    ky="Булагы: Кыргыз Республикасынын Судьялар кеңеши, жылдын аягына карата кызматтагы судьялар.",
    ru="Источник: Совет судей Кыргызской Республики, судьи, состоящие в должности на конец года.",
    en="Source: the Council of Judges of the Kyrgyz Republic, judges in office at the end "
    "of the year.",
)
SHARE_NOTE = Text(
    ky=" Аялдардын үлүшү — аялдардын саны эки жыныстын жалпы санынын пайызы катары.",
    ru=" Доля женщин — число женщин в процентах к общему числу лиц обоего пола.",
    en=" The share of women is the number of women as a percentage of both sexes.",
)


def _plus(text: Text, more: Text) -> Text:
    return Text(*(text.get(lang) + more.get(lang) for lang in ("ky", "ru", "en")))


def _spec(
    id_: str,
    name: Text,
    definition: Text,
    dims: tuple[str, ...],
    source: str,
    methodology: Text,
) -> Spec:
    return Spec(
        id=id_,
        topic="decision_making",
        name=name,
        definition=definition,
        unit="persons",
        dimensions=dims,
        source=source,
        methodology=methodology,
    )


def _share(
    id_: str, name: Text, definition: Text, dims: tuple[str, ...], source: str, method: Text
) -> Spec:
    return Spec(
        id=id_,
        topic="decision_making",
        name=name,
        definition=definition,
        unit="percent",
        unit_base=100,
        decimals=1,
        additive=False,
        bounds=(0, 100),
        dimensions=dims,
        source=source,
        methodology=_plus(method, SHARE_NOTE),
    )


SPECS = [
    _spec(
        "parliament_seats",
        Text(
            "Жогорку Кеңештин депутаттары",
            "Депутаты Жогорку Кенеша",
            "Members of the Jogorku Kenesh",
        ),
        Text(
            "Кыргыз Республикасынын Жогорку Кеңешинин депутаттары (ээленген мандаттар), "
            "жылдын аягына карата.",
            "Депутаты Жогорку Кенеша Кыргызской Республики (замещённые мандаты) на конец года.",
            "Members of the Jogorku Kenesh (parliament) of the Kyrgyz Republic (seats held) at "
            "the end of the year.",
        ),
        ("sex",),
        "central_election_commission",
        ELECTIONS,
    ),
    _spec(
        "local_council_seats",
        Text(
            "Жергиликтүү кеңештердин депутаттары",
            "Депутаты местных кенешей",
            "Members of local councils",
        ),
        Text(
            "Шаардык жана айылдык кеңештердин депутаттары (ээленген мандаттар), жылдын "
            "аягына карата, аймак боюнча.",
            "Депутаты городских и айылных кенешей (замещённые мандаты) на конец года, по "
            "территориям.",
            "Members of city and ayil (rural) councils (seats held) at the end of the year, "
            "by territory.",
        ),
        ("soate", "sex"),
        "central_election_commission",
        ELECTIONS,
    ),
    _spec(
        "civil_servants",
        Text(
            "Мамлекеттик жарандык кызматчылар",
            "Государственные гражданские служащие",
            "State civil servants",
        ),
        Text(
            "Мамлекеттик жарандык кызматтын кызмат орундарын ээлеген адамдар, жылдын аягына "
            "карата, кызмат орундарынын тобу боюнча.",
            "Лица, замещающие должности государственной гражданской службы, на конец года, "
            "по группам должностей.",
            "Persons holding posts of the state civil service at the end of the year, by "
            "group of posts.",
        ),
        ("grade", "sex"),
        "state_personnel_service",
        PERSONNEL,
    ),
    _spec(
        "judges",
        Text("Судьялар", "Судьи", "Judges"),
        Text(
            "Кызматтагы судьялар, жылдын аягына карата, сот боюнча.",
            "Судьи, состоящие в должности, на конец года, по судам.",
            "Judges in office at the end of the year, by court.",
        ),
        ("court", "sex"),
        "council_of_judges",
        COURTS,
    ),
    _share(
        "women_share_parliament",
        Text(
            "Жогорку Кеңештеги аялдардын үлүшү",
            "Доля женщин в Жогорку Кенеше",
            "Women's share of seats in the Jogorku Kenesh",
        ),
        Text(
            "Аялдар ээлеген мандаттар Жогорку Кеңештин бардык ээленген мандаттарынын "
            "пайызы катары (ТӨМ 5.5.1 а).",
            "Мандаты, занятые женщинами, в процентах ко всем замещённым мандатам Жогорку "
            "Кенеша (ЦУР 5.5.1 а).",
            "Seats held by women as a percentage of all seats held in the Jogorku Kenesh "
            "(SDG 5.5.1 a).",
        ),
        (),
        "central_election_commission",
        ELECTIONS,
    ),
    _share(
        "women_share_local_councils",
        Text(
            "Жергиликтүү кеңештердеги аялдардын үлүшү",
            "Доля женщин в местных кенешах",
            "Women's share of seats in local councils",
        ),
        Text(
            "Аялдар ээлеген мандаттар жергиликтүү кеңештердин бардык ээленген "
            "мандаттарынын пайызы катары (ТӨМ 5.5.1 b).",
            "Мандаты, занятые женщинами, в процентах ко всем замещённым мандатам местных "
            "кенешей (ЦУР 5.5.1 b).",
            "Seats held by women as a percentage of all seats held in local councils "
            "(SDG 5.5.1 b).",
        ),
        ("soate",),
        "central_election_commission",
        ELECTIONS,
    ),
    _share(
        "women_share_managers",
        Text(
            "Жетекчилердин арасындагы аялдардын үлүшү",
            "Доля женщин среди руководителей",
            "Women's share of managers",
        ),
        Text(
            "Жетекчи болуп иштеген аялдар (ISCO-08 1-чоң тобу) бардык жетекчилердин "
            "пайызы катары (ТӨМ 5.5.2).",
            "Женщины, занятые в качестве руководителей (основная группа 1 МСКЗ-08), в "
            "процентах ко всем руководителям (ЦУР 5.5.2).",
            "Women employed as managers (ISCO-08 major group 1) as a percentage of all "
            "managers (SDG 5.5.2).",
        ),
        (),
        "labour_force_survey",
        labour.LFS_METHOD,
    ),
    _share(
        "women_share_judges",
        Text(
            "Судьялардын арасындагы аялдардын үлүшү",
            "Доля женщин среди судей",
            "Women's share of judges",
        ),
        Text(
            "Аял судьялар бардык судьялардын пайызы катары, сот боюнча.",
            "Женщины-судьи в процентах ко всем судьям, по судам.",
            "Women judges as a percentage of all judges, by court.",
        ),
        ("court",),
        "council_of_judges",
        COURTS,
    ),
    _share(
        "women_share_civil_servants",
        Text(
            "Мамлекеттик жарандык кызматчылардын арасындагы аялдардын үлүшү",
            "Доля женщин среди государственных гражданских служащих",
            "Women's share of state civil servants",
        ),
        Text(
            "Аялдар мамлекеттик жарандык кызматчылардын пайызы катары, кызмат орундарынын "
            "тобу боюнча.",
            "Женщины в процентах ко всем государственным гражданским служащим, по группам "
            "должностей.",
            "Women as a percentage of all state civil servants, by group of posts.",
        ),
        ("grade",),
        "state_personnel_service",
        PERSONNEL,
    ),
]

PARLIAMENT = Measure("parliament_seats", SOURCE, "parliament_seats")
LOCAL = Measure("local_council_seats", SOURCE, "local_council_seats", territory=True)
CIVIL = Measure("civil_servants", SOURCE, "civil_servants", category="grade")
JUDGES = Measure("judges", SOURCE, "judges", category="court")
# Managers: the labour force survey's employed, ISCO-08 major group 1.
MANAGERS = "OC1"


def _shares(out: Frame, indicator: str, counts: Values, dimension: str | None) -> None:
    """Women's share in every cell of ``counts`` (by ``dimension``, or the one total)."""
    codes = counts.codes(dimension) if dimension is not None else [None]
    for period in counts.periods:
        for code in codes:
            at = {dimension: code} if dimension is not None and code is not None else {}
            women = counts.get(period, **at, sex="F")
            total = counts.get(period, **at, sex=TOTAL)
            if women is None or not total:
                continue
            value = women_share(women, total, base=out.base(indicator))
            out.add(indicator, period, at, value)


def compute(ctx: Context, out: Frame) -> None:
    parliament = aggregates.publish(ctx, out, PARLIAMENT)
    local = aggregates.publish(ctx, out, LOCAL)
    civil = aggregates.publish(ctx, out, CIVIL)
    judges = aggregates.publish(ctx, out, JUDGES)
    _shares(out, "women_share_parliament", parliament, None)
    _shares(out, "women_share_local_councils", local, "soate")
    _shares(out, "women_share_civil_servants", civil, "grade")
    _shares(out, "women_share_judges", judges, "court")
    occupation = next(m for m in labour.MEASURES if m.indicator == "employed_by_occupation")
    spec = next(s for s in labour.SPECS if s.id == occupation.indicator)
    employed = aggregates.read(ctx, occupation, spec)
    for period in employed.periods:
        women = employed.get(period, occupation=MANAGERS, sex="F")
        total = employed.get(period, occupation=MANAGERS, sex=TOTAL)
        if women is not None and total:
            value = women_share(women, total, base=out.base("women_share_managers"))
            out.add("women_share_managers", period, {}, value)
