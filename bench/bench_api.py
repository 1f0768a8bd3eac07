"""API speed: wrk against gunicorn on 127.0.0.1, a trivial endpoint vs a typical data query.

Targets (issue 5): the data query sustains at least 60 % of the trivial endpoint's
requests/s in the same gunicorn configuration and run, with p99 at most 50 ms at 64
connections; conditional requests (304) at least 80 %. Loopback only, bounded duration.

    .venv/bin/python bench/bench_api.py [--database URL] [--seconds 10] [--write]

Without ``--database`` it makes a small synthetic store (scale 0.01) in a temporary folder.
Installs Debian's ``wrk`` when it is missing. ``--write`` puts the figures into
docs/PERFORMANCE.md between the ``bench_api`` markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import write_section  # noqa: E402

VENV = ROOT / ".venv" / "bin"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
DATA = (
    "/api/v1/data/pop_jan1?lang=ru&valueCodes[soate]=level(oblast)"
    "&valueCodes[sex]=*&valueCodes[urban_rural]=_T&valueCodes[age5]=_T"
    "&valueCodes[period]=top(3)"
)
TRIVIAL = "/api/v1/ping"


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)
    return shutil.which("wrk") or "wrk"


def make_store(folder: Path) -> str:
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url}
    flask = [str(VENV / "flask"), "--app", "app"]
    for args in (
        ["store", "upgrade"],
        ["classifiers", "load"],
        ["synth", "generate", "--scale", "0.01"],
        ["release", "compute", "--period", "2025", "--publish-at", "now"],
    ):
        subprocess.run([*flask, *args], cwd=ROOT, env=env, check=True, capture_output=True)
    return url


def wrk(binary: str, path: str, seconds: int, headers: dict[str, str]) -> dict[str, float]:
    command = [binary, "-t2", "-c64", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, BASE + path], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    assert p99 is not None, out
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {
        "rps": rps,
        "p99_ms": float(p99.group(1)) * scale,
        "errors": float(non2xx.group(1)) if non2xx else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    binary = ensure_wrk()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or make_store(Path(folder))
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "STATKG_BIND": f"127.0.0.1:{PORT}",
            "STATKG_WORKERS": str(args.workers),
            # One client (wrk) makes every request here: lift the per-client limit.
            "STATKG_API_RATE_LIMIT": "10000000 per second",
        }
        server = subprocess.Popen(
            [
                str(VENV / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                "/dev/null",
                *(os.environ.get("BENCH_GUNICORN_ARGS", "").split()),
                "app:create_app()",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(BASE + TRIVIAL, timeout=1).read()  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.2)
            with urllib.request.urlopen(BASE + DATA) as response:  # noqa: S310
                etag = response.headers["ETag"]
                size = len(response.read())
            headers = {"Accept-Encoding": "gzip"}
            for path in (TRIVIAL, DATA):  # warm every worker
                wrk(binary, path, 2, headers)
            trivial = wrk(binary, TRIVIAL, args.seconds, headers)
            data = wrk(binary, DATA, args.seconds, headers)
            conditional = wrk(binary, DATA, args.seconds, {**headers, "If-None-Match": etag})
        finally:
            server.terminate()
            server.wait(timeout=30)
    data_share = data["rps"] / trivial["rps"]
    cond_share = conditional["rps"] / trivial["rps"]
    rows = [
        ("trivial `GET /api/v1/ping`", trivial, 1.0),
        (f"data query ({size:,} B JSON before gzip)", data, data_share),
        ("the same, conditional (304)", conditional, cond_share),
    ]
    table = "\n".join(
        f"| {name} | {r['rps']:,.0f} | {r['p99_ms']:.1f} | {share:.0%} | {r['errors']:.0f} |"
        for name, r, share in rows
    )
    ok = data_share >= 0.6 and data["p99_ms"] <= 50 and cond_share >= 0.8
    section = f"""## JSON API (`bench/bench_api.py`)

wrk, 2 threads, 64 connections, {args.seconds} s per endpoint, gzip accepted; gunicorn
({args.workers} sync workers, `gunicorn.conf.py`) on 127.0.0.1; synthetic store, scale 0.01,
SQLite; {platform.machine()}, {os.cpu_count()} cores (wrk shares them), Python
{platform.python_version()}, {datetime.now(UTC).date().isoformat()}.
Data query: `{DATA}`.

| endpoint | requests/s | p99 ms | vs trivial | non-2xx/3xx |
|---|---|---|---|---|
{table}

Targets (issue 5): data ≥ 60 % of trivial with p99 ≤ 50 ms, 304s ≥ 80 %:
{"met" if ok else "NOT met"}. Answers are cached per worker under the fingerprint of the
public releases (releases are immutable) and a repeated query is replayed by `api.fastpath`
without entering Flask (rate limit, 304 and max-age stay live), which is why it outruns the
trivial endpoint, itself answered by Flask on every request; a first, uncached query reads
SQLite. Reproduce with `make bench` or
`.venv/bin/python bench/bench_api.py --write`."""
    print(section)
    if args.write:
        write_section("bench_api", section)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
