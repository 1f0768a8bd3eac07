"""The Ministry of Education and Science's tables by sex: enrolment by level of education
and oblast, graduates by level and field of education, teachers by level.

Why an aggregate source: the ministry counts pupils, students and teachers in its own
registers of schools, colleges and universities and sends the NSC tables, not persons (about
1.4 million pupils, 230 thousand students in higher education, 80 thousand school teachers).
The rows are checked by :mod:`ingest.aggregate`; this module only declares the measures.
"""

from __future__ import annotations

from ingest.aggregate import AggregateAdapter, Measure, aggregate_spec
from ingest.base import register
from ingest.paper import register_spec

MEASURES = (
    Measure(
        "enrolment",
        {"ky": "Билим алуучулардын саны", "ru": "Численность обучающихся", "en": "Enrolment"},
        "persons",
        codelist="education_level",
        territory="oblast",
        maximum=3_000_000,
    ),
    Measure(
        "graduates",
        {"ky": "Бүтүрүүчүлөр", "ru": "Выпускники", "en": "Graduates"},
        "persons",
        codelist="education_level",
        categories=("_T", "VOC", "L6", "L7", "L8"),
        subcodelist="field_of_education",
        maximum=500_000,
    ),
    Measure(
        "teachers",
        {"ky": "Педагог кызматкерлер", "ru": "Педагогические работники", "en": "Teachers"},
        "persons",
        codelist="education_level",
        categories=("_T", "L0", "L1", "L2", "L3", "VOC", "L6"),
        maximum=300_000,
    ),
)
SPEC = register_spec(
    aggregate_spec(
        "agg-education",
        {
            "ky": "Билим берүү: билим алуучулар, бүтүрүүчүлөр жана педагогдор, жынысы боюнча",
            "ru": "Образование: обучающиеся, выпускники и педагоги по полу",
            "en": "Education: enrolment, graduates and teachers by sex",
        },
        MEASURES,
    )
)


@register
class Education(AggregateAdapter):
    """``flask ingest agg-education --file education-2024.xlsx``: one year's tables."""

    name = "agg-education"
    help = "Ministry of Education: enrolment, graduates, teachers by sex (XLSX or CSV template)."
    spec = SPEC
