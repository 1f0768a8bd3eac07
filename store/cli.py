"""``flask store …``: create or upgrade the schema and show what the store holds."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import func, select

from store import db, schema
from store.models import Base

cli = AppGroup("store", help="The statistical store: schema and contents.")


@cli.command("upgrade")
def upgrade_command() -> None:
    """Create the schema, or apply pending migrations (safe to run again)."""
    schema.upgrade(db.engine)
    click.echo(f"schema at revision {schema.current_revision(db.engine)} ({db.dialect})")


@cli.command("status")
def status_command() -> None:
    """Print the schema revision and the row count of every table."""
    click.echo(f"database: {db.engine.url.render_as_string(hide_password=True)}")
    click.echo(f"revision: {schema.current_revision(db.engine)} (head {schema.head_revision()})")
    with db.session() as session:
        for table in Base.metadata.sorted_tables:
            count = session.scalar(select(func.count()).select_from(table))
            click.echo(f"  {table.name:<20} {count:>12,}")
