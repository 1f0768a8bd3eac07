"""``/api/v1/classifiers``: the codelists, one codelist, and СОАТЕ as a tree."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from api.http import json_response, public_answer, snapshot
from api.openapi import problems
from api.v1 import schemas as s
from api.v1.classifiers import service
from l10n import current_language

blueprint = Blueprint("classifiers", __name__, url_prefix="/api/v1", description="Codelists")


@blueprint.route("/classifiers")
class ClassifiersView(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.Classifiers)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """Every codelist (СОАТЕ, countries, sex, ages, …)."""
        return json_response(service.classifier_list(snapshot(), current_language()))


@blueprint.route("/classifiers/soate/tree")
class SoateTreeView(MethodView):
    @blueprint.arguments(s.LangArgs(), location="query")
    @blueprint.response(200, s.Tree)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """СОАТЕ as a tree: country, oblasts and cities, districts."""
        return json_response(service.soate_tree(snapshot(), current_language()))


@blueprint.route("/classifiers/<string:codelist_id>")
class ClassifierView(MethodView):
    @blueprint.arguments(s.ClassifierArgs(), location="query")
    @blueprint.response(200, s.Classifier)
    @blueprint.doc(**problems(400, 404))
    @public_answer
    def get(self, args: dict[str, Any], codelist_id: str) -> Response:
        """The codes of one codelist with labels, parents and levels (or one code's)."""
        body = service.classifier(
            snapshot(),
            current_language(),
            codelist_id,
            args.get("cursor"),
            args["limit"],
            args.get("code"),
        )
        return json_response(body)
