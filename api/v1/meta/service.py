"""The API's own description: where everything is, its limits, licence and citation."""

from __future__ import annotations

from typing import Any

from api import vocabulary as words
from api.metadata import Snapshot
from api.v1.schemas import ROWS_PER_PAGE
from config import LOCALES, VERSION, Config
from l10n import language


def index(snapshot: Snapshot) -> dict[str, Any]:
    latest = snapshot.latest
    paths = ("catalog", "config", "flags", "classifiers", "releases", "highlights", "search")
    return {
        "name": "StatKG API",
        "synthetic": bool(latest and latest.synthetic),
        "links": {
            **{p: f"/api/v1/{p}" for p in (*paths, "sync", "publications")},
            "data": "/api/v1/data/{indicator}",
            "openapi": "/api/v1/openapi.json",
            "docs": "/api/v1/docs",
        },
        "version": VERSION,
    }


def api_config(snapshot: Snapshot, settings: Config) -> dict[str, Any]:
    latest = snapshot.latest
    citation = {}
    for code in LOCALES:
        with language(code):
            citation[code] = str(words.CITATION) % {"release": latest.id if latest else "—"}
    return {
        "api_version": "1",
        "languages": list(LOCALES),
        "default_language": settings.default_locale,
        "limits": {
            "cells_per_query": settings.api_cell_limit,
            "rows_per_page": ROWS_PER_PAGE,
            "rate": settings.api_rate_limit,
        },
        "licence": {
            "name": str(words.LICENCE),
            "url": "https://creativecommons.org/licenses/by/4.0/",
        },
        "citation": citation,
        "synthetic": bool(latest and latest.synthetic),
        "latest_release": latest.id if latest else None,
        "flags": words.flags(),
    }
