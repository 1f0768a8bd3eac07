"""The language of each request: ``?lang=`` (validated), else ``Accept-Language``, else default.

The answer says which language it is in (``Content-Language``) and that it varies with
``Accept-Language``, so that caches keep the three languages apart.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

from api.errors import problem
from l10n import (
    UnsupportedLanguageError,
    _,
    current_language,
    negotiate,
    parse_language,
    set_language,
)


def _select_language() -> Response | None:
    default = current_app.config["STATKG_CONFIG"].default_locale
    set_language(default)
    explicit = request.args.get("lang")
    if explicit is not None:
        try:
            set_language(parse_language(explicit))
        except UnsupportedLanguageError as error:
            return problem(
                400,
                "unsupported-language",
                _("Language %(lang)s is not available; use ky, ru or en.") % {"lang": error.value},
                invalid_params=[{"name": "lang", "reason": "ky | ru | en"}],
            )
        return None
    set_language(negotiate(list(request.accept_languages), default))
    return None


def _label_response(response: Response) -> Response:
    response.headers["Content-Language"] = current_language()
    response.vary.add("Accept-Language")
    return response


def register_language_hooks(app: Flask) -> None:
    app.before_request(_select_language)
    app.after_request(_label_response)
