"""The public JSON API: blueprints, schemas, serialisers and the error handler.

It reads releases through ``store.read`` and never queries microdata.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from api.errors import register_error_handlers
from api.fastpath import FastPath
from api.health import blueprint as health_blueprint
from api.http import register_http
from api.locale import register_language_hooks
from api.requests.routes import register_requests
from api.v1 import register_v1


def register_api(app: Flask) -> None:
    """Attach every blueprint and the problem+json error handler to ``app``."""
    register_language_hooks(app)
    register_http(app, app.config["STATKG_CONFIG"])
    app.register_blueprint(health_blueprint)
    register_v1(app)
    register_requests(app)
    register_error_handlers(app)
    app.wsgi_app = FastPath(app)  # type: ignore[method-assign]  # replays cached answers
    hops = app.config["STATKG_CONFIG"].proxy_hops
    if hops:  # the client's address as the outermost trusted proxy saw it (rate limits)
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops)  # type: ignore[method-assign]
