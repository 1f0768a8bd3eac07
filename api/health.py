"""``GET /health``: is the service up, can it reach its database, what is the newest release."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from config import VERSION
from store import db
from store.health import store_health

blueprint = Blueprint("health", __name__)


@blueprint.get("/health")
def health() -> tuple[Response, int]:
    """Liveness and readiness in one: 200 when the database answers, 503 when it does not."""
    database = store_health(db)
    latest = database.pop("latest_release", None)
    body = {
        "status": database["status"],
        "version": VERSION,
        "database": database,
        "latest_release": latest,
    }
    code = 200 if database["status"] == "ok" else 503
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response, code
