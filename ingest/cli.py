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
from ingest.base import KINDS, SourceAdapter, SourceError, discover
from ingest.loader import BatchLoader, BatchResult
from ingest.pseudonymise import Pseudonymiser
from store.cli import database

cli = AppGroup(
    "ingest", help="Ingest the sources: validate, map, pseudonymise, load or quarantine."
)
log = logging.getLogger(__name__)


def loader() -> BatchLoader:
    return BatchLoader(database(), Pseudonymiser(Config().pseudonym_secret))


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
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Only sources of this kind.")
@click.option("--names", is_flag=True, help="Only the names, one a line (for scripts).")
def sources_command(kind: str | None, names: bool) -> None:
    """List the sources that can be ingested (``make data`` loops over ``--kind … --names``)."""
    for name, adapter_class in discover(kind).items():
        click.echo(name if names else f"{name:<24} {adapter_class.kind:<8} {adapter_class.help}")


@cli.command("files")
@click.argument("source")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--synthetic", is_flag=True, help="Mark the batches as synthetic data.")
def files_command(source: str, paths: tuple[str, ...], synthetic: bool) -> None:
    """Ingest several files of the file source SOURCE, one batch each, in the order given
    (``make data`` passes a source's yearly tables at once: one process, not one a file)."""
    adapters = discover("file")
    if source not in adapters:
        raise click.BadParameter(f"not a file source: {source}", param_hint="SOURCE")
    for path in paths:
        click.echo(path)
        try:
            result = adapters[source](path=path, synthetic=synthetic).run(loader())  # type: ignore[call-arg]
        except SourceError as error:
            click.echo(f"error: {source}: {error}", err=True)
            raise SystemExit(2) from None
        echo_result(result, as_json=False)


@cli.command("crosswalks")
def crosswalks_command() -> None:
    """Load the versioned crosswalks (ministry lists → СОАТЕ, countries) from ingest/data."""
    from ingest import crosswalks

    with database().transaction() as session:
        count = crosswalks.load(session)
    click.echo(f"{count} crosswalk entries loaded")


@cli.command("unmapped")
@click.option("--source", default=None)
def unmapped_command(source: str | None) -> None:
    """Ministry codes without a mapping, with counts and suggested СОАТЕ matches (JSON)."""
    from ingest.crosswalks import unmapped_report

    with database().session() as session:
        click.echo(json.dumps(unmapped_report(session, source), ensure_ascii=False, indent=2))


@cli.command("quality")
@click.argument("source")
@click.option("--from", "start", required=True, help="First day of the period (ISO).")
@click.option("--to", "end", required=True, help="Last day of the period (ISO).")
@click.option("--html", is_flag=True, help="A readable page instead of JSON.")
@click.option("--lang", type=click.Choice(["ky", "ru", "en"]), default="ky", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Write to FILE.")
def quality_command(
    source: str, start: str, end: str, html: bool, lang: str, out: str | None
) -> None:
    """The quality report of SOURCE for a period, as JSON (or, with --html, a page in LANG)."""
    from datetime import date
    from pathlib import Path

    from ingest.quality import report
    from store.quality import event_table, render_html

    try:
        period = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        raise click.BadParameter("--from and --to must be ISO dates") from None
    with database().session() as session:
        result = report(session, source, *period, table=event_table(source))
    text = render_html(result, lang) if html else json.dumps(result, ensure_ascii=False, indent=2)
    if out is None:
        click.echo(text)
    else:
        Path(out).write_text(text + "\n", encoding="utf-8")
        click.echo(out)


@cli.command("resubmit")
@click.argument("quarantine_id", type=int)
@click.option("--set", "fields", multiple=True, help="field=value, the correction.")
def resubmit_command(quarantine_id: int, fields: tuple[str, ...]) -> None:
    """Correct a quarantined record and submit it again."""
    from ingest.quarantine import QuarantineError, resubmit

    corrections = dict(f.split("=", 1) for f in fields if "=" in f)
    try:
        result = resubmit(loader(), quarantine_id, corrections)
    except QuarantineError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(2) from None
    echo_result(result, as_json=False)


@cli.command("templates")
@click.option("--lang", type=click.Choice(["ky", "ru", "en"]), required=True)
@click.option("--out", type=click.Path(file_okay=False), default="var/templates", show_default=True)
@click.option("--report", "reports", multiple=True,
              help="Only this report (paper-…, agg-…); repeatable.")  # fmt: skip
def templates_command(lang: str, out: str, reports: tuple[str, ...]) -> None:
    """Write the blank templates of the paper reports and of the aggregate tables by sex in
    LANG: XLSX and CSV, one pair per report."""
    from pathlib import Path

    from classifiers.countries import country_rows
    from ingest.paper import write_templates

    countries = sorted(getattr(row, f"label_{lang}") for row in country_rows())
    for path in write_templates(lang, Path(out), countries, reports):
        click.echo(str(path))
