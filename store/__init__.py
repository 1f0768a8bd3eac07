"""The statistical store: SQLAlchemy models, the database handle and schema migrations.

It knows nothing of HTTP or PDFs; the web app, the CLI and the tests all use :data:`db`.
"""

from store.db import Database

db = Database()

__all__ = ["Database", "db"]
