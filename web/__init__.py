"""The public statistics pages: server-rendered HTML in ky, ru and en, for people who do
not write code (a journalist, a teacher, an akimiyat's economist on a phone).

A dissemination layer like the API, and built on it: the pages read releases through the
same read layer (the API's metadata snapshot and services, :mod:`store.read`,
:mod:`store.observations`), never through HTTP to the app itself, so the embargo
(:mod:`store.visibility`), the selection grammar (:mod:`api.selection`), the caching
(:mod:`api.http`) and the numbers (:mod:`l10n`) are the API's own. One module per page
type, each a few thin views over a service; the templates are ``templates/web/``.

Every page works without JavaScript; ``web/static/site.js`` only enhances (the form sends
itself when a choice changes). No web fonts, no external resources.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import BaseConverter

from config import LOCALES
from web.blueprint import blueprint


class LanguageConverter(BaseConverter):
    """``<lang:lang>``: one of the published languages, the first segment of every page."""

    regex = "|".join(LOCALES)


def register_web(app: Flask) -> None:
    """Attach the pages (and their converter) to ``app``."""
    app.url_map.converters["lang"] = LanguageConverter
    # Importing the page modules registers their views on the blueprint.
    from web import (  # noqa: F401
        home,
        indicator,
        publications,
        quality,
        releases,
        requests,
        seo,
        territory,
        topics,
    )

    app.register_blueprint(blueprint)
