"""Aggregate tables by sex that ministries and surveys send ("Women and Men" beyond
demography): the long-format template, its row rules and the adapter the six ``agg-…``
sources declare themselves on.

Why one template for six sources: the Ministry of Education's enrolment, the labour force
survey's rates, the Social Fund's pensions, the Ministry of Health's registrations, the
Central Election Commission's seats and the Ministry of Internal Affairs' victims all arrive
as cells of a table by sex. One row of the template is one such cell: the measure (its code
or its name in ky/ru/en), a category of the measure's codelist and, for a measure with two
breakdowns, a subcategory (a code or a label, looked up in the store's classifiers — never
in a list kept here), an optional territory (СОАТЕ code or name; empty is the country), the
values for men, women and both sexes, and for survey estimates their standard errors. It is
a paper-report template (:mod:`ingest.paper`: header block, ky/ru/en, XLSX or CSV in UTF-8
or Windows-1251, refusal of a wrong file, de-duplication, conservation); this module adds
decimal values and the rules of a cell, and a source is a list of :class:`Measure` s in
``ingest/sources/agg_<domain>.py``.

The rules of a row (each failure is a quarantine reason of :mod:`ingest.reasons`): an
unknown measure, category or territory (``INVALID_CODE``, ``UNMAPPED_CODE``); a category,
subcategory or territory the measure is not reported by (``NOT_IN_BREAKDOWN``); a negative
or unreadable number (``INVALID_VALUE``); a count that is not whole, or whose total is not
men + women (``TOTAL_MISMATCH``); a rate's or average's total outside the values for men and
women (``TOTAL_NOT_BETWEEN``); a value outside the measure's plausible range — a percentage
always within 0–100 (``IMPLAUSIBLE_VALUE``); a standard error on a measure that is not a
survey estimate (``SE_NOT_SURVEY``); a value for men on a measure of women only
(``WOMEN_ONLY``). A cell is identified by (source, year, reporter, measure, category,
subcategory, territory): the same table keyed twice counts once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ingest.base import Loadable, MapResult
from ingest.context import KYRGYZSTAN, Context, label_key
from ingest.loader import digest
from ingest.paper import (
    BY_SEX,
    DASHES,
    TOTAL_WORDS,
    Column,
    Labels,
    PaperAdapter,
    PaperChecker,
    ReportSpec,
    _norm,
)
from ingest.reasons import Reason
from ingest.rules import FORMULA_PREFIXES
from store.models import SexAggregateReport

TOTAL = "_T"  # the code of a breakdown's total in every codelist
KINDS = ("count", "rate", "amount")
TERRITORIES = ("country", "oblast")  # the country only, or oblasts and cities and the country
MAX_VALUE = 100_000_000.0  # no cell of these tables comes near it
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


@dataclass(frozen=True)
class Measure:
    """One measure a source reports by sex: what it counts and how a row of it is checked.

    ``unit`` is a code of :mod:`l10n.units`. ``kind``: ``count`` (men + women = total),
    ``rate`` or ``amount`` (the total lies between men and women). ``codelist`` is the
    classifier of its categories (``None``: the measure has only its total, ``_T``);
    ``categories`` the codes it is reported by (``None``: every code of the codelist);
    ``subcodelist``/``subcategories`` the same for a second breakdown. ``territory``:
    ``country`` (national figures only) or ``oblast`` (oblasts, the two cities and the
    country). ``survey``: an estimate that may carry standard errors. ``women_only``: the
    value for men stays empty (abortions). ``minimum``/``maximum``: the plausible range of
    each value; ``precision``: the rounding unit the source publishes (1 for persons and
    som, 0.1 for percentages and thousands), from which the tolerances of the sums follow.
    """

    code: str
    labels: Labels
    unit: str
    kind: str = "count"
    codelist: str | None = None
    categories: tuple[str, ...] | None = None
    subcodelist: str | None = None
    subcategories: tuple[str, ...] | None = None
    territory: str = "country"
    survey: bool = False
    women_only: bool = False
    minimum: float = 0.0
    maximum: float = MAX_VALUE
    precision: float = 1.0

    def __post_init__(self) -> None:
        if self.kind not in KINDS or self.territory not in TERRITORIES:
            raise ValueError(f"measure {self.code}: kind {self.kind!r}, {self.territory!r}")
        if self.unit == "percent" and not 0 <= self.minimum <= self.maximum <= 100:
            raise ValueError(f"measure {self.code}: a percentage lies within 0-100")

    @property
    def whole(self) -> bool:
        """Counts of persons and cases are whole numbers; thousands are not."""
        return self.kind == "count" and self.precision >= 1

    def names(self) -> set[str]:
        return {label_key(n) for n in (self.code, *self.labels.values())}


MEASURE = Column(
    "measure",
    {"ky": "Көрсөткүч", "ru": "Показатель", "en": "Measure"},
    kind="choice",
    aliases=("indicator", "мера"),
    width=40,
)
CATEGORY = Column(
    "category",
    {"ky": "Категория", "ru": "Категория", "en": "Category"},
    aliases=("категориясы", "group", "группа", "тобу"),
    width=32,
)
SUBCATEGORY = Column(
    "subcategory",
    {"ky": "Кошумча категория", "ru": "Подкатегория", "en": "Subcategory"},
    required=False,
    aliases=("подгруппа", "subgroup"),
    width=32,
)
TERRITORY = Column(
    "territory",
    {"ky": "Аймак (СОАТЕ)", "ru": "Территория (СОАТЕ)", "en": "Territory (SOATE)"},
    kind="territory",
    required=False,
    aliases=("территория", "аймак", "соате", "soate"),
    width=22,
)
VALUES = tuple(
    Column(c.key, c.labels, kind="value", required=c.required, aliases=c.aliases) for c in BY_SEX
)
STANDARD_ERRORS = (
    Column(
        "men_se",
        {"ky": "Эркектер, стандарттык ката", "ru": "Мужчины, стандартная ошибка",
         "en": "Men, standard error"},
        kind="se", required=False, aliases=("se_men",),
    ),
    Column(
        "women_se",
        {"ky": "Аялдар, стандарттык ката", "ru": "Женщины, стандартная ошибка",
         "en": "Women, standard error"},
        kind="se", required=False, aliases=("se_women",),
    ),
    Column(
        "total_se",
        {"ky": "Бардыгы, стандарттык ката", "ru": "Всего, стандартная ошибка",
         "en": "Total, standard error"},
        kind="se", required=False, aliases=("se_total",),
    ),
)  # fmt: skip
INSTRUCTIONS: Labels = {
    "ky": "Ар бир сап — таблицанын бир уячасы: көрсөткүч жана категория (коду же аталышы), "
    "керек болсо кошумча категория жана аймак (бош болсо — бүт өлкө). Эркектер, аялдар жана "
    "бардыгы үчүн маанилер; бөлчөк бөлүгү «,» же «.» менен. Сандар терс эмес; «Бардыгы» "
    "эркектер менен аялдардын суммасына барабар, ал эми деңгээлдер жана орточо маанилер үчүн "
    "алардын ортосунда болот. Стандарттык каталарды сурамжылоонун баалоолору үчүн гана "
    "толтуруңуз. Формулаларды колдонбоңуз.",
    "ru": "Одна строка — одна ячейка таблицы: показатель и категория (код или название), при "
    "необходимости подкатегория и территория (пусто — вся страна). Значения для мужчин, "
    "женщин и всего; дробная часть через «,» или «.». Числа неотрицательные; «Всего» равно "
    "сумме мужчин и женщин, а для уровней и средних лежит между ними. Стандартные ошибки "
    "заполняйте только для оценок обследований. Не используйте формулы.",
    "en": "One row per cell of the table: the measure and the category (a code or a name), "
    "a subcategory and a territory where needed (empty: the whole country). Values for men, "
    "women and both sexes; decimals with ',' or '.'. Numbers are not negative; the total is "
    "men plus women, and for rates and averages lies between them. Give standard errors only "
    "for survey estimates. Do not use formulas.",
}


@dataclass(frozen=True)
class AggregateSpec(ReportSpec):
    """The template of one aggregate source: a :class:`ReportSpec` and its measures."""

    measures: tuple[Measure, ...] = ()

    def measure(self, text: str) -> Measure | None:
        """The measure keyed as its code or its name in any language."""
        key = label_key(text)
        return next((m for m in self.measures if key in m.names()), None)

    def choice_values(self, column: Column, lang: str, countries: Sequence[str]) -> list[str]:
        """The measures' names, and the labels of the categories they are reported by (from
        the classifiers' reference data, which the store loads)."""
        if column.key == "measure":
            return [m.labels[lang] for m in self.measures]
        if column.key in ("category", "subcategory"):
            sub = column.key == "subcategory"
            values: list[str] = []
            for m in self.measures:
                codelist = m.subcodelist if sub else m.codelist
                allowed = m.subcategories if sub else m.categories
                for label in category_labels(codelist, allowed, lang):
                    if label not in values:
                        values.append(label)
            return values
        return super().choice_values(column, lang, countries)


def category_labels(codelist: str | None, allowed: Sequence[str] | None, lang: str) -> list[str]:
    """Labels in ``lang`` of the ``allowed`` codes of ``codelist`` (every code if ``None``)."""
    if codelist is None:
        return []
    from classifiers.reference import read_code_rows

    return [
        row.label(lang)
        for row in read_code_rows(codelist)
        if allowed is None or row.code in allowed
    ]


def aggregate_spec(
    name: str, title: Labels, measures: Sequence[Measure], version: int = 1
) -> AggregateSpec:
    """The template of a source of ``measures``: standard-error columns if any is a survey
    estimate, a subcategory column if any has two breakdowns."""
    columns = (
        MEASURE,
        CATEGORY,
        *((SUBCATEGORY,) if any(m.subcodelist for m in measures) else ()),
        TERRITORY,
        *VALUES,
        *(STANDARD_ERRORS if any(m.survey for m in measures) else ()),
    )
    return AggregateSpec(
        name=name,
        version=version,
        title=title,
        period="year",
        columns=columns,
        table=SexAggregateReport,
        total_row=False,
        instructions=INSTRUCTIONS,
        measures=tuple(measures),
    )


class AggregateChecker(PaperChecker):
    """The rules of a paper row plus a measure's breakdowns and decimal values."""

    def measure(self, spec: AggregateSpec) -> Measure | None:
        text = self.text("measure", max_length=200)
        if text is None:
            return None
        measure = spec.measure(text)
        if measure is None:
            self.fail("INVALID_CODE", "measure", text[:40])
        return measure

    def breakdown(
        self, key: str, codelist: str | None, allowed: Sequence[str] | None, required: bool
    ) -> str | None:
        """The code of a category (``key``) in ``codelist``; ``_T`` for a measure without it."""
        text = self.text(key, required=required and codelist is not None, max_length=200)
        if text is None:
            return TOTAL if codelist is None or not required else None
        if codelist is None:
            if text.upper() != TOTAL and _norm(text) not in TOTAL_WORDS:
                self.fail("NOT_IN_BREAKDOWN", key, text[:40])
                return None
            return TOTAL
        code = self.ctx.code(codelist, text)
        if code is None:
            self.fail("INVALID_CODE", key, text[:40])
        elif allowed is not None and code not in allowed:
            self.fail("NOT_IN_BREAKDOWN", key, code)
            return None
        return code

    def place(self, measure: Measure) -> str | None:
        """The СОАТЕ code of the row's territory: the country's when empty."""
        if str(self.data.get("territory") or "").strip() == "":
            return KYRGYZSTAN
        code = self.place_territory("territory", "paper-territory")
        if code is None:
            return None
        levels = (3,) if measure.territory == "country" else (3, 5)
        if len(code) not in levels:
            self.fail("NOT_IN_BREAKDOWN", "territory", code)
            return None
        return code

    def number(self, key: str, dash: float | None = None) -> float | None:
        """A decimal number ≥ 0 (``1 234,5``, ``12.0``); ``None`` when the cell is empty (or
        a dash, unless ``dash`` says what a dash means). A bad number adds a reason."""
        text = str(self.data.get(key) or "").strip()
        if text == "" or text in DASHES:
            return dash if text else None
        cleaned = _SPACES.sub("", text)
        if _NUMBER.fullmatch(cleaned):
            return float(cleaned.replace(",", "."))
        if re.fullmatch(r"-\d+(?:[.,]\d+)?", cleaned):
            self.fail("INVALID_VALUE", key, "negative")
        elif text.startswith(FORMULA_PREFIXES):
            self.fail("FORMULA_TEXT", key)
        else:
            self.fail("INVALID_VALUE", key, "not a number")
        return None

    def values(self, measure: Measure, keys: Sequence[str]) -> dict[str, float | None]:
        """Men, women, total and the standard errors given in ``keys``, checked together."""
        dash = 0.0 if measure.kind == "count" else None  # "-": no cases; no rate
        men, women, total = (self.number(k, dash) for k in ("men", "women", "total"))
        if measure.women_only:
            if men:
                self.fail("WOMEN_ONLY", "men", f"{men:g}")
            men = None
        elif self._empty("men"):
            self.fail("MISSING_FIELD", "men")
        if self._empty("women"):
            self.fail("MISSING_FIELD", "women")
        for key, value in (("men", men), ("women", women), ("total", total)):
            self._plausible(measure, key, value)
        errors = {k: self.number(k) for k in ("men_se", "women_se", "total_se") if k in keys}
        given = [k for k, v in errors.items() if v is not None]
        if given and not measure.survey:
            self.fail("SE_NOT_SURVEY", given[0])
        for key, value in errors.items():
            if value is not None and value > measure.maximum:
                self.fail("IMPLAUSIBLE_VALUE", key, f"{value:g} > {measure.maximum:g}")
        if self.ok and total is not None and women is not None:
            self._total(measure, men, women, total)
        return {"men": men, "women": women, "total": total, **errors}

    def _empty(self, key: str) -> bool:
        return str(self.data.get(key) or "").strip() == ""

    def _plausible(self, measure: Measure, key: str, value: float | None) -> None:
        if value is None:
            return
        if measure.whole and value != int(value):
            self.fail("INVALID_VALUE", key, "not a whole number")
        elif not measure.minimum <= value <= measure.maximum:
            bounds = f"{measure.minimum:g}–{measure.maximum:g}"
            self.fail("IMPLAUSIBLE_VALUE", key, f"{value:g} not in {bounds}")

    def _total(self, measure: Measure, men: float | None, women: float, total: float) -> None:
        if measure.kind == "count":
            # Parts and total each rounded to the published unit: 1.5 units apart at most.
            slack = 0.0 if measure.whole else 1.5 * measure.precision
            added = (men or 0.0) + women
            if abs(total - added) > slack + 1e-9:
                self.fail("TOTAL_MISMATCH", "total", f"{total:g} ≠ {added:g}")
        elif men is not None:
            slack = measure.precision / 2 + 1e-9  # the total and the parts rounded
            if not min(men, women) - slack <= total <= max(men, women) + slack:
                self.fail("TOTAL_NOT_BETWEEN", "total", f"{total:g}: {men:g}, {women:g}")


class AggregateAdapter(PaperAdapter):
    """Base of the ``agg-…`` adapters: a source is its :class:`AggregateSpec` (its measures)."""

    spec: ClassVar[AggregateSpec]

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = AggregateChecker(data, ctx)
        period = check.period(self.spec.period)
        reporter = check.text("reporter", max_length=200)
        measure = check.measure(self.spec)
        cell: tuple[str | None, ...] = (None, None, None)
        values: dict[str, float | None] = {}
        if measure is not None:
            cell = (
                check.breakdown("category", measure.codelist, measure.categories, True),
                check.breakdown("subcategory", measure.subcodelist, measure.subcategories, False),
                check.place(measure),
            )
            values = check.values(measure, [c.key for c in self.spec.columns])
        if not check.ok:
            return check.reasons
        category, subcategory, territory = cell
        if measure is None or period is None or reporter is None or None in cell:
            return [Reason("MISSING_FIELD")]
        # The table's period is the year, as for the paper reports; one value per cell.
        year = period[:4]
        row = {
            "source": self.name,
            "period": year,
            "reporter": reporter,
            "measure": measure.code,
            "category": category,
            "subcategory": subcategory,
            "territory": territory,
            **values,
        }
        key = digest(year, reporter, measure.code, category, subcategory, territory)
        return Loadable(self.table, row, f"{self.name}:{key}")
