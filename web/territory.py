"""Territories: every oblast, city and rayon (СОАТЕ), and a page for each with its key
figures and their ranks — an oblast or a city of republican significance among its peers,
a rayon or a city of oblast significance among those of its oblast.

The key figures are the highlights' (:data:`api.v1.feed.service.KEY_FIGURES`) at the
territory instead of the country; each is read for the territory and its peers in one
indexed read (:func:`store.observations.select_cells`) from the latest public release.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response

from api.http import mark_source, public_answer, reading, snapshot
from api.v1.data.service import as_released, present_codes
from api.v1.feed.service import KEY_FIGURES
from l10n import _, current_language, texts
from l10n.numbers import shown
from store import read
from store.observations import select_cells
from web.blueprint import blueprint, error_page
from web.render import page

#: Territories ranked together: a level → the levels of its peers.
PEERS = {
    "oblast": ("oblast", "city-republican"),
    "city-republican": ("oblast", "city-republican"),
    "rayon": ("rayon", "city-oblast"),
    "city-oblast": ("rayon", "city-oblast"),
    "city-district": ("city-district",),
}


@dataclass(frozen=True)
class Figure:
    indicator: read.IndicatorInfo
    period: str
    value: float | None
    status: str
    conf: str
    rank: int | None
    peers: int


def territories() -> list[read.CodeInfo]:
    return [c for c in snapshot().codes("soate") if c.level != "country"]


def peers_of(code: read.CodeInfo, codes: list[read.CodeInfo]) -> list[str]:
    """The codes ranked with ``code`` (see :data:`PEERS`); the higher units of a rayon are
    its oblast's."""
    levels = PEERS.get(code.level, (code.level,))
    if code.level in ("oblast", "city-republican"):
        return [c.code for c in codes if c.level in levels]
    return [c.code for c in codes if c.level in levels and c.parent_code == code.parent_code]


def key_figures(code: read.CodeInfo, peers: list[str]) -> list[Figure]:
    snap = snapshot()
    release = snap.latest
    if release is None:
        return []
    cover = snap.coverage(release.id)
    figures = []
    with reading() as connection:
        for indicator_id, cell in KEY_FIGURES:
            info = snap.indicators.get(indicator_id)
            if info is None or info.id not in cover or "soate" not in info.dimensions:
                continue
            info = as_released(snap, release.id, info)
            present = present_codes(snap, release.id, info.id)
            if code.code not in present.get("soate", set()) or not present.get("period"):
                continue
            period = max(present["period"])
            where = {d: [cell.get(d, read.TOTAL)] for d in info.dimensions}
            where["soate"] = [p for p in peers if p in present["soate"]] or [code.code]
            rows = select_cells(connection, release.id, info.id, info.dimensions, [period], where)
            at = info.dimensions.index("soate")
            n = len(info.dimensions)
            by_code = {row[at]: row for row in rows}
            own = by_code.get(code.code)
            if own is None:
                continue
            values = {
                c: v
                for c, row in by_code.items()
                if (v := shown(row[n + 1], row[n + 2], row[n + 3])) is not None
            }
            mine = values.get(code.code)
            rank = None if mine is None else 1 + sum(1 for v in values.values() if v > mine)
            figures.append(
                Figure(info, period, own[n + 1], own[n + 2], own[n + 3], rank, len(values))
            )
    return figures


@blueprint.get("/<lang:lang>/territories/")
@public_answer
def territories_index(lang: str) -> Response:
    codes = territories()
    top = [c for c in codes if c.level in ("oblast", "city-republican")]
    children: dict[str, list[read.CodeInfo]] = {}
    for c in codes:
        if c.parent_code:
            children.setdefault(c.parent_code, []).append(c)
    latest = snapshot().latest
    if latest is not None:
        mark_source(latest.published_at)
    return page(
        "web/territories.html",
        title=_("Territories"),
        top=top,
        children=children,
        levels=texts.SOATE_LEVELS,
    )


@blueprint.get("/<lang:lang>/territories/<string:soate_code>/")
@public_answer
def territory(lang: str, soate_code: str) -> Response:
    codes = snapshot().codes("soate")
    code = next((c for c in codes if c.code == soate_code), None)
    if code is None or code.level == "country":
        return error_page(404, _("Not found"), _("There is no territory with this code."))
    peers = peers_of(code, codes)
    parent = next((c for c in codes if c.code == code.parent_code), None)
    latest = snapshot().latest
    if latest is not None:
        mark_source(latest.published_at)
    return page(
        "web/territory.html",
        title=code.label[current_language()],
        code=code,
        kind=str(texts.SOATE_LEVELS.get(code.level, code.level)),
        parent=parent if parent is not None and parent.level != "country" else None,
        children=[c for c in codes if c.parent_code == code.code],
        figures=key_figures(code, peers),
        peer_kind=" / ".join(str(texts.SOATE_LEVELS[lv]) for lv in PEERS.get(code.level, ())),
        release=latest,
    )
