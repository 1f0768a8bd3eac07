"""One place that turns errors into ``application/problem+json`` (RFC 9457).

Every error answer has a stable ``type`` URI, a localized ``title`` and ``detail``, and
carries the CORS and language headers that the success answers carry.
"""

from __future__ import annotations

from flask import Flask, Response, current_app
from werkzeug.exceptions import HTTPException, InternalServerError

from l10n import _, current_language, lazy_gettext

PROBLEM_BASE = "https://stat.kg/problems/"

_TITLES = {
    400: lazy_gettext("Bad request"),
    404: lazy_gettext("Not found"),
    405: lazy_gettext("Method not allowed"),
    413: lazy_gettext("Selection too large"),
    429: lazy_gettext("Too many requests"),
    500: lazy_gettext("Internal server error"),
    503: lazy_gettext("Service unavailable"),
}
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


def _http_error(error: HTTPException) -> Response:
    status = error.code or 500
    slug = (error.name or "error").lower().replace(" ", "-")
    return problem(status, slug)


def _unexpected(error: Exception) -> Response:
    current_app.logger.exception("unhandled error", exc_info=error)
    return _http_error(InternalServerError(original_exception=error))


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
