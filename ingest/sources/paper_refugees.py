"""UNHCR's report of refugees and asylum seekers by country of origin, sex and age group.

Why its own adapter: the Kyrgyz Republic's refugees (about 320) and asylum seekers (about
680) are counted by UNHCR, not by a ministry register; the office sends a table as of a date
(usually 31 December or 30 June). Rows: status (refugee or asylum seeker), country of origin
(ISO code or name in ky/ru/en), UNHCR age group (0–4, 5–11, 12–17, 18–59, 60+), men, women,
and an optional total. The template and the rules are those of :mod:`ingest.paper`.
"""

from __future__ import annotations

from typing import Any

from ingest.base import register
from ingest.paper import BY_SEX, Column, PaperAdapter, PaperChecker, ReportSpec, register_spec
from store.models import RefugeeReport

STATUS = Column(
    "status",
    {"ky": "Статусу", "ru": "Статус", "en": "Status"},
    kind="choice",
    choices={
        "refugee": {"ky": "Качкын", "ru": "Беженец", "en": "Refugee"},
        "asylum_seeker": {
            "ky": "Башпаанек издөөчү",
            "ru": "Лицо, ищущее убежище",
            "en": "Asylum seeker",
        },
    },
    aliases=("беженцы", "ищущие_убежища", "качкындар"),
    width=22,
)
AGE = Column(
    "age_group",
    {"ky": "Жаш тобу", "ru": "Возрастная группа", "en": "Age group"},
    kind="choice",
    choices={
        "Y0T4": {"ky": "0–4", "ru": "0-4", "en": "0 to 4"},
        "Y5T11": {"ky": "5–11", "ru": "5-11", "en": "5 to 11"},
        "Y12T17": {"ky": "12–17", "ru": "12-17", "en": "12 to 17"},
        "Y18T59": {"ky": "18–59", "ru": "18-59", "en": "18 to 59"},
        "Y_GE60": {"ky": "60 жана андан улуу", "ru": "60 и старше", "en": "60 and over"},
    },
    aliases=("возраст", "age"),
    width=18,
)
# The same groups as people type them: dashes of every kind, "60+".
AGE_SPELLINGS = {"0-4": "Y0T4", "5-11": "Y5T11", "12-17": "Y12T17", "18-59": "Y18T59",
                 "60+": "Y_GE60", "60": "Y_GE60"}  # fmt: skip
SPEC = register_spec(
    ReportSpec(
        name="paper-refugees",
        version=1,
        title={
            "ky": "Качкындар жана башпаанек издөөчүлөр (БУУнун КЖБ)",
            "ru": "Беженцы и лица, ищущие убежища (УВКБ ООН)",
            "en": "Refugees and asylum seekers (UNHCR)",
        },
        period="date",
        table=RefugeeReport,
        columns=(
            STATUS,
            Column(
                "country",
                {"ky": "Келген өлкөсү", "ru": "Страна происхождения", "en": "Country of origin"},
                kind="country",
                aliases=("страна", "өлкө", "country"),
                width=24,
            ),
            AGE,
            *BY_SEX,
        ),
    )
)


@register
class PaperRefugees(PaperAdapter):
    """``flask ingest paper-refugees --file unhcr.xlsx``: UNHCR's table as of a date."""

    name = "paper-refugees"
    help = "UNHCR refugees and asylum seekers by country, sex and age (XLSX or CSV template)."
    spec = SPEC

    def cells(
        self, check: PaperChecker, data: dict[str, Any]
    ) -> tuple[dict[str, Any], tuple[Any, ...]] | None:
        status = check.pick(STATUS)
        country = check.place_country("country", "paper-country")
        typed = "".join(str(data.get("age_group") or "").split()).replace("–", "-")
        age = AGE_SPELLINGS.get(typed) or check.pick(AGE)
        if None in (status, country, age):
            return None
        return {"status": status, "country": country, "age_group": age}, (status, country, age)
