"""``flask ingest …``: one command per source adapter, plus crosswalks, quarantine and quality.

Why generated commands: each module in ``ingest/sources/`` registers an adapter, and this
group turns every registered adapter into ``flask ingest <source> [options] [--dry-run]``
with the adapter's own options, so adding a source never touches the CLI. Every run prints
the batch's conservation counts; a source that cannot be read ends with a clear message and
exit status 2 (never a traceback), leaving the batch resumable.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import click
from flask.cli import AppGroup

from config import Config
from ingest.base import SourceAdapter, SourceError, discover
from ingest.loader import BatchLoader, BatchResult
from ingest.pseudonymise import Pseudonymiser
from store import db

cli = AppGroup(
    "ingest", help="Ingest the sources: validate, map, pseudonymise, load or quarantine."
)
log = logging.getLogger(__name__)


def loader() -> BatchLoader:
    return BatchLoader(db, Pseudonymiser(Config().pseudonym_secret))


def echo_result(result: BatchResult, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    state = (
        "already loaded"
        if result.already_loaded
        else ("dry run, nothing written" if result.dry_run else "loaded")
    )
    click.echo(f"{result.source}: batch {result.batch_id} ({result.delivery_key}) {state}")
    click.echo(
        f"  received {result.received:,} = loaded {result.loaded:,} + quarantined "
        f"{result.quarantined:,} + duplicates {result.duplicates:,}"
        + ("" if result.balanced else "  (NOT BALANCED)")
    )
    for code, count in result.reasons.items():
        click.echo(f"  quarantined {code}: {count:,}")
    for code, count in sorted(result.unmapped.items(), key=lambda item: -item[1]):
        click.echo(f"  unmapped {code}: {count:,}")


def _command(adapter_class: type[SourceAdapter]) -> click.Command:
    def callback(dry_run: bool, as_json: bool, **options: Any) -> None:
        try:
            adapter = adapter_class(**options)
            result = adapter.run(loader(), dry_run=dry_run)
        except SourceError as error:
            click.echo(f"error: {adapter_class.name}: {error}", err=True)
            raise SystemExit(2) from None
        echo_result(result, as_json)

    params: list[click.Parameter] = [
        *adapter_class.options,
        click.Option(["--dry-run"], is_flag=True, help="Validate and count; write nothing."),
        click.Option(["--json", "as_json"], is_flag=True, help="Print the result as JSON."),
    ]
    return click.Command(
        adapter_class.name, callback=callback, params=params, help=adapter_class.help
    )


for _adapter in discover().values():
    cli.add_command(_command(_adapter))


@cli.command("sources")
def sources_command() -> None:
    """List the sources that can be ingested."""
    for name, adapter_class in discover().items():
        click.echo(f"{name:<24} {adapter_class.help}")
