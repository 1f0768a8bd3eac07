"""Shared fixtures: a fresh store on every backend, the app and its test client.

``database`` is parametrised over SQLite and PostgreSQL: a test that takes it runs on
both. PostgreSQL comes from ``TEST_DATABASE_URL`` if set, else from a throwaway server
started for the session; without one the PostgreSQL half is skipped, unless
``STATKG_REQUIRE_POSTGRES=1`` (as in CI), where it fails.

The session first compiles the gettext catalogs that are missing or older than their
``.po`` (:mod:`tests.catalogs`), so plain ``pytest`` on a fresh clone tests the translations.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from l10n import LOCALE_DIR
from store import Database, schema
from tests.catalogs import CatalogError, compile_catalogs
from tests.postgres import find_bindir, postgres_server

BACKENDS = ["sqlite", "postgresql"]


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the catalogs before any test reads one, or stop with what to run."""
    try:
        compile_catalogs(LOCALE_DIR)
    except CatalogError as error:
        pytest.exit(str(error), returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    if os.environ.get("TEST_DATABASE_URL"):
        yield os.environ["TEST_DATABASE_URL"]
        return
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("STATKG_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required (STATKG_REQUIRE_POSTGRES=1) but not installed")
        yield None
        return
    with postgres_server(bindir) as url:
        yield url


def _fresh(url: str) -> Database:
    database = Database(url)
    if database.dialect == "postgresql":
        with database.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    schema.upgrade(database.engine)
    return database


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_url: str | None) -> str:
    """The URL of an empty, fully migrated store on each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'statkg.sqlite3'}"
    elif postgres_url is None:
        pytest.skip("no PostgreSQL server on this machine (make test installs one)")
    else:
        url = postgres_url
    _fresh(url).dispose()
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    with database.session() as session:
        yield session


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    from app import create_app

    app = create_app({"DATABASE_URL": database_url, "TESTING": True})
    yield app
    app.extensions["statkg.db"].dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A migrated SQLite store, for tests whose subject is not the backend."""
    url = f"sqlite:///{tmp_path / 'statkg.sqlite3'}"
    _fresh(url).dispose()
    return url
