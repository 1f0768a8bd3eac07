"""Shared fixtures: a fresh store on every backend, the app and its test client.

``database`` is parametrised over SQLite and PostgreSQL: a test that takes it runs on
both, and is marked ``store``. PostgreSQL comes from ``TEST_DATABASE_URL`` if set, else
from a throwaway server started for the session (only when a PostgreSQL test runs); without
one the PostgreSQL half is skipped, unless ``STATKG_REQUIRE_POSTGRES=1`` (as in CI), where it
fails. The PostgreSQL half is also marked ``slow``: the fast tier (``pytest -m "not slow"``,
``make test-fast``) checks the logic on SQLite; ``make test`` checks both backends.

SQLite stores are copies of templates made once per session (migrated; migrated with the
classifiers loaded): migrating and loading for every test cost more than most tests.

The session first compiles the gettext catalogs that are missing or older than their
``.po`` (:mod:`tests.catalogs`), so plain ``pytest`` on a fresh clone tests the translations.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from classifiers.loader import load_classifiers
from l10n import LOCALE_DIR
from store import Database, schema
from tests.catalogs import CatalogError, compile_catalogs
from tests.postgres import find_bindir, postgres_server

BACKENDS = [
    pytest.param("sqlite", marks=pytest.mark.store),
    pytest.param("postgresql", marks=[pytest.mark.store, pytest.mark.slow]),
]


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


def _copy_sqlite(template: Path, target: Path) -> str:
    """A copy of the SQLite store ``template`` at ``target`` (SQLite's backup, so a
    write-ahead log is never half copied); its URL."""
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return f"sqlite:///{target}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite store, made once: each test gets a copy instead of running the
    migrations again (they cost more than most tests)."""
    path = tmp_path_factory.mktemp("templates") / "migrated.sqlite3"
    _fresh(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture(scope="session")
def classified_template(sqlite_template: Path) -> Path:
    """The migrated store with the state classifiers loaded, made once (see above)."""
    path = sqlite_template.with_name("classified.sqlite3")
    database = Database(_copy_sqlite(sqlite_template, path))
    with database.transaction() as session:
        load_classifiers(session)
    database.dispose()
    return path


def _fresh(url: str) -> Database:
    database = Database(url)
    if database.dialect == "postgresql":
        with database.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    schema.upgrade(database.engine)
    return database


def _fresh_postgres(request: pytest.FixtureRequest) -> str:
    """The URL of an empty, migrated PostgreSQL store; the server is started by the first
    test that needs one, never by SQLite tests."""
    postgres_url: str | None = request.getfixturevalue("postgres_url")
    if postgres_url is None:
        pytest.skip("no PostgreSQL server on this machine (make test installs one)")
    _fresh(postgres_url).dispose()
    return postgres_url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty, fully migrated store on each backend."""
    if request.param == "sqlite":
        return _copy_sqlite(request.getfixturevalue("sqlite_template"), tmp_path / "statkg.sqlite3")
    return _fresh_postgres(request)


@pytest.fixture(params=BACKENDS)
def classified_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated store on each backend with the state classifiers loaded and committed."""
    if request.param == "sqlite":
        template = request.getfixturevalue("classified_template")
        return _copy_sqlite(template, tmp_path / "statkg.sqlite3")
    url = _fresh_postgres(request)
    database = Database(url)
    with database.transaction() as session:
        load_classifiers(session)
    database.dispose()
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
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    """A migrated SQLite store, for tests whose subject is not the backend."""
    return _copy_sqlite(sqlite_template, tmp_path / "statkg.sqlite3")


@pytest.fixture
def classified_sqlite_url(tmp_path: Path, classified_template: Path) -> str:
    """A migrated SQLite store with the state classifiers loaded (what ingestion checks
    against), for tests whose subject is neither the backend nor the classifiers."""
    return _copy_sqlite(classified_template, tmp_path / "statkg.sqlite3")


@pytest.fixture(scope="session")
def sqlite_copies(
    tmp_path_factory: pytest.TempPathFactory, classified_template: Path
) -> Callable[[str], str]:
    """Make stores like :func:`classified_sqlite_url` anywhere (more than one in a test, or one
    for a module's fixture): ``sqlite_copies(name)`` is the URL of a new copy."""
    return lambda name: _copy_sqlite(
        classified_template, tmp_path_factory.mktemp(name) / "statkg.sqlite3"
    )


@pytest.fixture(autouse=True)
def _microdata_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test writes the crossings microdata into its own folder, never into var/."""
    monkeypatch.setenv("STATKG_MICRODATA_DIR", str(tmp_path / "microdata"))
