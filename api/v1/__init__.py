"""``/api/v1``: the flask-smorest Api, its OpenAPI 3 document and a readable docs page.

Routes live one resource per package (``meta``, ``catalog``, ``data``, ``classifiers``,
``releases``, ``feed``, ``publications``): ``routes.py`` parses and calls one function of
the ``service.py`` beside it, which raises the domain errors of :mod:`api.exceptions`.

flask-smorest builds the document from the marshmallow schemas; its own error handler is
switched off so that every error stays ``application/problem+json`` (:mod:`api.errors`).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, render_template_string
from flask_smorest import Api

from api.staff.routes import blueprint as staff_blueprint
from api.v1 import schemas
from api.v1.catalog import routes as catalog_routes
from api.v1.classifiers import routes as classifier_routes
from api.v1.data import routes as data_routes
from api.v1.feed import routes as feed_routes
from api.v1.meta import routes as meta_routes
from api.v1.publications import routes as publication_routes
from api.v1.releases import routes as release_routes
from config import VERSION

#: One blueprint per resource, each in ``api/v1/<resource>/routes.py`` with its service
#: (``service.py``) beside it. A new resource is a new package here and one line below.
BLUEPRINTS = tuple(
    routes.blueprint
    for routes in (
        meta_routes,
        catalog_routes,
        data_routes,
        classifier_routes,
        release_routes,
        feed_routes,
        publication_routes,
    )
)


class StatApi(Api):
    """flask-smorest's Api without its error handler (problem+json is ours)."""

    def _register_error_handlers(self) -> None:
        return None


DOCS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>StatKG API v1</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
code{background:#f3f3f3;padding:0 .2rem}h2{border-top:1px solid #ddd;padding-top:1rem}
.m{display:inline-block;min-width:3.5rem;font-weight:bold}</style></head><body>
<h1>{{ spec.info.title }} <small>{{ spec.info.version }}</small></h1>
<p>{{ spec.info.description }}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI
{{ spec.openapi }}).</p>
{% for path, ops in spec.paths.items() %}<h2><code>{{ path }}</code></h2>
{% for method, op in ops.items() if method in ("get", "post") %}
<p><span class="m">{{ method|upper }}</span>{{ op.summary }}</p>
{% if op.description %}<p>{{ op.description }}</p>{% endif %}
<ul>{% for p in op.get("parameters", []) %}<li><code>{{ p.name }}</code> ({{ p["in"] }})
{{ p.get("description", "") }}</li>{% endfor %}
<li>answers: {% for code in op.responses %}<code>{{ code }}</code> {% endfor %}</li></ul>
{% endfor %}{% endfor %}</body></html>"""

DESCRIPTION = (
    "Official migration and demographic statistics of the Kyrgyz Republic in Kyrgyz, "
    "Russian and English. Language: ?lang=, else Accept-Language, else ky. Every answer "
    "has an ETag and Last-Modified (send If-None-Match for a 304); errors are "
    "application/problem+json; rate limits per client answer 429 with Retry-After."
)


def register_v1(app: Flask) -> Api:
    app.config.update(
        API_TITLE="StatKG API",
        API_VERSION=VERSION,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={"info": {"description": DESCRIPTION}},
    )
    api = StatApi(app)
    for name in ("Problem", "DataCompact", "JsonStatDataset"):
        api.spec.components.schema(name, schema=getattr(schemas, name))
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    for blueprint in (*BLUEPRINTS, staff_blueprint):
        api.register_blueprint(blueprint)

    docs = Blueprint("api_docs", __name__)

    @docs.get("/api/v1/docs")
    def page() -> Response:
        spec: dict[str, Any] = api.spec.to_dict()
        return Response(render_template_string(DOCS, spec=spec), mimetype="text/html")

    app.register_blueprint(docs)
    return api
