"""The public JSON API: blueprints, schemas, serialisers and the error handler.

It reads releases from the store and never queries microdata.
"""

from __future__ import annotations

from flask import Flask

from api.errors import register_error_handlers
from api.health import blueprint as health_blueprint
from api.locale import register_language_hooks


def register_api(app: Flask) -> None:
    """Attach every blueprint and the problem+json error handler to ``app``."""
    register_language_hooks(app)
    app.register_blueprint(health_blueprint)
    register_error_handlers(app)
