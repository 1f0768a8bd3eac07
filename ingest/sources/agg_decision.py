"""Women and men in decision-making: members of the Jogorku Kenesh and of local councils
(Central Election Commission), civil servants by group of posts (State Personnel Service),
judges by court (Council of Judges).

Why an aggregate source: the three bodies send head counts at the end of the year, which
the NSC publishes as they are (90 seats in the Jogorku Kenesh, some 7,000 in local councils,
16 thousand civil servants, 450 judges). The rows are checked by :mod:`ingest.aggregate`;
this module only declares the measures.
"""

from __future__ import annotations

from ingest.aggregate import AggregateAdapter, Measure, aggregate_spec
from ingest.base import register
from ingest.paper import register_spec

MEASURES = (
    Measure(
        "parliament_seats",
        {"ky": "Жогорку Кеңештин депутаттары", "ru": "Депутаты Жогорку Кенеша",
         "en": "Members of the Jogorku Kenesh"},
        "persons", maximum=120,
    ),
    Measure(
        "local_council_seats",
        {"ky": "Жергиликтүү кеңештердин депутаттары", "ru": "Депутаты местных кенешей",
         "en": "Members of local councils"},
        "persons", territory="oblast", maximum=20_000,
    ),
    Measure(
        "civil_servants",
        {"ky": "Мамлекеттик жарандык кызматчылар", "ru": "Государственные гражданские "
         "служащие", "en": "Civil servants"},
        "persons", codelist="civil_service_grade", maximum=100_000,
    ),
    Measure(
        "judges",
        {"ky": "Судьялар", "ru": "Судьи", "en": "Judges"},
        "persons", codelist="court_level", maximum=2_000,
    ),
)  # fmt: skip
SPEC = register_spec(
    aggregate_spec(
        "agg-decision",
        {
            "ky": "Чечим кабыл алуу: депутаттар, мамлекеттик кызматчылар жана судьялар, "
            "жынысы боюнча",
            "ru": "Принятие решений: депутаты, государственные служащие и судьи по полу",
            "en": "Decision-making: members of parliament and councils, civil servants and "
            "judges by sex",
        },
        MEASURES,
    )
)


@register
class Decision(AggregateAdapter):
    """``flask ingest agg-decision --file decision-2024.csv``: the year-end head counts."""

    name = "agg-decision"
    help = "CEC, State Personnel Service, judges: seats and posts by sex (XLSX or CSV)."
    spec = SPEC
