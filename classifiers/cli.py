"""``flask classifiers …``: load the shipped classifiers into the store.

Registered by the app factory (``app.cli.add_command(classifiers.cli.cli)``); it runs inside
the app context, whose store (``store.cli.database()``) is ``DATABASE_URL``'s.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup

from classifiers.loader import load_classifiers
from store.cli import database

cli = AppGroup("classifiers", help="State classifiers (СОАТЕ, countries, age groups, …).")


@cli.command("load")
def load_command() -> None:
    """Load (or update) every classifier; safe to run again."""
    with database().transaction() as session:
        counts = load_classifiers(session)
    width = max(len(codelist_id) for codelist_id in counts)
    for codelist_id, count in counts.items():
        click.echo(f"{codelist_id:<{width}}  {count:>5}")
    click.echo(f"{len(counts)} codelists, {sum(counts.values())} codes loaded")
