"""``/api/v1/data``: one indicator of one public release, cut by a selection, in two shapes.

- compact JSON for the phone: the dimensions with their labels once, then rows of codes,
  value, status, confidentiality and footnote ids, paged by an opaque cursor;
- JSON-stat 2.0 (``format=jsonstat``) for standard clients: a dense dataset with ``role``,
  ``status``, ``note``, ``updated`` and the unit and decimals on the metric dimension.

Flags and footnotes travel with every value in both. Confidential cells carry no value.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from api import vocabulary as words
from api.errors import ApiError
from api.selection import Domain, SelectionError, resolve
from l10n import _
from store import read

SUPPRESSED = ("C", "D")


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


class Labels:
    """Codes with labels, per codelist, read once per worker and kept for a minute."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[float, list[read.CodeInfo]]] = {}

    def codes(self, session: Session, codelist_id: str) -> list[read.CodeInfo]:
        import time

        hit = self._cache.get(codelist_id)
        if hit is None or time.monotonic() - hit[0] > 60:
            hit = (time.monotonic(), read.codes(session, codelist_id))
            self._cache[codelist_id] = hit
        return hit[1]


LABELS = Labels()
_DOMAINS: dict[tuple[str, str], dict[str, set[str]]] = {}


def _present(session: Session, release_id: str, indicator_id: str) -> dict[str, set[str]]:
    key = (release_id, indicator_id)
    if key not in _DOMAINS:  # releases are immutable: this never goes stale
        _DOMAINS[key] = read.dimension_codes(session, release_id, indicator_id)
    return _DOMAINS[key]


def encode_cursor(release_id: str, offset: int) -> str:
    raw = json.dumps({"r": release_id, "o": offset}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        release_id, offset = str(data["r"]), int(data["o"])
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise ApiError(
            400,
            "invalid-cursor",
            _("The cursor is not one this API gave out."),
            invalid_params=[{"name": "cursor", "reason": "opaque value from next"}],
        ) from None
    if offset < 0:
        raise ApiError(400, "invalid-cursor", _("The cursor is not one this API gave out."))
    return release_id, offset


def resolve_release(session: Session, now: datetime, release_id: str | None) -> read.ReleaseInfo:
    release = (
        read.latest_public_release(session, now)
        if release_id is None
        else read.public_release(session, release_id, now)
    )
    if release is None:
        # The same answer for "no such release" and "not public yet": the embargo hides ids.
        raise ApiError(404, "unknown-release", _("There is no public release with this id."))
    return release


def _domains(
    session: Session, info: read.IndicatorInfo, present: dict[str, set[str]]
) -> list[tuple[Domain, dict[str, Mapping[str, str]], str]]:
    """Each dimension (period last): its codes in display order, labels and codelist id."""
    out = []
    for dim in info.dimensions:
        codelist = info.codelists.get(dim, dim)
        known = LABELS.codes(session, codelist)
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


def run(
    session: Session, now: datetime, query: DataQuery, lang: str, cell_limit: int
) -> DataAnswer:
    """Answer one data query (see the module docstring); raises :class:`ApiError`."""
    info = read.indicator(session, query.indicator_id)
    if info is None:
        raise ApiError(404, "unknown-indicator", _("There is no indicator with this id."))
    offset = 0
    release_id = query.release_id
    if query.cursor:
        release_id, offset = decode_cursor(query.cursor)
    release = resolve_release(session, now, release_id)
    domains = _domains(session, info, _present(session, release.id, info.id))
    names = {d.id for d, _labels, _cl in domains}
    unknown = sorted(set(query.selection) - names)
    if unknown:
        raise ApiError(
            400,
            "unknown-dimension",
            _("%(indicator)s has no dimension %(dims)s.")
            % {"indicator": info.id, "dims": ", ".join(unknown)},
            invalid_params=[{"name": d, "reason": "not a dimension"} for d in unknown],
        )
    chosen: dict[str, list[str]] = {}
    try:
        for domain, _labels, _cl in domains:
            expression = query.selection.get(domain.id)
            chosen[domain.id] = (
                list(domain.codes) if expression is None else resolve(domain, expression)
            )
    except SelectionError as error:
        raise ApiError(
            400,
            "invalid-selection",
            _("The selection of %(dim)s cannot be used: %(reason)s")
            % {"dim": error.dimension, "reason": str(error)},
            invalid_params=[{"name": error.dimension, "reason": str(error)}],
        ) from None
    cells = math.prod(len(codes) for codes in chosen.values())
    if cells > cell_limit:
        raise ApiError(
            413,
            "selection-too-large",
            _("The selection has %(cells)s cells; at most %(limit)s are allowed per query.")
            % {"cells": f"{cells:,}", "limit": f"{cell_limit:,}"},
            cells=cells,
            cell_limit=cell_limit,
        )
    restrict = {
        d.id: chosen[d.id]
        for d, _labels, _cl in domains
        if d.id != "period" and len(chosen[d.id]) < len(d.codes)
    }
    periods = chosen["period"] if len(chosen["period"]) < len(domains[-1][0].codes) else None
    rows = read.observations(session, release.id, info.id, periods, restrict or None)
    notes = read.footnotes(session, (r.footnote_id for r in rows if r.footnote_id is not None))
    shape = _jsonstat if query.format == "jsonstat" else _compact
    body = shape(info, release, domains, chosen, rows, notes, lang, query, offset)
    return DataAnswer(body, release.published_at, pinned=query.release_id is not None)


def _release(release: read.ReleaseInfo) -> dict[str, Any]:
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


def _dimension_label(info: read.IndicatorInfo, dim: str, lang: str) -> str:
    """What the dimension is called in ``lang`` (from the catalog); its id as a last resort."""
    if dim == "period":
        return str(words.PERIOD)
    return str(info.dimension_labels.get(dim, {}).get(lang) or dim)


def _compact(
    info: read.IndicatorInfo,
    release: read.ReleaseInfo,
    domains: list[tuple[Domain, dict[str, Mapping[str, str]], str]],
    chosen: dict[str, list[str]],
    rows: list[read.ObservationRow],
    notes: dict[int, read.FootnoteInfo],
    lang: str,
    query: DataQuery,
    offset: int,
) -> dict[str, Any]:
    dims = [d.id for d, _labels, _cl in domains if d.id != "period"]
    page = rows[offset : offset + query.limit]
    more = offset + query.limit < len(rows)
    used_status = sorted({r.status for r in page})
    return {
        "indicator": _indicator(info, lang),
        "release": _release(release),
        "synthetic": release.synthetic,
        "dimensions": [
            {
                "id": d.id,
                "codelist": codelist,
                "label": _dimension_label(info, d.id, lang),
                "codes": [{"code": c, "label": labels[c][lang]} for c in chosen[d.id]],
            }
            for d, labels, codelist in domains
        ],
        "columns": [*dims, "period", "value", "status", "conf", "footnotes"],
        "rows": [
            [
                *(r.dims.get(d) for d in dims),
                r.period,
                None if r.conf in SUPPRESSED else r.value,
                r.status,
                r.conf,
                [r.footnote_id] if r.footnote_id is not None else [],
            ]
            for r in page
        ],
        "footnotes": [
            {"id": n.id, "text": n.text[lang]} for n in sorted(notes.values(), key=lambda n: n.id)
        ],
        "flags": {code: str(words.OBS_STATUS.get(code, code)) for code in used_status},
        "total_rows": len(rows),
        "next": encode_cursor(release.id, offset + query.limit) if more else None,
    }


def _jsonstat(
    info: read.IndicatorInfo,
    release: read.ReleaseInfo,
    domains: list[tuple[Domain, dict[str, Mapping[str, str]], str]],
    chosen: dict[str, list[str]],
    rows: list[read.ObservationRow],
    notes: dict[int, read.FootnoteInfo],
    lang: str,
    query: DataQuery,
    offset: int,
) -> dict[str, Any]:
    ids = ["indicator", *(d.id for d, _labels, _cl in domains)]
    sizes = [1, *(len(chosen[d.id]) for d, _labels, _cl in domains)]
    strides = [1] * len(sizes)
    for i in range(len(sizes) - 2, -1, -1):
        strides[i] = strides[i + 1] * sizes[i + 1]
    position = {d.id: {c: i for i, c in enumerate(chosen[d.id])} for d, _l, _c in domains}
    total = math.prod(sizes)
    values: list[float | None] = [None] * total
    status: list[str | None] = [None] * total
    conf: dict[str, str] = {}
    cell_notes: dict[str, list[int]] = {}
    dims = [d.id for d, _labels, _cl in domains if d.id != "period"]
    for r in rows:
        try:
            index = sum(position[d][r.dims[d]] * strides[k + 1] for k, d in enumerate(dims))
            index += position["period"][r.period] * strides[-1]
        except KeyError:
            continue  # a cell outside the selection (the SQL filter is only a prefilter)
        values[index] = None if r.conf in SUPPRESSED else r.value
        status[index] = r.status
        if r.conf != "F":
            conf[str(index)] = r.conf
        if r.footnote_id is not None:
            cell_notes[str(index)] = [r.footnote_id]
    dimension: dict[str, Any] = {
        "indicator": {
            "label": str(words.INDICATOR),
            "category": {
                "index": [info.id],
                "label": {info.id: info.name[lang]},
                "unit": {
                    info.id: {
                        "label": words.unit_label(info.unit),
                        "decimals": info.decimals,
                        "base": info.unit_base,
                    }
                },
            },
        }
    }
    for d, labels, _codelist in domains:
        dimension[d.id] = {
            "label": _dimension_label(info, d.id, lang),
            "category": {
                "index": chosen[d.id],
                "label": {c: labels[c][lang] for c in chosen[d.id]},
            },
        }
    geo = [d.id for d, _labels, codelist in domains if codelist == "soate"]
    note = [n.text[lang] for n in sorted(notes.values(), key=lambda n: n.id)]
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
            "release": _release(release),
            "synthetic": release.synthetic,
            "status_labels": {c: str(t) for c, t in words.OBS_STATUS.items()},
            "conf": conf,
            "footnotes": {str(n.id): n.text[lang] for n in notes.values()},
            "cell_footnotes": cell_notes,
        },
    }
