"""No export of an embargoed release, by any path; signed links expire; the lifecycle and
its audit trail (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import update

from exports.embargo import EmbargoedError
from exports.links import LinkExpiredError, LinkInvalidError, Links
from exports.spec import TableSpec
from exports.tables import build
from store import Database
from store.models import Release, ReleaseStatus
from tests import release_factory as rf
from tests.jsonstat import assert_valid
from tests.test_exports_requests import READER, STAFF, download, fulfil, make_app

RELEASE_TABLE = {"source": "release", "indicator": "pop_test", "periods": ["2025"]}
MICRODATA = {"source": "microdata", "indicator": "mig_arrivals", "breakdowns": ["sex"]}


@pytest.fixture
def small(database_url: str, tmp_path: Path) -> Iterator[tuple[Flask, Database]]:
    database = Database(database_url)
    with database.session() as session:
        rf.public_and_embargoed(session)
        session.add(
            Release(
                id="2025-F1",
                reference_period="2025",
                status=ReleaseStatus.FINAL,
                created_at=rf.NOW,
                scheduled_at=rf.NOW + timedelta(days=1),
                published_at=rf.NOW + timedelta(days=1),
                synthetic=True,
                notes={},
            )
        )
        session.commit()
    app = make_app(database_url, tmp_path)
    yield app, database
    app.extensions["statkg.db"].dispose()
    database.dispose()


def ask(client: FlaskClient, table: dict[str, Any], formats: list[str] | None = None) -> Any:
    return client.post(
        "/api/v1/requests",
        json={
            "contact": {"name": "Journalist", "email": "j@example.kg"},
            "purpose": "Population by oblast and sex for an article.",
            "table": table,
            "language": "en",
            "formats": formats or ["csv", "jsonstat"],
        },
    )


@pytest.mark.store
@pytest.mark.parametrize(
    "table",
    [
        {**RELEASE_TABLE, "release": rf.EMBARGOED_ID},  # an embargoed release by name
        {**RELEASE_TABLE, "release": "2025-F1", "periods": ["2025"]},  # a scheduled revision
        {**MICRODATA, "periods": ["2026"]},  # microdata of a year no public release covers
        {**MICRODATA, "periods": ["2025"]},  # microdata of a year whose revision waits
    ],
)
def test_requests_for_embargoed_data_are_refused_at_intake(
    small: tuple[Flask, Database], table: dict[str, Any]
) -> None:
    answer = ask(small[0].test_client(), table)
    assert answer.status_code == 400
    assert str(rf.EMBARGOED_VALUE)[:6] not in answer.get_data(as_text=True)


def test_tables_of_embargoed_releases_cannot_be_built(small: tuple[Flask, Database]) -> None:
    with small[1].session() as session:
        for spec in (
            TableSpec("release", "pop_test", ("2026",), release=rf.EMBARGOED_ID),
            TableSpec("microdata", "mig_arrivals", ("2026",), ("sex",)),
        ):
            with pytest.raises(EmbargoedError):
                build(session, spec, rf.NOW)


@pytest.mark.store
def test_a_release_embargoed_again_stops_fulfilment_and_downloads(
    small: tuple[Flask, Database],
) -> None:
    app, database = small
    client = app.test_client()
    status = fulfil(app, client, ask(client, RELEASE_TABLE))
    assert status["status"] == "fulfilled"
    assert download(client, status["files"][0]["url"]).startswith("\ufeff".encode())
    jsonstat = next(f for f in status["files"] if f["format"] == "jsonstat")
    assert_valid(json.loads(download(client, jsonstat["url"])))  # a release's table, with notes
    second = ask(client, RELEASE_TABLE)
    rid = second.get_json()["id"]
    client.post(f"/api/v1/staff/requests/{rid}/review", json={"action": "accept"}, headers=STAFF)
    with database.transaction() as session:  # the publication is moved to tomorrow
        session.execute(
            update(Release)
            .where(Release.id == "2025-P1")
            .values(published_at=rf.NOW + timedelta(days=1))
        )
    assert client.get(status["files"][0]["url"]).status_code == 404
    assert client.post(f"/api/v1/staff/requests/{rid}/fulfil", headers=STAFF).status_code == 400


def test_the_worker_refuses_a_release_embargoed_after_queueing(
    small: tuple[Flask, Database],
) -> None:
    app, database = small
    client = app.test_client()
    answer = ask(client, RELEASE_TABLE)
    rid = answer.get_json()["id"]
    client.post(f"/api/v1/staff/requests/{rid}/review", json={"action": "accept"}, headers=STAFF)
    client.post(f"/api/v1/staff/requests/{rid}/fulfil", headers=STAFF)
    with database.transaction() as session:
        session.execute(
            update(Release)
            .where(Release.id == "2025-P1")
            .values(published_at=rf.NOW + timedelta(days=1))
        )
    app.test_cli_runner().invoke(args=["exports", "work", "--once"])
    status = client.get(answer.get_json()["status_url"]).get_json()
    assert (status["status"], status["job"], "files" in status) == ("in_work", "failed", False)


def test_signed_links_expire_and_cannot_be_forged() -> None:
    now = [1_000_000.0]
    links = Links("secret", ttl=60, clock=lambda: now[0])
    link = links.make("R1", "R1.csv")
    assert links.open(link) == ("R1", "R1.csv")
    now[0] += 61
    with pytest.raises(LinkExpiredError):
        links.open(link)
    with pytest.raises(LinkInvalidError):
        Links("other secret", ttl=60).open(link)


def test_an_expired_link_answers_410_over_http(
    small: tuple[Flask, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _database = small
    client = app.test_client()
    status = fulfil(app, client, ask(client, RELEASE_TABLE))
    url = status["files"][0]["url"]
    assert client.get(url.replace("/downloads/", "/downloads/x")).status_code == 404
    later = time.time() + app.config["STATKG_CONFIG"].export_link_ttl + 5
    monkeypatch.setattr("exports.links.time.time", lambda: later)
    expired = client.get(url)
    assert expired.status_code == 410
    assert expired.mimetype == "application/problem+json"


@pytest.mark.store
def test_lifecycle_roles_and_audit_trail(small: tuple[Flask, Database]) -> None:
    client = small[0].test_client()
    answer = ask(client, RELEASE_TABLE)
    rid, status_url = answer.get_json()["id"], answer.get_json()["status_url"]
    staff_url = f"/api/v1/staff/requests/{rid}"
    assert client.get(staff_url).status_code == 401
    assert client.get(staff_url, headers=READER).status_code == 403
    assert client.get("/api/v1/requests/status/guess").status_code == 404
    review = f"{staff_url}/review"
    assert client.post(review, json={"action": "reject"}, headers=STAFF).status_code == 400
    client.post(review, json={"action": "reject", "reason": "Out of scope"}, headers=STAFF)
    assert client.get(status_url).get_json()["reason"] == "Out of scope"
    assert client.post(f"{staff_url}/fulfil", headers=STAFF).status_code == 409
    trail = client.get(staff_url, headers=STAFF).get_json()["audit_trail"]
    assert [e["action"] for e in trail] == ["received", "rejected"]
    assert trail[0]["actor"] == "requester"
    assert trail[1]["actor"].startswith("staff:")
    assert "staff-token" not in str(trail)


def test_nothing_is_written_when_the_audit_fails(
    small: tuple[Flask, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    from exports import fulfil as fulfilment
    from exports.audit import AuditReport, Interval
    from exports.sdc import Protection

    def weak(table: Any, rules: Any, published: bool = False) -> Protection:
        return Protection(table, 1, 0, AuditReport(3, (Interval(0, ("x",), "C", 1.0, 1.0),)))

    monkeypatch.setattr(fulfilment, "protect", weak)
    app, _database = small
    client = app.test_client()
    status = fulfil(app, client, ask(client, RELEASE_TABLE))
    assert (status["status"], status["job"], "files" in status) == ("in_work", "failed", False)
