"""Routes of users' data requests: parse, call one service of :mod:`exports.requests`, return.

Public: ``POST /api/v1/requests`` (intake), ``GET /api/v1/requests/status/<token>`` (the
requester's view, with fresh signed links once fulfilled), ``GET /api/v1/downloads/<link>``.
Staff (bearer token with the ``requests`` role): list, inspect with the audit trail,
accept / reject, fulfil (queue for the worker that makes the files).

None of these answers is cached (``no-store``, no ETag), so neither the HTTP caches nor the
API's replay layer can serve a file after its link expired. The services' errors (unknown
request, wrong state, expired link…) become problem+json in :mod:`api.errors`.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from flask import Response, request, send_file, url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from api import openapi
from api.cache import utcnow
from api.http import config, database, json_response, private
from api.openapi import problem_responses
from api.requests import schemas as s
from api.staff.routes import requires
from exports import requests as service

ROLE = "requests"
public = Blueprint(
    "data_requests", __name__, url_prefix="/api/v1", description="Users' data requests"
)
staff = Blueprint(
    "staff_requests",
    __name__,
    url_prefix="/api/v1/staff/requests",
    description="Data requests: review and fulfil (bearer token, role requests)",
)


_FILES = (
    "text/csv",
    "application/vnd.sdmx.data+csv",
    "application/json",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)


def _success(ok: int, files: bool = False) -> dict[str, Any]:
    content = {t: {"schema": {"type": "string", "format": "binary"}} for t in _FILES}
    return {
        str(ok): {"description": "The file.", "content": content}
        if files
        else {"description": "OK", "content": {"application/json": {"schema": {}}}}
    }


def documented(*codes: int, ok: int | None = None, files: bool = False) -> dict[str, Any]:
    """OpenAPI responses: the problem+json errors a route may answer (and its success)."""
    responses = problem_responses(*codes)
    if ok is not None:
        responses.update(_success(ok, files))
    return {"responses": responses}


def staff_doc(*codes: int, ok: int) -> dict[str, Any]:
    """The same for a staff route: the bearer token, its 401 and 403, and the success."""
    return openapi.staff(*codes, ok=_success(ok))


def _settings() -> service.Settings:
    return service.Settings.from_config(config())


def _actor() -> str:
    """Who did it, for the audit trail: the staff token, by a digest (never the token)."""
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return f"staff:{hashlib.sha256(token.encode()).hexdigest()[:10]}"


def _now() -> datetime:
    return utcnow()


@public.route("/requests")
class RequestsView(MethodView):
    @public.arguments(s.NewRequest)
    @public.response(202, s.Received)
    @public.doc(**documented(400))
    def post(self, body: dict[str, Any]) -> Response:
        """Ask for data: contact, purpose, the table, language and formats."""
        with database().transaction() as session:
            row, token = service.submit(session, body, _now())
            answer = {"id": row.id, "status": row.status.value, "token": token}
        answer["status_url"] = url_for("data_requests.StatusView", token=token)
        return private(json_response(answer, status=202))


@public.route("/requests/status/<string:token>")
class StatusView(MethodView):
    @public.doc(**documented(404, ok=200))
    def get(self, token: str) -> Response:
        """The state of one's request, its progress, and signed links to the files."""
        settings = _settings()
        with database().session() as session:
            body = service.public_view(
                service.by_token(session, token),
                settings,
                lambda signed: url_for("data_requests.DownloadView", link=signed),
            )
        return private(json_response(body))


@public.route("/downloads/<string:link>")
class DownloadView(MethodView):
    @public.doc(**documented(404, 410, ok=200, files=True))
    def get(self, link: str) -> Response:
        """One file of a fulfilled request, through an expiring signed link."""
        with database().session() as session:
            path, media_type = service.download(session, link, _settings(), _now())
        response = send_file(
            path, mimetype=media_type, as_attachment=True, download_name=path.name, etag=False
        )
        return private(response)


@staff.route("")
class StaffListView(MethodView):
    @staff.arguments(s.ListArgs, location="query")
    @staff.doc(**staff_doc(400, ok=200))
    @requires(ROLE)
    def get(self, args: dict[str, Any]) -> Response:
        """Requests, newest first (optionally of one status)."""
        with database().session() as session:
            return private(json_response(service.staff_list(session, args.get("status"))))


@staff.route("/<string:request_id>")
class StaffRequestView(MethodView):
    @staff.doc(**staff_doc(404, ok=200))
    @requires(ROLE)
    def get(self, request_id: str) -> Response:
        """One request: contact, what was asked, files, disclosure control, audit trail."""
        with database().session() as session:
            return private(json_response(service.staff_view(service.by_id(session, request_id))))


@staff.route("/<string:request_id>/review")
class ReviewView(MethodView):
    @staff.arguments(s.Review)
    @staff.doc(**staff_doc(400, 404, 409, ok=200))
    @requires(ROLE)
    def post(self, body: dict[str, Any], request_id: str) -> Response:
        """Accept a request (received → in work) or reject it with a reason."""
        with database().transaction() as session:
            row = service.review(
                session, request_id, body["action"], _actor(), _now(), body.get("reason")
            )
            answer = service.staff_view(row)
        return private(json_response(answer))


@staff.route("/<string:request_id>/fulfil")
class FulfilView(MethodView):
    @staff.doc(**staff_doc(400, 404, 409, ok=202))
    @requires(ROLE)
    def post(self, request_id: str) -> Response:
        """Queue the files of an accepted request for the export worker (202)."""
        with database().transaction() as session:
            answer = service.staff_view(service.queue(session, request_id, _actor(), _now()))
        return private(json_response(answer, status=202))


def register_requests(app: Any) -> None:
    """Add the routes to the app's flask-smorest Api (so they appear in the OpenAPI document)."""
    api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    api.register_blueprint(public)
    api.register_blueprint(staff)
