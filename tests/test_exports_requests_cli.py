"""``flask requests …``: a newcomer finishes a data request on the machine, without a token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from flask import Flask

from store import Database, schema
from tests import release_factory as rf
from tests.test_exports_requests import ask, download, make_app


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """A store with a public release (2025-P1): requests for its tables can be made."""
    tmp = tmp_path_factory.mktemp("requests-cli")
    url = f"sqlite:///{tmp / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        rf.public_and_embargoed(session)
    database.dispose()
    app = make_app(url, tmp)
    yield app
    app.extensions["statkg.db"].dispose()


def flask(app: Flask, *args: str) -> Result:
    return app.test_cli_runner().invoke(args=list(args))


def received(app: Flask) -> dict[str, Any]:
    table = {"source": "release", "indicator": "pop_test", "periods": ["2025"]}
    answer = ask(app.test_client(), table=table, formats=["csv", "xlsx"])
    assert answer.status_code == 202, answer.get_json()
    return dict(answer.get_json())


def test_the_round_trip_of_the_readme(app: Flask) -> None:
    """POST over HTTP; list, show, review, fulfil with the CLI; the worker; the status; a file."""
    request = received(app)
    rid = request["id"]
    listed = flask(app, "requests", "list", "--status", "received")
    assert listed.exit_code == 0
    assert re.search(rf"^{rid}\s+received\b.*release pop_test 2025", listed.output, re.M)
    assert flask(app, "requests", "review", rid, "--accept").output == f"{rid}: in_work\n"
    queued = flask(app, "requests", "fulfil", rid)
    assert (queued.exit_code, queued.output.startswith(f"{rid}: queued")) == (0, True)
    assert flask(app, "exports", "work", "--once").exit_code == 0
    client = app.test_client()
    status = client.get(request["status_url"]).get_json()
    assert (status["status"], status["job"]) == ("fulfilled", "done")
    assert download(client, status["files"][0]["url"]).startswith("\ufeff".encode())
    trail = flask(app, "requests", "show", rid).output.split("audit trail:\n")[1]
    steps = [line.split()[1:3] for line in trail.splitlines()]
    assert [action for _actor, action in steps] == ["received", "accepted", "queued", "fulfilled"]
    assert all(actor.startswith("cli:") for actor, _action in steps[1:3])


def test_a_rejection_needs_a_reason_and_is_in_the_trail(app: Flask) -> None:
    rid = received(app)["id"]
    refused = flask(app, "requests", "review", rid, "--reject")
    assert (refused.exit_code, refused.output) == (2, "error: reason: required to reject\n")
    done = flask(app, "requests", "review", rid, "--reject", "--reason", "Not our data")
    assert done.output == f"{rid}: rejected (Not our data)\n"
    shown = flask(app, "requests", "show", rid, "--json").output
    assert '"action": "rejected"' in shown
    assert '"reason": "Not our data"' in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "R20990101-NOPE", "--accept"], "error: there is no request R20990101-NOPE"),
        (["show", "R20990101-NOPE"], "error: there is no request R20990101-NOPE"),
        (["fulfil", "{rid}"], "error: the request is received/none: this step is not allowed"),
    ],
)
def test_a_wrong_step_is_a_clear_error(app: Flask, args: list[str], message: str) -> None:
    rid = received(app)["id"]
    result = flask(app, "requests", *[a.format(rid=rid) for a in args])
    assert result.exit_code == 2
    assert result.output.startswith(message)


def test_review_says_accept_or_reject(app: Flask) -> None:
    result = flask(app, "requests", "review", received(app)["id"])
    assert result.exit_code == 2
    assert "--accept" in result.output


def test_an_empty_list_says_so(app: Flask, tmp_path: Path) -> None:
    assert flask(app, "requests", "list", "--status", "fulfilled").exit_code == 0
    other = make_app(f"sqlite:///{tmp_path / 'empty.sqlite3'}", tmp_path)
    schema.upgrade(other.extensions["statkg.db"].engine)
    assert flask(other, "requests", "list").output == "no requests\n"
    other.extensions["statkg.db"].dispose()
