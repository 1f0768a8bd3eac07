"""Staff routes under ``/api/v1/staff``: a bearer token from ``STATKG_API_TOKENS`` with a role."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from api.cache import utcnow
from api.errors import ApiError
from api.http import config, database, json_response, private, state
from api.openapi import staff
from api.staff import schemas, service
from l10n import _, current_language

F = TypeVar("F", bound=Callable[..., Any])
blueprint = Blueprint(
    "staff", __name__, url_prefix="/api/v1/staff", description="Staff only (bearer token)"
)


def requires(role: str) -> Callable[[F], F]:
    """Let the request through only with a configured token that has ``role``."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            header = request.headers.get("Authorization", "")
            token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
            roles = next(
                (
                    r
                    for known, r in config().api_tokens.items()
                    if token and hmac.compare_digest(known.encode(), token.encode())
                ),
                None,
            )
            if roles is None:
                raise ApiError(401, "unauthorized", _("This address needs a staff token."))
            if role not in roles:
                raise ApiError(403, "forbidden", _("This token may not do that."), role=role)
            return view(*args, **kwargs)

        return cast(F, wrapper)

    return decorate


@blueprint.route("/ingest")
class IngestView(MethodView):
    @blueprint.response(200, schemas.IngestStatus)
    @blueprint.doc(**staff())
    @requires("reader")
    def get(self) -> Response:
        """The latest ingest batches and their counts."""
        with database().session() as session:
            return private(json_response(service.ingest_status(session)))


@blueprint.route("/quality")
class QualityView(MethodView):
    @blueprint.response(200, schemas.Quality)
    @blueprint.doc(**staff())
    @requires("reader")
    def get(self) -> Response:
        """Open quarantine by source and reason, and the checks of every release."""
        with database().session() as session:
            return private(json_response(service.quality(session)))


@blueprint.route("/releases/<string:release_id>/publish")
class PublishView(MethodView):
    @blueprint.response(200, schemas.Published)
    @blueprint.doc(**staff(404, 409))
    @requires("publisher")
    def post(self, release_id: str) -> Response:
        """Make a release that passed its checks public now."""
        with database().session() as session:
            body = service.publish(session, release_id, utcnow())
        state().invalidate()
        return private(json_response(body))


@blueprint.route("/quality/<string:source>/report")
class QualityReportView(MethodView):
    @blueprint.doc(
        parameters=[
            {"name": n, "in": "query", "required": True, "schema": {"type": "string"}}
            for n in ("from", "to")
        ],
        **staff(400, 404, ok={"200": {"description": "The page.", "content": {"text/html": {}}}}),
    )
    @requires("reader")
    def get(self, source: str) -> Response:
        """The quality report of one source for a period, as a page (``?lang=`` ky/ru/en)."""
        period = service.quality_period(request.args.get("from"), request.args.get("to"))
        with database().session() as session:
            page = service.quality_page(session, source, *period, current_language())
        return private(Response(page, mimetype="text/html"))
