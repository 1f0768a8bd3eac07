"""Rate limits: a budget per app key (else per address), a ceiling per address, shared
through Redis by every process that serves the API."""

from __future__ import annotations

import dataclasses
import threading
import urllib.error
import urllib.request
from typing import Any

import pytest
from flask import Flask

from api.ratelimit import ClientLimiter, client_of
from config import Config
from tests.servers import gunicorn, redis_server

KEY = "X-StatKG-App-Key"


def test_a_well_formed_app_key_is_the_client_else_the_address() -> None:
    assert client_of("10.0.0.1", "phone-0001").key == "key:phone-0001"
    assert client_of("10.0.0.1", "phone-0001").address == "ip:10.0.0.1"
    assert client_of("10.0.0.1", None).key == "ip:10.0.0.1"
    assert client_of("10.0.0.1", "short").key == "ip:10.0.0.1"
    assert client_of("10.0.0.1", "x" * 65).key == "ip:10.0.0.1"
    assert client_of("10.0.0.1", "bad key with spaces").key == "ip:10.0.0.1"


def test_keys_behind_one_address_share_its_ceiling() -> None:
    limiter = ClientLimiter("3 per minute", "memory://", "5 per minute")
    first, second, third = (client_of("10.0.0.1", f"phone-000{n}") for n in (1, 2, 3))
    for _ in range(3):
        assert limiter.budget(first).allowed
        limiter.spend(first)
    assert not limiter.budget(first).allowed  # its own budget
    assert limiter.budget(second).allowed
    limiter.spend(second)
    limiter.spend(second)
    assert not limiter.budget(third).allowed  # the address's ceiling
    assert limiter.budget(client_of("10.0.0.2", "phone-0003")).allowed


def _app(url: str, **settings: Any) -> Flask:
    from app import create_app

    cfg = dataclasses.replace(Config(), **settings)
    return create_app({"DATABASE_URL": url, "TESTING": True, "STATKG_CONFIG": cfg})


def test_each_app_key_has_its_own_budget_behind_one_address(sqlite_url: str) -> None:
    client = _app(sqlite_url, api_rate_limit="2 per minute").test_client()
    for _ in range(2):
        assert client.get("/api/v1/ping", headers={KEY: "phone-aaaa"}).status_code == 200
    refused = client.get("/api/v1/ping", headers={KEY: "phone-aaaa"})
    assert refused.status_code == 429
    assert refused.headers["Retry-After"]
    assert client.get("/api/v1/ping", headers={KEY: "phone-bbbb"}).status_code == 200
    assert client.get("/api/v1/ping").status_code == 200  # the address's own budget


def test_behind_a_proxy_the_forwarded_address_is_the_client(sqlite_url: str) -> None:
    client = _app(sqlite_url, api_rate_limit="1 per minute", proxy_hops=1).test_client()
    assert client.get("/api/v1/ping", headers={"X-Forwarded-For": "1.1.1.1"}).status_code == 200
    assert client.get("/api/v1/ping", headers={"X-Forwarded-For": "1.1.1.1"}).status_code == 429
    assert client.get("/api/v1/ping", headers={"X-Forwarded-For": "2.2.2.2"}).status_code == 200


def _status(url: str, key: str) -> int:
    request = urllib.request.Request(url, headers={KEY: key})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.mark.slow
def test_two_servers_share_one_budget_through_redis(sqlite_url: str) -> None:
    with redis_server() as redis_url:
        env = {
            "DATABASE_URL": sqlite_url,
            "STATKG_API_RATE_STORAGE": redis_url,
            "STATKG_API_RATE_LIMIT": "10 per 5 minutes",
        }
        with gunicorn(env, workers=2) as (one, _), gunicorn(env, workers=2) as (two, _):
            answers = [
                _status(f"{(one, two)[n % 2]}/api/v1/ping", "phone-shared") for n in range(10)
            ]
            assert answers == [200] * 10
            assert _status(f"{one}/api/v1/ping", "phone-shared") == 429
            assert _status(f"{two}/api/v1/ping", "phone-shared") == 429
            assert _status(f"{two}/api/v1/ping", "phone-other1") == 200


def test_counting_in_memory_starts_no_thread_per_request(monkeypatch: pytest.MonkeyPatch) -> None:
    limiter = ClientLimiter("1000 per minute", "memory://")
    started: list[object] = []
    monkeypatch.setattr(threading.Thread, "start", lambda thread: started.append(thread))
    for n in range(200):
        limiter.spend(client_of("10.0.0.1", f"phone-{n:04d}"))
    assert started == []
    assert limiter.budget(client_of("10.0.0.1", "phone-0007")).remaining == 999
