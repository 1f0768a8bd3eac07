"""The app factory, ``/health`` and the problem+json errors."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from app import create_app
from config import VERSION


def test_health_reports_database_version_and_release(client: FlaskClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["version"] == VERSION
    assert body["database"]["backend"] in {"sqlite", "postgresql"}
    assert body["database"]["schema_revision"] == body["database"]["schema_head"]
    assert body["latest_release"] is None


def test_health_is_503_when_the_database_is_unreachable(tmp_path) -> None:
    app = create_app({"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    response = app.test_client().get("/health")
    assert response.status_code == 503
    assert response.get_json()["database"]["status"] == "error"


@pytest.mark.parametrize(
    ("lang", "title"),
    [("ky", "Табылган жок"), ("ru", "Не найдено"), ("en", "Not found")],
)
def test_not_found_is_a_localized_problem(client: FlaskClient, lang: str, title: str) -> None:
    response = client.get(f"/no/such/page?lang={lang}")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["title"] == title
    assert response.headers["Content-Language"] == lang


def test_accept_language_chooses_when_no_lang_parameter(client: FlaskClient) -> None:
    response = client.get("/nothing", headers={"Accept-Language": "de;q=1, ru;q=0.8"})
    assert response.headers["Content-Language"] == "ru"
    assert "Accept-Language" in response.headers["Vary"]


def test_default_language_is_kyrgyz(client: FlaskClient) -> None:
    assert client.get("/health").headers["Content-Language"] == "ky"


def test_unknown_lang_parameter_is_a_clear_400(client: FlaskClient) -> None:
    response = client.get("/health?lang=xx")
    assert response.status_code == 400
    assert response.get_json()["type"].endswith("/unsupported-language")


def test_health_says_when_the_data_is_synthetic(app, client: FlaskClient) -> None:
    from ingest.pseudonymise import Pseudonymiser
    from synth.load import generate
    from synth.simulate import Params

    assert client.get("/health").get_json()["database"]["synthetic_data"] is False
    with app.extensions["statkg.db"].transaction() as session:
        generate(session, Params(seed=1, scale=0.0005, years=1), Pseudonymiser("k"))
    assert client.get("/health").get_json()["database"]["synthetic_data"] is True
