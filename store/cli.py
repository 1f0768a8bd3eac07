"""``flask store …``: create or upgrade the schema and show what the store holds."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from store import schema
from store.db import Database
from store.models import Base


def database() -> Database:
    """The store of the app a ``flask`` command runs in (``create_app`` makes one per app).

    Every package's commands reach the store through this, so that a command, like a
    request, uses its own app's store and never a process-wide handle.
    """
    return Database.of(current_app)


cli = AppGroup("store", help="The statistical store: schema and contents.")


@cli.command("upgrade")
def upgrade_command() -> None:
    """Create the schema, or apply pending migrations (safe to run again)."""
    store = database()
    schema.upgrade(store.engine)
    click.echo(f"schema at revision {schema.current_revision(store.engine)} ({store.dialect})")


@cli.command("status")
def status_command() -> None:
    """Print the schema revision and the row count of every table."""
    store = database()
    click.echo(f"database: {store.engine.url.render_as_string(hide_password=True)}")
    click.echo(f"revision: {schema.current_revision(store.engine)} (head {schema.head_revision()})")
    with store.session() as session:
        for table in Base.metadata.sorted_tables:
            count = session.scalar(select(func.count()).select_from(table))
            click.echo(f"  {table.name:<20} {count:>12,}")
