"""The cells a page shows: the selection read through the API's data service, laid out as
a table (periods across, the other dimensions down), and the same cells as an export table
for the downloads — so that a page, its downloads and the API link hold one set of cells.

A selection comes from the page's query arguments in the API's grammar
(:mod:`api.selection`): ``?soate=41702,41703&sex=*&period=top(5)`` — a dimension's id as
the argument (``valueCodes[dim]``, the API's spelling, is read too), repeated arguments
joined as a union (what a form's check boxes send). A dimension not named gets the page's
default, which is a small first view: the country, its oblasts and the two cities; the
total of other dimensions; the last five periods.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import numpy as np
from werkzeug.datastructures import MultiDict

from api.exceptions import NotFoundError
from api.http import config, reading, snapshot
from api.v1.data import service as data
from exports.table import Dimension, Table
from l10n import _, current_language, in_every_language, texts
from store import read

#: The most cells one page shows (a phone on a slow line; about 150 kB of table). A larger
#: selection is refused with the form kept; its downloads stay available up to the API's
#: own limit.
PAGE_CELLS = 1500
DEFAULT_LEVELS = ("country", "oblast", "city-republican")
DEFAULT_PERIODS = 5
#: The form's two period selects (first and last period): a range in the API's grammar.
PERIOD_FROM, PERIOD_TO = "period_from", "period_to"
RESERVED = ("release", "lang", PERIOD_FROM, PERIOD_TO)


def requested(args: MultiDict[str, str]) -> dict[str, str]:
    """The selection the query arguments name: dimension → expression (repeats joined).

    The form's period selects become ``range(first,last)`` (either alone ``from(…)`` or
    ``to(…)``) unless the address names ``period`` itself.
    """
    selection: dict[str, str] = {}
    for key, value in args.items(multi=True):
        dim = key[len("valueCodes[") : -1] if key.startswith("valueCodes[") else key
        if dim in RESERVED or not value.strip():
            continue
        selection[dim] = f"{selection[dim]},{value}" if dim in selection else value
    first, last = args.get(PERIOD_FROM, "").strip(), args.get(PERIOD_TO, "").strip()
    if "period" not in selection and (first or last):
        if first and last:
            selection["period"] = f"range({first},{last})"
        else:
            selection["period"] = f"from({first})" if first else f"to({last})"
    return selection


def default_codes(domain: Any, codelist: str) -> list[str]:
    """The codes a dimension starts with when the query names none (see the module doc)."""
    codes = list(domain.codes)
    if domain.id == "period":
        return codes[-DEFAULT_PERIODS:]
    if codelist == "soate":
        chosen = [c for c in codes if domain.levels.get(c) in DEFAULT_LEVELS]
        return chosen or codes[:1]
    if read.TOTAL in codes:
        return [read.TOTAL]
    return codes[:1]


@dataclass(frozen=True)
class View:
    """One indicator's cells as a page shows them."""

    selection: data.Selection
    expressions: dict[str, str]  # every dimension's expression, defaults written out
    pinned: bool

    @property
    def info(self) -> read.IndicatorInfo:
        return self.selection.info

    @property
    def release(self) -> read.ReleaseInfo:
        return self.selection.release

    def api_url(self) -> str:
        """The same query in the API (its spelling: ``valueCodes[dim]=…``)."""
        args = [(f"valueCodes[{d}]", e) for d, e in self.expressions.items()]
        if self.pinned:
            args.append(("release", self.release.id))
        return f"/api/v1/data/{self.info.id}?{urlencode(args)}"

    def query(self) -> str:
        """The page's own query for these cells (downloads and the language switch)."""
        args = list(self.expressions.items())
        if self.pinned:
            args.append(("release", self.release.id))
        return urlencode(args)


def domains_of(indicator_id: str, release_id: str | None) -> tuple[Any, Any, list[Any]]:
    """The release, the indicator (in its key order) and its dimensions, or NotFoundError."""
    snap = snapshot()
    info = snap.indicators.get(indicator_id)
    if info is None or info.id not in snap.public_indicators:
        raise NotFoundError("unknown-indicator", _("There is no indicator with this id."))
    release = data.resolve_release(snap, release_id)
    if info.id not in snap.coverage(release.id):
        raise NotFoundError("unknown-indicator", _("There is no indicator with this id."))
    info = data.as_released(snap, release.id, info)
    return release, info, data.domains(snap, release.id, info)


def expressions_for(doms: Sequence[Any], asked: Mapping[str, str]) -> dict[str, str]:
    """Every dimension's expression: the one asked for, or the default's codes."""
    return {
        domain.id: asked.get(domain.id) or ",".join(default_codes(domain, codelist))
        for domain, _labels, codelist in doms
    }


def view(indicator_id: str, args: MultiDict[str, str], cell_limit: int = PAGE_CELLS) -> View:
    """Read the cells a page's query selects (``data`` errors propagate: 400, 404, 413)."""
    release_id = args.get("release") or None
    _release, _info, doms = domains_of(indicator_id, release_id)
    expressions = expressions_for(doms, requested(args))
    query = data.DataQuery(indicator_id, expressions, release_id, "json", cell_limit)
    selection, _offset = data.select(reading, snapshot(), query, current_language(), cell_limit)
    return View(selection, expressions, pinned=release_id is not None)


def api_limit() -> int:
    return int(config().api_cell_limit)


# ---------------------------------------------------------------- the table's layout


@dataclass(frozen=True)
class Row:
    headers: tuple[str, ...]  # the labels of the varying dimensions
    codes: tuple[str, ...]
    cells: tuple[tuple[Any, ...] | None, ...]  # one store row (or None) per period
    aggregate: bool = False  # a total of other rows shown (the country beside its oblasts)


@dataclass(frozen=True)
class Layout:
    fixed: list[tuple[str, str]]  # (dimension label, the one code's label) shown above
    varying: list[str]  # labels of the row-header dimensions
    periods: list[str]
    rows: list[Row]


def dimension_label(info: read.IndicatorInfo, dim: str, lang: str) -> str:
    return data.dimension_label(info, dim, lang)


def layout(view: View, lang: str) -> Layout:
    """Periods across; the dimensions with more than one chosen code down (the others are
    named above the table)."""
    sel = view.selection
    n = len(sel.info.dimensions)
    by_key = {tuple(r[: n + 1]): r for r in sel.rows}
    doms = [(d, labels) for d, labels, _cl in sel.domains if d.id != "period"]
    periods = sel.chosen["period"]
    fixed = [
        (dimension_label(sel.info, d.id, lang), labels[sel.chosen[d.id][0]][lang])
        for d, labels in doms
        if len(sel.chosen[d.id]) == 1
    ]
    varying = [d for d, _labels in doms if len(sel.chosen[d.id]) > 1]
    label_of = {d.id: labels for d, labels in doms}
    totals = {  # per dimension, the chosen codes that add up others chosen beside them
        d.id: {d.parents.get(c) for c in sel.chosen[d.id]}
        | ({read.TOTAL} if len(sel.chosen[d.id]) > 1 else set())
        for d, _labels in doms
    }
    rows = []
    for codes in itertools.product(*(sel.chosen[d.id] for d, _labels in doms)):
        headers = tuple(
            label_of[d.id][code][lang]
            for d, code in zip((d for d, _l in doms), codes, strict=True)
            if d in varying
        )
        cells = tuple(by_key.get((*codes, p)) for p in periods)
        aggregate = any(
            code in totals[d.id] for d, code in zip((d for d, _l in doms), codes, strict=True)
        )
        rows.append(Row(headers, codes, cells, aggregate))
    return Layout(
        fixed, [dimension_label(sel.info, d.id, lang) for d in varying], list(periods), rows
    )


# ---------------------------------------------------------------- downloads


def export_table(view: View) -> Table:
    """The page's cells as an export table (period first, as :mod:`exports.tables` lays it),
    every chosen code present: exactly the cells the page's table shows."""
    sel = view.selection
    info, n = sel.info, len(sel.info.dimensions)
    names = snapshot().codelists
    dims = []
    periods = sel.chosen["period"]
    dims.append(
        Dimension(
            id="period",
            codelist="period",
            name=in_every_language(lambda: str(texts.PERIOD)),
            codes=tuple(periods),
            parents={p: None for p in periods},
            labels={p: {lang: p for lang in ("ky", "ru", "en")} for p in periods},
        )
    )
    for domain, labels, codelist in sel.domains:
        if domain.id == "period":
            continue
        codes = tuple(sel.chosen[domain.id])
        name = dict(info.dimension_labels.get(domain.id) or {})
        if not name and codelist in names:
            name = dict(names[codelist].name)
        dims.append(
            Dimension(
                id=domain.id,
                codelist=codelist,
                name=name or {"ky": domain.id, "ru": domain.id, "en": domain.id},
                codes=codes,
                parents={c: domain.parents.get(c) for c in codes},
                labels={c: dict(labels[c]) for c in codes},
            )
        )
    shape = tuple(len(d.codes) for d in dims)
    values = np.full(shape, np.nan)
    status = np.full(shape, "M", dtype=object)
    conf = np.full(shape, "F", dtype=object)
    for row in sel.rows:
        position = (dims[0].index[row[n]], *(d.index[row[i]] for i, d in enumerate(dims[1:])))
        value = row[n + 1]
        values[position] = np.nan if value is None or not math.isfinite(value) else value
        status[position], conf[position] = row[n + 2], row[n + 3]
    return Table(
        id=info.id,
        title=dict(info.name),
        unit=info.unit,
        release_id=sel.release.id,
        synthetic=sel.release.synthetic,
        created_at=sel.release.published_at,
        dims=tuple(dims),
        values=values,
        status=status,
        conf=conf,
        additive=info.additive,
        decimals=info.decimals,
        notes=(dict(info.definition), *(dict(note.text) for note in sel.notes.values())),
    )
