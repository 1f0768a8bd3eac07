"""The ministries' and surveys' tables by sex (``report_sex_aggregate``) read into observations.

Six sources (education, labour, incomes, health, decision-making, crime) deliver the same
shape: a measure, up to two breakdown codes (``category``, ``subcategory``; ``_T`` for their
total), a territory, and the values for men, women and both sexes, with the standard errors
of a survey's estimates. One reader publishes every measure, by one of two rules:

* **counts** (pupils, seats, cases, thousands of employed): the cells are the finest rows
  received (a row that is a total, ``_T`` or the country, is not a part where finer rows of
  the same table exist); every total is added by :meth:`indicators.frame.Frame.add_with_totals`
  (sexes, categories, oblasts to the country). Where the source delivered a total itself
  (its ``total`` column, its ``_T`` rows, its national row) that figure is published instead
  of our sum, so the release's check "totals equal the sum of their parts" compares the
  source's own totals with its parts and fails the release if they disagree;
* **rates and amounts** (survey rates, average wages and pensions): published exactly as
  given, totals included (the ``total`` column and ``_T`` rows): a total of rates is never an
  average computed here. A value the source leaves empty is not published.

Standard errors (``men_se``, ``women_se``, ``total_se``) go, as given, into the companion
indicator ``<indicator>_se`` with the same dimensions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select

from indicators.context import Context
from indicators.frame import Frame
from indicators.space import COUNTRY, TOTAL, region_of
from indicators.spec import Spec, Text
from store.models import SexAggregateReport

# The sex codes and the table's column for each (values, then standard errors).
SEX_COLUMNS = (("M", "men"), ("F", "women"), (TOTAL, "total"))
SE_SUFFIX = "_se"


@dataclass(frozen=True)
class Measure:
    """How one measure of the table becomes one indicator.

    ``category``/``subcategory``: the indicator's dimensions that take the table's codes
    (``None``: the measure has no such breakdown, its rows are ``_T``); ``territory``: the
    indicator keeps the territory (``soate``), otherwise only national rows are read;
    ``sex``: the dimension of the men/women/total columns (``head_sex`` for households by
    sex of head), ``None`` for a measure of women only (abortions: the ``women`` column);
    ``counted``: counts (totals are sums) or rates and amounts (as given);
    ``standard_error``: the survey's standard errors go into ``<indicator>_se``.
    """

    indicator: str
    source: str
    measure: str
    category: str | None = None
    subcategory: str | None = None
    territory: bool = False
    sex: str | None = "sex"
    counted: bool = True
    standard_error: bool = False

    @property
    def standard_error_id(self) -> str:
        return self.indicator + SE_SUFFIX


@dataclass(frozen=True)
class Row:
    period: str
    category: str
    subcategory: str
    territory: str
    values: dict[str, float | None]  # column name → value (men, women, total, men_se, …)


Key = tuple[str, tuple[tuple[str, str], ...]]


class Values:
    """The cells of one indicator as published: ``get(period, **dims)``."""

    def __init__(self, cells: dict[Key, float]) -> None:
        self._cells = {(p, frozenset(dims)): v for (p, dims), v in cells.items()}

    def get(self, period: str, **dims: str) -> float | None:
        return self._cells.get((period, frozenset(dims.items())))

    @property
    def periods(self) -> list[str]:
        return sorted({p for p, _ in self._cells})

    def codes(self, dimension: str) -> list[str]:
        """The codes ``dimension`` takes in the published cells, sorted."""
        return sorted({code for _, dims in self._cells for d, code in dims if d == dimension})

    def __len__(self) -> int:
        return len(self._cells)


def _rows(ctx: Context, m: Measure) -> list[Row]:
    t = SexAggregateReport
    conditions = [t.source == m.source, t.measure == m.measure, t.period <= str(ctx.last_year)]
    if not m.territory:
        conditions.append(t.territory == COUNTRY)
    columns = ("men", "women", "total", "men_se", "women_se", "total_se")
    query = select(
        t.period, t.category, t.subcategory, t.territory, *(getattr(t, c) for c in columns)
    ).where(*conditions)
    return [
        Row(period, category, subcategory, territory, dict(zip(columns, rest, strict=True)))
        for period, category, subcategory, territory, *rest in ctx.session.execute(query)
    ]


def _dims(m: Measure, row: Row) -> dict[str, str]:
    dims: dict[str, str] = {}
    if m.territory:
        dims["soate"] = row.territory
    for name, code, what in (
        (m.category, row.category, "category"),
        (m.subcategory, row.subcategory, "subcategory"),
    ):
        if name is not None:
            dims[name] = code
        elif code != TOTAL:
            raise ValueError(f"{m.measure}: a row has the {what} {code!r}, the indicator none")
    return dims


def _sexes(m: Measure) -> Sequence[tuple[str | None, str]]:
    """(sex code or ``None`` for no sex dimension, column) pairs of the measure."""
    return SEX_COLUMNS if m.sex is not None else ((None, "women"),)


def _territory(code: str) -> list[str]:
    return sorted({code, region_of(code), COUNTRY})


def _contains(total: Row, row: Row) -> bool:
    """Whether ``row`` is a part of ``total``: every code the same or under its total."""
    return (
        total is not row
        and total.period == row.period
        and total.category in (row.category, TOTAL)
        and total.subcategory in (row.subcategory, TOTAL)
        and row.territory.startswith(total.territory)  # "417" begins every СОАТЕ code
        and (total.category, total.subcategory, total.territory)
        != (row.category, row.subcategory, row.territory)
    )


def _parts(rows: list[Row]) -> list[Row]:
    """The finest rows: a row that holds other rows of the same table (a ``_T`` category or
    subcategory, the country or an oblast above its rayons) is a total, not a part."""
    by_period: dict[str, list[Row]] = {}
    for row in rows:
        by_period.setdefault(row.period, []).append(row)
    return [
        row
        for group in by_period.values()
        for row in group
        if not any(_contains(row, other) for other in group)
    ]


def _key(out: Frame, indicator: str, period: str, dims: dict[str, str]) -> Key:
    order = out.specs[indicator].dimensions
    return period, tuple((d, dims[d]) for d in order)


def _add(out: Frame, indicator: str, cells: dict[Key, float]) -> Values:
    for (period, dims), value in cells.items():
        out.add(indicator, period, dict(dims), value)
    return Values(cells)


def _as_given(out: Frame, m: Measure, rows: Iterable[Row], indicator: str, suffix: str) -> Values:
    cells: dict[Key, float] = {}
    for row in rows:
        dims = _dims(m, row)
        for sex, column in _sexes(m):
            value = row.values[column + suffix]
            if value is None:
                continue
            if sex is not None and m.sex is not None:
                dims[m.sex] = sex
            key = _key(out, indicator, row.period, dims)
            if key in cells and cells[key] != value:
                raise ValueError(f"{m.measure}: two rows give {key} ({cells[key]}, {value})")
            cells[key] = value
    return _add(out, indicator, cells)


def _counts(out: Frame, m: Measure, rows: list[Row]) -> Values:
    """Sums of the finest rows with every total, the source's own totals where it gave them."""
    delivered: dict[Key, float] = defaultdict(float)
    for row in rows:
        dims = _dims(m, row)
        for sex, column in _sexes(m):
            if row.values[column] is not None:
                if sex is not None and m.sex is not None:
                    dims[m.sex] = sex
                delivered[_key(out, m.indicator, row.period, dims)] += row.values[column] or 0.0
    parts: list[tuple[str, dict[str, str], float]] = []
    for row in _parts(rows):
        dims = _dims(m, row)
        if m.sex is None:
            value = row.values["women"]
            if value is not None:
                parts.append((row.period, dims, value))
            continue
        men, women, total = (row.values[c] for c in ("men", "women", "total"))
        if men is not None and women is not None:
            parts += [(row.period, {**dims, m.sex: "M"}, men)]
            parts += [(row.period, {**dims, m.sex: "F"}, women)]
        elif total is not None:  # no sex breakdown: counts towards both sexes only
            parts.append((row.period, {**dims, m.sex: TOTAL}, total))
    scratch = Frame([out.specs[m.indicator]])
    scratch.add_with_totals(m.indicator, parts, {"soate": _territory} if m.territory else None)
    cells: dict[Key, float] = {}
    for obs in scratch:
        key = (obs.period, obs.dims)
        summed = obs.value if obs.value is not None else 0.0
        cells[key] = delivered.get(key, summed)
    return _add(out, m.indicator, cells)


def publish(ctx: Context, out: Frame, m: Measure) -> Values:
    """Publish ``m`` (and its standard errors) for every period up to the release's year;
    the values as published, for the indicators derived from them."""
    rows = _rows(ctx, m)
    values = _counts(out, m, rows) if m.counted else _as_given(out, m, rows, m.indicator, "")
    if m.standard_error:
        _as_given(out, m, rows, m.standard_error_id, SE_SUFFIX)
    return values


def read(ctx: Context, m: Measure, spec: Spec) -> Values:
    """The values of ``m`` (whose catalog entry is ``spec``) as :func:`publish` publishes
    them, without publishing them: for an indicator of another topic derived from them (the
    share of women among managers, from the labour force survey's employed)."""
    rows = _rows(ctx, m)
    scratch = Frame([spec])
    return _counts(scratch, m, rows) if m.counted else _as_given(scratch, m, rows, m.indicator, "")


def standard_error_spec(estimate: Spec) -> Spec:
    """The companion of a survey estimate: its standard errors, with the same dimensions and
    unit, as the survey gives them (not additive: standard errors do not add up)."""
    se = Text(
        "Стандарттык ката: ",
        "Стандартная ошибка: ",
        "Standard error: ",
    )
    about = Text(
        "Тандалма изилдөөнүн баасынын стандарттык катасы, баанын өзүнүн бирдигинде. Болжол "
        "менен 95 % ишеним аралыгы: баа ± 1,96 × стандарттык ката.",
        "Стандартная ошибка выборочной оценки, в единицах самой оценки. Приблизительный "
        "95-процентный доверительный интервал: оценка ± 1,96 × стандартная ошибка.",
        "The standard error of the survey estimate, in the unit of the estimate. An "
        "approximate 95 % confidence interval is the estimate ± 1.96 × the standard error.",
    )
    return replace(
        estimate,
        id=estimate.id + SE_SUFFIX,
        name=Text(*(se.get(lang) + estimate.name.get(lang) for lang in ("ky", "ru", "en"))),
        definition=Text(
            *(f"{about.get(lang)} {estimate.definition.get(lang)}" for lang in ("ky", "ru", "en"))
        ),
        additive=False,
        balance=False,
        bounds=None,
        bounds_at=(),
        attributes={"standard_error_of": estimate.id},
    )


def with_standard_error(estimate: Spec) -> list[Spec]:
    """``estimate`` naming its companion (``attributes["standard_error"]``), and the
    companion: what a topic's ``SPECS`` lists for a survey estimate."""
    named = replace(
        estimate, attributes={**estimate.attributes, "standard_error": estimate.id + SE_SUFFIX}
    )
    return [named, standard_error_spec(named)]
