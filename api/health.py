"""``GET /health``: is the service up, can it reach its database, what is the newest release."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from api.http import database
from config import VERSION
from store.health import store_health

blueprint = Blueprint("health", __name__)


@blueprint.get("/health")
def health() -> tuple[Response, int]:
    """Liveness and readiness in one: 200 when the database answers, 503 when it does not."""
    state = store_health(database())
    latest = state.pop("latest_release", None)
    body = {
        "status": state["status"],
        "version": VERSION,
        "database": state,
        "latest_release": latest,
    }
    code = 200 if state["status"] == "ok" else 503
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response, code
