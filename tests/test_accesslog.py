"""gunicorn serves the app on loopback and logs one JSON object per request."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_gunicorn_logs_json_even_for_awkward_agents(sqlite_url: str) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": sqlite_url,
        "STATKG_BIND": f"127.0.0.1:{port}",
        "STATKG_WORKERS": "1",
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            "gunicorn.conf.py",
            "app:create_app()",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        agent = 'Quoting "agent" and a backslash \\'
        for _ in range(100):
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/health?x=%22", headers={"User-Agent": agent}
                )
                with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                    assert response.status == 200
                break
            except OSError:
                time.sleep(0.1)
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    health = [line for line in lines if line["path"] == "/health"]
    assert health[-1]["agent"] == agent
    assert health[-1]["status"] == 200
    assert health[-1]["query"] == "x=%22"
