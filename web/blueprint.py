"""The pages' blueprint, its hooks and error pages (the page modules add their views)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request, send_from_directory
from werkzeug.exceptions import HTTPException

from api.exceptions import (
    InvalidParameterError,
    InvalidSelectionError,
    NotFoundError,
    SelectionTooLargeError,
    ServiceError,
)
from l10n import _, set_language
from web.render import STATIC, page

blueprint = Blueprint("web", __name__)


@blueprint.before_request
def _language() -> None:
    """The page's language is the first segment of its address, whatever the headers say
    (this runs after the app's own hook, which reads ``?lang=`` and ``Accept-Language``)."""
    lang = (request.view_args or {}).get("lang")
    if lang:
        set_language(lang)


def error_page(status: int, title: str, detail: str) -> Response:
    return page("web/error.html", status=status, title=title, detail=detail)


@blueprint.errorhandler(ServiceError)
def _service_error(error: ServiceError) -> Response:
    if isinstance(error, NotFoundError):
        return error_page(404, _("Not found"), error.detail)
    status = 413 if isinstance(error, SelectionTooLargeError) else 400
    if isinstance(error, InvalidSelectionError | InvalidParameterError):
        status = 400
    return error_page(status, _("Bad request"), error.detail)


@blueprint.errorhandler(HTTPException)
def _http_error(error: HTTPException) -> Response:
    status = error.code or 500
    if status == 404:
        return error_page(404, _("Not found"), _("There is nothing at this address."))
    return error_page(status, _("Error"), error.description or "")


@blueprint.get("/static/web/<string:name>")
def static_file(name: str) -> Response:
    """The pages' one stylesheet and one script; their URLs carry a digest, so a year."""
    if name not in ("site.css", "site.js"):
        return error_page(404, _("Not found"), _("There is nothing at this address."))
    response = send_from_directory(STATIC, name, max_age=365 * 24 * 3600)
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@blueprint.errorhandler(Exception)
def _unexpected(error: Exception) -> Response:
    current_app.logger.exception("unhandled error on a page", exc_info=error)
    return error_page(
        500,
        _("Internal server error"),
        _("The server could not answer; the error has been logged."),
    )
