"""The catalog: topics and indicators with their units, dimensions, periods and updates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from api import vocabulary as words
from api.exceptions import NotFoundError
from api.metadata import Snapshot
from api.paging import page
from api.v1.data.service import present_codes
from l10n import _, texts
from store import minimum_set as minimum_set_data
from store import read


def _entry(
    snapshot: Snapshot,
    info: read.IndicatorInfo,
    lang: str,
    release: read.ReleaseInfo | None,
    cover: read.Coverage | None,
    next_update: datetime | None,
) -> dict[str, Any]:
    names = snapshot.codelists
    return {
        "id": info.id,
        "topic": info.topic,
        "label": info.name[lang],
        "definition": info.definition[lang],
        "methodology": (info.methodology or {}).get(lang),
        "unit": info.unit,
        "unit_label": words.unit_label(info.unit),
        "unit_base": info.unit_base,
        "decimals": info.decimals,
        "dimensions": [
            {
                "id": d,
                "codelist": info.codelists.get(d, d),
                "label": names[info.codelists.get(d, d)].name[lang]
                if info.codelists.get(d, d) in names
                else d,
            }
            for d in info.dimensions
        ],
        "first_period": cover.first_period if cover else None,
        "last_period": cover.last_period if cover else None,
        "updated": release.published_at.isoformat() if release and cover else None,
        "next_update": next_update.isoformat() if next_update else None,
        "release": release.id if release and cover else None,
        "discontinued": info.discontinued,
        "replaced_by": info.replaced_by,
        "data_url": f"/api/v1/data/{info.id}",
        "standard_error": info.standard_error,
        "standard_error_of": info.standard_error_of,
    }


def catalog(
    snapshot: Snapshot,
    next_update: datetime | None,
    lang: str,
    cursor: str | None,
    limit: int,
) -> dict[str, Any]:
    """``next_update``: when the next scheduled release becomes public (``None``: none is)."""
    release = snapshot.latest
    cover = snapshot.coverage(release.id) if release else {}
    entries = [
        _entry(snapshot, info, lang, release, cover.get(info.id), next_update)
        for info in snapshot.indicators.values()
        if info.id in cover or info.discontinued
    ]
    body = page(entries, cursor, limit, "catalog")
    topics = sorted({e["topic"] for e in entries})
    return {
        "topics": [{"id": t, "label": str(texts.TOPICS[t])} for t in topics],
        "indicators": body["items"],
        "next": body["next"],
        "release": release.id if release else None,
        "synthetic": bool(release and release.synthetic),
    }


def catalog_entry(
    snapshot: Snapshot, next_update: datetime | None, lang: str, indicator_id: str
) -> dict[str, Any]:
    info = snapshot.indicators.get(indicator_id)
    release = snapshot.latest
    cover = snapshot.coverage(release.id) if release else {}
    if info is None or (info.id not in cover and not info.discontinued):
        raise NotFoundError("unknown-indicator", _("There is no indicator with this id."))
    entry = _entry(snapshot, info, lang, release, cover.get(info.id), next_update)
    if release is not None and info.id in cover:
        present = present_codes(snapshot, release.id, info.id)
        for dim in entry["dimensions"]:
            have = present.get(dim["id"], set())
            dim["codes"] = [
                {"code": c.code, "label": c.label[lang], "parent": c.parent_code, "level": c.level}
                for c in snapshot.codes(dim["codelist"])
                if c.code in have
            ]
        entry["periods"] = sorted(present.get("period", set()))
    return entry


def minimum_set(snapshot: Snapshot, lang: str) -> dict[str, Any]:
    """The UN Minimum Set of Gender Indicators against the latest public release: for each of
    the 52, the figures of this catalog that answer it (with standard errors of survey
    estimates) or why the release has none (:mod:`store.minimum_set`)."""
    release = snapshot.latest
    resolved = (
        snapshot.memo(
            ("minimum_set", release.id),
            lambda session: minimum_set_data.resolve(session, release.id),
        )
        if release is not None
        else [
            minimum_set_data.Resolution(item, (), item.reason or minimum_set_data.NO_DATA)
            for item in minimum_set_data.MINIMUM_SET
        ]
    )
    return {
        "release": release.id if release else None,
        "synthetic": bool(release and release.synthetic),
        "domains": [
            {"id": key, "label": text[lang]} for key, text in minimum_set_data.DOMAINS.items()
        ],
        "items": [
            {
                "number": r.item.number,
                "domain": r.item.domain,
                "label": r.item.name[lang],
                "available": r.available,
                "reason": r.reason[lang] if r.reason else None,
                "answers": [
                    {
                        "indicator": a.indicator,
                        "select": {d: list(codes) for d, codes in a.select.items()},
                        "note": a.note[lang] if a.note else None,
                        "data_url": f"/api/v1/data/{a.indicator}",
                    }
                    for a in r.item.answers
                ],
                "cells": [
                    {
                        "indicator": c.indicator,
                        "period": c.period,
                        "dims": dict(c.dims),
                        "value": c.value,
                        "status": c.status,
                        "standard_error": c.standard_error,
                    }
                    for c in r.cells
                ],
            }
            for r in resolved
        ],
    }
