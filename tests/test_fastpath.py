"""Replayed answers (api.fastpath) are the answers Flask gives, with live limits and 304s."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.test_api import DATA, _make_app

LIVE = {"Date", "RateLimit-Remaining", "RateLimit-Reset", "Cache-Control"}


@pytest.fixture
def api(sqlite_url: str, tmp_path: Path) -> FlaskClient:
    return _make_app(sqlite_url, tmp_path).test_client()


def _headers(response: TestResponse) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k not in LIVE}


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        (f"{DATA}?lang=ru", {}),
        (f"{DATA}?format=jsonstat", {"Accept-Language": "en"}),
        ("/api/v1/catalog", {"Accept-Encoding": "gzip", "Origin": "https://app.stat.kg"}),
    ],
)
def test_a_replay_is_the_answer_flask_gave(
    api: FlaskClient, url: str, headers: dict[str, str]
) -> None:
    first = api.get(url, headers=headers)
    second = api.get(url, headers=headers)
    assert first.status_code == second.status_code == 200
    assert second.data == first.data
    assert _headers(second) == _headers(first)
    assert "X-StatKG-Replayable" not in second.headers


def test_a_replay_answers_if_none_match_with_304(api: FlaskClient) -> None:
    etag = api.get(DATA).headers["ETag"]
    api.get(DATA)  # now stored
    again = api.get(DATA, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag


def test_replays_spend_the_same_budget(sqlite_url: str, tmp_path: Path) -> None:
    api = _make_app(sqlite_url, tmp_path, api_rate_limit="3 per minute").test_client()
    remaining = [api.get(DATA).headers["RateLimit-Remaining"] for _ in range(3)]
    assert remaining == ["2", "1", "0"]
    refused = api.get(DATA)
    assert refused.status_code == 429
    assert refused.mimetype == "application/problem+json"


def test_languages_are_never_mixed(api: FlaskClient) -> None:
    ky = [api.get(DATA, headers={"Accept-Language": "ky"}) for _ in range(2)]
    ru = [api.get(DATA, headers={"Accept-Language": "ru"}) for _ in range(2)]
    assert {r.headers["Content-Language"] for r in ky} == {"ky"}
    assert {r.headers["Content-Language"] for r in ru} == {"ru"}
    assert ky[1].data != ru[1].data
