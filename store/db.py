"""Engine and sessions of the statistical store, independent of Flask.

The same :class:`Database` serves the web app (attached with :meth:`init_app`), the CLI
commands and the tests, so that nothing in the store needs a request to work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

# Dates reach SQLite as ISO text, as SQLAlchemy's SQLite DATE stores them. The bulk loaders
# hand date objects to the driver directly (ingest.loader.insert_tuples), which relied on
# the sqlite3 module's default adapter: deprecated since Python 3.12, so registered here.
# (Adapters match the exact type: datetimes keep their own.)
sqlite3.register_adapter(date, date.isoformat)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys on (SQLite has them off by default); WAL so readers never block a load."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine for ``url``; for a SQLite file, create its folder first."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # No JIT: it compiles the queries PostgreSQL expects to be costly, and an API read of
    # 20,000 cells paid more for compiling than for reading (241 ms against 77).
    return create_engine(url, pool_pre_ping=True, connect_args={"options": "-c jit=off"})


class Database:
    """One store: an engine and a session factory, created unbound and configured later."""

    def __init__(self, url: str | None = None) -> None:
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        if url:
            self.configure(url)

    def configure(self, url: str) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = make_engine(url)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    def init_app(self, app: Any) -> None:
        """Bind to a Flask app's ``DATABASE_URL`` (Flask-style extension hook)."""
        self.configure(app.config["DATABASE_URL"])
        app.extensions["statkg.db"] = self

    @staticmethod
    def of(app: Any) -> Database:
        """The store of a Flask app (its requests and its commands use it)."""
        return cast(Database, app.extensions["statkg.db"])

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("Database is not configured: call configure(url) or init_app(app)")
        return self._engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        if self._sessions is None:
            raise RuntimeError("Database is not configured: call configure(url) or init_app(app)")
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        with self.session() as session, session.begin():
            yield session

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
