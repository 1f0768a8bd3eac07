"""``/api/v1/publications``: the built PDFs of public releases, and each one's download."""

from __future__ import annotations

from typing import Any

from flask import Response, send_file
from flask.views import MethodView
from flask_smorest import Blueprint

from api.http import config, json_response, public_answer, snapshot
from api.openapi import problems
from api.v1 import schemas as s
from api.v1.publications import service

blueprint = Blueprint(
    "publications", __name__, url_prefix="/api/v1", description="PDF publications"
)


@blueprint.route("/publications")
class PublicationsView(MethodView):
    @blueprint.arguments(s.PublicationArgs(), location="query")
    @blueprint.response(200, s.Publications)
    @blueprint.doc(**problems(400))
    @public_answer
    def get(self, args: dict[str, Any]) -> Response:
        """Built PDFs of public releases, by language and release, with download links."""
        body = service.publications(snapshot(), config().publications_dir, args.get("language"))
        return json_response(body)


@blueprint.route("/publications/files/<path:name>")
class PublicationFileView(MethodView):
    @blueprint.response(200, content_type="application/pdf", description="The PDF.")
    @blueprint.doc(**problems(404, conditional=False))
    def get(self, name: str) -> Response:
        """Download one PDF of a public release."""
        path = service.publication_path(snapshot(), config().publications_dir, name)
        return send_file(path, mimetype="application/pdf", conditional=True)
