"""``/api/v1/``, ``/ping``, ``/config``, ``/flags``: the API describing itself."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from api import vocabulary as words
from api.http import config, json_response, public_answer, snapshot
from api.openapi import problems
from api.v1 import schemas as s
from api.v1.meta import service

blueprint = Blueprint("meta", __name__, url_prefix="/api/v1", description="Index, config, flags")


@blueprint.route("/ping")
class Ping(MethodView):
    @blueprint.response(200, s.Ping)
    @blueprint.doc(**problems(conditional=False))
    def get(self) -> Response:
        """Liveness in one line: the cheapest answer (the benchmark's baseline)."""
        return json_response({"status": "ok"})


@blueprint.route("/")
class Index(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.Index)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """Where everything is."""
        return json_response(service.index(snapshot()))


@blueprint.route("/config")
class ConfigView(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.Config)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """Languages, limits (cells, rate), licence and the citation in each language."""
        return json_response(service.api_config(snapshot(), config()))


@blueprint.route("/flags")
class FlagsView(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.Flags)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """The observation flags (SDMX OBS_STATUS and CONF_STATUS codes) with their meaning."""
        return json_response(words.flags())
