"""The resolvers of :class:`publishing.spec.Listing`: tables whose rows are a list of items.

A grid table reads one address per cell; some tables are not grids. The annex of "Women and
Men" lists the 52 items of the UN Minimum Set of Gender Indicators, each answered by its own
indicator and selection (``store.minimum_set``), or not at all and why. A resolver reads
such a list from the release in the book's language and returns its rows; numbers are
printed by :mod:`l10n.numbers` and units named by :mod:`l10n.units`, and every printed
number leaves the same record as a table cell's, so that the books' test compares it with
``/api/v1/data``. A new list is a function here and a name in :data:`LISTINGS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from l10n import gettext as _
from l10n import numbers, units
from publishing.data import ReleaseData
from publishing.spec import Dim
from publishing.tables import Record, code_label
from store.minimum_set import Cell
from store.models import ConfStatus


@dataclass
class ListedRow:
    """One row of a listing: its cells, each a list of lines.

    ``key`` says what the row is (the item's number, a group's id) so that a test can match
    it with another list; ``group`` is a heading over the rows that follow (one cell);
    ``absent`` marks an item the release does not answer.
    """

    key: str
    cells: list[list[str]]
    group: bool = False
    absent: bool = False
    records: list[Record] = field(default_factory=list)


Resolver = Callable[[ReleaseData, str], list[ListedRow]]
# Dimensions whose codes a line of figures puts side by side ("Male 70.9; Female 42.3").
SEX_DIMENSIONS = ("sex", "head_sex")
SEX_ORDER = ("M", "F", "_T")


def _record(
    data: ReleaseData,
    indicator: str,
    period: str,
    dims: dict[str, str],
    value: float | None,
    status: str,
    lang: str,
) -> tuple[str, Record]:
    """The printed text of a stored value and the record a table cell would leave."""
    decimals = data.indicator(indicator).decimals
    text = numbers.cell_text(value, status, ConfStatus.FREE.value, decimals, lang)
    record = {
        "indicator": indicator,
        "period": period,
        "dim_key": data.dim_key(indicator, dims),
        "value": value,
        "text": text,
    }
    return text, record


def minimum_set(data: ReleaseData, lang: str) -> list[ListedRow]:
    """The UN Minimum Set against the release: number, indicator, the figures (with the
    standard error of a survey estimate beside it), their period and unit; or "not
    available" and the reason. Items are grouped by the Set's five domains."""
    domains, resolutions = data.minimum_set()
    rows: list[ListedRow] = []
    domain = None
    for resolution in resolutions:
        item = resolution.item
        if item.domain != domain:
            domain = item.domain
            rows.append(ListedRow(domain, [[domains[domain][lang]]], group=True))
        number = str(item.number)
        name = [item.name[lang]]
        if not resolution.available:
            reason = resolution.reason[lang] if resolution.reason else ""
            rows.append(
                ListedRow(number, [[number], name, [_("Not available"), reason], []], absent=True)
            )
            continue
        row = ListedRow(number, [[number], name, [], []])
        by_indicator: dict[str, list[Cell]] = {}
        for cell in resolution.cells:
            by_indicator.setdefault(cell.indicator, []).append(cell)
        notes = {a.indicator: a.note[lang] for a in item.answers if a.note}
        for indicator, cells in by_indicator.items():
            info = data.indicator(indicator)
            if len(by_indicator) > 1:
                row.cells[2].append(str(getattr(info, f"name_{lang}")) + ":")
            varying = _varying([dict(c.dims) for c in cells])
            sexes = [d for d in varying if d in SEX_DIMENSIONS]
            others = [d for d in varying if d not in SEX_DIMENSIONS]
            se_id = (info.attributes or {}).get("standard_error")
            # One line for each combination of the other codes, its sexes side by side.
            lines: dict[tuple[str, ...], list[tuple[int, str]]] = {}
            for cell in cells:
                dims = dict(cell.dims)
                text, record = _record(
                    data, indicator, cell.period, dims, cell.value, cell.status, lang
                )
                row.records.append(record)
                if cell.standard_error is not None and se_id:
                    se_text, se_record = _record(
                        data, se_id, cell.period, dims, cell.standard_error, cell.status, lang
                    )
                    row.records.append(se_record)
                    text = _("{value} (s.e. {error})").format(value=text, error=se_text)
                sex = [code_label(data, Dim(d).codelist, dims[d], lang) for d in sexes]
                order = SEX_ORDER.index(dims[sexes[0]]) if sexes else 0
                key = tuple(code_label(data, Dim(d).codelist, dims[d], lang) for d in others)
                figure = f"{', '.join(sex)} {text}" if sex else text
                lines.setdefault(key, []).append((order, figure))
            for key, figures in lines.items():
                joined = "; ".join(figure for _order, figure in sorted(figures))
                row.cells[2].append(f"{', '.join(key)}: {joined}" if key else joined)
            periods = sorted({c.period for c in cells})
            row.cells[3].append(f"{', '.join(periods)}; {units.label(info.unit)}")
            if indicator in notes:
                row.cells[1].append(notes[indicator])
        rows.append(row)
    return rows


def _varying(dims: list[dict[str, str]]) -> list[str]:
    """The dimensions whose code differs among the cells (what labels each figure)."""
    if len(dims) < 2:
        return []
    return [d for d in dims[0] if len({cell.get(d) for cell in dims}) > 1]


LISTINGS: dict[str, Resolver] = {"minimum_set": minimum_set}
