"""The statistical store: SQLAlchemy models, the database handle and schema migrations.

It knows nothing of HTTP or PDFs. Each app holds a :class:`Database` of its own
(``app.extensions["statkg.db"]``), which its requests and its ``flask`` commands use
(``store.cli.database()``), so that two apps in one process keep two stores apart.
"""

from store.db import Database

__all__ = ["Database"]
