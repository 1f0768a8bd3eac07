"""The public routes of ``/api/v1``: parse, call one service, return.

Read-only; every answer goes through :func:`api.http.public_answer` (cache, ETag, 304).
"""

from __future__ import annotations

from typing import Any

from flask import Response, g, request, send_file
from flask.views import MethodView
from flask_smorest import Blueprint

from api import service
from api import service_data as data_service
from api.http import config, database, json_response, mark_source, public_answer
from api.v1 import schemas as s
from config import VERSION
from l10n import current_language

PROBLEM = {"$ref": "#/components/schemas/Problem"}


def problems(*codes: int, conditional: bool = True) -> dict[str, Any]:
    """OpenAPI responses of the problem+json errors a route may answer (and 304)."""
    text = {
        400: "Bad request: a parameter or the selection cannot be used.",
        404: "Not found (also for releases that are not public yet).",
        413: "The selection has more cells than the published limit.",
        429: "Too many requests: see Retry-After.",
    }
    responses: dict[str, Any] = {
        str(code): {
            "description": text[code],
            "content": {"application/problem+json": {"schema": PROBLEM}},
        }
        for code in (*codes, 429)
    }
    if conditional:
        responses["304"] = {"description": "Not modified (If-None-Match / If-Modified-Since)."}
    return {"responses": responses}


meta = Blueprint("meta", __name__, url_prefix="/api/v1", description="Index, config, flags")
catalog = Blueprint("catalog", __name__, url_prefix="/api/v1", description="Indicators")
data = Blueprint("data", __name__, url_prefix="/api/v1", description="Observations")
classifiers = Blueprint("classifiers", __name__, url_prefix="/api/v1", description="Codelists")
releases = Blueprint("releases", __name__, url_prefix="/api/v1", description="Release calendar")
feed = Blueprint("feed", __name__, url_prefix="/api/v1", description="Highlights, search, sync")
pubs = Blueprint("publications", __name__, url_prefix="/api/v1", description="PDF publications")


def _lang() -> str:
    return current_language()


def _now() -> Any:
    return g.now


@meta.route("/ping")
class Ping(MethodView):
    @meta.response(200, s.Ping)
    @meta.doc(**problems(conditional=False))
    def get(self) -> Response:
        """Liveness in one line: the cheapest answer (the benchmark's baseline)."""
        return json_response({"status": "ok"})


@meta.route("/")
class Index(MethodView):
    @meta.arguments(s.LangArgs, location="query")
    @meta.response(200, s.Index)
    @meta.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """Where everything is."""
        with database().session() as session:
            body = service.index(session, _now())
        return json_response({**body, "version": VERSION})


@meta.route("/config")
class ConfigView(MethodView):
    @meta.arguments(s.LangArgs, location="query")
    @meta.response(200, s.Config)
    @meta.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """Languages, limits (cells, rate), licence and the citation in each language."""
        with database().session() as session:
            return json_response(service.api_config(session, _now(), config(), _lang()))


@meta.route("/flags")
class FlagsView(MethodView):
    @meta.arguments(s.LangArgs, location="query")
    @meta.response(200, s.Flags)
    @meta.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """The observation flags (SDMX OBS_STATUS and CONF_STATUS codes) with their meaning."""
        from api.vocabulary import flags

        return json_response(flags())


@catalog.route("/catalog")
class CatalogView(MethodView):
    @catalog.arguments(s.PageArgs, location="query")
    @catalog.response(200, s.Catalog)
    @catalog.doc(**problems(400))
    @public_answer
    def get(self, args: dict[str, Any]) -> Response:
        """Topics and indicators: names, units, dimensions, periods, updates, stable ids."""
        with database().session() as session:
            body = service.catalog(session, _now(), _lang(), args.get("cursor"), args["limit"])
        return json_response(body)


@catalog.route("/catalog/<string:indicator_id>")
class CatalogEntryView(MethodView):
    @catalog.arguments(s.LangArgs, location="query")
    @catalog.response(200, s.CatalogEntry)
    @catalog.doc(**problems(400, 404))
    @public_answer
    def get(self, _args: dict[str, Any], indicator_id: str) -> Response:
        """One indicator with the codes of every dimension and its periods."""
        with database().session() as session:
            return json_response(service.catalog_entry(session, _now(), _lang(), indicator_id))


_DATA_DOC = {
    "responses": {
        "200": {
            "description": "Compact JSON, or JSON-stat 2.0 with format=jsonstat.",
            "content": {
                "application/json": {
                    "schema": {
                        "oneOf": [
                            {"$ref": "#/components/schemas/DataCompact"},
                            {"$ref": "#/components/schemas/JsonStatDataset"},
                        ]
                    }
                }
            },
        },
        **problems(400, 404, 413)["responses"],
    },
    "parameters": [
        {
            "name": "valueCodes",
            "in": "query",
            "style": "deepObject",
            "explode": True,
            "description": "Selection per dimension, valueCodes[dim]=expression: codes, *, "
            "wildcards, top(n), bottom(n), from(x), to(x), range(x,y), level(l), "
            "children(c), descendants(c); comma-separated, repeated codes ignored.",
            "schema": {"type": "object", "additionalProperties": {"type": "string"}},
        }
    ],
}


def _selection_from_query() -> dict[str, str]:
    selection: dict[str, str] = {}
    for key, value in request.args.items(multi=True):
        if key.startswith("valueCodes[") and key.endswith("]"):
            dim = key[len("valueCodes[") : -1]
            selection[dim] = f"{selection[dim]},{value}" if dim in selection else value
    return selection


def _answer(query: data_service.DataQuery) -> Response:
    with database().session() as session:
        answer = data_service.run(session, _now(), query, _lang(), config().api_cell_limit)
    mark_source(answer.published_at, immutable=answer.pinned)
    return json_response(answer.body)


@data.route("/data/<string:indicator_id>")
class DataView(MethodView):
    @data.arguments(s.DataArgs, location="query")
    @data.doc(**_DATA_DOC)
    @public_answer
    def get(self, args: dict[str, Any], indicator_id: str) -> Response:
        """One indicator of a public release, cut by a selection (see valueCodes)."""
        return _answer(
            data_service.DataQuery(
                indicator_id,
                _selection_from_query(),
                args.get("release"),
                args["format"],
                args["limit"],
                args.get("cursor"),
            )
        )

    @data.arguments(s.DataArgs, location="query")
    @data.arguments(s.DataBody, location="json")
    @data.doc(**{**_DATA_DOC, "parameters": []})
    @public_answer
    def post(self, args: dict[str, Any], body: dict[str, Any], indicator_id: str) -> Response:
        """The same as GET, with the selection in the body (for long selections)."""
        return _answer(
            data_service.DataQuery(
                indicator_id,
                body["selection"],
                args.get("release"),
                args["format"],
                args["limit"],
                args.get("cursor"),
            )
        )


@classifiers.route("/classifiers")
class ClassifiersView(MethodView):
    @classifiers.arguments(s.LangArgs, location="query")
    @classifiers.response(200, s.Classifiers)
    @classifiers.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """Every codelist (СОАТЕ, countries, sex, ages, …)."""
        with database().session() as session:
            return json_response(service.classifier_list(session, _lang()))


@classifiers.route("/classifiers/soate/tree")
class SoateTreeView(MethodView):
    @classifiers.arguments(s.LangArgs, location="query")
    @classifiers.response(200, s.Tree)
    @classifiers.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """СОАТЕ as a tree: country, oblasts and cities, districts."""
        with database().session() as session:
            return json_response(service.soate_tree(session, _lang()))


@classifiers.route("/classifiers/<string:codelist_id>")
class ClassifierView(MethodView):
    @classifiers.arguments(s.ClassifierArgs, location="query")
    @classifiers.response(200, s.Classifier)
    @classifiers.doc(**problems(400, 404))
    @public_answer
    def get(self, args: dict[str, Any], codelist_id: str) -> Response:
        """The codes of one codelist with labels, parents and levels (or one code's)."""
        with database().session() as session:
            body = service.classifier(
                session, _lang(), codelist_id, args.get("cursor"), args["limit"], args.get("code")
            )
        return json_response(body)


@releases.route("/releases")
class CalendarView(MethodView):
    @releases.arguments(s.LangArgs, location="query")
    @releases.response(200, s.Calendar)
    @releases.doc(**problems(400))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """The calendar: published and revised releases; upcoming ones by id and date only."""
        with database().session() as session:
            return json_response(service.calendar(session, _now()))


@releases.route("/releases/<string:release_id>")
class ReleaseView(MethodView):
    @releases.arguments(s.LangArgs, location="query")
    @releases.response(200, s.ReleaseNotes)
    @releases.doc(**problems(400, 404))
    @public_answer
    def get(self, _args: dict[str, Any], release_id: str) -> Response:
        """Release notes of a public release (checks, years covered)."""
        with database().session() as session:
            return json_response(service.release_notes(session, _now(), release_id))


@feed.route("/highlights")
class HighlightsView(MethodView):
    @feed.arguments(s.LangArgs, location="query")
    @feed.response(200, s.Highlights)
    @feed.doc(**problems(400, 404))
    @public_answer
    def get(self, _args: dict[str, Any]) -> Response:
        """Kyrgyzstan in figures: key figures, their change, one sentence each."""
        with database().session() as session:
            return json_response(service.highlights(session, _now(), _lang()))


@feed.route("/search")
class SearchView(MethodView):
    @feed.arguments(s.SearchArgs, location="query")
    @feed.response(200, s.SearchAnswer)
    @feed.doc(**problems(400))
    @public_answer
    def get(self, args: dict[str, Any]) -> Response:
        """Indicators and territories in ky/ru/en; Latin or Cyrillic, ң/ө/ү as н/о/у."""
        with database().session() as session:
            body = service.search(
                session, _now(), _lang(), args["q"], args.get("cursor"), args["limit"]
            )
        return json_response(body)


@feed.route("/sync")
class SyncView(MethodView):
    @feed.arguments(s.SyncArgs, location="query")
    @feed.response(200, s.Sync)
    @feed.doc(**problems(400, 404))
    @public_answer
    def get(self, args: dict[str, Any]) -> Response:
        """What changed since the version (release id) the app holds."""
        with database().session() as session:
            return json_response(service.sync(session, _now(), args.get("since")))


@pubs.route("/publications")
class PublicationsView(MethodView):
    @pubs.arguments(s.PublicationArgs, location="query")
    @pubs.response(200, s.Publications)
    @pubs.doc(**problems(400))
    @public_answer
    def get(self, args: dict[str, Any]) -> Response:
        """Built PDFs of public releases, by language and release, with download links."""
        with database().session() as session:
            body = service.publications(
                session, _now(), config().publications_dir, args.get("language")
            )
        return json_response(body)


@pubs.route("/publications/files/<path:name>")
class PublicationFileView(MethodView):
    @pubs.response(200, content_type="application/pdf", description="The PDF.")
    @pubs.doc(**problems(404, conditional=False))
    def get(self, name: str) -> Response:
        """Download one PDF of a public release."""
        from api.http import public_state

        public_state()
        with database().session() as session:
            path = service.publication_path(session, _now(), config().publications_dir, name)
        return send_file(path, mimetype="application/pdf", conditional=True)


BLUEPRINTS = (meta, catalog, data, classifiers, releases, feed, pubs)
