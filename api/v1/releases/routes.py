"""``/api/v1/releases``: the calendar, and the notes of one public release."""

from __future__ import annotations

from typing import Any

from flask import Response, g
from flask.views import MethodView
from flask_smorest import Blueprint

from api.http import database, json_response, public_answer, snapshot
from api.openapi import problems
from api.v1 import schemas as s
from api.v1.releases import service

blueprint = Blueprint("releases", __name__, url_prefix="/api/v1", description="Release calendar")


@blueprint.route("/releases")
class CalendarView(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.Calendar)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """The calendar: published and revised releases; upcoming ones by id and date only."""
        with database().session() as session:
            return json_response(service.calendar(session, g.now))


@blueprint.route("/releases/<string:release_id>")
class ReleaseView(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.ReleaseNotes)
    @blueprint.doc(**problems(400, 404))
    @public_answer
    def get(self, _args: dict[str, Any], release_id: str) -> Response:
        """Release notes of a public release (checks, years covered)."""
        return json_response(service.release_notes(snapshot(), release_id))
