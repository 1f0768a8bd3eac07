"""``/api/v1/highlights``, ``/search``, ``/sync``: what the app shows first and keeps fresh."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from api.http import json_response, public_answer, reading, snapshot
from api.openapi import problems
from api.v1 import schemas as s
from api.v1.feed import service
from l10n import current_language

blueprint = Blueprint(
    "feed", __name__, url_prefix="/api/v1", description="Highlights, search, sync"
)


@blueprint.route("/highlights")
class HighlightsView(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.Highlights)
    @blueprint.doc(**problems(400, 404))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """Kyrgyzstan in figures: key figures, their change, one sentence each."""
        return json_response(service.highlights(reading, snapshot(), current_language()))


@blueprint.route("/search")
class SearchView(MethodView):
    @blueprint.arguments(s.SearchArgs(), location="query")
    @blueprint.response(200, s.SearchAnswer)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, args: dict[str, Any]) -> Response:
        """Indicators and territories in ky/ru/en; Latin or Cyrillic, ң/ө/ү as н/о/у."""
        body = service.search(
            snapshot(), current_language(), args["q"], args.get("cursor"), args["limit"]
        )
        return json_response(body)


@blueprint.route("/sync")
class SyncView(MethodView):
    @blueprint.arguments(s.SyncArgs(), location="query")
    @blueprint.response(200, s.Sync)
    @blueprint.doc(**problems(400, 404))
    @public_answer
    def get(self, args: dict[str, Any]) -> Response:
        """What changed since the version (release id) the app holds."""
        return json_response(service.sync(snapshot(), args.get("since")))
