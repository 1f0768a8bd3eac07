"""The public API /api/v1: embargo, languages, JSON-stat, caching, limits, errors."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from config import Config
from store import Database
from store.models import Observation
from tests import release_factory as rf
from tests.jsonstat import assert_valid

DATA = "/api/v1/data/pop_test"


def _make_app(url: str, tmp_path: Path, **settings: Any) -> Flask:
    from app import create_app

    database = Database(url)
    with database.transaction() as session:
        rf.public_and_embargoed(session)
    database.dispose()
    pubs = tmp_path / "publications"
    for release in ("2025-P1", rf.EMBARGOED_ID):
        (pubs / release / "en").mkdir(parents=True)
        (pubs / release / "en" / "yearbook.pdf").write_bytes(b"%PDF-1.7 test")
    settings = {"api_tokens": {"t": frozenset({"reader"})}, **settings}
    cfg = dataclasses.replace(Config(), publications_dir=pubs, **settings)
    return create_app({"DATABASE_URL": url, "TESTING": True, "STATKG_CONFIG": cfg})


@pytest.fixture
def api(database_url: str, tmp_path: Path) -> Iterator[FlaskClient]:
    app = _make_app(database_url, tmp_path)
    yield app.test_client()
    app.extensions["statkg.db"].dispose()


def _numbers(value: Any) -> Iterator[float]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield float(value)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _numbers(v)
    elif isinstance(value, list):
        for v in value:
            yield from _numbers(v)


def _public_urls(app: Flask) -> list[str]:
    fill = {
        "indicator_id": "pop_test",
        "release_id": rf.EMBARGOED_ID,
        "codelist_id": "soate",
        "name": f"{rf.EMBARGOED_ID}/en/yearbook.pdf",
        "filename": "nothing.txt",
        "token": "no-such-token",  # data requests: the requester's status
        "link": "no-such-link",  # data requests: a signed download link
        # the public pages (web/)
        "lang": "en",
        "topic": "population",
        "soate_code": "41702",
        "fmt": "csv",
    }
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()) or "/staff/" in rule.rule:
            continue
        path = rule.rule
        for arg in rule.arguments:
            path = re.sub(rf"<(\w+:)?{arg}>", fill[arg], path)
        urls.append(path)
    extra = [
        f"{DATA}?valueCodes[period]=*&format=jsonstat",
        f"{DATA}?release={rf.EMBARGOED_ID}",
        f"/api/v1/sync?since={rf.EMBARGOED_ID}",
        "/api/v1/search?q=pop",
        "/api/v1/catalog/pop_test",
        f"/en/indicators/pop_test/?release={rf.EMBARGOED_ID}",
        "/en/indicators/pop_test/?period=*",
        "/en/search?q=pop",
    ]
    return urls + extra


def test_no_public_route_shows_anything_of_an_embargoed_release(api: FlaskClient) -> None:
    app = api.application
    with app.extensions["statkg.db"].session() as session:
        secret = {
            o.value
            for o in session.scalars(
                select(Observation).where(Observation.release_id == rf.EMBARGOED_ID)
            )
        }
    urls = _public_urls(app)
    assert len(urls) > 15
    for url in urls:
        response = api.get(url)
        assert response.status_code < 500, url
        text = response.get_data(as_text=True)
        if url == "/api/v1/releases":  # the calendar names it with its date, nothing more
            body = json.loads(text)
            assert [u["id"] for u in body.pop("upcoming")] == [rf.EMBARGOED_ID]
            text = json.dumps(body)
        if response.mimetype == "text/html":
            # The pages' calendar names it with its time, nothing more; an error page
            # echoes the address the visitor typed in its links.
            text = text.replace(f'<th scope="row">{rf.EMBARGOED_ID}</th>', "")
            if response.status_code >= 400:
                text = re.sub(r'href="[^"]*"', "", text)
        assert rf.EMBARGOED_ID not in text, url
        if response.is_json:
            assert not secret & set(_numbers(response.get_json())), url


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_same_values_in_every_language(api: FlaskClient, lang: str) -> None:
    query = f"{DATA}?valueCodes[soate]=level(oblast)&valueCodes[period]=top(2)"
    base = api.get(query + "&lang=en").get_json()
    answer = api.get(f"{query}&lang={lang}")
    assert answer.headers["Content-Language"] == lang
    body = answer.get_json()
    assert body["rows"] == base["rows"]
    assert [d["codes"][0]["code"] for d in body["dimensions"]] == [
        d["codes"][0]["code"] for d in base["dimensions"]
    ]
    assert (body["indicator"]["label"] == base["indicator"]["label"]) == (lang == "en")


@pytest.mark.filterwarnings("ignore:Shouldn't use this function:DeprecationWarning")
@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_every_jsonstat_answer_loads_in_pyjstat(api: FlaskClient, lang: str) -> None:
    """…and passes the strict JSON-stat 2.0 validator (``unit.base`` as text, say)."""
    from pyjstat import pyjstat

    for selection in ("", "?valueCodes[soate]=41702,41711,41711&valueCodes[sex]=*"):
        sep = "&" if selection else "?"
        response = api.get(f"{DATA}{selection}{sep}format=jsonstat&lang={lang}")
        dataset = pyjstat.Dataset.read(response.get_data(as_text=True))
        frame = dataset.write("dataframe")
        body = response.get_json()
        assert_valid(body)
        assert body["extension"]["unit_base"] == {"pop_test": 1}
        assert len(frame) == len(body["value"]) == body["size"][1] * body["size"][2] * 4
        assert body["role"]["time"] == ["period"]
        assert "note" in body
        assert body["updated"].startswith("20")


def test_footnotes_and_flags_travel_with_values(api: FlaskClient) -> None:
    body = api.get(f"{DATA}?valueCodes[soate]=41711&valueCodes[sex]=_T").get_json()
    assert body["columns"][-3:] == ["status", "conf", "footnotes"]
    assert all(row[-1] == [body["footnotes"][0]["id"]] for row in body["rows"])
    assert {row[-3] for row in body["rows"]} == {"A", "P"}
    assert set(body["flags"]) == {"A", "P"}


def test_a_conditional_request_gets_304(api: FlaskClient) -> None:
    first = api.get(f"{DATA}?valueCodes[sex]=F")
    assert first.headers["ETag"].startswith('W/"')
    assert "max-age" in first.headers["Cache-Control"]
    again = api.get(f"{DATA}?valueCodes[sex]=F", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.data == b""


def test_a_selection_over_the_cell_limit_is_413(tmp_path: Path, sqlite_url: str) -> None:
    client = _make_app(sqlite_url, tmp_path, api_cell_limit=20).test_client()
    response = client.get(f"{DATA}?lang=en")
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["cell_limit"] == 20
    assert "20" in response.get_json()["detail"]


def test_too_many_requests_get_429_with_retry_after(tmp_path: Path, sqlite_url: str) -> None:
    client = _make_app(sqlite_url, tmp_path, api_rate_limit="3 per minute").test_client()
    first = client.get("/api/v1/config")
    assert first.headers["RateLimit-Limit"] == "3"
    for _ in range(2):
        client.get("/api/v1/config", headers={"If-None-Match": first.headers["ETag"]})
    for _ in range(2):  # the 304s were not counted: two more full answers are allowed
        assert client.get("/api/v1/config").status_code == 200
    refused = client.get("/api/v1/config")
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert refused.mimetype == "application/problem+json"
    assert refused.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("expression", "codes"),
    [
        ("level(oblast)", ["41702", "41703", "41704", "41705", "41706", "41707", "41708"]),
        ("41711,41702,41711", ["41702", "41711"]),
        ("4170*", ["41702", "41703", "41704", "41705", "41706", "41707", "41708"]),
        ("range(41707,41711)", ["41707", "41708", "41711"]),
    ],
)
def test_the_selection_grammar(api: FlaskClient, expression: str, codes: list[str]) -> None:
    body = api.get(f"{DATA}?valueCodes[soate]={expression}&valueCodes[sex]=_T").get_json()
    assert [c["code"] for c in body["dimensions"][0]["codes"]] == codes


def test_post_selects_like_get(api: FlaskClient) -> None:
    got = api.get(f"{DATA}?valueCodes[period]=from(2024)&valueCodes[soate]=417").get_json()
    posted = api.post(DATA, json={"selection": {"period": ["from(2024)"], "soate": ["417"]}})
    assert posted.get_json()["rows"] == got["rows"]
    assert {r[2] for r in got["rows"]} == {"2024", "2025"}


def test_cursor_pagination_walks_every_row(api: FlaskClient) -> None:
    rows, url = [], f"{DATA}?limit=7"
    while url:
        body = api.get(url).get_json()
        rows += body["rows"]
        url = f"{DATA}?limit=7&cursor={body['next']}" if body["next"] else ""
    assert len(rows) == body["total_rows"] == 10 * 3 * 4


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Ысык-Көл", "41702"),
        ("ysyk-kol", "41702"),
        ("ысык кол", "41702"),
        ("Jalal-Abad", "41703"),
        ("Джалал", "41703"),
        ("бишкек", "41711"),
    ],
)
def test_search_is_tolerant_of_script_and_letters(api: FlaskClient, query: str, code: str) -> None:
    results = api.get(f"/api/v1/search?q={query}").get_json()["results"]
    assert code in [r["id"] for r in results]


def test_a_territory_found_by_search_links_to_its_own_entry(api: FlaskClient) -> None:
    found = api.get("/api/v1/search?q=бишкек&lang=ru").get_json()["results"]
    link = next(r["url"] for r in found if r["id"] == "41711")
    codes = api.get(link).get_json()["codes"]
    assert {c["code"] for c in codes} == {"41711"}
    assert "Бишкек" in codes[0]["label"]


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_highlights_say_one_sentence_in_each_language(api: FlaskClient, lang: str) -> None:
    items = api.get(f"/api/v1/highlights?lang={lang}").get_json()["items"]
    assert items == []  # the test release has no key figures; the shape is still right


def test_errors_are_localized_problems_with_cors(api: FlaskClient) -> None:
    en = api.get("/api/v1/data/nope?lang=en", headers={"Origin": "https://app.example"})
    ru = api.get("/api/v1/data/nope?lang=ru")
    assert en.status_code == ru.status_code == 404
    assert en.get_json()["title"] != ru.get_json()["title"]
    assert en.headers["Access-Control-Allow-Origin"] == "*"
    preflight = api.options(
        DATA, headers={"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("headers", "query", "reason"),
    [
        ({}, "lang=ru&limit=0", "Должно быть от 1 до 100000."),
        ({"Accept-Language": "ky"}, "limit=x", "Бүтүн сан күтүлгөн."),
        ({}, "lang=en&limit=0", "Must be from 1 to 100000."),
    ],
)
def test_a_field_refused_by_the_schema_is_explained_in_the_asked_language(
    api: FlaskClient, headers: dict[str, str], query: str, reason: str
) -> None:
    problem = api.get(f"{DATA}?{query}", headers=headers)
    assert problem.status_code == 400
    assert problem.get_json()["invalid_params"] == [{"name": "limit", "reason": reason}]


def test_a_data_request_refused_by_its_schema_speaks_the_asked_language(api: FlaskClient) -> None:
    body: dict[str, Any] = {
        "contact": {"name": "A", "email": "not-an-address"},
        "purpose": "short",
        "table": {"source": "release", "indicator": "pop_test", "periods": ["2025"]},
        "formats": ["doc"],
    }
    answer = api.post("/api/v1/requests?lang=ru", json=body)
    assert answer.status_code == 400
    reasons = {p["name"]: p["reason"] for p in answer.get_json()["invalid_params"]}
    assert reasons["contact"] == "Введите адрес электронной почты вида name@example.kg."
    assert reasons["purpose"] == "Длина должна быть от 10 до 4000."
    assert reasons["formats"].startswith("Допустимые значения: csv")
    intake = api.post(
        "/api/v1/requests",
        json={
            **body,
            "contact": {"name": "A", "email": "a@example.kg"},
            "purpose": "x" * 10,
            "formats": ["csv"],
            "table": {**body["table"], "indicator": "nope"},
        },
        headers={"Accept-Language": "ky"},
    )
    assert intake.status_code == 400
    assert intake.get_json()["invalid_params"] == [
        {"name": "indicator", "reason": "Мындай идентификатору бар көрсөткүч жок."}
    ]


def test_staff_endpoints_need_a_token_with_the_role(api: FlaskClient) -> None:
    assert api.get("/api/v1/staff/quality").status_code == 401
    assert (
        api.get("/api/v1/staff/quality", headers={"Authorization": "Bearer t"}).status_code == 200
    )
    publish = f"/api/v1/staff/releases/{rf.EMBARGOED_ID}/publish"
    assert api.post(publish, headers={"Authorization": "Bearer t"}).status_code == 403
    assert api.get(f"/api/v1/releases/{rf.EMBARGOED_ID}").status_code == 404


def test_sync_says_what_changed(api: FlaskClient) -> None:
    body = api.get("/api/v1/sync?since=2025-P1").get_json()
    assert body["up_to_date"] is True
    assert body["indicators"]["changed"] == []
    assert api.get("/api/v1/sync").get_json()["full"] is True


def test_publications_list_only_public_releases(api: FlaskClient) -> None:
    items = api.get("/api/v1/publications").get_json()["items"]
    assert [(i["release"], i["language"]) for i in items] == [("2025-P1", "en")]
    with api.get(items[0]["url"]) as pdf:
        assert pdf.data.startswith(b"%PDF")


def test_config_publishes_the_cell_limit_and_synthetic_flag(api: FlaskClient) -> None:
    body = api.get("/api/v1/config").get_json()
    assert body["limits"]["cells_per_query"] > 10_000
    assert body["synthetic"] is True
    assert set(body["citation"]) == {"ky", "ru", "en"}


def test_publications_carry_the_title_the_build_recorded(database_url: str, tmp_path: Path) -> None:
    app = _make_app(database_url, tmp_path)
    sidecar = tmp_path / "publications" / "2025-P1" / "en" / "yearbook.cells.json"
    sidecar.write_text(json.dumps({"title": "Demographic Yearbook, 2025"}), encoding="utf-8")
    items = app.test_client().get("/api/v1/publications").get_json()["items"]
    assert items[0]["title"] == "Demographic Yearbook, 2025"
    app.extensions["statkg.db"].dispose()


def test_release_notes_list_the_moves_not_counted(database_url: str, tmp_path: Path) -> None:
    """Internal moves with a half in quarantine are left out, and the notes say how many."""
    from store.models import Release

    app = _make_app(database_url, tmp_path)
    with app.extensions["statkg.db"].transaction() as session:
        release = session.get(Release, "2025-P1")
        assert release is not None
        release.notes = {
            **release.notes,
            "pending_migration_records": 12,
            "unmatched_move_halves": {"2025": {"registration": 3, "deregistration": 4}},
        }
    notes = app.test_client().get("/api/v1/releases/2025-P1").get_json()["notes"]
    assert notes["pending_migration_records"] == 12
    assert notes["unmatched_move_halves"] == {"2025": {"registration": 3, "deregistration": 4}}
    app.extensions["statkg.db"].dispose()


def test_two_stores_in_one_process_never_share_an_answer(tmp_path: Path) -> None:
    """Both have a ``2025-P1``: metadata and answers are kept per store, not per release id."""
    from app import create_app
    from classifiers.loader import load_classifiers
    from tests.conftest import _fresh

    apps = []
    for name, scale in (("one", 1.0), ("two", 2.0)):
        url = f"sqlite:///{tmp_path / name}.sqlite3"
        _fresh(url).dispose()
        database = Database(url)
        with database.session() as session:
            load_classifiers(session)
            rf.indicators(session)
            rf.release(session, "2025-P1", rf.NOW - timedelta(days=1), scale=scale)
            session.commit()
        database.dispose()
        apps.append(create_app({"DATABASE_URL": url, "TESTING": True}))
    url = f"{DATA}?valueCodes[soate]=417&valueCodes[sex]=_T&valueCodes[period]=2025"
    values = [app.test_client().get(url).get_json()["rows"][0][-4] for app in apps]
    assert values[1] == 2 * values[0]
    for app in apps:
        app.extensions["statkg.db"].dispose()


@pytest.mark.parametrize(("lang", "title"), [("ky", "Карама-каршылык"), ("ru", "Конфликт")])
def test_a_conflict_is_titled_in_the_asked_language(
    database_url: str, tmp_path: Path, lang: str, title: str
) -> None:
    """Publishing a release that failed its checks: a 409 problem, titled in ky or ru."""
    from store.models import Release

    app = _make_app(database_url, tmp_path, api_tokens={"p": frozenset({"publisher"})})
    with app.extensions["statkg.db"].transaction() as session:
        failed = rf.release(session, "2025-P2", None)
        failed.notes = {"checks_passed": False, "checks": []}
        session.add(failed)
    response = app.test_client().post(
        f"/api/v1/staff/releases/2025-P2/publish?lang={lang}", headers={"Authorization": "Bearer p"}
    )
    assert response.status_code == 409
    assert response.get_json()["title"] == title
    assert response.get_json()["type"].endswith("/release-failed-checks")
    with app.extensions["statkg.db"].session() as session:
        assert session.get(Release, "2025-P2").published_at is None
    app.extensions["statkg.db"].dispose()


def test_a_release_is_read_in_its_own_key_order_after_the_catalog_reorders(
    database_url: str, tmp_path: Path
) -> None:
    """The next computation may reorder an indicator's dimensions; a published release keeps
    answering as it was written (before, it answered nothing)."""
    from store.models import Indicator

    app = _make_app(database_url, tmp_path)
    url = (
        f"{DATA}?release=2025-P1&valueCodes[soate]=41702&valueCodes[sex]=M&valueCodes[period]=2025"
    )
    client = app.test_client()
    before = client.get(url).get_json()
    with app.extensions["statkg.db"].transaction() as session:
        row = session.get(Indicator, "pop_test")
        assert row is not None
        row.dimensions = ["sex", "soate"]  # what a later sync_catalog may write
    for name in ("statkg.answers", "statkg.metadata", "statkg.fastpath"):
        app.extensions[name].clear()
    after = client.get(url).get_json()
    assert after["rows"] == before["rows"]
    assert after["rows"][0][:2] == ["41702", "M"]
    with app.extensions["statkg.db"].session() as session:
        from store import read

        assert read.value(session, "2025-P1", "pop_test", "2025", soate="41702").value == 2300.0  # type: ignore[union-attr]
    app.extensions["statkg.db"].dispose()


def test_a_catalog_edit_reaches_every_answer_when_the_state_is_next_read(
    database_url: str, tmp_path: Path
) -> None:
    """The catalog is part of what is public: its fingerprint turns the caches over."""
    from store.models import Indicator

    app = _make_app(database_url, tmp_path)
    client = app.test_client()
    url = "/api/v1/catalog/pop_test?lang=en"
    assert client.get(url).get_json()["definition"] == "Definition"
    with app.extensions["statkg.db"].transaction() as session:
        row = session.get(Indicator, "pop_test")
        assert row is not None
        row.definition_en = "A better definition"
    app.extensions["statkg.public_state"].invalidate()  # what STATKG_API_STATE_TTL does
    assert client.get(url).get_json()["definition"] == "A better definition"
    app.extensions["statkg.db"].dispose()


def test_an_indicator_only_an_embargoed_release_holds_answers_as_an_unknown_one(
    api: FlaskClient,
) -> None:
    """Whatever else the query says (a release, a cursor, a selection), the answer about an
    indicator that only an unpublished computation wrote is the answer about an id that
    does not exist: nothing tells the public that it is coming."""
    from store.models import ConfStatus, Indicator, ObsStatus
    from store.observations import NewObservation, insert_observations

    with api.application.extensions["statkg.db"].transaction() as session:
        public = session.get(Indicator, "pop_test")
        assert public is not None
        secret = Indicator(**{c.name: getattr(public, c.name) for c in Indicator.__table__.columns})
        secret.id = "secret_test"
        session.add(secret)
        session.flush()
        cell = NewObservation(
            indicator_id="secret_test",
            period="2026",
            dims={"soate": "417", "sex": "_T"},
            value=rf.EMBARGOED_VALUE,
            status=ObsStatus.PROVISIONAL,
            conf=ConfStatus.FREE,
            sort_order=1,
        )
        insert_observations(
            session.connection(), rf.EMBARGOED_ID, [cell], {"secret_test": ("soate", "sex")}
        )
    queries = ("", "?release=2025-P1", "?release=2099-P1", "?release=bogus", "?cursor=garbage")
    for query in queries:
        secret_answer = api.get(f"/api/v1/data/secret_test{query}")
        unknown_answer = api.get(f"/api/v1/data/no_such_test{query}")
        assert secret_answer.status_code == unknown_answer.status_code, query
        assert secret_answer.get_json()["type"] == unknown_answer.get_json()["type"], query
    assert api.get("/api/v1/data/secret_test").status_code == 404
