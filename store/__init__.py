"""The statistical store: SQLAlchemy models, the database handle and schema migrations.

It knows nothing of HTTP or PDFs. The CLI commands use :data:`db`, configured by the app
they run in; each web app holds a :class:`Database` of its own (``app.extensions``), so
that two apps in one process keep two stores apart.
"""

from store.db import Database

db = Database()

__all__ = ["Database", "db"]
