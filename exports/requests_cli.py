"""``flask requests …``: staff work on users' data requests from the machine's shell.

Why beside the staff API: ``make run`` starts with no staff token (tokens are production
configuration), so on a development machine every staff route answers 401 and a newcomer's
data request stopped at "received". Whoever can run ``flask`` on the machine already holds
the store, so these commands need no token; they call the very services of
:mod:`exports.requests` that the staff routes call, so a request reviewed here is reviewed
exactly as over HTTP, with a line in its audit trail naming the system user
(``cli:<user>``).

    flask requests list [--status received]
    flask requests show ID
    flask requests review ID --accept | --reject --reason "…"
    flask requests fulfil ID        # queue it; the worker (flask exports work) makes the files
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import click
from flask.cli import AppGroup

from exports import requests as service
from store.cli import database
from store.models import DataRequest, RequestStatus

cli = AppGroup("requests", help="Data requests: list, show, review and fulfil (staff).")
STATUSES = [status.value for status in RequestStatus]


def actor() -> str:
    """Who did it, for the audit trail: the system user running the command."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name known to the system (some containers)
        return "cli:unknown"


def describe(table: dict[str, Any]) -> str:
    """What a request asks for, on one line: ``microdata mig_arrivals 2025 by soate, sex``."""
    words = [str(table.get("source", "")), str(table.get("indicator", ""))]
    words.append(",".join(str(p) for p in table.get("periods", [])))
    if table.get("breakdowns"):
        words.append("by " + ", ".join(table["breakdowns"]))
    if table.get("source") == "microdata" and table.get("territory"):
        words.append(f"in {table['territory']}")
    if table.get("release"):
        words.append(f"from {table['release']}")
    return " ".join(w for w in words if w)


def _step(run: Callable[[], Any]) -> Any:
    """Run one service step; its domain errors end the command with a clear message (exit 2)."""
    try:
        return run()
    except service.RequestNotFoundError as error:
        message = f"there is no request {error}"
    except service.RequestStateError as error:
        message = f"the request is {error}: this step is not allowed now"
    except service.RequestInvalidError as error:
        message = "; ".join(f"{name}: {why}" for name, why in error.fields.items())
    click.echo(f"error: {message}", err=True)
    raise SystemExit(2)


def _now() -> datetime:
    return datetime.now(UTC)


@cli.command("list")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only this status.")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def list_command(status: str | None, as_json: bool) -> None:
    """Requests, newest first (optionally of one status)."""
    with database().session() as session:
        rows = service.staff_list(session, status)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"no {status} requests" if status else "no requests")
        return
    for row in rows:
        click.echo(
            f"{row['id']:<18} {row['status']:<10} job {row['job']:<8} {row['received_at'][:19]}"
            f"  {describe(row['table'])}  [{', '.join(row['formats'])}]"
        )


@cli.command("show")
@click.argument("request_id")
@click.option("--json", "as_json", is_flag=True, help="Print what the staff API answers.")
def show_command(request_id: str, as_json: bool) -> None:
    """One request: contact, what was asked, files, disclosure control and the audit trail."""
    with database().session() as session:
        view = _step(lambda: service.staff_view(service.by_id(session, request_id)))
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
        return
    contact = view["contact"]
    lines = [
        f"{view['id']}: {view['status']} (job {view['job']}, {view['progress']} %)",
        f"  received  {view['received_at']}",
        f"  contact   {contact['name']} <{contact['email']}>"
        + (f", {contact['organisation']}" if contact["organisation"] else ""),
        f"  purpose   {view['purpose']}",
        f"  table     {describe(view['spec'].get('table', {}))}",
        f"  formats   {', '.join(view['formats'])} (language {view['language']})",
        f"  release   {view['release']}",
    ]
    if view["reason"]:
        lines.append(f"  reason    {view['reason']}")
    lines += [f"  file      {f['name']} ({f.get('bytes', '?')} bytes)" for f in view["files"]]
    lines.append("  audit trail:")
    lines += [
        f"    {e['at'][:19]}  {e['actor']:<16} {e['action']}"
        + (f"  {json.dumps(e['detail'], ensure_ascii=False)}" if e["detail"] else "")
        for e in view["audit_trail"]
    ]
    click.echo("\n".join(lines))


@cli.command("review")
@click.argument("request_id")
@click.option("--accept/--reject", "accept", default=None, help="Accept or reject it.")
@click.option("--reason", default=None, help="Why it is rejected (required with --reject).")
def review_command(request_id: str, accept: bool | None, reason: str | None) -> None:
    """Accept a request (received → in work) or reject it with a reason."""
    if accept is None:  # click does not enforce a flag pair without a default
        raise click.UsageError("say --accept, or --reject with --reason")
    action = "accept" if accept else "reject"
    with database().transaction() as session:
        row: DataRequest = _step(
            lambda: service.review(session, request_id, action, actor(), _now(), reason)
        )
        click.echo(f"{row.id}: {row.status.value}" + (f" ({row.reason})" if row.reason else ""))


@cli.command("fulfil")
@click.argument("request_id")
def fulfil_command(request_id: str) -> None:
    """Queue an accepted request; the export worker (``flask exports work``) makes its files."""
    with database().transaction() as session:
        row: DataRequest = _step(lambda: service.queue(session, request_id, actor(), _now()))
        click.echo(
            f"{row.id}: queued for the export worker "
            "(`flask exports work`, which `make serve` runs beside the app)"
        )
