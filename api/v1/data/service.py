"""``/api/v1/data``: one indicator of one public release, cut by a selection, in two shapes.

- compact JSON for the phone: the dimensions with their labels once, then rows of codes,
  value, status, confidentiality and footnote ids, paged by an opaque cursor;
- JSON-stat 2.0 (``format=jsonstat``) for standard clients: a dense dataset with ``role``,
  ``status``, ``note``, ``updated`` and the unit and decimals on the metric dimension.

Flags and footnotes travel with every value in both. Values are the published numbers —
rounded half-up to the indicator's decimals, as every book and export prints them
(:func:`l10n.numbers.published`) — and a cell shown by a symbol (confidential, not
available, no cases) carries none.

The hot path: the release, the indicator, its dimensions' codes and labels and the footnotes
come from the metadata snapshot (:mod:`api.metadata`, read once per public state); the cells
come from one indexed read of exactly the selected cells (:func:`store.observations.
select_cells`), as plain tuples ``(code…, period, value, status, conf, footnote_id,
sort_order)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from api import vocabulary as words
from api.exceptions import InvalidSelectionError, NotFoundError, SelectionTooLargeError
from api.metadata import Snapshot
from api.paging import decode_cursor, encode_cursor
from api.selection import Domain, SelectionError, resolve
from l10n import _
from l10n.numbers import number, published
from store import read
from store.observations import key_order, select_cells

#: A dimension: its codes (hierarchy included), labels per code, and its codelist id.
DomainInfo = tuple[Domain, dict[str, Mapping[str, str]], str]


@dataclass(frozen=True)
class DataQuery:
    indicator_id: str
    selection: Mapping[str, str | Sequence[str]]
    release_id: str | None = None
    format: str = "json"
    limit: int = 10_000
    cursor: str | None = None


@dataclass(frozen=True)
class DataAnswer:
    body: dict[str, Any]
    published_at: datetime
    pinned: bool  # the release was named: the answer never changes


def resolve_release(snapshot: Snapshot, release_id: str | None) -> read.ReleaseInfo:
    """The named public release, or the latest; :class:`NotFoundError` otherwise."""
    release = snapshot.latest if release_id is None else snapshot.release(release_id)
    if release is None:
        # The same answer for "no such release" and "not public yet": the embargo hides ids.
        raise NotFoundError("unknown-release", _("There is no public release with this id."))
    return release


def as_released(
    snapshot: Snapshot, release_id: str, info: read.IndicatorInfo
) -> read.IndicatorInfo:
    """The indicator as a release holds it: its dimensions in that release's key order.

    The catalog may reorder an indicator's dimensions for a later release; an answer from an
    earlier one keeps the order that release was written in.
    """
    order = snapshot.memo(
        ("order", release_id, info.id),
        lambda session: key_order(session.connection(), release_id, info.id, info.dimensions),
    )
    return info if order == info.dimensions else replace(info, dimensions=order)


def present_codes(snapshot: Snapshot, release_id: str, indicator_id: str) -> dict[str, set[str]]:
    """The codes each dimension (and ``period``) takes in a release; read once per snapshot."""
    return snapshot.memo(
        ("present", release_id, indicator_id),
        lambda session: read.dimension_codes(session, release_id, indicator_id),
    )


def domains(snapshot: Snapshot, release_id: str, info: read.IndicatorInfo) -> list[DomainInfo]:
    """Each dimension (period last): its codes in display order, labels and codelist id."""
    present = present_codes(snapshot, release_id, info.id)

    def build(_session: Any) -> list[DomainInfo]:
        out: list[DomainInfo] = []
        for dim in info.dimensions:
            codelist = info.codelists.get(dim, dim)
            known = snapshot.codes(codelist)
            have = present.get(dim, set())
            ordered = [c for c in known if c.code in have]
            listed = {c.code for c in ordered}
            extra = sorted(have - listed)
            labels: dict[str, Mapping[str, str]] = {c.code: c.label for c in ordered}
            labels.update({code: {"ky": code, "ru": code, "en": code} for code in extra})
            domain = Domain(
                id=dim,
                codes=[c.code for c in ordered] + extra,
                parents={c.code: c.parent_code for c in ordered},
                levels={c.code: c.level for c in ordered},
            )
            out.append((domain, labels, codelist))
        periods = sorted(present.get("period", set()))
        out.append(
            (
                Domain("period", periods, time=True),
                {p: {"ky": p, "ru": p, "en": p} for p in periods},
                "period",
            )
        )
        return out

    return snapshot.memo(("domains", release_id, info.id), build)


def _choose(
    info: read.IndicatorInfo, doms: list[DomainInfo], selection: Mapping[str, Any]
) -> dict[str, list[str]]:
    """The codes the selection keeps in every dimension (all of them where none is named)."""
    names = {d.id for d, _labels, _cl in doms}
    unknown = sorted(set(selection) - names)
    if unknown:
        raise InvalidSelectionError(
            "unknown-dimension",
            _("%(indicator)s has no dimension %(dims)s.")
            % {"indicator": info.id, "dims": ", ".join(unknown)},
            invalid_params=[{"name": d, "reason": "not a dimension"} for d in unknown],
        )
    chosen: dict[str, list[str]] = {}
    try:
        for domain, _labels, _cl in doms:
            expression = selection.get(domain.id)
            chosen[domain.id] = (
                list(domain.codes) if expression is None else resolve(domain, expression)
            )
    except SelectionError as error:
        raise InvalidSelectionError(
            "invalid-selection",
            _("The selection of %(dim)s cannot be used: %(reason)s")
            % {"dim": error.dimension, "reason": str(error)},
            invalid_params=[{"name": error.dimension, "reason": str(error)}],
        ) from None
    return chosen


@dataclass(frozen=True)
class Selection:
    """The cells a query selects, before any shape is given to them: what the API's two
    shapes and the public pages (``web/``) both start from, so that a page, its downloads
    and the API answer the same query with the same cells.

    ``rows`` are the store's tuples ``(code…, period, value, status, conf, footnote_id,
    sort_order)`` with the stored value (shown through :mod:`l10n.numbers`).
    """

    info: read.IndicatorInfo
    release: read.ReleaseInfo
    domains: list[DomainInfo]
    chosen: dict[str, list[str]]
    rows: list[tuple[Any, ...]]
    notes: dict[int, read.FootnoteInfo]


def select(
    connect: Callable[[], AbstractContextManager[Connection]],
    snapshot: Snapshot,
    query: DataQuery,
    lang: str,
    cell_limit: int,
) -> tuple[Selection, int]:
    """The cells of one query and the offset its cursor names (see :func:`run`)."""
    info = snapshot.indicators.get(query.indicator_id)
    if info is None or info.id not in snapshot.public_indicators:
        # Checked before the cursor and the release are read, so that no answer about an
        # embargoed indicator differs from one about an id that does not exist.
        raise NotFoundError("unknown-indicator", _("There is no indicator with this id."))
    offset = 0
    release_id = query.release_id
    if query.cursor:
        release_id, offset = decode_cursor(query.cursor)
    release = resolve_release(snapshot, release_id)
    if info.id not in snapshot.coverage(release.id) and not info.discontinued:
        # Public, but not in the release asked for.
        raise NotFoundError("unknown-indicator", _("There is no indicator with this id."))
    info = as_released(snapshot, release.id, info)
    doms = domains(snapshot, release.id, info)
    chosen = _choose(info, doms, query.selection)
    cells = math.prod(len(codes) for codes in chosen.values())
    if cells > cell_limit:
        raise SelectionTooLargeError(
            "selection-too-large",
            _("The selection has %(cells)s cells; at most %(limit)s are allowed per query.")
            % {"cells": number(cells, 0, lang), "limit": number(cell_limit, 0, lang)},
            cells=cells,
            cell_limit=cell_limit,
        )
    # Every dimension's chosen codes and how many it has: the store decides how far to seek.
    where = {d.id: chosen[d.id] for d, _labels, _cl in doms if d.id != "period"}
    present = {d.id: len(d.codes) for d, _labels, _cl in doms}
    with connect() as connection:
        rows = select_cells(
            connection,
            release.id,
            info.id,
            info.dimensions,
            chosen["period"],
            where,
            ordered=query.format != "jsonstat",  # a dense cube has an order of its own
            present=present,
        )
    n = len(info.dimensions)
    used = {row[n + 4] for row in rows if row[n + 4] is not None}
    notes = {i: snapshot.footnotes[i] for i in sorted(used) if i in snapshot.footnotes}
    return Selection(info, release, doms, chosen, rows, notes), offset


def run(
    connect: Callable[[], AbstractContextManager[Connection]],
    snapshot: Snapshot,
    query: DataQuery,
    lang: str,
    cell_limit: int,
) -> DataAnswer:
    """Answer one data query (see the module docstring).

    ``connect`` opens a connection for the one read of the cells, held for that alone.
    """
    chosen, offset = select(connect, snapshot, query, lang, cell_limit)
    shape = _jsonstat if query.format == "jsonstat" else _compact
    body = shape(
        chosen.info,
        chosen.release,
        chosen.domains,
        chosen.chosen,
        chosen.rows,
        chosen.notes,
        lang,
        query,
        offset,
    )
    return DataAnswer(body, chosen.release.published_at, pinned=query.release_id is not None)


def release_summary(release: read.ReleaseInfo) -> dict[str, Any]:
    return {
        "id": release.id,
        "reference_period": release.reference_period,
        "status": release.status,
        "published_at": release.published_at.isoformat(),
        "synthetic": release.synthetic,
        "revised_by": list(release.revised_by),
    }


def _indicator(info: read.IndicatorInfo, lang: str) -> dict[str, Any]:
    return {
        "id": info.id,
        "label": info.name[lang],
        "unit": info.unit,
        "unit_label": words.unit_label(info.unit),
        "unit_base": info.unit_base,
        "decimals": info.decimals,
        "discontinued": info.discontinued,
        "replaced_by": info.replaced_by,
    }


def dimension_label(info: read.IndicatorInfo, dim: str, lang: str) -> str:
    """What the dimension is called in ``lang`` (from the catalog); its id as a last resort."""
    if dim == "period":
        return str(words.PERIOD)
    return str(info.dimension_labels.get(dim, {}).get(lang) or dim)


def _compact(
    info: read.IndicatorInfo,
    release: read.ReleaseInfo,
    doms: list[DomainInfo],
    chosen: dict[str, list[str]],
    rows: list[tuple[Any, ...]],
    notes: dict[int, read.FootnoteInfo],
    lang: str,
    query: DataQuery,
    offset: int,
) -> dict[str, Any]:
    n, decimals = len(info.dimensions), info.decimals
    page = rows[offset : offset + query.limit]
    # One list per footnote, shared by its rows (read-only: they are only serialised).
    cell_notes = {i: [] if i is None else [i] for i in {r[n + 4] for r in page}}
    more = offset + query.limit < len(rows)
    used_status = sorted({r[n + 2] for r in page})
    return {
        "indicator": _indicator(info, lang),
        "release": release_summary(release),
        "synthetic": release.synthetic,
        "dimensions": [
            {
                "id": d.id,
                "codelist": codelist,
                "label": dimension_label(info, d.id, lang),
                "codes": [{"code": c, "label": labels[c][lang]} for c in chosen[d.id]],
            }
            for d, labels, codelist in doms
        ],
        "columns": [*info.dimensions, "period", "value", "status", "conf", "footnotes"],
        "rows": [
            [
                *r[: n + 1],
                published(r[n + 1], r[n + 2], r[n + 3], decimals),
                r[n + 2],
                r[n + 3],
                cell_notes[r[n + 4]],
            ]
            for r in page
        ],
        "footnotes": [{"id": note.id, "text": note.text[lang]} for note in notes.values()],
        "flags": {code: str(words.OBS_STATUS.get(code, code)) for code in used_status},
        "total_rows": len(rows),
        "next": encode_cursor(release.id, offset + query.limit) if more else None,
    }


def _jsonstat(
    info: read.IndicatorInfo,
    release: read.ReleaseInfo,
    doms: list[DomainInfo],
    chosen: dict[str, list[str]],
    rows: list[tuple[Any, ...]],
    notes: dict[int, read.FootnoteInfo],
    lang: str,
    query: DataQuery,
    offset: int,
) -> dict[str, Any]:
    ids = ["indicator", *(d.id for d, _labels, _cl in doms)]
    sizes = [1, *(len(chosen[d.id]) for d, _labels, _cl in doms)]
    strides = [1] * len(sizes)
    for i in range(len(sizes) - 2, -1, -1):
        strides[i] = strides[i + 1] * sizes[i + 1]
    # Position of each code, already multiplied by its dimension's stride; period last.
    weights = [
        {c: i * strides[k + 1] for i, c in enumerate(chosen[d.id])}
        for k, (d, _labels, _cl) in enumerate(doms)
    ]
    n = len(info.dimensions)
    total = math.prod(sizes)
    values: list[float | None] = [None] * total
    status: list[str | None] = [None] * total
    conf: dict[str, str] = {}
    cell_notes: dict[str, list[int]] = {}
    flagged: list[tuple[int, int, str, int | None]] = []
    for r in rows:
        index = sum(weights[k][r[k]] for k in range(n + 1))
        values[index] = published(r[n + 1], r[n + 2], r[n + 3], info.decimals)
        status[index] = r[n + 2]
        if r[n + 3] != "F" or r[n + 4] is not None:
            flagged.append((r[n + 5], index, r[n + 3], r[n + 4]))
    # Flags and footnotes are listed in the release's order of their cells.
    for _order, index, confidentiality, footnote in sorted(flagged):
        if confidentiality != "F":
            conf[str(index)] = confidentiality
        if footnote is not None:
            cell_notes[str(index)] = [footnote]
    dimension: dict[str, Any] = {
        "indicator": {
            "label": str(words.INDICATOR),
            "category": {
                "index": [info.id],
                "label": {info.id: info.name[lang]},
                # JSON-stat's ``base`` is text; the number stays in the extension.
                "unit": {
                    info.id: {
                        "label": words.unit_label(info.unit),
                        "decimals": info.decimals,
                        "base": str(info.unit_base),
                    }
                },
            },
        }
    }
    for d, labels, _codelist in doms:
        dimension[d.id] = {
            "label": dimension_label(info, d.id, lang),
            "category": {
                "index": chosen[d.id],
                "label": {c: labels[c][lang] for c in chosen[d.id]},
            },
        }
    geo = [d.id for d, _labels, codelist in doms if codelist == "soate"]
    note = [n.text[lang] for n in notes.values()]
    if release.synthetic:
        note.insert(0, str(words.SYNTHETIC))
    return {
        "version": "2.0",
        "class": "dataset",
        "label": info.name[lang],
        "source": str(words.SOURCE),
        "updated": release.published_at.isoformat(),
        "id": ids,
        "size": sizes,
        "role": {"time": ["period"], "metric": ["indicator"], **({"geo": geo} if geo else {})},
        "dimension": dimension,
        "value": values,
        "status": status,
        "note": note,
        "extension": {
            "release": release_summary(release),
            "synthetic": release.synthetic,
            "unit_base": {info.id: info.unit_base},
            "status_labels": {c: str(t) for c, t in words.OBS_STATUS.items()},
            "conf": conf,
            "footnotes": {str(n.id): n.text[lang] for n in notes.values()},
            "cell_footnotes": cell_notes,
        },
    }
