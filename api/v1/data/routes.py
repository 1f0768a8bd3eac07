"""``/api/v1/data/{indicator}``: the cells of one indicator, GET or POST (long selections)."""

from __future__ import annotations

from typing import Any

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from api.http import config, json_response, mark_source, public_answer, reading, snapshot
from api.openapi import problems
from api.v1 import schemas as s
from api.v1.data import service
from l10n import current_language

blueprint = Blueprint("data", __name__, url_prefix="/api/v1", description="Observations")

_DOC = {
    "responses": {
        "200": {
            "description": "Compact JSON, or JSON-stat 2.0 with format=jsonstat.",
            "content": {
                "application/json": {
                    "schema": {
                        "oneOf": [
                            {"$ref": "#/components/schemas/DataCompact"},
                            {"$ref": "#/components/schemas/JsonStatDataset"},
                        ]
                    }
                }
            },
        },
        **problems(400, 404, 413)["responses"],
    },
    "parameters": [
        {
            "name": "valueCodes",
            "in": "query",
            "style": "deepObject",
            "explode": True,
            "description": "Selection per dimension, valueCodes[dim]=expression: codes, *, "
            "wildcards, top(n), bottom(n), from(x), to(x), range(x,y), level(l), "
            "children(c), descendants(c); comma-separated, repeated codes ignored.",
            "schema": {"type": "object", "additionalProperties": {"type": "string"}},
        }
    ],
}


def _selection_from_query() -> dict[str, str]:
    selection: dict[str, str] = {}
    for key, value in request.args.items(multi=True):
        if key.startswith("valueCodes[") and key.endswith("]"):
            dim = key[len("valueCodes[") : -1]
            selection[dim] = f"{selection[dim]},{value}" if dim in selection else value
    return selection


def _answer(query: service.DataQuery) -> Response:
    answer = service.run(reading, snapshot(), query, current_language(), config().api_cell_limit)
    mark_source(answer.published_at, immutable=answer.pinned)
    return json_response(answer.body)


@blueprint.route("/data/<string:indicator_id>")
class DataView(MethodView):
    @blueprint.arguments(s.DataArgs(), location="query")
    @blueprint.doc(**_DOC)
    @public_answer
    def get(self, args: dict[str, Any], indicator_id: str) -> Response:
        """One indicator of a public release, cut by a selection (see valueCodes)."""
        return _answer(
            service.DataQuery(
                indicator_id,
                _selection_from_query(),
                args.get("release"),
                args["format"],
                args["limit"],
                args.get("cursor"),
            )
        )

    @blueprint.arguments(s.DataArgs(), location="query")
    @blueprint.arguments(s.DataBody(), location="json")
    @blueprint.doc(**{**_DOC, "parameters": []})
    @public_answer
    def post(self, args: dict[str, Any], body: dict[str, Any], indicator_id: str) -> Response:
        """The same as GET, with the selection in the body (for long selections)."""
        return _answer(
            service.DataQuery(
                indicator_id,
                body["selection"],
                args.get("release"),
                args["format"],
                args["limit"],
                args.get("cursor"),
            )
        )
