"""Universities' and colleges' report of foreign students by country, sex and level of study.

Why its own adapter: about 56,000 foreign students (2023/24; mostly from Uzbekistan, India and
Pakistan) study in the Kyrgyz Republic, counted only by the institutions at the start of the
academic year. One report per institution, or the ministry's compilation with an institution
column. Rows: institution (optional, the reporter by default), territory (СОАТЕ code or name
of the institution's place), country (ISO code or name), level (preparatory, vocational,
bachelor, specialist, master, doctoral), men, women, and an optional total.
"""

from __future__ import annotations

from typing import Any

from ingest.base import register
from ingest.paper import BY_SEX, Column, PaperAdapter, PaperChecker, ReportSpec, register_spec
from store.models import ForeignStudentReport

LEVEL = Column(
    "level",
    {"ky": "Билим деңгээли", "ru": "Уровень обучения", "en": "Level of study"},
    kind="choice",
    choices={
        "PREPARATORY": {
            "ky": "Даярдоо бөлүмү",
            "ru": "Подготовительное отделение",
            "en": "Preparatory",
        },
        "VOCATIONAL": {
            "ky": "Орто кесиптик",
            "ru": "Среднее профессиональное",
            "en": "Secondary vocational",
        },
        "BACHELOR": {"ky": "Бакалавр", "ru": "Бакалавриат", "en": "Bachelor"},
        "SPECIALIST": {"ky": "Адис", "ru": "Специалитет", "en": "Specialist"},
        "MASTER": {"ky": "Магистр", "ru": "Магистратура", "en": "Master"},
        "DOCTORAL": {
            "ky": "Аспирантура, докторантура",
            "ru": "Аспирантура, докторантура",
            "en": "Doctoral",
        },
    },
    aliases=("уровень", "деңгээл", "level"),
    width=24,
)
SPEC = register_spec(
    ReportSpec(
        name="paper-students",
        version=1,
        title={
            "ky": "Чет элдик студенттер: өлкөлөр, жынысы жана билим деңгээли боюнча",
            "ru": "Иностранные студенты по странам, полу и уровню обучения",
            "en": "Foreign students by country, sex and level of study",
        },
        period="academic_year",
        table=ForeignStudentReport,
        columns=(
            Column(
                "institution",
                {"ky": "Окуу жайы", "ru": "Учебное заведение", "en": "Institution"},
                required=False,
                aliases=("вуз", "колледж", "жогорку_окуу_жайы"),
                width=30,
            ),
            Column(
                "territory",
                {"ky": "Аймак (СОАТЕ)", "ru": "Территория (СОАТЕ)", "en": "Territory (SOATE)"},
                kind="territory",
                aliases=("территория", "аймак", "соате", "soate", "territory"),
                width=22,
            ),
            Column(
                "country",
                {"ky": "Өлкөсү", "ru": "Страна", "en": "Country"},
                kind="country",
                aliases=("гражданство", "жарандыгы", "citizenship"),
                width=20,
            ),
            LEVEL,
            *BY_SEX,
        ),
    )
)


@register
class PaperStudents(PaperAdapter):
    """``flask ingest paper-students --file students-2023.xlsx``: one institution's report."""

    name = "paper-students"
    help = "Universities' and colleges' foreign students by country, sex, level (XLSX or CSV)."
    spec = SPEC

    def cells(
        self, check: PaperChecker, data: dict[str, Any]
    ) -> tuple[dict[str, Any], tuple[Any, ...]] | None:
        institution = check.text("institution", required=False, max_length=300)
        institution = institution or check.text("reporter", max_length=300)
        territory = check.place_territory("territory", "paper-territory")
        country = check.place_country("country", "paper-country")
        level = check.pick(LEVEL)
        if None in (institution, territory, country, level):
            return None
        row = {"institution": institution, "territory": territory, "level": level,
               "country": country}  # fmt: skip
        return row, (institution, territory, level, country)
