"""schemathesis against /api/v1/openapi.json, in process: no server error, no schema breach."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config import Config
from store import Database
from tests import release_factory as rf

TOKEN = "schema-test-token"
MALFORMED = (b"{bad", b"\xff\xfe\x00not utf-8", b'{"a": ', b"\x00")


@pytest.fixture(scope="module")
def schema_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    from app import create_app
    from tests.conftest import _fresh

    url = f"sqlite:///{tmp_path_factory.mktemp('schema') / 'statkg.sqlite3'}"
    _fresh(url).dispose()
    database = Database(url)
    with database.transaction() as session:
        rf.public_and_embargoed(session)
    database.dispose()
    cfg = dataclasses.replace(
        Config(),
        api_rate_limit="100000 per second",
        api_tokens={TOKEN: frozenset({"reader", "publisher", "requests"})},
    )
    app = create_app({"DATABASE_URL": url, "TESTING": True, "STATKG_CONFIG": cfg})
    yield app
    app.extensions["statkg.db"].dispose()


@pytest.mark.slow
def test_the_api_keeps_its_openapi_promises(schema_app: Flask) -> None:
    """Every operation, 25 generated requests each; the staff ones with a staff token."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", schema_app)
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    public = [op for op in operations if "/staff/" not in op.path]
    assert len(public) >= 15
    assert len(operations) > len(public)

    for operation in operations:
        headers = {"Accept-Encoding": "identity"}
        if "/staff/" in operation.path:
            headers["Authorization"] = f"Bearer {TOKEN}"
        _exercise(operation, headers, checks)


def _exercise(operation: Any, headers: dict[str, str], checks: list[Any]) -> None:
    """25 generated requests of one operation, each answer checked."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
        case.call_and_validate(checks=checks, headers=headers)

    check()


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_a_body_that_is_not_json_gets_a_400_problem_naming_the_body(
    schema_app: Flask, lang: str
) -> None:
    """Every operation that takes a body, staff ones included, in the asked language."""
    spec = schema_app.test_client().get("/api/v1/openapi.json").get_json()
    client = schema_app.test_client()
    with_body = [
        (path, method)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "requestBody" in operation
    ]
    assert {p for p, _m in with_body} >= {"/api/v1/requests", "/api/v1/data/{indicator_id}"}
    assert any("/staff/" in p for p, _m in with_body)
    for path, method in with_body:
        url = re.sub(r"\{[^}]+\}", "x" if "data" not in path else "pop_test", path)
        for body in MALFORMED:
            response = client.open(
                f"{url}?lang={lang}",
                method=method.upper(),
                data=body,
                headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
            )
            assert response.status_code == 400, (path, body, response.get_data())
            assert response.mimetype == "application/problem+json"
            problem = response.get_json()
            assert problem["type"].endswith("/invalid-body")
            assert problem["invalid_params"] == [{"name": "body", "reason": problem["detail"]}]
            assert response.headers["Content-Language"] == lang
            assert (problem["detail"] == "The request body is not valid JSON (in UTF-8).") == (
                lang == "en"
            )
