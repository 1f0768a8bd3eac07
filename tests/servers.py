"""Servers the tests start on loopback and stop: gunicorn serving the app, and Redis.

Like :mod:`tests.postgres`: found on the machine (``make test`` installs Debian's
``redis-server``), run in a temporary folder on a free port, removed at the end. gunicorn
runs without its control socket (``--no-control-socket``): two instances would otherwise
share ``~/.gunicorn/gunicorn.ctl``, the second taking it over from the first.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def redis_server() -> Iterator[str]:
    """A throwaway Redis on loopback; yields its URL (``redis://127.0.0.1:port``)."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("STATKG_REQUIRE_POSTGRES") == "1":  # CI: every server is required
            pytest.fail("redis-server is required in CI but not installed (make test installs it)")
        pytest.skip("no redis-server on this machine (make test installs one)")
    folder = Path(tempfile.mkdtemp(prefix="statkg-redis-"))
    port = free_port()
    server = subprocess.Popen(
        [
            binary,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def gunicorn(
    env: dict[str, str],
    workers: int = 1,
    access_log: bool = True,
    options: tuple[str, ...] = (),
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """The app under gunicorn on a free loopback port; yields its base URL and the process.

    ``env`` adds to the environment (``DATABASE_URL`` and any ``STATKG_*`` setting). The
    server's output (the JSON access log) is left on the process's stdout, a pipe the caller
    reads after stopping the server; ``access_log=False`` drops it instead, for a server
    that answers more requests than the pipe holds (a full pipe stops the workers).
    ``options`` are more of gunicorn's own (``--worker-class gthread``).
    """
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            "gunicorn.conf.py",
            "--no-control-socket",
            *options,
            "app:create_app()",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            **env,
            "STATKG_BIND": f"127.0.0.1:{port}",
            "STATKG_WORKERS": str(workers),
        },
        stdout=subprocess.PIPE if access_log else subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/v1/ping", timeout=2):  # noqa: S310
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.1)
        yield base, server
    finally:
        server.terminate()
        if server.stdout is not None and not server.stdout.closed:
            server.communicate(timeout=30)  # reads what is left and closes the pipe
        server.wait(timeout=30)
