"""Tables: a spec's axes resolved against a release, each cell read and formatted.

Every printed number leaves a record — indicator, period, dimension key, stored value and
the printed text — so that a test can compare the book with the read layer cell by cell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from l10n import gettext as _
from l10n import numbers, units
from l10n.numbers import NO_CASES, NOT_AVAILABLE, number
from publishing.data import COUNTRY, TOTAL, Obs, ReleaseData
from publishing.spec import Axis, Dim, Gap, Items, Sel, Table, Years

Address = Sel | Gap
Record = dict[str, Any]
EMPTY = {NO_CASES, NOT_AVAILABLE}


@dataclass(frozen=True)
class Entry:
    """One resolved position of an axis: its label, address and indentation level."""

    label: str
    address: Address
    level: int = 1


@dataclass
class Cell:
    text: str
    value: float | None
    record: Record | None
    footnotes: tuple[int, ...] = ()


@dataclass
class Row:
    label: str
    level: int
    cells: list[Cell]


@dataclass
class BuiltTable:
    anchor: str
    title: str
    unit: str
    stub: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    missing: str | None = None
    indicators: set[str] = field(default_factory=set)

    def records(self) -> list[Record]:
        return [c.record for r in self.rows for c in r.cells if c.record is not None]


def cell_text(obs: Obs | None, decimals: int, lang: str) -> str:
    """What a book prints for a stored observation (:func:`l10n.numbers.cell_text`)."""
    if obs is None:
        return NOT_AVAILABLE
    return numbers.cell_text(obs.value, obs.status, obs.conf, decimals, lang)


def period_of(data: ReleaseData, period: str | None, indicator: str | None = None) -> str:
    """``ref`` is the release's reference year, ``ref-N`` N years before, ``ref+1`` the year
    after (a stock on 1 January that closes the reference year), ``last`` the latest period
    the indicator has (sources that report late); years stay."""
    ref = int(data.release.reference_period[:4])
    if period == "last" and indicator is not None:
        return data.last_period(indicator) or str(ref)
    if period is None:
        return str(ref)
    if period.startswith("ref"):  # ref, ref-N, ref+N
        return str(ref + int(period[3:] or 0))
    return period


def code_label(data: ReleaseData, codelist: str, code: str, lang: str) -> str:
    row = data.code(codelist, code)
    if row is None:
        return _("Total") if code == TOTAL else code
    return row.label(lang)


def _level(dim: Dim, code: str) -> int:
    if dim.codelist == "soate":
        return 0 if code == COUNTRY else (1 if len(code) == 5 else 2)
    return 0 if code == TOTAL else 1


def resolve(axis: Axis, data: ReleaseData, lang: str) -> list[Entry]:
    """The positions of an axis in this release and language (worked out once per book:
    the prefetch, the table and a chart over the same axis share the answer)."""
    key = (axis, lang)
    found = data.resolved.get(key)
    if found is None:
        found = data.resolved[key] = _resolve(axis, data, lang)
    return list(found)


def _resolve(axis: Axis, data: ReleaseData, lang: str) -> list[Entry]:
    if isinstance(axis, Years):
        return [Entry(y, Sel(period=y), 1) for y in data.years[-axis.last :]]
    if isinstance(axis, Items):
        return [Entry(_item_label(item, data, lang), item, 1) for item in axis.items]
    codes = list(axis.codes)
    if not codes:
        codes = data.codes(axis.codelist, axis.level, axis.parent)
    if axis.total:
        total = COUNTRY if axis.codelist == "soate" and axis.dim == "soate" else TOTAL
        total = axis.parent or total  # a parent's children follow the parent itself
        codes = [total, *[c for c in codes if c != total]]
    return [
        Entry(
            _("Kyrgyz Republic")
            if code == COUNTRY and axis.codelist == "soate"
            else code_label(data, axis.codelist, code, lang),
            Sel(dims=((axis.dim, code),)),
            _level(axis, code),
        )
        for code in codes
    ]


def _item_label(item: Address, data: ReleaseData, lang: str) -> str:
    if item.label is not None:
        return item.label.get(lang)
    assert isinstance(item, Sel)
    if item.indicator:
        if item.indicator not in data.indicators():  # another catalog's: its table says so
            return item.indicator
        return str(getattr(data.indicator(item.indicator), f"name_{lang}"))
    if item.dims:
        dim, code = item.dims[0]
        return code_label(data, Dim(dim).codelist, code, lang)
    return item.period or ""


def address(base: Sel, row: Address, col: Address) -> Address:
    """A cell's address: the base, then the row's, then the column's parts."""
    if isinstance(col, Gap):
        start = base.merge(row) if isinstance(row, Sel) else base
        return Gap(col.op, start.merge(col.a), start.merge(col.b), col.label, col.decimals)
    if isinstance(row, Gap):
        return Gap(
            row.op,
            base.merge(row.a).merge(col),
            base.merge(row.b).merge(col),
            row.label,
            row.decimals,
        )
    return base.merge(row).merge(col)


def read(data: ReleaseData, where: Sel) -> tuple[str, str, str, Obs | None]:
    """Indicator, period, dimension key and stored observation of an address."""
    if where.indicator is None:
        raise ValueError(f"no indicator in {where}")
    period = period_of(data, where.period, where.indicator)
    key = data.dim_key(where.indicator, dict(where.dims))
    return where.indicator, period, key, data.observation(where.indicator, period, key)


def evaluate(data: ReleaseData, where: Address, lang: str) -> Cell:
    """Read (or derive) one cell and format it."""
    if isinstance(where, Gap):
        return _gap(data, where, lang)
    indicator, period, key, obs = read(data, where)
    decimals = data.indicator(indicator).decimals
    text = cell_text(obs, decimals, lang)
    value = obs.value if obs is not None and obs.available and not obs.confidential else None
    record = {
        "indicator": indicator,
        "period": period,
        "dim_key": key,
        "value": None if obs is None else _plain(obs.value),
        "text": text,
    }
    notes = (obs.footnote_id,) if obs is not None and obs.footnote_id else ()
    return Cell(text, value, record, notes)


def _plain(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else value


def _gap(data: ReleaseData, gap: Gap, lang: str) -> Cell:
    a, b = evaluate(data, gap.a, lang), evaluate(data, gap.b, lang)
    assert gap.a.indicator is not None
    decimals = gap.decimals
    if decimals is None:
        decimals = data.indicator(gap.a.indicator).decimals if gap.op == "difference" else 1
    value: float | None = None
    if a.value is not None and b.value is not None:
        if gap.op == "difference":
            value = a.value - b.value
        elif b.value != 0:
            value = a.value / b.value * 100
    text = NOT_AVAILABLE if value is None else number(value, decimals, lang)
    record = {
        "derived": gap.op,
        "operands": [a.record, b.record],
        "decimals": decimals,
        "value": value,
        "text": text,
    }
    return Cell(text, value, record)


def build_table(data: ReleaseData, table: Table, anchor: str, lang: str) -> BuiltTable:
    """Resolve the axes, read every cell, and gather the notes."""
    rows, cols = resolve(table.rows, data, lang), resolve(table.cols, data, lang)
    indicators = {
        s.indicator
        for s in _sels(table.base, [r.address for r in rows] + [c.address for c in cols])
        if s.indicator
    }
    built = BuiltTable(
        anchor=anchor,
        title=table.title.get(lang),
        unit="",
        stub=table.stub.get(lang) if table.stub else "",
        columns=[c.label for c in cols],
        indicators=indicators,
    )
    built.missing = missing(data, indicators)
    if built.missing is not None:
        return built
    if table.base.period == "last" and table.base.indicator:
        built.title += f", {period_of(data, 'last', table.base.indicator)}"
    unit_codes = {data.indicator(i).unit for i in indicators}
    built.unit = units.short(unit_codes.pop()) if len(unit_codes) == 1 else ""
    footnotes: set[int] = set()
    for row in rows:
        cells = [evaluate(data, address(table.base, row.address, c.address), lang) for c in cols]
        if table.drop_empty and all(c.text in EMPTY for c in cells):
            continue
        for cell in cells:
            footnotes.update(cell.footnotes)
        built.rows.append(Row(row.label, row.level, cells))
    if table.sort_by_value:
        head = [r for r in built.rows if r.level == 0]
        rest = [r for r in built.rows if r.level != 0]
        rest.sort(key=lambda r: -(r.cells[0].value or 0))
        built.rows = head + rest[: table.limit] if table.limit else head + rest
    built.notes = [data.footnote(f, lang) for f in sorted(footnotes)]
    if table.note:
        built.notes.insert(0, table.note.get(lang))
    return built


def missing(data: ReleaseData, indicators: set[str]) -> str | None:
    """The notice a table, chart or sentence prints instead of its numbers when the release
    holds none of some indicator it reads (or the catalog does not know it); else None."""
    absent = sorted(i for i in indicators if i not in data.indicators() or not data.holds(i))
    if not absent:
        return None
    return _("Release {release} holds no data for this table ({ids}).").format(
        release=data.release.id, ids=", ".join(absent)
    )


def indicators_of(base: Sel, *items: Address) -> set[str]:
    """Every indicator an address reads (a gap's two operands)."""
    return {s.indicator for s in _sels(base, list(items)) if s.indicator}


def _sels(base: Sel, items: list[Address]) -> list[Sel]:
    out = [base]
    for item in items:
        if isinstance(item, Gap):
            out += [base.merge(item.a), base.merge(item.b)]
        else:
            out.append(base.merge(item))
    return out


def wanted(data: ReleaseData, base: Sel, rows: Axis, cols: Axis, lang: str) -> set[Cell_]:
    """The (indicator, period, dim_key) of every cell a table or chart will read."""
    out: set[Cell_] = set()
    catalog = data.indicators()
    for row in resolve(rows, data, lang):
        for col in resolve(cols, data, lang):
            where = address(base, row.address, col.address)
            for part in (where.a, where.b) if isinstance(where, Gap) else (where,):
                if part.indicator in catalog:
                    indicator = part.indicator
                    key = data.dim_key(indicator, dict(part.dims))
                    out.add((indicator, period_of(data, part.period, indicator), key))
    return out


Cell_ = tuple[str, str, str]
