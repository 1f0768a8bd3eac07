"""The application factory: configuration, extensions, blueprints and CLI groups.

Nothing else lives here; logic belongs to the domain packages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from api import register_api
from classifiers.cli import cli as classifiers_cli
from config import Config
from exports.cli import cli as exports_cli
from exports.requests_cli import cli as requests_cli
from indicators.cli import cli as release_cli
from ingest.cli import cli as ingest_cli
from publishing.cli import cli as publish_cli
from store import Database
from store.cli import cli as store_cli
from synth.cli import cli as synth_cli
from web import register_web


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the StatKG app; ``test_config`` overrides settings read from the environment."""
    app = Flask(__name__)
    config = Config()
    app.config.from_mapping(
        DATABASE_URL=config.database_url,
        STATKG_CONFIG=config,
        JSON_SORT_KEYS=False,
    )
    if test_config:
        app.config.from_mapping(test_config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Cyrillic stays readable
    # The app's own store handle (its requests and its CLI commands use it), so that two
    # apps in one process (two stores) never share an engine or a cache.
    Database().init_app(app)
    register_api(app)
    register_web(app)  # the public pages: a dissemination layer beside the API
    for group in (
        store_cli,
        classifiers_cli,
        synth_cli,
        ingest_cli,
        release_cli,
        publish_cli,
        exports_cli,
        requests_cli,
    ):
        app.cli.add_command(group)
    return app
