"""One place that turns errors into ``application/problem+json`` (RFC 9457).

Every error answer has a stable ``type`` URI, a localized ``title`` and ``detail``, and
carries the CORS and language headers that the success answers carry. The services raise
domain errors (:mod:`api.exceptions`); :data:`STATUS` says which HTTP status each gets.
"""

from __future__ import annotations

from babel.support import LazyProxy
from flask import Flask, Response, current_app
from werkzeug.exceptions import HTTPException, InternalServerError

from api.exceptions import (
    ConflictError,
    InvalidCursorError,
    InvalidParameterError,
    InvalidSelectionError,
    NotFoundError,
    SelectionTooLargeError,
    ServiceError,
)
from exports.links import LinkExpiredError, LinkInvalidError
from exports.requests import RequestInvalidError, RequestNotFoundError, RequestStateError
from l10n import _, current_language, lazy_gettext
from l10n.validation import localise

PROBLEM_BASE = "https://stat.kg/problems/"

_TITLES = {
    400: lazy_gettext("Bad request"),
    401: lazy_gettext("Unauthorized"),
    403: lazy_gettext("Forbidden"),
    409: lazy_gettext("Conflict"),
    422: lazy_gettext("Bad request"),
    404: lazy_gettext("Not found"),
    405: lazy_gettext("Method not allowed"),
    413: lazy_gettext("Selection too large"),
    429: lazy_gettext("Too many requests"),
    500: lazy_gettext("Internal server error"),
    503: lazy_gettext("Service unavailable"),
}
_UNREADABLE_BODY = lazy_gettext("The request body is not valid JSON (in UTF-8).")
_DETAILS = {
    404: lazy_gettext("There is nothing at this address."),
    405: lazy_gettext("This address does not accept that method."),
    500: lazy_gettext("The server could not answer; the error has been logged."),
}


def problem(status: int, slug: str, detail: str | None = None, **extra: object) -> Response:
    """A problem+json response in the current language."""
    body: dict[str, object] = {
        "type": PROBLEM_BASE + slug,
        "title": str(_TITLES.get(status, _("Error"))),
        "status": status,
        "detail": detail if detail is not None else str(_DETAILS.get(status, "")),
        **extra,
    }
    response = Response(
        current_app.json.dumps(body), status=status, mimetype="application/problem+json"
    )
    response.headers["Content-Language"] = current_language()
    return response


#: The HTTP status of each kind of domain error (the most specific class wins).
STATUS: dict[type[ServiceError], int] = {
    NotFoundError: 404,
    InvalidCursorError: 400,
    InvalidSelectionError: 400,
    InvalidParameterError: 400,
    SelectionTooLargeError: 413,
    ConflictError: 409,
}


class ApiError(Exception):
    """An HTTP-level refusal raised by a route itself (a missing staff token, say).

    Services raise the domain errors of :mod:`api.exceptions` instead.
    """

    def __init__(self, status: int, slug: str, detail: str, **extra: object) -> None:
        super().__init__(detail)
        self.status, self.slug, self.detail, self.extra = status, slug, detail, extra


def _api_error(error: ApiError) -> Response:
    return problem(error.status, error.slug, error.detail, **error.extra)


def _service_error(error: ServiceError) -> Response:
    status = next(STATUS[kind] for kind in type(error).__mro__ if kind in STATUS)
    return problem(status, error.slug, error.detail, **error.extra)


#: The errors of the data-request services (``exports``, which may not know the API's own
#: exceptions): their status, problem type and text.
REQUEST_ERRORS: dict[type[Exception], tuple[int, str, LazyProxy]] = {
    RequestNotFoundError: (404, "not-found", _DETAILS[404]),
    LinkInvalidError: (404, "not-found", _DETAILS[404]),
    RequestStateError: (
        409,
        "request-state",
        lazy_gettext("The request is not in a state that allows this."),
    ),
    LinkExpiredError: (
        410,
        "link-expired",
        lazy_gettext("This download link has expired; ask the status again."),
    ),
}


def _request_error(error: Exception) -> Response:
    if isinstance(error, RequestInvalidError):
        fields = [{"name": k, "reason": str(v)} for k, v in error.fields.items()]
        return problem(
            400, "invalid-parameters", _("Some parameters are not valid."), invalid_params=fields
        )
    status, slug, detail = next(
        REQUEST_ERRORS[kind] for kind in type(error).__mro__ if kind in REQUEST_ERRORS
    )
    return problem(status, slug, str(detail))


def _invalid_params(error: HTTPException) -> list[dict[str, str]]:
    """Field errors of a request that failed its schema (webargs puts them on ``data``).

    A location whose whole content could not be read (a body that is not JSON, or not
    UTF-8) has a list of messages instead of fields: it is reported as the ``body``.
    """
    messages = getattr(error, "data", {}).get("messages", {})
    params = []
    for _location, fields in messages.items():
        if isinstance(fields, list):
            params.append({"name": "body", "reason": str(_UNREADABLE_BODY)})
            continue
        for name, reasons in (fields or {}).items():
            params.append(
                {"name": str(name), "reason": "; ".join(map(localise, _flatten(reasons)))}
            )
    return params


def _flatten(value: object) -> list[object]:
    if isinstance(value, dict):
        return [item for v in value.values() for item in _flatten(v)]
    if isinstance(value, list):
        return [item for v in value for item in _flatten(v)]
    return [value]


def _http_error(error: HTTPException) -> Response:
    status = error.code or 500
    slug = (error.name or "error").lower().replace(" ", "-")
    params = _invalid_params(error)
    if status == 422:  # a request that breaks its schema is a bad request, said one way
        status, slug = 400, "invalid-parameters"
    if any(p["name"] == "body" for p in params):
        response = problem(400, "invalid-body", str(_UNREADABLE_BODY), invalid_params=params)
    elif params:
        response = problem(status, slug, _("Some parameters are not valid."), invalid_params=params)
    else:
        response = problem(status, slug)
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value  # Allow on 405, WWW-Authenticate on 401
    return response


def _unexpected(error: Exception) -> Response:
    current_app.logger.exception("unhandled error", exc_info=error)
    return _http_error(InternalServerError(original_exception=error))


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(ApiError, _api_error)
    for kind in STATUS:
        app.register_error_handler(kind, _service_error)
    for foreign in (*REQUEST_ERRORS, RequestInvalidError):
        app.register_error_handler(foreign, _request_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
