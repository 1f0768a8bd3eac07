"""The home page (the latest release's highlights, the release calendar with embargo
times, search), the search page, and ``/``, which sends a visitor to their language."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, g, redirect, request
from werkzeug.wrappers import Response as WerkzeugResponse

from api.exceptions import InvalidParameterError, NotFoundError
from api.http import database, mark_source, public_answer, public_state, reading, snapshot
from api.v1.feed import service as feed
from l10n import _, current_language, negotiate
from store import read
from web.blueprint import blueprint
from web.render import page


@blueprint.get("/")
def root() -> WerkzeugResponse:
    """``/`` → ``/<lang>/``, by ``Accept-Language`` (the default language otherwise)."""
    default = current_app.config["STATKG_CONFIG"].default_locale
    lang = negotiate(list(request.accept_languages), default)
    response = redirect(f"/{lang}/", code=302)
    response.vary.add("Accept-Language")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def _highlights() -> dict[str, Any] | None:
    try:
        return feed.highlights(reading, snapshot(), current_language())
    except NotFoundError:  # nothing is public yet
        return None


@blueprint.get("/<lang:lang>/")
@public_answer
def home(lang: str) -> Response:
    public_state()  # sets the request's clock (g.now) the calendar reads with
    with database().session() as session:
        calendar = read.release_calendar(session, g.now)
    latest = snapshot().latest
    if latest is not None:
        mark_source(latest.published_at)
    return page(
        "web/home.html",
        title=_("Statistics of the Kyrgyz Republic"),
        highlights=_highlights(),
        latest=latest,
        calendar=calendar,
        releases=snapshot().releases,
    )


@blueprint.get("/<lang:lang>/search")
@public_answer
def search(lang: str) -> Response:
    q = request.args.get("q", "")
    results: list[dict[str, Any]] = []
    error = None
    if q.strip():
        try:
            results = feed.search(snapshot(), lang, q, None, 100)["results"]
        except InvalidParameterError as problem:  # punctuation only: nothing to look for
            error = problem.detail
    return page(
        "web/search.html",
        title=_("Search"),
        q=q,
        results=results,
        error=error,
        robots="noindex",
    )
