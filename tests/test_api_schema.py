"""schemathesis against /api/v1/openapi.json, in process: no server error, no schema breach."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

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
    cfg = dataclasses.replace(Config(), api_rate_limit="100000 per second")
    app = create_app({"DATABASE_URL": url, "TESTING": True, "STATKG_CONFIG": cfg})
    yield app
    app.extensions["statkg.db"].dispose()


@pytest.mark.slow
def test_the_api_keeps_its_openapi_promises(schema_app: Flask) -> None:
    """Every public operation, 25 generated requests each (the staff ones need a token)."""
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

    for operation in public:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
            case.call_and_validate(checks=checks, headers={"Accept-Encoding": "identity"})

        check()
