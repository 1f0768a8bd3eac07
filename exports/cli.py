"""``flask exports work``: the background worker that makes queued data-request exports.

Why a separate process polling the requests table, rather than a thread inside the web
workers: gunicorn recycles its workers, and the API may run on several machines; a job in
the table survives both, several workers can share the queue safely (a job is claimed with
one conditional UPDATE), and a PDF render never holds up a web worker.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import click
from flask import current_app
from flask.cli import AppGroup

from exports import fulfil, requests
from store.cli import database

cli = AppGroup("exports", help="Data-request exports.")


@cli.command("work")
@click.option("--once", is_flag=True, help="Make what is queued now, then stop.")
def work_command(once: bool) -> None:
    """Make queued exports; poll every STATKG_EXPORT_POLL seconds (until Ctrl-C)."""
    config = current_app.config["STATKG_CONFIG"]
    settings = requests.Settings.from_config(config)
    while True:
        with database().session() as session:
            made = fulfil.work_once(session, settings, lambda: datetime.now(UTC))
        if made:
            click.echo(f"exports: made {made} request(s)")
        if once:
            return
        time.sleep(config.export_poll)
