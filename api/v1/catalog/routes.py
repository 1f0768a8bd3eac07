"""``/api/v1/catalog``: every indicator, and one indicator with its codes and periods."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from api.http import json_response, next_publication, public_answer, snapshot
from api.openapi import problems
from api.v1 import schemas as s
from api.v1.catalog import service
from l10n import current_language

blueprint = Blueprint("catalog", __name__, url_prefix="/api/v1", description="Indicators")


@blueprint.route("/catalog")
class CatalogView(MethodView):
    @blueprint.arguments(s.PageArgs(), location="query")
    @blueprint.response(200, s.Catalog)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, args: dict[str, Any]) -> Response:
        """Topics and indicators: names, units, dimensions, periods, updates, stable ids."""
        body = service.catalog(
            snapshot(), next_publication(), current_language(), args.get("cursor"), args["limit"]
        )
        return json_response(body)


@blueprint.route("/catalog/minimum-set")
class MinimumSetView(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.MinimumSet)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """The UN Minimum Set of Gender Indicators (52, UN Statistical Commission 2013): for
        each, this catalog's figures in the latest release, or why there are none."""
        return json_response(service.minimum_set(snapshot(), current_language()))


@blueprint.route("/catalog/<string:indicator_id>")
class CatalogEntryView(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.CatalogEntry)
    @blueprint.doc(**problems(400, 404))
    @public_answer
    def get(self, _args: dict[str, Any], indicator_id: str) -> Response:
        """One indicator with the codes of every dimension and its periods."""
        body = service.catalog_entry(
            snapshot(), next_publication(), current_language(), indicator_id
        )
        return json_response(body)
