"""``flask release …``: compute, check, publish and compare releases."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import click
from flask.cli import AppGroup
from sqlalchemy import select

from indicators import release as releases
from indicators.catalog import TOPICS
from indicators.cubes import DataError
from store import revisions
from store.cli import database
from store.models import Release, ReleaseStatus

BISHKEK = ZoneInfo("Asia/Bishkek")
cli = AppGroup("release", help="Releases: compute, publish, compare.")


def _when(value: str) -> datetime:
    """``now`` or an ISO date-time; without a zone, Bishkek time is meant."""
    if value == "now":
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not an ISO date-time or 'now'") from error
    return moment if moment.tzinfo else moment.replace(tzinfo=BISHKEK)


@cli.command("compute")
@click.option("--period", type=int, required=True, help="Reference year, e.g. 2025.")
@click.option("--provisional/--final", default=True, show_default=True)
@click.option(
    "--publish-at",
    "publish_at",
    default="now",
    show_default=True,
    help="Publication time (embargo until then): ISO date-time or 'now'.",
)
@click.option(
    "--if-changed",
    is_flag=True,
    help="Do nothing when the newest public release has the same inputs.",
)
def compute_command(period: int, provisional: bool, publish_at: str, if_changed: bool) -> None:
    """Compute every indicator into a new release, check it and schedule it."""
    if if_changed:
        with database().session() as session:
            same = releases.unchanged_release(session, period)
            if same is not None:
                click.echo(f"release {same.id} already holds these inputs: nothing to do")
                return
    status = ReleaseStatus.PROVISIONAL if provisional else ReleaseStatus.FINAL
    scheduled = _when(publish_at)
    steps = [*(t.__name__.rsplit(".", 1)[-1] for t in TOPICS), "checks", "write"]
    try:
        with (
            click.progressbar(length=len(steps), label="computing release") as bar,
            database().transaction() as session,
        ):
            outcome = releases.compute_release(
                session,
                period,
                status,
                scheduled,
                datetime.now(UTC),
                progress=lambda _step: bar.update(1),
            )
            release = outcome.release
            release_id, revises = release.id, release.revises_id
            notes = release.notes
    except DataError as error:
        raise click.ClickException(f"the microdata cannot support a release: {error}") from error
    click.echo(
        f"release {release_id}: {outcome.observations:,} observations "
        f"({', '.join(f'{k} {v}s' for k, v in outcome.seconds.items())})"
    )
    for check in notes["checks"]:
        mark = "ok  " if check["passed"] else "FAIL"
        click.echo(
            f"  {mark} {check['name']}: {check['compared']:,} compared, "
            f"{check['failures']:,} failed"
        )
        for example in check["examples"]:
            click.echo(f"         {example}")
        if check.get("warnings"):
            click.echo(f"       {check['warnings']:,} explained by records in quarantine, e.g.:")
            for example in check["warning_examples"]:
                click.echo(f"         {example}")
    if not notes["checks_passed"]:
        raise click.ClickException(f"release {release_id} failed its checks: not scheduled")
    click.echo(f"  scheduled for publication at {scheduled.isoformat()}")
    if revises:
        _print_diff(revises, release_id, limit=20)


@cli.command("publish")
@click.argument("release_id")
def publish_command(release_id: str) -> None:
    """Publish a release now (it must have passed its checks)."""
    try:
        with database().transaction() as session:
            release = releases.publish(session, release_id, datetime.now(UTC))
            published = release.published_at
    except releases.ReleaseError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"release {release_id} public since {published.isoformat() if published else ''}")


@cli.command("list")
def list_command() -> None:
    """The releases, newest first, with their status and publication time."""
    now = datetime.now(UTC)
    with database().session() as session:
        for release in session.scalars(select(Release).order_by(Release.created_at.desc())):
            public = release.published_at is not None and release.published_at <= now
            state = "public" if public else ("embargoed" if release.published_at else "held")
            click.echo(
                f"{release.id:<10} {release.reference_period} {release.status.value:<11}"
                f" {state:<9} revises {release.revises_id or '-'}"
                f"{'  SYNTHETIC' if release.synthetic else ''}"
            )


@cli.command("diff")
@click.argument("old_id")
@click.argument("new_id")
@click.option("--limit", default=50, show_default=True, help="Changes to list.")
def diff_command(old_id: str, new_id: str, limit: int) -> None:
    """List the values that changed from one release to another."""
    _print_diff(old_id, new_id, limit)


def _print_diff(old_id: str, new_id: str, limit: int) -> None:
    with database().session() as session:
        changes = revisions.diff(session, old_id, new_id)
    click.echo(f"revision {old_id} → {new_id}: {len(changes):,} values changed")
    for change in changes[:limit]:
        relative = "" if change.relative is None else f" ({change.relative:+.2%})"
        click.echo(
            f"  {change.indicator} {change.period} {change.dim_key}: "
            f"{_fmt(change.old)} → {_fmt(change.new)}{relative}"
        )
    if len(changes) > limit:
        click.echo(f"  … and {len(changes) - limit:,} more (--limit)")


def _fmt(value: float | None) -> str:
    return "…" if value is None else f"{value:,.4g}"
