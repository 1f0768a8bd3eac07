"""gunicorn serves the app on loopback and logs one JSON object per request."""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.servers import gunicorn


@pytest.mark.slow
def test_gunicorn_logs_json_even_for_awkward_agents(sqlite_url: str) -> None:
    agent = 'Quoting "agent" and a backslash \\'
    with gunicorn({"DATABASE_URL": sqlite_url}) as (base, server):
        request = urllib.request.Request(  # noqa: S310
            f"{base}/health?x=%22", headers={"User-Agent": agent}
        )
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            assert response.status == 200
        server.terminate()
        out, _ = server.communicate(timeout=30)
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    health = [line for line in lines if line["path"] == "/health"]
    assert health[-1]["agent"] == agent
    assert health[-1]["status"] == 200
    assert health[-1]["query"] == "x=%22"
